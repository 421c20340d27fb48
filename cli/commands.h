#pragma once

#include <QList>
#include <QString>
#include <QStringList>

class QTextStream;

// pairlab-cli's commands: one table (name, synopsis, handler) that the dispatcher and the usage text are made
// from. Each handler takes the arguments after its own name, writes results to out and problems to err, and
// returns the process exit code (0 ok, 1 failure, 2 usage error). They need a QCoreApplication; commands that
// serve or listen run its event loop.
namespace pairlab::cli {

int replay(const QStringList &args, QTextStream &out, QTextStream &err);
int ingest(const QStringList &args, QTextStream &out, QTextStream &err);
/** `import FILE --db D …`: a CSV (or data.binance.vision .zip) all or nothing. Exit 1 when refused, with
 *  FILE:LINE: field: reason on err. */
int importFile(const QStringList &args, QTextStream &out, QTextStream &err);
int exportData(const QStringList &args, QTextStream &out, QTextStream &err);
/** `history --db D --symbols A,B --interval 1m|5m --from T --to T [--rest-base URL]`: stores every bar of the
 *  exchange (GET /fapi/v1/klines) whose open time lies in [from, to) exactly once, asking only for what is
 * not stored yet. Exit 0 when complete, 1 with the reason when not (what was stored stays), 2 on bad usage.
 */
int history(const QStringList &args, QTextStream &out, QTextStream &err);
/** `analyze FILE.csv [--window 120] [--entry 2] [--exit 0.5] [--cost 2] [--bars-per-year 31536000]
 *  [--series OUT.csv]`: one JSON object (shape of shared/tools/check_analyze_json.py) on out; 1 on bad
 *  input (the offending line or reason on err), 2 on bad usage. */
int analyze(const QStringList &args, QTextStream &out, QTextStream &err);
/** `scan FILE.csv [--window 120] [--format json|csv] [--out F]`: every pair of a wide close file
 *  (`ts_ms,SYM1,SYM2,…`, an empty cell where a symbol has no bar), CONVENTIONS §15. 1 on bad input
 * (FILE:LINE: column: reason on err), 2 on bad usage. */
int scan(const QStringList &args, QTextStream &out, QTextStream &err);
/** `johansen FILE.csv [--det-order 0] [--k-ar-diff 1]`: the Johansen test of a wide close file (every column
 *  in every row), CONVENTIONS §16, as one JSON object {k, n, det_order, k_ar_diff, eig, trace, max_eig,
 *  trace_crit, max_eig_crit, evec, symbols, nobs}. 1 on bad input, 2 on bad usage. */
int johansen(const QStringList &args, QTextStream &out, QTextStream &err);
/** `basket FILE.csv --symbols A,B,… (--weights W,… | --johansen R) [options]`: a basket's spread (ADF,
 *  half-life, Hurst, z) and backtest as one JSON object. 1 on bad input, 2 on bad usage. */
int basket(const QStringList &args, QTextStream &out, QTextStream &err);
/** `backtest FILE.csv [options] [--walk-forward TRAIN:TEST:STEP …]`: one backtest of a pair file (ts_ms,x,y),
 *  or a walk-forward of it, as one JSON object. 1 on bad input, 2 on bad usage. */
int backtest(const QStringList &args, QTextStream &out, QTextStream &err);
/** `serve --db D [--port 8765] [--bind 127.0.0.1] [--token T] [--allow-writes] [--symbols …] [--url URL]
 *  [--pair Y/X …]`: the local API (README "Local API") until SIGINT/SIGTERM; prints "listening: URL" and
 *  "token: T" first. 1 when it cannot listen or open the database, 2 on bad usage. */
int serve(const QStringList &args, QTextStream &out, QTextStream &err);
/** `bench KIND [options]`: the benchmarks of bench/benchmarks.h. */
int bench(const QStringList &args, QTextStream &out, QTextStream &err);

using Handler = int (*)(const QStringList &, QTextStream &, QTextStream &);

struct Command
{
    QString name;
    QString synopsis; ///< the usage lines after "pairlab-cli NAME"
    Handler run = nullptr;
};

/** Every command, in the order the usage lists them. */
const QList<Command> &commands();

/** The usage text, made from commands(). */
QString usage();

/** Runs `pairlab-cli ARGS…` (args without the program name): --help, --version, or a command. */
int run(QStringList args, QTextStream &out, QTextStream &err);

} // namespace pairlab::cli
