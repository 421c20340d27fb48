#pragma once

#include "market/tick.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>
#include <cmath>
#include <map>
#include <vector>

namespace pairlab::test {

/** A local stand-in for Binance's GET /fapi/v1/aggTrades on http://127.0.0.1:<port> (HTTP/1.1, keep-alive),
 *  serving aggregate trades built from real trades: one per trade (a distinct numbering from the trade
 *  ids) or aggregated as Binance does (consecutive trades of one time, price and side). Answers fromId and
 *  startTime/endTime with limit, counts the requests, and plays a script of faults, one per request:
 *  429 with Retry-After, 418, malformed JSON, a slow answer, an empty page, a 500. Test thread only. */
class MockAggTrades : public QObject
{
public:
    enum class Fault { None, TooMany, Banned, Malformed, Slow, Empty, ServerError };
    struct Step
    {
        Fault fault = Fault::None;
        int value = 0; ///< Retry-After seconds, or the delay of a slow answer in ms
    };
    struct Request
    {
        QString symbol;
        qint64 fromId = -1, startTime = -1, endTime = -1;
        int limit = 500;
        qint64 receivedMs = 0; ///< on the mock's clock
        qint64 answeredMs = 0;
        int status = 200;
    };
    struct Agg
    {
        qint64 a, f, l, T;
        double price;
        qint64 qtyUnits; ///< 1e-8
        bool m;
    };

    static constexpr qint64 AggIdOffset = 1000000; ///< aggregate ids differ from the trade ids

    explicit MockAggTrades(const std::vector<Tick> &trades, bool aggregate, QObject *parent = nullptr)
        : QObject(parent)
    {
        QHash<QString, qint64> nextA;
        for (const Tick &t : trades) {
            const QString s = t.symbol.toString();
            std::vector<Agg> &list = m_aggs[s];
            const qint64 units = std::llround(t.qty * 1e8);
            if (aggregate && !list.empty() && list.back().l + 1 == t.tradeId && list.back().T == t.tsMs &&
                list.back().price == t.price && list.back().m == t.buyerMaker) {
                list.back().l = t.tradeId;
                list.back().qtyUnits += units;
                continue;
            }
            if (!nextA.contains(s))
                nextA.insert(s, AggIdOffset + (s == QLatin1String("ETHUSDT") ? 500000 : 0));
            const qint64 a = nextA[s]++;
            list.push_back({a, t.tradeId, t.tradeId, t.tsMs, t.price, units, t.buyerMaker});
        }
        m_clock.start();
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

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }
    void setScript(QList<Step> steps) { m_script = std::move(steps); }
    void setUsedWeightHeader(bool on) { m_weightHeader = on; }
    const QList<Request> &requests() const { return m_requests; }
    const std::vector<Agg> &aggs(const QString &symbol) const { return m_aggs.find(symbol)->second; }

    /** The aggregate trades of symbol as ticks of the aggTrade stream (tradeId = a). */
    std::vector<Tick> aggTicks(const QString &symbol) const
    {
        std::vector<Tick> out;
        for (const Agg &g : aggs(symbol)) {
            Tick t;
            t.symbol = SymbolCode::fromString(symbol);
            t.tradeId = g.a;
            t.tsMs = g.T;
            t.price = g.price;
            t.qty = qtyOf(g);
            t.buyerMaker = g.m;
            out.push_back(t);
        }
        return out;
    }
    static QByteArray qtyText(const Agg &g)
    {
        return QByteArray::number(g.qtyUnits / 100000000) + '.' +
               QByteArray::number(g.qtyUnits % 100000000).rightJustified(8, '0');
    }
    static double qtyOf(const Agg &g) { return qtyText(g).toDouble(); }

private:
    void onRead(QTcpSocket *s)
    {
        QByteArray &buf = m_buffers[s];
        buf += s->readAll();
        for (int guard = 0; guard < 16; ++guard) {
            const qsizetype end = buf.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QByteArray head = buf.left(end);
            buf.remove(0, end + 4);
            const QList<QByteArray> line = head.left(head.indexOf("\r\n")).split(' ');
            Request r;
            r.receivedMs = m_clock.elapsed();
            const QUrl u(QString::fromLatin1(line.value(1)));
            const QUrlQuery q(u);
            r.symbol = q.queryItemValue(QStringLiteral("symbol"));
            auto num = [&](const char *k, qint64 def) {
                const QString v = q.queryItemValue(QString::fromLatin1(k));
                return v.isEmpty() ? def : v.toLongLong();
            };
            r.fromId = num("fromId", -1);
            r.startTime = num("startTime", -1);
            r.endTime = num("endTime", -1);
            r.limit = int(num("limit", 500));
            const Step step = m_script.isEmpty() ? Step{} : m_script.takeFirst();
            m_requests << r;
            const int index = int(m_requests.size()) - 1;
            if (step.fault == Fault::Slow) {
                QPointer<QTcpSocket> guarded(s);
                QTimer::singleShot(step.value, this, [this, guarded, index] {
                    if (guarded && guarded->state() == QAbstractSocket::ConnectedState)
                        answer(guarded, index, Step{});
                });
            } else {
                answer(s, index, step);
            }
        }
    }

    QByteArray page(const Request &r) const
    {
        QByteArray body = "[";
        const auto it = m_aggs.find(r.symbol);
        int n = 0;
        if (it != m_aggs.end()) {
            for (const Agg &g : it->second) {
                if (r.fromId >= 0
                        ? g.a < r.fromId
                        : (r.startTime >= 0 && g.T < r.startTime) || (r.endTime >= 0 && g.T > r.endTime))
                    continue;
                if (n == r.limit)
                    break;
                if (n++)
                    body += ',';
                body += "{\"a\":" + QByteArray::number(g.a) + ",\"p\":\"" +
                        QByteArray::number(g.price, 'g', 17) + "\",\"q\":\"" + qtyText(g) +
                        "\",\"f\":" + QByteArray::number(g.f) + ",\"l\":" + QByteArray::number(g.l) +
                        ",\"T\":" + QByteArray::number(g.T) + ",\"m\":" + (g.m ? "true" : "false") + '}';
            }
        }
        return body + ']';
    }

    void answer(QTcpSocket *s, int index, const Step &step)
    {
        Request &r = m_requests[index];
        QByteArray status = "200 OK", body, extra;
        switch (step.fault) {
        case Fault::TooMany:
            status = "429 Too Many Requests";
            body = R"({"code":-1003,"msg":"Too many requests."})";
            extra = "Retry-After: " + QByteArray::number(step.value) + "\r\n";
            break;
        case Fault::Banned:
            status = "418 I'm a teapot";
            body = R"({"code":-1003,"msg":"Way too many requests; IP banned."})";
            extra = "Retry-After: " + QByteArray::number(step.value) + "\r\n";
            break;
        case Fault::Malformed:
            body = R"([{"a":1,"p":"6)";
            break;
        case Fault::Empty:
            body = "[]";
            break;
        case Fault::ServerError:
            status = "500 Internal Server Error";
            body = R"({"code":-1000,"msg":"An unknown error occurred."})";
            break;
        case Fault::None:
        case Fault::Slow:
            body = page(r);
            break;
        }
        r.status = status.left(3).toInt();
        if (m_weightHeader)
            extra += "X-MBX-USED-WEIGHT-1m: " + QByteArray::number(20 * m_requests.size()) + "\r\n";
        s->write("HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nContent-Length: " +
                 QByteArray::number(body.size()) + "\r\n" + extra + "\r\n" + body);
        r.answeredMs = m_clock.elapsed();
    }

    QTcpServer m_server;
    QElapsedTimer m_clock;
    std::map<QString, std::vector<Agg>> m_aggs;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<Step> m_script;
    QList<Request> m_requests;
    bool m_weightHeader = true;
};

} // namespace pairlab::test
