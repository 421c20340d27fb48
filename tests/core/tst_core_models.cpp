#include "alerts/alert_engine.h"
#include "alerts/alert_service.h"
#include "backtest/ratio_view.h"
#include "market/binance_trade_parser.h"
#include "models/alert_models.h"
#include "models/axis_scale.h"
#include "models/leg_stats_model.h"
#include "models/pair_display.h"
#include "models/sweep_grid_model.h"
#include "models/universe.h"
#include "session/recording_ingest.h"
#include "storage/bar_store.h"
#include "storage/database.h"
#include "storage/tick_writer.h"

#include "test_util.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QFile>
#include <QLocale>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <random>
#include <string_view>
#include <utility>
#include <vector>

using namespace pairlab;

namespace {

constexpr int kWindow = 30;
constexpr double kSecondsPerYear = 365.0 * 24 * 3600; // bars per year of 1 s bars, as PairController uses
const QString kBtc = QStringLiteral("BTCUSDT");
const QString kEth = QStringLiteral("ETHUSDT");
const QString kBtcSpot = QStringLiteral("BTCSPOT");
const QString kEthSpot = QStringLiteral("ETHSPOT");
const QString kMissing = QStringLiteral("XRPUSDT"); // never stored
const QStringList kFour{kBtc, kEth, kBtcSpot, kEthSpot};

const QString kStretched = QStringLiteral("spread stretched");
const QString kStretchedExpr = QStringLiteral("abs(z) > 1.5");
const QString kTogether = QStringLiteral("z high, legs together");
const QString kTogetherExpr = QStringLiteral("z > 1 && corr_ret > 0");

QString nanText()
{
    return QString(QChar(0x2014)); // the em dash the models show for an undefined number
}

QString utcText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc())
        .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

double meanOf(const std::vector<double> &v)
{
    double s = 0;
    for (double d : v)
        s += d;
    return s / double(v.size());
}

std::vector<double> slice(const std::vector<double> &v, std::size_t b, std::size_t e)
{
    return std::vector<double>(v.begin() + std::ptrdiff_t(b), v.begin() + std::ptrdiff_t(e));
}

std::vector<double> handLogReturns(const std::vector<double> &p)
{
    std::vector<double> r;
    for (std::size_t t = 1; t < p.size(); ++t)
        r.push_back(std::log(p[t] / p[t - 1]));
    return r;
}

/** Two-pass Pearson correlation. */
double pearson(const std::vector<double> &a, const std::vector<double> &b)
{
    const double ma = meanOf(a), mb = meanOf(b);
    double sab = 0, saa = 0, sbb = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        sab += (a[i] - ma) * (b[i] - mb);
        saa += (a[i] - ma) * (a[i] - ma);
        sbb += (b[i] - mb) * (b[i] - mb);
    }
    return sab / std::sqrt(saa * sbb);
}

/** Sample moments by two passes: std with ddof 1, biased skewness g1 and excess kurtosis g2. */
struct HandMoments
{
    double mean = 0, sd = 0, skew = 0, kurtosis = 0;
};

HandMoments handMoments(const std::vector<double> &v)
{
    HandMoments h;
    const double n = double(v.size());
    h.mean = meanOf(v);
    double m2 = 0, m3 = 0, m4 = 0;
    for (double d : v) {
        const double e = d - h.mean;
        m2 += e * e;
        m3 += e * e * e;
        m4 += e * e * e * e;
    }
    h.sd = std::sqrt(m2 / (n - 1));
    m2 /= n;
    m3 /= n;
    m4 /= n;
    h.skew = m3 / std::pow(m2, 1.5);
    h.kurtosis = m4 / (m2 * m2) - 3.0;
    return h;
}

/** Inner join of two close series on bar open time. */
struct Joined
{
    std::vector<double> x, y;
};

Joined innerJoin(const CloseSeries &x, const CloseSeries &y)
{
    std::map<qint64, double> xs;
    for (std::size_t i = 0; i < x.openTimeMs.size(); ++i)
        xs[x.openTimeMs[i]] = x.close[i];
    Joined j;
    for (std::size_t i = 0; i < y.openTimeMs.size(); ++i) {
        const auto it = xs.find(y.openTimeMs[i]);
        if (it != xs.end()) {
            j.x.push_back(it->second);
            j.y.push_back(y.close[i]);
        }
    }
    return j;
}

/** What a scanner row of Y ~ X should say, computed here: two-pass OLS of y on x, the last rolling z of
 *  that spread (ddof 1) and the Pearson correlation of the last `window` log returns. */
struct ExpectedScan
{
    int bars = 0;
    double beta = 0, z = 0, corr = 0;
};

ExpectedScan expectedScan(const CloseSeries &y, const CloseSeries &x, int window)
{
    const Joined j = innerJoin(x, y);
    ExpectedScan e;
    e.bars = int(j.x.size());
    if (e.bars <= window + 1)
        return e;
    const double mx = meanOf(j.x), my = meanOf(j.y);
    double sxy = 0, sxx = 0;
    for (std::size_t i = 0; i < j.x.size(); ++i) {
        sxy += (j.x[i] - mx) * (j.y[i] - my);
        sxx += (j.x[i] - mx) * (j.x[i] - mx);
    }
    e.beta = sxy / sxx;
    const double alpha = my - e.beta * mx;
    std::vector<double> spread;
    for (std::size_t i = 0; i < j.x.size(); ++i)
        spread.push_back(j.y[i] - (alpha + e.beta * j.x[i]));
    const std::vector<double> last = slice(spread, spread.size() - std::size_t(window), spread.size());
    const double ms = meanOf(last);
    double ss = 0;
    for (double s : last)
        ss += (s - ms) * (s - ms);
    e.z = (last.back() - ms) / std::sqrt(ss / double(window - 1));
    const std::vector<double> rx = handLogReturns(j.x), ry = handLogReturns(j.y);
    e.corr = pearson(rx, ry); // over all the pair's bars (CONVENTIONS §15)
    return e;
}

AlertRule makeRule(const QString &name, const QString &pairName, const QString &expression,
                   AlertTriggerMode mode, double cooldownS, bool enabled = true)
{
    AlertRule r;
    r.name = name;
    r.pair = pairName;
    r.expression = expression;
    r.triggerMode = mode;
    r.cooldownS = cooldownS;
    r.enabled = enabled;
    return r;
}

/** One expected firing: market time, the bar it fired on, 1 = kStretched, 2 = kTogether. */
struct Fired
{
    qint64 timeMs = 0;
    std::size_t bar = 0;
    int rule = 0;
};

/** Sizes of the batches one evaluation per bar produces (firings of the same bar form one batch). */
QList<int> batchSizes(const QList<Fired> &chrono)
{
    QList<int> sizes;
    qint64 last = std::numeric_limits<qint64>::min();
    for (const Fired &f : chrono) {
        if (sizes.isEmpty() || f.timeMs != last)
            sizes << 1;
        else
            ++sizes.last();
        last = f.timeMs;
    }
    return sizes;
}

} // namespace

/** The research and alert models of core, headless under QAbstractItemModelTester, fed as the app feeds them:
 *  CorrelationMatrixModel and PairScannerModel from loadUniverse() on real 1 s bars of BTC/ETH futures and
 *  spot, LegStatsModel from LegStatsModel::scopesOf() of the pair analysis, AlertRulesModel and
 *  AlertEventsModel from an AlertService evaluating the real pair bar by bar. Cell values are checked against
 *  computations made here from the same closes. */
class TestCoreModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void correlationMatrixMatchesTwoPassPearson();
    void scannerRowsAreThePairsNumbersAndSortAsPromised();
    void scanFilterAndClusteredHeatmap();
    void liveStepRefreshesZWithTheScansHedge();
    void legStatsMatchHandComputedMoments();
    void kalmanDisplayShowsTheInnovationSpread();
    void axisScalesAreRoundAndHonest();
    void ratiosAreShownOnlyWhereTheSampleAllows();
    void sweepGridShowsRatiosAsTheSampleAllows();
    void alertRulesModelShowsStoredRulesProblemsAndToggles();
    void alertEventsModelIsNewestFirstOnARealReplay();
    void alertEventsModelKeepsTheNewest2000();

private:
    AlertVariables variablesAt(std::size_t t) const;
    QList<Fired> expectedFirings() const;

    QTemporaryDir m_dir;
    QString m_db;
    std::map<QString, CloseSeries> m_series; ///< stored 1 s closes without each symbol's newest bar
    AlignedPair m_pair;                      ///< BTCUSDT (y) ~ ETHUSDT (x)
    PairAnalysis m_analysis;
};

void TestCoreModels::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_db = m_dir.filePath(QStringLiteral("models.sqlite"));
    IngestCounts c;
    QString error;
    QVERIFY2(ingestRecordingFile(
                 test::sharedData(QStringLiteral(
                     "real/binance_ws/binance_usdm_btc_eth_trade_combined_20240808_2358-0000.jsonl")),
                 m_db, &c, &error),
             qPrintable(error));
    QVERIFY(c.stored > 10000);
    // Spot trades of the same minutes as two more symbols (BTCSPOT, ETHSPOT): a real four-symbol universe.
    std::vector<Tick> spot;
    {
        QFile f(test::sharedData(
            QStringLiteral("real/binance_ws/binance_spot_btc_eth_trade_combined_20240808.jsonl")));
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
        BinanceTradeParser parser;
        while (!f.atEnd()) {
            const QByteArray line = f.readLine().trimmed();
            const std::string_view json = BinanceTradeParser::stripRecordingPrefix(
                std::string_view(line.constData(), std::size_t(line.size())));
            Tick tick;
            if (parser.parse(json, tick) == FrameKind::Trade) {
                tick.symbol = SymbolCode::fromText(tick.symbol.view() == "BTCUSDT" ? "BTCSPOT" : "ETHSPOT");
                spot.push_back(tick);
            }
        }
    }
    QVERIFY(spot.size() > 1000);
    {
        TickWriter writer(m_db);
        QVERIFY2(writer.open(&error), qPrintable(error));
        WriteStats st;
        QVERIFY2(writer.write(spot, &st, &error), qPrintable(error));
        QVERIFY(st.stored > 1000);
    }
    // The closes loadUniverse() analyses: the stored 1 s live bars of each symbol without its newest one
    // (which may still be forming), read here on a connection of the test's own.
    Database::withReader(
        m_db,
        [&](QSqlDatabase &conn) {
            for (const QString &symbol : kFour) {
                std::vector<Bar> bars =
                    BarStore::loadBarsSeconds(conn, symbol, 1, BarStore::LiveSource, -1, &error);
                if (!bars.empty())
                    bars.pop_back();
                CloseSeries cs;
                cs.symbol = symbol;
                for (const Bar &b : bars) {
                    cs.openTimeMs.push_back(b.openMs);
                    cs.close.push_back(b.close);
                }
                m_series[symbol] = cs;
            }
        },
        &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    for (const QString &symbol : kFour)
        QVERIFY2(m_series[symbol].close.size() > 60, qPrintable(symbol));
    // The pair BTCUSDT ~ ETHUSDT as PairController analyses it (window 30, 1 s bars).
    m_pair = alignOnOpenTime(m_series.at(kEth), m_series.at(kBtc));
    QVERIFY(m_pair.size() > 100);
    PairAnalysisOptions options;
    options.window = kWindow;
    options.backtest.barsPerYear = kSecondsPerYear;
    m_analysis = analyzePair(m_pair, options);
    QVERIFY2(m_analysis.ok(), qPrintable(m_analysis.error));
    QCOMPARE(m_analysis.n, int(m_pair.size()));
    QCOMPARE(int(m_analysis.zscore.size()), int(m_pair.size()));
    QCOMPARE(int(m_analysis.corrLogReturn.size()), int(m_pair.size()));
    QCOMPARE(int(m_analysis.corrPrice.size()), int(m_pair.size()));
    QCOMPARE(int(m_analysis.spread.size()), int(m_pair.size()));
}

AlertVariables TestCoreModels::variablesAt(std::size_t t) const
{
    AlertVariables v;
    v[AlertVariable::Z] = m_analysis.zscore[t];
    v[AlertVariable::CorrRet] = m_analysis.corrLogReturn[t];
    v[AlertVariable::Corr] = m_analysis.corrPrice[t];
    v[AlertVariable::Spread] = m_analysis.spread[t];
    v[AlertVariable::Beta] = m_analysis.ols.beta;
    v[AlertVariable::PriceX] = m_pair.x[t];
    v[AlertVariable::PriceY] = m_pair.y[t];
    if (t > 0) {
        v[AlertVariable::RetX] = std::log(m_pair.x[t] / m_pair.x[t - 1]);
        v[AlertVariable::RetY] = std::log(m_pair.y[t] / m_pair.y[t - 1]);
    }
    v.bars = qint64(t) + 1;
    v.timeMs = m_pair.timeMs[t];
    return v;
}

/** The firings of kStretched (Rising, no cooldown) and kTogether (WhileTrue, 10 s cooldown) over the pair's
 *  bars, worked out here from the z and return-correlation series as AlertEngine documents its rules: an
 *  undefined variable makes no evaluation (and keeps the previous truth value). Chronological; within a bar
 *  in rule order. */
QList<Fired> TestCoreModels::expectedFirings() const
{
    QList<Fired> out;
    int previous = -1;
    bool firedTogether = false;
    qint64 lastTogether = 0;
    for (std::size_t t = 0; t < m_pair.size(); ++t) {
        const double z = m_analysis.zscore[t], c = m_analysis.corrLogReturn[t];
        const qint64 when = m_pair.timeMs[t];
        if (std::isfinite(z)) {
            const bool now = std::fabs(z) > 1.5;
            if (now && previous != 1)
                out.append(Fired{when, t, 1});
            previous = now ? 1 : 0;
        }
        if (std::isfinite(z) && std::isfinite(c) && z > 1 && c > 0 &&
            (!firedTogether || when - lastTogether >= 10000)) {
            out.append(Fired{when, t, 2});
            firedTogether = true;
            lastTogether = when;
        }
    }
    return out;
}

void TestCoreModels::correlationMatrixMatchesTwoPassPearson()
{
    CorrelationMatrixModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QCOMPARE(model.rowCount(), 0);

    const UniverseResult r = loadUniverse(m_db, kFour, 1, BarStore::LiveSource, kWindow, 5000);
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    model.setResult(r);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.columnCount(), 4);
    QCOMPARE(model.symbols(), kFour);
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(model.headerData(i, Qt::Horizontal).toString(), kFour.at(i));
        QCOMPARE(model.headerData(i, Qt::Vertical).toString(), kFour.at(i));
    }
    QVERIFY(!model.headerData(4, Qt::Horizontal).isValid());

    // Independently: the bars all four symbols have, their log returns, two-pass Pearson per pair.
    std::map<qint64, std::vector<double>> byTime;
    for (const QString &symbol : kFour) {
        const CloseSeries &cs = m_series.at(symbol);
        for (std::size_t i = 0; i < cs.openTimeMs.size(); ++i)
            byTime[cs.openTimeMs[i]].push_back(cs.close[i]);
    }
    std::vector<std::vector<double>> closes(4);
    std::vector<qint64> commonTimes;
    for (const auto &[openMs, row] : byTime)
        if (row.size() == 4) {
            commonTimes.push_back(openMs);
            for (std::size_t k = 0; k < 4; ++k)
                closes[k].push_back(row[k]);
        }
    const int common = int(closes[0].size());
    QCOMPARE(r.commonBars, common);
    QCOMPARE(r.firstMs, commonTimes.front()); // the range the matrix is computed over, shown beside it
    QCOMPARE(r.lastMs, commonTimes.back());
    QVERIFY2(common >= 30, qPrintable(QString::number(common)));
    std::vector<std::vector<double>> returns;
    for (const auto &c : closes)
        returns.push_back(handLogReturns(c));

    for (int i = 0; i < 4; ++i) {
        for (int j = 0; j < 4; ++j) {
            const QModelIndex cell = model.index(i, j);
            const double v = cell.data(CorrelationMatrixModel::ValueRole).toDouble();
            if (i == j)
                QCOMPARE(v, 1.0);
            else
                PAIRLAB_FUZZY_COMPARE(v, pearson(returns[std::size_t(i)], returns[std::size_t(j)]), 1e-9,
                                      1e-12);
            QCOMPARE(cell.data(Qt::EditRole).toDouble(), v);
            QCOMPARE(cell.data(Qt::DisplayRole).toString(), QLocale().toString(v, 'f', 2));
            const QString tip = cell.data(Qt::ToolTipRole).toString();
            QVERIFY2(tip.contains(kFour.at(i)) && tip.contains(kFour.at(j)), qPrintable(tip));
        }
    }
    // Futures and spot of the same coin move together second by second.
    QVERIFY(model.index(0, 2).data(CorrelationMatrixModel::ValueRole).toDouble() > 0.5);

    // CSV: a header row, one row per symbol, full precision.
    const QList<QByteArray> lines = model.toCsv().split('\n');
    QCOMPARE(int(lines.size()), 4 + 2); // header, 4 rows, the empty piece after the last '\n'
    QCOMPARE(lines.at(0), QByteArray("symbol,BTCUSDT,ETHUSDT,BTCSPOT,ETHSPOT"));
    const QList<QByteArray> ethRow = lines.at(2).split(',');
    QCOMPARE(int(ethRow.size()), 5);
    QCOMPARE(ethRow.at(0), QByteArray("ETHUSDT"));
    PAIRLAB_FUZZY_COMPARE(ethRow.at(1).toDouble(), pearson(returns[1], returns[0]), 1e-9, 1e-12);
    QCOMPARE(ethRow.at(2).toDouble(), 1.0);

    // A refresh of the same symbols changes the values in place (the view keeps its state).
    reset.clear();
    changed.clear();
    model.setResult(loadUniverse(m_db, kFour, 1, BarStore::LiveSource, 20, 5000));
    QCOMPARE(reset.size(), 0);
    QCOMPARE(changed.size(), 1);
    const QModelIndex topLeft = changed.at(0).at(0).value<QModelIndex>();
    const QModelIndex bottomRight = changed.at(0).at(1).value<QModelIndex>();
    QCOMPARE(topLeft.row(), 0);
    QCOMPARE(topLeft.column(), 0);
    QCOMPARE(bottomRight.row(), 3);
    QCOMPARE(bottomRight.column(), 3);
    PAIRLAB_FUZZY_COMPARE(model.index(3, 1).data(CorrelationMatrixModel::ValueRole).toDouble(),
                          pearson(returns[3], returns[1]), 1e-9, 1e-12);

    // Other symbols reset the model; with one never stored, no bar is common to all: every cell is undefined.
    const QStringList withMissing{kBtc, kEth, kMissing};
    model.setResult(loadUniverse(m_db, withMissing, 1, BarStore::LiveSource, kWindow, 5000));
    QCOMPARE(reset.size(), 1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), 3);
    QCOMPARE(model.headerData(2, Qt::Vertical).toString(), kMissing);
    for (int i = 0; i < 3; ++i) {
        for (int j = 0; j < 3; ++j) {
            QVERIFY(std::isnan(model.index(i, j).data(CorrelationMatrixModel::ValueRole).toDouble()));
            QCOMPARE(model.index(i, j).data().toString(), nanText());
        }
    }
}

void TestCoreModels::scannerRowsAreThePairsNumbersAndSortAsPromised()
{
    PairScannerModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    // The scanner view sorts through a proxy on EditRole, by |z| descending at first (PairResearchPanel).
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(Qt::EditRole);
    proxy.sort(PairScannerModel::ZScore, Qt::DescendingOrder);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    model.setRows(loadUniverse(m_db, kFour, 1, BarStore::LiveSource, kWindow, 5000).rows);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(model.rowCount(), 6); // 4 symbols -> 6 pairs
    QCOMPARE(model.columnCount(), int(PairScannerModel::ColumnCount));
    const QStringList headers{QStringLiteral("Pair (Y ~ X)"),
                              QStringLiteral("z"),
                              QChar(0x03B2) + QStringLiteral(" (OLS)"),
                              QStringLiteral("corr (returns)"),
                              QStringLiteral("EG p (Y~X)"),
                              QStringLiteral("EG p (X~Y)"),
                              QStringLiteral("half-life (bars)"),
                              QStringLiteral("Hurst"),
                              QStringLiteral("crossings / 1,000 bars"),
                              QStringLiteral("bars")};
    QCOMPARE(int(headers.size()), int(PairScannerModel::ColumnCount));
    for (int c = 0; c < int(headers.size()); ++c)
        QCOMPARE(model.headerData(c, Qt::Horizontal).toString(), headers.at(c));

    // One row's numbers against the pair's closes joined and regressed here.
    auto checkRow = [&](int row, const QString &y, const QString &x, int window) {
        const ExpectedScan e = expectedScan(m_series.at(y), m_series.at(x), window);
        QVERIFY2(e.bars > window + 1, qPrintable(y + QLatin1Char('/') + x));
        QCOMPARE(model.index(row, 0).data(PairScannerModel::SymbolYRole).toString(), y);
        QCOMPARE(model.index(row, 0).data(PairScannerModel::SymbolXRole).toString(), x);
        QCOMPARE(model.index(row, PairScannerModel::Pair).data().toString(),
                 QStringLiteral("%1 ~ %2").arg(y, x));
        QCOMPARE(model.index(row, PairScannerModel::Pair).data(Qt::EditRole).toString(),
                 y + QLatin1Char('/') + x);
        QCOMPARE(model.index(row, PairScannerModel::Bars).data(Qt::EditRole).toInt(), e.bars);
        QCOMPARE(model.index(row, PairScannerModel::Bars).data().toString(), QLocale().toString(e.bars));
        const double beta = model.index(row, PairScannerModel::HedgeRatio).data(Qt::EditRole).toDouble();
        PAIRLAB_FUZZY_COMPARE(beta, e.beta, 1e-8, 0.0);
        QCOMPARE(model.index(row, PairScannerModel::HedgeRatio).data().toString(),
                 QLocale().toString(beta, 'f', 4));
        const double z = model.rows()[std::size_t(row)].z;
        PAIRLAB_FUZZY_COMPARE(z, e.z, 1e-6, 1e-6);
        PAIRLAB_FUZZY_COMPARE(model.index(row, PairScannerModel::ZScore).data(Qt::EditRole).toDouble(),
                              std::fabs(e.z), 1e-6, 1e-6);
        QCOMPARE(model.index(row, PairScannerModel::ZScore).data().toString(), QLocale().toString(z, 'f', 2));
        PAIRLAB_FUZZY_COMPARE(model.index(row, PairScannerModel::CorrReturns).data(Qt::EditRole).toDouble(),
                              e.corr, 1e-9, 1e-9);
        const double p = model.index(row, PairScannerModel::CointP).data(Qt::EditRole).toDouble();
        QVERIFY2(p >= 0 && p <= 1, qPrintable(QString::number(p)));
    };
    // Every unordered pair once, Y = the symbol listed first.
    int k = 0;
    for (int i = 0; i < 4; ++i) {
        for (int j = i + 1; j < 4; ++j, ++k) {
            checkRow(k, kFour.at(i), kFour.at(j), kWindow);
            if (QTest::currentTestFailed())
                return;
        }
    }

    // The sort keys EditRole promises: |z| (-1 when undefined), p (2 when undefined), half-life (1e300 when
    // undefined), bars; the proxy orders the rows by them.
    auto key = [](const ScanRow &r, int column) -> double {
        switch (column) {
        case PairScannerModel::ZScore:
            return std::isfinite(r.z) ? std::fabs(r.z) : -1.0;
        case PairScannerModel::CointP:
            return std::isfinite(r.cointP) ? r.cointP : 2.0;
        case PairScannerModel::HalfLife:
            return std::isfinite(r.halfLife) ? r.halfLife : 1e300;
        case PairScannerModel::Bars:
            return double(r.bars);
        }
        return std::numeric_limits<double>::quiet_NaN();
    };
    auto checkSorted = [&](int column, Qt::SortOrder order) {
        proxy.sort(column, order);
        QCOMPARE(proxy.rowCount(), model.rowCount());
        double previous = 0;
        for (int pr = 0; pr < proxy.rowCount(); ++pr) {
            const QModelIndex source = proxy.mapToSource(proxy.index(pr, column));
            const double v = key(model.rows()[std::size_t(source.row())], column);
            QCOMPARE(proxy.index(pr, column).data(Qt::EditRole).toDouble(), v);
            if (pr > 0)
                QVERIFY2(order == Qt::AscendingOrder ? previous <= v : previous >= v,
                         qPrintable(QStringLiteral("column %1, proxy row %2: %3 after %4")
                                        .arg(column)
                                        .arg(pr)
                                        .arg(v)
                                        .arg(previous)));
            previous = v;
        }
    };
    checkSorted(PairScannerModel::ZScore, Qt::DescendingOrder);
    if (QTest::currentTestFailed())
        return;

    // Five symbols, one never stored: other pairs reset the model; that symbol's pairs have no bars and no
    // numbers, and sort last.
    const QStringList five{kBtc, kEth, kMissing, kBtcSpot, kEthSpot};
    reset.clear();
    changed.clear();
    model.setRows(loadUniverse(m_db, five, 1, BarStore::LiveSource, kWindow, 5000).rows);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(model.rowCount(), 10);
    k = 0;
    for (int i = 0; i < 5; ++i) {
        for (int j = i + 1; j < 5; ++j, ++k) {
            if (five.at(i) != kMissing && five.at(j) != kMissing) {
                checkRow(k, five.at(i), five.at(j), kWindow);
                if (QTest::currentTestFailed())
                    return;
                continue;
            }
            QCOMPARE(model.index(k, 0).data(PairScannerModel::SymbolYRole).toString(), five.at(i));
            QCOMPARE(model.index(k, 0).data(PairScannerModel::SymbolXRole).toString(), five.at(j));
            QCOMPARE(model.index(k, PairScannerModel::Bars).data(Qt::EditRole).toInt(), 0);
            for (int c : {int(PairScannerModel::ZScore), int(PairScannerModel::HedgeRatio),
                          int(PairScannerModel::CorrReturns), int(PairScannerModel::CointP),
                          int(PairScannerModel::HalfLife)})
                QCOMPARE(model.index(k, c).data().toString(), nanText());
            QCOMPARE(model.index(k, PairScannerModel::ZScore).data(Qt::EditRole).toDouble(), -1.0);
            QCOMPARE(model.index(k, PairScannerModel::CointP).data(Qt::EditRole).toDouble(), 2.0);
            QCOMPARE(model.index(k, PairScannerModel::HalfLife).data(Qt::EditRole).toDouble(), 1e300);
        }
    }
    auto missingLast = [&] {
        for (int pr = 6; pr < 10; ++pr) {
            const QModelIndex i = proxy.index(pr, 0);
            QVERIFY2(i.data(PairScannerModel::SymbolYRole).toString() == kMissing ||
                         i.data(PairScannerModel::SymbolXRole).toString() == kMissing,
                     qPrintable(i.data().toString()));
        }
    };
    checkSorted(PairScannerModel::ZScore, Qt::DescendingOrder);
    if (QTest::currentTestFailed())
        return;
    missingLast();
    checkSorted(PairScannerModel::CointP, Qt::AscendingOrder);
    if (QTest::currentTestFailed())
        return;
    missingLast();
    checkSorted(PairScannerModel::HalfLife, Qt::AscendingOrder);
    checkSorted(PairScannerModel::Bars, Qt::DescendingOrder);
    if (QTest::currentTestFailed())
        return;

    // Filtering on the Pair text keeps the pairs of one symbol.
    proxy.setFilterKeyColumn(PairScannerModel::Pair);
    proxy.setFilterFixedString(kEthSpot);
    QCOMPARE(proxy.rowCount(), 4);
    for (int pr = 0; pr < proxy.rowCount(); ++pr) {
        const QModelIndex i = proxy.index(pr, 0);
        QVERIFY(i.data(PairScannerModel::SymbolYRole).toString() == kEthSpot ||
                i.data(PairScannerModel::SymbolXRole).toString() == kEthSpot);
    }
    proxy.setFilterFixedString(QString());
    QCOMPARE(proxy.rowCount(), 10);

    // A refresh of the same pairs (another window) changes the values in place: one dataChanged, no reset.
    reset.clear();
    changed.clear();
    model.setRows(loadUniverse(m_db, five, 1, BarStore::LiveSource, 20, 5000).rows);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(changed.size(), 1);
    const QModelIndex topLeft = changed.at(0).at(0).value<QModelIndex>();
    const QModelIndex bottomRight = changed.at(0).at(1).value<QModelIndex>();
    QCOMPARE(topLeft.row(), 0);
    QCOMPARE(topLeft.column(), 0);
    QCOMPARE(bottomRight.row(), 9);
    QCOMPARE(bottomRight.column(), int(PairScannerModel::ColumnCount) - 1);
    checkRow(0, kBtc, kEth, 20); // the row now shows the window-20 numbers
}

void TestCoreModels::kalmanDisplayShowsTheInnovationSpread()
{
    // The Pair tab's Kalman spread was ~1e-8 (the §4 posterior residual): it is the innovation of the
    // scaled filter now, of the order of the OLS spread, with z = e / sqrt(S).
    const std::size_t n = m_pair.size();
    const PairDisplay ols = buildPairDisplay(m_pair, m_analysis, HedgeMethod::Ols, kWindow);
    const PairDisplay kal = buildPairDisplay(m_pair, m_analysis, HedgeMethod::Kalman, kWindow);
    QCOMPARE(kal.kalmanStatus, AnalyticsStatus::Ok);
    QVERIFY(kal.kalmanR > 0);
    const KalmanSpread k = kalmanSpread(m_pair.x, m_pair.y, kWindow);
    auto absMean = [&](const std::vector<double> &v) {
        double sum = 0;
        int count = 0;
        for (std::size_t t = kWindow; t < n; ++t)
            if (std::isfinite(v[t])) {
                sum += std::abs(v[t]);
                ++count;
            }
        return count ? sum / count : 0.0;
    };
    const double ratio = absMean(*kal.spread) / absMean(*ols.spread);
    QVERIFY2(ratio > 0.02 && ratio < 5, qPrintable(QString::number(ratio)));
    for (std::size_t t = 0; t < n; ++t) {
        if (t < std::size_t(kWindow)) {
            QVERIFY(std::isnan((*kal.spread)[t]) && std::isnan((*kal.zscore)[t]));
            continue;
        }
        QCOMPARE((*kal.spread)[t], k.innovation[t]);
        QCOMPARE((*kal.zscore)[t], k.zscore[t]);
        QCOMPARE((*kal.hedge)[t], k.beta[t]);
    }
    const double zRatio = absMean(*kal.zscore) / absMean(*ols.zscore);
    QVERIFY2(zRatio > 0.2 && zRatio < 5, qPrintable(QString::number(zRatio)));
}

void TestCoreModels::axisScalesAreRoundAndHonest()
{
    // 1-2-5 steps, ends on multiples of the step, the data inside, no more labels than asked.
    const std::vector<std::pair<double, double>> ranges = {
        {0.12, 0.87}, {-3.7, 2.2}, {61234.5, 61987.2}, {0.000123, 0.000456}, {-150.64, 7.36}, {1e6, 3.2e7}};
    for (const auto &[a, b] : ranges) {
        for (int maxTicks : {3, 4, 6}) {
            const NiceScale s = niceScale(a, b, maxTicks);
            QVERIFY2(s.lo <= a && s.hi >= b, qPrintable(QStringLiteral("%1..%2").arg(a).arg(b)));
            QVERIFY(s.ticks >= 2 && s.ticks <= maxTicks);
            const double mantissa = s.step / std::pow(10.0, std::floor(std::log10(s.step)));
            QVERIFY2(std::fabs(mantissa - 1) < 1e-9 || std::fabs(mantissa - 2) < 1e-9 ||
                         std::fabs(mantissa - 5) < 1e-9,
                     qPrintable(QString::number(s.step)));
            QVERIFY(std::fabs(s.lo / s.step - std::round(s.lo / s.step)) < 1e-6);
            PAIRLAB_FUZZY_COMPARE(s.lo + (s.ticks - 1) * s.step, s.hi, 1e-9, 1e-12);
        }
    }
    const NiceScale z = niceScale(-3.7, 2.2, 4);
    QCOMPARE(z.lo, -5.0); // step 1 needs 8 labels, step 2 needs 5: step 5 gives -5, 0, 5
    QCOMPARE(z.hi, 5.0);
    QCOMPARE(z.ticks, 3);
    const NiceScale price = niceScale(61234.5, 61987.2, 6);
    QCOMPARE(price.lo, 61200.0);
    QCOMPARE(price.hi, 62000.0);
    QCOMPARE(price.step, 200.0);
    // A drawdown (<= 0) never gets a positive half, flat at 0 included.
    for (const auto &[a, b] :
         std::vector<std::pair<double, double>>{{-12.5, 0.0}, {0.0, 0.0}, {-0.3, -0.1}}) {
        const NiceScale d = niceScale(a, b, 4, 0.0);
        QVERIFY2(d.hi <= 0.0 && d.lo <= a,
                 qPrintable(QStringLiteral("%1..%2 -> %3..%4").arg(a).arg(b).arg(d.lo).arg(d.hi)));
    }
    QCOMPARE(niceScale(qQNaN(), 1, 4).hi, 1.0);

    const qint64 day = 86400000, t0 = 1735603200000; // 2024-12-31 00:00 UTC
    QCOMPARE(timeAxisFormat(t0, t0 + 240000, 1000), QStringLiteral("HH:mm:ss"));
    QCOMPARE(timeAxisFormat(t0 + day, t0 + day + 3 * 3600000, 60000), QStringLiteral("HH:mm"));
    QCOMPARE(timeAxisFormat(t0 + day, t0 + 6 * day, 60000), QStringLiteral("MM-dd HH:mm"));
    QCOMPARE(timeAxisFormat(t0 - 5 * day, t0 + 5 * day, 60000), QStringLiteral("yyyy-MM-dd HH:mm"));
    QCOMPARE(timeAxisFormat(t0 - 40 * day, t0 - 10 * day, day), QStringLiteral("MM-dd")); // daily: no clock
    QCOMPARE(timeAxisFormat(t0 - 900 * day, t0, day), QStringLiteral("yyyy-MM-dd"));
    // Durations in their own unit: a half-life of 29.7 days of daily bars is not "2.567e+06 s".
    QCOMPARE(durationText(2.567e6), QStringLiteral("29.7 days"));
    QCOMPARE(durationText(14.4), QStringLiteral("14.4 s"));
    QCOMPARE(durationText(496.8), QStringLiteral("8.28 min"));
    QCOMPARE(durationText(18720), QStringLiteral("5.2 h"));
    QCOMPARE(durationText(0.5), QStringLiteral("0.5 s"));
    QCOMPARE(durationText(86400), QStringLiteral("1 day"));
    QCOMPARE(valueLabelFormat(20000), QStringLiteral("%.0f")); // an equity axis: 50000, not 5e+04
    QCOMPARE(valueLabelFormat(1), QStringLiteral("%.0f"));
    QCOMPARE(valueLabelFormat(0.5), QStringLiteral("%.1f"));
    QCOMPARE(valueLabelFormat(0.05), QStringLiteral("%.2f"));
    QCOMPARE(valueLabelFormat(0.001), QStringLiteral("%.3f"));
    QCOMPARE(valueLabelFormat(niceScale(-54406.3, 0, 5).step), QStringLiteral("%.0f"));
    QVERIFY2(annualisationBasis(365).contains(QLatin1String("bars of 1 day a year")),
             qPrintable(annualisationBasis(365)));
    QCOMPARE(priceDecimals(61700.2), 2);
    QCOMPARE(priceDecimals(2680.1), 2);
    QCOMPARE(priceDecimals(0.5123), 4);
    QCOMPARE(priceDecimals(0.012345), 5);
}

void TestCoreModels::ratiosAreShownOnlyWhereTheSampleAllows()
{
    const double secondsBars = 365.0 * 24 * 3600, minuteBars = 365.0 * 24 * 60;
    // Three trades: no ratio at all.
    RatioView v = ratioView(558.0, 3, 240000, secondsBars);
    QVERIFY(std::isnan(v.value));
    QCOMPARE(v.text, QStringLiteral("n/a: 3 trades"));
    // Four minutes of 1 s bars: the per-bar ratio, not ×√31,536,000.
    v = ratioView(176.0, 40, 240000, secondsBars);
    QVERIFY(!v.annualised);
    PAIRLAB_FUZZY_COMPARE(v.value, 176.0 / std::sqrt(secondsBars), 1e-15, 0.0);
    QVERIFY2(v.text.endsWith(QLatin1String("per bar")), qPrintable(v.text));
    QVERIFY2(v.basis.contains(QLatin1String("4 min")), qPrintable(v.basis));
    // Thirty days of 1 m bars: annualised, and the basis says by what.
    v = ratioView(1.8765, 40, 30 * 86400000LL, minuteBars);
    QVERIFY(v.annualised);
    QCOMPARE(v.value, 1.8765);
    QCOMPARE(v.text, QStringLiteral("1.88"));
    QVERIFY2(v.basis.contains(QLatin1String("525,600")) && v.basis.contains(QLatin1String("1 min")),
             qPrintable(v.basis));
    QVERIFY(std::isnan(ratioView(qQNaN(), 40, 30 * 86400000LL, minuteBars).value));
}

void TestCoreModels::sweepGridShowsRatiosAsTheSampleAllows()
{
    SweepGridModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    SweepResult r;
    r.entries = {1.5, 2.0};
    r.exits = {0.5};
    r.complete = true;
    SweepCell few, many;
    few.valid = many.valid = true;
    few.entryIndex = 0;
    many.entryIndex = 1;
    few.summary.trades = 3;
    few.summary.sharpe = 907.0; // the best engine number, from three trades
    many.summary.trades = 25;
    many.summary.sharpe = 12.0;
    r.cells = {few, many};
    model.setRatioBasis(240000, 365.0 * 24 * 3600);
    model.setResult(r);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("n/a"));
    QVERIFY(std::isnan(model.shownSharpe(0, 0)));
    QCOMPARE(model.netSharpe(0, 0), 907.0); // the engine's number is still there
    PAIRLAB_FUZZY_COMPARE(model.shownSharpe(1, 0), 12.0 / std::sqrt(365.0 * 24 * 3600), 1e-15, 0.0);
    QCOMPARE(model.bestShown(), std::make_pair(1, 0)); // not the three-trade cell
    QVERIFY(model.ratioBasis().startsWith(QLatin1String("Per bar")));
    model.setRatioBasis(30 * 86400000LL, 365.0 * 24 * 60);
    QCOMPARE(model.shownSharpe(1, 0), 12.0);
    QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("12.00"));
}

void TestCoreModels::liveStepRefreshesZWithTheScansHedge()
{
    // Four symbols of one-minute closes; the full scan sees the first 590, live steps bring the rest: z of
    // every pair must be the rolling z (W = 50, ddof 1) of the scan's hedge spread at the pair's newest
    // common bar, every other field the full scan's.
    constexpr int kBars = 600, kScanned = 590, kWindow = 50;
    constexpr qint64 t0 = 1'700'000'000'000, step = 60'000;
    std::mt19937_64 rng(11);
    std::normal_distribution<double> z;
    std::vector<std::map<qint64, double>> full(4);
    double walk = 100, noise = 0;
    for (int t = 0; t < kBars; ++t) {
        walk += z(rng);
        noise = 0.7 * noise + z(rng);
        const qint64 ms = t0 + t * step;
        full[0][ms] = 2.0 * walk + noise + 50;
        full[1][ms] = walk;
        full[2][ms] = 0.5 * walk + 0.3 * z(rng) + 10;
        if (t % 7 != 3) // a symbol with gaps
            full[3][ms] = 300 + walk * 0.1 + z(rng);
    }
    const QStringList names{QStringLiteral("AUSDT"), QStringLiteral("BUSDT"), QStringLiteral("CUSDT"),
                            QStringLiteral("DUSDT")};
    const auto upTo = [&](std::size_t k, qint64 fromMs, qint64 toMs) {
        CloseSeries cs;
        cs.symbol = names[qsizetype(k)];
        for (const auto &[t, c] : full[k])
            if (t >= fromMs && t <= toMs) {
                cs.openTimeMs.push_back(t);
                cs.close.push_back(c);
            }
        return cs;
    };
    const qint64 scanEnd = t0 + (kScanned - 1) * step;
    std::vector<CloseSeries> scanned;
    for (std::size_t k = 0; k < 4; ++k)
        scanned.push_back(upTo(k, t0, scanEnd));
    const UniverseResult scan = analyzeUniverse(scanned, kWindow, 5000);
    QCOMPARE(scan.rows.size(), std::size_t(6));
    QCOMPARE(scan.scanLastMs, scanEnd);
    QCOMPARE(scan.zLastMs, scanEnd);
    QCOMPARE(scan.liveSteps, 0);

    // Step 1: bars 590..597, but D lags two bars behind (its 596 and 597 come with step 2); step 2 also
    // brings a bar of D at an open time no other symbol has, inside the table (rows re-seated).
    const qint64 s1End = t0 + 597 * step;
    std::vector<CloseSeries> s1;
    for (std::size_t k = 0; k < 4; ++k)
        s1.push_back(upTo(k, scanEnd + 1, k == 3 ? s1End - 2 * step : s1End));
    const UniverseResult one = advanceUniverse(scan, s1);
    QCOMPARE(one.liveSteps, 1);
    QCOMPARE(one.zLastMs, s1End);
    QCOMPARE(one.scanLastMs, scanEnd);
    QCOMPARE(one.tableRows, one.scanRows + 8);
    const qint64 odd = s1End - step - step / 2;
    full[3][odd] = 301.5;
    std::vector<CloseSeries> s2;
    for (std::size_t k = 0; k < 4; ++k)
        s2.push_back(upTo(k, k == 3 ? s1End - 2 * step + 1 : s1End + 1, t0 + (kBars - 1) * step));
    const UniverseResult two = advanceUniverse(one, s2);
    QCOMPARE(two.liveSteps, 2);
    QCOMPARE(two.zLastMs, t0 + (kBars - 1) * step);
    QCOMPARE(two.tableRows, two.scanRows + 11);
    QCOMPARE(advanceUniverse(two, s2).liveSteps, 2); // nothing new: the same result

    for (const UniverseResult *r : {&one, &two}) {
        const qint64 end = r->zLastMs;
        for (std::size_t i = 0; i < r->rows.size(); ++i) {
            const ScanRow &row = r->rows[i], &base = scan.rows[i];
            const std::size_t ky = std::size_t(names.indexOf(row.y)), kx = std::size_t(names.indexOf(row.x));
            // What the step has of each symbol: up to s1End, D two bars less, at step 1; the odd bar at 2.
            const auto has = [&](std::size_t k, qint64 t) {
                if (t > end || (r == &one && k == 3 && t > s1End - 2 * step))
                    return false;
                return full[k].count(t) > 0;
            };
            std::vector<double> spread;
            for (auto it = full[ky].rbegin(); it != full[ky].rend() && int(spread.size()) < kWindow; ++it)
                if (has(ky, it->first) && has(kx, it->first))
                    spread.insert(spread.begin(),
                                  it->second - (base.alpha + base.beta * full[kx][it->first]));
            double mean = 0, ss = 0;
            for (double v : spread)
                mean += v / kWindow;
            for (double v : spread)
                ss += (v - mean) * (v - mean);
            const double expected = (spread.back() - mean) / std::sqrt(ss / (kWindow - 1));
            QVERIFY2(
                std::abs(row.z - expected) <= 1e-9 * std::max(1.0, std::abs(expected)),
                qPrintable(
                    QStringLiteral("%1 ~ %2: z %3, by hand %4").arg(row.y, row.x).arg(row.z).arg(expected)));
            QCOMPARE(row.beta, base.beta); // the scan's hedge and tests stand
            QCOMPARE(row.cointP, base.cointP);
            QCOMPARE(row.halfLife, base.halfLife);
            QCOMPARE(row.bars, base.bars);
        }
    }
    // Nothing to build on: unchanged.
    UniverseResult none;
    QCOMPARE(advanceUniverse(none, s1).liveSteps, 0);
}

void TestCoreModels::scanFilterAndClusteredHeatmap()
{
    // The filter: each condition on its own rejects a row that passes all the others.
    ScanRow good;
    good.y = QStringLiteral("A");
    good.x = QStringLiteral("B");
    good.bars = 1000;
    good.cointP = 0.2;
    good.cointPReverse = 0.01; // the better order counts
    good.hurst = 0.4;
    good.halfLife = 30;
    good.crossingsPer1000 = 10; // 10 crossings over 1,000 bars
    const ScanFilter filter;
    QVERIFY(filter.accepts(good));
    auto failsWith = [&](auto change) {
        ScanRow r = good;
        change(r);
        return !filter.accepts(r);
    };
    QVERIFY(failsWith([](ScanRow &r) { r.cointPReverse = 0.06; }));
    QVERIFY(failsWith([](ScanRow &r) { r.cointP = r.cointPReverse = std::nan(""); }));
    QVERIFY(failsWith([](ScanRow &r) { r.hurst = 0.5; }));
    QVERIFY(failsWith([](ScanRow &r) { r.halfLife = 0.9; }));
    QVERIFY(failsWith([](ScanRow &r) { r.halfLife = 251; })); // > 1,000 / 4
    QVERIFY(failsWith([](ScanRow &r) { r.halfLife = std::nan(""); }));
    QVERIFY(failsWith([](ScanRow &r) { r.crossingsPer1000 = 9; }));
    QVERIFY(filter.describe().contains(QLatin1String("0.05")));

    // The model marks candidates (CandidateRole) and counts them; a new filter re-marks them.
    PairScannerModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    ScanRow bad = good;
    bad.x = QStringLiteral("C");
    bad.hurst = 0.7;
    model.setRows({good, bad});
    QCOMPARE(model.candidateCount(), 1);
    QCOMPARE(model.index(0, 0).data(PairScannerModel::CandidateRole).toBool(), true);
    QCOMPARE(model.index(1, 0).data(PairScannerModel::CandidateRole).toBool(), false);
    QCOMPARE(model.index(1, PairScannerModel::Hurst).data().toString(), QLocale().toString(0.7, 'f', 3));
    QCOMPARE(model.index(0, PairScannerModel::CointPReverse).data(Qt::EditRole).toDouble(), 0.01);
    ScanFilter loose;
    loose.maxHurst = 0.8;
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setFilter(loose);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.candidateCount(), 2);

    // Clustering: two blocks of strongly related symbols interleaved in the universe come out grouped.
    const int n = 6; // 0, 2, 4 move together; 1, 3, 5 move together; the blocks barely relate
    std::vector<double> corr(std::size_t(n * n));
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j)
            corr[std::size_t(i * n + j)] = i == j ? 1.0 : (i % 2 == j % 2 ? 0.8 + 0.01 * (i + j) : 0.1);
    const std::vector<int> order = clusteredOrder(corr, n);
    QCOMPARE(order.size(), std::size_t(n));
    std::vector<int> sorted = order;
    std::sort(sorted.begin(), sorted.end());
    QCOMPARE(sorted, (std::vector<int>{0, 1, 2, 3, 4, 5})); // a permutation
    for (int k = 0; k < 3; ++k) // the first three are one block, the last three the other
        QCOMPARE(order[std::size_t(k)] % 2, order[0] % 2);
    for (int k = 3; k < 6; ++k)
        QCOMPARE(order[std::size_t(k)] % 2, 1 - order[0] % 2);
    corr[1] = std::nan(""); // an undefined correlation counts as unrelated, never breaks the order
    corr[std::size_t(n)] = std::nan("");
    QCOMPARE(clusteredOrder(corr, n).size(), std::size_t(n));

    // The heatmap model shows that order (headers and cells move together) and can go back.
    UniverseResult r;
    for (int i = 0; i < n; ++i)
        r.symbols << QStringLiteral("S%1").arg(i);
    r.correlation = corr;
    r.clusterOrder = order;
    CorrelationMatrixModel heat;
    QAbstractItemModelTester heatTester(&heat, QAbstractItemModelTester::FailureReportingMode::Fatal);
    heat.setClustered(true);
    heat.setResult(r);
    for (int row = 0; row < n; ++row) {
        QCOMPARE(heat.headerData(row, Qt::Vertical).toString(),
                 QStringLiteral("S%1").arg(order[std::size_t(row)]));
        for (int col = 0; col < n; ++col) {
            const double want = corr[std::size_t(order[std::size_t(row)] * n + order[std::size_t(col)])];
            const double got = heat.index(row, col).data(CorrelationMatrixModel::ValueRole).toDouble();
            QVERIFY(got == want || (std::isnan(got) && std::isnan(want)));
        }
    }
    heat.setClustered(false);
    QCOMPARE(heat.headerData(1, Qt::Vertical).toString(), QStringLiteral("S1"));
    QCOMPARE(heat.index(2, 4).data(CorrelationMatrixModel::ValueRole).toDouble(),
             corr[std::size_t(2 * n + 4)]);
    // A newer result arrives while unclustered; switching clustering on shows the newer order.
    UniverseResult newer = r;
    std::reverse(newer.clusterOrder.begin(), newer.clusterOrder.end());
    heat.setResult(newer);
    heat.setClustered(true);
    QCOMPARE(heat.headerData(0, Qt::Vertical).toString(), QStringLiteral("S%1").arg(newer.clusterOrder[0]));
}

void TestCoreModels::legStatsMatchHandComputedMoments()
{
    LegStatsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    // As PairController::refreshStats(): the chart columns of the analysed pair and a visible range.
    const std::size_t n = m_pair.size();
    QVERIFY(n > 100);
    const PairDisplay d = buildPairDisplay(m_pair, m_analysis, HedgeMethod::Ols, kWindow);
    const std::vector<qint64> &t = m_pair.timeMs;
    model.setScopes(
        LegStatsModel::scopesOf(d, m_analysis, t[10], t[69], kWindow, kBtc, kEth, kSecondsPerYear));
    QCOMPARE(reset.size(), 1);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(model.rowCount(), 3 * 4); // analysed, visible, last window x (Y, X) x (prices, returns)
    QCOMPARE(model.columnCount(), int(LegStatsModel::ColumnCount));
    const QStringList headers{QStringLiteral("Range"),
                              QStringLiteral("Leg"),
                              QStringLiteral("Series"),
                              QStringLiteral("Mean"),
                              QStringLiteral("Std"),
                              QStringLiteral("Skew"),
                              QStringLiteral("Kurtosis"),
                              QStringLiteral("Skew (unbiased)"),
                              QStringLiteral("Kurtosis (unbiased)"),
                              QStringLiteral("Last return"),
                              QStringLiteral("Ann. volatility")};
    for (int c = 0; c < int(headers.size()); ++c)
        QCOMPARE(model.headerData(c, Qt::Horizontal).toString(), headers.at(c));
    QVERIFY(model.headerData(LegStatsModel::Std, Qt::Horizontal, Qt::ToolTipRole)
                .toString()
                .contains(QLatin1String("ddof = 1")));

    const QStringList scopes{QStringLiteral("analysed (%1 bars)").arg(int(n)),
                             QStringLiteral("visible (60 bars)"), QStringLiteral("last window (30 bars)")};
    for (int row = 0; row < 12; ++row) {
        QCOMPARE(model.index(row, LegStatsModel::Scope).data().toString(), scopes.at(row / 4));
        QCOMPARE(model.index(row, LegStatsModel::Leg).data().toString(), row % 4 < 2 ? kBtc : kEth);
        QCOMPARE(model.index(row, LegStatsModel::Series).data().toString(),
                 row % 2 == 1 ? QStringLiteral("log returns") : QStringLiteral("prices"));
        if (row % 2 == 0) { // prices have no last return and no annualised volatility
            for (int c : {int(LegStatsModel::LastReturn), int(LegStatsModel::AnnualisedVol)}) {
                QVERIFY(std::isnan(model.index(row, c).data(Qt::EditRole).toDouble()));
                QCOMPARE(model.index(row, c).data().toString(), nanText());
            }
        }
    }
    QCOMPARE(model.index(0, LegStatsModel::Scope).data(Qt::TextAlignmentRole).toInt(),
             int(Qt::AlignLeft | Qt::AlignVCenter));
    QCOMPARE(model.index(0, LegStatsModel::Mean).data(Qt::TextAlignmentRole).toInt(),
             int(Qt::AlignRight | Qt::AlignVCenter));

    auto cell = [&](int row, int column) { return model.index(row, column).data(Qt::EditRole).toDouble(); };
    const std::vector<double> &y = m_pair.y;
    const std::vector<double> &x = m_pair.x;
    // Analysed range, Y prices (row 0) and X log returns (row 3).
    const HandMoments yAll = handMoments(y);
    PAIRLAB_FUZZY_COMPARE(cell(0, LegStatsModel::Mean), yAll.mean, 1e-12, 0.0);
    PAIRLAB_FUZZY_COMPARE(cell(0, LegStatsModel::Std), yAll.sd, 1e-9, 1e-12);
    QCOMPARE(model.index(0, LegStatsModel::Mean).data().toString(),
             QLocale().toString(cell(0, LegStatsModel::Mean), 'f', 2)); // >= 1000: two decimals
    const std::vector<double> xr = handLogReturns(x);
    const HandMoments xRet = handMoments(xr);
    const double nr = double(xr.size());
    PAIRLAB_FUZZY_COMPARE(cell(3, LegStatsModel::Mean), xRet.mean, 1e-9, 1e-15);
    PAIRLAB_FUZZY_COMPARE(cell(3, LegStatsModel::Std), xRet.sd, 1e-9, 1e-15);
    PAIRLAB_FUZZY_COMPARE(cell(3, LegStatsModel::Skew), xRet.skew, 1e-9, 1e-12);
    PAIRLAB_FUZZY_COMPARE(cell(3, LegStatsModel::Kurtosis), xRet.kurtosis, 1e-9, 1e-12);
    PAIRLAB_FUZZY_COMPARE(cell(3, LegStatsModel::SkewUnbiased),
                          xRet.skew * std::sqrt(nr * (nr - 1)) / (nr - 2), 1e-9, 1e-12);
    PAIRLAB_FUZZY_COMPARE(cell(3, LegStatsModel::LastReturn), std::log(x[n - 1] / x[n - 2]), 1e-12, 0.0);
    PAIRLAB_FUZZY_COMPARE(cell(3, LegStatsModel::AnnualisedVol), xRet.sd * std::sqrt(kSecondsPerYear), 1e-9,
                          1e-15);
    QCOMPARE(model.index(3, LegStatsModel::Std).data().toString(),
             QLocale().toString(cell(3, LegStatsModel::Std), 'g', 6));
    // Visible range (bars 10..69): Y prices (row 4) and Y log returns (row 5).
    const HandMoments yVis = handMoments(slice(y, 10, 70));
    PAIRLAB_FUZZY_COMPARE(cell(4, LegStatsModel::Mean), yVis.mean, 1e-12, 0.0);
    PAIRLAB_FUZZY_COMPARE(cell(4, LegStatsModel::Std), yVis.sd, 1e-9, 1e-12);
    const HandMoments yRetVis = handMoments(handLogReturns(slice(y, 10, 70)));
    PAIRLAB_FUZZY_COMPARE(cell(5, LegStatsModel::Std), yRetVis.sd, 1e-9, 1e-15);
    PAIRLAB_FUZZY_COMPARE(cell(5, LegStatsModel::Skew), yRetVis.skew, 1e-9, 1e-12);
    PAIRLAB_FUZZY_COMPARE(cell(5, LegStatsModel::LastReturn), std::log(y[69] / y[68]), 1e-12, 0.0);
    // Last window (the newest 30 bars): Y log returns (row 9) and X prices (row 10).
    const HandMoments yRetLast = handMoments(handLogReturns(slice(y, n - 30, n)));
    PAIRLAB_FUZZY_COMPARE(cell(9, LegStatsModel::Std), yRetLast.sd, 1e-9, 1e-15);
    PAIRLAB_FUZZY_COMPARE(cell(9, LegStatsModel::Kurtosis), yRetLast.kurtosis, 1e-9, 1e-12);
    PAIRLAB_FUZZY_COMPARE(cell(9, LegStatsModel::LastReturn), std::log(y[n - 1] / y[n - 2]), 1e-12, 0.0);
    PAIRLAB_FUZZY_COMPARE(cell(9, LegStatsModel::AnnualisedVol), yRetLast.sd * std::sqrt(kSecondsPerYear),
                          1e-9, 1e-15);
    const HandMoments xLast = handMoments(slice(x, n - 30, n));
    PAIRLAB_FUZZY_COMPARE(cell(10, LegStatsModel::Mean), xLast.mean, 1e-12, 0.0);
    PAIRLAB_FUZZY_COMPARE(cell(10, LegStatsModel::Std), xLast.sd, 1e-9, 1e-12);

    // CSV: header and one line per row.
    const QList<QByteArray> lines = model.toCsv().split('\n');
    QCOMPARE(int(lines.size()), 12 + 2);
    QVERIFY(lines.at(0).startsWith("range,leg,series,mean,std,"));

    // Another visible range: the same scopes, new values in place.
    reset.clear();
    changed.clear();
    model.setScopes(
        LegStatsModel::scopesOf(d, m_analysis, t[30], t[99], kWindow, kBtc, kEth, kSecondsPerYear));
    QCOMPARE(reset.size(), 0);
    QCOMPARE(changed.size(), 1);
    const QModelIndex topLeft = changed.at(0).at(0).value<QModelIndex>();
    const QModelIndex bottomRight = changed.at(0).at(1).value<QModelIndex>();
    QCOMPARE(topLeft.row(), 0);
    QCOMPARE(topLeft.column(), 0);
    QCOMPARE(bottomRight.row(), 11);
    QCOMPARE(bottomRight.column(), int(LegStatsModel::ColumnCount) - 1);
    QCOMPARE(model.index(4, LegStatsModel::Scope).data().toString(), QStringLiteral("visible (70 bars)"));
    PAIRLAB_FUZZY_COMPARE(cell(4, LegStatsModel::Mean), handMoments(slice(y, 30, 100)).mean, 1e-12, 0.0);

    // A visible range of 2 bars is left out: fewer scopes reset the model.
    model.setScopes(LegStatsModel::scopesOf(d, m_analysis, t[5], t[6], kWindow, kBtc, kEth, kSecondsPerYear));
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 2 * 4);
    QCOMPARE(model.index(4, LegStatsModel::Scope).data().toString(), scopes.at(2));
    PAIRLAB_FUZZY_COMPARE(cell(6, LegStatsModel::Mean), xLast.mean, 1e-12, 0.0);
    // Cleared when a new request starts.
    model.setScopes({});
    QCOMPARE(reset.size(), 2);
    QCOMPARE(model.rowCount(), 0);
}

void TestCoreModels::alertRulesModelShowsStoredRulesProblemsAndToggles()
{
    AlertRulesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    AlertService service(m_dir.filePath(QStringLiteral("alert-rules.sqlite")));
    // Wired as AlertsPanel wires them (there across threads, here directly).
    connect(&service, &AlertService::rulesChanged, &model, &AlertRulesModel::setRules);
    connect(&service, &AlertService::ruleProblem, &model, &AlertRulesModel::setProblem);
    connect(&model, &AlertRulesModel::enabledToggled, &service, &AlertService::setEnabled);
    QSignalSpy failed(&service, &AlertService::failed);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy toggled(&model, &AlertRulesModel::enabledToggled);

    service.open();
    QVERIFY2(failed.isEmpty(), qPrintable(failed.isEmpty() ? QString() : failed.first().first().toString()));
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 0);

    const QString pair = alertPairName(kEth, kBtc);
    const QList<AlertRule> defined{
        makeRule(kStretched, pair, kStretchedExpr, AlertTriggerMode::Rising, 0),
        makeRule(kTogether, QStringLiteral("*"), kTogetherExpr, AlertTriggerMode::WhileTrue, 10),
        makeRule(QStringLiteral("stationary spread"), pair, QStringLiteral("adf_p < 0.05"),
                 AlertTriggerMode::Rising, 60),
        makeRule(QStringLiteral("deep negative z"), QStringLiteral("*"), QStringLiteral("z < -1.5"),
                 AlertTriggerMode::Rising, 0, false),
    };
    for (const AlertRule &r : defined)
        service.saveRule(r);
    QVERIFY(failed.isEmpty());
    QCOMPARE(reset.size(), 1 + int(defined.size())); // every save publishes the stored rules again
    QCOMPARE(model.rowCount(), int(defined.size()));
    QCOMPARE(model.columnCount(), int(AlertRulesModel::ColumnCount));
    const QStringList headers{QStringLiteral("Rule"),       QStringLiteral("Pair"),
                              QStringLiteral("Expression"), QStringLiteral("Fires"),
                              QStringLiteral("Cooldown"),   QStringLiteral("Last problem")};
    for (int c = 0; c < int(headers.size()); ++c)
        QCOMPARE(model.headerData(c, Qt::Horizontal).toString(), headers.at(c));

    qint64 previousId = 0;
    for (int row = 0; row < int(defined.size()); ++row) {
        const AlertRule &r = defined.at(row);
        const qint64 id =
            model.index(row, AlertRulesModel::Name).data(AlertRulesModel::RuleIdRole).toLongLong();
        QVERIFY(id > previousId); // stored order: by id, as saved
        previousId = id;
        QCOMPARE(model.rules().at(row).id, id);
        QCOMPARE(model.ruleAt(row).name, r.name);
        QCOMPARE(model.index(row, AlertRulesModel::Name).data().toString(), r.name);
        // Named as the Pair tab names it, Y first ("BTCUSDT ~ ETHUSDT" for the key "ETHUSDT/BTCUSDT").
        QCOMPARE(model.index(row, AlertRulesModel::Pair).data().toString(),
                 r.pair == QLatin1String("*") ? QStringLiteral("any pair") : alertPairLabel(r.pair));
        if (r.pair == QLatin1String("ETHUSDT/BTCUSDT"))
            QCOMPARE(model.index(row, AlertRulesModel::Pair).data().toString(),
                     QStringLiteral("BTCUSDT ~ ETHUSDT"));
        QCOMPARE(model.index(row, AlertRulesModel::Expression).data().toString(), r.expression);
        QCOMPARE(model.index(row, AlertRulesModel::Mode).data().toString(),
                 r.triggerMode == AlertTriggerMode::Rising ? QStringLiteral("on becoming true")
                                                           : QStringLiteral("while true"));
        QCOMPARE(model.index(row, AlertRulesModel::Cooldown).data().toString(),
                 QString::number(r.cooldownS) + QStringLiteral(" s"));
        QCOMPARE(model.index(row, AlertRulesModel::Name).data(Qt::CheckStateRole).toInt(),
                 int(r.enabled ? Qt::Checked : Qt::Unchecked));
        QVERIFY(model.flags(model.index(row, AlertRulesModel::Name)).testFlag(Qt::ItemIsUserCheckable));
        QVERIFY(
            !model.flags(model.index(row, AlertRulesModel::Expression)).testFlag(Qt::ItemIsUserCheckable));
        QVERIFY(model.index(row, AlertRulesModel::Problem).data().toString().isEmpty());
    }

    // The real pair bar by bar: the service reports why rules do not evaluate, the model shows it in the
    // Problem column, changing only that cell.
    changed.clear();
    for (std::size_t t = 0; t < m_pair.size(); ++t)
        service.evaluate(pair, variablesAt(t));
    QVERIFY(failed.isEmpty());
    QVERIFY(!changed.isEmpty());
    int stretchedChanges = 0;
    for (const QList<QVariant> &args : std::as_const(changed)) {
        const QModelIndex tl = args.at(0).value<QModelIndex>();
        const QModelIndex br = args.at(1).value<QModelIndex>();
        QCOMPARE(tl.column(), int(AlertRulesModel::Problem));
        QCOMPARE(br.column(), int(AlertRulesModel::Problem));
        QCOMPARE(br.row(), tl.row());
        if (tl.row() == 0)
            ++stretchedChanges;
    }
    // adf_p is never given: that rule never evaluates and says so.
    const QString problem = model.index(2, AlertRulesModel::Problem).data().toString();
    QVERIFY2(problem.contains(QLatin1String("adf_p")), qPrintable(problem));
    // z is undefined for the first window-1 bars: the z rule had a problem, cleared once z was defined.
    QVERIFY(stretchedChanges >= 2);
    QVERIFY(model.index(0, AlertRulesModel::Problem).data().toString().isEmpty());
    // A disabled rule is not evaluated at all.
    QVERIFY(model.index(3, AlertRulesModel::Problem).data().toString().isEmpty());

    // Unchecking a rule: the check state changes, the owner is told, the service stores it and republishes.
    changed.clear();
    reset.clear();
    const qint64 firstId = model.rules().at(0).id;
    QVERIFY(model.setData(model.index(0, AlertRulesModel::Name), int(Qt::Unchecked), Qt::CheckStateRole));
    QVERIFY(failed.isEmpty());
    QCOMPARE(toggled.size(), 1);
    QCOMPARE(toggled.at(0).at(0).toLongLong(), firstId);
    QCOMPARE(toggled.at(0).at(1).toBool(), false);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 0);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().column(), int(AlertRulesModel::Name));
    QCOMPARE(changed.at(0).at(2).value<QList<int>>(), QList<int>{Qt::CheckStateRole});
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), int(defined.size()));
    QVERIFY(!model.rules().at(0).enabled);
    QCOMPARE(model.index(0, AlertRulesModel::Name).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    // The same state again is accepted and changes nothing; other columns and roles are not editable.
    QVERIFY(model.setData(model.index(0, AlertRulesModel::Name), int(Qt::Unchecked), Qt::CheckStateRole));
    QCOMPARE(toggled.size(), 1);
    QVERIFY(
        !model.setData(model.index(1, AlertRulesModel::Expression), QStringLiteral("z > 0"), Qt::EditRole));
    QVERIFY(!model.setData(model.index(1, AlertRulesModel::Name), int(Qt::Unchecked), Qt::EditRole));
    QCOMPARE(toggled.size(), 1);
    QCOMPARE(reset.size(), 1);
}

void TestCoreModels::alertEventsModelIsNewestFirstOnARealReplay()
{
    AlertEventsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    AlertService service(m_dir.filePath(QStringLiteral("alert-events.sqlite")));
    QList<AlertRule> rules;
    connect(&service, &AlertService::rulesChanged, &model,
            [&rules](const QList<AlertRule> &r) { rules = r; });
    // As AlertsPanel with an empty search field: loaded events replace the rows, fired ones go on top.
    connect(&service, &AlertService::eventsLoaded, &model, &AlertEventsModel::setEvents);
    connect(&service, &AlertService::triggered, &model, &AlertEventsModel::prependEvents);
    QSignalSpy failed(&service, &AlertService::failed);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

    service.open();
    service.queryEvents(QString(), 2000); // the panel's first refresh: nothing logged yet
    QVERIFY(failed.isEmpty());
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(AlertEventsModel::ColumnCount));
    const QStringList headers{QStringLiteral("Time (UTC)"), QStringLiteral("Rule"), QStringLiteral("Pair"),
                              QStringLiteral("Message"), QStringLiteral("Values")};
    for (int c = 0; c < int(headers.size()); ++c)
        QCOMPARE(model.headerData(c, Qt::Horizontal).toString(), headers.at(c));

    const QString pair = alertPairName(kEth, kBtc);
    service.saveRule(makeRule(kStretched, pair, kStretchedExpr, AlertTriggerMode::Rising, 0));
    service.saveRule(
        makeRule(kTogether, QStringLiteral("*"), kTogetherExpr, AlertTriggerMode::WhileTrue, 10));
    QVERIFY(failed.isEmpty());
    QCOMPARE(int(rules.size()), 2);

    const QList<Fired> all = expectedFirings();
    int stretched = 0, together = 0;
    for (const Fired &f : all)
        (f.rule == 1 ? stretched : together) += 1;
    QVERIFY2(stretched > 0 && together > 0,
             qPrintable(QStringLiteral("%1 / %2").arg(stretched).arg(together)));

    const QLocale locale;
    // The rows are the firings newest first; each row shows its event's time, rule, pair, message and the
    // values of the variables its expression used (here taken from the series the replay fed).
    auto checkRows = [&](const QList<Fired> &chrono) {
        QCOMPARE(model.rowCount(), int(chrono.size()));
        for (int row = 0; row < model.rowCount(); ++row) {
            const Fired &f = chrono.at(chrono.size() - 1 - row);
            const bool isStretched = f.rule == 1;
            const QString name = isStretched ? kStretched : kTogether;
            QCOMPARE(model.events().at(row).timeMs, f.timeMs);
            QCOMPARE(model.index(row, AlertEventsModel::Time).data().toString(), utcText(f.timeMs));
            QCOMPARE(model.index(row, AlertEventsModel::Rule).data().toString(), name);
            QCOMPARE(model.index(row, AlertEventsModel::Pair).data().toString(), alertPairLabel(pair));
            const QString message = model.index(row, AlertEventsModel::Message).data().toString();
            QVERIFY2(message.contains(name) && message.contains(isStretched ? kStretchedExpr : kTogetherExpr),
                     qPrintable(message));
            QString values = QStringLiteral("z=") + locale.toString(m_analysis.zscore[f.bar], 'g', 6);
            if (!isStretched)
                values +=
                    QStringLiteral("  corr_ret=") + locale.toString(m_analysis.corrLogReturn[f.bar], 'g', 6);
            QCOMPARE(model.index(row, AlertEventsModel::Values).data().toString(), values);
        }
    };

    // First half of the bars: every evaluation that fires inserts its batch on top.
    const std::size_t half = m_pair.size() / 2;
    QList<Fired> firstHalf;
    for (const Fired &f : all)
        if (f.bar < half)
            firstHalf << f;
    for (std::size_t t = 0; t < half; ++t)
        service.evaluate(pair, variablesAt(t));
    QVERIFY(failed.isEmpty());
    const QList<int> sizes = batchSizes(firstHalf);
    QCOMPARE(int(inserted.size()), int(sizes.size()));
    for (int b = 0; b < int(sizes.size()); ++b) {
        QCOMPARE(inserted.at(b).at(1).toInt(), 0);
        QCOMPARE(inserted.at(b).at(2).toInt(), sizes.at(b) - 1);
    }
    QCOMPARE(reset.size(), 1);
    checkRows(firstHalf);
    if (QTest::currentTestFailed())
        return;

    // The rest of the bars.
    for (std::size_t t = half; t < m_pair.size(); ++t)
        service.evaluate(pair, variablesAt(t));
    QVERIFY(failed.isEmpty());
    QCOMPARE(int(inserted.size()), int(batchSizes(all).size()));
    QCOMPARE(removed.size(), 0);
    QCOMPARE(reset.size(), 1);
    checkRows(all);
    if (QTest::currentTestFailed())
        return;
    for (int row = 1; row < model.rowCount(); ++row)
        QVERIFY(model.events().at(row - 1).id > model.events().at(row).id); // logged, newest first
    QVERIFY(utcText(model.events().first().timeMs).startsWith(QLatin1String("2024-08-0")));

    // The panel's refresh reloads the same log from the database, newest first.
    service.queryEvents(QString(), 2000);
    QCOMPARE(reset.size(), 2);
    checkRows(all);
    if (QTest::currentTestFailed())
        return;
    // A search (the panel's filter field): only the matching rule's events.
    QList<Fired> onlyTogether;
    for (const Fired &f : all)
        if (f.rule == 2)
            onlyTogether << f;
    service.queryEvents(QStringLiteral("legs together"), 2000);
    QVERIFY(failed.isEmpty());
    QCOMPARE(reset.size(), 3);
    checkRows(onlyTogether);
}

void TestCoreModels::alertEventsModelKeepsTheNewest2000()
{
    AlertEventsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    // A rule true on every bar, replayed over the real pair until more than 2000 events have fired (each
    // pass later than the previous one).
    AlertEngine engine;
    AlertRule r = makeRule(QStringLiteral("BTC quoted"), QStringLiteral("*"), QStringLiteral("price_y > 0"),
                           AlertTriggerMode::WhileTrue, 0);
    r.id = 1;
    engine.setRules({r});
    const QString pair = alertPairName(kEth, kBtc);
    const qint64 span = m_pair.timeMs.back() - m_pair.timeMs.front() + 1000;
    QList<AlertEvent> chrono;
    std::vector<double> prices;
    for (int pass = 0; pass < 100 && chrono.size() < 2010; ++pass) {
        for (std::size_t t = 0; t < m_pair.size(); ++t) {
            AlertVariables v = variablesAt(t);
            v.timeMs += pass * span;
            const QList<AlertEvent> fired = engine.evaluate(pair, v);
            QCOMPARE(int(fired.size()), 1);
            chrono += fired;
            prices.push_back(m_pair.y[t]);
        }
    }
    const int m = int(chrono.size());
    QVERIFY(m >= 2010);

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    // All but the newest 10, newest first (as the log is read): the model keeps the newest 2000.
    QList<AlertEvent> older;
    for (int k = m - 11; k >= 0; --k)
        older << chrono.at(k);
    model.setEvents(older);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 2000);
    QCOMPARE(model.events().first().timeMs, chrono.at(m - 11).timeMs);
    QCOMPARE(model.events().last().timeMs, chrono.at(m - 11 - 1999).timeMs);

    model.prependEvents({});
    QCOMPARE(inserted.size(), 0);
    // The newest 10 as one batch, oldest first (as the service emits them): on top, newest first, and the
    // oldest 10 rows go.
    model.prependEvents(chrono.mid(m - 10));
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 9);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.at(0).at(1).toInt(), 2000);
    QCOMPARE(removed.at(0).at(2).toInt(), 2009);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 2000);
    for (int row = 0; row < 2000; ++row)
        QCOMPARE(model.events().at(row).timeMs, chrono.at(m - 1 - row).timeMs);
    QCOMPARE(model.index(0, AlertEventsModel::Time).data().toString(), utcText(chrono.at(m - 1).timeMs));
    QCOMPARE(model.index(0, AlertEventsModel::Values).data().toString(),
             QStringLiteral("price_y=") + QLocale().toString(prices[std::size_t(m - 1)], 'g', 6));
    QCOMPARE(model.index(1999, AlertEventsModel::Values).data().toString(),
             QStringLiteral("price_y=") + QLocale().toString(prices[std::size_t(m - 2000)], 'g', 6));
}

QTEST_GUILESS_MAIN(TestCoreModels)
#include "tst_core_models.moc"
