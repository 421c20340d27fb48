#pragma once

#include <QSqlDatabase>
#include <QString>

namespace pairlab {

/** Opens PairLab's database and keeps its schema current. SQLite is the default backend.
 *  Each thread opens its own connection (QSqlDatabase connections must not cross threads): call
 *  open() on the thread that will use it, with a connection name unique to that thread.
 *  Schema changes are forward-only migrations numbered by `PRAGMA user_version`. */
class Database
{
public:
    static constexpr int SchemaVersion = 1;

    /** Opens (creating if needed) the database at path, applies WAL/synchronous settings and migrates.
     *  Returns an invalid QSqlDatabase and sets error on failure. */
    static QSqlDatabase open(const QString &path, const QString &connectionName, QString *error);

    /** A reader's connection: no schema changes, no pragmas that need the write lock. Returns an invalid
     *  connection with an empty error while nothing is stored yet (no file, schema not created), and with
     *  an error when the file cannot be opened or is from a newer PairLab. */
    static QSqlDatabase openReadOnly(const QString &path, const QString &connectionName, QString *error);

    /** Runs fn(QSqlDatabase&) on a reader connection of its own, opened and closed on the calling thread
     *  (a worker's). While nothing is stored yet, fn is not run and error stays empty. */
    template <typename F>
    static void withReader(const QString &path, F &&fn, QString *error)
    {
        const QString name = uniqueConnectionName(QStringLiteral("reader"));
        {
            QSqlDatabase db = openReadOnly(path, name, error);
            if (db.isValid())
                fn(db);
        }
        close(name);
    }
    static QString uniqueConnectionName(const QString &prefix);

    /** Closes and removes a connection opened with open(). */
    static void close(const QString &connectionName);

    /** Brings an open database to SchemaVersion; returns false with error on failure (nothing changed). */
    static bool migrate(QSqlDatabase &db, QString *error);
    static int userVersion(const QSqlDatabase &db);

    /** A connection name unique to the calling thread, with a prefix saying who uses it. */
    static QString threadConnectionName(const QString &prefix);
};

} // namespace pairlab
