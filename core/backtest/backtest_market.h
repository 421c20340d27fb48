#pragma once

#include "backtest/backtest_engine.h"

#include <QString>
#include <QtGlobal>

#include <span>

namespace pairlab {

/** What loadBacktestMarket() found, for the Backtest dialog's basis line. */
struct BacktestMarketInfo
{
    int quoteIntervalSeconds = 0; ///< 0: no quote bars of both legs
    qint64 quotedBars = 0;        ///< bars from the first one with both legs' quotes on
    qint64 firstQuoteMs = -1;     ///< the first bar (open time) with both legs' quotes
    int fundingEventsY = 0, fundingEventsX = 0;
};

/** Reads from the database what a backtest of symbolY/symbolX on bars opened at timeMs (ascending, of
 *  barSeconds) may use beyond the closes: each leg's quote-bar closes, from the longest stored quote-bar
 *  length that divides the bar length (1 s, 1 m or 5 m; both legs need it), and the funding events inside the
 *  bars' span. Nothing stored is not an error (empty market). On a reader connection of its own; any thread.
 */
bool loadBacktestMarket(const QString &databasePath, const QString &symbolY, const QString &symbolX,
                        std::span<const qint64> timeMs, int barSeconds, BacktestMarket *market,
                        BacktestMarketInfo *info, QString *error);

} // namespace pairlab
