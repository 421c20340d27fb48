#include "market/binance_trade_parser.h"

#include <simdjson.h>

#include <charconv>
#include <cmath>
#include <cstring>

namespace pairlab {

namespace od = simdjson::ondemand;

struct BinanceTradeParser::Impl
{
    od::parser parser;
    std::string buffer;
};

BinanceTradeParser::BinanceTradeParser() : d(std::make_unique<Impl>()) {}
BinanceTradeParser::~BinanceTradeParser() = default;

namespace {

// Reads a decimal that Binance sends as a string ("61639.40"); plain JSON numbers are accepted too.
bool readDecimal(od::value v, double &out)
{
    od::json_type type;
    if (v.type().get(type))
        return false;
    if (type == od::json_type::number)
        return !v.get_double().get(out) && std::isfinite(out);
    std::string_view s;
    if (type != od::json_type::string || v.get_string().get(s) || s.empty())
        return false;
    const char *end = s.data() + s.size();
    auto [ptr, ec] = std::from_chars(s.data(), end, out, std::chars_format::fixed);
    return ec == std::errc() && ptr == end && std::isfinite(out);
}

bool readInt(od::value v, std::int64_t &out)
{
    return !v.get_int64().get(out);
}

// The exact bytes Binance sends for a futures trade, in its key order:
//   {"stream":"btcusdt@trade","data":{"e":"trade","E":1,"T":1,"s":"BTCUSDT","t":1,"p":"1.0","q":"1.0","X":"MARKET","m":true}}
// (or the payload alone). Matching that shape byte by byte is a strict subset of JSON: anything else —
// other key orders, whitespace, escapes, exponents, other events — returns false and goes through
// simdjson, which also writes every error message. The shortcut only makes the common frame cheap.
class CanonicalTradeScanner
{
public:
    explicit CanonicalTradeScanner(std::string_view text) : p(text.data()), end(text.data() + text.size()) {}

    bool scan(Tick &t, std::string_view &stream)
    {
        bool wrapped = false;
        if (lit("{\"stream\":\"")) {
            if (!str(stream) || !lit(",\"data\":"))
                return false;
            wrapped = true;
        }
        std::string_view symbol, price, qty, ignored;
        if (!lit("{\"e\":\"trade\",\"E\":") || !integer(ignoredInt) || !lit(",\"T\":") || !integer(t.tsMs) ||
            !lit(",\"s\":\"") || !str(symbol) || !lit(",\"t\":") || !integer(t.tradeId) ||
            !lit(",\"p\":\"") || !str(price) || !lit(",\"q\":\"") || !str(qty))
            return false;
        if (lit(",\"X\":\"") && !str(ignored))
            return false;
        if (!lit(",\"m\":"))
            return false;
        if (lit("true"))
            t.buyerMaker = true;
        else if (lit("false"))
            t.buyerMaker = false;
        else
            return false;
        if (!lit("}") || (wrapped && !lit("}")) || p != end)
            return false;
        if (!decimal(price, t.price) || !decimal(qty, t.qty) || !(t.price > 0.0) || t.tsMs <= 0)
            return false;
        t.symbol = SymbolCode::fromText(symbol);
        return !t.symbol.isEmpty();
    }

private:
    template <std::size_t N> bool lit(const char (&s)[N])
    {
        constexpr std::size_t n = N - 1;
        if (std::size_t(end - p) < n || std::memcmp(p, s, n) != 0)
            return false;
        p += n;
        return true;
    }
    // A printable-ASCII string without escapes, up to and including the closing quote. (Anything else,
    // including UTF-8, is left to simdjson, which validates it.)
    bool str(std::string_view &out)
    {
        const char *q = p;
        while (q < end && *q != '"') {
            const auto c = static_cast<unsigned char>(*q);
            if (c == '\\' || c < 0x20 || c >= 0x7f)
                return false;
            ++q;
        }
        if (q == end)
            return false;
        out = std::string_view(p, std::size_t(q - p));
        p = q + 1;
        return true;
    }
    // A non-negative JSON integer of at most 18 digits (no leading zeros).
    bool integer(std::int64_t &out)
    {
        const char *q = p;
        std::int64_t v = 0;
        while (q < end && *q >= '0' && *q <= '9' && q - p < 18)
            v = v * 10 + (*q++ - '0');
        if (q == p || (*p == '0' && q - p > 1) || (q < end && *q >= '0' && *q <= '9'))
            return false;
        out = v;
        p = q;
        return true;
    }
    // digits[.digits], parsed with the same correctly rounded conversion as the general path.
    static bool decimal(std::string_view s, double &out)
    {
        std::size_t i = 0, digits = 0;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9')
            ++i, ++digits;
        if (digits == 0)
            return false;
        if (i < s.size() && s[i] == '.') {
            ++i;
            std::size_t frac = 0;
            while (i < s.size() && s[i] >= '0' && s[i] <= '9')
                ++i, ++frac;
            if (frac == 0)
                return false;
        }
        if (i != s.size() || s.size() > 64)
            return false;
        const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out, std::chars_format::fixed);
        return ec == std::errc() && ptr == s.data() + s.size() && std::isfinite(out);
    }

    const char *p;
    const char *end;
    std::int64_t ignoredInt = 0;
};

} // namespace

std::string_view BinanceTradeParser::stripRecordingPrefix(std::string_view line, std::int64_t *prefixMs)
{
    if (prefixMs)
        *prefixMs = -1;
    std::size_t i = 0;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
        ++i;
    if (i >= line.size() || line[i] == '{' || line[i] == '[')
        return line.substr(i);
    // "<digits>[.<digits>][:] " then the JSON text.
    const std::size_t start = i;
    while (i < line.size() && line[i] >= '0' && line[i] <= '9')
        ++i;
    const std::size_t intEnd = i;
    std::size_t fracStart = i, fracEnd = i;
    if (i < line.size() && line[i] == '.') {
        fracStart = ++i;
        while (i < line.size() && line[i] >= '0' && line[i] <= '9')
            ++i;
        fracEnd = i;
    }
    if (intEnd == start)
        return line.substr(start);
    if (i < line.size() && line[i] == ':')
        ++i;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
        ++i;
    if (i >= line.size() || line[i] != '{')
        return line.substr(start);
    if (prefixMs) {
        std::int64_t whole = 0;
        std::from_chars(line.data() + start, line.data() + intEnd, whole);
        const std::size_t digits = intEnd - start;
        if (fracEnd > fracStart) {
            // seconds with a fraction (cryptofeed style)
            double secs = 0;
            std::from_chars(line.data() + start, line.data() + fracEnd, secs);
            *prefixMs = std::int64_t(std::llround(secs * 1000.0));
        } else if (digits >= 18) {
            *prefixMs = whole / 1000000; // ns
        } else if (digits >= 15) {
            *prefixMs = whole / 1000; // µs
        } else if (digits >= 12) {
            *prefixMs = whole; // ms
        } else {
            *prefixMs = whole * 1000; // s
        }
    }
    return line.substr(i);
}

FrameKind BinanceTradeParser::parse(std::string_view frame, Tick &out)
{
    m_message.clear();
    m_stream.clear();
    if (m_fastPath) {
        Tick t;
        std::string_view stream;
        if (CanonicalTradeScanner(frame).scan(t, stream)) {
            m_stream.assign(stream);
            out = t;
            return FrameKind::Trade;
        }
    }
    auto &buf = d->buffer;
    if (buf.size() < frame.size() + simdjson::SIMDJSON_PADDING)
        buf.resize(frame.size() + simdjson::SIMDJSON_PADDING + 256);
    std::memcpy(buf.data(), frame.data(), frame.size());
    std::memset(buf.data() + frame.size(), 0, simdjson::SIMDJSON_PADDING);

    auto fail = [this](const char *why) {
        m_message = why;
        return FrameKind::Malformed;
    };

    od::document doc;
    if (d->parser.iterate(buf.data(), frame.size(), buf.size()).get(doc))
        return fail("not JSON");
    od::object top;
    if (doc.get_object().get(top))
        return fail("not a JSON object");

    // Trade fields may sit at the top level (raw payload) or under "data" (combined stream).
    std::string_view eventType;
    bool haveT = false, haveId = false, haveP = false, haveQ = false, haveM = false, haveS = false;
    bool isReply = false, isError = false;
    std::string badField;
    std::string_view symbol;
    Tick t;
    // bookTicker: 'a' and 'b' are the ask and bid (strings) there, 'a' an aggregate trade id (integer) in an
    // aggTrade: which one a frame meant is known once its "e" (or stream name) is.
    Quote q;
    bool haveU = false, haveE = false, haveBid = false, haveAsk = false, haveBidQty = false,
         haveAskQty = false;
    bool badQuoteField = false;
    std::int64_t eventMs = 0;
    // markPriceUpdate: p mark, i index, r funding rate, T next funding time (P, the estimated settle price,
    // is not kept).
    double index = 0, rate = 0;
    bool haveI = false, haveR = false;
    const auto readQuoteDecimal = [&](od::value v, double &value, bool &have) {
        have = readDecimal(v, value);
        if (!have)
            badQuoteField = true;
        return true;
    };

    auto readPayloadField = [&](std::string_view key, od::value v) -> bool {
        if (key.size() != 1)
            return true; // other keys are skipped
        switch (key[0]) {
        case 'e':
            return !v.get_string().get(eventType);
        case 'T':
            haveT = readInt(v, t.tsMs);
            return haveT;
        case 's':
            haveS = !v.get_string().get(symbol);
            return haveS;
        case 't':
            haveId = readInt(v, t.tradeId);
            return haveId;
        case 'a': {
            od::json_type type;
            if (!v.type().get(type) && type == od::json_type::string)
                return readQuoteDecimal(v, q.ask, haveAsk);
            haveId = readInt(v, t.tradeId);
            return haveId;
        }
        case 'b':
            return readQuoteDecimal(v, q.bid, haveBid);
        case 'A':
            return readQuoteDecimal(v, q.askQty, haveAskQty);
        case 'B':
            return readQuoteDecimal(v, q.bidQty, haveBidQty);
        case 'u':
            haveU = readInt(v, q.updateId);
            return true;
        case 'i':
            haveI = readDecimal(v, index);
            return true;
        case 'r':
            haveR = readDecimal(v, rate);
            return true;
        case 'E':
            haveE = readInt(v, eventMs);
            return true;
        case 'p':
            haveP = readDecimal(v, t.price);
            return haveP;
        case 'q':
            haveQ = readDecimal(v, t.qty);
            return haveQ;
        case 'm':
            haveM = !v.get_bool().get(t.buyerMaker);
            return haveM;
        default:
            return true;
        }
    };

    for (auto field : top) {
        std::string_view key;
        if (field.unescaped_key().get(key))
            return fail("bad object key");
        od::value v;
        if (field.value().get(v))
            return fail("bad value");
        if (key == "stream") {
            std::string_view s;
            if (v.get_string().get(s))
                return fail("\"stream\" is not a string");
            m_stream.assign(s);
        } else if (key == "data") {
            od::object data;
            if (v.get_object().get(data))
                return fail("\"data\" is not an object");
            for (auto inner : data) {
                std::string_view ik;
                if (inner.unescaped_key().get(ik))
                    return fail("bad object key in data");
                od::value iv;
                if (inner.value().get(iv))
                    return fail("bad value in data");
                if (!readPayloadField(ik, iv) && badField.empty())
                    badField.assign(ik);
            }
        } else if (key == "result" || key == "id") {
            isReply = true;
        } else if (key == "error") {
            isError = true;
            od::object err;
            if (!v.get_object().get(err)) {
                std::string_view msg;
                if (!err["msg"].get_string().get(msg))
                    m_message.assign(msg);
            }
        } else if (key == "code") {
            isError = true;
        } else if (key == "msg") {
            std::string_view msg;
            if (!v.get_string().get(msg))
                m_message.assign(msg);
        } else if (!readPayloadField(key, v) && badField.empty()) {
            badField.assign(key);
        }
    }

    if (isError) {
        if (m_message.empty())
            m_message = "error reply";
        return FrameKind::ErrorReply;
    }
    if (isReply && eventType.empty())
        return FrameKind::SubscriptionReply;
    if (eventType == "bookTicker" ||
        (eventType.empty() && std::string_view(m_stream).ends_with("@bookTicker"))) {
        if (badQuoteField || !badField.empty())
            return fail(badQuoteField ? "a bid or ask field is not a decimal"
                                      : "a field has a wrong type or value");
        if (!haveU)
            return fail("missing update id \"u\"");
        if (!haveS)
            return fail("missing symbol \"s\"");
        if (!haveBid || !haveAsk || !haveBidQty || !haveAskQty)
            return fail("missing bid or ask (\"b\", \"B\", \"a\", \"A\")");
        if (!haveT && !haveE) {
            if (eventType.empty()) // a spot bookTicker: no time at all, not what the futures feed stores
                return FrameKind::Unknown;
            return fail("missing time (\"T\" or \"E\")");
        }
        q.tsMs = haveT ? t.tsMs : eventMs;
        if (!(q.bid > 0.0) || !(q.ask > 0.0) || q.bidQty < 0.0 || q.askQty < 0.0 || q.updateId < 0 ||
            q.tsMs <= 0)
            return fail("bid, ask, quantity, update id or time out of range");
        q.symbol = SymbolCode::fromText(symbol);
        if (q.symbol.isEmpty())
            return fail("symbol is empty, too long or has invalid characters");
        m_quote = q;
        return FrameKind::Quote;
    }
    if (eventType == "markPriceUpdate") {
        if (!badField.empty()) {
            m_message = "field \"" + badField + "\" has a wrong type or value";
            return FrameKind::Malformed;
        }
        if (!haveS || !haveE || !haveP || !haveI || !haveR || !haveT)
            return fail("missing symbol, time, mark, index, funding rate or next funding time "
                        "(\"s\", \"E\", \"p\", \"i\", \"r\", \"T\")");
        pairlab::MarkPrice m;
        m.symbol = SymbolCode::fromText(symbol);
        m.eventMs = eventMs;
        m.mark = t.price;
        m.index = index;
        m.fundingRate = rate;
        m.nextFundingMs = t.tsMs;
        if (m.symbol.isEmpty() || !(m.mark > 0) || !(m.index > 0) || !std::isfinite(rate) || m.eventMs <= 0 ||
            m.nextFundingMs < 0)
            return fail("symbol, mark, index, funding rate or time out of range");
        m_mark = m;
        return FrameKind::MarkPrice;
    }
    if (eventType.empty()) {
        // No "e": a trade only if the combined-stream name says so.
        const std::string_view st = m_stream;
        const bool tradeStream = st.size() > 6 && (st.ends_with("@trade") || st.ends_with("@aggTrade"));
        if (!tradeStream)
            return FrameKind::Unknown;
    } else if (eventType != "trade" && eventType != "aggTrade") {
        return FrameKind::Unknown;
    }
    if (!badField.empty()) {
        m_message = "field \"" + badField + "\" has a wrong type or value";
        return FrameKind::Malformed;
    }
    if (!haveT)
        return fail("missing trade time \"T\"");
    if (!haveS)
        return fail("missing symbol \"s\"");
    if (!haveId)
        return fail(eventType == "aggTrade" ? "missing aggregate trade id \"a\"" : "missing trade id \"t\"");
    if (!haveP)
        return fail("missing price \"p\"");
    if (!haveQ)
        return fail("missing quantity \"q\"");
    if (!haveM)
        return fail("missing buyer-maker flag \"m\"");
    if (!(t.price > 0.0))
        return fail("price is not positive");
    if (t.qty < 0.0)
        return fail("quantity is negative");
    if (t.tradeId < 0 || t.tsMs <= 0)
        return fail("trade id or time out of range");
    t.symbol = SymbolCode::fromText(symbol);
    if (t.symbol.isEmpty())
        return fail("symbol is empty, too long or has invalid characters");
    out = t;
    return FrameKind::Trade;
}

} // namespace pairlab
