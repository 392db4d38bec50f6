// RecordParser: strict records against their schemas, and the comparison that decides whether a record
// found after a lost answer holds what was sent.
#include "recordparser.h"

#include <QJsonDocument>
#include <QTest>

using namespace UserDesk;

namespace {
QJsonObject J(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}
} // namespace

class TestRecordParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesWhatWasSent_data()
    {
        QTest::addColumn<QString>("resource");
        QTest::addColumn<QByteArray>("record");
        QTest::addColumn<QByteArray>("sent");
        QTest::addColumn<bool>("matches");
        const QByteArray todo
            = R"({"id":4,"user_id":7,"title":"T","due_on":"2026-07-01T00:00:00.000+05:30","status":"pending"})";
        QTest::newRow("a day as GoRest answers it")
            << "todos" << todo << QByteArray(R"({"due_on":"2026-07-01"})") << true;
        QTest::newRow("another day") << "todos" << todo << QByteArray(R"({"due_on":"2026-07-02"})") << false;
        QTest::newRow("the same instant elsewhere")
            << "todos" << todo << QByteArray(R"({"due_on":"2026-06-30T18:30:00.000Z"})") << true;
        QTest::newRow("a null due date sent") << "todos" << todo << QByteArray(R"({"due_on":null})") << false;
        QTest::newRow("parent as text and number")
            << "todos" << todo << QByteArray(R"({"user_id":"7"})") << true;
        QTest::newRow("another parent") << "todos" << todo << QByteArray(R"({"user_id":8})") << false;
        QTest::newRow("title trimmed") << "todos" << todo << QByteArray(R"({"title":" T "})") << true;
        QTest::newRow("title case counts") << "todos" << todo << QByteArray(R"({"title":"t"})") << false;
        const QByteArray comment = R"({"id":1,"post_id":2,"name":"N","email":"Ann@X.test","body":"B"})";
        QTest::newRow("email case does not count")
            << "comments" << comment << QByteArray(R"({"email":"ann@x.test","body":"B"})") << true;
        QTest::newRow("a field missing from the record")
            << "posts" << QByteArray(R"({"id":1,"user_id":2,"title":"T"})") << QByteArray(R"({"body":"B"})")
            << false;
    }

    void matchesWhatWasSent()
    {
        QFETCH(QString, resource);
        QFETCH(QByteArray, record);
        QFETCH(QByteArray, sent);
        QFETCH(bool, matches);
        const ResourceSchema *schema = ResourceSchema::find(resource);
        QVERIFY(schema);
        QCOMPARE(RecordParser::matches(*schema, QJsonDocument::fromJson(record).object(),
                     QJsonDocument::fromJson(sent).object()),
            matches);
    }

    void strictAgainstTheSchema()
    {
        QString why;
        QVERIFY(RecordParser::parseRecord(ResourceSchema::posts(),
            J(R"({"id":"3f0a","user_id":"u1","title":"T","body":"B","extra":1})"), &why));
        QVERIFY(!RecordParser::parseRecord(
            ResourceSchema::posts(), J(R"({"user_id":1,"title":"T","body":"B"})"), &why));
        QVERIFY2(why.contains(QLatin1String("\"id\"")), qPrintable(why));
        QVERIFY(!RecordParser::parseRecord(
            ResourceSchema::todos(), J(R"({"id":1,"user_id":1,"title":"T","status":7})"), &why));
        QVERIFY(RecordParser::parseRecord(
            ResourceSchema::todos(), J(R"({"id":1,"user_id":1,"title":"T","status":"pending"})"), &why));
        QVERIFY(!RecordParser::parseRecord(ResourceSchema::comments(), QJsonValue(3), &why));
        QCOMPARE(RecordParser::idOf(J(R"({"id":12})")), ResourceId(12));
        QVERIFY(RecordParser::idOf(J(R"({"id":-1})")).isNull());
    }
};

QTEST_GUILESS_MAIN(TestRecordParser)
#include "tst_recordparser.moc"
