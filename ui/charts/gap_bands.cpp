#include "charts/gap_bands.h"

#include <QBrush>
#include <QChart>
#include <QDateTime>
#include <QGraphicsRectItem>
#include <QPen>

#include <algorithm>

namespace pairlab {

GapBands::GapBands(QChart *chart) : m_chart(chart) {}

QString GapBands::describe(const TradeGap &gap)
{
    const QString from =
        QDateTime::fromMSecsSinceEpoch(gap.fromMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
    const QString to = QDateTime::fromMSecsSinceEpoch(gap.toMs).toString(QStringLiteral("HH:mm:ss.zzz"));
    const QString what = tr("%1: %n trade(s) missing (ids %2 to %3), %4 to %5", nullptr, int(gap.count()))
                             .arg(gap.symbol.toString())
                             .arg(gap.fromId)
                             .arg(gap.toId)
                             .arg(from, to);
    if (gap.state == GapState::Open)
        return what + QLatin1Char('\n') + tr("being back-filled");
    return what + QLatin1Char('\n') + tr("could not be filled: %1").arg(gap.reason);
}

void GapBands::setGaps(const TradeGapList &gaps, const QStringList &symbols)
{
    m_gaps.clear();
    for (const TradeGap &g : gaps)
        if (g.state != GapState::Filled && (symbols.isEmpty() || symbols.contains(g.symbol.toString())))
            m_gaps << g;
    // A feed that loses trades all the time would otherwise put thousands of bands (and their tooltips) on
    // every chart at every change: the newest MaxBands are drawn.
    if (m_gaps.size() > MaxBands) {
        std::nth_element(m_gaps.begin(), m_gaps.begin() + MaxBands, m_gaps.end(),
                         [](const TradeGap &a, const TradeGap &b) { return a.fromMs > b.fromMs; });
        m_gaps.resize(MaxBands);
    }
    while (m_items.size() > m_gaps.size())
        delete m_items.takeLast();
    while (m_items.size() < m_gaps.size()) {
        auto *item = new QGraphicsRectItem(m_chart);
        item->setPen(Qt::NoPen);
        item->setZValue(-1); // under the series, over the plot background
        item->hide();
        m_items << item;
    }
    for (qsizetype i = 0; i < m_gaps.size(); ++i) {
        const bool open = m_gaps[i].state == GapState::Open;
        m_items[i]->setBrush(open ? QColor(240, 170, 0, 70) : QColor(220, 40, 40, 70));
        m_items[i]->setToolTip(describe(m_gaps[i]));
    }
}

void GapBands::layout(qint64 from, qint64 to)
{
    m_shown = 0;
    const QRectF plot = m_chart->plotArea();
    if (to <= from || plot.width() <= 0) {
        hide();
        return;
    }
    const double scale = plot.width() / double(to - from);
    for (qsizetype i = 0; i < m_gaps.size(); ++i) {
        const TradeGap &g = m_gaps[i];
        if (g.toMs < from || g.fromMs > to) {
            m_items[i]->hide();
            continue;
        }
        double x0 = plot.left() + double(std::max<qint64>(g.fromMs, from) - from) * scale;
        double x1 = plot.left() + double(std::min<qint64>(g.toMs, to) - from) * scale;
        if (x1 - x0 < 3) { // at least a visible stripe
            const double mid = (x0 + x1) / 2;
            x0 = std::max(plot.left(), mid - 1.5);
            x1 = std::min(plot.right(), mid + 1.5);
        }
        m_items[i]->setRect(QRectF(x0, plot.top(), x1 - x0, plot.height()));
        m_items[i]->show();
        ++m_shown;
    }
}

void GapBands::hide()
{
    for (QGraphicsRectItem *item : m_items)
        item->hide();
}

} // namespace pairlab
