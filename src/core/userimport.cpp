#include "userimport.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSet>

namespace UserDesk {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("UserDesk::UserImport", text);
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

bool resolveMapping(UserImport::Result &result, const QHash<QString, QString> &mapping)
{
    for (auto it = mapping.cbegin(); it != mapping.cend(); ++it) {
        if (!UserImport::fields().contains(it.key())) {
            result.error = tr("There is no user field \"%1\"; the fields are %2.")
                               .arg(it.key(), UserImport::fields().join(QStringLiteral(", ")));
            return false;
        }
        if (!result.columns.contains(it.value())) {
            result.error = tr("The file has no column \"%1\" to take %2 from.").arg(it.value(), it.key());
            return false;
        }
    }
    QStringList missing;
    for (const QString &field : UserImport::fields()) {
        const QString column = columnFor(field, result.columns, mapping);
        if (column.isEmpty())
            missing.append(field);
        else
            result.mapping.insert(field, column);
    }
    if (!missing.isEmpty()) {
        result.error
            = tr("The file has no column for %1; name the columns %2, or map them.")
                  .arg(missing.join(QStringLiteral(", ")), UserImport::fields().join(QStringLiteral(", ")));
        return false;
    }
    const QList<QString> used = result.mapping.values();
    for (const QString &c : std::as_const(result.columns))
        if (!used.contains(c))
            result.ignoredColumns.append(c);
    return true;
}

void setField(UserDraft &draft, const QString &field, const QString &value)
{
    const QString v = value.trimmed();
    if (field == QLatin1String("name"))
        draft.name = v;
    else if (field == QLatin1String("email"))
        draft.email = v;
    else if (field == QLatin1String("gender"))
        draft.gender = v;
    else if (field == QLatin1String("status"))
        draft.status = v;
}

QString capitalized(const QString &source)
{
    return ImportTable::capitalized(source);
}
} // namespace

const QStringList &UserImport::fields()
{
    static const QStringList names { QStringLiteral("name"), QStringLiteral("email"),
        QStringLiteral("gender"), QStringLiteral("status") };
    return names;
}

int UserImport::Result::validCount() const
{
    int n = 0;
    for (const ImportRow &r : rows)
        n += r.isValid() ? 1 : 0;
    return n;
}

UserImport::Result UserImport::parseFile(
    const QString &path, Format format, const QHash<QString, QString> &mapping)
{
    return fromTable(ImportTable::readFile(path, format), mapping);
}

UserImport::Result UserImport::parse(
    const QByteArray &data, Format format, const QHash<QString, QString> &mapping)
{
    return fromTable(ImportTable::read(data, format), mapping);
}

UserImport::Result UserImport::fromTable(const ImportTable &table, const QHash<QString, QString> &mapping)
{
    Result result;
    if (!table.error.isEmpty()) {
        result.error = table.error;
        return result;
    }
    if (table.empty) {
        result.error = table.format == ImportTable::Format::Csv
            ? tr("The file is empty; a CSV import needs a header row and one row per user.")
            : tr("The file holds no users.");
        return result;
    }
    result.columns = table.columns;
    if (!resolveMapping(result, mapping))
        return result;
    for (const ImportTable::Row &source : table.rows) {
        ImportRow row;
        row.source = source.source;
        row.errors = source.errors;
        if (row.errors.isEmpty()) {
            for (const QString &field : fields()) {
                const QJsonValue v = source.values.value(result.mapping.value(field));
                if (v.isString())
                    setField(row.draft, field, v.toString());
                else if (!v.isUndefined() && !v.isNull())
                    row.errors.append(tr("%1: %2 must be a string.").arg(capitalized(row.source), field));
            }
        }
        result.rows.append(row);
    }
    checkRows(result);
    return result;
}

void UserImport::checkRows(Result &result)
{
    QHash<QString, QString> firstSeen; // email (lower case) -> source
    for (ImportRow &row : result.rows) {
        if (!row.errors.isEmpty())
            continue;
        for (const FieldError &e : row.draft.validate(true))
            row.errors.append(tr("%1: %2 %3.").arg(capitalized(row.source), e.field, e.message));
        if (row.draft.email && !row.draft.email->isEmpty()) {
            const QString key = row.draft.email->toLower();
            const auto it = firstSeen.constFind(key);
            if (it != firstSeen.cend())
                row.errors.append(tr("%1: email %2 is already on %3 of the file; emails are unique.")
                                      .arg(capitalized(row.source), *row.draft.email, it.value()));
            else
                firstSeen.insert(key, row.source);
        }
    }
}

} // namespace UserDesk
