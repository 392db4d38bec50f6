#pragma once

#include "resourceid.h"

#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <optional>

namespace UserDesk {

// A GoRest user as the server returned it; fields the client does not know are kept for display.
struct User
{
    ResourceId id;
    QString name;
    QString email;
    QString gender; // "male" | "female"
    QString status; // "active" | "inactive"
    QJsonObject extra; // unknown fields, untouched

    QJsonObject toJson() const;
    // Compact JSON with the fields in GoRest's order (id, name, email, gender, status, then the rest);
    // QJsonObject itself would sort the keys.
    QByteArray toOrderedJson() const;
    // Strict: a missing or wrongly typed known field makes the whole object a bad response.
    static std::optional<User> fromJson(const QJsonValue &value, QString *error = nullptr);

    bool operator==(const User &other) const;
    bool operator!=(const User &other) const { return !(*this == other); }
};

} // namespace UserDesk

Q_DECLARE_METATYPE(UserDesk::User)
