#include "controllers/pair_controller.h"
#include "controllers/session_controller.h"
#include "market/replay_server.h"
#include "storage/bar_store.h"
#include "storage/database.h"
#include "storage/funding_store.h"

#include "test_util.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace pairlab;

namespace {

qint64 storedTrades(const QString &dbPath)
{
    qint64 n = -1;
    QString error;
    Database::withReader(
        dbPath,
        [&](QSqlDatabase &db) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT count(*) FROM ticks")) && q.next())
                n = q.value(0).toLongLong();
        },
        &error);
    return n;
}

/** Stored 1 s bars of a symbol (live source). */
qint64 barsOf(const QString &dbPath, const QString &symbol, int seconds, const QString &source)
{
    qint64 n = 0;
    QString error;
    Database::withReader(
        dbPath,
        [&](QSqlDatabase &db) { n = qint64(BarStore::loadBarsSeconds(db, symbol, seconds, source).size()); },
        &error);
    return n;
}

qint64 liveBars(const QString &dbPath, const QString &symbol)
{
    return barsOf(dbPath, symbol, 1, BarStore::LiveSource);
}

} // namespace

/** The session lifecycle without a window: demo and replay through the local replay server, counts,
 *  messages, stop. */
class TestSessionController : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { registerMetaTypes(); }

    void demoStoresTheRecordingAndSaysWhatItIs()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("demo.sqlite"));
        SessionController c;
        c.setDemoSpeed(200); // 5 min 45 s of trades in about two seconds
        QSignalSpy started(&c, &SessionController::started);
        QSignalSpy messages(&c, &SessionController::message);
        QSignalSpy finished(&c, &SessionController::replayFinished);
        QSignalSpy noTrades(&c, &SessionController::noTrades);
        QString error;
        QVERIFY2(c.startDemo(FeedConfig(), db, &error), qPrintable(error));
        QCOMPARE(c.kind(), SessionController::Kind::Demo);
        QVERIFY(c.isReplay());
        QCOMPARE(started.size(), 1);
        QCOMPARE(started.first().at(1).toStringList(),
                 (QStringList{QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")}));
        QCOMPARE(started.first().at(2).toString(), db);
        QVERIFY(messages.first().at(0).toString().contains(
            QLatin1String("2024-08-08"))); // says it is a recording
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 1, 60000);
        // Every one of the recording's 35,389 trades stored once and counted once (a loaded machine may take
        // a while to catch up with a replay at 200 times real time).
        QTRY_COMPARE_WITH_TIMEOUT(c.storedTicks(), qint64(35389), 120000);
        QCOMPARE(storedTrades(db), qint64(35389));
        QCOMPARE(c.unsavedTicks(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(messages.last().at(0).toString().contains(QLatin1String("ended")), 5000);
        QCOMPARE(noTrades.size(), 0); // a replay never offers the demo
        c.stop();
        QVERIFY(!c.isRunning());
        QCOMPARE(c.kind(), SessionController::Kind::None);
        QCOMPARE(c.databasePath(), db); // the data stays where it went
        // stop() did not join the session's threads: it ends on its own, reported through the event loop.
        QCOMPARE(c.retiringSessions(), 1);

        // A second demo looks exactly like the first: it starts on an empty scratch database, so the
        // recording's trade ids are not duplicates ("0 trades stored") but stored and counted again. It
        // starts at once, while the first may still be closing the same file: its storage opens after that.
        QVERIFY2(c.startDemo(FeedConfig(), db, &error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(c.retiringSessions(), 0, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 2, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(c.storedTicks(), qint64(35389), 120000);
        QCOMPARE(storedTrades(db), qint64(35389));
        c.stop();
    }

    void demoStartsWithHistory()
    {
        // At normal speed the Pair tab needs 120 bars of 1 s: the demo's first 2 min 30 s arrive at once.
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("demo.sqlite"));
        SessionController c;
        c.setDemoSpeed(1);
        QString error;
        QVERIFY2(c.startDemo(FeedConfig(), db, &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(c.storedTicks() > 10000, 15000); // real time would give ~1,500 in 15 s
        QTRY_VERIFY_WITH_TIMEOUT(liveBars(db, QStringLiteral("BTCUSDT")) >= 120, 15000);
        c.stop();
    }

    void demoHasSevenDaysOfExchangeHistory()
    {
        // The demo serves the exchange's klines on loopback and fills them through the same back-fill as
        // Binance's: seven days of 1 m and 5 m bars of both symbols, before the recording begins.
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("demo.sqlite"));
        SessionController c;
        c.setDemoSpeed(1);
        QSignalSpy progress(&c, &SessionController::historyProgress);
        QSignalSpy landed(&c, &SessionController::historyLanded);
        QString error;
        QVERIFY2(c.startDemo(FeedConfig(), db, &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty() && progress.last().at(0).toString().isEmpty(), 30000);
        QVERIFY(progress.size() >= 2);
        QVERIFY2(progress.first().at(0).toString().contains(QLatin1String(" of 7 days")),
                 qPrintable(progress.first().at(0).toString()));
        for (const QString &symbol : {QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")}) {
            QCOMPARE(barsOf(db, symbol, 60, BarStore::RestSource), qint64(7 * 1440));
            QCOMPARE(barsOf(db, symbol, 300, BarStore::RestSource), qint64(7 * 288));
        }
        QVERIFY(landed.size() >= 4);
        // And the funding of that week (the bundled real rates and marks), on the 8 h grid, each event once:
        // what the Backtest dialog's funding reads.
        for (const QString &symbol : {QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")}) {
            std::vector<FundingEvent> events;
            Database::withReader(
                db,
                [&](QSqlDatabase &conn) {
                    events = FundingStore::load(conn, symbol, 0, std::numeric_limits<qint64>::max());
                },
                &error);
            QVERIFY2(events.size() >= 19 && events.size() <= 22, qPrintable(QString::number(events.size())));
            for (const FundingEvent &e : events) {
                QVERIFY(e.timeMs % (8 * 3600000LL) < 1000);
                QVERIFY(e.rate != 0 && std::isfinite(e.markPrice) && e.markPrice > 0);
            }
        }
        // The Pair tab on 1 m bars: a whole analysis of the week at once, not after two hours.
        PairController pair;
        pair.setLiveSymbols({QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")});
        pair.setIntervalSeconds(60);
        pair.setWindow(120);
        pair.setDatabase(db);
        QTRY_VERIFY_WITH_TIMEOUT(pair.state().kind == PairState::Kind::Ready, 15000);
        QVERIFY2(pair.state().bars >= 7 * 1440, qPrintable(pair.statusText()));
        QVERIFY(pair.result().analytics.full->ok());
        c.stop();
    }

    void replaysARecordingWithItsOwnSymbols()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("replay.sqlite"));
        SessionController c;
        QSignalSpy counts(&c, &SessionController::countsChanged);
        QSignalSpy states(&c, &SessionController::feedStateChanged);
        QString error;
        const QString file =
            test::sharedData(QStringLiteral("real/binance_ws/binance_usdm_ethusdt_trade_20240808.jsonl"));
        QVERIFY2(c.startReplay(file, FeedConfig(), db, &error), qPrintable(error));
        QCOMPARE(c.kind(), SessionController::Kind::Replay);
        QCOMPARE(c.symbols(), QStringList{QStringLiteral("ETHUSDT")});
        c.replayServer()->setSpeed(1000);
        QTRY_VERIFY_WITH_TIMEOUT(c.feedState() == FeedState::Connected, 10000);
        QSignalSpy finished(&c, &SessionController::replayFinished);
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 1, 60000);
        // Every stored trade counted once: the count and the database agree, and stay so (the last trades may
        // still be on their way when the server has sent them; a loaded machine may take a while).
        QElapsedTimer clock;
        clock.start();
        qint64 agreed = -1;
        bool settled = false;
        while (!settled && clock.elapsed() < 120000) {
            const qint64 counted = c.storedTicks(), inDb = storedTrades(db);
            settled = counted == inDb && counted == agreed;
            agreed = counted == inDb ? counted : -1;
            if (!settled)
                QTest::qWait(500);
        }
        QVERIFY2(
            settled,
            qPrintable(QStringLiteral("counted %1, stored %2").arg(c.storedTicks()).arg(storedTrades(db))));
        QVERIFY(!counts.isEmpty() && c.storedTicks() > 1000);
        c.stop();
    }

    void aMissingRecordingIsRefusedAndNothingStarts()
    {
        QTemporaryDir dir;
        SessionController c;
        QSignalSpy started(&c, &SessionController::started);
        QString error;
        QVERIFY(!c.startReplay(dir.filePath(QStringLiteral("nothing.jsonl")), FeedConfig(),
                               dir.filePath(QStringLiteral("x.sqlite")), &error));
        QVERIFY(!error.isEmpty());
        QCOMPARE(started.size(), 0);
        QVERIFY(!c.isRunning());
        QCOMPARE(c.kind(), SessionController::Kind::None);
    }

    void aSilentLiveFeedOffersTheDemo()
    {
        QTemporaryDir dir;
        SessionController c;
        c.setNoDataHintSeconds(1);
        QSignalSpy noTrades(&c, &SessionController::noTrades);
        FeedConfig feed;
        feed.endpoint = QUrl(QStringLiteral("ws://127.0.0.1:1/stream")); // nothing listens there
        c.startLive(feed, dir.filePath(QStringLiteral("live.sqlite")));
        QCOMPARE(c.kind(), SessionController::Kind::Live);
        QTRY_VERIFY_WITH_TIMEOUT(noTrades.size() == 1, 10000);
        QVERIFY(noTrades.first().at(0).toString().contains(QLatin1String("No trades")));
        c.stop();
    }
};

QTEST_GUILESS_MAIN(TestSessionController)
#include "tst_session_controller.moc"
