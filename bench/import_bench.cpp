#include "bench/benchmarks.h"
#include "io/csv_import.h"

#include "bars/bar_aggregator.h"
#include "io/csv_layout.h"
#include "io/csv_text.h"
#include "io/number_format.h"
#include "market/binance_trade_parser.h"
#include "market/recording.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

namespace pairlab::bench {

int benchImport(const QStringList &args, QTextStream &out, QTextStream & /*err*/)
{
    qint64 rows = 1000000;
    for (int i = 0; i + 1 < args.size(); ++i)
        if (args.at(i) == QLatin1String("--rows"))
            rows = std::max<qint64>(1, args.at(i + 1).toLongLong());
    QTemporaryDir dir;
    if (!dir.isValid()) {
        out << CsvImport::tr("cannot create a temporary directory") << '\n';
        return 1;
    }
    // Real trades: the bundled Binance USD-M BTCUSDT recording.
    Recording rec;
    QString error;
    if (!Recording::load(demoRecordingPath(), &rec, &error)) {
        out << error << '\n';
        return 1;
    }
    BinanceTradeParser parser;
    std::vector<Tick> ticks;
    for (const RecordedFrame &f : rec.frames) {
        Tick t;
        if (parser.parse(std::string_view(f.json.constData(), std::size_t(f.json.size())), t) ==
                FrameKind::Trade &&
            t.symbol.view() == "BTCUSDT")
            ticks.push_back(t);
    }
    if (ticks.size() < 2) {
        out << CsvImport::tr("the demo recording has no trades") << '\n';
        return 1;
    }
    // Trades file: Binance dump layout, the real rows repeated, each repetition shifted by the span; unlike
    // shiftIntoRepetition() the ids stay contiguous, as in a real dump.
    const std::int64_t span = ticks.back().tsMs - ticks.front().tsMs + 1;
    const std::int64_t idSpan = ticks.back().tradeId - ticks.front().tradeId + 1;
    QByteArray text("id,price,qty,quote_qty,time,is_buyer_maker\n");
    text.reserve(qsizetype(rows) * 56);
    for (qint64 i = 0; i < rows; ++i) {
        const std::size_t k = std::size_t(i % qint64(ticks.size()));
        const qint64 rep = i / qint64(ticks.size());
        const Tick &t = ticks[k];
        appendInt(text, t.tradeId + rep * idSpan);
        text += ',';
        appendDouble(text, t.price);
        text += ',';
        appendDouble(text, t.qty);
        text += ',';
        appendDouble(text, t.price * t.qty);
        text += ',';
        appendInt(text, t.tsMs + rep * span);
        text += t.buyerMaker ? ",true\n" : ",false\n";
    }
    const QString tradesPath = dir.filePath(QStringLiteral("BTCUSDT-trades-bench.csv"));
    {
        QFile f(tradesPath);
        if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size()) {
            out << CsvImport::tr("cannot write %1").arg(tradesPath) << '\n';
            return 1;
        }
    }
    // OHLC file: the recording's real 1s bars, repeated with shifted times.
    const std::vector<BarUpdate> updates = BarAggregator({Interval::S1}).aggregate(ticks);
    std::vector<Bar> bars;
    for (const BarUpdate &u : updates)
        if (u.symbol.view() == "BTCUSDT")
            bars = u.bars;
    const std::int64_t barSpan = bars.back().openMs - bars.front().openMs + 1000;
    text = "timestamp,open,high,low,close,volume\n";
    text.reserve(qsizetype(rows) * 64);
    for (qint64 i = 0; i < rows; ++i) {
        const Bar &b = bars[std::size_t(i % qint64(bars.size()))];
        appendInt(text, b.openMs + (i / qint64(bars.size())) * barSpan);
        for (double v : {b.open, b.high, b.low, b.close, b.volume}) {
            text += ',';
            appendDouble(text, v);
        }
        text += '\n';
    }
    const QString ohlcPath = dir.filePath(QStringLiteral("BTCUSDT-1s-bench.csv"));
    {
        QFile f(ohlcPath);
        if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size()) {
            out << CsvImport::tr("cannot write %1").arg(ohlcPath) << '\n';
            return 1;
        }
    }
    text.clear();
    text.squeeze();

    int failures = 0;
    for (const QString &path : {ohlcPath, tradesPath}) {
        const QString dbPath = dir.filePath(QFileInfo(path).completeBaseName() + QStringLiteral(".sqlite"));
        QElapsedTimer t;
        t.start();
        const ImportResult r = importCsv(path, dbPath, ImportOptions());
        const double s = double(t.nsecsElapsed()) / 1e9;
        if (!r.ok) {
            out << r.error.toString() << '\n';
            ++failures;
            continue;
        }
        out << CsvImport::tr("import %1: %2 rows (%3) in %4 s = %5 rows/s (parse %6 s, write %7 s); %8 bars, "
                             "%9 ticks\n")
                   .arg(QFileInfo(path).fileName())
                   .arg(r.rows)
                   .arg(r.format)
                   .arg(s, 0, 'f', 3)
                   .arg(double(r.rows) / s, 0, 'f', 0)
                   .arg(r.parseSeconds, 0, 'f', 3)
                   .arg(r.writeSeconds, 0, 'f', 3)
                   .arg(r.bars)
                   .arg(r.ticks);
    }
    return failures ? 1 : 0;
}

} // namespace pairlab::bench
