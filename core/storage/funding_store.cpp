#include "storage/funding_store.h"

#include "storage/sql_transaction.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <cmath>

namespace pairlab::FundingStore {

bool store(QSqlDatabase &db, const QString &symbol, const std::vector<FundingEvent> &events, qint64 *stored,
           QString *error)
{
    if (stored)
        *stored = 0;
    if (events.empty())
        return true;
    qint64 added = 0;
    const bool ok = Sql::inTransaction(db, error, [&] {
        qint64 id = 0;
        if (!Sql::SymbolIds(db).id(symbol, &id, error))
            return false;
        QSqlQuery insert(db);
        insert.prepare(
            QStringLiteral("INSERT INTO funding(symbol_id, funding_time_ms, rate, mark_price)"
                           " VALUES(?, ?, ?, ?) ON CONFLICT(symbol_id, funding_time_ms) DO NOTHING"));
        for (const FundingEvent &e : events) {
            insert.addBindValue(id);
            insert.addBindValue(e.timeMs);
            insert.addBindValue(e.rate);
            insert.addBindValue(std::isfinite(e.markPrice) ? QVariant(e.markPrice)
                                                           : QVariant(QMetaType::fromType<double>()));
            if (!insert.exec())
                return Sql::failed(insert, error);
            added += std::max(insert.numRowsAffected(), 0);
        }
        return true;
    });
    if (ok && stored)
        *stored = added;
    return ok;
}

std::vector<FundingEvent> load(const QSqlDatabase &db, const QString &symbol, qint64 fromMs, qint64 toMs,
                               QString *error)
{
    std::vector<FundingEvent> out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT f.funding_time_ms, f.rate, f.mark_price FROM funding f"
                             " JOIN symbols s ON s.id = f.symbol_id"
                             " WHERE s.name = ? AND f.funding_time_ms >= ? AND f.funding_time_ms < ?"
                             " ORDER BY f.funding_time_ms"));
    q.addBindValue(symbol);
    q.addBindValue(fromMs);
    q.addBindValue(toMs);
    if (!q.exec()) {
        Sql::failed(q, error);
        return out;
    }
    while (q.next()) {
        FundingEvent e;
        e.timeMs = q.value(0).toLongLong();
        e.rate = q.value(1).toDouble();
        if (!q.value(2).isNull())
            e.markPrice = q.value(2).toDouble();
        out.push_back(e);
    }
    return out;
}

std::vector<std::pair<qint64, qint64>> missingRanges(const QSqlDatabase &db, const QString &symbol,
                                                     qint64 fromMs, qint64 toMs, QString *error)
{
    constexpr qint64 MaxGapMs = qint64(8) * 3600 * 1000 + 60000;
    std::vector<std::pair<qint64, qint64>> out;
    if (toMs <= fromMs)
        return out;
    QString err;
    const std::vector<FundingEvent> have = load(db, symbol, fromMs, toMs, &err);
    if (!err.isEmpty()) {
        if (error)
            *error = err;
        return out;
    }
    if (have.empty())
        return {{fromMs, toMs}};
    if (have.front().timeMs - fromMs > MaxGapMs)
        out.emplace_back(fromMs, have.front().timeMs);
    for (std::size_t i = 1; i < have.size(); ++i)
        if (have[i].timeMs - have[i - 1].timeMs > MaxGapMs)
            out.emplace_back(have[i - 1].timeMs + 1, have[i].timeMs);
    if (have.back().timeMs + 1 < toMs)
        out.emplace_back(have.back().timeMs + 1, toMs);
    return out;
}

qint64 lastTime(const QSqlDatabase &db, const QString &symbol, QString *error)
{
    QSqlQuery q(db);
    q.prepare(
        QStringLiteral("SELECT MAX(f.funding_time_ms) FROM funding f JOIN symbols s ON s.id = f.symbol_id"
                       " WHERE s.name = ?"));
    q.addBindValue(symbol);
    if (!q.exec()) {
        Sql::failed(q, error);
        return -1;
    }
    return q.next() && !q.value(0).isNull() ? q.value(0).toLongLong() : -1;
}

} // namespace pairlab::FundingStore
