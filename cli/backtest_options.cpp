#include "cli/backtest_options.h"

#include "cli/cli_util.h"

#include <QCommandLineParser>

#include <cmath>

namespace pairlab::cli {

BacktestOptions::BacktestOptions(double spreadCost)
    : m_spreadCost(spreadCost),
      m_window(QStringLiteral("window"), QStringLiteral("z-score window in bars (120)"), QStringLiteral("N"),
               QStringLiteral("120")),
      m_entry(QStringLiteral("entry"), QStringLiteral("entry |z| (2)"), QStringLiteral("Z"),
              QStringLiteral("2")),
      m_exit(QStringLiteral("exit"), QStringLiteral("exit |z| (0.5)"), QStringLiteral("Z"),
             QStringLiteral("0.5")),
      m_stop(QStringLiteral("stop"), QStringLiteral("stop |z| (none)"), QStringLiteral("Z")),
      m_cost(QStringLiteral("cost"), QStringLiteral("cost per unit change of side (%1)").arg(spreadCost),
             QStringLiteral("C"), QString::number(spreadCost)),
      m_fee(QStringLiteral("fee-bps"), QStringLiteral("fee per leg in bps (0)"), QStringLiteral("BPS"),
            QStringLiteral("0")),
      m_slippage(QStringLiteral("slippage-bps"), QStringLiteral("slippage per leg in bps (0)"),
                 QStringLiteral("BPS"), QStringLiteral("0")),
      m_notional(QStringLiteral("notional"),
                 QStringLiteral("size each trade to this gross notional (default: one unit of the spread)"),
                 QStringLiteral("N")),
      m_barsPerYear(QStringLiteral("bars-per-year"),
                    QStringLiteral("annualisation (default: from the median bar spacing)"),
                    QStringLiteral("N"))
{
}

void BacktestOptions::addTo(QCommandLineParser &p) const
{
    p.addOptions({m_window, m_entry, m_exit, m_stop, m_cost, m_fee, m_slippage, m_notional, m_barsPerYear});
}

QString BacktestOptions::read(const QCommandLineParser &p, BacktestConfig *c) const
{
    auto real = [&](const QCommandLineOption &o, double *v) {
        bool ok = false;
        *v = p.value(o).toDouble(&ok);
        return ok && std::isfinite(*v);
    };
    double w = 0;
    if (!real(m_window, &w) || w != std::floor(w) || w < 2 || w > 1e7)
        return QStringLiteral("--window must be an integer >= 2");
    c->window = int(w);
    if (!real(m_entry, &c->entryZ) || !real(m_exit, &c->exitZ) || !real(m_cost, &c->spreadCost) ||
        !real(m_fee, &c->feeBps) || !real(m_slippage, &c->slippageBps))
        return QStringLiteral("--entry, --exit, --cost, --fee-bps and --slippage-bps take numbers");
    if (p.isSet(m_stop)) {
        double s = 0;
        if (!real(m_stop, &s))
            return QStringLiteral("--stop takes a number");
        c->stopZ = s;
    }
    if (p.isSet(m_notional)) {
        c->sizing = PositionSizing::Notional;
        if (!real(m_notional, &c->notional))
            return QStringLiteral("--notional takes a number");
    }
    if (p.isSet(m_barsPerYear) && (!real(m_barsPerYear, &c->barsPerYear) || !(c->barsPerYear > 0)))
        return QStringLiteral("--bars-per-year must be positive");
    return QString();
}

bool BacktestOptions::barsPerYearGiven(const QCommandLineParser &p) const
{
    return p.isSet(m_barsPerYear);
}

QString BacktestOptions::annualise(const QCommandLineParser &p, const std::vector<qint64> &timeMs,
                                   BacktestConfig *c) const
{
    if (p.isSet(m_barsPerYear))
        return QStringLiteral("given");
    qint64 spacing = 0;
    const double inferred = barsPerYearFromSpacing(timeMs, &spacing);
    if (!(inferred > 0))
        return QStringLiteral("default (1 s bars, 24/7)");
    c->barsPerYear = inferred;
    return QStringLiteral("median bar spacing %1 ms, 24/7").arg(spacing);
}

} // namespace pairlab::cli
