#pragma once

#include "market/binance_rest.h"
#include "market/symbol_catalog.h"

#include <QElapsedTimer>
#include <QObject>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace pairlab {

struct SymbolCatalogFetchConfig
{
    QUrl restBase = QUrl(QStringLiteral("https://fapi.binance.com"));
    int maxAttempts = 4;   ///< failed answers in a row (no answer, 5xx, 429, malformed) before giving up
    int timeoutMs = 10000; ///< a request that transfers nothing for this long has failed
    RestBudget budget;
    std::shared_ptr<RestBan> ban = RestBan::shared();
};

/** Fetches the exchange's symbol catalogue: GET /fapi/v1/exchangeInfo (weight 1), then GET
 *  /fapi/v1/ticker/24hr (weight 40) for every symbol's 24 h quote volume. Paced and retried like the history
 *  back-fill (RestPacer; Retry-After of a 429; no request during a 418 ban; backoff after no answer, a 5xx or
 *  a malformed answer, maxAttempts failed answers in a row end it). When the volumes cannot be had, the
 *  catalogue still comes, without them, and `error` says why. Any thread with an event loop. */
class SymbolCatalogFetch : public QObject
{
    Q_OBJECT
public:
    explicit SymbolCatalogFetch(SymbolCatalogFetchConfig config = {}, QObject *parent = nullptr);
    ~SymbolCatalogFetch() override;
    bool isBusy() const { return m_step != Step::Idle; }

public Q_SLOTS:
    void fetch();

Q_SIGNALS:
    /** The catalogue (empty when exchangeInfo could not be had) and, empty on full success, what went wrong.
     */
    void finished(const pairlab::SymbolCatalog &catalog, const QString &error);

private:
    enum class Step { Idle, ExchangeInfo, Ticker };
    void schedule(qint64 delayMs);
    void onTimer();
    void send();
    void onReply(QNetworkReply *reply);
    void retry(const QString &why, qint64 waitMs = -1);
    void finish(const QString &error);
    int weight() const { return m_step == Step::Ticker ? 40 : 1; }

    SymbolCatalogFetchConfig m_config;
    QNetworkAccessManager *m_nam;
    QTimer *m_timer;
    QElapsedTimer m_clock;
    QNetworkReply *m_reply = nullptr;
    RestPacer m_pacer;
    Step m_step = Step::Idle;
    qint64 m_dueMs = 0;
    int m_failures = 0;
    SymbolCatalog m_catalog;
};

} // namespace pairlab
