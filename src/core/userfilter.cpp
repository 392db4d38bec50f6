#include "userfilter.h"

namespace UserDesk {

bool UserFilter::matches(const User &user) const
{
    return (id.isEmpty() || user.id.toString() == id.trimmed())
        && (name.isEmpty() || user.name.contains(name, Qt::CaseInsensitive))
        && (email.isEmpty() || user.email.contains(email, Qt::CaseInsensitive))
        && (gender.isEmpty() || user.gender.compare(gender, Qt::CaseInsensitive) == 0)
        && (status.isEmpty() || user.status.compare(status, Qt::CaseInsensitive) == 0);
}

void UserFilter::addTo(QUrlQuery &query) const
{
    auto add = [&query](const QString &key, const QString &value) {
        if (!value.trimmed().isEmpty())
            query.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value.trimmed())));
    };
    add(QStringLiteral("id"), id);
    add(QStringLiteral("name"), name);
    add(QStringLiteral("email"), email);
    add(QStringLiteral("gender"), gender);
    add(QStringLiteral("status"), status);
}

bool UserFilter::set(const QString &key, const QString &value)
{
    if (key == QLatin1String("id"))
        id = value;
    else if (key == QLatin1String("name"))
        name = value;
    else if (key == QLatin1String("email"))
        email = value;
    else if (key == QLatin1String("gender"))
        gender = value;
    else if (key == QLatin1String("status"))
        status = value;
    else
        return false;
    return true;
}

} // namespace UserDesk
