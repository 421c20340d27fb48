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

/** Real 1 m closes of BTCUSDT (y) and ETHUSDT (x) at the minutes both files have. */
void realMinutes(std::vector<double> &x, std::vector<double> &y)
{
    const QString dir = QStringLiteral("tests/data/real/universe/futures_1m/");
    auto btc = test::readCsvColumns(test::sourceFile(dir + QStringLiteral("BTCUSDT.csv")));
    auto eth = test::readCsvColumns(test::sourceFile(dir + QStringLiteral("ETHUSDT.csv")));
    std::map<double, double> ethAt;
    for (std::size_t i = 0; i < eth[QStringLiteral("open_time_ms")].size(); ++i)
        ethAt[eth[QStringLiteral("open_time_ms")][i]] = eth[QStringLiteral("close")][i];
    for (std::size_t i = 0; i < btc[QStringLiteral("open_time_ms")].size(); ++i) {
        const auto it = ethAt.find(btc[QStringLiteral("open_time_ms")][i]);
        if (it != ethAt.end()) {
            x.push_back(it->second);
            y.push_back(btc[QStringLiteral("close")][i]);
        }
    }
}

double stdDev(std::span<const double> v)
{
    double m = 0;
    std::size_t n = 0;
    for (double d : v)
        if (std::isfinite(d)) {
            m += d;
            ++n;
        }
    m /= double(n);
    double ss = 0;
    for (double d : v)
        if (std::isfinite(d))
            ss += (d - m) * (d - m);
    return std::sqrt(ss / double(n - 1));
}

/** Full-sample OLS spread y - (a + b x). */
std::vector<double> olsSpread(const std::vector<double> &x, const std::vector<double> &y)
{
    const auto n = Eigen::Index(x.size());
    Eigen::MatrixXd X(n, 2);
    Eigen::VectorXd Y(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        X(i, 0) = 1;
        X(i, 1) = x[std::size_t(i)];
        Y(i) = y[std::size_t(i)];
    }
    const Eigen::VectorXd c = X.colPivHouseholderQr().solve(Y);
    std::vector<double> s(x.size());
    for (std::size_t i = 0; i < s.size(); ++i)
        s[i] = y[i] - (c(0) + c(1) * x[i]);
    return s;
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
    void kalmanSpreadIsOnTheDataScale_data();
    void kalmanSpreadIsOnTheDataScale();
    void kalmanSpreadMatchesUncentredReference();
    void kalmanSpreadIsScaleFree();
    void kalmanSpreadDoesNotLookAhead();
    void kalmanSpreadRefusesWhatItCannotScale();
    void livePairStateAgreesWithBatch();
    void liveKalmanSpreadEqualsTheBatchOne();
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

void TestRollingKalman::liveKalmanSpreadEqualsTheBatchOne()
{
    // Real 1 m closes: the live state (what alerts read as kalman_z) and the batch spread (what the Pair tab
    // charts) give the same numbers at every bar, including the NaN warm-up.
    std::vector<double> x, y;
    realMinutes(x, y);
    x.resize(std::min<std::size_t>(x.size(), 5000));
    y.resize(x.size());
    QVERIFY(x.size() > 1000);
    for (const int window : {30, 120}) {
        const KalmanSpread batch = kalmanSpread(x, y, window);
        QVERIFY(batch.ok());
        LivePairState live(1.0, 1.0, window);
        KalmanSpreadFilter filter(window);
        int compared = 0;
        for (std::size_t t = 0; t < x.size(); ++t) {
            const auto u = live.push(x[t], y[t]);
            const KalmanSpreadFilter::Step f = filter.push(x[t], y[t]);
            if (t < std::size_t(window)) {
                QVERIFY(std::isnan(u.scaledKalmanZ) && std::isnan(f.zscore));
                QCOMPARE(filter.status(),
                         t + 1 < std::size_t(window) ? AnalyticsStatus::TooFewRows : AnalyticsStatus::Ok);
                continue;
            }
            QCOMPARE(u.scaledKalmanZ, batch.zscore[t]);
            QCOMPARE(u.scaledKalmanSpread, batch.innovation[t]);
            QCOMPARE(f.beta, batch.beta[t]);
            QCOMPARE(f.alpha, batch.alpha[t]);
            QCOMPARE(f.variance, batch.variance[t]);
            ++compared;
        }
        QCOMPARE(compared, int(x.size()) - window);
        QCOMPARE(filter.r(), batch.r);
    }
    // A flat warm-up has no scale: the filter says so and stays silent.
    KalmanSpreadFilter flat(5);
    for (int t = 0; t < 10; ++t)
        QVERIFY(std::isnan(flat.push(100.0, 50.0 + t).zscore));
    QCOMPARE(flat.status(), AnalyticsStatus::ConstantSeries);
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

void TestRollingKalman::kalmanSpreadIsOnTheDataScale_data()
{
    QTest::addColumn<QString>("data");
    QTest::addColumn<int>("window");
    QTest::newRow("btc-eth-1s-w120") << QStringLiteral("1s") << 120;
    QTest::newRow("btc-eth-1s-w30") << QStringLiteral("1s") << 30;
    QTest::newRow("btc-eth-1m-w120") << QStringLiteral("1m") << 120;
}

void TestRollingKalman::kalmanSpreadIsOnTheDataScale()
{
    // The Pair tab once showed a Kalman spread of ~1e-8 on BTC ~ ETH: the §4 filter (R = 1e-3 on prices
    // of ~60,000) absorbs every bar, so its posterior residual is noise. The scaled filter's spread (the
    // innovation) must be of the order of the OLS spread and its z of order one.
    QFETCH(QString, data);
    QFETCH(int, window);
    std::vector<double> x, y;
    if (data == QLatin1String("1s")) {
        auto cols = test::btcEth1s();
        x = cols[QStringLiteral("x")];
        y = cols[QStringLiteral("y")];
    } else {
        realMinutes(x, y);
    }
    QVERIFY2(x.size() > 300, qPrintable(QString::number(x.size())));
    const double olsStd = stdDev(olsSpread(x, y));

    const KalmanSeries chan = kalman2(x, y);
    std::vector<double> posterior(x.size());
    for (std::size_t t = 0; t < x.size(); ++t)
        posterior[t] = y[t] - (chan.alpha[t] + chan.beta[t] * x[t]);
    QVERIFY2(stdDev(posterior) < 1e-4 * olsStd, "the §4 posterior residual is expected to be ~0 here");

    const KalmanSpread k = kalmanSpread(x, y, window);
    QVERIFY(k.ok());
    QVERIFY(std::isnan(k.innovation[std::size_t(window) - 1]) &&
            std::isfinite(k.innovation[std::size_t(window)]));
    const double ratio = stdDev(k.innovation) / olsStd;
    QVERIFY2(ratio > 0.05 && ratio < 3.0,
             qPrintable(QStringLiteral("innovation std / OLS spread std = %1").arg(ratio)));
    const double zStd = stdDev(k.zscore);
    qInfo("%s: OLS spread std %.4g, innovation std %.4g (ratio %.3f), std of z %.3f", qPrintable(data),
          olsStd, stdDev(k.innovation), ratio, zStd);
    QVERIFY2(zStd > 0.3 && zStd < 3.0, qPrintable(QStringLiteral("std of e/sqrt(S) = %1").arg(zStd)));
    // The hedge ratio stays near the OLS one (ETH ~ 1/20 of BTC: beta around 20).
    const double lastBeta = k.beta.back();
    QVERIFY2(lastBeta > 5 && lastBeta < 60, qPrintable(QString::number(lastBeta)));
}

void TestRollingKalman::kalmanSpreadMatchesUncentredReference()
{
    // The same model written in the raw coordinates (state a, b; Q = q diag(1, 1/mean x^2); P_0 =
    // (X'X)^-1 at unit scale) and run in long double must give the same innovations, variances and z.
    std::vector<double> x, y;
    makePrices(3000, 11, x, y);
    const int w = 120;
    const KalmanSpread k = kalmanSpread(x, y, w);
    QVERIFY(k.ok());
    using LD = long double;
    Eigen::Matrix<LD, Eigen::Dynamic, 2> X(w, 2);
    Eigen::Matrix<LD, Eigen::Dynamic, 1> Y(w);
    LD mx2 = 0;
    for (int i = 0; i < w; ++i) {
        X(i, 0) = 1;
        X(i, 1) = x[std::size_t(i)];
        Y(i) = y[std::size_t(i)];
        mx2 += LD(x[std::size_t(i)]) * x[std::size_t(i)];
    }
    mx2 /= w;
    const Eigen::Matrix<LD, 2, 2> xtxInv = (X.transpose() * X).inverse();
    Eigen::Matrix<LD, 2, 1> th = xtxInv * (X.transpose() * Y);
    const LD r = (Y - X * th).squaredNorm() / LD(w - 2);
    const LD q = LD(1e-4) / (1 - LD(1e-4));
    // Unit scale (R = 1); the scale sigma^2 is the mean of e^2/S~ over the W bars before t.
    Eigen::Matrix<LD, 2, 2> P = xtxInv, Q = Eigen::Matrix<LD, 2, 2>::Zero();
    Q(0, 0) = q;
    Q(1, 1) = q / mx2;
    std::vector<LD> scaled(std::size_t(w), r);
    PAIRLAB_FUZZY_COMPARE(k.r, double(r), 1e-12, 0.0);
    for (std::size_t t = std::size_t(w); t < x.size(); ++t) {
        const Eigen::Matrix<LD, 1, 2> h(1, x[t]);
        const Eigen::Matrix<LD, 2, 2> Pp = P + Q;
        const LD e = y[t] - (h * th)(0);
        const LD su = (h * Pp * h.transpose())(0) + 1;
        const Eigen::Matrix<LD, 2, 1> K = Pp * h.transpose() / su;
        th += K * e;
        P = (Eigen::Matrix<LD, 2, 2>::Identity() - K * h) * Pp;
        LD sigma2 = 0;
        for (std::size_t j = scaled.size() - std::size_t(w); j < scaled.size(); ++j)
            sigma2 += scaled[j];
        sigma2 /= w;
        scaled.push_back(e * e / su);
        PAIRLAB_FUZZY_COMPARE(k.innovation[t], double(e), 1e-7, 1e-9 * std::sqrt(double(r)));
        PAIRLAB_FUZZY_COMPARE(k.variance[t], double(su * sigma2), 1e-7, 0.0);
        PAIRLAB_FUZZY_COMPARE(k.zscore[t], double(e / std::sqrt(su * sigma2)), 1e-7, 1e-9);
        PAIRLAB_FUZZY_COMPARE(k.beta[t], double(th(1)), 1e-7, 0.0);
    }
}

void TestRollingKalman::kalmanSpreadIsScaleFree()
{
    // Quoting y in cents and x in thousands changes the spread's unit, not its z or its meaning.
    std::vector<double> x, y;
    makePrices(2000, 5, x, y);
    std::vector<double> xs(x), ys(y);
    for (std::size_t i = 0; i < x.size(); ++i) {
        xs[i] = x[i] / 1000.0;
        ys[i] = y[i] * 100.0;
    }
    const KalmanSpread a = kalmanSpread(x, y, 60), b = kalmanSpread(xs, ys, 60);
    QVERIFY(a.ok() && b.ok());
    for (std::size_t t = 60; t < x.size(); ++t) {
        PAIRLAB_FUZZY_COMPARE(b.zscore[t], a.zscore[t], 1e-6, 1e-9);
        PAIRLAB_FUZZY_COMPARE(b.innovation[t], a.innovation[t] * 100.0, 1e-6, 1e-9);
        PAIRLAB_FUZZY_COMPARE(b.beta[t], a.beta[t] * 1e5, 1e-6, 0.0);
    }
}

void TestRollingKalman::kalmanSpreadDoesNotLookAhead()
{
    std::vector<double> x, y;
    makePrices(1500, 9, x, y);
    const KalmanSpread before = kalmanSpread(x, y, 100);
    for (std::size_t t = 800; t < x.size(); ++t)
        y[t] *= 1.05;
    const KalmanSpread after = kalmanSpread(x, y, 100);
    for (std::size_t t = 0; t < 800; ++t) {
        if (std::isnan(before.zscore[t]))
            QVERIFY(std::isnan(after.zscore[t]));
        else
            QCOMPARE(after.zscore[t], before.zscore[t]);
    }
    QVERIFY(after.zscore[800] > 5.0); // the jump is news to the filter
}

void TestRollingKalman::kalmanSpreadRefusesWhatItCannotScale()
{
    std::vector<double> x, y;
    makePrices(100, 3, x, y);
    QCOMPARE(kalmanSpread(x, y, 100).status, AnalyticsStatus::TooFewRows);
    QCOMPARE(kalmanSpread(x, y, 2).status, AnalyticsStatus::TooFewRows);
    std::vector<double> flat(100, 2000.0);
    QCOMPARE(kalmanSpread(flat, y, 20).status, AnalyticsStatus::ConstantSeries);
    std::vector<double> exact(100);
    for (std::size_t i = 0; i < exact.size(); ++i)
        exact[i] = 5.0 + 2.0 * x[i];
    QCOMPARE(kalmanSpread(x, exact, 20).status, AnalyticsStatus::ConstantSeries);
}

QTEST_APPLESS_MAIN(TestRollingKalman)
#include "tst_rolling_kalman.moc"
