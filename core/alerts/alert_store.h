#pragma once

#include "alerts/alert_rule.h"

#include <QSqlDatabase>

#include <limits>

class QIODevice;

namespace pairlab {

/** Which events to read: market-time range [fromMs, toMs], one rule (0 = any), one pair (empty =
    any), a case-insensitive substring of the message or rule name (empty = any), ids after `afterId`;
    newest first (or in id order), at most `limit` rows (0 = all). */
struct AlertEventFilter
{
    qint64 fromMs = std::numeric_limits<qint64>::min();
    qint64 toMs = std::numeric_limits<qint64>::max();
    qint64 ruleId = 0;
    QString pair;
    QString text;
    int limit = 0;
    qint64 afterId = 0;       ///< only events with a larger id (a reader's cursor; 0 = any)
    bool oldestFirst = false; ///< ascending ids (the order they were stored) instead of newest first
};

/** Alert rules and the alert log in PairLab's database (tables alert_rules, alert_events).

    Works on a connection opened by Database::open() on the calling thread; use one AlertStore per
    thread and connection (QSqlDatabase connections do not cross threads). Each write is one
    transaction. Event values are stored as a JSON object {"z": 2.31, ...} (NaN as null). */
class AlertStore
{
public:
    explicit AlertStore(const QSqlDatabase &db);

    /** All rules, ordered by id. */
    QList<AlertRule> loadRules(QString *error = nullptr) const;
    /** Inserts (id 0: the new id is written back) or updates the rule with rule.id. */
    bool saveRule(AlertRule &rule, QString *error = nullptr);
    /** Deletes a rule; its events stay in the log with rule_id NULL (read back as 0). */
    bool deleteRule(qint64 id, QString *error = nullptr);

    /** Appends events in one transaction; their ids are written back. */
    bool appendEvents(QList<AlertEvent> &events, QString *error = nullptr);
    QList<AlertEvent> queryEvents(const AlertEventFilter &filter = {}, QString *error = nullptr) const;
    /** Deletes the events matching the filter (its limit is ignored); returns the number removed or -1. */
    int deleteEvents(const AlertEventFilter &filter, QString *error = nullptr);

    /** CSV with header id,time_utc,ts_ms,rule_id,rule,pair,message,values (values as "z=2.31; corr=0.85",
        full double precision), RFC 4180 quoting, '\n' line ends. */
    static bool writeEventsCsv(const QList<AlertEvent> &events, QIODevice *device, QString *error = nullptr);
    /** Queries with `filter` and writes the CSV file at `path`. */
    bool exportEventsCsv(const AlertEventFilter &filter, const QString &path, QString *error = nullptr) const;

private:
    QSqlDatabase m_db;
};

} // namespace pairlab
