#pragma once

#include "alerts/alert_engine.h"
#include "alerts/alert_expression.h"
#include "alerts/alert_rule.h"
#include "alerts/alert_store.h"

#include <QObject>

#include <memory>

namespace pairlab {

/** The alert rules of a database, evaluated on every analytics update. Lives on a worker thread of its
 *  own (construct, moveToThread, then invoke open()): evaluation and the database writes of rules and
 *  events never run on the GUI thread. Talks to the rest of the app only through queued signals/slots
 *  with value types. */
class AlertService : public QObject
{
    Q_OBJECT
public:
    explicit AlertService(QString databasePath, QObject *parent = nullptr);
    ~AlertService() override;

public Q_SLOTS:
    void open();
    void close();
    /** Inserts (id 0) or updates a rule; rulesChanged() follows. */
    void saveRule(const pairlab::AlertRule &rule);
    void deleteRule(qint64 id);
    void setEnabled(qint64 id, bool enabled);
    void evaluate(const QString &pair, const pairlab::AlertVariables &variables);
    void queryEvents(const QString &text, int limit);
    /** Re-reads the rules from the database (another writer, the local API, changed them). */
    void reloadRules();
    void exportEvents(const QString &text, const QString &path);

Q_SIGNALS:
    void rulesChanged(const QList<pairlab::AlertRule> &rules);
    void triggered(const QList<pairlab::AlertEvent> &events);
    void eventsLoaded(const QList<pairlab::AlertEvent> &events);
    /** Why a rule did not evaluate (undefined variable, division by zero, ...), when that changes. */
    void ruleProblem(qint64 ruleId, const QString &reason);
    void failed(const QString &message);
    void exported(const QString &path);

private:
    void publishRules();

    QString m_path;
    QString m_connection;
    std::unique_ptr<AlertStore> m_store;
    AlertEngine m_engine;
    QHash<qint64, QString> m_reasons;
};

void registerAlertMetaTypes();

} // namespace pairlab

Q_DECLARE_METATYPE(pairlab::AlertVariables)
