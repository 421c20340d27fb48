#include "backtest/backtest_engine.h"
#include "backtest/backtest_sweep.h"
#include "backtest/backtest_test_data.h"
#include "backtest/ratio_view.h"
#include "models/backtest_trades_model.h"
#include "models/sweep_grid_model.h"

#include "test_util.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace pairlab;

/** The backtest dialog's models, headless: the trades table shows the engine's trades field by field and the
 *  sweep grid shows each cell's net Sharpe (NaN/empty for invalid cells), both checked by
 * QAbstractItemModelTester. */
class TestBacktestModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tradesModelShowsEveryTrade();
    void sweepGridFillsCellByCellAndMatchesResult();
    void emptyModelsHaveNoRows();
};

static BacktestRun syntheticRun(BacktestConfig &cfg)
{
    const test::SyntheticPair p = test::syntheticPair(3000, 7);
    cfg.window = 60;
    cfg.entryZ = 1.5;
    cfg.exitZ = 0.25;
    cfg.spreadCost = 0.5;
    cfg.barsPerYear = 365.0 * 24 * 3600;
    return backtestPair(prepareBacktest(p.x, p.y, p.timeMs, cfg), cfg);
}

void TestBacktestModels::tradesModelShowsEveryTrade()
{
    BacktestConfig cfg;
    const BacktestRun run = syntheticRun(cfg);
    QVERIFY2(run.ok(), qPrintable(run.error));
    QVERIFY(run.trades.size() > 5);
    BacktestTradesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setTrades(run.trades);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), int(run.trades.size()));
    QCOMPARE(model.columnCount(), int(BacktestTradesModel::ColumnCount));
    for (int r = 0; r < model.rowCount(); ++r) {
        const BacktestTrade &t = run.trades[std::size_t(r)];
        const auto v = [&](int c) { return model.index(r, c).data(Qt::EditRole); };
        QCOMPARE(v(BacktestTradesModel::EntryTime).toLongLong(), t.entryTimeMs);
        QCOMPARE(v(BacktestTradesModel::ExitTime).toLongLong(), t.exitTimeMs);
        QCOMPARE(v(BacktestTradesModel::Side).toInt(), t.side);
        QVERIFY(test::same(v(BacktestTradesModel::EntryZ).toDouble(), t.entryZ));
        QVERIFY(test::same(v(BacktestTradesModel::ExitZ).toDouble(), t.exitZ));
        QCOMPARE(v(BacktestTradesModel::HoldingBars).toInt(), t.holdingBars);
        QCOMPARE(v(BacktestTradesModel::GrossPnl).toDouble(), t.grossPnl);
        QCOMPARE(v(BacktestTradesModel::NetPnl).toDouble(), t.netPnl);
        QCOMPARE(model.index(r, BacktestTradesModel::Side).data().toString(),
                 t.side > 0 ? QStringLiteral("long") : QStringLiteral("short"));
    }
    QCOMPARE(model.index(0, BacktestTradesModel::EntryTime).data().toString(),
             QDateTime::fromMSecsSinceEpoch(run.trades.front().entryTimeMs, QTimeZone::utc())
                 .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    QCOMPARE(model.headerData(BacktestTradesModel::NetPnl, Qt::Horizontal).toString(),
             QStringLiteral("Net PnL"));
}

void TestBacktestModels::sweepGridFillsCellByCellAndMatchesResult()
{
    BacktestConfig cfg;
    syntheticRun(cfg);
    const test::SyntheticPair p = test::syntheticPair(3000, 7);
    const auto inputs = prepareBacktest(p.x, p.y, p.timeMs, cfg);
    SweepGrid grid;
    grid.entries = {1.0, 1.5, 2.0};
    grid.exits = {0.0, 0.5, 1.5}; // 1.5 >= 1.0 and 1.5 >= 1.5: invalid cells
    const SweepResult result = runBacktestSweep(inputs, cfg, grid);
    QVERIFY(result.complete);

    SweepGridModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRatioBasis(p.timeMs.back() - p.timeMs.front(), cfg.barsPerYear);
    model.setGrid(grid);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), 3);
    QVERIFY(std::isnan(model.index(1, 1).data(Qt::EditRole).toDouble()));
    QVERIFY(model.index(1, 1).data().toString().isEmpty());
    QCOMPARE(model.index(2, 1).data(SweepGridModel::EntryRole).toDouble(), 2.0);
    QCOMPARE(model.index(2, 1).data(SweepGridModel::ExitRole).toDouble(), 0.5);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    for (const SweepCell &c : result.cells)
        model.setCell(c);
    QCOMPARE(changed.size(), 9);
    for (int i = 0; i < 3; ++i) {
        for (int j = 0; j < 3; ++j) {
            const double expected = result.netSharpe(i, j);
            // EditRole is the shown value: the engine's Sharpe as the sample allows it (ratio_view.h).
            const double shown = result.cell(i, j).valid
                                     ? ratioView(expected, result.cell(i, j).summary.trades,
                                                 p.timeMs.back() - p.timeMs.front(), cfg.barsPerYear)
                                           .value
                                     : kNaN;
            QVERIFY(test::same(model.index(i, j).data(Qt::EditRole).toDouble(), shown));
            QVERIFY(test::same(model.netSharpe(i, j), expected));
            const double single = backtestSummary(*inputs,
                                                  [&] {
                                                      BacktestConfig c = cfg;
                                                      c.entryZ = grid.entries[std::size_t(i)];
                                                      c.exitZ = grid.exits[std::size_t(j)];
                                                      return c;
                                                  }())
                                      .sharpe;
            if (result.cell(i, j).valid)
                QVERIFY(test::same(model.netSharpe(i, j), single));
        }
    }
    QVERIFY(!result.cell(0, 2).valid);
    QVERIFY(!result.cell(1, 2).valid);
    QVERIFY(std::isnan(model.netSharpe(0, 2)));
    QVERIFY(!model.index(0, 2).data(Qt::ToolTipRole).toString().isEmpty());
    const auto [lo, hi] = model.sharpeRange();
    QVERIFY(lo <= hi);
    QCOMPARE(model.headerData(0, Qt::Vertical).toString(), QStringLiteral("entry 1"));
    QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("exit 0.5"));

    model.setResult(result);
    QCOMPARE(model.rowCount(), 3);
    QVERIFY(test::same(model.netSharpe(2, 0), result.netSharpe(2, 0)));
}

void TestBacktestModels::emptyModelsHaveNoRows()
{
    BacktestTradesModel trades;
    QAbstractItemModelTester t1(&trades, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(trades.rowCount(), 0);
    SweepGridModel grid;
    QAbstractItemModelTester t2(&grid, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(grid.rowCount(), 0);
    QVERIFY(std::isnan(grid.sharpeRange().first));
    QVERIFY(std::isnan(grid.netSharpe(0, 0)));
}

QTEST_GUILESS_MAIN(TestBacktestModels)
#include "tst_backtest_models.moc"
