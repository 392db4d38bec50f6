#include "tablestatus.h"

#include <QCoreApplication>
#include <QLocale>
#include <QUrlQuery>

#include <algorithm>

namespace UserDesk {

namespace {
QString number(qint64 n)
{
    return QLocale().toString(n);
}

int plural(qint64 n)
{
    return static_cast<int>(std::min<qint64>(n, 1000000000));
}
} // namespace

QString TableStatus::counts(qint64 loaded, qint64 total, bool filtered)
{
    if (total < 0) {
        return filtered
            ? tr("%1 matching user(s) loaded (filtered)", nullptr, plural(loaded)).arg(number(loaded))
            : tr("%1 user(s) loaded", nullptr, plural(loaded)).arg(number(loaded));
    }
    if (loaded >= total) {
        return filtered
            ? tr("All %1 matching user(s) loaded (filtered)", nullptr, plural(total)).arg(number(total))
            : tr("All %1 user(s) loaded", nullptr, plural(total)).arg(number(total));
    }
    return filtered
        ? tr("%1 of %2 matching user(s) loaded (filtered)", nullptr, plural(total))
              .arg(number(loaded), number(total))
        : tr("Loaded %1 of %2 user(s)", nullptr, plural(total)).arg(number(loaded), number(total));
}

QString TableStatus::partialSort(qint64 loaded, qint64 total, bool loadingRest)
{
    if (loadingRest)
        return tr("Sorted %1 of %2 loaded user(s) — loading the rest", nullptr, plural(total))
            .arg(number(loaded), number(total));
    return tr("Sorted the %1 loaded user(s) only, of %2", nullptr, plural(loaded))
        .arg(number(loaded), number(total));
}

qint64 TableStatus::estimateMs(int pages, const RateLimitInfo &rate, int requestMs)
{
    if (pages <= 0)
        return 0;
    qint64 ms = qint64(pages) * std::max(1, requestMs);
    if (rate.isKnown() && rate.limit > 0) {
        // Requests beyond what is left in this window wait for later windows.
        const qint64 beyond = std::max<qint64>(0, pages - std::max(0, rate.remaining));
        const qint64 windowMs = qint64(rate.resetSeconds > 0 ? std::max(rate.resetSeconds, 1) : 60) * 1000;
        const qint64 windows = (beyond + rate.limit - 1) / rate.limit;
        ms = std::max(ms, windows * windowMs);
    }
    return ms;
}

int TableStatus::measuredPageMs(const RequestLog &log, int fallbackMs)
{
    constexpr int Pages = 5;
    qint64 sum = 0;
    int pages = 0;
    for (int i = log.size() - 1; i >= 0 && pages < Pages; --i) {
        const HttpExchange &exchange = log.at(i);
        const QUrlQuery query(exchange.url);
        const bool listPage = exchange.method == "GET"
            && exchange.url.path().endsWith(QLatin1String("/users"))
            && (query.hasQueryItem(QStringLiteral("page")) || query.hasQueryItem(QStringLiteral("_page")));
        if (!listPage || !exchange.finished || exchange.httpStatus != 200 || exchange.elapsedMs < 0)
            continue;
        sum += exchange.elapsedMs;
        ++pages;
    }
    return pages ? static_cast<int>(std::max<qint64>(1, sum / pages)) : fallbackMs;
}

QString TableStatus::duration(qint64 ms)
{
    const qint64 seconds = (ms + 999) / 1000;
    if (seconds < 90)
        return tr("about %n second(s)", nullptr, plural(std::max<qint64>(1, seconds)));
    const qint64 minutes = (seconds + 30) / 60;
    if (minutes < 90)
        return tr("about %n minute(s)", nullptr, plural(minutes));
    return tr("about %n hour(s)", nullptr, plural((minutes + 30) / 60));
}

} // namespace UserDesk
