#include "session/history_filler.h"

#include "logging/log_categories.h"

namespace pairlab {

HistoryFiller::HistoryFiller(QString database, HistoryConfig config, QObject *parent)
    : QObject(parent), m_config(std::move(config)), m_store(std::move(database)),
      m_history(new KlineHistory(
          m_config.klines,
          [this](const KlineRange &r, const std::vector<Bar> &bars, qint64 *stored, QString *error) {
              return m_store.store(r, bars, stored, error);
          },
          this))
{
    connect(m_history, &KlineHistory::progress, this,
            [this](const KlineRange &r, qint64 coveredToMs, qint64) {
                Progress &p = m_progress[{r.symbol, r.intervalSeconds}];
                const qint64 done = std::min(coveredToMs, r.toMs) - r.fromMs;
                // Ranges of one key run one after the other: what this one covered adds to the earlier ones.
                Q_EMIT progress(r.symbol, r.intervalSeconds,
                                double(m_config.days) - double(p.missingMs - p.doneMs - done) / 86400000.0,
                                double(m_config.days));
            });
    connect(m_history, &KlineHistory::rangeFinished, this, [this](const KlineOutcome &o) {
        Progress &p = m_progress[{o.range.symbol, o.range.intervalSeconds}];
        p.doneMs += o.range.toMs - o.range.fromMs;
        if (o.stored > 0)
            Q_EMIT landed(o.range.symbol, o.range.intervalSeconds, o.stored);
        if (!o.complete()) {
            const QString why = tr("%1: %2").arg(klineRangeText(o.range), o.error);
            qCWarning(lcFeed).noquote() << "history not complete:" << why;
            m_problems << why;
        } else {
            qCInfo(lcFeed).noquote() << QStringLiteral("history %1: %2 bars received, %3 new, %4 request(s)")
                                            .arg(klineRangeText(o.range))
                                            .arg(o.received)
                                            .arg(o.stored)
                                            .arg(o.requests);
        }
    });
    connect(m_history, &KlineHistory::idle, this, [this] {
        const QStringList problems = std::exchange(m_problems, {});
        m_progress.clear();
        Q_EMIT finished(problems, std::exchange(m_cancelled, false));
    });
}

void HistoryFiller::fill(const QStringList &symbols, qint64 endMs)
{
    if (m_config.days <= 0)
        return;
    QList<KlineRange> todo;
    for (const int seconds : m_config.intervals) {
        const qint64 step = qint64(seconds) * 1000;
        const qint64 to = endMs / step * step; // the bar open at endMs is not closed yet
        const qint64 from = to - qint64(m_config.days) * 86400000;
        for (const QString &symbol : symbols) {
            QList<KlineRange> missing;
            QString error;
            if (!m_store.missing({symbol, seconds, from, to}, &missing, &error)) {
                m_problems << error;
                continue;
            }
            Progress &p = m_progress[{symbol, seconds}];
            for (const KlineRange &r : missing)
                p.missingMs += r.toMs - r.fromMs;
            todo << missing;
        }
    }
    // Oldest first within each bar length; 1 m before 5 m (the Pair tab's default).
    m_history->fill(todo);
}

void HistoryFiller::cancel()
{
    m_cancelled = true;
    m_history->cancel();
}

} // namespace pairlab
