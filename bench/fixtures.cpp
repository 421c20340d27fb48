#include "bench/fixtures.h"

#include "io/number_format.h"

#include "market/binance_trade_parser.h"
#include "market/recording.h"

#include <QCoreApplication>

namespace pairlab::bench {

QByteArray tradeFrame(const Tick &t)
{
    const QByteArray stream = t.symbol.toStreamName().toLatin1() + "@trade";
    QByteArray f;
    f.reserve(200);
    f += "{\"stream\":\"" + stream + "\",\"data\":{\"e\":\"trade\",\"E\":";
    appendInt(f, t.tsMs);
    f += ",\"T\":";
    appendInt(f, t.tsMs);
    f += ",\"s\":\"" + t.symbol.toString().toLatin1() + "\",\"t\":";
    appendInt(f, t.tradeId);
    f += ",\"p\":\"";
    appendDouble(f, t.price);
    f += "\",\"q\":\"";
    appendDouble(f, t.qty);
    f += t.buyerMaker ? "\",\"X\":\"MARKET\",\"m\":true}}" : "\",\"X\":\"MARKET\",\"m\":false}}";
    return f;
}

bool RepeatedTrades::load(QString *error)
{
    Recording demo;
    if (!Recording::load(demoRecordingPath(), &demo, error))
        return false;
    BinanceTradeParser parser;
    m_base.clear();
    for (const RecordedFrame &f : demo.frames) {
        Tick t;
        if (parser.parse({f.json.constData(), std::size_t(f.json.size())}, t) == FrameKind::Trade)
            m_base.push_back(t);
    }
    if (m_base.empty()) {
        *error = QCoreApplication::translate("cli", "the demo recording has no trades");
        return false;
    }
    m_timeShift = m_base.back().tsMs - m_base.front().tsMs + 1000;
    return true;
}

std::vector<Tick> RepeatedTrades::first(std::int64_t n) const
{
    std::vector<Tick> out;
    out.reserve(std::size_t(n));
    for (std::int64_t k = 0; k < n; ++k)
        out.push_back(at(k));
    return out;
}

} // namespace pairlab::bench
