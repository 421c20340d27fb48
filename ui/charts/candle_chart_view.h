#pragma once

#include "charts/gap_bands.h"
#include "market/bar.h"

#include <QChartView>
#include <QPointer>

#include <vector>

class QCandlestickSeries;
class QLineSeries;
class QAreaSeries;
class QGraphicsLineItem;
class QGraphicsRectItem;
class QGraphicsSimpleTextItem;
class QDateTimeAxis;
class QValueAxis;
class QTimer;

namespace pairlab {

class BarModel;

/** Candlesticks and volume of one BarModel. Redraws at most every 40 ms (≤ 25 Hz) from the model's bars:
 *  the visible window is decimated by merging bars so that never more than maxCandles() candles are drawn,
 *  and the series are rebuilt with one bulk call (never per-point appends on an attached series); when
 *  only the last candle changed, it is updated in place. Wheel zooms, drag pans, double-click or "End"
 *  returns to following the live edge. GUI thread. */
class CandleChartView : public QChartView
{
    Q_OBJECT
public:
    explicit CandleChartView(QWidget *parent = nullptr);

    void setModel(BarModel *model);
    int visibleBars() const { return m_visible; }
    int maxCandles() const { return m_maxCandles; }
    int drawnCandles() const { return m_drawn; }
    bool followsLive() const { return m_offset == 0; }
    /** Merge factor of the last refresh (1 = bars drawn as they are). */
    int mergeFactor() const { return m_merge; }
    /** Gaps of the trade stream; those of the model's symbol that are open or unfillable are shaded. */
    void setGaps(const TradeGapList &gaps);
    const GapBands &gapBands() const { return m_gapBands; }
    /** "2024-08-08 23:57:03  O … H … L … C … V …" of the candle at or before t (what the hover line shows),
        empty outside the drawn candles. */
    QString readoutAt(qint64 t) const;
    /** The tag on the price axis: the last close. */
    QString lastPriceText() const;
    /** The volume scale: "vol 12.35" at the height of the largest visible volume. */
    QString volumeScaleText() const;

public Q_SLOTS:
    void scheduleRefresh();
    void refreshNow();
    void followLive();
    void zoom(double factor);

Q_SIGNALS:
    void followLiveChanged(bool follows);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    std::vector<Bar> visibleCandles() const;
    void placeOverlays();
    void showReadoutAtX(double x);

    QPointer<BarModel> m_model;
    QChart *m_chart;
    QCandlestickSeries *m_candles;
    QLineSeries *m_volumeLine;
    QAreaSeries *m_volume;
    QDateTimeAxis *m_timeAxis;
    QValueAxis *m_priceAxis;
    QValueAxis *m_volumeAxis;
    QTimer *m_refreshTimer;
    int m_visible = 240; ///< bars in view
    int m_offset = 0;    ///< bars between the right edge and the newest bar (0 = follow live)
    int m_maxCandles = 1500;
    int m_drawn = 0;
    int m_merge = 1;
    qint64 m_firstDrawnMs = -1;
    int m_dragStartX = -1;
    int m_dragStartOffset = 0;
    TradeGapList m_allGaps;
    QString m_gapSymbol;
    GapBands m_gapBands;
    std::vector<Bar> m_shown; ///< the candles drawn (after merging)
    qint64 m_candleWidthMs = 1000;
    double m_volumeMax = 0;
    QGraphicsSimpleTextItem *m_readout = nullptr, *m_lastTag = nullptr, *m_volumeTag = nullptr,
                            *m_emptyText = nullptr;
    QGraphicsRectItem *m_lastTagBox = nullptr;
    QGraphicsLineItem *m_hoverLine = nullptr, *m_lastLine = nullptr;
};

} // namespace pairlab
