#include "analytics/basket.h"

#include "analytics/johansen.h"
#include "analytics/pair_analysis.h"
#include "analytics/rolling.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <limits>

namespace pairlab {

namespace {

struct BasketText
{
    Q_DECLARE_TR_FUNCTIONS(Basket)
};

/** The basket's value does not move beyond rounding: every |s_t| within 1e-12 of the legs' gross value. */
bool flat(const std::vector<double> &s, const AlignedBasket &b, const std::vector<double> &w)
{
    double gross = 0, largest = 0;
    for (std::size_t i = 0; i < w.size(); ++i)
        gross += std::fabs(w[i]) * b.legs[i].front();
    for (double v : s)
        largest = std::max(largest, std::fabs(v));
    return largest <= 1e-12 * gross;
}

} // namespace

QString Basket::problem() const
{
    if (symbols.size() < 2)
        return BasketText::tr("a basket needs at least two symbols");
    if (weights.size() != std::size_t(symbols.size()))
        return BasketText::tr("%1 symbols but %2 weights").arg(symbols.size()).arg(weights.size());
    if (QSet<QString>(symbols.begin(), symbols.end()).size() != symbols.size())
        return BasketText::tr("a symbol appears twice");
    bool any = false;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        if (!std::isfinite(weights[i]))
            return BasketText::tr("the weight of %1 is not a number").arg(symbols[qsizetype(i)]);
        any = any || weights[i] != 0;
    }
    if (!any)
        return BasketText::tr("every weight is zero");
    return QString();
}

QString Basket::formula(int significantDigits) const
{
    QString f;
    const QLocale locale;
    for (std::size_t i = 0; i < weights.size() && i < std::size_t(symbols.size()); ++i) {
        const double w = weights[i];
        const QString magnitude =
            std::fabs(w) == 1.0 ? QString()
                                : locale.toString(std::fabs(w), 'g', significantDigits) + QStringLiteral("·");
        if (i == 0)
            f += (w < 0 ? QStringLiteral("−") : QString()) + magnitude + symbols[qsizetype(i)];
        else
            f += (w < 0 ? QStringLiteral(" − ") : QStringLiteral(" + ")) + magnitude + symbols[qsizetype(i)];
    }
    return f;
}

Basket basketFromJohansen(const JohansenResult &r, const QStringList &symbols, int rank)
{
    Basket b;
    b.symbols = symbols;
    if (!r.ok() || rank < 0 || rank >= r.k || std::size_t(symbols.size()) != r.evec.size())
        return b;
    const double first = r.evec[0][std::size_t(rank)];
    if (first == 0 || !std::isfinite(first))
        return b;
    for (std::size_t i = 0; i < r.evec.size(); ++i)
        b.weights.push_back(r.evec[i][std::size_t(rank)] / first);
    return b;
}

AlignedBasket alignBasket(const std::vector<CloseSeries> &series)
{
    AlignedBasket out;
    const std::size_t k = series.size();
    out.legs.resize(k);
    if (k == 0)
        return out;
    std::vector<std::size_t> at(k, 0);
    for (;;) {
        // The latest current time of all legs; advance every leg to it.
        qint64 t = std::numeric_limits<qint64>::min();
        for (std::size_t i = 0; i < k; ++i) {
            if (at[i] >= series[i].openTimeMs.size())
                return out;
            t = std::max(t, series[i].openTimeMs[at[i]]);
        }
        bool all = true;
        for (std::size_t i = 0; i < k; ++i) {
            const std::vector<qint64> &times = series[i].openTimeMs;
            while (at[i] < times.size() && times[at[i]] < t)
                ++at[i];
            if (at[i] >= times.size())
                return out;
            // Duplicates keep the last.
            while (at[i] + 1 < times.size() && times[at[i] + 1] == times[at[i]])
                ++at[i];
            all = all && times[at[i]] == t;
        }
        if (!all)
            continue;
        out.timeMs.push_back(t);
        for (std::size_t i = 0; i < k; ++i)
            out.legs[i].push_back(series[i].close[at[i]++]);
    }
}

std::vector<double> basketSpread(const AlignedBasket &basket, const std::vector<double> &weights,
                                 double *constant)
{
    const std::size_t n = basket.size();
    std::vector<double> s(n, 0.0);
    for (std::size_t i = 0; i < weights.size() && i < basket.legs.size(); ++i) {
        const double w = weights[i];
        const std::vector<double> &p = basket.legs[i];
        for (std::size_t t = 0; t < n; ++t)
            s[t] += w * p[t];
    }
    double mean = 0;
    for (double v : s)
        mean += v;
    mean = n ? mean / double(n) : kNaN;
    for (double &v : s)
        v -= mean;
    if (constant)
        *constant = mean;
    return s;
}

BasketAnalysis analyzeBasket(const AlignedBasket &basket, const std::vector<double> &weights,
                             const BasketAnalysisOptions &options)
{
    BasketAnalysis a;
    a.n = int(basket.size());
    a.window = options.window;
    a.weights = weights;
    auto fail = [&](AnalyticsStatus s, const QString &why) {
        a.status = s;
        a.error = why;
        return a;
    };
    if (weights.size() != basket.legs.size() || weights.size() < 2)
        return fail(AnalyticsStatus::SizeMismatch,
                    BasketText::tr("%1 legs but %2 weights").arg(basket.legs.size()).arg(weights.size()));
    for (const std::vector<double> &leg : basket.legs) {
        if (leg.size() != basket.size())
            return fail(AnalyticsStatus::SizeMismatch, BasketText::tr("the legs have different lengths"));
        if (!allFinite(leg))
            return fail(AnalyticsStatus::NonFinite, BasketText::tr("a leg has a price that is not a number"));
    }
    if (!allFinite(weights))
        return fail(AnalyticsStatus::NonFinite, BasketText::tr("a weight is not a number"));
    if (options.window < 2)
        return fail(AnalyticsStatus::TooFewRows, BasketText::tr("the window must be at least 2 bars"));
    if (a.n < options.window || a.n < 10)
        return fail(
            AnalyticsStatus::TooFewRows,
            BasketText::tr("%1 bars in common, fewer than the window of %2 (and at least 10 are needed)")
                .arg(a.n)
                .arg(options.window));
    std::vector<double> s = basketSpread(basket, weights, &a.constant);
    if (flat(s, basket, weights))
        return fail(AnalyticsStatus::ConstantSeries, BasketText::tr("the basket's value does not move"));
    std::vector<double> z = rollingZScore(s, options.window);
    const AdfTrend trends[3] = {AdfTrend::Constant, AdfTrend::ConstantTrend, AdfTrend::None};
    const std::vector<AdfResult> adf = adfullerTrends(s, trends, AdfAutolag::Aic);
    a.adfC = adf[0];
    a.adfCt = adf[1];
    a.adfN = adf[2];
    a.halfLife = halfLife(s);
    a.hurst = hurstExponent(s);
    a.backtest = backtestMeanReversion(s, z, options.backtest);
    a.lastSpread = s.back();
    a.lastZ = z.back();
    if (options.series) {
        a.timeMs = basket.timeMs;
        a.spread = std::move(s);
        a.zscore = std::move(z);
    } else {
        a.backtest.dropSeries();
    }
    return a;
}

} // namespace pairlab
