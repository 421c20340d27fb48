#include "alerts/alert_store.h"

#include "alerts/alert_expression.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <cmath>

namespace pairlab {

namespace {

// Every message of this file is in the translation context "AlertStore" (lupdate reads the macro).
struct AlertStoreText
{
    Q_DECLARE_TR_FUNCTIONS(AlertStore)
};

bool fail(const QSqlQuery &q, QString *error)
{
    if (error)
        *error = q.lastError().text();
    return false;
}

QString valuesToJson(const QList<QPair<QString, double>> &values)
{
    QJsonObject o;
    for (const auto &[name, value] : values)
        o.insert(name, std::isfinite(value) ? QJsonValue(value) : QJsonValue(QJsonValue::Null));
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QList<QPair<QString, double>> valuesFromJson(const QString &json)
{
    const QJsonObject o = QJsonDocument::fromJson(json.toUtf8()).object();
    const QStringList order = alertVariableNames();
    QStringList keys = o.keys();
    std::stable_sort(keys.begin(), keys.end(), [&](const QString &a, const QString &b) {
        const auto rank = [&](const QString &k) {
            const int i = int(order.indexOf(k));
            return i < 0 ? int(order.size()) : i;
        };
        return rank(a) < rank(b);
    });
    QList<QPair<QString, double>> out;
    for (const QString &k : keys) {
        const QJsonValue v = o.value(k);
        out.append({k, v.isDouble() ? v.toDouble() : std::numeric_limits<double>::quiet_NaN()});
    }
    return out;
}

QString csvField(const QString &s)
{
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) && !s.contains(QLatin1Char('\n')) &&
        !s.contains(QLatin1Char('\r')))
        return s;
    QString q = s;
    q.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

// WHERE clause and bound values of a filter.
QString whereClause(const AlertEventFilter &f, QVariantList &binds)
{
    QStringList parts;
    parts << QStringLiteral("ts_ms >= ?") << QStringLiteral("ts_ms <= ?");
    binds << QVariant::fromValue(f.fromMs) << QVariant::fromValue(f.toMs);
    if (f.afterId > 0) {
        parts << QStringLiteral("id > ?");
        binds << QVariant::fromValue(f.afterId);
    }
    if (f.ruleId != 0) {
        parts << QStringLiteral("rule_id = ?");
        binds << QVariant::fromValue(f.ruleId);
    }
    if (!f.pair.isEmpty()) {
        parts << QStringLiteral("pair = ?");
        binds << f.pair;
    }
    if (!f.text.isEmpty()) {
        // LIKE with an escape character: the same on SQLite and PostgreSQL (instr() is SQLite's only).
        QString pattern = f.text;
        pattern.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
            .replace(QLatin1Char('%'), QStringLiteral("\\%"))
            .replace(QLatin1Char('_'), QStringLiteral("\\_"));
        pattern = QLatin1Char('%') + pattern + QLatin1Char('%');
        parts << QStringLiteral(
            "(lower(message) LIKE lower(?) ESCAPE '\\' OR lower(rule_name) LIKE lower(?) ESCAPE '\\')");
        binds << pattern << pattern;
    }
    return parts.join(QStringLiteral(" AND "));
}

} // namespace

AlertStore::AlertStore(const QSqlDatabase &db) : m_db(db) {}

QList<AlertRule> AlertStore::loadRules(QString *error) const
{
    QList<AlertRule> rules;
    QSqlQuery q(m_db);
    if (!q.exec(
            QStringLiteral("SELECT id, name, pair, expression, enabled, trigger_mode, cooldown_s, min_bars "
                           "FROM alert_rules ORDER BY id"))) {
        fail(q, error);
        return rules;
    }
    while (q.next()) {
        AlertRule r;
        r.id = q.value(0).toLongLong();
        r.name = q.value(1).toString();
        r.pair = q.value(2).toString();
        r.expression = q.value(3).toString();
        r.enabled = q.value(4).toInt() != 0;
        r.triggerMode = triggerModeFromKey(q.value(5).toString());
        r.cooldownS = q.value(6).toDouble();
        r.minBars = q.value(7).toInt();
        rules << r;
    }
    return rules;
}

bool AlertStore::saveRule(AlertRule &rule, QString *error)
{
    QSqlQuery q(m_db);
    if (rule.id == 0)
        q.prepare(QStringLiteral(
            "INSERT INTO alert_rules(name, pair, expression, enabled, trigger_mode, cooldown_s, "
            "min_bars) VALUES(?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    else
        q.prepare(QStringLiteral("UPDATE alert_rules SET name = ?, pair = ?, expression = ?, enabled = ?, "
                                 "trigger_mode = ?, cooldown_s = ?, min_bars = ? WHERE id = ?"));
    q.addBindValue(rule.name);
    q.addBindValue(rule.pair);
    q.addBindValue(rule.expression);
    q.addBindValue(rule.enabled ? 1 : 0);
    q.addBindValue(triggerModeKey(rule.triggerMode));
    q.addBindValue(rule.cooldownS);
    q.addBindValue(rule.minBars);
    if (rule.id != 0)
        q.addBindValue(QVariant::fromValue(rule.id));
    if (!q.exec())
        return fail(q, error);
    if (rule.id == 0) {
        rule.id = q.next() ? q.value(0).toLongLong() : 0; // RETURNING: lastInsertId() is SQLite-only
    } else if (q.numRowsAffected() == 0) {
        if (error)
            *error = AlertStoreText::tr("alert rule %1 does not exist").arg(rule.id);
        return false;
    }
    return true;
}

bool AlertStore::deleteRule(qint64 id, QString *error)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM alert_rules WHERE id = ?"));
    q.addBindValue(QVariant::fromValue(id));
    return q.exec() || fail(q, error);
}

bool AlertStore::appendEvents(QList<AlertEvent> &events, QString *error)
{
    if (events.isEmpty())
        return true;
    if (!m_db.transaction()) {
        if (error)
            *error = m_db.lastError().text();
        return false;
    }
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("INSERT INTO alert_events(rule_id, ts_ms, rule_name, pair, values_json, message) "
                       "VALUES(?, ?, ?, ?, ?, ?) RETURNING id"));
    for (AlertEvent &e : events) {
        q.addBindValue(e.ruleId > 0 ? QVariant::fromValue(e.ruleId)
                                    : QVariant(QMetaType::fromType<qint64>()));
        q.addBindValue(QVariant::fromValue(e.timeMs));
        q.addBindValue(e.ruleName);
        q.addBindValue(e.pair);
        q.addBindValue(valuesToJson(e.values));
        q.addBindValue(e.message);
        if (!q.exec()) {
            const QString why = q.lastError().text();
            m_db.rollback();
            if (error)
                *error = why;
            return false;
        }
        e.id = q.next() ? q.value(0).toLongLong() : 0;
        q.finish();
    }
    if (!m_db.commit()) {
        if (error)
            *error = m_db.lastError().text();
        m_db.rollback();
        return false;
    }
    return true;
}

QList<AlertEvent> AlertStore::queryEvents(const AlertEventFilter &f, QString *error) const
{
    QList<AlertEvent> out;
    QVariantList binds;
    QString sql =
        QStringLiteral("SELECT id, rule_id, ts_ms, rule_name, pair, values_json, message FROM alert_events "
                       "WHERE %1 ORDER BY %2")
            .arg(whereClause(f, binds),
                 f.oldestFirst ? QStringLiteral("id ASC") : QStringLiteral("ts_ms DESC, id DESC"));
    if (f.limit > 0)
        sql += QStringLiteral(" LIMIT %1").arg(f.limit);
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec()) {
        fail(q, error);
        return out;
    }
    while (q.next()) {
        AlertEvent e;
        e.id = q.value(0).toLongLong();
        e.ruleId = q.value(1).isNull() ? 0 : q.value(1).toLongLong();
        e.timeMs = q.value(2).toLongLong();
        e.ruleName = q.value(3).toString();
        e.pair = q.value(4).toString();
        e.values = valuesFromJson(q.value(5).toString());
        e.message = q.value(6).toString();
        out << e;
    }
    return out;
}

int AlertStore::deleteEvents(const AlertEventFilter &f, QString *error)
{
    QVariantList binds;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM alert_events WHERE %1").arg(whereClause(f, binds)));
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec()) {
        fail(q, error);
        return -1;
    }
    return q.numRowsAffected();
}

bool AlertStore::writeEventsCsv(const QList<AlertEvent> &events, QIODevice *device, QString *error)
{
    QByteArray text = "id,time_utc,ts_ms,rule_id,rule,pair,message,values\n";
    for (const AlertEvent &e : events) {
        QStringList values;
        for (const auto &[name, value] : e.values)
            values << name + QLatin1Char('=') + QString::number(value, 'g', 17);
        const QStringList row = {
            QString::number(e.id),
            QDateTime::fromMSecsSinceEpoch(e.timeMs, Qt::UTC).toString(Qt::ISODateWithMs),
            QString::number(e.timeMs),
            e.ruleId ? QString::number(e.ruleId) : QString(),
            csvField(e.ruleName),
            csvField(e.pair),
            csvField(e.message),
            csvField(values.join(QStringLiteral("; "))),
        };
        text += row.join(QLatin1Char(',')).toUtf8();
        text += '\n';
    }
    if (device->write(text) != text.size()) {
        if (error)
            *error = device->errorString();
        return false;
    }
    return true;
}

bool AlertStore::exportEventsCsv(const AlertEventFilter &filter, const QString &path, QString *error) const
{
    QString why;
    const QList<AlertEvent> events = queryEvents(filter, &why);
    if (!why.isEmpty()) {
        if (error)
            *error = why;
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = AlertStoreText::tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    if (!writeEventsCsv(events, &file, error))
        return false;
    if (!file.commit()) {
        if (error)
            *error = AlertStoreText::tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace pairlab
