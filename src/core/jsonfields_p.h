#pragma once

// Strict field readers shared by the value types' fromJson(); not part of the public API.

#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <cmath>
#include <limits>
#include <optional>

namespace UserDesk::JsonFields {

inline void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}

// Ids are JSON numbers; a double that is not an exact positive integer within 2^53 is refused.
inline std::optional<qint64> readId(const QJsonObject &o, QLatin1String key, QString *error)
{
    const QJsonValue v = o.value(key);
    if (!v.isDouble()) {
        setError(
            error, QCoreApplication::translate("UserDesk::Json", "field \"%1\" must be a number").arg(key));
        return std::nullopt;
    }
    const double d = v.toDouble();
    constexpr double maxExact = 9007199254740992.0; // 2^53
    if (!std::isfinite(d) || d < 0 || d > maxExact || std::floor(d) != d) {
        setError(
            error, QCoreApplication::translate("UserDesk::Json", "field \"%1\" is not a valid id").arg(key));
        return std::nullopt;
    }
    return static_cast<qint64>(d);
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
