// `pairlab-cli bench postgres`: TickWriter into PostgreSQL against raw COPY and Qt's execBatch in the same
// run, then one writer with several readers on the same database.
#include "bench/benchmarks.h"
#include "bench/fixtures.h"
#include "market/recording.h"

#include "market/binance_trade_parser.h"
#include "storage/bar_store.h"
#include "storage/database.h"
#include "storage/pg_copy_binary.h"
#include "storage/tick_writer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTextStream>
#include <QThread>
#include <QVariant>

#include <libpq-fe.h>

#include <atomic>
#include <thread>
#include <vector>

namespace pairlab::bench {

namespace {

// The bundled recording's trades, repeated with trade ids and times shifted past its span to reach n.
std::vector<Tick> syntheticTicks(std::int64_t n, QString *error)
{
    RepeatedTrades trades;
    if (!trades.load(error))
        return {};
    return trades.first(n);
}

bool execSql(QSqlDatabase &db, const QString &sql, QString *error)
{
    QSqlQuery q(db);
    if (q.exec(sql))
        return true;
    *error = q.lastError().text();
    return false;
}

// Raw libpq COPY (binary) of the same rows into a table of the same shape: the ceiling of the write path.
double rawCopyRate(QSqlDatabase &db, const std::vector<Tick> &ticks, QString *error)
{
    if (!execSql(db, QStringLiteral("DROP TABLE IF EXISTS bench_raw"), error) ||
        !execSql(
            db,
            QStringLiteral(
                "CREATE TABLE bench_raw(symbol_id INTEGER, trade_id BIGINT, ts_ms BIGINT, price DOUBLE "
                "PRECISION, qty DOUBLE PRECISION, buyer_maker SMALLINT, PRIMARY KEY(symbol_id, trade_id))"),
            error))
        return 0;
    PGconn *conn = *static_cast<PGconn *const *>(db.driver()->handle().constData());
    QElapsedTimer t;
    t.start();
    PQclear(PQexec(conn, "BEGIN"));
    PGresult *r = PQexec(conn, "COPY bench_raw FROM STDIN (FORMAT binary)");
    const bool copying = PQresultStatus(r) == PGRES_COPY_IN;
    PQclear(r);
    if (!copying) {
        *error = QString::fromUtf8(PQerrorMessage(conn));
        return 0;
    }
    QByteArray buf = pgcopy::header();
    for (const Tick &tick : ticks) {
        pgcopy::putBE<std::int16_t>(buf, 6);
        pgcopy::putField<std::int32_t>(buf, tick.symbol.view()[0]);
        pgcopy::putField<std::int64_t>(buf, tick.tradeId);
        pgcopy::putField<std::int64_t>(buf, tick.tsMs);
        pgcopy::putField<double>(buf, tick.price);
        pgcopy::putField<double>(buf, tick.qty);
        pgcopy::putField<std::int16_t>(buf, tick.buyerMaker ? 1 : 0);
        if (buf.size() > (1 << 20)) {
            PQputCopyData(conn, buf.constData(), int(buf.size()));
            buf.clear();
        }
    }
    buf += pgcopy::trailer();
    PQputCopyData(conn, buf.constData(), int(buf.size()));
    PQputCopyEnd(conn, nullptr);
    while ((r = PQgetResult(conn)) != nullptr)
        PQclear(r);
    PQclear(PQexec(conn, "COMMIT"));
    return double(ticks.size()) / (double(t.nsecsElapsed()) / 1e9);
}

// Qt's own batch API (one INSERT per row on QPSQL), for comparison.
double execBatchRate(QSqlDatabase &db, const std::vector<Tick> &ticks, std::size_t n, QString *error)
{
    if (!execSql(db, QStringLiteral("TRUNCATE bench_raw"), error))
        return 0;
    QVariantList s, id, ts, p, q, m;
    for (std::size_t i = 0; i < n && i < ticks.size(); ++i) {
        s << int(ticks[i].symbol.view()[0]);
        id << qint64(ticks[i].tradeId);
        ts << qint64(ticks[i].tsMs);
        p << ticks[i].price;
        q << ticks[i].qty;
        m << int(ticks[i].buyerMaker);
    }
    QElapsedTimer t;
    t.start();
    db.transaction();
    QSqlQuery ins(db);
    ins.prepare(QStringLiteral("INSERT INTO bench_raw VALUES(?, ?, ?, ?, ?, ?)"));
    for (const QVariantList *col : {&s, &id, &ts, &p, &q, &m})
        ins.addBindValue(*col);
    if (!ins.execBatch()) {
        *error = ins.lastError().text();
        db.rollback();
        return 0;
    }
    db.commit();
    return double(s.size()) / (double(t.nsecsElapsed()) / 1e9);
}

// TickWriter in batches of batchSize: ticks per second including the bars.
double writerRate(const QString &url, const std::vector<Tick> &ticks, std::size_t batchSize, QString *error)
{
    TickWriter w(url);
    if (!w.open(error))
        return 0;
    QElapsedTimer t;
    t.start();
    std::int64_t stored = 0;
    for (std::size_t i = 0; i < ticks.size(); i += batchSize) {
        WriteStats s;
        if (!w.write(std::span<const Tick>(ticks).subspan(i, std::min(batchSize, ticks.size() - i)), &s,
                     error))
            return 0;
        stored += s.stored;
    }
    return double(stored) / (double(t.nsecsElapsed()) / 1e9);
}

} // namespace

int benchPostgres(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser p;
    p.addOption(
        {QStringLiteral("db"),
         QStringLiteral("postgresql:// URL of an empty database to benchmark in (its tables are cleared)."),
         QStringLiteral("URL")});
    p.addOption({QStringLiteral("ticks"), QStringLiteral("Ticks to write."), QStringLiteral("N"),
                 QStringLiteral("1000000")});
    p.addOption({QStringLiteral("readers"), QStringLiteral("Reader connections during the shared run."),
                 QStringLiteral("K"), QStringLiteral("3")});
    p.addHelpOption();
    if (!p.parse(QStringList{QStringLiteral("pairlab-cli bench postgres")} + args)) {
        err << p.errorText() << '\n';
        return 2;
    }
    const QString url = p.value(QStringLiteral("db"));
    const std::int64_t n = p.value(QStringLiteral("ticks")).toLongLong();
    const int readers = p.value(QStringLiteral("readers")).toInt();
    if (!Database::isPostgres(url) || n <= 0 || readers < 0) {
        err << QCoreApplication::translate(
            "cli", "usage: pairlab-cli bench postgres --db postgresql://… [--ticks N] [--readers K]\n");
        return 2;
    }
    QString error;
    const std::vector<Tick> ticks = syntheticTicks(n, &error);
    if (ticks.empty()) {
        err << error << '\n';
        return 1;
    }
    const QString conn = QStringLiteral("bench-postgres");
    auto clear = [&] {
        QSqlDatabase db = QSqlDatabase::database(conn);
        return execSql(db, QStringLiteral("TRUNCATE ticks, bars"), &error) &&
               execSql(db, QStringLiteral("UPDATE ingest_state SET batch_seq = 0"), &error);
    };
    int rc = 0;
    {
        QSqlDatabase db = Database::open(url, conn, &error);
        if (!db.isValid() || !clear()) {
            err << error << '\n';
            Database::close(conn);
            return 1;
        }
        QSqlQuery version(QStringLiteral("SHOW server_version"), db);
        out << "PostgreSQL " << (version.next() ? version.value(0).toString() : QString()) << ", "
            << ticks.size() << " ticks (the bundled recording, repeated)\n";
        const double raw = rawCopyRate(db, ticks, &error);
        const double batch = execBatchRate(db, ticks, 20000, &error);
        const double w50 = clear() ? writerRate(url, ticks, 50000, &error) : 0;
        const double w5 = clear() ? writerRate(url, ticks, 5000, &error) : 0;
        if (raw <= 0 || batch <= 0 || w50 <= 0 || w5 <= 0) {
            err << error << '\n';
            rc = 1;
        } else {
            out << QStringLiteral("raw COPY            %1 k rows/s\n").arg(raw / 1e3, 0, 'f', 0);
            out << QStringLiteral("QSqlQuery execBatch %1 k rows/s (20000 rows)   COPY/execBatch %2x\n")
                       .arg(batch / 1e3, 0, 'f', 1)
                       .arg(raw / batch, 0, 'f', 0);
            out << QStringLiteral("TickWriter          %1 k ticks/s in batches of 50000, %2 k ticks/s in "
                                  "batches of 5000 "
                                  "(ticks + 1s/1m/5m bars)   ratio to raw COPY %3, %4\n")
                       .arg(w50 / 1e3, 0, 'f', 0)
                       .arg(w5 / 1e3, 0, 'f', 0)
                       .arg(w50 / raw, 0, 'f', 2)
                       .arg(w5 / raw, 0, 'f', 2);
        }

        // One writer (batches of 5000), `readers` readers loading the newest 1s bars in a snapshot each.
        if (rc == 0 && readers > 0 && clear()) {
            std::atomic<bool> done{false};
            std::atomic<std::int64_t> loads{0}, failures{0};
            std::vector<std::thread> pool;
            pool.reserve(std::size_t(readers));
            for (int k = 0; k < readers; ++k) {
                pool.emplace_back([&, k] {
                    const QString name = QStringLiteral("bench-reader-%1").arg(k);
                    {
                        QString e;
                        QSqlDatabase rdb = Database::open(url, name, &e);
                        while (rdb.isValid() && !done.load()) {
                            std::int64_t seq = 0;
                            const std::vector<Bar> bars = BarStore::loadBarsSnapshot(
                                rdb, QStringLiteral("BTCUSDT"), Interval::S1, 2000, &seq, &e);
                            (e.isEmpty() ? loads : failures).fetch_add(1);
                            e.clear();
                        }
                    }
                    Database::close(name);
                });
            }
            QElapsedTimer t;
            t.start();
            const double shared = writerRate(url, ticks, 5000, &error);
            const double seconds = double(t.nsecsElapsed()) / 1e9;
            done = true;
            for (std::thread &th : pool)
                th.join();
            if (shared <= 0) {
                err << error << '\n';
                rc = 1;
            } else {
                out << QStringLiteral("shared              writer %1 k ticks/s with %2 readers (%3 snapshot "
                                      "loads of 2000 1s bars/s, "
                                      "%4 failed)   ratio to writing alone %5\n")
                           .arg(shared / 1e3, 0, 'f', 0)
                           .arg(readers)
                           .arg(double(loads) / seconds, 0, 'f', 0)
                           .arg(failures.load())
                           .arg(shared / w5, 0, 'f', 2);
            }
        }
        execSql(db, QStringLiteral("DROP TABLE IF EXISTS bench_raw"), &error);
        clear();
    }
    Database::close(conn);
    return rc;
}

} // namespace pairlab::bench
