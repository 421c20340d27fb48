// The translations are complete: every message of translations/*.ts has a finished translation, and no
// string of core/, ui/, cli/, bench/ or app/ is missing from them (lupdate is run on a copy of each .ts
// file).
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

/** Every message of a .ts file without a usable translation, as "context: source (why)". */
QStringList unfinishedMessages(const QString &tsPath)
{
    QFile file(tsPath);
    if (!file.open(QIODevice::ReadOnly))
        return {QStringLiteral("cannot open %1").arg(tsPath)};
    QStringList problems;
    QXmlStreamReader xml(&file);
    QString context, source, translation, type;
    bool numerus = false;
    int forms = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                source.clear();
                translation.clear();
                forms = 0;
                numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            } else if (name == QLatin1String("source")) {
                source = xml.readElementText();
            } else if (name == QLatin1String("translation")) {
                type = xml.attributes().value(QLatin1String("type")).toString();
                if (!numerus)
                    translation = xml.readElementText();
            } else if (name == QLatin1String("numerusform")) {
                if (!xml.readElementText().isEmpty())
                    ++forms;
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            QString why;
            if (!type.isEmpty())
                why = type;
            else if (numerus ? forms == 0 : translation.isEmpty())
                why = QStringLiteral("empty");
            if (!why.isEmpty())
                problems << QStringLiteral("%1: \"%2\" (%3)").arg(context, source, why);
        }
    }
    if (xml.hasError())
        problems << QStringLiteral("%1: %2 at line %3").arg(tsPath, xml.errorString()).arg(xml.lineNumber());
    return problems;
}

QString lupdatePath()
{
    if (QFile::exists(QStringLiteral(PAIRLAB_LUPDATE)))
        return QStringLiteral(PAIRLAB_LUPDATE);
    const QString qtBin = QLibraryInfo::path(QLibraryInfo::BinariesPath) + QStringLiteral("/lupdate");
    if (QFile::exists(qtBin))
        return qtBin;
    const QString lupdate6 = QStandardPaths::findExecutable(QStringLiteral("lupdate6"));
    return lupdate6.isEmpty() ? QStandardPaths::findExecutable(QStringLiteral("lupdate")) : lupdate6;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyMessageIsTranslated_data();
    void everyMessageIsTranslated();
    void noSourceStringIsMissing_data();
    void noSourceStringIsMissing();
};

void TestTranslations::everyMessageIsTranslated_data()
{
    QTest::addColumn<QString>("ts");
    QTest::newRow("de") << QStringLiteral(PAIRLAB_SOURCE_DIR "/translations/pairlab_de.ts");
    QTest::newRow("zh_CN") << QStringLiteral(PAIRLAB_SOURCE_DIR "/translations/pairlab_zh_CN.ts");
}

void TestTranslations::everyMessageIsTranslated()
{
    QFETCH(QString, ts);
    const QStringList problems = unfinishedMessages(ts);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestTranslations::noSourceStringIsMissing_data()
{
    everyMessageIsTranslated_data();
}

void TestTranslations::noSourceStringIsMissing()
{
    QFETCH(QString, ts);
    const QString lupdate = lupdatePath();
    // The build requires Qt's LinguistTools, so lupdate is there; without it this check cannot be made.
    QVERIFY2(!lupdate.isEmpty(), "lupdate not found (Qt LinguistTools, Debian package qt6-l10n-tools)");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString copy = dir.filePath(QFileInfo(ts).fileName());
    QVERIFY(QFile::copy(ts, copy));
    // New strings come in unfinished, removed or changed ones become vanished.
    const QDir top(QStringLiteral(PAIRLAB_SOURCE_DIR));
    QProcess p;
    p.start(lupdate, {QStringLiteral("-silent"), QStringLiteral("-locations"), QStringLiteral("none"),
                      top.filePath(QStringLiteral("core")), top.filePath(QStringLiteral("ui")),
                      top.filePath(QStringLiteral("cli")), top.filePath(QStringLiteral("bench")),
                      top.filePath(QStringLiteral("app")), QStringLiteral("-ts"), copy});
    QVERIFY2(p.waitForFinished(60000), qPrintable(p.errorString()));
    QCOMPARE(p.exitCode(), 0);
    const QStringList problems = unfinishedMessages(copy);
    QVERIFY2(problems.isEmpty(),
             qPrintable(QStringLiteral("run the update_translations target and translate:\n") +
                        problems.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
