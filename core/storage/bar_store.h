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
/** The exchange's closed bars (1 m and 5 m klines from its REST history), stored beside the live ones. */
inline const QString RestSource = QStringLiteral("rest");

/** The live bars of a symbol and the exchange's (source 'rest') merged into one bar per open time: a bar the
 *  app saw whole from its own ticks (its first trade id follows the bar before's last, the bar after's first
 *  follows its last, and it holds every id in between) keeps its own; any other open time takes the
 * exchange's closed bar when there is one (the app was not running, connected late, or lost trades), else the
 * live bar. Where both exist for a bar seen whole they must agree: a difference in open, high, low, close or
 * volume is logged (category pairlab.storage), at most `maxLogged` of them. Both inputs ascending. */
std::vector<Bar> mergeLiveAndRest(const std::vector<Bar> &live, const std::vector<Bar> &rest,
                                  const QString &symbol, int intervalSeconds, int maxLogged = 3);

/** Bars of symbol/interval/source with fromMs <= open_ms < toMs, ascending; the newest `limit` when the
 *  range holds more. Source 'live' is mergeLiveAndRest() of the live and the exchange's bars. */
std::vector<Bar> loadBars(const QSqlDatabase &db, const QString &symbol, Interval interval,
                          const QString &source = LiveSource,
                          std::int64_t fromMs = std::numeric_limits<std::int64_t>::min(),
                          std::int64_t toMs = std::numeric_limits<std::int64_t>::max(), int limit = -1,
                          QString *error = nullptr);

/** The same for any bar length in seconds (imported datasets keep their own: 1 h, 1 d, ...). */
std::vector<Bar> loadBarsSeconds(const QSqlDatabase &db, const QString &symbol, int intervalSeconds,
                                 const QString &source, int limit = -1, QString *error = nullptr);

/** An imported dataset as the analysis views offer it: its bar source key, symbols and bar lengths. */
struct DatasetInfo
{
    QString name;
    QString source; ///< "upload:<name>"
    QStringList symbols;
    QList<int> intervalsSeconds;
};
QList<DatasetInfo> datasets(const QSqlDatabase &db);
QString sourceForDataset(const QString &name);

/** "1s", "5m", "1h", "1d", "7d" — the shortest exact name of a bar length. */
QString intervalLabel(int seconds);

/** loadBars() inside one read transaction together with ingest_state.batch_seq, the number of the last
 *  tick batch whose bars are included (TickWriter's WriteStats::batchSeq). */
std::vector<Bar> loadBarsSnapshot(QSqlDatabase db, const QString &symbol, Interval interval, int limit,
                                  std::int64_t *batchSeq, QString *error = nullptr);

QStringList symbols(const QSqlDatabase &db);

/** The newest stored trade of a symbol (largest trade id). */
struct LastTrade
{
    QString symbol;
    std::int64_t tradeId = 0, tsMs = 0;
};
/** The newest stored trade of each of symbols that has one. */
std::vector<LastTrade> lastTrades(const QSqlDatabase &db, const QStringList &symbols);
std::int64_t tickCount(const QSqlDatabase &db, const QString &symbol = {});

/** Writes bars as CSV `open_ms,open,high,low,close,volume,trades` with round-trip precision. */
bool exportBarsCsv(const QSqlDatabase &db, const QString &symbol, int intervalSeconds, const QString &path,
                   QString *error, const QString &source = LiveSource, std::int64_t *rows = nullptr);

/** Writes the ticks of symbol with fromMs <= ts_ms < toMs as CSV `ts_ms,trade_id,price,qty,buyer_maker`
 *  (round-trip precision, trade-id order) atomically to path. */
bool exportTicksCsv(const QSqlDatabase &db, const QString &symbol, std::int64_t fromMs, std::int64_t toMs,
                    const QString &path, QString *error, std::int64_t *rows = nullptr);

} // namespace BarStore

} // namespace pairlab
