// pairlab: the desktop application. Command-line parsing only; the window lives in ui/.
#include "main_window.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QStandardPaths>

#include <algorithm>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("PairLab"));
    QApplication::setOrganizationName(QStringLiteral("PairLab"));
    QApplication::setApplicationVersion(QStringLiteral(PAIRLAB_VERSION));

    QCommandLineParser p;
    p.setApplicationDescription(QApplication::translate("main", "Live statistical-arbitrage workbench for crypto futures."));
    p.addHelpOption();
    p.addVersionOption();
    p.addOption({QStringLiteral("demo"), QApplication::translate("main", "Start the bundled real Binance recording instead of the live feed.")});
    p.addOption({QStringLiteral("db"), QApplication::translate("main", "SQLite database file."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("symbols"), QApplication::translate("main", "Comma-separated symbols."), QStringLiteral("LIST"),
                 QStringLiteral("BTCUSDT,ETHUSDT")});
    p.addOption({QStringLiteral("endpoint"), QApplication::translate("main", "WebSocket endpoint."), QStringLiteral("URL")});
    p.addOption({QStringLiteral("stream"), QApplication::translate("main", "trade or aggTrade."), QStringLiteral("KIND"),
                 QStringLiteral("trade")});
    p.addOption({QStringLiteral("demo-speed"), QApplication::translate("main", "Replay speed of the demo (1 = real time)."),
                 QStringLiteral("X"), QStringLiteral("1")});
    p.addOption({QStringLiteral("view"), QApplication::translate("main", "Open on a view: market or pair."), QStringLiteral("VIEW"),
                 QStringLiteral("market")});
    p.addPositionalArgument(QStringLiteral("workspace"), QApplication::translate("main", "A workspace file (*.pairlab) to open."),
                            QStringLiteral("[workspace]"));
    p.process(app);

    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dataDir);
    pairlab::MainWindowOptions o;
    o.demo = p.isSet(QStringLiteral("demo"));
    o.demoSpeed = std::clamp(p.value(QStringLiteral("demo-speed")).toDouble(), 0.1, 1000.0);
    o.workspacePath = p.positionalArguments().value(0);
    o.restoreLastWorkspace = o.workspacePath.isEmpty() && !o.demo;
    o.databasePath = p.isSet(QStringLiteral("db")) ? p.value(QStringLiteral("db")) : dataDir + QStringLiteral("/pairlab.sqlite");
    o.demoDatabasePath = dataDir + QStringLiteral("/demo.sqlite");
    o.feed.symbols = p.value(QStringLiteral("symbols")).toUpper().split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (p.isSet(QStringLiteral("endpoint")))
        o.feed.endpoint = QUrl(p.value(QStringLiteral("endpoint")));
    o.feed.kind = p.value(QStringLiteral("stream")) == QLatin1String("aggTrade") ? pairlab::StreamKind::AggTrade
                                                                                 : pairlab::StreamKind::Trade;
    pairlab::MainWindow w(o);
    if (p.value(QStringLiteral("view")) == QLatin1String("pair"))
        w.showPairView();
    w.show();
    return QApplication::exec();
}
