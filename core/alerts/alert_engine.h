#pragma once

#include "alerts/alert_expression.h"
#include "alerts/alert_rule.h"

#include <QHash>
#include <QList>

#include <vector>

namespace pairlab {

struct PairAnalytics;

/** Last prices and volumes of the two legs that PairAnalytics does not carry: the newest closes, the
    closes one bar before (for ret_x/ret_y = ln(p_t/p_{t-1})) and the volumes of the newest bars. */
struct AlertMarketInputs
{
    double priceX = std::numeric_limits<double>::quiet_NaN(),
           priceY = std::numeric_limits<double>::quiet_NaN();
    double previousPriceX = std::numeric_limits<double>::quiet_NaN(),
           previousPriceY = std::numeric_limits<double>::quiet_NaN();
    double volumeX = std::numeric_limits<double>::quiet_NaN(),
           volumeY = std::numeric_limits<double>::quiet_NaN();
};

/** Builds the variables of one analytics update: z, spread, kalman_z, kalman_spread, corr, corr_ret from
    `live`; beta (the
    static OLS hedge the spread uses), adf_p ('c' ADF on the spread), coint_p (Engle-Granger),
    half_life from `full` (NaN while there is none or it failed); bars = analytics.bars,
    time = analytics.lastTimeMs; prices/returns/volumes from `market`. */
AlertVariables alertVariablesFrom(const PairAnalytics &analytics, const AlertMarketInputs &market = {});

/** Evaluates alert rules on analytics updates.

    A pure evaluation object: it holds the compiled rules and each rule's trigger state per pair, and
    returns the events that fired; it does no I/O (the caller appends the events to the AlertStore).
    Not thread-safe, no QObject: own one per thread, typically on the worker that receives the
    analytics, or on the GUI thread (one rule costs well under a microsecond per update).

    Per rule and pair, on each `evaluate` with market time t (AlertVariables::timeMs):
    - disabled rules, rules of other pairs and invalid expressions are skipped;
    - while bars < minBars the rule is not evaluated (reason "waiting for N bars");
    - an invalid evaluation (undefined variable, division by zero, non-finite result) never fires,
      keeps the rule's previous truth value and records the reason (lastReason(); logged to the
      category "pairlab.alerts" whenever the reason changes);
    - Rising fires when the expression is true and its previous valid evaluation was false (or there
      was none); WhileTrue fires on every true evaluation;
    - a firing is suppressed while t - lastFire < cooldown (market time, so replays are
      deterministic); a rising edge inside the cooldown is consumed, not postponed.
    Market time running backwards (a new replay) is the caller's cue to call resetState(). */
class AlertEngine
{
public:
    AlertEngine() = default;
    AlertEngine(const AlertEngine &) = delete;
    AlertEngine &operator=(const AlertEngine &) = delete;

    /** Replaces the rules. Trigger state is kept for rules whose id, expression, pair and mode are
        unchanged (so editing a name or cooldown does not re-fire). Store rules first: look-ups are
        by id, and unsaved rules (id 0) share that id. */
    void setRules(const QList<AlertRule> &rules);
    QList<AlertRule> rules() const;

    /** Evaluates every enabled rule that applies to `pair`; returns the events that fired (id 0). */
    QList<AlertEvent> evaluate(const QString &pair, const AlertVariables &variables);

    /** Why the rule last did not fire or could not be evaluated (empty after a clean evaluation or
        a firing); includes compile errors. */
    QString lastReason(qint64 ruleId) const;
    /** Compile result of a rule's expression (ok = false for an unknown id). */
    AlertCompileResult compileResult(qint64 ruleId) const;
    /** Forgets all trigger state (previous values, last firing times, reasons). */
    void resetState();

private:
    struct PairState
    {
        int previous = -1; ///< -1 never validly evaluated, 0 false, 1 true
        bool fired = false;
        qint64 lastFireMs = 0;
    };
    struct Entry
    {
        AlertRule rule;
        AlertExpression expression;
        QHash<QString, PairState> state;
        QString lastReason;
    };
    const Entry *find(qint64 ruleId) const;
    std::vector<Entry> m_entries;
};

} // namespace pairlab
