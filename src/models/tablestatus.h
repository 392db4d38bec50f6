#pragma once

#include "ratelimit.h"
#include "requestlog.h"

#include <QCoreApplication>
#include <QString>

namespace UserDesk {

// The words the window uses to say how much of the server's data a table shows, sorts or exports, and
// what loading the rest would cost. Honest by construction: a count is never rounded into "all".
class TableStatus
{
    Q_DECLARE_TR_FUNCTIONS(UserDesk::TableStatus)

public:
    // "Loaded 40 of 3,000 users", "All 3,000 users loaded", "40 of 776 matching users (filtered)".
    static QString counts(qint64 loaded, qint64 total, bool filtered);
    // While a sort covers only part of the matching users: "Sorted 40 of 2,995 loaded users — loading the
    // rest", or, when the person chose so, "Sorted the 40 loaded users only, of 2,995".
    static QString partialSort(qint64 loaded, qint64 total, bool loadingRest);

    // A rough time to load `pages` more pages one at a time, each taking `requestMs`, within the server's
    // rate limit as last seen (a window of `limit` requests per `resetSeconds`, 60 s when unknown).
    static qint64 estimateMs(int pages, const RateLimitInfo &rate, int requestMs);
    // What a page of the users list took lately, as the request log measured it (the mean of the last few
    // pages that arrived), or `fallbackMs` before any did.
    static int measuredPageMs(const RequestLog &log, int fallbackMs);
    // Whether loading that much deserves a question first: over 100 pages or over a minute.
    static bool isLong(int pages, qint64 estimateMs) { return pages > 100 || estimateMs > 60000; }
    // "about 40 seconds", "about 3 minutes", "about 2 hours".
    static QString duration(qint64 ms);
};

} // namespace UserDesk
