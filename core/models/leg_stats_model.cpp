#include "models/leg_stats_model.h"

#include "io/number_format.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace pairlab {

LegStatsModel::LegStatsModel(QObject *parent) : QAbstractTableModel(parent) {}

void LegStatsModel::setScopes(std::vector<Scoped> scopes)
{
    if (scopes.size() == m_scopes.size()) {
        m_scopes = std::move(scopes);
        if (!m_scopes.empty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_scopes = std::move(scopes);
    endResetModel();
}

std::vector<LegStatsModel::Scoped> LegStatsModel::scopesOf(const PairDisplay &d, const PairAnalysis &analysis,
                                                           qint64 from, qint64 to, int window,
                                                           const QString &y, const QString &x,
                                                           double barsPerYear)
{
    std::vector<Scoped> out;
    out.push_back({tr("analysed (%1 bars)").arg(analysis.n), y, x, analysis.statsY, analysis.statsX});
    if (d.empty())
        return out;
    const auto &t = *d.time;
    auto range = [&](std::size_t b, std::size_t e, const QString &name) {
        if (e <= b + 2)
            return;
        const std::span<const double> ys(d.y->data() + b, e - b), xs(d.x->data() + b, e - b);
        out.push_back({name, y, x, legStats(ys, barsPerYear), legStats(xs, barsPerYear)});
    };
    const std::size_t vb = std::size_t(std::lower_bound(t.begin(), t.end(), from) - t.begin());
    const std::size_t ve = std::size_t(std::upper_bound(t.begin(), t.end(), to) - t.begin());
    range(vb, ve, tr("visible (%1 bars)").arg(qint64(ve) - qint64(vb)));
    const std::size_t n = t.size();
    range(n > std::size_t(window) ? n - std::size_t(window) : 0, n, tr("last window (%1 bars)").arg(window));
    return out;
}

int LegStatsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_scopes.size()) * 4;
}

int LegStatsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

double LegStatsModel::value(int row, int column) const
{
    const Scoped &s = m_scopes[std::size_t(row / 4)];
    const LegStats &leg = (row % 4) < 2 ? s.y : s.x;
    const bool returns = row % 2 == 1;
    const Moments &m = returns ? leg.returns : leg.levels;
    switch (column) {
    case Mean:
        return m.mean;
    case Std:
        return m.std;
    case Skew:
        return m.skew;
    case Kurtosis:
        return m.kurtosis;
    case SkewUnbiased:
        return m.skewUnbiased;
    case KurtosisUnbiased:
        return m.kurtosisUnbiased;
    case LastReturn:
        return returns ? leg.lastReturn : kNaN;
    case AnnualisedVol:
        return returns ? leg.annualisedVol : kNaN;
    }
    return kNaN;
}

QVariant LegStatsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const Scoped &s = m_scopes[std::size_t(row / 4)];
    if (role == Qt::TextAlignmentRole)
        return index.column() <= Series ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                        : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (index.column()) {
    case Scope:
        return s.scope;
    case Leg:
        return (row % 4) < 2 ? s.symbolY : s.symbolX;
    case Series:
        return row % 2 == 1 ? tr("log returns") : tr("prices");
    default:
        break;
    }
    const double v = value(row, index.column());
    if (role == Qt::EditRole)
        return v;
    if (!std::isfinite(v))
        return QStringLiteral("—");
    return std::fabs(v) >= 1000 ? QLocale().toString(v, 'f', 2) : QLocale().toString(v, 'g', 6);
}

QVariant LegStatsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Std:
            return tr("Standard deviation, ddof = 1");
        case Skew:
            return tr("Skewness g1 (biased, as scipy's default)");
        case Kurtosis:
            return tr("Excess kurtosis g2 (biased)");
        case SkewUnbiased:
            return tr("Skewness G1 (bias-corrected)");
        case KurtosisUnbiased:
            return tr("Excess kurtosis G2 (bias-corrected)");
        case AnnualisedVol:
            return tr("Standard deviation of log returns × √(bars per year)");
        }
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Scope:
        return tr("Range");
    case Leg:
        return tr("Leg");
    case Series:
        return tr("Series");
    case Mean:
        return tr("Mean");
    case Std:
        return tr("Std");
    case Skew:
        return tr("Skew");
    case Kurtosis:
        return tr("Kurtosis");
    case SkewUnbiased:
        return tr("Skew (unbiased)");
    case KurtosisUnbiased:
        return tr("Kurtosis (unbiased)");
    case LastReturn:
        return tr("Last return");
    case AnnualisedVol:
        return tr("Ann. volatility");
    }
    return {};
}

QByteArray LegStatsModel::toCsv() const
{
    QByteArray out(
        "range,leg,series,mean,std,skew,kurtosis,skew_unbiased,kurtosis_unbiased,last_return,ann_vol\n");
    for (int r = 0; r < rowCount(); ++r) {
        for (int c = 0; c <= Series; ++c) {
            if (c)
                out += ',';
            out += index(r, c).data().toString().toUtf8();
        }
        for (int c = Mean; c < ColumnCount; ++c) {
            out += ',';
            const double v = value(r, c);
            if (std::isfinite(v))
                appendDouble(out, v);
        }
        out += '\n';
    }
    return out;
}

} // namespace pairlab
