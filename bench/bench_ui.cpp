// UI benchmarks (offscreen): `bench_ui [--seconds 20]`.
//  1. One full refresh of a chart holding 1 M points: decimate + replace + paint, against drawing all
//     1 M points undecimated once (same process, same widget size).
//  2. The longest GUI event-loop stall while a day of 1 s bars per leg (86,400) is loaded and a live
//     replay runs at 5,000 trades/s through the whole app (feed, storage, models, charts, pair analytics).
#include "analytics/pair_analytics_service.h"
#include "charts/time_series_chart_view.h"
#include "main_window.h"
#include "market/replay_server.h"
#include "pair_workspace.h"
#include "storage/tick_writer.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLineSeries>
#include <QTemporaryDir>
#include <QTimer>

#include <cmath>
#include <cstdio>
#include <random>

using namespace pairlab;

static double benchRefresh()
{
    const int n = 1'000'000;
    auto t = std::make_shared<std::vector<qint64>>(n);
    auto v = std::make_shared<std::vector<double>>(n);
    std::mt19937 rng(1);
    std::normal_distribution<double> step(0.0, 1.0);
    double level = 0;
    for (int i = 0; i < n; ++i) {
        (*t)[std::size_t(i)] = 1'700'000'000'000LL + qint64(i) * 1000;
        level += step(rng);
        (*v)[std::size_t(i)] = level;
    }
    TimeSeriesChartView view(QStringLiteral("1 M points"));
    view.resize(1200, 400);
    view.show();
    const int curve = view.addCurve(QStringLiteral("series"), Qt::blue);
    view.setCurveData(curve, t, v);
    view.refreshNow();
    view.grab();
    QElapsedTimer timer;
    double worst = 0, total = 0;
    const int rounds = 30;
    for (int r = 0; r < rounds; ++r) {
        // Different ranges each round (zoom levels from everything to a tenth).
        const qint64 span = qint64(double(n) * 1000.0 * (1.0 - 0.03 * r));
        view.setTimeRange(t->back() - span, t->back());
        timer.start();
        view.refreshNow();
        const QPixmap frame = view.grab(); // paint
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        worst = std::max(worst, ms);
        total += ms;
        Q_UNUSED(frame);
    }
    // Baseline: the same 1 M points handed to the chart undecimated, painted once.
    QList<QPointF> all;
    all.reserve(n);
    for (int i = 0; i < n; ++i)
        all.append(QPointF(double((*t)[std::size_t(i)]), (*v)[std::size_t(i)]));
    auto *raw = view.chart()->series().first();
    timer.start();
    static_cast<QLineSeries *>(raw)->replace(all);
    view.grab();
    const double rawMs = double(timer.nsecsElapsed()) / 1e6;
    std::printf(
        "refresh with 1M points: mean %.2f ms, worst %.2f ms (decimate + replace + paint, %d rounds); "
        "undecimated replace + paint %.1f ms; ratio %.0fx\n",
        total / rounds, worst, rounds, rawMs, rawMs / (total / rounds));
    return worst;
}

static void benchStall(int seconds)
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("day.sqlite"));
    // A day of 1 s bars per leg: one trade per second and symbol, a random walk around real prices.
    const qint64 start = 1'723'075'200'000LL; // 2024-08-08 00:00:00 UTC
    {
        TickWriter w(db);
        QString error;
        if (!w.open(&error)) {
            std::printf("cannot open %s\n", qPrintable(error));
            return;
        }
        std::mt19937 rng(2);
        std::normal_distribution<double> step(0.0, 1.0);
        double btc = 61000, eth = 2650;
        std::vector<Tick> batch;
        for (qint64 s = 0; s < 86400; ++s) {
            const double common = step(rng);
            btc *= std::exp(1e-4 * (common + 0.3 * step(rng)));
            eth *= std::exp(1e-4 * (common + 0.3 * step(rng)));
            Tick a{SymbolCode::fromText("BTCUSDT"), 1000000 + s, start + s * 1000, btc, 0.01, false, 0};
            Tick b{SymbolCode::fromText("ETHUSDT"), 1000000 + s, start + s * 1000, eth, 0.1, true, 0};
            batch.push_back(a);
            batch.push_back(b);
        }
        WriteStats st;
        w.write(batch, &st, &error);
    }
    // Live replay at 5,000 trades/s continuing right after that day, every trade new.
    Recording rec;
    const double rate = 5000;
    const qint64 total = qint64(rate * seconds);
    double btc = 61000, eth = 2650;
    for (qint64 i = 0; i < total; ++i) {
        const bool isBtc = i % 2 == 0;
        const qint64 ts = start + qint64(86400) * 1000 + qint64(double(i) * 1000.0 / rate);
        const double px =
            isBtc ? (btc += 0.1 * std::sin(double(i) * 0.001)) : (eth += 0.01 * std::sin(double(i) * 0.0011));
        RecordedFrame f;
        f.stream = isBtc ? "btcusdt@trade" : "ethusdt@trade";
        f.json = QStringLiteral(
                     "{\"stream\":\"%1\",\"data\":{\"e\":\"trade\",\"E\":%2,\"T\":%2,\"s\":\"%3\",\"t\":%4,"
                     "\"p\":\"%5\",\"q\":\"0.010\",\"X\":\"MARKET\",\"m\":false}}")
                     .arg(QString::fromLatin1(f.stream))
                     .arg(ts)
                     .arg(isBtc ? QStringLiteral("BTCUSDT") : QStringLiteral("ETHUSDT"))
                     .arg(2000000 + i / 2) // consecutive per symbol, as the exchange numbers them
                     .arg(px, 0, 'f', 2)
                     .toLatin1();
        f.timeMs = qint64(double(i) * 1000.0 / rate);
        rec.frames.push_back(std::move(f));
    }
    ReplayServer server;
    server.setRecording(std::move(rec));
    server.setSpeed(1.0);
    QString error;
    server.listen(0, &error);
    MainWindowOptions o;
    o.databasePath = db;
    o.demoDatabasePath = dir.filePath(QStringLiteral("demo.sqlite"));
    o.feed.endpoint = server.url();
    MainWindow w(o);
    w.resize(1400, 900);
    w.show();
    w.showPairView();
    QElapsedTimer clock, sinceTick;
    clock.start();
    sinceTick.start();
    double worst = 0;
    qint64 worstAt = 0;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const double gap = double(sinceTick.nsecsElapsed()) / 1e6;
        sinceTick.restart();
        if (clock.elapsed() > 3000 && gap > worst) { // after start-up and the first history load
            worst = gap;
            worstAt = clock.elapsed();
        }
    });
    probe.start(2);
    QTimer::singleShot((seconds + 3) * 1000, qApp, &QCoreApplication::quit);
    QApplication::exec();
    std::printf(
        "live replay at %.0f trades/s over a day of 1 s bars per leg (%lld trades stored, pair of %d bars): "
        "longest GUI stall %.1f ms (at %.1f s; probe every 2 ms)\n",
        rate, w.storedTicks(), w.pairWorkspace()->service()->latest().bars, worst, double(worstAt) / 1000.0);
}

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    int seconds = 20;
    for (int i = 1; i + 1 < argc; ++i)
        if (qstrcmp(argv[i], "--seconds") == 0)
            seconds = std::max(5, atoi(argv[i + 1]));
    benchRefresh();
    benchStall(seconds);
    return 0;
}
