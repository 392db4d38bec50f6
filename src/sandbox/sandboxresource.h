#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace UserDesk {

// What the sandbox knows about each GoRest resource: table, fields in GoRest's
// answer order, and which query parameters filter it and how.
class SandboxResource
{
public:
    enum Kind { Users, Posts, Todos, Comments };

    enum class Match {
        Integer, // id=, user_id=: exact number; a non-number matches nothing
        Exact, // gender=, status=: exact value; a value outside the set matches nothing
        Substring, // name=, email=, title=, body=: case-insensitive substring
    };

    struct Filter
    {
        QString field;
        Match match;
        QString value;
    };

    static std::optional<Kind> fromPathSegment(QStringView segment);
    static QString pathSegment(Kind kind);
    static QString table(Kind kind);
    static QStringList fields(Kind kind); // "id" first
    static QList<Filter> filterableFields(Kind kind); // value left empty
    // The resource a row belongs to (user for posts and todos, post for comments), if any.
    static std::optional<Kind> parent(Kind kind);
    static QString parentColumn(Kind kind); // "user_id", "post_id"
    static QString parentErrorField(
        Kind kind); // "user", "post", as in {"field":"user","message":"must exist"}
};

} // namespace UserDesk
