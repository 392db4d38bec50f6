#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace UserDesk {

// One field-level complaint from a 422 answer: {"field":"email","message":"has already been taken"}.
struct FieldError
{
    QString field;
    QString message;

    bool operator==(const FieldError &other) const
    {
        return field == other.field && message == other.message;
    }
};

// Certificate facts kept with a TLS failure so the person can decide whether to trust it.
struct CertificateInfo
{
    QString subject;
    QString issuer;
    QString sha256Fingerprint; // lower-case hex, no separators
    QString validFrom;
    QString validUntil;
    QStringList errors;
};

// Why a request ended without the answer the caller wanted, told apart by what a person or a retry
// policy would do about it.
class ApiError
{
public:
    enum class Kind {
        None,
        Network, // refused, reset, host not found
        Timeout, // transfer timeout, not a cancel
        Canceled, // ended on purpose by the caller
        Tls,
        BadRequest, // 400
        Unauthorized, // 401
        Forbidden, // 403
        NotFound, // 404
        Validation, // 422 with field errors
        RateLimited, // 429
        Server, // 5xx
        HttpOther, // any other unexpected status
        BadResponse, // not JSON, wrong types, too large, too deep, truncated
        // A write that may or may not have been applied: its answer was lost and reading the resource back
        // could not tell. Never a success and never a plain failure.
        Unknown,
    };

    ApiError() = default;
    ApiError(Kind kind, QString message, int httpStatus = 0);

    Kind kind() const { return m_kind; }
    bool isError() const { return m_kind != Kind::None; }
    int httpStatus() const { return m_httpStatus; }
    QString message() const { return m_message; }
    QList<FieldError> fieldErrors() const { return m_fieldErrors; }
    void setFieldErrors(const QList<FieldError> &errors) { m_fieldErrors = errors; }
    CertificateInfo certificate() const { return m_certificate; }
    void setCertificate(const CertificateInfo &info) { m_certificate = info; }
    // Body of the answer as received (capped), for the "show the raw exchange" path.
    QByteArray rawBody() const { return m_rawBody; }
    void setRawBody(const QByteArray &body) { m_rawBody = body; }
    // Seconds the server asked us to wait (Retry-After or X-RateLimit-Reset), -1 when it did not say.
    int retryAfterSeconds() const { return m_retryAfterSeconds; }
    void setRetryAfterSeconds(int seconds) { m_retryAfterSeconds = seconds; }
    // The transfer broke off mid-answer: a transport accident, unlike a complete but malformed body.
    bool isTruncated() const { return m_truncated; }
    void setTruncated(bool truncated) { m_truncated = truncated; }

    // One sentence a person understands, e.g. "The server refused the data: email has already been taken."
    QString userMessage() const;
    static QString kindName(Kind kind);

    static ApiError fromHttpStatus(int status, const QByteArray &body);
    static ApiError badResponse(const QString &why);
    // A write whose outcome could not be established; `why` is the failure that kept it from being known.
    static ApiError unknownOutcome(const QString &what, const ApiError &why);

private:
    Kind m_kind = Kind::None;
    int m_httpStatus = 0;
    int m_retryAfterSeconds = -1;
    bool m_truncated = false;
    QString m_message;
    QList<FieldError> m_fieldErrors;
    CertificateInfo m_certificate;
    QByteArray m_rawBody;
};

// Parses GoRest's 422 body, an array of {field, message}; tolerates a single object or {"errors":[...]}.
QList<FieldError> parseFieldErrors(const QByteArray &body, bool *ok = nullptr);

} // namespace UserDesk

Q_DECLARE_METATYPE(UserDesk::ApiError)
