#include "page.h"
#include "ratelimit.h"

#include <QTest>

using namespace UserDesk;

// Pagination and rate-limit headers as GoRest, json-server style servers and nothing at all send them.
class TestPageInfo : public QObject
{
    Q_OBJECT

private slots:
    void goRestHeaders()
    {
        const RawHeaders h { { "X-Pagination-Total", "2571" }, { "X-Pagination-Pages", "258" },
            { "X-Pagination-Page", "3" }, { "X-Pagination-Limit", "10" },
            { "X-Links-Next", "https://gorest.co.in/public/v2/users?page=4" } };
        const PageInfo p = PageInfo::fromHeaders(h, 3, 10, 10);
        QCOMPARE(p.source, PageInfo::Source::PaginationHeaders);
        QCOMPARE(p.total, 2571);
        QCOMPARE(p.pages, 258);
        QCOMPARE(p.page, 3);
        QVERIFY(p.hasNext);
        QCOMPARE(p.nextUrl, QUrl(QStringLiteral("https://gorest.co.in/public/v2/users?page=4")));
    }

    void limitHeaderThatLies()
    {
        // Seen on GoRest: per_page=100 returns 100 items while the limit header stays 10.
        const RawHeaders h { { "x-pagination-total", "250" }, { "x-pagination-pages", "25" },
            { "x-pagination-page", "1" }, { "x-pagination-limit", "10" } };
        const PageInfo p = PageInfo::fromHeaders(h, 1, 100, 100);
        QCOMPARE(p.perPage, 100);
        QCOMPARE(p.pages, 3);
        QVERIFY(p.hasNext);
        const RawHeaders lastHeaders { { "x-pagination-total", "250" }, { "x-pagination-page", "3" },
            { "x-pagination-limit", "10" } };
        const PageInfo last = PageInfo::fromHeaders(lastHeaders, 3, 100, 50);
        QVERIFY(!last.hasNext);
    }

    void serverCappedPerPage()
    {
        const RawHeaders h { { "X-Pagination-Total", "1000" }, { "X-Pagination-Page", "1" } };
        const PageInfo p = PageInfo::fromHeaders(h, 1, 500, 100);
        QCOMPARE(p.perPage, 100);
        QCOMPARE(p.pages, 10);
    }

    void edges_data()
    {
        QTest::addColumn<int>("total");
        QTest::addColumn<int>("page");
        QTest::addColumn<int>("items");
        QTest::addColumn<int>("pages");
        QTest::addColumn<bool>("hasNext");
        QTest::newRow("empty") << 0 << 1 << 0 << 0 << false;
        QTest::newRow("exactly one page") << 10 << 1 << 10 << 1 << false;
        QTest::newRow("one more than a page") << 11 << 1 << 10 << 2 << true;
        QTest::newRow("last short page") << 11 << 2 << 1 << 2 << false;
        QTest::newRow("past the end") << 11 << 5 << 0 << 2 << false;
        QTest::newRow("divisible, last") << 30 << 3 << 10 << 3 << false;
    }

    void edges()
    {
        QFETCH(int, total);
        QFETCH(int, page);
        QFETCH(int, items);
        QFETCH(int, pages);
        QFETCH(bool, hasNext);
        const RawHeaders h { { "X-Pagination-Total", QByteArray::number(total) },
            { "X-Pagination-Page", QByteArray::number(page) } };
        const PageInfo p = PageInfo::fromHeaders(h, page, 10, items);
        QCOMPARE(p.pages, pages);
        QCOMPARE(p.hasNext, hasNext);
    }

    void linkHeaderFallback()
    {
        const RawHeaders h { { "Link",
            "<http://x/users?page=3&per_page=10>; rel=\"next\", "
            "<http://x/users?page=9&per_page=10>; rel=\"last\", "
            "<http://x/users?page=1&per_page=10>; rel=\"first prev\"" } };
        const PageInfo p = PageInfo::fromHeaders(h, 2, 10, 10);
        QCOMPARE(p.source, PageInfo::Source::LinkHeader);
        QVERIFY(p.hasNext);
        QCOMPARE(p.pages, 9);
        QCOMPARE(p.nextUrl.toString(), QStringLiteral("http://x/users?page=3&per_page=10"));
        const auto links = parseLinkHeader(h.first().second);
        QCOMPARE(links.size(), 4);
        QCOMPARE(links.at(2).first, QStringLiteral("first"));
        QCOMPARE(links.at(3).first, QStringLiteral("prev"));
    }

    void totalCountFallback()
    {
        const RawHeaders h { { "X-Total-Count", "95" } };
        const PageInfo p = PageInfo::fromHeaders(h, 1, 20, 20);
        QCOMPARE(p.source, PageInfo::Source::TotalCountHeader);
        QCOMPARE(p.pages, 5);
        QVERIFY(p.hasNext);
    }

    void itemCountFallback()
    {
        QVERIFY(PageInfo::fromHeaders({}, 1, 20, 20).hasNext);
        const PageInfo shortPage = PageInfo::fromHeaders({}, 3, 20, 7);
        QVERIFY(!shortPage.hasNext);
        QCOMPARE(shortPage.total, 47);
        QVERIFY(!PageInfo::fromHeaders({}, 1, 20, 0).hasNext);
    }

    void garbageHeadersAreIgnored()
    {
        const RawHeaders h { { "X-Pagination-Total", "-5" }, { "Link", "<<<>>>;;;rel" },
            { "X-Total-Count", "lots" } };
        const PageInfo p = PageInfo::fromHeaders(h, 1, 10, 3);
        QVERIFY(!p.hasNext);
        QCOMPARE(p.total, 3);
    }

    void rateLimitHeaders()
    {
        const RawHeaders h { { "X-RateLimit-Limit", "90" }, { "X-RateLimit-Remaining", "87" },
            { "X-RateLimit-Reset", "42" } };
        const RateLimitInfo r = RateLimitInfo::fromHeaders(h, 1000);
        QVERIFY(r.isKnown());
        QCOMPARE(r.limit, 90);
        QCOMPARE(r.remaining, 87);
        QCOMPARE(r.resetSeconds, 42);
        QVERIFY(!RateLimitInfo::fromHeaders({}, 0).isKnown());
    }

    void retryAfter()
    {
        const QDateTime now = QDateTime(QDate(2015, 10, 21), QTime(7, 28, 0), Qt::UTC);
        QCOMPARE(parseRetryAfter("120", now), 120);
        QCOMPARE(parseRetryAfter(" 7 ", now), 7);
        QCOMPARE(parseRetryAfter("Wed, 21 Oct 2015 07:28:30 GMT", now), 30);
        QCOMPARE(parseRetryAfter("Wed, 21 Oct 2015 07:00:00 GMT", now), 0); // in the past
        QCOMPARE(parseRetryAfter("soon", now), -1);
        QCOMPARE(parseRetryAfter("-3", now), -1);
        QCOMPARE(parseRetryAfter("", now), -1);
        QCOMPARE(parseRetryAfter("99999999999", now), 24 * 3600);
        // GoRest sends no Retry-After on 429, only X-RateLimit-Reset.
        QCOMPARE(serverRetryHintSeconds({ { "X-RateLimit-Reset", "17" } }, now), 17);
        QCOMPARE(serverRetryHintSeconds({ { "Retry-After", "2" }, { "X-RateLimit-Reset", "17" } }, now), 2);
        QCOMPARE(serverRetryHintSeconds({}, now), -1);
    }
};

QTEST_GUILESS_MAIN(TestPageInfo)
#include "tst_pageinfo.moc"
