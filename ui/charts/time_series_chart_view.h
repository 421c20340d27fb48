#pragma once

#include "charts/gap_bands.h"

#include <QChartView>
#include <QColor>
#include <QList>

#include <memory>
#include <vector>

class QDateTimeAxis;
class QGraphicsLineItem;
class QGraphicsSimpleTextItem;
class QGraphicsRectItem;
class QLineSeries;
class QTimer;
class QValueAxis;

namespace pairlab {

/** Shared, immutable columns of a time chart (times ascending, epoch ms). */
using TimeColumn = std::shared_ptr<const std::vector<qint64>>;
using ValueColumn = std::shared_ptr<const std::vector<double>>;

/** A line chart of one or more series over time, for series of any length (a day of 1 s bars and more):
 *  each refresh decimates the visible range min/max per pixel column and swaps every series' points with
 *  one replace(); refreshes are throttled to ≤ 25 Hz. Crosshair with a read-out of every curve at the
 *  hovered time, wheel zoom around the cursor, drag to pan, Shift+drag to zoom to a span (rubber band),
 *  double click to reset and follow the live edge. Views of a ChartGroup share their time range and
 *  crosshair. GUI thread. */
class TimeSeriesChartView : public QChartView
{
    Q_OBJECT
public:
    explicit TimeSeriesChartView(const QString &title, QWidget *parent = nullptr);

    int addCurve(const QString &name, const QColor &color, bool secondaryAxis = false);
    void setCurveData(int curve, TimeColumn times, ValueColumn values);
    void setCurveVisible(int curve, bool visible);
    void setCurveName(int curve, const QString &name);
    void setTitle(const QString &title);
    /** Dashed horizontal reference lines (e.g. ±entry / ±exit z). */
    void setBands(const QList<double> &levels);
    /** The value axes' printf label format; empty (the default): from the ticks' step, never "5e+04". */
    void setValueFormat(const QString &format);
    /** What an empty chart says in place of its axes (default "No data yet"). */
    void setEmptyText(const QString &text);
    QString emptyText() const { return m_emptyText; }
    /** A value the axis never extends above when the data stay at or below it (0 for drawdowns). */
    void setValueCeiling(double ceiling);
    /** The chart as it is drawn now, as a PNG file. */
    bool savePng(const QString &path);
    /** Gaps of the trade stream to shade (open and unfillable ones; the caller picks the symbols). */
    void setGaps(const TradeGapList &gaps);
    const GapBands &gapBands() const { return m_gapBands; }
    /** Delay of a scheduled refresh (default 40 ms, i.e. at most 25 Hz). */
    void setRefreshDelay(int ms);

    qint64 rangeFrom() const { return m_from; }
    qint64 rangeTo() const { return m_to; }
    bool followsLive() const { return m_follow; }
    int curveCount() const { return int(m_curves.size()); }
    int drawnPoints(int curve) const;
    /** "HH:mm:ss  name value  name value" for the sample at or before t (what the crosshair shows). */
    QString readoutAt(qint64 t) const;
    /** Data extent over all curves (min first time, max last time); {0, -1} when empty. */
    std::pair<qint64, qint64> extent() const;

public Q_SLOTS:
    void setTimeRange(qint64 from, qint64 to); ///< stops following live
    void resetRange();                         ///< whole extent, follows live
    void setFollowLive(bool follow);
    void showCrosshairAt(qint64 t);
    void hideCrosshair();
    void scheduleRefresh();
    void refreshNow();

Q_SIGNALS:
    /** The user zoomed or panned (not emitted for setTimeRange()). */
    void userRangeChanged(qint64 from, qint64 to);
    void userReset();
    void hoveredTime(qint64 t);
    void hoverLeft();

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Curve
    {
        QString name;
        QLineSeries *series = nullptr;
        TimeColumn times;
        ValueColumn values;
        bool visible = true;
        bool secondary = false;
        int drawn = 0;
    };
    qint64 timeAtX(double x) const;
    void updateTitle();
    void applyUserRange(qint64 from, qint64 to);

    QChart *m_chart;
    QString m_title;
    QDateTimeAxis *m_timeAxis;
    QValueAxis *m_valueAxis;
    QValueAxis *m_secondaryAxis = nullptr;
    std::vector<Curve> m_curves;
    std::vector<QLineSeries *> m_bands;
    QList<double> m_bandLevels;
    QGraphicsLineItem *m_crosshair = nullptr;
    QGraphicsSimpleTextItem *m_readout = nullptr;
    QGraphicsSimpleTextItem *m_emptyItem = nullptr;
    QString m_emptyText = tr("No data yet");
    double m_valueCeiling = qQNaN();
    QGraphicsRectItem *m_rubber = nullptr;
    QTimer *m_refreshTimer;
    qint64 m_from = 0, m_to = -1;
    bool m_follow = true;
    qint64 m_followSpan = 0; ///< 0 = whole extent while following
    double m_dragX = -1;
    qint64 m_dragFrom = 0, m_dragTo = 0;
    bool m_rubberDrag = false;
    QString m_valueFormat; ///< empty: from the scale's step (valueLabelFormat)
    GapBands m_gapBands;
};

/** Colours a chart after the widget's palette (dark or light, as the system is). */
void applyPaletteTheme(QWidget *widget, QChart *chart);

/** Keeps the time range and the crosshair of several chart views together. */
class ChartGroup : public QObject
{
    Q_OBJECT
public:
    explicit ChartGroup(QObject *parent = nullptr) : QObject(parent) {}
    void add(TimeSeriesChartView *view);
    const QList<TimeSeriesChartView *> &views() const { return m_views; }

private:
    QList<TimeSeriesChartView *> m_views;
};

} // namespace pairlab
