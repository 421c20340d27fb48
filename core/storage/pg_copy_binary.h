#pragma once

// PostgreSQL COPY's binary format (https://www.postgresql.org/docs/current/sql-copy.html, "Binary Format"):
// a signature header, per row a 16-bit field count and per field a 32-bit length and the value, all in
// network byte order, and a trailer of -1.
#include <QByteArray>

#include <cstdint>
#include <cstring>

namespace pairlab::pgcopy {

inline const QByteArray &header()
{
    static const QByteArray h("PGCOPY\n\377\r\n\0\0\0\0\0\0\0\0\0", 19);
    return h;
}

inline const QByteArray &trailer()
{
    static const QByteArray t("\377\377", 2);
    return t;
}

// Big-endian (network order) values of COPY's binary format.
template <typename T> inline void putBE(QByteArray &out, T v)
{
    std::uint64_t bits = 0;
    std::memcpy(&bits, &v, sizeof v);
    char b[sizeof v];
    for (std::size_t k = 0; k < sizeof v; ++k)
        b[k] = char(bits >> (8 * (sizeof v - 1 - k)));
    out.append(b, qsizetype(sizeof v));
}

// One field of the binary format: its length, then the value.
template <typename T> inline void putField(QByteArray &out, T v)
{
    putBE<std::int32_t>(out, std::int32_t(sizeof v));
    putBE<T>(out, v);
}

} // namespace pairlab::pgcopy
