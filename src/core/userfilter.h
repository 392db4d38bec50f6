#pragma once

#include <QString>
#include <QUrlQuery>

#include "resourceid.h"
#include "user.h"

namespace UserDesk {

// Server-side filters for the users list; empty fields are not sent.
struct UserFilter
{
    QString id; // exactly this id (GoRest's id=N); as typed, so a server with string ids gets it as is
    QString name; // case-insensitive substring on the server
    QString email; // case-insensitive substring on the server
    QString gender;
    QString status;

    bool isEmpty() const
    {
        return id.isEmpty() && name.isEmpty() && email.isEmpty() && gender.isEmpty() && status.isEmpty();
    }
    void addTo(QUrlQuery &query) const;
    // Parses "name=kumar" style terms as the CLI takes them; false for an unknown key.
    bool set(const QString &key, const QString &value);
    // Whether the server would list this user under this filter (GoRest's matching rules).
    bool matches(const User &user) const;

    bool operator==(const UserFilter &o) const
    {
        return id == o.id && name == o.name && email == o.email && gender == o.gender && status == o.status;
    }
    bool operator!=(const UserFilter &o) const { return !(*this == o); }
};

} // namespace UserDesk
