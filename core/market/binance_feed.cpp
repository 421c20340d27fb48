#include "market/binance_feed.h"

#include "market/binance_trade_parser.h"
#include "market/frame_recorder.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QSslError>
#include <QTimer>
#include <QUrlQuery>
#include <QWebSocket>

#include <algorithm>
#include <chrono>
#include <cmath>

namespace pairlab {

qint64 steadyNowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

namespace {

QString hostAndPort(const QUrl &url)
{
    const bool secure = url.scheme() == QLatin1String("wss");
    return url.host() + QLatin1Char(':') + QString::number(url.port(secure ? 443 : 80));
}

/** What a socket error means for the user; TLS/SSL failures say so (the connection is never continued). */
QString describeSocketError(const QWebSocket *socket, QAbstractSocket::SocketError error, bool handshaking)
{
    const QUrl url = socket->requestUrl();
    const bool secure = url.scheme() == QLatin1String("wss");
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        return BinanceFeed::tr("connection refused by %1 (nothing listening there)").arg(hostAndPort(url));
    case QAbstractSocket::HostNotFoundError:
        return BinanceFeed::tr("host %1 not found").arg(url.host());
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        return BinanceFeed::tr("TLS/SSL error with %1: %2").arg(hostAndPort(url), socket->errorString());
    default:
        if (secure && handshaking)
            return BinanceFeed::tr("TLS/SSL handshake with %1 failed: %2")
                .arg(hostAndPort(url), socket->errorString());
        return socket->errorString();
    }
}

} // namespace

BinanceFeed::BinanceFeed(FeedConfig config, QObject *parent)
    : QObject(parent), m_config(std::move(config)), m_parser(std::make_unique<BinanceTradeParser>())
{
    const QString streams = QUrlQuery(streamUrl(m_config)).queryItemValue(QStringLiteral("streams"));
    for (const QString &name : streams.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        const SymbolCode code = SymbolCode::fromString(name.section(QLatin1Char('@'), 0, 0));
        if (!code.isEmpty())
            m_subscribed.insert(code);
    }
}

BinanceFeed::~BinanceFeed()
{
    if (m_recorder)
        m_recorder->close();
}

QStringList BinanceFeed::streamNames(const FeedConfig &config)
{
    QStringList names;
    const QString suffix =
        config.kind == StreamKind::AggTrade ? QStringLiteral("@aggTrade") : QStringLiteral("@trade");
    for (const QString &s : config.symbols) {
        const SymbolCode code = SymbolCode::fromString(s.trimmed());
        if (code.isEmpty() || names.contains(code.toStreamName() + suffix))
            continue;
        names << code.toStreamName() + suffix;
        if (config.quotesFor(code.toString()))
            names << code.toStreamName() + QStringLiteral("@bookTicker");
        if (config.markPrices)
            names << code.toStreamName() + QStringLiteral("@markPrice@1s");
    }
    return names;
}

QUrl BinanceFeed::streamUrl(const FeedConfig &config)
{
    QUrl url = config.endpoint;
    if (url.query().contains(QLatin1String("streams=")))
        return url; // a complete stream URL given by the user
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    if (!path.endsWith(QLatin1String("/stream")))
        path += QStringLiteral("/stream");
    url.setPath(path);
    // '/' and '@' are legal in a query; set it decoded so they are not percent-encoded.
    url.setQuery(QStringLiteral("streams=") + streamNames(config).join(QLatin1Char('/')), QUrl::DecodedMode);
    return url;
}

int BinanceFeed::backoffMs(const FeedConfig &config, int attempt, double jitter01)
{
    const double raw = double(config.reconnectBaseMs) * std::pow(2.0, std::min(attempt, 20));
    const double capped = std::min(raw, double(config.reconnectCapMs));
    return int(capped * (0.5 + 0.5 * std::clamp(jitter01, 0.0, 1.0)));
}

void BinanceFeed::setState(FeedState s, const QString &detail)
{
    m_state = s;
    Q_EMIT stateChanged(s, detail);
}

void BinanceFeed::start()
{
    if (m_running)
        return;
    m_running = true;
    m_clock.start();
    if (!m_flushTimer) {
        m_flushTimer = new QTimer(this);
        m_flushTimer->setInterval(m_config.flushIntervalMs);
        connect(m_flushTimer, &QTimer::timeout, this, &BinanceFeed::flush);
        m_watchdog = new QTimer(this);
        m_watchdog->setInterval(1000);
        connect(m_watchdog, &QTimer::timeout, this, &BinanceFeed::watchdog);
        m_reconnectTimer = new QTimer(this);
        m_reconnectTimer->setSingleShot(true);
        connect(m_reconnectTimer, &QTimer::timeout, this, [this] {
            if (m_running && !m_socket)
                m_socket = openSocket();
        });
    }
    m_flushTimer->start();
    m_watchdog->start();
    m_attempt = 0;
    m_socket = openSocket();
}

void BinanceFeed::stop()
{
    m_running = false;
    flush();
    if (m_flushTimer) {
        m_flushTimer->stop();
        m_watchdog->stop();
        m_reconnectTimer->stop();
    }
    for (QWebSocket *s : {m_socket, m_next}) {
        if (s) {
            s->disconnect(this);
            s->close();
            s->deleteLater();
        }
    }
    m_socket = m_next = nullptr;
    if (m_recorder)
        m_recorder->flush();
    setState(FeedState::Stopped, tr("stopped"));
}

void BinanceFeed::rotate()
{
    if (!m_running || m_next || !m_socket)
        return;
    m_next = openSocket();
}

QWebSocket *BinanceFeed::openSocket()
{
    auto *socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    connect(socket, &QWebSocket::textMessageReceived, this,
            [this, socket](const QString &m) { onText(socket, m); });
    connect(socket, &QWebSocket::disconnected, this, [this, socket] { onDisconnected(socket); });
    connect(socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this, socket](QAbstractSocket::SocketError e) { onError(socket, e); });
    connect(socket, &QWebSocket::sslErrors, this, [this, socket](const QList<QSslError> &errors) {
        if (socket != m_socket)
            return;
        QStringList texts;
        for (const QSslError &e : errors)
            texts << e.errorString();
        m_failure = tr("TLS certificate of %1 not accepted: %2")
                        .arg(hostAndPort(socket->requestUrl()), texts.join(QStringLiteral("; ")));
    });
    connect(socket, &QWebSocket::connected, this, [this, socket] {
        if (socket == m_socket) {
            m_connectedMs = m_lastFrameMs = m_clock.elapsed();
            m_lastSeen.clear();
            m_silent.clear();
            subscribeMissing(socket, true); // streams added while it was connecting
            setState(FeedState::Connected, streamUrl(m_config).toString());
        }
    });
    // TLS errors are never ignored: QWebSocket refuses the handshake, sslErrors and error say why.
    m_connectStartedMs = m_clock.elapsed();
    m_waitedForError = false;
    if (!m_socket) {
        m_failure.clear();
        setState(FeedState::Connecting, streamUrl(m_config).toString());
    }
    // Opened from the event loop once the caller holds the pointer: a refused connection on loopback is
    // reported synchronously inside open().
    QTimer::singleShot(0, socket, [socket, url = streamUrl(m_config)] { socket->open(url); });
    return socket;
}

void BinanceFeed::onText(QWebSocket *socket, const QString &message)
{
    const qint64 nowMs = m_clock.elapsed();
    if (socket == m_next) {
        // The rotated connection delivers: retire the old one (make before break).
        QWebSocket *old = m_socket;
        m_socket = m_next;
        m_next = nullptr;
        m_connectedMs = nowMs;
        if (old) {
            old->disconnect(this);
            old->close();
            old->deleteLater();
        }
        setState(FeedState::Connected, tr("rotated connection to %1").arg(streamUrl(m_config).toString()));
        subscribeMissing(m_socket, true); // streams added to the old one after this one was opened
    } else if (socket != m_socket) {
        return;
    }
    m_lastFrameMs = nowMs;
    ++m_stats.frames;
    const QByteArray utf8 = message.toUtf8();
    const std::string_view frame(utf8.constData(), std::size_t(utf8.size()));
    const qint64 wallMs = QDateTime::currentMSecsSinceEpoch();
    if (m_recorder)
        m_recorder->write(frame, wallMs * 1000000);
    Tick t;
    switch (m_parser->parse(frame, t)) {
    case FrameKind::Trade:
        if (!m_subscribed.isEmpty() && !m_subscribed.contains(t.symbol)) {
            ++m_stats.unsubscribed;
            break;
        }
        ++m_stats.ticks;
        m_attempt = 0;
        m_stats.lagMs = wallMs - t.tsMs;
        t.receivedNs = steadyNowNs();
        m_pending.push_back(t);
        if (int(m_pending.size()) >= m_config.maxBatch)
            flush();
        break;
    case FrameKind::Quote:
        if (!m_subscribed.isEmpty() && !m_subscribed.contains(m_parser->quote().symbol)) {
            ++m_stats.unsubscribed;
            break;
        }
        ++m_stats.quotes;
        m_pendingQuotes.push_back(m_parser->quote());
        if (int(m_pendingQuotes.size()) >= m_config.maxBatch)
            flush();
        break;
    case FrameKind::MarkPrice: {
        const MarkPrice &m = m_parser->markPrice();
        const auto same = std::find_if(m_pendingMarks.begin(), m_pendingMarks.end(),
                                       [&](const MarkPrice &p) { return p.symbol == m.symbol; });
        if (same == m_pendingMarks.end())
            m_pendingMarks.push_back(m);
        else if (m.eventMs >= same->eventMs)
            *same = m;
        break;
    }
    case FrameKind::SubscriptionReply:
        break;
    case FrameKind::ErrorReply:
        ++m_stats.errorReplies;
        Q_EMIT errorReply(QString::fromStdString(m_parser->message()));
        break;
    case FrameKind::Unknown:
        ++m_stats.unknown;
        break;
    case FrameKind::Malformed:
        ++m_stats.malformed;
        m_stats.lastMalformed = QString::fromStdString(m_parser->message());
        break;
    }
    if (!m_parser->stream().empty()) {
        const QString stream = QString::fromStdString(m_parser->stream());
        m_lastSeen.insert(stream, nowMs);
        if (m_silent.value(stream)) {
            m_silent.insert(stream, false);
            Q_EMIT streamResumed(stream);
        }
    }
}

void BinanceFeed::flush()
{
    if (!m_pendingMarks.empty()) {
        auto batch = std::make_shared<const std::vector<MarkPrice>>(std::move(m_pendingMarks));
        m_pendingMarks = {};
        Q_EMIT markPrices(batch);
    }
    if (!m_pendingQuotes.empty()) {
        auto batch = std::make_shared<const std::vector<Quote>>(std::move(m_pendingQuotes));
        m_pendingQuotes = {};
        Q_EMIT quotes(batch);
    }
    if (m_pending.empty())
        return;
    auto batch = std::make_shared<const std::vector<Tick>>(std::move(m_pending));
    m_pending = {};
    m_pending.reserve(1024);
    Q_EMIT ticks(batch);
}

void BinanceFeed::onDisconnected(QWebSocket *socket)
{
    if (socket == m_next) {
        m_next = nullptr;
        socket->deleteLater();
        return; // the old connection keeps running; rotation is tried again by the watchdog
    }
    if (socket != m_socket)
        return;
    if (m_state == FeedState::Connecting && m_failure.isEmpty() &&
        socket->error() == QAbstractSocket::UnknownSocketError && !m_waitedForError) {
        // A failed name lookup or connect reports disconnected() before error(): wait for the error, or
        // the user reads "connection lost" for a DNS failure.
        m_waitedForError = true;
        QTimer::singleShot(0, socket, [this, socket] { onDisconnected(socket); });
        return;
    }
    m_socket = nullptr;
    socket->deleteLater();
    flush();
    if (!m_running)
        return;
    QString why;
    if (socket->closeCode() != QWebSocketProtocol::CloseCodeNormal || !socket->closeReason().isEmpty())
        why = tr("server closed the connection with code %1: %2")
                  .arg(int(socket->closeCode()))
                  .arg(socket->closeReason().isEmpty() ? tr("no reason given") : socket->closeReason());
    else if (!m_failure.isEmpty())
        why = m_failure;
    else if (socket->error() != QAbstractSocket::UnknownSocketError) // the error may follow the disconnect
        why = describeSocketError(socket, socket->error(), m_state == FeedState::Connecting);
    scheduleReconnect(why);
}

void BinanceFeed::onError(QWebSocket *socket, QAbstractSocket::SocketError error)
{
    if (socket != m_socket)
        return;
    if (m_failure.isEmpty())
        m_failure = describeSocketError(socket, error, m_state == FeedState::Connecting);
    if (m_state == FeedState::Connecting)
        setState(FeedState::Connecting, m_failure);
}

void BinanceFeed::dropConnection(const QString &why)
{
    QWebSocket *s = m_socket;
    m_failure = why;
    s->abort();
    if (s == m_socket) { // abort did not report a disconnect synchronously (or, while connecting, at all)
        s->disconnect(this);
        m_socket = nullptr;
        s->deleteLater();
        flush();
        scheduleReconnect(why);
    }
}

void BinanceFeed::scheduleReconnect(const QString &why)
{
    const int delay = backoffMs(m_config, m_attempt, QRandomGenerator::global()->generateDouble());
    ++m_attempt;
    ++m_stats.reconnects;
    setState(FeedState::WaitingToReconnect, tr("%1 — reconnecting in %2 s")
                                                .arg(why.isEmpty() ? tr("connection lost") : why)
                                                .arg(double(delay) / 1000.0, 0, 'f', 1));
    m_reconnectTimer->start(delay);
}

void BinanceFeed::watchdog()
{
    const qint64 now = m_clock.elapsed();
    if (m_socket && m_state == FeedState::Connecting &&
        now - m_connectStartedMs > qint64(m_config.connectTimeoutSeconds) * 1000) {
        const QUrl url = streamUrl(m_config);
        dropConnection(url.scheme() == QLatin1String("wss")
                           ? tr("TLS/SSL or WebSocket handshake with %1 not completed within %2 s")
                                 .arg(hostAndPort(url))
                                 .arg(m_config.connectTimeoutSeconds)
                           : tr("no answer from %1 within %2 s")
                                 .arg(hostAndPort(url))
                                 .arg(m_config.connectTimeoutSeconds));
    } else if (m_socket && m_state == FeedState::Connected) {
        if (now - m_lastFrameMs > qint64(m_config.stallSeconds) * 1000) {
            dropConnection(tr("no data for %1 s (stalled connection dropped)").arg(m_config.stallSeconds));
        } else {
            for (const QString &stream : streamNames(m_config)) {
                const qint64 since = now - std::max(m_connectedMs, m_lastSeen.value(stream, 0));
                if (since > qint64(m_config.silentStreamSeconds) * 1000 && !m_silent.value(stream)) {
                    m_silent.insert(stream, true);
                    Q_EMIT streamSilent(stream, int(since / 1000));
                }
            }
            if (now - m_connectedMs > m_config.rotateAfterMs)
                rotate();
        }
    }
    const double dt = double(now - m_lastStatsMs) / 1000.0;
    if (dt > 0) {
        m_stats.framesPerSecond = double(m_stats.frames - m_framesAtLastStats) / dt;
        m_framesAtLastStats = m_stats.frames;
        m_lastStatsMs = now;
    }
    Q_EMIT statsUpdated(m_stats);
}

void BinanceFeed::startRecording(const QString &path)
{
    auto rec = std::make_shared<FrameRecorder>();
    QString error;
    if (!rec->open(path, &error)) {
        Q_EMIT recordingChanged(false, error);
        return;
    }
    m_recorder = std::move(rec);
    Q_EMIT recordingChanged(true, path);
}

void BinanceFeed::setRecorder(std::shared_ptr<FrameRecorder> recorder)
{
    m_recorder = std::move(recorder);
}

void BinanceFeed::subscribe(const QStringList &symbols)
{
    FeedConfig added = m_config;
    added.symbols.clear();
    for (const QString &s : symbols) {
        const SymbolCode code = SymbolCode::fromString(s.trimmed());
        if (code.isEmpty() || m_config.symbols.contains(code.toString()))
            continue;
        m_config.symbols << code.toString();
        added.symbols << code.toString();
        m_subscribed.insert(code);
    }
    const qint64 now = m_clock.isValid() ? m_clock.elapsed() : 0;
    for (const QString &stream : streamNames(added))
        m_lastSeen.insert(stream, now); // silent from now on, not from the connection's start
    // A connection still connecting asks for them once connected, the next one names them in its URL.
    if (m_socket && m_state == FeedState::Connected)
        subscribeMissing(m_socket, false);
}

void BinanceFeed::addQuoteSymbols(const QStringList &symbols)
{
    FeedConfig added = m_config;
    added.symbols.clear();
    added.quoteSymbols.clear();
    if (symbols.contains(QStringLiteral("*")) && !m_config.quotesFor(QStringLiteral("*"))) {
        // Every symbol of this connection: those not quoted yet.
        for (const QString &s : m_config.symbols)
            if (!m_config.quotesFor(s))
                added.symbols << s;
        added.quoteSymbols = {QStringLiteral("*")};
        m_config.quoteSymbols << QStringLiteral("*");
    }
    for (const QString &s : symbols) {
        const SymbolCode code = SymbolCode::fromString(s.trimmed());
        if (code.isEmpty() || m_config.quotesFor(code.toString()))
            continue;
        m_config.quoteSymbols << code.toString();
        if (m_config.symbols.contains(code.toString())) {
            added.symbols << code.toString();
            added.quoteSymbols << code.toString();
        }
    }
    if (added.symbols.isEmpty())
        return;
    const qint64 now = m_clock.isValid() ? m_clock.elapsed() : 0;
    for (const QString &stream : streamNames(added))
        if (stream.endsWith(QLatin1String("@bookTicker")))
            m_lastSeen.insert(stream, now);
    if (m_socket && m_state == FeedState::Connected)
        subscribeMissing(m_socket, false);
}

void BinanceFeed::subscribeMissing(QWebSocket *socket, bool newConnection)
{
    if (newConnection)
        m_sentHere.clear();
    m_toSubscribe.clear();
    if (m_config.endpoint.query().contains(QLatin1String("streams="))) // the user's own stream URL
        return;
    // What the connection's URL asked for and what was sent on it since, against what the feed streams now.
    const QStringList asked = QUrlQuery(socket->requestUrl())
                                  .queryItemValue(QStringLiteral("streams"))
                                  .split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (const QString &stream : streamNames(m_config))
        if (!asked.contains(stream) && !m_sentHere.contains(stream))
            m_toSubscribe << stream;
    if (m_toSubscribe.isEmpty())
        return;
    if (!m_subscribeTimer) {
        m_subscribeTimer = new QTimer(this);
        connect(m_subscribeTimer, &QTimer::timeout, this, &BinanceFeed::sendSubscriptions);
    }
    m_subscribeTimer->setInterval(std::max(100, m_config.subscribeIntervalMs)); // never above 10 a second
    if (!m_subscribeTimer->isActive()) {
        m_subscribeTimer->start();
        QTimer::singleShot(0, this,
                           &BinanceFeed::sendSubscriptions); // at once, once the state says Connected
    }
}

void BinanceFeed::sendSubscriptions()
{
    if (m_toSubscribe.isEmpty() || !m_socket || m_state != FeedState::Connected) {
        m_toSubscribe.clear(); // a new connection names every stream in its URL
        if (m_subscribeTimer)
            m_subscribeTimer->stop();
        return;
    }
    const qsizetype n = std::min<qsizetype>(std::max(1, m_config.subscribeBatch), m_toSubscribe.size());
    QStringList params;
    for (qsizetype i = 0; i < n; ++i)
        params << QLatin1Char('"') + m_toSubscribe[i] + QLatin1Char('"');
    for (qsizetype i = 0; i < n; ++i)
        m_sentHere.insert(m_toSubscribe[i]);
    m_toSubscribe.remove(0, n);
    m_socket->sendTextMessage(QStringLiteral("{\"method\":\"SUBSCRIBE\",\"params\":[%1],\"id\":%2}")
                                  .arg(params.join(QLatin1Char(',')))
                                  .arg(++m_subscribeId));
    if (m_toSubscribe.isEmpty())
        m_subscribeTimer->stop();
}

void BinanceFeed::stopRecording()
{
    if (!m_recorder)
        return;
    m_recorder->close();
    const QString path = m_recorder->path();
    m_recorder.reset();
    Q_EMIT recordingChanged(false, path);
}

} // namespace pairlab
