#pragma once

#include "backtest/walk_forward.h"

#include <QAbstractTableModel>

#include <span>

namespace pairlab {

/** The folds of a walk-forward, one row each: its training and test windows (UTC), the (entry, exit) and
 *  hedge its training chose, in-sample and out-of-sample net Sharpe (as ratio_view.h allows it for the
 *  window's span and trades), net P&L, trades and drawdown, and why nothing was chosen. EditRole gives the
 *  raw number (NaN where there is none). GUI thread. */
class WalkForwardFoldsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        Fold,
        Training,
        Test,
        Entry,
        Exit,
        Beta,
        InSampleSharpe,
        InSamplePnl,
        OutOfSampleSharpe,
        OutOfSamplePnl,
        OutOfSampleTrades,
        OutOfSampleDrawdown,
        Note,
        ColumnCount
    };

    explicit WalkForwardFoldsModel(QObject *parent = nullptr);
    /** The folds of r over bars whose open times are timeMs (empty: bar numbers are shown). */
    void setResult(const WalkForwardResult &r, std::span<const qint64> timeMs, double barsPerYear);
    void clear();
    const std::vector<WalkForwardFold> &folds() const { return m_folds; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QString training, test;
        qint64 trainSpanMs = 0, testSpanMs = 0;
    };
    std::vector<WalkForwardFold> m_folds;
    std::vector<Row> m_rows;
    double m_barsPerYear = 365.0 * 24 * 3600;
};

} // namespace pairlab
