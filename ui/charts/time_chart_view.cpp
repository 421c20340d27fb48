#include "charts/time_chart_view.h"

#include <QChart>
#include <QContextMenuEvent>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QFileDialog>
#include <QGraphicsLineItem>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QKeyEvent>
#include <QMenu>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPen>
#include <QTimer>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace pairlab {

TimeChartView::TimeChartView(QWidget *parent)
    : QChartView(parent), m_timeAxis(new QDateTimeAxis), m_refreshTimer(new QTimer(this))
{
    // chart() is the chart QChartView(parent) made: setChart() with another would release that one to leak.
    setRenderHint(QPainter::Antialiasing, false);
    setMouseTracking(true); // the crosshair follows the pointer
    setFocusPolicy(Qt::ClickFocus);
    chart()->setAnimationOptions(QChart::NoAnimation);
    m_timeAxis->setFormat(QStringLiteral("HH:mm:ss"));
    chart()->addAxis(m_timeAxis, Qt::AlignBottom);

    m_crosshair = new QGraphicsLineItem(chart());
    m_crosshair->setZValue(20);
    m_crosshair->hide();
    m_readout = new QGraphicsSimpleTextItem(chart());
    m_readout->setZValue(21);
    m_readout->hide();
    m_rubber = new QGraphicsRectItem(chart());
    m_rubber->setPen(Qt::NoPen);
    m_rubber->hide();

    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(40); // <= 25 Hz
    connect(m_refreshTimer, &QTimer::timeout, this, &TimeChartView::refreshNow);
}

void applyPaletteTheme(QWidget *widget, QChart *chart)
{
    // Dark or light, following the system palette; curve pens keep their own colours.
    const QPalette &pal = widget->palette();
    const bool dark = pal.color(QPalette::Window).lightness() < 128;
    chart->setBackgroundBrush(pal.color(QPalette::Base));
    chart->setPlotAreaBackgroundVisible(false);
    chart->setTitleBrush(pal.color(QPalette::Text));
    const QColor grid = dark ? QColor(80, 80, 80) : QColor(225, 225, 225);
    for (QAbstractAxis *axis : chart->axes()) {
        axis->setLabelsColor(pal.color(QPalette::Text));
        axis->setGridLineColor(grid);
        axis->setLinePenColor(pal.color(QPalette::Mid));
        axis->setTitleBrush(pal.color(QPalette::Text));
    }
}

void TimeChartView::setFollowing(bool follow)
{
    if (follow == m_follow)
        return;
    m_follow = follow;
    Q_EMIT followLiveChanged(follow);
}

void TimeChartView::setTimeRange(qint64 from, qint64 to)
{
    if (to <= from)
        return;
    m_from = from;
    m_to = to;
    setFollowing(false);
    scheduleRefresh();
}

void TimeChartView::resetRange()
{
    m_followSpan = -1;
    setFollowing(true);
    scheduleRefresh();
}

void TimeChartView::setFollowLive(bool follow)
{
    if (follow && !m_follow)
        m_followSpan = std::max<qint64>(0, m_to - m_from);
    setFollowing(follow);
    scheduleRefresh();
}

void TimeChartView::followLive()
{
    resetRange();
    refreshNow();
    Q_EMIT userReset();
}

void TimeChartView::zoom(double factor)
{
    const auto [lo, hi] = extent();
    if (hi < lo || m_to <= m_from)
        return;
    const qint64 longest = std::max(minimumSpanMs(), hi - lo);
    const qint64 span =
        std::clamp(qint64(std::llround(double(m_to - m_from) * factor)), minimumSpanMs(), longest);
    if (m_follow) {
        m_followSpan = span;
        refreshNow();
        Q_EMIT userRangeChanged(m_from, m_to);
        return;
    }
    const qint64 mid = m_from + (m_to - m_from) / 2;
    applyUserRange(mid - span / 2, mid - span / 2 + span);
}

void TimeChartView::scheduleRefresh()
{
    if (!m_refreshTimer->isActive())
        m_refreshTimer->start();
}

void TimeChartView::setRefreshDelay(int ms)
{
    m_refreshTimer->setInterval(ms);
}

void TimeChartView::refreshNow()
{
    m_refreshTimer->stop();
    const auto [lo, hi] = extent();
    if (hi < lo) {
        m_crosshair->hide();
        m_readout->hide();
        drawEmpty();
        return;
    }
    const qint64 oldFrom = m_from, oldTo = m_to;
    if (m_follow && m_leader && m_leader->followsLive() && m_leader->rangeTo() > m_leader->rangeFrom()) {
        m_from = m_leader->rangeFrom(); // one time axis: the leader's range, whatever this view's data end
        m_to = m_leader->rangeTo();
    } else if (m_follow) {
        // Never narrower than the closest zoom: with a few seconds of data the bars keep their width and a
        // zoom in does not widen the view.
        const qint64 span = m_followSpan < 0 ? defaultSpanMs() : m_followSpan;
        m_to = hi;
        m_from = span > 0 ? std::min(std::max(lo, hi - span), hi - minimumSpanMs()) : lo;
        if (m_to <= m_from)
            m_from = m_to - 1000;
    }
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(m_from), QDateTime::fromMSecsSinceEpoch(m_to));
    draw();
    if (m_follow && (m_from != oldFrom || m_to != oldTo))
        Q_EMIT liveRangeMoved(m_from, m_to);
}

void TimeChartView::setFollowLeader(TimeChartView *leader)
{
    if (m_leader)
        disconnect(m_leader, &TimeChartView::liveRangeMoved, this, nullptr);
    m_leader = leader;
    if (leader)
        connect(leader, &TimeChartView::liveRangeMoved, this, [this] {
            if (m_follow)
                scheduleRefresh();
        });
}

qint64 TimeChartView::timeAtX(double x) const
{
    const QRectF plot = chart()->plotArea();
    const double f = plot.width() > 0 ? (x - plot.left()) / plot.width() : 0.0;
    return m_from + qint64(std::llround(f * double(m_to - m_from)));
}

void TimeChartView::showCrosshairAt(qint64 t)
{
    const QRectF plot = chart()->plotArea();
    const QString text = m_to > m_from && t >= m_from && t <= m_to ? readoutAt(t) : QString();
    if (text.isEmpty()) {
        hideCrosshair();
        return;
    }
    const double x = plot.left() + double(t - m_from) / double(m_to - m_from) * plot.width();
    QPen pen(palette().color(QPalette::Text));
    pen.setStyle(Qt::DotLine);
    m_crosshair->setPen(pen);
    m_crosshair->setLine(x, plot.top(), x, plot.bottom());
    m_crosshair->show();
    m_readout->setBrush(palette().color(QPalette::Text));
    m_readout->setText(text);
    m_readout->setPos(plot.left() + 4, plot.top() + 2);
    m_readout->show();
}

void TimeChartView::hideCrosshair()
{
    m_crosshair->hide();
    m_readout->hide();
}

void TimeChartView::applyUserRange(qint64 from, qint64 to)
{
    const auto [lo, hi] = extent();
    if (hi < lo || to <= from)
        return;
    if (to - from < minimumSpanMs()) { // as far in as it goes, around the same middle
        const qint64 mid = from + (to - from) / 2;
        from = mid - minimumSpanMs() / 2;
        to = from + minimumSpanMs();
    }
    m_from = from;
    m_to = to;
    setFollowing(false);
    refreshNow();
    Q_EMIT userRangeChanged(m_from, m_to);
}

void TimeChartView::wheelEvent(QWheelEvent *event)
{
    const int delta = event->angleDelta().y();
    const auto [lo, hi] = extent();
    if (delta == 0 || hi < lo) { // a horizontal wheel, or nothing to zoom
        event->ignore();
        return;
    }
    const qint64 anchor = timeAtX(event->position().x());
    const double f = delta > 0 ? 0.8 : 1.25;
    // Never wider than twice the data: further out there is nothing to see (and the times stay in range).
    const double span = double(m_to - m_from) * f;
    const double limit = std::max(2.0 * double(hi - lo), double(minimumSpanMs()));
    const double g = span > limit ? f * limit / span : f;
    applyUserRange(anchor - qint64(double(anchor - m_from) * g), anchor + qint64(double(m_to - anchor) * g));
    event->accept();
}

void TimeChartView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        m_dragX = event->position().x();
        m_dragFrom = m_from;
        m_dragTo = m_to;
        m_rubberDrag = event->modifiers() & Qt::ShiftModifier;
        if (!m_rubberDrag)
            setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QChartView::mousePressEvent(event);
}

void TimeChartView::mouseMoveEvent(QMouseEvent *event)
{
    const double x = event->position().x();
    if (m_dragX >= 0 && m_rubberDrag) {
        const QRectF plot = chart()->plotArea();
        QColor band = palette().color(QPalette::Highlight);
        band.setAlpha(50);
        m_rubber->setBrush(band);
        m_rubber->setRect(
            QRectF(QPointF(std::min(x, m_dragX), plot.top()), QPointF(std::max(x, m_dragX), plot.bottom())));
        m_rubber->show();
    } else if (m_dragX >= 0 && x != m_dragX) {
        const double w = std::max(1.0, chart()->plotArea().width());
        const qint64 shift = qint64((m_dragX - x) / w * double(m_dragTo - m_dragFrom));
        applyUserRange(m_dragFrom + shift, m_dragTo + shift);
    }
    const qint64 t = timeAtX(x);
    showCrosshairAt(t);
    Q_EMIT hoveredTime(t);
    QChartView::mouseMoveEvent(event);
}

void TimeChartView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_dragX >= 0 && m_rubberDrag) {
        const qint64 a = timeAtX(std::min(m_dragX, event->position().x()));
        const qint64 b = timeAtX(std::max(m_dragX, event->position().x()));
        m_rubber->hide();
        if (b - a > 0)
            applyUserRange(a, b);
    }
    m_dragX = -1;
    m_rubberDrag = false;
    unsetCursor();
    QChartView::mouseReleaseEvent(event);
}

void TimeChartView::mouseDoubleClickEvent(QMouseEvent *event)
{
    followLive();
    QChartView::mouseDoubleClickEvent(event);
}

void TimeChartView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_End:
        followLive();
        return;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoom(0.8);
        return;
    case Qt::Key_Minus:
        zoom(1.25);
        return;
    default:
        QChartView::keyPressEvent(event);
    }
}

void TimeChartView::leaveEvent(QEvent *event)
{
    hideCrosshair();
    Q_EMIT hoverLeft();
    QChartView::leaveEvent(event);
}

void TimeChartView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyPaletteTheme(this, chart());
    QChartView::changeEvent(event);
}

void TimeChartView::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    scheduleRefresh();
}

void TimeChartView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    menu.addAction(tr("Save chart as PNG…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save chart"), QStringLiteral("chart.png"),
                                                          tr("PNG images (*.png)"));
        if (!path.isEmpty() && !savePng(path))
            QMessageBox::warning(this, tr("Save chart"), tr("Cannot write %1.").arg(path));
    });
    menu.addAction(tr("Reset zoom and follow live"), this, &TimeChartView::followLive);
    menu.exec(event->globalPos());
}

bool TimeChartView::savePng(const QString &path)
{
    return grab().save(path, "PNG");
}

void ChartGroup::add(TimeChartView *view)
{
    m_views.append(view);
    // Staggered refreshes: charts updated together repaint one after another, not in one long frame.
    view->setRefreshDelay(40 + 8 * int(m_views.size() - 1));
    connect(view, &TimeChartView::userRangeChanged, this, [this, view](qint64 from, qint64 to) {
        for (TimeChartView *v : std::as_const(m_views)) {
            if (v == view)
                continue;
            v->setTimeRange(from, to);
            if (view->followsLive()) // a zoom at the live edge: the others follow with the same span
                v->setFollowLive(true);
        }
    });
    connect(view, &TimeChartView::userReset, this, [this, view] {
        for (TimeChartView *v : std::as_const(m_views))
            if (v != view)
                v->resetRange();
    });
    connect(view, &TimeChartView::hoveredTime, this, [this, view](qint64 t) {
        for (TimeChartView *v : std::as_const(m_views))
            if (v != view)
                v->showCrosshairAt(t);
    });
    connect(view, &TimeChartView::hoverLeft, this, [this] {
        for (TimeChartView *v : std::as_const(m_views))
            v->hideCrosshair();
    });
}

} // namespace pairlab
