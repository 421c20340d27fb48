#pragma once

#include "backtest/backtest_engine.h"

#include <QList>
#include <QSqlDatabase>

namespace pairlab {

/** A stored backtest (table backtests): when, which pair, its parameters and summary. */
struct StoredBacktest {
    qint64 id = 0;
    qint64 createdMs = 0;
    QString pair;
    BacktestConfig config;
    BacktestSummary summary;
};

/** Backtest results in PairLab's database: parameters and summary as JSON (params_json,
    summary_json; NaN as null). One store per thread and connection (opened on that thread). */
class BacktestStore
{
public:
    explicit BacktestStore(QSqlDatabase db);
    /** Inserts a result; returns its id, or 0 with error set. createdMs 0 = now. */
    qint64 save(const QString &pair, const BacktestConfig &config, const BacktestSummary &summary,
                qint64 createdMs = 0, QString *error = nullptr);
    /** Stored results, newest first; only `pair` unless it is empty. */
    QList<StoredBacktest> list(const QString &pair = QString(), QString *error = nullptr) const;
    bool remove(qint64 id, QString *error = nullptr);

private:
    QSqlDatabase m_db;
};

} // namespace pairlab
