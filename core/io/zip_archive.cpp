#include "io/zip_archive.h"

#include "io/csv_layout.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

#include <zip.h>

#include <memory>

namespace pairlab {
namespace {

struct ZipCloser
{
    void operator()(zip_t *z) const { zip_discard(z); }
};
struct FileCloser
{
    void operator()(zip_file_t *f) const { zip_fclose(f); }
};

QString zipError(int code)
{
    zip_error_t e;
    zip_error_init_with_code(&e, code);
    QString s = QString::fromUtf8(zip_error_strerror(&e));
    zip_error_fini(&e);
    return s;
}

/** Checks path against path.CHECKSUM when that file exists. */
bool checksumMatches(const QString &path, QString *error)
{
    QFile sum(path + QStringLiteral(".CHECKSUM"));
    if (!sum.exists())
        return true;
    if (!sum.open(QIODevice::ReadOnly)) {
        *error = CsvImport::tr("cannot read %1: %2").arg(sum.fileName(), sum.errorString());
        return false;
    }
    const QByteArray expected = sum.read(4096).simplified().split(' ').value(0).toLower();
    if (expected.size() != 64) {
        *error =
            CsvImport::tr("%1 does not hold a SHA-256 checksum").arg(QFileInfo(sum.fileName()).fileName());
        return false;
    }
    QFile zipFile(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!zipFile.open(QIODevice::ReadOnly) || !hash.addData(&zipFile)) {
        *error = CsvImport::tr("cannot read the file: %1").arg(zipFile.errorString());
        return false;
    }
    const QByteArray actual = hash.result().toHex();
    if (actual != expected) {
        *error = CsvImport::tr(
                     "SHA-256 %1 does not match %2 (%3): the download is damaged or not the published file")
                     .arg(QString::fromLatin1(actual), QFileInfo(sum.fileName()).fileName(),
                          QString::fromLatin1(expected));
        return false;
    }
    return true;
}

} // namespace

bool isZipPath(const QString &path)
{
    return path.endsWith(QLatin1String(".zip"), Qt::CaseInsensitive);
}

bool readZipMember(const QString &path, ZipMember *out, QString *error, qint64 maxBytes)
{
    if (!checksumMatches(path, error))
        return false;
    int code = 0;
    const QByteArray native = QFile::encodeName(path);
    std::unique_ptr<zip_t, ZipCloser> z(zip_open(native.constData(), ZIP_RDONLY | ZIP_CHECKCONS, &code));
    if (!z) {
        *error = CsvImport::tr("not a readable zip archive: %1").arg(zipError(code));
        return false;
    }
    const zip_int64_t entries = zip_get_num_entries(z.get(), 0);
    zip_int64_t member = -1;
    for (zip_int64_t i = 0; i < entries; ++i) {
        const char *name = zip_get_name(z.get(), zip_uint64_t(i), 0);
        const QString n = QString::fromUtf8(name ? name : "");
        if (n.endsWith(QLatin1Char('/')) || n.startsWith(QLatin1String("__MACOSX/")))
            continue; // folders and macOS resource forks
        if (member >= 0) {
            *error = CsvImport::tr("the archive holds more than one file (%1 and %2); import them one by one")
                         .arg(out->name, n);
            return false;
        }
        member = i;
        out->name = n;
    }
    if (member < 0) {
        *error = CsvImport::tr("the archive holds no file");
        return false;
    }
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(z.get(), zip_uint64_t(member), 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE)) {
        *error = CsvImport::tr("cannot read %1 in the archive: %2")
                     .arg(out->name, QString::fromUtf8(zip_strerror(z.get())));
        return false;
    }
    if (qint64(st.size) > maxBytes) {
        *error = CsvImport::tr("%1 is %2 bytes uncompressed, more than the %3 an import reads")
                     .arg(out->name)
                     .arg(qulonglong(st.size))
                     .arg(maxBytes);
        return false;
    }
    std::unique_ptr<zip_file_t, FileCloser> f(zip_fopen_index(z.get(), zip_uint64_t(member), 0));
    if (!f) {
        *error = CsvImport::tr("cannot open %1 in the archive: %2")
                     .arg(out->name, QString::fromUtf8(zip_strerror(z.get())));
        return false;
    }
    out->data.resize(qsizetype(st.size));
    zip_int64_t done = 0;
    while (done < zip_int64_t(st.size)) {
        const zip_int64_t n =
            zip_fread(f.get(), out->data.data() + done, zip_uint64_t(zip_int64_t(st.size) - done));
        if (n <= 0) {
            // libzip checks the member's CRC at its end: a damaged member fails here.
            *error = CsvImport::tr("%1 in the archive is damaged: %2")
                         .arg(out->name, QString::fromUtf8(zip_file_strerror(f.get())));
            return false;
        }
        done += n;
    }
    char extra = 0;
    if (zip_fread(f.get(), &extra, 1) < 0) {
        *error = CsvImport::tr("%1 in the archive is damaged: %2")
                     .arg(out->name, QString::fromUtf8(zip_file_strerror(f.get())));
        return false;
    }
    return true;
}

} // namespace pairlab
