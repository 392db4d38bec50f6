#pragma once

#include <QSortFilterProxyModel>

namespace UserDesk {

class UserTableModel;

// Sorts and filters a UserTableModel by reading its compact rows directly instead of going through data() and
// a QVariant per comparison: a million rows sort in a fraction of the time (bench/RESULTS.md, scenario 4).
class UserSortFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit UserSortFilterProxyModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    const UserTableModel *m_users = nullptr;
};

} // namespace UserDesk
