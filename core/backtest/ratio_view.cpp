#include "backtest/ratio_view.h"

#include "analytics/series_stats.h"
#include "models/axis_scale.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>
#include <limits>

namespace pairlab {

namespace {
struct RatioText
{
    Q_DECLARE_TR_FUNCTIONS(RatioView)
};

QString barLength(double barsPerYear)
{
    return durationText(kBarsPerYear1s / barsPerYear);
}
} // namespace

QString spanText(qint64 ms)
{
    return durationText(double(ms) / 1000.0);
}

QString annualisationBasis(double barsPerYear)
{
    return RatioText::tr("Annualised by ×√%1 (%1 bars of %2 a year, 24/7)")
        .arg(QLocale().toString(barsPerYear, 'f', 0), barLength(barsPerYear));
}

RatioView ratioView(double annualisedValue, int trades, qint64 spanMs, double barsPerYear, int decimals)
{
    RatioView v;
    if (trades < kMinTradesForRatio) {
        v.value = std::numeric_limits<double>::quiet_NaN();
        v.text = trades == 1 ? RatioText::tr("n/a: 1 trade") : RatioText::tr("n/a: %1 trades").arg(trades);
        v.basis = RatioText::tr("A ratio needs at least %1 trades").arg(kMinTradesForRatio);
        return v;
    }
    if (!std::isfinite(annualisedValue) || !(barsPerYear > 0)) {
        v.value = std::numeric_limits<double>::quiet_NaN();
        v.text = RatioText::tr("n/a");
        v.basis = RatioText::tr("The P&L does not vary");
        return v;
    }
    if (spanMs < kMinSpanToAnnualiseMs) {
        v.value = annualisedValue / std::sqrt(barsPerYear);
        v.text = RatioText::tr("%1 per bar").arg(QLocale().toString(v.value, 'g', 3));
        v.basis = RatioText::tr("Per bar, not annualised: %1 of data is too short to scale to a year")
                      .arg(spanText(spanMs));
        return v;
    }
    v.value = annualisedValue;
    v.annualised = true;
    v.text = QLocale().toString(annualisedValue, 'f', decimals);
    v.basis = annualisationBasis(barsPerYear);
    return v;
}

} // namespace pairlab
