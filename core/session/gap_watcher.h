#pragma once

#include "market/bar.h"
#include "market/gap_detector.h"

#include <QHash>
#include <QObject>

class QTimer;

namespace pairlab {

/** The gap detector of a live session, on the feed thread beside BinanceFeed (it sees every tick batch
 *  there, in stream order, without a hop through the session's thread): feeds each batch to a
 *  GapDetector and reports gaps once they are settled (late ticks of an out-of-order upstream close them
 *  first), checking every 500 ms while some are pending. */
class GapWatcher : public QObject
{
    Q_OBJECT
public:
    explicit GapWatcher(int settleMs, QObject *parent = nullptr);
    void onTicks(const pairlab::TickBatch &batch);
    /** Starts a symbol at its newest stored trade: the gap to the first live trade is found like any other —
     *  if that trade's id plausibly follows the stored one (after it, by at most MaxIdsPerSecond ids per
     *  second between the two). Ids of the other stream kind (trade ids against aggregate ids, a setting) or
     *  of another exchange do not, and the symbol then starts at its first live trade. */
    void seed(const SymbolCode &symbol, qint64 lastId, qint64 lastMs);
    static constexpr qint64 MaxIdsPerSecond = 20000;

Q_SIGNALS:
    /** Newly settled gaps, with their edge ticks. */
    void gapsFound(const pairlab::TradeGapList &gaps);

private:
    void takeSettled();
    void applySeeds(const std::vector<Tick> &ticks);
    struct Seed
    {
        qint64 lastId, lastMs;
    };
    QHash<SymbolCode, Seed> m_seeds; ///< waiting for the symbol's first live trade
    GapDetector m_detector;
    QTimer *m_settle;
};

} // namespace pairlab
