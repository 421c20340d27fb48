#include "market/funding.h"

#include <QCoreApplication>

#include <simdjson.h>

#include <charconv>
#include <cmath>

namespace pairlab {

namespace {

struct FundingText
{
    Q_DECLARE_TR_FUNCTIONS(Funding)
};

bool toDouble(std::string_view text, double *out)
{
    const char *end = text.data() + text.size();
    const auto r = std::from_chars(text.data(), end, *out);
    return r.ec == std::errc() && r.ptr == end && std::isfinite(*out);
}

} // namespace

bool parseFundingRates(const QByteArray &json, const QString &symbol, std::vector<FundingEvent> *out,
                       QString *error)
{
    out->clear();
    simdjson::dom::parser parser;
    simdjson::dom::element doc;
    if (const auto e = parser.parse(json.constData(), std::size_t(json.size())).get(doc)) {
        *error = FundingText::tr("not JSON: %1").arg(QString::fromLatin1(simdjson::error_message(e)));
        return false;
    }
    simdjson::dom::array rows;
    if (doc.get_array().get(rows)) {
        *error = FundingText::tr("not a list of funding events");
        return false;
    }
    const QByteArray wanted = symbol.toLatin1();
    out->reserve(rows.size());
    std::size_t i = 0;
    for (simdjson::dom::element row : rows) {
        std::string_view sym, rate, mark;
        std::int64_t timeMs = 0;
        FundingEvent e;
        const bool shaped = !row[std::string_view("symbol")].get_string().get(sym) &&
                            !row[std::string_view("fundingTime")].get_int64().get(timeMs) &&
                            !row[std::string_view("fundingRate")].get_string().get(rate) &&
                            toDouble(rate, &e.rate);
        if (!shaped) {
            *error =
                FundingText::tr("funding event %1 lacks symbol, fundingTime or fundingRate, or has one of "
                                "the wrong type")
                    .arg(i);
            return false;
        }
        if (sym != std::string_view(wanted.constData(), std::size_t(wanted.size()))) {
            *error = FundingText::tr("funding event %1 is of %2, not %3")
                         .arg(i)
                         .arg(QString::fromLatin1(sym.data(), qsizetype(sym.size())), symbol);
            return false;
        }
        e.timeMs = timeMs;
        // Older events carry no mark price (absent or ""): NaN, valued at the close by the backtest.
        if (!row[std::string_view("markPrice")].get_string().get(mark) && !mark.empty() &&
            (!toDouble(mark, &e.markPrice) || !(e.markPrice > 0))) {
            *error =
                FundingText::tr("funding event %1 has a mark price that is not a positive number").arg(i);
            return false;
        }
        if (!out->empty() && e.timeMs <= out->back().timeMs) {
            *error = FundingText::tr("funding event %1 is not after the one before").arg(i);
            return false;
        }
        out->push_back(e);
        ++i;
    }
    return true;
}

} // namespace pairlab
