#include "settings/app_settings.h"

#include "models/analysis_choices.h"

#include <QHostAddress>
#include <QRegularExpression>
#include <QSettings>

namespace pairlab {

namespace {

const QStringList ThemeKeys{QStringLiteral("system"), QStringLiteral("light"), QStringLiteral("dark")};
const QStringList LanguageKeys{QStringLiteral("system"), QStringLiteral("en"), QStringLiteral("de"),
                               QStringLiteral("zh_CN")};

// Ranges of the reconnect policy (the Settings dialog's spin boxes use the same).
constexpr int MinBaseMs = 50, MaxBaseMs = 60000, MinCapMs = 100, MaxCapMs = 600000;
constexpr int MinStallS = 5, MaxStallS = 3600, MinTimeoutS = 1, MaxTimeoutS = 300;

int intIn(const QSettings &s, const QString &key, int fallback, int lo, int hi)
{
    bool ok = false;
    const int v = s.value(key).toInt(&ok);
    return ok && v >= lo && v <= hi ? v : fallback;
}

double doubleIn(const QSettings &s, const QString &key, double fallback, double lo, double hi)
{
    bool ok = false;
    const double v = s.value(key).toDouble(&ok);
    return ok && v >= lo && v <= hi ? v : fallback;
}

QString oneOf(const QSettings &s, const QString &key, const QStringList &keys, const QString &fallback)
{
    const QString v = s.value(key).toString();
    return keys.contains(v) ? v : fallback;
}

} // namespace

AppSettings AppSettings::load(const QSettings &s)
{
    AppSettings a;
    QStringList symbols;
    if (parseSymbols(s.value(QStringLiteral("feed/symbols")).toString(), &symbols, nullptr))
        a.feed.symbols = symbols;
    if (s.value(QStringLiteral("feed/stream")).toString() == QLatin1String("aggTrade"))
        a.feed.kind = StreamKind::AggTrade;
    const QString endpoint = s.value(QStringLiteral("feed/endpoint")).toString();
    if (validateEndpoint(endpoint, nullptr))
        a.feed.endpoint = QUrl(endpoint);
    FeedConfig f = a.feed;
    f.reconnectBaseMs =
        intIn(s, QStringLiteral("feed/reconnectBaseMs"), f.reconnectBaseMs, MinBaseMs, MaxBaseMs);
    f.reconnectCapMs = intIn(s, QStringLiteral("feed/reconnectCapMs"), f.reconnectCapMs, MinCapMs, MaxCapMs);
    f.stallSeconds = intIn(s, QStringLiteral("feed/stallSeconds"), f.stallSeconds, MinStallS, MaxStallS);
    f.connectTimeoutSeconds = intIn(s, QStringLiteral("feed/connectTimeoutSeconds"), f.connectTimeoutSeconds,
                                    MinTimeoutS, MaxTimeoutS);
    f.historyDays = intIn(s, QStringLiteral("feed/historyDays"), f.historyDays, 0, 90);
    f.tradeBackfillHours =
        intIn(s, QStringLiteral("feed/tradeBackfillHours"), f.tradeBackfillHours, 0, 24 * 7);
    if (validateReconnect(f, nullptr))
        a.feed = f;

    const QString db = s.value(QStringLiteral("database")).toString().trimmed();
    if (!isPostgresUrl(db) || validatePostgresUrl(db, nullptr))
        a.database = withoutPassword(db); // a password written by hand or by an older version is dropped

    a.quotes = oneOf(s, QStringLiteral("feed/quotes"),
                     {QStringLiteral("pair"), QStringLiteral("all"), QStringLiteral("off")}, a.quotes);
    a.analysis.window = intIn(s, QStringLiteral("analysis/window"), a.analysis.window, 5, 100000);
    a.analysis.entryZ = doubleIn(s, QStringLiteral("analysis/entryZ"), a.analysis.entryZ, 0.1, 10);
    a.analysis.exitZ = doubleIn(s, QStringLiteral("analysis/exitZ"), a.analysis.exitZ, 0, 10);
    if (a.analysis.exitZ >= a.analysis.entryZ) {
        a.analysis.entryZ = AnalysisDefaults().entryZ;
        a.analysis.exitZ = AnalysisDefaults().exitZ;
    }
    a.analysis.hedgeMethod =
        oneOf(s, QStringLiteral("analysis/hedgeMethod"), hedgeMethodKeys(), a.analysis.hedgeMethod);
    a.analysis.adfTrend = oneOf(s, QStringLiteral("analysis/adfTrend"), adfTrendKeys(), a.analysis.adfTrend);

    a.api.enabled = s.value(QStringLiteral("api/enabled"), a.api.enabled).toBool();
    a.api.port = intIn(s, QStringLiteral("api/port"), a.api.port, 1, 65535);
    const QString bind = s.value(QStringLiteral("api/bind"), a.api.bind).toString().trimmed();
    if (validateBindAddress(bind, nullptr))
        a.api.bind = bind;
    a.api.allowWrites = s.value(QStringLiteral("api/allowWrites"), a.api.allowWrites).toBool();

    a.trayMessages = s.value(QStringLiteral("notify/tray"), a.trayMessages).toBool();
    a.sound = s.value(QStringLiteral("notify/sound"), a.sound).toBool();
    a.theme = oneOf(s, QStringLiteral("theme"), ThemeKeys, a.theme);
    a.language = oneOf(s, QStringLiteral("language"), LanguageKeys, a.language);
    return a;
}

QStringList AppSettings::quoteSymbols(const QString &y, const QString &x) const
{
    if (quotes == QLatin1String("all"))
        return {QStringLiteral("*")};
    if (quotes == QLatin1String("off"))
        return {};
    QStringList legs;
    for (const QString &s : {y, x})
        if (!s.isEmpty() && !legs.contains(s))
            legs << s;
    return legs;
}

bool AppSettings::validateBindAddress(const QString &text, QString *error)
{
    QHostAddress address;
    if (address.setAddress(text.trimmed()))
        return true;
    if (error)
        *error = tr("API address: '%1' is not an IP address (127.0.0.1 serves this computer only)").arg(text);
    return false;
}

void AppSettings::save(QSettings &s) const
{
    s.setValue(QStringLiteral("api/enabled"), api.enabled);
    s.setValue(QStringLiteral("api/port"), api.port);
    s.setValue(QStringLiteral("api/bind"), api.bind);
    s.setValue(QStringLiteral("api/allowWrites"), api.allowWrites);
    s.setValue(QStringLiteral("feed/symbols"), feed.symbols.join(QLatin1Char(',')));
    s.setValue(QStringLiteral("feed/stream"),
               feed.kind == StreamKind::AggTrade ? QStringLiteral("aggTrade") : QStringLiteral("trade"));
    s.setValue(QStringLiteral("feed/endpoint"), feed.endpoint.toString());
    s.setValue(QStringLiteral("feed/reconnectBaseMs"), feed.reconnectBaseMs);
    s.setValue(QStringLiteral("feed/reconnectCapMs"), feed.reconnectCapMs);
    s.setValue(QStringLiteral("feed/stallSeconds"), feed.stallSeconds);
    s.setValue(QStringLiteral("feed/connectTimeoutSeconds"), feed.connectTimeoutSeconds);
    s.setValue(QStringLiteral("feed/historyDays"), feed.historyDays);
    s.setValue(QStringLiteral("feed/tradeBackfillHours"), feed.tradeBackfillHours);
    s.setValue(QStringLiteral("feed/quotes"), quotes);
    s.setValue(QStringLiteral("database"), withoutPassword(database));
    s.setValue(QStringLiteral("analysis/window"), analysis.window);
    s.setValue(QStringLiteral("analysis/entryZ"), analysis.entryZ);
    s.setValue(QStringLiteral("analysis/exitZ"), analysis.exitZ);
    s.setValue(QStringLiteral("analysis/hedgeMethod"), analysis.hedgeMethod);
    s.setValue(QStringLiteral("analysis/adfTrend"), analysis.adfTrend);
    s.setValue(QStringLiteral("notify/tray"), trayMessages);
    s.setValue(QStringLiteral("notify/sound"), sound);
    s.setValue(QStringLiteral("theme"), theme);
    s.setValue(QStringLiteral("language"), language);
}

bool AppSettings::parseSymbols(const QString &text, QStringList *symbols, QString *error)
{
    static const QRegularExpression valid(QStringLiteral("^[A-Z0-9]{2,20}$"));
    QStringList out;
    const QStringList parts = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        const QString s = part.trimmed().toUpper();
        if (s.isEmpty())
            continue;
        if (!valid.match(s).hasMatch()) {
            if (error)
                *error = tr("“%1” is not a Binance symbol (2–20 letters A–Z and digits, e.g. BTCUSDT).")
                             .arg(part.trimmed());
            return false;
        }
        if (!out.contains(s))
            out << s;
    }
    if (out.isEmpty()) {
        if (error)
            *error = tr("Enter at least one symbol, e.g. BTCUSDT,ETHUSDT.");
        return false;
    }
    if (symbols)
        *symbols = out;
    return true;
}

bool AppSettings::validateEndpoint(const QString &text, QString *error)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QLatin1String("ws") && url.scheme() != QLatin1String("wss")) ||
        url.host().isEmpty()) {
        if (error)
            *error = tr("The endpoint must be a ws:// or wss:// URL with a host, e.g. "
                        "wss://fstream.binance.com/market.");
        return false;
    }
    return true;
}

bool AppSettings::isPostgresUrl(const QString &database)
{
    return database.startsWith(QLatin1String("postgresql://")) ||
           database.startsWith(QLatin1String("postgres://"));
}

QString AppSettings::withoutPassword(const QString &database)
{
    if (!isPostgresUrl(database.trimmed()))
        return database;
    QUrl url(database.trimmed());
    if (url.password().isEmpty())
        return database;
    url.setPassword(QString());
    return url.toString();
}

bool AppSettings::validatePostgresUrl(const QString &text, QString *error)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    const QString db = url.path().mid(1);
    const bool ok = url.isValid() && isPostgresUrl(text.trimmed()) && !url.host().isEmpty() &&
                    !db.isEmpty() && !db.contains(QLatin1Char('/')) && (url.port() == -1 || url.port() > 0);
    if (!ok && error)
        *error = tr("Enter a PostgreSQL URL like postgresql://user@host:5432/pairlab (host and database name "
                    "required).");
    return ok;
}

bool AppSettings::validateReconnect(const FeedConfig &f, QString *error)
{
    QString why;
    if (f.reconnectBaseMs < MinBaseMs || f.reconnectBaseMs > MaxBaseMs)
        why = tr("The reconnect delay must be between %1 and %2 ms.").arg(MinBaseMs).arg(MaxBaseMs);
    else if (f.reconnectCapMs < MinCapMs || f.reconnectCapMs > MaxCapMs)
        why = tr("The longest reconnect delay must be between %1 and %2 ms.").arg(MinCapMs).arg(MaxCapMs);
    else if (f.reconnectCapMs < f.reconnectBaseMs)
        why = tr("The longest reconnect delay must not be shorter than the first one.");
    else if (f.stallSeconds < MinStallS || f.stallSeconds > MaxStallS)
        why = tr("The stall timeout must be between %1 and %2 s.").arg(MinStallS).arg(MaxStallS);
    else if (f.connectTimeoutSeconds < MinTimeoutS || f.connectTimeoutSeconds > MaxTimeoutS)
        why = tr("The connect timeout must be between %1 and %2 s.").arg(MinTimeoutS).arg(MaxTimeoutS);
    if (error)
        *error = why;
    return why.isEmpty();
}

QString AppSettings::databaseOr(const QString &defaultFile) const
{
    return database.isEmpty() ? defaultFile : database;
}

bool AppSettings::sameFeed(const FeedConfig &a, const FeedConfig &b)
{
    return a.symbols == b.symbols && a.kind == b.kind && a.endpoint == b.endpoint &&
           a.reconnectBaseMs == b.reconnectBaseMs && a.reconnectCapMs == b.reconnectCapMs &&
           a.stallSeconds == b.stallSeconds && a.connectTimeoutSeconds == b.connectTimeoutSeconds;
}

} // namespace pairlab
