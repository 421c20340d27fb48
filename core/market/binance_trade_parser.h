#pragma once

#include "market/quote.h"
#include "market/tick.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace pairlab {

/** What one WebSocket frame turned out to be. */
enum class FrameKind {
    Trade,             ///< a `trade` or `aggTrade` event; the tick is filled in
    Quote,             ///< a `bookTicker` event; quote() is filled in
    MarkPrice,         ///< a `markPriceUpdate` event; markPrice() is filled in
    SubscriptionReply, ///< {"result":...,"id":...}
    ErrorReply,        ///< {"error":{...}} or {"code":...,"msg":...}; message() says what
    Unknown,           ///< well-formed JSON of another event type (depthUpdate, kline, ...)
    Malformed, ///< not JSON, truncated, wrong types, missing or out-of-range fields; message() says which
};

/** Parses Binance trade frames with simdjson on-demand: the combined-stream wrapper
 *  {"stream":..,"data":{..}} or a raw payload; `trade` (T,s,t,p,q,m) and `aggTrade` (T,s,a,p,q,m), and
 *  `bookTicker` quotes (u,s,b,B,a,A,T or E).
 *  Prices and quantities are decimal strings converted with std::from_chars (correctly rounded).
 *  Not thread-safe: one parser per thread (it owns simdjson's reusable buffers). */
class BinanceTradeParser
{
public:
    BinanceTradeParser();
    ~BinanceTradeParser();
    BinanceTradeParser(const BinanceTradeParser &) = delete;
    BinanceTradeParser &operator=(const BinanceTradeParser &) = delete;

    FrameKind parse(std::string_view frame, Tick &out);

    /** The byte-exact shortcut for Binance's usual futures trade frame (on by default). Off, every frame
     *  goes through simdjson; results are identical either way (tested), only the speed differs. */
    void setCanonicalFastPath(bool on) { m_fastPath = on; }

    /** Why the last frame was Malformed or an ErrorReply; the stream name of the last frame, if any. */
    const std::string &message() const { return m_message; }
    const std::string &stream() const { return m_stream; }
    /** The quote of the last frame that parsed as FrameKind::Quote. */
    const Quote &quote() const { return m_quote; }
    /** The mark price of the last frame that parsed as FrameKind::MarkPrice. */
    const pairlab::MarkPrice &markPrice() const { return m_mark; }

    /** Strips a recorder prefix ("<local ns> " or "<seconds.frac>: ") in front of the JSON text.
     *  Returns the local time in ms in prefixMs when there was one, else -1. */
    static std::string_view stripRecordingPrefix(std::string_view line, std::int64_t *prefixMs = nullptr);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
    std::string m_message;
    std::string m_stream;
    Quote m_quote;
    pairlab::MarkPrice m_mark;
    bool m_fastPath = true;
};

} // namespace pairlab
