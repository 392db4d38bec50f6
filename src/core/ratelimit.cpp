#include "ratelimit.h"

#include <QLocale>
#include <QTimeZone>

namespace UserDesk {

namespace {
constexpr int maxHintSeconds = 24 * 3600; // a longer wait is a server bug, not advice

int headerInt(const RawHeaders &headers, const QByteArray &name)
{
    bool ok = false;
    const qint64 v = headerValue(headers, name).trimmed().toLongLong(&ok);
    if (!ok || v < 0)
        return -1;
    return static_cast<int>(std::min<qint64>(v, std::numeric_limits<int>::max()));
}
} // namespace

RateLimitInfo RateLimitInfo::fromHeaders(const RawHeaders &headers, qint64 nowMs)
{
    RateLimitInfo info;
    info.limit = headerInt(headers, "X-RateLimit-Limit");
    info.remaining = headerInt(headers, "X-RateLimit-Remaining");
    info.resetSeconds = std::min(headerInt(headers, "X-RateLimit-Reset"), maxHintSeconds);
    info.receivedAtMs = nowMs;
    return info;
}

int parseRetryAfter(const QByteArray &value, const QDateTime &now)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return -1;
    bool ok = false;
    const qint64 seconds = v.toLongLong(&ok);
    if (ok)
        return seconds < 0 ? -1 : static_cast<int>(std::min<qint64>(seconds, maxHintSeconds));
    // IMF-fixdate, e.g. "Wed, 21 Oct 2015 07:28:00 GMT" (RFC 9110 section 5.6.7).
    const QString text = QString::fromLatin1(v);
    QDateTime when = QLocale::c().toDateTime(text, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!when.isValid())
        return -1;
    when.setTimeZone(QTimeZone::utc());
    const qint64 diff = now.secsTo(when);
    return static_cast<int>(std::clamp<qint64>(diff, 0, maxHintSeconds));
}

int serverRetryHintSeconds(const RawHeaders &headers, const QDateTime &now)
{
    const int retryAfter = parseRetryAfter(headerValue(headers, "Retry-After"), now);
    if (retryAfter >= 0)
        return retryAfter;
    const int reset = headerInt(headers, "X-RateLimit-Reset");
    return reset < 0 ? -1 : std::min(reset, maxHintSeconds);
}

} // namespace UserDesk
