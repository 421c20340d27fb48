#include "logging/log_sink.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include <atomic>

namespace pairlab {

LogLevel logLevel(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return LogLevel::Debug;
    case QtInfoMsg:
        return LogLevel::Info;
    case QtWarningMsg:
        return LogLevel::Warning;
    case QtCriticalMsg:
        return LogLevel::Critical;
    case QtFatalMsg:
        return LogLevel::Fatal;
    }
    return LogLevel::Info;
}

QString logLevelName(LogLevel level)
{
    switch (level) {
    case LogLevel::Debug:
        return QStringLiteral("debug");
    case LogLevel::Info:
        return QStringLiteral("info");
    case LogLevel::Warning:
        return QStringLiteral("warning");
    case LogLevel::Critical:
        return QStringLiteral("critical");
    case LogLevel::Fatal:
        return QStringLiteral("fatal");
    }
    return {};
}

QString LogEntry::toLine() const
{
    return QStringLiteral("%1 %2 %3: %4")
        .arg(QDateTime::fromMSecsSinceEpoch(timeMs, Qt::UTC).toString(Qt::ISODateWithMs), logLevelName(level),
             category, message);
}

RotatingLogFile::RotatingLogFile(QString path, qint64 maxBytes, int keep)
    : m_path(std::move(path)), m_maxBytes(std::max<qint64>(1, maxBytes)), m_keep(std::max(1, keep))
{
}

bool RotatingLogFile::open()
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    m_file.setFileName(m_path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text))
        return false;
    m_size = m_file.size();
    return true;
}

void RotatingLogFile::rotate()
{
    m_file.close();
    const auto numbered = [this](int i) {
        return i == 0 ? m_path : m_path + QLatin1Char('.') + QString::number(i);
    };
    QFile::remove(numbered(m_keep - 1));
    for (int i = m_keep - 2; i >= 0; --i)
        QFile::rename(numbered(i), numbered(i + 1));
    open();
}

bool RotatingLogFile::write(const QString &line)
{
    if (!m_file.isOpen() && !open())
        return false;
    QByteArray bytes = line.toUtf8();
    bytes.append('\n');
    // A line longer than the limit still goes into a file of its own.
    if (m_size > 0 && m_size + bytes.size() > m_maxBytes) {
        rotate();
        if (!m_file.isOpen())
            return false;
    }
    const qint64 written = m_file.write(bytes);
    m_file.flush();
    if (written > 0)
        m_size += written;
    return written == bytes.size();
}

namespace {

std::atomic<LogSink *> g_sink{nullptr};
std::atomic<QtMessageHandler> g_previous{nullptr};

void messageHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    // A message logged while handling one (e.g. by a failing file write) only goes to the previous handler.
    thread_local bool inside = false;
    LogSink *sink = g_sink.load();
    if (sink && !inside) {
        inside = true;
        sink->handle(type, context, message);
        inside = false;
    }
    if (const QtMessageHandler previous = g_previous.load())
        previous(type, context, message);
}

} // namespace

LogSink::LogSink(const QString &logDir, qint64 maxBytes, int keep, std::size_t queueCapacity)
    : m_dir(logDir), m_capacity(std::max<std::size_t>(1, queueCapacity))
{
    if (!logDir.isEmpty())
        m_file = std::make_unique<RotatingLogFile>(logDir + QStringLiteral("/pairlab.log"), maxBytes, keep);
}

LogSink::~LogSink()
{
    if (g_sink.load() == this)
        uninstall();
}

void LogSink::install(LogSink *sink)
{
    uninstall();
    g_sink.store(sink);
    g_previous.store(qInstallMessageHandler(messageHandler));
}

void LogSink::uninstall()
{
    if (!g_sink.load())
        return;
    qInstallMessageHandler(g_previous.load());
    g_sink.store(nullptr);
    g_previous.store(nullptr);
}

LogSink *LogSink::instance()
{
    return g_sink.load();
}

QString redactCredentials(const QString &message)
{
    if (!message.contains(QLatin1Char('@')) &&
        !message.contains(QLatin1String("password"), Qt::CaseInsensitive))
        return message; // the usual case, without a regular expression
    static const QRegularExpression userInfo(
        QStringLiteral("([A-Za-z][A-Za-z0-9+.-]*://[^\\s:/@]*):[^\\s@/]*@"));
    static const QRegularExpression parameter(QStringLiteral("(password\\s*=\\s*)[^\\s&;]+"),
                                              QRegularExpression::CaseInsensitiveOption);
    QString out = message;
    out.replace(userInfo, QStringLiteral("\\1:***@"));
    out.replace(parameter, QStringLiteral("\\1***"));
    return out;
}

void LogSink::handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    LogEntry e;
    e.timeMs = QDateTime::currentMSecsSinceEpoch();
    e.level = logLevel(type);
    e.category = context.category ? QString::fromLatin1(context.category) : QStringLiteral("default");
    e.message = redactCredentials(message);
    add(e);
}

void LogSink::add(const LogEntry &entry)
{
    const std::lock_guard lock(m_mutex);
    if (m_file)
        m_file->write(entry.toLine());
    if (m_queue.size() >= m_capacity) {
        m_queue.pop_front();
        ++m_dropped;
    }
    m_queue.push_back(entry);
    if (m_queue.size() == 1 && m_wake)
        m_wake();
}

std::vector<LogEntry> LogSink::takePending()
{
    const std::lock_guard lock(m_mutex);
    std::vector<LogEntry> out(std::make_move_iterator(m_queue.begin()),
                              std::make_move_iterator(m_queue.end()));
    m_queue.clear();
    return out;
}

void LogSink::setWake(std::function<void()> wake)
{
    const std::lock_guard lock(m_mutex);
    m_wake = std::move(wake);
}

qint64 LogSink::dropped() const
{
    const std::lock_guard lock(m_mutex);
    return m_dropped;
}

QString LogSink::filePath() const
{
    return m_file ? m_file->path() : QString();
}

} // namespace pairlab
