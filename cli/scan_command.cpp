#include "analytics/pair_scan.h"
#include "cli/commands.h"
#include "cli/json_writer.h"

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

struct WideCloses
{
    QStringList symbols;
    std::vector<std::vector<double>> columns; ///< NaN where a cell is empty
    qsizetype rows = 0;
};

QString cellText(const char *b, const char *e)
{
    return QString::fromUtf8(b, int(std::min<qsizetype>(e - b, 40)));
}

/** Header `ts_ms,SYM1,SYM2,…`; one close per symbol per row, an empty cell where a symbol has no bar. */
bool readWideCloses(const QString &path, WideCloses &out, QString &error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        error = QStringLiteral("cannot open %1: %2").arg(path, f.errorString());
        return false;
    }
    const QByteArray data = f.readAll();
    const char *p = data.constData(), *end = p + data.size();
    auto nextLine = [&](const char *&b, const char *&e) {
        if (p >= end)
            return false;
        b = p;
        const void *nl = std::memchr(p, '\n', std::size_t(end - p));
        e = nl ? static_cast<const char *>(nl) : end;
        p = nl ? e + 1 : end;
        if (e > b && e[-1] == '\r')
            --e;
        return true;
    };
    const char *b = nullptr, *e = nullptr;
    if (!nextLine(b, e)) {
        error = QStringLiteral("%1: empty file (expected header ts_ms,SYM1,SYM2,...)").arg(path);
        return false;
    }
    if (e - b >= 3 && quint8(b[0]) == 0xEF && quint8(b[1]) == 0xBB && quint8(b[2]) == 0xBF)
        b += 3; // UTF-8 BOM
    const QList<QByteArray> header = QByteArray(b, int(e - b)).split(',');
    if (header.value(0).trimmed() != "ts_ms") {
        error = QStringLiteral("%1:1: the first column must be ts_ms (expected header ts_ms,SYM1,SYM2,...)")
                    .arg(path);
        return false;
    }
    QSet<QString> seen;
    for (qsizetype i = 1; i < header.size(); ++i) {
        const QString name = QString::fromUtf8(header[i].trimmed());
        if (name.isEmpty()) {
            error = QStringLiteral("%1:1: column %2 has no symbol name").arg(path).arg(i + 1);
            return false;
        }
        // A symbol name is printable and unquoted (a file with bare CR line ends would otherwise be one
        // header line of names like "B\r1").
        if (std::any_of(name.begin(), name.end(),
                        [](QChar c) { return c.unicode() < 0x20 || c == QLatin1Char('"'); })) {
            error = QStringLiteral(
                        "%1:1: column %2: the symbol name holds a control character or a quote (lines must "
                        "end with LF or CRLF)")
                        .arg(path)
                        .arg(i + 1);
            return false;
        }
        if (seen.contains(name)) {
            error = QStringLiteral("%1:1: symbol %2 appears twice").arg(path, name);
            return false;
        }
        seen.insert(name);
        out.symbols << name;
    }
    if (out.symbols.size() < 2) {
        error = QStringLiteral("%1:1: need at least two symbol columns after ts_ms").arg(path);
        return false;
    }
    const int cols = int(header.size());
    out.columns.assign(std::size_t(cols - 1), {});
    for (auto &c : out.columns)
        c.reserve(std::size_t(data.size() / (qsizetype(cols) * 9) + 1));
    long long lineNo = 1;
    qint64 previousTs = std::numeric_limits<qint64>::min();
    while (nextLine(b, e)) {
        ++lineNo;
        if (b == e)
            continue; // blank line (e.g. trailing newline)
        const char *q = b;
        for (int c = 0; c < cols; ++c) {
            const void *comma = std::memchr(q, ',', std::size_t(e - q));
            const char *fe = comma ? static_cast<const char *>(comma) : e;
            if (!comma && c + 1 < cols) {
                error = QStringLiteral("%1:%2: %3 field(s), expected %4")
                            .arg(path)
                            .arg(lineNo)
                            .arg(c + 1)
                            .arg(cols);
                return false;
            }
            if (comma && c + 1 == cols) {
                error = QStringLiteral("%1:%2: more than %3 fields").arg(path).arg(lineNo).arg(cols);
                return false;
            }
            const char *vb = q, *ve = fe;
            while (vb < ve && (*vb == ' ' || *vb == '\t'))
                ++vb;
            while (ve > vb && (ve[-1] == ' ' || ve[-1] == '\t'))
                --ve;
            if (c == 0) {
                qint64 ts = 0;
                const auto res = std::from_chars(vb, ve, ts);
                if (res.ec != std::errc() || res.ptr != ve || vb == ve) {
                    error = QStringLiteral("%1:%2: ts_ms: not an integer: '%3'")
                                .arg(path)
                                .arg(lineNo)
                                .arg(cellText(vb, ve));
                    return false;
                }
                if (ts <= previousTs) {
                    error = QStringLiteral("%1:%2: ts_ms: %3 is not after the previous row's %4")
                                .arg(path)
                                .arg(lineNo)
                                .arg(ts)
                                .arg(previousTs);
                    return false;
                }
                previousTs = ts;
            } else {
                double v = kNaN;
                if (vb != ve) {
                    if (*vb == '+')
                        ++vb;
                    const auto res = std::from_chars(vb, ve, v);
                    if (res.ec != std::errc() || res.ptr != ve || !std::isfinite(v) || !(v > 0)) {
                        error = QStringLiteral("%1:%2: %3: not a positive close: '%4'")
                                    .arg(path)
                                    .arg(lineNo)
                                    .arg(out.symbols[c - 1], cellText(q, fe));
                        return false;
                    }
                }
                out.columns[std::size_t(c - 1)].push_back(v);
            }
            q = fe + 1;
        }
        ++out.rows;
    }
    return true;
}

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
