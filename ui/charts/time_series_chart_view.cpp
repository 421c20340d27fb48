#include "charts/time_series_chart_view.h"

#include "models/axis_scale.h"
#include "models/decimation.h"

#include <QChart>
#include <QContextMenuEvent>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QFileDialog>
#include <QGraphicsLineItem>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QLegend>
#include <QLineSeries>
#include <QMenu>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPen>
#include <QTimer>
#include <QValueAxis>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <limits>

namespace pairlab {

TimeSeriesChartView::TimeSeriesChartView(const QString &title, QWidget *parent)
    : QChartView(parent), m_chart(chart()), m_timeAxis(new QDateTimeAxis), m_valueAxis(new QValueAxis),
      m_refreshTimer(new QTimer(this)), m_gapBands(m_chart)
{
    // m_chart is the chart QChartView(parent) made: setChart() with another would release that one to leak.
    setRenderHint(QPainter::Antialiasing, false);
    setMouseTracking(true);
    m_title = title;
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->setMargins(QMargins(2, 0, 2, 0));
    // The title names every curve in its colour: no separate legend row.
    m_chart->legend()->hide();
    QFont tf = m_chart->titleFont();
    tf.setPointSizeF(tf.pointSizeF() * 0.9);
    m_chart->setTitleFont(tf);
    updateTitle();
    m_timeAxis->setFormat(QStringLiteral("HH:mm:ss"));
    m_timeAxis->setTickCount(6);
    m_valueAxis->setLabelFormat(QStringLiteral("%.4g")); // until the first scale (valueLabelFormat)
    m_valueAxis->setTickCount(3);                        // short charts: three labels fit, five get elided
    QFont small = m_valueAxis->labelsFont();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    m_valueAxis->setLabelsFont(small);
    m_timeAxis->setLabelsFont(small);
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_chart->addAxis(m_valueAxis, Qt::AlignLeft);

    m_crosshair = new QGraphicsLineItem(m_chart);
    QPen cross(palette().color(QPalette::Text));
    cross.setStyle(Qt::DotLine);
    m_crosshair->setPen(cross);
    m_crosshair->setZValue(20);
    m_crosshair->hide();
    m_readout = new QGraphicsSimpleTextItem(m_chart);
    m_readout->setZValue(21);
    m_readout->setBrush(palette().color(QPalette::Text));
    m_readout->hide();
    m_rubber = new QGraphicsRectItem(m_chart);
    QColor rb = palette().color(QPalette::Highlight);
    rb.setAlpha(50);
    m_rubber->setBrush(rb);
    m_rubber->setPen(Qt::NoPen);
    m_rubber->hide();

    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(40); // <= 25 Hz
    connect(m_refreshTimer, &QTimer::timeout, this, &TimeSeriesChartView::refreshNow);
    applyPaletteTheme(this, m_chart);
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

void TimeSeriesChartView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyPaletteTheme(this, m_chart);
    QChartView::changeEvent(event);
}

int TimeSeriesChartView::addCurve(const QString &name, const QColor &color, bool secondaryAxis)
{
    Curve c;
    c.name = name;
    c.secondary = secondaryAxis;
    c.series = new QLineSeries;
    c.series->setName(name);
    QPen pen(color);
    pen.setWidthF(1.2);
    c.series->setPen(pen);
    m_chart->addSeries(c.series);
    c.series->attachAxis(m_timeAxis);
    if (secondaryAxis) {
        if (!m_secondaryAxis) {
            m_secondaryAxis = new QValueAxis;
            m_secondaryAxis->setLabelFormat(m_valueFormat.isEmpty() ? QStringLiteral("%.4g") : m_valueFormat);
            m_secondaryAxis->setTickCount(3);
            m_chart->addAxis(m_secondaryAxis, Qt::AlignRight);
        }
        c.series->attachAxis(m_secondaryAxis);
    } else {
        c.series->attachAxis(m_valueAxis);
    }
    m_curves.push_back(c);
    updateTitle();
    return int(m_curves.size()) - 1;
}

void TimeSeriesChartView::setCurveName(int curve, const QString &name)
{
    Curve &c = m_curves.at(std::size_t(curve));
    c.name = name;
    c.series->setName(name);
    updateTitle();
}

void TimeSeriesChartView::setTitle(const QString &title)
{
    m_title = title;
    updateTitle();
}

void TimeSeriesChartView::updateTitle()
{
    QString html = QStringLiteral("<b>%1</b>").arg(m_title.toHtmlEscaped());
    for (const Curve &c : m_curves)
        if (c.visible)
            html += QStringLiteral("&nbsp;&nbsp;<span style='color:%1'>&#9473;&nbsp;%2</span>")
                        .arg(c.series->pen().color().name(), c.name.toHtmlEscaped());
    m_chart->setTitle(html);
}

void TimeSeriesChartView::setCurveData(int curve, TimeColumn times, ValueColumn values)
{
    Curve &c = m_curves.at(std::size_t(curve));
    c.times = std::move(times);
    c.values = std::move(values);
    scheduleRefresh();
}

void TimeSeriesChartView::setCurveVisible(int curve, bool visible)
{
    Curve &c = m_curves.at(std::size_t(curve));
    c.visible = visible;
    c.series->setVisible(visible);
    updateTitle();
    scheduleRefresh();
}

void TimeSeriesChartView::setBands(const QList<double> &levels)
{
    for (QLineSeries *s : m_bands) {
        m_chart->removeSeries(s);
        delete s;
    }
    m_bands.clear();
    m_bandLevels = levels;
    for (double level : levels) {
        auto *s = new QLineSeries;
        QPen pen(level == 0
                     ? QColor(128, 128, 128)
                     : (std::fabs(level) >= 1.5 ? QColor(0xc6, 0x28, 0x28) : QColor(0x2e, 0x7d, 0x32)));
        pen.setStyle(Qt::DashLine);
        s->setPen(pen);
        m_chart->addSeries(s);
        s->attachAxis(m_timeAxis);
        s->attachAxis(m_valueAxis);
        m_bands.push_back(s);
    }
    scheduleRefresh();
}

void TimeSeriesChartView::setValueFormat(const QString &format)
{
    m_valueFormat = format;
    m_valueAxis->setLabelFormat(format);
    if (m_secondaryAxis)
        m_secondaryAxis->setLabelFormat(format);
}

int TimeSeriesChartView::drawnPoints(int curve) const
{
    return m_curves.at(std::size_t(curve)).drawn;
}

std::pair<qint64, qint64> TimeSeriesChartView::extent() const
{
    qint64 lo = 0, hi = -1;
    bool any = false;
    for (const Curve &c : m_curves) {
        if (!c.times || c.times->empty())
            continue;
        lo = any ? std::min(lo, c.times->front()) : c.times->front();
        hi = any ? std::max(hi, c.times->back()) : c.times->back();
        any = true;
    }
    return {lo, hi};
}

void TimeSeriesChartView::setTimeRange(qint64 from, qint64 to)
{
    if (to <= from)
        return;
    m_from = from;
    m_to = to;
    m_follow = false;
    scheduleRefresh();
}

void TimeSeriesChartView::resetRange()
{
    m_follow = true;
    m_followSpan = 0;
    scheduleRefresh();
}

void TimeSeriesChartView::setFollowLive(bool follow)
{
    if (follow && !m_follow)
        m_followSpan = std::max<qint64>(0, m_to - m_from);
    m_follow = follow;
    scheduleRefresh();
}

void TimeSeriesChartView::scheduleRefresh()
{
    if (!m_refreshTimer->isActive())
        m_refreshTimer->start();
}

void TimeSeriesChartView::refreshNow()
{
    m_refreshTimer->stop();
    const auto [lo, hi] = extent();
    // An empty chart says so instead of drawing a 0..1 axis at 00:00:00.
    const bool empty = hi < lo;
    m_valueAxis->setLabelsVisible(!empty);
    m_timeAxis->setLabelsVisible(!empty);
    if (m_secondaryAxis)
        m_secondaryAxis->setLabelsVisible(!empty);
    if (!m_emptyItem) {
        m_emptyItem = new QGraphicsSimpleTextItem(m_chart);
        m_emptyItem->setZValue(30);
    }
    m_emptyItem->setVisible(empty);
    if (empty) {
        m_emptyItem->setBrush(palette().color(QPalette::PlaceholderText));
        m_emptyItem->setText(m_emptyText);
        const QRectF plot = m_chart->plotArea(), box = m_emptyItem->boundingRect();
        m_emptyItem->setPos(plot.center() - QPointF(box.width() / 2, box.height() / 2));
        for (Curve &c : m_curves) {
            c.series->clear();
            c.drawn = 0;
        }
        return;
    }
    if (m_follow) {
        m_to = hi;
        m_from = m_followSpan > 0 ? hi - m_followSpan : lo;
        if (m_to <= m_from)
            m_from = m_to - 1000;
    }
    // One bucket per two pixels: up to four points each, enough for a faithful line, cheap to paint.
    const int columns = std::max(50, int(m_chart->plotArea().width() / 2));
    constexpr double kInf = std::numeric_limits<double>::infinity();
    double vmin = kInf, vmax = -kInf, smin = kInf, smax = -kInf;
    for (Curve &c : m_curves) {
        if (!c.visible || !c.times || !c.values) {
            c.series->clear();
            c.drawn = 0;
            continue;
        }
        const QList<QPointF> pts = decimateMinMax(*c.times, *c.values, m_from, m_to, columns);
        for (const QPointF &p : pts) {
            if (p.x() < double(m_from) || p.x() > double(m_to) || !std::isfinite(p.y()))
                continue;
            (c.secondary ? smin : vmin) = std::min(c.secondary ? smin : vmin, p.y());
            (c.secondary ? smax : vmax) = std::max(c.secondary ? smax : vmax, p.y());
        }
        c.series->replace(pts);
        c.drawn = int(pts.size());
    }
    for (double level : m_bandLevels) {
        vmin = std::min(vmin, level);
        vmax = std::max(vmax, level);
    }
    for (std::size_t i = 0; i < m_bands.size(); ++i)
        m_bands[i]->replace(QList<QPointF>{QPointF(double(m_from), m_bandLevels[qsizetype(i)]),
                                           QPointF(double(m_to), m_bandLevels[qsizetype(i)])});
    // Round 1-2-5 labels; taller charts get more of them.
    const qreal plotHeight = m_chart->plotArea().height();
    const int maxTicks = plotHeight > 220 ? 6 : (plotHeight > 120 ? 4 : 3);
    auto setAxis = [this, maxTicks](QValueAxis *axis, double a, double b, double ceiling) {
        if (!axis || !std::isfinite(a) || !std::isfinite(b))
            return;
        const NiceScale scale = niceScale(a, b, maxTicks, ceiling);
        axis->setRange(scale.lo, scale.hi);
        axis->setTickCount(scale.ticks);
        axis->setLabelFormat(m_valueFormat.isEmpty() ? valueLabelFormat(scale.step) : m_valueFormat);
    };
    setAxis(m_valueAxis, vmin, vmax, m_valueCeiling);
    setAxis(m_secondaryAxis, smin, smax, qQNaN());
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(m_from), QDateTime::fromMSecsSinceEpoch(m_to));
    m_gapBands.layout(m_from, m_to);
    qint64 barMs = 0; // the shortest step among the first bars of the curves
    for (const Curve &c : m_curves)
        if (c.times)
            for (std::size_t i = 1; i < std::min<std::size_t>(c.times->size(), 8); ++i) {
                const qint64 d = (*c.times)[i] - (*c.times)[i - 1];
                if (d > 0 && (barMs == 0 || d < barMs))
                    barMs = d;
            }
    m_timeAxis->setFormat(timeAxisFormat(m_from, m_to, barMs));
}

void TimeSeriesChartView::setGaps(const TradeGapList &gaps)
{
    m_gapBands.setGaps(gaps);
    scheduleRefresh();
}

qint64 TimeSeriesChartView::timeAtX(double x) const
{
    const QRectF plot = m_chart->plotArea();
    const double f = plot.width() > 0 ? (x - plot.left()) / plot.width() : 0.0;
    return m_from + qint64(std::llround(f * double(m_to - m_from)));
}

QString TimeSeriesChartView::readoutAt(qint64 t) const
{
    QString text = QDateTime::fromMSecsSinceEpoch(t).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    for (const Curve &c : m_curves) {
        if (!c.visible || !c.times || c.times->empty())
            continue;
        auto it = std::upper_bound(c.times->begin(), c.times->end(), t);
        if (it == c.times->begin())
            continue;
        const std::size_t i = std::size_t(it - c.times->begin()) - 1;
        const double v = (*c.values)[i];
        text += QStringLiteral("   %1 %2")
                    .arg(c.name, std::isnan(v) ? QStringLiteral("—") : QString::number(v, 'g', 8));
    }
    return text;
}

void TimeSeriesChartView::showCrosshairAt(qint64 t)
{
    const QRectF plot = m_chart->plotArea();
    if (m_to <= m_from || t < m_from || t > m_to) {
        hideCrosshair();
        return;
    }
    const double x = plot.left() + double(t - m_from) / double(m_to - m_from) * plot.width();
    m_crosshair->setLine(x, plot.top(), x, plot.bottom());
    m_crosshair->show();
    m_readout->setText(readoutAt(t));
    m_readout->setPos(plot.left() + 4, plot.top() + 2);
    m_readout->show();
}

void TimeSeriesChartView::hideCrosshair()
{
    m_crosshair->hide();
    m_readout->hide();
}

void TimeSeriesChartView::applyUserRange(qint64 from, qint64 to)
{
    const auto [lo, hi] = extent();
    if (hi < lo || to - from < 1000)
        return;
    m_from = from;
    m_to = to;
    m_follow = false;
    refreshNow();
    Q_EMIT userRangeChanged(m_from, m_to);
}

void TimeSeriesChartView::wheelEvent(QWheelEvent *event)
{
    const qint64 anchor = timeAtX(event->position().x());
    const double f = event->angleDelta().y() > 0 ? 0.8 : 1.25;
    applyUserRange(anchor - qint64(double(anchor - m_from) * f), anchor + qint64(double(m_to - anchor) * f));
    event->accept();
}

void TimeSeriesChartView::mousePressEvent(QMouseEvent *event)
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

void TimeSeriesChartView::mouseMoveEvent(QMouseEvent *event)
{
    const double x = event->position().x();
    if (m_dragX >= 0 && m_rubberDrag) {
        const QRectF plot = m_chart->plotArea();
        m_rubber->setRect(
            QRectF(QPointF(std::min(x, m_dragX), plot.top()), QPointF(std::max(x, m_dragX), plot.bottom())));
        m_rubber->show();
    } else if (m_dragX >= 0) {
        const double w = std::max(1.0, m_chart->plotArea().width());
        const qint64 shift = qint64((m_dragX - x) / w * double(m_dragTo - m_dragFrom));
        applyUserRange(m_dragFrom + shift, m_dragTo + shift);
    }
    const qint64 t = timeAtX(x);
    showCrosshairAt(t);
    Q_EMIT hoveredTime(t);
    QChartView::mouseMoveEvent(event);
}

void TimeSeriesChartView::mouseReleaseEvent(QMouseEvent *event)
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

void TimeSeriesChartView::mouseDoubleClickEvent(QMouseEvent *event)
{
    resetRange();
    refreshNow();
    Q_EMIT userReset();
    QChartView::mouseDoubleClickEvent(event);
}

void TimeSeriesChartView::leaveEvent(QEvent *event)
{
    hideCrosshair();
    Q_EMIT hoverLeft();
    QChartView::leaveEvent(event);
}

void TimeSeriesChartView::setEmptyText(const QString &text)
{
    m_emptyText = text;
    scheduleRefresh();
}

void TimeSeriesChartView::setValueCeiling(double ceiling)
{
    m_valueCeiling = ceiling;
    scheduleRefresh();
}

void TimeSeriesChartView::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    scheduleRefresh();
}

void TimeSeriesChartView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    menu.addAction(tr("Save chart as PNG…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save chart"), QStringLiteral("chart.png"),
                                                          tr("PNG images (*.png)"));
        if (!path.isEmpty() && !savePng(path))
            QMessageBox::warning(this, tr("Save chart"), tr("Cannot write %1.").arg(path));
    });
    menu.addAction(tr("Reset zoom and follow live"), this, [this] {
        resetRange();
        refreshNow();
        Q_EMIT userReset();
    });
    menu.exec(event->globalPos());
}

bool TimeSeriesChartView::savePng(const QString &path)
{
    return grab().save(path, "PNG");
}

void TimeSeriesChartView::setRefreshDelay(int ms)
{
    m_refreshTimer->setInterval(ms);
}

void ChartGroup::add(TimeSeriesChartView *view)
{
    m_views.append(view);
    // Staggered refreshes: charts updated together repaint one after another, not in one long frame.
    view->setRefreshDelay(40 + 8 * int(m_views.size() - 1));
    connect(view, &TimeSeriesChartView::userRangeChanged, this, [this, view](qint64 from, qint64 to) {
        for (TimeSeriesChartView *v : std::as_const(m_views))
            if (v != view)
                v->setTimeRange(from, to);
    });
    connect(view, &TimeSeriesChartView::userReset, this, [this, view] {
        for (TimeSeriesChartView *v : std::as_const(m_views))
            if (v != view)
                v->resetRange();
    });
    connect(view, &TimeSeriesChartView::hoveredTime, this, [this, view](qint64 t) {
        for (TimeSeriesChartView *v : std::as_const(m_views))
            if (v != view)
                v->showCrosshairAt(t);
    });
    connect(view, &TimeSeriesChartView::hoverLeft, this, [this] {
        for (TimeSeriesChartView *v : std::as_const(m_views))
            v->hideCrosshair();
    });
}

} // namespace pairlab
