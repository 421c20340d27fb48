#pragma once

#include "market/bar.h"
#include "market/feed_group.h"
#include "market/gap_detector.h"
#include "session/history_filler.h"
#include "storage/tick_writer.h"

#include <QFuture>
#include <QObject>
#include <QThread>

#include <memory>

template <typename T> class QPromise;
class QTimer;

namespace pairlab {

class AggTradesBackfill;
class GapRecorder;
class GapWatcher;
class HistoryFiller;
struct BackfillOutcome;

/** The live data path wired together: BinanceFeed on the feed thread, TickWriter (ticks + bars) on the
 *  storage thread. Signals of both arrive here queued, on the thread that owns the session (the GUI or the
 *  CLI main thread). requestStop() returns at once: the feed flushes its last batch, the writer stores it and
 *  closes the database on the storage thread, then stopped() arrives and finished() completes. stop() and
 *  the destructor do the same and wait (the CLI, tests, the end of the application). */
class LiveSession : public QObject
{
    Q_OBJECT
public:
    LiveSession(FeedConfig feed, QString databasePath, QObject *parent = nullptr);
    ~LiveSession() override;

    void start();
    /** Stops without waiting (the GUI thread never joins a worker): stopped() follows. */
    void requestStop();
    /** requestStop() and waits until everything is stored and both threads have ended. */
    void stop();
    bool isRunning() const { return m_running; }
    /** Completes once the last batch is stored and the database is closed (from the storage thread). */
    QFuture<void> finished() const { return m_finished; }
    /** The storage thread opens the database only after `predecessor` completed: a session that replaces one
     *  on the same database never writes beside it (set before start()). */
    void setStartAfter(QFuture<void> predecessor) { m_startAfter = std::move(predecessor); }

    const FeedConfig &feedConfig() const { return m_config; }
    QString databasePath() const { return m_dbPath; }
    FeedGroup *feed() const { return m_feed; }
    /** Streams these symbols too, without a reconnect: paced SUBSCRIBE messages on the running connections,
     *  new connections beyond their room; a gap since a symbol's newest stored trade is found as at start,
     *  and its history is filled like the others'. */
    void addSymbols(const QStringList &symbols);
    /** Streams and stores the best bid/offer (quote bars) of these symbols too. */
    void addQuoteSymbols(const QStringList &symbols);

    void startRecording(const QString &path);
    void stopRecording();

    /** How often the writer retries a database that refuses writes (set before start()). */
    void setStorageRetryInterval(int ms) { m_storageRetryMs = ms; }
    /** The exchange's bars filled at start for every symbol (set before start(); days = 0: none), up to
     *  endMs (0: now; a replay's own time for the demo). On a thread of its own: live never waits for it. */
    void setHistory(const HistoryConfig &history, qint64 endMs = 0)
    {
        m_history = history;
        m_historyEndMs = endMs;
    }
    /** Stops the history back-fill (historyFinished() follows); the live feed goes on. */
    void cancelHistory();

    /** Funding settles while the session runs: a minute after the earliest next funding time the mark prices
     *  announce, the symbols' new funding events are asked for (HistoryFiller::fillFunding(); Binance
     *  publishes the settled rate at the funding time). When that is for marks seen at nowMs; -1: none due.
     */
    static qint64 fundingFetchAtMs(const std::vector<MarkPrice> &marks, qint64 nowMs);
    /** The fetch to keep scheduled when marks arrive at nowMs while `pendingAtMs` is (-1: none): a pending
     *  fetch is never moved later (at the funding time itself the marks already announce the next one, 8 h
     *  on), only earlier. -1: none. */
    static qint64 nextFundingFetchMs(qint64 pendingAtMs, const std::vector<MarkPrice> &marks, qint64 nowMs);
    static constexpr qint64 FundingSettleMs = 60'000;
    /** The funding fetch scheduled (epoch ms; -1: none). */
    qint64 nextFundingFetchMs() const { return m_fundingFetchAtMs; }

    /** Gaps in the trade ids (GapWatcher on the feed thread, in stream order): those recorded in the last
     *  week and this session's, by symbol and id. Each new gap is recorded 'open' and, with
     *  FeedConfig::backfill, filled from Binance's aggTrades history on the feed thread (AggTradesBackfill,
     *  its ticks through TickWriter); open gaps recorded by an earlier run are tried again at start. */
    const TradeGapList &gaps() const { return m_gaps; }

Q_SIGNALS:
    void stored(pairlab::TickBatch newTicks, pairlab::BarBatch bars, pairlab::WriteStats stats);
    /** The database refuses writes: the feed goes on, its ticks are held in memory and retried. */
    void storageError(const QString &message);
    void storageRecovered(qint64 storedTicks);
    void feedStateChanged(pairlab::FeedState state, const QString &detail);
    void feedStatsUpdated(const pairlab::FeedStats &stats);
    /** Mark price, index, funding rate and next funding time (FeedConfig::markPrices). */
    void markPrices(pairlab::MarkPriceBatch batch);
    void streamSilent(const QString &stream, int seconds);
    void streamResumed(const QString &stream);
    void errorReply(const QString &message);
    void recordingChanged(bool recording, const QString &pathOrError);
    void gapsChanged(const pairlab::TradeGapList &gaps);
    /** One line for the status bar on a detected, back-filled or unfillable gap (also logged). */
    void gapReport(const QString &message);
    /** After requestStop() (or stop()): everything is stored, both threads have ended. */
    void stopped();
    void historyProgress(const QString &symbol, int intervalSeconds, double daysDone, double daysTotal);
    void historyLanded(const QString &symbol, int intervalSeconds, qint64 stored);
    void historyFinished(const QStringList &problems, bool cancelled);

private:
    FeedConfig m_config;
    QString m_dbPath;
    QThread m_feedThread;
    QThread m_storageThread;
    QThread m_historyThread;
    HistoryFiller *m_filler = nullptr;
    HistoryConfig m_history{0, {}, {}};
    QTimer *m_fundingTimer = nullptr;
    qint64 m_fundingFetchAtMs = -1;
    void onMarkPrices(const MarkPriceBatch &batch);
    qint64 m_historyEndMs = 0;
    FeedGroup *m_feed = nullptr;
    GapWatcher *m_watcher = nullptr;
    TickWriter *m_writer = nullptr;
    bool m_running = false;
    int m_storageRetryMs = 2000;
    std::shared_ptr<QPromise<void>> m_done;
    QFuture<void> m_finished, m_startAfter;

    void takeGaps(std::vector<TradeGap> gaps);
    /** Spans more than tradeBackfillHours (the app was closed for long): recorded, not filled trade by trade.
     */
    bool tooLongToFill(const TradeGap &gap) const;
    void onBackfilled(const pairlab::BackfillOutcome &outcome);
    void mergeGaps(const TradeGapList &records);
    TradeGapList m_gaps;
    AggTradesBackfill *m_backfill = nullptr;
    GapRecorder *m_gapRecorder = nullptr;
};

void registerMetaTypes();

} // namespace pairlab
