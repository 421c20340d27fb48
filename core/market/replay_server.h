#pragma once

#include "market/recording.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QUrl>
#include <QWebSocketProtocol>

#include <memory>
#include <vector>

class QWebSocket;
class QWebSocketServer;
class QTimer;

namespace pairlab {

/** Serves a recording on ws://127.0.0.1:<port> in Binance's combined-stream format, so that the demo and
 *  the tests run the very same WebSocket path as a live session. Honours the `streams=` query of the
 *  client's URL (frames of other streams are not sent). Paces frames in real time × speed from the
 *  recorded times, or as fast as the socket drains (speed 0).
 *  Fault injection for tests: after N frames of a connection drop it, close it with a WebSocket close code
 * and reason, or fall silent while keeping it open (a stall); resume a reconnecting client a number of frames
 *  *before* where the last connection stopped (an overlapping stretch); pace frames at a fixed rate; send
 *  streams the client did not subscribe to. Duplicated or shuffled frames come in through the Recording.
 *  Lives on the thread that created it (usually the GUI or CLI main thread; it only sends). */
class ReplayServer : public QObject
{
    Q_OBJECT
public:
    explicit ReplayServer(QObject *parent = nullptr);
    ~ReplayServer() override;

    bool load(const QString &path, QString *error);
    void setRecording(Recording recording);
    const Recording &recording() const { return m_recording; }

    void setSpeed(double speed) { m_speed = speed; } ///< 1 = real time; 0 = as fast as possible
    /** The first `ms` of the recording are due at once (sent as history), the rest paced by speed. */
    void setHeadStartMs(qint64 ms) { m_headStartMs = ms; }
    void setLoop(bool loop) { m_loop = loop; } ///< start over at the end (the demo)
    void setDropAfterFrames(int frames) { m_dropAfter = frames; }
    void setOverlapOnReconnect(int frames) { m_overlap = frames; }
    /** Each connection goes silent after this many frames but stays open (0: never). */
    void setStallAfterFrames(int frames) { m_stallAfter = frames; }
    /** Each connection is closed with this close code and reason after this many frames (0: never). */
    void setCloseAfterFrames(int frames, QWebSocketProtocol::CloseCode code, const QString &reason)
    {
        m_closeAfter = frames;
        m_closeCode = code;
        m_closeReason = reason;
    }
    /** Sends at this fixed rate instead of the recorded times (0: by speed). */
    void setFramesPerSecond(double rate) { m_framesPerSecond = rate; }
    /** Ignores the client's streams= query and sends every stream of the recording. */
    void setSendUnsubscribed(bool on) { m_sendUnsubscribed = on; }

    bool listen(quint16 port, QString *error);
    quint16 port() const;
    /** ws://127.0.0.1:<port> — append "/stream?streams=..." as for Binance, or use directly. */
    QUrl url() const;

    qint64 framesSent() const { return m_framesSent; }
    int connectionCount() const { return m_connections; }
    /** Every SUBSCRIBE message a client sent, as Binance answers it ({"result":null,"id":…}, the streams
     *  added to that connection): when (ms since the server started) and how many streams it named. */
    struct Subscription
    {
        qint64 atMs = 0;
        int streams = 0;
    };
    const QList<Subscription> &subscriptions() const { return m_subscriptions; }
    /** The streams= query of every connection so far, in connection order. */
    const QStringList &requestedStreams() const { return m_requested; }

Q_SIGNALS:
    void clientConnected();
    void finished(); ///< every frame of the recording was sent (not emitted when looping)

private:
    struct Session;
    void onNewConnection();
    void pump(Session *s);
    void endSession(Session *s, bool dropped);
    bool injectFault(Session *s);
    void onClientText(Session *s, const QString &message);

    Recording m_recording;
    QWebSocketServer *m_server = nullptr;
    std::vector<std::unique_ptr<Session>> m_sessions;
    double m_speed = 1.0;
    qint64 m_headStartMs = 0;
    bool m_loop = false;
    int m_dropAfter = 0;
    int m_overlap = 0;
    int m_stallAfter = 0;
    int m_closeAfter = 0;
    QWebSocketProtocol::CloseCode m_closeCode = QWebSocketProtocol::CloseCodeNormal;
    QString m_closeReason;
    double m_framesPerSecond = 0;
    bool m_sendUnsubscribed = false;
    QHash<QString, std::size_t> m_resumeAt; ///< per streams= query: where a reconnect resumes
    qint64 m_framesSent = 0;
    int m_connections = 0;
    QElapsedTimer m_clock;
    QList<Subscription> m_subscriptions;
    QStringList m_requested;
};

} // namespace pairlab
