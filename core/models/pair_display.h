#pragma once

#include "analytics/pair_analysis.h"

#include <QString>

#include <memory>
#include <vector>

namespace pairlab {

enum class HedgeMethod { Ols, Huber, TheilSen, Kalman };
/** The method's label, translated (models/analysis_choices.h holds the keys and labels). */
QString hedgeMethodName(HedgeMethod m);

/** The per-bar columns the pair charts draw, for one hedge-ratio method: both legs normalised to 100 at
 *  the first bar, hedge ratio over time (the static method's constant, or the Kalman posterior beta_t),
 *  spread y - (alpha + beta x) with a static hedge and its rolling z-score (ddof 1, trailing window incl.
 *  t) — or, for the Kalman hedge, the innovation e_t and e_t / sqrt(S_t) of kalmanSpread() with the
 *  window as its warm-up —, and the rolling correlations of prices and of log returns. Shared immutable
 * columns, cheap to hand to several charts. Built by buildPairDisplay() on a worker thread. */
struct PairDisplay
{
    HedgeMethod method = HedgeMethod::Ols;
    double alpha = 0, beta = 0;                         ///< the static hedge used (NaN for Kalman)
    AnalyticsStatus kalmanStatus = AnalyticsStatus::Ok; ///< why the Kalman columns are empty, if they are
    double kalmanR = kNaN; ///< the observation variance the Kalman warm-up estimated
    std::shared_ptr<const std::vector<qint64>> time;
    std::shared_ptr<const std::vector<double>> x, y, normX, normY, hedge, rollingOlsBeta, spread, zscore,
        corrPrice, corrLogReturn;
    bool empty() const { return !time || time->empty(); }
};

/** Writes `ts_ms,x,y,beta,spread,zscore,corr_price,corr_logret` (round-trip precision, empty where
 *  undefined) atomically to path. */
bool exportPairSeriesCsv(const PairDisplay &d, const QString &path, QString *error);

/** Builds the display columns from an aligned pair and its full analysis (any thread). */
PairDisplay buildPairDisplay(const AlignedPair &pair, const PairAnalysis &analysis, HedgeMethod method,
                             int window);

} // namespace pairlab
