#pragma once

#include "user.h"

#include <QList>
#include <QString>

namespace UserDesk {

// Writes users as an aligned table, a JSON array or CSV (RFC 4180), for people and for scripts.
class UserExport
{
public:
    enum class Format { Table, Json, Csv };
    // For CSV only. A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as a
    // formula, so a name a server sent could do things in the person's spreadsheet. Defused puts a ' in
    // front of such a cell (OWASP's advice), which spreadsheets show as text; Exact keeps every byte, for
    // scripts.
    enum class CsvCells { Exact, Defused };

    static bool parseFormat(const QString &text, Format *format);
    static QByteArray render(const QList<User> &users, Format format, CsvCells cells = CsvCells::Exact);
    static QByteArray renderOne(const User &user, Format format);
    static QString defused(const QString &cell);

private:
    static QByteArray table(const QList<User> &users);
    static QByteArray json(const QList<User> &users);
    static QByteArray csv(const QList<User> &users, CsvCells cells);
};

} // namespace UserDesk
