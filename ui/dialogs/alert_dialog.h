#pragma once

#include "alerts/alert_expression.h"
#include "alerts/alert_rule.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTreeWidget;

namespace pairlab {

/** Create or edit an alert rule: name, pair (or any pair), expression over the pair's live variables,
 *  trigger mode, cooldown, minimum bars, enabled. The expression is checked as it is typed — an error is
 *  shown with its position — and previewed on the latest values of the active pair. OK stays disabled
 *  while the rule is invalid. GUI thread (compiling an expression takes microseconds). */
class AlertDialog : public QDialog
{
    Q_OBJECT
public:
    AlertDialog(const AlertRule &rule, const QStringList &pairs, const AlertVariables &latest,
                QWidget *parent = nullptr);
    AlertRule rule() const;
    QString errorText() const;
    /** The variable list's rows (name, value now, meaning). */
    int variableRows() const;
    QString previewText() const;
    void setExpression(const QString &text);

private:
    void validate();

    AlertRule m_rule;
    AlertVariables m_latest;
    QLineEdit *m_name, *m_expression;
    QComboBox *m_pair, *m_mode;
    QDoubleSpinBox *m_cooldown;
    QSpinBox *m_minBars;
    QCheckBox *m_enabled;
    QLabel *m_error, *m_preview;
    QTreeWidget *m_variables = nullptr;
    QDialogButtonBox *m_buttons;
};

} // namespace pairlab
