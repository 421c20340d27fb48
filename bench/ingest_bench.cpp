#include "bench/benchmarks.h"
#include "bench/fixtures.h"

#include "io/gzip_file.h"
#include "market/binance_trade_parser.h"
#include "market/quote.h"
#include "market/recording.h"
#include "session/recording_ingest.h"
#include "storage/tick_writer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTextStream>

#include <sqlite3.h>

#include <algorithm>
#include <string_view>
#include <vector>

namespace pairlab::bench {

namespace {

constexpr std::size_t BatchSize = 50000;

} // namespace

double residentMiB(bool peak)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray key = peak ? "VmHWM:" : "VmRSS:";
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(key))
            return line.mid(key.size()).trimmed().split(' ').value(0).toDouble() / 1024.0;
    return 0;
}

int benchIngest(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser p;
    p.addHelpOption();
    p.addOption({QStringLiteral("ticks"), QStringLiteral("Ticks to ingest end to end."), QStringLiteral("N"),
                 QStringLiteral("2000000")});
    p.addOption({QStringLiteral("file"), QStringLiteral("Recording ('demo' = the bundled one)."),
                 QStringLiteral("F"), QStringLiteral("demo")});
    p.addOption({QStringLiteral("quotes"),
                 QStringLiteral("A recording with bookTicker frames (hftbacktest capture, .gz or text)."),
                 QStringLiteral("F"), QStringLiteral(PAIRLAB_QUOTE_CAPTURE)});
    if (!p.parse(QStringList{QStringLiteral("pairlab-cli bench ingest")} + args)) {
        err << p.errorText() << '\n';
        return 2;
    }
    const qint64 target = p.value(QStringLiteral("ticks")).toLongLong();
    const QString file = p.value(QStringLiteral("file")) == QLatin1String("demo")
                             ? demoRecordingPath()
                             : p.value(QStringLiteral("file"));
    QByteArray text;
    QString error;
    if (!readRecordingText(file, &text, &error)) {
        err << error << '\n';
        return 1;
    }
    const std::vector<std::string_view> allFrames = recordingLines(text);
    BinanceTradeParser parser;
    std::vector<Tick> ticks;
    std::vector<std::string_view> lines; // the trade frames: the demo also carries quotes (measured below)
    for (std::string_view l : allFrames) {
        Tick t;
        if (parser.parse(l, t) == FrameKind::Trade) {
            ticks.push_back(t);
            lines.push_back(l);
        }
    }
    if (ticks.empty()) {
        err << QCoreApplication::translate("cli", "%1 holds no trades\n").arg(file);
        return 1;
    }
    out << "recording: " << file << " — " << allFrames.size() << " frames, " << ticks.size()
        << " real trades\n";

    // 1. Parse rate: PairLab's parser (byte-exact shortcut for the usual frame, simdjson on-demand for the
    // rest), simdjson on-demand for every frame, and QJsonDocument — same frames, same process.
    auto parseRate = [&](BinanceTradeParser &ps, std::size_t frames) {
        QElapsedTimer t0;
        t0.start();
        std::size_t count = 0;
        double sum = 0;
        while (count < frames) {
            for (std::string_view l : lines) {
                Tick t;
                if (ps.parse(l, t) == FrameKind::Trade)
                    sum += t.price;
                if (++count == frames)
                    break;
            }
        }
        return std::make_pair(double(frames) / (double(t0.nsecsElapsed()) / 1e9), sum);
    };
    const std::size_t parseFrames = std::max<std::size_t>(2000000, lines.size());
    const auto [simdRate, sum1] = parseRate(parser, parseFrames);
    BinanceTradeParser simdOnly;
    simdOnly.setCanonicalFastPath(false);
    const auto [simdOnlyRate, sum2] = parseRate(simdOnly, parseFrames / 2);
    double checksum = sum1 + sum2;
    QElapsedTimer timer;
    const std::size_t qtFrames = std::min<std::size_t>(200000, parseFrames);
    timer.start();
    for (std::size_t i = 0; i < qtFrames; ++i) {
        const std::string_view l = lines[i % lines.size()];
        const QJsonObject o =
            QJsonDocument::fromJson(QByteArray::fromRawData(l.data(), qsizetype(l.size()))).object();
        const QJsonObject d = o.value(QLatin1String("data")).toObject();
        checksum += d.value(QLatin1String("p")).toString().toDouble() +
                    double(d.value(QLatin1String("t")).toInteger());
    }
    const double qtRate = double(qtFrames) / (double(timer.nsecsElapsed()) / 1e9);
    out << QStringLiteral(
               "parse      PairLab %1 M frames/s   simdjson on-demand only %2 M/s   QJsonDocument %3 M/s"
               "   ratios %4x, %5x\n")
               .arg(simdRate / 1e6, 0, 'f', 2)
               .arg(simdOnlyRate / 1e6, 0, 'f', 2)
               .arg(qtRate / 1e6, 0, 'f', 2)
               .arg(simdRate / simdOnlyRate, 0, 'f', 1)
               .arg(simdRate / qtRate, 0, 'f', 1);

    // 1b. Quotes: the real bookTicker frames of the hftbacktest capture, parsed and binned into 1 s / 1 m / 5
    // m quote bars (the stream carries about ten times more quotes than trades), against trades in the same
    // run.
    {
        QByteArray capture;
        QString gzError;
        if (!readMaybeGzip(p.value(QStringLiteral("quotes")), &capture, &gzError)) {
            err << "bench ingest: " << gzError << " (--quotes F names a recording with bookTicker frames)\n";
            return 1;
        }
        std::vector<QByteArray> frames;
        for (const QByteArray &line : capture.split('\n'))
            if (line.contains("@bookTicker"))
                frames.push_back(line.mid(line.indexOf(' ') + 1));
        BinanceTradeParser quoteParser;
        QuoteBinner binner;
        std::vector<Quote> batch;
        batch.reserve(10000);
        const std::size_t quoteTarget = std::max<std::size_t>(1'000'000, frames.size());
        std::int64_t shiftU = 0, shiftMs = 0, binned = 0;
        QElapsedTimer qt;
        qt.start();
        for (std::size_t i = 0; i < quoteTarget; ++i) {
            if (i > 0 && i % frames.size() == 0) { // the capture again, after itself
                shiftU += 10'000'000'000LL;
                shiftMs += 400'000;
            }
            const QByteArray &f = frames[i % frames.size()];
            Tick t;
            if (quoteParser.parse({f.constData(), std::size_t(f.size())}, t) != FrameKind::Quote)
                continue;
            Quote q = quoteParser.quote();
            q.updateId += shiftU;
            q.tsMs += shiftMs;
            batch.push_back(q);
            if (batch.size() == 10000) {
                binned += binner.add(batch);
                checksum += double(binner.take().size());
                batch.clear();
            }
        }
        binned += binner.add(batch);
        checksum += double(binner.take().size());
        const double quoteRate = double(binned) / (double(qt.nsecsElapsed()) / 1e9);
        out << QStringLiteral(
                   "quotes     %1 M bookTicker updates/s parsed and binned into 1s/1m/5m quote bars "
                   "(%2 real updates, %3 in all); trades parse at %4 M/s in the same run\n")
                   .arg(quoteRate / 1e6, 0, 'f', 2)
                   .arg(frames.size())
                   .arg(binned)
                   .arg(simdRate / 1e6, 0, 'f', 2);
    }

    // 2. End to end: recording text -> parse -> SQLite (ticks, dedupe) -> 1s/1m/5m bars, in batches.
    // The recording is repeated with trade ids and times shifted past its own span to reach N ticks.
    QTemporaryDir dir;
    const std::int64_t timeSpan = ticks.back().tsMs - ticks.front().tsMs + 1000;
    std::int64_t stored = 0;
    {
        TickWriter writer(dir.filePath(QStringLiteral("e2e.sqlite")));
        if (!writer.open(&error)) {
            err << error << '\n';
            return 1;
        }
        std::vector<Tick> batch;
        batch.reserve(BatchSize);
        timer.restart();
        std::int64_t produced = 0;
        for (std::int64_t rep = 0; produced < target; ++rep) {
            for (std::string_view l : lines) {
                Tick t;
                if (parser.parse(l, t) != FrameKind::Trade)
                    continue;
                shiftIntoRepetition(t, rep, timeSpan);
                batch.push_back(t);
                if (batch.size() == BatchSize) {
                    WriteStats s;
                    if (!writer.write(batch, &s, &error)) {
                        err << error << '\n';
                        return 1;
                    }
                    stored += s.stored;
                    batch.clear();
                }
                if (++produced == target)
                    break;
            }
        }
        WriteStats s;
        if (!batch.empty() && writer.write(batch, &s, &error))
            stored += s.stored;
    }
    const double e2eRate = double(stored) / (double(timer.nsecsElapsed()) / 1e9);

    // 3. Baseline in the same run: raw sqlite3 prepared inserts of the same number of rows, no parsing,
    // no bars, same table shape and pragmas.
    timer.restart();
    {
        sqlite3 *db = nullptr;
        sqlite3_open(dir.filePath(QStringLiteral("raw.sqlite")).toUtf8().constData(), &db);
        sqlite3_exec(db,
                     "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                     "CREATE TABLE t(s INTEGER, id INTEGER, ts INTEGER, p REAL, q REAL, m INTEGER,"
                     " PRIMARY KEY(s, id)) WITHOUT ROWID;",
                     nullptr, nullptr, nullptr);
        sqlite3_stmt *st = nullptr;
        sqlite3_prepare_v2(db, "INSERT OR IGNORE INTO t VALUES(?,?,?,?,?,?)", -1, &st, nullptr);
        std::int64_t i = 0;
        for (std::int64_t rep = 0; i < stored; ++rep) {
            sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
            for (Tick t : ticks) {
                shiftIntoRepetition(t, rep, timeSpan); // the same rows the end-to-end run stored
                sqlite3_bind_int64(st, 1, t.symbol.view()[0]);
                sqlite3_bind_int64(st, 2, t.tradeId);
                sqlite3_bind_int64(st, 3, t.tsMs);
                sqlite3_bind_double(st, 4, t.price);
                sqlite3_bind_double(st, 5, t.qty);
                sqlite3_bind_int(st, 6, t.buyerMaker);
                sqlite3_step(st);
                sqlite3_reset(st);
                if (++i == stored)
                    break;
            }
            sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
        }
        sqlite3_finalize(st);
        sqlite3_close(db);
    }
    const double rawRate = double(stored) / (double(timer.nsecsElapsed()) / 1e9);
    out << QStringLiteral(
               "end to end %1 k ticks/s (parse + store + 1s/1m/5m bars, %2 ticks)   raw sqlite3 inserts "
               "%3 k rows/s   ratio %4\n")
               .arg(e2eRate / 1e3, 0, 'f', 0)
               .arg(stored)
               .arg(rawRate / 1e3, 0, 'f', 0)
               .arg(e2eRate / rawRate, 0, 'f', 2);
    out << QStringLiteral("memory     resident %1 MiB, peak %2 MiB after %3 ticks\n")
               .arg(residentMiB(), 0, 'f', 1)
               .arg(residentMiB(true), 0, 'f', 1)
               .arg(stored);
    if (checksum == 0)
        out << "";
    return 0;
}

} // namespace pairlab::bench
