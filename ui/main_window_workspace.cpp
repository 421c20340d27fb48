#include "main_window.h"

#include "alerts/alert_rule.h"
#include "alerts_panel.h"
#include "charts/candle_chart_view.h"
#include "controllers/pair_controller.h"
#include "controllers/session_controller.h"
#include "controllers/workspace_document.h"
#include "dialogs/backtest_dialog.h"
#include "dialogs/import_dialog.h"
#include "dialogs/settings_dialog.h"
#include "dialogs/shortcuts_dialog.h"
#include "dialogs/welcome_dialog.h"
#include "log_panel.h"
#include "logging/log_categories.h"
#include "logging/log_model.h"
#include "logging/log_sink.h"
#include "market/recording.h"
#include "market/replay_server.h"
#include "market_view.h"
#include "models/alert_models.h"
#include "models/analysis_choices.h"
#include "models/bar_model.h"
#include "models/recent_trades_model.h"
#include "models/ticker_model.h"
#include "pair_workspace.h"
#include "session/live_session.h"
#include "storage/bar_store.h"
#include "storage/database.h"
#include "theme.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QDesktopServices>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>

// The workspace document of the window: what a .pairlab file captures and restores, saving, the title.

namespace pairlab {

Workspace MainWindow::newWorkspace() const
{
    Workspace w;
    w.symbols = m_defaultFeed.symbols;
    w.endpoint =
        m_defaultFeed.endpoint == FeedConfig().endpoint ? QString() : m_defaultFeed.endpoint.toString();
    w.streamKind =
        m_defaultFeed.kind == StreamKind::AggTrade ? QStringLiteral("aggTrade") : QStringLiteral("trade");
    w.pairY = w.symbols.value(0);
    w.pairX = w.symbols.value(1, w.pairY);
    w.window = m_options.analysis.window;
    w.hedgeMethod = m_options.analysis.hedgeMethod;
    w.adfTrend = m_options.analysis.adfTrend;
    w.entryZ = m_options.analysis.entryZ;
    w.exitZ = m_options.analysis.exitZ;
    return w;
}

Workspace MainWindow::captureWorkspace() const
{
    Workspace w = m_document->baseline(); // keeps alert rules, backtest parameters and unknown fields
    w.symbols = m_options.feed.symbols;
    w.endpoint =
        m_options.feed.endpoint == FeedConfig().endpoint ? QString() : m_options.feed.endpoint.toString();
    w.streamKind =
        m_options.feed.kind == StreamKind::AggTrade ? QStringLiteral("aggTrade") : QStringLiteral("trade");
    w.pairY = m_pairView->symbolY();
    w.pairX = m_pairView->symbolX();
    w.source = m_pairView->source();
    w.intervalSeconds = m_pairView->intervalSeconds();
    w.price = m_pairView->price();
    w.window = m_pairView->window();
    w.hedgeMethod = hedgeMethodKey(m_pairView->method());
    w.adfTrend = m_pairView->adfTrend();
    w.entryZ = m_pairView->entryZ();
    w.exitZ = m_pairView->exitZ();
    w.universe = m_pairView->universe();
    w.spreadMode = m_pairView->mode();
    const Basket basket = m_pairView->basket();
    w.basketSymbols = basket.symbols;
    w.basketWeights = basket.weights;
    w.windowGeometry = saveGeometry();
    w.windowState = saveState();
    w.activeView = m_tabs->currentWidget() == m_pairView ? QStringLiteral("pair") : QStringLiteral("market");
    // The alert rules travel with the workspace (they are stored in the user's database as well).
    QJsonArray rules;
    for (const AlertRule &r : m_alerts->rulesModel()->rules())
        rules.append(alertRuleToJson(r));
    w.alertRules = rules;
    return w;
}

void MainWindow::applyWorkspace(const Workspace &w)
{
    m_applying = true;
    FeedConfig feed = m_options.feed;
    feed.symbols = w.symbols;
    feed.endpoint = w.endpoint.isEmpty() ? FeedConfig().endpoint : QUrl(w.endpoint);
    feed.kind = w.streamKind == QLatin1String("aggTrade") ? StreamKind::AggTrade : StreamKind::Trade;
    const bool feedChanged = feed.symbols != m_options.feed.symbols ||
                             feed.endpoint != m_options.feed.endpoint || feed.kind != m_options.feed.kind;
    if (feedChanged)
        setFeed(feed); // a live session follows the workspace's symbols and endpoint
    else
        m_options.feed = feed;
    m_pairView->setWindow(w.window);
    m_pairView->setMethod(hedgeMethodFromKey(w.hedgeMethod).value_or(HedgeMethod::Ols));
    m_pairView->setAdfTrend(w.adfTrend);
    m_pairView->setEntryExit(w.entryZ, w.exitZ);
    if (w.source == QLatin1String("live"))
        m_pairView->setSource(w.source);
    else
        m_pairView->showSourceWhenAvailable(w.source);
    m_pairView->setIntervalSeconds(w.intervalSeconds);
    m_pairView->setPrice(w.price);
    m_pairView->setPair(w.pairY, w.pairX);
    if (!w.universe.isEmpty())
        m_pairView->setUniverse(w.universe);
    Basket basket;
    basket.symbols = w.basketSymbols;
    basket.weights = w.basketWeights;
    m_pairView->setBasket(basket);
    m_pairView->setMode(w.spreadMode);
    if (!w.windowGeometry.isEmpty())
        restoreGeometry(w.windowGeometry);
    if (!w.windowState.isEmpty())
        restoreState(w.windowState);
    m_tabs->setCurrentWidget(w.activeView == QLatin1String("pair") ? static_cast<QWidget *>(m_pairView)
                                                                   : m_tabs->widget(0));
    // Rules the database does not have yet are added; a rule the file spells wrongly is named.
    QStringList notRestored;
    const QList<AlertRule> existing = m_alerts->rulesModel()->rules();
    for (qsizetype i = 0; i < w.alertRules.size(); ++i) {
        AlertRule rule;
        QString why;
        if (!alertRuleFromJson(w.alertRules.at(i).toObject(), &rule, &why)) {
            notRestored << tr("alert rule %1: %2").arg(i + 1).arg(why);
            continue;
        }
        if (std::none_of(existing.begin(), existing.end(),
                         [&](const AlertRule &e) { return sameAlertRule(e, rule); }))
            m_alerts->saveRule(rule);
    }
    if (!notRestored.isEmpty())
        statusBar()->showMessage(
            tr("Workspace: not restored: %1").arg(notRestored.join(QStringLiteral("; "))), 30000);
    m_applying = false;
}

bool MainWindow::openWorkspace(const QString &path, QString *error, bool interactive)
{
    Workspace w;
    QString why;
    if (!m_document->load(path, &w, &why)) {
        if (error)
            *error = why;
        if (interactive)
            QMessageBox::warning(this, tr("Open workspace"),
                                 tr("The workspace was not opened; nothing changed.\n\n%1").arg(why));
        return false;
    }
    applyWorkspace(w);
    m_document->settle(captureWorkspace());
    return true;
}

bool MainWindow::saveWorkspace(const QString &path, QString *error)
{
    QString why;
    if (!m_document->save(captureWorkspace(), path, &why)) {
        if (error)
            *error = why;
        QMessageBox::warning(this, tr("Save workspace"), why);
        return false;
    }
    statusBar()->showMessage(tr("Workspace saved to %1").arg(path), 5000);
    return true;
}

QString MainWindow::workspacePath() const
{
    return m_document->path();
}

void MainWindow::markDirty()
{
    if (!m_applying)
        m_document->update(captureWorkspace());
}

void MainWindow::updateTitle()
{
    setWindowTitle(tr("%1[*] — PairLab").arg(m_document->displayName()));
    setWindowModified(m_document->isDirty());
}

bool MainWindow::maybeSave()
{
    if (!m_document->isDirty())
        return true;
    const auto answer = QMessageBox::question(
        this, tr("Unsaved changes"), tr("The workspace has unsaved changes. Save them?"),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Discard)
        return true;
    QString path = m_document->path();
    if (path.isEmpty())
        path = QFileDialog::getSaveFileName(this, tr("Save workspace"), QStringLiteral("workspace.pairlab"),
                                            tr("PairLab workspaces (*.pairlab)"));
    return !path.isEmpty() && saveWorkspace(path);
}

QStringList MainWindow::recentWorkspaces() const
{
    return m_document->recent();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = recentWorkspaces();
    for (const QString &path : recent)
        m_recentMenu
            ->addAction(QFileInfo(path).fileName(), this,
                        [this, path] {
                            if (maybeSave())
                                openWorkspace(path);
                        })
            ->setToolTip(path);
    m_recentMenu->setEnabled(!recent.isEmpty());
}

} // namespace pairlab
