#include "exchangeformat.h"

#include "jsonformat.h"

#include <QCoreApplication>

namespace UserDesk::ExchangeFormat {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("UserDesk::ExchangeFormat", text);
}

QString headersText(const RawHeaders &headers)
{
    QString text;
    for (const auto &h : headers)
        text += QStringLiteral("  ") + QString::fromLatin1(h.first) + QStringLiteral(": ")
            + QString::fromUtf8(h.second) + QLatin1Char('\n');
    return text;
}

QString body(const QByteArray &bytes, int maxChars)
{
    QString text = JsonFormat::pretty(bytes);
    if (maxChars > 0 && text.size() > maxChars) {
        text.truncate(maxChars);
        text += QStringLiteral("\n…");
    }
    return text;
}

} // namespace

QString describe(const HttpExchange &ex, int maxBodyChars)
{
    QString text = QString::fromLatin1(ex.method) + QLatin1Char(' ')
        + ex.url.toDisplayString(QUrl::RemoveUserInfo) + QLatin1Char('\n');
    text += tr("Attempt %1, started %2")
                .arg(ex.attempt)
                .arg(ex.startedAt.toLocalTime().toString(Qt::ISODateWithMs))
        + QLatin1Char('\n');
    text += QLatin1Char('\n') + tr("Request headers:") + QLatin1Char('\n') + headersText(ex.requestHeaders);
    if (!ex.requestBody.isEmpty())
        text += QLatin1Char('\n') + tr("Request body:") + QLatin1Char('\n')
            + body(ex.requestBody, maxBodyChars) + QLatin1Char('\n');
    text += QLatin1Char('\n');
    if (!ex.finished)
        return text + tr("Waiting for the answer…");
    if (ex.httpStatus)
        text += tr("Response: %1 in %2 ms").arg(ex.httpStatus).arg(ex.elapsedMs);
    else
        text += tr("No answer after %1 ms").arg(ex.elapsedMs);
    if (!ex.error.isEmpty())
        text += QStringLiteral(" — ") + ex.error;
    text += QLatin1Char('\n') + tr("Response headers:") + QLatin1Char('\n') + headersText(ex.responseHeaders);
    if (!ex.responseBody.isEmpty()) {
        text += QLatin1Char('\n')
            + tr("Response body (%1 bytes%2):")
                  .arg(ex.responseBytes)
                  .arg(ex.responseBodyTruncated ? tr(", shortened") : QString())
            + QLatin1Char('\n') + body(ex.responseBody, maxBodyChars);
    }
    return text;
}

} // namespace UserDesk::ExchangeFormat
