#pragma once

#include "sandboxresource.h"

#include <QJsonObject>
#include <QVariantMap>

#include <optional>

namespace UserDesk {

class SandboxStore;

// GoRest's validation rules and its exact 422 messages, field by field, in the
// order GoRest lists them.
class SandboxValidator
{
public:
    enum class Mode { Create, Update };

    struct FieldError
    {
        QString field;
        QString message;
    };

    struct Result
    {
        QVariantMap values; // column -> normalised value, ready for SandboxStore
        QList<FieldError> errors;
        bool isValid() const { return errors.isEmpty(); }
    };

    // pathParentId: the {id} of /users/{id}/posts, /users/{id}/todos or /posts/{id}/comments,
    // which wins over a user_id or post_id in the body. selfId: the row being updated, so its
    // own email is not "taken".
    static Result validate(SandboxResource::Kind kind, const QJsonObject &body, Mode mode,
        const SandboxStore &store, std::optional<qint64> pathParentId = {}, qint64 selfId = 0);

    // The top-level field whose string holds a lone UTF-16 surrogate escape ("\ud800") or a
    // malformed UTF-8 sequence ("body" if it is outside any field); nullopt if the text is clean.
    static std::optional<QString> invalidUnicodeField(const QByteArray &body);

    // "2026-07-01" -> "2026-07-01T00:00:00.000+05:30"; GoRest keeps times in India's zone.
    static std::optional<QString> normaliseDueOn(const QString &text);
};

} // namespace UserDesk
