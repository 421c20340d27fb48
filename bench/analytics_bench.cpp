#include "bench/benchmarks.h"
#include "session/recording_ingest.h"

#include "analytics/pair_analysis.h"
#include "analytics/rolling.h"
#include "market/recording.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <map>

namespace pairlab::bench {

namespace {

/** Last trade price per second (file order) of one symbol from a Binance trade-stream recording
 *  (.jsonl, lines optionally prefixed by a local receive time). */
CloseSeries secondCloses(const QString &path, const QString &symbol, QString &error)
{
    CloseSeries s;
    QByteArray text; // plain or gzip (the bundled demo)
    if (!readRecordingText(path, &text, &error))
        return s;
    std::map<qint64, double> closes;
    for (const std::string_view l : recordingLines(text)) {
        const QByteArray line(l.data(), qsizetype(l.size()));
        const QJsonObject d = QJsonDocument::fromJson(line).object().value(QLatin1String("data")).toObject();
        if (d.value(QLatin1String("e")).toString() != QLatin1String("trade") ||
            d.value(QLatin1String("s")).toString() != symbol)
            continue;
        const qint64 t = qint64(d.value(QLatin1String("T")).toDouble()) / 1000 * 1000;
        closes[t] = d.value(QLatin1String("p")).toString().toDouble();
    }
    for (const auto &[t, p] : closes) {
        s.openTimeMs.push_back(t);
        s.close.push_back(p);
    }
    return s;
}

} // namespace

int benchAnalytics(const QStringList &args, QTextStream &out, QTextStream & /*err*/)
{
    int n = 100000, runs = 3;
    QString dumpPath;
    QString btc = demoRecordingPath();
    QString eth = demoRecordingPath();
    for (qsizetype i = 0; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--n"))
            n = std::max(200, args[i + 1].toInt());
        else if (args[i] == QLatin1String("--runs"))
            runs = std::max(1, args[i + 1].toInt());
        else if (args[i] == QLatin1String("--btc"))
            btc = args[i + 1];
        else if (args[i] == QLatin1String("--eth"))
            eth = args[i + 1];
        else if (args[i] == QLatin1String("--dump"))
            dumpPath = args[i + 1];
    }
    QString error;
    CloseSeries sx = secondCloses(eth, QStringLiteral("ETHUSDT"), error),
                sy = secondCloses(btc, QStringLiteral("BTCUSDT"), error);
    if (!error.isEmpty()) {
        out << "bench analytics: " << error << "\n";
        return 1;
    }
    const AlignedPair real = alignOnOpenTime(sx, sy);
    if (real.size() < 3) {
        out << "bench analytics: recordings do not overlap\n";
        return 1;
    }
    // n bars: the real 1 s return pairs (ETH, BTC) replayed in blocks of the whole recording; each block
    // is played with a sign (+1 or -1 for both legs, fixed-seed LCG) so the recording's own drift does
    // not compound into a trend, compounded from the first real closes and rounded to 0.01.
    AlignedPair pair;
    const std::size_t m = real.size() - 1;
    double px = real.x[0], py = real.y[0];
    quint64 lcg = 20240808;
    double sign = 1.0;
    for (int t = 0; t < n; ++t) {
        if (t > 0) {
            const std::size_t k = std::size_t(t - 1) % m + 1;
            if (k == 1) {
                lcg = lcg * 6364136223846793005ULL + 1442695040888963407ULL;
                sign = (lcg >> 63) ? 1.0 : -1.0;
            }
            const double rx = std::log(real.x[k] / real.x[k - 1]), ry = std::log(real.y[k] / real.y[k - 1]);
            px = std::round(px * std::exp(sign * rx) * 100.0) / 100.0;
            py = std::round(py * std::exp(sign * ry) * 100.0) / 100.0;
        }
        pair.timeMs.push_back(real.timeMs[0] + qint64(t) * 1000);
        pair.x.push_back(px);
        pair.y.push_back(py);
    }
    out << "Input: " << n << " aligned 1 s bars: the " << m
        << " real 1 s log-return pairs of ETHUSDT/BTCUSDT (Binance USD-M trade recordings 2024-08-08, last "
           "trade "
           "per second, inner join) replayed block after block, each block with a random sign for both legs "
           "(fixed seed), compounded from the first real closes and rounded to 0.01.\n";
    if (!dumpPath.isEmpty()) {
        QFile f(dumpPath);
        if (f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            QTextStream csv(&f);
            csv << "ts_ms,x,y\n";
            for (std::size_t t = 0; t < pair.size(); ++t)
                csv << pair.timeMs[t] << ','
                    << QString::number(pair.x[t], 'g', QLocale::FloatingPointShortest) << ','
                    << QString::number(pair.y[t], 'g', QLocale::FloatingPointShortest) << '\n';
        }
        out << "Input written to " << dumpPath << "\n";
    }
    out << "Best of " << runs << " runs, single thread.\n\n";

    std::map<QString, double> best;
    std::vector<QString> order;
    for (int r = 0; r < runs; ++r) {
        QElapsedTimer total;
        total.start();
        const PairAnalysis a = analyzePair(pair, PairAnalysisOptions{});
        const double totalMs = double(total.nsecsElapsed()) / 1e6;
        if (!a.ok()) {
            out << "bench analytics: " << a.error << "\n";
            return 1;
        }
        auto record = [&](const QString &name, double ms) {
            if (!best.count(name)) {
                order.push_back(name);
                best[name] = ms;
            }
            best[name] = std::min(best[name], ms);
        };
        for (const auto &[name, ms] : a.timingsMs)
            record(name, ms);
        record(QStringLiteral("analyze_total"), totalMs);
        // Live path: one LivePairState::push per bar (z, both correlations, both Kalman filters).
        LivePairState live(a.ols.alpha, a.ols.beta, 120);
        QElapsedTimer inc;
        inc.start();
        double sink = 0;
        for (std::size_t t = 0; t < pair.size(); ++t)
            sink += live.push(pair.x[t], pair.y[t]).kalmanBeta;
        const double perBarUs = double(inc.nsecsElapsed()) / 1e3 / double(pair.size());
        record(QStringLiteral("incremental_push_us_per_bar"),
               sink == 0.12345 ? 0 : perBarUs); // keep sink alive
    }
    out << QStringLiteral("%1 %2\n")
               .arg(QStringLiteral("computation"), -32)
               .arg(QStringLiteral("best ms"), 12);
    for (const QString &name : order) {
        const bool us = name.endsWith(QLatin1String("_us_per_bar"));
        out << QStringLiteral("%1 %2%3\n")
                   .arg(name, -32)
                   .arg(best[name], 12, 'f', us ? 4 : 2)
                   .arg(us ? QStringLiteral(" us") : QString());
    }
    out.flush();
    return 0;
}

} // namespace pairlab::bench
