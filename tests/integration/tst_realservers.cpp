#include "apiclient.h"
#include "cannedserver.h"
#include "jsonserverfixture.h"
#include "localdaemon.h"
#include "profilestore.h"
#include "requestlog.h"
#include "usertablemodel.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#define QVERIFY_RETURN_VALUE(cond, value)                                                                    \
    do {                                                                                                     \
        if (!QTest::qVerify(static_cast<bool>(cond), #cond, "", __FILE__, __LINE__))                         \
            return value;                                                                                    \
    } while (false)

using namespace UserDesk;

namespace {
constexpr int jsonServerUsers = 500;

// A server that ignores the paging parameters: every page is the same `count` users.
QByteArray samePageEveryTime(int count)
{
    QByteArray body = "[";
    for (int id = 1; id <= count; ++id) {
        body += (id > 1 ? "," : "") + QByteArray("{\"id\":") + QByteArray::number(id)
            + ",\"name\":\"Same\",\"email\":\"same" + QByteArray::number(id)
            + "@x.test\",\"gender\":\"male\",\"status\":\"active\"}";
    }
    return body + "]";
}
} // namespace

// The CLI and the table model against servers that are not GoRest: json-server 0.17 and 1.x from npm,
// and scripted servers that misbehave the way real ones were seen to. Every walk through pages ends.
class TestRealServers : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    struct Run
    {
        int exitCode = -1; // -1: still running when the test gave up, and killed
        qint64 elapsedMs = 0;
        QByteArray out;
        QByteArray err;
    };

    Run cli(const QUrl &endpoint, const QStringList &args, int timeoutMs = 30000, const QString &token = {})
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("USERDESK_TOKEN"));
        if (!token.isEmpty())
            env.insert(QStringLiteral("USERDESK_TOKEN"), token);
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        p.setProcessEnvironment(env);
        QElapsedTimer timer;
        timer.start();
        p.start(QStringLiteral(USERDESK_CLI_PATH),
            QStringList { QStringLiteral("--endpoint"), endpoint.toString(), QStringLiteral("--no-keychain") }
                + args);
        Run r;
        // Waits with the event loop running: a scripted server in this process must go on answering.
        QVERIFY_RETURN_VALUE(p.waitForStarted(timeoutMs), r);
        while (p.state() != QProcess::NotRunning && timer.elapsed() < timeoutMs)
            QTest::qWait(20);
        if (p.state() != QProcess::NotRunning) {
            p.kill();
            p.waitForFinished(5000);
            r.err = p.readAllStandardError();
            return r;
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
        r.elapsedMs = timer.elapsed();
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

    static QSet<QByteArray> csvIds(const QByteArray &out, int *lines = nullptr)
    {
        const QList<QByteArray> rows = out.trimmed().split('\n');
        QSet<QByteArray> ids;
        for (qsizetype i = 1; i < rows.size(); ++i)
            ids.insert(rows[i].split(',').first());
        if (lines)
            *lines = static_cast<int>(rows.size()) - 1;
        return ids;
    }

    // Drives the model the way a view does: fetchMore whenever rows arrive and it can, for `ms`.
    static void scrollToTheEnd(UserTableModel &model, int ms)
    {
        QObject::connect(&model, &QAbstractItemModel::rowsInserted, &model, [&model] {
            if (model.canFetchMore({}))
                model.fetchMore({});
        });
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < ms) {
            if (model.canFetchMore({}))
                model.fetchMore({});
            QTest::qWait(20);
        }
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void cliAllEndsWhenEveryPageIsTheSame()
    {
        // Finding: `users list --all` on a server that ignores paging asked for page after page forever.
        CannedServer server;
        QVERIFY(server.listen());
        server.setHandler(
            [](const CannedServer::Request &) { return CannedServer::response(200, samePageEveryTime(5)); });
        const Run r = cli(server.baseUrl(),
            { QStringLiteral("users"), QStringLiteral("list"), QStringLiteral("--all"),
                QStringLiteral("--per-page"), QStringLiteral("5"), QStringLiteral("--format"),
                QStringLiteral("csv") },
            20000);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        int lines = 0;
        QCOMPARE(csvIds(r.out, &lines).size(), 5);
        QCOMPARE(lines, 5); // every user once
        QVERIFY2(r.err.contains("repeated page 1"), r.err.constData());
        // The first wave plus at most one page per request in flight: nothing like a loop.
        QVERIFY2(server.requests().size() <= 12, QByteArray::number(server.requests().size()).constData());
    }

    void cliAllEndsAtThePageCap()
    {
        // A server that always has one more page of new users: the cap ends the walk, exit 1, and says so.
        CannedServer server;
        QVERIFY(server.listen());
        server.setHandler([](const CannedServer::Request &r) {
            const int page = QUrlQuery(QUrl(QString::fromLatin1(r.target)))
                                 .queryItemValue(QStringLiteral("page"))
                                 .toInt();
            const QByteArray id = QByteArray::number(page);
            return CannedServer::response(200,
                "[{\"id\":" + id + ",\"name\":\"N\",\"email\":\"e" + id
                    + "@x.test\",\"gender\":\"male\",\"status\":\"active\"}]");
        });
        const Run r = cli(server.baseUrl(),
            { QStringLiteral("users"), QStringLiteral("list"), QStringLiteral("--all"),
                QStringLiteral("--per-page"), QStringLiteral("1"), QStringLiteral("--max-pages"),
                QStringLiteral("7"), QStringLiteral("--format"), QStringLiteral("csv") },
            20000);
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(csvIds(r.out).size(), 7);
        QVERIFY2(r.err.contains("after 7 pages"), r.err.constData());
    }

    void cliAllOnJsonServer017()
    {
        // Finding: json-server 0.17.4 ignores page/per_page; --all never ended and grew without bound.
        JsonServerFixture server(JsonServerFixture::Version::V0_17);
        QVERIFY2(server.start(JsonServerFixture::users(jsonServerUsers)), qPrintable(server.errorString()));
        const Run r = cli(server.baseUrl(),
            { QStringLiteral("users"), QStringLiteral("list"), QStringLiteral("--all"),
                QStringLiteral("--format"), QStringLiteral("csv") });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        int lines = 0;
        QCOMPARE(csvIds(r.out, &lines).size(), jsonServerUsers);
        QCOMPARE(lines, jsonServerUsers);
    }

    void cliPagesOnJsonServer017WithOnlyTheEndpoint()
    {
        // Finding: `users list --per-page 5` printed all 500 users (json-server 0.17 pages by _page/_limit).
        JsonServerFixture server(JsonServerFixture::Version::V0_17);
        QVERIFY2(server.start(JsonServerFixture::users(jsonServerUsers)), qPrintable(server.errorString()));
        const Run r = cli(server.baseUrl(),
            { QStringLiteral("users"), QStringLiteral("list"), QStringLiteral("--per-page"),
                QStringLiteral("5"), QStringLiteral("--page"), QStringLiteral("3"),
                QStringLiteral("--format"), QStringLiteral("csv") });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(csvIds(r.out), (QSet<QByteArray> { "11", "12", "13", "14", "15" }));
        QVERIFY2(r.err.isEmpty(), r.err.constData());

        // Substring filters become name_like there; a regex character in the text is taken literally.
        const Run filtered = cli(server.baseUrl(),
            { QStringLiteral("users"), QStringLiteral("list"), QStringLiteral("--filter"),
                QStringLiteral("name=Server 49"), QStringLiteral("--format"), QStringLiteral("csv") });
        QVERIFY2(filtered.exitCode == 0, filtered.err.constData());
        QCOMPARE(csvIds(filtered.out),
            (QSet<QByteArray> {
                "49", "490", "491", "492", "493", "494", "495", "496", "497", "498", "499" }));
        const Run dotted = cli(server.baseUrl(),
            { QStringLiteral("users"), QStringLiteral("list"), QStringLiteral("--filter"),
                QStringLiteral("email=real.server.1.@"), QStringLiteral("--format"), QStringLiteral("csv") });
        QVERIFY2(dotted.exitCode == 0, dotted.err.constData());
        QCOMPARE(csvIds(dotted.out), QSet<QByteArray> {}); // '.' is not "any character"

        // --dialect overrides what first contact finds; a wrong name is a usage error.
        const Run forced = cli(server.baseUrl(),
            { QStringLiteral("--dialect"), QStringLiteral("gorest"), QStringLiteral("users"),
                QStringLiteral("list"), QStringLiteral("--per-page"), QStringLiteral("5"),
                QStringLiteral("--format"), QStringLiteral("csv") });
        QCOMPARE(forced.exitCode, 0);
        QCOMPARE(csvIds(forced.out).size(), jsonServerUsers); // page/per_page ignored: it got everything
        QVERIFY2(forced.err.contains("500 items"), forced.err.constData());
        QCOMPARE(cli(server.baseUrl(),
                     { QStringLiteral("--dialect"), QStringLiteral("soap"), QStringLiteral("users"),
                         QStringLiteral("list") })
                     .exitCode,
            2);
    }

    void cliKeepsTheDialectItFoundInTheProfile()
    {
        JsonServerFixture server(JsonServerFixture::Version::V0_17);
        QVERIFY2(server.start(JsonServerFixture::users(12)), qPrintable(server.errorString()));
        const QString settings = m_dir.filePath(QStringLiteral("dialect-profiles.ini"));
        {
            ProfileStore store(settings);
            QVERIFY(store.saveProfile(Profile(QStringLiteral("mock"), server.baseUrl())));
        }
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("USERDESK_TOKEN"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(USERDESK_CLI_PATH),
            { QStringLiteral("--settings"), settings, QStringLiteral("--profile"), QStringLiteral("mock"),
                QStringLiteral("--no-keychain"), QStringLiteral("users"), QStringLiteral("list"),
                QStringLiteral("--per-page"), QStringLiteral("5"), QStringLiteral("--format"),
                QStringLiteral("csv") });
        QVERIFY(p.waitForFinished(30000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        QCOMPARE(csvIds(p.readAllStandardOutput()).size(), 5);
        ProfileStore store(settings);
        QCOMPARE(store.profile(QStringLiteral("mock"))->dialect(), QStringLiteral("json-server-0.17"));
    }

    void cliWritesOnJsonServer017WithOnlyTheEndpoint()
    {
        // Finding: `update --put` sent only the name; json-server replaced the record and the CLI exited 9.
        JsonServerFixture server(JsonServerFixture::Version::V0_17);
        QVERIFY2(server.start(JsonServerFixture::users(3)), qPrintable(server.errorString()));
        const QUrl url = server.baseUrl();
        const Run created = cli(url,
            { QStringLiteral("users"), QStringLiteral("create"), QStringLiteral("--name"),
                QStringLiteral("Json Four"), QStringLiteral("--email"),
                QStringLiteral("json.four@example.com"), QStringLiteral("--gender"), QStringLiteral("female"),
                QStringLiteral("--status"), QStringLiteral("active"), QStringLiteral("--format"),
                QStringLiteral("json") });
        QVERIFY2(created.exitCode == 0, created.err.constData());
        const qint64 id
            = QJsonDocument::fromJson(created.out).object().value(QLatin1String("id")).toInteger();
        QCOMPARE(id, 4);

        const Run patched = cli(url,
            { QStringLiteral("users"), QStringLiteral("update"), QStringLiteral("4"),
                QStringLiteral("--status"), QStringLiteral("inactive"), QStringLiteral("--format"),
                QStringLiteral("json") });
        QVERIFY2(patched.exitCode == 0, patched.err.constData());

        const Run put = cli(url,
            { QStringLiteral("--verbose"), QStringLiteral("users"), QStringLiteral("update"),
                QStringLiteral("4"), QStringLiteral("--name"), QStringLiteral("Json Vier"),
                QStringLiteral("--put"), QStringLiteral("--format"), QStringLiteral("json") });
        QVERIFY2(put.exitCode == 0, put.err.constData());
        const QJsonObject after = QJsonDocument::fromJson(put.out).object();
        QCOMPARE(after.value(QLatin1String("name")).toString(), QStringLiteral("Json Vier"));
        // The whole record went: the other fields are what they were, on the server too.
        QCOMPARE(after.value(QLatin1String("email")).toString(), QStringLiteral("json.four@example.com"));
        QCOMPARE(after.value(QLatin1String("status")).toString(), QStringLiteral("inactive"));
        QVERIFY(put.err.contains("PUT"));

        const Run got = cli(url,
            { QStringLiteral("users"), QStringLiteral("get"), QStringLiteral("4"), QStringLiteral("--format"),
                QStringLiteral("json") });
        QVERIFY2(got.exitCode == 0, got.err.constData());
        QCOMPARE(QJsonDocument::fromJson(got.out).object().value(QLatin1String("gender")).toString(),
            QStringLiteral("female"));

        const Run deleted
            = cli(url, { QStringLiteral("users"), QStringLiteral("delete"), QStringLiteral("4") });
        QVERIFY2(deleted.exitCode == 0, deleted.err.constData());
        QCOMPARE(
            cli(url, { QStringLiteral("users"), QStringLiteral("get"), QStringLiteral("4") }).exitCode, 5);
    }

    void cliUsersOnJsonServerWithOnlyTheEndpoint_data()
    {
        QTest::addColumn<int>("version");
        QTest::newRow("json-server 0.17, number ids") << int(JsonServerFixture::Version::V0_17);
        QTest::newRow("json-server 1.x, string ids") << int(JsonServerFixture::Version::V1);
    }

    void cliUsersOnJsonServerWithOnlyTheEndpoint()
    {
        // Finding (issue 11): json-server 1.x sends ids as strings; every `get` failed with `field "id"
        // must be a number`, and a create landed on the server while the CLI exited 9. Every users command
        // works with nothing but --endpoint, and an id goes back the way the server sent it.
        QFETCH(int, version);
        const auto v = JsonServerFixture::Version(version);
        const bool stringIds = v == JsonServerFixture::Version::V1;
        JsonServerFixture server(v);
        QVERIFY2(server.start(JsonServerFixture::users(25, stringIds)), qPrintable(server.errorString()));
        const QUrl url = server.baseUrl();
        auto json = [](const Run &r) { return QJsonDocument::fromJson(r.out); };
        auto sentId
            = [stringIds](int n) { return stringIds ? QJsonValue(QString::number(n)) : QJsonValue(n); };

        const Run listed = cli(url,
            { QStringLiteral("users"), QStringLiteral("list"), QStringLiteral("--per-page"),
                QStringLiteral("10"), QStringLiteral("--page"), QStringLiteral("3"),
                QStringLiteral("--format"), QStringLiteral("json") });
        QVERIFY2(listed.exitCode == 0, listed.err.constData());
        const QJsonArray page = json(listed).array();
        QCOMPARE(page.size(), 5);
        QCOMPARE(page.first().toObject().value(QLatin1String("id")), sentId(21));
        const Run all = cli(url,
            { QStringLiteral("users"), QStringLiteral("list"), QStringLiteral("--all"),
                QStringLiteral("--per-page"), QStringLiteral("10"), QStringLiteral("--format"),
                QStringLiteral("csv") });
        QVERIFY2(all.exitCode == 0, all.err.constData());
        int lines = 0;
        QCOMPARE(csvIds(all.out, &lines).size(), 25);
        QCOMPARE(lines, 25);

        const Run got = cli(url,
            { QStringLiteral("users"), QStringLiteral("get"), QStringLiteral("7"), QStringLiteral("--format"),
                QStringLiteral("json") });
        QVERIFY2(got.exitCode == 0, got.err.constData());
        QCOMPARE(json(got).object().value(QLatin1String("id")), sentId(7));
        QCOMPARE(json(got).object().value(QLatin1String("name")).toString(), QStringLiteral("Real Server 7"));

        const Run created = cli(url,
            { QStringLiteral("users"), QStringLiteral("create"), QStringLiteral("--name"),
                QStringLiteral("Opaque"), QStringLiteral("--email"), QStringLiteral("opaque@example.com"),
                QStringLiteral("--gender"), QStringLiteral("female"), QStringLiteral("--status"),
                QStringLiteral("active"), QStringLiteral("--format"), QStringLiteral("json") });
        QVERIFY2(created.exitCode == 0, created.err.constData());
        const QJsonValue newId = json(created).object().value(QLatin1String("id"));
        QCOMPARE(newId.isString(), stringIds); // json-server 1.x makes up a text id ("3f0a")
        const QString id = newId.isString() ? newId.toString() : QString::number(newId.toInteger());
        QVERIFY(!id.isEmpty());

        const Run patched = cli(url,
            { QStringLiteral("users"), QStringLiteral("update"), id, QStringLiteral("--status"),
                QStringLiteral("inactive"), QStringLiteral("--format"), QStringLiteral("json") });
        QVERIFY2(patched.exitCode == 0, patched.err.constData());
        QCOMPARE(
            json(patched).object().value(QLatin1String("status")).toString(), QStringLiteral("inactive"));
        QCOMPARE(json(patched).object().value(QLatin1String("id")), newId);

        const Run put = cli(url,
            { QStringLiteral("--verbose"), QStringLiteral("users"), QStringLiteral("update"), id,
                QStringLiteral("--name"), QStringLiteral("Opaque Two"), QStringLiteral("--put"),
                QStringLiteral("--format"), QStringLiteral("json") });
        QVERIFY2(put.exitCode == 0, put.err.constData());
        QVERIFY(put.err.contains("PUT"));
        const QJsonObject after = json(put).object();
        QCOMPARE(after.value(QLatin1String("id")), newId);
        QCOMPARE(after.value(QLatin1String("name")).toString(), QStringLiteral("Opaque Two"));
        QCOMPARE(after.value(QLatin1String("email")).toString(), QStringLiteral("opaque@example.com"));
        QCOMPARE(after.value(QLatin1String("status")).toString(), QStringLiteral("inactive"));

        const Run reread = cli(url,
            { QStringLiteral("users"), QStringLiteral("get"), id, QStringLiteral("--format"),
                QStringLiteral("json") });
        QVERIFY2(reread.exitCode == 0, reread.err.constData());
        QCOMPARE(json(reread).object().value(QLatin1String("name")).toString(), QStringLiteral("Opaque Two"));
        QCOMPARE(json(reread).object().value(QLatin1String("gender")).toString(), QStringLiteral("female"));

        const Run deleted = cli(url,
            { QStringLiteral("users"), QStringLiteral("delete"), id, QStringLiteral("--format"),
                QStringLiteral("json") });
        QVERIFY2(deleted.exitCode == 0, deleted.err.constData());
        QCOMPARE(
            json(deleted).object().value(QLatin1String("outcome")).toString(), QStringLiteral("deleted"));
        QCOMPARE(cli(url, { QStringLiteral("users"), QStringLiteral("get"), id }).exitCode, 5);
        const Run rest = cli(url,
            { QStringLiteral("users"), QStringLiteral("list"), QStringLiteral("--all"),
                QStringLiteral("--format"), QStringLiteral("csv") });
        QVERIFY2(rest.exitCode == 0, rest.err.constData());
        QCOMPARE(csvIds(rest.out).size(), 25);
        QVERIFY(!csvIds(rest.out).contains(id.toUtf8()));
    }

    void cliListShowsTheGoodItemsOfAPageWithABadOne()
    {
        // Finding: one malformed item (a mock's negative id) rejected the whole page.
        CannedServer server;
        QVERIFY(server.listen());
        server.setHandler([](const CannedServer::Request &) {
            return CannedServer::response(200,
                "[{\"id\":7,\"name\":\"A\",\"email\":\"a@x.test\",\"gender\":\"male\",\"status\":\"active\"},"
                "{\"id\":-5,\"name\":\"B\",\"email\":\"b@x.test\",\"gender\":\"male\",\"status\":\"active\"},"
                "{\"id\":9,\"name\":\"C\",\"email\":\"c@x.test\",\"gender\":\"female\",\"status\":\"active\"}"
                "]",
                { { "X-Pagination-Total", "3" }, { "X-Pagination-Page", "1" },
                    { "X-Pagination-Limit", "20" } });
        });
        const Run r = cli(server.baseUrl(),
            { QStringLiteral("users"), QStringLiteral("list"), QStringLiteral("--format"),
                QStringLiteral("csv") });
        // The good items are printed; the list is not whole, and the exit code says so (11, incomplete).
        QVERIFY2(r.exitCode == 11, r.err.constData());
        QCOMPARE(csvIds(r.out), (QSet<QByteArray> { "7", "9" }));
        QVERIFY2(r.err.contains("item 2 (id -5) was skipped"), r.err.constData());
    }

    void firstContactFindsTheDialect()
    {
        JsonServerFixture old(JsonServerFixture::Version::V0_17);
        QVERIFY2(old.start(JsonServerFixture::users(30)), qPrintable(old.errorString()));
        JsonServerFixture beta(JsonServerFixture::Version::V1);
        QVERIFY2(beta.start(JsonServerFixture::users(30, true)), qPrintable(beta.errorString()));
        CannedServer gorest;
        QVERIFY(gorest.listen());
        gorest.setHandler([](const CannedServer::Request &) {
            return CannedServer::response(200, "[]",
                { { "X-Pagination-Total", "0" }, { "X-Pagination-Pages", "0" }, { "X-Pagination-Page", "1" },
                    { "X-Pagination-Limit", "10" } });
        });
        const QList<QPair<QUrl, Dialect::Kind>> cases { { old.baseUrl(), Dialect::Kind::JsonServer017 },
            { beta.baseUrl(), Dialect::Kind::JsonServer1 }, { gorest.baseUrl(), Dialect::Kind::GoRestV2 } };
        for (const auto &c : cases) {
            ApiClient client;
            client.setBaseUrl(c.first);
            QSignalSpy detected(&client, &ApiClient::dialectDetected);
            client.detectDialect();
            QTRY_COMPARE_WITH_TIMEOUT(detected.count(), 1, 20000);
            QCOMPARE(detected.first().at(1).value<Dialect>().kind(), c.second);
        }
    }

    void cliNamesTheCauseOfARedirectedWrite()
    {
        // nginx in front of json-server 0.17: /old/ answers every request with a 301 to /api/, /moved/ with
        // a 307 to another origin that wants a token.
        JsonServerFixture backend(JsonServerFixture::Version::V0_17);
        QVERIFY2(backend.start(JsonServerFixture::users(3)), qPrintable(backend.errorString()));
        const quint16 front = LocalDaemon::freePort();
        const quint16 other = LocalDaemon::freePort();
        QVERIFY(front && other && front != other);
        const QString backendAddress = QStringLiteral("127.0.0.1:%1").arg(backend.baseUrl().port());
        const QString config = QStringLiteral(R"(
user root;
worker_processes 1;
daemon off;
pid {DIR}/nginx.pid;
error_log {DIR}/error.log;
events { worker_connections 64; }
http {
    access_log off;
    client_body_temp_path {DIR}/body;
    proxy_temp_path {DIR}/proxy;
    fastcgi_temp_path {DIR}/fastcgi;
    uwsgi_temp_path {DIR}/uwsgi;
    scgi_temp_path {DIR}/scgi;
    server {
        listen 127.0.0.1:%1;
        location /old/ { rewrite ^/old/(.*)$ http://127.0.0.1:%1/api/$1 permanent; }
        location /moved/ { return 307 http://127.0.0.1:%2$request_uri; }
        location /api/ { proxy_pass http://%3/; }
    }
    server {
        listen 127.0.0.1:%2;
        location / {
            if ($http_authorization = "") { return 401; }
            proxy_pass http://%3;
        }
    }
}
)")
                                   .arg(front)
                                   .arg(other)
                                   .arg(backendAddress);
        LocalDaemon nginx;
        QVERIFY2(nginx.start(QStringLiteral("nginx"),
                     { QStringLiteral("-p"), nginx.dir(), QStringLiteral("-c"), QStringLiteral("{CONFIG}") },
                     QStringLiteral("nginx.conf"), config, front),
            qPrintable(nginx.errorString()));

        const QStringList create { QStringLiteral("users"), QStringLiteral("create"),
            QStringLiteral("--name"), QStringLiteral("Moved"), QStringLiteral("--email"),
            QStringLiteral("moved@example.com"), QStringLiteral("--gender"), QStringLiteral("male"),
            QStringLiteral("--status"), QStringLiteral("active") };
        // Finding: a 301 on a POST ended in "a user object was expected", exit 9.
        const Run redirected = cli(QUrl(QStringLiteral("http://127.0.0.1:%1/old").arg(front)), create);
        QCOMPARE(redirected.exitCode, 1);
        QVERIFY2(redirected.err.contains("turns a write into a read, so nothing was written"),
            redirected.err.constData());
        QVERIFY2(redirected.err.contains(
                     QStringLiteral("use http://127.0.0.1:%1/api as the endpoint").arg(front).toUtf8()),
            redirected.err.constData());
        QCOMPARE(
            cli(backend.baseUrl(), { QStringLiteral("users"), QStringLiteral("get"), QStringLiteral("4") })
                .exitCode,
            5); // nothing was written

        // Finding: a write redirected to another origin blamed the token, which was rightly withheld.
        const Run elsewhere = cli(QUrl(QStringLiteral("http://127.0.0.1:%1/moved").arg(front)), create, 30000,
            QStringLiteral("secret-token-for-the-front"));
        QCOMPARE(elsewhere.exitCode, 1);
        QVERIFY2(elsewhere.err.contains(
                     QStringLiteral("another origin (http://127.0.0.1:%1)").arg(other).toUtf8()),
            elsewhere.err.constData());
        QVERIFY2(
            elsewhere.err.contains("the token was withheld from that origin"), elsewhere.err.constData());
        QVERIFY2(!elsewhere.err.contains("Check the token"), elsewhere.err.constData());
    }

    void proxyThatWantsCredentialsSaysSo()
    {
        JsonServerFixture backend(JsonServerFixture::Version::V0_17);
        QVERIFY2(backend.start(JsonServerFixture::users(3)), qPrintable(backend.errorString()));
        const quint16 port = LocalDaemon::freePort();
        LocalDaemon tinyproxy;
        const QString config
            = QStringLiteral("Port %1\nListen 127.0.0.1\nTimeout 30\n"
                             "PidFile \"{DIR}/tinyproxy.pid\"\nLogFile \"{DIR}/tinyproxy.log\"\n"
                             "LogLevel Info\nBasicAuth alice s3cret\nAllow 127.0.0.1\n")
                  .arg(port);
        QVERIFY2(tinyproxy.start(QStringLiteral("tinyproxy"),
                     { QStringLiteral("-d"), QStringLiteral("-c"), QStringLiteral("{CONFIG}") },
                     QStringLiteral("tinyproxy.conf"), config, port),
            qPrintable(tinyproxy.errorString()));

        // Finding: a proxy's 407 gave "Unexpected answer (HTTP 407).", exit 1. Qt never proxies loopback
        // through the environment's or the application's settings, so the proxy is given explicitly.
        const QStringList get { QStringLiteral("--dialect"), QStringLiteral("json-server-0.17"),
            QStringLiteral("users"), QStringLiteral("get"), QStringLiteral("2") };
        const Run refused = cli(backend.baseUrl(),
            QStringList { QStringLiteral("--proxy"), QStringLiteral("http://127.0.0.1:%1").arg(port) } + get);
        QCOMPARE(refused.exitCode, 3);
        QVERIFY2(refused.err.contains("proxy asks for credentials"), refused.err.constData());
        const Run through = cli(backend.baseUrl(),
            QStringList {
                QStringLiteral("--proxy"), QStringLiteral("http://alice:s3cret@127.0.0.1:%1").arg(port) }
                + get);
        QVERIFY2(through.exitCode == 0, through.err.constData());
        QVERIFY(through.out.contains("Real Server 2"));
        QFile log(tinyproxy.dir() + QStringLiteral("/tinyproxy.log"));
        QVERIFY(log.open(QIODevice::ReadOnly));
        QVERIFY2(log.readAll().contains("/users/2"), "the request did not go through the proxy");
    }

    void cliTrustsAPrivateCertificateAuthorityWhenTold()
    {
        // nginx with a certificate from a private CA made here, HTTP/2 and gzip, in front of json-server.
        JsonServerFixture backend(JsonServerFixture::Version::V0_17);
        QVERIFY2(backend.start(JsonServerFixture::users(3)), qPrintable(backend.errorString()));
        QTemporaryDir pki;
        QVERIFY(pki.isValid());
        QProcess openssl;
        openssl.setWorkingDirectory(pki.path());
        openssl.setProcessChannelMode(QProcess::MergedChannels);
        openssl.start(QStringLiteral("/bin/sh"),
            { QStringLiteral("-ec"),
                QStringLiteral(
                    "openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 2 "
                    "-subj '/CN=UserDesk Test CA' 2>/dev/null\n"
                    "openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr "
                    "-subj '/CN=127.0.0.1' 2>/dev/null\n"
                    "printf 'subjectAltName=IP:127.0.0.1\\nbasicConstraints=CA:FALSE\\n' > ext.cnf\n"
                    "openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out "
                    "server.pem "
                    "-days 2 -extfile ext.cnf 2>/dev/null\n"
                    "mkdir certs && cp ca.pem certs/ca.pem\n"
                    "openssl x509 -in server.pem -noout -fingerprint -sha256\n") });
        QVERIFY(openssl.waitForFinished(60000));
        const QByteArray said = openssl.readAll();
        QVERIFY2(openssl.exitCode() == 0, said.constData());
        const QString fingerprint = QString::fromLatin1(said.mid(said.indexOf('=') + 1).trimmed())
                                        .remove(QLatin1Char(':'))
                                        .toLower();
        QCOMPARE(fingerprint.size(), 64);

        const quint16 port = LocalDaemon::freePort();
        const QString config = QStringLiteral(R"(
user root;
worker_processes 1;
daemon off;
pid {DIR}/nginx.pid;
error_log {DIR}/error.log;
events { worker_connections 64; }
http {
    access_log off;
    client_body_temp_path {DIR}/body;
    proxy_temp_path {DIR}/proxy;
    fastcgi_temp_path {DIR}/fastcgi;
    uwsgi_temp_path {DIR}/uwsgi;
    scgi_temp_path {DIR}/scgi;
    server {
        listen 127.0.0.1:%1 ssl http2;
        ssl_certificate %2/server.pem;
        ssl_certificate_key %2/server.key;
        gzip on;
        gzip_min_length 1;
        gzip_types application/json;
        location / { proxy_pass http://127.0.0.1:%3; }
    }
}
)")
                                   .arg(port)
                                   .arg(pki.path())
                                   .arg(backend.baseUrl().port());
        LocalDaemon nginx;
        QVERIFY2(nginx.start(QStringLiteral("nginx"),
                     { QStringLiteral("-p"), nginx.dir(), QStringLiteral("-c"), QStringLiteral("{CONFIG}") },
                     QStringLiteral("nginx.conf"), config, port),
            qPrintable(nginx.errorString()));
        const QUrl endpoint(QStringLiteral("https://127.0.0.1:%1").arg(port));
        const QStringList get { QStringLiteral("users"), QStringLiteral("get"), QStringLiteral("2") };

        // Not trusted: the fingerprint is shown (this already worked).
        const Run untrusted = cli(endpoint, get);
        QCOMPARE(untrusted.exitCode, 3);
        QVERIFY2(untrusted.err.contains(fingerprint.toUtf8()), untrusted.err.constData());

        // Finding: a CLI user had no way to trust it.
        const Run byFingerprint
            = cli(endpoint, QStringList { QStringLiteral("--trust-fingerprint"), fingerprint } + get);
        QVERIFY2(byFingerprint.exitCode == 0, byFingerprint.err.constData());
        QVERIFY(byFingerprint.out.contains("Real Server 2"));
        const Run byCaFile = cli(endpoint,
            QStringList { QStringLiteral("--ca-file"), pki.filePath(QStringLiteral("ca.pem")) } + get);
        QVERIFY2(byCaFile.exitCode == 0, byCaFile.err.constData());
        // --verbose names the protocol: nginx speaks HTTP/2 here, and compresses with gzip.
        const Run verbose = cli(endpoint,
            QStringList { QStringLiteral("--verbose"), QStringLiteral("--ca-file"),
                pki.filePath(QStringLiteral("ca.pem")) }
                + get);
        QVERIFY2(verbose.err.contains("< HTTP/2 200"), verbose.err.constData());
        // ... and the size gzip made of the body, besides the body's own.
        QVERIFY2(verbose.err.contains(" compressed)"), verbose.err.constData());
        QCOMPARE(
            cli(endpoint, QStringList { QStringLiteral("--trust-fingerprint"), QStringLiteral("abc") } + get)
                .exitCode,
            2);

        // The CA file of a profile (Preferences, a profile's Server tab) is trusted too.
        const QString settings = pki.filePath(QStringLiteral("settings.ini"));
        {
            ProfileStore store(settings);
            Profile privateCa(QStringLiteral("Private CA"), endpoint);
            privateCa.setCaFile(pki.filePath(QStringLiteral("ca.pem")));
            QVERIFY(store.saveProfile(privateCa));
            QVERIFY(store.sync());
        }
        const Run byProfile = cli(endpoint,
            QStringList { QStringLiteral("--settings"), settings, QStringLiteral("--profile"),
                QStringLiteral("Private CA") }
                + get);
        QVERIFY2(byProfile.exitCode == 0, byProfile.err.constData());

        // SSL_CERT_FILE and SSL_CERT_DIR, as OpenSSL and curl read them.
        qputenv("SSL_CERT_FILE", pki.filePath(QStringLiteral("ca.pem")).toLocal8Bit());
        const Run byFile = cli(endpoint, get);
        qunsetenv("SSL_CERT_FILE");
        QVERIFY2(byFile.exitCode == 0, byFile.err.constData());
        qputenv("SSL_CERT_DIR", pki.filePath(QStringLiteral("certs")).toLocal8Bit());
        const Run byDir = cli(endpoint, get);
        qunsetenv("SSL_CERT_DIR");
        QVERIFY2(byDir.exitCode == 0, byDir.err.constData());
    }

    void tableModelStopsWhenEveryPageIsTheSame()
    {
        // Finding: scrolling to the end started about 100 requests a second until the profile changed.
        CannedServer server;
        QVERIFY(server.listen());
        server.setHandler(
            [](const CannedServer::Request &) { return CannedServer::response(200, samePageEveryTime(20)); });
        ApiClient client;
        client.setBaseUrl(server.baseUrl());
        UserTableModel model(&client);
        model.setPageSize(20);
        QSignalSpy stopped(&model, &UserTableModel::pagingStopped);
        model.reload();
        scrollToTheEnd(model, 2000);
        QCOMPARE(model.rowCount(), 20);
        QVERIFY2(server.requests().size() <= 3, QByteArray::number(server.requests().size()).constData());
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(stopped.count(), 1);
        QVERIFY(model.pagingStopReason().contains(QLatin1String("repeated")));
    }

    void tableModelLoadAllEndsWhenEveryPageIsTheSame()
    {
        // Loading every page (for a sort or an export over all users) is a walk too.
        CannedServer server;
        QVERIFY(server.listen());
        server.setHandler(
            [](const CannedServer::Request &) { return CannedServer::response(200, samePageEveryTime(20)); });
        ApiClient client;
        client.setBaseUrl(server.baseUrl());
        UserTableModel model(&client);
        model.setPageSize(20);
        QSignalSpy loadingAll(&model, &UserTableModel::loadingAllChanged);
        model.reload();
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 20, 20000);
        model.loadAll();
        QTRY_VERIFY_WITH_TIMEOUT(!model.isLoadingAll(), 5000);
        QTest::qWait(500);
        QCOMPARE(model.rowCount(), 20);
        QVERIFY2(server.requests().size() <= 3, QByteArray::number(server.requests().size()).constData());
        QVERIFY(!loadingAll.isEmpty());
        QCOMPARE(loadingAll.last().at(0).toBool(), false);
        QVERIFY(!model.pagingStopReason().isEmpty());
    }

    void tableModelStopsOnJsonServerThatIgnoresPaging()
    {
        JsonServerFixture server(JsonServerFixture::Version::V0_17);
        QVERIFY2(server.start(JsonServerFixture::users(jsonServerUsers)), qPrintable(server.errorString()));
        ApiClient client;
        client.setBaseUrl(server.baseUrl());
        // ignored
        UserTableModel model(&client);
        model.setPageSize(20);
        model.reload();
        scrollToTheEnd(model, 2000);
        QCOMPARE(model.rowCount(), jsonServerUsers);
        QVERIFY2(
            client.requestLog()->size() <= 3, QByteArray::number(client.requestLog()->size()).constData());
        QVERIFY(!model.canFetchMore({}));
        QVERIFY(!model.pagingStopReason().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRealServers)
#include "tst_realservers.moc"
