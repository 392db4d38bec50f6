#include "sandboxvalidator.h"

#include "sandboxstore.h"

#include <QDateTime>
#include <QJsonValue>
#include <QRegularExpression>
#include <QTimeZone>
#include <cmath>

namespace UserDesk {

namespace {

const QString Blank = QStringLiteral("can't be blank");
// GoRest's own wording, typo included: clients match on it.
const QString GenderMessage = QStringLiteral("can't be blank, can be male of female");

// Rails-style coercion: scalars become text, null and containers count as blank.
QString text(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double:
        return value.toVariant().toString();
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    default:
        return QString();
    }
}

bool isBlank(const QJsonValue &value)
{
    return text(value).trimmed().isEmpty();
}

std::optional<qint64> integer(const QJsonValue &value)
{
    if (value.isDouble()) {
        const double d = value.toDouble();
        // Range first: casting a double outside qint64 is undefined behaviour.
        if (!std::isfinite(d) || std::abs(d) >= 9.2e18 || d != std::floor(d))
            return std::nullopt;
        return qint64(d);
    }
    if (value.isString()) {
        bool ok = false;
        const qint64 id = value.toString().trimmed().toLongLong(&ok);
        if (ok)
            return id;
    }
    return std::nullopt;
}

bool isEmail(const QString &email)
{
    static const QRegularExpression pattern(QStringLiteral(R"(^[^@\s]+@[^@\s]+\.[^@\s]+$)"));
    return pattern.match(email).hasMatch();
}

} // namespace

std::optional<QString> SandboxValidator::normaliseDueOn(const QString &input)
{
    const QString trimmed = input.trimmed();
    constexpr int IndiaOffset = 5 * 3600 + 30 * 60;
    QDateTime when;
    if (trimmed.size() == 10) {
        const QDate date = QDate::fromString(trimmed, Qt::ISODate);
        if (!date.isValid())
            return std::nullopt;
        when = QDateTime(date, QTime(0, 0), QTimeZone(IndiaOffset));
    } else {
        when = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
        if (!when.isValid())
            return std::nullopt;
        // No offset given: read it as GoRest does, in India's time zone.
        if (when.timeSpec() == Qt::LocalTime)
            when = QDateTime(when.date(), when.time(), QTimeZone(IndiaOffset));
        else
            when = when.toTimeZone(QTimeZone(IndiaOffset));
    }
    return when.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")) + QStringLiteral("+05:30");
}

SandboxValidator::Result SandboxValidator::validate(SandboxResource::Kind kind, const QJsonObject &body,
    Mode mode, const SandboxStore &store, std::optional<qint64> pathUserId, qint64 selfId)
{
    Result result;
    const bool create = mode == Mode::Create;
    // A field is checked when creating, or when an update sends it.
    const auto checked = [&](const char *field) { return create || body.contains(QLatin1String(field)); };
    const auto fail = [&](const char *field, const QString &message) {
        result.errors.append({ QString::fromLatin1(field), message });
    };
    const auto requireText = [&](const char *field) {
        if (!checked(field))
            return;
        const QJsonValue value = body.value(QLatin1String(field));
        if (isBlank(value))
            fail(field, Blank);
        else
            result.values.insert(QString::fromLatin1(field), text(value));
    };
    const auto requireOneOf = [&](const char *field, const QStringList &allowed, const QString &message) {
        if (!checked(field))
            return;
        const QString value = text(body.value(QLatin1String(field))).trimmed();
        if (!allowed.contains(value))
            fail(field, message);
        else
            result.values.insert(QString::fromLatin1(field), value);
    };
    const auto requireUser = [&]() {
        if (pathUserId) {
            if (!store.exists(SandboxResource::Users, *pathUserId))
                fail("user", QStringLiteral("must exist"));
            else if (create)
                result.values.insert(QStringLiteral("user_id"), *pathUserId);
            return;
        }
        if (!checked("user_id"))
            return;
        const std::optional<qint64> userId = integer(body.value(QLatin1String("user_id")));
        if (!userId || !store.exists(SandboxResource::Users, *userId))
            fail("user", QStringLiteral("must exist"));
        else
            result.values.insert(QStringLiteral("user_id"), *userId);
    };

    switch (kind) {
    case SandboxResource::Users: {
        if (checked("email")) {
            const QString email = text(body.value(QLatin1String("email"))).trimmed();
            if (email.isEmpty())
                fail("email", Blank);
            else if (!isEmail(email))
                fail("email", QStringLiteral("is invalid"));
            else if (store.emailTaken(email, selfId))
                fail("email", QStringLiteral("has already been taken"));
            else
                result.values.insert(QStringLiteral("email"), email);
        }
        requireText("name");
        requireOneOf("gender", { QStringLiteral("male"), QStringLiteral("female") }, GenderMessage);
        // GoRest says only "can't be blank" for a status outside active|inactive too.
        requireOneOf("status", { QStringLiteral("active"), QStringLiteral("inactive") }, Blank);
        break;
    }
    case SandboxResource::Posts:
        requireUser();
        requireText("title");
        requireText("body");
        break;
    case SandboxResource::Todos:
        requireUser();
        requireText("title");
        if (checked("due_on") && body.contains(QLatin1String("due_on"))) {
            const QJsonValue due = body.value(QLatin1String("due_on"));
            if (isBlank(due)) {
                result.values.insert(QStringLiteral("due_on"), QVariant());
            } else if (const auto normalised = normaliseDueOn(text(due))) {
                result.values.insert(QStringLiteral("due_on"), *normalised);
            } else {
                fail("due_on", QStringLiteral("is invalid"));
            }
        }
        requireOneOf("status", { QStringLiteral("pending"), QStringLiteral("completed") }, Blank);
        break;
    }
    return result;
}

} // namespace UserDesk
