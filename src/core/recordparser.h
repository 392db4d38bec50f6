#pragma once

#include "dialect.h"
#include "page.h"
#include "resourceschema.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <optional>

namespace UserDesk {

// Reads records of any resource strictly against its schema (ids as ResourceId, every field of its type)
// and tells whether a record holds what was sent; the generic records API parses with it, and so does its
// fuzzer.
class RecordParser
{
    Q_DECLARE_TR_FUNCTIONS(UserDesk::RecordParser)
public:
    // One record: an object whose id and references are ids, whose known fields have their types and
    // whose required fields are there. Unknown fields are kept untouched.
    static std::optional<QJsonObject> parseRecord(
        const ResourceSchema &schema, const QJsonValue &value, QString *error = nullptr);

    // A list answer in the dialect's shape: a bad item is skipped with a sentence naming it, the rest kept;
    // false with *error when the answer is not a list or not one item is usable.
    static bool parsePage(const ResourceSchema &schema, const Dialect &dialect, const QJsonDocument &doc,
        const RawHeaders &headers, int page, int perPage, RecordsPage *out, QString *error);

    // Every field of `sent` has its value in `record`: ids by ResourceId, texts trimmed, a date sent as
    // "2026-07-01" matching the day the server answers in its own zone, date-times as instants.
    static bool matches(const ResourceSchema &schema, const QJsonObject &record, const QJsonObject &sent);

    static ResourceId idOf(const QJsonObject &record);
};

} // namespace UserDesk
