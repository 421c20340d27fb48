#pragma once

#include "market/bar.h"
#include "market/binance_rest.h"
#include "market/funding.h"

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QUrl>

#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace pairlab {

/** Bars of one symbol and bar length whose open time lies in [fromMs, toMs), or (Series::Funding) the
 *  symbol's funding events with fromMs <= funding time < toMs. */
struct KlineRange
{
    enum class Series { Klines, Funding };
    QString symbol;
    int intervalSeconds = 60; ///< klines only
    qint64 fromMs = 0, toMs = 0;
    Series series = Series::Klines;
    qint64 bars() const; ///< how many bar open times the range holds (klines)
    bool isFunding() const { return series == Series::Funding; }
};

/** How the back-fill of one range ended. */
struct KlineOutcome
{
    KlineRange range;
    qint64 received = 0;    ///< klines Binance sent inside the range
    qint64 stored = 0;      ///< of them, new to the database (the others were stored before)
    qint64 coveredToMs = 0; ///< every open time before this is answered (fromMs when nothing was)
    int requests = 0;       ///< retries included
    int weight = 0;         ///< the requests' weight
    int rateLimited = 0;    ///< 429 answers
    QString error;          ///< why [coveredToMs, toMs) is not done; empty when complete
    bool complete() const { return error.isEmpty(); }
};

struct KlineHistoryConfig
{
    QUrl restBase = QUrl(QStringLiteral("https://fapi.binance.com"));
    int pageLimit = 1500; ///< klines per request (Binance's maximum)
    int maxAttempts = 5; ///< failed answers in a row (no answer, 5xx, 429, malformed) before a range gives up
    int timeoutMs = 10000; ///< a request that transfers nothing for this long has failed
    RestBudget budget;
    std::shared_ptr<RestBan> ban = RestBan::shared(); ///< a 418 stops every client that shares it
};

/** IP weight of GET /fapi/v1/klines by its limit, as Binance documents it: 1 below 100, 2 below 500, 5 up to
 *  1000, 10 above. */
int klineRequestWeight(int limit);

/** GET /fapi/v1/fundingRate has its own limit, 500 requests per 5 minutes per IP address, beside the IP
 *  weight. Counting each request as this much of the 1200 weight a minute the client allows itself keeps it
 *  at 50 a minute: half of that limit, as the weight budget is half of the IP's. */
inline constexpr int FundingRequestWeight = 24;
/** Events per GET /fapi/v1/fundingRate (Binance's maximum). */
inline constexpr int FundingPageLimit = 1000;

/** Parses a GET /fapi/v1/klines answer: arrays of [open time, "open", "high", "low", "close", "volume", close
 *  time, "quote volume", trades, ...]. Open times must rise and lie on the bar length's grid; every price and
 *  the volume must be finite numbers (prices > 0). */
bool parseKlines(const QByteArray &json, int intervalSeconds, std::vector<Bar> *out, QString *error);

/** Fills ranges of bars from Binance's REST history, GET {restBase}/fapi/v1/klines (symbol, interval,
 *  startTime, endTime, limit), one request at a time, oldest first, paging by open time; funding ranges
 *  likewise from GET /fapi/v1/fundingRate (symbol, startTime, endTime, limit), paging by funding time, into
 *  the funding store (setFundingStore()).
 *
 *  Every page goes to the store function (on this thread) as it arrives, so a range cut short keeps what
 *  came and a second run asks only for the rest. A page that ends before the range does is followed by the
 *  next page from its last open time on; an empty answer, given twice in a row, means Binance has no bar left
 *  in the range (a symbol listed later, or delisted), which completes it.
 *
 *  Rate limits (RestPacer): each request weighs klineRequestWeight(limit); a request waits while the weight
 *  of the last minute, its own count or Binance's X-MBX-USED-WEIGHT-1m, would pass the budget. A 429 waits
 *  Retry-After (a backoff when absent) on a precise timer that is checked against the clock, so no request
 *  leaves early. A 418 ends this range and every queued one and refuses requests until the ban is over.
 *  No answer, a timeout, a 5xx or a malformed answer is retried with backoff; maxAttempts failed answers in
 *  a row end the range. Any other refusal (an unknown symbol) ends it at once with Binance's message.
 *  Lives on a thread with an event loop: construct, moveToThread(), call fill() queued. */
class KlineHistory : public QObject
{
    Q_OBJECT
public:
    /** Stores bars of a range (all of them inside it, ascending); false with a reason stops the range. */
    using Store = std::function<bool(const KlineRange &range, const std::vector<Bar> &bars, qint64 *stored,
                                     QString *error)>;

    /** Stores funding events of a funding range (inside it, ascending). */
    using FundingStoreFunction = std::function<bool(
        const KlineRange &range, const std::vector<FundingEvent> &events, qint64 *stored, QString *error)>;

    KlineHistory(KlineHistoryConfig config, Store store, QObject *parent = nullptr);
    /** Where funding ranges go; a funding range without one ends with an error. */
    void setFundingStore(FundingStoreFunction store) { m_fundingStore = std::move(store); }
    ~KlineHistory() override;

    const KlineHistoryConfig &config() const { return m_config; }
    bool isBusy() const { return m_job.has_value() || !m_queue.empty(); }
    static QUrl pageUrl(const KlineHistoryConfig &config, const KlineRange &range, qint64 startMs, int limit);

public Q_SLOTS:
    /** Queues ranges behind the ones already queued, each cut after the last bar closed 5 s ago (a bar
     *  still forming is never asked for: it would be stored as final). */
    void fill(const QList<pairlab::KlineRange> &ranges);
    /** Drops the queue and the request in flight: no rangeFinished() for them, idle() follows. */
    void cancel();

Q_SIGNALS:
    /** After each stored page. */
    void progress(const pairlab::KlineRange &range, qint64 coveredToMs, qint64 stored);
    void rangeFinished(const pairlab::KlineOutcome &outcome);
    /** Nothing queued or running any more. */
    void idle();

private:
    struct Job
    {
        KlineOutcome outcome;
        int failures = 0;     ///< failed answers in a row
        int emptyAnswers = 0; ///< empty pages in a row (two end the range)
    };
    void startNext();
    void schedule(qint64 delayMs);
    void onTimer();
    void send();
    void onReply(QNetworkReply *reply);
    void retry(const QString &why, qint64 waitMs = -1);
    void takePage(const QByteArray &body);
    void finish(const QString &error);
    int nextLimit() const;
    int requestWeight() const;
    void takeFundingPage(const QByteArray &body);
    /** What a page brought: stored, moved the covered time, went on or finished. */
    void pageStored(qint64 received, qint64 stored, qint64 coveredToMs);
    /** An empty page: asks once more, then completes the range. */
    void emptyPage();

    KlineHistoryConfig m_config;
    Store m_store;
    FundingStoreFunction m_fundingStore;
    QNetworkAccessManager *m_nam;
    QTimer *m_timer;
    QElapsedTimer m_clock;
    qint64 m_dueMs = 0; ///< m_clock time before which the next request must not leave
    QNetworkReply *m_reply = nullptr;
    std::deque<KlineRange> m_queue;
    std::optional<Job> m_job;
    RestPacer m_pacer;
};

/** "BTCUSDT 1m 2025-05-20 00:00 – 2025-05-27 00:00 UTC" */
QString klineRangeText(const KlineRange &range);

void registerKlineMetaTypes();

} // namespace pairlab

Q_DECLARE_METATYPE(pairlab::KlineRange)
Q_DECLARE_METATYPE(pairlab::KlineOutcome)
