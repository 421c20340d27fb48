#pragma once

#include "analytics/pair_analysis.h"
#include "analytics/rolling.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QMetaType>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <memory>

namespace pairlab {

/** Immutable snapshot published by PairAnalyticsService. `full` is the last complete batch analysis
    (OLS, ADF, EG, Huber, Theil-Sen, backtest, per-bar series) — it may lag the newest bars by up to the
    heavy interval; `live` holds the O(1) per-bar values (spread on the static hedge of `full`, z,
    correlations, Kalman) for the newest bar. Cheap to copy (shared, never mutated). */
struct PairAnalytics
{
    QString symbolX, symbolY;
    int bars = 0;          ///< aligned bars known to the service
    qint64 lastTimeMs = 0; ///< open time of the newest aligned bar
    std::shared_ptr<const PairAnalysis> full;
    int fullBars = 0; ///< bars the full analysis was computed on
    LivePairState::Update live;
    quint64 sequence = 0; ///< increases with every publication
    quint64 epoch = 0;    ///< the service's epoch (history and options) this value belongs to
};

/** Computes pair analytics off the GUI thread and publishes whole PairAnalytics values.

    Lives in (and is called from) one thread, normally the GUI thread; the batch work runs on
    QtConcurrent (global pool) on an immutable snapshot of the aligned bars. Requests coalesce: while a
    job runs, new requests only mark the service dirty and one more job runs afterwards on the latest
    data (latest wins). New bars (`appendBar`) update z / correlations / Kalman incrementally in O(1)
    and publish at once; the heavy batch (ADF, EG, Huber, Theil-Sen) reruns at most every
    `heavyIntervalMs` or on `requestFull()`. `cancel()` (and the destructor) stop a running job through
    an std::atomic<bool> checked between steps.

    The service holds the one aligned pair of its user (`pair()`): new history or new options start a new
    epoch; nothing computed in an earlier epoch is published afterwards, and every publication carries its
    epoch, so a user can tell which of its requests a value answers. */
class PairAnalyticsService : public QObject
{
    Q_OBJECT

public:
    explicit PairAnalyticsService(QObject *parent = nullptr);
    ~PairAnalyticsService() override;

    void setOptions(const PairAnalysisOptions &options);
    void setHeavyIntervalMs(int ms);
    bool isBusy() const { return m_running; }
    const PairAnalytics &latest() const { return m_latest; }
    int jobsStarted() const { return m_jobsStarted; }
    /** Bumps with every setSeries(), setOptions() and clear(). */
    quint64 epoch() const { return m_epoch; }
    /** The aligned bars (history + appended); shared, never mutated (appends copy on write). */
    std::shared_ptr<const AlignedPair> pair() const { return m_pair; }

public Q_SLOTS:
    /** Replaces the history: inner join of the two series on bar open time, then a full analysis. */
    void setSeries(const pairlab::CloseSeries &x, const pairlab::CloseSeries &y);
    /** One new aligned bar (both legs closed at `openTimeMs`, newer than the last one). */
    void appendBar(qint64 openTimeMs, double closeX, double closeY);
    /** Full recomputation now (or right after the running job). */
    void requestFull();
    /** Stops the running job; nothing is published for it. */
    void cancel();
    /** Drops the history (a new epoch with no bars): nothing is computed or published until setSeries(). */
    void clear();

Q_SIGNALS:
    void analyticsReady(const pairlab::PairAnalytics &analytics);
    void analysisFailed(const QString &reason);

private:
    struct JobResult
    {
        std::shared_ptr<const PairAnalysis> analysis;
        std::shared_ptr<LivePairState> live; ///< replayed over the job's bars with the job's hedge
        std::size_t bars = 0;
        quint64 epoch = 0;
    };
    void newEpoch();
    void startJob();
    void onJobFinished();
    void publish();

    PairAnalysisOptions m_options;
    int m_heavyIntervalMs = 5000;
    std::shared_ptr<AlignedPair> m_pair; ///< copy-on-write: jobs keep the snapshot they started with
    quint64 m_epoch = 0; ///< bumps when the history or the options are replaced (not on append)
    std::shared_ptr<LivePairState> m_live;
    std::size_t m_liveBars = 0;
    PairAnalytics m_latest;
    QFutureWatcher<JobResult> m_watcher;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    bool m_running = false, m_dirty = false;
    int m_jobsStarted = 0;
    QElapsedTimer m_sinceHeavy;
    QTimer m_heavyTimer;
};

} // namespace pairlab

Q_DECLARE_METATYPE(pairlab::PairAnalytics)
Q_DECLARE_METATYPE(pairlab::CloseSeries)
