#pragma once

#include "market/bar.h"
#include "market/tick.h"

#include <QString>

#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

class QSqlDatabase;

namespace pairlab {

/** A tick with the id of its symbol row. */
struct BulkTick
{
    std::int64_t symbolId;
    const Tick *tick;
};

/** A bar with the id of its symbol row and its length. */
struct BulkBar
{
    std::int64_t symbolId;
    int intervalS;
    const Bar *bar;
};

/** The bulk statements of the write paths (TickWriter, CSV import) on a connection's native handle:
 *  prepared multi-row statements on SQLite, COPY on PostgreSQL (Qt's drivers run one statement per
 *  row). Everything runs inside begin() … commit(); after any failure the caller calls rollback().
 *  Belongs to the thread of the connection it was attached to. */
class BulkStore
{
public:
    enum class Result { Ok, Failed, Conflict };

    virtual ~BulkStore() = default;

    /** A store on db's native handle (SQLite or PostgreSQL); null with error for any other driver. */
    static std::unique_ptr<BulkStore> attach(QSqlDatabase &db, QString *error);

    virtual bool begin() = 0; ///< takes the write lock on SQLite (BEGIN IMMEDIATE)
    virtual bool commit() = 0;
    virtual void rollback() = 0;
    virtual QString lastError() const = 0;

    /** The id of symbol name, adding the row when it is new (inside the transaction). */
    virtual bool symbolId(std::string_view name, std::int64_t *id) = 0;
    /** The largest stored trade id of a symbol, or INT64_MIN when it has none. */
    virtual bool maxTradeId(std::int64_t symbolId, std::int64_t *maxId) = 0;

    /** Inserts rows that are all expected to be new. Conflict when one of them was already stored (another
     *  writer got there first): the transaction is then unusable, roll back and use insertOrIgnore(). */
    virtual Result insertNewTicks(std::span<const BulkTick> rows) = 0;
    /** Inserts rows that may already be stored; isNew[i] says whether rows[i] was inserted. */
    virtual bool insertOrIgnoreTicks(std::span<const BulkTick> rows, std::vector<char> *isNew) = 0;
    /** Inserts rows that may already be stored and adds how many were new to *stored. */
    virtual bool insertOrIgnoreTicks(std::span<const BulkTick> rows, std::int64_t *stored) = 0;

    /** Merges live bar fragments into the stored bars (source 'live'): open/close by trade id, high/low,
     *  volume and trade counts added. rows hold at most one fragment per bar. */
    virtual bool upsertLiveBars(std::span<const BulkBar> rows) = 0;
    /** Inserts bars of a new source (an imported dataset); a bar already stored is an error. */
    virtual bool insertBars(std::span<const BulkBar> rows, const QByteArray &source) = 0;
    /** Inserts bars that may already be stored (the exchange's history, source 'rest'): a stored bar is kept
     *  as it is; adds how many were new to *stored. */
    virtual bool insertOrIgnoreBars(std::span<const BulkBar> rows, const QByteArray &source,
                                    std::int64_t *stored) = 0;

    /** Adds one to ingest_state.batch_seq and returns the new value. */
    virtual bool nextBatchSeq(std::int64_t *seq) = 0;

    /** Adds a dataset row and returns its id; false with exists = true when the name is taken. */
    virtual bool addDataset(const QByteArray &name, const QByteArray &sourceFile, const QByteArray &format,
                            std::int64_t createdMs, std::int64_t rows, std::int64_t *id, bool *exists) = 0;

    /** A hint of how much data one transaction will write (SQLite sizes its page cache for it). */
    virtual void expectBytes(std::int64_t) {}
};

} // namespace pairlab
