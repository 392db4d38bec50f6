#pragma once

#include "httpexchange.h"

#include <QDateTime>
#include <QMetaType>

namespace UserDesk {

// The server's request budget as its X-RateLimit-* headers last described it.
struct RateLimitInfo
{
    int limit = -1;
    int remaining = -1;
    int resetSeconds = -1; // seconds until the allowance refills, as of receivedAtMs
    qint64 receivedAtMs = 0;

    bool isKnown() const { return limit >= 0 && remaining >= 0; }
    // When the allowance refills, on the clock that gave receivedAtMs; the header is rounded up to whole
    // seconds, so this is never before the server's own reset.
    qint64 resetAtMs() const { return receivedAtMs + qint64(resetSeconds > 0 ? resetSeconds : 0) * 1000; }
    static RateLimitInfo fromHeaders(const RawHeaders &headers, qint64 nowMs);

    bool operator==(const RateLimitInfo &o) const
    {
        return limit == o.limit && remaining == o.remaining && resetSeconds == o.resetSeconds;
    }
    bool operator!=(const RateLimitInfo &o) const { return !(*this == o); }
};

// Retry-After as seconds ("120") or an HTTP date; -1 when absent or unreadable. Dates in the past give 0.
int parseRetryAfter(const QByteArray &value, const QDateTime &now);

// How long a 429 or 503 answer asks us to wait: Retry-After first, then GoRest's X-RateLimit-Reset.
int serverRetryHintSeconds(const RawHeaders &headers, const QDateTime &now);

} // namespace UserDesk

Q_DECLARE_METATYPE(UserDesk::RateLimitInfo)
