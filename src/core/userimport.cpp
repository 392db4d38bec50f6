#include "userimport.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QStringDecoder>

namespace UserDesk {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("UserDesk::UserImport", text);
}

constexpr qint64 maxFileBytes = 256LL * 1024 * 1024;

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
    return source.isEmpty() ? source : source.at(0).toUpper() + source.mid(1);
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
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Result r;
        r.error = tr("The file %1 could not be read: %2.").arg(path, file.errorString());
        return r;
    }
    if (file.size() > maxFileBytes) {
        Result r;
        r.error = tr("The file %1 is larger than %2 MB; split it into smaller files.")
                      .arg(path)
                      .arg(maxFileBytes / (1024 * 1024));
        return r;
    }
    if (format == Format::Auto) {
        if (path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive))
            format = Format::Csv;
        else if (path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive)
            || path.endsWith(QLatin1String(".ndjson"), Qt::CaseInsensitive)
            || path.endsWith(QLatin1String(".jsonl"), Qt::CaseInsensitive))
            format = Format::Json;
    }
    return parse(file.readAll(), format, mapping);
}

UserImport::Result UserImport::parse(
    const QByteArray &raw, Format format, const QHash<QString, QString> &mapping)
{
    QByteArray data = raw;
    if (data.startsWith("\xEF\xBB\xBF"))
        data.remove(0, 3);
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder(data);
    if (decoder.hasError()) {
        Result r;
        r.error = tr("The file is not UTF-8 text; save it as UTF-8 and import it again.");
        return r;
    }
    if (format == Format::Auto) {
        const QString start = text.trimmed().left(1);
        format = (start == QLatin1String("[") || start == QLatin1String("{")) ? Format::Json : Format::Csv;
    }
    Result r = format == Format::Json ? parseJson(data, mapping) : parseCsv(text, mapping);
    if (r.ok())
        checkRows(r);
    return r;
}

UserImport::Result UserImport::parseCsv(const QString &text, const QHash<QString, QString> &mapping)
{
    Result result;
    // Records as lists of fields, each with the line it starts on (a quoted field may hold line breaks).
    QList<QPair<int, QStringList>> records;
    QStringList current;
    QString field;
    bool quoted = false; // inside a quoted field
    bool wasQuoted = false; // the current field was quoted (text after its closing quote is an error)
    int line = 1;
    int recordLine = 1;
    int quoteLine = 1;
    QList<QPair<int, QString>> problems; // line -> sentence
    auto endField = [&] {
        current.append(field);
        field.clear();
        wasQuoted = false;
    };
    auto endRecord = [&] {
        endField();
        // A blank line is no record.
        if (!(current.size() == 1 && current.first().isEmpty()))
            records.append({ recordLine, current });
        current.clear();
    };
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < n && text.at(i + 1) == QLatin1Char('"')) {
                    field.append(QLatin1Char('"'));
                    ++i;
                } else {
                    quoted = false;
                    wasQuoted = true;
                }
            } else {
                if (c == QLatin1Char('\n'))
                    ++line;
                field.append(c);
            }
            continue;
        }
        if (c == QLatin1Char('"')) {
            if (field.isEmpty() && !wasQuoted) {
                quoted = true;
                quoteLine = line;
            } else {
                problems.append({ line,
                    tr("Line %1 has a quote inside an unquoted field; put the field in quotes and double the "
                       "quote.")
                        .arg(line) });
                field.append(c);
            }
        } else if (c == QLatin1Char(',')) {
            endField();
        } else if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            if (c == QLatin1Char('\r') && i + 1 < n && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            endRecord();
            ++line;
            recordLine = line;
        } else if (wasQuoted) {
            problems.append({ line, tr("Line %1 has text after the closing quote of a field.").arg(line) });
            wasQuoted = false;
            field.append(c);
        } else {
            field.append(c);
        }
    }
    if (quoted) {
        result.error = tr("Line %1 opens a quoted field that is never closed.").arg(quoteLine);
        return result;
    }
    if (!field.isEmpty() || !current.isEmpty() || wasQuoted)
        endRecord();
    if (records.isEmpty()) {
        result.error = tr("The file is empty; a CSV import needs a header row and one row per user.");
        return result;
    }
    const QStringList header = records.takeFirst().second;
    for (const QString &h : header)
        result.columns.append(h.trimmed());
    if (!resolveMapping(result, mapping))
        return result;
    QHash<QString, int> columnIndex;
    for (const QString &field : fields())
        columnIndex.insert(field, int(result.columns.indexOf(result.mapping.value(field))));
    for (const auto &[number, values] : std::as_const(records)) {
        ImportRow row;
        row.source = tr("line %1").arg(number);
        for (const auto &[l, sentence] : std::as_const(problems))
            if (l == number)
                row.errors.append(sentence);
        if (values.size() != result.columns.size()) {
            row.errors.append(tr("Line %1 has %2 fields but the header has %3.")
                                  .arg(number)
                                  .arg(values.size())
                                  .arg(result.columns.size()));
        } else {
            for (const QString &field : fields())
                setField(row.draft, field, values.at(columnIndex.value(field)));
        }
        result.rows.append(row);
    }
    return result;
}

UserImport::Result UserImport::parseJson(const QByteArray &data, const QHash<QString, QString> &mapping)
{
    Result result;
    QList<QPair<QString, QJsonValue>> items; // source -> value; an undefined value marks a broken line
    QList<QPair<QString, QString>> broken; // source -> sentence
    const QByteArray trimmed = data.trimmed();
    if (trimmed.startsWith('[')) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(trimmed, &error);
        if (error.error != QJsonParseError::NoError) {
            const int errorLine = int(trimmed.left(error.offset).count('\n')) + 1;
            result.error
                = tr("The file is not valid JSON: %1 on line %2.").arg(error.errorString()).arg(errorLine);
            return result;
        }
        const QJsonArray array = doc.array();
        for (qsizetype i = 0; i < array.size(); ++i)
            items.append({ tr("item %1").arg(i + 1), array.at(i) });
    } else {
        const QList<QByteArray> lines = data.split('\n');
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QByteArray l = lines.at(i).trimmed();
            if (l.isEmpty())
                continue;
            const QString source = tr("line %1").arg(i + 1);
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(l, &error);
            if (error.error != QJsonParseError::NoError) {
                broken.append(
                    { source, tr("Line %1 is not valid JSON: %2.").arg(i + 1).arg(error.errorString()) });
                items.append({ source, QJsonValue(QJsonValue::Undefined) });
            } else {
                items.append({ source, doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array()) });
            }
        }
    }
    if (items.isEmpty()) {
        result.error = tr("The file holds no users.");
        return result;
    }
    for (const auto &[source, value] : std::as_const(items)) {
        if (!value.isObject())
            continue;
        for (const QString &key : value.toObject().keys())
            if (!result.columns.contains(key))
                result.columns.append(key);
    }
    if (!resolveMapping(result, mapping))
        return result;
    for (const auto &[source, value] : std::as_const(items)) {
        ImportRow row;
        row.source = source;
        if (value.isUndefined()) {
            for (const auto &[s, sentence] : std::as_const(broken))
                if (s == source)
                    row.errors.append(sentence);
        } else if (!value.isObject()) {
            row.errors.append(tr("%1 is not a JSON object.").arg(capitalized(source)));
        } else {
            const QJsonObject o = value.toObject();
            for (const QString &field : fields()) {
                const QJsonValue v = o.value(result.mapping.value(field));
                if (v.isString())
                    setField(row.draft, field, v.toString());
                else if (!v.isUndefined() && !v.isNull())
                    row.errors.append(tr("%1: %2 must be a string.").arg(capitalized(source), field));
            }
        }
        result.rows.append(row);
    }
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
