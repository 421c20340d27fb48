#include "storage/tick_writer.h"

#include "logging/log_categories.h"
#include "storage/bulk_store.h"
#include "storage/database.h"
#include "storage/quote_store.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>

#include <limits>

namespace pairlab {

TickWriter::TickWriter(QString databasePath, QObject *parent)
    : QObject(parent), m_path(std::move(databasePath))
{
}

TickWriter::~TickWriter()
{
    if (!m_pending.empty())
        qCWarning(lcStorage).noquote()
            << m_pending.size()
            << "trades held in memory were not stored: the database refused them until the end";
    close();
}

bool TickWriter::isOpen() const
{
    return m_store != nullptr;
}

bool TickWriter::open(QString *error)
{
    close();
    // A name of its own: two writers on one thread must not share (and close) one connection.
    m_connection = Database::uniqueConnectionName(QStringLiteral("tickwriter"));
    QSqlDatabase db = Database::open(m_path, m_connection, error);
    if (!db.isValid())
        return false;
    for (const QString &sql : std::as_const(m_sessionStatements)) {
        QSqlQuery q(db);
        if (!q.exec(sql)) {
            if (error)
                *error = tr("cannot prepare the database connection: %1").arg(q.lastError().text());
            close();
            return false;
        }
    }
    m_store = BulkStore::attach(db, error);
    if (!m_store)
        close();
    return m_store != nullptr;
}

void TickWriter::close()
{
    if (m_store) {
        QString error;
        if (!flushQuotes(&error))
            qCWarning(lcStorage).noquote() << "quote bars not stored at close:" << error;
    }
    m_store.reset();
    forgetCaches();
    if (!m_connection.isEmpty()) {
        Database::close(m_connection);
        m_connection.clear();
    }
}

void TickWriter::forgetCaches()
{
    // After a rolled-back transaction a cached symbol row or maximum may not exist: read them again.
    m_symbolIds.clear();
    m_maxStoredId.clear();
}

bool TickWriter::ensureSymbol(const SymbolCode &s, std::int64_t *id, QString *error)
{
    const auto it = m_symbolIds.constFind(s);
    if (it != m_symbolIds.constEnd()) {
        *id = it.value();
        return true;
    }
    if (!m_store->symbolId(s.view(), id)) {
        if (error)
            *error = tr("cannot add symbol %1: %2").arg(s.toString(), m_store->lastError());
        return false;
    }
    m_symbolIds.insert(s, *id);
    return true;
}

bool TickWriter::insertTicks(std::span<const Tick> ticks, bool fast, std::vector<Tick> *fresh, bool *conflict,
                             QString *error)
{
    // Trade ids grow per symbol. A tick above the largest id already stored (or seen earlier in this batch)
    // cannot be a duplicate: those go in bulk (multi-row statements, COPY). Everything else is inserted
    // with "insert or ignore", which says per row whether it was new. The bulk insert fails with a
    // conflict when another writer stored one of those ticks first; the caller then redoes the batch with
    // fast = false, which decides for every tick from the database itself.
    *conflict = false;
    std::vector<BulkTick> bulk, checked;
    std::vector<std::size_t> bulkIndex, checkedIndex;
    bulk.reserve(ticks.size());
    bulkIndex.reserve(ticks.size());
    SymbolCode lastSymbol;
    std::int64_t symbolId = -1;
    std::int64_t *maxId = nullptr;
    for (std::size_t i = 0; i < ticks.size(); ++i) {
        const Tick &t = ticks[i];
        if (symbolId < 0 || t.symbol != lastSymbol) {
            if (!ensureSymbol(t.symbol, &symbolId, error))
                return false;
            lastSymbol = t.symbol;
            auto it = m_maxStoredId.find(symbolId);
            if (it == m_maxStoredId.end()) {
                std::int64_t m = std::numeric_limits<std::int64_t>::min();
                if (!m_store->maxTradeId(symbolId, &m)) {
                    *error = tr("cannot read the stored %1 ticks: %2")
                                 .arg(t.symbol.toString(), m_store->lastError());
                    return false;
                }
                it = m_maxStoredId.emplace(symbolId, m).first;
            }
            maxId = &it->second;
        }
        if (fast && t.tradeId > *maxId) {
            *maxId = t.tradeId;
            bulk.push_back({symbolId, &t});
            bulkIndex.push_back(i);
        } else {
            checked.push_back({symbolId, &t});
            checkedIndex.push_back(i);
        }
    }
    std::vector<char> isNew(ticks.size(), 0);
    switch (m_store->insertNewTicks(bulk)) {
    case BulkStore::Result::Ok:
        break;
    case BulkStore::Result::Conflict:
        *conflict = true;
        return false;
    case BulkStore::Result::Failed:
        *error = tr("cannot store ticks: %1").arg(m_store->lastError());
        return false;
    }
    for (std::size_t i : bulkIndex)
        isNew[i] = 1;
    if (!checked.empty()) {
        std::vector<char> checkedNew;
        if (!m_store->insertOrIgnoreTicks(checked, &checkedNew)) {
            *error = tr("cannot store ticks: %1").arg(m_store->lastError());
            return false;
        }
        for (std::size_t k = 0; k < checked.size(); ++k) {
            if (!checkedNew[k])
                continue;
            isNew[checkedIndex[k]] = 1;
            std::int64_t &m = m_maxStoredId[checked[k].symbolId];
            m = std::max(m, checked[k].tick->tradeId);
        }
    }
    fresh->reserve(ticks.size());
    for (std::size_t i = 0; i < ticks.size(); ++i)
        if (isNew[i])
            fresh->push_back(ticks[i]);
    return true;
}

bool TickWriter::write(std::span<const Tick> ticks, WriteStats *stats, QString *error,
                       std::vector<Tick> *newTicks, std::vector<BarUpdate> *bars)
{
    WriteStats local;
    local.received = std::int64_t(ticks.size());
    if (!m_store) {
        if (error)
            *error = tr("the tick database is not open");
        return false;
    }
    auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        m_store->rollback();
        forgetCaches();
        return false;
    };
    if (!m_store->begin())
        return fail(tr("cannot start a transaction: %1").arg(m_store->lastError()));

    std::vector<Tick> fresh;
    QString insertError;
    bool conflict = false;
    if (!insertTicks(ticks, true, &fresh, &conflict, &insertError)) {
        if (!conflict)
            return fail(insertError);
        // Another writer stored some of the ticks this writer took for new: redo the batch row by row.
        m_store->rollback();
        forgetCaches();
        if (!m_store->begin())
            return fail(tr("cannot start a transaction: %1").arg(m_store->lastError()));
        fresh.clear();
        if (!insertTicks(ticks, false, &fresh, &conflict, &insertError))
            return fail(insertError);
    }
    local.stored = std::int64_t(fresh.size());
    local.duplicates = local.received - local.stored;

    std::vector<BarUpdate> updates = m_aggregator.aggregate(fresh);
    std::vector<BulkBar> rows;
    for (const BarUpdate &u : updates) {
        std::int64_t sid = 0;
        QString err;
        if (!ensureSymbol(u.symbol, &sid, &err))
            return fail(err);
        for (const Bar &b : u.bars)
            rows.push_back({sid, intervalSeconds(u.interval), &b});
    }
    if (!m_store->upsertLiveBars(rows))
        return fail(tr("cannot store bars: %1").arg(m_store->lastError()));
    local.barsUpserted = std::int64_t(rows.size());
    // Readers that load bars take this number in the same snapshot, so a model knows which of the
    // batches it was sent after its load are already in what it read.
    if (!m_store->nextBatchSeq(&local.batchSeq))
        return fail(tr("cannot update the ingest sequence: %1").arg(m_store->lastError()));
    if (!m_store->commit())
        return fail(tr("cannot commit ticks: %1").arg(m_store->lastError()));

    m_totals.received += local.received;
    m_totals.stored += local.stored;
    m_totals.duplicates += local.duplicates;
    m_totals.barsUpserted += local.barsUpserted;
    if (stats)
        *stats = local;
    if (newTicks)
        *newTicks = std::move(fresh);
    if (bars)
        *bars = std::move(updates);
    return true;
}

void TickWriter::writeQuotes(const pairlab::QuoteBatch &batch)
{
    if (!batch || batch->empty())
        return;
    if (m_store) {
        // Each symbol's duplicate filter starts after what is stored (a restart, a replay of the same data).
        const QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        for (const Quote &q : *batch) {
            if (m_quoteSeeded.contains(q.symbol))
                continue;
            m_quoteSeeded.insert(q.symbol);
            QString error;
            const std::int64_t last = QuoteStore::lastUpdateId(db, q.symbol.toString(), &error);
            if (!error.isEmpty())
                qCWarning(lcStorage).noquote() << "cannot read the newest stored quote:" << error;
            m_quoteBinner.seed(q.symbol, last);
        }
    }
    m_quoteUpdates += m_quoteBinner.add(*batch);
    if (!m_quoteTimer) {
        m_quoteTimer = new QTimer(this);
        m_quoteTimer->setInterval(1000);
        connect(m_quoteTimer, &QTimer::timeout, this, [this] {
            QString error;
            if (!flushQuotes(&error))
                qCWarning(lcStorage).noquote() << "quote bars held for the next try:" << error;
        });
    }
    if (!m_quoteTimer->isActive())
        m_quoteTimer->start();
}

bool TickWriter::flushQuotes(QString *error)
{
    for (QuoteBarUpdate &u : m_quoteBinner.take())
        m_quoteHeld.push_back(std::move(u));
    if (m_quoteHeld.empty())
        return true;
    if (!m_store) {
        if (error)
            *error = tr("the tick database is not open");
    } else {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (QuoteStore::store(db, m_quoteHeld, error)) {
            m_quoteHeld.clear();
            return true;
        }
    }
    // Kept for the next try; beyond the cap the oldest fragments go (a database down for hours).
    std::size_t bars = 0;
    for (const QuoteBarUpdate &u : m_quoteHeld)
        bars += u.bars.size();
    while (bars > MaxHeldQuoteBars && !m_quoteHeld.empty()) {
        bars -= m_quoteHeld.front().bars.size();
        m_quoteHeld.erase(m_quoteHeld.begin());
    }
    return false;
}

void TickWriter::writeBatch(const pairlab::TickBatch &batch)
{
    if (!batch || batch->empty())
        return;
    if (m_pending.empty()) {
        WriteStats stats;
        QString error = m_failure.isEmpty() ? tr("the tick database is not open") : m_failure;
        std::vector<Tick> fresh;
        std::vector<BarUpdate> bars;
        if (m_store && write(*batch, &stats, &error, &fresh, &bars)) {
            for (const Tick &t : fresh) {
                std::int64_t &shown = m_shown[t.symbol];
                shown = std::max(shown, t.tradeId);
            }
            Q_EMIT stored(std::make_shared<const std::vector<Tick>>(std::move(fresh)),
                          std::make_shared<const std::vector<BarUpdate>>(std::move(bars)), stats);
            return;
        }
        hold(*batch, error);
    } else {
        hold(*batch, QString()); // keep the order: nothing new is written before what is held
    }
    // The live views still get the trades, once each, marked unsaved; batchSeq above any snapshot's, since
    // no database snapshot holds them yet.
    std::vector<Tick> shown = displayable(*batch);
    std::vector<BarUpdate> bars = m_aggregator.aggregate(shown);
    WriteStats stats;
    stats.received = std::int64_t(batch->size());
    stats.unsaved = true;
    stats.batchSeq = std::numeric_limits<std::int64_t>::max();
    Q_EMIT stored(std::make_shared<const std::vector<Tick>>(std::move(shown)),
                  std::make_shared<const std::vector<BarUpdate>>(std::move(bars)), stats);
}

std::vector<Tick> TickWriter::displayable(std::span<const Tick> ticks)
{
    std::vector<Tick> out;
    out.reserve(ticks.size());
    for (const Tick &t : ticks) {
        auto it = m_shown.find(t.symbol);
        if (it == m_shown.end()) {
            // Start from what the database already held, so that a reconnect overlap is not shown twice.
            std::int64_t known = 0;
            if (const auto sid = m_symbolIds.constFind(t.symbol); sid != m_symbolIds.constEnd()) {
                if (const auto m = m_maxStoredId.find(sid.value()); m != m_maxStoredId.end())
                    known = m->second;
            }
            it = m_shown.insert(t.symbol, known);
        }
        if (t.tradeId > it.value()) {
            it.value() = t.tradeId;
            out.push_back(t);
        }
    }
    return out;
}

void TickWriter::hold(const std::vector<Tick> &ticks, const QString &error)
{
    m_pending.insert(m_pending.end(), ticks.begin(), ticks.end());
    if (m_pending.size() > MaxPendingTicks) {
        const std::size_t drop = m_pending.size() - MaxPendingTicks;
        m_pending.erase(m_pending.begin(), m_pending.begin() + std::ptrdiff_t(drop));
        m_dropped += std::int64_t(drop);
    }
    if (!error.isEmpty() && error != m_failure) {
        m_failure = error;
        Q_EMIT failed(error);
    }
    scheduleRetry();
}

void TickWriter::scheduleRetry()
{
    if (!m_retryTimer) {
        m_retryTimer = new QTimer(this);
        connect(m_retryTimer, &QTimer::timeout, this, [this] {
            QString error;
            if (!retryPending(&error) && !error.isEmpty() && error != m_failure) {
                m_failure = error;
                Q_EMIT failed(error);
            }
        });
    }
    if (!m_retryTimer->isActive())
        m_retryTimer->start(m_retryMs);
}

void TickWriter::openOrRetry()
{
    QString error;
    if (open(&error))
        return;
    m_failure = error;
    Q_EMIT failed(error);
    scheduleRetry();
}

bool TickWriter::retryPending(QString *error)
{
    if (!m_store && !open(error))
        return false;
    constexpr std::size_t Chunk = 50000;
    std::int64_t storedNow = 0;
    std::size_t done = 0;
    while (done < m_pending.size()) {
        const std::size_t n = std::min(Chunk, m_pending.size() - done);
        WriteStats s;
        if (!write(std::span<const Tick>(m_pending).subspan(done, n), &s, error)) {
            // What went in stays (each chunk is one transaction); reopen on the next try.
            m_pending.erase(m_pending.begin(), m_pending.begin() + std::ptrdiff_t(done));
            close();
            return false;
        }
        storedNow += s.stored;
        done += n;
    }
    m_pending.clear();
    m_pending.shrink_to_fit();
    m_failure.clear();
    if (m_retryTimer)
        m_retryTimer->stop();
    // The ticks were shown when they were held: the views get only the count.
    WriteStats stats;
    stats.stored = storedNow;
    Q_EMIT stored(std::make_shared<const std::vector<Tick>>(),
                  std::make_shared<const std::vector<BarUpdate>>(), stats);
    Q_EMIT recovered(storedNow);
    return true;
}

} // namespace pairlab
