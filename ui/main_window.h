#pragma once

#include "market/bar.h"
#include "market/binance_feed.h"
#include "workspace/workspace.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>

class QComboBox;
class QLabel;
class QTableView;
class QPushButton;
class QFrame;
class QAction;
class QTabWidget;
class QMenu;

namespace pairlab {

class BarModel;
class CandleChartView;
class LiveSession;
class AlertsPanel;
class ImportDialog;
class PairWorkspace;
class RecentTradesModel;
class ReplayServer;
class TickerModel;
struct WriteStats;

/** What the window starts with (from the command line and settings). */
struct MainWindowOptions
{
    FeedConfig feed;
    QString databasePath;     ///< live database
    QString demoDatabasePath; ///< the demo's own database, so demo trades never mix with live ones
    bool demo = false;        ///< start the bundled recording instead of Binance
    double demoSpeed = 1.0;   ///< replay speed of the demo (1 = real time)
    bool autoConnect = true;
    QString workspacePath;          ///< open this workspace at start
    bool restoreLastWorkspace = false; ///< else reopen the last one (from the settings)
    int noDataHintSeconds = 8; ///< offer the demo when nothing arrived after this long
};

/** PairLab's main window: watchlist, candlestick + volume chart of the selected symbol and interval,
 *  recent trades, and a status bar with connection state, messages/s and feed lag. Owns the live session
 *  (feed + storage threads) and, in demo mode, the local ReplayServer that serves the bundled recording
 *  through the same WebSocket path. When Binance cannot be reached, a banner says so and offers the demo.
 *  GUI thread. */
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(MainWindowOptions options, QWidget *parent = nullptr);
    ~MainWindow() override;

    bool isDemo() const { return m_demoServer != nullptr; }
    BarModel *barModel() const { return m_barModel; }
    BarModel *secondLegModel() const { return m_barModel2; }
    TickerModel *tickerModel() const { return m_tickers; }
    RecentTradesModel *tradesModel() const { return m_trades; }
    CandleChartView *chartView() const { return m_chart; }
    PairWorkspace *pairWorkspace() const { return m_pairView; }
    AlertsPanel *alertsPanel() const { return m_alerts; }
    QTabWidget *tabs() const { return m_tabs; }
    QString currentSymbol() const;
    qint64 storedTicks() const { return m_storedTicks; }
    QString connectionText() const;
    bool isOfferingDemo() const;

public Q_SLOTS:
    void startLive();
    void startDemo();
    void setSymbol(const QString &symbol);
    void setInterval(const QString &name);
    void showPairView();
    /** The current state as a workspace (what Save writes). */
    Workspace captureWorkspace() const;
    /** Applies a workspace (symbols, pair and analysis settings, layout). */
    void applyWorkspace(const Workspace &w);
    /** Loads path; on a bad file shows why (when interactive) and keeps the current workspace. */
    bool openWorkspace(const QString &path, QString *error = nullptr, bool interactive = true);
    bool saveWorkspace(const QString &path, QString *error = nullptr);
    QString workspacePath() const { return m_workspacePath; }
    QStringList recentWorkspaces() const;

    /** Opens the import preview for a CSV file (File → Import, or a file dropped on the window). */
    ImportDialog *openImport(const QString &path);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void buildUi();
    void buildMenus();
    void startSession(const FeedConfig &feed, const QString &dbPath);
    void stopSession();
    void reloadBars();
    void onStored(const TickBatch &ticks, const BarBatch &bars, const WriteStats &stats);
    void onFeedState(FeedState state, const QString &detail);
    void onFeedStats(const FeedStats &stats);
    void showBanner(const QString &text, bool offerDemo);
    void toggleRecording();
    void markDirty();
    void updateTitle();
    bool maybeSave();
    void rememberRecent(const QString &path);
    void rebuildRecentMenu();
    void openRecording();

    MainWindowOptions m_options;
    std::unique_ptr<LiveSession> m_session;
    ReplayServer *m_demoServer = nullptr;
    QString m_activeDb;
    TickerModel *m_tickers;
    RecentTradesModel *m_trades;
    BarModel *m_barModel;
    BarModel *m_barModel2;
    CandleChartView *m_chart = nullptr;
    CandleChartView *m_chart2 = nullptr;
    QComboBox *m_symbolBox2 = nullptr;
    PairWorkspace *m_pairView = nullptr;
    AlertsPanel *m_alerts = nullptr;
    QTabWidget *m_tabs = nullptr;
    QComboBox *m_symbolBox = nullptr;
    QComboBox *m_intervalBox = nullptr;
    QTableView *m_watchView = nullptr;
    QTableView *m_tradesView = nullptr;
    QFrame *m_banner = nullptr;
    QLabel *m_bannerText = nullptr;
    QPushButton *m_bannerDemo = nullptr;
    QLabel *m_stateLabel = nullptr;
    QLabel *m_rateLabel = nullptr;
    QLabel *m_lagLabel = nullptr;
    QLabel *m_storedLabel = nullptr;
    QLabel *m_recordLabel = nullptr;
    QAction *m_recordAction = nullptr;
    QAction *m_followAction = nullptr;
    FeedState m_state = FeedState::Stopped;
    QString m_stateDetail;
    qint64 m_storedTicks = 0;
    qint64 m_sessionStartMs = 0;
    bool m_recording = false;
    QString m_workspacePath;
    Workspace m_workspace; ///< the last loaded/saved one: keeps what the window does not edit yet
    QMenu *m_recentMenu = nullptr;
    bool m_applying = false;
};

} // namespace pairlab
