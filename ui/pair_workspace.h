#pragma once

#include "alerts/alert_expression.h"
#include "analytics/basket.h"
#include "market/bar.h"
#include "market/gap_detector.h"
#include "models/pair_display.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QSpinBox;
class QDoubleSpinBox;
class QStackedWidget;
class QTableView;

namespace pairlab {

class BasketView;
class ChartGroup;
class CorrelationMatrixModel;
class LegStatsModel;
class PairController;
class PairResearchPanel;
class ScanScatterView;
class SymbolCatalogController;
class PairScannerModel;
class PairAnalyticsService;
class TimeSeriesChartView;
struct PairRequest;
struct PairResult;
struct PairState;

/** The pair analysis screen: Y ~ X legs, timeframe, rolling window, hedge-ratio method and ADF trend;
 *  charts of both legs normalised, the spread, the z-score with ±entry/±exit bands, the hedge ratio over
 *  time and the rolling correlations (time axes and crosshair synchronised); and the research side panel
 *  (summary, statistics, correlation heatmap, scanner). A view of its PairController: the controls send
 *  the request, the charts show the controller's result for exactly the current request, and otherwise
 *  nothing but the controller's state (loading, computing, waiting for bars, not possible). GUI thread. */
class PairWorkspace : public QWidget
{
    Q_OBJECT
public:
    explicit PairWorkspace(QWidget *parent = nullptr);
    ~PairWorkspace() override;

    PairController *controller() const { return m_controller; }
    BasketView *basketView() const { return m_basketView; }
    /** "pair" or "basket": whose spread the tab shows (source, timeframe, window and bands are shared). */
    void setMode(const QString &mode);
    QString mode() const;
    void setBasket(const Basket &basket);
    Basket basket() const;

    void setDatabase(const QString &path);
    void setDatasetDatabase(const QString &path); ///< PairController::setDatasetDatabase()
    /** The live feed's symbols (the legs offered for the live source). */
    void setSymbols(const QStringList &symbols);
    void setPair(const QString &y, const QString &x);
    void setInterval(Interval interval);
    void setWindow(int window);
    void setMethod(HedgeMethod method);
    void setEntryExit(double entry, double exit);
    void setIntervalSeconds(int seconds);
    /** "trades" or "mid" (PairController::priceKey()); mid only for live bars. */
    void setPrice(const QString &key);
    QString price() const;
    void setAdfTrend(const QString &trend); ///< c | ct | n
    QString adfTrend() const;
    double entryZ() const;
    double exitZ() const;

    /** Bar fragments of a committed storage batch (same as BarModel::applyBatch). */
    void applyBatch(const BarBatch &bars, qint64 batchSeq);

    QString symbolY() const;
    QString symbolX() const;
    int intervalSeconds() const;
    /** "live" or an imported dataset's bar source ("upload:<name>"). */
    QString source() const;
    void setSource(const QString &source);
    /** Switches to source as soon as the list of datasets holds it (after an import). */
    void showSourceWhenAvailable(const QString &source);
    QStringList sources() const;
    int window() const;
    HedgeMethod method() const;
    /** The chart columns shown: the current request's, or empty. */
    const PairDisplay &display() const;
    PairAnalyticsService *service() const;
    QString summaryText() const;
    QString verdict() const;
    QList<TimeSeriesChartView *> charts() const;
    /** Shades the open and unfillable gaps of either leg on every chart. */
    void setGaps(const TradeGapList &gaps);
    TimeSeriesChartView *zChart() const { return m_zChart; }
    CorrelationMatrixModel *correlationModel() const;
    PairScannerModel *scannerModel() const;
    LegStatsModel *statsModel() const;
    QTableView *heatmapView() const;
    QTableView *scannerView() const;
    ScanScatterView *scannerScatter() const;
    QStringList universe() const;
    /** The exchange's symbol list the universe picker offers. */
    void setSymbolCatalog(SymbolCatalogController *catalog);
    void setUniverse(const QStringList &symbols);
    int appendedBars() const;

public Q_SLOTS:
    void reload();
    void swapLegs();
    void recompute();
    void refreshUniverse();
    void refreshSources();

Q_SIGNALS:
    void displayUpdated();
    void universeUpdated();
    /** The universe picker asked for these symbols to be streamed live. */
    void streamRequested(const QStringList &symbols);
    /** Something a workspace file keeps changed (pair, data, timeframe, window, method, bands). */
    void settingsChanged();
    void statsUpdated();
    /** Alert inputs of each live analytics update ("X/Y" pair key, variables). */
    void alertInputs(const QString &pair, const pairlab::AlertVariables &variables);
    void pairChanged(const QString &y, const QString &x);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void shareWithBasket();
    void showRequest(const PairRequest &r);
    void showState(const PairState &s);
    void showResult(const PairResult &r);
    void fillSources();
    void exportSeries();

    PairController *m_controller;
    BasketView *m_basketView;
    QStackedWidget *m_stack;
    QList<QWidget *> m_pairOnly; ///< hidden in basket mode
    QWidget *m_basketSpacer;
    QComboBox *m_modeBox;
    QComboBox *m_sourceBox, *m_yBox, *m_xBox, *m_intervalBox, *m_priceBox, *m_methodBox, *m_trendBox;
    QSpinBox *m_windowBox;
    QDoubleSpinBox *m_entryBox, *m_exitBox;
    QLabel *m_status;
    TimeSeriesChartView *m_priceChart, *m_spreadChart, *m_zChart, *m_hedgeChart, *m_corrChart;
    ChartGroup *m_group;
    PairResearchPanel *m_panel;
    TradeGapList m_gaps;
    bool m_showingResult = false;
};

} // namespace pairlab
