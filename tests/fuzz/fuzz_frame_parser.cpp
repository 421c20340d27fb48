#include "market/binance_trade_parser.h"

#include "fuzz_util.h"

#include <cmath>
#include <cstdint>
#include <string_view>

using namespace pairlab;

/* One recorded line or WebSocket frame, as Recording::parse and the live feed see it: the recorder prefix is
 * stripped, then the frame is parsed twice, with and without the canonical fast path.
 * Invariants: the prefix stripper returns a tail of its input; both paths agree on the kind, the tick and the
 * stream name (the header promises identical results); a trade has a symbol, a positive finite price, a
 * finite quantity >= 0, a positive time and a trade id >= 0. */

namespace {

bool sameTick(const Tick &a, const Tick &b)
{
    return a.symbol == b.symbol && a.tradeId == b.tradeId && a.tsMs == b.tsMs && a.price == b.price &&
           a.qty == b.qty && a.buyerMaker == b.buyerMaker;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static BinanceTradeParser fast;
    static BinanceTradeParser slow;
    slow.setCanonicalFastPath(false);
    const std::string_view line(reinterpret_cast<const char *>(data), size);
    std::int64_t prefixMs = 0;
    const std::string_view json = BinanceTradeParser::stripRecordingPrefix(line, &prefixMs);
    PAIRLAB_FUZZ_CHECK(json.data() >= line.data() && json.data() + json.size() == line.data() + line.size(),
                       "stripRecordingPrefix returns a tail of the line");
    PAIRLAB_FUZZ_CHECK(BinanceTradeParser::stripRecordingPrefix(line).data() == json.data(),
                       "stripRecordingPrefix does not depend on prefixMs");

    Tick a, b;
    const FrameKind ka = fast.parse(json, a);
    const FrameKind kb = slow.parse(json, b);
    PAIRLAB_FUZZ_CHECK(ka == kb, "fast path and simdjson agree on the frame kind");
    if (ka == FrameKind::Trade) {
        PAIRLAB_FUZZ_CHECK(sameTick(a, b), "fast path and simdjson give the same tick");
        PAIRLAB_FUZZ_CHECK(fast.stream() == slow.stream(), "fast path and simdjson give the same stream");
        PAIRLAB_FUZZ_CHECK(!a.symbol.isEmpty(), "a trade has a symbol");
        PAIRLAB_FUZZ_CHECK(std::isfinite(a.price) && a.price > 0, "a trade has a positive finite price");
        PAIRLAB_FUZZ_CHECK(std::isfinite(a.qty) && a.qty >= 0, "a trade has a finite quantity >= 0");
        PAIRLAB_FUZZ_CHECK(a.tsMs > 0 && a.tradeId >= 0, "a trade has a positive time and a trade id >= 0");
    }
    if (ka == FrameKind::Malformed)
        PAIRLAB_FUZZ_CHECK(!fast.message().empty() && !slow.message().empty(), "a malformed frame says why");
    return 0;
}
