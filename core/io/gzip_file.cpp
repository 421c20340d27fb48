#include "io/gzip_file.h"

#include <QCoreApplication>
#include <QFile>

#include <zlib.h>

#include <limits>

namespace pairlab {

bool readMaybeGzip(const QString &path, QByteArray *content, QString *error)
{
    const auto say = [&](const QString &why) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, why);
        return false;
    };
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return say(f.errorString());
    const QByteArray raw = f.readAll();
    if (raw.size() < 2 || uchar(raw[0]) != 0x1f || uchar(raw[1]) != 0x8b) {
        *content = raw;
        return true;
    }
    if (quint64(raw.size()) > quint64(std::numeric_limits<uInt>::max()))
        return say(QCoreApplication::translate("pairlab",
                                               "a gzip file over 4 GiB is not read whole; unpack it first"));
    QByteArray out;
    out.reserve(raw.size() * 6);
    z_stream z{};
    if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK)
        return say(QCoreApplication::translate("pairlab", "cannot start gzip decompression"));
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(raw.constData()));
    z.avail_in = uInt(raw.size());
    char buffer[1 << 16];
    int rc = Z_OK;
    while (true) {
        z.next_out = reinterpret_cast<Bytef *>(buffer);
        z.avail_out = sizeof buffer;
        rc = inflate(&z, Z_NO_FLUSH);
        out.append(buffer, qsizetype(sizeof buffer - z.avail_out));
        if (rc == Z_STREAM_END) {
            if (z.avail_in == 0)
                break;
            inflateReset(&z); // another gzip member follows
            continue;
        }
        if (rc != Z_OK) {
            const QString why =
                QCoreApplication::translate("pairlab", "damaged gzip data at compressed byte %1: %2")
                    .arg(qint64(z.total_in))
                    .arg(QString::fromLatin1(z.msg ? z.msg : zError(rc)));
            inflateEnd(&z);
            return say(why);
        }
        if (z.avail_in == 0 && z.avail_out != 0) { // all input read, the member not ended
            inflateEnd(&z);
            return say(QCoreApplication::translate("pairlab", "gzip data cut short"));
        }
    }
    inflateEnd(&z);
    *content = std::move(out);
    return true;
}

} // namespace pairlab
