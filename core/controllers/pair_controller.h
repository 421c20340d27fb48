#pragma once

#include "alerts/alert_expression.h"
#include "analytics/adf.h"
#include "analytics/pair_analytics_service.h"
#include "controllers/latest_result.h"
#include "market/bar.h"
#include "models/leg_stats_model.h"
#include "models/pair_display.h"
#include "models/universe.h"
#include "storage/bar_store.h"

#include <QElapsedTimer>
#include <QObject>

#include <QStringList>
#include <limits>
#include <optional>

#include <map>
#include <vector>

class QTimer;

namespace pairlab {

/** The price a bar of a leg is analysed at: its last trade, or the mid of its closing best bid and offer,
 *  (bid + ask) / 2 of the last quote update in the bar (live quote bars only: datasets hold trades). */
enum class PairPrice { Trades, Mid };

/** What the pair view asks for: the legs Y ~ X, their bars (source, bar length, trade or mid price), the
 *  rolling window, the hedge-ratio method charted, the ADF deterministic terms shown and the backtest bands.
 */
struct PairRequest
{
    QString y, x;
    QString source = BarStore::LiveSource;
    int intervalSeconds = 1;
    PairPrice price = PairPrice::Trades;
    int window = 120;
    HedgeMethod method = HedgeMethod::Ols;
    AdfTrend adfTrend = AdfTrend::Constant;
    double entry = 2.0, exit = 0.5;

    bool operator==(const PairRequest &) const = default;
    /** Same legs, source, bar length, price, window and method: the charts and the summary of one answer the
     *  other. */
    bool sameQuestion(const PairRequest &other) const;
    /** Bars the analysis needs: the window, and at least 10. */
    int barsNeeded() const { return std::max(window, 10); }
};

/** The Engle-Granger verdict of an analysis, as a level (for a colour) and a translated sentence. */
struct PairVerdict
{
    enum class Level { None, At1Percent, At5Percent, At10Percent, NotCointegrated };
    Level level = Level::None;
    QString text;
};

/** One answer: the request it answers, the service's analytics of it (full analysis + the newest bar's live
 *  values), the chart columns for the request's method and window, and the verdict. Shared, immutable
 *  columns: cheap to copy. */
struct PairResult
{
    PairRequest request;
    PairAnalytics analytics;
    PairDisplay display;
    PairVerdict verdict;
    bool valid() const { return analytics.full != nullptr; }
};

/** Where the current request stands. Ready means result() answers it; every other kind says why not. */
struct PairState
{
    enum class Kind { Idle, Loading, Waiting, Computing, Ready, NotPossible };
    Kind kind = Kind::Idle;
    PairRequest request;
    int bars = 0;       ///< aligned bars of the request known so far
    int barsNeeded = 0; ///< Waiting: bars the analysis needs
    QString reason;     ///< Idle, NotPossible: why (translated)
    bool operator==(const PairState &) const = default;
};

/** The pair analysis behind the pair view, without widgets. It owns the current PairRequest; loads both
 *  legs' history from the database off the GUI thread; hands it to its PairAnalyticsService, which holds the
 *  one aligned pair; appends bars closed on both legs from live batches; has the chart columns built on a
 *  worker; states the verdict; and publishes a PairState and PairResult values that always carry the
 *  request they answer — a result of an earlier request is never published as the current one. It also
 *  runs the research requests of the view (universe correlations and scanner, per-leg statistics) and
 *  lists the imported datasets. Coalescing jobs go through LatestResult. GUI thread. */
class PairController : public QObject
{
    Q_OBJECT
public:
    explicit PairController(QObject *parent = nullptr);
    ~PairController() override;

    /** The session's database: live bars (and datasets, unless setDatasetDatabase() names another). */
    void setDatabase(const QString &path);
    QString databasePath() const { return m_dbPath; }
    /** Where imported datasets live when that is not the session's database (the demo's scratch
        database holds only the replayed trades; imports go to the user's database). Empty: the session's. */
    void setDatasetDatabase(const QString &path);
    /** The database a source is read from: live bars from the session's, datasets from the dataset one. */
    QString databaseFor(const QString &source) const;

    const PairRequest &request() const { return m_request; }
    /** Applies a whole request: reloads the history when legs, source or bar length change, reruns the
     *  analysis when the window or the bands change, rebuilds the charts when the method changes. */
    void setRequest(const PairRequest &request);
    void setPair(const QString &y, const QString &x);
    void setIntervalSeconds(int seconds); ///< ignored unless the source offers that bar length
    /** Trade closes or mid prices; mid prices only for live bars (datasets hold trades only). */
    void setPrice(PairPrice price);
    static QString priceKey(PairPrice price); ///< "trades" | "mid"
    static std::optional<PairPrice> priceFromKey(const QString &key);
    /** Mid prices are polled from the stored quote bars this often (they are stored once a second). */
    static constexpr int kQuotePollMs = 1000;
    void setWindow(int window);
    void setMethod(HedgeMethod method);
    void setAdfTrend(AdfTrend trend);
    void setEntryExit(double entry, double exit);
    /** "live" or a dataset's source: picks its bar length and legs (keeping the current ones when it has
     *  them). Ignored while the source is unknown. */
    void setSource(const QString &source);
    /** Switches to source as soon as the list of datasets holds it (after an import). */
    void showSourceWhenAvailable(const QString &source);

    /** The symbols of the live feed (the live source's legs). */
    void setLiveSymbols(const QStringList &symbols);
    QStringList symbolsOf(const QString &source) const;
    QList<int> intervalsOf(const QString &source) const;
    QList<BarStore::DatasetInfo> datasets() const { return m_datasets; }
    bool hasSource(const QString &source) const;

    const PairState &state() const { return m_state; }
    /** The state as one status line (translated). */
    QString statusText() const;
    /** The result of the current request, or an invalid one (see state() for why). */
    const PairResult &result() const { return m_result; }
    /** The verdict of the current result; "No analysis" when it is not possible; empty otherwise. */
    QString verdictText() const;
    static PairVerdict verdictFor(const PairAnalysis &analysis);
    PairAnalyticsService *service() const { return m_service; }
    /** Bars appended from live batches since the history was loaded. */
    int appendedBars() const { return m_appended; }

    /** The symbols of the correlation matrix and the pair scanner (refreshed every 5 s). */
    QStringList universe() const { return m_universe; }
    /** Sets the universe (trimmed, upper case, each symbol once) and refreshes it. */
    void setUniverse(const QStringList &symbols);
    /** Per-leg statistics of the current result: analysed range, [from, to] and the last window. */
    void refreshStats(qint64 visibleFrom, qint64 visibleTo);
    /** Full scans are redone this often while bars arrive (and sooner while the scanned table is young: when
     *  the live steps added a tenth of its rows); between them each closed bar refreshes z only. */
    static constexpr qint64 kFullScanEveryMs = 60'000;

public Q_SLOTS:
    void reload();
    void recompute();
    /** The exchange's bars of symbol/interval were stored: a live pair of those bars loads its history again
     *  (once, shortly after the last of a burst). */
    void historyLanded(const QString &symbol, int intervalSeconds);
    void refreshUniverse();
    /** Stops the running scan of the universe and pauses the periodic rescans until refreshUniverse() or a
     * new universe. */
    void cancelUniverseScan();
    /** The live step: z of every pair of the scan on screen refreshed on the bars closed since (on a
     *  worker); called shortly after bars close. */
    void stepUniverse();
    /** Live steps started so far (each reads the database): one per closed bar, never one per batch. */
    int liveStepsStarted() const { return m_liveStepsStarted; }
    bool universeScanPaused() const { return m_universePaused; }
    void refreshSources();
    /** Bar fragments of a committed storage batch (same as BarModel::applyBatch). */
    void applyBatch(const pairlab::BarBatch &bars);

Q_SIGNALS:
    void requestChanged(const pairlab::PairRequest &request);
    void stateChanged(const pairlab::PairState &state);
    /** A new result for the current request (new chart columns). */
    void resultChanged(const pairlab::PairResult &result);
    /** The current result's live values (newest bar) or its ADF choice changed; same chart columns. */
    void resultUpdated(const pairlab::PairResult &result);
    /** A history load of a valid pair started. */
    void pairChanged(const QString &y, const QString &x);
    void datasetsChanged();
    /** A source asked for with showSourceWhenAvailable() is not in the database's datasets. */
    void sourceUnavailable(const QString &source, const QString &database);
    void universeChanged(const QStringList &symbols);
    void universeReady(const pairlab::UniverseResult &result);
    /** While a scan of the universe runs (every 250 ms): pairs done of total. (0, 0) when it ended. */
    void universeProgress(qint64 done, qint64 total);
    /** The user stopped the scan: the table keeps the last complete one, no periodic rescan until asked. */
    void universeScanCancelled();
    void statsReady(const std::vector<pairlab::LegStatsModel::Scoped> &scopes);
    /** Alert inputs of each live analytics update ("X/Y" pair key, variables). */
    void alertInputs(const QString &pair, const pairlab::AlertVariables &variables);

private:
    struct LoadedLegs
    {
        PairRequest request;
        CloseSeries x, y;
        Bar lastX, lastY; // the newest bar of each leg, possibly still forming
        bool haveX = false, haveY = false;
        QString error;
    };
    /** Mid bars of both legs stored since the newest one tracked (live, mid prices). */
    struct MidTail
    {
        PairRequest request;
        std::vector<Bar> x, y;
    };
    struct BuiltDisplay
    {
        PairRequest request;
        PairAnalytics analytics;
        PairDisplay display;
    };
    struct BuiltStats
    {
        PairRequest request;
        std::vector<LegStatsModel::Scoped> scopes;
    };
    /** The forming bar of one leg and its bars closed since, not yet appended. */
    struct LegTail
    {
        qint64 lastOpen = -1;
        double lastClose = 0;
        qint64 lastTradeId = -1;
        std::map<qint64, double> closed;
    };

    void onHistoryLoaded(const LoadedLegs &legs);
    void onAnalytics(const PairAnalytics &a);
    void onAnalysisFailed(const QString &reason);
    void onDisplayBuilt(BuiltDisplay built);
    void onDatasets(const QList<BarStore::DatasetInfo> &datasets);
    void applyOptions();
    void buildDisplay();
    void updateState();
    void emitAlertInputs(const PairAnalytics &a);
    static void trackFragments(LegTail &tail, const std::vector<Bar> &bars);
    void appendClosedBars();
    void pollMidBars();
    void choosePair(PairRequest &r, const QStringList &symbols) const;

    QString m_dbPath;
    QString m_datasetDbPath;
    PairRequest m_request;
    PairState m_state;
    PairResult m_result;
    PairAnalytics m_analytics; ///< the newest full analysis of the service's current epoch
    PairAnalyticsService *m_service;
    quint64 m_epoch = 0; ///< the service epoch of the current request
    bool m_loading = false, m_historyLoaded = false;
    QString m_idleReason, m_loadError, m_failure;
    LegTail m_tailX, m_tailY;
    int m_appended = 0;
    /** Alerts judge each bar once, as it closes live: bars up to here (the loaded history, bars already
     *  judged) are not judged again when a reload, a recompute or a reconnect publishes them anew. */
    qint64 m_alertedUpToMs = std::numeric_limits<qint64>::min();
    QString m_alertedSeries; ///< the legs, source, bar length and price m_alertedUpToMs is about
    QStringList m_liveSymbols, m_universe;
    QList<BarStore::DatasetInfo> m_datasets;
    QString m_pendingSource;
    QTimer *m_universeTimer;
    QTimer *m_universeProgressTimer;
    std::shared_ptr<std::atomic<qint64>> m_scanDone = std::make_shared<std::atomic<qint64>>(0),
                                         m_scanTotal = std::make_shared<std::atomic<qint64>>(0);
    bool m_universePaused = false;
    /** A full scan is due at the next tick of m_universeTimer (the universe's history grew, the first scan
     *  found nothing). */
    bool m_universeStale = true;
    UniverseResult m_universeResult; ///< the newest on screen (full scan or live step)
    qint64 m_lastUniverseBarMs = 0;  ///< newest open time of a live bar of the scanned length seen
    int m_liveStepsStarted = 0;
    QElapsedTimer m_sinceFullScan; ///< since the newest full scan was submitted
    QTimer *m_universeStep;        ///< coalesces the bars closing in one burst into one live step
    QTimer *m_historyReload;
    QTimer *m_quotePoll; ///< live mid prices: reads the quote bars stored since the last poll
    LatestResult<LoadedLegs> m_loads;
    LatestResult<MidTail> m_midTails;
    LatestResult<BuiltDisplay> m_displays;
    LatestResult<BuiltStats> m_stats;
    LatestResult<UniverseResult> m_universeJobs;
    LatestResult<UniverseResult> m_universeSteps;
    LatestResult<QList<BarStore::DatasetInfo>> m_sourceJobs;
};

} // namespace pairlab

Q_DECLARE_METATYPE(pairlab::PairRequest)
Q_DECLARE_METATYPE(pairlab::PairState)
Q_DECLARE_METATYPE(pairlab::PairResult)
