#pragma once

#include "market/bar.h"
#include "market/gap_detector.h"

#include <QStringList>
#include <QWidget>

class QComboBox;
class QTimer;

namespace pairlab {

class BarModel;
class CandleChartView;
class TimeSeriesChartView;

/** The Market tab: candlesticks and volume of two symbols (the legs of the active pair) at one interval,
 *  from the session's database and its live bar batches, and both legs' quoted spread in bps from the stored
 *  quote bars of that interval (read on a worker every two seconds). GUI thread. */
class MarketView : public QWidget
{
    Q_OBJECT
public:
    explicit MarketView(const QStringList &symbols, QWidget *parent = nullptr);

    /** The symbols to choose from; the first two become the legs. */
    void setSymbols(const QStringList &symbols);
    void setSymbol(const QString &symbol);
    void setSecondLeg(const QString &symbol);
    void setInterval(const QString &name);
    QString symbol() const;
    /** Charts the session's database (reloads both legs). */
    void setDatabase(const QString &path);
    void applyBatch(const BarBatch &bars, qint64 batchSeq);
    void setGaps(const TradeGapList &gaps);

    BarModel *barModel() const { return m_model; }
    BarModel *secondLegModel() const { return m_model2; }
    CandleChartView *chartView() const { return m_chart; }
    TimeSeriesChartView *spreadChart() const { return m_spreadChart; }
    /** Reads the legs' quote bars again now (otherwise every two seconds); quotesLoaded() follows. */
    void reloadQuotes();

Q_SIGNALS:
    void quotesLoaded();

public Q_SLOTS:
    void reload();
    /** The exchange's bars of symbol/interval were stored: reloads the charts that show them (once a burst
     *  of pages has landed). */
    void historyLanded(const QString &symbol, int intervalSeconds);

private:
    QString m_db;
    QComboBox *m_symbolBox, *m_symbolBox2, *m_intervalBox;
    BarModel *m_model, *m_model2;
    CandleChartView *m_chart, *m_chart2;
    TimeSeriesChartView *m_spreadChart;
    QTimer *m_historyReload, *m_quoteReload;
    quint64 m_quoteRequest = 0; ///< the newest quote read asked for: older answers are dropped
    bool m_quoteReading = false;
};

} // namespace pairlab
