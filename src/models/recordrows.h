#pragma once

#include "resourceid.h"
#include "resourceschema.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>

namespace UserDesk {

// The records of one resource (posts, comments, todos) kept compact, as UserRows keeps users: a million
// posts with 500-byte bodies is a realistic table, and a QJsonObject per post costs several times its
// JSON. A row is 40 bytes plus one allocation holding the schema's fields as UTF-8, each behind a one-byte
// tag (absent, null, text, number) and its length; a numeric id and parent id are plain integers. A record
// with a field the schema does not name, or a value that is neither text nor number (a bool, an object), is
// also kept whole beside its row, so nothing the server sent is lost.
class RecordRows
{
public:
    explicit RecordRows(const ResourceSchema &schema);

    const ResourceSchema &schema() const { return m_schema; }
    qsizetype size() const { return m_rows.size(); }
    bool isEmpty() const { return m_rows.isEmpty(); }
    bool contains(const ResourceId &id) const;
    qsizetype indexOf(const ResourceId &id) const; // -1 when absent

    // False (and nothing stored) for a record without a usable id.
    bool append(const QJsonObject &record);
    bool prepend(const QJsonObject &record);
    bool replace(qsizetype row, const QJsonObject &record);
    void removeAt(qsizetype row);
    void clear();

    ResourceId id(qsizetype row) const;
    // The record's parent field (user_id, post_id) as an id; null when the schema has none or it is unset.
    ResourceId parentId(qsizetype row) const;
    // The field's value as the server sent it (undefined when absent).
    QJsonValue value(qsizetype row, int fieldIndex) const;
    // The field's value as text: a number in its JSON form, null and absent as an empty string.
    QString text(qsizetype row, int fieldIndex) const;
    QJsonObject record(qsizetype row) const;
    QList<QJsonObject> records() const;

    // Orders two rows by one field: ids and numbers by value, text like QString::localeAwareCompare
    // would not (the loaded rows' order must not depend on the locale), case-insensitively.
    int compare(qsizetype left, qsizetype right, int fieldIndex) const;

    // A GoRest date-time ("2026-07-01T00:00:00.000+05:30", or a bare date) as a point in time; invalid
    // when the text is neither.
    static QDateTime parseDateTime(const QString &text);
    // How a date-time reads to a person: in local time, or the text as it came when it does not parse.
    static QString displayDateTime(const QString &text);

private:
    struct Row
    {
        enum Flag : quint8 { TextId = 1, NumericId = 2, NumericParent = 4, Whole = 8 };
        // The id's number (also for a text id of digits, which is the same record); a text id is also
        // the id field's entry in `fields`.
        qint64 id = 0;
        QByteArray fields; // an entry per schema field, in the schema's order
        // A numeric parent id (ids stay below 2^53, so 56 bits hold it and the flags share its word);
        // any other parent value is the parent field's entry.
        qint64 parent : 56;
        quint64 flags : 8;
        Row()
            : parent(0)
            , flags(0)
        {
        }
    };
    enum Tag : quint8 { Absent, Null, Text, Number };

    bool makeRow(const QJsonObject &record, Row *row) const;
    // The encoded entry of field `fieldIndex`.
    static QByteArrayView entry(const Row &row, int fieldIndex, Tag *tag);
    void remember(const Row &row, const QJsonObject &record);
    void forget(const Row &row);
    ResourceId idOf(const Row &row) const;
    int m_idIndex = -1;

    ResourceSchema m_schema;
    int m_parentIndex = -1; // the parent field's index in the schema
    QList<Row> m_rows;
    QSet<qint64> m_numericIds;
    QSet<QString> m_textIds;
    QHash<ResourceId, QJsonObject> m_whole; // records kept entire (Row::Whole)
};

} // namespace UserDesk
