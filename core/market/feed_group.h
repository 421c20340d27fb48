#pragma once

#include "market/binance_feed.h"

#include <QList>
#include <QObject>
#include <QStringList>

#include <memory>
#include <vector>

namespace pairlab {

class FrameRecorder;

/** The live trade feed of any number of symbols: their streams split over as many BinanceFeed connections
 *  as FeedConfig::streamsPerConnection asks (each with its own reconnect, stall and rotation machinery),
 *  opened 250 ms apart, seen from outside as one feed: one ticks() stream (a symbol's trades always come
 *  through one connection, in its order), one state (the worst of the connections, saying which one), summed
 *  statistics, one recording of every connection's frames. Symbols added while running fill the last
 *  connection's room through paced SUBSCRIBE messages, then new connections.
 *  Lives on the feed thread with its connections: construct, moveToThread(), invoke start() queued. */
class FeedGroup : public QObject
{
    Q_OBJECT
public:
    explicit FeedGroup(FeedConfig config, QObject *parent = nullptr);
    ~FeedGroup() override;

    /** The symbols of each connection: config.symbols in order, streamsPerConnection streams at most each. */
    static QList<QStringList> shards(const FeedConfig &config);

    int connectionCount() const { return int(m_feeds.size()); }
    const BinanceFeed *connection(int i) const { return m_feeds.at(std::size_t(i)); }
    FeedState state() const { return m_state; }
    /** Over every connection: counts summed, lag the largest, the newest malformed frame. */
    FeedStats stats() const;

public Q_SLOTS:
    void start();
    void stop();
    /** Planned reconnect of every connection (make before break). */
    void rotate();
    void startRecording(const QString &path);
    void stopRecording();
    /** Streams the trades of `symbols` too (those not streamed yet). */
    void subscribe(const QStringList &symbols);
    /** Streams the best bid/offer of these symbols too (streamed now or later). */
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
    BinanceFeed *addConnection(const QStringList &symbols);
    void onConnectionState(int index, FeedState state, const QString &detail);

    FeedConfig m_config;
    std::vector<BinanceFeed *> m_feeds;
    std::vector<FeedState> m_states;
    std::vector<QString> m_details;
    std::vector<FeedStats> m_stats;
    std::shared_ptr<FrameRecorder> m_recorder;
    FeedState m_state = FeedState::Stopped;
    bool m_running = false;
    int m_joining = 0; ///< connections added while running that have not started yet
};

} // namespace pairlab
