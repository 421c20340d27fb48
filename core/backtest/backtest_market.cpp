#include "backtest/backtest_market.h"

#include "market/interval.h"
#include "storage/database.h"
#include "storage/funding_store.h"
#include "storage/quote_store.h"

#include <algorithm>

namespace pairlab {

namespace {

std::vector<QuoteClose> quoteCloses(const std::vector<QuoteBar> &bars, Interval interval, qint64 fromMs,
                                    qint64 toMs)
{
    std::vector<QuoteClose> out;
    out.reserve(bars.size());
    const qint64 length = intervalMs(interval);
    for (const QuoteBar &b : bars)
        if (b.openMs + length > fromMs && b.openMs < toMs)
            out.push_back({b.openMs + length, b.bidClose, b.askClose});
    return out;
}

} // namespace

bool loadBacktestMarket(const QString &databasePath, const QString &symbolY, const QString &symbolX,
                        std::span<const qint64> timeMs, int barSeconds, BacktestMarket *market,
                        BacktestMarketInfo *info, QString *error)
{
    *market = BacktestMarket();
    *info = BacktestMarketInfo();
    market->barMs = qint64(barSeconds) * 1000;
    if (timeMs.empty() || barSeconds <= 0)
        return true;
    // Quotes from a little before the first bar, so that the first bars can take a quote of the one before.
    const qint64 fromMs = timeMs.front() - 3600000, toMs = timeMs.back() + market->barMs;
    QString err;
    bool ok = true;
    Database::withReader(
        databasePath,
        [&](QSqlDatabase &db) {
            for (const Interval interval : {Interval::M5, Interval::M1, Interval::S1}) {
                if (int(interval) > barSeconds || barSeconds % int(interval) != 0)
                    continue;
                std::vector<QuoteClose> y = quoteCloses(
                    QuoteStore::load(db, symbolY, interval, fromMs - intervalMs(interval), toMs, &err),
                    interval, fromMs, toMs);
                std::vector<QuoteClose> x = quoteCloses(
                    QuoteStore::load(db, symbolX, interval, fromMs - intervalMs(interval), toMs, &err),
                    interval, fromMs, toMs);
                if (!err.isEmpty()) {
                    ok = false;
                    return;
                }
                if (y.empty() || x.empty())
                    continue;
                market->quotesY = std::move(y);
                market->quotesX = std::move(x);
                info->quoteIntervalSeconds = int(interval);
                break;
            }
            market->fundingY = FundingStore::load(db, symbolY, timeMs.front(), toMs, &err);
            market->fundingX = FundingStore::load(db, symbolX, timeMs.front(), toMs, &err);
            ok = err.isEmpty();
        },
        &err);
    if (!ok || !err.isEmpty()) {
        if (error)
            *error = err;
        *market = BacktestMarket();
        return false;
    }
    info->fundingEventsY = int(market->fundingY.size());
    info->fundingEventsX = int(market->fundingX.size());
    if (info->quoteIntervalSeconds > 0) {
        // The first bar whose end both legs have a quote at or before.
        const qint64 known = std::max(market->quotesY.front().endMs, market->quotesX.front().endMs);
        const auto first = std::lower_bound(timeMs.begin(), timeMs.end(), known - market->barMs);
        info->quotedBars = qint64(timeMs.end() - first);
        info->firstQuoteMs = first == timeMs.end() ? -1 : *first;
    }
    return true;
}

} // namespace pairlab
