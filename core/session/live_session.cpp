#include "session/live_session.h"

#include "logging/log_categories.h"
#include "market/aggtrades_backfill.h"
#include "session/gap_watcher.h"
#include "storage/bar_store.h"
#include "storage/database.h"
#include "storage/gap_store.h"

#include <QDateTime>
#include <QHostAddress>
#include <QPromise>
#include <QTimer>

#include <algorithm>
#include <limits>

namespace pairlab {

void registerMetaTypes()
{
    qRegisterMetaType<pairlab::TickBatch>("pairlab::TickBatch");
    qRegisterMetaType<pairlab::QuoteBatch>("pairlab::QuoteBatch");
    qRegisterMetaType<pairlab::MarkPriceBatch>("pairlab::MarkPriceBatch");
    qRegisterMetaType<pairlab::BarBatch>("pairlab::BarBatch");
    qRegisterMetaType<pairlab::WriteStats>("pairlab::WriteStats");
    qRegisterMetaType<pairlab::FeedState>("pairlab::FeedState");
    qRegisterMetaType<pairlab::FeedStats>("pairlab::FeedStats");
    qRegisterMetaType<pairlab::TradeGap>("pairlab::TradeGap");
    qRegisterMetaType<pairlab::TradeGapList>("pairlab::TradeGapList");
    qRegisterMetaType<pairlab::BackfillOutcome>("pairlab::BackfillOutcome");
}

LiveSession::LiveSession(FeedConfig feed, QString databasePath, QObject *parent)
    : QObject(parent), m_config(std::move(feed)), m_dbPath(std::move(databasePath))
{
    registerMetaTypes();
    m_feedThread.setObjectName(QStringLiteral("pairlab-feed"));
    m_storageThread.setObjectName(QStringLiteral("pairlab-storage"));
    m_historyThread.setObjectName(QStringLiteral("pairlab-history"));
}

LiveSession::~LiveSession()
{
    stop();
}

void LiveSession::start()
{
    if (m_running)
        return;
    m_running = true;
    m_feed = new FeedGroup(m_config);
    m_writer = new TickWriter(m_dbPath);
    m_writer->setRetryInterval(m_storageRetryMs);
    m_feed->moveToThread(&m_feedThread);
    m_writer->moveToThread(&m_storageThread);
    connect(&m_feedThread, &QThread::finished, m_feed, &QObject::deleteLater);
    m_done = std::make_shared<QPromise<void>>();
    m_done->start();
    m_finished = m_done->future();
    // A replaced session on the same database closes it first: the storage thread's first event waits.
    if (!m_startAfter.isFinished()) // a default QFuture is finished
        QMetaObject::invokeMethod(m_writer, [after = m_startAfter]() mutable { after.waitForFinished(); });

    connect(m_feed, &FeedGroup::ticks, m_writer, &TickWriter::writeBatch);
    connect(m_feed, &FeedGroup::quotes, m_writer, &TickWriter::writeQuotes);
    connect(m_writer, &TickWriter::stored, this, &LiveSession::stored);
    connect(m_writer, &TickWriter::failed, this, &LiveSession::storageError);
    connect(m_writer, &TickWriter::recovered, this, &LiveSession::storageRecovered);
    connect(m_feed, &FeedGroup::stateChanged, this, &LiveSession::feedStateChanged);
    connect(m_feed, &FeedGroup::statsUpdated, this, &LiveSession::feedStatsUpdated);
    connect(m_feed, &FeedGroup::markPrices, this, &LiveSession::markPrices);
    connect(m_feed, &FeedGroup::markPrices, this, &LiveSession::onMarkPrices);
    connect(m_feed, &FeedGroup::streamSilent, this, &LiveSession::streamSilent);
    connect(m_feed, &FeedGroup::streamResumed, this, &LiveSession::streamResumed);
    connect(m_feed, &FeedGroup::errorReply, this, &LiveSession::errorReply);
    connect(m_feed, &FeedGroup::recordingChanged, this, &LiveSession::recordingChanged);

    // Gaps: detected on the feed thread (GapWatcher beside the feed; late ticks of an out-of-order
    // upstream close gaps within a second), recorded on the storage thread, back-filled on the feed thread.
    auto *watcher = new GapWatcher(1000);
    m_watcher = watcher;
    watcher->moveToThread(&m_feedThread);
    connect(&m_feedThread, &QThread::finished, watcher, &QObject::deleteLater);
    connect(m_feed, &FeedGroup::ticks, watcher, &GapWatcher::onTicks); // same thread: direct
    connect(watcher, &GapWatcher::gapsFound, this,
            [this](const TradeGapList &gaps) { takeGaps(std::vector<TradeGap>(gaps.begin(), gaps.end())); });
    m_gapRecorder = new GapRecorder(m_dbPath);
    m_gapRecorder->moveToThread(&m_storageThread);
    // The end, without a join: once the feed thread has ended (its last batch and the back-fill's ticks are
    // queued to the writer by then), the storage thread's last event stores them, closes the database
    // (deleting the writer and the recorder on their thread) and quits; stopped() then reaches this thread.
    connect(
        &m_feedThread, &QThread::finished, m_writer,
        [writer = m_writer, recorder = m_gapRecorder, done = m_done, history = &m_historyThread] {
            QMetaObject::invokeMethod(writer, [writer, recorder, done, history] {
                delete recorder;
                delete writer;
                history->wait(); // its connection to the database closes too (it was told to stop first)
                done->finish();
                QThread::currentThread()->quit();
            });
        },
        Qt::DirectConnection);
    connect(&m_storageThread, &QThread::finished, this, &LiveSession::stopped);
    connect(m_gapRecorder, &GapRecorder::failed, this,
            [](const QString &message) { qCWarning(lcStorage).noquote() << message; });
    connect(m_gapRecorder, &GapRecorder::loaded, this, [this](const TradeGapList &stored) {
        mergeGaps(stored);
        Q_EMIT gapsChanged(m_gaps);
        for (const TradeGap &g : stored)
            if (g.state == GapState::Open && m_backfill && !tooLongToFill(g))
                QMetaObject::invokeMethod(m_backfill, [b = m_backfill, g] { b->fill(g); });
    });
    // A replay on this machine is not Binance's stream: its gaps are not filled from the internet.
    auto isLocal = [](const QUrl &u) {
        return u.host() == QLatin1String("localhost") || QHostAddress(u.host()).isLoopback();
    };
    const bool restAllowed = !isLocal(m_config.endpoint) || isLocal(m_config.restBase);
    if (m_config.backfill && restAllowed) {
        BackfillConfig bc;
        bc.restBase = m_config.restBase;
        bc.kind = m_config.kind;
        m_backfill = new AggTradesBackfill(bc);
        m_backfill->moveToThread(&m_feedThread);
        connect(&m_feedThread, &QThread::finished, m_backfill, &QObject::deleteLater);
        connect(m_backfill, &AggTradesBackfill::ticks, m_writer, &TickWriter::writeBatch);
        connect(m_backfill, &AggTradesBackfill::finished, this, &LiveSession::onBackfilled);
    }
    QMetaObject::invokeMethod(m_gapRecorder, [r = m_gapRecorder] { r->load(qint64(7) * 24 * 3600 * 1000); });

    if (restAllowed && m_history.days > 0 && !m_history.intervals.isEmpty() && !m_config.symbols.isEmpty()) {
        m_filler = new HistoryFiller(m_dbPath, m_history);
        m_filler->moveToThread(&m_historyThread);
        connect(&m_historyThread, &QThread::finished, m_filler, &QObject::deleteLater);
        connect(m_filler, &HistoryFiller::progress, this, &LiveSession::historyProgress);
        connect(m_filler, &HistoryFiller::landed, this, &LiveSession::historyLanded);
        connect(m_filler, &HistoryFiller::finished, this, &LiveSession::historyFinished);
        m_historyThread.start();
        // Like the storage thread, it opens the database only once a replaced session has closed it.
        QMetaObject::invokeMethod(m_filler, [f = m_filler, symbols = m_config.symbols, end = m_historyEndMs,
                                             after = m_startAfter]() mutable {
            after.waitForFinished();
            f->fill(symbols, end > 0 ? end : QDateTime::currentMSecsSinceEpoch());
        });
    }
    m_storageThread.start();
    m_feedThread.start();
    QMetaObject::invokeMethod(m_writer, &TickWriter::openOrRetry);
    // Trades missed while the app was closed: the gap detector starts at each symbol's newest stored trade
    // (read on the feed thread before it connects, once a replaced session has stored its last batch), so the
    // first live trade shows the gap like any other.
    QMetaObject::invokeMethod(m_feed, [feed = m_feed, watcher, db = m_dbPath, symbols = m_config.symbols,
                                       after = m_startAfter]() mutable {
        after.waitForFinished();
        QString error;
        std::vector<BarStore::LastTrade> last;
        Database::withReader(
            db, [&](QSqlDatabase &c) { last = BarStore::lastTrades(c, symbols); }, &error);
        for (const BarStore::LastTrade &t : last)
            watcher->seed(SymbolCode::fromString(t.symbol), t.tradeId, t.tsMs);
        feed->start();
    });
}

void LiveSession::requestStop()
{
    if (!m_running)
        return;
    m_running = false;
    // Events run in posting order on each thread: the feed stops (flushing its last batch into the
    // writer's queue) and then quits; once it is gone, the writer drains that queue and quits (start()).
    if (m_filler) {
        QMetaObject::invokeMethod(m_filler, [f = m_filler] {
            f->cancel();
            QThread::currentThread()->quit();
        });
        m_filler = nullptr;
    }
    QMetaObject::invokeMethod(m_feed, &FeedGroup::stop);
    QMetaObject::invokeMethod(m_feed, [] { QThread::currentThread()->quit(); });
    m_feed = nullptr; // deleted with their threads; nothing is posted to them any more
    m_watcher = nullptr;
    m_writer = nullptr;
    m_backfill = nullptr;
    m_gapRecorder = nullptr;
}

void LiveSession::stop()
{
    requestStop();
    m_feedThread.wait();
    m_storageThread.wait();
    m_historyThread.wait();
}

void LiveSession::addQuoteSymbols(const QStringList &symbols)
{
    if (!m_feed)
        return;
    for (const QString &s : symbols)
        if (!m_config.quotesFor(s))
            m_config.quoteSymbols << s;
    QMetaObject::invokeMethod(m_feed, [feed = m_feed, symbols] { feed->addQuoteSymbols(symbols); });
}

void LiveSession::addSymbols(const QStringList &symbols)
{
    if (!m_feed)
        return;
    QStringList fresh;
    for (const QString &s : symbols)
        if (!m_config.symbols.contains(s) && !fresh.contains(s))
            fresh << s;
    if (fresh.isEmpty())
        return;
    m_config.symbols << fresh;
    // As at start: the gap detector starts at each new symbol's newest stored trade, then the feed asks.
    QMetaObject::invokeMethod(m_feed, [feed = m_feed, watcher = m_watcher, db = m_dbPath, fresh] {
        QString error;
        std::vector<BarStore::LastTrade> last;
        Database::withReader(
            db, [&](QSqlDatabase &c) { last = BarStore::lastTrades(c, fresh); }, &error);
        for (const BarStore::LastTrade &t : last)
            watcher->seed(SymbolCode::fromString(t.symbol), t.tradeId, t.tsMs);
        feed->subscribe(fresh);
    });
    if (m_filler)
        QMetaObject::invokeMethod(m_filler, [f = m_filler, fresh, end = m_historyEndMs] {
            f->fill(fresh, end > 0 ? end : QDateTime::currentMSecsSinceEpoch());
        });
}

qint64 LiveSession::fundingFetchAtMs(const std::vector<MarkPrice> &marks, qint64 nowMs)
{
    qint64 next = -1;
    for (const MarkPrice &m : marks)
        if (m.nextFundingMs > nowMs - FundingSettleMs && (next < 0 || m.nextFundingMs < next))
            next = m.nextFundingMs;
    return next < 0 ? -1 : next + FundingSettleMs;
}

qint64 LiveSession::nextFundingFetchMs(qint64 pendingAtMs, const std::vector<MarkPrice> &marks, qint64 nowMs)
{
    const qint64 at = fundingFetchAtMs(marks, nowMs);
    if (pendingAtMs >= 0 && (at < 0 || pendingAtMs <= at))
        return pendingAtMs;
    return at;
}

void LiveSession::onMarkPrices(const MarkPriceBatch &batch)
{
    if (!batch || !m_filler || !m_history.funding)
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 at = nextFundingFetchMs(m_fundingFetchAtMs, *batch, now);
    if (at < 0 || at == m_fundingFetchAtMs)
        return;
    m_fundingFetchAtMs = at;
    if (!m_fundingTimer) {
        m_fundingTimer = new QTimer(this);
        m_fundingTimer->setSingleShot(true);
        m_fundingTimer->setTimerType(Qt::VeryCoarseTimer);
        connect(m_fundingTimer, &QTimer::timeout, this, [this] {
            m_fundingFetchAtMs = -1; // the marks announce the next one
            QMetaObject::invokeMethod(m_filler, [f = m_filler, symbols = m_config.symbols] {
                f->fillFunding(symbols, QDateTime::currentMSecsSinceEpoch());
            });
        });
    }
    m_fundingTimer->start(int(std::clamp<qint64>(at - now, 0, qint64(9) * 3600 * 1000)));
}

void LiveSession::cancelHistory()
{
    if (m_filler)
        QMetaObject::invokeMethod(m_filler, &HistoryFiller::cancel);
}

void LiveSession::startRecording(const QString &path)
{
    if (m_feed)
        QMetaObject::invokeMethod(m_feed, [f = m_feed, path] { f->startRecording(path); });
}

void LiveSession::stopRecording()
{
    if (m_feed)
        QMetaObject::invokeMethod(m_feed, &FeedGroup::stopRecording);
}

bool LiveSession::tooLongToFill(const TradeGap &gap) const
{
    return gap.toMs - gap.fromMs > qint64(m_config.tradeBackfillHours) * 3600 * 1000;
}

void LiveSession::takeGaps(std::vector<TradeGap> gaps)
{
    if (gaps.empty())
        return;
    TradeGapList records;
    for (TradeGap &g : gaps) {
        const QString message = tr("gap of %n trade(s) in %1 (ids %2 to %3)", nullptr,
                                   int(std::min<qint64>(g.count(), std::numeric_limits<int>::max())))
                                    .arg(g.symbol.toString())
                                    .arg(g.fromId)
                                    .arg(g.toId);
        qCWarning(lcFeed).noquote() << message;
        Q_EMIT gapReport(message);
        // A gap longer than the bound (the app was closed for long) is not filled trade by trade: it is
        // recorded, and the exchange's 1 m and 5 m bars (the history back-fill) stand for it.
        if (tooLongToFill(g)) {
            g.state = GapState::Unfillable;
            g.reason = tr("longer than %1 h: not filled trade by trade; the exchange's bars cover it")
                           .arg(m_config.tradeBackfillHours);
        } else if (m_backfill) {
            QMetaObject::invokeMethod(m_backfill, [b = m_backfill, g] { b->fill(g); });
        }
        g.edge.clear();
        records << g;
    }
    mergeGaps(records);
    if (m_gapRecorder)
        QMetaObject::invokeMethod(m_gapRecorder, [r = m_gapRecorder, records] { r->record(records); });
    Q_EMIT gapsChanged(m_gaps);
}

void LiveSession::onBackfilled(const BackfillOutcome &outcome)
{
    const TradeGap &g = outcome.gap;
    QString message;
    if (outcome.complete()) {
        message = tr("gap of %n trade(s) in %1 back-filled", nullptr,
                     int(std::min<qint64>(g.count(), std::numeric_limits<int>::max())))
                      .arg(g.symbol.toString());
        qCInfo(lcFeed).noquote() << message;
    } else if (outcome.filledTo >= g.fromId) {
        message = tr("gap of %n trade(s) in %1 back-filled up to id %2; the rest could not be filled: %3",
                     nullptr, int(std::min<qint64>(g.count(), std::numeric_limits<int>::max())))
                      .arg(g.symbol.toString())
                      .arg(outcome.filledTo)
                      .arg(outcome.reason);
        qCWarning(lcFeed).noquote() << message;
    } else {
        message = tr("gap of %n trade(s) in %1 could not be filled: %2", nullptr,
                     int(std::min<qint64>(g.count(), std::numeric_limits<int>::max())))
                      .arg(g.symbol.toString(), outcome.reason);
        qCWarning(lcFeed).noquote() << message;
    }
    const TradeGapList records = outcome.records();
    mergeGaps(records);
    // Posted after the back-filled ticks reached the writer's queue, so the gap is marked once they are in.
    if (m_gapRecorder)
        QMetaObject::invokeMethod(m_gapRecorder, [r = m_gapRecorder, records] { r->record(records); });
    Q_EMIT gapReport(message);
    Q_EMIT gapsChanged(m_gaps);
}

void LiveSession::mergeGaps(const TradeGapList &records)
{
    for (const TradeGap &r : records) {
        m_gaps.removeIf([&r](const TradeGap &g) {
            return g.symbol == r.symbol && g.fromId <= r.toId && r.fromId <= g.toId;
        });
        m_gaps << r;
    }
    std::sort(m_gaps.begin(), m_gaps.end(), [](const TradeGap &a, const TradeGap &b) {
        return a.symbol != b.symbol ? a.symbol < b.symbol : a.fromId < b.fromId;
    });
}

} // namespace pairlab
