#include "session/live_session.h"

namespace pairlab {

void registerMetaTypes()
{
    qRegisterMetaType<pairlab::TickBatch>("pairlab::TickBatch");
    qRegisterMetaType<pairlab::BarBatch>("pairlab::BarBatch");
    qRegisterMetaType<pairlab::WriteStats>("pairlab::WriteStats");
    qRegisterMetaType<pairlab::FeedState>("pairlab::FeedState");
    qRegisterMetaType<pairlab::FeedStats>("pairlab::FeedStats");
}

LiveSession::LiveSession(FeedConfig feed, QString databasePath, QObject *parent)
    : QObject(parent), m_config(std::move(feed)), m_dbPath(std::move(databasePath))
{
    registerMetaTypes();
    m_feedThread.setObjectName(QStringLiteral("pairlab-feed"));
    m_storageThread.setObjectName(QStringLiteral("pairlab-storage"));
}

LiveSession::~LiveSession()
{
    stop();
}

void LiveSession::start()
{
    if (m_running)
        return;
    m_running = true;
    m_feed = new BinanceFeed(m_config);
    m_writer = new TickWriter(m_dbPath);
    m_writer->setRetryInterval(m_storageRetryMs);
    m_feed->moveToThread(&m_feedThread);
    m_writer->moveToThread(&m_storageThread);
    connect(&m_feedThread, &QThread::finished, m_feed, &QObject::deleteLater);
    connect(&m_storageThread, &QThread::finished, m_writer, &QObject::deleteLater);

    connect(m_feed, &BinanceFeed::ticks, m_writer, &TickWriter::writeBatch);
    connect(m_writer, &TickWriter::stored, this, &LiveSession::stored);
    connect(m_writer, &TickWriter::failed, this, &LiveSession::storageError);
    connect(m_writer, &TickWriter::recovered, this, &LiveSession::storageRecovered);
    connect(m_feed, &BinanceFeed::stateChanged, this, &LiveSession::feedStateChanged);
    connect(m_feed, &BinanceFeed::statsUpdated, this, &LiveSession::feedStatsUpdated);
    connect(m_feed, &BinanceFeed::streamSilent, this, &LiveSession::streamSilent);
    connect(m_feed, &BinanceFeed::streamResumed, this, &LiveSession::streamResumed);
    connect(m_feed, &BinanceFeed::errorReply, this, &LiveSession::errorReply);
    connect(m_feed, &BinanceFeed::recordingChanged, this, &LiveSession::recordingChanged);

    m_storageThread.start();
    m_feedThread.start();
    QMetaObject::invokeMethod(m_writer, &TickWriter::openOrRetry);
    QMetaObject::invokeMethod(m_feed, &BinanceFeed::start);
}

void LiveSession::stop()
{
    if (!m_running)
        return;
    m_running = false;
    // Events run in posting order on each thread: the feed stops (flushing its last batch into the
    // writer's queue) and then quits; once it is gone, the writer drains that queue and quits.
    auto quitHere = [] { QThread::currentThread()->quit(); };
    QMetaObject::invokeMethod(m_feed, &BinanceFeed::stop);
    QMetaObject::invokeMethod(m_feed, quitHere);
    m_feedThread.wait();
    QMetaObject::invokeMethod(m_writer, quitHere);
    m_storageThread.wait();
    m_feed = nullptr;
    m_writer = nullptr;
}

void LiveSession::startRecording(const QString &path)
{
    if (m_feed)
        QMetaObject::invokeMethod(m_feed, [f = m_feed, path] { f->startRecording(path); });
}

void LiveSession::stopRecording()
{
    if (m_feed)
        QMetaObject::invokeMethod(m_feed, &BinanceFeed::stopRecording);
}

} // namespace pairlab
