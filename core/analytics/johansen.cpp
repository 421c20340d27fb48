#include "analytics/johansen.h"

#include "analytics/johansen_tables.h"

#include <Eigen/Dense>

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <limits>

namespace pairlab {

namespace {

using Eigen::MatrixXd;
using Eigen::VectorXd;

// Every message of this file is in the translation context "Johansen" (lupdate reads the macro).
struct JohansenText
{
    Q_DECLARE_TR_FUNCTIONS(Johansen)
};

/** Residuals of each column on a polynomial time trend of `order` (statsmodels' detrend: OLS on the
 *  Vandermonde columns of linspace(-1, 1, rows)); order -1 leaves y as it is. */
MatrixXd detrend(const MatrixXd &y, int order)
{
    if (order < 0 || y.rows() == 0 || y.cols() == 0)
        return y;
    const Eigen::Index m = y.rows();
    MatrixXd v(m, order + 1);
    for (Eigen::Index i = 0; i < m; ++i) {
        const double t = m > 1 ? -1.0 + 2.0 * double(i) / double(m - 1) : 0.0;
        double p = 1.0;
        for (int c = order; c >= 0; --c) { // numpy.vander: highest power first
            v(i, c) = p;
            p *= t;
        }
    }
    return y - v * v.colPivHouseholderQr().solve(y);
}

/** y minus its projection on the columns of x (none: y). */
MatrixXd residuals(const MatrixXd &y, const MatrixXd &x)
{
    if (x.cols() == 0 || x.rows() == 0)
        return y;
    return y - x * x.completeOrthogonalDecomposition().solve(y);
}

std::array<double, 3> tableRow(const std::array<johansen_tables::Row, 12> &none,
                               const std::array<johansen_tables::Row, 12> &constant,
                               const std::array<johansen_tables::Row, 12> &trend, int series, int detOrder)
{
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    if (series < 1 || series > 12 || detOrder < -1 || detOrder > 1)
        return {nan, nan, nan};
    const auto &table = detOrder == -1 ? none : detOrder == 0 ? constant : trend;
    return table[std::size_t(series - 1)];
}

} // namespace

std::array<double, 3> johansenTraceCritical(int series, int detOrder)
{
    using namespace johansen_tables;
    return tableRow(traceNone, traceConstant, traceTrend, series, detOrder);
}

std::array<double, 3> johansenMaxEigCritical(int series, int detOrder)
{
    using namespace johansen_tables;
    return tableRow(maxEigNone, maxEigConstant, maxEigTrend, series, detOrder);
}

JohansenResult johansen(const std::vector<std::vector<double>> &columns, int detOrder, int kArDiff)
{
    JohansenResult r;
    r.k = int(columns.size());
    r.n = columns.empty() ? 0 : int(columns.front().size());
    r.detOrder = detOrder;
    r.kArDiff = kArDiff;
    if (r.k < 2) {
        r.error = JohansenText::tr("the Johansen test needs at least two series");
        return r;
    }
    if (detOrder < -1 || detOrder > 1) {
        r.error = JohansenText::tr("det_order must be -1 (none), 0 (constant) or 1 (linear trend)");
        return r;
    }
    if (kArDiff < 0) {
        r.error = JohansenText::tr("k_ar_diff must be 0 or more");
        return r;
    }
    for (const auto &c : columns)
        if (int(c.size()) != r.n) {
            r.error = JohansenText::tr("the series have different lengths");
            return r;
        }
    const int k = r.k, n = r.n, p = kArDiff;
    // Regressors per row: p lags of k differences and the deterministic terms; T must exceed them.
    const int t = n - p - 1;
    if (t <= k * p + k + 2) {
        r.error = JohansenText::tr("%1 rows are too few for %2 series with %3 lagged differences")
                      .arg(n)
                      .arg(k)
                      .arg(p);
        return r;
    }
    // The lag matrix is T x k·p doubles: refuse what would not fit in memory rather than abort.
    if (double(t) * double(k) * double(std::max(p, 1)) > 2.0e8) {
        r.error = JohansenText::tr("%1 lagged differences of %2 series over %3 rows need more memory than is "
                                   "sensible: use fewer lags")
                      .arg(p)
                      .arg(k)
                      .arg(n);
        return r;
    }
    MatrixXd y(n, k);
    for (int j = 0; j < k; ++j)
        for (int i = 0; i < n; ++i) {
            const double v = columns[std::size_t(j)][std::size_t(i)];
            if (!std::isfinite(v)) {
                r.error =
                    JohansenText::tr("row %1 of series %2 is not a finite number").arg(i + 1).arg(j + 1);
                return r;
            }
            y(i, j) = v;
        }
    // statsmodels: the levels are detrended by det_order, the differences and lags by a constant (or not).
    const int f = detOrder > -1 ? 0 : detOrder;
    y = detrend(y, detOrder);
    const MatrixXd dx = y.bottomRows(n - 1) - y.topRows(n - 1); // dx[i] = y[i+1] - y[i]
    // Lags: row j (of T) is time i = p + j of dx; its columns are dx[i-1], …, dx[i-p].
    MatrixXd z(t, Eigen::Index(k) * p);
    for (int j = 0; j < t; ++j)
        for (int l = 1; l <= p; ++l)
            z.block(j, Eigen::Index(l - 1) * k, 1, k) = dx.row(p + j - l);
    z = detrend(z, f);
    const MatrixXd r0t = residuals(detrend(dx.bottomRows(t), f), z);
    // The levels: rows 1 .. n-p-1 of y (y[t-p-1] beside dx[t-1] in textbook terms; y[t] when p = 0).
    const MatrixXd rkt = residuals(detrend(y.middleRows(1, t), f), z);
    const double T = double(rkt.rows());
    const MatrixXd skk = rkt.transpose() * rkt / T;
    const MatrixXd sk0 = rkt.transpose() * r0t / T;
    const MatrixXd s00 = r0t.transpose() * r0t / T;
    Eigen::LDLT<MatrixXd> s00Solve(s00);
    Eigen::LLT<MatrixXd> skkChol(skk);
    if (s00Solve.info() != Eigen::Success || skkChol.info() != Eigen::Success || !s00Solve.isPositive()) {
        r.error =
            JohansenText::tr("the series are collinear (a singular covariance): drop a duplicate series");
        return r;
    }
    MatrixXd sig = sk0 * s00Solve.solve(sk0.transpose());
    sig = (sig + sig.transpose()) / 2; // symmetric in exact arithmetic
    // sig v = λ skk v, with v' skk v = 1: statsmodels' eigenvectors of skk⁻¹ sig scaled by the inverse
    // Cholesky factor of du' skk du.
    Eigen::GeneralizedSelfAdjointEigenSolver<MatrixXd> solver(sig, skk);
    if (solver.info() != Eigen::Success) {
        r.error = JohansenText::tr("the eigenvalue problem did not converge");
        return r;
    }
    const VectorXd &values = solver.eigenvalues(); // ascending
    const MatrixXd &vectors = solver.eigenvectors();
    // Descending: the solver's last eigenvalue first.
    MatrixXd d(k, k);
    for (int c = 0; c < k; ++c)
        d.col(c) = vectors.col(k - 1 - c);
    // statsmodels signs the whole matrix by its first non-zero weight (row-major).
    for (int i = 0; i < k * k; ++i) {
        const double w = d(i / k, i % k);
        if (w != 0) {
            if (w < 0)
                d = -d;
            break;
        }
    }
    if (values.maxCoeff() >= 1.0) { // log(1 − λ) undefined: the levels explain the differences exactly
        r.error =
            JohansenText::tr("an eigenvalue of 1: the series are exactly cointegrated (a duplicate or a "
                             "linear combination of the others)");
        return r;
    }
    r.nobs = int(T);
    r.eig.resize(std::size_t(k));
    for (int c = 0; c < k; ++c)
        r.eig[std::size_t(c)] = values(k - 1 - c);
    r.trace.assign(std::size_t(k), 0.0);
    r.maxEig.assign(std::size_t(k), 0.0);
    for (int i = 0; i < k; ++i) {
        double sum = 0;
        for (int j = i; j < k; ++j)
            sum += std::log(1.0 - r.eig[std::size_t(j)]);
        r.trace[std::size_t(i)] = -T * sum;
        r.maxEig[std::size_t(i)] = -T * std::log(1.0 - r.eig[std::size_t(i)]);
        r.traceCrit.push_back(johansenTraceCritical(k - i, detOrder));
        r.maxEigCrit.push_back(johansenMaxEigCritical(k - i, detOrder));
    }
    r.evec.assign(std::size_t(k), std::vector<double>(std::size_t(k)));
    for (int i = 0; i < k; ++i)
        for (int c = 0; c < k; ++c)
            r.evec[std::size_t(i)][std::size_t(c)] = d(i, c);
    return r;
}

} // namespace pairlab
