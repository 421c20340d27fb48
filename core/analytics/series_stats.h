#pragma once

#include "analytics/analytics_status.h"

#include <span>

namespace pairlab {

/** Moments of one sample (CONVENTIONS §9; scipy.stats.skew/kurtosis with bias=True/False, numpy std ddof 1).
 */
struct Moments
{
    AnalyticsStatus status = AnalyticsStatus::Ok;
    double mean = kNaN, std = kNaN, skew = kNaN, kurtosis = kNaN, skewUnbiased = kNaN,
           kurtosisUnbiased = kNaN;
    bool ok() const { return status == AnalyticsStatus::Ok; }
};
Moments moments(std::span<const double> v);

/** Per-leg statistics on levels and on log returns r_1..r_{n-1}; annualised vol = std(r)*sqrt(B). */
struct LegStats
{
    AnalyticsStatus status = AnalyticsStatus::Ok;
    Moments levels, returns;
    double lastReturn = kNaN, annualisedVol = kNaN;
    bool ok() const { return status == AnalyticsStatus::Ok; }
};
/** Crypto futures trade around the clock: a year is 365 days of 24 h. */
inline constexpr double kBarsPerYear1s = 365.0 * 24 * 3600;
/** Bars of `intervalSeconds` in a year: the annualisation factor of every ratio and volatility. */
inline constexpr double barsPerYear(int intervalSeconds)
{
    return kBarsPerYear1s / (intervalSeconds > 1 ? intervalSeconds : 1);
}
LegStats legStats(std::span<const double> prices, double barsPerYear = kBarsPerYear1s);

/** Half-life of mean reversion (CONVENTIONS §10): OLS ds_t = c + lambda s_{t-1}; -ln2/lambda, and the
    labelled variant -ln2/ln(1+lambda); both NaN when lambda >= 0. */
struct HalfLife
{
    AnalyticsStatus status = AnalyticsStatus::Ok;
    double lambda = kNaN, halfLife = kNaN, halfLifeLog = kNaN;
    bool ok() const { return status == AnalyticsStatus::Ok; }
};
HalfLife halfLife(std::span<const double> s);

/** Hurst exponent by the variance-of-lags method (CONVENTIONS §11): slope of ln std(s_{t+tau}-s_t, ddof 0)
    on ln tau, tau = 2..99 (lags that leave fewer than 2 differences are skipped). */
double hurstExponent(std::span<const double> s, int minLag = 2, int maxLagExclusive = 100);

} // namespace pairlab
