#pragma once

#include <QMetaType>
#include <QString>
#include <QtGlobal>

namespace pairlab {

/** Severity of a log entry, ordered (QtMsgType is not: QtInfoMsg comes after QtFatalMsg). */
enum class LogLevel { Debug, Info, Warning, Critical, Fatal };

LogLevel logLevel(QtMsgType type);
/** "debug", "info", "warning", "critical", "fatal": the words of the log file. */
QString logLevelName(LogLevel level);

/** One message of Qt's logging (qDebug/qCInfo/qCWarning…), as the log file and the log model keep it. */
struct LogEntry
{
    qint64 timeMs = 0; ///< wall clock, ms since the epoch
    LogLevel level = LogLevel::Info;
    QString category; ///< e.g. "pairlab.feed"; "default" for plain qDebug()
    QString message;

    /** "2024-08-08T10:00:00.123Z warning pairlab.feed: message" — one line of the log file. */
    QString toLine() const;
};

} // namespace pairlab

Q_DECLARE_METATYPE(pairlab::LogEntry)
