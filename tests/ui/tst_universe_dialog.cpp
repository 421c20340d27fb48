#include "../core/klines_mock.h"
#include "controllers/symbol_catalog_controller.h"
#include "dialogs/universe_dialog.h"
#include "market/kline_server.h"
#include "test_database.h"
#include "test_util.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace pairlab;

/** The scanner's universe picker on a catalogue fetched from a loopback exchange serving the real 1 m bars of
    four perpetuals: search, top N by 24 h volume, all, the saved list, the cap, and what OK hands back. */
class TestUniverseDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void searchPresetsAndSavedList();

private:
    KlineServer m_server;
    std::map<QString, double> m_volume;
    test::ScratchDatabase m_db;
};

void TestUniverseDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("PairLabUniverseDialogTest"));
    QSettings().clear();
    for (const QString &s :
         {QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT"), QStringLiteral("ADAUSDT")}) {
        const std::vector<Bar> bars = test::universeMinutes(s);
        double quote = 0;
        for (std::size_t i = bars.size() - 1440; i < bars.size(); ++i)
            quote += bars[i].close * bars[i].volume;
        m_volume[s] = quote;
        m_server.addSymbol(s, bars);
    }
    QString error;
    QVERIFY2(m_server.listen(&error), qPrintable(error));
}

void TestUniverseDialog::searchPresetsAndSavedList()
{
    SymbolCatalogController catalog;
    QSignalSpy changed(&catalog, &SymbolCatalogController::catalogChanged);
    catalog.setSource(m_db.spec(), m_server.url(), std::make_shared<RestBan>());
    QVERIFY(changed.wait(10000));

    UniverseDialog dialog(&catalog, {QStringLiteral("BTCUSDT"), QStringLiteral("XRPUSDT")});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.symbols(), (QStringList{QStringLiteral("BTCUSDT"), QStringLiteral("XRPUSDT")}));
    QVERIFY(!dialog.streamLive()); // streaming hundreds of symbols is asked for, never implied
    dialog.setStreamLive(true);
    QVERIFY(dialog.streamLive());
    auto *results = dialog.findChildren<QListWidget *>().value(0);
    QVERIFY(results);
    QCOMPARE(results->count(), 3); // the whole catalogue before anything is typed

    // Enter in the search box adds the first hit and leaves the dialog open.
    auto *searchBox = dialog.findChild<QLineEdit *>();
    QVERIFY(searchBox);
    searchBox->setFocus();
    QTest::keyClicks(searchBox, QStringLiteral("ad"));
    QTest::keyClick(searchBox, Qt::Key_Return);
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected)); // not accepted
    QCOMPARE(dialog.symbols().last(), QStringLiteral("ADAUSDT"));
    dialog.search(QStringLiteral("eth"));
    QCOMPARE(results->count(), 1);
    QCOMPARE(results->item(0)->data(Qt::UserRole).toString(), QStringLiteral("ETHUSDT"));
    QVERIFY2(results->item(0)->text().startsWith(QStringLiteral("ETHUSDT  ·  ")),
             qPrintable(results->item(0)->text()));
    QVERIFY(results->item(0)->text().endsWith(QLatin1String(" USDT in 24 h")));
    dialog.addSymbols({QStringLiteral("ETHUSDT"), QStringLiteral("BTCUSDT")}); // each symbol once
    QCOMPARE(dialog.symbols(), (QStringList{QStringLiteral("BTCUSDT"), QStringLiteral("XRPUSDT"),
                                            QStringLiteral("ADAUSDT"), QStringLiteral("ETHUSDT")}));

    // Top 2 by the 24 h quote volume the exchange reports (computed here from the same real bars).
    std::vector<std::pair<double, QString>> byVolume;
    for (const auto &[s, v] : m_volume)
        byVolume.emplace_back(-v, s);
    std::sort(byVolume.begin(), byVolume.end());
    dialog.applyTop(2);
    QCOMPARE(dialog.symbols(), (QStringList{byVolume[0].second, byVolume[1].second}));
    dialog.saveList();
    dialog.applyAll();
    QCOMPARE(dialog.symbols(),
             (QStringList{QStringLiteral("ADAUSDT"), QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")}));
    dialog.loadSavedList();
    QCOMPARE(dialog.symbols(), (QStringList{byVolume[0].second, byVolume[1].second}));

    // At most MaxSymbols: a longer list is cut, never a scan of tens of thousands of pairs by accident.
    QStringList many;
    for (int i = 0; i < UniverseDialog::MaxSymbols + 20; ++i)
        many << QStringLiteral("S%1USDT").arg(i);
    dialog.addSymbols(many);
    QCOMPARE(dialog.symbols().size(), UniverseDialog::MaxSymbols);
    bool counted = false; // the count says how many pairs the scan will have
    const QList<QLabel *> labels = dialog.findChildren<QLabel *>();
    for (const QLabel *l : labels)
        counted =
            counted || l->text().startsWith(QStringLiteral("%1 symbols · pairs to scan: %2")
                                                .arg(QLocale().toString(300), QLocale().toString(44850)));
    QVERIFY(counted);
    QSettings().clear();
}

QTEST_MAIN(TestUniverseDialog)
#include "tst_universe_dialog.moc"
