#pragma once

#include "market/bar.h"
#include "market/funding.h"

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QString>
#include <QTcpServer>
#include <QUrl>

#include <map>
#include <vector>

class QTcpSocket;

namespace pairlab {

/** Bars of `seconds` made from 1 m bars as the exchange makes them (open of the first minute, high, low,
 * close of the last, volume and trades summed), open times on the bar length's grid. */
std::vector<Bar> aggregateMinutes(const std::vector<Bar> &minutes, int seconds);

/** The body of a GET /fapi/v1/klines answer as Binance writes it: the first `limit` of `bars` (ascending)
 * whose open time lies in [startMs, endMs], each [open time, "open", "high", "low", "close", "volume", close
 * time, "quote volume", trades, "taker base", "taker quote", "0"] with the numbers that have no source as
 * "0". */
QByteArray klinesPage(const std::vector<Bar> &bars, int intervalSeconds, qint64 startMs, qint64 endMs,
                      int limit);

/** The body of a GET /fapi/v1/fundingRate answer as Binance writes it: the first `limit` events (ascending)
 * with startMs <= funding time <= endMs, each {"symbol","fundingTime","fundingRate","markPrice"} (the numbers
 * as strings; markPrice "" when unknown). */
QByteArray fundingRatesPage(const QString &symbol, const std::vector<FundingEvent> &events, qint64 startMs,
                            qint64 endMs, int limit);

/** A loopback stand-in for Binance's GET /fapi/v1/klines (HTTP/1.1 on 127.0.0.1): what the demo's history is
 *  filled from, through the same back-fill code as Binance's. Serves the 1 m bars given per symbol and 5 m,
 *  15 m, 1 h bars made from them; an unknown symbol or bar length is refused as Binance refuses it. Also
 *  answers GET /fapi/v1/exchangeInfo and /fapi/v1/ticker/24hr for those symbols (the symbol catalogue). */
class KlineServer : public QObject
{
    Q_OBJECT
public:
    explicit KlineServer(QObject *parent = nullptr);
    void addSymbol(const QString &symbol, const std::vector<Bar> &minutes);
    /** Funding events served by GET /fapi/v1/fundingRate for symbol. */
    void addFunding(const QString &symbol, const std::vector<FundingEvent> &events);
    bool listen(QString *error);
    QUrl url() const;

private:
    void onRead(QTcpSocket *socket);
    QByteArray answer(const QByteArray &target, QByteArray *status) const;
    QByteArray exchangeInfo() const; ///< every 1 m symbol as a TRADING perpetual, grids from its bars
    QByteArray tickers() const;      ///< quoteVolume = sum of close x volume over the newest 1,440 minutes

    QTcpServer m_server;
    std::map<std::pair<QString, int>, std::vector<Bar>> m_bars;
    std::map<QString, std::vector<FundingEvent>> m_funding;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

/** The demo's history: seven days of real Binance USD-M 1 m bars of BTCUSDT and ETHUSDT (May/June 2025,
 *  bundled), moved in time to end at `endMs` and scaled to each symbol's price there (`priceAt`), so that
 *  they run on into the recording. The app says so where it starts the demo. */
bool loadDemoHistory(qint64 endMs, const QHash<QString, double> &priceAt, KlineServer *server,
                     QString *error);

} // namespace pairlab
