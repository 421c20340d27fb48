#pragma once

#include "analytics/analytics_status.h"
#include "analytics/kalman.h"

#include <span>
#include <vector>

namespace pairlab {

/** O(1) trailing-window mean/variance (ddof 1) of one series: sliding add/remove update of the
    centred sum of squares (Welford-type), re-synchronised with an exact two-pass over the window
    every `resyncEvery` pushes (default: max(window, 1024)) so rounding never accumulates.
    Matches pandas rolling(W).mean()/.std() and an exact two-pass to ~1e-12 relative. */
class RollingMoments
{
public:
    explicit RollingMoments(int window, int resyncEvery = 0);
    void push(double v);
    bool full() const { return m_count == m_window; }
    double mean() const { return full() ? m_shift + m_mean : kNaN; }
    double stddev() const; ///< ddof 1; NaN until full
    /** (last - mean)/stddev of the current window; NaN until full or when stddev is 0. */
    double zscore() const;
    /** Window mean and centred sum of squares (NaN until full). */
    void moments(double &mean, double &m2) const
    {
        mean = full() ? m_shift + m_mean : kNaN;
        m2 = full() ? m_m2 : kNaN;
    }
    void reset();

private:
    void resync();
    std::vector<double> m_buf;
    int m_window, m_resync, m_count = 0, m_head = 0, m_sinceSync = 0;
    double m_mean = 0, m_m2 = 0, m_last = kNaN; // m_mean is relative to m_shift once full
    double m_shift = 0;                         // window mean at the last re-sync
};

/** O(1) trailing-window Pearson correlation of two series, centred co-moments updated by the exact
    sliding identity C' = C + (a_in - ma)(b_in - mb') - (a_out - ma)(b_out - mb'), re-synchronised by
    a two-pass every `resyncEvery` pushes (default max(window, 1024); CONVENTIONS §6). NaN until full or if a
   window is constant. */
class RollingCorrelation
{
public:
    explicit RollingCorrelation(int window, int resyncEvery = 0);
    void push(double a, double b);
    bool full() const { return m_count == m_window; }
    double correlation() const;
    /** Centred co-moments of the full window (0 until full). */
    void comoments(double &saa, double &sbb, double &sab) const
    {
        saa = full() ? m_saa : 0.0;
        sbb = full() ? m_sbb : 0.0;
        sab = full() ? m_sab : 0.0;
    }
    void reset();

private:
    void resync();
    std::vector<double> m_a, m_b;
    int m_window, m_resync, m_count = 0, m_head = 0, m_sinceSync = 0;
    double m_ma = 0, m_mb = 0, m_saa = 0, m_sbb = 0, m_sab = 0; // means relative to the shifts
    double m_shiftA = 0, m_shiftB = 0;                          // window means at the last re-sync
};

/** s_t = y_t - (alpha + beta*x_t) (CONVENTIONS §5). */
std::vector<double> spreadSeries(std::span<const double> x, std::span<const double> y, double alpha,
                                 double beta);
/** s_t = y_t - (alpha_t + beta_t*x_t) with per-bar hedge (e.g. Kalman posterior). */
std::vector<double> spreadSeries(std::span<const double> x, std::span<const double> y,
                                 std::span<const double> alpha, std::span<const double> beta);
/** r_t = ln(p_t/p_{t-1}); r_0 = NaN, so the result is aligned with the prices. */
std::vector<double> logReturns(std::span<const double> prices);

/** Rolling z-score over W values incl. bar t, ddof 1; NaN for t < W-1 (CONVENTIONS §5). */
std::vector<double> rollingZScore(std::span<const double> s, int window);
/** Rolling Pearson correlation of (a, b) over W values incl. bar t; NaN for t < W-1 (CONVENTIONS §6). */
std::vector<double> rollingCorrelation(std::span<const double> a, std::span<const double> b, int window);
/** Rolling correlation of the log returns of two price series, aligned with the prices: NaN for t < W. */
std::vector<double> rollingLogReturnCorrelation(std::span<const double> x, std::span<const double> y,
                                                int window);

/** Reference implementations by an explicit two-pass per window (O(n W)), for tests. */
std::vector<double> rollingZScoreTwoPass(std::span<const double> s, int window);
std::vector<double> rollingCorrelationTwoPass(std::span<const double> a, std::span<const double> b,
                                              int window);

/** Pearson correlation matrix (row-major k x k) of the log returns of k aligned price series. */
struct CorrelationMatrix
{
    AnalyticsStatus status = AnalyticsStatus::Ok;
    int size = 0;
    std::vector<double> values;
    double at(int i, int j) const { return values[std::size_t(i) * std::size_t(size) + std::size_t(j)]; }
    bool ok() const { return status == AnalyticsStatus::Ok; }
};
CorrelationMatrix logReturnCorrelationMatrix(const std::vector<std::span<const double>> &prices);

/** Live, O(1)-per-bar state of one pair: spread with a fixed static hedge, its rolling z, rolling
    price and log-return correlations, both §4 Kalman filters, and the scaled Kalman spread of the Pair
    tab (kalmanSpread() with warm-up = window: innovation and z). Agrees with the batch functions (same
    arithmetic); one `push` costs well under a microsecond. Not thread-safe: one owner. */
class LivePairState
{
public:
    LivePairState(double alpha, double beta, int window, KalmanParams kalman = {});
    struct Update
    {
        double spread = kNaN, zscore = kNaN, corrPrice = kNaN, corrLogReturn = kNaN, kalmanAlpha = kNaN,
               kalmanBeta = kNaN, kalmanBeta1 = kNaN, kalmanInnovation = kNaN, kalmanVariance = kNaN;
        double scaledKalmanSpread = kNaN, scaledKalmanZ = kNaN; ///< kalmanSpread()'s innovation and z
    };
    Update push(double x, double y);
    const Update &last() const { return m_last; }
    long long bars() const { return m_bars; }

private:
    double m_alpha, m_beta;
    RollingMoments m_spread;
    RollingCorrelation m_price, m_logret;
    KalmanFilter2 m_k2;
    KalmanFilter1 m_k1;
    double m_prevX = kNaN, m_prevY = kNaN;
    long long m_bars = 0;
    KalmanSpreadFilter m_scaled;
    Update m_last;
};

} // namespace pairlab
