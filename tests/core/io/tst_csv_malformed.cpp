#include "cli/commands.h"
#include "import_dump.h"
#include "io/csv_import.h"
#include "storage/database.h"
#include "test_database.h"
#include "test_util.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTextStream>
#include <QtTest>

#include <algorithm>
#include <memory>
#include <vector>

using namespace pairlab;

/* The malformed-CSV corpus (tests/data/malformed/): small hand-written files with one defect each, and
 * EXPECTED.tsv saying where and why each must be refused. Every file goes through `pairlab-cli import`
 * (cli::importFile) into a database that already holds data: the exit code is 1, the first line on stderr is
 * "FILE:LINE: FIELD: reason" (FIELD left out for defects of a whole record or of the bytes), and the database
 * is left exactly as it was. The import dialog's full-scan preview must show the same problem. */

namespace {

QString dumpDatabase(const QString &path)
{
    return test::dumpImportTables(path);
}

QString corpusDir()
{
    return test::sourceFile(QStringLiteral("tests/data/malformed"));
}

QString corpusFile(const QString &name)
{
    return corpusDir() + QLatin1Char('/') + name;
}

/** One row of EXPECTED.tsv: file, line, field (empty for record and byte defects), a distinctive part of the
 *  reason, extra command-line words. */
struct Expected
{
    QString file;
    qint64 line = 0;
    QString field;
    QString reason;
    QStringList options;
};

bool readExpected(QList<Expected> *rows, QString *error)
{
    QFile f(corpusFile(QStringLiteral("EXPECTED.tsv")));
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open %1: %2").arg(f.fileName(), f.errorString());
        return false;
    }
    QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
    for (QString &l : lines)
        if (l.endsWith(QLatin1Char('\r')))
            l.chop(1);
    if (lines.isEmpty() || lines.front() != QLatin1String("file\tline\tfield\treason\toptions")) {
        *error = QStringLiteral(
            "EXPECTED.tsv must start with the header file<TAB>line<TAB>field<TAB>reason<TAB>options");
        return false;
    }
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QString &l = lines.at(i);
        if (l.isEmpty())
            continue;
        const QStringList cols = l.split(QLatin1Char('\t'));
        bool ok = false;
        Expected e;
        if (cols.size() >= 4 && cols.size() <= 5)
            e.line = cols.at(1).toLongLong(&ok);
        if (!ok) {
            *error = QStringLiteral(
                         "EXPECTED.tsv line %1 is not file<TAB>line<TAB>field<TAB>reason[<TAB>options]: %2")
                         .arg(i + 1)
                         .arg(l);
            return false;
        }
        e.file = cols.at(0);
        e.field = cols.at(2);
        e.reason = cols.at(3);
        if (cols.size() == 5)
            e.options = cols.at(4).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        rows->append(e);
    }
    return true;
}

/** The command-line words of a row as the import dialog's options, for the preview. */
bool previewOptions(const QStringList &words, ImportOptions *opt, QString *error)
{
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString &w = words.at(i);
        const bool valued = i + 1 < words.size();
        if (w == QLatin1String("--symbol") && valued) {
            opt->symbol = words.at(++i);
        } else if (w == QLatin1String("--format") && valued) {
            opt->format = words.at(++i).toLower();
        } else if (w == QLatin1String("--interval") && valued) {
            opt->intervalSeconds = words.at(++i).toInt();
        } else if (w == QLatin1String("--day-first")) {
            opt->dayFirst = true;
        } else if (w == QLatin1String("--month-first")) {
            opt->dayFirst = false;
        } else {
            *error = QStringLiteral("option not handled by tst_csv_malformed's preview: ") + w;
            return false;
        }
    }
    return true;
}

QString listProblems(const QList<ImportProblem> &problems)
{
    QString s;
    for (const ImportProblem &p : problems)
        s += (p.severity == ImportProblem::Severity::Error ? QStringLiteral("  error ")
                                                           : QStringLiteral("  warning ")) +
             p.toString() + QLatin1Char('\n');
    return s.isEmpty() ? QStringLiteral("  (no problems)") : s;
}

} // namespace

class TestCsvMalformed : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::backendAvailable(); }
    void expectedListsEveryFile();
    void seedsTheFuzzer();
    void refusesEachDefect_data();
    void refusesEachDefect();

private:
    std::vector<std::unique_ptr<test::ScratchDatabase>> m_databases;
    // An empty database on the backend under test (tests/test_database.h).
    QString freshDb()
    {
        m_databases.push_back(std::make_unique<test::ScratchDatabase>());
        return m_databases.back()->spec();
    }
    QString real(const QString &rel) const { return test::sharedData(QStringLiteral("real/") + rel); }
};

void TestCsvMalformed::expectedListsEveryFile()
{
    QList<Expected> rows;
    QString error;
    QVERIFY2(readExpected(&rows, &error), qPrintable(error));
    QVERIFY2(rows.size() >= 40, qPrintable(QStringLiteral("only %1 rows in EXPECTED.tsv").arg(rows.size())));
    QSet<QString> listed;
    for (const Expected &e : std::as_const(rows)) {
        QVERIFY2(!listed.contains(e.file), qPrintable(e.file + QStringLiteral(" is listed twice")));
        listed.insert(e.file);
        QVERIFY2(QFileInfo::exists(corpusFile(e.file)),
                 qPrintable(e.file + QStringLiteral(" does not exist")));
        QVERIFY2(e.line > 0, qPrintable(e.file + QStringLiteral(": every defect names its line")));
        QVERIFY2(!e.reason.trimmed().isEmpty(), qPrintable(e.file + QStringLiteral(": no reason")));
    }
    const QStringList files = QDir(corpusDir()).entryList({QStringLiteral("*.csv")}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 40);
    for (const QString &f : files)
        QVERIFY2(listed.contains(f), qPrintable(f + QStringLiteral(" is not in EXPECTED.tsv")));
}

void TestCsvMalformed::seedsTheFuzzer()
{
    // Every malformed file also seeds fuzz_csv_import, as malformed-<name>, byte for byte.
    const QDir corpus(corpusDir());
    const QDir fuzz(test::sourceFile(QStringLiteral("tests/fuzz/corpus/fuzz_csv_import")));
    const QStringList files = corpus.entryList({QStringLiteral("*.csv")}, QDir::Files, QDir::Name);
    QVERIFY(!files.isEmpty());
    for (const QString &f : files) {
        QFile original(corpus.filePath(f));
        QFile seed(fuzz.filePath(QStringLiteral("malformed-") + f));
        QVERIFY2(original.open(QIODevice::ReadOnly), qPrintable(original.fileName()));
        QVERIFY2(seed.open(QIODevice::ReadOnly),
                 qPrintable(seed.fileName() + QStringLiteral(" is missing: copy ") + original.fileName()));
        QVERIFY2(original.readAll() == seed.readAll(),
                 qPrintable(seed.fileName() + QStringLiteral(" differs from ") + original.fileName()));
    }
}

void TestCsvMalformed::refusesEachDefect_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<qint64>("line");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QStringList>("options");
    QList<Expected> rows;
    QString error;
    if (!readExpected(&rows, &error))
        QFAIL(qPrintable(error));
    for (const Expected &e : std::as_const(rows))
        QTest::newRow(qPrintable(e.file)) << e.file << e.line << e.field << e.reason << e.options;
}

void TestCsvMalformed::refusesEachDefect()
{
    QFETCH(QString, file);
    QFETCH(qint64, line);
    QFETCH(QString, field);
    QFETCH(QString, reason);
    QFETCH(QStringList, options);

    const QString path = corpusFile(file);
    QVERIFY2(QFileInfo::exists(path), qPrintable(path));
    if (!options.contains(QStringLiteral("--symbol")))
        options << QStringLiteral("--symbol") << QStringLiteral("X");

    // A database with data in it already: the refused import must leave every row as it was.
    const QString dbPath = freshDb();
    ImportOptions first;
    first.dataset = QStringLiteral("before");
    const ImportResult seeded =
        importCsv(real(QStringLiteral("binance_dumps/nautilus_ADABTC-1m-2021-11-27.csv")), dbPath, first);
    QVERIFY2(seeded.ok, qPrintable(seeded.error.toString()));
    const QString before = dumpDatabase(dbPath);

    QString o, e;
    int rc = -1;
    {
        QTextStream out(&o), err(&e);
        rc = cli::importFile(QStringList{path, QStringLiteral("--db"), dbPath} + options, out, err);
    }
    QVERIFY2(rc == 1, qPrintable(QStringLiteral("exit code %1\nstdout: %2\nstderr: %3").arg(rc).arg(o, e)));
    const QString firstLine = e.section(QLatin1Char('\n'), 0, 0);
    const QString prefix = path + QLatin1Char(':') + QString::number(line) + QLatin1String(": ") +
                           (field.isEmpty() ? QString() : QString(field + QLatin1String(": ")));
    QVERIFY2(firstLine.startsWith(prefix),
             qPrintable(QStringLiteral("expected %1...\ngot      %2").arg(prefix, firstLine)));
    const QString message = firstLine.mid(prefix.size());
    QVERIFY2(message.contains(reason),
             qPrintable(QStringLiteral("the message should contain \"%1\"\ngot %2").arg(reason, firstLine)));
    QCOMPARE(dumpDatabase(dbPath), before);

    // The import dialog's full-scan preview shows the same problem.
    ImportOptions opt;
    QString why;
    QVERIFY2(previewOptions(options, &opt, &why), qPrintable(why));
    const ImportPreview pv = previewCsv(path, opt, true);
    QVERIFY2(!pv.ok, qPrintable(listProblems(pv.problems)));
    const bool shown = std::any_of(pv.problems.begin(), pv.problems.end(), [&](const ImportProblem &p) {
        return p.severity == ImportProblem::Severity::Error && p.line == line && p.field == field &&
               p.message.contains(reason);
    });
    QVERIFY2(shown, qPrintable(QStringLiteral("the preview does not show line %1 (%2):\n%3")
                                   .arg(line)
                                   .arg(field.isEmpty() ? QStringLiteral("no field") : field,
                                        listProblems(pv.problems))));
    if (field.isEmpty()) {
        // A defect of the record or of the bytes names no column.
        for (const QString &name : std::as_const(pv.header))
            if (!name.isEmpty())
                QVERIFY2(!message.startsWith(name + QLatin1String(": ")), qPrintable(firstLine));
    }
}

QTEST_GUILESS_MAIN(TestCsvMalformed)
#include "tst_csv_malformed.moc"
