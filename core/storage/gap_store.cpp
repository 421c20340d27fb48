#include "storage/gap_store.h"

#include "storage/database.h"

#include <QDateTime>
#include <QObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace pairlab::GapStore {

namespace {

bool fail(QSqlQuery &q, QString *error)
{
    if (error)
        *error = q.lastError().text();
    return false;
}

bool symbolId(QSqlDatabase &db, const QString &name, qint64 *id, QString *error)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO symbols(name) SELECT ? WHERE NOT EXISTS "
                             "(SELECT 1 FROM symbols WHERE name = ?)"));
    q.addBindValue(name);
    q.addBindValue(name);
    if (!q.exec())
        return fail(q, error);
    q.prepare(QStringLiteral("SELECT id FROM symbols WHERE name = ?"));
    q.addBindValue(name);
    if (!q.exec() || !q.next())
        return fail(q, error);
    *id = q.value(0).toLongLong();
    return true;
}

} // namespace

bool putGaps(QSqlDatabase &db, const TradeGapList &gaps, QString *error)
{
    if (gaps.isEmpty())
        return true;
    if (!db.transaction()) {
        if (error)
            *error = db.lastError().text();
        return false;
    }
    auto abort = [&](const QSqlQuery *failed) {
        if (failed && error)
            *error = failed->lastError().text();
        db.rollback();
        return false;
    };
    QSqlQuery update(db), insert(db);
    update.prepare(QStringLiteral("UPDATE gaps SET to_id = ?, from_ms = ?, to_ms = ?, state = ?, reason = ?, "
                                  "detected_ms = ? WHERE symbol_id = ? AND from_id = ?"));
    insert.prepare(
        QStringLiteral("INSERT INTO gaps(symbol_id, from_id, to_id, from_ms, to_ms, state, reason, "
                       "detected_ms) VALUES(?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const TradeGap &g : gaps) {
        qint64 sid = 0;
        if (!symbolId(db, g.symbol.toString(), &sid, error))
            return abort(nullptr);
        update.addBindValue(qint64(g.toId));
        update.addBindValue(qint64(g.fromMs));
        update.addBindValue(qint64(g.toMs));
        update.addBindValue(gapStateName(g.state));
        const QString reason = g.reason.isNull() ? QStringLiteral("") : g.reason; // a null QString is NULL
        update.addBindValue(reason);
        update.addBindValue(qint64(g.detectedMs));
        update.addBindValue(sid);
        update.addBindValue(qint64(g.fromId));
        if (!update.exec())
            return abort(&update);
        if (update.numRowsAffected() > 0)
            continue;
        insert.addBindValue(sid);
        insert.addBindValue(qint64(g.fromId));
        insert.addBindValue(qint64(g.toId));
        insert.addBindValue(qint64(g.fromMs));
        insert.addBindValue(qint64(g.toMs));
        insert.addBindValue(gapStateName(g.state));
        insert.addBindValue(reason);
        insert.addBindValue(qint64(g.detectedMs));
        if (!insert.exec())
            return abort(&insert);
    }
    if (!db.commit()) {
        if (error)
            *error = db.lastError().text();
        db.rollback();
        return false;
    }
    return true;
}

TradeGapList loadGaps(const QSqlDatabase &db, const QString &symbol, std::int64_t fromMs, std::int64_t toMs,
                      QString *error)
{
    TradeGapList out;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT s.name, g.from_id, g.to_id, g.from_ms, g.to_ms, g.state, g.reason, "
                             "g.detected_ms FROM gaps g JOIN symbols s ON s.id = g.symbol_id "
                             "WHERE (? = '' OR s.name = ?) AND g.to_ms >= ? AND g.from_ms <= ? "
                             "ORDER BY s.name, g.from_id"));
    const QString name = symbol.isNull() ? QStringLiteral("") : symbol; // a null QString binds NULL
    q.addBindValue(name);
    q.addBindValue(name);
    q.addBindValue(qint64(fromMs));
    q.addBindValue(qint64(toMs));
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return out;
    }
    while (q.next()) {
        TradeGap g;
        g.symbol = SymbolCode::fromString(q.value(0).toString());
        g.fromId = q.value(1).toLongLong();
        g.toId = q.value(2).toLongLong();
        g.fromMs = q.value(3).toLongLong();
        g.toMs = q.value(4).toLongLong();
        g.state = gapStateFromName(q.value(5).toString());
        g.reason = q.value(6).toString();
        g.detectedMs = q.value(7).toLongLong();
        out << g;
    }
    return out;
}

} // namespace pairlab::GapStore

namespace pairlab {

GapRecorder::GapRecorder(QString database, QObject *parent) : QObject(parent), m_database(std::move(database))
{
}

GapRecorder::~GapRecorder()
{
    if (!m_connection.isEmpty())
        Database::close(m_connection);
}

bool GapRecorder::ensureOpen()
{
    if (!m_connection.isEmpty() && QSqlDatabase::database(m_connection, false).isOpen())
        return true;
    if (m_connection.isEmpty())
        m_connection = Database::uniqueConnectionName(QStringLiteral("gaps"));
    QString error;
    if (!Database::open(m_database, m_connection, &error).isValid()) {
        Q_EMIT failed(tr("cannot record gaps: %1").arg(error));
        return false;
    }
    return true;
}

void GapRecorder::record(const TradeGapList &gaps)
{
    if (gaps.isEmpty() || !ensureOpen())
        return;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QString error;
    if (!GapStore::putGaps(db, gaps, &error))
        Q_EMIT failed(tr("cannot record gaps: %1").arg(error));
}

void GapRecorder::load(qint64 maxAgeMs)
{
    if (!ensureOpen())
        return;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QString error;
    const TradeGapList gaps = GapStore::loadGaps(db, {}, QDateTime::currentMSecsSinceEpoch() - maxAgeMs,
                                                 std::numeric_limits<std::int64_t>::max(), &error);
    if (!error.isEmpty())
        Q_EMIT failed(tr("cannot read the recorded gaps: %1").arg(error));
    else
        Q_EMIT loaded(gaps);
}

} // namespace pairlab
