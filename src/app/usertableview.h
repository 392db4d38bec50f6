#pragma once

#include "user.h"

#include <QTableView>

namespace UserDesk {

// The table of users: column widths and the newest-first order by default, its header state saved and
// restored, and Enter or a double click asking for the editor (Enter only while the table has focus; as a
// window shortcut it would also fire inside dialogs). Rows carry a User under UserTableModel::UserRole.
class UserTableView : public QTableView
{
    Q_OBJECT
public:
    explicit UserTableView(QWidget *parent = nullptr);

    // Column widths and the sort order a first run starts with; call once a model is set.
    void applyDefaultLayout();
    QByteArray saveViewState() const;
    bool restoreViewState(const QByteArray &state);

    // The selected users, newest first.
    QList<User> selectedUsers() const;
    User currentUser() const;
    // Makes the row of proxy index `index` current and selected, and scrolls to it.
    void makeCurrent(const QModelIndex &index);

Q_SIGNALS:
    void editRequested();
    // The row under the cursor is another user, or its user changed (an empty User: no row).
    void currentUserChanged(const UserDesk::User &user);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void currentChanged(const QModelIndex &current, const QModelIndex &previous) override;
    void dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
        const QList<int> &roles = QList<int>()) override;
    void reset() override;
};

} // namespace UserDesk
