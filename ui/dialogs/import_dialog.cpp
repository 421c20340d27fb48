#include "dialogs/import_dialog.h"

#include "logging/log_categories.h"
#include "models/axis_scale.h"
#include "theme.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace pairlab {

ImportDialog::ImportDialog(const QString &file, const QString &databasePath, QWidget *parent)
    : QDialog(parent), m_file(file), m_dbPath(databasePath),
      m_previewWatcher(new QFutureWatcher<ImportPreview>(this)),
      m_importWatcher(new QFutureWatcher<ImportResult>(this))
{
    setWindowTitle(tr("Import CSV — %1").arg(QFileInfo(file).fileName()));
    resize(sizeOnScreen(QSize(1000, 720)));
    m_fileLabel = new QLabel(QDir::toNativeSeparators(file), this);
    m_fileLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_format = new QComboBox(this);
    for (const char *f :
         {"auto", "ohlc", "close", "wide", "trades", "binance-klines", "binance-trades", "binance-aggtrades"})
        m_format->addItem(QString::fromLatin1(f), QString::fromLatin1(f));
    m_format->setItemText(0, tr("detect"));
    m_delimiter = new QComboBox(this);
    m_delimiter->addItem(tr("detect"), QString());
    m_delimiter->addItem(tr("comma ,"), QStringLiteral(","));
    m_delimiter->addItem(tr("semicolon ;"), QStringLiteral(";"));
    m_delimiter->addItem(tr("tab"), QStringLiteral("\t"));
    m_delimiter->addItem(tr("pipe |"), QStringLiteral("|"));
    m_header = new QComboBox(this);
    m_header->addItem(tr("detect"), -1);
    m_header->addItem(tr("first line is a header"), 1);
    m_header->addItem(tr("no header"), 0);
    m_dayFirst = new QComboBox(this);
    m_dayFirst->addItem(tr("detect"), -1);
    m_dayFirst->addItem(tr("day first (31/12/2024)"), 1);
    m_dayFirst->addItem(tr("month first (12/31/2024)"), 0);
    m_zone = new QComboBox(this);
    m_zone->addItem(QStringLiteral("UTC"), QByteArray("UTC"));
    for (const QByteArray &id :
         {QByteArray("America/New_York"), QByteArray("Europe/London"), QByteArray("Europe/Berlin"),
          QByteArray("Asia/Tokyo"), QByteArray("Asia/Hong_Kong"), QByteArray("Asia/Singapore")})
        if (QTimeZone::isTimeZoneIdAvailable(id))
            m_zone->addItem(QString::fromLatin1(id), id);
    m_zone->setToolTip(tr("Time zone of times written without an offset"));
    m_symbol = new QLineEdit(this);
    m_symbol->setPlaceholderText(tr("from the file"));
    m_dataset = new QLineEdit(this);
    m_dataset->setPlaceholderText(QFileInfo(file).completeBaseName());
    m_interval = new QSpinBox(this);
    m_interval->setRange(0, 365 * 86400);
    m_interval->setSpecialValueText(tr("detect"));
    m_interval->setSuffix(tr(" s"));

    auto *form = new QFormLayout;
    form->addRow(tr("File:"), m_fileLabel);
    auto *row1 = new QHBoxLayout;
    row1->addWidget(new QLabel(tr("Format:"), this));
    row1->addWidget(m_format);
    row1->addWidget(new QLabel(tr("Delimiter:"), this));
    row1->addWidget(m_delimiter);
    row1->addWidget(new QLabel(tr("Header:"), this));
    row1->addWidget(m_header);
    row1->addStretch(1);
    form->addRow(row1);
    auto *row2 = new QHBoxLayout;
    row2->addWidget(new QLabel(tr("Dates:"), this));
    row2->addWidget(m_dayFirst);
    row2->addWidget(new QLabel(tr("Time zone:"), this));
    row2->addWidget(m_zone);
    row2->addWidget(new QLabel(tr("Interval:"), this));
    row2->addWidget(m_interval);
    row2->addStretch(1);
    form->addRow(row2);
    auto *row3 = new QHBoxLayout;
    row3->addWidget(new QLabel(tr("Symbol:"), this));
    row3->addWidget(m_symbol);
    row3->addWidget(new QLabel(tr("Dataset:"), this));
    row3->addWidget(m_dataset);
    form->addRow(row3);

    m_detected = new QLabel(this);
    m_detected->setObjectName(QStringLiteral("detected"));
    m_detected->setWordWrap(true);
    m_detected->setTextFormat(Qt::RichText);
    m_mapping = new QTableWidget(0, 3, this);
    m_mapping->setHorizontalHeaderLabels({tr("Column"), tr("Meaning"), tr("Symbol (wide files)")});
    m_mapping->horizontalHeader()->setStretchLastSection(true);
    m_mapping->verticalHeader()->hide();
    m_mapping->setObjectName(QStringLiteral("mapping"));
    m_rows = new QTableWidget(0, 0, this);
    m_rows->setObjectName(QStringLiteral("previewRows"));
    m_rows->verticalHeader()->hide();
    m_rows->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_problems = new QListWidget(this);

    auto *mappingBox = new QGroupBox(tr("Columns"), this);
    (new QVBoxLayout(mappingBox))->addWidget(m_mapping);
    auto *rowsBox = new QGroupBox(tr("First rows as they will be stored (times in UTC)"), this);
    (new QVBoxLayout(rowsBox))->addWidget(m_rows);
    auto *problemsBox = new QGroupBox(tr("Problems"), this);
    (new QVBoxLayout(problemsBox))->addWidget(m_problems);
    auto *top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(mappingBox);
    top->addWidget(rowsBox);
    top->setStretchFactor(1, 2);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(top);
    split->addWidget(problemsBox);
    split->setStretchFactor(0, 3);

    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->hide();
    m_checkAll = new QPushButton(tr("Check the whole file"), this);
    m_import = new QPushButton(tr("&Import"), this);
    m_import->setDefault(true);
    m_cancel = new QPushButton(tr("Cancel import"), this);
    m_cancel->hide();
    auto *close = new QPushButton(tr("Close"), this);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_progress, 1);
    buttons->addWidget(m_checkAll);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_import);
    buttons->addWidget(close);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_detected);
    layout->addWidget(split, 1);
    layout->addLayout(buttons);

    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_checkAll, &QPushButton::clicked, this, [this] { refreshPreview(true); });
    connect(m_import, &QPushButton::clicked, this, &ImportDialog::startImport);
    connect(m_cancel, &QPushButton::clicked, this, &ImportDialog::cancelImport);
    for (QComboBox *c : {m_format, m_delimiter, m_header, m_dayFirst, m_zone})
        connect(c, &QComboBox::currentIndexChanged, this, [this] {
            m_userColumns.reset(); // another reading of the file: detect the columns again
            refreshPreview();
        });
    connect(m_symbol, &QLineEdit::editingFinished, this, [this] { refreshPreview(); });
    connect(m_interval, &QSpinBox::editingFinished, this, [this] { refreshPreview(); });
    connect(m_previewWatcher, &QFutureWatcher<ImportPreview>::finished, this, [this] {
        m_preview = m_previewWatcher->result();
        m_previewWhole = m_previewRunningWhole;
        showPreview();
        Q_EMIT previewReady();
        if (m_previewAgain) {
            m_previewAgain = false;
            refreshPreview();
        } else if (!m_previewWhole && m_preview.ok) {
            // The head reads well: check every row before Import is offered, so that the problems the import
            // would refuse are listed, with their lines, before anything is written.
            refreshPreview(true);
        }
    });
    connect(m_importWatcher, &QFutureWatcher<ImportResult>::finished, this, [this] {
        m_result = m_importWatcher->result();
        m_progress->hide();
        m_cancel->hide();
        m_import->setEnabled(true);
        m_checkAll->setEnabled(true);
        if (m_result.ok) {
            m_detected->setText(
                tr("<b style='color:#2e7d32'>Imported</b> %1 rows as dataset <b>%2</b>: %3 bars, %4 ticks "
                   "(%5 new), %6 warnings.")
                    .arg(m_result.rows)
                    .arg(m_result.dataset.toHtmlEscaped())
                    .arg(m_result.bars)
                    .arg(m_result.ticks)
                    .arg(m_result.ticksStored)
                    .arg(m_result.warnings));
            qCInfo(lcImport).noquote()
                << QStringLiteral(
                       "imported %1 as dataset %2: %3 rows, %4 bars, %5 ticks (%6 new), %7 warnings")
                       .arg(m_file, m_result.dataset)
                       .arg(m_result.rows)
                       .arg(m_result.bars)
                       .arg(m_result.ticks)
                       .arg(m_result.ticksStored)
                       .arg(m_result.warnings);
            Q_EMIT imported(m_result.dataset);
        } else if (m_result.cancelled) {
            qCInfo(lcImport).noquote() << "import of" << m_file << "cancelled";
            m_detected->setText(tr("<b>Import cancelled.</b> The database is unchanged."));
        } else {
            qCWarning(lcImport).noquote() << "import of" << m_file << "failed:" << m_result.error.toString();
            m_detected->setText(
                tr("<b style='color:#c62828'>Not imported:</b> %1<br>The database is unchanged.")
                    .arg(m_result.error.toString().toHtmlEscaped()));
        }
        Q_EMIT importFinished(m_result.ok);
    });
    refreshPreview();
}

ImportDialog::~ImportDialog()
{
    if (m_cancelFlag)
        m_cancelFlag->store(true);
    m_previewWatcher->waitForFinished();
    m_importWatcher->waitForFinished();
}

bool ImportDialog::isBusy() const
{
    return m_previewWatcher->isRunning() || m_importWatcher->isRunning();
}

ImportOptions ImportDialog::options() const
{
    ImportOptions o;
    o.format = m_format->currentData().toString();
    o.symbol = m_symbol->text().trimmed().toUpper();
    o.dataset = m_dataset->text().trimmed();
    if (m_interval->value() > 0)
        o.intervalSeconds = m_interval->value();
    o.timeZone = QTimeZone(m_zone->currentData().toByteArray());
    if (m_dayFirst->currentData().toInt() >= 0)
        o.dayFirst = m_dayFirst->currentData().toInt() == 1;
    const QString d = m_delimiter->currentData().toString();
    if (!d.isEmpty())
        o.delimiter = d.at(0).toLatin1();
    if (m_header->currentData().toInt() >= 0)
        o.hasHeader = m_header->currentData().toInt() == 1;
    o.columns = m_userColumns;
    return o;
}

void ImportDialog::refreshPreview(bool fullScan)
{
    if (m_previewWatcher->isRunning()) {
        m_previewAgain = true;
        return;
    }
    m_detected->setText(fullScan ? tr("Checking every row…") : tr("Reading the file…"));
    m_previewRunningWhole = fullScan;
    m_import->setEnabled(false);
    m_previewWatcher->setFuture(QtConcurrent::run(
        [file = m_file, o = options(), fullScan] { return previewCsv(file, o, fullScan); }));
}

void ImportDialog::showPreview()
{
    const ImportPreview &p = m_preview;
    QString delimiter = p.delimiter == '\t' ? tr("tab") : QString(QLatin1Char(p.delimiter));
    int errors = 0, warnings = 0;
    for (const ImportProblem &pr : p.problems)
        (pr.severity == ImportProblem::Severity::Error ? errors : warnings)++;
    m_detected->setText(
        tr("<b>%1</b>%2 · delimiter <b>%3</b> · %4 · times: <b>%5</b>%6 · interval <b>%7</b> · symbols "
           "<b>%8</b> · "
           "%9 rows read%13 · <span style='color:%10'>%11 error(s)</span>, %12 warning(s)")
            .arg(p.format.isEmpty() ? tr("not understood") : p.format,
                 p.dialect.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(p.dialect.toHtmlEscaped()),
                 delimiter.toHtmlEscaped())
            .arg(p.hasHeader ? tr("header on line %1").arg(p.headerLine) : tr("no header"))
            .arg(timeKindName(p.timeKind), p.dayFirst ? tr(", day first") : QString())
            .arg(p.intervalSeconds > 0 ? durationText(p.intervalSeconds) : tr("—"))
            .arg(p.symbols.join(QStringLiteral(", ")).toHtmlEscaped())
            .arg(p.rowsScanned)
            // Rich text has no "inherit": the palette's own text colour keeps it readable in the dark theme.
            .arg(errors ? QStringLiteral("#c62828") : palette().color(QPalette::WindowText).name())
            .arg(errors)
            .arg(warnings)
            .arg(m_previewWhole ? tr(" (the whole file)")
                 : p.ok         ? tr(" (the head; checking the rest…)")
                                : tr(" (the head; the rest is read once its errors are fixed)")));

    // Column mapping, editable.
    m_fillingMapping = true;
    m_mapping->setRowCount(int(p.columns.size()));
    for (int i = 0; i < p.columns.size(); ++i) {
        const ColumnMapping &c = p.columns.at(i);
        auto *name = new QTableWidgetItem(c.name.isEmpty() ? tr("column %1").arg(c.column + 1) : c.name);
        name->setFlags(name->flags() & ~Qt::ItemIsEditable);
        m_mapping->setItem(i, 0, name);
        auto *role = new QComboBox(m_mapping);
        for (int r = 0; r < int(ColumnRole::RoleCount); ++r)
            role->addItem(columnRoleName(ColumnRole(r)), r);
        role->setCurrentIndex(int(c.role));
        connect(role, &QComboBox::currentIndexChanged, this, &ImportDialog::mappingEdited);
        m_mapping->setCellWidget(i, 1, role);
        m_mapping->setItem(i, 2, new QTableWidgetItem(c.symbol));
    }
    m_fillingMapping = false;
    disconnect(m_mapping, &QTableWidget::itemChanged, this, nullptr);
    connect(m_mapping, &QTableWidget::itemChanged, this, [this] { mappingEdited(); });
    m_mapping->resizeColumnsToContents();

    // First rows as they will be stored.
    const bool trades = p.format.contains(QLatin1String("trade"));
    QStringList headers{tr("line"), tr("symbol"), tr("time (UTC)")};
    headers << (trades ? QStringList{tr("price"), tr("qty"), tr("trade id")}
                       : QStringList{tr("open"), tr("high"), tr("low"), tr("close"), tr("volume")});
    m_rows->clear();
    m_rows->setColumnCount(int(headers.size()));
    m_rows->setHorizontalHeaderLabels(headers);
    m_rows->setRowCount(int(std::min<qsizetype>(p.rows.size(), 50)));
    for (int i = 0; i < m_rows->rowCount(); ++i) {
        const PreviewRow &r = p.rows.at(i);
        QStringList cells{QString::number(r.line), r.symbol,
                          QDateTime::fromMSecsSinceEpoch(r.timeMs, QTimeZone::utc())
                              .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"))};
        if (trades)
            cells << QString::number(r.price, 'g', 12) << QString::number(r.qty, 'g', 12)
                  << QString::number(r.tradeId);
        else
            cells << QString::number(r.open, 'g', 12) << QString::number(r.high, 'g', 12)
                  << QString::number(r.low, 'g', 12) << QString::number(r.close, 'g', 12)
                  << QString::number(r.volume, 'g', 12);
        for (int c = 0; c < cells.size(); ++c)
            m_rows->setItem(i, c, new QTableWidgetItem(cells.at(c)));
    }
    m_rows->resizeColumnsToContents();

    m_problems->clear();
    for (const ImportProblem &pr : p.problems) {
        auto *item = new QListWidgetItem(pr.toString(), m_problems);
        item->setForeground(pr.severity == ImportProblem::Severity::Error ? QColor(0xc6, 0x28, 0x28)
                                                                          : QColor(0xb2, 0x6a, 0x00));
    }
    m_import->setEnabled(p.ok && errors == 0 && m_previewWhole);
}

void ImportDialog::mappingEdited()
{
    if (m_fillingMapping)
        return;
    QList<ColumnMapping> cols = m_preview.columns;
    for (int i = 0; i < cols.size() && i < m_mapping->rowCount(); ++i) {
        if (auto *role = qobject_cast<QComboBox *>(m_mapping->cellWidget(i, 1)))
            cols[i].role = ColumnRole(role->currentData().toInt());
        if (QTableWidgetItem *sym = m_mapping->item(i, 2))
            cols[i].symbol = sym->text().trimmed().toUpper();
    }
    m_userColumns = cols;
    refreshPreview();
}

void ImportDialog::startImport()
{
    if (m_importWatcher->isRunning())
        return;
    m_cancelFlag = std::make_shared<std::atomic<bool>>(false);
    m_progress->setValue(0);
    m_progress->show();
    m_cancel->show();
    m_import->setEnabled(false);
    m_checkAll->setEnabled(false);
    m_detected->setText(tr("Importing…"));
    QPointer<QProgressBar> bar = m_progress;
    m_importWatcher->setFuture(
        QtConcurrent::run([file = m_file, db = m_dbPath, o = options(), cancel = m_cancelFlag, bar] {
            return importCsv(
                file, db, o,
                [bar](double f) {
                    QMetaObject::invokeMethod(bar, [bar, f] {
                        if (bar)
                            bar->setValue(int(f * 1000));
                    });
                },
                cancel.get());
        }));
}

void ImportDialog::cancelImport()
{
    if (m_cancelFlag)
        m_cancelFlag->store(true);
}

} // namespace pairlab
