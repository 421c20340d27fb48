#pragma once

#include "analytics/analytics_status.h"

#include <cmath>
#include <span>
#include <vector>

namespace pairlab {

/** Kalman filter parameters of CONVENTIONS §4 (Chan: delta = 1e-4, Ve = R = 1e-3). */
struct KalmanParams
{
    double delta = 1e-4;
    double r = 1e-3;
    double q() const { return delta / (1.0 - delta); }
};

/** O(1) two-state (alpha, beta) random-walk Kalman filter, CONVENTIONS §4, updated in exactly the
    documented order (predict, innovation with the prior state, gain, posterior, P = (I - K h) P^-).
    Starts at a = b = 0, P = 0 before the first bar. Plain value type; any thread, not shared. */
class KalmanFilter2
{
public:
    explicit KalmanFilter2(KalmanParams params = {}) : m_q(params.q()), m_r(params.r) {}
    struct Step
    {
        double alpha, beta, innovation, variance; ///< posterior a_t, b_t; e_t; S_t
    };
    Step update(double x, double y);
    double alpha() const { return m_a; }
    double beta() const { return m_b; }

private:
    double m_q, m_r;
    double m_a = 0, m_b = 0, m_p00 = 0, m_p01 = 0, m_p11 = 0;
};

/** O(1) one-state (slope only) Kalman filter, CONVENTIONS §4, b = 0, P = 0 before the first bar. */
class KalmanFilter1
{
public:
    explicit KalmanFilter1(KalmanParams params = {}) : m_q(params.q()), m_r(params.r) {}
    struct Step
    {
        double beta, innovation, variance;
    };
    Step update(double x, double y);
    double beta() const { return m_b; }

private:
    double m_q, m_r;
    double m_b = 0, m_p = 0;
};

/** Per-bar output of the batch filters (posterior states, innovations e_t, variances S_t). */
struct KalmanSeries
{
    AnalyticsStatus status = AnalyticsStatus::Ok;
    std::vector<double> alpha, beta, innovation, variance;
    bool ok() const { return status == AnalyticsStatus::Ok; }
    /** e_t / sqrt(S_t) */
    double standardisedInnovation(std::size_t t) const { return innovation[t] / std::sqrt(variance[t]); }
};
KalmanSeries kalman2(std::span<const double> x, std::span<const double> y, KalmanParams params = {});

/** The pair-trading spread of a Kalman hedge, scaled to the data (what the Pair tab, the backtest and
    the alerts use; the §4 filters above keep Chan's fixed R = 1e-3 for `pairlab-cli analyze`).

    Fixed noise levels such as R = 1e-3 are tuned for prices near 1..100: on BTC at ~60,000 the posterior
    fits every bar and y_t - (a_t + b_t x_t) is ~1e-8. Here every scale comes from the first `warmup`
    bars (nothing later is looked at, so a backtest does not look ahead):
    - OLS y = a + b x over bars 0..W-1 gives the initial state (a, b), the observation variance
      R = SSR / (W - 2) and the initial covariance P_0 = R (X'X)^-1 (the OLS coefficient covariance);
    - state noise Q = q R diag(1, 1 / mean(x^2)), q = delta / (1 - delta): each state moves by about
      sqrt(q) of the residual's scale per bar, whatever the price level;
    - from bar W on, the §4 recursion (predict, innovation with the prior state, gain, posterior).
    R, Q and P_0 share the scale R, so the states and innovations do not depend on it; the scale in
    S_t = S~_t sigma^2_t (S~ at unit scale) is re-estimated as the mean of e_j^2 / S~_j over the W bars
    before t (the warm-up's R at first), so a calm warm-up does not inflate every later z.
    The spread is the innovation e_t = y_t - (a_{t-1} + b_{t-1} x_t) (the prior state, before bar t is
    absorbed) and its z-score is e_t / sqrt(S_t). All columns are NaN before bar W. */
struct KalmanSpread
{
    AnalyticsStatus status = AnalyticsStatus::Ok;
    int warmup = 0;
    double r = kNaN, qAlpha = kNaN, qBeta = kNaN; ///< the noise levels the warm-up gave (R, Q diagonal)
    std::vector<double> alpha, beta, innovation, variance, zscore;
    bool ok() const { return status == AnalyticsStatus::Ok; }
};
/** Needs warmup >= 3 and more than `warmup` bars (TooFewRows), a moving x and a non-zero residual in
    the warm-up (ConstantSeries). Runs KalmanSpreadFilter over the bars. */
KalmanSpread kalmanSpread(std::span<const double> x, std::span<const double> y, int warmup,
                          double delta = KalmanParams{}.delta);
/** kalmanSpread() one bar at a time, for the live path (alerts): push(x_t, y_t) returns bar t's values,
    exactly those of kalmanSpread() over bars 0..t (the same arithmetic). The first `warmup` bars are kept
    and fit; their steps are NaN. O(1) per bar after the warm-up, O(warmup) memory. Plain value type. */
class KalmanSpreadFilter
{
public:
    explicit KalmanSpreadFilter(int warmup, double delta = KalmanParams{}.delta);
    struct Step
    {
        double alpha = kNaN, beta = kNaN, innovation = kNaN, variance = kNaN, zscore = kNaN;
    };
    Step push(double x, double y);
    /** TooFewRows during the warm-up (or for warmup < 3), ConstantSeries when the warm-up gave no
        noise scale (no later bar changes that), NonFinite after a non-finite price, Ok while filtering. */
    AnalyticsStatus status() const { return m_status; }
    int warmup() const { return m_w; }
    double r() const { return m_r; }
    double qAlpha() const { return m_q * m_r; }
    double qBeta() const { return m_q * m_r / m_mx2; }

private:
    void initialise();
    int m_w;
    double m_q;
    AnalyticsStatus m_status = AnalyticsStatus::TooFewRows;
    std::vector<double> m_wx, m_wy; ///< the warm-up bars until the fit
    double m_r = kNaN, m_mx2 = kNaN, m_c = 0, m_q00 = 0, m_q01 = 0, m_q11 = 0;
    double m_ac = 0, m_b = 0, m_p00 = 0, m_p01 = 0, m_p11 = 0;
    std::vector<double> m_ring; ///< e^2 / S~ of the last W bars (the warm-up's R at first)
    double m_ringSum = 0;
    std::size_t m_ringAt = 0;
};

/** alpha is left empty for the one-state filter. */
KalmanSeries kalman1(std::span<const double> x, std::span<const double> y, KalmanParams params = {});

} // namespace pairlab
