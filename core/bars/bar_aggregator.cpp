#include "bars/bar_aggregator.h"

#include <algorithm>

namespace pairlab {

namespace {

Bar barFromTick(const Tick &t, std::int64_t openMs)
{
    Bar b;
    b.openMs = openMs;
    b.open = b.high = b.low = b.close = t.price;
    b.volume = t.qty;
    b.trades = 1;
    b.firstTradeId = b.lastTradeId = t.tradeId;
    return b;
}

void addTick(Bar &b, const Tick &t)
{
    if (t.tradeId < b.firstTradeId) {
        b.firstTradeId = t.tradeId;
        b.open = t.price;
    }
    if (t.tradeId >= b.lastTradeId) {
        b.lastTradeId = t.tradeId;
        b.close = t.price;
    }
    b.high = std::max(b.high, t.price);
    b.low = std::min(b.low, t.price);
    b.volume += t.qty;
    ++b.trades;
}

} // namespace

BarAggregator::BarAggregator(std::vector<Interval> intervals) : m_intervals(std::move(intervals)) {}

std::vector<BarUpdate> BarAggregator::aggregate(std::span<const Tick> ticks) const
{
    std::vector<BarUpdate> out;
    // Few symbols per batch: a linear search of the per-symbol slot beats hashing.
    std::vector<std::size_t> firstSlot; // index into out of the first interval for symbol k
    std::vector<SymbolCode> symbols;
    std::size_t lastSym = 0;
    bool unsorted = false;

    for (const Tick &t : ticks) {
        std::size_t k = lastSym;
        if (symbols.empty() || symbols[k] != t.symbol) {
            k = std::find(symbols.begin(), symbols.end(), t.symbol) - symbols.begin();
            if (k == symbols.size()) {
                symbols.push_back(t.symbol);
                firstSlot.push_back(out.size());
                for (Interval iv : m_intervals)
                    out.push_back(BarUpdate{t.symbol, iv, {}});
            }
            lastSym = k;
        }
        for (std::size_t j = 0; j < m_intervals.size(); ++j) {
            BarUpdate &u = out[firstSlot[k] + j];
            const std::int64_t open = binStart(t.tsMs, intervalMs(u.interval));
            if (!u.bars.empty() && u.bars.back().openMs == open) {
                addTick(u.bars.back(), t);
            } else if (u.bars.empty() || u.bars.back().openMs < open) {
                u.bars.push_back(barFromTick(t, open));
            } else {
                // A late tick within the batch: find its bin among the recent ones.
                auto it = std::find_if(u.bars.rbegin(), u.bars.rend(), [&](const Bar &b) { return b.openMs == open; });
                if (it != u.bars.rend()) {
                    addTick(*it, t);
                } else {
                    u.bars.push_back(barFromTick(t, open));
                    unsorted = true;
                }
            }
        }
    }
    if (unsorted) {
        for (BarUpdate &u : out) {
            std::vector<Bar> sorted;
            std::stable_sort(u.bars.begin(), u.bars.end(), [](const Bar &a, const Bar &b) { return a.openMs < b.openMs; });
            for (const Bar &b : u.bars) {
                if (!sorted.empty() && sorted.back().openMs == b.openMs)
                    sorted.back().merge(b);
                else
                    sorted.push_back(b);
            }
            u.bars = std::move(sorted);
        }
    }
    return out;
}

void BarAggregator::mergeInto(std::vector<Bar> &series, const std::vector<Bar> &fragments)
{
    for (const Bar &f : fragments) {
        if (series.empty() || series.back().openMs < f.openMs) {
            series.push_back(f);
            continue;
        }
        auto it = std::lower_bound(series.begin(), series.end(), f.openMs,
                                   [](const Bar &b, std::int64_t ms) { return b.openMs < ms; });
        if (it != series.end() && it->openMs == f.openMs)
            it->merge(f);
        else
            series.insert(it, f);
    }
}

} // namespace pairlab
