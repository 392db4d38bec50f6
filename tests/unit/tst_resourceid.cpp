#include "resourceid.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QSet>
#include <QTest>
#include <algorithm>

using namespace UserDesk;

class TestResourceId : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void numbersKeepTheirType();
    void textsKeepTheirType();
    void numberAndDecimalTextAreOneId();
    void fromJsonRefusesWhatIsNoId_data();
    void fromJsonRefusesWhatIsNoId();
    void parseTellsDigitsFromText();
    void ordersNumbersByValueThenTexts();
    void nullIsNotAnId();
};

void TestResourceId::numbersKeepTheirType()
{
    const auto id = ResourceId::fromJson(QJsonValue(7000001));
    QVERIFY(id);
    QVERIFY(!id->isText());
    QVERIFY(id->hasNumber());
    QCOMPARE(id->number(), 7000001);
    QCOMPARE(id->toString(), QStringLiteral("7000001"));
    QCOMPARE(id->toJson(), QJsonValue(7000001));
}

void TestResourceId::textsKeepTheirType()
{
    const auto id = ResourceId::fromJson(QJsonValue(QStringLiteral("3f0a")));
    QVERIFY(id);
    QVERIFY(id->isText());
    QVERIFY(!id->hasNumber());
    QCOMPARE(id->number(), 0);
    QCOMPARE(id->toString(), QStringLiteral("3f0a"));
    QCOMPARE(id->toJson(), QJsonValue(QStringLiteral("3f0a")));

    const auto digits = ResourceId::fromJson(QJsonValue(QStringLiteral("12")));
    QVERIFY(digits && digits->isText() && digits->hasNumber());
    QCOMPARE(digits->toJson(), QJsonValue(QStringLiteral("12"))); // goes back as the string it came as
}

void TestResourceId::numberAndDecimalTextAreOneId()
{
    const ResourceId number(12);
    const ResourceId text = ResourceId::fromText(QStringLiteral("12"));
    QCOMPARE(number, text);
    QCOMPARE(qHash(number), qHash(text));
    QVERIFY(ResourceId::fromText(QStringLiteral("012")) != number); // not the same URL
    QSet<ResourceId> set { number };
    QVERIFY(set.contains(text));
}

void TestResourceId::fromJsonRefusesWhatIsNoId_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::newRow("negative") << QJsonValue(-3);
    QTest::newRow("fraction") << QJsonValue(1.5);
    QTest::newRow("beyond 2^53") << QJsonValue(1e17);
    QTest::newRow("empty string") << QJsonValue(QString());
    QTest::newRow("slash") << QJsonValue(QStringLiteral("1/2"));
    QTest::newRow("control") << QJsonValue(QStringLiteral("a\nb"));
    QTest::newRow("too long") << QJsonValue(QString(ResourceId::maxTextLength + 1, u'x'));
    QTest::newRow("bool") << QJsonValue(true);
    QTest::newRow("null") << QJsonValue(QJsonValue::Null);
    QTest::newRow("object") << QJsonValue(QJsonObject {});
}

void TestResourceId::fromJsonRefusesWhatIsNoId()
{
    QFETCH(QJsonValue, value);
    QString error;
    QVERIFY(!ResourceId::fromJson(value, QStringLiteral("user_id"), &error));
    QVERIFY2(error.contains(QStringLiteral("\"user_id\"")), qPrintable(error));
}

void TestResourceId::parseTellsDigitsFromText()
{
    QVERIFY(!ResourceId::parse(QStringLiteral("42"))->isText());
    QCOMPARE(ResourceId::parse(QStringLiteral("42"))->number(), 42);
    QVERIFY(ResourceId::parse(QStringLiteral("a1"))->isText());
    QVERIFY(ResourceId::parse(QStringLiteral("007"))->isText());
    QVERIFY(!ResourceId::parse(QString()));
    QVERIFY(!ResourceId::parse(QStringLiteral("../x")));
}

void TestResourceId::ordersNumbersByValueThenTexts()
{
    QList<ResourceId> ids { ResourceId::fromText(QStringLiteral("b")), ResourceId(100),
        ResourceId::fromText(QStringLiteral("9")), ResourceId::fromText(QStringLiteral("a")),
        ResourceId(10) };
    std::sort(ids.begin(), ids.end());
    QStringList order;
    for (const ResourceId &id : ids)
        order << id.toString();
    QCOMPARE(order, (QStringList { u"9"_qs, u"10"_qs, u"100"_qs, u"a"_qs, u"b"_qs }));
}

void TestResourceId::nullIsNotAnId()
{
    const ResourceId null;
    QVERIFY(null.isNull());
    QVERIFY(null != ResourceId(0));
    QVERIFY(null < ResourceId(0));
    QVERIFY(null.toJson().isNull());
    QVERIFY(null.toString().isEmpty());
}

QTEST_GUILESS_MAIN(TestResourceId)
#include "tst_resourceid.moc"
