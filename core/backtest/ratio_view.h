#pragma once

#include <QString>
#include <QtGlobal>

namespace pairlab {

/** A ratio of fewer trades than this says nothing: the screen shows "n/a: 3 trades". */
inline constexpr int kMinTradesForRatio = 10;
/** Data shorter than this is not annualised: √(bars a year) would multiply minutes into a year. */
inline constexpr qint64 kMinSpanToAnnualiseMs = 86'400'000;

/** What the screen may say of an annualised ratio (Sharpe, Sortino) of a backtest: the engine's number
 *  (CONVENTIONS §12, ×√B) when the sample allows it, the per-bar ratio (÷√B) when the data span less than
 *  a day, nothing when there are too few trades; always with the basis in words. */
struct RatioView
{
    double value = 0;        ///< what to show and compare (NaN when refused)
    bool annualised = false; ///< value is ×√B (else per bar)
    QString text;            ///< "1.87", "0.0312 per bar", "n/a: 3 trades"
    QString basis;           ///< "annualised: ×√525,600 (1 m bars a year, 24/7)" / why not annualised
};
RatioView ratioView(double annualisedValue, int trades, qint64 spanMs, double barsPerYear, int decimals = 2);

/** "annualised: ×√525,600 (bars of 1 m a year, 24/7)" */
QString annualisationBasis(double barsPerYear);
/** A span in words, durationText() of it: "45 s", "4 min", "3.5 h", "12 days". */
QString spanText(qint64 ms);

} // namespace pairlab
