#include "models/universe.h"

#include "analytics/adf.h"
#include "analytics/regression.h"
#include "analytics/rolling.h"
#include "analytics/series_stats.h"
#include "io/number_format.h"
#include "storage/bar_store.h"
#include "storage/database.h"

#include <QLocale>

#include <algorithm>
#include <cmath>
#include <map>

namespace pairlab {

namespace {

// Keeps the newest maxBars of an aligned pair.
void keepNewest(AlignedPair &p, int maxBars)
{
    if (maxBars <= 0 || p.size() <= std::size_t(maxBars))
        return;
    const long drop = long(p.size() - std::size_t(maxBars));
    p.timeMs.erase(p.timeMs.begin(), p.timeMs.begin() + drop);
    p.x.erase(p.x.begin(), p.x.begin() + drop);
    p.y.erase(p.y.begin(), p.y.begin() + drop);
}

ScanRow scanPair(const CloseSeries &y, const CloseSeries &x, int window, int maxBars)
{
    ScanRow r;
    r.y = y.symbol;
    r.x = x.symbol;
    AlignedPair p = alignOnOpenTime(x, y);
    keepNewest(p, maxBars);
    r.bars = int(p.size());
    if (p.size() < std::size_t(std::max(window, 10)) + 1)
        return r;
    const OlsResult ols = olsFit(p.x, p.y);
    r.beta = ols.beta;
    if (!std::isfinite(ols.alpha) || !std::isfinite(ols.beta))
        return r;
    const std::vector<double> s = spreadSeries(p.x, p.y, ols.alpha, ols.beta);
    const std::vector<double> z = rollingZScore(s, window);
    if (!z.empty())
        r.z = z.back();
    const std::vector<double> c = rollingLogReturnCorrelation(p.x, p.y, window);
    if (!c.empty())
        r.corrReturns = c.back();
    const CointResult eg = engleGranger(p.y, p.x);
    r.cointP = eg.pvalue;
    const HalfLife hl = halfLife(s);
    r.halfLife = hl.ok() ? hl.halfLife : kNaN;
    return r;
}

QString fmt(double v, int decimals)
{
    return std::isfinite(v) ? QLocale().toString(v, 'f', decimals) : QStringLiteral("—");
}

} // namespace

UniverseResult loadUniverse(const QString &dbPath, const QStringList &symbols, int intervalSeconds,
                            const QString &source, int window, int maxBars, const std::atomic<bool> *cancel)
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
    UniverseResult r = analyzeUniverse(series, window, maxBars, cancel);
    r.symbols = symbols;
    if (r.correlation.size() != std::size_t(symbols.size() * symbols.size()))
        r.correlation.assign(std::size_t(symbols.size() * symbols.size()), kNaN);
    r.error = error;
    return r;
}

UniverseResult analyzeUniverse(const std::vector<CloseSeries> &series, int window, int maxBars,
                               const std::atomic<bool> *cancel)
{
    UniverseResult out;
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
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = i + 1; j < n; ++j) {
            if (cancel && cancel->load())
                return out;
            out.rows.push_back(scanPair(series[i], series[j], window, maxBars));
        }
    }
    return out;
}

CorrelationMatrixModel::CorrelationMatrixModel(QObject *parent) : QAbstractTableModel(parent) {}

void CorrelationMatrixModel::setResult(const UniverseResult &r)
{
    if (r.symbols == m_symbols && r.correlation.size() == m_values.size()) {
        m_values = r.correlation;
        if (!m_symbols.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(int(m_symbols.size()) - 1, int(m_symbols.size()) - 1));
        return;
    }
    beginResetModel();
    m_symbols = r.symbols;
    m_values = r.correlation;
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
    const std::size_t k =
        std::size_t(index.row()) * std::size_t(m_symbols.size()) + std::size_t(index.column());
    const double v = k < m_values.size() ? m_values[k] : kNaN;
    switch (role) {
    case Qt::DisplayRole:
        return fmt(v, 2);
    case ValueRole:
    case Qt::EditRole:
        return v;
    case Qt::ToolTipRole:
        return tr("%1 / %2: correlation of log returns %3")
            .arg(m_symbols.at(index.row()), m_symbols.at(index.column()), fmt(v, 4));
    case Qt::TextAlignmentRole:
        return QVariant(Qt::AlignCenter);
    }
    return {};
}

QVariant CorrelationMatrixModel::headerData(int section, Qt::Orientation, int role) const
{
    if (role != Qt::DisplayRole || section < 0 || section >= m_symbols.size())
        return {};
    return m_symbols.at(section);
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
        case HalfLife:
            return std::isfinite(r.halfLife) ? r.halfLife : 1e300;
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
    case HalfLife:
        return fmt(r.halfLife, 1);
    case Bars:
        return QLocale().toString(r.bars);
    }
    return {};
}

QVariant PairScannerModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole && section == ZScore)
        return tr("Last rolling z-score of the OLS spread; sorts by its absolute value");
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
        return tr("corr (returns, last window)");
    case CointP:
        return tr("EG p-value");
    case HalfLife:
        return tr("half-life (bars)");
    case Bars:
        return tr("bars");
    }
    return {};
}

} // namespace pairlab
