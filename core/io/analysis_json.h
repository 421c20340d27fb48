#pragma once

#include "analytics/pair_analysis.h"

#include <QByteArray>

namespace pairlab {

/** The JSON object of one pair analysis, as `pairlab-cli analyze` prints it and the local API's /v1/pair
 *  answers it (shape of shared/tools/check_analyze_json.py): keys in a fixed order, numbers in shortest
 *  round-trip form, NaN and infinities as null, then `timings_ms` (the steps the caller timed). */
QByteArray analysisToJson(const PairAnalysis &a);

} // namespace pairlab
