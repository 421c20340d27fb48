#include "analytics/backtest.h"
#include "analytics/series_stats.h"
#include "test_util.h"

#include <QTest>

#include <cmath>

using namespace pairlab;

/** Mean-reversion backtest (CONVENTIONS §12) on hand-worked cases, and moment / half-life edge cases. */
class TestBacktestStats : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void backtestFollowsBandsCostsAndTrades();
    void backtestFlipAndOpenTradeAtEnd();
    void backtestIsFlatWhileZUndefined();
    void momentsOfKnownSample();
    void constantSeriesHasUndefinedShapeStats();
    void halfLifeUndefinedWithoutMeanReversion();
};

void TestBacktestStats::backtestFollowsBandsCostsAndTrades()
{
    // Worked by hand: positions 0,-1,-1,0,+1,+1,+1,0; gross pnl 0,0,-2,1,0,-1,2,1; cost 1 at bars 1,3,4,7.
    const std::vector<double> s = {0, 1, 3, 2, 0, -1, 1, 2};
    const std::vector<double> z = {NAN, 2.5, 1.0, 0.2, -2.5, -3, 1, 0.1};
    const BacktestResult r = backtestMeanReversion(s, z, BacktestParams{2.0, 0.5, 1.0, 100.0});
    QVERIFY(r.ok());
    QCOMPARE(r.position, (std::vector<int>{0, -1, -1, 0, 1, 1, 1, 0}));
    QCOMPARE(r.pnlGross, (std::vector<double>{0, 0, -2, 1, 0, -1, 2, 1}));
    QCOMPARE(r.pnlNet, (std::vector<double>{0, -1, -2, 0, -1, -1, 2, 0}));
    QCOMPARE(r.grossPnl, 1.0);
    QCOMPARE(r.netPnl, -3.0);
    QCOMPARE(r.trades, 2);
    QCOMPARE(r.wins, 0); // -1 - 2c = -3 and 2 - 2c = 0 (not > 0)
    QCOMPARE(r.winRate, 0.0);
    QCOMPARE(r.maxDrawdownGross, 2.0);
    QCOMPARE(r.maxDrawdownNet, 5.0);
    // Sharpe over pnl_1..pnl_7, ddof 1, times sqrt(100)
    const std::vector<double> g = {0, -2, 1, 0, -1, 2, 1};
    double m = 0, v = 0;
    for (double d : g)
        m += d / 7;
    for (double d : g)
        v += (d - m) * (d - m) / 6;
    PAIRLAB_FUZZY_COMPARE(r.sharpeGross, m / std::sqrt(v) * 10.0, 1e-14, 0.0);
}

void TestBacktestStats::backtestFlipAndOpenTradeAtEnd()
{
    const std::vector<double> s = {0, 1, 2, 3}, z = {3, -3, -3, 1};
    const BacktestResult r = backtestMeanReversion(s, z, BacktestParams{2.0, 0.5, 1.0, 1.0});
    QCOMPARE(r.position, (std::vector<int>{-1, 1, 1, 1}));
    QCOMPARE(r.totalCost, 3.0); // entry 1 + flip 2; none for the open position at the end
    QCOMPARE(r.trades, 2);      // short closed by the flip (-1 - 2c), long still open (+2 - c)
    QCOMPARE(r.wins, 1);
    QCOMPARE(r.winRate, 0.5);
    QCOMPARE(r.grossPnl, 1.0);
    QCOMPARE(r.netPnl, -2.0);
}

void TestBacktestStats::backtestIsFlatWhileZUndefined()
{
    const std::vector<double> s = {1, 2, 3, 4}, z = {NAN, NAN, NAN, NAN};
    const BacktestResult r = backtestMeanReversion(s, z);
    QCOMPARE(r.trades, 0);
    QVERIFY(std::isnan(r.winRate));
    QVERIFY(std::isnan(r.sharpeGross)); // all-zero pnl: std 0
    QCOMPARE(r.maxDrawdownNet, 0.0);
}

void TestBacktestStats::momentsOfKnownSample()
{
    // scipy 1.10.1 by hand: stats.skew/kurtosis([1,2,3,4,10]) with bias=True and bias=False, printed with repr()
    const std::vector<double> v = {1, 2, 3, 4, 10};
    const Moments m = moments(v);
    QCOMPARE(m.mean, 4.0);
    PAIRLAB_FUZZY_COMPARE(m.std, std::sqrt(12.5), 1e-15, 0.0);
    PAIRLAB_FUZZY_COMPARE(m.skew, 1.1384199576606167, 1e-13, 0.0);
    PAIRLAB_FUZZY_COMPARE(m.kurtosis, -0.21199999999999974, 1e-12, 0.0);
    PAIRLAB_FUZZY_COMPARE(m.skewUnbiased, 1.6970562748477143, 1e-13, 0.0);
    PAIRLAB_FUZZY_COMPARE(m.kurtosisUnbiased, 3.152000000000001, 1e-12, 0.0);
}

void TestBacktestStats::constantSeriesHasUndefinedShapeStats()
{
    const std::vector<double> v(20, 5.0);
    const LegStats s = legStats(v);
    QVERIFY(s.ok());
    QCOMPARE(s.levels.std, 0.0);
    QVERIFY(std::isnan(s.levels.skew));
    QCOMPARE(s.returns.std, 0.0);
    QCOMPARE(s.annualisedVol, 0.0);
    std::vector<double> withNan = {1, 2, NAN, 3};
    QCOMPARE(legStats(withNan).status, AnalyticsStatus::NonFinite);
}

void TestBacktestStats::halfLifeUndefinedWithoutMeanReversion()
{
    std::vector<double> trend;
    for (int i = 0; i < 50; ++i)
        trend.push_back(i * i * 0.01); // ds grows with s: lambda > 0
    const HalfLife h = halfLife(trend);
    QVERIFY(h.ok());
    QVERIFY(h.lambda > 0);
    QVERIFY(std::isnan(h.halfLife));
}

QTEST_APPLESS_MAIN(TestBacktestStats)
#include "tst_backtest_stats.moc"
