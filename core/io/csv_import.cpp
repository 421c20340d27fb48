#include "io/csv_import.h"

#include "bars/bar_aggregator.h"
#include "io/csv_layout.h"
#include "io/csv_text.h"
#include "io/zip_archive.h"
#include "market/tick.h"
#include "storage/bulk_store.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QVariant>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <memory>
#include <numeric>
#include <thread>
#include <unordered_map>

namespace pairlab {
namespace {

using namespace csv::detail;
using csv::DateOrder;
using csv::Record;
using csv::RecordReader;

constexpr int HeadRecords = 200;
// Epoch times an import accepts: 1000-01-01 to 9999-12-31 UTC, the years parseDateTime() reads.
constexpr std::int64_t MinEpochMs = -30610224000000;
constexpr std::int64_t MaxEpochMs = 253402300799999;
// Plausible market data: intraday bars and trades from 1990-01-01 on (electronic markets; an epoch number
// read at the wrong magnitude lands in 1970), daily or longer bars written as dates from 1900-01-01; nothing
// later than a day from now.
constexpr std::int64_t Earliest1990Ms = 631152000000;
constexpr std::int64_t Earliest1900Ms = -2208988800000;
constexpr std::int64_t FutureSlackMs = 86400000;

/** "1990-01-01" for messages. */
QString dateText(std::int64_t ms)
{
    return QString::fromStdString(csv::formatUtc(ms)).left(10);
}

QString hexByte(unsigned char c)
{
    return QStringLiteral("0x%1")
        .arg(int(c), 2, 16, QLatin1Char('0'))
        .toUpper()
        .replace(QLatin1String("0X"), QLatin1String("0x"));
}

/** The first byte that makes the text unreadable as CSV: NUL and other control bytes, a carriage return
 *  that ends a line on its own, a byte-order mark after the start (files joined together), bytes that are
 *  not UTF-8. Looks at the first `limit` bytes. */
bool scanBytes(std::string_view data, std::size_t limit, std::int64_t *line, QString *why)
{
    const std::size_t n = std::min(limit, data.size());
    const auto *b = reinterpret_cast<const unsigned char *>(data.data());
    std::size_t bad = n;
    for (std::size_t i = 0; i < n; ++i) {
        const unsigned char c = b[i];
        if (c >= 0x20 && c < 0x7F) [[likely]]
            continue;
        if (c == '\n' || c == '\t')
            continue;
        if (c == '\r') {
            if (i + 1 < data.size() && b[i + 1] == '\n')
                continue;
            if (i + 1 == data.size())
                continue; // a final CR
            *why = CsvImport::tr(
                "a line ends with a carriage return alone (old Mac line ends); save the file with "
                "LF or CRLF line ends");
            bad = i;
            break;
        }
        if (i == 0 && n >= 2 && ((c == 0xFF && b[1] == 0xFE) || (c == 0xFE && b[1] == 0xFF))) {
            *why = CsvImport::tr("the file is UTF-16 text; save it as UTF-8");
            bad = i;
            break;
        }
        if (c >= 0x80) {
            // UTF-8: a lead byte and its continuation bytes (no overlong forms, no surrogates).
            const int len = c >= 0xC2 && c <= 0xDF   ? 2
                            : c >= 0xE0 && c <= 0xEF ? 3
                            : c >= 0xF0 && c <= 0xF4 ? 4
                                                     : 0;
            bool ok = len > 0 && i + std::size_t(len) <= data.size();
            for (int k = 1; ok && k < len; ++k)
                ok = (b[i + std::size_t(k)] & 0xC0) == 0x80;
            if (ok && len == 3) {
                const unsigned char c1 = b[i + 1];
                ok = !(c == 0xE0 && c1 < 0xA0) && !(c == 0xED && c1 >= 0xA0);
            }
            if (ok && len == 4) {
                const unsigned char c1 = b[i + 1];
                ok = !(c == 0xF0 && c1 < 0x90) && !(c == 0xF4 && c1 >= 0x90);
            }
            if (ok && len == 3 && c == 0xEF && b[i + 1] == 0xBB && b[i + 2] == 0xBF) {
                *why = CsvImport::tr("a byte-order mark inside the file (files joined together?)");
                bad = i;
                break;
            }
            if (!ok) {
                *why = CsvImport::tr("byte %1 is not UTF-8 text").arg(hexByte(c));
                bad = i;
                break;
            }
            i += std::size_t(len) - 1;
            continue;
        }
        *why = c == 0 ? CsvImport::tr("a NUL byte: the file is binary or not UTF-8 text (UTF-16?)")
                      : CsvImport::tr("control byte %1: the file is not plain text").arg(hexByte(c));
        bad = i;
        break;
    }
    if (bad == n)
        return true;
    *line = 1 + std::int64_t(std::count(data.begin(), data.begin() + std::ptrdiff_t(bad), '\n'));
    return false;
}

/** The file's bytes: mapped (or read when mapping fails), without a UTF-8 byte-order mark. */
struct Buffer
{
    QFile file;
    QByteArray copy;
    std::string_view data;

    bool open(const QString &path, QString *error)
    {
        if (isZipPath(path)) {
            // A data.binance.vision archive: its one CSV, read into memory (checked against .CHECKSUM).
            ZipMember member;
            if (!readZipMember(path, &member, error))
                return false;
            copy = std::move(member.data);
            data = std::string_view(copy.constData(), std::size_t(copy.size()));
            if (data.size() >= 3 && std::string_view(data.data(), 3) == "\xEF\xBB\xBF")
                data.remove_prefix(3);
            return true;
        }
        file.setFileName(path);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = CsvImport::tr("cannot open the file: %1").arg(file.errorString());
            return false;
        }
        const qint64 size = file.size();
        if (size > 0) {
            if (uchar *p = file.map(0, size)) {
                data = std::string_view(reinterpret_cast<const char *>(p), std::size_t(size));
            } else {
                copy = file.readAll();
                data = std::string_view(copy.constData(), std::size_t(copy.size()));
            }
        }
        if (data.size() >= 3 && std::string_view(data.data(), 3) == "\xEF\xBB\xBF")
            data.remove_prefix(3);
        return true;
    }
};

// ---------------------------------------------------------------------------------------------------
// Parsing

struct BarRow
{
    std::int64_t t;
    double o, h, l, c, v;
    std::int64_t line;
};

struct Series
{
    QString symbol;
    int open = -1, high = -1, low = -1, close = -1, volume = -1;
    std::vector<BarRow> rows;
};

struct TradeRow
{
    Tick tick;
    std::int64_t line;
};

struct Parsed
{
    std::vector<Series> series; // bar files (per symbol)
    std::vector<TradeRow> trades;
    bool tradeIds = false;
    qint64 rows = 0;
    qint64 duplicateRows = 0;
    qint64 skippedRows = 0;
    qint64 gaps = 0;
    int intervalSeconds = 0;
    qint64 errors = 0;
    QList<ImportProblem> problems;
    std::int64_t pendingBlankLine = 0; ///< an empty line after the last row read so far
};

class Parser
{
public:
    Parser(const Layout &l, const ImportOptions &o, const QString &path, Parsed &out)
        : m_l(l), m_opt(o), m_path(path), m_out(out)
    {
        m_trades = l.format.contains(QLatin1String("trades"));
        m_timeCol = l.timeFromTradeId ? columnOf(l.columns, ColumnRole::TradeId)
                                      : std::max(columnOf(l.columns, ColumnRole::Time),
                                                 columnOf(l.columns, ColumnRole::Date));
        m_todCol = columnOf(l.columns, ColumnRole::TimeOfDay);
        m_symbolCol = columnOf(l.columns, ColumnRole::Symbol);
        m_order = l.dayFirst ? DateOrder::DayFirst : DateOrder::MonthFirst;
        m_utc = o.timeZone.isValid() && o.timeZone.offsetFromUtc(QDateTime::currentDateTimeUtc()) == 0 &&
                (o.timeZone == QTimeZone::utc() || o.timeZone.id() == "UTC");
        if (m_trades) {
            m_price = columnOf(l.columns, ColumnRole::Price);
            m_qty = columnOf(l.columns, ColumnRole::Qty);
            m_id = columnOf(l.columns, ColumnRole::TradeId);
            m_maker = columnOf(l.columns, ColumnRole::IsBuyerMaker);
            m_side = columnOf(l.columns, ColumnRole::Side);
            m_out.tradeIds = m_id >= 0;
        } else {
            QStringList syms;
            for (const ColumnMapping &m : l.columns)
                if (m.role != ColumnRole::Ignore && !m.symbol.isEmpty() && !syms.contains(m.symbol))
                    syms.append(m.symbol); // an ignored column brings no series
            if (syms.isEmpty())
                syms.append(QString());
            for (const QString &s : syms) {
                Series se;
                se.symbol = s;
                se.open = columnOf(l.columns, ColumnRole::Open, s);
                se.high = columnOf(l.columns, ColumnRole::High, s);
                se.low = columnOf(l.columns, ColumnRole::Low, s);
                se.close = columnOf(l.columns, ColumnRole::Close, s);
                se.volume = columnOf(l.columns, ColumnRole::Volume, s);
                if (se.close < 0)
                    se.close = columnOf(l.columns, ColumnRole::AdjClose, s);
                m_templates.push_back(se);
            }
            m_wide = syms.size() > 1 || !syms.front().isEmpty();
            if (m_symbolCol < 0)
                for (const Series &t : m_templates) {
                    Series s = t;
                    if (s.symbol.isEmpty())
                        s.symbol = l.defaultSymbol;
                    m_out.series.push_back(s);
                }
        }
    }

    bool checkColumns(QString *error) const
    {
        if (m_trades) {
            if (m_price < 0 || m_qty < 0) {
                *error = CsvImport::tr("a trade file needs a price and a quantity column");
                return false;
            }
        } else {
            for (const Series &s : m_templates)
                if (s.close < 0) {
                    *error = CsvImport::tr("no close (or price) column for %1")
                                 .arg(s.symbol.isEmpty() ? m_l.defaultSymbol : s.symbol);
                    return false;
                }
        }
        if (m_timeCol < 0) {
            *error = CsvImport::tr("no time column");
            return false;
        }
        if (m_symbolCol < 0 && m_l.defaultSymbol.isEmpty() && (m_trades || !m_wide)) {
            *error = CsvImport::tr("no symbol: give one");
            return false;
        }
        return true;
    }

    /** Parses records until the end (or maxRecords); false when stopped by an error or a cancel. */
    bool run(std::string_view data, bool stopAtError, int maxRecords, const std::atomic<bool> *cancel,
             const std::function<void(double)> &progress)
    {
        if (m_l.json) {
            csv::JsonRecordReader jr;
            jr.start(data);
            jr.setKeys(m_l.jsonKeys);
            const bool ok = runWith(jr, data.size(), stopAtError, maxRecords, cancel, progress);
            if (!jr.error().empty()) {
                error(jr.line(), -1,
                      CsvImport::tr("unreadable JSON: %1").arg(QString::fromStdString(jr.error())));
                return false;
            }
            return ok;
        }
        RecordReader rr(data.substr(m_l.dataOffset), m_l.delim, m_l.dataLine);
        const bool ok = runWith(rr, data.size() - m_l.dataOffset, stopAtError, maxRecords, cancel, progress);
        switch (rr.error()) {
        case RecordReader::Error::None:
            return ok;
        case RecordReader::Error::UnterminatedQuote:
            error(rr.errorLine(), -1, CsvImport::tr("a quote opens on this line and never closes"));
            return false;
        case RecordReader::Error::TextAfterQuote:
            error(rr.errorLine(), -1, CsvImport::tr("text after the closing quote of a field"));
            return false;
        }
        return false;
    }

    template <typename Reader>
    bool runWith(Reader &rr, std::size_t total, bool stopAtError, int maxRecords,
                 const std::atomic<bool> *cancel, const std::function<void(double)> &progress)
    {
        Record rec;
        int n = 0;
        std::size_t nextReport = total / 100;
        while (rr.next(rec)) {
            if (rec.blank()) {
                if (m_out.pendingBlankLine == 0)
                    m_out.pendingBlankLine = rec.line;
                continue;
            }
            if (m_out.pendingBlankLine > 0) {
                error(m_out.pendingBlankLine, -1,
                      CsvImport::tr("an empty line inside the data (rows follow on line %1)").arg(rec.line));
                m_out.pendingBlankLine = 0;
                if (stopAtError)
                    return false;
            }
            ++m_out.rows;
            if ((m_out.rows & 0xFFF) == 0) {
                if (cancel && cancel->load(std::memory_order_relaxed))
                    return false;
                if (progress && rr.offset() >= nextReport) {
                    progress(double(rr.offset()) / double(std::max<std::size_t>(total, 1)));
                    nextReport = rr.offset() + total / 100;
                }
            }
            const bool ok = wellFormed(rec) && (m_trades ? tradeRow(rec) : barRow(rec));
            if (!ok && stopAtError)
                return false;
            if (m_out.errors >= m_opt.maxProblems)
                return false;
            if (maxRecords > 0 && ++n >= maxRecords)
                break;
            if (m_out.rows == 256 && maxRecords == 0) {
                // Reserve for the whole file from the head's average record length.
                const std::size_t expected =
                    std::size_t(double(total) / double(std::max<std::size_t>(rr.offset(), 1)) * 256.0 * 1.05);
                if (m_trades)
                    m_out.trades.reserve(expected);
                else if (m_out.series.size() == 1)
                    m_out.series.front().rows.reserve(expected);
            }
        }
        return m_out.errors == 0;
    }

    void problem(ImportProblem::Severity sev, std::int64_t line, int column, const QString &msg,
                 std::int64_t other = 0)
    {
        if (sev == ImportProblem::Severity::Error)
            ++m_out.errors;
        if (m_out.problems.size() >= m_opt.maxProblems)
            return;
        ImportProblem p;
        p.severity = sev;
        p.file = m_path;
        p.line = line;
        p.field = column >= 0 ? fieldLabel(m_l, column) : QString();
        p.message = msg;
        p.otherLine = other;
        m_out.problems.append(p);
    }
    void error(std::int64_t line, int column, const QString &msg)
    {
        problem(ImportProblem::Severity::Error, line, column, msg);
    }

private:
    static QString text(std::string_view v)
    {
        return QString::fromUtf8(v.data(), qsizetype(std::min<std::size_t>(v.size(), 60)));
    }

    /** The record has the file's number of fields and is not the header again. */
    bool wellFormed(const Record &rec)
    {
        if (m_l.width == 0)
            return true; // JSON records
        if (rec.fields.size() != m_l.width) {
            const qsizetype have = qsizetype(rec.fields.size());
            const qsizetype want = qsizetype(m_l.width);
            QString msg =
                m_l.hasHeader
                    ? CsvImport::tr("%n field(s) where the header has %1", nullptr, int(have)).arg(want)
                    : CsvImport::tr("%n field(s) where the other rows have %1", nullptr, int(have)).arg(want);
            // Another delimiter that would give the right count: the line was written with it.
            for (char d : {',', ';', '\t', '|'}) {
                if (d == m_l.delim)
                    continue;
                std::size_t count = 0;
                for (std::string_view f : rec.fields)
                    count += std::size_t(std::count(f.begin(), f.end(), d));
                if (count + rec.fields.size() == m_l.width) {
                    msg += CsvImport::tr(" (this line uses '%1' as its delimiter)")
                               .arg(d == '\t' ? CsvImport::tr("tab") : QString(QLatin1Char(d)));
                    break;
                }
            }
            if (m_l.trailingDelimiter && have + 1 == want)
                msg += CsvImport::tr(" (the other rows end with a delimiter, this one does not)");
            else if (have == want + 1 && csv::trim(rec.fields.back()).empty())
                msg += CsvImport::tr(" (a delimiter ends this line)");
            error(rec.line, -1, msg);
            return false;
        }
        if (m_l.hasHeader && m_timeCol >= 0 && m_timeCol < m_l.header.size() &&
            !m_l.header.at(m_timeCol).isEmpty()) {
            const std::string_view v = csv::trim(rec.fields[std::size_t(m_timeCol)]);
            if (QString::fromUtf8(v.data(), qsizetype(v.size())) == m_l.header.at(m_timeCol)) {
                error(rec.line, m_timeCol,
                      CsvImport::tr("the header (line %1) repeats here: files joined together?")
                          .arg(m_l.headerLine));
                return false;
            }
        }
        return true;
    }

    /** Why s is not a number, as precisely as can be said. */
    static QString notANumber(std::string_view s)
    {
        const std::string_view t = csv::trim(s);
        if (csv::isMissing(t))
            return t.empty() ? CsvImport::tr("missing value")
                             : CsvImport::tr("missing value ('%1')").arg(text(t));
        double v = 0;
        std::string_view u = t.front() == '+' ? t.substr(1) : t;
        const auto r = std::from_chars(u.data(), u.data() + u.size(), v, std::chars_format::general);
        if (r.ec == std::errc::result_out_of_range)
            return CsvImport::tr("'%1' is out of the range of a number").arg(text(t));
        if (r.ec == std::errc() && r.ptr == u.data() + u.size() && !std::isfinite(v))
            return CsvImport::tr("'%1' is not a finite number").arg(text(t));
        if (r.ec == std::errc() && r.ptr != u.data() + u.size())
            return CsvImport::tr("not a number: '%1' (only '%2' reads as one)")
                .arg(text(t), text(std::string_view(t.data(), std::size_t(r.ptr - t.data()))));
        return CsvImport::tr("not a number: '%1'").arg(text(t));
    }

    bool time(const Record &rec, std::int64_t *ms)
    {
        const std::string_view v = rec.fields[std::size_t(m_timeCol)];
        switch (m_l.timeKind) {
        case TimeKind::EpochSeconds:
        case TimeKind::EpochMillis:
        case TimeKind::EpochMicros:
        case TimeKind::EpochNanos: {
            // Epoch numbers outside the years that dates may have (1000 to 9999) are not times: beyond them
            // the conversion below, the spacing of rows and the bars' arithmetic would overflow.
            std::int64_t i = 0;
            if (csv::parseInt64(v, &i)) {
                switch (m_l.timeKind) {
                case TimeKind::EpochSeconds:
                    *ms = i >= MinEpochMs / 1000 && i <= MaxEpochMs / 1000 ? i * 1000 : MaxEpochMs + 1;
                    break;
                case TimeKind::EpochMillis:
                    *ms = i;
                    break;
                case TimeKind::EpochMicros:
                    *ms = i / 1000 - (i % 1000 < 0 ? 1 : 0);
                    break;
                default:
                    *ms = i / 1000000 - (i % 1000000 < 0 ? 1 : 0);
                    break;
                }
                if (*ms >= MinEpochMs && *ms <= MaxEpochMs)
                    return true;
            }
            double d = 0;
            if (csv::parseDouble(v, &d) && std::isfinite(d)) {
                const double scale = m_l.timeKind == TimeKind::EpochSeconds  ? 1000.0
                                     : m_l.timeKind == TimeKind::EpochMillis ? 1.0
                                     : m_l.timeKind == TimeKind::EpochMicros ? 1e-3
                                                                             : 1e-6;
                const double t = std::floor(d * scale + 1e-6);
                if (t >= double(MinEpochMs) && t <= double(MaxEpochMs)) {
                    *ms = std::int64_t(t);
                    return true;
                }
            }
            error(rec.line, m_timeCol, CsvImport::tr("not a time: '%1'").arg(text(v)));
            return false;
        }
        case TimeKind::Text:
        case TimeKind::DateAndTime: {
            csv::ParsedTime pt;
            if (!csv::parseDateTime(v, m_order, &pt)) {
                error(rec.line, m_timeCol, CsvImport::tr("not a date: '%1'").arg(text(v)));
                return false;
            }
            if (m_todCol >= 0) {
                std::int64_t tod = 0;
                const std::string_view tv = m_todCol < int(rec.fields.size())
                                                ? rec.fields[std::size_t(m_todCol)]
                                                : std::string_view();
                if (!csv::parseTimeOfDay(tv, &tod)) {
                    error(rec.line, m_todCol, CsvImport::tr("not a time of day: '%1'").arg(text(tv)));
                    return false;
                }
                pt.wallMs += tod;
            }
            if (pt.hasOffset || m_utc) {
                *ms = pt.utcMs();
            } else {
                const std::int64_t days = pt.wallMs / 86400000 - (pt.wallMs % 86400000 < 0 ? 1 : 0);
                const std::int64_t rem = pt.wallMs - days * 86400000;
                int y, mo, d;
                csv::civilFromDays(days, &y, &mo, &d);
                const QDateTime dt(QDate(y, mo, d), QTime::fromMSecsSinceStartOfDay(int(rem)),
                                   m_opt.timeZone);
                *ms = dt.toMSecsSinceEpoch();
            }
            return true;
        }
        default:
            error(rec.line, m_timeCol, CsvImport::tr("unknown time format"));
            return false;
        }
    }

    bool number(const Record &rec, int col, double *v, bool required)
    {
        if (col < 0) {
            *v = 0;
            return true;
        }
        const std::string_view s =
            col < int(rec.fields.size()) ? rec.fields[std::size_t(col)] : std::string_view();
        if (csv::parseDouble(s, v) && std::isfinite(*v))
            return true;
        // Decimal comma ("1,2345" in a ';' or tab separated European export).
        if (m_l.delim != ',' && s.size() < 64 && std::count(s.begin(), s.end(), ',') == 1 &&
            s.find('.') == std::string_view::npos) {
            char buf[64];
            std::copy(s.begin(), s.end(), buf);
            buf[s.find(',')] = '.';
            if (csv::parseDouble(std::string_view(buf, s.size()), v) && std::isfinite(*v))
                return true;
        }
        if (!required && csv::trim(s).empty()) {
            *v = 0; // an empty volume cell: no volume recorded
            return true;
        }
        error(rec.line, col, notANumber(s));
        return false;
    }

    /** With a symbol given for the import, a symbol column must name one symbol throughout: a change means
     *  the file holds more than was asked for. */
    bool oneSymbol(const Record &rec, std::string_view sv)
    {
        if (m_opt.symbol.trimmed().isEmpty())
            return true;
        if (!m_firstSymbolSeen) {
            m_firstSymbolSeen = true;
            m_firstSymbol = std::string(sv);
            m_firstSymbolLine = rec.line;
            return true;
        }
        if (sv == m_firstSymbol)
            return true;
        error(
            rec.line, m_symbolCol,
            CsvImport::tr("the symbol changes from %1 (line %2) to %3, but the import is for one symbol (%4)")
                .arg(text(m_firstSymbol), QString::number(m_firstSymbolLine), text(sv),
                     m_opt.symbol.trimmed()));
        return false;
    }

    Series *seriesFor(const Record &rec, const Series &tmpl)
    {
        if (m_symbolCol < 0)
            return nullptr;
        if (m_symbolCol >= int(rec.fields.size())) { // a short (e.g. truncated) row
            error(rec.line, m_symbolCol, CsvImport::tr("missing value"));
            return nullptr;
        }
        const std::string_view sv = csv::trim(rec.fields[std::size_t(m_symbolCol)]);
        if (!oneSymbol(rec, sv))
            return nullptr;
        auto it = m_symbolIndex.find(std::string(sv));
        if (it != m_symbolIndex.end())
            return &m_out.series[it->second];
        const QString sym = sanitizeSymbol(QString::fromUtf8(sv.data(), qsizetype(sv.size())));
        if (sym.isEmpty()) {
            error(rec.line, m_symbolCol, CsvImport::tr("not a symbol: '%1'").arg(text(sv)));
            return nullptr;
        }
        Series s = tmpl;
        s.symbol = sym;
        m_out.series.push_back(s);
        m_symbolIndex.emplace(std::string(sv), m_out.series.size() - 1);
        return &m_out.series.back();
    }

    bool barRow(const Record &rec)
    {
        if (m_timeCol >= int(rec.fields.size())) {
            error(rec.line, m_timeCol, CsvImport::tr("missing value"));
            return false;
        }
        std::int64_t t = 0;
        if (!time(rec, &t))
            return false;
        bool ok = true;
        bool any = false;
        for (std::size_t k = 0; k < m_templates.size(); ++k) {
            const Series &tmpl = m_templates[k];
            Series *se = m_symbolCol >= 0 ? seriesFor(rec, tmpl) : &m_out.series[k];
            if (!se)
                return false;
            auto cell = [&](int c) {
                return c >= 0 && c < int(rec.fields.size()) ? rec.fields[std::size_t(c)] : std::string_view();
            };
            const bool allMissing = csv::isMissing(cell(tmpl.close)) &&
                                    (tmpl.open < 0 || csv::isMissing(cell(tmpl.open))) &&
                                    (tmpl.high < 0 || csv::isMissing(cell(tmpl.high))) &&
                                    (tmpl.low < 0 || csv::isMissing(cell(tmpl.low)));
            if (allMissing) {
                if (!m_wide) {
                    error(rec.line, tmpl.close, CsvImport::tr("no prices in this row"));
                    return false;
                }
                continue; // wide files: this instrument has no value here
            }
            BarRow b{t, 0, 0, 0, 0, 0, rec.line};
            bool rowOk = number(rec, tmpl.close, &b.c, true);
            if (tmpl.open >= 0)
                rowOk = number(rec, tmpl.open, &b.o, true) && rowOk;
            if (tmpl.high >= 0)
                rowOk = number(rec, tmpl.high, &b.h, true) && rowOk;
            if (tmpl.low >= 0)
                rowOk = number(rec, tmpl.low, &b.l, true) && rowOk;
            rowOk = number(rec, tmpl.volume, &b.v, false) && rowOk;
            if (!rowOk) {
                ok = false;
                continue;
            }
            if (tmpl.open < 0)
                b.o = b.c;
            if (tmpl.high < 0)
                b.h = std::max(b.o, b.c);
            if (tmpl.low < 0)
                b.l = std::min(b.o, b.c);
            if (!validBar(rec.line, tmpl, b)) {
                ok = false;
                continue;
            }
            se->rows.push_back(b);
            any = true;
        }
        if (!any && ok && m_wide) {
            ++m_out.skippedRows;
        }
        return ok;
    }

    bool validBar(std::int64_t line, const Series &s, const BarRow &b)
    {
        struct P
        {
            double v;
            int col;
            const char *name;
        };
        const P prices[] = {
            {b.o, s.open, "open"}, {b.h, s.high, "high"}, {b.l, s.low, "low"}, {b.c, s.close, "close"}};
        for (const P &p : prices)
            if (p.col >= 0 && !(p.v > 0)) {
                error(line, p.col, CsvImport::tr("price %1 is not positive").arg(p.v));
                return false;
            }
        if (b.v < 0) {
            error(line, s.volume, CsvImport::tr("volume %1 is negative").arg(b.v));
            return false;
        }
        if (b.h < b.l) {
            error(line, s.high, CsvImport::tr("high %1 is below low %2").arg(b.h).arg(b.l));
            return false;
        }
        if (b.h < b.o || b.h < b.c) {
            error(line, s.high,
                  CsvImport::tr("high %1 is below %2 %3")
                      .arg(b.h)
                      .arg(b.h < b.o ? CsvImport::tr("open") : CsvImport::tr("close"))
                      .arg(b.h < b.o ? b.o : b.c));
            return false;
        }
        if (b.l > b.o || b.l > b.c) {
            error(line, s.low,
                  CsvImport::tr("low %1 is above %2 %3")
                      .arg(b.l)
                      .arg(b.l > b.o ? CsvImport::tr("open") : CsvImport::tr("close"))
                      .arg(b.l > b.o ? b.o : b.c));
            return false;
        }
        return true;
    }

    bool tradeRow(const Record &rec)
    {
        if (m_timeCol >= int(rec.fields.size())) {
            error(rec.line, m_timeCol, CsvImport::tr("missing value"));
            return false;
        }
        TradeRow tr_{};
        tr_.line = rec.line;
        Tick &t = tr_.tick;
        if (!time(rec, &t.tsMs))
            return false;
        bool ok = number(rec, m_price, &t.price, true);
        ok = number(rec, m_qty, &t.qty, true) && ok;
        if (!ok)
            return false;
        if (!(t.price > 0)) {
            error(rec.line, m_price, CsvImport::tr("price %1 is not positive").arg(t.price));
            return false;
        }
        if (t.qty < 0) {
            error(rec.line, m_qty, CsvImport::tr("quantity %1 is negative").arg(t.qty));
            return false;
        }
        if (m_id >= 0) {
            const std::string_view v =
                m_id < int(rec.fields.size()) ? rec.fields[std::size_t(m_id)] : std::string_view();
            if (!csv::parseInt64(v, &t.tradeId)) {
                error(rec.line, m_id, CsvImport::tr("not a trade id: '%1'").arg(text(v)));
                return false;
            }
            if (t.tradeId < 0) { // negative ids are the synthetic ids of files without ids
                error(rec.line, m_id, CsvImport::tr("trade id %1 is negative").arg(t.tradeId));
                return false;
            }
        }
        if (m_maker >= 0) {
            const std::string_view v =
                m_maker < int(rec.fields.size()) ? rec.fields[std::size_t(m_maker)] : std::string_view();
            if (!csv::parseBool(v, &t.buyerMaker)) {
                error(rec.line, m_maker, CsvImport::tr("not true or false: '%1'").arg(text(v)));
                return false;
            }
        } else if (m_side >= 0) {
            const std::string_view v = csv::trim(
                m_side < int(rec.fields.size()) ? rec.fields[std::size_t(m_side)] : std::string_view());
            const QString s = QString::fromLatin1(v.data(), qsizetype(v.size())).toLower();
            if (s == QLatin1String("buy") || s == QLatin1String("bid") || s == QLatin1String("b"))
                t.buyerMaker = false;
            else if (s == QLatin1String("sell") || s == QLatin1String("ask") || s == QLatin1String("s") ||
                     s == QLatin1String("a"))
                t.buyerMaker = true;
            else if (!s.isEmpty()) {
                error(rec.line, m_side, CsvImport::tr("not a side (buy/sell): '%1'").arg(text(v)));
                return false;
            }
        }
        if (m_symbolCol >= 0) {
            const std::string_view sv =
                csv::trim(m_symbolCol < int(rec.fields.size()) ? rec.fields[std::size_t(m_symbolCol)]
                                                               : std::string_view());
            if (!oneSymbol(rec, sv))
                return false;
            if (sv != m_lastSymbolText) {
                m_lastSymbolText = std::string(sv);
                m_lastSymbol = SymbolCode::fromText(sv);
                if (m_lastSymbol.isEmpty())
                    m_lastSymbol = SymbolCode::fromString(
                        sanitizeSymbol(QString::fromUtf8(sv.data(), qsizetype(sv.size()))));
            }
            if (m_lastSymbol.isEmpty()) {
                error(rec.line, m_symbolCol, CsvImport::tr("not a symbol: '%1'").arg(text(sv)));
                m_lastSymbolText.clear();
                return false;
            }
            t.symbol = m_lastSymbol;
        } else {
            if (m_defaultSymbol.isEmpty())
                m_defaultSymbol = SymbolCode::fromString(m_l.defaultSymbol);
            t.symbol = m_defaultSymbol;
        }
        m_out.trades.push_back(tr_);
        return true;
    }

    const Layout &m_l;
    const ImportOptions &m_opt;
    QString m_path;
    Parsed &m_out;
    bool m_trades = false;
    bool m_wide = false;
    bool m_utc = true;
    int m_timeCol = -1, m_todCol = -1, m_symbolCol = -1;
    int m_price = -1, m_qty = -1, m_id = -1, m_maker = -1, m_side = -1;
    DateOrder m_order = DateOrder::MonthFirst;
    std::vector<Series> m_templates;
    std::unordered_map<std::string, std::size_t> m_symbolIndex;
    std::string m_lastSymbolText = std::string(1, '\0');
    bool m_firstSymbolSeen = false;
    std::string m_firstSymbol;
    std::int64_t m_firstSymbolLine = 0;
    SymbolCode m_lastSymbol;
    SymbolCode m_defaultSymbol;
};

/** Parses every record. Large CSV files without quotes are parsed in two halves on two threads (records
 *  cannot span lines there, so the halves split at a line end); the halves' results are joined in file order.
 *  progress is called on the calling thread only. */
bool parseAll(const Layout &l, const ImportOptions &o, const QString &path, std::string_view data,
              Parsed &out, bool stopAtError, const std::atomic<bool> *cancel,
              const std::function<void(double)> &progress)
{
    const std::size_t begin = std::min(l.dataOffset, data.size());
    const std::size_t size = data.size() - begin;
    std::size_t mid = begin + size / 2;
    const void *nl = mid < data.size() ? std::memchr(data.data() + mid, '\n', data.size() - mid) : nullptr;
    const bool split = !l.json && size > (std::size_t(8) << 20) && nl &&
                       std::thread::hardware_concurrency() > 1 &&
                       std::memchr(data.data() + begin, '"', size) == nullptr;
    if (!split) {
        Parser parser(l, o, path, out);
        return parser.run(data, stopAtError, 0, cancel, progress);
    }
    mid = std::size_t(static_cast<const char *>(nl) - data.data()) + 1;
    Layout second = l;
    second.dataOffset = mid;
    second.dataLine = l.dataLine + std::count(data.begin() + std::ptrdiff_t(begin),
                                              data.begin() + std::ptrdiff_t(mid), '\n');
    Parsed tail;
    Parser first(l, o, path, out);
    Parser last(second, o, path, tail);
    bool tailOk = true;
    std::thread worker([&] { tailOk = last.run(data, stopAtError, 0, cancel, {}); });
    const bool headOk = first.run(data.substr(0, mid), stopAtError, 0, cancel, progress);
    worker.join();

    if (out.pendingBlankLine > 0 && tail.rows > 0) { // the head ended on an empty line, and rows follow
        ++out.errors;
        out.problems.append(
            {ImportProblem::Severity::Error, path, out.pendingBlankLine, QString(),
             CsvImport::tr("an empty line inside the data (rows follow on line %1)").arg(second.dataLine),
             0});
    }
    out.pendingBlankLine = tail.pendingBlankLine;
    out.rows += tail.rows;
    out.errors += tail.errors;
    out.skippedRows += tail.skippedRows;
    for (const ImportProblem &pr : std::as_const(tail.problems))
        if (out.problems.size() < o.maxProblems)
            out.problems.append(pr);
    QHash<QString, std::size_t> index;
    for (std::size_t i = 0; i < out.series.size(); ++i)
        index.insert(out.series[i].symbol, i);
    for (Series &se : tail.series) {
        const auto it = index.constFind(se.symbol);
        if (it == index.constEnd()) {
            index.insert(se.symbol, out.series.size());
            out.series.push_back(std::move(se));
        } else {
            std::vector<BarRow> &rows = out.series[it.value()].rows;
            rows.insert(rows.end(), se.rows.begin(), se.rows.end());
        }
    }
    out.trades.insert(out.trades.end(), tail.trades.begin(), tail.trades.end());
    return headOk && tailOk && out.errors == 0;
}

// ---------------------------------------------------------------------------------------------------
// Ordering, duplicates, interval, gaps

void addProblem(Parsed &p, const ImportOptions &o, const QString &path, ImportProblem::Severity sev,
                std::int64_t line, const QString &field, const QString &msg, std::int64_t other = 0)
{
    if (sev == ImportProblem::Severity::Error)
        ++p.errors;
    if (p.problems.size() >= o.maxProblems)
        return;
    ImportProblem pr;
    pr.severity = sev;
    pr.file = path;
    pr.line = line;
    pr.field = field;
    pr.message = msg;
    pr.otherLine = other;
    p.problems.append(pr);
}

template <typename T, typename Key> void sortByTime(std::vector<T> &v, Key key)
{
    bool ascending = true, descending = true;
    for (std::size_t i = 1; i < v.size() && (ascending || descending); ++i) {
        const auto a = key(v[i - 1]), b = key(v[i]);
        if (b < a)
            ascending = false;
        if (b > a)
            descending = false;
    }
    if (ascending)
        return;
    if (descending) {
        // Reverse, but keep rows with equal times in file order (stable).
        std::reverse(v.begin(), v.end());
        std::size_t i = 0;
        while (i < v.size()) {
            std::size_t j = i + 1;
            while (j < v.size() && key(v[j]) == key(v[i]))
                ++j;
            std::reverse(v.begin() + std::ptrdiff_t(i), v.begin() + std::ptrdiff_t(j));
            i = j;
        }
        return;
    }
    std::stable_sort(v.begin(), v.end(), [&](const T &a, const T &b) { return key(a) < key(b); });
}

/** Refuses times before earliest or more than a day ahead of now; forEach(visit) calls visit(ms, line) for
 *  every row. */
template <typename ForEach>
bool plausibleTimes(Parsed &p, const ImportOptions &o, const QString &path, const QString &timeField,
                    std::int64_t earliest, ForEach forEach)
{
    const std::int64_t latest = QDateTime::currentMSecsSinceEpoch() + FutureSlackMs;
    bool ok = true;
    forEach([&](std::int64_t t, std::int64_t line) {
        if (t >= earliest && t <= latest)
            return;
        ok = false;
        const QString when = QString::fromStdString(csv::formatUtc(t));
        if (t < earliest)
            addProblem(
                p, o, path, ImportProblem::Severity::Error, line, timeField,
                o.earliestMs ? CsvImport::tr("%1 is before %2, the earliest time asked for")
                                   .arg(when, dateText(earliest))
                : earliest == Earliest1900Ms
                    ? CsvImport::tr(
                          "%1 is before %2: not a plausible market date (--earliest imports older data)")
                          .arg(when, dateText(earliest))
                    : CsvImport::tr("%1 is before %2: not plausible for intraday bars or trades (--earliest "
                                    "imports older data)")
                          .arg(when, dateText(earliest)));
        else
            addProblem(p, o, path, ImportProblem::Severity::Error, line, timeField,
                       CsvImport::tr("%1 is in the future (more than a day from now)").arg(when));
    });
    return ok;
}

void finishBars(Parsed &p, const Layout &l, const ImportOptions &o, const QString &path)
{
    const int timeCol =
        std::max(columnOf(l.columns, ColumnRole::Time), columnOf(l.columns, ColumnRole::Date));
    const QString timeField = fieldLabel(l, timeCol);
    std::vector<std::int64_t> diffs;
    for (Series &s : p.series) {
        sortByTime(s.rows, [](const BarRow &r) { return r.t; });
        std::vector<BarRow> kept;
        kept.reserve(s.rows.size());
        for (const BarRow &r : s.rows) {
            if (!kept.empty() && kept.back().t == r.t) {
                const BarRow &k = kept.back();
                if (k.o == r.o && k.h == r.h && k.l == r.l && k.c == r.c && k.v == r.v) {
                    ++p.duplicateRows;
                    continue;
                }
                addProblem(p, o, path, ImportProblem::Severity::Error, std::max(k.line, r.line), timeField,
                           CsvImport::tr("%1 has a second, different row for %2 (line %3)")
                               .arg(s.symbol, QString::fromStdString(csv::formatUtc(r.t)))
                               .arg(std::min(k.line, r.line)),
                           std::min(k.line, r.line));
                continue;
            }
            kept.push_back(r);
        }
        s.rows.swap(kept);
        for (std::size_t i = 1; i < s.rows.size(); ++i)
            diffs.push_back(s.rows[i].t - s.rows[i - 1].t);
    }
    if (p.duplicateRows > 0)
        addProblem(p, o, path, ImportProblem::Severity::Warning, 0, QString(),
                   CsvImport::tr("%1 repeated row(s) dropped").arg(p.duplicateRows));
    // Interval: the option, else the median spacing.
    if (o.intervalSeconds && *o.intervalSeconds > 0) {
        p.intervalSeconds = *o.intervalSeconds;
    } else if (!diffs.empty()) {
        std::vector<std::int64_t> d = diffs;
        std::nth_element(d.begin(), d.begin() + std::ptrdiff_t(d.size() / 2), d.end());
        p.intervalSeconds = int(std::max<std::int64_t>(1, (d[d.size() / 2] + 500) / 1000));
    } else {
        const std::int64_t t =
            p.series.empty() || p.series.front().rows.empty() ? 0 : p.series.front().rows.front().t;
        p.intervalSeconds = t % 86400000 == 0 ? 86400 : 60;
    }
    // Plausible times (the option's earliest, else by the kind of data), before gaps are looked for: a time
    // in the wrong millennium is an error, not a gap.
    const bool dated = l.timeKind == TimeKind::Text || l.timeKind == TimeKind::DateAndTime;
    const std::int64_t earliest = o.earliestMs                          ? *o.earliestMs
                                  : p.intervalSeconds >= 86400 && dated ? Earliest1900Ms
                                                                        : Earliest1990Ms;
    if (!plausibleTimes(p, o, path, timeField, earliest, [&](auto &&visit) {
            for (const Series &s : p.series)
                for (const BarRow &r : s.rows)
                    visit(r.t, r.line);
        }))
        return;
    if (p.errors > 0)
        return; // a refused row leaves a hole that is no gap of the data (the preview lists the errors alone)
    // Gaps: a missing bar (spacing above 1.5 intervals). Daily data of markets closed at weekends: more than
    // a long weekend with holidays (5 days).
    const std::int64_t iv = std::int64_t(p.intervalSeconds) * 1000;
    std::int64_t threshold = iv + iv / 2;
    if (p.intervalSeconds >= 86400 && p.intervalSeconds < 7 * 86400) {
        std::int64_t all = 0, weekend = 0;
        for (const Series &s : p.series)
            for (const BarRow &r : s.rows) {
                const std::int64_t days = r.t / 86400000 - (r.t % 86400000 < 0 ? 1 : 0);
                const std::int64_t wd = ((days + 4) % 7 + 7) % 7; // 0 = Sunday (1970-01-01 was a Thursday)
                weekend += (wd == 0 || wd == 6) ? 1 : 0;
                ++all;
            }
        if (weekend * 10 < all)
            threshold = 5 * 86400000LL;
    }
    std::int64_t largest = 0;
    int listed = 0;
    for (const Series &s : p.series)
        for (std::size_t i = 1; i < s.rows.size(); ++i) {
            const std::int64_t d = s.rows[i].t - s.rows[i - 1].t;
            if (d > threshold) {
                ++p.gaps;
                largest = std::max(largest, d);
                if (listed < 20) {
                    ++listed;
                    addProblem(p, o, path, ImportProblem::Severity::Warning, s.rows[i].line, timeField,
                               CsvImport::tr("%1: gap of %2 s after %3")
                                   .arg(s.symbol)
                                   .arg(d / 1000)
                                   .arg(QString::fromStdString(csv::formatUtc(s.rows[i - 1].t))));
                }
            }
        }
    if (p.gaps > listed)
        addProblem(p, o, path, ImportProblem::Severity::Warning, 0, timeField,
                   CsvImport::tr("%1 gaps in all, the largest %2 s").arg(p.gaps).arg(largest / 1000));
}

void finishTrades(Parsed &p, const Layout &l, const ImportOptions &o, const QString &path)
{
    sortByTime(p.trades, [](const TradeRow &r) { return r.tick.tsMs; });
    const int timeCol = l.timeFromTradeId ? columnOf(l.columns, ColumnRole::TradeId)
                                          : std::max(columnOf(l.columns, ColumnRole::Time),
                                                     columnOf(l.columns, ColumnRole::Date));
    if (!plausibleTimes(p, o, path, fieldLabel(l, timeCol), o.earliestMs ? *o.earliestMs : Earliest1990Ms,
                        [&](auto &&visit) {
                            for (const TradeRow &r : p.trades)
                                visit(r.tick.tsMs, r.line);
                        }))
        return;
    if (!p.tradeIds) {
        std::int64_t repeats = 0;
        for (std::size_t i = 1; i < p.trades.size(); ++i) {
            const Tick &a = p.trades[i - 1].tick, &b = p.trades[i].tick;
            if (a.tsMs == b.tsMs && a.price == b.price && a.qty == b.qty && a.symbol == b.symbol)
                ++repeats;
        }
        if (repeats > 0)
            addProblem(p, o, path, ImportProblem::Severity::Warning, 0, QString(),
                       CsvImport::tr("%1 trade(s) repeat the previous one exactly; kept as separate trades "
                                     "(the file has no trade ids)")
                           .arg(repeats));
        return;
    }
    // Trade ids must be unique per symbol: identical repeats are dropped, different rows are an error.
    const QString idField = fieldLabel(l, columnOf(l.columns, ColumnRole::TradeId));
    std::vector<std::size_t> idx(p.trades.size());
    std::iota(idx.begin(), idx.end(), std::size_t(0));
    bool increasing = true;
    for (std::size_t i = 1; i < p.trades.size() && increasing; ++i)
        if (!(p.trades[i].tick.symbol == p.trades[i - 1].tick.symbol &&
              p.trades[i].tick.tradeId > p.trades[i - 1].tick.tradeId))
            increasing = false;
    if (increasing)
        return;
    std::stable_sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) {
        const Tick &x = p.trades[a].tick, &y = p.trades[b].tick;
        if (x.symbol != y.symbol)
            return x.symbol < y.symbol;
        return x.tradeId < y.tradeId;
    });
    std::vector<char> drop(p.trades.size(), 0);
    for (std::size_t k = 1; k < idx.size(); ++k) {
        const TradeRow &a = p.trades[idx[k - 1]], &b = p.trades[idx[k]];
        if (a.tick.symbol != b.tick.symbol || a.tick.tradeId != b.tick.tradeId)
            continue;
        if (a.tick.tsMs == b.tick.tsMs && a.tick.price == b.tick.price && a.tick.qty == b.tick.qty &&
            a.tick.buyerMaker == b.tick.buyerMaker) {
            drop[idx[k]] = 1;
            ++p.duplicateRows;
        } else {
            addProblem(p, o, path, ImportProblem::Severity::Error, std::max(a.line, b.line), idField,
                       CsvImport::tr("trade id %1 appears twice with different values (line %2)")
                           .arg(b.tick.tradeId)
                           .arg(std::min(a.line, b.line)),
                       std::min(a.line, b.line));
        }
    }
    if (p.duplicateRows > 0) {
        std::vector<TradeRow> kept;
        kept.reserve(p.trades.size());
        for (std::size_t i = 0; i < p.trades.size(); ++i)
            if (!drop[i])
                kept.push_back(p.trades[i]);
        p.trades.swap(kept);
        addProblem(p, o, path, ImportProblem::Severity::Warning, 0, idField,
                   CsvImport::tr("%1 repeated trade(s) dropped").arg(p.duplicateRows));
    }
}

// ---------------------------------------------------------------------------------------------------
// Shared front half of preview and import

struct Job
{
    Buffer buf;
    Layout layout;
    Parsed parsed;
    QString error;
    ImportProblem fileProblem;
};

bool prepare(Job &job, const QString &path, const ImportOptions &opt, std::size_t scanLimit)
{
    QString err;
    std::int64_t line = 0;
    if (!job.buf.open(path, &err) || !scanBytes(job.buf.data, scanLimit, &line, &err) ||
        !detectLayout(job.buf.data, opt, path, job.layout, &err)) {
        job.fileProblem.file = path;
        job.fileProblem.line = line;
        job.fileProblem.message = err;
        return false;
    }
    return true;
}

ImportProblem firstError(const QList<ImportProblem> &problems)
{
    ImportProblem best;
    for (const ImportProblem &p : problems)
        if (p.severity == ImportProblem::Severity::Error &&
            (best.message.isEmpty() || (p.line > 0 && (best.line == 0 || p.line < best.line))))
            best = p;
    return best;
}

} // namespace

// -------------------------------------------------------------------------------------------------------
// Public

QString ImportProblem::toString() const
{
    QString s = file;
    if (line > 0)
        s += QLatin1Char(':') + QString::number(line);
    s += QLatin1String(": ");
    if (!field.isEmpty())
        s += field + QLatin1String(": ");
    if (severity == Severity::Warning)
        s += CsvImport::tr("warning: ");
    return s + message;
}

ImportPreview previewCsv(const QString &path, const ImportOptions &options, bool fullScan)
{
    ImportPreview pv;
    Job job;
    if (!prepare(job, path, options, fullScan ? std::string_view::npos : std::size_t(1) << 20)) {
        pv.problems.append(job.fileProblem);
        return pv;
    }
    const Layout &l = job.layout;
    pv.format = l.format;
    pv.dialect = l.dialect;
    pv.delimiter = l.delim;
    pv.hasHeader = l.hasHeader;
    pv.headerLine = l.headerLine;
    pv.firstDataLine = l.dataLine;
    pv.bannerLines = l.bannerLines;
    pv.header = l.header;
    pv.columns = l.columns;
    pv.timeKind = l.timeKind;
    pv.dayFirst = l.dayFirst;
    if (l.dayFirstAmbiguous)
        pv.problems.append({ImportProblem::Severity::Warning, path, 0, QString(),
                            CsvImport::tr("the day/month order cannot be told from the data; %1 assumed")
                                .arg(l.dayFirst ? CsvImport::tr("day first") : CsvImport::tr("month first")),
                            0});
    if (l.symbolFromFile)
        pv.problems.append({ImportProblem::Severity::Warning, path, 0, QString(),
                            CsvImport::tr("symbol %1 taken from the file name").arg(l.defaultSymbol), 0});
    if (l.bannerLines > 0)
        pv.problems.append({ImportProblem::Severity::Warning, path, 0, QString(),
                            CsvImport::tr("%1 line(s) before the header skipped").arg(l.bannerLines), 0});
    QString err;
    {
        Parsed scratch;
        if (!Parser(l, options, path, scratch).checkColumns(&err)) {
            pv.problems.append({ImportProblem::Severity::Error, path, 0, QString(), err, 0});
            return pv;
        }
    }
    if (fullScan)
        parseAll(l, options, path, job.buf.data, job.parsed, false, nullptr, {});
    else
        Parser(l, options, path, job.parsed).run(job.buf.data, false, HeadRecords, nullptr, {});
    Parsed &p = job.parsed;
    if (l.format.contains(QLatin1String("trades")))
        finishTrades(p, l, options, path);
    else
        finishBars(p, l, options, path);
    pv.ok = p.errors == 0;
    pv.rowsScanned = p.rows;
    pv.intervalSeconds = l.format.contains(QLatin1String("trades")) ? 0 : p.intervalSeconds;
    pv.problems += p.problems;
    QStringList syms;
    for (const Series &s : p.series) {
        if (!syms.contains(s.symbol))
            syms.append(s.symbol);
        for (std::size_t i = 0;
             i < s.rows.size() && pv.rows.size() < 20 * qsizetype(p.series.size()) && i < 20; ++i) {
            const BarRow &b = s.rows[i];
            PreviewRow r;
            r.line = b.line;
            r.symbol = s.symbol;
            r.timeMs = b.t;
            r.open = b.o;
            r.high = b.h;
            r.low = b.l;
            r.close = b.c;
            r.volume = b.v;
            pv.rows.append(r);
        }
    }
    for (std::size_t i = 0; i < p.trades.size(); ++i) {
        const Tick &t = p.trades[i].tick;
        const QString s = t.symbol.toString();
        if (!syms.contains(s))
            syms.append(s);
        if (pv.rows.size() < 20) {
            PreviewRow r;
            r.line = p.trades[i].line;
            r.symbol = s;
            r.timeMs = t.tsMs;
            r.price = t.price;
            r.qty = t.qty;
            r.tradeId = t.tradeId;
            r.buyerMaker = t.buyerMaker;
            pv.rows.append(r);
        }
    }
    if (syms.isEmpty() && !l.defaultSymbol.isEmpty())
        syms.append(l.defaultSymbol);
    pv.symbols = syms;
    return pv;
}

namespace {

} // namespace

ImportResult importCsv(const QString &path, QSqlDatabase db, const ImportOptions &options,
                       const ImportProgress &progress, const std::atomic<bool> *cancel)
{
    ImportResult res;
    QElapsedTimer timer;
    timer.start();
    auto failWith = [&](const ImportProblem &p) {
        res.ok = false;
        res.error = p;
        if (!res.problems.contains(p) && res.problems.size() < options.maxProblems)
            res.problems.prepend(p);
        return res;
    };
    auto fileError = [&](const QString &msg) {
        ImportProblem p;
        p.file = path;
        p.message = msg;
        return failWith(p);
    };
    auto cancelled = [&] { return cancel && cancel->load(std::memory_order_relaxed); };

    Job job;
    if (!prepare(job, path, options, std::string_view::npos))
        return failWith(job.fileProblem);
    const Layout &l = job.layout;
    res.format = l.format;
    res.dataset =
        options.dataset.trimmed().isEmpty() ? QFileInfo(path).completeBaseName() : options.dataset.trimmed();
    const bool trades = l.format.contains(QLatin1String("trades"));

    QString err;
    {
        Parsed scratch;
        if (!Parser(l, options, path, scratch).checkColumns(&err))
            return fileError(err);
    }
    auto parseProgress = [&](double f) {
        if (progress)
            progress(0.5 * f);
    };
    const bool parsedOk = parseAll(l, options, path, job.buf.data, job.parsed, true, cancel, parseProgress);
    Parsed &p = job.parsed;
    if (cancelled()) {
        res.cancelled = true;
        return fileError(CsvImport::tr("import cancelled"));
    }
    if (parsedOk) {
        if (trades)
            finishTrades(p, l, options, path);
        else
            finishBars(p, l, options, path);
    }
    res.rows = p.rows;
    res.problems = p.problems;
    res.duplicateRows = p.duplicateRows;
    res.gaps = p.gaps;
    res.intervalSeconds = trades ? 0 : p.intervalSeconds;
    for (const ImportProblem &pr : std::as_const(res.problems))
        if (pr.severity == ImportProblem::Severity::Warning)
            ++res.warnings;
    if (p.errors > 0 || !parsedOk)
        return failWith(firstError(p.problems));
    res.parseSeconds = double(timer.nsecsElapsed()) / 1e9;
    if (progress)
        progress(0.5);

    // ---- write
    timer.restart();
    QString attachError;
    const std::unique_ptr<BulkStore> w = db.isOpen() ? BulkStore::attach(db, &attachError) : nullptr;
    if (!w)
        return fileError(CsvImport::tr("CSV import needs an open SQLite or PostgreSQL database"));
    w->expectBytes(std::int64_t(job.buf.data.size()));
    if (!w->begin())
        return fileError(CsvImport::tr("cannot start a transaction: %1").arg(w->lastError()));
    auto rollback = [&](const QString &msg) {
        w->rollback();
        return fileError(msg);
    };
    QHash<QString, std::int64_t> symbolIds;
    auto symbolId = [&](const QString &name, std::int64_t *id) {
        if (auto it = symbolIds.constFind(name); it != symbolIds.constEnd()) {
            *id = it.value();
            return true;
        }
        const QByteArray n = name.toUtf8();
        if (!w->symbolId(std::string_view(n.constData(), std::size_t(n.size())), id))
            return false;
        symbolIds.insert(name, *id);
        return true;
    };

    std::int64_t storedRows = 0;
    for (const Series &s : p.series)
        storedRows += std::int64_t(s.rows.size());
    storedRows += std::int64_t(p.trades.size());

    const QByteArray datasetName = res.dataset.toUtf8();
    const QByteArray source = QByteArray("upload:") + datasetName;
    std::int64_t datasetId = 0;
    bool exists = false;
    if (!w->addDataset(datasetName, QFileInfo(path).absoluteFilePath().toUtf8(), l.format.toUtf8(),
                       QDateTime::currentMSecsSinceEpoch(), storedRows, &datasetId, &exists))
        return rollback(
            exists ? CsvImport::tr("a dataset named %1 already exists; choose another name").arg(res.dataset)
                   : CsvImport::tr("cannot add the dataset: %1").arg(w->lastError()));

    // Bars to write: the file's own (bar files) or 1s/1m/5m aggregated from its trades.
    std::vector<Bar> fileBars;
    std::vector<BulkBar> out;
    std::vector<BarUpdate> tradeBars;
    std::vector<Tick> ticks;
    if (trades) {
        ticks.reserve(p.trades.size());
        QHash<SymbolCode, std::int64_t> ordinal;
        for (const TradeRow &r : p.trades) {
            ticks.push_back(r.tick);
            if (!p.tradeIds) {
                // Synthetic ids: negative, unique per dataset, increasing in time order.
                std::int64_t &k = ordinal[r.tick.symbol];
                ticks.back().tradeId = -((datasetId + 1) << 32) + k++;
            }
        }
        tradeBars = BarAggregator().aggregate(ticks);
        std::size_t total = 0;
        for (const BarUpdate &u : tradeBars)
            total += u.bars.size();
        out.reserve(total);
        for (const BarUpdate &u : tradeBars) {
            std::int64_t sid = 0;
            if (!symbolId(u.symbol.toString(), &sid))
                return rollback(
                    CsvImport::tr("cannot add symbol %1: %2").arg(u.symbol.toString(), w->lastError()));
            for (const Bar &b : u.bars)
                out.push_back({sid, intervalSeconds(u.interval), &b});
            res.barsPerSymbol[u.symbol.toString()] += qint64(u.bars.size());
        }
    } else {
        std::size_t total = 0;
        for (const Series &s : p.series)
            total += s.rows.size();
        fileBars.reserve(total);
        out.reserve(total);
        for (const Series &s : p.series) {
            if (s.rows.empty())
                continue;
            std::int64_t sid = 0;
            if (!symbolId(s.symbol, &sid))
                return rollback(CsvImport::tr("cannot add symbol %1: %2").arg(s.symbol, w->lastError()));
            for (const BarRow &r : s.rows) {
                Bar b;
                b.openMs = r.t;
                b.open = r.o;
                b.high = r.h;
                b.low = r.l;
                b.close = r.c;
                b.volume = r.v;
                fileBars.push_back(b);
            }
            res.barsPerSymbol[s.symbol] += qint64(s.rows.size());
        }
        std::size_t k = 0;
        for (const Series &s : p.series) {
            if (s.rows.empty())
                continue;
            std::int64_t sid = 0;
            symbolId(s.symbol, &sid);
            for (std::size_t i = 0; i < s.rows.size(); ++i)
                out.push_back({sid, p.intervalSeconds, &fileBars[k++]});
        }
    }
    res.bars = qint64(out.size());
    const double totalWork = double(out.size() + ticks.size()) + 1.0;
    double done = 0;
    double lastReported = 0;
    auto step = [&](std::size_t n) {
        done += double(n);
        const double f = 0.5 + 0.5 * done / totalWork;
        if (progress && f - lastReported >= 0.01) {
            progress(std::min(f, 0.999));
            lastReported = f;
        }
    };
    // Rows go down in slices, so that progress is reported and a cancel is seen within a slice.
    constexpr std::size_t Slice = 65536;

    // Ticks
    if (!ticks.empty()) {
        std::vector<BulkTick> rows;
        rows.reserve(ticks.size());
        SymbolCode last;
        std::int64_t sid = -1;
        for (const Tick &t : ticks) {
            if (sid < 0 || t.symbol != last) {
                if (!symbolId(t.symbol.toString(), &sid))
                    return rollback(
                        CsvImport::tr("cannot add symbol %1: %2").arg(t.symbol.toString(), w->lastError()));
                last = t.symbol;
            }
            rows.push_back({sid, &t});
        }
        for (std::size_t i = 0; i < rows.size(); i += Slice) {
            if (cancelled()) {
                res.cancelled = true;
                return rollback(CsvImport::tr("import cancelled"));
            }
            const std::size_t n = std::min(Slice, rows.size() - i);
            std::int64_t stored = 0;
            if (!w->insertOrIgnoreTicks(std::span<const BulkTick>(rows).subspan(i, n), &stored))
                return rollback(CsvImport::tr("cannot store ticks: %1").arg(w->lastError()));
            res.ticksStored += stored;
            step(n);
        }
        res.ticks = qint64(ticks.size());
        if (res.ticksStored < res.ticks)
            res.problems.append(
                {ImportProblem::Severity::Warning, path, 0, QString(),
                 CsvImport::tr(
                     "%1 trade(s) were already stored (same symbol and trade id) and were kept once")
                     .arg(res.ticks - res.ticksStored),
                 0});
    }

    // Bars
    for (std::size_t i = 0; i < out.size(); i += Slice) {
        if (cancelled()) {
            res.cancelled = true;
            return rollback(CsvImport::tr("import cancelled"));
        }
        const std::size_t n = std::min(Slice, out.size() - i);
        if (!w->insertBars(std::span<const BulkBar>(out).subspan(i, n), source))
            return rollback(CsvImport::tr("cannot store bars: %1").arg(w->lastError()));
        step(n);
    }
    if (cancelled()) {
        res.cancelled = true;
        return rollback(CsvImport::tr("import cancelled"));
    }
    if (!w->commit())
        return rollback(CsvImport::tr("cannot commit the import: %1").arg(w->lastError()));
    res.writeSeconds = double(timer.nsecsElapsed()) / 1e9;
    res.warnings = 0;
    for (const ImportProblem &pr : std::as_const(res.problems))
        if (pr.severity == ImportProblem::Severity::Warning)
            ++res.warnings;
    res.ok = true;
    if (progress)
        progress(1.0);
    return res;
}

ImportResult importCsv(const QString &path, const QString &databasePath, const ImportOptions &options,
                       const ImportProgress &progress, const std::atomic<bool> *cancel)
{
    const QString connection = Database::threadConnectionName(QStringLiteral("csvimport"));
    ImportResult res;
    {
        QString error;
        QSqlDatabase db = Database::open(databasePath, connection, &error);
        if (!db.isValid()) {
            res.error.file = path;
            res.error.message = error;
            res.problems.append(res.error);
            Database::close(connection);
            return res;
        }
        res = importCsv(path, db, options, progress, cancel);
    }
    Database::close(connection);
    return res;
}

} // namespace pairlab
