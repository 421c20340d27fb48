#pragma once

#include "market/quote.h"
#include "market/tick.h"

#include <QAbstractSocket>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QUrl>

#include <memory>
#include <vector>

class QTimer;
class QWebSocket;

namespace pairlab {

class BinanceTradeParser;
class FrameRecorder;

/** Steady-clock now in ns, the clock of Tick::receivedNs (for end-to-end latency). */
qint64 steadyNowNs();

enum class StreamKind { Trade, AggTrade };

enum class FeedState { Stopped, Connecting, Connected, WaitingToReconnect };

struct FeedConfig
{
    /** USD-M futures trades are "regular market data", routed under /market. A stream on the wrong
     *  routed path is silently empty: the silent-stream watchdog names it. */
    QUrl endpoint = QUrl(QStringLiteral("wss://fstream.binance.com/market"));
    QStringList symbols = {QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")};
    StreamKind kind = StreamKind::Trade;
    int silentStreamSeconds = 20; ///< report a subscribed stream that delivered nothing for this long
    int stallSeconds = 30;        ///< no frame at all for this long: drop and reconnect
    int connectTimeoutSeconds = 10;
    int reconnectBaseMs = 500;
    int reconnectCapMs = 30000;
    qint64 rotateAfterMs = qint64(23) * 3600 * 1000 + qint64(30) * 60 * 1000; ///< Binance closes at 24 h
    int flushIntervalMs = 20; ///< ticks leave the feed thread in batches at least this often
    int maxBatch = 10000;
    /** Gaps in the trade ids are back-filled from this REST base (GET /fapi/v1/aggTrades) when on. */
    QUrl restBase = QUrl(QStringLiteral("https://fapi.binance.com"));
    bool backfill = true;
    /** Days of the exchange's 1 m and 5 m bars filled at start from the same REST base (0: none). */
    int historyDays = 7;
    /** Trades missed while the app was closed (the gap from the newest stored trade to the first live one)
     * are filled from aggTrades like any gap (with backfill) when it spans at most this long; a longer one is
     *  recorded unfilled, and the exchange's bars stand for it. */
    int tradeBackfillHours = 24;
    /** Streams per WebSocket connection. Binance takes up to 1024 on one; PairLab opens one connection per
     *  200 (FeedGroup), so that a URL stays a few kB long and a reconnect re-subscribes a fifth of 1,000. */
    int streamsPerConnection = 200;
    /** Streams added to a running connection go out as SUBSCRIBE messages of at most this many streams, one
     *  every subscribeIntervalMs (Binance takes at most 10 incoming messages a second on a connection). */
    int subscribeBatch = 50;
    int subscribeIntervalMs = 250;
    /** Symbols whose best bid/offer is streamed too (`<symbol>@bookTicker`, beside the trades); "*" for every
     *  streamed symbol. Quotes leave the feed thread in batches like the trades (quotes()). */
    QStringList quoteSymbols;
    /** Also `<symbol>@markPrice@1s` of every symbol (mark, index, funding rate, next funding time;
     *  markPrices()). On for a live session against Binance; a replay has none. */
    bool markPrices = false;
    bool quotesFor(const QString &symbol) const
    {
        return quoteSymbols.contains(QStringLiteral("*")) || quoteSymbols.contains(symbol);
    }
};

struct FeedStats
{
    double framesPerSecond = 0;
    qint64 frames = 0, ticks = 0, malformed = 0, unknown = 0, errorReplies = 0;
    qint64 quotes = 0;       ///< bookTicker updates received (emitted by quotes())
    qint64 unsubscribed = 0; ///< trades of a symbol the feed did not subscribe to (ignored, not emitted)
    qint64 reconnects = 0;
    qint64 lagMs = 0; ///< local receive time minus trade time of the latest tick
    QString lastMalformed;
};

/** Binance USD-M futures trade feed over one QWebSocket (combined stream of every symbol). Parses frames
 *  with BinanceTradeParser and emits ticks in batches (TickBatch, at most every flushIntervalMs).
 *  Reconnects with exponential backoff and jitter, drops a stalled connection, reports subscribed streams
 *  that stay silent, and rotates the connection before Binance's 24-hour limit (make before break: the new
 *  connection runs until it delivers, then the old one closes; the overlap is de-duplicated downstream).
 *  Every drop is reported in stateChanged's detail: a refused connection, a TLS/SSL or certificate error (the
 *  connection is refused, never continued), the server's close code and reason, a stall or a connect
 *  timeout. Trades of symbols that were not subscribed are counted and dropped.
 *  Lives on its own thread: construct, moveToThread(), then invoke start() through the event loop. */
class BinanceFeed : public QObject
{
    Q_OBJECT
public:
    explicit BinanceFeed(FeedConfig config, QObject *parent = nullptr);
    ~BinanceFeed() override;

    static QUrl streamUrl(const FeedConfig &config);
    static QStringList streamNames(const FeedConfig &config);
    /** Backoff before reconnect attempt n (0-based): min(cap, base * 2^n) scaled by a jitter in [0.5, 1]. */
    static int backoffMs(const FeedConfig &config, int attempt, double jitter01);

    FeedState state() const { return m_state; }
    FeedStats stats() const { return m_stats; }
    QStringList symbols() const { return m_config.symbols; }

public Q_SLOTS:
    void start();
    void stop();
    /** Planned reconnect now (make before break), as done before the 24-hour limit. */
    void rotate();
    void startRecording(const QString &path);
    void stopRecording();
    /** Records the frames into `recorder` (shared by the connections of a FeedGroup; null: stop). The
     *  recorder is written on this thread only; recordingChanged() is the caller's to say. */
    void setRecorder(std::shared_ptr<pairlab::FrameRecorder> recorder);
    /** Adds the trade streams of `symbols` to the running connection: SUBSCRIBE messages of at most
     *  subscribeBatch streams, one every subscribeIntervalMs; a (re)connection names them in its URL. */
    void subscribe(const QStringList &symbols);
    /** Streams the best bid/offer of these symbols too (those of this connection), by SUBSCRIBE like
     *  subscribe(). */
    void addQuoteSymbols(const QStringList &symbols);

Q_SIGNALS:
    void ticks(pairlab::TickBatch batch);
    void quotes(pairlab::QuoteBatch batch);
    void markPrices(pairlab::MarkPriceBatch batch);
    void stateChanged(pairlab::FeedState state, const QString &detail);
    void statsUpdated(const pairlab::FeedStats &stats);
    void streamSilent(const QString &stream, int seconds);
    void streamResumed(const QString &stream);
    void errorReply(const QString &message);
    void recordingChanged(bool recording, const QString &pathOrError);

private:
    QWebSocket *openSocket();
    void onText(QWebSocket *socket, const QString &message);
    void onDisconnected(QWebSocket *socket);
    void onError(QWebSocket *socket, QAbstractSocket::SocketError error);
    void dropConnection(const QString &why);
    void scheduleReconnect(const QString &why);
    void setState(FeedState s, const QString &detail);
    void flush();
    void watchdog();
    void sendSubscriptions();
    /** Queues SUBSCRIBE messages for the feed's streams that socket's URL did not name and that were not
     *  sent on it yet (a new connection: nothing was). */
    void subscribeMissing(QWebSocket *socket, bool newConnection);

    FeedConfig m_config;
    FeedState m_state = FeedState::Stopped;
    QWebSocket *m_socket = nullptr;
    QWebSocket *m_next = nullptr; // rotation in progress
    QTimer *m_flushTimer = nullptr;
    QTimer *m_watchdog = nullptr;
    QTimer *m_reconnectTimer = nullptr;
    std::unique_ptr<BinanceTradeParser> m_parser;
    std::shared_ptr<FrameRecorder> m_recorder;
    QTimer *m_subscribeTimer = nullptr;
    QStringList m_toSubscribe; ///< stream names not yet asked for on the connection
    QSet<QString> m_sentHere;  ///< streams asked for by SUBSCRIBE on the current connection
    int m_subscribeId = 0;
    std::vector<Tick> m_pending;
    std::vector<Quote> m_pendingQuotes;
    std::vector<MarkPrice> m_pendingMarks; ///< the newest per symbol since the last flush
    FeedStats m_stats;
    qint64 m_framesAtLastStats = 0;
    QElapsedTimer m_clock;
    qint64 m_lastFrameMs = 0;
    qint64 m_connectStartedMs = 0;
    qint64 m_connectedMs = 0;
    qint64 m_lastStatsMs = 0;
    int m_attempt = 0;
    bool m_running = false;
    QHash<QString, qint64> m_lastSeen; // stream -> clock ms
    QHash<QString, bool> m_silent;
    QSet<SymbolCode> m_subscribed; // empty: the URL names no streams, every symbol is taken
    QString m_failure;             // first reason reported for the current connection
    bool m_waitedForError = false; // disconnected() of the current attempt was held back once for error()
};

} // namespace pairlab

Q_DECLARE_METATYPE(pairlab::FeedState)
Q_DECLARE_METATYPE(pairlab::FeedStats)
