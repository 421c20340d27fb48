#pragma once

#include "analytics/adf.h"

#include <atomic>
#include <functional>
#include <span>
#include <vector>

namespace pairlab {

/** One pair of the market-wide scan (CONVENTIONS §15): y = the symbol of column `y`, x = column `x`, on the
    rows where both have a close. Every statistic is NaN when it is undefined (too few rows, a constant leg).
 */
struct PairScanRecord
{
    int y = 0, x = 0;                                    ///< column indices of the scan input
    int n = 0;                                           ///< aligned rows
    double alpha = kNaN, beta = kNaN;                    ///< OLS y = alpha + beta x
    double egStat = kNaN, egPValue = kNaN;               ///< coint(y, x)
    double egStatReverse = kNaN, egPValueReverse = kNaN; ///< coint(x, y)
    double halfLife = kNaN, hurst = kNaN;                ///< on the OLS spread of y on x
    double corrReturns = kNaN;                           ///< log returns between consecutive aligned rows
    double zLast = kNaN;            ///< rolling z (window W, ddof 1) at the last aligned row
    double crossingsPer1000 = kNaN; ///< zero crossings of the demeaned spread per 1,000 rows
    double r2 = kNaN;               ///< of the OLS (not an output field; the collinearity test)

    /** The better (smaller) of the two Engle-Granger p-values; NaN if neither is defined. */
    double bestEgPValue() const;
};

struct PairScanOptions
{
    int window = 120; ///< z-score window W
    int threads = 0;  ///< worker threads; 0 = one per core
    const std::atomic<bool> *cancel = nullptr;
    /** Called from the workers (any thread) with the number of pairs finished so far; keep it cheap. */
    std::function<void(qsizetype done, qsizetype total)> progress;
};

/** Scans every unordered pair of `columns` (one close series per symbol, all the same length, NaN where a
    symbol has no bar): for columns i < j one record with y = i, x = j, in that order (i outer, j inner).
    A pair's statistics use the rows where both are present, treated as consecutive. Work is spread over
    `options.threads` threads; the result does not depend on the thread count. Returns an empty vector when
    cancelled. Cost: O(n (maxlag + 100)) a pair: each Engle-Granger ADF (every autolag candidate and the final
    regression) comes from one Gram matrix of sliding cross-products, Hurst from one pass per lag. */
std::vector<PairScanRecord> scanPairs(const std::vector<std::vector<double>> &columns,
                                      const PairScanOptions &options = {});

/** The record of one pair already aligned (no NaN, equal length). */
PairScanRecord scanAlignedPair(std::span<const double> y, std::span<const double> x, int window);

/** statsmodels `adfuller(s, regression='n', autolag='AIC')` with the default maxlag, from cross-products:
    the same numbers as adfuller() to ~1e-12 relative on well-scaled series (the test of every pair of the
    real universe says how close), several times faster. crit is left NaN (the scan does not report it). */
AdfResult adfullerNoTrendFast(std::span<const double> series);

/** Refreshes z_last of existing records after new rows were appended to `columns`, keeping each record's
    alpha and beta (the hedge of the last full scan): O(W) a pair. The cheap per-bar half of the live
    scan; the Engle-Granger tests and the rest are redone by a full scanPairs() on a slower cadence. */
void refreshZLast(std::vector<PairScanRecord> &records, const std::vector<std::vector<double>> &columns,
                  int window);

} // namespace pairlab
