#include "session/gap_watcher.h"

#include <QDateTime>
#include <QTimer>

namespace pairlab {

GapWatcher::GapWatcher(int settleMs, QObject *parent) : QObject(parent), m_settle(new QTimer(this))
{
    m_detector.setSettleMs(settleMs);
    m_settle->setInterval(500);
    connect(m_settle, &QTimer::timeout, this, [this] {
        takeSettled();
        if (!m_detector.hasUnsettled())
            m_settle->stop();
    });
}

void GapWatcher::onTicks(const TickBatch &batch)
{
    if (!batch)
        return;
    m_detector.feed(*batch, QDateTime::currentMSecsSinceEpoch());
    takeSettled();
    if (m_detector.hasUnsettled() && !m_settle->isActive())
        m_settle->start();
}

void GapWatcher::takeSettled()
{
    std::vector<TradeGap> gaps = m_detector.takeSettled(QDateTime::currentMSecsSinceEpoch());
    if (gaps.empty())
        return;
    TradeGapList out;
    out.reserve(qsizetype(gaps.size()));
    for (TradeGap &g : gaps)
        out.append(std::move(g));
    Q_EMIT gapsFound(out);
}

} // namespace pairlab
