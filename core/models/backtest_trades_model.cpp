#include "backtest_trades_model.h"

#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

#include <cmath>

namespace pairlab {

BacktestTradesModel::BacktestTradesModel(QObject *parent) : QAbstractTableModel(parent) {}

void BacktestTradesModel::setTrades(std::vector<BacktestTrade> trades)
{
    beginResetModel();
    m_trades = std::move(trades);
    endResetModel();
}

int BacktestTradesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_trades.size());
}

int BacktestTradesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

static QString timeText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc())
        .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

static QString numberText(double v, int decimals)
{
    return std::isnan(v) ? QString() : QLocale().toString(v, 'f', decimals);
}

QVariant BacktestTradesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const BacktestTrade &t = m_trades[std::size_t(index.row())];
    if (role == Qt::EditRole) {
        switch (Column(index.column())) {
        case EntryTime:
            return t.entryTimeMs;
        case ExitTime:
            return t.exitTimeMs;
        case Side:
            return t.side;
        case EntryZ:
            return t.entryZ;
        case ExitZ:
            return t.exitZ;
        case HoldingBars:
            return t.holdingBars;
        case GrossPnl:
            return t.grossPnl;
        case Costs:
            return t.costs;
        case Crossing:
            return t.crossing;
        case Funding:
            return t.funding;
        case NetPnl:
            return t.netPnl;
        case ColumnCount:
            break;
        }
        return {};
    }
    if (role == Qt::DisplayRole) {
        switch (Column(index.column())) {
        case EntryTime:
            return timeText(t.entryTimeMs);
        case ExitTime:
            return t.exit == TradeExit::Open ? tr("%1 (open)").arg(timeText(t.exitTimeMs))
                                             : timeText(t.exitTimeMs);
        case Side:
            return t.side > 0 ? tr("long") : tr("short");
        case EntryZ:
            return numberText(t.entryZ, 3);
        case ExitZ:
            return numberText(t.exitZ, 3);
        case HoldingBars:
            return t.holdingBars;
        case GrossPnl:
            return numberText(t.grossPnl, 4);
        case Costs:
            return numberText(t.costs, 4);
        case Crossing:
            return numberText(t.crossing, 4);
        case Funding:
            return numberText(t.funding, 4);
        case NetPnl:
            return numberText(t.netPnl, 4);
        case ColumnCount:
            break;
        }
        return {};
    }
    if (role == Qt::TextAlignmentRole && index.column() != EntryTime && index.column() != ExitTime &&
        index.column() != Side)
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    return {};
}

QVariant BacktestTradesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    switch (Column(section)) {
    case EntryTime:
        return tr("Entry (UTC)");
    case ExitTime:
        return tr("Exit (UTC)");
    case Side:
        return tr("Side");
    case EntryZ:
        return tr("Entry z");
    case ExitZ:
        return tr("Exit z");
    case HoldingBars:
        return tr("Bars held");
    case GrossPnl:
        return tr("Gross PnL");
    case Costs:
        return tr("Costs");
    case Crossing:
        return tr("Bid/ask crossed");
    case Funding:
        return tr("Funding");
    case NetPnl:
        return tr("Net PnL");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace pairlab
