#pragma once

#include "logging/log_entry.h"

#include <QFile>
#include <QString>

#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace pairlab {

/** A log message with credentials masked: the password of a URL (scheme://user:password@host) and
 *  password=... parameters become "***". Every message passes through it before the file or the queue. */
QString redactCredentials(const QString &message);

/** A log file that rotates by size: when the next line would take `path` past maxBytes, path.(keep-2)
 *  becomes path.(keep-1), …, path becomes path.1 and a new path is started, so at most `keep` files
 *  (the current one and keep-1 older ones) exist. Not thread-safe by itself: LogSink serialises it. */
class RotatingLogFile
{
public:
    RotatingLogFile(QString path, qint64 maxBytes, int keep);

    /** Appends one line (a newline is added) and flushes it. False when the file cannot be written. */
    bool write(const QString &line);
    QString path() const { return m_path; }
    qint64 maxBytes() const { return m_maxBytes; }
    int keep() const { return m_keep; }

private:
    bool open();
    void rotate();

    QString m_path;
    qint64 m_maxBytes;
    int m_keep;
    QFile m_file;
    qint64 m_size = 0;
};

/** Where every Qt log message of the process goes once install() ran: the rotating log file
 *  (<dir>/pairlab.log, 1 MiB × 5 files by default), the previous message handler (stderr, or Qt Test's),
 *  and a bounded queue of entries that one consumer — the LogModel on the GUI thread — drains in batches.
 *  handle() may be called from any thread; one mutex guards the file and the queue. When the queue
 *  goes from empty to non-empty the wake callback runs (still under the lock, so it must only post an
 *  event), which lets the consumer coalesce a flood into one update. */
class LogSink
{
public:
    static constexpr qint64 DefaultMaxBytes = qint64(1024) * 1024;
    static constexpr int DefaultKeep = 5;
    static constexpr std::size_t DefaultQueueCapacity = 10000;

    /** logDir empty: no file, queue only. */
    explicit LogSink(const QString &logDir, qint64 maxBytes = DefaultMaxBytes, int keep = DefaultKeep,
                     std::size_t queueCapacity = DefaultQueueCapacity);
    ~LogSink();
    LogSink(const LogSink &) = delete;
    LogSink &operator=(const LogSink &) = delete;

    /** Makes sink the process's message handler (qInstallMessageHandler), chaining to the previous one.
     *  The sink must outlive the installation; uninstall() (or destroying the sink) restores the
     *  previous handler. */
    static void install(LogSink *sink);
    static void uninstall();
    /** The installed sink, or nullptr. */
    static LogSink *instance();

    void handle(QtMsgType type, const QMessageLogContext &context, const QString &message);
    void add(const LogEntry &entry);

    /** Moves every queued entry out (oldest first). */
    std::vector<LogEntry> takePending();
    /** Called, under the sink's lock, when an entry arrives in an empty queue. Empty function: none. */
    void setWake(std::function<void()> wake);
    /** Entries dropped because the queue was full (the consumer did not keep up). */
    qint64 dropped() const;
    /** The current log file (empty without a directory). */
    QString filePath() const;
    QString directory() const { return m_dir; }

private:
    QString m_dir;
    mutable std::mutex m_mutex;
    std::unique_ptr<RotatingLogFile> m_file;
    std::deque<LogEntry> m_queue;
    std::size_t m_capacity;
    qint64 m_dropped = 0;
    std::function<void()> m_wake;
};

} // namespace pairlab
