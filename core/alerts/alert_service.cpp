#include "alerts/alert_service.h"

#include "storage/database.h"

namespace pairlab {

void registerAlertMetaTypes()
{
    qRegisterMetaType<pairlab::AlertRule>("pairlab::AlertRule");
    qRegisterMetaType<pairlab::AlertEvent>("pairlab::AlertEvent");
    qRegisterMetaType<QList<pairlab::AlertRule>>("QList<pairlab::AlertRule>");
    qRegisterMetaType<QList<pairlab::AlertEvent>>("QList<pairlab::AlertEvent>");
    qRegisterMetaType<pairlab::AlertVariables>("pairlab::AlertVariables");
}

AlertService::AlertService(QString databasePath, QObject *parent)
    : QObject(parent), m_path(std::move(databasePath))
{
    registerAlertMetaTypes();
}

AlertService::~AlertService()
{
    close();
}

void AlertService::open()
{
    close();
    m_connection = Database::threadConnectionName(QStringLiteral("alerts"));
    QString error;
    QSqlDatabase db = Database::open(m_path, m_connection, &error);
    if (!db.isValid()) {
        Q_EMIT failed(error);
        return;
    }
    m_store = std::make_unique<AlertStore>(db);
    publishRules();
}

void AlertService::close()
{
    m_store.reset();
    if (!m_connection.isEmpty()) {
        Database::close(m_connection);
        m_connection.clear();
    }
}

void AlertService::reloadRules()
{
    publishRules();
}

void AlertService::publishRules()
{
    if (!m_store)
        return;
    QString error;
    const QList<AlertRule> rules = m_store->loadRules(&error);
    if (!error.isEmpty())
        Q_EMIT failed(error);
    m_engine.setRules(rules);
    Q_EMIT rulesChanged(rules);
}

void AlertService::saveRule(const AlertRule &rule)
{
    if (!m_store)
        return;
    AlertRule r = rule;
    QString error;
    if (!m_store->saveRule(r, &error))
        Q_EMIT failed(error);
    publishRules();
}

void AlertService::deleteRule(qint64 id)
{
    QString error;
    if (m_store && !m_store->deleteRule(id, &error))
        Q_EMIT failed(error);
    publishRules();
}

void AlertService::setEnabled(qint64 id, bool enabled)
{
    for (AlertRule r : m_engine.rules()) {
        if (r.id == id && r.enabled != enabled) {
            r.enabled = enabled;
            saveRule(r);
            return;
        }
    }
}

void AlertService::evaluate(const QString &pair, const AlertVariables &variables)
{
    if (!m_store)
        return;
    QList<AlertEvent> events = m_engine.evaluate(pair, variables);
    for (const AlertRule &r : m_engine.rules()) {
        const QString reason = m_engine.lastReason(r.id);
        if (reason != m_reasons.value(r.id)) {
            m_reasons.insert(r.id, reason);
            Q_EMIT ruleProblem(r.id, reason);
        }
    }
    if (events.isEmpty())
        return;
    QString error;
    if (!m_store->appendEvents(events, &error)) {
        // Not stored: ids of a rolled-back transaction would be given again to the next events.
        for (AlertEvent &e : events)
            e.id = 0;
        Q_EMIT failed(error);
    }
    Q_EMIT triggered(events);
}

void AlertService::queryEvents(const QString &text, int limit)
{
    if (!m_store)
        return;
    AlertEventFilter f;
    f.text = text;
    f.limit = limit;
    QString error;
    const QList<AlertEvent> events = m_store->queryEvents(f, &error);
    if (!error.isEmpty())
        Q_EMIT failed(error);
    Q_EMIT eventsLoaded(events);
}

void AlertService::exportEvents(const QString &text, const QString &path)
{
    if (!m_store)
        return;
    AlertEventFilter f;
    f.text = text;
    QString error;
    if (m_store->exportEventsCsv(f, path, &error))
        Q_EMIT exported(path);
    else
        Q_EMIT failed(error);
}

} // namespace pairlab
