#pragma once

#include "analytics/basket.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace pairlab {

class BasketController;
class TimeSeriesChartView;
struct BasketResult;
struct BasketState;

/** The Spread tab's basket mode: the legs and their weights (typed, or Johansen's first vector), the basket's
 *  spread and z-score with the entry/exit bands, and a summary of its statistics, Johansen test and backtest.
 *  Source, bar length, window and bands come from the tab's shared controls (setShared()). A view of its
 *  BasketController. GUI thread. */
class BasketView : public QWidget
{
    Q_OBJECT
public:
    explicit BasketView(QWidget *parent = nullptr);
    ~BasketView() override;

    BasketController *controller() const { return m_controller; }
    void setDatabase(const QString &path);
    void setShared(const QString &source, int intervalSeconds, int window, double entry, double exit);
    /** Shows and analyses a basket (weights may be empty: Johansen's are offered). */
    void setBasket(const Basket &basket);
    Basket basket() const;
    /** Re-read live bars while shown. */
    void setActive(bool active);

    QString statusText() const;
    QString summaryText() const;
    TimeSeriesChartView *spreadChart() const { return m_spreadChart; }
    TimeSeriesChartView *zChart() const { return m_zChart; }

public Q_SLOTS:
    /** Takes the weights of the Johansen vector of the largest eigenvalue of the loaded legs. */
    void useJohansenWeights();

Q_SIGNALS:
    /** The basket (legs or weights) changed: a workspace keeps it. */
    void basketChanged();
    void resultShown();

private:
    void applyEdits();
    void showState(const BasketState &s);
    void showResult(const BasketResult &r);

    BasketController *m_controller;
    QLineEdit *m_symbols, *m_weights;
    QPushButton *m_johansen;
    QLabel *m_status, *m_summary;
    TimeSeriesChartView *m_spreadChart, *m_zChart;
    bool m_showing = false;
};

} // namespace pairlab
