#pragma once

#include "market/gap_detector.h"

#include <QObject>
#include <QSqlDatabase>
#include <QString>

#include <limits>

namespace pairlab {

/** The gaps table: stretches of trade ids the live stream skipped, keyed by (symbol, from_id), with what
 *  the back-fill made of them ('open', 'filled', 'unfillable' and why). Portable SQL on the caller's own
 *  connection (SQLite or PostgreSQL), any thread that owns it. */
namespace GapStore {

/** Stores gaps: a row with the same symbol and from_id is replaced, others are added. One transaction. */
bool putGaps(QSqlDatabase &db, const TradeGapList &gaps, QString *error);

/** Stored gaps of symbol (all symbols when empty) that overlap [fromMs, toMs], by symbol and id. */
TradeGapList loadGaps(const QSqlDatabase &db, const QString &symbol = {},
                      std::int64_t fromMs = std::numeric_limits<std::int64_t>::min(),
                      std::int64_t toMs = std::numeric_limits<std::int64_t>::max(), QString *error = nullptr);

} // namespace GapStore

/** Keeps the gaps table of one database on the thread it lives on (LiveSession's storage thread), on a
 *  connection of its own opened at the first call. Errors are reported, never retried: a gap that could not
 *  be stored is still shown for the session. */
class GapRecorder : public QObject
{
    Q_OBJECT
public:
    explicit GapRecorder(QString database, QObject *parent = nullptr);
    ~GapRecorder() override;

public Q_SLOTS:
    void record(const pairlab::TradeGapList &gaps);
    /** Emits loaded() with the stored gaps of the last maxAgeMs (wall clock). */
    void load(qint64 maxAgeMs);

Q_SIGNALS:
    void loaded(const pairlab::TradeGapList &gaps);
    void failed(const QString &message);

private:
    bool ensureOpen();

    QString m_database;
    QString m_connection;
};

} // namespace pairlab
