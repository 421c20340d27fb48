#pragma once

#include <QString>

namespace pairlab {

/** Where the local API's token lives: PairLab's settings folder (~/.config/PairLab/api-token), shared by the
 *  app and pairlab-cli serve. */
QString apiTokenPath();

/** The token in `path`, made on first use (32 random bytes from the system's generator, base64url) and
 *  written with owner-only permissions (0600). Empty with `error` when it can neither be read nor made; a
 *  file that exists with wider permissions is narrowed to 0600. */
QString loadOrCreateApiToken(const QString &path, QString *error);

/** A new token replaces the stored one (Settings → API → New token). */
QString regenerateApiToken(const QString &path, QString *error);

/** Compares in time independent of where the strings differ. */
bool sameToken(const QByteArray &a, const QByteArray &b);

} // namespace pairlab
