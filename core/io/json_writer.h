#pragma once

#include "io/number_format.h"

#include <QByteArray>
#include <QString>

#include <cmath>

// JSON output of the stable interfaces (pairlab-cli analyze and the commands after it, the local API):
// numbers in shortest round-trip form, NaN and infinities as null, keys in the order written.
namespace pairlab {

/** Shortest round-trip text of a double; NaN/inf as JSON null. */
inline void appendNumber(QByteArray &o, double v)
{
    if (!std::isfinite(v)) {
        o += "null";
        return;
    }
    appendDouble(o, v);
}

/** A JSON string literal of s (quotes, backslashes and control characters escaped). */
inline void appendJsonString(QByteArray &o, const QString &s)
{
    o += '"';
    for (const char c : s.toUtf8()) {
        if (c == '"' || c == '\\') {
            o += '\\';
            o += c;
        } else if (quint8(c) < 0x20) {
            o += "\\u00";
            o += "0123456789abcdef"[(c >> 4) & 0xF];
            o += "0123456789abcdef"[c & 0xF];
        } else {
            o += c;
        }
    }
    o += '"';
}

/** Tiny ordered JSON object writer. */
class JsonObject
{
public:
    JsonObject &num(const char *key, double v)
    {
        keyOf(key);
        appendNumber(m_out, v);
        return *this;
    }
    JsonObject &integer(const char *key, long long v)
    {
        keyOf(key);
        appendInt(m_out, v);
        return *this;
    }
    JsonObject &object(const char *key, const QByteArray &json)
    {
        keyOf(key);
        m_out += json;
        return *this;
    }
    QByteArray done() const { return m_out + '}'; }

private:
    void keyOf(const char *key)
    {
        m_out += m_first ? "" : ",";
        m_first = false;
        m_out += '"';
        m_out += key;
        m_out += "\":";
    }
    QByteArray m_out = "{";
    bool m_first = true;
};

} // namespace pairlab
