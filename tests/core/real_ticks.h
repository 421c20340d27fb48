#pragma once

#include "market/binance_trade_parser.h"
#include "test_util.h"

#include <QFile>

#include <vector>

namespace pairlab::test {

/** Every trade of a real recording in file order (fails the calling test on a bad file). */
inline std::vector<Tick> loadRealTicks(const QString &relative)
{
    std::vector<Tick> out;
    QFile f(sharedData(relative));
    if (!f.open(QIODevice::ReadOnly))
        return out;
    BinanceTradeParser p;
    while (!f.atEnd()) {
        const QByteArray line = f.readLine().trimmed();
        Tick t;
        const std::string_view json = BinanceTradeParser::stripRecordingPrefix({line.constData(), std::size_t(line.size())});
        if (p.parse(json, t) == FrameKind::Trade)
            out.push_back(t);
    }
    return out;
}

inline const char *CombinedRecording = "real/binance_ws/binance_usdm_btc_eth_trade_combined_20240808_2358-0000.jsonl";

} // namespace pairlab::test
