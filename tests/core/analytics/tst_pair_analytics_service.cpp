#include "analytics/pair_analytics_service.h"
#include "analytics_test_data.h"

#include <QSignalSpy>
#include <QTest>

using namespace pairlab;

namespace {

CloseSeries series(const QString &symbol, const std::vector<double> &close, qint64 t0 = 1723161256000, int skipEvery = 0)
{
    CloseSeries s;
    s.symbol = symbol;
    for (std::size_t i = 0; i < close.size(); ++i) {
        if (skipEvery > 0 && i % std::size_t(skipEvery) == 3)
            continue; // a missing bar on this leg
        s.openTimeMs.push_back(t0 + qint64(i) * 1000);
        s.close.push_back(close[i]);
    }
    return s;
}

/** n bars by cycling the real 1 s returns of the test CSV (as `bench analytics` does). */
void cycled(std::size_t n, std::vector<double> &x, std::vector<double> &y)
{
    auto d = test::btcEth1s();
    const auto &rx = d[QStringLiteral("x")], &ry = d[QStringLiteral("y")];
    double px = rx[0], py = ry[0];
    for (std::size_t t = 0; t < n; ++t) {
        if (t > 0) {
            const std::size_t k = (t - 1) % (rx.size() - 1) + 1;
            px = std::round(px * rx[k] / rx[k - 1] * 100) / 100;
            py = std::round(py * ry[k] / ry[k - 1] * 100) / 100;
        }
        x.push_back(px);
        y.push_back(py);
    }
}

} // namespace

/** PairAnalyticsService: alignment, publication of whole values, coalescing, incremental bars, cancel. */
class TestPairAnalyticsService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void alignsLegsByInnerJoinOnOpenTime();
    void publishesFullAnalysisOfAlignedBars();
    void coalescesRequestsLatestWins();
    void appendedBarsUpdateLiveValuesLikeBatch();
    void cancelSuppressesResult();
    void reportsBadInput();
};

void TestPairAnalyticsService::alignsLegsByInnerJoinOnOpenTime()
{
    CloseSeries x{QStringLiteral("ETHUSDT"), {1000, 2000, 3000, 5000}, {1, 2, 3, 5}};
    CloseSeries y{QStringLiteral("BTCUSDT"), {2000, 3000, 3000, 4000, 5000}, {20, 30, 31, 40, 50}};
    const AlignedPair p = alignOnOpenTime(x, y);
    QCOMPARE(p.timeMs, (std::vector<qint64>{2000, 3000, 5000}));
    QCOMPARE(p.x, (std::vector<double>{2, 3, 5}));
    QCOMPARE(p.y, (std::vector<double>{20, 31, 50})); // duplicate open time: the last one wins
}

void TestPairAnalyticsService::publishesFullAnalysisOfAlignedBars()
{
    auto d = test::btcEth1s();
    PairAnalyticsService service;
    QSignalSpy spy(&service, &PairAnalyticsService::analyticsReady);
    const CloseSeries x = series(QStringLiteral("ETHUSDT"), d[QStringLiteral("x")], 1723161256000, 50);
    const CloseSeries y = series(QStringLiteral("BTCUSDT"), d[QStringLiteral("y")]);
    service.setSeries(x, y);
    QVERIFY(spy.wait(10000));
    const auto a = spy.last().first().value<PairAnalytics>();
    QVERIFY(a.full);
    const AlignedPair aligned = alignOnOpenTime(x, y);
    QCOMPARE(a.bars, int(aligned.size()));
    QCOMPARE(a.fullBars, a.bars);
    QCOMPARE(a.symbolX, QStringLiteral("ETHUSDT"));
    const PairAnalysis direct = analyzePair(aligned);
    QCOMPARE(a.full->ols.beta, direct.ols.beta);
    QCOMPARE(a.full->theilSen.slope, direct.theilSen.slope);
    QCOMPARE(a.full->adfC.stat, direct.adfC.stat);
    QVERIFY(a.full->heavyComputed);
    QCOMPARE(a.live.zscore, direct.zscore.back());
    QCOMPARE(a.live.kalmanBeta, direct.kalmanBeta.back());
}

void TestPairAnalyticsService::coalescesRequestsLatestWins()
{
    std::vector<double> x, y;
    cycled(20000, x, y);
    PairAnalyticsService service;
    QSignalSpy spy(&service, &PairAnalyticsService::analyticsReady);
    for (int k = 0; k < 6; ++k) { // six histories in a row while the first job runs
        const std::size_t n = 5000 + std::size_t(k) * 3000;
        service.setSeries(series(QStringLiteral("X"), {x.begin(), x.begin() + std::ptrdiff_t(n)}),
                          series(QStringLiteral("Y"), {y.begin(), y.begin() + std::ptrdiff_t(n)}));
    }
    QTRY_VERIFY_WITH_TIMEOUT(!service.isBusy() && spy.count() >= 1, 20000);
    QVERIFY2(service.jobsStarted() <= 2, qPrintable(QString::number(service.jobsStarted())));
    const auto last = spy.last().first().value<PairAnalytics>();
    QCOMPARE(last.fullBars, 20000);
    for (const QList<QVariant> &args : spy) // nothing computed on an obsolete history was published
        QCOMPARE(args.first().value<PairAnalytics>().fullBars, 20000);
}

void TestPairAnalyticsService::appendedBarsUpdateLiveValuesLikeBatch()
{
    std::vector<double> x, y;
    cycled(3000, x, y);
    PairAnalyticsService service;
    service.setHeavyIntervalMs(60000); // no heavy rerun during the appends
    QSignalSpy spy(&service, &PairAnalyticsService::analyticsReady);
    service.setSeries(series(QStringLiteral("X"), {x.begin(), x.begin() + 2000}),
                      series(QStringLiteral("Y"), {y.begin(), y.begin() + 2000}));
    QVERIFY(spy.wait(10000));
    const auto first = spy.last().first().value<PairAnalytics>();
    QVERIFY(first.full);
    LivePairState reference(first.full->ols.alpha, first.full->ols.beta, 120);
    for (std::size_t t = 0; t < 2000; ++t)
        reference.push(x[t], y[t]);
    for (std::size_t t = 2000; t < 3000; ++t) {
        service.appendBar(1723161256000 + qint64(t) * 1000, x[t], y[t]);
        const auto expected = reference.push(x[t], y[t]);
        const auto got = spy.last().first().value<PairAnalytics>();
        QCOMPARE(got.bars, int(t) + 1);
        QCOMPARE(got.live.zscore, expected.zscore);
        QCOMPARE(got.live.corrLogReturn, expected.corrLogReturn);
        QCOMPARE(got.live.kalmanBeta, expected.kalmanBeta);
    }
    QCOMPARE(service.jobsStarted(), 1);
    service.requestFull(); // on demand
    QTRY_VERIFY_WITH_TIMEOUT(spy.last().first().value<PairAnalytics>().fullBars == 3000, 10000);
}

void TestPairAnalyticsService::cancelSuppressesResult()
{
    std::vector<double> x, y;
    cycled(100000, x, y);
    PairAnalyticsService service;
    QSignalSpy spy(&service, &PairAnalyticsService::analyticsReady);
    service.setSeries(series(QStringLiteral("X"), x), series(QStringLiteral("Y"), y));
    QVERIFY(service.isBusy());
    service.cancel();
    QTRY_VERIFY_WITH_TIMEOUT(!service.isBusy(), 20000);
    QCOMPARE(spy.count(), 0);
}

void TestPairAnalyticsService::reportsBadInput()
{
    PairAnalyticsService service;
    QSignalSpy failed(&service, &PairAnalyticsService::analysisFailed);
    const std::vector<double> flat(300, 2000.0), moving = [] {
        std::vector<double> v;
        for (int i = 0; i < 300; ++i)
            v.push_back(60000 + i % 17);
        return v;
    }();
    service.setSeries(series(QStringLiteral("X"), flat), series(QStringLiteral("Y"), moving));
    QVERIFY(failed.wait(10000));
    QVERIFY(failed.last().first().toString().contains(QLatin1String("constant")));
}

QTEST_GUILESS_MAIN(TestPairAnalyticsService)
#include "tst_pair_analytics_service.moc"
