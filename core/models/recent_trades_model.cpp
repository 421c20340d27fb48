#include "models/recent_trades_model.h"

#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

namespace pairlab {

RecentTradesModel::RecentTradesModel(int capacity, QObject *parent)
    : QAbstractTableModel(parent), m_capacity(std::max(1, capacity))
{
}

void RecentTradesModel::addTicks(const std::vector<Tick> &ticks)
{
    if (ticks.empty())
        return;
    const int incoming = int(std::min<std::size_t>(ticks.size(), std::size_t(m_capacity)));
    beginInsertRows({}, 0, incoming - 1);
    // The batch is oldest-first; the newest `incoming` go on top, newest first.
    for (std::size_t i = ticks.size() - std::size_t(incoming); i < ticks.size(); ++i)
        m_ticks.push_front(ticks[i]);
    endInsertRows();
    const int excess = int(m_ticks.size()) - m_capacity;
    if (excess > 0) {
        beginRemoveRows({}, m_capacity, m_capacity + excess - 1);
        m_ticks.resize(std::size_t(m_capacity));
        endRemoveRows();
    }
}

void RecentTradesModel::clear()
{
    beginResetModel();
    m_ticks.clear();
    endResetModel();
}

int RecentTradesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ticks.size());
}

int RecentTradesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RecentTradesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Tick &t = m_ticks[std::size_t(index.row())];
    if (role == BuyerMakerRole)
        return t.buyerMaker;
    if (role == Qt::TextAlignmentRole)
        return index.column() == Symbol || index.column() == Side ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                                                   : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::EditRole) {
        switch (index.column()) {
        case Time: return qint64(t.tsMs);
        case Symbol: return t.symbol.toString();
        case Price: return t.price;
        case Quantity: return t.qty;
        case Side: return t.buyerMaker;
        }
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Time:
        return QDateTime::fromMSecsSinceEpoch(t.tsMs, Qt::UTC).toString(QStringLiteral("HH:mm:ss.zzz"));
    case Symbol: return t.symbol.toString();
    case Price: return QLocale().toString(t.price, 'f', t.price < 10 ? 5 : 2);
    case Quantity: return QLocale().toString(t.qty, 'f', 3);
    // The buyer was the maker: the aggressor sold.
    case Side: return t.buyerMaker ? tr("Sell") : tr("Buy");
    }
    return {};
}

QVariant RecentTradesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time: return tr("Time (UTC)");
    case Symbol: return tr("Symbol");
    case Price: return tr("Price");
    case Quantity: return tr("Quantity");
    case Side: return tr("Aggressor");
    }
    return {};
}

} // namespace pairlab
