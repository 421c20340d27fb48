// The log file rotates by size and keeps a fixed number of files; the sink is fed by Qt's message handler
// from any thread and hands its queue to one consumer.
#include "logging/log_categories.h"
#include "logging/log_sink.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace pairlab;

namespace {

QStringList linesOf(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    return QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

/** A line of exactly 99 characters (100 bytes with its newline) ending in n. */
QString line(int n)
{
    const QString tail = QStringLiteral(" %1").arg(n, 4, 10, QLatin1Char('0'));
    return QString(99 - tail.size(), QLatin1Char('x')) + tail;
}

} // namespace

class TestLogSink : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rotatesAtTheSizeLimitAndKeepsNFiles();
    void keepOneTruncatesInPlace();
    void installedSinkWritesEveryCategoryToTheFileAndQueue();
    void messagesFromAnotherThreadReachTheQueue();
    void fullQueueDropsTheOldest();
    void uninstallStopsCollecting();
    void credentialsNeverReachTheFileOrTheQueue();
};

void TestLogSink::rotatesAtTheSizeLimitAndKeepsNFiles()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("logs/pairlab.log"));
    RotatingLogFile file(path, 1000, 3);
    for (int i = 0; i < 50; ++i)
        QVERIFY(file.write(line(i)));
    // 10 lines per file: 0–9, 10–19, 20–29, 30–39, 40–49; the newest three files remain.
    QVERIFY(QFile::exists(path));
    QVERIFY(QFile::exists(path + QStringLiteral(".1")));
    QVERIFY(QFile::exists(path + QStringLiteral(".2")));
    QVERIFY(!QFile::exists(path + QStringLiteral(".3")));
    QCOMPARE(QDir(dir.filePath(QStringLiteral("logs"))).entryList(QDir::Files).size(), 3);
    for (const QString &p : {path, path + QStringLiteral(".1"), path + QStringLiteral(".2")}) {
        QCOMPARE(QFileInfo(p).size(), qint64(1000));
        QCOMPARE(linesOf(p).size(), 10);
    }
    QCOMPARE(linesOf(path).first(), line(40));
    QCOMPARE(linesOf(path).last(), line(49));
    QCOMPARE(linesOf(path + QStringLiteral(".1")).first(), line(30));
    QCOMPARE(linesOf(path + QStringLiteral(".2")).first(), line(20));

    // A new writer appends to the existing file and rotates when it is full.
    RotatingLogFile again(path, 1000, 3);
    QVERIFY(again.write(line(50)));
    QCOMPARE(linesOf(path).size(), 1);
    QCOMPARE(linesOf(path + QStringLiteral(".1")).first(), line(40));
}

void TestLogSink::keepOneTruncatesInPlace()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("pairlab.log"));
    RotatingLogFile file(path, 250, 1);
    for (int i = 0; i < 7; ++i)
        QVERIFY(file.write(line(i)));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("pairlab.log")});
    QCOMPARE(linesOf(path), (QStringList{line(6)}));
}

void TestLogSink::credentialsNeverReachTheFileOrTheQueue()
{
    QTemporaryDir dir;
    {
        LogSink sink(dir.filePath(QStringLiteral("logs")), 4096, 5);
        LogSink::install(&sink);
        qCInfo(lcStorage).noquote() << "database set to postgresql://pairlab:s3cret@db.example:5432/pairlab";
        qCWarning(lcStorage).noquote() << "cannot connect: host=db.example password=hunter2 dbname=pairlab";
        qCInfo(lcFeed).noquote() << "connecting to wss://fstream.binance.com:443/market (alice@example.com)";
        LogSink::uninstall();
        const std::vector<LogEntry> queued = sink.takePending();
        QCOMPARE(queued.size(), std::size_t(3));
        QCOMPARE(queued[0].message,
                 QStringLiteral("database set to postgresql://pairlab:***@db.example:5432/pairlab"));
        QCOMPARE(queued[1].message,
                 QStringLiteral("cannot connect: host=db.example password=*** dbname=pairlab"));
        QCOMPARE(queued[2].message,
                 QStringLiteral("connecting to wss://fstream.binance.com:443/market (alice@example.com)"));
    }
    QFile f(dir.filePath(QStringLiteral("logs/pairlab.log")));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray text = f.readAll();
    QVERIFY(!text.contains("s3cret"));
    QVERIFY(!text.contains("hunter2"));
    QCOMPARE(text.count("***"), 2);
}

void TestLogSink::installedSinkWritesEveryCategoryToTheFileAndQueue()
{
    QTemporaryDir dir;
    {
        LogSink sink(dir.filePath(QStringLiteral("logs")), 4096, 5);
        LogSink::install(&sink);
        QCOMPARE(LogSink::instance(), &sink);
        qCInfo(lcFeed) << "connected to the test endpoint";
        qCWarning(lcStorage) << "disk full";
        qCCritical(lcWorkspace) << "cannot save";
        LogSink::uninstall();
        const std::vector<LogEntry> queued = sink.takePending();
        QCOMPARE(queued.size(), std::size_t(3));
        QCOMPARE(queued[0].category, QStringLiteral("pairlab.feed"));
        QCOMPARE(queued[0].level, LogLevel::Info);
        QCOMPARE(queued[0].message, QStringLiteral("connected to the test endpoint"));
        QCOMPARE(queued[1].level, LogLevel::Warning);
        QCOMPARE(queued[2].level, LogLevel::Critical);
        QCOMPARE(queued[2].category, QStringLiteral("pairlab.workspace"));
        QVERIFY(sink.takePending().empty()); // taken once
        QCOMPARE(sink.filePath(), dir.filePath(QStringLiteral("logs/pairlab.log")));
    }
    const QStringList lines = linesOf(dir.filePath(QStringLiteral("logs/pairlab.log")));
    QCOMPARE(lines.size(), 3);
    QVERIFY2(lines[0].endsWith(QLatin1String(" info pairlab.feed: connected to the test endpoint")),
             qPrintable(lines[0]));
    QVERIFY2(lines[1].contains(QLatin1String(" warning pairlab.storage: disk full")), qPrintable(lines[1]));
    // ISO-8601 UTC time stamp with milliseconds first.
    QVERIFY(QDateTime::fromString(lines[0].section(QLatin1Char(' '), 0, 0), Qt::ISODateWithMs).isValid());
}

void TestLogSink::messagesFromAnotherThreadReachTheQueue()
{
    QTemporaryDir dir;
    LogSink sink(dir.filePath(QStringLiteral("logs")), 1000, 5);
    int wakes = 0;
    sink.setWake([&wakes] { ++wakes; }); // under the sink's lock: no data race on wakes
    LogSink::install(&sink);
    QScopedPointer<QThread> thread(QThread::create([] {
        for (int i = 0; i < 100; ++i)
            qCDebug(lcFeed).noquote() << QStringLiteral("frame %1").arg(i, 3, 10, QLatin1Char('0'));
    }));
    thread->start();
    QVERIFY(thread->wait(10000));
    LogSink::uninstall();
    const std::vector<LogEntry> queued = sink.takePending();
    QCOMPARE(queued.size(), std::size_t(100));
    QCOMPARE(queued.front().message, QStringLiteral("frame 000"));
    QCOMPARE(queued.back().message, QStringLiteral("frame 099"));
    QCOMPARE(wakes, 1); // one wake for the empty -> non-empty transition
    // 55 bytes a line, 1000-byte files (18 lines each): the file rotated, and never more than 5 files exist.
    const QStringList files = QDir(dir.filePath(QStringLiteral("logs"))).entryList(QDir::Files);
    QCOMPARE(files.size(), 5);
    QVERIFY(files.contains(QStringLiteral("pairlab.log.4")));
    QVERIFY(linesOf(dir.filePath(QStringLiteral("logs/pairlab.log")))
                .last()
                .endsWith(QLatin1String("frame 099")));
}

void TestLogSink::fullQueueDropsTheOldest()
{
    LogSink sink(QString(), LogSink::DefaultMaxBytes, LogSink::DefaultKeep, 10);
    for (int i = 0; i < 25; ++i)
        sink.add({i, LogLevel::Info, QStringLiteral("pairlab.test"), QString::number(i)});
    const std::vector<LogEntry> queued = sink.takePending();
    QCOMPARE(queued.size(), std::size_t(10));
    QCOMPARE(queued.front().message, QStringLiteral("15"));
    QCOMPARE(sink.dropped(), qint64(15));
    QVERIFY(sink.filePath().isEmpty());
}

void TestLogSink::uninstallStopsCollecting()
{
    LogSink sink{QString()};
    LogSink::install(&sink);
    qCInfo(lcImport) << "collected";
    LogSink::uninstall();
    QCOMPARE(LogSink::instance(), nullptr);
    qCInfo(lcImport) << "not collected";
    const std::vector<LogEntry> queued = sink.takePending();
    QCOMPARE(queued.size(), std::size_t(1));
    QCOMPARE(queued.front().message, QStringLiteral("collected"));
}

QTEST_GUILESS_MAIN(TestLogSink)
#include "tst_log_sink.moc"
