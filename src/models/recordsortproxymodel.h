#pragma once

#include <QSortFilterProxyModel>

namespace UserDesk {

class RecordTableModel;

// Orders a RecordTableModel's loaded rows by a column straight from its compact rows (ids and numbers by
// value, text case-insensitively), without a QVariant per comparison. It sorts what is loaded, no more:
// the pane that shows it says so while rows are missing.
class RecordSortProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit RecordSortProxyModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;
    bool isSorted() const { return sortColumn() >= 0; }

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    RecordTableModel *m_records = nullptr;
};

} // namespace UserDesk
