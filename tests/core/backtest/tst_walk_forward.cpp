#include "analytics/backtest.h"
#include "analytics/regression.h"
#include "analytics/rolling.h"
#include "backtest/walk_forward.h"
#include "backtest_test_data.h"
#include "cli/analyze_command.h"
#include "cli/commands.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <map>

using namespace pairlab;
using pairlab::test::same;

/** Walk-forward: fold windows, the training window's choice is its sweep's best cell, a static-hedge test
    window is the §12 backtest on the training fit, no fold sees the bars after its test window, and the
    stitched series adds the folds up. */
class TestWalkForward : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void foldWindows();
    void refusesBadWindows();
    void chosenCellIsTheTrainingSweepsBest_data();
    void chosenCellIsTheTrainingSweepsBest();
    void staticTestWindowIsSection12Backtest();
    void foldsNeverSeeLaterBars_data();
    void foldsNeverSeeLaterBars();
    void stitchesTheTestWindows();
    void netPnlObjective();
    void cancelled();
    void cliMatchesTheEngine();
    void cliRefusesBadUsage_data();
    void cliRefusesBadUsage();

private:
    /** BTCUSDT (x) and ETHUSDT (y) 1 m closes of the real universe files, joined on the bar time. */
    QString realPairFile();
    QTemporaryDir m_dir;
};

namespace {

SweepGrid grid()
{
    SweepGrid g;
    g.entries = {1.0, 1.5, 2.0, 2.5};
    g.exits = {0.0, 0.5, 1.0};
    return g;
}

bool sameSummary(const BacktestSummary &a, const BacktestSummary &b)
{
    return a.bars == b.bars && a.trades == b.trades && a.wins == b.wins && same(a.grossPnl, b.grossPnl) &&
           same(a.netPnl, b.netPnl) && same(a.totalCost, b.totalCost) && same(a.sharpe, b.sharpe) &&
           same(a.maxDrawdown, b.maxDrawdown) && same(a.exposure, b.exposure);
}

} // namespace

void TestWalkForward::foldWindows()
{
    WalkForwardConfig c{300, 100, 100};
    QCOMPARE(walkForwardFoldCount(c, 1000), 7);
    QCOMPARE(walkForwardFoldCount(c, 1099), 7); // the last 99 bars hold no full test window
    QCOMPARE(walkForwardFoldCount(c, 1100), 8);
    QCOMPARE(walkForwardFoldCount(c, 399), 0);
    QCOMPARE(walkForwardFoldCount(c, 400), 1);
    c.step = 150;
    QCOMPARE(walkForwardFoldCount(c, 1000), 5); // 0,150,…,600: test windows [300,400) … [900,1000)

    const auto data = test::syntheticPair(1000, 3);
    BacktestConfig base;
    base.window = 60;
    const WalkForwardResult r = runWalkForward(data.x, data.y, data.timeMs, base, grid(), c);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(int(r.folds.size()), 5);
    for (int k = 0; k < 5; ++k) {
        const WalkForwardFold &f = r.folds[std::size_t(k)];
        QCOMPARE(f.trainFrom, 150 * k);
        QCOMPARE(f.trainTo, 150 * k + 300);
        QCOMPARE(f.testFrom, f.trainTo);
        QCOMPARE(f.testTo, f.testFrom + 100);
        QCOMPARE(f.inSample.bars, 300);
        QCOMPARE(f.outOfSample.bars, 100);
    }
    // A step longer than the test window leaves gaps: the stitched series holds the test windows only.
    QCOMPARE(int(r.timeMs.size()), 500);
    QCOMPARE(r.timeMs[100], data.timeMs[450]);
}

void TestWalkForward::refusesBadWindows()
{
    BacktestConfig base;
    base.window = 120;
    QVERIFY(validateWalkForward({1000, 200, 200}, 5000, base).isEmpty());
    QVERIFY(validateWalkForward({1000, 200, 100}, 5000, base).contains(QLatin1String("overlap")));
    QVERIFY(
        validateWalkForward({120, 200, 200}, 5000, base).contains(QLatin1String("longer than the z-score")));
    QVERIFY(validateWalkForward({4000, 2000, 2000}, 5000, base).contains(QLatin1String("do not hold")));
    QVERIFY(!validateWalkForward({0, 200, 200}, 5000, base).isEmpty());
    const auto data = test::syntheticPair(500, 3);
    const WalkForwardResult r = runWalkForward(data.x, data.y, data.timeMs, base, grid(), {1000, 100, 100});
    QVERIFY(!r.ok());
    QVERIFY(r.folds.empty());
    const WalkForwardResult empty =
        runWalkForward(data.x, data.y, data.timeMs, base, SweepGrid{}, {200, 100, 100});
    QVERIFY(empty.error.contains(QLatin1String("grid")));
}

void TestWalkForward::chosenCellIsTheTrainingSweepsBest_data()
{
    QTest::addColumn<int>("hedge");
    QTest::newRow("static") << int(BacktestHedge::StaticOls);
    QTest::newRow("rolling") << int(BacktestHedge::RollingOls);
    QTest::newRow("kalman") << int(BacktestHedge::Kalman);
}

void TestWalkForward::chosenCellIsTheTrainingSweepsBest()
{
    QFETCH(int, hedge);
    const auto data = test::syntheticPair(6000, 11);
    BacktestConfig base;
    base.hedge = BacktestHedge(hedge);
    base.window = 80;
    base.feeBps = 1;
    const WalkForwardConfig wf{2000, 1000, 1000};
    const WalkForwardResult r = runWalkForward(data.x, data.y, data.timeMs, base, grid(), wf);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(int(r.folds.size()), 4);
    for (const WalkForwardFold &f : r.folds) {
        const std::size_t from = std::size_t(f.trainFrom), len = std::size_t(f.trainTo - f.trainFrom);
        const auto train = prepareBacktest(std::span<const double>(data.x).subspan(from, len),
                                           std::span<const double>(data.y).subspan(from, len),
                                           std::span<const qint64>(data.timeMs).subspan(from, len), base);
        const SweepResult sweep = runBacktestSweep(train, base, grid());
        const auto [i, j] = sweep.best(1);
        QVERIFY(f.chosen);
        QCOMPARE(f.entryZ, sweep.entries[std::size_t(i)]);
        QCOMPARE(f.exitZ, sweep.exits[std::size_t(j)]);
        QVERIFY(sameSummary(f.inSample, sweep.cell(i, j).summary));
        QCOMPARE(std::isnan(f.beta), base.hedge != BacktestHedge::StaticOls);
    }
}

void TestWalkForward::staticTestWindowIsSection12Backtest()
{
    // One fold: train on the first 3,000 bars, trade the next 2,000 on the training fit's spread.
    const auto data = test::syntheticPair(5000, 5);
    BacktestConfig base;
    base.window = 100;
    base.spreadCost = 0.5;
    base.barsPerYear = 525600;
    const WalkForwardConfig wf{3000, 2000, 2000};
    const WalkForwardResult r = runWalkForward(data.x, data.y, data.timeMs, base, grid(), wf);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(int(r.folds.size()), 1);
    const WalkForwardFold &f = r.folds.front();
    QVERIFY(f.chosen);

    const std::span<const double> x(data.x), y(data.y);
    const OlsResult ols = olsFit(x.first(3000), y.first(3000));
    QCOMPARE(f.alpha, ols.alpha);
    QCOMPARE(f.beta, ols.beta);
    const std::vector<double> spread = spreadSeries(x, y, ols.alpha, ols.beta);
    const std::vector<double> z = rollingZScore(spread, base.window);
    BacktestParams p;
    p.entry = f.entryZ;
    p.exit = f.exitZ;
    p.cost = base.spreadCost;
    p.barsPerYear = base.barsPerYear;
    const BacktestResult ref = backtestMeanReversion(std::span<const double>(spread).subspan(3000),
                                                     std::span<const double>(z).subspan(3000), p);
    QVERIFY(ref.ok());
    QVERIFY(ref.trades > 3);
    QCOMPARE(f.outOfSample.trades, ref.trades);
    // The test window is traded on its own: a position still open at its last bar is closed there and pays
    // its exit (cost c per unit), which §12 leaves open.
    const int openAtEnd = std::abs(ref.position.back());
    const double closing = base.spreadCost * openAtEnd;
    QVERIFY(qAbs(f.outOfSample.netPnl - (ref.netPnl - closing)) <= 1e-9 * (1 + qAbs(ref.netPnl)));
    QVERIFY(qAbs(f.outOfSample.totalCost - (ref.totalCost + closing)) <= 1e-12 * (1 + ref.totalCost));
    if (openAtEnd == 0) {
        QCOMPARE(f.outOfSample.wins, ref.wins);
        QVERIFY(qAbs(f.outOfSample.sharpe - ref.sharpeNet) <= 1e-9 * (1 + qAbs(ref.sharpeNet)));
    }
    // One fold: the stitched series is that window.
    QCOMPARE(r.outOfSample.trades, f.outOfSample.trades);
    QVERIFY(same(r.outOfSample.sharpe, f.outOfSample.sharpe));
    QVERIFY(same(r.outOfSample.netPnl, f.outOfSample.netPnl));
    QVERIFY(same(r.outOfSample.maxDrawdown, f.outOfSample.maxDrawdown));
    QCOMPARE(r.positiveFoldShare, f.outOfSample.netPnl > 0 ? 1.0 : 0.0);
    QVERIFY(same(r.inSampleSharpe, f.inSample.sharpe));
}

void TestWalkForward::foldsNeverSeeLaterBars_data()
{
    chosenCellIsTheTrainingSweepsBest_data();
}

void TestWalkForward::foldsNeverSeeLaterBars()
{
    QFETCH(int, hedge);
    auto data = test::syntheticPair(4000, 17);
    BacktestConfig base;
    base.hedge = BacktestHedge(hedge);
    base.window = 60;
    const WalkForwardConfig wf{1500, 500, 500};
    const WalkForwardResult before = runWalkForward(data.x, data.y, data.timeMs, base, grid(), wf);
    QVERIFY2(before.ok(), qPrintable(before.error));
    // Bars after fold 1's test window change completely: folds 0 and 1 must not notice.
    for (std::size_t t = 2500; t < data.x.size(); ++t) {
        data.x[t] *= 1.3;
        data.y[t] = 5000 - data.y[t] * 0.2;
    }
    const WalkForwardResult after = runWalkForward(data.x, data.y, data.timeMs, base, grid(), wf);
    QVERIFY2(after.ok(), qPrintable(after.error));
    bool laterChanged = false;
    for (std::size_t k = 0; k < before.folds.size(); ++k) {
        const WalkForwardFold &a = before.folds[k], &b = after.folds[k];
        const bool same_ = a.entryZ == b.entryZ && a.exitZ == b.exitZ &&
                           sameSummary(a.inSample, b.inSample) && sameSummary(a.outOfSample, b.outOfSample);
        if (k < 2)
            QVERIFY2(same_, qPrintable(QStringLiteral("fold %1 changed").arg(k)));
        else
            laterChanged = laterChanged || !same_;
    }
    QVERIFY(laterChanged); // the change is one the later folds do see
}

void TestWalkForward::stitchesTheTestWindows()
{
    const auto data = test::syntheticPair(8000, 23);
    BacktestConfig base;
    base.window = 90;
    base.feeBps = 2;
    base.sizing = PositionSizing::Notional;
    base.hedge = BacktestHedge::RollingOls;
    const WalkForwardConfig wf{2000, 1000, 1000};
    const WalkForwardResult r =
        runWalkForward(data.x, data.y, data.timeMs, base, grid(), wf, nullptr, nullptr, nullptr, 2);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(int(r.folds.size()), 6);
    QCOMPARE(int(r.pnlNet.size()), 6000);
    QCOMPARE(r.timeMs.front(), data.timeMs[2000]);
    QCOMPARE(r.timeMs.back(), data.timeMs[7999]);
    double sum = 0;
    int trades = 0, positive = 0;
    for (const WalkForwardFold &f : r.folds) {
        sum += f.outOfSample.netPnl;
        trades += f.outOfSample.trades;
        positive += f.outOfSample.netPnl > 0 ? 1 : 0;
    }
    QVERIFY(qAbs(r.equityNet.back() - sum) <= 1e-9 * (1 + qAbs(sum)));
    QVERIFY(qAbs(r.outOfSample.netPnl - sum) <= 1e-9 * (1 + qAbs(sum)));
    QCOMPARE(r.outOfSample.trades, trades);
    QCOMPARE(int(r.trades.size()), trades);
    QCOMPARE(r.positiveFoldShare, positive / 6.0);
    QVERIFY(same(r.outOfSample.sharpe, annualisedSharpe(r.pnlNet, base.barsPerYear)));
    for (const BacktestTrade &t : r.trades) {
        const auto in = std::find_if(r.folds.begin(), r.folds.end(), [&](const WalkForwardFold &f) {
            return t.entryBar >= f.testFrom && t.exitBar < f.testTo;
        });
        QVERIFY2(in != r.folds.end(), "a trade crosses a test window's edge");
        QCOMPARE(t.entryTimeMs, data.timeMs[std::size_t(t.entryBar)]);
        QVERIFY(t.exit != TradeExit::Open); // each test window closes what it opened
    }
    // The same result on one thread.
    const WalkForwardResult one =
        runWalkForward(data.x, data.y, data.timeMs, base, grid(), wf, nullptr, nullptr, nullptr, 1);
    QVERIFY(same(one.outOfSample.sharpe, r.outOfSample.sharpe));
    QVERIFY(same(one.equityNet.back(), r.equityNet.back()));
}

void TestWalkForward::netPnlObjective()
{
    const auto data = test::syntheticPair(5000, 29);
    BacktestConfig base;
    base.window = 60;
    WalkForwardConfig wf{2000, 1000, 1000};
    wf.objective = WalkForwardObjective::NetPnl;
    wf.minTrades = 3;
    const WalkForwardResult r = runWalkForward(data.x, data.y, data.timeMs, base, grid(), wf);
    QVERIFY2(r.ok(), qPrintable(r.error));
    for (const WalkForwardFold &f : r.folds) {
        const std::size_t from = std::size_t(f.trainFrom), len = std::size_t(f.trainTo - f.trainFrom);
        const auto train = prepareBacktest(std::span<const double>(data.x).subspan(from, len),
                                           std::span<const double>(data.y).subspan(from, len), {}, base);
        double best = -1e300;
        for (double e : grid().entries) {
            for (double x : grid().exits) {
                BacktestConfig c = base;
                c.entryZ = e;
                c.exitZ = x;
                if (!validateBacktestConfig(c).isEmpty())
                    continue;
                const BacktestSummary s = backtestSummary(*train, c);
                if (s.trades >= 3)
                    best = std::max(best, s.netPnl);
            }
        }
        QVERIFY(f.chosen);
        QCOMPARE(f.inSample.netPnl, best);
        QVERIFY(f.inSample.trades >= 3);
    }
    WalkForwardObjective o = WalkForwardObjective::NetSharpe;
    QVERIFY(walkForwardObjectiveFromKey(QStringLiteral("net_pnl"), &o));
    QCOMPARE(o, WalkForwardObjective::NetPnl);
    QVERIFY(!walkForwardObjectiveFromKey(QStringLiteral("calmar"), &o));
}

void TestWalkForward::cancelled()
{
    const auto data = test::syntheticPair(5000, 31);
    std::atomic<bool> cancel{true};
    std::atomic<int> done{0};
    const WalkForwardResult r = runWalkForward(data.x, data.y, data.timeMs, BacktestConfig{}, grid(),
                                               {1000, 500, 500}, nullptr, &cancel, &done);
    QVERIFY(r.cancelled);
    QVERIFY(!r.ok());
    QCOMPARE(done.load(), 0);
}

QString TestWalkForward::realPairFile()
{
    const QString path = m_dir.filePath(QStringLiteral("btc_eth_1m.csv"));
    if (QFile::exists(path))
        return path;
    auto closes = [](const QString &symbol) {
        std::map<qint64, QByteArray> out;
        QFile f(QStringLiteral(PAIRLAB_SHARED_DATA "/real/universe/futures_1m/%1.csv").arg(symbol));
        if (!f.open(QIODevice::ReadOnly))
            return out;
        f.readLine(); // open_time_ms,open,high,low,close,volume
        while (!f.atEnd()) {
            const QList<QByteArray> cells = f.readLine().trimmed().split(',');
            if (cells.size() >= 5)
                out[cells[0].toLongLong()] = cells[4];
        }
        return out;
    };
    const auto x = closes(QStringLiteral("BTCUSDT")), y = closes(QStringLiteral("ETHUSDT"));
    QByteArray text = "ts_ms,x,y\n";
    for (const auto &[t, cx] : x) {
        const auto it = y.find(t);
        if (it != y.end())
            text += QByteArray::number(t) + ',' + cx + ',' + it->second + '\n';
    }
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size())
        return {};
    return path;
}

void TestWalkForward::cliMatchesTheEngine()
{
    const QString file = realPairFile();
    AlignedPair pair;
    QString error;
    QVERIFY2(cli::readPairCsv(file, pair, error), qPrintable(error));
    QVERIFY(pair.size() > 40000); // 30 days of 1 m bars

    // One backtest: the engine's summary, annualised for 1 m bars (the median spacing).
    QString outText, errText;
    QTextStream out(&outText), err(&errText);
    QCOMPARE(
        cli::backtest({file, QStringLiteral("--window"), QStringLiteral("240"), QStringLiteral("--fee-bps"),
                       QStringLiteral("5"), QStringLiteral("--notional"), QStringLiteral("10000")},
                      out, err),
        0);
    out.flush();
    const QJsonObject single = QJsonDocument::fromJson(outText.toUtf8()).object();
    BacktestConfig c;
    c.window = 240;
    c.feeBps = 5;
    c.sizing = PositionSizing::Notional;
    c.notional = 10000;
    c.barsPerYear = 525600;
    const BacktestRun run = backtestPair(prepareBacktest(pair, c), c);
    QVERIFY(run.ok());
    QCOMPARE(
        single.value(QLatin1String("config")).toObject().value(QLatin1String("bars_per_year")).toDouble(),
        525600.0);
    QCOMPARE(single.value(QLatin1String("summary")).toObject(), run.summary.toJson());

    // Walk-forward: a week of training, a day of test, stepped by a day.
    outText.clear();
    const QString equity = m_dir.filePath(QStringLiteral("equity.csv")),
                  trades = m_dir.filePath(QStringLiteral("trades.csv"));
    QCOMPARE(cli::backtest({file, QStringLiteral("--window"), QStringLiteral("240"),
                            QStringLiteral("--fee-bps"), QStringLiteral("5"), QStringLiteral("--notional"),
                            QStringLiteral("10000"), QStringLiteral("--walk-forward"),
                            QStringLiteral("10080:1440:1440"), QStringLiteral("--entries"),
                            QStringLiteral("1.5:3:0.5"), QStringLiteral("--exits"), QStringLiteral("0:1:0.5"),
                            QStringLiteral("--equity"), equity, QStringLiteral("--trades"), trades},
                           out, err),
             0);
    out.flush();
    const QJsonObject wfJson =
        QJsonDocument::fromJson(outText.toUtf8()).object().value(QLatin1String("walk_forward")).toObject();
    SweepGrid g;
    g.entries = {1.5, 2.0, 2.5, 3.0};
    g.exits = {0.0, 0.5, 1.0};
    const WalkForwardResult r = runWalkForward(pair.x, pair.y, pair.timeMs, c, g, {10080, 1440, 1440});
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(int(r.folds.size()), (int(pair.size()) - 10080 - 1440) / 1440 + 1);
    const QJsonArray folds = wfJson.value(QLatin1String("folds")).toArray();
    QCOMPARE(folds.size(), qsizetype(r.folds.size()));
    for (qsizetype k = 0; k < folds.size(); ++k) {
        const QJsonObject f = folds[k].toObject();
        const WalkForwardFold &e = r.folds[std::size_t(k)];
        QCOMPARE(f.value(QLatin1String("test_from")).toInt(), e.testFrom);
        QCOMPARE(f.value(QLatin1String("entry_z")).toDouble(), e.entryZ);
        QCOMPARE(f.value(QLatin1String("exit_z")).toDouble(), e.exitZ);
        QCOMPARE(f.value(QLatin1String("beta")).toDouble(), e.beta);
        QCOMPARE(f.value(QLatin1String("out_of_sample")).toObject(), e.outOfSample.toJson());
    }
    QCOMPARE(wfJson.value(QLatin1String("positive_fold_share")).toDouble(), r.positiveFoldShare);
    const QJsonObject oos = wfJson.value(QLatin1String("out_of_sample")).toObject();
    QCOMPARE(oos.value(QLatin1String("net_pnl")).toDouble(), r.outOfSample.netPnl);
    QCOMPARE(oos.value(QLatin1String("sharpe")).toDouble(), r.outOfSample.sharpe);
    QCOMPARE(wfJson.value(QLatin1String("in_sample")).toObject().value(QLatin1String("sharpe")).toDouble(),
             r.inSampleSharpe);

    QFile eq(equity);
    QVERIFY(eq.open(QIODevice::ReadOnly));
    const QList<QByteArray> rows = eq.readAll().trimmed().split('\n');
    QCOMPARE(rows.size(), qsizetype(r.pnlNet.size()) + 1);
    QCOMPARE(rows.last().split(',').last().toDouble(), r.equityNet.back());
    QFile tr(trades);
    QVERIFY(tr.open(QIODevice::ReadOnly));
    QCOMPARE(tr.readAll().trimmed().split('\n').size(), qsizetype(r.trades.size()) + 1);
}

void TestWalkForward::cliRefusesBadUsage_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("twoParts") << QStringList{QStringLiteral("--walk-forward"), QStringLiteral("1000:100")}
                              << 2 << QStringLiteral("TRAIN:TEST:STEP");
    QTest::newRow("overlap") << QStringList{QStringLiteral("--walk-forward"), QStringLiteral("1000:200:100")}
                             << 2 << QStringLiteral("overlap");
    QTest::newRow("objective") << QStringList{QStringLiteral("--walk-forward"),
                                              QStringLiteral("1000:200:200"), QStringLiteral("--objective"),
                                              QStringLiteral("calmar")}
                               << 2 << QStringLiteral("sharpe or net_pnl");
    QTest::newRow("gridAlone") << QStringList{QStringLiteral("--entries"), QStringLiteral("1:2:0.5")} << 2
                               << QStringLiteral("belong to --walk-forward");
    QTest::newRow("badGrid") << QStringList{QStringLiteral("--walk-forward"), QStringLiteral("1000:200:200"),
                                            QStringLiteral("--exits"), QStringLiteral("1:0:0.5")}
                             << 2 << QStringLiteral("FROM:TO:STEP");
    QTest::newRow("hedge") << QStringList{QStringLiteral("--hedge"), QStringLiteral("ols")} << 2
                           << QStringLiteral("static_ols, rolling_ols or kalman");
    QTest::newRow("exitAboveEntry") << QStringList{QStringLiteral("--entry"), QStringLiteral("1"),
                                                   QStringLiteral("--exit"), QStringLiteral("2")}
                                    << 2 << QStringLiteral("exit threshold");
    // Valid options, but this file is too short for them: bad input, not bad usage.
    QTest::newRow("tooFewBars") << QStringList{QStringLiteral("--walk-forward"),
                                               QStringLiteral("40000:5000:5000")}
                                << 1 << QStringLiteral("do not hold");
    QTest::newRow("stopBelowTheGrid")
        << QStringList{QStringLiteral("--walk-forward"), QStringLiteral("10000:1440:1440"),
                       QStringLiteral("--stop"), QStringLiteral("0.9")}
        << 2 << QStringLiteral("no cell of the grid");
    // The single run's thresholds are not the walk-forward's: an exit above the entry is no error there.
    QTest::newRow("ignoredExit") << QStringList{QStringLiteral("--walk-forward"),
                                                QStringLiteral("1000:200:100"), QStringLiteral("--exit"),
                                                QStringLiteral("3")}
                                 << 2 << QStringLiteral("overlap");
}

void TestWalkForward::cliRefusesBadUsage()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, message);
    QString outText, errText;
    QTextStream out(&outText), err(&errText);
    args.prepend(realPairFile());
    QCOMPARE(cli::backtest(args, out, err), code);
    err.flush();
    QVERIFY2(errText.contains(message), qPrintable(errText));
    QVERIFY(outText.isEmpty());

    // Bad input is a failure with the line, not a usage error.
    const QString bad = m_dir.filePath(QStringLiteral("bad.csv"));
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("ts_ms,x,y\n1,2,3\n2,abc,4\n");
    f.close();
    errText.clear();
    QCOMPARE(cli::backtest({bad}, out, err), 1);
    err.flush();
    QVERIFY2(errText.contains(QLatin1String("line 3")), qPrintable(errText));
}

QTEST_GUILESS_MAIN(TestWalkForward)
#include "tst_walk_forward.moc"
