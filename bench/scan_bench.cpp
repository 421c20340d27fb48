#include "bench/benchmarks.h"

#include "analytics/adf.h"
#include "analytics/pair_scan.h"
#include "analytics/regression.h"
#include "analytics/series_stats.h"

#include "models/universe.h"
#include "storage/bar_store.h"
#include "storage/tick_writer.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>

#include <cmath>
#include <random>
#include <thread>

namespace pairlab::bench {

namespace {

/** `symbols` one-minute close series of `bars` rows: log prices load on 8 common random-walk factors plus an
 *  idiosyncratic part that is a random walk for some symbols and a mean-reverting AR(1) for others (so that
 *  the scan meets both cointegrated and unrelated pairs), with a missing bar here and there. */
std::vector<std::vector<double>> syntheticUniverse(int symbols, int bars, unsigned seed)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> z;
    std::uniform_real_distribution<double> u(0.0, 1.0);
    constexpr int kFactors = 8;
    std::vector<std::vector<double>> factors{std::size_t(kFactors), std::vector<double>(std::size_t(bars))};
    for (auto &f : factors) {
        double level = 0;
        for (double &v : f)
            v = level += 0.0008 * z(rng);
    }
    std::vector<std::vector<double>> out{std::size_t(symbols), std::vector<double>(std::size_t(bars))};
    for (auto &col : out) {
        const int k = int(u(rng) * kFactors);
        const double loading = 0.5 + u(rng), base = std::log(0.05 + 500.0 * u(rng));
        const bool reverting = u(rng) < 0.5;
        double idio = 0;
        for (int t = 0; t < bars; ++t) {
            idio = reverting ? 0.9 * idio + 0.0006 * z(rng) : idio + 0.0004 * z(rng);
            const double price = std::exp(base + loading * factors[std::size_t(k)][std::size_t(t)] + idio);
            col[std::size_t(t)] = u(rng) < 0.001 ? std::nan("") : std::round(price * 1e4) / 1e4;
        }
    }
    return out;
}

/** The reference route for one aligned pair: the per-pair functions the analyze command uses (QR least
 *  squares, one QR for every autolag candidate of each ADF), as a notebook would call statsmodels. */
double referencePair(std::span<const double> y, std::span<const double> x)
{
    const OlsResult ols = olsFit(x, y);
    const CointResult forward = engleGranger(y, x), reverse = engleGranger(x, y);
    std::vector<double> s(y.size());
    for (std::size_t t = 0; t < s.size(); ++t)
        s[t] = y[t] - (ols.alpha + ols.beta * x[t]);
    return forward.stat + reverse.stat + halfLife(s).halfLife + hurstExponent(s);
}

} // namespace

int benchScan(const QStringList &args, QTextStream &out, QTextStream &err)
{
    int symbols = 300, bars = 1440, threads = 0, sample = 200;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (i + 1 >= args.size()) {
            err << "bench scan: " << a << " needs a value\n";
            return 2;
        }
        const int v = args[++i].toInt();
        if (a == QLatin1String("--symbols"))
            symbols = std::max(2, v);
        else if (a == QLatin1String("--bars"))
            bars = std::max(50, v);
        else if (a == QLatin1String("--threads"))
            threads = std::max(0, v);
        else if (a == QLatin1String("--sample"))
            sample = std::max(1, v);
        else {
            err << "usage: pairlab-cli bench scan [--symbols 300] [--bars 1440] [--threads 0] [--sample "
                   "200]\n";
            return 2;
        }
    }
    const auto columns = syntheticUniverse(symbols, bars, 20261203);
    const qsizetype pairs = qsizetype(symbols) * (symbols - 1) / 2;
    out << QStringLiteral("scan: %1 symbols x %2 one-minute bars (%3 pairs, both Engle-Granger orders)\n")
               .arg(symbols)
               .arg(bars)
               .arg(pairs);

    QElapsedTimer t;
    t.start();
    PairScanOptions options;
    options.threads = threads;
    const std::vector<PairScanRecord> recs = scanPairs(columns, options);
    const double fullS = double(t.nsecsElapsed()) / 1e9;
    options.threads = 1;
    t.restart();
    // one thread on the first `sample` pairs' worth of columns would not be comparable; time the whole scan
    // on one thread only when it is small enough
    double oneThreadS = 0;
    if (pairs <= 50000) {
        const std::vector<PairScanRecord> again = scanPairs(columns, options);
        oneThreadS = double(t.nsecsElapsed()) / 1e9;
        bool same = again.size() == recs.size();
        for (std::size_t i = 0; same && i < recs.size(); ++i)
            same =
                std::isnan(recs[i].egStat) ? std::isnan(again[i].egStat) : recs[i].egStat == again[i].egStat;
        if (!same) {
            err << "bench scan: the one-thread scan differs from the parallel one\n";
            return 1;
        }
    }

    // The reference route on a sample of the same pairs (aligned the same way), extrapolated to all pairs.
    std::mt19937 pick(7);
    std::uniform_int_distribution<int> sym(0, symbols - 1);
    double checksum = 0;
    t.restart();
    for (int k = 0; k < sample; ++k) {
        int i = sym(pick), j = sym(pick);
        if (i == j)
            j = (j + 1) % symbols;
        std::vector<double> y, x;
        for (int r = 0; r < bars; ++r)
            if (!std::isnan(columns[std::size_t(i)][std::size_t(r)]) &&
                !std::isnan(columns[std::size_t(j)][std::size_t(r)])) {
                y.push_back(columns[std::size_t(i)][std::size_t(r)]);
                x.push_back(columns[std::size_t(j)][std::size_t(r)]);
            }
        checksum += referencePair(y, x);
    }
    const double refPerPairMs = double(t.nsecsElapsed()) / 1e6 / sample;
    const double refAllS = refPerPairMs * double(pairs) / 1e3;

    // The per-bar live step: every z_last refreshed with the standing hedges after one new bar.
    auto grown = columns;
    for (auto &c : grown)
        c.push_back(c[c.size() - 2]);
    std::vector<PairScanRecord> live = recs;
    t.restart();
    refreshZLast(live, grown, options.window);
    const double refreshMs = double(t.nsecsElapsed()) / 1e6;

    // The app's path end to end: the universe stored as live 1 m bars (one trade a bar) in SQLite, the full
    // scan read from it, then one more bar closing on every symbol and the live step that reads the new bars
    // and moves z on (loadUniverseAdvance).
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("scan.sqlite"));
    QStringList names;
    for (int k = 0; k < symbols; ++k)
        names << QStringLiteral("S%1USDT").arg(k, 3, 10, QLatin1Char('0'));
    TickWriter writer(db);
    QString error;
    if (!writer.open(&error)) {
        err << "bench scan: " << error << '\n';
        return 1;
    }
    constexpr qint64 t0 = 1'764'000'000'000;
    qint64 tradeId = 1;
    const auto storeBars = [&](int from, int to) { // bar rows [from, to) of every symbol; the last repeats
        std::vector<Tick> ticks;
        for (int r = from; r < to; ++r)
            for (int k = 0; k < symbols; ++k) {
                const double c = columns[std::size_t(k)][std::size_t(std::min(r, bars - 1))];
                if (!std::isnan(c))
                    ticks.push_back(Tick{SymbolCode::fromString(names[k]), tradeId++,
                                         t0 + qint64(r) * 60'000 + 5, c, 1.0, false, 0});
            }
        WriteStats stats;
        return writer.write(ticks, &stats, &error);
    };
    for (int r = 0; r < bars; r += 200)
        if (!storeBars(r, std::min(bars, r + 200))) {
            err << "bench scan: " << error << '\n';
            return 1;
        }
    t.restart();
    const UniverseResult scanned = loadUniverse(db, names, 60, BarStore::LiveSource, options.window, 5000);
    const double dbScanS = double(t.nsecsElapsed()) / 1e9;
    if (!storeBars(bars, bars + 1)) { // a bar opens on every symbol: the one before closed
        err << "bench scan: " << error << '\n';
        return 1;
    }
    t.restart();
    const UniverseResult stepped = loadUniverseAdvance(db, scanned, 60, &error);
    const double stepMs = double(t.nsecsElapsed()) / 1e6;
    if (stepped.liveSteps != 1 || stepped.zLastMs != scanned.zLastMs + 60'000) {
        err << "bench scan: the live step did not take the new bar (" << error << ")\n";
        return 1;
    }

    qsizetype candidates = 0;
    for (const PairScanRecord &r : recs)
        candidates += r.bestEgPValue() <= 0.05 && r.hurst < 0.5 ? 1 : 0;
    out << QStringLiteral("  full scan, %1 thread(s): %2 s (%3 us a pair)\n")
               .arg(threads > 0 ? threads : int(std::max(1u, std::thread::hardware_concurrency())))
               .arg(fullS, 0, 'f', 2)
               .arg(fullS * 1e6 / double(pairs), 0, 'f', 1);
    if (oneThreadS > 0)
        out << QStringLiteral("  full scan, 1 thread: %1 s (parallel speed-up x%2; results identical)\n")
                   .arg(oneThreadS, 0, 'f', 2)
                   .arg(oneThreadS / fullS, 0, 'f', 2);
    out << QStringLiteral(
               "  reference route (QR per ADF lag, per-pair functions) on %1 sampled pairs: %2 ms a "
               "pair -> %3 s for all; the scan is x%4 faster (checksum %5)\n")
               .arg(sample)
               .arg(refPerPairMs, 0, 'f', 3)
               .arg(refAllS, 0, 'f', 1)
               .arg(refAllS / fullS, 0, 'f', 1)
               .arg(checksum, 0, 'g', 6);
    out << QStringLiteral("  live step (z_last of every pair after one new bar, standing hedges): %1 ms\n")
               .arg(refreshMs, 0, 'f', 1);
    out << QStringLiteral(
               "  in the app, from SQLite: full scan %1 s (reading the bars included); live step after a "
               "bar closed on all %2 symbols (read the new bars, move z of %3 pairs on): %4 ms\n")
               .arg(dbScanS, 0, 'f', 2)
               .arg(symbols)
               .arg(pairs)
               .arg(stepMs, 0, 'f', 1);
    out << QStringLiteral("  pairs with EG p <= 0.05 (better order) and Hurst < 0.5: %1\n").arg(candidates);
    out << QStringLiteral("  peak resident memory: %1 MiB\n").arg(residentMiB(true), 0, 'f', 0);
    return 0;
}

} // namespace pairlab::bench
