#pragma once

#include "market/tick.h"

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>

#include <cstdint>
#include <limits>
#include <span>
#include <vector>

namespace pairlab {

enum class GapState { Open, Filled, Unfillable };

/** A stretch of trade ids of one symbol that the stream skipped: ids fromId..toId (inclusive) are
 *  missing; fromMs is the trade time of the last tick before the gap, toMs that of the first tick after.
 *  The ids are those the stream carries (Tick::tradeId: "t" of the trade stream, "a" of aggTrade). */
struct TradeGap
{
    SymbolCode symbol;
    std::int64_t fromId = 0;
    std::int64_t toId = -1;
    std::int64_t fromMs = 0;
    std::int64_t toMs = 0;
    GapState state = GapState::Open;
    QString reason;              ///< why it is unfillable (or what the back-fill could not find)
    std::int64_t detectedMs = 0; ///< wall clock, epoch ms
    /** The ticks next to the gap that share time, price and side with the tick right before or right after
     *  it: the delivered part of an aggregate trade that the gap cuts (AggTradesBackfill subtracts their
     *  quantity). Not stored. */
    std::vector<Tick> edge;

    std::int64_t count() const { return toId - fromId + 1; }
};

using TradeGapList = QList<TradeGap>;

QString gapStateName(GapState state); ///< "open", "filled", "unfillable" (the stored form)
GapState gapStateFromName(const QString &name);

/** Finds gaps in the trade-id sequence of each symbol. Binance numbers the trades of a symbol
 *  consecutively (trade ids of the trade stream, aggregate ids of the aggTrade stream), so a tick whose id
 *  jumps past last + 1 opens the gap [last + 1, id - 1]. Ids that repeat or go back are not gaps (the
 *  overlap of a reconnect or a rotation) and leave the last id alone; a late tick with an id inside a gap
 *  not yet handed out shrinks or splits it (an upstream that delivers slightly out of order). A gap is
 *  handed out (takeSettled()) once the run of ticks right after it — same time, price and side — has ended,
 *  so that its edge ticks are complete, and settleMs have passed since it was seen (four times that at
 *  most while the run goes on). Pure bookkeeping, no I/O, any single thread. */
class GapDetector
{
public:
    /** Ticks in stream order. nowMs is the wall clock for TradeGap::detectedMs. */
    void feed(std::span<const Tick> ticks, std::int64_t nowMs);
    /** Gaps that are settled at nowMs (wall clock, as given to feed()), oldest first. */
    std::vector<TradeGap> takeSettled(std::int64_t nowMs = std::numeric_limits<std::int64_t>::max());
    /** Every detected gap not handed out yet, settled or not. */
    std::vector<TradeGap> takeAll();

    /** Starts a symbol at lastId (e.g. the largest stored trade id), as if that tick had been seen. */
    void seed(const SymbolCode &symbol, std::int64_t lastId, std::int64_t lastMs);
    /** The last trade id seen of symbol, or -1. */
    std::int64_t lastId(const SymbolCode &symbol) const;
    std::int64_t gapsDetected() const { return m_detected; }
    /** How long a gap waits for late ticks before it is handed out (default 0). */
    void setSettleMs(std::int64_t ms) { m_settleMs = ms; }
    bool hasUnsettled() const { return !m_pending.empty(); }

    /** Longest edge run kept on either side of a gap. */
    static constexpr std::size_t MaxEdge = 64;

private:
    struct SymbolState
    {
        std::int64_t lastId = -1;
        std::int64_t lastMs = 0;
        std::vector<Tick> run; ///< consecutive ticks with the last tick's time, price and side
        int pendingGap = -1;   ///< index into m_pending of the gap whose after-run is still growing
    };
    struct Pending
    {
        TradeGap gap;
        bool runEnded = false;
    };
    static bool sameRun(const Tick &a, const Tick &b)
    {
        return a.tsMs == b.tsMs && a.price == b.price && a.buyerMaker == b.buyerMaker &&
               b.tradeId == a.tradeId + 1;
    }

    QHash<SymbolCode, SymbolState> m_symbols;
    std::vector<Pending> m_pending;
    std::int64_t m_detected = 0;
    std::int64_t m_settleMs = 0;

    void absorbLate(const Tick &t);
};

} // namespace pairlab

Q_DECLARE_METATYPE(pairlab::TradeGap)
Q_DECLARE_METATYPE(pairlab::TradeGapList)
