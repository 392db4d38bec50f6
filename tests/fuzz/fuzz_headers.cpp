// Fuzz target: the pagination and rate-limit header readers. The input is a block of "Name: value" lines,
// then after a blank line three numbers (page, per_page, item count) that steer PageInfo.
#include "page.h"
#include "ratelimit.h"

#include <QDateTime>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const qsizetype split = input.indexOf("\n\n");
    UserDesk::RawHeaders headers;
    for (const QByteArray &line : input.left(split < 0 ? input.size() : split).split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            headers.append({ line.left(colon), line.mid(colon + 1).trimmed() });
    }
    const QList<QByteArray> numbers = split < 0 ? QList<QByteArray>() : input.mid(split + 2).split(' ');
    const int page = numbers.value(0).toInt();
    const int perPage = numbers.value(1).toInt();
    const int items = numbers.value(2).toInt();

    const UserDesk::PageInfo info = UserDesk::PageInfo::fromHeaders(headers, page, perPage, items);
    if (info.page < 1 || info.perPage < 1)
        __builtin_trap();
    if (info.pages >= 0 && info.total >= 0 && info.source == UserDesk::PageInfo::Source::PaginationHeaders
        && info.hasNext != (info.page < info.pages))
        __builtin_trap();
    for (const auto &h : headers)
        (void)UserDesk::parseLinkHeader(h.second);
    const QDateTime now = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);
    for (const auto &h : headers) {
        const int seconds = UserDesk::parseRetryAfter(h.second, now);
        if (seconds < -1 || seconds > 24 * 3600)
            __builtin_trap();
    }
    const UserDesk::RateLimitInfo rate = UserDesk::RateLimitInfo::fromHeaders(headers, 0);
    if (rate.resetSeconds > 24 * 3600)
        __builtin_trap();
    (void)UserDesk::serverRetryHintSeconds(headers, now);
    return 0;
}
