#pragma once

#include "market/tick.h"

#include <QAbstractTableModel>

#include <deque>
#include <vector>

namespace pairlab {

/** Watchlist: one row per symbol with the last price, change since the first trade of the session,
 *  session volume and trades per second (market time, over the last 10 s). Fed with stored tick batches
 *  on the GUI thread; one dataChanged per batch. */
class TickerModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Symbol, Last, Change, Volume, TradesPerSecond, ColumnCount };
    enum Role { SymbolRole = Qt::UserRole + 1, DirectionRole /* -1, 0, +1: last move */ };

    explicit TickerModel(QObject *parent = nullptr);

    void setSymbols(const QStringList &symbols);
    QStringList symbols() const;
    void addTicks(const std::vector<Tick> &ticks);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        SymbolCode symbol;
        double first = 0, last = 0, previous = 0, volume = 0;
        qint64 trades = 0;
        std::deque<std::pair<qint64, int>> perSecond; // (epoch second, trades)
        qint64 lastTs = 0;
        double tradesPerSecond() const;
    };
    int rowOf(const SymbolCode &s);
    std::vector<Row> m_rows;
};

} // namespace pairlab
