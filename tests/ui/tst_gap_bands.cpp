#include "charts/time_series_chart_view.h"

#include <QApplication>
#include <QGraphicsRectItem>
#include <QTest>

using namespace pairlab;

/** Gaps on a time chart: open and unfillable ones are shaded over their time range with a tooltip that
 *  says why, filled ones are not drawn, bands outside the visible range are hidden. */
class TestGapBands : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void shadesOpenAndUnfillableGapsInRange();
    void drawsTheNewestBandsOfAFeedThatLosesTradesAllTheTime();
};

void TestGapBands::shadesOpenAndUnfillableGapsInRange()
{
    TimeSeriesChartView view(QStringLiteral("test"));
    view.resize(800, 400);
    const int curve = view.addCurve(QStringLiteral("BTCUSDT"), Qt::blue);
    auto times = std::make_shared<std::vector<qint64>>();
    auto values = std::make_shared<std::vector<double>>();
    for (int i = 0; i < 600; ++i) {
        times->push_back(1723161600000 + qint64(i) * 1000);
        values->push_back(100.0 + i % 7);
    }
    view.setCurveData(curve, times, values);
    auto gap = [](qint64 from, qint64 to, GapState state) {
        TradeGap g;
        g.symbol = SymbolCode::fromText("BTCUSDT");
        g.fromId = 10;
        g.toId = 19;
        g.fromMs = from;
        g.toMs = to;
        g.state = state;
        g.reason = QStringLiteral("Binance banned this IP address (HTTP 418) for 120 s");
        return g;
    };
    view.setGaps({gap(1723161700000, 1723161760000, GapState::Unfillable),
                  gap(1723161800000, 1723161810000, GapState::Filled),
                  gap(1723161900000, 1723161901000, GapState::Open),
                  gap(1723170000000, 1723170001000, GapState::Unfillable)}); // far right of the data
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.refreshNow();
    QCOMPARE(view.gapBands().count(), 3); // the filled one is not drawn
    QCOMPARE(view.gapBands().shown(), 2); // the last one lies outside the range
    const QString tip = GapBands::describe(gap(1723161700000, 1723161760000, GapState::Unfillable));
    QVERIFY(tip.contains(QLatin1String("10 trade(s) missing")));
    QVERIFY(tip.contains(QLatin1String("418")));
    int shaded = 0;
    for (QGraphicsItem *item : view.chart()->childItems()) {
        auto *rect = dynamic_cast<QGraphicsRectItem *>(item);
        if (rect && rect->isVisible() && rect->toolTip().contains(QLatin1String("missing"))) {
            ++shaded;
            QVERIFY(rect->rect().width() >= 3);
            QVERIFY(view.chart()->plotArea().contains(rect->rect().center()));
        }
    }
    QCOMPARE(shaded, 2);
}

void TestGapBands::drawsTheNewestBandsOfAFeedThatLosesTradesAllTheTime()
{
    TimeSeriesChartView view(QStringLiteral("test"));
    TradeGapList gaps;
    for (int i = 0; i < 5000; ++i) {
        TradeGap g;
        g.symbol = SymbolCode::fromText("BTCUSDT");
        g.fromId = 2 * i;
        g.toId = 2 * i;
        g.fromMs = 1723161600000 + qint64(i) * 100;
        g.toMs = g.fromMs + 50;
        g.state = GapState::Open;
        gaps.push_back(g);
    }
    view.setGaps(gaps);
    QCOMPARE(view.gapBands().count(), int(GapBands::MaxBands));
    qint64 oldest = std::numeric_limits<qint64>::max();
    int tips = 0;
    for (QGraphicsItem *item : view.chart()->childItems())
        if (auto *rect = dynamic_cast<QGraphicsRectItem *>(item);
            rect && rect->toolTip().contains(QLatin1String("missing"))) {
            ++tips;
            oldest = std::min(oldest, qint64(rect->toolTip()
                                                 .section(QLatin1String("ids "), 1)
                                                 .section(QLatin1Char(' '), 0, 0)
                                                 .toLongLong()));
        }
    QCOMPARE(tips, int(GapBands::MaxBands));
    QCOMPARE(oldest, qint64(2 * (5000 - GapBands::MaxBands))); // the newest ones
}

QTEST_MAIN(TestGapBands)
#include "tst_gap_bands.moc"
