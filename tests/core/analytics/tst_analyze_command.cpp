#include "analytics/adf.h"
#include "analytics/regression.h"
#include "analytics/rolling.h"
#include "analytics_test_data.h"
#include "cli/analyze_command.h"
#include "cli/commands.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace pairlab;

/** `pairlab-cli analyze` end to end on a small real CSV: JSON shape, values equal to the pure functions,
    the --series file, and clear errors for bad input. */
class TestAnalyzeCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void printsJsonMatchingPureFunctions();
    void writesOneSeriesRowPerInputRow();
    void rejectsBadInput_data();
    void rejectsBadInput();
    void rejectsBadUsage();
    void collinearLegsGiveNullCointStatAndWarning();

private:
    QString writeFile(const QString &name, const QByteArray &content);
    QString m_csv;
    QTemporaryDir m_dir;
};

void TestAnalyzeCommand::initTestCase()
{
    m_csv = test::sourceFile(QStringLiteral("tests/core/analytics/data/btc_eth_usdm_1s_20240808.csv"));
    QVERIFY(QFile::exists(m_csv));
    QVERIFY(m_dir.isValid());
}

QString TestAnalyzeCommand::writeFile(const QString &name, const QByteArray &content)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(content);
    return path;
}

void TestAnalyzeCommand::printsJsonMatchingPureFunctions()
{
    QString outText, errText;
    QTextStream out(&outText), err(&errText);
    QCOMPARE(cli::analyze({m_csv}, out, err), 0);
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(outText.toUtf8(), &pe);
    QVERIFY2(pe.error == QJsonParseError::NoError, qPrintable(pe.errorString()));
    const QJsonObject o = doc.object();
    QCOMPARE(o.value(QLatin1String("n")).toInt(), 343);
    QCOMPARE(o.value(QLatin1String("window")).toInt(), 120);
    const QStringList top = {
        QStringLiteral("ols"),          QStringLiteral("huber"),    QStringLiteral("theil_sen"),
        QStringLiteral("kalman2"),      QStringLiteral("kalman1"),  QStringLiteral("adf"),
        QStringLiteral("coint"),        QStringLiteral("stats"),    QStringLiteral("half_life"),
        QStringLiteral("hurst"),        QStringLiteral("backtest"), QStringLiteral("timings_ms"),
        QStringLiteral("kalman_spread")};
    for (const QString &k : top)
        QVERIFY2(o.contains(k), qPrintable(k));
    for (const char *trend : {"c", "ct", "n"}) {
        const QJsonObject a = o[QLatin1String("adf")][QLatin1String(trend)].toObject();
        for (const char *k : {"stat", "pvalue", "usedlag", "nobs", "crit", "icbest"})
            QVERIFY2(a.contains(QLatin1String(k)), k);
        for (const char *c : {"1%", "5%", "10%"})
            QVERIFY(a[QLatin1String("crit")].toObject().contains(QLatin1String(c)));
    }
    for (const char *leg : {"x", "y"})
        for (const char *part : {"levels", "returns"})
            for (const char *k : {"mean", "std", "skew", "kurtosis", "skew_unbiased", "kurtosis_unbiased"})
                QVERIFY(
                    o[QLatin1String("stats")][QLatin1String(leg)][QLatin1String(part)].toObject().contains(
                        QLatin1String(k)));

    // Values round-trip exactly (shortest representation) to what the pure functions return.
    auto d = test::btcEth1s();
    const auto &x = d[QStringLiteral("x")], &y = d[QStringLiteral("y")];
    const OlsResult ols = olsFit(x, y);
    QCOMPARE(o[QLatin1String("ols")][QLatin1String("beta")].toDouble(), ols.beta);
    QCOMPARE(o[QLatin1String("ols")][QLatin1String("fit_at_mean_x")].toDouble(), ols.fitAtMeanX);
    const TheilSenResult ts = theilSen(x, y);
    QCOMPARE(o[QLatin1String("theil_sen")][QLatin1String("slope")].toDouble(), ts.slope);
    QCOMPARE(o[QLatin1String("theil_sen")][QLatin1String("high_slope")].toDouble(), ts.highSlope);
    const HuberResult h = huberFit(x, y);
    QCOMPARE(o[QLatin1String("huber")][QLatin1String("beta")].toDouble(), h.beta);
    QCOMPARE(o[QLatin1String("huber")][QLatin1String("iterations")].toInt(), h.iterations);
    const auto s = spreadSeries(x, y, ols.alpha, ols.beta);
    const AdfResult adf = adfuller(s, AdfOptions{AdfTrend::ConstantTrend, AdfAutolag::Aic, -1});
    QCOMPARE(o[QLatin1String("adf")][QLatin1String("ct")][QLatin1String("stat")].toDouble(), adf.stat);
    QCOMPARE(o[QLatin1String("adf")][QLatin1String("ct")][QLatin1String("usedlag")].toInt(), adf.usedlag);
    const CointResult c = engleGranger(y, x);
    QCOMPARE(o[QLatin1String("coint")][QLatin1String("stat")].toDouble(), c.stat);
    QCOMPARE(o[QLatin1String("coint")][QLatin1String("pvalue")].toDouble(), c.pvalue);
    QCOMPARE(o[QLatin1String("kalman2")][QLatin1String("beta")].toDouble(), kalman2(x, y).beta.back());
    QCOMPARE(o[QLatin1String("kalman1")][QLatin1String("beta")].toDouble(), kalman1(x, y).beta.back());
    // The scaled Kalman spread (warm-up = the window), added beside the §4 filters' fields.
    const KalmanSpread ks = kalmanSpread(x, y, 120);
    const QJsonObject kj = o[QLatin1String("kalman_spread")].toObject();
    QCOMPARE(kj[QLatin1String("warmup")].toInt(), 120);
    QCOMPARE(kj[QLatin1String("innovation")].toDouble(), ks.innovation.back());
    QCOMPARE(kj[QLatin1String("z")].toDouble(), ks.zscore.back());
    QCOMPARE(kj[QLatin1String("r")].toDouble(), ks.r);
    QCOMPARE(kj[QLatin1String("beta")].toDouble(), ks.beta.back());
    // y's last return is exactly 0: a number, not null; an undefined value would be null.
    QVERIFY(o[QLatin1String("stats")][QLatin1String("y")][QLatin1String("last_return")].isDouble());
    QVERIFY(o[QLatin1String("timings_ms")].toObject().contains(QLatin1String("theil_sen")));
}

void TestAnalyzeCommand::writesOneSeriesRowPerInputRow()
{
    const QString series = m_dir.filePath(QStringLiteral("series.csv"));
    QString outText, errText;
    QTextStream out(&outText), err(&errText);
    QCOMPARE(cli::analyze({m_csv, QStringLiteral("--series"), series, QStringLiteral("--window"),
                           QStringLiteral("60")},
                          out, err),
             0);
    QFile f(series);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 344);
    QCOMPARE(lines[0],
             QByteArray(
                 "ts_ms,spread,zscore,corr_price,corr_logret,kalman_alpha,kalman_beta,position,pnl,equity"));
    QCOMPARE(lines[1].split(',').value(2), QByteArray()); // z undefined before the window fills
    QVERIFY(!lines[60].split(',').value(2).isEmpty());    // row t = 59 = W-1 has z
    QVERIFY(lines[60].split(',').value(4).isEmpty());     // log-return correlation starts at t = W
    QVERIFY(!lines[61].split(',').value(4).isEmpty());
}

void TestAnalyzeCommand::rejectsBadInput_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expectedInError");
    QTest::newRow("missingColumn") << QByteArray("ts_ms,x\n1,2\n") << "missing column(s) y";
    QTest::newRow("nonNumericNamesLine")
        << QByteArray("ts_ms,x,y\n1,2,3\n2,abc,4\n") << "line 3: x is not a finite number";
    QTest::newRow("nanValue") << QByteArray("ts_ms,x,y\n1,2,3\n2,nan,4\n") << "line 3";
    QTest::newRow("shortRow") << QByteArray("ts_ms,x,y\n1,2\n") << "line 2: 2 field(s)";
    QByteArray few = "ts_ms,x,y\n";
    for (int i = 0; i < 50; ++i)
        few += QByteArray::number(i) + ',' + QByteArray::number(100 + i % 7) + ',' +
               QByteArray::number(200 + i % 5) + '\n';
    QTest::newRow("fewerRowsThanWindow") << few << "fewer than the window of 120";
    QByteArray constant = "ts_ms,x,y\n";
    for (int i = 0; i < 200; ++i)
        constant += QByteArray::number(i) + ",2000.5," + QByteArray::number(60000 + i % 9) + '\n';
    QTest::newRow("constantX") << constant << "x is constant";
    QTest::newRow("empty") << QByteArray() << "empty file";
}

void TestAnalyzeCommand::rejectsBadInput()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expectedInError);
    const QString path =
        writeFile(QString::fromLatin1(QTest::currentDataTag()) + QStringLiteral(".csv"), content);
    QString outText, errText;
    QTextStream out(&outText), err(&errText);
    QVERIFY(cli::analyze({path}, out, err) != 0);
    QVERIFY2(errText.contains(expectedInError), qPrintable(errText));
    QVERIFY(outText.isEmpty());
}

void TestAnalyzeCommand::rejectsBadUsage()
{
    QString outText, errText;
    QTextStream out(&outText), err(&errText);
    QCOMPARE(cli::analyze({}, out, err), 2);
    QCOMPARE(cli::analyze({m_csv, QStringLiteral("--window"), QStringLiteral("x")}, out, err), 2);
    QCOMPARE(cli::analyze({m_csv, QStringLiteral("--bogus")}, out, err), 2);
    QCOMPARE(cli::analyze({QStringLiteral("/nonexistent/file.csv")}, out, err), 1);
    QVERIFY(errText.contains(QLatin1String("cannot open")));
}

void TestAnalyzeCommand::collinearLegsGiveNullCointStatAndWarning()
{
    QByteArray csv = "ts_ms,x,y\n";
    for (int i = 0; i < 400; ++i) {
        const double x = 2000 + 0.01 * (i * 37 % 101) + 0.05 * i;
        csv += QByteArray::number(i * 1000) + ',' + QByteArray::number(x, 'g', 17) + ',' +
               QByteArray::number(100 + 23 * x, 'g', 17) + '\n';
    }
    const QString path = writeFile(QStringLiteral("collinear.csv"), csv);
    QString outText, errText;
    QTextStream out(&outText), err(&errText);
    QCOMPARE(cli::analyze({path}, out, err), 0);
    const QJsonObject o = QJsonDocument::fromJson(outText.toUtf8()).object();
    QVERIFY(o[QLatin1String("coint")][QLatin1String("stat")].isNull()); // -inf is printed as null
    QCOMPARE(o[QLatin1String("coint")][QLatin1String("pvalue")].toDouble(), 0.0);
    QVERIFY2(errText.contains(QLatin1String("collinear")), qPrintable(errText));
}

QTEST_GUILESS_MAIN(TestAnalyzeCommand)
#include "tst_analyze_command.moc"
