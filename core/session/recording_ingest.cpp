#include "session/recording_ingest.h"

#include "market/binance_trade_parser.h"
#include "storage/tick_writer.h"

#include <QCoreApplication>
#include <QFile>

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
    *text = f.readAll();
    return true;
}

bool ingestRecordingFile(const QString &path, const QString &dbPath, IngestCounts *counts, QString *error)
{
    QByteArray text;
    if (!readRecordingText(path, &text, error))
        return false;
    TickWriter writer(dbPath);
    if (!writer.open(error))
        return false;
    BinanceTradeParser parser;
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
    if (counts)
        *counts = c;
    return true;
}

} // namespace pairlab
