#include "models/universe.h"

#include "analytics/pair_scan.h"
#include "analytics/regression.h"
#include "analytics/rolling.h"
#include "analytics/series_stats.h"
#include "io/number_format.h"
#include "storage/bar_store.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <map>
#include <optional>

namespace pairlab {

/** The table a full scan ran on and its records, kept for the live steps after it. */
struct UniverseScanState
{
    std::vector<qint64> times;                ///< open time of each row, ascending
    std::vector<std::vector<double>> columns; ///< one close per symbol per row, NaN where it has none
    std::vector<qint64> newestMs;             ///< per symbol, the newest open time it has in the table
    std::vector<PairScanRecord> records;      ///< in the order of UniverseResult::rows
};

namespace {

ScanRow toRow(const PairScanRecord &r, const QString &y, const QString &x)
{
    ScanRow row;
    row.y = y;
    row.x = x;
    row.bars = r.n;
    row.alpha = r.alpha;
    row.beta = r.beta;
    row.z = r.zLast;
    row.corrReturns = r.corrReturns;
    row.cointP = r.egPValue;
    row.cointPReverse = r.egPValueReverse;
    row.halfLife = r.halfLife;
    row.hurst = r.hurst;
    row.crossingsPer1000 = r.crossingsPer1000;
    return row;
}

QString fmt(double v, int decimals)
{
    return std::isfinite(v) ? QLocale().toString(v, 'f', decimals) : QStringLiteral("—");
}

} // namespace

double ScanRow::bestCointP() const
{
    if (std::isnan(cointP))
        return cointPReverse;
    if (std::isnan(cointPReverse))
        return cointP;
    return std::min(cointP, cointPReverse);
}

bool ScanFilter::accepts(const ScanRow &r) const
{
    const double crossings = r.crossingsPer1000 * double(r.bars) / 1000.0;
    return r.bestCointP() <= maxCointP && r.hurst < maxHurst && r.halfLife >= minHalfLife &&
           r.halfLife <= maxHalfLifeFraction * double(r.bars) && std::round(crossings) >= minCrossings;
}

QString ScanFilter::describe() const
{
    const QLocale l;
    return QCoreApplication::translate("ScanFilter",
                                       "EG p ≤ %1 (better order), Hurst < %2, half-life %3 bar … %4 of the "
                                       "look-back, ≥ %5 mean crossings")
        .arg(l.toString(maxCointP), l.toString(maxHurst), l.toString(minHalfLife))
        .arg(maxHalfLifeFraction == 0.25 ? QStringLiteral("¼") : l.toString(maxHalfLifeFraction))
        .arg(minCrossings);
}

std::vector<int> clusteredOrder(const std::vector<double> &correlation, int n)
{
    if (n <= 0 || correlation.size() < std::size_t(n) * std::size_t(n))
        return {};
    // Average linkage: the distance of two clusters is the mean distance of their members.
    std::vector<std::vector<int>> members(static_cast<std::size_t>(n));
    std::vector<std::vector<double>> dist(std::size_t(n), std::vector<double>(std::size_t(n), 0.0));
    for (int i = 0; i < n; ++i) {
        members[std::size_t(i)] = {i};
        for (int j = 0; j < n; ++j) {
            const double c = correlation[std::size_t(i) * std::size_t(n) + std::size_t(j)];
            dist[std::size_t(i)][std::size_t(j)] = 1.0 - (std::isfinite(c) ? c : 0.0);
        }
    }
    std::vector<char> alive(std::size_t(n), 1);
    for (int merges = 0; merges < n - 1; ++merges) {
        int bi = -1, bj = -1;
        double best = std::numeric_limits<double>::infinity();
        for (int i = 0; i < n; ++i) {
            if (!alive[std::size_t(i)])
                continue;
            for (int j = i + 1; j < n; ++j)
                if (alive[std::size_t(j)] && dist[std::size_t(i)][std::size_t(j)] < best) {
                    best = dist[std::size_t(i)][std::size_t(j)];
                    bi = i;
                    bj = j;
                }
        }
        if (bi < 0)
            break;
        const double wi = double(members[std::size_t(bi)].size()),
                     wj = double(members[std::size_t(bj)].size());
        for (int k = 0; k < n; ++k) {
            if (!alive[std::size_t(k)] || k == bi || k == bj)
                continue;
            const double d =
                (wi * dist[std::size_t(bi)][std::size_t(k)] + wj * dist[std::size_t(bj)][std::size_t(k)]) /
                (wi + wj);
            dist[std::size_t(bi)][std::size_t(k)] = dist[std::size_t(k)][std::size_t(bi)] = d;
        }
        auto &into = members[std::size_t(bi)];
        into.insert(into.end(), members[std::size_t(bj)].begin(), members[std::size_t(bj)].end());
        members[std::size_t(bj)].clear();
        alive[std::size_t(bj)] = 0;
    }
    std::vector<int> order;
    for (int i = 0; i < n; ++i)
        if (alive[std::size_t(i)])
            order.insert(order.end(), members[std::size_t(i)].begin(), members[std::size_t(i)].end());
    return order;
}

UniverseResult loadUniverse(const QString &dbPath, const QStringList &symbols, int intervalSeconds,
                            const QString &source, int window, int maxBars, const std::atomic<bool> *cancel,
                            const std::function<void(qsizetype, qsizetype)> &progress)
{
    std::vector<CloseSeries> series;
    QString error;
    Database::withReader(
        dbPath,
        [&](QSqlDatabase &conn) {
            for (const QString &s : symbols) {
                CloseSeries cs;
                cs.symbol = s;
                for (const Bar &b :
                     BarStore::loadBarsSeconds(conn, s, intervalSeconds, source, maxBars + 1, &error)) {
                    cs.openTimeMs.push_back(b.openMs);
                    cs.close.push_back(b.close);
                }
                if (source == BarStore::LiveSource &&
                    !cs.close.empty()) { // the newest live bar may still be forming
                    cs.openTimeMs.pop_back();
                    cs.close.pop_back();
                }
                series.push_back(std::move(cs));
            }
        },
        &error);
    UniverseResult r = analyzeUniverse(series, window, maxBars, cancel, progress);
    r.symbols = symbols;
    r.intervalSeconds = intervalSeconds;
    r.source = source;
    if (r.correlation.size() != std::size_t(symbols.size() * symbols.size()))
        r.correlation.assign(std::size_t(symbols.size() * symbols.size()), kNaN);
    r.error = error;
    return r;
}

UniverseResult analyzeUniverse(const std::vector<CloseSeries> &series, int window, int maxBars,
                               const std::atomic<bool> *cancel,
                               const std::function<void(qsizetype, qsizetype)> &progress)
{
    UniverseResult out;
    out.window = window;
    out.maxBars = maxBars;
    for (const CloseSeries &s : series)
        out.symbols << s.symbol;
    const std::size_t n = series.size();
    out.correlation.assign(n * n, kNaN);
    if (n == 0)
        return out;
    // Bars common to every symbol.
    std::map<qint64, std::vector<double>> common;
    for (std::size_t k = 0; k < n; ++k) {
        for (std::size_t i = 0; i < series[k].openTimeMs.size(); ++i) {
            auto &row = common[series[k].openTimeMs[i]];
            if (row.size() == k) // present in every earlier series
                row.push_back(series[k].close[i]);
        }
    }
    std::vector<std::vector<double>> columns(n);
    std::vector<qint64> times;
    for (const auto &[t, row] : common)
        if (row.size() == n) {
            times.push_back(t);
            for (std::size_t k = 0; k < n; ++k)
                columns[k].push_back(row[k]);
        }
    if (maxBars > 0 && times.size() > std::size_t(maxBars)) {
        const auto drop = long(times.size() - std::size_t(maxBars));
        times.erase(times.begin(), times.begin() + drop);
        for (auto &c : columns)
            c.erase(c.begin(), c.begin() + drop);
    }
    if (!times.empty()) {
        out.firstMs = times.front();
        out.lastMs = times.back();
    }
    out.commonBars = columns.empty() ? 0 : int(columns[0].size());
    if (out.commonBars >= 3) {
        std::vector<std::span<const double>> spans;
        spans.reserve(columns.size());
        for (const auto &c : columns)
            spans.emplace_back(c);
        const CorrelationMatrix m = logReturnCorrelationMatrix(spans);
        if (m.ok())
            out.correlation = m.values;
    }
    out.clusterOrder = clusteredOrder(out.correlation, int(n));

    // The scan: each symbol's newest maxBars bars on the union of their times (NaN where a symbol has none).
    std::map<qint64, std::size_t> rowOf;
    for (const CloseSeries &cs : series) {
        const std::size_t first = maxBars > 0 && cs.openTimeMs.size() > std::size_t(maxBars)
                                      ? cs.openTimeMs.size() - std::size_t(maxBars)
                                      : 0;
        for (std::size_t i = first; i < cs.openTimeMs.size(); ++i)
            rowOf.emplace(cs.openTimeMs[i], 0);
    }
    auto state = std::make_shared<UniverseScanState>();
    state->times.reserve(rowOf.size());
    std::size_t next = 0;
    for (auto &[t, r] : rowOf) {
        r = next++;
        state->times.push_back(t);
    }
    std::vector<std::vector<double>> wide(n, std::vector<double>(rowOf.size(), kNaN));
    for (std::size_t k = 0; k < n; ++k) {
        const CloseSeries &cs = series[k];
        const std::size_t first = maxBars > 0 && cs.openTimeMs.size() > std::size_t(maxBars)
                                      ? cs.openTimeMs.size() - std::size_t(maxBars)
                                      : 0;
        for (std::size_t i = first; i < cs.openTimeMs.size(); ++i)
            wide[k][rowOf[cs.openTimeMs[i]]] = cs.close[i];
    }
    PairScanOptions options;
    options.window = window;
    options.cancel = cancel;
    options.progress = progress;
    std::vector<PairScanRecord> recs = scanPairs(wide, options);
    out.rows.reserve(recs.size());
    for (const PairScanRecord &r : recs)
        out.rows.push_back(toRow(r, series[std::size_t(r.y)].symbol, series[std::size_t(r.x)].symbol));
    if (recs.empty() && n >= 2)
        return out; // cancelled: nothing to build on
    state->newestMs.assign(n, 0);
    for (std::size_t k = 0; k < n; ++k)
        if (!series[k].openTimeMs.empty())
            state->newestMs[k] = series[k].openTimeMs.back();
    state->columns = std::move(wide);
    state->records = std::move(recs);
    out.scanLastMs = out.zLastMs = state->times.empty() ? 0 : state->times.back();
    out.scanRows = out.tableRows = int(state->times.size());
    out.scannedAtMs = QDateTime::currentMSecsSinceEpoch();
    out.scan = std::move(state);
    return out;
}

UniverseResult advanceUniverse(const UniverseResult &previous, const std::vector<CloseSeries> &newBars)
{
    if (!previous.scan || newBars.size() != previous.scan->columns.size())
        return previous;
    const UniverseScanState &old = *previous.scan;
    const std::size_t n = old.columns.size();
    // The open times not in the table yet (normally one row after its end; a symbol catching up on a bar
    // others had may fill a cell of an existing row, or rarely need a row in the middle).
    std::vector<qint64> extra;
    bool any = false;
    for (std::size_t k = 0; k < n; ++k)
        for (qint64 t : newBars[k].openTimeMs)
            if (t > old.newestMs[k]) {
                any = true;
                if (!std::binary_search(old.times.begin(), old.times.end(), t))
                    extra.push_back(t);
            }
    if (!any)
        return previous;
    std::sort(extra.begin(), extra.end());
    extra.erase(std::unique(extra.begin(), extra.end()), extra.end());

    auto state = std::make_shared<UniverseScanState>();
    state->records = old.records;
    state->newestMs = old.newestMs;
    state->times.reserve(old.times.size() + extra.size());
    std::merge(old.times.begin(), old.times.end(), extra.begin(), extra.end(),
               std::back_inserter(state->times));
    const bool appendOnly = extra.empty() || old.times.empty() || extra.front() > old.times.back();
    state->columns.resize(n);
    for (std::size_t k = 0; k < n; ++k) {
        auto &col = state->columns[k];
        if (appendOnly) {
            col.reserve(state->times.size());
            col = old.columns[k];
            col.resize(state->times.size(), kNaN);
        } else { // re-seat the old cells on the merged rows
            col.assign(state->times.size(), kNaN);
            std::size_t r = 0;
            for (std::size_t i = 0; i < old.times.size(); ++i) {
                while (state->times[r] != old.times[i])
                    ++r;
                col[r] = old.columns[k][i];
            }
        }
        const CloseSeries &cs = newBars[k];
        for (std::size_t i = 0; i < cs.openTimeMs.size() && i < cs.close.size(); ++i) {
            const qint64 t = cs.openTimeMs[i];
            if (t <= old.newestMs[k])
                continue;
            const auto at = std::lower_bound(state->times.begin(), state->times.end(), t);
            col[std::size_t(at - state->times.begin())] = cs.close[i];
            state->newestMs[k] = std::max(state->newestMs[k], t);
        }
    }
    refreshZLast(state->records, state->columns, previous.window);

    UniverseResult out = previous;
    for (std::size_t i = 0; i < out.rows.size() && i < state->records.size(); ++i)
        out.rows[i].z = state->records[i].zLast;
    out.zLastMs = state->times.empty() ? 0 : state->times.back();
    out.tableRows = int(state->times.size());
    ++out.liveSteps;
    out.scan = std::move(state);
    return out;
}

UniverseResult loadUniverseAdvance(const QString &dbPath, const UniverseResult &previous, int intervalSeconds,
                                   QString *error)
{
    if (!previous.scan)
        return previous;
    std::optional<Interval> interval;
    for (Interval i : AllIntervals)
        if (pairlab::intervalSeconds(i) == intervalSeconds)
            interval = i;
    if (!interval) {
        if (error)
            *error = QStringLiteral("no live bars of %1 s").arg(intervalSeconds);
        return previous;
    }
    std::vector<CloseSeries> fresh(std::size_t(previous.symbols.size()));
    QString failure;
    Database::withReader(
        dbPath,
        [&](QSqlDatabase &conn) {
            for (qsizetype k = 0; k < previous.symbols.size(); ++k) {
                CloseSeries &cs = fresh[std::size_t(k)];
                cs.symbol = previous.symbols[k];
                const qint64 after = previous.scan->newestMs[std::size_t(k)];
                for (const Bar &b :
                     BarStore::loadBars(conn, cs.symbol, *interval, BarStore::LiveSource, after + 1,
                                        std::numeric_limits<qint64>::max(), -1, &failure)) {
                    cs.openTimeMs.push_back(b.openMs);
                    cs.close.push_back(b.close);
                }
                if (!cs.close.empty()) { // the newest may still be forming
                    cs.openTimeMs.pop_back();
                    cs.close.pop_back();
                }
            }
        },
        &failure);
    if (!failure.isEmpty()) {
        if (error)
            *error = failure;
        return previous;
    }
    return advanceUniverse(previous, fresh);
}

CorrelationMatrixModel::CorrelationMatrixModel(QObject *parent) : QAbstractTableModel(parent) {}

int CorrelationMatrixModel::source(int section) const
{
    return m_clustered && std::size_t(section) < m_order.size() ? m_order[std::size_t(section)] : section;
}

void CorrelationMatrixModel::setClustered(bool clustered)
{
    if (clustered == m_clustered)
        return;
    beginResetModel();
    m_clustered = clustered;
    endResetModel();
}

void CorrelationMatrixModel::setResult(const UniverseResult &r)
{
    std::vector<int> order =
        r.clusterOrder.size() == std::size_t(r.symbols.size()) ? r.clusterOrder : std::vector<int>{};
    const bool sameOrder = !m_clustered || order == m_order;
    if (r.symbols == m_symbols && r.correlation.size() == m_values.size() && sameOrder) {
        m_values = r.correlation;
        m_order = std::move(order); // kept current while unclustered, for when clustering is switched on
        if (!m_symbols.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(int(m_symbols.size()) - 1, int(m_symbols.size()) - 1));
        return;
    }
    beginResetModel();
    m_symbols = r.symbols;
    m_values = r.correlation;
    m_order = std::move(order);
    endResetModel();
}

int CorrelationMatrixModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_symbols.size());
}

int CorrelationMatrixModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_symbols.size());
}

QVariant CorrelationMatrixModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = source(index.row()), column = source(index.column());
    const std::size_t k = std::size_t(row) * std::size_t(m_symbols.size()) + std::size_t(column);
    const double v = k < m_values.size() ? m_values[k] : kNaN;
    switch (role) {
    case Qt::DisplayRole:
        return fmt(v, 2);
    case ValueRole:
    case Qt::EditRole:
        return v;
    case Qt::ToolTipRole:
        return tr("%1 / %2: correlation of log returns %3")
            .arg(m_symbols.at(row), m_symbols.at(column), fmt(v, 4));
    case Qt::TextAlignmentRole:
        return QVariant(Qt::AlignCenter);
    }
    return {};
}

QVariant CorrelationMatrixModel::headerData(int section, Qt::Orientation, int role) const
{
    if (role != Qt::DisplayRole || section < 0 || section >= m_symbols.size())
        return {};
    return m_symbols.at(source(section));
}

QByteArray CorrelationMatrixModel::toCsv() const
{
    QByteArray out("symbol");
    for (const QString &s : m_symbols)
        out += ',' + s.toUtf8();
    out += '\n';
    for (qsizetype i = 0; i < m_symbols.size(); ++i) {
        out += m_symbols.at(i).toUtf8();
        for (qsizetype j = 0; j < m_symbols.size(); ++j) {
            out += ',';
            const double v = m_values[std::size_t(i * m_symbols.size() + j)];
            if (std::isfinite(v))
                appendDouble(out, v);
        }
        out += '\n';
    }
    return out;
}

PairScannerModel::PairScannerModel(QObject *parent) : QAbstractTableModel(parent) {}

void PairScannerModel::setFilter(const ScanFilter &filter)
{
    m_filter = filter;
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1), {CandidateRole});
}

int PairScannerModel::candidateCount() const
{
    return int(std::count_if(m_rows.begin(), m_rows.end(),
                             [this](const ScanRow &r) { return m_filter.accepts(r); }));
}

void PairScannerModel::setRows(std::vector<ScanRow> rows)
{
    // Same pairs in the same order (a refresh): values change in place, the view keeps its sort and
    // selection.
    bool samePairs = rows.size() == m_rows.size();
    for (std::size_t i = 0; samePairs && i < rows.size(); ++i)
        samePairs = rows[i].y == m_rows[i].y && rows[i].x == m_rows[i].x;
    if (samePairs) {
        m_rows = std::move(rows);
        if (!m_rows.empty())
            Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int PairScannerModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PairScannerModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PairScannerModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ScanRow &r = m_rows[std::size_t(index.row())];
    if (role == SymbolYRole)
        return r.y;
    if (role == SymbolXRole)
        return r.x;
    if (role == CandidateRole)
        return m_filter.accepts(r);
    if (role == Qt::TextAlignmentRole)
        return index.column() == Pair ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                      : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::EditRole) {
        switch (index.column()) {
        case Pair:
            return QStringLiteral("%1/%2").arg(r.y, r.x);
        case ZScore:
            return std::isfinite(r.z) ? std::fabs(r.z) : -1.0; // sort by distance from the mean
        case HedgeRatio:
            return r.beta;
        case CorrReturns:
            return r.corrReturns;
        case CointP:
            return std::isfinite(r.cointP) ? r.cointP : 2.0;
        case CointPReverse:
            return std::isfinite(r.cointPReverse) ? r.cointPReverse : 2.0;
        case HalfLife:
            return std::isfinite(r.halfLife) ? r.halfLife : 1e300;
        case Hurst:
            return std::isfinite(r.hurst) ? r.hurst : 2.0;
        case Crossings:
            return std::isfinite(r.crossingsPer1000) ? r.crossingsPer1000 : -1.0;
        case Bars:
            return r.bars;
        }
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Pair:
        return QStringLiteral("%1 ~ %2").arg(r.y, r.x);
    case ZScore:
        return fmt(r.z, 2);
    case HedgeRatio:
        return fmt(r.beta, 4);
    case CorrReturns:
        return fmt(r.corrReturns, 3);
    case CointP:
        return fmt(r.cointP, 4);
    case CointPReverse:
        return fmt(r.cointPReverse, 4);
    case HalfLife:
        return fmt(r.halfLife, 1);
    case Hurst:
        return fmt(r.hurst, 3);
    case Crossings:
        return fmt(r.crossingsPer1000, 1);
    case Bars:
        return QLocale().toString(r.bars);
    }
    return {};
}

QVariant PairScannerModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case ZScore:
            return tr("Last rolling z-score of the OLS spread; sorts by its absolute value");
        case CorrReturns:
            return tr("Correlation of the legs' log returns over the pair's bars");
        case CointP:
            return tr("Engle-Granger p-value of Y on X (MacKinnon, autolag AIC)");
        case CointPReverse:
            return tr("Engle-Granger p-value of X on Y: the test is not symmetric");
        case Hurst:
            return tr("Hurst exponent of the OLS spread (variance of lags 2-99): below 0.5 mean reverting");
        case Crossings:
            return tr("Times the spread crossed its mean, per 1,000 bars");
        }
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Pair:
        return tr("Pair (Y ~ X)");
    case ZScore:
        return tr("z");
    case HedgeRatio:
        return tr("β (OLS)");
    case CorrReturns:
        return tr("corr (returns)");
    case CointP:
        return tr("EG p (Y~X)");
    case CointPReverse:
        return tr("EG p (X~Y)");
    case HalfLife:
        return tr("half-life (bars)");
    case Hurst:
        return tr("Hurst");
    case Crossings:
        return tr("crossings / 1,000 bars");
    case Bars:
        return tr("bars");
    }
    return {};
}

} // namespace pairlab
