#include "storage/tick_writer.h"

#include "storage/database.h"

#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

#include <limits>

namespace pairlab {

struct TickWriter::Native
{
    sqlite3 *db = nullptr;
    sqlite3_stmt *insertTick = nullptr;
    sqlite3_stmt *upsertBar = nullptr;
    sqlite3_stmt *findSymbol = nullptr;
    sqlite3_stmt *insertSymbol = nullptr;
    sqlite3_stmt *bumpSeq = nullptr;
    sqlite3_stmt *insertTicks = nullptr; // MultiRowTicks rows per statement
    sqlite3_stmt *maxTradeId = nullptr;

    ~Native() { finalize(); }
    void finalize()
    {
        for (sqlite3_stmt **s : {&insertTick, &upsertBar, &findSymbol, &insertSymbol, &bumpSeq, &insertTicks, &maxTradeId}) {
            sqlite3_finalize(*s);
            *s = nullptr;
        }
    }
    QString lastError() const { return QString::fromUtf8(sqlite3_errmsg(db)); }
    bool exec(const char *sql) { return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK; }
};

namespace {
QByteArray multiRowInsertSql()
{
    QByteArray sql("INSERT OR IGNORE INTO ticks(symbol_id, trade_id, ts_ms, price, qty, buyer_maker) VALUES ");
    for (std::size_t i = 0; i < TickWriter::MultiRowTicks; ++i)
        sql += i == 0 ? "(?,?,?,?,?,?)" : ",(?,?,?,?,?,?)";
    return sql;
}
} // namespace

TickWriter::TickWriter(QString databasePath, QObject *parent)
    : QObject(parent), m_path(std::move(databasePath)), n(std::make_unique<Native>())
{
}

TickWriter::~TickWriter()
{
    close();
}

bool TickWriter::isOpen() const
{
    return n->db != nullptr;
}

bool TickWriter::open(QString *error)
{
    m_connection = Database::threadConnectionName(QStringLiteral("tickwriter"));
    QSqlDatabase db = Database::open(m_path, m_connection, error);
    if (!db.isValid())
        return false;
    const QVariant h = db.driver()->handle();
    if (qstrcmp(h.typeName(), "sqlite3*") != 0 || !h.isValid()) {
        if (error)
            *error = tr("the database driver gives no native SQLite handle");
        return false;
    }
    n->db = *static_cast<sqlite3 *const *>(h.constData());
    auto prepare = [&](const char *sql, sqlite3_stmt **stmt) {
        if (sqlite3_prepare_v3(n->db, sql, -1, SQLITE_PREPARE_PERSISTENT, stmt, nullptr) != SQLITE_OK) {
            if (error)
                *error = tr("cannot prepare a statement: %1").arg(n->lastError());
            return false;
        }
        return true;
    };
    const bool ok =
        prepare("INSERT OR IGNORE INTO ticks(symbol_id, trade_id, ts_ms, price, qty, buyer_maker) VALUES(?,?,?,?,?,?)",
                &n->insertTick) &&
        prepare("INSERT INTO bars(symbol_id, interval_s, source, open_ms, open, high, low, close, volume, trades,"
                " first_trade_id, last_trade_id) VALUES(?,?,'live',?,?,?,?,?,?,?,?,?)"
                " ON CONFLICT(symbol_id, interval_s, source, open_ms) DO UPDATE SET"
                " open = CASE WHEN excluded.first_trade_id < bars.first_trade_id THEN excluded.open ELSE bars.open END,"
                " first_trade_id = min(bars.first_trade_id, excluded.first_trade_id),"
                " close = CASE WHEN excluded.last_trade_id > bars.last_trade_id THEN excluded.close ELSE bars.close END,"
                " last_trade_id = max(bars.last_trade_id, excluded.last_trade_id),"
                " high = max(bars.high, excluded.high), low = min(bars.low, excluded.low),"
                " volume = bars.volume + excluded.volume, trades = bars.trades + excluded.trades",
                &n->upsertBar) &&
        prepare(multiRowInsertSql().constData(), &n->insertTicks) &&
        prepare("SELECT max(trade_id) FROM ticks WHERE symbol_id = ?", &n->maxTradeId) &&
        prepare("SELECT id FROM symbols WHERE name = ?", &n->findSymbol) &&
        prepare("INSERT INTO symbols(name) VALUES(?)", &n->insertSymbol) &&
        prepare("UPDATE ingest_state SET batch_seq = batch_seq + 1 WHERE id = 1 RETURNING batch_seq", &n->bumpSeq);
    if (!ok)
        close();
    return ok;
}

void TickWriter::close()
{
    n->finalize();
    n->db = nullptr;
    m_symbolIds.clear();
    m_maxStoredId.clear();
    if (!m_connection.isEmpty()) {
        Database::close(m_connection);
        m_connection.clear();
    }
}

bool TickWriter::ensureSymbol(const SymbolCode &s, std::int64_t *id, QString *error)
{
    const auto it = m_symbolIds.constFind(s);
    if (it != m_symbolIds.constEnd()) {
        *id = it.value();
        return true;
    }
    const std::string_view name = s.view();
    sqlite3_reset(n->findSymbol);
    sqlite3_bind_text(n->findSymbol, 1, name.data(), int(name.size()), SQLITE_STATIC);
    int rc = sqlite3_step(n->findSymbol);
    if (rc == SQLITE_ROW) {
        *id = sqlite3_column_int64(n->findSymbol, 0);
    } else {
        sqlite3_reset(n->insertSymbol);
        sqlite3_bind_text(n->insertSymbol, 1, name.data(), int(name.size()), SQLITE_STATIC);
        if (sqlite3_step(n->insertSymbol) != SQLITE_DONE) {
            if (error)
                *error = tr("cannot add symbol %1: %2").arg(s.toString(), n->lastError());
            return false;
        }
        *id = sqlite3_last_insert_rowid(n->db);
    }
    sqlite3_reset(n->findSymbol);
    // Cached only after the commit would be safer, but a rolled-back symbol row is re-found or
    // re-inserted: the cache is cleared on every failed transaction.
    m_symbolIds.insert(s, *id);
    return true;
}

TickWriter::InsertResult TickWriter::insertTicks(std::span<const Tick> ticks, bool fast, std::vector<Tick> *fresh,
                                                 QString *error)
{
    // Trade ids grow per symbol. A tick above the largest id already stored (or seen earlier in this batch)
    // cannot be a duplicate: those go in multi-row statements, ~1.5x faster than one statement per row.
    // Everything else is inserted alone with INSERT OR IGNORE, and sqlite3_changes() says if it was new.
    // The multi-row statements check their change count too: a mismatch means another writer got there
    // first, and the caller redoes the batch with fast = false.
    std::vector<char> isNew(ticks.size(), 0);
    std::vector<std::size_t> chunk;
    chunk.reserve(MultiRowTicks);
    std::vector<std::int64_t> chunkSymbolIds;
    chunkSymbolIds.reserve(MultiRowTicks);

    auto bindTick = [](sqlite3_stmt *st, int first, std::int64_t symbolId, const Tick &t) {
        sqlite3_bind_int64(st, first + 1, symbolId);
        sqlite3_bind_int64(st, first + 2, t.tradeId);
        sqlite3_bind_int64(st, first + 3, t.tsMs);
        sqlite3_bind_double(st, first + 4, t.price);
        sqlite3_bind_double(st, first + 5, t.qty);
        sqlite3_bind_int(st, first + 6, t.buyerMaker ? 1 : 0);
    };
    auto flushChunk = [&]() -> InsertResult {
        if (chunk.empty())
            return InsertResult::Ok;
        if (chunk.size() == MultiRowTicks) {
            sqlite3_stmt *st = n->insertTicks;
            for (std::size_t k = 0; k < chunk.size(); ++k)
                bindTick(st, int(k) * 6, chunkSymbolIds[k], ticks[chunk[k]]);
            const int rc = sqlite3_step(st);
            sqlite3_reset(st);
            if (rc != SQLITE_DONE) {
                *error = tr("cannot store ticks: %1").arg(n->lastError());
                return InsertResult::Failed;
            }
            if (sqlite3_changes(n->db) != int(MultiRowTicks))
                return InsertResult::Conflict;
            for (std::size_t i : chunk)
                isNew[i] = 1;
        } else {
            for (std::size_t k = 0; k < chunk.size(); ++k) {
                bindTick(n->insertTick, 0, chunkSymbolIds[k], ticks[chunk[k]]);
                const int rc = sqlite3_step(n->insertTick);
                sqlite3_reset(n->insertTick);
                if (rc != SQLITE_DONE) {
                    *error = tr("cannot store ticks: %1").arg(n->lastError());
                    return InsertResult::Failed;
                }
                if (sqlite3_changes(n->db) != 1)
                    return InsertResult::Conflict;
                isNew[chunk[k]] = 1;
            }
        }
        chunk.clear();
        chunkSymbolIds.clear();
        return InsertResult::Ok;
    };

    SymbolCode lastSymbol;
    std::int64_t symbolId = -1;
    std::int64_t *maxId = nullptr;
    for (std::size_t i = 0; i < ticks.size(); ++i) {
        const Tick &t = ticks[i];
        if (symbolId < 0 || t.symbol != lastSymbol) {
            if (!ensureSymbol(t.symbol, &symbolId, error))
                return InsertResult::Failed;
            lastSymbol = t.symbol;
            auto it = m_maxStoredId.find(symbolId);
            if (it == m_maxStoredId.end()) {
                sqlite3_reset(n->maxTradeId);
                sqlite3_bind_int64(n->maxTradeId, 1, symbolId);
                std::int64_t m = std::numeric_limits<std::int64_t>::min();
                if (sqlite3_step(n->maxTradeId) == SQLITE_ROW && sqlite3_column_type(n->maxTradeId, 0) != SQLITE_NULL)
                    m = sqlite3_column_int64(n->maxTradeId, 0);
                sqlite3_reset(n->maxTradeId);
                it = m_maxStoredId.emplace(symbolId, m).first;
            }
            maxId = &it->second;
        }
        if (fast && t.tradeId > *maxId) {
            *maxId = t.tradeId;
            chunk.push_back(i);
            chunkSymbolIds.push_back(symbolId);
            if (chunk.size() == MultiRowTicks) {
                const InsertResult r = flushChunk();
                if (r != InsertResult::Ok)
                    return r;
            }
            continue;
        }
        bindTick(n->insertTick, 0, symbolId, t);
        const int rc = sqlite3_step(n->insertTick);
        sqlite3_reset(n->insertTick);
        if (rc != SQLITE_DONE) {
            *error = tr("cannot store a %1 tick: %2").arg(t.symbol.toString(), n->lastError());
            return InsertResult::Failed;
        }
        if (sqlite3_changes(n->db) > 0) {
            isNew[i] = 1;
            *maxId = std::max(*maxId, t.tradeId);
        }
    }
    const InsertResult r = flushChunk();
    if (r != InsertResult::Ok)
        return r;
    fresh->reserve(ticks.size());
    for (std::size_t i = 0; i < ticks.size(); ++i)
        if (isNew[i])
            fresh->push_back(ticks[i]);
    return InsertResult::Ok;
}

bool TickWriter::write(std::span<const Tick> ticks, WriteStats *stats, QString *error, std::vector<Tick> *newTicks,
                       std::vector<BarUpdate> *bars)
{
    WriteStats local;
    local.received = std::int64_t(ticks.size());
    if (!n->db) {
        if (error)
            *error = tr("the tick database is not open");
        return false;
    }
    if (!n->exec("BEGIN IMMEDIATE")) {
        if (error)
            *error = tr("cannot start a transaction: %1").arg(n->lastError());
        return false;
    }
    auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        n->exec("ROLLBACK");
        m_symbolIds.clear();
        m_maxStoredId.clear();
        return false;
    };

    std::vector<Tick> fresh;
    QString insertError;
    switch (insertTicks(ticks, true, &fresh, &insertError)) {
    case InsertResult::Ok:
        break;
    case InsertResult::Failed:
        return fail(insertError);
    case InsertResult::Conflict:
        // Another writer stored some of the ticks this writer took for new: redo the batch row by row,
        // which decides for every tick from the database itself.
        n->exec("ROLLBACK");
        m_symbolIds.clear();
        m_maxStoredId.clear();
        if (!n->exec("BEGIN IMMEDIATE"))
            return fail(tr("cannot start a transaction: %1").arg(n->lastError()));
        fresh.clear();
        if (insertTicks(ticks, false, &fresh, &insertError) != InsertResult::Ok)
            return fail(insertError);
        break;
    }
    local.stored = std::int64_t(fresh.size());
    local.duplicates = local.received - local.stored;

    std::vector<BarUpdate> updates = m_aggregator.aggregate(fresh);
    sqlite3_stmt *ub = n->upsertBar;
    for (const BarUpdate &u : updates) {
        std::int64_t sid = 0;
        QString err;
        if (!ensureSymbol(u.symbol, &sid, &err))
            return fail(err);
        for (const Bar &b : u.bars) {
            sqlite3_bind_int64(ub, 1, sid);
            sqlite3_bind_int(ub, 2, intervalSeconds(u.interval));
            sqlite3_bind_int64(ub, 3, b.openMs);
            sqlite3_bind_double(ub, 4, b.open);
            sqlite3_bind_double(ub, 5, b.high);
            sqlite3_bind_double(ub, 6, b.low);
            sqlite3_bind_double(ub, 7, b.close);
            sqlite3_bind_double(ub, 8, b.volume);
            sqlite3_bind_int64(ub, 9, b.trades);
            sqlite3_bind_int64(ub, 10, b.firstTradeId);
            sqlite3_bind_int64(ub, 11, b.lastTradeId);
            const int rc = sqlite3_step(ub);
            sqlite3_reset(ub);
            if (rc != SQLITE_DONE)
                return fail(tr("cannot store a %1 bar: %2").arg(u.symbol.toString(), n->lastError()));
            ++local.barsUpserted;
        }
    }
    // Readers that load bars take this number in the same snapshot, so a model knows which of the
    // batches it was sent after its load are already in what it read.
    if (sqlite3_step(n->bumpSeq) != SQLITE_ROW) {
        sqlite3_reset(n->bumpSeq);
        return fail(tr("cannot update the ingest sequence: %1").arg(n->lastError()));
    }
    local.batchSeq = sqlite3_column_int64(n->bumpSeq, 0);
    sqlite3_reset(n->bumpSeq);
    if (!n->exec("COMMIT"))
        return fail(tr("cannot commit ticks: %1").arg(n->lastError()));

    m_totals.received += local.received;
    m_totals.stored += local.stored;
    m_totals.duplicates += local.duplicates;
    m_totals.barsUpserted += local.barsUpserted;
    if (stats)
        *stats = local;
    if (newTicks)
        *newTicks = std::move(fresh);
    if (bars)
        *bars = std::move(updates);
    return true;
}

void TickWriter::writeBatch(pairlab::TickBatch batch)
{
    if (!batch || batch->empty())
        return;
    WriteStats stats;
    QString error;
    std::vector<Tick> fresh;
    std::vector<BarUpdate> bars;
    if (!write(*batch, &stats, &error, &fresh, &bars)) {
        Q_EMIT failed(error);
        return;
    }
    Q_EMIT stored(std::make_shared<const std::vector<Tick>>(std::move(fresh)),
                  std::make_shared<const std::vector<BarUpdate>>(std::move(bars)), stats);
}

} // namespace pairlab
