#pragma once

#include "market/funding.h"

#include <QSqlDatabase>
#include <QString>

#include <vector>

namespace pairlab {

/** Funding events in the database (table funding; SQLite and PostgreSQL alike), on the caller's connection.
 *  One row per symbol and funding time: storing an event again changes nothing (exactly once). */
namespace FundingStore {

/** Stores events of symbol in one transaction (all or nothing); *stored counts the new ones. */
bool store(QSqlDatabase &db, const QString &symbol, const std::vector<FundingEvent> &events, qint64 *stored,
           QString *error);

/** The events of symbol with fromMs <= time < toMs, ascending. */
std::vector<FundingEvent> load(const QSqlDatabase &db, const QString &symbol, qint64 fromMs, qint64 toMs,
                               QString *error = nullptr);

/** What to ask the exchange for so that [fromMs, toMs) holds every funding event of symbol: the whole range
 *  when none is stored, else a span before the first stored event and between two of them wherever they are
 *  more than one funding period (8 h, the longest) and a minute apart, and after the newest one. */
std::vector<std::pair<qint64, qint64>> missingRanges(const QSqlDatabase &db, const QString &symbol,
                                                     qint64 fromMs, qint64 toMs, QString *error = nullptr);

/** The newest stored funding time of symbol, or -1 when none is. */
qint64 lastTime(const QSqlDatabase &db, const QString &symbol, QString *error = nullptr);

} // namespace FundingStore

} // namespace pairlab
