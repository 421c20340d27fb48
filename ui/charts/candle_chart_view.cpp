#include "charts/candle_chart_view.h"

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
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace pairlab {

CandleChartView::CandleChartView(QWidget *parent)
    : TimeChartView(parent), m_chart(chart()), m_candles(new QCandlestickSeries),
      m_volumeLine(new QLineSeries(this)), m_volume(new QAreaSeries(m_volumeLine)),
      m_bandAsk(new QLineSeries(this)), m_bandBid(new QLineSeries(this)),
      m_band(new QAreaSeries(m_bandAsk, m_bandBid)), m_priceAxis(new QValueAxis),
      m_volumeAxis(new QValueAxis), m_gapBands(m_chart)
{
    // The view owns m_volumeLine (a QAreaSeries does not own its boundary lines).
    setFocusPolicy(Qt::StrongFocus); // End, + and - act on the focused chart
    m_chart->legend()->hide();
    m_chart->setMargins(QMargins(4, 4, 4, 4));

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

    // The bid/ask band: translucent, under the candles.
    m_band->setName(tr("Bid/ask"));
    QColor band = palette().color(QPalette::Highlight);
    band.setAlpha(70);
    m_band->setBrush(band);
    m_band->setPen(Qt::NoPen);

    m_chart->addSeries(m_volume);
    m_chart->addSeries(m_band);
    m_chart->addSeries(m_candles);
    // Axes are explicit: createDefaultAxes() breaks candlesticks on a time axis.
    timeAxis()->setTickCount(7);
    timeAxis()->setTitleText(tr("Time (local)"));
    m_priceAxis->setLabelFormat(QStringLiteral("%.2f"));
    m_volumeAxis->setVisible(false);
    m_chart->addAxis(m_priceAxis, Qt::AlignRight);
    m_chart->addAxis(m_volumeAxis, Qt::AlignLeft);
    m_candles->attachAxis(timeAxis());
    m_candles->attachAxis(m_priceAxis);
    m_volume->attachAxis(timeAxis());
    m_volume->attachAxis(m_volumeAxis);
    m_band->attachAxis(timeAxis());
    m_band->attachAxis(m_priceAxis);
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
}

qint64 CandleChartView::barMs() const
{
    return intervalMs(m_model ? m_model->interval() : Interval::S1);
}

std::pair<qint64, qint64> CandleChartView::extent() const
{
    if (!m_model || m_model->bars().empty())
        return {0, -1};
    return {m_model->bars().front().openMs, m_model->bars().back().openMs + barMs()};
}

qint64 CandleChartView::defaultSpanMs() const
{
    return kDefaultBars * barMs();
}

qint64 CandleChartView::minimumSpanMs() const
{
    return 10 * barMs();
}

int CandleChartView::visibleBars() const
{
    return int(std::llround(double(rangeTo() - rangeFrom()) / double(barMs())));
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
    QString text =
        tr("%1  O %2  H %3  L %4  C %5  V %6")
            .arg(QDateTime::fromMSecsSinceEpoch(b.openMs) // local, as the time axis
                     .toString(daily ? QStringLiteral("yyyy-MM-dd") : QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                 price(b.open), price(b.high), price(b.low), price(b.close), l.toString(b.volume, 'g', 6));
    // The closing quote of the bar under the pointer (of the last bar of a merged candle).
    const QuoteBar *q = m_merge == 1 ? quoteAt(b.openMs) : nullptr;
    if (q)
        text += tr("  bid %1  ask %2").arg(price(q->bidClose), price(q->askClose));
    return text;
}

const QuoteBar *CandleChartView::quoteAt(qint64 openMs) const
{
    if (!m_quotes)
        return nullptr;
    const auto it = std::lower_bound(m_quotes->begin(), m_quotes->end(), openMs,
                                     [](const QuoteBar &q, qint64 v) { return q.openMs < v; });
    return it != m_quotes->end() && it->openMs == openMs ? &*it : nullptr;
}

void CandleChartView::setQuoteBand(std::shared_ptr<const std::vector<QuoteBar>> quotes)
{
    m_quotes = std::move(quotes);
    scheduleRefresh();
}

void CandleChartView::drawBand(double *lo, double *hi)
{
    // Under each candle, merged as it is: a step over [open, open + width) from the lowest closing bid to the
    // highest closing ask of its bars. Rebuilt with one replace() per boundary.
    m_bandBars = 0;
    if (!m_quotes || m_quotes->empty() || m_shown.empty()) {
        m_bandAsk->clear();
        m_bandBid->clear();
        m_band->hide();
        return;
    }
    // Each candle's quotes: those opening from its open to the next candle's (merged candles group
    // consecutive bars, so candles need not be evenly spaced).
    const qint64 width = m_candleWidthMs;
    auto it = std::lower_bound(m_quotes->begin(), m_quotes->end(), m_shown.front().openMs,
                               [](const QuoteBar &q, qint64 v) { return q.openMs < v; });
    QList<QPointF> ask, bid;
    for (std::size_t i = 0; i < m_shown.size() && it != m_quotes->end(); ++i) {
        const qint64 start = m_shown[i].openMs;
        // Up to the next candle, but never past this one's width: quotes in a gap without trades are not
        // drawn, so they must not widen the band of the candle before it.
        const qint64 end =
            std::min(i + 1 < m_shown.size() ? m_shown[i + 1].openMs : start + width, start + width);
        while (it != m_quotes->end() && it->openMs < start)
            ++it;
        if (it == m_quotes->end() || it->openMs >= end)
            continue; // no quote in this candle's bars
        double b = it->bidClose, a = it->askClose;
        for (; it != m_quotes->end() && it->openMs < end; ++it, ++m_bandBars) {
            b = std::min(b, it->bidClose);
            a = std::max(a, it->askClose);
        }
        const double x0 = double(start), x1 = double(start + width);
        ask << QPointF(x0, a) << QPointF(x1, a);
        bid << QPointF(x0, b) << QPointF(x1, b);
        *lo = std::min(*lo, b);
        *hi = std::max(*hi, a);
    }
    m_bandAsk->replace(ask);
    m_bandBid->replace(bid);
    m_band->setVisible(!ask.isEmpty());
}

const Bar *CandleChartView::newestBar() const
{
    // The newest bar of the series, whether or not the range shows it (zoomed or panned back).
    if (m_model && !m_model->bars().empty())
        return &m_model->bars().back();
    return m_shown.empty() ? nullptr : &m_shown.back();
}

QString CandleChartView::lastPriceText() const
{
    const Bar *last = newestBar();
    return m_shown.empty() || !last ? QString()
                                    : QLocale().toString(last->close, 'f', priceDecimals(last->close));
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
    for (QGraphicsSimpleTextItem *t : {m_volumeTag, m_emptyText})
        t->setBrush(textColour);
    m_emptyText->setVisible(m_shown.empty());
    if (m_shown.empty()) {
        m_emptyText->setText(m_model && m_model->isLoading()       ? tr("Loading…")
                             : m_model && !m_model->bars().empty() ? tr("No bars in this range")
                                                                   : tr("No bars yet"));
        const QRectF box = m_emptyText->boundingRect();
        m_emptyText->setPos(plot.center() - QPointF(box.width() / 2, box.height() / 2));
        for (QGraphicsItem *i :
             std::initializer_list<QGraphicsItem *>{m_lastTag, m_lastTagBox, m_lastLine, m_volumeTag})
            i->hide();
        return;
    }
    // Last price: a dashed line across the plot and a tag on the price axis, in the newest candle's colour —
    // the newest close even while the range shows older bars (hidden when it lies outside the price range).
    const Bar &last = *newestBar();
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

void CandleChartView::setModel(BarModel *model)
{
    if (m_model)
        m_model->disconnect(this);
    m_model = model;
    if (m_model)
        connect(m_model, &BarModel::barsChanged, this, &CandleChartView::scheduleRefresh);
    m_firstDrawnMs = m_lastDrawnMs = -1;
    scheduleRefresh();
}

std::vector<Bar> CandleChartView::visibleCandles(int *merge) const
{
    std::vector<Bar> out;
    *merge = 1;
    if (!m_model)
        return out;
    const std::vector<Bar> &bars = m_model->bars();
    const qint64 length = barMs(), from = rangeFrom(), to = rangeTo();
    // The bars that overlap [from, to).
    const auto first = std::partition_point(bars.begin(), bars.end(),
                                            [&](const Bar &b) { return b.openMs + length <= from; });
    const auto last = std::partition_point(first, bars.end(), [&](const Bar &b) { return b.openMs < to; });
    const int begin = int(first - bars.begin()), end = int(last - bars.begin()), count = end - begin;
    if (count <= 0)
        return out;
    // Zoomed out past maxCandles: merge k consecutive bars into one candle (a coarser interval).
    const int k = std::max(1, int(std::ceil(double(count) / double(m_maxCandles))));
    *merge = k;
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

void CandleChartView::updateTitle()
{
    if (!m_model)
        return;
    // The symbol and the candles' length, also when merged ("BTCUSDT · 1s, candles of 5 × 1s").
    m_chart->setTitle(m_merge > 1 ? tr("%1 · %2, candles of %3 × %2")
                                        .arg(m_model->symbol(), intervalName(m_model->interval()))
                                        .arg(m_merge)
                                  : tr("%1 · %2").arg(m_model->symbol(), intervalName(m_model->interval())));
}

void CandleChartView::drawEmpty()
{
    m_shown.clear();
    m_merge = 1;
    updateTitle();
    m_gapBands.hide();
    m_candles->clear();
    m_volumeLine->clear();
    drawBand(nullptr, nullptr);
    m_drawn = 0;
    m_firstDrawnMs = m_lastDrawnMs = -1;
    placeOverlays();
}

void CandleChartView::draw()
{
    if (m_model && m_model->symbol() != m_gapSymbol) {
        m_gapSymbol = m_model->symbol();
        m_gapBands.setGaps(m_allGaps, {m_gapSymbol});
    }
    m_gapBands.layout(rangeFrom(), rangeTo());
    std::vector<Bar> candles = visibleCandles(&m_merge);
    updateTitle();
    const int n = int(candles.size());
    if (n == 0) { // a range inside the data without bars (a gap, panned past the end)
        m_shown.clear();
        m_candles->clear();
        m_volumeLine->clear();
        drawBand(nullptr, nullptr);
        m_drawn = 0;
        m_firstDrawnMs = m_lastDrawnMs = -1;
        placeOverlays();
        return;
    }
    // Each candle spans its bars' time: centred in [open, open + width).
    const qint64 width = barMs() * m_merge;
    const QList<QCandlestickSet *> sets = m_candles->sets();
    if (sets.size() == n && m_firstDrawnMs == candles.front().openMs &&
        m_lastDrawnMs == candles.back().openMs) {
        // Same candles: only values changed (usually the last one). Update in place.
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
            fresh.append(
                new QCandlestickSet(b.open, b.high, b.low, b.close, double(b.openMs) + double(width) / 2.0));
        m_candles->clear();
        m_candles->append(fresh);
    }
    m_firstDrawnMs = candles.front().openMs;
    m_lastDrawnMs = candles.back().openMs;
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
    m_candleWidthMs = width;
    m_shown = std::move(candles);
    drawBand(&lo, &hi);
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
    timeAxis()->setFormat(timeAxisFormat(rangeFrom(), rangeTo(), width));
    placeOverlays();
}

void CandleChartView::setGaps(const TradeGapList &gaps)
{
    m_allGaps = gaps;
    m_gapSymbol = m_model ? m_model->symbol() : QString();
    m_gapBands.setGaps(m_allGaps, {m_gapSymbol});
    scheduleRefresh();
}

void CandleChartView::resizeEvent(QResizeEvent *event)
{
    TimeChartView::resizeEvent(event);
    // About one candle per 2 px at most, and never more than 1500.
    m_maxCandles = std::clamp(int(m_chart->plotArea().width() / 2), 100, 1500);
    placeOverlays();
}

} // namespace pairlab
