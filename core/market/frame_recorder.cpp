#include "market/frame_recorder.h"

#include "io/number_format.h"

#include <QObject>

namespace pairlab {

bool FrameRecorder::open(const QString &path, QString *error)
{
    close();
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append)) {
        if (error)
            *error = QObject::tr("cannot record to %1: %2").arg(path, m_file.errorString());
        return false;
    }
    m_frames = 0;
    return true;
}

void FrameRecorder::write(std::string_view frame, qint64 localNs)
{
    if (!m_file.isOpen())
        return;
    appendInt(m_buffer, localNs);
    m_buffer.append(' ');
    // A frame is one line: Binance never sends raw newlines inside JSON, but be safe.
    for (char c : frame)
        m_buffer.append(c == '\n' || c == '\r' ? ' ' : c);
    m_buffer.append('\n');
    ++m_frames;
    if (m_buffer.size() > (1 << 16))
        flush();
}

void FrameRecorder::flush()
{
    if (m_file.isOpen() && !m_buffer.isEmpty()) {
        m_file.write(m_buffer);
        m_file.flush();
        m_buffer.clear();
    }
}

void FrameRecorder::close()
{
    flush();
    if (m_file.isOpen())
        m_file.close();
}

} // namespace pairlab
