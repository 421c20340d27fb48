// pairlab-cli: the headless commands. Command-line dispatch only; the commands live in core.
#include "alerts/alert_engine.h"
#include "analytics/analyze_command.h"
#include "backtest/backtest_sweep.h"
#include "cli/commands.h"
#include "io/csv_import.h"
#include "session/live_session.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

namespace {

void usage(QTextStream &s)
{
    s << "usage: pairlab-cli <command> [options]\n\n"
         "commands:\n"
         "  replay  --file F [--port P] [--speed X | --max] [--loop]   serve a recording on ws://127.0.0.1\n"
         "  ingest  (--url URL | --file F) --db D [--idle-exit S]      store a stream or recording (ticks + bars)\n"
         "  import  FILE --db D [--symbol S] [--format auto|ohlc|binance-klines|binance-trades|binance-aggtrades]\n"
         "          [--dataset NAME]                                   import a CSV (all or nothing)\n"
         "  export  bars --db D --symbol S (--interval 1s|1m|5m | --dataset NAME --interval-seconds N) --out F.csv\n"
         "  export  ticks --db D --symbol S [--from T] [--to T] --out F.csv\n"
         "  analyze FILE.csv [--window 120] [--entry 2] [--exit 0.5] [--cost 2] [--bars-per-year N] [--series OUT.csv]\n"
         "  bench   ingest|live|postgres|analytics|import|alerts|backtest [options]\n\n"
         "options: --help, --version. Exit codes: 0 ok, 1 failure, 2 usage error.\n";
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("pairlab-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("PairLab"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PAIRLAB_VERSION));
    pairlab::registerMetaTypes();
    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList args = QCoreApplication::arguments().mid(1);
    if (args.isEmpty()) {
        usage(err);
        return 2;
    }
    const QString command = args.takeFirst();
    if (command == QLatin1String("--help") || command == QLatin1String("-h") || command == QLatin1String("help")) {
        usage(out);
        return 0;
    }
    if (command == QLatin1String("--version") || command == QLatin1String("-v")) {
        out << "pairlab-cli " << QCoreApplication::applicationVersion() << '\n';
        return 0;
    }
    if (args.contains(QLatin1String("--help")) || args.contains(QLatin1String("-h"))) {
        usage(out);
        return 0;
    }
    if (command == QLatin1String("replay"))
        return pairlab::cli::replay(args, out, err);
    if (command == QLatin1String("ingest"))
        return pairlab::cli::ingest(args, out, err);
    if (command == QLatin1String("export"))
        return pairlab::cli::exportData(args, out, err);
    if (command == QLatin1String("import"))
        return pairlab::runImportCommand(args, out, err);
    if (command == QLatin1String("bench") && args.value(0) == QLatin1String("import"))
        return pairlab::runImportBench(args.mid(1), out);
    if (command == QLatin1String("bench") && args.value(0) == QLatin1String("alerts"))
        return pairlab::runAlertBench(args.mid(1), out);
    if (command == QLatin1String("bench") && args.value(0) == QLatin1String("backtest"))
        return pairlab::runBacktestBench(args.mid(1), out);
    if (command == QLatin1String("analyze"))
        return pairlab::runAnalyzeCommand(args, out, err);
    if (command == QLatin1String("bench") && args.value(0) == QLatin1String("analytics"))
        return pairlab::runAnalyticsBench(args.mid(1), out);
    if (command == QLatin1String("bench"))
        return pairlab::cli::bench(args, out, err);
    err << "pairlab-cli: unknown command '" << command << "'\n\n";
    usage(err);
    return 2;
}
