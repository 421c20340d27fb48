#pragma once

// GENERATED from shared/data/reference/mackinnon_tables.json, whose source is:
//   statsmodels 0.13.5+dfsg statsmodels/tsa/adfvalues.py (MacKinnon 1994 p-value surface; MacKinnon 2010 critical values; 'n' crit from 1996)
// Values copied verbatim (Python repr of each double), lowest-order coefficient first; a JSON null
// (tau_max of 'n', N = 1, np.inf in statsmodels) is +infinity. Regenerate, do not edit by hand.

#include <array>
#include <limits>

namespace pairlab::mackinnon {

inline constexpr double kInf = std::numeric_limits<double>::infinity();

/** MacKinnon (1994) p-value surface for one trend; every array is indexed by N-1 (N = 1, 2). */
struct PValueTable {
    std::array<double, 2> tauMax, tauMin, tauStar;
    std::array<std::array<double, 3>, 2> smallP;
    std::array<std::array<double, 4>, 2> largeP;
};

inline constexpr PValueTable kPValueC{{2.74, 0.92}, {-18.83, -18.86}, {-1.61, -2.62},
    {{{2.1659, 1.4412, 0.038269000000000004}, {2.92, 1.5012, 0.039796}}},
    {{{1.7339, 0.9320200000000001, -0.12745, -0.010368}, {2.1945, 0.64695, -0.29198, -0.042377000000000005}}}};
inline constexpr PValueTable kPValueCt{{0.7, 0.63}, {-16.18, -21.15}, {-2.89, -3.19},
    {{{3.2512, 1.6047, 0.049588}, {3.6646, 1.5419, 0.036448}}},
    {{{2.5261, 0.6165400000000001, -0.37956, -0.060285000000000005}, {2.85, 0.5272, -0.36622, -0.051695000000000005}}}};
inline constexpr PValueTable kPValueN{{kInf, 1.51}, {-19.04, -19.62}, {-1.04, -1.53},
    {{{0.6344, 1.2378, 0.032496000000000004}, {1.9129, 1.3857, 0.035322}}},
    {{{0.4797, 0.9355700000000001, -0.06999, 0.033066}, {1.5578, 0.8558, -0.20830000000000004, -0.033549}}}};

/** Critical values, rows 1 %, 5 %, 10 %: b0 + b1/T + b2/T^2 + b3/T^3 (MacKinnon 2010; 'n' from 1996). */
using CritTable = std::array<std::array<double, 4>, 3>;
inline constexpr CritTable kCritCN1{{{-3.43035, -6.5393, -16.786, -79.433},
    {-2.86154, -2.8903, -4.234, -40.04},
    {-2.56677, -1.5384, -2.809, 0.0}}};
inline constexpr CritTable kCritCN2{{{-3.89644, -10.9519, -33.527, 0.0},
    {-3.33613, -6.1101, -6.823, 0.0},
    {-3.04445, -4.2412, -2.72, 0.0}}};
inline constexpr CritTable kCritCtN1{{{-3.95877, -9.0531, -28.428, -134.155},
    {-3.41049, -4.3904, -9.036, -45.374},
    {-3.12705, -2.5856, -3.925, -22.38}}};
inline constexpr CritTable kCritCtN2{{{-4.32762, -15.4387, -35.679, 0.0},
    {-3.78057, -9.5106, -12.074, 0.0},
    {-3.49631, -7.0815, -7.538, 21.892}}};
inline constexpr CritTable kCritNN1{{{-2.56574, -2.2358, -3.627, 0.0},
    {-1.941, -0.2686, -3.365, 31.223},
    {-1.61682, 0.2656, -2.714, 25.364}}};

} // namespace pairlab::mackinnon
