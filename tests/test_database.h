#pragma once

#include <QCoreApplication>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <atomic>

namespace pairlab::test {

/** The storage tests run once per backend: SQLite by default, PostgreSQL when PAIRLAB_TEST_BACKEND is
 *  "postgresql", on the server named by PAIRLAB_TEST_POSTGRES (a postgresql:// URL of a database the
 *  tests may connect to and create databases from; .ci/run starts one on a loopback port). */
inline bool usingPostgres()
{
    return qgetenv("PAIRLAB_TEST_BACKEND") == "postgresql";
}

inline QString postgresServer()
{
    return QString::fromLocal8Bit(qgetenv("PAIRLAB_TEST_POSTGRES"));
}

/** For initTestCase() of a storage test: skips the PostgreSQL run when no server is configured, except in
 *  CI (CI=true), where a missing server is a failure. Returns false when the test should stop. */
inline bool backendAvailable()
{
    if (!usingPostgres() || !postgresServer().isEmpty())
        return true;
    if (qgetenv("CI") == "true")
        QTest::qFail("PAIRLAB_TEST_BACKEND=postgresql but PAIRLAB_TEST_POSTGRES names no server", __FILE__,
                     __LINE__);
    else
        QTest::qSkip("PostgreSQL run: set PAIRLAB_TEST_POSTGRES=postgresql://user@host:port/db", __FILE__,
                     __LINE__);
    return false;
}

/** A new, empty database for one test: a SQLite file in a temporary folder, or on PostgreSQL a schema of
 *  its own (the URL's search_path; much faster than a database per test), dropped again by the destructor.
 *  spec() is what PairLab's storage takes. */
class ScratchDatabase
{
public:
    explicit ScratchDatabase(const QString &name = QStringLiteral("t"))
    {
        if (!usingPostgres()) {
            m_spec = m_dir.filePath(name + QStringLiteral(".sqlite"));
            return;
        }
        static std::atomic<int> counter{0};
        m_name = QStringLiteral("pairlab_test_%1_%2")
                     .arg(QCoreApplication::applicationPid())
                     .arg(counter.fetch_add(1));
        if (!admin(QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE").arg(m_name)) ||
            !admin(QStringLiteral("CREATE SCHEMA %1").arg(m_name)))
            return;
        QUrl u(postgresServer());
        u.setQuery(QStringLiteral("options=-c%20search_path%3D") + m_name +
                   QStringLiteral("%20-c%20client_min_messages%3Dwarning"));
        m_spec = u.toString(QUrl::FullyEncoded);
    }
    ~ScratchDatabase()
    {
        if (!m_name.isEmpty())
            admin(QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE").arg(m_name));
    }
    ScratchDatabase(const ScratchDatabase &) = delete;
    ScratchDatabase &operator=(const ScratchDatabase &) = delete;

    QString spec() const { return m_spec; }
    QString error() const { return m_error; }
    /** A path next to the database for files a test writes (exports, recordings). */
    QString filePath(const QString &name) const { return m_dir.filePath(name); }

    /** Empties the database as if it were new (SQLite: removes the files; PostgreSQL: drops the schema's
     *  tables). */
    bool reset()
    {
        if (!usingPostgres()) {
            for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
                QFile::remove(m_spec + suffix);
            return true;
        }
        return admin(QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE").arg(m_name)) &&
               admin(QStringLiteral("CREATE SCHEMA %1").arg(m_name));
    }

private:
    bool admin(const QString &sql)
    {
        const QString conn = QStringLiteral("pairlab-test-admin");
        bool ok = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), conn);
            const QUrl u(postgresServer());
            db.setHostName(u.host());
            db.setPort(u.port(5432));
            db.setUserName(u.userName());
            db.setDatabaseName(u.path().mid(1));
            db.setConnectOptions(QStringLiteral("options='-c client_min_messages=warning'"));
            if (db.open()) {
                QSqlQuery q(db);
                ok = q.exec(sql);
                if (!ok)
                    m_error = q.lastError().text();
            } else {
                m_error = db.lastError().text();
            }
        }
        QSqlDatabase::removeDatabase(conn);
        return ok;
    }

    QTemporaryDir m_dir;
    QString m_spec;
    QString m_name;
    QString m_error;
};

} // namespace pairlab::test
