#pragma once

#include <QChartView>
#include <QList>
#include <QPointer>

#include <utility>

class QDateTimeAxis;
class QGraphicsLineItem;
class QGraphicsRectItem;
class QGraphicsSimpleTextItem;
class QTimer;

namespace pairlab {

/** The base of PairLab's time charts (line and candle charts): one model of what is on screen — the time
 *  range [rangeFrom(), rangeTo()] on a bottom QDateTimeAxis, either following the live edge (with a span, or
 *  the whole extent) or left where the user put it — and one set of gestures on it: wheel zoom around the
 *  cursor, drag to pan, Shift+drag to zoom to a span (rubber band), +/- keys, double click, End or the
 *  context menu to reset and follow live, a crosshair with a read-out that follows the pointer. Refreshes
 *  are throttled (default 40 ms, at most 25 Hz). Views of a ChartGroup share range and crosshair, whatever
 *  they draw. A subclass says what its data cover (extent()), what the crosshair reads (readoutAt()) and
 *  draws the resolved range (draw()). GUI thread. */
class TimeChartView : public QChartView
{
    Q_OBJECT
public:
    explicit TimeChartView(QWidget *parent = nullptr);

    qint64 rangeFrom() const { return m_from; }
    qint64 rangeTo() const { return m_to; }
    bool followsLive() const { return m_follow; }
    /** The time the data cover: {first, end}; {0, -1} when there is nothing to draw. */
    virtual std::pair<qint64, qint64> extent() const = 0;
    /** What the crosshair shows at t (its time and the values there); empty: nothing there. */
    virtual QString readoutAt(qint64 t) const = 0;
    /** The chart as it is drawn now, as a PNG file. */
    bool savePng(const QString &path);
    /** Delay of a scheduled refresh (default 40 ms, i.e. at most 25 Hz). */
    void setRefreshDelay(int ms);
    /** While both follow live, this view shows exactly the leader's range (charts of one time axis whose data
     *  end at different times: the second leg, the quoted spread), and redraws when the leader's range moves.
     */
    void setFollowLeader(TimeChartView *leader);

public Q_SLOTS:
    void setTimeRange(qint64 from, qint64 to); ///< stops following live
    void resetRange();                         ///< the default span at the live edge, following it
    void setFollowLive(bool follow);           ///< keeps the span shown now
    /** resetRange() at once, as the user's reset: the views of the group follow too. */
    void followLive();
    /** The span times factor, as the user's zoom: around the live edge while following (and still
     *  following), around the middle otherwise. */
    void zoom(double factor);
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
    void followLiveChanged(bool follows);
    /** While following live, the range drawn moved (a new bar, a new span). */
    void liveRangeMoved(qint64 from, qint64 to);

protected:
    /** Draws [rangeFrom(), rangeTo()]: the range is resolved, the time axis set to it, the extent is not
     *  empty. */
    virtual void draw() = 0;
    /** Nothing to draw (empty extent): the subclass clears its series and says why. */
    virtual void drawEmpty() = 0;
    /** The span resetRange() shows at the live edge; 0 = the whole extent. */
    virtual qint64 defaultSpanMs() const { return 0; }
    /** The shortest span the user can zoom to. */
    virtual qint64 minimumSpanMs() const { return 1000; }
    /** The time at x in view coordinates (on the plot area; outside it, extrapolated). */
    qint64 timeAtX(double x) const;
    QDateTimeAxis *timeAxis() const { return m_timeAxis; }

    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void applyUserRange(qint64 from, qint64 to);
    void setFollowing(bool follow);

    QDateTimeAxis *m_timeAxis;
    QPointer<TimeChartView> m_leader;
    QTimer *m_refreshTimer;
    QGraphicsLineItem *m_crosshair;
    QGraphicsSimpleTextItem *m_readout;
    QGraphicsRectItem *m_rubber;
    qint64 m_from = 0, m_to = -1;
    bool m_follow = true;
    qint64 m_followSpan = -1; ///< while following: -1 = defaultSpanMs(), 0 = the whole extent
    double m_dragX = -1;
    qint64 m_dragFrom = 0, m_dragTo = 0;
    bool m_rubberDrag = false;
};

/** Colours a chart after the widget's palette (dark or light, as the system is). */
void applyPaletteTheme(QWidget *widget, QChart *chart);

/** Keeps the time range and the crosshair of several time charts together (lines and candles alike). */
class ChartGroup : public QObject
{
    Q_OBJECT
public:
    explicit ChartGroup(QObject *parent = nullptr) : QObject(parent) {}
    void add(TimeChartView *view);
    const QList<TimeChartView *> &views() const { return m_views; }

private:
    QList<TimeChartView *> m_views;
};

} // namespace pairlab
