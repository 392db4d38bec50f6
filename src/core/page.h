#pragma once

#include "httpexchange.h"
#include "resourceid.h"
#include "user.h"

#include <QJsonObject>

#include <QList>
#include <QStringList>
#include <QUrl>

namespace UserDesk {

// Where a list answer sits in the whole collection, worked out from whatever the server told us.
struct PageInfo
{
    enum class Source { PaginationHeaders, LinkHeader, TotalCountHeader, ItemCount };

    int page = 1;
    int perPage = 10;
    qint64 total = -1; // -1: the server did not say
    int pages = -1; // -1: unknown
    bool hasNext = false;
    QUrl nextUrl; // when the server named it
    Source source = Source::ItemCount;

    // Reads X-Pagination-*, then Link rel="next"/"last" and X-Total-Count, then the item count. Never
    // trusts X-Pagination-Limit alone: GoRest has been seen to report 10 while returning 100 items.
    static PageInfo fromHeaders(
        const RawHeaders &headers, int requestedPage, int requestedPerPage, int itemCount);
};

struct UsersPage
{
    PageInfo info;
    QList<User> users;
    int itemCount = 0; // items the server sent, skipped ones included
    QStringList skipped; // a full sentence for each item that could not be used, naming it
};

// One page of any resource's records (posts, comments, todos, users), each checked against its schema.
struct RecordsPage
{
    QString resource; // the schema's name: "posts"
    ResourceId parentId; // the parent of a nested list (/users/7/posts); null for a top-level one
    QList<QJsonObject> items;
    PageInfo info;
    QStringList skipped; // a full sentence for each item left out, naming it
};

// Parses an RFC 8288 Link header into rel -> URL (first URL for each rel).
QList<QPair<QString, QUrl>> parseLinkHeader(const QByteArray &value);

} // namespace UserDesk

Q_DECLARE_METATYPE(UserDesk::PageInfo)
Q_DECLARE_METATYPE(UserDesk::UsersPage)
Q_DECLARE_METATYPE(UserDesk::RecordsPage)
