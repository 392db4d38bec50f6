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
// kept whole beside its row, so nothing is lost.
class UserRows
{
public:
    enum class Field { Id, Name, Email, Gender, Status };

    qsizetype size() const { return m_rows.size(); }
    bool isEmpty() const { return m_rows.isEmpty(); }
    bool contains(qint64 userId) const { return m_ids.contains(userId); }
    qsizetype indexOf(qint64 userId) const; // -1 when absent

    void append(const User &user);
    void prepend(const User &user);
    void replace(qsizetype row, const User &user);
    void removeAt(qsizetype row);
    void clear();

    qint64 id(qsizetype row) const { return m_rows.at(row).id; }
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

private:
    struct Row
    {
        enum Flag : quint8 { Ascii = 1, Whole = 2 };
        qint64 id = 0;
        QByteArray text; // name, then email, in UTF-8
        quint32 nameBytes = 0;
        quint8 gender = 0; // index into m_words
        quint8 status = 0;
        quint8 flags = 0;
    };
    static constexpr int MaxWords = 256;

    Row makeRow(const User &user);
    quint8 word(const QString &value, bool *ok);
    void forget(const Row &row);
    QByteArrayView view(const Row &row, Field field) const;
    const User *whole(const Row &row) const;

    QList<Row> m_rows;
    QSet<qint64> m_ids;
    QStringList m_words;
    QHash<QString, quint8> m_wordIndex;
    QHash<qint64, User> m_whole; // users kept entire (Row::Whole)
};

} // namespace UserDesk
