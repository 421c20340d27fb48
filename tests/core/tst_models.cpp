#include "bars/bar_aggregator.h"
#include "models/bar_model.h"
#include "models/recent_trades_model.h"
#include "models/ticker_model.h"
#include "storage/tick_writer.h"

#include "real_ticks.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace pairlab;

/** The live models under QAbstractItemModelTester, fed with real ticks and bars. */
class TestModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void tickerTracksLastPriceVolumeAndRate();
    void tickerAnnouncesChangedRowsOnlyAtTenHertz();
    void tickerShowsFundingAndCountsDown();
    void recentTradesAreNewestFirstAndBounded();
    void barModelInsertsLateBarInOrderAndTrims();
    void barModelLoadsHistoryWithoutCountingHeldBatchesTwice();

private:
    std::vector<Tick> m_ticks;
};

void TestModels::initTestCase()
{
    m_ticks = test::loadRealTicks(QString::fromLatin1(test::CombinedRecording));
    QVERIFY(!m_ticks.empty());
}

void TestModels::tickerTracksLastPriceVolumeAndRate()
{
    TickerModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m.setSymbols({QStringLiteral("ETHUSDT")});
    double btcVolume = 0, ethLast = 0;
    for (std::size_t i = 0; i < m_ticks.size(); i += 250) {
        std::vector<Tick> batch(m_ticks.begin() + long(i),
                                m_ticks.begin() + long(std::min(m_ticks.size(), i + 250)));
        for (const Tick &t : batch) {
            if (t.symbol.view() == "BTCUSDT")
                btcVolume += t.qty;
            else
                ethLast = t.price;
        }
        m.addTicks(batch);
    }
    QCOMPARE(m.rowCount(), 2); // BTCUSDT was added when it first traded
    QCOMPARE(m.symbols(), (QStringList{QStringLiteral("ETHUSDT"), QStringLiteral("BTCUSDT")}));
    QCOMPARE(m.index(0, TickerModel::Last).data(Qt::EditRole).toDouble(), ethLast);
    QVERIFY(test::fuzzyEqual(m.index(1, TickerModel::Volume).data(Qt::EditRole).toDouble(), btcVolume, 1e-12,
                             1e-9));
    const double rate = m.index(1, TickerModel::TradesPerSecond).data(Qt::EditRole).toDouble();
    QVERIFY2(rate > 1 && rate < 1000, qPrintable(QString::number(rate)));
}

void TestModels::tickerAnnouncesChangedRowsOnlyAtTenHertz()
{
    // 300 symbols: a batch of trades of three of them announces those rows (adjacent ones as one run), not
    // the whole list, and only when the 10 Hz tick comes; the values are current at once.
    TickerModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QStringList symbols;
    for (int i = 0; i < 300; ++i)
        symbols << QStringLiteral("S%1USDT").arg(i);
    m.setSymbols(symbols);
    QCOMPARE(m.notifyInterval(), 100);
    QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
    auto tick = [](const QString &symbol, double price, qint64 ms) {
        Tick t;
        t.symbol = SymbolCode::fromString(symbol);
        t.price = price;
        t.qty = 1;
        t.tsMs = ms;
        return t;
    };
    m.addTicks({tick(QStringLiteral("S10USDT"), 5, 1000), tick(QStringLiteral("S11USDT"), 6, 1000),
                tick(QStringLiteral("S250USDT"), 7, 1000)});
    QCOMPARE(changed.size(), 0);
    QCOMPARE(m.index(250, TickerModel::Last).data(Qt::EditRole).toDouble(), 7.0); // current at once
    m.addTicks({tick(QStringLiteral("S10USDT"), 5.5, 1001)}); // the same row again: still one announcement
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 2, 2000);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 10);
    QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 11);
    QCOMPARE(changed.at(1).at(0).toModelIndex().row(), 250);
    QCOMPARE(changed.at(1).at(1).toModelIndex().row(), 250);
    QCOMPARE(m.index(10, TickerModel::Last).data(Qt::EditRole).toDouble(), 5.5);
    QTest::qWait(250);
    QCOMPARE(changed.size(), 2); // nothing new, nothing announced
    // A symbol not listed yet gets a row at the end (inserted at once) and is found again by hash.
    m.addTicks({tick(QStringLiteral("NEWUSDT"), 1, 2000)});
    QCOMPARE(m.rowCount(), 301);
    m.addTicks({tick(QStringLiteral("NEWUSDT"), 2, 2001)});
    QCOMPARE(m.rowCount(), 301);
    m.notifyChanged();
    QCOMPARE(changed.size(), 3);
    QCOMPARE(changed.at(2).at(0).toModelIndex().row(), 300);
    QCOMPARE(m.index(300, TickerModel::Last).data(Qt::EditRole).toDouble(), 2.0);
}

void TestModels::recentTradesAreNewestFirstAndBounded()
{
    RecentTradesModel m(100);
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (std::size_t i = 0; i < 1000; i += 37)
        m.addTicks(std::vector<Tick>(m_ticks.begin() + long(i),
                                     m_ticks.begin() + long(std::min<std::size_t>(1000, i + 37))));
    QCOMPARE(m.rowCount(), 100);
    QCOMPARE(m.tickAt(0).tradeId, m_ticks[999].tradeId);
    QCOMPARE(m.tickAt(99).tradeId, m_ticks[900].tradeId);
    m.addTicks(std::vector<Tick>(m_ticks.begin() + 1000,
                                 m_ticks.begin() + 1500)); // a batch bigger than the capacity
    QCOMPARE(m.rowCount(), 100);
    QCOMPARE(m.tickAt(0).tradeId, m_ticks[1499].tradeId);
    QCOMPARE(m.index(0, RecentTradesModel::Side).data().toString(),
             m_ticks[1499].buyerMaker ? QStringLiteral("Sell") : QStringLiteral("Buy"));
}

void TestModels::barModelInsertsLateBarInOrderAndTrims()
{
    QTemporaryDir dir;
    BarModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&m, &BarModel::loaded);
    m.setSeries(dir.filePath(QStringLiteral("empty.sqlite")), QStringLiteral("BTCUSDT"), Interval::S1);
    QTRY_COMPARE(loaded.size(), 1);
    QCOMPARE(m.rowCount(), 0);

    auto batchOf = [](std::vector<Bar> bars) {
        BarUpdate u{SymbolCode::fromText("BTCUSDT"), Interval::S1, std::move(bars)};
        BarUpdate other{SymbolCode::fromText("ETHUSDT"), Interval::S1, {Bar{1000, 1, 1, 1, 1, 1, 1, 1, 1}}};
        return std::make_shared<const std::vector<BarUpdate>>(std::vector<BarUpdate>{u, other});
    };
    m.applyBatch(batchOf({Bar{1000, 10, 12, 9, 11, 1, 1, 1, 1}, Bar{3000, 11, 11, 11, 11, 2, 1, 3, 3}}), 1);
    QCOMPARE(m.rowCount(), 2);
    m.applyBatch(batchOf({Bar{2000, 20, 20, 20, 20, 5, 1, 2, 2}, Bar{3000, 13, 14, 10, 13, 1, 1, 4, 4}}), 2);
    QCOMPARE(m.rowCount(), 3);
    QCOMPARE(m.bars()[1].openMs, 2000);
    QCOMPARE(m.bars()[2].close, 13.0); // later trade id closes the bar
    QCOMPARE(m.bars()[2].open, 11.0);
    QCOMPARE(m.bars()[2].high, 14.0);
    QCOMPARE(m.bars()[2].volume, 3.0);
    m.setMaxBars(2);
    m.applyBatch(batchOf({Bar{4000, 1, 1, 1, 1, 1, 1, 5, 5}}), 3);
    QCOMPARE(m.rowCount(), 2);
    QCOMPARE(m.bars().front().openMs, 3000);
}

void TestModels::barModelLoadsHistoryWithoutCountingHeldBatchesTwice()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("h.sqlite"));
    TickWriter w(db);
    QString error;
    QVERIFY(w.open(&error));
    // Batches 1..3 are committed before the model loads; batch 4 after.
    std::vector<std::pair<qint64, BarBatch>> sent;
    const std::span<const Tick> all(m_ticks);
    for (int b = 0; b < 4; ++b) {
        WriteStats s;
        std::vector<BarUpdate> bars;
        QVERIFY(w.write(all.subspan(std::size_t(b) * 2000, 2000), &s, &error, nullptr, &bars));
        sent.emplace_back(s.batchSeq, std::make_shared<const std::vector<BarUpdate>>(std::move(bars)));
        if (b == 2)
            break;
    }
    BarModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&m, &BarModel::loaded);
    m.setSeries(db, QStringLiteral("BTCUSDT"), Interval::M1);
    // While the page loads, the GUI receives batch 3 again (already in the snapshot) and a new batch 4.
    m.applyBatch(sent[2].second, sent[2].first);
    WriteStats s;
    std::vector<BarUpdate> bars;
    QVERIFY(w.write(all.subspan(6000, 2000), &s, &error, nullptr, &bars));
    m.applyBatch(std::make_shared<const std::vector<BarUpdate>>(std::move(bars)), s.batchSeq);
    QTRY_COMPARE(loaded.size(), 1);
    std::int64_t trades = 0;
    for (const Bar &b : m.bars())
        trades += b.trades;
    std::int64_t expected = 0;
    for (std::size_t i = 0; i < 8000; ++i)
        expected += m_ticks[i].symbol.view() == "BTCUSDT" ? 1 : 0;
    QCOMPARE(trades, expected);
}

void TestModels::tickerShowsFundingAndCountsDown()
{
    TickerModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m.setSymbols({QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")});
    qint64 now = 1748908800000 + 3600000 + 62000; // 01:01:02 after a funding time
    m.setClock([&now] { return now; });
    QVERIFY(m.index(0, TickerModel::Funding).data().toString().isEmpty()); // nothing known yet
    QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
    MarkPrice btc;
    btc.symbol = SymbolCode::fromString(QStringLiteral("BTCUSDT"));
    btc.eventMs = now;
    btc.mark = 105814.4;
    btc.index = 105761.52;
    btc.fundingRate = 0.00005005;
    btc.nextFundingMs = 1748937600000; // 08:00
    MarkPrice other = btc;
    other.symbol = SymbolCode::fromString(QStringLiteral("SOLUSDT")); // not in the watchlist: ignored
    m.setMarkPrices({btc, other});
    QCOMPARE(m.rowCount(), 2);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(m.index(0, TickerModel::Funding).data(Qt::EditRole).toDouble(), 0.00005005);
    QCOMPARE(m.index(0, TickerModel::Funding).data().toString(),
             QLocale().toString(0.005005, 'f', 4) + QStringLiteral(" %"));
    // 08:00 - 01:01:02 = 06:58:58
    QCOMPARE(m.index(0, TickerModel::NextFunding).data().toString(), QStringLiteral("06:58:58"));
    now += 3 * 3600000 + 58000;
    QCOMPARE(m.index(0, TickerModel::NextFunding).data().toString(), QStringLiteral("03:58:00"));
    now = btc.nextFundingMs + 5000; // past it, before the next update: zero, never negative
    QCOMPARE(m.index(0, TickerModel::NextFunding).data().toString(), QStringLiteral("00:00:00"));
    QVERIFY(m.index(1, TickerModel::NextFunding).data().toString().isEmpty());
    // The countdown column is announced every second without new data.
    changed.clear();
    QVERIFY(changed.wait(2000));
    QCOMPARE(changed.first().at(0).toModelIndex().column(), int(TickerModel::NextFunding));
}

QTEST_GUILESS_MAIN(TestModels)
#include "tst_models.moc"
