#include "session/history_filler.h"

#include "logging/log_categories.h"
#include "storage/database.h"
#include "storage/funding_store.h"

namespace pairlab {

HistoryFiller::HistoryFiller(QString database, HistoryConfig config, QObject *parent)
    : QObject(parent), m_config(std::move(config)), m_database(database), m_store(std::move(database)),
      m_history(new KlineHistory(
          m_config.klines,
          [this](const KlineRange &r, const std::vector<Bar> &bars, qint64 *stored, QString *error) {
              return m_store.store(r, bars, stored, error);
          },
          this))
{
    m_history->setFundingStore(
        [this](const KlineRange &r, const std::vector<FundingEvent> &events, qint64 *stored, QString *error) {
            return storeFunding(r.symbol, events, stored, error);
        });
    connect(m_history, &KlineHistory::progress, this,
            [this](const KlineRange &r, qint64 coveredToMs, qint64) {
                if (r.isFunding())
                    return; // days of bars are what the status line counts
                Progress &p = m_progress[{r.symbol, r.intervalSeconds}];
                const qint64 done = std::min(coveredToMs, r.toMs) - r.fromMs;
                // Ranges of one key run one after the other: what this one covered adds to the earlier ones.
                Q_EMIT progress(r.symbol, r.intervalSeconds,
                                double(m_config.days) - double(p.missingMs - p.doneMs - done) / 86400000.0,
                                double(m_config.days));
            });
    connect(m_history, &KlineHistory::rangeFinished, this, [this](const KlineOutcome &o) {
        if (o.range.isFunding()) {
            if (!o.complete())
                m_problems << tr("%1: %2").arg(klineRangeText(o.range), o.error);
            qCInfo(lcFeed).noquote() << QStringLiteral("history %1: %2 events received, %3 new")
                                            .arg(klineRangeText(o.range))
                                            .arg(o.received)
                                            .arg(o.stored);
            return;
        }
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
    // Funding after the bars (the charts want those first): each symbol's events not stored yet.
    if (m_config.funding)
        todo << missingFunding(symbols, endMs);
    // Oldest first within each bar length; 1 m before 5 m (the Pair tab's default).
    m_history->fill(todo);
}

void HistoryFiller::fillFunding(const QStringList &symbols, qint64 endMs)
{
    if (m_config.funding && m_config.days > 0)
        m_history->fill(missingFunding(symbols, endMs));
}

QList<KlineRange> HistoryFiller::missingFunding(const QStringList &symbols, qint64 endMs)
{
    QList<KlineRange> todo;
    const qint64 from = endMs - qint64(m_config.days) * 86400000;
    for (const QString &symbol : symbols) {
        // What is not stored yet: before the first stored event, holes between, after the newest.
        std::vector<std::pair<qint64, qint64>> missing{{from, endMs}};
        QString error;
        Database::withReader(
            m_database,
            [&](QSqlDatabase &db) { missing = FundingStore::missingRanges(db, symbol, from, endMs, &error); },
            &error);
        if (!error.isEmpty())
            m_problems << error;
        for (const auto &[a, b] : missing)
            todo << KlineRange{symbol, 0, a, b, KlineRange::Series::Funding};
    }
    return todo;
}

HistoryFiller::~HistoryFiller()
{
    if (!m_fundingConnection.isEmpty())
        Database::close(m_fundingConnection);
}

bool HistoryFiller::storeFunding(const QString &symbol, const std::vector<FundingEvent> &events,
                                 qint64 *stored, QString *error)
{
    if (m_fundingConnection.isEmpty()) {
        const QString name = Database::uniqueConnectionName(QStringLiteral("funding"));
        if (!Database::open(m_database, name, error).isValid()) {
            Database::close(name);
            return false;
        }
        m_fundingConnection = name;
    }
    QSqlDatabase db = QSqlDatabase::database(m_fundingConnection, false);
    return FundingStore::store(db, symbol, events, stored, error);
}

void HistoryFiller::cancel()
{
    m_cancelled = true;
    m_history->cancel();
}

} // namespace pairlab
