#pragma once

#include "market/gap_detector.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

class QChart;
class QGraphicsRectItem;

namespace pairlab {

/** Shaded vertical bands over a chart's plot area for the gaps of the trade stream that are still open
 *  (amber) or could not be filled (red), each with a tooltip saying which trades are missing and why.
 *  Filled gaps are not drawn. The owning view calls layout() with its time range after each refresh.
 *  GUI thread. */
class GapBands
{
    Q_DECLARE_TR_FUNCTIONS(GapBands)
public:
    static constexpr qsizetype MaxBands = 200;

    explicit GapBands(QChart *chart);

    /** Keeps the open and unfillable gaps of the given symbols (all symbols when empty), the newest MaxBands.
     */
    void setGaps(const TradeGapList &gaps, const QStringList &symbols = {});
    /** Places the bands for a time axis from..to (epoch ms) over the chart's plot area. */
    void layout(qint64 from, qint64 to);
    void hide();

    int count() const { return int(m_gaps.size()); }
    /** Bands visible after the last layout(). */
    int shown() const { return m_shown; }
    static QString describe(const TradeGap &gap);

private:
    QChart *m_chart;
    TradeGapList m_gaps;
    QList<QGraphicsRectItem *> m_items;
    int m_shown = 0;
};

} // namespace pairlab
