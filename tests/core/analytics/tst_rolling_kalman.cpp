#include "analytics/kalman.h"
#include "analytics/rolling.h"
#include "analytics_test_data.h"

#include <Eigen/Dense>

#include <QTest>

#include <random>

using namespace pairlab;

namespace {

/** Random-walk prices around BTC/ETH levels with 2 decimals. */
void makePrices(std::size_t n, unsigned seed, std::vector<double> &x, std::vector<double> &y)
{
    std::mt19937 rng(seed);
    std::normal_distribution<double> g(0.0, 1.0);
    double px = 2680.0, py = 61800.0;
    x.resize(n);
    y.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const double common = g(rng);
        px = std::round((px * std::exp(1e-4 * (common + 0.5 * g(rng)))) * 100) / 100;
        py = std::round((py * std::exp(1e-4 * (common + 0.5 * g(rng)))) * 100) / 100;
        x[i] = px;
        y[i] = py;
    }
}

} // namespace

/** Rolling moments/correlation (incremental vs two-pass), Kalman (documented order vs textbook matrix
    form), the live pair state vs the batch functions, and its per-bar cost. */
class TestRollingKalman : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rollingZMatchesTwoPass_data();
    void rollingZMatchesTwoPass();
    void rollingCorrelationMatchesTwoPass();
    void windowLongerThanSeriesGivesAllNaN();
    void constantWindowGivesNaN();
    void kalman2MatchesMatrixForm();
    void kalman1MatchesScalarRecursion();
    void kalmanFirstBarHasPriorVarianceQ();
    void livePairStateAgreesWithBatch();
    void correlationMatrixMatchesPairwise();
};

void TestRollingKalman::rollingZMatchesTwoPass_data()
{
    QTest::addColumn<int>("window");
    QTest::addColumn<int>("n");
    QTest::newRow("w2") << 2 << 500;
    QTest::newRow("w120") << 120 << 20000;
    QTest::newRow("w1000") << 1000 << 20000;
}

void TestRollingKalman::rollingZMatchesTwoPass()
{
    QFETCH(int, window);
    QFETCH(int, n);
    std::vector<double> x, y;
    makePrices(std::size_t(n), 11, x, y);
    const auto s = spreadSeries(x, y, 1000.0, 22.7);
    const auto fast = rollingZScore(s, window), ref = rollingZScoreTwoPass(s, window);
    double worst = 0;
    for (std::size_t t = 0; t < s.size(); ++t) {
        QCOMPARE(std::isnan(fast[t]), std::isnan(ref[t]));
        if (!std::isnan(ref[t]))
            worst = std::max(worst, std::fabs(fast[t] - ref[t]) / std::max(1.0, std::fabs(ref[t])));
    }
    QVERIFY2(worst < 1e-9, qPrintable(QString::number(worst)));
}

void TestRollingKalman::rollingCorrelationMatchesTwoPass()
{
    std::vector<double> x, y;
    makePrices(30000, 12, x, y);
    const auto fast = rollingCorrelation(x, y, 120), ref = rollingCorrelationTwoPass(x, y, 120);
    const auto lx = logReturns(x), ly = logReturns(y);
    const auto fastR = rollingLogReturnCorrelation(x, y, 120);
    // two-pass on the returns, skipping r_0: defined from t = W
    const auto refR = rollingCorrelationTwoPass(std::span(lx).subspan(1), std::span(ly).subspan(1), 120);
    for (std::size_t t = 0; t < x.size(); ++t) {
        if (std::isnan(ref[t]))
            QVERIFY(std::isnan(fast[t]));
        else
            PAIRLAB_FUZZY_COMPARE(fast[t], ref[t], 1e-9, 1e-12);
        if (t < 120) {
            QVERIFY(std::isnan(fastR[t]));
        } else {
            PAIRLAB_FUZZY_COMPARE(fastR[t], refR[t - 1], 1e-9, 1e-12);
        }
    }
}

void TestRollingKalman::windowLongerThanSeriesGivesAllNaN()
{
    const std::vector<double> s = {1, 2, 3, 4, 5};
    for (double z : rollingZScore(s, 10))
        QVERIFY(std::isnan(z));
    for (double c : rollingCorrelation(s, s, 10))
        QVERIFY(std::isnan(c));
}

void TestRollingKalman::constantWindowGivesNaN()
{
    const std::vector<double> s(50, 7.0), t(50, 1.0);
    const auto z = rollingZScore(s, 10);
    QVERIFY(std::isnan(z.back()));
    QVERIFY(std::isnan(rollingCorrelation(s, t, 10).back()));
}

void TestRollingKalman::kalman2MatchesMatrixForm()
{
    std::vector<double> x, y;
    makePrices(5000, 13, x, y);
    const KalmanSeries k = kalman2(x, y);
    QVERIFY(k.ok());
    // Textbook form with Joseph update: theta^- = theta, P^- = P + Q; K = P^- h'/S; P = (I-Kh)P^-(I-Kh)' + K
    // R K'.
    const double q = 1e-4 / (1 - 1e-4), r = 1e-3;
    Eigen::Vector2d theta = Eigen::Vector2d::Zero();
    Eigen::Matrix2d P = Eigen::Matrix2d::Zero();
    for (std::size_t t = 0; t < x.size(); ++t) {
        const Eigen::Matrix2d Pm = P + q * Eigen::Matrix2d::Identity();
        const Eigen::RowVector2d h(1.0, x[t]);
        const double e = y[t] - h * theta;
        const double S = (h * Pm * h.transpose())(0, 0) + r;
        const Eigen::Vector2d K = Pm * h.transpose() / S;
        theta += K * e;
        const Eigen::Matrix2d A = Eigen::Matrix2d::Identity() - K * h;
        P = A * Pm * A.transpose() + K * r * K.transpose();
        PAIRLAB_FUZZY_COMPARE(k.innovation[t], e, 1e-9, 1e-9);
        PAIRLAB_FUZZY_COMPARE(k.variance[t], S, 1e-9, 0.0);
        PAIRLAB_FUZZY_COMPARE(k.alpha[t], theta(0), 1e-9, 1e-12);
        PAIRLAB_FUZZY_COMPARE(k.beta[t], theta(1), 1e-9, 1e-12);
    }
}

void TestRollingKalman::kalman1MatchesScalarRecursion()
{
    const std::vector<double> x = {2.0, 2.1, 1.9, 2.05}, y = {40.0, 41.5, 37.0, 41.0};
    const KalmanSeries k = kalman1(x, y);
    QVERIFY(k.ok());
    const double q = 1e-4 / (1 - 1e-4);
    double b = 0, P = 0;
    for (std::size_t t = 0; t < x.size(); ++t) {
        const double pm = P + q, e = y[t] - b * x[t], S = x[t] * x[t] * pm + 1e-3, K = pm * x[t] / S;
        b += K * e;
        P = (1 - K * x[t]) * pm;
        PAIRLAB_FUZZY_COMPARE(k.beta[t], b, 1e-13, 0.0);
        PAIRLAB_FUZZY_COMPARE(k.variance[t], S, 1e-13, 0.0);
    }
}

void TestRollingKalman::kalmanFirstBarHasPriorVarianceQ()
{
    // CONVENTIONS §4: P = 0 before bar 0, so bar 0 sees P^- = qI: S_0 = q(1 + x^2) + R, e_0 = y_0.
    const std::vector<double> x = {2000.0}, y = {60000.0};
    const KalmanSeries k = kalman2(x, y);
    const double q = 1e-4 / (1 - 1e-4);
    PAIRLAB_FUZZY_COMPARE(k.variance[0], q * (1 + 2000.0 * 2000.0) + 1e-3, 1e-15, 0.0);
    QCOMPARE(k.innovation[0], 60000.0);
    PAIRLAB_FUZZY_COMPARE(k.alpha[0], q / k.variance[0] * 60000.0, 1e-14, 0.0);
}

void TestRollingKalman::livePairStateAgreesWithBatch()
{
    std::vector<double> x, y;
    makePrices(20000, 14, x, y);
    const double alpha = 1234.5, beta = 22.5;
    const auto s = spreadSeries(x, y, alpha, beta);
    const auto z = rollingZScoreTwoPass(s, 120);
    const auto cp = rollingCorrelationTwoPass(x, y, 120);
    const auto cl = rollingLogReturnCorrelation(x, y, 120);
    const KalmanSeries k2 = kalman2(x, y);
    const KalmanSeries k1 = kalman1(x, y);
    LivePairState live(alpha, beta, 120);
    for (std::size_t t = 0; t < x.size(); ++t) {
        const auto u = live.push(x[t], y[t]);
        QCOMPARE(u.spread, s[t]);
        PAIRLAB_FUZZY_COMPARE(u.zscore, z[t], 1e-9, 1e-12);
        PAIRLAB_FUZZY_COMPARE(u.corrPrice, cp[t], 1e-9, 1e-12);
        PAIRLAB_FUZZY_COMPARE(u.corrLogReturn, cl[t], 1e-9, 1e-12);
        QCOMPARE(u.kalmanAlpha, k2.alpha[t]);
        QCOMPARE(u.kalmanBeta, k2.beta[t]);
        QCOMPARE(u.kalmanBeta1, k1.beta[t]);
    }
}

void TestRollingKalman::correlationMatrixMatchesPairwise()
{
    std::vector<double> a, b, c, d;
    makePrices(3000, 16, a, b);
    makePrices(3000, 17, c, d);
    const CorrelationMatrix m = logReturnCorrelationMatrix({a, b, c});
    QVERIFY(m.ok());
    QCOMPARE(m.size, 3);
    const auto ra = logReturns(a), rb = logReturns(b), rc = logReturns(c);
    auto pair = [](const std::vector<double> &u, const std::vector<double> &v) {
        const auto w =
            rollingCorrelationTwoPass(std::span(u).subspan(1), std::span(v).subspan(1), int(u.size() - 1));
        return w.back();
    };
    PAIRLAB_FUZZY_COMPARE(m.at(0, 0), 1.0, 0.0, 0.0);
    PAIRLAB_FUZZY_COMPARE(m.at(0, 1), pair(ra, rb), 1e-12, 1e-14);
    PAIRLAB_FUZZY_COMPARE(m.at(1, 0), m.at(0, 1), 0.0, 0.0);
    PAIRLAB_FUZZY_COMPARE(m.at(0, 2), pair(ra, rc), 1e-12, 1e-14);
    PAIRLAB_FUZZY_COMPARE(m.at(1, 2), pair(rb, rc), 1e-12, 1e-14);
    std::vector<double> withNan = a;
    withNan[10] = NAN;
    QCOMPARE(logReturnCorrelationMatrix({withNan, b}).status, AnalyticsStatus::NonFinite);
}

QTEST_APPLESS_MAIN(TestRollingKalman)
#include "tst_rolling_kalman.moc"
