#pragma once

#include "apiclient.h"
#include "pagingguard.h"
#include "user.h"
#include "userfilter.h"
#include "userrows.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>

namespace UserDesk {

// The users of one endpoint as a table that loads page after page while the view scrolls and follows
// the client's create, update and delete answers in place instead of reloading.
class UserTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { IdColumn, NameColumn, EmailColumn, GenderColumn, StatusColumn, ColumnCount };
    enum Role {
        UserRole = Qt::UserRole + 1, // the whole User
        UserIdRole, // a ResourceId
        RowStateRole, // a RowState as int
        StaleRole, // bool: a refresh is replacing this row
    };
    enum class RowState { Idle, Saving, Deleting };
    Q_ENUM(RowState)

    explicit UserTableModel(ApiClient *client, QObject *parent = nullptr);

    void setPageSize(int size);
    int pageSize() const { return m_pageSize; }
    UserFilter filter() const { return m_filter; }
    // Changing the filter empties the table and loads page 1 with it.
    void setFilter(const UserFilter &filter);

    // Empties the table and loads page 1 (again).
    void reload();
    // Loads page 1 again but keeps the rows it has, marked stale, until that page arrives and replaces
    // them; if it fails, they stay (still stale) beside the error.
    void refresh();
    bool isStale() const { return m_stale; }
    // Empties the table and loads nothing until reload(): while the endpoint is not known yet.
    void clear();
    // Lets fetchMore() try again after a page failed to load.
    void retryFetch();

    int loadedCount() const { return static_cast<int>(m_rows.size()); }
    qint64 totalCount() const { return m_total; } // -1: not known yet
    bool isLoading() const { return m_pageRequest != 0; }
    // The page request queued or in flight (0 when none), for a caller that offers to cancel it.
    ApiClient::RequestId pageRequest() const { return m_pageRequest; }
    bool hasMore() const { return m_hasMore; }
    // Every user the server lists (for the current filter) is loaded.
    bool isComplete() const
    {
        return !m_hasMore && !m_refreshing && m_total >= 0 && loadedCount() >= m_total;
    }
    // Pages still to load, as far as the server's total tells (-1: not known).
    int remainingPages() const;
    // Loads page after page, paced by the client like any request, until every user is loaded, a page
    // fails, or stopLoadingAll(); for a sort or an export over all users. Progress: countsChanged.
    void loadAll();
    void stopLoadingAll();
    bool isLoadingAll() const { return m_loadingAll; }
    // Why loading stopped before the server said the list ended (a server that ignores paging, a page
    // that repeats, the page cap); empty when it did not.
    QString pagingStopReason() const { return m_guard.stoppedEarly() ? m_guard.reason() : QString(); }
    // The most pages one walk reads (PagingGuard::DefaultMaxPages unless set).
    void setMaxPages(int pages) { m_guard.setMaxPages(pages); }
    // The loaded users, built from the compact rows: for an export, not for every repaint.
    QList<User> users() const { return m_rows.users(); }
    User userAt(int row) const { return row >= 0 && row < m_rows.size() ? m_rows.user(row) : User(); }
    int rowOfUser(const ResourceId &userId) const { return static_cast<int>(m_rows.indexOf(userId)); }
    // The rows themselves, for a proxy that sorts and filters without a QVariant per cell.
    const UserRows &rows() const { return m_rows; }
    static UserRows::Field field(int column) { return static_cast<UserRows::Field>(column); }

    // Marks the user's row as busy until request `id` ends; its failure comes back as rowRequestFailed.
    void trackRequest(ApiClient::RequestId id, const ResourceId &userId, RowState state);
    RowState rowState(const ResourceId &userId) const { return m_states.value(userId, RowState::Idle); }
    // Takes the users' rows out of the table for a while (a delete that can still be undone, not sent
    // yet); pages that load meanwhile leave them out too. putBack() returns them where they were.
    void holdBack(const QList<ResourceId> &userIds);
    void putBack(const QList<ResourceId> &userIds);
    // Forgets held-back users whose delete went through: they are not coming back.
    // alreadyGone: those whose delete found them deleted elsewhere first (a total read from the server
    // meanwhile did not count them, so they are not counted out twice).
    void forgetHeldBack(const QList<ResourceId> &userIds, const QList<ResourceId> &alreadyGone = {});
    bool isHeldBack(const ResourceId &userId) const { return m_heldBack.contains(userId); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    void loadingChanged(bool loading);
    void countsChanged(int loaded, qint64 total);
    void pageLoadFailed(UserDesk::ApiClient::RequestId id, const UserDesk::ApiError &error);
    void rowRequestFailed(UserDesk::ApiClient::RequestId id, const UserDesk::ResourceId &userId,
        const UserDesk::ApiError &error);
    // Loading every page started or ended; `complete` tells whether every user is loaded now.
    void loadingAllChanged(bool active, bool complete);
    void staleChanged(bool stale);
    // Loading stopped early and will not go on by itself; `reason` is a full sentence for the person.
    void pagingStopped(const QString &reason);
    // Items of a page that could not be used and were left out; one full sentence each, naming the item.
    void itemsSkipped(const QStringList &sentences);
    // The table was emptied (another profile) while these rows were held back: they cannot come back.
    void heldBackDropped(const QList<UserDesk::ResourceId> &userIds);

private:
    void reset(bool load);
    void setStale(bool stale);
    void finishLoadingAll();
    void requestPage();
    void setState(const ResourceId &userId, RowState state);
    void setStates(const QList<ResourceId> &userIds, RowState state);
    void emitRowChanged(int row);
    void removeUser(const ResourceId &userId);

    void onPage(ApiClient::RequestId id, const UsersPage &page);
    void onCreated(ApiClient::RequestId id, const User &user);
    void onUpdated(ApiClient::RequestId id, const User &user);
    void onDeleted(ApiClient::RequestId id, const ResourceId &userId);
    void onFailed(ApiClient::RequestId id, const ApiError &error);

    ApiClient *m_client;
    // Pages shift under us when users are created or deleted elsewhere; the rows' id index keeps a row
    // from showing twice.
    UserRows m_rows;
    QHash<ResourceId, RowState> m_states;
    QHash<ResourceId, std::pair<int, User>> m_heldBack; // user id -> the row it had, and the user
    // Held-back users counted out of a total the server gave while they were held (it still counted them).
    QSet<ResourceId> m_heldInServerTotal;
    // Held-back users that the server's pages for the current filter still list.
    qint64 heldOnServerPages() const;
    QHash<ApiClient::RequestId, ResourceId> m_rowRequests;
    UserFilter m_filter;
    int m_pageSize = 20;
    qint64 m_total = -1;
    bool m_hasMore = false;
    bool m_fetchBlocked = false;
    bool m_stale = false; // the rows are what a refresh is replacing
    bool m_refreshing = false; // the page request is a refresh's page 1
    bool m_loadingAll = false;
    ApiClient::RequestId m_pageRequest = 0;
    int m_requestedPage = 0;
    bool m_insertingPage = false;
    // Ends the walk on a server that answers every page with the same users, or all of them at once.
    PagingGuard m_guard;
};

} // namespace UserDesk
