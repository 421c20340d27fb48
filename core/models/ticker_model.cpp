#include "models/ticker_model.h"

#include <QDateTime>
#include <QLocale>
#include <QTimer>

#include <algorithm>

namespace pairlab {

namespace {
constexpr qint64 RateWindowSeconds = 10;
}

TickerModel::TickerModel(QObject *parent) : QAbstractTableModel(parent), m_notify(new QTimer(this))
{
    m_notify->setSingleShot(true);
    m_notify->setInterval(100); // 10 Hz
    connect(m_notify, &QTimer::timeout, this, &TickerModel::notifyChanged);
    m_now = [] { return QDateTime::currentMSecsSinceEpoch(); };
}

void TickerModel::setClock(std::function<qint64()> nowMs)
{
    m_now = std::move(nowMs);
}

void TickerModel::setMarkPrices(const std::vector<MarkPrice> &marks)
{
    for (const MarkPrice &m : marks) {
        const auto it = m_rowIndex.constFind(m.symbol);
        if (it == m_rowIndex.cend())
            continue; // not a watchlist symbol
        Row &r = m_rows[std::size_t(*it)];
        r.fundingRate = m.fundingRate;
        r.mark = m.mark;
        r.nextFundingMs = m.nextFundingMs;
        Q_EMIT dataChanged(index(*it, Funding), index(*it, NextFunding));
    }
    if (!m_countdown && !marks.empty()) {
        // The countdown moves every second whether or not a new mark price came.
        m_countdown = new QTimer(this);
        m_countdown->setInterval(1000);
        connect(m_countdown, &QTimer::timeout, this, [this] {
            if (!m_rows.empty())
                Q_EMIT dataChanged(index(0, NextFunding), index(int(m_rows.size()) - 1, NextFunding));
        });
        m_countdown->start();
    }
}

void TickerModel::setNotifyInterval(int ms)
{
    m_notify->setInterval(ms);
}

int TickerModel::notifyInterval() const
{
    return m_notify->interval();
}

void TickerModel::notifyChanged()
{
    m_notify->stop();
    const int n = int(m_dirty.size());
    for (int i = 0; i < n;) {
        if (!m_dirty[std::size_t(i)]) {
            ++i;
            continue;
        }
        int j = i;
        while (j + 1 < n && m_dirty[std::size_t(j) + 1])
            ++j;
        Q_EMIT dataChanged(index(i, 0), index(j, ColumnCount - 1));
        i = j + 1;
    }
    std::fill(m_dirty.begin(), m_dirty.end(), 0);
}

double TickerModel::Row::tradesPerSecond() const
{
    if (perSecond.empty())
        return 0.0;
    qint64 n = 0;
    for (const auto &[sec, count] : perSecond)
        n += count;
    const qint64 span =
        std::min<qint64>(RateWindowSeconds, perSecond.back().first - perSecond.front().first + 1);
    return double(n) / double(std::max<qint64>(1, span));
}

void TickerModel::setSymbols(const QStringList &symbols)
{
    beginResetModel();
    m_rows.clear();
    m_rowIndex.clear();
    for (const QString &s : symbols) {
        Row r;
        r.symbol = SymbolCode::fromString(s);
        if (!r.symbol.isEmpty() && !m_rowIndex.contains(r.symbol)) {
            m_rowIndex.insert(r.symbol, int(m_rows.size()));
            m_rows.push_back(std::move(r));
        }
    }
    m_dirty.assign(m_rows.size(), 0);
    m_notify->stop();
    endResetModel();
}

QStringList TickerModel::symbols() const
{
    QStringList out;
    for (const Row &r : m_rows)
        out << r.symbol.toString();
    return out;
}

int TickerModel::rowOf(const SymbolCode &s)
{
    if (const auto it = m_rowIndex.constFind(s); it != m_rowIndex.cend())
        return *it;
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    Row r;
    r.symbol = s;
    m_rows.push_back(std::move(r));
    m_rowIndex.insert(s, row);
    m_dirty.push_back(0);
    endInsertRows();
    return row;
}

void TickerModel::addTicks(const std::vector<Tick> &ticks)
{
    if (ticks.empty())
        return;
    for (const Tick &t : ticks) {
        const int i = rowOf(t.symbol);
        Row &r = m_rows[std::size_t(i)];
        if (r.trades == 0)
            r.first = t.price;
        if (t.tsMs >= r.lastTs) {
            if (r.last != t.price)
                r.previous = r.last;
            r.last = t.price;
            r.lastTs = t.tsMs;
        }
        r.volume += t.qty;
        ++r.trades;
        const qint64 sec = t.tsMs / 1000;
        if (!r.perSecond.empty() && r.perSecond.back().first == sec)
            ++r.perSecond.back().second;
        else if (r.perSecond.empty() || r.perSecond.back().first < sec)
            r.perSecond.emplace_back(sec, 1);
        while (!r.perSecond.empty() &&
               r.perSecond.front().first <= r.perSecond.back().first - RateWindowSeconds)
            r.perSecond.pop_front();
        m_dirty[std::size_t(i)] = 1;
    }
    if (!m_notify->isActive())
        m_notify->start();
}

int TickerModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TickerModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TickerModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows[std::size_t(index.row())];
    const bool any = r.trades > 0;
    if (role == SymbolRole)
        return r.symbol.toString();
    if (role == DirectionRole)
        return !any || r.previous == 0 ? 0 : (r.last > r.previous ? 1 : (r.last < r.previous ? -1 : 0));
    if (role == Qt::TextAlignmentRole)
        return index.column() == Symbol ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                        : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::EditRole && role != Qt::ToolTipRole)
        return {};
    const double change = any && r.first > 0 ? (r.last / r.first - 1.0) * 100.0 : 0.0;
    if (role == Qt::EditRole) { // raw numbers, for sorting and tests
        switch (index.column()) {
        case Symbol:
            return r.symbol.toString();
        case Last:
            return r.last;
        case Change:
            return change;
        case Volume:
            return r.volume;
        case TradesPerSecond:
            return r.tradesPerSecond();
        case Funding:
            return r.nextFundingMs > 0 ? QVariant(r.fundingRate) : QVariant();
        case NextFunding:
            return r.nextFundingMs > 0 ? QVariant(r.nextFundingMs) : QVariant();
        }
        return {};
    }
    if (index.column() == Funding || index.column() == NextFunding) {
        if (r.nextFundingMs <= 0)
            return role == Qt::ToolTipRole ? tr("No mark price yet (streamed from Binance only)") : QString();
        if (index.column() == Funding)
            return role == Qt::ToolTipRole
                       ? tr("Funding rate %1 % per period, mark price %2: a long position pays it when "
                            "positive")
                             .arg(QLocale().toString(r.fundingRate * 100.0, 'f', 4),
                                  QLocale().toString(r.mark, 'f', r.mark < 10 ? 5 : 2))
                       : QStringLiteral("%1 %").arg(QLocale().toString(r.fundingRate * 100.0, 'f', 4));
        const qint64 left = std::max<qint64>(0, r.nextFundingMs - m_now()) / 1000;
        const QString at =
            QDateTime::fromMSecsSinceEpoch(r.nextFundingMs, Qt::UTC).toString(QStringLiteral("HH:mm"));
        if (role == Qt::ToolTipRole)
            return tr("Next funding at %1 UTC").arg(at);
        return QStringLiteral("%1:%2:%3")
            .arg(left / 3600, 2, 10, QLatin1Char('0'))
            .arg(left / 60 % 60, 2, 10, QLatin1Char('0'))
            .arg(left % 60, 2, 10, QLatin1Char('0'));
    }
    switch (index.column()) {
    case Symbol:
        return r.symbol.toString();
    case Last:
        return any ? QLocale().toString(r.last, 'f', r.last < 10 ? 5 : 2) : QStringLiteral("—");
    case Change:
        return any ? QStringLiteral("%1%2 %")
                         .arg(change >= 0 ? QStringLiteral("+") : QString())
                         .arg(change, 0, 'f', 3)
                   : QString();
    case Volume:
        return any ? QLocale().toString(r.volume, 'f', 3) : QString();
    case TradesPerSecond:
        return any ? QLocale().toString(r.tradesPerSecond(), 'f', 1) : QString();
    }
    return {};
}

QVariant TickerModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Change:
            return tr("Change since the first trade of this session");
        case Volume:
            return tr("Traded quantity in this session");
        case TradesPerSecond:
            return tr("Trades per second over the last 10 s of market time");
        case Funding:
            return tr("Current funding rate per funding period (markPrice stream)");
        case NextFunding:
            return tr("Time left to the next funding");
        }
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Symbol:
        return tr("Symbol");
    case Last:
        return tr("Last");
    case Change:
        return tr("Change");
    case Volume:
        return tr("Volume");
    case TradesPerSecond:
        return tr("Trades/s");
    case Funding:
        return tr("Funding");
    case NextFunding:
        return tr("Next funding");
    }
    return {};
}

} // namespace pairlab
