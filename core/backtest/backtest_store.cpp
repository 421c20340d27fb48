#include "backtest/backtest_store.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace pairlab {

namespace {

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QJsonObject parse(const QString &s)
{
    return QJsonDocument::fromJson(s.toUtf8()).object();
}

} // namespace

BacktestStore::BacktestStore(QSqlDatabase db) : m_db(std::move(db)) {}

qint64 BacktestStore::save(const QString &pair, const BacktestConfig &config, const BacktestSummary &summary,
                           qint64 createdMs, QString *error)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO backtests(created_ms, pair, params_json, summary_json) VALUES(?, ?, ?, ?) RETURNING id"));
    q.addBindValue(QVariant::fromValue(createdMs ? createdMs : QDateTime::currentMSecsSinceEpoch()));
    q.addBindValue(pair);
    q.addBindValue(compact(config.toJson()));
    q.addBindValue(compact(summary.toJson()));
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return 0;
    }
    return q.next() ? q.value(0).toLongLong() : 0; // RETURNING: lastInsertId() is SQLite-only
}

QList<StoredBacktest> BacktestStore::list(const QString &pair, QString *error) const
{
    QList<StoredBacktest> out;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, created_ms, pair, params_json, summary_json FROM backtests %1 "
                             "ORDER BY created_ms DESC, id DESC")
                  .arg(pair.isEmpty() ? QString() : QStringLiteral("WHERE pair = ?")));
    if (!pair.isEmpty())
        q.addBindValue(pair);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return out;
    }
    while (q.next()) {
        StoredBacktest b;
        b.id = q.value(0).toLongLong();
        b.createdMs = q.value(1).toLongLong();
        b.pair = q.value(2).toString();
        b.config = BacktestConfig::fromJson(parse(q.value(3).toString()));
        b.summary = BacktestSummary::fromJson(parse(q.value(4).toString()));
        out << b;
    }
    return out;
}

bool BacktestStore::remove(qint64 id, QString *error)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM backtests WHERE id = ?"));
    q.addBindValue(QVariant::fromValue(id));
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    return true;
}

} // namespace pairlab
