// UserImport: CSV (RFC 4180) and JSON (array and NDJSON) into user drafts, column mapping, and a clear
// full sentence for each problem, beside the row it is about.
#include "userimport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace UserDesk;

namespace {
void verifySentences(const UserImport::Result &r)
{
    auto sentence
        = [](const QString &s) { return !s.isEmpty() && s.at(0).isUpper() && s.endsWith(QLatin1Char('.')); };
    if (!r.ok())
        QVERIFY2(sentence(r.error), qPrintable(r.error));
    for (const ImportRow &row : r.rows)
        for (const QString &e : row.errors)
            QVERIFY2(sentence(e), qPrintable(e));
}

std::optional<QString> s(const char *text)
{
    return QString::fromUtf8(text);
}
} // namespace

class TestUserImport : public QObject
{
    Q_OBJECT

private slots:
    void csvWithQuotingBomCrlfAndColumnsInAnyOrder()
    {
        const QByteArray data = "\xEF\xBB\xBF"
                                "Email,STATUS,Name,gender,notes\r\n"
                                "ann@x.test,active,\"Lee, Ann\",female,\"said \"\"hi\"\"\"\r\n"
                                "\r\n"
                                "bo@x.test,inactive,\"Bo\nSecond line\",male,\r\n"
                                "cy@x.test,active,  Cy  ,male,x";
        const UserImport::Result r = UserImport::parse(data);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.columns,
            QStringList({ QStringLiteral("Email"), QStringLiteral("STATUS"), QStringLiteral("Name"),
                QStringLiteral("gender"), QStringLiteral("notes") }));
        QCOMPARE(r.ignoredColumns, QStringList { QStringLiteral("notes") });
        QCOMPARE(r.rows.size(), 3);
        QCOMPARE(r.validCount(), 3);
        QCOMPARE(r.rows.at(0).draft.name, s("Lee, Ann"));
        QCOMPARE(r.rows.at(0).draft.email, s("ann@x.test"));
        QCOMPARE(r.rows.at(0).draft.gender, s("female"));
        QCOMPARE(r.rows.at(0).source, QStringLiteral("line 2"));
        QCOMPARE(r.rows.at(1).draft.name, s("Bo\nSecond line"));
        QCOMPARE(r.rows.at(1).source, QStringLiteral("line 4"));
        QCOMPARE(r.rows.at(2).source, QStringLiteral("line 6")); // the quoted line break counts
        QCOMPARE(r.rows.at(2).draft.name, s("Cy"));
        verifySentences(r);
    }

    void anExplicitMappingNamesTheColumns()
    {
        const QByteArray data = "Full name,Mail,Sex,State\nAnn Lee,ann@x.test,female,active\n";
        QVERIFY(!UserImport::parse(data).ok());
        const UserImport::Result r = UserImport::parse(data, UserImport::Format::Csv,
            { { QStringLiteral("name"), QStringLiteral("Full name") },
                { QStringLiteral("email"), QStringLiteral("Mail") },
                { QStringLiteral("gender"), QStringLiteral("Sex") },
                { QStringLiteral("status"), QStringLiteral("State") } });
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.rows.size(), 1);
        QCOMPARE(r.rows.at(0).draft.name, s("Ann Lee"));
        QVERIFY(r.rows.at(0).isValid());
    }

    void fileLevelProblemsAreOneSentence_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("missing column") << QByteArray("name,email,gender\nA,a@x.test,male\n") << "status";
        QTest::newRow("unclosed quote")
            << QByteArray("name,email,gender,status\n\"A,a@x.test,male,active\n") << "Line 2";
        QTest::newRow("empty") << QByteArray("") << "empty";
        QTest::newRow("bad json") << QByteArray("[{\"name\": \"A\",]") << "not valid JSON";
        QTest::newRow("not utf-8") << QByteArray("name,email,gender,status\n\xff\xfe,a@x.test,male,active\n")
                                   << "UTF-8";
    }

    void fileLevelProblemsAreOneSentence()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, mentions);
        const UserImport::Result r = UserImport::parse(data);
        QVERIFY(!r.ok());
        QVERIFY(r.rows.isEmpty());
        QVERIFY2(r.error.contains(mentions), qPrintable(r.error));
        verifySentences(r);
    }

    void aMappingToAMissingColumnOrUnknownFieldIsRefused()
    {
        const QByteArray data = "name,email,gender,status\nA,a@x.test,male,active\n";
        UserImport::Result r = UserImport::parse(
            data, UserImport::Format::Csv, { { QStringLiteral("email"), QStringLiteral("Mail") } });
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(QStringLiteral("Mail")), qPrintable(r.error));
        r = UserImport::parse(
            data, UserImport::Format::Csv, { { QStringLiteral("age"), QStringLiteral("name") } });
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(QStringLiteral("age")), qPrintable(r.error));
        verifySentences(r);
    }

    void eachBadRowGetsItsOwnSentence()
    {
        const QByteArray data = "name,email,gender,status\n"
                                "Good One,good@x.test,male,active\n" // line 2
                                ",blank@x.test,male,active\n" // 3: blank name
                                "Bad Mail,not-an-email,male,active\n" // 4
                                "Alien,alien@x.test,alien,active\n" // 5
                                "Short,short@x.test\n" // 6: too few fields
                                "Again,GOOD@x.test,female,inactive\n" // 7: same email as line 2
                                "Quote,q\"x@x.test,male,active\n" // 8: quote inside an unquoted field
                                "\"Trail\"er,t@x.test,male,active\n"; // 9: text after a closing quote
        const UserImport::Result r = UserImport::parse(data);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.rows.size(), 8);
        QVERIFY(r.rows.at(0).isValid());
        auto errorOf = [&](int i) { return r.rows.at(i).errors.join(QLatin1Char(' ')); };
        QVERIFY2(errorOf(1).contains(QStringLiteral("Line 3: name")), qPrintable(errorOf(1)));
        QVERIFY2(errorOf(2).contains(QStringLiteral("Line 4: email is invalid")), qPrintable(errorOf(2)));
        QVERIFY2(errorOf(3).contains(QStringLiteral("Line 5: gender")), qPrintable(errorOf(3)));
        QVERIFY2(errorOf(4).contains(QStringLiteral("Line 6 has 2 fields but the header has 4")),
            qPrintable(errorOf(4)));
        QVERIFY2(errorOf(5).contains(QStringLiteral("line 2")), qPrintable(errorOf(5)));
        QVERIFY2(errorOf(6).contains(QStringLiteral("Line 8 has a quote")), qPrintable(errorOf(6)));
        QVERIFY2(errorOf(7).contains(QStringLiteral("Line 9 has text after the closing quote")),
            qPrintable(errorOf(7)));
        QCOMPARE(r.validCount(), 1);
        verifySentences(r);
    }

    void jsonArray()
    {
        const QByteArray data = R"([
            {"name": "Ann", "email": "ann@x.test", "gender": "female", "status": "active", "id": 5},
            "not an object",
            {"name": 7, "email": "seven@x.test", "gender": "male", "status": "active"},
            {"name": "No Status", "email": "ns@x.test", "gender": "male"}
        ])";
        const UserImport::Result r = UserImport::parse(data);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.rows.size(), 4);
        QVERIFY(r.rows.at(0).isValid());
        QCOMPARE(r.rows.at(0).draft.email, s("ann@x.test"));
        QVERIFY(r.ignoredColumns.contains(QStringLiteral("id")));
        QCOMPARE(r.rows.at(1).errors, QStringList { QStringLiteral("Item 2 is not a JSON object.") });
        QVERIFY2(r.rows.at(2)
                     .errors.join(QLatin1Char(' '))
                     .contains(QStringLiteral("Item 3: name must be a string")),
            qPrintable(r.rows.at(2).errors.join(QLatin1Char(' '))));
        QVERIFY2(r.rows.at(3).errors.join(QLatin1Char(' ')).contains(QStringLiteral("Item 4: status")),
            qPrintable(r.rows.at(3).errors.join(QLatin1Char(' '))));
        verifySentences(r);
    }

    void ndjsonKeepsGoodLinesBesideABrokenOne()
    {
        const QByteArray data
            = "{\"name\":\"A\",\"email\":\"a@x.test\",\"gender\":\"male\",\"status\":\"active\"}\n"
              "{\"name\":\"B\",\"email\":\n"
              "\n"
              "{\"name\":\"C\",\"email\":\"c@x.test\",\"gender\":\"female\",\"status\":\"inactive\"}\n";
        const UserImport::Result r = UserImport::parse(data);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.rows.size(), 3);
        QVERIFY(r.rows.at(0).isValid());
        QVERIFY(!r.rows.at(1).isValid());
        QVERIFY2(r.rows.at(1).errors.first().startsWith(QStringLiteral("Line 2 is not valid JSON")),
            qPrintable(r.rows.at(1).errors.first()));
        QCOMPARE(r.rows.at(2).source, QStringLiteral("line 4"));
        QVERIFY(r.rows.at(2).isValid());
        verifySentences(r);
    }

    void aFileIsReadByItsExtension()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("u.csv")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("name,email,gender,status\nA,a@x.test,male,active\n");
        f.close();
        const UserImport::Result r = UserImport::parseFile(f.fileName());
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.validCount(), 1);
        const UserImport::Result missing = UserImport::parseFile(dir.filePath(QStringLiteral("none.csv")));
        QVERIFY(!missing.ok());
        verifySentences(missing);
    }
};

QTEST_GUILESS_MAIN(TestUserImport)
#include "tst_userimport.moc"
