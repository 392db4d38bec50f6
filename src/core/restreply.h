#pragma once

#include "apierror.h"
#include "httpexchange.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <optional>

namespace UserDesk {

// A finished reply captured as plain data, with transport failure kept apart from HTTP status
// (the idea of Qt 6.7's QRestReply, on Qt 6.4). Built from a QNetworkReply or by hand in tests.
class RestReply
{
public:
    // Why the client itself ended a transfer, which QNAM reports as OperationCanceledError either way.
    enum class AbortReason { None, Canceled, TimedOut, TooLarge };

    RestReply() = default;
    static RestReply capture(QNetworkReply *reply, QByteArray body, AbortReason abortReason);

    int httpStatus() const { return m_httpStatus; }
    bool isHttpSuccess() const { return m_httpStatus >= 200 && m_httpStatus < 300; }
    QNetworkReply::NetworkError networkError() const { return m_networkError; }
    const RawHeaders &headers() const { return m_headers; }
    const QByteArray &body() const { return m_body; }

    // The answer's JSON when the body is a complete, shallow-enough JSON document of the expected shape.
    std::optional<QJsonDocument> readJson(int maxDepth, QString *error) const;

    // What went wrong, or Kind::None. A transfer that broke after the status line (truncated body,
    // reset mid-answer) is a BadResponse carrying the status, so a retry policy can tell it arrived.
    ApiError error() const;

    // True when the request may have been acted on by the server: anything but a refusal before the
    // connection, a failed TLS handshake, or an answer saying it was not processed (429, 503).
    bool mayHaveReachedServer() const;

    // For tests and fuzzers.
    static RestReply fromParts(int httpStatus, RawHeaders headers, QByteArray body,
        QNetworkReply::NetworkError error = QNetworkReply::NoError,
        AbortReason abortReason = AbortReason::None, QString errorString = {});

private:
    int m_httpStatus = 0;
    QNetworkReply::NetworkError m_networkError = QNetworkReply::NoError;
    AbortReason m_abortReason = AbortReason::None;
    QString m_errorString;
    RawHeaders m_headers;
    QByteArray m_body;
};

} // namespace UserDesk
