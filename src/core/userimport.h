#pragma once

#include "importtable.h"
#include "userdraft.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace UserDesk {

// One user read from an import file, with what local validation found wrong with it.
struct ImportRow
{
    QString source; // "line 4" (CSV, NDJSON) or "item 3" (JSON array), for messages
    UserDraft draft;
    QStringList errors; // full sentences; empty when the row can be sent

    bool isValid() const { return errors.isEmpty(); }
};

// Reads users to create from CSV (RFC 4180 quoting, a UTF-8 byte-order mark, a header row) or JSON (an
// array of objects, or NDJSON: one object per line), as ImportTable reads them. Columns are matched to fields
// by name (case-insensitive) or by an explicit mapping; every row is checked locally with UserDraft::validate
// and for emails repeated within the file, so the person sees every problem before anything is sent.
class UserImport
{
public:
    using Format = ImportTable::Format;

    struct Result
    {
        QString error; // a problem with the whole file (a full sentence); rows are empty then
        QStringList columns; // the columns (CSV header, or keys seen in JSON) in file order
        QHash<QString, QString> mapping; // field -> column used
        QStringList ignoredColumns; // columns that map to no field
        QList<ImportRow> rows;

        bool ok() const { return error.isEmpty(); }
        int validCount() const;
    };

    static const QStringList &fields(); // name, email, gender, status

    // `mapping` maps a field to the column that holds it, e.g. {"name": "Full name"}; fields not in it are
    // looked up by their own name. Auto chooses JSON when the first non-blank character is [ or {.
    static Result parse(
        const QByteArray &data, Format format = Format::Auto, const QHash<QString, QString> &mapping = {});
    static Result parseFile(
        const QString &path, Format format = Format::Auto, const QHash<QString, QString> &mapping = {});

private:
    static Result fromTable(const ImportTable &table, const QHash<QString, QString> &mapping);
    static void checkRows(Result &result);
};

} // namespace UserDesk
