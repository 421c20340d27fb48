#include "analytics/adf.h"

#include "analytics/mackinnon_tables.h"
#include "analytics/regression.h"

#include <Eigen/Dense>
#include <boost/math/distributions/normal.hpp>

#include <algorithm>
#include <memory>
#include <numbers>
#include <vector>

namespace pairlab {

QString adfTrendName(AdfTrend trend)
{
    switch (trend) {
    case AdfTrend::Constant: return QStringLiteral("c");
    case AdfTrend::ConstantTrend: return QStringLiteral("ct");
    case AdfTrend::None: return QStringLiteral("n");
    }
    return {};
}

namespace {

const mackinnon::PValueTable &pTable(AdfTrend trend)
{
    switch (trend) {
    case AdfTrend::Constant: return mackinnon::kPValueC;
    case AdfTrend::ConstantTrend: return mackinnon::kPValueCt;
    case AdfTrend::None: break;
    }
    return mackinnon::kPValueN;
}

/** numpy.polyval(coef[::-1], v): Horner, highest power first. */
template<std::size_t N>
double horner(const std::array<double, N> &lowestFirst, double v)
{
    double acc = 0;
    for (std::size_t i = N; i-- > 0;)
        acc = acc * v + lowestFirst[i];
    return acc;
}

int detColumns(AdfTrend trend)
{
    return trend == AdfTrend::Constant ? 1 : trend == AdfTrend::ConstantTrend ? 2 : 0;
}

/** Row of the ADF design for time t (1-based trend value `trendValue`), columns [det, s_{t-1}, ds lags]. */
void fillRow(Eigen::MatrixXd &m, Eigen::Index r, std::span<const double> s, const std::vector<double> &ds, int t,
             int kdet, int lags, double trendValue)
{
    int c = 0;
    if (kdet >= 1)
        m(r, c++) = 1.0;
    if (kdet == 2)
        m(r, c++) = trendValue;
    m(r, c++) = s[std::size_t(t - 1)];
    for (int j = 1; j <= lags; ++j)
        m(r, c++) = ds[std::size_t(t - j)];
}

double logLikelihoodTerm(double nobs, double ssr)
{
    return nobs * (std::log(2.0 * std::numbers::pi) + std::log(ssr / nobs) + 1.0); // = -2 llf
}

} // namespace

double mackinnonP(double tau, AdfTrend trend, int n)
{
    if (n < 1 || n > 2 || std::isnan(tau))
        return kNaN;
    const auto &t = pTable(trend);
    const std::size_t i = std::size_t(n - 1);
    if (tau > t.tauMax[i])
        return 1.0;
    if (tau < t.tauMin[i])
        return 0.0;
    const double v = tau <= t.tauStar[i] ? horner(t.smallP[i], tau) : horner(t.largeP[i], tau);
    return boost::math::cdf(boost::math::normal_distribution<double>(), v);
}

CriticalValues mackinnonCrit(AdfTrend trend, int n, double nobs)
{
    const mackinnon::CritTable *table = nullptr;
    if (trend == AdfTrend::Constant)
        table = n == 1 ? &mackinnon::kCritCN1 : n == 2 ? &mackinnon::kCritCN2 : nullptr;
    else if (trend == AdfTrend::ConstantTrend)
        table = n == 1 ? &mackinnon::kCritCtN1 : n == 2 ? &mackinnon::kCritCtN2 : nullptr;
    else
        table = n == 1 ? &mackinnon::kCritNN1 : nullptr;
    if (!table)
        return {kNaN, kNaN, kNaN};
    CriticalValues out;
    for (std::size_t i = 0; i < 3; ++i)
        out[i] = horner((*table)[i], 1.0 / nobs);
    return out;
}

namespace {

int defaultMaxlag(int n, int kdet)
{
    return std::min(n / 2 - kdet - 1, int(std::ceil(12.0 * std::pow(double(n) / 100.0, 0.25))));
}

/** The search-sample least-squares problem of one trend, compressed to its triangular factor:
    columns [det, s_{t-1}, ds_1..ds_L]; `qty` = Q'y over those columns; tail[k] = SSR of the first k. */
struct SearchFactor {
    Eigen::MatrixXd r;
    Eigen::VectorXd qty;
    std::vector<double> tail;
};

/** One Householder QR of Z = [s_{t-1}, ds_{t-1..t-L}, ds_t] over t = L+1..n-1 serves every trend: for a
    trend with deterministic columns D, [D, Z] = Q [Q'D, R_Z; 0], so the problem is orthogonally
    equivalent to the small matrix [Q'D (top rows), R_Z; R(Q'D bottom rows), 0], which one more (tiny)
    QR triangularises. Column prefixes stay nested, so every lag's SSR comes from the factor.
    The QR is taken of [Z, 1, trend] (the reflectors of Z's columns come first, so the two extra columns
    end up as exactly Q'D on top and R of its bottom part), tall-skinny style: row blocks of 2048 are
    stacked under the running R and re-triangularised, which keeps every Householder step in cache. */
class SharedSearchQr
{
public:
    SharedSearchQr(std::span<const double> s, const std::vector<double> &ds, int maxlag) : m_maxlag(maxlag)
    {
        const int n = int(s.size());
        m_rows = n - 1 - maxlag;
        const int cz = maxlag + 2, cols = cz + 2;
        constexpr int kBlock = 2048;
        Eigen::MatrixXd work(kBlock + cols, cols);
        int have = 0; // rows of the running R at the top of `work`
        for (int first = 0; first < m_rows; first += kBlock) {
            const int count = std::min(kBlock, m_rows - first);
            for (int b = 0; b < count; ++b) {
                const int i = first + b, t = maxlag + 1 + i, row = have + b;
                work(row, 0) = s[std::size_t(t - 1)];
                for (int j = 1; j <= maxlag; ++j)
                    work(row, j) = ds[std::size_t(t - j)];
                work(row, cz - 1) = ds[std::size_t(t)];
                work(row, cz) = 1.0;
                work(row, cz + 1) = double(i + 1); // statsmodels' trend 1..nobs of the search sample
            }
            const int used = have + count;
            m_qr.compute(work.topRows(used));
            have = std::min(used, cols);
            work.topRows(have) = m_qr.matrixQR().topRows(have).triangularView<Eigen::Upper>();
        }
        m_r = work.topRows(cols);
        if (have < cols)
            m_r.bottomRows(cols - have).setZero();
    }

    int rows() const { return m_rows; }

    SearchFactor factor(int kdet) const
    {
        const int cz = m_maxlag + 2; // Z columns incl. y
        const int k = kdet + m_maxlag + 1;
        Eigen::MatrixXd m;
        if (kdet == 0) {
            m = m_r.topLeftCorner(cz, cz);
        } else {
            m = Eigen::MatrixXd::Zero(cz + kdet, kdet + cz);
            m.topLeftCorner(cz, kdet) = m_r.block(0, cz, cz, kdet);           // (Q'D) on Z's rows
            m.topRightCorner(cz, cz) = m_r.topLeftCorner(cz, cz);              // R_Z
            m.bottomLeftCorner(kdet, kdet) = m_r.block(cz, cz, kdet, kdet);    // R of the rest of Q'D
            const Eigen::HouseholderQR<Eigen::MatrixXd> small(m);
            m = small.matrixQR().topRows(kdet + cz).triangularView<Eigen::Upper>();
        }
        SearchFactor f;
        f.r = m.topLeftCorner(k, k);
        f.qty = m.col(k).head(k);
        const double ryy = m(k, k); // norm of the residual of the full model
        f.tail.assign(std::size_t(k) + 1, 0.0);
        f.tail[std::size_t(k)] = ryy * ryy;
        for (int i = k - 1; i >= 0; --i)
            f.tail[std::size_t(i)] = f.tail[std::size_t(i + 1)] + f.qty(i) * f.qty(i);
        return f;
    }

private:
    int m_maxlag = 0, m_rows = 0;
    Eigen::HouseholderQR<Eigen::MatrixXd> m_qr;
    Eigen::MatrixXd m_r; ///< (cz+2) x (cz+2) R of [Z, 1, trend]
};

/** Lag choice and the final regression of one trend from its search factor. */
AdfResult finishAdf(std::span<const double> s, const std::vector<double> &ds, AdfTrend trend, AdfAutolag autolag,
                    int maxlag, int rows, const SearchFactor &f)
{
    AdfResult r;
    r.maxlag = maxlag;
    const int n = int(s.size());
    const int kdet = detColumns(trend);
    int usedlag = maxlag;
    if (autolag != AdfAutolag::None) {
        const double ns = rows;
        double best = std::numeric_limits<double>::infinity();
        if (autolag == AdfAutolag::TStat) {
            // statsmodels _autolag 't-stat': from the largest lag down, first |t(last)| >= 1.6448536269514722.
            // The last coefficient's t-ratio of a prefix model is (Q'y)_{k-1} / sigma_k (R is triangular).
            for (int p = maxlag; p >= 0; --p) {
                const int k = kdet + 1 + p;
                const double sigma = std::sqrt(f.tail[std::size_t(k)] / (ns - k));
                best = std::fabs(f.qty(k - 1) / sigma);
                usedlag = p;
                if (best >= 1.6448536269514722)
                    break;
            }
        } else {
            for (int p = 0; p <= maxlag; ++p) {
                const int k = kdet + 1 + p;
                const double penalty = autolag == AdfAutolag::Aic ? 2.0 * k : std::log(ns) * k;
                const double ic = logLikelihoodTerm(ns, f.tail[std::size_t(k)]) + penalty;
                if (ic < best) { // strict: an exact tie keeps the smaller lag, as min() over (ic, lag)
                    best = ic;
                    usedlag = p;
                }
            }
        }
        r.icbest = best;
    }
    r.usedlag = usedlag;

    // Final regression, t = usedlag+1..n-1: prefix R of the search stacked on the extra early rows.
    const int k = kdet + 1 + usedlag;
    const int extra = maxlag - usedlag;
    const int nobs = n - 1 - usedlag;
    r.nobs = nobs;
    Eigen::MatrixXd stacked(k + extra, k);
    Eigen::VectorXd rhs(k + extra);
    stacked.topRows(k) = f.r.topLeftCorner(k, k);
    rhs.head(k) = f.qty.head(k);
    for (int i = 0; i < extra; ++i) {
        const int t = usedlag + 1 + i;
        // trend value: rows before the search sample get 1 - extra + i, a constant shift of statsmodels' 1..nobs
        fillRow(stacked, k + i, s, ds, t, kdet, usedlag, double(i + 1 - extra));
        rhs(k + i) = ds[std::size_t(t)];
    }
    double ssr = f.tail[std::size_t(k)];
    Eigen::MatrixXd rFinal;
    Eigen::VectorXd qtyFinal;
    if (extra > 0) {
        Eigen::HouseholderQR<Eigen::MatrixXd> qr2(stacked);
        qtyFinal = qr2.householderQ().adjoint() * rhs;
        ssr += qtyFinal.tail(extra).squaredNorm();
        rFinal = qr2.matrixQR().topRows(k).triangularView<Eigen::Upper>();
    } else {
        qtyFinal = rhs;
        rFinal = stacked.topRows(k);
    }
    if (!(rFinal.diagonal().array().abs() > 0).all()) {
        r.status = AnalyticsStatus::Singular;
        return r;
    }
    const int col = kdet; // s_{t-1}
    const Eigen::VectorXd coef = rFinal.triangularView<Eigen::Upper>().solve(qtyFinal.head(k));
    // se_j = sigma * || row j of R^-1 ||: solve R' v = e_j (lower triangular), ||v|| = || R^-T e_j ||.
    Eigen::VectorXd ej = Eigen::VectorXd::Zero(k);
    ej(col) = 1.0;
    const Eigen::VectorXd v = rFinal.transpose().triangularView<Eigen::Lower>().solve(ej);
    const double sigma2 = ssr / double(nobs - k);
    r.stat = coef(col) / std::sqrt(sigma2 * v.squaredNorm());
    if (sigma2 == 0)
        r.stat = coef(col) < 0 ? -std::numeric_limits<double>::infinity() : kNaN;
    r.pvalue = mackinnonP(r.stat, trend, 1);
    r.crit = mackinnonCrit(trend, 1, nobs);
    return r;
}

} // namespace

std::vector<AdfResult> adfullerTrends(std::span<const double> s, std::span<const AdfTrend> trends, AdfAutolag autolag,
                                      int maxlagOption)
{
    std::vector<AdfResult> out(trends.size());
    auto failAll = [&](AnalyticsStatus st) {
        for (auto &r : out)
            r.status = st;
        return out;
    };
    const int n = int(s.size());
    if (n == 0)
        return failAll(AnalyticsStatus::EmptyInput);
    if (!allFinite(s))
        return failAll(AnalyticsStatus::NonFinite);
    const auto [mn, mx] = std::minmax_element(s.begin(), s.end());
    if (*mn == *mx) // statsmodels: "Invalid input, x is constant"
        return failAll(AnalyticsStatus::ConstantSeries);
    std::vector<double> ds(std::size_t(n), kNaN);
    for (int t = 1; t < n; ++t)
        ds[std::size_t(t)] = s[std::size_t(t)] - s[std::size_t(t - 1)];
    // One shared QR per distinct maxlag (the default maxlag only differs between trends for tiny n).
    std::vector<std::pair<int, std::shared_ptr<SharedSearchQr>>> qrs;
    for (std::size_t i = 0; i < trends.size(); ++i) {
        const int kdet = detColumns(trends[i]);
        const int maxlag = maxlagOption < 0 ? defaultMaxlag(n, kdet) : maxlagOption;
        const int rows = n - 1 - maxlag;
        if (maxlag < 0 || maxlag > n / 2 - kdet - 1 || rows <= kdet + maxlag + 2) {
            out[i].status = AnalyticsStatus::TooFewRows;
            continue;
        }
        std::shared_ptr<SharedSearchQr> qr;
        for (const auto &[lag, q] : qrs)
            if (lag == maxlag)
                qr = q;
        if (!qr) {
            qr = std::make_shared<SharedSearchQr>(s, ds, maxlag);
            qrs.emplace_back(maxlag, qr);
        }
        out[i] = finishAdf(s, ds, trends[i], autolag, maxlag, qr->rows(), qr->factor(kdet));
    }
    return out;
}

AdfResult adfuller(std::span<const double> s, const AdfOptions &options)
{
    const AdfTrend trend[1] = {options.trend};
    return adfullerTrends(s, trend, options.autolag, options.maxlag).front();
}

namespace {
bool collinear(const OlsResult &ols)
{
    return !(ols.r2 < 1.0 - 100.0 * std::sqrt(std::numeric_limits<double>::epsilon())); // statsmodels coint
}
} // namespace

CointResult engleGrangerFromAdf(const OlsResult &ols, const AdfResult &adf, std::size_t n)
{
    CointResult c;
    if (!ols.ok()) {
        c.status = ols.status;
        return c;
    }
    c.crit = mackinnonCrit(AdfTrend::Constant, 2, double(n) - 1.0);
    if (collinear(ols)) {
        c.stat = -std::numeric_limits<double>::infinity();
        c.warning = QStringLiteral("y and x are (almost) perfectly collinear; the cointegration test is not reliable");
    } else if (!adf.ok()) {
        c.status = adf.status;
        return c;
    } else {
        c.stat = adf.stat;
        c.usedlag = adf.usedlag;
        c.nobs = adf.nobs;
    }
    c.pvalue = mackinnonP(c.stat, AdfTrend::Constant, 2);
    return c;
}

CointResult engleGranger(std::span<const double> y, std::span<const double> x, AdfAutolag autolag, int maxlag)
{
    const OlsResult ols = olsFit(x, y);
    AdfResult adf;
    if (ols.ok() && !collinear(ols)) {
        std::vector<double> resid(y.size());
        for (std::size_t t = 0; t < resid.size(); ++t)
            resid[t] = y[t] - (ols.alpha + ols.beta * x[t]);
        adf = adfuller(resid, AdfOptions{AdfTrend::None, autolag, maxlag});
    }
    return engleGrangerFromAdf(ols, adf, y.size());
}

} // namespace pairlab
