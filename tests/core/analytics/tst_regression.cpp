#include "analytics/regression.h"
#include "analytics_test_data.h"

#include <QTest>

#include <random>

using namespace pairlab;

/** OLS, Huber (statsmodels RLM) and exact Theil-Sen (scipy theilslopes) checks. */
class TestRegression : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void olsRecoversExactLine();
    void olsMatchesStatsmodelsOnRealPrices();
    void huberMatchesStatsmodelsRlmOnRealPrices();
    void theilSenEqualsAllPairsSlopes_data();
    void theilSenEqualsAllPairsSlopes();
    void theilSenMatchesScipyOnRealPrices();
    void rejectsNanConstantAndShortInput();
};

void TestRegression::olsRecoversExactLine()
{
    const std::vector<double> x = {1, 2, 3, 4, 5, 6};
    std::vector<double> y;
    for (double v : x)
        y.push_back(1.5 + 2.0 * v);
    const OlsResult r = olsFit(x, y);
    QVERIFY(r.ok());
    PAIRLAB_FUZZY_COMPARE(r.alpha, 1.5, 1e-14, 1e-14);
    PAIRLAB_FUZZY_COMPARE(r.beta, 2.0, 1e-14, 0.0);
    PAIRLAB_FUZZY_COMPARE(r.r2, 1.0, 1e-14, 0.0);
    PAIRLAB_FUZZY_COMPARE(r.fitAtMeanX, 1.5 + 2.0 * 3.5, 1e-14, 0.0);
}

// Expected values: tests/core/analytics/data/statsmodels_reference.py, run by hand with statsmodels 0.13.5 /
// scipy 1.10.1 on btc_eth_usdm_1s_20240808.csv (real Binance USD-M 1 s closes, x = ETH, y = BTC, 343 rows).
void TestRegression::olsMatchesStatsmodelsOnRealPrices()
{
    auto d = test::btcEth1s();
    const OlsResult r = olsFit(d[QStringLiteral("x")], d[QStringLiteral("y")]);
    QVERIFY(r.ok());
    // sm.OLS(y, add_constant(x)).fit(): params, rsquared, bse
    PAIRLAB_FUZZY_COMPARE(r.alpha, 17633.97883804795, 1e-10, 0.0);
    PAIRLAB_FUZZY_COMPARE(r.beta, 16.44325841955311, 1e-10, 0.0);
    PAIRLAB_FUZZY_COMPARE(r.r2, 0.15215737656094164, 1e-10, 0.0);
    PAIRLAB_FUZZY_COMPARE(r.alphaSe, 5636.0550868280025, 1e-10, 0.0);
    PAIRLAB_FUZZY_COMPARE(r.betaSe, 2.1019472350612634, 1e-10, 0.0);
}

void TestRegression::huberMatchesStatsmodelsRlmOnRealPrices()
{
    auto d = test::btcEth1s();
    const HuberResult r = huberFit(d[QStringLiteral("x")], d[QStringLiteral("y")]);
    QVERIFY(r.ok());
    // sm.RLM(y, add_constant(x), M=HuberT(1.345)).fit(): params, scale, fit_history['iteration']
    PAIRLAB_FUZZY_COMPARE(r.alpha, 17300.95940640467, 1e-9, 0.0);
    PAIRLAB_FUZZY_COMPARE(r.beta, 16.567495096876698, 1e-9, 0.0);
    PAIRLAB_FUZZY_COMPARE(r.scale, 71.71554124634073, 1e-9, 0.0);
    QCOMPARE(r.iterations, 7);
}

void TestRegression::theilSenEqualsAllPairsSlopes_data()
{
    QTest::addColumn<int>("n");
    QTest::addColumn<int>("xLevels"); // 0: continuous x; k: x drawn from k values (ties)
    QTest::addColumn<int>("yLevels");
    QTest::addColumn<unsigned>("seed");
    QTest::newRow("distinctSmall") << 7 << 0 << 0 << 1u;
    QTest::newRow("distinct200") << 200 << 0 << 0 << 2u;
    QTest::newRow("tiedX") << 150 << 20 << 0 << 3u;
    QTest::newRow("tiedXAndY") << 150 << 15 << 9 << 4u;
    QTest::newRow("heavilyTied") << 300 << 4 << 3 << 5u;
    QTest::newRow("twoDecimalPrices1500") << 1500 << -1 << -1 << 6u;
    QTest::newRow("twoDecimalPrices3000") << 3000 << -1 << -1 << 7u;
    QTest::newRow("twoDecimalPrices6000MultiRound") << 6000 << -1 << -1 << 8u; // 18M slopes: sampled brackets
    // 8M slopes in a few hundred distinct values: the interpolated counts meet steps, not an even spread
    QTest::newRow("tiedLarge4000") << 4000 << 40 << 0 << 9u;
}

void TestRegression::theilSenEqualsAllPairsSlopes()
{
    QFETCH(int, n);
    QFETCH(int, xLevels);
    QFETCH(int, yLevels);
    QFETCH(unsigned, seed);
    std::mt19937 rng(seed);
    std::normal_distribution<double> g(0.0, 1.0);
    std::vector<double> x(static_cast<std::size_t>(n)), y(static_cast<std::size_t>(n));
    double px = 2680.0, py = 61800.0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (xLevels < 0) { // random-walk prices with 2 decimals, like the real closes
            px = std::round((px + g(rng) * 0.3) * 100) / 100;
            py = std::round((py + g(rng) * 5.0 + (px - 2680.0) * 2) * 100) / 100;
            x[i] = px;
            y[i] = py;
            continue;
        }
        x[i] = xLevels > 0 ? double(rng() % unsigned(xLevels)) : g(rng);
        y[i] = yLevels > 0 ? double(rng() % unsigned(yLevels)) : 2.0 * x[i] + g(rng);
    }
    const TheilSenResult fast = theilSen(x, y);
    const TheilSenResult brute = theilSenBruteForce(x, y);
    QVERIFY(fast.ok());
    QVERIFY(brute.ok());
    QCOMPARE(fast.slopeCount, brute.slopeCount);
    QCOMPARE(fast.slope, brute.slope); // exact: same doubles
    QCOMPARE(fast.intercept, brute.intercept);
    QCOMPARE(fast.lowSlope, brute.lowSlope);
    QCOMPARE(fast.highSlope, brute.highSlope);
    QCOMPARE(fast.interceptJoint, brute.interceptJoint);
}

void TestRegression::theilSenMatchesScipyOnRealPrices()
{
    auto d = test::btcEth1s();
    const TheilSenResult r = theilSen(d[QStringLiteral("x")], d[QStringLiteral("y")]);
    QVERIFY(r.ok());
    // scipy.stats.theilslopes(y, x, 0.95)
    QCOMPARE(r.slope, 23.433333333334303);
    QCOMPARE(r.intercept, -1120.3653333359398);
    QCOMPARE(r.lowSlope, 16.428571428572152);
    QCOMPARE(r.highSlope, 29.15492957746261);
}

void TestRegression::rejectsNanConstantAndShortInput()
{
    const std::vector<double> x = {1, 2, 3, 4}, y = {1, NAN, 3, 4}, c = {5, 5, 5, 5}, shortX = {1, 2};
    QCOMPARE(olsFit(x, y).status, AnalyticsStatus::NonFinite);
    QCOMPARE(huberFit(x, y).status, AnalyticsStatus::NonFinite);
    QCOMPARE(theilSen(x, y).status, AnalyticsStatus::NonFinite);
    QCOMPARE(olsFit(c, x).status, AnalyticsStatus::Singular);
    QCOMPARE(theilSen(c, x).status, AnalyticsStatus::ConstantSeries);
    QCOMPARE(olsFit(shortX, shortX).status, AnalyticsStatus::TooFewRows);
    QCOMPARE(olsFit(x, shortX).status, AnalyticsStatus::SizeMismatch);
}

QTEST_APPLESS_MAIN(TestRegression)
#include "tst_regression.moc"
