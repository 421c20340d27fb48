#include "analytics/johansen.h"
#include "analytics/pair_analytics_service.h"
#include "basket_view.h"
#include "charts/scan_scatter_view.h"
#include "charts/time_series_chart_view.h"
#include "controllers/basket_controller.h"
#include "io/csv_import.h"
#include "market/binance_trade_parser.h"
#include "models/leg_stats_model.h"
#include "models/universe.h"
#include "pair_workspace.h"
#include "session/recording_ingest.h"
#include "storage/tick_writer.h"

#include "test_util.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QTableView>
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
    void scanMapDrawsTheSmallestPValuesAndOpensAPair();
    void showsAnalysisOfTheStoredPair();
    void methodAndSwapChangeWhatIsComputed();
    void zoomingOneChartZoomsAll();
    void appendsBarsClosedOnBothLegs();
    void exportsPairSeriesAndChartPng();
    void heatmapAndScannerCoverTheUniverseAndSelectPairs();
    void statisticsTableHasEveryScopeAndLeg();
    void analysesAnImportedDataset();
    void newRequestShowsItsStateNotTheOldResult();
    void spreadOfABasket();

private:
    void waitForDisplay(PairWorkspace &w, QSignalSpy &spy, int count);
    QTemporaryDir m_dir;
    QString m_db;
};

void TestPairWorkspace::initTestCase()
{
    m_db = m_dir.filePath(QStringLiteral("pair.sqlite"));
    IngestCounts c;
    QString error;
    QVERIFY2(ingestRecordingFile(
                 test::sharedData(QStringLiteral(
                     "real/binance_ws/binance_usdm_btc_eth_trade_combined_20240808_2358-0000.jsonl")),
                 m_db, &c, &error),
             qPrintable(error));
    QCOMPARE(c.stored, 16821);
    // Spot trades of the same minutes as two more symbols (BTCSPOT, ETHSPOT): a real four-symbol universe.
    std::vector<Tick> spot;
    {
        QFile f(test::sharedData(
            QStringLiteral("real/binance_ws/binance_spot_btc_eth_trade_combined_20240808.jsonl")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        BinanceTradeParser p;
        while (!f.atEnd()) {
            const QByteArray line = f.readLine().trimmed();
            Tick t;
            if (p.parse({line.constData(), std::size_t(line.size())}, t) == FrameKind::Trade) {
                t.symbol = SymbolCode::fromText(t.symbol.view() == "BTCUSDT" ? "BTCSPOT" : "ETHSPOT");
                spot.push_back(t);
            }
        }
    }
    TickWriter w(m_db);
    QVERIFY(w.open(&error));
    WriteStats st;
    QVERIFY(w.write(spot, &st, &error));
    QCOMPARE(st.stored, 15863);
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
    QTRY_VERIFY_WITH_TIMEOUT(w.service()->latest().full && w.service()->latest().full->ols.beta < 1.0,
                             10000); // ETH ~ BTC
    QVERIFY(olsBeta > 1.0);          // BTC ~ ETH
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
    QWheelEvent wheel(centre, spread->mapToGlobal(centre), QPoint(), QPoint(0, 120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
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

void TestPairWorkspace::heatmapAndScannerCoverTheUniverseAndSelectPairs()
{
    PairWorkspace w;
    QSignalSpy shown(&w, &PairWorkspace::displayUpdated);
    QSignalSpy universe(&w, &PairWorkspace::universeUpdated);
    w.resize(1300, 900);
    w.show();
    w.setWindow(30);
    w.setSymbols({QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")});
    w.setDatabase(m_db);
    waitForDisplay(w, shown, 1);
    w.setUniverse({QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT"), QStringLiteral("BTCSPOT"),
                   QStringLiteral("ethspot")});
    QTRY_VERIFY_WITH_TIMEOUT(w.correlationModel()->rowCount() == 4, 20000);
    QAbstractItemModelTester t1(w.correlationModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t2(w.scannerModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(w.scannerModel()->rowCount(), 6); // 4 symbols -> 6 pairs
    auto *m = w.correlationModel();
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(m->index(i, i).data(CorrelationMatrixModel::ValueRole).toDouble(), 1.0);
        for (int j = 0; j < 4; ++j)
            QCOMPARE(m->index(i, j).data(CorrelationMatrixModel::ValueRole).toDouble(),
                     m->index(j, i).data(CorrelationMatrixModel::ValueRole).toDouble());
    }
    // The heatmap is in clustered order: find a symbol's row by its header.
    auto at = [m](const QString &symbol) {
        for (int i = 0; i < m->rowCount(); ++i)
            if (m->headerData(i, Qt::Vertical).toString() == symbol)
                return i;
        return -1;
    };
    const int btc = at(QStringLiteral("BTCUSDT")), btcSpot = at(QStringLiteral("BTCSPOT")),
              eth = at(QStringLiteral("ETHUSDT"));
    QVERIFY(btc >= 0 && btcSpot >= 0 && eth >= 0);
    // Spot and futures of the same coin move together: their 1 s returns correlate strongly, and the
    // clustering puts them side by side.
    QVERIFY(m->index(btc, btcSpot).data(CorrelationMatrixModel::ValueRole).toDouble() > 0.5);
    QCOMPARE(std::abs(btc - btcSpot), 1);
    // Every scanner row has numbers, and its hedge ratio is the OLS of that pair.
    int mapped = 0, candidates = 0;
    for (const ScanRow &r : w.scannerModel()->rows()) {
        QVERIFY2(r.bars > 30, qPrintable(r.y + r.x));
        QVERIFY(std::isfinite(r.beta) && std::isfinite(r.cointP) && std::isfinite(r.corrReturns));
        if (std::isfinite(r.bestCointP()) && r.halfLife > 0) {
            ++mapped;
            candidates += w.scannerModel()->filter().accepts(r) ? 1 : 0;
        }
    }
    // The basis line names the bars behind the columns: the scan's bar length, look-back and newest bar.
    const auto *basis = w.findChild<QLabel *>(QStringLiteral("scanBasis"));
    QVERIFY(basis);
    QVERIFY2(basis->text().contains(QStringLiteral("the newest 5,000 1s bars")) &&
                 basis->text().contains(QStringLiteral("2024-08-09 00:00:")) &&
                 basis->text().contains(QStringLiteral("z over 30 bars")),
             qPrintable(basis->text()));
    // The map shows every pair with a p-value and a half-life, the candidates apart.
    QCOMPARE(w.scannerScatter()->pointCount(), mapped);
    QCOMPARE(w.scannerScatter()->candidatePoints(), candidates);
    // Clicking a heatmap cell makes that pair the active pair.
    const QModelIndex cell = m->index(btcSpot, eth); // BTCSPOT ~ ETHUSDT
    QTest::mouseClick(w.heatmapView()->viewport(), Qt::LeftButton, {},
                      w.heatmapView()->visualRect(cell).center());
    QCOMPARE(w.symbolY(), QStringLiteral("BTCSPOT"));
    QCOMPARE(w.symbolX(), QStringLiteral("ETHUSDT"));
    // Clicking a scanner row does too.
    QTableView *scanner = w.scannerView();
    const QModelIndex row = scanner->model()->index(0, 0);
    QTest::mouseClick(scanner->viewport(), Qt::LeftButton, {}, scanner->visualRect(row).center());
    QCOMPARE(w.symbolY(), row.data(PairScannerModel::SymbolYRole).toString());
    QCOMPARE(w.symbolX(), row.data(PairScannerModel::SymbolXRole).toString());
    const QByteArray csv = w.correlationModel()->toCsv();
    QVERIFY(csv.startsWith("symbol,BTCUSDT,ETHUSDT,BTCSPOT,ETHSPOT\nBTCUSDT,1,"));
}

void TestPairWorkspace::statisticsTableHasEveryScopeAndLeg()
{
    PairWorkspace w;
    QSignalSpy shown(&w, &PairWorkspace::displayUpdated);
    QSignalSpy stats(&w, &PairWorkspace::statsUpdated);
    w.show();
    w.setWindow(30);
    w.setSymbols({QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")});
    w.setDatabase(m_db);
    waitForDisplay(w, shown, 1);
    QTRY_VERIFY_WITH_TIMEOUT(stats.size() >= 1, 10000);
    LegStatsModel *m = w.statsModel();
    QAbstractItemModelTester tester(m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(m->rowCount(), 3 * 4); // analysed, visible, last window × (Y, X) × (prices, returns)
    // The analysed-range row equals the analysis' own statistics.
    const PairAnalysis &a = *w.service()->latest().full;
    QCOMPARE(m->index(0, LegStatsModel::Mean).data(Qt::EditRole).toDouble(), a.statsY.levels.mean);
    QCOMPARE(m->index(1, LegStatsModel::AnnualisedVol).data(Qt::EditRole).toDouble(), a.statsY.annualisedVol);
    QCOMPARE(m->index(3, LegStatsModel::Std).data(Qt::EditRole).toDouble(), a.statsX.returns.std);
    // Last-window scope: the std of the last 30 prices of Y, computed here independently (ddof 1).
    const auto &y = *w.display().y;
    double mean = 0;
    for (std::size_t i = y.size() - 30; i < y.size(); ++i)
        mean += y[i] / 30.0;
    double ss = 0;
    for (std::size_t i = y.size() - 30; i < y.size(); ++i)
        ss += (y[i] - mean) * (y[i] - mean);
    PAIRLAB_FUZZY_COMPARE(m->index(8, LegStatsModel::Std).data(Qt::EditRole).toDouble(), std::sqrt(ss / 29.0),
                          1e-9, 0);
    QVERIFY(m->toCsv().startsWith("range,leg,series,mean,std,"));
}

void TestPairWorkspace::analysesAnImportedDataset()
{
    // Chan's EWA/EWC pair, daily closes, imported as a dataset: the views switch from live to it.
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("ds.sqlite"));
    {
        TickWriter create(db); // creates the schema
        QString error;
        QVERIFY(create.open(&error));
    }
    ImportOptions options;
    options.dataset = QStringLiteral("ewa-ewc");
    const ImportResult imported =
        importCsv(test::sharedData(QStringLiteral("real/pairs/arbitragelab_EWA_EWC_from_Country_ETF.csv")),
                  db, options);
    QVERIFY2(imported.ok, qPrintable(imported.error.message));
    PairWorkspace w;
    QSignalSpy shown(&w, &PairWorkspace::displayUpdated);
    w.setWindow(20);
    w.setSymbols({QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")});
    w.setDatabase(db);
    QTRY_VERIFY_WITH_TIMEOUT(w.sources().contains(QStringLiteral("upload:ewa-ewc")), 10000);
    w.setSource(QStringLiteral("upload:ewa-ewc"));
    QCOMPARE(w.intervalSeconds(), 86400);
    QCOMPARE(w.symbolY(), QStringLiteral("EWA"));
    QCOMPARE(w.symbolX(), QStringLiteral("EWC"));
    w.swapLegs(); // EWC ~ EWA, as in Chan's example
    QTRY_VERIFY_WITH_TIMEOUT(w.service()->latest().full && w.service()->latest().full->n == 1324 &&
                                 w.symbolY() == QLatin1String("EWC"),
                             20000);
    const PairAnalysis &a = *w.service()->latest().full;
    QVERIFY(a.ok());
    QVERIFY(a.ols.beta > 0.5 && a.ols.beta < 2.0);
    // Back to live: the live symbols return.
    w.setSource(QStringLiteral("live"));
    QCOMPARE(w.symbolY(), QStringLiteral("BTCUSDT"));
    QCOMPARE(w.intervalSeconds(), 1);
}

void TestPairWorkspace::newRequestShowsItsStateNotTheOldResult()
{
    // 1 s analysed with window 60, then 1 m: two minutes of trades hold only a few 1 m bars. The charts and
    // the summary drop the 1 s result at once and say what the 1 m request waits for.
    PairWorkspace w;
    QSignalSpy shown(&w, &PairWorkspace::displayUpdated);
    w.resize(1200, 900);
    w.show();
    w.setWindow(60);
    w.setSymbols({QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")});
    w.setDatabase(m_db);
    waitForDisplay(w, shown, 1);
    QVERIFY2(w.summaryText().contains(QStringLiteral("bars of 1s · window 60")), qPrintable(w.summaryText()));
    QTRY_VERIFY(w.zChart()->drawnPoints(0) > 10);
    const int before = int(shown.size());
    w.setIntervalSeconds(60);
    QVERIFY(w.display().empty());
    QVERIFY(w.verdict().isEmpty());
    QVERIFY(!w.summaryText().contains(QLatin1String("Engle-Granger")));
    QTRY_COMPARE(w.zChart()->drawnPoints(0), 0);
    QTRY_VERIFY_WITH_TIMEOUT(w.summaryText().contains(QLatin1String("waiting for data")), 10000);
    QVERIFY2(w.summaryText().contains(QLatin1String("of 60 1m bars")), qPrintable(w.summaryText()));
    QCOMPARE(int(shown.size()), before);
    // Back to 1 s with window 30: what is shown next is window 30's result, labelled as such.
    w.setIntervalSeconds(1);
    w.setWindow(30);
    waitForDisplay(w, shown, before + 1);
    QVERIFY2(w.summaryText().contains(QStringLiteral("bars of 1s · window 30")), qPrintable(w.summaryText()));
    QCOMPARE(w.service()->latest().full->window, 30);
    QVERIFY(!w.verdict().isEmpty());
}

void TestPairWorkspace::scanMapDrawsTheSmallestPValuesAndOpensAPair()
{
    // 5,000 pairs: the 3,000 of the smallest p are drawn (a chart point is a scene item), the title says so,
    // and a click on a point chooses its pair.
    std::vector<ScanRow> rows;
    for (int i = 0; i < 5000; ++i) {
        ScanRow r;
        r.y = QStringLiteral("Y%1").arg(i);
        r.x = QStringLiteral("X%1").arg(i);
        r.bars = 1000;
        r.cointP = (i + 0.5) / 5000.0;
        r.cointPReverse = std::nan("");
        r.halfLife = 2.0 + i % 200;
        r.hurst = 0.3;
        r.crossingsPer1000 = 50;
        rows.push_back(r);
    }
    rows[10].halfLife = std::nan(""); // no half-life: not on the map
    ScanScatterView view;
    view.resize(600, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setRows(rows, ScanFilter{});
    QCOMPARE(view.pointCount(), ScanScatterView::MaxPoints);
    // candidates: p <= 0.05 (the first 250 rows, one without a half-life) and half-life <= 250
    QCOMPARE(view.candidatePoints(), 249);
    QVERIFY2(view.chart()->title().endsWith(
                 QStringLiteral("%1 of %2").arg(QLocale().toString(3000), QLocale().toString(4999))),
             qPrintable(view.chart()->title()));
    QVERIFY(view.toolTip().contains(QLatin1String("smallest p")));
    QSignalSpy chosen(&view, &ScanScatterView::pairChosen);
    auto *series = qobject_cast<QScatterSeries *>(view.chart()->series().at(1)); // the candidates
    QVERIFY(series && series->count() == 249);
    const QPointF target = series->at(100);
    const QPoint at = view.mapFromScene(view.chart()->mapToPosition(target, series));
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, at);
    QTRY_COMPARE(chosen.size(), 1);
    const QString y = chosen.at(0).at(0).toString();
    const int i = y.mid(1).toInt();
    QCOMPARE(chosen.at(0).at(1).toString(), QStringLiteral("X%1").arg(i));
    QVERIFY2(std::fabs(rows[std::size_t(i)].cointP - target.x()) < 0.01, qPrintable(y));
}

void TestPairWorkspace::spreadOfABasket()
{
    // USD-M BTC and ETH with spot BTC, 1 s bars of the same minutes: a three-leg basket on the live bars.
    PairWorkspace w;
    w.resize(1280, 720);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.setDatabase(m_db);
    w.setIntervalSeconds(1);
    w.setWindow(30);
    w.setEntryExit(1.5, 0.25);
    QSignalSpy changed(&w, &PairWorkspace::settingsChanged);
    w.setMode(QStringLiteral("basket"));
    QCOMPARE(w.mode(), QStringLiteral("basket"));
    QVERIFY(changed.count() >= 1);
    // The pair's own controls step aside; the shared ones stay.
    const auto labelled = [&](const QString &text) {
        for (QLabel *l : w.findChildren<QLabel *>())
            if (l->text() == text)
                return l;
        return static_cast<QLabel *>(nullptr);
    };
    QVERIFY(labelled(QStringLiteral("&Y:")) && !labelled(QStringLiteral("&Y:"))->isVisible());
    QVERIFY(labelled(QStringLiteral("&Window:"))->isVisible());
    QVERIFY(w.basketView()->isVisible());

    BasketView *v = w.basketView();
    BasketController *c = v->controller();
    const QStringList symbols = {QStringLiteral("BTCUSDT"), QStringLiteral("BTCSPOT"),
                                 QStringLiteral("ETHUSDT")};
    Basket legs;
    legs.symbols = symbols;
    v->setBasket(legs);
    QVERIFY(QTest::qWaitFor(
        [&] { return c->result().johansen != nullptr && c->result().request.basket == legs; }, 30000));
    QVERIFY2(v->statusText().contains(QLatin1String("Johansen")), qPrintable(v->statusText()));
    QSignalSpy shown(v, &BasketView::resultShown);
    v->useJohansenWeights();
    QVERIFY(shown.wait(30000) || shown.count() > 0);
    QCOMPARE(c->state().kind, BasketState::Kind::Ready);
    const BasketResult &r = c->result();
    QCOMPARE(r.request.window, 30);
    QCOMPARE(r.request.intervalSeconds, 1);
    QCOMPARE(r.request.entry, 1.5);
    QCOMPARE(v->basket().weights.front(), 1.0);
    QCOMPARE(v->basket().weights, basketFromJohansen(*r.johansen, symbols, 0).weights);
    // The summary is the engine's numbers for exactly this basket.
    const QString summary = v->summaryText();
    QVERIFY2(summary.contains(v->basket().formula().toHtmlEscaped()), qPrintable(summary));
    QVERIFY2(summary.contains(QLocale().toString(r.analysis->adfC.stat, 'g', 4)), qPrintable(summary));
    QVERIFY2(summary.contains(QLocale().toString(r.analysis->n)), qPrintable(summary));
    // Minutes of data: the backtest's Sharpe is not annualised, and the line says so.
    QVERIFY2(summary.contains(QLatin1String("per bar")) || summary.contains(QLatin1String("n/a")),
             qPrintable(summary));
    QVERIFY(QTest::qWaitFor(
        [&] { return v->spreadChart()->drawnPoints(0) > 0 && v->zChart()->drawnPoints(0) > 0; }, 5000));

    // Weights typed by hand: a bad one is named and changes nothing.
    const Basket before = v->basket();
    auto *weights = v->findChildren<QLineEdit *>().at(1);
    weights->setText(QStringLiteral("1, x, 2"));
    Q_EMIT weights->editingFinished();
    QVERIFY2(v->statusText().contains(QLatin1String("Weight 2")), qPrintable(v->statusText()));
    QVERIFY(v->basket() == before);

    w.setMode(QStringLiteral("pair"));
    QVERIFY(labelled(QStringLiteral("&Y:"))->isVisible());
    QVERIFY(!w.basketView()->isVisible());
}

QTEST_MAIN(TestPairWorkspace)
#include "tst_pair_workspace.moc"
