// Fuzz target: a records page as ApiClient reads it for every resource and every dialect (depth check,
// JSON parse, the dialect's list shape, strict per-item parsing against the schema, bad items skipped),
// and the comparison a lost create's look-up makes.
#include "jsonformat.h"
#include "recordparser.h"

#include <QJsonArray>
#include <QJsonDocument>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace UserDesk;
    const QByteArray body(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    QString error;
    const auto doc = JsonFormat::parse(body, JsonFormat::defaultMaxDepth, &error);
    if (!doc)
        return 0;
    for (const ResourceSchema &schema : ResourceSchema::all()) {
        for (const Dialect::Kind kind :
            { Dialect::Kind::GoRestV2, Dialect::Kind::JsonServer017, Dialect::Kind::JsonServer1 }) {
            RecordsPage page;
            if (!RecordParser::parsePage(schema, Dialect(kind), *doc, {}, 1, 10, &page, &error)) {
                // A refused page says why.
                if (error.isEmpty())
                    __builtin_trap();
                error.clear();
                continue;
            }
            // Every item is kept or named: none is lost in silence.
            if (doc->isArray() && page.items.size() + page.skipped.size() != doc->array().size())
                __builtin_trap();
            for (const QJsonObject &record : std::as_const(page.items)) {
                // What was accepted is accepted again unchanged, has an id, and matches itself.
                const auto again = RecordParser::parseRecord(schema, record);
                if (!again || *again != record || RecordParser::idOf(record).isNull()
                    || !RecordParser::matches(schema, record, record))
                    __builtin_trap();
            }
        }
        if (doc->isObject())
            (void)RecordParser::parseRecord(schema, doc->object(), &error);
    }
    return 0;
}
