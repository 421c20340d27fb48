// BulkStore on SQLite's native handle: persistent prepared statements, multi-row inserts.
#include "storage/bulk_store_backends.h"

#include <QObject>

#include <sqlite3.h>

#include <algorithm>
#include <limits>

namespace pairlab {

namespace {

constexpr int TicksPerStatement = 64; // multi-row inserts: ~1.5x faster than one row per statement
constexpr int BarsPerStatement = 128;

QByteArray multiRow(const char *head, const char *tuple, int rows, const char *tail = "")
{
    QByteArray sql(head);
    for (int i = 0; i < rows; ++i) {
        if (i)
            sql += ',';
        sql += tuple;
    }
    sql += tail;
    return sql;
}

class SqliteBulkStore final : public BulkStore
{
public:
    explicit SqliteBulkStore(sqlite3 *db) : m_db(db) {}
    ~SqliteBulkStore() override
    {
        if (m_cacheChanged)
            exec(QByteArray("PRAGMA cache_size=" + QByteArray::number(m_oldCache)).constData());
        for (sqlite3_stmt *s : m_stmts)
            sqlite3_finalize(s);
    }

    QString lastError() const override
    {
        return m_error.isEmpty() ? QString::fromUtf8(sqlite3_errmsg(m_db)) : m_error;
    }

    bool begin() override
    {
        m_error.clear();
        return exec("BEGIN IMMEDIATE");
    }
    bool commit() override { return exec("COMMIT"); }
    void rollback() override
    {
        const QString keep = lastError();
        exec("ROLLBACK");
        m_error = keep;
    }

    void expectBytes(std::int64_t bytes) override
    {
        // A page cache large enough for the whole transaction: pages are written once, at the commit,
        // instead of spilling to the WAL and being rewritten while the B-trees grow.
        if (!m_cacheChanged) {
            if (sqlite3_stmt *st = prepare("PRAGMA cache_size"); st && sqlite3_step(st) == SQLITE_ROW)
                m_oldCache = sqlite3_column_int64(st, 0);
        }
        const std::int64_t wantKiB =
            std::min<std::int64_t>(1 << 20, std::int64_t{64} * 1024 + bytes / 1024 * 3);
        m_cacheChanged = exec(QByteArray("PRAGMA cache_size=-" + QByteArray::number(wantKiB)).constData());
    }

    bool symbolId(std::string_view name, std::int64_t *id) override
    {
        if (!cached(&m_findSymbol, "SELECT id FROM symbols WHERE name = ?") ||
            !cached(&m_insertSymbol, "INSERT INTO symbols(name) VALUES(?)"))
            return false;
        sqlite3_reset(m_findSymbol);
        sqlite3_bind_text(m_findSymbol, 1, name.data(), int(name.size()), SQLITE_TRANSIENT);
        const int rc = sqlite3_step(m_findSymbol);
        if (rc == SQLITE_ROW) {
            *id = sqlite3_column_int64(m_findSymbol, 0);
            sqlite3_reset(m_findSymbol);
            return true;
        }
        sqlite3_reset(m_findSymbol);
        if (rc != SQLITE_DONE)
            return false;
        sqlite3_reset(m_insertSymbol);
        sqlite3_bind_text(m_insertSymbol, 1, name.data(), int(name.size()), SQLITE_TRANSIENT);
        const bool ok = sqlite3_step(m_insertSymbol) == SQLITE_DONE;
        sqlite3_reset(m_insertSymbol);
        if (ok)
            *id = sqlite3_last_insert_rowid(m_db);
        return ok;
    }

    bool maxTradeId(std::int64_t symbolId, std::int64_t *maxId) override
    {
        if (!cached(&m_maxTradeId, "SELECT max(trade_id) FROM ticks WHERE symbol_id = ?"))
            return false;
        sqlite3_reset(m_maxTradeId);
        sqlite3_bind_int64(m_maxTradeId, 1, symbolId);
        *maxId = std::numeric_limits<std::int64_t>::min();
        const int rc = sqlite3_step(m_maxTradeId);
        if (rc == SQLITE_ROW && sqlite3_column_type(m_maxTradeId, 0) != SQLITE_NULL)
            *maxId = sqlite3_column_int64(m_maxTradeId, 0);
        sqlite3_reset(m_maxTradeId);
        return rc == SQLITE_ROW || rc == SQLITE_DONE;
    }

    Result insertNewTicks(std::span<const BulkTick> rows) override
    {
        if (!tickStatements())
            return Result::Failed;
        bool conflict = false;
        const bool ok =
            stepChunks(rows, TicksPerStatement, 6, m_insertTicksMulti, m_insertTick, &bindTick,
                       [&](std::size_t n) { return !(conflict = sqlite3_changes(m_db) != int(n)); });
        return conflict ? Result::Conflict : ok ? Result::Ok : Result::Failed;
    }

    bool insertOrIgnoreTicks(std::span<const BulkTick> rows, std::vector<char> *isNew) override
    {
        if (!tickStatements())
            return false;
        isNew->assign(rows.size(), 0);
        for (std::size_t i = 0; i < rows.size(); ++i) {
            bindTick(m_insertTick, 0, rows[i]);
            const int rc = sqlite3_step(m_insertTick);
            sqlite3_reset(m_insertTick);
            if (rc != SQLITE_DONE)
                return false;
            (*isNew)[i] = sqlite3_changes(m_db) > 0 ? 1 : 0;
        }
        return true;
    }

    bool insertOrIgnoreTicks(std::span<const BulkTick> rows, std::int64_t *stored) override
    {
        return tickStatements() && stepChunks(rows, TicksPerStatement, 6, m_insertTicksMulti, m_insertTick,
                                              &bindTick, [&](std::size_t) {
                                                  *stored += sqlite3_changes(m_db);
                                                  return true;
                                              });
    }

    bool upsertLiveBars(std::span<const BulkBar> rows) override
    {
        if (!cached(&m_upsertBar,
                    "INSERT INTO bars(symbol_id, interval_s, source, open_ms, open, high, low, close, "
                    "volume, trades,"
                    " first_trade_id, last_trade_id) VALUES(?,?,'live',?,?,?,?,?,?,?,?,?)"
                    " ON CONFLICT(symbol_id, interval_s, source, open_ms) DO UPDATE SET"
                    " open = CASE WHEN excluded.first_trade_id < bars.first_trade_id THEN excluded.open ELSE "
                    "bars.open END,"
                    " first_trade_id = min(bars.first_trade_id, excluded.first_trade_id),"
                    " close = CASE WHEN excluded.last_trade_id > bars.last_trade_id THEN excluded.close ELSE "
                    "bars.close END,"
                    " last_trade_id = max(bars.last_trade_id, excluded.last_trade_id),"
                    " high = max(bars.high, excluded.high), low = min(bars.low, excluded.low),"
                    " volume = bars.volume + excluded.volume, trades = bars.trades + excluded.trades"))
            return false;
        for (const BulkBar &r : rows) {
            bindBar(m_upsertBar, 0, r);
            const int rc = sqlite3_step(m_upsertBar);
            sqlite3_reset(m_upsertBar);
            if (rc != SQLITE_DONE)
                return false;
        }
        return true;
    }

    bool insertBars(std::span<const BulkBar> rows, const QByteArray &source) override
    {
        const char *head =
            "INSERT INTO bars(symbol_id, interval_s, source, open_ms, open, high, low, close, volume, trades,"
            " first_trade_id, last_trade_id) VALUES ";
        // The source is the same in every row: a literal, one bind less per row.
        QByteArray quoted = source;
        quoted.replace('\'', "''");
        const QByteArray tuple = "(?,?,'" + quoted + "',?,?,?,?,?,?,?,?,?)";
        sqlite3_stmt *multi = prepare(multiRow(head, tuple.constData(), BarsPerStatement));
        sqlite3_stmt *single = prepare(multiRow(head, tuple.constData(), 1));
        if (!multi || !single)
            return false;
        return stepChunks(rows, BarsPerStatement, 11, multi, single, &bindBar,
                          [](std::size_t) { return true; });
    }

    bool insertOrIgnoreBars(std::span<const BulkBar> rows, const QByteArray &source,
                            std::int64_t *stored) override
    {
        const char *head =
            "INSERT OR IGNORE INTO bars(symbol_id, interval_s, source, open_ms, open, high, low,"
            " close, volume, trades, first_trade_id, last_trade_id) VALUES ";
        if (!m_ignoreBarsMulti || source != m_ignoreBarsSource) { // prepared once per source, not per page
            QByteArray quoted = source;
            quoted.replace('\'', "''");
            const QByteArray tuple = "(?,?,'" + quoted + "',?,?,?,?,?,?,?,?,?)";
            m_ignoreBarsMulti = prepare(multiRow(head, tuple.constData(), BarsPerStatement));
            m_ignoreBarsSingle = prepare(multiRow(head, tuple.constData(), 1));
            m_ignoreBarsSource = source;
            if (!m_ignoreBarsMulti || !m_ignoreBarsSingle) {
                m_ignoreBarsMulti = nullptr;
                return false;
            }
        }
        const sqlite3_int64 before = sqlite3_total_changes64(m_db);
        if (!stepChunks(rows, BarsPerStatement, 11, m_ignoreBarsMulti, m_ignoreBarsSingle, &bindBar,
                        [](std::size_t) { return true; }))
            return false;
        *stored += std::int64_t(sqlite3_total_changes64(m_db) - before);
        return true;
    }

    bool nextBatchSeq(std::int64_t *seq) override
    {
        if (!cached(&m_bumpSeq,
                    "UPDATE ingest_state SET batch_seq = batch_seq + 1 WHERE id = 1 RETURNING batch_seq"))
            return false;
        const bool ok = sqlite3_step(m_bumpSeq) == SQLITE_ROW;
        if (ok)
            *seq = sqlite3_column_int64(m_bumpSeq, 0);
        sqlite3_reset(m_bumpSeq);
        return ok;
    }

    bool addDataset(const QByteArray &name, const QByteArray &sourceFile, const QByteArray &format,
                    std::int64_t createdMs, std::int64_t rows, std::int64_t *id, bool *exists) override
    {
        *exists = false;
        sqlite3_stmt *find = prepare("SELECT 1 FROM datasets WHERE name = ?");
        sqlite3_stmt *ins =
            prepare("INSERT INTO datasets(name, source_file, format, created_ms, rows) VALUES(?,?,?,?,?)");
        if (!find || !ins)
            return false;
        sqlite3_bind_text(find, 1, name.constData(), int(name.size()), SQLITE_TRANSIENT);
        const int rc = sqlite3_step(find);
        if (rc == SQLITE_ROW) {
            *exists = true;
            return false;
        }
        if (rc != SQLITE_DONE)
            return false;
        sqlite3_bind_text(ins, 1, name.constData(), int(name.size()), SQLITE_TRANSIENT);
        sqlite3_bind_text(ins, 2, sourceFile.constData(), int(sourceFile.size()), SQLITE_TRANSIENT);
        sqlite3_bind_text(ins, 3, format.constData(), int(format.size()), SQLITE_TRANSIENT);
        sqlite3_bind_int64(ins, 4, createdMs);
        sqlite3_bind_int64(ins, 5, rows);
        if (sqlite3_step(ins) != SQLITE_DONE)
            return false;
        *id = sqlite3_last_insert_rowid(m_db);
        return true;
    }

private:
    bool exec(const char *sql) { return sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr) == SQLITE_OK; }

    sqlite3_stmt *prepare(const QByteArray &sql)
    {
        sqlite3_stmt *st = nullptr;
        if (sqlite3_prepare_v3(m_db, sql.constData(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &st,
                               nullptr) != SQLITE_OK)
            return nullptr;
        m_stmts.push_back(st);
        return st;
    }
    bool cached(sqlite3_stmt **st, const QByteArray &sql)
    {
        if (!*st)
            *st = prepare(sql);
        return *st != nullptr;
    }
    bool tickStatements()
    {
        return cached(&m_insertTick,
                      "INSERT OR IGNORE INTO ticks(symbol_id, trade_id, ts_ms, price, qty, buyer_maker)"
                      " VALUES(?,?,?,?,?,?)") &&
               cached(&m_insertTicksMulti, multiRow("INSERT OR IGNORE INTO ticks(symbol_id, trade_id, ts_ms, "
                                                    "price, qty, buyer_maker) VALUES ",
                                                    "(?,?,?,?,?,?)", TicksPerStatement));
    }

    // Binds and steps rows in statements of perStatement rows (multi) and of one row (single, for the
    // rest); after each statement, done(rows it held) says whether to go on.
    template <typename Row, typename Done>
    bool stepChunks(std::span<const Row> rows, int perStatement, int columns, sqlite3_stmt *multi,
                    sqlite3_stmt *single, void (*bind)(sqlite3_stmt *, int, const Row &), Done &&done)
    {
        std::size_t i = 0;
        while (i < rows.size()) {
            const bool full = rows.size() - i >= std::size_t(perStatement);
            sqlite3_stmt *st = full ? multi : single;
            const std::size_t n = full ? std::size_t(perStatement) : 1;
            for (std::size_t k = 0; k < n; ++k)
                bind(st, int(k) * columns, rows[i + k]);
            const int rc = sqlite3_step(st);
            sqlite3_reset(st);
            if (rc != SQLITE_DONE || !done(n))
                return false;
            i += n;
        }
        return true;
    }

    static void bindTick(sqlite3_stmt *st, int first, const BulkTick &r)
    {
        const Tick &t = *r.tick;
        sqlite3_bind_int64(st, first + 1, r.symbolId);
        sqlite3_bind_int64(st, first + 2, t.tradeId);
        sqlite3_bind_int64(st, first + 3, t.tsMs);
        sqlite3_bind_double(st, first + 4, t.price);
        sqlite3_bind_double(st, first + 5, t.qty);
        sqlite3_bind_int(st, first + 6, t.buyerMaker ? 1 : 0);
    }
    static void bindBar(sqlite3_stmt *st, int first, const BulkBar &r)
    {
        const Bar &b = *r.bar;
        sqlite3_bind_int64(st, first + 1, r.symbolId);
        sqlite3_bind_int(st, first + 2, r.intervalS);
        sqlite3_bind_int64(st, first + 3, b.openMs);
        sqlite3_bind_double(st, first + 4, b.open);
        sqlite3_bind_double(st, first + 5, b.high);
        sqlite3_bind_double(st, first + 6, b.low);
        sqlite3_bind_double(st, first + 7, b.close);
        sqlite3_bind_double(st, first + 8, b.volume);
        sqlite3_bind_int64(st, first + 9, b.trades);
        sqlite3_bind_int64(st, first + 10, b.firstTradeId);
        sqlite3_bind_int64(st, first + 11, b.lastTradeId);
    }

    sqlite3 *m_db;
    sqlite3_stmt *m_ignoreBarsMulti = nullptr, *m_ignoreBarsSingle = nullptr;
    QByteArray m_ignoreBarsSource;
    QString m_error;
    std::vector<sqlite3_stmt *> m_stmts;
    sqlite3_stmt *m_findSymbol = nullptr;
    sqlite3_stmt *m_insertSymbol = nullptr;
    sqlite3_stmt *m_maxTradeId = nullptr;
    sqlite3_stmt *m_insertTick = nullptr;
    sqlite3_stmt *m_insertTicksMulti = nullptr;
    sqlite3_stmt *m_upsertBar = nullptr;
    sqlite3_stmt *m_bumpSeq = nullptr;
    std::int64_t m_oldCache = -2000;
    bool m_cacheChanged = false;
};

} // namespace

std::unique_ptr<BulkStore> makeSqliteBulkStore(void *handle)
{
    return std::make_unique<SqliteBulkStore>(static_cast<sqlite3 *>(handle));
}

} // namespace pairlab
