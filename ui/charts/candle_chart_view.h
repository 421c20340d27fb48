#pragma once

#include "charts/gap_bands.h"
#include "charts/time_chart_view.h"
#include "market/bar.h"
#include "market/quote.h"

#include <QPointer>

#include <memory>
#include <vector>

class QCandlestickSeries;
class QLineSeries;
class QAreaSeries;
class QGraphicsLineItem;
class QGraphicsRectItem;
class QGraphicsSimpleTextItem;
class QValueAxis;

namespace pairlab {

class BarModel;

/** Candlesticks and volume of one BarModel on TimeChartView's time range, so that it shares gestures,
 *  crosshair and range with every other time chart of its group. Following live it shows the newest 240
 *  bars. Redraws at most every 40 ms (≤ 25 Hz) from the model's bars: the visible range is decimated by
 *  merging bars so that never more than maxCandles() candles are drawn, and the series are rebuilt with one
 *  bulk call (never per-point appends on an attached series); when only the last candle changed, it is
 *  updated in place. A candle spans its bar's time [open, open + length). GUI thread. */
class CandleChartView : public TimeChartView
{
    Q_OBJECT
public:
    static constexpr int kDefaultBars = 240;

    explicit CandleChartView(QWidget *parent = nullptr);

    void setModel(BarModel *model);
    /** Bars the visible range spans. */
    int visibleBars() const;
    int maxCandles() const { return m_maxCandles; }
    int drawnCandles() const { return m_drawn; }
    /** Merge factor of the last refresh (1 = bars drawn as they are). */
    int mergeFactor() const { return m_merge; }
    /** Gaps of the trade stream; those of the model's symbol that are open or unfillable are shaded. */
    void setGaps(const TradeGapList &gaps);
    const GapBands &gapBands() const { return m_gapBands; }
    /** Quote bars of the model's symbol and bar length (ascending): drawn under the candles as a band from
     *  each bar's closing bid to its closing ask (merged bars: the lowest bid to the highest ask). Null or
     *  empty: no band. */
    void setQuoteBand(std::shared_ptr<const std::vector<QuoteBar>> quotes);
    /** Quote bars the band drew at the last refresh. */
    int drawnBandBars() const { return m_bandBars; }
    /** "2024-08-08 23:57:03  O … H … L … C … V …" of the candle at or before t (what the crosshair shows),
        with "bid … ask …" of its closing quote when the band has one; empty outside the drawn candles. */
    QString readoutAt(qint64 t) const override;
    /** From the open of the first bar to the end of the newest one; {0, -1} without bars. */
    std::pair<qint64, qint64> extent() const override;
    /** The tag on the price axis: the newest bar's close (also while the range shows older bars); empty while
     * nothing is drawn. */
    QString lastPriceText() const;
    /** The volume scale: "vol 12.35" at the height of the largest visible volume. */
    QString volumeScaleText() const;

protected:
    void draw() override;
    void drawEmpty() override;
    qint64 defaultSpanMs() const override;
    qint64 minimumSpanMs() const override;
    void resizeEvent(QResizeEvent *event) override;

private:
    const Bar *newestBar() const;
    qint64 barMs() const;
    std::vector<Bar> visibleCandles(int *merge) const;
    void placeOverlays();
    void drawBand(double *lo, double *hi);
    const QuoteBar *quoteAt(qint64 openMs) const;
    void updateTitle();

    QPointer<BarModel> m_model;
    QChart *m_chart;
    QCandlestickSeries *m_candles;
    QLineSeries *m_volumeLine;
    QAreaSeries *m_volume;
    QLineSeries *m_bandAsk, *m_bandBid;
    QAreaSeries *m_band;
    std::shared_ptr<const std::vector<QuoteBar>> m_quotes;
    int m_bandBars = 0;
    QValueAxis *m_priceAxis;
    QValueAxis *m_volumeAxis;
    int m_maxCandles = 1500;
    int m_drawn = 0;
    int m_merge = 1;
    qint64 m_firstDrawnMs = -1, m_lastDrawnMs = -1;
    TradeGapList m_allGaps;
    QString m_gapSymbol;
    GapBands m_gapBands;
    std::vector<Bar> m_shown; ///< the candles drawn (after merging)
    qint64 m_candleWidthMs = 1000;
    double m_volumeMax = 0;
    QGraphicsSimpleTextItem *m_lastTag = nullptr, *m_volumeTag = nullptr, *m_emptyText = nullptr;
    QGraphicsRectItem *m_lastTagBox = nullptr;
    QGraphicsLineItem *m_lastLine = nullptr;
};

} // namespace pairlab
