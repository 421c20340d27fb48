#pragma once

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>
#include <QtGlobal>

namespace pairlab {

/** When a true rule fires. */
enum class AlertTriggerMode {
    Rising,    ///< when the expression becomes true (false or never evaluated before -> true)
    WhileTrue, ///< on every evaluation while it is true
};

/** Database spelling of a trigger mode ("rising", "while_true"); unknown text reads as Rising. */
QString triggerModeKey(AlertTriggerMode mode);
AlertTriggerMode triggerModeFromKey(const QString &key);

/** An alert rule as the user defines it and as it is stored (table alert_rules). `pair` is
    "SYMX/SYMY" (x first, as PairAnalytics) or "*" for every pair. `id` is 0 until stored. */
struct AlertRule
{
    qint64 id = 0;
    QString name;
    QString pair = QStringLiteral("*");
    QString expression;
    bool enabled = true;
    AlertTriggerMode triggerMode = AlertTriggerMode::Rising;
    double cooldownS = 60;
    int minBars = 0;
    bool appliesTo(const QString &pairName) const { return pair == QLatin1String("*") || pair == pairName; }
    friend bool operator==(const AlertRule &, const AlertRule &) = default;
};

/** A rule as a workspace file keeps it: {"name", "pair", "expression", "enabled", "trigger", "cooldown_s",
    "min_bars"} (no id: ids belong to a database). */
QJsonObject alertRuleToJson(const AlertRule &rule);
/** The rule of alertRuleToJson(); false with `error` naming the field when one is missing or wrong. */
bool alertRuleFromJson(const QJsonObject &o, AlertRule *rule, QString *error);
/** Same rule for a workspace: name, pair and expression (ids and switches aside). */
inline bool sameAlertRule(const AlertRule &a, const AlertRule &b)
{
    return a.name == b.name && a.pair == b.pair && a.expression.trimmed() == b.expression.trimmed();
}

/** A fired alert (table alert_events): market time of the update, the rule, the values of the
    variables the expression used (canonical names) and a human-readable message. */
struct AlertEvent
{
    qint64 id = 0;
    qint64 ruleId = 0; ///< 0 once the rule was deleted
    qint64 timeMs = 0;
    QString ruleName;
    QString pair;
    QList<QPair<QString, double>> values;
    QString message;
};

/** "SYMX/SYMY", the pair key of rules and events. */
inline QString alertPairName(const QString &symbolX, const QString &symbolY)
{
    return symbolX + QLatin1Char('/') + symbolY;
}

/** How the screen names a pair key: "SYMX/SYMY" reads "SYMY ~ SYMX" (as the Pair tab, Y first); "*" and
    anything else are returned as they are. */
inline QString alertPairLabel(const QString &key)
{
    const qsizetype slash = key.indexOf(QLatin1Char('/'));
    return slash > 0 ? key.mid(slash + 1) + QStringLiteral(" ~ ") + key.left(slash) : key;
}

} // namespace pairlab

Q_DECLARE_METATYPE(pairlab::AlertRule)
Q_DECLARE_METATYPE(pairlab::AlertEvent)
