#pragma once

#include "dialogs/shortcuts_dialog.h"
#include "market/bar.h"
#include "market/binance_feed.h"
#include "settings/app_settings.h"
#include "workspace/workspace.h"

#include <QJsonObject>
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
class QDockWidget;
class QToolButton;

namespace pairlab {

class BarModel;
class CandleChartView;
class LiveSession;
class MarketView;
class SessionController;
class SymbolCatalogController;
class WorkspaceDocument;
class AlertsPanel;
class ApiHost;
class ImportDialog;
class LogModel;
class LogPanel;
class SettingsDialog;
class ShortcutsDialog;
class WelcomeDialog;
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
    QString demoDatabasePath; ///< the demo's scratch database (emptied at every demo or replay start)
    bool demo = false;        ///< start the bundled recording instead of Binance
    double demoSpeed = 1.0;   ///< replay speed of the demo (1 = real time)
    bool autoConnect = true;
    QString workspacePath;             ///< open this workspace at start
    bool restoreLastWorkspace = false; ///< else reopen the last one (from the settings)
    int noDataHintSeconds = 8;         ///< offer the demo when nothing arrived after this long
    QString defaultDatabasePath;       ///< the SQLite file used when the setting "database" is empty
    AnalysisDefaults analysis;         ///< what a new workspace (and the first start) analyses with
    bool trayMessages = true; ///< alert notifications (the settings "notify/tray" and "notify/sound")
    bool alertSound = false;
    /** On the first start (setting "welcomeShown" unset) show the welcome instead of connecting at once.
     *  Off by default so that tests and scripted starts never wait for it. */
    bool offerWelcome = false;
};

/** The options of a start with no command-line overrides: the feed, database (settings "database", else
 *  <dataDir>/pairlab.sqlite), demo database, analysis defaults and notifications of the settings. */
MainWindowOptions optionsFromSettings(const AppSettings &settings, const QString &dataDir);

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

    bool isDemo() const;
    SessionController *sessions() const { return m_sessions; }
    WorkspaceDocument *document() const { return m_document; }
    BarModel *barModel() const;
    BarModel *secondLegModel() const;
    TickerModel *tickerModel() const { return m_tickers; }
    RecentTradesModel *tradesModel() const { return m_trades; }
    CandleChartView *chartView() const;
    MarketView *marketView() const { return m_market; }
    PairWorkspace *pairWorkspace() const { return m_pairView; }
    AlertsPanel *alertsPanel() const { return m_alerts; }
    QTabWidget *tabs() const { return m_tabs; }
    QString currentSymbol() const;
    qint64 storedTicks() const;
    QString connectionText() const;
    /** The banner's text: the no-trades notice and the feed's current state (empty while hidden). */
    QString bannerText() const;
    bool isOfferingDemo() const;
    LogPanel *logPanel() const { return m_logPanel; }
    LogModel *logModel() const { return m_logModel; }
    /** The welcome shown on the first start while it is open, else nullptr. */
    WelcomeDialog *welcomeDialog() const;
    /** The menu bar's commands and their keys (what Help → Keyboard shortcuts lists). */
    QList<ShortcutEntry> shortcuts() const;
    const MainWindowOptions &options() const { return m_options; }

public Q_SLOTS:
    /** Adds symbols to the live feed (saved like Settings → Feed); a live session reconnects with them. */
    void streamSymbols(const QStringList &symbols);
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
    QString workspacePath() const;
    QStringList recentWorkspaces() const;

    /** Opens the import preview for a CSV file (File → Import, or a file dropped on the window). */
    ImportDialog *openImport(const QString &path);
    /** Edit → Settings… (window-modal; OK stores and applies through applySettings()). */
    SettingsDialog *openSettings();
    /** Stores settings in QSettings and applies what changed: the feed (a live session reconnects),
     *  the database (used from the next connect), analysis defaults of new workspaces, notifications
     *  and theme. The language needs a restart (the status bar says so). */
    void applySettings(const pairlab::AppSettings &settings);
    /** The local API as Settings → API says (started, restarted on a new database, port or token, stopped).
     */
    void applyApi(const pairlab::ApiSettings &api, bool tokenRenewed = false);
    ApiHost *api() const { return m_api; }
    /** Help → Keyboard shortcuts. */
    ShortcutsDialog *showShortcuts();
    /** The first-start welcome (also Help → Welcome). */
    WelcomeDialog *showWelcome();
    void openLogFolder();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void buildUi();
    void buildMenus();
    void connectControllers();
    /** Where what the user makes goes: alert rules, imported datasets, saved backtests. */
    QString userDatabase() const;
    void onStored(const TickBatch &ticks, const BarBatch &bars, const WriteStats &stats);
    void onFeedState(FeedState state, const QString &detail);
    void onFeedStats(const FeedStats &stats);
    void showBanner(const QString &text, bool offerDemo);
    void updateBanner();
    void toggleRecording();
    void markDirty();
    void updateTitle();
    bool maybeSave();
    void rebuildRecentMenu();
    void openRecording();
    Workspace newWorkspace() const;
    void setFeed(const FeedConfig &feed);

    MainWindowOptions m_options;
    TickerModel *m_tickers;
    RecentTradesModel *m_trades;
    MarketView *m_market = nullptr;
    PairWorkspace *m_pairView = nullptr;
    AlertsPanel *m_alerts = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTableView *m_watchView = nullptr;
    QTableView *m_tradesView = nullptr;
    QFrame *m_banner = nullptr;
    QLabel *m_bannerText = nullptr;
    QString m_bannerNotice; ///< the banner's fixed part; the feed's current state follows it
    QString m_feedDetail;   ///< the feed's state detail as the status bar shows it
    QPushButton *m_bannerDemo = nullptr;
    QLabel *m_stateLabel = nullptr;
    QLabel *m_rateLabel = nullptr;
    QLabel *m_lagLabel = nullptr;
    QLabel *m_storedLabel = nullptr;
    QLabel *m_historyLabel = nullptr; ///< "history BTCUSDT 1m: 3.2 of 7 days"
    QToolButton *m_historyCancel = nullptr;
    QLabel *m_recordLabel = nullptr;
    QLabel *m_apiLabel = nullptr; ///< "API :8765" while the local API serves
    ApiHost *m_api = nullptr;
    ApiSettings m_apiSettings;
    QString m_apiDatabase, m_apiToken;
    QJsonObject m_apiFeed;
    QAction *m_recordAction = nullptr;
    QAction *m_followAction = nullptr;
    QMenu *m_recentMenu = nullptr;
    bool m_applying = false;
    LogModel *m_logModel = nullptr;
    LogPanel *m_logPanel = nullptr;
    QDockWidget *m_logDock = nullptr;
    QDockWidget *m_alertsDock = nullptr;
    QPointer<WelcomeDialog> m_welcome;
    FeedConfig m_defaultFeed; ///< the feed of the settings/command line: File → New starts with it
    SessionController *m_sessions;
    SymbolCatalogController *m_catalog;
    WorkspaceDocument *m_document;
};

} // namespace pairlab
