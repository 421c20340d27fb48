#include "alerts/alert_store.h"
#include "api/api_server.h"
#include "bench/benchmarks.h"
#include "bench/fixtures.h"
#include "controllers/serve_controller.h"
#include "market/recording.h"
#include "market/replay_server.h"
#include "session/live_session.h"
#include "storage/database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>
#include <QWebSocket>

#include <algorithm>
#include <map>
#include <set>

namespace pairlab::bench {

namespace {

constexpr char kToken[] = "bench-token-0123456789";

/** The load: HTTP clients polling one target on keep-alive connections (the next request `pollMs` after an
 *  answer) and WebSocket subscribers counting what they hear. Lives on a thread of its own, so that the
 *  server's thread is measured, not the load's. */
class Load : public QObject
{
public:
    struct Poller
    {
        QTcpSocket *socket = nullptr;
        QByteArray buffer;
        qint64 sentNs = 0;
    };
    struct Subscriber
    {
        QWebSocket *ws = nullptr;
        std::vector<qint64> alertIds;
        qint64 pairs = 0, bars = 0;
    };

    Load(quint16 port, QByteArray target, int clients, int streams, int pollMs)
        : m_port(port), m_target(std::move(target)), m_clients(clients), m_streams(streams), m_pollMs(pollMs)
    {
    }

    void start()
    {
        m_clock.start();
        for (int i = 0; i < m_streams; ++i) {
            auto *s = new Subscriber;
            s->ws = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
            QObject::connect(s->ws, &QWebSocket::textMessageReceived, this, [s](const QString &m) {
                const QJsonObject o = QJsonDocument::fromJson(m.toUtf8()).object();
                const QString type = o.value(QStringLiteral("type")).toString();
                if (type == QLatin1String("alert"))
                    s->alertIds.push_back(
                        o.value(QStringLiteral("event")).toObject().value(QStringLiteral("id")).toInteger());
                else if (type == QLatin1String("pair"))
                    ++s->pairs;
                else if (type == QLatin1String("bar"))
                    ++s->bars;
            });
            QObject::connect(s->ws, &QWebSocket::disconnected, this, [this] { ++streamDrops; });
            QNetworkRequest req(QUrl(QStringLiteral("ws://127.0.0.1:%1/v1/stream?since=0").arg(m_port)));
            req.setRawHeader("Authorization", QByteArray("Bearer ") + kToken);
            s->ws->open(req);
            subscribers.push_back(s);
        }
        for (int i = 0; i < m_clients; ++i) {
            auto *p = new Poller;
            p->socket = new QTcpSocket(this);
            pollers.push_back(p);
            QObject::connect(p->socket, &QTcpSocket::connected, this, [this, p] { send(p); });
            QObject::connect(p->socket, &QTcpSocket::readyRead, this, [this, p] { read(p); });
            QObject::connect(p->socket, &QTcpSocket::errorOccurred, this,
                             [this, p](QAbstractSocket::SocketError) {
                                 ++errors;
                                 if (m_running)
                                     QTimer::singleShot(100, this, [this, p] { reconnect(p); });
                             });
            // Spread the first requests over one polling interval.
            QTimer::singleShot(m_pollMs * i / std::max(1, m_clients), this, [this, p] { reconnect(p); });
        }
    }
    void stop()
    {
        m_running = false;
        for (Poller *p : pollers) {
            p->socket->abort();
            delete p;
        }
        pollers.clear();
    }
    void closeStreams()
    {
        for (Subscriber *s : subscribers)
            s->ws->close();
    }

    std::vector<double> latenciesMs;
    qint64 errors = 0, non200 = 0, streamDrops = 0;
    std::map<int, qint64> statuses;
    std::vector<Subscriber *> subscribers;
    std::vector<Poller *> pollers;

private:
    void reconnect(Poller *p)
    {
        if (!m_running)
            return;
        p->buffer.clear();
        p->socket->abort();
        p->socket->connectToHost(QHostAddress::LocalHost, m_port);
    }
    void send(Poller *p)
    {
        if (!m_running || p->socket->state() != QAbstractSocket::ConnectedState)
            return;
        p->sentNs = m_clock.nsecsElapsed();
        p->socket->write("GET " + m_target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
                         kToken + "\r\n\r\n");
    }
    void read(Poller *p)
    {
        p->buffer += p->socket->readAll();
        const qsizetype end = p->buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        qint64 length = 0;
        for (const QByteArray &line : p->buffer.left(end).split('\n'))
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        if (p->buffer.size() < end + 4 + length)
            return;
        latenciesMs.push_back(double(m_clock.nsecsElapsed() - p->sentNs) / 1e6);
        const int status = p->buffer.mid(9, 3).toInt();
        ++statuses[status];
        // 422 is the API saying "not possible yet" (fewer aligned bars than the window at the start).
        if (status != 200 && status != 422)
            ++non200;
        p->buffer.remove(0, end + 4 + length);
        QTimer::singleShot(m_pollMs, this, [this, p] { send(p); });
    }

    quint16 m_port;
    QByteArray m_target;
    int m_clients, m_streams, m_pollMs;
    bool m_running = true;
    QElapsedTimer m_clock;
};

} // namespace

int benchApi(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("clients"), QStringLiteral("HTTP clients polling /v1/pair."),
                 QStringLiteral("N"), QStringLiteral("200")});
    p.addOption({QStringLiteral("streams"), QStringLiteral("WebSocket subscribers."), QStringLiteral("N"),
                 QStringLiteral("50")});
    p.addOption(
        {QStringLiteral("seconds"), QStringLiteral("Duration."), QStringLiteral("S"), QStringLiteral("30")});
    p.addOption({QStringLiteral("rate"), QStringLiteral("Trades per second of the replayed feed."),
                 QStringLiteral("N"), QStringLiteral("5000")});
    p.addOption({QStringLiteral("poll-ms"),
                 QStringLiteral("Pause of each client between an answer and its next request."),
                 QStringLiteral("MS"), QStringLiteral("1000")});
    p.addOption({QStringLiteral("workers"), QStringLiteral("The server's worker threads."),
                 QStringLiteral("N"), QStringLiteral("4")});
    p.addOption({QStringLiteral("history"), QStringLiteral("Seconds of bars stored before the load starts."),
                 QStringLiteral("S"), QStringLiteral("1200")});
    if (!p.parse(QStringList{QStringLiteral("pairlab-cli bench api")} + args)) {
        err << p.errorText() << '\n';
        return 2;
    }
    const int clients = p.value(QStringLiteral("clients")).toInt();
    const int streams = p.value(QStringLiteral("streams")).toInt();
    const int seconds = p.value(QStringLiteral("seconds")).toInt();
    const double rate = p.value(QStringLiteral("rate")).toDouble();
    const int pollMs = p.value(QStringLiteral("poll-ms")).toInt();
    const int workers = p.value(QStringLiteral("workers")).toInt();
    const int historySeconds = p.value(QStringLiteral("history")).toInt();
    if (clients < 0 || streams < 0 || seconds <= 0 || rate <= 0 || pollMs < 0 || workers < 1 ||
        historySeconds < 0) {
        err << "bench api: --seconds, --rate and --workers must be positive, the rest >= 0\n";
        return 2;
    }

    // The feed: the demo's real BTCUSDT and ETHUSDT trades (repeated with shifted ids), re-timed: first
    // `history` seconds at 20 trades/s sent at once (the bars a window needs), then `rate` trades/s in real
    // time — a busy market, one new 1 s bar per leg each second.
    RepeatedTrades trades;
    QString error;
    if (!trades.load(&error)) {
        err << error << '\n';
        return 1;
    }
    const std::int64_t historyTrades = std::int64_t(historySeconds) * 20;
    const std::int64_t total = std::int64_t(rate * seconds * 1.2); // the load stops before the feed does
    const std::int64_t t0 = trades.at(0).tsMs;
    Recording run;
    run.frames.reserve(std::size_t(historyTrades + total));
    for (std::int64_t i = 0; i < historyTrades + total; ++i) {
        Tick t = trades.at(i);
        t.tsMs = i < historyTrades ? t0 + i * 50
                                   : t0 + std::int64_t(historySeconds) * 1000 +
                                         std::int64_t(double(i - historyTrades) * 1000.0 / rate);
        RecordedFrame f;
        f.json = tradeFrame(t);
        f.stream = t.symbol.toStreamName().toLatin1() + "@trade";
        f.timeMs = t.tsMs - t0;
        run.frames.push_back(std::move(f));
    }
    ReplayServer replay;
    replay.setRecording(std::move(run));
    replay.setSpeed(1.0);
    replay.setHeadStartMs(qint64(historySeconds) * 1000);
    if (!replay.listen(0, &error)) {
        err << error << '\n';
        return 1;
    }

    // The database holds a rule that fires on every pair update, so that the stream carries many events.
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("api.sqlite"));
    {
        const QString name = Database::uniqueConnectionName(QStringLiteral("bench"));
        {
            QSqlDatabase h = Database::open(db, name, &error);
            AlertRule rule;
            rule.name = QStringLiteral("every update");
            rule.expression = QStringLiteral("price_x > 0");
            rule.triggerMode = AlertTriggerMode::WhileTrue;
            rule.cooldownS = 0;
            if (!h.isValid() || !AlertStore(h).saveRule(rule, &error)) {
                err << "bench api: " << error << '\n';
                return 1;
            }
        }
        Database::close(name);
    }
    ServeOptions options;
    options.api.port = 0;
    options.api.token = QString::fromLatin1(kToken);
    options.api.databasePath = db;
    options.api.maxConnections = clients + streams + 16;
    options.api.workers = workers;
    options.endpoint = replay.url();
    options.pairs = {{QStringLiteral("ETHUSDT"), QStringLiteral("BTCUSDT")}};
    options.interval = Interval::S1;
    ServeController serve;
    if (!serve.start(options, &error)) {
        err << "bench api: " << error << '\n';
        return 1;
    }
    std::int64_t stored = 0;
    QObject::connect(
        serve.session(), &LiveSession::stored, &serve,
        [&stored](const TickBatch &, const BarBatch &, const WriteStats &s) { stored += s.stored; });

    // The history is stored before the load starts.
    QElapsedTimer warm;
    warm.start();
    while (stored < historyTrades && warm.elapsed() < 60000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);

    QThread loadThread;
    auto *load =
        new Load(serve.server()->port(), "/v1/pair?y=ETHUSDT&x=BTCUSDT&interval=1s&window=120&limit=1000",
                 clients, streams, pollMs);
    load->moveToThread(&loadThread);
    loadThread.start();
    QMetaObject::invokeMethod(load, [load] { load->start(); });

    QElapsedTimer wall;
    wall.start();
    QTimer::singleShot(seconds * 1000, qApp, &QCoreApplication::quit);
    QCoreApplication::exec();
    QMetaObject::invokeMethod(
        load, [load] { load->stop(); }, Qt::BlockingQueuedConnection);
    const std::int64_t storedUnderLoad = stored - historyTrades;
    const double loadSeconds = double(wall.elapsed()) / 1000.0;

    // Let the last pair updates fire and reach the subscribers, then compare with what was stored.
    serve.session()->stop();
    QList<AlertEvent> events;
    qsizetype settled = -1;
    for (int i = 0; i < 40 && settled != events.size(); ++i) {
        settled = events.size();
        QElapsedTimer pause;
        pause.start();
        while (pause.elapsed() < 500)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        Database::withReader(
            db,
            [&](QSqlDatabase &h) {
                AlertEventFilter f;
                f.oldestFirst = true;
                events = AlertStore(h).queryEvents(f, &error);
            },
            &error);
    }
    std::vector<qint64> want;
    for (const AlertEvent &e : events)
        want.push_back(e.id);
    QElapsedTimer drain;
    drain.start();
    auto complete = [&] {
        bool all = true;
        QMetaObject::invokeMethod(
            load,
            [&] {
                for (const Load::Subscriber *s : load->subscribers)
                    all = all && s->alertIds.size() >= want.size();
            },
            Qt::BlockingQueuedConnection);
        return all;
    };
    while (!complete() && drain.elapsed() < 20000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 100);

    qint64 exact = 0, missing = 0, duplicated = 0, pairs = 0, bars = 0;
    std::vector<double> latencies;
    qint64 errors = 0, non200 = 0, drops = 0;
    std::map<int, qint64> statuses;
    QMetaObject::invokeMethod(
        load,
        [&] {
            for (const Load::Subscriber *s : load->subscribers) {
                const std::set<qint64> got(s->alertIds.begin(), s->alertIds.end());
                duplicated += qint64(s->alertIds.size() - got.size());
                for (qint64 id : want)
                    missing += got.count(id) ? 0 : 1;
                exact += s->alertIds == want ? 1 : 0;
                pairs += s->pairs;
                bars += s->bars;
            }
            latencies = load->latenciesMs;
            errors = load->errors;
            non200 = load->non200;
            statuses = load->statuses;
            drops = load->streamDrops;
            load->closeStreams();
        },
        Qt::BlockingQueuedConnection);
    loadThread.quit();
    loadThread.wait();
    delete load;
    serve.stop();

    if (latencies.empty()) {
        err << "bench api: no request was answered\n";
        return 1;
    }
    std::sort(latencies.begin(), latencies.end());
    auto pct = [&](double q) {
        return latencies[std::min(latencies.size() - 1, std::size_t(q * double(latencies.size())))];
    };
    out << QStringLiteral(
               "api load for %1 s: feed %2 trades/s (%3 stored under load, after %8 s of history), %4 "
               "clients polling /v1/pair (window 120, 1000 bars) every %5 ms, %6 stream subscribers, %7 "
               "workers\n")
               .arg(loadSeconds, 0, 'f', 1)
               .arg(rate)
               .arg(storedUnderLoad)
               .arg(clients)
               .arg(pollMs)
               .arg(streams)
               .arg(workers)
               .arg(historySeconds);
    QStringList byStatus;
    for (const auto &[status, n] : statuses)
        byStatus << QStringLiteral("%1: %2").arg(status).arg(n);
    out << QStringLiteral("/v1/pair: %1 answers (%2/s; %9), p50 %3 ms   p95 %4 ms   p99 %5 ms   max %6 ms; "
                          "connection errors %7, failures %8\n")
               .arg(latencies.size())
               .arg(double(latencies.size()) / loadSeconds, 0, 'f', 1)
               .arg(pct(0.5), 0, 'f', 1)
               .arg(pct(0.95), 0, 'f', 1)
               .arg(pct(0.99), 0, 'f', 1)
               .arg(latencies.back(), 0, 'f', 1)
               .arg(errors)
               .arg(non200)
               .arg(byStatus.join(QStringLiteral(", ")));
    out << QStringLiteral(
               "stream: %1 alert events stored; subscribers with every one exactly once, in order: %2 of "
               "%3; missing %4, duplicated %5, dropped connections %6; pair updates %7, bar messages %8\n")
               .arg(want.size())
               .arg(exact)
               .arg(streams)
               .arg(missing)
               .arg(duplicated)
               .arg(drops)
               .arg(pairs)
               .arg(bars);
    out << QStringLiteral("peak resident memory %1 MiB\n").arg(residentMiB(true), 0, 'f', 0);
    const bool ok =
        errors == 0 && non200 == 0 && drops == 0 && missing == 0 && duplicated == 0 && exact == streams;
    if (!ok)
        err << "bench api: errors, refused answers or lost alert events (see above)\n";
    return ok ? 0 : 1;
}

} // namespace pairlab::bench
