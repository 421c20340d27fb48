#pragma once

#include <QFile>
#include <QString>

#include <string_view>

namespace pairlab {

/** Writes raw frames of a live session as JSON lines prefixed by the local receive time in ns
 *  ("<ns> {...}"), the format ReplayServer and Recording read back. Buffered; flush() or close() to be sure
 *  everything reached the disk. Used on the feed thread. */
class FrameRecorder
{
public:
    FrameRecorder() = default;
    ~FrameRecorder() { close(); }
    FrameRecorder(const FrameRecorder &) = delete;
    FrameRecorder &operator=(const FrameRecorder &) = delete;

    bool open(const QString &path, QString *error);
    bool isOpen() const { return m_file.isOpen(); }
    void write(std::string_view frame, qint64 localNs);
    void flush();
    void close();
    qint64 framesWritten() const { return m_frames; }
    QString path() const { return m_file.fileName(); }

private:
    QFile m_file;
    QByteArray m_buffer;
    qint64 m_frames = 0;
};

} // namespace pairlab
