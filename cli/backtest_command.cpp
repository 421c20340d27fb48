#include "analytics/backtest.h"
#include "backtest/backtest_sweep.h"
#include "backtest/walk_forward.h"
#include "cli/analyze_command.h"
#include "cli/backtest_options.h"
#include "cli/cli_util.h"
#include "cli/commands.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <limits>

// `pairlab-cli backtest FILE.csv …`: one backtest of a pair file (ts_ms,x,y), or a walk-forward of it.
namespace pairlab::cli {

namespace {

QJsonValue number(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

/** "FROM:TO:STEP" → thresholds. */
bool parseRange(const QString &text, std::vector<double> *out)
{
    const QStringList parts = text.split(QLatin1Char(':'));
    if (parts.size() != 3)
        return false;
    double v[3];
    for (int i = 0; i < 3; ++i) {
        bool ok = false;
        v[i] = parts[i].toDouble(&ok);
        if (!ok || !std::isfinite(v[i]))
            return false;
    }
    *out = thresholdRange(v[0], v[1], v[2]);
    return !out->empty();
}

QJsonObject foldJson(const WalkForwardFold &f, const std::vector<qint64> &t)
{
    QJsonObject o;
    o.insert(QLatin1String("train_from"), f.trainFrom);
    o.insert(QLatin1String("train_to"), f.trainTo);
    o.insert(QLatin1String("test_from"), f.testFrom);
    o.insert(QLatin1String("test_to"), f.testTo);
    o.insert(QLatin1String("test_from_ms"), double(t[std::size_t(f.testFrom)]));
    o.insert(QLatin1String("test_last_ms"), double(t[std::size_t(f.testTo - 1)]));
    o.insert(QLatin1String("chosen"), f.chosen);
    o.insert(QLatin1String("entry_z"), number(f.entryZ));
    o.insert(QLatin1String("exit_z"), number(f.exitZ));
    o.insert(QLatin1String("alpha"), number(f.alpha));
    o.insert(QLatin1String("beta"), number(f.beta));
    o.insert(QLatin1String("in_sample"), f.inSample.toJson());
    o.insert(QLatin1String("out_of_sample"), f.outOfSample.toJson());
    if (!f.note.isEmpty())
        o.insert(QLatin1String("note"), f.note);
    return o;
}

bool writeText(const QString &path, const QByteArray &text, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(text) != text.size()) {
        *error = QStringLiteral("%1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

QByteArray stitchedCsv(const WalkForwardResult &r)
{
    QByteArray text = "ts_ms,time_utc,fold,pnl_net,equity_net\n";
    std::size_t i = 0;
    for (std::size_t k = 0; k < r.folds.size(); ++k) {
        const int bars = r.folds[k].testTo - r.folds[k].testFrom;
        for (int b = 0; b < bars && i < r.pnlNet.size(); ++b, ++i) {
            text +=
                QByteArray::number(r.timeMs[i]) + ',' +
                QDateTime::fromMSecsSinceEpoch(r.timeMs[i], Qt::UTC).toString(Qt::ISODateWithMs).toLatin1() +
                ',' + QByteArray::number(qulonglong(k)) + ',' + QByteArray::number(r.pnlNet[i], 'g', 17) +
                ',' + QByteArray::number(r.equityNet[i], 'g', 17) + '\n';
        }
    }
    return text;
}

} // namespace

int backtest(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("FILE.csv"), QStringLiteral("pair file: ts_ms,x,y (y on x)"));
    const BacktestOptions common(2.0); // the cost per unit of `analyze`
    const QCommandLineOption hedge(QStringLiteral("hedge"),
                                   QStringLiteral("static_ols | rolling_ols | kalman"), QStringLiteral("M"),
                                   QStringLiteral("static_ols"));
    const QCommandLineOption delta(QStringLiteral("kalman-delta"), QStringLiteral("Kalman delta (1e-4)"),
                                   QStringLiteral("D"), QStringLiteral("1e-4"));
    const QCommandLineOption walkForward(QStringLiteral("walk-forward"),
                                         QStringLiteral("train, test and step windows in bars"),
                                         QStringLiteral("TRAIN:TEST:STEP"));
    const QCommandLineOption entries(QStringLiteral("entries"),
                                     QStringLiteral("walk-forward entry grid (1:3:0.25)"),
                                     QStringLiteral("FROM:TO:STEP"), QStringLiteral("1:3:0.25"));
    const QCommandLineOption exits(QStringLiteral("exits"),
                                   QStringLiteral("walk-forward exit grid (0:1:0.25)"),
                                   QStringLiteral("FROM:TO:STEP"), QStringLiteral("0:1:0.25"));
    const QCommandLineOption objective(QStringLiteral("objective"),
                                       QStringLiteral("what training maximises: sharpe | net_pnl (sharpe)"),
                                       QStringLiteral("O"), QStringLiteral("sharpe"));
    const QCommandLineOption minTrades(QStringLiteral("min-trades"),
                                       QStringLiteral("fewest training trades a chosen cell needs (1)"),
                                       QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption trades(QStringLiteral("trades"), QStringLiteral("write the trades as CSV"),
                                    QStringLiteral("OUT.csv"));
    const QCommandLineOption equity(QStringLiteral("equity"),
                                    QStringLiteral("write the per-bar series (walk-forward: the stitched "
                                                   "out-of-sample equity) as CSV"),
                                    QStringLiteral("OUT.csv"));
    common.addTo(p);
    p.addOptions({hedge, delta, walkForward, entries, exits, objective, minTrades, trades, equity});
    if (!parseArgs(p, QStringLiteral("backtest"), args, err))
        return 2;
    auto usage = [&](const QString &why) {
        err << "backtest: " << why << "\n\n" << p.helpText();
        err.flush();
        return 2;
    };
    if (p.positionalArguments().size() != 1)
        return usage(QStringLiteral("give one FILE.csv"));
    BacktestConfig c;
    if (const QString problem = common.read(p, &c); !problem.isEmpty())
        return usage(problem);
    const QString hedgeKey = p.value(hedge);
    if (hedgeKey != backtestHedgeKey(backtestHedgeFromKey(hedgeKey)))
        return usage(QStringLiteral("--hedge must be static_ols, rolling_ols or kalman"));
    c.hedge = backtestHedgeFromKey(hedgeKey);
    bool deltaOk = false;
    const double d = p.value(delta).toDouble(&deltaOk);
    if (!deltaOk || !(d > 0 && d < 1))
        return usage(QStringLiteral("--kalman-delta must lie in (0, 1)"));
    c.kalman.delta = d;

    WalkForwardConfig wf;
    SweepGrid grid;
    const bool walking = p.isSet(walkForward);
    if (walking) {
        const QStringList parts = p.value(walkForward).split(QLatin1Char(':'));
        bool ok = parts.size() == 3;
        int v[3] = {0, 0, 0};
        for (int i = 0; ok && i < 3; ++i)
            v[i] = parts[i].toInt(&ok);
        if (!ok || v[0] <= 0 || v[1] <= 0 || v[2] <= 0)
            return usage(
                QStringLiteral("--walk-forward takes TRAIN:TEST:STEP, three positive numbers of bars"));
        wf.train = v[0];
        wf.test = v[1];
        wf.step = v[2];
        if (!walkForwardObjectiveFromKey(p.value(objective), &wf.objective))
            return usage(QStringLiteral("--objective must be sharpe or net_pnl"));
        bool okTrades = false;
        wf.minTrades = p.value(minTrades).toInt(&okTrades);
        if (!okTrades || wf.minTrades < 0)
            return usage(QStringLiteral("--min-trades must be a whole number >= 0"));
        if (!parseRange(p.value(entries), &grid.entries) || !parseRange(p.value(exits), &grid.exits))
            return usage(
                QStringLiteral("--entries and --exits take FROM:TO:STEP with FROM <= TO and STEP > 0"));
    } else if (p.isSet(entries) || p.isSet(exits) || p.isSet(objective) || p.isSet(minTrades)) {
        return usage(
            QStringLiteral("--entries, --exits, --objective and --min-trades belong to --walk-forward"));
    }

    const QString file = p.positionalArguments().constFirst();
    AlignedPair pair;
    QString error;
    if (!readPairCsv(file, pair, error)) {
        err << "backtest: " << error << "\n";
        return 1;
    }
    QJsonObject root;
    root.insert(QLatin1String("file"), file);
    root.insert(QLatin1String("bars"), int(pair.size()));
    root.insert(QLatin1String("bars_per_year_basis"), common.annualise(p, pair.timeMs, &c));

    if (!walking) {
        const QString invalid = validateBacktestConfig(c);
        if (!invalid.isEmpty())
            return usage(invalid);
        const BacktestRun run = backtestPair(prepareBacktest(pair, c), c);
        if (!run.ok()) {
            err << "backtest: " << file << ": " << run.error << "\n";
            return 1;
        }
        root.insert(QLatin1String("config"), c.toJson());
        root.insert(QLatin1String("summary"), run.summary.toJson());
        if (p.isSet(trades) || p.isSet(equity)) {
            for (const auto &[option, trades_] : {std::pair{&trades, true}, std::pair{&equity, false}}) {
                if (!p.isSet(*option))
                    continue;
                QFile f(p.value(*option));
                const bool ok = f.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
                                (trades_ ? run.writeTradesCsv(&f, &error) : run.writeEquityCsv(&f, &error));
                if (!ok) {
                    err << "backtest: " << f.fileName() << ": " << (error.isEmpty() ? f.errorString() : error)
                        << "\n";
                    return 1;
                }
            }
        }
        out << QJsonDocument(root).toJson(QJsonDocument::Compact) << "\n";
        return 0;
    }

    // The options first (exit 2): the grid with the other parameters, the windows themselves; then whether
    // this file holds them (exit 1).
    QString invalid = validateWalkForwardGrid(c, grid);
    if (invalid.isEmpty())
        invalid = validateWalkForward(wf, std::numeric_limits<int>::max(), c);
    if (!invalid.isEmpty())
        return usage(invalid);
    if (walkForwardFoldCount(wf, int(pair.size())) == 0) {
        err << "backtest: " << file << ": " << validateWalkForward(wf, int(pair.size()), c) << "\n";
        return 1;
    }
    const WalkForwardResult r = runWalkForward(pair.x, pair.y, pair.timeMs, c, grid, wf);
    if (!r.ok()) {
        err << "backtest: " << file << ": " << r.error << "\n";
        return 1;
    }
    QJsonObject cfg = c.toJson();
    cfg.remove(QLatin1String("entry_z"));
    cfg.remove(QLatin1String("exit_z"));
    root.insert(QLatin1String("config"), cfg);
    QJsonObject o;
    o.insert(QLatin1String("train"), wf.train);
    o.insert(QLatin1String("test"), wf.test);
    o.insert(QLatin1String("step"), wf.step);
    o.insert(QLatin1String("objective"), walkForwardObjectiveKey(wf.objective));
    o.insert(QLatin1String("min_trades"), wf.minTrades);
    QJsonArray es, xs, folds;
    for (double v : grid.entries)
        es.append(v);
    for (double v : grid.exits)
        xs.append(v);
    o.insert(QLatin1String("entries"), es);
    o.insert(QLatin1String("exits"), xs);
    for (const WalkForwardFold &f : r.folds)
        folds.append(foldJson(f, pair.timeMs));
    o.insert(QLatin1String("folds"), folds);
    QJsonObject is;
    is.insert(QLatin1String("sharpe"), number(r.inSampleSharpe));
    is.insert(QLatin1String("pnl_per_bar"), number(r.inSamplePnlPerBar));
    is.insert(QLatin1String("max_drawdown"), number(r.inSampleMaxDrawdown));
    o.insert(QLatin1String("in_sample"), is);
    QJsonObject oos = r.outOfSample.toJson();
    oos.insert(QLatin1String("pnl_per_bar"), number(r.outOfSamplePnlPerBar));
    o.insert(QLatin1String("out_of_sample"), oos);
    o.insert(QLatin1String("positive_fold_share"), number(r.positiveFoldShare));
    root.insert(QLatin1String("walk_forward"), o);
    if (p.isSet(equity) && !writeText(p.value(equity), stitchedCsv(r), &error)) {
        err << "backtest: " << error << "\n";
        return 1;
    }
    if (p.isSet(trades)) {
        BacktestRun asRun; // the stitched trades in the trade CSV's columns
        asRun.trades = r.trades;
        QFile f(p.value(trades));
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || !asRun.writeTradesCsv(&f, &error)) {
            err << "backtest: " << f.fileName() << ": " << (error.isEmpty() ? f.errorString() : error)
                << "\n";
            return 1;
        }
    }
    out << QJsonDocument(root).toJson(QJsonDocument::Compact) << "\n";
    return 0;
}

} // namespace pairlab::cli
