#include "models/analysis_choices.h"

#include <QCoreApplication>

namespace pairlab {

namespace {

constexpr HedgeMethodChoice HedgeMethods[] = {
    {HedgeMethod::Ols, "ols", QT_TRANSLATE_NOOP("HedgeMethod", "OLS")},
    {HedgeMethod::Huber, "huber", QT_TRANSLATE_NOOP("HedgeMethod", "Huber")},
    {HedgeMethod::TheilSen, "theil-sen", QT_TRANSLATE_NOOP("HedgeMethod", "Theil-Sen")},
    {HedgeMethod::Kalman, "kalman", QT_TRANSLATE_NOOP("HedgeMethod", "Kalman")},
};

constexpr AdfTrendChoice AdfTrends[] = {
    {AdfTrend::Constant, "c", QT_TRANSLATE_NOOP("AdfTrend", "constant")},
    {AdfTrend::ConstantTrend, "ct", QT_TRANSLATE_NOOP("AdfTrend", "constant + trend")},
    {AdfTrend::None, "n", QT_TRANSLATE_NOOP("AdfTrend", "none")},
};

} // namespace

std::span<const HedgeMethodChoice> hedgeMethodChoices()
{
    return HedgeMethods;
}

std::span<const AdfTrendChoice> adfTrendChoices()
{
    return AdfTrends;
}

QString hedgeMethodName(HedgeMethod m)
{
    for (const HedgeMethodChoice &c : HedgeMethods)
        if (c.method == m)
            return QCoreApplication::translate("HedgeMethod", c.label);
    return {};
}

QString hedgeMethodKey(HedgeMethod m)
{
    for (const HedgeMethodChoice &c : HedgeMethods)
        if (c.method == m)
            return QString::fromLatin1(c.key);
    return {};
}

std::optional<HedgeMethod> hedgeMethodFromKey(const QString &key)
{
    for (const HedgeMethodChoice &c : HedgeMethods)
        if (key == QLatin1String(c.key))
            return c.method;
    return std::nullopt;
}

QStringList hedgeMethodKeys()
{
    QStringList keys;
    for (const HedgeMethodChoice &c : HedgeMethods)
        keys << QString::fromLatin1(c.key);
    return keys;
}

QString adfTrendKey(AdfTrend t)
{
    for (const AdfTrendChoice &c : AdfTrends)
        if (c.trend == t)
            return QString::fromLatin1(c.key);
    return {};
}

std::optional<AdfTrend> adfTrendFromKey(const QString &key)
{
    for (const AdfTrendChoice &c : AdfTrends)
        if (key == QLatin1String(c.key))
            return c.trend;
    return std::nullopt;
}

QStringList adfTrendKeys()
{
    QStringList keys;
    for (const AdfTrendChoice &c : AdfTrends)
        keys << QString::fromLatin1(c.key);
    return keys;
}

QString adfTrendLabel(AdfTrend t)
{
    for (const AdfTrendChoice &c : AdfTrends)
        if (c.trend == t)
            return QCoreApplication::translate("AdfTrend", c.label);
    return {};
}

} // namespace pairlab
