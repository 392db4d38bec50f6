#include "pagingguard.h"
#include "translations.h"

#include <QTest>

using namespace UserDesk;

namespace {
QList<ResourceId> range(qint64 first, qint64 count)
{
    QList<ResourceId> ids;
    for (qint64 i = 0; i < count; ++i)
        ids.append(first + i);
    return ids;
}
} // namespace

// PagingGuard: every way a server can keep a "next page" loop going ends it, and says why.
class TestPaging : public QObject
{
    Q_OBJECT

private slots:
    // English needs its catalogue for the plural forms ("1 page", "3 pages"), as the programs load it.
    void initTestCase() { Translations::install(QCoreApplication::instance(), QStringLiteral("en")); }
    void ordinaryWalkGoesOn()
    {
        PagingGuard guard;
        QCOMPARE(guard.accept(1, 10, range(1, 10), true), PagingGuard::Stop::None);
        QCOMPARE(guard.accept(2, 10, range(11, 10), true), PagingGuard::Stop::None);
        QCOMPARE(guard.accept(3, 10, range(21, 4), false), PagingGuard::Stop::None);
        QVERIFY(!guard.stoppedEarly());
        QVERIFY(guard.reason().isEmpty());
        QCOMPARE(guard.pagesAccepted(), 3);
    }

    void emptyPageEndsTheList()
    {
        PagingGuard guard;
        guard.accept(1, 10, range(1, 10), true);
        QCOMPARE(guard.accept(2, 10, {}, true), PagingGuard::Stop::EmptyPage);
        QVERIFY(!guard.stoppedEarly());
        QVERIFY(guard.reason().endsWith(QLatin1Char('.')));
    }

    void pageBiggerThanAskedStops()
    {
        // json-server 0.17 ignores page/per_page: 500 users for a page of 100.
        PagingGuard guard;
        QCOMPARE(guard.accept(1, 100, range(1, 500), true), PagingGuard::Stop::OversizedPage);
        QVERIFY(guard.stoppedEarly());
        QVERIFY2(guard.reason().contains(QLatin1String("500")), qPrintable(guard.reason()));
        // Once stopped, it stays stopped.
        QCOMPARE(guard.accept(2, 100, range(501, 10), true), PagingGuard::Stop::OversizedPage);
    }

    void textIdsAreTrackedLikeNumbers()
    {
        // json-server 1.x: ids are strings. Text ids walk on, and a repeat of them is still a repeat.
        auto texts = [](const QStringList &list) {
            QList<ResourceId> ids;
            for (const QString &t : list)
                ids.append(ResourceId::fromText(t));
            return ids;
        };
        PagingGuard guard;
        QCOMPARE(guard.accept(1, 2, texts({ QStringLiteral("3f0a"), QStringLiteral("1") }), true),
            PagingGuard::Stop::None);
        QVERIFY(guard.isKnown(ResourceId::fromText(QStringLiteral("3f0a"))));
        QVERIFY(guard.isKnown(1)); // the number 1 and the string "1" are one id
        QCOMPARE(guard.accept(2, 2, texts({ QStringLiteral("b"), QStringLiteral("c") }), true),
            PagingGuard::Stop::None);
        QCOMPARE(guard.accept(3, 2, texts({ QStringLiteral("b"), QStringLiteral("c") }), true),
            PagingGuard::Stop::RepeatedPage);
    }

    void repeatedPageStops()
    {
        PagingGuard guard;
        QCOMPARE(guard.accept(1, 10, range(1, 10), true), PagingGuard::Stop::None);
        QCOMPARE(guard.accept(2, 10, range(1, 10), true), PagingGuard::Stop::RepeatedPage);
        QVERIFY2(guard.reason().contains(QLatin1String("page 1")), qPrintable(guard.reason()));
    }

    void pageOfOnlyKnownIdsStops()
    {
        PagingGuard guard;
        guard.accept(1, 10, range(1, 10), true);
        guard.accept(2, 10, range(11, 10), true);
        // Ids all seen before, but not one earlier page repeated.
        QCOMPARE(guard.accept(3, 10, range(6, 10), true), PagingGuard::Stop::OnlyKnownItems);
        QVERIFY(guard.stoppedEarly());
    }

    void pageWithSomeNewIdsGoesOn()
    {
        // Pages shift under a walk when users are created: overlap is fine as long as something is new.
        PagingGuard guard;
        guard.accept(1, 10, range(1, 10), true);
        QCOMPARE(guard.accept(2, 10, range(10, 10), true), PagingGuard::Stop::None);
    }

    void pageCapStopsOnlyWhenMoreIsExpected()
    {
        PagingGuard guard(3);
        QCOMPARE(guard.accept(1, 2, range(1, 2), true), PagingGuard::Stop::None);
        QCOMPARE(guard.accept(2, 2, range(3, 2), true), PagingGuard::Stop::None);
        QCOMPARE(guard.accept(3, 2, range(5, 2), true), PagingGuard::Stop::PageCap);
        QVERIFY(guard.reason().contains(QLatin1String("3 pages")));

        PagingGuard last(3);
        last.accept(1, 2, range(1, 2), true);
        last.accept(2, 2, range(3, 2), true);
        QCOMPARE(last.accept(3, 2, range(5, 1), false), PagingGuard::Stop::None);
    }

    void resetStartsOver()
    {
        PagingGuard guard;
        guard.accept(1, 10, range(1, 10), true);
        guard.accept(2, 10, range(1, 10), true);
        guard.reset();
        QCOMPARE(guard.stop(), PagingGuard::Stop::None);
        QCOMPARE(guard.accept(1, 10, range(1, 10), true), PagingGuard::Stop::None);
    }
};

QTEST_GUILESS_MAIN(TestPaging)
#include "tst_paging.moc"
