#include "main_window.h"

#include "api/api_server.h"
#include "api/api_token.h"

#include "alerts/alert_rule.h"
#include "alerts_panel.h"
#include "charts/candle_chart_view.h"
#include "controllers/pair_controller.h"
#include "controllers/session_controller.h"
#include "controllers/symbol_catalog_controller.h"
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
#include <QLocale>
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
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace pairlab {

MainWindowOptions optionsFromSettings(const AppSettings &settings, const QString &dataDir)
{
    MainWindowOptions o;
    o.feed = settings.feed;
    o.defaultDatabasePath = dataDir + QStringLiteral("/pairlab.sqlite");
    o.databasePath = settings.databaseOr(o.defaultDatabasePath);
    o.demoDatabasePath = dataDir + QStringLiteral("/demo.sqlite");
    o.analysis = settings.analysis;
    o.trayMessages = settings.trayMessages;
    o.alertSound = settings.sound;
    return o;
}

MainWindow::MainWindow(MainWindowOptions options, QWidget *parent)
    : QMainWindow(parent), m_options(std::move(options)), m_tickers(new TickerModel(this)),
      m_trades(new RecentTradesModel(500, this)), m_sessions(new SessionController(this)),
      m_catalog(new SymbolCatalogController(this)), m_document(new WorkspaceDocument(this))
{
    registerMetaTypes();
    m_sessions->setNoDataHintSeconds(m_options.noDataHintSeconds);
    m_sessions->setDemoSpeed(m_options.demoSpeed);
    m_defaultFeed = m_options.feed;
    if (m_options.defaultDatabasePath.isEmpty())
        m_options.defaultDatabasePath = m_options.databasePath;
    m_logModel = new LogModel(LogSink::instance(), LogModel::DefaultMaxRows, this);
    setAcceptDrops(true);
    buildUi();
    buildMenus();
    // 1280x800, or 90 % of a smaller screen (a 1366x768 laptop): never larger than the screen.
    resize(sizeOnScreen(QSize(1280, 800)));
    connectControllers();
    updateTitle();
    m_alerts->setNotifications(m_options.trayMessages, m_options.alertSound);
    connect(m_alerts, &AlertsPanel::soundToggled, this,
            [](bool on) { QSettings().setValue(QStringLiteral("notify/sound"), on); });
    connect(m_pairView, &PairWorkspace::settingsChanged, this, &MainWindow::markDirty);
    bool opened = false;
    if (!m_options.workspacePath.isEmpty()) {
        opened = openWorkspace(m_options.workspacePath);
    } else if (m_options.restoreLastWorkspace) {
        const QString last = WorkspaceDocument::lastWorkspace();
        if (!last.isEmpty())
            opened = openWorkspace(last, nullptr, false);
    }
    if (!opened) { // the analysis defaults of the settings
        m_applying = true;
        m_pairView->setWindow(m_options.analysis.window);
        m_pairView->setMethod(hedgeMethodFromKey(m_options.analysis.hedgeMethod).value_or(HedgeMethod::Ols));
        m_pairView->setAdfTrend(m_options.analysis.adfTrend);
        m_pairView->setEntryExit(m_options.analysis.entryZ, m_options.analysis.exitZ);
        m_applying = false;
        m_document->settle(captureWorkspace()); // what the window shows at start is not a change
    }
    const bool welcome = m_options.offerWelcome && !m_options.demo &&
                         !QSettings().value(QStringLiteral("welcomeShown")).toBool();
    if (m_options.demo)
        QTimer::singleShot(0, this, &MainWindow::startDemo);
    else if (welcome)
        QTimer::singleShot(0, this, &MainWindow::showWelcome); // it connects when the user chooses
    else if (m_options.autoConnect)
        QTimer::singleShot(0, this, &MainWindow::startLive);
}

MainWindow::~MainWindow()
{
    m_sessions->stop();
}

void MainWindow::buildUi()
{
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 4);

    m_banner = new QFrame(central);
    m_banner->setObjectName(QStringLiteral("banner"));
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setAutoFillBackground(true);
    QPalette bp = m_banner->palette();
    bp.setColor(QPalette::Window, QColor(0xff, 0xf4, 0xce));
    bp.setColor(QPalette::WindowText, QColor(0x5c, 0x45, 0x00));
    m_banner->setPalette(bp);
    auto *bl = new QHBoxLayout(m_banner);
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextFormat(Qt::PlainText);
    m_bannerDemo = new QPushButton(tr("Start the demo recording"), m_banner);
    auto *bannerRetry = new QPushButton(tr("Retry Binance"), m_banner);
    bl->addWidget(m_bannerText, 1);
    bl->addWidget(bannerRetry);
    bl->addWidget(m_bannerDemo);
    connect(m_bannerDemo, &QPushButton::clicked, this, &MainWindow::startDemo);
    connect(bannerRetry, &QPushButton::clicked, this, &MainWindow::startLive);
    m_banner->hide();
    layout->addWidget(m_banner);

    m_market = new MarketView(m_options.feed.symbols, central);
    m_pairView = new PairWorkspace(central);
    m_pairView->setSymbolCatalog(m_catalog);
    connect(m_pairView, &PairWorkspace::streamRequested, this, &MainWindow::streamSymbols);
    m_tabs = new QTabWidget(central);
    m_tabs->addTab(m_market, tr("&Market"));
    m_tabs->addTab(m_pairView, tr("&Spread"));
    layout->addWidget(m_tabs, 1);
    setCentralWidget(central);
    // The pair being analysed is the pair charted in the market view.
    connect(m_pairView, &PairWorkspace::pairChanged, this, [this](const QString &y, const QString &x) {
        if (m_pairView->source() != QLatin1String("live"))
            return;
        m_market->setSymbol(y);
        m_market->setSecondLeg(x);
        // Quotes of the pair's legs (Settings → Feed → Quotes): asked for on the running connections.
        const QStringList quoted = AppSettings::load(QSettings()).quoteSymbols(y, x);
        if (!quoted.isEmpty() && !quoted.contains(QStringLiteral("*")))
            m_sessions->addQuoteSymbols(quoted);
    });

    // Watchlist dock.
    m_tickers->setSymbols(m_options.feed.symbols);
    m_watchView = new QTableView(this);
    m_watchView->setModel(m_tickers);
    // Funding columns only once a mark price came (a live session against Binance): a demo or a replay has
    // none, and empty columns would look broken and widen the dock.
    m_watchView->setColumnHidden(TickerModel::Funding, true);
    m_watchView->setColumnHidden(TickerModel::NextFunding, true);
    m_watchView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_watchView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_watchView->verticalHeader()->hide();
    m_watchView->setMinimumWidth(280);
    m_watchView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_watchView->horizontalHeader()->setStretchLastSection(true);
    connect(m_watchView, &QTableView::clicked, this,
            [this](const QModelIndex &i) { setSymbol(i.data(TickerModel::SymbolRole).toString()); });
    auto *watchDock = new QDockWidget(tr("Watchlist"), this);
    watchDock->setObjectName(QStringLiteral("watchlistDock"));
    watchDock->setWidget(m_watchView);
    addDockWidget(Qt::LeftDockWidgetArea, watchDock);

    // Alerts dock.
    m_alerts = new AlertsPanel(this);
    auto *alertsDock = new QDockWidget(tr("Alerts"), this);
    m_alertsDock = alertsDock;
    alertsDock->setObjectName(QStringLiteral("alertsDock"));
    alertsDock->setWidget(m_alerts);
    addDockWidget(Qt::BottomDockWidgetArea, alertsDock);
    alertsDock->hide(); // View → Alerts; shown when a rule fires
    // What the user makes (alert rules and events, imported datasets, saved backtests) lives in the
    // user's database, never in the demo's scratch one, which every demo or replay start empties.
    m_alerts->setDatabase(m_options.databasePath);
    m_pairView->setDatasetDatabase(m_options.databasePath);
    connect(m_pairView, &PairWorkspace::alertInputs, this,
            [this](const QString &pair, const AlertVariables &v) {
                m_alerts->setPairs({pair});
                m_alerts->evaluate(pair, v);
            });
    connect(m_alerts, &AlertsPanel::fired, this, [this, alertsDock](const QString &message) {
        statusBar()->showMessage(QStringLiteral("🔔 ") + message, 15000);
        alertsDock->show();
    });

    // Log dock: this run's log entries (View → Log).
    m_logPanel = new LogPanel(m_logModel, this);
    m_logDock = new QDockWidget(tr("Log"), this);
    m_logDock->setObjectName(QStringLiteral("logDock"));
    m_logDock->setWidget(m_logPanel);
    addDockWidget(Qt::BottomDockWidgetArea, m_logDock);
    tabifyDockWidget(alertsDock, m_logDock);
    m_logDock->hide();
    connect(m_logPanel, &LogPanel::openLogFolderRequested, this, &MainWindow::openLogFolder);

    // Recent trades dock.
    m_tradesView = new QTableView(this);
    m_tradesView->setModel(m_trades);
    m_tradesView->verticalHeader()->hide();
    m_tradesView->verticalHeader()->setDefaultSectionSize(m_tradesView->fontMetrics().height() + 4);
    m_tradesView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tradesView->horizontalHeader()->setStretchLastSection(true);
    auto *tradesDock = new QDockWidget(tr("Recent trades"), this);
    tradesDock->setObjectName(QStringLiteral("tradesDock"));
    tradesDock->setWidget(m_tradesView);
    addDockWidget(Qt::LeftDockWidgetArea, tradesDock);
    resizeDocks({watchDock, tradesDock}, {200, 500}, Qt::Vertical);
    resizeDocks({watchDock}, {380}, Qt::Horizontal);

    // Status bar.
    m_stateLabel = new QLabel(this);
    m_rateLabel = new QLabel(this);
    m_lagLabel = new QLabel(this);
    m_storedLabel = new QLabel(this);
    m_recordLabel = new QLabel(this);
    m_historyLabel = new QLabel(this);
    m_historyCancel = new QToolButton(this);
    m_historyCancel->setText(tr("Cancel"));
    m_historyCancel->setToolTip(tr("Stop filling the exchange's history; the live feed goes on"));
    m_historyCancel->hide();
    m_rateLabel->setToolTip(tr("WebSocket messages per second"));
    m_lagLabel->setToolTip(tr("Local receive time minus exchange trade time of the latest trade"));
    statusBar()->addWidget(m_stateLabel, 1);
    statusBar()->addPermanentWidget(m_historyLabel);
    statusBar()->addPermanentWidget(m_historyCancel);
    statusBar()->addPermanentWidget(m_recordLabel);
    statusBar()->addPermanentWidget(m_rateLabel);
    statusBar()->addPermanentWidget(m_lagLabel);
    statusBar()->addPermanentWidget(m_storedLabel);
    m_apiLabel = new QLabel(this);
    m_apiLabel->setObjectName(QStringLiteral("apiLabel"));
    m_apiLabel->hide();
    statusBar()->addPermanentWidget(m_apiLabel);
    onFeedState(FeedState::Stopped, tr("not connected"));
}

QList<ShortcutEntry> MainWindow::shortcuts() const
{
    return collectShortcuts(menuBar(), {m_recentMenu});
}

ShortcutsDialog *MainWindow::showShortcuts()
{
    auto *dialog = new ShortcutsDialog(shortcuts(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

WelcomeDialog *MainWindow::welcomeDialog() const
{
    return m_welcome;
}

WelcomeDialog *MainWindow::showWelcome()
{
    if (m_welcome) {
        m_welcome->raise();
        return m_welcome;
    }
    QSettings().setValue(QStringLiteral("welcomeShown"), true);
    m_welcome = new WelcomeDialog(this);
    m_welcome->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_welcome, &QDialog::finished, this, [this] {
        switch (m_welcome->choice()) {
        case WelcomeDialog::Choice::ConnectBinance:
            startLive();
            break;
        case WelcomeDialog::Choice::StartDemo:
            startDemo();
            break;
        case WelcomeDialog::Choice::Close:
            if (!m_sessions->isRunning())
                statusBar()->showMessage(
                    tr("Not connected: Feed → Connect to Binance (Ctrl+B) or the demo (Ctrl+D)."));
            break;
        }
    });
    m_welcome->open();
    return m_welcome;
}

void MainWindow::openLogFolder()
{
    const LogSink *sink = LogSink::instance();
    const QString dir =
        sink && !sink->directory().isEmpty()
            ? sink->directory()
            : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/logs");
    QDir().mkpath(dir);
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(dir)))
        statusBar()->showMessage(tr("The log folder is %1").arg(QDir::toNativeSeparators(dir)), 15000);
}

SettingsDialog *MainWindow::openSettings()
{
    auto *dialog = new SettingsDialog(AppSettings::load(QSettings()), m_options.defaultDatabasePath, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { applySettings(dialog->settings()); });
    // The stored token changed: the running server takes the new one at once.
    connect(dialog, &SettingsDialog::apiTokenRenewed, this, [this] { applyApi(m_apiSettings, true); });
    dialog->open();
    return dialog;
}

void MainWindow::applySettings(const AppSettings &s)
{
    QSettings stored;
    const AppSettings before = AppSettings::load(stored);
    s.save(stored);
    qCInfo(lcApp) << "settings saved";

    FeedConfig feed = m_options.feed;
    feed.symbols = s.feed.symbols;
    feed.kind = s.feed.kind;
    feed.endpoint = s.feed.endpoint;
    feed.reconnectBaseMs = s.feed.reconnectBaseMs;
    feed.reconnectCapMs = s.feed.reconnectCapMs;
    feed.stallSeconds = s.feed.stallSeconds;
    feed.connectTimeoutSeconds = s.feed.connectTimeoutSeconds;
    m_defaultFeed = feed;
    QStringList notes;
    if (!AppSettings::sameFeed(before.feed, s.feed) && !AppSettings::sameFeed(feed, m_options.feed)) {
        const bool workspaceFeed = feed.symbols != m_options.feed.symbols ||
                                   feed.kind != m_options.feed.kind ||
                                   feed.endpoint != m_options.feed.endpoint;
        const bool live = m_sessions->kind() == SessionController::Kind::Live;
        setFeed(feed);
        if (workspaceFeed)
            markDirty();
        if (live)
            notes << tr("the live feed reconnected with the new settings");
    } else if (before.quotes != s.quotes && m_sessions->kind() == SessionController::Kind::Live) {
        if (s.quotes == QLatin1String("off") || before.quotes == QLatin1String("all")) {
            startLive(); // streams are only ever added to a running connection: fewer need a new one
            notes << tr("the live feed reconnected with the new quotes setting");
        } else {
            m_sessions->addQuoteSymbols(s.quoteSymbols(m_pairView->symbolY(), m_pairView->symbolX()));
        }
    }
    const QString db = s.databaseOr(m_options.defaultDatabasePath);
    if (db != m_options.databasePath) {
        m_options.databasePath = db;
        qCInfo(lcStorage).noquote() << "database set to" << db << "(used from the next connect)";
        notes << tr("the new database is used from the next connect to Binance or start");
    }
    m_options.analysis = s.analysis;
    m_options.trayMessages = s.trayMessages;
    m_options.alertSound = s.sound;
    m_alerts->setNotifications(s.trayMessages, s.sound);
    if (s.theme != before.theme)
        applyTheme(s.theme);
    if (s.language != before.language)
        notes << tr("the language changes when PairLab is restarted");
    applyApi(s.api);
    statusBar()->showMessage(notes.isEmpty()
                                 ? tr("Settings saved.")
                                 : tr("Settings saved: %1.").arg(notes.join(QStringLiteral("; "))),
                             15000);
}

void MainWindow::applyApi(const ApiSettings &api, bool tokenRenewed)
{
    Q_UNUSED(tokenRenewed); // the token is read again below either way
    m_apiSettings = api;
    if (!api.enabled) {
        if (m_api->isRunning()) {
            m_api->stop();
            qCInfo(lcApp) << "local API stopped";
        }
        m_apiLabel->hide();
        return;
    }
    QString error;
    const QString token = loadOrCreateApiToken(apiTokenPath(), &error);
    if (token.isEmpty()) {
        m_apiLabel->hide();
        statusBar()->showMessage(tr("The local API is off: %1").arg(error), 30000);
        return;
    }
    const QString db = m_sessions->isRunning() ? m_sessions->databasePath() : m_options.databasePath;
    ApiServerConfig config;
    config.bind = QHostAddress(api.bind);
    config.port = quint16(api.port);
    config.allowWrites = api.allowWrites;
    config.token = token;
    config.databasePath = db;
    if (m_api->isRunning()) {
        const ApiServerConfig &now = m_api->server()->config();
        if (now.bind == config.bind && now.port == config.port && now.allowWrites == config.allowWrites &&
            now.token == config.token && now.databasePath == config.databasePath)
            return;
    }
    if (!m_api->start(config, &error)) {
        m_apiLabel->hide();
        qCWarning(lcApp).noquote() << "local API:" << error;
        statusBar()->showMessage(tr("The local API is off: %1").arg(error), 30000);
        return;
    }
    if (ApiServer *server = m_api->server())
        QMetaObject::invokeMethod(server, [server, feed = m_apiFeed] { server->setFeed(feed); });
    const QString host = config.bind.protocol() == QAbstractSocket::IPv6Protocol
                             ? QStringLiteral("[%1]").arg(config.bind.toString())
                             : config.bind.toString();
    m_apiLabel->setText(tr("API :%1").arg(m_api->port()));
    m_apiLabel->setToolTip(
        tr("The local API serves http://%1:%2/v1/ (%3) from %4")
            .arg(host)
            .arg(m_api->port())
            .arg(api.allowWrites ? tr("reads and writes") : tr("read-only"), Database::displayName(db)));
    m_apiLabel->show();
    qCInfo(lcApp).noquote() << "local API on" << host << m_api->port() << "for" << Database::displayName(db);
    if (!config.bind.isLoopback())
        statusBar()->showMessage(
            tr("The local API listens on %1, not loopback: anyone who reaches it with the "
               "token can read your data.")
                .arg(config.bind.toString()),
            30000);
}

void MainWindow::streamSymbols(const QStringList &symbols)
{
    // Into the feed running now (it may come from a workspace or the command line), and into the saved
    // feed so that the next start streams them too.
    FeedConfig feed = m_options.feed;
    QStringList added;
    for (const QString &symbol : symbols)
        if (!feed.symbols.contains(symbol)) {
            feed.symbols << symbol;
            added << symbol;
        }
    QSettings stored;
    AppSettings saved = AppSettings::load(stored);
    for (const QString &symbol : symbols)
        if (!saved.feed.symbols.contains(symbol))
            saved.feed.symbols << symbol;
    saved.save(stored);
    if (added.isEmpty())
        return;
    m_defaultFeed.symbols = feed.symbols;
    const bool live = m_sessions->kind() == SessionController::Kind::Live;
    if (live && m_sessions->addSymbols(added))
        m_options.feed = feed; // joined the running feed: no reconnect of the others
    else
        setFeed(feed);
    markDirty();
    statusBar()->showMessage(live ? tr("Streaming %1 more symbols live; their history is being filled.")
                                        .arg(QLocale().toString(added.size()))
                                  : tr("%1 more symbols join the feed of the next live session.")
                                        .arg(QLocale().toString(added.size())),
                             15000);
}

void MainWindow::setFeed(const FeedConfig &feed)
{
    m_options.feed = feed;
    if (m_sessions->kind() == SessionController::Kind::Live) {
        startLive();
    } else if (!m_sessions->isRunning()) {
        m_market->setSymbols(feed.symbols);
        m_pairView->setSymbols(feed.symbols);
        m_tickers->setSymbols(feed.symbols);
    }
}

QString MainWindow::currentSymbol() const
{
    return m_market->symbol();
}

void MainWindow::setSymbol(const QString &symbol)
{
    m_market->setSymbol(symbol);
}

void MainWindow::setInterval(const QString &name)
{
    m_market->setInterval(name);
}

ImportDialog *MainWindow::openImport(const QString &path)
{
    // Into the user's database, also while the demo runs (Database::open() creates a SQLite file's
    // folder; a postgresql:// URL names no folder).
    const QString db = m_options.databasePath;
    auto *dialog = new ImportDialog(path, db, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImportDialog::imported, this, [this](const QString &dataset) {
        statusBar()->showMessage(tr("Imported dataset %1").arg(dataset), 10000);
        if (m_sessions->databasePath().isEmpty()) // no session: analyse the database the data went to
            m_pairView->setDatabase(m_options.databasePath);
        m_pairView->showSourceWhenAvailable(BarStore::sourceForDataset(dataset));
        m_tabs->setCurrentWidget(m_pairView);
    });
    dialog->show();
    return dialog;
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls() && !event->mimeData()->urls().isEmpty() &&
        event->mimeData()->urls().first().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    for (const QUrl &url : event->mimeData()->urls())
        if (url.isLocalFile())
            openImport(url.toLocalFile());
    event->acceptProposedAction();
}

void MainWindow::showPairView()
{
    m_tabs->setCurrentWidget(m_pairView);
}

QString MainWindow::userDatabase() const
{
    return m_options.databasePath;
}

void MainWindow::connectControllers()
{
    connect(m_document, &WorkspaceDocument::dirtyChanged, this, &MainWindow::updateTitle);
    // Rules arrive from the database after the window is shown: loading them is not an edit.
    connect(m_alerts, &AlertsPanel::rulesChanged, this, [this] {
        if (m_document->isDirty())
            m_document->update(captureWorkspace());
        else
            m_document->settle(captureWorkspace());
    });
    connect(m_pairView->controller(), &PairController::sourceUnavailable, this,
            [this](const QString &source, const QString &database) {
                const QString text =
                    tr("The dataset \"%1\" is not in %2: the Spread tab shows live bars instead.")
                        .arg(source.startsWith(QLatin1String("upload:")) ? source.mid(7) : source,
                             Database::displayName(database));
                qCWarning(lcWorkspace).noquote() << text;
                statusBar()->showMessage(text, 30000);
            });
    connect(m_document, &WorkspaceDocument::pathChanged, this, &MainWindow::updateTitle);
    connect(m_document, &WorkspaceDocument::recentChanged, this, [this] {
        if (m_recentMenu)
            rebuildRecentMenu();
    });
    SessionController *c = m_sessions;
    connect(c, &SessionController::started, this,
            [this](SessionController::Kind, const QStringList &symbols, const QString &db) {
                m_trades->clear();
                m_tickers->setSymbols(symbols);
                if (m_sessions->isReplay()) // the recording's own symbols
                    m_market->setSymbols(symbols);
                m_storedLabel->setText(tr("%L1 trades stored").arg(0));
                m_market->setDatabase(db);
                m_catalog->setSource(db, m_sessions->restBase(), m_sessions->restBan());
                m_pairView->setSymbols(symbols);
                m_pairView->setDatabase(db);
                m_pairView->setDatasetDatabase(m_options.databasePath); // changed in Settings: from now on
                m_alerts->setDatabase(m_options.databasePath);
            });
    connect(c, &SessionController::symbolsChanged, this, [this](const QStringList &symbols) {
        m_tickers->setSymbols(symbols);
        m_market->setSymbols(symbols);
        m_pairView->setSymbols(symbols);
    });
    connect(c, &SessionController::stored, this, &MainWindow::onStored);

    // The local API (Settings → API): it serves the database the session writes to and hears the same
    // bars, pair updates and alert events as the window; it runs on a thread of its own.
    m_api = new ApiHost(this);
    connect(m_api, &ApiHost::alertRulesChanged, m_alerts, &AlertsPanel::reloadRules);
    connect(c, &SessionController::started, this, [this] { applyApi(m_apiSettings); });
    connect(c, &SessionController::stored, this,
            [this](const TickBatch &, const BarBatch &bars, const WriteStats &st) {
                m_apiFeed.insert(QStringLiteral("stored_ticks"), m_sessions->storedTicks());
                m_apiFeed.insert(QStringLiteral("unsaved_ticks"), m_sessions->unsavedTicks());
                if (st.stored > 0)
                    m_apiFeed.insert(QStringLiteral("last_stored_ms"), QDateTime::currentMSecsSinceEpoch());
                if (ApiServer *server = m_api->server())
                    QMetaObject::invokeMethod(server, [server, bars, feed = m_apiFeed] {
                        server->setFeed(feed);
                        server->publishBars(bars);
                    });
            });
    connect(c, &SessionController::feedStateChanged, this, [this](FeedState state, const QString &detail) {
        static const char *const names[] = {"stopped", "connecting", "connected", "waiting_to_reconnect"};
        m_apiFeed.insert(QStringLiteral("state"), QLatin1String(names[int(state)]));
        m_apiFeed.insert(QStringLiteral("detail"), detail);
        m_apiFeed.insert(QStringLiteral("symbols"), QJsonArray::fromStringList(m_sessions->symbols()));
        if (ApiServer *server = m_api->server())
            QMetaObject::invokeMethod(server, [server, feed = m_apiFeed] { server->setFeed(feed); });
    });
    connect(m_pairView, &PairWorkspace::alertInputs, this,
            [this](const QString &pair, const AlertVariables &v) {
                if (ApiServer *server = m_api->server())
                    QMetaObject::invokeMethod(server, [server, pair, v] { server->publishPair(pair, v); });
            });
    connect(m_alerts, &AlertsPanel::eventsStored, this, [this](const QList<AlertEvent> &events) {
        if (ApiServer *server = m_api->server())
            QMetaObject::invokeMethod(server, [server, events] { server->publishAlertEvents(events); });
    });
    m_apiSettings = AppSettings::load(QSettings()).api;
    applyApi(m_apiSettings);
    connect(c, &SessionController::countsChanged, this, [this](qint64 stored, qint64 unsaved) {
        m_storedLabel->setText(unsaved > 0
                                   ? tr("%L1 trades stored, %L2 not saved yet").arg(stored).arg(unsaved)
                                   : tr("%L1 trades stored").arg(stored));
    });
    connect(c, &SessionController::feedStateChanged, this, &MainWindow::onFeedState);
    connect(c, &SessionController::feedStatsUpdated, this, &MainWindow::onFeedStats);
    connect(c, &SessionController::markPrices, this, [this](const MarkPriceBatch &marks) {
        if (marks)
            m_tickers->setMarkPrices(*marks);
        if (marks && !marks->empty() && m_watchView->isColumnHidden(TickerModel::Funding)) {
            m_watchView->setColumnHidden(TickerModel::Funding, false);
            m_watchView->setColumnHidden(TickerModel::NextFunding, false);
        }
    });
    connect(c, &SessionController::message, this,
            [this](const QString &text, int timeoutMs) { statusBar()->showMessage(text, timeoutMs); });
    connect(c, &SessionController::noTrades, this, [this](const QString &text) { showBanner(text, true); });
    connect(c, &SessionController::historyProgress, this, [this](const QString &text) {
        m_historyLabel->setText(text);
        m_historyCancel->setVisible(!text.isEmpty());
    });
    connect(m_historyCancel, &QToolButton::clicked, c, &SessionController::cancelHistory);
    connect(c, &SessionController::historyLanded, this, [this](const QString &symbol, int seconds) {
        m_market->historyLanded(symbol, seconds);
        m_pairView->controller()->historyLanded(symbol, seconds);
    });
    connect(c, &SessionController::gapsChanged, this, [this](const TradeGapList &gaps) {
        m_market->setGaps(gaps);
        m_pairView->setGaps(gaps);
    });
    connect(c, &SessionController::recordingChanged, this, [this](bool on, const QString &pathOrError) {
        m_recordAction->setText(on ? tr("Stop &recording") : tr("&Record session…"));
        m_recordLabel->setText(on ? tr("● REC %1").arg(QFileInfo(pathOrError).fileName()) : QString());
        if (!on && !pathOrError.isEmpty() && !QFileInfo::exists(pathOrError))
            QMessageBox::warning(this, tr("Recording"), pathOrError);
    });
}

BarModel *MainWindow::barModel() const
{
    return m_market->barModel();
}

BarModel *MainWindow::secondLegModel() const
{
    return m_market->secondLegModel();
}

CandleChartView *MainWindow::chartView() const
{
    return m_market->chartView();
}

qint64 MainWindow::storedTicks() const
{
    return m_sessions->storedTicks();
}

bool MainWindow::isDemo() const
{
    return m_sessions->isReplay();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    m_sessions->stop();
    event->accept();
}

} // namespace pairlab
