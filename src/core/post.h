#pragma once

#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <optional>

namespace UserDesk {

// A GoRest post belonging to a user.
struct Post
{
    qint64 id = 0;
    qint64 userId = 0;
    QString title;
    QString body;
    QJsonObject extra;

    QJsonObject toJson() const;
    static std::optional<Post> fromJson(const QJsonValue &value, QString *error = nullptr);
};

} // namespace UserDesk

Q_DECLARE_METATYPE(UserDesk::Post)
