#include "cli/commands.h"
#include "io/csv_import.h"

#include "bars/bar_aggregator.h"
#include "io/csv_layout.h"
#include "io/csv_text.h"
#include "io/number_format.h"
#include "market/binance_trade_parser.h"
#include "market/recording.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

namespace pairlab::cli {

namespace {

QString importUsage()
{
    return CsvImport::tr(
        "usage: pairlab-cli import FILE --db DATABASE [--symbol S] [--dataset NAME]\n"
        "         [--format auto|ohlc|close|wide|trades|binance-klines|binance-trades|binance-aggtrades]\n"
        "         [--interval SECONDS] [--tz ZONE] [--day-first|--month-first] [--delimiter C]\n"
        "         [--earliest YYYY-MM-DD] [--preview]\n");
}

const QStringList Formats = {QStringLiteral("auto"),           QStringLiteral("ohlc"),
                             QStringLiteral("close"),          QStringLiteral("wide"),
                             QStringLiteral("trades"),         QStringLiteral("binance-klines"),
                             QStringLiteral("binance-trades"), QStringLiteral("binance-aggtrades")};

} // namespace

int importFile(const QStringList &args, QTextStream &out, QTextStream &err)
{
    ImportOptions opt;
    QString file, db;
    bool preview = false;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        auto value = [&](QString *v) {
            if (i + 1 >= args.size())
                return false;
            *v = args.at(++i);
            return true;
        };
        QString v;
        if (a == QLatin1String("--db")) {
            if (!value(&db))
                return err << importUsage(), 2;
        } else if (a == QLatin1String("--symbol")) {
            if (!value(&opt.symbol))
                return err << importUsage(), 2;
        } else if (a == QLatin1String("--dataset")) {
            if (!value(&opt.dataset))
                return err << importUsage(), 2;
        } else if (a == QLatin1String("--format")) {
            if (!value(&v) || !Formats.contains(v.toLower())) {
                err << CsvImport::tr("unknown format: %1").arg(v) << '\n' << importUsage();
                return 2;
            }
            opt.format = v.toLower();
        } else if (a == QLatin1String("--interval")) {
            bool ok = false;
            const int s = value(&v) ? v.toInt(&ok) : 0;
            if (!ok || s <= 0) {
                err << CsvImport::tr("--interval wants a number of seconds") << '\n' << importUsage();
                return 2;
            }
            opt.intervalSeconds = s;
        } else if (a == QLatin1String("--tz")) {
            const QTimeZone tz = value(&v) ? QTimeZone(v.toUtf8()) : QTimeZone();
            if (!tz.isValid()) {
                err << CsvImport::tr("unknown time zone: %1").arg(v) << '\n';
                return 2;
            }
            opt.timeZone = tz;
        } else if (a == QLatin1String("--delimiter")) {
            if (!value(&v) || v.size() != 1) {
                err << importUsage();
                return 2;
            }
            opt.delimiter = v == QLatin1String("t") ? '\t' : char(v.at(0).toLatin1());
        } else if (a == QLatin1String("--earliest")) {
            QDateTime t = value(&v) ? QDateTime::fromString(v, Qt::ISODate) : QDateTime();
            if (!t.isValid() && QDate::fromString(v, Qt::ISODate).isValid())
                t = QDate::fromString(v, Qt::ISODate).startOfDay(QTimeZone::utc());
            if (!t.isValid()) {
                err << CsvImport::tr("--earliest wants a date (YYYY-MM-DD) or an ISO-8601 time: %1").arg(v)
                    << '\n'
                    << importUsage();
                return 2;
            }
            if (t.timeSpec() == Qt::LocalTime)
                t.setTimeZone(QTimeZone::utc());
            opt.earliestMs = t.toMSecsSinceEpoch();
        } else if (a == QLatin1String("--day-first")) {
            opt.dayFirst = true;
        } else if (a == QLatin1String("--month-first")) {
            opt.dayFirst = false;
        } else if (a == QLatin1String("--preview")) {
            preview = true;
        } else if (a.startsWith(QLatin1String("--"))) {
            err << CsvImport::tr("unknown option: %1").arg(a) << '\n' << importUsage();
            return 2;
        } else if (file.isEmpty()) {
            file = a;
        } else {
            err << CsvImport::tr("more than one file given") << '\n' << importUsage();
            return 2;
        }
    }
    if (file.isEmpty() || (db.isEmpty() && !preview)) {
        err << importUsage();
        return 2;
    }
    if (preview) {
        const ImportPreview pv = previewCsv(file, opt, true);
        out << CsvImport::tr("format %1 (%2), delimiter '%3', header line %4, time %5%6, interval %7 s, %8 "
                             "rows, symbols %9\n")
                   .arg(pv.format, pv.dialect.isEmpty() ? CsvImport::tr("generic") : pv.dialect,
                        pv.delimiter == '\t' ? QStringLiteral("\\t") : QString(QLatin1Char(pv.delimiter)))
                   .arg(pv.headerLine)
                   .arg(timeKindName(pv.timeKind), pv.dayFirst ? CsvImport::tr(" day-first") : QString())
                   .arg(pv.intervalSeconds)
                   .arg(pv.rowsScanned)
                   .arg(pv.symbols.join(QLatin1Char(' ')));
        for (const ColumnMapping &m : pv.columns)
            out << "  " << m.column + 1 << ' ' << m.name << " -> " << columnRoleName(m.role)
                << (m.symbol.isEmpty() ? QString() : QLatin1Char(' ') + m.symbol) << '\n';
        for (const ImportProblem &p : pv.problems)
            (p.severity == ImportProblem::Severity::Error ? err : out) << p.toString() << '\n';
        return pv.ok ? 0 : 1;
    }
    const ImportResult r = importCsv(file, db, opt);
    for (const ImportProblem &p : r.problems)
        if (p.severity == ImportProblem::Severity::Warning)
            out << p.toString() << '\n';
    if (!r.ok) {
        // The first error by line, then the others the import found (nothing was stored).
        err << r.error.toString() << '\n';
        for (const ImportProblem &p : r.problems)
            if (p.severity == ImportProblem::Severity::Error && !(p == r.error))
                err << p.toString() << '\n';
        return 1;
    }
    out << CsvImport::tr("imported %1 as dataset %2 (%3): %4 rows")
               .arg(file, r.dataset, r.format)
               .arg(r.rows);
    if (r.ticks > 0)
        out << CsvImport::tr(", %1 ticks (%2 new)").arg(r.ticks).arg(r.ticksStored);
    out << CsvImport::tr(", %1 bars").arg(r.bars);
    if (r.intervalSeconds > 0)
        out << CsvImport::tr(" of %1 s").arg(r.intervalSeconds);
    QStringList per;
    for (auto it = r.barsPerSymbol.constBegin(); it != r.barsPerSymbol.constEnd(); ++it)
        per << QStringLiteral("%1 %2").arg(it.key()).arg(it.value());
    out << " (" << per.join(QStringLiteral(", ")) << ")\n";
    return 0;
}

} // namespace pairlab::cli
