#pragma once

#include <QSqlDatabase>
#include <QString>

namespace pairlab {

/** Opens PairLab's database and keeps its schema current. A database is named by one string: a SQLite
 *  file path (the default backend), or a PostgreSQL URL `postgresql://[user@]host[:port]/dbname[?param=…]`
 *  (QPSQL; the password comes from libpq's PGPASSWORD or ~/.pgpass, never from PairLab's settings).
 *  Each thread opens its own connection (QSqlDatabase connections must not cross threads): call
 *  open() on the thread that will use it, with a connection name unique to that thread.
 *  Schema changes are forward-only migrations numbered by `PRAGMA user_version` on SQLite and by the
 *  table pairlab_schema on PostgreSQL; both backends have the same tables, keys and behaviour. */
class Database
{
public:
    static constexpr int SchemaVersion = 5;

    enum class Backend { SQLite, PostgreSQL };
    /** The backend a database string names: PostgreSQL for postgresql:// and postgres:// URLs. */
    static Backend backendOf(const QString &database);
    static Backend backend(const QSqlDatabase &db);
    static bool isPostgres(const QString &database) { return backendOf(database) == Backend::PostgreSQL; }
    /** The database string for messages and logs: a URL's password is replaced by "***". */
    static QString displayName(const QString &database);
    /** Checks a PostgreSQL URL's shape (scheme, host, database name, known parameters); empty when fine. */
    static QString checkPostgresUrl(const QString &url);

    /** Starts a read-only transaction whose reads all see one snapshot (repeatable read on PostgreSQL). */
    static bool beginSnapshot(QSqlDatabase &db, QString *error);
    static void endSnapshot(QSqlDatabase &db);

    /** Opens (creating if needed; on PostgreSQL the database must exist, the tables are created) the
     * database, applies WAL/synchronous settings and migrates. Returns an invalid QSqlDatabase and sets error
     * on failure. */
    static QSqlDatabase open(const QString &path, const QString &connectionName, QString *error);

    /** A reader's connection: no schema changes, no pragmas that need the write lock. Returns an invalid
     *  connection with an empty error while nothing is stored yet (no file, schema not created), and with
     *  an error when the file cannot be opened or is from a newer PairLab. */
    static QSqlDatabase openReadOnly(const QString &path, const QString &connectionName, QString *error);

    /** Runs fn(QSqlDatabase&) on a reader connection of its own, opened and closed on the calling thread
     *  (a worker's). While nothing is stored yet, fn is not run and error stays empty. */
    template <typename F> static void withReader(const QString &path, F &&fn, QString *error)
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
