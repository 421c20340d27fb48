#include "storage/rest_bar_store.h"

#include "storage/bar_store.h"
#include "storage/bulk_store.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace pairlab {

namespace {
struct RestStoreText
{
    Q_DECLARE_TR_FUNCTIONS(RestBarStore)
};
} // namespace

RestBarStore::RestBarStore(QString database) : m_database(std::move(database)) {}

RestBarStore::~RestBarStore()
{
    m_bulk.reset();
    if (!m_connection.isEmpty())
        Database::close(m_connection);
}

bool RestBarStore::open(QString *error)
{
    if (m_bulk)
        return true;
    if (m_connection.isEmpty())
        m_connection = Database::uniqueConnectionName(QStringLiteral("rest-bars"));
    QSqlDatabase db = Database::open(m_database, m_connection, error);
    if (!db.isValid() || !db.isOpen())
        return false;
    m_bulk = BulkStore::attach(db, error);
    return m_bulk != nullptr;
}

bool RestBarStore::store(const KlineRange &range, const std::vector<Bar> &bars, qint64 *stored,
                         QString *error)
{
    if (!open(error))
        return false;
    std::vector<BulkBar> rows;
    rows.reserve(bars.size());
    std::int64_t symbolId = 0, added = 0;
    const QByteArray symbol = range.symbol.toUtf8();
    if (!m_bulk->begin()) {
        *error = m_bulk->lastError();
        return false;
    }
    if (!m_bulk->symbolId(std::string_view(symbol.constData(), std::size_t(symbol.size())), &symbolId)) {
        *error = m_bulk->lastError();
        m_bulk->rollback();
        return false;
    }
    for (const Bar &b : bars)
        rows.push_back({symbolId, range.intervalSeconds, &b});
    if (!m_bulk->insertOrIgnoreBars(rows, BarStore::RestSource.toUtf8(), &added) || !m_bulk->commit()) {
        *error = m_bulk->lastError();
        m_bulk->rollback();
        return false;
    }
    *stored = added;
    return true;
}

bool RestBarStore::missing(const KlineRange &range, QList<KlineRange> *out, QString *error)
{
    out->clear();
    if (!open(error))
        return false;
    const qint64 step = qint64(range.intervalSeconds) * 1000;
    if (step <= 0 || range.bars() == 0)
        return true;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT b.open_ms FROM bars b JOIN symbols s ON s.id = b.symbol_id"
                             " WHERE s.name = ? AND b.interval_s = ? AND b.source = ? AND b.open_ms >= ?"
                             " AND b.open_ms < ? ORDER BY b.open_ms"));
    q.addBindValue(range.symbol);
    q.addBindValue(range.intervalSeconds);
    q.addBindValue(BarStore::RestSource);
    q.addBindValue(range.fromMs);
    q.addBindValue(range.toMs);
    if (!q.exec()) {
        *error = RestStoreText::tr("cannot read the stored bars of %1: %2")
                     .arg(range.symbol, q.lastError().text());
        return false;
    }
    qint64 next = (range.fromMs + step - 1) / step * step; // the first open time not known to be stored
    auto gapUntil = [&](qint64 endMs) {
        if (endMs > next) {
            KlineRange r = range;
            r.fromMs = next;
            r.toMs = endMs;
            out->append(r);
        }
    };
    while (q.next()) {
        const qint64 openMs = q.value(0).toLongLong();
        gapUntil(openMs);
        next = std::max(next, openMs + step);
    }
    gapUntil(range.toMs);
    return true;
}

} // namespace pairlab
