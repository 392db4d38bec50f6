// RecordImport: posts, comments and todos from the files users are imported from, typed and checked by
// each resource's schema, the parent from a column or given for every row, and a full sentence for each
// problem, naming its row.
#include "recordimport.h"

#include <QTest>

using namespace UserDesk;

namespace {
void verifySentences(const RecordImport::Result &r)
{
    auto sentence
        = [](const QString &s) { return !s.isEmpty() && s.at(0).isUpper() && s.endsWith(QLatin1Char('.')); };
    if (!r.ok())
        QVERIFY2(sentence(r.error), qPrintable(r.error));
    for (const RecordImportRow &row : r.rows)
        for (const QString &e : row.errors)
            QVERIFY2(sentence(e), qPrintable(e));
}
} // namespace

class TestRecordImport : public QObject
{
    Q_OBJECT

private slots:
    void postsFromCsvTakeTheirParentFromAColumn()
    {
        const QByteArray data = "\xEF\xBB\xBF"
                                "User_ID,title,body,notes\r\n"
                                "7,First,\"A body, with a comma\",x\r\n"
                                "8,Second,\"Two\nlines\",\r\n"
                                "abc/d,Third,Body,\r\n";
        const RecordImport::Result r = RecordImport::parse(ResourceSchema::posts(), data);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.ignoredColumns, QStringList { QStringLiteral("notes") });
        QCOMPARE(r.rows.size(), 3);
        QCOMPARE(r.validCount(), 2);
        QCOMPARE(r.rows.at(0).fields.value(QStringLiteral("user_id")), QJsonValue(7)); // a number, as sent
        QCOMPARE(r.rows.at(0).fields.value(QStringLiteral("body")),
            QJsonValue(QStringLiteral("A body, with a comma")));
        QCOMPARE(r.rows.at(1).fields.value(QStringLiteral("body")), QJsonValue(QStringLiteral("Two\nlines")));
        QCOMPARE(r.rows.at(2).source, QStringLiteral("line 5"));
        QVERIFY2(r.rows.at(2).errors.join(u' ').contains(QStringLiteral("user_id")),
            qPrintable(r.rows.at(2).errors.join(u' ')));
        verifySentences(r);
    }

    void theParentGivenForEveryRowIsSentInTheRoute()
    {
        const QByteArray data = "title,body\nOne,B1\nTwo,B2\n";
        QVERIFY(!RecordImport::parse(ResourceSchema::posts(), data).ok()); // no user_id column, no parent
        const RecordImport::Result r = RecordImport::parse(
            ResourceSchema::posts(), data, RecordImport::Format::Auto, {}, ResourceId(5));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.validCount(), 2);
        QVERIFY(!r.rows.at(0).fields.contains(QStringLiteral("user_id")));

        // A column that names another parent is refused, one naming the same is fine.
        const RecordImport::Result mixed = RecordImport::parse(ResourceSchema::posts(),
            "user_id,title,body\n5,A,B\n6,C,D\n", RecordImport::Format::Csv, {}, ResourceId(5));
        QVERIFY(mixed.ok());
        QVERIFY(mixed.rows.at(0).isValid());
        QVERIFY(!mixed.rows.at(1).isValid());
        QVERIFY(mixed.rows.at(1).errors.first().contains(QStringLiteral("6")));
        verifySentences(mixed);
    }

    void todosAreCheckedForStatusAndDate()
    {
        const QByteArray data
            = "{\"title\":\"Water plants\",\"status\":\"pending\",\"due_on\":\"2026-12-24\"}\n"
              "{\"title\":\"Done\",\"status\":\"finished\"}\n"
              "{\"title\":\"\",\"status\":\"completed\",\"due_on\":\"someday\"}\n"
              "not json\n"
              "[1]\n";
        const RecordImport::Result r = RecordImport::parse(
            ResourceSchema::todos(), data, RecordImport::Format::Auto, {}, ResourceId(3));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.rows.size(), 5);
        QVERIFY(r.rows.at(0).isValid());
        QCOMPARE(
            r.rows.at(0).fields.value(QStringLiteral("due_on")), QJsonValue(QStringLiteral("2026-12-24")));
        QCOMPARE(r.rows.at(1).errors,
            QStringList { QStringLiteral("Line 2: status must be pending or completed.") });
        QCOMPARE(r.rows.at(2).errors.size(), 2); // a blank title and a date that is none
        QVERIFY(!r.rows.at(3).isValid());
        QVERIFY(!r.rows.at(4).isValid());
        verifySentences(r);
    }

    void commentsFromAJsonArrayWithAMapping()
    {
        const QByteArray data = R"([{"post":4,"who":"Ann","mail":"ann@x.test","text":"Nice"},
            {"post":"4","who":"Bo","mail":"not-an-email","text":"Hm"},
            {"post":4,"who":17,"mail":"cy@x.test","text":"Hi"}])";
        const RecordImport::Result r
            = RecordImport::parse(ResourceSchema::comments(), data, RecordImport::Format::Json,
                { { QStringLiteral("post_id"), QStringLiteral("post") },
                    { QStringLiteral("name"), QStringLiteral("who") },
                    { QStringLiteral("email"), QStringLiteral("mail") },
                    { QStringLiteral("body"), QStringLiteral("text") } });
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.rows.size(), 3);
        QVERIFY(r.rows.at(0).isValid());
        QCOMPARE(r.rows.at(0).source, QStringLiteral("item 1"));
        QCOMPARE(r.rows.at(1).errors, QStringList { QStringLiteral("Item 2: email is invalid.") });
        QCOMPARE(r.rows.at(2).errors, QStringList { QStringLiteral("Item 3: name must be text.") });
        verifySentences(r);
    }

    void fileProblemsAreOneSentence_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("empty") << QByteArray("") << "rows";
        QTest::newRow("missing column") << QByteArray("user_id,title\n1,T\n") << "body";
        QTest::newRow("not utf-8") << QByteArray("title,body\n\xff\xfe,x\n") << "UTF-8";
        QTest::newRow("bad json") << QByteArray("[{\"title\": }]") << "JSON";
    }

    void fileProblemsAreOneSentence()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, mentions);
        const RecordImport::Result r = RecordImport::parse(ResourceSchema::posts(), data);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(mentions), qPrintable(r.error));
        QVERIFY(r.rows.isEmpty());
        verifySentences(r);
    }

    void anUnknownMappedFieldIsRefused()
    {
        const RecordImport::Result r = RecordImport::parse(ResourceSchema::todos(),
            "title,status\nA,pending\n", RecordImport::Format::Csv,
            { { QStringLiteral("colour"), QStringLiteral("title") } }, ResourceId(1));
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(QStringLiteral("colour")), qPrintable(r.error));
        verifySentences(r);
    }
};

QTEST_GUILESS_MAIN(TestRecordImport)
#include "tst_recordimport.moc"
