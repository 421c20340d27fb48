#include "io/scan_json.h"

#include "io/json_writer.h"

#include <array>

namespace pairlab {

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

} // namespace

QByteArray scanToJson(const QStringList &symbols, qint64 rows, const std::vector<PairScanRecord> &recs,
                      int window)
{
    QByteArray o;
    o.reserve(qsizetype(recs.size()) * 360 + 64);
    o += "{\"n_symbols\":";
    appendInt(o, symbols.size());
    o += ",\"n_pairs\":";
    appendInt(o, qint64(recs.size()));
    o += ",\"n_rows\":";
    appendInt(o, rows);
    o += ",\"window\":";
    appendInt(o, window);
    o += ",\"pairs\":[";
    bool first = true;
    for (const PairScanRecord &r : recs) {
        o += first ? "\n{" : ",\n{";
        first = false;
        o += "\"y\":";
        appendJsonString(o, symbols[r.y]);
        o += ",\"x\":";
        appendJsonString(o, symbols[r.x]);
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

QByteArray scanToCsv(const QStringList &symbols, const std::vector<PairScanRecord> &recs)
{
    QByteArray o;
    o.reserve(qsizetype(recs.size()) * 240 + 256);
    for (std::size_t i = 0; i < std::size(kFields); ++i) {
        o += i ? "," : "";
        o += kFields[i];
    }
    o += '\n';
    for (const PairScanRecord &r : recs) {
        o += symbols[r.y].toUtf8();
        o += ',';
        o += symbols[r.x].toUtf8();
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

} // namespace pairlab
