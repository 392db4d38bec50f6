#include "recordimport.h"

#include <QCoreApplication>

namespace UserDesk {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("UserDesk::RecordImport", text);
}

// The column that holds `field`: the mapping's choice, else a column named like the field.
QString columnFor(const QString &field, const QStringList &columns, const QHash<QString, QString> &mapping)
{
    if (mapping.contains(field))
        return mapping.value(field);
    for (const QString &c : columns)
        if (c.trimmed().compare(field, Qt::CaseInsensitive) == 0)
            return c;
    return {};
}

// A value of the file as the schema types it; *error names what is wrong (a sentence's end).
QJsonValue typed(const FieldSpec &f, const QJsonValue &v, QString *error)
{
    if (v.isUndefined() || v.isNull())
        return f.nullable ? QJsonValue(QJsonValue::Null) : QJsonValue(QJsonValue::Undefined);
    if (f.type == FieldSpec::Type::Reference || f.type == FieldSpec::Type::Integer) {
        if (v.isString() && v.toString().trimmed().isEmpty())
            return QJsonValue(QJsonValue::Undefined);
        const auto id = v.isString() ? ResourceId::parse(v.toString().trimmed()) : ResourceId::fromJson(v);
        if (!id || (!id->isText() && id->number() <= 0)) {
            *error = tr("is not an id");
            return {};
        }
        return id->toJson();
    }
    if (!v.isString()) {
        *error = tr("must be text");
        return {};
    }
    const QString text = v.toString().trimmed();
    if (text.isEmpty())
        return f.nullable ? QJsonValue(QJsonValue::Null) : QJsonValue(QJsonValue::Undefined);
    return text;
}
} // namespace

int RecordImport::Result::validCount() const
{
    int n = 0;
    for (const RecordImportRow &r : rows)
        n += r.isValid() ? 1 : 0;
    return n;
}

QStringList RecordImport::fields(const ResourceSchema &schema)
{
    QStringList names;
    for (const FieldSpec &f : schema.fields)
        if (f.isWritable())
            names.append(f.name);
    return names;
}

RecordImport::Result RecordImport::parse(const ResourceSchema &schema, const QByteArray &data, Format format,
    const QHash<QString, QString> &mapping, const ResourceId &parentId)
{
    return fromTable(schema, ImportTable::read(data, format), mapping, parentId);
}

RecordImport::Result RecordImport::parseFile(const ResourceSchema &schema, const QString &path, Format format,
    const QHash<QString, QString> &mapping, const ResourceId &parentId)
{
    return fromTable(schema, ImportTable::readFile(path, format), mapping, parentId);
}

RecordImport::Result RecordImport::fromTable(const ResourceSchema &schema, const ImportTable &table,
    const QHash<QString, QString> &mapping, const ResourceId &parentId)
{
    Result result;
    if (!table.error.isEmpty()) {
        result.error = table.error;
        return result;
    }
    if (table.empty) {
        result.error = tr("The file holds no rows; an import of %1 needs one row (or object) per record.")
                           .arg(schema.name);
        return result;
    }
    result.columns = table.columns;
    const QStringList names = fields(schema);
    for (auto it = mapping.cbegin(); it != mapping.cend(); ++it) {
        if (!names.contains(it.key())) {
            result.error = tr("There is no field \"%1\" of %2; the fields are %3.")
                               .arg(it.key(), schema.name, names.join(QStringLiteral(", ")));
            return result;
        }
        if (!result.columns.contains(it.value())) {
            result.error = tr("The file has no column \"%1\" to take %2 from.").arg(it.value(), it.key());
            return result;
        }
    }
    const bool parentGiven = !parentId.isNull() && !schema.parentField.isEmpty();
    QStringList missing;
    for (const FieldSpec &f : schema.fields) {
        if (!f.isWritable())
            continue;
        const QString column = columnFor(f.name, result.columns, mapping);
        if (!column.isEmpty())
            result.mapping.insert(f.name, column);
        else if (f.required && !(parentGiven && f.name == schema.parentField))
            missing.append(f.name);
    }
    if (!missing.isEmpty()) {
        result.error = tr("The file has no column for %1; name the columns %2, or map them.")
                           .arg(missing.join(QStringLiteral(", ")), names.join(QStringLiteral(", ")));
        return result;
    }
    const QList<QString> used = result.mapping.values();
    for (const QString &c : std::as_const(result.columns))
        if (!used.contains(c))
            result.ignoredColumns.append(c);

    for (const ImportTable::Row &source : table.rows) {
        RecordImportRow row;
        row.source = source.source;
        row.errors = source.errors;
        const QString who = ImportTable::capitalized(row.source);
        if (row.errors.isEmpty()) {
            for (auto it = result.mapping.cbegin(); it != result.mapping.cend(); ++it) {
                QString error;
                const QJsonValue v = typed(*schema.field(it.key()), source.values.value(it.value()), &error);
                if (!error.isEmpty())
                    row.errors.append(tr("%1: %2 %3.").arg(who, it.key(), error));
                else if (!v.isUndefined())
                    row.fields.insert(it.key(), v);
            }
        }
        if (row.errors.isEmpty() && parentGiven && row.fields.contains(schema.parentField)) {
            const auto own = ResourceId::fromJson(row.fields.value(schema.parentField), schema.parentField);
            if (own && *own != parentId)
                row.errors.append(tr("%1: %2 is %3, but the import is for %2 %4 only.")
                                      .arg(who, schema.parentField, own->toString(), parentId.toString()));
            row.fields.remove(schema.parentField); // sent in the route
        }
        if (row.errors.isEmpty()) {
            for (const FieldError &e : schema.validate(row.fields, true, parentGiven))
                row.errors.append(tr("%1: %2 %3.").arg(who, e.field, e.message));
        }
        result.rows.append(row);
    }
    return result;
}

} // namespace UserDesk
