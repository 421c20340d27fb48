#include "cli/commands.h"

#include "alerts/alert_store.h"
#include "cli/ingest_bench.h"
#include "market/binance_trade_parser.h"
#include "market/recording.h"
#include "market/replay_server.h"
#include "session/live_session.h"
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

QString demoRecordingPath()
{
    return QStringLiteral(":/pairlab/demo/binance_usdm_btcusdt_ethusdt_trade_20240808.jsonl");
}

namespace {

/** Parses args with p; on error prints the message and usage to err. */
bool parseArgs(QCommandLineParser &p, const QString &command, const QStringList &args, QTextStream &err)
{
    p.setApplicationDescription(command);
    p.addHelpOption();
    QStringList full = args;
    full.prepend(QStringLiteral("pairlab-cli ") + command);
    if (!p.parse(full)) {
        err << p.errorText() << "\n\n" << p.helpText();
        return false;
    }
    if (p.isSet(QStringLiteral("help"))) {
        err << p.helpText();
        return false;
    }
    return true;
}

QString resolveRecording(const QString &file)
{
    return file == QLatin1String("demo") ? demoRecordingPath() : file;
}

} // namespace

int replay(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("file"), QStringLiteral("Recording to serve (JSON lines; 'demo' = the bundled one)."),
                 QStringLiteral("F"), QStringLiteral("demo")});
    p.addOption({QStringLiteral("port"), QStringLiteral("Port on 127.0.0.1 (0 = any free port)."), QStringLiteral("P"),
                 QStringLiteral("9443")});
    p.addOption({QStringLiteral("speed"), QStringLiteral("Replay speed, 1 = real time."), QStringLiteral("X"),
                 QStringLiteral("1")});
    p.addOption({QStringLiteral("max"), QStringLiteral("Send as fast as the client reads.")});
    p.addOption({QStringLiteral("loop"), QStringLiteral("Start over at the end.")});
    if (!parseArgs(p, QStringLiteral("replay"), args, err))
        return 2;
    bool ok = false;
    const int port = p.value(QStringLiteral("port")).toInt(&ok);
    if (!ok || port < 0 || port > 65535) {
        err << QCoreApplication::translate("cli", "--port: not a port number: %1\n").arg(p.value(QStringLiteral("port")));
        return 2;
    }
    const double speed = p.value(QStringLiteral("speed")).toDouble(&ok);
    if (!ok || speed <= 0) {
        err << QCoreApplication::translate("cli", "--speed: expected a positive number, got %1\n").arg(p.value(QStringLiteral("speed")));
        return 2;
    }
    ReplayServer server;
    QString error;
    if (!server.load(resolveRecording(p.value(QStringLiteral("file"))), &error) || !server.listen(quint16(port), &error)) {
        err << error << '\n';
        return 1;
    }
    server.setSpeed(p.isSet(QStringLiteral("max")) ? 0.0 : speed);
    server.setLoop(p.isSet(QStringLiteral("loop")));
    out << QCoreApplication::translate("cli", "serving %1 frames on %2/stream\n")
               .arg(server.recording().frames.size())
               .arg(server.url().toString());
    out.flush();
    QObject::connect(&server, &ReplayServer::finished, &server, [&out, &server] {
        out << QCoreApplication::translate("cli", "all %1 frames sent\n").arg(server.framesSent());
        out.flush();
    });
    return QCoreApplication::exec();
}

int ingest(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("url"), QStringLiteral("WebSocket endpoint (Binance or a replay server)."), QStringLiteral("URL")});
    p.addOption({QStringLiteral("file"), QStringLiteral("Recording to ingest directly ('demo' = the bundled one)."), QStringLiteral("F")});
    p.addOption({QStringLiteral("db"), QStringLiteral("Database: a SQLite file (created if missing) or a postgresql:// URL."), QStringLiteral("D")});
    p.addOption({QStringLiteral("symbols"), QStringLiteral("Comma-separated symbols for --url."), QStringLiteral("S"),
                 QStringLiteral("BTCUSDT,ETHUSDT")});
    p.addOption({QStringLiteral("stream"), QStringLiteral("trade or aggTrade."), QStringLiteral("KIND"), QStringLiteral("trade")});
    p.addOption({QStringLiteral("idle-exit"), QStringLiteral("With --url: exit after this many seconds without a trade."),
                 QStringLiteral("SECONDS"), QStringLiteral("10")});
    if (!parseArgs(p, QStringLiteral("ingest"), args, err))
        return 2;
    const QString db = p.value(QStringLiteral("db"));
    if (db.isEmpty() || p.isSet(QStringLiteral("url")) == p.isSet(QStringLiteral("file"))) {
        err << QCoreApplication::translate("cli", "ingest needs --db and exactly one of --url or --file\n\n") << p.helpText();
        return 2;
    }
    if (p.isSet(QStringLiteral("file"))) {
        IngestCounts c;
        QString error;
        if (!ingestRecordingFile(resolveRecording(p.value(QStringLiteral("file"))), db, &c, &error)) {
            err << error << '\n';
            return 1;
        }
        out << QCoreApplication::translate("cli", "frames %1, ticks stored %2, duplicates %3, malformed %4, other %5\n")
                   .arg(c.frames).arg(c.stored).arg(c.duplicates).arg(c.malformed).arg(c.unknown);
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
    if (!cfg.endpoint.isValid() || (cfg.endpoint.scheme() != QLatin1String("ws") && cfg.endpoint.scheme() != QLatin1String("wss"))) {
        err << QCoreApplication::translate("cli", "--url: not a ws:// or wss:// URL: %1\n").arg(p.value(QStringLiteral("url")));
        return 2;
    }
    cfg.symbols = p.value(QStringLiteral("symbols")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    cfg.kind = p.value(QStringLiteral("stream")) == QLatin1String("aggTrade") ? StreamKind::AggTrade : StreamKind::Trade;
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
    QObject::connect(&session, &LiveSession::feedStateChanged, &session, [&](FeedState, const QString &detail) {
        err << detail << '\n';
        err.flush();
    });
    FeedStats lastStats;
    QObject::connect(&session, &LiveSession::feedStatsUpdated, &session, [&](const FeedStats &s) { lastStats = s; });
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
    out << QCoreApplication::translate("cli", "frames %1, ticks stored %2, duplicates %3, malformed %4, other %5, reconnects %6\n")
               .arg(lastStats.frames).arg(totals.stored).arg(totals.duplicates).arg(lastStats.malformed)
               .arg(lastStats.unknown).arg(lastStats.reconnects);
    return exitCode;
}

namespace {

/** Epoch ms from "1723161480000" or an ISO-8601 date-time (UTC unless it has an offset). */
bool parseTime(const QString &text, qint64 *ms)
{
    bool ok = false;
    const qint64 v = text.toLongLong(&ok);
    if (ok) {
        *ms = v;
        return true;
    }
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        return false;
    if (t.timeSpec() == Qt::LocalTime)
        t.setTimeSpec(Qt::UTC);
    *ms = t.toMSecsSinceEpoch();
    return true;
}

int exportEvents(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("db"), QStringLiteral("Database: a SQLite file or a postgresql:// URL."), QStringLiteral("D")});
    p.addOption({QStringLiteral("filter"), QStringLiteral("Only events whose rule or message contains this text."), QStringLiteral("TEXT")});
    p.addOption({QStringLiteral("out"), QStringLiteral("Output CSV file."), QStringLiteral("F")});
    if (!parseArgs(p, QStringLiteral("export events"), args, err))
        return 2;
    if (p.value(QStringLiteral("db")).isEmpty() || p.value(QStringLiteral("out")).isEmpty()) {
        err << QCoreApplication::translate("cli", "export events needs --db and --out\n");
        return 2;
    }
    if (!Database::isPostgres(p.value(QStringLiteral("db"))) && !QFile::exists(p.value(QStringLiteral("db")))) {
        err << QCoreApplication::translate("cli", "no database at %1\n").arg(p.value(QStringLiteral("db")));
        return 1;
    }
    const QString conn = QStringLiteral("cli-export-events");
    QString error;
    bool ok = false;
    {
        QSqlDatabase db = Database::open(p.value(QStringLiteral("db")), conn, &error);
        if (db.isValid()) {
            AlertEventFilter f;
            f.text = p.value(QStringLiteral("filter"));
            ok = AlertStore(db).exportEventsCsv(f, p.value(QStringLiteral("out")), &error);
        }
    }
    Database::close(conn);
    if (!ok) {
        err << error << '\n';
        return 1;
    }
    out << QCoreApplication::translate("cli", "alert events written to %1\n").arg(p.value(QStringLiteral("out")));
    return 0;
}

} // namespace

int exportData(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString what = args.value(0);
    if (what == QLatin1String("events"))
        return exportEvents(args.mid(1), out, err);
    if (what != QLatin1String("bars") && what != QLatin1String("ticks")) {
        err << QCoreApplication::translate("cli", "usage: pairlab-cli export bars --db D --symbol S --interval 1s|1m|5m "
                                                  "[--dataset NAME --interval-seconds N] --out F.csv\n"
                                                  "       pairlab-cli export ticks --db D --symbol S [--from T] [--to T] --out F.csv\n"
                                                  "       pairlab-cli export events --db D [--filter TEXT] --out F.csv\n"
                                                  "       (T: epoch ms or ISO-8601, UTC unless an offset is given)\n");
        return 2;
    }
    const bool ticks = what == QLatin1String("ticks");
    QCommandLineParser p;
    p.addOption({QStringLiteral("db"), QStringLiteral("Database: a SQLite file or a postgresql:// URL."), QStringLiteral("D")});
    p.addOption({QStringLiteral("symbol"), QStringLiteral("Symbol, e.g. BTCUSDT."), QStringLiteral("S")});
    p.addOption({QStringLiteral("interval"), QStringLiteral("1s, 1m or 5m."), QStringLiteral("I"), QStringLiteral("1m")});
    p.addOption({QStringLiteral("dataset"), QStringLiteral("Bars of an imported dataset instead of live ones."), QStringLiteral("NAME")});
    p.addOption({QStringLiteral("interval-seconds"), QStringLiteral("Bar length of the dataset in seconds."), QStringLiteral("N")});
    p.addOption({QStringLiteral("from"), QStringLiteral("Ticks from this time (inclusive)."), QStringLiteral("T")});
    p.addOption({QStringLiteral("to"), QStringLiteral("Ticks up to this time (exclusive)."), QStringLiteral("T")});
    p.addOption({QStringLiteral("out"), QStringLiteral("Output CSV file."), QStringLiteral("F")});
    if (!parseArgs(p, QStringLiteral("export ") + what, args.mid(1), err))
        return 2;
    const auto interval = intervalFromName(p.value(QStringLiteral("interval")));
    const bool dataset = p.isSet(QStringLiteral("dataset"));
    if (p.value(QStringLiteral("db")).isEmpty() || p.value(QStringLiteral("symbol")).isEmpty() ||
        p.value(QStringLiteral("out")).isEmpty() || (!ticks && !dataset && !interval) ||
        (dataset && p.value(QStringLiteral("interval-seconds")).toInt() <= 0)) {
        err << (ticks ? QCoreApplication::translate("cli", "export ticks needs --db, --symbol and --out\n")
                      : QCoreApplication::translate("cli", "export bars needs --db, --symbol, --interval (1s, 1m, 5m) and --out "
                                                           "(or --dataset with --interval-seconds)\n"));
        return 2;
    }
    qint64 from = std::numeric_limits<qint64>::min(), to = std::numeric_limits<qint64>::max();
    for (const auto &[opt, target] : {std::pair{QStringLiteral("from"), &from}, std::pair{QStringLiteral("to"), &to}}) {
        if (p.isSet(opt) && !parseTime(p.value(opt), target)) {
            err << QCoreApplication::translate("cli", "--%1: not a time: %2 (epoch ms or ISO-8601)\n").arg(opt, p.value(opt));
            return 2;
        }
    }
    if (!Database::isPostgres(p.value(QStringLiteral("db"))) && !QFile::exists(p.value(QStringLiteral("db")))) {
        err << QCoreApplication::translate("cli", "no database at %1\n").arg(p.value(QStringLiteral("db")));
        return 1;
    }
    const QString conn = QStringLiteral("cli-export");
    QString error;
    std::int64_t rows = 0;
    bool ok = false;
    {
        QSqlDatabase db = Database::open(p.value(QStringLiteral("db")), conn, &error);
        const QString symbol = p.value(QStringLiteral("symbol")).toUpper();
        if (db.isValid()) {
            if (!BarStore::symbols(db).contains(symbol)) {
                error = QCoreApplication::translate("cli", "symbol %1 is not in %2").arg(symbol, Database::displayName(p.value(QStringLiteral("db"))));
            } else if (ticks) {
                ok = BarStore::exportTicksCsv(db, symbol, from, to, p.value(QStringLiteral("out")), &error, &rows);
            } else if (dataset) {
                ok = BarStore::exportBarsCsv(db, symbol, p.value(QStringLiteral("interval-seconds")).toInt(),
                                             p.value(QStringLiteral("out")), &error,
                                             BarStore::sourceForDataset(p.value(QStringLiteral("dataset"))), &rows);
            } else {
                ok = BarStore::exportBarsCsv(db, symbol, intervalSeconds(*interval), p.value(QStringLiteral("out")), &error,
                                             BarStore::LiveSource, &rows);
            }
        }
    }
    Database::close(conn);
    if (!ok) {
        err << error << '\n';
        return 1;
    }
    out << QCoreApplication::translate("cli", "%1 %2 written to %3\n").arg(rows).arg(what).arg(p.value(QStringLiteral("out")));
    return 0;
}

int bench(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString what = args.value(0);
    if (what == QLatin1String("ingest"))
        return benchIngest(args.mid(1), out, err);
    if (what == QLatin1String("live"))
        return benchLive(args.mid(1), out, err);
    if (what == QLatin1String("postgres"))
        return benchPostgres(args.mid(1), out, err);
    err << QCoreApplication::translate("cli", "usage: pairlab-cli bench ingest|live|postgres|analytics [options]\n");
    return 2;
}

} // namespace pairlab::cli
