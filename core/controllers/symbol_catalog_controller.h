#pragma once

#include "market/binance_rest.h"
#include "market/symbol_catalog.h"

#include <QFutureWatcher>
#include <QObject>
#include <QUrl>

#include <memory>

class QThread;

namespace pairlab {

class SymbolCatalogFetch;

/** The exchange's symbol catalogue for the app: the stored copy is loaded when a session starts on a
 *  database, and fetched again (exchangeInfo + 24 h volumes) when it is missing or older than a day; a
 *  fetched catalogue is stored back. Decides what the universe picker offers: search, "top N by 24 h quote
 *  volume", all perpetuals. GUI thread; the fetch runs on its own thread, the database on a worker. */
class SymbolCatalogController : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 MaxAgeMs = qint64(24) * 3600 * 1000;

    explicit SymbolCatalogController(QObject *parent = nullptr);
    ~SymbolCatalogController() override;

    /** Where the catalogue is stored and fetched from; loads the stored copy and refreshes it when stale.
     *  `ban`: the REST ban the requests respect (the application's unless a loopback server is the source).
     */
    void setSource(const QString &database, const QUrl &restBase,
                   std::shared_ptr<RestBan> ban = RestBan::shared());

    const SymbolCatalog &catalog() const { return m_catalog; }
    qint64 updatedMs() const { return m_updatedMs; }
    bool isFetching() const { return m_fetching; }
    bool canFetch() const { return m_fetch != nullptr; } ///< false for a replay (no exchange behind it)
    /** "312 perpetuals, fetched 2026-12-03 10:12 UTC", "Fetching the symbol list…", or why there is none. */
    QString status() const;
    QStringList search(const QString &text, int limit = 50) const
    {
        return searchSymbols(m_catalog, text, limit);
    }
    QStringList top(int n) const { return topByQuoteVolume(m_catalog, n); }
    QStringList all() const;

public Q_SLOTS:
    /** Fetches now (unless a fetch is running). */
    void refresh();

Q_SIGNALS:
    void catalogChanged();
    void statusChanged(const QString &status);

private:
    void loadStored(const QString &database);
    void onFetched(const SymbolCatalog &catalog, const QString &error);
    void setProblem(const QString &problem);

    SymbolCatalog m_catalog;
    qint64 m_updatedMs = 0;
    QString m_database, m_problem;
    bool m_fetching = false;
    QThread *m_thread;
    SymbolCatalogFetch *m_fetch = nullptr; ///< lives on m_thread
    QFutureWatcher<std::pair<SymbolCatalog, qint64>> m_load;
    QFutureWatcher<QString> m_save;
    int m_generation = 0; ///< a source change makes older answers stale
};

} // namespace pairlab
