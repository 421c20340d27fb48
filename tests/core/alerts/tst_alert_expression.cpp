#include "alerts/alert_expression.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace pairlab;

/** Compilation (positions, messages, used variables, aliases) and evaluation edge cases of alert
    expressions. */
class TestAlertExpression : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void compilesValidExpressions_data();
    void compilesValidExpressions();
    void rejectsInvalidExpressionsWithPosition_data();
    void rejectsInvalidExpressionsWithPosition();
    void refusesCodeAndFileAccessAndRunsNothing_data();
    void refusesCodeAndFileAccessAndRunsNothing();
    void refusesOverlongAndDeeplyNestedExpressions();
    void aliasesReadTheSameVariable();
    void evaluatesArithmeticAndLogic_data();
    void evaluatesArithmeticAndLogic();
    void divisionByZeroIsInvalidWithReason();
    void undefinedVariableIsInvalidWithReason();
    void nonFiniteResultIsInvalid();
    void previewReportsCompileErrors();
    void namesAreComplete();

private:
    QTemporaryDir m_markerDir;
};

static AlertVariables sample()
{
    AlertVariables v;
    v[AlertVariable::Z] = 2.5;
    v[AlertVariable::Spread] = 12.0;
    v[AlertVariable::Beta] = 18.0;
    v[AlertVariable::Corr] = 0.9;
    v[AlertVariable::CorrRet] = 0.4;
    v[AlertVariable::AdfP] = 0.01;
    v[AlertVariable::CointP] = 0.03;
    v[AlertVariable::HalfLife] = 300;
    v[AlertVariable::PriceX] = 2000;
    v[AlertVariable::PriceY] = 36000;
    v[AlertVariable::RetX] = 0.001;
    v[AlertVariable::RetY] = -0.0005;
    v[AlertVariable::VolumeX] = 15;
    v[AlertVariable::VolumeY] = 3;
    return v;
}

void TestAlertExpression::compilesValidExpressions_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QStringList>("used");
    QTest::newRow("absZAndCorr") << QStringLiteral("abs(z) > 2 && corr > 0.8")
                                 << QStringList{QStringLiteral("z"), QStringLiteral("corr")};
    QTest::newRow("alias") << QStringLiteral("zscore < -2") << QStringList{QStringLiteral("z")};
    QTest::newRow("allStats") << QStringLiteral("adf_p < 0.05 || coint_p < 0.05 && half_life < 600")
                              << QStringList{QStringLiteral("adf_p"), QStringLiteral("coint_p"),
                                             QStringLiteral("half_life")};
    QTest::newRow("legs")
        << QStringLiteral(
               "abs(ret_x - ret_y) > 0.001 && volume_x + volume_y > 10 && price_x > 0 && price_y > 0")
        << QStringList{QStringLiteral("price_x"), QStringLiteral("price_y"),  QStringLiteral("ret_x"),
                       QStringLiteral("ret_y"),   QStringLiteral("volume_x"), QStringLiteral("volume_y")};
    QTest::newRow("ternary") << QStringLiteral("spread > 0 ? beta > 1 : corr_ret > 0")
                             << QStringList{QStringLiteral("spread"), QStringLiteral("beta"),
                                            QStringLiteral("corr_ret")};
    QTest::newRow("constantOnly") << QStringLiteral("1 < 2") << QStringList{};
}

void TestAlertExpression::compilesValidExpressions()
{
    QFETCH(QString, expression);
    QFETCH(QStringList, used);
    const AlertCompileResult r = compileAlertExpression(expression);
    QVERIFY2(r.ok, qPrintable(r.message));
    QCOMPARE(r.position, -1);
    QCOMPARE(r.usedVariables, used);
}

void TestAlertExpression::rejectsInvalidExpressionsWithPosition_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<int>("position");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("empty") << QString() << 0 << QStringLiteral("empty");
    QTest::newRow("blank") << QStringLiteral("   ") << 0 << QStringLiteral("empty");
    QTest::newRow("unknownVariable") << QStringLiteral("z > 2 && foo < 1") << 9 << QStringLiteral("'foo'");
    QTest::newRow("unknownFunction") << QStringLiteral("system(1)") << 0 << QStringLiteral("'system'");
    QTest::newRow("danglingOperator") << QStringLiteral("abs(z) > 2 &&") << 13 << QString();
    QTest::newRow("missingParenthesis") << QStringLiteral("abs(z > 2") << 9 << QString();
    QTest::newRow("twoValues") << QStringLiteral("z 2") << 2 << QString();
    QTest::newRow("assignment") << QStringLiteral("z = 3") << 2 << QStringLiteral("'='");
    QTest::newRow("wordOperator") << QStringLiteral("z > 1 and corr > 0") << 6 << QStringLiteral("'and'");
    QTest::newRow("string") << QStringLiteral("\"abc\"") << 5 << QString();
    QTest::newRow("commaList") << QStringLiteral("z > 1, corr > 2") << 5 << QStringLiteral("one expression");
    QTest::newRow("nonAscii") << QStringLiteral("z \u2265 2") << 2 << QStringLiteral("invalid character");
}

void TestAlertExpression::rejectsInvalidExpressionsWithPosition()
{
    QFETCH(QString, expression);
    QFETCH(int, position);
    QFETCH(QString, messagePart);
    const AlertCompileResult r = compileAlertExpression(expression);
    QVERIFY(!r.ok);
    QCOMPARE(r.position, position);
    QVERIFY(!r.message.isEmpty());
    QVERIFY2(r.message.contains(messagePart), qPrintable(r.message));
    QVERIFY(r.usedVariables.isEmpty());
}

void TestAlertExpression::refusesCodeAndFileAccessAndRunsNothing_data()
{
    // %1 is a path in a temporary folder: if anything ran the command or opened the file, it would appear.
    const int marker = int(m_markerDir.filePath(QStringLiteral("ran")).size());
    QTest::addColumn<QString>("expression");
    QTest::addColumn<int>("position");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("systemCall") << QStringLiteral("system(\"touch %1\")") << 0 << QStringLiteral("'system'");
    QTest::newRow("execCall") << QStringLiteral("exec(\"touch %1\")") << 0 << QStringLiteral("'exec'");
    QTest::newRow("popenCall") << QStringLiteral("popen(\"touch %1\", \"r\")") << 0
                               << QStringLiteral("'popen'");
    QTest::newRow("fopenCall") << QStringLiteral("z > fopen(\"%1\")") << 4 << QStringLiteral("'fopen'");
    QTest::newRow("bareFileName") << QStringLiteral("%1") << 0 << QString();
    QTest::newRow("quotedFileName") << QStringLiteral("\"%1\" > 0") << marker + 2
                                    << QString(); // a string is no value
    QTest::newRow("shellSubstitution")
        << QStringLiteral("$(touch %1)") << 0 << QStringLiteral("unexpected '$");
    QTest::newRow("backticks") << QStringLiteral("`touch %1`") << 0 << QStringLiteral("unexpected '`");
    QTest::newRow("semicolonChain") << QStringLiteral("z > 1; touch %1") << 5 << QStringLiteral("';'");
    QTest::newRow("unknownFunction") << QStringLiteral("spawn(z)") << 0 << QStringLiteral("'spawn'");
}

void TestAlertExpression::refusesCodeAndFileAccessAndRunsNothing()
{
    QFETCH(QString, expression);
    QFETCH(int, position);
    QFETCH(QString, messagePart);
    const QString marker = m_markerDir.filePath(QStringLiteral("ran"));
    const QString text = expression.arg(marker);
    const AlertExpression e(text);
    QVERIFY(!e.isValid());
    QCOMPARE(e.compileResult().position, position);
    QVERIFY2(!e.compileResult().message.isEmpty(), qPrintable(text));
    QVERIFY2(e.compileResult().message.contains(messagePart), qPrintable(e.compileResult().message));
    AlertVariables vars;
    vars.values.fill(1.0);
    const AlertEvaluation ev = e.evaluate(vars);
    QVERIFY(!ev.valid);
    QCOMPARE(ev.reason, e.compileResult().message);
    QVERIFY(!QFile::exists(marker));
    QCOMPARE(QDir(m_markerDir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList());
}

void TestAlertExpression::refusesOverlongAndDeeplyNestedExpressions()
{
    QString longest = QStringLiteral("z");
    while (longest.size() + 4 <= MaxAlertExpressionLength)
        longest += QStringLiteral(" + z");
    QVERIFY2(compileAlertExpression(longest).ok, qPrintable(compileAlertExpression(longest).message));
    const AlertCompileResult tooLong = compileAlertExpression(longest + QStringLiteral(" + z"));
    QVERIFY(!tooLong.ok);
    QCOMPARE(tooLong.position, MaxAlertExpressionLength);
    QVERIFY2(tooLong.message.contains(QString::number(MaxAlertExpressionLength)),
             qPrintable(tooLong.message));
    QVERIFY(!compileAlertExpression(QString(100000, QLatin1Char('z'))).ok);

    const auto nested = [](int depth) {
        return QString(depth, QLatin1Char('(')) + QStringLiteral("z") + QString(depth, QLatin1Char(')')) +
               QStringLiteral(" > 1");
    };
    QVERIFY(compileAlertExpression(nested(MaxAlertExpressionDepth)).ok);
    const AlertCompileResult deep = compileAlertExpression(nested(MaxAlertExpressionDepth + 1));
    QVERIFY(!deep.ok);
    QCOMPARE(deep.position, MaxAlertExpressionDepth);
    QVERIFY2(deep.message.contains(QLatin1String("nested")), qPrintable(deep.message));
    const AlertCompileResult deepFunctions = compileAlertExpression(
        QStringLiteral("abs(").repeated(100) + QStringLiteral("z") + QString(100, QLatin1Char(')')));
    QVERIFY(!deepFunctions.ok);
    QCOMPARE(deepFunctions.position, 4 * MaxAlertExpressionDepth + 3);
}

void TestAlertExpression::aliasesReadTheSameVariable()
{
    AlertVariables v = sample();
    const AlertExpression a(QStringLiteral("z * 2")), b(QStringLiteral("zscore * 2"));
    QCOMPARE(a.evaluate(v).value, 5.0);
    QCOMPARE(b.evaluate(v).value, 5.0);
    QVERIFY(b.uses()[std::size_t(AlertVariable::Z)]);
}

void TestAlertExpression::evaluatesArithmeticAndLogic_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<double>("expected");
    QTest::newRow("and") << QStringLiteral("abs(z) > 2 && corr > 0.8") << 1.0;
    QTest::newRow("andFalse") << QStringLiteral("abs(z) > 3 && corr > 0.8") << 0.0;
    QTest::newRow("orPrecedence") << QStringLiteral("1 || 0 && 0") << 1.0;
    QTest::newRow("powerRightAssoc") << QStringLiteral("2^3^2") << 512.0;
    QTest::newRow("unaryMinusBelowPower") << QStringLiteral("-z^2") << -6.25;
    QTest::newRow("leftAssocDivision") << QStringLiteral("8/2/2") << 2.0;
    QTest::newRow("comparisonChain") << QStringLiteral("(z >= 2.5) + (z <= 2.5) + (z == 2.5) + (z != 2.5)")
                                     << 3.0;
    QTest::newRow("ternary") << QStringLiteral("z > 2 ? spread : beta") << 12.0;
    QTest::newRow("functions") << QStringLiteral("max(half_life, 100) + min(1, 2) + sqrt(4)") << 303.0;
    QTest::newRow("ratio") << QStringLiteral("spread / beta") << 12.0 / 18.0;
}

void TestAlertExpression::evaluatesArithmeticAndLogic()
{
    QFETCH(QString, expression);
    QFETCH(double, expected);
    const AlertExpression e(expression);
    QVERIFY2(e.isValid(), qPrintable(e.compileResult().message));
    const AlertEvaluation r = e.evaluate(sample());
    QVERIFY2(r.valid, qPrintable(r.reason));
    QCOMPARE(r.value, expected);
}

void TestAlertExpression::divisionByZeroIsInvalidWithReason()
{
    AlertVariables v = sample();
    v[AlertVariable::Beta] = 0;
    for (const char *text : {"spread / beta > 1", "1/0 > 2", "z / (corr - 0.9) > 1"}) {
        const AlertExpression e(QString::fromLatin1(text));
        QVERIFY(e.isValid());
        const AlertEvaluation r = e.evaluate(v);
        QVERIFY2(!r.valid, text);
        QVERIFY(!r.isTrue());
        QVERIFY2(r.reason.contains(QStringLiteral("division by zero")), qPrintable(r.reason));
    }
    // The flag does not leak into the next evaluation.
    const AlertExpression ok(QStringLiteral("spread / beta > 0"));
    QVERIFY(ok.evaluate(sample()).isTrue());
}

void TestAlertExpression::undefinedVariableIsInvalidWithReason()
{
    AlertVariables v = sample();
    v[AlertVariable::AdfP] = std::numeric_limits<double>::quiet_NaN();
    const AlertExpression e(QStringLiteral("adf_p < 0.05 || z > 2"));
    const AlertEvaluation r = e.evaluate(v);
    QVERIFY(!r.valid);
    QVERIFY2(r.reason.contains(QStringLiteral("adf_p")), qPrintable(r.reason));
    // Variables the expression does not use may be undefined.
    QVERIFY(AlertExpression(QStringLiteral("z > 2")).evaluate(v).isTrue());
}

void TestAlertExpression::nonFiniteResultIsInvalid()
{
    const AlertEvaluation nan = AlertExpression(QStringLiteral("sqrt(-z)")).evaluate(sample());
    QVERIFY(!nan.valid);
    QVERIFY(!nan.reason.isEmpty());
    const AlertEvaluation inf = AlertExpression(QStringLiteral("exp(1000)")).evaluate(sample());
    QVERIFY(!inf.valid);
    QVERIFY(!inf.reason.isEmpty());
}

void TestAlertExpression::previewReportsCompileErrors()
{
    const AlertPreview bad = previewAlertExpression(QStringLiteral("z >"), sample());
    QVERIFY(!bad.compile.ok);
    QCOMPARE(bad.compile.position, 3);
    QVERIFY(!bad.evaluation.valid);
    const AlertPreview good = previewAlertExpression(QStringLiteral("z - 0.5"), sample());
    QVERIFY(good.compile.ok);
    QVERIFY(good.evaluation.valid);
    QCOMPARE(good.evaluation.value, 2.0);
}

void TestAlertExpression::namesAreComplete()
{
    const QStringList names = alertVariableNames();
    QCOMPARE(names.size(), AlertVariableCount + 1);
    QCOMPARE(names.first(), QStringLiteral("z"));
    QVERIFY(names.contains(QStringLiteral("zscore")));
    QVERIFY(names.contains(QStringLiteral("corr_ret")));
    for (int i = 0; i < AlertVariableCount; ++i) {
        QVERIFY(!alertVariableDescription(AlertVariable(i)).isEmpty());
        QVERIFY(compileAlertExpression(alertVariableName(AlertVariable(i)) + QStringLiteral(" > 0")).ok);
    }
    for (const QString &f : alertFunctionNames())
        QVERIFY2(compileAlertExpression(f + QStringLiteral("(1) > 0")).ok, qPrintable(f));
}

QTEST_GUILESS_MAIN(TestAlertExpression)
#include "tst_alert_expression.moc"
