#include "session/gap_watcher.h"

#include "logging/log_categories.h"

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
    if (!m_seeds.isEmpty())
        applySeeds(*batch);
    m_detector.feed(*batch, QDateTime::currentMSecsSinceEpoch());
    takeSettled();
    if (m_detector.hasUnsettled() && !m_settle->isActive())
        m_settle->start();
}

void GapWatcher::seed(const SymbolCode &symbol, qint64 lastId, qint64 lastMs)
{
    m_seeds.insert(symbol, {lastId, lastMs});
}

void GapWatcher::applySeeds(const std::vector<Tick> &ticks)
{
    for (const Tick &t : ticks) {
        const auto it = m_seeds.find(t.symbol);
        if (it == m_seeds.end())
            continue;
        const Seed s = *it;
        m_seeds.erase(it);
        const qint64 seconds = std::max<qint64>(1, (t.tsMs - s.lastMs + 999) / 1000);
        if (t.tradeId > s.lastId && t.tradeId - s.lastId <= MaxIdsPerSecond * seconds)
            m_detector.seed(t.symbol, s.lastId, s.lastMs);
        else
            qCInfo(lcFeed).noquote() << QStringLiteral(
                                            "%1: the first live trade id %2 does not follow the newest "
                                            "stored id %3 (another stream kind?): no gap is looked "
                                            "for before it")
                                            .arg(t.symbol.toString())
                                            .arg(t.tradeId)
                                            .arg(s.lastId);
        if (m_seeds.isEmpty())
            return;
    }
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
