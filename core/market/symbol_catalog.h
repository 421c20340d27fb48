#pragma once

#include <QHash>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <limits>
#include <vector>

class QByteArray;
class QSqlDatabase;

namespace pairlab {

/** One USD-M perpetual of the exchange's catalogue (GET /fapi/v1/exchangeInfo) with its 24 h quote volume
 *  (GET /fapi/v1/ticker/24hr). */
struct SymbolInfo
{
    QString symbol, baseAsset, quoteAsset;
    double tickSize = std::numeric_limits<double>::quiet_NaN(); ///< PRICE_FILTER
    double stepSize = std::numeric_limits<double>::quiet_NaN(); ///< LOT_SIZE
    qint64 onboardMs = 0;
    double quoteVolume24h = std::numeric_limits<double>::quiet_NaN(); ///< NaN when unknown
    bool operator==(const SymbolInfo &) const = default;
};
using SymbolCatalog = std::vector<SymbolInfo>;

/** The perpetual contracts (contractType PERPETUAL) with status TRADING of an exchangeInfo answer, sorted by
 *  symbol. A symbol without a PRICE_FILTER tick size or a LOT_SIZE step is an error (`error` names it), as is
 *  an answer that is not the documented object. */
bool parseExchangeInfo(const QByteArray &json, SymbolCatalog *out, QString *error);

/** symbol -> quoteVolume of a GET /fapi/v1/ticker/24hr answer (an array of tickers). */
bool parseTicker24h(const QByteArray &json, QHash<QString, double> *quoteVolume, QString *error);

/** Symbols matching `text` (case-insensitive; "sol" finds SOLUSDT): exact symbol first, then symbols and then
 *  base assets starting with it, then symbols containing it; within each, the larger 24 h quote volume first,
 *  then by name. At most `limit`. */
QStringList searchSymbols(const SymbolCatalog &catalog, const QString &text, int limit = 50);

/** The n symbols of the largest 24 h quote volume (those without one last, by name). */
QStringList topByQuoteVolume(const SymbolCatalog &catalog, int n);

/** The catalogue in the database (table instruments, schema version 3): replaces it in one transaction. */
bool saveSymbolCatalog(QSqlDatabase &db, const SymbolCatalog &catalog, qint64 updatedMs, QString *error);
/** The stored catalogue (sorted by symbol) and when it was fetched (0 when there is none). */
bool loadSymbolCatalog(QSqlDatabase &db, SymbolCatalog *out, qint64 *updatedMs, QString *error);

} // namespace pairlab

Q_DECLARE_METATYPE(pairlab::SymbolCatalog)
