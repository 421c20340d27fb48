#include "backtest/backtest_bootstrap.h"

#include <QTest>

#include <cmath>
#include <random>

using namespace pairlab;

/** The stationary block bootstrap of a run's per-bar returns: seeded determinism, ordered percentiles, zero
 *  width for constant returns, drawdowns that never pass −100 %, numpy's percentile rule, the block rule. */
class TestBacktestBootstrap : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sameSeedSameBands();
    void percentilesAreOrderedAndDrawdownsBounded();
    void constantReturnsHaveZeroWidthBands();
    void percentileIsNumpysLinearRule();
    void refusesAndCancels();
};

namespace {

std::vector<double> noisyReturns(std::size_t n, unsigned seed)
{
    std::mt19937 g(seed);
    std::normal_distribution<double> d(0.0002, 0.01);
    std::vector<double> r(n);
    for (double &v : r)
        v = d(g);
    return r;
}

} // namespace

void TestBacktestBootstrap::sameSeedSameBands()
{
    const std::vector<double> r = noisyReturns(5000, 7);
    BootstrapConfig c;
    c.resamples = 300;
    c.seed = 42;
    const BootstrapResult a = bootstrapReturns(r, c), b = bootstrapReturns(r, c);
    QVERIFY2(a.ok(), qPrintable(a.error));
    QCOMPARE(a.finalReturns, b.finalReturns);
    QCOMPARE(a.maxDrawdowns, b.maxDrawdowns);
    QCOMPARE(a.finalReturn.p50, b.finalReturn.p50);
    c.seed = 43;
    QVERIFY(bootstrapReturns(r, c).finalReturns != a.finalReturns);
    // The stated rule: a mean block of round(n^(1/3)) bars.
    QCOMPARE(a.meanBlock, 17); // cbrt(5000) = 17.1
    QCOMPARE(a.resamples, 300);
    QCOMPARE(int(a.finalReturns.size()), 300);
}

void TestBacktestBootstrap::percentilesAreOrderedAndDrawdownsBounded()
{
    // A fixed-size path with one bar that loses 2.5 times the capital: a resample that meets it is ruined
    // (equity zero, and it stays there) — never a drawdown beyond −100 %.
    std::vector<double> pnl(2000, 1.0);
    for (std::size_t i = 0; i < pnl.size(); i += 7)
        pnl[i] = -3.0;
    pnl[1000] = -25000.0; // capital 10,000
    const std::vector<double> r = barReturns(pnl, 10000.0);
    QCOMPARE(r[1000], -2.5);
    QCOMPARE(r[1], 1e-4);
    BootstrapConfig c;
    c.resamples = 500;
    const BootstrapResult b = bootstrapReturns(r, c);
    QVERIFY2(b.ok(), qPrintable(b.error));
    for (const BootstrapBand &band : {b.finalReturn, b.sharpe, b.maxDrawdown}) {
        QVERIFY(band.p5 <= band.p50);
        QVERIFY(band.p50 <= band.p95);
    }
    for (double dd : b.maxDrawdowns)
        QVERIFY2(dd >= -1.0 && dd <= 0.0, qPrintable(QString::number(dd)));
    for (double f : b.finalReturns)
        QVERIFY(f >= -1.0);
    // Most resamples meet the ruinous bar (n draws of 2,000 bars, ~63 %): their equity ends at zero.
    QCOMPARE(b.maxDrawdown.p5, -1.0);
    QCOMPARE(b.finalReturn.p5, -1.0);
    QVERIFY(std::is_sorted(b.finalReturns.begin(), b.finalReturns.end()));
}

void TestBacktestBootstrap::constantReturnsHaveZeroWidthBands()
{
    const std::vector<double> r(1000, 0.001);
    BootstrapConfig c;
    c.resamples = 200;
    const BootstrapResult b = bootstrapReturns(r, c);
    QVERIFY2(b.ok(), qPrintable(b.error));
    QVERIFY(std::abs(b.finalReturn.p5 - 1.0) < 1e-12); // 1,000 × 0.1 %, not reinvested
    QCOMPARE(b.finalReturn.p5, b.finalReturn.p95);
    QCOMPARE(b.maxDrawdown.p5, 0.0);
    QCOMPARE(b.maxDrawdown.p95, 0.0);
    // Returns that do not vary have no Sharpe ratio: NaN, not a huge number, and counted.
    QVERIFY(std::isnan(b.sharpe.p50));
    QCOMPARE(b.flatResamples, 200);
}

void TestBacktestBootstrap::percentileIsNumpysLinearRule()
{
    // numpy.percentile([1, 2, 3, 4], [5, 50, 95]) = [1.15, 2.5, 3.85]
    const std::vector<double> v{1, 2, 3, 4};
    QCOMPARE(percentileOfSorted(v, 5), 1.15);
    QCOMPARE(percentileOfSorted(v, 50), 2.5);
    QVERIFY(std::abs(percentileOfSorted(v, 95) - 3.85) < 1e-15);
    QVERIFY(std::isnan(percentileOfSorted({}, 50)));
}

void TestBacktestBootstrap::refusesAndCancels()
{
    QVERIFY(!bootstrapReturns(std::vector<double>{0.1}, {}).ok());
    QVERIFY(!bootstrapReturns(std::vector<double>{0.1, NAN}, {}).ok());
    BootstrapConfig none;
    none.resamples = 0;
    QVERIFY(!bootstrapReturns(noisyReturns(10, 1), none).ok());
    std::atomic<bool> cancel{true};
    std::atomic<int> done{0};
    const BootstrapResult c = bootstrapReturns(noisyReturns(100, 1), {}, &cancel, &done);
    QVERIFY(c.cancelled && !c.ok());
    QCOMPARE(done.load(), 0);
    cancel = false;
    BootstrapConfig few;
    few.resamples = 25;
    QVERIFY(bootstrapReturns(noisyReturns(100, 1), few, &cancel, &done).ok());
    QCOMPARE(done.load(), 25);
}

QTEST_GUILESS_MAIN(TestBacktestBootstrap)
#include "tst_backtest_bootstrap.moc"
