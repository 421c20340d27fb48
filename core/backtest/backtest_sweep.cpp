#include "backtest/backtest_sweep.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTextStream>
#include <QThreadPool>
#include <QtConcurrent>

#include <cmath>

namespace pairlab {

QFuture<BacktestRun> startBacktest(const AlignedPair &pair, const BacktestConfig &config)
{
    return QtConcurrent::run([pair, config] { return backtestPair(prepareBacktest(pair, config), config); });
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

std::pair<int, int> SweepResult::best() const
{
    std::pair<int, int> at{-1, -1};
    double top = -std::numeric_limits<double>::infinity();
    for (std::size_t k = 0; k < cells.size(); ++k) {
        const SweepCell &c = cells[k];
        if (c.valid && std::isfinite(c.summary.sharpe) && c.summary.sharpe > top) {
            top = c.summary.sharpe;
            at = {c.entryIndex, c.exitIndex};
        }
    }
    return at;
}

QFuture<SweepCell> startBacktestSweep(std::shared_ptr<const PreparedBacktest> inputs, const BacktestConfig &base,
                                      const SweepGrid &grid, QThreadPool *pool)
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

SweepResult runBacktestSweep(std::shared_ptr<const PreparedBacktest> inputs, const BacktestConfig &base,
                             const SweepGrid &grid, QThreadPool *pool)
{
    QFuture<SweepCell> f = startBacktestSweep(std::move(inputs), base, grid, pool);
    f.waitForFinished();
    return collectSweep(grid, f);
}

int runBacktestBench(const QStringList &args, QTextStream &out)
{
    int bars = 100000, gridSize = 20;
    for (int i = 0; i + 1 < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--bars"))
            bars = std::max(1000, args.at(i + 1).toInt());
        else if (args.at(i) == QLatin1String("--grid"))
            gridSize = std::max(1, args.at(i + 1).toInt());
    }
    // Synthetic cointegrated pair: x a random walk around 2000, y = 10 + 18 x + an AR(1) spread.
    QRandomGenerator rng(7);
    auto normal = [&rng] {
        const double u1 = std::max(rng.generateDouble(), 1e-300), u2 = rng.generateDouble();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
    };
    std::vector<double> x(static_cast<std::size_t>(bars)), y(static_cast<std::size_t>(bars));
    double px = 2000, e = 0;
    for (std::size_t t = 0; t < x.size(); ++t) {
        px += normal() * 0.5;
        e = 0.995 * e + normal() * 2.0;
        x[t] = px;
        y[t] = 10 + 18 * px + e;
    }
    BacktestConfig base;
    base.window = 120;
    SweepGrid grid;
    for (int k = 0; k < gridSize; ++k) {
        grid.entries.push_back(1.0 + 2.0 * k / gridSize);
        grid.exits.push_back(0.0 + 0.9 * k / gridSize);
    }
    QElapsedTimer timer;
    timer.start();
    const auto inputs = prepareBacktest(x, y, {}, base);
    const double prepMs = double(timer.nsecsElapsed()) / 1e6;
    if (!inputs->ok()) {
        out << "bench backtest: " << inputs->error << '\n';
        return 1;
    }
    timer.restart();
    const SweepResult r = runBacktestSweep(inputs, base, grid);
    const double sweepMs = double(timer.nsecsElapsed()) / 1e6;
    const auto [bi, bj] = r.best();
    out << "bench backtest: prepare " << bars << " bars (static OLS, z W=120): " << QString::number(prepMs, 'f', 1)
        << " ms\n";
    out << "bench backtest: sweep " << grid.size() << " backtests x " << bars << " bars on "
        << QThreadPool::globalInstance()->maxThreadCount() << " threads: " << QString::number(sweepMs, 'f', 1)
        << " ms (" << QString::number(sweepMs / grid.size(), 'f', 3) << " ms per backtest; goal 400 in <= 5000 ms)\n";
    if (bi >= 0)
        out << "bench backtest: best net Sharpe " << QString::number(r.netSharpe(bi, bj), 'g', 6) << " at entry "
            << r.entries[std::size_t(bi)] << ", exit " << r.exits[std::size_t(bj)] << '\n';
    return r.complete ? 0 : 1;
}

} // namespace pairlab
