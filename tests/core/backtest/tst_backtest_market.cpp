#include "backtest/backtest_engine.h"
#include "backtest/backtest_market.h"
#include "backtest_test_data.h"

#include "analytics/pair_analysis.h"

#include "core/klines_mock.h"
#include "storage/database.h"
#include "storage/funding_store.h"
#include "storage/quote_store.h"
#include "test_database.h"
#include "test_util.h"

#include <QtTest>

using namespace pairlab;

/** Backtests on executable prices: quote fills (a buy crosses the ask, a sell the bid) and funding accrual
    per leg at the mark price, against hand computations and real Binance funding; FundingStore; the market
    a backtest reads from the database. */
class TestBacktestMarket : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void quotesAtTheClosesEqualTheCloseFill_data();
    void quotesAtTheClosesEqualTheCloseFill();
    void quoteFillsCrossTheSpread();
    void missingAndStaleQuotes();
    void fundingHandComputed();
    void crossingIsChargedOnTheNetChangeOfEachLeg();
    void fundingOnRealRatesEqualsAHandComputation();
    void fundingStoreKeepsEachEventOnce();
    void marketLoadedFromTheDatabase();
};

namespace {

constexpr qint64 MinuteMs = 60000;

/** Quotes of every bar end at the given distance below (bid) and above (ask) the closes. */
std::vector<QuoteClose> quotesAround(const std::vector<qint64> &timeMs, const std::vector<double> &close,
                                     qint64 barMs, double below, double above)
{
    std::vector<QuoteClose> q;
    for (std::size_t t = 0; t < close.size(); ++t)
        q.push_back({timeMs[t] + barMs, close[t] - below, close[t] + above});
    return q;
}

/** Spread and z by hand for the funding case: positions come from z alone (§12 rule). */
std::shared_ptr<PreparedBacktest> handInputs(std::vector<double> z, std::vector<double> x,
                                             std::vector<double> y, double beta)
{
    auto p = std::make_shared<PreparedBacktest>();
    p->hedge = BacktestHedge::RollingOls; // legs path: pnl from the quantities
    p->window = 3;
    const std::size_t n = z.size();
    p->spread.assign(n, 0.0);
    p->zscore = std::move(z);
    p->x = std::move(x);
    p->y = std::move(y);
    p->beta.assign(n, beta);
    for (std::size_t t = 0; t < n; ++t)
        p->timeMs.push_back(1747000000000 / MinuteMs * MinuteMs + qint64(t) * MinuteMs);
    return p;
}

struct RealPair
{
    AlignedPair pair;
    std::vector<FundingEvent> fundingY, fundingX;
};

/** Real 1 m closes of ETHUSDT (y) and BTCUSDT (x), 2025-05-10 .. 2025-05-20 UTC, and their real funding. */
RealPair realEthBtc()
{
    const std::vector<Bar> eth = test::universeMinutes(QStringLiteral("ETHUSDT"));
    const std::vector<Bar> btc = test::universeMinutes(QStringLiteral("BTCUSDT"));
    const qint64 from =
        QDateTime::fromString(QStringLiteral("2025-05-10T00:00:00Z"), Qt::ISODate).toMSecsSinceEpoch();
    const qint64 to = from + 10 * 86400000LL;
    CloseSeries x{QStringLiteral("BTCUSDT"), {}, {}}, y{QStringLiteral("ETHUSDT"), {}, {}};
    for (const Bar &b : btc)
        if (b.openMs >= from && b.openMs < to) {
            x.openTimeMs.push_back(b.openMs);
            x.close.push_back(b.close);
        }
    for (const Bar &b : eth)
        if (b.openMs >= from && b.openMs < to) {
            y.openTimeMs.push_back(b.openMs);
            y.close.push_back(b.close);
        }
    RealPair r;
    r.pair = alignOnOpenTime(x, y);
    r.fundingY = test::universeFunding(QStringLiteral("ETHUSDT"));
    r.fundingX = test::universeFunding(QStringLiteral("BTCUSDT"));
    return r;
}

/** Runs fn on a writer connection of the scratch database. */
template <typename F> void withWriter(const QString &spec, F &&fn)
{
    QString error;
    const QString name = QStringLiteral("tst_backtest_market_writer");
    {
        QSqlDatabase db = Database::open(spec, name, &error);
        QVERIFY2(db.isValid(), qPrintable(error));
        fn(db);
    }
    Database::close(name);
}

} // namespace

void TestBacktestMarket::quotesAtTheClosesEqualTheCloseFill_data()
{
    QTest::addColumn<int>("hedge");
    QTest::addColumn<bool>("notional");
    QTest::newRow("static unit") << int(BacktestHedge::StaticOls) << false;
    QTest::newRow("rolling notional") << int(BacktestHedge::RollingOls) << true;
    QTest::newRow("kalman notional") << int(BacktestHedge::Kalman) << true;
}

void TestBacktestMarket::quotesAtTheClosesEqualTheCloseFill()
{
    QFETCH(int, hedge);
    QFETCH(bool, notional);
    const auto data = test::syntheticPair(4000, 5);
    BacktestConfig c;
    c.hedge = BacktestHedge(hedge);
    c.window = 120;
    c.entryZ = 1.5;
    c.feeBps = 4;
    c.slippageBps = 1;
    c.sizing = notional ? PositionSizing::Notional : PositionSizing::UnitSpread;
    BacktestMarket m;
    m.barMs = 1000;
    m.quotesY = quotesAround(data.timeMs, data.y, m.barMs, 0, 0);
    m.quotesX = quotesAround(data.timeMs, data.x, m.barMs, 0, 0);
    const auto in = prepareBacktest(data.x, data.y, data.timeMs, c, &m);
    const BacktestRun closes = backtestPair(in, c);
    c.fill = FillModel::Quotes;
    const BacktestRun quotes = backtestPair(in, c);
    QVERIFY2(closes.ok() && quotes.ok(), qPrintable(closes.error + quotes.error));
    QVERIFY(closes.summary.trades > 10);
    // bid = ask = close: every number the same, bit for bit.
    QCOMPARE(quotes.summary.toJson(), closes.summary.toJson());
    QCOMPARE(quotes.pnlNet, closes.pnlNet);
    QCOMPARE(quotes.trades.size(), closes.trades.size());
    for (std::size_t k = 0; k < closes.trades.size(); ++k)
        QCOMPARE(quotes.trades[k].netPnl, closes.trades[k].netPnl);
    QCOMPARE(quotes.summary.crossing, 0.0);
    QCOMPARE(quotes.summary.staleQuoteFills, 0);
}

void TestBacktestMarket::quoteFillsCrossTheSpread()
{
    const auto data = test::syntheticPair(4000, 7);
    BacktestConfig c;
    c.window = 120;
    c.spreadCost = 0;
    c.feeBps = 5;
    const double hy = 0.05, hx = 0.01; // half spreads: bid = close - h, ask = close + h
    BacktestMarket m;
    m.barMs = 1000;
    m.quotesY = quotesAround(data.timeMs, data.y, m.barMs, hy, hy);
    m.quotesX = quotesAround(data.timeMs, data.x, m.barMs, hx, hx);
    const auto in = prepareBacktest(data.x, data.y, data.timeMs, c, &m);
    const BacktestRun closes = backtestPair(in, c);
    c.fill = FillModel::Quotes;
    const BacktestRun q = backtestPair(in, c);
    QVERIFY2(q.ok(), qPrintable(q.error));
    QCOMPARE(q.position, closes.position);
    QCOMPARE(q.pnlGross, closes.pnlGross); // marked on the closes either way
    // One unit of spread: q_y = pos, q_x = -pos beta; a change crosses h on each unit of each leg, and the
    // fee is taken on the fill price.
    const double beta = in->beta[0];
    double crossed = 0, feeDelta = 0;
    for (std::size_t t = 1; t < q.position.size(); ++t) {
        const int dp = q.position[t] - q.position[t - 1];
        if (dp == 0)
            continue;
        const double cy = std::abs(dp) * hy, cx = std::abs(dp) * std::fabs(beta) * hx;
        PAIRLAB_FUZZY_COMPARE(q.crossing[t], cy + cx, 0, 1e-9); // close + h - close: the price's ulp
        crossed += cy + cx;
        // The fee on the fill price: a buy's notional is h above the close, a sell's h below. dq_y = dp,
        // dq_x = -beta dp.
        const double fee = 5e-4 * dp * (hy - beta * hx);
        feeDelta += fee;
        PAIRLAB_FUZZY_COMPARE(q.costs[t], closes.costs[t] + fee, 1e-12, 1e-11);
    }
    QVERIFY(crossed > 0);
    PAIRLAB_FUZZY_COMPARE(q.summary.crossing, crossed, 1e-9, 0);
    PAIRLAB_FUZZY_COMPARE(q.summary.netPnl, closes.summary.netPnl - crossed - feeDelta, 1e-9, 1e-9);
    double tradeCrossing = 0;
    for (const BacktestTrade &t : q.trades)
        tradeCrossing += t.crossing;
    PAIRLAB_FUZZY_COMPARE(tradeCrossing, q.summary.crossing, 1e-12, 0);
}

void TestBacktestMarket::missingAndStaleQuotes()
{
    const auto data = test::syntheticPair(1000, 3);
    BacktestConfig c;
    c.window = 60;
    c.fill = FillModel::Quotes;
    // No quotes at all.
    BacktestRun r = backtestPair(prepareBacktest(data.x, data.y, data.timeMs, c), c);
    QVERIFY(!r.ok());
    QVERIFY2(r.error.contains(QLatin1String("no quotes")), qPrintable(r.error));
    // Quotes of the x leg begin at bar 100, after the first z (bar 59): fills before that go at the close
    // and are counted; from bar 100 on they cross the quote.
    BacktestMarket m;
    m.barMs = 1000;
    m.quotesY = quotesAround(data.timeMs, data.y, m.barMs, 0.1, 0.1);
    m.quotesX = quotesAround(data.timeMs, data.x, m.barMs, 0.1, 0.1);
    m.quotesX.erase(m.quotesX.begin(), m.quotesX.begin() + 100);
    {
        const auto late = prepareBacktest(data.x, data.y, data.timeMs, c, &m);
        r = backtestPair(late, c);
        QVERIFY2(r.ok(), qPrintable(r.error));
        int before = 0, after = 0;
        for (std::size_t t = 1; t < r.position.size(); ++t)
            if (r.position[t] != r.position[t - 1])
                (t < 100 ? before : after) += 1;
        QCOMPARE(r.summary.unquotedFills, before);
        QVERIFY(after > 0 && r.summary.crossing > 0);
        // Before bar 100 only y crosses its quote (one unit of spread: dq_y = the change of position); x
        // fills at its close.
        for (std::size_t t = 1; t < 100; ++t)
            PAIRLAB_FUZZY_COMPARE(r.crossing[t], std::abs(r.position[t] - r.position[t - 1]) * 0.1, 0, 1e-9);
    }
    // A quote stream that stops: bars more than a minute after the last quote have none to trade on.
    {
        BacktestMarket stopped = m;
        stopped.quotesX = quotesAround(data.timeMs, data.x, m.barMs, 0.1, 0.1);
        stopped.quotesX.resize(500);
        const auto in = prepareBacktest(data.x, data.y, data.timeMs, c, &stopped);
        QVERIFY(!std::isnan(in->bidX[559])); // 60 s after the last quote's end: still usable
        QVERIFY(std::isnan(in->bidX[561]));
    }
    // Quotes on every other bar only: fills in between take the last quote and are counted as stale.
    m.quotesX = quotesAround(data.timeMs, data.x, m.barMs, 0.1, 0.1);
    std::vector<QuoteClose> sparse;
    for (std::size_t k = 0; k < m.quotesY.size(); k += 2)
        sparse.push_back(m.quotesY[k]);
    m.quotesY = sparse;
    const auto in = prepareBacktest(data.x, data.y, data.timeMs, c, &m);
    r = backtestPair(in, c);
    QVERIFY2(r.ok(), qPrintable(r.error));
    int stale = 0;
    for (std::size_t t = 1; t < r.position.size(); ++t)
        if (r.position[t] != r.position[t - 1] && t % 2 == 1)
            ++stale;
    QVERIFY(stale > 0);
    QCOMPARE(r.summary.staleQuoteFills, stale);
    QCOMPARE(in->bidY[1], data.y[0] - 0.1); // bar 1 has no quote of its own: bar 0's
}

void TestBacktestMarket::fundingHandComputed()
{
    // Long one unit of spread (q_y = +1, q_x = -2) from the close of bar 1 to the close of bar 4.
    const auto in = handInputs({0.0, -2.5, -1.0, -1.0, 0.0, 0.0}, {50, 50, 52, 51, 50, 50},
                               {100, 100, 101, 99, 100, 100}, 2.0);
    const qint64 t0 = in->timeMs[0];
    BacktestMarket m;
    m.barMs = MinuteMs;
    // y: an event at the close of bar 1 (= open of bar 2; the position just entered holds it: booked at bar
    // 2), one at the close of bar 4 (the exit: no longer held), one before the first close (nothing held).
    m.fundingY = {
        {t0 + 30000, 0.01, 100.0}, {t0 + 2 * MinuteMs, 0.0001, 100.5}, {t0 + 5 * MinuteMs, 0.0003, 99.0}};
    // x: one inside bar 3 without a mark price (valued at the close of bar 2, 52).
    m.fundingX = {{t0 + 3 * MinuteMs + 17, -0.0002, kNaN}};
    alignBacktestMarket(*in, m);
    BacktestConfig c;
    c.window = 3;
    c.hedge = BacktestHedge::RollingOls;
    c.spreadCost = 0;
    c.funding = true;
    const BacktestRun r = backtestPair(in, c);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.position, (std::vector<int>{0, 1, 1, 1, 0, 0}));
    // Bar 2: -(+1 * 0.0001 * 100.5) = -0.01005; bar 3: -(-2 * -0.0002 * 52) = -0.0208.
    PAIRLAB_FUZZY_COMPARE(r.funding[2], -0.01005, 1e-15, 0);
    PAIRLAB_FUZZY_COMPARE(r.funding[3], -0.0208, 1e-15, 0);
    QCOMPARE(r.funding[1], 0.0);
    QCOMPARE(r.funding[4], 0.0);
    QCOMPARE(r.summary.fundingEvents, 2);
    PAIRLAB_FUZZY_COMPARE(r.summary.funding, -0.03085, 1e-14, 0);
    QCOMPARE(r.trades.size(), std::size_t(1));
    PAIRLAB_FUZZY_COMPARE(r.trades[0].funding, -0.03085, 1e-14, 0);
    // Gross: +1 (101-100) -2 (52-50); -1 (99-101) ... net = gross + funding (no costs).
    PAIRLAB_FUZZY_COMPARE(r.summary.netPnl, r.summary.grossPnl - 0.03085, 1e-14, 0);
    PAIRLAB_FUZZY_COMPARE(r.trades[0].netPnl, r.trades[0].grossPnl - 0.03085, 1e-14, 0);
    // Funding of one leg only would be half of it: refused, saying why.
    {
        BacktestMarket one = m;
        one.fundingX.clear();
        const auto half = handInputs({0.0, -2.5, -1.0, -1.0, 0.0, 0.0}, in->x, in->y, 2.0);
        alignBacktestMarket(*half, one);
        const BacktestRun refused = backtestPair(half, c);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error.contains(QLatin1String("both legs")), qPrintable(refused.error));
    }
    // Off: the same run without funding.
    c.funding = false;
    const BacktestRun off = backtestPair(in, c);
    QCOMPARE(off.summary.funding, 0.0);
    QCOMPARE(off.summary.netPnl, off.summary.grossPnl);
    // Short the spread instead: the signs turn (a short leg receives a positive rate).
    const auto shortIn = handInputs({0.0, 2.5, 1.0, 1.0, 0.0, 0.0}, in->x, in->y, 2.0);
    alignBacktestMarket(*shortIn, m);
    c.funding = true;
    PAIRLAB_FUZZY_COMPARE(backtestPair(shortIn, c).summary.funding, 0.03085, 1e-14, 0);
}

void TestBacktestMarket::crossingIsChargedOnTheNetChangeOfEachLeg()
{
    // A flip from long to short spread while the rolling hedge ratio changes sign (beta +2 at bar 1, -1 at
    // bar 2): y goes +1 -> -1 (sells 2), x goes -2 -> -1 (buys 1, not "sells 2 and buys 1"). Quotes 0.5
    // around y's close, 0.25 around x's: the flip crosses 2 * 0.5 + 1 * 0.25.
    auto in = handInputs({0.0, -2.5, 2.5, 2.5}, {50, 50, 50, 50}, {100, 100, 100, 100}, 2.0);
    in->beta = {2.0, 2.0, -1.0, -1.0};
    BacktestMarket m;
    m.barMs = MinuteMs;
    m.quotesY = quotesAround(in->timeMs, in->y, m.barMs, 0.5, 0.5);
    m.quotesX = quotesAround(in->timeMs, in->x, m.barMs, 0.25, 0.25);
    alignBacktestMarket(*in, m);
    BacktestConfig c;
    c.window = 3;
    c.hedge = BacktestHedge::RollingOls;
    c.spreadCost = 0;
    c.fill = FillModel::Quotes;
    const BacktestRun r = backtestPair(in, c);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.position, (std::vector<int>{0, 1, -1, -1}));
    QCOMPARE(r.crossing[1], 1 * 0.5 + 2 * 0.25); // entry: buy 1 y, sell 2 x
    QCOMPARE(r.crossing[2], 2 * 0.5 + 1 * 0.25);
    QCOMPARE(r.trades.size(), std::size_t(2));
    // The first trade: its entry (1 y, 2 x) and its exit, where y's holding of 1 is closed (0.5) and of x's 2
    // only 1 is traded back (0.25).
    QCOMPARE(r.trades[0].crossing, (0.5 + 2 * 0.25) + (0.5 + 0.25));
    QCOMPARE(r.trades[1].crossing, 0.5); // the new holding's share of the flip
    QCOMPARE(r.summary.crossing, r.crossing[1] + r.crossing[2]);
}

void TestBacktestMarket::fundingOnRealRatesEqualsAHandComputation()
{
    const RealPair real = realEthBtc();
    QVERIFY(real.pair.size() > 14000);
    QVERIFY(real.fundingY.size() > 250 && real.fundingX.size() > 250);
    BacktestConfig c;
    c.hedge = BacktestHedge::RollingOls;
    c.window = 240;
    c.entryZ = 2.0;
    c.exitZ = 0.0; // long holds: many funding times met
    c.sizing = PositionSizing::Notional;
    c.notional = 10000;
    c.feeBps = 5;
    c.spreadCost = 0;
    c.funding = true;
    c.barsPerYear = 525600;
    BacktestMarket m;
    m.barMs = MinuteMs;
    m.fundingY = real.fundingY;
    m.fundingX = real.fundingX;
    const BacktestRun r = backtestPair(prepareBacktest(real.pair, c, &m), c);
    QVERIFY2(r.ok(), qPrintable(r.error));
    // By hand, per trade: every event of a leg with entry close <= T < exit close (the last close for an open
    // trade) costs q * rate * mark (received when negative).
    const qint64 lastClose = real.pair.timeMs.back() + MinuteMs;
    double total = 0;
    int met = 0;
    for (const BacktestTrade &t : r.trades) {
        const qint64 from = t.entryTimeMs + MinuteMs;
        const qint64 to = t.exit == TradeExit::Open ? lastClose : t.exitTimeMs + MinuteMs;
        double f = 0;
        for (const auto &[events, q] :
             {std::pair{&real.fundingY, t.quantityY}, std::pair{&real.fundingX, t.quantityX}})
            for (const FundingEvent &e : *events)
                if (e.timeMs >= from && e.timeMs < to && e.timeMs < lastClose) {
                    QVERIFY(std::isfinite(e.markPrice));
                    f -= q * e.rate * e.markPrice;
                    ++met;
                }
        PAIRLAB_FUZZY_COMPARE(t.funding, f, 1e-12, 1e-12);
        total += f;
    }
    QVERIFY2(met >= 10, qPrintable(QString::number(met)));
    QCOMPARE(r.summary.fundingEvents, met);
    PAIRLAB_FUZZY_COMPARE(r.summary.funding, total, 1e-10, 1e-10);
    QVERIFY(r.summary.funding != 0);
    PAIRLAB_FUZZY_COMPARE(r.summary.netPnl, r.summary.grossPnl - r.summary.totalCost + r.summary.funding,
                          1e-10, 1e-8);
    // The sweep's summary-only path counts the same.
    const BacktestSummary s = backtestSummary(*prepareBacktest(real.pair, c, &m), c);
    QCOMPARE(s.toJson(), r.summary.toJson());
}

void TestBacktestMarket::fundingStoreKeepsEachEventOnce()
{
    if (!test::backendAvailable())
        return;
    test::ScratchDatabase scratch;
    std::vector<FundingEvent> events = test::universeFunding(QStringLiteral("BTCUSDT"));
    events[3].markPrice = kNaN; // an older event without a mark price
    QString error;
    withWriter(scratch.spec(), [&](QSqlDatabase &db) {
        qint64 stored = -1;
        QVERIFY2(FundingStore::store(db, QStringLiteral("BTCUSDT"), events, &stored, &error),
                 qPrintable(error));
        QCOMPARE(stored, qint64(events.size()));
        QVERIFY(FundingStore::store(db, QStringLiteral("BTCUSDT"), events, &stored, &error));
        QCOMPARE(stored, qint64(0));
        const std::vector<FundingEvent> back =
            FundingStore::load(db, QStringLiteral("BTCUSDT"), 0, std::numeric_limits<qint64>::max(), &error);
        QCOMPARE(back.size(), events.size());
        for (std::size_t k = 0; k < back.size(); ++k) {
            QCOMPARE(back[k].timeMs, events[k].timeMs);
            QCOMPARE(back[k].rate, events[k].rate);
            QVERIFY(test::same(back[k].markPrice, events[k].markPrice));
        }
        QCOMPARE(FundingStore::lastTime(db, QStringLiteral("BTCUSDT")), events.back().timeMs);
        QCOMPARE(FundingStore::lastTime(db, QStringLiteral("ETHUSDT")), qint64(-1));
        const auto part =
            FundingStore::load(db, QStringLiteral("BTCUSDT"), events[10].timeMs, events[20].timeMs);
        QCOMPARE(part.size(), std::size_t(10));
    });
}

void TestBacktestMarket::marketLoadedFromTheDatabase()
{
    if (!test::backendAvailable())
        return;
    test::ScratchDatabase scratch;
    const RealPair real = realEthBtc();
    QString error;
    // Quote bars of 1 s for two minutes of each leg; funding of both.
    const qint64 t0 = real.pair.timeMs[100];
    std::vector<QuoteBarUpdate> updates;
    for (const QString &sym : {QStringLiteral("ETHUSDT"), QStringLiteral("BTCUSDT")}) {
        QuoteBarUpdate u;
        u.symbol = SymbolCode::fromString(sym);
        u.interval = Interval::S1;
        for (int s = 0; s < 120; s += 7) {
            QuoteBar b;
            b.openMs = t0 + s * 1000LL;
            b.bidOpen = b.bidHigh = b.bidLow = b.bidClose = 100.0 + s;
            b.askOpen = b.askHigh = b.askLow = b.askClose = 100.5 + s;
            b.updates = 1;
            b.firstUpdateId = b.lastUpdateId = 1000 + s;
            u.bars.push_back(b);
        }
        updates.push_back(u);
    }
    withWriter(scratch.spec(), [&](QSqlDatabase &db) {
        QVERIFY2(QuoteStore::store(db, updates, &error), qPrintable(error));
        qint64 stored = 0;
        QVERIFY(FundingStore::store(db, QStringLiteral("ETHUSDT"), real.fundingY, &stored, &error));
        QVERIFY(FundingStore::store(db, QStringLiteral("BTCUSDT"), real.fundingX, &stored, &error));
    });
    BacktestMarket m;
    BacktestMarketInfo info;
    QVERIFY2(loadBacktestMarket(scratch.spec(), QStringLiteral("ETHUSDT"), QStringLiteral("BTCUSDT"),
                                real.pair.timeMs, 60, &m, &info, &error),
             qPrintable(error));
    QCOMPARE(m.barMs, MinuteMs);
    // The finest stored quote bars (1 s), each ending at its open + 1 s.
    QCOMPARE(m.quotesY.size(), std::size_t(18));
    QCOMPARE(m.quotesY.front().endMs, t0 + 1000);
    QCOMPARE(m.quotesY.back().bid, 100.0 + 119);
    QCOMPARE(info.quoteIntervalSeconds, 1);
    QCOMPARE(info.quotedBars, qint64(real.pair.size() - 100)); // forward-filled from the first quote on
    // Funding inside the bars' span only.
    const qint64 from = real.pair.timeMs.front(), to = real.pair.timeMs.back() + MinuteMs;
    std::size_t inside = 0;
    for (const FundingEvent &e : real.fundingY)
        inside += e.timeMs >= from && e.timeMs < to;
    QCOMPARE(m.fundingY.size(), inside);
    QCOMPARE(info.fundingEventsY, int(inside));
    QVERIFY(inside >= 29);
}

QTEST_GUILESS_MAIN(TestBacktestMarket)
#include "tst_backtest_market.moc"
