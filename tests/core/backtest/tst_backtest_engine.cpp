#include "backtest/backtest_engine.h"
#include "backtest/backtest_store.h"
#include "backtest_test_data.h"

#include "analytics/backtest.h"
#include "analytics/regression.h"
#include "analytics/rolling.h"
#include "storage/database.h"
#include "test_database.h"
#include "test_util.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace pairlab;
using pairlab::test::same;

/** backtestPair: §12 equivalence, hand-computed cases, cost accounting, stop rule, no look-ahead of
    the rolling and Kalman hedges, JSON round trips, persistence and CSV export. */
class TestBacktestEngine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void equalsSection12Exactly_data();
    void equalsSection12Exactly();
    void handComputedUnitSpread();
    void notionalSizingChargesFeesOnBothLegs();
    void unitSizingFeesAndFlipCostSplit();
    void stopGoesFlatAndLocksOutUntilInsideEntry();
    void futureDataDoesNotChangeEarlierPositions_data();
    void futureDataDoesNotChangeEarlierPositions();
    void rollingHedgeIsTrailingOls();
    void kalmanHedgeTradesTheInnovation();
    void rejectsInvalidParameters();
    void jsonRoundTrip();
    void persistsAndExportsCsv();
};

namespace {

/** Hand-made inputs (the engine only reads them). */
std::shared_ptr<PreparedBacktest> handInputs(BacktestHedge hedge, int window, std::vector<double> s,
                                             std::vector<double> z, std::vector<double> x = {},
                                             std::vector<double> y = {}, double beta = 1.0)
{
    auto p = std::make_shared<PreparedBacktest>();
    p->hedge = hedge;
    p->window = window;
    const std::size_t n = z.size();
    p->spread = s.empty() ? std::vector<double>(n, 0.0) : std::move(s);
    p->zscore = std::move(z);
    p->x = x.empty() ? std::vector<double>(n, 1.0) : std::move(x);
    p->y = y.empty() ? std::vector<double>(n, 1.0) : std::move(y);
    p->beta.assign(n, beta);
    for (std::size_t t = 0; t < n; ++t)
        p->timeMs.push_back(qint64(t) * 1000);
    return p;
}

} // namespace

void TestBacktestEngine::equalsSection12Exactly_data()
{
    QTest::addColumn<double>("entry");
    QTest::addColumn<double>("exit");
    QTest::addColumn<double>("cost");
    QTest::addColumn<int>("window");
    QTest::newRow("defaults") << 2.0 << 0.5 << 2.0 << 120;
    QTest::newRow("tightBands") << 1.0 << 0.0 << 0.5 << 60;
    QTest::newRow("noCost") << 1.5 << 0.25 << 0.0 << 30;
}

void TestBacktestEngine::equalsSection12Exactly()
{
    QFETCH(double, entry);
    QFETCH(double, exit);
    QFETCH(double, cost);
    QFETCH(int, window);
    const auto data = test::syntheticPair(20000, 3);
    BacktestConfig c;
    c.entryZ = entry;
    c.exitZ = exit;
    c.spreadCost = cost;
    c.window = window;
    const auto inputs = prepareBacktest(data.x, data.y, data.timeMs, c);
    QVERIFY2(inputs->ok(), qPrintable(inputs->error));
    // The §12 inputs exactly as analyzePair builds them.
    const OlsResult ols = olsFit(data.x, data.y);
    const std::vector<double> s = spreadSeries(data.x, data.y, ols.alpha, ols.beta);
    const std::vector<double> z = rollingZScore(s, window);
    QVERIFY(std::equal(s.begin(), s.end(), inputs->spread.begin(), same));
    QVERIFY(std::equal(z.begin(), z.end(), inputs->zscore.begin(), same));

    BacktestParams p;
    p.entry = entry;
    p.exit = exit;
    p.cost = cost;
    const BacktestResult ref = backtestMeanReversion(s, z, p);
    const BacktestRun run = backtestPair(inputs, c);
    QVERIFY2(run.ok(), qPrintable(run.error));
    QVERIFY(ref.trades > 10);
    QCOMPARE(run.position, ref.position);
    QVERIFY(std::equal(ref.pnlGross.begin(), ref.pnlGross.end(), run.pnlGross.begin(), same));
    QVERIFY(std::equal(ref.pnlNet.begin(), ref.pnlNet.end(), run.pnlNet.begin(), same));
    QVERIFY(std::equal(ref.equityGross.begin(), ref.equityGross.end(), run.equityGross.begin(), same));
    QVERIFY(std::equal(ref.equityNet.begin(), ref.equityNet.end(), run.equityNet.begin(), same));
    const BacktestSummary &m = run.summary;
    QCOMPARE(m.trades, ref.trades);
    QCOMPARE(m.wins, ref.wins);
    QCOMPARE(int(run.trades.size()), ref.trades);
    QVERIFY(same(m.winRate, ref.winRate));
    QVERIFY(same(m.grossPnl, ref.grossPnl));
    QVERIFY(same(m.netPnl, ref.netPnl));
    QVERIFY(same(m.totalCost, ref.totalCost));
    QVERIFY(same(m.sharpe, ref.sharpeNet));
    QVERIFY(same(m.sharpeGross, ref.sharpeGross));
    QVERIFY(same(m.maxDrawdown, ref.maxDrawdownNet));
    QVERIFY(same(m.maxDrawdownGross, ref.maxDrawdownGross));
    // The summary-only path gives the same numbers.
    const BacktestSummary quick = backtestSummary(*inputs, c);
    QVERIFY(same(quick.sharpe, m.sharpe) && same(quick.netPnl, m.netPnl) && quick.trades == m.trades &&
            same(quick.sortino, m.sortino) && same(quick.exposure, m.exposure));
}

void TestBacktestEngine::handComputedUnitSpread()
{
    BacktestConfig c;
    c.spreadCost = 1.0;
    c.window = 3;
    const auto in = handInputs(BacktestHedge::StaticOls, 3, {10, 11, 9, 8, 7, 9, 10},
                               {kNaN, 2.5, 1.0, 0.3, -2.5, -2.1, 0.1});
    const BacktestRun r = backtestPair(in, c);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.position, (std::vector<int>{0, -1, -1, 0, 1, 1, 0}));
    QCOMPARE(r.pnlGross, (std::vector<double>{0, 0, 2, 1, 0, 2, 1}));
    QCOMPARE(r.pnlNet, (std::vector<double>{0, -1, 2, 0, -1, 2, 0}));
    QCOMPARE(r.equityNet, (std::vector<double>{0, -1, 1, 1, 0, 2, 2}));
    QCOMPARE(r.drawdown, (std::vector<double>{0, 1, 0, 0, 1, 0, 0}));
    QCOMPARE(r.summary.trades, 2);
    QCOMPARE(r.summary.wins, 2);
    QCOMPARE(r.summary.grossPnl, 6.0);
    QCOMPARE(r.summary.netPnl, 2.0);
    QCOMPARE(r.summary.totalCost, 4.0);
    QCOMPARE(r.summary.maxDrawdown, 1.0);
    QCOMPARE(r.summary.exposure, 4.0 / 7.0);
    QCOMPARE(r.summary.avgHoldingBars, 2.0);
    QCOMPARE(r.trades.size(), std::size_t(2));
    const BacktestTrade &t0 = r.trades[0];
    QCOMPARE(t0.entryBar, 1);
    QCOMPARE(t0.exitBar, 3);
    QCOMPARE(t0.entryTimeMs, 1000);
    QCOMPARE(t0.exitTimeMs, 3000);
    QCOMPARE(t0.side, -1);
    QCOMPARE(t0.entryZ, 2.5);
    QCOMPARE(t0.exitZ, 0.3);
    QCOMPARE(t0.holdingBars, 2);
    QCOMPARE(t0.grossPnl, 3.0);
    QCOMPARE(t0.costs, 2.0);
    QCOMPARE(t0.netPnl, 1.0);
    QVERIFY(t0.exit == TradeExit::Exit);
    QCOMPARE(r.trades[1].side, 1);
    QCOMPARE(r.trades[1].netPnl, 1.0);
    // Sortino: mean(net_1..6) / sqrt(mean(min(net,0)^2)) * sqrt(B).
    const double mean = 2.0 / 6.0, down = std::sqrt(2.0 / 6.0);
    PAIRLAB_FUZZY_COMPARE(r.summary.sortino, mean / down * std::sqrt(c.barsPerYear), 1e-14, 0);
}

void TestBacktestEngine::notionalSizingChargesFeesOnBothLegs()
{
    BacktestConfig c;
    c.hedge = BacktestHedge::Kalman; // legs path
    c.window = 3;
    c.spreadCost = 0;
    c.feeBps = 10;
    c.slippageBps = 5;
    c.sizing = PositionSizing::Notional;
    c.notional = 10000;
    const auto in = handInputs(BacktestHedge::Kalman, 3, {}, {kNaN, 2.5, 2.5, 0.0}, {100, 100, 101, 102},
                               {300, 300, 303, 300}, 2.0);
    const BacktestRun r = backtestPair(in, c);
    QVERIFY2(r.ok(), qPrintable(r.error));
    // Short spread at bar 1: k = 10000/(300 + 2*100) = 20 -> q_y = -20, q_x = +40; traded 10000 -> 15.
    QCOMPARE(r.position, (std::vector<int>{0, -1, -1, 0}));
    QCOMPARE(r.trades.size(), std::size_t(1));
    const BacktestTrade &t = r.trades[0];
    QCOMPARE(t.quantityY, -20.0);
    QCOMPARE(t.quantityX, 40.0);
    QCOMPARE(r.pnlGross, (std::vector<double>{0, 0, -20, 100}));
    PAIRLAB_FUZZY_COMPARE(r.costs[1], 15.0, 1e-12, 0);
    PAIRLAB_FUZZY_COMPARE(r.costs[3], 0.0015 * (20 * 300 + 40 * 102), 1e-12, 0);
    PAIRLAB_FUZZY_COMPARE(t.costs, 30.12, 1e-12, 0);
    QCOMPARE(t.grossPnl, 80.0);
    PAIRLAB_FUZZY_COMPARE(t.netPnl, 49.88, 1e-12, 0);
    PAIRLAB_FUZZY_COMPARE(r.summary.netPnl, 49.88, 1e-12, 0);
    PAIRLAB_FUZZY_COMPARE(r.summary.totalCost, 30.12, 1e-12, 0);
}

void TestBacktestEngine::unitSizingFeesAndFlipCostSplit()
{
    BacktestConfig c;
    c.hedge = BacktestHedge::RollingOls;
    c.window = 3;
    c.spreadCost = 1.0;
    c.feeBps = 20; // 0.002 of traded notional
    // Long at 1, flip to short at 2, open at the end.
    const auto in = handInputs(BacktestHedge::RollingOls, 3, {}, {0.0, -2.5, 2.5, 2.5}, {100, 100, 100, 100},
                               {300, 300, 310, 310}, 2.0);
    const BacktestRun r = backtestPair(in, c);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.position, (std::vector<int>{0, 1, -1, -1}));
    // Entry: 1 + 0.002*(300 + 200) = 2; flip at 2: exit 1 + 0.002*(310 + 200), entry the same.
    QCOMPARE(r.costs[1], 2.0);
    PAIRLAB_FUZZY_COMPARE(r.costs[2], 2.0 + 0.002 * 2 * 510, 1e-12, 0);
    QCOMPARE(r.trades.size(), std::size_t(2));
    QVERIFY(r.trades[0].exit == TradeExit::Flip);
    PAIRLAB_FUZZY_COMPARE(r.trades[0].costs, 2.0 + 1.0 + 0.002 * 510, 1e-12, 0);
    QCOMPARE(r.trades[0].grossPnl, 10.0);
    QVERIFY(r.trades[1].exit == TradeExit::Open);
    PAIRLAB_FUZZY_COMPARE(r.trades[1].costs, 1.0 + 0.002 * 510, 1e-12, 0); // no exit cost while open
    PAIRLAB_FUZZY_COMPARE(r.summary.totalCost, r.trades[0].costs + r.trades[1].costs, 1e-12, 0);
}

void TestBacktestEngine::stopGoesFlatAndLocksOutUntilInsideEntry()
{
    BacktestConfig c;
    c.window = 3;
    c.stopZ = 3.0;
    c.spreadCost = 0;
    const auto in =
        handInputs(BacktestHedge::StaticOls, 3, {}, {0, 2.5, 3.5, 2.5, 2.2, 1.5, 2.5, 0.2, -3.01, -2.5});
    const BacktestRun r = backtestPair(in, c);
    QVERIFY2(r.ok(), qPrintable(r.error));
    // Stopped at 2; 3 and 4 stay flat (|z| >= entry); 5 unlocks (1.5 < 2); 6 enters again; 8 stops a
    // flat book (locks, no trade); 9 stays flat.
    QCOMPARE(r.position, (std::vector<int>{0, -1, 0, 0, 0, 0, -1, 0, 0, 0}));
    QCOMPARE(r.trades.size(), std::size_t(2));
    QVERIFY(r.trades[0].exit == TradeExit::Stop);
    QCOMPARE(r.trades[0].exitBar, 2);
    QCOMPARE(r.trades[0].exitZ, 3.5);
    QVERIFY(r.trades[1].exit == TradeExit::Exit);
    // Without a stop the §12 rule keeps the short through the spike.
    c.stopZ.reset();
    QCOMPARE(backtestPair(in, c).position, (std::vector<int>{0, -1, -1, -1, -1, -1, -1, 0, 1, 1}));
    // |z| equal to the stop is not beyond it.
    c.stopZ = 3.5;
    QCOMPARE(backtestPair(in, c).position[2], -1);
}

void TestBacktestEngine::futureDataDoesNotChangeEarlierPositions_data()
{
    QTest::addColumn<int>("hedge");
    QTest::newRow("rollingOls") << int(BacktestHedge::RollingOls);
    QTest::newRow("kalman") << int(BacktestHedge::Kalman);
}

void TestBacktestEngine::futureDataDoesNotChangeEarlierPositions()
{
    QFETCH(int, hedge);
    auto data = test::syntheticPair(6000, 11);
    BacktestConfig c;
    c.hedge = BacktestHedge(hedge);
    c.window = 100;
    c.entryZ = 1.5;
    c.stopZ = 4.0;
    const BacktestRun before = backtestPair(prepareBacktest(data.x, data.y, data.timeMs, c), c);
    QVERIFY2(before.ok(), qPrintable(before.error));
    QVERIFY(before.summary.trades > 5);
    const std::size_t cut = 4000;
    for (std::size_t t = cut + 1; t < data.x.size(); ++t) {
        data.y[t] *= 1.0 + 0.01 * std::sin(double(t));
        data.x[t] += 50;
    }
    const BacktestRun after = backtestPair(prepareBacktest(data.x, data.y, data.timeMs, c), c);
    QVERIFY(after.ok());
    for (std::size_t t = 0; t <= cut; ++t) {
        QVERIFY2(before.position[t] == after.position[t], qPrintable(QString::number(t)));
        QVERIFY(same(before.inputs->zscore[t], after.inputs->zscore[t]));
        QVERIFY(same(before.inputs->beta[t], after.inputs->beta[t]));
        QVERIFY(same(before.equityNet[t], after.equityNet[t]));
    }
    QVERIFY(before.position != after.position); // the change is visible after the cut
}

void TestBacktestEngine::rollingHedgeIsTrailingOls()
{
    const auto data = test::syntheticPair(600, 5);
    BacktestConfig c;
    c.hedge = BacktestHedge::RollingOls;
    c.window = 50;
    const auto in = prepareBacktest(data.x, data.y, data.timeMs, c);
    QVERIFY(in->ok());
    for (std::size_t t = 0; t < 50; ++t)
        QVERIFY(std::isnan(in->beta[t]) && std::isnan(in->spread[t]));
    for (std::size_t t : {50u, 51u, 77u, 300u, 599u}) {
        const std::span<const double> xs(data.x.data() + t - 50, 50), ys(data.y.data() + t - 50, 50);
        const OlsResult ols = olsFit(xs, ys);
        PAIRLAB_FUZZY_COMPARE(in->beta[t], ols.beta, 1e-9, 0);
        PAIRLAB_FUZZY_COMPARE(in->spread[t], data.y[t] - (ols.alpha + ols.beta * data.x[t]), 1e-7, 1e-7);
    }
    QVERIFY(std::isnan(in->zscore[98]));
    QVERIFY(!std::isnan(in->zscore[99])); // W spread values from bar W on
}

void TestBacktestEngine::kalmanHedgeTradesTheInnovation()
{
    // The Kalman backtest once traded the §4 posterior residual (~1e-8 on BTC-level prices: Sharpe 558
    // of noise). It trades the scaled filter's innovation and e/sqrt(S) now, sized with the posterior b_t.
    const auto data = test::syntheticPair(800, 7);
    BacktestConfig c;
    c.hedge = BacktestHedge::Kalman;
    c.window = 60;
    c.kalman.delta = 2e-4;
    const auto in = prepareBacktest(data.x, data.y, data.timeMs, c);
    QVERIFY(in->ok());
    const KalmanSpread k = kalmanSpread(data.x, data.y, 60, 2e-4);
    QVERIFY(k.ok());
    for (std::size_t t = 0; t < data.x.size(); ++t) {
        if (t < 60) {
            QVERIFY(std::isnan(in->spread[t]) && std::isnan(in->zscore[t]));
            continue;
        }
        QCOMPARE(in->spread[t], k.innovation[t]);
        QCOMPARE(in->zscore[t], k.zscore[t]);
        QCOMPARE(in->beta[t], k.beta[t]);
    }
    const BacktestRun run = backtestPair(in, c);
    QVERIFY(run.ok());
    QVERIFY(run.summary.trades > 0);
}

void TestBacktestEngine::rejectsInvalidParameters()
{
    const auto in = handInputs(BacktestHedge::StaticOls, 3, {}, {0, 1, 2});
    BacktestConfig c;
    c.window = 3;
    c.exitZ = 2.5;
    QVERIFY(!backtestPair(in, c).ok());
    c.exitZ = 0.5;
    c.stopZ = 1.5;
    QVERIFY(!backtestPair(in, c).ok());
    c.stopZ.reset();
    c.feeBps = -1;
    QVERIFY(!backtestPair(in, c).ok());
    c.feeBps = 0;
    c.window = 4; // inputs prepared for another window
    QVERIFY(!backtestPair(in, c).ok());
    const std::vector<double> x{1, 2, kNaN}, y{1, 2, 3};
    QVERIFY(!prepareBacktest(x, y, {}, c)->ok());
}

void TestBacktestEngine::jsonRoundTrip()
{
    BacktestConfig c;
    c.entryZ = 1.75;
    c.exitZ = 0.25;
    c.stopZ = 3.5;
    c.window = 240;
    c.hedge = BacktestHedge::Kalman;
    c.kalman.delta = 1e-5;
    c.feeBps = 4;
    c.slippageBps = 1.5;
    c.sizing = PositionSizing::Notional;
    c.notional = 25000;
    const QJsonObject o = QJsonDocument::fromJson(QJsonDocument(c.toJson()).toJson()).object();
    const BacktestConfig back = BacktestConfig::fromJson(o);
    QCOMPARE(back.toJson(), c.toJson());
    QVERIFY(back.stopZ && *back.stopZ == 3.5);
    QVERIFY(back.hedge == BacktestHedge::Kalman);
    c.stopZ.reset();
    QVERIFY(!BacktestConfig::fromJson(c.toJson()).stopZ);

    const auto data = test::syntheticPair(3000, 2);
    BacktestConfig s;
    const BacktestSummary m = backtestPair(prepareBacktest(data.x, data.y, data.timeMs, s), s).summary;
    const BacktestSummary mb = BacktestSummary::fromJson(m.toJson());
    QCOMPARE(mb.toJson(), m.toJson());
    QCOMPARE(mb.trades, m.trades);
    QVERIFY(same(mb.sharpe, m.sharpe));
}

void TestBacktestEngine::persistsAndExportsCsv()
{
    if (!test::backendAvailable())
        return;
    test::ScratchDatabase scratch;
    const QString path = scratch.spec();
    const QString name = QStringLiteral("tst_backtest_engine");
    const auto data = test::syntheticPair(3000, 9);
    BacktestConfig c;
    c.feeBps = 2;
    c.stopZ = 4;
    const BacktestRun run = backtestPair(prepareBacktest(data.x, data.y, data.timeMs, c), c);
    QVERIFY(run.ok());
    qint64 id = 0;
    {
        QString error;
        QSqlDatabase db = Database::open(path, name, &error);
        QVERIFY2(db.isValid(), qPrintable(error));
        BacktestStore store(db);
        id = store.save(QStringLiteral("ETHUSDT/BTCUSDT"), c, run.summary, 1723075200000, &error);
        QVERIFY2(id > 0, qPrintable(error));
        QVERIFY(store.save(QStringLiteral("SOLUSDT/BTCUSDT"), c, run.summary) > id);
    }
    Database::close(name);
    {
        QString error;
        BacktestStore store(Database::open(path, name, &error));
        const QList<StoredBacktest> all = store.list();
        QCOMPARE(all.size(), 2);
        const QList<StoredBacktest> one = store.list(QStringLiteral("ETHUSDT/BTCUSDT"));
        QCOMPARE(one.size(), 1);
        QCOMPARE(one.first().id, id);
        QCOMPARE(one.first().createdMs, 1723075200000);
        QCOMPARE(one.first().config.toJson(), c.toJson());
        QCOMPARE(one.first().summary.toJson(), run.summary.toJson());
        QVERIFY(store.remove(id));
        QCOMPARE(store.list().size(), 1);
    }
    Database::close(name);

    QBuffer trades, equity;
    QVERIFY(trades.open(QIODevice::WriteOnly) && equity.open(QIODevice::WriteOnly));
    QVERIFY(run.writeTradesCsv(&trades));
    QVERIFY(run.writeEquityCsv(&equity));
    const QList<QByteArray> tl = trades.data().split('\n');
    QCOMPARE(tl.first(),
             QByteArray("entry_bar,exit_bar,entry_time_utc,exit_time_utc,side,entry_z,exit_z,hedge_ratio,"
                        "qty_y,qty_x,holding_bars,gross_pnl,costs,net_pnl,exit,crossing,funding"));
    QCOMPARE(tl.size(), int(run.trades.size()) + 2); // header + rows + trailing empty
    const QList<QByteArray> first = tl.at(1).split(',');
    QCOMPARE(first.size(), 17);
    QCOMPARE(first.at(0).toInt(), run.trades[0].entryBar);
    QCOMPARE(first.at(13).toDouble(), run.trades[0].netPnl);
    const QList<QByteArray> el = equity.data().split('\n');
    QCOMPARE(el.size(), int(data.x.size()) + 2);
    const QList<QByteArray> last = el.at(int(data.x.size())).split(',');
    QCOMPARE(last.at(10).toDouble(), run.equityNet.back());
    QCOMPARE(last.at(1), QByteArray("2024-08-08T00:49:59.000Z"));
}

QTEST_GUILESS_MAIN(TestBacktestEngine)
#include "tst_backtest_engine.moc"
