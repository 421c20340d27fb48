#include "cli/commands.h"

#include "bench/benchmarks.h"

#include <QCoreApplication>
#include <QTextStream>

namespace pairlab::cli {

namespace {

struct BenchKind
{
    const char *name;
    Handler run;
};

// Every benchmark, routed here and nowhere else.
const BenchKind BenchKinds[] = {
    {"ingest", &bench::benchIngest},     {"live", &bench::benchLive},
    {"postgres", &bench::benchPostgres}, {"analytics", &bench::benchAnalytics},
    {"import", &bench::benchImport},     {"alerts", &bench::benchAlerts},
    {"backtest", &bench::benchBacktest}, {"history", &bench::benchHistory},
    {"scan", &bench::benchScan},         {"api", &bench::benchApi},
};

QString benchKinds()
{
    QStringList names;
    for (const BenchKind &k : BenchKinds)
        names << QString::fromLatin1(k.name);
    return names.join(QLatin1Char('|'));
}

} // namespace

int bench(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString what = args.value(0);
    for (const BenchKind &k : BenchKinds)
        if (what == QLatin1String(k.name))
            return k.run(args.mid(1), out, err);
    err << QStringLiteral("usage: pairlab-cli bench %1 [options]\n").arg(benchKinds());
    return 2;
}

const QList<Command> &commands()
{
    static const QList<Command> table = {
        {QStringLiteral("replay"),
         QStringLiteral(
             "--file F [--port P] [--speed X | --max] [--loop]   serve a recording on ws://127.0.0.1"),
         &replay},
        {QStringLiteral("ingest"),
         QStringLiteral(
             "(--url URL | --file F) --db D [--idle-exit S]      store a stream or recording (ticks, bars,\n"
             "        quote bars; a .gz or hftbacktest capture too)"),
         &ingest},
        {QStringLiteral("import"),
         QStringLiteral(
             "FILE --db D [--symbol S] [--format auto|ohlc|binance-klines|binance-trades|binance-aggtrades]\n"
             "        [--dataset NAME] [--earliest DATE]                 import a CSV or .zip (all or "
             "nothing)"),
         &importFile},
        {QStringLiteral("export"),
         QStringLiteral("bars --db D --symbol S (--interval 1s|1m|5m | --dataset NAME --interval-seconds N) "
                        "--out F.csv\n"
                        "export  ticks --db D --symbol S [--from T] [--to T] --out F.csv\n"
                        "export  quotes --db D --symbol S --interval 1s|1m|5m --out F.csv   bid/ask bars"),
         &exportData},
        {QStringLiteral("history"),
         QStringLiteral(
             "--db D --symbols BTCUSDT,ETHUSDT --interval 1m|5m --from T --to T\n"
             "        [--rest-base URL] [--weight-per-minute N]      the exchange's bars of [from, to), "
             "once"),
         &history},
        {QStringLiteral("analyze"),
         QStringLiteral("FILE.csv [--window 120] [--entry 2] [--exit 0.5] [--cost 2] [--bars-per-year N] "
                        "[--series OUT.csv]"),
         &analyze},
        {QStringLiteral("scan"),
         QStringLiteral("FILE.csv [--window 120] [--format json|csv] [--out F]   every pair of a wide close "
                        "file"),
         &scan},
        {QStringLiteral("basket"),
         QStringLiteral(
             "FILE.csv [--symbols A,B,C] (--weights 1,-0.05,… | --johansen 0 [--det-order 0]\n"
             "        [--k-ar-diff 1]) [--window 120] [--entry 2] [--exit 0.5] [--fee-bps 0] [--notional N]\n"
             "        a basket's spread (ADF, half-life, Hurst, z) and backtest"),
         &basket},
        {QStringLiteral("backtest"),
         QStringLiteral(
             "FILE.csv [--window 120] [--hedge static_ols|rolling_ols|kalman] [--entry 2] [--exit 0.5]\n"
             "        [--stop Z] [--cost 2] [--fee-bps 0] [--slippage-bps 0] [--notional N]\n"
             "        [--walk-forward TRAIN:TEST:STEP [--entries 1:3:0.25] [--exits 0:1:0.25]\n"
             "        [--objective sharpe|net_pnl] [--min-trades 1]] [--trades F.csv] [--equity F.csv]"),
         &backtest},
        {QStringLiteral("johansen"),
         QStringLiteral(
             "FILE.csv [--det-order 0] [--k-ar-diff 1]   Johansen test of a basket (wide close file)"),
         &johansen},
        {QStringLiteral("serve"),
         QStringLiteral("--db D [--port 8765] [--bind 127.0.0.1] [--token T] [--allow-writes]\n"
                        "        [--symbols A,B] [--url URL] [--pair Y/X …] [--interval 1s]   the local API "
                        "(HTTP + WebSocket)"),
         &serve},
        {QStringLiteral("bench"), QStringLiteral("%1 [options]").arg(benchKinds()), &bench},
    };
    return table;
}

QString usage()
{
    QString s = QStringLiteral("usage: pairlab-cli <command> [options]\n\ncommands:\n");
    for (const Command &c : commands()) {
        QString synopsis = c.synopsis;
        synopsis.replace(QLatin1Char('\n'), QStringLiteral("\n  ")); // continuation lines keep the indent
        s += QStringLiteral("  %1 %2\n").arg(c.name, -7).arg(synopsis);
    }
    s += QStringLiteral("\noptions: --help, --version. Exit codes: 0 ok, 1 failure, 2 usage error.\n");
    return s;
}

int run(QStringList args, QTextStream &out, QTextStream &err)
{
    if (args.isEmpty()) {
        err << usage();
        return 2;
    }
    const QString command = args.takeFirst();
    if (command == QLatin1String("--help") || command == QLatin1String("-h") ||
        command == QLatin1String("help")) {
        out << usage();
        return 0;
    }
    if (command == QLatin1String("--version") || command == QLatin1String("-v")) {
        out << "pairlab-cli " << QCoreApplication::applicationVersion() << '\n';
        return 0;
    }
    if (args.contains(QLatin1String("--help")) || args.contains(QLatin1String("-h"))) {
        out << usage();
        return 0;
    }
    for (const Command &c : commands())
        if (c.name == command)
            return c.run(args, out, err);
    err << "pairlab-cli: unknown command '" << command << "'\n\n" << usage();
    return 2;
}

} // namespace pairlab::cli
