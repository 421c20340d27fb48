#pragma once

#include "backtest/backtest_engine.h"

#include <QAbstractTableModel>

#include <vector>

namespace pairlab {

/** The trades of one backtest run, one row per trade: entry/exit time (UTC), side, entry/exit z, holding
 *  bars, gross PnL, costs, bid/ask crossed, funding and net PnL. EditRole gives the raw value (epoch ms, ±1,
 * full-precision doubles), DisplayRole text. The whole list is replaced at once with setTrades(). GUI thread.
 */
class BacktestTradesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        EntryTime,
        ExitTime,
        Side,
        EntryZ,
        ExitZ,
        HoldingBars,
        GrossPnl,
        Costs,    ///< fees, slippage and the spread-unit cost
        Crossing, ///< bid/ask crossed (quote fills)
        Funding,  ///< received (+) or paid (-)
        NetPnl,
        ColumnCount
    };

    explicit BacktestTradesModel(QObject *parent = nullptr);
    void setTrades(std::vector<BacktestTrade> trades);
    const std::vector<BacktestTrade> &trades() const { return m_trades; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<BacktestTrade> m_trades;
};

} // namespace pairlab
