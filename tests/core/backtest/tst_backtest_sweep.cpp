#include "backtest/backtest_sweep.h"
#include "backtest_test_data.h"

#include <QFutureWatcher>
#include <QSignalSpy>
#include <QThreadPool>
#include <QtTest>

using namespace pairlab;
using pairlab::test::same;

/** Parameter sweeps: every cell equals the individual backtest, invalid cells are marked, progress is
    reported, and a cancelled sweep stops early and keeps only computed cells. */
class TestBacktestSweep : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void thresholdRangeIncludesEnd();
    void cellsEqualIndividualBacktests_data();
    void cellsEqualIndividualBacktests();
    void reportsProgressThroughWatcher();
    void cancelStopsEarly();
    void runsSingleBacktestOnWorker();
};

static bool sameSummary(const BacktestSummary &a, const BacktestSummary &b)
{
    return a.bars == b.bars && a.trades == b.trades && a.wins == b.wins && same(a.winRate, b.winRate) &&
           same(a.grossPnl, b.grossPnl) && same(a.netPnl, b.netPnl) && same(a.totalCost, b.totalCost) &&
           same(a.sharpe, b.sharpe) && same(a.sharpeGross, b.sharpeGross) && same(a.sortino, b.sortino) &&
           same(a.maxDrawdown, b.maxDrawdown) && same(a.maxDrawdownGross, b.maxDrawdownGross) &&
           same(a.exposure, b.exposure) && same(a.avgHoldingBars, b.avgHoldingBars);
}

void TestBacktestSweep::thresholdRangeIncludesEnd()
{
    QCOMPARE(thresholdRange(1.0, 2.0, 0.25), (std::vector<double>{1.0, 1.25, 1.5, 1.75, 2.0}));
    QCOMPARE(thresholdRange(0.0, 0.3, 0.1).size(), std::size_t(4));
    QVERIFY(thresholdRange(1.0, 0.5, 0.1).empty());
    QVERIFY(thresholdRange(1.0, 2.0, 0.0).empty());
}

void TestBacktestSweep::cellsEqualIndividualBacktests_data()
{
    QTest::addColumn<int>("hedge");
    QTest::addColumn<int>("sizing");
    QTest::newRow("staticUnit") << int(BacktestHedge::StaticOls) << int(PositionSizing::UnitSpread);
    QTest::newRow("rollingNotional") << int(BacktestHedge::RollingOls) << int(PositionSizing::Notional);
    QTest::newRow("kalmanUnit") << int(BacktestHedge::Kalman) << int(PositionSizing::UnitSpread);
}

void TestBacktestSweep::cellsEqualIndividualBacktests()
{
    QFETCH(int, hedge);
    QFETCH(int, sizing);
    const auto data = test::syntheticPair(8000, 21);
    BacktestConfig base;
    base.hedge = BacktestHedge(hedge);
    base.sizing = PositionSizing(sizing);
    base.window = 90;
    base.feeBps = 1;
    base.slippageBps = 0.5;
    base.stopZ = 4.0;
    const auto inputs = prepareBacktest(data.x, data.y, data.timeMs, base);
    QVERIFY2(inputs->ok(), qPrintable(inputs->error));
    SweepGrid grid;
    grid.entries = {1.0, 1.5, 2.0, 2.5};
    grid.exits = {0.0, 0.5, 1.0, 1.5}; // 1.5 with entry 1.0 / 1.5: invalid cells
    const SweepResult r = runBacktestSweep(inputs, base, grid);
    QVERIFY(r.complete);
    QCOMPARE(int(r.cells.size()), 16);
    for (int i = 0; i < 4; ++i) {
        for (int j = 0; j < 4; ++j) {
            const SweepCell &c = r.cell(i, j);
            QCOMPARE(c.entryIndex, i);
            QCOMPARE(c.exitIndex, j);
            BacktestConfig cfg = base;
            cfg.entryZ = grid.entries[std::size_t(i)];
            cfg.exitZ = grid.exits[std::size_t(j)];
            const BacktestRun single = backtestPair(inputs, cfg);
            QCOMPARE(c.valid, single.ok());
            if (!c.valid) {
                QVERIFY(!c.error.isEmpty());
                QVERIFY(std::isnan(r.netSharpe(i, j)));
                continue;
            }
            QVERIFY2(sameSummary(c.summary, single.summary), qPrintable(QStringLiteral("cell %1,%2").arg(i).arg(j)));
            QVERIFY(same(r.netSharpe(i, j), single.summary.sharpe));
        }
    }
    QVERIFY(!r.cell(0, 3).valid);
    const auto [bi, bj] = r.best();
    QVERIFY(bi >= 0 && bj >= 0);
}

void TestBacktestSweep::reportsProgressThroughWatcher()
{
    const auto data = test::syntheticPair(5000, 4);
    BacktestConfig base;
    const auto inputs = prepareBacktest(data.x, data.y, data.timeMs, base);
    SweepGrid grid;
    grid.entries = thresholdRange(1.0, 3.0, 0.5);
    grid.exits = thresholdRange(0.0, 0.75, 0.25);
    QFutureWatcher<SweepCell> watcher;
    QSignalSpy ready(&watcher, &QFutureWatcher<SweepCell>::resultReadyAt);
    QSignalSpy finished(&watcher, &QFutureWatcher<SweepCell>::finished);
    watcher.setFuture(startBacktestSweep(inputs, base, grid));
    QVERIFY(finished.wait(60000) || finished.count() == 1);
    QCOMPARE(watcher.progressMaximum(), grid.size());
    QCOMPARE(watcher.progressValue(), grid.size());
    QVERIFY(ready.count() >= 1);
    const SweepResult r = collectSweep(grid, watcher.future());
    QVERIFY(r.complete);
    QCOMPARE(int(r.cells.size()), 20);
}

void TestBacktestSweep::cancelStopsEarly()
{
    const auto data = test::syntheticPair(100000, 8);
    BacktestConfig base;
    const auto inputs = prepareBacktest(data.x, data.y, data.timeMs, base);
    SweepGrid grid;
    grid.entries = thresholdRange(1.0, 2.9, 0.1);
    grid.exits = thresholdRange(0.0, 0.95, 0.05);
    QCOMPARE(grid.size(), 400);
    QThreadPool pool;
    pool.setMaxThreadCount(1);
    QFuture<SweepCell> f = startBacktestSweep(inputs, base, grid, &pool);
    QVERIFY(QTest::qWaitFor([&] { return f.resultCount() > 0; }, 60000));
    f.cancel();
    f.waitForFinished();
    QVERIFY(f.isCanceled());
    const SweepResult r = collectSweep(grid, f);
    QVERIFY(!r.complete);
    int computed = 0;
    for (const SweepCell &c : r.cells) {
        if (!c.valid)
            continue;
        ++computed;
        BacktestConfig cfg = base;
        cfg.entryZ = c.entryZ;
        cfg.exitZ = c.exitZ;
        QVERIFY(sameSummary(c.summary, backtestPair(inputs, cfg, false).summary));
    }
    QVERIFY(computed >= 1);
    QVERIFY2(computed < 400, qPrintable(QString::number(computed)));
}

void TestBacktestSweep::runsSingleBacktestOnWorker()
{
    const auto data = test::syntheticPair(4000, 13);
    AlignedPair pair;
    pair.x = data.x;
    pair.y = data.y;
    pair.timeMs = data.timeMs;
    BacktestConfig c;
    c.hedge = BacktestHedge::Kalman;
    QFutureWatcher<BacktestRun> watcher;
    QSignalSpy finished(&watcher, &QFutureWatcher<BacktestRun>::finished);
    watcher.setFuture(startBacktest(pair, c));
    QVERIFY(finished.wait(60000) || finished.count() == 1);
    const BacktestRun run = watcher.result();
    QVERIFY2(run.ok(), qPrintable(run.error));
    const BacktestRun direct = backtestPair(prepareBacktest(data.x, data.y, data.timeMs, c), c);
    QVERIFY(sameSummary(run.summary, direct.summary));
    QCOMPARE(run.trades.size(), direct.trades.size());
}

QTEST_GUILESS_MAIN(TestBacktestSweep)
#include "tst_backtest_sweep.moc"
