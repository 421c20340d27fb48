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
#include "storage/quote_store.h"
#include "storage/tick_writer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>
#include <QTimer>

namespace pairlab::cli {

namespace {

int exportEvents(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("db"), QStringLiteral("Database: a SQLite file or a postgresql:// URL."),
                 QStringLiteral("D")});
    p.addOption({QStringLiteral("filter"),
                 QStringLiteral("Only events whose rule or message contains this text."),
                 QStringLiteral("TEXT")});
    p.addOption({QStringLiteral("out"), QStringLiteral("Output CSV file."), QStringLiteral("F")});
    if (!parseArgs(p, QStringLiteral("export events"), args, err))
        return 2;
    if (p.value(QStringLiteral("db")).isEmpty() || p.value(QStringLiteral("out")).isEmpty()) {
        err << QCoreApplication::translate("cli", "export events needs --db and --out\n");
        return 2;
    }
    if (!Database::isPostgres(p.value(QStringLiteral("db"))) &&
        !QFile::exists(p.value(QStringLiteral("db")))) {
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
    out << QCoreApplication::translate("cli", "alert events written to %1\n")
               .arg(p.value(QStringLiteral("out")));
    return 0;
}

/** `export quotes --db D --symbol S --interval 1s|1m|5m --out F.csv` (stable): the quote bars. */
int exportQuotes(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("db"), QStringLiteral("Database: a SQLite file or a postgresql:// URL."),
                 QStringLiteral("D")});
    p.addOption({QStringLiteral("symbol"), QStringLiteral("Symbol, e.g. BTCUSDT."), QStringLiteral("S")});
    p.addOption(
        {QStringLiteral("interval"), QStringLiteral("Bar length: 1s, 1m or 5m."), QStringLiteral("I")});
    p.addOption({QStringLiteral("out"), QStringLiteral("Output CSV file."), QStringLiteral("F")});
    if (!parseArgs(p, QStringLiteral("export quotes"), args, err))
        return 2;
    const auto interval = intervalFromName(p.value(QStringLiteral("interval")));
    if (p.value(QStringLiteral("db")).isEmpty() || p.value(QStringLiteral("symbol")).isEmpty() || !interval ||
        p.value(QStringLiteral("out")).isEmpty()) {
        err << QCoreApplication::translate(
            "cli", "export quotes needs --db, --symbol, --interval (1s, 1m, 5m) and --out\n");
        return 2;
    }
    if (!Database::isPostgres(p.value(QStringLiteral("db"))) &&
        !QFile::exists(p.value(QStringLiteral("db")))) {
        err << QCoreApplication::translate("cli", "no database at %1\n").arg(p.value(QStringLiteral("db")));
        return 1;
    }
    const QString conn = QStringLiteral("cli-export-quotes");
    QString error;
    bool ok = false;
    std::int64_t rows = 0;
    {
        QSqlDatabase db = Database::open(p.value(QStringLiteral("db")), conn, &error);
        if (db.isValid())
            ok = QuoteStore::exportCsv(db, p.value(QStringLiteral("symbol")).trimmed().toUpper(), *interval,
                                       p.value(QStringLiteral("out")), &error, &rows);
    }
    Database::close(conn);
    if (!ok) {
        err << error << '\n';
        return 1;
    }
    out << QCoreApplication::translate("cli", "%1 quote bars written to %2\n")
               .arg(rows)
               .arg(p.value(QStringLiteral("out")));
    return 0;
}

} // namespace

int exportData(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString what = args.value(0);
    if (what == QLatin1String("events"))
        return exportEvents(args.mid(1), out, err);
    if (what == QLatin1String("quotes"))
        return exportQuotes(args.mid(1), out, err);
    if (what != QLatin1String("bars") && what != QLatin1String("ticks")) {
        err << QCoreApplication::translate(
            "cli", "usage: pairlab-cli export bars --db D --symbol S --interval 1s|1m|5m "
                   "[--dataset NAME --interval-seconds N] --out F.csv\n"
                   "       pairlab-cli export ticks --db D --symbol S [--from T] [--to T] --out F.csv\n"
                   "       pairlab-cli export quotes --db D --symbol S --interval 1s|1m|5m --out F.csv\n"
                   "       pairlab-cli export events --db D [--filter TEXT] --out F.csv\n"
                   "       (T: epoch ms or ISO-8601, UTC unless an offset is given)\n");
        return 2;
    }
    const bool ticks = what == QLatin1String("ticks");
    QCommandLineParser p;
    p.addOption({QStringLiteral("db"), QStringLiteral("Database: a SQLite file or a postgresql:// URL."),
                 QStringLiteral("D")});
    p.addOption({QStringLiteral("symbol"), QStringLiteral("Symbol, e.g. BTCUSDT."), QStringLiteral("S")});
    p.addOption({QStringLiteral("interval"), QStringLiteral("1s, 1m or 5m."), QStringLiteral("I"),
                 QStringLiteral("1m")});
    p.addOption({QStringLiteral("dataset"),
                 QStringLiteral("Bars of an imported dataset instead of live ones."),
                 QStringLiteral("NAME")});
    p.addOption({QStringLiteral("interval-seconds"), QStringLiteral("Bar length of the dataset in seconds."),
                 QStringLiteral("N")});
    p.addOption(
        {QStringLiteral("from"), QStringLiteral("Ticks from this time (inclusive)."), QStringLiteral("T")});
    p.addOption(
        {QStringLiteral("to"), QStringLiteral("Ticks up to this time (exclusive)."), QStringLiteral("T")});
    p.addOption({QStringLiteral("out"), QStringLiteral("Output CSV file."), QStringLiteral("F")});
    if (!parseArgs(p, QStringLiteral("export ") + what, args.mid(1), err))
        return 2;
    const auto interval = intervalFromName(p.value(QStringLiteral("interval")));
    const bool dataset = p.isSet(QStringLiteral("dataset"));
    if (p.value(QStringLiteral("db")).isEmpty() || p.value(QStringLiteral("symbol")).isEmpty() ||
        p.value(QStringLiteral("out")).isEmpty() || (!ticks && !dataset && !interval) ||
        (dataset && p.value(QStringLiteral("interval-seconds")).toInt() <= 0)) {
        err << (ticks ? QCoreApplication::translate("cli", "export ticks needs --db, --symbol and --out\n")
                      : QCoreApplication::translate(
                            "cli", "export bars needs --db, --symbol, --interval (1s, 1m, 5m) and --out "
                                   "(or --dataset with --interval-seconds)\n"));
        return 2;
    }
    qint64 from = std::numeric_limits<qint64>::min(), to = std::numeric_limits<qint64>::max();
    for (const auto &[opt, target] :
         {std::pair{QStringLiteral("from"), &from}, std::pair{QStringLiteral("to"), &to}}) {
        if (p.isSet(opt) && !parseTime(p.value(opt), target)) {
            err << QCoreApplication::translate("cli", "--%1: not a time: %2 (epoch ms or ISO-8601)\n")
                       .arg(opt, p.value(opt));
            return 2;
        }
    }
    if (!Database::isPostgres(p.value(QStringLiteral("db"))) &&
        !QFile::exists(p.value(QStringLiteral("db")))) {
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
                error = QCoreApplication::translate("cli", "symbol %1 is not in %2")
                            .arg(symbol, Database::displayName(p.value(QStringLiteral("db"))));
            } else if (ticks) {
                ok = BarStore::exportTicksCsv(db, symbol, from, to, p.value(QStringLiteral("out")), &error,
                                              &rows);
            } else if (dataset) {
                ok = BarStore::exportBarsCsv(db, symbol, p.value(QStringLiteral("interval-seconds")).toInt(),
                                             p.value(QStringLiteral("out")), &error,
                                             BarStore::sourceForDataset(p.value(QStringLiteral("dataset"))),
                                             &rows);
            } else {
                ok = BarStore::exportBarsCsv(db, symbol, intervalSeconds(*interval),
                                             p.value(QStringLiteral("out")), &error, BarStore::LiveSource,
                                             &rows);
            }
        }
    }
    Database::close(conn);
    if (!ok) {
        err << error << '\n';
        return 1;
    }
    out << QCoreApplication::translate("cli", "%1 %2 written to %3\n")
               .arg(rows)
               .arg(what)
               .arg(p.value(QStringLiteral("out")));
    return 0;
}

} // namespace pairlab::cli
