#pragma once

#include <QString>

#include <atomic>
#include <cstdint>
#include <span>
#include <vector>

namespace pairlab {

/** How a run's per-bar returns are resampled. */
struct BootstrapConfig
{
    int resamples = 1000;
    std::uint64_t seed = 1; ///< the same seed, the same bands
    /** Mean block length in bars; 0 = the rule: round(n^(1/3)), at least 1 (Politis and Romano's rate). A
     *  strategy's returns are correlated over its holding time: callers pass at least that. */
    int meanBlock = 0;
    double barsPerYear = 365.0 * 24 * 3600; ///< for the Sharpe ratio
};

/** 5 %, 50 % and 95 % percentiles (linear interpolation between order statistics, as numpy's default). */
struct BootstrapBand
{
    double p5 = 0, p50 = 0, p95 = 0;
};

struct BootstrapResult
{
    int resamples = 0;
    int meanBlock = 0;
    /** Over the resamples, at a fixed size as the backtest trades (profits are not reinvested): the final
     *  return Σr of the path, the annualised Sharpe ratio of its returns and the maximum drawdown of its
     *  equity 1 + Σr from the running peak (≥ −100 %: equity that reaches zero is ruined and stays there). */
    BootstrapBand finalReturn, sharpe, maxDrawdown;
    int flatResamples = 0; ///< resamples whose returns do not vary: no Sharpe ratio, left out of its band
    std::vector<double> finalReturns, sharpes, maxDrawdowns; ///< each resample's, sorted ascending
    QString error;
    bool cancelled = false;
    bool ok() const { return error.isEmpty() && !cancelled; }
};

/** Per-bar returns of a run: net pnl over the capital it puts at risk. */
std::vector<double> barReturns(std::span<const double> pnlNet, double capital);

/** Stationary block bootstrap (Politis and Romano 1994) of the per-bar returns: each resample draws n
 *  returns in blocks that start at a uniformly drawn bar and go on, circularly, with probability
 *  1 − 1/meanBlock per bar. Deterministic for a seed (std::mt19937_64). `cancel` is polled between
 *  resamples; `done` counts them. Pure; any thread. */
BootstrapResult bootstrapReturns(std::span<const double> returns, const BootstrapConfig &config,
                                 const std::atomic<bool> *cancel = nullptr, std::atomic<int> *done = nullptr);

/** The p-th percentile (0..100) of sorted values, linear between order statistics; NaN when empty. */
double percentileOfSorted(const std::vector<double> &sorted, double p);

} // namespace pairlab
