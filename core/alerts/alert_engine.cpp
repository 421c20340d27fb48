#include "alerts/alert_engine.h"

#include "analytics/pair_analytics_service.h"
#include "logging/log_categories.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QLoggingCategory>

#include <cmath>

namespace pairlab {

namespace {

// Every message of this file is in the translation context "AlertEngine" (lupdate reads the macro).
struct AlertEngineText
{
    Q_DECLARE_TR_FUNCTIONS(AlertEngine)
};

double logReturn(double p, double previous)
{
    return (p > 0 && previous > 0) ? std::log(p / previous) : std::numeric_limits<double>::quiet_NaN();
}

} // namespace

QString triggerModeKey(AlertTriggerMode mode)
{
    return mode == AlertTriggerMode::WhileTrue ? QStringLiteral("while_true") : QStringLiteral("rising");
}

AlertTriggerMode triggerModeFromKey(const QString &key)
{
    return key == QLatin1String("while_true") ? AlertTriggerMode::WhileTrue : AlertTriggerMode::Rising;
}

QJsonObject alertRuleToJson(const AlertRule &rule)
{
    QJsonObject o;
    o.insert(QStringLiteral("name"), rule.name);
    o.insert(QStringLiteral("pair"), rule.pair);
    o.insert(QStringLiteral("expression"), rule.expression);
    o.insert(QStringLiteral("enabled"), rule.enabled);
    o.insert(QStringLiteral("trigger"), triggerModeKey(rule.triggerMode));
    o.insert(QStringLiteral("cooldown_s"), rule.cooldownS);
    o.insert(QStringLiteral("min_bars"), rule.minBars);
    return o;
}

bool alertRuleFromJson(const QJsonObject &o, AlertRule *rule, QString *error)
{
    AlertRule r;
    auto fail = [error](const char *field, const QString &what) { // field: the JSON key, as written
        if (error)
            *error = QStringLiteral("%1: %2").arg(QLatin1String(field), what);
        return false;
    };
    if (!o.value(QStringLiteral("expression")).isString() ||
        o.value(QStringLiteral("expression")).toString().trimmed().isEmpty())
        return fail("expression", AlertEngineText::tr("missing"));
    r.expression = o.value(QStringLiteral("expression")).toString();
    r.name = o.value(QStringLiteral("name")).toString(r.expression);
    r.pair = o.value(QStringLiteral("pair")).toString(QStringLiteral("*"));
    r.enabled = o.value(QStringLiteral("enabled")).toBool(true);
    const QString trigger = o.value(QStringLiteral("trigger")).toString(QStringLiteral("rising"));
    if (trigger != QLatin1String("rising") && trigger != QLatin1String("while_true"))
        return fail("trigger", AlertEngineText::tr("expected \"rising\" or \"while_true\""));
    r.triggerMode = triggerModeFromKey(trigger);
    r.cooldownS = o.value(QStringLiteral("cooldown_s")).toDouble(60);
    if (!(r.cooldownS >= 0))
        return fail("cooldown_s", AlertEngineText::tr("expected a number >= 0"));
    r.minBars = o.value(QStringLiteral("min_bars")).toInt(0);
    if (r.minBars < 0)
        return fail("min_bars", AlertEngineText::tr("expected a whole number >= 0"));
    *rule = r;
    return true;
}

AlertVariables alertVariablesFrom(const PairAnalytics &a, const AlertMarketInputs &m)
{
    AlertVariables v;
    v[AlertVariable::Z] = a.live.zscore;
    v[AlertVariable::KalmanZ] = a.live.scaledKalmanZ;
    v[AlertVariable::KalmanSpread] = a.live.scaledKalmanSpread;
    v[AlertVariable::Spread] = a.live.spread;
    v[AlertVariable::Corr] = a.live.corrPrice;
    v[AlertVariable::CorrRet] = a.live.corrLogReturn;
    if (a.full && a.full->ok()) {
        const PairAnalysis &f = *a.full;
        v[AlertVariable::Beta] = f.ols.beta;
        v[AlertVariable::AdfP] = f.adfC.ok() ? f.adfC.pvalue : kNaN;
        v[AlertVariable::CointP] = f.coint.ok() ? f.coint.pvalue : kNaN;
        v[AlertVariable::HalfLife] = f.halfLife.ok() ? f.halfLife.halfLife : kNaN;
    }
    v[AlertVariable::PriceX] = m.priceX;
    v[AlertVariable::PriceY] = m.priceY;
    v[AlertVariable::RetX] = logReturn(m.priceX, m.previousPriceX);
    v[AlertVariable::RetY] = logReturn(m.priceY, m.previousPriceY);
    v[AlertVariable::VolumeX] = m.volumeX;
    v[AlertVariable::VolumeY] = m.volumeY;
    v.bars = a.bars;
    v.timeMs = a.lastTimeMs;
    return v;
}

void AlertEngine::setRules(const QList<AlertRule> &rules)
{
    std::vector<Entry> next;
    next.reserve(std::size_t(rules.size()));
    for (const AlertRule &r : rules) {
        Entry e{r, AlertExpression(r.expression), {}, {}};
        for (Entry &old : m_entries) {
            if (old.rule.id == r.id && r.id != 0 && old.rule.expression == r.expression &&
                old.rule.pair == r.pair && old.rule.triggerMode == r.triggerMode) {
                e.state = std::move(old.state);
                e.lastReason = old.lastReason;
                break;
            }
        }
        if (!e.expression.isValid())
            e.lastReason = e.expression.compileResult().message;
        next.push_back(std::move(e));
    }
    m_entries = std::move(next);
}

QList<AlertRule> AlertEngine::rules() const
{
    QList<AlertRule> out;
    for (const Entry &e : m_entries)
        out << e.rule;
    return out;
}

const AlertEngine::Entry *AlertEngine::find(qint64 ruleId) const
{
    for (const Entry &e : m_entries)
        if (e.rule.id == ruleId)
            return &e;
    return nullptr;
}

QString AlertEngine::lastReason(qint64 ruleId) const
{
    const Entry *e = find(ruleId);
    return e ? e->lastReason : QString();
}

AlertCompileResult AlertEngine::compileResult(qint64 ruleId) const
{
    const Entry *e = find(ruleId);
    return e ? e->expression.compileResult() : AlertCompileResult{};
}

void AlertEngine::resetState()
{
    for (Entry &e : m_entries) {
        e.state.clear();
        e.lastReason = e.expression.isValid() ? QString() : e.expression.compileResult().message;
    }
}

QList<AlertEvent> AlertEngine::evaluate(const QString &pair, const AlertVariables &v)
{
    QList<AlertEvent> fired;
    for (Entry &e : m_entries) {
        const AlertRule &r = e.rule;
        if (!r.enabled || !r.appliesTo(pair) || !e.expression.isValid())
            continue;
        if (v.bars < r.minBars) {
            e.lastReason = AlertEngineText::tr("waiting for %1 bars (%2 so far)").arg(r.minBars).arg(v.bars);
            continue;
        }
        const AlertEvaluation ev = e.expression.evaluate(v);
        if (!ev.valid) {
            if (e.lastReason != ev.reason) // logged once per change, not on every update
                qCInfo(lcAlerts).noquote() << QStringLiteral("rule %1 (%2) on %3 not evaluated at %4: %5")
                                                  .arg(r.id)
                                                  .arg(r.name, pair)
                                                  .arg(v.timeMs)
                                                  .arg(ev.reason);
            e.lastReason = ev.reason;
            continue;
        }
        PairState &st = e.state[pair];
        const bool now = ev.value != 0;
        const bool wasTrue = st.previous == 1;
        st.previous = now ? 1 : 0;
        if (!now) {
            e.lastReason.clear();
            continue;
        }
        if (r.triggerMode == AlertTriggerMode::Rising && wasTrue) {
            e.lastReason.clear();
            continue;
        }
        const double cooldownMs = std::max(0.0, r.cooldownS) * 1000.0;
        if (st.fired && double(v.timeMs - st.lastFireMs) < cooldownMs) {
            e.lastReason = AlertEngineText::tr("in cooldown until %1 ms")
                               .arg(st.lastFireMs + qint64(std::ceil(cooldownMs)));
            continue;
        }
        st.fired = true;
        st.lastFireMs = v.timeMs;
        e.lastReason.clear();

        AlertEvent out;
        out.ruleId = r.id;
        out.timeMs = v.timeMs;
        out.ruleName = r.name;
        out.pair = pair;
        QStringList shown;
        for (int i = 0; i < AlertVariableCount; ++i) {
            if (!e.expression.uses()[std::size_t(i)])
                continue;
            const QString name = alertVariableName(AlertVariable(i));
            out.values.append({name, v.values[std::size_t(i)]});
            shown << QStringLiteral("%1 = %2").arg(name, QString::number(v.values[std::size_t(i)], 'g', 6));
        }
        out.message =
            shown.isEmpty()
                ? AlertEngineText::tr("%1 on %2: %3").arg(r.name, alertPairLabel(pair), r.expression)
                : AlertEngineText::tr("%1 on %2: %3 (%4)")
                      .arg(r.name, alertPairLabel(pair), r.expression, shown.join(QStringLiteral(", ")));
        fired.append(std::move(out));
    }
    return fired;
}

} // namespace pairlab
