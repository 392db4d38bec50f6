#include "post.h"

#include "jsonfields_p.h"

namespace UserDesk {

QJsonObject Post::toJson() const
{
    QJsonObject o = extra;
    o.insert(QLatin1String("id"), id.toJson());
    o.insert(QLatin1String("user_id"), userId.toJson());
    o.insert(QLatin1String("title"), title);
    o.insert(QLatin1String("body"), body);
    return o;
}

std::optional<Post> Post::fromJson(const QJsonValue &value, QString *error)
{
    using namespace JsonFields;
    if (!value.isObject()) {
        setError(error, QCoreApplication::translate("UserDesk::Json", "a post must be a JSON object"));
        return std::nullopt;
    }
    const QJsonObject o = value.toObject();
    const auto id = readId(o, QLatin1String("id"), error);
    const auto userId = id ? readId(o, QLatin1String("user_id"), error) : std::nullopt;
    const auto title = userId ? readString(o, QLatin1String("title"), error) : std::nullopt;
    const auto body = title ? readString(o, QLatin1String("body"), error) : std::nullopt;
    if (!body)
        return std::nullopt;
    Post p;
    p.id = *id;
    p.userId = *userId;
    p.title = *title;
    p.body = *body;
    p.extra = withoutKeys(
        o, { QLatin1String("id"), QLatin1String("user_id"), QLatin1String("title"), QLatin1String("body") });
    return p;
}

} // namespace UserDesk
