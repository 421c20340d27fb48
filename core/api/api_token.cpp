#include "api/api_token.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QStandardPaths>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

namespace pairlab {

namespace {

constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

QString newToken()
{
    QByteArray raw(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), raw.size() / 4);
    return QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool writeToken(const QString &path, const QString &token, QString *error)
{
    const QString folder = QFileInfo(path).absolutePath();
    const bool made = !QFileInfo::exists(folder);
    if (!QDir().mkpath(folder)) {
        *error = QStringLiteral("cannot create %1").arg(folder);
        return false;
    }
    if (made) // a folder made for the token is the owner's alone
        QFile::setPermissions(folder, kOwnerOnly | QFileDevice::ExeOwner);
    QSaveFile f(path);
#ifdef Q_OS_UNIX
    // The temporary file is created owner-only from the start: no moment in which others could open it.
    const mode_t before = ::umask(077);
    const bool opened = f.open(QIODevice::WriteOnly);
    ::umask(before);
#else
    const bool opened = f.open(QIODevice::WriteOnly);
#endif
    if (!opened) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    // Narrow before the secret is written: the temporary file is created with the process's umask.
    f.setPermissions(kOwnerOnly);
    f.write(token.toLatin1() + '\n');
    if (!f.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    QFile::setPermissions(path, kOwnerOnly);
    return true;
}

} // namespace

QString apiTokenPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           QStringLiteral("/PairLab/api-token");
}

QString loadOrCreateApiToken(const QString &path, QString *error)
{
    QFile f(path);
    if (f.exists()) {
        if (!f.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read %1: %2").arg(path, f.errorString());
            return {};
        }
        QString token = QString::fromLatin1(f.readAll()).trimmed();
        f.close();
        if (f.permissions() & ~(kOwnerOnly | QFileDevice::ReadUser | QFileDevice::WriteUser))
            QFile::setPermissions(path, kOwnerOnly);
        if (token.size() >= 16)
            return token;
    }
    const QString token = newToken();
    return writeToken(path, token, error) ? token : QString();
}

QString regenerateApiToken(const QString &path, QString *error)
{
    const QString token = newToken();
    return writeToken(path, token, error) ? token : QString();
}

bool sameToken(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size() || a.isEmpty())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

} // namespace pairlab
