#pragma once

#include <QString>
#include <QStringList>

class QTextStream;

// The benchmarks of `pairlab-cli bench KIND`. Each takes the arguments after its kind, prints its figures (as
// ratios against a baseline measured in the same run where there is one) on out and problems on err, and
// returns 0, 1 on failure or 2 on bad usage. None asserts a time: these machines are shared.
namespace pairlab::bench {

/** `bench ingest [--ticks N] [--file F]`: parse rate (simdjson vs QJsonDocument), end-to-end recording →
 *  parse → SQLite → bars rate against raw sqlite3 inserts of the same rows in the same run, resident memory.
 */
int benchIngest(const QStringList &args, QTextStream &out, QTextStream &err);

/** `bench live [--rate 5000] [--seconds 20]`: the real recording served by a local ReplayServer at the given
 *  trade rate through BinanceFeed, TickWriter and BarModel; latency from a frame's receipt on the feed thread
 *  to its bar being merged in the model on the main thread (p50/p99/max). */
int benchLive(const QStringList &args, QTextStream &out, QTextStream &err);

/** `bench postgres --db postgresql://… [--ticks N] [--readers K]`: TickWriter into PostgreSQL (COPY) against
 * raw libpq COPY and QSqlQuery::execBatch in the same run, then one writer with K readers loading bar
 * snapshots. */
int benchPostgres(const QStringList &args, QTextStream &out, QTextStream &err);

/** `bench analytics [--n 100000] [--runs 3] [--btc F.jsonl --eth F.jsonl] [--dump IN.csv]`: times every
 *  computation on an n-bar BTC/ETH-like input built from the real 1 s log returns of the Binance recordings
 *  (replayed in blocks with a random sign per block), best of `runs`; --dump writes the input as ts_ms,x,y.
 */
int benchAnalytics(const QStringList &args, QTextStream &out, QTextStream &err);

/** `bench import [--rows N]`: writes an OHLC file and a Binance trades dump of N rows each (real rows
 * repeated with shifted times) to a temporary directory and times their import. */
int benchImport(const QStringList &args, QTextStream &out, QTextStream &err);

/** `bench alerts [--rules 50] [--updates 100000]`: µs per rule per update of the alert engine. */
int benchAlerts(const QStringList &args, QTextStream &out, QTextStream &err);

/** `bench backtest [--bars 100000] [--grid 20]`: a K×K entry/exit sweep on synthetic cointegrated bars. */
int benchBacktest(const QStringList &args, QTextStream &out, QTextStream &err);

/** `bench history [--bars 200000]`: bars of the exchange's history stored per second — parsing and storing
 *  pages alone, then end to end through KlineHistory from a loopback server that does not throttle — and the
 *  time Binance's rate limits give 7 days × {1m, 5m} × 10 symbols (computed). */
int benchHistory(const QStringList &args, QTextStream &out, QTextStream &err);

/** `bench scan [--symbols 300] [--bars 1440] [--threads 0] [--sample 200]`: the market-wide pair scan on a
 *  synthetic universe, against the per-pair reference route (QR least squares, one QR per ADF lag) timed on a
 *  sample of the same pairs in the same run; the per-bar live step, alone and as the app runs it (bars in
 *  SQLite, the full scan and the step after one more bar read from there); peak memory. */
int benchScan(const QStringList &args, QTextStream &out, QTextStream &err);

/** `bench api [--clients 200] [--streams 50] [--seconds 30] [--rate 5000] [--poll-ms 1000] [--workers 4]`:
 * the local API under load on loopback — `serve`'s workbench fed by a replay at `rate` trades/s, HTTP clients
 *  polling /v1/pair on keep-alive connections, WebSocket subscribers to everything — latency percentiles of
 *  the answers, errors, and whether every subscriber heard every stored alert event exactly once. Exit 1 on
 *  an error or a lost event. */
int benchApi(const QStringList &args, QTextStream &out, QTextStream &err);

/** Resident set size and its peak, in MiB (Linux /proc; 0 elsewhere). */
double residentMiB(bool peak = false);

} // namespace pairlab::bench
