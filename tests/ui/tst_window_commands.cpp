#include "dialogs/shortcuts_dialog.h"
#include "dialogs/welcome_dialog.h"
#include "log_panel.h"
#include "logging/log_model.h"
#include "logging/log_sink.h"
#include "main_window.h"

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace pairlab;

/** The window's commands: every frequent one has a key and Help → Keyboard shortcuts lists the real
 *  actions; the first-start welcome; the log dock showing feed events. */
class TestWindowCommands : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("PairLabCommandsTest"));
        LogSink::install(&m_sink);
    }
    void cleanupTestCase() { LogSink::uninstall(); }
    void init()
    {
        QSettings().clear();
        QVERIFY(m_dir.isValid());
    }

    void frequentActionsHaveDistinctShortcuts();
    void shortcutsDialogListsTheActualActions();
    void shortcutsSwitchViewsAndDocks();
    void welcomeOnFirstStartOffersBinanceAndTheDemo();
    void welcomeCloseLeavesTheFeedAlone();
    void logDockShowsFeedEventsAndFilters();

private:
    MainWindowOptions options(bool autoConnect) const
    {
        MainWindowOptions o;
        o.databasePath = m_dir.filePath(QStringLiteral("live.sqlite"));
        o.demoDatabasePath = m_dir.filePath(QStringLiteral("demo.sqlite"));
        o.feed.endpoint = QUrl(QStringLiteral("ws://127.0.0.1:1")); // nothing listens there
        o.noDataHintSeconds = 60;
        o.autoConnect = autoConnect;
        return o;
    }
    QTemporaryDir m_dir;
    LogSink m_sink{QString()};
};

void TestWindowCommands::frequentActionsHaveDistinctShortcuts()
{
    MainWindow w(options(false));
    const char *frequent[] = {
        "actionNewWorkspace", "actionOpenWorkspace", "actionSaveWorkspace",  "actionSaveWorkspaceAs",
        "actionRecord",       "actionOpenRecording", "actionImport",         "actionExportEvents",
        "actionSettings",     "actionQuit",          "actionConnect",        "actionDemo",
        "actionDisconnect",   "actionMarketView",    "actionPairView",       "actionFollowLive",
        "actionZoomIn",       "actionZoomOut",       "toggle_watchlistDock", "toggle_tradesDock",
        "toggle_alertsDock",  "toggle_logDock",      "actionRecompute",      "actionBacktest",
        "actionNewAlert",     "actionShortcuts"};
    const QList<ShortcutEntry> entries = w.shortcuts();
    for (const char *name : frequent) {
        auto *a = w.findChild<QAction *>(QString::fromLatin1(name));
        QVERIFY2(a, name);
        QVERIFY2(!a->shortcut().isEmpty(), name);
        QVERIFY2(std::any_of(entries.begin(), entries.end(),
                             [a](const ShortcutEntry &e) { return e.action == a; }),
                 name); // in the menus, so listed
    }
    QCOMPARE(w.findChild<QAction *>(QStringLiteral("actionSettings"))->shortcut(),
             QKeySequence(Qt::CTRL | Qt::Key_Comma));
    QVERIFY(w.findChild<QAction *>(QStringLiteral("actionShortcuts"))
                ->shortcuts()
                .contains(QKeySequence(Qt::Key_F1)));
    // No key is bound twice (an ambiguous shortcut triggers neither action).
    QHash<QKeySequence, QString> seen;
    for (const ShortcutEntry &e : entries) {
        const QList<QKeySequence> keys = e.action->shortcuts();
        for (const QKeySequence &k : keys) {
            QVERIFY2(!seen.contains(k),
                     qPrintable(QStringLiteral("%1: %2 and %3").arg(k.toString(), seen.value(k), e.text)));
            seen.insert(k, e.text);
        }
    }
}

void TestWindowCommands::shortcutsDialogListsTheActualActions()
{
    MainWindow w(options(false));
    // An action added to a menu later is listed too: the dialog reads the menus, not a copy.
    QMenu *viewMenu = nullptr;
    const QList<QAction *> menus = w.menuBar()->actions();
    for (QAction *m : menus)
        if (m->menu() && m->text().remove(QLatin1Char('&')) == QLatin1String("View"))
            viewMenu = m->menu();
    QVERIFY(viewMenu);
    viewMenu->addAction(QStringLiteral("&Probe command"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_J), &w,
                        [] {});

    ShortcutsDialog *dialog = w.showShortcuts();
    QVERIFY(dialog->isVisible());
    const QList<ShortcutEntry> entries = dialog->entries();
    QCOMPARE(dialog->table()->rowCount(), entries.size());
    int withKeys = 0;
    bool probe = false;
    for (int row = 0; row < entries.size(); ++row) {
        const ShortcutEntry &e = entries.at(row);
        QVERIFY(e.action);
        QStringList keys;
        const QList<QKeySequence> shortcuts = e.action->shortcuts();
        for (const QKeySequence &k : shortcuts)
            keys << k.toString(QKeySequence::NativeText);
        const QString expected = keys.isEmpty() ? QStringLiteral("—") : keys.join(QStringLiteral(", "));
        QCOMPARE(dialog->table()->item(row, 2)->text(), expected);
        QCOMPARE(dialog->table()->item(row, 0)->text(), e.action->text().remove(QLatin1Char('&')));
        withKeys += keys.isEmpty() ? 0 : 1;
        if (e.text == QLatin1String("Probe command")) {
            probe = true;
            QCOMPARE(dialog->table()->item(row, 1)->text(), QStringLiteral("View"));
            QCOMPARE(dialog->table()->item(row, 2)->text(),
                     QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_J).toString(QKeySequence::NativeText));
        }
    }
    QVERIFY(probe);
    QVERIFY(withKeys >= 26);
    // Every action of the menu bar is listed, except the recent-files submenu.
    int actions = 0;
    for (QAction *m : menus)
        for (QAction *a : m->menu()->actions())
            actions += !a->isSeparator() && !a->menu();
    QCOMPARE(entries.size(), actions);
}

void TestWindowCommands::shortcutsSwitchViewsAndDocks()
{
    MainWindow w(options(false));
    w.show();
    QVERIFY(QTest::qWaitForWindowActive(&w) || QTest::qWaitForWindowExposed(&w));
    QTest::keyClick(&w, Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(w.tabs()->currentIndex(), 1);
    QTest::keyClick(&w, Qt::Key_1, Qt::ControlModifier);
    QCOMPARE(w.tabs()->currentIndex(), 0);
    auto *logDock = w.findChild<QDockWidget *>(QStringLiteral("logDock"));
    QVERIFY(!logDock->isVisible());
    QTest::keyClick(&w, Qt::Key_L, Qt::ControlModifier);
    QVERIFY(logDock->isVisible());
    QTest::keyClick(&w, Qt::Key_L, Qt::ControlModifier);
    QVERIFY(!logDock->isVisible());
}

void TestWindowCommands::welcomeOnFirstStartOffersBinanceAndTheDemo()
{
    MainWindowOptions o = options(true);
    o.offerWelcome = true;
    {
        MainWindow w(o);
        w.show();
        QTRY_VERIFY(w.welcomeDialog() && w.welcomeDialog()->isVisible());
        QVERIFY(w.connectionText().contains(QLatin1String("Not connected"))); // waits for the choice
        QVERIFY(QSettings().value(QStringLiteral("welcomeShown")).toBool());
        QCOMPARE(w.welcomeDialog()->connectButton()->text(), QStringLiteral("Connect to Binance"));
        QCOMPARE(w.welcomeDialog()->closeButton()->text(), QStringLiteral("Close"));
        w.welcomeDialog()->demoButton()->click();
        QTRY_VERIFY(w.isDemo());
        QTRY_VERIFY(!w.welcomeDialog());
    }
    // Second start: no welcome, the usual connection.
    MainWindow again(o);
    again.show();
    QTRY_VERIFY(!again.connectionText().contains(QLatin1String("Not connected")));
    QVERIFY(!again.welcomeDialog());
    QVERIFY(!again.isDemo());
}

void TestWindowCommands::welcomeCloseLeavesTheFeedAlone()
{
    MainWindowOptions o = options(true);
    o.offerWelcome = true;
    MainWindow w(o);
    w.show();
    QTRY_VERIFY(w.welcomeDialog() && w.welcomeDialog()->isVisible());
    w.welcomeDialog()->closeButton()->click();
    QTRY_VERIFY(!w.welcomeDialog());
    QTest::qWait(100);
    QVERIFY(w.connectionText().contains(QLatin1String("Not connected")));
    QVERIFY(!w.isDemo());
    // Help → Welcome brings it back; "Connect to Binance" connects.
    w.findChild<QAction *>(QStringLiteral("actionWelcome"))->trigger();
    QTRY_VERIFY(w.welcomeDialog() && w.welcomeDialog()->isVisible());
    w.welcomeDialog()->connectButton()->click();
    QTRY_VERIFY(!w.connectionText().contains(QLatin1String("Not connected")));
    QVERIFY(!w.isDemo());
}

void TestWindowCommands::logDockShowsFeedEventsAndFilters()
{
    MainWindow w(options(true));
    w.show();
    w.findChild<QAction *>(QStringLiteral("toggle_logDock"))->trigger();
    LogPanel *panel = w.logPanel();
    QVERIFY(panel->isVisible());
    QAbstractItemModel *shown = panel->view()->model();
    const auto rowWith = [shown](const QString &category, const QString &text) {
        for (int r = 0; r < shown->rowCount(); ++r)
            if (shown->index(r, LogModel::Category).data().toString() == category &&
                shown->index(r, LogModel::Message).data().toString().contains(text))
                return r;
        return -1;
    };
    // The connection attempt and its failure are logged in pairlab.feed and shown in the dock.
    QTRY_VERIFY_WITH_TIMEOUT(
        rowWith(QStringLiteral("pairlab.feed"), QStringLiteral("connecting to ws://127.0.0.1:1")) >= 0, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(rowWith(QStringLiteral("pairlab.feed"), QStringLiteral("disconnected:")) >= 0,
                             10000);
    const int r = rowWith(QStringLiteral("pairlab.feed"), QStringLiteral("disconnected:"));
    QCOMPARE(shown->index(r, LogModel::Level).data().toString(), QStringLiteral("Warning"));
    QVERIFY(!shown->index(r, LogModel::Time).data().toString().isEmpty());
    QVERIFY(panel->view()->visualRect(shown->index(0, 0)).isValid());

    // Warnings and errors only: the connection attempt (info) goes, the failure (warning) stays.
    panel->levelBox()->setCurrentIndex(2);
    QCOMPARE(rowWith(QStringLiteral("pairlab.feed"), QStringLiteral("connecting to ws://127.0.0.1:1")), -1);
    QVERIFY(rowWith(QStringLiteral("pairlab.feed"), QStringLiteral("disconnected:")) >= 0);
    panel->levelBox()->setCurrentIndex(0);
    panel->textFilter()->setText(QStringLiteral("no such text anywhere"));
    QTRY_COMPARE(shown->rowCount(), 0);
    panel->textFilter()->clear();
    QTRY_VERIFY(shown->rowCount() > 0);
}

QTEST_MAIN(TestWindowCommands)
#include "tst_window_commands.moc"
