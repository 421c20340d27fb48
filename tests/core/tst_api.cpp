#include "alerts/alert_service.h"
#include "alerts/alert_store.h"
#include "analytics/pair_analysis.h"
#include "api/api_routes.h"
#include "api/api_server.h"
#include "api/api_token.h"
#include "api/http_request.h"
#include "backtest/backtest_engine.h"
#include "cli/commands.h"
#include "controllers/serve_controller.h"
#include "io/number_format.h"
#include "market/replay_server.h"
#include "session/live_session.h"
#include "storage/bar_store.h"
#include "storage/database.h"

#include "real_ticks.h"
#include "test_database.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QWebSocket>

#include <set>

using namespace pairlab;

/** The local API as a notebook or script meets it: every endpoint against what pairlab-cli says of the same
 *  data, the token, the limits, writes only with the flag, and the stream's alert events exactly once. */
class TestApi : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void parserReadsRequests_data();
    void parserReadsRequests();
    void parserWaitsForSplitRequestsAndReadsPipelined();
    void tokenFileIsOwnerOnlyAndStable();
    void refusesWithoutTheRightToken();
    void pairIsTheAnalyzeObject();
    void scanIsTheScanCommand();
    void barsTicksAndSymbolsEqualTheExports();
    void quotesEqualExportQuotes();
    void badParametersAreNamed();
    void limitsHoldAndTheServerSurvives();
    void writesAreRefusedWithoutTheFlag();
    void alertRulesImportAndBacktestWithTheFlag();
    void openApiNamesEveryRoute();
    void streamDeliversEveryAlertOnceAcrossReconnects();

private:
    std::unique_ptr<test::ScratchDatabase> m_dir;
    QString m_db;
};

namespace {

constexpr char kToken[] = "test-token-0123456789";

struct Reply
{
    int status = 0;
    QByteArray head, body;
    QByteArray header(const QByteArray &name) const
    {
        for (const QByteArray &line : head.split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().toLower() == name)
                return line.mid(colon + 1).trimmed();
        }
        return {};
    }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

/** Sends raw bytes and reads one response (until its Content-Length, or the server closes). */
Reply exchange(quint16 port, const QByteArray &raw, int timeoutMs = 15000)
{
    Reply r;
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, port);
    if (!s.waitForConnected(5000))
        return r;
    s.write(raw);
    s.flush();
    QByteArray buf;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        const qsizetype end = buf.indexOf("\r\n\r\n");
        if (end >= 0) {
            const QByteArray head = buf.left(end);
            qint64 length = 0;
            for (const QByteArray &line : head.split('\n'))
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            if (buf.size() - end - 4 >= length || head.startsWith("HTTP/1.1 204"))
                break;
        }
        if (!s.waitForReadyRead(100) && s.state() != QAbstractSocket::ConnectedState && !s.bytesAvailable())
            break;
        buf += s.readAll();
    }
    const qsizetype end = buf.indexOf("\r\n\r\n");
    if (end < 0)
        return r;
    r.head = buf.left(end);
    r.body = buf.mid(end + 4);
    r.status = r.head.mid(9, 3).toInt();
    return r;
}

QByteArray request(const QByteArray &method, const QByteArray &target, const QByteArray &body = {},
                   const QByteArray &token = kToken, const QByteArray &contentType = "application/json")
{
    QByteArray r = method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
    if (!token.isEmpty())
        r += "Authorization: Bearer " + token + "\r\n";
    if (!body.isEmpty() || method == "POST")
        r += "Content-Type: " + contentType + "\r\nContent-Length: " + QByteArray::number(body.size()) +
             "\r\n";
    return r + "\r\n" + body;
}

struct Run
{
    int code = -1;
    QString out, err;
};
template <typename F> Run run(F command, const QStringList &args)
{
    Run r;
    QTextStream out(&r.out), err(&r.err);
    r.code = command(args, out, err);
    out.flush();
    err.flush();
    return r;
}

/** A running server on its own thread, as the app runs it. */
struct Server
{
    ApiHost host;
    quint16 port = 0;
    explicit Server(const QString &db, bool writes = false, int maxConnections = 64, int idleMs = 30000)
    {
        ApiServerConfig c;
        c.port = 0;
        c.token = QString::fromLatin1(kToken);
        c.databasePath = db;
        c.allowWrites = writes;
        c.maxConnections = maxConnections;
        c.idleTimeoutMs = idleMs;
        QString error;
        if (host.start(c, &error))
            port = host.port();
        else
            qWarning() << error;
    }
};

QByteArray analyzeObjectWithoutTimings(const QByteArray &json)
{
    const qsizetype t = json.indexOf(",\"timings_ms\"");
    return t < 0 ? QByteArray() : json.left(t);
}

std::vector<Bar> bars(const QString &db, const QString &symbol, Interval interval)
{
    std::vector<Bar> out;
    QString error;
    Database::withReader(
        db, [&](QSqlDatabase &h) { out = BarStore::loadBars(h, symbol, interval); }, &error);
    return out;
}

} // namespace

void TestApi::initTestCase()
{
    registerMetaTypes();
    registerAlertMetaTypes();
    test::backendAvailable();
    m_dir = std::make_unique<test::ScratchDatabase>();
    m_db = m_dir->spec();
    const Run r = run(cli::ingest, {QStringLiteral("--file"),
                                    test::sharedData(QString::fromLatin1(test::CombinedRecording)),
                                    QStringLiteral("--db"), m_db});
    QVERIFY2(r.code == 0, qPrintable(r.err));
}

void TestApi::cleanupTestCase()
{
    m_dir.reset();
}

void TestApi::parserReadsRequests_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<int>("state"); // 0 incomplete, 1 complete, 2 error
    QTest::addColumn<int>("status");
    const QByteArray big(17 * 1024, 'a');
    QTest::newRow("get") << QByteArray("GET /v1/bars?symbol=BTCUSDT HTTP/1.1\r\nHost: h\r\n\r\n") << 1 << 0;
    QTest::newRow("http/1.0 without host") << QByteArray("GET / HTTP/1.0\r\n\r\n") << 1 << 0;
    QTest::newRow("half a head") << QByteArray("GET /v1/bars HTTP/1.1\r\nHo") << 0 << 0;
    QTest::newRow("no host") << QByteArray("GET / HTTP/1.1\r\n\r\n") << 2 << 400;
    QTest::newRow("bare LF") << QByteArray("GET / HTTP/1.1\nHost: h\n\n") << 2 << 400;
    QTest::newRow("http/2") << QByteArray("GET / HTTP/2.0\r\nHost: h\r\n\r\n") << 2 << 505;
    QTest::newRow("no version") << QByteArray("GET /\r\nHost: h\r\n\r\n") << 2 << 400;
    QTest::newRow("absolute form") << QByteArray("GET http://x/ HTTP/1.1\r\nHost: h\r\n\r\n") << 2 << 400;
    QTest::newRow("folded header") << QByteArray("GET / HTTP/1.1\r\nHost: h\r\n  more\r\n\r\n") << 2 << 400;
    QTest::newRow("chunked") << QByteArray("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n")
                             << 2 << 501;
    QTest::newRow("bad length") << QByteArray("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1x\r\n\r\n") << 2
                                << 400;
    QTest::newRow("two lengths") << QByteArray(
                                        "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\nContent-Length: "
                                        "2\r\n\r\nab")
                                 << 2 << 400;
    QTest::newRow("body too long") << QByteArray(
                                          "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1048577\r\n\r\n")
                                   << 2 << 413;
    QTest::newRow("head too long, unfinished") << QByteArray("GET /" + big) << 2 << 431;
    QTest::newRow("head too long") << QByteArray("GET / HTTP/1.1\r\nHost: h\r\nX: " + big + "\r\n\r\n") << 2
                                   << 431;
    QTest::newRow("empty lines beyond the limit")
        << QByteArray(20000, '\n').replace("\n", "\r\n") << 2 << 431;
    QTest::newRow("bad escape") << QByteArray("GET /v1/bars?symbol=%G1 HTTP/1.1\r\nHost: h\r\n\r\n") << 2
                                << 400;
    QTest::newRow("control byte") << QByteArray("GET /a\x01 HTTP/1.1\r\nHost: h\r\n\r\n") << 2 << 400;
}

void TestApi::parserReadsRequests()
{
    QFETCH(QByteArray, raw);
    QFETCH(int, state);
    QFETCH(int, status);
    const HttpParseResult r = parseHttpRequest(raw);
    QCOMPARE(int(r.state), state);
    QCOMPARE(r.status, status);
    if (state == 2)
        QVERIFY(!r.error.isEmpty());
}

void TestApi::parserWaitsForSplitRequestsAndReadsPipelined()
{
    const QByteArray one = "POST /v1/alerts?name=a%20b&x=1+2&flag HTTP/1.1\r\nHost: h\r\nCONTENT-length: "
                           "5\r\nConnection: close\r\n\r\nhello";
    // Every prefix is incomplete, never an error.
    for (qsizetype i = 0; i < one.size(); ++i) {
        const HttpParseResult r = parseHttpRequest(QByteArrayView(one).first(i));
        QVERIFY2(r.state == HttpParseResult::State::Incomplete, qPrintable(QString::number(i)));
        if (r.headComplete)
            QCOMPARE(r.needed, one.size());
    }
    const QByteArray two = one + "GET /v1/health HTTP/1.1\r\nHost: h\r\n\r\n";
    HttpParseResult r = parseHttpRequest(two);
    QVERIFY(r.state == HttpParseResult::State::Complete);
    QCOMPARE(r.consumed, one.size());
    QCOMPARE(r.request.method, QByteArray("POST"));
    QCOMPARE(r.request.path, QByteArray("/v1/alerts"));
    QCOMPARE(r.request.body, QByteArray("hello"));
    QCOMPARE(r.request.queryValue(u"name"), QStringLiteral("a b"));
    QCOMPARE(r.request.queryValue(u"x"), QStringLiteral("1 2"));
    QVERIFY(r.request.hasQuery(u"flag"));
    QVERIFY(!r.request.keepAlive);
    QCOMPARE(r.request.header("content-length"), QByteArray("5"));
    r = parseHttpRequest(QByteArrayView(two).sliced(r.consumed));
    QVERIFY(r.state == HttpParseResult::State::Complete);
    QCOMPARE(r.request.path, QByteArray("/v1/health"));
    QVERIFY(r.request.keepAlive);
    // A larger body for the import path only.
    HttpLimits limits;
    limits.bodyLimits = {{"/v1/import", 10 * 1024 * 1024}};
    const QByteArray bigHead = "POST /v1/import HTTP/1.1\r\nHost: h\r\nContent-Length: 5000000\r\n\r\n";
    r = parseHttpRequest(bigHead, limits);
    QVERIFY(r.state == HttpParseResult::State::Incomplete && r.headComplete);
    r = parseHttpRequest(QByteArray("POST /v1/alerts HTTP/1.1\r\nHost: h\r\nContent-Length: 5000000\r\n\r\n"),
                         limits);
    QCOMPARE(r.status, 413);
}

void TestApi::tokenFileIsOwnerOnlyAndStable()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("PairLab/api-token"));
    QString error;
    const QString a = loadOrCreateApiToken(path, &error);
    QVERIFY2(a.size() >= 40, qPrintable(error));
    QCOMPARE(QFile::permissions(path) & ~(QFile::ReadUser | QFile::WriteUser),
             QFile::ReadOwner | QFile::WriteOwner);
    QCOMPARE(loadOrCreateApiToken(path, &error), a);
    const QString b = regenerateApiToken(path, &error);
    QVERIFY(!b.isEmpty() && b != a);
    QCOMPARE(loadOrCreateApiToken(path, &error), b);
    QVERIFY(sameToken("abc", "abc"));
    QVERIFY(!sameToken("abc", "abd"));
    QVERIFY(!sameToken("", ""));
}

void TestApi::refusesWithoutTheRightToken()
{
    Server s(m_db);
    QVERIFY(s.port);
    for (const QByteArray &token :
         {QByteArray(), QByteArray("wrong-token-0123456789"), QByteArray(kToken) + 'x'}) {
        const Reply r = exchange(s.port, request("GET", "/v1/health", {}, token));
        QCOMPARE(r.status, 401);
        QVERIFY(r.body.isEmpty()); // nothing else said
        QCOMPARE(r.header("www-authenticate"), QByteArray("Bearer"));
    }
    // Unknown paths and the stream are behind the token too.
    QCOMPARE(exchange(s.port, request("GET", "/v1/nothing", {}, {})).status, 401);
    QCOMPARE(exchange(s.port, request("GET", "/v1/stream", {}, {})).status, 401);
    const Reply ok = exchange(s.port, request("GET", "/v1/health"));
    QCOMPARE(ok.status, 200);
    QCOMPARE(ok.json().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    QCOMPARE(ok.json().value(QStringLiteral("stored")).toObject().value(QStringLiteral("symbols")).toInt(),
             2);
    // "bearer" is case-insensitive (RFC 9110 §11.1).
    QCOMPARE(
        exchange(s.port, "GET /v1/health HTTP/1.1\r\nHost: h\r\nConnection: close\r\nAuthorization: bearer " +
                             QByteArray(kToken) + "\r\n\r\n")
            .status,
        200);
}

void TestApi::pairIsTheAnalyzeObject()
{
    Server s(m_db);
    QVERIFY(s.port);
    const Reply r = exchange(s.port, request("GET", "/v1/pair?y=ETHUSDT&x=BTCUSDT&interval=1s&window=30"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("content-type"), QByteArray("application/json"));

    // The same closes as pairlab-cli analyze reads them: ts_ms,x,y of the stored 1 s bars, aligned.
    const std::vector<Bar> x = bars(m_db, QStringLiteral("BTCUSDT"), Interval::S1);
    const std::vector<Bar> y = bars(m_db, QStringLiteral("ETHUSDT"), Interval::S1);
    QVERIFY(x.size() > 60 && y.size() > 60);
    QByteArray csv = "ts_ms,x,y\n";
    int rows = 0;
    for (const Bar &bx : x)
        for (const Bar &by : y)
            if (bx.openMs == by.openMs) {
                appendInt(csv, bx.openMs);
                csv += ',';
                appendDouble(csv, bx.close);
                csv += ',';
                appendDouble(csv, by.close);
                csv += '\n';
                ++rows;
            }
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("pair.csv"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(csv);
    f.close();
    const Run cli = run(cli::analyze, {file, QStringLiteral("--window"), QStringLiteral("30"),
                                       QStringLiteral("--bars-per-year"), QStringLiteral("31536000")});
    QVERIFY2(cli.code == 0, qPrintable(cli.err));
    const QByteArray want = analyzeObjectWithoutTimings(cli.out.toUtf8());
    QVERIFY(!want.isEmpty());
    QCOMPARE(analyzeObjectWithoutTimings(r.body), want); // byte for byte
    // Asked again on the same bars: the same bytes, without a new analysis.
    QCOMPARE(r.header("x-pairlab-cache"), QByteArray("miss"));
    const Reply again =
        exchange(s.port, request("GET", "/v1/pair?y=ETHUSDT&x=BTCUSDT&interval=1s&window=30"));
    QCOMPARE(again.header("x-pairlab-cache"), QByteArray("hit"));
    QCOMPARE(again.body, r.body);
    QCOMPARE(exchange(s.port, request("GET", "/v1/pair?y=ETHUSDT&x=BTCUSDT&interval=1s&window=31"))
                 .header("x-pairlab-cache"),
             QByteArray("miss"));
    const QJsonObject o = r.json();
    QCOMPARE(o.value(QStringLiteral("n")).toInt(), rows);
    const QJsonObject req = o.value(QStringLiteral("request")).toObject();
    QCOMPARE(req.value(QStringLiteral("y")).toString(), QStringLiteral("ETHUSDT"));
    QCOMPARE(req.value(QStringLiteral("interval")).toString(), QStringLiteral("1s"));
    QCOMPARE(req.value(QStringLiteral("method")).toString(), QStringLiteral("ols"));
    QCOMPARE(req.value(QStringLiteral("bars_per_year")).toDouble(), 31536000.0);
    QVERIFY(o.value(QStringLiteral("timings_ms")).toObject().contains(QStringLiteral("read_db")));
    // The OLS hedge of the request is the analysis' beta; Kalman answers with its own.
    QCOMPARE(req.value(QStringLiteral("hedge_ratio")).toDouble(),
             o.value(QStringLiteral("ols")).toObject().value(QStringLiteral("beta")).toDouble());
    const Reply k =
        exchange(s.port, request("GET", "/v1/pair?y=ETHUSDT&x=BTCUSDT&interval=1s&window=30&method=kalman"));
    QCOMPARE(k.status, 200);
    QCOMPARE(analyzeObjectWithoutTimings(k.body), want);
    QCOMPARE(k.json().value(QStringLiteral("request")).toObject().value(QStringLiteral("method")).toString(),
             QStringLiteral("kalman"));
    // Too few bars for the window: a 422 that says so, not numbers.
    const Reply few = exchange(s.port, request("GET", "/v1/pair?y=ETHUSDT&x=BTCUSDT&interval=1m&window=30"));
    QCOMPARE(few.status, 422);
    QVERIFY2(few.json().value(QStringLiteral("error")).toString().contains(QLatin1String("aligned bars")),
             few.body.constData());
}

void TestApi::scanIsTheScanCommand()
{
    Server s(m_db);
    const Reply r =
        exchange(s.port, request("GET", "/v1/scan?symbols=BTCUSDT,ETHUSDT&interval=1s&window=30"));
    QCOMPARE(r.status, 200);
    const std::vector<Bar> x = bars(m_db, QStringLiteral("BTCUSDT"), Interval::S1);
    const std::vector<Bar> y = bars(m_db, QStringLiteral("ETHUSDT"), Interval::S1);
    std::map<qint64, std::pair<double, double>> wide;
    for (const Bar &b : x)
        wide[b.openMs].first = b.close;
    for (const Bar &b : y)
        wide[b.openMs].second = b.close;
    QByteArray csv = "ts_ms,BTCUSDT,ETHUSDT\n";
    for (const auto &[t, v] : wide) {
        appendInt(csv, t);
        csv += ',';
        if (v.first > 0)
            appendDouble(csv, v.first);
        csv += ',';
        if (v.second > 0)
            appendDouble(csv, v.second);
        csv += '\n';
    }
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("wide.csv"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(csv);
    f.close();
    const Run cli = run(cli::scan, {file, QStringLiteral("--window"), QStringLiteral("30")});
    QVERIFY2(cli.code == 0, qPrintable(cli.err));
    QCOMPARE(r.body, cli.out.toUtf8());
    const Reply c =
        exchange(s.port, request("GET", "/v1/scan?symbols=BTCUSDT,ETHUSDT&interval=1s&window=30&format=csv"));
    const Run cliCsv = run(cli::scan, {file, QStringLiteral("--window"), QStringLiteral("30"),
                                       QStringLiteral("--format"), QStringLiteral("csv")});
    QCOMPARE(c.body, cliCsv.out.toUtf8());
    QVERIFY(c.header("content-type").startsWith("text/csv"));
    // Without symbols: every stored one.
    QCOMPARE(exchange(s.port, request("GET", "/v1/scan?interval=1s&window=30")).body, r.body);
}

void TestApi::barsTicksAndSymbolsEqualTheExports()
{
    Server s(m_db);
    QTemporaryDir dir;
    for (const QString &symbol : {QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")}) {
        for (const int seconds : {1, 60}) {
            const QString path = dir.filePath(symbol + QString::number(seconds));
            QString error;
            bool ok = false;
            Database::withReader(
                m_db,
                [&](QSqlDatabase &db) { ok = BarStore::exportBarsCsv(db, symbol, seconds, path, &error); },
                &error);
            QVERIFY2(ok, qPrintable(error));
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray want = f.readAll();
            const QByteArray target = "/v1/bars?symbol=" + symbol.toLower().toLatin1() +
                                      "&interval=" + (seconds == 1 ? "1s" : "1m") + "&limit=100000";
            const Reply csv = exchange(s.port, request("GET", target + "&format=csv"));
            QCOMPARE(csv.status, 200);
            QCOMPARE(csv.body, want);
            // Accept: text/csv says the same.
            const Reply accept = exchange(s.port, "GET " + target +
                                                      " HTTP/1.1\r\nHost: h\r\nAccept: text/csv\r\n"
                                                      "Connection: close\r\nAuthorization: Bearer " +
                                                      QByteArray(kToken) + "\r\n\r\n");
            QCOMPARE(accept.body, want);
            // JSON: the same rows.
            const QJsonObject o = exchange(s.port, request("GET", target)).json();
            const QJsonArray rows = o.value(QStringLiteral("bars")).toArray();
            QCOMPARE(o.value(QStringLiteral("count")).toInt(), rows.size());
            QCOMPARE(rows.size() + 1, want.trimmed().split('\n').size());
            const QList<QByteArray> first = want.split('\n').value(1).split(',');
            QCOMPARE(rows.first().toObject().value(QStringLiteral("open_ms")).toInteger(),
                     first[0].toLongLong());
            QCOMPARE(rows.first().toObject().value(QStringLiteral("close")).toDouble(), first[4].toDouble());
        }
        // The newest `limit` bars.
        const QJsonArray last2 =
            exchange(s.port, request("GET", "/v1/bars?symbol=" + symbol.toLatin1() + "&interval=1s&limit=2"))
                .json()
                .value(QStringLiteral("bars"))
                .toArray();
        const std::vector<Bar> all = bars(m_db, symbol, Interval::S1);
        QCOMPARE(last2.size(), 2);
        QCOMPARE(last2.last().toObject().value(QStringLiteral("open_ms")).toInteger(), all.back().openMs);
    }
    // Ticks of a time range, against export ticks.
    const qint64 from = 1723161540000, to = 1723161560000;
    const QString path = dir.filePath(QStringLiteral("ticks.csv"));
    QString error;
    bool ok = false;
    Database::withReader(
        m_db,
        [&](QSqlDatabase &db) {
            ok = BarStore::exportTicksCsv(db, QStringLiteral("ETHUSDT"), from, to, path, &error);
        },
        &error);
    QVERIFY2(ok, qPrintable(error));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray want = f.readAll();
    QVERIFY(want.count('\n') > 100);
    const Reply t =
        exchange(s.port, request("GET", "/v1/ticks?symbol=ETHUSDT&from=1723161540000&to=2024-08-08T23:59:20Z"
                                        "&limit=100000&format=csv"));
    QCOMPARE(t.status, 200);
    QCOMPARE(t.body, want);
    // limit: the newest rows of the range, in trade-id order.
    const QJsonObject o =
        exchange(s.port, request("GET", "/v1/ticks?symbol=ETHUSDT&from=1723161540000&to=1723161560000"
                                        "&limit=3"))
            .json();
    const QList<QByteArray> lines = want.trimmed().split('\n');
    QCOMPARE(o.value(QStringLiteral("count")).toInt(), 3);
    QCOMPARE(o.value(QStringLiteral("ticks"))
                 .toArray()
                 .last()
                 .toObject()
                 .value(QStringLiteral("trade_id"))
                 .toInteger(),
             lines.last().split(',')[1].toLongLong());
    // Symbols.
    const QJsonArray symbols =
        exchange(s.port, request("GET", "/v1/symbols")).json().value(QStringLiteral("symbols")).toArray();
    QCOMPARE(symbols.size(), 2);
    QCOMPARE(symbols[0].toObject().value(QStringLiteral("symbol")).toString(), QStringLiteral("BTCUSDT"));
    QVERIFY(symbols[0].toObject().value(QStringLiteral("last_trade_id")).toInteger() > 0);
    // No quotes in a trade recording: an empty answer, not an error.
    const Reply q = exchange(s.port, request("GET", "/v1/quotes?symbol=BTCUSDT&interval=1s"));
    QCOMPARE(q.status, 200);
    QCOMPARE(q.json().value(QStringLiteral("count")).toInt(), 0);
}

void TestApi::quotesEqualExportQuotes()
{
    // The real hftbacktest capture (trades and bookTicker of BTCUSDT) stores quote bars.
    test::ScratchDatabase dir(QStringLiteral("q"));
    const Run in =
        run(cli::ingest,
            {QStringLiteral("--file"),
             test::sharedData(QStringLiteral("real/binance_ws/hftbacktest_usdm_btcusdt_20240808_raw.gz")),
             QStringLiteral("--db"), dir.spec()});
    QVERIFY2(in.code == 0, qPrintable(in.err));
    Server s(dir.spec());
    QTemporaryDir out;
    for (const QString &interval : {QStringLiteral("1s"), QStringLiteral("1m")}) {
        const QString path = out.filePath(interval + QStringLiteral(".csv"));
        const Run ex =
            run(cli::exportData, {QStringLiteral("quotes"), QStringLiteral("--db"), dir.spec(),
                                  QStringLiteral("--symbol"), QStringLiteral("BTCUSDT"),
                                  QStringLiteral("--interval"), interval, QStringLiteral("--out"), path});
        QVERIFY2(ex.code == 0, qPrintable(ex.err));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray want = f.readAll();
        QVERIFY(want.count('\n') > 3);
        const Reply r =
            exchange(s.port, request("GET", "/v1/quotes?symbol=BTCUSDT&interval=" + interval.toLatin1() +
                                                "&limit=100000&format=csv"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, want);
        const QJsonObject o =
            exchange(s.port,
                     request("GET", "/v1/quotes?symbol=BTCUSDT&interval=" + interval.toLatin1() + "&limit=1"))
                .json();
        const QList<QByteArray> last = want.trimmed().split('\n').last().split(',');
        const QJsonObject q = o.value(QStringLiteral("quotes")).toArray().first().toObject();
        QCOMPARE(q.value(QStringLiteral("open_ms")).toInteger(), last[0].toLongLong());
        QCOMPARE(q.value(QStringLiteral("ask_close")).toDouble(), last[8].toDouble());
        QCOMPARE(q.value(QStringLiteral("updates")).toInteger(), last[9].toLongLong());
    }
}

void TestApi::badParametersAreNamed()
{
    Server s(m_db);
    const struct
    {
        const char *target;
        int status;
        const char *names;
    } cases[] = {
        {"/v1/bars", 400, "symbol"},
        {"/v1/bars?symbol=BTC-USDT!", 400, "symbol"},
        {"/v1/bars?symbol=BTCUSDT&interval=2m", 400, "interval"},
        {"/v1/bars?symbol=BTCUSDT&limit=100001", 400, "limit"},
        {"/v1/bars?symbol=BTCUSDT&limit=0", 400, "limit"},
        {"/v1/bars?symbol=BTCUSDT&from=yesterday", 400, "from"},
        {"/v1/bars?symbol=BTCUSDT&from=2000&to=1000", 400, "from must be before to"},
        {"/v1/bars?symbol=BTCUSDT&format=xml", 400, "format"},
        {"/v1/pair?y=ETHUSDT&x=ETHUSDT", 400, "same symbol"},
        {"/v1/pair?y=ETHUSDT&x=BTCUSDT&method=magic", 400, "method"},
        {"/v1/pair?y=ETHUSDT&x=BTCUSDT&window=1", 400, "window"},
        {"/v1/pair?y=ETHUSDT&x=BTCUSDT&format=csv", 406, "JSON only"},
        {"/v1/scan?symbols=BTCUSDT", 400, "at least two"},
        {"/v1/alerts/events?since=x", 400, "since"},
        {"/v1/nothing", 404, "/v1/nothing"},
        {"/v1/alerts/abc", 404, "no such resource"},
    };
    for (const auto &c : cases) {
        const Reply r = exchange(s.port, request("GET", c.target));
        QVERIFY2(r.status == c.status, c.target);
        const QString error = r.json().value(QStringLiteral("error")).toString();
        QVERIFY2(error.contains(QLatin1String(c.names)),
                 qPrintable(QLatin1String(c.target) + QLatin1String(": ") + error));
        QCOMPARE(r.json().value(QStringLiteral("status")).toInt(), c.status);
    }
    const Reply m = exchange(s.port, request("PUT", "/v1/bars?symbol=BTCUSDT", "x"));
    QCOMPARE(m.status, 405);
    QCOMPARE(m.header("allow"), QByteArray("GET"));
}

void TestApi::limitsHoldAndTheServerSurvives()
{
    Server s(m_db, false, 4, 400);
    QVERIFY(s.port);
    // Head over 16 KB: 431 with a JSON error, then the connection is closed.
    const Reply big = exchange(
        s.port, "GET /v1/health HTTP/1.1\r\nHost: h\r\nX-Pad: " + QByteArray(17000, 'p') + "\r\n\r\n");
    QCOMPARE(big.status, 431);
    QVERIFY(big.json().value(QStringLiteral("error")).toString().contains(QLatin1String("16384")));
    // A body over the limit is refused from its head (nothing more is read).
    const Reply body = exchange(s.port, "POST /v1/alerts HTTP/1.1\r\nHost: h\r\nAuthorization: Bearer " +
                                            QByteArray(kToken) + "\r\nContent-Length: 2000000\r\n\r\n");
    QCOMPARE(body.status, 413);
    // Garbage gets a 400, never a crash.
    for (const QByteArray &junk : {QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n", 15),
                                   QByteArray("GET\r\n\r\n"), QByteArray(" / HTTP/1.1\r\n\r\n")})
        QCOMPARE(exchange(s.port, junk).status, 400);
    // An idle connection is closed after the idle timeout.
    {
        QTcpSocket idle;
        idle.connectToHost(QHostAddress::LocalHost, s.port);
        QVERIFY(idle.waitForConnected(3000));
        idle.write("GET /v1/health HTTP/1.1\r\n"); // never finished
        QVERIFY(idle.waitForDisconnected(5000));
    }
    // At most N connections: the next one is told 503 and closed; a freed place is taken again.
    {
        std::vector<std::unique_ptr<QTcpSocket>> held;
        for (int i = 0; i < 4; ++i) {
            held.push_back(std::make_unique<QTcpSocket>());
            held.back()->connectToHost(QHostAddress::LocalHost, s.port);
            QVERIFY(held.back()->waitForConnected(3000));
        }
        QTRY_COMPARE_WITH_TIMEOUT(s.host.server()->connectionCount(), 4, 5000);
        const Reply over = exchange(s.port, request("GET", "/v1/health"));
        QCOMPARE(over.status, 503);
        QVERIFY(over.json().value(QStringLiteral("error")).toString().contains(QLatin1String("too many")));
        held.clear();
    }
    QTRY_COMPARE_WITH_TIMEOUT(exchange(s.port, request("GET", "/v1/health")).status, 200, 5000);
    // Keep-alive: two requests on one connection, answered in order.
    QTcpSocket k;
    k.connectToHost(QHostAddress::LocalHost, s.port);
    QVERIFY(k.waitForConnected(3000));
    const QByteArray one =
        "GET /v1/symbols HTTP/1.1\r\nHost: h\r\nAuthorization: Bearer " + QByteArray(kToken) + "\r\n\r\n";
    k.write(one + one);
    QByteArray got;
    QElapsedTimer t;
    t.start();
    while (got.count("HTTP/1.1 200") < 2 && t.elapsed() < 10000)
        if (k.waitForReadyRead(100))
            got += k.readAll();
    QCOMPARE(got.count("HTTP/1.1 200 OK"), 2);
}

void TestApi::writesAreRefusedWithoutTheFlag()
{
    Server s(m_db, false);
    const QByteArray rule = R"({"name":"wide","expression":"abs(z) > 2"})";
    const Reply post = exchange(s.port, request("POST", "/v1/alerts", rule));
    QCOMPARE(post.status, 403);
    QVERIFY(post.json().value(QStringLiteral("error")).toString().contains(QLatin1String("--allow-writes")));
    QCOMPARE(exchange(s.port, request("DELETE", "/v1/alerts/1")).status, 403);
    // Refused from the head: a large upload is not waited for.
    const Reply early =
        exchange(s.port, "POST /v1/import?symbol=XUSDT HTTP/1.1\r\nHost: h\r\nAuthorization: Bearer " +
                             QByteArray(kToken) + "\r\nContent-Length: 50000000\r\n\r\ntime,close\n");
    QCOMPARE(early.status, 403);
    QCOMPARE(exchange(s.port, request("POST", "/v1/import?symbol=XUSDT", "time,close\n2024-01-01,1\n", kToken,
                                      "text/csv"))
                 .status,
             403);
    QCOMPARE(exchange(s.port, request("POST", "/v1/backtest", R"({"y":"ETHUSDT","x":"BTCUSDT"})")).status,
             403);
    QCOMPARE(exchange(s.port, request("GET", "/v1/alerts")).json().value(QStringLiteral("count")).toInt(), 0);
}

void TestApi::alertRulesImportAndBacktestWithTheFlag()
{
    Server s(m_db, true);
    QSignalSpy changed(&s.host, &ApiHost::alertRulesChanged);
    // A rule the expression compiler refuses: 400 with the place.
    Reply r = exchange(s.port, request("POST", "/v1/alerts", R"({"name":"bad","expression":"abs(z) >"})"));
    QCOMPARE(r.status, 400);
    QVERIFY2(r.json().value(QStringLiteral("error")).toString().startsWith(QLatin1String("expression")),
             r.body.constData());
    QCOMPARE(exchange(s.port, request("POST", "/v1/alerts", "{not json")).status, 400);
    r = exchange(s.port, request("POST", "/v1/alerts",
                                 R"({"name":"wide","pair":"BTCUSDT/ETHUSDT","expression":"abs(z) > 2"})"));
    QCOMPARE(r.status, 201);
    const qint64 id = r.json().value(QStringLiteral("id")).toInteger();
    QVERIFY(id > 0);
    QTRY_COMPARE(changed.size(), 1);
    const QJsonArray rules =
        exchange(s.port, request("GET", "/v1/alerts")).json().value(QStringLiteral("rules")).toArray();
    QCOMPARE(rules.size(), 1);
    QCOMPARE(rules[0].toObject().value(QStringLiteral("expression")).toString(),
             QStringLiteral("abs(z) > 2"));
    QCOMPARE(exchange(s.port, request("DELETE", "/v1/alerts/" + QByteArray::number(id))).status, 204);
    QCOMPARE(exchange(s.port, request("DELETE", "/v1/alerts/" + QByteArray::number(id))).status, 404);
    QTRY_COMPARE(changed.size(), 2);

    // Import: a bad row refuses the whole file, with its line and field; nothing is stored.
    const QByteArray bad = "time,open,high,low,close,volume\n"
                           "2024-01-01 00:00,1,2,0.5,1.5,10\n"
                           "2024-01-01 00:01,1.5,2,1,1.2,11\n"
                           "2024-01-01 00:02,1.2,x,1,1.1,12\n";
    r = exchange(s.port, request("POST", "/v1/import?symbol=TESTUSDT&dataset=api&filename=test.csv", bad,
                                 kToken, "text/csv"));
    QCOMPARE(r.status, 400);
    const QJsonObject first = r.json().value(QStringLiteral("first")).toObject();
    QCOMPARE(first.value(QStringLiteral("line")).toInt(), 4);
    QCOMPARE(first.value(QStringLiteral("field")).toString(), QStringLiteral("high"));
    QVERIFY2(r.json().value(QStringLiteral("error")).toString().startsWith(QLatin1String("test.csv:4: high")),
             r.body.constData());
    QCOMPARE(exchange(s.port, request("GET", "/v1/bars?symbol=TESTUSDT&source=api"))
                 .json()
                 .value(QStringLiteral("count"))
                 .toInt(),
             0);
    QByteArray good = bad;
    good.replace("1.2,x,1", "1.2,1.3,1");
    r = exchange(s.port, request("POST", "/v1/import?symbol=TESTUSDT&dataset=api&filename=test.csv", good,
                                 kToken, "text/csv"));
    QCOMPARE(r.status, 201);
    QCOMPARE(r.json().value(QStringLiteral("bars")).toInt(), 3);
    const QJsonArray stored = exchange(s.port, request("GET", "/v1/bars?symbol=TESTUSDT&source=api"))
                                  .json()
                                  .value(QStringLiteral("bars"))
                                  .toArray();
    QCOMPARE(stored.size(), 3);
    QCOMPARE(stored[2].toObject().value(QStringLiteral("high")).toDouble(), 1.3);

    // A backtest over the stored bars equals the engine's run on the same closes.
    r = exchange(
        s.port,
        request(
            "POST", "/v1/backtest",
            R"({"y":"ETHUSDT","x":"BTCUSDT","interval":"1s","config":{"window":30,"entry_z":1.5,"exit_z":0.25}})"));
    QCOMPARE(r.status, 200);
    const QJsonObject bt = r.json();
    BacktestConfig c = BacktestConfig::fromJson(bt.value(QStringLiteral("config")).toObject());
    QCOMPARE(c.window, 30);
    QCOMPARE(c.entryZ, 1.5);
    CloseSeries cx, cy;
    for (const Bar &b : bars(m_db, QStringLiteral("BTCUSDT"), Interval::S1)) {
        cx.openTimeMs.push_back(b.openMs);
        cx.close.push_back(b.close);
    }
    for (const Bar &b : bars(m_db, QStringLiteral("ETHUSDT"), Interval::S1)) {
        cy.openTimeMs.push_back(b.openMs);
        cy.close.push_back(b.close);
    }
    const AlignedPair pair = alignOnOpenTime(cx, cy);
    const BacktestRun run = backtestPair(prepareBacktest(pair, c), c);
    QVERIFY(run.ok());
    QCOMPARE(bt.value(QStringLiteral("bars")).toInt(), int(pair.size()));
    QCOMPARE(bt.value(QStringLiteral("summary")).toObject(), run.summary.toJson());
    r = exchange(s.port,
                 request("POST", "/v1/backtest", R"({"y":"ETHUSDT","x":"BTCUSDT","config":{"window":1}})"));
    QCOMPARE(r.status, 400);
    QVERIFY2(r.json().value(QStringLiteral("error")).toString().startsWith(QLatin1String("config")),
             r.body.constData());
}

void TestApi::openApiNamesEveryRoute()
{
    Server s(m_db);
    const Reply r = exchange(s.port, request("GET", "/v1/openapi.json"));
    QCOMPARE(r.status, 200);
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(r.body, &pe);
    QVERIFY2(pe.error == QJsonParseError::NoError, qPrintable(pe.errorString()));
    const QJsonObject paths = doc.object().value(QStringLiteral("paths")).toObject();
    for (const char *p : {"/v1/health", "/v1/symbols", "/v1/bars", "/v1/ticks", "/v1/quotes", "/v1/pair",
                          "/v1/scan", "/v1/alerts", "/v1/alerts/{id}", "/v1/alerts/events", "/v1/import",
                          "/v1/backtest", "/v1/stream", "/v1/openapi.json"})
        QVERIFY2(paths.contains(QLatin1String(p)), p);
    // Every GET path it names is answered (not 404).
    for (auto it = paths.begin(); it != paths.end(); ++it) {
        if (!it.value().toObject().contains(QStringLiteral("get")) || it.key() == QLatin1String("/v1/stream"))
            continue;
        const Reply g = exchange(s.port, request("GET", it.key().toLatin1()));
        QVERIFY2(g.status != 404 && g.status != 405, qPrintable(it.key()));
    }
}

void TestApi::streamDeliversEveryAlertOnceAcrossReconnects()
{
    // The headless workbench of `serve`: a replayed feed (dropped twice, re-sending frames on reconnect), the
    // pair ETHUSDT ~ BTCUSDT on 1 s bars, a rule that fires on every update, and two stream clients.
    test::ScratchDatabase dir;
    {
        const QString name = Database::uniqueConnectionName(QStringLiteral("t"));
        {
            QString error;
            QSqlDatabase db = Database::open(dir.spec(), name, &error);
            QVERIFY2(db.isValid(), qPrintable(error));
            AlertRule rule;
            rule.name = QStringLiteral("every");
            rule.pair = QStringLiteral("*");
            rule.expression = QStringLiteral("price_x > 0");
            rule.triggerMode = AlertTriggerMode::WhileTrue;
            rule.cooldownS = 0;
            QVERIFY(AlertStore(db).saveRule(rule, &error));
        }
        Database::close(name);
    }
    ReplayServer replay;
    QString error;
    QVERIFY2(replay.load(test::sharedData(QString::fromLatin1(test::CombinedRecording)), &error),
             qPrintable(error));
    replay.setFramesPerSecond(2500);
    replay.setDropAfterFrames(6000);
    replay.setOverlapOnReconnect(300);
    QSignalSpy served(&replay, &ReplayServer::finished);
    QVERIFY2(replay.listen(0, &error), qPrintable(error));
    ServeOptions options;
    options.api.port = 0;
    options.api.token = QString::fromLatin1(kToken);
    options.api.databasePath = dir.spec();
    options.endpoint = QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(replay.port()));
    options.pairs = {{QStringLiteral("ETHUSDT"), QStringLiteral("BTCUSDT")}};
    options.interval = Interval::S1;
    ServeController serve;
    QVERIFY2(serve.start(options, &error), qPrintable(error));
    const quint16 port = serve.server()->port();
    FeedStats lastStats;
    connect(serve.session(), &LiveSession::feedStatsUpdated, this,
            [&lastStats](const FeedStats &st) { lastStats = st; });

    struct Client
    {
        QWebSocket ws;
        QList<qint64> ids;
        int pairs = 0, closedBars = 0;
        qint64 lastId = 0;
    };
    auto connectClient = [&](Client &c, const QString &query) {
        QObject::connect(&c.ws, &QWebSocket::textMessageReceived, &c.ws, [&c](const QString &m) {
            const QJsonObject o = QJsonDocument::fromJson(m.toUtf8()).object();
            const QString type = o.value(QStringLiteral("type")).toString();
            if (type == QLatin1String("alert")) {
                c.ids << o.value(QStringLiteral("event")).toObject().value(QStringLiteral("id")).toInteger();
                c.lastId = c.ids.last();
            } else if (type == QLatin1String("pair")) {
                ++c.pairs;
            } else if (type == QLatin1String("bar") && o.value(QStringLiteral("closed")).toBool()) {
                ++c.closedBars;
            }
        });
        QNetworkRequest req(QUrl(QStringLiteral("ws://127.0.0.1:%1/v1/stream%2").arg(port).arg(query)));
        req.setRawHeader("Authorization", "Bearer " + QByteArray(kToken));
        c.ws.open(req);
    };
    Client a, b;
    connectClient(a, QString());
    QTRY_VERIFY_WITH_TIMEOUT(a.ws.state() == QAbstractSocket::ConnectedState, 5000);
    // b subscribes to alerts only, leaves after its first events and comes back with ?since=<its last id>.
    connectClient(b, QStringLiteral("?topics=alerts"));
    QTRY_VERIFY_WITH_TIMEOUT(b.ids.size() >= 3, 60000);
    b.ws.close();
    QTRY_VERIFY(b.ws.state() == QAbstractSocket::UnconnectedState);
    const qint64 bLast = b.lastId;
    QTest::qWait(1500); // events fire while b is away
    Client b2;
    connectClient(b2, QStringLiteral("?topics=alerts&since=%1").arg(bLast));
    QTRY_VERIFY_WITH_TIMEOUT(b2.ws.state() == QAbstractSocket::ConnectedState, 5000);

    // The whole recording is served (through the drops), stored once, and the alerts settle.
    QTRY_VERIFY_WITH_TIMEOUT(served.size() >= 1, 60000);
    QTRY_COMPARE_WITH_TIMEOUT(serve.server() ? [&] {
        qint64 n = 0;
        QString e;
        Database::withReader(dir.spec(), [&](QSqlDatabase &db) { n = BarStore::tickCount(db); }, &e);
        return n;
    }() : 0, qint64(16821), 30000);
    QList<AlertEvent> stored;
    qint64 settled = -1;
    for (int i = 0; i < 100 && settled != stored.size(); ++i) {
        settled = stored.size();
        QTest::qWait(500);
        Database::withReader(
            dir.spec(),
            [&](QSqlDatabase &db) {
                AlertEventFilter f;
                f.oldestFirst = true;
                stored = AlertStore(db).queryEvents(f, &error);
            },
            &error);
    }
    QVERIFY(stored.size() > 5);
    QList<qint64> want;
    for (const AlertEvent &e : stored)
        want << e.id;
    QTRY_COMPARE_WITH_TIMEOUT(a.ids.size(), want.size(), 10000);
    QCOMPARE(a.ids, want); // every event, once, in order
    QVERIFY2(lastStats.reconnects >= 2,
             qPrintable(QString::number(lastStats.reconnects))); // the feed was dropped
    qInfo("%lld alert events, %d pair updates, %d closed bars, b left after %lld", qint64(want.size()),
          a.pairs, a.closedBars, qint64(b.ids.size()));
    QVERIFY(a.pairs > 0);
    QVERIFY(a.closedBars > 0);
    // b before it left and after it came back: every event exactly once.
    QList<qint64> bAll = b.ids;
    QTRY_COMPARE_WITH_TIMEOUT(bAll.size() + b2.ids.size(), want.size(), 10000);
    bAll += b2.ids;
    QCOMPARE(bAll, want);
    QVERIFY(serve.session());
    a.ws.close();
    b2.ws.close();
    serve.stop();
}

QTEST_GUILESS_MAIN(TestApi)
#include "tst_api.moc"
