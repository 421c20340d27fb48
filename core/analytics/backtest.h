#pragma once

#include "analytics/analytics_status.h"

#include <span>
#include <vector>

namespace pairlab {

struct BacktestParams
{
    double entry = 2.0, exit = 0.5, cost = 2.0, barsPerYear = 365.0 * 24 * 3600;
};

/** Mean-reversion backtest of one unit of spread on z (CONVENTIONS §12): positions decided at the close
    of bar t, pnl_t = pos_{t-1}(s_t - s_{t-1}), cost c|pos_t - pos_{t-1}|, trades = runs of equal non-zero
    position (an open one is marked to s_{n-1}), drawdowns from max(0, running peak), Sharpe over
    pnl_1..pnl_{n-1} (ddof 1) times sqrt(B). Per-bar position, net pnl and net equity are returned. */
struct BacktestResult
{
    AnalyticsStatus status = AnalyticsStatus::Ok;
    int trades = 0, wins = 0;
    double winRate = kNaN, grossPnl = 0, netPnl = 0, sharpeGross = kNaN, sharpeNet = kNaN;
    double maxDrawdownGross = 0, maxDrawdownNet = 0, totalCost = 0;
    std::vector<int> position;
    std::vector<double> pnlGross, pnlNet, equityGross, equityNet;
    bool ok() const { return status == AnalyticsStatus::Ok; }
    /** Keeps the summary only (callers that do not chart the run). */
    void dropSeries()
    {
        position.clear();
        pnlGross.clear();
        pnlNet.clear();
        equityGross.clear();
        equityNet.clear();
    }
};

/** Annualised Sharpe ratio of per-bar P&L (CONVENTIONS §12): mean / std (ddof 1) of pnl[1..n-1] times
 *  sqrt(barsPerYear), flat bars included; NaN for fewer than 3 bars or no variation. The one definition used
 *  by the analytics and the backtest engine. */
double annualisedSharpe(std::span<const double> pnl, double barsPerYear);

BacktestResult backtestMeanReversion(std::span<const double> spread, std::span<const double> z,
                                     const BacktestParams &params = {});

} // namespace pairlab
