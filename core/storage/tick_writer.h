#pragma once

#include "bars/bar_aggregator.h"
#include "market/bar.h"
#include "market/quote.h"
#include "market/tick.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>
#include <span>
#include <unordered_map>

class QTimer;

namespace pairlab {

/** Counts of one write(). */
struct WriteStats
{
    std::int64_t received = 0;
    std::int64_t stored = 0;     ///< new ticks inserted
    std::int64_t duplicates = 0; ///< ticks already stored (same symbol and trade id)
    std::int64_t barsUpserted = 0;
    std::int64_t batchSeq = 0; ///< sequence number of the committed batch (ingest_state.batch_seq)
    bool unsaved = false;      ///< the database failed: these ticks are held in memory, not stored yet
};

class BulkStore;

/** Stores ticks and their 1s/1m/5m bars, one transaction per batch, through the connection's native handle
 *  (BulkStore: multi-row statements on SQLite, COPY on PostgreSQL; Qt's drivers do not batch). (symbol,
 * trade_id) is unique: replays and reconnect overlaps are ignored, and only ticks that are new reach the bar
 * aggregation, so bars count every trade exactly once. Lives on the storage thread: construct anywhere, call
 * open() and everything else on that thread. */
class TickWriter : public QObject
{
    Q_OBJECT
public:
    explicit TickWriter(QString databasePath, QObject *parent = nullptr);
    ~TickWriter() override;

    bool open(QString *error);
    bool isOpen() const;
    void close();

    /** Statements run on the connection after every open(). Tests use SQLite's `PRAGMA max_page_count` and
     *  `PRAGMA query_only` to make the database refuse writes as a full disk or a read-only file would. */
    void setSessionStatements(QStringList statements) { m_sessionStatements = std::move(statements); }

    /** While the database refuses writes, writeBatch() keeps the ticks in memory (at most MaxPendingTicks,
     *  the oldest are dropped beyond that and counted), still emits them to the live views as unsaved, and
     *  retries every retryIntervalMs, reopening the database. Nothing already stored is touched. */
    static constexpr std::size_t MaxPendingTicks = 2'000'000;
    void setRetryInterval(int ms) { m_retryMs = ms; }
    std::size_t pendingTicks() const { return m_pending.size(); }
    std::int64_t droppedTicks() const { return m_dropped; }
    /** Tries to store the held ticks now; true when nothing is held any more. */
    bool retryPending(QString *error);

    /** Writes one batch in one transaction. On failure nothing of the batch is kept and error says why. */
    bool write(std::span<const Tick> ticks, WriteStats *stats, QString *error,
               std::vector<Tick> *newTicks = nullptr, std::vector<BarUpdate> *bars = nullptr);

    const WriteStats &totals() const { return m_totals; }

public Q_SLOTS:
    /** Queued entry point from the feed thread. Emits stored() or failed(). */
    void writeBatch(const pairlab::TickBatch &batch);
    /** open() on the storage thread; when it fails, failed() and retries as for a failed write. */
    void openOrRetry();
    /** Queued from the feed thread: bins the quotes into 1 s / 1 m / 5 m quote bars (a symbol's updates at or
     *  below its newest stored update id are repeats and skipped) and stores the bins once a second in one
     *  transaction (flushQuotes()). */
    void writeQuotes(const pairlab::QuoteBatch &batch);

public:
    /** Stores the quote bars binned so far now. While the database refuses them they are kept (merged into
     *  the next try; at most MaxHeldQuoteBars); false with error then. */
    bool flushQuotes(QString *error = nullptr);
    static constexpr std::size_t MaxHeldQuoteBars = 1'000'000;
    std::int64_t quoteUpdatesBinned() const { return m_quoteUpdates; }

Q_SIGNALS:
    /** After the commit: the ticks that were new and the bar fragments they made. With stats.unsaved, the
     *  database failed and these ticks are held in memory (shown live, stored when it recovers). */
    void stored(pairlab::TickBatch newTicks, pairlab::BarBatch bars, pairlab::WriteStats stats);
    /** Storing failed; the ticks are held in memory (pending ticks so far). Emitted when the failure starts
     *  and when its message changes. */
    void failed(const QString &message);
    /** The database took the held ticks again (how many were new). */
    void recovered(qint64 storedTicks);

private:
    bool ensureSymbol(const SymbolCode &s, std::int64_t *id, QString *error);
    bool insertTicks(std::span<const Tick> ticks, bool fast, std::vector<Tick> *fresh, bool *conflict,
                     QString *error);
    void forgetCaches();
    void hold(const std::vector<Tick> &ticks, const QString &error);
    void scheduleRetry();
    std::vector<Tick> displayable(std::span<const Tick> ticks);

    QString m_path;
    QString m_connection;
    std::unique_ptr<BulkStore> m_store;
    QHash<SymbolCode, std::int64_t> m_symbolIds;
    std::unordered_map<std::int64_t, std::int64_t> m_maxStoredId; // symbol id -> largest stored trade id
    BarAggregator m_aggregator;
    WriteStats m_totals;
    QStringList m_sessionStatements;
    std::vector<Tick> m_pending;             // ticks the database refused, oldest first
    std::int64_t m_dropped = 0;              // pending ticks dropped beyond MaxPendingTicks
    QString m_failure;                       // the current failure, empty while writes succeed
    QHash<SymbolCode, std::int64_t> m_shown; // symbol -> largest trade id given to the live views
    QTimer *m_retryTimer = nullptr;
    QuoteBinner m_quoteBinner;
    QSet<SymbolCode> m_quoteSeeded;
    std::vector<QuoteBarUpdate> m_quoteHeld; ///< taken from the binner, not stored yet
    std::int64_t m_quoteUpdates = 0;
    QTimer *m_quoteTimer = nullptr;
    int m_retryMs = 2000;
};

} // namespace pairlab

Q_DECLARE_METATYPE(pairlab::WriteStats)
