#include "shortcutsdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace UserDesk {

ShortcutsDialog::ShortcutsDialog(QWidget *window)
    : QDialog(window)
    , m_search(new QLineEdit(this))
    , m_list(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));
    m_search->setObjectName(QStringLiteral("shortcutSearch"));
    m_search->setPlaceholderText(tr("Search by name or key…"));
    m_search->setAccessibleName(tr("Search the shortcuts"));
    m_search->setClearButtonEnabled(true);
    m_list->setObjectName(QStringLiteral("shortcutList"));
    m_list->setAccessibleName(tr("Keyboard shortcuts"));
    m_list->setHeaderLabels({ tr("Action"), tr("Keys") });
    m_list->setRootIsDecorated(false);
    m_list->setSortingEnabled(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *label = new QLabel(tr("&Search:"), this);
    label->setBuddy(m_search);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_search);
    layout->addWidget(m_list);
    layout->addWidget(buttons);
    connect(m_search, &QLineEdit::textChanged, this, &ShortcutsDialog::search);

    // The window's actions, as their menus name them, with every key that triggers them.
    QList<QAction *> actions = window->findChildren<QAction *>();
    actions.erase(std::remove_if(actions.begin(), actions.end(),
                      [](const QAction *a) { return a->shortcuts().isEmpty() || a->text().isEmpty(); }),
        actions.end());
    std::stable_sort(actions.begin(), actions.end(),
        [](const QAction *a, const QAction *b) { return a->text().localeAwareCompare(b->text()) < 0; });
    for (const QAction *action : std::as_const(actions)) {
        QStringList keys;
        for (const QKeySequence &key : action->shortcuts())
            keys.append(key.toString(QKeySequence::NativeText));
        QString name = action->text();
        name.remove(QLatin1Char('&'));
        if (name.endsWith(QStringLiteral("…")))
            name.chop(1);
        addRow(name, keys.join(tr(", ")));
    }
    // Keys that belong to a pane rather than to an action.
    addRow(tr("Edit the selected user (in the table)"),
        QKeySequence(Qt::Key_Return).toString(QKeySequence::NativeText));
    addRow(tr("Clear every filter (in a filter field)"),
        QKeySequence(Qt::Key_Escape).toString(QKeySequence::NativeText));
    resize(480, 420);
}

void ShortcutsDialog::addRow(const QString &name, const QString &keys)
{
    auto *item = new QTreeWidgetItem(m_list, { name, keys });
    item->setData(0, Qt::AccessibleTextRole, name);
    item->setData(1, Qt::AccessibleTextRole, keys);
}

void ShortcutsDialog::search(const QString &text)
{
    const QString wanted = text.trimmed();
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        item->setHidden(!wanted.isEmpty() && !item->text(0).contains(wanted, Qt::CaseInsensitive)
            && !item->text(1).contains(wanted, Qt::CaseInsensitive));
    }
}

ShortcutsDialog *ShortcutsDialog::open(QWidget *window)
{
    if (auto *open = window->findChild<ShortcutsDialog *>(QStringLiteral("shortcutsDialog"))) {
        open->raise();
        open->activateWindow();
        return open;
    }
    auto *dialog = new ShortcutsDialog(window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

} // namespace UserDesk
