#include "alerts/alert_engine.h"
#include "alerts/alert_store.h"
#include "storage/database.h"
#include "test_database.h"

#include <QBuffer>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace pairlab;

/** AlertStore: rules and events survive closing and reopening the database; event filters; CSV. */
class TestAlertStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void rulesAndEventsSurviveRestart();
    void updatesAndDeletesRules();
    void filtersEvents();
    void exportsEventsCsv();

private:
    QSqlDatabase reopen();
    QTemporaryDir m_dir;
    std::unique_ptr<test::ScratchDatabase> m_scratch;
    QString m_path;
    const QString m_name = QStringLiteral("tst_alert_store");
};

void TestAlertStore::init()
{
    QVERIFY(m_dir.isValid());
    if (!test::backendAvailable())
        return;
    m_scratch = std::make_unique<test::ScratchDatabase>(QLatin1String(QTest::currentTestFunction()));
    m_path = m_scratch->spec();
}

void TestAlertStore::cleanup()
{
    Database::close(m_name);
    m_scratch.reset();
}

QSqlDatabase TestAlertStore::reopen()
{
    Database::close(m_name);
    QString error;
    QSqlDatabase db = Database::open(m_path, m_name, &error);
    if (!db.isValid())
        qWarning() << error;
    return db;
}

static AlertEvent makeEvent(qint64 ruleId, qint64 timeMs, const QString &pair, double z)
{
    AlertEvent e;
    e.ruleId = ruleId;
    e.timeMs = timeMs;
    e.ruleName = QStringLiteral("rule %1").arg(ruleId);
    e.pair = pair;
    e.values = {{QStringLiteral("z"), z}, {QStringLiteral("corr"), std::numeric_limits<double>::quiet_NaN()}};
    e.message = QStringLiteral("z crossed, \"quoted\"");
    return e;
}

void TestAlertStore::rulesAndEventsSurviveRestart()
{
    AlertRule a;
    a.name = QStringLiteral("wide");
    a.pair = QStringLiteral("ETHUSDT/BTCUSDT");
    a.expression = QStringLiteral("abs(z) > 2 && corr > 0.8");
    a.triggerMode = AlertTriggerMode::WhileTrue;
    a.cooldownS = 12.5;
    a.minBars = 300;
    AlertRule b;
    b.name = QStringLiteral("cointegrated");
    b.expression = QStringLiteral("coint_p < 0.05");
    b.enabled = false;
    QList<AlertEvent> events;
    {
        AlertStore store(reopen());
        QVERIFY(store.saveRule(a));
        QVERIFY(store.saveRule(b));
        QVERIFY(a.id > 0 && b.id > a.id);
        // Events as the engine produces them.
        AlertEngine engine;
        engine.setRules({a, b});
        AlertVariables v;
        v[AlertVariable::Z] = 2.5;
        v[AlertVariable::Corr] = 0.9;
        v.bars = 400;
        v.timeMs = 1723075200000;
        events = engine.evaluate(a.pair, v);
        QCOMPARE(events.size(), 1);
        QVERIFY(store.appendEvents(events));
        QVERIFY(events.first().id > 0);
    }
    AlertStore store(reopen()); // "restart"
    const QList<AlertRule> rules = store.loadRules();
    QCOMPARE(rules.size(), 2);
    QCOMPARE(rules.at(0), a);
    QCOMPARE(rules.at(1), b);
    const QList<AlertEvent> back = store.queryEvents();
    QCOMPARE(back.size(), 1);
    const AlertEvent &e = back.first();
    QCOMPARE(e.id, events.first().id);
    QCOMPARE(e.ruleId, a.id);
    QCOMPARE(e.timeMs, 1723075200000);
    QCOMPARE(e.ruleName, a.name);
    QCOMPARE(e.pair, a.pair);
    QCOMPARE(e.message, events.first().message);
    QCOMPARE(e.values, events.first().values);
}

void TestAlertStore::updatesAndDeletesRules()
{
    AlertStore store(reopen());
    AlertRule r;
    r.name = QStringLiteral("x");
    r.expression = QStringLiteral("z > 1");
    QVERIFY(store.saveRule(r));
    r.expression = QStringLiteral("z > 3");
    QVERIFY(store.saveRule(r));
    QList<AlertEvent> events{makeEvent(r.id, 1000, QStringLiteral("A/B"), 3.5)};
    QVERIFY(store.appendEvents(events));
    QCOMPARE(store.loadRules().size(), 1);
    QCOMPARE(store.loadRules().first().expression, QStringLiteral("z > 3"));
    QVERIFY(store.deleteRule(r.id));
    QVERIFY(store.loadRules().isEmpty());
    // The log keeps the event, detached from the deleted rule.
    const QList<AlertEvent> back = store.queryEvents();
    QCOMPARE(back.size(), 1);
    QCOMPARE(back.first().ruleId, 0);
    AlertRule missing = r;
    QString error;
    QVERIFY(!store.saveRule(missing, &error));
    QVERIFY(!error.isEmpty());
}

void TestAlertStore::filtersEvents()
{
    AlertStore store(reopen());
    AlertRule r1, r2;
    r1.name = QStringLiteral("one");
    r1.expression = QStringLiteral("z > 1");
    r2.name = QStringLiteral("two");
    r2.expression = QStringLiteral("z < -1");
    QVERIFY(store.saveRule(r1));
    QVERIFY(store.saveRule(r2));
    QList<AlertEvent> events;
    for (int k = 0; k < 10; ++k)
        events << makeEvent(k % 2 ? r2.id : r1.id, 1000 * k, k < 5 ? QStringLiteral("A/B") : QStringLiteral("C/D"), k);
    events[7].message = QStringLiteral("Special move");
    events[8].message = QStringLiteral("spread 50% wider");
    events[9].message = QStringLiteral("spread 50 x wider");
    QVERIFY(store.appendEvents(events));

    QCOMPARE(store.queryEvents().size(), 10);
    QCOMPARE(store.queryEvents().first().timeMs, 9000); // newest first
    AlertEventFilter f;
    f.ruleId = r1.id;
    QCOMPARE(store.queryEvents(f).size(), 5);
    f = {};
    f.pair = QStringLiteral("C/D");
    QCOMPARE(store.queryEvents(f).size(), 5);
    f = {};
    f.fromMs = 2000;
    f.toMs = 4000;
    QCOMPARE(store.queryEvents(f).size(), 3);
    f = {};
    f.text = QStringLiteral("special");
    QCOMPARE(store.queryEvents(f).size(), 1);
    f.text = QStringLiteral("50%"); // a literal percent sign, not a wildcard
    QCOMPARE(store.queryEvents(f).size(), 1);
    QCOMPARE(store.queryEvents(f).first().message, QStringLiteral("spread 50% wider"));
    f.text = QStringLiteral("50_x"); // a literal underscore
    QCOMPARE(store.queryEvents(f).size(), 0);
    f = {};
    f.limit = 4;
    QCOMPARE(store.queryEvents(f).size(), 4);
    f = {};
    f.pair = QStringLiteral("A/B");
    QCOMPARE(store.deleteEvents(f), 5);
    QCOMPARE(store.queryEvents().size(), 5);
}

void TestAlertStore::exportsEventsCsv()
{
    AlertStore store(reopen());
    QList<AlertEvent> events{makeEvent(0, 1723075200123, QStringLiteral("ETHUSDT/BTCUSDT"), 2.125)};
    QVERIFY(store.appendEvents(events));
    const QString path = m_dir.filePath(QStringLiteral("events.csv"));
    QString error;
    QVERIFY2(store.exportEventsCsv({}, path, &error), qPrintable(error));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.at(0), QStringLiteral("id,time_utc,ts_ms,rule_id,rule,pair,message,values"));
    QCOMPARE(lines.at(1), QStringLiteral("%1,2024-08-08T00:00:00.123Z,1723075200123,,rule 0,ETHUSDT/BTCUSDT,"
                                         "\"z crossed, \"\"quoted\"\"\",z=2.125; corr=nan")
                              .arg(events.first().id));
}

QTEST_GUILESS_MAIN(TestAlertStore)
#include "tst_alert_store.moc"
