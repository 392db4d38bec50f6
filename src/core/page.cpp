#include "page.h"

#include <QUrlQuery>

namespace UserDesk {

namespace {

std::optional<qint64> headerNumber(const RawHeaders &headers, const QByteArray &name)
{
    const QByteArray v = headerValue(headers, name).trimmed();
    if (v.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 n = v.toLongLong(&ok);
    if (!ok || n < 0)
        return std::nullopt;
    return n;
}

int pageParam(const QUrl &url)
{
    bool ok = false;
    const int p = QUrlQuery(url).queryItemValue(QStringLiteral("page")).toInt(&ok);
    return ok ? p : -1;
}

int pagesFor(qint64 total, int perPage)
{
    if (perPage <= 0)
        return -1;
    return static_cast<int>(
        std::min<qint64>((total + perPage - 1) / perPage, std::numeric_limits<int>::max()));
}

} // namespace

QList<QPair<QString, QUrl>> parseLinkHeader(const QByteArray &value)
{
    QList<QPair<QString, QUrl>> links;
    const QString text = QString::fromUtf8(value);
    qsizetype pos = 0;
    while (pos < text.size()) {
        const qsizetype open = text.indexOf(QLatin1Char('<'), pos);
        if (open < 0)
            break;
        const qsizetype close = text.indexOf(QLatin1Char('>'), open + 1);
        if (close < 0)
            break;
        const QUrl url(text.mid(open + 1, close - open - 1));
        const qsizetype next = text.indexOf(QLatin1Char('<'), close + 1);
        // A comma ends a link-value, but only outside the <...>; parameters sit between '>' and the next ','.
        const qsizetype comma = text.indexOf(QLatin1Char(','), close + 1);
        const qsizetype end = comma < 0 ? (next < 0 ? text.size() : next) : comma;
        const QStringList params
            = text.mid(close + 1, end - close - 1).split(QLatin1Char(';'), Qt::SkipEmptyParts);
        for (const QString &param : params) {
            const QString p = param.trimmed();
            if (!p.startsWith(QLatin1String("rel"), Qt::CaseInsensitive))
                continue;
            const qsizetype eq = p.indexOf(QLatin1Char('='));
            if (eq < 0)
                continue;
            QString rels = p.mid(eq + 1).trimmed();
            if (rels.startsWith(QLatin1Char('"')) && rels.endsWith(QLatin1Char('"')) && rels.size() >= 2)
                rels = rels.mid(1, rels.size() - 2);
            for (const QString &rel : rels.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
                if (url.isValid())
                    links.append({ rel.toLower(), url });
            }
        }
        pos = end + 1;
    }
    return links;
}

PageInfo PageInfo::fromHeaders(
    const RawHeaders &headers, int requestedPage, int requestedPerPage, int itemCount)
{
    PageInfo info;
    info.page = std::max(1, requestedPage);
    // Items returned beat any header: the server can only send up to its real page size.
    info.perPage = std::max({ 1, requestedPerPage, itemCount });

    const auto total = headerNumber(headers, "X-Pagination-Total");
    if (total) {
        info.source = Source::PaginationHeaders;
        info.total = *total;
        // A short page that is not the last one means the server capped per_page below what we asked.
        if (itemCount > 0 && itemCount < requestedPerPage
            && static_cast<qint64>(info.page - 1) * requestedPerPage + itemCount < info.total)
            info.perPage = itemCount;
        if (const auto page = headerNumber(headers, "X-Pagination-Page");
            page && *page > 0 && *page < INT_MAX)
            info.page = static_cast<int>(*page);
        // When the limit header disagrees with what we asked for and got, recompute rather than trust it.
        info.pages = pagesFor(info.total, info.perPage);
        const QByteArray next = headerValue(headers, "X-Links-Next").trimmed();
        if (!next.isEmpty() && next != "null")
            info.nextUrl = QUrl(QString::fromUtf8(next));
        info.hasNext = info.page < info.pages;
        return info;
    }

    const auto links = parseLinkHeader(headerValue(headers, "Link"));
    if (!links.isEmpty()) {
        int lastPage = -1;
        for (const auto &l : links) {
            if (l.first == QLatin1String("next"))
                info.nextUrl = l.second;
            else if (l.first == QLatin1String("last"))
                lastPage = pageParam(l.second);
        }
        info.source = Source::LinkHeader;
        info.hasNext = info.nextUrl.isValid() && !info.nextUrl.isEmpty();
        if (lastPage > 0)
            info.pages = std::max(lastPage, info.page);
        if (const auto count = headerNumber(headers, "X-Total-Count")) {
            info.total = *count;
            info.pages = pagesFor(info.total, info.perPage);
        }
        return info;
    }

    if (const auto count = headerNumber(headers, "X-Total-Count")) {
        info.source = Source::TotalCountHeader;
        info.total = *count;
        info.pages = pagesFor(info.total, info.perPage);
        info.hasNext = info.page < info.pages;
        return info;
    }

    // Nothing to go on but the answer itself: a full page may have a successor, a short one has none.
    info.source = Source::ItemCount;
    info.hasNext = itemCount > 0 && itemCount >= requestedPerPage;
    if (!info.hasNext) {
        info.pages = info.page;
        info.total = static_cast<qint64>(info.page - 1) * info.perPage + itemCount;
    }
    return info;
}

} // namespace UserDesk
