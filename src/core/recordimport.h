#pragma once

#include "importtable.h"
#include "resourceschema.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace UserDesk {

// One record read from an import file, with what local validation found wrong with it.
struct RecordImportRow
{
    QString source; // "line 4" or "item 3", for messages
    QJsonObject fields; // typed by the schema: ids as numbers (or text ids), the rest as text
    QStringList errors; // full sentences; empty when the row can be sent

    bool isValid() const { return errors.isEmpty(); }
};

// Reads records of a resource (posts, comments, todos) to create from the files UserImport reads (through
// ImportTable). Columns are matched to the schema's writable fields by name (case-insensitive) or by an
// explicit mapping; each row is typed and checked with the schema (required fields, ids, enum values
// such as a todo's status, dates), every problem a full sentence naming the row. The parent (user_id,
// post_id) comes from its column or, for every row, from `parentId`; a row whose column names another
// parent is refused.
class RecordImport
{
public:
    using Format = ImportTable::Format;

    struct Result
    {
        QString error; // a problem with the whole file (a full sentence); rows are empty then
        QStringList columns;
        QHash<QString, QString> mapping; // field -> column used
        QStringList ignoredColumns;
        QList<RecordImportRow> rows;

        bool ok() const { return error.isEmpty(); }
        int validCount() const;
    };

    // The fields a file may hold: the schema's writable ones ("user_id", "title", "body").
    static QStringList fields(const ResourceSchema &schema);

    // With a parent, rows leave out the parent field (it is sent in the route) and a column for it is not
    // needed.
    static Result parse(const ResourceSchema &schema, const QByteArray &data, Format format = Format::Auto,
        const QHash<QString, QString> &mapping = {}, const ResourceId &parentId = {});
    static Result parseFile(const ResourceSchema &schema, const QString &path, Format format = Format::Auto,
        const QHash<QString, QString> &mapping = {}, const ResourceId &parentId = {});

private:
    static Result fromTable(const ResourceSchema &schema, const ImportTable &table,
        const QHash<QString, QString> &mapping, const ResourceId &parentId);
};

} // namespace UserDesk
