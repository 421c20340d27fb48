#include "market/binance_feed.h"
#include "market/replay_server.h"
#include "models/ticker_model.h"
#include "models/universe.h"
#include "session/live_session.h"
#include "storage/bar_store.h"
#include "storage/database.h"
#include "storage/quote_store.h"

#include "bars/bar_aggregator.h"

#include "real_ticks.h"
#include "test_database.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <algorithm>
#include <random>
#include <set>

using namespace pairlab;

/** The PostgreSQL run of this file (tst_feed_replay_postgresql) repeats only the tests that store trades: a
 *  test of the feed alone never touches the database, so its SQLite run already covers it and a second run
 *  would be the same test twice (a QSKIP must be in the test function itself). */
#define SKIP_WITHOUT_STORAGE()                                                                               \
    do {                                                                                                     \
        if (test::usingPostgres())                                                                           \
            QSKIP("feed only, no database: covered by the SQLite run of this test");                         \
    } while (false)

namespace {

/** What a LiveSession reported: storage counts, every feed state with its detail, the latest feed stats. */
struct SessionLog
{
    std::int64_t stored = 0, duplicates = 0;
    QList<std::pair<FeedState, QString>> states;
    FeedStats stats;
    double peakFramesPerSecond = 0;

    void attach(LiveSession &session, QObject *context)
    {
        QObject::connect(&session, &LiveSession::stored, context,
                         [this](const TickBatch &, const BarBatch &, const WriteStats &s) {
                             stored += s.stored;
                             duplicates += s.duplicates;
                         });
        QObject::connect(&session, &LiveSession::feedStateChanged, context,
                         [this](FeedState state, const QString &detail) {
                             states.append({state, detail});
                         });
        QObject::connect(&session, &LiveSession::feedStatsUpdated, context, [this](const FeedStats &s) {
            stats = s;
            peakFramesPerSecond = std::max(peakFramesPerSecond, s.framesPerSecond);
        });
    }
    QStringList details(FeedState state) const
    {
        QStringList out;
        for (const auto &[s, d] : states)
            if (s == state)
                out << d;
        return out;
    }
};

/** The same for a BinanceFeed used directly on the test's thread. */
QStringList detailsOf(const QSignalSpy &spy, FeedState state)
{
    QStringList out;
    for (const auto &args : spy)
        if (args.at(0).value<FeedState>() == state)
            out << args.at(1).toString();
    return out;
}

Recording firstFrames(const Recording &r, std::size_t n)
{
    Recording out;
    out.frames.assign(r.frames.begin(), r.frames.begin() + std::ptrdiff_t(std::min(n, r.frames.size())));
    return out;
}

/** Adds delta to the integer after "key": in a frame's JSON (trade id "t", times "T" and "E"). */
QByteArray shiftField(QByteArray json, const QByteArray &key, qint64 delta)
{
    const QByteArray needle = '"' + key + "\":";
    const qsizetype at = json.indexOf(needle);
    if (at < 0)
        return json;
    const qsizetype from = at + needle.size();
    qsizetype to = from;
    while (to < json.size() && json.at(to) >= '0' && json.at(to) <= '9')
        ++to;
    const qint64 value = json.mid(from, to - from).toLongLong();
    return json.replace(from, to - from, QByteArray::number(value + delta));
}

/** The recording played `times` times in a row, each copy with new trade ids and later times: distinct
 *  trades, as a long burst of real traffic would be. */
Recording repeatedWithNewIds(const Recording &r, int times)
{
    std::int64_t firstMs = r.frames.front().timeMs, lastMs = firstMs;
    for (const RecordedFrame &f : r.frames) {
        firstMs = std::min(firstMs, f.timeMs);
        lastMs = std::max(lastMs, f.timeMs);
    }
    constexpr qint64 IdStride = 10000000; // well beyond the recording's range of ids per symbol
    const qint64 timeStride = lastMs - firstMs + 1000;
    Recording out;
    out.frames.reserve(r.frames.size() * std::size_t(times));
    for (int k = 0; k < times; ++k) {
        for (RecordedFrame f : r.frames) {
            f.json = shiftField(shiftField(shiftField(f.json, "t", k * IdStride), "T", k * timeStride), "E",
                                k * timeStride);
            f.timeMs += k * timeStride;
            out.frames.push_back(std::move(f));
        }
    }
    return out;
}

/** Every frame once, about a third of them a second time a few frames later, then shuffled within windows
 *  of 64 frames (duplicates and out-of-order trades as a flaky upstream delivers them). */
/** The BTCUSDT frames of r as `symbols` perpetuals S00USDT, S01USDT, …: symbol k trades at the real price
 *  times (1 + k/100), with the real ids and times, the frames of all symbols interleaved trade by trade. */
Recording manySymbols(const Recording &r, int symbols, std::size_t framesPerSymbol)
{
    static const QRegularExpression price(QStringLiteral("\"p\":\"([0-9.]+)\""));
    Recording out;
    std::size_t taken = 0;
    for (const RecordedFrame &f : r.frames) {
        if (f.stream != "btcusdt@trade")
            continue;
        if (++taken > framesPerSymbol)
            break;
        const QString text = QString::fromUtf8(f.json);
        const double p = price.match(text).captured(1).toDouble();
        for (int k = 0; k < symbols; ++k) {
            const QString symbol = QStringLiteral("S%1USDT").arg(k, 2, 10, QLatin1Char('0'));
            QString json = text;
            json.replace(QStringLiteral("btcusdt@trade"), symbol.toLower() + QStringLiteral("@trade"));
            json.replace(QStringLiteral("\"s\":\"BTCUSDT\""), QStringLiteral("\"s\":\"%1\"").arg(symbol));
            json.replace(price, QStringLiteral("\"p\":\"%1\"").arg(p * (1.0 + k / 100.0), 0, 'f', 2));
            RecordedFrame g = f;
            g.json = json.toUtf8();
            g.stream = (symbol.toLower() + QStringLiteral("@trade")).toUtf8();
            out.frames.push_back(std::move(g));
        }
    }
    return out;
}

Recording duplicatedAndShuffled(const Recording &r)
{
    std::mt19937 rng(20240808);
    Recording out;
    for (std::size_t i = 0; i < r.frames.size(); ++i) {
        out.frames.push_back(r.frames[i]);
        if (rng() % 3 == 0)
            out.frames.push_back(r.frames[i - std::min<std::size_t>(i, rng() % 8)]);
    }
    for (std::size_t at = 0; at < out.frames.size(); at += 64) {
        const auto begin = out.frames.begin() + std::ptrdiff_t(at);
        std::shuffle(begin, begin + std::ptrdiff_t(std::min<std::size_t>(64, out.frames.size() - at)), rng);
    }
    return out;
}

/** A loopback port with nothing listening on it (taken and released again). */
quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

/** The reconnect delay in a WaitingToReconnect detail ("… — reconnecting in 0.4 s"), or -1. */
double reconnectDelaySeconds(const QString &detail)
{
    static const QRegularExpression re(QStringLiteral("reconnecting in ([0-9.]+) s"));
    const QRegularExpressionMatch m = re.match(detail);
    return m.hasMatch() ? m.captured(1).toDouble() : -1.0;
}

std::int64_t storedTicks(const QString &spec, const QString &symbol = QString())
{
    QString error;
    std::int64_t n = -1;
    {
        QSqlDatabase conn = Database::open(spec, QStringLiteral("verify"), &error);
        if (conn.isValid())
            n = BarStore::tickCount(conn, symbol);
        else
            qWarning("%s", qPrintable(error));
    }
    Database::close(QStringLiteral("verify"));
    return n;
}

} // namespace

/** BinanceFeed against the local ReplayServer on loopback, through the whole live path into the database:
 *  real frames, a server that drops the connection mid-stream and resends an overlapping stretch after the
 *  reconnect, unsubscribed streams, and a stream that never delivers. Faults: nothing listening, a stall,
 *  a handshake that never completes, a slow trickle, close codes with reasons, TLS against a plain server,
 *  a burst of ~300k frames, duplicated and shuffled trades, trades of symbols that were not subscribed.
 *  The storage-checking tests run on SQLite and PostgreSQL (test::ScratchDatabase); the feed-only ones are
 *  skipped in the PostgreSQL run. */
class TestFeedReplay : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void buildsCombinedStreamUrl();
    void backoffGrowsAndIsCapped();
    void storesEveryTickExactlyOnceAcrossDrops();
    void requestStopStoresTheLastBatchWithoutAJoin();
    void onlySubscribedStreamsArrive();
    void reportsSilentStreamByName();
    void recordsFramesThatReplayBack();
    void plannedRotationLosesAndDuplicatesNothing();
    void refusedConnectionBacksOffThenStoresEverythingOnce();
    void unknownHostIsNamedNotConnectionLost();
    void stalledConnectionIsDroppedAndResumed();
    void handshakeThatNeverCompletesTimesOut();
    void slowTrickleIsNotAStall();
    void serverCloseCodeAndReasonAreReported_data();
    void serverCloseCodeAndReasonAreReported();
    void tlsAgainstPlainServerIsReportedAndNeverConnects_data();
    void tlsAgainstPlainServerIsReportedAndNeverConnects();
    void noCodeIgnoresTlsErrors();
    void burstOfThreeHundredThousandFramesLosesNothing();
    void duplicatedAndShuffledTradesAreStoredOnce();
    void tradesOfUnsubscribedSymbolsAreIgnored();
    void fiftySymbolsStreamIntoTheWatchlistAndTheScanner();
    void manySymbolsAreSplitOverConnections();
    void symbolsAddedLiveArePacedSubscriptions();
    void symbolsAddedWhileConnectingAreAskedForOnceConnected();
    void quotesAskedForLiveAreStoredOnce();
    void markPricesReachTheSessionNewestFirst();

private:
    Recording m_recording;
};

void TestFeedReplay::initTestCase()
{
    registerMetaTypes();
    if (!test::backendAvailable())
        return;
    QString error;
    QVERIFY2(
        Recording::load(test::sharedData(QString::fromLatin1(test::CombinedRecording)), &m_recording, &error),
        qPrintable(error));
    QCOMPARE(m_recording.frames.size(), std::size_t(16821));
}

void TestFeedReplay::buildsCombinedStreamUrl()
{
    SKIP_WITHOUT_STORAGE();
    FeedConfig c;
    c.symbols = {QStringLiteral("BTCUSDT"), QStringLiteral("ethusdt"), QStringLiteral("BTCUSDT")};
    QCOMPARE(BinanceFeed::streamUrl(c).toString(),
             QStringLiteral("wss://fstream.binance.com/market/stream?streams=btcusdt@trade/ethusdt@trade"));
    c.kind = StreamKind::AggTrade;
    c.endpoint = QUrl(QStringLiteral("ws://127.0.0.1:9000/"));
    QCOMPARE(BinanceFeed::streamUrl(c).toString(),
             QStringLiteral("ws://127.0.0.1:9000/stream?streams=btcusdt@aggTrade/ethusdt@aggTrade"));
    c.quoteSymbols = {QStringLiteral("ETHUSDT")}; // the best bid/offer beside the trades
    QCOMPARE(BinanceFeed::streamUrl(c).toString(),
             QStringLiteral(
                 "ws://127.0.0.1:9000/stream?streams=btcusdt@aggTrade/ethusdt@aggTrade/ethusdt@bookTicker"));
    c.quoteSymbols = {QStringLiteral("*")};
    QCOMPARE(BinanceFeed::streamNames(c).size(), 4);
}

void TestFeedReplay::backoffGrowsAndIsCapped()
{
    SKIP_WITHOUT_STORAGE();
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

    test::ScratchDatabase scratch;
    const QString db = scratch.spec();
    QVERIFY2(!db.isEmpty(), qPrintable(scratch.error()));
    FeedConfig cfg;
    cfg.endpoint = server.url();
    cfg.reconnectBaseMs = 20;
    cfg.reconnectCapMs = 100;
    LiveSession session(cfg, db);
    std::int64_t stored = 0, duplicates = 0;
    connect(&session, &LiveSession::stored, this,
            [&](const TickBatch &, const BarBatch &, const WriteStats &s) {
                stored += s.stored;
                duplicates += s.duplicates;
            });
    QStringList waits;
    connect(&session, &LiveSession::feedStateChanged, this, [&](FeedState state, const QString &d) {
        if (state == FeedState::WaitingToReconnect)
            waits << d;
    });
    session.start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
    QTRY_COMPARE_WITH_TIMEOUT(stored, std::int64_t(m_recording.frames.size()), 20000);
    session.stop();
    QVERIFY2(server.connectionCount() >= 6, "the server should have dropped the feed several times");
    QVERIFY2(duplicates >= 700 * 5, "overlapping stretches must have been resent and ignored");
    QCOMPARE(waits.size(), server.connectionCount() - 1);
    for (const QString &d : waits) // a dropped line, not a close frame
        QVERIFY2(d.contains(QLatin1String("remote host closed")) && !d.contains(QLatin1String("code")),
                 qPrintable(d));

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

void TestFeedReplay::requestStopStoresTheLastBatchWithoutAJoin()
{
    ReplayServer server;
    server.setRecording(m_recording);
    server.setSpeed(20); // still replaying when the session is stopped
    QString error;
    QVERIFY2(server.listen(0, &error), qPrintable(error));
    test::ScratchDatabase scratch;
    const QString db = scratch.spec();
    QVERIFY2(!db.isEmpty(), qPrintable(scratch.error()));
    FeedConfig cfg;
    cfg.endpoint = server.url();
    auto session = std::make_unique<LiveSession>(cfg, db);
    std::int64_t stored = 0;
    connect(session.get(), &LiveSession::stored, this,
            [&](const TickBatch &, const BarBatch &, const WriteStats &s) { stored += s.stored; });
    QSignalSpy stopped(session.get(), &LiveSession::stopped);
    session->start();
    QTRY_VERIFY_WITH_TIMEOUT(stored > 100, 20000);
    session->requestStop(); // returns at once: the threads end on their own
    QVERIFY(!session->isRunning());
    QCOMPARE(stopped.size(), 0); // reported through the event loop, never from within the call
    QVERIFY(stopped.wait(20000));
    QVERIFY(session->finished().isFinished());
    // Everything the writer reported is in the database and the database is closed: a new session on the
    // same file, told to open after the first one's end, stores the whole recording once beside it.
    QSqlDatabase conn = Database::open(db, QStringLiteral("verify"), &error);
    QCOMPARE(BarStore::tickCount(conn), stored);
    QVERIFY(stored < std::int64_t(m_recording.frames.size()));
    conn = QSqlDatabase();
    Database::close(QStringLiteral("verify"));
    const QFuture<void> firstDone = session->finished();
    session.reset(); // nothing left to wait for
    ReplayServer again;
    again.setRecording(m_recording);
    again.setSpeed(0);
    QVERIFY2(again.listen(0, &error), qPrintable(error));
    QSignalSpy replayed(&again, &ReplayServer::finished);
    cfg.endpoint = again.url();
    LiveSession next(cfg, db);
    next.setStartAfter(firstDone);
    std::int64_t added = 0, duplicates = 0;
    connect(&next, &LiveSession::stored, this, [&](const TickBatch &, const BarBatch &, const WriteStats &s) {
        added += s.stored;
        duplicates += s.duplicates;
    });
    next.start();
    QTRY_COMPARE_WITH_TIMEOUT(replayed.size(), 1, 60000);
    QTRY_COMPARE_WITH_TIMEOUT(added + duplicates, std::int64_t(m_recording.frames.size()), 20000);
    next.stop();
    QCOMPARE(duplicates, stored);
    conn = Database::open(db, QStringLiteral("verify"), &error);
    QCOMPARE(BarStore::tickCount(conn), std::int64_t(16821));
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
    test::ScratchDatabase scratch;
    FeedConfig cfg;
    cfg.endpoint = server.url();
    cfg.symbols = {QStringLiteral("ETHUSDT")};
    LiveSession session(cfg, scratch.spec());
    std::set<std::string> symbols;
    std::int64_t stored = 0;
    connect(&session, &LiveSession::stored, this,
            [&](const TickBatch &ticks, const BarBatch &, const WriteStats &s) {
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
    SKIP_WITHOUT_STORAGE();
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
    SKIP_WITHOUT_STORAGE();
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
    test::ScratchDatabase scratch;
    FeedConfig cfg;
    cfg.endpoint = server.url();
    LiveSession session(cfg, scratch.spec());
    std::int64_t stored = 0, duplicates = 0;
    QStringList details;
    connect(&session, &LiveSession::stored, this,
            [&](const TickBatch &, const BarBatch &, const WriteStats &s) {
                stored += s.stored;
                duplicates += s.duplicates;
            });
    connect(&session, &LiveSession::feedStateChanged, this,
            [&](FeedState, const QString &d) { details << d; });
    session.start();
    QTRY_VERIFY_WITH_TIMEOUT(stored > 2000, 20000);
    QVERIFY(stored < std::int64_t(m_recording.frames.size()));
    QMetaObject::invokeMethod(session.feed(), &FeedGroup::rotate);
    QTRY_VERIFY_WITH_TIMEOUT(!details.filter(QStringLiteral("rotated")).isEmpty(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(stored, std::int64_t(m_recording.frames.size()), 60000);
    session.stop();
    QCOMPARE(server.connectionCount(), 2);
    QVERIFY(duplicates > 0);
    QCOMPARE(storedTicks(scratch.spec()), std::int64_t(m_recording.frames.size()));
}

void TestFeedReplay::unknownHostIsNamedNotConnectionLost()
{
    // A failed name lookup reports disconnected() before error(): it read "connection lost". The
    // reserved .invalid domain never resolves (RFC 6761), with or without a network.
    test::ScratchDatabase scratch;
    FeedConfig cfg;
    cfg.endpoint = QUrl(QStringLiteral("ws://pairlab-test.invalid:9443"));
    cfg.reconnectBaseMs = 200;
    LiveSession session(cfg, scratch.spec());
    SessionLog log;
    log.attach(session, this);
    session.start();
    QTRY_VERIFY_WITH_TIMEOUT(log.details(FeedState::WaitingToReconnect).size() >= 2, 30000);
    for (const QString &d : log.details(FeedState::WaitingToReconnect)) {
        QVERIFY2(d.contains(QLatin1String("pairlab-test.invalid not found")), qPrintable(d));
        QVERIFY2(!d.contains(QLatin1String("connection lost")), qPrintable(d));
    }
}

void TestFeedReplay::refusedConnectionBacksOffThenStoresEverythingOnce()
{
    const quint16 port = freePort();
    QVERIFY(port != 0);
    test::ScratchDatabase scratch;
    FeedConfig cfg;
    cfg.endpoint.setScheme(QStringLiteral("ws"));
    cfg.endpoint.setHost(QStringLiteral("127.0.0.1"));
    cfg.endpoint.setPort(port);
    cfg.reconnectBaseMs = 200;
    cfg.reconnectCapMs = 5000;
    LiveSession session(cfg, scratch.spec());
    SessionLog log;
    log.attach(session, this);
    session.start();
    QTRY_VERIFY_WITH_TIMEOUT(log.details(FeedState::WaitingToReconnect).size() >= 4, 15000);

    // Nothing listens: every attempt says so, and the delays grow (jitter keeps each step >= the last).
    const QStringList waits = log.details(FeedState::WaitingToReconnect);
    QList<double> delays;
    for (const QString &d : waits) {
        QVERIFY2(d.contains(QLatin1String("refused")) && d.contains(QString::number(port)), qPrintable(d));
        delays << reconnectDelaySeconds(d);
        QVERIFY2(delays.last() > 0, qPrintable(d));
    }
    for (qsizetype i = 1; i < delays.size(); ++i)
        QVERIFY2(delays[i] >= delays[i - 1], qPrintable(waits.join(QLatin1Char('\n'))));
    QVERIFY2(delays.last() >= 2 * delays.first(), qPrintable(waits.join(QLatin1Char('\n'))));
    QVERIFY(log.details(FeedState::Connected).isEmpty());

    // The server comes up on that port: the next attempt connects and everything is stored once.
    ReplayServer server;
    server.setRecording(m_recording);
    server.setSpeed(0);
    QString error;
    QVERIFY2(server.listen(port, &error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(!log.details(FeedState::Connected).isEmpty(), 15000);
    QTRY_COMPARE_WITH_TIMEOUT(log.stored, std::int64_t(m_recording.frames.size()), 30000);
    session.stop();
    QCOMPARE(server.connectionCount(), 1);
    QCOMPARE(log.duplicates, std::int64_t(0));
    QCOMPARE(storedTicks(scratch.spec()), std::int64_t(m_recording.frames.size()));
}

void TestFeedReplay::stalledConnectionIsDroppedAndResumed()
{
    // The server goes silent after 2000 frames but keeps the connection open: the stall watchdog drops it,
    // the reconnect resumes where it stopped.
    const Recording part = firstFrames(m_recording, 3000);
    ReplayServer server;
    server.setRecording(part);
    server.setSpeed(0);
    server.setStallAfterFrames(2000);
    QString error;
    QVERIFY(server.listen(0, &error));
    test::ScratchDatabase scratch;
    FeedConfig cfg;
    cfg.endpoint = server.url();
    cfg.stallSeconds = 1;
    cfg.reconnectBaseMs = 20;
    cfg.reconnectCapMs = 100;
    LiveSession session(cfg, scratch.spec());
    SessionLog log;
    log.attach(session, this);
    session.start();
    QTRY_COMPARE_WITH_TIMEOUT(log.stored, std::int64_t(part.frames.size()), 20000);
    session.stop();
    const QStringList waits = log.details(FeedState::WaitingToReconnect);
    QCOMPARE(waits.size(), 1);
    QVERIFY2(waits.first().contains(QLatin1String("no data for 1 s")), qPrintable(waits.first()));
    QCOMPARE(server.connectionCount(), 2);
    QCOMPARE(storedTicks(scratch.spec()), std::int64_t(part.frames.size()));
}

void TestFeedReplay::handshakeThatNeverCompletesTimesOut()
{
    SKIP_WITHOUT_STORAGE();
    // A server that accepts TCP and never answers the WebSocket handshake.
    QTcpServer mute;
    QVERIFY(mute.listen(QHostAddress::LocalHost, 0));
    QList<QTcpSocket *> accepted;
    connect(&mute, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket *c = mute.nextPendingConnection())
            accepted << c;
    });
    FeedConfig cfg;
    cfg.endpoint.setScheme(QStringLiteral("ws"));
    cfg.endpoint.setHost(QStringLiteral("127.0.0.1"));
    cfg.endpoint.setPort(mute.serverPort());
    cfg.connectTimeoutSeconds = 1;
    cfg.reconnectBaseMs = 20;
    cfg.reconnectCapMs = 100;
    BinanceFeed feed(cfg);
    QSignalSpy states(&feed, &BinanceFeed::stateChanged);
    feed.start();
    QTRY_VERIFY_WITH_TIMEOUT(detailsOf(states, FeedState::WaitingToReconnect).size() >= 2, 15000);
    feed.stop();
    for (const QString &d : detailsOf(states, FeedState::WaitingToReconnect))
        QVERIFY2(d.contains(QStringLiteral("no answer from 127.0.0.1:%1 within 1 s").arg(mute.serverPort())),
                 qPrintable(d));
    QVERIFY(detailsOf(states, FeedState::Connected).isEmpty());
    QVERIFY(accepted.size() >= 2);
}

void TestFeedReplay::slowTrickleIsNotAStall()
{
    // 25 frames/s with a 1 s stall limit: slow is not silent, nothing is dropped or reconnected.
    const Recording part = firstFrames(m_recording, 75);
    ReplayServer server;
    server.setRecording(part);
    server.setFramesPerSecond(25);
    QString error;
    QVERIFY(server.listen(0, &error));
    QSignalSpy finished(&server, &ReplayServer::finished);
    test::ScratchDatabase scratch;
    FeedConfig cfg;
    cfg.endpoint = server.url();
    cfg.stallSeconds = 1;
    LiveSession session(cfg, scratch.spec());
    SessionLog log;
    log.attach(session, this);
    QElapsedTimer clock;
    clock.start();
    session.start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(log.stored, std::int64_t(part.frames.size()), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(log.stats.ticks, qint64(part.frames.size()), 5000);
    session.stop();
    QVERIFY2(clock.elapsed() > 2000, "the trickle should have taken about 3 s"); // pacing works, not a bound
    QVERIFY2(log.details(FeedState::WaitingToReconnect).isEmpty(),
             qPrintable(log.details(FeedState::WaitingToReconnect).join(QLatin1Char('\n'))));
    QCOMPARE(log.stats.reconnects, qint64(0));
    QCOMPARE(server.connectionCount(), 1);
    QCOMPARE(storedTicks(scratch.spec()), std::int64_t(part.frames.size()));
}

void TestFeedReplay::serverCloseCodeAndReasonAreReported_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("reason");
    QTest::newRow("policyViolated1008")
        << int(QWebSocketProtocol::CloseCodePolicyViolated) << QStringLiteral("too many requests");
    QTest::newRow("internalError1011")
        << int(QWebSocketProtocol::CloseCodeBadOperation) << QStringLiteral("upstream restarting");
}

void TestFeedReplay::serverCloseCodeAndReasonAreReported()
{
    QFETCH(int, code);
    QFETCH(QString, reason);
    const Recording part = firstFrames(m_recording, 6000);
    ReplayServer server;
    server.setRecording(part);
    server.setSpeed(0);
    server.setCloseAfterFrames(2500, QWebSocketProtocol::CloseCode(code), reason);
    QString error;
    QVERIFY(server.listen(0, &error));
    test::ScratchDatabase scratch;
    FeedConfig cfg;
    cfg.endpoint = server.url();
    cfg.reconnectBaseMs = 20;
    cfg.reconnectCapMs = 100;
    LiveSession session(cfg, scratch.spec());
    SessionLog log;
    log.attach(session, this);
    session.start();
    QTRY_COMPARE_WITH_TIMEOUT(log.stored, std::int64_t(part.frames.size()), 20000);
    session.stop();
    const QStringList waits = log.details(FeedState::WaitingToReconnect);
    QCOMPARE(waits.size(), 2);
    for (const QString &d : waits)
        QVERIFY2(d.contains(QString::number(code)) && d.contains(reason), qPrintable(d));
    QCOMPARE(server.connectionCount(), 3);
    QCOMPARE(log.details(FeedState::Connected).size(), 3);
    QCOMPARE(storedTicks(scratch.spec()), std::int64_t(part.frames.size()));
}

void TestFeedReplay::tlsAgainstPlainServerIsReportedAndNeverConnects_data()
{
    QTest::addColumn<bool>("http");
    QTest::newRow("plainHttpServer") << true;       // answers the ClientHello with plain HTTP text
    QTest::newRow("plainWebSocketServer") << false; // waits for an HTTP upgrade that never comes
}

void TestFeedReplay::tlsAgainstPlainServerIsReportedAndNeverConnects()
{
    SKIP_WITHOUT_STORAGE();
    // wss:// to a plain server: the TLS handshake fails, is reported as such, and the feed backs off and
    // tries again; it never carries on without TLS.
    QFETCH(bool, http);
    QTcpServer plainHttp;
    ReplayServer plainWs;
    plainWs.setRecording(firstFrames(m_recording, 100));
    QString error;
    quint16 port = 0;
    if (http) {
        QVERIFY(plainHttp.listen(QHostAddress::LocalHost, 0));
        port = plainHttp.serverPort();
        connect(&plainHttp, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *c = plainHttp.nextPendingConnection()) {
                connect(c, &QTcpSocket::readyRead, c, [c] {
                    c->readAll();
                    c->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                    c->disconnectFromHost();
                });
                connect(c, &QTcpSocket::disconnected, c, &QObject::deleteLater);
            }
        });
    } else {
        QVERIFY(plainWs.listen(0, &error));
        port = plainWs.port();
    }
    FeedConfig cfg;
    cfg.endpoint.setScheme(QStringLiteral("wss"));
    cfg.endpoint.setHost(QStringLiteral("127.0.0.1"));
    cfg.endpoint.setPort(port);
    cfg.connectTimeoutSeconds = 1;
    cfg.reconnectBaseMs = 100;
    cfg.reconnectCapMs = 1000;
    BinanceFeed feed(cfg);
    QSignalSpy states(&feed, &BinanceFeed::stateChanged);
    QSignalSpy ticks(&feed, &BinanceFeed::ticks);
    feed.start();
    QTRY_VERIFY_WITH_TIMEOUT(detailsOf(states, FeedState::WaitingToReconnect).size() >= 3, 15000);
    feed.stop();
    const QStringList waits = detailsOf(states, FeedState::WaitingToReconnect);
    for (const QString &d : waits)
        QVERIFY2(d.contains(QLatin1String("TLS/SSL")) && d.contains(QString::number(port)), qPrintable(d));
    QVERIFY(reconnectDelaySeconds(waits.last()) >= reconnectDelaySeconds(waits.first()));
    QVERIFY(detailsOf(states, FeedState::Connected).isEmpty());
    QCOMPARE(plainWs.connectionCount(), 0);
    QCOMPARE(plainWs.framesSent(), qint64(0));
    QVERIFY(ticks.isEmpty());
    QCOMPARE(feed.stats().frames, qint64(0));
    qInfo("%s", qPrintable(waits.first()));
}

void TestFeedReplay::noCodeIgnoresTlsErrors()
{
    SKIP_WITHOUT_STORAGE();
    // A static check: no source of the application may switch off certificate verification.
    const QStringList forbidden = {QStringLiteral("ignoreSslErrors"), QStringLiteral("VerifyNone"),
                                   QStringLiteral("QueryPeer")};
    QStringList found;
    int files = 0;
    for (const QString &dir : {QStringLiteral("core"), QStringLiteral("ui"), QStringLiteral("app")}) {
        QDirIterator it(test::sourceFile(dir), {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
            ++files;
            int line = 0;
            while (!f.atEnd()) {
                ++line;
                const QString text = QString::fromUtf8(f.readLine());
                for (const QString &word : forbidden)
                    if (text.contains(word))
                        found << QStringLiteral("%1:%2: %3").arg(f.fileName()).arg(line).arg(text.trimmed());
            }
        }
    }
    QVERIFY2(files > 100, "the source tree was not found");
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
}

void TestFeedReplay::burstOfThreeHundredThousandFramesLosesNothing()
{
    // The real recording 18 times over with new trade ids (~300k distinct trades), sent as fast as the
    // socket drains. Every trade is stored once and the feed counts no loss; the rate is printed.
    const Recording burst = repeatedWithNewIds(m_recording, 18);
    const auto n = qint64(burst.frames.size());
    QVERIFY(n >= 300000);
    ReplayServer server;
    server.setRecording(burst);
    server.setSpeed(0);
    QString error;
    QVERIFY(server.listen(0, &error));
    QSignalSpy finished(&server, &ReplayServer::finished);
    test::ScratchDatabase scratch;
    FeedConfig cfg;
    cfg.endpoint = server.url();
    LiveSession session(cfg, scratch.spec());
    SessionLog log;
    log.attach(session, this);
    QElapsedTimer clock;
    clock.start();
    session.start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 90000);
    const double sentSeconds = double(clock.elapsed()) / 1000.0;
    QTRY_COMPARE_WITH_TIMEOUT(log.stored, n, 90000);
    const double storedSeconds = double(clock.elapsed()) / 1000.0;
    QTRY_COMPARE_WITH_TIMEOUT(log.stats.frames, n, 5000);
    session.stop();
    qInfo(
        "burst: %lld frames sent in %.2f s (%.0f frames/s), stored in %.2f s (%.0f ticks/s); feed peak %.0f "
        "frames/s",
        n, sentSeconds, double(n) / sentSeconds, storedSeconds, double(n) / storedSeconds,
        log.peakFramesPerSecond);
    QCOMPARE(log.stats.ticks, n);
    QCOMPARE(log.stats.malformed, qint64(0));
    QCOMPARE(log.stats.unknown, qint64(0));
    QCOMPARE(log.stats.reconnects, qint64(0));
    QCOMPARE(log.duplicates, std::int64_t(0));
    QCOMPARE(server.connectionCount(), 1);
    QCOMPARE(storedTicks(scratch.spec()), n);
}

void TestFeedReplay::duplicatedAndShuffledTradesAreStoredOnce()
{
    const Recording messy = duplicatedAndShuffled(m_recording);
    const auto unique = std::int64_t(m_recording.frames.size());
    QVERIFY(std::int64_t(messy.frames.size()) > unique * 5 / 4);
    ReplayServer server;
    server.setRecording(messy);
    server.setSpeed(0);
    QString error;
    QVERIFY(server.listen(0, &error));
    QSignalSpy finished(&server, &ReplayServer::finished);
    test::ScratchDatabase scratch;
    FeedConfig cfg;
    cfg.endpoint = server.url();
    LiveSession session(cfg, scratch.spec());
    SessionLog log;
    log.attach(session, this);
    session.start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(log.stored + log.duplicates, std::int64_t(messy.frames.size()), 20000);
    session.stop();
    QCOMPARE(log.stored, unique);
    QCOMPARE(log.duplicates, std::int64_t(messy.frames.size()) - unique);

    // The stored bars are those of the unique trades in trade order, whatever order they came in.
    const std::vector<Tick> ticks = test::loadRealTicks(QString::fromLatin1(test::CombinedRecording));
    QCOMPARE(std::int64_t(ticks.size()), unique);
    QSqlDatabase db = Database::open(scratch.spec(), QStringLiteral("check"), &error);
    QVERIFY2(db.isValid(), qPrintable(error));
    QCOMPARE(BarStore::tickCount(db), unique);
    int compared = 0;
    for (const BarUpdate &u : BarAggregator().aggregate(ticks)) {
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
            ++compared;
        }
    }
    QVERIFY(compared > 100);
    db = QSqlDatabase();
    Database::close(QStringLiteral("check"));
}

void TestFeedReplay::tradesOfUnsubscribedSymbolsAreIgnored()
{
    // The server ignores the subscription and sends BTCUSDT too: counted, never stored.
    ReplayServer server;
    server.setRecording(m_recording);
    server.setSpeed(0);
    server.setSendUnsubscribed(true);
    QString error;
    QVERIFY(server.listen(0, &error));
    QSignalSpy finished(&server, &ReplayServer::finished);
    test::ScratchDatabase scratch;
    FeedConfig cfg;
    cfg.endpoint = server.url();
    cfg.symbols = {QStringLiteral("ETHUSDT")};
    LiveSession session(cfg, scratch.spec());
    SessionLog log;
    log.attach(session, this);
    session.start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(log.stored, std::int64_t(6044), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(log.stats.frames, qint64(m_recording.frames.size()), 5000);
    session.stop();
    QCOMPARE(log.stats.unsubscribed, qint64(10777));
    QCOMPARE(log.stats.ticks, qint64(6044));
    QCOMPARE(storedTicks(scratch.spec(), QStringLiteral("BTCUSDT")), std::int64_t(0));
    QCOMPARE(storedTicks(scratch.spec()), std::int64_t(6044));
}

void TestFeedReplay::fiftySymbolsStreamIntoTheWatchlistAndTheScanner()
{
    // 50 perpetuals on one combined-stream connection (Binance allows 1,024 streams on one): every trade of
    // every symbol is stored once, the watchlist lists all 50, and the scanner ranks all 1,225 pairs on their
    // stored 1 s bars.
    SKIP_WITHOUT_STORAGE();
    constexpr int kSymbols = 50;
    constexpr std::size_t kFrames = 1500;
    const Recording fifty = manySymbols(m_recording, kSymbols, kFrames);
    QCOMPARE(fifty.frames.size(), std::size_t(kSymbols) * kFrames);
    ReplayServer server;
    server.setRecording(fifty);
    server.setSpeed(0);
    QString error;
    QVERIFY2(server.listen(0, &error), qPrintable(error));
    QSignalSpy finished(&server, &ReplayServer::finished);
    test::ScratchDatabase scratch;
    FeedConfig cfg;
    cfg.endpoint = server.url();
    cfg.symbols.clear();
    for (int k = 0; k < kSymbols; ++k)
        cfg.symbols << QStringLiteral("S%1USDT").arg(k, 2, 10, QLatin1Char('0'));
    QCOMPARE(BinanceFeed::streamNames(cfg).size(), kSymbols);
    TickerModel watchlist;
    LiveSession session(cfg, scratch.spec());
    std::int64_t stored = 0;
    connect(&session, &LiveSession::stored, this,
            [&](const TickBatch &ticks, const BarBatch &, const WriteStats &s) {
                stored += s.stored;
                watchlist.addTicks(*ticks);
            });
    session.start();
    QTRY_COMPARE_WITH_TIMEOUT(stored, std::int64_t(fifty.frames.size()), 60000);
    QCOMPARE(session.feed() ? session.feed()->stats().unsubscribed : 0, 0);
    session.stop();
    QCOMPARE(watchlist.rowCount(), kSymbols);

    QSqlDatabase conn = Database::open(scratch.spec(), QStringLiteral("verify50"), &error);
    for (const QString &s : std::as_const(cfg.symbols))
        QCOMPARE(BarStore::tickCount(conn, s), std::int64_t(kFrames));
    conn = QSqlDatabase();
    Database::close(QStringLiteral("verify50"));

    const UniverseResult u = loadUniverse(scratch.spec(), cfg.symbols, 1, BarStore::LiveSource, 10, 5000);
    QVERIFY2(u.error.isEmpty(), qPrintable(u.error));
    QCOMPARE(u.rows.size(), std::size_t(kSymbols * (kSymbols - 1) / 2));
    QCOMPARE(u.clusterOrder.size(), std::size_t(kSymbols));
    QVERIFY2(u.commonBars >= 20, qPrintable(QString::number(u.commonBars))); // the 1,500 trades span 22 s
    for (const ScanRow &r : u.rows) {
        QCOMPARE(r.bars, u.commonBars); // the same seconds for every symbol
        QVERIFY2(std::isfinite(r.beta) && std::isfinite(r.corrReturns), qPrintable(r.y + r.x));
    }
}

void TestFeedReplay::manySymbolsAreSplitOverConnections()
{
    // 60 symbols at 25 streams a connection: three connections (25, 25, 10), each with its own streams= URL;
    // every trade of every symbol is stored once, and the group reports itself as one connected feed.
    SKIP_WITHOUT_STORAGE();
    constexpr int kSymbols = 60;
    constexpr std::size_t kFrames = 300;
    const Recording many = manySymbols(m_recording, kSymbols, kFrames);
    ReplayServer server;
    server.setRecording(many);
    server.setSpeed(0);
    QString error;
    QVERIFY2(server.listen(0, &error), qPrintable(error));
    test::ScratchDatabase scratch;
    FeedConfig cfg;
    cfg.endpoint = server.url();
    cfg.streamsPerConnection = 25;
    cfg.symbols.clear();
    for (int k = 0; k < kSymbols; ++k)
        cfg.symbols << QStringLiteral("S%1USDT").arg(k, 2, 10, QLatin1Char('0'));
    const QList<QStringList> shards = FeedGroup::shards(cfg);
    QCOMPARE(shards.size(), 3);
    QCOMPARE(shards[0].size(), 25);
    QCOMPARE(shards[2].size(), 10);
    QCOMPARE(shards[2].front(), QStringLiteral("S50USDT"));
    LiveSession session(cfg, scratch.spec());
    QList<QPair<FeedState, QString>> states;
    connect(&session, &LiveSession::feedStateChanged, this, [&](FeedState st, const QString &detail) {
        states.append({st, detail});
    });
    std::int64_t stored = 0;
    connect(&session, &LiveSession::stored, this,
            [&](const TickBatch &, const BarBatch &, const WriteStats &st) { stored += st.stored; });
    FeedStats feedStats;
    connect(&session, &LiveSession::feedStatsUpdated, this, [&](const FeedStats &st) { feedStats = st; });
    session.start();
    QTRY_COMPARE_WITH_TIMEOUT(stored, std::int64_t(many.frames.size()), 60000);
    QCOMPARE(server.connectionCount(), 3);
    QTRY_VERIFY_WITH_TIMEOUT(!states.isEmpty() && states.last().first == FeedState::Connected, 10000);
    QVERIFY2(states.last().second.startsWith(QStringLiteral("3 connections, 60 streams")),
             qPrintable(states.last().second));
    // The statistics are summed over the connections (each reports once a second).
    QTRY_COMPARE_WITH_TIMEOUT(feedStats.ticks, std::int64_t(many.frames.size()), 5000);
    QCOMPARE(feedStats.unsubscribed, 0);
    session.stop();
    QStringList requested = server.requestedStreams();
    std::sort(requested.begin(), requested.end());
    QCOMPARE(requested.size(), 3);
    for (const QString &streams : std::as_const(requested)) {
        const int n = int(streams.split(QLatin1Char('/')).size());
        QVERIFY2(n == 25 || n == 10, qPrintable(streams));
    }
    QSqlDatabase conn = Database::open(scratch.spec(), QStringLiteral("verify60"), &error);
    for (const QString &sym : std::as_const(cfg.symbols))
        QCOMPARE(BarStore::tickCount(conn, sym), std::int64_t(kFrames));
    conn = QSqlDatabase();
    Database::close(QStringLiteral("verify60"));
}

void TestFeedReplay::symbolsAddedLiveArePacedSubscriptions()
{
    // 40 symbols at 30 a connection (30 + 10), then 30 more while streaming: 20 fill the second connection's
    // room as SUBSCRIBE messages of at most 8 streams, at least 250 ms apart (Binance takes at most 10
    // messages a second), the other 10 open a third connection. Nothing reconnects, every symbol's trades
    // arrive, none twice.
    SKIP_WITHOUT_STORAGE();
    constexpr int kSymbols = 70;
    constexpr std::size_t kFrames = 100;
    const Recording many = manySymbols(m_recording, kSymbols, kFrames);
    ReplayServer server;
    server.setRecording(many);
    server.setFramesPerSecond(200); // per connection: the streams outlive the subscriptions
    QString error;
    QVERIFY2(server.listen(0, &error), qPrintable(error));
    test::ScratchDatabase scratch;
    FeedConfig cfg;
    cfg.endpoint = server.url();
    cfg.streamsPerConnection = 30;
    cfg.subscribeBatch = 8;
    cfg.subscribeIntervalMs = 250;
    QStringList all;
    for (int k = 0; k < kSymbols; ++k)
        all << QStringLiteral("S%1USDT").arg(k, 2, 10, QLatin1Char('0'));
    cfg.symbols = all.mid(0, 40);
    LiveSession session(cfg, scratch.spec());
    QSet<QString> seen;
    std::int64_t stored = 0;
    connect(&session, &LiveSession::stored, this,
            [&](const TickBatch &ticks, const BarBatch &, const WriteStats &st) {
                stored += st.stored;
                for (const Tick &t : *ticks)
                    seen.insert(t.symbol.toString());
            });
    FeedState state = FeedState::Stopped;
    connect(&session, &LiveSession::feedStateChanged, this,
            [&](FeedState st, const QString &) { state = st; });
    session.start();
    QTRY_VERIFY_WITH_TIMEOUT(state == FeedState::Connected && server.connectionCount() == 2, 10000);
    session.addSymbols(all.mid(40));
    QCOMPARE(session.feedConfig().symbols, all);
    QTRY_VERIFY_WITH_TIMEOUT(seen.size() == kSymbols, 30000);
    QCOMPARE(server.connectionCount(), 3); // no reconnect: one new connection
    QCOMPARE(session.feed()->connectionCount(), 3);
    const QList<ReplayServer::Subscription> subs = server.subscriptions();
    QCOMPARE(subs.size(), 3);
    QCOMPARE(subs[0].streams, 8);
    QCOMPARE(subs[1].streams, 8);
    QCOMPARE(subs[2].streams, 4);
    for (qsizetype i = 1; i < subs.size(); ++i)
        QVERIFY2(subs[i].atMs - subs[i - 1].atMs >= 200,
                 qPrintable(QString::number(subs[i].atMs - subs[i - 1].atMs)));
    QCOMPARE(session.feed()->stats().unsubscribed, 0);
    session.stop();
    QSqlDatabase conn = Database::open(scratch.spec(), QStringLiteral("verify70"), &error);
    for (const QString &sym : std::as_const(all)) {
        const std::int64_t n = BarStore::tickCount(conn, sym);
        QVERIFY2(n > 0 && n <= std::int64_t(kFrames),
                 qPrintable(sym + QLatin1Char(' ') + QString::number(n)));
    }
    conn = QSqlDatabase();
    Database::close(QStringLiteral("verify70"));
}

void TestFeedReplay::symbolsAddedWhileConnectingAreAskedForOnceConnected()
{
    // Symbols added before the handshake is done: the connection's URL does not name them, so it asks for
    // them by SUBSCRIBE as soon as it is connected (8 + 2 streams), and their trades arrive.
    SKIP_WITHOUT_STORAGE();
    const Recording many = manySymbols(m_recording, 20, 100);
    ReplayServer server;
    server.setRecording(many);
    server.setFramesPerSecond(300);
    QString error;
    QVERIFY2(server.listen(0, &error), qPrintable(error));
    test::ScratchDatabase scratch;
    FeedConfig cfg;
    cfg.endpoint = server.url();
    cfg.subscribeBatch = 8;
    QStringList all;
    for (int k = 0; k < 20; ++k)
        all << QStringLiteral("S%1USDT").arg(k, 2, 10, QLatin1Char('0'));
    cfg.symbols = all.mid(0, 10);
    LiveSession session(cfg, scratch.spec());
    QSet<QString> seen;
    connect(&session, &LiveSession::stored, this,
            [&](const TickBatch &ticks, const BarBatch &, const WriteStats &) {
                for (const Tick &t : *ticks)
                    seen.insert(t.symbol.toString());
            });
    session.start();
    session.addSymbols(all.mid(10)); // queued behind the start: the connection is being opened
    QTRY_VERIFY_WITH_TIMEOUT(seen.size() == 20, 20000);
    QCOMPARE(server.connectionCount(), 1);
    QCOMPARE(server.requestedStreams().front().split(QLatin1Char('/')).size(), 10);
    QCOMPARE(server.subscriptions().size(), 2);
    QCOMPARE(server.subscriptions()[0].streams + server.subscriptions()[1].streams, 10);
    session.stop();
}

void TestFeedReplay::quotesAskedForLiveAreStoredOnce()
{
    // A live session streaming BTCUSDT's trades from the real hftbacktest capture is asked for the symbol's
    // quotes (a pair with it became active): one SUBSCRIBE of one stream, no reconnect, and every quote that
    // arrives is binned and stored once (the stored 1 s bars count exactly the updates received).
    SKIP_WITHOUT_STORAGE();
    Recording capture;
    QString error;
    QVERIFY2(Recording::load(
                 test::sharedData(QStringLiteral("real/binance_ws/hftbacktest_usdm_btcusdt_20240808_raw.gz")),
                 &capture, &error),
             qPrintable(error));
    ReplayServer server;
    server.setRecording(capture);
    server.setFramesPerSecond(4000);
    QVERIFY2(server.listen(0, &error), qPrintable(error));
    test::ScratchDatabase scratch;
    FeedConfig cfg;
    cfg.endpoint = server.url();
    cfg.symbols = {QStringLiteral("BTCUSDT")};
    cfg.backfill = false;
    cfg.historyDays = 0;
    LiveSession session(cfg, scratch.spec());
    FeedState state = FeedState::Stopped;
    FeedStats stats;
    std::int64_t stored = 0;
    connect(&session, &LiveSession::feedStateChanged, this,
            [&](FeedState st, const QString &) { state = st; });
    connect(&session, &LiveSession::feedStatsUpdated, this, [&](const FeedStats &st) { stats = st; });
    connect(&session, &LiveSession::stored, this,
            [&](const TickBatch &, const BarBatch &, const WriteStats &st) { stored += st.stored; });
    session.start();
    QTRY_VERIFY_WITH_TIMEOUT(state == FeedState::Connected && stored > 100, 10000);
    QCOMPARE(stats.quotes, 0);
    session.addQuoteSymbols({QStringLiteral("BTCUSDT")});
    QTRY_VERIFY_WITH_TIMEOUT(stats.quotes > 2000, 20000);
    session.stop();
    QCOMPARE(server.connectionCount(), 1);
    QCOMPARE(server.subscriptions().size(), qsizetype(1));
    QCOMPARE(server.subscriptions().front().streams, 1);
    QCOMPARE(stats.unsubscribed, 0);
    std::vector<QuoteBar> bars;
    Database::withReader(
        scratch.spec(),
        [&](QSqlDatabase &db) {
            bars = QuoteStore::load(db, QStringLiteral("BTCUSDT"), Interval::S1, &error);
        },
        &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    std::int64_t updates = 0;
    for (const QuoteBar &b : bars)
        updates += b.updates;
    QVERIFY(updates >=
            stats.quotes); // the stats come at most every few hundred ms: the last quotes may be newer
    QVERIFY(updates <= 66089);
}

void TestFeedReplay::markPricesReachTheSessionNewestFirst()
{
    // markPrice@1s frames of two symbols (Binance's format; BTCUSDT's and ETHUSDT's real 8 h marks and
    // funding rates of 2025-06-01..03, one frame a second): with markPrices on the feed asks for the streams
    // and the session hands on, per batch, each symbol's newest mark; the last one seen is the recording's
    // last.
    SKIP_WITHOUT_STORAGE();
    QByteArray text;
    const struct
    {
        const char *symbol;
        double marks[3], rates[3];
    } legs[] = {{"BTCUSDT", {104396.9, 105814.4, 105807.9}, {0.00004467, 0.00005005, 0.00005005}},
                {"ETHUSDT", {2610.54, 2598.0, 2622.31}, {0.0001, 0.00008121, 0.0001}}};
    const qint64 t0 = 1748908800000;
    for (int k = 0; k < 30; ++k)
        for (const auto &leg : legs) {
            const QByteArray sym(leg.symbol);
            text += R"({"stream":")" + sym.toLower() +
                    R"(@markPrice@1s","data":{"e":"markPriceUpdate","E":)" +
                    QByteArray::number(t0 + k * 1000) + R"(,"s":")" + sym + R"(","p":")" +
                    QByteArray::number(leg.marks[k % 3], 'g', 17) + R"(","P":"1","i":")" +
                    QByteArray::number(leg.marks[k % 3] - 1, 'g', 17) + R"(","r":")" +
                    QByteArray::number(leg.rates[k % 3], 'f', 8) + R"(","T":1748937600000}})" + "\n";
        }
    Recording rec;
    QString error;
    QVERIFY2(Recording::parse(text, &rec, &error), qPrintable(error));
    QCOMPARE(rec.frames.size(), std::size_t(60));
    ReplayServer server;
    server.setRecording(rec);
    server.setFramesPerSecond(100);
    QVERIFY2(server.listen(0, &error), qPrintable(error));
    test::ScratchDatabase scratch;
    FeedConfig cfg;
    cfg.endpoint = server.url();
    cfg.symbols = {QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")};
    cfg.markPrices = true;
    cfg.backfill = false;
    cfg.historyDays = 0;
    LiveSession session(cfg, scratch.spec());
    QHash<QString, MarkPrice> newest;
    int batches = 0, updates = 0;
    connect(&session, &LiveSession::markPrices, this, [&](const MarkPriceBatch &b) {
        ++batches;
        QSet<QString> inBatch;
        for (const MarkPrice &m : *b) {
            QVERIFY(!inBatch.contains(m.symbol.toString())); // one per symbol and batch
            inBatch.insert(m.symbol.toString());
            QVERIFY(m.eventMs >= newest.value(m.symbol.toString()).eventMs);
            newest.insert(m.symbol.toString(), m);
            ++updates;
        }
    });
    FeedStats stats;
    connect(&session, &LiveSession::feedStatsUpdated, this, [&](const FeedStats &st) { stats = st; });
    session.start();
    QTRY_VERIFY_WITH_TIMEOUT(newest.value(QStringLiteral("ETHUSDT")).eventMs == t0 + 29000 &&
                                 newest.value(QStringLiteral("BTCUSDT")).eventMs == t0 + 29000,
                             10000);
    session.stop();
    QVERIFY(server.requestedStreams().join(QLatin1Char(' ')).contains(QLatin1String("ethusdt@markPrice@1s")));
    QCOMPARE(newest.value(QStringLiteral("BTCUSDT")).mark, legs[0].marks[29 % 3]); // the last frame's
    QCOMPARE(newest.value(QStringLiteral("ETHUSDT")).fundingRate, legs[1].rates[29 % 3]);
    QCOMPARE(newest.value(QStringLiteral("BTCUSDT")).nextFundingMs, qint64(1748937600000));
    QVERIFY(updates <= 60 && batches >= 2);
    QCOMPARE(stats.malformed, 0);
}

QTEST_GUILESS_MAIN(TestFeedReplay)
#include "tst_feed_replay.moc"
