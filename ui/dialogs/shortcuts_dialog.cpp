#include "dialogs/shortcuts_dialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QWidgetAction>

namespace pairlab {

namespace {

QString plain(QString text)
{
    // "&Open workspace…" -> "Open workspace…"; "&&" stays a literal "&".
    text.replace(QLatin1String("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QStringLiteral("\x01"), QStringLiteral("&"));
    return text;
}

void collect(const QMenu *menu, const QString &path, const QList<const QMenu *> &skip,
             QList<ShortcutEntry> *out)
{
    const QList<QAction *> actions = menu->actions();
    for (QAction *a : actions) {
        if (a->isSeparator() || qobject_cast<QWidgetAction *>(a))
            continue;
        if (const QMenu *sub = a->menu()) {
            if (!skip.contains(sub))
                collect(sub, path + QStringLiteral(" › ") + plain(a->text()), skip, out);
            continue;
        }
        QStringList keys;
        const QList<QKeySequence> shortcuts = a->shortcuts();
        for (const QKeySequence &k : shortcuts)
            keys << k.toString(QKeySequence::NativeText);
        out->append({path, plain(a->text()), keys.join(QStringLiteral(", ")), a});
    }
}

} // namespace

QList<ShortcutEntry> collectShortcuts(const QMenuBar *bar, const QList<const QMenu *> &skip)
{
    QList<ShortcutEntry> out;
    const QList<QAction *> menus = bar->actions();
    for (const QAction *a : menus) {
        if (const QMenu *menu = a->menu(); menu && !skip.contains(menu))
            collect(menu, plain(a->text()), skip, &out);
    }
    return out;
}

ShortcutsDialog::ShortcutsDialog(const QList<ShortcutEntry> &entries, QWidget *parent)
    : QDialog(parent), m_entries(entries)
{
    setWindowTitle(tr("Keyboard shortcuts"));
    m_table = new QTableWidget(int(entries.size()), 3, this);
    m_table->setHorizontalHeaderLabels({tr("Command"), tr("Menu"), tr("Shortcut")});
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    for (int row = 0; row < entries.size(); ++row) {
        const ShortcutEntry &e = entries.at(row);
        m_table->setItem(row, 0, new QTableWidgetItem(e.text));
        m_table->setItem(row, 1, new QTableWidgetItem(e.menu));
        auto *keys = new QTableWidgetItem(e.keys.isEmpty() ? QStringLiteral("—") : e.keys);
        if (e.keys.isEmpty())
            keys->setForeground(palette().color(QPalette::PlaceholderText));
        m_table->setItem(row, 2, keys);
    }
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);

    auto *filter = new QLineEdit(this);
    filter->setPlaceholderText(tr("Find a command or key…"));
    filter->setClearButtonEnabled(true);
    connect(filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        for (int row = 0; row < m_table->rowCount(); ++row) {
            bool match = text.isEmpty();
            for (int c = 0; c < 3 && !match; ++c)
                match = m_table->item(row, c)->text().contains(text, Qt::CaseInsensitive);
            m_table->setRowHidden(row, !match);
        }
    });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(filter);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(560, 620);
}

} // namespace pairlab
