#include "storage/quote_store.h"

#include "io/number_format.h"
#include "storage/sql_transaction.h"

#include <QObject>
#include <QSaveFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <limits>

namespace pairlab::QuoteStore {

namespace {

using Sql::failed;

/** A row of the columns kColumns names, in that order. */
constexpr const char *kColumns =
    "b.open_ms, b.bid_open, b.bid_high, b.bid_low, b.bid_close, b.ask_open, b.ask_high,"
    " b.ask_low, b.ask_close, b.updates, b.first_uid, b.last_uid";

QuoteBar readBar(const QSqlQuery &q)
{
    QuoteBar b;
    b.openMs = q.value(0).toLongLong();
    b.bidOpen = q.value(1).toDouble();
    b.bidHigh = q.value(2).toDouble();
    b.bidLow = q.value(3).toDouble();
    b.bidClose = q.value(4).toDouble();
    b.askOpen = q.value(5).toDouble();
    b.askHigh = q.value(6).toDouble();
    b.askLow = q.value(7).toDouble();
    b.askClose = q.value(8).toDouble();
    b.updates = q.value(9).toLongLong();
    b.firstUpdateId = q.value(10).toLongLong();
    b.lastUpdateId = q.value(11).toLongLong();
    return b;
}

/** The upserts of store(), inside its transaction. */
bool storeAll(QSqlDatabase &db, const std::vector<QuoteBarUpdate> &updates, QString *error)
{
    Sql::SymbolIds ids(db);
    QSqlQuery upsert(db);
    // The same merge as Bar::merge, in SQL both engines take (SET reads the row as it was).
    const auto pick = [](const char *column, const char *test) {
        return QStringLiteral("%1 = CASE WHEN %2 THEN excluded.%1 ELSE quote_bars.%1 END")
            .arg(QLatin1String(column), QLatin1String(test));
    };
    const char *earlier = "excluded.first_uid < quote_bars.first_uid";
    const char *later = "excluded.last_uid > quote_bars.last_uid";
    upsert.prepare(
        QStringLiteral(
            "INSERT INTO quote_bars(symbol_id, interval_s, open_ms, bid_open, bid_high, bid_low, bid_close,"
            " ask_open, ask_high, ask_low, ask_close, updates, first_uid, last_uid)"
            " VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT(symbol_id, interval_s, open_ms) DO UPDATE SET ") +
        QStringList{pick("bid_open", earlier), pick("ask_open", earlier), pick("first_uid", earlier),
                    pick("bid_close", later), pick("ask_close", later), pick("last_uid", later),
                    pick("bid_high", "excluded.bid_high > quote_bars.bid_high"),
                    pick("ask_high", "excluded.ask_high > quote_bars.ask_high"),
                    pick("bid_low", "excluded.bid_low < quote_bars.bid_low"),
                    pick("ask_low", "excluded.ask_low < quote_bars.ask_low"),
                    QStringLiteral("updates = quote_bars.updates + excluded.updates")}
            .join(QStringLiteral(", ")));
    for (const QuoteBarUpdate &u : updates) {
        qint64 id = 0;
        if (!ids.id(u.symbol.toString(), &id, error))
            return false;
        for (const QuoteBar &b : u.bars) {
            upsert.addBindValue(id);
            upsert.addBindValue(intervalSeconds(u.interval));
            upsert.addBindValue(qint64(b.openMs));
            for (double v :
                 {b.bidOpen, b.bidHigh, b.bidLow, b.bidClose, b.askOpen, b.askHigh, b.askLow, b.askClose})
                upsert.addBindValue(v);
            upsert.addBindValue(qint64(b.updates));
            upsert.addBindValue(qint64(b.firstUpdateId));
            upsert.addBindValue(qint64(b.lastUpdateId));
            if (!upsert.exec())
                return Sql::failed(upsert, error);
        }
    }
    return true;
}

} // namespace

std::int64_t lastUpdateId(const QSqlDatabase &db, const QString &symbol, QString *error)
{
    QSqlQuery q(db);
    // Every update is binned into all three lengths: the 5 m bars hold the same maximum in 1/300 of the rows.
    q.prepare(QStringLiteral("SELECT MAX(b.last_uid) FROM quote_bars b JOIN symbols s ON s.id = b.symbol_id"
                             " WHERE s.name = ? AND b.interval_s = 300"));
    q.addBindValue(symbol);
    if (!q.exec()) {
        failed(q, error);
        return 0;
    }
    return q.next() ? q.value(0).toLongLong() : 0;
}

bool store(QSqlDatabase &db, const std::vector<QuoteBarUpdate> &updates, QString *error)
{
    if (updates.empty())
        return true;
    return Sql::inTransaction(db, error, [&] { return storeAll(db, updates, error); });
}

std::vector<QuoteBar> load(const QSqlDatabase &db, const QString &symbol, Interval interval, QString *error)
{
    return load(db, symbol, interval, std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max(),
                error);
}

std::vector<QuoteBar> load(const QSqlDatabase &db, const QString &symbol, Interval interval, qint64 fromMs,
                           qint64 toMs, QString *error)
{
    std::vector<QuoteBar> out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM quote_bars b JOIN symbols s ON s.id = b.symbol_id"
                             " WHERE s.name = ? AND b.interval_s = ? AND b.open_ms >= ? AND b.open_ms < ?"
                             " ORDER BY b.open_ms")
                  .arg(QLatin1String(kColumns)));
    q.addBindValue(symbol);
    q.addBindValue(intervalSeconds(interval));
    q.addBindValue(fromMs);
    q.addBindValue(toMs);
    if (!q.exec()) {
        failed(q, error);
        return out;
    }
    while (q.next())
        out.push_back(readBar(q));
    return out;
}

std::vector<QuoteBar> loadNewest(const QSqlDatabase &db, const QString &symbol, Interval interval, int limit,
                                 QString *error)
{
    std::vector<QuoteBar> out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM quote_bars b JOIN symbols s ON s.id = b.symbol_id"
                             " WHERE s.name = ? AND b.interval_s = ? ORDER BY b.open_ms DESC LIMIT ?")
                  .arg(QLatin1String(kColumns)));
    q.addBindValue(symbol);
    q.addBindValue(intervalSeconds(interval));
    q.addBindValue(std::max(limit, 0));
    if (!q.exec()) {
        failed(q, error);
        return out;
    }
    while (q.next())
        out.push_back(readBar(q));
    std::reverse(out.begin(), out.end());
    return out;
}

void quotedSpreadBps(const std::vector<QuoteBar> &bars, std::vector<qint64> *openMs, std::vector<double> *bps)
{
    openMs->clear();
    bps->clear();
    openMs->reserve(bars.size());
    bps->reserve(bars.size());
    for (const QuoteBar &b : bars) {
        const double mid = (b.askClose + b.bidClose) / 2;
        openMs->push_back(b.openMs);
        bps->push_back(mid > 0 ? 1e4 * (b.askClose - b.bidClose) / mid
                               : std::numeric_limits<double>::quiet_NaN());
    }
}

bool exportCsv(const QSqlDatabase &db, const QString &symbol, Interval interval, const QString &path,
               QString *error, std::int64_t *rows)
{
    QString err;
    const std::vector<QuoteBar> bars = load(db, symbol, interval, &err);
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
    QByteArray out(
        "open_ms,bid_open,bid_high,bid_low,bid_close,ask_open,ask_high,ask_low,ask_close,updates\n");
    out.reserve(qsizetype(bars.size()) * 96 + 96);
    for (const QuoteBar &b : bars) {
        appendInt(out, b.openMs);
        for (double v :
             {b.bidOpen, b.bidHigh, b.bidLow, b.bidClose, b.askOpen, b.askHigh, b.askLow, b.askClose}) {
            out.append(',');
            appendDouble(out, v);
        }
        out.append(',');
        appendInt(out, b.updates);
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

} // namespace pairlab::QuoteStore
