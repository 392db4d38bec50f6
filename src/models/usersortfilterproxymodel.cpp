#include "usersortfilterproxymodel.h"

#include "usertablemodel.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace UserDesk {

namespace {
bool sameFilter(const UserRowOrder::Spec &a, const UserRowOrder::Spec &b)
{
    if (a.filters() != b.filters())
        return false;
    return !a.filters()
        || (a.filterColumn == b.filterColumn && a.filterText == b.filterText && a.filterCase == b.filterCase);
}

bool sameSort(const UserRowOrder::Spec &a, const UserRowOrder::Spec &b)
{
    if (a.sorts() != b.sorts())
        return false;
    return !a.sorts() || (a.sortColumn == b.sortColumn && a.order == b.order && a.sortCase == b.sortCase);
}

bool touchesText(const QList<int> &roles)
{
    return roles.isEmpty() || roles.contains(Qt::DisplayRole) || roles.contains(Qt::EditRole);
}
} // namespace

UserSortFilterProxyModel::UserSortFilterProxyModel(QObject *parent)
    : QAbstractProxyModel(parent)
{
}

UserSortFilterProxyModel::~UserSortFilterProxyModel() = default;

void UserSortFilterProxyModel::disconnectSource()
{
    for (const QMetaObject::Connection &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
}

void UserSortFilterProxyModel::setSourceModel(QAbstractItemModel *model)
{
    beginResetModel();
    disconnectSource();
    m_users = qobject_cast<const UserTableModel *>(model);
    Q_ASSERT_X(!model || m_users, "UserSortFilterProxyModel", "the source must be a UserTableModel");
    QAbstractProxyModel::setSourceModel(m_users ? model : nullptr);
    ++m_lastJob; // whatever a worker was computing was for the old source
    setBusy(0);
    m_applied = {};
    m_applied.sortCase = m_spec.sortCase;
    m_proxyToSource.clear();
    m_sourceToProxyStale = true;
    if (m_users) {
        auto *src = sourceModel();
        using M = QAbstractItemModel;
        m_connections = {
            connect(src, &M::rowsInserted, this, &UserSortFilterProxyModel::onRowsInserted),
            connect(src, &M::rowsAboutToBeRemoved, this, &UserSortFilterProxyModel::onRowsAboutToBeRemoved),
            connect(src, &M::rowsRemoved, this, &UserSortFilterProxyModel::onRowsRemoved),
            connect(src, &M::dataChanged, this, &UserSortFilterProxyModel::onDataChanged),
            connect(src, &M::headerDataChanged, this, &M::headerDataChanged),
            connect(src, &M::modelAboutToBeReset, this, &UserSortFilterProxyModel::onAboutToBeReset),
            connect(src, &M::modelReset, this, &UserSortFilterProxyModel::onReset),
            connect(
                src, &M::layoutAboutToBeChanged, this, &UserSortFilterProxyModel::onLayoutAboutToBeChanged),
            connect(src, &M::layoutChanged, this, &UserSortFilterProxyModel::onLayoutChanged),
            // A UserTableModel never moves rows or changes its columns; should one ever, start over.
            connect(src, &M::rowsAboutToBeMoved, this, &UserSortFilterProxyModel::onAboutToBeReset),
            connect(src, &M::rowsMoved, this, &UserSortFilterProxyModel::onReset),
            connect(src, &M::columnsAboutToBeInserted, this, &UserSortFilterProxyModel::onAboutToBeReset),
            connect(src, &M::columnsInserted, this, &UserSortFilterProxyModel::onReset),
            connect(src, &M::columnsAboutToBeRemoved, this, &UserSortFilterProxyModel::onAboutToBeReset),
            connect(src, &M::columnsRemoved, this, &UserSortFilterProxyModel::onReset),
        };
        m_proxyToSource = UserRowOrder(m_users->rows(), m_applied).rows(m_users->rows().size());
    }
    endResetModel();
    recompute();
}

void UserSortFilterProxyModel::sort(int column, Qt::SortOrder order)
{
    m_spec.sortColumn = column >= 0 && column < UserTableModel::ColumnCount ? column : -1;
    m_spec.order = order;
    recompute();
}

void UserSortFilterProxyModel::setSortCaseSensitivity(Qt::CaseSensitivity cs)
{
    m_spec.sortCase = cs;
    recompute();
}

void UserSortFilterProxyModel::setFilterFixedString(const QString &text)
{
    m_spec.filterText = text;
    recompute();
}

void UserSortFilterProxyModel::setFilterKeyColumn(int column)
{
    m_spec.filterColumn = column >= 0 && column < UserTableModel::ColumnCount ? column : -1;
    recompute();
}

void UserSortFilterProxyModel::setFilterCaseSensitivity(Qt::CaseSensitivity cs)
{
    m_spec.filterCase = cs;
    recompute();
}

void UserSortFilterProxyModel::setBusy(quint64 job)
{
    const bool wasBusy = m_pending != 0;
    m_pending = job;
    if (wasBusy != (job != 0))
        Q_EMIT busyChanged(job != 0);
}

void UserSortFilterProxyModel::recompute()
{
    if (!m_users)
        return;
    const bool nothingToDo = sameSort(m_spec, m_applied) && sameFilter(m_spec, m_applied);
    if (nothingToDo && !m_pending)
        return;
    const UserRows &rows = m_users->rows();
    const quint64 job = ++m_lastJob;
    if (nothingToDo) {
        setBusy(0); // a worker was computing an order that is no longer wanted
        return;
    }
    if (rows.size() <= m_synchronousLimit) {
        const QList<int> order = UserRowOrder(rows, m_spec).rows(rows.size());
        const bool layoutOnly = sameFilter(m_spec, m_applied);
        m_applied = m_spec;
        applyOrder(order, layoutOnly);
        setBusy(0);
        Q_EMIT orderChanged();
        return;
    }

    // The worker sorts its own copy of the rows (copying shares the data, it costs nothing here) and
    // the answer comes back to this thread through the watcher, which dies with this proxy.
    m_jobRowCount = static_cast<int>(rows.size());
    m_jobStale = false;
    const UserRowOrder::Spec spec = m_spec;
    auto *watcher = new QFutureWatcher<QList<int>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, job, spec] {
        watcher->deleteLater();
        if (job != m_lastJob)
            return; // a newer sort or filter was asked for meanwhile
        if (m_jobStale) {
            recompute(); // the rows changed under the worker: ask again
            return;
        }
        QList<int> order = watcher->result();
        // Rows appended while the worker ran were placed in the old order; place them in the new one.
        const UserRowOrder ordering(m_users->rows(), spec);
        for (int row = m_jobRowCount; row < m_users->rows().size(); ++row) {
            if (!ordering.accepts(row))
                continue;
            const auto at = std::partition_point(
                order.begin(), order.end(), [&](int other) { return ordering.before(other, row); });
            order.insert(at, row);
        }
        const bool layoutOnly = sameFilter(spec, m_applied);
        m_applied = spec;
        applyOrder(order, layoutOnly);
        setBusy(0);
        Q_EMIT orderChanged();
    });
    setBusy(job);
    watcher->setFuture(QtConcurrent::run([rows = rows.readOnlyCopy(), spec, count = rows.size()] {
        return UserRowOrder(rows, spec).rows(count);
    }));
}

void UserSortFilterProxyModel::applyOrder(const QList<int> &order, bool layoutOnly)
{
    if (!layoutOnly) {
        // Another set of rows: views start over (a filter change; the window filters on the server).
        beginResetModel();
        m_proxyToSource = order;
        m_sourceToProxyStale = true;
        endResetModel();
        return;
    }
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList from = persistentIndexList();
    QList<std::pair<int, int>> sources; // (source row, column) of each persistent index
    sources.reserve(from.size());
    for (const QModelIndex &index : from)
        sources.append({ m_proxyToSource.at(index.row()), index.column() });
    m_proxyToSource = order;
    m_sourceToProxyStale = true;
    rebuildSourceToProxy();
    QModelIndexList to;
    to.reserve(from.size());
    for (const auto &[sourceRow, column] : std::as_const(sources)) {
        const int row = m_sourceToProxy.value(sourceRow, -1);
        to.append(row >= 0 ? createIndex(row, column) : QModelIndex());
    }
    changePersistentIndexList(from, to);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void UserSortFilterProxyModel::rebuildSourceToProxy() const
{
    if (!m_sourceToProxyStale)
        return;
    const int sourceRows = m_users ? static_cast<int>(m_users->rows().size()) : 0;
    m_sourceToProxy.fill(-1, sourceRows);
    for (int row = 0; row < m_proxyToSource.size(); ++row) {
        const int source = m_proxyToSource.at(row);
        if (source >= 0 && source < sourceRows)
            m_sourceToProxy[source] = row;
    }
    m_sourceToProxyStale = false;
}

int UserSortFilterProxyModel::insertionPoint(const UserRowOrder &order, int sourceRow) const
{
    const auto at = std::partition_point(m_proxyToSource.cbegin(), m_proxyToSource.cend(),
        [&](int other) { return order.before(other, sourceRow); });
    return static_cast<int>(at - m_proxyToSource.cbegin());
}

void UserSortFilterProxyModel::onRowsInserted(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    const int count = last - first + 1;
    const int sourceRows = static_cast<int>(m_users->rows().size());
    const bool appended = last == sourceRows - 1;
    if (m_pending && !appended)
        m_jobStale = true;
    if (!appended) {
        for (int &source : m_proxyToSource) {
            if (source >= first)
                source += count;
        }
    }
    m_sourceToProxyStale = true;

    const UserRowOrder order(m_users->rows(), m_applied);
    if (!m_applied.sorts()) {
        // In the source's order the new rows go together, before the first row that followed them.
        QList<int> accepted;
        for (int row = first; row <= last; ++row) {
            if (order.accepts(row))
                accepted.append(row);
        }
        if (accepted.isEmpty())
            return;
        const int at = insertionPoint(order, first);
        beginInsertRows({}, at, at + static_cast<int>(accepted.size()) - 1);
        m_proxyToSource.insert(at, accepted.size(), 0);
        std::copy(accepted.cbegin(), accepted.cend(), m_proxyToSource.begin() + at);
        endInsertRows();
        return;
    }
    for (int row = first; row <= last; ++row) {
        if (!order.accepts(row))
            continue;
        const int at = insertionPoint(order, row);
        beginInsertRows({}, at, at);
        m_proxyToSource.insert(at, row);
        endInsertRows();
    }
}

void UserSortFilterProxyModel::onRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    if (m_pending)
        m_jobStale = true;
    rebuildSourceToProxy();
    QList<int> gone;
    for (int row = first; row <= last; ++row) {
        const int proxyRow = m_sourceToProxy.value(row, -1);
        if (proxyRow >= 0)
            gone.append(proxyRow);
    }
    std::sort(gone.begin(), gone.end(), std::greater<int>());
    // Runs of neighbouring proxy rows go in one signal, the last run first so earlier rows keep their place.
    for (qsizetype i = 0; i < gone.size();) {
        qsizetype j = i;
        while (j + 1 < gone.size() && gone.at(j + 1) == gone.at(j) - 1)
            ++j;
        const int top = gone.at(j);
        const int bottom = gone.at(i);
        beginRemoveRows({}, top, bottom);
        m_proxyToSource.remove(top, bottom - top + 1);
        endRemoveRows();
        i = j + 1;
    }
    m_sourceToProxyStale = true;
}

void UserSortFilterProxyModel::onRowsRemoved(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    const int count = last - first + 1;
    for (int &source : m_proxyToSource) {
        if (source > last)
            source -= count;
    }
    m_sourceToProxyStale = true;
}

void UserSortFilterProxyModel::onDataChanged(
    const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles)
{
    if (!topLeft.isValid() || topLeft.parent().isValid())
        return;
    const bool text = touchesText(roles);
    const auto inRange
        = [&](int column) { return column >= topLeft.column() && column <= bottomRight.column(); };
    if (m_pending && text && (inRange(m_spec.sortColumn) || inRange(m_spec.filterColumn)))
        m_jobStale = true;

    const UserRowOrder order(m_users->rows(), m_applied);
    const bool mayMove = text && m_applied.sorts() && inRange(m_applied.sortColumn);
    const bool mayFilter = text && m_applied.filters() && inRange(m_applied.filterColumn);
    if (!mayMove && !mayFilter && !m_applied.sorts() && !m_applied.filters()) {
        // The source's order: the changed rows are one run here too.
        rebuildSourceToProxy();
        const int top = m_sourceToProxy.value(topLeft.row(), -1);
        const int bottom = m_sourceToProxy.value(bottomRight.row(), -1);
        if (top >= 0 && bottom >= top)
            Q_EMIT dataChanged(index(top, topLeft.column()), index(bottom, bottomRight.column()), roles);
        return;
    }
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
        rebuildSourceToProxy();
        const int proxyRow = m_sourceToProxy.value(row, -1);
        const bool accepted = !mayFilter || order.accepts(row);
        if (proxyRow >= 0 && !accepted) {
            beginRemoveRows({}, proxyRow, proxyRow);
            m_proxyToSource.removeAt(proxyRow);
            m_sourceToProxyStale = true;
            endRemoveRows();
            continue;
        }
        if (proxyRow < 0) {
            if (accepted && mayFilter) {
                const int at = insertionPoint(order, row);
                beginInsertRows({}, at, at);
                m_proxyToSource.insert(at, row);
                m_sourceToProxyStale = true;
                endInsertRows();
            }
            continue;
        }
        int at = proxyRow;
        if (mayMove) {
            const bool afterPrevious = proxyRow == 0 || order.before(m_proxyToSource.at(proxyRow - 1), row);
            const bool beforeNext = proxyRow + 1 == m_proxyToSource.size()
                || order.before(row, m_proxyToSource.at(proxyRow + 1));
            if (!afterPrevious || !beforeNext) {
                // Moving keeps the row's selection and current index, unlike a removal and insertion.
                m_proxyToSource.removeAt(proxyRow);
                const int target = insertionPoint(order, row); // among the other rows
                m_proxyToSource.insert(proxyRow, row);
                const int destination = target > proxyRow ? target + 1 : target;
                if (target != proxyRow && beginMoveRows({}, proxyRow, proxyRow, {}, destination)) {
                    m_proxyToSource.removeAt(proxyRow);
                    m_proxyToSource.insert(target, row);
                    m_sourceToProxyStale = true;
                    endMoveRows();
                    at = target;
                }
            }
        }
        Q_EMIT dataChanged(index(at, topLeft.column()), index(at, bottomRight.column()), roles);
    }
}

void UserSortFilterProxyModel::onAboutToBeReset()
{
    if (m_pending)
        m_jobStale = true;
    beginResetModel();
}

void UserSortFilterProxyModel::onReset()
{
    const UserRows &rows = m_users->rows();
    if (rows.size() > m_synchronousLimit && (!sameSort(m_spec, m_applied) || m_applied.sorts())) {
        // Too many rows to sort here: show them filtered in the source's order until the worker's order.
        m_applied.sortColumn = -1;
    }
    m_proxyToSource = UserRowOrder(rows, m_applied).rows(rows.size());
    m_sourceToProxyStale = true;
    endResetModel();
    recompute();
}

void UserSortFilterProxyModel::onLayoutAboutToBeChanged()
{
    if (m_pending)
        m_jobStale = true;
    Q_EMIT layoutAboutToBeChanged();
    m_layoutProxy = persistentIndexList();
    m_layoutSaved.clear();
    for (const QModelIndex &index : std::as_const(m_layoutProxy))
        m_layoutSaved.append(QPersistentModelIndex(mapToSource(index)));
}

void UserSortFilterProxyModel::onLayoutChanged()
{
    const UserRows &rows = m_users->rows();
    m_proxyToSource = UserRowOrder(rows, m_applied).rows(rows.size());
    m_sourceToProxyStale = true;
    QModelIndexList to;
    for (const QPersistentModelIndex &source : std::as_const(m_layoutSaved))
        to.append(mapFromSource(source));
    changePersistentIndexList(m_layoutProxy, to);
    m_layoutProxy.clear();
    m_layoutSaved.clear();
    Q_EMIT layoutChanged();
}

QModelIndex UserSortFilterProxyModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || row >= m_proxyToSource.size() || column < 0 || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex UserSortFilterProxyModel::parent(const QModelIndex &) const
{
    return {};
}

int UserSortFilterProxyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_proxyToSource.size());
}

int UserSortFilterProxyModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !sourceModel() ? 0 : sourceModel()->columnCount();
}

bool UserSortFilterProxyModel::hasChildren(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_proxyToSource.isEmpty();
}

QModelIndex UserSortFilterProxyModel::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!proxyIndex.isValid() || !sourceModel() || proxyIndex.model() != this
        || proxyIndex.row() >= m_proxyToSource.size())
        return {};
    return sourceModel()->index(m_proxyToSource.at(proxyIndex.row()), proxyIndex.column());
}

QModelIndex UserSortFilterProxyModel::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!sourceIndex.isValid() || sourceIndex.model() != sourceModel())
        return {};
    rebuildSourceToProxy();
    const int row = m_sourceToProxy.value(sourceIndex.row(), -1);
    return row >= 0 ? createIndex(row, sourceIndex.column()) : QModelIndex();
}

QVariant UserSortFilterProxyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (!sourceModel())
        return {};
    if (orientation == Qt::Horizontal)
        return sourceModel()->headerData(section, orientation, role);
    return QAbstractProxyModel::headerData(section, orientation, role);
}

bool UserSortFilterProxyModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && sourceModel() && sourceModel()->canFetchMore({});
}

void UserSortFilterProxyModel::fetchMore(const QModelIndex &parent)
{
    if (!parent.isValid() && sourceModel())
        sourceModel()->fetchMore({});
}

} // namespace UserDesk
