#include "io/analysis_json.h"

#include "io/json_writer.h"

namespace pairlab {

namespace {

QByteArray critJson(const CriticalValues &c)
{
    return JsonObject().num("1%", c[0]).num("5%", c[1]).num("10%", c[2]).done();
}

QByteArray adfJson(const AdfResult &r)
{
    return JsonObject()
        .num("stat", r.stat)
        .num("pvalue", r.pvalue)
        .integer("usedlag", r.usedlag)
        .integer("nobs", r.nobs)
        .object("crit", critJson(r.crit))
        .num("icbest", r.icbest)
        .done();
}

QByteArray momentsJson(const Moments &m)
{
    return JsonObject()
        .num("mean", m.mean)
        .num("std", m.std)
        .num("skew", m.skew)
        .num("kurtosis", m.kurtosis)
        .num("skew_unbiased", m.skewUnbiased)
        .num("kurtosis_unbiased", m.kurtosisUnbiased)
        .done();
}

QByteArray legJson(const LegStats &s)
{
    return JsonObject()
        .object("levels", momentsJson(s.levels))
        .object("returns", momentsJson(s.returns))
        .num("last_return", s.lastReturn)
        .num("ann_vol", s.annualisedVol)
        .done();
}

} // namespace

QByteArray analysisToJson(const PairAnalysis &a)
{
    const BacktestResult &bt = a.backtest;
    JsonObject timings;
    for (const auto &[name, ms] : a.timingsMs)
        timings.num(name.toLatin1().constData(), ms);
    QByteArray o =
        JsonObject()
            .integer("n", a.n)
            .integer("window", a.window)
            .object("ols", JsonObject()
                               .num("alpha", a.ols.alpha)
                               .num("beta", a.ols.beta)
                               .num("r2", a.ols.r2)
                               .num("alpha_se", a.ols.alphaSe)
                               .num("beta_se", a.ols.betaSe)
                               .num("fit_at_mean_x", a.ols.fitAtMeanX)
                               .done())
            .object("huber", JsonObject()
                                 .num("alpha", a.huber.alpha)
                                 .num("beta", a.huber.beta)
                                 .num("scale", a.huber.scale)
                                 .integer("iterations", a.huber.iterations)
                                 .done())
            .object("theil_sen", JsonObject()
                                     .num("slope", a.theilSen.slope)
                                     .num("intercept", a.theilSen.intercept)
                                     .num("low_slope", a.theilSen.lowSlope)
                                     .num("high_slope", a.theilSen.highSlope)
                                     .done())
            .object("kalman2", JsonObject().num("alpha", a.kalman2Alpha).num("beta", a.kalman2Beta).done())
            .object("kalman1", JsonObject().num("beta", a.kalman1Beta).done())
            .object("kalman_spread", JsonObject()
                                         .integer("warmup", a.window)
                                         .num("r", a.kalmanSpreadLast.r)
                                         .num("alpha", a.kalmanSpreadLast.alpha)
                                         .num("beta", a.kalmanSpreadLast.beta)
                                         .num("innovation", a.kalmanSpreadLast.innovation)
                                         .num("variance", a.kalmanSpreadLast.variance)
                                         .num("z", a.kalmanSpreadLast.zscore)
                                         .done())
            .object("adf", JsonObject()
                               .object("c", adfJson(a.adfC))
                               .object("ct", adfJson(a.adfCt))
                               .object("n", adfJson(a.adfN))
                               .done())
            .object("coint", JsonObject()
                                 .num("stat", a.coint.stat)
                                 .num("pvalue", a.coint.pvalue)
                                 .object("crit", critJson(a.coint.crit))
                                 .done())
            .object("stats",
                    JsonObject().object("x", legJson(a.statsX)).object("y", legJson(a.statsY)).done())
            .num("half_life", a.halfLife.halfLife)
            .num("half_life_log_variant", a.halfLife.halfLifeLog)
            .num("hurst", a.hurst)
            .object("backtest", JsonObject()
                                    .integer("trades", bt.trades)
                                    .num("win_rate", bt.winRate)
                                    .num("gross_pnl", bt.grossPnl)
                                    .num("net_pnl", bt.netPnl)
                                    .num("sharpe_gross", bt.sharpeGross)
                                    .num("sharpe_net", bt.sharpeNet)
                                    .num("max_drawdown_gross", bt.maxDrawdownGross)
                                    .num("max_drawdown_net", bt.maxDrawdownNet)
                                    .done())
            .object("timings_ms", timings.done())
            .done();
    return o;
}

} // namespace pairlab
