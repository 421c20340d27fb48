#pragma once

#include <QChartView>
#include <QStringList>

#include <vector>

class QScatterSeries;
class QLogValueAxis;
class QValueAxis;

namespace pairlab {

struct ScanRow;
struct ScanFilter;

/** The scanner's map: one point per pair, the better order's Engle-Granger p-value across, the half-life
 *  (bars, log scale) up; the filter's candidates stand out. At most maxPoints pairs are drawn (the smallest
 *  p-values; the title says how many of how many): a chart point is a scene item each. Clicking a point
 *  chooses that pair. GUI thread. */
class ScanScatterView : public QChartView
{
    Q_OBJECT
public:
    static constexpr int MaxPoints = 3000;

    explicit ScanScatterView(QWidget *parent = nullptr);
    void setRows(const std::vector<ScanRow> &rows, const ScanFilter &filter);
    int pointCount() const { return int(m_pairs.size()); }
    int candidatePoints() const { return m_candidates; }

Q_SIGNALS:
    void pairChosen(const QString &y, const QString &x);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Point
    {
        double p, halfLife;
        QString y, x;
        bool candidate;
    };
    void choose(const QPointF &at);

    QChart *m_chart;
    QScatterSeries *m_others, *m_candidatesSeries;
    QValueAxis *m_pAxis;
    QLogValueAxis *m_hlAxis;
    std::vector<Point> m_pairs;
    int m_candidates = 0;
};

} // namespace pairlab
