#pragma once

#include "analytics/analytics_status.h"

#include <span>
#include <vector>

namespace pairlab {

/** Kalman filter parameters of CONVENTIONS §4 (Chan: delta = 1e-4, Ve = R = 1e-3). */
struct KalmanParams {
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
    struct Step {
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
    struct Step {
        double beta, innovation, variance;
    };
    Step update(double x, double y);
    double beta() const { return m_b; }

private:
    double m_q, m_r;
    double m_b = 0, m_p = 0;
};

/** Per-bar output of the batch filters (posterior states, innovations e_t, variances S_t). */
struct KalmanSeries {
    AnalyticsStatus status = AnalyticsStatus::Ok;
    std::vector<double> alpha, beta, innovation, variance;
    bool ok() const { return status == AnalyticsStatus::Ok; }
    /** e_t / sqrt(S_t) */
    double standardisedInnovation(std::size_t t) const { return innovation[t] / std::sqrt(variance[t]); }
};
KalmanSeries kalman2(std::span<const double> x, std::span<const double> y, KalmanParams params = {});
/** alpha is left empty for the one-state filter. */
KalmanSeries kalman1(std::span<const double> x, std::span<const double> y, KalmanParams params = {});

} // namespace pairlab
