#include "storage/tick_writer.h"

#include "market/replay_server.h"
#include "real_ticks.h"
#include "session/live_session.h"
#include "storage/bar_store.h"
#include "storage/database.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace pairlab;

/** The database refuses writes (full disk, read-only file, a folder that cannot be made): the writer says
 *  so once, holds the ticks in memory and still hands them to the live views, leaves what is stored
 *  untouched, and stores everything exactly once when the database takes writes again. SQLite: the faults
 *  are made with PRAGMA max_page_count / query_only, which fail writes the way a full disk and a read-only
 *  file do. */
class TestStorageFaults : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void fullDiskHoldsTicksAndRecovers();
    void readOnlyDatabaseHoldsTicksAndRecovers();
    void unopenableDatabaseRetriesUntilItOpens();
    void liveSessionKeepsTheFeedRunningWhileStorageFails();

private:
    void refusedWritesAreHeldAndRecovered(const QStringList &faultStatements, const QString &expectedError);
    std::vector<Tick> m_ticks;
};

namespace {

QString scalar(const QString &path, const QString &sql)
{
    const QString name = QStringLiteral("faults-check");
    QString out;
    {
        QString error;
        QSqlDatabase db = Database::open(path, name, &error);
        QSqlQuery q(db);
        if (q.exec(sql) && q.next())
            out = q.value(0).toString();
    }
    Database::close(name);
    return out;
}

// Every stored 1 s bar's trade count adds up to the stored ticks (nothing counted twice or lost).
std::int64_t barTrades(const QString &path)
{
    const QString name = QStringLiteral("faults-bars");
    std::int64_t trades = 0;
    {
        QString error;
        QSqlDatabase db = Database::open(path, name, &error);
        for (const QString &sym : BarStore::symbols(db))
            for (const Bar &b : BarStore::loadBars(db, sym, Interval::S1))
                trades += b.trades;
    }
    Database::close(name);
    return trades;
}

} // namespace

void TestStorageFaults::initTestCase()
{
    registerMetaTypes();
    m_ticks = test::loadRealTicks(QString::fromLatin1(test::CombinedRecording));
    QVERIFY(m_ticks.size() > 10000);
}

void TestStorageFaults::refusedWritesAreHeldAndRecovered(const QStringList &faultStatements,
                                                         const QString &expectedError)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("faults.sqlite"));
    const std::span<const Tick> all(m_ticks);
    const std::size_t firstPart = 4000;
    TickWriter w(path);
    w.setRetryInterval(3600 * 1000); // retried by hand below
    QSignalSpy stored(&w, &TickWriter::stored);
    QSignalSpy failed(&w, &TickWriter::failed);
    QSignalSpy recovered(&w, &TickWriter::recovered);
    w.openOrRetry();
    QVERIFY(w.isOpen());
    w.writeBatch(std::make_shared<const std::vector<Tick>>(all.begin(), all.begin() + firstPart));
    QCOMPARE(stored.size(), 1);
    QCOMPARE(scalar(path, QStringLiteral("SELECT count(*) FROM ticks")).toLongLong(),
             std::int64_t(firstPart));

    // The fault: every later write is refused.
    QStringList statements = faultStatements;
    const QString pages = scalar(path, QStringLiteral("PRAGMA page_count"));
    for (QString &s : statements)
        s.replace(QLatin1String("$PAGES"), pages);
    w.setSessionStatements(statements);
    w.close();
    QVERIFY(w.open(nullptr));
    std::size_t sent = firstPart;
    std::int64_t shownTicks = 0;
    for (int batch = 0; batch < 5; ++batch) {
        const std::size_t n = 1500;
        // Each batch overlaps the previous one by 200 trades, as after a reconnect.
        const std::size_t from = sent - 200;
        w.writeBatch(std::make_shared<const std::vector<Tick>>(all.begin() + from, all.begin() + from + n));
        sent = from + n;
    }
    QCOMPARE(failed.size(), 1); // said once, not once per batch
    QVERIFY2(failed.first().first().toString().contains(expectedError),
             qPrintable(failed.first().first().toString()));
    QCOMPARE(w.pendingTicks(), std::size_t(5 * 1500));
    // The live views still got every new trade once, marked unsaved.
    for (int i = 1; i < stored.size(); ++i) {
        const auto stats = stored.at(i).at(2).value<WriteStats>();
        QVERIFY(stats.unsaved);
        QCOMPARE(stats.stored, 0);
        shownTicks += std::int64_t(stored.at(i).at(0).value<TickBatch>()->size());
    }
    QCOMPARE(shownTicks, std::int64_t(sent - firstPart));
    // Nothing stored was touched.
    QCOMPARE(scalar(path, QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
    QCOMPARE(scalar(path, QStringLiteral("SELECT count(*) FROM ticks")).toLongLong(),
             std::int64_t(firstPart));
    QString error;
    QVERIFY(!w.retryPending(&error));
    QVERIFY(error.contains(expectedError));
    QCOMPARE(w.pendingTicks(), std::size_t(5 * 1500));

    // The database takes writes again: everything held is stored, once.
    w.setSessionStatements({});
    const int storedBefore = int(stored.size());
    QVERIFY2(w.retryPending(&error), qPrintable(error));
    QCOMPARE(w.pendingTicks(), std::size_t(0));
    QCOMPARE(recovered.size(), 1);
    QCOMPARE(recovered.first().first().toLongLong(), qint64(sent - firstPart));
    QCOMPARE(stored.size(), storedBefore + 1);
    QCOMPARE(stored.last().at(2).value<WriteStats>().stored, std::int64_t(sent - firstPart));
    QVERIFY(stored.last().at(0).value<TickBatch>()->empty()); // already shown while held
    w.writeBatch(std::make_shared<const std::vector<Tick>>(all.begin() + sent, all.begin() + sent + 1000));
    QVERIFY(!stored.last().at(2).value<WriteStats>().unsaved);
    w.close();
    QCOMPARE(scalar(path, QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
    QCOMPARE(scalar(path, QStringLiteral("SELECT count(*) FROM ticks")).toLongLong(),
             std::int64_t(sent + 1000));
    QCOMPARE(barTrades(path), std::int64_t(sent + 1000));
}

void TestStorageFaults::fullDiskHoldsTicksAndRecovers()
{
    refusedWritesAreHeldAndRecovered({QStringLiteral("PRAGMA max_page_count = $PAGES")},
                                     QStringLiteral("full"));
}

void TestStorageFaults::readOnlyDatabaseHoldsTicksAndRecovers()
{
    refusedWritesAreHeldAndRecovered({QStringLiteral("PRAGMA query_only = 1")}, QStringLiteral("readonly"));
}

void TestStorageFaults::unopenableDatabaseRetriesUntilItOpens()
{
    // The database's folder cannot be made (a file stands in its way, which stops root too).
    QTemporaryDir dir;
    const QString blocker = dir.filePath(QStringLiteral("data"));
    {
        QFile f(blocker);
        QVERIFY(f.open(QIODevice::WriteOnly));
    }
    const QString path = blocker + QStringLiteral("/pairlab.sqlite");
    TickWriter w(path);
    w.setRetryInterval(50);
    QSignalSpy failed(&w, &TickWriter::failed);
    QSignalSpy recovered(&w, &TickWriter::recovered);
    QSignalSpy stored(&w, &TickWriter::stored);
    w.openOrRetry();
    QVERIFY(!w.isOpen());
    QCOMPARE(failed.size(), 1);
    QVERIFY2(failed.first().first().toString().contains(blocker),
             qPrintable(failed.first().first().toString()));
    w.writeBatch(std::make_shared<const std::vector<Tick>>(m_ticks.begin(), m_ticks.begin() + 3000));
    QCOMPARE(failed.size(), 1);
    QCOMPARE(w.pendingTicks(), std::size_t(3000));
    QVERIFY(stored.last().at(2).value<WriteStats>().unsaved);
    QTest::qWait(200); // retries keep failing quietly
    QCOMPARE(failed.size(), 1);
    QVERIFY(QFile::remove(blocker));
    QVERIFY(recovered.wait(5000));
    QCOMPARE(recovered.first().first().toLongLong(), 3000);
    QCOMPARE(w.pendingTicks(), std::size_t(0));
    w.close();
    QCOMPARE(scalar(path, QStringLiteral("SELECT count(*) FROM ticks")).toLongLong(), 3000);
}

void TestStorageFaults::liveSessionKeepsTheFeedRunningWhileStorageFails()
{
    // The whole path: replay server -> feed -> writer whose database folder cannot be made at first. The
    // feed keeps delivering (unsaved, to the views), and once the folder can be made every trade is stored
    // exactly once.
    Recording recording;
    QString error;
    QVERIFY2(
        Recording::load(test::sharedData(QString::fromLatin1(test::CombinedRecording)), &recording, &error),
        qPrintable(error));
    ReplayServer server;
    server.setRecording(recording);
    server.setSpeed(0);
    QVERIFY2(server.listen(0, &error), qPrintable(error));

    QTemporaryDir dir;
    const QString blocker = dir.filePath(QStringLiteral("data"));
    {
        QFile f(blocker);
        QVERIFY(f.open(QIODevice::WriteOnly));
    }
    const QString path = blocker + QStringLiteral("/pairlab.sqlite");
    FeedConfig cfg;
    cfg.endpoint = server.url();
    LiveSession session(cfg, path);
    session.setStorageRetryInterval(100);
    std::int64_t shown = 0, storedCount = 0;
    connect(&session, &LiveSession::stored, this,
            [&](const TickBatch &t, const BarBatch &, const WriteStats &s) {
                shown += t ? std::int64_t(t->size()) : 0;
                storedCount += s.stored;
            });
    QSignalSpy storageError(&session, &LiveSession::storageError);
    QSignalSpy recovered(&session, &LiveSession::storageRecovered);
    session.start();
    QTRY_VERIFY_WITH_TIMEOUT(shown == std::int64_t(m_ticks.size()), 20000);
    QCOMPARE(storedCount, 0);
    QCOMPARE(storageError.size(), 1);
    QVERIFY(session.isRunning());
    QVERIFY(QFile::remove(blocker));
    QVERIFY(recovered.wait(10000));
    QTRY_COMPARE_WITH_TIMEOUT(storedCount, std::int64_t(m_ticks.size()), 10000);
    session.stop();
    QCOMPARE(shown, std::int64_t(m_ticks.size())); // nothing shown twice
    QCOMPARE(scalar(path, QStringLiteral("SELECT count(*) FROM ticks")).toLongLong(),
             std::int64_t(m_ticks.size()));
    QCOMPARE(barTrades(path), std::int64_t(m_ticks.size()));
}

QTEST_GUILESS_MAIN(TestStorageFaults)
#include "tst_storage_faults.moc"
