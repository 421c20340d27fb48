#include "analytics/series_stats.h"

#include "analytics/regression.h"

#include <vector>

namespace pairlab {

Moments moments(std::span<const double> v)
{
    Moments m;
    const std::size_t n = v.size();
    if (n == 0) {
        m.status = AnalyticsStatus::EmptyInput;
        return m;
    }
    if (!allFinite(v)) {
        m.status = AnalyticsStatus::NonFinite;
        return m;
    }
    double sum = 0;
    for (double d : v)
        sum += d;
    m.mean = sum / double(n);
    double m2 = 0, m3 = 0, m4 = 0;
    for (double d : v) {
        const double e = d - m.mean, e2 = e * e;
        m2 += e2;
        m3 += e2 * e;
        m4 += e2 * e2;
    }
    const double N = double(n);
    m.std = n > 1 ? std::sqrt(m2 / (N - 1)) : kNaN;
    m2 /= N;
    m3 /= N;
    m4 /= N;
    if (m2 > 0) {
        // scipy.stats.skew / kurtosis (Fisher), bias=True then the bias=False corrections
        m.skew = m3 / std::pow(m2, 1.5);
        m.kurtosis = m4 / (m2 * m2) - 3.0;
        if (n > 2)
            m.skewUnbiased = m.skew * std::sqrt(N * (N - 1)) / (N - 2);
        if (n > 3)
            m.kurtosisUnbiased = ((N * N - 1) * m4 / (m2 * m2) - 3 * (N - 1) * (N - 1)) / ((N - 2) * (N - 3));
    }
    return m;
}

LegStats legStats(std::span<const double> p, double barsPerYear)
{
    LegStats s;
    s.levels = moments(p);
    if (!s.levels.ok()) {
        s.status = s.levels.status;
        return s;
    }
    if (p.size() < 2) {
        s.status = AnalyticsStatus::TooFewRows;
        return s;
    }
    std::vector<double> r(p.size() - 1);
    for (std::size_t t = 1; t < p.size(); ++t)
        r[t - 1] = std::log(p[t] / p[t - 1]);
    s.returns = moments(r);
    s.lastReturn = r.back();
    s.annualisedVol = s.returns.std * std::sqrt(barsPerYear);
    return s;
}

HalfLife halfLife(std::span<const double> s)
{
    HalfLife h;
    if (s.size() < 4) {
        h.status = s.empty() ? AnalyticsStatus::EmptyInput : AnalyticsStatus::TooFewRows;
        return h;
    }
    std::vector<double> lagged(s.begin(), s.end() - 1), diff(s.size() - 1);
    for (std::size_t t = 1; t < s.size(); ++t)
        diff[t - 1] = s[t] - s[t - 1];
    const OlsResult ols = olsFit(lagged, diff);
    if (!ols.ok()) {
        h.status = ols.status;
        return h;
    }
    h.lambda = ols.beta;
    if (h.lambda < 0) {
        h.halfLife = -std::log(2.0) / h.lambda;
        if (h.lambda > -1)
            h.halfLifeLog = -std::log(2.0) / std::log1p(h.lambda);
    }
    return h;
}

double hurstExponent(std::span<const double> s, int minLag, int maxLagExclusive)
{
    if (!allFinite(s))
        return kNaN;
    std::vector<double> lt, ls;
    const std::size_t n = s.size();
    for (int tau = minLag; tau < maxLagExclusive; ++tau) {
        const std::size_t lag = std::size_t(tau);
        if (n < lag + 2)
            break;
        const std::size_t m = n - lag;
        double sum = 0;
        for (std::size_t t = 0; t < m; ++t)
            sum += s[t + lag] - s[t];
        const double mean = sum / double(m);
        double ss = 0;
        for (std::size_t t = 0; t < m; ++t) {
            const double d = s[t + lag] - s[t] - mean;
            ss += d * d;
        }
        const double sd = std::sqrt(ss / double(m)); // ddof 0
        if (!(sd > 0))
            return kNaN;
        lt.push_back(std::log(double(tau)));
        ls.push_back(std::log(sd));
    }
    if (lt.size() < 3)
        return kNaN;
    return olsFit(lt, ls).beta;
}

} // namespace pairlab
