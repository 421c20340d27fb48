#pragma once

#include <QString>
#include <QStringList>

#include <cstdint>

class QTextStream;

namespace pairlab::cli {

struct IngestCounts
{
    std::int64_t frames = 0, stored = 0, duplicates = 0, malformed = 0, unknown = 0;
};

/** Parses a recording (JSON lines, optional local-time prefixes) and stores its trades and 1s/1m/5m bars
 *  into the SQLite database at dbPath, in batches of one transaction each. Malformed lines are counted and
 *  skipped. Used by `pairlab-cli ingest --file` and by the ingest benchmark. */
bool ingestRecordingFile(const QString &path, const QString &dbPath, IngestCounts *counts, QString *error);

/** `pairlab-cli bench ingest [--ticks N] [--file F]`: parse rate (simdjson vs QJsonDocument), end-to-end
 *  recording → parse → SQLite → bars rate against raw sqlite3 inserts of the same rows in the same run,
 *  and resident memory. */
int benchIngest(const QStringList &args, QTextStream &out, QTextStream &err);

/** Resident set size and its peak, in MiB (Linux /proc; 0 elsewhere). */
double residentMiB(bool peak = false);

} // namespace pairlab::cli

namespace pairlab::cli {

/** `pairlab-cli bench live [--rate 5000] [--seconds 20]`: the real recording served by a local ReplayServer
 *  at the given trade rate (repeated with shifted trade ids and times so that every trade is new), through
 *  BinanceFeed, TickWriter and BarModel; prints the latency from a frame's receipt on the feed thread to
 *  its bar being merged in the model on the main thread (p50/p99/max). */
int benchLive(const QStringList &args, QTextStream &out, QTextStream &err);

/** `pairlab-cli bench postgres --db postgresql://… [--ticks N] [--readers K]`: TickWriter into PostgreSQL
 *  (COPY) against raw libpq COPY and QSqlQuery::execBatch in the same run, then one writer with K readers
 *  loading bar snapshots from the same database. */
int benchPostgres(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace pairlab::cli
