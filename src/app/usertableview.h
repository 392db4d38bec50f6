#pragma once

#include "user.h"

#include <QTableView>

namespace UserDesk {

// The table of users: column widths by default (the server's own order, no sort arrow until the person
// sorts), its header state saved and restored, and Enter or a double click asking for the editor (Enter only
// while the table has focus; as a window shortcut it would also fire inside dialogs). Rows carry a User under
// UserTableModel::UserRole.
class UserTableView : public QTableView
{
    Q_OBJECT
public:
    explicit UserTableView(QWidget *parent = nullptr);

    // Column widths a first run starts with; call once a model is set. It also starts watching what can
    // change the selection without selectionChanged (a reset, a removal, a new order):
    // selectionMayHaveChanged.
    void applyDefaultLayout();
    QByteArray saveViewState() const;
    // Restores widths and order of the columns; a saved sort comes back as sortRequested().
    bool restoreViewState(const QByteArray &state);

    // Shows the arrow of the sort the window applied (column < 0: none, the server's order).
    void showSort(int column, Qt::SortOrder order);
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    // The selected users, newest first.
    QList<User> selectedUsers() const;
    User currentUser() const;
    // Makes the row of proxy index `index` current and selected, and scrolls to it.
    void makeCurrent(const QModelIndex &index);

Q_SIGNALS:
    void editRequested();
    // The person clicked a header (or a saved sort was restored): the window decides what the sort covers.
    void sortRequested(int column, Qt::SortOrder order);
    // The row under the cursor is another user, or its user changed (an empty User: no row).
    void currentUserChanged(const UserDesk::User &user);
    // The selected users (or what they hold) may be others now.
    void selectionMayHaveChanged();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void currentChanged(const QModelIndex &current, const QModelIndex &previous) override;
    void dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
        const QList<int> &roles = QList<int>()) override;
    void reset() override;

private:
    void onSectionClicked(int section);

    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace UserDesk
