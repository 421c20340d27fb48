#include "io/csv_import.h"
#include "storage/database.h"

#include "fuzz_util.h"

#include <QSqlQuery>
#include <QTimeZone>

#include <cmath>
#include <cstdint>
#include <functional>
#include <string_view>

using namespace pairlab;

/* A CSV (or JSON records) file of arbitrary bytes through the importer as the import dialog and
 * `pairlab-cli import` use it: the full-scan preview and the import into an in-memory
 * SQLite database, with the detected options; then a second preview with options a user could pick
 * (forced format, delimiter and day order, a time zone with daylight saving, the head or the whole file),
 * chosen from the input's hash.
 * Invariants: every previewed row is valid (bars: prices > 0, low <= open, close <= high, volume >= 0;
 * trades: price > 0, quantity >= 0); the import succeeds exactly when the full scan found no error; a failed
 * import names an error; a successful one stores what it reports. */

namespace {

QSqlDatabase &database()
{
    static QSqlDatabase db = [] {
        QString error;
        QSqlDatabase d = Database::open(QStringLiteral(":memory:"), QStringLiteral("fuzz"), &error);
        if (!d.isValid()) {
            std::fprintf(stderr, "cannot open the database: %s\n", qPrintable(error));
            std::abort();
        }
        return d;
    }();
    return db;
}

qint64 count(const QString &table)
{
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table) || !q.next())
        std::abort();
    return q.value(0).toLongLong();
}

void clearDatabase()
{
    QSqlQuery q(database());
    for (const char *table : {"ticks", "bars", "datasets", "symbols"})
        if (!q.exec(QStringLiteral("DELETE FROM ") + QLatin1String(table)))
            std::abort();
}

bool hasError(const QList<ImportProblem> &problems)
{
    for (const ImportProblem &p : problems)
        if (p.severity == ImportProblem::Severity::Error)
            return true;
    return false;
}

void checkPreview(const ImportPreview &pv)
{
    const bool trades = pv.format.contains(QLatin1String("trades"));
    for (const PreviewRow &r : pv.rows) {
        if (trades) {
            PAIRLAB_FUZZ_CHECK(r.price > 0 && std::isfinite(r.price),
                               "a previewed trade has a positive price");
            PAIRLAB_FUZZ_CHECK(r.qty >= 0 && std::isfinite(r.qty), "a previewed trade has a quantity >= 0");
        } else {
            PAIRLAB_FUZZ_CHECK(r.open > 0 && r.high > 0 && r.low > 0 && r.close > 0,
                               "a previewed bar has positive prices");
            PAIRLAB_FUZZ_CHECK(r.low <= r.open && r.low <= r.close && r.high >= r.open && r.high >= r.close &&
                                   r.low <= r.high,
                               "a previewed bar has low <= open, close <= high");
            PAIRLAB_FUZZ_CHECK(r.volume >= 0 && std::isfinite(r.high),
                               "a previewed bar has a finite volume >= 0");
        }
        PAIRLAB_FUZZ_CHECK(!r.symbol.isEmpty(), "a previewed row has a symbol");
    }
    if (pv.ok)
        PAIRLAB_FUZZ_CHECK(!hasError(pv.problems), "an ok preview lists no error");
    else
        PAIRLAB_FUZZ_CHECK(!pv.problems.isEmpty(), "a failed preview says why");
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::initApplication();
    database();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString path = fuzz::writeScratch(QStringLiteral("FUZZ.csv"), data, size);

    const ImportOptions detected;
    const ImportPreview full = previewCsv(path, detected, true);
    checkPreview(full);

    const ImportResult r = importCsv(path, database(), detected);
    if (r.ok) {
        PAIRLAB_FUZZ_CHECK(full.ok, "an import succeeds only when the full scan found no error");
        PAIRLAB_FUZZ_CHECK(r.rows == full.rowsScanned, "the import reads the rows the full scan read");
        PAIRLAB_FUZZ_CHECK(count(QStringLiteral("bars")) == r.bars, "the import stores the bars it reports");
        PAIRLAB_FUZZ_CHECK(count(QStringLiteral("ticks")) == r.ticksStored,
                           "the import stores the ticks it reports");
        PAIRLAB_FUZZ_CHECK(count(QStringLiteral("datasets")) == 1, "the import adds one dataset");
    } else {
        if (full.ok)
            std::fprintf(stderr, "import failed after a clean full scan: %s\n",
                         qPrintable(r.error.toString()));
        PAIRLAB_FUZZ_CHECK(!full.ok, "an import fails only when the full scan found an error");
        PAIRLAB_FUZZ_CHECK(!r.error.message.isEmpty(), "a failed import names its error");
        PAIRLAB_FUZZ_CHECK(count(QStringLiteral("datasets")) == 0 && count(QStringLiteral("bars")) == 0 &&
                               count(QStringLiteral("ticks")) == 0,
                           "a failed import leaves the database as it was");
    }
    clearDatabase();

    // Options a user could choose, picked by the input's hash so that a crash reproduces from the file alone.
    static const char *const formats[] = {"auto",   "ohlc",           "close",          "wide",
                                          "trades", "binance-klines", "binance-trades", "binance-aggtrades"};
    static const char delimiters[] = {',', ';', '\t', '|'};
    static const QTimeZone newYork("America/New_York");
    const std::size_t h =
        std::hash<std::string_view>()(std::string_view(reinterpret_cast<const char *>(data), size));
    ImportOptions chosen;
    chosen.format = QLatin1String(formats[h % 8]);
    if ((h >> 3) & 1)
        chosen.delimiter = delimiters[(h >> 4) % 4];
    if ((h >> 6) & 1)
        chosen.dayFirst = ((h >> 7) & 1) != 0;
    if ((h >> 8) & 1)
        chosen.hasHeader = ((h >> 9) & 1) != 0;
    if ((h >> 10) & 1)
        chosen.timeZone = newYork;
    if ((h >> 11) & 1)
        chosen.symbol = QStringLiteral("ETHUSDT");
    checkPreview(previewCsv(path, chosen, ((h >> 12) & 1) != 0));
    return 0;
}
