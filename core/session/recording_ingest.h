#pragma once

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <string_view>
#include <vector>

namespace pairlab {

struct IngestCounts
{
    std::int64_t frames = 0, stored = 0, duplicates = 0, malformed = 0, unknown = 0;
    std::int64_t quotes = 0, quoteDuplicates = 0; ///< bookTicker updates binned into quote bars, and repeats
};

/** Parses a recording (JSON lines, optional local-time prefixes) and stores its trades and 1s/1m/5m bars
 *  into the database dbPath (SQLite file or PostgreSQL URL), in batches of one transaction each. Malformed
 *  lines are counted and skipped. Used by `pairlab-cli ingest --file`, the ingest benchmark and tests. */
/** Reads a recording file whole; false with "cannot open PATH: reason" in error. */
bool readRecordingText(const QString &path, QByteArray *text, QString *error);

/** The non-empty lines of a recording, CR stripped and any local-time prefix removed (views into text). */
std::vector<std::string_view> recordingLines(const QByteArray &text);

bool ingestRecordingFile(const QString &path, const QString &dbPath, IngestCounts *counts, QString *error);

} // namespace pairlab
