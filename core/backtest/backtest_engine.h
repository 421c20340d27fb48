#pragma once

#include "analytics/analytics_status.h"
#include "analytics/kalman.h"
#include "market/funding.h"

#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QtGlobal>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

class QIODevice;

namespace pairlab {

struct AlignedPair;

/** How the hedge ratio (and so the spread s_t = y_t - (alpha_t + beta_t x_t)) is obtained.
    What is known at the close of bar t, when the position is decided:
    - StaticOls: alpha, beta of OLS over ALL bars (CONVENTIONS §1, in-sample as §12; looks ahead).
    - RollingOls: OLS over the trailing window of bars t-W..t-1 (ends at t-1, out of sample); s_t uses
      that fit and the closes of bar t; undefined for t < W.
    - Kalman: kalmanSpread() with the window W as its warm-up (noise levels from bars 0..W-1 only):
      the spread is the innovation e_t (prior state, before bar t is absorbed), its z is e_t / sqrt(S_t),
      the legs are sized with the posterior b_t; undefined for t < W. Only `kalman.delta` is used.
    Otherwise the z-score is the §5 rolling z (W values of s incl. bar t, ddof 1) of that spread. */
enum class BacktestHedge { StaticOls, RollingOls, Kalman };
/** One unit of spread (+1 y, -beta x per side) or a notional per trade: |q_y| y + |q_x| x = notional
    at the entry closes, q_x = -beta q_y. */
enum class PositionSizing { UnitSpread, Notional };
/** Why a trade ended: exit band, stop, flip to the other side, still open at the last bar, closed at the last
    bar because the run closes every position there (BacktestConfig::closeAtEnd). */
enum class TradeExit { Exit, Stop, Flip, Open, End };

/** How old the last quote before a bar's end may be for a fill on it: five bars, at least a minute. */
inline qint64 maxQuoteAgeMs(qint64 barMs)
{
    return std::max<qint64>(5 * barMs, 60000);
}

/** Where a position change is filled: at the bar's close (the last trade; CONVENTIONS §12), or crossing the
    quoted spread at that close: a buy at the best ask, a sell at the best bid (the last quote at or before
    the bar's end). */
enum class FillModel { Closes, Quotes };

/** Binance USD-M futures' regular taker fee, 0.05 % per leg: what the Backtest dialog starts with (the
    engine's own default stays 0 so that CONVENTIONS §12 runs and stored configurations are unchanged). */
inline constexpr double kDefaultFeeBps = 5.0;

/** Parameters of a mean-reversion backtest (see backtestPair for the rules). */
struct BacktestConfig
{
    double entryZ = 2.0, exitZ = 0.5;
    std::optional<double> stopZ; ///< |z| > stopZ -> flat, locked out until |z| < entryZ
    int window = 120;
    BacktestHedge hedge = BacktestHedge::StaticOls;
    KalmanParams kalman;
    double spreadCost = 2.0;  ///< §12 cost c per unit change of the side (spread units / currency)
    double feeBps = 0.0;      ///< per leg, on traded notional
    double slippageBps = 0.0; ///< per leg, on traded notional
    PositionSizing sizing = PositionSizing::UnitSpread;
    double notional = 10000.0; ///< per trade, for PositionSizing::Notional
    double barsPerYear = 365.0 * 24 * 3600;
    FillModel fill = FillModel::Closes;
    bool funding = false; ///< accrue each leg's funding (needs the market's funding events)
    /** Close any position at the last bar, paying its exit costs (a walk-forward's test windows: each one is
     *  traded on its own, so a trade does not leave its window for free). */
    bool closeAtEnd = false;

    QJsonObject toJson() const;
    static BacktestConfig fromJson(const QJsonObject &o);
};

/** The last best bid/ask known at the end of a quote bar (its open + its length). */
struct QuoteClose
{
    qint64 endMs = 0;
    double bid = 0, ask = 0;
};

/** What a backtest may know beyond the closes: each leg's quotes (ascending by end) and funding events
    (ascending by time), and the bar length (a bar opened at T closes, and its decision is taken, at
    T + barMs). Empty vectors: not available. */
struct BacktestMarket
{
    qint64 barMs = 0;
    std::vector<QuoteClose> quotesY, quotesX;
    std::vector<FundingEvent> fundingY, fundingX;
};

/** One trade: a maximal run of bars with the same non-zero side (entry at the close of entryBar,
    exit at the close of exitBar; an open trade is marked at the last bar). */
struct BacktestTrade
{
    int entryBar = 0, exitBar = 0;
    qint64 entryTimeMs = 0, exitTimeMs = 0;
    int side = 0; ///< +1 long spread, -1 short spread
    double entryZ = kNaN, exitZ = kNaN;
    double hedgeRatio = kNaN; ///< beta at entry (held for the whole trade)
    double quantityY = 0, quantityX = 0;
    int holdingBars = 0;
    double grossPnl = 0, costs = 0, netPnl = 0;
    double crossing = 0; ///< bid/ask spread crossed at entry and exit (quote fills; vs the closes)
    double funding = 0;  ///< funding received (+) or paid (-) over the trade's bars
    TradeExit exit = TradeExit::Open;
};

/** Summary of one run. Sharpe/Sortino over the per-bar net pnl_1..pnl_{n-1} (ddof 1 for Sharpe,
    downside deviation sqrt(mean(min(pnl,0)^2)) for Sortino), times sqrt(barsPerYear). Max drawdown of
    the net equity from max(0, running peak) (§12). Exposure = fraction of bars with a non-zero
    position; average holding time in bars over all trades (an open one counts to the last bar). */
struct BacktestSummary
{
    int bars = 0, trades = 0, wins = 0;
    double winRate = kNaN, grossPnl = 0, netPnl = 0, totalCost = 0;
    double crossing = 0;     ///< bid/ask spread crossed (quote fills), in the pnl's currency
    double funding = 0;      ///< funding received (+) or paid (-)
    int fundingEvents = 0;   ///< funding events that met an open position
    int staleQuoteFills = 0; ///< fills on a quote older than their bar (no quote update inside it)
    int unquotedFills = 0;   ///< quote fills at the close: a leg had no quote within maxQuoteAgeMs()
    double sharpe = kNaN, sharpeGross = kNaN, sortino = kNaN;
    double maxDrawdown = 0, maxDrawdownGross = 0;
    double exposure = 0, avgHoldingBars = kNaN;

    QJsonObject toJson() const;
    static BacktestSummary fromJson(const QJsonObject &o);
};

/** Input series of a run, computed once per (data, window, hedge method) and shared read-only by
    every cell of a sweep: closes, bar times, spread, z and the hedge ratio known at each close. */
struct PreparedBacktest
{
    AnalyticsStatus status = AnalyticsStatus::Ok;
    QString error;
    int window = 0;
    BacktestHedge hedge = BacktestHedge::StaticOls;
    std::vector<qint64> timeMs;
    std::vector<double> x, y, spread, zscore, beta;
    /** From a BacktestMarket (empty without one): each leg's bid/ask at the bar's end (NaN before the first
        quote), whether no quote update fell inside the bar (stale), and the funding booked at the bar,
        sum of rate * mark over the events met there (see backtestPair). */
    std::vector<double> bidY, askY, bidX, askX, fundingY, fundingX;
    std::vector<std::uint8_t> staleY, staleX;
    std::vector<int> fundingEventsAt; ///< funding events (both legs) booked at each bar
    bool hasQuotes() const { return !bidY.empty(); }
    bool hasFunding() const { return !fundingY.empty(); } ///< both legs had events
    bool ok() const { return status == AnalyticsStatus::Ok; }
    std::size_t size() const { return spread.size(); }
};

/** Computes spread, z and hedge ratios for `config.window`, `config.hedge` and `config.kalman`
    (timeMs may be empty: bar indices are used), and aligns the market's quotes and funding to the bars.
    Pure; any thread. */
std::shared_ptr<const PreparedBacktest> prepareBacktest(std::span<const double> x, std::span<const double> y,
                                                        std::span<const qint64> timeMs,
                                                        const BacktestConfig &config,
                                                        const BacktestMarket *market = nullptr);
/** Funding booked at each bar of one leg: an event at T goes to the bar t with close_{t-1} <= T < close_t
    (close = open time + barMs) as rate * mark (the leg's close of bar t-1 when the event has no mark);
    events before the first close or at/after the last are outside. eventsAt (size n) counts them. */
std::vector<double> fundingPerBar(std::span<const qint64> timeMs, qint64 barMs,
                                  const std::vector<FundingEvent> &events, std::span<const double> close,
                                  std::vector<int> *eventsAt = nullptr);
/** Fills inputs' quote and funding series from market (what prepareBacktest does with its market). */
void alignBacktestMarket(PreparedBacktest &inputs, const BacktestMarket &market);
/** The same for an aligned pair (x = regressor leg, y = dependent leg, bar open times). */
std::shared_ptr<const PreparedBacktest> prepareBacktest(const AlignedPair &pair, const BacktestConfig &config,
                                                        const BacktestMarket *market = nullptr);

/** Full result of one run: summary, trades and per-bar series (position, gross/net pnl, equity, drawdown). */
struct BacktestRun
{
    AnalyticsStatus status = AnalyticsStatus::Ok;
    QString error;
    BacktestConfig config;
    BacktestSummary summary;
    std::vector<BacktestTrade> trades;
    std::shared_ptr<const PreparedBacktest> inputs;
    std::vector<int> position;
    std::vector<double> pnlGross, pnlNet, costs, crossing, funding, equityGross, equityNet, drawdown;
    /** False with `error` set for bad data (status says which) or invalid parameters (status Ok). */
    bool ok() const { return status == AnalyticsStatus::Ok && error.isEmpty(); }

    /** CSV of the trades: entry_bar,exit_bar,entry_time_utc,exit_time_utc,side,entry_z,exit_z,hedge_ratio,
        qty_y,qty_x,holding_bars,gross_pnl,costs,net_pnl,exit,crossing,funding. */
    bool writeTradesCsv(QIODevice *device, QString *errorText = nullptr) const;
    /** CSV of the per-bar series: bar,time_utc,ts_ms,spread,z,beta,position,pnl_gross,pnl_net,equity_gross,
        equity_net,drawdown,costs,crossing,funding. */
    bool writeEquityCsv(QIODevice *device, QString *errorText = nullptr) const;
};

/** The position decided at a close from z and the previous position (the rule of backtestPair, below);
    `locked` carries the stop's lock-out from bar to bar, `stopped` says the stop closed a position. */
inline int nextPosition(double z, int prev, const BacktestConfig &c, bool &locked, bool &stopped)
{
    stopped = false;
    if (std::isnan(z))
        return 0;
    if (c.stopZ && std::fabs(z) > *c.stopZ) {
        locked = true;
        stopped = prev != 0;
        return 0;
    }
    if (locked) {
        if (std::fabs(z) < c.entryZ)
            locked = false;
        return 0;
    }
    if (z > c.entryZ)
        return -1;
    if (z < -c.entryZ)
        return 1;
    if (std::fabs(z) < c.exitZ)
        return 0;
    return prev;
}

/** Mean-reversion backtest with §12 timing: the position pos_t is decided at the close of bar t from
    z_t and pos_{t-1} and earns bar t+1; costs of a change are charged at bar t.

    Position rule (all comparisons strict, pos_{-1} = 0): z_t NaN -> 0; with a stop, |z_t| > stopZ -> 0
    and the pair is locked; while locked the position stays 0 until |z_t| < entryZ, which unlocks it
    (from the next bar on entries are allowed again; an entry needs |z| > entryZ, so the unlocking
    bar itself stays flat); otherwise §12: z_t > entryZ -> -1, z_t < -entryZ -> +1, |z_t| < exitZ -> 0,
    else keep pos_{t-1} (a jump across both bands flips). A NaN z_t neither sets nor clears the lock-out.

    Holdings: side s opened at bar a holds q_y = s*k, q_x = -s*k*beta_a, k = 1 (UnitSpread) or
    notional / (y_a + |beta_a| x_a); beta stays fixed for the trade. Gross pnl_t = q_y (y_t - y_{t-1}) +
    q_x (x_t - x_{t-1}) with the holdings of bar t-1; for StaticOls + UnitSpread it is computed as
    pos_{t-1} (s_t - s_{t-1}), which is the same in exact arithmetic and equals §12 bit for bit.
    Cost at bar t = spreadCost |side_t - side_{t-1}| + (feeBps + slippageBps) 1e-4 (|dq_y| y_t + |dq_x| x_t).
    Trades, equity, drawdowns, Sharpe as §12; trade net = gross - its entry cost - its exit cost
    (a flip's cost is split into the old trade's exit and the new trade's entry).

    Quote fills (config.fill Quotes): a leg's change dq at bar t fills at ask_t (dq > 0) or bid_t (dq < 0);
    gross pnl stays marked on the closes and the crossing |dq| (ask_t - close_t), resp. |dq| (close_t -
   bid_t), is charged at bar t; fees are taken on the fill price. With bid = ask = close the run equals the
   close fill. A leg whose last quote ended more than maxQuoteAgeMs() before the bar's end fills at its close
   (counted as unquoted); the crossing is charged on the net change of each leg. Funding
   (config.funding): an event at T is paid by the holdings in force at T, those decided at the last close at
   or before T (close of bar t-1 <= T < close of bar t), and booked at bar t: funding_t = -(q_y rate_y mark_y
   + q_x rate_x mark_x) (a long leg pays a positive rate); events before the first close or at/after the last
   one are outside the run. A missing mark price is taken as the leg's close of bar t-1. Net pnl_t = gross_t -
   cost_t - crossing_t + funding_t.

    With `seriesAndTrades` false only the summary is computed (for sweeps). Pure; any thread. */
BacktestRun backtestPair(const std::shared_ptr<const PreparedBacktest> &inputs, const BacktestConfig &config,
                         bool seriesAndTrades = true);
/** Why the prepared inputs cannot serve config's fill model or funding (no quotes, no quote where the first
    signal can be acted on, no funding events); empty when they can. backtestPair() checks it. */
QString backtestMarketProblem(const PreparedBacktest &inputs, const BacktestConfig &config);
/** Summary only; the same numbers as backtestPair(...).summary, without allocations. */
BacktestSummary backtestSummary(const PreparedBacktest &inputs, const BacktestConfig &config);

/** Sortino ratio of per-bar pnl_1..pnl_{n-1}: mean over the downside deviation sqrt(mean(min(pnl,0)^2)),
   times sqrt(barsPerYear); NaN for fewer than 3 bars or no losing bar. */
double sortinoRatio(std::span<const double> pnl, double barsPerYear);

/** Checks a configuration (thresholds, window, costs); returns an empty string when valid. */
QString validateBacktestConfig(const BacktestConfig &config);

QString backtestHedgeKey(BacktestHedge m);
BacktestHedge backtestHedgeFromKey(const QString &key);
QString tradeExitKey(TradeExit e);

} // namespace pairlab

Q_DECLARE_METATYPE(pairlab::BacktestRun)
Q_DECLARE_METATYPE(pairlab::BacktestSummary)
