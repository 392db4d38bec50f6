#include "apierror.h"

#include "jsonformat.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace UserDesk {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("UserDesk::ApiError", text);
}

// The server's own {"message": "..."} when it sent one; never more than a line of it.
QString serverMessage(const QByteArray &body)
{
    if (!JsonFormat::withinDepth(body, JsonFormat::defaultMaxDepth))
        return {};
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject())
        return {};
    return doc.object().value(QLatin1String("message")).toString().left(300);
}

// A server's own words as a sentence: "Invalid token" ends with a full stop before anything follows it.
QString asSentence(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || QStringLiteral(".!?…").contains(trimmed.back()))
        return trimmed;
    return trimmed + QLatin1Char('.');
}
} // namespace

ApiError::ApiError(Kind kind, QString message, int httpStatus)
    : m_kind(kind)
    , m_httpStatus(httpStatus)
    , m_message(std::move(message))
{
}

QList<FieldError> parseFieldErrors(const QByteArray &body, bool *ok)
{
    QList<FieldError> errors;
    if (ok)
        *ok = false;
    if (!JsonFormat::withinDepth(body, JsonFormat::defaultMaxDepth))
        return errors;
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    QJsonArray items;
    if (doc.isArray())
        items = doc.array();
    else if (doc.isObject() && doc.object().value(QLatin1String("errors")).isArray())
        items = doc.object().value(QLatin1String("errors")).toArray();
    else if (doc.isObject() && doc.object().contains(QLatin1String("field")))
        items.append(doc.object());
    else
        return errors;
    for (const QJsonValue &item : std::as_const(items)) {
        const QJsonObject o = item.toObject();
        const QJsonValue field = o.value(QLatin1String("field"));
        const QJsonValue message = o.value(QLatin1String("message"));
        if (!field.isString() || !message.isString())
            return {};
        errors.append({ field.toString(), message.toString() });
    }
    if (ok)
        *ok = true;
    return errors;
}

ApiError ApiError::fromHttpStatus(int status, const QByteArray &body)
{
    const QString said = serverMessage(body);
    auto withSaid = [&said](const QString &fallback) { return said.isEmpty() ? fallback : said; };
    ApiError e;
    switch (status) {
    case 400:
        e = ApiError(Kind::BadRequest, withSaid(tr("The server could not read the request.")), status);
        break;
    case 401:
        e = ApiError(Kind::Unauthorized, withSaid(tr("Authentication failed.")), status);
        break;
    case 403:
        e = ApiError(Kind::Forbidden, withSaid(tr("Access denied.")), status);
        break;
    case 404:
        e = ApiError(Kind::NotFound, withSaid(tr("Resource not found.")), status);
        break;
    case 422: {
        bool ok = false;
        const auto fields = parseFieldErrors(body, &ok);
        e = ApiError(Kind::Validation, tr("The server refused the data."), status);
        if (ok)
            e.setFieldErrors(fields);
        break;
    }
    case 429:
        e = ApiError(Kind::RateLimited, withSaid(tr("Too many requests.")), status);
        break;
    default:
        if (status >= 500 && status < 600)
            e = ApiError(
                Kind::Server, withSaid(tr("The server had a problem (HTTP %1).").arg(status)), status);
        else
            e = ApiError(Kind::HttpOther, withSaid(tr("Unexpected answer (HTTP %1).").arg(status)), status);
    }
    e.setRawBody(body.left(64 * 1024));
    return e;
}

ApiError ApiError::badResponse(const QString &why)
{
    return ApiError(Kind::BadResponse, why);
}

ApiError ApiError::unknownOutcome(const QString &what, const ApiError &why)
{
    ApiError e(
        Kind::Unknown, tr("It is not known whether %1: %2").arg(what, why.userMessage()), why.httpStatus());
    e.setRetryAfterSeconds(why.retryAfterSeconds());
    return e;
}

QString ApiError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return QStringLiteral("none");
    case Kind::Network:
        return QStringLiteral("network");
    case Kind::Timeout:
        return QStringLiteral("timeout");
    case Kind::Canceled:
        return QStringLiteral("canceled");
    case Kind::Tls:
        return QStringLiteral("tls");
    case Kind::BadRequest:
        return QStringLiteral("bad-request");
    case Kind::Unauthorized:
        return QStringLiteral("unauthorized");
    case Kind::Forbidden:
        return QStringLiteral("forbidden");
    case Kind::NotFound:
        return QStringLiteral("not-found");
    case Kind::Validation:
        return QStringLiteral("validation");
    case Kind::RateLimited:
        return QStringLiteral("rate-limited");
    case Kind::Server:
        return QStringLiteral("server");
    case Kind::HttpOther:
        return QStringLiteral("http");
    case Kind::BadResponse:
        return QStringLiteral("bad-response");
    case Kind::Unknown:
        return QStringLiteral("unknown");
    }
    return QString();
}

QString ApiError::userMessage() const
{
    switch (m_kind) {
    case Kind::None:
        return QString();
    case Kind::Validation: {
        QStringList parts;
        for (const FieldError &f : m_fieldErrors)
            parts.append(f.field + QLatin1Char(' ') + f.message);
        if (parts.isEmpty())
            return m_message;
        // No status: refused here, before anything was sent.
        return m_httpStatus == 0
            ? tr("The data was not sent: %1.").arg(parts.join(QStringLiteral("; ")))
            : tr("The server refused the data: %1.").arg(parts.join(QStringLiteral("; ")));
    }
    case Kind::Unauthorized:
        return tr("%1 Check the token of this profile.").arg(asSentence(m_message));
    case Kind::Tls:
        return tr("The secure connection failed: %1").arg(asSentence(m_message));
    default:
        return asSentence(m_message);
    }
}

} // namespace UserDesk
