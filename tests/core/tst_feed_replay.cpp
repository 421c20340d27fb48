#include "market/binance_feed.h"
#include "market/replay_server.h"
#include "session/live_session.h"
#include "storage/bar_store.h"
#include "storage/database.h"

#include "real_ticks.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <set>

using namespace pairlab;

/** BinanceFeed against the local ReplayServer on loopback, through the whole live path into SQLite:
 *  real frames, a server that drops the connection mid-stream and resends an overlapping stretch after the
 *  reconnect, unsubscribed streams, and a stream that never delivers. */
class TestFeedReplay : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void buildsCombinedStreamUrl();
    void backoffGrowsAndIsCapped();
    void storesEveryTickExactlyOnceAcrossDrops();
    void onlySubscribedStreamsArrive();
    void reportsSilentStreamByName();
    void recordsFramesThatReplayBack();
    void plannedRotationLosesAndDuplicatesNothing();

private:
    Recording m_recording;
};

void TestFeedReplay::initTestCase()
{
    registerMetaTypes();
    QString error;
    QVERIFY2(Recording::load(test::sharedData(QString::fromLatin1(test::CombinedRecording)), &m_recording, &error),
             qPrintable(error));
    QCOMPARE(m_recording.frames.size(), std::size_t(16821));
}

void TestFeedReplay::buildsCombinedStreamUrl()
{
    FeedConfig c;
    c.symbols = {QStringLiteral("BTCUSDT"), QStringLiteral("ethusdt"), QStringLiteral("BTCUSDT")};
    QCOMPARE(BinanceFeed::streamUrl(c).toString(),
             QStringLiteral("wss://fstream.binance.com/market/stream?streams=btcusdt@trade/ethusdt@trade"));
    c.kind = StreamKind::AggTrade;
    c.endpoint = QUrl(QStringLiteral("ws://127.0.0.1:9000/"));
    QCOMPARE(BinanceFeed::streamUrl(c).toString(), QStringLiteral("ws://127.0.0.1:9000/stream?streams=btcusdt@aggTrade/ethusdt@aggTrade"));
}

void TestFeedReplay::backoffGrowsAndIsCapped()
{
    FeedConfig c;
    QCOMPARE(BinanceFeed::backoffMs(c, 0, 1.0), 500);
    QCOMPARE(BinanceFeed::backoffMs(c, 3, 1.0), 4000);
    QCOMPARE(BinanceFeed::backoffMs(c, 3, 0.0), 2000);
    QCOMPARE(BinanceFeed::backoffMs(c, 30, 1.0), 30000);
    QVERIFY(BinanceFeed::backoffMs(c, 30, 0.5) >= 15000);
}

void TestFeedReplay::storesEveryTickExactlyOnceAcrossDrops()
{
    ReplayServer server;
    server.setRecording(m_recording);
    server.setSpeed(0); // as fast as possible
    server.setDropAfterFrames(3000);
    server.setOverlapOnReconnect(700);
    QString error;
    QVERIFY2(server.listen(0, &error), qPrintable(error));
    QSignalSpy finished(&server, &ReplayServer::finished);

    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("live.sqlite"));
    FeedConfig cfg;
    cfg.endpoint = server.url();
    cfg.reconnectBaseMs = 20;
    cfg.reconnectCapMs = 100;
    LiveSession session(cfg, db);
    std::int64_t stored = 0, duplicates = 0;
    connect(&session, &LiveSession::stored, this, [&](const TickBatch &, const BarBatch &, const WriteStats &s) {
        stored += s.stored;
        duplicates += s.duplicates;
    });
    session.start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
    QTRY_COMPARE_WITH_TIMEOUT(stored, std::int64_t(m_recording.frames.size()), 20000);
    session.stop();
    QVERIFY2(server.connectionCount() >= 6, "the server should have dropped the feed several times");
    QVERIFY2(duplicates >= 700 * 5, "overlapping stretches must have been resent and ignored");

    QSqlDatabase conn = Database::open(db, QStringLiteral("verify"), &error);
    QCOMPARE(BarStore::tickCount(conn), std::int64_t(16821));
    QCOMPARE(BarStore::tickCount(conn, QStringLiteral("BTCUSDT")), std::int64_t(10777));
    std::int64_t barTrades = 0;
    for (const Bar &b : BarStore::loadBars(conn, QStringLiteral("ETHUSDT"), Interval::S1))
        barTrades += b.trades;
    QCOMPARE(barTrades, std::int64_t(6044));
    conn = QSqlDatabase();
    Database::close(QStringLiteral("verify"));
}

void TestFeedReplay::onlySubscribedStreamsArrive()
{
    ReplayServer server;
    server.setRecording(m_recording);
    server.setSpeed(0);
    QString error;
    QVERIFY(server.listen(0, &error));
    QTemporaryDir dir;
    FeedConfig cfg;
    cfg.endpoint = server.url();
    cfg.symbols = {QStringLiteral("ETHUSDT")};
    LiveSession session(cfg, dir.filePath(QStringLiteral("eth.sqlite")));
    std::set<std::string> symbols;
    std::int64_t stored = 0;
    connect(&session, &LiveSession::stored, this, [&](const TickBatch &ticks, const BarBatch &, const WriteStats &s) {
        stored += s.stored;
        for (const Tick &t : *ticks)
            symbols.insert(std::string(t.symbol.view()));
    });
    session.start();
    QTRY_COMPARE_WITH_TIMEOUT(stored, std::int64_t(6044), 30000);
    session.stop();
    QCOMPARE(symbols, std::set<std::string>{"ETHUSDT"});
}

void TestFeedReplay::reportsSilentStreamByName()
{
    ReplayServer server;
    server.setRecording(m_recording);
    server.setSpeed(1);
    QString error;
    QVERIFY(server.listen(0, &error));
    FeedConfig cfg;
    cfg.endpoint = server.url();
    cfg.symbols = {QStringLiteral("BTCUSDT"), QStringLiteral("SOLUSDT")}; // SOLUSDT is not in the recording
    cfg.silentStreamSeconds = 1;
    BinanceFeed feed(cfg);
    QSignalSpy silent(&feed, &BinanceFeed::streamSilent);
    QSignalSpy ticks(&feed, &BinanceFeed::ticks);
    feed.start();
    QTRY_VERIFY_WITH_TIMEOUT(silent.size() >= 1, 10000);
    QCOMPARE(silent.first().at(0).toString(), QStringLiteral("solusdt@trade"));
    QVERIFY(!ticks.isEmpty()); // btcusdt kept flowing
    for (const auto &args : silent)
        QVERIFY(args.at(0).toString() != QLatin1String("btcusdt@trade"));
    feed.stop();
}

void TestFeedReplay::recordsFramesThatReplayBack()
{
    Recording small;
    small.frames.assign(m_recording.frames.begin(), m_recording.frames.begin() + 500);
    ReplayServer server;
    server.setRecording(small);
    server.setSpeed(0);
    QString error;
    QVERIFY(server.listen(0, &error));
    QTemporaryDir dir;
    const QString rec = dir.filePath(QStringLiteral("session.jsonl"));
    FeedConfig cfg;
    cfg.endpoint = server.url();
    BinanceFeed feed(cfg);
    feed.startRecording(rec);
    qint64 n = 0;
    connect(&feed, &BinanceFeed::ticks, this, [&](const TickBatch &b) { n += qint64(b->size()); });
    feed.start();
    QTRY_COMPARE_WITH_TIMEOUT(n, 500, 20000);
    feed.stopRecording();
    feed.stop();
    Recording back;
    QVERIFY2(Recording::load(rec, &back, &error), qPrintable(error));
    QCOMPARE(back.frames.size(), std::size_t(500));
    for (std::size_t i = 0; i < 500; ++i)
        QCOMPARE(back.frames[i].json, small.frames[i].json);
}

void TestFeedReplay::plannedRotationLosesAndDuplicatesNothing()
{
    // The connection is rotated (as before Binance's 24-hour limit) in the middle of the stream: the new
    // connection runs until it delivers, then the old one closes; the overlap is ignored by the writer.
    ReplayServer server;
    server.setRecording(m_recording);
    server.setSpeed(25);
    QString error;
    QVERIFY(server.listen(0, &error));
    QSignalSpy finished(&server, &ReplayServer::finished);
    QTemporaryDir dir;
    FeedConfig cfg;
    cfg.endpoint = server.url();
    LiveSession session(cfg, dir.filePath(QStringLiteral("rot.sqlite")));
    std::int64_t stored = 0, duplicates = 0;
    QStringList details;
    connect(&session, &LiveSession::stored, this, [&](const TickBatch &, const BarBatch &, const WriteStats &s) {
        stored += s.stored;
        duplicates += s.duplicates;
    });
    connect(&session, &LiveSession::feedStateChanged, this, [&](FeedState, const QString &d) { details << d; });
    session.start();
    QTRY_VERIFY_WITH_TIMEOUT(stored > 2000, 20000);
    QVERIFY(stored < std::int64_t(m_recording.frames.size()));
    QMetaObject::invokeMethod(session.feed(), &BinanceFeed::rotate);
    QTRY_VERIFY_WITH_TIMEOUT(!details.filter(QStringLiteral("rotated")).isEmpty(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(stored, std::int64_t(m_recording.frames.size()), 60000);
    session.stop();
    QCOMPARE(server.connectionCount(), 2);
    QVERIFY(duplicates > 0);
}

QTEST_GUILESS_MAIN(TestFeedReplay)
#include "tst_feed_replay.moc"
