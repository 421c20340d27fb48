#include "logging/log_model.h"

#include "logging/log_sink.h"

#include <QDateTime>
#include <QTimer>

namespace pairlab {

LogModel::LogModel(LogSink *sink, int maxRows, QObject *parent)
    : QAbstractTableModel(parent), m_sink(sink), m_maxRows(std::max(1, maxRows)), m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(FlushIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &LogModel::flush);
    if (m_sink) {
        // The wake runs under the sink's lock on the logging thread: it only posts an event.
        m_sink->setWake(
            [this] { QMetaObject::invokeMethod(this, &LogModel::scheduleFlush, Qt::QueuedConnection); });
        scheduleFlush(); // what was logged before the model existed
    }
}

LogModel::~LogModel()
{
    if (m_sink)
        m_sink->setWake({});
}

void LogModel::scheduleFlush()
{
    if (!m_timer->isActive())
        m_timer->start();
}

void LogModel::flush()
{
    if (m_sink)
        append(m_sink->takePending());
}

void LogModel::append(std::vector<LogEntry> entries)
{
    if (entries.empty())
        return;
    const auto cap = std::size_t(m_maxRows);
    std::size_t skip = entries.size() > cap ? entries.size() - cap : 0;
    const std::size_t incoming = entries.size() - skip;
    const std::size_t total = m_entries.size() + incoming;
    if (total > cap) {
        const int remove = int(total - cap);
        beginRemoveRows({}, 0, remove - 1);
        m_entries.erase(m_entries.begin(), m_entries.begin() + remove);
        endRemoveRows();
    }
    const int first = int(m_entries.size());
    beginInsertRows({}, first, first + int(incoming) - 1);
    for (std::size_t i = skip; i < entries.size(); ++i)
        m_entries.push_back(std::move(entries[i]));
    endInsertRows();
    Q_EMIT appended(int(incoming));
}

void LogModel::clear()
{
    if (m_entries.empty())
        return;
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int LogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString LogModel::levelText(LogLevel level) const
{
    switch (level) {
    case LogLevel::Debug:
        return tr("Debug");
    case LogLevel::Info:
        return tr("Info");
    case LogLevel::Warning:
        return tr("Warning");
    case LogLevel::Critical:
        return tr("Error");
    case LogLevel::Fatal:
        return tr("Fatal");
    }
    return {};
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LogEntry &e = m_entries[std::size_t(index.row())];
    if (role == LevelRole)
        return int(e.level);
    if (role == TimeMsRole)
        return e.timeMs;
    if (role == Qt::ToolTipRole) {
        if (index.column() == Time)
            return QDateTime::fromMSecsSinceEpoch(e.timeMs).toString(Qt::ISODateWithMs);
        if (index.column() == Message)
            return e.message;
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Time:
        return QDateTime::fromMSecsSinceEpoch(e.timeMs).toString(QStringLiteral("HH:mm:ss.zzz"));
    case Level:
        return levelText(e.level);
    case Category:
        return e.category;
    case Message:
        return e.message;
    default:
        return {};
    }
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time");
    case Level:
        return tr("Level");
    case Category:
        return tr("Category");
    case Message:
        return tr("Message");
    default:
        return {};
    }
}

LogFilterModel::LogFilterModel(QObject *parent) : QSortFilterProxyModel(parent) {}

void LogFilterModel::setMinimumLevel(LogLevel level)
{
    if (level == m_minimum)
        return;
    m_minimum = level;
    invalidateFilter();
}

void LogFilterModel::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    invalidateFilter();
}

bool LogFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *m = sourceModel();
    const QModelIndex level = m->index(sourceRow, LogModel::Level, sourceParent);
    if (level.data(LogModel::LevelRole).toInt() < int(m_minimum))
        return false;
    if (m_text.isEmpty())
        return true;
    for (int c : {int(LogModel::Category), int(LogModel::Message)}) {
        if (m->index(sourceRow, c, sourceParent).data().toString().contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace pairlab
