#include "controllers/workspace_document.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace pairlab;

/** The workspace document without a window: load, save, dirtiness by content, recent files. */
class TestWorkspaceDocument : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }
    void cleanup() { QSettings().clear(); }

    void dirtyOnlyWhenTheContentDiffers()
    {
        WorkspaceDocument doc;
        QSignalSpy dirty(&doc, &WorkspaceDocument::dirtyChanged);
        Workspace w;
        doc.reset(w);
        QVERIFY(!doc.isDirty());
        QCOMPARE(doc.displayName(), QStringLiteral("Untitled"));
        // Layout alone (geometry, dock state, the active tab, chart range) is no change.
        Workspace laidOut = w;
        laidOut.windowGeometry = "geometry";
        laidOut.windowState = "state";
        laidOut.activeView = QStringLiteral("pair");
        laidOut.chartFromMs = 5;
        doc.update(laidOut);
        QVERIFY(!doc.isDirty());
        QCOMPARE(dirty.size(), 0);
        Workspace changed = w;
        changed.window = 60;
        doc.update(changed);
        QVERIFY(doc.isDirty());
        QCOMPARE(dirty.size(), 1);
        doc.update(w); // changed back: clean again
        QVERIFY(!doc.isDirty());
        QCOMPARE(dirty.size(), 2);
    }

    void theWindowsOwnDefaultsAreNoChange()
    {
        // A new window has no pair and no universe until its first symbols arrive; filling them is not an
        // edit.
        WorkspaceDocument doc;
        Workspace empty;
        empty.pairY.clear();
        empty.pairX.clear();
        empty.universe.clear();
        doc.reset(empty);
        Workspace filled = empty;
        filled.pairY = QStringLiteral("BTCUSDT");
        filled.pairX = QStringLiteral("ETHUSDT");
        filled.universe = {QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")};
        doc.update(filled);
        QVERIFY(!doc.isDirty());
        // After that, changing them is.
        Workspace swapped = filled;
        std::swap(swapped.pairY, swapped.pairX);
        doc.update(swapped);
        QVERIFY(doc.isDirty());
        Workspace wider = filled;
        wider.universe << QStringLiteral("SOLUSDT");
        doc.update(wider);
        QVERIFY(doc.isDirty());
    }

    void savesLoadsAndRemembers()
    {
        QTemporaryDir dir;
        WorkspaceDocument doc;
        Workspace w;
        w.window = 300;
        w.hedgeMethod = QStringLiteral("kalman");
        const QString path = dir.filePath(QStringLiteral("a.pairlab"));
        QString error;
        doc.update(w);
        QVERIFY(doc.isDirty());
        QVERIFY2(doc.save(w, path, &error), qPrintable(error));
        QVERIFY(!doc.isDirty());
        QCOMPARE(doc.path(), path);
        QCOMPARE(doc.displayName(), QStringLiteral("a.pairlab"));
        QCOMPARE(doc.recent().value(0), QFileInfo(path).absoluteFilePath());
        QCOMPARE(WorkspaceDocument::lastWorkspace(), QFileInfo(path).absoluteFilePath());

        WorkspaceDocument other;
        Workspace read;
        QVERIFY2(other.load(path, &read, &error), qPrintable(error));
        QCOMPARE(read.window, 300);
        QCOMPARE(other.baseline(), read);
        QVERIFY(!other.isDirty());
    }

    void aBadFileChangesNothing()
    {
        QTemporaryDir dir;
        WorkspaceDocument doc;
        Workspace w;
        w.window = 77;
        const QString good = dir.filePath(QStringLiteral("good.pairlab"));
        QString error;
        QVERIFY(doc.save(w, good, &error));
        const QString bad = dir.filePath(QStringLiteral("bad.pairlab"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"format":"pairlab-workspace","version":1,"analysis":{"window":"wide"}})");
        f.close();
        Workspace out;
        out.window = -1;
        QVERIFY(!doc.load(bad, &out, &error));
        QVERIFY(!error.isEmpty());
        QCOMPARE(out.window, -1);   // the caller's value untouched
        QCOMPARE(doc.path(), good); // still the good document
        QCOMPARE(doc.baseline().window, 77);
        QCOMPARE(doc.recent().size(), 1); // the bad file is not remembered
    }

    void keepsEightRecentFiles()
    {
        QTemporaryDir dir;
        WorkspaceDocument doc;
        QSignalSpy recent(&doc, &WorkspaceDocument::recentChanged);
        QString error;
        for (int i = 0; i < 10; ++i)
            QVERIFY(doc.save(Workspace(), dir.filePath(QStringLiteral("w%1.pairlab").arg(i)), &error));
        QCOMPARE(recent.size(), 10);
        QCOMPARE(doc.recent().size(), WorkspaceDocument::MaxRecent);
        QVERIFY(doc.recent().front().endsWith(QLatin1String("w9.pairlab")));
        // Saving an older one again moves it to the front instead of listing it twice.
        QVERIFY(doc.save(Workspace(), dir.filePath(QStringLiteral("w5.pairlab")), &error));
        QVERIFY(doc.recent().front().endsWith(QLatin1String("w5.pairlab")));
        QCOMPARE(doc.recent().count(doc.recent().front()), 1);
    }
};

QTEST_GUILESS_MAIN(TestWorkspaceDocument)
#include "tst_workspace_document.moc"
