#include "logging/log_categories.h"

namespace pairlab {

Q_LOGGING_CATEGORY(lcFeed, "pairlab.feed")
Q_LOGGING_CATEGORY(lcStorage, "pairlab.storage")
Q_LOGGING_CATEGORY(lcImport, "pairlab.import")
Q_LOGGING_CATEGORY(lcAlerts, "pairlab.alerts")
Q_LOGGING_CATEGORY(lcWorkspace, "pairlab.workspace")
Q_LOGGING_CATEGORY(lcApp, "pairlab.app")

} // namespace pairlab
