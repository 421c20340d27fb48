#include "analytics/pair_scan.h"
#include "cli/commands.h"
#include "cli/json_writer.h"
#include "cli/wide_closes.h"

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

const char *const kFields[] = {"y",
                               "x",
                               "n",
                               "alpha",
                               "beta",
                               "eg_stat",
                               "eg_pvalue",
                               "eg_stat_reverse",
                               "eg_pvalue_reverse",
                               "half_life",
                               "hurst",
                               "corr_returns",
                               "z_last",
                               "crossings_per_1000"};

std::array<double, 11> numbers(const PairScanRecord &r)
{
    return {r.alpha,    r.beta,  r.egStat,      r.egPValue, r.egStatReverse,   r.egPValueReverse,
            r.halfLife, r.hurst, r.corrReturns, r.zLast,    r.crossingsPer1000};
}

void appendJsonString(QByteArray &o, const QString &s)
{
    o += '"';
    for (const char c : s.toUtf8()) {
        if (c == '"' || c == '\\') {
            o += '\\';
            o += c;
        } else if (quint8(c) < 0x20) {
            o += "\\u00";
            o += "0123456789abcdef"[(c >> 4) & 0xF];
            o += "0123456789abcdef"[c & 0xF];
        } else {
            o += c;
        }
    }
    o += '"';
}

QByteArray toJson(const WideCloses &in, const std::vector<PairScanRecord> &recs, int window)
{
    QByteArray o;
    o.reserve(qsizetype(recs.size()) * 360 + 64);
    o += "{\"n_symbols\":";
    appendInt(o, in.symbols.size());
    o += ",\"n_pairs\":";
    appendInt(o, qint64(recs.size()));
    o += ",\"n_rows\":";
    appendInt(o, in.rows);
    o += ",\"window\":";
    appendInt(o, window);
    o += ",\"pairs\":[";
    bool first = true;
    for (const PairScanRecord &r : recs) {
        o += first ? "\n{" : ",\n{";
        first = false;
        o += "\"y\":";
        appendJsonString(o, in.symbols[r.y]);
        o += ",\"x\":";
        appendJsonString(o, in.symbols[r.x]);
        o += ",\"n\":";
        appendInt(o, r.n);
        const auto v = numbers(r);
        for (std::size_t i = 0; i < v.size(); ++i) {
            o += ",\"";
            o += kFields[i + 3];
            o += "\":";
            appendNumber(o, v[i]);
        }
        o += '}';
    }
    o += "\n]}\n";
    return o;
}

QByteArray toCsv(const WideCloses &in, const std::vector<PairScanRecord> &recs)
{
    QByteArray o;
    o.reserve(qsizetype(recs.size()) * 240 + 256);
    for (std::size_t i = 0; i < std::size(kFields); ++i) {
        o += i ? "," : "";
        o += kFields[i];
    }
    o += '\n';
    for (const PairScanRecord &r : recs) {
        o += in.symbols[r.y].toUtf8();
        o += ',';
        o += in.symbols[r.x].toUtf8();
        o += ',';
        appendInt(o, r.n);
        for (const double v : numbers(r)) {
            o += ',';
            if (std::isfinite(v))
                appendDouble(o, v);
        }
        o += '\n';
    }
    return o;
}

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
    const QByteArray text = format == QLatin1String("csv") ? toCsv(in, recs) : toJson(in, recs, window);
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
