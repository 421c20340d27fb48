#include "io/csv_layout.h"

#include "io/csv_text.h"
#include "market/tick.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <unordered_map>

namespace pairlab::csv::detail {

using csv::DateOrder;
using csv::Record;
using csv::RecordReader;

// ---------------------------------------------------------------------------------------------------
// Names

struct RoleName
{
    ColumnRole role;
    const char *name;
};
constexpr RoleName RoleNames[] = {
    {ColumnRole::Ignore, "ignore"},
    {ColumnRole::Time, "time"},
    {ColumnRole::Date, "date"},
    {ColumnRole::TimeOfDay, "time-of-day"},
    {ColumnRole::Open, "open"},
    {ColumnRole::High, "high"},
    {ColumnRole::Low, "low"},
    {ColumnRole::Close, "close"},
    {ColumnRole::AdjClose, "adj-close"},
    {ColumnRole::Volume, "volume"},
    {ColumnRole::Symbol, "symbol"},
    {ColumnRole::Price, "price"},
    {ColumnRole::Qty, "qty"},
    {ColumnRole::TradeId, "trade-id"},
    {ColumnRole::IsBuyerMaker, "is-buyer-maker"},
    {ColumnRole::Side, "side"},
};

/** Header text reduced to lower-case letters and digits ("Adj. Close" -> "adjclose"). */
QString normalizedName(const QString &name)
{
    QString out;
    out.reserve(name.size());
    for (QChar c : name) {
        if (c.isLetterOrNumber())
            out.append(c.toLower());
    }
    return out;
}

std::optional<ColumnRole> roleFromAlias(const QString &norm)
{
    static const QHash<QString, ColumnRole> aliases = [] {
        QHash<QString, ColumnRole> h;
        auto add = [&h](ColumnRole r, std::initializer_list<const char *> names) {
            for (const char *n : names)
                h.insert(QString::fromLatin1(n), r);
        };
        add(ColumnRole::Time,
            {"timestamp", "time",       "datetime",    "datetimeutc", "opentime",  "dates",
             "start",     "startunixs", "unix",        "unixtime",    "ts",        "transacttime",
             "tradetime", "timeutc",    "gmttime",     "localtime",   "epoch",     "opentimestamp",
             "openms",    "timems",     "tsms",        "timestampms", "starttime", "begin",
             "period",    "opentimems", "starttimems", "datetimems"});
        add(ColumnRole::Date, {"date", "day", "tradedate"});
        add(ColumnRole::Open, {"open", "o", "openprice", "first"});
        add(ColumnRole::High, {"high", "h", "highprice", "max"});
        add(ColumnRole::Low, {"low", "l", "lowprice", "min"});
        add(ColumnRole::Close, {"close", "c", "closeprice", "last", "lastprice", "settle", "value"});
        add(ColumnRole::AdjClose, {"adjclose", "adjustedclose", "adjustedcloseprice"});
        add(ColumnRole::Volume, {"volume", "vol", "v", "tickvol", "tickvolume", "basevolume", "volumebase"});
        add(ColumnRole::Symbol, {"symbol", "ticker", "pair", "instrument", "market", "sym", "code"});
        add(ColumnRole::Price, {"price", "p", "rate", "tradeprice"});
        add(ColumnRole::Qty, {"qty", "quantity", "amount", "size", "q", "baseqty", "volumeqty"});
        add(ColumnRole::TradeId, {"id", "tradeid", "aggtradeid", "tid", "a", "t"});
        add(ColumnRole::IsBuyerMaker, {"isbuyermaker", "buyermaker", "m", "maker"});
        add(ColumnRole::Side, {"side", "type", "takerside", "direction"});
        // Known columns that are not stored.
        add(ColumnRole::Ignore, {"closetime",
                                 "quotevolume",
                                 "quoteassetvolume",
                                 "count",
                                 "trades",
                                 "numberoftrades",
                                 "takerbuyvolume",
                                 "takerbuybasevolume",
                                 "takerbuyquotevolume",
                                 "takerbuybaseassetvolume",
                                 "takerbuyquoteassetvolume",
                                 "ignore",
                                 "quoteqty",
                                 "firsttradeid",
                                 "lasttradeid",
                                 "isbestmatch",
                                 "bestmatch",
                                 "exchange",
                                 "localtimestamp",
                                 "change",
                                 "changepercent",
                                 "dividends",
                                 "dividendamount",
                                 "stocksplits",
                                 "splitcoefficient",
                                 "splitratio",
                                 "exdividend",
                                 "capitalgains",
                                 "adjopen",
                                 "adjhigh",
                                 "adjlow",
                                 "adjvolume",
                                 "openinterest",
                                 "spread",
                                 "realvolume",
                                 "vwap",
                                 "wap",
                                 "atr"});
        return h;
    }();
    const auto it = aliases.constFind(norm);
    if (it == aliases.constEnd())
        return std::nullopt;
    return it.value();
}

/** "BTC:open" / "btc_close" / "EWA Close" -> (prefix, role) for wide files grouped by instrument. */
bool groupedName(const QString &name, QString *prefix, ColumnRole *role)
{
    const QRegularExpression re(
        QStringLiteral("^\\s*(.+?)\\s*[:_ .\\-/]\\s*(open|high|low|close|volume|price|vol)\\s*$"),
        QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(name);
    if (!m.hasMatch())
        return false;
    const QString field = m.captured(2).toLower();
    *prefix = m.captured(1);
    if (field == QLatin1String("open"))
        *role = ColumnRole::Open;
    else if (field == QLatin1String("high"))
        *role = ColumnRole::High;
    else if (field == QLatin1String("low"))
        *role = ColumnRole::Low;
    else if (field == QLatin1String("volume") || field == QLatin1String("vol"))
        *role = ColumnRole::Volume;
    else
        *role = ColumnRole::Close;
    return true;
}

QString sanitizeSymbol(const QString &text)
{
    QString out;
    for (QChar c : text.trimmed().toUpper()) {
        const char16_t u = c.unicode();
        const bool ok = (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '-' || u == '_';
        const QChar w = ok ? c : QLatin1Char('_');
        if (w == QLatin1Char('_') && (out.isEmpty() || out.endsWith(QLatin1Char('_'))))
            continue;
        out.append(w);
    }
    while (out.endsWith(QLatin1Char('_')) || out.endsWith(QLatin1Char('-')))
        out.chop(1);
    if (out.size() > int(SymbolCode::Capacity))
        out.truncate(int(SymbolCode::Capacity));
    return out;
}

/** The symbol a file name suggests: Binance dump names ("BTCUSDT-1m-2024-08-08", "ETHUSDT-trades-...")
 *  give theirs, else the first upper-case ticker-like word ("..._BINANCE_ETHUSDT_5.csv" -> ETHUSDT),
 *  else the whole base name. */
QString symbolFromFileName(const QString &path)
{
    const QString base = QFileInfo(path).completeBaseName();
    const QRegularExpression binance(
        QStringLiteral("(?:^|[_ ])([A-Z0-9]{2,})-(?:\\d+[smhdwM]|trades|aggTrades|klines)(?:-|$)"));
    if (const auto m = binance.match(base); m.hasMatch())
        return sanitizeSymbol(m.captured(1));
    static const QStringList venues = {
        QStringLiteral("BINANCE"), QStringLiteral("COINBASE"), QStringLiteral("BITSTAMP"),
        QStringLiteral("KRAKEN"),  QStringLiteral("BYBIT"),    QStringLiteral("OKX"),
        QStringLiteral("NYSE"),    QStringLiteral("NASDAQ"),   QStringLiteral("CME")};
    const QRegularExpression word(QStringLiteral("[A-Za-z0-9]+"));
    for (auto it = word.globalMatch(base); it.hasNext();) {
        const QString w = it.next().captured(0);
        int letters = 0;
        bool upper = true;
        for (QChar c : w) {
            if (c.isLetter()) {
                ++letters;
                upper = upper && c.isUpper();
            }
        }
        if (upper && letters >= 2 && w.at(0).isLetter() && w.size() <= 20 && !venues.contains(w))
            return sanitizeSymbol(w);
    }
    return sanitizeSymbol(base);
}

/** A column name as a symbol: Bloomberg names lose their yellow key ("EWA US Equity" -> EWA). */
QString symbolFromColumn(const QString &name)
{
    const QRegularExpression bloomberg(
        QStringLiteral("^\\s*(\\S+)(?:\\s+[A-Z]{2})?\\s+(?:Equity|Index|Curncy|Comdty)\\s*$"));
    if (const auto m = bloomberg.match(name); m.hasMatch())
        return sanitizeSymbol(m.captured(1));
    return sanitizeSymbol(name);
}

// ---------------------------------------------------------------------------------------------------
// Detection

enum class CellKind { Empty, Int, Number, Bool, DateText, Text };

CellKind classify(std::string_view v)
{
    v = csv::trim(v);
    if (v.empty())
        return CellKind::Empty;
    std::int64_t i = 0;
    if (csv::parseInt64(v, &i))
        return CellKind::Int;
    double d = 0;
    if (csv::parseDouble(v, &d))
        return CellKind::Number;
    if (std::count(v.begin(), v.end(), ',') == 1 && v.find('.') == std::string_view::npos && v.size() < 64) {
        std::string dot(v); // decimal comma
        dot[dot.find(',')] = '.';
        if (csv::parseDouble(dot, &d))
            return CellKind::Number;
    }
    bool b = false;
    if (csv::parseBool(v, &b))
        return CellKind::Bool;
    csv::ParsedTime pt;
    if (csv::parseDateTime(v, DateOrder::MonthFirst, &pt) || csv::parseDateTime(v, DateOrder::DayFirst, &pt))
        return CellKind::DateText;
    std::int64_t tod = 0;
    if (csv::parseTimeOfDay(v, &tod))
        return CellKind::DateText;
    return CellKind::Text;
}

bool isEpochLike(std::string_view v)
{
    std::int64_t i = 0;
    if (csv::parseInt64(v, &i))
        return i >= 100000000; // 1973 in seconds; every ms/us/ns time of interest is larger
    double d = 0;
    return csv::parseDouble(v, &d) && d >= 1e8 && d < 1e20;
}

/** An 8-digit yyyyMMdd integer that reads as a real date (not an epoch number). */
bool isCompactDate(std::string_view v)
{
    v = csv::trim(v);
    if (v.size() != 8)
        return false;
    csv::ParsedTime pt;
    return csv::parseDateTime(v, DateOrder::MonthFirst, &pt) &&
           pt.wallMs >= csv::daysFromCivil(1900, 1, 1) * 86400000LL;
}

TimeKind epochKind(double magnitude)
{
    magnitude = std::fabs(magnitude);
    if (magnitude < 1e11)
        return TimeKind::EpochSeconds;
    if (magnitude < 1e14)
        return TimeKind::EpochMillis;
    if (magnitude < 1e17)
        return TimeKind::EpochMicros;
    return TimeKind::EpochNanos;
}

struct HeadLine
{
    std::int64_t line;
    std::size_t offset;
    std::string_view text;
};

std::vector<HeadLine> headLines(std::string_view data, int maxLines)
{
    std::vector<HeadLine> out;
    std::size_t p = 0;
    std::int64_t line = 1;
    while (p < data.size() && int(out.size()) < maxLines) {
        std::size_t e = data.find('\n', p);
        if (e == std::string_view::npos)
            e = data.size();
        std::string_view t = data.substr(p, e - p);
        if (!t.empty() && t.back() == '\r')
            t.remove_suffix(1);
        if (!csv::trim(t).empty())
            out.push_back({line, p, t});
        p = e + 1;
        ++line;
    }
    return out;
}

char detectDelimiter(const std::vector<HeadLine> &lines)
{
    const char candidates[] = {',', ';', '\t', '|'};
    char best = ',';
    long bestScore = -1;
    for (char c : candidates) {
        std::vector<std::size_t> counts;
        counts.reserve(lines.size());
        for (const HeadLine &l : lines)
            counts.push_back(csv::splitLine(l.text, c).size());
        if (counts.empty())
            continue;
        // The mode of the field counts over the head, and how many lines share it.
        std::unordered_map<std::size_t, int> freq;
        for (std::size_t n : counts)
            ++freq[n];
        std::size_t mode = 1;
        int modeFreq = 0;
        for (const auto &[n, f] : freq)
            if (f > modeFreq || (f == modeFreq && n > mode)) {
                mode = n;
                modeFreq = f;
            }
        if (mode < 2)
            continue;
        const long score = long(modeFreq) * 1000 + long(mode);
        if (score > bestScore) {
            bestScore = score;
            best = c;
        }
    }
    return best;
}

int numericCells(const std::vector<std::string> &fields)
{
    int n = 0;
    for (const std::string &f : fields) {
        const CellKind k = classify(f);
        if (k == CellKind::Int || k == CellKind::Number || k == CellKind::DateText || k == CellKind::Bool)
            ++n;
    }
    return n;
}

QString fieldLabel(const Layout &l, int column)
{
    if (column >= 0 && column < l.header.size() && !l.header.at(column).trimmed().isEmpty())
        return l.header.at(column).trimmed();
    return CsvImport::tr("column %1").arg(column + 1);
}

void setPositional(Layout &l, const std::vector<std::pair<ColumnRole, const char *>> &roles, int fieldCount)
{
    l.columns.clear();
    if (!l.hasHeader)
        l.header.clear();
    for (int i = 0; i < fieldCount; ++i) {
        ColumnMapping m;
        m.column = i;
        if (i < int(roles.size())) {
            m.role = roles[std::size_t(i)].first;
            if (!l.hasHeader)
                l.header.append(QString::fromLatin1(roles[std::size_t(i)].second));
        } else if (!l.hasHeader) {
            l.header.append(QString());
        }
        m.name = l.header.value(i);
        l.columns.append(m);
    }
}

using R = ColumnRole;
const std::vector<std::pair<ColumnRole, const char *>> KlineRoles = {{R::Time, "open_time"},
                                                                     {R::Open, "open"},
                                                                     {R::High, "high"},
                                                                     {R::Low, "low"},
                                                                     {R::Close, "close"},
                                                                     {R::Volume, "volume"},
                                                                     {R::Ignore, "close_time"},
                                                                     {R::Ignore, "quote_volume"},
                                                                     {R::Ignore, "count"},
                                                                     {R::Ignore, "taker_buy_volume"},
                                                                     {R::Ignore, "taker_buy_quote_volume"},
                                                                     {R::Ignore, "ignore"}};
const std::vector<std::pair<ColumnRole, const char *>> TradeRoles = {
    {R::TradeId, "id"},          {R::Price, "price"}, {R::Qty, "qty"},
    {R::Ignore, "quote_qty"},    {R::Time, "time"},   {R::IsBuyerMaker, "is_buyer_maker"},
    {R::Ignore, "is_best_match"}};
const std::vector<std::pair<ColumnRole, const char *>> AggTradeRoles = {
    {R::TradeId, "agg_trade_id"},        {R::Price, "price"},          {R::Qty, "quantity"},
    {R::Ignore, "first_trade_id"},       {R::Ignore, "last_trade_id"}, {R::Time, "transact_time"},
    {R::IsBuyerMaker, "is_buyer_maker"}, {R::Ignore, "is_best_match"}};

bool hasRole(const QList<ColumnMapping> &cols, ColumnRole r)
{
    return std::any_of(cols.begin(), cols.end(), [r](const ColumnMapping &m) { return m.role == r; });
}
int columnOf(const QList<ColumnMapping> &cols, ColumnRole r, const QString &symbol)
{
    for (const ColumnMapping &m : cols)
        if (m.role == r && m.symbol == symbol)
            return m.column;
    return -1;
}

/** Roles from header names; the format the roles make. */
void mapHeader(Layout &l, const std::vector<std::vector<std::string>> &sample)
{
    l.columns.clear();
    QSet<QString> seenAlias;
    for (int i = 0; i < l.header.size(); ++i) {
        ColumnMapping m;
        m.column = i;
        m.name = l.header.at(i);
        const QString norm = normalizedName(m.name);
        if (auto r = roleFromAlias(norm); r && !seenAlias.contains(norm)) {
            m.role = *r;
            if (m.role != ColumnRole::Ignore)
                seenAlias.insert(norm);
        } else if (norm.startsWith(QLatin1String("adj")) || norm.startsWith(QLatin1String("volume")) ||
                   norm.startsWith(QLatin1String("unnamed"))) {
            m.role = ColumnRole::Ignore;
        } else {
            m.role = ColumnRole::RoleCount; // unknown for now
        }
        l.columns.append(m);
    }
    auto columnValues = [&](int c) {
        std::vector<std::string_view> v;
        for (const auto &row : sample)
            if (c < int(row.size()))
                v.push_back(row[std::size_t(c)]);
        return v;
    };
    auto allKind = [&](int c, std::initializer_list<CellKind> kinds) {
        const auto vals = columnValues(c);
        int nonEmpty = 0;
        for (std::string_view v : vals) {
            const CellKind k = classify(v);
            if (k == CellKind::Empty || csv::isMissing(v))
                continue;
            ++nonEmpty;
            if (std::find(kinds.begin(), kinds.end(), k) == kinds.end())
                return false;
        }
        return nonEmpty > 0;
    };

    // Volume in the base currency when the file gives it per currency ("volume_btc,volume" of
    // CryptoDataDownload, where the plain volume is in USD): the unit that starts the symbol.
    if (const int symCol = columnOf(l.columns, ColumnRole::Symbol);
        symCol >= 0 && !sample.empty() && symCol < int(sample.front().size())) {
        const std::string &first = sample.front()[std::size_t(symCol)];
        const QString sym = sanitizeSymbol(QString::fromUtf8(first.data(), qsizetype(first.size())));
        for (ColumnMapping &m : l.columns) {
            const QString norm = normalizedName(m.name);
            if (!norm.startsWith(QLatin1String("volume")) || norm.size() <= 6)
                continue;
            if (const QString unit = norm.mid(6).toUpper(); !sym.isEmpty() && sym.startsWith(unit)) {
                for (ColumnMapping &o : l.columns)
                    if (o.role == ColumnRole::Volume)
                        o.role = ColumnRole::Ignore;
                m.role = ColumnRole::Volume;
                break;
            }
        }
    }
    // Date + time-of-day in two columns ("Date,Time,Open,..." of MetaTrader).
    const int dateCol = columnOf(l.columns, ColumnRole::Date);
    int timeCol = columnOf(l.columns, ColumnRole::Time);
    if (dateCol >= 0 && timeCol >= 0) {
        bool tod = true;
        for (std::string_view v : columnValues(timeCol)) {
            std::int64_t ms = 0;
            if (!csv::parseTimeOfDay(v, &ms))
                tod = false;
        }
        if (tod)
            l.columns[timeCol].role = ColumnRole::TimeOfDay;
        else
            l.columns[dateCol].role = ColumnRole::Ignore;
    } else if (dateCol >= 0) {
        l.columns[dateCol].role = ColumnRole::Time;
    }
    // A trade id column may double as the time (Mt.Gox ids are microsecond timestamps).
    timeCol = columnOf(l.columns, ColumnRole::Time);
    if (timeCol < 0) {
        for (ColumnMapping &m : l.columns) {
            if (m.role != ColumnRole::RoleCount)
                continue;
            if (allKind(m.column, {CellKind::DateText}) ||
                (m.name.trimmed().isEmpty() && allKind(m.column, {CellKind::Int}))) {
                m.role = ColumnRole::Time;
                break;
            }
        }
    }
    // Price means a trade price next to a quantity, else a close.
    const bool trades = hasRole(l.columns, ColumnRole::Price) && hasRole(l.columns, ColumnRole::Qty);
    if (!trades) {
        for (ColumnMapping &m : l.columns) {
            if (m.role == ColumnRole::Price)
                m.role = hasRole(l.columns, ColumnRole::Close) ? ColumnRole::Ignore : ColumnRole::Close;
            if (m.role == ColumnRole::Qty || m.role == ColumnRole::TradeId || m.role == ColumnRole::Side ||
                m.role == ColumnRole::IsBuyerMaker)
                m.role = ColumnRole::Ignore;
        }
    } else {
        for (ColumnMapping &m : l.columns)
            if (m.role == ColumnRole::Open || m.role == ColumnRole::High || m.role == ColumnRole::Low ||
                m.role == ColumnRole::Close || m.role == ColumnRole::Volume)
                m.role = ColumnRole::Ignore;
        if (!hasRole(l.columns, ColumnRole::Time) && hasRole(l.columns, ColumnRole::TradeId)) {
            const int idCol = columnOf(l.columns, ColumnRole::TradeId);
            if (allKind(idCol, {CellKind::Int})) {
                const auto vals = columnValues(idCol);
                if (!vals.empty() && isEpochLike(vals.front()))
                    l.timeFromTradeId = true;
            }
        }
    }
    // Unknown numeric columns: per-instrument groups ("BTC:close") or one close column per instrument.
    const bool hasOhlc = hasRole(l.columns, ColumnRole::Close) || hasRole(l.columns, ColumnRole::Open);
    if (!trades) {
        QHash<QString, int> groupHasClose;
        for (ColumnMapping &m : l.columns) {
            if (m.role != ColumnRole::RoleCount)
                continue;
            QString prefix;
            ColumnRole r;
            if (!hasOhlc && groupedName(m.name, &prefix, &r) && !sanitizeSymbol(prefix).isEmpty()) {
                m.role = r;
                m.symbol = sanitizeSymbol(prefix);
                if (r == ColumnRole::Close)
                    groupHasClose[m.symbol] = 1;
            }
        }
        for (ColumnMapping &m : l.columns)
            if (!m.symbol.isEmpty() && !groupHasClose.contains(m.symbol)) {
                m.symbol.clear();
                m.role = ColumnRole::RoleCount;
            }
        if (!hasOhlc) {
            for (ColumnMapping &m : l.columns) {
                if (m.role != ColumnRole::RoleCount)
                    continue;
                if (allKind(m.column, {CellKind::Int, CellKind::Number}) &&
                    !symbolFromColumn(m.name).isEmpty()) {
                    m.role = ColumnRole::Close;
                    m.symbol = symbolFromColumn(m.name);
                }
            }
        }
    }
    for (ColumnMapping &m : l.columns)
        if (m.role == ColumnRole::RoleCount)
            m.role = ColumnRole::Ignore;
    // One per-symbol close column alone is a close-only file of the default symbol... unless named.
    QSet<QString> symbols;
    for (const ColumnMapping &m : l.columns)
        if (!m.symbol.isEmpty())
            symbols.insert(m.symbol);

    if (trades) {
        const QSet<QString> names = [&] {
            QSet<QString> s;
            for (const QString &h : l.header)
                s.insert(normalizedName(h));
            return s;
        }();
        if (names.contains(QStringLiteral("aggtradeid")))
            l.format = QStringLiteral("binance-aggtrades");
        else if (names.contains(QStringLiteral("quoteqty")) && names.contains(QStringLiteral("isbuyermaker")))
            l.format = QStringLiteral("binance-trades");
        else
            l.format = QStringLiteral("trades");
    } else if (!symbols.isEmpty()) {
        l.format = symbols.size() > 1 ? QStringLiteral("wide") : QStringLiteral("close");
        bool allCloseOnly = true;
        for (const ColumnMapping &m : l.columns)
            if (!m.symbol.isEmpty() && m.role != ColumnRole::Close)
                allCloseOnly = false;
        if (symbols.size() == 1 && !allCloseOnly)
            l.format = QStringLiteral("ohlc");
    } else if (hasRole(l.columns, ColumnRole::Open) && hasRole(l.columns, ColumnRole::High) &&
               hasRole(l.columns, ColumnRole::Low) && hasRole(l.columns, ColumnRole::Close)) {
        const QSet<QString> names = [&] {
            QSet<QString> s;
            for (const QString &h : l.header)
                s.insert(normalizedName(h));
            return s;
        }();
        l.format = (names.contains(QStringLiteral("opentime")) && names.contains(QStringLiteral("closetime")))
                       ? QStringLiteral("binance-klines")
                       : QStringLiteral("ohlc");
    } else if (hasRole(l.columns, ColumnRole::Close) || hasRole(l.columns, ColumnRole::AdjClose)) {
        if (!hasRole(l.columns, ColumnRole::Close))
            for (ColumnMapping &m : l.columns)
                if (m.role == ColumnRole::AdjClose)
                    m.role = ColumnRole::Close;
        l.format = QStringLiteral("close");
    } else {
        l.format.clear();
    }
}

/** Roles for a file without a header, from what its cells look like. */
void mapHeaderless(Layout &l, const std::vector<std::vector<std::string>> &sample)
{
    const int n = sample.empty() ? 0 : int(sample.front().size());
    auto kindAt = [&](int c) {
        CellKind k = CellKind::Empty;
        for (const auto &row : sample) {
            if (c >= int(row.size()))
                continue;
            const CellKind x = classify(row[std::size_t(c)]);
            if (x == CellKind::Empty)
                continue;
            if (k == CellKind::Empty || (k == CellKind::Int && x == CellKind::Number))
                k = x;
            else if (k != x && !(k == CellKind::Number && x == CellKind::Int))
                return CellKind::Text;
        }
        return k;
    };
    auto epochAt = [&](int c) {
        return kindAt(c) == CellKind::Int && isEpochLike(sample.front()[std::size_t(c)]);
    };
    auto numericAt = [&](int c) {
        const CellKind k = kindAt(c);
        return k == CellKind::Int || k == CellKind::Number;
    };
    auto boolAt = [&](int c) {
        const CellKind k = kindAt(c);
        return k == CellKind::Bool || k == CellKind::Int;
    };

    if (n >= 11 && n <= 12 && epochAt(0) && epochAt(6)) {
        setPositional(l, KlineRoles, n);
        l.format = QStringLiteral("binance-klines");
        l.dialect = QStringLiteral("binance");
        return;
    }
    if ((n == 7 || n == 8) && kindAt(0) == CellKind::Int && epochAt(5) && kindAt(6) == CellKind::Bool) {
        setPositional(l, AggTradeRoles, n);
        l.format = QStringLiteral("binance-aggtrades");
        l.dialect = QStringLiteral("binance");
        return;
    }
    if ((n == 6 || n == 7) && kindAt(0) == CellKind::Int && epochAt(4) && kindAt(5) == CellKind::Bool) {
        setPositional(l, TradeRoles, n);
        l.format = QStringLiteral("binance-trades");
        l.dialect = QStringLiteral("binance");
        return;
    }
    // time [time-of-day] then numbers
    int first = 1;
    std::vector<std::pair<ColumnRole, const char *>> roles;
    const CellKind k0 = kindAt(0);
    if (!(k0 == CellKind::DateText || epochAt(0) ||
          (k0 == CellKind::Int && isCompactDate(sample.front()[0]))))
        return;
    std::int64_t tod = 0;
    if (n > 1 && kindAt(1) == CellKind::DateText && csv::parseTimeOfDay(sample.front()[1], &tod)) {
        roles = {{R::Date, "date"}, {R::TimeOfDay, "time"}};
        first = 2;
    } else {
        roles = {{R::Time, "time"}};
    }
    const int values = n - first;
    for (int c = first; c < n; ++c)
        if (!numericAt(c))
            return;
    if (values == 1) {
        roles.push_back({R::Close, "close"});
        l.format = QStringLiteral("close");
    } else if (values == 2 && epochAt(0)) {
        roles.push_back({R::Price, "price"});
        roles.push_back({R::Qty, "qty"});
        l.format = QStringLiteral("trades");
    } else if (values == 3 && epochAt(0) && boolAt(first + 2)) {
        roles.push_back({R::Price, "price"});
        roles.push_back({R::Qty, "qty"});
        roles.push_back({R::IsBuyerMaker, "is_buyer_maker"});
        l.format = QStringLiteral("trades");
    } else if (values >= 4) {
        for (auto r : {std::pair{R::Open, "open"},
                       {R::High, "high"},
                       {R::Low, "low"},
                       {R::Close, "close"},
                       {R::Volume, "volume"}})
            roles.push_back(r);
        l.format = QStringLiteral("ohlc");
    } else {
        return;
    }
    setPositional(l, roles, n);
}

/** Finds the layout from the head of the file, then applies the options. */
bool detectLayout(std::string_view data, const ImportOptions &opt, const QString &path, Layout &l,
                  QString *error)
{
    std::vector<std::vector<std::string>> sample;
    bool header = false;
    csv::JsonRecordReader json;
    if (json.start(data)) {
        // JSON records: object keys are the header, arrays are headerless rows.
        l.json = true;
        l.dataOffset = json.offset();
        l.dataLine = json.line();
        l.jsonKeys = json.firstKeys();
        json.setKeys(l.jsonKeys);
        header = !l.jsonKeys.empty();
        l.hasHeader = header;
        for (const std::string &k : l.jsonKeys)
            l.header.append(QString::fromUtf8(k.data(), qsizetype(k.size())));
        Record rec;
        while (sample.size() < 40 && json.next(rec))
            sample.emplace_back(rec.fields.begin(), rec.fields.end());
        if (sample.empty()) {
            *error =
                json.error().empty()
                    ? CsvImport::tr("the file has no data rows")
                    : CsvImport::tr("line %1: %2").arg(json.line()).arg(QString::fromStdString(json.error()));
            return false;
        }
    } else {
        const std::vector<HeadLine> lines = headLines(data, 40);
        if (lines.empty()) {
            *error = CsvImport::tr("the file is empty");
            return false;
        }
        l.delim = opt.delimiter ? *opt.delimiter : detectDelimiter(lines);

        std::vector<std::vector<std::string>> split;
        split.reserve(lines.size());
        for (const HeadLine &hl : lines)
            split.push_back(csv::splitLine(hl.text, l.delim));
        // The most common field count among the last lines of the head is the data's width.
        std::unordered_map<std::size_t, int> freq;
        for (std::size_t i = split.size() / 2; i < split.size(); ++i)
            ++freq[split[i].size()];
        std::size_t width = split.back().size();
        int best = 0;
        for (const auto &[w, f] : freq)
            if (f > best || (f == best && w > width)) {
                width = w;
                best = f;
            }
        // First line of the table: width fields, or width-1 when a header omits the index column's name.
        std::size_t first = 0;
        auto missingIndexName = [&](std::size_t i) {
            return split[i].size() >= 2 && split[i].size() + 1 == width && i + 1 < split.size() &&
                   split[i + 1].size() == width && numericCells(split[i]) == 0 &&
                   numericCells(split[i + 1]) > 0;
        };
        while (first < split.size() && split[first].size() != width && !missingIndexName(first))
            ++first;
        if (first == split.size())
            first = 0;
        std::size_t headerIdx = first;
        if (opt.hasHeader) {
            header = *opt.hasHeader;
        } else if (split[first].size() + 1 == width) {
            header = true;
        } else if (first + 1 < split.size()) {
            header = numericCells(split[first]) < numericCells(split[first + 1]);
        } else {
            header = numericCells(split[first]) == 0;
        }
        l.bannerLines = qint64(first);
        l.hasHeader = header;
        if (header) {
            for (const std::string &h : split[headerIdx])
                l.header.append(QString::fromUtf8(h.data(), qsizetype(h.size())).trimmed());
            if (std::size_t(l.header.size()) + 1 == width) {
                // One name short: pandas' unnamed index column in front, or a delimiter that ends every data
                // row (an empty last field) while the header has none. Taking one for the other shifts every
                // column. Rows of another width (a defect the import names) do not decide it.
                bool anyRow = false, emptyLast = true;
                for (std::size_t i = headerIdx + 1; i < split.size(); ++i) {
                    if (split[i].size() != width)
                        continue;
                    anyRow = true;
                    emptyLast = emptyLast && csv::trim(split[i].back()).empty();
                }
                if (anyRow && emptyLast) {
                    l.header.append(QString());
                    l.trailingDelimiter = true;
                } else {
                    l.header.prepend(QString());
                }
            }
            l.headerLine = lines[headerIdx].line;
            if (headerIdx + 1 < lines.size()) {
                l.dataOffset = lines[headerIdx + 1].offset;
                l.dataLine = lines[headerIdx + 1].line;
            } else {
                l.dataOffset = data.size();
                l.dataLine = lines[headerIdx].line + 1;
            }
        } else {
            l.dataOffset = lines[first].offset;
            l.dataLine = lines[first].line;
        }
        l.width = width;
        sample.assign(split.begin() + std::ptrdiff_t(header ? headerIdx + 1 : first), split.end());
        if (sample.empty()) {
            *error = CsvImport::tr("the file has no data rows");
            return false;
        }
    }

    const QString fmt = opt.format.isEmpty() ? QStringLiteral("auto") : opt.format.toLower();
    if (opt.columns) {
        l.columns = *opt.columns;
        for (ColumnMapping &m : l.columns)
            if (m.name.isEmpty())
                m.name = l.header.value(m.column);
        if (fmt != QLatin1String("auto")) {
            l.format = fmt;
        } else if (hasRole(l.columns, ColumnRole::Price) && hasRole(l.columns, ColumnRole::Qty)) {
            l.format = QStringLiteral("trades");
        } else {
            QSet<QString> syms;
            for (const ColumnMapping &m : l.columns)
                if (!m.symbol.isEmpty())
                    syms.insert(m.symbol);
            l.format = syms.size() > 1                        ? QStringLiteral("wide")
                       : hasRole(l.columns, ColumnRole::Open) ? QStringLiteral("ohlc")
                                                              : QStringLiteral("close");
        }
        if (!hasRole(l.columns, ColumnRole::Time) && !hasRole(l.columns, ColumnRole::Date) &&
            hasRole(l.columns, ColumnRole::TradeId))
            l.timeFromTradeId = true;
    } else if (fmt == QLatin1String("binance-klines") || fmt == QLatin1String("binance-trades") ||
               fmt == QLatin1String("binance-aggtrades")) {
        if (header) {
            mapHeader(l, sample);
        } else {
            const int n = int(sample.front().size());
            setPositional(l,
                          fmt == QLatin1String("binance-klines")   ? KlineRoles
                          : fmt == QLatin1String("binance-trades") ? TradeRoles
                                                                   : AggTradeRoles,
                          n);
        }
        l.format = fmt;
        l.dialect = QStringLiteral("binance");
    } else {
        if (header)
            mapHeader(l, sample);
        else
            mapHeaderless(l, sample);
        if (l.format.isEmpty()) {
            *error = CsvImport::tr("cannot tell what the columns hold; choose a column mapping");
            return false;
        }
        if (fmt != QLatin1String("auto")) {
            const bool wantTrades = fmt == QLatin1String("trades");
            const bool isTrades = l.format.contains(QLatin1String("trades"));
            if (wantTrades != isTrades && (fmt == QLatin1String("trades") || fmt == QLatin1String("ohlc") ||
                                           fmt == QLatin1String("close") || fmt == QLatin1String("wide"))) {
                *error = CsvImport::tr("the file does not look like a %1 file (it looks like %2)")
                             .arg(fmt, l.format);
                return false;
            }
            if (fmt == QLatin1String("ohlc") || fmt == QLatin1String("close") || fmt == QLatin1String("wide"))
                l.format = fmt;
        }
    }

    // The time column and how it is written.
    const int timeCol = l.timeFromTradeId ? columnOf(l.columns, ColumnRole::TradeId)
                                          : std::max(columnOf(l.columns, ColumnRole::Time),
                                                     columnOf(l.columns, ColumnRole::Date));
    if (timeCol < 0) {
        *error = CsvImport::tr("no time column; choose one in the column mapping");
        return false;
    }
    std::string_view tv;
    for (const auto &row : sample)
        if (timeCol < int(row.size()) && !csv::trim(row[std::size_t(timeCol)]).empty()) {
            tv = row[std::size_t(timeCol)];
            break;
        }
    const bool split2 = hasRole(l.columns, ColumnRole::TimeOfDay);
    std::int64_t iv = 0;
    double dv = 0;
    if (split2) {
        l.timeKind = TimeKind::DateAndTime;
    } else if (csv::parseInt64(tv, &iv) && !isCompactDate(tv)) {
        l.timeKind = epochKind(double(iv));
    } else if (csv::parseDouble(tv, &dv) && !isCompactDate(tv)) {
        l.timeKind = epochKind(dv);
    } else {
        l.timeKind = TimeKind::Text;
    }
    // Day/month order of a/b/y dates: the data decides when any value is above 12 (whole file scanned).
    int a = 0, b = 0;
    char sep = 0;
    if (!l.json && (l.timeKind == TimeKind::Text || l.timeKind == TimeKind::DateAndTime) &&
        csv::numericDateParts(tv, &a, &b, &sep)) {
        if (opt.dayFirst) {
            l.dayFirst = *opt.dayFirst;
        } else {
            bool firstAbove12 = false, secondAbove12 = false;
            RecordReader rr(data.substr(l.dataOffset), l.delim, l.dataLine);
            Record rec;
            while (rr.next(rec)) {
                if (timeCol >= int(rec.fields.size()))
                    continue;
                if (csv::numericDateParts(rec.fields[std::size_t(timeCol)], &a, &b, &sep)) {
                    firstAbove12 |= a > 12;
                    secondAbove12 |= b > 12;
                    if (firstAbove12 || secondAbove12)
                        break;
                }
            }
            if (firstAbove12) {
                l.dayFirst = true;
            } else if (secondAbove12) {
                l.dayFirst = false;
            } else {
                l.dayFirst = sep == '.'; // 01.02.2020 is European
                l.dayFirstAmbiguous = true;
            }
        }
    }

    // Symbol
    l.defaultSymbol = sanitizeSymbol(opt.symbol);
    if (l.defaultSymbol.isEmpty() && !hasRole(l.columns, ColumnRole::Symbol) &&
        l.format != QLatin1String("wide")) {
        l.defaultSymbol = symbolFromFileName(path);
        l.symbolFromFile = true;
    }

    // Dialect, for the preview.
    if (l.json && l.dialect.isEmpty())
        l.dialect = QStringLiteral("json");
    if (l.dialect.isEmpty()) {
        const QString h = l.header.join(QLatin1Char(',')).toLower();
        if (l.bannerLines > 0 && data.substr(0, 200).find("CryptoDataDownload") != std::string_view::npos)
            l.dialect = QStringLiteral("cryptodatadownload");
        else if (h.startsWith(QLatin1String("exchange,symbol,timestamp,local_timestamp")))
            l.dialect = QStringLiteral("tardis");
        else if (l.timeKind == TimeKind::DateAndTime && tv.find('.') != std::string_view::npos)
            l.dialect = QStringLiteral("metatrader");
        else if (!l.hasHeader && l.delim == ';')
            l.dialect = QStringLiteral("ninjatrader");
        else if (h.contains(QLatin1String("adj close")) || h.contains(QLatin1String("stock splits")))
            l.dialect = QStringLiteral("yahoo");
        else if (h.startsWith(QLatin1String("time,open,high,low,close")))
            l.dialect = QStringLiteral("tradingview");
    }
    return true;
}

} // namespace pairlab::csv::detail

namespace pairlab {

using csv::detail::RoleName;
using csv::detail::RoleNames;

QString columnRoleName(ColumnRole role)
{
    for (const RoleName &r : RoleNames)
        if (r.role == role)
            return QString::fromLatin1(r.name);
    return {};
}

std::optional<ColumnRole> columnRoleFromName(const QString &name)
{
    for (const RoleName &r : RoleNames)
        if (name == QLatin1String(r.name))
            return r.role;
    return std::nullopt;
}

QString timeKindName(TimeKind kind)
{
    switch (kind) {
    case TimeKind::EpochSeconds:
        return QStringLiteral("epoch-s");
    case TimeKind::EpochMillis:
        return QStringLiteral("epoch-ms");
    case TimeKind::EpochMicros:
        return QStringLiteral("epoch-us");
    case TimeKind::EpochNanos:
        return QStringLiteral("epoch-ns");
    case TimeKind::Text:
        return QStringLiteral("text");
    case TimeKind::DateAndTime:
        return QStringLiteral("date+time");
    case TimeKind::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

} // namespace pairlab
