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

// The live session as the window shows it: start/stop, connection state, banner, stored counts.

namespace pairlab {

void MainWindow::startLive()
{
    m_banner->hide();
    FeedConfig feed = m_options.feed;
    feed.quoteSymbols =
        AppSettings::load(QSettings()).quoteSymbols(m_pairView->symbolY(), m_pairView->symbolX());
    m_sessions->startLive(feed, m_options.databasePath);
}

void MainWindow::startDemo()
{
    m_banner->hide();
    QString error;
    FeedConfig feed = m_options.feed; // the demo's recording carries its legs' quotes
    feed.quoteSymbols =
        AppSettings::load(QSettings()).quoteSymbols(m_pairView->symbolY(), m_pairView->symbolX());
    if (!m_sessions->startDemo(feed, m_options.demoDatabasePath, &error))
        QMessageBox::critical(this, tr("Demo"), tr("Cannot start the demo recording: %1").arg(error));
}

void MainWindow::openRecording()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open recording"), QString(), tr("Recordings (*.jsonl *.json *.txt *.gz);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    FeedConfig feed = m_options.feed; // a recording's quote frames are replayed like the trades
    feed.quoteSymbols =
        AppSettings::load(QSettings()).quoteSymbols(m_pairView->symbolY(), m_pairView->symbolX());
    if (!m_sessions->startReplay(path, feed, m_options.demoDatabasePath, &error))
        QMessageBox::critical(this, tr("Open recording"), error);
}

void MainWindow::toggleRecording()
{
    if (!m_sessions->isRunning())
        return;
    if (m_sessions->isRecording()) {
        m_sessions->stopRecording();
        return;
    }
    const QString suggested =
        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) +
        QStringLiteral("/pairlab-%1.jsonl")
            .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Record session to"), suggested, tr("Recordings (*.jsonl)"));
    if (!path.isEmpty())
        m_sessions->startRecording(path);
}

void MainWindow::onStored(const TickBatch &ticks, const BarBatch &bars, const WriteStats &stats)
{
    if (m_banner->isVisible() && (stats.stored > 0 || (ticks && !ticks->empty())))
        m_banner->hide();
    if (ticks) {
        m_tickers->addTicks(*ticks);
        m_trades->addTicks(*ticks);
    }
    m_market->applyBatch(bars, stats.batchSeq);
    m_pairView->applyBatch(bars, stats.batchSeq);
}

QString MainWindow::connectionText() const
{
    return m_stateLabel->text();
}

bool MainWindow::isOfferingDemo() const
{
    return m_banner->isVisible() && m_bannerDemo->isVisible();
}

void MainWindow::onFeedState(FeedState state, const QString &detail)
{
    QString dot, text;
    switch (state) {
    case FeedState::Connected:
        dot = QStringLiteral("#2e7d32");
        text = isDemo() ? tr("Demo replay connected") : tr("Connected");
        break;
    case FeedState::Connecting:
        dot = QStringLiteral("#f9a825");
        text = tr("Connecting");
        break;
    case FeedState::WaitingToReconnect:
        dot = QStringLiteral("#c62828");
        text = tr("Disconnected");
        break;
    case FeedState::Stopped:
        dot = QStringLiteral("#757575");
        text = tr("Not connected");
        break;
    }
    m_stateLabel->setText(
        QStringLiteral("<span style='color:%1'>●</span> %2 — %3").arg(dot, text, detail.toHtmlEscaped()));
    m_feedDetail = text + QStringLiteral(" — ") + detail;
    if (m_banner->isVisible())
        updateBanner();
}

void MainWindow::onFeedStats(const FeedStats &s)
{
    m_rateLabel->setText(tr("%1 msg/s").arg(s.framesPerSecond, 0, 'f', 0));
    m_lagLabel->setText(isDemo() ? tr("lag n/a (replay)") : tr("lag %1 ms").arg(s.lagMs));
    if (s.malformed > 0)
        m_rateLabel->setToolTip(
            tr("%1 malformed frames skipped; last: %2").arg(s.malformed).arg(s.lastMalformed));
}

void MainWindow::showBanner(const QString &text, bool offerDemo)
{
    m_bannerNotice = text;
    m_bannerDemo->setVisible(offerDemo);
    updateBanner();
    m_banner->show();
}

void MainWindow::updateBanner()
{
    // The feed's state as the status bar shows it, at each change: the two never disagree.
    m_bannerText->setText(m_feedDetail.isEmpty() ? m_bannerNotice
                                                 : tr("%1\nNow: %2").arg(m_bannerNotice, m_feedDetail));
}

QString MainWindow::bannerText() const
{
    return m_banner->isVisible() ? m_bannerText->text() : QString();
}

} // namespace pairlab
