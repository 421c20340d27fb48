#include "backtest/walk_forward.h"

#include "analytics/backtest.h"
#include "analytics/regression.h"
#include "analytics/rolling.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <limits>
#include <thread>

namespace pairlab {

namespace {

struct WalkForwardText
{
    Q_DECLARE_TR_FUNCTIONS(WalkForward)
};

template <typename T> std::vector<T> sliceOf(const std::vector<T> &v, int from, int to)
{
    if (v.empty())
        return {};
    return std::vector<T>(v.begin() + from, v.begin() + to);
}

/** Bars [from, to) of prepared inputs (their market series too). */
std::shared_ptr<PreparedBacktest> slicePrepared(const PreparedBacktest &p, int from, int to)
{
    auto s = std::make_shared<PreparedBacktest>();
    s->status = p.status;
    s->error = p.error;
    s->window = p.window;
    s->hedge = p.hedge;
    s->timeMs = sliceOf(p.timeMs, from, to);
    s->x = sliceOf(p.x, from, to);
    s->y = sliceOf(p.y, from, to);
    s->spread = sliceOf(p.spread, from, to);
    s->zscore = sliceOf(p.zscore, from, to);
    s->beta = sliceOf(p.beta, from, to);
    s->bidY = sliceOf(p.bidY, from, to);
    s->askY = sliceOf(p.askY, from, to);
    s->bidX = sliceOf(p.bidX, from, to);
    s->askX = sliceOf(p.askX, from, to);
    s->fundingY = sliceOf(p.fundingY, from, to);
    s->fundingX = sliceOf(p.fundingX, from, to);
    s->staleY = sliceOf(p.staleY, from, to);
    s->staleX = sliceOf(p.staleX, from, to);
    s->fundingEventsAt = sliceOf(p.fundingEventsAt, from, to);
    return s;
}

bool better(WalkForwardObjective o, const BacktestSummary &candidate, const BacktestSummary *best)
{
    const double v = o == WalkForwardObjective::NetSharpe ? candidate.sharpe : candidate.netPnl;
    if (!std::isfinite(v))
        return false;
    if (!best)
        return true;
    return v > (o == WalkForwardObjective::NetSharpe ? best->sharpe : best->netPnl);
}

struct FoldOutput
{
    WalkForwardFold fold;
    BacktestRun oos;
};

void runFold(std::span<const double> x, std::span<const double> y, std::span<const qint64> t,
             const BacktestConfig &base, const SweepGrid &grid, const WalkForwardConfig &wf,
             const BacktestMarket *market, const std::atomic<bool> *cancel, FoldOutput &out)
{
    WalkForwardFold &f = out.fold;
    const int trainSize = f.trainTo - f.trainFrom;
    const auto train = [&](auto s) { return s.subspan(std::size_t(f.trainFrom), std::size_t(trainSize)); };
    const std::span<const qint64> trainTimes = t.empty() ? t : train(t);

    // In sample: the training window alone, as a backtest of those bars would see it.
    const std::shared_ptr<const PreparedBacktest> is =
        prepareBacktest(train(x), train(y), trainTimes, base, market);
    if (!is->ok()) {
        f.note = is->error;
        return;
    }
    BacktestConfig chosen = base;
    for (double entry : grid.entries) {
        for (double exit : grid.exits) {
            if (cancel && cancel->load(std::memory_order_relaxed))
                return;
            BacktestConfig c = base;
            c.entryZ = entry;
            c.exitZ = exit;
            if (!validateBacktestConfig(c).isEmpty() || !backtestMarketProblem(*is, c).isEmpty())
                continue;
            const BacktestSummary s = backtestSummary(*is, c);
            if (s.trades < wf.minTrades || !better(wf.objective, s, f.chosen ? &f.inSample : nullptr))
                continue;
            f.chosen = true;
            f.inSample = s;
            f.entryZ = entry;
            f.exitZ = exit;
            chosen = c;
        }
    }
    if (!f.chosen) {
        f.note = WalkForwardText::tr("no cell of the grid had %n trade(s) and a finite objective in the "
                                     "training window",
                                     nullptr, wf.minTrades);
    }

    // Out of sample: the training window's hedge, the test window's bars.
    std::shared_ptr<const PreparedBacktest> oos;
    if (base.hedge == BacktestHedge::StaticOls) {
        const OlsResult ols = olsFit(train(x), train(y));
        if (!ols.ok()) {
            f.chosen = false;
            f.note = WalkForwardText::tr("the training window's regression failed: %1")
                         .arg(analyticsStatusText(ols.status));
            return;
        }
        f.alpha = ols.alpha;
        f.beta = ols.beta;
        oos =
            prepareStaticTestWindow(x, y, t, f.testFrom, f.testTo, ols.alpha, ols.beta, base.window, market);
    } else {
        // Rolling OLS and Kalman from the training window's first bar on: each test bar knows only the past.
        const std::size_t from = std::size_t(f.trainFrom), count = std::size_t(f.testTo - f.trainFrom);
        const std::shared_ptr<const PreparedBacktest> whole =
            prepareBacktest(x.subspan(from, count), y.subspan(from, count),
                            t.empty() ? t : t.subspan(from, count), base, market);
        if (!whole->ok()) {
            f.chosen = false;
            f.note = whole->error;
            return;
        }
        oos = slicePrepared(*whole, f.testFrom - f.trainFrom, f.testTo - f.trainFrom);
    }
    chosen.closeAtEnd = true; // each test window is traded on its own: a trade open at its end pays its exit
    if (!f.chosen) {
        // Flat: a run whose thresholds never trigger keeps the test window's bars in the stitched series.
        chosen.entryZ = std::numeric_limits<double>::max();
        chosen.exitZ = 0;
        chosen.stopZ.reset();
    }
    out.oos = backtestPair(oos, chosen, true);
    if (!out.oos.ok()) {
        f.chosen = false;
        f.note = out.oos.error;
        return;
    }
    f.outOfSample = out.oos.summary;
}

} // namespace

QString walkForwardObjectiveKey(WalkForwardObjective o)
{
    return o == WalkForwardObjective::NetPnl ? QStringLiteral("net_pnl") : QStringLiteral("sharpe");
}

bool walkForwardObjectiveFromKey(const QString &key, WalkForwardObjective *out)
{
    if (key == QLatin1String("sharpe"))
        *out = WalkForwardObjective::NetSharpe;
    else if (key == QLatin1String("net_pnl"))
        *out = WalkForwardObjective::NetPnl;
    else
        return false;
    return true;
}

int walkForwardFoldCount(const WalkForwardConfig &c, int bars)
{
    if (c.train <= 0 || c.test <= 0 || c.step <= 0 || qint64(c.train) + c.test > bars)
        return 0;
    return int((qint64(bars) - c.train - c.test) / c.step + 1);
}

QString validateWalkForwardGrid(const BacktestConfig &base, const SweepGrid &grid)
{
    QString first;
    for (double entry : grid.entries) {
        for (double exit : grid.exits) {
            BacktestConfig c = base;
            c.entryZ = entry;
            c.exitZ = exit;
            const QString why = validateBacktestConfig(c);
            if (why.isEmpty())
                return QString();
            if (first.isEmpty())
                first = why;
        }
    }
    return first.isEmpty() ? WalkForwardText::tr("the grid of entry and exit thresholds is empty")
                           : WalkForwardText::tr("no cell of the grid is a valid backtest: %1").arg(first);
}

QString validateWalkForward(const WalkForwardConfig &c, int bars, const BacktestConfig &base)
{
    if (c.train <= 0 || c.test <= 0 || c.step <= 0)
        return WalkForwardText::tr(
            "the training window, test window and step must be positive numbers of bars");
    if (c.step < c.test)
        return WalkForwardText::tr(
                   "the step (%1 bars) is shorter than the test window (%2 bars): test windows "
                   "would overlap and their equity could not be stitched")
            .arg(c.step)
            .arg(c.test);
    if (c.train <= base.window)
        return WalkForwardText::tr("the training window (%1 bars) must be longer than the z-score window (%2 "
                                   "bars)")
            .arg(c.train)
            .arg(base.window);
    if (c.test < 3)
        return WalkForwardText::tr("the test window must have at least 3 bars");
    if (c.minTrades < 0)
        return WalkForwardText::tr("the minimum number of trades must not be negative");
    if (walkForwardFoldCount(c, bars) == 0)
        return WalkForwardText::tr(
                   "%1 bars do not hold one training window and one test window (%2 + %3 bars)")
            .arg(bars)
            .arg(c.train)
            .arg(c.test);
    return QString();
}

std::shared_ptr<const PreparedBacktest>
prepareStaticTestWindow(std::span<const double> x, std::span<const double> y, std::span<const qint64> timeMs,
                        int from, int to, double alpha, double beta, int window, const BacktestMarket *market)
{
    auto p = std::make_shared<PreparedBacktest>();
    p->window = window;
    p->hedge = BacktestHedge::StaticOls;
    const int lead = std::min(window - 1, from); // bars before the window that complete its first z
    const std::size_t first = std::size_t(from - lead), n = std::size_t(to - from);
    const std::vector<double> spread = spreadSeries(x.subspan(first, n + std::size_t(lead)),
                                                    y.subspan(first, n + std::size_t(lead)), alpha, beta);
    const std::vector<double> z = rollingZScore(spread, window);
    p->spread.assign(spread.begin() + lead, spread.end());
    p->zscore.assign(z.begin() + lead, z.end());
    p->x.assign(x.begin() + from, x.begin() + to);
    p->y.assign(y.begin() + from, y.begin() + to);
    p->beta.assign(n, beta);
    p->timeMs.resize(n);
    for (std::size_t i = 0; i < n; ++i)
        p->timeMs[i] = timeMs.empty() ? qint64(from) + qint64(i) : timeMs[std::size_t(from) + i];
    if (market)
        alignBacktestMarket(*p, *market);
    return p;
}

WalkForwardResult runWalkForward(std::span<const double> x, std::span<const double> y,
                                 std::span<const qint64> timeMs, const BacktestConfig &base,
                                 const SweepGrid &grid, const WalkForwardConfig &config,
                                 const BacktestMarket *market, const std::atomic<bool> *cancel,
                                 std::atomic<int> *done, int threads)
{
    WalkForwardResult r;
    r.config = config;
    const int n = int(std::min(x.size(), y.size()));
    if (x.size() != y.size() || (!timeMs.empty() && timeMs.size() != x.size())) {
        r.error = WalkForwardText::tr("the series have different lengths");
        return r;
    }
    r.error = validateWalkForwardGrid(base, grid);
    if (r.error.isEmpty())
        r.error = validateWalkForward(config, n, base);
    if (!r.error.isEmpty())
        return r;

    const int folds = walkForwardFoldCount(config, n);
    std::vector<FoldOutput> out(static_cast<std::size_t>(folds));
    for (int k = 0; k < folds; ++k) {
        WalkForwardFold &f = out[std::size_t(k)].fold;
        f.trainFrom = k * config.step;
        f.trainTo = f.trainFrom + config.train;
        f.testFrom = f.trainTo;
        f.testTo = f.testFrom + config.test;
    }
    std::atomic<int> next{0};
    auto worker = [&] {
        for (int k = next.fetch_add(1); k < folds; k = next.fetch_add(1)) {
            if (cancel && cancel->load(std::memory_order_relaxed))
                return;
            runFold(x, y, timeMs, base, grid, config, market, cancel, out[std::size_t(k)]);
            if (done)
                done->fetch_add(1);
        }
    };
    const int cores = int(std::max(1u, std::thread::hardware_concurrency()));
    const int count = std::clamp(threads > 0 ? threads : cores, 1, folds);
    {
        std::vector<std::jthread> pool;
        for (int i = 1; i < count; ++i)
            pool.emplace_back(worker);
        worker();
    }
    if (cancel && cancel->load()) {
        r.cancelled = true;
        return r;
    }

    // Stitch the test windows.
    BacktestSummary &o = r.outOfSample;
    double isSharpe = 0, isPnl = 0, isDd = 0;
    int isSharpeFolds = 0, chosenFolds = 0, positive = 0, inPosition = 0;
    double holding = 0, eq = 0, peak = 0, eqGross = 0, peakGross = 0;
    std::vector<double> pnlGross;
    for (FoldOutput &fo : out) {
        WalkForwardFold &f = fo.fold;
        if (f.chosen) {
            if (std::isfinite(f.inSample.sharpe)) {
                isSharpe += f.inSample.sharpe;
                ++isSharpeFolds;
            }
            isPnl += f.inSample.netPnl / double(f.trainTo - f.trainFrom);
            isDd += f.inSample.maxDrawdown;
            ++chosenFolds;
        }
        const BacktestRun &run = fo.oos;
        const std::size_t bars = std::size_t(f.testTo - f.testFrom);
        for (std::size_t i = 0; i < bars; ++i) {
            const bool ran = run.pnlNet.size() == bars;
            const double pnl = ran ? run.pnlNet[i] : 0.0;
            pnlGross.push_back(ran ? run.pnlGross[i] : 0.0);
            eqGross += pnlGross.back();
            peakGross = std::max(peakGross, eqGross);
            o.maxDrawdownGross = std::max(o.maxDrawdownGross, peakGross - eqGross);
            r.timeMs.push_back(timeMs.empty() ? qint64(f.testFrom) + qint64(i)
                                              : timeMs[std::size_t(f.testFrom) + i]);
            r.pnlNet.push_back(pnl);
            eq += pnl;
            r.equityNet.push_back(eq);
            peak = std::max(peak, eq);
            o.maxDrawdown = std::max(o.maxDrawdown, peak - eq);
            if (run.position.size() == bars && run.position[i] != 0)
                ++inPosition;
        }
        const BacktestSummary &s = f.outOfSample;
        if (s.netPnl > 0)
            ++positive;
        o.trades += s.trades;
        o.wins += s.wins;
        o.grossPnl += s.grossPnl;
        o.netPnl += s.netPnl;
        o.totalCost += s.totalCost;
        o.crossing += s.crossing;
        o.funding += s.funding;
        o.fundingEvents += s.fundingEvents;
        o.staleQuoteFills += s.staleQuoteFills;
        o.unquotedFills += s.unquotedFills;
        for (BacktestTrade tr : run.trades) {
            tr.entryBar += f.testFrom;
            tr.exitBar += f.testFrom;
            holding += tr.holdingBars;
            r.trades.push_back(tr);
        }
    }
    o.bars = int(r.pnlNet.size());
    o.winRate = o.trades > 0 ? double(o.wins) / o.trades : kNaN;
    o.avgHoldingBars = o.trades > 0 ? holding / o.trades : kNaN;
    o.exposure = o.bars > 0 ? double(inPosition) / o.bars : 0.0;
    o.sharpe = annualisedSharpe(r.pnlNet, base.barsPerYear);
    o.sharpeGross = annualisedSharpe(pnlGross, base.barsPerYear);
    o.sortino = sortinoRatio(r.pnlNet, base.barsPerYear);
    r.inSampleSharpe = isSharpeFolds > 0 ? isSharpe / isSharpeFolds : kNaN;
    r.chosenFolds = chosenFolds;
    r.inSamplePnlPerBar = chosenFolds > 0 ? isPnl / chosenFolds : kNaN;
    r.inSampleMaxDrawdown = chosenFolds > 0 ? isDd / chosenFolds : kNaN;
    r.outOfSamplePnlPerBar = o.bars > 0 ? o.netPnl / o.bars : kNaN;
    r.positiveFoldShare = double(positive) / folds;
    r.folds.reserve(out.size());
    for (FoldOutput &fo : out)
        r.folds.push_back(std::move(fo.fold));
    return r;
}

} // namespace pairlab
