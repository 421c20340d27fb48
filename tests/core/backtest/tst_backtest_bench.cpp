#include "backtest/backtest_sweep.h"

#include <QTextStream>
#include <QtTest>

using namespace pairlab;

/** Runs the sweep benchmark (400 backtests of 100k bars) and prints the figures; no timing assertion
    (the machine is shared). */
class TestBacktestBench : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void printsSweepTimings()
    {
        QString text;
        QTextStream out(&text);
        const int rc = runBacktestBench({QStringLiteral("--bars"), QStringLiteral("100000"), QStringLiteral("--grid"),
                                         QStringLiteral("20")},
                                        out);
        out.flush();
        qInfo().noquote() << text;
        QCOMPARE(rc, 0);
    }
};

QTEST_GUILESS_MAIN(TestBacktestBench)
#include "tst_backtest_bench.moc"
