#include "storage/database.h"

#include <QDir>
#include <QFileInfo>
#include <QObject>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>

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
        // 2: stretches of trade ids the stream skipped, and what the back-fill made of them
        QStringLiteral(R"sql(
CREATE TABLE gaps(
  symbol_id   INTEGER NOT NULL REFERENCES symbols(id),
  from_id     INTEGER NOT NULL,
  to_id       INTEGER NOT NULL,
  from_ms     INTEGER NOT NULL,
  to_ms       INTEGER NOT NULL,
  state       TEXT    NOT NULL CHECK (state IN ('open', 'filled', 'unfillable')),
  reason      TEXT    NOT NULL DEFAULT '',
  detected_ms INTEGER NOT NULL,
  PRIMARY KEY(symbol_id, from_id)
) WITHOUT ROWID;
)sql"),
        // 3: the exchange's symbol catalogue (exchangeInfo + 24 h quote volume), refreshed daily
        QStringLiteral(R"sql(
CREATE TABLE instruments(
  symbol           TEXT    NOT NULL PRIMARY KEY,
  base_asset       TEXT    NOT NULL,
  quote_asset      TEXT    NOT NULL,
  tick_size        REAL    NOT NULL,
  step_size        REAL    NOT NULL,
  onboard_ms       INTEGER NOT NULL,
  quote_volume_24h REAL,
  updated_ms       INTEGER NOT NULL
) WITHOUT ROWID;
)sql"),
        // 4: quote bars (best bid/offer per 1 s / 1 m / 5 m bin, by update id; DESIGN.md §3)
        QStringLiteral(R"sql(
CREATE TABLE quote_bars(
  symbol_id  INTEGER NOT NULL REFERENCES symbols(id),
  interval_s INTEGER NOT NULL,
  open_ms    INTEGER NOT NULL,
  bid_open   REAL    NOT NULL,
  bid_high   REAL    NOT NULL,
  bid_low    REAL    NOT NULL,
  bid_close  REAL    NOT NULL,
  ask_open   REAL    NOT NULL,
  ask_high   REAL    NOT NULL,
  ask_low    REAL    NOT NULL,
  ask_close  REAL    NOT NULL,
  updates    INTEGER NOT NULL,
  first_uid  INTEGER NOT NULL,
  last_uid   INTEGER NOT NULL,
  PRIMARY KEY(symbol_id, interval_s, open_ms)
) WITHOUT ROWID;
)sql"),
        // 5: funding events (rate per funding period, mark price when known; DESIGN.md §3)
        QStringLiteral(R"sql(
CREATE TABLE funding(
  symbol_id       INTEGER NOT NULL REFERENCES symbols(id),
  funding_time_ms INTEGER NOT NULL,
  rate            REAL    NOT NULL,
  mark_price      REAL,
  PRIMARY KEY(symbol_id, funding_time_ms)
) WITHOUT ROWID;
)sql"),
    };
    return steps;
}

// The same schema on PostgreSQL (DESIGN.md §3): 64-bit integers, double precision, identity ids. ticks and
// bars carry no foreign key to symbols: PostgreSQL checks one with a query per row, which takes COPY of ticks
// from ~1 M to ~0.3 M rows/s, and distributed engines often cannot enforce one across shards; PairLab adds
// a symbol in the same transaction before its first row. Works unchanged on TimescaleDB (README, PostgreSQL).
const QStringList &postgresMigrationSteps()
{
    static const QStringList steps = {
        // 1: initial schema
        QStringLiteral(R"sql(
CREATE TABLE symbols(
  id   INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);
CREATE TABLE ticks(
  symbol_id   INTEGER NOT NULL,
  trade_id    BIGINT  NOT NULL,
  ts_ms       BIGINT  NOT NULL,
  price       DOUBLE PRECISION NOT NULL,
  qty         DOUBLE PRECISION NOT NULL,
  buyer_maker SMALLINT NOT NULL,
  PRIMARY KEY(symbol_id, trade_id)
);
CREATE TABLE ingest_state(
  id        INTEGER PRIMARY KEY CHECK (id = 1),
  batch_seq BIGINT NOT NULL
);
INSERT INTO ingest_state(id, batch_seq) VALUES(1, 0);
CREATE TABLE datasets(
  id          BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  source_file TEXT,
  format      TEXT,
  created_ms  BIGINT NOT NULL,
  rows        BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE bars(
  symbol_id      INTEGER NOT NULL,
  interval_s     INTEGER NOT NULL,
  source         TEXT    NOT NULL,
  open_ms        BIGINT  NOT NULL,
  open           DOUBLE PRECISION NOT NULL,
  high           DOUBLE PRECISION NOT NULL,
  low            DOUBLE PRECISION NOT NULL,
  close          DOUBLE PRECISION NOT NULL,
  volume         DOUBLE PRECISION NOT NULL,
  trades         BIGINT  NOT NULL,
  first_trade_id BIGINT  NOT NULL DEFAULT 0,
  last_trade_id  BIGINT  NOT NULL DEFAULT 0,
  PRIMARY KEY(symbol_id, interval_s, source, open_ms)
);
CREATE TABLE alert_rules(
  id          BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  name        TEXT NOT NULL,
  pair        TEXT NOT NULL DEFAULT '*',
  expression  TEXT NOT NULL,
  enabled     INTEGER NOT NULL DEFAULT 1,
  trigger_mode TEXT NOT NULL DEFAULT 'rising',
  cooldown_s  DOUBLE PRECISION NOT NULL DEFAULT 60,
  min_bars    INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE alert_events(
  id        BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  rule_id   BIGINT REFERENCES alert_rules(id) ON DELETE SET NULL,
  ts_ms     BIGINT NOT NULL,
  rule_name TEXT NOT NULL,
  pair      TEXT NOT NULL,
  values_json TEXT NOT NULL,
  message   TEXT NOT NULL
);
CREATE TABLE backtests(
  id          BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  created_ms  BIGINT NOT NULL,
  pair        TEXT NOT NULL,
  params_json TEXT NOT NULL,
  summary_json TEXT NOT NULL
);
)sql"),
        // 2: gaps
        QStringLiteral(R"sql(
CREATE TABLE gaps(
  symbol_id   INTEGER NOT NULL,
  from_id     BIGINT  NOT NULL,
  to_id       BIGINT  NOT NULL,
  from_ms     BIGINT  NOT NULL,
  to_ms       BIGINT  NOT NULL,
  state       TEXT    NOT NULL CHECK (state IN ('open', 'filled', 'unfillable')),
  reason      TEXT    NOT NULL DEFAULT '',
  detected_ms BIGINT  NOT NULL,
  PRIMARY KEY(symbol_id, from_id)
);
)sql"),
        // 3: the exchange's symbol catalogue
        QStringLiteral(R"sql(
CREATE TABLE instruments(
  symbol           TEXT             NOT NULL PRIMARY KEY,
  base_asset       TEXT             NOT NULL,
  quote_asset      TEXT             NOT NULL,
  tick_size        DOUBLE PRECISION NOT NULL,
  step_size        DOUBLE PRECISION NOT NULL,
  onboard_ms       BIGINT           NOT NULL,
  quote_volume_24h DOUBLE PRECISION,
  updated_ms       BIGINT           NOT NULL
);
)sql"),
        // 4: quote bars
        QStringLiteral(R"sql(
CREATE TABLE quote_bars(
  symbol_id  INTEGER          NOT NULL,
  interval_s INTEGER          NOT NULL,
  open_ms    BIGINT           NOT NULL,
  bid_open   DOUBLE PRECISION NOT NULL,
  bid_high   DOUBLE PRECISION NOT NULL,
  bid_low    DOUBLE PRECISION NOT NULL,
  bid_close  DOUBLE PRECISION NOT NULL,
  ask_open   DOUBLE PRECISION NOT NULL,
  ask_high   DOUBLE PRECISION NOT NULL,
  ask_low    DOUBLE PRECISION NOT NULL,
  ask_close  DOUBLE PRECISION NOT NULL,
  updates    BIGINT           NOT NULL,
  first_uid  BIGINT           NOT NULL,
  last_uid   BIGINT           NOT NULL,
  PRIMARY KEY(symbol_id, interval_s, open_ms)
);
)sql"),
        // 5: funding events
        QStringLiteral(R"sql(
CREATE TABLE funding(
  symbol_id       INTEGER          NOT NULL,
  funding_time_ms BIGINT           NOT NULL,
  rate            DOUBLE PRECISION NOT NULL,
  mark_price      DOUBLE PRECISION,
  PRIMARY KEY(symbol_id, funding_time_ms)
);
)sql"),
    };
    return steps;
}

// Migrations of concurrent instances queue on this transaction-scoped advisory lock.
constexpr qint64 MigrationLockKey = 0x506169724c616221; // "PairLab!"

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

const QStringList &postgresParameters()
{
    static const QStringList names = {QStringLiteral("host"),
                                      QStringLiteral("sslmode"),
                                      QStringLiteral("sslrootcert"),
                                      QStringLiteral("sslcert"),
                                      QStringLiteral("sslkey"),
                                      QStringLiteral("connect_timeout"),
                                      QStringLiteral("application_name"),
                                      QStringLiteral("options"),
                                      QStringLiteral("target_session_attrs")};
    return names;
}

// A QPSQL connection from a postgresql:// URL (user and password default to libpq's PGUSER/PGPASSWORD
// and ~/.pgpass); invalid with error on failure.
QSqlDatabase connectPostgres(const QString &url, const QString &connectionName, QString *error)
{
    const QString problem = Database::checkPostgresUrl(url);
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return QSqlDatabase();
    }
    const QUrl u(url);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
    if (!db.isValid()) {
        if (error)
            *error = QObject::tr("the PostgreSQL driver of Qt (QPSQL) is not installed");
        return QSqlDatabase();
    }
    db.setDatabaseName(u.path().mid(1));
    if (!u.host().isEmpty())
        db.setHostName(u.host());
    if (u.port() > 0)
        db.setPort(u.port());
    if (!u.userName().isEmpty())
        db.setUserName(u.userName());
    if (!u.password().isEmpty())
        db.setPassword(u.password());
    QStringList options;
    bool timeout = false;
    const QUrlQuery query(u);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == QLatin1String("host"))
            db.setHostName(value);
        else // libpq conninfo: a value in single quotes, with \ and ' escaped
            options << key + QStringLiteral("='") +
                           QString(value)
                               .replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
                               .replace(QLatin1Char('\''), QStringLiteral("\\'")) +
                           QLatin1Char('\'');
        timeout = timeout || key == QLatin1String("connect_timeout");
    }
    if (!timeout)
        options << QStringLiteral("connect_timeout=10");
    if (!query.hasQueryItem(QStringLiteral("options"))) // no NOTICEs ("already exists, skipping") on stderr
        options << QStringLiteral("options='-c client_min_messages=warning'");
    db.setConnectOptions(options.join(QLatin1Char(';')));
    if (!db.open()) {
        if (error)
            *error = QObject::tr("cannot open database %1: %2")
                         .arg(Database::displayName(url), db.lastError().text());
        return QSqlDatabase();
    }
    return db;
}

QSqlDatabase connect(const QString &database, const QString &connectionName, QString *error)
{
    if (Database::isPostgres(database))
        return connectPostgres(database, connectionName, error);
    return connectSqlite(database, connectionName, error);
}

// The schema version on PostgreSQL: -1 when it cannot be read, 0 when PairLab's tables do not exist yet.
int postgresVersion(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT to_regclass('pairlab_schema') IS NOT NULL")) || !q.next())
        return -1;
    if (!q.value(0).toBool())
        return 0;
    if (!q.exec(QStringLiteral("SELECT version FROM pairlab_schema")))
        return -1;
    return q.next() ? q.value(0).toInt() : 0;
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

Database::Backend Database::backendOf(const QString &database)
{
    return database.startsWith(QLatin1String("postgresql://"), Qt::CaseInsensitive) ||
                   database.startsWith(QLatin1String("postgres://"), Qt::CaseInsensitive)
               ? Backend::PostgreSQL
               : Backend::SQLite;
}

Database::Backend Database::backend(const QSqlDatabase &db)
{
    return db.driverName() == QLatin1String("QPSQL") ? Backend::PostgreSQL : Backend::SQLite;
}

QString Database::displayName(const QString &database)
{
    if (!isPostgres(database))
        return database;
    QUrl u(database);
    if (!u.password().isEmpty())
        u.setPassword(QStringLiteral("***"));
    return u.toString();
}

QString Database::checkPostgresUrl(const QString &url)
{
    const QUrl u(url);
    if (!u.isValid())
        return QObject::tr("%1 is not a valid PostgreSQL URL: %2").arg(displayName(url), u.errorString());
    if (u.scheme() != QLatin1String("postgresql") && u.scheme() != QLatin1String("postgres"))
        return QObject::tr("a PostgreSQL URL starts with postgresql://, not %1").arg(u.scheme());
    const QUrlQuery query(u);
    if (u.host().isEmpty() && !query.hasQueryItem(QStringLiteral("host")))
        return QObject::tr("the PostgreSQL URL %1 names no host (postgresql://user@host:port/database)")
            .arg(displayName(url));
    if (u.path().size() < 2 || u.path().indexOf(QLatin1Char('/'), 1) >= 0)
        return QObject::tr("the PostgreSQL URL %1 names no database (postgresql://user@host:port/database)")
            .arg(displayName(url));
    for (const auto &item : query.queryItems()) {
        if (!postgresParameters().contains(item.first))
            return QObject::tr("unknown parameter '%1' in the PostgreSQL URL (known: %2)")
                .arg(item.first, postgresParameters().join(QStringLiteral(", ")));
    }
    return {};
}

bool Database::beginSnapshot(QSqlDatabase &db, QString *error)
{
    // SQLite: a deferred transaction reads one WAL snapshot from its first read on. PostgreSQL: read
    // committed would give each statement its own snapshot.
    const bool ok = backend(db) == Backend::PostgreSQL
                        ? exec(db, QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"), error)
                        : exec(db, QStringLiteral("BEGIN"), error);
    return ok;
}

void Database::endSnapshot(QSqlDatabase &db)
{
    exec(db, QStringLiteral("COMMIT"), nullptr);
}

int Database::userVersion(const QSqlDatabase &db)
{
    if (backend(db) == Backend::PostgreSQL)
        return postgresVersion(db);
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
        return q.value(0).toInt();
    return -1;
}

bool Database::migrate(QSqlDatabase &db, QString *error)
{
    const bool pg = backend(db) == Backend::PostgreSQL;
    // BEGIN IMMEDIATE takes the write lock (waiting out the busy timeout), so two connections that open a
    // new database at once migrate it once: the second reads the version the first committed. On
    // PostgreSQL an advisory lock does the same.
    if (!exec(db, pg ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN IMMEDIATE"), error))
        return false;
    auto abort = [&](const QString &why) {
        exec(db, QStringLiteral("ROLLBACK"), nullptr);
        if (error)
            *error = why;
        return false;
    };
    QString why;
    if (pg &&
        (!exec(db, QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(MigrationLockKey), &why) ||
         !exec(db, QStringLiteral("CREATE TABLE IF NOT EXISTS pairlab_schema(version INTEGER NOT NULL)"),
               &why)))
        return abort(why);
    const int current = userVersion(db);
    if (current < 0)
        return abort(QObject::tr("cannot read the schema version of %1").arg(displayName(db.databaseName())));
    const auto &steps = pg ? postgresMigrationSteps() : migrationSteps();
    if (current > steps.size())
        return abort(
            QObject::tr("database %1 has schema version %2, newer than this PairLab understands (%3)")
                .arg(displayName(db.databaseName()))
                .arg(current)
                .arg(steps.size()));
    for (int v = current; v < steps.size(); ++v) {
        // QSqlQuery runs one statement at a time; split the script on ';' at line ends.
        const QStringList statements = steps.at(v).split(QStringLiteral(";\n"), Qt::SkipEmptyParts);
        for (const QString &st : statements) {
            if (!st.trimmed().isEmpty() && !exec(db, st, &why))
                return abort(QObject::tr("migration to schema version %1 failed: %2").arg(v + 1).arg(why));
        }
    }
    if (current != steps.size()) {
        const bool stored =
            pg ? exec(db, QStringLiteral("DELETE FROM pairlab_schema"), &why) &&
                     exec(db,
                          QStringLiteral("INSERT INTO pairlab_schema(version) VALUES(%1)").arg(steps.size()),
                          &why)
               : exec(db, QStringLiteral("PRAGMA user_version = %1").arg(steps.size()), &why);
        if (!stored)
            return abort(why);
    }
    if (!exec(db, QStringLiteral("COMMIT"), &why))
        return abort(why);
    return true;
}

QSqlDatabase Database::openReadOnly(const QString &path, const QString &connectionName, QString *error)
{
    if (QSqlDatabase::contains(connectionName))
        QSqlDatabase::removeDatabase(connectionName);
    if (!isPostgres(path) && !QFileInfo::exists(path))
        return QSqlDatabase(); // nothing stored yet: not an error
    // Not SQLITE_OPEN_READONLY: a read-only connection cannot create the WAL index of a closed database.
    QSqlDatabase db = connect(path, connectionName, error);
    if (!db.isValid())
        return db;
    const int version = userVersion(db);
    if (version != SchemaVersion) {
        if (error && version > SchemaVersion) // an older version is being created or migrated right now
            *error =
                QObject::tr("database %1 has schema version %2, newer than this PairLab understands (%3)")
                    .arg(displayName(path))
                    .arg(version)
                    .arg(SchemaVersion);
        db.close();
        return QSqlDatabase();
    }
    return db;
}

QSqlDatabase Database::open(const QString &path, const QString &connectionName, QString *error)
{
    if (QSqlDatabase::contains(connectionName))
        QSqlDatabase::removeDatabase(connectionName);
    const bool pg = isPostgres(path);
    if (!pg) {
        const QString dir = QFileInfo(path).absolutePath();
        if (!QDir().mkpath(dir)) {
            if (error)
                *error = QObject::tr("cannot create the folder %1 of database %2").arg(dir, path);
            return QSqlDatabase();
        }
    }
    QSqlDatabase db = connect(path, connectionName, error);
    if (!db.isValid())
        return db;
    QString err;
    // 16 KiB pages: fewer B-tree splits per appended tick (takes effect when the file is created).
    const bool ok = pg ? migrate(db, &err)
                       : exec(db, QStringLiteral("PRAGMA page_size=16384"), &err) &&
                             exec(db, QStringLiteral("PRAGMA journal_mode=WAL"), &err) &&
                             exec(db, QStringLiteral("PRAGMA synchronous=NORMAL"), &err) &&
                             exec(db, QStringLiteral("PRAGMA foreign_keys=ON"), &err) && migrate(db, &err);
    if (!ok) {
        if (error)
            *error = QObject::tr("database %1: %2").arg(displayName(path), err);
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
