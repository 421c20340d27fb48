#include "backtest/basket_backtest.h"

#include "analytics/rolling.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace pairlab {

namespace {

struct BasketBacktestText
{
    Q_DECLARE_TR_FUNCTIONS(Backtest)
};

} // namespace

BasketBacktestRun backtestBasket(const AlignedBasket &basket, const std::vector<double> &weights,
                                 const BacktestConfig &c, const BasketFunding *funding)
{
    BasketBacktestRun run;
    run.config = c;
    const std::size_t n = basket.size(), k = weights.size();
    if (k < 2 || basket.legs.size() != k) {
        run.error = BasketBacktestText::tr("%1 legs but %2 weights").arg(basket.legs.size()).arg(k);
        return run;
    }
    run.error = validateBacktestConfig(c);
    if (run.error.isEmpty() && c.hedge != BacktestHedge::StaticOls)
        run.error =
            BasketBacktestText::tr("a basket is hedged by its weights: the rolling and Kalman hedges are "
                                   "for pairs");
    if (run.error.isEmpty() && c.fill != FillModel::Closes)
        run.error =
            BasketBacktestText::tr("a basket fills at the closes (quote fills are computed for pairs)");
    if (run.error.isEmpty() && c.funding) {
        bool all = funding && funding->legs.size() == k;
        for (std::size_t i = 0; all && i < k; ++i)
            all = !funding->legs[i].empty();
        if (!all)
            run.error =
                BasketBacktestText::tr("funding events of every leg are needed, and a leg has none stored "
                                       "(fetch them with pairlab-cli history --funding)");
    }
    if (run.error.isEmpty() && !allFinite(weights))
        run.error = BasketBacktestText::tr("a weight is not a number");
    if (run.error.isEmpty() && std::all_of(weights.begin(), weights.end(), [](double w) { return w == 0; }))
        run.error = BasketBacktestText::tr("every weight is zero");
    if (run.error.isEmpty() && n < 3)
        run.error =
            BasketBacktestText::tr("%n bar(s) in common: a backtest needs at least 3", nullptr, int(n));
    for (const std::vector<double> &leg : basket.legs) {
        if (!run.error.isEmpty())
            break;
        if (leg.size() != n)
            run.error = BasketBacktestText::tr("the legs have different lengths");
        else if (!allFinite(leg) || std::any_of(leg.begin(), leg.end(), [](double p) { return !(p > 0); }))
            run.error = BasketBacktestText::tr("a leg has a price that is not a positive number");
    }
    if (!run.ok())
        return run;

    run.timeMs = basket.timeMs;
    std::vector<std::vector<double>> fundingAt; // per leg: rate * mark booked at each bar
    std::vector<int> eventsAt(n, 0);
    if (c.funding && funding != nullptr)
        for (std::size_t i = 0; i < k; ++i)
            fundingAt.push_back(fundingPerBar(basket.timeMs, std::max<qint64>(funding->barMs, 1),
                                              funding->legs[i], basket.legs[i], &eventsAt));
    run.spread = basketSpread(basket, weights);
    run.zscore = rollingZScore(run.spread, c.window);
    run.position.assign(n, 0);
    run.pnlGross.assign(n, 0.0);
    run.pnlNet.assign(n, 0.0);
    run.equityNet.assign(n, 0.0);
    run.drawdown.assign(n, 0.0);
    const double rate = (c.feeBps + c.slippageBps) * 1e-4;
    struct Open
    {
        int entry;
        int side;
        double entryCost;
        std::vector<double> q;
    };
    BacktestSummary &sum = run.summary;
    sum.bars = int(n);
    std::vector<double> q(k, 0.0), nq(k, 0.0);
    std::vector<Open> trades;
    std::vector<int> exits;
    std::vector<double> exitCosts;
    std::vector<TradeExit> reasons;
    int prev = 0;
    bool locked = false;
    double eqG = 0, eqN = 0, peakG = 0, peakN = 0;
    std::size_t inPosition = 0;
    for (std::size_t t = 0; t < n; ++t) {
        double gross = 0, fund = 0;
        if (t > 0 && prev != 0) {
            for (std::size_t i = 0; i < k; ++i)
                gross += q[i] * (basket.legs[i][t] - basket.legs[i][t - 1]);
            if (!fundingAt.empty() && eventsAt[t] > 0) {
                for (std::size_t i = 0; i < k; ++i)
                    fund -= q[i] * fundingAt[i][t];
                sum.fundingEvents += eventsAt[t];
            }
        }
        bool stopped = false;
        int pos = nextPosition(run.zscore[t], prev, c, locked, stopped);
        const bool closing = c.closeAtEnd && t + 1 == n && pos != 0;
        if (closing)
            pos = 0;
        double cost = c.spreadCost * std::abs(pos - prev);
        if (pos != prev) {
            double scale = 0;
            if (pos != 0) {
                double gross_ = 0;
                for (std::size_t i = 0; i < k; ++i)
                    gross_ += std::fabs(weights[i]) * basket.legs[i][t];
                scale = c.sizing == PositionSizing::Notional ? c.notional / gross_ : 1.0;
            }
            double exitFee = 0, entryFee = 0, changeFee = 0;
            for (std::size_t i = 0; i < k; ++i) {
                nq[i] = pos * scale * weights[i];
                const double p = basket.legs[i][t];
                exitFee += std::fabs(q[i]) * p;
                entryFee += std::fabs(nq[i]) * p;
                changeFee += std::fabs(nq[i] - q[i]) * p;
            }
            cost += rate * changeFee;
            if (prev != 0) {
                exits.back() = int(t);
                exitCosts.back() = c.spreadCost * std::abs(prev) + rate * exitFee;
                reasons.back() = pos != 0  ? TradeExit::Flip
                                 : closing ? TradeExit::End
                                 : stopped ? TradeExit::Stop
                                           : TradeExit::Exit;
            }
            if (pos != 0) {
                trades.push_back({int(t), pos, c.spreadCost * std::abs(pos) + rate * entryFee, nq});
                exits.push_back(-1);
                exitCosts.push_back(0.0);
                reasons.push_back(TradeExit::Open);
            }
            q = nq;
        }
        const double net = gross - cost + fund;
        sum.funding += fund;
        run.pnlGross[t] = gross;
        run.pnlNet[t] = net;
        sum.totalCost += cost;
        eqG += gross;
        eqN += net;
        peakG = std::max(peakG, eqG);
        peakN = std::max(peakN, eqN);
        sum.maxDrawdownGross = std::max(sum.maxDrawdownGross, peakG - eqG);
        sum.maxDrawdown = std::max(sum.maxDrawdown, peakN - eqN);
        run.position[t] = pos;
        run.equityNet[t] = eqN;
        run.drawdown[t] = peakN - eqN;
        if (pos != 0)
            ++inPosition;
        prev = pos;
    }
    sum.grossPnl = eqG;
    sum.netPnl = eqN;
    double holding = 0;
    for (std::size_t m = 0; m < trades.size(); ++m) {
        const Open &o = trades[m];
        const bool closed = exits[m] >= 0;
        const int exitBar = closed ? exits[m] : int(n) - 1;
        double gross = 0, fund = 0;
        for (int t = o.entry + 1; t <= exitBar; ++t) {
            gross += run.pnlGross[std::size_t(t)];
            for (std::size_t i = 0; i < fundingAt.size(); ++i)
                fund -= o.q[i] * fundingAt[i][std::size_t(t)];
        }
        BacktestTrade tr;
        tr.entryBar = o.entry;
        tr.exitBar = exitBar;
        tr.entryTimeMs = basket.timeMs[std::size_t(o.entry)];
        tr.exitTimeMs = basket.timeMs[std::size_t(exitBar)];
        tr.side = o.side;
        tr.entryZ = run.zscore[std::size_t(o.entry)];
        tr.exitZ = run.zscore[std::size_t(exitBar)];
        tr.quantityY = o.q[0];
        tr.quantityX = o.q[1];
        tr.holdingBars = exitBar - o.entry;
        tr.grossPnl = gross;
        tr.costs = o.entryCost + (closed ? exitCosts[m] : 0.0);
        tr.funding = fund;
        tr.netPnl = gross - tr.costs + fund;
        tr.exit = reasons[m];
        ++sum.trades;
        if (tr.netPnl > 0)
            ++sum.wins;
        holding += tr.holdingBars;
        run.trades.push_back(tr);
        run.holdings.push_back(o.q);
    }
    sum.winRate = sum.trades > 0 ? double(sum.wins) / sum.trades : kNaN;
    sum.avgHoldingBars = sum.trades > 0 ? holding / sum.trades : kNaN;
    sum.exposure = double(inPosition) / double(n);
    sum.sharpe = annualisedSharpe(run.pnlNet, c.barsPerYear);
    sum.sharpeGross = annualisedSharpe(run.pnlGross, c.barsPerYear);
    sum.sortino = sortinoRatio(run.pnlNet, c.barsPerYear);
    return run;
}

} // namespace pairlab
