#pragma once

#include "market/binance_feed.h"
#include "market/binance_rest.h"
#include "session/live_session.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace pairlab {

class ReplayServer;

/** The lifecycle of the one data session the window shows: live Binance, the bundled demo recording, or a
 *  recording opened as a replay (served by a local ReplayServer through the same WebSocket path). It starts
 *  and stops LiveSession, counts stored and unsaved trades, logs the feed's events, and tells the window
 *  what to say (status messages, the "no trades" banner) through signals; the window only displays.
 *  GUI thread. */
class SessionController : public QObject
{
    Q_OBJECT
public:
    enum class Kind { None, Live, Demo, Replay };
    Q_ENUM(Kind)

    /** How much of the demo recording arrives at once, as history, before it plays at its speed. */
    static constexpr qint64 kDemoHeadStartMs = 150'000;

    explicit SessionController(QObject *parent = nullptr);
    ~SessionController() override;

    /** Seconds without a stored trade before a live session offers the demo (0 = never). */
    void setNoDataHintSeconds(int seconds) { m_noDataHintSeconds = seconds; }
    /** Replay speed of the demo (1 = real time). */
    void setDemoSpeed(double speed) { m_demoSpeed = speed; }

    void startLive(const FeedConfig &feed, const QString &databasePath);
    /** The bundled real recording into a scratch database, emptied first (a SQLite file is removed; a
        PostgreSQL one is kept), so that every demo looks like the first; false (and error) when its
        replay server cannot start or the file cannot be removed. */
    bool startDemo(const FeedConfig &base, const QString &scratchDatabasePath, QString *error);
    /** A recording file served as a replay of its own symbols, into a scratch database as startDemo. */
    bool startReplay(const QString &recordingPath, const FeedConfig &base, const QString &scratchDatabasePath,
                     QString *error);
    void stop();
    /** Removes a scratch SQLite database (and its -wal, -shm, -journal files); true for PostgreSQL. */
    bool resetScratchDatabase(const QString &path, QString *error);

    Kind kind() const { return m_kind; }
    bool isRunning() const { return m_session != nullptr; }
    /** A live session streams these symbols too, without reconnecting (LiveSession::addSymbols);
     *  symbolsChanged() follows. False when no live session runs (a demo or replay has its own symbols). */
    bool addSymbols(const QStringList &symbols);
    /** Streams and stores the quotes of these symbols too in the running session — live, the demo or a replay
     *  (false: none runs). */
    bool addQuoteSymbols(const QStringList &symbols);
    bool isReplay() const { return m_kind == Kind::Demo || m_kind == Kind::Replay; }
    LiveSession *session() const { return m_session.get(); }
    /** Stopped sessions still storing their last batch or closing their database. */
    int retiringSessions() const { return int(m_retiring.size()); }
    ReplayServer *replayServer() const { return m_server; }
    QString databasePath() const { return m_dbPath; }
    QStringList symbols() const { return m_symbols; }
    qint64 storedTicks() const { return m_stored; }
    qint64 unsavedTicks() const { return m_unsaved; }
    FeedState feedState() const { return m_state; }
    QString feedDetail() const { return m_detail; }
    bool isRecording() const { return m_recording; }
    void startRecording(const QString &path);
    void stopRecording();
    /** Stops the history back-fill of the running session; the live feed goes on. */
    void cancelHistory();

    /** The REST base of the session (Binance for a live one, the demo's loopback server); empty for a replay,
     *  whose own time has no exchange behind it. */
    QUrl restBase() const { return m_restBase; }
    /** The REST ban the session's requests respect (the demo's loopback server has its own). */
    std::shared_ptr<RestBan> restBan() const { return m_restBan; }

Q_SIGNALS:
    /** The running session streams these symbols now (after addSymbols()). */
    void symbolsChanged(const QStringList &symbols);
    /** A session started on databasePath with these symbols. */
    void started(pairlab::SessionController::Kind kind, const QStringList &symbols,
                 const QString &databasePath);
    void stored(pairlab::TickBatch newTicks, pairlab::BarBatch bars, pairlab::WriteStats stats);
    void countsChanged(qint64 stored, qint64 unsaved);
    void feedStateChanged(pairlab::FeedState state, const QString &detail);
    void feedStatsUpdated(const pairlab::FeedStats &stats);
    /** Mark prices and funding of the live session's symbols (a live session against Binance only). */
    void markPrices(pairlab::MarkPriceBatch batch);
    void gapsChanged(const pairlab::TradeGapList &gaps);
    void recordingChanged(bool recording, const QString &pathOrError);
    /** A line for the status bar (timeoutMs 0 = until replaced). */
    void message(const QString &text, int timeoutMs);
    /** A live session stored nothing for a while: the window offers the demo. */
    /** Nothing stored for noDataHintSeconds after a live start; `text` says so without the feed's state,
     *  which keeps changing (feedState() carries it). */
    void noTrades(const QString &text);
    /** "history BTCUSDT 1m: 3.2 of 7 days" while the exchange's bars are filled; empty when done. */
    void historyProgress(const QString &text);
    /** New bars of the exchange are stored for symbol/interval: views showing them reload. */
    void historyLanded(const QString &symbol, int intervalSeconds, qint64 stored);
    /** The demo or replay has served its last frame. */
    void replayFinished();

private:
    void begin(Kind kind, const FeedConfig &feed, const QString &databasePath);
    bool serve(const QString &recordingPath, QString *error);
    void onFeedState(FeedState state, const QString &detail);
    void onFeedStats(const FeedStats &stats);

    std::unique_ptr<LiveSession> m_session;
    /** Stopped sessions still storing their last batch (no join on this thread); deleted on stopped(). */
    std::vector<std::unique_ptr<LiveSession>> m_retiring;
    QFuture<void> m_lastSessionDone; ///< the newest stopped session's end: the next one opens after it
    QPointer<ReplayServer> m_server;
    qint64 m_historyEndMs = 0; ///< the end of the history a session fills (0: now; a replay's own time)
    QUrl m_restBase;
    std::shared_ptr<RestBan> m_restBan = RestBan::shared();
    Kind m_kind = Kind::None;
    QString m_dbPath;
    QStringList m_symbols;
    qint64 m_stored = 0, m_unsaved = 0;
    qint64 m_startedMs = 0;
    qint64 m_lastReconnects = 0, m_lastMalformed = 0;
    FeedState m_state = FeedState::Stopped;
    QString m_detail;
    bool m_recording = false;
    bool m_replayEnded = false;
    int m_noDataHintSeconds = 15;
    double m_demoSpeed = 1.0;
};

} // namespace pairlab
