#pragma once

#include "market/bar.h"
#include "market/kline_history.h"

#include <QList>
#include <QString>

#include <memory>
#include <vector>

namespace pairlab {

class BulkStore;

/** The exchange's closed bars of a database (source 'rest'): stored in bulk, each bar once (a bar stored
 *  before is kept), and the ranges still missing. Opens its own connection on the thread that uses it
 *  first and keeps it until destroyed there: one thread. */
class RestBarStore
{
public:
    explicit RestBarStore(QString database);
    ~RestBarStore();
    RestBarStore(const RestBarStore &) = delete;
    RestBarStore &operator=(const RestBarStore &) = delete;

    bool open(QString *error);
    /** Stores bars (ascending, of one symbol and bar length) in one transaction; *stored counts the new ones.
     *  Fits KlineHistory::Store. */
    bool store(const KlineRange &range, const std::vector<Bar> &bars, qint64 *stored, QString *error);
    /** The runs of open times of `range` without a stored 'rest' bar, oldest first. */
    bool missing(const KlineRange &range, QList<KlineRange> *out, QString *error);

private:
    QString m_database, m_connection;
    std::unique_ptr<BulkStore> m_bulk;
};

} // namespace pairlab
