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
    }
    Q_UNREACHABLE();
}

} // namespace UserDesk
