#pragma once

#include "backtest/backtest_engine.h"
#include "backtest/backtest_sweep.h"

#include <QString>

#include <atomic>
#include <span>
#include <vector>

namespace pairlab {

/** What a training window's sweep maximises to choose the (entry, exit) of the following test window. */
enum class WalkForwardObjective { NetSharpe, NetPnl };
QString walkForwardObjectiveKey(WalkForwardObjective o);
/** "sharpe" / "net_pnl"; false for anything else. */
bool walkForwardObjectiveFromKey(const QString &key, WalkForwardObjective *out);

/** Fold k trains on bars [k·step, k·step + train) and trades [k·step + train, k·step + train + test);
 *  folds are made while the test window fits in the data (the bars after the last one are not traded). */
struct WalkForwardConfig
{
    int train = 0, test = 0, step = 0; ///< bars
    WalkForwardObjective objective = WalkForwardObjective::NetSharpe;
    int minTrades = 1; ///< a cell with fewer in-sample trades is never chosen
};

/** One fold: its windows (bar indices, [from, to)), what its training chose, and both runs. */
struct WalkForwardFold
{
    int trainFrom = 0, trainTo = 0, testFrom = 0, testTo = 0;
    bool chosen = false; ///< false: no cell met the objective (the test window stays flat)
    double entryZ = kNaN, exitZ = kNaN;
    /** Static OLS: alpha, beta fitted on the training window and held through the test window; the other
     *  hedge methods adapt bar by bar (NaN here). */
    double alpha = kNaN, beta = kNaN;
    BacktestSummary inSample, outOfSample;
    QString note; ///< why nothing was chosen
};

/** The folds and the stitched out-of-sample run. */
struct WalkForwardResult
{
    WalkForwardConfig config;
    std::vector<WalkForwardFold> folds;
    /** The test windows one after another: bar times, net pnl per bar and its running sum. */
    std::vector<qint64> timeMs;
    std::vector<double> pnlNet, equityNet;
    std::vector<BacktestTrade> trades; ///< out-of-sample trades, bar indices of the whole data
    /** The stitched series as one run: pnl, costs, trades, Sharpe (§12 over the stitched bars), drawdown of
     *  the stitched equity. */
    BacktestSummary outOfSample;
    /** In-sample, averaged over the folds whose training chose a cell (training windows overlap, so they are
     *  not added up): Sharpe (of those where it exists), net pnl per bar, maximum drawdown. */
    double inSampleSharpe = kNaN, inSamplePnlPerBar = kNaN, inSampleMaxDrawdown = kNaN;
    int chosenFolds = 0;
    double outOfSamplePnlPerBar = kNaN;
    double positiveFoldShare = kNaN; ///< folds whose test window's net pnl is above zero, over all folds
    QString error;
    bool cancelled = false;
    bool ok() const { return error.isEmpty() && !cancelled; }
};

/** Number of folds a config makes of n bars (0 when none fits). */
int walkForwardFoldCount(const WalkForwardConfig &config, int bars);
/** Why no cell of the grid is a valid backtest with base's other parameters (empty when one is). */
QString validateWalkForwardGrid(const BacktestConfig &base, const SweepGrid &grid);
/** Why the config cannot run on n bars with base's window (empty when it can). */
QString validateWalkForward(const WalkForwardConfig &config, int bars, const BacktestConfig &base);

/** Walk-forward of a pair (x regressor, y dependent, bar open times): in each fold the training window's
 *  entry × exit grid (base's other parameters) is run as a sweep and the best cell by the objective (first
 *  in row-major order on ties) trades the test window. The hedge is the training window's: static OLS is
 *  fitted on it and held; rolling OLS and Kalman run from the training window's first bar on, so their
 *  test-window values only know the past. The test window's z-score uses the spread of the bars before it
 *  (its first bar has a full window); it starts flat, and a trade open at its last bar is closed there with
 *  its exit costs (BacktestConfig::closeAtEnd). With the static hedge a test window is the §12 backtest of
 *  its bars on the training window's alpha and beta. Folds run on `threads` threads (0: as many as cores);
 * `cancel` is polled between sweep cells, `done` counts finished folds. Pure; any thread. */
WalkForwardResult runWalkForward(std::span<const double> x, std::span<const double> y,
                                 std::span<const qint64> timeMs, const BacktestConfig &base,
                                 const SweepGrid &grid, const WalkForwardConfig &config,
                                 const BacktestMarket *market = nullptr,
                                 const std::atomic<bool> *cancel = nullptr, std::atomic<int> *done = nullptr,
                                 int threads = 0);

/** The inputs of a test window [from, to) with a static hedge alpha, beta: spread over [from − window + 1,
 *  to), its §5 z-score, kept from `from` on. */
std::shared_ptr<const PreparedBacktest> prepareStaticTestWindow(std::span<const double> x,
                                                                std::span<const double> y,
                                                                std::span<const qint64> timeMs, int from,
                                                                int to, double alpha, double beta, int window,
                                                                const BacktestMarket *market);

} // namespace pairlab
