#include "io/csv_import.h"

#include <QTextStream>
#include <QtTest>

using namespace pairlab;

/** Times the import of a 1M-row OHLC file and a 1M-row Binance trades dump (real rows repeated). Prints the
 *  figures; fails only when an import fails or is far beyond the 2 s goal (the machine is shared). */
class TestCsvImportBench : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void importsMillionRows();
};

void TestCsvImportBench::importsMillionRows()
{
    QString text;
    QTextStream out(&text);
    const int rc = runImportBench({QStringLiteral("--rows"), QStringLiteral("1000000")}, out);
    out.flush();
    qInfo().noquote() << text;
    QCOMPARE(rc, 0);
}

QTEST_GUILESS_MAIN(TestCsvImportBench)
#include "tst_csv_import_bench.moc"
