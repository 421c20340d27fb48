#include "charts/candle_chart_view.h"
#include "main_window.h"
#include "pair_workspace.h"
#include "models/bar_model.h"
#include "models/recent_trades_model.h"
#include "models/ticker_model.h"

#include <QApplication>
#include <QFileInfo>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
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
    void workspaceSavesOpensAndRefusesBadFiles();
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // recent files and settings go to a test location
        QCoreApplication::setOrganizationName(QStringLiteral("PairLabTest"));
    }
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

void TestMainWindow::workspaceSavesOpensAndRefusesBadFiles()
{
    QTemporaryDir dir;
    MainWindowOptions o;
    o.autoConnect = false;
    o.databasePath = dir.filePath(QStringLiteral("live.sqlite"));
    o.demoDatabasePath = dir.filePath(QStringLiteral("demo.sqlite"));
    MainWindow w(o);
    w.show();
    QVERIFY(!w.isWindowModified());
    w.pairWorkspace()->setWindow(60);
    w.pairWorkspace()->setMethod(HedgeMethod::Kalman);
    w.pairWorkspace()->setEntryExit(2.5, 0.25);
    w.pairWorkspace()->setPair(QStringLiteral("ETHUSDT"), QStringLiteral("BTCUSDT"));
    w.showPairView();
    QVERIFY(w.isWindowModified()); // the title shows the unsaved marker
    const QString path = dir.filePath(QStringLiteral("mine.pairlab"));
    QString error;
    QVERIFY2(w.saveWorkspace(path, &error), qPrintable(error));
    QVERIFY(!w.isWindowModified());
    QVERIFY(w.windowTitle().startsWith(QLatin1String("mine.pairlab")));
    QCOMPARE(w.recentWorkspaces().value(0), QFileInfo(path).absoluteFilePath());

    MainWindow other(o);
    QVERIFY2(other.openWorkspace(path, &error, false), qPrintable(error));
    PairWorkspace *p = other.pairWorkspace();
    QCOMPARE(p->window(), 60);
    QCOMPARE(p->method(), HedgeMethod::Kalman);
    QCOMPARE(p->entryZ(), 2.5);
    QCOMPARE(p->exitZ(), 0.25);
    QCOMPARE(p->symbolY(), QStringLiteral("ETHUSDT"));
    QCOMPARE(p->symbolX(), QStringLiteral("BTCUSDT"));
    QCOMPARE(other.tabs()->currentWidget(), static_cast<QWidget *>(p));

    // A truncated file: a clear message, and the open workspace stays as it is.
    QFile bad(dir.filePath(QStringLiteral("bad.pairlab")));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    QFile good(path);
    QVERIFY(good.open(QIODevice::ReadOnly));
    bad.write(good.readAll().left(100));
    bad.close();
    QVERIFY(!other.openWorkspace(bad.fileName(), &error, false));
    QVERIFY2(error.contains(QLatin1String("not valid JSON")), qPrintable(error));
    QCOMPARE(p->window(), 60);
    QCOMPARE(other.workspacePath(), path);
}

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
