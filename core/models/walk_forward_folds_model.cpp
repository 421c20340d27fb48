#include "models/walk_forward_folds_model.h"

#include "backtest/ratio_view.h"

#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

#include <cmath>

namespace pairlab {

namespace {

/** "2024-08-08 23:55:20 – 23:56:12": the end without its date when it is the start's. */
QString utcRange(qint64 from, qint64 to)
{
    const QDateTime a = QDateTime::fromMSecsSinceEpoch(from, QTimeZone::utc());
    const QDateTime b = QDateTime::fromMSecsSinceEpoch(to, QTimeZone::utc());
    const QString time = QStringLiteral("HH:mm:ss");
    return a.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QStringLiteral(" – ") +
           b.toString(a.date() == b.date() ? time : QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString money(double v)
{
    return std::isfinite(v) ? QLocale().toString(v, 'f', 2) : QStringLiteral("—");
}

} // namespace

WalkForwardFoldsModel::WalkForwardFoldsModel(QObject *parent) : QAbstractTableModel(parent) {}

void WalkForwardFoldsModel::setResult(const WalkForwardResult &r, std::span<const qint64> timeMs,
                                      double barsPerYear)
{
    beginResetModel();
    m_folds = r.folds;
    m_barsPerYear = barsPerYear;
    m_rows.clear();
    for (const WalkForwardFold &f : m_folds) {
        Row row;
        const auto window = [&](int from, int to, qint64 *span) {
            if (timeMs.size() < std::size_t(to) || to <= from)
                return tr("bars %L1–%L2").arg(from).arg(to - 1);
            *span = timeMs[std::size_t(to - 1)] - timeMs[std::size_t(from)];
            return utcRange(timeMs[std::size_t(from)], timeMs[std::size_t(to - 1)]);
        };
        row.training = window(f.trainFrom, f.trainTo, &row.trainSpanMs);
        row.test = window(f.testFrom, f.testTo, &row.testSpanMs);
        m_rows.push_back(row);
    }
    endResetModel();
}

void WalkForwardFoldsModel::clear()
{
    beginResetModel();
    m_folds.clear();
    m_rows.clear();
    endResetModel();
}

int WalkForwardFoldsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_folds.size());
}

int WalkForwardFoldsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant WalkForwardFoldsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const WalkForwardFold &f = m_folds[std::size_t(index.row())];
    const Row &row = m_rows[std::size_t(index.row())];
    const int column = index.column();
    if (role == Qt::EditRole) {
        switch (column) {
        case Fold:
            return index.row() + 1;
        case Entry:
            return f.entryZ;
        case Exit:
            return f.exitZ;
        case Beta:
            return f.beta;
        case InSampleSharpe:
            return f.inSample.sharpe;
        case InSamplePnl:
            return f.inSample.netPnl;
        case OutOfSampleSharpe:
            return f.outOfSample.sharpe;
        case OutOfSamplePnl:
            return f.outOfSample.netPnl;
        case OutOfSampleTrades:
            return f.outOfSample.trades;
        case OutOfSampleDrawdown:
            return f.outOfSample.maxDrawdown;
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::TextAlignmentRole)
        return column == Training || column == Test || column == Note
                   ? QVariant(int(Qt::AlignLeft | Qt::AlignVCenter))
                   : QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
    if (role == Qt::ToolTipRole) {
        if (column == InSampleSharpe)
            return ratioView(f.inSample.sharpe, f.inSample.trades, row.trainSpanMs, m_barsPerYear, 3).basis;
        if (column == OutOfSampleSharpe)
            return ratioView(f.outOfSample.sharpe, f.outOfSample.trades, row.testSpanMs, m_barsPerYear, 3)
                .basis;
        if (column == Beta && std::isnan(f.beta) && f.chosen)
            return tr(
                "The rolling and Kalman hedges adapt bar by bar from the training window's first bar on.");
        if (column == Note)
            return f.note;
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    const bool chosen = f.chosen;
    switch (column) {
    case Fold:
        return QLocale().toString(index.row() + 1);
    case Training:
        return row.training;
    case Test:
        return row.test;
    case Entry:
        return chosen ? QLocale().toString(f.entryZ, 'g', 6) : QStringLiteral("—");
    case Exit:
        return chosen ? QLocale().toString(f.exitZ, 'g', 6) : QStringLiteral("—");
    case Beta:
        if (std::isfinite(f.beta))
            return QLocale().toString(f.beta, 'g', 6);
        return f.chosen ? tr("adaptive") : QStringLiteral("—");
    case InSampleSharpe:
        return chosen
                   ? ratioView(f.inSample.sharpe, f.inSample.trades, row.trainSpanMs, m_barsPerYear, 2).text
                   : QStringLiteral("—");
    case InSamplePnl:
        return chosen ? money(f.inSample.netPnl) : QStringLiteral("—");
    case OutOfSampleSharpe:
        return chosen
                   ? ratioView(f.outOfSample.sharpe, f.outOfSample.trades, row.testSpanMs, m_barsPerYear, 2)
                         .text
                   : QStringLiteral("—");
    case OutOfSamplePnl:
        return money(f.outOfSample.netPnl);
    case OutOfSampleTrades:
        return QLocale().toString(f.outOfSample.trades);
    case OutOfSampleDrawdown:
        return money(f.outOfSample.maxDrawdown > 0 ? -f.outOfSample.maxDrawdown : 0.0);
    case Note:
        return chosen ? QString() : tr("flat: %1").arg(f.note);
    default:
        return {};
    }
}

QVariant WalkForwardFoldsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Fold:
        return tr("Fold");
    case Training:
        return tr("Training (UTC)");
    case Test:
        return tr("Test (UTC)");
    case Entry:
        return tr("Entry |z|");
    case Exit:
        return tr("Exit |z|");
    case Beta:
        return tr("β (training)");
    case InSampleSharpe:
        return tr("IS Sharpe");
    case InSamplePnl:
        return tr("IS net P&L");
    case OutOfSampleSharpe:
        return tr("OOS Sharpe");
    case OutOfSamplePnl:
        return tr("OOS net P&L");
    case OutOfSampleTrades:
        return tr("OOS trades");
    case OutOfSampleDrawdown:
        return tr("OOS max DD");
    case Note:
        return tr("Note");
    default:
        return {};
    }
}

} // namespace pairlab
