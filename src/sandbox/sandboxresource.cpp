#include "sandboxresource.h"

namespace UserDesk {

std::optional<SandboxResource::Kind> SandboxResource::fromPathSegment(QStringView segment)
{
    if (segment == u"users")
        return Users;
    if (segment == u"posts")
        return Posts;
    if (segment == u"todos")
        return Todos;
    if (segment == u"comments")
        return Comments;
    return std::nullopt;
}

QString SandboxResource::pathSegment(Kind kind)
{
    return table(kind);
}

QString SandboxResource::table(Kind kind)
{
    switch (kind) {
    case Users:
        return QStringLiteral("users");
    case Posts:
        return QStringLiteral("posts");
    case Todos:
        return QStringLiteral("todos");
    case Comments:
        return QStringLiteral("comments");
    }
    Q_UNREACHABLE();
}

QStringList SandboxResource::fields(Kind kind)
{
    switch (kind) {
    case Users:
        return { QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("email"),
            QStringLiteral("gender"), QStringLiteral("status") };
    case Posts:
        return { QStringLiteral("id"), QStringLiteral("user_id"), QStringLiteral("title"),
            QStringLiteral("body") };
    case Todos:
        return { QStringLiteral("id"), QStringLiteral("user_id"), QStringLiteral("title"),
            QStringLiteral("due_on"), QStringLiteral("status") };
    case Comments:
        return { QStringLiteral("id"), QStringLiteral("post_id"), QStringLiteral("name"),
            QStringLiteral("email"), QStringLiteral("body") };
    }
    Q_UNREACHABLE();
}

QList<SandboxResource::Filter> SandboxResource::filterableFields(Kind kind)
{
    const auto f = [](const char *name, Match match) {
        return Filter { QString::fromLatin1(name), match, QString() };
    };
    switch (kind) {
    case Users:
        return { f("id", Match::Integer), f("name", Match::Substring), f("email", Match::Substring),
            f("gender", Match::Exact), f("status", Match::Exact) };
    case Posts:
        return { f("id", Match::Integer), f("user_id", Match::Integer), f("title", Match::Substring),
            f("body", Match::Substring) };
    case Todos:
        return { f("id", Match::Integer), f("user_id", Match::Integer), f("title", Match::Substring),
            f("status", Match::Exact) };
    case Comments:
        return { f("id", Match::Integer), f("post_id", Match::Integer), f("name", Match::Substring),
            f("email", Match::Substring), f("body", Match::Substring) };
    }
    Q_UNREACHABLE();
}

std::optional<SandboxResource::Kind> SandboxResource::parent(Kind kind)
{
    switch (kind) {
    case Posts:
    case Todos:
        return Users;
    case Comments:
        return Posts;
    case Users:
        break;
    }
    return std::nullopt;
}

QString SandboxResource::parentColumn(Kind kind)
{
    return kind == Comments ? QStringLiteral("post_id") : QStringLiteral("user_id");
}

QString SandboxResource::parentErrorField(Kind kind)
{
    return kind == Comments ? QStringLiteral("post") : QStringLiteral("user");
}

} // namespace UserDesk
