#pragma once

#include <QDialog>

class QLineEdit;
class QTreeWidget;

namespace UserDesk {

// Help > Keyboard Shortcuts: every shortcut of the window's actions, read from the actions themselves so the
// list cannot drift from what the keys do, and the few keys that belong to a pane; searchable by name or key.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ShortcutsDialog(QWidget *window);

    // Opens one over `window` (or raises the one already open).
    static ShortcutsDialog *open(QWidget *window);
    // Shows the rows whose name or keys contain `text` (all when empty).
    void search(const QString &text);

private:
    void addRow(const QString &name, const QString &keys);

    QLineEdit *m_search;
    QTreeWidget *m_list;
};

} // namespace UserDesk
