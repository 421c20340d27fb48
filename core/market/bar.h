#pragma once

#include "market/interval.h"
#include "market/tick.h"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <vector>

namespace pairlab {

/** One OHLCV bar (CONVENTIONS.md §13). firstTradeId/lastTradeId remember which trades set open and
 *  close, so that partial bars merge exactly in any order (late ticks, batches, the database upsert).
 *  Imported bars carry no trade ids (0). */
struct Bar
{
    std::int64_t openMs = 0;
    double open = 0, high = 0, low = 0, close = 0, volume = 0;
    std::int64_t trades = 0;
    std::int64_t firstTradeId = 0;
    std::int64_t lastTradeId = 0;

    /** Folds another fragment of the same bin into this one. Open comes from the smaller first trade
     *  id, close from the larger last trade id; ties keep this bar's values. */
    void merge(const Bar &o)
    {
        if (o.firstTradeId < firstTradeId) {
            firstTradeId = o.firstTradeId;
            open = o.open;
        }
        if (o.lastTradeId > lastTradeId) {
            lastTradeId = o.lastTradeId;
            close = o.close;
        }
        high = std::max(high, o.high);
        low = std::min(low, o.low);
        volume += o.volume;
        trades += o.trades;
    }
};

/** Bars of one symbol and interval that changed in one storage batch (fragments to merge). */
struct BarUpdate
{
    SymbolCode symbol;
    Interval interval = Interval::S1;
    std::vector<Bar> bars; // ascending openMs, each a fragment to merge into the stored bar
};

using BarBatch = std::shared_ptr<const std::vector<BarUpdate>>;

} // namespace pairlab

Q_DECLARE_METATYPE(pairlab::BarBatch)
