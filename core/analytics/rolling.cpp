#include "analytics/rolling.h"

#include <Eigen/Dense>

#include <algorithm>

namespace pairlab {

namespace {
/** Exact two-pass re-sync at least this often (pushes); the sliding update drifts by ~1e-16 relative per
 * step. */
constexpr int kDefaultResync = 1024;
} // namespace

RollingMoments::RollingMoments(int window, int resyncEvery)
    : m_buf(std::size_t(std::max(window, 1))), m_window(std::max(window, 1)),
      m_resync(resyncEvery > 0 ? resyncEvery : std::max(window, kDefaultResync))
{
}

void RollingMoments::reset()
{
    m_count = m_head = m_sinceSync = 0;
    m_mean = m_m2 = m_shift = 0;
    m_last = kNaN;
}

void RollingMoments::push(double v)
{
    m_last = v;
    if (m_count < m_window) { // Welford while filling
        m_buf[std::size_t(m_head)] = v;
        if (++m_head == m_window)
            m_head = 0;
        ++m_count;
        const double d = v - m_mean;
        m_mean += d / m_count;
        m_m2 += d * (v - m_mean);
        if (m_count == m_window)
            resync();
        return;
    }
    const double out = m_buf[std::size_t(m_head)] - m_shift;
    m_buf[std::size_t(m_head)] = v;
    if (++m_head == m_window)
        m_head = 0;
    if (++m_sinceSync >= m_resync) {
        resync();
        return;
    }
    v -= m_shift;
    const double oldMean = m_mean;
    m_mean = oldMean + (v - out) / m_window;
    m_m2 += (v - oldMean) * (v - m_mean) - (out - oldMean) * (out - m_mean);
    if (m_m2 < 0)
        m_m2 = 0;
}

void RollingMoments::resync()
{
    m_sinceSync = 0;
    double sum = 0;
    for (double d : m_buf)
        sum += d;
    m_shift = sum / m_window;
    double m2 = 0, c = 0;
    for (double d : m_buf) {
        c += d - m_shift;
        m2 += (d - m_shift) * (d - m_shift);
    }
    m_mean = c / m_window; // relative to m_shift
    m_m2 = m2 - c * m_mean;
}

double RollingMoments::stddev() const
{
    if (!full() || m_window < 2)
        return kNaN;
    return std::sqrt(m_m2 / (m_window - 1));
}

double RollingMoments::zscore() const
{
    const double sd = stddev();
    if (!(sd > 0))
        return kNaN;
    return (m_last - (m_shift + m_mean)) / sd;
}

RollingCorrelation::RollingCorrelation(int window, int resyncEvery)
    : m_a(std::size_t(std::max(window, 1))), m_b(std::size_t(std::max(window, 1))),
      m_window(std::max(window, 1)),
      m_resync(resyncEvery > 0 ? resyncEvery : std::max(window, kDefaultResync))
{
}

void RollingCorrelation::reset()
{
    m_count = m_head = m_sinceSync = 0;
    m_ma = m_mb = m_saa = m_sbb = m_sab = m_shiftA = m_shiftB = 0;
}

void RollingCorrelation::push(double a, double b)
{
    if (m_count < m_window) {
        m_a[std::size_t(m_head)] = a;
        m_b[std::size_t(m_head)] = b;
        if (++m_head == m_window)
            m_head = 0;
        if (++m_count == m_window)
            resync();
        return;
    }
    const double ao = m_a[std::size_t(m_head)] - m_shiftA, bo = m_b[std::size_t(m_head)] - m_shiftB;
    m_a[std::size_t(m_head)] = a;
    m_b[std::size_t(m_head)] = b;
    if (++m_head == m_window)
        m_head = 0;
    if (++m_sinceSync >= m_resync) {
        resync();
        return;
    }
    a -= m_shiftA; // work relative to the last re-sync means: small numbers, small rounding
    b -= m_shiftB;
    const double ma = m_ma + (a - ao) / m_window, mb = m_mb + (b - bo) / m_window;
    // C' = C + (a_in - ma)(b_in - mb') - (a_out - ma)(b_out - mb')
    m_sab += (a - m_ma) * (b - mb) - (ao - m_ma) * (bo - mb);
    m_saa += (a - m_ma) * (a - ma) - (ao - m_ma) * (ao - ma);
    m_sbb += (b - m_mb) * (b - mb) - (bo - m_mb) * (bo - mb);
    m_ma = ma;
    m_mb = mb;
}

void RollingCorrelation::resync()
{
    m_sinceSync = 0;
    double sa = 0, sb = 0;
    for (int i = 0; i < m_window; ++i) {
        sa += m_a[std::size_t(i)];
        sb += m_b[std::size_t(i)];
    }
    m_shiftA = sa / m_window;
    m_shiftB = sb / m_window;
    double saa = 0, sbb = 0, sab = 0, ca = 0, cb = 0;
    for (int i = 0; i < m_window; ++i) {
        const double da = m_a[std::size_t(i)] - m_shiftA, db = m_b[std::size_t(i)] - m_shiftB;
        ca += da;
        cb += db;
        saa += da * da;
        sbb += db * db;
        sab += da * db;
    }
    // centred two-pass with the usual correction term (Chan, Golub & LeVeque): means relative to the shift
    m_ma = ca / m_window;
    m_mb = cb / m_window;
    saa -= ca * m_ma;
    sbb -= cb * m_mb;
    sab -= ca * m_mb;
    m_saa = saa;
    m_sbb = sbb;
    m_sab = sab;
}

double RollingCorrelation::correlation() const
{
    if (!full() || !(m_saa > 0) || !(m_sbb > 0))
        return kNaN;
    const double r = m_sab / std::sqrt(m_saa * m_sbb);
    return std::clamp(r, -1.0, 1.0);
}

std::vector<double> spreadSeries(std::span<const double> x, std::span<const double> y, double alpha,
                                 double beta)
{
    std::vector<double> s(x.size());
    for (std::size_t t = 0; t < x.size(); ++t)
        s[t] = y[t] - (alpha + beta * x[t]);
    return s;
}

std::vector<double> spreadSeries(std::span<const double> x, std::span<const double> y,
                                 std::span<const double> alpha, std::span<const double> beta)
{
    std::vector<double> s(x.size());
    for (std::size_t t = 0; t < x.size(); ++t)
        s[t] = y[t] - (alpha[t] + beta[t] * x[t]);
    return s;
}

std::vector<double> logReturns(std::span<const double> p)
{
    std::vector<double> r(p.size(), kNaN);
    for (std::size_t t = 1; t < p.size(); ++t)
        r[t] = std::log(p[t] / p[t - 1]);
    return r;
}

std::vector<double> rollingZScore(std::span<const double> s, int window)
{
    std::vector<double> z(s.size(), kNaN);
    if (window < 2)
        return z;
    RollingMoments m(window);
    for (std::size_t t = 0; t < s.size(); ++t) {
        m.push(s[t]);
        z[t] = m.zscore();
    }
    return z;
}

namespace {

/** Batch driver: co-moments per bar first, then one branch-light loop for r = sab / sqrt(saa sbb)
    (the sqrt/division no longer sit on the update's dependency chain). */
template <typename Push>
std::vector<double> correlationSeries(std::size_t n, std::size_t first, int window, Push push)
{
    std::vector<double> c(n, kNaN);
    if (window < 2 || n <= first)
        return c;
    std::vector<double> saa(n, 0.0), sbb(n, 0.0);
    RollingCorrelation rc(window);
    for (std::size_t t = first; t < n; ++t) {
        push(rc, t);
        rc.comoments(saa[t], sbb[t], c[t]);
    }
    for (std::size_t t = 0; t < n; ++t) {
        const double d = saa[t] * sbb[t];
        const double r = c[t] / std::sqrt(d);
        c[t] = d > 0 ? std::clamp(r, -1.0, 1.0) : kNaN;
    }
    return c;
}

} // namespace

std::vector<double> rollingCorrelation(std::span<const double> a, std::span<const double> b, int window)
{
    if (a.size() != b.size())
        return std::vector<double>(a.size(), kNaN);
    return correlationSeries(a.size(), 0, window,
                             [&](RollingCorrelation &rc, std::size_t t) { rc.push(a[t], b[t]); });
}

std::vector<double> rollingLogReturnCorrelation(std::span<const double> x, std::span<const double> y,
                                                int window)
{
    if (x.size() != y.size())
        return std::vector<double>(x.size(), kNaN);
    return correlationSeries(x.size(), 1, window, [&](RollingCorrelation &rc, std::size_t t) {
        rc.push(std::log(x[t] / x[t - 1]), std::log(y[t] / y[t - 1]));
    });
}

std::vector<double> rollingZScoreTwoPass(std::span<const double> s, int window)
{
    std::vector<double> z(s.size(), kNaN);
    const std::size_t w = std::size_t(window);
    for (std::size_t t = w - 1; t < s.size() && window >= 2; ++t) {
        double sum = 0;
        for (std::size_t i = t + 1 - w; i <= t; ++i)
            sum += s[i];
        const double m = sum / double(w);
        double m2 = 0;
        for (std::size_t i = t + 1 - w; i <= t; ++i)
            m2 += (s[i] - m) * (s[i] - m);
        const double sd = std::sqrt(m2 / double(w - 1));
        z[t] = sd > 0 ? (s[t] - m) / sd : kNaN;
    }
    return z;
}

std::vector<double> rollingCorrelationTwoPass(std::span<const double> a, std::span<const double> b,
                                              int window)
{
    std::vector<double> c(a.size(), kNaN);
    const std::size_t w = std::size_t(window);
    for (std::size_t t = w - 1; t < a.size() && window >= 2; ++t) {
        bool finite = true;
        double sa = 0, sb = 0;
        for (std::size_t i = t + 1 - w; i <= t; ++i) {
            sa += a[i];
            sb += b[i];
            finite = finite && std::isfinite(a[i]) && std::isfinite(b[i]);
        }
        if (!finite)
            continue;
        const double ma = sa / double(w), mb = sb / double(w);
        double saa = 0, sbb = 0, sab = 0;
        for (std::size_t i = t + 1 - w; i <= t; ++i) {
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
            sab += (a[i] - ma) * (b[i] - mb);
        }
        c[t] = saa > 0 && sbb > 0 ? sab / std::sqrt(saa * sbb) : kNaN;
    }
    return c;
}

CorrelationMatrix logReturnCorrelationMatrix(const std::vector<std::span<const double>> &prices)
{
    CorrelationMatrix m;
    m.size = int(prices.size());
    if (prices.empty()) {
        m.status = AnalyticsStatus::EmptyInput;
        return m;
    }
    const std::size_t n = prices.front().size();
    for (const auto &p : prices) {
        if (p.size() != n) {
            m.status = AnalyticsStatus::SizeMismatch;
            return m;
        }
        if (!allFinite(p)) {
            m.status = AnalyticsStatus::NonFinite;
            return m;
        }
    }
    if (n < 3) {
        m.status = AnalyticsStatus::TooFewRows;
        return m;
    }
    const Eigen::Index rows = Eigen::Index(n - 1), k = m.size;
    Eigen::MatrixXd r(rows, k);
    for (Eigen::Index j = 0; j < k; ++j)
        for (Eigen::Index t = 0; t < rows; ++t)
            r(t, j) =
                std::log(prices[std::size_t(j)][std::size_t(t + 1)] / prices[std::size_t(j)][std::size_t(t)]);
    r.rowwise() -= r.colwise().mean(); // centred (two-pass)
    const Eigen::MatrixXd c = r.transpose() * r;
    m.values.resize(std::size_t(k * k));
    for (Eigen::Index i = 0; i < k; ++i)
        for (Eigen::Index j = 0; j < k; ++j)
            m.values[std::size_t(i * k + j)] =
                i == j ? (c(i, i) > 0 ? 1.0 : kNaN) : c(i, j) / std::sqrt(c(i, i) * c(j, j));
    return m;
}

LivePairState::LivePairState(double alpha, double beta, int window, KalmanParams kalman)
    : m_alpha(alpha), m_beta(beta), m_spread(window), m_price(window), m_logret(window), m_k2(kalman),
      m_k1(kalman), m_scaled(window, kalman.delta)
{
}

LivePairState::Update LivePairState::push(double x, double y)
{
    Update u;
    u.spread = y - (m_alpha + m_beta * x);
    m_spread.push(u.spread);
    u.zscore = m_spread.zscore();
    m_price.push(x, y);
    u.corrPrice = m_price.correlation();
    if (m_bars > 0)
        m_logret.push(std::log(x / m_prevX), std::log(y / m_prevY));
    u.corrLogReturn = m_logret.correlation();
    const auto k2 = m_k2.update(x, y);
    const auto k1 = m_k1.update(x, y);
    u.kalmanAlpha = k2.alpha;
    u.kalmanBeta = k2.beta;
    u.kalmanInnovation = k2.innovation;
    u.kalmanVariance = k2.variance;
    u.kalmanBeta1 = k1.beta;
    const KalmanSpreadFilter::Step scaled = m_scaled.push(x, y);
    u.scaledKalmanSpread = scaled.innovation;
    u.scaledKalmanZ = scaled.zscore;
    m_prevX = x;
    m_prevY = y;
    ++m_bars;
    m_last = u;
    return u;
}

} // namespace pairlab
