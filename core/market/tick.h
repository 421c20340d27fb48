#pragma once

#include <QMetaType>
#include <QString>

#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

namespace pairlab {

/** A trading symbol stored inline (no allocation), upper-case ASCII as Binance spells it ("BTCUSDT").
 *  Ticks are created at millions per second; a QString per tick would dominate the parse cost. */
class SymbolCode
{
public:
    static constexpr std::size_t Capacity = 31;

    SymbolCode() = default;
    /** Returns an empty code when text is empty, too long or not [A-Za-z0-9_-]; lower case is upper-cased. */
    static SymbolCode fromText(std::string_view text)
    {
        SymbolCode c;
        if (text.empty() || text.size() > Capacity)
            return c;
        for (std::size_t i = 0; i < text.size(); ++i) {
            char ch = text[i];
            if (ch >= 'a' && ch <= 'z')
                ch = char(ch - 'a' + 'A');
            const bool ok = (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '-';
            if (!ok)
                return SymbolCode();
            c.m_chars[i] = ch;
        }
        c.m_size = std::uint8_t(text.size());
        return c;
    }
    static SymbolCode fromString(const QString &text) { return fromText(text.toStdString()); }

    bool isEmpty() const { return m_size == 0; }
    std::string_view view() const { return {m_chars.data(), m_size}; }
    QString toString() const { return QString::fromLatin1(m_chars.data(), m_size); }
    /** Lower-case stream name prefix as Binance wants it in stream names ("btcusdt"). */
    QString toStreamName() const { return toString().toLower(); }

    friend bool operator==(const SymbolCode &a, const SymbolCode &b) { return a.view() == b.view(); }
    friend bool operator!=(const SymbolCode &a, const SymbolCode &b) { return !(a == b); }
    friend bool operator<(const SymbolCode &a, const SymbolCode &b) { return a.view() < b.view(); }

private:
    std::array<char, Capacity> m_chars{};
    std::uint8_t m_size = 0;
};

inline std::size_t qHash(const SymbolCode &c, std::size_t seed = 0)
{
    return qHashBits(c.view().data(), c.view().size(), seed);
}

/** One trade as Binance reports it: trade time T in epoch ms, price and quantity parsed from the
 *  exchange's decimal strings with a correctly rounded conversion. */
struct Tick
{
    SymbolCode symbol;
    std::int64_t tradeId = 0;
    std::int64_t tsMs = 0;
    double price = 0.0;
    double qty = 0.0;
    bool buyerMaker = false;
    std::int64_t receivedNs = 0; ///< local receive time (steady clock, ns) on the live path; 0 otherwise
};

/** Batches travel between threads as shared immutable vectors (cheap to copy into queued signals). */
using TickBatch = std::shared_ptr<const std::vector<Tick>>;

} // namespace pairlab

Q_DECLARE_METATYPE(pairlab::TickBatch)
