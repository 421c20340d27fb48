#include "bench/benchmarks.h"
#include "bench/fixtures.h"
#include "io/number_format.h"
#include "market/binance_trade_parser.h"
#include "market/recording.h"
#include "market/replay_server.h"
#include "models/bar_model.h"
#include "session/live_session.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>

namespace pairlab::bench {

int benchLive(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("rate"), QStringLiteral("Trades per second."), QStringLiteral("N"),
                 QStringLiteral("5000")});
    p.addOption(
        {QStringLiteral("seconds"), QStringLiteral("Duration."), QStringLiteral("S"), QStringLiteral("20")});
    if (!p.parse(QStringList{QStringLiteral("pairlab-cli bench live")} + args)) {
        err << p.errorText() << '\n';
        return 2;
    }
    const double rate = p.value(QStringLiteral("rate")).toDouble();
    const int seconds = p.value(QStringLiteral("seconds")).toInt();
    if (rate <= 0 || seconds <= 0) {
        err << "bench live: --rate and --seconds must be positive\n";
        return 2;
    }
    // The real trades, repeated until the run is covered, each repetition shifted past the previous one
    // in trade id and time; spaced evenly at the requested rate.
    RepeatedTrades trades;
    QString error;
    if (!trades.load(&error)) {
        err << error << '\n';
        return 1;
    }
    const std::int64_t total = std::int64_t(rate * seconds);
    Recording run;
    run.frames.reserve(std::size_t(total));
    for (std::int64_t i = 0; i < total; ++i) {
        const Tick t = trades.at(i);
        RecordedFrame f;
        f.json = tradeFrame(t);
        f.stream = t.symbol.toStreamName().toLatin1() + "@trade";
        f.timeMs = std::int64_t(double(i) * 1000.0 / rate);
        run.frames.push_back(std::move(f));
    }
    ReplayServer server;
    server.setRecording(std::move(run));
    server.setSpeed(1.0);
    if (!server.listen(0, &error)) {
        err << error << '\n';
        return 1;
    }
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("live.sqlite"));
    FeedConfig cfg;
    cfg.endpoint = server.url();
    LiveSession session(cfg, db);
    BarModel model;
    model.setSeries(db, QStringLiteral("BTCUSDT"), Interval::S1);
    std::vector<double> latenciesMs;
    latenciesMs.reserve(std::size_t(total));
    std::int64_t stored = 0;
    QObject::connect(&session, &LiveSession::stored, &model,
                     [&](const TickBatch &ticks, const BarBatch &bars, const WriteStats &s) {
                         model.applyBatch(bars, s.batchSeq);
                         const qint64 now = steadyNowNs();
                         for (const Tick &t : *ticks)
                             if (t.receivedNs > 0)
                                 latenciesMs.push_back(double(now - t.receivedNs) / 1e6);
                         stored += s.stored;
                     });
    QObject::connect(&server, &ReplayServer::finished, &session,
                     [] { QTimer::singleShot(500, qApp, &QCoreApplication::quit); });
    QTimer::singleShot((seconds + 30) * 1000, qApp, &QCoreApplication::quit);
    session.start();
    QCoreApplication::exec();
    session.stop();
    if (latenciesMs.empty()) {
        err << "bench live: no trades arrived\n";
        return 1;
    }
    std::sort(latenciesMs.begin(), latenciesMs.end());
    auto pct = [&](double q) {
        return latenciesMs[std::min(latenciesMs.size() - 1, std::size_t(q * double(latenciesMs.size())))];
    };
    out << QStringLiteral("live path at %1 trades/s for %2 s: %3 trades stored, bar model %4 bars\n")
               .arg(rate)
               .arg(seconds)
               .arg(stored)
               .arg(model.rowCount());
    out << QStringLiteral("latency receive -> bar model: p50 %1 ms   p99 %2 ms   max %3 ms\n")
               .arg(pct(0.5), 0, 'f', 1)
               .arg(pct(0.99), 0, 'f', 1)
               .arg(latenciesMs.back(), 0, 'f', 1);
    return 0;
}

} // namespace pairlab::bench
