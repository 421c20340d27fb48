#include "market/binance_rest.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>

#include <algorithm>
#include <cmath>

namespace pairlab {

namespace {

constexpr qint64 MinuteMs = 60000;

struct RestText
{
    Q_DECLARE_TR_FUNCTIONS(BinanceRest)
};

} // namespace

QUrl binanceRestUrl(const QUrl &base, const QString &path, const QUrlQuery &query)
{
    QUrl url = base;
    QString prefix = url.path();
    while (prefix.endsWith(QLatin1Char('/')))
        prefix.chop(1);
    url.setPath(prefix + path);
    url.setQuery(query);
    return url;
}

std::shared_ptr<RestBan> RestBan::shared()
{
    static const std::shared_ptr<RestBan> ban = std::make_shared<RestBan>();
    return ban;
}

void RestBan::banUntil(qint64 wallMs, const QString &reason)
{
    const std::lock_guard lock(m_mutex);
    if (wallMs > m_untilMs) {
        m_untilMs = wallMs;
        m_reason = reason;
    }
}

qint64 RestBan::until(qint64 nowMs, QString *reason) const
{
    const std::lock_guard lock(m_mutex);
    if (m_untilMs <= nowMs)
        return -1;
    if (reason)
        *reason = m_reason;
    return m_untilMs;
}

void RestBan::pauseUntil(qint64 wallMs)
{
    const std::lock_guard lock(m_mutex);
    m_pausedUntilMs = std::max(m_pausedUntilMs, wallMs);
}

qint64 RestBan::pausedFor(qint64 nowMs) const
{
    const std::lock_guard lock(m_mutex);
    return std::max<qint64>(0, m_pausedUntilMs - nowMs);
}

RestPacer::RestPacer(RestBudget budget) : m_budget(budget)
{
    m_clock.start();
}

qint64 RestPacer::delayMs(int weight) const
{
    const qint64 now = m_clock.elapsed();
    qint64 wait = 0;
    if (!m_sent.empty())
        wait = std::max<qint64>(wait, m_sent.back().first + m_budget.minIntervalMs - now);
    // Our own weight over a sliding minute: wait until enough of the oldest requests have left it.
    qint64 recent = 0;
    for (const auto &[t, w] : m_sent)
        recent += t > now - MinuteMs ? w : 0;
    if (recent + weight > m_budget.weightPerMinute) {
        qint64 excess = recent + weight - m_budget.weightPerMinute;
        for (const auto &[t, w] : m_sent) {
            if (t <= now - MinuteMs)
                continue;
            excess -= w;
            if (excess <= 0) {
                wait = std::max(wait, t + MinuteMs - now + 1);
                break;
            }
        }
    }
    // Binance's count for this IP address, per wall-clock minute.
    const qint64 wall = QDateTime::currentMSecsSinceEpoch();
    if (m_serverWeight >= 0 && m_serverWeightMinute == wall / MinuteMs &&
        m_serverWeight + weight > m_budget.weightPerMinute)
        wait = std::max(wait, (wall / MinuteMs + 1) * MinuteMs - wall + 50);
    return std::max<qint64>(wait, 0);
}

void RestPacer::sent(int weight)
{
    const qint64 now = m_clock.elapsed();
    m_sent.emplace_back(now, weight);
    while (!m_sent.empty() && m_sent.front().first <= now - MinuteMs)
        m_sent.pop_front();
}

void RestPacer::answered(const QNetworkReply *reply)
{
    bool ok = false;
    const qint64 weight = reply->rawHeader("X-MBX-USED-WEIGHT-1m").trimmed().toLongLong(&ok);
    if (ok) {
        m_serverWeight = weight;
        m_serverWeightMinute = QDateTime::currentMSecsSinceEpoch() / MinuteMs;
    }
}

qint64 RestPacer::backoffMs(int attempt) const
{
    const double raw = double(m_budget.retryBaseMs) * std::pow(2.0, std::clamp(attempt, 0, 20));
    return qint64(std::min(raw, double(m_budget.retryCapMs)));
}

RestAnswer readRestAnswer(QNetworkReply *reply, RestPacer &pacer, RestBan &ban, int timeoutMs)
{
    RestAnswer a;
    pacer.answered(reply);
    a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    bool ok = false;
    const qint64 retryAfter = reply->rawHeader("Retry-After").trimmed().toLongLong(&ok);
    a.waitMs = ok && retryAfter >= 0 ? retryAfter * 1000 : -1;
    if (a.status == 0) { // no answer: refused, reset, timed out
        a.kind = RestAnswer::Kind::Retry;
        a.message = reply->error() == QNetworkReply::OperationCanceledError
                        ? RestText::tr("no answer within %1 s").arg(double(timeoutMs) / 1000.0)
                        : reply->errorString();
        return a;
    }
    a.body = reply->readAll();
    if (a.status == 200)
        return a;
    if (a.status == 418) {
        const qint64 banMs = a.waitMs >= 0 ? a.waitMs : 2 * MinuteMs;
        a.kind = RestAnswer::Kind::Banned;
        a.message = RestText::tr("Binance banned this IP address (HTTP 418) for %1 s").arg(banMs / 1000);
        ban.banUntil(QDateTime::currentMSecsSinceEpoch() + banMs, a.message);
        return a;
    }
    if (a.status == 429) {
        if (a.waitMs >= 0) // every client of this IP waits it out, not only the one that was told
            ban.pauseUntil(QDateTime::currentMSecsSinceEpoch() + a.waitMs);
        a.kind = RestAnswer::Kind::RateLimited;
        a.message = RestText::tr("rate limited by Binance (HTTP 429)");
        return a;
    }
    if (a.status >= 500 && a.status < 600) {
        a.kind = RestAnswer::Kind::Retry;
        a.message = RestText::tr("HTTP %1").arg(a.status);
        return a;
    }
    QString msg = QString::fromUtf8(a.body.left(200));
    const QJsonDocument doc = QJsonDocument::fromJson(a.body);
    if (doc.isObject() && doc.object().contains(QLatin1String("msg")))
        msg = doc.object().value(QLatin1String("msg")).toString();
    a.kind = RestAnswer::Kind::Refused;
    a.message = RestText::tr("Binance refused the request (HTTP %1): %2").arg(a.status).arg(msg);
    return a;
}

} // namespace pairlab
