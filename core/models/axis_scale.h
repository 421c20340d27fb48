#pragma once

#include <QString>
#include <QtGlobal>

namespace pairlab {

/** A value axis on round numbers: lo and hi are multiples of step, step is 1, 2 or 5 × 10^k, and there
 *  are `ticks` labels (lo, lo + step, ..., hi). */
struct NiceScale
{
    double lo = 0, hi = 1, step = 0.5;
    int ticks = 3;
};

/** The tightest 1-2-5 scale with at most maxTicks labels (>= 2) that covers [lo, hi]. A single value
 *  gets a small span around it; a ceiling (e.g. 0 for drawdowns) is never crossed when the data stay at
 *  or below it. Non-finite input gives the default {0, 1}. */
NiceScale niceScale(double lo, double hi, int maxTicks, double ceiling = qQNaN());
/** A value axis' printf label format for ticks `step` apart: as many decimals as the step needs ("%.0f" for
 *  steps of 1 or more, "%.2f" for 0.05), never scientific notation ("5e+04" on an equity axis). */
QString valueLabelFormat(double step);

/** The time axis' label format (QDateTime syntax) for a visible range and the bars' length: daily or
 *  longer bars never show a clock time; dates carry the year when the range spans a new year or more
 *  than ~ten months; seconds only when the range is shorter than half an hour. */
QString timeAxisFormat(qint64 fromMs, qint64 toMs, qint64 barMs);

/** Decimals that show a price as an exchange quotes it: 2 for BTC or ETH, 4 near 1, 5 for 0.0123. */
int priceDecimals(double price);

/** A duration in its natural unit, three significant digits: "14.4 s", "8.28 min", "5.2 h", "29.7 days"
 *  (never "2.567e+06 s"). */
QString durationText(double seconds);

} // namespace pairlab
