#include "analytics/adf.h"
#include "analytics/regression.h"
#include "analytics/rolling.h"
#include "analytics/series_stats.h"
#include "analytics_test_data.h"

#include <QTest>

using namespace pairlab;

Q_DECLARE_METATYPE(pairlab::AdfTrend)
Q_DECLARE_METATYPE(pairlab::AdfAutolag)

/** Every statistic on real Binance 1 s BTC/ETH closes against statsmodels/scipy/pandas numbers produced by
    hand with tests/core/analytics/data/statsmodels_reference.py (statsmodels 0.13.5, scipy 1.10.1,
    pandas 1.5.3, numpy 1.24.2) on data/btc_eth_usdm_1s_20240808.csv (343 rows; x = ETH, y = BTC). */
class TestRealData : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void adfOnOlsSpreadMatchesStatsmodels_data();
    void adfOnOlsSpreadMatchesStatsmodels();
    void cointMatchesStatsmodels();
    void legStatsMatchScipy_data();
    void legStatsMatchScipy();
    void halfLifeAndHurstMatchNumpy();
    void rollingZAndCorrelationsMatchPandas();

private:
    std::vector<double> m_x, m_y, m_spread;
};

void TestRealData::initTestCase()
{
    auto d = test::btcEth1s();
    m_x = d[QStringLiteral("x")];
    m_y = d[QStringLiteral("y")];
    QCOMPARE(m_x.size(), std::size_t(343));
    const OlsResult ols = olsFit(m_x, m_y);
    m_spread = spreadSeries(m_x, m_y, ols.alpha, ols.beta);
}

void TestRealData::adfOnOlsSpreadMatchesStatsmodels_data()
{
    QTest::addColumn<AdfTrend>("trend");
    QTest::addColumn<AdfAutolag>("autolag");
    QTest::addColumn<double>("stat");
    QTest::addColumn<double>("pvalue");
    QTest::addColumn<int>("usedlag");
    QTest::addColumn<int>("nobs");
    QTest::addColumn<double>("icbest");
    QTest::addColumn<double>("crit1");
    QTest::addColumn<double>("crit5");
    QTest::addColumn<double>("crit10");
    // adfuller(s, regression=..., autolag=...) with s = y - (alpha + beta x) from sm.OLS
    QTest::newRow("cAic") << AdfTrend::Constant << AdfAutolag::Aic << -0.8227521171976456 << 0.8123472840735355 << 1
                          << 341 << 2066.852339345665 << -3.449673193310592 << -2.8700533746644323
                          << -2.5713055939491403;
    QTest::newRow("ctAic") << AdfTrend::ConstantTrend << AdfAutolag::Aic << -3.2431880568380205
                           << 0.07613432461377882 << 1 << 341 << 2060.8154929130724 << -3.9855665404186604
                           << -3.423443925934448 << -3.134666723544677;
    QTest::newRow("nAic") << AdfTrend::None << AdfAutolag::Aic << -0.8264296975041925 << 0.3594427123850814 << 1
                          << 341 << 2067.9820343439114 << -2.5723277899226873 << -1.9418158343749208
                          << -1.6160638147140833;
    QTest::newRow("cBic") << AdfTrend::Constant << AdfAutolag::Bic << -0.8227521171976456 << 0.8123472840735355 << 1
                          << 341 << 2078.203814892654 << -3.449673193310592 << -2.8700533746644323
                          << -2.5713055939491403;
    QTest::newRow("cTStat") << AdfTrend::Constant << AdfAutolag::TStat << -1.0138775344717774 << 0.7481691979114841
                            << 16 << 326 << 2.3721012183781025 << kNaN << kNaN << kNaN;
}

void TestRealData::adfOnOlsSpreadMatchesStatsmodels()
{
    QFETCH(AdfTrend, trend);
    QFETCH(AdfAutolag, autolag);
    QFETCH(double, stat);
    QFETCH(double, pvalue);
    QFETCH(int, usedlag);
    QFETCH(int, nobs);
    QFETCH(double, icbest);
    QFETCH(double, crit1);
    QFETCH(double, crit5);
    QFETCH(double, crit10);
    const AdfResult r = adfuller(m_spread, AdfOptions{trend, autolag, -1});
    QVERIFY(r.ok());
    QCOMPARE(r.usedlag, usedlag);
    QCOMPARE(r.nobs, nobs);
    PAIRLAB_FUZZY_COMPARE(r.stat, stat, 1e-9, 0.0);
    PAIRLAB_FUZZY_COMPARE(r.pvalue, pvalue, 1e-9, 0.0);
    PAIRLAB_FUZZY_COMPARE(r.icbest, icbest, 1e-11, 0.0);
    if (!std::isnan(crit1)) {
        PAIRLAB_FUZZY_COMPARE(r.crit[0], crit1, 1e-15, 0.0);
        PAIRLAB_FUZZY_COMPARE(r.crit[1], crit5, 1e-15, 0.0);
        PAIRLAB_FUZZY_COMPARE(r.crit[2], crit10, 1e-15, 0.0);
    }
}

void TestRealData::cointMatchesStatsmodels()
{
    const CointResult c = engleGranger(m_y, m_x); // coint(y, x)
    QVERIFY(c.ok());
    PAIRLAB_FUZZY_COMPARE(c.stat, -0.8264296982057039, 1e-9, 0.0);
    PAIRLAB_FUZZY_COMPARE(c.pvalue, 0.9311409348223589, 1e-9, 0.0);
    PAIRLAB_FUZZY_COMPARE(c.crit[0], -3.9287497431688383, 1e-15, 0.0);
    PAIRLAB_FUZZY_COMPARE(c.crit[1], -3.354054123661981, 1e-15, 0.0);
    PAIRLAB_FUZZY_COMPARE(c.crit[2], -3.056874424609281, 1e-15, 0.0);
}

void TestRealData::legStatsMatchScipy_data()
{
    QTest::addColumn<QString>("leg");
    QTest::addColumn<QList<double>>("levels");  // mean, std, skew, kurt, skew unbiased, kurt unbiased
    QTest::addColumn<QList<double>>("returns"); // same on log returns
    QTest::addColumn<double>("lastReturn");
    QTest::addColumn<double>("annVol");
    QTest::newRow("x") << "x"
                       << QList<double>{2681.3490670553933, 1.4565232390122935, -0.08278529812441561,
                                        -0.6743851364267983, -0.08314936772429267, -0.6666212051952733}
                       << QList<double>{-3.271149115842428e-08, 0.00011863247624883946, -0.28806164429253683,
                                        4.428370640503214, -0.2893321943706009, 4.511552275075285}
                       << -4.4748568985397696e-05 << 0.66620348331309;
    QTest::newRow("y") << "y"
                       << QList<double>{61724.094460641405, 61.39864608568815, 0.24989268265901735,
                                        -1.128272018415211, 0.25099164987963596, -1.1271946388003518}
                       << QList<double>{-6.640893581295305e-06, 0.00012127986276076638, -2.9210308209923217,
                                        22.145205398418994, -2.933914576990987, 22.490158415888263}
                       << 0.0 << 0.6810703913612902;
}

void TestRealData::legStatsMatchScipy()
{
    QFETCH(QString, leg);
    QFETCH(QList<double>, levels);
    QFETCH(QList<double>, returns);
    QFETCH(double, lastReturn);
    QFETCH(double, annVol);
    const LegStats s = legStats(leg == QLatin1String("x") ? m_x : m_y);
    QVERIFY(s.ok());
    auto check = [](const Moments &m, const QList<double> &e, double meanAbs) {
        PAIRLAB_FUZZY_COMPARE(m.mean, e[0], 1e-12, meanAbs);
        PAIRLAB_FUZZY_COMPARE(m.std, e[1], 1e-10, 0.0);
        PAIRLAB_FUZZY_COMPARE(m.skew, e[2], 1e-8, 0.0);
        PAIRLAB_FUZZY_COMPARE(m.kurtosis, e[3], 1e-8, 0.0);
        PAIRLAB_FUZZY_COMPARE(m.skewUnbiased, e[4], 1e-8, 0.0);
        PAIRLAB_FUZZY_COMPARE(m.kurtosisUnbiased, e[5], 1e-8, 0.0);
    };
    check(s.levels, levels, 0.0);
    // The reference script takes np.diff(np.log(p)) (difference of logs); PairLab uses ln(p_t/p_{t-1})
    // (CONVENTIONS §0). They differ by ~1e-12 relative per return, so the ~0 mean gets an absolute bound.
    check(s.returns, returns, 1e-16);
    PAIRLAB_FUZZY_COMPARE(s.lastReturn, lastReturn, 1e-10, 0.0);
    PAIRLAB_FUZZY_COMPARE(s.annualisedVol, annVol, 1e-10, 0.0);
}

void TestRealData::halfLifeAndHurstMatchNumpy()
{
    const HalfLife h = halfLife(m_spread);
    QVERIFY(h.ok());
    PAIRLAB_FUZZY_COMPARE(h.lambda, -0.005442584097665662, 1e-9, 0.0);
    PAIRLAB_FUZZY_COMPARE(h.halfLife, 127.35626462018985, 1e-9, 0.0);
    QVERIFY(h.halfLifeLog > h.halfLife - 1 && h.halfLifeLog < h.halfLife);
    // np.polyfit(log(lags), log([np.std(s[l:] - s[:-l]) for l in range(2, 100)]), 1)[0]
    PAIRLAB_FUZZY_COMPARE(hurstExponent(m_spread), 0.17395385432056318, 1e-9, 0.0);
}

void TestRealData::rollingZAndCorrelationsMatchPandas()
{
    const auto z = rollingZScore(m_spread, 120);
    QVERIFY(std::isnan(z[118]));
    // (s - s.rolling(120).mean()) / s.rolling(120).std()
    PAIRLAB_FUZZY_COMPARE(z[119], -1.558986177131302, 1e-9, 0.0);
    PAIRLAB_FUZZY_COMPARE(z[200], -1.250659974734101, 1e-9, 0.0);
    PAIRLAB_FUZZY_COMPARE(z[342], -0.2519238688910067, 1e-9, 0.0);
    const auto cp = rollingCorrelation(m_x, m_y, 120);
    QVERIFY(std::isnan(cp[118]));
    PAIRLAB_FUZZY_COMPARE(cp[200], 0.6026422751490865, 1e-8, 0.0); // pandas' E[xy]-E[x]E[y] form: ~1e-8
    PAIRLAB_FUZZY_COMPARE(cp[342], 0.6473791770096883, 1e-8, 0.0);
    const auto cl = rollingLogReturnCorrelation(m_x, m_y, 120);
    QVERIFY(std::isnan(cl[119]));
    PAIRLAB_FUZZY_COMPARE(cl[120], 0.7167425491278413, 1e-9, 0.0);
    PAIRLAB_FUZZY_COMPARE(cl[342], 0.636038728405858, 1e-9, 0.0);
}

QTEST_APPLESS_MAIN(TestRealData)
#include "tst_real_data.moc"
