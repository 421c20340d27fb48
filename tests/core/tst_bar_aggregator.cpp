#include "bars/bar_aggregator.h"

#include "real_ticks.h"

#include <QRandomGenerator>
#include <QTest>

#include <map>

using namespace pairlab;

/** Bars from the aggregator against bars computed here independently (CONVENTIONS.md §13, the pandas
 *  resample rule) from the real recording — whatever the batching and arrival order. */
class TestBarAggregator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void matchesIndependentResampling_data();
    void matchesIndependentResampling();
    void binsAreLeftClosedAndEpochAligned();
    void negativeTimesFloorCorrectly();

private:
    using Key = std::tuple<std::string, int, std::int64_t>;
    std::vector<Tick> m_ticks;
    std::map<Key, Bar> m_expected;
};

void TestBarAggregator::initTestCase()
{
    m_ticks = test::loadRealTicks(QString::fromLatin1(test::CombinedRecording));
    QCOMPARE(m_ticks.size(), std::size_t(16821));
    // Independent reference: per symbol and interval, walk ticks in trade-id order; first = open, last = close.
    std::vector<Tick> sorted = m_ticks;
    std::stable_sort(sorted.begin(), sorted.end(), [](const Tick &a, const Tick &b) {
        return a.symbol == b.symbol ? a.tradeId < b.tradeId : a.symbol < b.symbol;
    });
    for (int seconds : {1, 60, 300}) {
        for (const Tick &t : sorted) {
            const std::int64_t d = seconds * 1000LL;
            const std::int64_t open = (t.tsMs / d) * d; // positive times: plain division floors
            const Key k{std::string(t.symbol.view()), seconds, open};
            auto it = m_expected.find(k);
            if (it == m_expected.end()) {
                Bar b;
                b.openMs = open;
                b.open = b.high = b.low = b.close = t.price;
                b.volume = t.qty;
                b.trades = 1;
                m_expected.emplace(k, b);
            } else {
                Bar &b = it->second;
                b.high = std::max(b.high, t.price);
                b.low = std::min(b.low, t.price);
                b.close = t.price;
                b.volume += t.qty;
                ++b.trades;
            }
        }
    }
}

void TestBarAggregator::matchesIndependentResampling_data()
{
    QTest::addColumn<int>("batchSize");
    QTest::addColumn<bool>("shuffleWithinBatch");
    QTest::newRow("oneBatch") << 1000000 << false;
    QTest::newRow("batchesOf1") << 1 << false;
    QTest::newRow("batchesOf97") << 97 << false;
    QTest::newRow("batchesOf500Shuffled") << 500 << true;
    QTest::newRow("oneBatchShuffled") << 1000000 << true;
}

void TestBarAggregator::matchesIndependentResampling()
{
    QFETCH(int, batchSize);
    QFETCH(bool, shuffleWithinBatch);
    BarAggregator agg;
    std::map<std::pair<std::string, int>, std::vector<Bar>> series;
    QRandomGenerator rng(7);
    for (std::size_t i = 0; i < m_ticks.size(); i += std::size_t(batchSize)) {
        std::vector<Tick> batch(m_ticks.begin() + long(i), m_ticks.begin() + long(std::min(m_ticks.size(), i + std::size_t(batchSize))));
        if (shuffleWithinBatch)
            std::shuffle(batch.begin(), batch.end(), rng);
        for (const BarUpdate &u : agg.aggregate(batch)) {
            QVERIFY(std::is_sorted(u.bars.begin(), u.bars.end(), [](const Bar &a, const Bar &b) { return a.openMs < b.openMs; }));
            BarAggregator::mergeInto(series[{std::string(u.symbol.view()), intervalSeconds(u.interval)}], u.bars);
        }
    }
    std::size_t compared = 0;
    for (const auto &[key, bars] : series) {
        for (const Bar &b : bars) {
            const auto it = m_expected.find({key.first, key.second, b.openMs});
            QVERIFY2(it != m_expected.end(), "a bar for an empty bin");
            const Bar &e = it->second;
            QCOMPARE(b.open, e.open);
            QCOMPARE(b.high, e.high);
            QCOMPARE(b.low, e.low);
            QCOMPARE(b.close, e.close);
            QCOMPARE(b.trades, e.trades);
            QVERIFY(test::fuzzyEqual(b.volume, e.volume, 1e-12, 1e-9)); // sums in another order
            ++compared;
        }
    }
    QCOMPARE(compared, m_expected.size());
}

void TestBarAggregator::binsAreLeftClosedAndEpochAligned()
{
    BarAggregator agg({Interval::M1});
    std::vector<Tick> ticks(3);
    for (int i = 0; i < 3; ++i) {
        ticks[std::size_t(i)].symbol = SymbolCode::fromText("BTCUSDT");
        ticks[std::size_t(i)].tradeId = i + 1;
        ticks[std::size_t(i)].price = 100 + i;
        ticks[std::size_t(i)].qty = 1;
    }
    ticks[0].tsMs = 60000 * 5 - 1; // last ms of bin 4
    ticks[1].tsMs = 60000 * 5;     // first ms of bin 5
    ticks[2].tsMs = 60000 * 6 - 1;
    const auto out = agg.aggregate(ticks);
    QCOMPARE(out.size(), std::size_t(1));
    QCOMPARE(out[0].bars.size(), std::size_t(2));
    QCOMPARE(out[0].bars[0].openMs, 240000);
    QCOMPARE(out[0].bars[1].openMs, 300000);
    QCOMPARE(out[0].bars[1].open, 101.0);
    QCOMPARE(out[0].bars[1].close, 102.0);
}

void TestBarAggregator::negativeTimesFloorCorrectly()
{
    QCOMPARE(binStart(-1, 1000), -1000);
    QCOMPARE(binStart(-1000, 1000), -1000);
    QCOMPARE(binStart(999, 1000), 0);
}

QTEST_GUILESS_MAIN(TestBarAggregator)
#include "tst_bar_aggregator.moc"
