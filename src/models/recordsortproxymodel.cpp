#include "recordsortproxymodel.h"

#include "recordtablemodel.h"

namespace UserDesk {

RecordSortProxyModel::RecordSortProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(RecordTableModel::SortRole);
}

void RecordSortProxyModel::setSourceModel(QAbstractItemModel *model)
{
    m_records = qobject_cast<RecordTableModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

bool RecordSortProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (!m_records)
        return QSortFilterProxyModel::lessThan(left, right);
    const int order = m_records->rows().compare(left.row(), right.row(), left.column());
    // Equal values keep the server's order (newest first), so a sort is stable and repeatable.
    return order != 0 ? order < 0 : left.row() < right.row();
}

} // namespace UserDesk
