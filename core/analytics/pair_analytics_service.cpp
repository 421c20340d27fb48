#include "analytics/pair_analytics_service.h"

#include <QtConcurrent/QtConcurrentRun>

namespace pairlab {

PairAnalyticsService::PairAnalyticsService(QObject *parent)
    : QObject(parent), m_pair(std::make_shared<AlignedPair>())
{
    qRegisterMetaType<pairlab::PairAnalytics>();
    qRegisterMetaType<pairlab::CloseSeries>();
    connect(&m_watcher, &QFutureWatcher<JobResult>::finished, this, &PairAnalyticsService::onJobFinished);
    m_heavyTimer.setSingleShot(true);
    connect(&m_heavyTimer, &QTimer::timeout, this, &PairAnalyticsService::requestFull);
}

PairAnalyticsService::~PairAnalyticsService()
{
    if (m_cancel)
        m_cancel->store(true);
    m_watcher.waitForFinished(); // the job stops at its next checkpoint
}

void PairAnalyticsService::setOptions(const PairAnalysisOptions &options)
{
    m_options = options;
    m_options.series = true;
    newEpoch(); // the window and the backtest bands change every number
    requestFull();
}

void PairAnalyticsService::setHeavyIntervalMs(int ms)
{
    m_heavyIntervalMs = std::max(0, ms);
}

void PairAnalyticsService::setSeries(const CloseSeries &x, const CloseSeries &y)
{
    m_pair = std::make_shared<AlignedPair>(alignOnOpenTime(x, y));
    m_latest.symbolX = x.symbol;
    m_latest.symbolY = y.symbol;
    newEpoch();
    requestFull();
}

void PairAnalyticsService::clear()
{
    m_pair = std::make_shared<AlignedPair>();
    m_latest.symbolX.clear();
    m_latest.symbolY.clear();
    newEpoch();
    m_dirty = false;
    m_heavyTimer.stop();
}

void PairAnalyticsService::newEpoch()
{
    ++m_epoch;
    m_latest.full.reset(); // an analysis of the previous epoch is never published again
    m_latest.fullBars = 0;
    m_latest.live = PairAnalytics().live;
    m_live.reset();
    m_liveBars = 0;
    if (m_running && m_cancel)
        m_cancel->store(true); // its input is obsolete: stop it, the dirty rerun takes the new one
}

void PairAnalyticsService::appendBar(qint64 openTimeMs, double closeX, double closeY)
{
    if (!m_pair->timeMs.empty() && openTimeMs <= m_pair->timeMs.back())
        return;                 // not newer: ignore (the feed re-sends a bar on reconnect)
    if (m_pair.use_count() > 1) // a job still reads the current snapshot: copy on write
        m_pair = std::make_shared<AlignedPair>(*m_pair);
    m_pair->timeMs.push_back(openTimeMs);
    m_pair->x.push_back(closeX);
    m_pair->y.push_back(closeY);
    if (m_live && m_liveBars + 1 == m_pair->size()) {
        m_latest.live = m_live->push(closeX, closeY);
        ++m_liveBars;
    }
    publish();
    if (!m_sinceHeavy.isValid() || m_sinceHeavy.elapsed() >= m_heavyIntervalMs)
        requestFull();
    else if (!m_heavyTimer.isActive())
        m_heavyTimer.start(int(m_heavyIntervalMs - m_sinceHeavy.elapsed()));
}

void PairAnalyticsService::requestFull()
{
    if (m_running) {
        m_dirty = true;
        return;
    }
    startJob();
}

void PairAnalyticsService::cancel()
{
    m_dirty = false;
    if (m_cancel)
        m_cancel->store(true);
}

void PairAnalyticsService::startJob()
{
    if (m_pair->size() == 0)
        return;
    m_heavyTimer.stop();
    m_sinceHeavy.start();
    m_running = true;
    m_dirty = false;
    ++m_jobsStarted;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    const std::shared_ptr<const AlignedPair> snapshot = m_pair; // shared; appends copy on write
    const PairAnalysisOptions options = m_options;
    const auto cancelFlag = m_cancel;
    const quint64 epoch = m_epoch;
    m_watcher.setFuture(QtConcurrent::run([snapshot, options, cancelFlag, epoch]() {
        JobResult r;
        r.bars = snapshot->size();
        r.epoch = epoch;
        auto a = std::make_shared<PairAnalysis>(analyzePair(*snapshot, options, cancelFlag.get()));
        if (a->ok() && !cancelFlag->load()) {
            auto live = std::make_shared<LivePairState>(a->ols.alpha, a->ols.beta, options.window);
            for (std::size_t t = 0; t < snapshot->size(); ++t)
                live->push(snapshot->x[t], snapshot->y[t]);
            r.live = std::move(live);
        }
        r.analysis = std::move(a);
        return r;
    }));
}

void PairAnalyticsService::onJobFinished()
{
    m_running = false;
    const JobResult r = m_watcher.result();
    const bool cancelled = (m_cancel && m_cancel->load()) || r.analysis->status == AnalyticsStatus::Cancelled;
    if (!cancelled && r.epoch == m_epoch) {
        if (!r.analysis->ok()) {
            Q_EMIT analysisFailed(r.analysis->error);
        } else {
            m_latest.full = r.analysis;
            m_latest.fullBars = int(r.bars);
            m_live = r.live;
            m_liveBars = r.bars;
            // catch up with the bars appended while the job ran
            for (; m_live && m_liveBars < m_pair->size(); ++m_liveBars)
                m_live->push(m_pair->x[m_liveBars], m_pair->y[m_liveBars]);
            if (m_live)
                m_latest.live = m_live->last();
            publish();
        }
    }
    if (m_dirty)
        startJob();
}

void PairAnalyticsService::publish()
{
    m_latest.bars = int(m_pair->size());
    m_latest.lastTimeMs = m_pair->timeMs.empty() ? 0 : m_pair->timeMs.back();
    ++m_latest.sequence;
    m_latest.epoch = m_epoch;
    Q_EMIT analyticsReady(m_latest);
}

} // namespace pairlab
