#pragma once

#include "market/kline_history.h"
#include "storage/rest_bar_store.h"

#include <QHash>
#include <QObject>
#include <QStringList>

namespace pairlab {

/** What the live session fills from the exchange's history when it starts. */
struct HistoryConfig
{
    int days = 7;                     ///< 0: no history
    QList<int> intervals = {60, 300}; ///< 1 m and 5 m bars
    KlineHistoryConfig klines;
    /** Also each symbol's funding events of those days (GET /fapi/v1/fundingRate), after the newest stored.
     */
    bool funding = false;
};

/** The history back-fill of a live session, on a thread of its own (construct, moveToThread(), invoke
 *  fill() queued): for each symbol and bar length, the open times of the last `days` days up to `endMs` that
 *  have no bar of the exchange stored yet are asked for (KlineHistory, oldest first) and stored as source
 *  'rest' beside the live bars, which keep flowing meanwhile. Progress is reported per symbol and bar length
 *  in days, each landed range once, and the end with what could not be filled. */
class HistoryFiller : public QObject
{
    Q_OBJECT
public:
    HistoryFiller(QString database, HistoryConfig config, QObject *parent = nullptr);
    ~HistoryFiller() override;

public Q_SLOTS:
    /** Queues the missing history of symbols, up to endMs (the newest closed bar's end, normally now). */
    void fill(const QStringList &symbols, qint64 endMs);
    /** Queues only the funding events of symbols not stored yet, up to endMs (a funding time passed while the
     *  session runs: the settled rate is published by then). Nothing unless HistoryConfig::funding. */
    void fillFunding(const QStringList &symbols, qint64 endMs);
    /** Drops everything queued and in flight; finished() follows. */
    void cancel();

Q_SIGNALS:
    /** "history BTCUSDT 1m: 3.2 of 7 days" as numbers. */
    void progress(const QString &symbol, int intervalSeconds, double daysDone, double daysTotal);
    /** New bars of symbol/interval are stored (the views reload them). */
    void landed(const QString &symbol, int intervalSeconds, qint64 stored);
    /** Nothing left to do: `problems` lists every range that could not be completed and why (empty: all). */
    void finished(const QStringList &problems, bool cancelled);

private:
    struct Key
    {
        QString symbol;
        int interval;
        bool operator==(const Key &o) const { return symbol == o.symbol && interval == o.interval; }
    };
    friend size_t qHash(const Key &k, size_t seed) { return qHashMulti(seed, k.symbol, k.interval); }
    struct Progress
    {
        qint64 missingMs = 0, doneMs = 0;
    };

    QList<KlineRange> missingFunding(const QStringList &symbols, qint64 endMs);
    bool storeFunding(const QString &symbol, const std::vector<FundingEvent> &events, qint64 *stored,
                      QString *error);
    HistoryConfig m_config;
    QString m_database;
    QString m_fundingConnection; ///< opened on this object's thread when funding is first stored
    RestBarStore m_store;
    KlineHistory *m_history;
    QHash<Key, Progress> m_progress;
    QStringList m_problems;
    bool m_cancelled = false;
};

} // namespace pairlab
