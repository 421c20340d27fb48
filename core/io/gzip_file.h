#pragma once

#include <QByteArray>
#include <QString>

namespace pairlab {

/** The whole content of a file, gunzipped when it starts with the gzip magic bytes (1f 8b; several members
 *  are read one after another, as gunzip does), as is otherwise. False and error (file, byte offset, zlib's
 *  reason) when it cannot be read or the compressed data are damaged or cut short. */
bool readMaybeGzip(const QString &path, QByteArray *content, QString *error);

} // namespace pairlab
