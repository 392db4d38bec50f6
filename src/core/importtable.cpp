#include "importtable.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringDecoder>

namespace UserDesk {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("UserDesk::ImportTable", text);
}

constexpr qint64 maxFileBytes = 256LL * 1024 * 1024;
} // namespace

QString ImportTable::capitalized(const QString &source)
{
    return source.isEmpty() ? source : source.at(0).toUpper() + source.mid(1);
}

ImportTable ImportTable::readFile(const QString &path, Format format)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ImportTable t;
        t.error = tr("The file %1 could not be read: %2.").arg(path, file.errorString());
        return t;
    }
    if (file.size() > maxFileBytes) {
        ImportTable t;
        t.error = tr("The file %1 is larger than %2 MB; split it into smaller files.")
                      .arg(path)
                      .arg(maxFileBytes / (1024 * 1024));
        return t;
    }
    if (format == Format::Auto) {
        if (path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive))
            format = Format::Csv;
        else if (path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive)
            || path.endsWith(QLatin1String(".ndjson"), Qt::CaseInsensitive)
            || path.endsWith(QLatin1String(".jsonl"), Qt::CaseInsensitive))
            format = Format::Json;
    }
    return read(file.readAll(), format);
}

ImportTable ImportTable::read(const QByteArray &raw, Format format)
{
    QByteArray data = raw;
    if (data.startsWith("\xEF\xBB\xBF"))
        data.remove(0, 3);
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder(data);
    if (decoder.hasError()) {
        ImportTable t;
        t.error = tr("The file is not UTF-8 text; save it as UTF-8 and import it again.");
        return t;
    }
    if (format == Format::Auto) {
        const QString start = text.trimmed().left(1);
        format = (start == QLatin1String("[") || start == QLatin1String("{")) ? Format::Json : Format::Csv;
    }
    ImportTable table = format == Format::Json ? readJson(data) : readCsv(text);
    table.format = format;
    return table;
}

ImportTable ImportTable::readCsv(const QString &text)
{
    ImportTable result;
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
        result.empty = true;
        return result;
    }
    const QStringList header = records.takeFirst().second;
    for (const QString &h : header)
        result.columns.append(h.trimmed());
    for (const auto &[number, values] : std::as_const(records)) {
        Row row;
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
            for (qsizetype c = 0; c < values.size(); ++c)
                if (!row.values.contains(result.columns.at(c)))
                    row.values.insert(result.columns.at(c), values.at(c));
        }
        result.rows.append(row);
    }
    return result;
}

ImportTable ImportTable::readJson(const QByteArray &data)
{
    ImportTable result;
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
        result.empty = true;
        return result;
    }
    for (const auto &[source, value] : std::as_const(items)) {
        if (!value.isObject())
            continue;
        for (const QString &key : value.toObject().keys())
            if (!result.columns.contains(key))
                result.columns.append(key);
    }
    for (const auto &[source, value] : std::as_const(items)) {
        Row row;
        row.source = source;
        if (value.isUndefined()) {
            for (const auto &[s, sentence] : std::as_const(broken))
                if (s == source)
                    row.errors.append(sentence);
        } else if (!value.isObject()) {
            row.errors.append(tr("%1 is not a JSON object.").arg(capitalized(source)));
        } else {
            row.values = value.toObject();
        }
        result.rows.append(row);
    }
    return result;
}

} // namespace UserDesk
