#pragma once

#include <QString>

#include <cmath>
#include <limits>
#include <span>

namespace pairlab {

/** Why an analytics function could not produce a number. Every result struct carries one; `Ok` means
    the numeric fields are meaningful (they may still be NaN where the convention says "undefined"). */
enum class AnalyticsStatus {
    Ok,
    EmptyInput,
    SizeMismatch,
    NonFinite,      ///< NaN or inf somewhere in the input
    TooFewRows,     ///< fewer rows than the method (or the window) needs
    ConstantSeries, ///< a series with zero variance where variance is required
    Singular,       ///< design matrix is rank deficient (e.g. constant regressor)
    Cancelled,      ///< a long computation was asked to stop
    NotConverged,   ///< an iterative method gave up (not expected in practice)
};

/** A short English reason, for error messages. */
QString analyticsStatusText(AnalyticsStatus status);

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/** True when every value is finite. */
inline bool allFinite(std::span<const double> v)
{
    for (double d : v)
        if (!std::isfinite(d))
            return false;
    return true;
}

} // namespace pairlab
