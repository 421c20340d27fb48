#pragma once

#include "market/binance_feed.h"
#include "market/binance_rest.h"
#include "market/gap_detector.h"
#include "market/tick.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QUrl>

#include <deque>
#include <optional>
#include <vector>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace pairlab {

struct BackfillConfig
{
    QUrl restBase = QUrl(QStringLiteral("https://fapi.binance.com"));
    StreamKind kind = StreamKind::Trade; ///< which ids the gaps count (trade ids or aggregate ids)
    int pageLimit = 1000;                ///< aggregate trades per request (Binance's maximum)
    int maxRequestsPerGap = 60;          ///< every request counts, retries too
    int requestWeight = 20;              ///< IP weight of GET /fapi/v1/aggTrades
    int weightPerMinute = 1200;          ///< own budget: half of the IP limit of 2400, for other programs
    int minIntervalMs = 100;             ///< at least this long between two requests
    int maxRetries = 3;                  ///< network errors, 5xx, timeouts, malformed answers in a row
    int retryBaseMs = 1000;              ///< backoff of those retries and of a 429 without Retry-After
    int retryCapMs = 60000;
    int timeoutMs = 10000; ///< a request that transfers nothing for this long is a network error
    std::shared_ptr<RestBan> ban = RestBan::shared(); ///< a 418 stops every client that shares it
};

/** What one back-fill did with one gap. */
struct BackfillOutcome
{
    TradeGap gap;                ///< as detected
    std::int64_t filledTo = -1;  ///< last id covered (gap.fromId - 1 when none)
    std::int64_t filledToMs = 0; ///< trade time of that id
    std::int64_t ticks = 0;      ///< ticks handed out
    std::int64_t missingIds = 0; ///< ids in the covered part that Binance's aggregate trades do not hold
    int requests = 0;
    int rateLimited = 0; ///< 429 answers
    QString reason;      ///< why filledTo + 1 .. gap.toId stays missing; empty when complete

    bool complete() const { return filledTo >= gap.toId; }
    /** The gap as stored afterwards: the covered part 'filled', the rest 'unfillable' with the reason. */
    TradeGapList records() const;
};

/** Fills gaps of the live stream from Binance's REST history, GET {restBase}/fapi/v1/aggTrades
 *  (compressed/aggregate trades: a, p, q, f, l, T, m), one request at a time, paging by aggregate id.
 *
 *  The aggTrade stream's ids are aggregate ids: an aggregate trade is one tick (tradeId = a). The trade
 *  stream's ids are trade ids; the first page is found by time (startTime = the trade time before the gap,
 *  a window under Binance's one-hour limit) and then paged by aggregate id. An aggregate trade covers trade
 *  ids f..l at one price, time and side with the summed quantity, and the single trades are not published.
 *  It becomes one tick per trade id inside the gap: the first carries the quantity (less what the stream
 *  delivered of it, TradeGap::edge, in exact decimal), the others quantity 0. So every trade id is stored
 *  once — a live tick with one of those ids later is a duplicate to TickWriter — and bars keep their open,
 *  high, low, close, volume and trade count. Ids inside the covered stretch that no aggregate trade holds
 *  (insurance-fund and ADL trades are not aggregated) are counted in missingIds.
 *
 *  Rate limits: each request weighs requestWeight; a request waits while the weight of the last minute
 *  (the larger of its own count and Binance's X-MBX-USED-WEIGHT-1m) would pass weightPerMinute. A 429 waits
 *  Retry-After seconds (else a backoff) and asks again; a 418 (IP banned) ends this gap and every queued one
 *  as unfillable and refuses requests until the ban is over. Network errors, 5xx and malformed answers
 *  are retried with backoff up to maxRetries in a row. No gap takes more than maxRequestsPerGap requests;
 *  what they did not reach is reported unfillable. Ticks leave per page through ticks() (into TickWriter,
 *  which de-duplicates them like any batch), then finished() says how the gap ended.
 *  Lives on a thread with an event loop (the feed thread): construct, moveToThread(), call fill() queued. */
class AggTradesBackfill : public QObject
{
    Q_OBJECT
public:
    explicit AggTradesBackfill(BackfillConfig config, QObject *parent = nullptr);
    ~AggTradesBackfill() override;

    const BackfillConfig &config() const { return m_config; }
    bool isBusy() const { return m_job.has_value(); }
    qint64 requestsSent() const { return m_requestsSent; }

    /** One row of an aggTrades answer. */
    struct AggTrade
    {
        std::int64_t a = 0, f = 0, l = 0, T = 0;
        double price = 0, qty = 0;
        QByteArray qtyText;
        bool buyerMaker = false;
    };
    static bool parsePage(const QByteArray &json, std::vector<AggTrade> *out, QString *error);
    static QUrl pageUrl(const BackfillConfig &config, const SymbolCode &symbol, std::int64_t fromId,
                        std::int64_t startMs = -1, std::int64_t endMs = -1);

public Q_SLOTS:
    void fill(const pairlab::TradeGap &gap);
    /** Drops the queue and the request in flight (no finished() for them). */
    void cancel();

Q_SIGNALS:
    void ticks(pairlab::TickBatch batch);
    void progress(const pairlab::TradeGap &gap, qint64 coveredTo, int requests);
    void finished(const pairlab::BackfillOutcome &outcome);

private:
    struct Job
    {
        BackfillOutcome outcome;
        std::int64_t nextAggId = -1; ///< -1: the first page is found by time
        int retries = 0;
    };
    void startNext();
    void schedule(qint64 delayMs);
    void send();
    void onReply(QNetworkReply *reply);
    void retry(const QString &why);
    void finish(const QString &reason);
    void refuse(const TradeGap &gap, const QString &reason);
    /** Takes one page; true when the gap is done (complete or nothing more to find). */
    bool takePage(const std::vector<AggTrade> &page, QString *reason);

    BackfillConfig m_config;
    QNetworkAccessManager *m_nam;
    QTimer *m_timer;
    QNetworkReply *m_reply = nullptr;
    std::deque<TradeGap> m_queue;
    std::optional<Job> m_job;
    RestPacer m_pacer;
    qint64 m_dueWallMs = 0; ///< no request before this wall-clock time (Retry-After, backoff)
    qint64 m_requestsSent = 0;
};

} // namespace pairlab

Q_DECLARE_METATYPE(pairlab::BackfillOutcome)
