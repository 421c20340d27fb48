#include "cli/cli_util.h"

#include "market/recording.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QTextStream>

#include <algorithm>

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

double barsPerYearFromSpacing(const std::vector<qint64> &t, qint64 *spacingMs)
{
    std::vector<qint64> d;
    d.reserve(t.size());
    for (std::size_t i = 1; i < t.size(); ++i)
        if (t[i] > t[i - 1])
            d.push_back(t[i] - t[i - 1]);
    if (d.empty())
        return 0;
    std::nth_element(d.begin(), d.begin() + std::ptrdiff_t(d.size() / 2), d.end());
    *spacingMs = d[d.size() / 2];
    return 365.0 * 24 * 3600 * 1000 / double(*spacingMs);
}

} // namespace pairlab::cli
