#pragma once

#include "apiclient.h"
#include "pagingguard.h"
#include "recordrows.h"
#include "resourceschema.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>
#include <utility>

namespace UserDesk {

// The records of one resource (all posts, or one user's todos, or one post's comments) as a table with a
// column per schema field. It loads page after page while the view scrolls, as UserTableModel does, and
// follows the client's record answers (created, updated, deleted) in place instead of reloading.
class RecordTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role {
        RecordRole = Qt::UserRole + 1, // the whole record, a QJsonObject
        RecordIdRole, // a ResourceId
        RowStateRole, // a RowState as int
        SortRole, // the value ordered by: a number for ids and numbers, else the text
    };
    enum class RowState { Idle, Saving, Deleting };
    Q_ENUM(RowState)
    using Filters = QList<std::pair<QString, QString>>;

    RecordTableModel(ApiClient *client, const ResourceSchema &schema, QObject *parent = nullptr);

    const ResourceSchema &schema() const { return m_rows.schema(); }
    void setPageSize(int size);
    int pageSize() const { return m_pageSize; }
    // The parent whose records are listed (a user's posts, a post's comments); null: every record.
    // Changing the scope empties the table; it loads again on reload().
    void setScope(const ResourceId &parentId, const Filters &filters = {});
    ResourceId parentId() const { return m_parentId; }
    Filters filters() const { return m_filters; }

    // Empties the table and loads page 1 (again).
    void reload();
    // Empties the table and loads nothing until reload().
    void clear();
    // Lets fetchMore() try again after a page failed to load.
    void retryFetch();

    int loadedCount() const { return static_cast<int>(m_rows.size()); }
    qint64 totalCount() const { return m_total; } // -1: not known
    bool isLoading() const { return m_pageRequest != 0; }
    ApiClient::RequestId pageRequest() const { return m_pageRequest; }
    bool hasMore() const { return m_hasMore; }
    bool isComplete() const { return !m_hasMore && m_total >= 0 && loadedCount() >= m_total; }
    // Why loading stopped before the server said the list ended; empty when it did not.
    QString pagingStopReason() const { return m_guard.stoppedEarly() ? m_guard.reason() : QString(); }
    void setMaxPages(int pages) { m_guard.setMaxPages(pages); }

    const RecordRows &rows() const { return m_rows; }
    QJsonObject recordAt(int row) const;
    ResourceId idAt(int row) const;
    int rowOf(const ResourceId &id) const { return static_cast<int>(m_rows.indexOf(id)); }
    int columnOf(const QString &field) const;

    // A field of two values shown as a checkbox and changed in place by a PATCH (a todo's status):
    // checked is `on`, unchecked `off`. The row shows the server's value, marked as saving, until the
    // server answers.
    void setToggleField(const QString &field, const QString &on, const QString &off);

    // Marks the record's row as busy until request `id` ends; its failure comes back as rowRequestFailed.
    void trackRequest(ApiClient::RequestId id, const ResourceId &recordId, RowState state);
    RowState rowState(const ResourceId &recordId) const { return m_states.value(recordId, RowState::Idle); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    void loadingChanged(bool loading);
    void countsChanged(int loaded, qint64 total);
    void pageLoadFailed(UserDesk::ApiClient::RequestId id, const UserDesk::ApiError &error);
    void rowRequestFailed(UserDesk::ApiClient::RequestId id, const UserDesk::ResourceId &recordId,
        const UserDesk::ApiError &error);
    // Loading stopped early and will not go on by itself; `reason` is a full sentence for the person.
    void pagingStopped(const QString &reason);
    // Items of a page that could not be used and were left out; one full sentence each.
    void itemsSkipped(const QStringList &sentences);

private:
    void reset(bool load);
    void requestPage();
    void setState(const ResourceId &recordId, RowState state);
    void emitRowChanged(int row);
    void removeRecord(const ResourceId &recordId);
    // A deleted parent takes its records with it (the server deletes them too): a user's posts and todos,
    // a post's comments; a deleted grandparent the records of its children: a user's posts' comments.
    void removeChildrenOf(const QString &parentResource, const ResourceId &parentId);
    // Removes the loaded rows whose parent is in `parents`, a run of rows at a time; false when none was.
    bool removeRowsUnder(const QSet<ResourceId> &parents);
    // Notes whose child each parent record is (which user a post is by), for the parents the loaded rows
    // have: a comment says only its post, and a user's delete takes the comments of all their posts.
    void learnParent(const QString &resource, const QJsonObject &record);
    bool inScope(const QJsonObject &record) const;

    void onPage(ApiClient::RequestId id, const RecordsPage &page);
    void onCreated(ApiClient::RequestId id, const QString &resource, const QJsonObject &record);
    void onUpdated(ApiClient::RequestId id, const QString &resource, const QJsonObject &record);
    void onDeleted(ApiClient::RequestId id, const QString &resource, const ResourceId &recordId);
    void onFailed(ApiClient::RequestId id, const ApiError &error);

    ApiClient *m_client;
    RecordRows m_rows;
    ResourceId m_parentId;
    Filters m_filters;
    QHash<ResourceId, RowState> m_states;
    // The parent resource's own parent (users, for comments), its field in a parent record ("user_id"),
    // and what is known of the loaded rows' parents: parent id -> its parent's id.
    QString m_grandparent;
    QString m_grandparentField;
    QHash<ResourceId, ResourceId> m_parentOwners;
    QSet<ResourceId> m_loadedParents; // the loaded rows' parents, gathered again when stale
    bool m_loadedParentsStale = true;
    QHash<ApiClient::RequestId, ResourceId> m_rowRequests;
    int m_toggleColumn = -1;
    QString m_toggleOn;
    QString m_toggleOff;
    int m_pageSize = 20;
    qint64 m_total = -1;
    bool m_hasMore = false;
    bool m_fetchBlocked = false;
    bool m_insertingPage = false;
    ApiClient::RequestId m_pageRequest = 0;
    int m_requestedPage = 0;
    PagingGuard m_guard;
};

} // namespace UserDesk
