#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

namespace UserDesk {

using RawHeaders = QList<QPair<QByteArray, QByteArray>>;

// Case-insensitive header lookup; empty when absent. The first occurrence wins.
inline QByteArray headerValue(const RawHeaders &headers, const QByteArray &name)
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

inline bool hasHeader(const RawHeaders &headers, const QByteArray &name)
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// One request and its answer as the request log keeps it: secrets already redacted, bodies capped.
struct HttpExchange
{
    quint64 sequence = 0; // unique within a RequestLog
    quint64 requestId = 0;
    int attempt = 1;
    QByteArray method;
    QUrl url;
    RawHeaders requestHeaders;
    QByteArray requestBody;
    QDateTime startedAt;
    bool finished = false;
    int httpStatus = 0; // 0 when no answer arrived
    RawHeaders responseHeaders;
    QByteArray responseBody;
    bool responseBodyTruncated = false;
    qint64 responseBytes = 0;
    QString protocol; // "HTTP/1.1" or "HTTP/2"; empty when no answer arrived
    qint64 wireBytes = -1; // the body as it crossed the wire, compressed; -1 when it was not
    qint64 elapsedMs = -1;
    QString error; // empty on success
    QString note; // what the log should say about the exchange besides it, e.g. that it was re-sent by hand
};

} // namespace UserDesk
