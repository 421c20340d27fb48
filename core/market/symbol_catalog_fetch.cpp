#include "market/symbol_catalog_fetch.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#include <algorithm>

namespace pairlab {

SymbolCatalogFetch::SymbolCatalogFetch(SymbolCatalogFetchConfig config, QObject *parent)
    : QObject(parent), m_config(std::move(config)), m_nam(new QNetworkAccessManager(this)),
      m_timer(new QTimer(this)), m_pacer(m_config.budget)
{
    qRegisterMetaType<pairlab::SymbolCatalog>();
    m_timer->setSingleShot(true);
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, &SymbolCatalogFetch::onTimer);
    m_clock.start();
}

SymbolCatalogFetch::~SymbolCatalogFetch()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void SymbolCatalogFetch::fetch()
{
    if (isBusy())
        return;
    m_step = Step::ExchangeInfo;
    m_failures = 0;
    m_catalog.clear();
    // From the event loop, never from within this call: finished() (a ban ends the fetch at once) always
    // comes after fetch() returned.
    QMetaObject::invokeMethod(
        this, [this] { schedule(0); }, Qt::QueuedConnection);
}

void SymbolCatalogFetch::schedule(qint64 delayMs)
{
    m_dueMs = std::max(m_dueMs, m_clock.elapsed() + std::max<qint64>(delayMs, 0));
    onTimer();
}

void SymbolCatalogFetch::onTimer()
{
    if (m_step == Step::Idle || m_reply)
        return;
    if (QString why; m_config.ban->until(QDateTime::currentMSecsSinceEpoch(), &why) >= 0) {
        finish(why);
        return;
    }
    const qint64 wait = std::max({m_dueMs - m_clock.elapsed(), m_pacer.delayMs(weight()),
                                  m_config.ban->pausedFor(QDateTime::currentMSecsSinceEpoch())});
    if (wait > 0) {
        m_timer->start(int(std::min<qint64>(wait, 600000)));
        return;
    }
    send();
}

void SymbolCatalogFetch::send()
{
    const QString path = m_step == Step::Ticker ? QStringLiteral("/fapi/v1/ticker/24hr")
                                                : QStringLiteral("/fapi/v1/exchangeInfo");
    QNetworkRequest request(binanceRestUrl(m_config.restBase, path, {}));
    request.setTransferTimeout(m_config.timeoutMs);
    request.setRawHeader("Accept", "application/json");
    m_pacer.sent(weight());
    m_reply = m_nam->get(request);
    QNetworkReply *reply = m_reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onReply(reply); });
}

void SymbolCatalogFetch::onReply(QNetworkReply *reply)
{
    reply->deleteLater();
    if (reply != m_reply)
        return;
    m_reply = nullptr;
    const RestAnswer answer = readRestAnswer(reply, m_pacer, *m_config.ban, m_config.timeoutMs);
    switch (answer.kind) {
    case RestAnswer::Kind::Ok:
        break;
    case RestAnswer::Kind::Retry:
        retry(answer.message);
        return;
    case RestAnswer::Kind::RateLimited:
        retry(answer.message, answer.waitMs);
        return;
    case RestAnswer::Kind::Banned:
    case RestAnswer::Kind::Refused:
        finish(answer.message);
        return;
    }
    QString error;
    if (m_step == Step::ExchangeInfo) {
        if (!parseExchangeInfo(answer.body, &m_catalog, &error)) {
            retry(tr("malformed answer: %1").arg(error));
            return;
        }
        m_failures = 0;
        m_step = Step::Ticker;
        schedule(0);
        return;
    }
    QHash<QString, double> volumes;
    if (!parseTicker24h(answer.body, &volumes, &error)) {
        retry(tr("malformed answer: %1").arg(error));
        return;
    }
    for (SymbolInfo &s : m_catalog)
        s.quoteVolume24h = volumes.value(s.symbol, s.quoteVolume24h);
    finish(QString());
}

void SymbolCatalogFetch::retry(const QString &why, qint64 waitMs)
{
    if (++m_failures >= m_config.maxAttempts) {
        finish(tr("%1 (failed answers in a row: %2)").arg(why).arg(m_failures));
        return;
    }
    schedule(waitMs >= 0 ? waitMs : m_pacer.backoffMs(m_failures - 1));
}

void SymbolCatalogFetch::finish(const QString &error)
{
    const bool volumesOnly = m_step == Step::Ticker;
    m_step = Step::Idle;
    m_timer->stop();
    SymbolCatalog catalog = std::move(m_catalog);
    m_catalog.clear();
    Q_EMIT finished(
        catalog, error.isEmpty() || !volumesOnly ? error : tr("the 24 h volumes are missing: %1").arg(error));
}

} // namespace pairlab
