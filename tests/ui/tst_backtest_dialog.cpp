#include "analytics/pair_analysis.h"
#include "backtest/backtest_bootstrap.h"
#include "backtest/backtest_engine.h"
#include "backtest/backtest_market.h"
#include "backtest/backtest_store.h"
#include "backtest/backtest_sweep.h"
#include "backtest/ratio_view.h"
#include "backtest/walk_forward.h"
#include "charts/time_series_chart_view.h"
#include "dialogs/backtest_dialog.h"
#include "models/backtest_trades_model.h"
#include "models/sweep_grid_model.h"
#include "models/walk_forward_folds_model.h"
#include "session/recording_ingest.h"
#include "storage/bar_store.h"
#include "storage/database.h"
#include "storage/funding_store.h"
#include "storage/quote_store.h"

#include "test_util.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QLabel>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <cmath>

using namespace pairlab;

/** The backtest dialog offscreen on real BTCUSDT/ETHUSDT 1 s bars: what it shows is the engine's result,
 *  its sweep heatmap holds the individual backtests' net Sharpe, sweeps can be cancelled, a heatmap click
 *  runs that cell, and invalid parameters are refused with the engine's message. */
class TestBacktestDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void showsTheEnginesTradesAndSummary();
    void sweepCellsEqualSingleBacktests();
    void cancelsALargeSweep();
    void clickingAHeatmapCellRunsItsThresholds();
    void exportsTheRunOffTheGuiThread();
    void invalidParametersAreRefused();
    void savesTheResult();
    void quoteFillsAndFundingFromTheDatabase();
    void walkForwardShowsTheEnginesFolds();
    void walkForwardCancelsAndRefuses();

private:
    BacktestConfig config(double entry, double exit) const;
    QTemporaryDir m_dir;
    QString m_db;
    AlignedPair m_pair;
};

static bool same(double a, double b)
{
    return a == b || (std::isnan(a) && std::isnan(b));
}

void TestBacktestDialog::initTestCase()
{
    m_db = m_dir.filePath(QStringLiteral("bt.sqlite"));
    IngestCounts c;
    QString error;
    QVERIFY2(ingestRecordingFile(
                 test::sharedData(QStringLiteral(
                     "real/binance_ws/binance_usdm_btc_eth_trade_combined_20240808_2358-0000.jsonl")),
                 m_db, &c, &error),
             qPrintable(error));
    CloseSeries x, y;
    x.symbol = QStringLiteral("BTCUSDT");
    y.symbol = QStringLiteral("ETHUSDT");
    Database::withReader(
        m_db,
        [&](QSqlDatabase &db) {
            for (CloseSeries *s : {&x, &y}) {
                for (const Bar &b : BarStore::loadBarsSeconds(db, s->symbol, 1, BarStore::LiveSource)) {
                    s->openTimeMs.push_back(b.openMs);
                    s->close.push_back(b.close);
                }
            }
        },
        &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_pair = alignOnOpenTime(x, y);
    QVERIFY(m_pair.size() > 60);
}

BacktestConfig TestBacktestDialog::config(double entry, double exit) const
{
    BacktestConfig c;
    c.entryZ = entry;
    c.exitZ = exit;
    c.window = 20;
    c.hedge = BacktestHedge::RollingOls;
    c.spreadCost = 0.01;
    c.feeBps = 0;
    c.slippageBps = 0;
    c.barsPerYear = 365.0 * 24 * 3600;
    return c;
}

static void setUp(BacktestDialog &d, double entry, double exit)
{
    d.setEntryExit(entry, exit);
    d.setWindow(20);
    d.setHedgeIndex(1);
    d.setCosts(0.01, 0, 0);
}

void TestBacktestDialog::showsTheEnginesTradesAndSummary()
{
    BacktestDialog d(m_pair, QStringLiteral("ETHUSDT"), QStringLiteral("BTCUSDT"), 365.0 * 24 * 3600,
                     QString());
    QAbstractItemModelTester tester(d.tradesModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    setUp(d, 1.5, 0.25);
    QSignalSpy done(&d, &BacktestDialog::backtestFinished);
    QVERIFY(d.runBacktest());
    QVERIFY(done.wait(30000));
    QVERIFY(d.lastRun());

    const BacktestConfig cfg = config(1.5, 0.25);
    const BacktestRun expected = backtestPair(prepareBacktest(m_pair, cfg), cfg);
    QVERIFY2(expected.ok(), qPrintable(expected.error));
    QVERIFY(!expected.trades.empty());
    const BacktestTradesModel *m = d.tradesModel();
    QCOMPARE(m->rowCount(), int(expected.trades.size()));
    for (int r = 0; r < m->rowCount(); ++r) {
        const BacktestTrade &t = expected.trades[std::size_t(r)];
        QCOMPARE(m->index(r, BacktestTradesModel::EntryTime).data(Qt::EditRole).toLongLong(), t.entryTimeMs);
        QCOMPARE(m->index(r, BacktestTradesModel::ExitTime).data(Qt::EditRole).toLongLong(), t.exitTimeMs);
        QCOMPARE(m->index(r, BacktestTradesModel::Side).data(Qt::EditRole).toInt(), t.side);
        QVERIFY(same(m->index(r, BacktestTradesModel::EntryZ).data(Qt::EditRole).toDouble(), t.entryZ));
        QVERIFY(same(m->index(r, BacktestTradesModel::ExitZ).data(Qt::EditRole).toDouble(), t.exitZ));
        QCOMPARE(m->index(r, BacktestTradesModel::HoldingBars).data(Qt::EditRole).toInt(), t.holdingBars);
        QCOMPARE(m->index(r, BacktestTradesModel::GrossPnl).data(Qt::EditRole).toDouble(), t.grossPnl);
        QCOMPARE(m->index(r, BacktestTradesModel::NetPnl).data(Qt::EditRole).toDouble(), t.netPnl);
    }
    const BacktestSummary &s = expected.summary;
    const auto shown = [&](BacktestDialog::SummaryField f) {
        return d.summaryLabel(f)->property("value").toDouble();
    };
    QCOMPARE(shown(BacktestDialog::Trades), double(s.trades));
    QCOMPARE(d.summaryLabel(BacktestDialog::Trades)->text(), QString::number(s.trades));
    QVERIFY(same(shown(BacktestDialog::WinRate), s.winRate));
    QVERIFY(same(shown(BacktestDialog::GrossPnl), s.grossPnl));
    QVERIFY(same(shown(BacktestDialog::NetPnl), s.netPnl));
    QVERIFY(same(shown(BacktestDialog::Sharpe), s.sharpe));
    QVERIFY(same(shown(BacktestDialog::Sortino), s.sortino));
    QVERIFY(same(shown(BacktestDialog::MaxDrawdown), s.maxDrawdown));
    QVERIFY(same(shown(BacktestDialog::Exposure), s.exposure));
    QVERIFY(same(shown(BacktestDialog::AvgHolding), s.avgHoldingBars));
    // The label says what the sample allows (here a few minutes and a handful of trades), the basis
    // line says why; the engine's number stays in the "value" property.
    const qint64 span = m_pair.timeMs.back() - m_pair.timeMs.front();
    const RatioView sharpe = ratioView(s.sharpe, s.trades, span, cfg.barsPerYear, 3);
    QCOMPARE(d.summaryLabel(BacktestDialog::Sharpe)->text(), sharpe.text);
    QVERIFY(sharpe.text.startsWith(QLatin1String("n/a")) || sharpe.text.endsWith(QLatin1String("per bar")));
    QVERIFY(d.ratioBasisText().contains(sharpe.basis.mid(1)));
    // The charts draw the run's equity and drawdown.
    QCOMPARE(d.equityChart()->curveCount(), 2);
    QCOMPARE(d.equityChart()->extent().first, m_pair.timeMs.front());
    QCOMPARE(d.drawdownChart()->extent().second, m_pair.timeMs.back());

    // The bootstrap of this run: the engine's bands of its net per-bar returns on one spread unit of capital.
    QSignalSpy booted(&d, &BacktestDialog::bootstrapFinished);
    d.runBootstrap();
    QVERIFY(!booted.isEmpty() || booted.wait(30000));
    QCOMPARE(booted.last().at(0).toBool(), true);
    const BacktestRun &run = *d.lastRun();
    std::size_t first = 0; // the first bar with a hedge ratio (the rolling OLS warms up)
    while (std::isnan(run.inputs->beta[first]))
        ++first;
    QVERIFY(first > 0);
    const double capital = run.inputs->y[first] + std::abs(run.inputs->beta[first]) * run.inputs->x[first];
    BootstrapConfig bc;
    bc.barsPerYear = cfg.barsPerYear;
    // Blocks of the average holding time when that is longer than round(n^(1/3)).
    bc.meanBlock = std::max(int(std::lround(std::cbrt(double(run.pnlNet.size() - 1)))),
                            int(std::lround(run.summary.avgHoldingBars)));
    const BootstrapResult b = bootstrapReturns(
        barReturns(std::vector<double>(run.pnlNet.begin() + 1, run.pnlNet.end()), capital), bc);
    QVERIFY(b.ok());
    const QString text = d.bootstrapText();
    const auto pct = [](double v) { return QLocale().toString(100.0 * v, 'f', 2) + QLatin1Char('%'); };
    QVERIFY2(text.contains(QStringLiteral("final return %1 / %2 / %3")
                               .arg(pct(b.finalReturn.p5), pct(b.finalReturn.p50), pct(b.finalReturn.p95))),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("max drawdown %1 / %2 / %3")
                               .arg(pct(b.maxDrawdown.p5), pct(b.maxDrawdown.p50), pct(b.maxDrawdown.p95))),
             qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("1,000 resamples")) && text.contains(QLatin1String("seed 1")) &&
                 text.contains(QLatin1String("one spread unit")),
             qPrintable(text));
    // A few minutes and a handful of trades: the Sharpe band is not annualised, as the summary's ratio.
    QVERIFY2(
        text.contains(sharpe.text.startsWith(QLatin1String("n/a")) ? sharpe.text : QStringLiteral("per bar")),
        qPrintable(text));
    // A new run clears the bands of the previous one.
    QVERIFY(d.runBacktest());
    QVERIFY(done.wait(30000));
    QVERIFY(d.bootstrapText().isEmpty());
}

void TestBacktestDialog::sweepCellsEqualSingleBacktests()
{
    BacktestDialog d(m_pair, QStringLiteral("ETHUSDT"), QStringLiteral("BTCUSDT"), 365.0 * 24 * 3600,
                     QString());
    QAbstractItemModelTester tester(d.sweepModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    setUp(d, 2.0, 0.5);
    d.setSweepRange(1.0, 2.0, 0.5, 0.0, 0.5, 0.25);
    QSignalSpy done(&d, &BacktestDialog::sweepFinished);
    QVERIFY(d.runSweep());
    QVERIFY(done.wait(30000));
    QCOMPARE(done.first().first().toBool(), true);
    const SweepGridModel *m = d.sweepModel();
    QCOMPARE(m->rowCount(), 3);
    QCOMPARE(m->columnCount(), 3);
    const BacktestConfig base = config(2.0, 0.5);
    const auto inputs = prepareBacktest(m_pair, base);
    int defined = 0;
    for (int i = 0; i < 3; ++i) {
        for (int j = 0; j < 3; ++j) {
            const double entry = 1.0 + 0.5 * i, exit = 0.25 * j;
            QCOMPARE(m->index(i, j).data(SweepGridModel::EntryRole).toDouble(), entry);
            QCOMPARE(m->index(i, j).data(SweepGridModel::ExitRole).toDouble(), exit);
            const BacktestConfig c = config(entry, exit);
            const BacktestRun single = backtestPair(inputs, c);
            QVERIFY2(single.ok(), qPrintable(single.error));
            QVERIFY2(same(m->netSharpe(i, j), single.summary.sharpe),
                     qPrintable(QStringLiteral("cell %1,%2").arg(i).arg(j)));
            // What the cell shows is that number as the sample allows it (minutes of data: per bar).
            const qint64 span = m_pair.timeMs.back() - m_pair.timeMs.front();
            const RatioView shown =
                ratioView(single.summary.sharpe, single.summary.trades, span, c.barsPerYear);
            QVERIFY(same(m->index(i, j).data(Qt::EditRole).toDouble(), shown.value));
            if (single.summary.trades < kMinTradesForRatio)
                QCOMPARE(m->index(i, j).data().toString(), QStringLiteral("n/a"));
            defined += std::isnan(single.summary.sharpe) ? 0 : 1;
        }
    }
    QVERIFY(defined > 0);
}

void TestBacktestDialog::cancelsALargeSweep()
{
    BacktestDialog d(m_pair, QStringLiteral("ETHUSDT"), QStringLiteral("BTCUSDT"), 365.0 * 24 * 3600,
                     QString());
    setUp(d, 2.0, 0.5);
    d.setSweepRange(0.5, 20.0, 0.01, 0.0, 0.99, 0.01); // 1951 x 100 cells
    QSignalSpy done(&d, &BacktestDialog::sweepFinished);
    QVERIFY(d.runSweep());
    QVERIFY(d.isSweeping());
    QVERIFY(!d.runSweep()); // one sweep at a time
    d.cancelSweep();
    QVERIFY(done.wait(60000));
    QCOMPARE(done.first().first().toBool(), false);
    QVERIFY(!d.isSweeping());
    const SweepResult &r = d.sweepModel()->result();
    QCOMPARE(int(r.cells.size()), 1951 * 100);
    QVERIFY(!r.complete);
    const auto computed =
        std::count_if(r.cells.begin(), r.cells.end(), [](const SweepCell &c) { return c.valid; });
    QVERIFY(computed < qsizetype(r.cells.size()));
    // Cancelled while its cells run (not only while the spread is prepared): some cells are done, not all.
    d.setSweepRange(0.5, 20.0, 0.01, 0.0, 0.99, 0.01);
    connect(&d, &BacktestDialog::sweepProgress, &d, [&d](int doneCells, int) {
        if (doneCells > 0)
            d.cancelSweep();
    });
    QVERIFY(d.runSweep());
    QVERIFY(done.wait(60000));
    QCOMPARE(done.last().first().toBool(), false);
    {
        const SweepResult &r2 = d.sweepModel()->result();
        const auto doneCells =
            std::count_if(r2.cells.begin(), r2.cells.end(), [](const SweepCell &c) { return c.valid; });
        QVERIFY(doneCells > 0);
        QVERIFY(doneCells < qsizetype(r2.cells.size()));
    }
    disconnect(&d, &BacktestDialog::sweepProgress, &d, nullptr);
    // A new sweep runs after a cancelled one.
    d.setSweepRange(1.0, 1.5, 0.5, 0.0, 0.25, 0.25);
    QVERIFY(d.runSweep());
    QVERIFY(done.wait(30000));
    QCOMPARE(done.last().first().toBool(), true);
}

void TestBacktestDialog::clickingAHeatmapCellRunsItsThresholds()
{
    BacktestDialog d(m_pair, QStringLiteral("ETHUSDT"), QStringLiteral("BTCUSDT"), 365.0 * 24 * 3600,
                     QString());
    setUp(d, 2.5, 0.75);
    d.setSweepRange(1.0, 2.0, 0.5, 0.0, 0.5, 0.25);
    d.show();
    QVERIFY(QTest::qWaitForWindowExposed(&d));
    d.tabs()->setCurrentIndex(1);
    QSignalSpy swept(&d, &BacktestDialog::sweepFinished);
    QVERIFY(d.runSweep());
    QVERIFY(swept.wait(30000));
    QSignalSpy ran(&d, &BacktestDialog::backtestFinished);
    QTableView *view = d.sweepView();
    const QModelIndex cell = d.sweepModel()->index(2, 1);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(cell).center());
    QCOMPARE(d.entryZ(), 2.0);
    QCOMPARE(d.exitZ(), 0.25);
    QCOMPARE(d.tabs()->currentIndex(), 0);
    QVERIFY(ran.wait(30000));
    QCOMPARE(d.lastRun()->config.entryZ, 2.0);
    QCOMPARE(d.lastRun()->config.exitZ, 0.25);
    QVERIFY(same(d.lastRun()->summary.sharpe, d.sweepModel()->netSharpe(2, 1)));
}

void TestBacktestDialog::exportsTheRunOffTheGuiThread()
{
    BacktestDialog d(m_pair, QStringLiteral("ETHUSDT"), QStringLiteral("BTCUSDT"), 365.0 * 24 * 3600,
                     QString());
    setUp(d, 1.5, 0.25);
    QSignalSpy ran(&d, &BacktestDialog::backtestFinished);
    QVERIFY(d.runBacktest());
    QVERIFY(ran.wait(30000));
    QTemporaryDir dir;
    QSignalSpy exported(&d, &BacktestDialog::exported);
    for (const auto kind : {BacktestDialog::ExportKind::Trades, BacktestDialog::ExportKind::Equity}) {
        const QString path = dir.filePath(
            kind == BacktestDialog::ExportKind::Trades ? QStringLiteral("t.csv") : QStringLiteral("e.csv"));
        const qsizetype before = exported.size();
        d.exportTo(path, kind);
        QCOMPARE(exported.size(), before); // reported later, from the event loop, never from within the call
        QVERIFY(exported.wait(10000));
        QCOMPARE(exported.last().at(0).toString(), path);
        QVERIFY2(exported.last().at(1).toString().isEmpty(), qPrintable(exported.last().at(1).toString()));
        QBuffer expected;
        QVERIFY(expected.open(QIODevice::WriteOnly));
        QVERIFY(kind == BacktestDialog::ExportKind::Trades ? d.lastRun()->writeTradesCsv(&expected)
                                                           : d.lastRun()->writeEquityCsv(&expected));
        QFile written(path);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(written.readAll(), expected.data());
    }
    // A folder that does not exist: the error names the file, nothing is written.
    const QString bad = dir.filePath(QStringLiteral("missing/t.csv"));
    d.exportTo(bad, BacktestDialog::ExportKind::Trades);
    QCOMPARE(exported.size(), 2); // fails at once on the worker; still reported from the event loop
    QVERIFY(exported.wait(10000));
    QVERIFY(!exported.last().at(1).toString().isEmpty());
    QVERIFY2(d.message().contains(bad), qPrintable(d.message()));
    QVERIFY(!QFile::exists(bad));
}

void TestBacktestDialog::invalidParametersAreRefused()
{
    BacktestDialog d(m_pair, QStringLiteral("ETHUSDT"), QStringLiteral("BTCUSDT"), 365.0 * 24 * 3600,
                     QString());
    setUp(d, 1.0, 1.0);
    QSignalSpy ran(&d, &BacktestDialog::backtestFinished);
    QVERIFY(!d.runBacktest());
    const QString expected = validateBacktestConfig(config(1.0, 1.0));
    QVERIFY(!expected.isEmpty());
    QCOMPARE(d.message(), expected);
    QVERIFY(!d.isRunning());
    QVERIFY(!d.lastRun());
    QCOMPARE(ran.size(), 0);
    // Fixing the parameters clears the message and runs.
    d.setEntryExit(2.0, 0.5);
    QVERIFY(d.runBacktest());
    QVERIFY(d.message().isEmpty());
    QVERIFY(ran.wait(30000));
}

void TestBacktestDialog::savesTheResult()
{
    BacktestDialog d(m_pair, QStringLiteral("ETHUSDT"), QStringLiteral("BTCUSDT"), 365.0 * 24 * 3600, m_db);
    setUp(d, 1.5, 0.25);
    QSignalSpy ran(&d, &BacktestDialog::backtestFinished);
    QVERIFY(d.runBacktest());
    QVERIFY(ran.wait(30000));
    QSignalSpy saved(&d, &BacktestDialog::resultSaved);
    d.saveResult();
    QVERIFY(saved.wait(30000));
    const qint64 id = saved.first().at(0).toLongLong();
    QVERIFY2(id > 0, qPrintable(saved.first().at(1).toString()));
    QList<StoredBacktest> stored;
    QString error;
    Database::withReader(
        m_db,
        [&](QSqlDatabase &db) { stored = BacktestStore(db).list(QStringLiteral("ETHUSDT/BTCUSDT"), &error); },
        &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.first().id, id);
    QCOMPARE(stored.first().config.entryZ, 1.5);
    QCOMPARE(stored.first().config.window, 20);
    QCOMPARE(stored.first().summary.trades, d.lastRun()->summary.trades);
    QVERIFY(same(stored.first().summary.netPnl, d.lastRun()->summary.netPnl));
}

void TestBacktestDialog::quoteFillsAndFundingFromTheDatabase()
{
    // Without a database there is nothing beyond the closes, and the dialog says so.
    {
        BacktestDialog none(m_pair, QStringLiteral("ETHUSDT"), QStringLiteral("BTCUSDT"), 365.0 * 24 * 3600,
                            QString());
        QSignalSpy loaded(&none, &BacktestDialog::marketLoaded);
        QVERIFY(loaded.wait(5000));
        QVERIFY2(none.marketText().contains(QLatin1String("not available")), qPrintable(none.marketText()));
    }
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("market.sqlite"));
    IngestCounts counts;
    QString error;
    QVERIFY2(ingestRecordingFile(
                 test::sharedData(QStringLiteral(
                     "real/binance_ws/binance_usdm_btc_eth_trade_combined_20240808_2358-0000.jsonl")),
                 db, &counts, &error),
             qPrintable(error));
    {
        // 1 s quotes around each leg's close (ETH +-0.05, BTC +-0.5), and a funding event every 10 s.
        QSqlDatabase c = Database::open(db, QStringLiteral("market-writer"), &error);
        QVERIFY2(c.isValid(), qPrintable(error));
        std::vector<QuoteBarUpdate> updates(2);
        updates[0].symbol = SymbolCode::fromString(QStringLiteral("ETHUSDT"));
        updates[1].symbol = SymbolCode::fromString(QStringLiteral("BTCUSDT"));
        std::vector<FundingEvent> eth, btc;
        for (std::size_t t = 0; t < m_pair.size(); ++t) {
            for (int leg = 0; leg < 2; ++leg) {
                const double close = leg == 0 ? m_pair.y[t] : m_pair.x[t], h = leg == 0 ? 0.05 : 0.5;
                QuoteBar b;
                b.openMs = m_pair.timeMs[t];
                b.bidOpen = b.bidHigh = b.bidLow = b.bidClose = close - h;
                b.askOpen = b.askHigh = b.askLow = b.askClose = close + h;
                b.updates = 1;
                b.firstUpdateId = b.lastUpdateId = qint64(t) + 1;
                updates[std::size_t(leg)].bars.push_back(b);
            }
            if (m_pair.timeMs[t] % 10000 == 0) {
                eth.push_back({m_pair.timeMs[t], 0.0001, m_pair.y[t]});
                btc.push_back({m_pair.timeMs[t], -0.00005, m_pair.x[t]});
            }
        }
        qint64 stored = 0;
        QVERIFY2(QuoteStore::store(c, updates, &error), qPrintable(error));
        QVERIFY(FundingStore::store(c, QStringLiteral("ETHUSDT"), eth, &stored, &error));
        QVERIFY(FundingStore::store(c, QStringLiteral("BTCUSDT"), btc, &stored, &error));
        c = QSqlDatabase();
        Database::close(QStringLiteral("market-writer"));
    }
    // Results saved nowhere (no user database), quotes and funding read from the session's database (as the
    // demo's): the answer for the first (no database) is dropped, the second is the one shown.
    BacktestDialog d(m_pair, QStringLiteral("ETHUSDT"), QStringLiteral("BTCUSDT"), 365.0 * 24 * 3600,
                     QString());
    d.setMarketDatabase(db);
    QSignalSpy loaded(&d, &BacktestDialog::marketLoaded);
    QVERIFY(loaded.wait(10000));
    QCOMPARE(loaded.size(), 1);
    QVERIFY2(d.marketText().contains(QLatin1String("Quotes: 1 s bid/ask of both legs")),
             qPrintable(d.marketText()));
    QVERIFY2(d.marketText().contains(QLatin1String("Funding events: 11 (ETHUSDT), 11 (BTCUSDT)")),
             qPrintable(d.marketText()));
    setUp(d, 1.5, 0.25);
    d.setExecution(true, true);
    QSignalSpy done(&d, &BacktestDialog::backtestFinished);
    QVERIFY(d.runBacktest());
    QVERIFY(done.wait(30000));
    QVERIFY2(d.message().isEmpty(), qPrintable(d.message()));
    // The engine's run on the same market, read the same way.
    BacktestMarket market;
    BacktestMarketInfo info;
    QVERIFY(loadBacktestMarket(db, QStringLiteral("ETHUSDT"), QStringLiteral("BTCUSDT"), m_pair.timeMs, 1,
                               &market, &info, &error));
    BacktestConfig cfg = config(1.5, 0.25);
    cfg.fill = FillModel::Quotes;
    cfg.funding = true;
    const BacktestRun expected = backtestPair(prepareBacktest(m_pair, cfg, &market), cfg);
    QVERIFY2(expected.ok(), qPrintable(expected.error));
    QCOMPARE(d.lastRun()->summary.toJson(), expected.summary.toJson());
    QVERIFY(expected.summary.crossing > 0);
    QVERIFY(expected.summary.fundingEvents > 0);
    QCOMPARE(d.summaryLabel(BacktestDialog::Crossing)->property("value").toDouble(),
             expected.summary.crossing);
    QCOMPARE(d.summaryLabel(BacktestDialog::Funding)->property("value").toDouble(), expected.summary.funding);
    const QLocale l;
    QVERIFY2(d.pnlBreakdownText().contains(l.toString(expected.summary.crossing, 'f', 2)) &&
                 d.pnlBreakdownText().contains(l.toString(expected.summary.netPnl, 'f', 2)),
             qPrintable(d.pnlBreakdownText()));
    const BacktestTradesModel *m = d.tradesModel();
    for (int r = 0; r < m->rowCount(); ++r) {
        QCOMPARE(m->index(r, BacktestTradesModel::Funding).data(Qt::EditRole).toDouble(),
                 expected.trades[std::size_t(r)].funding);
        QCOMPARE(m->index(r, BacktestTradesModel::Crossing).data(Qt::EditRole).toDouble(),
                 expected.trades[std::size_t(r)].crossing);
    }
    // The sweep's heatmap says what its net is.
    d.setSweepRange(1.5, 2.0, 0.5, 0.0, 0.5, 0.25);
    QSignalSpy swept(&d, &BacktestDialog::sweepFinished);
    QVERIFY(d.runSweep());
    QVERIFY(swept.wait(30000));
    QVERIFY2(d.findChildren<QLabel *>().size() > 0, "labels");
    bool said = false;
    for (const QLabel *label : d.findChildren<QLabel *>())
        said = said || label->text().contains(QLatin1String("Net after everything"));
    QVERIFY(said);
}

void TestBacktestDialog::walkForwardShowsTheEnginesFolds()
{
    BacktestDialog d(m_pair, QStringLiteral("ETHUSDT"), QStringLiteral("BTCUSDT"), 365.0 * 24 * 3600,
                     QString());
    QAbstractItemModelTester tester(d.walkForwardModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    setUp(d, 2.0, 0.5);
    d.setSweepRange(1.0, 2.0, 0.5, 0.0, 0.5, 0.25);
    const int n = int(m_pair.size());
    const int test = n / 8, train = n / 2;
    d.setWalkForward(train, test, test);
    QSignalSpy done(&d, &BacktestDialog::walkForwardFinished);
    QVERIFY(d.startWalkForward());
    QVERIFY(d.isWalkingForward());
    QVERIFY(!d.startWalkForward()); // one at a time
    QVERIFY(done.wait(30000));
    QCOMPARE(done.first().first().toBool(), true);
    QVERIFY(!d.isWalkingForward());

    SweepGrid grid;
    grid.entries = {1.0, 1.5, 2.0};
    grid.exits = {0.0, 0.25, 0.5};
    const WalkForwardResult r =
        runWalkForward(m_pair.x, m_pair.y, m_pair.timeMs, config(2.0, 0.5), grid, {train, test, test});
    QVERIFY2(r.ok(), qPrintable(r.error));
    const WalkForwardFoldsModel *m = d.walkForwardModel();
    QCOMPARE(m->rowCount(), int(r.folds.size()));
    QVERIFY(m->rowCount() >= 4);
    QVERIFY(std::any_of(r.folds.begin(), r.folds.end(), [](const WalkForwardFold &f) { return f.chosen; }));
    for (int k = 0; k < m->rowCount(); ++k) {
        const WalkForwardFold &f = r.folds[std::size_t(k)];
        QVERIFY(same(m->index(k, WalkForwardFoldsModel::Entry).data(Qt::EditRole).toDouble(), f.entryZ));
        QVERIFY(same(m->index(k, WalkForwardFoldsModel::Exit).data(Qt::EditRole).toDouble(), f.exitZ));
        QVERIFY(same(m->index(k, WalkForwardFoldsModel::OutOfSamplePnl).data(Qt::EditRole).toDouble(),
                     f.outOfSample.netPnl));
        QCOMPARE(m->index(k, WalkForwardFoldsModel::OutOfSampleTrades).data(Qt::EditRole).toInt(),
                 f.outOfSample.trades);
        // Rolling OLS: no single hedge ratio per fold.
        QCOMPARE(m->index(k, WalkForwardFoldsModel::Beta).data().toString(),
                 f.chosen ? QStringLiteral("adaptive") : QStringLiteral("—"));
    }
    // Windows in UTC to the second (1 s bars), the end without its date on the same day.
    const auto utc = [](qint64 ms, const char *format) {
        return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(QLatin1String(format));
    };
    const WalkForwardFold &last = r.folds.back();
    const QString testWindow = m->index(m->rowCount() - 1, WalkForwardFoldsModel::Test).data().toString();
    const QDateTime from =
        QDateTime::fromMSecsSinceEpoch(m_pair.timeMs[std::size_t(last.testFrom)], QTimeZone::utc());
    const QDateTime to =
        QDateTime::fromMSecsSinceEpoch(m_pair.timeMs[std::size_t(last.testTo - 1)], QTimeZone::utc());
    QCOMPARE(testWindow,
             utc(from.toMSecsSinceEpoch(), "yyyy-MM-dd HH:mm:ss") + QStringLiteral(" – ") +
                 utc(to.toMSecsSinceEpoch(), from.date() == to.date() ? "HH:mm:ss" : "yyyy-MM-dd HH:mm:ss"));
    // The summary says the stitched net P&L and the share of positive folds, as the engine computed them.
    const QString text = d.walkForwardText();
    QVERIFY2(text.contains(QLocale().toString(r.outOfSample.netPnl, 'f', 2)), qPrintable(text));
    const int positive = int(std::lround(r.positiveFoldShare * double(r.folds.size())));
    QVERIFY2(text.contains(QStringLiteral("%1 of %2").arg(positive).arg(r.folds.size())), qPrintable(text));
    // Minutes of data: the Sharpe ratios are per bar, and the line says so.
    QVERIFY2(text.contains(QLatin1String("per bar")), qPrintable(text));
}

void TestBacktestDialog::walkForwardCancelsAndRefuses()
{
    BacktestDialog d(m_pair, QStringLiteral("ETHUSDT"), QStringLiteral("BTCUSDT"), 365.0 * 24 * 3600,
                     QString());
    setUp(d, 2.0, 0.5);
    const int n = int(m_pair.size());
    d.setWalkForward(n / 3, n / 6, n / 12); // step shorter than the test window
    QVERIFY(!d.startWalkForward());
    QVERIFY2(d.message().contains(QLatin1String("overlap")), qPrintable(d.message()));
    d.setWalkForward(n, n / 6, n / 6); // no room for a test window
    QVERIFY(!d.startWalkForward());
    QVERIFY2(d.message().contains(QLatin1String("do not hold")), qPrintable(d.message()));

    d.setSweepRange(0.5, 20.0, 0.01, 0.0, 0.99, 0.01); // 195,100 cells per fold
    d.setWalkForward(n / 3, n / 12, n / 12);
    QSignalSpy done(&d, &BacktestDialog::walkForwardFinished);
    QVERIFY(d.startWalkForward());
    d.cancelWalkForward();
    QVERIFY(done.wait(60000));
    QCOMPARE(done.first().first().toBool(), false);
    QCOMPARE(d.walkForwardText(), QStringLiteral("Walk-forward cancelled."));
    QCOMPARE(d.walkForwardModel()->rowCount(), 0);
    QVERIFY(!d.isWalkingForward());
}

QTEST_MAIN(TestBacktestDialog)
#include "tst_backtest_dialog.moc"
