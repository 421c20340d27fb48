#include "bench/benchmarks.h"

#include "backtest/backtest_sweep.h"
#include "backtest/walk_forward.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTextStream>
#include <QThreadPool>

#include <algorithm>
#include <cmath>

namespace pairlab::bench {

int benchBacktest(const QStringList &args, QTextStream &out, QTextStream & /*err*/)
{
    int bars = 100000, gridSize = 20, folds = 20;
    for (int i = 0; i + 1 < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--folds"))
            folds = std::max(1, args.at(i + 1).toInt());
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
    out << "bench backtest: prepare " << bars
        << " bars (static OLS, z W=120): " << QString::number(prepMs, 'f', 1) << " ms\n";
    out << "bench backtest: sweep " << grid.size() << " backtests x " << bars << " bars on "
        << QThreadPool::globalInstance()->maxThreadCount() << " threads: " << QString::number(sweepMs, 'f', 1)
        << " ms (" << QString::number(sweepMs / grid.size(), 'f', 3)
        << " ms per backtest; goal 400 in <= 5000 ms)\n";
    if (bi >= 0)
        out << "bench backtest: best net Sharpe " << QString::number(r.netSharpe(bi, bj), 'g', 6)
            << " at entry " << r.entries[std::size_t(bi)] << ", exit " << r.exits[std::size_t(bj)] << '\n';

    // Walk-forward over the same bars: `folds` test windows after a training window twice as long, each
    // training window swept over the same grid.
    WalkForwardConfig wf;
    wf.test = bars / (folds + 2);
    wf.step = wf.test;
    wf.train = 2 * wf.test;
    timer.restart();
    const WalkForwardResult w = runWalkForward(x, y, {}, base, grid, wf);
    const double wfMs = double(timer.nsecsElapsed()) / 1e6;
    if (!w.ok()) {
        out << "bench backtest: walk-forward: " << w.error << '\n';
        return 1;
    }
    out << "bench backtest: walk-forward " << w.folds.size() << " folds (train " << wf.train << ", test "
        << wf.test << " bars) x " << grid.size() << " cells on " << bars
        << " bars: " << QString::number(wfMs, 'f', 1) << " ms (" << QString::number(wfMs / sweepMs, 'f', 2)
        << "x the full sweep above; goal 100k bars, 20 x 20, 20 folds in <= 5000 ms)\n";
    out << "bench backtest: walk-forward out-of-sample net Sharpe "
        << QString::number(w.outOfSample.sharpe, 'g', 6) << " vs in-sample "
        << QString::number(w.inSampleSharpe, 'g', 6) << ", positive folds "
        << QString::number(100 * w.positiveFoldShare, 'f', 0) << " %\n";
    return r.complete ? 0 : 1;
}

} // namespace pairlab::bench
