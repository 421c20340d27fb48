#include "models/bar_model.h"

#include "storage/bar_store.h"
#include "storage/database.h"

#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

#include <QThread>
#include <QtConcurrent/QtConcurrentRun>
#include <climits>

#include <algorithm>

namespace pairlab {

BarModel::BarModel(QObject *parent) : QAbstractTableModel(parent), m_watcher(new QFutureWatcher<Loaded>(this))
{
    connect(m_watcher, &QFutureWatcher<Loaded>::finished, this, [this] {
        Loaded r = m_watcher->result();
        if (r.generation != m_generation)
            return; // a newer setSeries() superseded this load
        m_loading = false;
        if (!r.error.isEmpty())
            Q_EMIT loadFailed(r.error);
        beginResetModel();
        m_bars = std::move(r.bars);
        endResetModel();
        auto held = std::move(m_held);
        m_held.clear();
        for (const auto &[seq, batch] : held)
            if (seq > r.batchSeq)
                applyBatch(batch, seq);
        Q_EMIT barsChanged();
        Q_EMIT loaded();
    });
}

BarModel::~BarModel()
{
    m_watcher->waitForFinished();
}

void BarModel::setSeries(const QString &databasePath, const QString &symbol, Interval interval)
{
    beginResetModel();
    m_symbol = SymbolCode::fromString(symbol);
    m_interval = interval;
    m_bars.clear();
    m_held.clear();
    endResetModel();
    Q_EMIT barsChanged();
    m_loading = true;
    const quint64 generation = ++m_generation;
    const int limit = m_historyLimit;
    m_watcher->setFuture(QtConcurrent::run([databasePath, symbol, interval, limit, generation] {
        Loaded r;
        r.generation = generation;
        Database::withReader(
            databasePath,
            [&](QSqlDatabase &db) {
                r.bars = BarStore::loadBarsSnapshot(db, symbol, interval, limit, &r.batchSeq, &r.error);
            },
            &r.error);
        return r;
    }));
}

void BarModel::setBars(std::vector<Bar> bars)
{
    beginResetModel();
    m_bars = std::move(bars);
    m_loading = false;
    endResetModel();
    Q_EMIT barsChanged();
}

void BarModel::applyBatch(const BarBatch &batch, qint64 batchSeq)
{
    if (!batch)
        return;
    if (m_loading) {
        m_held.emplace_back(batchSeq, batch);
        return;
    }
    bool changed = false;
    for (const BarUpdate &u : *batch) {
        if (u.symbol == m_symbol && u.interval == m_interval && !u.bars.empty()) {
            merge(u.bars);
            changed = true;
        }
    }
    if (changed) {
        trim();
        Q_EMIT barsChanged();
    }
}

void BarModel::merge(const std::vector<Bar> &fragments)
{
    // Updates of existing rows first (one dataChanged over their span), then appended rows (one insert).
    int firstChanged = INT_MAX, lastChanged = -1;
    std::vector<Bar> appended;
    for (const Bar &f : fragments) {
        if (m_bars.empty() || m_bars.back().openMs < f.openMs) {
            if (!appended.empty() && appended.back().openMs == f.openMs)
                appended.back().merge(f);
            else
                appended.push_back(f);
            continue;
        }
        auto it = std::lower_bound(m_bars.begin(), m_bars.end(), f.openMs,
                                   [](const Bar &b, qint64 ms) { return b.openMs < ms; });
        const int row = int(it - m_bars.begin());
        if (it != m_bars.end() && it->openMs == f.openMs) {
            if (it->firstTradeId == 0 && it->trades > 0)
                continue; // the exchange's closed bar (history): it stands for that minute, as in the
                          // database
            it->merge(f);
            firstChanged = std::min(firstChanged, row);
            lastChanged = std::max(lastChanged, row);
        } else {
            // A late bar in the middle of the history.
            beginInsertRows({}, row, row);
            m_bars.insert(it, f);
            endInsertRows();
            if (lastChanged >= row)
                ++lastChanged;
            if (firstChanged >= row && firstChanged != INT_MAX)
                ++firstChanged;
        }
    }
    if (lastChanged >= 0)
        Q_EMIT dataChanged(index(firstChanged, 0), index(lastChanged, ColumnCount - 1));
    if (!appended.empty()) {
        const int first = int(m_bars.size());
        beginInsertRows({}, first, first + int(appended.size()) - 1);
        m_bars.insert(m_bars.end(), appended.begin(), appended.end());
        endInsertRows();
    }
}

void BarModel::trim()
{
    const int excess = int(m_bars.size()) - m_maxBars;
    if (excess <= 0)
        return;
    beginRemoveRows({}, 0, excess - 1);
    m_bars.erase(m_bars.begin(), m_bars.begin() + excess);
    endRemoveRows();
}

int BarModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_bars.size());
}

int BarModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BarModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Bar &b = m_bars[std::size_t(index.row())];
    if (role == Qt::EditRole) {
        switch (index.column()) {
        case Time:
            return qint64(b.openMs);
        case Open:
            return b.open;
        case High:
            return b.high;
        case Low:
            return b.low;
        case Close:
            return b.close;
        case Volume:
            return b.volume;
        case Trades:
            return qint64(b.trades);
        }
        return {};
    }
    if (role == Qt::TextAlignmentRole)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Time:
        return QDateTime::fromMSecsSinceEpoch(b.openMs, Qt::UTC)
            .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case Open:
        return QLocale().toString(b.open, 'f', 2);
    case High:
        return QLocale().toString(b.high, 'f', 2);
    case Low:
        return QLocale().toString(b.low, 'f', 2);
    case Close:
        return QLocale().toString(b.close, 'f', 2);
    case Volume:
        return QLocale().toString(b.volume, 'f', 3);
    case Trades:
        return QLocale().toString(qint64(b.trades));
    }
    return {};
}

QVariant BarModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Open time (UTC)");
    case Open:
        return tr("Open");
    case High:
        return tr("High");
    case Low:
        return tr("Low");
    case Close:
        return tr("Close");
    case Volume:
        return tr("Volume");
    case Trades:
        return tr("Trades");
    }
    return {};
}

} // namespace pairlab
