#include "charts/time_series_chart_view.h"

#include "models/axis_scale.h"
#include "models/decimation.h"

#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QGraphicsSimpleTextItem>
#include <QLegend>
#include <QLineSeries>
#include <QPen>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

namespace pairlab {

TimeSeriesChartView::TimeSeriesChartView(const QString &title, QWidget *parent)
    : TimeChartView(parent), m_chart(chart()), m_valueAxis(new QValueAxis), m_gapBands(m_chart)
{
    m_title = title;
    m_chart->setMargins(QMargins(2, 0, 2, 0));
    // The title names every curve in its colour: no separate legend row.
    m_chart->legend()->hide();
    QFont tf = m_chart->titleFont();
    tf.setPointSizeF(tf.pointSizeF() * 0.9);
    m_chart->setTitleFont(tf);
    updateTitle();
    timeAxis()->setTickCount(6);
    m_valueAxis->setLabelFormat(QStringLiteral("%.4g")); // until the first scale (valueLabelFormat)
    m_valueAxis->setTickCount(3);                        // short charts: three labels fit, five get elided
    QFont small = m_valueAxis->labelsFont();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    m_valueAxis->setLabelsFont(small);
    timeAxis()->setLabelsFont(small);
    m_chart->addAxis(m_valueAxis, Qt::AlignLeft);
    applyPaletteTheme(this, m_chart);
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
    c.series->attachAxis(timeAxis());
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
        s->attachAxis(timeAxis());
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

void TimeSeriesChartView::drawEmpty()
{
    // An empty chart says so instead of drawing a 0..1 axis at 00:00:00.
    m_valueAxis->setLabelsVisible(false);
    timeAxis()->setLabelsVisible(false);
    if (m_secondaryAxis)
        m_secondaryAxis->setLabelsVisible(false);
    if (!m_emptyItem) {
        m_emptyItem = new QGraphicsSimpleTextItem(m_chart);
        m_emptyItem->setZValue(30);
    }
    m_emptyItem->setVisible(true);
    m_emptyItem->setBrush(palette().color(QPalette::PlaceholderText));
    m_emptyItem->setText(m_emptyText);
    const QRectF plot = m_chart->plotArea(), box = m_emptyItem->boundingRect();
    m_emptyItem->setPos(plot.center() - QPointF(box.width() / 2, box.height() / 2));
    for (Curve &c : m_curves) {
        c.series->clear();
        c.drawn = 0;
    }
}

void TimeSeriesChartView::draw()
{
    m_valueAxis->setLabelsVisible(true);
    timeAxis()->setLabelsVisible(true);
    if (m_secondaryAxis)
        m_secondaryAxis->setLabelsVisible(true);
    if (m_emptyItem)
        m_emptyItem->hide();
    const qint64 from = rangeFrom(), to = rangeTo();
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
        const QList<QPointF> pts = decimateMinMax(*c.times, *c.values, from, to, columns);
        for (const QPointF &p : pts) {
            if (p.x() < double(from) || p.x() > double(to) || !std::isfinite(p.y()))
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
        m_bands[i]->replace(QList<QPointF>{QPointF(double(from), m_bandLevels[qsizetype(i)]),
                                           QPointF(double(to), m_bandLevels[qsizetype(i)])});
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
    m_gapBands.layout(from, to);
    qint64 barMs = 0; // the shortest step among the first bars of the curves
    for (const Curve &c : m_curves)
        if (c.times)
            for (std::size_t i = 1; i < std::min<std::size_t>(c.times->size(), 8); ++i) {
                const qint64 d = (*c.times)[i] - (*c.times)[i - 1];
                if (d > 0 && (barMs == 0 || d < barMs))
                    barMs = d;
            }
    timeAxis()->setFormat(timeAxisFormat(from, to, barMs));
}

void TimeSeriesChartView::setGaps(const TradeGapList &gaps)
{
    m_gapBands.setGaps(gaps);
    scheduleRefresh();
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
                    .arg(c.name, std::isnan(v) ? QStringLiteral("—")
                                               : QString::number(v, 'g', m_readoutDigits) + m_readoutUnit);
    }
    return text;
}

void TimeSeriesChartView::setReadoutFormat(int significantDigits, const QString &unit)
{
    m_readoutDigits = std::clamp(significantDigits, 1, 17);
    m_readoutUnit = unit;
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

} // namespace pairlab
