#include "analytics/backtest.h"

#include <algorithm>
#include <cstdlib>

namespace pairlab {

namespace {

double maxDrawdown(const std::vector<double> &equity)
{
    double peak = 0, dd = 0;
    for (double e : equity) {
        peak = std::max(peak, e);
        dd = std::max(dd, peak - e);
    }
    return dd;
}

} // namespace

double annualisedSharpe(std::span<const double> pnl, double barsPerYear)
{
    const std::size_t n = pnl.size();
    if (n < 3)
        return kNaN;
    double sum = 0;
    for (std::size_t t = 1; t < n; ++t)
        sum += pnl[t];
    const double m = sum / double(n - 1);
    double ss = 0;
    for (std::size_t t = 1; t < n; ++t)
        ss += (pnl[t] - m) * (pnl[t] - m);
    const double sd = std::sqrt(ss / double(n - 2));
    return sd > 0 ? m / sd * std::sqrt(barsPerYear) : kNaN;
}

BacktestResult backtestMeanReversion(std::span<const double> s, std::span<const double> z,
                                     const BacktestParams &p)
{
    BacktestResult r;
    const std::size_t n = s.size();
    if (z.size() != n) {
        r.status = AnalyticsStatus::SizeMismatch;
        return r;
    }
    if (n == 0) {
        r.status = AnalyticsStatus::EmptyInput;
        return r;
    }
    if (!allFinite(s)) {
        r.status = AnalyticsStatus::NonFinite;
        return r;
    }
    r.position.assign(n, 0);
    r.pnlGross.assign(n, 0.0);
    r.pnlNet.assign(n, 0.0);
    r.equityGross.assign(n, 0.0);
    r.equityNet.assign(n, 0.0);
    int prev = 0;
    for (std::size_t t = 0; t < n; ++t) {
        int pos = prev;
        const double zt = z[t];
        if (std::isnan(zt))
            pos = 0; // NOLINT(bugprone-branch-clone): the rules of CONVENTIONS §12, in their order
        else if (zt > p.entry)
            pos = -1;
        else if (zt < -p.entry)
            pos = 1;
        else if (std::fabs(zt) < p.exit)
            pos = 0;
        r.position[t] = pos;
        const double gross = (t == 0 || prev == 0) ? 0.0 : prev * (s[t] - s[t - 1]); // no -0 when flat
        const double cost = p.cost * std::abs(pos - prev);
        r.pnlGross[t] = gross;
        r.pnlNet[t] = gross - cost;
        r.totalCost += cost;
        r.equityGross[t] = (t ? r.equityGross[t - 1] : 0.0) + gross;
        r.equityNet[t] = (t ? r.equityNet[t - 1] : 0.0) + r.pnlNet[t];
        prev = pos;
    }
    r.grossPnl = r.equityGross.back();
    r.netPnl = r.equityNet.back();
    // Trades: maximal runs of one non-zero position.
    for (std::size_t a = 0; a < n;) {
        const int side = r.position[a];
        std::size_t e = a + 1;
        while (e < n && r.position[e] == side)
            ++e;
        if (side != 0) {
            const bool closed = e < n;
            const std::size_t exitBar = closed ? e : n - 1;
            double pnl = -p.cost - (closed ? p.cost : 0.0);
            for (std::size_t t = a + 1; t <= exitBar; ++t)
                pnl += r.pnlGross[t];
            ++r.trades;
            if (pnl > 0)
                ++r.wins;
        }
        a = e;
    }
    r.winRate = r.trades > 0 ? double(r.wins) / r.trades : kNaN;
    r.maxDrawdownGross = maxDrawdown(r.equityGross);
    r.maxDrawdownNet = maxDrawdown(r.equityNet);
    r.sharpeGross = annualisedSharpe(r.pnlGross, p.barsPerYear);
    r.sharpeNet = annualisedSharpe(r.pnlNet, p.barsPerYear);
    return r;
}

} // namespace pairlab
