#pragma once

#include <QList>
#include <QMap>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace pairlab {

/** What a CSV column holds. Columns with a symbol (ColumnMapping::symbol) belong to that symbol's
 *  series (wide files: one close column per instrument, or SYM:open..SYM:volume groups). */
enum class ColumnRole {
    Ignore,
    Time,      ///< a full timestamp (epoch number or date-time text)
    Date,      ///< the date part, with a separate Time column
    TimeOfDay, ///< the time part next to a Date column
    Open,
    High,
    Low,
    Close,
    AdjClose, ///< read but not stored (the close is stored as traded)
    Volume,
    Symbol,
    Price, ///< trade price
    Qty,   ///< trade quantity
    TradeId,
    IsBuyerMaker, ///< true/false
    Side,         ///< taker side: buy/bid (buyer is taker) or sell/ask (buyer is maker)
    RoleCount
};

QString columnRoleName(ColumnRole role);
std::optional<ColumnRole> columnRoleFromName(const QString &name);

struct ColumnMapping
{
    int column = 0; ///< 0-based field index in a record
    QString name;   ///< header text (empty when the file has no header)
    ColumnRole role = ColumnRole::Ignore;
    QString symbol; ///< for per-symbol columns of wide files; empty = the file's symbol

    friend bool operator==(const ColumnMapping &, const ColumnMapping &) = default;
};

/** How the time column is written. */
enum class TimeKind { Unknown, EpochSeconds, EpochMillis, EpochMicros, EpochNanos, Text, DateAndTime };
QString timeKindName(TimeKind kind);

/** What the user (or the dialog) asks for; everything left at its default is detected. */
struct ImportOptions
{
    /** auto | ohlc | close | wide | trades | binance-klines | binance-trades | binance-aggtrades */
    QString format = QStringLiteral("auto");
    QString symbol;                              ///< default symbol (else: symbol column, else the file name)
    QString dataset;                             ///< dataset name (else the file's base name)
    std::optional<int> intervalSeconds;          ///< bar interval of bar files (else the median spacing)
    QTimeZone timeZone = QTimeZone::utc();       ///< for times written without an offset
    std::optional<bool> dayFirst;                ///< D/M/Y instead of M/D/Y (else detected from the data)
    std::optional<char> delimiter;               ///< , ; \t | (else detected)
    std::optional<bool> hasHeader;               ///< else detected
    std::optional<QList<ColumnMapping>> columns; ///< the user's mapping (else detected from the header)
    /** Times before this are refused (UTC epoch ms); else 1990-01-01 for intraday bars and trades, 1900-01-01
     *  for daily or longer bars written as dates. Times more than a day from now are always refused. */
    std::optional<std::int64_t> earliestMs;
    int maxProblems = 100; ///< problems kept in a preview/result
};

struct ImportProblem
{
    enum class Severity { Warning, Error };
    Severity severity = Severity::Error;
    QString file;
    qint64 line = 0; ///< 1-based physical line; 0 = the file as a whole
    QString field;   ///< column name (or its number when there is no header)
    QString message;
    qint64 otherLine = 0; ///< for duplicates: the line of the first occurrence

    /** "FILE:LINE: field: reason" (parts left out when unknown). */
    QString toString() const;
    friend bool operator==(const ImportProblem &, const ImportProblem &) = default;
};

/** One row as it will be stored (times in UTC epoch ms). */
struct PreviewRow
{
    qint64 line = 0;
    QString symbol;
    std::int64_t timeMs = 0;
    double open = 0, high = 0, low = 0, close = 0, volume = 0; ///< bars
    double price = 0, qty = 0;                                 ///< trades
    std::int64_t tradeId = 0;
    bool buyerMaker = false;
};

struct ImportPreview
{
    bool ok = false; ///< false when the file cannot be read or its layout not understood
    QString format;  ///< resolved format name (see ImportOptions::format)
    QString dialect; ///< what the layout looks like (yahoo, tradingview, metatrader, ...), informative
    char delimiter = ',';
    bool hasHeader = false;
    qint64 headerLine = 0; ///< 1-based; 0 without a header
    qint64 firstDataLine = 0;
    qint64 bannerLines = 0; ///< lines skipped before the header
    QStringList header;
    QList<ColumnMapping> columns;
    TimeKind timeKind = TimeKind::Unknown;
    bool dayFirst = false;
    bool timeHasOffset = false;
    int intervalSeconds = 0; ///< median spacing of the head (bar files)
    QStringList symbols;
    QList<PreviewRow> rows; ///< the first rows as they will be stored
    QList<ImportProblem> problems;
    qint64 rowsScanned = 0; ///< data rows read (the head, or the whole file with fullScan)
};

struct ImportResult
{
    bool ok = false;
    bool cancelled = false;
    QString dataset;
    QString format;
    qint64 rows = 0;                     ///< data rows read
    QMap<QString, qint64> barsPerSymbol; ///< bars stored at the file's interval (or 1s/1m/5m for trades)
    qint64 bars = 0;
    qint64 ticks = 0;         ///< ticks read from a trade file
    qint64 ticksStored = 0;   ///< of those, new in the database (the rest were already there)
    qint64 duplicateRows = 0; ///< identical repeated bar rows dropped
    int intervalSeconds = 0;
    qint64 warnings = 0;
    qint64 gaps = 0;
    ImportProblem error;           ///< the first error when !ok
    QList<ImportProblem> problems; ///< errors and warnings (at most maxProblems)
    double parseSeconds = 0, writeSeconds = 0;
};

using ImportProgress = std::function<void(double)>;

/* CSV import (DESIGN.md §5 "CSV in").
 *
 * Detection, from the head of the file: UTF-8 BOM, line ends, the delimiter (, ; tab |) by the most
 * consistent field count, banner lines before the header, the header (a first line with fewer number/date
 * cells than the next), a header one name short (pandas' unnamed index column), column roles from header
 * aliases (Date, Time, Datetime, open_time, Adj Close, Last, Price, amount, is_buyer_maker, side,
 * "<DATE>"...), wide files (one close column per instrument, or SYM:open..SYM:volume groups), Binance dumps
 * with or without header, the time format (epoch s/ms/us/ns by magnitude, ISO-8601 with offsets, date + time
 * columns, D-Mon-YY, yyyyMMdd HHmmss, 12-hour clocks) and the day/month order of a/b/y dates (from the whole
 * file). JSON arrays of flat records (exchange REST candles such as Coinbase's {"candles":[...]}) go through
 * the same mapping.
 *
 * Validation: a file imports completely, exactly as written, or not at all. Refused, naming the line: text
 * that is not UTF-8 (NUL and control bytes, a byte-order mark inside the file, CR-only line ends), a record
 * whose field count differs from the header's (mixed delimiters, a trailing delimiter on some rows), a quote
 * that never closes (the line where it opens), text after a closing quote, an empty line or a repeated header
 * inside the data, a value that is not wholly a number or a time (a prefix such as '61205.5O', overflow to
 * infinity, NaN), a row without prices, a symbol column that changes when one symbol was asked for, times
 * before the earliest plausible one or more than a day ahead; prices > 0, low <= open, close <= high, volume
 * >= 0, one row per time and symbol (identical repeats are dropped with a warning), unique trade ids.
 * Unsorted input is sorted; gaps are warnings. Every error names the file, the 1-based physical line and the
 * column. */

/** Detects the layout of a CSV file and shows how it would be imported. Reads the head of the file (about
 *  the first 200 data rows) unless fullScan, which parses and validates every row like importCsv() does
 *  (without writing) and reports the problems of the whole file. Any thread. */
ImportPreview previewCsv(const QString &path, const ImportOptions &options = {}, bool fullScan = false);

/** Imports a CSV file into the database, all or nothing, in one SQLite transaction: bars into `bars` with
 *  source "upload:<dataset>" and one row in `datasets`; trade files into `ticks` plus their 1s/1m/5m bars.
 *  Ticks of files without trade ids get synthetic negative ids, (-(dataset_id + 1) << 32) + row, that never
 *  meet exchange ids (which are positive) nor another dataset's; ticks with real ids that are already
 *  stored (the same trade recorded live) are kept once (INSERT OR IGNORE).
 *  progress (0..1) is called from the calling thread; cancel is polled; a cancelled or failed import
 *  leaves the database as it was. Call on the thread that owns db (or give a path: a connection is
 *  opened on the calling thread for the import). */
ImportResult importCsv(const QString &path, QSqlDatabase db, const ImportOptions &options = {},
                       const ImportProgress &progress = {}, const std::atomic<bool> *cancel = nullptr);
ImportResult importCsv(const QString &path, const QString &databasePath, const ImportOptions &options = {},
                       const ImportProgress &progress = {}, const std::atomic<bool> *cancel = nullptr);

} // namespace pairlab
