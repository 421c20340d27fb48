#pragma once

#include "analytics/pair_analysis.h"

#include <QByteArray>
#include <QStringList>
#include <QTextStream>

namespace pairlab {

/** `pairlab-cli analyze FILE.csv [--window 120] [--entry 2] [--exit 0.5] [--cost 2]
    [--bars-per-year 31536000] [--series OUT.csv]`; `args` excludes the program name and "analyze".
    Prints one JSON object (shape of shared/tools/check_analyze_json.py) on `out`; errors go to `err`
    with the offending line or reason; returns 0 on success, 1 on bad input, 2 on bad usage. */
int runAnalyzeCommand(const QStringList &args, QTextStream &out, QTextStream &err);

/** `pairlab-cli bench analytics [--n 100000] [--runs 3] [--btc F.jsonl --eth F.jsonl] [--dump IN.csv]`:
    times every computation on an n-bar BTC/ETH-like input built from the real 1 s log returns of the
    Binance recordings (replayed in blocks with a random sign per block), best of `runs`, and prints a
    table; --dump writes the generated input as a ts_ms,x,y CSV. Returns 0 on success. */
int runAnalyticsBench(const QStringList &args, QTextStream &out);

/** Reads a wide CSV `ts_ms,x,y` (columns found by name, any order; extra columns ignored) with
    std::from_chars. On error returns false and sets `error` to a message naming the line. */
bool readPairCsv(const QString &path, AlignedPair &out, QString &error);

/** The analyze JSON for one result (numbers in shortest round-trip form, NaN/inf as null). */
QByteArray analysisToJson(const PairAnalysis &a);

/** Writes ts_ms,spread,zscore,corr_price,corr_logret,kalman_alpha,kalman_beta,position,pnl,equity
    (pnl/equity net of costs; empty cells where undefined). */
bool writeSeriesCsv(const QString &path, const PairAnalysis &a, QString &error);

} // namespace pairlab
