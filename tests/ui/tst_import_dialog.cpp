#include "dialogs/import_dialog.h"
#include "main_window.h"
#include "pair_workspace.h"
#include "storage/bar_store.h"
#include "storage/database.h"
#include "storage/tick_writer.h"

#include "test_util.h"

#include <QComboBox>
#include <QDropEvent>
#include <QFile>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace pairlab;

/** The CSV upload dialog offscreen on real files: the preview shows what will be stored, the mapping is
 *  editable, the import runs all or nothing, a bad file is refused with its line and leaves the database
 *  as it was, and dropping a file on the main window opens the dialog. */
class TestImportDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void previewsAndImportsARealPairFile();
    void refusesAMalformedFileAndChangesNothing();
    void editingTheMappingChangesThePreview();
    void droppingAFileOnTheWindowOpensTheDialog();
    void checksEveryRowBeforeOfferingImport();

private:
    static QString newDatabase(QTemporaryDir &dir);
    static int datasetCount(const QString &db);
};

QString TestImportDialog::newDatabase(QTemporaryDir &dir)
{
    const QString db = dir.filePath(QStringLiteral("i.sqlite"));
    TickWriter w(db);
    QString error;
    w.open(&error);
    return db;
}

int TestImportDialog::datasetCount(const QString &db)
{
    int n = -1;
    QString error;
    Database::withReader(
        db, [&](QSqlDatabase &c) { n = int(BarStore::datasets(c).size()); }, &error);
    return n;
}

void TestImportDialog::previewsAndImportsARealPairFile()
{
    QTemporaryDir dir;
    const QString db = newDatabase(dir);
    ImportDialog d(test::sharedData(QStringLiteral("real/pairs/arbitragelab_EWA_EWC_from_Country_ETF.csv")),
                   db);
    QSignalSpy previewed(&d, &ImportDialog::previewReady);
    QSignalSpy finished(&d, &ImportDialog::importFinished);
    d.show();
    QTRY_VERIFY_WITH_TIMEOUT(previewed.size() >= 1, 10000);
    QVERIFY(d.preview().ok);
    QCOMPARE(d.preview().symbols, (QStringList{QStringLiteral("EWA"), QStringLiteral("EWC")}));
    QCOMPARE(d.preview().intervalSeconds, 86400);
    auto *rows = d.findChild<QTableWidget *>(QStringLiteral("previewRows"));
    QVERIFY(rows->rowCount() > 0);
    QCOMPARE(rows->item(0, 0)->text(), QStringLiteral("2")); // physical line of the first data row
    QPushButton *import = nullptr;
    for (QPushButton *b : d.findChildren<QPushButton *>())
        if (b->text() == QLatin1String("&Import"))
            import = b;
    QVERIFY(import);
    QTRY_VERIFY_WITH_TIMEOUT(import->isEnabled(), 10000); // once every row is checked
    // The summary line of a wide file: no empty "()" for a missing dialect, the interval in words, and the
    // error count in the palette's colour (rich text knows no "inherit": it was black on dark grey).
    const QString detected = d.findChild<QLabel *>(QStringLiteral("detected"))->text();
    QVERIFY2(!detected.contains(QLatin1String("()")) && !detected.contains(QLatin1String("inherit")),
             qPrintable(detected));
    QVERIFY2(detected.contains(QLatin1String("1 day")), qPrintable(detected));
    QVERIFY2(detected.contains(d.palette().color(QPalette::WindowText).name()), qPrintable(detected));
    QTest::mouseClick(import, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 1, 20000);
    QVERIFY(finished.first().first().toBool());
    QCOMPARE(d.result().rows, 1324);
    QCOMPARE(datasetCount(db), 1);
}

void TestImportDialog::refusesAMalformedFileAndChangesNothing()
{
    QTemporaryDir dir;
    const QString db = newDatabase(dir);
    ImportDialog d(test::sharedData(
                       QStringLiteral("real/csv_formats/pyalgotrade_orcl-2010-googlefinance-malformed.csv")),
                   db);
    QSignalSpy previewed(&d, &ImportDialog::previewReady);
    QSignalSpy finished(&d, &ImportDialog::importFinished);
    QTRY_VERIFY_WITH_TIMEOUT(previewed.size() >= 1, 10000);
    d.refreshPreview(true); // the whole file
    QTRY_VERIFY_WITH_TIMEOUT(previewed.size() >= 2, 10000);
    bool named = false;
    for (const ImportProblem &p : d.preview().problems)
        named |= p.severity == ImportProblem::Severity::Error && p.line > 0 && !p.field.isEmpty();
    QVERIFY2(named, "the error names its line and column");
    d.startImport(); // even when forced, nothing is stored
    QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 1, 20000);
    QVERIFY(!finished.first().first().toBool());
    QVERIFY(d.result().error.line > 0);
    QCOMPARE(datasetCount(db), 0);
}

void TestImportDialog::editingTheMappingChangesThePreview()
{
    QTemporaryDir dir;
    const QString db = newDatabase(dir);
    ImportDialog d(test::sharedData(QStringLiteral("real/pairs/arbitragelab_EWA_EWC_from_Country_ETF.csv")),
                   db);
    QSignalSpy previewed(&d, &ImportDialog::previewReady);
    QTRY_VERIFY_WITH_TIMEOUT(previewed.size() >= 1, 10000);
    auto *mapping = d.findChild<QTableWidget *>(QStringLiteral("mapping"));
    // Ignore the EWC column: only EWA remains.
    int ewcRow = -1;
    for (int r = 0; r < mapping->rowCount(); ++r)
        if (mapping->item(r, 0)->text() == QLatin1String("EWC"))
            ewcRow = r;
    QVERIFY(ewcRow >= 0);
    auto *role = qobject_cast<QComboBox *>(mapping->cellWidget(ewcRow, 1));
    QVERIFY(role);
    role->setCurrentIndex(int(ColumnRole::Ignore));
    QTRY_VERIFY_WITH_TIMEOUT(
        previewed.size() >= 2 && d.preview().symbols == QStringList{QStringLiteral("EWA")}, 10000);
}

void TestImportDialog::droppingAFileOnTheWindowOpensTheDialog()
{
    QTemporaryDir dir;
    MainWindowOptions o;
    o.autoConnect = false;
    o.databasePath = newDatabase(dir);
    o.demoDatabasePath = dir.filePath(QStringLiteral("demo.sqlite"));
    MainWindow w(o);
    w.show();
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(
        test::sharedData(QStringLiteral("real/csv_formats/yfinance_EWG-1d-no-bad-divs.csv")))});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&w, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&w, &drop);
    const auto dialogs = w.findChildren<ImportDialog *>();
    QCOMPARE(dialogs.size(), 1);
    QSignalSpy finished(dialogs.first(), &ImportDialog::importFinished);
    QSignalSpy previewed(dialogs.first(), &ImportDialog::previewReady);
    QTRY_VERIFY_WITH_TIMEOUT(previewed.size() >= 1, 10000);
    dialogs.first()->startImport();
    QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 1, 20000);
    QVERIFY(finished.first().first().toBool());
    // The pair view now offers the dataset (and switches to it).
    QTRY_VERIFY_WITH_TIMEOUT(w.pairWorkspace()->source().startsWith(QLatin1String("upload:")), 10000);
}

void TestImportDialog::checksEveryRowBeforeOfferingImport()
{
    // A defect far past the head the first preview reads: the dialog goes on to read every row by itself,
    // lists the problem with its line, and never offers Import.
    QTemporaryDir dir;
    const QString db = newDatabase(dir);
    QByteArray text = "time,open,high,low,close,volume\n";
    const qint64 t0 = 1700000000000;
    for (int i = 0; i < 400; ++i) {
        const QByteArray close = i == 349 ? QByteArray("12.5O") : QByteArray("12.5");
        text += QByteArray::number(t0 + qint64(i) * 60000) + ",12,13,11," + close + ",1\n";
    }
    const QString path = dir.filePath(QStringLiteral("late-defect.csv"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly) && f.write(text) == text.size());
    f.close();
    ImportDialog d(path, db);
    QSignalSpy previewed(&d, &ImportDialog::previewReady);
    QPushButton *import = nullptr;
    for (QPushButton *b : d.findChildren<QPushButton *>())
        if (b->text() == QLatin1String("&Import"))
            import = b;
    QVERIFY(import);
    QTRY_VERIFY_WITH_TIMEOUT(previewed.size() >= 1, 10000);
    QVERIFY(!import->isEnabled()); // the head reads well, but the rest is not checked yet
    QTRY_VERIFY_WITH_TIMEOUT(previewed.size() >= 2, 10000);
    bool listed = false;
    for (const ImportProblem &p : d.preview().problems)
        listed |= p.severity == ImportProblem::Severity::Error && p.line == 351 &&
                  p.field == QLatin1String("close") && p.message.contains(QLatin1String("12.5O"));
    QVERIFY2(listed, "the late defect is listed at line 351, column close");
    QVERIFY(!import->isEnabled());
    QCOMPARE(d.preview().rowsScanned, qint64(400));
    // PAIRLAB_SCREENSHOTS=DIR: keep a picture of the dialog to look at.
    if (const QString shots = qEnvironmentVariable("PAIRLAB_SCREENSHOTS"); !shots.isEmpty()) {
        d.resize(1100, 640);
        d.show();
        QVERIFY(d.grab().save(shots + QStringLiteral("/import-late-defect.png")));
    }
}

QTEST_MAIN(TestImportDialog)
#include "tst_import_dialog.moc"
