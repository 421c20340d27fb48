#include "cli/commands.h"
#include "market/replay_server.h"
#include "session/live_session.h"
#include "storage/bar_store.h"
#include "storage/database.h"

#include "real_ticks.h"
#include "test_database.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QTimer>

using namespace pairlab;

/** pairlab-cli's headless commands as a user runs them: ingest a recording or a replayed stream, export
 *  bars, and clear errors with exit codes for bad usage and bad input. */
class TestCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        registerMetaTypes();
        test::backendAvailable();
    }
    void ingestFileThenExportBars();
    void ingestFromReplayServerStopsWhenIdle();
    void exportsTicksOfATimeRange();
    void reportsUsageAndInputErrors_data();
    void reportsUsageAndInputErrors();
};

namespace {
struct Run
{
    int code = -1;
    QString out, err;
};
template <typename F>
Run run(F command, const QStringList &args)
{
    Run r;
    QTextStream out(&r.out), err(&r.err);
    r.code = command(args, out, err);
    out.flush();
    err.flush();
    return r;
}
} // namespace

void TestCli::ingestFileThenExportBars()
{
    test::ScratchDatabase dir;
    const QString db = dir.spec();
    const QString rec = test::sharedData(QString::fromLatin1(test::CombinedRecording));
    Run r = run(cli::ingest, {QStringLiteral("--file"), rec, QStringLiteral("--db"), db});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QLatin1String("ticks stored 16821")), qPrintable(r.out));
    QVERIFY(r.out.contains(QLatin1String("malformed 0")));
    // Again: everything is a duplicate.
    r = run(cli::ingest, {QStringLiteral("--file"), rec, QStringLiteral("--db"), db});
    QVERIFY2(r.out.contains(QLatin1String("ticks stored 0, duplicates 16821")), qPrintable(r.out));

    const QString csv = dir.filePath(QStringLiteral("btc.csv"));
    r = run(cli::exportData, {QStringLiteral("bars"), QStringLiteral("--db"), db, QStringLiteral("--symbol"),
                              QStringLiteral("btcusdt"), QStringLiteral("--interval"), QStringLiteral("1m"),
                              QStringLiteral("--out"), csv});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
    QCOMPARE(lines.first(), QByteArray("open_ms,open,high,low,close,volume,trades"));
    // BTCUSDT trades run 23:58:01.29 .. 23:59:59.643 (SOURCES.md): two 1-minute bins, 23:58 and 23:59.
    QCOMPARE(lines.size(), 1 + 2);
    qint64 trades = 0;
    for (int i = 1; i < lines.size(); ++i)
        trades += lines[i].split(',').last().toLongLong();
    QCOMPARE(trades, 10777);
    QVERIFY(lines[1].startsWith("1723161480000,")); // 2024-08-08 23:58:00 UTC
}

void TestCli::ingestFromReplayServerStopsWhenIdle()
{
    ReplayServer server;
    QString error;
    QVERIFY(server.load(test::sharedData(QString::fromLatin1(test::CombinedRecording)), &error));
    server.setSpeed(0);
    QVERIFY(server.listen(0, &error));
    test::ScratchDatabase dir;
    const Run r = run(cli::ingest, {QStringLiteral("--url"), server.url().toString(), QStringLiteral("--db"),
                                    dir.spec(), QStringLiteral("--idle-exit"), QStringLiteral("2")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QLatin1String("ticks stored 16821, duplicates 0")), qPrintable(r.out));
}

void TestCli::exportsTicksOfATimeRange()
{
    test::ScratchDatabase dir;
    const QString db = dir.spec();
    Run r = run(cli::ingest, {QStringLiteral("--file"), test::sharedData(QString::fromLatin1(test::CombinedRecording)),
                              QStringLiteral("--db"), db});
    QCOMPARE(r.code, 0);
    // One minute of ETHUSDT: 23:59:00 (inclusive) to 00:00:00 (exclusive) UTC, once as ISO and once as ms.
    const QString csv = dir.filePath(QStringLiteral("eth.csv"));
    r = run(cli::exportData, {QStringLiteral("ticks"), QStringLiteral("--db"), db, QStringLiteral("--symbol"), QStringLiteral("ETHUSDT"),
                              QStringLiteral("--from"), QStringLiteral("2024-08-08T23:59:00Z"), QStringLiteral("--to"),
                              QStringLiteral("1723161600000"), QStringLiteral("--out"), csv});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
    QCOMPARE(lines.first(), QByteArray("ts_ms,trade_id,price,qty,buyer_maker"));
    // Independent count from the recording.
    int expected = 0;
    for (const Tick &t : test::loadRealTicks(QString::fromLatin1(test::CombinedRecording)))
        expected += t.symbol.view() == "ETHUSDT" && t.tsMs >= 1723161540000 && t.tsMs < 1723161600000;
    QCOMPARE(lines.size() - 1, expected);
    for (int i = 1; i < lines.size(); ++i) {
        const qint64 ts = lines[i].split(',').first().toLongLong();
        QVERIFY(ts >= 1723161540000 && ts < 1723161600000);
    }
    // Alert events of the same database: none yet, a header only.
    const QString events = dir.filePath(QStringLiteral("events.csv"));
    r = run(cli::exportData, {QStringLiteral("events"), QStringLiteral("--db"), db, QStringLiteral("--out"), events});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QFile ef(events);
    QVERIFY(ef.open(QIODevice::ReadOnly));
    QVERIFY(ef.readLine().startsWith("id,"));
    r = run(cli::exportData, {QStringLiteral("ticks"), QStringLiteral("--db"), db, QStringLiteral("--symbol"), QStringLiteral("ETHUSDT"),
                              QStringLiteral("--from"), QStringLiteral("yesterday"), QStringLiteral("--out"), csv});
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains(QLatin1String("--from")));
}

void TestCli::reportsUsageAndInputErrors_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("ingestWithoutDb") << "ingest" << QStringList{QStringLiteral("--file"), QStringLiteral("x")} << 2 << "--db";
    QTest::newRow("ingestMissingFile") << "ingest"
                                       << QStringList{QStringLiteral("--file"), QStringLiteral("/nonexistent/rec.jsonl"),
                                                      QStringLiteral("--db"), QStringLiteral("/tmp/never.sqlite")}
                                       << 1 << "/nonexistent/rec.jsonl";
    QTest::newRow("ingestBadUrl") << "ingest" << QStringList{QStringLiteral("--url"), QStringLiteral("http://x"),
                                                             QStringLiteral("--db"), QStringLiteral("/tmp/never.sqlite")}
                                  << 2 << "ws://";
    QTest::newRow("exportNoDatabase") << "export"
                                      << QStringList{QStringLiteral("bars"), QStringLiteral("--db"), QStringLiteral("/nonexistent.sqlite"),
                                                     QStringLiteral("--symbol"), QStringLiteral("BTCUSDT"), QStringLiteral("--interval"),
                                                     QStringLiteral("1m"), QStringLiteral("--out"), QStringLiteral("/tmp/x.csv")}
                                      << 1 << "no database";
    QTest::newRow("exportBadInterval") << "export"
                                       << QStringList{QStringLiteral("bars"), QStringLiteral("--db"), QStringLiteral("a"),
                                                      QStringLiteral("--symbol"), QStringLiteral("B"), QStringLiteral("--interval"),
                                                      QStringLiteral("2h"), QStringLiteral("--out"), QStringLiteral("o")}
                                       << 2 << "1s, 1m, 5m";
    QTest::newRow("postgresUrlWithoutDatabase")
        << "ingest" << QStringList{QStringLiteral("--file"), QStringLiteral("demo"), QStringLiteral("--db"), QStringLiteral("postgresql://user@db.example")}
        << 1 << "names no database";
    QTest::newRow("postgresUrlUnknownParameter")
        << "ingest" << QStringList{QStringLiteral("--file"), QStringLiteral("demo"), QStringLiteral("--db"), QStringLiteral("postgresql://db.example/pairlab?sslmod=require")}
        << 1 << "unknown parameter 'sslmod'";
    QTest::newRow("exportEventsNoDb") << "export" << QStringList{QStringLiteral("events"), QStringLiteral("--db"), QStringLiteral("/nonexistent.sqlite"), QStringLiteral("--out"), QStringLiteral("/tmp/e.csv")} << 1 << "no database";
    QTest::newRow("exportUnknownKind") << "export" << QStringList{QStringLiteral("candles")} << 2 << "usage";
    QTest::newRow("replayBadPort") << "replay" << QStringList{QStringLiteral("--port"), QStringLiteral("99999")} << 2 << "--port";
    QTest::newRow("benchUnknown") << "bench" << QStringList{QStringLiteral("nothing")} << 2 << "usage";
}

void TestCli::reportsUsageAndInputErrors()
{
    QFETCH(QString, command);
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, message);
    Run r;
    if (command == QLatin1String("ingest"))
        r = run(cli::ingest, args);
    else if (command == QLatin1String("export"))
        r = run(cli::exportData, args);
    else if (command == QLatin1String("replay"))
        r = run(cli::replay, args);
    else
        r = run(cli::bench, args);
    QCOMPARE(r.code, code);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
