#include "alerts/alert_store.h"
#include "cli/cli_util.h"
#include "cli/commands.h"
#include "market/binance_trade_parser.h"
#include "market/recording.h"
#include "market/replay_server.h"
#include "session/live_session.h"
#include "session/recording_ingest.h"
#include "storage/bar_store.h"
#include "storage/database.h"
#include "storage/tick_writer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>
#include <QTimer>

namespace pairlab::cli {

int ingest(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("url"), QStringLiteral("WebSocket endpoint (Binance or a replay server)."),
                 QStringLiteral("URL")});
    p.addOption({QStringLiteral("file"),
                 QStringLiteral("Recording to ingest directly ('demo' = the bundled one)."),
                 QStringLiteral("F")});
    p.addOption({QStringLiteral("db"),
                 QStringLiteral("Database: a SQLite file (created if missing) or a postgresql:// URL."),
                 QStringLiteral("D")});
    p.addOption({QStringLiteral("symbols"), QStringLiteral("Comma-separated symbols for --url."),
                 QStringLiteral("S"), QStringLiteral("BTCUSDT,ETHUSDT")});
    p.addOption({QStringLiteral("stream"), QStringLiteral("trade or aggTrade."), QStringLiteral("KIND"),
                 QStringLiteral("trade")});
    p.addOption(
        {QStringLiteral("quotes"),
         QStringLiteral("With --url: stream each symbol's best bid/offer too (bookTicker) and store quote "
                        "bars.")});
    p.addOption({QStringLiteral("idle-exit"),
                 QStringLiteral("With --url: exit after this many seconds without a trade."),
                 QStringLiteral("SECONDS"), QStringLiteral("10")});
    if (!parseArgs(p, QStringLiteral("ingest"), args, err))
        return 2;
    const QString db = p.value(QStringLiteral("db"));
    if (db.isEmpty() || p.isSet(QStringLiteral("url")) == p.isSet(QStringLiteral("file"))) {
        err << QCoreApplication::translate("cli", "ingest needs --db and exactly one of --url or --file\n\n")
            << p.helpText();
        return 2;
    }
    if (p.isSet(QStringLiteral("file"))) {
        IngestCounts c;
        QString error;
        if (!ingestRecordingFile(resolveRecording(p.value(QStringLiteral("file"))), db, &c, &error)) {
            err << error << '\n';
            return 1;
        }
        out << QCoreApplication::translate(
                   "cli", "frames %1, ticks stored %2, duplicates %3, malformed %4, other %5\n")
                   .arg(c.frames)
                   .arg(c.stored)
                   .arg(c.duplicates)
                   .arg(c.malformed)
                   .arg(c.unknown);
        if (c.quotes > 0 || c.quoteDuplicates > 0)
            out << QCoreApplication::translate("cli", "quotes binned %1, repeated %2\n")
                       .arg(c.quotes)
                       .arg(c.quoteDuplicates);
        return 0;
    }

    bool ok = false;
    const int idle = p.value(QStringLiteral("idle-exit")).toInt(&ok);
    if (!ok || idle <= 0) {
        err << QCoreApplication::translate("cli", "--idle-exit: expected a positive number of seconds\n");
        return 2;
    }
    FeedConfig cfg;
    cfg.endpoint = QUrl(p.value(QStringLiteral("url")));
    if (!cfg.endpoint.isValid() ||
        (cfg.endpoint.scheme() != QLatin1String("ws") && cfg.endpoint.scheme() != QLatin1String("wss"))) {
        err << QCoreApplication::translate("cli", "--url: not a ws:// or wss:// URL: %1\n")
                   .arg(p.value(QStringLiteral("url")));
        return 2;
    }
    cfg.symbols = p.value(QStringLiteral("symbols")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    cfg.kind = p.value(QStringLiteral("stream")) == QLatin1String("aggTrade") ? StreamKind::AggTrade
                                                                              : StreamKind::Trade;
    if (p.isSet(QStringLiteral("quotes")))
        cfg.quoteSymbols = {QStringLiteral("*")};
    LiveSession session(cfg, db);
    WriteStats totals;
    int exitCode = 0;
    QElapsedTimer sinceTick;
    sinceTick.start();
    QObject::connect(&session, &LiveSession::stored, &session,
                     [&](const TickBatch &, const BarBatch &, const WriteStats &s) {
                         totals.received += s.received;
                         totals.stored += s.stored;
                         totals.duplicates += s.duplicates;
                         sinceTick.restart();
                     });
    QObject::connect(&session, &LiveSession::storageError, &session, [&](const QString &m) {
        err << QCoreApplication::translate("cli", "storage error: %1\n").arg(m);
        err.flush();
        exitCode = 1;
        QCoreApplication::exit(1);
    });
    QObject::connect(&session, &LiveSession::feedStateChanged, &session,
                     [&](FeedState, const QString &detail) {
                         err << detail << '\n';
                         err.flush();
                     });
    FeedStats lastStats;
    QObject::connect(&session, &LiveSession::feedStatsUpdated, &session,
                     [&](const FeedStats &s) { lastStats = s; });
    QTimer idleCheck;
    QObject::connect(&idleCheck, &QTimer::timeout, &session, [&] {
        if (sinceTick.elapsed() > qint64(idle) * 1000)
            QCoreApplication::exit(exitCode);
    });
    idleCheck.start(200);
    session.start();
    QCoreApplication::exec();
    session.stop();
    // Batches committed during stop() arrive as queued signals: deliver them before printing.
    QCoreApplication::processEvents();
    out << QCoreApplication::translate(
               "cli", "frames %1, ticks stored %2, duplicates %3, malformed %4, other %5, reconnects %6\n")
               .arg(lastStats.frames)
               .arg(totals.stored)
               .arg(totals.duplicates)
               .arg(lastStats.malformed)
               .arg(lastStats.unknown)
               .arg(lastStats.reconnects);
    return exitCode;
}

} // namespace pairlab::cli
