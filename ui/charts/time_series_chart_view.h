#pragma once

#include "charts/gap_bands.h"
#include "charts/time_chart_view.h"

#include <QColor>
#include <QList>

#include <memory>
#include <vector>

class QGraphicsSimpleTextItem;
class QLineSeries;
class QValueAxis;

namespace pairlab {

/** Shared, immutable columns of a time chart (times ascending, epoch ms). */
using TimeColumn = std::shared_ptr<const std::vector<qint64>>;
using ValueColumn = std::shared_ptr<const std::vector<double>>;

/** A line chart of one or more series over time, for series of any length (a day of 1 s bars and more):
 *  each refresh decimates the visible range min/max per pixel column and swaps every series' points with
 *  one replace(). The range, the gestures and the crosshair are TimeChartView's; following live shows the
 *  whole extent. GUI thread. */
class TimeSeriesChartView : public TimeChartView
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
    /** The crosshair's values: this many significant digits (default 8) and a unit after each (" bps"). */
    void setReadoutFormat(int significantDigits, const QString &unit = QString());
    /** What an empty chart says in place of its axes (default "No data yet"). */
    void setEmptyText(const QString &text);
    QString emptyText() const { return m_emptyText; }
    /** A value the axis never extends above when the data stay at or below it (0 for drawdowns). */
    void setValueCeiling(double ceiling);
    /** Gaps of the trade stream to shade (open and unfillable ones; the caller picks the symbols). */
    void setGaps(const TradeGapList &gaps);
    const GapBands &gapBands() const { return m_gapBands; }

    int curveCount() const { return int(m_curves.size()); }
    int drawnPoints(int curve) const;
    /** "HH:mm:ss  name value  name value" for the sample at or before t (what the crosshair shows). */
    QString readoutAt(qint64 t) const override;
    /** Data extent over all curves (min first time, max last time); {0, -1} when empty. */
    std::pair<qint64, qint64> extent() const override;

protected:
    void draw() override;
    void drawEmpty() override;

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
    void updateTitle();

    QChart *m_chart;
    QString m_title;
    QValueAxis *m_valueAxis;
    QValueAxis *m_secondaryAxis = nullptr;
    std::vector<Curve> m_curves;
    std::vector<QLineSeries *> m_bands;
    QList<double> m_bandLevels;
    QGraphicsSimpleTextItem *m_emptyItem = nullptr;
    QString m_emptyText = tr("No data yet");
    double m_valueCeiling = qQNaN();
    QString m_valueFormat; ///< empty: from the scale's step (valueLabelFormat)
    int m_readoutDigits = 8;
    QString m_readoutUnit;
    GapBands m_gapBands;
};

} // namespace pairlab
