// pairlab: the desktop application. Command-line parsing only; the window lives in ui/.
#include "logging/log_categories.h"
#include "logging/log_sink.h"
#include "main_window.h"
#include "settings/app_settings.h"
#include "storage/database.h"
#include "theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLibraryInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QTextStream>
#include <QTranslator>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>

namespace {

// --help and --version print and exit without a display, so they work on a headless machine too.
bool printsOnly(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        for (const char *o : {"-h", "--help", "--help-all", "-?", "-v", "--version"}) {
            if (std::strcmp(argv[i], o) == 0)
                return true;
        }
    }
    return false;
}

// The value of --lang given as "--lang X" or "--lang=X", read before the parser exists so that its
// help text is already translated.
QString langArgument(const QStringList &args)
{
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--lang"))
            return args.value(i + 1);
        if (args.at(i).startsWith(QLatin1String("--lang=")))
            return args.at(i).mid(7);
    }
    return {};
}

// Installs PairLab's translation (:/i18n/pairlab_<lang>.qm) and Qt's own (qtbase_<lang>.qm) for the
// language chosen by --lang, else the setting "language", else the system locale. Missing files
// (English, or no Qt translations installed) leave the texts in English.
void installTranslators(const QString &lang, QTranslator &own, QTranslator &qt)
{
    const QString chosen = !lang.isEmpty() ? lang : QSettings().value(QStringLiteral("language")).toString();
    const QLocale locale =
        chosen.isEmpty() || chosen == QLatin1String("system") ? QLocale::system() : QLocale(chosen);
    if (own.load(locale, QStringLiteral("pairlab"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&own);
    if (qt.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qt);
}

int usageError(const QString &message)
{
    QTextStream(stderr) << "pairlab: " << message << '\n'
                        << QCoreApplication::translate("main", "Try 'pairlab --help'.") << '\n';
    return 2;
}

} // namespace

int main(int argc, char *argv[])
{
    const std::unique_ptr<QCoreApplication> app = printsOnly(argc, argv)
                                                      ? std::make_unique<QCoreApplication>(argc, argv)
                                                      : std::make_unique<QApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("PairLab"));
    QCoreApplication::setOrganizationName(QStringLiteral("PairLab"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PAIRLAB_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.pairlab.PairLab"));
    const QString lang = langArgument(QCoreApplication::arguments());
    if (!lang.isEmpty() && lang != QLatin1String("system") && QLocale(lang).language() == QLocale::C)
        return usageError(
            QCoreApplication::translate("main", "--lang: unknown language '%1' (e.g. de, zh_CN, en)")
                .arg(lang));
    QTranslator ownTranslator;
    QTranslator qtTranslator;
    installTranslators(lang, ownTranslator, qtTranslator);

    QCommandLineParser p;
    p.setApplicationDescription(
        QApplication::translate("main", "Live statistical-arbitrage workbench for crypto futures."));
    p.addHelpOption();
    p.addVersionOption();
    p.addOption({QStringLiteral("demo"),
                 QApplication::translate(
                     "main", "Start the bundled real Binance recording instead of the live feed.")});
    // Without these options the settings (Settings…) apply; an option overrides its setting for this start.
    p.addOption({QStringLiteral("db"), QApplication::translate("main", "Database: a SQLite file or a postgresql://user@host:port/dbname URL."),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("symbols"), QApplication::translate("main", "Comma-separated symbols."),
                 QStringLiteral("LIST")});
    p.addOption({QStringLiteral("endpoint"), QApplication::translate("main", "WebSocket endpoint."),
                 QStringLiteral("URL")});
    p.addOption({QStringLiteral("stream"), QApplication::translate("main", "trade or aggTrade."),
                 QStringLiteral("KIND")});
    p.addOption({QStringLiteral("demo-speed"),
                 QApplication::translate("main", "Replay speed of the demo (1 = real time)."),
                 QStringLiteral("X"), QStringLiteral("1")});
    p.addOption({QStringLiteral("view"), QApplication::translate("main", "Open on a view: market or pair."),
                 QStringLiteral("VIEW"), QStringLiteral("market")});
    p.addOption({QStringLiteral("lang"),
                 QApplication::translate("main", "Language of the window, e.g. de or zh_CN (default: the "
                                                 "setting \"language\", else the system's)."),
                 QStringLiteral("LANG")});
    p.addPositionalArgument(QStringLiteral("workspace"),
                            QApplication::translate("main", "A workspace file (*.pairlab) to open."),
                            QStringLiteral("[workspace]"));
    // Usage errors exit with 2, like pairlab-cli; --help and --version print to stdout and exit with 0.
    if (!p.parse(QCoreApplication::arguments()))
        return usageError(p.errorText());
    if (p.isSet(QStringLiteral("help")))
        p.showHelp(0);
    if (p.isSet(QStringLiteral("version")))
        p.showVersion();
    const QString stream = p.value(QStringLiteral("stream"));
    if (p.isSet(QStringLiteral("stream")) && stream != QLatin1String("trade") &&
        stream != QLatin1String("aggTrade"))
        return usageError(
            QApplication::translate("main", "--stream must be trade or aggTrade, not '%1'.").arg(stream));
    const QString view = p.value(QStringLiteral("view"));
    if (view != QLatin1String("market") && view != QLatin1String("pair"))
        return usageError(
            QApplication::translate("main", "--view must be market or pair, not '%1'.").arg(view));
    if (p.positionalArguments().size() > 1)
        return usageError(QApplication::translate("main", "Only one workspace file can be opened."));
    const QUrl endpoint(p.value(QStringLiteral("endpoint")));
    if (p.isSet(QStringLiteral("endpoint")) &&
        (!endpoint.isValid() ||
         (endpoint.scheme() != QLatin1String("ws") && endpoint.scheme() != QLatin1String("wss"))))
        return usageError(
            QApplication::translate("main", "--endpoint must be a ws:// or wss:// URL, not '%1'.")
                .arg(p.value(QStringLiteral("endpoint"))));
    QStringList symbols;
    QString symbolsError;
    if (p.isSet(QStringLiteral("symbols")) &&
        !pairlab::AppSettings::parseSymbols(p.value(QStringLiteral("symbols")), &symbols, &symbolsError))
        return usageError(QStringLiteral("--symbols: ") + symbolsError);

    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (!QDir().mkpath(dataDir)) {
        QTextStream(stderr)
            << "pairlab: "
            << QApplication::translate("main", "cannot create the data directory %1").arg(dataDir) << '\n';
        return 1;
    }
    // Every Qt message of the run goes to <data>/logs/pairlab.log (rotated) and to the log dock.
    pairlab::LogSink logSink(dataDir + QStringLiteral("/logs"));
    pairlab::LogSink::install(&logSink);
    qCInfo(pairlab::lcApp).noquote() << "PairLab" << QCoreApplication::applicationVersion() << "starting; Qt"
                                     << qVersion();

    const pairlab::AppSettings settings = pairlab::AppSettings::load(QSettings());
    pairlab::applyTheme(settings.theme);
    pairlab::MainWindowOptions o = pairlab::optionsFromSettings(settings, dataDir);
    o.offerWelcome = true;
    o.demo = p.isSet(QStringLiteral("demo"));
    o.demoSpeed = std::clamp(p.value(QStringLiteral("demo-speed")).toDouble(), 0.1, 1000.0);
    o.workspacePath = p.positionalArguments().value(0);
    o.restoreLastWorkspace = o.workspacePath.isEmpty() && !o.demo;
    if (p.isSet(QStringLiteral("db")))
        o.databasePath = p.value(QStringLiteral("db"));
    if (pairlab::Database::isPostgres(o.databasePath)) {
        if (const QString problem = pairlab::Database::checkPostgresUrl(o.databasePath); !problem.isEmpty())
            return usageError(QStringLiteral("--db: ") + problem);
    }
    if (p.isSet(QStringLiteral("symbols")))
        o.feed.symbols = symbols;
    if (p.isSet(QStringLiteral("endpoint")))
        o.feed.endpoint = endpoint;
    if (p.isSet(QStringLiteral("stream")))
        o.feed.kind =
            stream == QLatin1String("aggTrade") ? pairlab::StreamKind::AggTrade : pairlab::StreamKind::Trade;
    pairlab::MainWindow w(o);
    if (view == QLatin1String("pair"))
        w.showPairView();
    w.show();
    return QApplication::exec();
}
