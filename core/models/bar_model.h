#pragma once

#include "market/bar.h"

#include <QAbstractTableModel>
#include <QFutureWatcher>

#include <vector>

namespace pairlab {

/** Bars of one symbol and interval: a page of history loaded from the database off the GUI thread, then
 *  live fragments merged in as the storage thread commits them (one insert/dataChanged per batch).
 *  Batches that arrive while the page loads are held and applied only if the page's snapshot does not
 *  already contain them (by batch sequence number), so no trade is counted twice.
 *  Charts read bars() directly; barsChanged() tells them to redraw (they throttle). GUI thread. */
class BarModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Time, Open, High, Low, Close, Volume, Trades, ColumnCount };

    explicit BarModel(QObject *parent = nullptr);
    ~BarModel() override;

    /** Switches to symbol/interval and loads the newest `historyLimit` bars from the database. */
    void setSeries(const QString &databasePath, const QString &symbol, Interval interval);
    void setBars(std::vector<Bar> bars); ///< replaces everything (tests, imported data)
    QString symbol() const { return m_symbol.toString(); }
    Interval interval() const { return m_interval; }
    bool isLoading() const { return m_loading; }

    /** Merges the fragments of a committed batch that belong to this series. */
    void applyBatch(const BarBatch &bars, qint64 batchSeq);

    const std::vector<Bar> &bars() const { return m_bars; }
    void setMaxBars(int n) { m_maxBars = n; }
    void setHistoryLimit(int n) { m_historyLimit = n; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void barsChanged();
    void loadFailed(const QString &message);
    void loaded();

private:
    struct Loaded
    {
        std::vector<Bar> bars;
        std::int64_t batchSeq = 0;
        QString error;
        quint64 generation = 0;
    };
    void merge(const std::vector<Bar> &fragments);
    void trim();

    SymbolCode m_symbol;
    Interval m_interval = Interval::S1;
    std::vector<Bar> m_bars;
    std::vector<std::pair<qint64, BarBatch>> m_held; // batches received while loading
    QFutureWatcher<Loaded> *m_watcher = nullptr;
    quint64 m_generation = 0;
    bool m_loading = false;
    int m_maxBars = 200000;
    int m_historyLimit = 100000;
};

} // namespace pairlab
