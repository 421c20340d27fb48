#include "analytics/basket.h"
#include "analytics/johansen.h"
#include "backtest/basket_backtest.h"
#include "cli/backtest_options.h"
#include "cli/cli_util.h"
#include "cli/commands.h"
#include "cli/wide_closes.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cmath>

// `pairlab-cli basket FILE.csv --symbols A,B,… (--weights … | --johansen R)`: a basket's spread statistics
// and backtest from a wide close file.
namespace pairlab::cli {

namespace {

QJsonValue number(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

QJsonObject adfJson(const AdfResult &r)
{
    QJsonObject crit;
    crit.insert(QLatin1String("1%"), number(r.crit[0]));
    crit.insert(QLatin1String("5%"), number(r.crit[1]));
    crit.insert(QLatin1String("10%"), number(r.crit[2]));
    QJsonObject o;
    o.insert(QLatin1String("stat"), number(r.stat));
    o.insert(QLatin1String("pvalue"), number(r.pvalue));
    o.insert(QLatin1String("usedlag"), r.usedlag);
    o.insert(QLatin1String("nobs"), r.nobs);
    o.insert(QLatin1String("crit"), crit);
    return o;
}

} // namespace

int basket(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("FILE.csv"), QStringLiteral("wide close file: ts_ms,SYM1,SYM2,…"));
    const QCommandLineOption symbolsOpt(QStringLiteral("symbols"),
                                        QStringLiteral("the basket's legs (default: every column)"),
                                        QStringLiteral("A,B,…"));
    const QCommandLineOption weightsOpt(QStringLiteral("weights"), QStringLiteral("one weight per leg"),
                                        QStringLiteral("W1,W2,…"));
    const QCommandLineOption johansenOpt(QStringLiteral("johansen"),
                                         QStringLiteral("weights from the Johansen eigenvector of this rank "
                                                        "(0 = largest eigenvalue), first leg 1"),
                                         QStringLiteral("R"));
    const QCommandLineOption detOrder(QStringLiteral("det-order"), QStringLiteral("Johansen det_order (0)"),
                                      QStringLiteral("D"), QStringLiteral("0"));
    const QCommandLineOption kArDiff(QStringLiteral("k-ar-diff"), QStringLiteral("Johansen k_ar_diff (1)"),
                                     QStringLiteral("P"), QStringLiteral("1"));
    const BacktestOptions common(0.0); // a basket's costs are its legs' fees
    p.addOptions({symbolsOpt, weightsOpt, johansenOpt, detOrder, kArDiff});
    common.addTo(p);
    if (!parseArgs(p, QStringLiteral("basket"), args, err))
        return 2;
    auto usage = [&](const QString &why) {
        err << "basket: " << why << "\n\n" << p.helpText();
        err.flush();
        return 2;
    };
    if (p.positionalArguments().size() != 1)
        return usage(QStringLiteral("give one FILE.csv"));
    if (p.isSet(weightsOpt) == p.isSet(johansenOpt))
        return usage(QStringLiteral("give the weights: --weights or --johansen, one of them"));
    BacktestConfig c;
    c.spreadCost = 0;
    if (const QString problem = common.read(p, &c); !problem.isEmpty())
        return usage(problem);
    const QString invalid = validateBacktestConfig(c);
    if (!invalid.isEmpty())
        return usage(invalid);
    int rank = 0, det = 0, lags = 1;
    if (p.isSet(johansenOpt)) {
        bool ok1 = false, ok2 = false, ok3 = false;
        rank = p.value(johansenOpt).toInt(&ok1);
        det = p.value(detOrder).toInt(&ok2);
        lags = p.value(kArDiff).toInt(&ok3);
        if (!ok1 || rank < 0)
            return usage(QStringLiteral("--johansen takes a rank >= 0"));
        if (!ok2 || det < -1 || det > 1)
            return usage(QStringLiteral("--det-order must be -1, 0 or 1"));
        if (!ok3 || lags < 0 || lags > 1000)
            return usage(QStringLiteral("--k-ar-diff must be an integer from 0 to 1000"));
    }

    const QString file = p.positionalArguments().constFirst();
    WideCloses in;
    QString error;
    if (!readWideCloses(file, in, error)) {
        err << "basket: " << error << "\n";
        return 1;
    }
    Basket b;
    b.symbols =
        p.isSet(symbolsOpt) ? p.value(symbolsOpt).split(QLatin1Char(','), Qt::SkipEmptyParts) : in.symbols;
    std::vector<std::size_t> columns;
    for (const QString &s : std::as_const(b.symbols)) {
        const qsizetype at = in.symbols.indexOf(s);
        if (at < 0) {
            err << QStringLiteral("basket: %1: no column %2 (the file has %3)\n")
                       .arg(file, s, in.symbols.join(QLatin1Char(',')));
            return 1;
        }
        columns.push_back(std::size_t(at));
    }
    if (p.isSet(weightsOpt)) {
        const QStringList ws = p.value(weightsOpt).split(QLatin1Char(','));
        if (ws.size() != b.symbols.size())
            return usage(QStringLiteral("%1 symbols but %2 weights").arg(b.symbols.size()).arg(ws.size()));
        for (const QString &text : ws) {
            bool ok = false;
            const double v = text.toDouble(&ok);
            if (!ok || !std::isfinite(v))
                return usage(QStringLiteral("--weights: not a number: '%1'").arg(text));
            b.weights.push_back(v);
        }
        const QString problem = b.problem();
        if (!problem.isEmpty())
            return usage(problem);
    }
    if (b.weights.empty()) { // Johansen's to come: the legs must make a basket
        Basket legsOnly = b;
        legsOnly.weights.assign(std::size_t(b.symbols.size()), 1.0);
        const QString problem = legsOnly.problem();
        if (!problem.isEmpty())
            return usage(problem);
    }
    // The bars every leg has (the rows where none of the basket's cells is empty).
    AlignedBasket legs;
    legs.legs.resize(columns.size());
    int skipped = 0;
    for (qsizetype r = 0; r < in.rows; ++r) {
        bool all = true;
        for (std::size_t col : columns)
            all = all && !std::isnan(in.columns[col][std::size_t(r)]);
        if (!all) {
            ++skipped;
            continue;
        }
        legs.timeMs.push_back(in.timeMs[std::size_t(r)]);
        for (std::size_t i = 0; i < columns.size(); ++i)
            legs.legs[i].push_back(in.columns[columns[i]][std::size_t(r)]);
    }
    QJsonObject root;
    if (p.isSet(johansenOpt)) {
        const JohansenResult j = pairlab::johansen(legs.legs, det, lags);
        if (!j.ok()) {
            err << "basket: " << file << ": Johansen: " << j.error << "\n";
            return 1;
        }
        if (rank >= j.k)
            return usage(QStringLiteral("--johansen %1: %2 series have ranks 0 to %3")
                             .arg(rank)
                             .arg(j.k)
                             .arg(j.k - 1));
        const Basket fromJ = basketFromJohansen(j, b.symbols, rank);
        if (fromJ.weights.empty()) {
            err << "basket: " << file << ": the eigenvector's first weight is 0: it cannot be scaled to 1\n";
            return 1;
        }
        b.weights = fromJ.weights;
        QJsonObject jo;
        jo.insert(QLatin1String("rank"), rank);
        jo.insert(QLatin1String("det_order"), det);
        jo.insert(QLatin1String("k_ar_diff"), lags);
        jo.insert(QLatin1String("eig"), number(j.eig[std::size_t(rank)]));
        jo.insert(QLatin1String("trace"), number(j.trace[std::size_t(rank)]));
        jo.insert(QLatin1String("trace_crit_95"), number(j.traceCrit[std::size_t(rank)][1]));
        root.insert(QLatin1String("johansen"), jo);
    }
    const QString basis = common.annualise(p, legs.timeMs, &c);
    BasketAnalysisOptions options;
    options.window = c.window;
    options.series = false;
    options.backtest.entry = c.entryZ;
    options.backtest.exit = c.exitZ;
    options.backtest.cost = c.spreadCost;
    options.backtest.barsPerYear = c.barsPerYear;
    const BasketAnalysis a = analyzeBasket(legs, b.weights, options);
    if (!a.ok()) {
        err << "basket: " << file << ": " << a.error << "\n";
        return 1;
    }
    const BasketBacktestRun run = backtestBasket(legs, b.weights, c);
    if (!run.ok()) {
        err << "basket: " << file << ": " << run.error << "\n";
        return 1;
    }
    QJsonArray syms, weights;
    for (const QString &s : std::as_const(b.symbols))
        syms.append(s);
    for (double v : b.weights)
        weights.append(v);
    root.insert(QLatin1String("file"), file);
    root.insert(QLatin1String("symbols"), syms);
    root.insert(QLatin1String("weights"), weights);
    root.insert(QLatin1String("formula"), b.formula(6));
    root.insert(QLatin1String("constant"), number(a.constant));
    root.insert(QLatin1String("n"), a.n);
    root.insert(QLatin1String("rows_without_every_leg"), skipped);
    root.insert(QLatin1String("window"), a.window);
    root.insert(QLatin1String("adf_c"), adfJson(a.adfC));
    root.insert(QLatin1String("adf_ct"), adfJson(a.adfCt));
    root.insert(QLatin1String("adf_n"), adfJson(a.adfN));
    root.insert(QLatin1String("half_life"), number(a.halfLife.halfLife));
    root.insert(QLatin1String("half_life_log"), number(a.halfLife.halfLifeLog));
    root.insert(QLatin1String("hurst"), number(a.hurst));
    root.insert(QLatin1String("last_spread"), number(a.lastSpread));
    root.insert(QLatin1String("last_z"), number(a.lastZ));
    root.insert(QLatin1String("bars_per_year_basis"), basis);
    root.insert(QLatin1String("config"), c.toJson());
    root.insert(QLatin1String("backtest"), run.summary.toJson());
    out << QJsonDocument(root).toJson(QJsonDocument::Compact) << "\n";
    return 0;
}

} // namespace pairlab::cli
