#include "backtest/backtest_engine.h"

#include "analytics/backtest.h"

#include "analytics/pair_analysis.h"
#include "analytics/regression.h"
#include "analytics/rolling.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QIODevice>
#include <QJsonValue>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace pairlab {

namespace {

// Every message of this file is in the translation context "Backtest" (lupdate reads the macro).
struct BacktestText
{
    Q_DECLARE_TR_FUNCTIONS(Backtest)
};

double jsonDouble(const QJsonObject &o, const char *key, double fallback)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isNull() && o.contains(QLatin1String(key)))
        return kNaN;
    return v.isDouble() ? v.toDouble() : fallback;
}

QJsonValue jsonNumber(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

struct TradeMark
{
    int entry, exit; ///< exit = -1 while open
    int side;
    double entryCost, exitCost;
    double entryCrossing, exitCrossing;
    double qy, qx, beta;
    TradeExit reason;
};

/** Per-thread scratch of the summary-only path: no allocation per sweep cell after the first. */
struct Scratch
{
    std::vector<double> pnlGross, pnlNet;
    std::vector<TradeMark> trades;
};

/** The simulation shared by full runs and sweep cells. Fills `run` when it is not null. */
BacktestSummary simulate(const PreparedBacktest &in, const BacktestConfig &c, Scratch &sc, BacktestRun *run)
{
    const std::size_t n = in.size();
    const double *s = in.spread.data();
    const double *z = in.zscore.data();
    const double *x = in.x.data();
    const double *y = in.y.data();
    const double *beta = in.beta.data();
    const bool spreadPnl = in.hedge == BacktestHedge::StaticOls && c.sizing == PositionSizing::UnitSpread;
    const double rate = (c.feeBps + c.slippageBps) * 1e-4;
    const bool quotes = c.fill == FillModel::Quotes && in.hasQuotes();
    const bool funding = c.funding && in.hasFunding();

    sc.pnlGross.resize(n);
    sc.pnlNet.resize(n);
    sc.trades.clear();
    if (run) {
        run->position.assign(n, 0);
        run->costs.assign(n, 0.0);
        run->crossing.assign(n, 0.0);
        run->funding.assign(n, 0.0);
        run->equityGross.assign(n, 0.0);
        run->equityNet.assign(n, 0.0);
        run->drawdown.assign(n, 0.0);
    }
    BacktestSummary sum;
    sum.bars = int(n);
    int prev = 0;
    bool locked = false;
    double qy = 0, qx = 0;
    double eqG = 0, eqN = 0, peakG = 0, peakN = 0;
    std::size_t inPosition = 0;
    for (std::size_t t = 0; t < n; ++t) {
        double gross = 0.0, fund = 0.0;
        if (t > 0 && prev != 0) {
            gross = spreadPnl ? prev * (s[t] - s[t - 1]) : qy * (y[t] - y[t - 1]) + qx * (x[t] - x[t - 1]);
            if (funding && in.fundingEventsAt[t] > 0) {
                fund = -(qy * in.fundingY[t] + qx * in.fundingX[t]);
                sum.fundingEvents += in.fundingEventsAt[t];
            }
        }

        bool stopped = false;
        int pos = nextPosition(z[t], prev, c, locked, stopped);
        const bool closing = c.closeAtEnd && t + 1 == n && pos != 0;
        if (closing)
            pos = 0;

        double cost = c.spreadCost * std::abs(pos - prev);
        double crossing = 0.0;
        if (pos != prev) {
            double nqy = 0, nqx = 0;
            if (pos != 0) {
                const double k = c.sizing == PositionSizing::Notional
                                     ? c.notional / (y[t] + std::fabs(beta[t]) * x[t])
                                     : 1.0;
                nqy = pos * k;
                nqx = -pos * k * beta[t];
            }
            double exitCost = c.spreadCost * std::abs(prev);
            double entryCost = c.spreadCost * std::abs(pos);
            // Fill prices: the closes, or the side of the quote a leg's net change crosses (one price per leg
            // for the exit and entry parts of a flip: they are one order). A leg without a usable quote (none
            // within the age limit) fills at its close and is counted.
            double py = y[t], px = x[t];
            double exitCrossing = 0.0, entryCrossing = 0.0;
            if (quotes) {
                const double dqy = nqy - qy, dqx = nqx - qx;
                const bool noQuoteY = dqy != 0 && std::isnan(in.bidY[t]);
                const bool noQuoteX = dqx != 0 && std::isnan(in.bidX[t]);
                if (!noQuoteY)
                    py = dqy > 0 ? in.askY[t] : dqy < 0 ? in.bidY[t] : y[t];
                if (!noQuoteX)
                    px = dqx > 0 ? in.askX[t] : dqx < 0 ? in.bidX[t] : x[t];
                // What crossing costs per unit against the close (negative when the close lies outside the
                // quote), on the net quantity traded; the exit part is what closes the old holding.
                const double cy = dqy > 0 ? py - y[t] : dqy < 0 ? y[t] - py : 0.0;
                const double cx = dqx > 0 ? px - x[t] : dqx < 0 ? x[t] - px : 0.0;
                crossing = std::fabs(dqy) * cy + std::fabs(dqx) * cx;
                exitCrossing = std::min(std::fabs(qy), std::fabs(dqy)) * cy +
                               std::min(std::fabs(qx), std::fabs(dqx)) * cx;
                entryCrossing = crossing - exitCrossing;
                if (noQuoteY || noQuoteX)
                    ++sum.unquotedFills;
                else if ((dqy != 0 && in.staleY[t]) || (dqx != 0 && in.staleX[t]))
                    ++sum.staleQuoteFills;
            }
            if (rate > 0) {
                const double exitFee = rate * (std::fabs(qy) * py + std::fabs(qx) * px);
                const double entryFee = rate * (std::fabs(nqy) * py + std::fabs(nqx) * px);
                exitCost += exitFee;
                entryCost += entryFee;
                cost += rate * (std::fabs(nqy - qy) * py + std::fabs(nqx - qx) * px);
            }
            if (prev != 0) {
                TradeMark &open = sc.trades.back();
                open.exit = int(t);
                open.exitCost = exitCost;
                open.exitCrossing = exitCrossing;
                open.reason = pos != 0  ? TradeExit::Flip
                              : closing ? TradeExit::End
                              : stopped ? TradeExit::Stop
                                        : TradeExit::Exit;
            }
            if (pos != 0)
                sc.trades.push_back({int(t), -1, pos, entryCost, 0.0, entryCrossing, 0.0, nqy, nqx, beta[t],
                                     TradeExit::Open});
            qy = nqy;
            qx = nqx;
        }
        const double net = gross - cost - crossing + fund;
        sc.pnlGross[t] = gross;
        sc.pnlNet[t] = net;
        sum.totalCost += cost;
        sum.crossing += crossing;
        sum.funding += fund;
        eqG = (t ? eqG : 0.0) + gross;
        eqN = (t ? eqN : 0.0) + net;
        peakG = std::max(peakG, eqG);
        peakN = std::max(peakN, eqN);
        sum.maxDrawdownGross = std::max(sum.maxDrawdownGross, peakG - eqG);
        sum.maxDrawdown = std::max(sum.maxDrawdown, peakN - eqN);
        if (pos != 0)
            ++inPosition;
        if (run) {
            run->position[t] = pos;
            run->costs[t] = cost;
            run->crossing[t] = crossing;
            run->funding[t] = fund;
            run->equityGross[t] = eqG;
            run->equityNet[t] = eqN;
            run->drawdown[t] = peakN - eqN;
        }
        prev = pos;
    }
    if (n == 0)
        return sum;
    sum.grossPnl = eqG;
    sum.netPnl = eqN;
    double holding = 0;
    if (run)
        run->trades.reserve(sc.trades.size());
    for (const TradeMark &m : sc.trades) {
        const bool closed = m.exit >= 0;
        const int exitBar = closed ? m.exit : int(n) - 1;
        const double crossed = m.entryCrossing + (closed ? m.exitCrossing : 0.0);
        double net = -m.entryCost - (closed ? m.exitCost : 0.0) - crossed;
        double gross = 0, fund = 0;
        for (int t = m.entry + 1; t <= exitBar; ++t) {
            net += sc.pnlGross[std::size_t(t)];
            gross += sc.pnlGross[std::size_t(t)];
        }
        if (funding) {
            // The trade's holdings are the ones in force over bars entry+1..exit.
            for (int t = m.entry + 1; t <= exitBar; ++t)
                fund -= m.qy * in.fundingY[std::size_t(t)] + m.qx * in.fundingX[std::size_t(t)];
            net += fund;
        }
        ++sum.trades;
        if (net > 0)
            ++sum.wins;
        holding += exitBar - m.entry;
        if (run) {
            BacktestTrade tr;
            tr.entryBar = m.entry;
            tr.exitBar = exitBar;
            tr.entryTimeMs = in.timeMs[std::size_t(m.entry)];
            tr.exitTimeMs = in.timeMs[std::size_t(exitBar)];
            tr.side = m.side;
            tr.entryZ = z[m.entry];
            tr.exitZ = z[exitBar];
            tr.hedgeRatio = m.beta;
            tr.quantityY = m.qy;
            tr.quantityX = m.qx;
            tr.holdingBars = exitBar - m.entry;
            tr.grossPnl = gross;
            tr.costs = m.entryCost + (closed ? m.exitCost : 0.0);
            tr.netPnl = net;
            tr.crossing = crossed;
            tr.funding = fund;
            tr.exit = m.reason;
            run->trades.push_back(tr);
        }
    }
    sum.winRate = sum.trades > 0 ? double(sum.wins) / sum.trades : kNaN;
    sum.avgHoldingBars = sum.trades > 0 ? holding / sum.trades : kNaN;
    sum.exposure = double(inPosition) / double(n);
    sum.sharpe = annualisedSharpe(std::span<const double>(sc.pnlNet).first(n), c.barsPerYear);
    sum.sharpeGross = annualisedSharpe(std::span<const double>(sc.pnlGross).first(n), c.barsPerYear);
    sum.sortino = sortinoRatio(std::span<const double>(sc.pnlNet).first(n), c.barsPerYear);
    if (run) {
        run->pnlGross = sc.pnlGross;
        run->pnlNet = sc.pnlNet;
    }
    return sum;
}

Scratch &threadScratch()
{
    thread_local Scratch scratch;
    return scratch;
}

} // namespace

/** Each leg's last quote at or before each bar's end (forward-filled; stale when none ended inside the bar)
    and the funding booked at each bar: an event at T goes to the bar t with close_{t-1} <= T < close_t. */
void alignBacktestMarket(PreparedBacktest &p, const BacktestMarket &m)
{
    const std::size_t n = p.size();
    const qint64 barMs = std::max<qint64>(m.barMs, 1);
    const qint64 maxAge = maxQuoteAgeMs(barMs);
    auto quotesFor = [&](const std::vector<QuoteClose> &q, std::vector<double> &bid, std::vector<double> &ask,
                         std::vector<std::uint8_t> &stale) {
        bid.assign(n, kNaN);
        ask.assign(n, kNaN);
        stale.assign(n, 1);
        std::size_t k = 0;
        double b = kNaN, a = kNaN;
        qint64 lastEnd = std::numeric_limits<qint64>::min();
        for (std::size_t t = 0; t < n; ++t) {
            const qint64 end = p.timeMs[t] + barMs;
            while (k < q.size() && q[k].endMs <= end) {
                b = q[k].bid;
                a = q[k].ask;
                lastEnd = q[k].endMs;
                ++k;
            }
            // Too old to trade on (the stream stopped, quotes began later): no quote at this bar.
            const bool usable = k > 0 && end - lastEnd <= maxAge; // k == 0: no quote yet
            bid[t] = usable ? b : kNaN;
            ask[t] = usable ? a : kNaN;
            stale[t] = lastEnd <= p.timeMs[t] ? 1 : 0;
        }
    };
    if (!m.quotesY.empty() && !m.quotesX.empty()) {
        quotesFor(m.quotesY, p.bidY, p.askY, p.staleY);
        quotesFor(m.quotesX, p.bidX, p.askX, p.staleX);
    }
    if (m.fundingY.empty() || m.fundingX.empty())
        return; // funding of one leg only would be half the cost: none (backtestMarketProblem says so)
    p.fundingEventsAt.assign(n, 0);
    p.fundingY = fundingPerBar(p.timeMs, barMs, m.fundingY, p.y, &p.fundingEventsAt);
    p.fundingX = fundingPerBar(p.timeMs, barMs, m.fundingX, p.x, &p.fundingEventsAt);
}

std::vector<double> fundingPerBar(std::span<const qint64> timeMs, qint64 barMs,
                                  const std::vector<FundingEvent> &events, std::span<const double> close,
                                  std::vector<int> *eventsAt)
{
    const std::size_t n = timeMs.size();
    std::vector<double> out(n, 0.0);
    std::size_t t = 1;
    for (const FundingEvent &e : events) {
        if (n < 2 || e.timeMs < timeMs[0] + barMs)
            continue; // before the first decision: nothing is held
        while (t < n && timeMs[t] + barMs <= e.timeMs)
            ++t;
        if (t >= n)
            break; // at or after the last close: outside the run
        const double mark = std::isfinite(e.markPrice) ? e.markPrice : close[t - 1];
        out[t] += e.rate * mark;
        if (eventsAt)
            ++(*eventsAt)[t];
    }
    return out;
}

double sortinoRatio(std::span<const double> pnl, double barsPerYear)
{
    const std::size_t n = pnl.size();
    if (n < 3)
        return kNaN;
    double sum = 0, down = 0;
    for (std::size_t t = 1; t < n; ++t) {
        sum += pnl[t];
        const double d = std::min(pnl[t], 0.0);
        down += d * d;
    }
    const double m = sum / double(n - 1);
    const double dd = std::sqrt(down / double(n - 1));
    return dd > 0 ? m / dd * std::sqrt(barsPerYear) : kNaN;
}

QString backtestHedgeKey(BacktestHedge m)
{
    switch (m) {
    case BacktestHedge::StaticOls:
        return QStringLiteral("static_ols");
    case BacktestHedge::RollingOls:
        return QStringLiteral("rolling_ols");
    case BacktestHedge::Kalman:
        return QStringLiteral("kalman");
    }
    return QStringLiteral("static_ols");
}

BacktestHedge backtestHedgeFromKey(const QString &key)
{
    if (key == QLatin1String("rolling_ols"))
        return BacktestHedge::RollingOls;
    if (key == QLatin1String("kalman"))
        return BacktestHedge::Kalman;
    return BacktestHedge::StaticOls;
}

QString tradeExitKey(TradeExit e)
{
    switch (e) {
    case TradeExit::Exit:
        return QStringLiteral("exit");
    case TradeExit::Stop:
        return QStringLiteral("stop");
    case TradeExit::Flip:
        return QStringLiteral("flip");
    case TradeExit::Open:
        return QStringLiteral("open");
    case TradeExit::End:
        return QStringLiteral("end");
    }
    return QString();
}

QJsonObject BacktestConfig::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1String("entry_z"), entryZ);
    o.insert(QLatin1String("exit_z"), exitZ);
    o.insert(QLatin1String("stop_z"), stopZ ? QJsonValue(*stopZ) : QJsonValue(QJsonValue::Null));
    o.insert(QLatin1String("window"), window);
    o.insert(QLatin1String("hedge"), backtestHedgeKey(hedge));
    o.insert(QLatin1String("kalman_delta"), kalman.delta);
    o.insert(QLatin1String("kalman_r"), kalman.r);
    o.insert(QLatin1String("spread_cost"), spreadCost);
    o.insert(QLatin1String("fee_bps"), feeBps);
    o.insert(QLatin1String("slippage_bps"), slippageBps);
    o.insert(QLatin1String("sizing"),
             sizing == PositionSizing::Notional ? QStringLiteral("notional") : QStringLiteral("unit_spread"));
    o.insert(QLatin1String("notional"), notional);
    o.insert(QLatin1String("bars_per_year"), barsPerYear);
    o.insert(QLatin1String("fill"),
             fill == FillModel::Quotes ? QStringLiteral("quotes") : QStringLiteral("closes"));
    o.insert(QLatin1String("funding"), funding);
    if (closeAtEnd)
        o.insert(QLatin1String("close_at_end"), true);
    return o;
}

BacktestConfig BacktestConfig::fromJson(const QJsonObject &o)
{
    BacktestConfig c;
    c.entryZ = jsonDouble(o, "entry_z", c.entryZ);
    c.exitZ = jsonDouble(o, "exit_z", c.exitZ);
    const QJsonValue stop = o.value(QLatin1String("stop_z"));
    if (stop.isDouble())
        c.stopZ = stop.toDouble();
    c.window = o.value(QLatin1String("window")).toInt(c.window);
    c.hedge = backtestHedgeFromKey(o.value(QLatin1String("hedge")).toString());
    c.kalman.delta = jsonDouble(o, "kalman_delta", c.kalman.delta);
    c.kalman.r = jsonDouble(o, "kalman_r", c.kalman.r);
    c.spreadCost = jsonDouble(o, "spread_cost", c.spreadCost);
    c.feeBps = jsonDouble(o, "fee_bps", c.feeBps);
    c.slippageBps = jsonDouble(o, "slippage_bps", c.slippageBps);
    c.sizing = o.value(QLatin1String("sizing")).toString() == QLatin1String("notional")
                   ? PositionSizing::Notional
                   : PositionSizing::UnitSpread;
    c.notional = jsonDouble(o, "notional", c.notional);
    c.barsPerYear = jsonDouble(o, "bars_per_year", c.barsPerYear);
    c.fill = o.value(QLatin1String("fill")).toString() == QLatin1String("quotes") ? FillModel::Quotes
                                                                                  : FillModel::Closes;
    c.funding = o.value(QLatin1String("funding")).toBool(false);
    c.closeAtEnd = o.value(QLatin1String("close_at_end")).toBool(false);
    return c;
}

QJsonObject BacktestSummary::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1String("bars"), bars);
    o.insert(QLatin1String("trades"), trades);
    o.insert(QLatin1String("wins"), wins);
    o.insert(QLatin1String("win_rate"), jsonNumber(winRate));
    o.insert(QLatin1String("gross_pnl"), jsonNumber(grossPnl));
    o.insert(QLatin1String("net_pnl"), jsonNumber(netPnl));
    o.insert(QLatin1String("total_cost"), jsonNumber(totalCost));
    o.insert(QLatin1String("sharpe"), jsonNumber(sharpe));
    o.insert(QLatin1String("sharpe_gross"), jsonNumber(sharpeGross));
    o.insert(QLatin1String("sortino"), jsonNumber(sortino));
    o.insert(QLatin1String("max_drawdown"), jsonNumber(maxDrawdown));
    o.insert(QLatin1String("max_drawdown_gross"), jsonNumber(maxDrawdownGross));
    o.insert(QLatin1String("exposure"), jsonNumber(exposure));
    o.insert(QLatin1String("avg_holding_bars"), jsonNumber(avgHoldingBars));
    o.insert(QLatin1String("crossing"), jsonNumber(crossing));
    o.insert(QLatin1String("funding"), jsonNumber(funding));
    o.insert(QLatin1String("funding_events"), fundingEvents);
    o.insert(QLatin1String("stale_quote_fills"), staleQuoteFills);
    o.insert(QLatin1String("unquoted_fills"), unquotedFills);
    return o;
}

BacktestSummary BacktestSummary::fromJson(const QJsonObject &o)
{
    BacktestSummary s;
    s.bars = o.value(QLatin1String("bars")).toInt();
    s.trades = o.value(QLatin1String("trades")).toInt();
    s.wins = o.value(QLatin1String("wins")).toInt();
    s.winRate = jsonDouble(o, "win_rate", kNaN);
    s.grossPnl = jsonDouble(o, "gross_pnl", 0);
    s.netPnl = jsonDouble(o, "net_pnl", 0);
    s.totalCost = jsonDouble(o, "total_cost", 0);
    s.sharpe = jsonDouble(o, "sharpe", kNaN);
    s.sharpeGross = jsonDouble(o, "sharpe_gross", kNaN);
    s.sortino = jsonDouble(o, "sortino", kNaN);
    s.maxDrawdown = jsonDouble(o, "max_drawdown", 0);
    s.maxDrawdownGross = jsonDouble(o, "max_drawdown_gross", 0);
    s.exposure = jsonDouble(o, "exposure", 0);
    s.avgHoldingBars = jsonDouble(o, "avg_holding_bars", kNaN);
    s.crossing = jsonDouble(o, "crossing", 0);
    s.funding = jsonDouble(o, "funding", 0);
    s.fundingEvents = o.value(QLatin1String("funding_events")).toInt();
    s.staleQuoteFills = o.value(QLatin1String("stale_quote_fills")).toInt();
    s.unquotedFills = o.value(QLatin1String("unquoted_fills")).toInt();
    return s;
}

QString validateBacktestConfig(const BacktestConfig &c)
{
    if (!(c.entryZ > 0) || !std::isfinite(c.entryZ))
        return BacktestText::tr("the entry threshold must be a positive number");
    if (!(c.exitZ >= 0) || !(c.exitZ < c.entryZ))
        return BacktestText::tr("the exit threshold must be at least 0 and below the entry threshold");
    if (c.stopZ && (!std::isfinite(*c.stopZ) || !(*c.stopZ > c.entryZ)))
        return BacktestText::tr("the stop threshold must be above the entry threshold");
    if (c.window < 2)
        return BacktestText::tr("the window must have at least 2 bars");
    if (!(c.spreadCost >= 0) || !(c.feeBps >= 0) || !(c.slippageBps >= 0))
        return BacktestText::tr("costs must not be negative");
    if (c.sizing == PositionSizing::Notional && !(c.notional > 0))
        return BacktestText::tr("the notional per trade must be positive");
    if (!(c.barsPerYear > 0))
        return BacktestText::tr("bars per year must be positive");
    return QString();
}

std::shared_ptr<const PreparedBacktest> prepareBacktest(std::span<const double> x, std::span<const double> y,
                                                        std::span<const qint64> timeMs,
                                                        const BacktestConfig &c, const BacktestMarket *market)
{
    auto p = std::make_shared<PreparedBacktest>();
    p->window = c.window;
    p->hedge = c.hedge;
    const std::size_t n = x.size();
    auto failWith = [&](AnalyticsStatus status, const QString &why) {
        p->status = status;
        p->error = why;
        return p;
    };
    if (y.size() != n || (!timeMs.empty() && timeMs.size() != n))
        return failWith(AnalyticsStatus::SizeMismatch, BacktestText::tr("the series have different lengths"));
    if (n == 0)
        return failWith(AnalyticsStatus::EmptyInput, BacktestText::tr("there are no bars"));
    if (!allFinite(x) || !allFinite(y))
        return failWith(AnalyticsStatus::NonFinite, BacktestText::tr("the prices contain non-finite values"));
    if (c.window < 2)
        return failWith(AnalyticsStatus::TooFewRows,
                        BacktestText::tr("the window must have at least 2 bars"));
    p->x.assign(x.begin(), x.end());
    p->y.assign(y.begin(), y.end());
    p->timeMs.resize(n);
    for (std::size_t t = 0; t < n; ++t)
        p->timeMs[t] = timeMs.empty() ? qint64(t) : timeMs[t];
    switch (c.hedge) {
    case BacktestHedge::StaticOls: {
        const OlsResult ols = olsFit(x, y);
        if (!ols.ok())
            return failWith(
                ols.status,
                BacktestText::tr("the static regression failed: %1").arg(analyticsStatusText(ols.status)));
        p->spread = spreadSeries(x, y, ols.alpha, ols.beta);
        p->zscore = rollingZScore(p->spread, c.window);
        p->beta.assign(n, ols.beta);
        break;
    }
    case BacktestHedge::RollingOls: {
        // OLS over bars t-W..t-1 from O(1) sliding moments: beta = Sxy/Sxx, alpha = mean(y) - beta mean(x).
        p->spread.assign(n, kNaN);
        p->beta.assign(n, kNaN);
        RollingMoments mx(c.window), my(c.window);
        RollingCorrelation cxy(c.window);
        for (std::size_t t = 0; t < n; ++t) {
            if (mx.full()) {
                double sxx, syy, sxy;
                cxy.comoments(sxx, syy, sxy);
                if (sxx > 0) {
                    const double b = sxy / sxx;
                    const double a = my.mean() - b * mx.mean();
                    p->beta[t] = b;
                    p->spread[t] = y[t] - (a + b * x[t]);
                }
            }
            mx.push(x[t]);
            my.push(y[t]);
            cxy.push(x[t], y[t]);
        }
        p->zscore.assign(n, kNaN);
        std::size_t first = 0;
        while (first < n && std::isnan(p->spread[first]))
            ++first;
        // z over contiguous defined spread values (a constant window leaves a gap: restart after it).
        while (first < n) {
            std::size_t end = first;
            while (end < n && !std::isnan(p->spread[end]))
                ++end;
            const std::vector<double> zz =
                rollingZScore(std::span<const double>(p->spread).subspan(first, end - first), c.window);
            std::copy(zz.begin(), zz.end(), p->zscore.begin() + std::ptrdiff_t(first));
            first = end;
            while (first < n && std::isnan(p->spread[first]))
                ++first;
        }
        break;
    }
    case BacktestHedge::Kalman: {
        KalmanSpread k = kalmanSpread(x, y, c.window, c.kalman.delta);
        if (!k.ok())
            return failWith(
                k.status,
                BacktestText::tr("the Kalman filter failed: %1").arg(analyticsStatusText(k.status)));
        p->spread = std::move(k.innovation);
        p->zscore = std::move(k.zscore);
        p->beta = std::move(k.beta);
        break;
    }
    }
    if (market)
        alignBacktestMarket(*p, *market);
    return p;
}

std::shared_ptr<const PreparedBacktest> prepareBacktest(const AlignedPair &pair, const BacktestConfig &config,
                                                        const BacktestMarket *market)
{
    return prepareBacktest(pair.x, pair.y, pair.timeMs, config, market);
}

QString backtestMarketProblem(const PreparedBacktest &in, const BacktestConfig &c)
{
    if (c.funding && !in.hasFunding())
        return BacktestText::tr("funding events of both legs are needed, and one has none stored over these "
                                "bars (fetch them with "
                                "pairlab-cli history --funding)");
    if (c.fill != FillModel::Quotes)
        return QString();
    if (!in.hasQuotes())
        return BacktestText::tr("no quotes are stored for these bars: quote fills need the legs' bid/ask "
                                "(stream bookTicker or ingest a recording with quotes)");
    // Fills on bars without a usable quote go at the close and are counted (BacktestSummary::unquotedFills).
    return QString();
}

BacktestRun backtestPair(const std::shared_ptr<const PreparedBacktest> &inputs, const BacktestConfig &config,
                         bool seriesAndTrades)
{
    BacktestRun run;
    run.config = config;
    run.inputs = inputs;
    if (!inputs || !inputs->ok()) {
        run.status = inputs ? inputs->status : AnalyticsStatus::EmptyInput;
        run.error = inputs ? inputs->error : BacktestText::tr("there are no bars");
        if (run.error.isEmpty())
            run.error = analyticsStatusText(run.status);
        return run;
    }
    if (inputs->window != config.window || inputs->hedge != config.hedge) {
        run.error = BacktestText::tr("the prepared series were computed for another window or hedge method");
        return run;
    }
    QString invalid = validateBacktestConfig(config);
    if (invalid.isEmpty())
        invalid = backtestMarketProblem(*inputs, config);
    if (!invalid.isEmpty()) {
        run.error = invalid;
        return run;
    }
    run.summary = simulate(*inputs, config, threadScratch(), seriesAndTrades ? &run : nullptr);
    return run;
}

BacktestSummary backtestSummary(const PreparedBacktest &inputs, const BacktestConfig &config)
{
    return simulate(inputs, config, threadScratch(), nullptr);
}

namespace {

QString utc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QString num(double v)
{
    return std::isnan(v) ? QString() : QString::number(v, 'g', 17);
}

bool writeAll(QIODevice *device, const QByteArray &text, QString *error)
{
    if (device->write(text) != text.size()) {
        if (error)
            *error = device->errorString();
        return false;
    }
    return true;
}

} // namespace

bool BacktestRun::writeTradesCsv(QIODevice *device, QString *errorText) const
{
    QByteArray text =
        "entry_bar,exit_bar,entry_time_utc,exit_time_utc,side,entry_z,exit_z,hedge_ratio,qty_y,qty_x,"
        "holding_bars,gross_pnl,costs,net_pnl,exit,crossing,funding\n";
    for (const BacktestTrade &t : trades) {
        const QStringList row = {QString::number(t.entryBar),
                                 QString::number(t.exitBar),
                                 utc(t.entryTimeMs),
                                 utc(t.exitTimeMs),
                                 QString::number(t.side),
                                 num(t.entryZ),
                                 num(t.exitZ),
                                 num(t.hedgeRatio),
                                 num(t.quantityY),
                                 num(t.quantityX),
                                 QString::number(t.holdingBars),
                                 num(t.grossPnl),
                                 num(t.costs),
                                 num(t.netPnl),
                                 tradeExitKey(t.exit),
                                 num(t.crossing),
                                 num(t.funding)};
        text += row.join(QLatin1Char(',')).toUtf8();
        text += '\n';
    }
    return writeAll(device, text, errorText);
}

bool BacktestRun::writeEquityCsv(QIODevice *device, QString *errorText) const
{
    QByteArray text =
        "bar,time_utc,ts_ms,spread,z,beta,position,pnl_gross,pnl_net,equity_gross,equity_net,drawdown,costs,"
        "crossing,funding\n";
    if (inputs && position.size() == inputs->size()) {
        for (std::size_t t = 0; t < position.size(); ++t) {
            const QStringList row = {QString::number(t),
                                     utc(inputs->timeMs[t]),
                                     QString::number(inputs->timeMs[t]),
                                     num(inputs->spread[t]),
                                     num(inputs->zscore[t]),
                                     num(inputs->beta[t]),
                                     QString::number(position[t]),
                                     num(pnlGross[t]),
                                     num(pnlNet[t]),
                                     num(equityGross[t]),
                                     num(equityNet[t]),
                                     num(drawdown[t]),
                                     num(costs[t]),
                                     num(crossing[t]),
                                     num(funding[t])};
            text += row.join(QLatin1Char(',')).toUtf8();
            text += '\n';
        }
    }
    return writeAll(device, text, errorText);
}

} // namespace pairlab
