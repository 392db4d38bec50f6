#include "dialect.h"

#include <QJsonObject>
#include <QTest>

using namespace UserDesk;

// Dialect: the query each kind of server wants and where its answer keeps the items and the counts.
class TestDialect : public QObject
{
    Q_OBJECT

private slots:
    void namesRoundTrip()
    {
        for (const QString &name : Dialect::names())
            QCOMPARE(Dialect::fromName(name)->name(), name);
        QCOMPARE(Dialect::fromName(QStringLiteral("JSON-Server"))->kind(), Dialect::Kind::JsonServer017);
        QVERIFY(!Dialect::fromName(QStringLiteral("soap")));
        QCOMPARE(Dialect().kind(), Dialect::Kind::GoRestV2);
    }

    void pagingAndFilterQueries()
    {
        UserFilter filter;
        filter.name = QStringLiteral("a.b");
        filter.status = QStringLiteral("active");
        QUrlQuery gorest;
        Dialect(Dialect::Kind::GoRestV2).addPaging(gorest, 2, 5);
        Dialect(Dialect::Kind::GoRestV2).addFilter(gorest, filter);
        QCOMPARE(gorest.toString(), QStringLiteral("page=2&per_page=5&name=a.b&status=active"));
        QUrlQuery old;
        Dialect(Dialect::Kind::JsonServer017).addPaging(old, 2, 5);
        Dialect(Dialect::Kind::JsonServer017).addFilter(old, filter);
        QCOMPARE(old.queryItemValue(QStringLiteral("_page")), QStringLiteral("2"));
        QCOMPARE(old.queryItemValue(QStringLiteral("_limit")), QStringLiteral("5"));
        QCOMPARE(
            old.queryItemValue(QStringLiteral("name_like"), QUrl::FullyDecoded), QStringLiteral("a\\.b"));
        QCOMPARE(old.queryItemValue(QStringLiteral("status")), QStringLiteral("active"));
        QUrlQuery beta;
        Dialect(Dialect::Kind::JsonServer1).addPaging(beta, 3, 7);
        QCOMPARE(beta.toString(), QStringLiteral("_page=3&_per_page=7"));
    }

    void envelopeIsReadForJsonServer1()
    {
        const QByteArray body = R"({"first":1,"prev":1,"next":3,"last":5,"pages":5,"items":30,
            "data":[{"id":1},{"id":2}]})";
        QJsonArray items;
        PageInfo info;
        QString error;
        QVERIFY(Dialect(Dialect::Kind::JsonServer1)
                    .readList(QJsonDocument::fromJson(body), {}, 2, 7, &items, &info, &error));
        QCOMPARE(items.size(), 2);
        QCOMPARE(info.total, 30);
        QCOMPARE(info.pages, 5);
        QCOMPARE(info.page, 2);
        QVERIFY(info.hasNext);

        const QByteArray last = R"({"first":1,"prev":4,"next":null,"last":5,"pages":5,"items":30,"data":[]})";
        QVERIFY(Dialect(Dialect::Kind::JsonServer1)
                    .readList(QJsonDocument::fromJson(last), {}, 5, 7, &items, &info, &error));
        QVERIFY(!info.hasNext);
        // The envelope without data is the wrong shape, and says so.
        QVERIFY(!Dialect(Dialect::Kind::JsonServer1)
                     .readList(QJsonDocument::fromJson(R"({"pages":1})"), {}, 1, 7, &items, &info, &error));
        QVERIFY(error.contains(QLatin1String("data")));
        // GoRest wants an array.
        QVERIFY(!Dialect().readList(QJsonDocument::fromJson(body), {}, 1, 7, &items, &info, &error));
    }

    void detection()
    {
        const auto envelope = QJsonDocument::fromJson(R"({"pages":1,"items":1,"next":null,"data":[]})");
        QCOMPARE(Dialect::detect(envelope, {}).kind(), Dialect::Kind::JsonServer1);
        const auto array = QJsonDocument::fromJson("[]");
        QCOMPARE(Dialect::detect(array, { { "X-Total-Count", "3" } }).kind(), Dialect::Kind::JsonServer017);
        QCOMPARE(Dialect::detect(array, { { "X-Pagination-Total", "3" } }).kind(), Dialect::Kind::GoRestV2);
        QCOMPARE(Dialect::detect(array, {}).kind(), Dialect::Kind::GoRestV2);
    }
};

QTEST_GUILESS_MAIN(TestDialect)
#include "tst_dialect.moc"
