#pragma once

#include "analytics/adf.h"
#include "analytics/backtest.h"
#include "analytics/series_stats.h"

#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <vector>

namespace pairlab {

struct CloseSeries;
struct JohansenResult;

/** A basket: symbols and one weight each (quantities per unit of the basket; a long unit holds w_i of leg i,
 *  a negative weight is a short leg). A pair y/x with hedge ratio beta is the basket {y: 1, x: -beta}. */
struct Basket
{
    QString name; ///< empty: made from the symbols
    QStringList symbols;
    std::vector<double> weights;
    /** Why it is not a usable basket (at least two distinct symbols, one finite weight each, not all zero),
     *  empty when it is. */
    QString problem() const;
    /** "BTCUSDT − 0.0415·ETHUSDT + 1.2·SOLUSDT" */
    QString formula(int significantDigits = 4) const;
    QString displayName() const { return name.isEmpty() ? symbols.join(QLatin1Char('/')) : name; }
    bool operator==(const Basket &o) const = default;
};

/** The eigenvector of Johansen eigenvalue `rank` (0 = the largest) as a basket of `symbols`, its weights
 *  divided by the first so that the first leg has weight 1 (CONVENTIONS §16: vectors are defined up to
 *  scale). An empty basket (no weights) when the first weight is 0 or the rank is out of range. */
Basket basketFromJohansen(const JohansenResult &r, const QStringList &symbols, int rank = 0);

/** Several close series joined on bar open time: rows where every leg has a bar. */
struct AlignedBasket
{
    std::vector<qint64> timeMs;
    std::vector<std::vector<double>> legs; ///< legs[i][t]: close of leg i at bar t
    std::size_t size() const { return timeMs.size(); }
};
/** Inner join of k close series on bar open time (each sorted ascending; duplicates keep the last). */
AlignedBasket alignBasket(const std::vector<CloseSeries> &series);

/** s_t = sum_i w_i p_{i,t} - c, with c the mean of sum_i w_i p_{i,t} over all bars (in sample, as the pair
 *  spread's OLS intercept: the basket {y: 1, x: -beta} gives the pair's spread y - alpha - beta x). */
std::vector<double> basketSpread(const AlignedBasket &basket, const std::vector<double> &weights,
                                 double *constant = nullptr);

struct BasketAnalysisOptions
{
    int window = 120;
    BacktestParams backtest;
    bool series = true; ///< keep the per-bar spread and z-score
};

/** What the Spread tab and `pairlab-cli basket` show of a basket: its spread (basketSpread()), the §5
 * z-score, ADF 'c'/'ct'/'n' (§7), half-life (§10), Hurst (§11) and the §12 backtest of the spread, exactly as
 * a pair's analysis computes them from its spread. */
struct BasketAnalysis
{
    AnalyticsStatus status = AnalyticsStatus::Ok;
    QString error;
    int n = 0, window = 0;
    std::vector<double> weights;
    double constant = kNaN;
    AdfResult adfC, adfCt, adfN;
    HalfLife halfLife;
    double hurst = kNaN;
    double lastSpread = kNaN, lastZ = kNaN;
    BacktestResult backtest;
    std::vector<qint64> timeMs;
    std::vector<double> spread, zscore;
    bool ok() const { return status == AnalyticsStatus::Ok; }
};
BasketAnalysis analyzeBasket(const AlignedBasket &basket, const std::vector<double> &weights,
                             const BasketAnalysisOptions &options = {});

} // namespace pairlab
