#include "analytics/adf.h"
#include "analytics/pair_scan.h"
#include "analytics/regression.h"
#include "analytics/series_stats.h"
#include "cli/commands.h"
#include "test_util.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <random>

using namespace pairlab;

namespace {

const char *const kNumberFields[] = {
    "alpha",     "beta",  "eg_stat",      "eg_pvalue", "eg_stat_reverse",   "eg_pvalue_reverse",
    "half_life", "hurst", "corr_returns", "z_last",    "crossings_per_1000"};

struct Wide
{
    QStringList symbols;
    std::vector<std::vector<double>> columns;
};

/** The real wide file, read plainly (test helper). */
Wide readWide(const QString &path)
{
    Wide w;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return w;
    w.symbols = QString::fromUtf8(f.readLine()).trimmed().split(QLatin1Char(',')).mid(1);
    w.columns.resize(std::size_t(w.symbols.size()));
    while (!f.atEnd()) {
        const QStringList cells = QString::fromUtf8(f.readLine()).trimmed().split(QLatin1Char(','));
        for (qsizetype i = 1; i < cells.size(); ++i)
            w.columns[std::size_t(i - 1)].push_back(cells[i].isEmpty() ? std::nan("") : cells[i].toDouble());
    }
    return w;
}

QByteArray wideCsv(const Wide &w)
{
    QByteArray o = "ts_ms," + w.symbols.join(QLatin1Char(',')).toUtf8() + '\n';
    for (std::size_t t = 0; t < w.columns.front().size(); ++t) {
        o += QByteArray::number(qint64(1747699200000) + qint64(t) * 60000);
        for (const auto &c : w.columns) {
            o += ',';
            if (!std::isnan(c[t]))
                o += QByteArray::number(c[t], 'g', 17);
        }
        o += '\n';
    }
    return o;
}

bool close(double got, double want, double rel = 1e-8, double abs = 1e-11)
{
    if (std::isnan(want) || std::isnan(got))
        return std::isnan(want) && std::isnan(got);
    if (std::isinf(want) || std::isinf(got))
        return got == want;
    return std::fabs(got - want) <= rel * std::fabs(want) + abs;
}

std::array<double, 11> fields(const PairScanRecord &r)
{
    return {r.alpha,    r.beta,  r.egStat,      r.egPValue, r.egStatReverse,   r.egPValueReverse,
            r.halfLife, r.hurst, r.corrReturns, r.zLast,    r.crossingsPer1000};
}

/** The reference route for an aligned pair: the per-pair functions of the analyze command (QR least squares,
    one QR per ADF lag), which tst_adf and tst_real_data hold to statsmodels. */
PairScanRecord reference(const std::vector<double> &y, const std::vector<double> &x, int window)
{
    PairScanRecord r;
    r.n = int(y.size());
    const OlsResult ols = olsFit(x, y);
    r.alpha = ols.alpha;
    r.beta = ols.beta;
    const CointResult f = engleGranger(y, x), b = engleGranger(x, y);
    r.egStat = f.ok() ? f.stat : kNaN;
    r.egPValue = f.ok() ? f.pvalue : kNaN;
    r.egStatReverse = b.ok() ? b.stat : kNaN;
    r.egPValueReverse = b.ok() ? b.pvalue : kNaN;
    std::vector<double> s(y.size());
    for (std::size_t t = 0; t < s.size(); ++t)
        s[t] = y[t] - (ols.alpha + ols.beta * x[t]);
    r.halfLife = halfLife(s).halfLife;
    r.hurst = hurstExponent(s);
    std::vector<double> ry, rx;
    for (std::size_t t = 1; t < y.size(); ++t) {
        ry.push_back(std::log(y[t] / y[t - 1]));
        rx.push_back(std::log(x[t] / x[t - 1]));
    }
    double my = 0, mx = 0;
    for (std::size_t t = 0; t < ry.size(); ++t) {
        my += ry[t];
        mx += rx[t];
    }
    my /= double(ry.size());
    mx /= double(rx.size());
    double sxy = 0, sxx = 0, syy = 0;
    for (std::size_t t = 0; t < ry.size(); ++t) {
        sxy += (ry[t] - my) * (rx[t] - mx);
        sxx += (rx[t] - mx) * (rx[t] - mx);
        syy += (ry[t] - my) * (ry[t] - my);
    }
    r.corrReturns = sxy / std::sqrt(sxx * syy);
    if (int(s.size()) >= window) {
        double m = 0;
        for (std::size_t t = s.size() - std::size_t(window); t < s.size(); ++t)
            m += s[t];
        m /= window;
        double v = 0;
        for (std::size_t t = s.size() - std::size_t(window); t < s.size(); ++t)
            v += (s[t] - m) * (s[t] - m);
        r.zLast = (s.back() - m) / std::sqrt(v / (window - 1));
    }
    double mean = 0;
    for (const double v : s)
        mean += v;
    mean /= double(s.size());
    int crossings = 0, last = 0;
    for (const double v : s) {
        const int sign = v - mean > 0 ? 1 : v - mean < 0 ? -1 : 0;
        if (sign != 0 && last != 0 && sign != last)
            ++crossings;
        if (sign != 0)
            last = sign;
    }
    r.crossingsPer1000 = 1000.0 * crossings / double(s.size());
    return r;
}

} // namespace

/** The market-wide pair scan (CONVENTIONS §15): every field of every pair of 16 real perpetuals against
    statsmodels/pandas, the Gram-matrix ADF against the QR one, gaps, degenerate legs, threads, cancel, the
    live z refresh, and `pairlab-cli scan` (stable interface) with its errors. */
class TestPairScan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyRealPairMatchesStatsmodels();
    void fastAdfEqualsQrAdf();
    void gapsAlignEachPairOnItsOwnRows();
    void degenerateLegsGiveNullNotNonsense();
    void resultDoesNotDependOnThreadsAndCancelStops();
    void refreshZLastKeepsTheStandingHedge();
    void cliWritesCsvAndFile();
    void cliRejectsBadInput_data();
    void cliRejectsBadInput();
    void cliRejectsBadUsage();

private:
    QString writeFile(const QString &name, const QByteArray &content);
    QString m_csv;
    Wide m_wide;
    QTemporaryDir m_dir;
};

void TestPairScan::initTestCase()
{
    m_csv = test::sourceFile(QStringLiteral("tests/data/real/universe/futures_1m_closes_2025-05-20.csv"));
    m_wide = readWide(m_csv);
    QCOMPARE(m_wide.symbols.size(), 16);
    QCOMPARE(m_wide.columns.front().size(), std::size_t(1440));
    QVERIFY(m_dir.isValid());
}

QString TestPairScan::writeFile(const QString &name, const QByteArray &content)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(content);
    return path;
}

void TestPairScan::everyRealPairMatchesStatsmodels()
{
    // Through the CLI's JSON: the numbers must also survive the round trip exactly.
    QString outText, errText;
    QTextStream out(&outText), err(&errText);
    QCOMPARE(cli::scan({m_csv, QStringLiteral("--window"), QStringLiteral("120")}, out, err), 0);
    const QJsonObject doc = QJsonDocument::fromJson(outText.toUtf8()).object();
    QCOMPARE(doc.value(QLatin1String("n_symbols")).toInt(), 16);
    QCOMPARE(doc.value(QLatin1String("n_pairs")).toInt(), 120);
    const QJsonArray pairs = doc.value(QLatin1String("pairs")).toArray();
    QCOMPARE(pairs.size(), 120);

    const auto expected = [] {
        std::vector<QStringList> rows;
        QFile f(test::sourceFile(QStringLiteral("tests/core/analytics/data/scan_reference_2025-05-20.csv")));
        if (f.open(QIODevice::ReadOnly | QIODevice::Text))
            while (!f.atEnd())
                rows.push_back(QString::fromUtf8(f.readLine()).trimmed().split(QLatin1Char(',')));
        return rows;
    }();
    QCOMPARE(expected.size(), std::size_t(121));
    QCOMPARE(expected[0].value(3), QStringLiteral("alpha"));
    int cointegrated = 0;
    for (qsizetype k = 0; k < pairs.size(); ++k) {
        const QJsonObject p = pairs[k].toObject();
        const QStringList &want = expected[std::size_t(k + 1)];
        QCOMPARE(p.value(QLatin1String("y")).toString(), want[0]);
        QCOMPARE(p.value(QLatin1String("x")).toString(), want[1]);
        QCOMPARE(p.value(QLatin1String("n")).toInt(), want[2].toInt());
        for (int f = 0; f < 11; ++f) {
            const QJsonValue v = p.value(QLatin1String(kNumberFields[f]));
            const double got = v.isNull() ? kNaN : v.toDouble();
            const double ref = want[3 + f] == QLatin1String("nan") ? kNaN : want[3 + f].toDouble();
            if (!close(got, ref))
                QFAIL(qPrintable(QStringLiteral("%1 ~ %2 %3: %4, statsmodels %5")
                                     .arg(want[0], want[1], QLatin1String(kNumberFields[f]))
                                     .arg(got, 0, 'g', 17)
                                     .arg(ref, 0, 'g', 17)));
        }
        cointegrated += std::min(p.value(QLatin1String("eg_pvalue")).toDouble(),
                                 p.value(QLatin1String("eg_pvalue_reverse")).toDouble()) <= 0.05;
    }
    // The day has both kinds of pairs: a test that only saw p ~ 0.5 would not exercise the MacKinnon tails.
    QVERIFY(cointegrated > 0);
    QVERIFY(cointegrated < 120);
}

void TestPairScan::fastAdfEqualsQrAdf()
{
    // Real spreads of every pair with BTC and random walks / AR(1) series of several lengths.
    std::vector<std::vector<double>> series;
    for (std::size_t j = 0; j < m_wide.columns.size(); ++j) {
        if (m_wide.symbols[qsizetype(j)] == QLatin1String("BTCUSDT"))
            continue;
        const auto &y = m_wide.columns[4], &x = m_wide.columns[j];
        const OlsResult o = olsFit(x, y);
        std::vector<double> s(y.size());
        for (std::size_t t = 0; t < s.size(); ++t)
            s[t] = y[t] - (o.alpha + o.beta * x[t]);
        series.push_back(s);
    }
    std::mt19937_64 rng(42);
    std::normal_distribution<double> z;
    for (const int n : {12, 40, 257, 1000, 5000}) {
        std::vector<double> walk(static_cast<std::size_t>(n)), ar(static_cast<std::size_t>(n));
        double a = 0, b = 0;
        for (int t = 0; t < n; ++t) {
            walk[std::size_t(t)] = a += z(rng);
            ar[std::size_t(t)] = b = 0.7 * b + z(rng);
        }
        series.push_back(walk);
        series.push_back(ar);
    }
    for (const auto &s : series) {
        const AdfResult qr = adfuller(s, AdfOptions{AdfTrend::None, AdfAutolag::Aic, -1});
        const AdfResult fast = adfullerNoTrendFast(s);
        QCOMPARE(fast.ok(), qr.ok());
        if (!qr.ok())
            continue;
        QCOMPARE(fast.usedlag, qr.usedlag);
        QCOMPARE(fast.nobs, qr.nobs);
        QCOMPARE(fast.maxlag, qr.maxlag);
        QVERIFY2(close(fast.stat, qr.stat, 1e-9), qPrintable(QString::number(fast.stat - qr.stat)));
        QVERIFY(close(fast.pvalue, qr.pvalue, 1e-9));
        QVERIFY(close(fast.icbest, qr.icbest, 1e-10));
    }
    QCOMPARE(adfullerNoTrendFast(std::vector<double>(50, 3.0)).status, AnalyticsStatus::ConstantSeries);
    QCOMPARE(adfullerNoTrendFast(std::vector<double>{1, 2, 3}).status, AnalyticsStatus::TooFewRows);
    QCOMPARE(adfullerNoTrendFast({}).status, AnalyticsStatus::EmptyInput);
}

void TestPairScan::gapsAlignEachPairOnItsOwnRows()
{
    // Four real symbols, holes in different rows of each: every pair uses its own common rows.
    Wide w;
    for (const int c : {4, 7, 11, 15}) { // BTC, ETH, SOL, XRP
        w.symbols << m_wide.symbols[c];
        w.columns.push_back(m_wide.columns[std::size_t(c)]);
    }
    for (std::size_t t = 5; t < 1440; t += 97)
        w.columns[0][t] = std::nan("");
    for (std::size_t t = 300; t < 360; ++t)
        w.columns[1][t] = std::nan("");
    w.columns[2][1439] = std::nan(""); // the last row: z_last is at the pair's own last row
    const std::vector<PairScanRecord> recs = scanPairs(w.columns);
    QCOMPARE(recs.size(), std::size_t(6));
    for (const PairScanRecord &r : recs) {
        std::vector<double> y, x;
        for (std::size_t t = 0; t < 1440; ++t)
            if (!std::isnan(w.columns[std::size_t(r.y)][t]) && !std::isnan(w.columns[std::size_t(r.x)][t])) {
                y.push_back(w.columns[std::size_t(r.y)][t]);
                x.push_back(w.columns[std::size_t(r.x)][t]);
            }
        const PairScanRecord want = reference(y, x, 120);
        QCOMPARE(r.n, want.n);
        const auto got = fields(r), ref = fields(want);
        for (std::size_t f = 0; f < got.size(); ++f)
            QVERIFY2(close(got[f], ref[f], 1e-8),
                     qPrintable(QStringLiteral("%1 ~ %2 %3: %4 vs %5")
                                    .arg(w.symbols[r.y], w.symbols[r.x], QLatin1String(kNumberFields[f]))
                                    .arg(got[f], 0, 'g', 17)
                                    .arg(ref[f], 0, 'g', 17)));
    }
    QCOMPARE(recs[0].n, 1440 - 15 - 60); // BTC ~ ETH: 15 holes in BTC, 60 in ETH, none shared
}

void TestPairScan::degenerateLegsGiveNullNotNonsense()
{
    // A constant column, a column twice another (collinear), and a pair with fewer rows than the window.
    const auto &btc = m_wide.columns[4];
    std::vector<double> constant(btc.size(), 42.0), twice(btc.size()), sparse(btc.size(), std::nan(""));
    for (std::size_t t = 0; t < btc.size(); ++t)
        twice[t] = 2.0 * btc[t];
    for (std::size_t t = 0; t < 60; ++t)
        sparse[t * 20] = m_wide.columns[7][t * 20];
    const std::vector<PairScanRecord> recs = scanPairs({btc, constant, twice, sparse}, {});
    QCOMPARE(recs.size(), std::size_t(6));
    const PairScanRecord &withConstant = recs[0]; // BTC ~ constant: x constant, the regression is singular
    QCOMPARE(withConstant.n, 1440);
    for (const double v : fields(withConstant)) // incl. corr_returns: a constant leg's returns are all 0
        QVERIFY(std::isnan(v));
    const PairScanRecord &collinear = recs[1]; // BTC ~ 2 BTC: statsmodels' CollinearityWarning branch
    QCOMPARE(collinear.egStat, -std::numeric_limits<double>::infinity());
    QCOMPARE(collinear.egPValue, 0.0);
    QCOMPARE(collinear.egStatReverse, -std::numeric_limits<double>::infinity());
    QVERIFY(close(collinear.beta, 0.5, 1e-12));
    const PairScanRecord &few = recs[2]; // BTC ~ sparse: 60 rows < window 120
    QCOMPARE(few.n, 60);
    QVERIFY(std::isnan(few.zLast));
    QVERIFY(std::isfinite(few.egStat));
    const PairScanRecord &constY = recs[3]; // constant ~ 2 BTC: y constant, beta 0, a constant spread
    QCOMPARE(constY.beta, 0.0);
    QVERIFY(std::isnan(constY.egStat));
    QVERIFY(std::isnan(constY.hurst));
    QVERIFY(std::isnan(constY.zLast));
    // A constant leg whose mean is not exactly representable (0.1): no residue of rounding is taken for
    // variance, in either order.
    const std::vector<PairScanRecord> tenth = scanPairs({btc, std::vector<double>(btc.size(), 0.1)}, {});
    for (const double v : fields(tenth[0]))
        QVERIFY(std::isnan(v));
    const std::vector<PairScanRecord> tenthY = scanPairs({std::vector<double>(btc.size(), 0.1), btc}, {});
    QCOMPARE(tenthY[0].beta, 0.0);
    QCOMPARE(tenthY[0].alpha, 0.1);
    QVERIFY(std::isnan(tenthY[0].egStat) && std::isnan(tenthY[0].egStatReverse));
    const std::vector<PairScanRecord> tiny = scanPairs({{1, 2}, {3, 5}}, {});
    QCOMPARE(tiny.size(), std::size_t(1));
    QCOMPARE(tiny[0].n, 2);
    for (const double v : fields(tiny[0]))
        QVERIFY(std::isnan(v));
}

void TestPairScan::resultDoesNotDependOnThreadsAndCancelStops()
{
    PairScanOptions one;
    one.threads = 1;
    PairScanOptions three;
    three.threads = 3;
    qsizetype lastProgress = 0;
    std::atomic<int> calls{0};
    three.progress = [&](qsizetype done, qsizetype total) {
        QCOMPARE(total, qsizetype(120));
        lastProgress = std::max(lastProgress, done);
        ++calls;
    };
    const auto a = scanPairs(m_wide.columns, one), b = scanPairs(m_wide.columns, three);
    QCOMPARE(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        QCOMPARE(a[i].y, b[i].y);
        QCOMPARE(a[i].x, b[i].x);
        const auto fa = fields(a[i]), fb = fields(b[i]);
        for (std::size_t f = 0; f < fa.size(); ++f)
            QVERIFY(fa[f] == fb[f] || (std::isnan(fa[f]) && std::isnan(fb[f])));
    }
    QCOMPARE(lastProgress, qsizetype(120));
    QVERIFY(calls > 0);
    std::atomic<bool> cancel{true};
    PairScanOptions cancelled;
    cancelled.cancel = &cancel;
    QVERIFY(scanPairs(m_wide.columns, cancelled).empty());
}

void TestPairScan::refreshZLastKeepsTheStandingHedge()
{
    std::vector<std::vector<double>> cols = {m_wide.columns[4], m_wide.columns[7]};
    std::vector<PairScanRecord> recs = scanPairs(cols);
    const PairScanRecord before = recs[0];
    refreshZLast(recs, cols, 120);
    QVERIFY(close(recs[0].zLast, before.zLast, 1e-9)); // nothing new: the same z
    cols[0].push_back(cols[0].back() * 1.01);          // BTC jumps 1 %
    cols[1].push_back(cols[1].back());
    refreshZLast(recs, cols, 120);
    std::vector<double> s;
    for (std::size_t t = cols[0].size() - 120; t < cols[0].size(); ++t)
        s.push_back(cols[0][t] - (before.alpha + before.beta * cols[1][t]));
    double m = 0, v = 0;
    for (const double e : s)
        m += e / 120;
    for (const double e : s)
        v += (e - m) * (e - m);
    QVERIFY(close(recs[0].zLast, (s.back() - m) / std::sqrt(v / 119), 1e-9));
    QVERIFY(recs[0].zLast > before.zLast + 1);
    QCOMPARE(recs[0].alpha, before.alpha); // the hedge is the full scan's until the next one
}

void TestPairScan::cliWritesCsvAndFile()
{
    const QString outPath = m_dir.filePath(QStringLiteral("scan.csv"));
    QString outText, errText;
    QTextStream out(&outText), err(&errText);
    QCOMPARE(cli::scan(
                 {m_csv, QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--out"), outPath},
                 out, err),
             0);
    QVERIFY(outText.isEmpty());
    QFile f(outPath);
    QVERIFY(f.open(QIODevice::ReadOnly | QIODevice::Text));
    const QStringList lines = QString::fromUtf8(f.readAll()).trimmed().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 121);
    QCOMPARE(lines[0], QStringLiteral("y,x,n,alpha,beta,eg_stat,eg_pvalue,eg_stat_reverse,eg_pvalue_reverse,"
                                      "half_life,hurst,corr_returns,z_last,crossings_per_1000"));
    QVERIFY(lines[1].startsWith(QLatin1String("ADAUSDT,AVAXUSDT,1440,")));
    QCOMPARE(lines[1].split(QLatin1Char(',')).size(), 14);

    // A wide file with holes through the CLI equals the engine on the same columns; null for undefined.
    Wide w;
    w.symbols = {QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT"), QStringLiteral("FLAT")};
    w.columns = {m_wide.columns[4], m_wide.columns[7], std::vector<double>(1440, 5.0)};
    for (std::size_t t = 0; t < 1440; t += 7)
        w.columns[1][t] = std::nan("");
    const QString holes = writeFile(QStringLiteral("holes.csv"), wideCsv(w));
    outText.clear();
    QCOMPARE(cli::scan({holes, QStringLiteral("--window"), QStringLiteral("30")}, out, err), 0);
    const QJsonObject doc = QJsonDocument::fromJson(outText.toUtf8()).object();
    const QJsonArray pairs = doc.value(QLatin1String("pairs")).toArray();
    QCOMPARE(pairs.size(), 3);
    PairScanOptions o;
    o.window = 30;
    const auto recs = scanPairs(w.columns, o);
    QCOMPARE(pairs[0].toObject().value(QLatin1String("n")).toInt(), recs[0].n);
    QCOMPARE(pairs[0].toObject().value(QLatin1String("z_last")).toDouble(), recs[0].zLast);
    QCOMPARE(pairs[0].toObject().value(QLatin1String("eg_stat")).toDouble(), recs[0].egStat);
    QVERIFY(pairs[1].toObject().value(QLatin1String("eg_stat")).isNull()); // BTC ~ FLAT
    QCOMPARE(pairs[1].toObject().value(QLatin1String("y")).toString(), QStringLiteral("BTCUSDT"));
    QCOMPARE(pairs[1].toObject().value(QLatin1String("x")).toString(), QStringLiteral("FLAT"));
}

void TestPairScan::cliRejectsBadInput_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("message");
    QTest::newRow("no ts_ms") << QByteArray("time,A,B\n1,2,3\n")
                              << QStringLiteral(":1: the first column must be ts_ms");
    QTest::newRow("one symbol") << QByteArray("ts_ms,A\n1,2\n")
                                << QStringLiteral("at least two symbol columns");
    QTest::newRow("twice") << QByteArray("ts_ms,A,A\n1,2,3\n") << QStringLiteral("symbol A appears twice");
    QTest::newRow("bad close") << QByteArray("ts_ms,A,B\n1,2,3\n2,2,x3\n")
                               << QStringLiteral(":3: B: not a positive close: 'x3'");
    QTest::newRow("zero close") << QByteArray("ts_ms,A,B\n1,0,3\n")
                                << QStringLiteral(":2: A: not a positive close");
    QTest::newRow("short row") << QByteArray("ts_ms,A,B\n1,2\n")
                               << QStringLiteral(":2: 2 field(s), expected 3");
    QTest::newRow("long row") << QByteArray("ts_ms,A,B\n1,2,3,4\n")
                              << QStringLiteral(":2: more than 3 fields");
    QTest::newRow("bad time") << QByteArray("ts_ms,A,B\n1,2,3\nnoon,2,3\n")
                              << QStringLiteral(":3: ts_ms: not an integer: 'noon'");
    QTest::newRow("time goes back") << QByteArray("ts_ms,A,B\n5,2,3\n4,2,3\n")
                                    << QStringLiteral(":3: ts_ms: 4 is not after the previous row's 5");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("empty file");
    QTest::newRow("CR line ends") << QByteArray("ts_ms,A,B\r1,2,3\r2,2,3\r")
                                  << QStringLiteral(
                                         ":1: column 3: the symbol name holds a control character");
}

void TestPairScan::cliRejectsBadInput()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, message);
    const QString path = writeFile(QStringLiteral("bad.csv"), content);
    QString outText, errText;
    QTextStream out(&outText), err(&errText);
    QCOMPARE(cli::scan({path}, out, err), 1);
    QVERIFY2(errText.contains(message), qPrintable(errText));
    QVERIFY(outText.isEmpty()); // nothing half-written
    QCOMPARE(cli::scan({m_dir.filePath(QStringLiteral("missing.csv"))}, out, err), 1);
}

void TestPairScan::cliRejectsBadUsage()
{
    QString outText, errText;
    QTextStream out(&outText), err(&errText);
    QCOMPARE(cli::scan({}, out, err), 2);
    QCOMPARE(cli::scan({m_csv, QStringLiteral("--window"), QStringLiteral("1")}, out, err), 2);
    QCOMPARE(cli::scan({m_csv, QStringLiteral("--format"), QStringLiteral("xml")}, out, err), 2);
    QCOMPARE(cli::scan({m_csv, QStringLiteral("--bogus")}, out, err), 2);
    QVERIFY(errText.contains(QLatin1String("usage: pairlab-cli scan FILE.csv")));
    QVERIFY(outText.isEmpty());
}

QTEST_GUILESS_MAIN(TestPairScan)
#include "tst_pair_scan.moc"
