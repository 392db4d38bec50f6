// The sandbox against the GoRest v2 contract (shared/GOREST-API.md), row by row,
// over real HTTP on loopback.

#include "sandboxfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>

#include <limits>

using namespace UserDesk;

namespace {

constexpr int SeedUsers = 45; // 5 pages of 10, the last one short

QJsonArray jsonArray(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).array();
}

QJsonObject jsonObject(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

class TestSandbox : public QObject
{
    Q_OBJECT

private:
    using Exchange = SandboxFixture::Exchange;

    Exchange get(const QString &pathAndQuery)
    {
        return SandboxFixture::send(m_manager, "GET", m_sandbox->url(pathAndQuery));
    }
    Exchange write(const QByteArray &method, const QString &path, const QByteArray &body = {})
    {
        return m_sandbox->sendAuthorized(m_manager, method, m_sandbox->url(path), body);
    }
    QJsonObject createUser(const QString &email, const QString &name = QStringLiteral("Test User"))
    {
        const Exchange e = write("POST", QStringLiteral("/users"),
            json({ { QStringLiteral("name"), name }, { QStringLiteral("email"), email },
                { QStringLiteral("gender"), QStringLiteral("female") },
                { QStringLiteral("status"), QStringLiteral("active") } }));
        if (e.status != 201)
            qWarning() << "create user failed" << e.status << e.body;
        return jsonObject(e.body);
    }
    // The answer's head as sent, over a plain socket.
    QByteArray rawGet(const QByteArray &target)
    {
        QTcpSocket socket;
        socket.connectToHost(m_sandbox->baseUrl().host(), quint16(m_sandbox->baseUrl().port()));
        if (!socket.waitForConnected(5000))
            return QByteArray();
        socket.write("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        QByteArray answer;
        while (socket.waitForReadyRead(5000))
            answer += socket.readAll();
        return answer.left(answer.indexOf("\r\n\r\n") + 2);
    }
    QJsonObject firstUser() { return jsonArray(get(QStringLiteral("/users")).body).first().toObject(); }

    std::unique_ptr<SandboxFixture> m_sandbox;
    QNetworkAccessManager m_manager;

private Q_SLOTS:
    void initTestCase()
    {
        m_sandbox = std::make_unique<SandboxFixture>(SandboxFixture::defaultConfig(SeedUsers));
        QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
        QCOMPARE(m_sandbox->baseUrl().host(), QStringLiteral("127.0.0.1"));
        QVERIFY(m_sandbox->baseUrl().port() > 0);
        QCOMPARE(m_sandbox->baseUrl().path(), QStringLiteral("/public/v2"));
    }

    void init()
    {
        // Each test starts from the same seeded data, whatever the one before it wrote.
        QVERIFY(m_sandbox->reset(SeedUsers));
        m_sandbox->clearFaults();
    }

    void cleanupTestCase() { m_sandbox.reset(); }

    void listIsABareArrayNewestFirstWithAllHeaders()
    {
        const Exchange e = get(QStringLiteral("/users"));
        QCOMPARE(e.status, 200);
        QCOMPARE(e.header("Content-Type"), QByteArray("application/json; charset=utf-8"));
        QVERIFY(QJsonDocument::fromJson(e.body).isArray());
        const QJsonArray users = jsonArray(e.body);
        QCOMPARE(users.size(), 10);
        for (qsizetype i = 1; i < users.size(); ++i)
            QVERIFY(users.at(i - 1)[u"id"].toInteger() > users.at(i)[u"id"].toInteger());
        const QJsonObject user = users.first().toObject();
        QCOMPARE(
            user.keys(), (QStringList { u"email"_qs, u"gender"_qs, u"id"_qs, u"name"_qs, u"status"_qs }));
        QVERIFY(user[u"id"].isDouble());
        // GoRest's field order on the wire, id first.
        QVERIFY(e.body.startsWith("[{\"id\":"));

        QCOMPARE(e.header("X-Pagination-Total"), QByteArray::number(SeedUsers));
        QCOMPARE(e.header("X-Pagination-Pages"), QByteArray("5"));
        QCOMPARE(e.header("X-Pagination-Page"), QByteArray("1"));
        QCOMPARE(e.header("X-Pagination-Limit"), QByteArray("10"));
        const QString base = m_sandbox->baseUrl().toString();
        QCOMPARE(e.header("X-Links-Current"), (base + u"/users?page=1").toUtf8());
        QCOMPARE(e.header("X-Links-Next"), (base + u"/users?page=2").toUtf8());
        // QNAM drops headers with an empty value, so the wire itself is checked.
        QCOMPARE(e.header("X-Links-Previous"), QByteArray());
        const QByteArray raw = rawGet("/public/v2/users");
        QVERIFY2(raw.contains("\r\nX-Links-Previous: \r\n"), raw);
        QVERIFY2(raw.contains("\r\nX-Links-Next: http://"), raw);
        const QByteArray link = e.header("Link");
        QVERIFY2(
            link.contains(QByteArray("<" + (base + u"/users?page=1").toUtf8() + ">; rel=\"first\"")), link);
        QVERIFY2(
            link.contains(QByteArray("<" + (base + u"/users?page=2").toUtf8() + ">; rel=\"next\"")), link);
        QVERIFY2(
            link.contains(QByteArray("<" + (base + u"/users?page=5").toUtf8() + ">; rel=\"last\"")), link);
        QVERIFY2(!link.contains("rel=\"prev\""), link);
    }

    void paginationArithmetic_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("items");
        QTest::addColumn<int>("page");
        QTest::addColumn<int>("limit");
        QTest::addColumn<int>("pages");
        QTest::addColumn<bool>("hasNext");
        QTest::addColumn<bool>("hasPrevious");

        QTest::newRow("last page, short") << u"page=5"_qs << 5 << 5 << 10 << 5 << false << true;
        QTest::newRow("middle page") << u"page=3"_qs << 10 << 3 << 10 << 5 << true << true;
        QTest::newRow("divisible, last page") << u"page=5&per_page=9"_qs << 9 << 5 << 9 << 5 << false << true;
        QTest::newRow("divisible, past the end")
            << u"page=6&per_page=9"_qs << 0 << 6 << 9 << 5 << false << true;
        QTest::newRow("far past the end") << u"page=999"_qs << 0 << 999 << 10 << 5 << false << true;
        QTest::newRow("one page holds all") << u"per_page=45"_qs << 45 << 1 << 45 << 1 << false << false;
        QTest::newRow("per_page over 100 clamped")
            << u"per_page=500"_qs << 45 << 1 << 100 << 1 << false << false;
        QTest::newRow("per_page=0 -> default") << u"per_page=0"_qs << 10 << 1 << 10 << 5 << true << false;
        QTest::newRow("per_page garbage -> default")
            << u"per_page=lots"_qs << 10 << 1 << 10 << 5 << true << false;
        QTest::newRow("per_page negative -> default")
            << u"per_page=-4"_qs << 10 << 1 << 10 << 5 << true << false;
        QTest::newRow("page=0 -> 1") << u"page=0"_qs << 10 << 1 << 10 << 5 << true << false;
        QTest::newRow("page negative -> 1") << u"page=-2"_qs << 10 << 1 << 10 << 5 << true << false;
        QTest::newRow("page garbage -> 1") << u"page=two"_qs << 10 << 1 << 10 << 5 << true << false;
        QTest::newRow("per_page=1, last") << u"per_page=1&page=45"_qs << 1 << 45 << 1 << 45 << false << true;
    }

    void paginationArithmetic()
    {
        QFETCH(QString, query);
        QFETCH(int, items);
        QFETCH(int, page);
        QFETCH(int, limit);
        QFETCH(int, pages);
        QFETCH(bool, hasNext);
        QFETCH(bool, hasPrevious);

        const Exchange e = get(u"/users?"_qs + query);
        QCOMPARE(e.status, 200);
        QCOMPARE(jsonArray(e.body).size(), items);
        if (items == 0)
            QCOMPARE(e.body, QByteArray("[]"));
        QCOMPARE(e.header("X-Pagination-Total").toInt(), SeedUsers);
        QCOMPARE(e.header("X-Pagination-Page").toInt(), page);
        QCOMPARE(e.header("X-Pagination-Limit").toInt(), limit);
        QCOMPARE(e.header("X-Pagination-Pages").toInt(), pages);
        QCOMPARE(!e.header("X-Links-Next").isEmpty(), hasNext);
        QCOMPARE(!e.header("X-Links-Previous").isEmpty(), hasPrevious);
        QCOMPARE(e.header("Link").contains("rel=\"next\""), hasNext);
        QCOMPARE(e.header("Link").contains("rel=\"prev\""), hasPrevious);
        QVERIFY(e.header("X-Links-Current").contains(QByteArray("page=" + QByteArray::number(page))));
        if (hasNext) {
            const QUrl next(QString::fromUtf8(e.header("X-Links-Next")));
            QCOMPARE(QUrlQuery(next).queryItemValue(u"page"_qs).toInt(), page + 1);
            // Following the link gives the next page with the same size.
            const Exchange following = SandboxFixture::send(m_manager, "GET", next);
            QCOMPARE(following.header("X-Pagination-Page").toInt(), page + 1);
            QCOMPARE(following.header("X-Pagination-Limit").toInt(), limit);
        }
    }

    void perPageClampedTo100WithMoreRows()
    {
        QVERIFY(m_sandbox->reset(150));
        const Exchange e = get(u"/users?per_page=1000"_qs);
        QCOMPARE(e.status, 200);
        QCOMPARE(jsonArray(e.body).size(), 100);
        QCOMPARE(e.header("X-Pagination-Limit"), QByteArray("100"));
        QCOMPARE(e.header("X-Pagination-Pages"), QByteArray("2"));
        QCOMPARE(jsonArray(get(u"/users?per_page=100&page=2"_qs).body).size(), 50);
    }

    void pagesCoverEveryRowOnce()
    {
        QSet<qint64> seen;
        qint64 previousId = std::numeric_limits<qint64>::max();
        for (int page = 1; page <= 7; ++page) {
            const QJsonArray users
                = jsonArray(get(u"/users?per_page=7&page="_qs + QString::number(page)).body);
            for (const QJsonValue &user : users) {
                const qint64 id = user[u"id"].toInteger();
                QVERIFY(id < previousId);
                previousId = id;
                seen.insert(id);
            }
        }
        QCOMPARE(seen.size(), SeedUsers);
    }

    void linksKeepFilters()
    {
        const Exchange e = get(u"/users?gender=male&per_page=3&page=2"_qs);
        const QUrl next(QString::fromUtf8(e.header("X-Links-Next")));
        const QUrlQuery query(next);
        QCOMPARE(query.queryItemValue(u"gender"_qs), u"male"_qs);
        QCOMPARE(query.queryItemValue(u"per_page"_qs), u"3"_qs);
        QCOMPARE(query.queryItemValue(u"page"_qs), u"3"_qs);
        QCOMPARE(QUrlQuery(QUrl(QString::fromUtf8(e.header("X-Links-Previous")))).queryItemValue(u"page"_qs),
            u"1"_qs);
    }

    void userFilters()
    {
        const QJsonObject user = firstUser();
        const QString name = user[u"name"].toString();
        const QString lastName = name.section(QLatin1Char(' '), -1);

        // name: case-insensitive substring
        const QString fragment = lastName.mid(1, 4).toUpper();
        QJsonArray found = jsonArray(get(u"/users?per_page=100&name="_qs + fragment).body);
        QVERIFY(!found.isEmpty());
        for (const QJsonValue &u : found)
            QVERIFY2(u[u"name"].toString().contains(fragment, Qt::CaseInsensitive),
                qPrintable(u[u"name"].toString()));

        // email: case-insensitive substring
        const QString email = user[u"email"].toString();
        found = jsonArray(get(u"/users?email="_qs + email.toUpper()).body);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first()[u"id"], user[u"id"]);

        // gender and status: exact
        for (const QString &gender : { u"male"_qs, u"female"_qs }) {
            const Exchange e = get(u"/users?per_page=100&gender="_qs + gender);
            QVERIFY(!jsonArray(e.body).isEmpty());
            for (const QJsonValue &u : jsonArray(e.body))
                QCOMPARE(u[u"gender"].toString(), gender);
        }
        const QJsonArray inactive = jsonArray(get(u"/users?per_page=100&status=inactive"_qs).body);
        QVERIFY(!inactive.isEmpty());
        for (const QJsonValue &u : inactive)
            QCOMPARE(u[u"status"].toString(), u"inactive"_qs);
        const int males = get(u"/users?gender=male"_qs).header("X-Pagination-Total").toInt();
        const int females = get(u"/users?gender=female"_qs).header("X-Pagination-Total").toInt();
        QCOMPARE(males + females, SeedUsers);

        // filters combine
        const Exchange both = get(u"/users?per_page=100&gender=female&status=active"_qs);
        for (const QJsonValue &u : jsonArray(both.body)) {
            QCOMPARE(u[u"gender"].toString(), u"female"_qs);
            QCOMPARE(u[u"status"].toString(), u"active"_qs);
        }

        // id: exact
        found = jsonArray(get(u"/users?id="_qs + QString::number(user[u"id"].toInteger())).body);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().toObject(), user);
    }

    void filterOutsideTheSetGivesEmptyList_data()
    {
        QTest::addColumn<QString>("query");
        QTest::newRow("gender=alien") << u"/users?gender=alien"_qs;
        QTest::newRow("status=asleep") << u"/users?status=asleep"_qs;
        QTest::newRow("id not a number") << u"/users?id=abc"_qs;
        QTest::newRow("no such id") << u"/users?id=1"_qs;
        QTest::newRow("name matches nothing") << u"/users?name=zzzqqq"_qs;
        QTest::newRow("LIKE wildcards are literal") << u"/users?name=%25"_qs;
        QTest::newRow("posts of nobody") << u"/posts?user_id=1"_qs;
        QTest::newRow("todo status outside set") << u"/todos?status=later"_qs;
    }

    void filterOutsideTheSetGivesEmptyList()
    {
        QFETCH(QString, query);
        const Exchange e = get(query);
        QCOMPARE(e.status, 200);
        QCOMPARE(e.body, QByteArray("[]"));
        QCOMPARE(e.header("X-Pagination-Total"), QByteArray("0"));
        QCOMPARE(e.header("X-Links-Next"), QByteArray());
    }

    void postAndTodoFilters()
    {
        const QJsonObject post = jsonArray(get(u"/posts"_qs).body).first().toObject();
        const qint64 userId = post[u"user_id"].toInteger();
        QCOMPARE(post.keys(), (QStringList { u"body"_qs, u"id"_qs, u"title"_qs, u"user_id"_qs }));
        QJsonArray posts = jsonArray(get(u"/posts?per_page=100&user_id="_qs + QString::number(userId)).body);
        QVERIFY(!posts.isEmpty());
        for (const QJsonValue &p : posts)
            QCOMPARE(p[u"user_id"].toInteger(), userId);
        const QString word = post[u"title"].toString().section(QLatin1Char(' '), 0, 0).toLower();
        posts = jsonArray(get(u"/posts?per_page=100&title="_qs + word).body);
        QVERIFY(!posts.isEmpty());
        for (const QJsonValue &p : posts)
            QVERIFY(p[u"title"].toString().contains(word, Qt::CaseInsensitive));
        // The nested route lists the same posts.
        QCOMPARE(jsonArray(get(u"/users/"_qs + QString::number(userId) + u"/posts?per_page=100"_qs).body),
            jsonArray(get(u"/posts?per_page=100&user_id="_qs + QString::number(userId)).body));

        const QJsonObject todo = jsonArray(get(u"/todos"_qs).body).first().toObject();
        QCOMPARE(
            todo.keys(), (QStringList { u"due_on"_qs, u"id"_qs, u"status"_qs, u"title"_qs, u"user_id"_qs }));
        QVERIFY(QRegularExpression(u"^\\d{4}-\\d\\d-\\d\\dT00:00:00\\.000\\+05:30$"_qs)
                    .match(todo[u"due_on"].toString())
                    .hasMatch());
        for (const QString &status : { u"pending"_qs, u"completed"_qs }) {
            const QJsonArray todos = jsonArray(get(u"/todos?per_page=100&status="_qs + status).body);
            QVERIFY(!todos.isEmpty());
            for (const QJsonValue &t : todos)
                QCOMPARE(t[u"status"].toString(), status);
        }
        const qint64 todoUser = todo[u"user_id"].toInteger();
        const QJsonArray todos
            = jsonArray(get(u"/users/"_qs + QString::number(todoUser) + u"/todos"_qs).body);
        QVERIFY(!todos.isEmpty());
        for (const QJsonValue &t : todos)
            QCOMPARE(t[u"user_id"].toInteger(), todoUser);
    }

    void getOne()
    {
        const QJsonObject user = firstUser();
        const Exchange e = get(u"/users/"_qs + QString::number(user[u"id"].toInteger()));
        QCOMPARE(e.status, 200);
        QCOMPARE(e.header("Content-Type"), QByteArray("application/json; charset=utf-8"));
        QCOMPARE(jsonObject(e.body), user);
        QVERIFY(!e.hasHeader("X-Pagination-Total"));
    }

    void unknownOrNonNumericIdIs404_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        for (const QByteArray method : { "GET", "PUT", "PATCH", "DELETE" }) {
            for (const char *path : { "/users/1", "/users/abc", "/users/12abc", "/users/-5", "/users/0",
                     "/posts/99999999", "/posts/x", "/todos/1", "/todos/%20" })
                QTest::addRow("%s %s", method.constData(), path) << method << QString::fromLatin1(path);
        }
    }

    void unknownOrNonNumericIdIs404()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        const Exchange e = method == "GET" ? get(path) : write(method, path, "{\"name\":\"x\"}");
        QCOMPARE(e.status, 404);
        QCOMPARE(e.body, QByteArray("{\"message\":\"Resource not found\"}"));
        QCOMPARE(e.header("Content-Type"), QByteArray("application/json; charset=utf-8"));
    }

    void createReturns201WithLocation()
    {
        const Exchange e = write("POST", u"/users"_qs,
            "{\"name\":\"Asha "
            "Rao\",\"email\":\"asha.rao@example.test\",\"gender\":\"female\",\"status\":\"active\"}");
        QCOMPARE(e.status, 201);
        const QJsonObject created = jsonObject(e.body);
        const qint64 id = created[u"id"].toInteger();
        QVERIFY(id > 0);
        QCOMPARE(created[u"name"].toString(), u"Asha Rao"_qs);
        QCOMPARE(created[u"email"].toString(), u"asha.rao@example.test"_qs);
        QCOMPARE(e.header("Location"),
            (m_sandbox->baseUrl().toString() + u"/users/"_qs + QString::number(id)).toUtf8());
        const Exchange fetched
            = SandboxFixture::send(m_manager, "GET", QUrl(QString::fromUtf8(e.header("Location"))));
        QCOMPARE(fetched.status, 200);
        QCOMPARE(jsonObject(fetched.body), created);
        // Newest first: the new user heads the list.
        QCOMPARE(firstUser(), created);
        QCOMPARE(get(u"/users"_qs).header("X-Pagination-Total").toInt(), SeedUsers + 1);
    }

    void writesNeedAToken_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("authorization");
        QTest::addColumn<QByteArray>("message");
        const QByteArray missing = "Authentication failed";
        const QByteArray invalid = "Invalid token";
        QTest::newRow("POST, no token") << QByteArray("POST") << u"/users"_qs << QByteArray() << missing;
        QTest::newRow("PUT, no token") << QByteArray("PUT") << u"/users/{id}"_qs << QByteArray() << missing;
        QTest::newRow("PATCH, no token")
            << QByteArray("PATCH") << u"/users/{id}"_qs << QByteArray() << missing;
        QTest::newRow("DELETE, no token")
            << QByteArray("DELETE") << u"/users/{id}"_qs << QByteArray() << missing;
        QTest::newRow("nested POST, no token")
            << QByteArray("POST") << u"/users/{id}/posts"_qs << QByteArray() << missing;
        QTest::newRow("POST, bad token")
            << QByteArray("POST") << u"/users"_qs << QByteArray("Bearer nope") << invalid;
        QTest::newRow("DELETE, bad token")
            << QByteArray("DELETE") << u"/users/{id}"_qs << QByteArray("Bearer nope") << invalid;
        QTest::newRow("PATCH, empty bearer")
            << QByteArray("PATCH") << u"/users/{id}"_qs << QByteArray("Bearer ") << invalid;
        QTest::newRow("POST, not bearer")
            << QByteArray("POST") << u"/todos"_qs << QByteArray("Basic dGVzdDp0ZXN0") << invalid;
        QTest::newRow("DELETE unknown id, bad token")
            << QByteArray("DELETE") << u"/users/1"_qs << QByteArray("Bearer nope") << invalid;
    }

    void writesNeedAToken()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, authorization);
        QFETCH(QByteArray, message);
        const QJsonObject user = firstUser();
        path.replace(u"{id}"_qs, QString::number(user[u"id"].toInteger()));
        SandboxFixture::HeaderList headers;
        if (!authorization.isEmpty())
            headers.append({ "Authorization", authorization });
        const Exchange e = SandboxFixture::send(m_manager, method, m_sandbox->url(path),
            "{\"name\":\"Hacker\",\"email\":\"h@h.test\",\"gender\":\"male\",\"status\":\"active\",\"title\":"
            "\"t\",\"body\":\"b\"}",
            headers);
        QCOMPARE(e.status, 401);
        QCOMPARE(e.body, "{\"message\":\"" + message + "\"}");
        // Nothing was written.
        QCOMPARE(firstUser(), user);
        QCOMPARE(get(u"/users"_qs).header("X-Pagination-Total").toInt(), SeedUsers);
    }

    void validationErrors_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("expected");

        QTest::newRow("user: nothing")
            << u"/users"_qs << QByteArray("{}")
            << QByteArray("[{\"field\":\"email\",\"message\":\"can't be "
                          "blank\"},{\"field\":\"name\",\"message\":\"can't be blank\"},"
                          "{\"field\":\"gender\",\"message\":\"can't be blank, can be male of "
                          "female\"},{\"field\":\"status\",\"message\":\"can't be blank\"}]");
        QTest::newRow("user: empty body")
            << u"/users"_qs << QByteArray()
            << QByteArray("[{\"field\":\"email\",\"message\":\"can't be "
                          "blank\"},{\"field\":\"name\",\"message\":\"can't be blank\"},"
                          "{\"field\":\"gender\",\"message\":\"can't be blank, can be male of "
                          "female\"},{\"field\":\"status\",\"message\":\"can't be blank\"}]");
        QTest::newRow("user: invalid email")
            << u"/users"_qs
            << QByteArray(
                   "{\"name\":\"A\",\"email\":\"not-an-email\",\"gender\":\"male\",\"status\":\"active\"}")
            << QByteArray("[{\"field\":\"email\",\"message\":\"is invalid\"}]");
        QTest::newRow("user: taken email")
            << u"/users"_qs
            << QByteArray("{\"name\":\"A\",\"email\":\"{email}\",\"gender\":\"male\",\"status\":\"active\"}")
            << QByteArray("[{\"field\":\"email\",\"message\":\"has already been taken\"}]");
        QTest::newRow("user: taken email, other case")
            << u"/users"_qs
            << QByteArray("{\"name\":\"A\",\"email\":\"{EMAIL}\",\"gender\":\"male\",\"status\":\"active\"}")
            << QByteArray("[{\"field\":\"email\",\"message\":\"has already been taken\"}]");
        QTest::newRow("user: taken email and blank name")
            << u"/users"_qs
            << QByteArray("{\"name\":\"  \",\"email\":\"{email}\",\"gender\":\"male\",\"status\":\"active\"}")
            << QByteArray("[{\"field\":\"email\",\"message\":\"has already been "
                          "taken\"},{\"field\":\"name\",\"message\":\"can't be blank\"}]");
        QTest::newRow("user: bad gender")
            << u"/users"_qs
            << QByteArray(
                   "{\"name\":\"A\",\"email\":\"a@b.test\",\"gender\":\"alien\",\"status\":\"active\"}")
            << QByteArray("[{\"field\":\"gender\",\"message\":\"can't be blank, can be male of female\"}]");
        QTest::newRow("user: bad status")
            << u"/users"_qs
            << QByteArray("{\"name\":\"A\",\"email\":\"a@b.test\",\"gender\":\"male\",\"status\":\"asleep\"}")
            << QByteArray("[{\"field\":\"status\",\"message\":\"can't be blank\"}]");
        QTest::newRow("user: null and number")
            << u"/users"_qs
            << QByteArray("{\"name\":null,\"email\":42,\"gender\":\"female\",\"status\":\"inactive\"}")
            << QByteArray("[{\"field\":\"email\",\"message\":\"is "
                          "invalid\"},{\"field\":\"name\",\"message\":\"can't be blank\"}]");
        QTest::newRow("patch: blank name")
            << u"/users/{id}"_qs << QByteArray("{\"name\":\"\"}")
            << QByteArray("[{\"field\":\"name\",\"message\":\"can't be blank\"}]");
        QTest::newRow("patch: other user's email")
            << u"/users/{id}"_qs << QByteArray("{\"email\":\"{EMAIL2}\"}")
            << QByteArray("[{\"field\":\"email\",\"message\":\"has already been taken\"}]");
        QTest::newRow("nested post: no such user")
            << u"/users/1/posts"_qs << QByteArray("{\"title\":\"t\",\"body\":\"b\"}")
            << QByteArray("[{\"field\":\"user\",\"message\":\"must exist\"}]");
        QTest::newRow("post: nothing")
            << u"/posts"_qs << QByteArray("{}")
            << QByteArray("[{\"field\":\"user\",\"message\":\"must "
                          "exist\"},{\"field\":\"title\",\"message\":\"can't be "
                          "blank\"},{\"field\":\"body\",\"message\":\"can't be blank\"}]");
        QTest::newRow("post: user_id not a number")
            << u"/posts"_qs << QByteArray("{\"user_id\":\"abc\",\"title\":\"t\",\"body\":\"b\"}")
            << QByteArray("[{\"field\":\"user\",\"message\":\"must exist\"}]");
        QTest::newRow("nested todo: no such user")
            << u"/users/1/todos"_qs << QByteArray("{\"title\":\"t\",\"status\":\"pending\"}")
            << QByteArray("[{\"field\":\"user\",\"message\":\"must exist\"}]");
        QTest::newRow("todo: bad status and date")
            << u"/users/{id}/todos"_qs
            << QByteArray("{\"title\":\"t\",\"status\":\"later\",\"due_on\":\"someday\"}")
            << QByteArray("[{\"field\":\"due_on\",\"message\":\"is "
                          "invalid\"},{\"field\":\"status\",\"message\":\"can't be blank\"}]");
    }

    void validationErrors()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, expected);
        const QJsonArray users = jsonArray(get(u"/users"_qs).body);
        const QJsonObject user = users.at(0).toObject();
        const QByteArray email = user[u"email"].toString().toUtf8();
        path.replace(u"{id}"_qs, QString::number(user[u"id"].toInteger()));
        body.replace("{email}", email)
            .replace("{EMAIL}", email.toUpper())
            .replace("{EMAIL2}", users.at(1)[u"email"].toString().toUpper().toUtf8());

        const QByteArray method = QByteArray(QTest::currentDataTag()).startsWith("patch:") ? "PATCH" : "POST";
        const Exchange e = write(method, path, body);
        QCOMPARE(e.status, 422);
        QCOMPARE(e.header("Content-Type"), QByteArray("application/json; charset=utf-8"));
        QCOMPARE(e.body, expected);
        QCOMPARE(get(u"/users"_qs).header("X-Pagination-Total").toInt(), SeedUsers);
        QCOMPARE(firstUser(), user);
    }

    void nestedCreates()
    {
        const QJsonObject user = firstUser();
        const QString id = QString::number(user[u"id"].toInteger());
        Exchange e = write("POST", u"/users/"_qs + id + u"/posts"_qs,
            "{\"title\":\"Hello\",\"body\":\"World\",\"user_id\":1}");
        QCOMPARE(e.status, 201);
        QJsonObject post = jsonObject(e.body);
        // The path's user wins over a user_id in the body.
        QCOMPARE(post[u"user_id"].toInteger(), user[u"id"].toInteger());
        QCOMPARE(post[u"title"].toString(), u"Hello"_qs);
        QVERIFY(e.header("Location")
                    .endsWith(QByteArray("/public/v2/posts/" + QByteArray::number(post[u"id"].toInteger()))));
        QCOMPARE(jsonArray(get(u"/users/"_qs + id + u"/posts"_qs).body).first().toObject(), post);

        e = write("POST", u"/users/"_qs + id + u"/todos"_qs,
            "{\"title\":\"Pay\",\"status\":\"pending\",\"due_on\":\"2026-07-01\"}");
        QCOMPARE(e.status, 201);
        QJsonObject todo = jsonObject(e.body);
        QCOMPARE(todo[u"due_on"].toString(), u"2026-07-01T00:00:00.000+05:30"_qs);
        QCOMPARE(todo[u"status"].toString(), u"pending"_qs);
        QVERIFY(e.header("Location")
                    .endsWith(QByteArray("/public/v2/todos/" + QByteArray::number(todo[u"id"].toInteger()))));

        // A full timestamp is moved to GoRest's zone; no due date is null.
        e = write("POST", u"/todos"_qs,
            "{\"user_id\":" + id.toUtf8()
                + ",\"title\":\"Call\",\"status\":\"completed\",\"due_on\":\"2026-07-01T10:00:00Z\"}");
        QCOMPARE(e.status, 201);
        QCOMPARE(jsonObject(e.body)[u"due_on"].toString(), u"2026-07-01T15:30:00.000+05:30"_qs);
        e = write("POST", u"/todos"_qs,
            "{\"user_id\":" + id.toUtf8() + ",\"title\":\"Someday\",\"status\":\"pending\"}");
        QCOMPARE(e.status, 201);
        QVERIFY(jsonObject(e.body)[u"due_on"].isNull());
        QVERIFY(e.body.contains("\"due_on\":null"));

        e = write(
            "POST", u"/posts"_qs, "{\"user_id\":" + id.toUtf8() + ",\"title\":\"Flat\",\"body\":\"route\"}");
        QCOMPARE(e.status, 201);
        QCOMPARE(jsonObject(e.body)[u"user_id"].toInteger(), user[u"id"].toInteger());
    }

    void putAndPatchArePartial()
    {
        const QJsonObject user = firstUser();
        const QString path = u"/users/"_qs + QString::number(user[u"id"].toInteger());

        Exchange e = write("PATCH", path, "{\"name\":\"Renamed Person\"}");
        QCOMPARE(e.status, 200);
        QJsonObject updated = jsonObject(e.body);
        QCOMPARE(updated[u"name"].toString(), u"Renamed Person"_qs);
        QCOMPARE(updated[u"email"], user[u"email"]);
        QCOMPARE(updated[u"gender"], user[u"gender"]);
        QCOMPARE(updated[u"status"], user[u"status"]);
        QCOMPARE(updated[u"id"], user[u"id"]);

        const QString otherStatus = user[u"status"].toString() == u"active" ? u"inactive"_qs : u"active"_qs;
        e = write("PUT", path, "{\"status\":\"" + otherStatus.toUtf8() + "\"}");
        QCOMPARE(e.status, 200);
        updated = jsonObject(e.body);
        QCOMPARE(updated[u"status"].toString(), otherStatus);
        QCOMPARE(updated[u"name"].toString(), u"Renamed Person"_qs);
        QCOMPARE(updated[u"email"], user[u"email"]);
        QCOMPARE(jsonObject(get(path).body), updated);

        // The user's own email, in another case, is not "taken".
        e = write("PATCH", path, "{\"email\":\"" + user[u"email"].toString().toUpper().toUtf8() + "\"}");
        QCOMPARE(e.status, 200);
        // An empty object changes nothing and still answers the full object.
        e = write("PUT", path, "{}");
        QCOMPARE(e.status, 200);
        QCOMPARE(jsonObject(e.body)[u"name"].toString(), u"Renamed Person"_qs);

        const QJsonObject todo = jsonArray(get(u"/todos"_qs).body).first().toObject();
        e = write(
            "PATCH", u"/todos/"_qs + QString::number(todo[u"id"].toInteger()), "{\"status\":\"completed\"}");
        QCOMPARE(e.status, 200);
        QCOMPARE(jsonObject(e.body)[u"title"], todo[u"title"]);
        QCOMPARE(jsonObject(e.body)[u"status"].toString(), u"completed"_qs);
    }

    void deleteIs204WithEmptyBodyThen404()
    {
        const QJsonObject user = createUser(u"short.lived@example.test"_qs);
        const QString path = u"/users/"_qs + QString::number(user[u"id"].toInteger());
        Exchange e = write("DELETE", path);
        QCOMPARE(e.status, 204);
        QCOMPARE(e.error, QNetworkReply::NoError);
        QVERIFY(e.body.isEmpty());
        QVERIFY(!e.hasHeader("Content-Type"));
        QCOMPARE(get(path).status, 404);
        e = write("DELETE", path);
        QCOMPARE(e.status, 404);
        QCOMPARE(e.body, QByteArray("{\"message\":\"Resource not found\"}"));
        // The id is never handed out again.
        QVERIFY(createUser(u"next@example.test"_qs)[u"id"].toInteger() > user[u"id"].toInteger());
    }

    void deletingAUserDeletesItsPostsAndTodos()
    {
        const QJsonObject user = createUser(u"cascade@example.test"_qs);
        const QString id = QString::number(user[u"id"].toInteger());
        const QJsonObject post = jsonObject(
            write("POST", u"/users/"_qs + id + u"/posts"_qs, "{\"title\":\"t\",\"body\":\"b\"}").body);
        const QJsonObject todo = jsonObject(
            write("POST", u"/users/"_qs + id + u"/todos"_qs, "{\"title\":\"t\",\"status\":\"pending\"}")
                .body);
        QVERIFY(post[u"id"].toInteger() > 0);
        QVERIFY(todo[u"id"].toInteger() > 0);

        QCOMPARE(write("DELETE", u"/users/"_qs + id).status, 204);
        QCOMPARE(get(u"/posts/"_qs + QString::number(post[u"id"].toInteger())).status, 404);
        QCOMPARE(get(u"/todos/"_qs + QString::number(todo[u"id"].toInteger())).status, 404);
        QCOMPARE(get(u"/posts?user_id="_qs + id).body, QByteArray("[]"));
        QCOMPARE(get(u"/users/"_qs + id + u"/todos"_qs).body, QByteArray("[]"));
    }

    void bodyThatIsNotAnObjectIs400_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("array") << QByteArray("POST") << QByteArray("[1,2]");
        QTest::newRow("not json") << QByteArray("POST") << QByteArray("name=x&email=y");
        QTest::newRow("string") << QByteArray("PATCH") << QByteArray("\"text\"");
        QTest::newRow("truncated json") << QByteArray("PUT") << QByteArray("{\"name\":");
    }

    void bodyThatIsNotAnObjectIs400()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, body);
        const QString path = method == "POST"
            ? u"/users"_qs
            : u"/users/"_qs + QString::number(firstUser()[u"id"].toInteger());
        const Exchange e = write(method, path, body);
        QCOMPARE(e.status, 400);
        QVERIFY(!jsonObject(e.body)[u"message"].toString().isEmpty());
        QCOMPARE(e.header("Content-Type"), QByteArray("application/json; charset=utf-8"));
    }

    void hugeBodyIs413AndServerCarriesOn()
    {
        QByteArray body = "{\"name\":\"" + QByteArray(2 * 1024 * 1024, 'x') + "\"}";
        const Exchange e = write("POST", u"/users"_qs, body);
        QCOMPARE(e.status, 413);
        QCOMPARE(e.body, QByteArray("{\"message\":\"Request body too large\"}"));
        QCOMPARE(get(u"/users"_qs).status, 200);
    }

    void unknownRoutesAndMethods()
    {
        for (const QString &path :
            { u"/nothing"_qs, u"/users/1/comments"_qs, u"/todos/1/comments"_qs, u"/posts/1/todos"_qs,
                u"/comments/1/posts"_qs, u"/users/1/posts/2"_qs, u"/users/1/users"_qs, u""_qs }) {
            const Exchange e = get(path);
            QCOMPARE(e.status, 404);
            QCOMPARE(e.body, QByteArray("{\"message\":\"Resource not found\"}"));
        }
        QUrl outside = m_sandbox->baseUrl();
        outside.setPath(u"/public/v1/users"_qs);
        QCOMPARE(SandboxFixture::send(m_manager, "GET", outside).status, 404);

        Exchange e = write("DELETE", u"/users"_qs);
        QCOMPARE(e.status, 405);
        QCOMPARE(e.header("Allow"), QByteArray("GET, POST"));
        e = write("POST", u"/users/"_qs + QString::number(firstUser()[u"id"].toInteger()), "{}");
        QCOMPARE(e.status, 405);
        QCOMPARE(e.header("Allow"), QByteArray("GET, PUT, PATCH, DELETE"));
    }

    void databaseFailureIsA500NotAnEmptyList()
    {
        // Another hand takes the todos table away: the list must say the server failed, not "no todos".
        {
            QSqlDatabase db
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("saboteur"));
            db.setDatabaseName(m_sandbox->dataPath());
            QVERIFY(db.open());
            QVERIFY(QSqlQuery(db).exec(QStringLiteral("ALTER TABLE todos RENAME TO todos_away")));
            const Exchange e = get(u"/todos"_qs);
            QCOMPARE(e.status, 500);
            QVERIFY(QSqlQuery(db).exec(QStringLiteral("ALTER TABLE todos_away RENAME TO todos")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("saboteur"));
        QCOMPARE(get(u"/todos"_qs).status, 200);
    }

    void connectionsAreReused()
    {
        const qint64 id = firstUser()[u"id"].toInteger(); // on the test's own connection, before counting
        QNetworkAccessManager manager;
        const quint64 before = m_sandbox->stats().connections;
        for (int i = 0; i < 5; ++i)
            QCOMPARE(SandboxFixture::send(manager, "GET", m_sandbox->url(u"/users"_qs)).status, 200);
        QCOMPARE(
            m_sandbox
                ->sendAuthorized(manager, "PATCH", m_sandbox->url(u"/users/"_qs + QString::number(id)), "{}")
                .status,
            200);
        QCOMPARE(m_sandbox->stats().connections - before, quint64(1));
    }
};

QTEST_GUILESS_MAIN(TestSandbox)
#include "tst_sandbox.moc"
