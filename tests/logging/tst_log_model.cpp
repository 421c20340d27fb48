// The log model: batches from the sink at ≤ 25 Hz, capped rows, level/text filter; checked with
// QAbstractItemModelTester.
#include "logging/log_categories.h"
#include "logging/log_model.h"
#include "logging/log_sink.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace pairlab;

namespace {

std::vector<LogEntry> entries(int first, int count, LogLevel level = LogLevel::Info,
                              const QString &category = QStringLiteral("pairlab.test"))
{
    std::vector<LogEntry> out;
    for (int i = first; i < first + count; ++i)
        out.push_back({1723111200000 + i, level, category, QStringLiteral("message %1").arg(i)});
    return out;
}

} // namespace

class TestLogModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void appendsAndCapsRows();
    void filterByLevelAndText();
    void messagesFromAnotherThreadReachTheModelInBatches();
    void floodKeepsTheNewestRows();
};

void TestLogModel::appendsAndCapsRows()
{
    LogModel model(nullptr, 100);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.columnCount(), int(LogModel::ColumnCount));
    model.append(entries(0, 60));
    QCOMPARE(model.rowCount(), 60);
    model.append(entries(60, 60)); // 120 > 100: the 20 oldest go
    QCOMPARE(model.rowCount(), 100);
    QCOMPARE(model.entry(0).message, QStringLiteral("message 20"));
    QCOMPARE(model.index(99, LogModel::Message).data().toString(), QStringLiteral("message 119"));
    model.append(entries(120, 250)); // one batch larger than the cap: only its newest 100 stay
    QCOMPARE(model.rowCount(), 100);
    QCOMPARE(model.entry(0).message, QStringLiteral("message 270"));
    QCOMPARE(model.index(0, LogModel::Category).data().toString(), QStringLiteral("pairlab.test"));
    QCOMPARE(model.index(0, LogModel::Level).data().toString(), QStringLiteral("Info"));
    QCOMPARE(model.index(0, LogModel::Level).data(LogModel::LevelRole).toInt(), int(LogLevel::Info));
    QCOMPARE(model.index(0, LogModel::Time).data(LogModel::TimeMsRole).toLongLong(), 1723111200000 + 270);
    QCOMPARE(model.index(0, LogModel::Time).data().toString().size(), 12); // HH:mm:ss.zzz
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestLogModel::filterByLevelAndText()
{
    LogModel model(nullptr, 1000);
    LogFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.append(entries(0, 5, LogLevel::Debug));
    model.append(entries(5, 5, LogLevel::Info, QStringLiteral("pairlab.feed")));
    model.append(entries(10, 3, LogLevel::Warning, QStringLiteral("pairlab.feed")));
    model.append(entries(13, 2, LogLevel::Critical, QStringLiteral("pairlab.storage")));
    QCOMPARE(filter.rowCount(), 15);
    filter.setMinimumLevel(LogLevel::Info);
    QCOMPARE(filter.rowCount(), 10);
    filter.setMinimumLevel(LogLevel::Warning);
    QCOMPARE(filter.rowCount(), 5);
    filter.setText(QStringLiteral("STORAGE")); // category, case-insensitive
    QCOMPARE(filter.rowCount(), 2);
    filter.setText(QStringLiteral("message 11")); // message text
    QCOMPARE(filter.rowCount(), 1);
    filter.setMinimumLevel(LogLevel::Critical);
    QCOMPARE(filter.rowCount(), 0);
    filter.setMinimumLevel(LogLevel::Debug);
    filter.setText(QString());
    model.append(entries(15, 1, LogLevel::Warning)); // new rows pass through the filter as they arrive
    QCOMPARE(filter.rowCount(), 16);
}

void TestLogModel::messagesFromAnotherThreadReachTheModelInBatches()
{
    LogSink sink{QString()};
    LogSink::install(&sink);
    LogModel model(&sink);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy batches(&model, &LogModel::appended);
    QScopedPointer<QThread> thread(QThread::create([] {
        for (int i = 0; i < 300; ++i)
            qCWarning(lcFeed).noquote() << QStringLiteral("reconnect %1").arg(i);
    }));
    thread->start();
    QVERIFY(thread->wait(10000));
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 300, 5000);
    LogSink::uninstall();
    QCOMPARE(model.entry(0).category, QStringLiteral("pairlab.feed"));
    QCOMPARE(model.entry(0).level, LogLevel::Warning);
    QCOMPARE(model.entry(299).message, QStringLiteral("reconnect 299"));
    // Coalesced: the thread logged 300 messages before the GUI thread looked, so they arrived together.
    QVERIFY2(batches.size() <= 3, qPrintable(QString::number(batches.size())));
}

void TestLogModel::floodKeepsTheNewestRows()
{
    LogSink sink{QString()};
    LogModel model(&sink);
    QSignalSpy batches(&model, &LogModel::appended);
    QScopedPointer<QThread> thread(QThread::create([&sink] {
        for (int i = 0; i < 50000; ++i)
            sink.add({i, LogLevel::Info, QStringLiteral("pairlab.feed"), QString::number(i)});
    }));
    QElapsedTimer clock;
    clock.start();
    thread->start();
    // The GUI thread keeps turning while the flood runs; the model never holds more than its cap.
    while (!thread->isFinished()) {
        QTest::qWait(5);
        QVERIFY(model.rowCount() <= LogModel::DefaultMaxRows);
    }
    const auto lastMessage = [&model] {
        return model.rowCount() ? model.entry(model.rowCount() - 1).message : QString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(lastMessage(), QStringLiteral("49999"), 5000);
    QCOMPARE(model.rowCount(), LogModel::DefaultMaxRows);
    QCOMPARE(model.entry(0).message, QStringLiteral("40000")); // the newest 10,000, in order
    // Batches come at most every FlushIntervalMs (plus the final one).
    QVERIFY2(batches.size() <= clock.elapsed() / LogModel::FlushIntervalMs + 2,
             qPrintable(QStringLiteral("%1 batches in %2 ms").arg(batches.size()).arg(clock.elapsed())));
}

QTEST_GUILESS_MAIN(TestLogModel)
#include "tst_log_model.moc"
