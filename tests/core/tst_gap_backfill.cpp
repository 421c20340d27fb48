#include "aggtrades_mock.h"
#include "market/aggtrades_backfill.h"
#include "market/gap_detector.h"
#include "market/recording.h"
#include "market/replay_server.h"
#include "real_ticks.h"
#include "session/gap_watcher.h"
#include "session/live_session.h"
#include "storage/bar_store.h"
#include "storage/database.h"
#include "storage/gap_store.h"
#include "storage/tick_writer.h"
#include "test_database.h"

#include <QSignalSpy>

#include <QSqlQuery>
#include <QTest>
#include <algorithm>

using namespace pairlab;
using test::MockAggTrades;

namespace {

const SymbolCode Btc = SymbolCode::fromText("BTCUSDT");
const SymbolCode Eth = SymbolCode::fromText("ETHUSDT");

/** The recording without `count` ticks of symbol from its `first`-th tick on. */
std::vector<Tick> without(const std::vector<Tick> &all, const SymbolCode &symbol, std::size_t first,
                          std::size_t count)
{
    std::vector<Tick> out;
    std::size_t k = 0;
    for (const Tick &t : all) {
        if (t.symbol == symbol) {
            const std::size_t i = k++;
            if (i >= first && i < first + count)
                continue;
        }
        out.push_back(t);
    }
    return out;
}

std::vector<Tick> ofSymbol(const std::vector<Tick> &all, const SymbolCode &symbol)
{
    std::vector<Tick> out;
    for (const Tick &t : all)
        if (t.symbol == symbol)
            out.push_back(t);
    return out;
}

/** Index of a tick of symbol inside a run of at least three trades of one time, price and side. */
std::size_t insideRun(const std::vector<Tick> &ticks, std::size_t from)
{
    for (std::size_t i = std::max<std::size_t>(from, 1); i + 1 < ticks.size(); ++i) {
        const Tick &a = ticks[i - 1], &b = ticks[i], &c = ticks[i + 1];
        if (a.tsMs == b.tsMs && b.tsMs == c.tsMs && a.price == b.price && b.price == c.price &&
            a.buyerMaker == b.buyerMaker && b.buyerMaker == c.buyerMaker)
            return i;
    }
    return from;
}

struct Row
{
    QString symbol;
    qint64 tradeId, tsMs;
    double price, qty;
    int buyerMaker;
};

std::vector<Row> storedTicks(const QString &spec, const QString &connection)
{
    std::vector<Row> out;
    {
        QString error;
        QSqlDatabase db = Database::open(spec, connection, &error);
        QSqlQuery q(db);
        q.exec(
            QStringLiteral("SELECT s.name, t.trade_id, t.ts_ms, t.price, t.qty, t.buyer_maker FROM ticks t "
                           "JOIN symbols s ON s.id = t.symbol_id ORDER BY s.name, t.trade_id"));
        while (q.next())
            out.push_back({q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toLongLong(),
                           q.value(3).toDouble(), q.value(4).toDouble(), q.value(5).toInt()});
    }
    Database::close(connection);
    return out;
}

std::vector<Bar> storedBars(const QString &spec, const QString &connection, const QString &symbol,
                            Interval interval)
{
    std::vector<Bar> out;
    {
        QString error;
        QSqlDatabase db = Database::open(spec, connection, &error);
        out = BarStore::loadBars(db, symbol, interval);
    }
    Database::close(connection);
    return out;
}

/** Runs gaps through a back-fill against the mock, the ticks into writer; the outcomes in order. */
std::vector<BackfillOutcome> backfill(const BackfillConfig &config, const std::vector<TradeGap> &gaps,
                                      TickWriter *writer, std::vector<Tick> *fetched = nullptr)
{
    std::vector<BackfillOutcome> outcomes;
    AggTradesBackfill bf(config);
    QObject::connect(&bf, &AggTradesBackfill::ticks, &bf, [&](const TickBatch &batch) {
        if (writer)
            writer->writeBatch(batch);
        if (fetched)
            fetched->insert(fetched->end(), batch->begin(), batch->end());
    });
    QObject::connect(&bf, &AggTradesBackfill::finished, &bf,
                     [&](const BackfillOutcome &o) { outcomes.push_back(o); });
    for (const TradeGap &g : gaps)
        bf.fill(g);
    if (!QTest::qWaitFor([&] { return outcomes.size() == gaps.size(); }, 60000))
        qWarning("the back-fill did not finish");
    return outcomes;
}

/** A gap of each of the two symbols is recorded, and every one is filled. */
bool bothFilled(const TradeGapList &gaps)
{
    return gaps.size() >= 2 && std::all_of(gaps.begin(), gaps.end(),
                                           [](const TradeGap &g) { return g.state == GapState::Filled; });
}

BackfillConfig mockConfig(const MockAggTrades &mock, StreamKind kind = StreamKind::Trade)
{
    BackfillConfig c;
    c.restBase = mock.url();
    c.kind = kind;
    c.minIntervalMs = 0;
    c.retryBaseMs = 50;
    c.ban = std::make_shared<RestBan>(); // a 418 of one case must not stop the next ones
    return c;
}

} // namespace

/** Gap detection on trade-id continuity and the aggTrades back-fill against a local HTTP mock built from
 *  the real recording: a cut-out stretch comes back exactly (ticks and bars), 429 is waited out, 418 and
 *  what the request bound does not reach are recorded unfillable, and the whole live path (replay server
 *  with frames removed -> LiveSession -> database) ends complete. */
class TestGapBackfill : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void realRecordingHasNoGaps();
    void cutStretchIsOneGap_data();
    void cutStretchIsOneGap();
    void repeatsAndOverlapsAreNoGaps();
    void gapSettlesWhenTheRunAfterItEnds();
    void lateTicksShrinkAndSplitGaps();
    void parsesPages_data();
    void parsesPages();
    void backfillRestoresTheCutStretch_data();
    void backfillRestoresTheCutStretch();
    void waitsOutTooManyRequests();
    void bannedIpLeavesGapsUnfillable();
    void retriesMalformedSlowAndFailedAnswers();
    void givesUpAfterRetries();
    void requestBoundFillsPartlyAndRecordsTheRest();
    void liveSessionBackfillsAReplayWithFramesRemoved();
    void aRestartFillsTheTradesMissedWhileClosed();
    void aSeedOfAnotherStreamKindIsNotAGap();

private:
    std::vector<Tick> m_ticks;
};

void TestGapBackfill::initTestCase()
{
    registerMetaTypes();
    if (!test::backendAvailable())
        return;
    m_ticks = test::loadRealTicks(QString::fromLatin1(test::CombinedRecording));
    QVERIFY(m_ticks.size() > 10000);
}

void TestGapBackfill::realRecordingHasNoGaps()
{
    GapDetector d;
    d.feed(m_ticks, 0);
    QCOMPARE(d.gapsDetected(), std::int64_t(0));
    QVERIFY(d.takeAll().empty());
    QCOMPARE(d.lastId(Btc), ofSymbol(m_ticks, Btc).back().tradeId);
}

void TestGapBackfill::cutStretchIsOneGap_data()
{
    QTest::addColumn<QString>("symbol");
    QTest::addColumn<int>("first");
    QTest::addColumn<int>("count");
    QTest::newRow("btcOne") << QStringLiteral("BTCUSDT") << 100 << 1;
    QTest::newRow("btcThousands") << QStringLiteral("BTCUSDT") << 2000 << 3500;
    QTest::newRow("ethMiddle") << QStringLiteral("ETHUSDT") << 3000 << 40;
}

void TestGapBackfill::cutStretchIsOneGap()
{
    QFETCH(QString, symbol);
    QFETCH(int, first);
    QFETCH(int, count);
    const SymbolCode s = SymbolCode::fromString(symbol);
    const std::vector<Tick> own = ofSymbol(m_ticks, s);
    GapDetector d;
    d.feed(without(m_ticks, s, std::size_t(first), std::size_t(count)), 42);
    const std::vector<TradeGap> gaps = d.takeAll();
    QCOMPARE(gaps.size(), std::size_t(1));
    const TradeGap &g = gaps.front();
    QCOMPARE(g.symbol, s);
    QCOMPARE(g.fromId, own[std::size_t(first)].tradeId);
    QCOMPARE(g.toId, own[std::size_t(first + count - 1)].tradeId);
    QCOMPARE(g.count(), std::int64_t(count));
    QCOMPARE(g.fromMs, own[std::size_t(first - 1)].tsMs);
    QCOMPARE(g.toMs, own[std::size_t(first + count)].tsMs);
    QCOMPARE(g.detectedMs, std::int64_t(42));
    QCOMPARE(g.state, GapState::Open);
}

void TestGapBackfill::repeatsAndOverlapsAreNoGaps()
{
    // A reconnect that resumes 300 trades early, and a batch delivered twice.
    GapDetector d;
    const std::span<const Tick> all(m_ticks);
    d.feed(all.subspan(0, 5000), 0);
    d.feed(all.subspan(4700, 2000), 0);
    d.feed(all.subspan(6000, 700), 0);
    d.feed(all.subspan(6700), 0);
    QCOMPARE(d.gapsDetected(), std::int64_t(0));
}

void TestGapBackfill::gapSettlesWhenTheRunAfterItEnds()
{
    const std::vector<Tick> btc = ofSymbol(m_ticks, Btc);
    const std::size_t at = insideRun(btc, 500);
    QVERIFY(at >= 500 && at + 2 < btc.size());
    std::vector<Tick> cut(btc.begin(), btc.end());
    cut.erase(cut.begin() + std::ptrdiff_t(at), cut.begin() + std::ptrdiff_t(at + 1)); // cuts a run in two
    GapDetector d;
    const std::span<const Tick> ticks(cut);
    d.feed(ticks.subspan(0, at + 1), 0); // up to the first tick after the gap
    QVERIFY(d.takeSettled().empty());    // the run after it may go on
    d.feed(ticks.subspan(at + 1), 0);
    const std::vector<TradeGap> gaps = d.takeSettled();
    QCOMPARE(gaps.size(), std::size_t(1));
    // The edge holds the run's delivered trades on both sides of the missing one.
    bool before = false, after = false;
    for (const Tick &e : gaps.front().edge) {
        before = before || e.tradeId == btc[at - 1].tradeId;
        after = after || e.tradeId == btc[at + 1].tradeId;
    }
    QVERIFY(before && after);
}

void TestGapBackfill::lateTicksShrinkAndSplitGaps()
{
    // Out of order within windows of 64 ticks (as tst_feed_replay's flaky upstream): no gap at all.
    std::vector<Tick> shuffled = m_ticks;
    for (std::size_t at = 0; at + 64 <= shuffled.size(); at += 64)
        std::reverse(shuffled.begin() + std::ptrdiff_t(at), shuffled.begin() + std::ptrdiff_t(at + 64));
    GapDetector d;
    d.feed(shuffled, 0);
    QVERIFY(d.gapsDetected() > 0); // seen while out of order ...
    QVERIFY(d.takeAll().empty());  // ... and closed by the late ticks
    // A late tick in the middle of a gap splits it.
    const std::vector<Tick> btc = ofSymbol(m_ticks, Btc);
    GapDetector s;
    std::vector<Tick> order(btc.begin(), btc.begin() + 100);
    order.push_back(btc[120]);
    order.push_back(btc[110]);
    order.insert(order.end(), btc.begin() + 121, btc.begin() + 200);
    s.feed(order, 0);
    const std::vector<TradeGap> gaps = s.takeSettled();
    QCOMPARE(gaps.size(), std::size_t(2));
    QCOMPARE(gaps[0].fromId, btc[100].tradeId);
    QCOMPARE(gaps[0].toId, btc[109].tradeId);
    QCOMPARE(gaps[1].fromId, btc[111].tradeId);
    QCOMPARE(gaps[1].toId, btc[119].tradeId);
}

void TestGapBackfill::parsesPages_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("rows");
    QTest::newRow("binanceExample") << QByteArray(
                                           R"([{"a":26129,"p":"0.01633102","q":"4.70443515","f":27781,)"
                                           R"("l":27781,"T":1498793709153,"m":true,"M":true}])")
                                    << 1;
    QTest::newRow("empty") << QByteArray("[]") << 0;
    QTest::newRow("truncated") << QByteArray(R"([{"a":1,"p":"6)") << -1;
    QTest::newRow("errorObject") << QByteArray(R"({"code":-1121,"msg":"Invalid symbol."})") << -1;
    QTest::newRow("priceNotAString") << QByteArray(R"([{"a":1,"p":6,"q":"1","f":1,"l":1,"T":1,"m":true}])")
                                     << -1;
    QTest::newRow("lastBeforeFirst") << QByteArray(R"([{"a":1,"p":"6","q":"1","f":5,"l":4,"T":1,"m":true}])")
                                     << -1;
}

void TestGapBackfill::parsesPages()
{
    QFETCH(QByteArray, json);
    QFETCH(int, rows);
    std::vector<AggTradesBackfill::AggTrade> page;
    QString error;
    const bool ok = AggTradesBackfill::parsePage(json, &page, &error);
    QCOMPARE(ok, rows >= 0);
    if (ok) {
        QCOMPARE(int(page.size()), rows);
        if (rows == 1) {
            QCOMPARE(page[0].a, std::int64_t(26129));
            QCOMPARE(page[0].qty, 4.70443515);
            QCOMPARE(page[0].T, std::int64_t(1498793709153));
            QVERIFY(page[0].buyerMaker);
        }
    } else {
        QVERIFY(!error.isEmpty());
    }
}

void TestGapBackfill::backfillRestoresTheCutStretch_data()
{
    QTest::addColumn<bool>("aggregate");
    QTest::addColumn<bool>("aggTradeStream");
    QTest::newRow("tradeStreamOneTradePerAggregate") << false << false;
    QTest::newRow("tradeStreamAggregated") << true << false;
    QTest::newRow("aggTradeStream") << true << true;
}

void TestGapBackfill::backfillRestoresTheCutStretch()
{
    QFETCH(bool, aggregate);
    QFETCH(bool, aggTradeStream);
    MockAggTrades mock(m_ticks, aggregate);
    QVERIFY(mock.listen());
    std::vector<Tick> full = m_ticks;
    if (aggTradeStream) { // the stream of aggregate trades: ids are aggregate ids
        full = mock.aggTicks(QStringLiteral("BTCUSDT"));
        const std::vector<Tick> eth = mock.aggTicks(QStringLiteral("ETHUSDT"));
        full.insert(full.end(), eth.begin(), eth.end());
    }
    // Two stretches, each starting and ending inside a run of one aggregate trade.
    const std::vector<Tick> btc = ofSymbol(full, Btc), eth = ofSymbol(full, Eth);
    const std::size_t b0 = insideRun(btc, 1500), b1 = insideRun(btc, b0 + 2600);
    const std::size_t e0 = insideRun(eth, 2000);
    std::vector<Tick> cut = without(without(full, Btc, b0, b1 - b0), Eth, e0, 37);

    test::ScratchDatabase scratch, reference;
    TickWriter w(scratch.spec()), ref(reference.spec());
    QString error;
    QVERIFY2(w.open(&error) && ref.open(&error), qPrintable(error));
    QVERIFY2(ref.write(full, nullptr, &error), qPrintable(error));
    ref.close();
    GapDetector d;
    for (std::size_t i = 0; i < cut.size(); i += 500) { // batches as the feed sends them
        const std::span<const Tick> batch(cut.data() + i, std::min<std::size_t>(500, cut.size() - i));
        QVERIFY2(w.write(batch, nullptr, &error), qPrintable(error));
        d.feed(batch, 0);
    }
    const std::vector<TradeGap> gaps = d.takeAll();
    QCOMPARE(gaps.size(), std::size_t(2));

    const std::vector<BackfillOutcome> outcomes =
        backfill(mockConfig(mock, aggTradeStream ? StreamKind::AggTrade : StreamKind::Trade), gaps, &w);
    QCOMPARE(outcomes.size(), std::size_t(2));
    for (const BackfillOutcome &o : outcomes) {
        QVERIFY2(o.complete(), qPrintable(o.reason));
        QCOMPARE(o.missingIds, std::int64_t(0));
        QVERIFY(o.requests <= 1 + int(o.gap.count() / 1000) + 1);
        QCOMPARE(o.records().size(), 1);
        QCOMPARE(o.records().front().state, GapState::Filled);
    }
    QVERIFY(std::max(outcomes[0].requests, outcomes[1].requests) >= 2); // 2600 trades take more than a page
    w.close();

    const std::vector<Row> got = storedTicks(scratch.spec(), QStringLiteral("got"));
    const std::vector<Row> want = storedTicks(reference.spec(), QStringLiteral("want"));
    QCOMPARE(got.size(), want.size());
    double gotQty = 0, wantQty = 0;
    for (std::size_t i = 0; i < got.size(); ++i) {
        QCOMPARE(got[i].symbol, want[i].symbol);
        QCOMPARE(got[i].tradeId, want[i].tradeId);
        QCOMPARE(got[i].tsMs, want[i].tsMs);
        QCOMPARE(got[i].price, want[i].price);
        QCOMPARE(got[i].buyerMaker, want[i].buyerMaker);
        if (!aggregate || aggTradeStream)
            QCOMPARE(got[i].qty, want[i].qty); // one trade per aggregate: the very same ticks
        gotQty += got[i].qty;
        wantQty += want[i].qty;
    }
    PAIRLAB_FUZZY_COMPARE(gotQty, wantQty, 1e-12, 0.0);
    for (const QString &s : {QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")}) {
        for (Interval iv : AllIntervals) {
            const std::vector<Bar> a = storedBars(scratch.spec(), QStringLiteral("bars1"), s, iv);
            const std::vector<Bar> b = storedBars(reference.spec(), QStringLiteral("bars2"), s, iv);
            QCOMPARE(a.size(), b.size());
            for (std::size_t i = 0; i < a.size(); ++i) {
                QCOMPARE(a[i].openMs, b[i].openMs);
                QCOMPARE(a[i].open, b[i].open);
                QCOMPARE(a[i].high, b[i].high);
                QCOMPARE(a[i].low, b[i].low);
                QCOMPARE(a[i].close, b[i].close);
                QCOMPARE(a[i].trades, b[i].trades);
                QCOMPARE(a[i].firstTradeId, b[i].firstTradeId);
                QCOMPARE(a[i].lastTradeId, b[i].lastTradeId);
                PAIRLAB_FUZZY_COMPARE(a[i].volume, b[i].volume, 1e-12, 1e-9);
            }
        }
    }
    // The live stream later delivering trades of the back-filled stretch adds nothing.
    TickWriter again(scratch.spec());
    QVERIFY2(again.open(&error), qPrintable(error));
    WriteStats stats;
    QVERIFY2(again.write(std::span<const Tick>(btc).subspan(b0 - 5, 200), &stats, &error), qPrintable(error));
    QCOMPARE(stats.stored, std::int64_t(0));
}

void TestGapBackfill::waitsOutTooManyRequests()
{
    MockAggTrades mock(m_ticks, false);
    QVERIFY(mock.listen());
    mock.setScript({{MockAggTrades::Fault::None, 0}, {MockAggTrades::Fault::TooMany, 1}});
    GapDetector d;
    d.feed(without(m_ticks, Btc, 3000, 1500), 0);
    const std::vector<BackfillOutcome> out = backfill(mockConfig(mock), d.takeAll(), nullptr);
    QCOMPARE(out.size(), std::size_t(1));
    QVERIFY2(out[0].complete(), qPrintable(out[0].reason));
    QCOMPARE(out[0].rateLimited, 1);
    const QList<MockAggTrades::Request> &r = mock.requests();
    QCOMPARE(r.size(), out[0].requests);
    QCOMPARE(r.size(), 3); // the first page by time, the second by id: refused once, then asked again
    QCOMPARE(r[1].status, 429);
    QCOMPARE(r[2].fromId, r[1].fromId); // the same page again
    QVERIFY2(r[2].receivedMs >= r[1].answeredMs + 1000, "asked again before Retry-After had passed");
    QVERIFY(r[0].startTime >= 0 && r[0].fromId < 0);
}

void TestGapBackfill::bannedIpLeavesGapsUnfillable()
{
    if (!test::backendAvailable())
        return;
    MockAggTrades mock(m_ticks, true);
    QVERIFY(mock.listen());
    mock.setScript({{MockAggTrades::Fault::Banned, 120}});
    GapDetector d;
    d.feed(without(without(m_ticks, Btc, 3000, 10), Eth, 1000, 10), 1234);
    const std::vector<BackfillOutcome> out = backfill(mockConfig(mock), d.takeAll(), nullptr);
    QCOMPARE(out.size(), std::size_t(2));
    QCOMPARE(mock.requests().size(), 1); // nothing asked while banned
    for (const BackfillOutcome &o : out) {
        QVERIFY(!o.complete());
        QVERIFY2(o.reason.contains(QLatin1String("418")), qPrintable(o.reason));
        QVERIFY(o.reason.contains(QLatin1String("120 s")));
    }
    test::ScratchDatabase scratch;
    QString error;
    {
        QSqlDatabase db = Database::open(scratch.spec(), QStringLiteral("gaps"), &error);
        QVERIFY2(db.isValid(), qPrintable(error));
        TradeGapList all;
        for (const BackfillOutcome &o : out)
            all << o.records();
        QVERIFY2(GapStore::putGaps(db, all, &error), qPrintable(error));
        const TradeGapList stored = GapStore::loadGaps(db, {}, std::numeric_limits<std::int64_t>::min(),
                                                       std::numeric_limits<std::int64_t>::max(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(stored.size(), 2);
        QCOMPARE(stored[0].symbol, Btc);
        QCOMPARE(stored[0].state, GapState::Unfillable);
        QCOMPARE(stored[0].count(), std::int64_t(10));
        QCOMPARE(stored[0].reason, out[0].reason);
        QCOMPARE(stored[0].detectedMs, std::int64_t(1234));
        QCOMPARE(GapStore::loadGaps(db, QStringLiteral("ETHUSDT")).size(), 1);
        QVERIFY(GapStore::loadGaps(db, {}, 0, 1).isEmpty()); // nothing in 1970
    }
    Database::close(QStringLiteral("gaps"));
}

void TestGapBackfill::retriesMalformedSlowAndFailedAnswers()
{
    MockAggTrades mock(m_ticks, true);
    QVERIFY(mock.listen());
    mock.setScript({{MockAggTrades::Fault::Malformed, 0},
                    {MockAggTrades::Fault::Slow, 3000},
                    {MockAggTrades::Fault::ServerError, 0},
                    {MockAggTrades::Fault::None, 0}});
    BackfillConfig c = mockConfig(mock);
    c.timeoutMs = 300;
    GapDetector d;
    d.feed(without(m_ticks, Eth, 1000, 300), 0);
    const std::vector<BackfillOutcome> out = backfill(c, d.takeAll(), nullptr);
    QCOMPARE(out.size(), std::size_t(1));
    QVERIFY2(out[0].complete(), qPrintable(out[0].reason));
    QCOMPARE(mock.requests().size(), 4);
    QCOMPARE(out[0].requests, 4);
}

void TestGapBackfill::givesUpAfterRetries()
{
    MockAggTrades mock(m_ticks, true);
    QVERIFY(mock.listen());
    QList<MockAggTrades::Step> script;
    for (int i = 0; i < 10; ++i)
        script << MockAggTrades::Step{MockAggTrades::Fault::Malformed, 0};
    mock.setScript(script);
    BackfillConfig c = mockConfig(mock);
    c.maxRetries = 2;
    GapDetector d;
    d.feed(without(m_ticks, Btc, 50, 5), 0);
    const std::vector<BackfillOutcome> out = backfill(c, d.takeAll(), nullptr);
    QCOMPARE(out.size(), std::size_t(1));
    QVERIFY(!out[0].complete());
    QVERIFY2(out[0].reason.contains(QLatin1String("malformed")), qPrintable(out[0].reason));
    QCOMPARE(mock.requests().size(), 3);
}

void TestGapBackfill::requestBoundFillsPartlyAndRecordsTheRest()
{
    if (!test::backendAvailable())
        return;
    MockAggTrades mock(m_ticks, false);
    QVERIFY(mock.listen());
    BackfillConfig c = mockConfig(mock);
    c.pageLimit = 100;
    c.maxRequestsPerGap = 3;
    GapDetector d;
    d.feed(without(m_ticks, Btc, 4000, 1000), 0);
    const std::vector<TradeGap> gaps = d.takeAll();
    test::ScratchDatabase scratch;
    TickWriter w(scratch.spec());
    QString error;
    QVERIFY2(w.open(&error), qPrintable(error));
    std::vector<Tick> fetched;
    const std::vector<BackfillOutcome> out = backfill(c, gaps, &w, &fetched);
    QCOMPARE(out.size(), std::size_t(1));
    const BackfillOutcome &o = out[0];
    QCOMPARE(mock.requests().size(), 3);
    QCOMPARE(o.requests, 3);
    QVERIFY(!o.complete());
    QVERIFY(o.filledTo > gaps[0].fromId && o.filledTo < gaps[0].toId);
    QCOMPARE(std::int64_t(fetched.size()), o.filledTo - gaps[0].fromId + 1);
    QCOMPARE(fetched.front().tradeId, gaps[0].fromId);
    const TradeGapList records = o.records();
    QCOMPARE(records.size(), 2);
    QCOMPARE(records[0].state, GapState::Filled);
    QCOMPARE(records[0].toId, o.filledTo);
    QCOMPARE(records[1].state, GapState::Unfillable);
    QCOMPARE(records[1].fromId, o.filledTo + 1);
    QCOMPARE(records[1].toId, gaps[0].toId);
    QVERIFY2(records[1].reason.contains(QLatin1String("3 request")), qPrintable(records[1].reason));
    w.close();
    {
        QSqlDatabase db = Database::open(scratch.spec(), QStringLiteral("bound"), &error);
        TradeGap open = gaps[0];
        QVERIFY2(GapStore::putGaps(db, {open}, &error), qPrintable(error));  // as detected
        QVERIFY2(GapStore::putGaps(db, records, &error), qPrintable(error)); // after the back-fill
        const TradeGapList stored = GapStore::loadGaps(db);
        QCOMPARE(stored.size(), 2);
        QCOMPARE(stored[0].state, GapState::Filled);
        QCOMPARE(stored[0].toId, records[0].toId);
        QCOMPARE(stored[1].state, GapState::Unfillable);
        QCOMPARE(BarStore::tickCount(db, QStringLiteral("BTCUSDT")), std::int64_t(fetched.size()));
    }
    Database::close(QStringLiteral("bound"));
}

void TestGapBackfill::liveSessionBackfillsAReplayWithFramesRemoved()
{
    if (!test::backendAvailable())
        return;
    Recording rec;
    QString error;
    QVERIFY2(Recording::load(test::sharedData(QString::fromLatin1(test::CombinedRecording)), &rec, &error),
             qPrintable(error));
    const std::size_t frames = rec.frames.size();
    // Frames 6000..7999 never reach the client, as if the connection had been down.
    rec.frames.erase(rec.frames.begin() + 6000, rec.frames.begin() + 8000);
    ReplayServer server;
    server.setRecording(rec);
    server.setSpeed(0);
    QVERIFY2(server.listen(0, &error), qPrintable(error));
    MockAggTrades mock(m_ticks, true);
    QVERIFY(mock.listen());

    test::ScratchDatabase scratch;
    FeedConfig cfg;
    cfg.endpoint = server.url();
    cfg.restBase = mock.url();
    LiveSession session(cfg, scratch.spec());
    TradeGapList gaps;
    connect(&session, &LiveSession::gapsChanged, this, [&](const TradeGapList &g) { gaps = g; });
    QSignalSpy finished(&server, &ReplayServer::finished);
    session.start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
    QTRY_VERIFY_WITH_TIMEOUT(bothFilled(gaps), 30000);
    QCOMPARE(gaps.size(), 2); // one per symbol
    qInfo("back-fill of %d trades took %d requests", int(gaps[0].count() + gaps[1].count()),
          int(mock.requests().size()));
    session.stop();
    {
        QSqlDatabase db = Database::open(scratch.spec(), QStringLiteral("e2e"), &error);
        QVERIFY2(db.isValid(), qPrintable(error));
        QCOMPARE(BarStore::tickCount(db), std::int64_t(frames));
        const TradeGapList stored = GapStore::loadGaps(db);
        QCOMPARE(stored.size(), 2);
        for (const TradeGap &g : stored)
            QCOMPARE(g.state, GapState::Filled);
    }
    Database::close(QStringLiteral("e2e"));
}

void TestGapBackfill::aRestartFillsTheTradesMissedWhileClosed()
{
    if (!test::backendAvailable())
        return;
    Recording rec;
    QString error;
    QVERIFY2(Recording::load(test::sharedData(QString::fromLatin1(test::CombinedRecording)), &rec, &error),
             qPrintable(error));
    const std::size_t frames = rec.frames.size();
    // The app runs for frames 0..5999, is closed while 6000..7999 happen, and starts again from 8000 on.
    Recording before = rec, after = rec;
    before.frames.erase(before.frames.begin() + 6000, before.frames.end());
    after.frames.erase(after.frames.begin(), after.frames.begin() + 8000);
    MockAggTrades mock(m_ticks, true);
    QVERIFY(mock.listen());
    test::ScratchDatabase scratch;
    FeedConfig cfg;
    cfg.restBase = mock.url();
    for (const Recording *part : {&before, &after}) {
        ReplayServer server;
        server.setRecording(*part);
        server.setSpeed(0);
        QVERIFY2(server.listen(0, &error), qPrintable(error));
        cfg.endpoint = server.url();
        LiveSession session(cfg, scratch.spec());
        TradeGapList gaps;
        connect(&session, &LiveSession::gapsChanged, this, [&](const TradeGapList &g) { gaps = g; });
        std::int64_t stored = 0;
        connect(&session, &LiveSession::stored, this,
                [&](const TickBatch &, const BarBatch &, const WriteStats &s) { stored += s.stored; });
        QSignalSpy finished(&server, &ReplayServer::finished);
        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        if (part == &before) {
            QTRY_COMPARE_WITH_TIMEOUT(stored, std::int64_t(before.frames.size()), 20000);
            QCOMPARE(gaps.size(), 0);
            session.stop();
            continue;
        }
        // The first live trade of each symbol after the restart shows the gap from its newest stored trade,
        // which aggTrades fills: every trade is stored once.
        QTRY_VERIFY_WITH_TIMEOUT(bothFilled(gaps), 30000);
        QCOMPARE(gaps.size(), 2); // one per symbol
        session.stop();
    }
    {
        QSqlDatabase db = Database::open(scratch.spec(), QStringLiteral("restart"), &error);
        QVERIFY2(db.isValid(), qPrintable(error));
        QCOMPARE(BarStore::tickCount(db), std::int64_t(frames));
    }
    Database::close(QStringLiteral("restart"));
    // Closed for longer than the bound: the gap is recorded, not filled trade by trade.
    test::ScratchDatabase longer;
    cfg.tradeBackfillHours = 0; // any gap of time is "too long" here
    const qsizetype asked = mock.requests().size();
    for (const Recording *part : {&before, &after}) {
        ReplayServer server;
        server.setRecording(*part);
        server.setSpeed(0);
        QVERIFY2(server.listen(0, &error), qPrintable(error));
        cfg.endpoint = server.url();
        LiveSession session(cfg, longer.spec());
        TradeGapList gaps;
        connect(&session, &LiveSession::gapsChanged, this, [&](const TradeGapList &g) { gaps = g; });
        QSignalSpy finished(&server, &ReplayServer::finished);
        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        if (part == &after) {
            QTRY_COMPARE_WITH_TIMEOUT(gaps.size(), 2, 20000);
            for (const TradeGap &g : gaps) {
                QCOMPARE(g.state, GapState::Unfillable);
                QVERIFY2(g.reason.contains(QLatin1String("longer than 0 h")), qPrintable(g.reason));
            }
        }
        session.stop();
    }
    QCOMPARE(mock.requests().size(), asked); // nothing asked for
}

void TestGapBackfill::aSeedOfAnotherStreamKindIsNotAGap()
{
    // The newest stored id is a trade id (~5e9) and the live stream now carries aggregate ids (~2e9), or the
    // reverse: neither is a gap of the stored ids. A plausible seed is one.
    auto firstGaps = [](qint64 storedId, qint64 storedMs, qint64 liveId, qint64 liveMs) {
        GapWatcher w(0);
        QSignalSpy found(&w, &GapWatcher::gapsFound);
        w.seed(SymbolCode::fromString(QStringLiteral("BTCUSDT")), storedId, storedMs);
        auto batch = std::make_shared<std::vector<Tick>>();
        for (int k = 0; k < 3; ++k) {
            Tick t;
            t.symbol = SymbolCode::fromString(QStringLiteral("BTCUSDT"));
            t.tradeId = liveId + k;
            t.tsMs = liveMs + k;
            t.price = 60000;
            t.qty = 0.001;
            t.buyerMaker = k % 2;
            batch->push_back(t);
        }
        w.onTicks(batch);
        qint64 missing = 0;
        for (const QList<QVariant> &args : found)
            for (const TradeGap &g : args.at(0).value<TradeGapList>())
                missing += g.count();
        return missing;
    };
    const qint64 t0 = 1723161000000;
    QCOMPARE(firstGaps(5000000000LL, t0, 2000000000LL, t0 + 60000), 0); // ids went back: not this stream's
    QCOMPARE(firstGaps(2000000000LL, t0, 5000000000LL, t0 + 60000), 0); // 3e9 ids in a minute: not a gap
    QCOMPARE(firstGaps(5000000000LL, t0, 5000120001LL, t0 + 60000), 120000); // 2,000 trades/s missed for 60 s
    QCOMPARE(firstGaps(5000000000LL, t0, 5000000001LL, t0 + 1000), 0);       // continues: nothing missed
}

QTEST_GUILESS_MAIN(TestGapBackfill)
#include "tst_gap_backfill.moc"
