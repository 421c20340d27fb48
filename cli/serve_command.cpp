#include "api/api_server.h"
#include "api/api_token.h"
#include "cli/cli_util.h"
#include "cli/commands.h"
#include "controllers/serve_controller.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <csignal>
#include <memory>

namespace pairlab::cli {

namespace {

std::atomic<bool> g_stop{false};

void onSignal(int)
{
    g_stop = true;
}

} // namespace

int serve(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser p;
    const QCommandLineOption db{QStringLiteral("db"),
                                QStringLiteral("Database: a SQLite file or a postgresql:// URL."),
                                QStringLiteral("D")};
    const QCommandLineOption port{QStringLiteral("port"), QStringLiteral("TCP port (0: any free one)."),
                                  QStringLiteral("P"), QStringLiteral("8765")};
    const QCommandLineOption bind{
        QStringLiteral("bind"), QStringLiteral("Address to listen on; anything but loopback is said aloud."),
        QStringLiteral("ADDR"), QStringLiteral("127.0.0.1")};
    const QCommandLineOption token{
        QStringLiteral("token"),
        QStringLiteral("The token requests must carry (else the stored one, made on "
                       "first start in the settings folder)."),
        QStringLiteral("T")};
    const QCommandLineOption writes{QStringLiteral("allow-writes"),
                                    QStringLiteral("Allow POST /v1/alerts, DELETE /v1/alerts/{id}, POST "
                                                   "/v1/import and POST /v1/backtest (else 403).")};
    const QCommandLineOption symbols{
        QStringLiteral("symbols"),
        QStringLiteral("Stream and store these symbols' trades (comma-separated)."), QStringLiteral("S")};
    const QCommandLineOption url{
        QStringLiteral("url"),
        QStringLiteral("WebSocket endpoint of the feed (default Binance USD-M; a replay "
                       "server's ws://127.0.0.1:PORT)."),
        QStringLiteral("URL")};
    const QCommandLineOption pairs{
        QStringLiteral("pair"),
        QStringLiteral("Analyse Y/X live (repeatable): pair updates on the stream, alert "
                       "rules evaluated on each."),
        QStringLiteral("Y/X")};
    const QCommandLineOption interval{QStringLiteral("interval"),
                                      QStringLiteral("Bar interval of --pair: 1s|1m|5m."),
                                      QStringLiteral("I"), QStringLiteral("1s")};
    const QCommandLineOption maxConnections{QStringLiteral("max-connections"),
                                            QStringLiteral("Concurrent connections (HTTP and stream)."),
                                            QStringLiteral("N"), QStringLiteral("512")};
    const QCommandLineOption workers{QStringLiteral("workers"), QStringLiteral("Threads answering requests."),
                                     QStringLiteral("N"), QStringLiteral("4")};
    p.addOptions({db, port, bind, token, writes, symbols, url, pairs, interval, maxConnections, workers});
    if (!parseArgs(p, QStringLiteral("serve"), args, err))
        return 2;
    auto usage = [&](const QString &why) {
        err << "serve: " << why << "\n\n" << p.helpText();
        return 2;
    };
    if (!p.isSet(db))
        return usage(QStringLiteral("--db is needed"));
    ApiServerConfig config;
    config.databasePath = p.value(db);
    bool ok = false;
    const int portValue = p.value(port).toInt(&ok);
    if (!ok || portValue < 0 || portValue > 65535)
        return usage(QStringLiteral("--port: '%1' is not a port number").arg(p.value(port)));
    config.port = quint16(portValue);
    if (!config.bind.setAddress(p.value(bind)))
        return usage(QStringLiteral("--bind: '%1' is not an IP address").arg(p.value(bind)));
    config.allowWrites = p.isSet(writes);
    config.maxConnections = p.value(maxConnections).toInt(&ok);
    if (!ok || config.maxConnections < 1)
        return usage(QStringLiteral("--max-connections must be a positive number"));
    config.workers = p.value(workers).toInt(&ok);
    if (!ok || config.workers < 1 || config.workers > 64)
        return usage(QStringLiteral("--workers must be from 1 to 64"));
    const std::optional<Interval> pairInterval = intervalFromName(p.value(interval));
    if (!pairInterval)
        return usage(QStringLiteral("--interval must be 1s, 1m or 5m"));
    QList<QPair<QString, QString>> pairList; // (y, x)
    for (const QString &v : p.values(pairs)) {
        const QStringList legs = v.toUpper().split(QLatin1Char('/'));
        if (legs.size() != 2 || legs[0].isEmpty() || legs[1].isEmpty() || legs[0] == legs[1])
            return usage(QStringLiteral("--pair takes Y/X, two different symbols: '%1'").arg(v));
        pairList.append({legs[0], legs[1]});
    }
    QStringList feedSymbols = p.value(symbols).toUpper().split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const auto &[y, x] : pairList)
        for (const QString &s : {y, x})
            if (!feedSymbols.contains(s))
                feedSymbols << s;
    if (p.isSet(url) && feedSymbols.isEmpty())
        return usage(QStringLiteral("--url needs --symbols or --pair"));

    if (p.isSet(token)) {
        config.token = p.value(token);
        if (config.token.size() < 8)
            return usage(QStringLiteral("--token must be at least 8 characters"));
    } else {
        QString error;
        config.token = loadOrCreateApiToken(apiTokenPath(), &error);
        if (config.token.isEmpty()) {
            err << "serve: token: " << error << "\n";
            return 1;
        }
    }

    ServeOptions options;
    options.api = config;
    options.symbols = feedSymbols;
    options.pairs = pairList;
    options.interval = *pairInterval;
    if (p.isSet(url)) {
        options.endpoint = QUrl(p.value(url));
        if (!options.endpoint.isValid() || (options.endpoint.scheme() != QLatin1String("ws") &&
                                            options.endpoint.scheme() != QLatin1String("wss")))
            return usage(QStringLiteral("--url: not a ws:// or wss:// URL: %1").arg(p.value(url)));
    }
    ServeController serveController;
    QObject::connect(&serveController, &ServeController::message, &serveController, [&err](const QString &m) {
        err << m << '\n';
        err.flush();
    });
    QString error;
    if (!serveController.start(options, &error)) {
        err << "serve: " << error << "\n";
        return 1;
    }
    if (!config.bind.isLoopback())
        err << "serve: warning: listening on " << config.bind.toString()
            << ", not loopback: anyone who reaches this address and has the token can read"
            << (config.allowWrites ? " and write" : "") << " your data; traffic is not encrypted\n";
    const QString host = config.bind.protocol() == QAbstractSocket::IPv6Protocol
                             ? QStringLiteral("[%1]").arg(config.bind.toString())
                             : config.bind.toString();
    out << "listening: http://" << host << ':' << serveController.server()->port() << "/v1/\n"
        << "token: " << config.token << "\n"
        << "writes: " << (config.allowWrites ? "allowed" : "off (403)") << "\n";
    if (!feedSymbols.isEmpty())
        out << "feed: " << feedSymbols.join(QLatin1Char(',')) << " from "
            << (options.endpoint.isEmpty() ? QStringLiteral("Binance USD-M") : options.endpoint.toString())
            << "\n";
    out.flush();
    err.flush();

    g_stop = false;
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    QTimer stopCheck;
    QObject::connect(&stopCheck, &QTimer::timeout, &serveController, [] {
        if (g_stop)
            QCoreApplication::quit();
    });
    stopCheck.start(100);
    QCoreApplication::exec();
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    serveController.stop();
    out << "stopped\n";
    return 0;
}

} // namespace pairlab::cli
