#include "charts/candle_chart_view.h"
#include "main_window.h"
#include "models/bar_model.h"
#include "models/recent_trades_model.h"
#include "models/ticker_model.h"

#include <QApplication>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace pairlab;

/** The main window offscreen: the demo recording flows through the local replay server, the feed, SQLite
 *  and the models into the chart; an unreachable endpoint is reported and the demo offered. */
class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void demoReplayFillsWatchlistTradesAndChart();
    void unreachableEndpointOffersTheDemo();
};

void TestMainWindow::demoReplayFillsWatchlistTradesAndChart()
{
    QTemporaryDir dir;
    MainWindowOptions o;
    o.demo = true;
    o.databasePath = dir.filePath(QStringLiteral("live.sqlite"));
    o.demoDatabasePath = dir.filePath(QStringLiteral("demo.sqlite"));
    MainWindow w(o);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QTRY_VERIFY_WITH_TIMEOUT(w.storedTicks() > 150, 20000);
    QVERIFY(w.isDemo());
    QVERIFY2(w.connectionText().contains(QLatin1String("Demo")), qPrintable(w.connectionText()));
    QCOMPARE(w.tickerModel()->rowCount(), 2);
    QVERIFY(w.tickerModel()->index(0, TickerModel::Last).data(Qt::EditRole).toDouble() > 1000);
    QVERIFY(w.tradesModel()->rowCount() > 100);
    QTRY_VERIFY_WITH_TIMEOUT(w.barModel()->rowCount() >= 2, 10000);
    QCOMPARE(w.barModel()->symbol(), QStringLiteral("BTCUSDT"));
    QCOMPARE(w.secondLegModel()->symbol(), QStringLiteral("ETHUSDT")); // both legs charted
    QTRY_VERIFY_WITH_TIMEOUT(w.secondLegModel()->rowCount() >= 2, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(w.chartView()->drawnCandles() >= 2, 5000);

    // Switching the interval reloads the series from the database.
    w.setInterval(QStringLiteral("1m"));
    QTRY_VERIFY_WITH_TIMEOUT(!w.barModel()->isLoading(), 5000);
    QCOMPARE(w.barModel()->interval(), Interval::M1);
    QVERIFY(w.barModel()->rowCount() >= 1);
    w.setSymbol(QStringLiteral("ETHUSDT"));
    QTRY_VERIFY_WITH_TIMEOUT(!w.barModel()->isLoading() && w.barModel()->rowCount() >= 1, 5000);
    QVERIFY(w.barModel()->bars().back().close < 10000); // ETH, not BTC
}

void TestMainWindow::unreachableEndpointOffersTheDemo()
{
    QTemporaryDir dir;
    MainWindowOptions o;
    o.databasePath = dir.filePath(QStringLiteral("live.sqlite"));
    o.demoDatabasePath = dir.filePath(QStringLiteral("demo.sqlite"));
    o.feed.endpoint = QUrl(QStringLiteral("ws://127.0.0.1:1")); // nothing listens there
    o.noDataHintSeconds = 1;
    MainWindow w(o);
    w.show();
    QTRY_VERIFY_WITH_TIMEOUT(w.isOfferingDemo(), 10000);
    QVERIFY2(w.connectionText().contains(QLatin1String("Disconnected")) ||
                 w.connectionText().contains(QLatin1String("Connecting")),
             qPrintable(w.connectionText()));
    // One click to the demo.
    QPushButton *demo = nullptr;
    for (QPushButton *b : w.findChildren<QPushButton *>())
        if (b->text().contains(QLatin1String("demo")))
            demo = b;
    QVERIFY(demo);
    QTest::mouseClick(demo, Qt::LeftButton);
    QVERIFY(w.isDemo());
    QTRY_VERIFY_WITH_TIMEOUT(w.storedTicks() > 10, 20000);
    QVERIFY(!w.isOfferingDemo());
}

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
