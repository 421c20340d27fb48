#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <deque>
#include <memory>
#include <mutex>

class QNetworkReply;

namespace pairlab {

/** {base}{path}?{query}: base is scheme://host[:port][/prefix] (a trailing slash is ignored). */
QUrl binanceRestUrl(const QUrl &base, const QString &path, const QUrlQuery &query);

/** A 418 from Binance bans the IP address: no REST request may leave until it ends; a 429's Retry-After
 *  pauses every client likewise (the limit is the IP's, not one client's). Shared by every REST client that
 *  holds it (RestBan::shared() is the application's); thread-safe. */
class RestBan
{
public:
    /** The application's ban, held by every client unless a test gives one its own. */
    static std::shared_ptr<RestBan> shared();

    void banUntil(qint64 wallMs, const QString &reason);
    /** The end of the ban in force at wall-clock `nowMs` (and its reason), or -1 when there is none. */
    qint64 until(qint64 nowMs, QString *reason = nullptr) const;
    /** A 429's Retry-After: no request before wall-clock wallMs. */
    void pauseUntil(qint64 wallMs);
    /** How long requests still wait at wall-clock nowMs for the latest Retry-After (0: none). */
    qint64 pausedFor(qint64 nowMs) const;

private:
    mutable std::mutex m_mutex;
    qint64 m_untilMs = -1;
    qint64 m_pausedUntilMs = -1;
    QString m_reason;
};

/** How a client paces its requests to Binance's REST API. */
struct RestBudget
{
    int weightPerMinute = 1200; ///< own budget: half of the IP limit of 2400, for other programs
    int minIntervalMs = 100;    ///< at least this long between two requests
    int retryBaseMs = 1000;     ///< backoff of retries and of a 429 without Retry-After
    int retryCapMs = 60000;
};

/** One client's request pacing: the weights of its own requests over a sliding minute and Binance's count
 *  for this IP address (X-MBX-USED-WEIGHT-1m, per wall-clock minute) both stay within the budget, and
 *  requests are at least minIntervalMs apart. Belongs to the client's thread. */
class RestPacer
{
public:
    explicit RestPacer(RestBudget budget = {});
    const RestBudget &budget() const { return m_budget; }
    /** How long a request of `weight` must wait from now (0: it may leave). */
    qint64 delayMs(int weight) const;
    void sent(int weight);
    /** Takes Binance's count of the minute from an answer's X-MBX-USED-WEIGHT-1m header. */
    void answered(const QNetworkReply *reply);
    /** retryBaseMs · 2^attempt, at most retryCapMs. */
    qint64 backoffMs(int attempt) const;

private:
    RestBudget m_budget;
    QElapsedTimer m_clock;
    std::deque<std::pair<qint64, int>> m_sent; ///< clock ms and weight of the requests of the last minute
    qint64 m_serverWeight = -1;                ///< X-MBX-USED-WEIGHT-1m of the last answer
    qint64 m_serverWeightMinute = -1;
};

/** What a finished answer of Binance's REST API means for the client. */
struct RestAnswer
{
    enum class Kind {
        Ok,          ///< 200: body holds the payload
        Retry,       ///< no answer (refused, reset, timed out) or 5xx: try again after a backoff
        RateLimited, ///< 429: try again after waitMs (Retry-After), or a backoff when absent
        Banned,      ///< 418: the ban is recorded; no request until it ends
        Refused      ///< any other status: Binance's "msg" says why; asking again will not help
    };
    Kind kind = Kind::Ok;
    int status = 0;
    qint64 waitMs = -1; ///< Retry-After in ms (-1 when absent)
    QString message;    ///< why, for every kind but Ok
    QByteArray body;
};

/** Reads a finished reply: its body, its class, the pacer's server weight; a 418 bans `ban` for Retry-After
 *  (two minutes when absent). A request that transferred nothing for `timeoutMs` is named as such. */
RestAnswer readRestAnswer(QNetworkReply *reply, RestPacer &pacer, RestBan &ban, int timeoutMs);

} // namespace pairlab
