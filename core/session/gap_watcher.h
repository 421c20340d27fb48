#pragma once

#include "market/bar.h"
#include "market/gap_detector.h"

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
    /** Starts a symbol at its newest stored trade: the gap to the first live trade is found like any other.
     */
    void seed(const SymbolCode &symbol, qint64 lastId, qint64 lastMs)
    {
        m_detector.seed(symbol, lastId, lastMs);
    }

Q_SIGNALS:
    /** Newly settled gaps, with their edge ticks. */
    void gapsFound(const pairlab::TradeGapList &gaps);

private:
    void takeSettled();
    GapDetector m_detector;
    QTimer *m_settle;
};

} // namespace pairlab
