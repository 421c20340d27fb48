#include "cli/cli_util.h"
#include "cli/commands.h"
#include "market/kline_history.h"
#include "storage/bar_store.h"
#include "storage/database.h"
#include "storage/funding_store.h"
#include "storage/rest_bar_store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QFile>
#include <QTextStream>
#include <QTimer>

namespace pairlab::cli {

namespace {

QString utc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

} // namespace

int history(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("db"), QStringLiteral("Database: a SQLite file or a postgresql:// URL."),
                 QStringLiteral("D")});
    p.addOption({QStringLiteral("symbols"), QStringLiteral("Comma-separated symbols, e.g. BTCUSDT,ETHUSDT."),
                 QStringLiteral("LIST")});
    p.addOption({QStringLiteral("interval"), QStringLiteral("Bar length: 1m or 5m."), QStringLiteral("I")});
    p.addOption(
        {QStringLiteral("from"),
         QStringLiteral("First open time (inclusive), ISO-8601 (UTC unless an offset is given) or epoch "
                        "ms."),
         QStringLiteral("T")});
    p.addOption({QStringLiteral("to"), QStringLiteral("Last open time (exclusive)."), QStringLiteral("T")});
    p.addOption({QStringLiteral("rest-base"),
                 QStringLiteral("scheme://host:port of the REST API; /fapi/v1/klines is appended."),
                 QStringLiteral("URL"), QStringLiteral("https://fapi.binance.com")});
    p.addOption(
        {QStringLiteral("funding"),
         QStringLiteral("Also the symbols' funding events (GET /fapi/v1/fundingRate) with funding time in "
                        "[--from, --to); alone, without --interval, only them.")});
    p.addOption({QStringLiteral("weight-per-minute"),
                 QStringLiteral("Own request-weight budget per minute (Binance allows 2400 per IP)."),
                 QStringLiteral("N"), QStringLiteral("1200")});
    if (!parseArgs(p, QStringLiteral("history"), args, err))
        return 2;
    QStringList symbols;
    for (const QString &s : p.value(QStringLiteral("symbols")).split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (const QString sym = s.trimmed().toUpper(); !sym.isEmpty() && !symbols.contains(sym))
            symbols << sym;
    const QString interval = p.value(QStringLiteral("interval"));
    const int seconds = interval == QLatin1String("1m") ? 60 : interval == QLatin1String("5m") ? 300 : 0;
    const bool funding = p.isSet(QStringLiteral("funding"));
    const bool wantBars = !funding || p.isSet(QStringLiteral("interval"));
    qint64 from = 0, to = 0;
    if (p.value(QStringLiteral("db")).isEmpty() || symbols.isEmpty() || (wantBars && seconds == 0) ||
        !p.isSet(QStringLiteral("from")) || !p.isSet(QStringLiteral("to"))) {
        err << (funding
                    ? QCoreApplication::translate("cli",
                                                  "history needs --db, --symbols, --interval (1m or 5m) "
                                                  "and/or --funding, --from and --to\n")
                    : QCoreApplication::translate(
                          "cli", "history needs --db, --symbols, --interval (1m or 5m), --from and --to\n"));
        return 2;
    }
    for (const auto &[opt, target] :
         {std::pair{QStringLiteral("from"), &from}, std::pair{QStringLiteral("to"), &to}}) {
        if (!parseTime(p.value(opt), target)) {
            err << QCoreApplication::translate("cli", "--%1: not a time: %2 (epoch ms or ISO-8601)\n")
                       .arg(opt, p.value(opt));
            return 2;
        }
    }
    if (to <= from) {
        err << QCoreApplication::translate("cli", "--to (%1) must be after --from (%2)\n")
                   .arg(utc(to), utc(from));
        return 2;
    }
    const QUrl base(p.value(QStringLiteral("rest-base")));
    if (!base.isValid() ||
        (base.scheme() != QLatin1String("http") && base.scheme() != QLatin1String("https")) ||
        base.host().isEmpty()) {
        err << QCoreApplication::translate("cli", "--rest-base: not an http(s)://host[:port] URL: %1\n")
                   .arg(p.value(QStringLiteral("rest-base")));
        return 2;
    }

    RestBarStore store(p.value(QStringLiteral("db")));
    QString error;
    if (!store.open(&error)) {
        err << QCoreApplication::translate("cli", "cannot open %1: %2\n")
                   .arg(Database::displayName(p.value(QStringLiteral("db"))), error);
        return 1;
    }
    // Only what is not stored yet: a second run completes what a first one could not.
    QList<KlineRange> todo;
    qint64 wanted = 0, present = 0;
    for (const QString &symbol : wantBars ? symbols : QStringList()) {
        const KlineRange whole{symbol, seconds, from, to};
        QList<KlineRange> missing;
        if (!store.missing(whole, &missing, &error)) {
            err << error << '\n';
            return 1;
        }
        qint64 absent = 0;
        for (const KlineRange &r : missing)
            absent += r.bars();
        wanted += whole.bars();
        present += whole.bars() - absent;
        todo << missing;
    }
    if (wantBars)
        out << QCoreApplication::translate("cli",
                                           "%1 %2 bars from %3 to %4: %5 open times, %6 stored before, %7 to "
                                           "ask for in %8 range(s)\n")
                   .arg(symbols.join(QLatin1Char(',')), interval, utc(from), utc(to))
                   .arg(wanted)
                   .arg(present)
                   .arg(wanted - present)
                   .arg(todo.size());
    // Funding: pages are stored oldest first, so what a cut run stored is a prefix of the range; go on after
    // the newest stored event in it.
    const QString fundingConnection = QStringLiteral("cli-history-funding");
    QSqlDatabase fundingDb;
    if (funding) {
        fundingDb = Database::open(p.value(QStringLiteral("db")), fundingConnection, &error);
        if (!fundingDb.isValid()) {
            err << QCoreApplication::translate("cli", "cannot open %1: %2\n")
                       .arg(Database::displayName(p.value(QStringLiteral("db"))), error);
            return 1;
        }
        for (const QString &symbol : symbols) {
            // What is not stored yet: before the first stored event, holes between, after the newest.
            const std::vector<FundingEvent> have = FundingStore::load(fundingDb, symbol, from, to, &error);
            const auto missing = FundingStore::missingRanges(fundingDb, symbol, from, to, &error);
            if (!error.isEmpty()) {
                err << error << '\n';
                return 1;
            }
            out << QCoreApplication::translate("cli", "%1 funding from %2 to %3: %4 event(s) stored before\n")
                       .arg(symbol, utc(from), utc(to))
                       .arg(have.size());
            for (const auto &[a, b] : missing)
                todo << KlineRange{symbol, 0, a, b, KlineRange::Series::Funding};
        }
    }

    KlineHistoryConfig config;
    config.restBase = base;
    config.budget.weightPerMinute = std::max(1, p.value(QStringLiteral("weight-per-minute")).toInt());
    KlineHistory history(config, [&store](const KlineRange &r, const std::vector<Bar> &bars, qint64 *stored,
                                          QString *why) { return store.store(r, bars, stored, why); });
    history.setFundingStore(
        [&fundingDb](const KlineRange &r, const std::vector<FundingEvent> &events, qint64 *stored,
                     QString *why) { return FundingStore::store(fundingDb, r.symbol, events, stored, why); });
    QList<KlineOutcome> outcomes;
    QObject::connect(&history, &KlineHistory::rangeFinished, &history, [&](const KlineOutcome &o) {
        outcomes << o;
        out << (o.range.isFunding()
                    ? QCoreApplication::translate("cli", "%1: %2 events received, %3 stored, "
                                                         "%4 request(s)")
                    : QCoreApplication::translate("cli", "%1: %2 bars received, %3 stored, %4 "
                                                         "request(s)"))
                   .arg(klineRangeText(o.range))
                   .arg(o.received)
                   .arg(o.stored)
                   .arg(o.requests);
        if (o.rateLimited > 0)
            out << QCoreApplication::translate("cli", ", %1 rate-limited").arg(o.rateLimited);
        out << (o.complete() ? QString()
                             : QCoreApplication::translate("cli", " — not complete from %1: %2")
                                   .arg(utc(o.coveredToMs), o.error))
            << '\n';
        out.flush();
    });
    if (!todo.isEmpty()) {
        QEventLoop loop;
        QObject::connect(&history, &KlineHistory::idle, &loop, &QEventLoop::quit);
        QTimer::singleShot(0, &history, [&history, todo] { history.fill(todo); });
        loop.exec();
    }
    qint64 stored = 0, storedFunding = 0;
    int requests = 0, weight = 0;
    QStringList failed;
    for (const KlineOutcome &o : outcomes) {
        (o.range.isFunding() ? storedFunding : stored) += o.stored;
        requests += o.requests;
        weight += o.weight;
        if (!o.complete())
            failed << QStringLiteral("%1: %2").arg(klineRangeText(o.range), o.error);
    }
    fundingDb = QSqlDatabase();
    if (funding)
        Database::close(fundingConnection);
    if (wantBars)
        out << QCoreApplication::translate(
                   "cli", "stored %1 new %2 bars of %3 (source %4) in %5 request(s) of weight %6\n")
                   .arg(stored)
                   .arg(interval, symbols.join(QLatin1Char(',')), BarStore::RestSource)
                   .arg(requests)
                   .arg(weight);
    if (funding)
        out << QCoreApplication::translate("cli", "stored %1 new funding events of %2\n")
                   .arg(storedFunding)
                   .arg(symbols.join(QLatin1Char(',')));
    if (!failed.isEmpty()) {
        err << QCoreApplication::translate("cli", "history not complete (what was stored stays; run again to "
                                                  "complete it):\n  %1\n")
                   .arg(failed.join(QStringLiteral("\n  ")));
        return 1;
    }
    return 0;
}

} // namespace pairlab::cli
