#include "analytics/basket.h"
#include "analytics/johansen.h"
#include "analytics/pair_analysis.h"
#include "backtest/basket_backtest.h"
#include "cli/commands.h"
#include "cli/wide_closes.h"
#include "controllers/basket_controller.h"
#include "io/csv_import.h"
#include "storage/bar_store.h"
#include "test_database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace pairlab;

/** Baskets: the basket {y: 1, x: −β} is the pair (its analysis and its backtest), Johansen weights become a
    basket, legs join on the bars they share, and `pairlab-cli basket` prints the engine's numbers. */
class TestBasket : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void pairAsBasketEqualsPairAnalysis();
    void pairAsBasketBacktestEqualsPairEngine_data();
    void pairAsBasketBacktestEqualsPairEngine();
    void pairAsBasketFundingEqualsPairEngine();
    void johansenVectorBecomesBasket();
    void alignsOnSharedBars();
    void refusesBadBaskets();
    void cliPrintsTheEnginesNumbers();
    void cliRefusesBadInput();
    void controllerAnalysesTheStoredLegs();
    void controllerNeverShowsAnOlderRequest();

private:
    AlignedBasket legs(const QStringList &symbols) const;
    cli::WideCloses m_closes;
    QString m_file;
};

namespace {

bool close(double a, double b, double rel = 1e-8)
{
    return (std::isnan(a) && std::isnan(b)) || std::fabs(a - b) <= rel * (1 + std::fabs(b));
}

} // namespace

void TestBasket::initTestCase()
{
    m_file = QStringLiteral(PAIRLAB_SHARED_DATA "/real/universe/futures_1m_closes_2025-05-20.csv");
    QString error;
    QVERIFY2(cli::readWideCloses(m_file, m_closes, error), qPrintable(error));
    QCOMPARE(m_closes.rows, qsizetype(1440));
}

AlignedBasket TestBasket::legs(const QStringList &symbols) const
{
    AlignedBasket b;
    for (qsizetype r = 0; r < m_closes.rows; ++r)
        b.timeMs.push_back(1747699200000 + r * 60000);
    for (const QString &s : symbols)
        b.legs.push_back(m_closes.columns[std::size_t(m_closes.symbols.indexOf(s))]);
    return b;
}

void TestBasket::pairAsBasketEqualsPairAnalysis()
{
    const AlignedBasket b = legs({QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")});
    AlignedPair pair;
    pair.timeMs = b.timeMs;
    pair.y = b.legs[0];
    pair.x = b.legs[1];
    PairAnalysisOptions po;
    po.window = 90;
    po.backtest.cost = 3;
    const PairAnalysis p = analyzePair(pair, po);
    QVERIFY2(p.ok(), qPrintable(p.error));
    BasketAnalysisOptions bo;
    bo.window = 90;
    bo.backtest.cost = 3;
    const BasketAnalysis a = analyzeBasket(b, {1.0, -p.ols.beta}, bo);
    QVERIFY2(a.ok(), qPrintable(a.error));
    QVERIFY(close(a.constant, p.ols.alpha, 1e-12));
    // The spread is the pair's (to rounding), and so is everything computed from it.
    double worst = 0;
    for (std::size_t t = 0; t < a.spread.size(); ++t)
        worst = std::max(worst, std::fabs(a.spread[t] - p.spread[t]));
    QVERIFY2(worst < 1e-9 * std::fabs(p.ols.alpha), qPrintable(QString::number(worst)));
    for (std::size_t t = 89; t < a.zscore.size(); ++t)
        QVERIFY(close(a.zscore[t], p.zscore[t], 1e-7));
    for (const auto &[x, y] :
         {std::pair{&a.adfC, &p.adfC}, std::pair{&a.adfCt, &p.adfCt}, std::pair{&a.adfN, &p.adfN}}) {
        QCOMPARE(x->usedlag, y->usedlag);
        QCOMPARE(x->nobs, y->nobs);
        QVERIFY(close(x->stat, y->stat));
        QVERIFY(close(x->pvalue, y->pvalue));
        QVERIFY(close(x->crit[1], y->crit[1]));
    }
    QVERIFY(close(a.halfLife.halfLife, p.halfLife.halfLife));
    QVERIFY(close(a.hurst, p.hurst));
    QCOMPARE(a.backtest.trades, p.backtest.trades);
    QVERIFY(a.backtest.trades > 5);
    QVERIFY(close(a.backtest.netPnl, p.backtest.netPnl));
    QVERIFY(close(a.backtest.sharpeNet, p.backtest.sharpeNet));
}

void TestBasket::pairAsBasketBacktestEqualsPairEngine_data()
{
    QTest::addColumn<bool>("notional");
    QTest::addColumn<bool>("stop");
    QTest::newRow("unit") << false << false;
    QTest::newRow("notionalWithStop") << true << true;
}

void TestBasket::pairAsBasketBacktestEqualsPairEngine()
{
    QFETCH(bool, notional);
    QFETCH(bool, stop);
    const AlignedBasket b = legs({QStringLiteral("ETHUSDT"), QStringLiteral("SOLUSDT")});
    BacktestConfig c;
    c.window = 60;
    c.entryZ = 1.5;
    c.exitZ = 0.25;
    c.spreadCost = 0.1;
    c.feeBps = 5;
    c.slippageBps = 1;
    c.barsPerYear = 525600;
    if (notional) {
        c.sizing = PositionSizing::Notional;
        c.notional = 25000;
    }
    if (stop)
        c.stopZ = 2.5;
    const auto inputs = prepareBacktest(b.legs[1], b.legs[0], b.timeMs, c);
    QVERIFY(inputs->ok());
    const BacktestRun pair = backtestPair(inputs, c);
    QVERIFY2(pair.ok(), qPrintable(pair.error));
    const BasketBacktestRun basket = backtestBasket(b, {1.0, -inputs->beta[0]}, c);
    QVERIFY2(basket.ok(), qPrintable(basket.error));
    QCOMPARE(basket.trades.size(), pair.trades.size());
    QVERIFY(pair.trades.size() > 5);
    for (std::size_t i = 0; i < pair.trades.size(); ++i) {
        const BacktestTrade &x = basket.trades[i], &y = pair.trades[i];
        QCOMPARE(x.entryBar, y.entryBar);
        QCOMPARE(x.exitBar, y.exitBar);
        QCOMPARE(x.side, y.side);
        QCOMPARE(x.exit, y.exit);
        QVERIFY(close(x.quantityY, y.quantityY, 1e-12));
        QVERIFY(close(x.quantityX, y.quantityX, 1e-12));
        QVERIFY(close(x.costs, y.costs, 1e-10));
        QVERIFY(close(x.netPnl, y.netPnl, 1e-7));
    }
    const BacktestSummary &s = basket.summary, &r = pair.summary;
    QCOMPARE(s.trades, r.trades);
    QCOMPARE(s.wins, r.wins);
    QVERIFY(close(s.netPnl, r.netPnl));
    QVERIFY(close(s.totalCost, r.totalCost, 1e-10));
    QVERIFY(close(s.sharpe, r.sharpe));
    QVERIFY(close(s.sortino, r.sortino));
    QVERIFY(close(s.maxDrawdown, r.maxDrawdown));
    QCOMPARE(s.exposure, r.exposure);
}

void TestBasket::pairAsBasketFundingEqualsPairEngine()
{
    // Real 8 h funding rates of BTCUSDT and ETHUSDT over the day (no mark prices: the legs' closes are used).
    auto events = [](const QString &symbol) {
        std::vector<FundingEvent> out;
        QFile f(QStringLiteral(PAIRLAB_SHARED_DATA "/real/universe/funding_8h/%1.csv").arg(symbol));
        if (!f.open(QIODevice::ReadOnly))
            return out;
        f.readLine();
        while (!f.atEnd()) {
            const QList<QByteArray> cells = f.readLine().trimmed().split(',');
            if (cells.size() == 2)
                out.push_back({cells[0].toLongLong(), cells[1].toDouble()});
        }
        return out;
    };
    const AlignedBasket b = legs({QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")});
    BacktestMarket market;
    market.barMs = 60000;
    market.fundingY = events(QStringLiteral("BTCUSDT"));
    market.fundingX = events(QStringLiteral("ETHUSDT"));
    QVERIFY(market.fundingY.size() > 50 && market.fundingX.size() > 50);
    BacktestConfig c;
    c.window = 60;
    c.entryZ = 1.0; // in a position most of the day: funding events meet it
    c.exitZ = 0.0;
    c.feeBps = 5;
    c.sizing = PositionSizing::Notional;
    c.notional = 100000;
    c.funding = true;
    c.barsPerYear = 525600;
    const auto inputs = prepareBacktest(b.legs[1], b.legs[0], b.timeMs, c, &market);
    const BacktestRun pair = backtestPair(inputs, c);
    QVERIFY2(pair.ok(), qPrintable(pair.error));
    QVERIFY(pair.summary.fundingEvents >= 2);
    BasketFunding funding;
    funding.barMs = 60000;
    funding.legs = {market.fundingY, market.fundingX};
    const BasketBacktestRun basket = backtestBasket(b, {1.0, -inputs->beta[0]}, c, &funding);
    QVERIFY2(basket.ok(), qPrintable(basket.error));
    QCOMPARE(basket.summary.fundingEvents, pair.summary.fundingEvents);
    QVERIFY(basket.summary.funding != 0);
    QVERIFY(close(basket.summary.funding, pair.summary.funding, 1e-10));
    QVERIFY(close(basket.summary.netPnl, pair.summary.netPnl));
    QCOMPARE(basket.trades.size(), pair.trades.size());
    for (std::size_t i = 0; i < pair.trades.size(); ++i)
        QVERIFY(close(basket.trades[i].funding, pair.trades[i].funding, 1e-10));
    // Without one leg's events there is no funding to book: refused, not half-counted.
    funding.legs[1].clear();
    QVERIFY(
        backtestBasket(b, {1.0, -inputs->beta[0]}, c, &funding).error.contains(QLatin1String("every leg")));
}

void TestBasket::johansenVectorBecomesBasket()
{
    const QStringList symbols = {QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT"),
                                 QStringLiteral("SOLUSDT")};
    const AlignedBasket b = legs(symbols);
    const JohansenResult j = johansen(b.legs, 0, 1);
    QVERIFY2(j.ok(), qPrintable(j.error));
    const Basket basket = basketFromJohansen(j, symbols, 0);
    QVERIFY(basket.problem().isEmpty());
    QCOMPARE(basket.weights.front(), 1.0);
    for (std::size_t i = 0; i < 3; ++i)
        QVERIFY(close(basket.weights[i], j.evec[i][0] / j.evec[0][0], 1e-15));
    // The first eigenvector is the most stationary combination: its spread's ADF beats every leg's own.
    const BasketAnalysis a = analyzeBasket(b, basket.weights);
    QVERIFY2(a.ok(), qPrintable(a.error));
    for (std::size_t i = 0; i < 3; ++i) {
        std::vector<double> w(3, 0.0);
        w[i] = 1.0;
        w[(i + 1) % 3] = 1e-9; // a leg alone, as a basket
        QVERIFY(a.adfC.stat < analyzeBasket(b, w).adfC.stat);
    }
    QVERIFY(basketFromJohansen(j, symbols, 3).weights.empty());
    QVERIFY(basketFromJohansen(j, symbols.mid(0, 2), 0).weights.empty());
}

void TestBasket::alignsOnSharedBars()
{
    CloseSeries a, b, c;
    a.openTimeMs = {1, 2, 3, 4, 5, 6};
    a.close = {10, 20, 30, 40, 50, 60};
    b.openTimeMs = {2, 3, 3, 5, 6, 7};
    b.close = {2, 3, 33, 5, 6, 7};
    c.openTimeMs = {0, 3, 5, 6};
    c.close = {100, 300, 500, 600};
    const AlignedBasket r = alignBasket({a, b, c});
    QCOMPARE(r.timeMs, (std::vector<qint64>{3, 5, 6}));
    QCOMPARE(r.legs[0], (std::vector<double>{30, 50, 60}));
    QCOMPARE(r.legs[1], (std::vector<double>{33, 5, 6})); // a duplicate bar keeps the last
    QCOMPARE(r.legs[2], (std::vector<double>{300, 500, 600}));
    QCOMPARE(alignBasket({a, CloseSeries{}}).size(), std::size_t(0));
}

void TestBasket::refusesBadBaskets()
{
    Basket b;
    b.symbols = {QStringLiteral("BTCUSDT")};
    b.weights = {1};
    QVERIFY(b.problem().contains(QLatin1String("two symbols")));
    b.symbols << QStringLiteral("BTCUSDT");
    b.weights = {1, -2};
    QVERIFY(b.problem().contains(QLatin1String("twice")));
    b.symbols[1] = QStringLiteral("ETHUSDT");
    b.weights = {0, 0};
    QVERIFY(b.problem().contains(QLatin1String("zero")));
    b.weights = {1, kNaN};
    QVERIFY(b.problem().contains(QLatin1String("ETHUSDT")));
    b.weights = {1, -0.0415};
    QVERIFY(b.problem().isEmpty());
    QCOMPARE(b.formula(), QStringLiteral("BTCUSDT − 0.0415·ETHUSDT"));
    // A basket whose value never moves has no spread to test.
    AlignedBasket flat;
    for (int t = 0; t < 200; ++t) {
        flat.timeMs.push_back(t);
        flat.legs.resize(2);
        flat.legs[0].push_back(100.0 + t);
        flat.legs[1].push_back(2.0 * (100.0 + t));
    }
    const BasketAnalysis a = analyzeBasket(flat, {2.0, -1.0});
    QCOMPARE(a.status, AnalyticsStatus::ConstantSeries);
    BacktestConfig c;
    c.hedge = BacktestHedge::Kalman;
    QVERIFY(backtestBasket(legs({QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")}), {1, -40}, c)
                .error.contains(QLatin1String("weights")));
}

void TestBasket::cliPrintsTheEnginesNumbers()
{
    QString outText, errText;
    QTextStream out(&outText), err(&errText);
    // Johansen's first vector of three legs.
    QCOMPARE(cli::basket({m_file, QStringLiteral("--symbols"), QStringLiteral("BTCUSDT,ETHUSDT,SOLUSDT"),
                          QStringLiteral("--johansen"), QStringLiteral("0"), QStringLiteral("--window"),
                          QStringLiteral("60")},
                         out, err),
             0);
    out.flush();
    const QJsonObject o = QJsonDocument::fromJson(outText.toUtf8()).object();
    const QStringList symbols = {QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT"),
                                 QStringLiteral("SOLUSDT")};
    const AlignedBasket b = legs(symbols);
    const Basket basket = basketFromJohansen(johansen(b.legs, 0, 1), symbols, 0);
    const QJsonArray w = o.value(QLatin1String("weights")).toArray();
    QCOMPARE(w.size(), 3);
    for (qsizetype i = 0; i < 3; ++i)
        QCOMPARE(w[i].toDouble(), basket.weights[std::size_t(i)]);
    BasketAnalysisOptions opt;
    opt.window = 60;
    const BasketAnalysis a = analyzeBasket(b, basket.weights, opt);
    QCOMPARE(o.value(QLatin1String("n")).toInt(), 1440);
    QCOMPARE(o.value(QLatin1String("adf_c")).toObject().value(QLatin1String("stat")).toDouble(), a.adfC.stat);
    QCOMPARE(o.value(QLatin1String("half_life")).toDouble(), a.halfLife.halfLife);
    QCOMPARE(o.value(QLatin1String("hurst")).toDouble(), a.hurst);
    QCOMPARE(o.value(QLatin1String("last_z")).toDouble(), a.lastZ);
    QCOMPARE(o.value(QLatin1String("formula")).toString(), basket.formula(6));
    BacktestConfig c;
    c.window = 60;
    c.spreadCost = 0; // the command's default: a basket's costs are its legs' fees
    c.barsPerYear = 525600;
    QCOMPARE(o.value(QLatin1String("backtest")).toObject(),
             backtestBasket(b, basket.weights, c).summary.toJson());

    // Weights given.
    outText.clear();
    QCOMPARE(cli::basket({m_file, QStringLiteral("--symbols"), QStringLiteral("ETHUSDT,SOLUSDT"),
                          QStringLiteral("--weights"), QStringLiteral("1,-15")},
                         out, err),
             0);
    out.flush();
    const QJsonObject g = QJsonDocument::fromJson(outText.toUtf8()).object();
    QCOMPARE(g.value(QLatin1String("weights")).toArray(), (QJsonArray{1.0, -15.0}));
}

void TestBasket::cliRefusesBadInput()
{
    QString outText, errText;
    QTextStream out(&outText), err(&errText);
    QCOMPARE(cli::basket({m_file, QStringLiteral("--symbols"), QStringLiteral("BTCUSDT,NOPEUSDT"),
                          QStringLiteral("--weights"), QStringLiteral("1,-2")},
                         out, err),
             1);
    err.flush();
    QVERIFY2(errText.contains(QLatin1String("NOPEUSDT")), qPrintable(errText));
    errText.clear();
    QCOMPARE(cli::basket({m_file, QStringLiteral("--symbols"), QStringLiteral("BTCUSDT,ETHUSDT"),
                          QStringLiteral("--weights"), QStringLiteral("1")},
                         out, err),
             2);
    err.flush();
    QVERIFY2(errText.contains(QLatin1String("weights")), qPrintable(errText));
    errText.clear();
    QCOMPARE(cli::basket({m_file, QStringLiteral("--symbols"), QStringLiteral("BTCUSDT,ETHUSDT")}, out, err),
             2);
    err.flush();
    QVERIFY2(errText.contains(QLatin1String("--weights or --johansen")), qPrintable(errText));
    QVERIFY(outText.isEmpty());
}

namespace {

/** A database holding the universe day as the dataset "day" (16 symbols, 1 m bars). */
QString importedDay(test::ScratchDatabase &db, const QString &file)
{
    ImportOptions options;
    options.dataset = QStringLiteral("day");
    const ImportResult r = importCsv(file, db.spec(), options);
    return r.ok ? db.spec() : QString();
}

} // namespace

void TestBasket::controllerAnalysesTheStoredLegs()
{
    test::ScratchDatabase db;
    const QString spec = importedDay(db, m_file);
    QVERIFY(!spec.isEmpty());
    BasketController c;
    QSignalSpy results(&c, &BasketController::resultChanged);
    c.setDatabase(spec);
    BasketRequest r;
    r.source = BarStore::sourceForDataset(QStringLiteral("day"));
    r.intervalSeconds = 60;
    r.window = 60;
    const QStringList symbols = {QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT"),
                                 QStringLiteral("SOLUSDT")};
    r.basket.symbols = symbols; // no weights yet: the legs and Johansen only
    c.setRequest(r);
    QCOMPARE(c.state().kind, BasketState::Kind::Loading);
    QVERIFY(results.wait(30000));
    QCOMPARE(c.state().kind, BasketState::Kind::Idle);
    QCOMPARE(c.state().bars, 1440);
    QVERIFY2(c.state().reason.contains(QLatin1String("Johansen")), qPrintable(c.state().reason));
    const AlignedBasket legs3 = legs(symbols);
    const Basket j = c.johansenBasket();
    QCOMPARE(j.weights, basketFromJohansen(johansen(legs3.legs, 0, 1), symbols, 0).weights);

    // With those weights: the analysis and backtest of exactly these bars.
    r.basket = j;
    c.setRequest(r);
    QVERIFY(results.wait(30000));
    QCOMPARE(c.state().kind, BasketState::Kind::Ready);
    const BasketResult &res = c.result();
    QVERIFY(res.valid());
    QVERIFY(res.request == r);
    BasketAnalysisOptions o;
    o.window = 60;
    o.backtest.cost = 0;
    o.backtest.barsPerYear = 525600;
    const BasketAnalysis a = analyzeBasket(legs3, j.weights, o);
    QCOMPARE(res.analysis->adfC.stat, a.adfC.stat);
    QCOMPARE(res.analysis->halfLife.halfLife, a.halfLife.halfLife);
    QCOMPARE(res.analysis->timeMs, legs3.timeMs);
    QCOMPARE(res.spanMs, qint64(1439) * 60000);
    BacktestConfig bc;
    bc.window = 60;
    bc.spreadCost = 0;
    bc.feeBps = kDefaultFeeBps;
    bc.barsPerYear = 525600;
    QCOMPARE(res.backtest->summary.toJson(), backtestBasket(legs3, j.weights, bc).summary.toJson());

    // A leg the dataset does not have: no bars in common, said so.
    r.basket.symbols[2] = QStringLiteral("DOGEUSDT");
    c.setRequest(r);
    QVERIFY(results.wait(30000));
    QCOMPARE(c.state().kind, BasketState::Kind::Waiting);
    QCOMPARE(c.state().bars, 0);
}

void TestBasket::controllerNeverShowsAnOlderRequest()
{
    test::ScratchDatabase db;
    const QString spec = importedDay(db, m_file);
    QVERIFY(!spec.isEmpty());
    BasketController c;
    QList<BasketRequest> shown;
    connect(&c, &BasketController::resultChanged, &c, [&](const BasketResult &r) { shown << r.request; });
    c.setDatabase(spec);
    BasketRequest r;
    r.source = BarStore::sourceForDataset(QStringLiteral("day"));
    r.window = 30;
    r.basket.symbols = {QStringLiteral("ETHUSDT"), QStringLiteral("SOLUSDT")};
    r.basket.weights = {1, -15};
    c.setRequest(r);
    BasketRequest last = r;
    last.basket.weights = {1, -16};
    last.window = 45;
    c.setRequest(last); // before the first answer
    QVERIFY(QTest::qWaitFor([&] { return c.state().kind == BasketState::Kind::Ready; }, 30000));
    QVERIFY(!shown.isEmpty());
    for (const BasketRequest &s : std::as_const(shown))
        QVERIFY(s == last);
    QCOMPARE(c.result().analysis->window, 45);
    // An unusable basket empties nothing into the screen: Idle, with the reason.
    BasketRequest bad = last;
    bad.basket.symbols = {QStringLiteral("ETHUSDT")};
    bad.basket.weights = {1};
    c.setRequest(bad);
    QCOMPARE(c.state().kind, BasketState::Kind::Idle);
    QVERIFY2(c.state().reason.contains(QLatin1String("two symbols")), qPrintable(c.state().reason));
}

QTEST_GUILESS_MAIN(TestBasket)
#include "tst_basket.moc"
