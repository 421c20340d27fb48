#include "cli/wide_closes.h"

#include "cli/csv_lines.h"

#include <QByteArray>
#include <QFile>
#include <QSet>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>

namespace pairlab::cli {

namespace {

QString cellText(const char *b, const char *e)
{
    return QString::fromUtf8(b, int(std::min<qsizetype>(e - b, 40)));
}

} // namespace

/** Header `ts_ms,SYM1,SYM2,…`; one close per symbol per row, an empty cell where a symbol has no bar. */
bool readWideCloses(const QString &path, WideCloses &out, QString &error)
{
    CsvLines lines;
    if (!lines.open(path, error))
        return false;
    const char *b = nullptr, *e = nullptr;
    if (!lines.next(b, e)) {
        error = QStringLiteral("%1: empty file (expected header ts_ms,SYM1,SYM2,...)").arg(path);
        return false;
    }
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
        c.reserve(std::size_t(lines.size() / (qsizetype(cols) * 9) + 1));
    long long lineNo = 1;
    qint64 previousTs = std::numeric_limits<qint64>::min();
    while (lines.next(b, e)) {
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
                out.timeMs.push_back(ts);
            } else {
                double v = std::numeric_limits<double>::quiet_NaN();
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
        out.lines.push_back(lineNo);
        ++out.rows;
    }
    return true;
}

} // namespace pairlab::cli
