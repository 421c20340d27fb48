#include "analytics/pair_scan.h"
#include "cli/commands.h"
#include "cli/wide_closes.h"
#include "io/scan_json.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSaveFile>
#include <QSet>
#include <QTextStream>

#include <charconv>
#include <cmath>
#include <cstring>

// `pairlab-cli scan FILE.csv [--window 120] [--format json|csv] [--out F]` (stable interface, CONVENTIONS
// §15).
namespace pairlab::cli {

namespace {

} // namespace

int scan(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QString file, outPath, format = QStringLiteral("json"), problem;
    int window = 120;
    for (qsizetype i = 0; i < args.size() && problem.isEmpty(); ++i) {
        const QString &a = args[i];
        auto value = [&]() -> QString {
            if (i + 1 >= args.size()) {
                problem = QStringLiteral("%1 needs a value").arg(a);
                return {};
            }
            return args[++i];
        };
        if (a == QLatin1String("--window")) {
            const QString v = value();
            bool ok = false;
            window = v.toInt(&ok);
            if (problem.isEmpty() && (!ok || window < 2))
                problem = QStringLiteral("--window must be an integer >= 2");
        } else if (a == QLatin1String("--format")) {
            format = value();
            if (problem.isEmpty() && format != QLatin1String("json") && format != QLatin1String("csv"))
                problem = QStringLiteral("--format must be json or csv");
        } else if (a == QLatin1String("--out")) {
            outPath = value();
        } else if (a.startsWith(QLatin1String("--"))) {
            problem = QStringLiteral("unknown option %1").arg(a);
        } else if (file.isEmpty()) {
            file = a;
        } else {
            problem = QStringLiteral("unexpected argument %1").arg(a);
        }
    }
    if (problem.isEmpty() && file.isEmpty())
        problem = QStringLiteral("missing FILE.csv");
    if (!problem.isEmpty()) {
        err << "scan: " << problem << "\n"
            << "usage: pairlab-cli scan FILE.csv [--window 120] [--format json|csv] [--out F]\n";
        err.flush();
        return 2;
    }
    WideCloses in;
    QString error;
    if (!readWideCloses(file, in, error)) {
        err << "scan: " << error << "\n";
        err.flush();
        return 1;
    }
    QElapsedTimer timer;
    timer.start();
    PairScanOptions options;
    options.window = window;
    const std::vector<PairScanRecord> recs = scanPairs(in.columns, options);
    const double scanMs = double(timer.nsecsElapsed()) / 1e6;
    const QByteArray text = format == QLatin1String("csv") ? scanToCsv(in.symbols, recs)
                                                           : scanToJson(in.symbols, in.rows, recs, window);
    if (outPath.isEmpty()) {
        out << QString::fromUtf8(text);
        out.flush();
    } else {
        QSaveFile save(outPath);
        if (!save.open(QIODevice::WriteOnly) || save.write(text) != text.size() || !save.commit()) {
            err << "scan: cannot write " << outPath << ": " << save.errorString() << "\n";
            err.flush();
            return 1;
        }
    }
    err << QStringLiteral("scan: %1 symbols, %2 pairs, %3 rows in %4 ms\n")
               .arg(in.symbols.size())
               .arg(recs.size())
               .arg(in.rows)
               .arg(scanMs, 0, 'f', 1);
    err.flush();
    return 0;
}

} // namespace pairlab::cli
