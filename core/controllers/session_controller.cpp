#include "controllers/session_controller.h"

#include "logging/log_categories.h"
#include "market/binance_trade_parser.h"
#include "market/kline_server.h"
#include "market/recording.h"
#include "market/replay_server.h"
#include "models/axis_scale.h"
#include "storage/bar_store.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QTimer>

namespace pairlab {

SessionController::SessionController(QObject *parent) : QObject(parent) {}

SessionController::~SessionController()
{
    stop();
    m_retiring.clear(); // waits: everything is stored before the application ends
}

void SessionController::startLive(const FeedConfig &feed, const QString &databasePath)
{
    stop();
    m_historyEndMs = 0;
    Q_EMIT message(tr("Connecting to Binance USD-M futures…"), 5000);
    begin(Kind::Live, feed, databasePath);
}

bool SessionController::addQuoteSymbols(const QStringList &symbols)
{
    if (!m_session) // live, the demo or a replay: the replay server serves the quote frames it has
        return false;
    m_session->addQuoteSymbols(symbols);
    return true;
}

bool SessionController::addSymbols(const QStringList &symbols)
{
    if (!m_session || m_kind != Kind::Live)
        return false;
    QStringList fresh;
    for (const QString &s : symbols)
        if (!m_symbols.contains(s) && !fresh.contains(s))
            fresh << s;
    if (fresh.isEmpty())
        return true;
    m_session->addSymbols(fresh);
    m_symbols << fresh;
    qCInfo(lcFeed).noquote()
        << QStringLiteral("subscribing %1 more: %2").arg(fresh.size()).arg(fresh.join(QStringLiteral(", ")));
    Q_EMIT symbolsChanged(m_symbols);
    return true;
}

bool SessionController::serve(const QString &recordingPath, QString *error)
{
    auto *server = new ReplayServer(this);
    if (!server->load(recordingPath, error) || !server->listen(0, error)) {
        delete server;
        return false;
    }
    m_server = server;
    m_replayEnded = false;
    connect(server, &ReplayServer::finished, this, [this] {
        m_replayEnded = true;
        Q_EMIT replayFinished();
    });
    return true;
}

bool SessionController::resetScratchDatabase(const QString &path, QString *error)
{
    // A replay's trade ids are the recording's: into last time's file they would all be duplicates
    // ("0 trades stored", an empty watchlist). Each replay starts on an empty file.
    if (Database::isPostgres(path))
        return true; // a server database is never thrown away; its duplicates are skipped as usual
    for (const QString &suffix :
         {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")}) {
        QFile f(path + suffix);
        if (f.exists() && !f.remove()) {
            const QString why =
                tr("cannot empty the demo database %1: %2").arg(f.fileName(), f.errorString());
            qCWarning(lcStorage).noquote() << why;
            if (error)
                *error = why;
            stop();
            return false;
        }
    }
    return true;
}

bool SessionController::startDemo(const FeedConfig &base, const QString &databasePath, QString *error)
{
    stop();
    QString why;
    if (!serve(demoRecordingPath(), &why)) {
        qCWarning(lcFeed).noquote() << "cannot start the demo recording:" << why;
        if (error)
            *error = why;
        return false;
    }
    if (!resetScratchDatabase(databasePath, error))
        return false;
    m_server->setSpeed(m_demoSpeed);
    // Two and a half minutes of the recording arrive at once, as history: the Pair tab has its 120 bars
    // of 1 s within seconds instead of after two minutes.
    m_server->setHeadStartMs(kDemoHeadStartMs);
    m_server->setLoop(false);
    FeedConfig feed = base;
    feed.endpoint = m_server->url();
    feed.symbols = {QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")};
    feed.backfill = false; // a replay has no gaps to fill
    // The exchange's history behind the recording, through the same back-fill as Binance's: a loopback
    // GET /fapi/v1/klines serving real 1 m bars of another week, moved to end where the recording begins.
    qint64 firstMs = 0;
    QHash<QString, double> firstPrice;
    BinanceTradeParser parser;
    for (const RecordedFrame &f : m_server->recording().frames) {
        Tick t;
        if (parser.parse({f.json.constData(), std::size_t(f.json.size())}, t) != FrameKind::Trade)
            continue;
        firstMs = firstMs ? std::min<qint64>(firstMs, t.tsMs) : t.tsMs;
        if (!firstPrice.contains(t.symbol.toString()))
            firstPrice.insert(t.symbol.toString(), t.price);
        if (firstPrice.size() == 2)
            break;
    }
    auto *history = new KlineServer(m_server); // lives and ends with the replay server
    QString historyError;
    const bool withHistory = firstMs > 0 && loadDemoHistory(firstMs, firstPrice, history, &historyError) &&
                             history->listen(&historyError);
    if (withHistory) {
        feed.restBase = history->url();
        feed.historyDays = 7;
        m_historyEndMs = firstMs;
    } else {
        qCWarning(lcFeed).noquote() << "the demo starts without history:" << historyError;
        feed.historyDays = 0;
        m_historyEndMs = 0;
    }
    Q_EMIT message(
        withHistory
            ? tr("Demo: Binance trades recorded 2024-08-08 (the first %1 at once); history: real 1 m bars "
                 "of May–June 2025, moved in time and scaled to the recording")
                  .arg(durationText(double(kDemoHeadStartMs) / 1000.0))
            : tr("Demo: recorded Binance futures trades, 2024-08-08; the first %1 arrive at "
                 "once, as history, the rest as recorded")
                  .arg(durationText(double(kDemoHeadStartMs) / 1000.0)),
        15000);
    begin(Kind::Demo, feed, databasePath);
    return true;
}

bool SessionController::startReplay(const QString &recordingPath, const FeedConfig &base,
                                    const QString &databasePath, QString *error)
{
    stop();
    QString why;
    if (!serve(recordingPath, &why)) {
        qCWarning(lcFeed).noquote() << "cannot open the recording" << recordingPath << "-" << why;
        if (error)
            *error = why;
        return false;
    }
    if (!resetScratchDatabase(databasePath, error))
        return false;
    FeedConfig feed = base;
    feed.historyDays = 0; // a recording's own time has no exchange history behind it
    m_historyEndMs = 0;
    feed.endpoint = m_server->url();
    QStringList symbols;
    for (const RecordedFrame &f : m_server->recording().frames) {
        const QString s = QString::fromLatin1(f.stream.left(f.stream.indexOf('@'))).toUpper();
        if (!symbols.contains(s))
            symbols << s;
    }
    feed.symbols = symbols;
    Q_EMIT message(tr("Replay of %1").arg(QFileInfo(recordingPath).fileName()), 10000);
    begin(Kind::Replay, feed, databasePath);
    return true;
}

void SessionController::begin(Kind kind, const FeedConfig &feed, const QString &databasePath)
{
    m_kind = kind;
    m_dbPath = databasePath;
    m_symbols = feed.symbols;
    m_stored = 0;
    m_unsaved = 0;
    m_lastReconnects = 0;
    m_lastMalformed = 0;
    m_startedMs = QDateTime::currentMSecsSinceEpoch();
    qCInfo(lcFeed).noquote() << QStringLiteral("connecting to %1 (%2)")
                                    .arg(BinanceFeed::streamUrl(feed).toDisplayString(),
                                         BinanceFeed::streamNames(feed).join(QStringLiteral(", ")));
    qCInfo(lcStorage).noquote() << "database" << databasePath;
    FeedConfig config = feed;
    // Funding and mark prices come from Binance itself; a replay or a local server has none to send.
    config.markPrices = kind == Kind::Live && feed.endpoint.host().endsWith(QLatin1String("binance.com"));
    m_session = std::make_unique<LiveSession>(config, databasePath);
    LiveSession *s = m_session.get();
    s->setStartAfter(m_lastSessionDone);
    HistoryConfig history;
    history.days = feed.historyDays;
    history.klines.restBase = feed.restBase;
    history.funding = config.markPrices || kind == Kind::Demo; // Binance's funding, or the demo's
    if (kind == Kind::Demo)
        history.klines.ban = std::make_shared<RestBan>(); // the demo's loopback is not Binance: its own state
    m_restBase = kind == Kind::Replay ? QUrl() : feed.restBase;
    m_restBan = history.klines.ban;
    s->setHistory(history, m_historyEndMs);
    connect(s, &LiveSession::historyProgress, this,
            [this](const QString &symbol, int seconds, double done, double total) {
                Q_EMIT historyProgress(tr("history %1 %2: %3 of %4 days")
                                           .arg(symbol, BarStore::intervalLabel(seconds))
                                           .arg(QLocale().toString(std::max(0.0, done), 'f', 1))
                                           .arg(total));
            });
    connect(s, &LiveSession::historyLanded, this, &SessionController::historyLanded);
    connect(s, &LiveSession::historyFinished, this, [this](const QStringList &problems, bool cancelled) {
        Q_EMIT historyProgress(QString());
        if (cancelled)
            Q_EMIT message(tr("History back-fill cancelled; the live feed goes on."), 10000);
        else if (!problems.isEmpty())
            Q_EMIT message(tr("History not complete (%1); it is tried again at the next start.")
                               .arg(problems.join(QStringLiteral("; "))),
                           30000);
    });
    connect(s, &LiveSession::stored, this,
            [this](const TickBatch &ticks, const BarBatch &bars, const WriteStats &stats) {
                m_stored += stats.stored;
                if (stats.unsaved && ticks)
                    m_unsaved += qint64(ticks->size());
                Q_EMIT stored(ticks, bars, stats);
                Q_EMIT countsChanged(m_stored, m_unsaved);
            });
    connect(s, &LiveSession::feedStateChanged, this, &SessionController::onFeedState);
    connect(s, &LiveSession::feedStatsUpdated, this, &SessionController::onFeedStats);
    connect(s, &LiveSession::markPrices, this, &SessionController::markPrices);
    connect(s, &LiveSession::storageError, this, [this](const QString &m) {
        qCWarning(lcStorage).noquote() << m;
        Q_EMIT message(tr("Storage error: %1. The feed goes on; trades are held in memory and saved when the "
                          "database works again.")
                           .arg(m),
                       30000);
    });
    connect(s, &LiveSession::storageRecovered, this, [this](qint64 n) {
        qCInfo(lcStorage).noquote() << "database writable again," << n << "held trades stored";
        m_unsaved = 0;
        Q_EMIT countsChanged(m_stored, m_unsaved);
        Q_EMIT message(tr("The database works again: %L1 held trades stored.").arg(n), 15000);
    });
    connect(s, &LiveSession::streamSilent, this, [this](const QString &stream, int seconds) {
        if (m_replayEnded)
            return; // a finished recording is silent by nature
        qCWarning(lcFeed).noquote() << "stream" << stream << "silent for" << seconds << "s";
        Q_EMIT message(isReplay()
                           ? tr("Stream %1 has delivered nothing for %2 s.").arg(stream).arg(seconds)
                           : tr("Stream %1 has delivered nothing for %2 s — is the endpoint path right?")
                                 .arg(stream)
                                 .arg(seconds),
                       15000);
    });
    connect(s, &LiveSession::gapsChanged, this, &SessionController::gapsChanged);
    connect(s, &LiveSession::gapReport, this, [this](const QString &m) { Q_EMIT message(m, 15000); });
    connect(s, &LiveSession::errorReply, this, [this](const QString &m) {
        qCWarning(lcFeed).noquote() << "server error:" << m;
        Q_EMIT message(tr("Server error: %1").arg(m), 10000);
    });
    connect(s, &LiveSession::recordingChanged, this, [this](bool on, const QString &pathOrError) {
        m_recording = on;
        if (on)
            qCInfo(lcFeed).noquote() << "recording to" << pathOrError;
        else if (!pathOrError.isEmpty() && !QFileInfo::exists(pathOrError))
            qCWarning(lcFeed).noquote() << "recording failed:" << pathOrError;
        else
            qCInfo(lcFeed) << "recording stopped";
        Q_EMIT recordingChanged(on, pathOrError);
    });
    connect(this, &SessionController::replayFinished, s, [this] {
        if (m_kind == Kind::Demo)
            Q_EMIT message(tr("The demo recording has ended (5 min 45 s of real trades)."), 0);
        else
            Q_EMIT message(tr("The replay has ended."), 0);
    });
    m_session->start();
    Q_EMIT started(kind, m_symbols, databasePath);

    // Nothing after a few seconds: say so and offer the demo (unless this is a replay).
    if (kind == Kind::Live && m_noDataHintSeconds > 0) {
        QTimer::singleShot(m_noDataHintSeconds * 1000, this, [this, startedMs = m_startedMs] {
            if (m_session && m_startedMs == startedMs && m_stored == 0) {
                qCWarning(lcFeed).noquote() << "no trades after" << m_noDataHintSeconds << "s:" << m_detail;
                // The feed's state (cause, reconnect delay) changes after this: the window shows it beside
                // this text as it changes, never a copy taken now.
                Q_EMIT noTrades(tr("No trades from Binance after %1 s. The network may be unreachable.")
                                    .arg(m_noDataHintSeconds));
            }
        });
    }
}

void SessionController::stop()
{
    if (m_session) {
        // No join here: the session stores its last batch and closes the database on its own threads; the
        // next session's storage thread opens only after that (setStartAfter).
        LiveSession *s = m_session.get();
        s->disconnect(this); // what it still reports belongs to a session no longer shown
        connect(s, &LiveSession::stopped, this, [this, s] {
            std::erase_if(m_retiring, [s](const std::unique_ptr<LiveSession> &r) { return r.get() == s; });
        });
        s->requestStop();
        m_lastSessionDone = s->finished();
        m_retiring.push_back(std::move(m_session));
    }
    if (m_server)
        delete m_server.data();
    m_kind = Kind::None;
    if (m_recording) {
        m_recording = false;
        Q_EMIT recordingChanged(false, QString());
    }
}

void SessionController::startRecording(const QString &path)
{
    if (m_session)
        m_session->startRecording(path);
}

void SessionController::cancelHistory()
{
    if (m_session)
        m_session->cancelHistory();
}

void SessionController::stopRecording()
{
    if (m_session)
        m_session->stopRecording();
}

void SessionController::onFeedState(FeedState state, const QString &detail)
{
    if (state != m_state || detail != m_detail) {
        switch (state) {
        case FeedState::Connected:
            qCInfo(lcFeed).noquote() << "connected:" << detail;
            break;
        case FeedState::Connecting:
            qCInfo(lcFeed).noquote() << "connecting:" << detail;
            break;
        case FeedState::WaitingToReconnect:
            qCWarning(lcFeed).noquote() << "disconnected:" << detail;
            break;
        case FeedState::Stopped:
            qCInfo(lcFeed).noquote() << "stopped:" << detail;
            break;
        }
    }
    m_state = state;
    m_detail = detail;
    Q_EMIT feedStateChanged(state, detail);
}

void SessionController::onFeedStats(const FeedStats &s)
{
    if (s.reconnects > m_lastReconnects)
        qCInfo(lcFeed) << "reconnect" << s.reconnects << "of this session";
    if (s.malformed > m_lastMalformed)
        qCWarning(lcFeed).noquote() << s.malformed - m_lastMalformed
                                    << "malformed frames skipped; last:" << s.lastMalformed;
    m_lastReconnects = s.reconnects;
    m_lastMalformed = s.malformed;
    Q_EMIT feedStatsUpdated(s);
}

} // namespace pairlab
