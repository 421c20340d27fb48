#pragma once

#include <QByteArray>

#include <charconv>
#include <cmath>

namespace pairlab {

/** Shortest text that reads back to the same double (std::to_chars), appended to out. */
inline void appendDouble(QByteArray &out, double v)
{
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, int(r.ptr - buf));
}

inline void appendInt(QByteArray &out, long long v)
{
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, int(r.ptr - buf));
}

} // namespace pairlab
