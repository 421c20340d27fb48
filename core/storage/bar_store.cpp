#include "storage/bar_store.h"

#include "io/number_format.h"

#include <QFile>

#include <algorithm>
#include <QObject>
#include <QSaveFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace pairlab::BarStore {

std::vector<Bar> loadBars(const QSqlDatabase &db, const QString &symbol, Interval interval, const QString &source,
                          std::int64_t fromMs, std::int64_t toMs, int limit, QString *error)
{
    std::vector<Bar> out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    // The newest `limit` rows: select descending, then reverse.
    q.prepare(QStringLiteral(
        "SELECT b.open_ms, b.open, b.high, b.low, b.close, b.volume, b.trades, b.first_trade_id, b.last_trade_id"
        " FROM bars b JOIN symbols s ON s.id = b.symbol_id"
        " WHERE s.name = ? AND b.interval_s = ? AND b.source = ? AND b.open_ms >= ? AND b.open_ms < ?"
        " ORDER BY b.open_ms DESC LIMIT ?"));
    q.addBindValue(symbol);
    q.addBindValue(intervalSeconds(interval));
    q.addBindValue(source);
    q.addBindValue(qint64(fromMs));
    q.addBindValue(qint64(toMs));
    q.addBindValue(limit);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return out;
    }
    while (q.next()) {
        Bar b;
        b.openMs = q.value(0).toLongLong();
        b.open = q.value(1).toDouble();
        b.high = q.value(2).toDouble();
        b.low = q.value(3).toDouble();
        b.close = q.value(4).toDouble();
        b.volume = q.value(5).toDouble();
        b.trades = q.value(6).toLongLong();
        b.firstTradeId = q.value(7).toLongLong();
        b.lastTradeId = q.value(8).toLongLong();
        out.push_back(b);
    }
    std::reverse(out.begin(), out.end());
    return out;
}

std::vector<Bar> loadBarsSnapshot(QSqlDatabase db, const QString &symbol, Interval interval, int limit,
                                  std::int64_t *batchSeq, QString *error)
{
    *batchSeq = 0;
    if (!db.transaction()) {
        if (error)
            *error = db.lastError().text();
        return {};
    }
    {
        QSqlQuery q(db);
        if (q.exec(QStringLiteral("SELECT batch_seq FROM ingest_state WHERE id = 1")) && q.next())
            *batchSeq = q.value(0).toLongLong();
    }
    std::vector<Bar> bars = loadBars(db, symbol, interval, LiveSource, std::numeric_limits<std::int64_t>::min(),
                                     std::numeric_limits<std::int64_t>::max(), limit, error);
    db.commit();
    return bars;
}

QStringList symbols(const QSqlDatabase &db)
{
    QStringList out;
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("SELECT name FROM symbols ORDER BY name")))
        while (q.next())
            out << q.value(0).toString();
    return out;
}

std::int64_t tickCount(const QSqlDatabase &db, const QString &symbol)
{
    QSqlQuery q(db);
    if (symbol.isEmpty()) {
        q.exec(QStringLiteral("SELECT count(*) FROM ticks"));
    } else {
        q.prepare(QStringLiteral("SELECT count(*) FROM ticks t JOIN symbols s ON s.id = t.symbol_id WHERE s.name = ?"));
        q.addBindValue(symbol);
        q.exec();
    }
    return q.next() ? q.value(0).toLongLong() : 0;
}

bool exportBarsCsv(const QSqlDatabase &db, const QString &symbol, Interval interval, const QString &path,
                   QString *error, const QString &source, std::int64_t *rows)
{
    QString err;
    const std::vector<Bar> bars = loadBars(db, symbol, interval, source, std::numeric_limits<std::int64_t>::min(),
                                           std::numeric_limits<std::int64_t>::max(), -1, &err);
    if (!err.isEmpty()) {
        if (error)
            *error = err;
        return false;
    }
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QObject::tr("cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    QByteArray out("open_ms,open,high,low,close,volume,trades\n");
    out.reserve(int(bars.size()) * 64 + 64);
    for (const Bar &b : bars) {
        appendInt(out, b.openMs);
        for (double v : {b.open, b.high, b.low, b.close, b.volume}) {
            out.append(',');
            appendDouble(out, v);
        }
        out.append(',');
        appendInt(out, b.trades);
        out.append('\n');
    }
    f.write(out);
    if (!f.commit()) {
        if (error)
            *error = QObject::tr("cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    if (rows)
        *rows = std::int64_t(bars.size());
    return true;
}

} // namespace pairlab::BarStore
