#pragma once

#include <QString>
#include <QStringList>

class QCommandLineParser;
class QTextStream;

namespace pairlab::cli {

/** Parses args (the words after the command's name) with p; on error or --help prints the message and the
 *  command's help to err and returns false. */
bool parseArgs(QCommandLineParser &p, const QString &command, const QStringList &args, QTextStream &err);

/** A recording's path; "demo" names the bundled one. */
QString resolveRecording(const QString &file);

} // namespace pairlab::cli
