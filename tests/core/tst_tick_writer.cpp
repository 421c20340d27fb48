#include "storage/tick_writer.h"

#include "bars/bar_aggregator.h"
#include "real_ticks.h"
#include "storage/bar_store.h"
#include "storage/database.h"
#include "test_database.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace pairlab;

/** TickWriter: every trade stored once whatever is sent twice, bars in the database equal the bars of the
 *  unique ticks, and the schema migrates forward only. */
class TestTickWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void storesEveryTickOnceAndBarsMatch();
    void overlappingResendAddsNothing();
    void freshDatabaseHasCurrentSchema();
    void refusesDatabaseFromTheFuture();
    void reopeningKeepsData();
    void secondWriterOnTheSameDatabaseNeverDuplicates();

private:
    std::vector<Tick> m_ticks;
};

void TestTickWriter::initTestCase()
{
    if (!test::backendAvailable())
        return;
    m_ticks = test::loadRealTicks(QString::fromLatin1(test::CombinedRecording));
    QVERIFY(!m_ticks.empty());
}

void TestTickWriter::storesEveryTickOnceAndBarsMatch()
{
    test::ScratchDatabase scratch;
    const QString path = scratch.spec();
    TickWriter w(path);
    QString error;
    QVERIFY2(w.open(&error), qPrintable(error));
    WriteStats total;
    std::int64_t lastSeq = 0;
    for (std::size_t i = 0; i < m_ticks.size(); i += 1000) {
        const std::span<const Tick> batch(m_ticks.data() + i, std::min<std::size_t>(1000, m_ticks.size() - i));
        WriteStats s;
        QVERIFY2(w.write(batch, &s, &error), qPrintable(error));
        QVERIFY(s.batchSeq > lastSeq);
        lastSeq = s.batchSeq;
        total.stored += s.stored;
    }
    QCOMPARE(total.stored, std::int64_t(m_ticks.size()));
    w.close();

    QSqlDatabase db = Database::open(path, QStringLiteral("check"), &error);
    QVERIFY2(db.isValid(), qPrintable(error));
    QCOMPARE(BarStore::tickCount(db), std::int64_t(m_ticks.size()));
    QCOMPARE(BarStore::symbols(db), (QStringList{QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")}));
    BarAggregator agg;
    for (const BarUpdate &u : agg.aggregate(m_ticks)) {
        const std::vector<Bar> stored = BarStore::loadBars(db, u.symbol.toString(), u.interval);
        QCOMPARE(stored.size(), u.bars.size());
        for (std::size_t i = 0; i < stored.size(); ++i) {
            QCOMPARE(stored[i].openMs, u.bars[i].openMs);
            QCOMPARE(stored[i].open, u.bars[i].open);
            QCOMPARE(stored[i].close, u.bars[i].close);
            QCOMPARE(stored[i].high, u.bars[i].high);
            QCOMPARE(stored[i].low, u.bars[i].low);
            QCOMPARE(stored[i].trades, u.bars[i].trades);
            QVERIFY(test::fuzzyEqual(stored[i].volume, u.bars[i].volume, 1e-12, 1e-9));
        }
    }
    db = QSqlDatabase();
    Database::close(QStringLiteral("check"));
}

void TestTickWriter::overlappingResendAddsNothing()
{
    test::ScratchDatabase scratch;
    const QString path = scratch.spec();
    TickWriter w(path);
    QString error;
    QVERIFY(w.open(&error));
    const std::span<const Tick> all(m_ticks);
    WriteStats s;
    QVERIFY(w.write(all.subspan(0, 6000), &s, &error));
    // A reconnect resends ticks 5000..9999: the first 1000 are duplicates.
    std::vector<Tick> fresh;
    std::vector<BarUpdate> bars;
    QVERIFY(w.write(all.subspan(5000, 5000), &s, &error, &fresh, &bars));
    QCOMPARE(s.duplicates, 1000);
    QCOMPARE(s.stored, 4000);
    QCOMPARE(fresh.size(), std::size_t(4000));
    QCOMPARE(fresh.front().tradeId, m_ticks[6000].tradeId);
    QVERIFY(w.write(all, &s, &error));
    QCOMPARE(s.stored, std::int64_t(m_ticks.size()) - 10000);
    w.close();

    QSqlDatabase db = Database::open(path, QStringLiteral("check2"), &error);
    QCOMPARE(BarStore::tickCount(db), std::int64_t(m_ticks.size()));
    // The 5m bars' trade counts add up to the unique ticks: nothing counted twice.
    std::int64_t trades = 0;
    for (const QString &sym : BarStore::symbols(db))
        for (const Bar &b : BarStore::loadBars(db, sym, Interval::M5))
            trades += b.trades;
    QCOMPARE(trades, std::int64_t(m_ticks.size()));
    db = QSqlDatabase();
    Database::close(QStringLiteral("check2"));
}

void TestTickWriter::freshDatabaseHasCurrentSchema()
{
    test::ScratchDatabase scratch;
    QString error;
    {
        QSqlDatabase db = Database::open(scratch.spec(), QStringLiteral("schema"), &error);
        QVERIFY2(db.isValid(), qPrintable(error));
        QCOMPARE(Database::userVersion(db), Database::SchemaVersion);
        for (const char *t : {"symbols", "ticks", "bars", "datasets", "alert_rules", "alert_events", "backtests"})
            QVERIFY2(QSqlQuery(db).exec(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(t))), t);
        QCOMPARE(Database::backend(db), test::usingPostgres() ? Database::Backend::PostgreSQL : Database::Backend::SQLite);
        if (!test::usingPostgres()) {
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        }
    }
    Database::close(QStringLiteral("schema"));
}

void TestTickWriter::refusesDatabaseFromTheFuture()
{
    test::ScratchDatabase scratch;
    const QString path = scratch.spec();
    QString error;
    {
        QSqlDatabase db = Database::open(path, QStringLiteral("future"), &error);
        QVERIFY(QSqlQuery(db).exec(test::usingPostgres() ? QStringLiteral("UPDATE pairlab_schema SET version = 99")
                                                         : QStringLiteral("PRAGMA user_version = 99")));
    }
    Database::close(QStringLiteral("future"));
    {
        QSqlDatabase db = Database::open(path, QStringLiteral("future2"), &error);
        QVERIFY(!db.isValid());
        QVERIFY2(error.contains(QLatin1String("99")), qPrintable(error));
    }
    Database::close(QStringLiteral("future2"));
}

void TestTickWriter::reopeningKeepsData()
{
    test::ScratchDatabase scratch;
    const QString path = scratch.spec();
    QString error;
    for (int round = 0; round < 2; ++round) {
        TickWriter w(path);
        QVERIFY(w.open(&error));
        WriteStats s;
        QVERIFY(w.write(std::span<const Tick>(m_ticks).subspan(0, 100), &s, &error));
        QCOMPARE(s.stored, round == 0 ? 100 : 0);
    }
}

void TestTickWriter::secondWriterOnTheSameDatabaseNeverDuplicates()
{
    // Writer A learns the largest stored trade ids; writer B then stores later trades behind its back.
    // When A is sent an overlapping stretch, its multi-row shortcut sees the conflict and decides row by row.
    test::ScratchDatabase scratch;
    const QString path = scratch.spec();
    const std::span<const Tick> all(m_ticks);
    QString error;
    TickWriter a(path), b(path);
    QVERIFY(a.open(&error) && b.open(&error));
    WriteStats s;
    QVERIFY(a.write(all.subspan(0, 1000), &s, &error));
    QVERIFY(b.write(all.subspan(1000, 3000), &s, &error));
    QCOMPARE(s.stored, 3000);
    std::vector<Tick> fresh;
    QVERIFY2(a.write(all.subspan(500, 5000), &s, &error, &fresh), qPrintable(error));
    QCOMPARE(s.stored, 1500);
    QCOMPARE(s.duplicates, 3500);
    QCOMPARE(fresh.front().tradeId, m_ticks[4000].tradeId);
    a.close();
    b.close();
    QSqlDatabase db = Database::open(path, QStringLiteral("two"), &error);
    QCOMPARE(BarStore::tickCount(db), 5500);
    std::int64_t trades = 0;
    for (const QString &sym : BarStore::symbols(db))
        for (const Bar &bar : BarStore::loadBars(db, sym, Interval::M1))
            trades += bar.trades;
    QCOMPARE(trades, 5500);
    db = QSqlDatabase();
    Database::close(QStringLiteral("two"));
}

QTEST_GUILESS_MAIN(TestTickWriter)
#include "tst_tick_writer.moc"
