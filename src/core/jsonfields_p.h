#pragma once

// Strict field readers shared by the value types' fromJson(); not part of the public API.

#include "resourceid.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <optional>

namespace UserDesk::JsonFields {

inline void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}

// Ids are numbers or strings, as the server sent them (see ResourceId::fromJson).
inline std::optional<ResourceId> readId(const QJsonObject &o, QLatin1String key, QString *error)
{
    return ResourceId::fromJson(o.value(key), key, error);
}

inline std::optional<QString> readString(
    const QJsonObject &o, QLatin1String key, QString *error, bool nullable = false)
{
    const QJsonValue v = o.value(key);
    if (nullable && (v.isNull() || v.isUndefined()))
        return QString();
    if (!v.isString()) {
        setError(
            error, QCoreApplication::translate("UserDesk::Json", "field \"%1\" must be a string").arg(key));
        return std::nullopt;
    }
    return v.toString();
}

inline QJsonObject withoutKeys(QJsonObject o, std::initializer_list<QLatin1String> keys)
{
    for (QLatin1String k : keys)
        o.remove(k);
    return o;
}

} // namespace UserDesk::JsonFields
