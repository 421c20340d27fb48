#pragma once

#include <QString>
#include <QTest>

#include <cmath>
#include <limits>

namespace pairlab::test {

/** Where the shared real data lives (../shared/data next to the repository, or PAIRLAB_SHARED_DATA). */
inline QString sharedData(const QString &relative)
{
    const QByteArray env = qgetenv("PAIRLAB_SHARED_DATA");
    const QString base = env.isEmpty() ? QStringLiteral(PAIRLAB_SHARED_DATA) : QString::fromLocal8Bit(env);
    return base + QLatin1Char('/') + relative;
}

inline QString sourceFile(const QString &relative)
{
    return QStringLiteral(PAIRLAB_SOURCE_DIR) + QLatin1Char('/') + relative;
}

/** NaN-aware comparison with a relative and an absolute tolerance: |a-b| <= abs + rel*max(|a|,|b|). */
inline bool fuzzyEqual(double actual, double expected, double rel = 1e-12, double abs = 0.0)
{
    if (std::isnan(actual) || std::isnan(expected))
        return std::isnan(actual) && std::isnan(expected);
    if (std::isinf(actual) || std::isinf(expected))
        return actual == expected;
    return std::fabs(actual - expected) <= abs + rel * std::max(std::fabs(actual), std::fabs(expected));
}

} // namespace pairlab::test

#define PAIRLAB_FUZZY_COMPARE(actual, expected, rel, abs)                                                      \
    do {                                                                                                       \
        const double a_ = (actual), e_ = (expected);                                                          \
        if (!pairlab::test::fuzzyEqual(a_, e_, (rel), (abs)))                                                  \
            QFAIL(qPrintable(QStringLiteral("%1 = %2, expected %3 (rel %4, abs %5)")                          \
                                 .arg(QStringLiteral(#actual)).arg(a_, 0, 'g', 17).arg(e_, 0, 'g', 17)         \
                                 .arg(rel).arg(abs)));                                                         \
    } while (false)
