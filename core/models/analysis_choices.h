#pragma once

#include "analytics/adf.h"
#include "models/pair_display.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <span>

// The analysis choices a user makes (hedge-ratio method, ADF deterministic terms), written once: the key
// stored in settings and workspaces, and the label shown (translated).
namespace pairlab {

struct HedgeMethodChoice
{
    HedgeMethod method;
    const char *key;   ///< in settings and workspace files
    const char *label; ///< untranslated; hedgeMethodName() translates it
};

struct AdfTrendChoice
{
    AdfTrend trend;
    const char *key;   ///< statsmodels' regression= value, also in settings and workspace files
    const char *label; ///< untranslated; adfTrendLabel() translates it
};

std::span<const HedgeMethodChoice> hedgeMethodChoices();
std::span<const AdfTrendChoice> adfTrendChoices();

QString hedgeMethodKey(HedgeMethod m);
std::optional<HedgeMethod> hedgeMethodFromKey(const QString &key);
QStringList hedgeMethodKeys();

QString adfTrendKey(AdfTrend t);
std::optional<AdfTrend> adfTrendFromKey(const QString &key);
QStringList adfTrendKeys();
/** "constant", "constant + trend", "none" (translated). */
QString adfTrendLabel(AdfTrend t);

} // namespace pairlab
