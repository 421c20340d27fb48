#pragma once

#include "analytics/pair_analysis.h"
#include "backtest/backtest_engine.h"

#include <QFuture>
#include <QList>

#include <memory>
#include <vector>

class QThreadPool;

namespace pairlab {

/** Runs one full backtest (preparation + run with trades and series) on the global pool, for a
    dialog: observe the future with a QFutureWatcher<BacktestRun>; the pair is copied. */
QFuture<BacktestRun> startBacktest(const AlignedPair &pair, const BacktestConfig &config,
                                   std::shared_ptr<const BacktestMarket> market = {});

/** Entry x exit thresholds of a sweep (all other parameters come from the base configuration). */
struct SweepGrid
{
    std::vector<double> entries, exits;
    int size() const { return int(entries.size() * exits.size()); }
};

/** from, from+step, ... up to `to` (inclusive within step/1e6). Empty for step <= 0 or to < from. */
std::vector<double> thresholdRange(double from, double to, double step);

/** One cell of a sweep: its indices and thresholds, and the summary of that backtest. `valid` is
    false (summary left default) when the pair of thresholds is not a valid configuration
    (e.g. exit >= entry) — `error` says why. */
struct SweepCell
{
    int entryIndex = 0, exitIndex = 0;
    double entryZ = kNaN, exitZ = kNaN;
    bool valid = false;
    QString error;
    BacktestSummary summary;
};

/** The assembled grid: cells row-major by entry (cell(i, j) = entries[i] x exits[j]); cells that were
    not computed (cancelled sweep) are invalid. */
struct SweepResult
{
    std::vector<double> entries, exits;
    std::vector<SweepCell> cells;
    bool complete = false;
    const SweepCell &cell(int entryIndex, int exitIndex) const
    {
        return cells[std::size_t(entryIndex) * exits.size() + std::size_t(exitIndex)];
    }
    /** Net Sharpe of a cell, NaN when invalid or not computed. */
    double netSharpe(int entryIndex, int exitIndex) const
    {
        const SweepCell &c = cell(entryIndex, exitIndex);
        return c.valid ? c.summary.sharpe : kNaN;
    }
    /** Indices of the valid cell with the highest net Sharpe among those with at least minTrades trades,
        {-1, -1} if none. */
    std::pair<int, int> best(int minTrades = 0) const;
};

/** Starts a sweep of entry x exit thresholds with QtConcurrent::mapped on `pool` (global pool when
    null). Every cell runs backtestSummary() on the shared, read-only `inputs` (spread, z and hedge
    computed once for the window), O(n) each. The returned future reports progress
    (progressValue()/progressMaximum() = cells done/total) and results in grid order
    (resultAt(k) = cell k, row-major), and stops scheduling cells when cancel() is called; observe it
    with a QFutureWatcher<SweepCell> in the GUI and build the grid with collectSweep() when it
    finishes. `base.entryZ/exitZ` are ignored. */
QFuture<SweepCell> startBacktestSweep(const std::shared_ptr<const PreparedBacktest> &inputs,
                                      const BacktestConfig &base, const SweepGrid &grid,
                                      QThreadPool *pool = nullptr);
/** Assembles the grid from the results a (possibly cancelled) sweep future holds. */
SweepResult collectSweep(const SweepGrid &grid, const QFuture<SweepCell> &future);
/** Blocking sweep for worker threads, the CLI and tests (never call it on the GUI thread). */
SweepResult runBacktestSweep(const std::shared_ptr<const PreparedBacktest> &inputs,
                             const BacktestConfig &base, const SweepGrid &grid, QThreadPool *pool = nullptr);

} // namespace pairlab

Q_DECLARE_METATYPE(pairlab::SweepCell)
