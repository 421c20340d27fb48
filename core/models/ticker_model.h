#pragma once

#include "market/quote.h"
#include "market/tick.h"

#include <QAbstractTableModel>
#include <QHash>

#include <deque>
#include <functional>
#include <vector>

class QTimer;

namespace pairlab {

/** Watchlist: one row per symbol with the last price, change since the first trade of the session,
 *  session volume and trades per second (market time, over the last 10 s). Fed with stored tick batches
 *  on the GUI thread. Scales to hundreds of symbols: a row is found by hash, and the changed rows are
 *  announced at most every notifyIntervalMs (10 Hz), one dataChanged per run of adjacent changed rows — a
 *  view repaints only what moved. The values themselves are current at once. */
class TickerModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Symbol, Last, Change, Volume, TradesPerSecond, Funding, NextFunding, ColumnCount };
    enum Role { SymbolRole = Qt::UserRole + 1, DirectionRole /* -1, 0, +1: last move */ };

    explicit TickerModel(QObject *parent = nullptr);

    void setSymbols(const QStringList &symbols);
    QStringList symbols() const;
    void addTicks(const std::vector<Tick> &ticks);
    /** The newest funding rate and next funding time of these symbols (the countdown runs on its own). */
    void setMarkPrices(const std::vector<MarkPrice> &marks);
    /** The clock the countdown is measured against (tests set it). */
    void setClock(std::function<qint64()> nowMs);
    /** Announces the changed rows now (otherwise at most notifyIntervalMs after a change). */
    void notifyChanged();
    void setNotifyInterval(int ms);
    int notifyInterval() const;

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
        double fundingRate = 0, mark = 0;
        qint64 nextFundingMs = 0; ///< 0: no mark price yet
        double tradesPerSecond() const;
    };
    int rowOf(const SymbolCode &s);
    std::vector<Row> m_rows;
    QHash<SymbolCode, int> m_rowIndex;
    std::vector<char> m_dirty;
    QTimer *m_notify;
    QTimer *m_countdown = nullptr;
    std::function<qint64()> m_now;
};

} // namespace pairlab
