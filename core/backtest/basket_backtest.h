#pragma once

#include "analytics/basket.h"
#include "backtest/backtest_engine.h"

#include <vector>

namespace pairlab {

/** A backtest of a basket's spread (basketSpread(): fixed weights, in-sample constant) and its §5 z-score. */
struct BasketBacktestRun
{
    QString error;
    BacktestConfig config;
    BacktestSummary summary;
    std::vector<BacktestTrade> trades;         ///< hedgeRatio NaN; quantityY/X: the first two legs' holdings
    std::vector<std::vector<double>> holdings; ///< per trade: each leg's quantity
    std::vector<qint64> timeMs;
    std::vector<double> spread, zscore;
    std::vector<int> position;
    std::vector<double> pnlGross, pnlNet, equityNet, drawdown;
    bool ok() const { return error.isEmpty(); }
};

/** Each leg's funding events (ascending) and the bar length, for config.funding. */
struct BasketFunding
{
    qint64 barMs = 0;
    std::vector<std::vector<FundingEvent>> legs;
};

/** The pair engine's rules (backtestPair) on k legs: the position rule of nextPosition() on the basket's z;
 *  side s opened at bar a holds q_i = s·k·w_i, k = 1 (one unit of the basket) or notional / Σ|w_i| p_{i,a};
 *  gross pnl_t = Σ q_i (p_{i,t} − p_{i,t−1}); cost_t = spreadCost·|Δside| + (fee + slippage) 1e-4 Σ |Δq_i|
 *  p_{i,t}; funding (config.funding, every leg's events needed) as backtestPair's: funding_t = −Σ q_i
 *  rate_i mark_i over the events booked at bar t (fundingPerBar()) with the holdings in force; trades,
 *  equity, drawdown, Sharpe and Sortino as backtestPair. The hedge is the basket's weights (config.hedge
 *  must be static); fills at the closes (quote fills are refused). The basket {y: 1, x: −β_OLS} gives
 * backtestPair's static-OLS run. Pure; any thread. */
BasketBacktestRun backtestBasket(const AlignedBasket &basket, const std::vector<double> &weights,
                                 const BacktestConfig &config, const BasketFunding *funding = nullptr);

} // namespace pairlab
