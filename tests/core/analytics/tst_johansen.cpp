#include "analytics/johansen.h"
#include "cli/commands.h"

#include "test_util.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include <cmath>

using namespace pairlab;

namespace {

QJsonObject runJohansen(const QStringList &args, int *exitCode, QString *errText)
{
    QString outText;
    QTextStream out(&outText), err(errText);
    *exitCode = cli::johansen(args, out, err);
    return QJsonDocument::fromJson(outText.toUtf8()).object();
}

bool sameList(const QJsonArray &got, const QJsonArray &want, double rel, double abs, QString *why)
{
    if (got.size() != want.size()) {
        *why = QStringLiteral("%1 values, expected %2").arg(got.size()).arg(want.size());
        return false;
    }
    for (qsizetype i = 0; i < got.size(); ++i)
        if (!test::fuzzyEqual(got[i].toDouble(), want[i].toDouble(), rel, abs)) {
            *why = QStringLiteral("[%1]: %2, expected %3")
                       .arg(i)
                       .arg(got[i].toDouble(), 0, 'g', 17)
                       .arg(want[i].toDouble(), 0, 'g', 17);
            return false;
        }
    return true;
}

} // namespace

/** Johansen on real multi-asset closes (four equity indices, five country ETFs, three USD-M perpetuals' 1 m
 *  closes) against statsmodels 0.13.5's coint_johansen for every det_order and k_ar_diff of 0..2, through
 *  the stable `pairlab-cli johansen` interface; its refusals. */
class TestJohansen : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void equalsStatsmodels_data();
    void equalsStatsmodels();
    void refusesWhatItCannotTest();
    void criticalValuesAreStatsmodelsTables();
};

void TestJohansen::equalsStatsmodels_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QJsonObject>("reference");
    QTest::addColumn<int>("k");
    QTest::addColumn<int>("n");
    QFile f(test::sourceFile(QStringLiteral("tests/core/analytics/data/johansen_reference.json")));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject all = QJsonDocument::fromJson(f.readAll()).object();
    QCOMPARE(all.size(), 3);
    for (auto it = all.begin(); it != all.end(); ++it) {
        const QJsonObject input = it.value().toObject();
        for (const QJsonValue c : input.value(QLatin1String("cases")).toArray()) {
            const QJsonObject ref = c.toObject();
            QTest::addRow("%s det%d k%d", qPrintable(it.key()), ref[QLatin1String("det_order")].toInt(),
                          ref[QLatin1String("k_ar_diff")].toInt())
                << test::sourceFile(QStringLiteral("tests/core/analytics/data/") + it.key()) << ref
                << input[QLatin1String("k")].toInt() << input[QLatin1String("n")].toInt();
        }
    }
}

void TestJohansen::equalsStatsmodels()
{
    QFETCH(QString, file);
    QFETCH(QJsonObject, reference);
    QFETCH(int, k);
    QFETCH(int, n);
    const int det = reference[QLatin1String("det_order")].toInt();
    const int lags = reference[QLatin1String("k_ar_diff")].toInt();
    int rc = 0;
    QString err;
    const QJsonObject o = runJohansen({file, QStringLiteral("--det-order"), QString::number(det),
                                       QStringLiteral("--k-ar-diff"), QString::number(lags)},
                                      &rc, &err);
    QVERIFY2(rc == 0, qPrintable(err));
    QCOMPARE(o[QLatin1String("k")].toInt(), k);
    QCOMPARE(o[QLatin1String("n")].toInt(), n);
    QCOMPARE(o[QLatin1String("det_order")].toInt(), det);
    QCOMPARE(o[QLatin1String("k_ar_diff")].toInt(), lags);
    QCOMPARE(o[QLatin1String("nobs")].toInt(), n - lags - 1);
    QString why;
    // Eigenvalues of ~1e-4..1e-2 from a generalized symmetric solver vs numpy's eig of skk⁻¹·sig.
    QVERIFY2(sameList(o[QLatin1String("eig")].toArray(), reference[QLatin1String("eig")].toArray(), 1e-8,
                      1e-13, &why),
             qPrintable(QStringLiteral("eig ") + why));
    QVERIFY2(sameList(o[QLatin1String("trace")].toArray(), reference[QLatin1String("trace")].toArray(), 1e-8,
                      1e-9, &why),
             qPrintable(QStringLiteral("trace ") + why));
    QVERIFY2(sameList(o[QLatin1String("max_eig")].toArray(), reference[QLatin1String("max_eig")].toArray(),
                      1e-8, 1e-9, &why),
             qPrintable(QStringLiteral("max_eig ") + why));
    for (const char *key : {"trace_crit", "max_eig_crit"}) {
        const QJsonArray got = o[QLatin1String(key)].toArray(),
                         want = reference[QLatin1String(key)].toArray();
        QCOMPARE(got.size(), k);
        for (int r = 0; r < k; ++r)
            QVERIFY2(sameList(got[r].toArray(), want[r].toArray(), 0, 0, &why),
                     qPrintable(QLatin1String(key) + why));
    }
    // Eigenvectors up to sign and scale: each column divided by its first weight.
    const QJsonArray evec = o[QLatin1String("evec")].toArray();
    const QJsonArray want = reference[QLatin1String("evec_normalised")].toArray();
    QCOMPARE(evec.size(), k);
    for (int r = 0; r < k; ++r) {
        const double first = evec[0].toArray()[r].toDouble();
        QVERIFY(first != 0);
        for (int i = 0; i < k; ++i) {
            const double got = evec[i].toArray()[r].toDouble() / first;
            const double expected = want[i].toArray()[r].toDouble();
            QVERIFY2(test::fuzzyEqual(got, expected, 1e-6, 1e-9),
                     qPrintable(QStringLiteral("evec[%1][%2] / first: %3, expected %4")
                                    .arg(i)
                                    .arg(r)
                                    .arg(got, 0, 'g', 17)
                                    .arg(expected, 0, 'g', 17)));
        }
    }
}

void TestJohansen::refusesWhatItCannotTest()
{
    QTemporaryDir dir;
    auto write = [&](const char *name, const QByteArray &text) {
        QFile f(dir.filePath(QLatin1String(name)));
        f.open(QIODevice::WriteOnly);
        f.write(text);
        return f.fileName();
    };
    int rc = 0;
    QString err;
    // A hole: the file and line of the empty cell.
    const QString hole = write("hole.csv", "ts_ms,A,B\n1,1.0,2.0\n2,1.1,\n3,1.2,2.2\n");
    runJohansen({hole}, &rc, &err);
    QCOMPARE(rc, 1);
    QVERIFY2(err.contains(hole + QLatin1String(":3: B: empty")), qPrintable(err));
    // Too few rows for the lags.
    err.clear();
    const QString shortFile = write("short.csv", "ts_ms,A,B\n1,1.0,2.0\n2,1.1,2.1\n3,1.2,2.3\n4,1.25,2.2\n");
    runJohansen({shortFile, QStringLiteral("--k-ar-diff"), QStringLiteral("2")}, &rc, &err);
    QCOMPARE(rc, 1);
    QVERIFY2(err.contains(QLatin1String("too few")), qPrintable(err));
    // A duplicated series: singular, said so.
    err.clear();
    QByteArray twin = "ts_ms,A,B\n";
    for (int i = 0; i < 200; ++i)
        twin += QByteArray::number(i + 1) + ',' +
                QByteArray::number(100 + std::sin(i * 0.37) + i * 0.01, 'g', 17) + ',' +
                QByteArray::number(100 + std::sin(i * 0.37) + i * 0.01, 'g', 17) + '\n';
    runJohansen({write("twin.csv", twin)}, &rc, &err);
    QCOMPARE(rc, 1);
    QVERIFY2(err.contains(QLatin1String("collinear")), qPrintable(err));
    // Usage: a det_order statsmodels has no critical values for; a missing file name.
    err.clear();
    runJohansen({hole, QStringLiteral("--det-order"), QStringLiteral("2")}, &rc, &err);
    QCOMPARE(rc, 2);
    QVERIFY2(err.contains(QLatin1String("--det-order")), qPrintable(err));
    runJohansen({}, &rc, &err);
    QCOMPARE(rc, 2);
    // One series is not a basket.
    QVERIFY(!johansen({{1, 2, 3}}, 0, 1).ok());
}

void TestJohansen::criticalValuesAreStatsmodelsTables()
{
    // Spot values of the MacKinnon-Haug-Michelis tables (k - r = 1 and 12) and NaN outside them.
    QCOMPARE(johansenTraceCritical(1, 0), (std::array<double, 3>{2.7055, 3.8415, 6.6349}));
    QCOMPARE(johansenTraceCritical(12, 1), (std::array<double, 3>{350.1125, 358.719, 375.3203}));
    QCOMPARE(johansenMaxEigCritical(1, -1), (std::array<double, 3>{2.9762, 4.1296, 6.9406}));
    QVERIFY(std::isnan(johansenTraceCritical(13, 0)[0]));
    QVERIFY(std::isnan(johansenMaxEigCritical(3, 2)[1]));
}

QTEST_GUILESS_MAIN(TestJohansen)
#include "tst_johansen.moc"
