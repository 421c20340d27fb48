#include "models/decimation.h"

#include <algorithm>
#include <cmath>

namespace pairlab {

QList<QPointF> decimateMinMax(std::span<const qint64> times, std::span<const double> values,
                              qint64 fromMs, qint64 toMs, int columns)
{
    QList<QPointF> out;
    const std::size_t n = std::min(times.size(), values.size());
    if (n == 0 || toMs < fromMs)
        return out;
    columns = std::max(1, columns);
    std::size_t begin = std::size_t(std::lower_bound(times.begin(), times.begin() + long(n), fromMs) - times.begin());
    std::size_t end = std::size_t(std::upper_bound(times.begin(), times.begin() + long(n), toMs) - times.begin());
    if (begin > 0)
        --begin; // reach the left edge
    if (end < n)
        ++end; // and the right one
    const std::size_t count = end - begin;
    if (count <= std::size_t(columns) * 4) {
        out.reserve(qsizetype(count));
        for (std::size_t i = begin; i < end; ++i)
            if (!std::isnan(values[i]))
                out.append(QPointF(double(times[i]), values[i]));
        return out;
    }
    out.reserve(qsizetype(columns) * 4 + 2);
    const double span = double(std::max<qint64>(1, toMs - fromMs));
    std::size_t i = begin;
    while (i < end) {
        const double column = std::floor(double(times[i] - fromMs) / span * columns);
        // One bucket: every point before the next column's left edge.
        const double nextEdge = double(fromMs) + (column + 1.0) * span / columns;
        std::size_t first = end, last = end, lo = end, hi = end;
        std::size_t j = i;
        for (; j < end; ++j) {
            if (j > i && double(times[j]) >= nextEdge)
                break;
            const double v = values[j];
            if (std::isnan(v))
                continue;
            if (first == end)
                first = lo = hi = j;
            last = j;
            if (v < values[lo])
                lo = j;
            if (v > values[hi])
                hi = j;
        }
        if (first != end) {
            std::size_t picks[4] = {first, std::min(lo, hi), std::max(lo, hi), last};
            std::size_t prev = end;
            for (std::size_t k : picks) {
                if (k != prev)
                    out.append(QPointF(double(times[k]), values[k]));
                prev = k;
            }
        }
        i = j;
    }
    return out;
}

} // namespace pairlab
