// Fuzz target: a list answer as ApiClient reads it (depth check, JSON parse, strict User parsing),
// and the pretty printer the log dock shows it with.
#include "jsonformat.h"
#include "user.h"

#include <QJsonArray>
#include <QJsonDocument>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    QString error;
    if (const auto doc = UserDesk::JsonFormat::parse(body, UserDesk::JsonFormat::defaultMaxDepth, &error)) {
        // Re-indenting for display must not change what the document says.
        if (QJsonDocument::fromJson(UserDesk::JsonFormat::reindent(body)) != *doc)
            __builtin_trap();
        const QJsonArray array = doc->array();
        for (const QJsonValue &v : array) {
            if (const auto user = UserDesk::User::fromJson(v, &error)) {
                // What was accepted must survive a round trip unchanged.
                if (UserDesk::User::fromJson(user->toJson()) != user)
                    __builtin_trap();
            }
        }
        if (doc->isObject())
            (void)UserDesk::User::fromJson(doc->object(), &error);
    }
    (void)UserDesk::JsonFormat::pretty(body);
    return 0;
}
