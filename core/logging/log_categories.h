#pragma once

#include <QLoggingCategory>

namespace pairlab {

// PairLab's logging categories; enable or silence them with QT_LOGGING_RULES (e.g.
// "pairlab.feed.debug=true").
Q_DECLARE_LOGGING_CATEGORY(lcFeed)      // pairlab.feed: connections, reconnects, feed errors, silent streams
Q_DECLARE_LOGGING_CATEGORY(lcStorage)   // pairlab.storage: database location and write errors
Q_DECLARE_LOGGING_CATEGORY(lcImport)    // pairlab.import: CSV import results
Q_DECLARE_LOGGING_CATEGORY(lcAlerts)    // pairlab.alerts: alert firings and rule problems
Q_DECLARE_LOGGING_CATEGORY(lcWorkspace) // pairlab.workspace: workspace open/save
Q_DECLARE_LOGGING_CATEGORY(lcApp)       // pairlab.app: start, settings

} // namespace pairlab
