#pragma once

#include "market/tick.h"

#include <QAbstractTableModel>

#include <deque>
#include <vector>

namespace pairlab {

/** The most recent trades, newest first, bounded to capacity() rows. One insert (and at most one
 *  remove) per batch. GUI thread. */
class RecentTradesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Time, Symbol, Price, Quantity, Side, ColumnCount };
    enum Role { BuyerMakerRole = Qt::UserRole + 1 };

    explicit RecentTradesModel(int capacity = 500, QObject *parent = nullptr);

    void addTicks(const std::vector<Tick> &ticks);
    void clear();
    int capacity() const { return m_capacity; }
    const Tick &tickAt(int row) const { return m_ticks[std::size_t(row)]; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    int m_capacity;
    std::deque<Tick> m_ticks; // front = newest
};

} // namespace pairlab
