#pragma once

#include "analytics/pair_analysis.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

namespace pairlab {

/** One row of the pair scanner: a candidate pair Y ~ X and the numbers a researcher sorts by (CONVENTIONS
 * §15, on the bars both legs have). */
struct ScanRow
{
    QString y, x;
    int bars = 0;
    double alpha = kNaN, beta = kNaN; ///< OLS y = alpha + beta x
    double z = kNaN;                  ///< rolling z (window W) of the OLS spread at the pair's last bar
    double corrReturns = kNaN;        ///< correlation of log returns over the pair's bars
    double cointP = kNaN;             ///< Engle-Granger p-value of coint(y, x)
    double cointPReverse = kNaN;      ///< of coint(x, y): the test is not symmetric
    double halfLife = kNaN;           ///< in bars
    double hurst = kNaN;
    double crossingsPer1000 = kNaN; ///< zero crossings of the demeaned spread per 1,000 bars

    double bestCointP() const; ///< the better order's p-value (NaN if neither is defined)
};

/** The pair-selection filter of the literature (configurable): cointegrated in the better order, mean
 *  reverting (Hurst), reverting fast enough to trade and slowly enough not to be noise, crossing its mean
 *  often. */
struct ScanFilter
{
    double maxCointP = 0.05;
    double maxHurst = 0.5;
    double minHalfLife = 1.0;          ///< bars
    double maxHalfLifeFraction = 0.25; ///< of the pair's bars (the look-back)
    int minCrossings = 10;             ///< over the pair's bars
    bool accepts(const ScanRow &r) const;
    QString describe() const; ///< one line for the screen, e.g. "EG p ≤ 0.05 (better order), Hurst < 0.5, …"
};

struct UniverseScanState;

/** Everything the correlation heatmap and the scanner show for a set of symbols. */
struct UniverseResult
{
    QStringList symbols;
    std::vector<double> correlation; ///< row-major N x N correlation of log returns on common bars
    int commonBars = 0;
    qint64 firstMs = 0, lastMs = 0; ///< open times of the first and last common bar the matrix used
    int window = 0, maxBars = 0;    ///< the z window and the look-back the scan was asked for
    std::vector<ScanRow> rows;      ///< every unordered pair, Y = the symbol listed first
    /** The symbols' indices in clustered order (average linkage on 1 - correlation, leaves left to right), so
     *  that related symbols sit together in the heatmap. */
    std::vector<int> clusterOrder;
    QString error;

    /** The basis of the scan's numbers. A full scan fixes every field of every row (hedge, tests, half-life,
     *  Hurst, crossings) on the bars up to scanLastMs; the live steps after it refresh z only (with the
     *  scan's hedges) on the bars closed since, up to zLastMs. */
    qint64 scanLastMs = 0;   ///< open time of the newest bar the full scan used (0: none)
    qint64 zLastMs = 0;      ///< open time of the newest bar of the z column (>= scanLastMs)
    qint64 scannedAtMs = 0;  ///< wall clock (UTC ms) when the full scan finished
    int liveSteps = 0;       ///< z refreshes since the full scan
    int scanRows = 0;        ///< rows (open times) of the table the full scan ran on
    int tableRows = 0;       ///< rows of the table now (scanRows plus the rows of the live steps)
    int intervalSeconds = 0; ///< bar length of the scanned bars (0: not from the database)
    QString source;          ///< their bar source ("live", "upload:…")
    /** What the live steps build on (the scanned table and records); null when there was no scan. */
    std::shared_ptr<const UniverseScanState> scan;
};

/** Correlation matrix over all symbols (bars common to all, the newest maxBars) and one ScanRow per pair
 *  (scanPairs() on each symbol's newest maxBars bars; a pair uses the bars both have). Pure; any thread;
 *  the pairs are scanned on all cores; a set cancel flag stops the scan (the rows are then left empty). */
UniverseResult analyzeUniverse(const std::vector<CloseSeries> &series, int window, int maxBars,
                               const std::atomic<bool> *cancel = nullptr,
                               const std::function<void(qsizetype done, qsizetype total)> &progress = {});

/** analyzeUniverse() of the newest maxBars closed bars of each symbol (intervalSeconds, source) read from the
 *  database at dbPath on the calling thread's own connection; the newest live bar may still be forming and
 *  is left out. The result names the symbols asked for and has an N x N (NaN) matrix even on errors. */
UniverseResult loadUniverse(const QString &dbPath, const QStringList &symbols, int intervalSeconds,
                            const QString &source, int window, int maxBars,
                            const std::atomic<bool> *cancel = nullptr,
                            const std::function<void(qsizetype done, qsizetype total)> &progress = {});

/** The live step after a full scan: the closed bars in `newBars` (one entry per symbol of `previous`, in its
 *  order, ascending; bars not newer than what the scan holds of that symbol are ignored) are added to the
 *  scanned table and every pair's z is refreshed at its newest common bar with the hedge of the full scan
 *  (refreshZLast()). Every other field stays the full scan's. O(pairs x window); pure, any thread. Returns
 *  `previous` unchanged when it holds no scan or nothing is new. */
UniverseResult advanceUniverse(const UniverseResult &previous, const std::vector<CloseSeries> &newBars);

/** advanceUniverse() with the bars of each symbol that closed since `previous` read from the database (live
 *  bars of intervalSeconds 1, 60 or 300; the newest, possibly forming, bar is left for the next step). */
UniverseResult loadUniverseAdvance(const QString &dbPath, const UniverseResult &previous, int intervalSeconds,
                                   QString *error = nullptr);

/** Leaf order of an average-linkage clustering of n symbols on the distance 1 - correlation (row-major n x n;
 *  an undefined correlation counts as 0): related symbols end up next to each other. O(n^3), n <= a few
 *  hundred. Ties merge the lowest indices first, so the order is deterministic. */
std::vector<int> clusteredOrder(const std::vector<double> &correlation, int n);

/** N x N log-return correlations, values in cells; ValueRole gives the number for a colour delegate. */
class CorrelationMatrixModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role { ValueRole = Qt::UserRole + 1 };
    explicit CorrelationMatrixModel(QObject *parent = nullptr);
    void setResult(const UniverseResult &r);
    /** Rows and columns in the result's clustered order (true) or in the universe's order (false). */
    void setClustered(bool clustered);
    bool isClustered() const { return m_clustered; }
    QStringList symbols() const { return m_symbols; } ///< in the universe's order
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    /** CSV with a header row and a symbol column, full precision. */
    QByteArray toCsv() const;

private:
    int source(int section) const; ///< the symbol index shown at a row/column
    QStringList m_symbols;
    std::vector<double> m_values;
    std::vector<int> m_order;
    bool m_clustered = false;
};

/** The scanner's table: one row per pair; EditRole gives raw numbers (for sorting), DisplayRole text. */
class PairScannerModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        Pair,
        ZScore,
        HedgeRatio,
        CorrReturns,
        CointP,
        CointPReverse,
        HalfLife,
        Hurst,
        Crossings,
        Bars,
        ColumnCount
    };
    enum Role { SymbolYRole = Qt::UserRole + 1, SymbolXRole, CandidateRole };
    explicit PairScannerModel(QObject *parent = nullptr);
    void setRows(std::vector<ScanRow> rows);
    void setFilter(const ScanFilter &filter);
    const ScanFilter &filter() const { return m_filter; }
    int candidateCount() const;
    const std::vector<ScanRow> &rows() const { return m_rows; }
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<ScanRow> m_rows;
    ScanFilter m_filter;
};

} // namespace pairlab
