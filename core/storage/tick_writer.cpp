#include "storage/tick_writer.h"

#include "storage/database.h"

#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

namespace pairlab {

struct TickWriter::Native
{
    sqlite3 *db = nullptr;
    sqlite3_stmt *insertTick = nullptr;
    sqlite3_stmt *upsertBar = nullptr;
    sqlite3_stmt *findSymbol = nullptr;
    sqlite3_stmt *insertSymbol = nullptr;
    sqlite3_stmt *bumpSeq = nullptr;

    ~Native() { finalize(); }
    void finalize()
    {
        for (sqlite3_stmt **s : {&insertTick, &upsertBar, &findSymbol, &insertSymbol, &bumpSeq}) {
            sqlite3_finalize(*s);
            *s = nullptr;
        }
    }
    QString lastError() const { return QString::fromUtf8(sqlite3_errmsg(db)); }
    bool exec(const char *sql) { return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK; }
};

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
        return false;
    };

    std::vector<Tick> fresh;
    fresh.reserve(ticks.size());
    SymbolCode lastSymbol;
    std::int64_t symbolId = -1;
    sqlite3_stmt *st = n->insertTick;
    for (const Tick &t : ticks) {
        if (symbolId < 0 || t.symbol != lastSymbol) {
            QString err;
            if (!ensureSymbol(t.symbol, &symbolId, &err))
                return fail(err);
            lastSymbol = t.symbol;
        }
        sqlite3_bind_int64(st, 1, symbolId);
        sqlite3_bind_int64(st, 2, t.tradeId);
        sqlite3_bind_int64(st, 3, t.tsMs);
        sqlite3_bind_double(st, 4, t.price);
        sqlite3_bind_double(st, 5, t.qty);
        sqlite3_bind_int(st, 6, t.buyerMaker ? 1 : 0);
        const int rc = sqlite3_step(st);
        sqlite3_reset(st);
        if (rc != SQLITE_DONE)
            return fail(tr("cannot store a %1 tick: %2").arg(t.symbol.toString(), n->lastError()));
        if (sqlite3_changes(n->db) > 0)
            fresh.push_back(t);
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
