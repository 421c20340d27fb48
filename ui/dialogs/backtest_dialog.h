#pragma once

#include "analytics/pair_analysis.h"

#include <QDialog>
#include <QMap>
#include <QThreadPool>

#include <atomic>
#include <memory>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableView;
class QTimer;
template <typename T> class QFutureWatcher;

namespace pairlab {

// The engine's types stay out of this header: its BacktestHedge would clash with the pair screen's
// (models/pair_display.h) in files that include both, such as the main window.
struct BacktestRun;
struct BacktestMarket;
struct PreparedBacktest;
template <typename T> class LatestResult;
struct PreparedBacktest;
struct SweepCell;
class BacktestTradesModel;
class SweepGridModel;
class TimeSeriesChartView;
class WalkForwardFoldsModel;

/** Mean-reversion backtest of one aligned pair: parameters (z bands, optional stop, window, hedge-ratio
 *  method, costs, sizing) validated with validateBacktestConfig(); a run on a worker (startBacktest())
 *  shows its trades, net/gross equity, drawdown and summary; a sweep tab runs an entry x exit grid with
 *  startBacktestSweep() (progress, Cancel) and shows net Sharpe as a heatmap, a click on a cell loads its
 *  thresholds and runs them. Results can be saved to the database (BacktestStore, on a worker with its own
 *  connection) and trades/equity exported as CSV. Never waits on a worker. GUI thread. */
class BacktestDialog : public QDialog
{
    Q_OBJECT
public:
    /** Summary fields shown after a run (labels keep the raw number in their "value" property). */
    enum SummaryField {
        Trades,
        WinRate,
        GrossPnl,
        NetPnl,
        Sharpe,
        Sortino,
        MaxDrawdown,
        Exposure,
        AvgHolding,
        Costs,    ///< fees, slippage and the spread-unit cost
        Crossing, ///< bid/ask crossed by quote fills
        Funding,  ///< received (+) or paid (-)
        SummaryFieldCount
    };

    /** pair: x = regressor leg (symbolX), y = dependent leg (symbolY); databasePath may be empty (no Save, no
     *  quotes or funding). The legs' quotes and funding events are read from the database on a worker
     *  (marketLoaded()); barSeconds 0 takes the bar length from the bars' open times. */
    BacktestDialog(AlignedPair pair, const QString &symbolY, const QString &symbolX, double barsPerYear,
                   const QString &databasePath, QWidget *parent = nullptr, int barSeconds = 0);
    ~BacktestDialog() override;

    QString pairName() const;
    void setEntryExit(double entry, double exit);
    double entryZ() const;
    double exitZ() const;
    void setStop(bool enabled, double stopZ = 4.0);
    void setWindow(int window);
    /** 0 static in-sample OLS, 1 rolling out-of-sample OLS, 2 Kalman. */
    void setHedgeIndex(int index);
    void setCosts(double spreadCost, double feeBps, double slippageBps);
    /** Fill at the closes (false) or crossing the quotes (true); accrue funding. */
    void setExecution(bool quoteFills, bool funding);
    /** Reads the legs' quotes and funding from this database instead (the one the pair's bars come from, when
     *  results are saved to another); marketLoaded() follows. */
    void setMarketDatabase(const QString &path);
    /** The pair's prices are bid/ask mids (the Pair tab's "Mid" prices): the first fill choice says so. */
    void setMidPrices(bool mid);
    /** What the database holds for the legs beyond the closes (quotes, funding), or why there is nothing. */
    QString marketText() const;
    /** The line under the summary: net = gross - costs - bid/ask crossed + funding. */
    QString pnlBreakdownText() const;
    /** Sweep thresholds entries from..to by step x exits from..to by step. */
    void setSweepRange(double entryFrom, double entryTo, double entryStep, double exitFrom, double exitTo,
                       double exitStep);

    /** Walk-forward windows in bars and what training maximises (0 net Sharpe, 1 net P&L). */
    void setWalkForward(int train, int test, int step, int objectiveIndex = 0, int minTrades = 1);
    WalkForwardFoldsModel *walkForwardModel() const { return m_wfModel; }
    /** The walk-forward's summary line (in- vs out-of-sample), or why there is none. */
    QString walkForwardText() const;
    bool isWalkingForward() const { return m_wfCancel != nullptr; }
    TimeSeriesChartView *walkForwardChart() const { return m_wfEquity; }

    /** The last finished run (null before the first one). */
    std::shared_ptr<const BacktestRun> lastRun() const { return m_run; }
    BacktestTradesModel *tradesModel() const { return m_tradesModel; }
    SweepGridModel *sweepModel() const { return m_sweepModel; }
    QTableView *sweepView() const { return m_sweepView; }
    QTabWidget *tabs() const { return m_tabs; }
    QLabel *summaryLabel(SummaryField field) const { return m_summary.value(field); }
    /** The line under the summary saying how Sharpe and Sortino are shown (annualised or not, why). */
    QString ratioBasisText() const;
    /** The validation or error message shown under the parameters (empty when all is well). */
    QString message() const;
    bool isRunning() const;
    bool isSweeping() const;
    QString bootstrapText() const;
    TimeSeriesChartView *equityChart() const { return m_equityChart; }
    TimeSeriesChartView *drawdownChart() const { return m_drawdownChart; }
    enum class ExportKind { Trades, Equity };

public Q_SLOTS:
    /** Validates the parameters and starts a run; false (message shown) when invalid or busy. */
    bool runBacktest();
    /** Validates the base parameters and the grid and starts a sweep; false (message shown) otherwise. */
    bool runSweep();
    void cancelSweep();
    /** Loads the thresholds of sweep cell (row, column) into the single-backtest tab and runs them. */
    void loadSweepCell(int row, int column);
    void saveResult();
    void exportTrades(); ///< asks for a file, then exportTo()
    void exportEquity();
    /** Writes the last run's trades or equity CSV atomically on a worker thread; exported() tells. */
    void exportTo(const QString &path, pairlab::BacktestDialog::ExportKind kind);
    /** Resamples the last run's net per-bar returns (stationary block bootstrap, 1,000 resamples, seed 1) on
     *  a worker; while it runs the button cancels it. bootstrapFinished() follows. */
    void runBootstrap();
    /** Runs a walk-forward of the sweep tab's grid with the parameters above (runWalkForward() on a worker;
     *  progress in folds, Cancel); walkForwardFinished() follows. False (message shown) when invalid. */
    bool startWalkForward();
    void cancelWalkForward();

Q_SIGNALS:
    void walkForwardFinished(bool complete);
    void backtestFinished();
    /** A bootstrap ended (bootstrapText() says its bands, or why there are none). */
    void bootstrapFinished(bool complete);
    void sweepFinished(bool complete);
    /** Cells of the running sweep done so far (as the progress bar shows them). */
    void sweepProgress(int done, int total);
    void resultSaved(qint64 id, const QString &error);
    /** An export finished: error is empty on success. */
    void exported(const QString &path, const QString &error);
    /** The quotes and funding of the legs were read (marketText() says what there is). */
    void marketLoaded();

private:
    struct Config;
    QWidget *buildSingleTab();
    QWidget *buildSweepTab();
    QWidget *buildWalkForwardTab();
    bool currentConfig(Config &out) const;
    void showMessage(const QString &text);
    void onBacktestFinished();
    void onSweepPrepared(const std::shared_ptr<const PreparedBacktest> &inputs);
    void onSweepFinished();
    void showRun();
    void updateButtons();
    void loadMarket();

    AlignedPair m_pair;
    QString m_symbolY, m_symbolX, m_dbPath, m_marketDbPath;
    int m_barSeconds = 0;
    quint64 m_marketRequest = 0; ///< the newest market read: older answers are dropped
    double m_barsPerYear;
    QTabWidget *m_tabs;
    // parameters
    QDoubleSpinBox *m_entry, *m_exit, *m_stop, *m_spreadCost, *m_fee, *m_slippage, *m_notional;
    QCheckBox *m_useStop;
    QSpinBox *m_window;
    QComboBox *m_hedge, *m_sizing, *m_fill;
    QCheckBox *m_funding;
    QLabel *m_marketInfo;
    QLabel *m_message;
    QPushButton *m_runButton, *m_save, *m_exportTrades, *m_exportEquity;
    // results
    BacktestTradesModel *m_tradesModel;
    QTableView *m_tradesView;
    TimeSeriesChartView *m_equityChart, *m_drawdownChart;
    QMap<int, QLabel *> m_summary;
    QLabel *m_ratioBasis, *m_pnlBreakdown, *m_bootstrapText;
    QPushButton *m_bootstrap;
    std::shared_ptr<std::atomic<bool>> m_bootstrapCancel;
    std::shared_ptr<std::atomic<int>> m_bootstrapDone;
    QTimer *m_bootstrapProgress;
    /** The legs' quotes and funding from the database (null until read; empty when there are none). */
    std::shared_ptr<const BacktestMarket> m_market;
    // sweep
    QDoubleSpinBox *m_entryFrom, *m_entryTo, *m_entryStep, *m_exitFrom, *m_exitTo, *m_exitStep;
    QPushButton *m_sweepRun, *m_sweepCancel;
    QProgressBar *m_progress;
    QLabel *m_sweepStatus;
    SweepGridModel *m_sweepModel;
    QTableView *m_sweepView;

    // walk-forward
    QSpinBox *m_wfTrain, *m_wfTest, *m_wfStep, *m_wfMinTrades;
    QComboBox *m_wfObjective;
    QPushButton *m_wfRun, *m_wfCancelButton;
    QProgressBar *m_wfProgress;
    QLabel *m_wfStatus;
    WalkForwardFoldsModel *m_wfModel;
    TimeSeriesChartView *m_wfEquity;
    QTimer *m_wfTimer;
    std::shared_ptr<std::atomic<bool>> m_wfCancel; ///< set while one runs
    std::shared_ptr<std::atomic<int>> m_wfDone;

    QFutureWatcher<BacktestRun> *m_runWatcher;
    QFutureWatcher<SweepCell> *m_sweepWatcher;
    std::shared_ptr<const BacktestRun> m_run;
    /** Saves and exports: their own thread, never queued behind a sweep's cells in the global pool. */
    QThreadPool m_io;
    /** The sweep's spread and z-scores, computed once per sweep: the newest request's only. */
    std::unique_ptr<LatestResult<std::shared_ptr<const PreparedBacktest>>> m_prepares;
    bool m_preparing = false;
    bool m_cancelRequested = false;
    std::unique_ptr<Config> m_sweepBase;
};

} // namespace pairlab
