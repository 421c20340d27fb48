#pragma once

#include "analytics/pair_analysis.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <atomic>
#include <vector>

namespace pairlab {

/** One row of the pair scanner: a candidate pair Y ~ X and the numbers a researcher sorts by. */
struct ScanRow
{
    QString y, x;
    int bars = 0;
    double beta = kNaN; ///< OLS hedge ratio of y on x
    double z = kNaN;    ///< last rolling z of the OLS spread
    double corrReturns = kNaN;
    double cointP = kNaN;   ///< Engle-Granger p-value
    double halfLife = kNaN; ///< in bars
};

/** Everything the correlation heatmap and the scanner show for a set of symbols. */
struct UniverseResult
{
    QStringList symbols;
    std::vector<double> correlation; ///< row-major N x N correlation of log returns on common bars
    int commonBars = 0;
    qint64 firstMs = 0, lastMs = 0; ///< open times of the first and last common bar the matrix used
    std::vector<ScanRow> rows;      ///< every unordered pair, Y = the symbol listed first
    QString error;
};

/** Correlation matrix over all symbols (bars common to all, the newest maxBars) and one ScanRow per pair
 *  (each pair on its own common bars, newest maxBars). Pure; any thread; checks cancel between pairs. */
UniverseResult analyzeUniverse(const std::vector<CloseSeries> &series, int window, int maxBars,
                               const std::atomic<bool> *cancel = nullptr);

/** analyzeUniverse() of the newest maxBars closed bars of each symbol (intervalSeconds, source) read from the
 *  database at dbPath on the calling thread's own connection; the newest live bar may still be forming and
 *  is left out. The result names the symbols asked for and has an N x N (NaN) matrix even on errors. */
UniverseResult loadUniverse(const QString &dbPath, const QStringList &symbols, int intervalSeconds,
                            const QString &source, int window, int maxBars,
                            const std::atomic<bool> *cancel = nullptr);

/** N x N log-return correlations, values in cells; ValueRole gives the number for a colour delegate. */
class CorrelationMatrixModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role { ValueRole = Qt::UserRole + 1 };
    explicit CorrelationMatrixModel(QObject *parent = nullptr);
    void setResult(const UniverseResult &r);
    QStringList symbols() const { return m_symbols; }
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    /** CSV with a header row and a symbol column, full precision. */
    QByteArray toCsv() const;

private:
    QStringList m_symbols;
    std::vector<double> m_values;
};

/** The scanner's table: one row per pair; EditRole gives raw numbers (for sorting), DisplayRole text. */
class PairScannerModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Pair, ZScore, HedgeRatio, CorrReturns, CointP, HalfLife, Bars, ColumnCount };
    enum Role { SymbolYRole = Qt::UserRole + 1, SymbolXRole };
    explicit PairScannerModel(QObject *parent = nullptr);
    void setRows(std::vector<ScanRow> rows);
    const std::vector<ScanRow> &rows() const { return m_rows; }
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<ScanRow> m_rows;
};

} // namespace pairlab
