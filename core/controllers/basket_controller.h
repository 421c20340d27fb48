#pragma once

#include "analytics/basket.h"
#include "analytics/johansen.h"
#include "backtest/basket_backtest.h"
#include "controllers/latest_result.h"
#include "storage/bar_store.h"

#include <QObject>

#include <memory>

class QTimer;

namespace pairlab {

/** What the Spread tab asks of a basket: its legs and weights, their bars (source, bar length), the z window
 *  and the backtest bands. */
struct BasketRequest
{
    Basket basket;
    QString source = BarStore::LiveSource;
    int intervalSeconds = 60;
    int window = 120;
    double entry = 2.0, exit = 0.5;
    bool operator==(const BasketRequest &) const = default;
};

/** Where the current basket request stands; Ready means result() answers it. */
struct BasketState
{
    enum class Kind { Idle, Loading, Waiting, Ready, NotPossible };
    Kind kind = Kind::Idle;
    BasketRequest request;
    int bars = 0; ///< bars every leg has
    QString reason;
    bool operator==(const BasketState &) const = default;
};

/** One answer: the request, the basket's analysis (with its series), the backtest of its spread (one basket
 *  unit, Binance's taker fee per leg, fills at the closes) and the Johansen test of its legs (det_order 0,
 *  k_ar_diff 1), the weights of whose first vector johansenWeights() takes. */
struct BasketResult
{
    BasketRequest request;
    std::shared_ptr<const BasketAnalysis> analysis;
    std::shared_ptr<const BasketBacktestRun> backtest;
    std::shared_ptr<const JohansenResult> johansen;
    qint64 spanMs = 0;
    bool valid() const { return analysis && analysis->ok(); }
};

/** The basket analysis behind the Spread tab's basket mode, without widgets: reads every leg's bars from the
 *  database on a worker (the newest kMaxBars, the still-forming live bar left out), joins them on the bars
 *  all legs share, and computes the analysis, the backtest and Johansen there. Results and states always
 *  carry the request they answer. Live bars are re-read every kRefreshMs while refreshing is on (the tab is
 *  shown). GUI thread. */
class BasketController : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxBars = 50000;
    static constexpr int kRefreshMs = 5000;

    explicit BasketController(QObject *parent = nullptr);
    ~BasketController() override;

    void setDatabase(const QString &path);
    void setRequest(const BasketRequest &request);
    const BasketRequest &request() const { return m_request; }
    const BasketState &state() const { return m_state; }
    const BasketResult &result() const { return m_result; }
    /** Re-read live bars periodically (while the basket is on screen). */
    void setRefreshing(bool on);
    /** The weights of the Johansen vector of the largest eigenvalue of the current legs (first leg 1), or an
     *  empty basket when there is no result; the caller sets them with setRequest(). */
    Basket johansenBasket() const;

Q_SIGNALS:
    void stateChanged(const pairlab::BasketState &state);
    void resultChanged(const pairlab::BasketResult &result);

private:
    void load();
    void setState(BasketState s);
    void onComputed(const BasketResult &r, const QString &error, int bars);

    struct Computed
    {
        BasketResult result;
        QString error;
        int bars = 0;
    };
    QString m_dbPath;
    BasketRequest m_request;
    BasketState m_state;
    BasketResult m_result;
    QTimer *m_refresh;
    std::unique_ptr<LatestResult<Computed>> m_jobs;
};

} // namespace pairlab

Q_DECLARE_METATYPE(pairlab::BasketState)
Q_DECLARE_METATYPE(pairlab::BasketResult)
