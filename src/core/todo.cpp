#include "todo.h"

#include "jsonfields_p.h"

namespace UserDesk {

QJsonObject Todo::toJson() const
{
    QJsonObject o = extra;
    o.insert(QLatin1String("id"), id.toJson());
    o.insert(QLatin1String("user_id"), userId.toJson());
    o.insert(QLatin1String("title"), title);
    o.insert(QLatin1String("due_on"), dueOn.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(dueOn));
    o.insert(QLatin1String("status"), status);
    return o;
}

std::optional<Todo> Todo::fromJson(const QJsonValue &value, QString *error)
{
    using namespace JsonFields;
    if (!value.isObject()) {
        setError(error, QCoreApplication::translate("UserDesk::Json", "a todo must be a JSON object"));
        return std::nullopt;
    }
    const QJsonObject o = value.toObject();
    const auto id = readId(o, QLatin1String("id"), error);
    const auto userId = id ? readId(o, QLatin1String("user_id"), error) : std::nullopt;
    const auto title = userId ? readString(o, QLatin1String("title"), error) : std::nullopt;
    const auto dueOn = title ? readString(o, QLatin1String("due_on"), error, true) : std::nullopt;
    const auto status = dueOn ? readString(o, QLatin1String("status"), error) : std::nullopt;
    if (!status)
        return std::nullopt;
    Todo t;
    t.id = *id;
    t.userId = *userId;
    t.title = *title;
    t.dueOn = *dueOn;
    t.status = *status;
    t.extra = withoutKeys(o,
        { QLatin1String("id"), QLatin1String("user_id"), QLatin1String("title"), QLatin1String("due_on"),
            QLatin1String("status") });
    return t;
}

} // namespace UserDesk
