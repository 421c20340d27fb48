#pragma once

#include "analytics/pair_scan.h"

#include <QByteArray>
#include <QStringList>

#include <vector>

namespace pairlab {

/** The scan JSON of `pairlab-cli scan` and the local API's /v1/scan:
 * {"n_symbols","n_pairs","n_rows","window",
 *  "pairs":[{"y","x","n","alpha","beta","eg_stat","eg_pvalue","eg_stat_reverse","eg_pvalue_reverse",
 *  "half_life","hurst","corr_returns","z_last","crossings_per_1000"}…]} (a record per line). */
QByteArray scanToJson(const QStringList &symbols, qint64 rows, const std::vector<PairScanRecord> &recs,
                      int window);
/** The same records as CSV with those column names (empty where undefined). */
QByteArray scanToCsv(const QStringList &symbols, const std::vector<PairScanRecord> &recs);

} // namespace pairlab
