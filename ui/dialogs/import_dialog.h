#pragma once

#include "io/csv_import.h"

#include <QDialog>
#include <QFutureWatcher>

#include <atomic>
#include <memory>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace pairlab {

/** OHLC / trades CSV upload: shows how PairLab reads the file before anything is stored — detected format,
 *  delimiter, header, time format and zone, symbol, interval, the column mapping (editable), the first rows
 *  as they will be stored and every problem found (line and column) — then imports it all or nothing on a
 *  worker thread with progress and cancel. Opened from File → Import or by dropping a file on the window.
 *  GUI thread; detection and import run on workers. */
class ImportDialog : public QDialog
{
    Q_OBJECT
public:
    ImportDialog(const QString &file, const QString &databasePath, QWidget *parent = nullptr);
    ~ImportDialog() override;

    const ImportPreview &preview() const { return m_preview; }
    const ImportResult &result() const { return m_result; }
    ImportOptions options() const;
    bool isBusy() const;

public Q_SLOTS:
    void refreshPreview(bool fullScan = false);
    void startImport();
    void cancelImport();

Q_SIGNALS:
    void previewReady();
    void imported(const QString &dataset);
    void importFinished(bool ok);

private:
    void showPreview();
    void mappingEdited();

    QString m_file;
    QString m_dbPath;
    ImportPreview m_preview;
    ImportResult m_result;
    std::optional<QList<ColumnMapping>> m_userColumns;
    QLabel *m_fileLabel;
    QComboBox *m_format, *m_delimiter, *m_header, *m_dayFirst, *m_zone;
    QLineEdit *m_symbol, *m_dataset;
    QSpinBox *m_interval;
    QLabel *m_detected;
    QTableWidget *m_mapping;
    QTableWidget *m_rows;
    QListWidget *m_problems;
    QProgressBar *m_progress;
    QPushButton *m_checkAll, *m_import, *m_cancel;
    QFutureWatcher<ImportPreview> *m_previewWatcher;
    QFutureWatcher<ImportResult> *m_importWatcher;
    std::shared_ptr<std::atomic<bool>> m_cancelFlag;
    bool m_previewAgain = false;
    bool m_previewRunningWhole = false; ///< the preview being computed reads every row
    bool m_previewWhole = false;        ///< m_preview read every row (Import is offered only then)
    bool m_fillingMapping = false;
};

} // namespace pairlab
