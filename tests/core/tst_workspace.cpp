#include "workspace/workspace.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace pairlab;

/** Workspace files: save → load gives the same workspace, unknown fields survive, and every kind of bad
 *  file gets a clear message and leaves the current workspace untouched. */
class TestWorkspace : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTripsEveryField();
    void keepsUnknownFieldsOnSave();
    void rejectsBadFilesAndChangesNothing_data();
    void rejectsBadFilesAndChangesNothing();
    void savesAtomically();

private:
    static Workspace sample();
};

Workspace TestWorkspace::sample()
{
    Workspace w;
    w.symbols = {QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT"), QStringLiteral("SOLUSDT")};
    w.endpoint = QStringLiteral("wss://fstream.binance.com/market");
    w.streamKind = QStringLiteral("aggTrade");
    w.pairY = QStringLiteral("SOLUSDT");
    w.pairX = QStringLiteral("ETHUSDT");
    w.source = QStringLiteral("upload:ewa-ewc");
    w.intervalSeconds = 60;
    w.price = QStringLiteral("mid");
    w.window = 240;
    w.hedgeMethod = QStringLiteral("kalman");
    w.adfTrend = QStringLiteral("ct");
    w.entryZ = 2.25;
    w.exitZ = 0.25;
    w.universe = {QStringLiteral("BTCUSDT"), QStringLiteral("SOLUSDT")};
    w.spreadMode = QStringLiteral("basket");
    w.basketSymbols = {QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT"), QStringLiteral("XRPUSDT")};
    w.basketWeights = {1.0, -0.0415, -2.5e-4};
    w.alertRules = QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("wide")},
                                          {QStringLiteral("expression"), QStringLiteral("abs(z) > 2")}}};
    w.backtest = QJsonObject{{QStringLiteral("entry"), 2.0}, {QStringLiteral("fee_bps"), 4.0}};
    w.windowGeometry = QByteArray("\x01\x02geometry", 10);
    w.windowState = QByteArray("state\x00\xff", 7);
    w.activeView = QStringLiteral("pair");
    w.chartFromMs = 1723161480000;
    w.chartToMs = 1723161600000;
    return w;
}

void TestWorkspace::roundTripsEveryField()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("a.pairlab"));
    const Workspace w = sample();
    QString error;
    QVERIFY2(w.save(path, &error), qPrintable(error));
    Workspace back;
    QVERIFY2(Workspace::load(path, &back, &error), qPrintable(error));
    QVERIFY(back == w);
    QVERIFY(!(back == Workspace()));
}

void TestWorkspace::keepsUnknownFieldsOnSave()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("b.pairlab"));
    QJsonObject o = sample().toJson();
    o.insert(QStringLiteral("notes"), QStringLiteral("written by a colleague's newer build"));
    o.insert(QStringLiteral("plugins"), QJsonArray{1, 2, 3});
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QJsonDocument(o).toJson());
    f.close();
    Workspace w;
    QString error;
    QVERIFY2(Workspace::load(path, &w, &error), qPrintable(error));
    w.window = 30;
    QVERIFY(w.save(path, &error));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject again = QJsonDocument::fromJson(f.readAll()).object();
    QCOMPARE(again.value(QStringLiteral("notes")).toString(),
             QStringLiteral("written by a colleague's newer build"));
    QCOMPARE(again.value(QStringLiteral("plugins")).toArray().size(), 3);
    QCOMPARE(again.value(QStringLiteral("analysis")).toObject().value(QStringLiteral("window")).toInt(), 30);
}

void TestWorkspace::rejectsBadFilesAndChangesNothing_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("message");
    const QByteArray good = QJsonDocument(sample().toJson()).toJson();
    QTest::newRow("truncated") << good.left(good.size() / 2) << QStringLiteral("not valid JSON");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("not valid JSON");
    QTest::newRow("binary") << QByteArray("\x00\x01\x02\xff", 4) << QStringLiteral("not valid JSON");
    QTest::newRow("array") << QByteArray("[1,2]") << QStringLiteral("expected a JSON object");
    QTest::newRow("notAWorkspace") << QByteArray(R"({"name":"something else"})")
                                   << QStringLiteral("not a PairLab workspace");
    QTest::newRow("futureVersion") << QByteArray(good).replace("\"version\": 1", "\"version\": 7")
                                   << QStringLiteral("newer PairLab");
    // Found by fuzz_workspace: a version beyond int was read as 0 and the file loaded as the current format.
    QTest::newRow("futureVersionBeyondInt")
        << QByteArray(good).replace("\"version\": 1", "\"version\": 19007199254740993")
        << QStringLiteral("newer PairLab");
    QTest::newRow("windowAsText") << QByteArray(good).replace("\"window\": 240", "\"window\": \"240\"")
                                  << QStringLiteral("analysis.window");
    QTest::newRow("windowTooSmall") << QByteArray(good).replace("\"window\": 240", "\"window\": 1")
                                    << QStringLiteral("analysis.window");
    QTest::newRow("unknownPrice") << QByteArray(good).replace("\"mid\"", "\"last\"")
                                  << QStringLiteral("pair.price");
    QTest::newRow("unknownHedge") << QByteArray(good).replace("\"kalman\"", "\"magic\"")
                                  << QStringLiteral("analysis.hedge");
    QTest::newRow("badSymbol") << QByteArray(good).replace("\"ETHUSDT\",", "\"../../etc/passwd\",")
                               << QStringLiteral("feed.symbols");
    QTest::newRow("httpEndpoint") << QByteArray(good).replace("wss://fstream", "http://fstream")
                                  << QStringLiteral("feed.endpoint");
    // Text fields: no control characters, no absurd length, no credentials in the address; the dataset and
    // the universe name things in the database, never files.
    QTest::newRow("controlCharacterInEndpoint")
        << QByteArray(good).replace("fstream.binance.com", "fstream\\u0000.binance.com")
        << QStringLiteral("feed.endpoint");
    QTest::newRow("newlineInSource") << QByteArray(good).replace("upload:ewa-ewc", "upload:ewa\\nrm -rf ~")
                                     << QStringLiteral("pair.source");
    QTest::newRow("overlongEndpoint") << QByteArray(good).replace("/market", "/" + QByteArray(5000, 'a'))
                                      << QStringLiteral("feed.endpoint");
    QTest::newRow("endpointWithPassword")
        << QByteArray(good).replace("wss://fstream", "wss://user:secret@fstream")
        << QStringLiteral("user name or password");
    QTest::newRow("endpointWithoutHost")
        << QByteArray(good).replace("wss://fstream.binance.com/market", "wss:///etc/passwd")
        << QStringLiteral("feed.endpoint");
    QTest::newRow("emptyDataset") << QByteArray(good).replace("upload:ewa-ewc", "upload:")
                                  << QStringLiteral("pair.source");
    QTest::newRow("pathInUniverse") << QByteArray(good).replace("\"SOLUSDT\"\n    ]",
                                                                "\"/home/user/.ssh/id_rsa\"\n    ]")
                                    << QStringLiteral("universe");
    QTest::newRow("unknownSpreadMode")
        << QByteArray(good).replace("\"mode\": \"basket\"", "\"mode\": \"triple\"")
        << QStringLiteral("spread.mode");
    QTest::newRow("weightAsText") << QByteArray(good).replace("-0.0415", "\"-0.0415\"")
                                  << QStringLiteral("spread.basket.weights");
    QTest::newRow("weightMissing") << QByteArray(good).replace("-0.0415,", "")
                                   << QStringLiteral("2 weights for 3 legs");
    QTest::newRow("badBasketSymbol") << QByteArray(good).replace("\"XRPUSDT\"", "\"XRP/USDT\"")
                                     << QStringLiteral("spread.basket.symbols");
    QTest::newRow("badBase64") << QByteArray(good).replace("\"state\": \"", "\"state\": \"***")
                               << QStringLiteral("layout.state");
}

void TestWorkspace::rejectsBadFilesAndChangesNothing()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.pairlab"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
    f.close();
    Workspace current = sample();
    const Workspace before = current;
    QString error;
    QVERIFY(!Workspace::load(path, &current, &error));
    QVERIFY2(error.contains(message), qPrintable(error));
    QVERIFY2(error.contains(path), qPrintable(error)); // says which file
    QVERIFY(current == before);
}

void TestWorkspace::savesAtomically()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("c.pairlab"));
    QString error;
    QVERIFY(sample().save(path, &error));
    QVERIFY(Workspace().save(path, &error));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files),
             QStringList{QStringLiteral("c.pairlab")}); // no temporary left
    // A save into a directory that does not exist fails cleanly and says where.
    QVERIFY(!sample().save(dir.filePath(QStringLiteral("missing/d.pairlab")), &error));
    QVERIFY(error.contains(QLatin1String("missing")));
}

QTEST_GUILESS_MAIN(TestWorkspace)
#include "tst_workspace.moc"
