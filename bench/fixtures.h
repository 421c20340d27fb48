#pragma once

#include "market/tick.h"

#include <QString>

#include <cstdint>
#include <vector>

// Inputs the benchmarks share: the bundled real recording's trades, repeated as often as a run needs.
namespace pairlab::bench {

/** The real trades of the bundled demo recording (BTCUSDT and ETHUSDT futures, 2024-08-08), repeated: pass
 *  k >= 1 has every trade id shifted by k · idShift and every time by k · timeShift (the recording's span
 *  plus a second), so that each repetition is new to a database and keeps time order. */
class RepeatedTrades
{
public:
    /** Loads the recording; false with a reason when it cannot be read or holds no trade. */
    bool load(QString *error);
    /** The k-th trade of the endless repetition. */
    Tick at(std::int64_t k) const
    {
        const std::int64_t n = std::int64_t(m_base.size());
        const std::int64_t rep = k / n;
        Tick t = m_base[std::size_t(k % n)];
        t.tradeId += rep * idShift;
        t.tsMs += rep * m_timeShift;
        return t;
    }
    /** The first n trades of the repetition. */
    std::vector<Tick> first(std::int64_t n) const;
    const std::vector<Tick> &base() const { return m_base; }

    static constexpr std::int64_t idShift = 1'000'000'000'000LL;

private:
    std::vector<Tick> m_base;
    std::int64_t m_timeShift = 0;
};

} // namespace pairlab::bench
