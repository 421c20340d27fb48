#include "api/api_routes.h"

#include "alerts/alert_expression.h"
#include "alerts/alert_store.h"
#include "analytics/pair_analysis.h"
#include "analytics/pair_scan.h"
#include "backtest/backtest_engine.h"
#include "io/analysis_json.h"
#include "io/csv_import.h"
#include "io/json_writer.h"
#include "io/scan_json.h"
#include "models/analysis_choices.h"
#include "models/pair_display.h"
#include "storage/bar_store.h"
#include "storage/database.h"
#include "storage/quote_store.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <future>
#include <limits>
#include <list>
#include <map>
#include <mutex>
#include <set>

namespace pairlab {

namespace {

constexpr qint64 kMinMs = std::numeric_limits<qint64>::min();
constexpr qint64 kMaxMs = std::numeric_limits<qint64>::max();

/** A 400 in the making: the first bad parameter wins. */
struct Problem
{
    int status = 0;
    QString message;
    explicit operator bool() const { return status != 0; }
};

HttpResponse fail(const Problem &p)
{
    return HttpResponse::error(p.status, p.message);
}

/** Rows written once, as JSON records or as CSV (RFC 4180 quoting, '\n' line ends). */
class TableWriter
{
public:
    TableWriter(bool csv, QList<QByteArray> columns) : m_csv(csv), m_columns(std::move(columns))
    {
        if (m_csv) {
            for (qsizetype i = 0; i < m_columns.size(); ++i) {
                m_rows += i ? "," : "";
                m_rows += m_columns[i];
            }
            m_rows += '\n';
        }
    }
    void beginRow()
    {
        m_cell = 0;
        if (!m_csv) {
            m_rows += m_count ? ",\n{" : "\n{";
        }
        ++m_count;
    }
    void num(double v)
    {
        key();
        if (m_csv) {
            if (std::isfinite(v))
                appendDouble(m_rows, v);
        } else {
            appendNumber(m_rows, v);
        }
    }
    void integer(qint64 v)
    {
        key();
        appendInt(m_rows, v);
    }
    void boolean(bool v)
    {
        key();
        m_rows += m_csv ? (v ? "1" : "0") : (v ? "true" : "false");
    }
    void str(const QString &s)
    {
        key();
        if (!m_csv) {
            appendJsonString(m_rows, s);
            return;
        }
        const QByteArray u = s.toUtf8();
        if (u.contains(',') || u.contains('"') || u.contains('\n') || u.contains('\r')) {
            QByteArray q = u;
            q.replace("\"", "\"\"");
            m_rows += '"' + q + '"';
        } else {
            m_rows += u;
        }
    }
    /** Raw JSON (JSON output only; CSV writes the text as a quoted cell). */
    void json(const QByteArray &raw)
    {
        if (m_csv) {
            str(QString::fromUtf8(raw));
            return;
        }
        key();
        m_rows += raw;
    }
    void endRow() { m_rows += m_csv ? "\n" : "}"; }
    qint64 count() const { return m_count; }

    /** CSV: the rows. JSON: `head` (an object's members, written with JsonObject) + "count" + `key`:[rows].
     */
    HttpResponse finish(const QByteArray &headMembers, const char *arrayKey) const
    {
        HttpResponse r;
        if (m_csv) {
            r.contentType = "text/csv; charset=utf-8";
            r.body = m_rows;
            return r;
        }
        QByteArray o = "{";
        o += headMembers;
        o += headMembers.isEmpty() ? "\"count\":" : ",\"count\":";
        appendInt(o, m_count);
        o += ",\"";
        o += arrayKey;
        o += "\":[";
        o += m_rows;
        o += m_count ? "\n]}\n" : "]}\n";
        r.body = o;
        return r;
    }

private:
    void key()
    {
        if (m_csv) {
            m_rows += m_cell ? "," : "";
        } else {
            m_rows += m_cell ? ",\"" : "\"";
            m_rows += m_columns.value(m_cell);
            m_rows += "\":";
        }
        ++m_cell;
    }
    bool m_csv;
    QList<QByteArray> m_columns;
    QByteArray m_rows;
    int m_cell = 0;
    qint64 m_count = 0;
};

/** Members of a JSON object without the braces, for TableWriter::finish. */
class Members
{
public:
    Members &str(const char *key, const QString &v)
    {
        keyOf(key);
        appendJsonString(m_out, v);
        return *this;
    }
    Members &integer(const char *key, qint64 v)
    {
        keyOf(key);
        appendInt(m_out, v);
        return *this;
    }
    Members &num(const char *key, double v)
    {
        keyOf(key);
        appendNumber(m_out, v);
        return *this;
    }
    Members &boolean(const char *key, bool v)
    {
        keyOf(key);
        m_out += v ? "true" : "false";
        return *this;
    }
    Members &raw(const char *key, const QByteArray &json)
    {
        keyOf(key);
        m_out += json;
        return *this;
    }
    const QByteArray &text() const { return m_out; }

private:
    void keyOf(const char *key)
    {
        m_out += m_out.isEmpty() ? "\"" : ",\"";
        m_out += key;
        m_out += "\":";
    }
    QByteArray m_out;
};

bool wantsCsv(const HttpRequest &r, Problem *p)
{
    const QString format = r.queryValue(u"format");
    if (format == QLatin1String("csv"))
        return true;
    if (format == QLatin1String("json"))
        return false;
    if (!format.isEmpty()) {
        *p = {400, QStringLiteral("format: '%1' is not one of json, csv").arg(format)};
        return false;
    }
    const QByteArray accept = r.header("accept").toLower();
    return accept.contains("text/csv") && !accept.contains("application/json");
}

/** A time parameter: epoch milliseconds, or an ISO 8601 date or date-time (UTC unless it says otherwise). */
qint64 timeParam(const HttpRequest &r, QStringView name, qint64 fallback, Problem *p)
{
    if (*p || !r.hasQuery(name))
        return fallback;
    const QString v = r.queryValue(name).trimmed();
    bool ok = false;
    const qint64 ms = v.toLongLong(&ok);
    if (ok)
        return ms;
    QDateTime t = QDateTime::fromString(v, Qt::ISODateWithMs);
    if (!t.isValid()) {
        const QDate d = QDate::fromString(v, Qt::ISODate);
        if (d.isValid())
            t = QDateTime(d, QTime(0, 0), QTimeZone::utc());
    } else if (t.timeSpec() == Qt::LocalTime) {
        t.setTimeZone(QTimeZone::utc());
    }
    if (!t.isValid()) {
        *p = {400, QStringLiteral("%1: '%2' is neither epoch milliseconds nor an ISO 8601 date or time")
                       .arg(name.toString(), v)};
        return fallback;
    }
    return t.toMSecsSinceEpoch();
}

int intParam(const HttpRequest &r, QStringView name, int fallback, int lo, int hi, Problem *p)
{
    if (*p || !r.hasQuery(name))
        return fallback;
    bool ok = false;
    const int v = r.queryValue(name).toInt(&ok);
    if (!ok || v < lo || v > hi) {
        *p = {400, QStringLiteral("%1: '%2' is not a whole number from %3 to %4")
                       .arg(name.toString(), r.queryValue(name))
                       .arg(lo)
                       .arg(hi)};
        return fallback;
    }
    return v;
}

double doubleParam(const HttpRequest &r, QStringView name, double fallback, Problem *p)
{
    if (*p || !r.hasQuery(name))
        return fallback;
    bool ok = false;
    const double v = r.queryValue(name).toDouble(&ok);
    if (!ok || !std::isfinite(v)) {
        *p = {400, QStringLiteral("%1: '%2' is not a number").arg(name.toString(), r.queryValue(name))};
        return fallback;
    }
    return v;
}

QString symbolParam(const HttpRequest &r, QStringView name, Problem *p)
{
    if (*p)
        return {};
    static const QRegularExpression shape(QStringLiteral("^[A-Z0-9_]{1,40}$"));
    QString v = r.queryValue(name).trimmed().toUpper();
    if (v.isEmpty())
        *p = {400, QStringLiteral("%1: a symbol is needed (e.g. %1=BTCUSDT)").arg(name.toString())};
    else if (!shape.match(v).hasMatch())
        *p = {400, QStringLiteral("%1: '%2' is not a symbol").arg(name.toString(), r.queryValue(name))};
    return v;
}

Interval intervalParam(const HttpRequest &r, Problem *p)
{
    const QString v = r.queryValue(u"interval", QStringLiteral("1m"));
    const std::optional<Interval> i = intervalFromName(v);
    if (!i && !*p)
        *p = {400, QStringLiteral("interval: '%1' is not one of 1s, 1m, 5m").arg(v)};
    return i.value_or(Interval::M1);
}

/** source=live (default; the live bars merged with the exchange's), rest, or an imported dataset's name. */
QString sourceParam(const HttpRequest &r, Problem *p)
{
    QString v = r.queryValue(u"source", BarStore::LiveSource);
    if (v == BarStore::LiveSource || v == BarStore::RestSource || v.startsWith(QLatin1String("upload:")))
        return v;
    if (v.isEmpty() && !*p)
        *p = {400, QStringLiteral("source: empty")};
    return BarStore::sourceForDataset(v);
}

/** Runs fn on a reader connection of the calling thread; a database with nothing stored yet reads as empty.
 */
template <typename F> Problem withDb(const ApiContext &c, F &&fn)
{
    QString error;
    Database::withReader(c.databasePath, fn, &error);
    if (!error.isEmpty())
        return {503, QStringLiteral("database %1: %2").arg(Database::displayName(c.databasePath), error)};
    return {};
}

struct Range
{
    qint64 from = kMinMs, to = kMaxMs;
    int limit = kApiDefaultRows;
};

Range rangeParams(const HttpRequest &r, Problem *p)
{
    Range g;
    g.from = timeParam(r, u"from", kMinMs, p);
    g.to = timeParam(r, u"to", kMaxMs, p);
    g.limit = intParam(r, u"limit", kApiDefaultRows, 1, kApiMaxRows, p);
    if (!*p && g.from >= g.to)
        *p = {400, QStringLiteral("from must be before to")};
    return g;
}

void rangeMembers(Members &m, const Range &g)
{
    if (g.from != kMinMs)
        m.integer("from_ms", g.from);
    if (g.to != kMaxMs)
        m.integer("to_ms", g.to);
    m.integer("limit", g.limit);
}

std::vector<Bar> loadRange(QSqlDatabase &db, const QString &symbol, Interval interval, const QString &source,
                           const Range &g, QString *error)
{
    if (source == BarStore::LiveSource || source == BarStore::RestSource)
        return BarStore::loadBars(db, symbol, interval, source, g.from, g.to, g.limit, error);
    // An imported dataset keeps its own bar lengths: the interval names one of 1s/1m/5m here too.
    std::vector<Bar> all =
        BarStore::loadBarsSeconds(db, symbol, intervalSeconds(interval), source, -1, error);
    std::erase_if(all, [&](const Bar &b) { return b.openMs < g.from || b.openMs >= g.to; });
    if (qsizetype(all.size()) > g.limit)
        all.erase(all.begin(), all.end() - g.limit);
    return all;
}

// ---- routes ----

HttpResponse health(const ApiContext &c)
{
    QJsonObject o;
    o.insert(QStringLiteral("status"), QStringLiteral("ok"));
    o.insert(QStringLiteral("time_ms"), QDateTime::currentMSecsSinceEpoch());
    for (auto it = c.live.begin(); it != c.live.end(); ++it)
        o.insert(it.key(), it.value());
    QJsonObject stored;
    QJsonArray symbols;
    const Problem p = withDb(c, [&](QSqlDatabase &db) {
        const QStringList names = BarStore::symbols(db);
        qint64 newest = 0;
        for (const BarStore::LastTrade &t : BarStore::lastTrades(db, names)) {
            QJsonObject s;
            s.insert(QStringLiteral("symbol"), t.symbol);
            s.insert(QStringLiteral("last_trade_ms"), qint64(t.tsMs));
            s.insert(QStringLiteral("last_trade_id"), qint64(t.tradeId));
            symbols.append(s);
            newest = std::max<qint64>(newest, t.tsMs);
        }
        stored.insert(QStringLiteral("symbols"), int(names.size()));
        if (newest > 0) {
            stored.insert(QStringLiteral("last_trade_ms"), newest);
            stored.insert(QStringLiteral("lag_ms"), QDateTime::currentMSecsSinceEpoch() - newest);
        }
        AlertStore alerts(db);
        stored.insert(QStringLiteral("alert_rules"), int(alerts.loadRules().size()));
    });
    stored.insert(QStringLiteral("database"), Database::displayName(c.databasePath));
    stored.insert(QStringLiteral("last_trades"), symbols);
    if (p) {
        o.insert(QStringLiteral("status"), QStringLiteral("degraded"));
        stored.insert(QStringLiteral("error"), p.message);
    }
    o.insert(QStringLiteral("stored"), stored);
    return HttpResponse::json(QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n');
}

HttpResponse symbolsRoute(const HttpRequest &r, const ApiContext &c)
{
    Problem p;
    const bool csv = wantsCsv(r, &p);
    if (p)
        return fail(p);
    TableWriter t(csv, {"symbol", "last_trade_ms", "last_trade_id"});
    p = withDb(c, [&](QSqlDatabase &db) {
        const QStringList names = BarStore::symbols(db);
        std::map<QString, BarStore::LastTrade> last;
        for (const BarStore::LastTrade &l : BarStore::lastTrades(db, names))
            last[l.symbol] = l;
        for (const QString &s : names) {
            t.beginRow();
            t.str(s);
            const auto it = last.find(s);
            if (it != last.end()) {
                t.integer(it->second.tsMs);
                t.integer(it->second.tradeId);
            } else {
                t.num(std::nan(""));
                t.num(std::nan(""));
            }
            t.endRow();
        }
    });
    if (p)
        return fail(p);
    return t.finish({}, "symbols");
}

HttpResponse barsRoute(const HttpRequest &r, const ApiContext &c)
{
    Problem p;
    const bool csv = wantsCsv(r, &p);
    const QString symbol = symbolParam(r, u"symbol", &p);
    const Interval interval = intervalParam(r, &p);
    const QString source = sourceParam(r, &p);
    const Range g = rangeParams(r, &p);
    if (p)
        return fail(p);
    TableWriter t(csv, {"open_ms", "open", "high", "low", "close", "volume", "trades"});
    QString error;
    p = withDb(c, [&](QSqlDatabase &db) {
        for (const Bar &b : loadRange(db, symbol, interval, source, g, &error)) {
            t.beginRow();
            t.integer(b.openMs);
            t.num(b.open);
            t.num(b.high);
            t.num(b.low);
            t.num(b.close);
            t.num(b.volume);
            t.integer(b.trades);
            t.endRow();
        }
    });
    if (!p && !error.isEmpty())
        p = {503, error};
    if (p)
        return fail(p);
    Members m;
    m.str("symbol", symbol).str("interval", intervalName(interval)).str("source", source);
    rangeMembers(m, g);
    return t.finish(m.text(), "bars");
}

HttpResponse ticksRoute(const HttpRequest &r, const ApiContext &c)
{
    Problem p;
    const bool csv = wantsCsv(r, &p);
    const QString symbol = symbolParam(r, u"symbol", &p);
    const Range g = rangeParams(r, &p);
    if (p)
        return fail(p);
    TableWriter t(csv, {"ts_ms", "trade_id", "price", "qty", "buyer_maker"});
    QString error;
    p = withDb(c, [&](QSqlDatabase &db) {
        // The newest `limit` trades of the range, then in trade-id order.
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT t.ts_ms, t.trade_id, t.price, t.qty, t.buyer_maker FROM ticks t "
                                 "JOIN symbols s ON s.id = t.symbol_id WHERE s.name = ? AND t.ts_ms >= ? AND "
                                 "t.ts_ms < ? ORDER BY t.trade_id DESC LIMIT %1")
                      .arg(g.limit));
        q.addBindValue(symbol);
        q.addBindValue(QVariant::fromValue(g.from));
        q.addBindValue(QVariant::fromValue(g.to));
        if (!q.exec()) {
            error = q.lastError().text();
            return;
        }
        struct Row
        {
            qint64 ts, id;
            double price, qty;
            bool maker;
        };
        std::vector<Row> rows;
        while (q.next())
            rows.push_back({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toDouble(),
                            q.value(3).toDouble(), q.value(4).toInt() != 0});
        for (auto it = rows.rbegin(); it != rows.rend(); ++it) {
            t.beginRow();
            t.integer(it->ts);
            t.integer(it->id);
            t.num(it->price);
            t.num(it->qty);
            t.boolean(it->maker);
            t.endRow();
        }
    });
    if (!p && !error.isEmpty())
        p = {503, error};
    if (p)
        return fail(p);
    Members m;
    m.str("symbol", symbol);
    rangeMembers(m, g);
    return t.finish(m.text(), "ticks");
}

HttpResponse quotesRoute(const HttpRequest &r, const ApiContext &c)
{
    Problem p;
    const bool csv = wantsCsv(r, &p);
    const QString symbol = symbolParam(r, u"symbol", &p);
    const Interval interval = intervalParam(r, &p);
    const Range g = rangeParams(r, &p);
    if (p)
        return fail(p);
    TableWriter t(csv, {"open_ms", "bid_open", "bid_high", "bid_low", "bid_close", "ask_open", "ask_high",
                        "ask_low", "ask_close", "updates"});
    QString error;
    p = withDb(c, [&](QSqlDatabase &db) {
        std::vector<QuoteBar> bars = QuoteStore::load(db, symbol, interval, g.from, g.to, &error);
        if (qsizetype(bars.size()) > g.limit)
            bars.erase(bars.begin(), bars.end() - g.limit);
        for (const QuoteBar &b : bars) {
            t.beginRow();
            t.integer(b.openMs);
            for (double v :
                 {b.bidOpen, b.bidHigh, b.bidLow, b.bidClose, b.askOpen, b.askHigh, b.askLow, b.askClose})
                t.num(v);
            t.integer(b.updates);
            t.endRow();
        }
    });
    if (!p && !error.isEmpty())
        p = {503, error};
    if (p)
        return fail(p);
    Members m;
    m.str("symbol", symbol).str("interval", intervalName(interval));
    rangeMembers(m, g);
    return t.finish(m.text(), "quotes");
}

/** The closes of both legs, aligned on open time (the inner join of the Pair tab). */
Problem loadPair(const HttpRequest &r, const ApiContext &c, const QString &y, const QString &x,
                 Interval interval, const QString &source, const Range &g, AlignedPair *pair)
{
    QString error;
    Problem p = withDb(c, [&](QSqlDatabase &db) {
        CloseSeries sx, sy;
        sx.symbol = x;
        sy.symbol = y;
        for (const Bar &b : loadRange(db, x, interval, source, g, &error)) {
            sx.openTimeMs.push_back(b.openMs);
            sx.close.push_back(b.close);
        }
        for (const Bar &b : loadRange(db, y, interval, source, g, &error)) {
            sy.openTimeMs.push_back(b.openMs);
            sy.close.push_back(b.close);
        }
        *pair = alignOnOpenTime(sx, sy);
    });
    Q_UNUSED(r);
    if (!p && !error.isEmpty())
        p = {503, error};
    return p;
}

/** Answers of /v1/pair for the exact bars they were computed on. A client asking again before a new bar gets
 *  the same bytes without a new analysis, and identical requests that arrive while the answer is being
 * computed wait for that one computation instead of starting their own (many notebooks polling one pair cost
 * one analysis per new bar). Keyed by the database, the parameters and the aligned closes themselves. */
class PairAnswers
{
public:
    template <typename F>
    HttpResponse answer(const QString &key, std::shared_ptr<const AlignedPair> data, bool *hit, F &&compute)
    {
        std::promise<HttpResponse> promise;
        std::shared_future<HttpResponse> result;
        {
            std::lock_guard lock(m_mutex);
            for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
                if (it->key != key || !samePair(*it->data, *data))
                    continue;
                result = it->result;
                m_entries.splice(m_entries.begin(), m_entries, it);
                break;
            }
            *hit = result.valid();
            if (!*hit) {
                result = promise.get_future().share();
                m_entries.push_front({key, std::move(data), result});
                while (m_entries.size() > kEntries)
                    m_entries.pop_back();
            }
        }
        if (*hit)
            return result.get();
        HttpResponse r;
        try {
            r = compute();
        } catch (...) {
            r = HttpResponse::error(500, QStringLiteral("the analysis failed"));
        }
        promise.set_value(r);
        return r;
    }

private:
    static bool samePair(const AlignedPair &a, const AlignedPair &b)
    {
        return a.timeMs == b.timeMs && a.x == b.x && a.y == b.y;
    }
    static constexpr std::size_t kEntries = 16;
    struct Entry
    {
        QString key;
        std::shared_ptr<const AlignedPair> data;
        std::shared_future<HttpResponse> result;
    };
    std::mutex m_mutex;
    std::list<Entry> m_entries;
};

PairAnswers &pairAnswers()
{
    static PairAnswers answers;
    return answers;
}

HttpResponse pairRoute(const HttpRequest &r, const ApiContext &c)
{
    Problem p;
    if (r.queryValue(u"format") == QLatin1String("csv"))
        return HttpResponse::error(406, QStringLiteral("/v1/pair answers JSON only (the analyze object)"));
    const QString y = symbolParam(r, u"y", &p);
    const QString x = symbolParam(r, u"x", &p);
    const Interval interval = intervalParam(r, &p);
    const QString source = sourceParam(r, &p);
    const Range g = rangeParams(r, &p);
    PairAnalysisOptions options;
    options.window = intParam(r, u"window", 120, 2, 100000, &p);
    options.backtest.entry = doubleParam(r, u"entry", 2.0, &p);
    options.backtest.exit = doubleParam(r, u"exit", 0.5, &p);
    options.backtest.cost = doubleParam(r, u"cost", 2.0, &p);
    options.backtest.barsPerYear =
        doubleParam(r, u"bars_per_year", 365.0 * 24 * 3600 / intervalSeconds(interval), &p);
    const QString methodKey = r.queryValue(u"method", QStringLiteral("ols"));
    const std::optional<HedgeMethod> method = hedgeMethodFromKey(methodKey);
    if (!p && !method)
        p = {400, QStringLiteral("method: '%1' is not one of %2")
                      .arg(methodKey, hedgeMethodKeys().join(QStringLiteral(", ")))};
    if (!p && y == x)
        p = {400, QStringLiteral("y and x are the same symbol")};
    if (!p && !(options.backtest.barsPerYear > 0))
        p = {400, QStringLiteral("bars_per_year must be positive")};
    if (p)
        return fail(p);
    QElapsedTimer read;
    read.start();
    auto pair = std::make_shared<AlignedPair>();
    p = loadPair(r, c, y, x, interval, source, g, pair.get());
    if (p)
        return fail(p);
    const double readMs = double(read.nsecsElapsed()) / 1e6;
    options.series = true; // the chosen hedge's spread and z come from the per-bar series
    const QString key = QStringList{c.databasePath,
                                    y,
                                    x,
                                    intervalName(interval),
                                    source,
                                    QString::number(g.from),
                                    QString::number(g.to),
                                    QString::number(g.limit),
                                    QString::number(options.window),
                                    QString::number(options.backtest.entry, 'g', 17),
                                    QString::number(options.backtest.exit, 'g', 17),
                                    QString::number(options.backtest.cost, 'g', 17),
                                    QString::number(options.backtest.barsPerYear, 'g', 17),
                                    hedgeMethodKey(*method)}
                            .join(QLatin1Char('\x1f'));
    bool hit = false;
    HttpResponse out = pairAnswers().answer(key, pair, &hit, [&] {
        const AlignedPair &aligned = *pair;
        PairAnalysis a = analyzePair(aligned, options);
        if (!a.ok())
            return HttpResponse::error(422, QStringLiteral("%1 ~ %2 (%3, %4 aligned bars): %5")
                                                .arg(y, x, intervalName(interval))
                                                .arg(aligned.size())
                                                .arg(a.error));
        a.timingsMs.insert(a.timingsMs.begin(), {QStringLiteral("read_db"), readMs});
        double total = 0;
        for (const auto &t : a.timingsMs)
            total += t.second;
        a.timingsMs.emplace_back(QStringLiteral("total"), total);
        // The analyze object, then what it answers and the chosen hedge's newest spread and z.
        QByteArray body = analysisToJson(a);
        const PairDisplay d = buildPairDisplay(aligned, a, *method, options.window);
        const double spread = d.spread && !d.spread->empty() ? d.spread->back() : std::nan("");
        const double z = d.zscore && !d.zscore->empty() ? d.zscore->back() : std::nan("");
        const double hedge = d.hedge && !d.hedge->empty() ? d.hedge->back() : std::nan("");
        Members m;
        m.str("y", y).str("x", x).str("interval", intervalName(interval)).str("source", source);
        rangeMembers(m, g);
        m.integer("first_ms", aligned.timeMs.front()).integer("last_ms", aligned.timeMs.back());
        m.num("bars_per_year", options.backtest.barsPerYear);
        m.str("method", hedgeMethodKey(*method))
            .num("hedge_ratio", hedge)
            .num("spread_last", spread)
            .num("z_last", z);
        body.chop(1); // the closing brace
        body += ",\"request\":{" + m.text() + "}}\n";
        return HttpResponse::json(body);
    });
    out.headers.append({QByteArray("X-PairLab-Cache"), QByteArray(hit ? "hit" : "miss")});
    return out;
}

HttpResponse scanRoute(const HttpRequest &r, const ApiContext &c)
{
    Problem p;
    const bool csv = wantsCsv(r, &p);
    const Interval interval = intervalParam(r, &p);
    const QString source = sourceParam(r, &p);
    const Range g = rangeParams(r, &p);
    const int window = intParam(r, u"window", 120, 2, 100000, &p);
    QStringList symbols;
    if (!p) {
        for (const QString &s : r.queryValue(u"symbols").split(QLatin1Char(','), Qt::SkipEmptyParts))
            if (!symbols.contains(s.trimmed().toUpper()))
                symbols << s.trimmed().toUpper();
        if (symbols.isEmpty())
            symbols = QStringList(); // every stored symbol
        else if (symbols.size() < 2)
            p = {400, QStringLiteral("symbols: at least two, comma-separated")};
        else if (symbols.size() > 400)
            p = {400, QStringLiteral("symbols: at most 400")};
    }
    if (p)
        return fail(p);
    QString error;
    std::vector<std::vector<double>> columns;
    qint64 rows = 0;
    p = withDb(c, [&](QSqlDatabase &db) {
        if (symbols.isEmpty()) {
            symbols = BarStore::symbols(db);
            if (symbols.size() > 400)
                return; // refused below, before any bar is read
        }
        std::vector<std::vector<Bar>> bars;
        std::set<qint64> times;
        for (const QString &s : std::as_const(symbols)) {
            bars.push_back(loadRange(db, s, interval, source, g, &error));
            for (const Bar &b : bars.back())
                times.insert(b.openMs);
        }
        const std::vector<qint64> t(times.begin(), times.end());
        rows = qint64(t.size());
        for (const std::vector<Bar> &leg : bars) {
            std::vector<double> col(t.size(), std::nan(""));
            for (const Bar &b : leg)
                col[std::size_t(std::lower_bound(t.begin(), t.end(), b.openMs) - t.begin())] = b.close;
            columns.push_back(std::move(col));
        }
    });
    if (!p && !error.isEmpty())
        p = {503, error};
    if (!p && symbols.size() < 2)
        p = {422, QStringLiteral("fewer than two symbols are stored")};
    if (!p && symbols.size() > 400)
        p = {422,
             QStringLiteral("%1 symbols are stored: name at most 400 with symbols=").arg(symbols.size())};
    if (p)
        return fail(p);
    PairScanOptions options;
    options.window = window;
    const std::vector<PairScanRecord> recs = scanPairs(columns, options);
    HttpResponse out;
    if (csv) {
        out.contentType = "text/csv; charset=utf-8";
        out.body = scanToCsv(symbols, recs);
    } else {
        out.body = scanToJson(symbols, rows, recs, window);
    }
    return out;
}

QByteArray ruleJson(const AlertRule &rule)
{
    QJsonObject o = alertRuleToJson(rule);
    o.insert(QStringLiteral("id"), rule.id);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

HttpResponse alertsRoute(const HttpRequest &, const ApiContext &c)
{
    QList<AlertRule> rules;
    QString error;
    Problem p = withDb(c, [&](QSqlDatabase &db) { rules = AlertStore(db).loadRules(&error); });
    if (!p && !error.isEmpty())
        p = {503, error};
    if (p)
        return fail(p);
    QByteArray o = "{\"count\":";
    appendInt(o, rules.size());
    o += ",\"rules\":[";
    for (qsizetype i = 0; i < rules.size(); ++i)
        o += (i ? ",\n" : "\n") + ruleJson(rules[i]);
    o += rules.isEmpty() ? "]}\n" : "\n]}\n";
    return HttpResponse::json(o);
}

QByteArray valuesJson(const AlertEvent &e)
{
    QByteArray o = "{";
    for (qsizetype i = 0; i < e.values.size(); ++i) {
        o += i ? "," : "";
        appendJsonString(o, e.values[i].first);
        o += ':';
        appendNumber(o, e.values[i].second);
    }
    return o + '}';
}

} // namespace

/** One event as the API and the stream write it. */
QByteArray alertEventJson(const AlertEvent &e)
{
    Members m;
    m.integer("id", e.id).integer("rule_id", e.ruleId).integer("ts_ms", e.timeMs);
    m.str("time_utc", QDateTime::fromMSecsSinceEpoch(e.timeMs, QTimeZone::utc()).toString(Qt::ISODateWithMs));
    m.str("rule", e.ruleName).str("pair", e.pair).str("message", e.message).raw("values", valuesJson(e));
    return '{' + m.text() + '}';
}

namespace {

HttpResponse eventsRoute(const HttpRequest &r, const ApiContext &c)
{
    Problem p;
    const bool csv = wantsCsv(r, &p);
    AlertEventFilter f;
    f.oldestFirst = true;
    if (r.hasQuery(u"since")) {
        bool ok = false;
        f.afterId = r.queryValue(u"since").toLongLong(&ok);
        if (!ok || f.afterId < 0)
            p = {400, QStringLiteral("since: '%1' is not an event id (the last id you have, or 0)")
                          .arg(r.queryValue(u"since"))};
    }
    f.fromMs = timeParam(r, u"from", kMinMs, &p);
    f.toMs = timeParam(r, u"to", kMaxMs, &p);
    if (f.toMs != kMaxMs)
        --f.toMs; // [from, to) as every range of the API; the store's bound is inclusive
    f.limit = intParam(r, u"limit", kApiDefaultRows, 1, kApiMaxRows, &p);
    f.pair = r.queryValue(u"pair");
    if (p)
        return fail(p);
    QList<AlertEvent> events;
    QString error;
    p = withDb(c, [&](QSqlDatabase &db) { events = AlertStore(db).queryEvents(f, &error); });
    if (!p && !error.isEmpty())
        p = {503, error};
    if (p)
        return fail(p);
    TableWriter t(csv, {"id", "rule_id", "ts_ms", "time_utc", "rule", "pair", "message", "values"});
    for (const AlertEvent &e : events) {
        t.beginRow();
        t.integer(e.id);
        t.integer(e.ruleId);
        t.integer(e.timeMs);
        t.str(QDateTime::fromMSecsSinceEpoch(e.timeMs, QTimeZone::utc()).toString(Qt::ISODateWithMs));
        t.str(e.ruleName);
        t.str(e.pair);
        t.str(e.message);
        t.json(valuesJson(e));
        t.endRow();
    }
    Members m;
    m.integer("since", f.afterId);
    if (!events.isEmpty())
        m.integer("last_id", events.back().id);
    return t.finish(m.text(), "events");
}

HttpResponse forbidden()
{
    return HttpResponse::error(403, QStringLiteral("writes are off: start the server with --allow-writes "
                                                   "(in the app: Settings → API → Allow writes)"));
}

HttpResponse createAlert(const HttpRequest &r, const ApiContext &c, ApiEffects *effects)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(r.body, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return HttpResponse::error(
            400,
            QStringLiteral("body: not a JSON object (%1 at offset %2)").arg(pe.errorString()).arg(pe.offset));
    QJsonObject o = doc.object();
    // The workspace shape; enabled, trigger, cooldown_s and min_bars may be left out.
    if (!o.contains(QStringLiteral("enabled")))
        o.insert(QStringLiteral("enabled"), true);
    if (!o.contains(QStringLiteral("trigger")))
        o.insert(QStringLiteral("trigger"), triggerModeKey(AlertTriggerMode::Rising));
    if (!o.contains(QStringLiteral("cooldown_s")))
        o.insert(QStringLiteral("cooldown_s"), 60);
    if (!o.contains(QStringLiteral("min_bars")))
        o.insert(QStringLiteral("min_bars"), 0);
    if (!o.contains(QStringLiteral("pair")))
        o.insert(QStringLiteral("pair"), QStringLiteral("*"));
    AlertRule rule;
    QString error;
    if (!alertRuleFromJson(o, &rule, &error))
        return HttpResponse::error(400, QStringLiteral("body: %1").arg(error));
    const AlertCompileResult compiled = compileAlertExpression(rule.expression);
    if (!compiled.ok)
        return HttpResponse::error(400, compiled.position >= 0
                                            ? QStringLiteral("expression, at character %1: %2")
                                                  .arg(compiled.position + 1)
                                                  .arg(compiled.message)
                                            : QStringLiteral("expression: %1").arg(compiled.message));
    bool saved = false;
    QString dbError;
    const QString name = Database::uniqueConnectionName(QStringLiteral("api-write"));
    {
        QSqlDatabase db = Database::open(c.databasePath, name, &dbError);
        if (db.isValid())
            saved = AlertStore(db).saveRule(rule, &dbError);
    }
    Database::close(name);
    if (!saved)
        return HttpResponse::error(503, QStringLiteral("the rule was not stored: %1").arg(dbError));
    effects->alertRulesChanged = true;
    return HttpResponse::json(ruleJson(rule) + '\n', 201);
}

HttpResponse deleteAlert(qint64 id, const ApiContext &c, ApiEffects *effects)
{
    const QString name = Database::uniqueConnectionName(QStringLiteral("api-write"));
    QString error;
    bool found = false, deleted = false;
    {
        QSqlDatabase db = Database::open(c.databasePath, name, &error);
        if (db.isValid()) {
            AlertStore store(db);
            for (const AlertRule &rule : store.loadRules(&error))
                found = found || rule.id == id;
            deleted = found && store.deleteRule(id, &error);
        }
    }
    Database::close(name);
    if (!error.isEmpty())
        return HttpResponse::error(503, QStringLiteral("the rule was not deleted: %1").arg(error));
    if (!found)
        return HttpResponse::error(404, QStringLiteral("no alert rule %1").arg(id));
    effects->alertRulesChanged = deleted;
    HttpResponse out;
    out.status = 204;
    return out;
}

QJsonObject problemJson(const ImportProblem &p, const QString &fileName)
{
    QJsonObject o;
    o.insert(QStringLiteral("severity"), p.severity == ImportProblem::Severity::Error
                                             ? QStringLiteral("error")
                                             : QStringLiteral("warning"));
    o.insert(QStringLiteral("file"), fileName);
    o.insert(QStringLiteral("line"), p.line);
    o.insert(QStringLiteral("field"), p.field);
    o.insert(QStringLiteral("message"), p.message);
    if (p.otherLine)
        o.insert(QStringLiteral("other_line"), p.otherLine);
    ImportProblem named = p;
    named.file = fileName;
    o.insert(QStringLiteral("text"), named.toString());
    return o;
}

HttpResponse importRoute(const HttpRequest &r, const ApiContext &c)
{
    static const QRegularExpression safeName(QStringLiteral("^[A-Za-z0-9._-]{1,100}$"));
    const QString fileName = r.queryValue(u"filename", QStringLiteral("upload.csv"));
    if (!safeName.match(fileName).hasMatch() || fileName.startsWith(QLatin1Char('.')))
        return HttpResponse::error(400,
                                   QStringLiteral("filename: '%1' is not a plain file name").arg(fileName));
    if (r.body.isEmpty())
        return HttpResponse::error(400, QStringLiteral("body: empty (send the CSV as the request body)"));
    QTemporaryDir dir;
    if (!dir.isValid())
        return HttpResponse::error(503, QStringLiteral("no temporary folder: %1").arg(dir.errorString()));
    const QString path = dir.filePath(fileName);
    {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(r.body) != r.body.size())
            return HttpResponse::error(503,
                                       QStringLiteral("cannot buffer the upload: %1").arg(f.errorString()));
    }
    ImportOptions options;
    options.format = r.queryValue(u"import_format", QStringLiteral("auto"));
    options.symbol = r.queryValue(u"symbol").trimmed().toUpper();
    options.dataset = r.queryValue(u"dataset");
    Problem p;
    if (r.hasQuery(u"interval_seconds"))
        options.intervalSeconds = intParam(r, u"interval_seconds", 60, 1, 366 * 86400, &p);
    if (p)
        return fail(p);
    const ImportResult res = importCsv(path, c.databasePath, options);
    QJsonObject o;
    QJsonArray problems;
    for (const ImportProblem &pr : res.problems)
        problems.append(problemJson(pr, fileName));
    o.insert(QStringLiteral("problems"), problems);
    if (!res.ok) {
        o.insert(QStringLiteral("error"), problemJson(res.error, fileName).value(QStringLiteral("text")));
        o.insert(QStringLiteral("status"), 400);
        o.insert(QStringLiteral("first"), problemJson(res.error, fileName));
        o.insert(QStringLiteral("stored"), 0);
        return HttpResponse::json(QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n', 400);
    }
    o.insert(QStringLiteral("dataset"), res.dataset);
    o.insert(QStringLiteral("source"), BarStore::sourceForDataset(res.dataset));
    o.insert(QStringLiteral("format"), res.format);
    o.insert(QStringLiteral("rows"), res.rows);
    o.insert(QStringLiteral("bars"), res.bars);
    o.insert(QStringLiteral("ticks"), res.ticks);
    o.insert(QStringLiteral("ticks_stored"), res.ticksStored);
    o.insert(QStringLiteral("interval_seconds"), res.intervalSeconds);
    QJsonObject per;
    for (auto it = res.barsPerSymbol.begin(); it != res.barsPerSymbol.end(); ++it)
        per.insert(it.key(), it.value());
    o.insert(QStringLiteral("bars_per_symbol"), per);
    return HttpResponse::json(QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n', 201);
}

HttpResponse backtestRoute(const HttpRequest &r, const ApiContext &c)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(r.body, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return HttpResponse::error(
            400,
            QStringLiteral("body: not a JSON object (%1 at offset %2)").arg(pe.errorString()).arg(pe.offset));
    const QJsonObject o = doc.object();
    // The pair and its bars are named like /v1/pair's query; the run's settings are a BacktestConfig.
    HttpRequest q;
    for (const char *k : {"y", "x", "interval", "source", "from", "to", "limit"}) {
        const QJsonValue v = o.value(QLatin1String(k));
        if (v.isString())
            q.query.append({QLatin1String(k), v.toString()});
        else if (v.isDouble())
            q.query.append({QLatin1String(k), QString::number(qint64(v.toDouble()))});
        else if (!v.isUndefined())
            return HttpResponse::error(
                400, QStringLiteral("body: %1 must be a string or a number").arg(QLatin1String(k)));
    }
    Problem p;
    const QString y = symbolParam(q, u"y", &p);
    const QString x = symbolParam(q, u"x", &p);
    const Interval interval = intervalParam(q, &p);
    const QString source = sourceParam(q, &p);
    Range g = rangeParams(q, &p);
    if (!o.contains(QStringLiteral("limit")))
        g.limit = kApiMaxRows;
    if (p)
        return fail(p);
    QJsonObject cfgJson = o.value(QStringLiteral("config")).toObject();
    if (!o.value(QStringLiteral("config")).isUndefined() && !o.value(QStringLiteral("config")).isObject())
        return HttpResponse::error(400, QStringLiteral("body: config must be an object"));
    if (!cfgJson.contains(QStringLiteral("bars_per_year")))
        cfgJson.insert(QStringLiteral("bars_per_year"), 365.0 * 24 * 3600 / intervalSeconds(interval));
    const BacktestConfig config = BacktestConfig::fromJson(cfgJson);
    if (config.fill == FillModel::Quotes || config.funding)
        return HttpResponse::error(400,
                                   QStringLiteral("config: quote fills and funding need the app's market "
                                                  "data; the API runs fills at the closes without funding"));
    const QString invalid = validateBacktestConfig(config);
    if (!invalid.isEmpty())
        return HttpResponse::error(400, QStringLiteral("config: %1").arg(invalid));
    AlignedPair pair;
    p = loadPair(q, c, y, x, interval, source, g, &pair);
    if (p)
        return fail(p);
    const BacktestRun run = backtestPair(prepareBacktest(pair, config), config);
    if (!run.ok())
        return HttpResponse::error(
            422, QStringLiteral("%1 ~ %2 (%3 aligned bars): %4").arg(y, x).arg(pair.size()).arg(run.error));
    QJsonObject out;
    out.insert(QStringLiteral("y"), y);
    out.insert(QStringLiteral("x"), x);
    out.insert(QStringLiteral("interval"), intervalName(interval));
    out.insert(QStringLiteral("source"), source);
    out.insert(QStringLiteral("bars"), int(pair.size()));
    if (!pair.timeMs.empty()) {
        out.insert(QStringLiteral("first_ms"), pair.timeMs.front());
        out.insert(QStringLiteral("last_ms"), pair.timeMs.back());
    }
    out.insert(QStringLiteral("config"), config.toJson());
    out.insert(QStringLiteral("summary"), run.summary.toJson());
    return HttpResponse::json(QJsonDocument(out).toJson(QJsonDocument::Compact) + '\n');
}

HttpResponse methodNotAllowed(const char *allow)
{
    HttpResponse r =
        HttpResponse::error(405, QStringLiteral("method not allowed; use %1").arg(QLatin1String(allow)));
    r.headers.append({QByteArray("Allow"), QByteArray(allow)});
    return r;
}

} // namespace

HttpResponse handleApiRequest(const HttpRequest &r, const ApiContext &c, ApiEffects *effects)
{
    ApiEffects ignored;
    if (!effects)
        effects = &ignored;
    const QByteArray &path = r.path;
    const bool get = r.method == "GET" || r.method == "HEAD";
    struct Read
    {
        const char *path;
        HttpResponse (*handler)(const HttpRequest &, const ApiContext &);
    };
    static const Read reads[] = {
        {"/v1/symbols", &symbolsRoute},      {"/v1/bars", &barsRoute}, {"/v1/ticks", &ticksRoute},
        {"/v1/quotes", &quotesRoute},        {"/v1/pair", &pairRoute}, {"/v1/scan", &scanRoute},
        {"/v1/alerts/events", &eventsRoute},
    };
    for (const Read &route : reads)
        if (path == route.path)
            return get ? route.handler(r, c) : methodNotAllowed("GET");
    if (path == "/v1/health")
        return get ? health(c) : methodNotAllowed("GET");
    if (path == "/v1/openapi.json")
        return get ? HttpResponse::json(apiOpenApiDocument()) : methodNotAllowed("GET");
    if (path == "/v1/alerts") {
        if (get)
            return alertsRoute(r, c);
        if (r.method != "POST")
            return methodNotAllowed("GET, POST");
        return c.allowWrites ? createAlert(r, c, effects) : forbidden();
    }
    if (path.startsWith("/v1/alerts/")) {
        bool ok = false;
        const qint64 id = path.mid(11).toLongLong(&ok);
        if (!ok || id <= 0)
            return HttpResponse::error(404,
                                       QStringLiteral("no such resource: %1").arg(QString::fromUtf8(path)));
        if (r.method != "DELETE")
            return methodNotAllowed("DELETE");
        return c.allowWrites ? deleteAlert(id, c, effects) : forbidden();
    }
    if (path == "/v1/import") {
        if (r.method != "POST")
            return methodNotAllowed("POST");
        return c.allowWrites ? importRoute(r, c) : forbidden();
    }
    if (path == "/v1/backtest") {
        if (r.method != "POST")
            return methodNotAllowed("POST");
        return c.allowWrites ? backtestRoute(r, c) : forbidden();
    }
    if (path == "/v1/stream")
        return HttpResponse::error(400, QStringLiteral("/v1/stream is a WebSocket: send an Upgrade request"));
    return HttpResponse::error(
        404, QStringLiteral("no such resource: %1 (see /v1/openapi.json)").arg(QString::fromUtf8(path)));
}

} // namespace pairlab
