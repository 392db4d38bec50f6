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

    static bool parseFormat(const QString &text, Format *format);
    static QByteArray render(const QList<User> &users, Format format);
    static QByteArray renderOne(const User &user, Format format);

private:
    static QByteArray table(const QList<User> &users);
    static QByteArray json(const QList<User> &users);
    static QByteArray csv(const QList<User> &users);
};

} // namespace UserDesk
