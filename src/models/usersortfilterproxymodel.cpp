#include "usersortfilterproxymodel.h"

#include "usertablemodel.h"

namespace UserDesk {

namespace {
const QString &field(const User &user, int column)
{
    switch (column) {
    case UserTableModel::NameColumn: return user.name;
    case UserTableModel::EmailColumn: return user.email;
    case UserTableModel::GenderColumn: return user.gender;
    default: return user.status;
    }
}
} // namespace

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
    const QList<User> &users = m_users->users();
    const User &a = users.at(left.row());
    const User &b = users.at(right.row());
    const int column = left.column();
    if (column == UserTableModel::IdColumn)
        return a.id < b.id;
    const int order = field(a, column).compare(field(b, column), sortCaseSensitivity());
    // Equal keys fall back to the id, so the order is stable and the same for every sort.
    return order < 0 || (order == 0 && a.id < b.id);
}

bool UserSortFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QRegularExpression &re = filterRegularExpression();
    if (!m_users || filterRole() != Qt::DisplayRole || filterKeyColumn() < 0)
        return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
    if (re.pattern().isEmpty())
        return true;
    const User &user = m_users->users().at(sourceRow);
    if (filterKeyColumn() == UserTableModel::IdColumn)
        return re.match(QString::number(user.id)).hasMatch();
    return re.match(field(user, filterKeyColumn())).hasMatch();
}

} // namespace UserDesk
