#pragma once

#include "market/bar.h"

#include <span>
#include <vector>

namespace pairlab {

/** Streaming OHLCV aggregation of ticks into clock-aligned bins (CONVENTIONS.md §13): bins
 *  [k*D, (k+1)*D) on epoch ms, labelled by the left edge, empty bins produce nothing, open/close by
 *  trade order. Each call turns one batch of (already de-duplicated) ticks into bar *fragments*, one per
 *  touched bin; fragments merge exactly with Bar::merge in any order, so a late tick simply upserts its
 *  bin wherever the bar is kept (database, model). Stateless between calls; any thread. */
class BarAggregator
{
public:
    explicit BarAggregator(std::vector<Interval> intervals = {AllIntervals.begin(), AllIntervals.end()});

    /** Fragments of this batch per (symbol, interval), each with bars in ascending openMs. */
    std::vector<BarUpdate> aggregate(std::span<const Tick> ticks) const;

    /** Folds a fragment list into a sorted bar vector (the whole series), preserving order. */
    static void mergeInto(std::vector<Bar> &series, const std::vector<Bar> &fragments);

private:
    std::vector<Interval> m_intervals;
};

} // namespace pairlab
