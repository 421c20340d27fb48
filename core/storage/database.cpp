#include "storage/database.h"

#include <QFileInfo>
#include <QObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QThread>

#include <atomic>

namespace pairlab {

namespace {

// Migration k brings user_version from k-1 to k. Never edit a released step; append a new one.
const QStringList &migrationSteps()
{
    static const QStringList steps = {
        // 1: initial schema (DESIGN.md §3)
        QStringLiteral(R"sql(
CREATE TABLE symbols(
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);
CREATE TABLE ticks(
  symbol_id   INTEGER NOT NULL REFERENCES symbols(id),
  trade_id    INTEGER NOT NULL,
  ts_ms       INTEGER NOT NULL,
  price       REAL    NOT NULL,
  qty         REAL    NOT NULL,
  buyer_maker INTEGER NOT NULL,
  PRIMARY KEY(symbol_id, trade_id)
) WITHOUT ROWID;
CREATE TABLE ingest_state(
  id        INTEGER PRIMARY KEY CHECK (id = 1),
  batch_seq INTEGER NOT NULL
);
INSERT INTO ingest_state(id, batch_seq) VALUES(1, 0);
CREATE TABLE datasets(
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  source_file TEXT,
  format      TEXT,
  created_ms  INTEGER NOT NULL,
  rows        INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE bars(
  symbol_id      INTEGER NOT NULL REFERENCES symbols(id),
  interval_s     INTEGER NOT NULL,
  source         TEXT    NOT NULL,
  open_ms        INTEGER NOT NULL,
  open           REAL    NOT NULL,
  high           REAL    NOT NULL,
  low            REAL    NOT NULL,
  close          REAL    NOT NULL,
  volume         REAL    NOT NULL,
  trades         INTEGER NOT NULL,
  first_trade_id INTEGER NOT NULL DEFAULT 0,
  last_trade_id  INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY(symbol_id, interval_s, source, open_ms)
) WITHOUT ROWID;
CREATE TABLE alert_rules(
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  pair        TEXT NOT NULL DEFAULT '*',
  expression  TEXT NOT NULL,
  enabled     INTEGER NOT NULL DEFAULT 1,
  trigger_mode TEXT NOT NULL DEFAULT 'rising',
  cooldown_s  REAL NOT NULL DEFAULT 60,
  min_bars    INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE alert_events(
  id        INTEGER PRIMARY KEY,
  rule_id   INTEGER REFERENCES alert_rules(id) ON DELETE SET NULL,
  ts_ms     INTEGER NOT NULL,
  rule_name TEXT NOT NULL,
  pair      TEXT NOT NULL,
  values_json TEXT NOT NULL,
  message   TEXT NOT NULL
);
CREATE TABLE backtests(
  id          INTEGER PRIMARY KEY,
  created_ms  INTEGER NOT NULL,
  pair        TEXT NOT NULL,
  params_json TEXT NOT NULL,
  summary_json TEXT NOT NULL
);
)sql"),
    };
    return steps;
}

bool exec(QSqlDatabase &db, const QString &sql, QString *error)
{
    QSqlQuery q(db);
    if (!q.exec(sql)) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    return true;
}

// A SQLite connection under connectionName that waits up to 5 s for a lock; invalid with error on failure.
QSqlDatabase connectSqlite(const QString &path, const QString &connectionName, QString *error)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open()) {
        if (error)
            *error = QObject::tr("cannot open database %1: %2").arg(path, db.lastError().text());
        return QSqlDatabase();
    }
    return db;
}

} // namespace

QString Database::uniqueConnectionName(const QString &prefix)
{
    static std::atomic<quint64> counter{0};
    return QStringLiteral("%1-%2").arg(prefix).arg(counter.fetch_add(1));
}

QString Database::threadConnectionName(const QString &prefix)
{
    return QStringLiteral("%1-%2").arg(prefix).arg(quintptr(QThread::currentThreadId()), 0, 16);
}

int Database::userVersion(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
        return q.value(0).toInt();
    return -1;
}

bool Database::migrate(QSqlDatabase &db, QString *error)
{
    // BEGIN IMMEDIATE takes the write lock (waiting out the busy timeout), so two connections that open a
    // new database at once migrate it once: the second reads the version the first committed.
    if (!exec(db, QStringLiteral("BEGIN IMMEDIATE"), error))
        return false;
    auto abort = [&](const QString &why) {
        exec(db, QStringLiteral("ROLLBACK"), nullptr);
        if (error)
            *error = why;
        return false;
    };
    const int current = userVersion(db);
    if (current < 0)
        return abort(QObject::tr("cannot read the schema version of %1").arg(db.databaseName()));
    const auto &steps = migrationSteps();
    if (current > steps.size())
        return abort(QObject::tr("database %1 has schema version %2, newer than this PairLab understands (%3)")
                         .arg(db.databaseName())
                         .arg(current)
                         .arg(steps.size()));
    for (int v = current; v < steps.size(); ++v) {
        // QSqlQuery runs one statement at a time; split the script on ';' at line ends.
        const QStringList statements = steps.at(v).split(QStringLiteral(";\n"), Qt::SkipEmptyParts);
        for (const QString &st : statements) {
            QString why;
            if (!st.trimmed().isEmpty() && !exec(db, st, &why))
                return abort(QObject::tr("migration to schema version %1 failed: %2").arg(v + 1).arg(why));
        }
    }
    QString why;
    if (current != steps.size() && !exec(db, QStringLiteral("PRAGMA user_version = %1").arg(steps.size()), &why))
        return abort(why);
    if (!exec(db, QStringLiteral("COMMIT"), &why))
        return abort(why);
    return true;
}

QSqlDatabase Database::openReadOnly(const QString &path, const QString &connectionName, QString *error)
{
    if (QSqlDatabase::contains(connectionName))
        QSqlDatabase::removeDatabase(connectionName);
    if (!QFileInfo::exists(path))
        return QSqlDatabase(); // nothing stored yet: not an error
    // Not SQLITE_OPEN_READONLY: a read-only connection cannot create the WAL index of a closed database.
    QSqlDatabase db = connectSqlite(path, connectionName, error);
    if (!db.isValid())
        return db;
    const int version = userVersion(db);
    if (version != SchemaVersion) {
        if (error && version > SchemaVersion) // an older version is being created or migrated right now
            *error = QObject::tr("database %1 has schema version %2, newer than this PairLab understands (%3)")
                         .arg(path).arg(version).arg(SchemaVersion);
        db.close();
        return QSqlDatabase();
    }
    return db;
}

QSqlDatabase Database::open(const QString &path, const QString &connectionName, QString *error)
{
    if (QSqlDatabase::contains(connectionName))
        QSqlDatabase::removeDatabase(connectionName);
    QSqlDatabase db = connectSqlite(path, connectionName, error);
    if (!db.isValid())
        return db;
    QString err;
    // 16 KiB pages: fewer B-tree splits per appended tick (takes effect when the file is created).
    if (!exec(db, QStringLiteral("PRAGMA page_size=16384"), &err) ||
        !exec(db, QStringLiteral("PRAGMA journal_mode=WAL"), &err) ||
        !exec(db, QStringLiteral("PRAGMA synchronous=NORMAL"), &err) ||
        !exec(db, QStringLiteral("PRAGMA foreign_keys=ON"), &err) || !migrate(db, &err)) {
        if (error)
            *error = QObject::tr("database %1: %2").arg(path, err);
        db.close();
        return QSqlDatabase();
    }
    return db;
}

void Database::close(const QString &connectionName)
{
    {
        QSqlDatabase db = QSqlDatabase::database(connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
}

} // namespace pairlab
