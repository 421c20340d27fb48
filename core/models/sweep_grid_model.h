#pragma once

#include "backtest/backtest_sweep.h"

#include <QAbstractTableModel>

namespace pairlab {

/** A sweep of entry x exit thresholds as a grid: row i = entries[i], column j = exits[j]; each cell shows
 *  the net Sharpe of that backtest as ratio_view.h allows it for the data (setRatioBasis): annualised,
 *  per bar when the data span less than a day, "n/a" with fewer than kMinTradesForRatio trades; empty
 *  when the pair of thresholds is invalid or was not computed. EditRole gives the shown value (NaN when
 *  refused or undefined), netSharpe() the engine's annualised one, EntryRole/ExitRole the cell's thresholds,
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
    /** The data's span and bars a year, which decide how a Sharpe may be shown (ratio_view.h). */
    void setRatioBasis(qint64 spanMs, double barsPerYear);
    /** Net Sharpe of a cell as the engine computed it (annualised), NaN when undefined. */
    double netSharpe(int row, int column) const;
    /** The Sharpe a cell shows (EditRole), NaN when refused or undefined. */
    double shownSharpe(int row, int column) const;
    /** The cell with the highest shown Sharpe ({-1, -1} if none). */
    std::pair<int, int> bestShown() const;
    /** Smallest and largest shown net Sharpe ({NaN, NaN} when there is none), for colouring. */
    std::pair<double, double> sharpeRange() const;
    /** What the shown values are: "annualised: ×√…" or "per bar, not annualised: …". */
    QString ratioBasis() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    SweepResult m_result;
    qint64 m_spanMs = 0;
    double m_barsPerYear = 365.0 * 24 * 3600;
};

} // namespace pairlab
