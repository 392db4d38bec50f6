#pragma once

#include "apierror.h"
#include "user.h"

#include <QJsonObject>
#include <optional>

namespace UserDesk {

// What a create or an edit sends: only the fields that are set go on the wire, so an edit can be a
// PATCH of exactly what changed.
struct UserDraft
{
    std::optional<QString> name;
    std::optional<QString> email;
    std::optional<QString> gender;
    std::optional<QString> status;

    bool isEmpty() const { return !name && !email && !gender && !status; }
    QJsonObject toJson() const;

    // Checks what can be checked before sending; requireAll is for creates.
    QList<FieldError> validate(bool requireAll) const;

    static UserDraft fromUser(const User &user);
    // The fields of `edited` that differ from `original` (trimmed comparison for text).
    static UserDraft changedFields(const User &original, const UserDraft &edited);
    static bool isPlausibleEmail(const QString &email);
};

} // namespace UserDesk

Q_DECLARE_METATYPE(UserDesk::UserDraft)
