#include "analytics/analytics_status.h"

namespace pairlab {

QString analyticsStatusText(AnalyticsStatus status)
{
    switch (status) {
    case AnalyticsStatus::Ok: return QStringLiteral("ok");
    case AnalyticsStatus::EmptyInput: return QStringLiteral("empty input");
    case AnalyticsStatus::SizeMismatch: return QStringLiteral("input series have different lengths");
    case AnalyticsStatus::NonFinite: return QStringLiteral("input contains NaN or infinity");
    case AnalyticsStatus::TooFewRows: return QStringLiteral("too few rows");
    case AnalyticsStatus::ConstantSeries: return QStringLiteral("constant series");
    case AnalyticsStatus::Singular: return QStringLiteral("singular design (collinear or constant regressor)");
    case AnalyticsStatus::Cancelled: return QStringLiteral("cancelled");
    case AnalyticsStatus::NotConverged: return QStringLiteral("did not converge");
    }
    return QStringLiteral("unknown");
}

} // namespace pairlab
