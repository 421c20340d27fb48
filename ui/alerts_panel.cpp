#include "alerts_panel.h"

#include "alerts/alert_service.h"
#include "dialogs/alert_dialog.h"
#include "logging/log_categories.h"
#include "models/alert_models.h"

#include <QApplication>
#include <QCheckBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace pairlab {

AlertsPanel::AlertsPanel(QWidget *parent)
    : QWidget(parent), m_rules(new AlertRulesModel(this)), m_events(new AlertEventsModel(this))
{
    registerAlertMetaTypes();
    m_thread.setObjectName(QStringLiteral("pairlab-alerts"));
    m_rulesView = new QTableView(this);
    m_rulesView->setModel(m_rules);
    m_rulesView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_rulesView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_rulesView->verticalHeader()->hide();
    m_rulesView->horizontalHeader()->setStretchLastSection(true);
    connect(m_rulesView, &QTableView::doubleClicked, this, &AlertsPanel::editRule);
    auto *buttons = new QHBoxLayout;
    const std::pair<QString, void (AlertsPanel::*)()> actions[] = {
        {tr("&New…"), &AlertsPanel::newRule},
        {tr("&Edit…"), &AlertsPanel::editRule},
        {tr("D&uplicate"), &AlertsPanel::duplicateRule},
        {tr("&Delete"), &AlertsPanel::deleteRule}};
    for (const auto &[text, slot] : actions) {
        auto *b = new QPushButton(text, this);
        connect(b, &QPushButton::clicked, this, slot);
        buttons->addWidget(b);
    }
    buttons->addStretch(1);
    m_sound = new QCheckBox(tr("Sound"), this);
    buttons->addWidget(m_sound);
    connect(m_sound, &QCheckBox::toggled, this, &AlertsPanel::soundToggled);

    m_eventsView = new QTableView(this);
    m_eventsView->setModel(m_events);
    m_eventsView->verticalHeader()->hide();
    m_eventsView->horizontalHeader()->setStretchLastSection(true);
    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("filter events (rule or message)"));
    m_filter->setClearButtonEnabled(true);
    auto *exportEvents = new QPushButton(tr("Export CSV…"), this);
    auto *eventsBar = new QHBoxLayout;
    eventsBar->addWidget(m_filter, 1);
    eventsBar->addWidget(exportEvents);

    auto *rulesBox = new QWidget(this);
    auto *rl = new QVBoxLayout(rulesBox);
    rl->setContentsMargins(0, 0, 0, 0);
    rl->addWidget(m_rulesView, 1);
    rl->addLayout(buttons);
    auto *eventsBox = new QWidget(this);
    auto *el = new QVBoxLayout(eventsBox);
    el->setContentsMargins(0, 0, 0, 0);
    el->addLayout(eventsBar);
    el->addWidget(m_eventsView, 1);
    // Side by side: a bottom dock is wide and short (stacked, the two tables asked for 966 px of window
    // height on a 768 px laptop screen).
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(rulesBox);
    split->addWidget(eventsBox);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(split);

    auto *filterTimer = new QTimer(this);
    filterTimer->setSingleShot(true);
    filterTimer->setInterval(250);
    connect(m_filter, &QLineEdit::textChanged, filterTimer, qOverload<>(&QTimer::start));
    connect(filterTimer, &QTimer::timeout, this, &AlertsPanel::refreshEvents);
    connect(exportEvents, &QPushButton::clicked, this, &AlertsPanel::exportEvents);
    connect(m_rules, &AlertRulesModel::enabledToggled, this, [this](qint64 id, bool on) {
        if (m_service)
            QMetaObject::invokeMethod(m_service, [s = m_service, id, on] { s->setEnabled(id, on); });
    });
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(style()->standardIcon(QStyle::SP_MessageBoxInformation), this);
        m_tray->setToolTip(tr("PairLab alerts"));
        m_tray->show();
    }
}

AlertsPanel::~AlertsPanel()
{
    stopService();
}

void AlertsPanel::stopService()
{
    if (!m_service)
        return;
    QMetaObject::invokeMethod(m_service, [s = m_service] {
        s->close();
        QThread::currentThread()->quit();
    });
    m_thread.wait();
    delete m_service;
    m_service = nullptr;
}

void AlertsPanel::setDatabase(const QString &path)
{
    if (path == m_dbPath && m_service)
        return;
    stopService();
    m_dbPath = path;
    m_service = new AlertService(path);
    m_service->moveToThread(&m_thread);
    connect(m_service, &AlertService::rulesChanged, this, [this](const QList<AlertRule> &rules) {
        m_rules->setRules(rules);
        Q_EMIT rulesChanged();
    });
    connect(m_service, &AlertService::eventsLoaded, m_events, &AlertEventsModel::setEvents);
    connect(m_service, &AlertService::ruleProblem, m_rules, &AlertRulesModel::setProblem);
    connect(m_service, &AlertService::failed, this, [this](const QString &m) {
        qCWarning(lcAlerts).noquote() << m;
        Q_EMIT fired(tr("Alerts: %1").arg(m));
    });
    connect(m_service, &AlertService::exported, this,
            [this](const QString &p) { Q_EMIT fired(tr("Alert events exported to %1").arg(p)); });
    connect(m_service, &AlertService::triggered, this, [this](const QList<AlertEvent> &events) {
        Q_EMIT eventsStored(events);
        if (m_filter->text().isEmpty())
            m_events->prependEvents(events);
        else
            refreshEvents();
        const AlertEvent &last = events.last();
        const QString text = tr("%1 — %2: %3").arg(alertPairLabel(last.pair), last.ruleName, last.message);
        qCInfo(lcAlerts).noquote() << QStringLiteral("fired: %1 — %2: %3 (%4 events)")
                                          .arg(last.pair, last.ruleName, last.message)
                                          .arg(events.size());
        if (m_tray && m_trayMessages)
            m_tray->showMessage(tr("PairLab alert"), text, QSystemTrayIcon::Information, 8000);
        if (m_sound->isChecked())
            QApplication::beep();
        Q_EMIT fired(text);
    });
    m_thread.start();
    QMetaObject::invokeMethod(m_service, &AlertService::open);
    refreshEvents();
}

void AlertsPanel::exportEvents()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export alert events"), QStringLiteral("alert-events.csv"), tr("CSV files (*.csv)"));
    if (!path.isEmpty() && m_service)
        QMetaObject::invokeMethod(
            m_service, [s = m_service, text = m_filter->text(), path] { s->exportEvents(text, path); });
}

void AlertsPanel::setNotifications(bool trayMessages, bool sound)
{
    m_trayMessages = trayMessages;
    const QSignalBlocker block(m_sound);
    m_sound->setChecked(sound);
    if (m_tray)
        m_tray->setVisible(trayMessages);
}

bool AlertsPanel::soundEnabled() const
{
    return m_sound->isChecked();
}

void AlertsPanel::evaluate(const QString &pair, const AlertVariables &variables)
{
    m_latest = variables;
    if (m_service)
        QMetaObject::invokeMethod(m_service,
                                  [s = m_service, pair, variables] { s->evaluate(pair, variables); });
}

void AlertsPanel::reloadRules()
{
    if (m_service)
        QMetaObject::invokeMethod(m_service, &AlertService::reloadRules);
}

void AlertsPanel::refreshEvents()
{
    if (m_service)
        QMetaObject::invokeMethod(m_service,
                                  [s = m_service, text = m_filter->text()] { s->queryEvents(text, 2000); });
}

void AlertsPanel::saveRule(const AlertRule &rule)
{
    if (m_service)
        QMetaObject::invokeMethod(m_service, [s = m_service, rule] { s->saveRule(rule); });
}

void AlertsPanel::editWith(const AlertRule &rule)
{
    AlertDialog dialog(rule, m_pairs, m_latest, this);
    if (dialog.exec() == QDialog::Accepted)
        saveRule(dialog.rule());
}

void AlertsPanel::newRule()
{
    AlertRule r;
    r.name = tr("Alert %1").arg(m_rules->rowCount() + 1);
    r.expression = QStringLiteral("abs(z) > 2");
    editWith(r);
}

void AlertsPanel::editRule()
{
    const QModelIndex i = m_rulesView->currentIndex();
    if (i.isValid())
        editWith(m_rules->ruleAt(i.row()));
}

void AlertsPanel::duplicateRule()
{
    const QModelIndex i = m_rulesView->currentIndex();
    if (!i.isValid())
        return;
    AlertRule r = m_rules->ruleAt(i.row());
    r.id = 0;
    r.name = tr("%1 (copy)").arg(r.name);
    saveRule(r);
}

void AlertsPanel::deleteRule()
{
    const QModelIndex i = m_rulesView->currentIndex();
    if (!i.isValid() || !m_service)
        return;
    const AlertRule r = m_rules->ruleAt(i.row());
    if (QMessageBox::question(this, tr("Delete alert"),
                              tr("Delete the rule \"%1\"? Its past events are kept.").arg(r.name)) !=
        QMessageBox::Yes)
        return;
    QMetaObject::invokeMethod(m_service, [s = m_service, id = r.id] { s->deleteRule(id); });
}

} // namespace pairlab
