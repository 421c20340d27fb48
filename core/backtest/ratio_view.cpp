#include "backtest/ratio_view.h"

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
    const double seconds = 365.0 * 24 * 3600 / barsPerYear;
    if (seconds < 60)
        return RatioText::tr("%1 s").arg(QLocale().toString(seconds, 'g', 3));
    if (seconds < 3600)
        return RatioText::tr("%1 min").arg(QLocale().toString(seconds / 60, 'g', 3));
    if (seconds < 86400)
        return RatioText::tr("%1 h").arg(QLocale().toString(seconds / 3600, 'g', 3));
    return RatioText::tr("%1 d").arg(QLocale().toString(seconds / 86400, 'g', 3));
}
} // namespace

QString spanText(qint64 ms)
{
    const double s = double(ms) / 1000.0;
    if (s < 120)
        return RatioText::tr("%1 s").arg(QLocale().toString(s, 'f', 0));
    if (s < 7200)
        return RatioText::tr("%1 min").arg(QLocale().toString(s / 60, 'f', 0));
    if (s < 2 * 86400)
        return RatioText::tr("%1 h").arg(QLocale().toString(s / 3600, 'f', 1));
    return RatioText::tr("%1 days").arg(QLocale().toString(s / 86400, 'f', 1));
}

QString annualisationBasis(double barsPerYear)
{
    return RatioText::tr("Annualised: ×√%1 (bars of %2 a year, 24/7)")
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
