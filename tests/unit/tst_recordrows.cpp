#include "recordrows.h"

#include <QJsonDocument>
#include <QTest>

using namespace UserDesk;

namespace {
QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}
} // namespace

// RecordRows keeps records compact and gives back exactly what the server sent.
class TestRecordRows : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTripsEveryShape_data();
    void roundTripsEveryShape();
    void findsByIdWhateverItsType();
    void replacesAndRemoves();
    void refusesARecordWithoutId();
    void comparesByTypeAndText();
    void readsGoRestDateTimes();
};

void TestRecordRows::roundTripsEveryShape_data()
{
    QTest::addColumn<QString>("resource");
    QTest::addColumn<QByteArray>("record");
    QTest::newRow("post") << "posts"
                          << QByteArray(R"({"id":7,"user_id":3,"title":"Hello","body":"Plain text"})");
    QTest::newRow("unicode body") << "posts"
                                  << QByteArray(R"({"id":8,"user_id":3,"title":"नमस्ते","body":"Grüße 😀"})");
    QTest::newRow("text ids") << "posts"
                              << QByteArray(R"({"id":"3f0a","user_id":"u1","title":"t","body":"b"})");
    QTest::newRow("digit text id") << "posts"
                                   << QByteArray(R"({"id":"12","user_id":3,"title":"t","body":"b"})");
    QTest::newRow("todo null due")
        << "todos" << QByteArray(R"({"id":1,"user_id":2,"title":"t","due_on":null,"status":"pending"})");
    QTest::newRow("todo due") << "todos"
                              << QByteArray(
                                     R"({"id":2,"user_id":2,"title":"t",)"
                                     R"("due_on":"2026-07-01T00:00:00.000+05:30","status":"completed"})");
    QTest::newRow("field missing") << "comments"
                                   << QByteArray(R"({"id":5,"post_id":9,"name":"n","body":"b"})");
    QTest::newRow("unknown field") << "posts"
                                   << QByteArray(R"({"id":9,"user_id":3,"title":"t","body":"b","views":12})");
    QTest::newRow("bool value") << "posts" << QByteArray(R"({"id":10,"user_id":3,"title":true,"body":"b"})");
    QTest::newRow("lone surrogate") << "posts"
                                    << QByteArray(R"({"id":11,"user_id":3,"title":"\ud800","body":"b"})");
    QTest::newRow("fraction") << "posts" << QByteArray(R"({"id":12,"user_id":3.5,"title":"t","body":"b"})");
}

void TestRecordRows::roundTripsEveryShape()
{
    QFETCH(QString, resource);
    QFETCH(QByteArray, record);
    RecordRows rows(*ResourceSchema::find(resource));
    const QJsonObject in = json(record.constData());
    QVERIFY(!in.isEmpty());
    QVERIFY(rows.append(in));
    QCOMPARE(rows.record(0), in);
    QCOMPARE(rows.id(0), *ResourceId::fromJson(in.value(QStringLiteral("id"))));
    QCOMPARE(rows.id(0).isText(), in.value(QStringLiteral("id")).isString());
    QCOMPARE(rows.records(), QList<QJsonObject>({ in }));
}

void TestRecordRows::findsByIdWhateverItsType()
{
    RecordRows rows(ResourceSchema::posts());
    QVERIFY(rows.append(json(R"({"id":1,"user_id":3,"title":"a","body":"b"})")));
    QVERIFY(rows.append(json(R"({"id":"x9","user_id":3,"title":"a","body":"b"})")));
    QVERIFY(rows.append(json(R"({"id":"44","user_id":3,"title":"a","body":"b"})")));
    QCOMPARE(rows.indexOf(ResourceId(1)), 0);
    QCOMPARE(rows.indexOf(ResourceId::fromText(QStringLiteral("x9"))), 1);
    // The number 44 and the text "44" are one record.
    QCOMPARE(rows.indexOf(ResourceId(44)), 2);
    QCOMPARE(rows.indexOf(ResourceId(2)), -1);
    QCOMPARE(rows.parentId(0), ResourceId(3));
}

void TestRecordRows::replacesAndRemoves()
{
    RecordRows rows(ResourceSchema::todos());
    QVERIFY(rows.append(json(R"({"id":1,"user_id":3,"title":"a","due_on":null,"status":"pending"})")));
    QVERIFY(rows.append(json(R"({"id":2,"user_id":3,"title":"b","due_on":null,"status":"pending"})")));
    const QJsonObject done = json(R"({"id":2,"user_id":3,"title":"b","due_on":null,"status":"completed"})");
    QVERIFY(rows.replace(1, done));
    QCOMPARE(rows.record(1), done);
    QCOMPARE(rows.text(1, 4), QStringLiteral("completed"));
    rows.removeAt(0);
    QCOMPARE(rows.size(), 1);
    QVERIFY(!rows.contains(ResourceId(1)));
    QCOMPARE(rows.indexOf(ResourceId(2)), 0);
}

void TestRecordRows::refusesARecordWithoutId()
{
    RecordRows rows(ResourceSchema::posts());
    QVERIFY(!rows.append(json(R"({"user_id":3,"title":"a","body":"b"})")));
    QVERIFY(!rows.append(json(R"({"id":-4,"user_id":3,"title":"a","body":"b"})")));
    QCOMPARE(rows.size(), 0);
}

void TestRecordRows::comparesByTypeAndText()
{
    RecordRows rows(ResourceSchema::posts());
    QVERIFY(rows.append(json(R"({"id":10,"user_id":3,"title":"beta","body":"x"})")));
    QVERIFY(rows.append(json(R"({"id":9,"user_id":20,"title":"Alpha","body":"x"})")));
    QVERIFY(rows.append(json(R"({"id":11,"user_id":3,"title":"Ärger","body":"x"})")));
    QVERIFY(rows.compare(0, 1, 0) > 0); // ids by value: 10 after 9
    QVERIFY(rows.compare(0, 1, 1) < 0); // user 3 before user 20
    QVERIFY(rows.compare(0, 1, 2) > 0); // "beta" after "Alpha", whatever the case
    QCOMPARE(rows.compare(0, 0, 2), 0);
    QCOMPARE(rows.compare(2, 1, 2) < 0,
        QString::compare(QStringLiteral("Ärger"), QStringLiteral("Alpha"), Qt::CaseInsensitive) < 0);
}

void TestRecordRows::readsGoRestDateTimes()
{
    // GoRest answers in India's time: midnight there is 18:30 UTC the day before.
    const QDateTime due = RecordRows::parseDateTime(QStringLiteral("2026-07-01T00:00:00.000+05:30"));
    QVERIFY(due.isValid());
    QCOMPARE(due.toUTC(), QDateTime(QDate(2026, 6, 30), QTime(18, 30), Qt::UTC));
    QCOMPARE(RecordRows::parseDateTime(QStringLiteral("2026-07-01T10:00:00Z")).toUTC(),
        QDateTime(QDate(2026, 7, 1), QTime(10, 0), Qt::UTC));
    QCOMPARE(RecordRows::parseDateTime(QStringLiteral("2026-07-01")), QDate(2026, 7, 1).startOfDay());
    QVERIFY(!RecordRows::parseDateTime(QStringLiteral("tomorrow")).isValid());
    QCOMPARE(RecordRows::displayDateTime(QStringLiteral("tomorrow")), QStringLiteral("tomorrow"));
    QCOMPARE(RecordRows::displayDateTime(QStringLiteral("2026-07-01T00:00:00.000+05:30")),
        QLocale().toString(due.toLocalTime(), QLocale::ShortFormat));
}

QTEST_GUILESS_MAIN(TestRecordRows)
#include "tst_recordrows.moc"
