#pragma once

#include "market/bar.h"
#include "market/gap_detector.h"
#include "alerts/alert_expression.h"
#include "models/pair_display.h"
#include "storage/bar_store.h"

#include <QFutureWatcher>
#include <QWidget>

#include <map>
#include <memory>

class QComboBox;
class QLabel;
class QSpinBox;
class QDoubleSpinBox;
class QToolButton;
class QLineEdit;
class QTableView;
class QTabWidget;
class QSortFilterProxyModel;
class QTimer;

namespace pairlab {

class ChartGroup;
class CorrelationMatrixModel;
class LegStatsModel;
class PairScannerModel;
class PairAnalyticsService;
class TimeSeriesChartView;
struct PairAnalytics;

/** The pair analysis screen: Y ~ X legs, timeframe, rolling window, hedge-ratio method and ADF trend;
 *  charts of both legs normalised, the spread, the z-score with ±entry/±exit bands, the hedge ratio over
 *  time and the rolling correlations (time axes and crosshair synchronised); and a summary panel with
 *  every method's hedge ratio, the stationarity and cointegration tests, half-life, Hurst and a verdict.
 *  History is loaded from the database off the GUI thread; live bars are appended as both legs close them;
 *  PairAnalyticsService computes on worker threads; chart columns are built on a worker too. GUI thread. */
class PairWorkspace : public QWidget
{
    Q_OBJECT
public:
    explicit PairWorkspace(QWidget *parent = nullptr);
    ~PairWorkspace() override;

    void setDatabase(const QString &path);
    void setSymbols(const QStringList &symbols);
    void setPair(const QString &y, const QString &x);
    void setInterval(Interval interval);
    void setWindow(int window);
    void setMethod(HedgeMethod method);
    void setEntryExit(double entry, double exit);
    void setIntervalSeconds(int seconds);
    void setAdfTrend(const QString &trend); ///< c | ct | n
    QString adfTrend() const;
    double entryZ() const;
    double exitZ() const;

    /** Bar fragments of a committed storage batch (same as BarModel::applyBatch). */
    void applyBatch(const BarBatch &bars, qint64 batchSeq);

    QString symbolY() const;
    QString symbolX() const;
    int intervalSeconds() const { return m_intervalSeconds; }
    /** "live" or an imported dataset's bar source ("upload:<name>"). */
    QString source() const { return m_source; }
    void setSource(const QString &source);
    /** Switches to source as soon as the list of datasets holds it (after an import). */
    void showSourceWhenAvailable(const QString &source);
    QStringList sources() const;
    int window() const;
    HedgeMethod method() const;
    const PairDisplay &display() const { return m_display; }
    PairAnalyticsService *service() const { return m_service; }
    QString summaryText() const;
    QString verdict() const { return m_verdict; }
    QList<TimeSeriesChartView *> charts() const;
    /** Shades the open and unfillable gaps of either leg on every chart. */
    void setGaps(const TradeGapList &gaps);
    TimeSeriesChartView *zChart() const { return m_zChart; }
    CorrelationMatrixModel *correlationModel() const { return m_corrModel; }
    PairScannerModel *scannerModel() const { return m_scanModel; }
    LegStatsModel *statsModel() const { return m_statsModel; }
    QTableView *heatmapView() const { return m_heatmap; }
    QTableView *scannerView() const { return m_scanner; }
    QStringList universe() const;
    void setUniverse(const QStringList &symbols);
    int appendedBars() const { return m_appended; }

public Q_SLOTS:
    void reload();
    void swapLegs();
    void recompute();
    void refreshUniverse();
    void refreshSources();

Q_SIGNALS:
    void displayUpdated();
    void universeUpdated();
    /** Something a workspace file keeps changed (pair, data, timeframe, window, method, bands). */
    void settingsChanged();
    void statsUpdated();
    /** Alert inputs of each live analytics update ("X/Y" pair key, variables). */
    void alertInputs(const QString &pair, const pairlab::AlertVariables &variables);
    void pairChanged(const QString &y, const QString &x);

private:
    struct LegTail
    {
        qint64 lastOpen = -1;
        double lastClose = 0;
        qint64 lastTradeId = -1;
        std::map<qint64, double> closed; // closed bars not yet appended
    };
    void onAnalytics(const PairAnalytics &a);
    void rebuildDisplay();
    void updateSummary(const PairAnalytics &a);
    void trackFragments(LegTail &tail, const std::vector<Bar> &bars);
    void fillIntervals(const QList<int> &seconds);
    void appendClosedBars();
    void refreshStats();
    QWidget *buildSidePanel();

    QString m_dbPath;
    int m_intervalSeconds = 1;
    QString m_source;
    QString m_pendingSource;
    QStringList m_liveSymbols;
    QList<BarStore::DatasetInfo> m_datasets;
    QComboBox *m_sourceBox, *m_yBox, *m_xBox, *m_intervalBox, *m_methodBox, *m_trendBox;
    QSpinBox *m_windowBox;
    QDoubleSpinBox *m_entryBox, *m_exitBox;
    QToolButton *m_swap;
    QLabel *m_summary;
    QLabel *m_status;
    TimeSeriesChartView *m_priceChart, *m_spreadChart, *m_zChart, *m_hedgeChart, *m_corrChart;
    TradeGapList m_gaps;
    ChartGroup *m_group;
    PairAnalyticsService *m_service;
    QFutureWatcher<PairDisplay> *m_displayWatcher;
    quint64 m_loadGeneration = 0;
    bool m_loading = false;
    std::shared_ptr<AlignedPair> m_pair; // what the service holds (history + appended bars)
    std::shared_ptr<const PairAnalysis> m_shownAnalysis;
    PairDisplay m_display;
    bool m_displayDirty = false;
    LegTail m_tailX, m_tailY;
    qint64 m_lastAppended = -1;
    int m_appended = 0;
    QString m_verdict;
    // Research side panel
    QTabWidget *m_side = nullptr;
    QLineEdit *m_universeEdit = nullptr;
    CorrelationMatrixModel *m_corrModel = nullptr;
    PairScannerModel *m_scanModel = nullptr;
    QSortFilterProxyModel *m_scanProxy = nullptr;
    LegStatsModel *m_statsModel = nullptr;
    QTableView *m_heatmap = nullptr;
    QTableView *m_scanner = nullptr;
    QTableView *m_statsView = nullptr;
    QTimer *m_universeTimer = nullptr;
    QTimer *m_statsTimer = nullptr;
    bool m_universeRunning = false;
    bool m_universeDirty = false;
    bool m_statsRunning = false;
    bool m_statsDirty = false;
};

} // namespace pairlab
