#include "usertablemodel.h"

#include "page.h"

#include <QColor>
#include <QCoreApplication>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>
#include <algorithm>

namespace UserDesk {

UserTableModel::UserTableModel(ApiClient *client, QObject *parent)
    : QAbstractTableModel(parent)
    , m_client(client)
{
    connect(m_client, &ApiClient::usersPageReceived, this, &UserTableModel::onPage);
    connect(m_client, &ApiClient::userCreated, this, &UserTableModel::onCreated);
    connect(m_client, &ApiClient::userUpdated, this, &UserTableModel::onUpdated);
    connect(m_client, &ApiClient::userDeleted, this, &UserTableModel::onDeleted);
    connect(m_client, &ApiClient::requestFailed, this, &UserTableModel::onFailed);
}

void UserTableModel::setPageSize(int size)
{
    m_pageSize = std::clamp(size, 1, 100);
}

void UserTableModel::setFilter(const UserFilter &filter)
{
    m_filter = filter;
    reset(true);
}

void UserTableModel::reload()
{
    reset(true);
}

void UserTableModel::clear()
{
    reset(false);
}

void UserTableModel::refresh()
{
    if (m_rows.isEmpty()) {
        reload();
        return;
    }
    stopLoadingAll();
    if (m_pageRequest) {
        const ApiClient::RequestId stale = m_pageRequest;
        m_pageRequest = 0;
        m_client->cancel(stale);
    }
    setStale(true);
    m_refreshing = true;
    m_fetchBlocked = false;
    const bool wasLoading = isLoading();
    m_requestedPage = 1;
    m_pageRequest = m_client->listUsers(1, m_pageSize, m_filter);
    if (!wasLoading)
        Q_EMIT loadingChanged(true);
}

void UserTableModel::setStale(bool stale)
{
    if (m_stale == stale)
        return;
    m_stale = stale;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(
            index(0, 0), index(rowCount() - 1, ColumnCount - 1), { Qt::ForegroundRole, StaleRole });
    Q_EMIT staleChanged(stale);
}

int UserTableModel::remainingPages() const
{
    if (!m_hasMore)
        return 0;
    if (m_total < 0)
        return -1;
    const qint64 left = std::max<qint64>(0, m_total - loadedCount());
    return static_cast<int>((left + m_pageSize - 1) / m_pageSize);
}

void UserTableModel::loadAll()
{
    if (m_loadingAll)
        return;
    if (!m_hasMore && !m_refreshing) {
        Q_EMIT loadingAllChanged(false, isComplete());
        return;
    }
    m_loadingAll = true;
    m_fetchBlocked = false;
    Q_EMIT loadingAllChanged(true, false);
    if (!m_pageRequest)
        requestPage();
}

void UserTableModel::stopLoadingAll()
{
    if (!m_loadingAll)
        return;
    m_loadingAll = false;
    Q_EMIT loadingAllChanged(false, isComplete());
}

void UserTableModel::finishLoadingAll()
{
    if (m_loadingAll && !m_hasMore)
        stopLoadingAll();
    else if (m_loadingAll && !m_pageRequest)
        requestPage();
}

void UserTableModel::retryFetch()
{
    m_fetchBlocked = false;
    if (m_hasMore && !m_pageRequest)
        requestPage();
}

void UserTableModel::reset(bool load)
{
    stopLoadingAll();
    const bool wasLoading = isLoading();
    const bool wasStale = m_stale;
    m_refreshing = false;
    if (m_pageRequest) {
        const ApiClient::RequestId stale = m_pageRequest;
        m_pageRequest = 0; // its Canceled answer is not news to anyone
        m_client->cancel(stale);
    }
    beginResetModel();
    m_rows.clear();
    if (!load) {
        // Reloading keeps what is being saved or deleted: those requests still end here, by user id.
        if (!m_heldBack.isEmpty()) {
            const QList<ResourceId> dropped = m_heldBack.keys();
            m_heldBack.clear();
            m_heldInServerTotal.clear();
            Q_EMIT heldBackDropped(dropped);
        }
        m_states.clear();
        m_rowRequests.clear();
    }
    m_total = -1;
    m_hasMore = load;
    m_fetchBlocked = false;
    m_stale = false;
    m_guard.reset();
    endResetModel();
    if (wasStale)
        Q_EMIT staleChanged(false);
    Q_EMIT countsChanged(0, m_total);
    if (load)
        requestPage();
    else if (wasLoading)
        Q_EMIT loadingChanged(false);
}

qint64 UserTableModel::heldOnServerPages() const
{
    // Held under another filter (it changed during the grace period), a user is not on these pages.
    return std::count_if(m_heldBack.cbegin(), m_heldBack.cend(),
        [this](const std::pair<int, User> &held) { return m_filter.matches(held.second); });
}

void UserTableModel::requestPage()
{
    const bool wasLoading = isLoading();
    // The next page follows from what is loaded, not from a counter: creates and deletes since the last
    // page shift the server's pages, and counting rows lands on the right one (duplicates are dropped by id).
    // Rows held back from the table (a delete not sent or not answered yet) are still on the server's pages.
    const int page = static_cast<int>((m_rows.size() + heldOnServerPages()) / m_pageSize) + 1;
    m_requestedPage = page;
    m_pageRequest = m_client->listUsers(page, m_pageSize, m_filter);
    if (!wasLoading)
        Q_EMIT loadingChanged(true);
}

void UserTableModel::trackRequest(ApiClient::RequestId id, const ResourceId &userId, RowState state)
{
    m_rowRequests.insert(id, userId);
    setState(userId, state);
}

void UserTableModel::setState(const ResourceId &userId, RowState state)
{
    setStates({ userId }, state);
}

void UserTableModel::setStates(const QList<ResourceId> &userIds, RowState state)
{
    QSet<ResourceId> changed;
    for (const ResourceId &userId : userIds) {
        if (state != RowState::Idle)
            m_states.insert(userId, state);
        else if (m_states.remove(userId) == 0)
            continue;
        changed.insert(userId);
    }
    if (changed.isEmpty())
        return;
    // One pass over the rows and one dataChanged, however many rows a bulk job marks.
    int first = -1;
    int last = -1;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (changed.contains(m_rows.id(row))) {
            first = first < 0 ? row : first;
            last = row;
        }
    }
    if (first >= 0)
        Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
}

void UserTableModel::emitRowChanged(int row)
{
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int UserTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int UserTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UserTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const ResourceId userId = m_rows.id(row);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        if (index.column() == IdColumn)
            return userId.isText() ? QVariant(userId.toString()) : QVariant(userId.number());
        return m_rows.text(row, field(index.column()));
    case Qt::ToolTipRole:
        switch (rowState(userId)) {
        case RowState::Saving:
            return tr("Saving…");
        case RowState::Deleting:
            return tr("Deleting…");
        case RowState::Idle:
            break;
        }
        return {};
    case Qt::FontRole:
        if (rowState(userId) != RowState::Idle) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::ForegroundRole:
        // Busy rows, and rows a refresh is replacing, in the palette's disabled text colour.
        if ((m_stale || rowState(userId) != RowState::Idle)
            && qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
            return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == IdColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case UserRole:
        return QVariant::fromValue(m_rows.user(row));
    case UserIdRole:
        return QVariant::fromValue(userId);
    case RowStateRole:
        return static_cast<int>(rowState(userId));
    case StaleRole:
        return m_stale;
    }
    return {};
}

QVariant UserTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("ID");
    case NameColumn:
        return tr("Name");
    case EmailColumn:
        return tr("Email");
    case GenderColumn:
        return tr("Gender");
    case StatusColumn:
        return tr("Status");
    }
    return {};
}

bool UserTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_hasMore && !m_pageRequest && !m_fetchBlocked && !m_insertingPage;
}

void UserTableModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        requestPage();
}

void UserTableModel::onPage(ApiClient::RequestId id, const UsersPage &page)
{
    if (id != m_pageRequest)
        return;
    m_pageRequest = 0;
    // A refresh's page 1 replaces the rows kept meanwhile.
    const bool replacing = m_refreshing;
    m_refreshing = false;
    if (replacing) {
        beginResetModel();
        m_rows.clear();
        m_total = -1;
        m_stale = false;
        m_guard.reset(); // a new walk from page 1
    }

    QList<const User *> fresh;
    fresh.reserve(page.users.size());
    for (const User &user : page.users) {
        if (!m_rows.contains(user.id) && !m_heldBack.contains(user.id))
            fresh.append(&user);
    }

    // All page state is settled before rows go in: views call fetchMore() from their rowsInserted handlers.
    const qint64 loaded = m_rows.size() + fresh.size();
    if (page.users.isEmpty())
        m_hasMore = false;
    else if (page.info.pages >= 0)
        m_hasMore = page.info.page < page.info.pages;
    else if (page.info.total >= 0)
        m_hasMore = loaded + heldOnServerPages() < page.info.total;
    else
        m_hasMore = page.info.hasNext || page.users.size() >= m_pageSize;
    QList<ResourceId> ids;
    ids.reserve(page.users.size());
    for (const User &user : page.users)
        ids.append(user.id);
    if (m_guard.accept(m_requestedPage, m_pageSize, ids, m_hasMore) != PagingGuard::Stop::None)
        m_hasMore = false;
    if (page.info.total >= 0) {
        // The server still counts the users held back from the table (their delete is not sent yet, or
        // not answered): the table does not.
        m_total = std::max<qint64>(0, page.info.total - heldOnServerPages());
        for (auto it = m_heldBack.cbegin(); it != m_heldBack.cend(); ++it) {
            if (m_filter.matches(it->second))
                m_heldInServerTotal.insert(it.key());
        }
    } else if (!m_hasMore)
        m_total = loaded;
    Q_EMIT loadingChanged(false);

    if (replacing) {
        for (const User *user : std::as_const(fresh))
            m_rows.append(*user);
        endResetModel();
        Q_EMIT staleChanged(false);
    } else if (!fresh.isEmpty()) {
        const int first = static_cast<int>(m_rows.size());
        // A view (or a model tester) asking for more between begin and end would ask for this page
        // again, which the guard would rightly take for a server repeating itself.
        m_insertingPage = true;
        beginInsertRows(QModelIndex(), first, first + static_cast<int>(fresh.size()) - 1);
        for (const User *user : std::as_const(fresh))
            m_rows.append(*user);
        m_insertingPage = false;
        endInsertRows();
    }
    Q_EMIT countsChanged(static_cast<int>(loaded), m_total);
    // A page that only repeated rows we have (pages shifted under us) inserts nothing, so no view will ask
    // for more: ask on its behalf.
    if (fresh.isEmpty() && m_hasMore && !m_pageRequest)
        requestPage();
    if (!page.skipped.isEmpty())
        Q_EMIT itemsSkipped(page.skipped);
    if (m_guard.stoppedEarly())
        Q_EMIT pagingStopped(m_guard.reason());
    finishLoadingAll();
}

void UserTableModel::onCreated(ApiClient::RequestId id, const User &user)
{
    m_rowRequests.remove(id);
    if (m_rows.contains(user.id) || !m_filter.matches(user))
        return;
    // The server lists newest first, so that is where the new user belongs.
    beginInsertRows(QModelIndex(), 0, 0);
    m_rows.prepend(user);
    endInsertRows();
    if (m_total >= 0)
        ++m_total;
    Q_EMIT countsChanged(loadedCount(), m_total);
}

void UserTableModel::onUpdated(ApiClient::RequestId id, const User &user)
{
    m_rowRequests.remove(id);
    m_states.remove(user.id);
    const int row = rowOfUser(user.id);
    if (row < 0)
        return;
    if (!m_filter.matches(user)) {
        removeUser(user.id); // edited out of what the table lists, as the server would list it now
        return;
    }
    m_rows.replace(row, user);
    emitRowChanged(row);
}

void UserTableModel::onDeleted(ApiClient::RequestId id, const ResourceId &userId)
{
    m_rowRequests.remove(id);
    forgetHeldBack({ userId });
    removeUser(userId);
}

void UserTableModel::holdBack(const QList<ResourceId> &userIds)
{
    // From the last row up, so that each keeps the row it had among all of them.
    QList<int> rows;
    for (const ResourceId &id : userIds) {
        if (const int row = rowOfUser(id); row >= 0)
            rows.append(row);
    }
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    for (int row : std::as_const(rows)) {
        const User user = m_rows.user(row);
        m_heldBack.insert(user.id, { row, user });
        removeUser(user.id);
    }
}

void UserTableModel::forgetHeldBack(const QList<ResourceId> &userIds, const QList<ResourceId> &alreadyGone)
{
    bool recounted = false;
    for (const ResourceId &id : alreadyGone) {
        // Counted out of a server total that, deleted elsewhere first, never held it: count it back in.
        if (m_heldBack.remove(id) && m_heldInServerTotal.remove(id) && m_total >= 0) {
            ++m_total;
            recounted = true;
        }
    }
    for (const ResourceId &id : userIds) {
        m_heldBack.remove(id);
        m_heldInServerTotal.remove(id);
    }
    if (recounted)
        Q_EMIT countsChanged(loadedCount(), m_total);
}

void UserTableModel::putBack(const QList<ResourceId> &userIds)
{
    // From the first row down: each goes back to the row it had.
    QList<std::pair<int, User>> back;
    for (const ResourceId &id : userIds) {
        if (auto it = m_heldBack.constFind(id); it != m_heldBack.cend()) {
            back.append(*it);
            m_heldBack.erase(it);
            m_heldInServerTotal.remove(id);
        }
    }
    std::sort(back.begin(), back.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    for (const auto &[wanted, user] : back) {
        if (m_rows.contains(user.id))
            continue;
        const int row = std::min(wanted, static_cast<int>(m_rows.size()));
        beginInsertRows(QModelIndex(), row, row);
        m_rows.insert(row, user);
        endInsertRows();
        if (m_total >= 0)
            ++m_total;
    }
    if (!back.isEmpty())
        Q_EMIT countsChanged(loadedCount(), m_total);
}

void UserTableModel::removeUser(const ResourceId &userId)
{
    m_states.remove(userId);
    const int row = rowOfUser(userId);
    if (row < 0)
        return;
    beginRemoveRows(QModelIndex(), row, row);
    m_rows.removeAt(row);
    endRemoveRows();
    if (m_total > 0)
        --m_total;
    Q_EMIT countsChanged(loadedCount(), m_total);
}

void UserTableModel::onFailed(ApiClient::RequestId id, const ApiError &error)
{
    if (id == m_pageRequest) {
        m_pageRequest = 0;
        // Without this the view would ask again on every repaint and hammer a failing server.
        m_fetchBlocked = true;
        m_refreshing = false; // the stale rows stay, marked, beside the error
        Q_EMIT loadingChanged(false);
        stopLoadingAll();
        Q_EMIT pageLoadFailed(id, error);
        return;
    }
    const auto it = m_rowRequests.constFind(id);
    if (it == m_rowRequests.cend())
        return;
    const ResourceId userId = it.value();
    m_rowRequests.erase(it);
    if (error.kind() == ApiError::Kind::NotFound && rowState(userId) == RowState::Deleting) {
        forgetHeldBack({}, { userId });
        removeUser(userId); // what was to be deleted is gone already: keeping its row would show a ghost
    } else
        setState(userId, RowState::Idle);
    Q_EMIT rowRequestFailed(id, userId, error);
}

} // namespace UserDesk
