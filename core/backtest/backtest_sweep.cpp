#include "backtest/backtest_sweep.h"

#include <QThreadPool>
#include <QtConcurrent>

#include <cmath>

namespace pairlab {

QFuture<BacktestRun> startBacktest(const AlignedPair &pair, const BacktestConfig &config,
                                   std::shared_ptr<const BacktestMarket> market)
{
    return QtConcurrent::run([pair, config, market = std::move(market)] {
        return backtestPair(prepareBacktest(pair, config, market.get()), config);
    });
}

std::vector<double> thresholdRange(double from, double to, double step)
{
    std::vector<double> out;
    if (!(step > 0) || !(to >= from) || !std::isfinite(from) || !std::isfinite(to))
        return out;
    const long long count = (long long)std::floor((to - from) / step + 1e-6) + 1;
    for (long long k = 0; k < count && k < 100000; ++k)
        out.push_back(from + double(k) * step);
    return out;
}

std::pair<int, int> SweepResult::best(int minTrades) const
{
    std::pair<int, int> at{-1, -1};
    double top = -std::numeric_limits<double>::infinity();
    for (std::size_t k = 0; k < cells.size(); ++k) {
        const SweepCell &c = cells[k];
        if (c.valid && c.summary.trades >= minTrades && std::isfinite(c.summary.sharpe) &&
            c.summary.sharpe > top) {
            top = c.summary.sharpe;
            at = {c.entryIndex, c.exitIndex};
        }
    }
    return at;
}

QFuture<SweepCell> startBacktestSweep(const std::shared_ptr<const PreparedBacktest> &inputs,
                                      const BacktestConfig &base, const SweepGrid &grid, QThreadPool *pool)
{
    std::vector<SweepCell> cells;
    cells.reserve(std::size_t(grid.size()));
    for (int i = 0; i < int(grid.entries.size()); ++i) {
        for (int j = 0; j < int(grid.exits.size()); ++j) {
            SweepCell c;
            c.entryIndex = i;
            c.exitIndex = j;
            c.entryZ = grid.entries[std::size_t(i)];
            c.exitZ = grid.exits[std::size_t(j)];
            cells.push_back(c);
        }
    }
    auto run = [inputs, base](const SweepCell &in) {
        SweepCell c = in;
        BacktestConfig cfg = base;
        cfg.entryZ = c.entryZ;
        cfg.exitZ = c.exitZ;
        if (!inputs || !inputs->ok()) {
            c.error = inputs ? inputs->error : QString();
            return c;
        }
        c.error = validateBacktestConfig(cfg);
        if (c.error.isEmpty())
            c.error = backtestMarketProblem(*inputs, cfg);
        if (c.error.isEmpty()) {
            c.summary = backtestSummary(*inputs, cfg);
            c.valid = true;
        }
        return c;
    };
    return QtConcurrent::mapped(pool ? pool : QThreadPool::globalInstance(), std::move(cells), run);
}

SweepResult collectSweep(const SweepGrid &grid, const QFuture<SweepCell> &future)
{
    SweepResult r;
    r.entries = grid.entries;
    r.exits = grid.exits;
    r.cells.resize(std::size_t(grid.size()));
    for (int i = 0; i < int(grid.entries.size()); ++i) {
        for (int j = 0; j < int(grid.exits.size()); ++j) {
            SweepCell &c = r.cells[std::size_t(i) * grid.exits.size() + std::size_t(j)];
            c.entryIndex = i;
            c.exitIndex = j;
            c.entryZ = grid.entries[std::size_t(i)];
            c.exitZ = grid.exits[std::size_t(j)];
        }
    }
    int found = 0;
    const int count = future.resultCount();
    for (int k = 0; k < count; ++k) {
        if (!future.isResultReadyAt(k))
            continue;
        const SweepCell c = future.resultAt(k);
        r.cells[std::size_t(c.entryIndex) * grid.exits.size() + std::size_t(c.exitIndex)] = c;
        ++found;
    }
    r.complete = !future.isCanceled() && found == grid.size();
    return r;
}

SweepResult runBacktestSweep(const std::shared_ptr<const PreparedBacktest> &inputs,
                             const BacktestConfig &base, const SweepGrid &grid, QThreadPool *pool)
{
    QFuture<SweepCell> f = startBacktestSweep(inputs, base, grid, pool);
    f.waitForFinished();
    return collectSweep(grid, f);
}

} // namespace pairlab
