#include "api/api_server.h"

#include "alerts/alert_store.h"
#include "api/api_routes.h"
#include "api/api_token.h"
#include "io/json_writer.h"
#include "storage/database.h"

#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>
#include <QUrlQuery>
#include <QWebSocket>
#include <QWebSocketServer>
#include <QtConcurrent/QtConcurrentRun>

#include <limits>

namespace pairlab {

Q_LOGGING_CATEGORY(lcApi, "pairlab.api")

struct ApiServer::Connection
{
    QTcpSocket *socket = nullptr;
    QTimer *idle = nullptr;
    bool busy = false;    ///< a worker answers its request; the next one waits in the socket
    bool closing = false; ///< answered with Connection: close
    qint64 needed = 0;    ///< bytes the request being read needs (its head was read)
};

struct ApiServer::Stream
{
    QWebSocket *ws = nullptr;
    bool bars = true, pair = true, alerts = true;
    qint64 outstanding = 0; ///< bytes handed to the socket and not yet written
    qint64 lastEventId = 0; ///< the newest alert event sent (events at or before it are not sent again)
    bool backlog = false;   ///< the events stored after `since` are being read: live ones wait in `held`
    bool dead = false;      ///< closed as too slow: nothing more is queued or sent
    quint64 serial = 0;     ///< tells a stream from a later one at the same address
    QList<AlertEvent> held;
    QStringList order;                 ///< keys of `latest` in arrival order
    QHash<QString, QByteArray> latest; ///< coalesced bars and pair updates, the newest per key
    QList<QByteArray> events;          ///< alert events, every one
};

namespace {

using Answer = std::pair<HttpResponse, ApiEffects>;

QByteArray barJson(const QString &symbol, const QString &interval, const Bar &b, bool closed, bool partial)
{
    QByteArray o = "{\"type\":\"bar\",\"symbol\":";
    appendJsonString(o, symbol);
    o += ",\"interval\":";
    appendJsonString(o, interval);
    o += closed ? ",\"closed\":true" : ",\"closed\":false";
    o += partial ? ",\"partial\":true" : ",\"partial\":false";
    o += ",\"bar\":";
    o += JsonObject()
             .integer("open_ms", b.openMs)
             .num("open", b.open)
             .num("high", b.high)
             .num("low", b.low)
             .num("close", b.close)
             .num("volume", b.volume)
             .integer("trades", b.trades)
             .done();
    return o + '}';
}

} // namespace

ApiServer::ApiServer(ApiServerConfig config, QObject *parent) : QObject(parent), m_config(std::move(config))
{
    m_limits.maxBodyBytes = kApiMaxSmallBodyBytes;
    m_limits.bodyLimits = {{"/v1/import", kApiMaxImportBytes}};
    m_pool.setMaxThreadCount(std::max(1, m_config.workers));
    m_pool.setExpiryTimeout(60000);
}

ApiServer::~ApiServer()
{
    *m_alive = false;
    close();
    m_pool.waitForDone();
}

bool ApiServer::listen(QString *error)
{
    close();
    m_server = new QTcpServer(this);
    m_server->setMaxPendingConnections(128);
    if (!m_server->listen(m_config.bind, m_config.port)) {
        *error = QStringLiteral("cannot listen on %1:%2: %3")
                     .arg(m_config.bind.toString())
                     .arg(m_config.port)
                     .arg(m_server->errorString());
        delete m_server;
        m_server = nullptr;
        return false;
    }
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this, &ApiServer::onNewConnection);
    m_ws = new QWebSocketServer(QStringLiteral("PairLab"), QWebSocketServer::NonSecureMode, this);
    m_ws->setHandshakeTimeout(10000);
    connect(m_ws, &QWebSocketServer::newConnection, this, &ApiServer::onStreamConnected);
    qCInfo(lcApi).noquote() << "API listening on" << m_config.bind.toString() << m_server->serverPort()
                            << (m_config.allowWrites ? "(writes allowed)" : "(read-only)");
    return true;
}

quint16 ApiServer::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

void ApiServer::close()
{
    m_pool.clear(); // requests not started yet are dropped; the running ones finish
    if (m_server) {
        m_server->close();
        delete m_server;
        m_server = nullptr;
    }
    for (Connection *c : std::as_const(m_connections)) {
        c->socket->disconnect(this);
        c->socket->abort();
        c->socket->deleteLater();
        delete c->idle;
        delete c;
    }
    m_connections.clear();
    for (Stream *s : m_streams.values()) {
        s->ws->disconnect(this);
        s->ws->abort();
        s->ws->deleteLater();
        delete s;
    }
    m_streams.clear();
    if (m_ws) {
        m_ws->close();
        delete m_ws;
        m_ws = nullptr;
    }
}

QJsonObject ApiServer::liveState() const
{
    QJsonObject o;
    if (!m_feed.isEmpty())
        o.insert(QStringLiteral("feed"), m_feed);
    QJsonObject api;
    api.insert(QStringLiteral("bind"), m_config.bind.toString());
    api.insert(QStringLiteral("port"), int(port()));
    api.insert(QStringLiteral("allow_writes"), m_config.allowWrites);
    api.insert(QStringLiteral("connections"), int(m_connections.size()));
    api.insert(QStringLiteral("streams"), int(m_streams.size()));
    api.insert(QStringLiteral("max_connections"), m_config.maxConnections);
    o.insert(QStringLiteral("api"), api);
    return o;
}

void ApiServer::setFeed(const QJsonObject &feed)
{
    m_feed = feed;
}

void ApiServer::onNewConnection()
{
    while (m_server && m_server->hasPendingConnections()) {
        QTcpSocket *socket = m_server->nextPendingConnection();
        if (m_connections.size() + m_streams.size() >= m_config.maxConnections) {
            socket->write(
                HttpResponse::error(
                    503, QStringLiteral("too many connections (%1); try again").arg(m_config.maxConnections))
                    .serialise(false));
            socket->disconnectFromHost();
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            continue;
        }
        auto *c = new Connection;
        c->socket = socket;
        c->idle = new QTimer;
        c->idle->setSingleShot(true);
        c->idle->setInterval(m_config.idleTimeoutMs);
        connect(c->idle, &QTimer::timeout, this, [this, socket] {
            Connection *conn = m_connections.value(socket);
            if (!conn)
                return;
            if (conn->busy) {
                conn->idle->start(); // a long answer is not idleness
                return;
            }
            socket->abort();
        });
        c->idle->start();
        m_connections.insert(socket, c);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
            if (Connection *conn = m_connections.value(socket))
                onReadyRead(conn);
        });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            if (Connection *conn = m_connections.value(socket))
                drop(conn);
        });
        Q_EMIT statsChanged(int(m_connections.size()), int(m_streams.size()));
        if (socket->bytesAvailable() > 0)
            onReadyRead(c);
    }
}

void ApiServer::drop(Connection *c)
{
    m_connections.remove(c->socket);
    c->socket->disconnect(this);
    c->socket->deleteLater();
    c->idle->deleteLater();
    delete c;
    Q_EMIT statsChanged(int(m_connections.size()), int(m_streams.size()));
}

bool ApiServer::authorised(const HttpRequest &r) const
{
    const QByteArray want = m_config.token.toUtf8();
    const QByteArray auth = r.header("authorization");
    if (auth.size() > 7 && auth.first(7).toLower() == "bearer " && sameToken(auth.sliced(7).trimmed(), want))
        return true;
    // A browser's WebSocket cannot set headers: the stream also takes ?token=.
    return r.path == "/v1/stream" && sameToken(r.queryValue(u"token").toUtf8(), want);
}

void ApiServer::onReadyRead(Connection *c)
{
    if (c->busy || c->closing)
        return;
    QTcpSocket *socket = c->socket;
    const qint64 available = socket->bytesAvailable();
    if (available <= 0)
        return;
    // A request's head must arrive within the idle timeout of the connection's last answer (a client
    // trickling bytes holds no place for longer); once an authorised head is read, its body may take its
    // time.
    if (c->needed > 0)
        c->idle->start();
    if (c->needed > 0 && available < c->needed)
        return;
    // Peek, not read: a stream's upgrade request is left in the socket for the WebSocket handshake. At most
    // one request is looked at: its head (the limit and one byte more, to tell it is over) or the whole
    // request.
    const qint64 look = c->needed > 0 ? c->needed : m_limits.maxHeadBytes + 1;
    const QByteArray data = socket->peek(std::min<qint64>(available, look));
    const HttpParseResult r = parseHttpRequest(data, m_limits);
    if (r.state == HttpParseResult::State::Error) {
        respond(c, HttpResponse::error(r.status, r.error), false);
        return;
    }
    if (r.state == HttpParseResult::State::Incomplete) {
        if (r.headComplete) {
            if (!authorised(r.request)) {
                HttpResponse denied;
                denied.status = 401;
                denied.contentType = "text/plain";
                denied.headers.append({QByteArray("WWW-Authenticate"), QByteArray("Bearer")});
                respond(c, denied, false);
                return;
            }
            if (!m_config.allowWrites && (r.request.method == "POST" || r.request.method == "DELETE")) {
                // Every POST and DELETE route writes: refused from the head, the body is not waited for.
                respond(
                    c,
                    HttpResponse::error(403, QStringLiteral("writes are off: start the server with "
                                                            "--allow-writes (in the app: Settings → API → "
                                                            "Allow writes)")),
                    false);
                return;
            }
            c->needed = r.needed;
        }
        return;
    }
    c->needed = 0;
    if (!authorised(r.request)) {
        socket->skip(r.consumed);
        HttpResponse denied;
        denied.status = 401;
        denied.contentType = "text/plain";
        denied.headers.append({QByteArray("WWW-Authenticate"), QByteArray("Bearer")});
        respond(c, denied, false);
        return;
    }
    if (r.request.path == "/v1/stream" && r.request.method == "GET" &&
        r.request.header("upgrade").toLower() == "websocket") {
        upgrade(c, r.request);
        return;
    }
    socket->skip(r.consumed);
    dispatch(c, r.request);
}

void ApiServer::dispatch(Connection *c, HttpRequest request)
{
    c->busy = true;
    const bool keepAlive = request.keepAlive;
    const bool head = request.method == "HEAD";
    ApiContext context{m_config.databasePath, m_config.allowWrites, liveState()};
    auto *watcher = new QFutureWatcher<Answer>(this);
    QPointer<QTcpSocket> socket = c->socket;
    connect(watcher, &QFutureWatcher<Answer>::finished, this, [this, watcher, socket, keepAlive, head] {
        Answer answer = watcher->result();
        watcher->deleteLater();
        if (answer.second.alertRulesChanged)
            Q_EMIT alertRulesChanged();
        Connection *conn = socket ? m_connections.value(socket.data()) : nullptr;
        if (!conn)
            return; // the client left
        conn->busy = false;
        if (head) {
            const QByteArray full = answer.first.serialise(keepAlive);
            conn->socket->write(full.left(full.indexOf("\r\n\r\n") + 4));
            if (!keepAlive) {
                conn->closing = true;
                conn->socket->disconnectFromHost();
            }
        } else {
            respond(conn, answer.first, keepAlive);
        }
        if (keepAlive && socket)
            onReadyRead(conn); // a pipelined request waits in the socket
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [request = std::move(request), context]() -> Answer {
        ApiEffects effects;
        try {
            HttpResponse r = handleApiRequest(request, context, &effects);
            return {std::move(r), effects};
        } catch (const std::exception &e) {
            return {HttpResponse::error(500, QString::fromUtf8(e.what())), effects};
        } catch (...) {
            return {HttpResponse::error(500, QStringLiteral("internal error")), effects};
        }
    }));
}

void ApiServer::respond(Connection *c, const HttpResponse &response, bool keepAlive)
{
    c->socket->write(response.serialise(keepAlive));
    c->idle->start();
    if (!keepAlive) {
        c->closing = true;
        c->socket->disconnectFromHost();
    }
}

// ---- the stream ----

void ApiServer::upgrade(Connection *c, const HttpRequest &)
{
    QTcpSocket *socket = c->socket;
    m_connections.remove(socket);
    socket->disconnect(this);
    c->idle->deleteLater();
    delete c;
    // The handshake is still unread in the socket: QWebSocketServer reads and answers it.
    m_ws->handleConnection(socket);
    if (socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(socket, "readyRead", Qt::QueuedConnection);
}

void ApiServer::onStreamConnected()
{
    while (m_ws && m_ws->hasPendingConnections()) {
        QWebSocket *ws = m_ws->nextPendingConnection();
        auto *s = new Stream;
        s->ws = ws;
        s->serial = ++m_streamSerial;
        const QUrlQuery q(ws->requestUrl());
        if (q.hasQueryItem(QStringLiteral("topics"))) {
            const QStringList topics =
                q.queryItemValue(QStringLiteral("topics")).split(QLatin1Char(','), Qt::SkipEmptyParts);
            s->bars = topics.contains(QLatin1String("bars"));
            s->pair = topics.contains(QLatin1String("pair"));
            s->alerts = topics.contains(QLatin1String("alerts"));
        }
        m_streams.insert(ws, s);
        connect(ws, &QWebSocket::bytesWritten, this, [this, ws](qint64 n) {
            if (Stream *st = m_streams.value(ws)) {
                st->outstanding = std::max<qint64>(0, st->outstanding - n);
                flushStream(st);
            }
        });
        connect(ws, &QWebSocket::disconnected, this, [this, ws] {
            if (Stream *st = m_streams.take(ws)) {
                delete st;
                ws->deleteLater();
                Q_EMIT statsChanged(int(m_connections.size()), int(m_streams.size()));
            }
        });
        QStringList topics;
        if (s->bars)
            topics << QStringLiteral("bars");
        if (s->pair)
            topics << QStringLiteral("pair");
        if (s->alerts)
            topics << QStringLiteral("alerts");
        QJsonObject hello;
        hello.insert(QStringLiteral("type"), QStringLiteral("hello"));
        hello.insert(QStringLiteral("topics"), QJsonArray::fromStringList(topics));
        bool sinceOk = false;
        const qint64 since = q.queryItemValue(QStringLiteral("since")).toLongLong(&sinceOk);
        if (sinceOk && since >= 0 && s->alerts) {
            hello.insert(QStringLiteral("since"), since);
            s->lastEventId = since;
            s->backlog = true;
        }
        ws->sendTextMessage(QString::fromUtf8(QJsonDocument(hello).toJson(QJsonDocument::Compact)));
        Q_EMIT statsChanged(int(m_connections.size()), int(m_streams.size()));
        if (!s->backlog)
            continue;
        // The events stored after `since`, read on a worker; live ones wait until they are sent.
        using Backlog = std::pair<QList<AlertEvent>, QString>;
        auto *watcher = new QFutureWatcher<Backlog>(this);
        const qint64 most = m_config.streamMaxQueuedEvents;
        connect(
            watcher, &QFutureWatcher<Backlog>::finished, this,
            [this, watcher, ws, serial = s->serial, since, most] {
                const auto [stored, problem] = watcher->result();
                watcher->deleteLater();
                Stream *st = m_streams.value(ws);
                if (!st || st->serial != serial)
                    return; // that client left (another may have its address now)
                if (!problem.isEmpty() || stored.size() > most) {
                    // Never a silent hole in the events: the client is told and closed, and asks again.
                    const QString why =
                        !problem.isEmpty()
                            ? QStringLiteral("the stored events could not be read: %1").arg(problem)
                            : QStringLiteral("more than %1 events are stored after %2: read them from "
                                             "/v1/alerts/events, then reconnect with a later since")
                                  .arg(most)
                                  .arg(since);
                    QJsonObject o;
                    o.insert(QStringLiteral("type"), QStringLiteral("error"));
                    o.insert(QStringLiteral("error"), why);
                    ws->sendTextMessage(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
                    st->dead = true;
                    QMetaObject::invokeMethod(
                        ws,
                        [ws, why] { ws->close(QWebSocketProtocol::CloseCodeBadOperation, why.left(120)); },
                        Qt::QueuedConnection);
                    return;
                }
                st->backlog = false;
                const QList<AlertEvent> all = stored + st->held;
                st->held.clear();
                for (const AlertEvent &e : all)
                    if (e.id > st->lastEventId) {
                        st->lastEventId = e.id;
                        queueToStream(st, {}, "{\"type\":\"alert\",\"event\":" + alertEventJson(e) + '}',
                                      true);
                    }
            });
        const QString path = m_config.databasePath;
        watcher->setFuture(QtConcurrent::run(&m_pool, [path, since, most]() -> Backlog {
            QList<AlertEvent> events;
            QString error;
            Database::withReader(
                path,
                [&](QSqlDatabase &db) {
                    AlertEventFilter f;
                    f.afterId = since;
                    f.oldestFirst = true;
                    f.limit = int(std::min<qint64>(most + 1, std::numeric_limits<int>::max()));
                    events = AlertStore(db).queryEvents(f, &error);
                },
                &error);
            return {events, error};
        }));
    }
}

void ApiServer::queueToStream(Stream *s, const QString &key, const QByteArray &message, bool event)
{
    if (s->dead)
        return;
    if (event) {
        if (s->events.size() >= m_config.streamMaxQueuedEvents) {
            qCWarning(lcApi) << "stream client too slow: closed with" << s->events.size() << "events queued";
            // Closed later, from the event loop: closing flushes and may delete the stream at once, while a
            // publisher is still walking the streams.
            s->dead = true;
            s->events.clear();
            s->latest.clear();
            s->order.clear();
            QMetaObject::invokeMethod(
                s->ws,
                [ws = s->ws] {
                    ws->close(QWebSocketProtocol::CloseCodePolicyViolated,
                              QStringLiteral("too slow: alert events queued beyond the limit"));
                },
                Qt::QueuedConnection);
            return;
        }
        s->events.append(message);
    } else {
        // A closed bar goes before the next forming one: the pending forming bar of its key is dropped (the
        // next one follows), so a slow client never reads bar N+1 before bar N closed.
        if (key.startsWith(QLatin1String("closed:"))) {
            const QString forming = QStringLiteral("bar:") + key.mid(7);
            if (s->latest.remove(forming))
                s->order.removeOne(forming);
        }
        if (!s->latest.contains(key))
            s->order.append(key);
        s->latest.insert(key, message);
    }
    flushStream(s);
}

void ApiServer::flushStream(Stream *s)
{
    while (!s->dead && s->outstanding < m_config.streamHighWater) {
        QByteArray message;
        if (!s->events.isEmpty()) {
            message = s->events.takeFirst();
        } else if (!s->order.isEmpty()) {
            message = s->latest.take(s->order.takeFirst());
        } else {
            return;
        }
        s->outstanding += s->ws->sendTextMessage(QString::fromUtf8(message));
    }
}

void ApiServer::publishBars(const BarBatch &batch)
{
    if (!batch)
        return;
    for (const BarUpdate &u : *batch) {
        if (u.bars.empty())
            continue;
        const QString symbol = u.symbol.toString();
        const QString interval = intervalName(u.interval);
        const QString key = symbol + QLatin1Char('/') + interval;
        auto it = m_openBars.find(key);
        for (const Bar &b : u.bars) {
            if (it == m_openBars.end()) {
                it = m_openBars.insert(key, OpenBar{b, true});
                continue;
            }
            if (b.openMs == it->bar.openMs) {
                it->bar.merge(b);
            } else if (b.openMs > it->bar.openMs) {
                const QByteArray closed = barJson(symbol, interval, it->bar, true, it->partial);
                for (Stream *s : m_streams.values())
                    if (s->bars)
                        queueToStream(s, QStringLiteral("closed:") + key, closed, false);
                *it = OpenBar{b, false};
            }
        }
        const QByteArray forming = barJson(symbol, interval, it->bar, false, it->partial);
        for (Stream *s : m_streams.values())
            if (s->bars)
                queueToStream(s, QStringLiteral("bar:") + key, forming, false);
    }
}

void ApiServer::publishPair(const QString &pair, const AlertVariables &v)
{
    QByteArray o = "{\"type\":\"pair\",\"pair\":";
    appendJsonString(o, pair);
    o += ",\"ts_ms\":";
    appendInt(o, v.timeMs);
    o += ",\"bars\":";
    appendInt(o, v.bars);
    o += ",\"values\":{";
    for (int i = 0; i < AlertVariableCount; ++i) {
        o += i ? ",\"" : "\"";
        o += alertVariableName(AlertVariable(i)).toLatin1();
        o += "\":";
        appendNumber(o, v.values[std::size_t(i)]);
    }
    o += "}}";
    for (Stream *s : m_streams.values())
        if (s->pair)
            queueToStream(s, QStringLiteral("pair:") + pair, o, false);
}

void ApiServer::publishAlertEvents(const QList<AlertEvent> &events)
{
    for (Stream *s : m_streams.values()) {
        if (!s->alerts)
            continue;
        if (s->backlog) {
            s->held += events;
            continue;
        }
        for (const AlertEvent &e : events)
            if (e.id > s->lastEventId) {
                s->lastEventId = e.id;
                queueToStream(s, {}, "{\"type\":\"alert\",\"event\":" + alertEventJson(e) + '}', true);
            } else if (e.id <= 0) {
                // Fired but not stored (the database refused it): said once, without moving the cursor.
                queueToStream(
                    s, {}, "{\"type\":\"alert\",\"stored\":false,\"event\":" + alertEventJson(e) + '}', true);
            }
    }
}

// ---- ApiHost ----

ApiHost::ApiHost(QObject *parent) : QObject(parent) {}

ApiHost::~ApiHost()
{
    stop();
}

bool ApiHost::start(const ApiServerConfig &config, QString *error)
{
    stop();
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("pairlab-api"));
    m_server = new ApiServer(config);
    m_server->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_server, &QObject::deleteLater);
    connect(m_server, &ApiServer::alertRulesChanged, this, &ApiHost::alertRulesChanged);
    m_thread->start();
    bool ok = false;
    QString why;
    quint16 port = 0;
    ApiServer *server = m_server;
    QMetaObject::invokeMethod(
        m_server,
        [server, &ok, &why, &port] {
            ok = server->listen(&why);
            port = server->port();
        },
        Qt::BlockingQueuedConnection);
    if (!ok) {
        *error = why;
        stop();
        return false;
    }
    m_port = port;
    return true;
}

void ApiHost::stop()
{
    if (!m_thread)
        return;
    ApiServer *server = m_server;
    QMetaObject::invokeMethod(
        server, [server] { server->close(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    m_server = nullptr;
    m_port = 0;
}

} // namespace pairlab
