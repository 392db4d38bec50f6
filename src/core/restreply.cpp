#include "restreply.h"

#include "jsonformat.h"
#include "ratelimit.h"

#include <QCoreApplication>

namespace UserDesk {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("UserDesk::RestReply", text);
}
} // namespace

RestReply RestReply::capture(QNetworkReply *reply, QByteArray body, AbortReason abortReason)
{
    RestReply r;
    r.m_httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.m_networkError = reply->error();
    r.m_errorString = reply->errorString();
    r.m_headers = reply->rawHeaderPairs();
    r.m_body = std::move(body);
    r.m_abortReason = abortReason;
    return r;
}

RestReply RestReply::fromParts(int httpStatus, RawHeaders headers, QByteArray body,
    QNetworkReply::NetworkError error, AbortReason abortReason, QString errorString)
{
    RestReply r;
    r.m_httpStatus = httpStatus;
    r.m_headers = std::move(headers);
    r.m_body = std::move(body);
    r.m_networkError = error;
    r.m_abortReason = abortReason;
    r.m_errorString = std::move(errorString);
    return r;
}

std::optional<QJsonDocument> RestReply::readJson(int maxDepth, QString *error) const
{
    return JsonFormat::parse(m_body, maxDepth, error);
}

bool RestReply::mayHaveReachedServer() const
{
    if (m_httpStatus == 429 || m_httpStatus == 503)
        return false;
    if (m_httpStatus != 0)
        return true;
    switch (m_networkError) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::UnknownProxyError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProtocolUnknownError:
        return false;
    default:
        return true;
    }
}

ApiError RestReply::error() const
{
    switch (m_abortReason) {
    case AbortReason::Canceled:
        return ApiError(ApiError::Kind::Canceled, tr("The request was canceled."));
    case AbortReason::TimedOut:
        return ApiError(ApiError::Kind::Timeout, tr("The server did not answer in time."));
    case AbortReason::TooLarge:
        return ApiError(
            ApiError::Kind::BadResponse, tr("The answer is larger than the allowed size."), m_httpStatus);
    case AbortReason::None:
        break;
    }

    // Qt says only "Decompression failed: " (with no reason) when a body does not match its
    // Content-Encoding. That is the server's answer being wrong, not the network.
    if (m_errorString.startsWith(QLatin1String("Decompression failed"))) {
        const QString reason = m_errorString.section(QLatin1Char(':'), 1).trimmed();
        ApiError e(ApiError::Kind::BadResponse,
            reason.isEmpty()
                ? tr("The answer could not be decompressed: its body does not match the Content-Encoding "
                     "the server declared (%1).")
                      .arg(QString::fromLatin1(headerValue(m_headers, "Content-Encoding")))
                : tr("The answer could not be decompressed: %1.").arg(reason),
            m_httpStatus);
        e.setRawBody(m_body.left(64 * 1024));
        return e;
    }

    // QNetworkReply's codes below 100 are the connection's; above, they only restate the HTTP status.
    const bool transferBroke = m_networkError > QNetworkReply::NoError
        && m_networkError < QNetworkReply::ProxyConnectionRefusedError;
    if (m_httpStatus != 0 && transferBroke && !isHttpSuccess()) {
        // The status line arrived, then the transfer broke: the status stands (a cut 404 is a 404), the body
        // cannot be trusted.
        ApiError e = ApiError::fromHttpStatus(m_httpStatus, QByteArray());
        if (m_httpStatus == 429 || m_httpStatus == 503)
            e.setRetryAfterSeconds(serverRetryHintSeconds(m_headers, QDateTime::currentDateTimeUtc()));
        e.setRawBody(m_body.left(64 * 1024));
        e.setTruncated(true);
        return e;
    }
    if (m_httpStatus != 0 && transferBroke) {
        // A success whose body broke off: what was asked for happened, but the body cannot be trusted.
        ApiError e(
            ApiError::Kind::BadResponse, tr("The answer was cut off (%1).").arg(m_errorString), m_httpStatus);
        e.setRawBody(m_body.left(64 * 1024));
        e.setTruncated(true);
        return e;
    }

    if (m_httpStatus == 407 || m_networkError == QNetworkReply::ProxyAuthenticationRequiredError) {
        // The proxy's word, not the server's: the request never got past it.
        return ApiError(ApiError::Kind::Network,
            tr("The proxy asks for credentials (HTTP 407 Proxy Authentication Required): give its user and "
               "password in Preferences (Network), or for userdesk-cli in the proxy's address, as in "
               "http://user:password@proxy:3128."),
            407);
    }
    // nginx finishes the handshake without the certificate it asked for, then answers 400 in HTML.
    if (m_httpStatus == 400 && m_body.contains("No required SSL certificate was sent"))
        return ApiError(ApiError::Kind::Tls,
            tr("The server asks for a client certificate and none was shown: choose one for this profile in "
               "Preferences (Server)."),
            400);
    if (m_httpStatus == 400 && m_body.contains("The SSL certificate error"))
        return ApiError(ApiError::Kind::Tls,
            tr("The server did not accept the client certificate of this profile."), 400);
    if (m_httpStatus != 0 && !isHttpSuccess()) {
        ApiError e = ApiError::fromHttpStatus(m_httpStatus, m_body);
        if (m_httpStatus == 429 || m_httpStatus == 503)
            e.setRetryAfterSeconds(serverRetryHintSeconds(m_headers, QDateTime::currentDateTimeUtc()));
        return e;
    }

    if (m_networkError == QNetworkReply::NoError)
        return {};

    switch (m_networkError) {
    case QNetworkReply::TimeoutError:
        return ApiError(ApiError::Kind::Timeout, tr("The server did not answer in time."));
    case QNetworkReply::OperationCanceledError:
        return ApiError(ApiError::Kind::Canceled, tr("The request was canceled."));
    case QNetworkReply::SslHandshakeFailedError:
        // Servers that end the handshake instead (TLS alert 116, certificate required).
        if (m_errorString.contains(QLatin1String("certificate required")))
            return ApiError(ApiError::Kind::Tls,
                tr("The server asks for a client certificate and none was shown: choose one for this profile "
                   "in Preferences (Server)."));
        return ApiError(ApiError::Kind::Tls, m_errorString);
    case QNetworkReply::ConnectionRefusedError:
        return ApiError(ApiError::Kind::Network, tr("The server refused the connection. Is it running?"));
    case QNetworkReply::HostNotFoundError:
        return ApiError(ApiError::Kind::Network, tr("The server's name could not be found."));
    case QNetworkReply::RemoteHostClosedError:
        return ApiError(ApiError::Kind::Network, tr("The server closed the connection without answering."));
    case QNetworkReply::ContentReSendError:
        // Qt would have sent the request again on a new connection; a write is never sent twice unseen.
        return ApiError(ApiError::Kind::Network,
            tr("The connection closed before the server answered, after the request had gone out; it was not "
               "sent again on its own."));
    case QNetworkReply::InsecureRedirectError:
    case QNetworkReply::TooManyRedirectsError:
        return ApiError(ApiError::Kind::HttpOther, m_errorString);
    default:
        return ApiError(
            ApiError::Kind::Network, m_errorString.isEmpty() ? tr("Network error.") : m_errorString);
    }
}

} // namespace UserDesk
