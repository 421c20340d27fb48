#pragma once

#include <QMetaType>

#include "market/interval.h"
#include "market/tick.h"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <vector>

namespace pairlab {

/** One best bid/offer update (Binance `<symbol>@bookTicker`): u is the order book's update id, increasing
 *  per symbol; tsMs the transaction time T (the event time E where T is absent). */
struct Quote
{
    SymbolCode symbol;
    std::int64_t updateId = 0;
    std::int64_t tsMs = 0;
    double bid = 0, bidQty = 0, ask = 0, askQty = 0;
};

/** The quotes of one bin [openMs, openMs + D) of one symbol, in update-id order: open/high/low/close of the
 *  bid and of the ask, and how many updates. firstUpdateId/lastUpdateId say which updates set open and
 *  close, so that fragments of a bin merge exactly in any order (as Bar does with trade ids). */
struct QuoteBar
{
    std::int64_t openMs = 0;
    double bidOpen = 0, bidHigh = 0, bidLow = 0, bidClose = 0;
    double askOpen = 0, askHigh = 0, askLow = 0, askClose = 0;
    std::int64_t updates = 0;
    std::int64_t firstUpdateId = 0, lastUpdateId = 0;

    static QuoteBar from(const Quote &q, std::int64_t openMs)
    {
        return {openMs, q.bid, q.bid, q.bid, q.bid, q.ask, q.ask, q.ask, q.ask, 1, q.updateId, q.updateId};
    }
    /** Folds another fragment of the same bin into this one (open from the smaller first update id, close
     *  from the larger last one). */
    void merge(const QuoteBar &o)
    {
        if (o.firstUpdateId < firstUpdateId) {
            firstUpdateId = o.firstUpdateId;
            bidOpen = o.bidOpen;
            askOpen = o.askOpen;
        }
        if (o.lastUpdateId > lastUpdateId) {
            lastUpdateId = o.lastUpdateId;
            bidClose = o.bidClose;
            askClose = o.askClose;
        }
        bidHigh = std::max(bidHigh, o.bidHigh);
        bidLow = std::min(bidLow, o.bidLow);
        askHigh = std::max(askHigh, o.askHigh);
        askLow = std::min(askLow, o.askLow);
        updates += o.updates;
    }
};

/** Quote bars of one symbol and interval that changed in one batch (fragments to merge). */
struct QuoteBarUpdate
{
    SymbolCode symbol;
    Interval interval = Interval::S1;
    std::vector<QuoteBar> bars; ///< ascending openMs
};

/** A `markPriceUpdate` (`<symbol>@markPrice@1s`): mark and index price, the current funding rate and the next
 *  funding time. */
struct MarkPrice
{
    SymbolCode symbol;
    std::int64_t eventMs = 0;
    double mark = 0, index = 0, fundingRate = 0;
    std::int64_t nextFundingMs = 0;
};
/** The newest mark price of each symbol of a feed batch. */
using MarkPriceBatch = std::shared_ptr<const std::vector<MarkPrice>>;

/** Quotes leaving the feed thread together (shared read-only). */
using QuoteBatch = std::shared_ptr<const std::vector<Quote>>;

/** Bins quote updates into 1 s / 1 m / 5 m quote bars per symbol (CONVENTIONS §13's bins on the update's
 *  time). Updates whose id is not above the newest one already binned for their symbol are duplicates (a
 *  replay's overlap, a recording read twice) and are skipped, counted in duplicates(). */
class QuoteBinner
{
public:
    /** Adds updates (each symbol's in update-id order, as a stream delivers them); returns how many were new.
     */
    std::int64_t add(const std::vector<Quote> &quotes);
    /** The fragments since the last take(), per symbol and interval, and forgets them. */
    std::vector<QuoteBarUpdate> take();
    /** Starts a symbol's duplicate filter at updateId (the newest already stored). */
    void seed(SymbolCode symbol, std::int64_t lastUpdateId);
    std::int64_t duplicates() const { return m_duplicates; }

private:
    struct Open
    {
        SymbolCode symbol;
        std::int64_t lastUpdateId = 0;
        std::vector<QuoteBar> bars[3]; ///< per interval, fragments of this batch
    };
    Open &entry(SymbolCode symbol);
    std::vector<Open> m_symbols;
    std::int64_t m_duplicates = 0;
};

} // namespace pairlab

Q_DECLARE_METATYPE(pairlab::QuoteBatch)
Q_DECLARE_METATYPE(pairlab::MarkPriceBatch)
