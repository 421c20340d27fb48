// The main window's menus and their keys (Help → Keyboard shortcuts is built from them).
#include "main_window.h"

#include "alerts_panel.h"
#include "analytics/series_stats.h"
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
#include "models/analysis_choices.h"
#include "models/bar_model.h"
#include "models/recent_trades_model.h"
#include "models/ticker_model.h"
#include "pair_workspace.h"
#include "session/live_session.h"
#include "storage/bar_store.h"
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
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
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

namespace pairlab {

void MainWindow::buildMenus()
{
    // Every frequent command has a key; Help → Keyboard shortcuts lists them from these actions.
    const auto named = [](QAction *a, const char *name) {
        a->setObjectName(QString::fromLatin1(name));
        return a;
    };
    QMenu *file = menuBar()->addMenu(tr("&File"));
    named(file->addAction(tr("&New workspace"), QKeySequence::New, this,
                          [this] {
                              if (!maybeSave())
                                  return;
                              applyWorkspace(newWorkspace());
                              m_document->reset(captureWorkspace());
                          }),
          "actionNewWorkspace");
    named(file->addAction(tr("&Open workspace…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), this,
                          [this] {
                              if (!maybeSave())
                                  return;
                              const QString path =
                                  QFileDialog::getOpenFileName(this, tr("Open workspace"), QString(),
                                                               tr("PairLab workspaces (*.pairlab)"));
                              if (!path.isEmpty())
                                  openWorkspace(path);
                          }),
          "actionOpenWorkspace");
    m_recentMenu = file->addMenu(tr("Open &recent"));
    rebuildRecentMenu();
    named(file->addAction(tr("&Save workspace"), QKeySequence::Save, this,
                          [this] {
                              if (m_document->path().isEmpty()) {
                                  const QString path = QFileDialog::getSaveFileName(
                                      this, tr("Save workspace"), QStringLiteral("workspace.pairlab"),
                                      tr("PairLab workspaces (*.pairlab)"));
                                  if (!path.isEmpty())
                                      saveWorkspace(path);
                              } else {
                                  saveWorkspace(m_document->path());
                              }
                          }),
          "actionSaveWorkspace");
    // QKeySequence::SaveAs is empty on some platforms (as Preferences is on most Linux desktops).
    named(file->addAction(tr("Save workspace &as…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), this,
                          [this] {
                              const QString path = QFileDialog::getSaveFileName(
                                  this, tr("Save workspace as"),
                                  m_document->path().isEmpty() ? QStringLiteral("workspace.pairlab")
                                                               : m_document->path(),
                                  tr("PairLab workspaces (*.pairlab)"));
                              if (!path.isEmpty())
                                  saveWorkspace(path);
                          }),
          "actionSaveWorkspaceAs");
    file->addSeparator();
    m_recordAction =
        named(file->addAction(tr("&Record session…"), this, &MainWindow::toggleRecording), "actionRecord");
    m_recordAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    named(file->addAction(tr("&Open recording as replay…"), QKeySequence::Open, this,
                          &MainWindow::openRecording),
          "actionOpenRecording");
    named(file->addAction(tr("&Import CSV…"), QKeySequence(Qt::CTRL | Qt::Key_I), this,
                          [this] {
                              const QString path = QFileDialog::getOpenFileName(
                                  this, tr("Import CSV"), QString(),
                                  tr("Data files (*.csv *.txt *.tsv *.json *.zip);;All files (*)"));
                              if (!path.isEmpty())
                                  openImport(path);
                          }),
          "actionImport");
    named(file->addAction(tr("&Export alert events…"), QKeySequence(Qt::CTRL | Qt::Key_E), m_alerts,
                          &AlertsPanel::exportEvents),
          "actionExportEvents");
    file->addSeparator();
    QAction *settings =
        named(file->addAction(tr("Se&ttings…"), this, [this] { openSettings(); }), "actionSettings");
    // QKeySequence::Preferences is empty on most Linux desktops: Ctrl+, everywhere, plus the platform's own.
    QList<QKeySequence> prefs{QKeySequence(Qt::CTRL | Qt::Key_Comma)};
    for (const QKeySequence &k : QKeySequence::keyBindings(QKeySequence::Preferences))
        if (!prefs.contains(k))
            prefs << k;
    settings->setShortcuts(prefs);
    settings->setMenuRole(QAction::PreferencesRole);
    file->addSeparator();
    named(file->addAction(tr("&Quit"), QKeySequence(Qt::CTRL | Qt::Key_Q), this, &QWidget::close),
          "actionQuit");

    QMenu *feed = menuBar()->addMenu(tr("F&eed"));
    named(feed->addAction(tr("Connect to &Binance"), QKeySequence(Qt::CTRL | Qt::Key_B), this,
                          &MainWindow::startLive),
          "actionConnect");
    named(feed->addAction(tr("Start the &demo recording"), QKeySequence(Qt::CTRL | Qt::Key_D), this,
                          &MainWindow::startDemo),
          "actionDemo");
    named(feed->addAction(tr("&Disconnect"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D), this,
                          [this] {
                              m_sessions->stop();
                              qCInfo(lcFeed) << "disconnected by the user";
                              onFeedState(FeedState::Stopped, tr("disconnected"));
                          }),
          "actionDisconnect");

    QMenu *view = menuBar()->addMenu(tr("&View"));
    named(view->addAction(tr("&Market view"), QKeySequence(Qt::CTRL | Qt::Key_1), this,
                          [this] { m_tabs->setCurrentIndex(0); }),
          "actionMarketView");
    named(view->addAction(tr("&Spread view"), QKeySequence(Qt::CTRL | Qt::Key_2), this,
                          &MainWindow::showPairView),
          "actionPairView");
    view->addSeparator();
    m_followAction = named(view->addAction(tr("&Follow live"), QKeySequence(Qt::Key_End),
                                           m_market->chartView(), &CandleChartView::followLive),
                           "actionFollowLive");
    named(view->addAction(tr("Zoom &in"), QKeySequence::ZoomIn, m_market->chartView(),
                          [this] { m_market->chartView()->zoom(0.8); }),
          "actionZoomIn");
    named(view->addAction(tr("Zoom &out"), QKeySequence::ZoomOut, m_market->chartView(),
                          [this] { m_market->chartView()->zoom(1.25); }),
          "actionZoomOut");
    view->addSeparator();
    const std::pair<const char *, QKeySequence> dockKeys[] = {
        {"watchlistDock", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W)},
        {"tradesDock", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R)},
        {"alertsDock", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A)},
        {"logDock", QKeySequence(Qt::CTRL | Qt::Key_L)}};
    for (const auto &[name, keys] : dockKeys) {
        auto *dock = findChild<QDockWidget *>(QString::fromLatin1(name));
        QAction *toggle = dock->toggleViewAction();
        toggle->setObjectName(QStringLiteral("toggle_") + QString::fromLatin1(name));
        toggle->setShortcut(keys);
        view->addAction(toggle);
    }

    // Analysis → Backtest… on the pair shown in the Spread tab (its aligned closes, bands and window).
    QMenu *analysis = menuBar()->addMenu(tr("&Analysis"));
    named(analysis->addAction(tr("&Recompute now"), QKeySequence(Qt::Key_F5), m_pairView,
                              &PairWorkspace::recompute),
          "actionRecompute");
    named(
        analysis->addAction(
            tr("&Backtest…"), QKeySequence(Qt::CTRL | Qt::Key_T), this,
            [this] {
                if (m_pairView->mode() == QLatin1String("basket")) {
                    QMessageBox::information(
                        this, tr("Backtest"),
                        tr("The Backtest dialog (sweep, walk-forward, bootstrap) runs pairs. A basket's "
                           "backtest "
                           "(one unit, Binance's taker fee per leg, funding where every leg has it) is in "
                           "the "
                           "Spread tab's summary; pairlab-cli basket runs it with other costs and sizes."));
                    return;
                }
                const PairDisplay &d = m_pairView->display();
                if (d.empty() || !d.x || !d.y || d.x->size() != d.time->size() ||
                    d.y->size() != d.time->size()) {
                    QMessageBox::information(
                        this, tr("Backtest"),
                        tr("The pair %1/%2 has no data yet. Choose a pair with stored bars in the Spread tab "
                           "(or wait for live bars of both legs) and try again.")
                            .arg(m_pairView->symbolY(), m_pairView->symbolX()));
                    return;
                }
                AlignedPair pair;
                pair.timeMs = *d.time;
                pair.x = *d.x;
                pair.y = *d.y;
                auto *dialog =
                    new BacktestDialog(std::move(pair), m_pairView->symbolY(), m_pairView->symbolX(),
                                       barsPerYear(m_pairView->intervalSeconds()), userDatabase(), this,
                                       m_pairView->intervalSeconds());
                dialog->setAttribute(Qt::WA_DeleteOnClose);
                // Results are saved to the user's database; quotes and funding come from where the bars do
                // (the demo's or a replay's own database).
                dialog->setMarketDatabase(m_pairView->controller()->databaseFor(m_pairView->source()));
                dialog->setMidPrices(m_pairView->price() == QLatin1String("mid"));
                dialog->setEntryExit(m_pairView->entryZ(), m_pairView->exitZ());
                dialog->setWindow(m_pairView->window());
                dialog->setHedgeIndex(
                    m_pairView->method() == HedgeMethod::Kalman ? 2 : 0); // static OLS for the other fits
                dialog->show();
            }),
        "actionBacktest");
    named(analysis->addAction(tr("New &alert rule…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), this,
                              [this] {
                                  m_alertsDock->show();
                                  m_alerts->newRule();
                              }),
          "actionNewAlert");

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    named(help->addAction(tr("&Keyboard shortcuts"), this, [this] { showShortcuts(); }), "actionShortcuts")
        ->setShortcuts({QKeySequence(Qt::Key_F1), QKeySequence(Qt::CTRL | Qt::Key_Slash)});
    named(help->addAction(tr("&Welcome"), this, [this] { showWelcome(); }), "actionWelcome");
    named(help->addAction(tr("Open &log folder"), this, &MainWindow::openLogFolder), "actionOpenLogFolder");
    help->addSeparator();
    named(
        help->addAction(
            tr("&About PairLab"), this,
            [this] {
                QMessageBox::about(
                    this, tr("About PairLab"),
                    tr("<h3>PairLab %1</h3><p>A live statistical-arbitrage workbench for crypto futures.</p>"
                       "<p>The demo recording holds real Binance USD-M futures trades (BTCUSDT, ETHUSDT, "
                       "2024-08-08) recorded by the hftbacktest project (MIT licence).</p>"
                       "<p>Built with Qt %2, Eigen, Boost.Math, simdjson, muparser and SQLite.</p>")
                        .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion())));
            }),
        "actionAbout");
}

} // namespace pairlab
