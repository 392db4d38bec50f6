#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace UserDesk {

// The rows of an import file before they mean anything: CSV (RFC 4180 quoting, a UTF-8 byte-order mark,
// a header row) or JSON (an array of objects, or NDJSON: one object per line), each row as column ->
// value with where it came from and what was wrong with its shape. UserImport and RecordImport read
// files with it and give the rows their meaning.
class ImportTable
{
public:
    enum class Format { Auto, Csv, Json };

    struct Row
    {
        QString source; // "line 4" (CSV, NDJSON) or "item 3" (JSON array), for messages
        QJsonObject values; // column -> value; a CSV value is always a string
        QStringList errors; // full sentences about the row's shape; values are empty then
    };

    QString error; // a problem with the whole file (a full sentence); rows are empty then
    bool empty = false; // the file holds no row: the caller says so in its own words
    Format format = Format::Auto; // how it was read: Csv or Json
    QStringList columns; // the CSV header, or the keys seen in JSON, in file order
    QList<Row> rows;

    bool ok() const { return error.isEmpty() && !empty; }

    // Auto chooses JSON when the first non-blank character is [ or {.
    static ImportTable read(const QByteArray &data, Format format = Format::Auto);
    // Auto chooses by the extension (.csv; .json, .ndjson, .jsonl), else by the content.
    static ImportTable readFile(const QString &path, Format format = Format::Auto);
    // "Line 4" from "line 4", for the start of a sentence.
    static QString capitalized(const QString &source);

private:
    static ImportTable readCsv(const QString &text);
    static ImportTable readJson(const QByteArray &data);
};

} // namespace UserDesk
