#include "alerts/alert_expression.h"

#include "fuzz_util.h"

#include <cmath>
#include <cstdint>

using namespace pairlab;

/* An alert expression of arbitrary text (UTF-8 as the rule dialog and the database give it) through the
 * compiler and an evaluation on fixed variables, plus the dialog's live validation and preview.
 * Invariants: compiling twice gives the same result; an error has a message and a position inside the text;
 * a valid expression lists only variables it uses; an evaluation is either valid with a finite value or
 * invalid with a reason; the preview agrees with compile + evaluate; a moved expression evaluates alike. */

namespace {

AlertVariables sample()
{
    AlertVariables v;
    v[AlertVariable::Z] = 2.5;
    v[AlertVariable::Spread] = 12.0;
    v[AlertVariable::Beta] = 18.0;
    v[AlertVariable::Corr] = 0.9;
    v[AlertVariable::CorrRet] = 0.4;
    v[AlertVariable::AdfP] = 0.03;
    v[AlertVariable::CointP] = 0.2;
    v[AlertVariable::HalfLife] = 300.0;
    v[AlertVariable::PriceX] = 2681.62;
    v[AlertVariable::PriceY] = 61639.4;
    v[AlertVariable::RetX] = -0.0004;
    v[AlertVariable::RetY] = 0.0;
    v[AlertVariable::VolumeX] = 12.5;
    v[AlertVariable::VolumeY] = 0.0;
    v.bars = 500;
    v.timeMs = 1723161481294;
    return v;
}

bool sameEvaluation(const AlertEvaluation &a, const AlertEvaluation &b)
{
    return a.valid == b.valid && a.reason == b.reason &&
           (a.value == b.value || (std::isnan(a.value) && std::isnan(b.value)));
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::initApplication();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size > 4096)
        return 0; // the dialog's field; longer texts only make the run slower
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    static const AlertVariables vars = sample();
    static const AlertVariables undefined;

    AlertExpression e(text);
    const AlertCompileResult &c = e.compileResult();
    const AlertCompileResult again = compileAlertExpression(text);
    PAIRLAB_FUZZ_CHECK(c.ok == again.ok && c.position == again.position && c.message == again.message &&
                           c.usedVariables == again.usedVariables,
                       "compiling is deterministic");
    if (c.ok) {
        PAIRLAB_FUZZ_CHECK(c.position == -1 && c.message.isEmpty(), "a valid expression has no error");
        int used = 0;
        for (bool u : e.uses())
            used += u ? 1 : 0;
        PAIRLAB_FUZZ_CHECK(used == c.usedVariables.size(), "usedVariables lists the variables read");
    } else {
        PAIRLAB_FUZZ_CHECK(!c.message.isEmpty(), "a compile error has a message");
        PAIRLAB_FUZZ_CHECK(c.position >= -1 && c.position <= text.size(),
                           "a compile error is inside the text");
    }

    const AlertEvaluation r = e.evaluate(vars);
    if (r.valid)
        PAIRLAB_FUZZ_CHECK(std::isfinite(r.value) && r.reason.isEmpty(), "a valid evaluation is finite");
    else
        PAIRLAB_FUZZ_CHECK(!r.reason.isEmpty(), "an invalid evaluation says why");
    PAIRLAB_FUZZ_CHECK(!c.ok || sameEvaluation(r, e.evaluate(vars)), "evaluating is repeatable");

    const AlertEvaluation u = e.evaluate(undefined);
    PAIRLAB_FUZZ_CHECK(!u.valid || c.usedVariables.isEmpty(),
                       "undefined variables never give a valid result");

    const AlertPreview p = previewAlertExpression(text, vars);
    PAIRLAB_FUZZ_CHECK(p.compile.ok == c.ok && p.compile.position == c.position,
                       "the preview compiles alike");
    PAIRLAB_FUZZ_CHECK(sameEvaluation(p.evaluation, r), "the preview evaluates alike");

    AlertExpression moved(std::move(e));
    PAIRLAB_FUZZ_CHECK(sameEvaluation(moved.evaluate(vars), r), "a moved expression evaluates alike");
    return 0;
}
