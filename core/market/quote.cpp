#include "market/quote.h"

namespace pairlab {

QuoteBinner::Open &QuoteBinner::entry(SymbolCode symbol)
{
    for (Open &o : m_symbols) // a handful of symbols: a scan beats a hash
        if (o.symbol == symbol)
            return o;
    m_symbols.push_back(Open{symbol, 0, {}});
    return m_symbols.back();
}

void QuoteBinner::seed(SymbolCode symbol, std::int64_t lastUpdateId)
{
    Open &o = entry(symbol);
    o.lastUpdateId = std::max(o.lastUpdateId, lastUpdateId);
}

std::int64_t QuoteBinner::add(const std::vector<Quote> &quotes)
{
    std::int64_t fresh = 0;
    Open *o = nullptr;
    for (const Quote &q : quotes) {
        if (!o || !(o->symbol == q.symbol))
            o = &entry(q.symbol);
        if (q.updateId <= o->lastUpdateId) {
            ++m_duplicates;
            continue;
        }
        o->lastUpdateId = q.updateId;
        ++fresh;
        for (std::size_t k = 0; k < AllIntervals.size(); ++k) {
            const std::int64_t open = binStart(q.tsMs, intervalMs(AllIntervals[k]));
            std::vector<QuoteBar> &bars = o->bars[k];
            if (!bars.empty() && bars.back().openMs == open) {
                QuoteBar &b = bars.back(); // the common case: the same bin, the next update
                b.bidHigh = std::max(b.bidHigh, q.bid);
                b.bidLow = std::min(b.bidLow, q.bid);
                b.askHigh = std::max(b.askHigh, q.ask);
                b.askLow = std::min(b.askLow, q.ask);
                b.bidClose = q.bid;
                b.askClose = q.ask;
                b.lastUpdateId = q.updateId;
                ++b.updates;
            } else {
                // A new bin, or (a late update's time) an earlier one: a fragment of its own, merged on
                // store.
                bars.push_back(QuoteBar::from(q, open));
            }
        }
    }
    return fresh;
}

std::vector<QuoteBarUpdate> QuoteBinner::take()
{
    std::vector<QuoteBarUpdate> out;
    for (Open &o : m_symbols)
        for (std::size_t k = 0; k < AllIntervals.size(); ++k) {
            if (o.bars[k].empty())
                continue;
            std::vector<QuoteBar> bars = std::move(o.bars[k]);
            o.bars[k].clear();
            // Fragments in time order, those of one bin folded together.
            std::stable_sort(bars.begin(), bars.end(),
                             [](const QuoteBar &a, const QuoteBar &b) { return a.openMs < b.openMs; });
            std::vector<QuoteBar> merged;
            for (const QuoteBar &b : bars) {
                if (!merged.empty() && merged.back().openMs == b.openMs)
                    merged.back().merge(b);
                else
                    merged.push_back(b);
            }
            out.push_back(QuoteBarUpdate{o.symbol, AllIntervals[k], std::move(merged)});
        }
    return out;
}

} // namespace pairlab
