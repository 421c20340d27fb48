#pragma once

#include "alerts/alert_expression.h"
#include "alerts/alert_rule.h"
#include "api/http_request.h"
#include "market/bar.h"

#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QThreadPool>

#include <memory>

class QTcpServer;
class QTcpSocket;
class QThread;
class QWebSocket;
class QWebSocketServer;

namespace pairlab {

struct ApiServerConfig
{
    QHostAddress bind = QHostAddress::LocalHost;
    quint16 port = 8765; ///< 0: any free port
    QString token;       ///< every request needs "Authorization: Bearer <token>"
    QString databasePath;
    bool allowWrites = false;
    int maxConnections = 512;  ///< HTTP and WebSocket together; more are answered 503 and closed
    int idleTimeoutMs = 30000; ///< an HTTP connection silent this long is closed
    int workers = 4;           ///< threads that answer requests (database reads, analyses)
    /** Bytes a stream client may have unsent before its bars and pair updates coalesce to the latest. */
    qint64 streamHighWater = qint64(256) * 1024;
    /** Alert events a stream client may have queued before it is closed as too slow (events are not dropped).
     */
    int streamMaxQueuedEvents = 100000;
};

/** The local API (README "Local API"): HTTP/1.1 on a QTcpServer, answered by handleApiRequest() on a pool of
 *  worker threads, and the push stream /v1/stream on WebSockets. It reads requests with parseHttpRequest()
 *  under its limits (16 KB of head, body limits, connection count, idle timeout), checks the token before
 *  anything else and answers 401 with an empty body without it. It never touches a widget: the app runs it
 *  on a thread of its own (ApiHost), pairlab-cli serve on its main thread; the live data comes in through
 *  the queued slots below, as values. */
class ApiServer : public QObject
{
    Q_OBJECT
public:
    explicit ApiServer(ApiServerConfig config, QObject *parent = nullptr);
    ~ApiServer() override;

    /** Starts listening (on the object's thread); false with `error` when the address is taken. */
    bool listen(QString *error);
    quint16 port() const;
    const ApiServerConfig &config() const { return m_config; }
    int connectionCount() const { return int(m_connections.size()); }
    int streamCount() const { return int(m_streams.size()); }

public Q_SLOTS:
    /** The feed's state as /v1/health reports it ({"state", "detail", "symbols", "stored_ticks", …}). */
    void setFeed(const QJsonObject &feed);
    /** New bar fragments of the session: merged and pushed to "bars" subscribers. */
    void publishBars(const pairlab::BarBatch &bars);
    /** A pair analytics update (the alert variables of the update: z, spread, beta, kalman_z, …) to "pair"
     *  subscribers; a slow one gets the latest per pair. */
    void publishPair(const QString &pair, const pairlab::AlertVariables &values);
    /** Alert events as stored (ids set), to "alerts" subscribers: each exactly once, never coalesced. */
    void publishAlertEvents(const QList<pairlab::AlertEvent> &events);
    void close();

Q_SIGNALS:
    /** A request created or deleted an alert rule: the alert service re-reads its rules. */
    void alertRulesChanged();
    void statsChanged(int connections, int streams);

private:
    struct Connection;
    struct Stream;
    void onNewConnection();
    void onReadyRead(Connection *c);
    void respond(Connection *c, const HttpResponse &response, bool keepAlive);
    void dispatch(Connection *c, HttpRequest request);
    void drop(Connection *c);
    bool authorised(const HttpRequest &request) const;
    void upgrade(Connection *c, const HttpRequest &request);
    void onStreamConnected();
    void queueToStream(Stream *s, const QString &key, const QByteArray &message, bool event);
    void flushStream(Stream *s);
    QJsonObject liveState() const;

    ApiServerConfig m_config;
    HttpLimits m_limits;
    QTcpServer *m_server = nullptr;
    QWebSocketServer *m_ws = nullptr;
    QThreadPool m_pool;
    QHash<QTcpSocket *, Connection *> m_connections;
    QHash<QWebSocket *, Stream *> m_streams;
    /** Upgrading sockets: their stream's topics and event cursor, until the WebSocket handshake is done. */
    QHash<QTcpSocket *, HttpRequest> m_upgrading;
    QJsonObject m_feed;
    struct OpenBar
    {
        Bar bar;
        bool partial = true; ///< the server did not see the bar's first fragment
    };
    QHash<QString, OpenBar> m_openBars; ///< "SYMBOL/1m" -> the bar being formed
    quint64 m_streamSerial = 0;
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
};

/** Runs an ApiServer on a thread of its own (the app's Settings → API). */
class ApiHost : public QObject
{
    Q_OBJECT
public:
    explicit ApiHost(QObject *parent = nullptr);
    ~ApiHost() override;
    /** Stops a running server, then starts one with config; false with `error` when it cannot listen. */
    bool start(const ApiServerConfig &config, QString *error);
    void stop();
    bool isRunning() const { return m_server != nullptr; }
    quint16 port() const { return m_port; }
    /** The running server (its slots are called queued), or null. */
    ApiServer *server() const { return m_server; }

Q_SIGNALS:
    void alertRulesChanged();

private:
    QThread *m_thread = nullptr;
    ApiServer *m_server = nullptr;
    quint16 m_port = 0;
};

} // namespace pairlab
