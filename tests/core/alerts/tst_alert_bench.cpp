#include "alerts/alert_engine.h"

#include <QTextStream>
#include <QtTest>

using namespace pairlab;

/** Runs the alert benchmark and prints µs per rule per update (no timing assertion: shared machine). */
class TestAlertBench : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void printsMicrosecondsPerRule()
    {
        QString text;
        QTextStream out(&text);
        const int rc = runAlertBench({QStringLiteral("--rules"), QStringLiteral("50"), QStringLiteral("--updates"),
                                      QStringLiteral("20000")},
                                     out);
        out.flush();
        qInfo().noquote() << text;
        QCOMPARE(rc, 0);
        QVERIFY(text.contains(QStringLiteral("us per rule per update")));
    }
};

QTEST_GUILESS_MAIN(TestAlertBench)
#include "tst_alert_bench.moc"
