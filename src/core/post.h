#pragma once

#include "resourceid.h"

#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <optional>

namespace UserDesk {

// A GoRest post belonging to a user.
struct Post
{
    ResourceId id;
    ResourceId userId;
    QString title;
    QString body;
    QJsonObject extra;

    QJsonObject toJson() const;
    static std::optional<Post> fromJson(const QJsonValue &value, QString *error = nullptr);
};

} // namespace UserDesk

Q_DECLARE_METATYPE(UserDesk::Post)
