#include "analytics/johansen.h"
#include "cli/commands.h"
#include "cli/wide_closes.h"
#include "io/json_writer.h"

#include <QTextStream>

#include <cmath>

// `pairlab-cli johansen FILE.csv [--det-order 0] [--k-ar-diff 1]` (stable interface, CONVENTIONS §16).
namespace pairlab::cli {

namespace {

QByteArray list(const std::vector<double> &v)
{
    QByteArray o = "[";
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (i)
            o += ',';
        appendNumber(o, v[i]);
    }
    return o + ']';
}

template <typename Rows> QByteArray matrix(const Rows &rows)
{
    QByteArray o = "[";
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (i)
            o += ',';
        o += list(std::vector<double>(rows[i].begin(), rows[i].end()));
    }
    return o + ']';
}

} // namespace

int johansen(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QString file, problem;
    int detOrder = 0, kArDiff = 1;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        auto value = [&]() -> QString {
            if (i + 1 >= args.size()) {
                problem = QStringLiteral("%1 needs a value").arg(a);
                return {};
            }
            return args[++i];
        };
        bool ok = false;
        if (a == QLatin1String("--det-order")) {
            detOrder = value().toInt(&ok);
            if (problem.isEmpty() && (!ok || detOrder < -1 || detOrder > 1))
                problem = QStringLiteral("--det-order must be -1 (none), 0 (constant) or 1 (linear trend)");
        } else if (a == QLatin1String("--k-ar-diff")) {
            kArDiff = value().toInt(&ok);
            if (problem.isEmpty() && (!ok || kArDiff < 0 || kArDiff > 1000))
                problem = QStringLiteral("--k-ar-diff must be an integer from 0 to 1000");
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
        err << "johansen: " << problem << "\n"
            << "usage: pairlab-cli johansen FILE.csv [--det-order 0] [--k-ar-diff 1]\n";
        err.flush();
        return 2;
    }
    WideCloses in;
    QString error;
    if (!readWideCloses(file, in, error)) {
        err << "johansen: " << error << "\n";
        err.flush();
        return 1;
    }
    // Every column in every row: a basket is tested on the times all its legs share.
    for (std::size_t c = 0; c < in.columns.size(); ++c)
        for (std::size_t row = 0; row < in.columns[c].size(); ++row)
            if (std::isnan(in.columns[c][row])) {
                err << QStringLiteral(
                           "johansen: %1:%2: %3: empty (every column needs a value in every row)\n")
                           .arg(file)
                           .arg(in.lines[row])
                           .arg(in.symbols[qsizetype(c)]);
                err.flush();
                return 1;
            }
    if (in.symbols.size() > 12)
        err << QStringLiteral("johansen: %1 series: critical values exist for 12 at most (null beyond)\n")
                   .arg(in.symbols.size());
    const JohansenResult r = pairlab::johansen(in.columns, detOrder, kArDiff);
    if (!r.ok()) {
        err << "johansen: " << file << ": " << r.error << "\n";
        err.flush();
        return 1;
    }
    JsonObject o;
    o.integer("k", r.k)
        .integer("n", r.n)
        .integer("det_order", r.detOrder)
        .integer("k_ar_diff", r.kArDiff)
        .object("eig", list(r.eig))
        .object("trace", list(r.trace))
        .object("max_eig", list(r.maxEig))
        .object("trace_crit", matrix(r.traceCrit))
        .object("max_eig_crit", matrix(r.maxEigCrit))
        .object("evec", matrix(r.evec));
    QByteArray symbols = "[";
    for (qsizetype i = 0; i < in.symbols.size(); ++i) {
        symbols += i ? ",\"" : "\"";
        symbols += in.symbols[i].toUtf8();
        symbols += '"';
    }
    o.object("symbols", symbols + ']').integer("nobs", r.nobs);
    out << QString::fromUtf8(o.done()) << "\n";
    out.flush();
    return 0;
}

} // namespace pairlab::cli
