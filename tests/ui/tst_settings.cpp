#include "alerts_panel.h"
#include "api/api_token.h"
#include "controllers/workspace_document.h"
#include "dialogs/settings_dialog.h"
#include "logging/log_model.h"
#include "logging/log_sink.h"
#include "main_window.h"
#include "pair_workspace.h"
#include "settings/app_settings.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace pairlab;

/** Settings: the AppSettings value (QSettings round trip, fallbacks, validation), the options a start
 *  takes from it, the dialog's validation, and what OK applies to a running window. */
class TestSettings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("PairLabSettingsTest"));
        LogSink::install(&m_sink);
    }
    void cleanupTestCase() { LogSink::uninstall(); }
    void init() { QSettings().clear(); }

    void roundTripsThroughQSettings();
    void invalidStoredValuesFallBackToDefaults_data();
    void invalidStoredValuesFallBackToDefaults();
    void parsesSymbols_data();
    void parsesSymbols();
    void validatesEndpointsAndPostgresUrls_data();
    void validatesEndpointsAndPostgresUrls();
    void startOptionsComeFromTheSettings();
    void databasePasswordIsNeverStored();
    void dialogRefusesBadFieldsAndReturnsTheEditedSettings();
    void okReconnectsTheLiveFeedAndAppliesTheRest();
    void newWorkspaceStartsWithTheAnalysisDefaults();
    void apiPageEditsTheLocalApiAndItsToken();

private:
    LogSink m_sink{QString()};
};

void TestSettings::roundTripsThroughQSettings()
{
    QTemporaryDir dir;
    QSettings file(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    AppSettings a;
    a.feed.symbols = {QStringLiteral("SOLUSDT"), QStringLiteral("BNBUSDT"), QStringLiteral("XRPUSDT")};
    a.feed.kind = StreamKind::AggTrade;
    a.feed.endpoint = QUrl(QStringLiteral("ws://127.0.0.1:9000/market"));
    a.feed.reconnectBaseMs = 250;
    a.feed.reconnectCapMs = 8000;
    a.feed.stallSeconds = 45;
    a.feed.connectTimeoutSeconds = 4;
    a.database = QStringLiteral("postgresql://quant@db.example:5433/ticks");
    a.analysis = {300, 2.5, 0.25, QStringLiteral("kalman"), QStringLiteral("ct")};
    a.trayMessages = false;
    a.sound = true;
    a.theme = QStringLiteral("dark");
    a.language = QStringLiteral("zh_CN");
    a.quotes = QStringLiteral("all");
    QVERIFY(!(a == AppSettings()));
    a.save(file);
    file.sync();
    QSettings reread(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    const AppSettings b = AppSettings::load(reread);
    QVERIFY(a == b);
    QCOMPARE(reread.value(QStringLiteral("database")).toString(), a.database); // one key: file or URL
    QCOMPARE(b.feed.kind, StreamKind::AggTrade);
    QCOMPARE(b.analysis.hedgeMethod, QStringLiteral("kalman"));
    QVERIFY(AppSettings::load(QSettings()) == AppSettings()); // nothing stored: the defaults
    // Quotes of a session: the pair's legs by default, every symbol, or none.
    const QString y = QStringLiteral("ETHUSDT"), x = QStringLiteral("BTCUSDT");
    QCOMPARE(AppSettings().quoteSymbols(y, x), (QStringList{y, x}));
    QCOMPARE(AppSettings().quoteSymbols(y, QString()), QStringList{y});
    QCOMPARE(b.quoteSymbols(y, x), QStringList{QStringLiteral("*")});
    AppSettings off;
    off.quotes = QStringLiteral("off");
    QVERIFY(off.quoteSymbols(y, x).isEmpty());
}

void TestSettings::invalidStoredValuesFallBackToDefaults_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QVariant>("value");
    QTest::newRow("symbolWithDash") << QStringLiteral("feed/symbols") << QVariant(QStringLiteral("BTC-USDT"));
    QTest::newRow("httpEndpoint") << QStringLiteral("feed/endpoint")
                                  << QVariant(QStringLiteral("https://fstream.binance.com"));
    QTest::newRow("baseTooSmall") << QStringLiteral("feed/reconnectBaseMs") << QVariant(5);
    QTest::newRow("capBelowBase") << QStringLiteral("feed/reconnectCapMs") << QVariant(200);
    QTest::newRow("stallNotANumber") << QStringLiteral("feed/stallSeconds")
                                     << QVariant(QStringLiteral("soon"));
    QTest::newRow("postgresWithoutDatabase")
        << QStringLiteral("database") << QVariant(QStringLiteral("postgresql://u@host:5432/"));
    QTest::newRow("exitOutsideEntry") << QStringLiteral("analysis/exitZ") << QVariant(3.0);
    QTest::newRow("unknownHedge") << QStringLiteral("analysis/hedgeMethod")
                                  << QVariant(QStringLiteral("lasso"));
    QTest::newRow("unknownTheme") << QStringLiteral("theme") << QVariant(QStringLiteral("purple"));
    QTest::newRow("unknownLanguage") << QStringLiteral("language") << QVariant(QStringLiteral("tlh"));
    QTest::newRow("unknownQuotes") << QStringLiteral("feed/quotes") << QVariant(QStringLiteral("depth"));
}

void TestSettings::invalidStoredValuesFallBackToDefaults()
{
    QFETCH(QString, key);
    QFETCH(QVariant, value);
    QSettings s;
    s.setValue(key, value);
    QVERIFY(AppSettings::load(s) == AppSettings());
}

void TestSettings::parsesSymbols_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QStringList>("symbols");
    QTest::newRow("lowerCaseAndSpaces") << QStringLiteral(" btcusdt , ethusdt") << true
                                        << QStringList{QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")};
    QTest::newRow("duplicatesAndEmptyParts")
        << QStringLiteral("SOLUSDT,,solusdt,1000PEPEUSDT,") << true
        << QStringList{QStringLiteral("SOLUSDT"), QStringLiteral("1000PEPEUSDT")};
    QTest::newRow("rejectsDash") << QStringLiteral("BTCUSDT,ETH-USDT") << false << QStringList{};
    QTest::newRow("rejectsSlash") << QStringLiteral("BTC/USDT") << false << QStringList{};
    QTest::newRow("rejectsEmpty") << QStringLiteral(" , ") << false << QStringList{};
}

void TestSettings::parsesSymbols()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(QStringList, symbols);
    QStringList out;
    QString error;
    QCOMPARE(AppSettings::parseSymbols(text, &out, &error), ok);
    QCOMPARE(error.isEmpty(), ok);
    if (ok)
        QCOMPARE(out, symbols);
}

void TestSettings::validatesEndpointsAndPostgresUrls_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("endpoint");
    QTest::addColumn<bool>("postgres");
    QTest::newRow("binance") << QStringLiteral("wss://fstream.binance.com/market") << true << false;
    QTest::newRow("localReplay") << QStringLiteral("ws://127.0.0.1:8765") << true << false;
    QTest::newRow("http") << QStringLiteral("http://fstream.binance.com") << false << false;
    QTest::newRow("noHost") << QStringLiteral("wss://") << false << false;
    QTest::newRow("postgresFull") << QStringLiteral("postgresql://quant@db.example:5432/pairlab") << false
                                  << true;
    QTest::newRow("postgresShortScheme") << QStringLiteral("postgres://db/pairlab") << false << true;
    QTest::newRow("postgresNoDatabase")
        << QStringLiteral("postgresql://quant@db.example:5432") << false << false;
    QTest::newRow("postgresNoHost") << QStringLiteral("postgresql:///pairlab") << false << false;
    QTest::newRow("postgresBadPort") << QStringLiteral("postgresql://db:notaport/pairlab") << false << false;
}

void TestSettings::validatesEndpointsAndPostgresUrls()
{
    QFETCH(QString, text);
    QFETCH(bool, endpoint);
    QFETCH(bool, postgres);
    QCOMPARE(AppSettings::validateEndpoint(text, nullptr), endpoint);
    QCOMPARE(AppSettings::validatePostgresUrl(text, nullptr), postgres);
}

void TestSettings::startOptionsComeFromTheSettings()
{
    AppSettings s;
    s.feed.symbols = {QStringLiteral("SOLUSDT"), QStringLiteral("BNBUSDT")};
    s.feed.reconnectCapMs = 9000;
    s.analysis.window = 77;
    s.sound = true;
    MainWindowOptions o = optionsFromSettings(s, QStringLiteral("/data"));
    QCOMPARE(o.feed.symbols, s.feed.symbols);
    QCOMPARE(o.feed.reconnectCapMs, 9000);
    QCOMPARE(o.databasePath, QStringLiteral("/data/pairlab.sqlite")); // empty setting: the default file
    QCOMPARE(o.defaultDatabasePath, QStringLiteral("/data/pairlab.sqlite"));
    QCOMPARE(o.demoDatabasePath, QStringLiteral("/data/demo.sqlite"));
    QCOMPARE(o.analysis.window, 77);
    QVERIFY(o.alertSound);
    QVERIFY(!o.offerWelcome);
    s.database = QStringLiteral("postgresql://quant@db:5432/pairlab"); // passed on as the database "path"
    QCOMPARE(optionsFromSettings(s, QStringLiteral("/data")).databasePath, s.database);
}

void TestSettings::databasePasswordIsNeverStored()
{
    QTemporaryDir dir;
    const QString ini = dir.filePath(QStringLiteral("s.ini"));
    AppSettings a;
    a.database = QStringLiteral("postgresql://pairlab:s3cret@127.0.0.1:5432/pairlab");
    {
        QSettings file(ini, QSettings::IniFormat);
        a.save(file);
    }
    QFile raw(ini);
    QVERIFY(raw.open(QIODevice::ReadOnly));
    const QByteArray text = raw.readAll();
    QVERIFY2(!text.contains("s3cret"), text.constData());
    QVERIFY(text.contains("pairlab@127.0.0.1"));
    {
        QSettings file(ini, QSettings::IniFormat);
        QCOMPARE(AppSettings::load(file).database,
                 QStringLiteral("postgresql://pairlab@127.0.0.1:5432/pairlab"));
        // A password written into the file by hand is dropped on load as well.
        file.setValue(QStringLiteral("database"),
                      QStringLiteral("postgres://u:pw@db.example/pl?sslmode=require"));
        QCOMPARE(AppSettings::load(file).database,
                 QStringLiteral("postgres://u@db.example/pl?sslmode=require"));
    }
    QCOMPARE(AppSettings::withoutPassword(QStringLiteral("/data/a:b@c.sqlite")),
             QStringLiteral("/data/a:b@c.sqlite"));

    // The dialog returns the URL without the password and says where the password comes from.
    SettingsDialog dialog(AppSettings(), QStringLiteral("/data/pairlab.sqlite"));
    auto *backend = dialog.findChild<QComboBox *>(QStringLiteral("backend"));
    auto *url = dialog.findChild<QLineEdit *>(QStringLiteral("postgresUrl"));
    auto *passwordNote = dialog.findChild<QLabel *>(QStringLiteral("passwordNote"));
    QVERIFY(backend && url && passwordNote);
    QVERIFY(passwordNote->text().contains(QLatin1String("PGPASSWORD")));
    QVERIFY(passwordNote->text().contains(QLatin1String("~/.pgpass")));
    backend->setCurrentIndex(1);
    url->setText(QStringLiteral("postgresql://pairlab:s3cret@127.0.0.1:5432/pairlab"));
    QCOMPARE(dialog.settings().database, QStringLiteral("postgresql://pairlab@127.0.0.1:5432/pairlab"));
}

void TestSettings::dialogRefusesBadFieldsAndReturnsTheEditedSettings()
{
    SettingsDialog dialog(AppSettings(), QStringLiteral("/data/pairlab.sqlite"));
    dialog.show();
    QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    auto *symbols = dialog.findChild<QLineEdit *>(QStringLiteral("symbols"));
    auto *endpoint = dialog.findChild<QLineEdit *>(QStringLiteral("endpoint"));
    auto *backend = dialog.findChild<QComboBox *>(QStringLiteral("backend"));
    auto *url = dialog.findChild<QLineEdit *>(QStringLiteral("postgresUrl"));
    auto *sqlite = dialog.findChild<QLineEdit *>(QStringLiteral("sqlitePath"));
    auto *entry = dialog.findChild<QDoubleSpinBox *>(QStringLiteral("entryZ"));
    auto *exit = dialog.findChild<QDoubleSpinBox *>(QStringLiteral("exitZ"));
    auto *base = dialog.findChild<QSpinBox *>(QStringLiteral("reconnectBase"));
    auto *cap = dialog.findChild<QSpinBox *>(QStringLiteral("reconnectCap"));
    QVERIFY(symbols && endpoint && backend && url && sqlite && entry && exit && base && cap);
    QVERIFY(dialog.isValid());
    QVERIFY(ok->isEnabled());
    QCOMPARE(sqlite->placeholderText(), QStringLiteral("/data/pairlab.sqlite"));

    symbols->setText(QStringLiteral("BTCUSDT, ETH-USDT"));
    QVERIFY(!ok->isEnabled());
    QVERIFY2(dialog.errorText().contains(QLatin1String("ETH-USDT")), qPrintable(dialog.errorText()));
    symbols->setText(QStringLiteral("solusdt, BNBUSDT"));
    QVERIFY(ok->isEnabled());

    endpoint->setText(QStringLiteral("http://example.com"));
    QVERIFY(!ok->isEnabled());
    endpoint->setText(QStringLiteral("ws://127.0.0.1:9443/market"));
    QVERIFY(ok->isEnabled());

    base->setValue(5000);
    cap->setValue(1000); // cap below the first delay
    QVERIFY(!ok->isEnabled());
    cap->setValue(20000);
    QVERIFY(ok->isEnabled());

    dialog.findChild<QTabWidget *>()->setCurrentIndex(1);
    backend->setCurrentIndex(1); // PostgreSQL needs a URL
    QVERIFY(!ok->isEnabled());
    QVERIFY(url->isVisible());
    QVERIFY(!sqlite->isVisible());
    url->setText(QStringLiteral("postgresql://quant@db.example:5432/pairlab"));
    QVERIFY(ok->isEnabled());

    exit->setValue(2.5);
    entry->setValue(2.0); // exit outside entry
    QVERIFY(!ok->isEnabled());
    entry->setValue(3.0);
    QVERIFY(ok->isEnabled());

    const AppSettings s = dialog.settings();
    QCOMPARE(s.feed.symbols, (QStringList{QStringLiteral("SOLUSDT"), QStringLiteral("BNBUSDT")}));
    QCOMPARE(s.feed.endpoint, QUrl(QStringLiteral("ws://127.0.0.1:9443/market")));
    QCOMPARE(s.feed.reconnectBaseMs, 5000);
    QCOMPARE(s.feed.reconnectCapMs, 20000);
    QCOMPARE(s.database, QStringLiteral("postgresql://quant@db.example:5432/pairlab"));
    QCOMPARE(s.analysis.entryZ, 3.0);
    QCOMPARE(s.analysis.exitZ, 2.5);

    backend->setCurrentIndex(0); // back to SQLite: the path field (empty = default file) is stored
    sqlite->setText(QStringLiteral("/tmp/other.sqlite"));
    QCOMPARE(dialog.settings().database, QStringLiteral("/tmp/other.sqlite"));
    sqlite->setText(QStringLiteral("postgresql://quant@db/pairlab")); // a URL in the file field
    QVERIFY(!ok->isEnabled());
}

void TestSettings::okReconnectsTheLiveFeedAndAppliesTheRest()
{
    QTemporaryDir dir;
    MainWindowOptions o;
    o.databasePath = dir.filePath(QStringLiteral("live.sqlite"));
    o.demoDatabasePath = dir.filePath(QStringLiteral("demo.sqlite"));
    o.feed.endpoint = QUrl(QStringLiteral("ws://127.0.0.1:1")); // nothing listens: stays live, reconnecting
    o.noDataHintSeconds = 60;
    MainWindow w(o);
    w.show();
    const auto logged = [&w](const QString &text) {
        for (int r = 0; r < w.logModel()->rowCount(); ++r)
            if (w.logModel()->entry(r).category == QLatin1String("pairlab.feed") &&
                w.logModel()->entry(r).message.contains(text))
                return true;
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(logged(QStringLiteral("ws://127.0.0.1:1")), 5000);

    // Through the dialog: OK applies and stores.
    QSettings().setValue(QStringLiteral("feed/endpoint"), QStringLiteral("ws://127.0.0.1:1"));
    SettingsDialog *dialog = w.openSettings();
    QVERIFY(dialog->isVisible());
    dialog->findChild<QLineEdit *>(QStringLiteral("endpoint"))
        ->setText(QStringLiteral("ws://127.0.0.1:2/market"));
    dialog->findChild<QSpinBox *>(QStringLiteral("reconnectBase"))->setValue(700);
    dialog->findChild<QComboBox *>(QStringLiteral("theme"))->setCurrentIndex(2); // dark
    dialog->findChild<QLineEdit *>(QStringLiteral("sqlitePath"))
        ->setText(dir.filePath(QStringLiteral("next.sqlite")));
    dialog->findChild<QCheckBox *>(QStringLiteral("sound"))->setChecked(true);
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();

    QCOMPARE(w.options().feed.endpoint, QUrl(QStringLiteral("ws://127.0.0.1:2/market")));
    QCOMPARE(w.options().feed.reconnectBaseMs, 700);
    QTRY_VERIFY_WITH_TIMEOUT(logged(QStringLiteral("ws://127.0.0.1:2/market")),
                             5000); // the session reconnected
    const AppSettings stored = AppSettings::load(QSettings());
    QCOMPARE(stored.feed.endpoint, QUrl(QStringLiteral("ws://127.0.0.1:2/market")));
    QCOMPARE(stored.theme, QStringLiteral("dark"));
    QVERIFY(stored.sound);
    QVERIFY(w.alertsPanel()->soundEnabled());
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 100);
    QVERIFY(w.palette().color(QPalette::Window).lightness() < 100);
    QCOMPARE(w.options().databasePath,
             dir.filePath(QStringLiteral("next.sqlite"))); // used from the next connect

    // Notifications follow the settings.
    AppSettings quiet = stored;
    quiet.trayMessages = false;
    quiet.sound = false;
    quiet.theme = QStringLiteral("light");
    w.applySettings(quiet);
    QVERIFY(!w.alertsPanel()->trayMessages());
    QVERIFY(!w.alertsPanel()->soundEnabled());
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 200);
    QCOMPARE(w.options().feed.endpoint,
             QUrl(QStringLiteral("ws://127.0.0.1:2/market"))); // unchanged feed: no reconnect
}

void TestSettings::newWorkspaceStartsWithTheAnalysisDefaults()
{
    QTemporaryDir dir;
    MainWindowOptions o;
    o.databasePath = dir.filePath(QStringLiteral("live.sqlite"));
    o.demoDatabasePath = dir.filePath(QStringLiteral("demo.sqlite"));
    o.autoConnect = false;
    o.analysis = {250, 1.5, 0.2, QStringLiteral("huber"), QStringLiteral("ct")};
    MainWindow w(o);
    QCOMPARE(w.pairWorkspace()->window(), 250); // the first start analyses with the settings
    QCOMPARE(w.pairWorkspace()->method(), HedgeMethod::Huber);
    QCOMPARE(w.pairWorkspace()->adfTrend(), QStringLiteral("ct"));
    QCOMPARE(w.pairWorkspace()->entryZ(), 1.5);

    AppSettings s = AppSettings::load(QSettings());
    s.analysis = {400, 2.2, 0.4, QStringLiteral("kalman"), QStringLiteral("n")};
    s.feed.symbols = {QStringLiteral("SOLUSDT"), QStringLiteral("BNBUSDT")};
    w.applySettings(s);
    w.pairWorkspace()->setWindow(90);
    w.document()->settle(w.captureWorkspace()); // File → New would ask to save the changed symbols first
    w.findChild<QAction *>(QStringLiteral("actionNewWorkspace"))->trigger();
    QCOMPARE(w.pairWorkspace()->window(), 400);
    QCOMPARE(w.pairWorkspace()->method(), HedgeMethod::Kalman);
    QCOMPARE(w.pairWorkspace()->adfTrend(), QStringLiteral("n"));
    QCOMPARE(w.pairWorkspace()->exitZ(), 0.4);
    QCOMPARE(w.captureWorkspace().symbols, s.feed.symbols);
    QCOMPARE(w.pairWorkspace()->symbolY(), QStringLiteral("SOLUSDT"));
}

void TestSettings::apiPageEditsTheLocalApiAndItsToken()
{
    QFile::remove(apiTokenPath());
    // Off by default; stored and read back.
    QCOMPARE(AppSettings().api.enabled, false);
    AppSettings a;
    a.api = {true, 9876, QStringLiteral("::1"), true};
    {
        QSettings s;
        a.save(s);
    }
    QCOMPARE(AppSettings::load(QSettings()).api, a.api);
    {
        QSettings s;
        s.setValue(QStringLiteral("api/bind"), QStringLiteral("localhost:80"));
        s.setValue(QStringLiteral("api/port"), 70000);
    }
    QCOMPARE(AppSettings::load(QSettings()).api.bind,
             QStringLiteral("127.0.0.1")); // not an address: the default
    QCOMPARE(AppSettings::load(QSettings()).api.port, 8765);

    SettingsDialog dialog(AppSettings(), QStringLiteral("/data/pairlab.sqlite"));
    dialog.show();
    QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    auto *enabled = dialog.findChild<QCheckBox *>(QStringLiteral("apiEnabled"));
    auto *writes = dialog.findChild<QCheckBox *>(QStringLiteral("apiWrites"));
    auto *port = dialog.findChild<QSpinBox *>(QStringLiteral("apiPort"));
    auto *bind = dialog.findChild<QLineEdit *>(QStringLiteral("apiBind"));
    auto *token = dialog.findChild<QLineEdit *>(QStringLiteral("apiToken"));
    auto *warning = dialog.findChild<QLabel *>(QStringLiteral("apiBindWarning"));
    auto *renew = dialog.findChild<QPushButton *>(QStringLiteral("apiNewToken"));
    QVERIFY(enabled && writes && port && bind && token && warning && renew);
    dialog.findChild<QTabWidget *>()->setCurrentIndex(3);
    QVERIFY(!enabled->isChecked());
    QVERIFY(token->text().isEmpty()); // no token is made while the API was never on
    QVERIFY(!QFile::exists(apiTokenPath()));
    enabled->setChecked(true);
    QVERIFY(token->text().size() >= 40);
    QVERIFY(QFile::exists(apiTokenPath()));
    QCOMPARE(QFile::permissions(apiTokenPath()) &
                 (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
             QFileDevice::Permissions());
    QString error;
    QCOMPARE(loadOrCreateApiToken(apiTokenPath(), &error), token->text());
    QVERIFY(!warning->isVisible());
    bind->setText(QStringLiteral("0.0.0.0"));
    QVERIFY(ok->isEnabled());
    QVERIFY(warning->isVisible()); // said aloud, not refused
    QVERIFY(warning->text().contains(QLatin1String("read your data")));
    writes->setChecked(true);
    QVERIFY(warning->text().contains(QLatin1String("change")));
    bind->setText(QStringLiteral("my-laptop"));
    QVERIFY(!ok->isEnabled());
    QVERIFY2(dialog.errorText().contains(QLatin1String("not an IP address")), qPrintable(dialog.errorText()));
    bind->setText(QStringLiteral("127.0.0.1"));
    QVERIFY(ok->isEnabled());
    QVERIFY(!warning->isVisible());
    port->setValue(9999);
    const QString before = token->text();
    QVERIFY(!dialog.tokenRenewed());
    renew->click();
    QVERIFY(dialog.tokenRenewed());
    QVERIFY(token->text() != before);
    QCOMPARE(loadOrCreateApiToken(apiTokenPath(), &error), token->text());
    const AppSettings edited = dialog.settings();
    QCOMPARE(edited.api, (ApiSettings{true, 9999, QStringLiteral("127.0.0.1"), true}));
}

QTEST_MAIN(TestSettings)
#include "tst_settings.moc"
