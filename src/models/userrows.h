#pragma once

#include "user.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSet>
#include <QStringList>

namespace UserDesk {

// The users of a table, kept compact: a million loaded users is a realistic table, and User (four UTF-16
// strings and a JSON object) costs about 280 bytes a user where the same user is about 120 bytes of JSON.
// A row here is 40 bytes plus one allocation holding name and email as UTF-8; gender and status are
// indexes into a small vocabulary. The rare user with unknown fields, with more distinct gender and
// status values than the vocabulary holds, or with text UTF-8 cannot carry (a lone surrogate), is also
// kept whole beside its row, so nothing is lost. A numeric id is the row's number; an id the server sent
// as a string keeps its number there when it has one ("12"), else its text follows the email in the UTF-8
// block, so a row with a text id is no larger.
class UserRows
{
public:
    enum class Field { Id, Name, Email, Gender, Status };

    qsizetype size() const { return m_rows.size(); }
    bool isEmpty() const { return m_rows.isEmpty(); }
    bool contains(const ResourceId &userId) const;
    qsizetype indexOf(const ResourceId &userId) const; // -1 when absent

    void append(const User &user);
    void prepend(const User &user);
    void insert(qsizetype row, const User &user);
    void replace(qsizetype row, const User &user);
    void removeAt(qsizetype row);
    void clear();

    ResourceId id(qsizetype row) const;
    QString name(qsizetype row) const;
    QString email(qsizetype row) const;
    QString gender(qsizetype row) const;
    QString status(qsizetype row) const;
    QString text(qsizetype row, Field field) const;
    User user(qsizetype row) const;
    QList<User> users() const;

    // Orders two rows by one field the way QString::compare() would order the field's text, without
    // building strings when both are ASCII (the common case).
    int compare(qsizetype left, qsizetype right, Field field, Qt::CaseSensitivity cs) const;

    // A copy for reading the rows on another thread: it shares the rows' data (copying costs nothing
    // until either side changes) but leaves out the id index, so contains() and indexOf() find nothing
    // in it, and the next change here need not copy the index.
    UserRows readOnlyCopy() const;

    // How many rows hold a name or email that is not plain ASCII.
    qsizetype nonAsciiCount() const { return m_nonAscii; }
    enum class KeyUnits { AsciiBytes, Utf16 };
    // What follows the characters a sortKey() covers: more of them, nothing, or a surrogate pair, whose
    // folding only compare() knows.
    enum class KeyEnd { More, End, Stop };
    // A 64-bit key that orders rows as compare() does wherever two keys differ: the id, or the field's
    // text from character `offset` on (8 bytes when every name and email is ASCII, else 4 UTF-16 units),
    // case-folded like QString::compare. Rows whose keys agree are ordered by their next keys while both
    // have KeyEnd::More, otherwise by compare().
    quint64 sortKey(qsizetype row, Field field, Qt::CaseSensitivity cs, KeyUnits units, qsizetype offset,
        KeyEnd *end) const;
    // The length of the field's text in UTF-16 units (0 for the id).
    qsizetype textSize(qsizetype row, Field field) const;
    // Whether the field's text contains `needle` (QString::contains), without building a string for
    // ASCII rows; `asciiNeedle` is the needle in UTF-8, lowered when cs is CaseInsensitive, or empty when
    // the needle is not ASCII.
    bool contains(qsizetype row, Field field, const QString &needle, QByteArrayView asciiNeedle,
        Qt::CaseSensitivity cs) const;

private:
    struct Row
    {
        enum Flag : quint8 { Ascii = 1, Whole = 2, TextId = 4, WordId = 8 };
        // The id's number; with WordId (an id without a number), the length of its text in bytes, which
        // follows the email in `text`. TextId: the server sent the id as a string.
        qint64 id = 0;
        QByteArray text; // name, then email, in UTF-8 (then a WordId's text)
        quint32 nameBytes = 0;
        quint8 gender = 0; // index into m_words
        quint8 status = 0;
        quint8 flags = 0;
    };
    static constexpr int MaxWords = 256;

    Row makeRow(const User &user);
    void count(const Row &row, int delta) { m_nonAscii += (row.flags & Row::Ascii) ? 0 : delta; }
    quint8 word(const QString &value, bool *ok);
    void forget(const Row &row);
    void remember(const ResourceId &userId);
    QByteArrayView view(const Row &row, Field field) const;
    static ResourceId idOf(const Row &row);
    static int compareIds(const Row &a, const Row &b);
    const User *whole(const Row &row) const;

    QList<Row> m_rows;
    QSet<qint64> m_ids; // the ids that have a number
    QSet<QString> m_wordIds; // the others
    QStringList m_words;
    QHash<QString, quint8> m_wordIndex;
    QHash<ResourceId, User> m_whole; // users kept entire (Row::Whole)
    qsizetype m_nonAscii = 0;
};

} // namespace UserDesk
