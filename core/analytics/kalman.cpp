#include "analytics/kalman.h"

#include <algorithm>

namespace pairlab {

KalmanFilter2::Step KalmanFilter2::update(double x, double y)
{
    const double p00 = m_p00 + m_q, p01 = m_p01, p11 = m_p11 + m_q; // predict
    const double e = y - (m_a + m_b * x);
    const double u0 = p00 + x * p01, u1 = p01 + x * p11;
    const double s = (u0 + x * u1) + m_r;
    const double k0 = u0 / s, k1 = u1 / s;
    m_a = m_a + k0 * e;
    m_b = m_b + k1 * e;
    m_p00 = p00 - k0 * u0;
    m_p01 = p01 - k0 * u1;
    m_p11 = p11 - k1 * u1;
    return {m_a, m_b, e, s};
}

KalmanFilter1::Step KalmanFilter1::update(double x, double y)
{
    const double p = m_p + m_q;
    const double e = y - m_b * x;
    const double u = p * x;
    const double s = x * u + m_r;
    const double k = u / s;
    m_b = m_b + k * e;
    m_p = p - k * u;
    return {m_b, e, s};
}

namespace {
AnalyticsStatus check(std::span<const double> x, std::span<const double> y)
{
    if (x.size() != y.size())
        return AnalyticsStatus::SizeMismatch;
    if (x.empty())
        return AnalyticsStatus::EmptyInput;
    if (!allFinite(x) || !allFinite(y))
        return AnalyticsStatus::NonFinite;
    return AnalyticsStatus::Ok;
}
} // namespace

KalmanSeries kalman2(std::span<const double> x, std::span<const double> y, KalmanParams params)
{
    KalmanSeries out;
    out.status = check(x, y);
    if (!out.ok())
        return out;
    const std::size_t n = x.size();
    out.alpha.resize(n);
    out.beta.resize(n);
    out.innovation.resize(n);
    out.variance.resize(n);
    KalmanFilter2 f(params);
    for (std::size_t t = 0; t < n; ++t) {
        const auto s = f.update(x[t], y[t]);
        out.alpha[t] = s.alpha;
        out.beta[t] = s.beta;
        out.innovation[t] = s.innovation;
        out.variance[t] = s.variance;
    }
    return out;
}

KalmanSeries kalman1(std::span<const double> x, std::span<const double> y, KalmanParams params)
{
    KalmanSeries out;
    out.status = check(x, y);
    if (!out.ok())
        return out;
    const std::size_t n = x.size();
    out.beta.resize(n);
    out.innovation.resize(n);
    out.variance.resize(n);
    KalmanFilter1 f(params);
    for (std::size_t t = 0; t < n; ++t) {
        const auto s = f.update(x[t], y[t]);
        out.beta[t] = s.beta;
        out.innovation[t] = s.innovation;
        out.variance[t] = s.variance;
    }
    return out;
}

KalmanSpreadFilter::KalmanSpreadFilter(int warmup, double delta)
    : m_w(std::max(warmup, 0)), m_q(delta / (1.0 - delta))
{
    if (m_w >= 3) {
        m_wx.reserve(std::size_t(m_w));
        m_wy.reserve(std::size_t(m_w));
    }
}

void KalmanSpreadFilter::initialise()
{
    const std::size_t w = std::size_t(m_w);
    const std::vector<double> &x = m_wx, &y = m_wy;
    // OLS of the warm-up, centred (prices of ~60,000 would lose digits in raw sums).
    double mx = 0, my = 0, mx2 = 0;
    for (std::size_t t = 0; t < w; ++t) {
        mx += x[t];
        my += y[t];
        mx2 += x[t] * x[t];
    }
    mx /= double(w);
    my /= double(w);
    mx2 /= double(w);
    double sxx = 0, sxy = 0, syy = 0;
    for (std::size_t t = 0; t < w; ++t) {
        sxx += (x[t] - mx) * (x[t] - mx);
        sxy += (x[t] - mx) * (y[t] - my);
        syy += (y[t] - my) * (y[t] - my);
    }
    if (!(sxx > 0)) {
        m_status = AnalyticsStatus::ConstantSeries;
        return;
    }
    const double b = sxy / sxx, a = my - b * mx;
    double ssr = 0;
    for (std::size_t t = 0; t < w; ++t) {
        const double e = y[t] - (a + b * x[t]);
        ssr += e * e;
    }
    const double r = ssr / double(w - 2);
    m_wx = {}; // the warm-up is fit: its bars are not needed any more
    m_wy = {};
    // An exact linear fit (residuals at rounding level) has no noise scale to borrow.
    if (!std::isfinite(r) || !(std::sqrt(r) > 1e-12 * (std::abs(my) + std::sqrt(syy / double(w))))) {
        m_status = AnalyticsStatus::ConstantSeries;
        return;
    }
    m_r = r;
    m_mx2 = mx2;
    // R, Q and P_0 are all proportional to the scale sigma^2 = R, so the gain, the states and the
    // innovations do not depend on it: the filter runs at unit scale (~ marks it) and sigma^2 enters
    // only S_t = S~_t sigma^2. It is computed in coordinates centred on the warm-up's mean (c = mean x):
    // state (a' = a + b c, b), h = [1, x - c], Q' = T Q T' with T = [[1, c], [0, 1]]: the same model,
    // without the cancellation of P's ~1e5-fold correlated terms at BTC's price level.
    m_c = mx;
    m_q00 = m_q * (1.0 + m_c * m_c / mx2);
    m_q01 = m_q * m_c / mx2;
    m_q11 = m_q / mx2;
    m_ac = a + b * m_c; // a'
    m_b = b;
    m_p00 = 1.0 / double(w); // P~_0 = (X'X)^-1, centred
    m_p01 = 0;
    m_p11 = 1.0 / sxx;
    // sigma^2 for bar t: the mean of e_j^2 / S~_j over the W bars before t (the warm-up's R fills
    // the window at first), so a calm warm-up does not inflate every later z.
    m_ring.assign(w, r);
    m_ringSum = r * double(w);
    m_ringAt = 0;
    m_status = AnalyticsStatus::Ok;
}

KalmanSpreadFilter::Step KalmanSpreadFilter::push(double x, double y)
{
    if (m_status == AnalyticsStatus::TooFewRows && m_w >= 3) {
        if (!std::isfinite(x) || !std::isfinite(y)) {
            m_status = AnalyticsStatus::NonFinite;
            return {};
        }
        m_wx.push_back(x);
        m_wy.push_back(y);
        if (int(m_wx.size()) == m_w)
            initialise();
        return {};
    }
    if (m_status != AnalyticsStatus::Ok)
        return {};
    if (!std::isfinite(x) || !std::isfinite(y)) {
        m_status = AnalyticsStatus::NonFinite;
        return {};
    }
    const double xc = x - m_c;
    const double pp00 = m_p00 + m_q00, pp01 = m_p01 + m_q01, pp11 = m_p11 + m_q11; // predict
    const double e = y - (m_ac + m_b * xc);
    const double u0 = pp00 + xc * pp01, u1 = pp01 + xc * pp11;
    const double su = (u0 + xc * u1) + 1.0; // S~_t
    const double k0 = u0 / su, k1 = u1 / su;
    m_ac += k0 * e;
    m_b += k1 * e;
    m_p00 = pp00 - k0 * u0;
    m_p01 = pp01 - k0 * u1;
    m_p11 = pp11 - k1 * u1;
    const double s = su * (m_ringSum / double(m_w));
    const Step out{m_ac - m_b * m_c, m_b, e, s, e / std::sqrt(s)};
    const double scaled = e * e / su;
    m_ringSum += scaled - m_ring[m_ringAt];
    m_ring[m_ringAt] = scaled;
    m_ringAt = (m_ringAt + 1) % m_ring.size();
    return out;
}

KalmanSpread kalmanSpread(std::span<const double> x, std::span<const double> y, int warmup, double delta)
{
    KalmanSpread out;
    out.warmup = warmup;
    out.status = check(x, y);
    if (!out.ok())
        return out;
    const std::size_t n = x.size(), w = warmup > 0 ? std::size_t(warmup) : 0;
    if (w < 3 || n <= w) {
        out.status = AnalyticsStatus::TooFewRows;
        return out;
    }
    KalmanSpreadFilter f(warmup, delta);
    for (std::size_t t = 0; t < w; ++t)
        f.push(x[t], y[t]);
    if (f.status() != AnalyticsStatus::Ok) {
        out.status = f.status();
        return out;
    }
    out.r = f.r();
    out.qAlpha = f.qAlpha();
    out.qBeta = f.qBeta();
    out.alpha.assign(n, kNaN);
    out.beta.assign(n, kNaN);
    out.innovation.assign(n, kNaN);
    out.variance.assign(n, kNaN);
    out.zscore.assign(n, kNaN);
    for (std::size_t t = w; t < n; ++t) {
        const KalmanSpreadFilter::Step s = f.push(x[t], y[t]);
        out.alpha[t] = s.alpha;
        out.beta[t] = s.beta;
        out.innovation[t] = s.innovation;
        out.variance[t] = s.variance;
        out.zscore[t] = s.zscore;
    }
    return out;
}

} // namespace pairlab
