#include "io/csv_text.h"

#include <charconv>
#include <cstdio>
#include <cstring>

namespace pairlab::csv {

bool RecordReader::next(Record &rec)
{
    rec.fields.clear();
    if (m_pos >= m_data.size())
        return false;
    rec.line = m_line;
    const char *base = m_data.data();
    const std::size_t n = m_data.size();
    const char *lineStart = base + m_pos;
    const void *nl = std::memchr(lineStart, '\n', n - m_pos);
    std::size_t end = nl ? std::size_t(static_cast<const char *>(nl) - base) : n;
    // Fast path: no quote on this line.
    if (!std::memchr(lineStart, '"', end - m_pos)) {
        std::size_t stop = end;
        if (stop > m_pos && base[stop - 1] == '\r')
            --stop;
        std::size_t f = m_pos;
        for (;;) {
            const void *d = std::memchr(base + f, m_delim, stop - f);
            if (!d) {
                rec.fields.emplace_back(base + f, stop - f);
                break;
            }
            const std::size_t dp = std::size_t(static_cast<const char *>(d) - base);
            rec.fields.emplace_back(base + f, dp - f);
            f = dp + 1;
        }
        m_pos = nl ? end + 1 : n;
        ++m_line;
        return true;
    }
    // Quote-aware path (fields may hold delimiters, doubled quotes and newlines).
    std::size_t p = m_pos;
    std::size_t fieldIndex = 0;
    for (;;) {
        if (p < n && base[p] == '"') {
            const std::int64_t quoteLine = m_line;
            ++p;
            const std::size_t start = p;
            bool escaped = false;
            while (p < n) {
                if (base[p] == '"') {
                    if (p + 1 < n && base[p + 1] == '"') {
                        escaped = true;
                        p += 2;
                        continue;
                    }
                    break;
                }
                if (base[p] == '\n')
                    ++m_line;
                ++p;
            }
            const std::size_t stop = p;
            if (p >= n) {
                // The quote never closes: everything after it would be swallowed into one field.
                m_error = Error::UnterminatedQuote;
                m_errorLine = quoteLine;
                m_pos = n;
                return false;
            }
            ++p; // closing quote
            std::string_view v(base + start, stop - start);
            if (escaped) {
                if (m_scratch.size() <= fieldIndex)
                    m_scratch.resize(fieldIndex + 1);
                std::string &s = m_scratch[fieldIndex];
                s.clear();
                for (std::size_t i = 0; i < v.size(); ++i) {
                    s.push_back(v[i]);
                    if (v[i] == '"' && i + 1 < v.size() && v[i + 1] == '"')
                        ++i;
                }
                v = s;
            }
            // Only blanks may stand between the closing quote and the delimiter; text there would be lost.
            while (p < n && base[p] != m_delim && base[p] != '\n') {
                if (base[p] != ' ' && base[p] != '\t' && base[p] != '\r') {
                    m_error = Error::TextAfterQuote;
                    m_errorLine = m_line;
                    m_pos = n;
                    return false;
                }
                ++p;
            }
            rec.fields.push_back(v);
        } else {
            const std::size_t start = p;
            while (p < n && base[p] != m_delim && base[p] != '\n')
                ++p;
            std::size_t stop = p;
            if (stop > start && base[stop - 1] == '\r' && (p >= n || base[p] == '\n'))
                --stop;
            rec.fields.emplace_back(base + start, stop - start);
        }
        ++fieldIndex;
        if (p >= n) {
            m_pos = n;
            ++m_line;
            return true;
        }
        if (base[p] == '\n') {
            m_pos = p + 1;
            ++m_line;
            return true;
        }
        ++p; // delimiter
        if (p >= n) {
            rec.fields.emplace_back();
            m_pos = n;
            ++m_line;
            return true;
        }
    }
}

void JsonRecordReader::blanks()
{
    while (m_pos < m_data.size()) {
        const char c = m_data[m_pos];
        if (c == '\n')
            ++m_line;
        else if (c != ' ' && c != '\t' && c != '\r')
            break;
        ++m_pos;
    }
}

bool JsonRecordReader::start(std::string_view data)
{
    m_data = data;
    m_pos = 0;
    m_line = 1;
    m_done = false;
    m_error.clear();
    blanks();
    if (m_pos >= m_data.size() || (m_data[m_pos] != '[' && m_data[m_pos] != '{'))
        return false;
    // The first '[' that is not inside a string opens the records.
    bool inString = false;
    while (m_pos < m_data.size()) {
        const char c = m_data[m_pos];
        if (c == '\n')
            ++m_line;
        if (inString) {
            if (c == '\\')
                ++m_pos;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[') {
            ++m_pos;
            blanks();
            return m_pos < m_data.size() && (m_data[m_pos] == '{' || m_data[m_pos] == '[');
        }
        ++m_pos;
    }
    return false;
}

bool JsonRecordReader::value(std::string_view *v)
{
    blanks();
    if (m_pos >= m_data.size())
        return false;
    if (m_data[m_pos] == '"') {
        const std::size_t b = ++m_pos;
        while (m_pos < m_data.size() && m_data[m_pos] != '"') {
            if (m_data[m_pos] == '\\')
                ++m_pos;
            ++m_pos;
        }
        if (m_pos >= m_data.size())
            return false;
        *v = m_data.substr(b, m_pos - b);
        ++m_pos;
        return true;
    }
    if (m_data[m_pos] == '{' || m_data[m_pos] == '[')
        return false; // nested values are not market data fields
    const std::size_t b = m_pos;
    while (m_pos < m_data.size() && m_data[m_pos] != ',' && m_data[m_pos] != '}' && m_data[m_pos] != ']' &&
           m_data[m_pos] != ' ' && m_data[m_pos] != '\n' && m_data[m_pos] != '\r' && m_data[m_pos] != '\t')
        ++m_pos;
    *v = m_data.substr(b, m_pos - b);
    return true;
}

std::vector<std::string> JsonRecordReader::firstKeys()
{
    std::vector<std::string> keys;
    const std::size_t savePos = m_pos;
    const std::int64_t saveLine = m_line;
    if (m_pos < m_data.size() && m_data[m_pos] == '{') {
        ++m_pos;
        for (;;) {
            blanks();
            std::string_view k, v;
            if (m_pos < m_data.size() && m_data[m_pos] == '}')
                break;
            if (!value(&k))
                break;
            blanks();
            if (m_pos >= m_data.size() || m_data[m_pos] != ':')
                break;
            ++m_pos;
            if (!value(&v))
                break;
            keys.emplace_back(k);
            blanks();
            if (m_pos < m_data.size() && m_data[m_pos] == ',')
                ++m_pos;
        }
    }
    m_pos = savePos;
    m_line = saveLine;
    return keys;
}

bool JsonRecordReader::next(Record &rec)
{
    rec.fields.clear();
    if (m_done || !m_error.empty())
        return false;
    blanks();
    if (m_pos >= m_data.size() || m_data[m_pos] == ']') {
        m_done = true;
        return false;
    }
    rec.line = m_line;
    const char open = m_data[m_pos];
    if (open != '{' && open != '[') {
        m_error = "a record must be an object or an array";
        return false;
    }
    const char close = open == '{' ? '}' : ']';
    ++m_pos;
    if (open == '{')
        rec.fields.assign(m_keys.size(), std::string_view());
    for (;;) {
        blanks();
        if (m_pos < m_data.size() && m_data[m_pos] == close) {
            ++m_pos;
            break;
        }
        std::string_view v;
        if (open == '{') {
            std::string_view k;
            if (!value(&k)) {
                m_error = "expected a key";
                return false;
            }
            blanks();
            if (m_pos >= m_data.size() || m_data[m_pos] != ':') {
                m_error = "expected ':'";
                return false;
            }
            ++m_pos;
            if (!value(&v)) {
                m_error = "expected a plain value";
                return false;
            }
            for (std::size_t i = 0; i < m_keys.size(); ++i)
                if (m_keys[i] == k) {
                    rec.fields[i] = v;
                    break;
                }
        } else {
            if (!value(&v)) {
                m_error = "expected a plain value";
                return false;
            }
            rec.fields.push_back(v);
        }
        blanks();
        if (m_pos < m_data.size() && m_data[m_pos] == ',') {
            ++m_pos;
        } else if (m_pos >= m_data.size() || m_data[m_pos] != close) {
            m_error = "expected ',' or the end of the record";
            return false;
        }
    }
    blanks();
    if (m_pos < m_data.size() && m_data[m_pos] == ',')
        ++m_pos;
    return true;
}

std::vector<std::string> splitLine(std::string_view line, char delimiter)
{
    std::vector<std::string> out;
    std::string cur;
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < line.size() && line[i + 1] == '"') {
                    cur.push_back('"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                cur.push_back(c);
            }
        } else if (c == '"' && cur.empty()) {
            quoted = true;
        } else if (c == delimiter) {
            out.push_back(cur);
            cur.clear();
        } else if (c != '\r') {
            cur.push_back(c);
        }
    }
    out.push_back(cur);
    return out;
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

bool parseDouble(std::string_view s, double *out)
{
    if (s.empty() || (s.front() != ' ' && s.back() != ' ' && s.front() != '+')) {
        // common case: no blanks, no '+'
    } else {
        s = trim(s);
        if (!s.empty() && s.front() == '+')
            s.remove_prefix(1);
    }
    if (s.empty())
        return false;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), *out, std::chars_format::general);
    return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

bool parseInt64(std::string_view s, std::int64_t *out)
{
    s = trim(s);
    if (!s.empty() && s.front() == '+')
        s.remove_prefix(1);
    if (s.empty())
        return false;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), *out);
    return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

namespace {
bool equalsNoCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z')
            x = char(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z')
            y = char(y - 'A' + 'a');
        if (x != y)
            return false;
    }
    return true;
}
} // namespace

bool parseBool(std::string_view s, bool *out)
{
    s = trim(s);
    if (equalsNoCase(s, "true") || s == "1") {
        *out = true;
        return true;
    }
    if (equalsNoCase(s, "false") || s == "0") {
        *out = false;
        return true;
    }
    return false;
}

bool isMissing(std::string_view s)
{
    s = trim(s);
    return s.empty() || equalsNoCase(s, "nan") || equalsNoCase(s, "null") || equalsNoCase(s, "none") ||
           equalsNoCase(s, "n/a") || equalsNoCase(s, "#n/a");
}

std::int64_t daysFromCivil(int y, int m, int d)
{
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = unsigned((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + std::int64_t(doe) - 719468;
}

void civilFromDays(std::int64_t z, int *y, int *m, int *d)
{
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = unsigned(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t yy = std::int64_t(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    *d = int(doy - (153 * mp + 2) / 5 + 1);
    *m = int(mp < 10 ? mp + 3 : mp - 9);
    *y = int(yy + (*m <= 2));
}

std::string formatUtc(std::int64_t ms)
{
    std::int64_t days = ms / 86400000;
    std::int64_t rem = ms % 86400000;
    if (rem < 0) {
        rem += 86400000;
        --days;
    }
    int y, m, d;
    civilFromDays(days, &y, &m, &d);
    char buf[48];
    const int h = int(rem / 3600000), mi = int(rem / 60000 % 60), s = int(rem / 1000 % 60),
              f = int(rem % 1000);
    if (f)
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d.%03d", y, m, d, h, mi, s, f);
    else
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d", y, m, d, h, mi, s);
    return buf;
}

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}
bool isAlpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/** Cursor over a date-time text. */
struct Scan
{
    std::string_view s;
    std::size_t p = 0;
    bool end() const { return p >= s.size(); }
    char peek() const { return p < s.size() ? s[p] : '\0'; }
    /** Reads up to maxDigits digits; returns the count read (0 = none). */
    int number(std::int64_t *v, int maxDigits = 18)
    {
        int k = 0;
        std::int64_t x = 0;
        while (p < s.size() && isDigit(s[p]) && k < maxDigits) {
            x = x * 10 + (s[p] - '0');
            ++p;
            ++k;
        }
        *v = x;
        return k;
    }
    std::string_view word()
    {
        const std::size_t b = p;
        while (p < s.size() && isAlpha(s[p]))
            ++p;
        return s.substr(b, p - b);
    }
    void blanks()
    {
        while (p < s.size() && (s[p] == ' ' || s[p] == '\t'))
            ++p;
    }
};

int monthFromName(std::string_view w)
{
    static const char *const names[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                        "jul", "aug", "sep", "oct", "nov", "dec"};
    if (w.size() < 3)
        return 0;
    char low[3];
    for (int i = 0; i < 3; ++i)
        low[i] = char(w[std::size_t(i)] | 0x20);
    for (int i = 0; i < 12; ++i)
        if (std::memcmp(low, names[i], 3) == 0)
            return i + 1;
    return 0;
}

int daysInMonth(int y, int m)
{
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return dm[m - 1];
}

int fullYear(std::int64_t y, int digits)
{
    if (digits <= 2)
        return int(y < 70 ? 2000 + y : 1900 + y);
    return int(y);
}

/** Parses "[T| ]hh[:mm[:ss[.fff]]][ AM|-AM][Z|±hh[:mm]]" or "HHmmss" at the cursor; true if nothing
 *  unexpected is left. */
bool parseTimePart(Scan &sc, ParsedTime *out, std::int64_t *msOfDay)
{
    *msOfDay = 0;
    if (sc.peek() == 'T' || sc.peek() == 't')
        ++sc.p;
    sc.blanks();
    if (sc.end())
        return true;
    std::int64_t h = 0, mi = 0, se = 0, ms = 0;
    const std::size_t startP = sc.p;
    const int hd = sc.number(&h, 6);
    if (hd == 0)
        return false;
    if (hd == 6 || hd == 4) { // HHmmss / HHmm
        const std::int64_t v = h;
        if (hd == 6) {
            h = v / 10000;
            mi = v / 100 % 100;
            se = v % 100;
        } else {
            h = v / 100;
            mi = v % 100;
        }
    } else if (hd > 2) {
        return false;
    } else if (sc.peek() == ':') {
        ++sc.p;
        if (sc.number(&mi, 2) != 2)
            return false;
        if (sc.peek() == ':') {
            ++sc.p;
            if (sc.number(&se, 2) != 2)
                return false;
            if (sc.peek() == '.' || sc.peek() == ',') {
                ++sc.p;
                std::int64_t frac = 0;
                const std::size_t fb = sc.p;
                sc.number(&frac, 18);
                int digits = int(sc.p - fb);
                if (digits == 0)
                    return false;
                // keep milliseconds (truncate finer digits)
                while (digits > 3) {
                    frac /= 10;
                    --digits;
                }
                while (digits < 3) {
                    frac *= 10;
                    ++digits;
                }
                ms = frac;
            }
        }
    }
    (void)startP;
    // 12-hour clock: " AM", "AM", "-AM"
    {
        const std::size_t save = sc.p;
        if (sc.peek() == '-' || sc.peek() == ' ')
            ++sc.p;
        sc.blanks();
        const std::string_view w = sc.word();
        if (w.size() == 2 && (w[1] == 'M' || w[1] == 'm') &&
            (w[0] == 'A' || w[0] == 'a' || w[0] == 'P' || w[0] == 'p')) {
            if (h < 1 || h > 12)
                return false;
            const bool pm = (w[0] == 'P' || w[0] == 'p');
            h = h % 12 + (pm ? 12 : 0);
        } else {
            sc.p = save;
        }
    }
    if (h > 23 || mi > 59 || se > 60)
        return false;
    *msOfDay = ((h * 60 + mi) * 60 + se) * 1000 + ms;
    out->hasTime = true;
    sc.blanks();
    if (sc.end())
        return true;
    const char c = sc.peek();
    if (c == 'Z' || c == 'z') {
        ++sc.p;
        out->hasOffset = true;
        out->offsetSeconds = 0;
    } else if (c == '+' || c == '-') {
        ++sc.p;
        std::int64_t oh = 0, om = 0;
        const int d = sc.number(&oh, 4);
        if (d == 4) {
            om = oh % 100;
            oh /= 100;
        } else if (d == 2 || d == 1) {
            if (sc.peek() == ':') {
                ++sc.p;
                if (sc.number(&om, 2) != 2)
                    return false;
            }
        } else {
            return false;
        }
        if (oh > 18 || om > 59)
            return false;
        out->hasOffset = true;
        out->offsetSeconds = int((oh * 3600 + om * 60) * (c == '-' ? -1 : 1));
    } else {
        const std::string_view w = sc.word();
        if (!(w == "UTC" || w == "GMT"))
            return false;
        out->hasOffset = true;
    }
    sc.blanks();
    return sc.end();
}

} // namespace

bool parseTimeOfDay(std::string_view s, std::int64_t *msOfDay)
{
    Scan sc{trim(s)};
    ParsedTime pt;
    if (sc.end())
        return false;
    return parseTimePart(sc, &pt, msOfDay) && pt.hasTime && !pt.hasOffset;
}

bool numericDateParts(std::string_view s, int *a, int *b, char *separator)
{
    Scan sc{trim(s)};
    std::int64_t x = 0, y = 0, z = 0;
    const int d1 = sc.number(&x, 3);
    if (d1 < 1 || d1 > 2)
        return false;
    const char sep = sc.peek();
    if (sep != '/' && sep != '-' && sep != '.')
        return false;
    ++sc.p;
    const int d2 = sc.number(&y, 3);
    if (d2 < 1 || d2 > 2 || sc.peek() != sep)
        return false;
    ++sc.p;
    const int d3 = sc.number(&z, 5);
    if (d3 != 2 && d3 != 4)
        return false;
    *a = int(x);
    *b = int(y);
    *separator = sep;
    return true;
}

bool parseDateTime(std::string_view text, DateOrder order, ParsedTime *out)
{
    *out = ParsedTime();
    Scan sc{trim(text)};
    if (sc.end())
        return false;
    int y = 0, m = 0, d = 0;
    if (isAlpha(sc.peek())) { // "Jan 2, 2020"
        m = monthFromName(sc.word());
        if (!m)
            return false;
        sc.blanks();
        std::int64_t dd = 0, yy = 0;
        if (sc.number(&dd, 2) == 0)
            return false;
        if (sc.peek() == ',')
            ++sc.p;
        sc.blanks();
        const int yd = sc.number(&yy, 4);
        if (yd != 4 && yd != 2)
            return false;
        d = int(dd);
        y = fullYear(yy, yd);
    } else {
        std::int64_t n1 = 0;
        const int d1 = sc.number(&n1, 8);
        if (d1 == 8) {
            y = int(n1 / 10000);
            m = int(n1 / 100 % 100);
            d = int(n1 % 100);
        } else if (d1 == 4) {
            const char sep = sc.peek();
            if (sep != '-' && sep != '/' && sep != '.')
                return false;
            ++sc.p;
            std::int64_t n2 = 0, n3 = 0;
            if (isAlpha(sc.peek())) {
                m = monthFromName(sc.word());
            } else {
                if (sc.number(&n2, 2) == 0)
                    return false;
                m = int(n2);
            }
            if (sc.peek() != sep)
                return false;
            ++sc.p;
            if (sc.number(&n3, 2) == 0)
                return false;
            y = int(n1);
            d = int(n3);
        } else if (d1 == 1 || d1 == 2) {
            const char sep = sc.peek();
            if (sep != '-' && sep != '/' && sep != '.' && sep != ' ')
                return false;
            ++sc.p;
            std::int64_t n2 = 0, n3 = 0;
            if (isAlpha(sc.peek())) { // 3-Jan-22, 3 Jan 2022
                m = monthFromName(sc.word());
                d = int(n1);
            } else {
                if (sc.number(&n2, 2) == 0)
                    return false;
                if (order == DateOrder::DayFirst) {
                    d = int(n1);
                    m = int(n2);
                } else {
                    m = int(n1);
                    d = int(n2);
                }
            }
            if (sc.peek() != sep)
                return false;
            ++sc.p;
            const int yd = sc.number(&n3, 4);
            if (yd != 2 && yd != 4)
                return false;
            y = fullYear(n3, yd);
        } else {
            return false;
        }
    }
    if (m < 1 || m > 12 || d < 1 || y < 1000 || y > 9999 || d > daysInMonth(y, m))
        return false;
    if (!sc.end() && sc.peek() != ' ' && sc.peek() != 'T' && sc.peek() != 't' && sc.peek() != '\t')
        return false;
    std::int64_t msOfDay = 0;
    if (!parseTimePart(sc, out, &msOfDay))
        return false;
    out->wallMs = daysFromCivil(y, m, d) * 86400000 + msOfDay;
    return true;
}

} // namespace pairlab::csv
