// BulkStore on PostgreSQL's native handle (libpq): COPY for bulk rows, one multi-row upsert for bars.
#include "storage/bulk_store_backends.h"
#include "storage/pg_copy_binary.h"

#include <QObject>

#include <libpq-fe.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <limits>
#include <tuple>

namespace pairlab {

namespace {

constexpr qsizetype CopyChunkBytes = 1 << 20;
const char *const UniqueViolation = "23505";

void appendInt(QByteArray &out, std::int64_t v)
{
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr - buf);
}

// Shortest text that reads back to the same double (float8in is correctly rounded).
void appendDouble(QByteArray &out, double v)
{
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr - buf);
}

// A value in COPY's text format: backslash, tab and line ends escaped.
QByteArray copyText(const QByteArray &s)
{
    QByteArray out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
        case '\\':
            out += "\\\\";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        default:
            out += c;
        }
    }
    return out;
}

class PostgresBulkStore final : public BulkStore
{
public:
    explicit PostgresBulkStore(PGconn *conn) : m_conn(conn) {}

    QString lastError() const override { return m_error; }

    bool begin() override
    {
        m_error.clear();
        return command("BEGIN");
    }
    bool commit() override
    {
        // COMMIT of a transaction that failed answers "ROLLBACK" without an error.
        PGresult *r = PQexec(m_conn, "COMMIT");
        const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK && qstrcmp(PQcmdStatus(r), "COMMIT") == 0;
        if (!ok)
            m_error = PQresultStatus(r) == PGRES_COMMAND_OK ? QObject::tr("the transaction was rolled back")
                                                            : resultError(r);
        PQclear(r);
        return ok;
    }
    void rollback() override
    {
        const QString keep = m_error;
        command("ROLLBACK");
        m_error = keep;
    }

    bool symbolId(std::string_view name, std::int64_t *id) override
    {
        const QByteArray n(name.data(), qsizetype(name.size()));
        for (const char *sql :
             {"SELECT id FROM symbols WHERE name = $1",
              "INSERT INTO symbols(name) VALUES($1) ON CONFLICT (name) DO NOTHING RETURNING id",
              "SELECT id FROM symbols WHERE name = $1"}) {
            const char *values[] = {n.constData()};
            PGresult *r = PQexecParams(m_conn, sql, 1, nullptr, values, nullptr, nullptr, 0);
            if (PQresultStatus(r) != PGRES_TUPLES_OK) {
                m_error = resultError(r);
                PQclear(r);
                return false;
            }
            const bool found = PQntuples(r) > 0;
            if (found)
                *id = std::strtoll(PQgetvalue(r, 0, 0), nullptr, 10);
            PQclear(r);
            if (found)
                return true;
        }
        m_error = QObject::tr("cannot add symbol %1").arg(QString::fromUtf8(n));
        return false;
    }

    bool maxTradeId(std::int64_t symbolId, std::int64_t *maxId) override
    {
        QByteArray sid;
        appendInt(sid, symbolId);
        const char *values[] = {sid.constData()};
        PGresult *r = PQexecParams(m_conn, "SELECT max(trade_id) FROM ticks WHERE symbol_id = $1", 1, nullptr,
                                   values, nullptr, nullptr, 0);
        const bool ok = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1;
        if (!ok)
            m_error = resultError(r);
        *maxId = ok && !PQgetisnull(r, 0, 0) ? std::strtoll(PQgetvalue(r, 0, 0), nullptr, 10)
                                             : std::numeric_limits<std::int64_t>::min();
        PQclear(r);
        return ok;
    }

    Result insertNewTicks(std::span<const BulkTick> rows) override
    {
        if (rows.empty())
            return Result::Ok;
        QByteArray state;
        if (copyTicks(
                "COPY ticks(symbol_id, trade_id, ts_ms, price, qty, buyer_maker) FROM STDIN (FORMAT binary)",
                rows, false, &state))
            return Result::Ok;
        return state == UniqueViolation ? Result::Conflict : Result::Failed;
    }

    bool insertOrIgnoreTicks(std::span<const BulkTick> rows, std::vector<char> *isNew) override
    {
        isNew->assign(rows.size(), 0);
        if (rows.empty())
            return true;
        if (!stageTicks(rows))
            return false;
        // The first row of each new key is the one inserted (rows are inserted in staging order).
        PGresult *r = PQexec(
            m_conn, "WITH ins AS (INSERT INTO ticks(symbol_id, trade_id, ts_ms, price, qty, buyer_maker)"
                    " SELECT symbol_id, trade_id, ts_ms, price, qty, buyer_maker FROM pairlab_ticks_in"
                    " ORDER BY ord ON CONFLICT DO NOTHING RETURNING symbol_id, trade_id)"
                    " SELECT min(i.ord) FROM pairlab_ticks_in i"
                    " JOIN ins ON ins.symbol_id = i.symbol_id AND ins.trade_id = i.trade_id"
                    " GROUP BY i.symbol_id, i.trade_id");
        const bool ok = PQresultStatus(r) == PGRES_TUPLES_OK;
        if (ok) {
            for (int k = 0, n = PQntuples(r); k < n; ++k) {
                const long long ord = std::strtoll(PQgetvalue(r, k, 0), nullptr, 10);
                if (ord >= 0 && std::size_t(ord) < rows.size())
                    (*isNew)[std::size_t(ord)] = 1;
            }
        } else {
            m_error = resultError(r);
        }
        PQclear(r);
        return ok && command("DELETE FROM pairlab_ticks_in");
    }

    bool insertOrIgnoreTicks(std::span<const BulkTick> rows, std::int64_t *stored) override
    {
        if (rows.empty())
            return true;
        if (!stageTicks(rows))
            return false;
        PGresult *r =
            PQexec(m_conn, "INSERT INTO ticks(symbol_id, trade_id, ts_ms, price, qty, buyer_maker)"
                           " SELECT symbol_id, trade_id, ts_ms, price, qty, buyer_maker FROM pairlab_ticks_in"
                           " ORDER BY ord ON CONFLICT DO NOTHING");
        const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
        if (ok)
            *stored += std::strtoll(PQcmdTuples(r), nullptr, 10);
        else
            m_error = resultError(r);
        PQclear(r);
        return ok && command("DELETE FROM pairlab_ticks_in");
    }

    bool upsertLiveBars(std::span<const BulkBar> rows) override
    {
        if (rows.empty())
            return true;
        // One statement for the batch, rows in key order so that concurrent writers lock bars in the same
        // order (no deadlock between two instances writing the same symbols).
        std::vector<const BulkBar *> sorted;
        sorted.reserve(rows.size());
        for (const BulkBar &r : rows)
            sorted.push_back(&r);
        std::sort(sorted.begin(), sorted.end(), [](const BulkBar *a, const BulkBar *b) {
            return std::tie(a->symbolId, a->intervalS, a->bar->openMs) <
                   std::tie(b->symbolId, b->intervalS, b->bar->openMs);
        });
        QByteArray sql("INSERT INTO bars AS b(symbol_id, interval_s, source, open_ms, open, high, low, "
                       "close, volume, trades,"
                       " first_trade_id, last_trade_id) VALUES ");
        sql.reserve(sql.size() + qsizetype(rows.size()) * 160);
        bool first = true;
        for (const BulkBar *r : sorted) {
            const Bar &bar = *r->bar;
            sql += first ? "(" : ",(";
            first = false;
            appendInt(sql, r->symbolId);
            sql += ',';
            appendInt(sql, r->intervalS);
            sql += ",'live',";
            appendInt(sql, bar.openMs);
            for (double v : {bar.open, bar.high, bar.low, bar.close, bar.volume}) {
                sql += ",'";
                appendDouble(sql, v);
                sql += "'::float8";
            }
            for (std::int64_t v : {bar.trades, bar.firstTradeId, bar.lastTradeId}) {
                sql += ',';
                appendInt(sql, v);
            }
            sql += ')';
        }
        sql +=
            " ON CONFLICT (symbol_id, interval_s, source, open_ms) DO UPDATE SET"
            " open = CASE WHEN excluded.first_trade_id < b.first_trade_id THEN excluded.open ELSE b.open END,"
            " first_trade_id = LEAST(b.first_trade_id, excluded.first_trade_id),"
            " close = CASE WHEN excluded.last_trade_id > b.last_trade_id THEN excluded.close ELSE b.close "
            "END,"
            " last_trade_id = GREATEST(b.last_trade_id, excluded.last_trade_id),"
            " high = GREATEST(b.high, excluded.high), low = LEAST(b.low, excluded.low),"
            " volume = b.volume + excluded.volume, trades = b.trades + excluded.trades";
        return command(sql.constData());
    }

    bool insertBars(std::span<const BulkBar> rows, const QByteArray &source) override
    {
        if (rows.empty())
            return true;
        const QByteArray src = copyText(source);
        return copy(
            "COPY bars(symbol_id, interval_s, source, open_ms, open, high, low, close, volume, trades,"
            " first_trade_id, last_trade_id) FROM STDIN",
            rows.size(), nullptr, [&](QByteArray &buf, std::size_t i) { appendBarRow(buf, rows[i], src); });
    }

    /** One bar as a line of COPY's text format. */
    static void appendBarRow(QByteArray &buf, const BulkBar &r, const QByteArray &source)
    {
        const Bar &b = *r.bar;
        appendInt(buf, r.symbolId);
        buf += '\t';
        appendInt(buf, r.intervalS);
        buf += '\t';
        buf += source;
        buf += '\t';
        appendInt(buf, b.openMs);
        for (double v : {b.open, b.high, b.low, b.close, b.volume}) {
            buf += '\t';
            appendDouble(buf, v);
        }
        for (std::int64_t v : {b.trades, b.firstTradeId, b.lastTradeId}) {
            buf += '\t';
            appendInt(buf, v);
        }
        buf += '\n';
    }

    bool insertOrIgnoreBars(std::span<const BulkBar> rows, const QByteArray &source,
                            std::int64_t *stored) override
    {
        if (rows.empty())
            return true;
        const QByteArray src = copyText(source);
        if (!command("CREATE TEMP TABLE IF NOT EXISTS pairlab_bars_in(symbol_id integer, interval_s integer,"
                     " source text, open_ms bigint, open double precision, high double precision,"
                     " low double precision, close double precision, volume double precision, trades bigint,"
                     " first_trade_id bigint, last_trade_id bigint) ON COMMIT DELETE ROWS") ||
            !copy(
                "COPY pairlab_bars_in(symbol_id, interval_s, source, open_ms, open, high, low, close, volume,"
                " trades, first_trade_id, last_trade_id) FROM STDIN",
                rows.size(), nullptr,
                [&](QByteArray &buf, std::size_t i) { appendBarRow(buf, rows[i], src); }))
            return false;
        PGresult *r =
            PQexec(m_conn, "INSERT INTO bars(symbol_id, interval_s, source, open_ms, open, high, low,"
                           " close, volume, trades, first_trade_id, last_trade_id)"
                           " SELECT symbol_id, interval_s, source, open_ms, open, high, low, close,"
                           " volume, trades, first_trade_id, last_trade_id FROM pairlab_bars_in"
                           " ORDER BY symbol_id, interval_s, open_ms ON CONFLICT DO NOTHING");
        const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
        if (ok)
            *stored += std::strtoll(PQcmdTuples(r), nullptr, 10);
        else
            m_error = resultError(r);
        PQclear(r);
        return ok && command("DELETE FROM pairlab_bars_in");
    }

    bool nextBatchSeq(std::int64_t *seq) override
    {
        PGresult *r = PQexec(
            m_conn, "UPDATE ingest_state SET batch_seq = batch_seq + 1 WHERE id = 1 RETURNING batch_seq");
        const bool ok = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1;
        if (ok)
            *seq = std::strtoll(PQgetvalue(r, 0, 0), nullptr, 10);
        else
            m_error = resultError(r);
        PQclear(r);
        return ok;
    }

    bool addDataset(const QByteArray &name, const QByteArray &sourceFile, const QByteArray &format,
                    std::int64_t createdMs, std::int64_t rows, std::int64_t *id, bool *exists) override
    {
        *exists = false;
        QByteArray created, count;
        appendInt(created, createdMs);
        appendInt(count, rows);
        const char *values[] = {name.constData(), sourceFile.constData(), format.constData(),
                                created.constData(), count.constData()};
        PGresult *r = PQexecParams(m_conn,
                                   "INSERT INTO datasets(name, source_file, format, created_ms, rows)"
                                   " VALUES($1, $2, $3, $4, $5) ON CONFLICT (name) DO NOTHING RETURNING id",
                                   5, nullptr, values, nullptr, nullptr, 0);
        const bool ran = PQresultStatus(r) == PGRES_TUPLES_OK;
        if (!ran)
            m_error = resultError(r);
        const bool added = ran && PQntuples(r) == 1;
        if (added)
            *id = std::strtoll(PQgetvalue(r, 0, 0), nullptr, 10);
        *exists = ran && !added;
        PQclear(r);
        return added;
    }

private:
    static QString resultError(const PGresult *r)
    {
        QString e = QString::fromUtf8(PQresultErrorMessage(r)).trimmed();
        return e.isEmpty() ? QString::fromUtf8(PQresStatus(PQresultStatus(r))) : e;
    }

    bool command(const char *sql)
    {
        PGresult *r = PQexec(m_conn, sql);
        const ExecStatusType s = PQresultStatus(r);
        const bool ok = s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK;
        if (!ok)
            m_error = resultError(r);
        PQclear(r);
        return ok;
    }

    // COPY ... FROM STDIN of n rows, each written by row(buffer, i); sqlstate gets the error's SQLSTATE.
    template <typename RowFn>
    bool copy(const char *sql, std::size_t n, QByteArray *sqlstate, RowFn &&row,
              const QByteArray &header = {}, const QByteArray &trailer = {})
    {
        PGresult *r = PQexec(m_conn, sql);
        if (PQresultStatus(r) != PGRES_COPY_IN) {
            m_error = resultError(r);
            PQclear(r);
            return false;
        }
        PQclear(r);
        QByteArray buf;
        buf.reserve(CopyChunkBytes + 4096);
        buf += header;
        bool sent = true;
        for (std::size_t i = 0; i < n && sent; ++i) {
            row(buf, i);
            if (buf.size() >= CopyChunkBytes) {
                sent = PQputCopyData(m_conn, buf.constData(), int(buf.size())) == 1;
                buf.clear();
            }
        }
        buf += trailer;
        if (sent && !buf.isEmpty())
            sent = PQputCopyData(m_conn, buf.constData(), int(buf.size())) == 1;
        if (!sent)
            m_error = QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
        if (PQputCopyEnd(m_conn, sent ? nullptr : "client error") != 1 && sent) {
            m_error = QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
            sent = false;
        }
        bool ok = sent;
        while ((r = PQgetResult(m_conn)) != nullptr) {
            if (PQresultStatus(r) != PGRES_COMMAND_OK) {
                if (ok || m_error.isEmpty())
                    m_error = resultError(r);
                if (sqlstate)
                    *sqlstate = PQresultErrorField(r, PG_DIAG_SQLSTATE);
                ok = false;
            }
            PQclear(r);
        }
        return ok;
    }

    // Ticks in COPY's binary format: no number formatting here and no parsing in the server (float8in and
    // int8in dominate a text COPY). Column types must match exactly: integer, bigint x2, float8 x2, smallint.
    bool copyTicks(const char *sql, std::span<const BulkTick> rows, bool withOrdinal, QByteArray *sqlstate)
    {
        return copy(
            sql, rows.size(), sqlstate,
            [&](QByteArray &buf, std::size_t i) {
                const BulkTick &r = rows[i];
                const Tick &t = *r.tick;
                pgcopy::putBE<std::int16_t>(buf, withOrdinal ? 7 : 6);
                if (withOrdinal)
                    pgcopy::putField<std::int64_t>(buf, std::int64_t(i));
                pgcopy::putField<std::int32_t>(buf, std::int32_t(r.symbolId));
                pgcopy::putField<std::int64_t>(buf, t.tradeId);
                pgcopy::putField<std::int64_t>(buf, t.tsMs);
                pgcopy::putField<double>(buf, t.price);
                pgcopy::putField<double>(buf, t.qty);
                pgcopy::putField<std::int16_t>(buf, t.buyerMaker ? 1 : 0);
            },
            pgcopy::header(), pgcopy::trailer());
    }

    // Rows that may be stored already go through a temporary table, then one INSERT … ON CONFLICT.
    bool stageTicks(std::span<const BulkTick> rows)
    {
        return command("CREATE TEMP TABLE IF NOT EXISTS pairlab_ticks_in(ord bigint, symbol_id integer, "
                       "trade_id bigint,"
                       " ts_ms bigint, price double precision, qty double precision, buyer_maker smallint)"
                       " ON COMMIT DELETE ROWS") &&
               copyTicks("COPY pairlab_ticks_in(ord, symbol_id, trade_id, ts_ms, price, qty, buyer_maker) "
                         "FROM STDIN (FORMAT binary)",
                         rows, true, nullptr);
    }

    PGconn *m_conn;
    QString m_error;
};

} // namespace

std::unique_ptr<BulkStore> makePostgresBulkStore(void *pgConn)
{
    return std::make_unique<PostgresBulkStore>(static_cast<PGconn *>(pgConn));
}

} // namespace pairlab
