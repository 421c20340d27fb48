#include "analytics/pair_analytics_service.h"
#include "charts/time_series_chart_view.h"
#include "cli/ingest_bench.h"
#include "pair_workspace.h"

#include "test_util.h"

#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>

using namespace pairlab;

/** The pair workspace offscreen on real BTCUSDT/ETHUSDT 1 s bars: controls change what is computed, the
 *  charts show the analysis' own series, charts share zoom, and live bars are appended as both legs close. */
class TestPairWorkspace : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void showsAnalysisOfTheStoredPair();
    void methodAndSwapChangeWhatIsComputed();
    void zoomingOneChartZoomsAll();
    void appendsBarsClosedOnBothLegs();
    void exportsPairSeriesAndChartPng();

private:
    void waitForDisplay(PairWorkspace &w, QSignalSpy &spy, int count);
    QTemporaryDir m_dir;
    QString m_db;
};

void TestPairWorkspace::initTestCase()
{
    m_db = m_dir.filePath(QStringLiteral("pair.sqlite"));
    cli::IngestCounts c;
    QString error;
    QVERIFY2(cli::ingestRecordingFile(test::sharedData(QStringLiteral("real/binance_ws/binance_usdm_btc_eth_trade_combined_20240808_2358-0000.jsonl")),
                                      m_db, &c, &error),
             qPrintable(error));
    QCOMPARE(c.stored, 16821);
}

void TestPairWorkspace::waitForDisplay(PairWorkspace &, QSignalSpy &spy, int count)
{
    QTRY_VERIFY_WITH_TIMEOUT(spy.size() >= count, 20000);
}

void TestPairWorkspace::showsAnalysisOfTheStoredPair()
{
    PairWorkspace w;
    QSignalSpy shown(&w, &PairWorkspace::displayUpdated);
    w.resize(1200, 900);
    w.show();
    w.setWindow(30);
    w.setSymbols({QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")});
    w.setDatabase(m_db);
    waitForDisplay(w, shown, 1);
    QCOMPARE(w.symbolY(), QStringLiteral("BTCUSDT"));
    QCOMPARE(w.symbolX(), QStringLiteral("ETHUSDT"));
    const PairAnalytics &a = w.service()->latest();
    QVERIFY(a.full && a.full->ok());
    QCOMPARE(a.full->window, 30);
    const PairDisplay &d = w.display();
    QVERIFY(!d.empty());
    QCOMPARE(int(d.time->size()), a.full->n);
    QVERIFY(a.full->n > 100); // about two minutes of 1 s bars, the newest one still forming
    // The charted OLS spread is the analysis' own spread, bar for bar.
    QCOMPARE(d.spread->size(), a.full->spread.size());
    for (std::size_t i = 0; i < d.spread->size(); ++i)
        PAIRLAB_FUZZY_COMPARE((*d.spread)[i], a.full->spread[i], 1e-12, 1e-9);
    QTRY_VERIFY(w.zChart()->drawnPoints(0) > 10);
    QVERIFY(!w.verdict().isEmpty());
    QVERIFY(w.summaryText().contains(QLatin1String("Engle-Granger")));
}

void TestPairWorkspace::methodAndSwapChangeWhatIsComputed()
{
    PairWorkspace w;
    QSignalSpy shown(&w, &PairWorkspace::displayUpdated);
    w.show();
    w.setWindow(30);
    w.setSymbols({QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")});
    w.setDatabase(m_db);
    waitForDisplay(w, shown, 1);
    const double olsBeta = w.display().beta;
    QVERIFY(std::isfinite(olsBeta));

    w.setMethod(HedgeMethod::Kalman);
    waitForDisplay(w, shown, 2);
    QCOMPARE(w.display().method, HedgeMethod::Kalman);
    const auto &hedge = *w.display().hedge;
    QVERIFY(hedge.front() != hedge.back()); // beta_t moves
    w.setMethod(HedgeMethod::TheilSen);
    waitForDisplay(w, shown, 3);
    QCOMPARE(w.display().beta, w.service()->latest().full->theilSen.slope);

    const int before = int(shown.size());
    w.swapLegs();
    QCOMPARE(w.symbolY(), QStringLiteral("ETHUSDT"));
    waitForDisplay(w, shown, before + 1);
    QTRY_VERIFY_WITH_TIMEOUT(w.service()->latest().full && w.service()->latest().full->ols.beta < 1.0, 10000); // ETH ~ BTC
    QVERIFY(olsBeta > 1.0); // BTC ~ ETH
}

void TestPairWorkspace::zoomingOneChartZoomsAll()
{
    PairWorkspace w;
    QSignalSpy shown(&w, &PairWorkspace::displayUpdated);
    w.resize(1200, 900);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.setWindow(30);
    w.setSymbols({QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")});
    w.setDatabase(m_db);
    waitForDisplay(w, shown, 1);
    TimeSeriesChartView *spread = w.charts().at(1);
    spread->refreshNow();
    const qint64 span = spread->rangeTo() - spread->rangeFrom();
    QVERIFY(span > 60000);
    const QPointF centre = spread->rect().center();
    QWheelEvent wheel(centre, spread->mapToGlobal(centre), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(spread->viewport(), &wheel);
    QVERIFY(spread->rangeTo() - spread->rangeFrom() < span);
    QVERIFY(!spread->followsLive());
    for (TimeSeriesChartView *c : w.charts()) {
        QCOMPARE(c->rangeFrom(), spread->rangeFrom());
        QCOMPARE(c->rangeTo(), spread->rangeTo());
    }
    const QString readout = w.zChart()->readoutAt(spread->rangeFrom() + 30000);
    QVERIFY2(readout.contains(QLatin1String(" z ")), qPrintable(readout));
}

void TestPairWorkspace::appendsBarsClosedOnBothLegs()
{
    PairWorkspace w;
    QSignalSpy shown(&w, &PairWorkspace::displayUpdated);
    w.setWindow(30);
    w.setSymbols({QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")});
    w.setDatabase(m_db);
    waitForDisplay(w, shown, 1);
    const int bars = w.service()->latest().bars;
    // Three new seconds on both legs; a bar is closed once the next one starts.
    const qint64 t0 = w.display().time->back() + 10000;
    auto batch = std::make_shared<std::vector<BarUpdate>>();
    for (const char *sym : {"BTCUSDT", "ETHUSDT"}) {
        BarUpdate u{SymbolCode::fromText(sym), Interval::S1, {}};
        for (int k = 0; k < 3; ++k) {
            const double px = std::string_view(sym) == "BTCUSDT" ? 61800.0 + k : 2682.0 + k * 0.1;
            u.bars.push_back(Bar{t0 + k * 1000, px, px, px, px, 1.0, 1, 9000000000LL + k, 9000000000LL + k});
        }
        batch->push_back(u);
    }
    w.applyBatch(batch, 1);
    QCOMPARE(w.appendedBars(), 2); // the third bar is still forming
    QTRY_COMPARE_WITH_TIMEOUT(w.service()->latest().bars, bars + 2, 5000);
}

void TestPairWorkspace::exportsPairSeriesAndChartPng()
{
    PairWorkspace w;
    QSignalSpy shown(&w, &PairWorkspace::displayUpdated);
    w.resize(1000, 800);
    w.show();
    w.setWindow(30);
    w.setSymbols({QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")});
    w.setDatabase(m_db);
    waitForDisplay(w, shown, 1);
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("pair.csv"));
    QString error;
    QVERIFY2(exportPairSeriesCsv(w.display(), csv, &error), qPrintable(error));
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
    QCOMPARE(lines.first(), QByteArray("ts_ms,x,y,beta,spread,zscore,corr_price,corr_logret"));
    QCOMPARE(lines.size() - 1, int(w.display().time->size()));
    // Last row: the values read back exactly (round-trip precision); z is defined there.
    const QList<QByteArray> last = lines.last().split(',');
    QCOMPARE(last.size(), 8);
    QCOMPARE(last[0].toLongLong(), w.display().time->back());
    QCOMPARE(last[2].toDouble(), w.display().y->back());
    QCOMPARE(last[4].toDouble(), w.display().spread->back());
    QCOMPARE(last[5].toDouble(), w.display().zscore->back());
    // The first rows have no z yet: empty fields, not zeros.
    QVERIFY(lines[1].split(',')[5].isEmpty());
    const QString png = dir.filePath(QStringLiteral("z.png"));
    QVERIFY(w.zChart()->savePng(png));
    QImage img(png);
    QVERIFY(!img.isNull() && img.width() > 100);
}

QTEST_MAIN(TestPairWorkspace)
#include "tst_pair_workspace.moc"
