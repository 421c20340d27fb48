#include "alerts/alert_rule.h"
#include "alerts_panel.h"
#include "api/api_server.h"
#include "api/api_token.h"
#include "charts/candle_chart_view.h"
#include "charts/time_series_chart_view.h"
#include "main_window.h"
#include "market/replay_server.h"
#include "market_view.h"
#include "models/alert_models.h"
#include "models/bar_model.h"
#include "models/recent_trades_model.h"
#include "models/ticker_model.h"
#include "pair_workspace.h"
#include "settings/app_settings.h"
#include "storage/database.h"
#include "storage/quote_store.h"
#include "test_util.h"

#include <QApplication>
#include <QDockWidget>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocumentFragment>
#include <QWebSocket>
#include <QWheelEvent>

using namespace pairlab;

namespace {
/** A window's databases in a temporary folder (`sub/` inside it when given); offline unless asked. */
MainWindowOptions optionsIn(const QTemporaryDir &dir, const QString &sub = QString(), bool connect = false)
{
    MainWindowOptions o;
    o.autoConnect = connect;
    o.databasePath = dir.filePath(sub + QStringLiteral("live.sqlite"));
    o.demoDatabasePath = dir.filePath(sub + QStringLiteral("demo.sqlite"));
    return o;
}
} // namespace

/** The main window offscreen: the demo recording flows through the local replay server, the feed, SQLite
 *  and the models into the chart; an unreachable endpoint is reported and the demo offered. */
class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void demoReplayFillsWatchlistTradesAndChart();
    void unreachableEndpointOffersTheDemo();
    void workspaceSavesOpensAndRefusesBadFiles();
    void workspaceCarriesAlertRulesAndSaysWhatItCannotRestore();
    void fitsALaptopScreen();
    void marketTabChartsTheQuotedSpread();
    void universeSymbolsJoinTheFeed();
    void addedSymbolsJoinTheRunningLiveFeed();
    void localApiServesWhatTheWindowShows();
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // recent files and settings go to a test location
        QCoreApplication::setOrganizationName(QStringLiteral("PairLabTest"));
    }
};

void TestMainWindow::demoReplayFillsWatchlistTradesAndChart()
{
    QTemporaryDir dir;
    MainWindowOptions o = optionsIn(dir, QString(), true);
    o.demo = true;
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
    // The chart names its symbol and bar length, reads a candle's OHLCV under the pointer, tags the last
    // price and scales the volume.
    w.chartView()->refreshNow();
    QVERIFY2(w.chartView()->chart()->title().startsWith(QStringLiteral("BTCUSDT · 1s")),
             qPrintable(w.chartView()->chart()->title()));
    const Bar first = w.barModel()->bars().front();
    const QString readout = w.chartView()->readoutAt(first.openMs);
    QVERIFY2(readout.contains(QStringLiteral("O %1").arg(QLocale().toString(first.open, 'f', 2))) &&
                 readout.contains(QStringLiteral("C %1").arg(QLocale().toString(first.close, 'f', 2))),
             qPrintable(readout));
    QVERIFY(w.chartView()->readoutAt(first.openMs - 3600000).isEmpty());
    QCOMPARE(w.chartView()->lastPriceText(), QLocale().toString(w.barModel()->bars().back().close, 'f', 2));
    QVERIFY2(w.chartView()->volumeScaleText().startsWith(QLatin1String("vol ")) &&
                 !w.chartView()->volumeScaleText().contains(QLatin1String("e+")),
             qPrintable(w.chartView()->volumeScaleText()));

    // Both legs' candle charts share one time axis: a wheel zoom on the first moves the second; End brings
    // both back to the live edge.
    const QList<CandleChartView *> candleViews = w.findChildren<CandleChartView *>();
    QCOMPARE(candleViews.size(), 2);
    CandleChartView *a = w.chartView(), *b = candleViews.at(0) == a ? candleViews.at(1) : candleViews.at(0);
    QTRY_VERIFY_WITH_TIMEOUT(b->drawnCandles() >= 2, 5000);
    // Enough bars that a zoom in is not already the closest zoom (ten bars).
    QTRY_VERIFY_WITH_TIMEOUT(a->extent().second - a->extent().first > 30000, 30000);
    a->refreshNow();
    QVERIFY(a->followsLive() && b->followsLive());
    QCOMPARE(a->rangeTo(), a->extent().second); // the live edge: the end of the newest bar
    const qint64 span = a->rangeTo() - a->rangeFrom();
    const QPointF centre = a->rect().center();
    QWheelEvent wheel(centre, a->mapToGlobal(centre), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(a->viewport(), &wheel);
    QVERIFY(a->rangeTo() - a->rangeFrom() < span);
    QVERIFY(!a->followsLive() && !b->followsLive());
    QCOMPARE(b->rangeFrom(), a->rangeFrom());
    QCOMPARE(b->rangeTo(), a->rangeTo());
    b->refreshNow(); // the second leg draws the bars of that range, and only those
    QVERIFY(b->drawnCandles() >= 1);
    QVERIFY(b->visibleBars() < int(span / 1000));
    // Zoomed away from the live edge, the price tag still says the newest close (not the last visible one).
    a->refreshNow();
    QCOMPARE(a->lastPriceText(), QLocale().toString(w.barModel()->bars().back().close, 'f', 2));
    a->setFocus();
    QTest::keyClick(a, Qt::Key_End);
    QVERIFY(a->followsLive() && b->followsLive());

    // The demo carries the legs' real bid/ask quotes: a band under each leg's candles, and the crosshair
    // reads a bar's closing bid and ask as stored.
    QTRY_VERIFY_WITH_TIMEOUT((a->refreshNow(), a->drawnBandBars() > 0), 20000);
    QTRY_VERIFY_WITH_TIMEOUT((b->refreshNow(), b->drawnBandBars() > 0), 20000);
    // Bars more than 5 s older than the newest stored are final; the band read after them holds them.
    std::vector<QuoteBar> quotes;
    QString error;
    const auto readQuotes = [&] {
        Database::withReader(
            o.demoDatabasePath,
            [&](QSqlDatabase &conn) {
                quotes = QuoteStore::load(conn, QStringLiteral("BTCUSDT"), Interval::S1);
            },
            &error);
        return quotes.size() >= 2 && quotes.back().openMs - quotes.front().openMs >= 10000;
    };
    QTRY_VERIFY_WITH_TIMEOUT(readQuotes(), 30000); // quotes flow from the pair's subscription on
    const qint64 finalBefore = quotes.back().openMs - 5000;
    QSignalSpy quotesRead(w.marketView(), &MarketView::quotesLoaded);
    w.marketView()->reloadQuotes();
    QVERIFY(quotesRead.wait(10000));
    a->refreshNow();
    int checked = 0;
    for (auto q = quotes.rbegin(); q != quotes.rend() && checked < 3; ++q) {
        if (q->openMs >= finalBefore)
            continue;
        const std::vector<Bar> &bars = w.barModel()->bars();
        if (std::none_of(bars.begin(), bars.end(), [&](const Bar &bar) { return bar.openMs == q->openMs; }))
            continue; // no trade in that second: no candle
        const QString text = a->readoutAt(q->openMs);
        if (text.isEmpty())
            continue; // outside the range drawn
        QVERIFY2(q->bidClose <= q->askClose, qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("bid %1  ask %2")
                                   .arg(QLocale().toString(q->bidClose, 'f', 2),
                                        QLocale().toString(q->askClose, 'f', 2))),
                 qPrintable(text));
        ++checked;
    }
    QVERIFY(checked > 0);
    // Following live, the second leg and the quoted spread show the first leg's range, to the millisecond.
    a->refreshNow();
    TimeSeriesChartView *spread = w.marketView()->spreadChart();
    for (TimeChartView *v : std::initializer_list<TimeChartView *>{b, spread}) {
        v->refreshNow();
        QVERIFY(v->followsLive());
        QCOMPARE(v->rangeFrom(), a->rangeFrom());
        QCOMPARE(v->rangeTo(), a->rangeTo());
    }

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
    MainWindowOptions o = optionsIn(dir, QString(), true);
    o.feed.endpoint = QUrl(QStringLiteral("ws://127.0.0.1:1")); // nothing listens there
    o.noDataHintSeconds = 1;
    MainWindow w(o);
    w.show();
    QTRY_VERIFY_WITH_TIMEOUT(w.isOfferingDemo(), 10000);
    QVERIFY2(w.connectionText().contains(QLatin1String("Disconnected")) ||
                 w.connectionText().contains(QLatin1String("Connecting")),
             qPrintable(w.connectionText()));
    // The banner and the status bar tell the same feed state (cause, reconnect delay) at every change.
    const auto status = [&w] {
        return QTextDocumentFragment::fromHtml(w.connectionText())
            .toPlainText()
            .section(QChar(0x25CF), 1)
            .trimmed();
    };
    QVERIFY2(w.bannerText().contains(status()), qPrintable(w.bannerText() + QLatin1String(" | ") + status()));
    const QString first = status();
    QTRY_VERIFY_WITH_TIMEOUT(status() != first, 10000); // the next reconnect attempt
    QVERIFY2(w.bannerText().contains(status()), qPrintable(w.bannerText() + QLatin1String(" | ") + status()));
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
    const MainWindowOptions o = optionsIn(dir);
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

void TestMainWindow::workspaceCarriesAlertRulesAndSaysWhatItCannotRestore()
{
    // Once, a workspace saved with a rule held "alerts": [], and one whose source was a dataset opened on
    // live bars without a word.
    QTemporaryDir dir;
    const MainWindowOptions o = optionsIn(dir, QStringLiteral("a/"));
    MainWindow w(o);
    w.show();
    AlertRule rule;
    rule.name = QStringLiteral("wide");
    rule.pair = QStringLiteral("ETHUSDT/BTCUSDT");
    rule.expression = QStringLiteral("abs(z) > 2.5 && corr > 0.8");
    rule.cooldownS = 30;
    w.alertsPanel()->saveRule(rule);
    QTRY_COMPARE_WITH_TIMEOUT(w.alertsPanel()->rulesModel()->rowCount(), 1, 10000);
    const QString path = dir.filePath(QStringLiteral("rules.pairlab"));
    QString error;
    QVERIFY2(w.saveWorkspace(path, &error), qPrintable(error));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QJsonObject json = QJsonDocument::fromJson(f.readAll()).object();
    f.close();
    const QJsonArray alerts = json.value(QLatin1String("alerts")).toArray();
    QCOMPARE(alerts.size(), 1);
    QCOMPARE(alerts.at(0).toObject().value(QLatin1String("expression")).toString(), rule.expression);
    QCOMPARE(alerts.at(0).toObject().value(QLatin1String("cooldown_s")).toDouble(), 30.0);

    // The same file names a dataset the other database does not have.
    QJsonObject pair = json.value(QLatin1String("pair")).toObject();
    pair.insert(QStringLiteral("source"), QStringLiteral("upload:BTCUSDT-1m-2020-01-01"));
    json.insert(QStringLiteral("pair"), pair);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(QJsonDocument(json).toJson());
    f.close();

    const MainWindowOptions o2 = optionsIn(dir, QStringLiteral("b/"));
    MainWindow other(o2);
    other.show();
    other.pairWorkspace()->setDatabase(o2.databasePath);
    QVERIFY2(other.openWorkspace(path, &error, false), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(other.alertsPanel()->rulesModel()->rowCount(), 1, 10000);
    const AlertRule back = other.alertsPanel()->rulesModel()->rules().at(0);
    QVERIFY(sameAlertRule(back, rule));
    QCOMPARE(back.cooldownS, 30.0);
    QTRY_VERIFY_WITH_TIMEOUT(
        other.statusBar()->currentMessage().contains(QLatin1String("BTCUSDT-1m-2020-01-01")), 10000);
    QVERIFY2(other.statusBar()->currentMessage().contains(QLatin1String("live bars instead")),
             qPrintable(other.statusBar()->currentMessage()));
    // Opening it again adds no second copy of the rule.
    QVERIFY2(other.openWorkspace(path, &error, false), qPrintable(error));
    QTest::qWait(300);
    QCOMPARE(other.alertsPanel()->rulesModel()->rowCount(), 1);
}

void TestMainWindow::universeSymbolsJoinTheFeed()
{
    // The universe picker's "also stream them live": the symbols join the feed the window runs and the saved
    // feed (each once), the views list them; asking again for the same symbols changes nothing.
    QTemporaryDir dir;
    MainWindow w(optionsIn(dir));
    QSettings().remove(QStringLiteral("feed/symbols"));
    const QStringList running = w.tickerModel()->symbols();
    const QStringList saved = AppSettings::load(QSettings()).feed.symbols;
    const QStringList added{QStringLiteral("SOLUSDT"), QStringLiteral("1000PEPEUSDT")};
    w.streamSymbols({added[0], running.value(0), added[1]});
    QCOMPARE(w.tickerModel()->symbols(), running + added);
    QStringList savedAfter = saved;
    for (const QString &s : {added[0], running.value(0), added[1]})
        if (!savedAfter.contains(s))
            savedAfter << s;
    QCOMPARE(AppSettings::load(QSettings()).feed.symbols, savedAfter);
    QVERIFY2(w.statusBar()->currentMessage().startsWith(QLatin1String("2 more symbols join the feed")),
             qPrintable(w.statusBar()->currentMessage()));
    w.statusBar()->clearMessage();
    w.streamSymbols({QStringLiteral("SOLUSDT")});
    QCOMPARE(w.tickerModel()->symbols(), running + added);
    QVERIFY(w.statusBar()->currentMessage().isEmpty());
    QSettings().remove(QStringLiteral("feed/symbols"));
}

void TestMainWindow::addedSymbolsJoinTheRunningLiveFeed()
{
    // Live against a local server streaming BTCUSDT and ETHUSDT, subscribed to BTCUSDT only: "also stream"
    // ETHUSDT sends one SUBSCRIBE on the running connection (no reconnect), and its trades reach the
    // watchlist.
    ReplayServer server;
    QString error;
    QVERIFY2(server.load(test::sharedData(QStringLiteral(
                             "real/binance_ws/binance_usdm_btc_eth_trade_combined_20240808_2358-0000.jsonl")),
                         &error),
             qPrintable(error));
    server.setFramesPerSecond(300);
    QVERIFY2(server.listen(0, &error), qPrintable(error));
    QTemporaryDir dir;
    // Without quotes: the pair's legs would ask for their bookTicker streams too (tst_feed_replay has that).
    QSettings().setValue(QStringLiteral("feed/quotes"), QStringLiteral("off"));
    MainWindowOptions o = optionsIn(dir, QString(), true);
    o.feed.endpoint = server.url();
    o.feed.symbols = {QStringLiteral("BTCUSDT")};
    o.feed.backfill = false;
    o.feed.historyDays = 0;
    MainWindow w(o);
    QTRY_VERIFY_WITH_TIMEOUT(w.storedTicks() > 20, 20000);
    QCOMPARE(w.tickerModel()->symbols(), QStringList{QStringLiteral("BTCUSDT")});
    w.streamSymbols({QStringLiteral("ETHUSDT")});
    QCOMPARE(w.tickerModel()->symbols(), (QStringList{QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")}));
    QTRY_VERIFY_WITH_TIMEOUT(
        w.tickerModel()->index(1, TickerModel::Last).data(Qt::EditRole).toDouble() > 1000, 20000);
    QCOMPARE(server.connectionCount(), 1);
    QCOMPARE(server.subscriptions().size(), 1);
    QCOMPARE(server.subscriptions().front().streams, 1);
    QVERIFY2(w.statusBar()->currentMessage().startsWith(QLatin1String("Streaming 1 more symbols live")),
             qPrintable(w.statusBar()->currentMessage()));
    QSettings().remove(QStringLiteral("feed/symbols"));
    QSettings().remove(QStringLiteral("feed/quotes"));
}

void TestMainWindow::fitsALaptopScreen()
{
    // A 1366x768 laptop: no view may force the window wider or taller (the Pair tab once needed 1606 px,
    // the Alerts dock 966 px of height). Every dock shown, each tab in turn; 700 px leave room for a
    // title bar and a panel.
    QTemporaryDir dir;
    const MainWindowOptions o = optionsIn(dir);
    MainWindow w(o);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    for (QDockWidget *dock : w.findChildren<QDockWidget *>())
        dock->show();
    for (int tab = 0; tab < w.tabs()->count(); ++tab) {
        w.tabs()->setCurrentIndex(tab);
        QCoreApplication::processEvents();
        const QSize min = w.minimumSizeHint().expandedTo(w.minimumSize());
        if (qEnvironmentVariableIsSet("PAIRLAB_SIZES")) {
            for (QDockWidget *dock : w.findChildren<QDockWidget *>())
                qInfo() << dock->objectName() << dock->minimumSizeHint() << dock->widget()->minimumSizeHint();
            qInfo() << "central" << w.centralWidget()->minimumSizeHint();
            for (QWidget *c : w.centralWidget()->findChildren<QWidget *>(Qt::FindDirectChildrenOnly))
                qInfo() << "  " << c->metaObject()->className() << c->objectName() << c->minimumSizeHint();
        }
        QVERIFY2(
            min.width() <= 1366 && min.height() <= 700,
            qPrintable(QStringLiteral("tab %1 needs %2x%3").arg(tab).arg(min.width()).arg(min.height())));
        w.resize(1366, 700);
        QCoreApplication::processEvents();
        QVERIFY2(w.width() <= 1366 && w.height() <= 700,
                 qPrintable(QStringLiteral("tab %1 is %2x%3").arg(tab).arg(w.width()).arg(w.height())));
    }
}

void TestMainWindow::marketTabChartsTheQuotedSpread()
{
    // The Market tab reads the legs' stored quote bars of its interval and charts each leg's quoted spread in
    // bps of the mid; without quotes it says why the chart is empty.
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("q.sqlite"));
    QString error;
    {
        QSqlDatabase c = Database::open(db, QStringLiteral("quotes-writer"), &error);
        QVERIFY2(c.isValid(), qPrintable(error));
        QuoteBarUpdate u;
        u.symbol = SymbolCode::fromString(QStringLiteral("BTCUSDT"));
        u.interval = Interval::S1;
        for (int s = 0; s < 30; ++s) {
            QuoteBar b;
            b.openMs = 1723161600000 + s * 1000LL;
            b.bidOpen = b.bidHigh = b.bidLow = b.bidClose = 60000.0;
            b.askOpen = b.askHigh = b.askLow = b.askClose = 60000.0 + 0.1 * (s + 1);
            b.updates = 1;
            b.firstUpdateId = b.lastUpdateId = s + 1;
            u.bars.push_back(b);
        }
        QVERIFY2(QuoteStore::store(c, {u}, &error), qPrintable(error));
        c = QSqlDatabase();
        Database::close(QStringLiteral("quotes-writer"));
    }
    MarketView view({QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")});
    QSignalSpy loaded(&view, &MarketView::quotesLoaded);
    view.setDatabase(db);
    QVERIFY(loaded.wait(5000));
    TimeSeriesChartView *chart = view.spreadChart();
    QCOMPARE(chart->curveCount(), 2);
    QCOMPARE(chart->extent().first, qint64(1723161600000));
    QCOMPARE(chart->extent().second, qint64(1723161600000 + 29000));
    // The newest bar's spread: 1e4 * 3.0 / 60001.5 bps.
    std::vector<qint64> t;
    std::vector<double> bps;
    QuoteStore::quotedSpreadBps({[] {
                                    QuoteBar b;
                                    b.bidClose = 60000.0;
                                    b.askClose = 60003.0;
                                    return b;
                                }()},
                                &t, &bps);
    QCOMPARE(bps.front(), 1e4 * 3.0 / 60001.5);
    // Another interval has no quotes: the chart says so.
    view.setInterval(QStringLiteral("1m"));
    QVERIFY(loaded.wait(5000));
    QVERIFY(chart->extent().first >= chart->extent().second);
}

namespace {

/** One GET with the token, read to its end (the server runs on its own thread). */
QPair<int, QByteArray> apiGet(quint16 port, const QByteArray &target, const QByteArray &token)
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, port);
    if (!s.waitForConnected(5000))
        return {0, {}};
    s.write("GET " + target + " HTTP/1.1\r\nHost: h\r\nConnection: close\r\nAuthorization: Bearer " + token +
            "\r\n\r\n");
    QByteArray buf;
    while (s.waitForReadyRead(5000) || s.bytesAvailable())
        buf += s.readAll();
    const qsizetype end = buf.indexOf("\r\n\r\n");
    return {buf.mid(9, 3).toInt(), end < 0 ? QByteArray() : buf.mid(end + 4)};
}

} // namespace

void TestMainWindow::localApiServesWhatTheWindowShows()
{
    QTemporaryDir dir;
    MainWindowOptions o = optionsIn(dir, QString(), true);
    o.demo = true;
    MainWindow w(o);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(!w.api()->isRunning()); // off until the user turns it on
    QTRY_VERIFY_WITH_TIMEOUT(w.storedTicks() > 150, 20000);
    w.applyApi(ApiSettings{true, 0, QStringLiteral("127.0.0.1"), false});
    QVERIFY(w.api()->isRunning());
    const quint16 port = w.api()->port();
    auto *label = w.findChild<QLabel *>(QStringLiteral("apiLabel"));
    QVERIFY(label && label->isVisible());
    QCOMPARE(label->text(), QStringLiteral("API :%1").arg(port));
    QString error;
    const QByteArray token = loadOrCreateApiToken(apiTokenPath(), &error).toLatin1();
    QVERIFY2(!token.isEmpty(), qPrintable(error));
    QCOMPARE(apiGet(port, "/v1/health", "wrong-token-123456").first, 401);

    // A stream client hears the demo's bars as the window does.
    QWebSocket ws;
    int bars = 0;
    connect(&ws, &QWebSocket::textMessageReceived, &ws, [&bars](const QString &m) {
        bars += QJsonDocument::fromJson(m.toUtf8()).object().value(QStringLiteral("type")).toString() ==
                QLatin1String("bar");
    });
    QNetworkRequest req(QUrl(QStringLiteral("ws://127.0.0.1:%1/v1/stream?topics=bars").arg(port)));
    req.setRawHeader("Authorization", "Bearer " + token);
    ws.open(req);
    QTRY_VERIFY_WITH_TIMEOUT(bars > 0, 10000);

    // The health says the feed; the bars are the window's own, to the digit.
    const auto health = apiGet(port, "/v1/health", token);
    QCOMPARE(health.first, 200);
    const QJsonObject h = QJsonDocument::fromJson(health.second).object();
    QCOMPARE(h.value(QStringLiteral("feed")).toObject().value(QStringLiteral("state")).toString(),
             QStringLiteral("connected"));
    QVERIFY(h.value(QStringLiteral("feed")).toObject().value(QStringLiteral("stored_ticks")).toInteger() >
            150);
    const std::vector<Bar> shown = w.barModel()->bars();
    QVERIFY(shown.size() >= 2);
    const Bar &closed = shown[shown.size() - 2]; // the newest closed bar on screen
    const auto got = apiGet(port, "/v1/bars?symbol=BTCUSDT&interval=1s&limit=100000", token);
    QCOMPARE(got.first, 200);
    bool found = false;
    for (const QJsonValue &v :
         QJsonDocument::fromJson(got.second).object().value(QStringLiteral("bars")).toArray()) {
        const QJsonObject b = v.toObject();
        if (b.value(QStringLiteral("open_ms")).toInteger() != closed.openMs)
            continue;
        found = true;
        QCOMPARE(b.value(QStringLiteral("close")).toDouble(), closed.close);
        QCOMPARE(b.value(QStringLiteral("high")).toDouble(), closed.high);
        QCOMPARE(b.value(QStringLiteral("trades")).toInteger(), closed.trades);
    }
    QVERIFY(found);

    // Writes are off: a rule is refused.
    QTcpSocket post;
    post.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(post.waitForConnected(3000));
    const QByteArray body = R"({"name":"x","expression":"z > 1"})";
    post.write("POST /v1/alerts HTTP/1.1\r\nHost: h\r\nConnection: close\r\nAuthorization: Bearer " + token +
               "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QByteArray answer;
    while (post.waitForReadyRead(5000) || post.bytesAvailable())
        answer += post.readAll();
    QVERIFY2(answer.startsWith("HTTP/1.1 403"), answer.constData());

    // Off again: nothing listens.
    ws.close();
    w.applyApi(ApiSettings{false, 0, QStringLiteral("127.0.0.1"), false});
    QVERIFY(!w.api()->isRunning());
    QVERIFY(!label->isVisible());
    QTcpSocket gone;
    gone.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(!gone.waitForConnected(1000));
}

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
