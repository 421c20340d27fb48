#pragma once

#include <QByteArray>
#include <QString>
#include <QtGlobal>

#include <limits>
#include <vector>

namespace pairlab {

/** One funding event of a USD-M perpetual: at timeMs a position held pays (long, rate > 0) or receives
 *  rate · notional, the notional valued at the mark price of that time. */
struct FundingEvent
{
    qint64 timeMs = 0;
    double rate = 0.0;                                           ///< per funding period (8 h on most symbols)
    double markPrice = std::numeric_limits<double>::quiet_NaN(); ///< NaN when the source has none
    bool operator==(const FundingEvent &o) const = default;
};

/** Parses a GET /fapi/v1/fundingRate answer: [{"symbol","fundingTime","fundingRate","markPrice"}, …]
 *  ascending by fundingTime; the rate must be a finite number; markPrice may be absent or empty (older
 *  events), then it is NaN. Events of another symbol are an error. */
bool parseFundingRates(const QByteArray &json, const QString &symbol, std::vector<FundingEvent> *out,
                       QString *error);

} // namespace pairlab
