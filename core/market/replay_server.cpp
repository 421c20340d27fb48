#include "market/replay_server.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QUrlQuery>
#include <QWebSocket>
#include <QWebSocketServer>

#include <algorithm>

namespace pairlab {

struct ReplayServer::Session
{
    QWebSocket *socket = nullptr;
    QTimer *timer = nullptr;
    QSet<QByteArray> streams; // empty = everything
    QString key;              // the streams= query it connected with
    std::size_t cursor = 0;
    qint64 sentHere = 0;
    QElapsedTimer clock;
    std::int64_t baseTimeMs = 0; // recording time at clock start
    bool done = false;
    bool stalled = false; // fault injection: open but silent
};

ReplayServer::ReplayServer(QObject *parent)
    : QObject(parent),
      m_server(new QWebSocketServer(QStringLiteral("PairLab replay"), QWebSocketServer::NonSecureMode, this))
{
    connect(m_server, &QWebSocketServer::newConnection, this, &ReplayServer::onNewConnection);
    m_clock.start();
}

ReplayServer::~ReplayServer()
{
    for (auto &s : m_sessions)
        if (s->socket)
            s->socket->disconnect(this);
    m_server->close();
}

bool ReplayServer::load(const QString &path, QString *error)
{
    Recording r;
    if (!Recording::load(path, &r, error))
        return false;
    setRecording(std::move(r));
    return true;
}

void ReplayServer::setRecording(Recording recording)
{
    m_recording = std::move(recording);
    m_resumeAt.clear();
}

bool ReplayServer::listen(quint16 port, QString *error)
{
    if (!m_server->listen(QHostAddress::LocalHost, port)) {
        if (error)
            *error = tr("cannot listen on 127.0.0.1:%1: %2").arg(port).arg(m_server->errorString());
        return false;
    }
    return true;
}

quint16 ReplayServer::port() const
{
    return m_server->serverPort();
}

QUrl ReplayServer::url() const
{
    QUrl u;
    u.setScheme(QStringLiteral("ws"));
    u.setHost(QStringLiteral("127.0.0.1"));
    u.setPort(port());
    return u;
}

void ReplayServer::onNewConnection()
{
    while (QWebSocket *socket = m_server->nextPendingConnection()) {
        auto s = std::make_unique<Session>();
        Session *sp = s.get();
        s->socket = socket;
        socket->setParent(this);
        const QString streams = QUrlQuery(socket->requestUrl()).queryItemValue(QStringLiteral("streams"));
        for (const QString &name : streams.split(QLatin1Char('/'), Qt::SkipEmptyParts))
            s->streams.insert(name.toLatin1());
        m_requested << streams;
        connect(socket, &QWebSocket::textMessageReceived, this,
                [this, sp](const QString &m) { onClientText(sp, m); });
        // A reconnecting client resumes where its connection (the same streams) stopped; other connections
        // of the same client have their own place in the recording.
        s->key = streams;
        const std::size_t resume = m_resumeAt.value(streams, 0);
        s->cursor = resume > std::size_t(m_overlap) ? resume - std::size_t(m_overlap) : 0;
        s->timer = new QTimer(this);
        s->timer->setSingleShot(true);
        s->timer->setTimerType(Qt::PreciseTimer);
        connect(s->timer, &QTimer::timeout, this, [this, sp] { pump(sp); });
        connect(socket, &QWebSocket::disconnected, this, [this, sp] { endSession(sp, false); });
        s->clock.start();
        if (s->cursor < m_recording.frames.size()) // a head start makes its first frames due at once
            s->baseTimeMs = m_recording.frames[s->cursor].timeMs + (s->cursor == 0 ? m_headStartMs : 0);
        m_sessions.push_back(std::move(s));
        ++m_connections;
        Q_EMIT clientConnected();
        sp->timer->start(0);
    }
}

void ReplayServer::onClientText(Session *s, const QString &message)
{
    // {"method":"SUBSCRIBE","params":["btcusdt@trade",…],"id":1}: the streams join this connection.
    const QJsonObject o = QJsonDocument::fromJson(message.toUtf8()).object();
    if (o.value(QLatin1String("method")).toString() != QLatin1String("SUBSCRIBE"))
        return;
    const QJsonArray params = o.value(QLatin1String("params")).toArray();
    if (!s->streams.isEmpty()) // empty: it already gets everything
        for (const auto &v : params)
            s->streams.insert(v.toString().toLatin1());
    m_subscriptions.append({m_clock.elapsed(), int(params.size())});
    s->socket->sendTextMessage(
        QStringLiteral("{\"result\":null,\"id\":%1}").arg(o.value(QLatin1String("id")).toInteger()));
}

void ReplayServer::endSession(Session *s, bool dropped)
{
    Q_UNUSED(dropped);
    m_resumeAt[s->key] =
        std::max(m_resumeAt.value(s->key, 0), std::min(s->cursor, m_recording.frames.size()));
    s->timer->stop();
    s->timer->deleteLater();
    s->socket->deleteLater();
    auto it = std::find_if(m_sessions.begin(), m_sessions.end(), [s](const auto &p) { return p.get() == s; });
    if (it != m_sessions.end()) {
        s->socket->disconnect(this);
        m_sessions.erase(it);
    }
}

bool ReplayServer::injectFault(Session *s)
{
    const auto atLimit = [s](int limit) { return limit > 0 && s->sentHere >= limit; };
    if (!atLimit(m_dropAfter) && !atLimit(m_closeAfter) && !atLimit(m_stallAfter))
        return false;
    m_resumeAt[s->key] = std::max(m_resumeAt.value(s->key, 0), s->cursor);
    s->socket->flush(); // what was "sent" reaches the client
    if (atLimit(m_dropAfter)) {
        s->socket->abort(); // then the line goes dead; endSession runs from disconnected()
    } else if (atLimit(m_closeAfter)) {
        s->socket->close(m_closeCode, m_closeReason);
    } else {
        s->stalled = true; // stays open and says nothing until the client gives up
    }
    return true;
}

void ReplayServer::pump(Session *s)
{
    if (s->stalled)
        return;
    const auto &frames = m_recording.frames;
    constexpr qint64 MaxBuffered = 8 << 20;
    const bool paced = m_framesPerSecond > 0.0;
    const bool asFast = !paced && m_speed <= 0.0;
    const std::int64_t now =
        asFast || paced ? 0 : s->baseTimeMs + std::int64_t(double(s->clock.elapsed()) * m_speed);
    const qint64 due = paced ? qint64(double(s->clock.elapsed()) * m_framesPerSecond / 1000.0) + 1 : 0;
    int sentNow = 0;
    while (s->cursor < frames.size()) {
        if (asFast && (sentNow >= 2000 || s->socket->bytesToWrite() > MaxBuffered))
            break;
        if (paced && s->sentHere >= due)
            break;
        const RecordedFrame &f = frames[s->cursor];
        if (!asFast && !paced && f.timeMs > now)
            break;
        ++s->cursor;
        if (!m_sendUnsubscribed && !s->streams.isEmpty() && !s->streams.contains(f.stream))
            continue;
        s->socket->sendTextMessage(QString::fromUtf8(f.json));
        ++s->sentHere;
        ++m_framesSent;
        ++sentNow;
        if (injectFault(s))
            return;
    }
    if (s->cursor >= frames.size()) {
        if (m_loop && !frames.empty()) {
            s->cursor = 0;
            s->baseTimeMs = frames.front().timeMs;
            s->clock.restart();
            s->timer->start(asFast ? 0 : 1);
        } else if (!s->done) {
            s->done = true;
            m_resumeAt[s->key] = frames.size();
            Q_EMIT finished();
        }
        return;
    }
    if (asFast) {
        s->timer->start(s->socket->bytesToWrite() > MaxBuffered ? 1 : 0);
    } else if (paced) {
        const double nextMs = double(s->sentHere) * 1000.0 / m_framesPerSecond - double(s->clock.elapsed());
        s->timer->start(int(std::clamp(nextMs, 0.0, 1000.0)));
    } else {
        const std::int64_t waitMs = std::int64_t(double(frames[s->cursor].timeMs - now) / m_speed);
        s->timer->start(int(std::clamp<std::int64_t>(waitMs, 0, 1000)));
    }
}

} // namespace pairlab
