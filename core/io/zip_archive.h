#pragma once

#include <QByteArray>
#include <QString>

namespace pairlab {

/** A market-data file inside a .zip as published by data.binance.vision (one CSV per archive), read with
 *  libzip. */
struct ZipMember
{
    QString name;    ///< the member's name inside the archive
    QByteArray data; ///< its uncompressed bytes
};

/** True when path names a .zip archive (by its name; the content is checked when it is read). */
bool isZipPath(const QString &path);

/** Reads the one data file of the archive at path. When `path.CHECKSUM` lies beside it (data.binance.vision's
 *  "<sha256>  <name>" line), the archive's SHA-256 must match it. False with a reason in error: not a zip, a
 *  damaged member (CRC), none or several data files, a checksum mismatch, more than maxBytes uncompressed. */
bool readZipMember(const QString &path, ZipMember *out, QString *error, qint64 maxBytes = qint64(4) << 30);

} // namespace pairlab
