#include "analytics/pair_analysis.h"

#include "analytics/rolling.h"

#include <QElapsedTimer>

#include <algorithm>
#include <future>

namespace pairlab {

AlignedPair alignOnOpenTime(const CloseSeries &x, const CloseSeries &y)
{
    AlignedPair out;
    std::size_t i = 0, j = 0;
    const std::size_t nx = std::min(x.openTimeMs.size(), x.close.size());
    const std::size_t ny = std::min(y.openTimeMs.size(), y.close.size());
    while (i < nx && j < ny) {
        const qint64 tx = x.openTimeMs[i], ty = y.openTimeMs[j];
        if (tx < ty) {
            ++i;
        } else if (ty < tx) {
            ++j;
        } else {
            while (i + 1 < nx && x.openTimeMs[i + 1] == tx) // duplicates: keep the last
                ++i;
            while (j + 1 < ny && y.openTimeMs[j + 1] == ty)
                ++j;
            out.timeMs.push_back(tx);
            out.x.push_back(x.close[i]);
            out.y.push_back(y.close[j]);
            ++i;
            ++j;
        }
    }
    return out;
}

namespace {

class StepTimer
{
public:
    explicit StepTimer(std::vector<std::pair<QString, double>> &sink) : m_sink(sink) { m_timer.start(); }
    void lap(const char *name)
    {
        m_sink.emplace_back(QString::fromLatin1(name), double(m_timer.nsecsElapsed()) / 1e6);
        m_timer.restart();
    }

private:
    std::vector<std::pair<QString, double>> &m_sink;
    QElapsedTimer m_timer;
};

bool isConstant(const std::vector<double> &v)
{
    const auto [mn, mx] = std::minmax_element(v.begin(), v.end());
    return *mn == *mx;
}

} // namespace

PairAnalysis analyzePair(const AlignedPair &pair, const PairAnalysisOptions &options,
                         const std::atomic<bool> *cancel)
{
    PairAnalysis a;
    a.n = int(pair.size());
    a.window = options.window;
    auto fail = [&](AnalyticsStatus s, const QString &why) {
        a.status = s;
        a.error = why;
        return a;
    };
    auto cancelled = [&] { return cancel && cancel->load(std::memory_order_relaxed); };
    if (pair.x.size() != pair.y.size())
        return fail(AnalyticsStatus::SizeMismatch, QStringLiteral("x and y have different lengths"));
    if (pair.x.empty())
        return fail(AnalyticsStatus::EmptyInput, QStringLiteral("no rows"));
    if (!allFinite(pair.x) || !allFinite(pair.y))
        return fail(AnalyticsStatus::NonFinite, QStringLiteral("input contains NaN or infinity"));
    if (options.window < 2)
        return fail(AnalyticsStatus::TooFewRows, QStringLiteral("window must be at least 2"));
    if (a.n < options.window || a.n < 10)
        return fail(AnalyticsStatus::TooFewRows,
                    QStringLiteral("%1 rows, fewer than the window of %2 (and at least 10 are needed)")
                        .arg(a.n)
                        .arg(options.window));
    if (isConstant(pair.x))
        return fail(AnalyticsStatus::ConstantSeries, QStringLiteral("x is constant"));
    if (isConstant(pair.y))
        return fail(AnalyticsStatus::ConstantSeries, QStringLiteral("y is constant"));
    for (double v : pair.x)
        if (!(v > 0))
            return fail(AnalyticsStatus::NonFinite,
                        QStringLiteral("x has a non-positive price (log returns undefined)"));
    for (double v : pair.y)
        if (!(v > 0))
            return fail(AnalyticsStatus::NonFinite,
                        QStringLiteral("y has a non-positive price (log returns undefined)"));

    // Theil-Sen needs nothing but the legs and is the heaviest test on long series (its two confidence bounds
    // run on threads of their own): it starts now, beside everything else.
    std::future<TheilSenResult> theilSenJob;
    if (options.heavy && a.n >= 2000)
        theilSenJob = std::async(std::launch::async, [&pair] { return theilSen(pair.x, pair.y); });
    StepTimer timer(a.timingsMs);
    a.ols = olsFit(pair.x, pair.y);
    timer.lap("ols");
    const std::vector<double> s = spreadSeries(pair.x, pair.y, a.ols.alpha, a.ols.beta);
    std::vector<double> z = rollingZScore(s, options.window);
    timer.lap("spread_zscore");
    std::vector<double> cp = rollingCorrelation(pair.x, pair.y, options.window);
    std::vector<double> cl = rollingLogReturnCorrelation(pair.x, pair.y, options.window);
    timer.lap("rolling_correlations");
    KalmanSeries k2 = kalman2(pair.x, pair.y);
    const KalmanSeries k1 = kalman1(pair.x, pair.y);
    a.kalman2Alpha = k2.alpha.back();
    a.kalman2Beta = k2.beta.back();
    a.kalman1Beta = k1.beta.back();
    {
        const KalmanSpread ks = kalmanSpread(pair.x, pair.y, options.window);
        a.kalmanSpreadLast.status = ks.status;
        if (ks.ok())
            a.kalmanSpreadLast = {ks.status,
                                  ks.r,
                                  ks.alpha.back(),
                                  ks.beta.back(),
                                  ks.innovation.back(),
                                  ks.variance.back(),
                                  ks.zscore.back()};
    }
    timer.lap("kalman");
    a.statsX = legStats(pair.x, options.backtest.barsPerYear);
    a.statsY = legStats(pair.y, options.backtest.barsPerYear);
    timer.lap("leg_stats");
    a.halfLife = halfLife(s);
    timer.lap("half_life");
    a.hurst = hurstExponent(s);
    timer.lap("hurst");
    a.backtest = backtestMeanReversion(s, z, options.backtest);
    timer.lap("backtest");
    if (cancelled())
        return fail(AnalyticsStatus::Cancelled, QStringLiteral("cancelled"));

    if (options.heavy) {
        a.huber = huberFit(pair.x, pair.y);
        timer.lap("huber");
        if (cancelled())
            return fail(AnalyticsStatus::Cancelled, QStringLiteral("cancelled"));
        const AdfTrend trends[3] = {AdfTrend::Constant, AdfTrend::ConstantTrend, AdfTrend::None};
        const std::vector<AdfResult> adf = adfullerTrends(s, trends, AdfAutolag::Aic); // one shared QR
        a.adfC = adf[0];
        a.adfCt = adf[1];
        a.adfN = adf[2];
        timer.lap("adf_c_ct_n");
        // Started beside everything above on long series: what is left of it to wait for.
        a.theilSen = theilSenJob.valid() ? theilSenJob.get() : theilSen(pair.x, pair.y);
        timer.lap("theil_sen");
        if (cancelled())
            return fail(AnalyticsStatus::Cancelled, QStringLiteral("cancelled"));
        if (cancelled())
            return fail(AnalyticsStatus::Cancelled, QStringLiteral("cancelled"));
        a.coint = engleGrangerFromAdf(a.ols, a.adfN, pair.size()); // its ADF 'n' is adf_n of the OLS spread
        timer.lap("coint");
        a.heavyComputed = true;
    }
    if (options.series) {
        a.timeMs = pair.timeMs;
        a.spread = s;
        a.zscore = std::move(z);
        a.corrPrice = std::move(cp);
        a.corrLogReturn = std::move(cl);
        a.kalmanAlpha = std::move(k2.alpha);
        a.kalmanBeta = std::move(k2.beta);
    } else {
        a.backtest.dropSeries();
    }
    return a;
}

} // namespace pairlab
