#include "analytics/regression.h"

#include <Eigen/Dense>
#include <boost/math/distributions/normal.hpp>

#include <algorithm>
#include <future>
#include <numeric>
#include <random>
#include <vector>

namespace pairlab {

namespace {

AnalyticsStatus checkPair(std::span<const double> x, std::span<const double> y, std::size_t minRows)
{
    if (x.size() != y.size())
        return AnalyticsStatus::SizeMismatch;
    if (x.empty())
        return AnalyticsStatus::EmptyInput;
    if (!allFinite(x) || !allFinite(y))
        return AnalyticsStatus::NonFinite;
    if (x.size() < minRows)
        return AnalyticsStatus::TooFewRows;
    return AnalyticsStatus::Ok;
}

double medianInPlace(std::vector<double> &v)
{
    if (v.empty())
        return kNaN;
    const std::size_t mid = v.size() / 2;
    std::nth_element(v.begin(), v.begin() + std::ptrdiff_t(mid), v.end());
    const double hi = v[mid];
    if (v.size() % 2 == 1)
        return hi;
    const double lo = *std::max_element(v.begin(), v.begin() + std::ptrdiff_t(mid));
    return (lo + hi) / 2.0; // numpy: mean of the two middle values
}

} // namespace

double median(std::span<const double> v)
{
    std::vector<double> copy(v.begin(), v.end());
    return medianInPlace(copy);
}

OlsResult olsFit(std::span<const double> x, std::span<const double> y)
{
    OlsResult r;
    r.status = checkPair(x, y, 3);
    if (!r.ok())
        return r;
    const Eigen::Index n = Eigen::Index(x.size());
    const double meanX = std::accumulate(x.begin(), x.end(), 0.0) / double(n);
    const double meanY = std::accumulate(y.begin(), y.end(), 0.0) / double(n);
    double sxx = 0, sst = 0;
    for (Eigen::Index i = 0; i < n; ++i) {
        sxx += (x[std::size_t(i)] - meanX) * (x[std::size_t(i)] - meanX);
        sst += (y[std::size_t(i)] - meanY) * (y[std::size_t(i)] - meanY);
    }
    if (sxx == 0) {
        r.status = AnalyticsStatus::Singular;
        return r;
    }
    Eigen::MatrixXd design(n, 2);
    design.col(0).setOnes();
    design.col(1) = Eigen::Map<const Eigen::VectorXd>(x.data(), n);
    const Eigen::Map<const Eigen::VectorXd> yv(y.data(), n);
    const Eigen::HouseholderQR<Eigen::MatrixXd> qr(design);
    const Eigen::Vector2d theta = qr.solve(yv);
    r.alpha = theta(0);
    r.beta = theta(1);
    r.ssr = (yv - design * theta).squaredNorm();
    r.r2 = 1.0 - r.ssr / sst;
    const double sigma2 = r.ssr / double(n - 2);
    r.betaSe = std::sqrt(sigma2 / sxx);
    r.alphaSe = std::sqrt(sigma2 * (1.0 / double(n) + meanX * meanX / sxx));
    r.fitAtMeanX = r.alpha + r.beta * meanX;
    return r;
}

// ---------------------------------------------------------------------------------------------- Huber

namespace {

struct Line
{
    double alpha = 0, beta = 0;
};

/** Weighted LS of y on [1, x] by modified Gram-Schmidt on sqrt(w)[1, x]: q1 ∝ sqrt(w), the second
    column orthogonalised against it is sqrt(w)(x - xw) — the weighted-centred regression. */
bool weightedLine(std::span<const double> x, std::span<const double> y, const std::vector<double> &w,
                  Line &out)
{
    const std::size_t n = x.size();
    double sw = 0, swx = 0, swy = 0;
    for (std::size_t i = 0; i < n; ++i) {
        sw += w[i];
        swx += w[i] * x[i];
        swy += w[i] * y[i];
    }
    if (sw <= 0)
        return false;
    const double mx = swx / sw, my = swy / sw;
    double sxx = 0, sxy = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double dx = x[i] - mx;
        sxx += w[i] * dx * dx;
        sxy += w[i] * dx * (y[i] - my);
    }
    if (sxx <= 0)
        return false;
    out.beta = sxy / sxx;
    out.alpha = my - out.beta * mx;
    return true;
}

constexpr double kMadNormal = 0.6744897501960817; // Phi^-1(0.75), statsmodels.robust.scale.mad

double madAtZero(const std::vector<double> &resid, std::vector<double> &scratch)
{
    scratch.resize(resid.size());
    for (std::size_t i = 0; i < resid.size(); ++i)
        scratch[i] = std::fabs(resid[i]);
    return medianInPlace(scratch) / kMadNormal;
}

double huberRho(double u, double c)
{
    const double a = std::fabs(u);
    return a <= c ? 0.5 * u * u : c * a - 0.5 * c * c;
}

} // namespace

HuberResult huberFit(std::span<const double> x, std::span<const double> y, double c, double tol, int maxIter)
{
    HuberResult h;
    h.status = checkPair(x, y, 3);
    if (!h.ok())
        return h;
    const std::size_t n = x.size();
    const OlsResult ols = olsFit(x, y);
    if (!ols.ok()) {
        h.status = ols.status;
        return h;
    }
    Line line{ols.alpha, ols.beta};
    std::vector<double> resid(n), w(n, 1.0), scratch;
    auto computeResid = [&] {
        for (std::size_t i = 0; i < n; ++i)
            resid[i] = y[i] - (line.alpha + line.beta * x[i]);
    };
    // statsmodels RLM.fit: deviance = sum rho(resid / results.scale), results.scale = sum w r^2 / df_resid
    auto deviance = [&] {
        double s = 0;
        for (std::size_t i = 0; i < n; ++i)
            s += w[i] * resid[i] * resid[i];
        s /= double(n - 2);
        double d = 0;
        for (std::size_t i = 0; i < n; ++i)
            d += huberRho(resid[i] / s, c);
        return d;
    };
    computeResid();
    double scale = madAtZero(resid, scratch);
    double prevDev = deviance();
    int iteration = 1;
    while (true) {
        if (scale == 0.0)
            break; // statsmodels warns "perfect fit" and stops
        for (std::size_t i = 0; i < n; ++i) {
            const double a = std::fabs(resid[i] / scale);
            w[i] = a <= c ? 1.0 : c / a;
        }
        Line next;
        if (!weightedLine(x, y, w, next)) {
            h.status = AnalyticsStatus::Singular;
            return h;
        }
        line = next;
        computeResid();
        scale = madAtZero(resid, scratch);
        const double dev = deviance();
        ++iteration;
        const bool moving = std::fabs(dev - prevDev) > tol;
        prevDev = dev;
        if (!(moving && iteration < maxIter))
            break;
    }
    h.alpha = line.alpha;
    h.beta = line.beta;
    h.scale = scale;
    h.iterations = iteration;
    return h;
}

// ------------------------------------------------------------------------------------------ Theil-Sen

namespace {

/** Sen (1968) CI ranks and the median ranks, as scipy.stats.theilslopes computes them. */
struct SenRanks
{
    std::int64_t medLo = 0, medHi = 0, rl = 0, ru = 0;
};

std::int64_t tieTerm(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    std::int64_t sum = 0;
    for (std::size_t i = 0; i < v.size();) {
        std::size_t j = i;
        while (j < v.size() && v[j] == v[i])
            ++j;
        const std::int64_t k = std::int64_t(j - i);
        if (k > 1)
            sum += k * (k - 1) * (2 * k + 5);
        i = j;
    }
    return sum;
}

SenRanks senRanks(std::span<const double> x, std::span<const double> y, std::int64_t nSlopes)
{
    const std::int64_t n = std::int64_t(y.size());
    const double z = boost::math::quantile(boost::math::normal_distribution<double>(), 0.025);
    const std::int64_t s =
        n * (n - 1) * (2 * n + 5) - tieTerm({x.begin(), x.end()}) - tieTerm({y.begin(), y.end()});
    const double sigma = std::sqrt(double(s) / 18.0);
    SenRanks r;
    r.medLo = (nSlopes - 1) / 2;
    r.medHi = nSlopes / 2;
    r.ru = std::min(std::int64_t(std::nearbyint((double(nSlopes) - z * sigma) / 2.0)), nSlopes - 1);
    r.rl = std::max(std::int64_t(std::nearbyint((double(nSlopes) + z * sigma) / 2.0)) - 1, std::int64_t(0));
    return r;
}

void fillFromRanks(TheilSenResult &r, std::span<const double> x, std::span<const double> y, double medLo,
                   double medHi, double low, double high)
{
    r.slope = (medLo + medHi) / 2.0;
    if (medLo == medHi)
        r.slope = medLo;
    r.intercept = median(y) - r.slope * median(x);
    std::vector<double> resid(y.size());
    for (std::size_t i = 0; i < y.size(); ++i)
        resid[i] = y[i] - r.slope * x[i];
    r.interceptJoint = medianInPlace(resid);
    r.lowSlope = low;
    r.highSlope = high;
}

struct Keyed
{
    double key;
    double key2;
    int idx;
};

/** Exact-selection engine over the slopes of points sorted by (x asc, y desc). */
class SlopeSelector
{
public:
    SlopeSelector(std::span<const double> x, std::span<const double> y)
    {
        const std::size_t n = x.size();
        std::vector<int> order(n);
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(), [&](int a, int b) {
            return x[std::size_t(a)] != x[std::size_t(b)] ? x[std::size_t(a)] < x[std::size_t(b)]
                                                          : y[std::size_t(a)] > y[std::size_t(b)];
        });
        m_x.resize(n);
        m_y.resize(n);
        for (std::size_t i = 0; i < n; ++i) {
            m_x[i] = x[std::size_t(order[i])];
            m_y[i] = y[std::size_t(order[i])];
        }
        m_minGap = std::numeric_limits<double>::infinity();
        for (std::size_t i = 0; i < n;) {
            std::size_t j = i;
            while (j < n && m_x[j] == m_x[i])
                ++j;
            const std::int64_t k = std::int64_t(j - i);
            m_tiedPairs += k * (k - 1) / 2;
            if (j < n)
                m_minGap = std::min(m_minGap, m_x[j] - m_x[i]);
            i = j;
        }
        const std::int64_t nn = std::int64_t(n);
        m_total = nn * (nn - 1) / 2 - m_tiedPairs;
        m_maxAbsX = 0;
        m_maxAbsY = 0;
        for (std::size_t i = 0; i < n; ++i) {
            m_maxAbsX = std::max(m_maxAbsX, std::fabs(m_x[i]));
            m_maxAbsY = std::max(m_maxAbsY, std::fabs(m_y[i]));
        }
        const auto [mn, mx] = std::minmax_element(m_y.begin(), m_y.end());
        m_bound = (*mx - *mn) / m_minGap * (1 + 1e-9) + 1.0; // every |slope| < bound
        m_u.resize(n);
        m_buf.resize(n);
    }

    std::int64_t total() const { return m_total; }
    double lowerBound() const { return -m_bound; }
    double upperBound() const { return m_bound; }

    /** Largest error of the key comparison u_j <= u_i, converted to a slope distance. */
    double margin(double t) const
    {
        return 8.0 * std::numeric_limits<double>::epsilon() * (m_maxAbsY + std::fabs(t) * m_maxAbsX) /
                   m_minGap +
               4.0 * std::numeric_limits<double>::epsilon() * std::fabs(t);
    }

    /** Number of slopes <= t: pairs i < j (x order) with u_j <= u_i, u = y - t x, minus tied-x pairs
        (within a tied-x group y is descending, so all its pairs are counted). */
    std::int64_t countAtMost(double t)
    {
        const std::size_t n = m_x.size();
        for (std::size_t i = 0; i < n; ++i)
            m_u[i] = m_y[i] - t * m_x[i];
        std::int64_t count = 0;
        double *src = m_u.data();
        double *dst = m_buf.data();
        for (std::size_t width = 1; width < n; width *= 2) {
            for (std::size_t lo = 0; lo < n; lo += 2 * width) {
                const std::size_t mid = std::min(lo + width, n), hi = std::min(lo + 2 * width, n);
                std::size_t i = lo, j = mid, k = lo;
                while (i < mid && j < hi) {
                    if (src[i] < src[j]) {
                        dst[k++] = src[i++];
                    } else { // src[j] <= src[i..mid): all form a counted pair with j
                        count += std::int64_t(mid - i);
                        dst[k++] = src[j++];
                    }
                }
                while (i < mid)
                    dst[k++] = src[i++];
                while (j < hi)
                    dst[k++] = src[j++];
            }
            std::swap(src, dst);
        }
        return count - m_tiedPairs;
    }

    /** Slopes in (lo, hi] as scipy computes them: inversions of the u_hi keys in u_lo order. */
    bool enumerate(double lo, double hi, std::size_t expected, std::vector<double> &out)
    {
        const std::size_t n = m_x.size();
        std::vector<Keyed> a(n), b(n);
        for (std::size_t i = 0; i < n; ++i)
            a[i] = Keyed{m_y[i] - lo * m_x[i], m_y[i] - hi * m_x[i], int(i)};
        std::sort(a.begin(), a.end(), [](const Keyed &p, const Keyed &q) {
            return p.key != q.key ? p.key < q.key : p.key2 < q.key2;
        });
        out.clear();
        out.reserve(expected);
        Keyed *src = a.data(), *dst = b.data();
        for (std::size_t width = 1; width < n; width *= 2) {
            for (std::size_t l = 0; l < n; l += 2 * width) {
                const std::size_t mid = std::min(l + width, n), h = std::min(l + 2 * width, n);
                std::size_t i = l, j = mid, k = l;
                while (i < mid && j < h) {
                    if (src[i].key2 < src[j].key2) {
                        dst[k++] = src[i++];
                    } else {
                        for (std::size_t q = i; q < mid; ++q) {
                            const std::size_t p1 = std::size_t(src[q].idx), p2 = std::size_t(src[j].idx);
                            const double dx = m_x[p2] - m_x[p1];
                            if (dx == 0)
                                continue;
                            if (out.size() >= expected)
                                return false;
                            out.push_back((m_y[p2] - m_y[p1]) / dx);
                        }
                        dst[k++] = src[j++];
                    }
                }
                while (i < mid)
                    dst[k++] = src[i++];
                while (j < h)
                    dst[k++] = src[j++];
            }
            std::swap(src, dst);
        }
        return out.size() == expected;
    }

    /** Sample up to m slopes uniformly from those in (lo, hi] (rejection sampling over random pairs). */
    void sample(double lo, double hi, std::size_t m, std::size_t maxTries, std::vector<double> &out)
    {
        out.clear();
        const std::size_t n = m_x.size();
        for (std::size_t t = 0; t < maxTries && out.size() < m; ++t) {
            const std::uint64_t r = m_rng(); // two 32-bit indices by multiply-shift (bias < n / 2^32)
            const std::size_t i = std::size_t(((r & 0xffffffffu) * n) >> 32),
                              j = std::size_t(((r >> 32) * n) >> 32);
            const double dx = m_x[j] - m_x[i];
            if (dx == 0)
                continue;
            const double s = (m_y[j] - m_y[i]) / dx;
            if (s > lo && s <= hi)
                out.push_back(s);
        }
    }

    /** A range of slope values and how many slopes lie at or below each end. */
    struct Bracket
    {
        double lo = 0, hi = 0;
        std::int64_t cLo = 0, cHi = 0;
    };

    /** The widest bracket: every slope lies in (lo, hi]. */
    Bracket everything() const { return {lowerBound() * 1.5 - 1, upperBound() * 1.5 + 1, 0, m_total}; }

    /** Makes t an end of `b` if its count says it lies below rank k1 or above rank k2 (else nothing). */
    void confirm(Bracket &b, std::int64_t k1, std::int64_t k2, double t)
    {
        const std::int64_t c = countAtMost(t);
        if (c <= k1 && c >= b.cLo) {
            b.lo = t;
            b.cLo = c;
        } else if (c >= k2 + 1 && c <= b.cHi) {
            b.hi = t;
            b.cHi = c;
        }
    }

    /** Narrows `b` around ranks k1..k2 from unsorted samples of the slopes in it: thresholds a few standard
     *  errors either side of the ranks' place among the samples, each kept only if its count confirms it
     *  (a missed threshold costs one more round, never a wrong answer). The samples are reordered. */
    void narrow(Bracket &b, std::int64_t k1, std::int64_t k2, std::vector<double> &samples)
    {
        const double ms = double(samples.size());
        const std::int64_t inWindow = b.cHi - b.cLo;
        const double spread = 3.0 * std::sqrt(ms);
        const double f1 = double(k1 - b.cLo) / double(inWindow) * ms - spread;
        const double f2 = double(k2 + 1 - b.cLo) / double(inWindow) * ms + spread;
        const std::int64_t before = inWindow;
        auto tryThreshold = [&](double t) { confirm(b, k1, k2, t); };
        // Two order statistics of the samples, O(m) each (a sort would be O(m log m)).
        auto from = samples.begin();
        if (f1 >= 0) {
            const auto at = samples.begin() + std::ptrdiff_t(f1);
            std::nth_element(samples.begin(), at, samples.end());
            tryThreshold(*at);
            from = at + 1;
        }
        if (f2 < ms && samples.begin() + std::ptrdiff_t(f2) >= from) {
            const auto at = samples.begin() + std::ptrdiff_t(f2);
            std::nth_element(from, at, samples.end());
            tryThreshold(*at);
        }
        if (b.cHi - b.cLo == before) // no sample threshold helped: bisect by value
            tryThreshold(b.lo + (b.hi - b.lo) / 2);
    }

    /** One sample of all slopes narrows the first bracket of several rank ranges at once (the three
     *  selections of theilSen() share their most expensive round). */
    std::vector<Bracket> firstBrackets(const std::vector<std::pair<std::int64_t, std::int64_t>> &ranks)
    {
        const Bracket all = everything();
        std::vector<double> samples;
        sample(all.lo, all.hi, 50000, 60000, samples);
        std::vector<Bracket> out;
        for (const auto &[k1, k2] : ranks) {
            Bracket b = all;
            if (samples.size() >= 100 && m_total > 6'000'000)
                narrow(b, k1, k2, samples);
            out.push_back(b);
        }
        return out;
    }

    /** The slopes of ranks k1..k2 (0-based, k2 - k1 small), sorted, searched from `start` (it must hold
     *  them). */
    std::vector<double> selectRanks(std::int64_t k1, std::int64_t k2, const Bracket &start)
    {
        constexpr std::int64_t kEnumerateLimit = 6'000'000; // 48 MB of slopes at most
        double lo = start.lo, hi = start.hi;
        std::int64_t cLo = start.cLo, cHi = start.cHi;
        constexpr std::int64_t kInterpolateAbove = 50'000;
        std::vector<double> samples, window;
        bool interpolate = true;
        for (int round = 0; round < 200; ++round) {
            const std::int64_t inWindow = cHi - cLo;
            if (interpolate && inWindow > kInterpolateAbove) {
                // Inside a narrow bracket the slopes lie almost evenly: two counts a little either side of
                // the ranks' interpolated place cut the window some twenty-fold for 2 n log n (a miss costs
                // the two counts, never a wrong answer; where it does not halve the window, stop trying).
                Bracket b{lo, hi, cLo, cHi};
                const double pad = std::max(0.02 * double(inWindow), 500.0), w = hi - lo;
                const double t1 = lo + w * ((double(k1 - cLo) - pad) / double(inWindow));
                const double t2 = lo + w * ((double(k2 + 1 - cLo) + pad) / double(inWindow));
                if (t1 > lo)
                    confirm(b, k1, k2, t1);
                if (t2 < hi)
                    confirm(b, k1, k2, t2);
                if ((b.cHi - b.cLo) * 2 > inWindow)
                    interpolate = false;
                lo = b.lo;
                hi = b.hi;
                cLo = b.cLo;
                cHi = b.cHi;
                continue;
            }
            if (inWindow <= kEnumerateLimit) {
                if (enumerate(lo, hi, std::size_t(inWindow), window)) {
                    // rank k1 by nth_element, each following rank is the minimum of what lies above it
                    auto first = window.begin() + (k1 - cLo);
                    std::nth_element(window.begin(), first, window.end());
                    std::vector<double> result{*first};
                    for (std::int64_t k = k1 + 1; k <= k2; ++k) {
                        auto next = std::min_element(first + 1, window.end());
                        std::iter_swap(first + 1, next);
                        ++first;
                        result.push_back(*first);
                    }
                    // The answer must sit clear of both thresholds by more than the key error.
                    if (result.front() > lo + margin(lo) && result.back() <= hi - margin(hi))
                        return result;
                }
                // Inconsistent keys near a threshold: widen both sides and count again.
                lo -= 16 * margin(lo) + 1e-12 * std::fabs(lo);
                hi += 16 * margin(hi) + 1e-12 * std::fabs(hi);
                cLo = countAtMost(lo);
                cHi = countAtMost(hi);
                continue;
            }
            // up to 200k samples, but never more than 1.5M random pairs per round (fewer samples then)
            const double accept = double(inWindow) / double(m_total);
            const std::size_t m = std::size_t(std::clamp(1.5e6 * accept, 2000.0, 200000.0));
            sample(lo, hi, m, std::size_t(std::min(1.5e6, double(m) / accept * 1.2)), samples);
            if (samples.size() < 100) { // bisect by value when sampling is hopeless
                const double t = lo + (hi - lo) / 2;
                const std::int64_t c = countAtMost(t);
                if (c <= k1) {
                    lo = t;
                    cLo = c;
                } else {
                    hi = t;
                    cHi = c;
                }
                continue;
            }
            Bracket b{lo, hi, cLo, cHi};
            narrow(b, k1, k2, samples);
            lo = b.lo;
            hi = b.hi;
            cLo = b.cLo;
            cHi = b.cHi;
        }
        return {};
    }

private:
    std::vector<double> m_x, m_y, m_u, m_buf;
    std::int64_t m_tiedPairs = 0, m_total = 0;
    double m_minGap = 0, m_maxAbsX = 0, m_maxAbsY = 0, m_bound = 0;
    std::mt19937_64 m_rng{20240808};
};

} // namespace

TheilSenResult theilSenBruteForce(std::span<const double> x, std::span<const double> y)
{
    TheilSenResult r;
    r.status = checkPair(x, y, 2);
    if (!r.ok())
        return r;
    std::vector<double> slopes;
    for (std::size_t i = 0; i < x.size(); ++i)
        for (std::size_t j = 0; j < x.size(); ++j)
            if (x[j] - x[i] >
                0) // scipy: deltax = x[:, None] - x; slopes = deltay[deltax > 0] / deltax[deltax > 0]
                slopes.push_back((y[j] - y[i]) / (x[j] - x[i]));
    if (slopes.empty()) {
        r.status = AnalyticsStatus::ConstantSeries;
        return r;
    }
    std::sort(slopes.begin(), slopes.end());
    r.slopeCount = std::int64_t(slopes.size());
    const SenRanks k = senRanks(x, y, r.slopeCount);
    fillFromRanks(r, x, y, slopes[std::size_t(k.medLo)], slopes[std::size_t(k.medHi)],
                  slopes[std::size_t(k.rl)], slopes[std::size_t(k.ru)]);
    return r;
}

TheilSenResult theilSen(std::span<const double> x, std::span<const double> y)
{
    TheilSenResult r;
    r.status = checkPair(x, y, 2);
    if (!r.ok())
        return r;
    SlopeSelector sel(x, y);
    r.slopeCount = sel.total();
    if (r.slopeCount == 0) {
        r.status = AnalyticsStatus::ConstantSeries;
        return r;
    }
    const SenRanks k = senRanks(x, y, r.slopeCount);
    // The median and the two confidence bounds are three independent selections of about equal cost: the
    // bounds run on two more threads (each on its own copy of the selector; the answers are exact, so they do
    // not depend on the split). Small inputs stay on this thread.
    // One sample of all slopes brackets the three (their most expensive round, shared).
    const std::vector<SlopeSelector::Bracket> first =
        sel.firstBrackets({{k.medLo, k.medHi}, {k.rl, k.rl}, {k.ru, k.ru}});
    std::vector<double> med, low, high;
    if (x.size() >= 2000) {
        SlopeSelector forLow = sel, forHigh = sel;
        auto lowJob = std::async(std::launch::async,
                                 [&forLow, &k, &first] { return forLow.selectRanks(k.rl, k.rl, first[1]); });
        auto highJob = std::async(
            std::launch::async, [&forHigh, &k, &first] { return forHigh.selectRanks(k.ru, k.ru, first[2]); });
        med = sel.selectRanks(k.medLo, k.medHi, first[0]);
        low = lowJob.get();
        high = highJob.get();
    } else {
        med = sel.selectRanks(k.medLo, k.medHi, first[0]);
        low = sel.selectRanks(k.rl, k.rl, first[1]);
        high = sel.selectRanks(k.ru, k.ru, first[2]);
    }
    if (med.empty() || low.empty() || high.empty()) { // not expected: the bracket always narrows
        if (x.size() <= 4000)
            return theilSenBruteForce(x, y);
        r.status = AnalyticsStatus::NotConverged;
        return r;
    }
    fillFromRanks(r, x, y, med.front(), med.back(), low.front(), high.front());
    return r;
}

} // namespace pairlab
