#include "sweep_grid_model.h"

#include "backtest/ratio_view.h"

#include <QLocale>

#include <cmath>
#include <limits>

namespace pairlab {

SweepGridModel::SweepGridModel(QObject *parent) : QAbstractTableModel(parent) {}

void SweepGridModel::setGrid(const SweepGrid &grid)
{
    SweepResult r;
    r.entries = grid.entries;
    r.exits = grid.exits;
    r.cells.resize(std::size_t(grid.size()));
    for (std::size_t i = 0; i < r.entries.size(); ++i) {
        for (std::size_t j = 0; j < r.exits.size(); ++j) {
            SweepCell &c = r.cells[i * r.exits.size() + j];
            c.entryIndex = int(i);
            c.exitIndex = int(j);
            c.entryZ = r.entries[i];
            c.exitZ = r.exits[j];
        }
    }
    setResult(std::move(r));
}

void SweepGridModel::setCell(const SweepCell &cell)
{
    if (cell.entryIndex < 0 || cell.exitIndex < 0 || cell.entryIndex >= rowCount() ||
        cell.exitIndex >= columnCount())
        return;
    m_result.cells[std::size_t(cell.entryIndex) * m_result.exits.size() + std::size_t(cell.exitIndex)] = cell;
    const QModelIndex i = index(cell.entryIndex, cell.exitIndex);
    Q_EMIT dataChanged(i, i);
}

void SweepGridModel::setResult(SweepResult result)
{
    beginResetModel();
    m_result = std::move(result);
    endResetModel();
}

double SweepGridModel::netSharpe(int row, int column) const
{
    if (row < 0 || column < 0 || row >= rowCount() || column >= columnCount())
        return kNaN;
    return m_result.netSharpe(row, column);
}

void SweepGridModel::setRatioBasis(qint64 spanMs, double barsPerYear)
{
    beginResetModel();
    m_spanMs = spanMs;
    m_barsPerYear = barsPerYear;
    endResetModel();
}

double SweepGridModel::shownSharpe(int row, int column) const
{
    if (row < 0 || column < 0 || row >= rowCount() || column >= columnCount())
        return kNaN;
    const SweepCell &c = m_result.cell(row, column);
    if (!c.valid)
        return kNaN;
    return ratioView(c.summary.sharpe, c.summary.trades, m_spanMs, m_barsPerYear).value;
}

std::pair<int, int> SweepGridModel::bestShown() const
{
    // The shown value is the engine's, or the engine's times one positive constant (per bar): same order.
    return m_result.best(kMinTradesForRatio);
}

QString SweepGridModel::ratioBasis() const
{
    return ratioView(1.0, kMinTradesForRatio, m_spanMs, m_barsPerYear).basis;
}

std::pair<double, double> SweepGridModel::sharpeRange() const
{
    double lo = kNaN, hi = kNaN;
    for (int i = 0; i < rowCount(); ++i)
        for (int j = 0; j < columnCount(); ++j) {
            const double s = shownSharpe(i, j);
            if (std::isnan(s))
                continue;
            lo = std::isnan(lo) ? s : std::min(lo, s);
            hi = std::isnan(hi) ? s : std::max(hi, s);
        }
    return {lo, hi};
}

int SweepGridModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_result.entries.size());
}

int SweepGridModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_result.exits.size());
}

QVariant SweepGridModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SweepCell &c = m_result.cell(index.row(), index.column());
    const double s = m_result.netSharpe(index.row(), index.column());
    const RatioView shown = ratioView(s, c.summary.trades, m_spanMs, m_barsPerYear);
    switch (role) {
    case Qt::DisplayRole:
        if (!c.valid)
            return QString();
        if (c.summary.trades < kMinTradesForRatio)
            return tr("n/a");
        return std::isnan(shown.value) ? QString()
                                       : QLocale().toString(shown.value, shown.annualised ? 'f' : 'g', 2);
    case Qt::EditRole:
        return c.valid ? shown.value : kNaN;
    case EntryRole:
        return m_result.entries[std::size_t(index.row())];
    case ExitRole:
        return m_result.exits[std::size_t(index.column())];
    case Qt::ToolTipRole:
        if (!c.valid)
            return c.error.isEmpty() ? tr("not computed") : c.error;
        return tr("entry %1, exit %2: net Sharpe %3, %5 trades, net PnL %6, max drawdown %7. %4.")
            .arg(QLocale().toString(c.entryZ, 'g', 4), QLocale().toString(c.exitZ, 'g', 4), shown.text,
                 shown.basis, QLocale().toString(c.summary.trades),
                 QLocale().toString(c.summary.netPnl, 'g', 6),
                 QLocale().toString(c.summary.maxDrawdown, 'g', 6));
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::Alignment(Qt::AlignCenter));
    default:
        return {};
    }
}

QVariant SweepGridModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section >= 0 && section < rowCount()
                   ? tr("entry %1").arg(QLocale().toString(m_result.entries[std::size_t(section)], 'g', 4))
                   : QVariant();
    return section >= 0 && section < columnCount()
               ? tr("exit %1").arg(QLocale().toString(m_result.exits[std::size_t(section)], 'g', 4))
               : QVariant();
}

} // namespace pairlab
