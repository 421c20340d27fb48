#include "market/kline_server.h"

#include "io/number_format.h"
#include "storage/bar_store.h"

#include <QDateTime>
#include <QFile>
#include <QTcpSocket>
#include <QUrlQuery>

#include <algorithm>
#include <cmath>
#include <limits>

namespace pairlab {

std::vector<Bar> aggregateMinutes(const std::vector<Bar> &minutes, int seconds)
{
    const qint64 step = qint64(seconds) * 1000;
    std::vector<Bar> out;
    for (const Bar &m : minutes) {
        const qint64 open = m.openMs / step * step;
        if (out.empty() || out.back().openMs != open) {
            Bar b = m;
            b.openMs = open;
            out.push_back(b);
            continue;
        }
        Bar &b = out.back();
        b.high = std::max(b.high, m.high);
        b.low = std::min(b.low, m.low);
        b.close = m.close;
        b.volume += m.volume;
        b.trades += m.trades;
    }
    return out;
}

QByteArray klinesPage(const std::vector<Bar> &bars, int intervalSeconds, qint64 startMs, qint64 endMs,
                      int limit)
{
    const auto first = std::lower_bound(bars.begin(), bars.end(), startMs,
                                        [](const Bar &b, qint64 t) { return b.openMs < t; });
    QByteArray body = "[";
    body.reserve(qsizetype(std::max(limit, 0)) * 160 + 2);
    int n = 0;
    auto num = [&body](double v) {
        body += '"';
        body += QByteArray::number(v, 'g', 17);
        body += '"';
    };
    for (auto it = first; it != bars.end() && n < limit && it->openMs <= endMs; ++it, ++n) {
        if (n)
            body += ',';
        body += '[';
        body += QByteArray::number(it->openMs);
        for (double v : {it->open, it->high, it->low, it->close, it->volume}) {
            body += ',';
            num(v);
        }
        body += ',';
        body += QByteArray::number(it->openMs + qint64(intervalSeconds) * 1000 - 1);
        body += ",\"0\",";
        body += QByteArray::number(it->trades);
        body += ",\"0\",\"0\",\"0\"]";
    }
    return body + ']';
}

KlineServer::KlineServer(QObject *parent) : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *s = m_server.nextPendingConnection()) {
            s->setParent(this);
            connect(s, &QTcpSocket::readyRead, this, [this, s] { onRead(s); });
            connect(s, &QTcpSocket::disconnected, this, [this, s] {
                m_buffers.remove(s);
                s->deleteLater();
            });
        }
    });
}

void KlineServer::addSymbol(const QString &symbol, const std::vector<Bar> &minutes)
{
    m_bars[{symbol, 60}] = minutes;
    for (const int seconds : {300, 900, 3600})
        m_bars[{symbol, seconds}] = aggregateMinutes(minutes, seconds);
}

bool KlineServer::listen(QString *error)
{
    if (m_server.listen(QHostAddress::LocalHost, 0))
        return true;
    if (error)
        *error = m_server.errorString();
    return false;
}

QUrl KlineServer::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
}

void KlineServer::onRead(QTcpSocket *socket)
{
    QByteArray &buf = m_buffers[socket];
    buf += socket->readAll();
    for (qsizetype end; (end = buf.indexOf("\r\n\r\n")) >= 0;) {
        const QByteArray line = buf.left(buf.indexOf("\r\n"));
        buf.remove(0, end + 4);
        QByteArray status = "200 OK";
        const QByteArray body = answer(line.split(' ').value(1), &status);
        socket->write("HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nContent-Length: " +
                      QByteArray::number(body.size()) + "\r\n\r\n" + body);
    }
}

QByteArray fundingRatesPage(const QString &symbol, const std::vector<FundingEvent> &events, qint64 startMs,
                            qint64 endMs, int limit)
{
    const QByteArray name = symbol.toLatin1();
    QByteArray o = "[";
    int n = 0;
    for (const FundingEvent &e : events) {
        if (e.timeMs < startMs || e.timeMs > endMs)
            continue;
        if (n++ >= limit)
            break;
        o += n > 1 ? R"(,{"symbol":")" : R"({"symbol":")";
        o += name + R"(","fundingTime":)";
        appendInt(o, e.timeMs);
        o += R"(,"fundingRate":")";
        appendDouble(o, e.rate);
        o += R"(","markPrice":")";
        if (std::isfinite(e.markPrice))
            appendDouble(o, e.markPrice);
        o += R"("})";
    }
    return o + "]";
}

void KlineServer::addFunding(const QString &symbol, const std::vector<FundingEvent> &events)
{
    m_funding[symbol] = events;
}

QByteArray KlineServer::answer(const QByteArray &target, QByteArray *status) const
{
    const QUrl url(QString::fromLatin1(target));
    if (url.path().endsWith(QLatin1String("/fapi/v1/fundingRate"))) {
        const QUrlQuery q(url);
        const auto it = m_funding.find(q.queryItemValue(QStringLiteral("symbol")));
        if (it == m_funding.end()) {
            *status = "400 Bad Request";
            return R"({"code":-1121,"msg":"Invalid symbol."})";
        }
        bool ok = false;
        const qint64 start = q.queryItemValue(QStringLiteral("startTime")).toLongLong(&ok);
        const qint64 endTime = q.queryItemValue(QStringLiteral("endTime")).toLongLong();
        const int limit = std::clamp(q.queryItemValue(QStringLiteral("limit")).toInt(), 1, 1000);
        return fundingRatesPage(it->first, it->second, ok ? start : 0,
                                endTime > 0 ? endTime : std::numeric_limits<qint64>::max(), limit);
    }
    if (url.path().endsWith(QLatin1String("/fapi/v1/exchangeInfo")))
        return exchangeInfo();
    if (url.path().endsWith(QLatin1String("/fapi/v1/ticker/24hr")))
        return tickers();
    if (!url.path().endsWith(QLatin1String("/fapi/v1/klines"))) {
        *status = "404 Not Found";
        return R"({"code":-1,"msg":"Only GET /fapi/v1/klines, fundingRate, exchangeInfo and ticker/24hr are served here."})";
    }
    const QUrlQuery q(url);
    const QString symbol = q.queryItemValue(QStringLiteral("symbol"));
    const QString interval = q.queryItemValue(QStringLiteral("interval"));
    int seconds = 0;
    for (const int s : {60, 300, 900, 3600})
        if (BarStore::intervalLabel(s) == interval)
            seconds = s;
    const auto it = m_bars.find({symbol, seconds});
    if (it == m_bars.end()) {
        *status = "400 Bad Request";
        return seconds ? R"({"code":-1121,"msg":"Invalid symbol."})"
                       : R"({"code":-1120,"msg":"Invalid interval."})";
    }
    bool ok = false;
    const qint64 start = q.queryItemValue(QStringLiteral("startTime")).toLongLong(&ok);
    const qint64 endTime = q.queryItemValue(QStringLiteral("endTime")).toLongLong();
    const int limit = std::clamp(q.queryItemValue(QStringLiteral("limit")).toInt(), 1, 1500);
    return klinesPage(it->second, seconds, ok ? start : 0,
                      endTime > 0 ? endTime : std::numeric_limits<qint64>::max(), limit);
}

namespace {

/** The coarsest power of ten that every value is a whole multiple of (at most 1e-8). */
QByteArray gridOf(const std::vector<double> &values)
{
    int decimals = 0;
    for (const double v : values)
        while (decimals < 8 &&
               std::fabs(v * std::pow(10.0, decimals) - std::round(v * std::pow(10.0, decimals))) >
                   1e-6 * std::max(1.0, std::fabs(v) * std::pow(10.0, decimals - 12)))
            ++decimals;
    return decimals == 0 ? QByteArray("1") : "0." + QByteArray(decimals - 1, '0') + '1';
}

} // namespace

QByteArray KlineServer::exchangeInfo() const
{
    QByteArray o = R"({"timezone":"UTC","serverTime":)" +
                   QByteArray::number(QDateTime::currentMSecsSinceEpoch()) + R"(,"symbols":[)";
    bool first = true;
    for (const auto &[key, bars] : m_bars) {
        if (key.second != 60 || bars.empty())
            continue;
        std::vector<double> closes, volumes;
        for (const Bar &b : bars) {
            closes.push_back(b.close);
            volumes.push_back(b.volume);
        }
        const QByteArray symbol = key.first.toLatin1();
        const QByteArray base = symbol.endsWith("USDT") ? symbol.left(symbol.size() - 4) : symbol;
        o += first ? "" : ",";
        first = false;
        o +=
            R"({"symbol":")" + symbol + R"(","pair":")" + symbol +
            R"(","contractType":"PERPETUAL","deliveryDate":4133404800000,"onboardDate":)" +
            QByteArray::number(bars.front().openMs) + R"(,"status":"TRADING","baseAsset":")" + base +
            R"(","quoteAsset":"USDT","marginAsset":"USDT","filters":[{"filterType":"PRICE_FILTER","tickSize":")" +
            gridOf(closes) +
            R"(","minPrice":"0.01","maxPrice":"1000000"},{"filterType":"LOT_SIZE","stepSize":")" +
            gridOf(volumes) + R"(","minQty":"0.001","maxQty":"1000"}]})";
    }
    return o + "]}";
}

QByteArray KlineServer::tickers() const
{
    QByteArray o = "[";
    bool first = true;
    for (const auto &[key, bars] : m_bars) {
        if (key.second != 60 || bars.empty())
            continue;
        // The 24 h quote volume of the newest 1,440 minutes the server has.
        double quote = 0;
        for (std::size_t i = bars.size() > 1440 ? bars.size() - 1440 : 0; i < bars.size(); ++i)
            quote += bars[i].close * bars[i].volume;
        o += first ? "" : ",";
        first = false;
        o += R"({"symbol":")" + key.first.toLatin1() + R"(","lastPrice":")" +
             QByteArray::number(bars.back().close, 'g', 17) + R"(","quoteVolume":")" +
             QByteArray::number(quote, 'f', 2) + R"("})";
    }
    return o + "]";
}

bool loadDemoHistory(qint64 endMs, const QHash<QString, double> &priceAt, KlineServer *server, QString *error)
{
    for (const QString &symbol : {QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")}) {
        QFile f(QStringLiteral(":/pairlab/demo/history/%1-1m.csv").arg(symbol));
        if (!f.open(QIODevice::ReadOnly)) {
            if (error)
                *error = f.errorString();
            return false;
        }
        std::vector<Bar> bars;
        f.readLine(); // open_time_ms,open,high,low,close,volume
        while (!f.atEnd()) {
            const QList<QByteArray> c = f.readLine().trimmed().split(',');
            if (c.size() < 6)
                continue;
            Bar b;
            b.openMs = c[0].toLongLong();
            b.open = c[1].toDouble();
            b.high = c[2].toDouble();
            b.low = c[3].toDouble();
            b.close = c[4].toDouble();
            b.volume = c[5].toDouble();
            bars.push_back(b);
        }
        if (bars.empty())
            continue;
        const qint64 shift = endMs / 60000 * 60000 - (bars.back().openMs + 60000);
        const double scale = priceAt.value(symbol, 0) > 0 ? priceAt.value(symbol) / bars.back().close : 1.0;
        for (Bar &b : bars) {
            b.openMs += shift;
            b.open *= scale;
            b.high *= scale;
            b.low *= scale;
            b.close *= scale;
        }
        server->addSymbol(symbol, bars);
        // Funding of the same week: moved by whole 8 h periods (funding stays at 00/08/16 UTC), marks scaled.
        QFile ff(QStringLiteral(":/pairlab/demo/history/%1-funding.csv").arg(symbol));
        if (!ff.open(QIODevice::ReadOnly))
            continue;
        constexpr qint64 Period = qint64(8) * 3600 * 1000;
        const qint64 fundingShift = (shift + Period / 2) / Period * Period;
        std::vector<FundingEvent> events;
        ff.readLine(); // funding_time_ms,funding_rate,mark_price
        while (!ff.atEnd()) {
            const QList<QByteArray> c = ff.readLine().trimmed().split(',');
            if (c.size() < 3)
                continue;
            FundingEvent e;
            e.timeMs = c[0].toLongLong() + fundingShift;
            e.rate = c[1].toDouble();
            if (!c[2].isEmpty())
                e.markPrice = c[2].toDouble() * scale;
            events.push_back(e);
        }
        server->addFunding(symbol, events);
    }
    return true;
}

} // namespace pairlab
