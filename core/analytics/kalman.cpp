#include "analytics/kalman.h"

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

} // namespace pairlab
