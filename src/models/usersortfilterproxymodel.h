#pragma once

#include "userroworder.h"

#include <QAbstractProxyModel>
#include <QList>
#include <QPointer>

namespace UserDesk {

class UserTableModel;

// Sorts and filters a UserTableModel for a view. Unlike QSortFilterProxyModel it reads the model's compact
// rows directly and sorts (key, row) pairs, and it sorts or filters a large table on a worker thread over a
// copy of the rows, so the window keeps painting: a million rows sort in a fraction of a second and the
// GUI thread never waits for it (bench/RESULTS.md, scenario 4). Until a worker's order arrives the view
// keeps its previous order; rows that arrive meanwhile are placed by binary search.
class UserSortFilterProxyModel : public QAbstractProxyModel
{
    Q_OBJECT
public:
    explicit UserSortFilterProxyModel(QObject *parent = nullptr);
    ~UserSortFilterProxyModel() override;

    void setSourceModel(QAbstractItemModel *model) override;

    // Tables up to this many rows are sorted and filtered at once on the calling thread.
    void setSynchronousLimit(int rows) { m_synchronousLimit = rows; }
    // True while a worker computes a new order; orderChanged() follows.
    bool isBusy() const { return m_pending != 0; }

    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_spec.sortColumn; }
    Qt::SortOrder sortOrder() const { return m_spec.order; }
    void setSortCaseSensitivity(Qt::CaseSensitivity cs);
    Qt::CaseSensitivity sortCaseSensitivity() const { return m_spec.sortCase; }

    // Shows only rows whose column contains the text (an empty text shows every row).
    void setFilterFixedString(const QString &text);
    QString filterFixedString() const { return m_spec.filterText; }
    void setFilterKeyColumn(int column);
    int filterKeyColumn() const { return m_spec.filterColumn; }
    void setFilterCaseSensitivity(Qt::CaseSensitivity cs);

    QModelIndex index(int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    bool hasChildren(const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    void busyChanged(bool busy);
    // A sort or filter has been applied (at once, or when its worker finished).
    void orderChanged();

private:
    void disconnectSource();
    void recompute();
    void applyOrder(const QList<int> &order, bool layoutOnly);
    void rebuildSourceToProxy() const;
    void setBusy(quint64 job);
    int insertionPoint(const UserRowOrder &order, int sourceRow) const;

    void onRowsInserted(const QModelIndex &parent, int first, int last);
    void onRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last);
    void onRowsRemoved(const QModelIndex &parent, int first, int last);
    void onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles);
    void onAboutToBeReset();
    void onReset();
    void onLayoutAboutToBeChanged();
    void onLayoutChanged();

    const UserTableModel *m_users = nullptr;
    QList<QMetaObject::Connection> m_connections;
    UserRowOrder::Spec m_spec; // what was asked for
    UserRowOrder::Spec m_applied; // what the rows shown now follow
    int m_synchronousLimit = 20000;

    QList<int> m_proxyToSource;
    mutable QList<int> m_sourceToProxy; // -1: filtered out; rebuilt when m_sourceToProxyStale
    mutable bool m_sourceToProxyStale = true;

    // Worker jobs: each has a number; only the newest one's answer is applied.
    quint64 m_lastJob = 0;
    quint64 m_pending = 0;
    // What changed in the source since the pending job copied the rows: rows appended at the end only
    // (those are placed afterwards), or anything else (the job's answer is stale and is computed again).
    int m_jobRowCount = 0;
    bool m_jobStale = false;
    QList<QPersistentModelIndex> m_layoutSaved;
    QModelIndexList m_layoutProxy;
};

} // namespace UserDesk
