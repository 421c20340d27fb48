#include "market/symbol_catalog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <cmath>

namespace pairlab {

namespace {

double positiveNumber(const QJsonValue &v)
{
    bool ok = false;
    const double d = v.isString() ? v.toString().toDouble(&ok) : v.toDouble();
    if (v.isDouble())
        ok = true;
    return ok && std::isfinite(d) && d > 0 ? d : std::nan("");
}

bool setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
    return false;
}

/** Larger quote volume first (unknown last), then by name. */
bool byVolume(const SymbolInfo *a, const SymbolInfo *b)
{
    const bool ka = std::isfinite(a->quoteVolume24h), kb = std::isfinite(b->quoteVolume24h);
    if (ka != kb)
        return ka;
    if (ka && a->quoteVolume24h != b->quoteVolume24h)
        return a->quoteVolume24h > b->quoteVolume24h;
    return a->symbol < b->symbol;
}

} // namespace

bool parseExchangeInfo(const QByteArray &json, SymbolCatalog *out, QString *error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError)
        return setError(
            error,
            QStringLiteral("exchangeInfo: not JSON (%1 at byte %2)").arg(pe.errorString()).arg(pe.offset));
    const QJsonValue symbols = doc.object().value(QLatin1String("symbols"));
    if (!symbols.isArray())
        return setError(error, QStringLiteral("exchangeInfo: no \"symbols\" array"));
    SymbolCatalog catalog;
    const QJsonArray list = symbols.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject s = list[i].toObject();
        const QString name = s.value(QLatin1String("symbol")).toString();
        if (name.isEmpty())
            return setError(error, QStringLiteral("exchangeInfo: symbols[%1] has no symbol").arg(i));
        if (s.value(QLatin1String("contractType")).toString() != QLatin1String("PERPETUAL") ||
            s.value(QLatin1String("status")).toString() != QLatin1String("TRADING"))
            continue;
        SymbolInfo info;
        info.symbol = name;
        info.baseAsset = s.value(QLatin1String("baseAsset")).toString();
        info.quoteAsset = s.value(QLatin1String("quoteAsset")).toString();
        info.onboardMs = qint64(s.value(QLatin1String("onboardDate")).toDouble());
        const QJsonArray filters = s.value(QLatin1String("filters")).toArray();
        for (const auto &f : filters) {
            const QJsonObject o = f.toObject();
            const QString type = o.value(QLatin1String("filterType")).toString();
            if (type == QLatin1String("PRICE_FILTER"))
                info.tickSize = positiveNumber(o.value(QLatin1String("tickSize")));
            else if (type == QLatin1String("LOT_SIZE"))
                info.stepSize = positiveNumber(o.value(QLatin1String("stepSize")));
        }
        if (!std::isfinite(info.tickSize))
            return setError(error, QStringLiteral("exchangeInfo: %1 has no PRICE_FILTER tickSize").arg(name));
        if (!std::isfinite(info.stepSize))
            return setError(error, QStringLiteral("exchangeInfo: %1 has no LOT_SIZE stepSize").arg(name));
        catalog.push_back(std::move(info));
    }
    std::sort(catalog.begin(), catalog.end(),
              [](const SymbolInfo &a, const SymbolInfo &b) { return a.symbol < b.symbol; });
    *out = std::move(catalog);
    return true;
}

bool parseTicker24h(const QByteArray &json, QHash<QString, double> *quoteVolume, QString *error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError)
        return setError(
            error,
            QStringLiteral("ticker/24hr: not JSON (%1 at byte %2)").arg(pe.errorString()).arg(pe.offset));
    if (!doc.isArray())
        return setError(error, QStringLiteral("ticker/24hr: not an array of tickers"));
    QHash<QString, double> volumes;
    const QJsonArray list = doc.array();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject t = list[i].toObject();
        const QString name = t.value(QLatin1String("symbol")).toString();
        bool ok = false;
        const double v = t.value(QLatin1String("quoteVolume")).toString().toDouble(&ok);
        if (name.isEmpty() || !ok || !std::isfinite(v) || v < 0)
            return setError(
                error,
                QStringLiteral("ticker/24hr: entry %1 (%2) has no valid quoteVolume").arg(i).arg(name));
        volumes.insert(name, v);
    }
    *quoteVolume = std::move(volumes);
    return true;
}

QStringList searchSymbols(const SymbolCatalog &catalog, const QString &text, int limit)
{
    const QString needle = text.trimmed().toUpper();
    std::vector<std::pair<int, const SymbolInfo *>> hits;
    for (const SymbolInfo &s : catalog) {
        int rank = -1; // an empty needle: every symbol starts with it
        if (s.symbol == needle)
            rank = 0;
        else if (s.symbol.startsWith(needle))
            rank = 1;
        else if (s.baseAsset.startsWith(needle))
            rank = 2;
        else if (s.symbol.contains(needle))
            rank = 3;
        if (rank >= 0)
            hits.emplace_back(rank, &s);
    }
    std::sort(hits.begin(), hits.end(), [](const auto &a, const auto &b) {
        return a.first != b.first ? a.first < b.first : byVolume(a.second, b.second);
    });
    QStringList out;
    for (const auto &[rank, s] : hits) {
        if (out.size() >= limit)
            break;
        out << s->symbol;
    }
    return out;
}

QStringList topByQuoteVolume(const SymbolCatalog &catalog, int n)
{
    std::vector<const SymbolInfo *> all;
    for (const SymbolInfo &s : catalog)
        all.push_back(&s);
    std::sort(all.begin(), all.end(), byVolume);
    QStringList out;
    for (const SymbolInfo *s : all) {
        if (out.size() >= n)
            break;
        out << s->symbol;
    }
    return out;
}

bool saveSymbolCatalog(QSqlDatabase &db, const SymbolCatalog &catalog, qint64 updatedMs, QString *error)
{
    if (!db.transaction())
        return setError(error, db.lastError().text());
    auto abort = [&](const QSqlQuery &failed) {
        setError(error, failed.lastError().text());
        db.rollback();
        return false;
    };
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("DELETE FROM instruments")))
        return abort(q);
    q.prepare(QStringLiteral("INSERT INTO instruments(symbol, base_asset, quote_asset, tick_size, step_size, "
                             "onboard_ms, quote_volume_24h, updated_ms) VALUES(?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const SymbolInfo &s : catalog) {
        q.addBindValue(s.symbol);
        q.addBindValue(s.baseAsset.isNull() ? QStringLiteral("") : s.baseAsset);
        q.addBindValue(s.quoteAsset.isNull() ? QStringLiteral("") : s.quoteAsset);
        q.addBindValue(s.tickSize);
        q.addBindValue(s.stepSize);
        q.addBindValue(s.onboardMs);
        q.addBindValue(std::isfinite(s.quoteVolume24h) ? QVariant(s.quoteVolume24h)
                                                       : QVariant(QMetaType::fromType<double>()));
        q.addBindValue(updatedMs);
        if (!q.exec())
            return abort(q);
    }
    if (!db.commit()) {
        setError(error, db.lastError().text());
        db.rollback();
        return false;
    }
    return true;
}

bool loadSymbolCatalog(QSqlDatabase &db, SymbolCatalog *out, qint64 *updatedMs, QString *error)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT symbol, base_asset, quote_asset, tick_size, step_size, onboard_ms, "
                               "quote_volume_24h, updated_ms FROM instruments ORDER BY symbol")))
        return setError(error, q.lastError().text());
    SymbolCatalog catalog;
    qint64 updated = 0;
    while (q.next()) {
        SymbolInfo s;
        s.symbol = q.value(0).toString();
        s.baseAsset = q.value(1).toString();
        s.quoteAsset = q.value(2).toString();
        s.tickSize = q.value(3).toDouble();
        s.stepSize = q.value(4).toDouble();
        s.onboardMs = q.value(5).toLongLong();
        s.quoteVolume24h = q.value(6).isNull() ? std::nan("") : q.value(6).toDouble();
        updated = std::max(updated, q.value(7).toLongLong());
        catalog.push_back(std::move(s));
    }
    *out = std::move(catalog);
    if (updatedMs)
        *updatedMs = updated;
    return true;
}

} // namespace pairlab
