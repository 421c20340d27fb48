#pragma once

#include "alerts/alert_expression.h"
#include "alerts/alert_rule.h"

#include <QThread>
#include <QWidget>

class QCheckBox;
class QLineEdit;
class QSystemTrayIcon;
class QTableView;

namespace pairlab {

class AlertEventsModel;
class AlertRulesModel;
class AlertService;
struct PairAnalytics;
struct AlertMarketInputs;

/** The alerts dock: rules (enable with a checkbox; new, edit, duplicate, delete), the events of the
 *  database (filter, CSV export), and the notifications when a rule fires (system tray message,
 *  status-bar flash through fired(), optional sound). Owns the AlertService and its worker thread:
 *  evaluation and every database write happen there. GUI thread. */
class AlertsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit AlertsPanel(QWidget *parent = nullptr);
    ~AlertsPanel() override;

    /** (Re)opens the rules and events of a database (the active session's). */
    void setDatabase(const QString &path);
    /** One analytics update of the active pair: evaluated on the alerts thread. */
    void evaluate(const QString &pair, const AlertVariables &variables);
    void setPairs(const QStringList &pairs) { m_pairs = pairs; }
    /** Whether a firing rule shows a system tray message and plays a sound (the settings "notify/…"). */
    void setNotifications(bool trayMessages, bool sound);
    bool trayMessages() const { return m_trayMessages; }
    bool soundEnabled() const;

    AlertRulesModel *rulesModel() const { return m_rules; }
    AlertEventsModel *eventsModel() const { return m_events; }
    const AlertVariables &latest() const { return m_latest; }

public Q_SLOTS:
    void newRule();
    void editRule();
    void duplicateRule();
    void deleteRule();
    /** Stores a rule as the dialog would (tests and workspace restore). */
    void saveRule(const pairlab::AlertRule &rule);
    void refreshEvents();
    /** Asks for a file and exports the (filtered) events as CSV. */
    void exportEvents();

    /** Re-reads the rules from the database (the local API changed them). */
    void reloadRules();

Q_SIGNALS:
    void fired(const QString &message);
    /** Events just fired and stored (ids set), for the local API's stream. */
    void eventsStored(const QList<pairlab::AlertEvent> &events);
    void rulesChanged();
    /** The dock's Sound checkbox was toggled by the user. */
    void soundToggled(bool on);

private:
    void editWith(const AlertRule &rule);
    void stopService();

    QThread m_thread;
    AlertService *m_service = nullptr;
    AlertRulesModel *m_rules;
    AlertEventsModel *m_events;
    QTableView *m_rulesView;
    QTableView *m_eventsView;
    QLineEdit *m_filter;
    QCheckBox *m_sound;
    QSystemTrayIcon *m_tray = nullptr;
    bool m_trayMessages = true;
    QStringList m_pairs;
    AlertVariables m_latest;
    QString m_dbPath;
};

} // namespace pairlab
