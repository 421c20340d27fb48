#include "market/feed_group.h"

#include "market/frame_recorder.h"

#include <QTimer>

#include <algorithm>

namespace pairlab {

namespace {

/** A stream URL the user wrote out names its own streams: it is one connection, never split. */
bool explicitStreams(const FeedConfig &config)
{
    return config.endpoint.query().contains(QLatin1String("streams="));
}

/** The symbols as the stream names count them: valid, upper case, each once. */
QStringList cleanSymbols(const QStringList &symbols)
{
    QStringList out;
    for (const QString &s : symbols) {
        const SymbolCode code = SymbolCode::fromString(s.trimmed());
        if (!code.isEmpty() && !out.contains(code.toString()))
            out << code.toString();
    }
    return out;
}

} // namespace

FeedGroup::FeedGroup(FeedConfig config, QObject *parent) : QObject(parent), m_config(std::move(config))
{
    for (const QStringList &symbols : shards(m_config))
        addConnection(symbols);
}

FeedGroup::~FeedGroup()
{
    if (m_recorder)
        m_recorder->close();
}

QList<QStringList> FeedGroup::shards(const FeedConfig &config)
{
    const QStringList symbols = cleanSymbols(config.symbols);
    if (explicitStreams(config) || symbols.isEmpty())
        return {config.symbols};
    const qsizetype per = std::max(1, config.streamsPerConnection);
    QList<QStringList> out;
    for (qsizetype i = 0; i < symbols.size(); i += per)
        out << symbols.mid(i, per);
    return out;
}

BinanceFeed *FeedGroup::addConnection(const QStringList &symbols)
{
    FeedConfig c = m_config;
    c.symbols = symbols;
    auto *feed = new BinanceFeed(c, this);
    const int index = int(m_feeds.size());
    m_feeds.push_back(feed);
    m_states.push_back(FeedState::Stopped);
    m_details.emplace_back();
    m_stats.emplace_back();
    connect(feed, &BinanceFeed::ticks, this, &FeedGroup::ticks);
    connect(feed, &BinanceFeed::quotes, this, &FeedGroup::quotes);
    connect(feed, &BinanceFeed::markPrices, this, &FeedGroup::markPrices);
    connect(feed, &BinanceFeed::stateChanged, this, [this, index](FeedState state, const QString &detail) {
        onConnectionState(index, state, detail);
    });
    connect(feed, &BinanceFeed::statsUpdated, this, [this, index](const FeedStats &s) {
        m_stats[std::size_t(index)] = s;
        Q_EMIT statsUpdated(stats());
    });
    connect(feed, &BinanceFeed::streamSilent, this, &FeedGroup::streamSilent);
    connect(feed, &BinanceFeed::streamResumed, this, &FeedGroup::streamResumed);
    connect(feed, &BinanceFeed::errorReply, this, &FeedGroup::errorReply);
    feed->setRecorder(m_recorder);
    if (m_running) // joins a running group: 250 ms after the one before, never in one burst
        QTimer::singleShot(250 * ++m_joining, feed, [this, feed] {
            --m_joining;
            if (m_running)
                feed->start();
        });
    return feed;
}

FeedStats FeedGroup::stats() const
{
    FeedStats sum;
    for (const FeedStats &s : m_stats) {
        sum.framesPerSecond += s.framesPerSecond;
        sum.frames += s.frames;
        sum.ticks += s.ticks;
        sum.quotes += s.quotes;
        sum.malformed += s.malformed;
        sum.unknown += s.unknown;
        sum.errorReplies += s.errorReplies;
        sum.unsubscribed += s.unsubscribed;
        sum.reconnects += s.reconnects;
        sum.lagMs = std::max(sum.lagMs, s.lagMs);
        if (!s.lastMalformed.isEmpty())
            sum.lastMalformed = s.lastMalformed;
    }
    return sum;
}

void FeedGroup::start()
{
    if (m_running)
        return;
    m_running = true;
    // 250 ms apart: Binance counts connection attempts per IP, and a burst of handshakes helps no one.
    for (std::size_t i = 0; i < m_feeds.size(); ++i) {
        BinanceFeed *feed = m_feeds[i];
        if (i == 0)
            feed->start();
        else
            QTimer::singleShot(int(250 * i), feed, [this, feed] {
                if (m_running)
                    feed->start();
            });
    }
}

void FeedGroup::stop()
{
    m_running = false;
    for (BinanceFeed *feed : m_feeds)
        feed->stop();
}

void FeedGroup::rotate()
{
    for (BinanceFeed *feed : m_feeds)
        feed->rotate();
}

void FeedGroup::startRecording(const QString &path)
{
    auto recorder = std::make_shared<FrameRecorder>();
    QString error;
    if (!recorder->open(path, &error)) {
        Q_EMIT recordingChanged(false, error);
        return;
    }
    if (m_recorder)
        m_recorder->close();
    m_recorder = std::move(recorder);
    for (BinanceFeed *feed : m_feeds)
        feed->setRecorder(m_recorder);
    Q_EMIT recordingChanged(true, path);
}

void FeedGroup::stopRecording()
{
    if (!m_recorder)
        return;
    for (BinanceFeed *feed : m_feeds)
        feed->setRecorder(nullptr);
    m_recorder->close();
    const QString path = m_recorder->path();
    m_recorder.reset();
    Q_EMIT recordingChanged(false, path);
}

void FeedGroup::subscribe(const QStringList &symbols)
{
    QStringList fresh;
    for (const QString &s : cleanSymbols(symbols)) {
        const bool streamed = std::any_of(m_feeds.begin(), m_feeds.end(), [&](const BinanceFeed *f) {
            return cleanSymbols(f->symbols()).contains(s);
        });
        if (!streamed)
            fresh << s;
    }
    if (fresh.isEmpty())
        return;
    m_config.symbols << fresh;
    const qsizetype per = std::max(1, m_config.streamsPerConnection);
    BinanceFeed *last = m_feeds.empty() ? nullptr : m_feeds.back();
    const qsizetype room =
        !last ? 0 : (explicitStreams(m_config) ? fresh.size() : per - cleanSymbols(last->symbols()).size());
    if (room > 0) {
        last->subscribe(fresh.mid(0, room));
        fresh.remove(0, std::min(room, fresh.size()));
    }
    for (qsizetype i = 0; i < fresh.size(); i += per)
        addConnection(fresh.mid(i, per));
}

void FeedGroup::addQuoteSymbols(const QStringList &symbols)
{
    for (const QString &s : cleanSymbols(symbols))
        if (!m_config.quotesFor(s))
            m_config.quoteSymbols << s;
    if (symbols.contains(QStringLiteral("*")) && !m_config.quotesFor(QStringLiteral("*")))
        m_config.quoteSymbols << QStringLiteral("*");
    for (BinanceFeed *feed : m_feeds)
        feed->addQuoteSymbols(symbols);
}

void FeedGroup::onConnectionState(int index, FeedState state, const QString &detail)
{
    m_states[std::size_t(index)] = state;
    m_details[std::size_t(index)] = detail;
    const int n = int(m_feeds.size());
    if (n == 1) { // one connection speaks for itself
        m_state = state;
        Q_EMIT stateChanged(state, detail);
        return;
    }
    const auto first = [this](FeedState s) {
        return int(std::find(m_states.begin(), m_states.end(), s) - m_states.begin());
    };
    const int up = int(std::count(m_states.begin(), m_states.end(), FeedState::Connected));
    const int waiting = first(FeedState::WaitingToReconnect);
    const int connecting = first(FeedState::Connecting);
    if (!m_running) {
        if (std::all_of(m_states.begin(), m_states.end(),
                        [](FeedState s) { return s == FeedState::Stopped; })) {
            m_state = FeedState::Stopped;
            Q_EMIT stateChanged(m_state, detail);
        }
        return;
    }
    if (waiting < n) {
        m_state = FeedState::WaitingToReconnect;
        Q_EMIT stateChanged(m_state, tr("%1 of %2 connections up; connection %3: %4")
                                         .arg(up)
                                         .arg(n)
                                         .arg(waiting + 1)
                                         .arg(m_details[std::size_t(waiting)]));
    } else if (up < n) {
        const int k = connecting < n ? connecting : first(FeedState::Stopped);
        m_state = FeedState::Connecting;
        Q_EMIT stateChanged(m_state, tr("%1 of %2 connections up; connection %3: %4")
                                         .arg(up)
                                         .arg(n)
                                         .arg(k + 1)
                                         .arg(k < n ? m_details[std::size_t(k)] : QString()));
    } else {
        FeedConfig c = m_config;
        int streams = 0;
        for (const BinanceFeed *f : m_feeds) {
            c.symbols = f->symbols();
            streams += int(BinanceFeed::streamNames(c).size());
        }
        c.symbols.clear();
        m_state = FeedState::Connected;
        Q_EMIT stateChanged(m_state,
                            tr("%1 connections, %2 streams: %3")
                                .arg(n)
                                .arg(streams)
                                .arg(BinanceFeed::streamUrl(c).adjusted(QUrl::RemoveQuery).toString()));
    }
}

} // namespace pairlab
