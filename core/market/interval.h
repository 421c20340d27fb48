#pragma once

#include <QString>

#include <array>
#include <cstdint>
#include <optional>

namespace pairlab {

/** Bar intervals PairLab aggregates live. Bins are [k*D, (k+1)*D) on epoch milliseconds. */
enum class Interval : std::int32_t { S1 = 1, M1 = 60, M5 = 300 };

inline constexpr std::array<Interval, 3> AllIntervals{Interval::S1, Interval::M1, Interval::M5};

inline constexpr std::int64_t intervalMs(Interval i)
{
    return std::int64_t(i) * 1000;
}
inline constexpr std::int32_t intervalSeconds(Interval i)
{
    return std::int32_t(i);
}

/** Left edge of the bin holding tsMs (floor division, also for times before the epoch). */
inline constexpr std::int64_t binStart(std::int64_t tsMs, std::int64_t durationMs)
{
    const std::int64_t q = tsMs / durationMs;
    const std::int64_t r = tsMs % durationMs;
    return (r < 0 ? q - 1 : q) * durationMs;
}

inline QString intervalName(Interval i)
{
    switch (i) {
    case Interval::S1:
        return QStringLiteral("1s");
    case Interval::M1:
        return QStringLiteral("1m");
    case Interval::M5:
        return QStringLiteral("5m");
    }
    return {};
}

inline std::optional<Interval> intervalFromName(const QString &name)
{
    for (Interval i : AllIntervals)
        if (intervalName(i) == name)
            return i;
    return std::nullopt;
}

} // namespace pairlab
