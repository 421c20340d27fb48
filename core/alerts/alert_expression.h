#pragma once

#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <array>
#include <limits>
#include <memory>

namespace pairlab {

/** The live variables an alert expression may use. `Count` is the sentinel. */
enum class AlertVariable {
    Z,            ///< rolling z-score of the spread (alias `zscore`)
    Spread,       ///< spread on the static OLS hedge
    Beta,         ///< static OLS hedge ratio the spread uses
    KalmanZ,      ///< z of the Kalman hedge's innovation (the Pair tab's z with the Kalman hedge)
    KalmanSpread, ///< the Kalman hedge's innovation (its spread)
    Corr,         ///< rolling price correlation
    CorrRet,      ///< rolling log-return correlation
    AdfP,         ///< ADF p-value of the spread ('c')
    CointP,       ///< Engle-Granger p-value
    HalfLife,     ///< half-life of the spread in bars
    PriceX,
    PriceY,
    RetX, ///< last log return of x
    RetY,
    VolumeX, ///< volume of the last bar of x
    VolumeY,
    Count
};
constexpr int AlertVariableCount = int(AlertVariable::Count);

/** Name used in expressions (`z`, `spread`, ..., `volume_y`). */
QString alertVariableName(AlertVariable v);
/** Translated one-line description, for a dialog's variable list. */
QString alertVariableDescription(AlertVariable v);
/** Every accepted name, canonical ones first, then the aliases (`zscore`). */
QStringList alertVariableNames();
/** The functions muparser offers in expressions (sin, abs, min, ...), for completion. */
QStringList alertFunctionNames();

/** One evaluation's inputs: the variables (NaN = undefined), the number of aligned bars and the
    market time (open time of the newest bar, ms) of the analytics update. */
struct AlertVariables
{
    std::array<double, AlertVariableCount> values;
    qint64 bars = 0;
    qint64 timeMs = 0;
    AlertVariables() { values.fill(std::numeric_limits<double>::quiet_NaN()); }
    double &operator[](AlertVariable v) { return values[std::size_t(v)]; }
    double operator[](AlertVariable v) const { return values[std::size_t(v)]; }
};

/** Limits of an expression: longer or more deeply bracketed text is refused before muparser sees it. */
constexpr int MaxAlertExpressionLength = 1000;
constexpr int MaxAlertExpressionDepth = 32;

/** Result of compiling an expression. `position` is the 0-based character offset of the error in
    the expression (-1 when unknown or ok); `usedVariables` are canonical names in AlertVariable order. */
struct AlertCompileResult
{
    bool ok = false;
    int position = -1;
    QString message;
    QStringList usedVariables;
};

/** Result of one evaluation. `valid` is false when a used variable is undefined (NaN), a division
    by zero happened or the result is not finite; `reason` then says why. A valid result is true
    when `value != 0`. */
struct AlertEvaluation
{
    bool valid = false;
    double value = std::numeric_limits<double>::quiet_NaN();
    QString reason;
    bool isTrue() const { return valid && value != 0; }
};

/** A compiled alert expression (muparser bytecode).

    The language is muparser's arithmetic only: numbers, the variables above, + - * / ^, comparisons
    (< > <= >= == !=), && ||, the ternary ?:, and muparser's built-in math functions. There is no
    assignment, no string, no user callback other than the arithmetic operators defined here (which
    are pure functions), so an expression can neither run code nor touch files. Division is a
    PairLab operator that records a division by zero, so `z/0 > 1` is reported instead of
    comparing infinity. Expressions beyond MaxAlertExpressionLength characters or
    MaxAlertExpressionDepth nested brackets are refused.

    Threading: an instance is not shared between threads; compilation is serialised internally
    (muparser keeps process-wide parser state), evaluation runs on the caller's thread. Move-only. */
class AlertExpression
{
public:
    AlertExpression();
    explicit AlertExpression(const QString &expression);
    ~AlertExpression();
    AlertExpression(AlertExpression &&) noexcept;
    AlertExpression &operator=(AlertExpression &&) noexcept;
    AlertExpression(const AlertExpression &) = delete;
    AlertExpression &operator=(const AlertExpression &) = delete;

    const AlertCompileResult &compileResult() const { return m_compile; }
    bool isValid() const { return m_compile.ok; }
    const QString &text() const { return m_text; }
    /** Which variables the expression reads, as AlertVariable indices. */
    const std::array<bool, AlertVariableCount> &uses() const { return m_uses; }

    /** Evaluates on the given variables (an invalid expression returns its compile message). */
    AlertEvaluation evaluate(const AlertVariables &variables) const;

private:
    struct Impl;
    QString m_text;
    AlertCompileResult m_compile;
    std::array<bool, AlertVariableCount> m_uses{};
    std::unique_ptr<Impl> d;
};

/** Live validation for a dialog: compiles `expression` and reports ok, the error position and
    message, and the variables used. Cheap enough to call on every keystroke. */
AlertCompileResult compileAlertExpression(const QString &expression);

/** Compile + evaluate once on sample variables (e.g. the current analytics) for a preview. */
struct AlertPreview
{
    AlertCompileResult compile;
    AlertEvaluation evaluation;
};
AlertPreview previewAlertExpression(const QString &expression, const AlertVariables &variables);

} // namespace pairlab
