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
    Mode mode, const SandboxStore &store, std::optional<qint64> pathParentId, qint64 selfId)
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
    // The parent (user of a post or todo, post of a comment): the path's {id} wins over the body.
    const auto requireParent = [&]() {
        const SandboxResource::Kind parentKind = *SandboxResource::parent(kind);
        const QString column = SandboxResource::parentColumn(kind);
        const QString errorField = SandboxResource::parentErrorField(kind);
        if (pathParentId) {
            if (!store.exists(parentKind, *pathParentId))
                result.errors.append({ errorField, QStringLiteral("must exist") });
            else if (create)
                result.values.insert(column, *pathParentId);
            return;
        }
        if (!create && !body.contains(column))
            return;
        const std::optional<qint64> parentId = integer(body.value(column));
        if (!parentId || !store.exists(parentKind, *parentId))
            result.errors.append({ errorField, QStringLiteral("must exist") });
        else
            result.values.insert(column, *parentId);
    };
    const auto requireEmail = [&]() {
        if (!checked("email"))
            return false;
        const QString email = text(body.value(QLatin1String("email"))).trimmed();
        if (email.isEmpty())
            fail("email", Blank);
        else if (!isEmail(email))
            fail("email", QStringLiteral("is invalid"));
        else
            return true;
        return false;
    };

    switch (kind) {
    case SandboxResource::Users: {
        if (requireEmail()) {
            const QString email = text(body.value(QLatin1String("email"))).trimmed();
            if (store.emailTaken(email, selfId))
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
        requireParent();
        requireText("title");
        requireText("body");
        break;
    case SandboxResource::Todos:
        requireParent();
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
    case SandboxResource::Comments:
        requireParent();
        requireText("name");
        if (requireEmail())
            result.values.insert(QStringLiteral("email"), text(body.value(QLatin1String("email"))).trimmed());
        requireText("body");
        break;
    }
    return result;
}

std::optional<QString> SandboxValidator::invalidUnicodeField(const QByteArray &body)
{
    // A walk over the JSON text that knows strings, escapes and the top-level keys; the parser
    // itself is left to QJsonDocument. Qt would turn a lone surrogate escape, or a malformed UTF-8
    // sequence, into some other character and store it without a word.
    QByteArray key; // the current top-level key
    QList<char> containers;
    bool expectKey = false;
    const qsizetype size = body.size();
    const auto bad = [&]() {
        return std::optional<QString>(key.isEmpty() ? QStringLiteral("body") : QString::fromUtf8(key));
    };
    const auto hexUnit = [&](qsizetype at) -> int {
        if (at + 4 > size)
            return -1;
        bool ok = false;
        const int unit = body.mid(at, 4).toInt(&ok, 16);
        return ok ? unit : -1;
    };
    for (qsizetype i = 0; i < size; ++i) {
        const char c = body.at(i);
        if (c == '{' || c == '[') {
            containers.append(c);
            expectKey = c == '{';
        } else if (c == '}' || c == ']') {
            if (!containers.isEmpty())
                containers.removeLast();
        } else if (c == ',') {
            expectKey = !containers.isEmpty() && containers.last() == '{';
        } else if (c == ':') {
            expectKey = false;
        } else if (c == '"') {
            const bool isTopKey = expectKey && containers.size() == 1;
            const qsizetype start = i + 1;
            bool highPending = false;
            for (++i; i < size; ++i) {
                const uchar b = uchar(body.at(i));
                if (b == '"') {
                    break;
                } else if (b == '\\') {
                    if (i + 1 >= size)
                        return std::nullopt; // not JSON: the parser says so
                    if (body.at(i + 1) != 'u') {
                        if (highPending)
                            return bad();
                        ++i;
                        continue;
                    }
                    const int unit = hexUnit(i + 2);
                    if (unit < 0)
                        return std::nullopt;
                    i += 5;
                    if (unit >= 0xD800 && unit <= 0xDBFF) {
                        if (highPending)
                            return bad();
                        highPending = true;
                    } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
                        if (!highPending)
                            return bad();
                        highPending = false;
                    } else if (highPending) {
                        return bad();
                    }
                    continue;
                }
                if (highPending)
                    return bad();
                if (b < 0x80)
                    continue;
                // A UTF-8 sequence: right length, continuation bytes, no overlong form, no
                // surrogate, nothing past U+10FFFF.
                int length = 0;
                uint code = 0;
                if (b >= 0xC2 && b <= 0xDF) {
                    length = 2;
                    code = b & 0x1F;
                } else if (b >= 0xE0 && b <= 0xEF) {
                    length = 3;
                    code = b & 0x0F;
                } else if (b >= 0xF0 && b <= 0xF4) {
                    length = 4;
                    code = b & 0x07;
                } else {
                    return bad();
                }
                if (i + length > size)
                    return bad();
                for (int k = 1; k < length; ++k) {
                    const uchar next = uchar(body.at(i + k));
                    if ((next & 0xC0) != 0x80)
                        return bad();
                    code = (code << 6) | (next & 0x3F);
                }
                if ((length == 3 && code < 0x800) || (length == 4 && (code < 0x10000 || code > 0x10FFFF))
                    || (code >= 0xD800 && code <= 0xDFFF))
                    return bad();
                i += length - 1;
            }
            if (highPending)
                return bad();
            if (isTopKey)
                key = body.mid(start, i - start);
        }
    }
    return std::nullopt;
}

} // namespace UserDesk
