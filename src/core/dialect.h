#pragma once

#include "httpexchange.h"
#include "page.h"
#include "userfilter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QUrlQuery>
#include <optional>

namespace UserDesk {

// How one kind of server pages and filters its lists: the query it wants and where the items and the
// page counts sit in its answer. One small value, so the client carries no per-server ifs.
//   GoRest v2        page/per_page, X-Pagination-* headers, substring filters as name=
//   json-server 0.17 _page/_limit, X-Total-Count and Link headers, substring filters as name_like=
//   json-server 1.x  _page/_per_page, the answer an envelope {first, prev, next, last, pages, items, data}
class Dialect
{
public:
    enum class Kind { GoRestV2, JsonServer017, JsonServer1 };

    Dialect(Kind kind = Kind::GoRestV2)
        : m_kind(kind)
    {
    }
    Kind kind() const { return m_kind; }

    // The name the CLI's --dialect and the settings use: gorest, json-server-0.17, json-server-1.
    QString name() const;
    static QStringList names();
    // Also takes a few spellings people type (json-server, json-server-0, json-server-1.0); nullopt when
    // the name is unknown.
    static std::optional<Dialect> fromName(const QString &name);

    // Whether the server keeps every id as text: json-server 1.x turns even a number id into a string when
    // it loads its data. A reference sent to it then goes as text too (5506 typed by a person is the user
    // "5506"), so that what it holds relates a post to its user by equal values, as the window writes it.
    bool idsAreText() const { return m_kind == Kind::JsonServer1; }
    void addPaging(QUrlQuery &query, int page, int perPage) const;
    void addFilter(QUrlQuery &query, const UserFilter &filter) const;
    // One field of any resource: `substring` for text fields GoRest matches by substring (title, body,
    // name, email), whole values otherwise (ids, enums).
    void addFieldFilter(QUrlQuery &query, const QString &field, const QString &value, bool substring) const;

    // Finds the items of a list answer and where the page sits; false with *error when the answer has
    // the wrong shape for this dialect.
    bool readList(const QJsonDocument &doc, const RawHeaders &headers, int page, int perPage,
        QJsonArray *items, PageInfo *info, QString *error) const;

    // First contact: a query every one of these servers answers, each in its own way, and the dialect
    // its answer gives away (GoRest when nothing tells).
    static QUrlQuery probeQuery();
    static Dialect detect(const QJsonDocument &doc, const RawHeaders &headers);

    bool operator==(const Dialect &o) const { return m_kind == o.m_kind; }
    bool operator!=(const Dialect &o) const { return m_kind != o.m_kind; }

private:
    Kind m_kind;
};

} // namespace UserDesk

Q_DECLARE_METATYPE(UserDesk::Dialect)
