#include "dialogs/alert_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>

#include <cmath>

namespace pairlab {

AlertDialog::AlertDialog(const AlertRule &rule, const QStringList &pairs, const AlertVariables &latest,
                         QWidget *parent)
    : QDialog(parent), m_rule(rule), m_latest(latest)
{
    setWindowTitle(rule.id ? tr("Edit alert") : tr("New alert"));
    m_name = new QLineEdit(rule.name, this);
    m_pair = new QComboBox(this);
    m_pair->addItem(tr("any pair"), QStringLiteral("*"));
    for (const QString &p : pairs)
        m_pair->addItem(alertPairLabel(p), p);
    if (m_pair->findData(rule.pair) < 0)
        m_pair->addItem(alertPairLabel(rule.pair), rule.pair);
    m_pair->setCurrentIndex(m_pair->findData(rule.pair));
    m_expression = new QLineEdit(rule.expression, this);
    m_expression->setPlaceholderText(QStringLiteral("abs(z) > 2 && corr > 0.8"));
    m_expression->setToolTip(tr("Variables: %1\nFunctions: %2")
                                 .arg(alertVariableNames().join(QStringLiteral(", ")),
                                      alertFunctionNames().join(QStringLiteral(", "))));
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    m_expression->setFont(mono);
    m_error = new QLabel(this);
    m_error->setFont(mono);
    m_error->setTextFormat(Qt::PlainText);
    m_preview = new QLabel(this);
    m_mode = new QComboBox(this);
    m_mode->addItem(tr("when it becomes true"), int(AlertTriggerMode::Rising));
    m_mode->addItem(tr("on every update while true"), int(AlertTriggerMode::WhileTrue));
    m_mode->setCurrentIndex(m_mode->findData(int(rule.triggerMode)));
    m_cooldown = new QDoubleSpinBox(this);
    m_cooldown->setRange(0, 7 * 86400);
    m_cooldown->setSuffix(tr(" s"));
    m_cooldown->setValue(rule.cooldownS);
    m_minBars = new QSpinBox(this);
    m_minBars->setRange(0, 1000000);
    m_minBars->setValue(rule.minBars);
    m_minBars->setToolTip(tr("The rule may fire only once the pair has this many aligned bars"));
    m_enabled = new QCheckBox(tr("Enabled"), this);
    m_enabled->setChecked(rule.enabled);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);

    auto *form = new QFormLayout(this);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Pair:"), m_pair);
    form->addRow(tr("&Expression:"), m_expression);
    form->addRow(QString(), m_error);
    form->addRow(tr("Now:"), m_preview);
    // Every variable with what it means and its value now; a double click writes it into the expression.
    m_variables = new QTreeWidget(this);
    m_variables->setColumnCount(3);
    m_variables->setHeaderLabels({tr("Variable"), tr("Now"), tr("Meaning")});
    m_variables->setRootIsDecorated(false);
    m_variables->setMaximumHeight(150);
    for (int i = 0; i < AlertVariableCount; ++i) {
        const auto var = AlertVariable(i);
        const double now = latest.values[std::size_t(i)];
        auto *item = new QTreeWidgetItem(
            m_variables, {alertVariableName(var),
                          std::isfinite(now) ? QLocale().toString(now, 'g', 6) : QStringLiteral("—"),
                          alertVariableDescription(var)});
        item->setToolTip(2, alertVariableDescription(var));
    }
    m_variables->resizeColumnToContents(0);
    m_variables->resizeColumnToContents(1);
    connect(m_variables, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem *item) {
        m_expression->insert(item->text(0));
        m_expression->setFocus();
    });
    form->addRow(tr("&Variables:"), m_variables);
    form->addRow(tr("&Fires:"), m_mode);
    form->addRow(tr("&Cooldown:"), m_cooldown);
    form->addRow(tr("Minimum &bars:"), m_minBars);
    form->addRow(QString(), m_enabled);
    form->addRow(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_expression, &QLineEdit::textChanged, this, &AlertDialog::validate);
    connect(m_name, &QLineEdit::textChanged, this, &AlertDialog::validate);
    resize(560, sizeHint().height());
    validate();
}

int AlertDialog::variableRows() const
{
    return m_variables->topLevelItemCount();
}

void AlertDialog::setExpression(const QString &text)
{
    m_expression->setText(text);
}

void AlertDialog::validate()
{
    const QString expr = m_expression->text();
    const AlertPreview p = previewAlertExpression(expr, m_latest);
    bool ok = p.compile.ok && !m_name->text().trimmed().isEmpty();
    if (expr.trimmed().isEmpty()) {
        m_error->setText(tr("Write a condition, e.g. abs(z) > 2"));
        ok = false;
    } else if (!p.compile.ok) {
        // A caret under the offending character, aligned with the expression's monospace text.
        const int pos = std::max(0, p.compile.position);
        m_error->setText(
            QStringLiteral("%1\n%2^ %3").arg(expr, QString(pos, QLatin1Char(' ')), p.compile.message));
        m_error->setStyleSheet(QStringLiteral("color:#c62828"));
    } else {
        m_error->setText(tr("uses %1").arg(p.compile.usedVariables.join(QStringLiteral(", "))));
        m_error->setStyleSheet(QString());
    }
    if (p.compile.ok) {
        if (p.evaluation.valid)
            m_preview->setText(p.evaluation.isTrue() ? tr("true (%1) — would fire").arg(p.evaluation.value)
                                                     : tr("false (%1)").arg(p.evaluation.value));
        else
            m_preview->setText(tr("not evaluable now: %1").arg(p.evaluation.reason));
    } else {
        m_preview->clear();
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
}

QString AlertDialog::errorText() const
{
    return m_error->text();
}

QString AlertDialog::previewText() const
{
    return m_preview->text();
}

AlertRule AlertDialog::rule() const
{
    AlertRule r = m_rule;
    r.name = m_name->text().trimmed();
    r.pair = m_pair->currentData().toString();
    r.expression = m_expression->text().trimmed();
    r.triggerMode = AlertTriggerMode(m_mode->currentData().toInt());
    r.cooldownS = m_cooldown->value();
    r.minBars = m_minBars->value();
    r.enabled = m_enabled->isChecked();
    return r;
}

} // namespace pairlab
