#pragma once

#include <QList>
#include <QPointF>

#include <cstdint>
#include <span>

namespace pairlab {

/** Min/max decimation for drawing a time series: the points of [fromMs, toMs] are split into `columns`
 *  equal time buckets (one per pixel column) and each bucket contributes its first, minimum, maximum and
 *  last point in time order (fewer when they coincide), so every spike stays visible and a line through
 *  the result looks exactly like the line through all points at that width. NaN values break nothing:
 *  they are skipped. One point before and after the range are kept so lines reach the edges.
 *  `times` must be ascending. O(points in range). Any thread. */
QList<QPointF> decimateMinMax(std::span<const qint64> times, std::span<const double> values,
                              qint64 fromMs, qint64 toMs, int columns);

} // namespace pairlab
