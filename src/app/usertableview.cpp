#include "usertableview.h"

#include "usertablemodel.h"

#include <QHeaderView>
#include <QKeyEvent>

namespace UserDesk {

UserTableView::UserTableView(QWidget *parent)
    : QTableView(parent)
{
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setAlternatingRowColors(true);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    // Tab leaves the table for the next pane (rows are whole, the arrow keys move between them): with
    // QTableView's default, Tab walked the cells and the keyboard never got out.
    setTabKeyNavigation(false);
    // Not QTableView's own sorting: it would sort at once, whatever part of the users is loaded, and shows
    // an arrow from the start. The window sorts through sortRequested().
    horizontalHeader()->setSectionsClickable(true);
    horizontalHeader()->setSortIndicatorShown(false);
    connect(horizontalHeader(), &QHeaderView::sectionClicked, this, &UserTableView::onSectionClicked);
    setWordWrap(false);
    verticalHeader()->setVisible(false);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setSectionsMovable(true);
    connect(this, &QAbstractItemView::doubleClicked, this, &UserTableView::editRequested);
}

void UserTableView::applyDefaultLayout()
{
    QHeaderView *header = horizontalHeader();
    header->resizeSection(UserTableModel::IdColumn, 90);
    header->resizeSection(UserTableModel::NameColumn, 220);
    header->resizeSection(UserTableModel::EmailColumn, 300);
    header->resizeSection(UserTableModel::GenderColumn, 80);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    const auto changed = [this] { Q_EMIT selectionMayHaveChanged(); };
    connect(selectionModel(), &QItemSelectionModel::selectionChanged, this, changed);
    connect(model(), &QAbstractItemModel::modelReset, this, changed);
    connect(model(), &QAbstractItemModel::layoutChanged, this, changed);
    connect(model(), &QAbstractItemModel::rowsRemoved, this, changed);
    connect(model(), &QAbstractItemModel::dataChanged, this, changed);
}

QByteArray UserTableView::saveViewState() const
{
    return horizontalHeader()->saveState();
}

bool UserTableView::restoreViewState(const QByteArray &state)
{
    QHeaderView *header = horizontalHeader();
    if (state.isEmpty() || !header->restoreState(state))
        return false;
    const bool sorted = header->isSortIndicatorShown() && header->sortIndicatorSection() >= 0;
    const int column = header->sortIndicatorSection();
    const Qt::SortOrder order = header->sortIndicatorOrder();
    showSort(-1, Qt::AscendingOrder);
    if (sorted)
        Q_EMIT sortRequested(column, order);
    return true;
}

void UserTableView::showSort(int column, Qt::SortOrder order)
{
    m_sortColumn = column;
    m_sortOrder = order;
    QHeaderView *header = horizontalHeader();
    header->setSortIndicatorShown(column >= 0);
    if (column >= 0)
        header->setSortIndicator(column, order);
}

void UserTableView::onSectionClicked(int section)
{
    const Qt::SortOrder order = section == m_sortColumn && m_sortOrder == Qt::AscendingOrder
        ? Qt::DescendingOrder
        : Qt::AscendingOrder;
    Q_EMIT sortRequested(section, order);
}

QList<User> UserTableView::selectedUsers() const
{
    QList<User> users;
    if (!selectionModel())
        return users;
    const QModelIndexList rows = selectionModel()->selectedRows();
    for (const QModelIndex &index : rows)
        users << index.data(UserTableModel::UserRole).value<User>();
    std::sort(users.begin(), users.end(), [](const User &a, const User &b) { return b.id < a.id; });
    return users;
}

User UserTableView::currentUser() const
{
    return currentIndex().data(UserTableModel::UserRole).value<User>();
}

void UserTableView::makeCurrent(const QModelIndex &index)
{
    selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    scrollTo(index);
}

void UserTableView::currentChanged(const QModelIndex &current, const QModelIndex &previous)
{
    QTableView::currentChanged(current, previous);
    if (current.row() != previous.row() || !current.isValid())
        Q_EMIT currentUserChanged(currentUser());
}

void UserTableView::dataChanged(
    const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles)
{
    QTableView::dataChanged(topLeft, bottomRight, roles);
    const int row = currentIndex().row();
    if (row >= 0 && topLeft.row() <= row && row <= bottomRight.row())
        Q_EMIT currentUserChanged(currentUser());
}

void UserTableView::reset()
{
    QTableView::reset();
    Q_EMIT currentUserChanged(User());
}

void UserTableView::keyPressEvent(QKeyEvent *event)
{
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)
        && (event->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier) {
        Q_EMIT editRequested();
        event->accept();
        return;
    }
    QTableView::keyPressEvent(event);
}

} // namespace UserDesk
