#pragma once

#include "settings/app_settings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QStackedWidget;
class QTabWidget;

namespace pairlab {

/** Edit → Settings…: the live feed (symbols, stream kind, endpoint, reconnect policy), the database
 *  (an SQLite file or a PostgreSQL server URL), analysis defaults of new workspaces, the local API (on/off,
 *  port, address, writes, its token), notifications, theme and language. Every field is checked as it is
 * edited; the first problem is shown under the pages and OK stays disabled until it is fixed. The dialog only
 * edits an AppSettings value: the caller stores and applies it. GUI thread. */
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    /** defaultDatabase: the SQLite file used when the path is left empty (shown as the placeholder). */
    SettingsDialog(const AppSettings &settings, const QString &defaultDatabase, QWidget *parent = nullptr);

    /** The edited settings (meaningful while isValid()). */
    AppSettings settings() const;
    bool isValid() const { return m_error.isEmpty(); }
    QString errorText() const { return m_error; }
    /** "New token" was pressed: the stored token changed whether or not the dialog is accepted. */
    bool tokenRenewed() const { return m_tokenRenewed; }

Q_SIGNALS:
    /** "New token" replaced the stored token: a running API takes it now. */
    void apiTokenRenewed();

private:
    void validate();
    QWidget *feedPage(const AppSettings &s);
    QWidget *databasePage(const AppSettings &s, const QString &defaultDatabase);
    QWidget *analysisPage(const AppSettings &s);
    QWidget *apiPage(const AppSettings &s);
    QWidget *generalPage(const AppSettings &s);

    AppSettings m_initial;
    QString m_error;
    QTabWidget *m_pages;
    QLineEdit *m_symbols, *m_endpoint;
    QComboBox *m_stream, *m_quotes;
    QSpinBox *m_reconnectBase, *m_reconnectCap, *m_stall, *m_connectTimeout;
    QComboBox *m_backend;
    QStackedWidget *m_backendPages;
    QLineEdit *m_sqlitePath, *m_postgresUrl;
    QSpinBox *m_window;
    QDoubleSpinBox *m_entry, *m_exit;
    QComboBox *m_hedge, *m_trend;
    QCheckBox *m_tray, *m_sound;
    QComboBox *m_theme, *m_language;
    QCheckBox *m_apiEnabled, *m_apiWrites;
    QSpinBox *m_apiPort;
    QLineEdit *m_apiBind, *m_apiToken;
    QLabel *m_apiBindWarning, *m_apiNote;
    QString m_tokenPath;
    bool m_tokenRenewed = false;
    QLabel *m_errorLabel;
    QDialogButtonBox *m_buttons;
};

} // namespace pairlab
