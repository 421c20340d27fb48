#include "charts/scan_scatter_view.h"

#include "charts/time_series_chart_view.h"
#include "models/universe.h"

#include <QEvent>
#include <QLocale>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace pairlab {

ScanScatterView::ScanScatterView(QWidget *parent)
    // The chart QChartView made is the one used: setChart() with another would release that one to leak.
    : QChartView(parent), m_chart(chart()), m_others(new QScatterSeries),
      m_candidatesSeries(new QScatterSeries), m_pAxis(new QValueAxis), m_hlAxis(new QLogValueAxis)
{
    setRenderHint(QPainter::Antialiasing);
    // A narrow side panel: the title says what the axes are; no legend, no axis titles.
    m_chart->legend()->setVisible(false);
    m_chart->setMargins(QMargins(2, 2, 2, 2));
    m_others->setName(tr("other pairs"));
    m_candidatesSeries->setName(tr("candidates"));
    m_others->setMarkerSize(5);
    m_candidatesSeries->setMarkerSize(8);
    m_others->setBorderColor(Qt::transparent);
    m_candidatesSeries->setBorderColor(Qt::transparent);
    m_chart->addSeries(m_others);
    m_chart->addSeries(m_candidatesSeries);
    m_pAxis->setTitleText(tr("EG p-value (better order)"));
    m_pAxis->setRange(0, 1);
    m_pAxis->setLabelFormat(QStringLiteral("%.2f"));
    m_pAxis->setTickCount(5);
    m_pAxis->setTitleVisible(false);
    m_hlAxis->setTitleText(tr("half-life (bars)"));
    m_hlAxis->setBase(10);
    m_hlAxis->setLabelFormat(QStringLiteral("%g"));
    m_hlAxis->setRange(1, 10000);
    m_hlAxis->setTitleVisible(false);
    m_chart->addAxis(m_pAxis, Qt::AlignBottom);
    m_chart->addAxis(m_hlAxis, Qt::AlignLeft);
    for (QScatterSeries *s : {m_others, m_candidatesSeries}) {
        s->attachAxis(m_pAxis);
        s->attachAxis(m_hlAxis);
        connect(s, &QScatterSeries::clicked, this, &ScanScatterView::choose);
    }
    setMinimumHeight(160);
    applyPaletteTheme(this, m_chart);
    m_candidatesSeries->setColor(palette().color(QPalette::Highlight));
    m_others->setColor(palette().color(QPalette::PlaceholderText));
}

void ScanScatterView::setRows(const std::vector<ScanRow> &rows, const ScanFilter &filter)
{
    std::vector<Point> points;
    for (const ScanRow &r : rows) {
        const double p = r.bestCointP();
        if (std::isfinite(p) && std::isfinite(r.halfLife) && r.halfLife > 0)
            points.push_back({p, r.halfLife, r.y, r.x, filter.accepts(r)});
    }
    const std::size_t plottable = points.size();
    if (points.size() > std::size_t(MaxPoints)) { // the smallest p-values (candidates first among equals)
        std::nth_element(points.begin(), points.begin() + MaxPoints, points.end(),
                         [](const Point &a, const Point &b) { return a.p < b.p; });
        points.resize(std::size_t(MaxPoints));
    }
    QList<QPointF> others, candidates;
    double hlMax = 10, hlMin = 1;
    for (const Point &pt : points) {
        (pt.candidate ? candidates : others).append(QPointF(pt.p, pt.halfLife));
        hlMax = std::max(hlMax, pt.halfLife);
        hlMin = std::min(hlMin, pt.halfLife);
    }
    m_others->replace(others);
    m_candidatesSeries->replace(candidates);
    // whole decades around every plotted half-life (some revert within a bar)
    m_hlAxis->setRange(std::pow(10.0, std::floor(std::log10(hlMin))),
                       std::pow(10.0, std::ceil(std::log10(hlMax))));
    m_candidates = int(candidates.size());
    m_pairs = std::move(points);
    const QLocale l;
    const QString drawn =
        plottable > m_pairs.size()
            ? tr("%1 of %2").arg(l.toString(qlonglong(m_pairs.size())), l.toString(qlonglong(plottable)))
            : tr("pairs: %1").arg(l.toString(qlonglong(m_pairs.size())));
    m_chart->setTitle(tr("Half-life ↑ vs EG p → · %1").arg(drawn));
    setToolTip(
        plottable > m_pairs.size()
            ? tr("Each point a pair: half-life in bars (log scale) against the better order's Engle-Granger "
                 "p-value; candidates highlighted. The %1 pairs of the smallest p of %2 are drawn. Click a "
                 "point to analyse the pair.")
                  .arg(l.toString(qlonglong(m_pairs.size())), l.toString(qlonglong(plottable)))
            : tr("Each point a pair: half-life in bars (log scale) against the better order's Engle-Granger "
                 "p-value; candidates highlighted. Click a point to analyse the pair."));
}

void ScanScatterView::choose(const QPointF &at)
{
    // the pair nearest to the click, measured on the screen's scales (p linear, half-life logarithmic)
    const Point *best = nullptr;
    double bestD = std::numeric_limits<double>::infinity();
    for (const Point &pt : m_pairs) {
        const double dp = pt.p - at.x(), dh = std::log10(pt.halfLife) - std::log10(std::max(at.y(), 1e-9));
        const double d = dp * dp + 0.01 * dh * dh;
        if (d < bestD) {
            bestD = d;
            best = &pt;
        }
    }
    if (best)
        Q_EMIT pairChosen(best->y, best->x);
}

void ScanScatterView::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        applyPaletteTheme(this, m_chart);
        m_candidatesSeries->setColor(palette().color(QPalette::Highlight));
        m_others->setColor(palette().color(QPalette::PlaceholderText));
    }
}

} // namespace pairlab
