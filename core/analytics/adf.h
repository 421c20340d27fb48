#pragma once

#include "analytics/analytics_status.h"

#include <QString>

#include <array>
#include <span>
#include <vector>

namespace pairlab {

/** Deterministic terms of the ADF regression: statsmodels' 'c', 'ct', 'n'. */
enum class AdfTrend { Constant, ConstantTrend, None };
/** statsmodels' autolag: None (use maxlag), 'AIC', 'BIC', 't-stat'. */
enum class AdfAutolag { None, Aic, Bic, TStat };

QString adfTrendName(AdfTrend trend); ///< "c", "ct", "n"

struct AdfOptions {
    AdfTrend trend = AdfTrend::Constant;
    AdfAutolag autolag = AdfAutolag::Aic;
    int maxlag = -1; ///< < 0: statsmodels' default min(n/2 - k_det - 1, ceil(12 (n/100)^(1/4)))
};

/** 1 %, 5 %, 10 % */
using CriticalValues = std::array<double, 3>;

/** Result of statsmodels.tsa.stattools.adfuller (CONVENTIONS §7). `icbest` is NaN without autolag. */
struct AdfResult {
    AnalyticsStatus status = AnalyticsStatus::Ok;
    double stat = kNaN, pvalue = kNaN, icbest = kNaN;
    int usedlag = 0, nobs = 0, maxlag = 0;
    CriticalValues crit{kNaN, kNaN, kNaN};
    bool ok() const { return status == AnalyticsStatus::Ok; }
};

/** Augmented Dickey-Fuller test as statsmodels `adfuller(s, maxlag, regression, autolag)`.
    Every lag of the autolag search comes from ONE Householder QR of the largest design, with the
    columns ordered [det, s_{t-1}, ds_{t-1}, ..., ds_{t-maxlag}] so that lag p's design is a column
    prefix: SSR_p = sum of squares of (Q'y)[k_p..] (computed as the QR of [s_{t-1}, ds lags, ds_t] with the
    deterministic columns folded in afterwards, see adfullerTrends). The final regression on its longer sample
    (t = p+1..n-1) is that prefix's R stacked on the extra rows and re-triangularised, which spans the
    same least-squares problem (the trend column differs from statsmodels' 1..nobs by a constant only). */
AdfResult adfuller(std::span<const double> series, const AdfOptions &options = {});

/** adfuller for several trends of the same series at once: one Householder QR of
    Z = [s_{t-1}, ds lags, ds_t] is shared by all trends (each trend's deterministic columns are folded in
    through Q'D and a tiny second QR), so 'c', 'ct' and 'n' together cost about one ADF. */
std::vector<AdfResult> adfullerTrends(std::span<const double> series, std::span<const AdfTrend> trends,
                                      AdfAutolag autolag = AdfAutolag::Aic, int maxlag = -1);

/** statsmodels `mackinnonp(tau, regression, N)`: MacKinnon (1994) surface, Phi from Boost.Math. */
double mackinnonP(double tau, AdfTrend trend, int n = 1);
/** statsmodels `mackinnoncrit(N, regression, nobs)`: MacKinnon (2010) (1996 for 'n'); NaN if no table. */
CriticalValues mackinnonCrit(AdfTrend trend, int n, double nobs);

/** statsmodels `coint(y, x, trend='c')` (Engle-Granger, CONVENTIONS §8): ADF 'n' on the OLS residuals,
    p-value and critical values with N = 2 (crit at nobs = n - 1). If R^2 >= 1 - 100 sqrt(eps) the legs
    are collinear: stat = -inf, p = 0 and `warning` says so, as statsmodels' CollinearityWarning. */
struct CointResult {
    AnalyticsStatus status = AnalyticsStatus::Ok;
    double stat = kNaN, pvalue = kNaN;
    CriticalValues crit{kNaN, kNaN, kNaN};
    int usedlag = 0, nobs = 0;
    QString warning;
    bool ok() const { return status == AnalyticsStatus::Ok; }
};
CointResult engleGranger(std::span<const double> y, std::span<const double> x,
                         AdfAutolag autolag = AdfAutolag::Aic, int maxlag = -1);
struct OlsResult;
/** The same test when the OLS of y on x and the 'n' ADF of its residuals are already known (the
    analysis computes ADF 'n' on the OLS spread anyway: identical series); n = series length. */
CointResult engleGrangerFromAdf(const OlsResult &ols, const AdfResult &residualAdfN, std::size_t n);

} // namespace pairlab
