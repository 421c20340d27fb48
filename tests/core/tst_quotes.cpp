#include "cli/commands.h"
#include "io/gzip_file.h"
#include "market/binance_trade_parser.h"
#include "market/quote.h"
#include "market/replay_server.h"
#include "session/recording_ingest.h"
#include "storage/database.h"
#include "storage/quote_store.h"

#include "test_database.h"
#include "test_util.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include <map>
#include <tuple>

using namespace pairlab;

namespace {

/** The real hftbacktest capture of Binance USD-M BTCUSDT (5 min 45 s, trades, bookTicker and depth frames),
 *  one "<local ns> <frame>" line each. */
QList<QByteArray> captureLines()
{
    QByteArray content;
    QString error;
    if (!readMaybeGzip(
            test::sharedData(QStringLiteral("real/binance_ws/hftbacktest_usdm_btcusdt_20240808_raw.gz")),
            &content, &error))
        qFatal("%s", qPrintable(error));
    return content.split('\n');
}

/** A quote bar computed the plain way, from QJsonDocument and a map, for comparison. */
struct Reference
{
    qint64 firstU = -1, lastU = -1;
    double bidOpen = 0, bidHigh = 0, bidLow = 0, bidClose = 0, askOpen = 0, askHigh = 0, askLow = 0,
           askClose = 0;
    qint64 updates = 0;
};

} // namespace

/** Quotes (bookTicker): parsing, binning into 1 s / 1 m / 5 m quote bars, duplicates, gzip recordings. */
class TestQuotes : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesRealBookTickerFrames();
    void quoteBarsEqualAPlainReferenceOnTheRealCapture();
    void repeatedUpdatesAreSkippedAndFragmentsMerge();
    void malformedQuotesSayWhy();
    void damagedGzipIsRefusedWithItsPlace();
    void ingestStoresQuoteBarsOnceAndExportsThem();
    void liveReplayStoresTheSameQuoteBars();
};

void TestQuotes::parsesRealBookTickerFrames()
{
    BinanceTradeParser parser;
    int quotes = 0, trades = 0, expectedQuotes = 0;
    Quote first;
    for (const QByteArray &line : captureLines()) {
        if (line.isEmpty())
            continue;
        expectedQuotes += line.contains("@bookTicker") ? 1 : 0;
        const std::string_view frame =
            BinanceTradeParser::stripRecordingPrefix({line.constData(), std::size_t(line.size())});
        Tick t;
        const FrameKind kind = parser.parse(frame, t);
        QVERIFY2(kind != FrameKind::Malformed, qPrintable(QString::fromStdString(parser.message())));
        if (kind == FrameKind::Quote && quotes++ == 0)
            first = parser.quote();
        trades += kind == FrameKind::Trade ? 1 : 0;
    }
    QCOMPARE(expectedQuotes, 66089);
    QCOMPARE(quotes, expectedQuotes);
    QVERIFY(trades > 1000);
    // {"e":"bookTicker","u":5123107839020,"s":"BTCUSDT","b":"61800.20","B":"2.507","a":"61800.30","A":"2.510",
    //  "T":1723161256313,"E":1723161256313}
    QCOMPARE(first.symbol.toString(), QStringLiteral("BTCUSDT"));
    QCOMPARE(first.updateId, 5123107839020LL);
    QCOMPARE(first.tsMs, 1723161256313LL);
    QCOMPARE(first.bid, 61800.20);
    QCOMPARE(first.bidQty, 2.507);
    QCOMPARE(first.ask, 61800.30);
    QCOMPARE(first.askQty, 2.510);
}

void TestQuotes::quoteBarsEqualAPlainReferenceOnTheRealCapture()
{
    BinanceTradeParser parser;
    std::vector<Quote> quotes;
    std::map<std::tuple<int, qint64>, Reference> reference; // (interval s, open ms)
    qint64 lastU = -1;
    for (const QByteArray &line : captureLines()) {
        const qsizetype space = line.indexOf(' ');
        const QByteArray frame = space > 0 ? line.mid(space + 1) : line;
        if (!frame.contains("@bookTicker"))
            continue;
        Tick t;
        QCOMPARE(parser.parse({frame.constData(), std::size_t(frame.size())}, t), FrameKind::Quote);
        quotes.push_back(parser.quote());
        // The reference reads the same frame with QJsonDocument and bins it by hand.
        const QJsonObject d = QJsonDocument::fromJson(frame).object().value(QLatin1String("data")).toObject();
        const qint64 u = d.value(QLatin1String("u")).toInteger(),
                     ts = d.value(QLatin1String("T")).toInteger();
        const double bid = d.value(QLatin1String("b")).toString().toDouble(),
                     ask = d.value(QLatin1String("a")).toString().toDouble();
        QVERIFY2(u > lastU, "the capture's update ids increase"); // so stream order is update-id order
        lastU = u;
        for (int seconds : {1, 60, 300}) {
            Reference &r = reference[{seconds, ts - ts % (qint64(seconds) * 1000)}];
            if (r.updates++ == 0) {
                r.firstU = u;
                r.bidOpen = r.bidHigh = r.bidLow = bid;
                r.askOpen = r.askHigh = r.askLow = ask;
            }
            r.lastU = u;
            r.bidClose = bid;
            r.askClose = ask;
            r.bidHigh = std::max(r.bidHigh, bid);
            r.bidLow = std::min(r.bidLow, bid);
            r.askHigh = std::max(r.askHigh, ask);
            r.askLow = std::min(r.askLow, ask);
        }
    }
    QCOMPARE(quotes.size(), std::size_t(66089));
    // In batches of 1,000 as a stream delivers them: fragments of a bin that spans batches are merged the
    // way the store merges them.
    QuoteBinner binner;
    std::map<std::tuple<int, qint64>, QuoteBar> bars;
    for (std::size_t i = 0; i < quotes.size(); i += 1000) {
        const std::vector<Quote> batch(quotes.begin() + long(i),
                                       quotes.begin() + long(std::min(quotes.size(), i + 1000)));
        QCOMPARE(binner.add(batch), qint64(batch.size()));
        for (const QuoteBarUpdate &u : binner.take())
            for (const QuoteBar &b : u.bars) {
                auto [it, fresh] = bars.try_emplace({intervalSeconds(u.interval), b.openMs}, b);
                if (!fresh)
                    it->second.merge(b);
            }
    }
    QCOMPARE(bars.size(), reference.size());
    int perInterval[3] = {0, 0, 0};
    for (const auto &[key, r] : reference) {
        const QuoteBar &b = bars.at(key);
        const QString where = QStringLiteral("%1 s bar at %2").arg(std::get<0>(key)).arg(std::get<1>(key));
        QVERIFY2(b.updates == r.updates && b.firstUpdateId == r.firstU && b.lastUpdateId == r.lastU,
                 qPrintable(where));
        QVERIFY2(b.bidOpen == r.bidOpen && b.bidHigh == r.bidHigh && b.bidLow == r.bidLow &&
                     b.bidClose == r.bidClose,
                 qPrintable(where));
        QVERIFY2(b.askOpen == r.askOpen && b.askHigh == r.askHigh && b.askLow == r.askLow &&
                     b.askClose == r.askClose,
                 qPrintable(where));
        ++perInterval[std::get<0>(key) == 1 ? 0 : (std::get<0>(key) == 60 ? 1 : 2)];
    }
    QVERIFY(perInterval[0] > 300); // 5 min 45 s of seconds, every one quoted
    QCOMPARE(perInterval[1], 7);   // 23:54 … 00:00
    QCOMPARE(perInterval[2], 3);   // 23:50, 23:55 and the first updates of 00:00
}

void TestQuotes::repeatedUpdatesAreSkippedAndFragmentsMerge()
{
    const SymbolCode btc = SymbolCode::fromText("BTCUSDT");
    std::vector<Quote> quotes;
    for (int i = 0; i < 10; ++i) // 10 updates over two seconds
        quotes.push_back(Quote{btc, 100 + i, 1000 + i * 200, 10.0 + i, 1, 11.0 + i, 1});
    QuoteBinner binner;
    QCOMPARE(binner.add({quotes.begin(), quotes.begin() + 3}), 3);
    std::vector<QuoteBarUpdate> a = binner.take();
    QCOMPARE(binner.add(quotes), 7); // the first three again: skipped
    QCOMPARE(binner.duplicates(), 3);
    std::vector<QuoteBarUpdate> b = binner.take();
    QCOMPARE(a.front().interval, Interval::S1);
    QuoteBar second1 = a.front().bars.front(); // updates 0..2 of second 1 (times 1000, 1200, 1400)
    QCOMPARE(second1.updates, 3);
    second1.merge(b.front().bars.front()); // updates 3, 4 (1600, 1800)
    QCOMPARE(second1.openMs, 1000);
    QCOMPARE(second1.updates, 5);
    QCOMPARE(second1.bidOpen, 10.0);
    QCOMPARE(second1.bidClose, 14.0);
    QCOMPARE(second1.askHigh, 15.0);
    QCOMPARE(b.front().bars.back().openMs, 2000);
    QCOMPARE(b.front().bars.back().updates, 5);
    // A seeded symbol skips what is stored already.
    QuoteBinner seeded;
    seeded.seed(btc, 104);
    QCOMPARE(seeded.add(quotes), 5);
}

void TestQuotes::malformedQuotesSayWhy()
{
    BinanceTradeParser parser;
    Tick t;
    const std::string good =
        R"({"stream":"btcusdt@bookTicker","data":{"e":"bookTicker","u":7,"s":"BTCUSDT","b":"1.5","B":"2","a":"1.6","A":"3","T":1723161256313,"E":1723161256313}})";
    QCOMPARE(parser.parse(good, t), FrameKind::Quote);
    QCOMPARE(parser.quote().ask, 1.6);
    const std::pair<std::string, std::string> bad[] = {
        {R"({"stream":"btcusdt@bookTicker","data":{"e":"bookTicker","u":7,"s":"BTCUSDT","b":"x","B":"2","a":"1.6","A":"3","T":5}})",
         "not a decimal"},
        {R"({"stream":"btcusdt@bookTicker","data":{"e":"bookTicker","s":"BTCUSDT","b":"1","B":"2","a":"1.6","A":"3","T":5}})",
         "update id"},
        {R"({"stream":"btcusdt@bookTicker","data":{"e":"bookTicker","u":7,"s":"BTCUSDT","b":"1","B":"2","A":"3","T":5}})",
         "bid or ask"},
        {R"({"stream":"btcusdt@bookTicker","data":{"e":"bookTicker","u":7,"s":"BTCUSDT","b":"1","B":"2","a":"1.6","A":"3"}})",
         "time"},
        {R"({"stream":"btcusdt@bookTicker","data":{"e":"bookTicker","u":7,"s":"BTCUSDT","b":"0","B":"2","a":"1.6","A":"3","T":5}})",
         "out of range"},
    };
    for (const auto &[frame, why] : bad) {
        QCOMPARE(parser.parse(frame, t), FrameKind::Malformed);
        QVERIFY2(parser.message().find(why) != std::string::npos, parser.message().c_str());
    }
}

void TestQuotes::damagedGzipIsRefusedWithItsPlace()
{
    QFile real(test::sharedData(QStringLiteral("real/binance_ws/hftbacktest_usdm_btcusdt_20240808_raw.gz")));
    QVERIFY(real.open(QIODevice::ReadOnly));
    const QByteArray whole = real.readAll();
    QTemporaryDir dir;
    const QString cut = dir.filePath(QStringLiteral("cut.gz")),
                  bent = dir.filePath(QStringLiteral("bent.gz"));
    QFile c(cut), b(bent);
    QVERIFY(c.open(QIODevice::WriteOnly) && b.open(QIODevice::WriteOnly));
    c.write(whole.left(whole.size() / 2));
    QByteArray damaged = whole;
    for (qsizetype i = 1000; i < 1100; ++i)
        damaged[i] = char(~damaged[i]);
    b.write(damaged);
    c.close();
    b.close();
    QByteArray content;
    QString error;
    QVERIFY(!readMaybeGzip(cut, &content, &error));
    QVERIFY2(error.startsWith(cut) && error.contains(QLatin1String("cut short")), qPrintable(error));
    QVERIFY(!readMaybeGzip(bent, &content, &error));
    QVERIFY2(error.startsWith(bent) && error.contains(QLatin1String("damaged gzip data at compressed byte")),
             qPrintable(error));
    // Plain text is read as it is.
    const QString plain = dir.filePath(QStringLiteral("plain.jsonl"));
    QFile p(plain);
    QVERIFY(p.open(QIODevice::WriteOnly));
    p.write("{}\n");
    p.close();
    QVERIFY(readMaybeGzip(plain, &content, &error));
    QCOMPARE(content, QByteArray("{}\n"));
}

void TestQuotes::ingestStoresQuoteBarsOnceAndExportsThem()
{
    // The capture as it is (gzip, "<ns> <frame>" lines) through `ingest --file`'s path into SQLite or
    // PostgreSQL: the stored 1 s quote bars are the binner's on the same frames, exported with round-trip
    // numbers; ingesting the file again stores nothing twice.
    const QString capture =
        test::sharedData(QStringLiteral("real/binance_ws/hftbacktest_usdm_btcusdt_20240808_raw.gz"));
    test::ScratchDatabase scratch;
    IngestCounts c;
    QString error;
    QVERIFY2(ingestRecordingFile(capture, scratch.spec(), &c, &error), qPrintable(error));
    QCOMPARE(c.quotes, 66089);
    QCOMPARE(c.quoteDuplicates, 0);
    QVERIFY(c.stored > 1000); // the trades too
    QCOMPARE(c.malformed, 0);

    BinanceTradeParser parser;
    std::vector<Quote> quotes;
    for (const QByteArray &line : captureLines()) {
        const std::string_view frame =
            BinanceTradeParser::stripRecordingPrefix({line.constData(), std::size_t(line.size())});
        Tick t;
        if (!line.isEmpty() && parser.parse(frame, t) == FrameKind::Quote)
            quotes.push_back(parser.quote());
    }
    QuoteBinner binner;
    binner.add(quotes);
    std::vector<QuoteBar> expected;
    for (const QuoteBarUpdate &u : binner.take())
        if (u.interval == Interval::S1)
            expected = u.bars;

    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("q.csv")), again = dir.filePath(QStringLiteral("q2.csv"));
    const auto exportTo = [&](const QString &path) {
        QSqlDatabase db = Database::open(scratch.spec(), QStringLiteral("quotes-export"), &error);
        std::int64_t rows = 0;
        const bool ok = db.isValid() && QuoteStore::exportCsv(db, QStringLiteral("BTCUSDT"), Interval::S1,
                                                              path, &error, &rows);
        db = QSqlDatabase();
        Database::close(QStringLiteral("quotes-export"));
        return ok ? rows : -1;
    };
    QCOMPARE(exportTo(csv), std::int64_t(expected.size()));
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().split('\n');
    QCOMPARE(lines.front(),
             QByteArray(
                 "open_ms,bid_open,bid_high,bid_low,bid_close,ask_open,ask_high,ask_low,ask_close,updates"));
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const QList<QByteArray> v = lines[qsizetype(i) + 1].split(',');
        const QuoteBar &b = expected[i];
        QCOMPARE(v.size(), 10);
        QCOMPARE(v[0].toLongLong(), b.openMs);
        const double values[] = {b.bidOpen, b.bidHigh, b.bidLow, b.bidClose,
                                 b.askOpen, b.askHigh, b.askLow, b.askClose};
        for (int k = 0; k < 8; ++k)
            QCOMPARE(v[k + 1].toDouble(), values[k]); // round trip: the same double
        QCOMPARE(v[9].toLongLong(), b.updates);
    }

    IngestCounts second;
    QVERIFY2(ingestRecordingFile(capture, scratch.spec(), &second, &error), qPrintable(error));
    QCOMPARE(second.quotes, 0);
    QCOMPARE(second.quoteDuplicates, 66089);
    QCOMPARE(second.stored, 0);
    QCOMPARE(exportTo(again), std::int64_t(expected.size()));
    QFile g(again);
    QVERIFY(f.seek(0) && g.open(QIODevice::ReadOnly));
    QCOMPARE(g.readAll(), f.readAll());
}

void TestQuotes::liveReplayStoresTheSameQuoteBars()
{
    // The capture served by the replay server over WebSocket (trade and bookTicker streams asked for by the
    // client, as from Binance) into a live session's database, against the same file ingested directly:
    // the same quote bars of every length, field for field.
    const QString capture =
        test::sharedData(QStringLiteral("real/binance_ws/hftbacktest_usdm_btcusdt_20240808_raw.gz"));
    ReplayServer server;
    QString error;
    QVERIFY2(server.load(capture, &error), qPrintable(error));
    server.setSpeed(0);
    QVERIFY(server.listen(0, &error));
    test::ScratchDatabase live(QStringLiteral("live")), file(QStringLiteral("file"));
    QString outText, errText;
    {
        QTextStream out(&outText), err(&errText);
        QCOMPARE(cli::ingest({QStringLiteral("--url"), server.url().toString(), QStringLiteral("--symbols"),
                              QStringLiteral("BTCUSDT"), QStringLiteral("--quotes"), QStringLiteral("--db"),
                              live.spec(), QStringLiteral("--idle-exit"), QStringLiteral("2")},
                             out, err),
                 0);
    }
    QVERIFY2(server.requestedStreams().join(QLatin1Char(' ')).contains(QLatin1String("btcusdt@bookTicker")),
             qPrintable(server.requestedStreams().join(QLatin1Char(' '))));
    IngestCounts c;
    QVERIFY2(ingestRecordingFile(capture, file.spec(), &c, &error), qPrintable(error));
    const auto load = [&](const QString &spec, Interval interval) {
        std::vector<QuoteBar> bars;
        Database::withReader(
            spec,
            [&](QSqlDatabase &db) {
                bars = QuoteStore::load(db, QStringLiteral("BTCUSDT"), interval, &error);
            },
            &error);
        return bars;
    };
    for (const Interval interval : AllIntervals) {
        const std::vector<QuoteBar> got = load(live.spec(), interval), want = load(file.spec(), interval);
        QVERIFY(!want.empty());
        QCOMPARE(got.size(), want.size());
        for (std::size_t i = 0; i < want.size(); ++i) {
            const QuoteBar &g = got[i], &w = want[i];
            QVERIFY2(
                g.openMs == w.openMs && g.bidOpen == w.bidOpen && g.bidHigh == w.bidHigh &&
                    g.bidLow == w.bidLow && g.bidClose == w.bidClose && g.askOpen == w.askOpen &&
                    g.askHigh == w.askHigh && g.askLow == w.askLow && g.askClose == w.askClose &&
                    g.updates == w.updates && g.firstUpdateId == w.firstUpdateId &&
                    g.lastUpdateId == w.lastUpdateId,
                qPrintable(
                    QStringLiteral("%1 s bar %2 at %3 differs").arg(int(interval)).arg(i).arg(w.openMs)));
        }
    }
}

QTEST_GUILESS_MAIN(TestQuotes)
#include "tst_quotes.moc"
