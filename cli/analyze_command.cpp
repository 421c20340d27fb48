#include "cli/analyze_command.h"

#include "cli/csv_lines.h"

#include "analytics/rolling.h"
#include "cli/commands.h"
#include "io/json_writer.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <map>

namespace pairlab::cli {

namespace {

bool parseDouble(const char *b, const char *e, double &v)
{
    while (b < e && (*b == ' ' || *b == '\t'))
        ++b;
    while (e > b && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
        --e;
    if (b < e && *b == '+')
        ++b;
    const auto res = std::from_chars(b, e, v);
    return res.ec == std::errc() && res.ptr == e;
}

bool parseInt(const char *b, const char *e, qint64 &v)
{
    while (e > b && (e[-1] == ' ' || e[-1] == '\r'))
        --e;
    const auto res = std::from_chars(b, e, v);
    if (res.ec == std::errc() && res.ptr == e)
        return true;
    double d = 0; // tolerate "1723161256000.0"
    if (!parseDouble(b, e, d) || d != std::floor(d))
        return false;
    v = qint64(d);
    return true;
}

} // namespace

bool readPairCsv(const QString &path, AlignedPair &out, QString &error)
{
    CsvLines lines;
    if (!lines.open(path, error))
        return false;
    const char *b = nullptr, *e = nullptr;
    if (!lines.next(b, e)) {
        error = QStringLiteral("%1: empty file (expected header ts_ms,x,y)").arg(path);
        return false;
    }
    const QList<QByteArray> header = QByteArray(b, int(e - b)).split(',');
    int cTs = -1, cX = -1, cY = -1;
    for (int i = 0; i < header.size(); ++i) {
        const QByteArray h = header[i].trimmed();
        if (h == "ts_ms")
            cTs = i;
        else if (h == "x")
            cX = i;
        else if (h == "y")
            cY = i;
    }
    QStringList missing;
    if (cTs < 0)
        missing << QStringLiteral("ts_ms");
    if (cX < 0)
        missing << QStringLiteral("x");
    if (cY < 0)
        missing << QStringLiteral("y");
    if (!missing.isEmpty()) {
        error = QStringLiteral("line 1: missing column(s) %1 (expected header ts_ms,x,y)")
                    .arg(missing.join(QLatin1Char(',')));
        return false;
    }
    const int cols = int(header.size());
    out = {};
    out.x.reserve(std::size_t(lines.size() / 28));
    out.y.reserve(std::size_t(lines.size() / 28));
    out.timeMs.reserve(std::size_t(lines.size() / 28));
    long long lineNo = 1;
    const char *fieldB[64] = {}, *fieldE[64] = {};
    while (lines.next(b, e)) {
        ++lineNo;
        if (b == e)
            continue; // blank line (e.g. trailing newline)
        int nf = 0;
        const char *q = b;
        while (nf < 64) {
            const void *comma = std::memchr(q, ',', std::size_t(e - q));
            const char *fe = comma ? static_cast<const char *>(comma) : e;
            fieldB[nf] = q;
            fieldE[nf] = fe;
            ++nf;
            if (!comma)
                break;
            q = fe + 1;
        }
        if (nf < cols) {
            error = QStringLiteral("line %1: %2 field(s), expected %3").arg(lineNo).arg(nf).arg(cols);
            return false;
        }
        qint64 ts = 0;
        double x = 0, y = 0;
        if (!parseInt(fieldB[cTs], fieldE[cTs], ts)) {
            error = QStringLiteral("line %1: ts_ms is not an integer: '%2'")
                        .arg(lineNo)
                        .arg(QString::fromUtf8(fieldB[cTs], int(fieldE[cTs] - fieldB[cTs])));
            return false;
        }
        if (!parseDouble(fieldB[cX], fieldE[cX], x) || !std::isfinite(x)) {
            error = QStringLiteral("line %1: x is not a finite number: '%2'")
                        .arg(lineNo)
                        .arg(QString::fromUtf8(fieldB[cX], int(fieldE[cX] - fieldB[cX])));
            return false;
        }
        if (!parseDouble(fieldB[cY], fieldE[cY], y) || !std::isfinite(y)) {
            error = QStringLiteral("line %1: y is not a finite number: '%2'")
                        .arg(lineNo)
                        .arg(QString::fromUtf8(fieldB[cY], int(fieldE[cY] - fieldB[cY])));
            return false;
        }
        out.timeMs.push_back(ts);
        out.x.push_back(x);
        out.y.push_back(y);
    }
    return true;
}

bool writeSeriesCsv(const QString &path, const PairAnalysis &a, QString &error)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        error = QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    QByteArray o;
    o.reserve(int(a.spread.size()) * 160 + 128);
    o += "ts_ms,spread,zscore,corr_price,corr_logret,kalman_alpha,kalman_beta,position,pnl,equity\n";
    auto cell = [&o](double v) {
        o += ',';
        if (std::isfinite(v))
            appendNumber(o, v);
    };
    for (std::size_t t = 0; t < a.spread.size(); ++t) {
        appendInt(o, a.timeMs[t]);
        cell(a.spread[t]);
        cell(a.zscore[t]);
        cell(a.corrPrice[t]);
        cell(a.corrLogReturn[t]);
        cell(a.kalmanAlpha[t]);
        cell(a.kalmanBeta[t]);
        o += ',';
        appendInt(o, a.backtest.position[t]);
        cell(a.backtest.pnlNet[t]);
        cell(a.backtest.equityNet[t]);
        o += '\n';
    }
    if (f.write(o) != o.size()) {
        error = QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

namespace {

struct ParsedArgs
{
    QString file, seriesPath;
    PairAnalysisOptions options;
    QString error;
};

ParsedArgs parseAnalyzeArgs(const QStringList &args)
{
    ParsedArgs p;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        auto value = [&](double &target) {
            if (i + 1 >= args.size()) {
                p.error = QStringLiteral("%1 needs a value").arg(a);
                return;
            }
            bool ok = false;
            const double v = args[++i].toDouble(&ok);
            if (!ok || !std::isfinite(v))
                p.error = QStringLiteral("%1: not a number: '%2'").arg(a, args[i]);
            target = v;
        };
        if (a == QLatin1String("--window")) {
            double w = 0;
            value(w);
            if (p.error.isEmpty() && (w < 2 || w != std::floor(w) || w > 1e7))
                p.error = QStringLiteral("--window must be an integer >= 2");
            p.options.window = int(w);
        } else if (a == QLatin1String("--entry")) {
            value(p.options.backtest.entry);
        } else if (a == QLatin1String("--exit")) {
            value(p.options.backtest.exit);
        } else if (a == QLatin1String("--cost")) {
            value(p.options.backtest.cost);
        } else if (a == QLatin1String("--bars-per-year")) {
            value(p.options.backtest.barsPerYear);
            if (p.error.isEmpty() && !(p.options.backtest.barsPerYear > 0))
                p.error = QStringLiteral("--bars-per-year must be positive");
        } else if (a == QLatin1String("--series")) {
            if (i + 1 >= args.size())
                p.error = QStringLiteral("--series needs a file name");
            else
                p.seriesPath = args[++i];
        } else if (a.startsWith(QLatin1String("--"))) {
            p.error = QStringLiteral("unknown option %1").arg(a);
        } else if (p.file.isEmpty()) {
            p.file = a;
        } else {
            p.error = QStringLiteral("unexpected argument %1").arg(a);
        }
        if (!p.error.isEmpty())
            return p;
    }
    if (p.file.isEmpty())
        p.error = QStringLiteral("missing FILE.csv");
    return p;
}

} // namespace

int analyze(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const ParsedArgs p = parseAnalyzeArgs(args);
    if (!p.error.isEmpty()) {
        err << "analyze: " << p.error << "\n"
            << "usage: pairlab-cli analyze FILE.csv [--window 120] [--entry 2] [--exit 0.5] [--cost 2] "
               "[--bars-per-year 31536000] [--series OUT.csv]\n";
        err.flush();
        return 2;
    }
    QElapsedTimer readTimer;
    readTimer.start();
    AlignedPair pair;
    QString error;
    if (!readPairCsv(p.file, pair, error)) {
        err << "analyze: " << error << "\n";
        err.flush();
        return 1;
    }
    const double readMs = double(readTimer.nsecsElapsed()) / 1e6;
    PairAnalysisOptions options = p.options;
    options.series = !p.seriesPath.isEmpty();
    PairAnalysis a = analyzePair(pair, options);
    if (!a.ok()) {
        err << "analyze: " << p.file << ": " << a.error << "\n";
        err.flush();
        return 1;
    }
    a.timingsMs.insert(a.timingsMs.begin(), {QStringLiteral("read_csv"), readMs});
    if (!a.coint.warning.isEmpty())
        err << "analyze: warning: " << a.coint.warning << "\n";
    if (options.series) {
        QElapsedTimer w;
        w.start();
        if (!writeSeriesCsv(p.seriesPath, a, error)) {
            err << "analyze: " << error << "\n";
            err.flush();
            return 1;
        }
        a.timingsMs.emplace_back(QStringLiteral("write_series"), double(w.nsecsElapsed()) / 1e6);
    }
    double total = 0;
    for (const auto &t : a.timingsMs)
        total += t.second;
    a.timingsMs.emplace_back(QStringLiteral("total"), total);
    out << QString::fromLatin1(analysisToJson(a)) << "\n";
    out.flush();
    err.flush();
    return 0;
}

} // namespace pairlab::cli
