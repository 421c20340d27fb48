#include "storage/bar_store.h"

#include "io/number_format.h"
#include "logging/log_categories.h"
#include "storage/database.h"

#include <QFile>

#include <QObject>
#include <QSaveFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <algorithm>
#include <cmath>

namespace pairlab::BarStore {

namespace {
bool openOutput(QSaveFile &f, QString *error)
{
    if (f.open(QIODevice::WriteOnly))
        return true;
    if (error)
        *error = QObject::tr("cannot write %1: %2").arg(f.fileName(), f.errorString());
    return false;
}

bool commitOutput(QSaveFile &f, QString *error)
{
    if (f.commit())
        return true;
    if (error)
        *error = QObject::tr("cannot write %1: %2").arg(f.fileName(), f.errorString());
    return false;
}
} // namespace

namespace {
std::vector<Bar> loadRange(const QSqlDatabase &db, const QString &symbol, int intervalSeconds,
                           const QString &source, std::int64_t fromMs, std::int64_t toMs, int limit,
                           QString *error)
{
    std::vector<Bar> out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    // The newest `limit` rows: select descending, then reverse.
    q.prepare(QStringLiteral(
        "SELECT b.open_ms, b.open, b.high, b.low, b.close, b.volume, b.trades, b.first_trade_id, "
        "b.last_trade_id"
        " FROM bars b JOIN symbols s ON s.id = b.symbol_id"
        " WHERE s.name = ? AND b.interval_s = ? AND b.source = ? AND b.open_ms >= ? AND b.open_ms < ?"
        " ORDER BY b.open_ms DESC LIMIT ?"));
    q.addBindValue(symbol);
    q.addBindValue(intervalSeconds);
    q.addBindValue(source);
    q.addBindValue(qint64(fromMs));
    q.addBindValue(qint64(toMs));
    // "No limit" as a count: SQLite reads LIMIT -1 as none, PostgreSQL refuses a negative LIMIT.
    q.addBindValue(limit < 0 ? std::numeric_limits<qint64>::max() : qint64(limit));
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

bool sameValue(double a, double b)
{
    return std::fabs(a - b) <= 1e-9 * std::max(std::fabs(a), std::fabs(b));
}
} // namespace

std::vector<Bar> mergeLiveAndRest(const std::vector<Bar> &live, const std::vector<Bar> &rest,
                                  const QString &symbol, int intervalSeconds, int maxLogged)
{
    if (rest.empty())
        return live;
    const qint64 step = qint64(intervalSeconds) * 1000;
    // Seen whole: the trade ids run on without a break from the bar before into this one and on into the
    // next, and every id in between is in it.
    auto whole = [&](std::size_t i) {
        return i > 0 && i + 1 < live.size() && live[i - 1].openMs + step == live[i].openMs &&
               live[i].trades == live[i].lastTradeId - live[i].firstTradeId + 1 &&
               live[i + 1].openMs == live[i].openMs + step && live[i].firstTradeId > 0 &&
               live[i - 1].lastTradeId + 1 == live[i].firstTradeId &&
               live[i].lastTradeId + 1 == live[i + 1].firstTradeId;
    };
    std::vector<Bar> out;
    out.reserve(live.size() + rest.size());
    std::size_t i = 0, j = 0;
    int logged = 0;
    while (i < live.size() || j < rest.size()) {
        if (j == rest.size() || (i < live.size() && live[i].openMs < rest[j].openMs)) {
            out.push_back(live[i++]);
        } else if (i == live.size() || rest[j].openMs < live[i].openMs) {
            out.push_back(rest[j++]);
        } else {
            const Bar &l = live[i], &r = rest[j];
            if (!whole(i)) {
                out.push_back(
                    r); // the exchange's closed bar is authoritative for what the app did not see whole
            } else {
                if (!(sameValue(l.open, r.open) && sameValue(l.high, r.high) && sameValue(l.low, r.low) &&
                      sameValue(l.close, r.close) && sameValue(l.volume, r.volume)) &&
                    logged++ < maxLogged)
                    qCWarning(lcStorage).noquote()
                        << QStringLiteral(
                               "%1 %2 bar at %3: live O %4 H %5 L %6 C %7 V %8, exchange O %9 H %10 L "
                               "%11 C %12 V %13; the live bar is kept")
                               .arg(symbol, intervalLabel(intervalSeconds))
                               .arg(l.openMs)
                               .arg(l.open, 0, 'g', 17)
                               .arg(l.high, 0, 'g', 17)
                               .arg(l.low, 0, 'g', 17)
                               .arg(l.close, 0, 'g', 17)
                               .arg(l.volume, 0, 'g', 17)
                               .arg(r.open, 0, 'g', 17)
                               .arg(r.high, 0, 'g', 17)
                               .arg(r.low, 0, 'g', 17)
                               .arg(r.close, 0, 'g', 17)
                               .arg(r.volume, 0, 'g', 17);
                out.push_back(l);
            }
            ++i;
            ++j;
        }
    }
    return out;
}

namespace {
std::vector<Bar> loadMerged(const QSqlDatabase &db, const QString &symbol, int intervalSeconds,
                            const QString &source, std::int64_t fromMs, std::int64_t toMs, int limit,
                            QString *error)
{
    std::vector<Bar> bars = loadRange(db, symbol, intervalSeconds, source, fromMs, toMs, limit, error);
    if (source != LiveSource || (error && !error->isEmpty()))
        return bars;
    // The newest `limit` open times of the union lie within the newest `limit` of each source.
    const std::vector<Bar> rest =
        loadRange(db, symbol, intervalSeconds, RestSource, fromMs, toMs, limit, error);
    if (rest.empty())
        return bars;
    bars = mergeLiveAndRest(bars, rest, symbol, intervalSeconds);
    if (limit >= 0 && bars.size() > std::size_t(limit))
        bars.erase(bars.begin(), bars.end() - limit);
    return bars;
}
} // namespace

std::vector<Bar> loadBars(const QSqlDatabase &db, const QString &symbol, Interval interval,
                          const QString &source, std::int64_t fromMs, std::int64_t toMs, int limit,
                          QString *error)
{
    return loadMerged(db, symbol, intervalSeconds(interval), source, fromMs, toMs, limit, error);
}

std::vector<Bar> loadBarsSeconds(const QSqlDatabase &db, const QString &symbol, int intervalSeconds,
                                 const QString &source, int limit, QString *error)
{
    return loadMerged(db, symbol, intervalSeconds, source, std::numeric_limits<std::int64_t>::min(),
                      std::numeric_limits<std::int64_t>::max(), limit, error);
}

QString sourceForDataset(const QString &name)
{
    return QStringLiteral("upload:") + name;
}

QList<DatasetInfo> datasets(const QSqlDatabase &db)
{
    QList<DatasetInfo> out;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT name FROM datasets ORDER BY name")))
        return out;
    while (q.next()) {
        DatasetInfo d;
        d.name = q.value(0).toString();
        d.source = sourceForDataset(d.name);
        out << d;
    }
    for (DatasetInfo &d : out) {
        QSqlQuery b(db);
        b.prepare(QStringLiteral(
            "SELECT DISTINCT s.name, b.interval_s FROM bars b JOIN symbols s ON s.id = b.symbol_id"
            " WHERE b.source = ? ORDER BY s.name"));
        b.addBindValue(d.source);
        if (b.exec()) {
            while (b.next()) {
                if (!d.symbols.contains(b.value(0).toString()))
                    d.symbols << b.value(0).toString();
                if (!d.intervalsSeconds.contains(b.value(1).toInt()))
                    d.intervalsSeconds << b.value(1).toInt();
            }
        }
        std::sort(d.intervalsSeconds.begin(), d.intervalsSeconds.end());
    }
    return out;
}

QString intervalLabel(int seconds)
{
    if (seconds > 0 && seconds % 86400 == 0)
        return QStringLiteral("%1d").arg(seconds / 86400);
    if (seconds > 0 && seconds % 3600 == 0)
        return QStringLiteral("%1h").arg(seconds / 3600);
    if (seconds > 0 && seconds % 60 == 0)
        return QStringLiteral("%1m").arg(seconds / 60);
    return QStringLiteral("%1s").arg(seconds);
}

std::vector<Bar> loadBarsSnapshot(QSqlDatabase db, const QString &symbol, Interval interval, int limit,
                                  std::int64_t *batchSeq, QString *error)
{
    *batchSeq = 0;
    if (!Database::beginSnapshot(db, error))
        return {};
    {
        QSqlQuery q(db);
        if (q.exec(QStringLiteral("SELECT batch_seq FROM ingest_state WHERE id = 1")) && q.next())
            *batchSeq = q.value(0).toLongLong();
    }
    std::vector<Bar> bars =
        loadBars(db, symbol, interval, LiveSource, std::numeric_limits<std::int64_t>::min(),
                 std::numeric_limits<std::int64_t>::max(), limit, error);
    Database::endSnapshot(db);
    return bars;
}

std::vector<LastTrade> lastTrades(const QSqlDatabase &db, const QStringList &symbols)
{
    std::vector<LastTrade> out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT t.trade_id, t.ts_ms FROM ticks t JOIN symbols s ON s.id = t.symbol_id"
                             " WHERE s.name = ? ORDER BY t.trade_id DESC LIMIT 1"));
    for (const QString &symbol : symbols) {
        q.addBindValue(symbol);
        if (q.exec() && q.next())
            out.push_back({symbol, q.value(0).toLongLong(), q.value(1).toLongLong()});
        q.finish();
    }
    return out;
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
        q.prepare(QStringLiteral(
            "SELECT count(*) FROM ticks t JOIN symbols s ON s.id = t.symbol_id WHERE s.name = ?"));
        q.addBindValue(symbol);
        q.exec();
    }
    return q.next() ? q.value(0).toLongLong() : 0;
}

bool exportBarsCsv(const QSqlDatabase &db, const QString &symbol, int intervalSeconds, const QString &path,
                   QString *error, const QString &source, std::int64_t *rows)
{
    QString err;
    const std::vector<Bar> bars = loadBarsSeconds(db, symbol, intervalSeconds, source, -1, &err);
    if (!err.isEmpty()) {
        if (error)
            *error = err;
        return false;
    }
    QSaveFile f(path);
    if (!openOutput(f, error))
        return false;
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
    if (!commitOutput(f, error))
        return false;
    if (rows)
        *rows = std::int64_t(bars.size());
    return true;
}

bool exportTicksCsv(const QSqlDatabase &db, const QString &symbol, std::int64_t fromMs, std::int64_t toMs,
                    const QString &path, QString *error, std::int64_t *rows)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT t.ts_ms, t.trade_id, t.price, t.qty, t.buyer_maker FROM ticks t"
                             " JOIN symbols s ON s.id = t.symbol_id"
                             " WHERE s.name = ? AND t.ts_ms >= ? AND t.ts_ms < ? ORDER BY t.trade_id"));
    q.addBindValue(symbol);
    q.addBindValue(qint64(fromMs));
    q.addBindValue(qint64(toMs));
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    QSaveFile f(path);
    if (!openOutput(f, error))
        return false;
    QByteArray out("ts_ms,trade_id,price,qty,buyer_maker\n");
    std::int64_t n = 0;
    while (q.next()) {
        appendInt(out, q.value(0).toLongLong());
        out.append(',');
        appendInt(out, q.value(1).toLongLong());
        out.append(',');
        appendDouble(out, q.value(2).toDouble());
        out.append(',');
        appendDouble(out, q.value(3).toDouble());
        out.append(q.value(4).toInt() ? ",1\n" : ",0\n");
        ++n;
        if (out.size() > (1 << 20)) {
            f.write(out);
            out.clear();
        }
    }
    f.write(out);
    if (!commitOutput(f, error))
        return false;
    if (rows)
        *rows = n;
    return true;
}

} // namespace pairlab::BarStore
