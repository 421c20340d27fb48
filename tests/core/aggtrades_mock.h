#pragma once

#include "market/tick.h"
#include "mock_binance_rest.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <map>
#include <vector>

namespace pairlab::test {

/** GET /fapi/v1/aggTrades of MockBinanceRest, serving aggregate trades built from real trades: one per trade
 *  (a distinct numbering from the trade ids) or aggregated as Binance does (consecutive trades of one time,
 *  price and side). Answers fromId and startTime/endTime with limit. */
class MockAggTrades : public MockBinanceRest
{
public:
    struct Agg
    {
        qint64 a, f, l, T;
        double price;
        qint64 qtyUnits; ///< 1e-8
        bool m;
    };

    static constexpr qint64 AggIdOffset = 1000000; ///< aggregate ids differ from the trade ids

    explicit MockAggTrades(const std::vector<Tick> &trades, bool aggregate, QObject *parent = nullptr)
        : MockBinanceRest(parent)
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
    }

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

protected:
    QByteArray page(const Request &r) const override
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

    QByteArray malformed() const override { return R"([{"a":1,"p":"6)"; }
    int weight(const Request &) const override { return 20; }

private:
    std::map<QString, std::vector<Agg>> m_aggs;
};

} // namespace pairlab::test
