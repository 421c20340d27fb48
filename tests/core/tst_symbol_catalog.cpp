#include "controllers/symbol_catalog_controller.h"
#include "klines_mock.h"
#include "market/kline_server.h"
#include "market/symbol_catalog.h"
#include "market/symbol_catalog_fetch.h"
#include "mock_binance_rest.h"
#include "storage/database.h"
#include "test_database.h"
#include "test_util.h"

#include <QSignalSpy>
#include <QTest>

using namespace pairlab;

namespace {

const QStringList kSymbols = {QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT"),
                              QStringLiteral("ADAUSDT")};

/** Serves fixed exchangeInfo / ticker bodies with the mock's fault script. */
class CatalogMock : public test::MockBinanceRest
{
public:
    QByteArray info, tickers;

protected:
    QByteArray page(const Request &r) const override
    {
        return r.path.endsWith(QLatin1String("exchangeInfo")) ? info : tickers;
    }
    QByteArray malformed() const override { return info.left(40); }
    int weight(const Request &r) const override
    {
        return r.path.endsWith(QLatin1String("exchangeInfo")) ? 1 : 40;
    }
};

QByteArray get(const QUrl &url)
{
    QNetworkAccessManager nam;
    QNetworkReply *reply = nam.get(QNetworkRequest(url));
    QSignalSpy done(reply, &QNetworkReply::finished);
    done.wait(10000);
    const QByteArray body = reply->readAll();
    delete reply;
    return body;
}

SymbolInfo info(const QString &symbol, const QString &base, double volume)
{
    SymbolInfo s;
    s.symbol = symbol;
    s.baseAsset = base;
    s.quoteAsset = QStringLiteral("USDT");
    s.tickSize = 0.01;
    s.stepSize = 1;
    s.quoteVolume24h = volume;
    return s;
}

} // namespace

/** The exchange's symbol catalogue (issue 16): exchangeInfo and ticker/24hr parsed as Binance documents them
    (from a loopback server serving the real 1 m bars of three perpetuals), search and "top N", the stored
    copy on SQLite and PostgreSQL, the paced and retried fetch, and the controller's daily refresh. */
class TestSymbolCatalog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void parsesTheLoopbackExchangeBuiltFromRealBars();
    void refusesMalformedAnswers();
    void searchRanksAndTopN();
    void storesAndReplacesTheCatalogue();
    void fetchRetriesThrottledAndMalformedAnswers();
    void fetchKeepsTheCatalogueWhenVolumesFail();
    void controllerFetchesStoresAndReusesAFreshCopy();

private:
    KlineServer m_server;
    std::map<QString, std::vector<Bar>> m_minutes;
};

void TestSymbolCatalog::initTestCase()
{
    if (!test::backendAvailable())
        return;
    for (const QString &s : kSymbols) {
        m_minutes[s] = test::universeMinutes(s);
        QVERIFY(!m_minutes[s].empty());
        m_server.addSymbol(s, m_minutes[s]);
    }
    QString error;
    QVERIFY2(m_server.listen(&error), qPrintable(error));
}

void TestSymbolCatalog::parsesTheLoopbackExchangeBuiltFromRealBars()
{
    SymbolCatalog catalog;
    QString error;
    QVERIFY2(
        parseExchangeInfo(get(binanceRestUrl(m_server.url(), QStringLiteral("/fapi/v1/exchangeInfo"), {})),
                          &catalog, &error),
        qPrintable(error));
    QCOMPARE(catalog.size(), std::size_t(3));
    QCOMPARE(catalog[0].symbol, QStringLiteral("ADAUSDT")); // sorted by symbol
    QCOMPARE(catalog[1].symbol, QStringLiteral("BTCUSDT"));
    QCOMPARE(catalog[1].baseAsset, QStringLiteral("BTC"));
    QCOMPARE(catalog[1].quoteAsset, QStringLiteral("USDT"));
    QCOMPARE(catalog[1].tickSize, 0.1);    // BTC closes like 95502.7
    QCOMPARE(catalog[0].tickSize, 0.0001); // ADA closes like 0.7425
    QCOMPARE(catalog[1].onboardMs, m_minutes.at(QStringLiteral("BTCUSDT")).front().openMs);
    QVERIFY(std::isnan(catalog[1].quoteVolume24h)); // exchangeInfo has no volume

    QHash<QString, double> volumes;
    QVERIFY2(parseTicker24h(get(binanceRestUrl(m_server.url(), QStringLiteral("/fapi/v1/ticker/24hr"), {})),
                            &volumes, &error),
             qPrintable(error));
    QCOMPARE(volumes.size(), 3);
    for (const QString &s : kSymbols) {
        const auto &bars = m_minutes.at(s);
        double quote = 0;
        for (std::size_t i = bars.size() - 1440; i < bars.size(); ++i)
            quote += bars[i].close * bars[i].volume;
        QVERIFY2(std::fabs(volumes.value(s) - quote) <= 0.005 + 1e-12 * quote, qPrintable(s));
    }
}

void TestSymbolCatalog::refusesMalformedAnswers()
{
    SymbolCatalog catalog;
    QString error;
    // Only TRADING perpetuals are kept: a quarterly contract and a settling one are not symbols to scan.
    const QByteArray mixed = R"({"symbols":[
      {"symbol":"BTCUSDT","contractType":"PERPETUAL","status":"TRADING","baseAsset":"BTC","quoteAsset":"USDT",
       "onboardDate":1569398400000,"filters":[{"filterType":"PRICE_FILTER","tickSize":"0.10"},
       {"filterType":"LOT_SIZE","stepSize":"0.001"}]},
      {"symbol":"BTCUSDT_251226","contractType":"CURRENT_QUARTER","status":"TRADING","filters":[]},
      {"symbol":"OLDUSDT","contractType":"PERPETUAL","status":"SETTLING","filters":[]}]})";
    QVERIFY2(parseExchangeInfo(mixed, &catalog, &error), qPrintable(error));
    QCOMPARE(catalog.size(), std::size_t(1));
    QCOMPARE(catalog[0].stepSize, 0.001);
    QCOMPARE(catalog[0].onboardMs, qint64(1569398400000));

    const SymbolCatalog before = catalog;
    QVERIFY(!parseExchangeInfo(
        "{\"symbols\":[{\"symbol\":\"XUSDT\",\"contractType\":\"PERPETUAL\",\"status\":"
        "\"TRADING\",\"filters\":[{\"filterType\":\"PRICE_FILTER\",\"tickSize\":\"0.1\"}]}]}",
        &catalog, &error));
    QVERIFY2(error.contains(QLatin1String("XUSDT has no LOT_SIZE stepSize")), qPrintable(error));
    QCOMPARE(catalog.size(), before.size()); // nothing half-replaced
    QCOMPARE(catalog[0].symbol, before[0].symbol);
    QVERIFY(!parseExchangeInfo("{\"symbols\":[", &catalog, &error));
    QVERIFY(error.contains(QLatin1String("not JSON")));
    QVERIFY(!parseExchangeInfo("[]", &catalog, &error));
    QVERIFY(error.contains(QLatin1String("no \"symbols\" array")));

    QHash<QString, double> volumes;
    QVERIFY(!parseTicker24h(R"([{"symbol":"BTCUSDT","quoteVolume":"12.5"},{"symbol":"ETHUSDT"}])", &volumes,
                            &error));
    QVERIFY2(error.contains(QLatin1String("entry 1 (ETHUSDT)")), qPrintable(error));
    QVERIFY(!parseTicker24h("{}", &volumes, &error));
}

void TestSymbolCatalog::searchRanksAndTopN()
{
    const SymbolCatalog c = {info(QStringLiteral("SOLUSDT"), QStringLiteral("SOL"), 5e8),
                             info(QStringLiteral("SOLVUSDT"), QStringLiteral("SOLV"), 1e9),
                             info(QStringLiteral("1000SOLUSDT"), QStringLiteral("1000SOL"), 2e9),
                             info(QStringLiteral("BTCUSDT"), QStringLiteral("BTC"), 1e10),
                             info(QStringLiteral("NEWUSDT"), QStringLiteral("NEW"), std::nan(""))};
    // "sol": symbols starting with it (the busier first), then the one containing it.
    QCOMPARE(
        searchSymbols(c, QStringLiteral("sol")),
        (QStringList{QStringLiteral("SOLVUSDT"), QStringLiteral("SOLUSDT"), QStringLiteral("1000SOLUSDT")}));
    QCOMPARE(searchSymbols(c, QStringLiteral(" solusdt ")).value(0),
             QStringLiteral("SOLUSDT")); // exact first
    QCOMPARE(searchSymbols(c, QStringLiteral("sol"), 1), QStringList{QStringLiteral("SOLVUSDT")});
    QVERIFY(searchSymbols(c, QStringLiteral("xyz")).isEmpty());
    QCOMPARE(searchSymbols(c, QString()).size(), 5);
    QCOMPARE(topByQuoteVolume(c, 2), (QStringList{QStringLiteral("BTCUSDT"), QStringLiteral("1000SOLUSDT")}));
    QCOMPARE(topByQuoteVolume(c, 10).last(), QStringLiteral("NEWUSDT")); // no volume: last
}

void TestSymbolCatalog::storesAndReplacesTheCatalogue()
{
    if (!test::backendAvailable())
        return;
    test::ScratchDatabase scratch;
    QString error;
    const QString name = Database::uniqueConnectionName(QStringLiteral("catalogue"));
    {
        QSqlDatabase db = Database::open(scratch.spec(), name, &error);
        QVERIFY2(db.isOpen(), qPrintable(error));
        SymbolCatalog c = {info(QStringLiteral("BTCUSDT"), QStringLiteral("BTC"), 1e10),
                           info(QStringLiteral("ETHUSDT"), QStringLiteral("ETH"), std::nan(""))};
        c[0].onboardMs = 1569398400000;
        c[0].tickSize = 0.1;
        QVERIFY2(saveSymbolCatalog(db, c, 1764700000000, &error), qPrintable(error));
        SymbolCatalog back;
        qint64 updated = 0;
        QVERIFY2(loadSymbolCatalog(db, &back, &updated, &error), qPrintable(error));
        QCOMPARE(updated, qint64(1764700000000));
        QCOMPARE(back.size(), std::size_t(2));
        QCOMPARE(back[0].symbol, c[0].symbol);
        QCOMPARE(back[0].tickSize, 0.1);
        QCOMPARE(back[0].onboardMs, c[0].onboardMs);
        QCOMPARE(back[0].quoteVolume24h, 1e10);
        QVERIFY(std::isnan(back[1].quoteVolume24h)); // unknown stays unknown, not 0
        // A new fetch replaces the whole list: a delisted symbol goes.
        QVERIFY(saveSymbolCatalog(db, {c[1]}, 1764800000000, &error));
        QVERIFY(loadSymbolCatalog(db, &back, &updated, &error));
        QCOMPARE(back.size(), std::size_t(1));
        QCOMPARE(back[0].symbol, QStringLiteral("ETHUSDT"));
        QCOMPARE(updated, qint64(1764800000000));
    }
    Database::close(name);
}

void TestSymbolCatalog::fetchRetriesThrottledAndMalformedAnswers()
{
    CatalogMock mock;
    QVERIFY(mock.listen());
    mock.info = get(binanceRestUrl(m_server.url(), QStringLiteral("/fapi/v1/exchangeInfo"), {}));
    mock.tickers = get(binanceRestUrl(m_server.url(), QStringLiteral("/fapi/v1/ticker/24hr"), {}));
    // exchangeInfo: 429 (Retry-After 1 s), then a cut-off answer, then the page; ticker: a 500, then the
    // page.
    mock.setScript({{test::MockBinanceRest::Fault::TooMany, 1},
                    {test::MockBinanceRest::Fault::Malformed, 0},
                    {},
                    {test::MockBinanceRest::Fault::ServerError, 0},
                    {}});
    SymbolCatalogFetchConfig config;
    config.restBase = mock.url();
    config.ban = std::make_shared<RestBan>();
    config.budget.retryBaseMs = 50;
    SymbolCatalogFetch fetch(config);
    QSignalSpy done(&fetch, &SymbolCatalogFetch::finished);
    fetch.fetch();
    QVERIFY(done.wait(15000));
    const auto catalog = done.at(0).at(0).value<SymbolCatalog>();
    QCOMPARE(done.at(0).at(1).toString(), QString());
    QCOMPARE(catalog.size(), std::size_t(3));
    for (const SymbolInfo &s : catalog)
        QVERIFY2(s.quoteVolume24h > 0, qPrintable(s.symbol));
    const auto &r = mock.requests();
    QCOMPARE(r.size(), 5);
    QVERIFY(r[0].path.endsWith(QLatin1String("/fapi/v1/exchangeInfo")));
    QVERIFY(r[4].path.endsWith(QLatin1String("/fapi/v1/ticker/24hr")));
    QVERIFY2(r[1].receivedMs - r[0].answeredMs >= 990,
             qPrintable(QString::number(r[1].receivedMs - r[0].answeredMs)));
    QVERIFY(!fetch.isBusy());

    // A 418 ends the fetch and bans every client that shares the ban.
    mock.setScript({{test::MockBinanceRest::Fault::Banned, 60}});
    fetch.fetch();
    QVERIFY(done.wait(10000));
    QVERIFY(done.at(1).at(0).value<SymbolCatalog>().empty());
    QVERIFY2(done.at(1).at(1).toString().contains(QLatin1String("418")),
             qPrintable(done.at(1).at(1).toString()));
    QVERIFY(config.ban->until(QDateTime::currentMSecsSinceEpoch()) > 0);
    const qsizetype asked = mock.requests().size();
    fetch.fetch();
    QCOMPARE(done.size(), 2); // never from within the call
    QVERIFY(done.wait(10000));
    QCOMPARE(mock.requests().size(), asked); // nothing leaves during the ban
}

void TestSymbolCatalog::fetchKeepsTheCatalogueWhenVolumesFail()
{
    CatalogMock mock;
    QVERIFY(mock.listen());
    mock.info = get(binanceRestUrl(m_server.url(), QStringLiteral("/fapi/v1/exchangeInfo"), {}));
    mock.tickers = "not json";
    SymbolCatalogFetchConfig config;
    config.restBase = mock.url();
    config.ban = std::make_shared<RestBan>();
    config.budget.retryBaseMs = 20;
    config.maxAttempts = 2;
    SymbolCatalogFetch fetch(config);
    QSignalSpy done(&fetch, &SymbolCatalogFetch::finished);
    fetch.fetch();
    QVERIFY(done.wait(10000));
    const auto catalog = done.at(0).at(0).value<SymbolCatalog>();
    QCOMPARE(catalog.size(), std::size_t(3));
    QVERIFY(std::isnan(catalog[0].quoteVolume24h));
    QVERIFY2(done.at(0).at(1).toString().contains(QLatin1String("24 h volumes are missing")),
             qPrintable(done.at(0).at(1).toString()));
    QCOMPARE(mock.requests().size(), 3); // exchangeInfo once, the ticker twice
}

void TestSymbolCatalog::controllerFetchesStoresAndReusesAFreshCopy()
{
    if (!test::backendAvailable())
        return;
    test::ScratchDatabase scratch;
    CatalogMock mock;
    QVERIFY(mock.listen());
    mock.info = get(binanceRestUrl(m_server.url(), QStringLiteral("/fapi/v1/exchangeInfo"), {}));
    mock.tickers = get(binanceRestUrl(m_server.url(), QStringLiteral("/fapi/v1/ticker/24hr"), {}));
    {
        SymbolCatalogController c;
        QSignalSpy changed(&c, &SymbolCatalogController::catalogChanged);
        c.setSource(scratch.spec(), mock.url(), std::make_shared<RestBan>());
        QVERIFY(changed.wait(10000)); // nothing stored: fetched at once
        QCOMPARE(c.catalog().size(), std::size_t(3));
        QCOMPARE(c.top(1), QStringList{QStringLiteral("BTCUSDT")});
        QCOMPARE(c.search(QStringLiteral("ada")), QStringList{QStringLiteral("ADAUSDT")});
        QCOMPARE(c.all().size(), 3);
        QVERIFY2(c.status().startsWith(QLatin1String("3 perpetuals, fetched ")), qPrintable(c.status()));
        QCOMPARE(mock.requests().size(), 2);
        // the copy is stored in the background
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                SymbolCatalog stored;
                QString e;
                Database::withReader(
                    scratch.spec(), [&](QSqlDatabase &db) { loadSymbolCatalog(db, &stored, nullptr, &e); },
                    &e);
                return stored.size() == 3;
            }(),
            10000);
    }
    // A new session on the same database: the stored copy is fresh, nothing is fetched.
    SymbolCatalogController again;
    QSignalSpy changed(&again, &SymbolCatalogController::catalogChanged);
    QSignalSpy status(&again, &SymbolCatalogController::statusChanged);
    again.setSource(scratch.spec(), mock.url(), std::make_shared<RestBan>());
    QVERIFY(changed.wait(10000));
    QCOMPARE(again.catalog().size(), std::size_t(3));
    QTest::qWait(300);
    QCOMPARE(mock.requests().size(), 2);
    QVERIFY(!again.isFetching());
    // Refresh asks again.
    again.refresh();
    QVERIFY(again.isFetching());
    QTRY_COMPARE_WITH_TIMEOUT(mock.requests().size(), 4, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!again.isFetching(), 10000);
    // A replay on another database (no exchange behind it, nothing stored): this session's list is empty,
    // never the previous session's.
    test::ScratchDatabase other(QStringLiteral("other"));
    again.setSource(other.spec(), QUrl(), std::make_shared<RestBan>());
    QVERIFY(again.catalog().empty());
    QVERIFY(!again.canFetch());
    QTRY_VERIFY_WITH_TIMEOUT(again.status().startsWith(QLatin1String("No symbol list yet")), 10000);
    QCOMPARE(mock.requests().size(), 4);
}

QTEST_GUILESS_MAIN(TestSymbolCatalog)
#include "tst_symbol_catalog.moc"
