// Every route of every resource (users, posts, todos, comments) against the GoRest v2 contract
// (shared/GOREST-API.md): list, get, create, PUT and PATCH, delete, nested lists and creates,
// cascading deletes, 422s and 404s.

#include "sandboxfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTest>
#include <QUrlQuery>

using namespace UserDesk;

namespace {

constexpr int SeedUsers = 30;

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

QString id(const QJsonObject &object)
{
    return QString::number(object[u"id"].toInteger());
}

} // namespace

class TestSandboxResources : public QObject
{
    Q_OBJECT

private:
    using Exchange = SandboxFixture::Exchange;

    std::unique_ptr<SandboxFixture> m_sandbox;
    QNetworkAccessManager m_manager;
    int m_serial = 0;

    Exchange get(const QString &pathAndQuery)
    {
        return SandboxFixture::send(m_manager, "GET", m_sandbox->url(pathAndQuery));
    }
    Exchange write(const QByteArray &method, const QString &path, const QByteArray &body = {})
    {
        return m_sandbox->sendAuthorized(m_manager, method, m_sandbox->url(path), body);
    }
    QJsonObject created(const QString &path, const QJsonObject &body)
    {
        const Exchange e = write("POST", path, json(body));
        if (e.status != 201)
            qWarning() << "create failed" << path << e.status << e.body;
        return jsonObject(e.body);
    }
    QJsonObject newUser()
    {
        return created(u"/users"_qs,
            { { u"name"_qs, u"Res User"_qs }, { u"email"_qs, u"res%1@x.test"_qs.arg(++m_serial) },
                { u"gender"_qs, u"female"_qs }, { u"status"_qs, u"active"_qs } });
    }
    QJsonObject newPost(const QJsonObject &user)
    {
        return created(
            u"/users/"_qs + id(user) + u"/posts"_qs, { { u"title"_qs, u"T"_qs }, { u"body"_qs, u"B"_qs } });
    }
    QJsonObject newComment(const QJsonObject &post)
    {
        return created(u"/posts/"_qs + id(post) + u"/comments"_qs,
            { { u"name"_qs, u"C"_qs }, { u"email"_qs, u"c@x.test"_qs }, { u"body"_qs, u"Nice"_qs } });
    }
    QJsonObject newTodo(const QJsonObject &user)
    {
        return created(u"/users/"_qs + id(user) + u"/todos"_qs,
            { { u"title"_qs, u"Do"_qs }, { u"status"_qs, u"pending"_qs } });
    }

    // A valid create body for each resource, its parent made on the way.
    QJsonObject validBody(const QString &resource)
    {
        if (resource == u"users")
            return { { u"name"_qs, u"Valid"_qs }, { u"email"_qs, u"valid%1@x.test"_qs.arg(++m_serial) },
                { u"gender"_qs, u"male"_qs }, { u"status"_qs, u"inactive"_qs } };
        if (resource == u"posts")
            return { { u"user_id"_qs, newUser()[u"id"] }, { u"title"_qs, u"Title"_qs },
                { u"body"_qs, u"Body"_qs } };
        if (resource == u"todos")
            return { { u"user_id"_qs, newUser()[u"id"] }, { u"title"_qs, u"Title"_qs },
                { u"due_on"_qs, u"2026-12-24"_qs }, { u"status"_qs, u"pending"_qs } };
        return { { u"post_id"_qs, newPost(newUser())[u"id"] }, { u"name"_qs, u"Name"_qs },
            { u"email"_qs, u"name@x.test"_qs }, { u"body"_qs, u"Body"_qs } };
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_sandbox = std::make_unique<SandboxFixture>(SandboxFixture::defaultConfig(SeedUsers));
        QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
    }

    void init()
    {
        m_sandbox->clearFaults();
        m_sandbox->setRateLimit(SandboxRateLimit());
        QVERIFY(m_sandbox->reset(SeedUsers));
    }

    void cleanupTestCase() { m_sandbox.reset(); }

    void resources_data()
    {
        QTest::addColumn<QString>("resource");
        QTest::addColumn<QStringList>("fields");
        QTest::addColumn<QString>("patchField");
        QTest::addColumn<QJsonValue>("patchValue");
        QTest::newRow("users") << u"users"_qs
                               << QStringList { u"id"_qs, u"name"_qs, u"email"_qs, u"gender"_qs,
                                      u"status"_qs }
                               << u"name"_qs << QJsonValue(u"Renamed"_qs);
        QTest::newRow("posts") << u"posts"_qs
                               << QStringList { u"id"_qs, u"user_id"_qs, u"title"_qs, u"body"_qs }
                               << u"title"_qs << QJsonValue(u"Retitled"_qs);
        QTest::newRow("todos") << u"todos"_qs
                               << QStringList { u"id"_qs, u"user_id"_qs, u"title"_qs, u"due_on"_qs,
                                      u"status"_qs }
                               << u"status"_qs << QJsonValue(u"completed"_qs);
        QTest::newRow("comments") << u"comments"_qs
                                  << QStringList { u"id"_qs, u"post_id"_qs, u"name"_qs, u"email"_qs,
                                         u"body"_qs }
                                  << u"body"_qs << QJsonValue(u"Edited"_qs);
    }

    // GET list, GET one, POST, PUT, PATCH, DELETE, then 404 for everything on the gone id.
    void resources()
    {
        QFETCH(QString, resource);
        QFETCH(QStringList, fields);
        QFETCH(QString, patchField);
        QFETCH(QJsonValue, patchValue);
        const QString path = u"/"_qs + resource;

        Exchange e = get(path);
        QCOMPARE(e.status, 200);
        QCOMPARE(e.header("Content-Type"), QByteArray("application/json; charset=utf-8"));
        const QJsonArray page = jsonArray(e.body);
        QCOMPARE(page.size(), 10); // the seed has more than a page of each
        QVERIFY(e.header("X-Pagination-Total").toInt() > 10);
        QVERIFY(e.header("X-Links-Next").contains(QByteArray("/public/v2/" + resource.toUtf8() + "?page=2")));
        // GoRest's field order on the wire, id first, newest first.
        QVERIFY(e.body.startsWith("[{\"id\":"));
        QStringList sorted = fields;
        sorted.sort();
        QCOMPARE(page.first().toObject().keys(), sorted);
        QVERIFY(page.at(0)[u"id"].toInteger() > page.at(1)[u"id"].toInteger());

        const QJsonObject body = validBody(resource);
        e = write("POST", path, json(body));
        QCOMPARE(e.status, 201);
        const QJsonObject made = jsonObject(e.body);
        QVERIFY(e.body.startsWith("{\"id\":"));
        for (auto it = body.begin(); it != body.end(); ++it) {
            if (it.key() != u"due_on")
                QCOMPARE(made[it.key()], it.value());
        }
        const QString one = path + u"/"_qs + id(made);
        QCOMPARE(e.header("Location"), (m_sandbox->baseUrl().toString() + one).toUtf8());
        QCOMPARE(jsonObject(get(one).body), made);
        QCOMPARE(jsonArray(get(path).body).first().toObject(), made);
        QCOMPARE(jsonArray(get(path + u"?id="_qs + id(made)).body).first().toObject(), made);

        for (const QByteArray &method : { QByteArray("PATCH"), QByteArray("PUT") }) {
            e = write(method, one, json({ { patchField, patchValue } }));
            QCOMPARE(e.status, 200);
            QJsonObject expected = made;
            expected.insert(patchField, patchValue);
            QCOMPARE(jsonObject(e.body), expected); // partial: the other fields are kept
            QCOMPARE(jsonObject(get(one).body), expected);
        }

        e = write("DELETE", one);
        QCOMPARE(e.status, 204);
        QVERIFY(e.body.isEmpty());
        for (const QByteArray &method :
            { QByteArray("GET"), QByteArray("PATCH"), QByteArray("PUT"), QByteArray("DELETE") }) {
            e = method == "GET" ? get(one) : write(method, one, "{}");
            QCOMPARE(e.status, 404);
            QCOMPARE(e.body, QByteArray("{\"message\":\"Resource not found\"}"));
        }
        QCOMPARE(get(path + u"/abc"_qs).status, 404);

        // Writes need the token; the wrong methods are 405 with Allow.
        e = SandboxFixture::send(m_manager, "POST", m_sandbox->url(path), json(validBody(resource)));
        QCOMPARE(e.status, 401);
        e = write("DELETE", path);
        QCOMPARE(e.status, 405);
        QCOMPARE(e.header("Allow"), QByteArray("GET, POST"));
    }

    void validation_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("expected");
        const QByteArray mustExistUser = "{\"field\":\"user\",\"message\":\"must exist\"}";
        const QByteArray mustExistPost = "{\"field\":\"post\",\"message\":\"must exist\"}";
        QTest::newRow("comment: nothing")
            << u"/comments"_qs << QByteArray("POST") << QByteArray("{}")
            << QByteArray("[" + mustExistPost
                   + ",{\"field\":\"name\",\"message\":\"can't be "
                     "blank\"},{\"field\":\"email\",\"message\":\"can't be "
                     "blank\"},{\"field\":\"body\",\"message\":\"can't be blank\"}]");
        QTest::newRow("comment: no such post")
            << u"/comments"_qs << QByteArray("POST")
            << QByteArray("{\"post_id\":1,\"name\":\"n\",\"email\":\"e@x.test\",\"body\":\"b\"}")
            << QByteArray("[" + mustExistPost + "]");
        QTest::newRow("comment: post_id not a number")
            << u"/comments"_qs << QByteArray("POST")
            << QByteArray("{\"post_id\":\"abc\",\"name\":\"n\",\"email\":\"e@x.test\",\"body\":\"b\"}")
            << QByteArray("[" + mustExistPost + "]");
        QTest::newRow("comment: invalid email")
            << u"/posts/{post}/comments"_qs << QByteArray("POST")
            << QByteArray("{\"name\":\"n\",\"email\":\"nope\",\"body\":\"b\"}")
            << QByteArray("[{\"field\":\"email\",\"message\":\"is invalid\"}]");
        QTest::newRow("nested comment: no such post")
            << u"/posts/1/comments"_qs << QByteArray("POST")
            << QByteArray("{\"name\":\"n\",\"email\":\"e@x.test\",\"body\":\"b\"}")
            << QByteArray("[" + mustExistPost + "]");
        QTest::newRow("nested post: no such user")
            << u"/users/1/posts"_qs << QByteArray("POST") << QByteArray("{\"title\":\"t\",\"body\":\"b\"}")
            << QByteArray("[" + mustExistUser + "]");
        QTest::newRow("nested todo: no such user") << u"/users/1/todos"_qs << QByteArray("POST")
                                                   << QByteArray("{\"title\":\"t\",\"status\":\"pending\"}")
                                                   << QByteArray("[" + mustExistUser + "]");
        QTest::newRow("post: no such user") << u"/posts"_qs << QByteArray("POST")
                                            << QByteArray("{\"user_id\":1,\"title\":\"t\",\"body\":\"b\"}")
                                            << QByteArray("[" + mustExistUser + "]");
        QTest::newRow("todo: no such user")
            << u"/todos"_qs << QByteArray("POST")
            << QByteArray("{\"user_id\":1,\"title\":\"t\",\"status\":\"pending\"}")
            << QByteArray("[" + mustExistUser + "]");
        QTest::newRow("patch comment: blank body, gone post")
            << u"/comments/{comment}"_qs << QByteArray("PATCH")
            << QByteArray("{\"body\":\" \",\"post_id\":1}")
            << QByteArray("[" + mustExistPost + ",{\"field\":\"body\",\"message\":\"can't be blank\"}]");
        QTest::newRow("patch post: moved to no user")
            << u"/posts/{post}"_qs << QByteArray("PUT") << QByteArray("{\"user_id\":1}")
            << QByteArray("[" + mustExistUser + "]");
        QTest::newRow("patch todo: bad status")
            << u"/todos/{todo}"_qs << QByteArray("PATCH") << QByteArray("{\"status\":\"later\"}")
            << QByteArray("[{\"field\":\"status\",\"message\":\"can't be blank\"}]");
    }

    void validation()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, expected);
        const QJsonObject user = newUser();
        const QJsonObject post = newPost(user);
        const QJsonObject comment = newComment(post);
        const QJsonObject todo = newTodo(user);
        path.replace(u"{post}"_qs, id(post))
            .replace(u"{comment}"_qs, id(comment))
            .replace(u"{todo}"_qs, id(todo));
        const qint64 comments = get(u"/comments"_qs).header("X-Pagination-Total").toLongLong();
        const Exchange e = write(method, path, body);
        QCOMPARE(e.status, 422);
        QCOMPARE(e.body, expected);
        // Nothing changed.
        QCOMPARE(get(u"/comments"_qs).header("X-Pagination-Total").toLongLong(), comments);
        QCOMPARE(jsonObject(get(u"/comments/"_qs + id(comment)).body), comment);
        QCOMPARE(jsonObject(get(u"/posts/"_qs + id(post)).body), post);
        QCOMPARE(jsonObject(get(u"/todos/"_qs + id(todo)).body), todo);
    }

    void nestedRoutes()
    {
        const QJsonObject user = newUser();
        const QJsonObject other = newUser();
        const QJsonObject post = newPost(user);
        newPost(other);
        const QJsonObject todo = newTodo(user);
        newTodo(other);

        // Nested creates: the path's parent wins over one in the body, Location is the flat route.
        Exchange e = write("POST", u"/posts/"_qs + id(post) + u"/comments"_qs,
            json({ { u"post_id"_qs, 1 }, { u"name"_qs, u"N"_qs }, { u"email"_qs, u"n@x.test"_qs },
                { u"body"_qs, u"B"_qs } }));
        QCOMPARE(e.status, 201);
        const QJsonObject comment = jsonObject(e.body);
        QCOMPARE(comment[u"post_id"], post[u"id"]);
        QCOMPARE(e.header("Location"),
            (m_sandbox->baseUrl().toString() + u"/comments/"_qs + id(comment)).toUtf8());
        const QJsonObject second = newComment(post);

        // Nested lists hold exactly the parent's rows, newest first, like the filtered flat list.
        const auto same
            = [this](const QString &nested, const QString &flat, const QList<QJsonObject> &expected) {
                  const QJsonArray rows = jsonArray(get(nested).body);
                  QCOMPARE(rows.size(), expected.size());
                  for (qsizetype i = 0; i < rows.size(); ++i)
                      QCOMPARE(rows.at(i).toObject(), expected.at(i));
                  QCOMPARE(jsonArray(get(flat).body), rows);
                  QCOMPARE(get(nested).header("X-Pagination-Total").toInt(), expected.size());
              };
        same(u"/users/"_qs + id(user) + u"/posts"_qs, u"/posts?user_id="_qs + id(user), { post });
        same(u"/users/"_qs + id(user) + u"/todos"_qs, u"/todos?user_id="_qs + id(user), { todo });
        same(u"/posts/"_qs + id(post) + u"/comments"_qs, u"/comments?post_id="_qs + id(post),
            { second, comment });
        // Links of a nested list stay on the nested route.
        e = get(u"/posts/"_qs + id(post) + u"/comments?per_page=1"_qs);
        QCOMPARE(e.header("X-Links-Next"),
            (m_sandbox->baseUrl().toString() + u"/posts/"_qs + id(post) + u"/comments?page=2&per_page=1"_qs)
                .toUtf8());

        // A parent that does not exist has nothing under it; a non-numeric one is no route.
        QCOMPARE(get(u"/posts/1/comments"_qs).body, QByteArray("[]"));
        QCOMPARE(get(u"/users/1/todos"_qs).body, QByteArray("[]"));
        QCOMPARE(get(u"/posts/x/comments"_qs).status, 404);
        // Only GET and POST on nested routes.
        e = write("DELETE", u"/posts/"_qs + id(post) + u"/comments"_qs);
        QCOMPARE(e.status, 405);
        QCOMPARE(e.header("Allow"), QByteArray("GET, POST"));
        QCOMPARE(SandboxFixture::send(
                     m_manager, "POST", m_sandbox->url(u"/posts/"_qs + id(post) + u"/comments"_qs), "{}")
                     .status,
            401);
    }

    void commentFilters()
    {
        const QJsonObject post = newPost(newUser());
        const QJsonObject comment = created(u"/posts/"_qs + id(post) + u"/comments"_qs,
            { { u"name"_qs, u"Zebulon Quark"_qs }, { u"email"_qs, u"zebulon@quark.test"_qs },
                { u"body"_qs, u"Xylophonic remark"_qs } });
        for (const QString &query : QStringList { u"name=zebulon"_qs, u"email=QUARK.TEST"_qs,
                 u"body=xylophonic"_qs, u"post_id="_qs + id(post), u"id="_qs + id(comment) }) {
            const QJsonArray found = jsonArray(get(u"/comments?"_qs + query).body);
            QCOMPARE(found.size(), 1);
            QCOMPARE(found.first().toObject(), comment);
        }
        QCOMPARE(get(u"/comments?post_id=abc"_qs).body, QByteArray("[]"));
        QCOMPARE(get(u"/comments?name=nobody-at-all"_qs).body, QByteArray("[]"));
    }

    void deletingCascades()
    {
        const QJsonObject user = newUser();
        const QJsonObject post = newPost(user);
        const QJsonObject keptPost = newPost(user);
        const QJsonObject comment = newComment(post);
        const QJsonObject keptComment = newComment(keptPost);
        const QJsonObject todo = newTodo(user);

        // A post takes its comments with it, and nothing else.
        QCOMPARE(write("DELETE", u"/posts/"_qs + id(post)).status, 204);
        QCOMPARE(get(u"/comments/"_qs + id(comment)).status, 404);
        QCOMPARE(get(u"/posts/"_qs + id(post) + u"/comments"_qs).body, QByteArray("[]"));
        QCOMPARE(jsonObject(get(u"/comments/"_qs + id(keptComment)).body), keptComment);
        QCOMPARE(get(u"/users/"_qs + id(user)).status, 200);

        // A user takes its posts, their comments and its todos.
        QCOMPARE(write("DELETE", u"/users/"_qs + id(user)).status, 204);
        for (const QString &gone : QStringList { u"/posts/"_qs + id(keptPost),
                 u"/comments/"_qs + id(keptComment), u"/todos/"_qs + id(todo), u"/users/"_qs + id(user) })
            QCOMPARE(get(gone).status, 404);
        QCOMPARE(get(u"/users/"_qs + id(user) + u"/posts"_qs).body, QByteArray("[]"));
        QCOMPARE(get(u"/users/"_qs + id(user) + u"/todos"_qs).body, QByteArray("[]"));
        // Nothing can hang under the gone parents afterwards.
        QCOMPARE(write("POST", u"/posts/"_qs + id(keptPost) + u"/comments"_qs,
                     "{\"name\":\"n\",\"email\":\"e@x.test\",\"body\":\"b\"}")
                     .status,
            422);
    }

    // Comments and nested routes get the same faults and rate limit as users.
    void faultsAndRateLimitApplyToEveryRoute()
    {
        const QJsonObject post = newPost(newUser());
        const QString nested = u"/posts/"_qs + id(post) + u"/comments"_qs;

        SandboxFaults faults;
        faults.failRate = 1.0;
        m_sandbox->setFaults(faults);
        for (const QString &path : { u"/comments"_qs, nested }) {
            const Exchange e = get(path);
            QCOMPARE(e.status, 503);
            QCOMPARE(e.header("Retry-After"), QByteArray("1"));
        }
        faults = SandboxFaults();
        faults.dropAfterRate = 1.0;
        m_sandbox->setFaults(faults);
        const quint64 applied = m_sandbox->stats().writesApplied;
        const Exchange dropped
            = write("POST", nested, "{\"name\":\"n\",\"email\":\"drop@x.test\",\"body\":\"after\"}");
        QCOMPARE(dropped.status, 0); // no answer, but the write happened
        // (Qt may resend a POST whose connection closed without an answer: at least once, then.)
        QVERIFY(m_sandbox->stats().writesApplied > applied);
        m_sandbox->clearFaults();
        const int afterDrop = int(jsonArray(get(u"/comments?body=after&post_id="_qs + id(post)).body).size());
        QVERIFY(afterDrop >= 1);

        SandboxRateLimit limit;
        limit.limit = 2;
        limit.windowSeconds = 60;
        m_sandbox->setRateLimit(limit);
        QCOMPARE(write("POST", nested, "{\"name\":\"n\",\"email\":\"r@x.test\",\"body\":\"1\"}").status, 201);
        QCOMPARE(m_sandbox->sendAuthorized(m_manager, "GET", m_sandbox->url(u"/comments"_qs)).status, 200);
        const Exchange limited
            = write("POST", nested, "{\"name\":\"n\",\"email\":\"r@x.test\",\"body\":\"2\"}");
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.header("X-RateLimit-Remaining"), QByteArray("0"));
        m_sandbox->setRateLimit(SandboxRateLimit());
        QCOMPARE(int(jsonArray(get(nested).body).size()), afterDrop + 1);
    }

    void seedHasCommentsOnExistingPosts()
    {
        const Exchange e = get(u"/comments?per_page=100"_qs);
        QVERIFY(e.header("X-Pagination-Total").toInt() > 0);
        for (const QJsonValue &comment : jsonArray(e.body)) {
            QCOMPARE(get(u"/posts/"_qs + QString::number(comment[u"post_id"].toInteger())).status, 200);
            QVERIFY(comment[u"email"].toString().contains(u'@'));
        }
        // The admin reset reports every resource.
        const Exchange reset = SandboxFixture::send(m_manager, "POST", m_sandbox->adminUrl(u"/reset"_qs),
            "{\"users\":10}", { { "X-Sandbox-Admin", m_sandbox->adminToken().toUtf8() } });
        QCOMPARE(reset.status, 200);
        const QJsonObject counts = jsonObject(reset.body);
        QCOMPARE(counts[u"users"].toInt(), 10);
        QCOMPARE(
            counts[u"comments"].toInteger(), get(u"/comments"_qs).header("X-Pagination-Total").toLongLong());
    }
};

QTEST_GUILESS_MAIN(TestSandboxResources)
#include "tst_sandboxresources.moc"
