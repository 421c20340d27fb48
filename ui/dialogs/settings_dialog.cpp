#include "dialogs/settings_dialog.h"

#include "api/api_token.h"
#include "models/analysis_choices.h"

#include "models/pair_display.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

namespace pairlab {

namespace {

QLabel *note(const QString &text, QWidget *parent)
{
    auto *l = new QLabel(text, parent);
    l->setWordWrap(true);
    l->setForegroundRole(QPalette::PlaceholderText);
    return l;
}

QSpinBox *spin(int lo, int hi, int value, const QString &suffix, QWidget *parent)
{
    auto *s = new QSpinBox(parent);
    s->setRange(lo, hi);
    s->setValue(value);
    s->setSuffix(suffix);
    s->setAccelerated(true);
    return s;
}

void selectData(QComboBox *box, const QVariant &data)
{
    const int i = box->findData(data);
    box->setCurrentIndex(i < 0 ? 0 : i);
}

} // namespace

SettingsDialog::SettingsDialog(const AppSettings &settings, const QString &defaultDatabase, QWidget *parent)
    : QDialog(parent), m_initial(settings), m_tokenPath(apiTokenPath())
{
    setWindowTitle(tr("Settings"));
    m_pages = new QTabWidget(this);
    m_pages->addTab(feedPage(settings), tr("&Feed"));
    m_pages->addTab(databasePage(settings, defaultDatabase), tr("&Database"));
    m_pages->addTab(analysisPage(settings), tr("&Analysis"));
    m_pages->addTab(apiPage(settings), tr("AP&I"));
    m_pages->addTab(generalPage(settings), tr("&General"));
    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("settingsError"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(QStringLiteral("color: #c62828"));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_buttons);

    for (QLineEdit *e : {m_symbols, m_endpoint, m_sqlitePath, m_postgresUrl, m_apiBind})
        connect(e, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    for (QSpinBox *s : {m_reconnectBase, m_reconnectCap, m_stall, m_connectTimeout, m_window, m_apiPort})
        connect(s, &QSpinBox::valueChanged, this, &SettingsDialog::validate);
    for (QDoubleSpinBox *s : {m_entry, m_exit})
        connect(s, &QDoubleSpinBox::valueChanged, this, &SettingsDialog::validate);
    connect(m_backend, &QComboBox::currentIndexChanged, this, &SettingsDialog::validate);
    validate();
    resize(sizeHint().expandedTo(QSize(560, 0)));
}

QWidget *SettingsDialog::feedPage(const AppSettings &s)
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_symbols = new QLineEdit(s.feed.symbols.join(QStringLiteral(", ")), page);
    m_symbols->setObjectName(QStringLiteral("symbols"));
    m_symbols->setPlaceholderText(QStringLiteral("BTCUSDT, ETHUSDT"));
    m_symbols->setToolTip(tr("Binance USD-M futures symbols, separated by commas"));
    m_stream = new QComboBox(page);
    m_stream->setObjectName(QStringLiteral("stream"));
    m_stream->addItem(tr("Every trade (trade)"), QStringLiteral("trade"));
    m_stream->addItem(tr("Aggregated trades (aggTrade)"), QStringLiteral("aggTrade"));
    selectData(m_stream,
               s.feed.kind == StreamKind::AggTrade ? QStringLiteral("aggTrade") : QStringLiteral("trade"));
    m_endpoint = new QLineEdit(s.feed.endpoint.toString(), page);
    m_endpoint->setObjectName(QStringLiteral("endpoint"));
    auto *defaultEndpoint = new QPushButton(tr("Binance default"), page);
    connect(defaultEndpoint, &QPushButton::clicked, this,
            [this] { m_endpoint->setText(FeedConfig().endpoint.toString()); });
    auto *endpointRow = new QHBoxLayout;
    endpointRow->addWidget(m_endpoint, 1);
    endpointRow->addWidget(defaultEndpoint);
    m_reconnectBase = spin(50, 60000, s.feed.reconnectBaseMs, tr(" ms"), page);
    m_reconnectBase->setObjectName(QStringLiteral("reconnectBase"));
    m_reconnectBase->setToolTip(
        tr("Delay before the first reconnect attempt; it doubles with each failed attempt"));
    m_reconnectCap = spin(100, 600000, s.feed.reconnectCapMs, tr(" ms"), page);
    m_reconnectCap->setObjectName(QStringLiteral("reconnectCap"));
    m_stall = spin(5, 3600, s.feed.stallSeconds, tr(" s"), page);
    m_stall->setObjectName(QStringLiteral("stall"));
    m_stall->setToolTip(tr("A connection that delivers nothing for this long is dropped and reopened"));
    m_connectTimeout = spin(1, 300, s.feed.connectTimeoutSeconds, tr(" s"), page);
    m_connectTimeout->setObjectName(QStringLiteral("connectTimeout"));
    form->addRow(tr("&Symbols:"), m_symbols);
    form->addRow(tr("S&tream:"), m_stream);
    m_quotes = new QComboBox(page);
    m_quotes->setObjectName(QStringLiteral("quotes"));
    m_quotes->addItem(tr("The legs of the pairs shown"), QStringLiteral("pair"));
    m_quotes->addItem(tr("Every streamed symbol"), QStringLiteral("all"));
    m_quotes->addItem(tr("Off"), QStringLiteral("off"));
    m_quotes->setToolTip(
        tr("Whose best bid and ask (bookTicker) are streamed beside the trades and stored as "
           "1 s / 1 m / 5 m quote bars, for backtests filled at the bid/ask. Binance sends "
           "about ten quotes per trade."));
    selectData(m_quotes, s.quotes);
    form->addRow(tr("&Quotes (bid/ask):"), m_quotes);
    auto *endpointLabel = new QLabel(tr("&Endpoint:"), page);
    endpointLabel->setBuddy(m_endpoint);
    form->addRow(endpointLabel, endpointRow);
    form->addRow(tr("First &reconnect after:"), m_reconnectBase);
    form->addRow(tr("Longest reconnect &delay:"), m_reconnectCap);
    form->addRow(tr("Reconnect when &silent for:"), m_stall);
    form->addRow(tr("&Connect timeout:"), m_connectTimeout);
    form->addRow(
        note(tr("A live connection to Binance reconnects with these settings when you press OK."), page));
    return page;
}

QWidget *SettingsDialog::databasePage(const AppSettings &s, const QString &defaultDatabase)
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    const bool postgres = AppSettings::isPostgresUrl(s.database);
    m_backend = new QComboBox(page);
    m_backend->setObjectName(QStringLiteral("backend"));
    m_backend->addItem(tr("SQLite file"), QStringLiteral("sqlite"));
    m_backend->addItem(tr("PostgreSQL server"), QStringLiteral("postgresql"));
    m_backendPages = new QStackedWidget(page);
    m_backendPages->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);

    auto *sqlite = new QWidget(m_backendPages);
    auto *sqliteRow = new QHBoxLayout(sqlite);
    sqliteRow->setContentsMargins(0, 0, 0, 0);
    m_sqlitePath = new QLineEdit(postgres ? QString() : s.database, sqlite);
    m_sqlitePath->setObjectName(QStringLiteral("sqlitePath"));
    m_sqlitePath->setPlaceholderText(defaultDatabase);
    m_sqlitePath->setToolTip(tr("Empty: %1").arg(defaultDatabase));
    auto *browse = new QPushButton(tr("&Browse…"), sqlite);
    connect(browse, &QPushButton::clicked, this, [this, defaultDatabase] {
        const QString start = m_sqlitePath->text().isEmpty() ? defaultDatabase : m_sqlitePath->text();
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Database file"), start, tr("SQLite databases (*.sqlite *.db);;All files (*)"), nullptr,
            QFileDialog::DontConfirmOverwrite);
        if (!path.isEmpty())
            m_sqlitePath->setText(path);
    });
    sqliteRow->addWidget(m_sqlitePath, 1);
    sqliteRow->addWidget(browse);

    auto *pg = new QWidget(m_backendPages);
    auto *pgRow = new QHBoxLayout(pg);
    pgRow->setContentsMargins(0, 0, 0, 0);
    m_postgresUrl = new QLineEdit(postgres ? s.database : QString(), pg);
    m_postgresUrl->setObjectName(QStringLiteral("postgresUrl"));
    m_postgresUrl->setPlaceholderText(QStringLiteral("postgresql://user@host:5432/pairlab"));
    m_postgresUrl->setToolTip(tr("The password comes from ~/.pgpass or PGPASSWORD, not from this field"));
    pgRow->addWidget(m_postgresUrl, 1);
    m_backendPages->addWidget(sqlite);
    m_backendPages->addWidget(pg);
    connect(m_backend, &QComboBox::currentIndexChanged, m_backendPages, &QStackedWidget::setCurrentIndex);
    m_backend->setCurrentIndex(postgres ? 1 : 0);
    m_backendPages->setCurrentIndex(postgres ? 1 : 0);

    form->addRow(tr("&Backend:"), m_backend);
    auto *locationLabel = new QLabel(tr("&Location:"), page);
    locationLabel->setBuddy(m_sqlitePath);
    connect(m_backend, &QComboBox::currentIndexChanged, locationLabel,
            [this, locationLabel](int i) { locationLabel->setBuddy(i == 1 ? m_postgresUrl : m_sqlitePath); });
    form->addRow(locationLabel, m_backendPages);
    auto *passwordNote = note(tr("PairLab never stores a database password: a password typed into the URL is "
                                 "removed; PostgreSQL reads it from PGPASSWORD or ~/.pgpass."),
                              page);
    passwordNote->setObjectName(QStringLiteral("passwordNote"));
    form->addRow(passwordNote);
    form->addRow(note(tr("A new database takes effect the next time PairLab connects to Binance "
                         "(Feed → Connect to Binance) or starts. The demo keeps its own database."),
                      page));
    return page;
}

QWidget *SettingsDialog::analysisPage(const AppSettings &s)
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_window = spin(5, 100000, s.analysis.window, tr(" bars"), page);
    m_window->setObjectName(QStringLiteral("window"));
    m_entry = new QDoubleSpinBox(page);
    m_entry->setObjectName(QStringLiteral("entryZ"));
    m_entry->setRange(0.1, 10);
    m_entry->setSingleStep(0.1);
    m_entry->setValue(s.analysis.entryZ);
    m_exit = new QDoubleSpinBox(page);
    m_exit->setObjectName(QStringLiteral("exitZ"));
    m_exit->setRange(0, 10);
    m_exit->setSingleStep(0.1);
    m_exit->setValue(s.analysis.exitZ);
    m_hedge = new QComboBox(page);
    m_hedge->setObjectName(QStringLiteral("hedgeMethod"));
    for (const HedgeMethodChoice &c : hedgeMethodChoices())
        m_hedge->addItem(hedgeMethodName(c.method), QString::fromLatin1(c.key));
    selectData(m_hedge, s.analysis.hedgeMethod);
    m_trend = new QComboBox(page);
    m_trend->setObjectName(QStringLiteral("adfTrend"));
    for (const AdfTrendChoice &c : adfTrendChoices())
        m_trend->addItem(adfTrendLabel(c.trend), QString::fromLatin1(c.key));
    selectData(m_trend, s.analysis.adfTrend);
    form->addRow(tr("Rolling &window:"), m_window);
    form->addRow(tr("&Entry at |z| ≥"), m_entry);
    form->addRow(tr("E&xit at |z| ≤"), m_exit);
    form->addRow(tr("&Hedge ratio:"), m_hedge);
    form->addRow(tr("ADF &trend:"), m_trend);
    form->addRow(
        note(tr("A new workspace (File → New workspace) starts with these; a saved workspace keeps its own."),
             page));
    return page;
}

QWidget *SettingsDialog::apiPage(const AppSettings &s)
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_apiEnabled =
        new QCheckBox(tr("Serve the &local API (HTTP and WebSocket, for notebooks and scripts)"), page);
    m_apiEnabled->setObjectName(QStringLiteral("apiEnabled"));
    m_apiEnabled->setChecked(s.api.enabled);
    m_apiPort = spin(1, 65535, s.api.port, QString(), page);
    m_apiPort->setObjectName(QStringLiteral("apiPort"));
    m_apiPort->setAccelerated(false);
    m_apiPort->setMaximumWidth(m_apiPort->fontMetrics().horizontalAdvance(QStringLiteral("0000000000")) + 40);
    m_apiBind = new QLineEdit(s.api.bind, page);
    m_apiBind->setObjectName(QStringLiteral("apiBind"));
    m_apiBind->setPlaceholderText(QStringLiteral("127.0.0.1"));
    m_apiBindWarning = new QLabel(page);
    m_apiBindWarning->setObjectName(QStringLiteral("apiBindWarning"));
    m_apiBindWarning->setWordWrap(true);
    m_apiBindWarning->setStyleSheet(QStringLiteral("color: #c62828"));
    m_apiWrites = new QCheckBox(
        tr("Allow &writes: create and delete alert rules, import CSV files, run backtests"), page);
    m_apiWrites->setObjectName(QStringLiteral("apiWrites"));
    m_apiWrites->setChecked(s.api.allowWrites);
    m_apiToken = new QLineEdit(page);
    m_apiToken->setObjectName(QStringLiteral("apiToken"));
    m_apiToken->setReadOnly(true);
    m_apiToken->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_apiToken->setPlaceholderText(tr("made when the API is first turned on"));
    auto *copy = new QPushButton(tr("&Copy"), page);
    copy->setObjectName(QStringLiteral("apiCopyToken"));
    auto *renew = new QPushButton(tr("&New token"), page);
    renew->setObjectName(QStringLiteral("apiNewToken"));
    renew->setToolTip(tr("Replaces the token at once: clients with the old one are refused from now on."));
    auto *tokenRow = new QHBoxLayout;
    tokenRow->addWidget(m_apiToken, 1);
    tokenRow->addWidget(copy);
    tokenRow->addWidget(renew);
    form->addRow(m_apiEnabled);
    form->addRow(tr("P&ort:"), m_apiPort);
    form->addRow(tr("Addr&ess:"), m_apiBind);
    form->addRow(QString(), m_apiBindWarning);
    form->addRow(QString(), m_apiWrites);
    form->addRow(tr("Token:"), tokenRow);
    m_apiNote = note(QString(), page);
    m_apiNote->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(m_apiNote);

    if (QFile::exists(m_tokenPath)) {
        QString error;
        m_apiToken->setText(loadOrCreateApiToken(m_tokenPath, &error));
        m_apiToken->setCursorPosition(0);
    }
    auto ensureToken = [this] {
        if (!m_apiToken->text().isEmpty())
            return;
        QString error;
        const QString token = loadOrCreateApiToken(m_tokenPath, &error);
        m_apiToken->setText(token);
        m_apiToken->setCursorPosition(0);
        if (token.isEmpty())
            m_apiNote->setText(error);
    };
    connect(m_apiEnabled, &QCheckBox::toggled, this, [this, ensureToken](bool on) {
        if (on)
            ensureToken();
        validate();
    });
    connect(copy, &QPushButton::clicked, this, [this, ensureToken] {
        ensureToken();
        QGuiApplication::clipboard()->setText(m_apiToken->text());
    });
    connect(renew, &QPushButton::clicked, this, [this] {
        QString error;
        const QString token = regenerateApiToken(m_tokenPath, &error);
        if (token.isEmpty()) {
            m_apiNote->setText(error);
            return;
        }
        m_apiToken->setText(token);
        m_apiToken->setCursorPosition(0);
        m_tokenRenewed = true;
        validate();
        Q_EMIT apiTokenRenewed();
    });
    connect(m_apiWrites, &QCheckBox::toggled, this, &SettingsDialog::validate);
    return page;
}

QWidget *SettingsDialog::generalPage(const AppSettings &s)
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_tray = new QCheckBox(tr("Show a system tray message when an alert fires"), page);
    m_tray->setObjectName(QStringLiteral("trayMessages"));
    m_tray->setChecked(s.trayMessages);
    m_sound = new QCheckBox(tr("Play a sound when an alert fires"), page);
    m_sound->setObjectName(QStringLiteral("sound"));
    m_sound->setChecked(s.sound);
    m_theme = new QComboBox(page);
    m_theme->setObjectName(QStringLiteral("theme"));
    m_theme->addItem(tr("System"), QStringLiteral("system"));
    m_theme->addItem(tr("Light"), QStringLiteral("light"));
    m_theme->addItem(tr("Dark"), QStringLiteral("dark"));
    selectData(m_theme, s.theme);
    m_language = new QComboBox(page);
    m_language->setObjectName(QStringLiteral("language"));
    m_language->addItem(tr("System"), QStringLiteral("system"));
    // Each language is named in itself, so it can be found whatever the current one is.
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->addItem(QStringLiteral("中文（简体）"), QStringLiteral("zh_CN"));
    selectData(m_language, s.language);
    form->addRow(tr("Alerts:"), m_tray);
    form->addRow(QString(), m_sound);
    form->addRow(tr("&Theme:"), m_theme);
    form->addRow(tr("&Language:"), m_language);
    form->addRow(note(tr("A new language takes effect when PairLab is restarted."), page));
    return page;
}

AppSettings SettingsDialog::settings() const
{
    AppSettings s = m_initial;
    AppSettings::parseSymbols(m_symbols->text(), &s.feed.symbols, nullptr);
    s.feed.kind = m_stream->currentData().toString() == QLatin1String("aggTrade") ? StreamKind::AggTrade
                                                                                  : StreamKind::Trade;
    s.feed.endpoint = QUrl(m_endpoint->text().trimmed());
    s.quotes = m_quotes->currentData().toString();
    s.feed.reconnectBaseMs = m_reconnectBase->value();
    s.feed.reconnectCapMs = m_reconnectCap->value();
    s.feed.stallSeconds = m_stall->value();
    s.feed.connectTimeoutSeconds = m_connectTimeout->value();
    s.database = AppSettings::withoutPassword(
        (m_backend->currentIndex() == 1 ? m_postgresUrl : m_sqlitePath)->text().trimmed());
    s.analysis.window = m_window->value();
    s.analysis.entryZ = m_entry->value();
    s.analysis.exitZ = m_exit->value();
    s.analysis.hedgeMethod = m_hedge->currentData().toString();
    s.analysis.adfTrend = m_trend->currentData().toString();
    s.api.enabled = m_apiEnabled->isChecked();
    s.api.port = m_apiPort->value();
    s.api.bind =
        m_apiBind->text().trimmed().isEmpty() ? QStringLiteral("127.0.0.1") : m_apiBind->text().trimmed();
    s.api.allowWrites = m_apiWrites->isChecked();
    s.trayMessages = m_tray->isChecked();
    s.sound = m_sound->isChecked();
    s.theme = m_theme->currentData().toString();
    s.language = m_language->currentData().toString();
    return s;
}

void SettingsDialog::validate()
{
    QString why;
    int page = -1;
    FeedConfig f;
    f.reconnectBaseMs = m_reconnectBase->value();
    f.reconnectCapMs = m_reconnectCap->value();
    f.stallSeconds = m_stall->value();
    f.connectTimeoutSeconds = m_connectTimeout->value();
    if (!AppSettings::parseSymbols(m_symbols->text(), nullptr, &why) ||
        !AppSettings::validateEndpoint(m_endpoint->text(), &why) ||
        !AppSettings::validateReconnect(f, &why)) {
        page = 0;
    } else if (m_backend->currentIndex() == 1 &&
               !AppSettings::validatePostgresUrl(m_postgresUrl->text(), &why)) {
        page = 1;
    } else if (m_backend->currentIndex() == 0 && AppSettings::isPostgresUrl(m_sqlitePath->text().trimmed())) {
        why = tr("This is a PostgreSQL URL: choose the backend “PostgreSQL server” for it.");
        page = 1;
    } else if (m_exit->value() >= m_entry->value()) {
        why = tr("The exit band must be inside the entry band (exit < entry).");
        page = 2;
    } else if (!m_apiBind->text().trimmed().isEmpty() &&
               !AppSettings::validateBindAddress(m_apiBind->text(), &why)) {
        page = 3;
    }
    const QHostAddress bind(m_apiBind->text().trimmed().isEmpty() ? QStringLiteral("127.0.0.1")
                                                                  : m_apiBind->text().trimmed());
    const bool exposed = !bind.isNull() && !bind.isLoopback();
    m_apiBindWarning->setText(
        exposed
            ? (m_apiWrites->isChecked()
                   ? tr("Not loopback: anyone who reaches this address and has the token can read and change "
                        "your data. The traffic is not encrypted.")
                   : tr("Not loopback: anyone who reaches this address and has the token can read your data. "
                        "The traffic is not encrypted."))
            : QString());
    m_apiBindWarning->setVisible(exposed);
    // A client on this computer reaches an "any" address through loopback.
    const QHostAddress reach =
        bind == QHostAddress(QHostAddress::AnyIPv4)   ? QHostAddress(QHostAddress::LocalHost)
        : bind == QHostAddress(QHostAddress::AnyIPv6) ? QHostAddress(QHostAddress::LocalHostIPv6)
                                                      : bind;
    const QString host = reach.protocol() == QAbstractSocket::IPv6Protocol
                             ? QStringLiteral("[%1]").arg(reach.toString())
                             : reach.toString();
    m_apiNote->setText(tr("Requests carry the token as “Authorization: Bearer <token>”; it is kept in %1, "
                          "readable by you only. "
                          "Try: curl -H \"Authorization: Bearer $(cat %1)\" http://%2:%3/v1/health — the "
                          "endpoints are listed "
                          "at /v1/openapi.json.%4")
                           .arg(QDir::toNativeSeparators(m_tokenPath), host)
                           .arg(m_apiPort->value())
                           .arg(m_tokenRenewed
                                    ? tr(" A new token was made: clients with the old one are refused.")
                                    : QString()));
    m_error = why;
    m_errorLabel->setText(page < 0 ? QString()
                                   : tr("%1: %2").arg(m_pages->tabText(page).remove(QLatin1Char('&')), why));
    m_errorLabel->setVisible(page >= 0);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(page < 0);
}

} // namespace pairlab
