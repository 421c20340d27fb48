#pragma once

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <type_traits>
#include <utility>

namespace pairlab {

/** "Latest result wins" for one kind of background job: submit() runs a job on QtConcurrent's global pool
 *  and hands its result to the delivery callback — unless a newer job was submitted meanwhile, in which case
 *  the older result is dropped. One job runs at a time: a submit while one runs asks the running job to stop
 *  (its cancel flag) and keeps only the newest submission, which starts as soon as the running one returns
 *  (coalesce, don't queue). A job is a callable returning T, taking either nothing or the
 *  `const std::atomic<bool> &` cancel flag it may poll between steps.
 *  Lives in, is called from and delivers in one thread (normally the GUI thread). The destructor cancels
 *  and waits for the running job, so a job must not depend on the owner's members (capture values). */
template <typename T> class LatestResult
{
public:
    using Delivery = std::function<void(T)>;

    explicit LatestResult(Delivery deliver) : m_deliver(std::move(deliver))
    {
        QObject::connect(&m_watcher, &QFutureWatcher<T>::finished, &m_watcher, [this] { onFinished(); });
    }
    ~LatestResult()
    {
        m_pending.reset();
        if (m_cancel)
            m_cancel->store(true);
        m_watcher.waitForFinished();
    }
    LatestResult(const LatestResult &) = delete;
    LatestResult &operator=(const LatestResult &) = delete;

    /** Makes job the newest request; returns its generation. Earlier results are no longer delivered. */
    template <typename F> quint64 submit(F &&job)
    {
        ++m_generation;
        Job wrapped;
        if constexpr (std::is_invocable_v<F &, const std::atomic<bool> &>)
            wrapped = std::forward<F>(job);
        else
            wrapped = [j = std::forward<F>(job)](const std::atomic<bool> &) mutable { return j(); };
        if (m_running) {
            if (m_pending)
                ++m_dropped; // replaced before it started
            m_pending.emplace(m_generation, std::move(wrapped));
            m_cancel->store(true);
        } else {
            start(m_generation, std::move(wrapped));
        }
        return m_generation;
    }
    /** Nothing submitted so far is delivered; the running job is asked to stop. */
    void cancel()
    {
        ++m_generation;
        if (m_pending) {
            ++m_dropped;
            m_pending.reset();
        }
        if (m_cancel)
            m_cancel->store(true);
    }
    /** A job runs or waits to run. */
    bool isBusy() const { return m_running || m_pending.has_value(); }
    /** The generation of the newest submission (or cancel). */
    quint64 generation() const { return m_generation; }
    int delivered() const { return m_delivered; }
    /** Jobs whose result was dropped (superseded, cancelled) or that never started. */
    int dropped() const { return m_dropped; }

private:
    using Job = std::function<T(const std::atomic<bool> &)>;

    void start(quint64 generation, Job job)
    {
        m_running = true;
        m_runningGeneration = generation;
        m_cancel = std::make_shared<std::atomic<bool>>(false);
        m_watcher.setFuture(
            QtConcurrent::run([job = std::move(job), cancel = m_cancel] { return job(*cancel); }));
    }
    void onFinished()
    {
        m_running = false;
        const bool current = m_runningGeneration == m_generation && !m_cancel->load();
        if (m_pending) { // a newer request waits: this result is stale by construction
            ++m_dropped;
            auto [generation, job] = std::move(*m_pending);
            m_pending.reset();
            start(generation, std::move(job));
            return;
        }
        if (!current) {
            ++m_dropped;
            return;
        }
        ++m_delivered;
        m_deliver(m_watcher.result()); // may submit() again
    }

    Delivery m_deliver;
    QFutureWatcher<T> m_watcher;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    std::optional<std::pair<quint64, Job>> m_pending;
    quint64 m_generation = 0, m_runningGeneration = 0;
    bool m_running = false;
    int m_delivered = 0, m_dropped = 0;
};

} // namespace pairlab
