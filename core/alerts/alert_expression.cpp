#include "alerts/alert_expression.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <muParser.h>

#include <cmath>
#include <mutex>

namespace pairlab {

namespace {

struct VariableInfo
{
    const char *name;
    const char *description;
};

// Order = AlertVariable.
constexpr VariableInfo kVariables[AlertVariableCount] = {
    {"z", QT_TRANSLATE_NOOP(
              "AlertExpression",
              "rolling z-score of the static OLS spread (alias zscore; the Kalman hedge's z is kalman_z)")},
    {"spread", QT_TRANSLATE_NOOP("AlertExpression", "spread y - (alpha + beta x) on the static hedge")},
    {"beta", QT_TRANSLATE_NOOP("AlertExpression", "static OLS hedge ratio of the spread")},
    {"kalman_z",
     QT_TRANSLATE_NOOP("AlertExpression",
                       "z-score of the Kalman hedge's spread (its innovation; warm-up = window)")},
    {"kalman_spread",
     QT_TRANSLATE_NOOP("AlertExpression",
                       "spread of the Kalman hedge: y - (alpha + beta x) with the prior state")},
    {"corr", QT_TRANSLATE_NOOP("AlertExpression", "rolling correlation of the prices")},
    {"corr_ret", QT_TRANSLATE_NOOP("AlertExpression", "rolling correlation of the log returns")},
    {"adf_p", QT_TRANSLATE_NOOP("AlertExpression", "ADF p-value of the spread")},
    {"coint_p", QT_TRANSLATE_NOOP("AlertExpression", "Engle-Granger cointegration p-value")},
    {"half_life", QT_TRANSLATE_NOOP("AlertExpression", "half-life of the spread in bars")},
    {"price_x", QT_TRANSLATE_NOOP("AlertExpression", "last close of x")},
    {"price_y", QT_TRANSLATE_NOOP("AlertExpression", "last close of y")},
    {"ret_x", QT_TRANSLATE_NOOP("AlertExpression", "last log return of x")},
    {"ret_y", QT_TRANSLATE_NOOP("AlertExpression", "last log return of y")},
    {"volume_x", QT_TRANSLATE_NOOP("AlertExpression", "volume of the last bar of x")},
    {"volume_y", QT_TRANSLATE_NOOP("AlertExpression", "volume of the last bar of y")},
};

struct Alias
{
    const char *name;
    AlertVariable target;
};
constexpr Alias kAliases[] = {{"zscore", AlertVariable::Z}};

// Every message of this file is in the translation context "AlertExpression" (lupdate reads the macro).
struct AlertExpressionText
{
    Q_DECLARE_TR_FUNCTIONS(AlertExpression)
};

// Division by zero is counted per thread while an expression is evaluated.
thread_local int t_divisionsByZero = 0;

double opAdd(double a, double b)
{
    return a + b;
}
double opSub(double a, double b)
{
    return a - b;
}
double opMul(double a, double b)
{
    return a * b;
}
double opDiv(double a, double b)
{
    if (b == 0)
        ++t_divisionsByZero;
    return a / b;
}
double opPow(double a, double b)
{
    return std::pow(a, b);
}
double opLt(double a, double b)
{
    return a < b;
}
double opGt(double a, double b)
{
    return a > b;
}
double opLe(double a, double b)
{
    return a <= b;
}
double opGe(double a, double b)
{
    return a >= b;
}
double opEq(double a, double b)
{
    return a == b;
}
double opNe(double a, double b)
{
    return a != b;
}
double opAnd(double a, double b)
{
    return a != 0 && b != 0;
}
double opOr(double a, double b)
{
    return a != 0 || b != 0;
}

// muparser's token reader and locale are process-wide; compile one expression at a time.
std::mutex &compileMutex()
{
    static std::mutex m;
    return m;
}

int firstTopLevelComma(const QString &e)
{
    int depth = 0;
    for (int i = 0; i < e.size(); ++i) {
        const QChar c = e.at(i);
        if (c == QLatin1Char('('))
            ++depth;
        else if (c == QLatin1Char(')'))
            --depth;
        else if (c == QLatin1Char(',') && depth == 0)
            return i;
    }
    return -1;
}

} // namespace

struct AlertExpression::Impl
{
    mu::Parser parser;
    std::array<double, AlertVariableCount> vars{};
};

QString alertVariableName(AlertVariable v)
{
    return QString::fromLatin1(kVariables[int(v)].name);
}

QString alertVariableDescription(AlertVariable v)
{
    return AlertExpressionText::tr(kVariables[int(v)].description);
}

QStringList alertVariableNames()
{
    QStringList names;
    for (const auto &v : kVariables)
        names << QString::fromLatin1(v.name);
    for (const auto &a : kAliases)
        names << QString::fromLatin1(a.name);
    return names;
}

QStringList alertFunctionNames()
{
    static const char *const names[] = {"abs",   "sign",  "sqrt",  "exp",  "ln",   "log",  "log2",
                                        "log10", "rint",  "min",   "max",  "sum",  "avg",  "sin",
                                        "cos",   "tan",   "asin",  "acos", "atan", "sinh", "cosh",
                                        "tanh",  "asinh", "acosh", "atanh"};
    QStringList out;
    for (const char *n : names)
        out << QString::fromLatin1(n);
    return out;
}

AlertExpression::AlertExpression() : AlertExpression(QString()) {}

AlertExpression::AlertExpression(const QString &expression) : m_text(expression), d(std::make_unique<Impl>())
{
    AlertCompileResult &r = m_compile;
    if (expression.trimmed().isEmpty()) {
        r.position = 0;
        r.message = AlertExpressionText::tr("the expression is empty");
        return;
    }
    if (expression.size() > MaxAlertExpressionLength) {
        r.position = MaxAlertExpressionLength;
        r.message = AlertExpressionText::tr("the expression is longer than %1 characters")
                        .arg(MaxAlertExpressionLength);
        return;
    }
    int depth = 0;
    for (int i = 0; i < expression.size(); ++i) {
        if (expression.at(i) == QLatin1Char('('))
            ++depth;
        else if (expression.at(i) == QLatin1Char(')'))
            --depth;
        if (depth > MaxAlertExpressionDepth) {
            r.position = i;
            r.message = AlertExpressionText::tr("column %1: brackets nested deeper than %2 levels")
                            .arg(i + 1)
                            .arg(MaxAlertExpressionDepth);
            return;
        }
    }
    // muparser works on narrow strings; anything outside ASCII can only be an invalid token.
    for (int i = 0; i < expression.size(); ++i) {
        const QChar c = expression.at(i);
        if (c.unicode() > 126 || (c.unicode() < 32 && !c.isSpace())) {
            r.position = i;
            r.message = AlertExpressionText::tr("invalid character '%1'").arg(c);
            return;
        }
    }
    std::lock_guard lock(compileMutex());
    mu::Parser &p = d->parser;
    try {
        // Replace muparser's built-in binary operators (it has assignment) by pure arithmetic ones.
        p.EnableBuiltInOprt(false);
        p.DefineOprt("+", opAdd, mu::prADD_SUB, mu::oaLEFT, true);
        p.DefineOprt("-", opSub, mu::prADD_SUB, mu::oaLEFT, true);
        p.DefineOprt("*", opMul, mu::prMUL_DIV, mu::oaLEFT, true);
        p.DefineOprt("/", opDiv, mu::prMUL_DIV, mu::oaLEFT, false); // never folded: must count at run time
        p.DefineOprt("^", opPow, mu::prPOW, mu::oaRIGHT, true);
        p.DefineOprt("<", opLt, mu::prCMP, mu::oaLEFT, true);
        p.DefineOprt(">", opGt, mu::prCMP, mu::oaLEFT, true);
        p.DefineOprt("<=", opLe, mu::prCMP, mu::oaLEFT, true);
        p.DefineOprt(">=", opGe, mu::prCMP, mu::oaLEFT, true);
        p.DefineOprt("==", opEq, mu::prCMP, mu::oaLEFT, true);
        p.DefineOprt("!=", opNe, mu::prCMP, mu::oaLEFT, true);
        p.DefineOprt("&&", opAnd, mu::prLAND, mu::oaLEFT, true);
        p.DefineOprt("||", opOr, mu::prLOR, mu::oaLEFT, true);
        for (int i = 0; i < AlertVariableCount; ++i)
            p.DefineVar(kVariables[i].name, &d->vars[std::size_t(i)]);
        for (const auto &a : kAliases)
            p.DefineVar(a.name, &d->vars[std::size_t(a.target)]);
        p.SetExpr(expression.toStdString());
        d->vars.fill(1.0);
        const int before = t_divisionsByZero;
        p.Eval(); // parses and builds the bytecode; errors are thrown here
        t_divisionsByZero = before;
        if (p.GetNumResults() != 1) {
            r.position = std::max(0, firstTopLevelComma(expression));
            r.message = AlertExpressionText::tr(
                "only one expression is allowed (found a ',' outside a function call)");
            return;
        }
        for (const auto &[name, ptr] : p.GetUsedVar()) {
            const std::ptrdiff_t index = ptr - d->vars.data();
            if (index >= 0 && index < AlertVariableCount)
                m_uses[std::size_t(index)] = true;
        }
        for (int i = 0; i < AlertVariableCount; ++i)
            if (m_uses[std::size_t(i)])
                r.usedVariables << QString::fromLatin1(kVariables[i].name);
        r.ok = true;
        r.position = -1;
    } catch (const mu::Parser::exception_type &e) {
        r.position = e.GetPos() < 0 ? -1 : std::min(int(e.GetPos()), int(expression.size()));
        const QString token = QString::fromStdString(e.GetToken()).trimmed();
        if (e.GetCode() == mu::ecUNASSIGNABLE_TOKEN && !token.isEmpty() &&
            (token.at(0).isLetter() || token.at(0) == QLatin1Char('_'))) {
            int len = 0;
            while (len < token.size() &&
                   (token.at(len).isLetterOrNumber() || token.at(len) == QLatin1Char('_')))
                ++len;
            r.message = AlertExpressionText::tr("column %1: unknown variable or function '%2'")
                            .arg(r.position + 1)
                            .arg(token.left(len));
        } else if (e.GetCode() == mu::ecUNASSIGNABLE_TOKEN && !token.isEmpty()) {
            r.message = AlertExpressionText::tr("column %1: unexpected '%2'")
                            .arg(r.position + 1)
                            .arg(token.left(2).trimmed());
        } else {
            // muparser's own text names its 0-based position ("Unexpected end of expression at position
            // 13"); ours is the 1-based column, once.
            QString msg = QString::fromStdString(e.GetMsg());
            msg.remove(QRegularExpression(QStringLiteral(" at position \\d+")));
            r.message =
                r.position >= 0 ? AlertExpressionText::tr("column %1: %2").arg(r.position + 1).arg(msg) : msg;
        }
    }
}

AlertExpression::~AlertExpression() = default;
AlertExpression::AlertExpression(AlertExpression &&) noexcept = default;
AlertExpression &AlertExpression::operator=(AlertExpression &&) noexcept = default;

AlertEvaluation AlertExpression::evaluate(const AlertVariables &variables) const
{
    AlertEvaluation out;
    if (!m_compile.ok) {
        out.reason = m_compile.message;
        return out;
    }
    for (int i = 0; i < AlertVariableCount; ++i) {
        if (m_uses[std::size_t(i)] && !std::isfinite(variables.values[std::size_t(i)])) {
            out.reason = AlertExpressionText::tr("variable '%1' is undefined")
                             .arg(QString::fromLatin1(kVariables[i].name));
            return out;
        }
    }
    d->vars = variables.values;
    t_divisionsByZero = 0;
    try {
        out.value = d->parser.Eval();
    } catch (const mu::Parser::exception_type &e) {
        out.reason = QString::fromStdString(e.GetMsg());
        return out;
    }
    if (t_divisionsByZero > 0) {
        out.reason = AlertExpressionText::tr("division by zero");
        return out;
    }
    if (!std::isfinite(out.value)) {
        out.reason = std::isnan(out.value) ? AlertExpressionText::tr("the result is not a number")
                                           : AlertExpressionText::tr("the result is infinite");
        return out;
    }
    out.valid = true;
    return out;
}

AlertCompileResult compileAlertExpression(const QString &expression)
{
    return AlertExpression(expression).compileResult();
}

AlertPreview previewAlertExpression(const QString &expression, const AlertVariables &variables)
{
    const AlertExpression e(expression);
    return {e.compileResult(), e.evaluate(variables)};
}

} // namespace pairlab
