#include "recordcascadecount.h"

#include "resourceschema.h"

#include <QLocale>

namespace UserDesk {

namespace {
constexpr int PostsPerUser = 100; // comments are counted on this many of a user's posts
}

RecordCascadeCount::RecordCascadeCount(ApiClient *client, const QList<ResourceId> &userIds, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_userIds(userIds)
{
    connect(m_client, &ApiClient::recordsPageReceived, this, &RecordCascadeCount::onPage);
    connect(m_client, &ApiClient::requestFailed, this, &RecordCascadeCount::onFailed);
}

RecordCascadeCount::~RecordCascadeCount()
{
    const QList<ApiClient::RequestId> ids = m_pending.keys();
    m_pending.clear();
    if (!m_client)
        return;
    for (ApiClient::RequestId id : ids)
        m_client->cancel(id);
}

void RecordCascadeCount::start()
{
    m_started = true;
    if (m_userIds.size() > MaxUsers) {
        finishIfDone();
        return;
    }
    for (const ResourceId &user : std::as_const(m_userIds)) {
        ask(Kind::Posts, user, PostsPerUser);
        ask(Kind::Todos, user, 1);
    }
    finishIfDone();
}

void RecordCascadeCount::ask(Kind kind, const ResourceId &parentId, int perPage)
{
    const ResourceSchema &schema = kind == Kind::Posts ? ResourceSchema::posts()
        : kind == Kind::Todos                          ? ResourceSchema::todos()
                                                       : ResourceSchema::comments();
    m_pending.insert(m_client->listRecords(schema, 1, perPage, {}, parentId), kind);
}

void RecordCascadeCount::onPage(ApiClient::RequestId id, const RecordsPage &page)
{
    const auto it = m_pending.constFind(id);
    if (it == m_pending.cend())
        return;
    const Kind kind = it.value();
    m_pending.erase(it);
    Count &count = kind == Kind::Posts ? m_posts : kind == Kind::Todos ? m_todos : m_comments;
    if (page.info.total >= 0) {
        count.value += page.info.total;
    } else {
        // No total from the server: what this page holds is all that is known.
        count.value += page.items.size();
        if (page.info.hasNext || page.items.size() >= page.info.perPage)
            count.partial = true;
    }
    if (kind == Kind::Posts) {
        for (const QJsonObject &post : page.items) {
            if (const auto postId = ResourceId::fromJson(post.value(QStringLiteral("id"))))
                ask(Kind::Comments, *postId, 1);
        }
        const qint64 total = page.info.total >= 0 ? page.info.total : page.items.size();
        if (total > page.items.size() || count.partial)
            m_comments.partial = true; // the comments of the posts past the first page are not counted
    }
    finishIfDone();
}

void RecordCascadeCount::onFailed(ApiClient::RequestId id, const ApiError &)
{
    const auto it = m_pending.constFind(id);
    if (it == m_pending.cend())
        return;
    const Kind kind = it.value();
    m_pending.erase(it);
    (kind == Kind::Posts ? m_posts : kind == Kind::Todos ? m_todos : m_comments).unknown = true;
    if (kind == Kind::Posts)
        m_comments.unknown = true; // without the posts, their comments cannot be counted
    finishIfDone();
}

void RecordCascadeCount::finishIfDone()
{
    if (isFinished())
        Q_EMIT finished(sentence());
}

QString RecordCascadeCount::part(
    const Count &count, const QString &exact, const QString &atLeast, const QString &unknown)
{
    if (count.unknown)
        return unknown;
    return count.partial ? atLeast : exact;
}

QString RecordCascadeCount::sentence() const
{
    if (m_userIds.size() > MaxUsers)
        return tr(
            "Their posts, the comments on those posts and their todos go with them; for this many users "
            "they are not counted.");
    if (!isFinished())
        return tr("Counting their posts, comments and todos…");
    const auto n = [](qint64 v) { return static_cast<int>(std::min<qint64>(v, 1000000000)); };
    const QString posts = part(m_posts, tr("%Ln post(s)", nullptr, n(m_posts.value)),
        tr("at least %Ln post(s)", nullptr, n(m_posts.value)), tr("an unknown number of posts"));
    const QString comments = part(m_comments, tr("%Ln comment(s) on them", nullptr, n(m_comments.value)),
        tr("at least %Ln comment(s) on them", nullptr, n(m_comments.value)),
        tr("an unknown number of comments on them"));
    const QString todos = part(m_todos, tr("%Ln todo(s)", nullptr, n(m_todos.value)),
        tr("at least %Ln todo(s)", nullptr, n(m_todos.value)), tr("an unknown number of todos"));
    return tr("%1, %2 and %3 go with them.", "posts, comments, todos").arg(posts, comments, todos);
}

} // namespace UserDesk
