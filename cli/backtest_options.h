#pragma once

#include "backtest/backtest_engine.h"

#include <QCommandLineOption>
#include <QString>

#include <vector>

class QCommandLineParser;

namespace pairlab::cli {

/** The options every backtesting command takes (backtest, basket): window, bands, stop, costs, sizing and
 *  the annualisation, read into a BacktestConfig. */
class BacktestOptions
{
public:
    /** spreadCost: the default cost per unit change of side (the command's own). */
    explicit BacktestOptions(double spreadCost);
    void addTo(QCommandLineParser &p) const;
    /** Reads the options into c; returns the usage problem (empty when all are well formed). */
    QString read(const QCommandLineParser &p, BacktestConfig *c) const;
    /** After read(): --bars-per-year was given. */
    bool barsPerYearGiven(const QCommandLineParser &p) const;
    /** Takes the annualisation from the median spacing of the bar times unless it was given; returns what
     *  the JSON's bars_per_year_basis says. */
    QString annualise(const QCommandLineParser &p, const std::vector<qint64> &timeMs,
                      BacktestConfig *c) const;

private:
    double m_spreadCost;
    QCommandLineOption m_window, m_entry, m_exit, m_stop, m_cost, m_fee, m_slippage, m_notional,
        m_barsPerYear;
};

} // namespace pairlab::cli
