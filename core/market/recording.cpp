#include "market/recording.h"

#include "io/gzip_file.h"

#include "market/binance_trade_parser.h"

#include <QFile>
#include <QObject>

namespace pairlab {

QString demoRecordingPath()
{
    return QStringLiteral(":/pairlab/demo/binance_usdm_btcusdt_ethusdt_20240808.jsonl.gz");
}

bool Recording::load(const QString &path, Recording *out, QString *error)
{
    // Plain JSON lines or gzip (hftbacktest's captures), told apart by the content.
    QByteArray text;
    QString why;
    if (!readMaybeGzip(path, &text, &why)) {
        if (error)
            *error = QObject::tr("cannot open recording %1: %2").arg(path, why);
        return false;
    }
    if (!parse(text, out, error)) {
        if (error)
            *error = QObject::tr("recording %1: %2").arg(path, *error);
        return false;
    }
    return true;
}

bool Recording::parse(const QByteArray &text, Recording *out, QString *error)
{
    out->frames.clear();
    out->skippedLines = 0;
    BinanceTradeParser parser;
    qsizetype pos = 0;
    std::int64_t lastTime = 0;
    while (pos < text.size()) {
        qsizetype end = text.indexOf('\n', pos);
        if (end < 0)
            end = text.size();
        std::string_view line(text.constData() + pos, std::size_t(end - pos));
        pos = end + 1;
        while (!line.empty() && (line.back() == '\r' || line.back() == ' '))
            line.remove_suffix(1);
        if (line.empty())
            continue;
        std::int64_t prefixMs = -1;
        const std::string_view json = BinanceTradeParser::stripRecordingPrefix(line, &prefixMs);
        Tick t;
        const FrameKind kind = parser.parse(json, t);
        RecordedFrame f;
        if (!parser.stream().empty()) {
            f.stream = QByteArray(parser.stream().data(), qsizetype(parser.stream().size()));
            f.json = QByteArray(json.data(), qsizetype(json.size()));
        } else if (kind == FrameKind::Trade) {
            // A raw payload: wrap it as the combined stream would deliver it.
            const bool agg = json.find("\"aggTrade\"") != std::string_view::npos;
            f.stream = t.symbol.toStreamName().toLatin1() + (agg ? "@aggTrade" : "@trade");
            f.json = "{\"stream\":\"" + f.stream +
                     "\",\"data\":" + QByteArray(json.data(), qsizetype(json.size())) + '}';
        } else {
            ++out->skippedLines;
            continue;
        }
        if (prefixMs >= 0)
            f.timeMs = prefixMs;
        else if (kind == FrameKind::Trade)
            f.timeMs = t.tsMs;
        else
            f.timeMs = lastTime;
        lastTime = f.timeMs;
        out->frames.push_back(std::move(f));
    }
    if (out->frames.empty()) {
        if (error)
            *error = QObject::tr("no stream frames found");
        return false;
    }
    return true;
}

} // namespace pairlab
