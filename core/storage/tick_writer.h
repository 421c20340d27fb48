#pragma once

#include "bars/bar_aggregator.h"
#include "market/bar.h"
#include "market/tick.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <memory>
#include <span>
#include <unordered_map>

namespace pairlab {

/** Counts of one write(). */
struct WriteStats
{
    std::int64_t received = 0;
    std::int64_t stored = 0;     ///< new ticks inserted
    std::int64_t duplicates = 0; ///< ticks already stored (same symbol and trade id)
    std::int64_t barsUpserted = 0;
    std::int64_t batchSeq = 0; ///< sequence number of the committed batch (ingest_state.batch_seq)
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

    /** Writes one batch in one transaction. On failure nothing of the batch is kept and error says why. */
    bool write(std::span<const Tick> ticks, WriteStats *stats, QString *error,
               std::vector<Tick> *newTicks = nullptr, std::vector<BarUpdate> *bars = nullptr);

    const WriteStats &totals() const { return m_totals; }

public Q_SLOTS:
    /** Queued entry point from the feed thread. Emits stored() or failed(). */
    void writeBatch(pairlab::TickBatch batch);

Q_SIGNALS:
    /** After the commit: the ticks that were new and the bar fragments they made. */
    void stored(pairlab::TickBatch newTicks, pairlab::BarBatch bars, pairlab::WriteStats stats);
    void failed(const QString &message);

private:
    bool ensureSymbol(const SymbolCode &s, std::int64_t *id, QString *error);
    bool insertTicks(std::span<const Tick> ticks, bool fast, std::vector<Tick> *fresh, bool *conflict,
                     QString *error);
    void forgetCaches();

    QString m_path;
    QString m_connection;
    std::unique_ptr<BulkStore> m_store;
    QHash<SymbolCode, std::int64_t> m_symbolIds;
    std::unordered_map<std::int64_t, std::int64_t> m_maxStoredId; // symbol id -> largest stored trade id
    BarAggregator m_aggregator;
    WriteStats m_totals;
};

} // namespace pairlab

Q_DECLARE_METATYPE(pairlab::WriteStats)
