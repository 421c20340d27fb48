#pragma once

#include "alerts/alert_rule.h"

#include <QAbstractTableModel>
#include <QHash>

namespace pairlab {

/** Alert rules for the alerts dock: the Name column is checkable (enabled); toggling it emits
 *  enabledToggled() for the owner to persist. Problem column shows why a rule does not evaluate. */
class AlertRulesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Pair, Expression, Mode, Cooldown, Problem, ColumnCount };
    enum Role { RuleIdRole = Qt::UserRole + 1 };
    explicit AlertRulesModel(QObject *parent = nullptr);
    void setRules(const QList<AlertRule> &rules);
    void setProblem(qint64 ruleId, const QString &reason);
    const QList<AlertRule> &rules() const { return m_rules; }
    AlertRule ruleAt(int row) const { return m_rules.value(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void enabledToggled(qint64 ruleId, bool enabled);

private:
    QList<AlertRule> m_rules;
    QHash<qint64, QString> m_problems;
};

/** Triggered alerts, newest first (bounded). */
class AlertEventsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Time, Rule, Pair, Message, Values, ColumnCount };
    explicit AlertEventsModel(QObject *parent = nullptr);
    void setEvents(const QList<AlertEvent> &events); ///< newest first
    void prependEvents(const QList<AlertEvent> &events);
    const QList<AlertEvent> &events() const { return m_events; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<AlertEvent> m_events;
    int m_capacity = 2000;
};

} // namespace pairlab
