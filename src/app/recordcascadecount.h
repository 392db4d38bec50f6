#pragma once

#include "apiclient.h"

#include <QHash>
#include <QObject>
#include <QPointer>

namespace UserDesk {

// Counts what goes with deleting users: their posts, the comments on those posts, and their todos, from the
// totals of nested list requests (per_page=1, or 100 for the posts whose comments are counted). Says "at
// least" where it counted only part, and that a number is not known where the server gave no total or a
// request failed. Its requests end when it is destroyed (if the client still exists).
class RecordCascadeCount : public QObject
{
    Q_OBJECT
public:
    // At most this many users are counted; for more, the sentence says so without numbers.
    static constexpr int MaxUsers = 15;

    RecordCascadeCount(ApiClient *client, const QList<ResourceId> &userIds, QObject *parent = nullptr);
    ~RecordCascadeCount() override;

    void start();
    bool isFinished() const { return m_started && m_pending.isEmpty(); }
    // "3 posts, 5 comments on them and 2 todos go with them." (or what is known of it).
    QString sentence() const;

Q_SIGNALS:
    void finished(const QString &sentence);

private:
    enum class Kind { Posts, Comments, Todos };
    struct Count
    {
        qint64 value = 0;
        bool partial = false; // counted for part of the records only: "at least"
        bool unknown = false;
    };

    void ask(Kind kind, const ResourceId &parentId, int perPage);
    void onPage(ApiClient::RequestId id, const RecordsPage &page);
    void onFailed(ApiClient::RequestId id, const ApiError &error);
    void finishIfDone();
    static QString part(
        const Count &count, const QString &exact, const QString &atLeast, const QString &unknown);

    QPointer<ApiClient> m_client; // may go first when the window closes with the question open
    QList<ResourceId> m_userIds;
    QHash<ApiClient::RequestId, Kind> m_pending;
    Count m_posts;
    Count m_comments;
    Count m_todos;
    bool m_started = false;
};

} // namespace UserDesk
