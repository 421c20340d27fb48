#pragma once

#include "analytics/adf.h"
#include "analytics/backtest.h"
#include "analytics/kalman.h"
#include "analytics/regression.h"
#include "analytics/series_stats.h"

#include <QString>
#include <QtGlobal>

#include <atomic>
#include <utility>
#include <vector>

namespace pairlab {

/** Two aligned close series (same length, same bar times): x = regressor leg, y = dependent leg. */
struct AlignedPair
{
    std::vector<qint64> timeMs;
    std::vector<double> x, y;
    std::size_t size() const { return x.size(); }
};

/** One close series of one symbol, bar open times ascending (the bar model / database feeds these). */
struct CloseSeries
{
    QString symbol;
    std::vector<qint64> openTimeMs;
    std::vector<double> close;
};

/** Inner join of two close series on bar open time (both sorted ascending; duplicates keep the last). */
AlignedPair alignOnOpenTime(const CloseSeries &x, const CloseSeries &y);

struct PairAnalysisOptions
{
    int window = 120;
    BacktestParams backtest;
    bool heavy = true;  ///< ADF, Engle-Granger, Huber, Theil-Sen (the expensive, slowly changing part)
    bool series = true; ///< keep the per-bar series
};

/** Everything PairLab computes for one pair (CONVENTIONS §1-12), plus per-step wall times in ms. */
struct PairAnalysis
{
    AnalyticsStatus status = AnalyticsStatus::Ok;
    QString error; ///< human-readable reason when status != Ok
    int n = 0, window = 0;
    OlsResult ols;
    HuberResult huber;
    TheilSenResult theilSen;
    double kalman2Alpha = kNaN, kalman2Beta = kNaN, kalman1Beta = kNaN;
    /** The scaled Kalman spread (kalmanSpread(), warm-up = window) at the last bar; status says why
        its numbers are NaN (e.g. TooFewRows when n <= window). */
    struct KalmanSpreadLast
    {
        AnalyticsStatus status = AnalyticsStatus::TooFewRows;
        double r = kNaN, alpha = kNaN, beta = kNaN, innovation = kNaN, variance = kNaN, zscore = kNaN;
    } kalmanSpreadLast;
    AdfResult adfC, adfCt, adfN; ///< on the OLS spread
    CointResult coint;
    LegStats statsX, statsY;
    HalfLife halfLife;
    double hurst = kNaN;
    BacktestResult backtest; ///< its per-bar vectors are kept only when options.series
    bool heavyComputed = false;
    // per-bar series (empty unless options.series)
    std::vector<qint64> timeMs;
    std::vector<double> spread, zscore, corrPrice, corrLogReturn, kalmanAlpha, kalmanBeta;
    std::vector<std::pair<QString, double>> timingsMs;
    bool ok() const { return status == AnalyticsStatus::Ok; }
};

/** Runs every computation on an aligned pair. Pure; callable from any thread. Returns early with
    status/error on bad input (NaN, constant leg, fewer rows than the window) or when `cancel` is set. */
PairAnalysis analyzePair(const AlignedPair &pair, const PairAnalysisOptions &options = {},
                         const std::atomic<bool> *cancel = nullptr);

} // namespace pairlab
