#pragma once

#include "resourceid.h"

#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <optional>

namespace UserDesk {

// A GoRest todo belonging to a user; dueOn is kept as the server's ISO-8601 text (or empty for null).
struct Todo
{
    ResourceId id;
    ResourceId userId;
    QString title;
    QString dueOn;
    QString status; // "pending" | "completed"
    QJsonObject extra;

    QJsonObject toJson() const;
    static std::optional<Todo> fromJson(const QJsonValue &value, QString *error = nullptr);
};

} // namespace UserDesk

Q_DECLARE_METATYPE(UserDesk::Todo)
