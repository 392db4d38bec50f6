#include "userfilter.h"

namespace UserDesk {

void UserFilter::addTo(QUrlQuery &query) const
{
    auto add = [&query](const QString &key, const QString &value) {
        if (!value.trimmed().isEmpty())
            query.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value.trimmed())));
    };
    add(QStringLiteral("name"), name);
    add(QStringLiteral("email"), email);
    add(QStringLiteral("gender"), gender);
    add(QStringLiteral("status"), status);
}

bool UserFilter::set(const QString &key, const QString &value)
{
    if (key == QLatin1String("name"))
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
