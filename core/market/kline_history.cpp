#include "market/kline_history.h"

#include "storage/bar_store.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#include <simdjson.h>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace pairlab {

namespace {

constexpr qint64 MinuteMs = 60000;
constexpr qint64 ClockMarginMs = 5000; ///< how far the local clock may run ahead of Binance's

bool toDouble(std::string_view text, double *out)
{
    const char *end = text.data() + text.size();
    const auto r = std::from_chars(text.data(), end, *out);
    return r.ec == std::errc() && r.ptr == end && std::isfinite(*out);
}

} // namespace

qint64 KlineRange::bars() const
{
    const qint64 step = qint64(intervalSeconds) * 1000;
    if (step <= 0 || toMs <= fromMs)
        return 0;
    const qint64 first = (fromMs + step - 1) / step * step; // open times lie on the bar length's grid
    return first >= toMs ? 0 : (toMs - 1 - first) / step + 1;
}

int klineRequestWeight(int limit)
{
    if (limit < 100)
        return 1;
    if (limit < 500)
        return 2;
    if (limit <= 1000)
        return 5;
    return 10;
}

bool parseKlines(const QByteArray &json, int intervalSeconds, std::vector<Bar> *out, QString *error)
{
    out->clear();
    simdjson::dom::parser parser;
    simdjson::dom::element doc;
    if (const auto e = parser.parse(json.constData(), std::size_t(json.size())).get(doc)) {
        *error = KlineHistory::tr("not JSON: %1").arg(QString::fromLatin1(simdjson::error_message(e)));
        return false;
    }
    simdjson::dom::array rows;
    if (doc.get_array().get(rows)) {
        *error = KlineHistory::tr("not a list of klines");
        return false;
    }
    const qint64 step = qint64(intervalSeconds) * 1000;
    out->reserve(rows.size());
    std::size_t i = 0;
    for (simdjson::dom::element row : rows) {
        simdjson::dom::array k;
        Bar b;
        std::int64_t openMs = 0, trades = 0;
        std::string_view o, h, l, c, v;
        const bool shaped = !row.get_array().get(k) && k.size() >= 9 && !k.at(0).get_int64().get(openMs) &&
                            !k.at(1).get_string().get(o) && !k.at(2).get_string().get(h) &&
                            !k.at(3).get_string().get(l) && !k.at(4).get_string().get(c) &&
                            !k.at(5).get_string().get(v) && !k.at(8).get_int64().get(trades);
        if (!shaped || !toDouble(o, &b.open) || !toDouble(h, &b.high) || !toDouble(l, &b.low) ||
            !toDouble(c, &b.close) || !toDouble(v, &b.volume) ||
            !(b.open > 0 && b.high > 0 && b.low > 0 && b.close > 0 && b.volume >= 0)) {
            *error = KlineHistory::tr("kline %1 lacks a field or has one of the wrong type").arg(i);
            return false;
        }
        b.openMs = openMs;
        b.trades = trades;
        if (step <= 0 || openMs % step != 0 || (!out->empty() && openMs <= out->back().openMs)) {
            *error = KlineHistory::tr("kline %1 opens at %2, not after the one before on the %3 s grid")
                         .arg(i)
                         .arg(openMs)
                         .arg(intervalSeconds);
            return false;
        }
        out->push_back(b);
        ++i;
    }
    return true;
}

QString klineRangeText(const KlineRange &r)
{
    auto at = [](qint64 ms) {
        return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    };
    if (r.isFunding())
        return KlineHistory::tr("%1 funding %2 – %3 UTC").arg(r.symbol, at(r.fromMs), at(r.toMs));
    return KlineHistory::tr("%1 %2 %3 – %4 UTC")
        .arg(r.symbol, BarStore::intervalLabel(r.intervalSeconds), at(r.fromMs), at(r.toMs));
}

void registerKlineMetaTypes()
{
    qRegisterMetaType<pairlab::KlineRange>("pairlab::KlineRange");
    qRegisterMetaType<pairlab::KlineOutcome>("pairlab::KlineOutcome");
    qRegisterMetaType<QList<pairlab::KlineRange>>("QList<pairlab::KlineRange>");
}

KlineHistory::KlineHistory(KlineHistoryConfig config, Store store, QObject *parent)
    : QObject(parent), m_config(std::move(config)), m_store(std::move(store)),
      m_nam(new QNetworkAccessManager(this)), m_timer(new QTimer(this)), m_pacer(m_config.budget)
{
    registerKlineMetaTypes();
    if (!m_config.ban)
        m_config.ban = RestBan::shared();
    m_config.pageLimit = std::clamp(m_config.pageLimit, 1, 1500);
    m_timer->setSingleShot(true);
    // A Retry-After must not end early: a precise timer, and onTimer() checks the clock before sending.
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, &KlineHistory::onTimer);
    m_clock.start();
}

KlineHistory::~KlineHistory()
{
    m_queue.clear();
    m_job.reset();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

QUrl KlineHistory::pageUrl(const KlineHistoryConfig &config, const KlineRange &range, qint64 startMs,
                           int limit)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("symbol"), range.symbol);
    if (range.isFunding()) {
        q.addQueryItem(QStringLiteral("startTime"), QString::number(startMs));
        q.addQueryItem(QStringLiteral("endTime"), QString::number(range.toMs - 1));
        q.addQueryItem(QStringLiteral("limit"), QString::number(limit));
        return binanceRestUrl(config.restBase, QStringLiteral("/fapi/v1/fundingRate"), q);
    }
    q.addQueryItem(QStringLiteral("interval"), BarStore::intervalLabel(range.intervalSeconds));
    q.addQueryItem(QStringLiteral("startTime"), QString::number(startMs));
    q.addQueryItem(QStringLiteral("endTime"), QString::number(range.toMs - 1));
    q.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    return binanceRestUrl(config.restBase, QStringLiteral("/fapi/v1/klines"), q);
}

void KlineHistory::fill(const QList<KlineRange> &ranges)
{
    // Only closed bars: one still forming would be stored as final and never corrected. The bar open at
    // now - margin (a local clock ahead of Binance's) is not asked for.
    const qint64 closedBefore = QDateTime::currentMSecsSinceEpoch() - ClockMarginMs;
    for (KlineRange r : ranges) {
        if (r.isFunding()) {
            // A funding event is final once published: anything up to now may be asked for.
            r.toMs = std::min(r.toMs, QDateTime::currentMSecsSinceEpoch() + 1);
            if (r.toMs > r.fromMs)
                m_queue.push_back(r);
            continue;
        }
        const qint64 step = qint64(r.intervalSeconds) * 1000;
        if (step > 0)
            r.toMs = std::min(r.toMs, closedBefore / step * step); // the bar open there closes after it
        if (r.bars() > 0)
            m_queue.push_back(r);
    }
    if (!m_job)
        startNext();
}

void KlineHistory::cancel()
{
    m_timer->stop();
    m_queue.clear();
    const bool busy = m_job.has_value();
    m_job.reset();
    if (m_reply) {
        QNetworkReply *r = m_reply;
        m_reply = nullptr;
        r->disconnect(this);
        r->abort();
        r->deleteLater();
    }
    if (busy)
        Q_EMIT idle();
}

void KlineHistory::startNext()
{
    if (m_queue.empty()) {
        Q_EMIT idle();
        return;
    }
    Job job;
    job.outcome.range = m_queue.front();
    m_queue.pop_front();
    job.outcome.coveredToMs = job.outcome.range.fromMs;
    m_job = std::move(job);
    if (QString why; m_config.ban->until(QDateTime::currentMSecsSinceEpoch(), &why) >= 0) {
        finish(why);
        return;
    }
    schedule(0);
}

int KlineHistory::requestWeight() const
{
    return m_job->outcome.range.isFunding() ? FundingRequestWeight : klineRequestWeight(nextLimit());
}

int KlineHistory::nextLimit() const
{
    const KlineOutcome &o = m_job->outcome;
    if (o.range.isFunding())
        return std::min(m_config.pageLimit, FundingPageLimit);
    KlineRange rest = o.range;
    rest.fromMs = o.coveredToMs;
    return int(std::clamp<qint64>(rest.bars(), 1, m_config.pageLimit));
}

void KlineHistory::schedule(qint64 delayMs)
{
    m_dueMs = std::max(m_dueMs, m_clock.elapsed() + std::max<qint64>(delayMs, 0));
    onTimer();
}

void KlineHistory::onTimer()
{
    if (!m_job || m_reply)
        return;
    // The later of the wait asked for (Retry-After, backoff) and the pacing; a timer that fired early
    // (coarse timers may) is started again for the rest.
    const qint64 now = m_clock.elapsed();
    const qint64 wait = std::max({m_dueMs - now, m_pacer.delayMs(requestWeight()),
                                  m_config.ban->pausedFor(QDateTime::currentMSecsSinceEpoch())});
    if (wait > 0) {
        m_timer->start(int(std::min<qint64>(wait, 10 * MinuteMs)));
        return;
    }
    send();
}

void KlineHistory::send()
{
    KlineOutcome &o = m_job->outcome;
    if (QString why; m_config.ban->until(QDateTime::currentMSecsSinceEpoch(), &why) >= 0) {
        finish(why);
        return;
    }
    const int limit = nextLimit();
    QNetworkRequest request(pageUrl(m_config, o.range, o.coveredToMs, limit));
    request.setTransferTimeout(m_config.timeoutMs);
    request.setRawHeader("Accept", "application/json");
    ++o.requests;
    o.weight += requestWeight();
    m_pacer.sent(requestWeight());
    m_reply = m_nam->get(request);
    QNetworkReply *reply = m_reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onReply(reply); });
}

void KlineHistory::onReply(QNetworkReply *reply)
{
    reply->deleteLater();
    if (reply != m_reply || !m_job)
        return;
    m_reply = nullptr;
    const RestAnswer answer = readRestAnswer(reply, m_pacer, *m_config.ban, m_config.timeoutMs);
    switch (answer.kind) {
    case RestAnswer::Kind::Ok:
        if (m_job->outcome.range.isFunding())
            takeFundingPage(answer.body);
        else
            takePage(answer.body);
        return;
    case RestAnswer::Kind::Retry:
        retry(answer.message);
        return;
    case RestAnswer::Kind::RateLimited:
        ++m_job->outcome.rateLimited;
        retry(answer.message, answer.waitMs);
        return;
    case RestAnswer::Kind::Banned:
    case RestAnswer::Kind::Refused:
        finish(answer.message);
        return;
    }
}

void KlineHistory::retry(const QString &why, qint64 waitMs)
{
    Job &job = *m_job;
    if (++job.failures >= m_config.maxAttempts) {
        finish(tr("%1 (failed answers in a row: %2)").arg(why).arg(job.failures));
        return;
    }
    schedule(waitMs >= 0 ? waitMs : m_pacer.backoffMs(job.failures - 1));
}

void KlineHistory::takePage(const QByteArray &body)
{
    Job &job = *m_job;
    KlineOutcome &o = job.outcome;
    std::vector<Bar> page;
    QString error;
    if (!parseKlines(body, o.range.intervalSeconds, &page, &error)) {
        retry(tr("malformed answer: %1").arg(error));
        return;
    }
    job.failures = 0;
    // Only what was asked for: bars of the range not answered yet.
    std::erase_if(page, [&](const Bar &b) { return b.openMs < o.coveredToMs || b.openMs >= o.range.toMs; });
    if (page.empty()) {
        emptyPage();
        return;
    }
    qint64 stored = 0;
    if (!m_store(o.range, page, &stored, &error)) {
        finish(tr("the bars could not be stored: %1").arg(error));
        return;
    }
    pageStored(qint64(page.size()), stored, page.back().openMs + qint64(o.range.intervalSeconds) * 1000);
}

void KlineHistory::takeFundingPage(const QByteArray &body)
{
    Job &job = *m_job;
    KlineOutcome &o = job.outcome;
    std::vector<FundingEvent> page;
    QString error;
    if (!parseFundingRates(body, o.range.symbol, &page, &error)) {
        retry(tr("malformed answer: %1").arg(error));
        return;
    }
    job.failures = 0;
    // Published funding events are final: a page shorter than asked for is the end of what there is.
    const bool last = int(page.size()) < nextLimit();
    std::erase_if(
        page, [&](const FundingEvent &e) { return e.timeMs < o.coveredToMs || e.timeMs >= o.range.toMs; });
    if (page.empty()) {
        if (last) {
            o.coveredToMs = o.range.toMs;
            finish(QString());
        } else {
            emptyPage();
        }
        return;
    }
    qint64 stored = 0;
    if (!m_fundingStore) {
        finish(tr("funding events have nowhere to go"));
        return;
    }
    if (!m_fundingStore(o.range, page, &stored, &error)) {
        finish(tr("the funding events could not be stored: %1").arg(error));
        return;
    }
    pageStored(qint64(page.size()), stored, last ? o.range.toMs : page.back().timeMs + 1);
}

void KlineHistory::emptyPage()
{
    // Binance has nothing from coveredToMs to the end of the range — said twice in a row, so that one
    // empty answer of a proxy or a restarting server cannot end a range that has bars.
    if (++m_job->emptyAnswers < 2) {
        schedule(0);
        return;
    }
    m_job->outcome.coveredToMs = m_job->outcome.range.toMs;
    finish(QString());
}

void KlineHistory::pageStored(qint64 received, qint64 stored, qint64 coveredToMs)
{
    KlineOutcome &o = m_job->outcome;
    m_job->emptyAnswers = 0;
    o.received += received;
    o.stored += stored;
    o.coveredToMs = coveredToMs;
    Q_EMIT progress(o.range, o.coveredToMs, o.stored);
    if (o.coveredToMs >= o.range.toMs)
        finish(QString());
    else
        schedule(0);
}

void KlineHistory::finish(const QString &error)
{
    KlineOutcome o = std::move(m_job->outcome);
    m_job.reset();
    o.error = error;
    Q_EMIT rangeFinished(o);
    if (QString why; m_config.ban->until(QDateTime::currentMSecsSinceEpoch(), &why) >= 0) {
        while (!m_queue.empty()) {
            KlineOutcome refused;
            refused.range = m_queue.front();
            refused.coveredToMs = refused.range.fromMs;
            refused.error = why;
            m_queue.pop_front();
            Q_EMIT rangeFinished(refused);
        }
    }
    startNext();
}

} // namespace pairlab
