#include "alerts_panel.h"
#include "dialogs/alert_dialog.h"
#include "models/alert_models.h"

#include <QAbstractItemModelTester>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace pairlab;

/** The alert dialog's live validation and preview, and the alerts dock end to end: a rule saved, an
 *  update that makes it true fires a notification and an event, and both survive a restart. */
class TestAlertsPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void dialogShowsErrorPositionAndPreview();
    void firesPersistsAndSurvivesRestart();
};

static AlertVariables variables(double z, double corr, qint64 timeMs, qint64 bars)
{
    AlertVariables v;
    v[AlertVariable::Z] = z;
    v[AlertVariable::Corr] = corr;
    v.timeMs = timeMs;
    v.bars = bars;
    return v;
}

void TestAlertsPanel::dialogShowsErrorPositionAndPreview()
{
    AlertRule rule;
    rule.name = QStringLiteral("wide");
    AlertDialog d(rule, {QStringLiteral("ETHUSDT/BTCUSDT")}, variables(2.5, 0.9, 1, 500));
    QPushButton *ok = d.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    d.setExpression(QStringLiteral("abs(z > 2"));
    QVERIFY(!ok->isEnabled());
    // One position, 1-based, said once ("position 9: unexpected '&&' at position 8" was two).
    QVERIFY2(d.errorText().contains(QLatin1String("column 10")), qPrintable(d.errorText()));
    QCOMPARE(d.errorText().count(QLatin1String("column")), 1);
    QVERIFY2(!d.errorText().contains(QLatin1String("position")), qPrintable(d.errorText()));
    QVERIFY(d.errorText().contains(QLatin1Char('^')));
    QCOMPARE(d.variableRows(), AlertVariableCount); // every variable is listed with its meaning
    d.setExpression(QStringLiteral("abs(zz) > 2"));
    QVERIFY(!ok->isEnabled()); // unknown variable
    d.setExpression(QStringLiteral("abs(z) > 2 && corr > 0.8"));
    QVERIFY(ok->isEnabled());
    QVERIFY2(d.previewText().contains(QLatin1String("true")), qPrintable(d.previewText()));
    d.setExpression(QStringLiteral("z / 0 > 1"));
    QVERIFY2(d.previewText().contains(QLatin1String("not evaluable")), qPrintable(d.previewText()));
    QCOMPARE(d.rule().expression, QStringLiteral("z / 0 > 1"));
}

void TestAlertsPanel::firesPersistsAndSurvivesRestart()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("a.sqlite"));
    {
        AlertsPanel panel;
        QAbstractItemModelTester t1(panel.rulesModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(panel.eventsModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy rules(&panel, &AlertsPanel::rulesChanged);
        QSignalSpy fired(&panel, &AlertsPanel::fired);
        panel.setDatabase(db);
        QTRY_VERIFY(rules.size() >= 1);
        AlertRule r;
        r.name = QStringLiteral("z beyond 2");
        r.expression = QStringLiteral("abs(zscore) > 2");
        r.cooldownS = 10;
        r.minBars = 100;
        panel.saveRule(r);
        QTRY_COMPARE(panel.rulesModel()->rowCount(), 1);
        const QString pair = QStringLiteral("ETHUSDT/BTCUSDT");
        panel.evaluate(pair, variables(2.5, 0.9, 1000, 50));  // too few bars
        panel.evaluate(pair, variables(1.0, 0.9, 2000, 200)); // false
        panel.evaluate(pair, variables(2.5, 0.9, 3000, 201)); // becomes true: fires
        panel.evaluate(pair, variables(2.6, 0.9, 4000, 202)); // still true: no new event (rising mode)
        QTRY_COMPARE(fired.size(), 1);
        QVERIFY(fired.first().first().toString().contains(QLatin1String("z beyond 2")));
        QTRY_COMPARE(panel.eventsModel()->rowCount(), 1);
        // Disabling through the checkbox is persisted.
        QVERIFY(panel.rulesModel()->setData(panel.rulesModel()->index(0, AlertRulesModel::Name),
                                            Qt::Unchecked, Qt::CheckStateRole));
        QTRY_VERIFY(!panel.rulesModel()->rules().isEmpty() && !panel.rulesModel()->rules().first().enabled);
    }
    AlertsPanel again; // a restart
    again.setDatabase(db);
    QTRY_COMPARE(again.rulesModel()->rowCount(), 1);
    QCOMPARE(again.rulesModel()->rules().first().name, QStringLiteral("z beyond 2"));
    QVERIFY(!again.rulesModel()->rules().first().enabled);
    QTRY_COMPARE(again.eventsModel()->rowCount(), 1);
}

QTEST_MAIN(TestAlertsPanel)
#include "tst_alerts_panel.moc"
