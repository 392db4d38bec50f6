#include "userdraft.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace UserDesk {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("UserDesk::UserDraft", text);
}

void putIfSet(QJsonObject &o, QLatin1String key, const std::optional<QString> &value)
{
    if (value)
        o.insert(key, value->trimmed());
}
} // namespace

QJsonObject UserDraft::toJson() const
{
    QJsonObject o;
    putIfSet(o, QLatin1String("name"), name);
    putIfSet(o, QLatin1String("email"), email);
    putIfSet(o, QLatin1String("gender"), gender);
    putIfSet(o, QLatin1String("status"), status);
    return o;
}

bool UserDraft::isPlausibleEmail(const QString &email)
{
    // Deliberately loose: the server has the last word; this only catches typos before a round trip.
    static const QRegularExpression re(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    return re.match(email.trimmed()).hasMatch();
}

QList<FieldError> UserDraft::validate(bool requireAll) const
{
    QList<FieldError> errors;
    auto blank = [](const std::optional<QString> &v) { return !v || v->trimmed().isEmpty(); };
    if ((requireAll || name) && blank(name))
        errors.append({ QStringLiteral("name"), tr("can't be blank") });
    if ((requireAll || email) && blank(email))
        errors.append({ QStringLiteral("email"), tr("can't be blank") });
    else if (email && !isPlausibleEmail(*email))
        errors.append({ QStringLiteral("email"), tr("is invalid") });
    if ((requireAll || gender)
        && (blank(gender) || (*gender != QLatin1String("male") && *gender != QLatin1String("female"))))
        errors.append({ QStringLiteral("gender"), tr("must be male or female") });
    if ((requireAll || status)
        && (blank(status) || (*status != QLatin1String("active") && *status != QLatin1String("inactive"))))
        errors.append({ QStringLiteral("status"), tr("must be active or inactive") });
    return errors;
}

UserDraft UserDraft::fromUser(const User &user)
{
    return UserDraft { user.name, user.email, user.gender, user.status };
}

UserDraft UserDraft::changedFields(const User &original, const UserDraft &edited)
{
    UserDraft d;
    auto differs
        = [](const std::optional<QString> &v, const QString &old) { return v && v->trimmed() != old; };
    if (differs(edited.name, original.name))
        d.name = edited.name;
    if (differs(edited.email, original.email))
        d.email = edited.email;
    if (differs(edited.gender, original.gender))
        d.gender = edited.gender;
    if (differs(edited.status, original.status))
        d.status = edited.status;
    return d;
}

} // namespace UserDesk
