#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

#include <cstring>

namespace pairlab::cli {

/** A CSV file read whole and walked line by line without copies: LF or CRLF line ends, a UTF-8 BOM before
 *  the first line skipped. Used by the stable interfaces' readers (analyze, scan, johansen). */
class CsvLines
{
public:
    /** Reads path; false with "cannot open PATH: reason" in error. */
    bool open(const QString &path, QString &error)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            error = QStringLiteral("cannot open %1: %2").arg(path, f.errorString());
            return false;
        }
        m_data = f.readAll();
        m_p = m_data.constData();
        m_end = m_p + m_data.size();
        return true;
    }
    /** The next line as [b, e) without its line end; false at the end of the file. */
    bool next(const char *&b, const char *&e)
    {
        if (m_p >= m_end)
            return false;
        b = m_p;
        const void *nl = std::memchr(m_p, '\n', std::size_t(m_end - m_p));
        e = nl ? static_cast<const char *>(nl) : m_end;
        m_p = nl ? e + 1 : m_end;
        if (e > b && e[-1] == '\r')
            --e;
        if (b == m_data.constData() && e - b >= 3 && quint8(b[0]) == 0xEF && quint8(b[1]) == 0xBB &&
            quint8(b[2]) == 0xBF)
            b += 3; // UTF-8 BOM
        return true;
    }
    qsizetype size() const { return m_data.size(); }

private:
    QByteArray m_data;
    const char *m_p = nullptr, *m_end = nullptr;
};

} // namespace pairlab::cli
