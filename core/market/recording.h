#pragma once

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <vector>

namespace pairlab {

/** One recorded WebSocket frame, normalised to Binance's combined-stream form. */
struct RecordedFrame
{
    std::int64_t timeMs = 0; ///< local receive time if recorded, else the event's trade time
    QByteArray json;         ///< {"stream":..,"data":..}
    QByteArray stream;       ///< "btcusdt@trade"
};

/** Reads recordings: JSON lines of frames, each optionally prefixed by a local timestamp
 *  ("<ns> {...}" as hftbacktest writes, "<s.frac>: {...}" as cryptofeed writes). Raw payloads are wrapped
 *  in the combined-stream form; lines that are neither stream frames nor trade payloads (REST snapshots,
 *  blank lines) are skipped and counted. */
struct Recording
{
    std::vector<RecordedFrame> frames;
    std::int64_t skippedLines = 0;

    static bool load(const QString &path, Recording *out, QString *error);
    static bool parse(const QByteArray &text, Recording *out, QString *error);
};

/** The bundled demo recording (real Binance USD-M BTCUSDT/ETHUSDT trades of 2024-08-08), a Qt resource path.
 */
QString demoRecordingPath();

} // namespace pairlab
