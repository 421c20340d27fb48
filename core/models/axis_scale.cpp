#include "models/axis_scale.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace pairlab {

NiceScale niceScale(double lo, double hi, int maxTicks, double ceiling)
{
    NiceScale s;
    if (!std::isfinite(lo) || !std::isfinite(hi))
        return s;
    if (lo > hi)
        std::swap(lo, hi);
    maxTicks = std::max(2, maxTicks);
    if (hi - lo <= std::max(std::fabs(hi), std::fabs(lo)) * 1e-12) {
        // One value (or a flat line): a span of ~1 % of it (1 when it is 0), below a ceiling it sits on.
        const double half = lo != 0 ? std::fabs(lo) * 0.01 : 1.0;
        const bool atCeiling = std::isfinite(ceiling) && hi >= ceiling;
        lo = atCeiling ? ceiling - 2 * half : lo - half;
        hi = atCeiling ? ceiling : hi + half;
    }
    const double raw = (hi - lo) / double(maxTicks - 1);
    double step = std::pow(10.0, std::floor(std::log10(raw)));
    for (;;) {
        for (const double m : {1.0, 2.0, 5.0}) {
            const double st = m * step;
            const double a = std::floor(lo / st + 1e-9) * st, b = std::ceil(hi / st - 1e-9) * st;
            const int ticks = int(std::lround((b - a) / st)) + 1;
            if (ticks <= maxTicks) {
                s.lo = a;
                s.hi = b;
                s.step = st;
                s.ticks = std::max(2, ticks);
                if (std::isfinite(ceiling) && hi <= ceiling && s.hi > ceiling)
                    s.hi = ceiling; // only when the ceiling is off the grid; the data never reach above it
                return s;
            }
        }
        step *= 10;
    }
}

int priceDecimals(double price)
{
    if (!(price > 0) || !std::isfinite(price))
        return 2;
    return std::clamp(int(std::floor(-std::log10(price))) + 4, 2, 10);
}

QString durationText(double seconds)
{
    struct Unit
    {
        double seconds;
        const char *name;
    };
    static constexpr Unit kUnits[] = {{86400, QT_TRANSLATE_NOOP("Duration", "%1 days")},
                                      {3600, QT_TRANSLATE_NOOP("Duration", "%1 h")},
                                      {60, QT_TRANSLATE_NOOP("Duration", "%1 min")},
                                      {1, QT_TRANSLATE_NOOP("Duration", "%1 s")}};
    if (!std::isfinite(seconds))
        return QLocale().toString(seconds);
    if (seconds == 86400)
        return QCoreApplication::translate("Duration", "1 day");
    for (const Unit &u : kUnits)
        if (std::fabs(seconds) >= u.seconds || u.seconds == 1)
            return QCoreApplication::translate("Duration", u.name)
                .arg(QLocale().toString(seconds / u.seconds, 'g', 3));
    return {};
}

QString valueLabelFormat(double step)
{
    int decimals = 0;
    if (std::isfinite(step) && step > 0 && step < 1)
        decimals = std::min(10, int(std::ceil(-std::log10(step) - 1e-9)));
    return QStringLiteral("%.%1f").arg(decimals);
}

QString timeAxisFormat(qint64 fromMs, qint64 toMs, qint64 barMs)
{
    const qint64 span = toMs - fromMs;
    const QDate a = QDateTime::fromMSecsSinceEpoch(fromMs, QTimeZone::utc()).date();
    const QDate b = QDateTime::fromMSecsSinceEpoch(toMs, QTimeZone::utc()).date();
    const bool withYear = a.year() != b.year() || span > 300LL * 86400000;
    if (barMs >= 86400000)
        return withYear ? QStringLiteral("yyyy-MM-dd") : QStringLiteral("MM-dd");
    if (span > 2LL * 86400000)
        return withYear ? QStringLiteral("yyyy-MM-dd HH:mm") : QStringLiteral("MM-dd HH:mm");
    if (span > 1800000)
        return QStringLiteral("HH:mm");
    return QStringLiteral("HH:mm:ss");
}

} // namespace pairlab
