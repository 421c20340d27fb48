#pragma once

#include <QString>
#include <QStringList>

#include <vector>

class QCommandLineParser;
class QTextStream;

namespace pairlab::cli {

/** Parses args (the words after the command's name) with p; on error or --help prints the message and the
 *  command's help to err and returns false. */
bool parseArgs(QCommandLineParser &p, const QString &command, const QStringList &args, QTextStream &err);

/** Epoch ms from "1723161480000" or an ISO-8601 date-time (UTC unless it has an offset). */
bool parseTime(const QString &text, qint64 *ms);

/** Bars a year of 24/7 bars at the median spacing of ascending bar times; 0 when there is no spacing. */
double barsPerYearFromSpacing(const std::vector<qint64> &timeMs, qint64 *spacingMs);

/** A recording's path; "demo" names the bundled one. */
QString resolveRecording(const QString &file);

} // namespace pairlab::cli
