#include "exchangeformat.h"

#include "jsonformat.h"

#include <QCoreApplication>

namespace UserDesk::ExchangeFormat {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("UserDesk::ExchangeFormat", text);
}

QString headersText(const RawHeaders &headers, QLatin1Char direction)
{
    QString text;
    for (const auto &h : headers)
        text += direction + QLatin1Char(' ') + QString::fromLatin1(h.first) + QStringLiteral(": ")
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
    // As curl -v writes it: '>' what went out, '<' what came back.
    QString text = QStringLiteral("> ") + QString::fromLatin1(ex.method) + QLatin1Char(' ')
        + ex.url.toDisplayString(QUrl::RemoveUserInfo) + QStringLiteral("  (")
        + tr("attempt %1, started %2")
              .arg(ex.attempt)
              .arg(ex.startedAt.toLocalTime().toString(Qt::ISODateWithMs))
        + QStringLiteral(")\n");
    if (!ex.note.isEmpty())
        text += QStringLiteral("* ") + ex.note + QLatin1Char('\n');
    text += headersText(ex.requestHeaders, QLatin1Char('>'));
    if (!ex.requestBody.isEmpty())
        text += QLatin1Char('\n') + body(ex.requestBody, maxBodyChars) + QLatin1Char('\n');
    text += QLatin1Char('\n');
    if (!ex.finished)
        return text + tr("Waiting for the answer…");
    text += QStringLiteral("< ");
    if (ex.httpStatus) {
        if (!ex.protocol.isEmpty())
            text += ex.protocol + QLatin1Char(' ');
        text += tr("%1 in %2 ms, %3 bytes").arg(ex.httpStatus).arg(ex.elapsedMs).arg(ex.responseBytes);
        if (ex.wireBytes >= 0)
            text += tr(" (%1 compressed)").arg(ex.wireBytes);
    } else
        text += tr("no answer after %1 ms").arg(ex.elapsedMs);
    if (!ex.error.isEmpty())
        text += QStringLiteral(" — ") + ex.error;
    text += QLatin1Char('\n') + headersText(ex.responseHeaders, QLatin1Char('<'));
    if (!ex.responseBody.isEmpty()) {
        text += QLatin1Char('\n');
        if (ex.responseBodyTruncated)
            text += tr("(%1 bytes, shortened)").arg(ex.responseBytes) + QLatin1Char('\n');
        text += body(ex.responseBody, maxBodyChars) + QLatin1Char('\n');
    }
    return text;
}

} // namespace UserDesk::ExchangeFormat
