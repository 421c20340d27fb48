#include "backtest/backtest_bootstrap.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

namespace pairlab {

namespace {

// Every message of this file is in the translation context "Bootstrap" (lupdate reads the macro).
struct BootstrapText
{
    Q_DECLARE_TR_FUNCTIONS(Bootstrap)
};

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

BootstrapBand bandOf(std::vector<double> &values)
{
    // NaN Sharpe ratios (returns that do not vary) sort last and are left out of the band.
    std::sort(values.begin(), values.end(),
              [](double a, double b) { return std::isnan(b) ? !std::isnan(a) : (!std::isnan(a) && a < b); });
    std::vector<double> finite(
        values.begin(), std::find_if(values.begin(), values.end(), [](double v) { return std::isnan(v); }));
    return {percentileOfSorted(finite, 5), percentileOfSorted(finite, 50), percentileOfSorted(finite, 95)};
}

} // namespace

std::vector<double> barReturns(std::span<const double> pnlNet, double capital)
{
    std::vector<double> r;
    r.reserve(pnlNet.size());
    for (double p : pnlNet)
        r.push_back(p / capital);
    return r;
}

double percentileOfSorted(const std::vector<double> &sorted, double p)
{
    if (sorted.empty())
        return kNaN;
    const double pos = std::clamp(p, 0.0, 100.0) / 100.0 * double(sorted.size() - 1);
    const auto lo = std::size_t(std::floor(pos));
    const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
    const double f = pos - double(lo);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * f;
}

BootstrapResult bootstrapReturns(std::span<const double> returns, const BootstrapConfig &config,
                                 const std::atomic<bool> *cancel, std::atomic<int> *done)
{
    BootstrapResult out;
    const std::size_t n = returns.size();
    if (n < 2) {
        out.error = BootstrapText::tr("a bootstrap needs at least two bars of returns");
        return out;
    }
    if (config.resamples < 1) {
        out.error = BootstrapText::tr("the number of resamples must be at least 1");
        return out;
    }
    for (double r : returns)
        if (!std::isfinite(r)) {
            out.error = BootstrapText::tr("the returns contain non-finite values");
            return out;
        }
    const int block =
        config.meanBlock > 0 ? config.meanBlock : std::max(1, int(std::lround(std::cbrt(double(n)))));
    out.meanBlock = block;
    out.resamples = config.resamples;
    std::mt19937_64 rng(config.seed);
    // Uniform draws from the generator's raw output: the same numbers on every platform.
    const auto uniformIndex = [&] { return std::size_t(rng() % n); };
    const auto uniform01 = [&] { return double(rng() >> 11) * 0x1.0p-53; };
    const double restart = 1.0 / double(block);
    const double annualise = std::sqrt(config.barsPerYear);
    out.finalReturns.reserve(std::size_t(config.resamples));
    out.sharpes.reserve(std::size_t(config.resamples));
    out.maxDrawdowns.reserve(std::size_t(config.resamples));
    for (int s = 0; s < config.resamples; ++s) {
        if (cancel && cancel->load(std::memory_order_relaxed)) {
            out.cancelled = true;
            return out;
        }
        std::size_t at = uniformIndex();
        double equity = 1.0, peak = 1.0, worst = 0.0; // in units of the capital
        double mean = 0.0, m2 = 0.0;                  // Welford
        for (std::size_t t = 0; t < n; ++t) {
            if (t > 0) {
                at = uniform01() < restart ? uniformIndex() : (at + 1) % n;
            }
            const double r = returns[at];
            const double delta = r - mean;
            mean += delta / double(t + 1);
            m2 += delta * (r - mean);
            if (equity > 0) { // a fixed size: gains are not reinvested; at zero the capital is gone
                equity = std::max(0.0, equity + r);
                peak = std::max(peak, equity);
                worst = std::min(worst, equity / peak - 1.0);
            }
        }
        const double sd = std::sqrt(m2 / double(n - 1));
        out.finalReturns.push_back(equity - 1.0);
        out.sharpes.push_back(sd > 0 ? mean / sd * annualise : kNaN);
        out.flatResamples += sd > 0 ? 0 : 1;
        out.maxDrawdowns.push_back(worst);
        if (done)
            done->fetch_add(1, std::memory_order_relaxed);
    }
    out.finalReturn = bandOf(out.finalReturns);
    out.sharpe = bandOf(out.sharpes);
    out.maxDrawdown = bandOf(out.maxDrawdowns);
    return out;
}

} // namespace pairlab
