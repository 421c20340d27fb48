#pragma once

#include "market/bar.h"
#include "market/binance_feed.h"
#include "storage/tick_writer.h"

#include <QObject>
#include <QThread>

namespace pairlab {

/** The live data path wired together: BinanceFeed on the feed thread, TickWriter (ticks + bars) on the
 *  storage thread. Signals of both arrive here queued, on the thread that owns the session (the GUI or the
 *  CLI main thread). Stopping or destroying the session flushes the last batch and joins both threads. */
class LiveSession : public QObject
{
    Q_OBJECT
public:
    LiveSession(FeedConfig feed, QString databasePath, QObject *parent = nullptr);
    ~LiveSession() override;

    void start();
    void stop();
    bool isRunning() const { return m_running; }

    const FeedConfig &feedConfig() const { return m_config; }
    QString databasePath() const { return m_dbPath; }
    BinanceFeed *feed() const { return m_feed; }

    void startRecording(const QString &path);
    void stopRecording();

    /** How often the writer retries a database that refuses writes (set before start()). */
    void setStorageRetryInterval(int ms) { m_storageRetryMs = ms; }

Q_SIGNALS:
    void stored(pairlab::TickBatch newTicks, pairlab::BarBatch bars, pairlab::WriteStats stats);
    /** The database refuses writes: the feed goes on, its ticks are held in memory and retried. */
    void storageError(const QString &message);
    void storageRecovered(qint64 storedTicks);
    void feedStateChanged(pairlab::FeedState state, const QString &detail);
    void feedStatsUpdated(const pairlab::FeedStats &stats);
    void streamSilent(const QString &stream, int seconds);
    void streamResumed(const QString &stream);
    void errorReply(const QString &message);
    void recordingChanged(bool recording, const QString &pathOrError);

private:
    FeedConfig m_config;
    QString m_dbPath;
    QThread m_feedThread;
    QThread m_storageThread;
    BinanceFeed *m_feed = nullptr;
    TickWriter *m_writer = nullptr;
    bool m_running = false;
    int m_storageRetryMs = 2000;
};

void registerMetaTypes();

} // namespace pairlab
