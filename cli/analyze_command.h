#pragma once

#include "analytics/pair_analysis.h"
#include "io/analysis_json.h"

#include <QByteArray>
#include <QStringList>

namespace pairlab::cli {

/** Reads a wide CSV `ts_ms,x,y` (columns found by name, any order; extra columns ignored) with
    std::from_chars. On error returns false and sets `error` to a message naming the line. */
bool readPairCsv(const QString &path, AlignedPair &out, QString &error);

/** Writes ts_ms,spread,zscore,corr_price,corr_logret,kalman_alpha,kalman_beta,position,pnl,equity
    (pnl/equity net of costs; empty cells where undefined). */
bool writeSeriesCsv(const QString &path, const PairAnalysis &a, QString &error);

} // namespace pairlab::cli
