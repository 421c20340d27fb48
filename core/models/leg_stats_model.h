#pragma once

#include "analytics/series_stats.h"
#include "models/pair_display.h"

#include <QAbstractTableModel>

#include <vector>

namespace pairlab {

/** Per-leg statistics (CONVENTIONS §9) of prices and log returns, for one or more scopes (the whole
 *  analysed range, the visible range, the last rolling window): one row per scope × leg × (levels,
 *  returns). EditRole gives full-precision numbers, DisplayRole rounded text. GUI thread. */
class LegStatsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        Scope,
        Leg,
        Series,
        Mean,
        Std,
        Skew,
        Kurtosis,
        SkewUnbiased,
        KurtosisUnbiased,
        LastReturn,
        AnnualisedVol,
        ColumnCount
    };

    struct Scoped
    {
        QString scope;
        QString symbolY, symbolX;
        LegStats y, x;
    };

    explicit LegStatsModel(QObject *parent = nullptr);
    void setScopes(std::vector<Scoped> scopes);
    /** The scopes of one analysis of Y ~ X: the analysed range, the bars of display in [from, to], and the
     *  last window (ranges of fewer than 3 bars are left out). Pure; any thread. */
    static std::vector<Scoped> scopesOf(const PairDisplay &display, const PairAnalysis &analysis, qint64 from,
                                        qint64 to, int window, const QString &y, const QString &x,
                                        double barsPerYear);
    QByteArray toCsv() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    double value(int row, int column) const;
    std::vector<Scoped> m_scopes;
};

} // namespace pairlab
