#pragma once

#include "market/tick.h"

#include <QString>

#include <cstdint>
#include <vector>

// Inputs the benchmarks share: the bundled real recording's trades, repeated as often as a run needs.
namespace pairlab::bench {

/** Trade ids of repetition k of a recording are shifted by k times this: past any real id. */
inline constexpr std::int64_t kRepeatIdShift = 1'000'000'000'000LL;

/** Moves a recorded trade into repetition `rep` of its recording: the id by rep · kRepeatIdShift, the time by
 *  rep · timeShift (the recording's span plus a second), so each repetition is new to a database and keeps
 *  time order. The one rule every benchmark repeats its input by. */
inline void shiftIntoRepetition(Tick &t, std::int64_t rep, std::int64_t timeShift)
{
    t.tradeId += rep * kRepeatIdShift;
    t.tsMs += rep * timeShift;
}

/** The real trades of the bundled demo recording (BTCUSDT and ETHUSDT futures, 2024-08-08), repeated by
 *  shiftIntoRepetition(). */
/** A Binance USD-M combined-stream trade frame of t, as the exchange writes it. */
QByteArray tradeFrame(const Tick &t);

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
        shiftIntoRepetition(t, rep, m_timeShift);
        return t;
    }
    /** The first n trades of the repetition. */
    std::vector<Tick> first(std::int64_t n) const;
    const std::vector<Tick> &base() const { return m_base; }

private:
    std::vector<Tick> m_base;
    std::int64_t m_timeShift = 0;
};

} // namespace pairlab::bench
