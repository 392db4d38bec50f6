#include "usersortfilterproxymodel.h"

#include "usertablemodel.h"

namespace UserDesk {

UserSortFilterProxyModel::UserSortFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
}

void UserSortFilterProxyModel::setSourceModel(QAbstractItemModel *model)
{
    m_users = qobject_cast<const UserTableModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

bool UserSortFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (!m_users || sortRole() != Qt::DisplayRole)
        return QSortFilterProxyModel::lessThan(left, right);
    const UserRows &rows = m_users->rows();
    const int order
        = rows.compare(left.row(), right.row(), UserTableModel::field(left.column()), sortCaseSensitivity());
    // Equal keys fall back to the id, so the order is stable and the same for every sort.
    return order < 0 || (order == 0 && rows.id(left.row()) < rows.id(right.row()));
}

bool UserSortFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QRegularExpression &re = filterRegularExpression();
    if (!m_users || filterRole() != Qt::DisplayRole || filterKeyColumn() < 0)
        return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
    if (re.pattern().isEmpty())
        return true;
    return re.match(m_users->rows().text(sourceRow, UserTableModel::field(filterKeyColumn()))).hasMatch();
}

} // namespace UserDesk
