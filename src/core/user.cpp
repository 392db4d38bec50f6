#include "user.h"

#include "jsonfields_p.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace UserDesk {

namespace {
// The few values gender and status take share one string each instead of one per user (a million users
// are a realistic table; see bench/RESULTS.md).
QString shared(const QString &value)
{
    static const QString known[] = { QStringLiteral("male"), QStringLiteral("female"),
        QStringLiteral("active"), QStringLiteral("inactive") };
    for (const QString &k : known) {
        if (k == value)
            return k;
    }
    return value;
}
} // namespace

QJsonObject User::toJson() const
{
    QJsonObject o = extra;
    o.insert(QLatin1String("id"), id.toJson());
    o.insert(QLatin1String("name"), name);
    o.insert(QLatin1String("email"), email);
    o.insert(QLatin1String("gender"), gender);
    o.insert(QLatin1String("status"), status);
    return o;
}

QByteArray User::toOrderedJson() const
{
    auto encode = [](const QJsonValue &value) {
        // QJsonDocument only writes containers: write a one-element array and strip its brackets.
        const QByteArray array = QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact);
        return array.mid(1, array.size() - 2);
    };
    const QByteArray idJson = id.isText() ? encode(id.toJson()) : QByteArray::number(id.number());
    QByteArray out = "{\"id\":" + idJson + ",\"name\":" + encode(name) + ",\"email\":" + encode(email)
        + ",\"gender\":" + encode(gender) + ",\"status\":" + encode(status);
    for (auto it = extra.constBegin(); it != extra.constEnd(); ++it)
        out += ',' + encode(it.key()) + ':' + encode(it.value());
    return out + '}';
}

std::optional<User> User::fromJson(const QJsonValue &value, QString *error)
{
    using namespace JsonFields;
    if (!value.isObject()) {
        setError(error, QCoreApplication::translate("UserDesk::Json", "a user must be a JSON object"));
        return std::nullopt;
    }
    const QJsonObject o = value.toObject();
    const auto id = readId(o, QLatin1String("id"), error);
    const auto name = id ? readString(o, QLatin1String("name"), error) : std::nullopt;
    const auto email = name ? readString(o, QLatin1String("email"), error) : std::nullopt;
    const auto gender = email ? readString(o, QLatin1String("gender"), error) : std::nullopt;
    const auto status = gender ? readString(o, QLatin1String("status"), error) : std::nullopt;
    if (!status)
        return std::nullopt;
    User u;
    u.id = *id;
    u.name = *name;
    u.email = *email;
    u.gender = shared(*gender);
    u.status = shared(*status);
    // A copy of the object keeps all of its strings alive; only keep one when there is something unknown.
    if (o.size() > 5)
        u.extra = withoutKeys(o,
            { QLatin1String("id"), QLatin1String("name"), QLatin1String("email"), QLatin1String("gender"),
                QLatin1String("status") });
    return u;
}

bool User::operator==(const User &other) const
{
    return id == other.id && name == other.name && email == other.email && gender == other.gender
        && status == other.status && extra == other.extra;
}

} // namespace UserDesk
