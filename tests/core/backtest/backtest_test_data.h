#pragma once

#include <QRandomGenerator>

#include <cmath>
#include <vector>

namespace pairlab::test {

/** A synthetic cointegrated pair: x a random walk around 2000, y = 10 + 18 x + AR(1) noise. */
struct SyntheticPair {
    std::vector<double> x, y;
    std::vector<qint64> timeMs;
};

inline SyntheticPair syntheticPair(std::size_t n, quint32 seed = 1)
{
    QRandomGenerator rng(seed);
    auto normal = [&rng] {
        const double u1 = std::max(rng.generateDouble(), 1e-300), u2 = rng.generateDouble();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
    };
    SyntheticPair p;
    double px = 2000, e = 0;
    for (std::size_t t = 0; t < n; ++t) {
        px += normal() * 0.5;
        e = 0.98 * e + normal() * 2.0;
        p.x.push_back(std::round(px * 100) / 100);
        p.y.push_back(std::round((10 + 18 * px + e) * 100) / 100);
        p.timeMs.push_back(1723075200000 + qint64(t) * 1000);
    }
    return p;
}

/** Bit-for-bit equality, NaN equal to NaN. */
inline bool same(double a, double b)
{
    return a == b || (std::isnan(a) && std::isnan(b));
}

} // namespace pairlab::test
