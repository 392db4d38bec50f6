// The four GoRest resources described once: routes, parents and the local checks that run before a round
// trip, agreeing with what the sandbox (GoRest's rules) answers for the same records.
#include "resourceschema.h"
#include "sandboxfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QTest>

using namespace UserDesk;

namespace {
QStringList names(std::initializer_list<const char *> list)
{
    QStringList out;
    for (const char *n : list)
        out.append(QString::fromLatin1(n));
    return out;
}

QJsonObject json(const QByteArray &text)
{
    return QJsonDocument::fromJson(text).object();
}
} // namespace

class TestResourceSchema : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void describesEveryGoRestResource()
    {
        QCOMPARE(ResourceSchema::all().size(), 4);
        QCOMPARE(ResourceSchema::find(QStringLiteral("posts"))->parent, QStringLiteral("users"));
        QCOMPARE(ResourceSchema::find(QStringLiteral("comment"))->parentField, QStringLiteral("post_id"));
        QCOMPARE(ResourceSchema::todos().path(7), QStringLiteral("/users/7/todos"));
        QCOMPARE(ResourceSchema::comments().path(3), QStringLiteral("/posts/3/comments"));
        QCOMPARE(ResourceSchema::users().path(3), QStringLiteral("/users"));
        QCOMPARE(ResourceSchema::posts().itemPath(9), QStringLiteral("/posts/9"));
        QCOMPARE(
            ResourceSchema::todos().fieldNames(), names({ "id", "user_id", "title", "due_on", "status" }));
        QVERIFY(ResourceSchema::find(QStringLiteral("albums")) == nullptr);
        QCOMPARE(ResourceSchema::todos().field(QStringLiteral("status"))->values,
            names({ "pending", "completed" }));
    }

    void validatesBeforeARoundTrip_data()
    {
        QTest::addColumn<QString>("resource");
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("requireAll");
        QTest::addColumn<QStringList>("fields"); // fields named by errors, in order
        QTest::newRow("user ok")
            << "users" << QByteArray(R"({"name":"A","email":"a@b.test","gender":"male","status":"active"})")
            << true << QStringList();
        QTest::newRow("user blank") << QStringLiteral("users") << QByteArray("{}") << true
                                    << names({ "name", "email", "gender", "status" });
        QTest::newRow("user patch") << QStringLiteral("users") << QByteArray(R"({"status":"asleep"})")
                                    << false << names({ "status" });
        QTest::newRow("post ok") << QStringLiteral("posts")
                                 << QByteArray(R"({"user_id":5,"title":"T","body":"B"})") << true
                                 << QStringList();
        QTest::newRow("post id as text")
            << "posts" << QByteArray(R"({"user_id":"5","title":"T","body":"B"})") << true << QStringList();
        QTest::newRow("post text parent (json-server 1.x)")
            << "posts" << QByteArray(R"({"user_id":"3f0a","title":"T","body":"B"})") << true << QStringList();
        QTest::newRow("post bad parent")
            << "posts" << QByteArray(R"({"user_id":"five/six","title":"T","body":"B"})") << true
            << names({ "user_id" });
        QTest::newRow("post parent zero") << "posts" << QByteArray(R"({"user_id":0,"title":"T","body":"B"})")
                                          << true << names({ "user_id" });
        QTest::newRow("comment bad email")
            << "comments" << QByteArray(R"({"post_id":1,"name":"N","email":"nope","body":"B"})") << true
            << names({ "email" });
        QTest::newRow("todo no due") << QStringLiteral("todos")
                                     << QByteArray(R"({"user_id":1,"title":"T","status":"pending"})") << true
                                     << QStringList();
        QTest::newRow("todo bad due")
            << "todos" << QByteArray(R"({"user_id":1,"title":"T","due_on":"soon","status":"done"})") << true
            << names({ "due_on", "status" });
        QTest::newRow("todo due with offset")
            << "todos" << QByteArray(R"({"due_on":"2026-07-01T00:00:00.000+05:30"})") << false
            << QStringList();
    }

    void validatesBeforeARoundTrip()
    {
        QFETCH(QString, resource);
        QFETCH(QByteArray, json);
        QFETCH(bool, requireAll);
        QFETCH(QStringList, fields);
        const ResourceSchema *schema = ResourceSchema::find(resource);
        QVERIFY(schema);
        QStringList named;
        for (const FieldError &e : schema->validate(QJsonDocument::fromJson(json).object(), requireAll)) {
            named.append(e.field);
            QVERIFY(!e.message.isEmpty());
        }
        QCOMPARE(named, fields);
    }

    // What the schema lets through, the sandbox (GoRest's rules) accepts, and what it rejects for a
    // blank field, the sandbox rejects for the same field.
    void agreesWithTheSandbox()
    {
        SandboxFixture sandbox(SandboxFixture::defaultConfig(3));
        QVERIFY2(sandbox.start(), qPrintable(sandbox.errorString()));
        QNetworkAccessManager manager;
        const auto firstId = [&](const QString &path) {
            const auto e = SandboxFixture::send(manager, "GET", sandbox.url(path));
            return QJsonDocument::fromJson(e.body)
                .array()
                .first()
                .toObject()
                .value(QStringLiteral("id"))
                .toInteger();
        };
        const qint64 userId = firstId(QStringLiteral("/users"));
        const qint64 postId = firstId(QStringLiteral("/posts"));
        QVERIFY(userId > 0 && postId > 0);
        const QByteArray user = QByteArray::number(userId);
        const QByteArray post = QByteArray::number(postId);
        const QList<QPair<const ResourceSchema *, QJsonObject>> valid = {
            { &ResourceSchema::posts(),
                json(R"({"user_id":)" + user + R"(,"title":"Schema post","body":"B"})") },
            { &ResourceSchema::todos(),
                json(R"({"user_id":)" + user + R"(,"title":"T","due_on":"2026-07-01","status":"pending"})") },
            { &ResourceSchema::comments(),
                json(R"({"post_id":)" + post + R"(,"name":"N","email":"n@x.test","body":"B"})") },
        };
        for (const auto &[schema, record] : valid) {
            QVERIFY(schema->validate(record, true).isEmpty());
            const auto created = sandbox.sendAuthorized(
                manager, "POST", sandbox.url(schema->path()), QJsonDocument(record).toJson());
            QVERIFY2(created.status == 201,
                qPrintable(schema->name + QString::number(created.status) + QString::fromUtf8(created.body)));
            for (const FieldSpec &f : schema->fields) {
                if (!f.required || !f.isWritable())
                    continue;
                QJsonObject blank = record;
                blank.insert(f.name, QString());
                QVERIFY(!schema->validate(blank, true).isEmpty());
                const auto rejected = sandbox.sendAuthorized(
                    manager, "POST", sandbox.url(schema->path()), QJsonDocument(blank).toJson());
                QVERIFY2(rejected.status == 422, qPrintable(schema->name + u' ' + f.name));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestResourceSchema)
#include "tst_resourceschema.moc"
