#pragma once

#include "analytics/analytics_test_data.h"
#include "market/bar.h"
#include "market/funding.h"
#include "market/kline_history.h"
#include "market/kline_server.h"
#include "mock_binance_rest.h"
#include "test_util.h"

#include <limits>
#include <map>
#include <vector>

namespace pairlab::test {

/** Real 1 m bars of a universe file (tests/data/real/universe/futures_1m/SYMBOL.csv: open_time_ms, open,
 * high, low, close, volume; the source has no trade counts). */
inline std::vector<Bar> universeMinutes(const QString &symbol)
{
    auto cols =
        readCsvColumns(sourceFile(QStringLiteral("tests/data/real/universe/futures_1m/%1.csv").arg(symbol)));
    std::vector<Bar> out;
    const auto &t = cols[QStringLiteral("open_time_ms")];
    for (std::size_t i = 0; i < t.size(); ++i) {
        Bar b;
        b.openMs = qint64(t[i]);
        b.open = cols[QStringLiteral("open")][i];
        b.high = cols[QStringLiteral("high")][i];
        b.low = cols[QStringLiteral("low")][i];
        b.close = cols[QStringLiteral("close")][i];
        b.volume = cols[QStringLiteral("volume")][i];
        out.push_back(b);
    }
    return out;
}

/** Real funding events of a universe symbol (tests/data/real/universe/funding_8h/SYMBOL.csv), each with the
 * open of the real 8 h mark-price kline of its hour (mark_8h/SYMBOL.csv) as its mark price, as Binance's
 * GET /fapi/v1/fundingRate gives it. */
inline std::vector<FundingEvent> universeFunding(const QString &symbol)
{
    auto rates =
        readCsvColumns(sourceFile(QStringLiteral("tests/data/real/universe/funding_8h/%1.csv").arg(symbol)));
    auto marks =
        readCsvColumns(sourceFile(QStringLiteral("tests/data/real/universe/mark_8h/%1.csv").arg(symbol)));
    std::map<qint64, double> markAt;
    for (std::size_t i = 0; i < marks[QStringLiteral("open_time_ms")].size(); ++i)
        markAt[qint64(marks[QStringLiteral("open_time_ms")][i])] = marks[QStringLiteral("open")][i];
    std::vector<FundingEvent> out;
    const auto &t = rates[QStringLiteral("funding_time_ms")];
    constexpr qint64 Hours8 = qint64(8) * 3600 * 1000;
    for (std::size_t i = 0; i < t.size(); ++i) {
        FundingEvent e;
        e.timeMs = qint64(t[i]);
        e.rate = rates[QStringLiteral("funding_rate")][i];
        const auto m = markAt.find(e.timeMs / Hours8 * Hours8);
        if (m != markAt.end())
            e.markPrice = m->second;
        out.push_back(e);
    }
    return out;
}

/** GET /fapi/v1/klines of MockBinanceRest: symbol, interval (1m; 5m made from the 1 m bars as Binance makes
 *  them), startTime, endTime, limit, answered as Binance does (the first `limit` bars with startTime <= open
 *  time <= endTime, arrays of 12 fields, numbers as strings); an unknown symbol is refused (HTTP 400,
 *  -1121). */
class MockKlines : public MockBinanceRest
{
public:
    using MockBinanceRest::MockBinanceRest;

    void addSymbol(const QString &symbol, const std::vector<Bar> &minutes)
    {
        m_bars[{symbol, 60}] = minutes;
        m_bars[{symbol, 300}] = aggregateMinutes(minutes, 300);
    }
    /** The bars the mock serves, open times in [fromMs, toMs). */
    std::vector<Bar> bars(const QString &symbol, int intervalSeconds, qint64 fromMs, qint64 toMs) const
    {
        std::vector<Bar> out;
        for (const Bar &b : m_bars.at({symbol, intervalSeconds}))
            if (b.openMs >= fromMs && b.openMs < toMs)
                out.push_back(b);
        return out;
    }

protected:
    QByteArray page(const Request &r) const override
    {
        const int seconds = r.interval == QLatin1String("5m") ? 300 : 60;
        return klinesPage(m_bars.at({r.symbol, seconds}), seconds, r.startTime,
                          r.endTime >= 0 ? r.endTime : std::numeric_limits<qint64>::max(), r.limit);
    }
    QByteArray malformed() const override { return R"([[1746372780000,"95505.4","9550)"; }
    int weight(const Request &r) const override { return klineRequestWeight(r.limit); }
    QByteArray refusal(const Request &r) const override
    {
        const int seconds = r.interval == QLatin1String("5m") ? 300 : 60;
        return m_bars.count({r.symbol, seconds}) ? QByteArray()
                                                 : QByteArray(R"({"code":-1121,"msg":"Invalid symbol."})");
    }

private:
    std::map<std::pair<QString, int>, std::vector<Bar>> m_bars;
};

/** GET /fapi/v1/fundingRate of MockBinanceRest: symbol, startTime, endTime, limit, answered as Binance does
 *  (the first `limit` events with startTime <= funding time <= endTime, ascending, numbers as strings). */
class MockFunding : public MockBinanceRest
{
public:
    using MockBinanceRest::MockBinanceRest;

    void addSymbol(const QString &symbol, const std::vector<FundingEvent> &events)
    {
        m_events[symbol] = events;
    }
    /** The events the mock serves with time in [fromMs, toMs). */
    std::vector<FundingEvent> events(const QString &symbol, qint64 fromMs, qint64 toMs) const
    {
        std::vector<FundingEvent> out;
        for (const FundingEvent &e : m_events.at(symbol))
            if (e.timeMs >= fromMs && e.timeMs < toMs)
                out.push_back(e);
        return out;
    }

protected:
    QByteArray page(const Request &r) const override
    {
        return fundingRatesPage(r.symbol, m_events.at(r.symbol), r.startTime < 0 ? 0 : r.startTime,
                                r.endTime >= 0 ? r.endTime : std::numeric_limits<qint64>::max(), r.limit);
    }
    QByteArray malformed() const override { return R"([{"symbol":"BTCUSDT","fundingTime":17413)"; }
    int weight(const Request &) const override { return 1; }
    QByteArray refusal(const Request &r) const override
    {
        return m_events.count(r.symbol) ? QByteArray()
                                        : QByteArray(R"({"code":-1121,"msg":"Invalid symbol."})");
    }

private:
    std::map<QString, std::vector<FundingEvent>> m_events;
};

} // namespace pairlab::test
