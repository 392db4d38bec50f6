#include "recordparser.h"

#include <QCoreApplication>
#include <QDateTime>

namespace UserDesk {

namespace {
bool isDateTimeText(const QString &text)
{
    const QString t = text.trimmed();
    return QDate::fromString(t, Qt::ISODate).isValid()
        || QDateTime::fromString(t, Qt::ISODateWithMs).isValid()
        || QDateTime::fromString(t, Qt::ISODate).isValid();
}

bool sameValue(const FieldSpec *spec, const QJsonValue &have, const QJsonValue &sent)
{
    if (sent.isNull() || sent.isUndefined())
        return have.isNull() || have.isUndefined();
    if (spec && (spec->type == FieldSpec::Type::Reference || spec->type == FieldSpec::Type::Id)) {
        const auto a = ResourceId::fromJson(have);
        if (!a)
            return false;
        // The id as it was sent (a text id may hold spaces of its own), else as a person typed it. 5506
        // and "5506" are one id already (ResourceId's equality).
        if (const auto b = ResourceId::fromJson(sent); b && *a == *b)
            return true;
        const auto typed = sent.isString() ? ResourceId::parse(sent.toString().trimmed()) : std::nullopt;
        return typed && *a == *typed;
    }
    if (spec && spec->type == FieldSpec::Type::DateTime) {
        if (!have.isString() || !sent.isString())
            return false;
        const QString s = sent.toString().trimmed();
        const QString h = have.toString().trimmed();
        if (s == h)
            return true;
        if (s.size() == 10 && QDate::fromString(s, Qt::ISODate).isValid())
            return h.left(10) == s; // GoRest answers a day as its midnight in its own zone
        QDateTime sentAt = QDateTime::fromString(s, Qt::ISODateWithMs);
        QDateTime haveAt = QDateTime::fromString(h, Qt::ISODateWithMs);
        return sentAt.isValid() && haveAt.isValid()
            && sentAt.toMSecsSinceEpoch() == haveAt.toMSecsSinceEpoch();
    }
    if (spec && spec->type == FieldSpec::Type::Email)
        return have.isString() && sent.isString()
            && have.toString().trimmed().compare(sent.toString().trimmed(), Qt::CaseInsensitive) == 0;
    if (have.isString() && sent.isString())
        return have.toString().trimmed() == sent.toString().trimmed();
    return have == sent;
}
} // namespace

ResourceId RecordParser::idOf(const QJsonObject &record)
{
    return ResourceId::fromJson(record.value(QLatin1String("id"))).value_or(ResourceId());
}

std::optional<QJsonObject> RecordParser::parseRecord(
    const ResourceSchema &schema, const QJsonValue &value, QString *error)
{
    auto fail = [&](const QString &why) -> std::optional<QJsonObject> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (!value.isObject())
        return fail(tr("a %1 object was expected").arg(schema.singular));
    const QJsonObject o = value.toObject();
    for (const FieldSpec &f : schema.fields) {
        const QJsonValue v = o.value(f.name);
        const bool mustBeThere = f.type == FieldSpec::Type::Id || f.required;
        if (v.isUndefined()) {
            if (mustBeThere)
                return fail(tr("field \"%1\" is missing").arg(f.name));
            continue;
        }
        if (v.isNull()) {
            if (!f.nullable)
                return fail(tr("field \"%1\" is null").arg(f.name));
            continue;
        }
        switch (f.type) {
        case FieldSpec::Type::Id:
        case FieldSpec::Type::Reference: {
            QString why;
            if (!ResourceId::fromJson(v, f.name, &why))
                return fail(why);
            break;
        }
        case FieldSpec::Type::Integer:
            if (!v.isDouble() || v.toDouble() != static_cast<double>(static_cast<qint64>(v.toDouble())))
                return fail(tr("field \"%1\" must be a whole number").arg(f.name));
            break;
        case FieldSpec::Type::String:
        case FieldSpec::Type::Text:
        case FieldSpec::Type::Email:
        case FieldSpec::Type::Enum:
            if (!v.isString())
                return fail(tr("field \"%1\" must be a string").arg(f.name));
            break;
        case FieldSpec::Type::DateTime:
            if (!v.isString() || !isDateTimeText(v.toString()))
                return fail(tr("field \"%1\" must be a date").arg(f.name));
            break;
        }
    }
    return o;
}

bool RecordParser::parsePage(const ResourceSchema &schema, const Dialect &dialect, const QJsonDocument &doc,
    const RawHeaders &headers, int page, int perPage, RecordsPage *out, QString *error)
{
    QJsonArray items;
    if (!dialect.readList(doc, headers, page, perPage, &items, &out->info, error))
        return false;
    out->resource = schema.name;
    out->items.clear();
    out->skipped.clear();
    out->items.reserve(items.size());
    QString firstProblem;
    for (qsizetype i = 0; i < items.size(); ++i) {
        QString why;
        auto record = parseRecord(schema, items.at(i), &why);
        if (record) {
            out->items.append(std::move(*record));
            continue;
        }
        const QJsonValue id = items.at(i).toObject().value(QLatin1String("id"));
        const QString which = id.isDouble() ? tr("item %1 (id %2)").arg(i + 1).arg(id.toDouble(), 0, 'g', 17)
            : id.isString()                 ? tr("item %1 (id \"%2\")").arg(i + 1).arg(id.toString().left(64))
                                            : tr("item %1").arg(i + 1);
        out->skipped.append(tr("The list's %1 was skipped: %2.").arg(which, why));
        if (firstProblem.isEmpty())
            firstProblem = tr("%1: %2").arg(which, why);
    }
    if (out->items.isEmpty() && !out->skipped.isEmpty()) {
        *error = tr("not one item of the list could be used (%1)").arg(firstProblem);
        return false;
    }
    return true;
}

bool RecordParser::matches(const ResourceSchema &schema, const QJsonObject &record, const QJsonObject &sent)
{
    for (auto it = sent.begin(); it != sent.end(); ++it) {
        if (!sameValue(schema.field(it.key()), record.value(it.key()), it.value()))
            return false;
    }
    return true;
}

} // namespace UserDesk
