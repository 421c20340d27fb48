#pragma once

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

namespace pairlab::Sql {

/** Sets error to q's last error; returns false (for `return failed(q, error);`). */
inline bool failed(const QSqlQuery &q, QString *error)
{
    if (error)
        *error = q.lastError().text();
    return false;
}

/** Runs body() in one transaction on db: committed when it returns true, rolled back when it returns false
 * (its error stands) or the commit fails. All or nothing. */
template <typename Body> bool inTransaction(QSqlDatabase &db, QString *error, Body &&body)
{
    if (!db.transaction()) {
        if (error)
            *error = db.lastError().text();
        return false;
    }
    if (!body()) {
        db.rollback();
        return false;
    }
    if (!db.commit()) {
        if (error)
            *error = db.lastError().text();
        db.rollback();
        return false;
    }
    return true;
}

/** Ids of table symbols by name, a symbol added when new (inside the caller's transaction). */
class SymbolIds
{
public:
    explicit SymbolIds(const QSqlDatabase &db) : m_add(db), m_select(db)
    {
        m_add.prepare(QStringLiteral("INSERT INTO symbols(name) VALUES(?) ON CONFLICT(name) DO NOTHING"));
        m_select.prepare(QStringLiteral("SELECT id FROM symbols WHERE name = ?"));
    }
    bool id(const QString &symbol, qint64 *id, QString *error)
    {
        m_add.addBindValue(symbol);
        if (!m_add.exec())
            return failed(m_add, error);
        m_select.addBindValue(symbol);
        if (!m_select.exec() || !m_select.next())
            return failed(m_select, error);
        *id = m_select.value(0).toLongLong();
        m_select.finish();
        return true;
    }

private:
    QSqlQuery m_add, m_select;
};

} // namespace pairlab::Sql
