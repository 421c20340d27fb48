#pragma once

#include "market/bar.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <limits>
#include <vector>

namespace pairlab {

/** Read queries over stored bars and ticks, on the caller's own connection (any thread that owns it). */
namespace BarStore {

inline const QString LiveSource = QStringLiteral("live");

/** Bars of symbol/interval/source with fromMs <= open_ms < toMs, ascending; the newest `limit` when the
 *  range holds more. */
std::vector<Bar> loadBars(const QSqlDatabase &db, const QString &symbol, Interval interval,
                          const QString &source = LiveSource, std::int64_t fromMs = std::numeric_limits<std::int64_t>::min(),
                          std::int64_t toMs = std::numeric_limits<std::int64_t>::max(), int limit = -1,
                          QString *error = nullptr);

/** loadBars() inside one read transaction together with ingest_state.batch_seq, the number of the last
 *  tick batch whose bars are included (TickWriter's WriteStats::batchSeq). */
std::vector<Bar> loadBarsSnapshot(QSqlDatabase db, const QString &symbol, Interval interval, int limit,
                                  std::int64_t *batchSeq, QString *error = nullptr);

QStringList symbols(const QSqlDatabase &db);
std::int64_t tickCount(const QSqlDatabase &db, const QString &symbol = {});

/** Writes bars as CSV `open_ms,open,high,low,close,volume,trades` with round-trip precision. */
bool exportBarsCsv(const QSqlDatabase &db, const QString &symbol, Interval interval, const QString &path,
                   QString *error, const QString &source = LiveSource, std::int64_t *rows = nullptr);

} // namespace BarStore

} // namespace pairlab
