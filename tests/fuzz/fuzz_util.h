#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QString>
#include <QTemporaryDir>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

/* Shared by the libFuzzer harnesses: a Qt application object for code that wants one, a scratch directory
 * (in memory when /dev/shm exists) for the code paths that read a file, and an invariant check that aborts,
 * so that libFuzzer records the input as a crash. */

namespace pairlab::fuzz {

#define PAIRLAB_FUZZ_CHECK(condition, what)                                                                  \
    do {                                                                                                     \
        if (!(condition)) {                                                                                  \
            std::fprintf(stderr, "invariant violated: %s (%s, %s:%d)\n", what, #condition, __FILE__,         \
                         __LINE__);                                                                          \
            std::abort();                                                                                    \
        }                                                                                                    \
    } while (false)

/** A QCoreApplication for the whole run (plugins, translations and tr() expect one). */
inline void initApplication()
{
    static int argc = 1;
    static char name[] = "pairlab-fuzz";
    static char *argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);
}

/** A directory that lives as long as the process; /dev/shm keeps the per-input file writes off the disk. */
inline const QTemporaryDir &scratchDir()
{
    static const QTemporaryDir dir = [] {
        const QString shm = QStringLiteral("/dev/shm");
        if (QDir(shm).exists() && QFile::permissions(shm).testFlag(QFileDevice::WriteUser))
            return QTemporaryDir(shm + QStringLiteral("/pairlab-fuzz-XXXXXX"));
        return QTemporaryDir();
    }();
    return dir;
}

/** Writes the input to name in the scratch directory and returns the path. */
inline QString writeScratch(const QString &name, const std::uint8_t *data, std::size_t size)
{
    const QString path = scratchDir().filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        f.write(reinterpret_cast<const char *>(data), qint64(size)) != qint64(size)) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
        std::abort();
    }
    return path;
}

} // namespace pairlab::fuzz
