#include "analytics/pair_scan.h"

#include <Eigen/Cholesky>
#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <thread>

namespace pairlab {

double PairScanRecord::bestEgPValue() const
{
    if (std::isnan(egPValue))
        return egPValueReverse;
    if (std::isnan(egPValueReverse))
        return egPValue;
    return std::min(egPValue, egPValueReverse);
}

namespace {

/** sum a[i] b[i] with four independent accumulators (instruction-level parallelism; a fixed order). */
double dot(const double *a, const double *b, int n)
{
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    int i = 0;
    for (; i + 4 <= n; i += 4) {
        s0 += a[i] * b[i];
        s1 += a[i + 1] * b[i + 1];
        s2 += a[i + 2] * b[i + 2];
        s3 += a[i + 3] * b[i + 3];
    }
    for (; i < n; ++i)
        s0 += a[i] * b[i];
    return (s0 + s1) + (s2 + s3);
}

double sum(const double *a, int n)
{
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    int i = 0;
    for (; i + 4 <= n; i += 4) {
        s0 += a[i];
        s1 += a[i + 1];
        s2 += a[i + 2];
        s3 += a[i + 3];
    }
    for (; i < n; ++i)
        s0 += a[i];
    return (s0 + s1) + (s2 + s3);
}

/** sum (a[i] - ma)(b[i] - mb) */
double centredDot(const double *a, double ma, const double *b, double mb, int n)
{
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    int i = 0;
    for (; i + 4 <= n; i += 4) {
        s0 += (a[i] - ma) * (b[i] - mb);
        s1 += (a[i + 1] - ma) * (b[i + 1] - mb);
        s2 += (a[i + 2] - ma) * (b[i + 2] - mb);
        s3 += (a[i + 3] - ma) * (b[i + 3] - mb);
    }
    for (; i < n; ++i)
        s0 += (a[i] - ma) * (b[i] - mb);
    return (s0 + s1) + (s2 + s3);
}

/** Pearson correlation, centred two-pass. */
double pearson(const double *a, const double *b, int n)
{
    if (n < 2)
        return kNaN;
    const double ma = sum(a, n) / n, mb = sum(b, n) / n;
    const double sab = centredDot(a, ma, b, mb, n);
    const double saa = centredDot(a, ma, a, ma, n), sbb = centredDot(b, mb, b, mb, n);
    return sab / std::sqrt(saa * sbb);
}

int defaultMaxlagNoTrend(int n)
{
    return std::min(n / 2 - 1, int(std::ceil(12.0 * std::pow(double(n) / 100.0, 0.25))));
}

/** Per-thread buffers, reused pair after pair. */
struct Scratch
{
    std::vector<double> ds, spread, reverse, ay, ax, ry, rx, row;
    Eigen::MatrixXd gram, finalGram;
};

/** The 'n' ADF with autolag AIC of `u` (length n, finite, not constant), buffers from `sc`. */
AdfResult adfNoTrend(std::span<const double> u, Scratch &sc)
{
    AdfResult r;
    const int n = int(u.size());
    const int maxlag = defaultMaxlagNoTrend(n);
    const int rows = n - 1 - maxlag;
    r.maxlag = maxlag;
    if (maxlag < 0 || rows <= maxlag + 2) {
        r.status = AnalyticsStatus::TooFewRows;
        return r;
    }
    std::vector<double> &ds = sc.ds;
    ds.resize(std::size_t(n));
    ds[0] = 0; // never read: every lag below starts at index 1
    for (int t = 1; t < n; ++t)
        ds[std::size_t(t)] = u[std::size_t(t)] - u[std::size_t(t - 1)];

    // Search sample t = a..b. Gram of [u_{t-1}, ds_{t-1}, ..., ds_{t-L}, ds_t]: position 0 = the level,
    // j = 1..L the lagged differences, L+1 = the regressand (lag 0).
    const int L = maxlag, a = L + 1, b = n - 1, k = L + 2;
    Eigen::MatrixXd &g = sc.gram;
    g.resize(k, k);
    auto pos = [L](int lag) { return lag == 0 ? L + 1 : lag; };
    const double *d = ds.data();
    for (int lagGap = 0; lagGap <= L; ++lagGap) {
        // Q(i) = sum_{t=a}^{b} ds_{t-i} ds_{t-i-lagGap}; Q(i+1) slides the window one row earlier.
        double q = dot(d + a, d + a - lagGap, rows);
        for (int i = 0; i + lagGap <= L; ++i) {
            g(pos(i), pos(i + lagGap)) = q;
            g(pos(i + lagGap), pos(i)) = q;
            if (i + lagGap < L)
                q += d[a - i - 1] * d[a - i - 1 - lagGap] - d[b - i] * d[b - i - lagGap];
        }
    }
    const double *level = u.data() + (a - 1); // u_{t-1}, t = a..b
    g(0, 0) = dot(level, level, rows);
    for (int j = 0; j <= L; ++j) {
        const double c = dot(level, d + a - j, rows);
        g(0, pos(j)) = c;
        g(pos(j), 0) = c;
    }

    // Every candidate lag p regresses on the first 1 + p columns: its SSR is the Schur complement, read off
    // the last row of the Cholesky factor (the same numbers a QR gives as the tail of Q'y).
    const Eigen::LLT<Eigen::MatrixXd> llt(g);
    if (llt.info() != Eigen::Success) {
        r.status = AnalyticsStatus::Singular;
        return r;
    }
    const Eigen::MatrixXd fl = llt.matrixL();
    std::vector<double> tail(std::size_t(k), 0.0); // tail[c] = SSR with the first c regressors
    const double full = fl(k - 1, k - 1);
    tail[std::size_t(k - 1)] = full * full;
    for (int c = k - 2; c >= 0; --c)
        tail[std::size_t(c)] = tail[std::size_t(c) + 1] + fl(k - 1, c) * fl(k - 1, c);
    const double ns = rows;
    double best = std::numeric_limits<double>::infinity();
    int usedlag = L;
    for (int p = 0; p <= L; ++p) {
        const int kp = 1 + p;
        const double ic =
            ns * (std::log(2.0 * std::numbers::pi) + std::log(tail[std::size_t(kp)] / ns) + 1.0) + 2.0 * kp;
        if (ic < best) { // strict: an exact tie keeps the smaller lag
            best = ic;
            usedlag = p;
        }
    }
    r.icbest = best;
    r.usedlag = usedlag;

    // Final regression over t = p+1..n-1, columns ordered [ds_1..ds_p, u_{t-1}, ds_t] so that the level's
    // t-ratio is the factor's last off-diagonal over sigma. Rows p+1..L are added to the search Gram.
    const int p = usedlag, kf = p + 2, nobs = n - 1 - p;
    r.nobs = nobs;
    Eigen::MatrixXd &f = sc.finalGram;
    f.resize(kf, kf);
    auto src = [p, L](int c) { return c < p ? c + 1 : c == p ? 0 : L + 1; };
    for (int i = 0; i < kf; ++i)
        for (int j = 0; j < kf; ++j)
            f(i, j) = g(src(i), src(j));
    std::vector<double> &row = sc.row;
    row.resize(std::size_t(kf));
    for (int t = p + 1; t <= L; ++t) {
        for (int j = 1; j <= p; ++j)
            row[std::size_t(j - 1)] = d[t - j];
        row[std::size_t(p)] = u[std::size_t(t - 1)];
        row[std::size_t(p) + 1] = d[t];
        for (int i = 0; i < kf; ++i)
            for (int j = 0; j < kf; ++j)
                f(i, j) += row[std::size_t(i)] * row[std::size_t(j)];
    }
    const Eigen::LLT<Eigen::MatrixXd> lf(f);
    if (lf.info() != Eigen::Success) {
        r.status = AnalyticsStatus::Singular;
        return r;
    }
    const Eigen::MatrixXd ff = lf.matrixL();
    const double qy = ff(p + 1, p), ssr = ff(p + 1, p + 1) * ff(p + 1, p + 1);
    const double sigma2 = ssr / double(nobs - (p + 1));
    r.stat = sigma2 > 0 ? qy / std::sqrt(sigma2) : (qy < 0 ? -std::numeric_limits<double>::infinity() : kNaN);
    r.pvalue = mackinnonP(r.stat, AdfTrend::None, 1);
    return r;
}

bool constantSeries(std::span<const double> v)
{
    const auto [mn, mx] = std::minmax_element(v.begin(), v.end());
    return *mn == *mx;
}

/** coint(dep, reg) from its residuals (the OLS already done): stat and the N = 2 'c' p-value. */
void egFromResiduals(std::span<const double> resid, bool collinear, Scratch &sc, double &stat, double &p)
{
    if (collinear) { // statsmodels' CollinearityWarning branch
        stat = -std::numeric_limits<double>::infinity();
        p = 0.0;
        return;
    }
    if (constantSeries(resid))
        return;
    const AdfResult adf = adfNoTrend(resid, sc);
    if (!adf.ok())
        return;
    stat = adf.stat;
    p = mackinnonP(stat, AdfTrend::Constant, 2);
}

/** Hurst (CONVENTIONS §11): slope of ln sd_tau on ln tau, tau = 2..99 (while n >= tau + 2). */
double hurst(std::span<const double> s)
{
    const int n = int(s.size());
    double lt[100], ls[100];
    int m = 0;
    for (int tau = 2; tau < 100 && n >= tau + 2; ++tau) {
        const int cnt = n - tau;
        const double *hi = s.data() + tau, *lo = s.data();
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 4 <= cnt; i += 4) {
            s0 += hi[i] - lo[i];
            s1 += hi[i + 1] - lo[i + 1];
            s2 += hi[i + 2] - lo[i + 2];
            s3 += hi[i + 3] - lo[i + 3];
        }
        for (; i < cnt; ++i)
            s0 += hi[i] - lo[i];
        const double mean = ((s0 + s1) + (s2 + s3)) / cnt;
        s0 = s1 = s2 = s3 = 0;
        i = 0;
        for (; i + 4 <= cnt; i += 4) {
            const double d0 = hi[i] - lo[i] - mean, d1 = hi[i + 1] - lo[i + 1] - mean;
            const double d2 = hi[i + 2] - lo[i + 2] - mean, d3 = hi[i + 3] - lo[i + 3] - mean;
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
        }
        for (; i < cnt; ++i) {
            const double d0 = hi[i] - lo[i] - mean;
            s0 += d0 * d0;
        }
        const double sd = std::sqrt(((s0 + s1) + (s2 + s3)) / cnt);
        if (!(sd > 0))
            return kNaN;
        lt[m] = std::log(double(tau));
        ls[m] = std::log(sd);
        ++m;
    }
    if (m < 3)
        return kNaN;
    const double mt = sum(lt, m) / m, ms = sum(ls, m) / m;
    return centredDot(lt, mt, ls, ms, m) / centredDot(lt, mt, lt, mt, m);
}

/** The rolling z of §5 at the last of `s`'s values (window W, ddof 1); NaN if fewer than W values. */
double zAtEnd(std::span<const double> s, int window)
{
    const int n = int(s.size());
    if (window < 2 || n < window)
        return kNaN;
    const double *w = s.data() + (n - window);
    const double m = sum(w, window) / window;
    const double sd = std::sqrt(centredDot(w, m, w, m, window) / (window - 1));
    return (s[std::size_t(n - 1)] - m) / sd;
}

/** Everything of one aligned pair. `ry`/`rx`: the n-1 log returns between consecutive rows. */
PairScanRecord scanAligned(std::span<const double> y, std::span<const double> x, std::span<const double> ry,
                           std::span<const double> rx, int window, Scratch &sc)
{
    PairScanRecord rec;
    const int n = int(y.size());
    rec.n = n;
    if (n >= 3)
        rec.corrReturns = pearson(ry.data(), rx.data(), n - 1);
    if (n < 3)
        return rec;
    const double my = sum(y.data(), n) / n, mx = sum(x.data(), n) / n;
    const double sxx = centredDot(x.data(), mx, x.data(), mx, n);
    const double syy = centredDot(y.data(), my, y.data(), my, n);
    const double sxy = centredDot(x.data(), mx, y.data(), my, n);
    const bool xConstant = constantSeries(x), yConstant = constantSeries(y);
    if (xConstant || !(sxx > 0))
        return rec;                                // x constant: the regression is singular
    const double syyExact = yConstant ? 0.0 : syy; // a constant leg's rounding residue is not variance
    rec.beta = yConstant ? 0.0 : sxy / sxx;
    rec.alpha = yConstant ? y[0] : my - rec.beta * mx;
    rec.r2 = syyExact > 0 ? sxy * sxy / (sxx * syyExact) : kNaN;
    const bool collinear = !(rec.r2 < 1.0 - 100.0 * std::sqrt(std::numeric_limits<double>::epsilon()));

    std::vector<double> &s = sc.spread;
    s.resize(std::size_t(n));
    for (int t = 0; t < n; ++t)
        s[std::size_t(t)] = y[std::size_t(t)] - (rec.alpha + rec.beta * x[std::size_t(t)]);
    const std::span<const double> spread(s);
    egFromResiduals(spread, collinear && syyExact > 0, sc, rec.egStat, rec.egPValue);
    if (syyExact > 0) {
        const double betaRev = sxy / syyExact, alphaRev = mx - betaRev * my;
        std::vector<double> &u = sc.reverse;
        u.resize(std::size_t(n));
        for (int t = 0; t < n; ++t)
            u[std::size_t(t)] = x[std::size_t(t)] - (alphaRev + betaRev * y[std::size_t(t)]);
        egFromResiduals(u, collinear, sc, rec.egStatReverse, rec.egPValueReverse);
    }
    if (constantSeries(spread))
        return rec;

    // Half-life (§10): OLS ds_t = c + lambda s_{t-1}, t = 1..n-1.
    {
        std::vector<double> &ds = sc.ds;
        ds.resize(std::size_t(n - 1));
        for (int t = 1; t < n; ++t)
            ds[std::size_t(t - 1)] = s[std::size_t(t)] - s[std::size_t(t - 1)];
        const double ml = sum(s.data(), n - 1) / (n - 1), md = sum(ds.data(), n - 1) / (n - 1);
        const double sll = centredDot(s.data(), ml, s.data(), ml, n - 1);
        const double lambda = centredDot(s.data(), ml, ds.data(), md, n - 1) / sll;
        if (lambda < 0)
            rec.halfLife = -std::log(2.0) / lambda;
    }
    rec.hurst = hurst(spread);
    rec.zLast = zAtEnd(spread, window);

    const double mean = sum(s.data(), n) / n;
    int crossings = 0, lastSign = 0;
    for (int t = 0; t < n; ++t) {
        const double dv = s[std::size_t(t)] - mean;
        const int sign = dv > 0 ? 1 : dv < 0 ? -1 : 0;
        if (sign == 0)
            continue;
        if (lastSign != 0 && sign != lastSign)
            ++crossings;
        lastSign = sign;
    }
    rec.crossingsPer1000 = 1000.0 * crossings / n;
    return rec;
}

void logReturns(std::span<const double> p, std::vector<double> &out)
{
    out.resize(p.empty() ? 0 : p.size() - 1);
    for (std::size_t t = 1; t < p.size(); ++t)
        out[t - 1] = std::log(p[t] / p[t - 1]);
}

} // namespace

AdfResult adfullerNoTrendFast(std::span<const double> series)
{
    AdfResult r;
    if (series.empty()) {
        r.status = AnalyticsStatus::EmptyInput;
        return r;
    }
    if (!allFinite(series)) {
        r.status = AnalyticsStatus::NonFinite;
        return r;
    }
    if (constantSeries(series)) {
        r.status = AnalyticsStatus::ConstantSeries;
        return r;
    }
    Scratch sc;
    return adfNoTrend(series, sc);
}

PairScanRecord scanAlignedPair(std::span<const double> y, std::span<const double> x, int window)
{
    Scratch sc;
    std::vector<double> ry, rx;
    logReturns(y, ry);
    logReturns(x, rx);
    return scanAligned(y, x, ry, rx, window, sc);
}

std::vector<PairScanRecord> scanPairs(const std::vector<std::vector<double>> &columns,
                                      const PairScanOptions &options)
{
    const int m = int(columns.size());
    const std::size_t rows = columns.empty() ? 0 : columns.front().size();
    std::vector<PairScanRecord> out(std::size_t(m) * std::size_t(std::max(m - 1, 0)) / 2);
    if (out.empty())
        return out;
    // A column without gaps keeps its own log returns, shared by all its pairs.
    std::vector<char> complete(columns.size());
    std::vector<std::vector<double>> returns(columns.size());
    for (int i = 0; i < m; ++i) {
        complete[std::size_t(i)] =
            std::none_of(columns[std::size_t(i)].begin(), columns[std::size_t(i)].end(),
                         [](double v) { return std::isnan(v); })
                ? 1
                : 0;
        if (complete[std::size_t(i)])
            logReturns(columns[std::size_t(i)], returns[std::size_t(i)]);
    }
    std::vector<std::pair<int, int>> pairs;
    pairs.reserve(out.size());
    for (int i = 0; i < m; ++i)
        for (int j = i + 1; j < m; ++j)
            pairs.emplace_back(i, j);

    std::atomic<qsizetype> next{0}, done{0};
    std::atomic<bool> stopped{false};
    const qsizetype total = qsizetype(pairs.size());
    constexpr qsizetype kChunk = 32;
    auto work = [&] {
        Scratch sc;
        for (;;) {
            if (options.cancel && options.cancel->load(std::memory_order_relaxed)) {
                stopped = true;
                return;
            }
            const qsizetype first = next.fetch_add(kChunk);
            if (first >= total)
                return;
            const qsizetype last = std::min(total, first + kChunk);
            for (qsizetype k = first; k < last; ++k) {
                const auto [i, j] = pairs[std::size_t(k)];
                const auto &cy = columns[std::size_t(i)], &cx = columns[std::size_t(j)];
                PairScanRecord rec;
                if (complete[std::size_t(i)] && complete[std::size_t(j)]) {
                    rec = scanAligned(cy, cx, returns[std::size_t(i)], returns[std::size_t(j)],
                                      options.window, sc);
                } else {
                    sc.ay.clear();
                    sc.ax.clear();
                    for (std::size_t t = 0; t < rows; ++t)
                        if (!std::isnan(cy[t]) && !std::isnan(cx[t])) {
                            sc.ay.push_back(cy[t]);
                            sc.ax.push_back(cx[t]);
                        }
                    logReturns(sc.ay, sc.ry);
                    logReturns(sc.ax, sc.rx);
                    rec = scanAligned(sc.ay, sc.ax, sc.ry, sc.rx, options.window, sc);
                }
                rec.y = i;
                rec.x = j;
                out[std::size_t(k)] = rec;
            }
            const qsizetype finished = done.fetch_add(last - first) + (last - first);
            if (options.progress)
                options.progress(finished, total);
        }
    };
    int threads =
        options.threads > 0 ? options.threads : int(std::max(1u, std::thread::hardware_concurrency()));
    threads = int(std::min<qsizetype>(threads, (total + kChunk - 1) / kChunk));
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t)
        pool.emplace_back(work);
    work();
    for (auto &t : pool)
        t.join();
    if (stopped)
        return {};
    return out;
}

void refreshZLast(std::vector<PairScanRecord> &records, const std::vector<std::vector<double>> &columns,
                  int window)
{
    std::vector<double> tail(std::size_t(std::max(window, 0)));
    for (PairScanRecord &rec : records) {
        rec.zLast = kNaN;
        if (window < 2 || std::isnan(rec.beta))
            continue;
        const auto &cy = columns[std::size_t(rec.y)], &cx = columns[std::size_t(rec.x)];
        int have = 0;
        for (std::size_t t = cy.size(); t-- > 0 && have < window;)
            if (!std::isnan(cy[t]) && !std::isnan(cx[t]))
                tail[std::size_t(window - 1 - have++)] = cy[t] - (rec.alpha + rec.beta * cx[t]);
        if (have == window)
            rec.zLast = zAtEnd(tail, window);
    }
}

} // namespace pairlab
