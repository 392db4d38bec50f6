// UserRows keeps users compactly; what comes out must be exactly what went in, and its ordering must be
// QString::compare's, whichever path (ASCII bytes or decoded text) a comparison takes.
#include "userrows.h"

#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

#include <malloc.h>

using namespace UserDesk;

namespace {
User make(const ResourceId &id, const QString &name, const QString &email,
    const QString &gender = QStringLiteral("female"), const QString &status = QStringLiteral("active"))
{
    User u;
    u.id = id;
    u.name = name;
    u.email = email;
    u.gender = gender;
    u.status = status;
    return u;
}

int sign(int v)
{
    return v < 0 ? -1 : (v > 0 ? 1 : 0);
}
} // namespace

class TestUserRows : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripsEveryKindOfUser_data()
    {
        QTest::addColumn<User>("user");
        QTest::newRow("ascii") << make(1, QStringLiteral("Ada Lovelace"), QStringLiteral("ada@example.test"));
        QTest::newRow("accents") << make(
            2, QStringLiteral("Zoë Ångström"), QStringLiteral("zoë@exämple.test"));
        QTest::newRow("cjk and emoji")
            << make(3, QStringLiteral("山田 太郎 🙂"), QStringLiteral("taro@example.test"));
        QTest::newRow("empty strings") << make(4, QString(), QString(), QString(), QString());
        QTest::newRow("embedded nul") << make(
            5, QStringLiteral("a") + QChar(0) + QStringLiteral("b"), QStringLiteral("nul@example.test"));
        QTest::newRow("other gender") << make(6, QStringLiteral("Sam"), QStringLiteral("sam@example.test"),
            QStringLiteral("non-binary"), QStringLiteral("pending"));
        QTest::newRow("lone surrogate")
            << make(8, QStringLiteral("half ") + QChar(0xd800), QStringLiteral("half@example.test"));
        User extra = make(7, QStringLiteral("Extra"), QStringLiteral("extra@example.test"));
        extra.extra.insert(QStringLiteral("created_at"), QStringLiteral("2026-11-25"));
        QTest::newRow("unknown fields") << extra;
        // json-server 1.x: ids are strings, decimal ("12") or not ("3f0a"); they stay strings.
        QTest::newRow("decimal text id") << make(
            ResourceId::fromText(QStringLiteral("12")), QStringLiteral("Text"), QStringLiteral("t@x.test"));
        QTest::newRow("text id") << make(
            ResourceId::fromText(QStringLiteral("3f0a")), QStringLiteral("Hex"), QStringLiteral("h@x.test"));
        QTest::newRow("text id with leading zero") << make(
            ResourceId::fromText(QStringLiteral("007")), QStringLiteral("Bond"), QStringLiteral("b@x.test"));
        QTest::newRow("non-ascii text id and name") << make(
            ResourceId::fromText(QStringLiteral("ü-9")), QStringLiteral("Zoë"), QStringLiteral("zoë@x.test"));
        QTest::newRow("empty strings, text id")
            << make(ResourceId::fromText(QStringLiteral("e")), QString(), QString(), QString(), QString());
        User extraText = make(ResourceId::fromText(QStringLiteral("x1")), QStringLiteral("Extra"),
            QStringLiteral("extra@example.test"));
        extraText.extra.insert(QStringLiteral("created_at"), QStringLiteral("2026-11-25"));
        QTest::newRow("unknown fields, text id") << extraText;
    }

    void roundTripsEveryKindOfUser()
    {
        QFETCH(User, user);
        UserRows rows;
        rows.append(make(100, QStringLiteral("Before"), QStringLiteral("before@example.test")));
        rows.append(user);
        rows.prepend(make(99, QStringLiteral("First"), QStringLiteral("first@example.test")));
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.user(2), user);
        QCOMPARE(rows.name(2), user.name);
        QCOMPARE(rows.email(2), user.email);
        QCOMPARE(rows.gender(2), user.gender);
        QCOMPARE(rows.status(2), user.status);
        QCOMPARE(rows.text(2, UserRows::Field::Id), user.id.toString());
        QCOMPARE(rows.id(2).isText(), user.id.isText());
        QCOMPARE(rows.id(2).toJson(), user.id.toJson());
        QCOMPARE(rows.indexOf(user.id), 2);
        QVERIFY(rows.contains(user.id));
        QCOMPARE(rows.users().at(2), user);

        // Replaced by a plain user and back: nothing of the old one lingers.
        const User plain = make(user.id, QStringLiteral("Plain"), QStringLiteral("plain@example.test"));
        rows.replace(2, plain);
        QCOMPARE(rows.user(2), plain);
        rows.replace(2, user);
        QCOMPARE(rows.user(2), user);

        rows.removeAt(2);
        QVERIFY(!rows.contains(user.id));
        QCOMPARE(rows.indexOf(user.id), -1);
        rows.append(plain); // the same id again, now without the extras
        QCOMPARE(rows.user(2), plain);
    }

    void textIdsAreFoundByTheirText()
    {
        // The number 12 and the string "12" are one id (the URL /users/12 is the same): either finds the
        // row; a text id is found among numbers, and the order is numbers first, then the texts.
        UserRows rows;
        rows.append(
            make(ResourceId::fromText(QStringLiteral("b7")), QStringLiteral("B"), QStringLiteral("b@x")));
        rows.append(make(12, QStringLiteral("N"), QStringLiteral("n@x")));
        rows.append(
            make(ResourceId::fromText(QStringLiteral("30")), QStringLiteral("T"), QStringLiteral("t@x")));
        rows.append(
            make(ResourceId::fromText(QStringLiteral("a9")), QStringLiteral("A"), QStringLiteral("a@x")));
        QCOMPARE(rows.indexOf(ResourceId::fromText(QStringLiteral("12"))), 1);
        QCOMPARE(rows.indexOf(30), 2);
        QCOMPARE(rows.indexOf(ResourceId::fromText(QStringLiteral("a9"))), 3);
        QCOMPARE(rows.indexOf(*ResourceId::parse(QStringLiteral("b7"))), 0);
        QVERIFY(!rows.contains(ResourceId::fromText(QStringLiteral("a"))));
        QVERIFY(!rows.contains(ResourceId::fromText(QStringLiteral("b7x"))));
        QCOMPARE(rows.indexOf(ResourceId()), -1);
        QCOMPARE(rows.email(0), QStringLiteral("b@x")); // the id's text is not part of the email
        QVERIFY(rows.contains(0, UserRows::Field::Email, QStringLiteral("x"), "x", Qt::CaseSensitive));
        QVERIFY(!rows.contains(0, UserRows::Field::Email, QStringLiteral("7"), "7", Qt::CaseSensitive));
        QCOMPARE(rows.textSize(0, UserRows::Field::Email), 3);
        auto order = [&](qsizetype a, qsizetype b) {
            return rows.compare(a, b, UserRows::Field::Id, Qt::CaseInsensitive);
        };
        QVERIFY(order(1, 2) < 0); // 12 < "30"
        QVERIFY(order(2, 3) < 0); // "30" < "a9"
        QVERIFY(order(3, 0) < 0); // "a9" < "b7"
        QVERIFY(order(0, 1) > 0);
        QCOMPARE(order(0, 0), 0);
        rows.removeAt(0);
        QVERIFY(!rows.contains(ResourceId::fromText(QStringLiteral("b7"))));
        QCOMPARE(rows.indexOf(ResourceId::fromText(QStringLiteral("a9"))), 2);
        rows.clear();
        QVERIFY(!rows.contains(ResourceId::fromText(QStringLiteral("a9"))));
    }

    void numericRowsStayCompact()
    {
        // A million users is a realistic table: a row of a numeric id must not grow for text ids to fit.
        // The heap a row takes (row, UTF-8 block, id index), measured; before text ids it was 94 bytes
        // with these names.
        constexpr int count = 100000;
        QList<User> users;
        users.reserve(count);
        for (int i = 0; i < count; ++i)
            users.append(make(i + 1, QStringLiteral("User Number %1").arg(i),
                QStringLiteral("user.number.%1@example.test").arg(i)));
        const size_t before = mallinfo2().uordblks;
        UserRows rows;
        for (const User &u : std::as_const(users))
            rows.append(u);
        const double perRow = double(mallinfo2().uordblks - before) / count;
        qInfo("heap bytes per row: %.1f", perRow);
        QCOMPARE(rows.size(), count);
        QVERIFY2(perRow <= 94.5, qPrintable(QString::number(perRow)));
    }

    void vocabularyOverflowKeepsEveryValue()
    {
        // A server with more distinct genders and statuses than a row can index: the rest are kept whole.
        UserRows rows;
        for (int i = 0; i < 600; ++i)
            rows.append(make(i + 1, QStringLiteral("U%1").arg(i), QStringLiteral("u%1@example.test").arg(i),
                QStringLiteral("g%1").arg(i), QStringLiteral("s%1").arg(i % 7)));
        for (int i = 0; i < 600; ++i) {
            QCOMPARE(rows.gender(i), QStringLiteral("g%1").arg(i));
            QCOMPARE(rows.status(i), QStringLiteral("s%1").arg(i % 7));
        }
        rows.clear();
        QCOMPARE(rows.size(), 0);
        QVERIFY(!rows.contains(1));
    }

    void compareMatchesQString()
    {
        // Random strings from an alphabet that mixes cases, ASCII punctuation and non-ASCII letters, so
        // both the byte path and the decoded path are taken, and equal-when-folded pairs are common.
        const QString alphabet = QStringLiteral("aAbBzZ_.@09 éÉßİı");
        QRandomGenerator rng(20261125);
        auto word = [&](bool asciiOnly) {
            QString s;
            const int n = int(rng.bounded(6));
            const qsizetype range = asciiOnly ? 12 : alphabet.size();
            for (int i = 0; i < n; ++i)
                s += alphabet.at(rng.bounded(int(range)));
            return s;
        };
        UserRows rows;
        for (int i = 0; i < 400; ++i) {
            const bool ascii = i % 3 != 0;
            rows.append(make(i + 1, word(ascii), word(ascii), word(true), word(true)));
        }
        const UserRows::Field fields[] = { UserRows::Field::Name, UserRows::Field::Email,
            UserRows::Field::Gender, UserRows::Field::Status };
        for (const Qt::CaseSensitivity cs : { Qt::CaseInsensitive, Qt::CaseSensitive }) {
            for (const UserRows::Field field : fields) {
                for (int a = 0; a < rows.size(); a += 3) {
                    for (int b = 0; b < rows.size(); b += 7) {
                        const int expected = sign(rows.text(a, field).compare(rows.text(b, field), cs));
                        if (rows.compare(a, b, field, cs) != expected) {
                            QFAIL(qPrintable(QStringLiteral("\"%1\" vs \"%2\" (cs %3)")
                                                 .arg(rows.text(a, field), rows.text(b, field))
                                                 .arg(int(cs))));
                        }
                    }
                }
            }
        }
        QCOMPARE(rows.compare(0, 1, UserRows::Field::Id, Qt::CaseInsensitive), -1);
        QCOMPARE(rows.compare(1, 0, UserRows::Field::Id, Qt::CaseInsensitive), 1);
    }
};

QTEST_GUILESS_MAIN(TestUserRows)
#include "tst_userrows.moc"
