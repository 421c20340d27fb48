#include "alerts/alert_rule.h"
#include "controllers/latest_result.h"
#include "controllers/pair_controller.h"
#include "io/csv_import.h"
#include "session/recording_ingest.h"
#include "storage/database.h"
#include "storage/quote_store.h"
#include "storage/tick_writer.h"

#include "test_util.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <cmath>
#include <functional>
#include <random>

using namespace pairlab;

namespace {

/** Records every publication of a controller and checks, as it happens, that what is published answers the
 *  request current at that moment. */
struct Recorder
{
    explicit Recorder(PairController &c) : controller(c)
    {
        QObject::connect(&c, &PairController::resultChanged, &c, [this](const PairResult &r) {
            ++results;
            check(r, QStringLiteral("resultChanged"));
        });
        QObject::connect(&c, &PairController::resultUpdated, &c,
                         [this](const PairResult &r) { check(r, QStringLiteral("resultUpdated")); });
        QObject::connect(&c, &PairController::stateChanged, &c, [this](const PairState &s) {
            states << s;
            if (!(s.request == controller.request()))
                failures << QStringLiteral("a state of another request");
            if (s.kind == PairState::Kind::Ready)
                check(controller.result(), QStringLiteral("Ready"));
            else if (controller.result().valid())
                failures << QStringLiteral("a result kept in state %1").arg(int(s.kind));
        });
    }
    void check(const PairResult &r, const QString &where)
    {
        const PairRequest &now = controller.request();
        QStringList why;
        if (!r.valid())
            why << QStringLiteral("invalid");
        else if (!r.request.sameQuestion(now))
            why << QStringLiteral("request %1s/%2/%3, current %4s/%5/%6")
                       .arg(r.request.intervalSeconds)
                       .arg(r.request.window)
                       .arg(int(r.request.method))
                       .arg(now.intervalSeconds)
                       .arg(now.window)
                       .arg(int(now.method));
        else {
            // The values themselves, not only their label, belong to the current request.
            if (r.analytics.full->window != now.window)
                why << QStringLiteral("analysed with window %1").arg(r.analytics.full->window);
            if (r.display.method != now.method)
                why << QStringLiteral("charted with method %1").arg(int(r.display.method));
            if (r.analytics.symbolY != now.y || r.analytics.symbolX != now.x)
                why << QStringLiteral("legs %1 ~ %2").arg(r.analytics.symbolY, r.analytics.symbolX);
            const qint64 step = r.display.time->size() > 1 ? (*r.display.time)[1] - (*r.display.time)[0] : 0;
            if (step % (qint64(now.intervalSeconds) * 1000) != 0)
                why << QStringLiteral("bars %1 ms apart").arg(step);
            if (int(r.display.time->size()) != r.analytics.full->n)
                why << QStringLiteral("charts %1 bars of %2")
                           .arg(r.display.time->size())
                           .arg(r.analytics.full->n);
        }
        if (!why.isEmpty())
            failures << where + QStringLiteral(": ") + why.join(QStringLiteral(", "));
    }
    PairController &controller;
    QList<PairState> states;
    QStringList failures;
    int results = 0;
};

bool waitForState(PairController &c, PairState::Kind kind, int timeoutMs = 20000)
{
    return QTest::qWaitFor([&] { return c.state().kind == kind; }, timeoutMs);
}

} // namespace

/** PairController headless on real BTCUSDT/ETHUSDT trades (1 s and 1 m bars) and Chan's EWA/EWC daily
 *  closes: history, the request/result binding while requests change mid-computation, explicit waiting and
 *  not-possible states, the verdict, live bars, and LatestResult's "latest wins". */
class TestPairController : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void latestResultDeliversOnlyTheNewest();
    void latestResultCancelDeliversNothing();
    void loadsHistoryAndAnswersTheRequest();
    void resultAlwaysBelongsToTheCurrentRequest_data();
    void resultAlwaysBelongsToTheCurrentRequest();
    void longerBarsWaitInsteadOfShowingShorterOnes();
    void notPossibleNamesItsReasonAndShowsNoResult();
    void verdictFollowsEngleGrangerPValue_data();
    void verdictFollowsEngleGrangerPValue();
    void appendsBarsClosedOnBothLegs();
    void analysesMidPricesOfTheQuotes();
    void alertsJudgeEachLiveBarOnce();
    void universeScanReportsProgressAndStopsWhenAsked();
    void universeLiveStepsKeepZCurrentBetweenFullScans();

private:
    QTemporaryDir m_dir;
    QString m_db, m_datasetDb;
};

void TestPairController::initTestCase()
{
    m_db = m_dir.filePath(QStringLiteral("pair.sqlite"));
    IngestCounts c;
    QString error;
    QVERIFY2(ingestRecordingFile(
                 test::sharedData(QStringLiteral(
                     "real/binance_ws/binance_usdm_btc_eth_trade_combined_20240808_2358-0000.jsonl")),
                 m_db, &c, &error),
             qPrintable(error));
    QCOMPARE(c.stored, 16821);
    m_datasetDb = m_dir.filePath(QStringLiteral("dataset.sqlite"));
    {
        TickWriter create(m_datasetDb); // creates the schema
        QVERIFY(create.open(&error));
    }
    ImportOptions options;
    options.dataset = QStringLiteral("ewa-ewc");
    const ImportResult imported =
        importCsv(test::sharedData(QStringLiteral("real/pairs/arbitragelab_EWA_EWC_from_Country_ETF.csv")),
                  m_datasetDb, options);
    QVERIFY2(imported.ok, qPrintable(imported.error.message));
    options.dataset = QStringLiteral("countries"); // 45 country ETFs, 1,324 days: 990 pairs
    const ImportResult countries = importCsv(
        test::sharedData(QStringLiteral("real/pairs/arbitragelab_Country_ETF.csv")), m_datasetDb, options);
    QVERIFY2(countries.ok, qPrintable(countries.error.message));
}

void TestPairController::latestResultDeliversOnlyTheNewest()
{
    QList<int> delivered;
    LatestResult<int> latest([&](int v) { delivered << v; });
    std::atomic<bool> firstSawCancel{false};
    latest.submit([&](const std::atomic<bool> &cancel) {
        for (int i = 0; i < 200 && !cancel.load(); ++i)
            QThread::msleep(5);
        firstSawCancel = cancel.load();
        return 1;
    });
    QVERIFY(latest.isBusy());
    latest.submit([] { return 2; }); // replaced before it starts
    latest.submit([] { return 3; });
    QTRY_VERIFY_WITH_TIMEOUT(!latest.isBusy(), 10000);
    QCOMPARE(delivered, QList<int>{3});
    QVERIFY(firstSawCancel.load()); // the running job was asked to stop
    QCOMPARE(latest.delivered(), 1);
    QCOMPARE(latest.dropped(), 2);
    // A delivery may submit again; that job is delivered too.
    QList<int> chain;
    std::function<void(int)> more;
    LatestResult<int> chained([&](int v) {
        chain << v;
        if (v < 3)
            more(v + 1);
    });
    more = [&](int v) { chained.submit([v] { return v; }); };
    more(1);
    QTRY_COMPARE_WITH_TIMEOUT(chain, (QList<int>{1, 2, 3}), 10000);
}

void TestPairController::latestResultCancelDeliversNothing()
{
    int delivered = 0;
    LatestResult<int> latest([&](int) { ++delivered; });
    latest.submit([] {
        QThread::msleep(50);
        return 1;
    });
    latest.cancel();
    QTRY_VERIFY_WITH_TIMEOUT(!latest.isBusy(), 10000);
    QTest::qWait(20);
    QCOMPARE(delivered, 0);
    QCOMPARE(latest.dropped(), 1);
}

void TestPairController::loadsHistoryAndAnswersTheRequest()
{
    PairController c;
    Recorder rec(c);
    c.setLiveSymbols({QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")});
    c.setWindow(30);
    QCOMPARE(c.state().kind, PairState::Kind::Idle); // no database yet
    c.setDatabase(m_db);
    QCOMPARE(c.state().kind, PairState::Kind::Loading);
    QVERIFY(waitForState(c, PairState::Kind::Ready));
    QVERIFY2(rec.failures.isEmpty(), qPrintable(rec.failures.join(QLatin1Char('\n'))));
    const PairResult &r = c.result();
    QCOMPARE(r.request, c.request());
    QCOMPARE(r.request.y, QStringLiteral("BTCUSDT"));
    QCOMPARE(r.request.x, QStringLiteral("ETHUSDT"));

    // The history is the stored bars of both legs without each leg's newest (possibly forming) bar, joined
    // on open time: read here independently.
    CloseSeries x, y;
    QString error;
    Database::withReader(
        m_db,
        [&](QSqlDatabase &conn) {
            for (auto [symbol, out] :
                 {std::pair{QStringLiteral("ETHUSDT"), &x}, std::pair{QStringLiteral("BTCUSDT"), &y}}) {
                std::vector<Bar> bars =
                    BarStore::loadBarsSeconds(conn, symbol, 1, BarStore::LiveSource, -1, &error);
                bars.pop_back();
                for (const Bar &b : bars) {
                    out->openTimeMs.push_back(b.openMs);
                    out->close.push_back(b.close);
                }
            }
        },
        &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const AlignedPair aligned = alignOnOpenTime(x, y);
    QVERIFY(aligned.size() > 100);
    QCOMPARE(c.service()->pair()->timeMs, aligned.timeMs);
    QCOMPARE(r.analytics.full->n, int(aligned.size()));
    QCOMPARE(*r.display.time, aligned.timeMs);
    QCOMPARE(*r.display.y, aligned.y);
    const PairAnalysis direct = analyzePair(aligned, [] {
        PairAnalysisOptions o;
        o.window = 30;
        o.backtest.barsPerYear = 365.0 * 24 * 3600;
        return o;
    }());
    QCOMPARE(r.analytics.full->ols.beta, direct.ols.beta);
    QCOMPARE(r.analytics.full->coint.pvalue, direct.coint.pvalue);
    QCOMPARE(r.analytics.full->backtest.netPnl, direct.backtest.netPnl);
    QCOMPARE(c.verdictText(), PairController::verdictFor(direct).text);
    QVERIFY(!c.verdictText().isEmpty());
    QCOMPARE(c.state().bars, int(aligned.size()));
    QVERIFY2(c.statusText().contains(QString::number(aligned.size())), qPrintable(c.statusText()));
}

void TestPairController::resultAlwaysBelongsToTheCurrentRequest_data()
{
    // Each row is a script of requests; the next one is applied as soon as the previous one is computing
    // (history loaded, analysis or chart columns still on a worker) or waits for bars, and the last one
    // runs to the end.
    QTest::addColumn<QList<PairRequest>>("script");
    auto req = [](int seconds, int window, HedgeMethod method, bool swapped = false) {
        PairRequest r;
        r.y = swapped ? QStringLiteral("ETHUSDT") : QStringLiteral("BTCUSDT");
        r.x = swapped ? QStringLiteral("BTCUSDT") : QStringLiteral("ETHUSDT");
        r.intervalSeconds = seconds;
        r.window = window;
        r.method = method;
        return r;
    };
    QTest::newRow("windowThenMethod")
        << QList<PairRequest>{req(1, 100, HedgeMethod::Ols), req(1, 30, HedgeMethod::Ols),
                              req(1, 30, HedgeMethod::Kalman), req(1, 20, HedgeMethod::TheilSen)};
    QTest::newRow("intervalThereAndBack")
        << QList<PairRequest>{req(1, 30, HedgeMethod::Ols), req(60, 30, HedgeMethod::Ols),
                              req(1, 30, HedgeMethod::Huber), req(1, 60, HedgeMethod::Huber)};
    QTest::newRow("methodsInARow") << QList<PairRequest>{
        req(1, 30, HedgeMethod::Ols), req(1, 30, HedgeMethod::Kalman), req(1, 30, HedgeMethod::TheilSen),
        req(1, 30, HedgeMethod::Huber), req(1, 30, HedgeMethod::Ols)};
    QTest::newRow("swapAndWindow") << QList<PairRequest>{
        req(1, 30, HedgeMethod::Ols), req(1, 30, HedgeMethod::Ols, true), req(1, 40, HedgeMethod::Ols, true),
        req(1, 40, HedgeMethod::Kalman)};
}

void TestPairController::resultAlwaysBelongsToTheCurrentRequest()
{
    QFETCH(QList<PairRequest>, script);
    PairController c;
    Recorder rec(c);
    c.setLiveSymbols({QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")});
    c.setRequest(script.first());
    int next = 1, changedMidComputation = 0;
    QObject::connect(&c, &PairController::stateChanged, &c, [&](const PairState &s) {
        if ((s.kind != PairState::Kind::Computing && s.kind != PairState::Kind::Waiting) ||
            next >= script.size())
            return;
        QTimer::singleShot(0, &c, [&] {
            if (c.state().kind == PairState::Kind::Computing)
                ++changedMidComputation;
            c.setRequest(script.at(next++));
        });
    });
    c.setDatabase(m_db);
    QVERIFY(QTest::qWaitFor([&] { return next == script.size() && c.state().kind == PairState::Kind::Ready; },
                            30000));
    QVERIFY2(rec.failures.isEmpty(), qPrintable(rec.failures.join(QLatin1Char('\n'))));
    QVERIFY(changedMidComputation >= 1);
    QCOMPARE(c.result().request, script.last());
    QCOMPARE(c.result().analytics.full->window, script.last().window);
    QCOMPARE(c.result().display.method, script.last().method);
    // Every request on the way was announced by its own state, and no result of an earlier one was shown.
    QVERIFY(rec.results >= 1);
}

void TestPairController::longerBarsWaitInsteadOfShowingShorterOnes()
{
    // The case: 1 s analysed, then 1 m chosen. Two minutes of trades hold a few 1 m bars: the
    // controller says it waits for bars and shows nothing of the 1 s result under the 1 m label.
    PairController c;
    Recorder rec(c);
    c.setLiveSymbols({QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")});
    c.setWindow(60);
    c.setDatabase(m_db);
    QVERIFY(waitForState(c, PairState::Kind::Ready));
    const int results = rec.results;
    c.setIntervalSeconds(60);
    QCOMPARE(c.request().intervalSeconds, 60);
    QVERIFY(!c.result().valid());
    QVERIFY(waitForState(c, PairState::Kind::Waiting));
    QTest::qWait(200);
    QCOMPARE(c.state().kind, PairState::Kind::Waiting);
    QVERIFY(c.state().bars >= 1 && c.state().bars < 10);
    QCOMPARE(c.state().barsNeeded, 60);
    QVERIFY2(c.statusText().contains(QLatin1String("60")) && c.statusText().contains(QLatin1String("1m")),
             qPrintable(c.statusText()));
    QVERIFY(c.verdictText().isEmpty());
    QCOMPARE(rec.results, results);
    // Window 30 still needs more bars; back to 1 s with window 30 is analysed with window 30.
    c.setWindow(30);
    QCOMPARE(c.state().kind, PairState::Kind::Waiting);
    QCOMPARE(c.state().barsNeeded, 30);
    c.setIntervalSeconds(1);
    QVERIFY(waitForState(c, PairState::Kind::Ready));
    QCOMPARE(c.result().analytics.full->window, 30);
    QVERIFY2(rec.failures.isEmpty(), qPrintable(rec.failures.join(QLatin1Char('\n'))));
}

void TestPairController::notPossibleNamesItsReasonAndShowsNoResult()
{
    PairController c;
    Recorder rec(c);
    c.setLiveSymbols({QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")});
    c.setWindow(20);
    c.setDatabase(m_datasetDb);
    QTRY_VERIFY_WITH_TIMEOUT(c.hasSource(QStringLiteral("upload:ewa-ewc")), 10000);
    c.setSource(QStringLiteral("upload:ewa-ewc"));
    QCOMPARE(c.request().intervalSeconds, 86400);
    QCOMPARE(c.request().y, QStringLiteral("EWA"));
    QCOMPARE(c.request().x, QStringLiteral("EWC"));
    QCOMPARE(c.universe(), (QStringList{QStringLiteral("EWA"), QStringLiteral("EWC")}));
    QVERIFY(waitForState(c, PairState::Kind::Ready));
    QCOMPARE(c.result().analytics.full->n, 1324);
    // A window longer than the dataset: not possible, with the reason, and no result of window 20 stays.
    c.setWindow(5000);
    QCOMPARE(c.state().kind, PairState::Kind::NotPossible);
    QVERIFY2(c.state().reason.contains(QLatin1String("1324")) &&
                 c.state().reason.contains(QLatin1String("5000")),
             qPrintable(c.state().reason));
    QVERIFY2(c.statusText().startsWith(QLatin1String("Analysis not possible: ")), qPrintable(c.statusText()));
    QVERIFY(!c.result().valid());
    QCOMPARE(c.verdictText(), QStringLiteral("No analysis"));
    QTest::qWait(300);
    QCOMPARE(c.state().kind, PairState::Kind::NotPossible);
    QVERIFY(!c.result().valid());
    // The same symbol twice is refused by name.
    c.setPair(QStringLiteral("EWA"), QStringLiteral("EWA"));
    QCOMPARE(c.state().kind, PairState::Kind::Idle);
    QVERIFY2(c.statusText().contains(QLatin1String("same symbol")), qPrintable(c.statusText()));
    c.setPair(QStringLiteral("EWC"), QStringLiteral("EWA"));
    c.setWindow(20);
    QVERIFY(waitForState(c, PairState::Kind::Ready));
    QCOMPARE(c.result().request.y, QStringLiteral("EWC"));
    QVERIFY(c.result().analytics.full->ols.beta > 0.5 && c.result().analytics.full->ols.beta < 2.0);
    QVERIFY2(rec.failures.isEmpty(), qPrintable(rec.failures.join(QLatin1Char('\n'))));
}

void TestPairController::verdictFollowsEngleGrangerPValue_data()
{
    QTest::addColumn<double>("pvalue");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("level");
    QTest::addColumn<QString>("text");
    using L = PairVerdict::Level;
    QTest::newRow("below1Percent") << 0.004 << true << int(L::At1Percent)
                                   << QStringLiteral("Cointegrated at 1%");
    QTest::newRow("below5Percent") << 0.03 << true << int(L::At5Percent)
                                   << QStringLiteral("Cointegrated at 5%");
    QTest::newRow("below10Percent") << 0.07 << true << int(L::At10Percent)
                                    << QStringLiteral("Weak: cointegrated at 10% only");
    QTest::newRow("above10Percent") << 0.4 << true << int(L::NotCointegrated)
                                    << QStringLiteral("Not cointegrated");
    QTest::newRow("undefinedPValue") << kNaN << true << int(L::NotCointegrated)
                                     << QStringLiteral("Not cointegrated");
    QTest::newRow("failedAnalysis") << 0.001 << false << int(L::None) << QStringLiteral("No analysis");
}

void TestPairController::verdictFollowsEngleGrangerPValue()
{
    QFETCH(double, pvalue);
    QFETCH(bool, ok);
    QFETCH(int, level);
    QFETCH(QString, text);
    PairAnalysis a;
    a.coint.pvalue = pvalue;
    if (!ok)
        a.status = AnalyticsStatus::TooFewRows;
    const PairVerdict v = PairController::verdictFor(a);
    QCOMPARE(int(v.level), level);
    QCOMPARE(v.text, text);
}

void TestPairController::appendsBarsClosedOnBothLegs()
{
    PairController c;
    Recorder rec(c);
    c.setLiveSymbols({QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")});
    c.setWindow(30);
    c.setDatabase(m_db);
    QVERIFY(waitForState(c, PairState::Kind::Ready));
    const int bars = int(c.service()->pair()->size());
    // Three new seconds on both legs (and a 1 m fragment, another bar length); a bar is closed once the
    // next one starts, so two are appended and both legs share them.
    const qint64 t0 = c.result().display.time->back() + 10000;
    auto batch = std::make_shared<std::vector<BarUpdate>>();
    for (const char *sym : {"BTCUSDT", "ETHUSDT"}) {
        BarUpdate u{SymbolCode::fromText(sym), Interval::S1, {}};
        for (int k = 0; k < 3; ++k) {
            const double px = std::string_view(sym) == "BTCUSDT" ? 61800.0 + k : 2682.0 + k * 0.1;
            u.bars.push_back(Bar{t0 + k * 1000, px, px, px, px, 1.0, 1, 9000000000LL + k, 9000000000LL + k});
        }
        batch->push_back(u);
        batch->push_back(
            BarUpdate{SymbolCode::fromText(sym), Interval::M1, {Bar{t0, 1, 1, 1, 1, 1, 1, 1, 1}}});
    }
    c.applyBatch(batch);
    QCOMPARE(c.appendedBars(), 2);
    const AlignedPair &pair = *c.service()->pair();
    QCOMPARE(int(pair.size()), bars + 2);
    QCOMPARE(pair.timeMs.back(), t0 + 1000);
    QCOMPARE(pair.y.back(), 61801.0);
    QCOMPARE(c.state().kind, PairState::Kind::Ready); // the same request, newer bars
    c.applyBatch(batch);                              // re-sent: nothing new
    QCOMPARE(c.appendedBars(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(c.result().valid() && c.result().analytics.full->n == bars + 2, 10000);
    QVERIFY2(rec.failures.isEmpty(), qPrintable(rec.failures.join(QLatin1Char('\n'))));
}

void TestPairController::analysesMidPricesOfTheQuotes()
{
    // Both legs' real bookTicker captures: their 1 s quote bars are the mid series.
    const QString db = m_dir.filePath(QStringLiteral("quotes.sqlite"));
    for (const char *capture :
         {"hftbacktest_usdm_btcusdt_20240808_raw.gz", "hftbacktest_usdm_ethusdt_20240808_raw.gz"}) {
        IngestCounts counts;
        QString error;
        QVERIFY2(
            ingestRecordingFile(test::sharedData(QStringLiteral("real/binance_ws/") + QLatin1String(capture)),
                                db, &counts, &error),
            qPrintable(error));
        QVERIFY(counts.quotes > 50000);
    }
    std::vector<QuoteBar> btc, eth;
    QString error;
    Database::withReader(
        db,
        [&](QSqlDatabase &conn) {
            btc = QuoteStore::load(conn, QStringLiteral("BTCUSDT"), Interval::S1);
            eth = QuoteStore::load(conn, QStringLiteral("ETHUSDT"), Interval::S1);
        },
        &error);
    QVERIFY2(btc.size() > 300 && eth.size() > 300, qPrintable(error));

    PairController c;
    Recorder rec(c);
    c.setLiveSymbols({QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")});
    c.setWindow(30);
    c.setPrice(PairPrice::Mid);
    c.setDatabase(db);
    QVERIFY(waitForState(c, PairState::Kind::Ready));
    QVERIFY2(c.statusText().contains(QLatin1String("1s mid bars")), qPrintable(c.statusText()));
    // Every aligned bar is (bid + ask) / 2 of each leg's closing quote; the newest quote bar of each leg may
    // still be forming and is not analysed yet.
    std::map<qint64, double> midY, midX;
    for (const QuoteBar &q : btc)
        midY[q.openMs] = (q.bidClose + q.askClose) / 2;
    for (const QuoteBar &q : eth)
        midX[q.openMs] = (q.bidClose + q.askClose) / 2;
    const AlignedPair &pair = *c.service()->pair();
    QVERIFY(pair.size() > 300);
    for (std::size_t i = 0; i < pair.size(); ++i) {
        QCOMPARE(pair.y[i], midY.at(pair.timeMs[i]));
        QCOMPARE(pair.x[i], midX.at(pair.timeMs[i]));
    }
    QVERIFY(pair.timeMs.back() < std::min(btc.back().openMs, eth.back().openMs));
    // Trade closes differ: the request's price is part of the question.
    QVERIFY(c.result().request.price == PairPrice::Mid);

    // Live: quote bars stored later are read by the poll; a bar counts once the next one of its leg exists.
    const qint64 t0 = std::max(btc.back().openMs, eth.back().openMs) + 1000;
    std::vector<QuoteBarUpdate> more;
    for (const auto &[sym, px] : {std::pair{"BTCUSDT", 61000.0}, std::pair{"ETHUSDT", 2600.0}}) {
        QuoteBarUpdate u{SymbolCode::fromText(sym), Interval::S1, {}};
        for (int k = 0; k < 3; ++k) {
            Quote q;
            q.bid = px + k;
            q.ask = px + k + 0.5;
            q.updateId = 9'000'000'000'000LL + k;
            u.bars.push_back(QuoteBar::from(q, t0 + k * 1000));
        }
        more.push_back(u);
    }
    const int before = int(pair.size());
    {
        QSqlDatabase conn = Database::open(db, QStringLiteral("mid-writer"), &error);
        QVERIFY2(conn.isValid(), qPrintable(error));
        QVERIFY2(QuoteStore::store(conn, more, &error), qPrintable(error));
        conn = QSqlDatabase();
        Database::close(QStringLiteral("mid-writer"));
    }
    // The forming bars of the history and t0, t0 + 1 s close; t0 + 2 s is forming.
    QTRY_VERIFY_WITH_TIMEOUT(c.service()->pair()->timeMs.back() == t0 + 1000, 10000);
    const AlignedPair &grown = *c.service()->pair();
    QCOMPARE(grown.y.back(), 61001.25);
    QCOMPARE(grown.x.back(), 2601.25);
    QVERIFY(int(grown.size()) >= before + 2);
    QVERIFY2(rec.failures.isEmpty(), qPrintable(rec.failures.join(QLatin1Char('\n'))));

    // Datasets hold trades only: a dataset source analyses trades, and mid is refused for it.
    c.setDatasetDatabase(m_datasetDb);
    QTRY_VERIFY_WITH_TIMEOUT(c.hasSource(QStringLiteral("upload:ewa-ewc")), 10000);
    c.setSource(QStringLiteral("upload:ewa-ewc"));
    QVERIFY(c.request().price == PairPrice::Trades);
    c.setPrice(PairPrice::Mid);
    QVERIFY(c.request().price == PairPrice::Trades);
}

void TestPairController::alertsJudgeEachLiveBarOnce()
{
    PairController c;
    QList<AlertVariables> judged;
    connect(&c, &PairController::alertInputs, &c, [&](const QString &pair, const AlertVariables &v) {
        QCOMPARE(pair, alertPairName(QStringLiteral("ETHUSDT"), QStringLiteral("BTCUSDT")));
        judged << v;
    });
    c.setLiveSymbols({QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")});
    c.setWindow(30);
    c.setDatabase(m_db);
    QVERIFY(waitForState(c, PairState::Kind::Ready));
    QCOMPARE(judged.size(), 0); // stored history is not news: no alert on a bar that closed before
    const qint64 t0 = c.result().display.time->back() + 10000;
    const auto seconds = [&](int from, int count) {
        auto batch = std::make_shared<std::vector<BarUpdate>>();
        for (const char *sym : {"BTCUSDT", "ETHUSDT"}) {
            BarUpdate u{SymbolCode::fromText(sym), Interval::S1, {}};
            for (int k = from; k < from + count; ++k) {
                const double px = std::string_view(sym) == "BTCUSDT" ? 61800.0 + k : 2682.0 + k * 0.1;
                u.bars.push_back(
                    Bar{t0 + k * 1000, px, px, px, px, 1.0, 1, 9000000000LL + k, 9000000000LL + k});
            }
            batch->push_back(u);
        }
        return batch;
    };
    c.applyBatch(seconds(0, 3)); // two bars close
    QTRY_VERIFY_WITH_TIMEOUT(c.result().valid() && c.result().analytics.full->n == c.state().bars, 10000);
    QTest::qWait(50); // any republication of the same bars arrives meanwhile
    QCOMPARE(judged.size(), 2);
    QCOMPARE(judged[0].timeMs, t0);
    QCOMPARE(judged[1].timeMs, t0 + 1000);
    QVERIFY(std::isfinite(judged[1][AlertVariable::Z]));
    QVERIFY(std::isfinite(judged[1][AlertVariable::KalmanZ])); // the Kalman hedge's z, live
    QCOMPARE(judged[1][AlertVariable::KalmanZ], c.result().analytics.live.scaledKalmanZ);

    // A new window recomputes every number of the same bars, and a reconnect (the database opened again)
    // reloads the history: neither is a new bar, neither is judged again.
    c.setWindow(40);
    QVERIFY(waitForState(c, PairState::Kind::Ready));
    c.setDatabase(m_db);
    QVERIFY(waitForState(c, PairState::Kind::Ready));
    QTest::qWait(50);
    QCOMPARE(judged.size(), 2);
    // The next live bar is.
    c.applyBatch(seconds(3, 2));
    QTRY_COMPARE_WITH_TIMEOUT(judged.size(), 3, 10000);
    QCOMPARE(judged.back().timeMs, t0 + 3000);
}

void TestPairController::universeScanReportsProgressAndStopsWhenAsked()
{
    // The scan behind the scanner: progress ends with (0, 0) and the result; Stop delivers nothing, says so,
    // and no periodic rescan starts until asked; Rescan brings a complete scan again.
    PairController c;
    c.setDatabase(m_datasetDb);
    QTRY_VERIFY_WITH_TIMEOUT(c.hasSource(QStringLiteral("upload:countries")), 10000);
    QSignalSpy ready(&c, &PairController::universeReady);
    std::vector<std::size_t> rows; // rows of each delivered scan
    connect(&c, &PairController::universeReady, this,
            [&](const UniverseResult &u) { rows.push_back(u.rows.size()); });
    QSignalSpy progress(&c, &PairController::universeProgress);
    QSignalSpy cancelled(&c, &PairController::universeScanCancelled);
    c.setSource(QStringLiteral("upload:countries"));
    QVERIFY(ready.wait(20000)); // the pair's own universe first
    ready.clear();
    progress.clear();

    QStringList all;
    QString error;
    Database::withReader(
        m_datasetDb,
        [&](QSqlDatabase &db) {
            for (const BarStore::DatasetInfo &d : BarStore::datasets(db))
                if (d.name == QLatin1String("countries"))
                    all = d.symbols;
        },
        &error);
    QCOMPARE(all.size(), 45);
    c.setUniverse(all);
    rows.clear();
    QVERIFY(ready.wait(30000));
    QCOMPARE(rows.back(), std::size_t(990));
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().at(0).toLongLong(), 0); // (0, 0): the scan ended
    QCOMPARE(progress.last().at(1).toLongLong(), 0);
    for (const QList<QVariant> &p : std::as_const(progress)) // never more done than there are pairs
        QVERIFY(p.at(0).toLongLong() <= p.at(1).toLongLong());

    ready.clear();
    c.refreshUniverse();
    c.cancelUniverseScan(); // before the scan can deliver
    QCOMPARE(cancelled.size(), 1);
    QVERIFY(c.universeScanPaused());
    QTest::qWait(6000); // longer than the 5 s rescan period: nothing comes
    QCOMPARE(ready.size(), 0);
    c.refreshUniverse();
    QVERIFY(!c.universeScanPaused());
    QVERIFY(ready.wait(30000));
    QCOMPARE(rows.back(), std::size_t(990));
}

void TestPairController::universeLiveStepsKeepZCurrentBetweenFullScans()
{
    // Three live symbols, one trade a second each: the full scan, then bars close and the live step
    // refreshes z on them (the scan's hedges and tests stand) without a new full scan.
    const QString db = m_dir.filePath(QStringLiteral("live-universe.sqlite"));
    TickWriter writer(db);
    QString error;
    QVERIFY2(writer.open(&error), qPrintable(error));
    const QStringList names{QStringLiteral("AAAUSDT"), QStringLiteral("BBBUSDT"), QStringLiteral("CCCUSDT")};
    constexpr qint64 t0 = 1'764'000'000'000;
    std::mt19937_64 rng(5);
    std::normal_distribution<double> z;
    double walk = 100;
    qint64 tradeId = 1;
    const auto seconds = [&](int from, int count) {
        std::vector<Tick> ticks;
        for (int t = from; t < from + count; ++t) {
            walk += 0.1 * z(rng);
            const double prices[] = {2 * walk + z(rng) * 0.2, walk, 0.5 * walk + 20 + z(rng) * 0.3};
            for (int k = 0; k < 3; ++k)
                ticks.push_back(Tick{SymbolCode::fromString(names[k]), tradeId++, t0 + t * 1000 + 100,
                                     prices[k], 1.0, false, 0});
        }
        WriteStats stats;
        std::vector<BarUpdate> bars;
        QString failure;
        if (!writer.write(ticks, &stats, &failure, nullptr, &bars))
            qWarning() << failure;
        return std::make_shared<const std::vector<BarUpdate>>(std::move(bars));
    };
    seconds(0, 300);

    PairController c;
    std::vector<UniverseResult> results;
    connect(&c, &PairController::universeReady, this, [&](const UniverseResult &u) { results.push_back(u); });
    c.setLiveSymbols(names);
    c.setWindow(30);
    c.setDatabase(db);
    c.setUniverse(names);
    QTRY_VERIFY_WITH_TIMEOUT(!results.empty() && results.back().scanRows > 0, 20000);
    const UniverseResult scan = results.back();
    QCOMPARE(scan.rows.size(), std::size_t(3));
    QCOMPARE(scan.scanLastMs, t0 + 298'000); // the newest bar may still be forming: left out
    QCOMPARE(scan.liveSteps, 0);
    QCOMPARE(scan.intervalSeconds, 1);

    c.applyBatch(seconds(300, 3)); // bars 299..301 close, 302 forms
    QTRY_VERIFY_WITH_TIMEOUT(results.back().liveSteps == 1, 10000);
    const UniverseResult step = results.back();
    QCOMPARE(step.zLastMs, t0 + 301'000);
    QCOMPARE(step.scanLastMs, scan.scanLastMs);
    QCOMPARE(step.scannedAtMs, scan.scannedAtMs); // no full scan in between
    QCOMPARE(step.tableRows, scan.tableRows + 3);
    // z of each pair as the step must make it: the scan's hedge on the newest 30 common bars.
    std::vector<CloseSeries> fresh(3);
    Database::withReader(
        db,
        [&](QSqlDatabase &conn) {
            for (int k = 0; k < 3; ++k) {
                fresh[std::size_t(k)].symbol = names[k];
                for (const Bar &b : BarStore::loadBars(conn, names[k], Interval::S1, BarStore::LiveSource,
                                                       t0 + 299'000, t0 + 302'000)) {
                    fresh[std::size_t(k)].openTimeMs.push_back(b.openMs);
                    fresh[std::size_t(k)].close.push_back(b.close);
                }
            }
        },
        &error);
    const UniverseResult expected = advanceUniverse(scan, fresh);
    QCOMPARE(expected.liveSteps, 1);
    for (std::size_t i = 0; i < 3; ++i) {
        QVERIFY(std::isfinite(step.rows[i].z));
        QCOMPARE(step.rows[i].z, expected.rows[i].z);
        QVERIFY(step.rows[i].z != scan.rows[i].z);
        QCOMPARE(step.rows[i].beta, scan.rows[i].beta);
    }
    // More trades in the bar still forming (302): nothing closed, no step reads the database.
    const int started = c.liveStepsStarted();
    auto same = std::make_shared<std::vector<BarUpdate>>();
    for (int k = 0; k < 3; ++k)
        same->push_back(BarUpdate{
            SymbolCode::fromString(names[k]), Interval::S1, {Bar{t0 + 302'000, 1, 1, 1, 1, 1, 1, 1, 1}}});
    c.applyBatch(same);
    c.applyBatch(same);
    QTest::qWait(300);
    QCOMPARE(c.liveStepsStarted(), started);
    QCOMPARE(results.back().liveSteps, 1);
    c.applyBatch(seconds(303, 1)); // 303 opens: 302 closed, one more step
    QTRY_VERIFY_WITH_TIMEOUT(results.back().liveSteps == 2, 10000);
    QCOMPARE(results.back().zLastMs, t0 + 302'000);
    QCOMPARE(c.liveStepsStarted(), started + 1);
}

QTEST_GUILESS_MAIN(TestPairController)
#include "tst_pair_controller.moc"
