#include "session/recording_ingest.h"

#include "io/gzip_file.h"
#include "market/binance_trade_parser.h"
#include "storage/database.h"
#include "storage/quote_store.h"
#include "storage/tick_writer.h"

#include <QScopeGuard>

#include <QCoreApplication>
#include <QFile>

#include <algorithm>
#include <string_view>
#include <vector>

namespace pairlab {

namespace {
constexpr std::size_t BatchSize = 50000;
} // namespace

std::vector<std::string_view> recordingLines(const QByteArray &text)
{
    std::vector<std::string_view> lines;
    qsizetype pos = 0;
    while (pos < text.size()) {
        qsizetype end = text.indexOf('\n', pos);
        if (end < 0)
            end = text.size();
        std::string_view line(text.constData() + pos, std::size_t(end - pos));
        while (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (!line.empty())
            lines.push_back(BinanceTradeParser::stripRecordingPrefix(line));
        pos = end + 1;
    }
    return lines;
}

bool readRecordingText(const QString &path, QByteArray *text, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QCoreApplication::translate("cli", "cannot open %1: %2").arg(path, f.errorString());
        return false;
    }
    f.close();
    return readMaybeGzip(path, text, error); // a gzip recording (hftbacktest's captures) is read unpacked
}

bool ingestRecordingFile(const QString &path, const QString &dbPath, IngestCounts *counts, QString *error)
{
    QByteArray text;
    if (!readRecordingText(path, &text, error))
        return false;
    TickWriter writer(dbPath);
    if (!writer.open(error))
        return false;
    // Quote bars go through a connection of their own (TickWriter's is native), opened after the writer
    // created the schema.
    const QString connection = Database::uniqueConnectionName(QStringLiteral("ingest-quotes"));
    const auto closeQuoteDb = qScopeGuard([&] { Database::close(connection); });
    QSqlDatabase quoteDb = Database::open(dbPath, connection, error);
    if (!quoteDb.isValid())
        return false;
    std::vector<SymbolCode> seeded;
    BinanceTradeParser parser;
    QuoteBinner quotes; // quote bars of the whole file, stored at the end in one transaction
    std::vector<Quote> quoteBatch;
    std::vector<Tick> batch;
    batch.reserve(BatchSize);
    IngestCounts c;
    auto flush = [&] {
        WriteStats s;
        if (!writer.write(batch, &s, error))
            return false;
        c.stored += s.stored;
        c.duplicates += s.duplicates;
        batch.clear();
        return true;
    };
    for (std::string_view line : recordingLines(text)) {
        ++c.frames;
        Tick t;
        switch (parser.parse(line, t)) {
        case FrameKind::Trade:
            batch.push_back(t);
            if (batch.size() >= BatchSize && !flush())
                return false;
            break;
        case FrameKind::Quote:
            if (std::none_of(seeded.begin(), seeded.end(),
                             [&](SymbolCode s) { return s == parser.quote().symbol; })) {
                // Updates at or below the newest one stored are there already (the file read before).
                seeded.push_back(parser.quote().symbol);
                QString err;
                quotes.seed(parser.quote().symbol,
                            QuoteStore::lastUpdateId(quoteDb, parser.quote().symbol.toString(), &err));
                if (!err.isEmpty()) {
                    if (error)
                        *error = err;
                    return false;
                }
            }
            quoteBatch.push_back(parser.quote());
            if (quoteBatch.size() >= BatchSize) {
                c.quotes += quotes.add(quoteBatch);
                quoteBatch.clear();
            }
            break;
        case FrameKind::Malformed:
            ++c.malformed;
            break;
        default:
            ++c.unknown;
            break;
        }
    }
    if (!batch.empty() && !flush())
        return false;
    c.quotes += quotes.add(quoteBatch);
    c.quoteDuplicates = quotes.duplicates();
    if (!QuoteStore::store(quoteDb, quotes.take(), error))
        return false;
    if (counts)
        *counts = c;
    return true;
}

} // namespace pairlab
