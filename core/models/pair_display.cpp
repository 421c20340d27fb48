#include "models/pair_display.h"

#include "analytics/kalman.h"
#include "analytics/rolling.h"

#include "io/number_format.h"

#include <QCoreApplication>
#include <QSaveFile>

#include <cmath>

namespace pairlab {

namespace {
template <typename T> std::shared_ptr<const std::vector<T>> share(std::vector<T> v)
{
    return std::make_shared<const std::vector<T>>(std::move(v));
}

// Rolling OLS slope of y on x over the trailing window (incl. t), from centred co-moments.
std::vector<double> rollingBeta(std::span<const double> x, std::span<const double> y, int window)
{
    std::vector<double> out(x.size(), kNaN);
    if (window < 2 || x.size() < std::size_t(window))
        return out;
    RollingCorrelation rc(window);
    for (std::size_t t = 0; t < x.size(); ++t) {
        rc.push(x[t], y[t]);
        if (rc.full()) {
            double sxx = 0, syy = 0, sxy = 0;
            rc.comoments(sxx, syy, sxy);
            out[t] = sxx > 0 ? sxy / sxx : kNaN;
        }
    }
    return out;
}
} // namespace

PairDisplay buildPairDisplay(const AlignedPair &pair, const PairAnalysis &analysis, HedgeMethod method,
                             int window)
{
    PairDisplay d;
    d.method = method;
    const std::size_t n = pair.size();
    if (n == 0)
        return d;
    std::vector<double> nx(n), ny(n);
    for (std::size_t i = 0; i < n; ++i) {
        nx[i] = pair.x[i] / pair.x[0] * 100.0;
        ny[i] = pair.y[i] / pair.y[0] * 100.0;
    }
    std::vector<double> hedge(n, kNaN), spread(n, kNaN), z;
    if (method == HedgeMethod::Kalman) {
        // The innovation e_t (prior state) and e_t / sqrt(S_t), scaled to the data: kalman.h.
        KalmanSpread k = kalmanSpread(pair.x, pair.y, window);
        d.alpha = d.beta = kNaN;
        d.kalmanStatus = k.status;
        if (k.ok()) {
            d.kalmanR = k.r;
            hedge = std::move(k.beta);
            spread = std::move(k.innovation);
            z = std::move(k.zscore);
        }
    } else {
        switch (method) {
        case HedgeMethod::Huber:
            d.alpha = analysis.huber.alpha;
            d.beta = analysis.huber.beta;
            break;
        case HedgeMethod::TheilSen:
            d.alpha = analysis.theilSen.intercept;
            d.beta = analysis.theilSen.slope;
            break;
        default:
            d.alpha = analysis.ols.alpha;
            d.beta = analysis.ols.beta;
            break;
        }
        if (std::isfinite(d.alpha) && std::isfinite(d.beta))
            spread = spreadSeries(pair.x, pair.y, d.alpha, d.beta);
        std::fill(hedge.begin(), hedge.end(), d.beta);
        z = rollingZScore(spread, window);
    }
    if (z.size() != n)
        z.assign(n, kNaN);
    std::vector<double> cp =
        analysis.corrPrice.size() == n ? analysis.corrPrice : rollingCorrelation(pair.x, pair.y, window);
    std::vector<double> cr = analysis.corrLogReturn.size() == n
                                 ? analysis.corrLogReturn
                                 : rollingLogReturnCorrelation(pair.x, pair.y, window);
    if (cp.size() != n)
        cp.assign(n, kNaN);
    if (cr.size() != n)
        cr.assign(n, kNaN);
    d.time = share(pair.timeMs);
    d.x = share(pair.x);
    d.y = share(pair.y);
    d.normX = share(std::move(nx));
    d.normY = share(std::move(ny));
    d.hedge = share(std::move(hedge));
    d.rollingOlsBeta = share(rollingBeta(pair.x, pair.y, window));
    d.spread = share(std::move(spread));
    d.zscore = share(std::move(z));
    d.corrPrice = share(std::move(cp));
    d.corrLogReturn = share(std::move(cr));
    return d;
}

bool exportPairSeriesCsv(const PairDisplay &d, const QString &path, QString *error)
{
    QSaveFile f(path);
    if (d.empty() || !f.open(QIODevice::WriteOnly)) {
        if (error)
            *error = d.empty()
                         ? QCoreApplication::translate("PairDisplay", "there is no pair series to export")
                         : QCoreApplication::translate("PairDisplay", "cannot write %1: %2")
                               .arg(path, f.errorString());
        return false;
    }
    QByteArray out("ts_ms,x,y,beta,spread,zscore,corr_price,corr_logret\n");
    const std::size_t n = d.time->size();
    out.reserve(qsizetype(n) * 120);
    for (std::size_t i = 0; i < n; ++i) {
        appendInt(out, (*d.time)[i]);
        for (const auto &col : {d.x, d.y, d.hedge, d.spread, d.zscore, d.corrPrice, d.corrLogReturn}) {
            out.append(',');
            const double v = (*col)[i];
            if (std::isfinite(v))
                appendDouble(out, v);
        }
        out.append('\n');
    }
    f.write(out);
    if (!f.commit()) {
        if (error)
            *error =
                QCoreApplication::translate("PairDisplay", "cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

} // namespace pairlab
