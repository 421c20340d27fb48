#include "market/binance_trade_parser.h"

#include "test_util.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace pairlab;

/** The trade-frame parser on real Binance frames (checked field by field against QJsonDocument) and on
 *  malformed input of every kind the network can deliver. */
class TestBinanceTradeParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesEveryRealFuturesFrameLikeQJsonDocument();
    void parsesRawPayloadAndAggTrade();
    void classifiesRepliesAndOtherEvents_data();
    void classifiesRepliesAndOtherEvents();
    void rejectsMalformedFrames_data();
    void rejectsMalformedFrames();
    void survivesBinaryGarbage();
    void fastPathAgreesWithSimdjsonOnRealAndMutatedFrames();
    void stripsRecordingPrefixes();
    void parsesMarkPriceUpdates();
};

void TestBinanceTradeParser::parsesEveryRealFuturesFrameLikeQJsonDocument()
{
    QFile f(test::sharedData(
        QStringLiteral("real/binance_ws/binance_usdm_btc_eth_trade_combined_20240808_2358-0000.jsonl")));
    QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
    BinanceTradeParser parser;
    int n = 0;
    while (!f.atEnd()) {
        const QByteArray line = f.readLine().trimmed();
        if (line.isEmpty())
            continue;
        Tick t;
        QCOMPARE(parser.parse({line.constData(), std::size_t(line.size())}, t), FrameKind::Trade);
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        const QJsonObject d = o.value(QLatin1String("data")).toObject();
        QCOMPARE(QString::fromStdString(parser.stream()), o.value(QLatin1String("stream")).toString());
        QCOMPARE(t.symbol.toString(), d.value(QLatin1String("s")).toString());
        QCOMPARE(qint64(t.tradeId), d.value(QLatin1String("t")).toInteger());
        QCOMPARE(qint64(t.tsMs), d.value(QLatin1String("T")).toInteger());
        // Correctly rounded decimal conversion: identical to strtod of the same text.
        QCOMPARE(t.price,
                 std::strtod(d.value(QLatin1String("p")).toString().toLatin1().constData(), nullptr));
        QCOMPARE(t.qty, std::strtod(d.value(QLatin1String("q")).toString().toLatin1().constData(), nullptr));
        QCOMPARE(t.buyerMaker, d.value(QLatin1String("m")).toBool());
        ++n;
    }
    QCOMPARE(n, 16821); // SOURCES.md: 10,777 BTCUSDT + 6,044 ETHUSDT trades
}

void TestBinanceTradeParser::parsesRawPayloadAndAggTrade()
{
    BinanceTradeParser p;
    Tick t;
    const std::string raw =
        R"({"e":"trade","E":1723161481294,"T":1723161481290,"s":"BTCUSDT","t":5266594471,"p":"61639.40","q":"0.195","X":"MARKET","m":true})";
    QCOMPARE(p.parse(raw, t), FrameKind::Trade);
    QCOMPARE(t.tsMs, 1723161481290);
    QCOMPARE(t.tradeId, 5266594471);
    QCOMPARE(t.price, 61639.40);
    QVERIFY(t.buyerMaker);

    QFile f(test::sharedData(QStringLiteral("real/binance_ws/nautilus_ws_spot_agg_trade.json")));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray agg = f.readAll();
    QCOMPARE(p.parse({agg.constData(), std::size_t(agg.size())}, t), FrameKind::Trade);
    QCOMPARE(t.symbol.toString(), QStringLiteral("ETHUSDT"));
    QCOMPARE(t.tradeId, 226532); // the aggregate id "a"
    QCOMPARE(t.price, 1632.46);
    QCOMPARE(t.qty, 0.34305);
    QCOMPARE(p.stream(), std::string("ethusdt@aggTrade"));
}

void TestBinanceTradeParser::classifiesRepliesAndOtherEvents_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<int>("kind");
    QTest::newRow("subscriptionReply")
        << QByteArray(R"({"result":null,"id":1})") << int(FrameKind::SubscriptionReply);
    QTest::newRow("errorObject")
        << QByteArray(R"({"error":{"code":2,"msg":"Invalid request: unknown variant"},"id":1})")
        << int(FrameKind::ErrorReply);
    QTest::newRow("codeAndMsg") << QByteArray(R"({"code":-1121,"msg":"Invalid symbol."})")
                                << int(FrameKind::ErrorReply);
    QTest::newRow("bookTicker")
        << QByteArray(
               R"({"stream":"btcusdt@bookTicker","data":{"e":"bookTicker","u":1,"s":"BTCUSDT","b":"1.0","B":"2","a":"1.1","A":"3","T":1,"E":1}})")
        << int(FrameKind::Quote); // a futures quote
    QTest::newRow("spotBookTickerNoEventType")
        << QByteArray(R"({"u":400900217,"s":"BNBUSDT","b":"25.35","B":"31.21","a":"25.36","A":"40.66"})")
        << int(FrameKind::Unknown);
    QTest::newRow("restDepthSnapshot")
        << QByteArray(R"({"lastUpdateId":1,"E":2,"T":3,"bids":[["1","2"]],"asks":[]})")
        << int(FrameKind::Unknown);
}

void TestBinanceTradeParser::classifiesRepliesAndOtherEvents()
{
    QFETCH(QByteArray, frame);
    QFETCH(int, kind);
    BinanceTradeParser p;
    Tick t;
    QCOMPARE(int(p.parse({frame.constData(), std::size_t(frame.size())}, t)), kind);
    if (kind == int(FrameKind::ErrorReply))
        QVERIFY(!p.message().empty());
}

void TestBinanceTradeParser::rejectsMalformedFrames_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QString>("reason"); // a word the message must contain
    const QByteArray good =
        R"({"stream":"btcusdt@trade","data":{"e":"trade","E":1,"T":1723161481294,"s":"BTCUSDT","t":5,"p":"61639.40","q":"0.195","m":true}})";
    QTest::newRow("truncated") << good.left(good.size() - 20) << QString();
    QTest::newRow("empty") << QByteArray() << QString();
    QTest::newRow("notJson") << QByteArray("hello") << QString();
    QTest::newRow("array") << QByteArray("[1,2,3]") << QStringLiteral("object");
    QTest::newRow("priceNotNumeric") << QByteArray(good).replace("\"61639.40\"", "\"abc\"")
                                     << QStringLiteral("\"p\"");
    QTest::newRow("priceNegative") << QByteArray(good).replace("\"61639.40\"", "\"-5\"")
                                   << QStringLiteral("positive");
    QTest::newRow("priceZero") << QByteArray(good).replace("\"61639.40\"", "\"0\"")
                               << QStringLiteral("positive");
    QTest::newRow("priceHuge") << QByteArray(good).replace("\"61639.40\"", "\"1e999\"")
                               << QStringLiteral("\"p\"");
    QTest::newRow("priceOverflowDigits")
        << QByteArray(good).replace("\"61639.40\"", '"' + QByteArray(400, '9') + '"')
        << QStringLiteral("\"p\"");
    QTest::newRow("tradeIdHuge") << QByteArray(good).replace("\"t\":5", "\"t\":99999999999999999999999")
                                 << QStringLiteral("\"t\"");
    QTest::newRow("tradeIdString") << QByteArray(good).replace("\"t\":5", "\"t\":\"5\"")
                                   << QStringLiteral("\"t\"");
    QTest::newRow("missingTime") << QByteArray(good).replace("\"T\":1723161481294,", "")
                                 << QStringLiteral("\"T\"");
    QTest::newRow("missingQty") << QByteArray(good).replace(",\"q\":\"0.195\"", "")
                                << QStringLiteral("\"q\"");
    QTest::newRow("missingId") << QByteArray(good).replace("\"t\":5,", "") << QStringLiteral("\"t\"");
    QTest::newRow("makerNotBool") << QByteArray(good).replace("\"m\":true", "\"m\":1")
                                  << QStringLiteral("\"m\"");
    QTest::newRow("dataNotObject") << QByteArray(R"({"stream":"btcusdt@trade","data":[1]})")
                                   << QStringLiteral("data");
    QTest::newRow("symbolWithSpace") << QByteArray(good).replace("\"BTCUSDT\"", "\"BTC USDT\"")
                                     << QStringLiteral("symbol");
    QTest::newRow("symbolTooLong") << QByteArray(good).replace("\"BTCUSDT\"", '"' + QByteArray(64, 'A') + '"')
                                   << QStringLiteral("symbol");
}

void TestBinanceTradeParser::rejectsMalformedFrames()
{
    QFETCH(QByteArray, frame);
    QFETCH(QString, reason);
    BinanceTradeParser p;
    Tick t;
    t.price = 123.0;
    QCOMPARE(p.parse({frame.constData(), std::size_t(frame.size())}, t), FrameKind::Malformed);
    QCOMPARE(t.price, 123.0); // the output is untouched
    QVERIFY(!p.message().empty());
    if (!reason.isEmpty())
        QVERIFY2(QString::fromStdString(p.message()).contains(reason), p.message().c_str());
    // The parser stays usable after a bad frame.
    const std::string good = R"({"e":"trade","T":5,"s":"X","t":1,"p":"1","q":"1","m":false})";
    QCOMPARE(p.parse(good, t), FrameKind::Trade);
}

void TestBinanceTradeParser::survivesBinaryGarbage()
{
    BinanceTradeParser p;
    Tick t;
    QByteArray junk;
    quint32 state = 12345;
    for (int round = 0; round < 2000; ++round) {
        junk.resize(1 + round % 300);
        for (char &c : junk) {
            state = state * 1664525u + 1013904223u;
            c = char(state >> 24);
        }
        if (round % 3 == 0)
            junk.prepend("{\"stream\":\"btcusdt@trade\",\"data\":{");
        const FrameKind k = p.parse({junk.constData(), std::size_t(junk.size())}, t);
        QVERIFY(k == FrameKind::Malformed || k == FrameKind::Unknown);
    }
}

void TestBinanceTradeParser::fastPathAgreesWithSimdjsonOnRealAndMutatedFrames()
{
    QFile f(test::sharedData(
        QStringLiteral("real/binance_ws/binance_usdm_btc_eth_trade_combined_20240808_2358-0000.jsonl")));
    QVERIFY(f.open(QIODevice::ReadOnly));
    BinanceTradeParser fast, slow;
    slow.setCanonicalFastPath(false);
    quint32 state = 99;
    int mutated = 0, compared = 0;
    const QByteArray mutations = "{}\":,.-0123456789eE\\ tfnru\x01\xff";
    while (!f.atEnd()) {
        QByteArray frame = f.readLine().trimmed();
        for (int round = 0; round < 4; ++round) {
            if (round > 0) { // flip, delete or insert one byte
                state = state * 1664525u + 1013904223u;
                const int pos = int(state % quint32(frame.size()));
                const char c = mutations.at(int((state >> 16) % quint32(mutations.size())));
                switch (round) {
                case 1:
                    frame[pos] = c;
                    break;
                case 2:
                    frame.remove(pos, 1);
                    break;
                default:
                    frame.insert(pos, c);
                    break;
                }
                ++mutated;
            }
            Tick a, b;
            const FrameKind ka = fast.parse({frame.constData(), std::size_t(frame.size())}, a);
            const FrameKind kb = slow.parse({frame.constData(), std::size_t(frame.size())}, b);
            QVERIFY2(ka == kb, frame.constData());
            if (ka == FrameKind::Trade) {
                QCOMPARE(a.symbol, b.symbol);
                QCOMPARE(a.tradeId, b.tradeId);
                QCOMPARE(a.tsMs, b.tsMs);
                QCOMPARE(a.price, b.price);
                QCOMPARE(a.qty, b.qty);
                QCOMPARE(a.buyerMaker, b.buyerMaker);
                QCOMPARE(fast.stream(), slow.stream());
            }
            ++compared;
        }
    }
    QVERIFY(mutated > 40000 && compared > 60000);
}

void TestBinanceTradeParser::stripsRecordingPrefixes()
{
    std::int64_t ms = 0;
    QCOMPARE(BinanceTradeParser::stripRecordingPrefix("1723161255088176367 {\"a\":1}", &ms),
             std::string_view("{\"a\":1}"));
    QCOMPARE(ms, 1723161255088);
    QCOMPARE(BinanceTradeParser::stripRecordingPrefix("1626992741.06217: {\"a\":1}", &ms),
             std::string_view("{\"a\":1}"));
    QCOMPARE(ms, 1626992741062);
    QCOMPARE(BinanceTradeParser::stripRecordingPrefix("{\"a\":1}", &ms), std::string_view("{\"a\":1}"));
    QCOMPARE(ms, -1);
}

void TestBinanceTradeParser::parsesMarkPriceUpdates()
{
    // Binance's markPriceUpdate as its documentation shows it, with BTCUSDT's real mark (the 8 h mark kline's
    // open) and funding rate of 2025-06-03 00:00 UTC (tests/data/real/universe/), the next funding at 08:00.
    const QByteArray frame =
        R"({"stream":"btcusdt@markPrice@1s","data":{"e":"markPriceUpdate","E":1748908800000,"s":"BTCUSDT",)"
        R"("p":"105814.4","P":"105790.21","i":"105761.52","r":"0.00005005","T":1748937600000}})";
    BinanceTradeParser p;
    Tick t;
    QCOMPARE(p.parse({frame.constData(), std::size_t(frame.size())}, t), FrameKind::MarkPrice);
    const MarkPrice &m = p.markPrice();
    QCOMPARE(m.symbol.toString(), QStringLiteral("BTCUSDT"));
    QCOMPARE(m.eventMs, std::int64_t(1748908800000));
    QCOMPARE(m.mark, 105814.4);
    QCOMPARE(m.index, 105761.52);
    QCOMPARE(m.fundingRate, 0.00005005);
    QCOMPARE(m.nextFundingMs, std::int64_t(1748937600000));
    QCOMPARE(QString::fromStdString(p.stream()), QStringLiteral("btcusdt@markPrice@1s"));
    // A negative rate is a rate; a missing or empty one is not a frame to trust.
    QByteArray negative = frame;
    negative.replace("\"0.00005005\"", "\"-0.00033448\"");
    QCOMPARE(p.parse({negative.constData(), std::size_t(negative.size())}, t), FrameKind::MarkPrice);
    QCOMPARE(p.markPrice().fundingRate, -0.00033448);
    for (const QByteArray &bad : {QByteArray(frame).replace(R"("r":"0.00005005",)", ""),
                                  QByteArray(frame).replace("\"0.00005005\"", "\"\""),
                                  QByteArray(frame).replace("\"105814.4\"", "\"0\"")}) {
        QCOMPARE(p.parse({bad.constData(), std::size_t(bad.size())}, t), FrameKind::Malformed);
        QVERIFY(!p.message().empty());
    }
}

QTEST_GUILESS_MAIN(TestBinanceTradeParser)
#include "tst_binance_trade_parser.moc"
