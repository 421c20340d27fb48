#include "bench/benchmarks.h"

#include "market/kline_history.h"
#include "market/kline_server.h"
#include "storage/rest_bar_store.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QHash>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <QUrlQuery>

#include <cmath>
#include <limits>
#include <random>

namespace pairlab::bench {

namespace {

constexpr qint64 MinuteMs = 60000;

/** A 1 m random walk from 60,000 (BTC-like), the bars a mock answers from. */
std::vector<Bar> walk(qint64 fromMs, qint64 n)
{
    std::mt19937_64 rng(7);
    std::normal_distribution<double> step(0.0, 25.0);
    std::vector<Bar> out(static_cast<std::size_t>(n));
    double p = 60000.0;
    for (qint64 i = 0; i < n; ++i) {
        Bar &b = out[std::size_t(i)];
        b.openMs = fromMs + i * MinuteMs;
        b.open = p;
        p = std::max(1000.0, p + step(rng));
        b.close = p;
        b.high = std::max(b.open, b.close) + 5.0;
        b.low = std::min(b.open, b.close) - 5.0;
        b.volume = 10.0 + double(i % 97);
        b.trades = 100 + i % 50;
    }
    return out;
}

/** The GET /fapi/v1/klines answer of bars[first, first + n). */
QByteArray page(const std::vector<Bar> &bars, std::size_t first, std::size_t n)
{
    if (first >= bars.size())
        return "[]";
    return klinesPage(bars, 60, bars[first].openMs, std::numeric_limits<qint64>::max(), int(n));
}

/** A loopback REST server that never throttles: it answers every klines request from `bars`, the pages a
 *  client walking the range asks for rendered beforehand (the figure is the client's, not the mock's). */
class Server : public QObject
{
public:
    explicit Server(const std::vector<Bar> &bars) : m_bars(bars)
    {
        for (std::size_t first = 0; first < bars.size(); first += 1500)
            m_pages.insert(bars[first].openMs, page(bars, first, 1500));
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                s->setParent(this);
                connect(s, &QTcpSocket::readyRead, this, [this, s] { onRead(s); });
            }
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }

private:
    void onRead(QTcpSocket *s)
    {
        QByteArray &buf = m_buffers[s];
        buf += s->readAll();
        for (qsizetype end; (end = buf.indexOf("\r\n\r\n")) >= 0;) {
            const QByteArray target = buf.left(buf.indexOf("\r\n")).split(' ').value(1);
            buf.remove(0, end + 4);
            const QUrlQuery q(QUrl(QString::fromLatin1(target)));
            const qint64 start = q.queryItemValue(QStringLiteral("startTime")).toLongLong();
            const qint64 limit = q.queryItemValue(QStringLiteral("limit")).toLongLong();
            const qint64 first = std::clamp<qint64>((start - m_bars.front().openMs + MinuteMs - 1) / MinuteMs,
                                                    0, qint64(m_bars.size()));
            const auto cached = m_pages.constFind(start);
            const QByteArray body = cached != m_pages.constEnd() && limit >= 1500
                                        ? *cached
                                        : page(m_bars, std::size_t(first), std::size_t(limit));
            s->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                     QByteArray::number(body.size()) + "\r\n\r\n" + body);
        }
    }
    QTcpServer m_server;
    const std::vector<Bar> &m_bars;
    QHash<qint64, QByteArray> m_pages;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

} // namespace

int benchHistory(const QStringList &args, QTextStream &out, QTextStream &err)
{
    qint64 bars = 200000;
    for (int i = 0; i + 1 < args.size(); ++i)
        if (args.at(i) == QLatin1String("--bars"))
            bars = std::max<qint64>(1500, args.at(i + 1).toLongLong());
    const qint64 from = 1746057600000; // 2025-05-01 00:00 UTC
    const std::vector<Bar> source = walk(from, bars);
    QTemporaryDir dir;
    QString error;

    // 1. Storage alone: parse the pages and store them (the part of the back-fill that is PairLab's own).
    std::vector<QByteArray> pages;
    for (std::size_t first = 0; first < source.size(); first += 1500)
        pages.push_back(page(source, first, 1500));
    double parseStoreRate = 0;
    {
        RestBarStore store(dir.filePath(QStringLiteral("store.sqlite")));
        if (!store.open(&error)) {
            err << error << '\n';
            return 1;
        }
        const KlineRange range{QStringLiteral("BTCUSDT"), 60, from, from + bars * MinuteMs};
        std::vector<Bar> parsed;
        qint64 stored = 0;
        QElapsedTimer t;
        t.start();
        for (const QByteArray &p : pages) {
            qint64 n = 0;
            if (!parseKlines(p, 60, &parsed, &error) || !store.store(range, parsed, &n, &error)) {
                err << error << '\n';
                return 1;
            }
            stored += n;
        }
        parseStoreRate = double(stored) / (double(t.nsecsElapsed()) / 1e9);
        if (stored != bars) {
            err << "stored " << stored << " of " << bars << " bars\n";
            return 1;
        }
    }

    // 2. End to end through KlineHistory from a loopback server that does not throttle.
    Server server(source);
    if (!server.listen()) {
        err << "cannot listen on 127.0.0.1\n";
        return 1;
    }
    RestBarStore store(dir.filePath(QStringLiteral("e2e.sqlite")));
    KlineHistoryConfig config;
    config.restBase = server.url();
    config.budget.minIntervalMs = 0;
    config.budget.weightPerMinute = 1 << 30;
    config.ban = std::make_shared<RestBan>();
    KlineHistory history(config, [&store](const KlineRange &r, const std::vector<Bar> &b, qint64 *n,
                                          QString *why) { return store.store(r, b, n, why); });
    KlineOutcome outcome;
    QObject::connect(&history, &KlineHistory::rangeFinished, &history,
                     [&outcome](const KlineOutcome &o) { outcome = o; });
    QEventLoop loop;
    QObject::connect(&history, &KlineHistory::idle, &loop, &QEventLoop::quit);
    QElapsedTimer t;
    t.start();
    QTimer::singleShot(0, &history, [&] {
        history.fill({{QStringLiteral("BTCUSDT"), 60, from, from + bars * MinuteMs}});
    });
    loop.exec();
    const double e2eRate = double(outcome.stored) / (double(t.nsecsElapsed()) / 1e9);
    if (!outcome.complete() || outcome.stored != bars) {
        err << "end to end: " << outcome.stored << " of " << bars << " bars stored: " << outcome.error
            << '\n';
        return 1;
    }

    // 3. What Binance's limits allow: 7 days × {1m, 5m} × 10 symbols at PairLab's budget (1200 of the IP's
    // 2400
    //    a minute) and 100 ms between requests, computed page by page.
    const RestBudget budget;
    int requests = 0, weight = 0;
    for (const int seconds : {60, 300}) {
        qint64 left = 7 * 86400 / seconds;
        while (left > 0) {
            const int limit = int(std::min<qint64>(left, 1500));
            weight += klineRequestWeight(limit);
            ++requests;
            left -= limit;
        }
    }
    requests *= 10;
    weight *= 10;
    const double spacingS = double(requests) * budget.minIntervalMs / 1000.0;
    const double budgetS =
        weight > budget.weightPerMinute ? 60.0 * double(weight - 1) / budget.weightPerMinute : 0;
    out << QStringLiteral("parse+store %1 k bars/s (%2 bars in pages of 1500, SQLite)\n")
               .arg(parseStoreRate / 1000.0, 0, 'f', 0)
               .arg(bars);
    out << QStringLiteral("end to end  %1 k bars/s through KlineHistory from a loopback server that does not "
                          "throttle (%2 requests); ratio to storage alone %3\n")
               .arg(e2eRate / 1000.0, 0, 'f', 0)
               .arg(outcome.requests)
               .arg(e2eRate / parseStoreRate, 0, 'f', 2);
    out << QStringLiteral(
               "at Binance's limits: 7 d x {1m, 5m} x 10 symbols = %1 requests of total weight %2: %3 s "
               "(%4 ms apart; the weight budget of %5/min %6)\n")
               .arg(requests)
               .arg(weight)
               .arg(std::max(spacingS, budgetS), 0, 'f', 1)
               .arg(budget.minIntervalMs)
               .arg(budget.weightPerMinute)
               .arg(budgetS > 0 ? QStringLiteral("adds %1 s").arg(budgetS, 0, 'f', 0)
                                : QStringLiteral("is not reached"));
    return 0;
}

} // namespace pairlab::bench
