#include "workspace/workspace.h"

#include "models/analysis_choices.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>
#include <QUrl>

#include <cmath>

namespace pairlab {

namespace {

// Every message of this file is in the translation context "Workspace" (lupdate reads the macro).
struct WorkspaceText
{
    Q_DECLARE_TR_FUNCTIONS(Workspace)
};

const QStringList &knownKeys()
{
    static const QStringList keys = {QStringLiteral("format"),   QStringLiteral("version"),
                                     QStringLiteral("feed"),     QStringLiteral("pair"),
                                     QStringLiteral("analysis"), QStringLiteral("universe"),
                                     QStringLiteral("alerts"),   QStringLiteral("backtest"),
                                     QStringLiteral("layout"),   QStringLiteral("spread")};
    return keys;
}

// Typed readers: each names the field it failed on.
struct Reader
{
    QString *error;
    bool ok = true;

    bool fail(const QString &field, const QString &what)
    {
        if (ok && error)
            *error = WorkspaceText::tr("field \"%1\": %2").arg(field, what);
        ok = false;
        return false;
    }
    QJsonObject object(const QJsonObject &o, const QString &key, const QString &path)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined())
            return {};
        if (!v.isObject())
            fail(path, WorkspaceText::tr("expected an object"));
        return v.toObject();
    }
    /** Text of a workspace is one line of reasonable length: no control characters, nothing absurdly long. */
    bool plainText(const QString &path, const QString &text)
    {
        constexpr int MaxText = 4096;
        if (text.size() > MaxText)
            return fail(path, WorkspaceText::tr("longer than %1 characters").arg(MaxText));
        for (qsizetype i = 0; i < text.size(); ++i)
            if (text.at(i).category() == QChar::Other_Control)
                return fail(path, WorkspaceText::tr("control character at position %1").arg(i));
        return true;
    }
    void string(const QJsonObject &o, const QString &key, const QString &path, QString &out,
                const QStringList &allowed = {})
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined())
            return;
        if (!v.isString()) {
            fail(path, WorkspaceText::tr("expected text"));
            return;
        }
        if (!plainText(path, v.toString()))
            return;
        if (!allowed.isEmpty() && !allowed.contains(v.toString())) {
            fail(path, WorkspaceText::tr("\"%1\" is not one of %2")
                           .arg(v.toString(), allowed.join(QStringLiteral(", "))));
            return;
        }
        out = v.toString();
    }
    void strings(const QJsonObject &o, const QString &key, const QString &path, QStringList &out)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined())
            return;
        if (!v.isArray()) {
            fail(path, WorkspaceText::tr("expected a list of text"));
            return;
        }
        QStringList list;
        for (const QJsonValueRef e : v.toArray()) {
            if (!e.isString()) {
                fail(path, WorkspaceText::tr("expected a list of text"));
                return;
            }
            if (!plainText(path, e.toString()))
                return;
            list << e.toString();
        }
        out = list;
    }
    void integer(const QJsonObject &o, const QString &key, const QString &path, int &out, int lo, int hi)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined())
            return;
        const double d = v.toDouble(std::nan(""));
        if (!v.isDouble() || d != std::floor(d) || d < lo || d > hi) {
            fail(path, WorkspaceText::tr("expected a whole number from %1 to %2").arg(lo).arg(hi));
            return;
        }
        out = int(d);
    }
    void integer64(const QJsonObject &o, const QString &key, const QString &path, qint64 &out)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined())
            return;
        if (!v.isDouble() || v.toDouble() != std::floor(v.toDouble())) {
            fail(path, WorkspaceText::tr("expected a whole number"));
            return;
        }
        out = v.toInteger();
    }
    void number(const QJsonObject &o, const QString &key, const QString &path, double &out, double lo,
                double hi)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined())
            return;
        if (!v.isDouble() || !(v.toDouble() >= lo && v.toDouble() <= hi)) {
            fail(path, WorkspaceText::tr("expected a number from %1 to %2").arg(lo).arg(hi));
            return;
        }
        out = v.toDouble();
    }
    void bytes(const QJsonObject &o, const QString &key, const QString &path, QByteArray &out)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined())
            return;
        const auto decoded =
            QByteArray::fromBase64Encoding(v.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!v.isString() || !decoded) {
            fail(path, WorkspaceText::tr("expected base64 text"));
            return;
        }
        out = *decoded;
    }
};

bool validSymbol(const QString &s)
{
    if (s.isEmpty() || s.size() > 31)
        return false;
    for (QChar c : s)
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != QLatin1Char('_') && c != QLatin1Char('-'))
            return false;
    return true;
}

} // namespace

QJsonObject Workspace::toJson() const
{
    QJsonObject o = unknownFields;
    o.insert(QStringLiteral("format"), QStringLiteral("pairlab-workspace"));
    o.insert(QStringLiteral("version"), FormatVersion);
    o.insert(QStringLiteral("feed"),
             QJsonObject{{QStringLiteral("symbols"), QJsonArray::fromStringList(symbols)},
                         {QStringLiteral("endpoint"), endpoint},
                         {QStringLiteral("stream"), streamKind}});
    o.insert(QStringLiteral("pair"), QJsonObject{{QStringLiteral("y"), pairY},
                                                 {QStringLiteral("x"), pairX},
                                                 {QStringLiteral("source"), source},
                                                 {QStringLiteral("interval_s"), intervalSeconds},
                                                 {QStringLiteral("price"), price}});
    o.insert(QStringLiteral("analysis"), QJsonObject{{QStringLiteral("window"), window},
                                                     {QStringLiteral("hedge"), hedgeMethod},
                                                     {QStringLiteral("adf_trend"), adfTrend},
                                                     {QStringLiteral("entry_z"), entryZ},
                                                     {QStringLiteral("exit_z"), exitZ}});
    QJsonArray weights;
    for (double v : basketWeights)
        weights.append(v);
    o.insert(QStringLiteral("spread"),
             QJsonObject{{QStringLiteral("mode"), spreadMode},
                         {QStringLiteral("basket"),
                          QJsonObject{{QStringLiteral("symbols"), QJsonArray::fromStringList(basketSymbols)},
                                      {QStringLiteral("weights"), weights}}}});
    o.insert(QStringLiteral("universe"), QJsonArray::fromStringList(universe));
    o.insert(QStringLiteral("alerts"), alertRules);
    o.insert(QStringLiteral("backtest"), backtest);
    o.insert(QStringLiteral("layout"),
             QJsonObject{{QStringLiteral("geometry"), QString::fromLatin1(windowGeometry.toBase64())},
                         {QStringLiteral("state"), QString::fromLatin1(windowState.toBase64())},
                         {QStringLiteral("view"), activeView},
                         {QStringLiteral("chart_from_ms"), chartFromMs},
                         {QStringLiteral("chart_to_ms"), chartToMs}});
    return o;
}

bool Workspace::fromJson(const QJsonObject &json, Workspace *out, QString *error)
{
    Reader r{error};
    if (json.value(QStringLiteral("format")).toString() != QLatin1String("pairlab-workspace"))
        return r.fail(QStringLiteral("format"), WorkspaceText::tr("this is not a PairLab workspace"));
    const QJsonValue version = json.value(QStringLiteral("version"));
    if (!version.isDouble() || version.toDouble() != std::floor(version.toDouble()) || version.toDouble() < 1)
        return r.fail(QStringLiteral("version"), WorkspaceText::tr("expected a format version number"));
    if (version.toDouble() > FormatVersion) { // toInt() would read a version beyond int as 0
        if (error)
            *error = WorkspaceText::tr(
                         "written by a newer PairLab (workspace format %1; this version reads up to %2)")
                         .arg(version.toDouble())
                         .arg(FormatVersion);
        return false;
    }
    Workspace w;
    const QJsonObject feed = r.object(json, QStringLiteral("feed"), QStringLiteral("feed"));
    r.strings(feed, QStringLiteral("symbols"), QStringLiteral("feed.symbols"), w.symbols);
    for (const QString &s : std::as_const(w.symbols))
        if (!validSymbol(s))
            r.fail(QStringLiteral("feed.symbols"), WorkspaceText::tr("\"%1\" is not a symbol").arg(s));
    r.string(feed, QStringLiteral("endpoint"), QStringLiteral("feed.endpoint"), w.endpoint);
    if (!w.endpoint.isEmpty()) {
        const QUrl url(w.endpoint, QUrl::StrictMode);
        if ((url.scheme() != QLatin1String("wss") && url.scheme() != QLatin1String("ws")) || !url.isValid() ||
            url.host().isEmpty())
            r.fail(QStringLiteral("feed.endpoint"), WorkspaceText::tr("expected a ws:// or wss:// address"));
        else if (!url.userInfo().isEmpty())
            r.fail(
                QStringLiteral("feed.endpoint"),
                WorkspaceText::tr("an address with a user name or password is refused (PairLab reads public "
                                  "streams only and stores no credentials)"));
    }
    r.string(feed, QStringLiteral("stream"), QStringLiteral("feed.stream"), w.streamKind,
             {QStringLiteral("trade"), QStringLiteral("aggTrade")});
    const QJsonObject pair = r.object(json, QStringLiteral("pair"), QStringLiteral("pair"));
    r.string(pair, QStringLiteral("y"), QStringLiteral("pair.y"), w.pairY);
    r.string(pair, QStringLiteral("x"), QStringLiteral("pair.x"), w.pairX);
    for (const auto &[field, s] :
         {std::pair{QStringLiteral("pair.y"), w.pairY}, std::pair{QStringLiteral("pair.x"), w.pairX}})
        if (!s.isEmpty() && !validSymbol(s)) // empty: no pair chosen yet (what a fresh window saves)
            r.fail(field, WorkspaceText::tr("\"%1\" is not a symbol").arg(s));
    r.string(pair, QStringLiteral("source"), QStringLiteral("pair.source"), w.source);
    if (w.source != QLatin1String("live") &&
        (!w.source.startsWith(QLatin1String("upload:")) || w.source.size() == int(qstrlen("upload:"))))
        r.fail(QStringLiteral("pair.source"), WorkspaceText::tr("expected \"live\" or \"upload:<dataset>\""));
    r.integer(pair, QStringLiteral("interval_s"), QStringLiteral("pair.interval_s"), w.intervalSeconds, 1,
              366 * 86400);
    r.string(pair, QStringLiteral("price"), QStringLiteral("pair.price"), w.price,
             {QStringLiteral("trades"), QStringLiteral("mid")});
    const QJsonObject analysis = r.object(json, QStringLiteral("analysis"), QStringLiteral("analysis"));
    r.integer(analysis, QStringLiteral("window"), QStringLiteral("analysis.window"), w.window, 5, 100000);
    r.string(analysis, QStringLiteral("hedge"), QStringLiteral("analysis.hedge"), w.hedgeMethod,
             hedgeMethodKeys());
    r.string(analysis, QStringLiteral("adf_trend"), QStringLiteral("analysis.adf_trend"), w.adfTrend,
             adfTrendKeys());
    r.number(analysis, QStringLiteral("entry_z"), QStringLiteral("analysis.entry_z"), w.entryZ, 0.01, 100);
    r.number(analysis, QStringLiteral("exit_z"), QStringLiteral("analysis.exit_z"), w.exitZ, 0, 100);
    const QJsonObject spread = r.object(json, QStringLiteral("spread"), QStringLiteral("spread"));
    r.string(spread, QStringLiteral("mode"), QStringLiteral("spread.mode"), w.spreadMode,
             {QStringLiteral("pair"), QStringLiteral("basket")});
    const QJsonObject basket = r.object(spread, QStringLiteral("basket"), QStringLiteral("spread.basket"));
    r.strings(basket, QStringLiteral("symbols"), QStringLiteral("spread.basket.symbols"), w.basketSymbols);
    for (const QString &s : std::as_const(w.basketSymbols))
        if (!validSymbol(s))
            r.fail(QStringLiteral("spread.basket.symbols"),
                   WorkspaceText::tr("\"%1\" is not a symbol").arg(s));
    if (w.basketSymbols.size() > 64)
        r.fail(QStringLiteral("spread.basket.symbols"), WorkspaceText::tr("more than 64 legs"));
    const QJsonValue weights = basket.value(QStringLiteral("weights"));
    if (!weights.isUndefined()) {
        if (!weights.isArray())
            r.fail(QStringLiteral("spread.basket.weights"), WorkspaceText::tr("expected a list of numbers"));
        const QJsonArray list = weights.toArray();
        for (const auto &v : list) {
            if (!v.isDouble() || !std::isfinite(v.toDouble())) {
                r.fail(QStringLiteral("spread.basket.weights"),
                       WorkspaceText::tr("expected a list of numbers"));
                break;
            }
            w.basketWeights.push_back(v.toDouble());
        }
        if (!w.basketWeights.empty() && w.basketWeights.size() != std::size_t(w.basketSymbols.size()))
            r.fail(QStringLiteral("spread.basket.weights"), WorkspaceText::tr("%1 weights for %2 legs")
                                                                .arg(w.basketWeights.size())
                                                                .arg(w.basketSymbols.size()));
    }
    r.strings(json, QStringLiteral("universe"), QStringLiteral("universe"), w.universe);
    for (const QString &s : std::as_const(w.universe))
        if (!validSymbol(s))
            r.fail(QStringLiteral("universe"), WorkspaceText::tr("\"%1\" is not a symbol").arg(s));
    const QJsonValue alerts = json.value(QStringLiteral("alerts"));
    if (!alerts.isUndefined() && !alerts.isArray())
        r.fail(QStringLiteral("alerts"), WorkspaceText::tr("expected a list"));
    w.alertRules = alerts.toArray();
    w.backtest = r.object(json, QStringLiteral("backtest"), QStringLiteral("backtest"));
    const QJsonObject layout = r.object(json, QStringLiteral("layout"), QStringLiteral("layout"));
    r.bytes(layout, QStringLiteral("geometry"), QStringLiteral("layout.geometry"), w.windowGeometry);
    r.bytes(layout, QStringLiteral("state"), QStringLiteral("layout.state"), w.windowState);
    r.string(layout, QStringLiteral("view"), QStringLiteral("layout.view"), w.activeView,
             {QStringLiteral("market"), QStringLiteral("pair")});
    r.integer64(layout, QStringLiteral("chart_from_ms"), QStringLiteral("layout.chart_from_ms"),
                w.chartFromMs);
    r.integer64(layout, QStringLiteral("chart_to_ms"), QStringLiteral("layout.chart_to_ms"), w.chartToMs);
    if (!r.ok)
        return false;
    for (auto it = json.begin(); it != json.end(); ++it)
        if (!knownKeys().contains(it.key()))
            w.unknownFields.insert(it.key(), it.value());
    *out = std::move(w);
    return true;
}

bool Workspace::load(const QString &path, Workspace *out, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = WorkspaceText::tr("cannot open %1: %2").arg(path, f.errorString());
        return false;
    }
    if (f.size() > qint64(64) * 1024 * 1024) {
        if (error)
            *error = WorkspaceText::tr("%1 is too large to be a workspace").arg(path);
        return false;
    }
    const QByteArray text = f.readAll();
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &pe);
    if (pe.error != QJsonParseError::NoError) {
        // Line and column of the offset, as an editor shows them.
        const QByteArray head = text.left(pe.offset);
        const qsizetype line = head.count('\n') + 1;
        const qsizetype column = pe.offset - (head.lastIndexOf('\n') + 1) + 1;
        if (error)
            *error =
                WorkspaceText::tr("%1:%2:%3: not valid JSON (%4) — the file may be truncated or hand-edited")
                    .arg(path)
                    .arg(line)
                    .arg(column)
                    .arg(pe.errorString());
        return false;
    }
    if (!doc.isObject()) {
        if (error)
            *error = WorkspaceText::tr("%1: not a PairLab workspace (expected a JSON object)").arg(path);
        return false;
    }
    QString why;
    if (!fromJson(doc.object(), out, &why)) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, why);
        return false;
    }
    return true;
}

bool Workspace::save(const QString &path, QString *error) const
{
    QSaveFile f(path); // writes a temporary file and renames it over path on commit
    if (!f.open(QIODevice::WriteOnly)) {
        if (error)
            *error = WorkspaceText::tr("cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    f.write(QJsonDocument(toJson()).toJson(QJsonDocument::Indented));
    if (!f.commit()) {
        if (error)
            *error = WorkspaceText::tr("cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

} // namespace pairlab
