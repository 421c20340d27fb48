#include "workspace/workspace.h"

#include "fuzz_util.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdint>

using namespace pairlab;

/* A workspace file of arbitrary bytes through Workspace::load, as File → Open does it.
 * Invariants: a failed load says why and leaves the caller's workspace as it was; a loaded file has a format
 * version this build reads; a loaded workspace saves, loads again and is equal (load(save(load(x))) ==
 * load(x)), and saving that once more gives the same bytes. */

namespace {

/** The seed corpus: workspaces as the app saves them (PAIRLAB_FUZZ_WRITE_SEEDS=DIR fuzz_workspace writes
 *  them to DIR and exits). */
void writeSeeds(const QString &dir)
{
    QString error;
    auto save = [&](const Workspace &w, const QString &name) {
        if (!w.save(dir + QLatin1Char('/') + name, &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            std::exit(1);
        }
    };
    save(Workspace(), QStringLiteral("default.pairlab"));

    Workspace w;
    w.symbols = {QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT"), QStringLiteral("SOLUSDT")};
    w.endpoint = QStringLiteral("wss://fstream.binance.com/market");
    w.streamKind = QStringLiteral("aggTrade");
    w.pairY = QStringLiteral("SOLUSDT");
    w.pairX = QStringLiteral("ETHUSDT");
    w.source = QStringLiteral("upload:ewa-ewc");
    w.intervalSeconds = 60;
    w.window = 240;
    w.hedgeMethod = QStringLiteral("kalman");
    w.adfTrend = QStringLiteral("ct");
    w.entryZ = 2.25;
    w.exitZ = 0.25;
    w.universe = {QStringLiteral("BTCUSDT"), QStringLiteral("SOLUSDT")};
    w.alertRules =
        QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("wide")},
                               {QStringLiteral("expression"), QStringLiteral("abs(z) > 2 && corr > 0.8")},
                               {QStringLiteral("enabled"), true},
                               {QStringLiteral("cooldown_s"), 60}}};
    w.backtest = QJsonObject{
        {QStringLiteral("entry"), 2.0}, {QStringLiteral("exit"), 0.5}, {QStringLiteral("fee_bps"), 4.0}};
    w.windowGeometry = QByteArray("\x01\xd9\xd0\xcb\x00\x03\x00\x00", 8);
    w.windowState = QByteArray("\x00\x00\x00\xff\x00\x00", 6);
    w.activeView = QStringLiteral("pair");
    w.chartFromMs = 1723161480000;
    w.chartToMs = 1723161600000;
    save(w, QStringLiteral("full.pairlab"));

    w.unknownFields.insert(QStringLiteral("notes"), QStringLiteral("written by a newer build"));
    w.unknownFields.insert(QStringLiteral("plugins"),
                           QJsonArray{1, 2.5, QStringLiteral("x"), QJsonValue::Null});
    save(w, QStringLiteral("unknown_fields.pairlab"));

    Workspace live;
    live.hedgeMethod = QStringLiteral("theil-sen");
    live.adfTrend = QStringLiteral("n");
    live.intervalSeconds = 300;
    live.window = 5;
    live.exitZ = 0;
    save(live, QStringLiteral("theil_sen.pairlab"));
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::initApplication();
    const QByteArray seeds = qgetenv("PAIRLAB_FUZZ_WRITE_SEEDS");
    if (!seeds.isEmpty()) {
        writeSeeds(QString::fromLocal8Bit(seeds));
        std::exit(0);
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString path = fuzz::writeScratch(QStringLiteral("input.pairlab"), data, size);
    const Workspace defaults;
    Workspace w;
    QString error;
    if (!Workspace::load(path, &w, &error)) {
        PAIRLAB_FUZZ_CHECK(!error.isEmpty(), "a failed load says why");
        PAIRLAB_FUZZ_CHECK(w == defaults, "a failed load leaves the workspace as it was");
        return 0;
    }
    const QJsonValue version =
        QJsonDocument::fromJson(
            QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size)))
            .object()
            .value(QStringLiteral("version"));
    PAIRLAB_FUZZ_CHECK(version.toDouble() >= 1 && version.toDouble() <= Workspace::FormatVersion,
                       "a loaded file has a format version this build reads");
    const QString savedPath = fuzz::scratchDir().filePath(QStringLiteral("saved.pairlab"));
    PAIRLAB_FUZZ_CHECK(w.save(savedPath, &error), "a loaded workspace saves");
    Workspace again;
    const bool reloaded = Workspace::load(savedPath, &again, &error);
    if (!reloaded)
        std::fprintf(stderr, "reload failed: %s\n", qPrintable(error));
    PAIRLAB_FUZZ_CHECK(reloaded, "a saved workspace loads");
    PAIRLAB_FUZZ_CHECK(again == w, "load(save(load(x))) == load(x)");

    QFile first(savedPath);
    PAIRLAB_FUZZ_CHECK(first.open(QIODevice::ReadOnly), "the saved file reads");
    const QByteArray bytes = first.readAll();
    first.close();
    PAIRLAB_FUZZ_CHECK(again.save(savedPath, &error), "a reloaded workspace saves");
    QFile second(savedPath);
    PAIRLAB_FUZZ_CHECK(second.open(QIODevice::ReadOnly), "the saved file reads");
    PAIRLAB_FUZZ_CHECK(second.readAll() == bytes, "saving is deterministic");
    return 0;
}
