#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTableView;
class QTimer;

namespace pairlab {

class CorrelationMatrixModel;
class LegStatsModel;
class PairController;
class PairScannerModel;
class ScanScatterView;
class SymbolCatalogController;
struct UniverseResult;
class TimeSeriesChartView;

/** The side panel of the pair view: the summary of the current result (or why there is none), per-leg
 *  statistics of the analysed, visible and last-window ranges, the correlation heatmap and the pair scanner
 *  of a universe of symbols. Displays what its PairController publishes; the visible range is the one of
 *  rangeChart. GUI thread. */
class PairResearchPanel : public QWidget
{
    Q_OBJECT
public:
    PairResearchPanel(PairController *controller, TimeSeriesChartView *rangeChart, QWidget *parent = nullptr);

    QString summaryText() const;
    /** The exchange's symbol list the "Choose…" button offers (the button is off without one). */
    void setSymbolCatalog(SymbolCatalogController *catalog);
    /** Opens the universe picker (what "Choose…" does); the chosen symbols become the universe. */
    void chooseUniverse();
    CorrelationMatrixModel *correlationModel() const { return m_corrModel; }
    PairScannerModel *scannerModel() const { return m_scanModel; }
    LegStatsModel *statsModel() const { return m_statsModel; }
    QTableView *heatmapView() const { return m_heatmap; }
    QTableView *scannerView() const { return m_scanner; }
    ScanScatterView *scannerScatter() const { return m_scatter; }

Q_SIGNALS:
    /** A heatmap cell or a scanner row was clicked. */
    void pairChosen(const QString &y, const QString &x);
    /** The universe picker asked for these symbols to be streamed live (and their history filled). */
    void streamRequested(const QStringList &symbols);
    void universeUpdated();
    void statsUpdated();

private:
    void renderSummary();
    QWidget *buildStatsPage();
    QWidget *buildCorrelationPage();
    QWidget *buildScannerPage();
    void renderScanBasis(const UniverseResult &r);

    PairController *m_controller;
    TimeSeriesChartView *m_rangeChart;
    QTabWidget *m_tabs;
    QLabel *m_summary;
    QLabel *m_corrBasis = nullptr;
    QLineEdit *m_universeEdit;
    QPushButton *m_chooseUniverse = nullptr;
    SymbolCatalogController *m_catalog = nullptr;
    CorrelationMatrixModel *m_corrModel;
    PairScannerModel *m_scanModel;
    LegStatsModel *m_statsModel;
    QTableView *m_heatmap = nullptr;
    QTableView *m_scanner = nullptr;
    QCheckBox *m_candidatesOnly = nullptr;
    QLabel *m_scanBasis = nullptr;
    QProgressBar *m_scanProgress = nullptr;
    ScanScatterView *m_scatter = nullptr;
    QPushButton *m_scanCancel = nullptr;
    QTimer *m_statsTimer;
};

} // namespace pairlab
