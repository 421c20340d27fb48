#include "models/alert_models.h"

#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

namespace pairlab {

AlertRulesModel::AlertRulesModel(QObject *parent) : QAbstractTableModel(parent) {}

void AlertRulesModel::setRules(const QList<AlertRule> &rules)
{
    beginResetModel();
    m_rules = rules;
    endResetModel();
}

void AlertRulesModel::setProblem(qint64 ruleId, const QString &reason)
{
    m_problems.insert(ruleId, reason);
    for (int i = 0; i < m_rules.size(); ++i)
        if (m_rules.at(i).id == ruleId)
            Q_EMIT dataChanged(index(i, Problem), index(i, Problem));
}

int AlertRulesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rules.size());
}

int AlertRulesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlertRulesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AlertRule &r = m_rules.at(index.row());
    if (role == RuleIdRole)
        return r.id;
    if (role == Qt::CheckStateRole && index.column() == Name)
        return r.enabled ? Qt::Checked : Qt::Unchecked;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Name:
        return r.name;
    case Pair:
        return r.pair == QLatin1String("*") ? tr("any pair") : alertPairLabel(r.pair);
    case Expression:
        return r.expression;
    case Mode:
        return r.triggerMode == AlertTriggerMode::Rising ? tr("on becoming true") : tr("while true");
    case Cooldown:
        return tr("%1 s").arg(r.cooldownS);
    case Problem:
        return m_problems.value(r.id);
    }
    return {};
}

bool AlertRulesModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || role != Qt::CheckStateRole ||
        index.column() != Name)
        return false;
    const bool on = value.toInt() == Qt::Checked;
    AlertRule &r = m_rules[index.row()];
    if (r.enabled == on)
        return true;
    r.enabled = on;
    Q_EMIT dataChanged(index, index, {Qt::CheckStateRole});
    Q_EMIT enabledToggled(r.id, on);
    return true;
}

Qt::ItemFlags AlertRulesModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == Name)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant AlertRulesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Rule");
    case Pair:
        return tr("Pair");
    case Expression:
        return tr("Expression");
    case Mode:
        return tr("Fires");
    case Cooldown:
        return tr("Cooldown");
    case Problem:
        return tr("Last problem");
    }
    return {};
}

AlertEventsModel::AlertEventsModel(QObject *parent) : QAbstractTableModel(parent) {}

void AlertEventsModel::setEvents(const QList<AlertEvent> &events)
{
    beginResetModel();
    m_events = events.mid(0, m_capacity);
    endResetModel();
}

void AlertEventsModel::prependEvents(const QList<AlertEvent> &events)
{
    if (events.isEmpty())
        return;
    beginInsertRows({}, 0, int(events.size()) - 1);
    // Newest first: the batch comes oldest first.
    for (const AlertEvent &e : events)
        m_events.prepend(e);
    endInsertRows();
    if (m_events.size() > m_capacity) {
        beginRemoveRows({}, m_capacity, int(m_events.size()) - 1);
        m_events.resize(m_capacity);
        endRemoveRows();
    }
}

int AlertEventsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int AlertEventsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlertEventsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const AlertEvent &e = m_events.at(index.row());
    switch (index.column()) {
    case Time:
        return QDateTime::fromMSecsSinceEpoch(e.timeMs, QTimeZone::utc())
            .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case Rule:
        return e.ruleName;
    case Pair:
        return alertPairLabel(e.pair);
    case Message:
        return e.message;
    case Values: {
        QStringList parts;
        for (const auto &[name, v] : e.values)
            parts << QStringLiteral("%1=%2").arg(name, QLocale().toString(v, 'g', 6));
        return parts.join(QStringLiteral("  "));
    }
    }
    return {};
}

QVariant AlertEventsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time (UTC)");
    case Rule:
        return tr("Rule");
    case Pair:
        return tr("Pair");
    case Message:
        return tr("Message");
    case Values:
        return tr("Values");
    }
    return {};
}

} // namespace pairlab
