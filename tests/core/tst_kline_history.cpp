#include "klines_mock.h"

#include "cli/commands.h"
#include "market/kline_history.h"
#include "session/history_filler.h"
#include "session/live_session.h"
#include "storage/bar_store.h"
#include "storage/database.h"
#include "storage/funding_store.h"
#include "storage/rest_bar_store.h"

#include "test_database.h"
#include "test_util.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

using namespace pairlab;
using test::MockKlines;

namespace {

qint64 utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toMSecsSinceEpoch();
}

/** One back-fill run: ranges through a KlineHistory into the database; returns the outcomes. */
struct Run
{
    explicit Run(const QString &db, KlineHistoryConfig c) : store(db), config(std::move(c)) {}
    QList<KlineOutcome> fill(const QList<KlineRange> &ranges, int timeoutMs = 60000)
    {
        KlineHistory history(config, [this](const KlineRange &r, const std::vector<Bar> &bars, qint64 *stored,
                                            QString *error) { return store.store(r, bars, stored, error); });
        QList<KlineOutcome> out;
        QObject::connect(&history, &KlineHistory::rangeFinished, &history,
                         [&out](const KlineOutcome &o) { out << o; });
        QSignalSpy idle(&history, &KlineHistory::idle);
        history.fill(ranges);
        if (idle.isEmpty() && !idle.wait(timeoutMs))
            qWarning("the back-fill did not end");
        return out;
    }
    RestBarStore store;
    KlineHistoryConfig config;
};

KlineHistoryConfig mockConfig(const test::MockBinanceRest &mock)
{
    KlineHistoryConfig c;
    c.restBase = mock.url();
    c.budget.minIntervalMs = 0;
    c.budget.retryBaseMs = 50;
    c.timeoutMs = 2000;
    c.ban = std::make_shared<RestBan>(); // a 418 of one case must not stop the next ones
    return c;
}

std::vector<Bar> storedRest(const QString &db, const QString &symbol, int seconds)
{
    std::vector<Bar> bars;
    QString error;
    Database::withReader(
        db,
        [&](QSqlDatabase &c) {
            bars = BarStore::loadBarsSeconds(c, symbol, seconds, BarStore::RestSource, -1, &error);
        },
        &error);
    return bars;
}

/** The stored bars equal the mock's, value for value, one per open time. */
bool sameBars(const std::vector<Bar> &got, const std::vector<Bar> &want, QString *why)
{
    if (got.size() != want.size()) {
        *why = QStringLiteral("%1 bars stored, %2 served").arg(got.size()).arg(want.size());
        return false;
    }
    for (std::size_t i = 0; i < got.size(); ++i) {
        const Bar &g = got[i], &w = want[i];
        if (g.openMs != w.openMs || g.open != w.open || g.high != w.high || g.low != w.low ||
            g.close != w.close || g.volume != w.volume) {
            *why = QStringLiteral("bar %1 at %2 differs").arg(i).arg(g.openMs);
            return false;
        }
    }
    return true;
}

std::vector<FundingEvent> storedFunding(const QString &db, const QString &symbol)
{
    std::vector<FundingEvent> out;
    QString error;
    Database::withReader(
        db,
        [&](QSqlDatabase &c) {
            out = FundingStore::load(c, symbol, 0, std::numeric_limits<qint64>::max(), &error);
        },
        &error);
    return out;
}

bool sameEvents(const std::vector<FundingEvent> &got, const std::vector<FundingEvent> &want, QString *why)
{
    if (got.size() != want.size()) {
        *why = QStringLiteral("%1 events stored, %2 served").arg(got.size()).arg(want.size());
        return false;
    }
    for (std::size_t i = 0; i < got.size(); ++i)
        if (got[i].timeMs != want[i].timeMs || got[i].rate != want[i].rate ||
            !(got[i].markPrice == want[i].markPrice ||
              (std::isnan(got[i].markPrice) && std::isnan(want[i].markPrice)))) {
            *why = QStringLiteral("event %1 at %2 differs").arg(i).arg(got[i].timeMs);
            return false;
        }
    return true;
}

} // namespace

/** The exchange's bar history (GET /fapi/v1/klines) against a loopback mock serving real Binance USD-M 1 m
 *  klines: paging across the 1500 limit, 5 m bars, a symbol listed later, rate limits (429 Retry-After kept
 * to the millisecond, 418), failures retried or given up resumably, stored exactly once; the live/exchange
 * merge rule; and `pairlab-cli history` with `export bars`. */
class TestKlineHistory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void weightsAndParsing();
    void fillsRangesAcrossTheLimitExactlyOnce();
    void fiveMinuteBarsAndALaterListing();
    void holesInTheSourceStayHoles();
    void retryAfterIsKeptAndFailuresAreRetried();
    void aBanStopsEveryRequest();
    void givingUpLeavesAResumableState();
    void anUnknownSymbolIsRefusedWithBinancesReason();
    void liveBarsSeenWholeWinOthersTakeTheExchanges();
    void cliHistoryStoresOnceAndExportReturnsIt();
    void fundingHistoryPagedRateLimitedAndResumed();
    void cliHistoryFundingStoresOnce();
    void fundingSettledDuringASessionIsFetched();

private:
    std::vector<Bar> m_btc, m_ada;
};

void TestKlineHistory::initTestCase()
{
    if (!test::backendAvailable())
        return;
    m_btc = test::universeMinutes(QStringLiteral("BTCUSDT"));
    m_ada = test::universeMinutes(QStringLiteral("ADAUSDT"));
    QVERIFY(m_btc.size() > 40000);
    QVERIFY(m_ada.size() == 2880);
    QVERIFY(m_ada.front().openMs > m_btc.front().openMs + 4 * 86400000LL); // listed later in these files
}

void TestKlineHistory::weightsAndParsing()
{
    // Binance's weights of GET /fapi/v1/klines by limit.
    for (const auto &[limit, weight] : std::initializer_list<std::pair<int, int>>{
             {1, 1}, {99, 1}, {100, 2}, {499, 2}, {500, 5}, {1000, 5}, {1001, 10}, {1500, 10}})
        QCOMPARE(klineRequestWeight(limit), weight);
    std::vector<Bar> bars;
    QString error;
    const QByteArray one =
        "[[1746372780000,\"95505.4\",\"95505.5\",\"95502.7\",\"95502.7\",\"16.536\",1746372839999,\"0\",42,"
        "\"0\",\"0\",\"0\"]]";
    QVERIFY(parseKlines(one, 60, &bars, &error));
    QCOMPARE(bars.size(), std::size_t(1));
    QCOMPARE(bars[0].openMs, 1746372780000LL);
    QCOMPARE(bars[0].close, 95502.7);
    QCOMPARE(bars[0].volume, 16.536);
    QCOMPARE(bars[0].trades, 42LL);
    const QByteArray cut = one.left(40); // an answer cut off in the middle
    QVERIFY(!parseKlines(cut, 60, &bars, &error));
    QVERIFY(error.contains(QLatin1String("JSON")));
    const QByteArray offGrid = "[[1746372781000,\"1\",\"1\",\"1\",\"1\",\"1\",0,\"0\",1,\"0\",\"0\",\"0\"]]";
    QVERIFY(!parseKlines(offGrid, 60, &bars, &error));
    QVERIFY2(error.contains(QLatin1String("grid")), qPrintable(error)); // not on the minute
    const QByteArray nan = "[[1746372780000,\"1\",\"1\",\"1\",\"nan\",\"1\",0,\"0\",1,\"0\",\"0\",\"0\"]]";
    QVERIFY(!parseKlines(nan, 60, &bars, &error));
    const QByteArray refusal = "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}";
    QVERIFY(!parseKlines(refusal, 60, &bars, &error));
    // The pacing: the own budget over a sliding minute, and requests at least minIntervalMs apart.
    RestPacer pacer(RestBudget{10, 100, 1000, 60000});
    QCOMPARE(pacer.delayMs(5), qint64(0));
    pacer.sent(5);
    QVERIFY(pacer.delayMs(1) > 50 && pacer.delayMs(1) <= 100); // 100 ms apart
    pacer.sent(5);
    QVERIFY2(pacer.delayMs(1) > 59000, qPrintable(QString::number(pacer.delayMs(1)))); // budget of 10 used
    QCOMPARE(pacer.backoffMs(0), qint64(1000));
    QCOMPARE(pacer.backoffMs(3), qint64(8000));
    QCOMPARE(pacer.backoffMs(30), qint64(60000));
    // A 429's Retry-After pauses every client sharing the ban, a 418 stops them.
    RestBan ban;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QCOMPARE(ban.pausedFor(now), qint64(0));
    ban.pauseUntil(now + 1500);
    QCOMPARE(ban.pausedFor(now), qint64(1500));
    QCOMPARE(ban.until(now), qint64(-1));
    ban.banUntil(now + 120000, QStringLiteral("418"));
    QString why;
    QCOMPARE(ban.until(now, &why), now + 120000);
    QCOMPARE(why, QStringLiteral("418"));
    const KlineRange r{QStringLiteral("BTCUSDT"), 60, utc("2025-05-20T00:00:30Z"),
                       utc("2025-05-20T00:03:00Z")};
    QCOMPARE(r.bars(), qint64(2)); // 00:01 and 00:02 open inside it
}

void TestKlineHistory::fillsRangesAcrossTheLimitExactlyOnce()
{
    MockKlines mock;
    mock.addSymbol(QStringLiteral("BTCUSDT"), m_btc);
    QVERIFY(mock.listen());
    test::ScratchDatabase db;
    const KlineRange range{QStringLiteral("BTCUSDT"), 60, utc("2025-05-10T00:00:00Z"),
                           utc("2025-05-10T00:00:00Z") + 4000 * 60000LL};
    Run run(db.spec(), mockConfig(mock));
    const QList<KlineOutcome> first = run.fill({range});
    QCOMPARE(first.size(), 1);
    QVERIFY2(first[0].complete(), qPrintable(first[0].error));
    QCOMPARE(first[0].received, qint64(4000));
    QCOMPARE(first[0].stored, qint64(4000));
    QCOMPARE(first[0].requests, 3); // 1500 + 1500 + 1000
    QCOMPARE(first[0].weight, 10 + 10 + 5);
    const QList<test::MockBinanceRest::Request> &req = mock.requests();
    QCOMPARE(req[0].limit, 1500);
    QCOMPARE(req[2].limit, 1000);
    QCOMPARE(req[1].startTime, range.fromMs + 1500 * 60000LL);
    QCOMPARE(req[0].endTime, range.toMs - 1);
    QString why;
    QVERIFY2(sameBars(storedRest(db.spec(), QStringLiteral("BTCUSDT"), 60),
                      mock.bars(QStringLiteral("BTCUSDT"), 60, range.fromMs, range.toMs), &why),
             qPrintable(why));
    // Asked again: received, none new, nothing duplicated; and nothing is missing any more.
    const QList<KlineOutcome> again = run.fill({range});
    QCOMPARE(again[0].received, qint64(4000));
    QCOMPARE(again[0].stored, qint64(0));
    QCOMPARE(storedRest(db.spec(), QStringLiteral("BTCUSDT"), 60).size(), std::size_t(4000));
    QList<KlineRange> missing;
    QVERIFY(run.store.missing(range, &missing, &why));
    QVERIFY(missing.isEmpty());
}

void TestKlineHistory::fiveMinuteBarsAndALaterListing()
{
    MockKlines mock;
    mock.addSymbol(QStringLiteral("BTCUSDT"), m_btc);
    mock.addSymbol(QStringLiteral("ADAUSDT"), m_ada);
    QVERIFY(mock.listen());
    test::ScratchDatabase db;
    const qint64 from = utc("2025-05-08T00:00:00Z"), to = utc("2025-05-10T12:00:00Z");
    Run run(db.spec(), mockConfig(mock));
    const QList<KlineOutcome> out = run.fill({{QStringLiteral("BTCUSDT"), 300, from, to},
                                              {QStringLiteral("ADAUSDT"), 300, from, to},
                                              {QStringLiteral("ADAUSDT"), 60, from, to}});
    QCOMPARE(out.size(), 3);
    for (const KlineOutcome &o : out)
        QVERIFY2(o.complete(), qPrintable(o.error));
    QString why;
    for (const auto &[symbol, seconds] :
         std::initializer_list<std::pair<QString, int>>{{QStringLiteral("BTCUSDT"), 300},
                                                        {QStringLiteral("ADAUSDT"), 300},
                                                        {QStringLiteral("ADAUSDT"), 60}})
        QVERIFY2(sameBars(storedRest(db.spec(), symbol, seconds), mock.bars(symbol, seconds, from, to), &why),
                 qPrintable(symbol + QLatin1Char(' ') + why));
    // ADAUSDT starts 2025-05-09 18:18 in these files: its first page begins there, nothing is asked twice.
    QCOMPARE(storedRest(db.spec(), QStringLiteral("ADAUSDT"), 60).front().openMs, m_ada.front().openMs);
    QCOMPARE(out[2].requests, 1);
    QCOMPARE(out[0].received, (to - from) / 300000); // 720 five-minute bars of BTCUSDT, one request
}

void TestKlineHistory::holesInTheSourceStayHoles()
{
    // Two hours without bars inside the range (an exchange outage): the page after the hole continues.
    std::vector<Bar> holed;
    const qint64 holeFrom = utc("2025-05-10T06:00:00Z"), holeTo = utc("2025-05-10T08:00:00Z");
    for (const Bar &b : m_btc)
        if (b.openMs < holeFrom || b.openMs >= holeTo)
            holed.push_back(b);
    MockKlines mock;
    mock.addSymbol(QStringLiteral("BTCUSDT"), holed);
    QVERIFY(mock.listen());
    test::ScratchDatabase db;
    const KlineRange range{QStringLiteral("BTCUSDT"), 60, utc("2025-05-10T00:00:00Z"),
                           utc("2025-05-11T00:00:00Z")};
    Run run(db.spec(), mockConfig(mock));
    const QList<KlineOutcome> out = run.fill({range});
    QVERIFY2(out[0].complete(), qPrintable(out[0].error));
    QCOMPARE(out[0].received, qint64(1440 - 120));
    QString why;
    QVERIFY2(sameBars(storedRest(db.spec(), QStringLiteral("BTCUSDT"), 60),
                      mock.bars(QStringLiteral("BTCUSDT"), 60, range.fromMs, range.toMs), &why),
             qPrintable(why));
    QList<KlineRange> missing;
    QVERIFY(run.store.missing(range, &missing, &why));
    QCOMPARE(missing.size(), 1); // exactly the hole
    QCOMPARE(missing[0].fromMs, holeFrom);
    QCOMPARE(missing[0].toMs, holeTo);
}

void TestKlineHistory::retryAfterIsKeptAndFailuresAreRetried()
{
    MockKlines mock;
    mock.addSymbol(QStringLiteral("BTCUSDT"), m_btc);
    QVERIFY(mock.listen());
    using F = MockKlines::Fault;
    // page 1, then 429 (Retry-After 1 s), a 500, an answer slower than the timeout, a cut-off answer, an
    // empty page inside the range (asked again, not taken as its end), pages.
    mock.setScript({{F::None, 0},
                    {F::TooMany, 1},
                    {F::ServerError, 0},
                    {F::Slow, 3000},
                    {F::Malformed, 0},
                    {F::Empty, 0}});
    test::ScratchDatabase db;
    KlineHistoryConfig config = mockConfig(mock);
    config.timeoutMs = 500;
    config.pageLimit = 1000;
    const KlineRange range{QStringLiteral("BTCUSDT"), 60, utc("2025-05-12T00:00:00Z"),
                           utc("2025-05-14T00:00:00Z")};
    Run run(db.spec(), config);
    const QList<KlineOutcome> out = run.fill({range});
    QVERIFY2(out[0].complete(), qPrintable(out[0].error));
    QCOMPARE(out[0].rateLimited, 1);
    QCOMPARE(out[0].requests, 3 + 5); // three pages, four failed answers and an empty one
    const QList<test::MockBinanceRest::Request> &req = mock.requests();
    QCOMPARE(req[1].status, 429);
    // No request left before the Retry-After was up (on the mock's clock, from the 429's answer).
    QVERIFY2(req[2].receivedMs - req[1].answeredMs >= 1000,
             qPrintable(QStringLiteral("%1 ms after the 429").arg(req[2].receivedMs - req[1].answeredMs)));
    QString why;
    QVERIFY2(sameBars(storedRest(db.spec(), QStringLiteral("BTCUSDT"), 60),
                      mock.bars(QStringLiteral("BTCUSDT"), 60, range.fromMs, range.toMs), &why),
             qPrintable(why));
}

void TestKlineHistory::aBanStopsEveryRequest()
{
    MockKlines mock;
    mock.addSymbol(QStringLiteral("BTCUSDT"), m_btc);
    QVERIFY(mock.listen());
    mock.setScript({{MockKlines::Fault::Banned, 120}});
    test::ScratchDatabase db;
    Run run(db.spec(), mockConfig(mock));
    const qint64 from = utc("2025-05-12T00:00:00Z");
    const QList<KlineOutcome> out = run.fill({{QStringLiteral("BTCUSDT"), 60, from, from + 3600000},
                                              {QStringLiteral("BTCUSDT"), 300, from, from + 3600000}});
    QCOMPARE(out.size(), 2);
    for (const KlineOutcome &o : out) {
        QVERIFY(!o.complete());
        QVERIFY2(o.error.contains(QLatin1String("418")) && o.error.contains(QLatin1String("120 s")),
                 qPrintable(o.error));
    }
    QCOMPARE(mock.requests().size(), qsizetype(1)); // the queued range never asked
    // While the ban lasts, a new request does not leave either.
    const QList<KlineOutcome> later = run.fill({{QStringLiteral("BTCUSDT"), 60, from, from + 60000}});
    QVERIFY(!later[0].complete());
    QCOMPARE(mock.requests().size(), qsizetype(1));
    QVERIFY(run.config.ban->until(QDateTime::currentMSecsSinceEpoch()) >
            QDateTime::currentMSecsSinceEpoch() + 100000);
}

void TestKlineHistory::givingUpLeavesAResumableState()
{
    MockKlines mock;
    mock.addSymbol(QStringLiteral("BTCUSDT"), m_btc);
    QVERIFY(mock.listen());
    using F = MockKlines::Fault;
    mock.setScript({{F::None, 0}, {F::Malformed, 0}, {F::Malformed, 0}, {F::ServerError, 0}});
    test::ScratchDatabase db;
    KlineHistoryConfig config = mockConfig(mock);
    config.maxAttempts = 3;
    const KlineRange range{QStringLiteral("BTCUSDT"), 60, utc("2025-05-15T00:00:00Z"),
                           utc("2025-05-18T00:00:00Z")};
    Run run(db.spec(), config);
    const QList<KlineOutcome> out = run.fill({range});
    QVERIFY(!out[0].complete());
    QVERIFY2(out[0].error.contains(QLatin1String("failed answers in a row: 3")), qPrintable(out[0].error));
    QCOMPARE(out[0].stored, qint64(1500));
    QCOMPARE(out[0].coveredToMs, range.fromMs + 1500 * 60000LL);
    // What came stays; the second run asks only for the rest and completes the range, each bar once.
    QList<KlineRange> missing;
    QString why;
    QVERIFY(run.store.missing(range, &missing, &why));
    QCOMPARE(missing.size(), 1);
    QCOMPARE(missing[0].fromMs, out[0].coveredToMs);
    const qsizetype asked = mock.requests().size();
    const QList<KlineOutcome> second = run.fill(missing);
    QVERIFY2(second[0].complete(), qPrintable(second[0].error));
    QCOMPARE(second[0].stored, qint64(3 * 1440 - 1500));
    QCOMPARE(mock.requests()[asked].startTime, out[0].coveredToMs);
    QVERIFY2(sameBars(storedRest(db.spec(), QStringLiteral("BTCUSDT"), 60),
                      mock.bars(QStringLiteral("BTCUSDT"), 60, range.fromMs, range.toMs), &why),
             qPrintable(why));
}

void TestKlineHistory::anUnknownSymbolIsRefusedWithBinancesReason()
{
    MockKlines mock;
    mock.addSymbol(QStringLiteral("BTCUSDT"), m_btc);
    QVERIFY(mock.listen());
    test::ScratchDatabase db;
    Run run(db.spec(), mockConfig(mock));
    const qint64 from = utc("2025-05-12T00:00:00Z");
    const QList<KlineOutcome> out = run.fill({{QStringLiteral("NOSUCHUSDT"), 60, from, from + 3600000}});
    QVERIFY(!out[0].complete());
    QVERIFY2(out[0].error.contains(QLatin1String("Invalid symbol")) &&
                 out[0].error.contains(QLatin1String("400")),
             qPrintable(out[0].error));
    QCOMPARE(mock.requests().size(), qsizetype(1)); // not retried: asking again would not help
}

void TestKlineHistory::liveBarsSeenWholeWinOthersTakeTheExchanges()
{
    auto bar = [](qint64 minute, double close, qint64 first, qint64 last) {
        Bar b;
        b.openMs = minute * 60000;
        b.open = b.high = b.low = b.close = close;
        b.volume = 1;
        b.trades = last - first + 1;
        b.firstTradeId = first;
        b.lastTradeId = last;
        return b;
    };
    // Live: minutes 10..15, ids run on from 10 to 14; minute 15 follows a gap of trade ids; minute 13 lost
    // some of its own trades (its count is short of its id span).
    std::vector<Bar> live = {bar(10, 100, 1, 5),   bar(11, 101, 6, 9),   bar(12, 102, 10, 12),
                             bar(13, 103, 13, 20), bar(14, 104, 21, 24), bar(15, 105, 30, 31)};
    live[3].trades = 5; // ids 13..20 but 5 trades: three missing inside the minute
    // The exchange: minutes 8..15 (the app was not running for 8 and 9).
    std::vector<Bar> rest;
    for (qint64 m = 8; m <= 15; ++m)
        rest.push_back(bar(m, 200 + double(m), 0, 0));
    rest[3].open = rest[3].high = rest[3].low = rest[3].close = 101; // minute 11: the same as the live bar
    const std::vector<Bar> merged = BarStore::mergeLiveAndRest(live, rest, QStringLiteral("BTCUSDT"), 60);
    QCOMPARE(merged.size(), std::size_t(8)); // one bar per minute
    QCOMPARE(merged[0].close, 208.0);        // only the exchange has it
    QCOMPARE(merged[1].close, 209.0);
    QCOMPARE(merged[2].close, 210.0); // the first live minute: the app may have joined late
    QCOMPARE(merged[3].close, 101.0); // seen whole: the live bar (the exchange agrees)
    QCOMPARE(merged[4].close, 102.0); // seen whole: the live bar (a disagreement is logged)
    QCOMPARE(merged[5].close, 213.0); // trades missing inside it: the exchange's
    QCOMPARE(merged[6].close, 214.0); // trade ids 25..29 missing after it: the exchange's
    QCOMPARE(merged[7].close, 215.0); // the newest live bar is not known whole: the exchange's
    for (std::size_t i = 1; i < merged.size(); ++i)
        QVERIFY(merged[i].openMs == merged[i - 1].openMs + 60000);
}

void TestKlineHistory::cliHistoryStoresOnceAndExportReturnsIt()
{
    MockKlines mock;
    mock.addSymbol(QStringLiteral("BTCUSDT"), m_btc);
    mock.addSymbol(QStringLiteral("ADAUSDT"), m_ada);
    QVERIFY(mock.listen());
    test::ScratchDatabase db;
    const QStringList args = {QStringLiteral("--db"),        db.spec(),
                              QStringLiteral("--symbols"),   QStringLiteral("BTCUSDT,ADAUSDT"),
                              QStringLiteral("--interval"),  QStringLiteral("1m"),
                              QStringLiteral("--from"),      QStringLiteral("2025-05-09T00:00:00Z"),
                              QStringLiteral("--to"),        QStringLiteral("2025-05-10T12:00:00Z"),
                              QStringLiteral("--rest-base"), mock.url().toString()};
    QString outText, errText;
    {
        QTextStream out(&outText), err(&errText);
        QCOMPARE(cli::history(args, out, err), 0);
    }
    const qint64 from = utc("2025-05-09T00:00:00Z"), to = utc("2025-05-10T12:00:00Z");
    const std::size_t ada = mock.bars(QStringLiteral("ADAUSDT"), 60, from, to).size();
    QVERIFY(ada > 1000 && ada < 2160); // listed in the middle of the range
    QVERIFY2(outText.contains(QStringLiteral("stored %1 new").arg(2160 + ada)),
             qPrintable(outText + errText));
    QVERIFY(outText.contains(QStringLiteral("%1 bars received, %1 stored").arg(ada)));
    // A second run finds everything stored and asks for nothing.
    const qsizetype asked = mock.requests().size();
    outText.clear();
    {
        QTextStream out(&outText), err(&errText);
        QCOMPARE(cli::history(args, out, err), 0);
    }
    QCOMPARE(mock.requests().size(), asked + 2); // only ADAUSDT's minutes before its listing: empty, twice
    QVERIFY2(outText.contains(QLatin1String("stored 0 new")), qPrintable(outText));
    // `export bars --interval 1m` returns them, one row per minute.
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("btc.csv"));
    {
        QTextStream out(&outText), err(&errText);
        QCOMPARE(cli::exportData({QStringLiteral("bars"), QStringLiteral("--db"), db.spec(),
                                  QStringLiteral("--symbol"), QStringLiteral("BTCUSDT"),
                                  QStringLiteral("--interval"), QStringLiteral("1m"), QStringLiteral("--out"),
                                  csv},
                                 out, err),
                 0);
    }
    const auto cols = test::readCsvColumns(csv);
    const std::vector<Bar> served = mock.bars(QStringLiteral("BTCUSDT"), 60, from, to);
    QCOMPARE(cols.at(QStringLiteral("open_ms")).size(), served.size());
    for (std::size_t i = 0; i < served.size(); ++i) {
        QCOMPARE(qint64(cols.at(QStringLiteral("open_ms"))[i]), served[i].openMs);
        QCOMPARE(cols.at(QStringLiteral("close"))[i], served[i].close);
    }
    // A range that cannot be completed: exit 1 with Binance's reason.
    QStringList unknown = args;
    unknown[unknown.indexOf(QStringLiteral("--symbols")) + 1] = QStringLiteral("NOSUCHUSDT");
    errText.clear();
    {
        QTextStream out(&outText), err(&errText);
        QCOMPARE(cli::history(unknown, out, err), 1);
    }
    QVERIFY2(errText.contains(QLatin1String("Invalid symbol")) &&
                 errText.contains(QLatin1String("run again")),
             qPrintable(errText));
}

void TestKlineHistory::fundingHistoryPagedRateLimitedAndResumed()
{
    if (!test::backendAvailable())
        return;
    test::MockFunding mock;
    const std::vector<FundingEvent> btc = test::universeFunding(QStringLiteral("BTCUSDT"));
    QVERIFY(btc.size() > 250);
    mock.addSymbol(QStringLiteral("BTCUSDT"), btc);
    QVERIFY(mock.listen());
    using F = test::MockFunding::Fault;
    // page 1, a 429 (Retry-After 1 s), page 2, three failures: the range gives up with what it has.
    mock.setScript({{F::None, 0},
                    {F::TooMany, 1},
                    {F::None, 0},
                    {F::Malformed, 0},
                    {F::ServerError, 0},
                    {F::Malformed, 0}});
    test::ScratchDatabase db;
    KlineHistoryConfig config = mockConfig(mock);
    config.pageLimit = 100;
    config.maxAttempts = 3;
    const KlineRange range{QStringLiteral("BTCUSDT"), 0, btc.front().timeMs, btc.back().timeMs + 1,
                           KlineRange::Series::Funding};
    auto fill = [&](const KlineRange &r) {
        KlineHistory history(config, {});
        history.setFundingStore([&](const KlineRange &k, const std::vector<FundingEvent> &events,
                                    qint64 *stored, QString *error) {
            QString why;
            QSqlDatabase c = Database::open(db.spec(), QStringLiteral("funding-writer"), &why);
            const bool ok = c.isValid() && FundingStore::store(c, k.symbol, events, stored, error);
            c = QSqlDatabase();
            Database::close(QStringLiteral("funding-writer"));
            return ok;
        });
        QList<KlineOutcome> out;
        QObject::connect(&history, &KlineHistory::rangeFinished, &history,
                         [&out](const KlineOutcome &o) { out << o; });
        QSignalSpy idle(&history, &KlineHistory::idle);
        history.fill({r});
        if (idle.isEmpty())
            idle.wait(60000);
        return out;
    };
    const QList<KlineOutcome> first = fill(range);
    QCOMPARE(first.size(), 1);
    QVERIFY(!first[0].complete());
    QCOMPARE(first[0].stored, qint64(200));
    QCOMPARE(first[0].rateLimited, 1);
    QCOMPARE(first[0].weight, 6 * FundingRequestWeight);
    const QList<test::MockBinanceRest::Request> &req = mock.requests();
    QCOMPARE(req[0].path, QStringLiteral("/fapi/v1/fundingRate"));
    QCOMPARE(req[0].limit, 100);
    QCOMPARE(req[0].endTime, range.toMs - 1);
    QVERIFY2(req[2].receivedMs - req[1].answeredMs >= 1000, "a request left before the Retry-After was up");
    QCOMPARE(req[2].startTime, btc[99].timeMs + 1); // the next page starts after the newest event taken
    QCOMPARE(first[0].coveredToMs, btc[199].timeMs + 1);
    // The second run asks from where the first stopped, and every event is stored once.
    KlineRange rest = range;
    rest.fromMs = storedFunding(db.spec(), QStringLiteral("BTCUSDT")).back().timeMs + 1;
    const QList<KlineOutcome> second = fill(rest);
    QVERIFY2(second[0].complete(), qPrintable(second[0].error));
    QCOMPARE(second[0].stored, qint64(btc.size() - 200));
    QString why;
    QVERIFY2(sameEvents(storedFunding(db.spec(), QStringLiteral("BTCUSDT")), btc, &why), qPrintable(why));
    // Everything again: received, nothing new.
    const QList<KlineOutcome> again = fill(range);
    QVERIFY(again[0].complete());
    QCOMPARE(again[0].received, qint64(btc.size()));
    QCOMPARE(again[0].stored, qint64(0));
    // An unknown symbol: Binance's reason.
    const QList<KlineOutcome> unknown =
        fill({QStringLiteral("NOPEUSDT"), 0, range.fromMs, range.toMs, KlineRange::Series::Funding});
    QVERIFY2(unknown[0].error.contains(QLatin1String("Invalid symbol")), qPrintable(unknown[0].error));
}

void TestKlineHistory::cliHistoryFundingStoresOnce()
{
    if (!test::backendAvailable())
        return;
    test::MockFunding mock;
    mock.addSymbol(QStringLiteral("BTCUSDT"), test::universeFunding(QStringLiteral("BTCUSDT")));
    mock.addSymbol(QStringLiteral("ETHUSDT"), test::universeFunding(QStringLiteral("ETHUSDT")));
    QVERIFY(mock.listen());
    test::ScratchDatabase db;
    const QStringList args = {QStringLiteral("--db"),
                              db.spec(),
                              QStringLiteral("--symbols"),
                              QStringLiteral("BTCUSDT,ETHUSDT"),
                              QStringLiteral("--funding"),
                              QStringLiteral("--from"),
                              QStringLiteral("2025-05-01T00:00:00Z"),
                              QStringLiteral("--to"),
                              QStringLiteral("2025-06-01T00:00:00Z"),
                              QStringLiteral("--rest-base"),
                              mock.url().toString()};
    QString outText, errText;
    {
        QTextStream out(&outText), err(&errText);
        QCOMPARE(cli::history(args, out, err), 0);
    }
    const qint64 from = utc("2025-05-01T00:00:00Z"), to = utc("2025-06-01T00:00:00Z");
    const auto btc = mock.events(QStringLiteral("BTCUSDT"), from, to);
    const auto eth = mock.events(QStringLiteral("ETHUSDT"), from, to);
    QCOMPARE(btc.size(), std::size_t(93)); // 31 days, 3 a day
    QVERIFY2(outText.contains(QStringLiteral("stored %1 new funding events").arg(btc.size() + eth.size())),
             qPrintable(outText + errText));
    QString why;
    QVERIFY2(sameEvents(storedFunding(db.spec(), QStringLiteral("ETHUSDT")), eth, &why), qPrintable(why));
    // Again: nothing new is asked for beyond the newest stored event, nothing stored twice.
    outText.clear();
    {
        QTextStream out(&outText), err(&errText);
        QCOMPARE(cli::history(args, out, err), 0);
    }
    QVERIFY2(outText.contains(QLatin1String("stored 0 new funding events")), qPrintable(outText));
    QCOMPARE(storedFunding(db.spec(), QStringLiteral("BTCUSDT")).size(), btc.size());
    // A longer range later: the older events before the stored ones are fetched too, none twice.
    QStringList earlier = args;
    earlier[earlier.indexOf(QStringLiteral("2025-05-01T00:00:00Z"))] = QStringLiteral("2025-04-20T00:00:00Z");
    outText.clear();
    {
        QTextStream out(&outText), err(&errText);
        QCOMPARE(cli::history(earlier, out, err), 0);
    }
    const auto btcMore = mock.events(QStringLiteral("BTCUSDT"), utc("2025-04-20T00:00:00Z"), to);
    QCOMPARE(btcMore.size(), btc.size() + 33); // 11 more days
    QVERIFY2(sameEvents(storedFunding(db.spec(), QStringLiteral("BTCUSDT")), btcMore, &why), qPrintable(why));
}

QTEST_GUILESS_MAIN(TestKlineHistory)
void TestKlineHistory::fundingSettledDuringASessionIsFetched()
{
    // When: a minute after the earliest next funding time the mark prices announce; one more than a minute
    // past is no longer announced (the marks moved on to the next).
    const qint64 now = 1'700'000'000'000;
    MarkPrice a, b, past;
    a.nextFundingMs = now + 3'600'000;
    b.nextFundingMs = now + 7'200'000;
    past.nextFundingMs = now - 2 * LiveSession::FundingSettleMs;
    QCOMPARE(LiveSession::fundingFetchAtMs({b, a}, now), now + 3'600'000 + LiveSession::FundingSettleMs);
    QCOMPARE(LiveSession::fundingFetchAtMs({past}, now), qint64(-1));
    QCOMPARE(LiveSession::fundingFetchAtMs({}, now), qint64(-1));
    // At the funding time the marks already announce the next one, 8 h on: the pending fetch a minute after
    // the funding time stays; once it ran (none pending) the next one is scheduled; an earlier one wins.
    const qint64 due = now + 3'600'000 + LiveSession::FundingSettleMs;
    MarkPrice next = a;
    next.nextFundingMs = a.nextFundingMs + 8 * 3'600'000LL;
    QCOMPARE(LiveSession::nextFundingFetchMs(-1, {a}, now), due);
    QCOMPARE(LiveSession::nextFundingFetchMs(due, {next}, a.nextFundingMs + 1000), due);
    QCOMPARE(LiveSession::nextFundingFetchMs(-1, {next}, due),
             next.nextFundingMs + LiveSession::FundingSettleMs);
    MarkPrice sooner = a;
    sooner.nextFundingMs = now + 600'000; // a symbol that settles every hour
    QCOMPARE(LiveSession::nextFundingFetchMs(due, {sooner}, now),
             sooner.nextFundingMs + LiveSession::FundingSettleMs);

    if (!test::backendAvailable())
        return;
    // What: the events after the newest stored, each once, in one request per symbol.
    test::MockFunding mock;
    const std::vector<FundingEvent> btc = test::universeFunding(QStringLiteral("BTCUSDT"));
    const std::size_t n = btc.size();
    mock.addSymbol(QStringLiteral("BTCUSDT"), btc);
    QVERIFY(mock.listen());
    test::ScratchDatabase db;
    {
        QString error;
        qint64 stored = 0;
        QSqlDatabase c = Database::open(db.spec(), QStringLiteral("funding-seed"), &error);
        QVERIFY2(c.isValid(), qPrintable(error));
        const std::vector<FundingEvent> known(btc.begin(), btc.end() - 3); // the session started before these
        QVERIFY2(FundingStore::store(c, QStringLiteral("BTCUSDT"), known, &stored, &error),
                 qPrintable(error));
        QCOMPARE(stored, qint64(n - 3));
        c = QSqlDatabase();
        Database::close(QStringLiteral("funding-seed"));
    }
    HistoryConfig config;
    config.days = 2;
    config.intervals = {};
    config.klines = mockConfig(mock);
    config.funding = true;
    HistoryFiller filler(db.spec(), config);
    QSignalSpy finished(&filler, &HistoryFiller::finished);
    filler.fillFunding({QStringLiteral("BTCUSDT")}, btc.back().timeMs + 1);
    QVERIFY(finished.wait(30000));
    QVERIFY2(finished.first().at(0).toStringList().isEmpty(),
             qPrintable(finished.first().at(0).toStringList().join(QLatin1Char(';'))));
    QString why;
    QVERIFY2(sameEvents(storedFunding(db.spec(), QStringLiteral("BTCUSDT")), btc, &why), qPrintable(why));
    QCOMPARE(mock.requests().size(), 1);
    QCOMPARE(mock.requests()[0].startTime, btc[n - 4].timeMs + 1);
    // Again up to the same time: nothing is missing, nothing is asked for.
    filler.fillFunding({QStringLiteral("BTCUSDT")}, btc.back().timeMs + 1);
    QTRY_COMPARE(finished.size(), 2);
    QCOMPARE(mock.requests().size(), 1);
}

#include "tst_kline_history.moc"
