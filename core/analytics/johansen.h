#pragma once

#include <QString>

#include <array>
#include <vector>

namespace pairlab {

/** The Johansen cointegration test of k >= 2 series (CONVENTIONS §16): what
 *  statsmodels.tsa.vector_ar.vecm.coint_johansen(endog, det_order, k_ar_diff) returns. */
struct JohansenResult
{
    int k = 0;                  ///< series
    int n = 0;                  ///< rows of the input
    int nobs = 0;               ///< effective sample T = n - k_ar_diff - 1
    int detOrder = 0;           ///< -1 none, 0 constant, 1 linear trend
    int kArDiff = 0;            ///< lagged differences
    std::vector<double> eig;    ///< eigenvalues, descending
    std::vector<double> trace;  ///< trace statistic for r = 0 .. k-1
    std::vector<double> maxEig; ///< maximum-eigenvalue statistic for r = 0 .. k-1
    /** 90 / 95 / 99 % critical values for r = 0 .. k-1 (k - r series); NaN beyond 12 series. */
    std::vector<std::array<double, 3>> traceCrit, maxEigCrit;
    /** evec[i][r]: weight of series i in the eigenvector of eigenvalue r; normalised so that
     *  evec' S_kk evec = I, the whole matrix signed so that its first non-zero weight is positive (as
     *  statsmodels does). The signs of the other columns are the solver's (statsmodels' depend on LAPACK):
     *  compare eigenvectors up to sign and scale. */
    std::vector<std::vector<double>> evec;
    QString error; ///< why there is no result
    bool ok() const { return error.isEmpty(); }
};

/** Runs the test on columns (one vector per series, all of one length, finite). With k_ar_diff = 0 the
 *  differences are regressed on the levels at t, not t-1, and det_order = 1 detrends the levels by a line
 *  but the differences and lags by a constant only — statsmodels' choices, followed exactly. */
JohansenResult johansen(const std::vector<std::vector<double>> &columns, int detOrder, int kArDiff);

/** The critical values statsmodels uses for `series` (1..12) and det_order (-1..1); NaN outside. */
std::array<double, 3> johansenTraceCritical(int series, int detOrder);
std::array<double, 3> johansenMaxEigCritical(int series, int detOrder);

} // namespace pairlab
