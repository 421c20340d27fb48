#include "charts/candle_chart_view.h"

#include "charts/time_series_chart_view.h"
#include "models/axis_scale.h"
#include "models/bar_model.h"

#include <QAreaSeries>
#include <QCandlestickSeries>
#include <QCandlestickSet>
#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QGraphicsLineItem>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QLineSeries>
#include <QLocale>
#include <QMouseEvent>
#include <QTimer>
#include <QValueAxis>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace pairlab {

CandleChartView::CandleChartView(QWidget *parent)
    : QChartView(parent), m_chart(chart()), m_candles(new QCandlestickSeries),
      m_volumeLine(new QLineSeries(this)), m_volume(new QAreaSeries(m_volumeLine)),
      m_timeAxis(new QDateTimeAxis), m_priceAxis(new QValueAxis), m_volumeAxis(new QValueAxis),
      m_refreshTimer(new QTimer(this)), m_gapBands(m_chart)
{
    // m_chart is the chart QChartView(parent) made: setChart() with another would release that one to leak.
    // The view owns m_volumeLine (a QAreaSeries does not own its boundary lines).
    setRenderHint(QPainter::Antialiasing, false);
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true); // the OHLCV read-out follows the pointer
    m_chart->legend()->hide();
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->setAnimationOptions(QChart::NoAnimation);

    m_candles->setName(tr("Price"));
    m_candles->setIncreasingColor(QColor(0x26, 0xa6, 0x9a));
    m_candles->setDecreasingColor(QColor(0xef, 0x53, 0x50));
    m_candles->setBodyOutlineVisible(false);
    m_candles->setBodyWidth(0.7);
    m_volume->setName(tr("Volume"));
    QColor vol = palette().color(QPalette::Text);
    vol.setAlpha(60);
    m_volume->setBrush(vol);
    m_volume->setPen(Qt::NoPen);

    m_chart->addSeries(m_volume);
    m_chart->addSeries(m_candles);
    // Axes are explicit: createDefaultAxes() breaks candlesticks on a time axis.
    m_timeAxis->setFormat(QStringLiteral("HH:mm:ss"));
    m_timeAxis->setTickCount(7);
    m_timeAxis->setTitleText(tr("Time (local)"));
    m_priceAxis->setLabelFormat(QStringLiteral("%.2f"));
    m_volumeAxis->setVisible(false);
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_chart->addAxis(m_priceAxis, Qt::AlignRight);
    m_chart->addAxis(m_volumeAxis, Qt::AlignLeft);
    m_candles->attachAxis(m_timeAxis);
    m_candles->attachAxis(m_priceAxis);
    m_volume->attachAxis(m_timeAxis);
    m_volume->attachAxis(m_volumeAxis);

    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(40); // <= 25 Hz
    connect(m_refreshTimer, &QTimer::timeout, this, &CandleChartView::refreshNow);
    applyPaletteTheme(this, m_chart);

    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    auto text = [&](int z) {
        auto *t = new QGraphicsSimpleTextItem(m_chart);
        t->setFont(small);
        t->setZValue(z);
        t->hide();
        return t;
    };
    m_readout = text(30);
    m_volumeTag = text(25);
    m_emptyText = text(30);
    m_lastTagBox = new QGraphicsRectItem(m_chart);
    m_lastTagBox->setPen(Qt::NoPen);
    m_lastTagBox->setZValue(26);
    m_lastTagBox->hide();
    m_lastTag = text(27);
    m_lastLine = new QGraphicsLineItem(m_chart);
    m_lastLine->setZValue(24);
    m_lastLine->hide();
    m_hoverLine = new QGraphicsLineItem(m_chart);
    m_hoverLine->setZValue(24);
    m_hoverLine->hide();
}

QString CandleChartView::readoutAt(qint64 t) const
{
    if (m_shown.empty() || t < m_shown.front().openMs || t >= m_shown.back().openMs + m_candleWidthMs)
        return {};
    auto it = std::upper_bound(m_shown.begin(), m_shown.end(), t,
                               [](qint64 v, const Bar &b) { return v < b.openMs; });
    const Bar &b = *std::prev(it);
    const QLocale l;
    const int decimals = priceDecimals(b.close);
    const auto price = [&](double v) { return l.toString(v, 'f', decimals); };
    const bool daily = m_candleWidthMs >= 86400000;
    return tr("%1  O %2  H %3  L %4  C %5  V %6")
        .arg(QDateTime::fromMSecsSinceEpoch(b.openMs) // local, as the time axis
                 .toString(daily ? QStringLiteral("yyyy-MM-dd") : QStringLiteral("yyyy-MM-dd HH:mm:ss")),
             price(b.open), price(b.high), price(b.low), price(b.close), l.toString(b.volume, 'g', 6));
}

QString CandleChartView::lastPriceText() const
{
    return m_shown.empty()
               ? QString()
               : QLocale().toString(m_shown.back().close, 'f', priceDecimals(m_shown.back().close));
}

QString CandleChartView::volumeScaleText() const
{
    if (m_shown.empty())
        return {};
    // Four significant digits, never in exponent form ("5.534e+04" read as noise): whole units from 1,000 on.
    return tr("vol %1").arg(m_volumeMax >= 1000 ? QLocale().toString(m_volumeMax, 'f', 0)
                                                : QLocale().toString(m_volumeMax, 'g', 4));
}

void CandleChartView::placeOverlays()
{
    const QRectF plot = m_chart->plotArea();
    const QColor textColour = palette().color(QPalette::WindowText);
    for (QGraphicsSimpleTextItem *t : {m_readout, m_volumeTag, m_emptyText})
        t->setBrush(textColour);
    m_emptyText->setVisible(m_shown.empty());
    if (m_shown.empty()) {
        m_emptyText->setText(m_model && m_model->isLoading() ? tr("Loading…") : tr("No bars yet"));
        const QRectF box = m_emptyText->boundingRect();
        m_emptyText->setPos(plot.center() - QPointF(box.width() / 2, box.height() / 2));
        for (QGraphicsItem *i : std::initializer_list<QGraphicsItem *>{m_lastTag, m_lastTagBox, m_lastLine,
                                                                       m_volumeTag, m_readout, m_hoverLine})
            i->hide();
        return;
    }
    // Last price: a dashed line across the plot and a tag on the price axis, in the last candle's colour.
    const Bar &last = m_shown.back();
    const QColor colour =
        last.close >= last.open ? m_candles->increasingColor() : m_candles->decreasingColor();
    const QPointF at = m_chart->mapToPosition(QPointF(double(last.openMs), last.close), m_candles);
    QPen dashed(colour);
    dashed.setStyle(Qt::DashLine);
    m_lastLine->setPen(dashed);
    m_lastLine->setLine(plot.left(), at.y(), plot.right(), at.y());
    m_lastTag->setText(lastPriceText());
    m_lastTag->setBrush(Qt::white);
    const QRectF box = m_lastTag->boundingRect();
    m_lastTag->setPos(plot.right() + 3, at.y() - box.height() / 2);
    m_lastTagBox->setBrush(colour);
    m_lastTagBox->setRect(QRectF(m_lastTag->pos(), box.size()).adjusted(-2, 0, 2, 0));
    const bool inside = at.y() >= plot.top() && at.y() <= plot.bottom();
    for (QGraphicsItem *i : std::initializer_list<QGraphicsItem *>{m_lastTag, m_lastTagBox, m_lastLine})
        i->setVisible(inside);
    // Volume scale: the largest visible volume, written at its height.
    const QPointF vtop =
        m_chart->mapToPosition(QPointF(double(m_shown.front().openMs), m_volumeMax), m_volume);
    m_volumeTag->setText(volumeScaleText());
    m_volumeTag->setPos(plot.left() + 2, vtop.y() - m_volumeTag->boundingRect().height());
    m_volumeTag->show();
}

void CandleChartView::showReadoutAtX(double x)
{
    const QRectF plot = m_chart->plotArea();
    if (m_shown.empty() || x < plot.left() || x > plot.right()) {
        m_readout->hide();
        m_hoverLine->hide();
        return;
    }
    const qint64 t = qint64(m_chart->mapToValue(QPointF(x, plot.center().y()), m_candles).x());
    const QString text = readoutAt(t);
    m_readout->setText(text);
    m_readout->setPos(plot.left() + 4, plot.top() + 2);
    m_readout->setVisible(!text.isEmpty());
    QPen pen(palette().color(QPalette::WindowText));
    pen.setStyle(Qt::DotLine);
    m_hoverLine->setPen(pen);
    m_hoverLine->setLine(x, plot.top(), x, plot.bottom());
    m_hoverLine->setVisible(!text.isEmpty());
}

void CandleChartView::leaveEvent(QEvent *event)
{
    m_readout->hide();
    m_hoverLine->hide();
    QChartView::leaveEvent(event);
}

void CandleChartView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyPaletteTheme(this, m_chart);
    QChartView::changeEvent(event);
}

void CandleChartView::setModel(BarModel *model)
{
    if (m_model)
        m_model->disconnect(this);
    m_model = model;
    if (m_model)
        connect(m_model, &BarModel::barsChanged, this, &CandleChartView::scheduleRefresh);
    m_firstDrawnMs = -1;
    scheduleRefresh();
}

void CandleChartView::scheduleRefresh()
{
    if (!m_refreshTimer->isActive())
        m_refreshTimer->start();
}

std::vector<Bar> CandleChartView::visibleCandles() const
{
    std::vector<Bar> out;
    if (!m_model)
        return out;
    const std::vector<Bar> &bars = m_model->bars();
    const int n = int(bars.size());
    const int end = std::max(0, n - m_offset);
    const int begin = std::max(0, end - m_visible);
    const int count = end - begin;
    if (count <= 0)
        return out;
    // Zoomed out past maxCandles: merge k consecutive bars into one candle (a coarser interval).
    const int k = std::max(1, int(std::ceil(double(count) / double(m_maxCandles))));
    out.reserve(std::size_t(count / k) + 1);
    for (int i = begin; i < end; i += k) {
        Bar c = bars[std::size_t(i)];
        for (int j = i + 1; j < std::min(end, i + k); ++j) {
            const Bar &b = bars[std::size_t(j)];
            c.high = std::max(c.high, b.high);
            c.low = std::min(c.low, b.low);
            c.close = b.close;
            c.volume += b.volume;
            c.trades += b.trades;
        }
        out.push_back(c);
    }
    return out;
}

void CandleChartView::refreshNow()
{
    const std::vector<Bar> candles = visibleCandles();
    const int n = int(candles.size());
    m_merge = (m_model && !m_model->bars().empty())
                  ? std::max(1, int(std::ceil(double(std::min<int>(m_visible, int(m_model->bars().size()))) /
                                              double(m_maxCandles))))
                  : 1;
    if (m_model && m_model->symbol() != m_gapSymbol) {
        m_gapSymbol = m_model->symbol();
        m_gapBands.setGaps(m_allGaps, {m_gapSymbol});
    }
    m_shown = candles;
    if (m_model) // the symbol and the candles' length, also when merged ("BTCUSDT · 1s, candles of 5 × 1s")
        m_chart->setTitle(m_merge > 1
                              ? tr("%1 · %2, candles of %3 × %2")
                                    .arg(m_model->symbol(), intervalName(m_model->interval()))
                                    .arg(m_merge)
                              : tr("%1 · %2").arg(m_model->symbol(), intervalName(m_model->interval())));
    if (n == 0) {
        m_gapBands.hide();
        m_candles->clear();
        m_volumeLine->clear();
        m_drawn = 0;
        m_firstDrawnMs = -1;
        placeOverlays();
        return;
    }
    const qint64 step = n > 1 ? candles[1].openMs - candles[0].openMs
                              : intervalMs(m_model ? m_model->interval() : Interval::S1);
    const qint64 width =
        std::max<qint64>(1, std::min<qint64>(step, intervalMs(m_model->interval()) * m_merge));

    const QList<QCandlestickSet *> sets = m_candles->sets();
    if (sets.size() == n && m_firstDrawnMs == candles.front().openMs &&
        qint64(sets.back()->timestamp()) == candles.back().openMs) {
        // Same window: only values changed (usually the last candle). Update in place.
        for (int i = std::max(0, n - 2); i < n; ++i) {
            QCandlestickSet *s = sets[i];
            const Bar &b = candles[std::size_t(i)];
            s->setOpen(b.open);
            s->setHigh(b.high);
            s->setLow(b.low);
            s->setClose(b.close);
        }
    } else {
        QList<QCandlestickSet *> fresh;
        fresh.reserve(n);
        for (const Bar &b : candles)
            fresh.append(new QCandlestickSet(b.open, b.high, b.low, b.close, double(b.openMs)));
        m_candles->clear();
        m_candles->append(fresh);
    }
    m_firstDrawnMs = candles.front().openMs;
    m_drawn = n;

    // Volume as an outlined histogram, rebuilt with one replace().
    QList<QPointF> vol;
    vol.reserve(qsizetype(n) * 4);
    double lo = candles.front().low, hi = candles.front().high, vmax = 0;
    for (const Bar &b : candles) {
        const double x0 = double(b.openMs) + double(width) * 0.1, x1 = double(b.openMs) + double(width) * 0.9;
        vol << QPointF(x0, 0) << QPointF(x0, b.volume) << QPointF(x1, b.volume) << QPointF(x1, 0);
        lo = std::min(lo, b.low);
        hi = std::max(hi, b.high);
        vmax = std::max(vmax, b.volume);
    }
    m_volumeLine->replace(vol);
    const double pad = std::max((hi - lo) * 0.08, hi * 1e-5);
    m_priceAxis->setRange(lo - pad * 2.5, hi + pad); // room at the bottom for the volume
    m_priceAxis->applyNiceNumbers();
    // As many decimals as the tick step needs (61,700 not 61,700.00; 0.01235 not 0.01).
    const double tickStep =
        (m_priceAxis->max() - m_priceAxis->min()) / std::max(1, m_priceAxis->tickCount() - 1);
    m_priceAxis->setLabelFormat(QStringLiteral("%.%1f").arg(
        tickStep > 0 ? std::clamp(int(-std::floor(std::log10(tickStep))), 0, 10) : 2));
    m_volumeAxis->setRange(0, std::max(vmax, 1e-9) * 4.0);
    m_volumeMax = vmax;
    m_candleWidthMs = width;
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(candles.front().openMs - width / 2),
                         QDateTime::fromMSecsSinceEpoch(candles.back().openMs + width + width / 2));
    m_gapBands.layout(candles.front().openMs - width / 2, candles.back().openMs + width + width / 2);
    m_timeAxis->setFormat(timeAxisFormat(candles.front().openMs, candles.back().openMs, width));
    placeOverlays();
}

void CandleChartView::setGaps(const TradeGapList &gaps)
{
    m_allGaps = gaps;
    m_gapSymbol = m_model ? m_model->symbol() : QString();
    m_gapBands.setGaps(m_allGaps, {m_gapSymbol});
    scheduleRefresh();
}

void CandleChartView::followLive()
{
    if (m_offset != 0) {
        m_offset = 0;
        Q_EMIT followLiveChanged(true);
    }
    refreshNow();
}

void CandleChartView::zoom(double factor)
{
    const int total = m_model ? int(m_model->bars().size()) : 0;
    m_visible = std::clamp(int(std::lround(m_visible * factor)), 10, std::max(10, total));
    refreshNow();
}

void CandleChartView::wheelEvent(QWheelEvent *event)
{
    zoom(event->angleDelta().y() > 0 ? 0.8 : 1.25);
    event->accept();
}

void CandleChartView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        m_dragStartX = int(event->position().x());
        m_dragStartOffset = m_offset;
        setCursor(Qt::ClosedHandCursor);
    }
    QChartView::mousePressEvent(event);
}

void CandleChartView::mouseMoveEvent(QMouseEvent *event)
{
    showReadoutAtX(event->position().x());
    if (m_dragStartX >= 0 && m_model) {
        const double plotWidth = std::max(1.0, m_chart->plotArea().width());
        const int dx = int(event->position().x()) - m_dragStartX;
        const int total = int(m_model->bars().size());
        const int newOffset = std::clamp(m_dragStartOffset + int(std::lround(dx / plotWidth * m_visible)), 0,
                                         std::max(0, total - 10));
        if (newOffset != m_offset) {
            const bool wasLive = m_offset == 0;
            m_offset = newOffset;
            if (wasLive != (m_offset == 0))
                Q_EMIT followLiveChanged(m_offset == 0);
            refreshNow();
        }
    }
    QChartView::mouseMoveEvent(event);
}

void CandleChartView::mouseReleaseEvent(QMouseEvent *event)
{
    m_dragStartX = -1;
    unsetCursor();
    QChartView::mouseReleaseEvent(event);
}

void CandleChartView::mouseDoubleClickEvent(QMouseEvent *event)
{
    followLive();
    QChartView::mouseDoubleClickEvent(event);
}

void CandleChartView::keyPressEvent(QKeyEvent *event)
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

void CandleChartView::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    // About one candle per 2 px at most, and never more than 1500.
    m_maxCandles = std::clamp(int(m_chart->plotArea().width() / 2), 100, 1500);
    scheduleRefresh();
    placeOverlays();
}

} // namespace pairlab
