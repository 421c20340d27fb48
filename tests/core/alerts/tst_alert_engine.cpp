#include "alerts/alert_engine.h"

#include "analytics/pair_analytics_service.h"

#include <QtConcurrent>
#include <QtTest>

#include <cmath>

using namespace pairlab;

/** AlertEngine on replayed sequences of updates: trigger modes, cooldowns in market time,
    minimum bars, pair matching, invalid evaluations with their reasons, and the variables built
    from a PairAnalytics. */
class TestAlertEngine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void risingFiresOnceWhenBecomingTrue();
    void whileTrueFiresEveryEvaluationOutsideCooldown();
    void cooldownUsesMarketTimeAndIsDeterministic();
    void risingEdgeInsideCooldownIsConsumed();
    void minimumBarsHoldsTheRuleBack();
    void pairFilterAndWildcard();
    void divisionByZeroDoesNotFireAndIsLogged();
    void invalidEvaluationKeepsPreviousState();
    void disabledAndInvalidRulesNeverFire();
    void eventCarriesUsedValuesAndMessage();
    void editingKeepsStateResetClearsIt();
    void variablesFromAnalytics();
    void evaluatesOnWorkerThreads();
};

namespace {

const QString kPair = QStringLiteral("ETHUSDT/BTCUSDT");

AlertRule rule(qint64 id, const QString &expr, AlertTriggerMode mode, double cooldownS = 0, int minBars = 0)
{
    AlertRule r;
    r.id = id;
    r.name = QStringLiteral("r%1").arg(id);
    r.expression = expr;
    r.triggerMode = mode;
    r.cooldownS = cooldownS;
    r.minBars = minBars;
    return r;
}

AlertVariables at(qint64 second, double z, qint64 bars = 1000)
{
    AlertVariables v;
    v[AlertVariable::Z] = z;
    v[AlertVariable::Corr] = 0.9;
    v[AlertVariable::Beta] = 18;
    v[AlertVariable::Spread] = 5;
    v.bars = bars;
    v.timeMs = second * 1000;
    return v;
}

/** Replays z values at one update per second; returns the seconds at which the rule fired. */
QList<qint64> replay(AlertEngine &engine, const std::vector<double> &zs, qint64 start = 0)
{
    QList<qint64> fired;
    for (std::size_t k = 0; k < zs.size(); ++k) {
        const auto events = engine.evaluate(kPair, at(start + qint64(k), zs[k]));
        for (const AlertEvent &e : events)
            fired << e.timeMs / 1000;
    }
    return fired;
}

} // namespace

void TestAlertEngine::risingFiresOnceWhenBecomingTrue()
{
    AlertEngine engine;
    engine.setRules({rule(1, QStringLiteral("abs(z) > 2"), AlertTriggerMode::Rising)});
    //                        0    1    2    3    4    5    6    7
    const QList<qint64> fired = replay(engine, {2.5, 2.6, 1.0, 1.5, 2.1, 2.2, -2.3, 0.0});
    QCOMPARE(fired, (QList<qint64>{0, 4}));
}

void TestAlertEngine::whileTrueFiresEveryEvaluationOutsideCooldown()
{
    AlertEngine engine;
    engine.setRules({rule(1, QStringLiteral("z > 2"), AlertTriggerMode::WhileTrue)});
    QCOMPARE(replay(engine, {2.5, 2.6, 1.0, 2.1, 2.2}), (QList<qint64>{0, 1, 3, 4}));

    AlertEngine cooled;
    cooled.setRules({rule(1, QStringLiteral("z > 2"), AlertTriggerMode::WhileTrue, 3)});
    // Fires at 0, suppressed at 1 and 2 (< 3 s), fires at 3 (exactly the cooldown), then 6.
    QCOMPARE(replay(cooled, {3, 3, 3, 3, 3, 3, 3, 3}), (QList<qint64>{0, 3, 6}));
    QVERIFY(cooled.lastReason(1).contains(QStringLiteral("cooldown")));
}

void TestAlertEngine::cooldownUsesMarketTimeAndIsDeterministic()
{
    // The same market-time sequence evaluated twice (fast, no wall-clock waits) gives the same events.
    const std::vector<double> zs = {2.5, 0, 2.5, 0, 2.5, 0, 2.5, 0, 2.5};
    AlertEngine a;
    a.setRules({rule(1, QStringLiteral("z > 2"), AlertTriggerMode::Rising, 4)});
    const QList<qint64> first = replay(a, zs);
    QCOMPARE(first, (QList<qint64>{0, 4, 8}));
    a.resetState();
    QCOMPARE(replay(a, zs), first);
    // Sparse updates: market time decides, not the number of evaluations.
    AlertEngine sparse;
    sparse.setRules({rule(1, QStringLiteral("z > 2"), AlertTriggerMode::WhileTrue, 60)});
    int fired = 0;
    for (qint64 s : {0, 30, 59, 60, 61, 200})
        fired += int(sparse.evaluate(kPair, at(s, 3)).size());
    QCOMPARE(fired, 3); // 0, 60, 200
}

void TestAlertEngine::risingEdgeInsideCooldownIsConsumed()
{
    AlertEngine engine;
    engine.setRules({rule(1, QStringLiteral("z > 2"), AlertTriggerMode::Rising, 10)});
    // Rises at 0 (fires), 2 (in cooldown: consumed), stays true to 12 -> no firing without a new edge.
    QCOMPARE(replay(engine, {3, 0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 3}), (QList<qint64>{0, 14}));
}

void TestAlertEngine::minimumBarsHoldsTheRuleBack()
{
    AlertEngine engine;
    engine.setRules({rule(1, QStringLiteral("z > 2"), AlertTriggerMode::Rising, 0, 100)});
    QVERIFY(engine.evaluate(kPair, at(0, 3, 99)).isEmpty());
    QVERIFY(engine.lastReason(1).contains(QStringLiteral("100")));
    // The held-back evaluation did not count as "true before": the first eligible one fires.
    QCOMPARE(engine.evaluate(kPair, at(1, 3, 100)).size(), 1);
    QVERIFY(engine.lastReason(1).isEmpty());
}

void TestAlertEngine::pairFilterAndWildcard()
{
    AlertRule only = rule(1, QStringLiteral("z > 2"), AlertTriggerMode::WhileTrue);
    only.pair = kPair;
    AlertRule any = rule(2, QStringLiteral("z > 2"), AlertTriggerMode::Rising);
    AlertEngine engine;
    engine.setRules({only, any});
    QCOMPARE(engine.evaluate(kPair, at(0, 3)).size(), 2);
    const auto other = engine.evaluate(QStringLiteral("SOLUSDT/BTCUSDT"), at(0, 3));
    QCOMPARE(other.size(), 1);
    QCOMPARE(other.first().ruleId, 2);
    QCOMPARE(other.first().pair, QStringLiteral("SOLUSDT/BTCUSDT"));
    // Trigger state is per pair: the wildcard rule is still true on kPair, so no new rising edge there.
    QCOMPARE(engine.evaluate(kPair, at(1, 3)).size(), 1);
}

void TestAlertEngine::divisionByZeroDoesNotFireAndIsLogged()
{
    AlertEngine engine;
    engine.setRules({rule(1, QStringLiteral("spread / (corr - 0.9) > 1"), AlertTriggerMode::WhileTrue)});
    QVERIFY(engine.evaluate(kPair, at(0, 3)).isEmpty());
    QVERIFY2(engine.lastReason(1).contains(QStringLiteral("division by zero")), qPrintable(engine.lastReason(1)));
    AlertVariables v = at(1, 3);
    v[AlertVariable::Corr] = 0.95;
    QCOMPARE(engine.evaluate(kPair, v).size(), 1);
    QVERIFY(engine.lastReason(1).isEmpty());
}

void TestAlertEngine::invalidEvaluationKeepsPreviousState()
{
    AlertEngine engine;
    engine.setRules({rule(1, QStringLiteral("z > 2"), AlertTriggerMode::Rising)});
    const double nan = std::numeric_limits<double>::quiet_NaN();
    // true (fires), NaN (no information), true again: not a new edge.
    QCOMPARE(replay(engine, {3, nan, 3, 0, nan, 3}), (QList<qint64>{0, 5}));
    QVERIFY(engine.lastReason(1).isEmpty());
    engine.evaluate(kPair, at(6, nan));
    QVERIFY(engine.lastReason(1).contains(QStringLiteral("'z'")));
}

void TestAlertEngine::disabledAndInvalidRulesNeverFire()
{
    AlertRule off = rule(1, QStringLiteral("z > 2"), AlertTriggerMode::WhileTrue);
    off.enabled = false;
    AlertEngine engine;
    engine.setRules({off, rule(2, QStringLiteral("z >> 2"), AlertTriggerMode::WhileTrue)});
    QVERIFY(engine.evaluate(kPair, at(0, 3)).isEmpty());
    QVERIFY(!engine.compileResult(2).ok);
    QCOMPARE(engine.lastReason(2), engine.compileResult(2).message);
    QVERIFY(engine.compileResult(1).ok);
}

void TestAlertEngine::eventCarriesUsedValuesAndMessage()
{
    AlertRule r = rule(7, QStringLiteral("abs(zscore) > 2 && corr > 0.8"), AlertTriggerMode::Rising);
    r.name = QStringLiteral("wide spread");
    AlertEngine engine;
    engine.setRules({r});
    const auto events = engine.evaluate(kPair, at(42, -2.5));
    QCOMPARE(events.size(), 1);
    const AlertEvent &e = events.first();
    QCOMPARE(e.ruleId, 7);
    QCOMPARE(e.ruleName, QStringLiteral("wide spread"));
    QCOMPARE(e.timeMs, 42000);
    QCOMPARE(e.pair, kPair);
    QCOMPARE(e.values.size(), 2);
    QCOMPARE(e.values.at(0).first, QStringLiteral("z"));
    QCOMPARE(e.values.at(0).second, -2.5);
    QCOMPARE(e.values.at(1).first, QStringLiteral("corr"));
    QVERIFY(e.message.contains(QStringLiteral("wide spread")));
    QVERIFY(e.message.contains(QStringLiteral("z = -2.5")));
}

void TestAlertEngine::editingKeepsStateResetClearsIt()
{
    AlertEngine engine;
    AlertRule r = rule(1, QStringLiteral("z > 2"), AlertTriggerMode::Rising);
    engine.setRules({r});
    QCOMPARE(engine.evaluate(kPair, at(0, 3)).size(), 1);
    r.name = QStringLiteral("renamed");
    r.cooldownS = 5;
    engine.setRules({r});
    QVERIFY(engine.evaluate(kPair, at(1, 3)).isEmpty()); // still true: no new edge
    r.expression = QStringLiteral("z > 2.5");
    engine.setRules({r});
    QCOMPARE(engine.evaluate(kPair, at(2, 3)).size(), 1); // a new expression starts fresh
    engine.resetState();
    QCOMPARE(engine.evaluate(kPair, at(3, 3)).size(), 1);
    QCOMPARE(engine.rules().first().name, QStringLiteral("renamed"));
}

void TestAlertEngine::variablesFromAnalytics()
{
    PairAnalytics a;
    a.bars = 500;
    a.lastTimeMs = 1723075200000;
    a.live.zscore = -2.25;
    a.live.spread = 3.5;
    a.live.corrPrice = 0.93;
    a.live.corrLogReturn = 0.41;
    AlertMarketInputs m;
    m.priceX = 2010;
    m.previousPriceX = 2000;
    m.priceY = 36000;
    m.previousPriceY = 36000;
    m.volumeX = 12.5;
    m.volumeY = 0.75;
    AlertVariables v = alertVariablesFrom(a, m);
    QCOMPARE(v[AlertVariable::Z], -2.25);
    QCOMPARE(v[AlertVariable::Spread], 3.5);
    QCOMPARE(v[AlertVariable::Corr], 0.93);
    QCOMPARE(v[AlertVariable::CorrRet], 0.41);
    QVERIFY(std::isnan(v[AlertVariable::AdfP])); // no full analysis yet
    QCOMPARE(v[AlertVariable::RetX], std::log(2010.0 / 2000.0));
    QCOMPARE(v[AlertVariable::RetY], 0.0);
    QCOMPARE(v[AlertVariable::VolumeY], 0.75);
    QCOMPARE(v.bars, 500);
    QCOMPARE(v.timeMs, 1723075200000);

    auto full = std::make_shared<PairAnalysis>();
    full->ols.beta = 17.9;
    full->adfC.pvalue = 0.012;
    full->coint.pvalue = 0.034;
    full->halfLife.halfLife = 250;
    a.full = full;
    v = alertVariablesFrom(a, m);
    QCOMPARE(v[AlertVariable::Beta], 17.9);
    QCOMPARE(v[AlertVariable::AdfP], 0.012);
    QCOMPARE(v[AlertVariable::CointP], 0.034);
    QCOMPARE(v[AlertVariable::HalfLife], 250.0);
}

void TestAlertEngine::evaluatesOnWorkerThreads()
{
    // One engine per worker; the division-by-zero bookkeeping of one thread does not leak into another.
    auto work = [](bool divideByZero) {
        AlertEngine engine;
        engine.setRules({rule(1, divideByZero ? QStringLiteral("z / (corr - 0.9) > 1") : QStringLiteral("z / corr > 1"),
                              AlertTriggerMode::WhileTrue)});
        int fired = 0;
        for (int k = 0; k < 20000; ++k)
            fired += int(engine.evaluate(kPair, at(k, 3)).size());
        return fired;
    };
    QFuture<int> a = QtConcurrent::run(work, true);
    QFuture<int> b = QtConcurrent::run(work, false);
    QCOMPARE(a.result(), 0);
    QCOMPARE(b.result(), 20000);
}

QTEST_GUILESS_MAIN(TestAlertEngine)
#include "tst_alert_engine.moc"
