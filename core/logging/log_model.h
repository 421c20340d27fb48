#pragma once

#include "logging/log_entry.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

#include <deque>
#include <vector>

class QTimer;

namespace pairlab {

class LogSink;

/** The recent log entries as a table (time, level, category, message), newest last, at most maxRows
 *  (the oldest are dropped). Fed by a LogSink: when messages arrive the model drains the sink's queue at
 *  most every FlushIntervalMs (≤ 25 Hz) and inserts the whole batch with one beginInsertRows, so a flood
 *  of messages from any thread costs the GUI one update per interval. One model per sink. GUI thread. */
class LogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Time, Level, Category, Message, ColumnCount };
    enum Role { LevelRole = Qt::UserRole + 1, TimeMsRole };
    static constexpr int FlushIntervalMs = 40;
    static constexpr int DefaultMaxRows = 10000;

    /** sink may be null (a model filled through append() only). */
    explicit LogModel(LogSink *sink, int maxRows = DefaultMaxRows, QObject *parent = nullptr);
    ~LogModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const LogEntry &entry(int row) const { return m_entries[std::size_t(row)]; }
    int maxRows() const { return m_maxRows; }
    /** Appends entries (oldest first), dropping the oldest rows beyond maxRows. */
    void append(std::vector<LogEntry> entries);
    QString levelText(LogLevel level) const;

public Q_SLOTS:
    /** Takes what the sink has queued now. */
    void flush();
    void clear();

Q_SIGNALS:
    /** After a batch was appended (count rows). */
    void appended(int count);

private:
    void scheduleFlush();

    LogSink *m_sink;
    int m_maxRows;
    std::deque<LogEntry> m_entries;
    QTimer *m_timer;
};

/** Filters a LogModel by minimum level and by text (case-insensitive, in category or message). */
class LogFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit LogFilterModel(QObject *parent = nullptr);
    void setMinimumLevel(LogLevel level);
    LogLevel minimumLevel() const { return m_minimum; }
    void setText(const QString &text);
    QString text() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    LogLevel m_minimum = LogLevel::Debug;
    QString m_text;
};

} // namespace pairlab
