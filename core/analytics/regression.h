#pragma once

#include "analytics/analytics_status.h"

#include <cstdint>
#include <span>

namespace pairlab {

/** Least squares `y = alpha + beta*x` with intercept, solved by Householder QR of the design [1, x]
    (CONVENTIONS §1; statsmodels OLS). Standard errors use sigma^2 = SSR/(n-2). `fit_at_mean_x` is the
    well-conditioned level alpha + beta*mean(x). Needs n >= 3 finite rows and non-constant x. */
struct OlsResult {
    AnalyticsStatus status = AnalyticsStatus::Ok;
    double alpha = kNaN, beta = kNaN, r2 = kNaN, alphaSe = kNaN, betaSe = kNaN, fitAtMeanX = kNaN;
    double ssr = kNaN;
    bool ok() const { return status == AnalyticsStatus::Ok; }
};
OlsResult olsFit(std::span<const double> x, std::span<const double> y);

/** Huber M-estimator exactly as statsmodels `RLM(y, add_constant(x), M=HuberT(1.345)).fit()`:
    IRLS from OLS, scale = MAD centred at 0 (/Phi^-1(0.75)), convergence on the deviance
    sum rho(r/s) with s the weighted residual variance, tol 1e-8, maxiter 50 (CONVENTIONS §2).
    `iterations` is statsmodels' counter (1 after the OLS start). Weighted fits use a two-column
    modified Gram-Schmidt QR of sqrt(w)[1, x] (= weighted centring), exact for two columns. */
struct HuberResult {
    AnalyticsStatus status = AnalyticsStatus::Ok;
    double alpha = kNaN, beta = kNaN, scale = kNaN;
    int iterations = 0;
    bool ok() const { return status == AnalyticsStatus::Ok; }
};
HuberResult huberFit(std::span<const double> x, std::span<const double> y, double c = 1.345,
                     double tol = 1e-8, int maxIter = 50);

/** Exact Theil-Sen as scipy.stats.theilslopes(y, x, 0.95) (CONVENTIONS §3): median of all pairwise
    slopes with x_i != x_j, intercept median(y) - slope*median(x), Sen (1968) 95 % CI from the sorted
    slopes. Computed without materialising the n^2 slopes: slopes <= t are counted as inversions of
    u_i = y_i - t*x_i in x order (merge sort, O(n log n)); the wanted ranks are bracketed with
    thresholds taken from random samples of slopes, and the few slopes inside the final bracket are
    enumerated as the inversions between the two threshold orders and selected exactly. The bracket is
    verified against the floating-point error of the counting keys and widened if needed, so the result
    equals the order statistic of the slopes as computed by scipy ((y_j-y_i)/(x_j-x_i)). */
struct TheilSenResult {
    AnalyticsStatus status = AnalyticsStatus::Ok;
    double slope = kNaN, intercept = kNaN, lowSlope = kNaN, highSlope = kNaN;
    double interceptJoint = kNaN; ///< scipy method='joint': median(y - slope*x)
    std::int64_t slopeCount = 0;  ///< N, number of pairs with distinct x
    bool ok() const { return status == AnalyticsStatus::Ok; }
};
TheilSenResult theilSen(std::span<const double> x, std::span<const double> y);

/** Reference Theil-Sen materialising all slopes (scipy's algorithm); O(n^2) memory, for tests/small n. */
TheilSenResult theilSenBruteForce(std::span<const double> x, std::span<const double> y);

/** Median of a copy of v (mean of the two middle values for an even count); NaN when empty. */
double median(std::span<const double> v);

} // namespace pairlab
