#pragma once

#include "market/quote.h"

#include <QSqlDatabase>
#include <QString>

#include <vector>

namespace pairlab {

/** Quote bars in the database (table quote_bars; SQLite and PostgreSQL alike), on the caller's connection. */
namespace QuoteStore {

/** The newest update id stored for symbol (0 when none): where its duplicate filter starts. */
std::int64_t lastUpdateId(const QSqlDatabase &db, const QString &symbol, QString *error = nullptr);

/** Merges quote-bar fragments into the stored bars (open from the smaller first update id, close from the
 *  larger last one, highs, lows and counts combined), in one transaction: all or nothing. */
bool store(QSqlDatabase &db, const std::vector<QuoteBarUpdate> &updates, QString *error);

/** The quote bars of symbol and interval, ascending. */
std::vector<QuoteBar> load(const QSqlDatabase &db, const QString &symbol, Interval interval,
                           QString *error = nullptr);
/** Those with fromMs <= open time < toMs. */
std::vector<QuoteBar> load(const QSqlDatabase &db, const QString &symbol, Interval interval, qint64 fromMs,
                           qint64 toMs, QString *error = nullptr);

/** The newest `limit` quote bars of symbol and interval, ascending. */
std::vector<QuoteBar> loadNewest(const QSqlDatabase &db, const QString &symbol, Interval interval, int limit,
                                 QString *error = nullptr);

/** Quoted spread of each bar's closing quote in basis points of its mid, 1e4 (ask - bid) / ((ask + bid) / 2),
 *  with the bars' open times. */
void quotedSpreadBps(const std::vector<QuoteBar> &bars, std::vector<qint64> *openMs,
                     std::vector<double> *bps);

/** Writes them as CSV
 * `open_ms,bid_open,bid_high,bid_low,bid_close,ask_open,ask_high,ask_low,ask_close,updates` with round-trip
 * precision, atomically. */
bool exportCsv(const QSqlDatabase &db, const QString &symbol, Interval interval, const QString &path,
               QString *error, std::int64_t *rows = nullptr);

} // namespace QuoteStore

} // namespace pairlab
