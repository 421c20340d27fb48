#pragma once

#include "market/binance_feed.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QUrl>

class QSettings;

namespace pairlab {

/** Analysis parameters a new workspace starts with (the Pair screen's rolling window, bands, hedge
 *  method and ADF trend). */
struct AnalysisDefaults
{
    int window = 120;
    double entryZ = 2.0, exitZ = 0.5;
    QString hedgeMethod = QStringLiteral("ols"); ///< ols | huber | theil-sen | kalman
    QString adfTrend = QStringLiteral("c");      ///< c | ct | n

    friend bool operator==(const AnalysisDefaults &, const AnalysisDefaults &) = default;
};

/** The local API the app serves (Settings → API; README "Local API"): off until the user turns it on. */
struct ApiSettings
{
    bool enabled = false;
    int port = 8765;
    QString bind = QStringLiteral("127.0.0.1"); ///< an IP address; anything but loopback is warned about
    bool allowWrites = false;

    friend bool operator==(const ApiSettings &, const ApiSettings &) = default;
};

/** The application's preferences as Settings… edits them and QSettings stores them: the live feed
 *  (symbols, stream kind, endpoint, reconnect policy), the database (an SQLite file path or a
 *  postgresql:// URL, one key "database"; empty = the default file in the data directory), analysis
 *  defaults, notifications, theme and language. load() falls back to the defaults for missing or
 *  invalid values, so a hand-edited settings file never yields an unusable configuration. The command
 *  line overrides these (gui_main.cpp). Value type; any thread. */
struct AppSettings
{
    Q_DECLARE_TR_FUNCTIONS(AppSettings)
public:
    FeedConfig feed;
    QString database; ///< SQLite file or postgresql://user@host:port/dbname; empty = default file
    AnalysisDefaults analysis;
    bool trayMessages = true;
    bool sound = false;
    QString theme = QStringLiteral("system");    ///< system | light | dark
    QString language = QStringLiteral("system"); ///< system | en | de | zh_CN
    /** Whose best bid/offer (bookTicker) a live session streams and stores as quote bars: the legs of every
     *  pair shown in the Pair tab ("pair"), every streamed symbol ("all"), or none ("off"). */
    QString quotes = QStringLiteral("pair");
    ApiSettings api;
    /** The quote symbols of a session for `quotes`, with the pair's legs y and x. */
    QStringList quoteSymbols(const QString &y, const QString &x) const;

    static AppSettings load(const QSettings &settings);
    void save(QSettings &settings) const;

    /** Symbols from "BTCUSDT, ethusdt": upper-cased, trimmed, de-duplicated, each A–Z/0–9 only.
     *  False with a message naming the first bad one (or saying the list is empty). */
    static bool parseSymbols(const QString &text, QStringList *symbols, QString *error);
    /** A ws:// or wss:// URL with a host. */
    static bool validateEndpoint(const QString &text, QString *error);
    /** A postgresql:// (or postgres://) URL with a host and a database name. */
    static bool validatePostgresUrl(const QString &text, QString *error);
    static bool isPostgresUrl(const QString &database);
    /** The database string with a PostgreSQL URL's password removed: what save() stores. PairLab keeps no
     *  credentials; libpq reads the password from PGPASSWORD or ~/.pgpass. */
    static QString withoutPassword(const QString &database);
    /** An IPv4 or IPv6 address to listen on. */
    static bool validateBindAddress(const QString &text, QString *error);
    /** Reconnect base ≤ cap and every value in its range. */
    static bool validateReconnect(const FeedConfig &feed, QString *error);
    /** The database the window opens: `database`, or defaultFile when it is empty. */
    QString databaseOr(const QString &defaultFile) const;

    /** The feed fields Settings… edits (symbols, kind, endpoint, reconnect policy) equal. */
    static bool sameFeed(const FeedConfig &a, const FeedConfig &b);

    friend bool operator==(const AppSettings &a, const AppSettings &b)
    {
        return sameFeed(a.feed, b.feed) && a.database == b.database && a.analysis == b.analysis &&
               a.trayMessages == b.trayMessages && a.sound == b.sound && a.theme == b.theme &&
               a.language == b.language && a.quotes == b.quotes && a.api == b.api;
    }
};

} // namespace pairlab
