#pragma once

#include "backtest/backtest_sweep.h"

#include <QAbstractTableModel>

namespace pairlab {

/** A sweep of entry x exit thresholds as a grid: row i = entries[i], column j = exits[j]; each cell shows
 *  the net Sharpe of that backtest (empty when the pair of thresholds is invalid or was not computed).
 *  EditRole gives the raw net Sharpe (NaN when undefined), EntryRole/ExitRole the cell's thresholds,
 *  ToolTipRole the summary or why the cell is invalid. setGrid() lays out an empty grid, setCell() fills
 *  one cell as a sweep reports it, setResult() replaces everything. GUI thread. */
class SweepGridModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role { EntryRole = Qt::UserRole + 1, ExitRole };

    explicit SweepGridModel(QObject *parent = nullptr);
    void setGrid(const SweepGrid &grid);
    void setCell(const SweepCell &cell);
    void setResult(SweepResult result);
    const SweepResult &result() const { return m_result; }
    /** Net Sharpe of a cell, NaN when undefined. */
    double netSharpe(int row, int column) const;
    /** Smallest and largest defined net Sharpe ({NaN, NaN} when there is none), for colouring. */
    std::pair<double, double> sharpeRange() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    SweepResult m_result;
};

} // namespace pairlab
