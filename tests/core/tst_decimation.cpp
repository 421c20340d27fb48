#include "models/decimation.h"

#include <QRandomGenerator>
#include <QTest>

#include <cmath>
#include <vector>

using namespace pairlab;

/** Min/max decimation keeps every column's extremes, its first and last point, and stays small. */
class TestDecimation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keepsEveryColumnsExtremes_data();
    void keepsEveryColumnsExtremes();
    void shortSeriesArePassedThroughWithoutNaN();
};

void TestDecimation::keepsEveryColumnsExtremes_data()
{
    QTest::addColumn<int>("points");
    QTest::addColumn<int>("columns");
    QTest::newRow("dayOf1sBarsOn800px") << 86400 << 800;
    QTest::newRow("millionPointsOn1000px") << 1000000 << 1000;
    QTest::newRow("fewColumns") << 5000 << 7;
}

void TestDecimation::keepsEveryColumnsExtremes()
{
    QFETCH(int, points);
    QFETCH(int, columns);
    QRandomGenerator rng(42);
    std::vector<qint64> t(static_cast<std::size_t>(points));
    std::vector<double> v(static_cast<std::size_t>(points));
    double level = 100;
    for (int i = 0; i < points; ++i) {
        t[std::size_t(i)] = 1'700'000'000'000LL + qint64(i) * 1000;
        level += rng.generateDouble() - 0.5;
        v[std::size_t(i)] = (i % 9973 == 0) ? level + 50 : level; // rare spikes must survive
    }
    const qint64 from = t[std::size_t(points / 10)], to = t[std::size_t(points - points / 10)];
    const QList<QPointF> out = decimateMinMax(t, v, from, to, columns);
    QVERIFY(out.size() <= columns * 4 + 2);
    QVERIFY(std::is_sorted(out.begin(), out.end(), [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); }));
    // Per column: the decimated max/min equal the raw max/min.
    const double span = double(to - from);
    std::vector<double> rawMax(std::size_t(columns), -INFINITY), rawMin(std::size_t(columns), INFINITY);
    std::vector<double> outMax = rawMax, outMin = rawMin;
    auto col = [&](double x) { return std::clamp(int(std::floor((x - double(from)) / span * columns)), 0, columns - 1); };
    for (int i = 0; i < points; ++i) {
        if (t[std::size_t(i)] < from || t[std::size_t(i)] > to)
            continue;
        const int c = col(double(t[std::size_t(i)]));
        rawMax[std::size_t(c)] = std::max(rawMax[std::size_t(c)], v[std::size_t(i)]);
        rawMin[std::size_t(c)] = std::min(rawMin[std::size_t(c)], v[std::size_t(i)]);
    }
    for (const QPointF &p : out) {
        if (p.x() < double(from) || p.x() > double(to))
            continue;
        const int c = col(p.x());
        outMax[std::size_t(c)] = std::max(outMax[std::size_t(c)], p.y());
        outMin[std::size_t(c)] = std::min(outMin[std::size_t(c)], p.y());
    }
    for (int c = 0; c < columns; ++c) {
        QCOMPARE(outMax[std::size_t(c)], rawMax[std::size_t(c)]);
        QCOMPARE(outMin[std::size_t(c)], rawMin[std::size_t(c)]);
    }
    QVERIFY(out.first().x() <= double(from) && out.last().x() >= double(to)); // lines reach both edges
}

void TestDecimation::shortSeriesArePassedThroughWithoutNaN()
{
    const std::vector<qint64> t{1, 2, 3, 4};
    const std::vector<double> v{1.0, NAN, 3.0, 4.0};
    const QList<QPointF> out = decimateMinMax(t, v, 1, 4, 100);
    QCOMPARE(out.size(), 3);
    QCOMPARE(out.at(1), QPointF(3, 3.0));
    QVERIFY(decimateMinMax({}, {}, 0, 10, 10).isEmpty());
}

QTEST_APPLESS_MAIN(TestDecimation)
#include "tst_decimation.moc"
