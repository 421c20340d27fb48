#pragma once

#include <QDialog>
#include <QList>
#include <QPointer>
#include <QString>

class QAction;
class QMenu;
class QMenuBar;
class QTableWidget;

namespace pairlab {

/** One command of the menu bar and its keys. */
struct ShortcutEntry
{
    QString menu; ///< "File", "View › …" (without mnemonics)
    QString text; ///< the action's text without mnemonic and ellipsis marks
    QString keys; ///< every shortcut of the action, native text, ", "-separated; empty = none
    QPointer<QAction> action;
};

/** Every command of a menu bar, in menu order, read from the QActions themselves (submenus included,
 *  separators, widget actions and the menus listed in `skip` — e.g. recent files — left out). */
QList<ShortcutEntry> collectShortcuts(const QMenuBar *bar, const QList<const QMenu *> &skip = {});

/** Help → Keyboard shortcuts: the menu bar's commands with their keys, built from the actions each time
 *  it opens, so the list is always what the menus do. GUI thread. */
class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    ShortcutsDialog(const QList<ShortcutEntry> &entries, QWidget *parent = nullptr);
    QTableWidget *table() const { return m_table; }
    const QList<ShortcutEntry> &entries() const { return m_entries; }

private:
    QList<ShortcutEntry> m_entries;
    QTableWidget *m_table;
};

} // namespace pairlab
