#include "cli/cli_util.h"

#include "market/recording.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QTextStream>

namespace pairlab::cli {

bool parseArgs(QCommandLineParser &p, const QString &command, const QStringList &args, QTextStream &err)
{
    p.setApplicationDescription(command);
    p.addHelpOption();
    QStringList full = args;
    full.prepend(QStringLiteral("pairlab-cli ") + command);
    if (!p.parse(full)) {
        err << p.errorText() << "\n\n" << p.helpText();
        return false;
    }
    if (p.isSet(QStringLiteral("help"))) {
        err << p.helpText();
        return false;
    }
    return true;
}

bool parseTime(const QString &text, qint64 *ms)
{
    bool ok = false;
    const qint64 v = text.toLongLong(&ok);
    if (ok) {
        *ms = v;
        return true;
    }
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        return false;
    if (t.timeSpec() == Qt::LocalTime)
        t.setTimeSpec(Qt::UTC);
    *ms = t.toMSecsSinceEpoch();
    return true;
}

QString resolveRecording(const QString &file)
{
    return file == QLatin1String("demo") ? demoRecordingPath() : file;
}

} // namespace pairlab::cli
