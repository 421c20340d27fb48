#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pairlab::csv {

/** One CSV record: its fields (unquoted) and the physical line it starts on (1-based). The views stay
 *  valid until the next call of RecordReader::next(). */
struct Record
{
    std::int64_t line = 0;
    std::vector<std::string_view> fields;
    bool blank() const { return fields.size() == 1 && fields[0].empty(); }
};

/** Splits a text buffer into CSV records without copying: fields are views into the buffer, except quoted
 *  fields with doubled quotes, which are unescaped into per-field scratch strings. A quoted field may
 *  span lines; line numbers count physical lines. CR before LF is dropped. Any thread; not shared. */
class RecordReader
{
public:
    RecordReader(std::string_view data, char delimiter, std::int64_t firstLine = 1)
        : m_data(data), m_delim(delimiter), m_line(firstLine)
    {
    }

    /** The next record; false at the end of the data or at a record that cannot be read (error() says why,
     *  errorLine() where: for an unterminated quote, the line on which the quote opens). */
    bool next(Record &rec);
    enum class Error { None, UnterminatedQuote, TextAfterQuote };
    Error error() const { return m_error; }
    std::int64_t errorLine() const { return m_errorLine; }
    bool atEnd() const { return m_pos >= m_data.size(); }
    std::size_t offset() const { return m_pos; }
    void seek(std::size_t offset, std::int64_t line)
    {
        m_pos = offset;
        m_line = line;
    }

private:
    std::string_view m_data;
    char m_delim;
    std::size_t m_pos = 0;
    std::int64_t m_line = 1;
    std::vector<std::string> m_scratch;
    Error m_error = Error::None;
    std::int64_t m_errorLine = 0;
};

/** Reads JSON market data shaped as an array of flat records, the way exchanges' REST APIs return candles
 *  and trades: `[{"k": v, ...}, ...]`, `{"candles": [{...}, ...]}` (the first array in the document) or
 *  `[[v, v, ...], ...]`. Object records are laid out in the order of `keys` (unknown keys dropped);
 *  array records positionally. Values are views of the JSON text (strings without their quotes).
 *  Line numbers are those where each record starts. */
class JsonRecordReader
{
public:
    /** Positions the reader on the first record; false when the text holds no array of records. */
    bool start(std::string_view data);
    /** Keys of the first object record in order of appearance (empty for array records). */
    std::vector<std::string> firstKeys();
    void setKeys(std::vector<std::string> keys) { m_keys = std::move(keys); }
    bool next(Record &rec);
    std::size_t offset() const { return m_pos; }
    std::int64_t line() const { return m_line; }
    /** Set when next() met text it cannot read; the message says what, at line(). */
    const std::string &error() const { return m_error; }

private:
    void blanks();
    bool value(std::string_view *v);
    std::string_view m_data;
    std::size_t m_pos = 0;
    std::int64_t m_line = 1;
    std::vector<std::string> m_keys;
    std::string m_error;
    bool m_done = false;
};

/** Splits one physical line (no newline) on delimiter, honouring quotes; for detection only. */
std::vector<std::string> splitLine(std::string_view line, char delimiter);

std::string_view trim(std::string_view s);

/** Decimal or scientific number (leading '+' and surrounding blanks allowed), correctly rounded. */
bool parseDouble(std::string_view s, double *out);
bool parseInt64(std::string_view s, std::int64_t *out);
/** true/false, 1/0, True/False. */
bool parseBool(std::string_view s, bool *out);
/** Empty, "nan", "null", "NaN", "None", "N/A": a missing value. */
bool isMissing(std::string_view s);

enum class DateOrder { MonthFirst, DayFirst };

/** A parsed date-time: the wall-clock time as if it were UTC (epoch ms), and the UTC offset if written. */
struct ParsedTime
{
    std::int64_t wallMs = 0;
    bool hasOffset = false;
    int offsetSeconds = 0;
    bool hasTime = false;
    std::int64_t utcMs() const { return wallMs - std::int64_t(offsetSeconds) * 1000; }
};

/** Parses the date-time spellings found in market data files: ISO-8601 (T or blank, fractions, Z or
 *  ±hh:mm/±hhmm offsets), YYYY.MM.DD and YYYY/MM/DD, a/b/YYYY and a-b-YY(YY) in the given day/month order,
 *  D-Mon-YY, Mon D YYYY, yyyyMMdd [HHmmss], and 12-hour clocks ("09-AM", "9:30 PM"). */
bool parseDateTime(std::string_view s, DateOrder order, ParsedTime *out);

/** hh:mm[:ss[.fff]] [AM|PM] or HHmmss: milliseconds since midnight. */
bool parseTimeOfDay(std::string_view s, std::int64_t *msOfDay);

/** When s starts with a numeric date whose day/month order is ambiguous (a/b/y, a-b-y, a.b.y), gives the
 *  first two numbers and the separator. */
bool numericDateParts(std::string_view s, int *a, int *b, char *separator);

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
std::int64_t daysFromCivil(int y, int m, int d);
void civilFromDays(std::int64_t z, int *y, int *m, int *d);

/** "2024-08-08 23:54:16.322" (UTC), for messages and previews. */
std::string formatUtc(std::int64_t ms);

} // namespace pairlab::csv
