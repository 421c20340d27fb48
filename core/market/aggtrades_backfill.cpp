#include "market/aggtrades_backfill.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>

namespace pairlab {

namespace {

constexpr qint64 MinuteMs = 60000;

bool toDouble(const QByteArray &text, double *out)
{
    const char *end = text.constData() + text.size();
    const auto r = std::from_chars(text.constData(), end, *out);
    return r.ec == std::errc() && r.ptr == end;
}

// "0.206" -> 206 with scale 3: the exact decimal as an integer count of 10^-scale.
bool decimalUnits(const QByteArray &text, std::int64_t *units, int *scale)
{
    std::int64_t v = 0;
    int digits = 0, sc = -1;
    for (char c : text) {
        if (c == '.' && sc < 0) {
            sc = 0;
            continue;
        }
        if (c < '0' || c > '9' || ++digits > 18)
            return false;
        v = v * 10 + (c - '0');
        if (sc >= 0)
            ++sc;
    }
    if (digits == 0)
        return false;
    *units = v;
    *scale = std::max(sc, 0);
    return true;
}

double unitsToDouble(std::int64_t units, int scale)
{
    std::string s = std::to_string(units);
    if (scale > 0) {
        if (int(s.size()) <= scale)
            s.insert(0, std::size_t(scale + 1 - int(s.size())), '0');
        s.insert(s.size() - std::size_t(scale), 1, '.');
    }
    double d = 0;
    std::from_chars(s.data(), s.data() + s.size(), d);
    return d;
}

} // namespace

TradeGapList BackfillOutcome::records() const
{
    TradeGapList out;
    if (filledTo >= gap.fromId) {
        TradeGap f = gap;
        f.edge.clear();
        f.toId = std::min(filledTo, gap.toId);
        f.toMs = complete() ? gap.toMs : filledToMs;
        f.state = GapState::Filled;
        f.reason = missingIds > 0 ? AggTradesBackfill::tr("%n trade id(s) not in Binance's aggregate trades",
                                                          nullptr, int(missingIds))
                                  : QString();
        out << f;
    }
    if (!complete()) {
        TradeGap u = gap;
        u.edge.clear();
        u.fromId = std::max(filledTo + 1, gap.fromId);
        if (filledTo >= gap.fromId)
            u.fromMs = filledToMs;
        u.state = GapState::Unfillable;
        u.reason = reason;
        out << u;
    }
    return out;
}

AggTradesBackfill::AggTradesBackfill(BackfillConfig config, QObject *parent)
    : QObject(parent), m_config(std::move(config)), m_nam(new QNetworkAccessManager(this)),
      m_timer(new QTimer(this)), m_pacer(RestBudget{m_config.weightPerMinute, m_config.minIntervalMs,
                                                    m_config.retryBaseMs, m_config.retryCapMs})
{
    if (!m_config.ban)
        m_config.ban = RestBan::shared();
    m_timer->setSingleShot(true);
    m_timer->setTimerType(Qt::PreciseTimer); // a Retry-After must not end early
    connect(m_timer, &QTimer::timeout, this, &AggTradesBackfill::send);
}

AggTradesBackfill::~AggTradesBackfill()
{
    cancel();
}

QUrl AggTradesBackfill::pageUrl(const BackfillConfig &config, const SymbolCode &symbol, std::int64_t fromId,
                                std::int64_t startMs, std::int64_t endMs)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("symbol"), symbol.toString());
    if (fromId >= 0)
        q.addQueryItem(QStringLiteral("fromId"), QString::number(fromId));
    if (startMs >= 0)
        q.addQueryItem(QStringLiteral("startTime"), QString::number(startMs));
    if (endMs >= 0)
        q.addQueryItem(QStringLiteral("endTime"), QString::number(endMs));
    q.addQueryItem(QStringLiteral("limit"), QString::number(config.pageLimit));
    return binanceRestUrl(config.restBase, QStringLiteral("/fapi/v1/aggTrades"), q);
}

bool AggTradesBackfill::parsePage(const QByteArray &json, std::vector<AggTrade> *out, QString *error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError) {
        *error = tr("not JSON: %1 at offset %2").arg(pe.errorString()).arg(pe.offset);
        return false;
    }
    if (!doc.isArray()) {
        *error = tr("not a list of aggregate trades");
        return false;
    }
    out->clear();
    const QJsonArray rows = doc.array();
    out->reserve(std::size_t(rows.size()));
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const QJsonObject o = rows.at(i).toObject();
        AggTrade t;
        const QJsonValue a = o.value(QLatin1String("a")), f = o.value(QLatin1String("f")),
                         l = o.value(QLatin1String("l")), T = o.value(QLatin1String("T")),
                         m = o.value(QLatin1String("m"));
        const QByteArray p = o.value(QLatin1String("p")).toString().toLatin1();
        t.qtyText = o.value(QLatin1String("q")).toString().toLatin1();
        if (!a.isDouble() || !f.isDouble() || !l.isDouble() || !T.isDouble() || !m.isBool() ||
            !toDouble(p, &t.price) || !toDouble(t.qtyText, &t.qty)) {
            *error = tr("aggregate trade %1 lacks a field or has one of the wrong type").arg(i);
            return false;
        }
        t.a = a.toInteger();
        t.f = f.toInteger();
        t.l = l.toInteger();
        t.T = T.toInteger();
        t.buyerMaker = m.toBool();
        if (t.l < t.f || (!out->empty() && t.a <= out->back().a)) {
            *error = tr("aggregate trade %1 is out of order").arg(t.a);
            return false;
        }
        out->push_back(t);
    }
    return true;
}

void AggTradesBackfill::fill(const TradeGap &gap)
{
    if (gap.count() <= 0)
        return;
    if (QString why; m_config.ban->until(QDateTime::currentMSecsSinceEpoch(), &why) >= 0) {
        refuse(gap, why);
        return;
    }
    m_queue.push_back(gap);
    if (!m_job)
        startNext();
}

void AggTradesBackfill::cancel()
{
    m_timer->stop();
    m_queue.clear();
    m_job.reset();
    if (m_reply) {
        QNetworkReply *r = m_reply;
        m_reply = nullptr;
        r->disconnect(this);
        r->abort();
        r->deleteLater();
    }
}

void AggTradesBackfill::refuse(const TradeGap &gap, const QString &reason)
{
    BackfillOutcome o;
    o.gap = gap;
    o.filledTo = gap.fromId - 1;
    o.filledToMs = gap.fromMs;
    o.reason = reason;
    Q_EMIT finished(o);
}

void AggTradesBackfill::startNext()
{
    if (m_queue.empty())
        return;
    Job job;
    job.outcome.gap = std::move(m_queue.front());
    m_queue.pop_front();
    job.outcome.filledTo = job.outcome.gap.fromId - 1;
    job.outcome.filledToMs = job.outcome.gap.fromMs;
    if (m_config.kind == StreamKind::AggTrade)
        job.nextAggId = job.outcome.gap.fromId;
    m_job = std::move(job);
    schedule(0);
}

void AggTradesBackfill::schedule(qint64 delayMs)
{
    m_dueWallMs = std::max(m_dueWallMs, QDateTime::currentMSecsSinceEpoch() + std::max<qint64>(delayMs, 0));
    send(); // sends now, or starts the timer for what is left to wait
}

void AggTradesBackfill::send()
{
    if (!m_job || m_reply)
        return;
    // The later of the wait asked for (Retry-After, backoff), the pacing and another client's Retry-After; a
    // long wait is split into timer runs of at most 10 minutes, each checked against the clock.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 wait =
        std::max({m_dueWallMs - now, m_pacer.delayMs(m_config.requestWeight), m_config.ban->pausedFor(now)});
    if (wait > 0) {
        m_timer->start(int(std::min<qint64>(wait, 10 * MinuteMs)));
        return;
    }
    if (QString why; m_config.ban->until(QDateTime::currentMSecsSinceEpoch(), &why) >= 0) {
        finish(why); // another client's 418: not one more request
        return;
    }
    Job &job = *m_job;
    if (job.outcome.requests >= m_config.maxRequestsPerGap) {
        finish(tr("stopped after %n request(s)", nullptr, job.outcome.requests));
        return;
    }
    const TradeGap &gap = job.outcome.gap;
    const QUrl url = job.nextAggId >= 0
                         ? pageUrl(m_config, gap.symbol, job.nextAggId)
                         : pageUrl(m_config, gap.symbol, -1, gap.fromMs,
                                   std::min<std::int64_t>(gap.toMs, gap.fromMs + 60 * MinuteMs - 1));
    QNetworkRequest request(url);
    request.setTransferTimeout(m_config.timeoutMs);
    request.setRawHeader("Accept", "application/json");
    ++job.outcome.requests;
    ++m_requestsSent;
    m_pacer.sent(m_config.requestWeight);
    m_reply = m_nam->get(request);
    QNetworkReply *reply = m_reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onReply(reply); });
}

void AggTradesBackfill::onReply(QNetworkReply *reply)
{
    reply->deleteLater();
    if (reply != m_reply || !m_job)
        return;
    m_reply = nullptr;
    Job &job = *m_job;
    const RestAnswer answer = readRestAnswer(reply, m_pacer, *m_config.ban, m_config.timeoutMs);
    switch (answer.kind) {
    case RestAnswer::Kind::Ok:
        break;
    case RestAnswer::Kind::Retry:
        retry(answer.message);
        return;
    case RestAnswer::Kind::RateLimited:
        ++job.outcome.rateLimited;
        schedule(answer.waitMs >= 0 ? answer.waitMs : m_pacer.backoffMs(job.outcome.rateLimited - 1));
        return;
    case RestAnswer::Kind::Banned:
    case RestAnswer::Kind::Refused:
        finish(answer.message);
        return;
    }
    std::vector<AggTrade> page;
    QString error;
    if (!parsePage(answer.body, &page, &error)) {
        retry(tr("malformed answer: %1").arg(error));
        return;
    }
    job.retries = 0;
    QString reason;
    const bool done = takePage(page, &reason);
    Q_EMIT progress(job.outcome.gap, job.outcome.filledTo, job.outcome.requests);
    if (done)
        finish(reason);
    else
        schedule(0);
}

bool AggTradesBackfill::takePage(const std::vector<AggTrade> &page, QString *reason)
{
    BackfillOutcome &o = m_job->outcome;
    const TradeGap &gap = o.gap;
    const bool byTime = m_job->nextAggId < 0;
    if (page.empty()) {
        *reason =
            byTime ? tr("Binance has no aggregate trades of %1 from %2 on")
                         .arg(gap.symbol.toString(),
                              QDateTime::fromMSecsSinceEpoch(gap.fromMs, Qt::UTC).toString(Qt::ISODateWithMs))
                   : tr("Binance has no aggregate trades of %1 after id %2")
                         .arg(gap.symbol.toString())
                         .arg(m_job->nextAggId - 1);
        return true;
    }
    std::vector<Tick> out;
    bool done = false;
    const bool aggIds = m_config.kind == StreamKind::AggTrade;
    for (const AggTrade &t : page) {
        const std::int64_t first = aggIds ? t.a : t.f, last = aggIds ? t.a : t.l;
        if (last <= o.filledTo)
            continue; // before the gap (or already taken)
        if (first > gap.toId || (!aggIds && t.T > gap.toMs)) {
            done = true; // past the gap: ids not reached are in no aggregate trade
            break;
        }
        const std::int64_t lo = std::max(first, o.filledTo + 1), hi = std::min(last, gap.toId);
        o.missingIds += lo - (o.filledTo + 1);
        Tick tick;
        tick.symbol = gap.symbol;
        tick.tsMs = t.T;
        tick.price = t.price;
        tick.buyerMaker = t.buyerMaker;
        tick.tradeId = lo;
        tick.qty = t.qty;
        if (!aggIds) {
            // The quantity less what the stream delivered of this aggregate trade, in exact decimal.
            std::int64_t units = 0;
            int scale = 0;
            if (decimalUnits(t.qtyText, &units, &scale)) {
                const double factor = std::pow(10.0, scale);
                std::int64_t known = 0;
                for (const Tick &e : gap.edge)
                    if (e.tradeId >= t.f && e.tradeId <= t.l && (e.tradeId < lo || e.tradeId > hi) &&
                        e.price == t.price)
                        known += std::llround(e.qty * factor);
                if (known > 0)
                    tick.qty = unitsToDouble(std::max<std::int64_t>(0, units - known), scale);
            }
        }
        out.push_back(tick);
        for (std::int64_t id = lo + 1; id <= hi; ++id) {
            tick.tradeId = id;
            tick.qty = 0;
            out.push_back(tick);
        }
        o.filledTo = hi;
        o.filledToMs = t.T;
        if (hi >= gap.toId) {
            done = true;
            break;
        }
    }
    m_job->nextAggId = page.back().a + 1;
    if (!done && !byTime && int(page.size()) < m_config.pageLimit) {
        done = true; // the newest trades reached
    }
    if (done && !o.complete()) {
        if (!aggIds && (page.back().T > gap.toMs || page.back().l > gap.toId)) {
            // Binance went past the gap: the ids left are in no aggregate trade.
            o.missingIds += gap.toId - o.filledTo;
            o.filledTo = gap.toId;
            o.filledToMs = gap.toMs;
        } else if (reason->isEmpty()) {
            *reason = tr("Binance has no aggregate trades of %1 after id %2")
                          .arg(gap.symbol.toString())
                          .arg(page.back().a);
        }
    }
    o.ticks += std::int64_t(out.size());
    if (!out.empty())
        Q_EMIT ticks(std::make_shared<const std::vector<Tick>>(std::move(out)));
    return done;
}

void AggTradesBackfill::retry(const QString &why)
{
    Job &job = *m_job;
    if (++job.retries > m_config.maxRetries) {
        finish(tr("%1 (after %n attempt(s))", nullptr, job.retries).arg(why));
        return;
    }
    schedule(m_pacer.backoffMs(job.retries - 1));
}

void AggTradesBackfill::finish(const QString &reason)
{
    BackfillOutcome o = std::move(m_job->outcome);
    m_job.reset();
    if (!o.complete())
        o.reason = reason.isEmpty() ? tr("not found in Binance's aggregate trades") : reason;
    Q_EMIT finished(o);
    if (QString why; m_config.ban->until(QDateTime::currentMSecsSinceEpoch(), &why) >= 0) {
        while (!m_queue.empty()) {
            const TradeGap g = std::move(m_queue.front());
            m_queue.pop_front();
            refuse(g, why);
        }
    }
    startNext();
}

} // namespace pairlab
