#include "apiclient.h"
#include "connectioncheck.h"
#include "jsonserverfixture.h"
#include "requestlog.h"
#include "sandboxfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <memory>

using namespace UserDesk;

namespace {
constexpr int Timeout = 30000;
} // namespace

// Issue 12, finding 3: "Test connection" said "Connected: the server has 3,000 users." with a wrong token,
// and the first write then failed with 401. The check asks whether the token may write without writing.
class TestConnectionCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tokenAcceptedRejectedOrNotSet();
    void serverDown();
    void jsonServerIsNotAskedToWrite();
    void dialectIsFoundFirst_data();
    void dialectIsFoundFirst();

private:
    static std::optional<ConnectionCheck::Result> check(ApiClient &client, bool detectDialect = false)
    {
        ConnectionCheck check(&client);
        check.setDetectsDialect(detectDialect);
        QSignalSpy finished(&check, &ConnectionCheck::finished);
        check.start();
        if (!finished.wait(Timeout))
            return std::nullopt;
        return finished.constFirst().at(0).value<ConnectionCheck::Result>();
    }
};

void TestConnectionCheck::tokenAcceptedRejectedOrNotSet()
{
    SandboxFixture sandbox(SandboxFixture::defaultConfig(12));
    QVERIFY2(sandbox.start(), qPrintable(sandbox.errorString()));
    ApiClient client;
    client.setBaseUrl(sandbox.baseUrl());

    client.setToken(sandbox.token());
    auto result = check(client);
    QVERIFY(result);
    QVERIFY(result->reachable);
    QCOMPARE(result->users, 12);
    QCOMPARE(result->token, ConnectionCheck::Token::Accepted);

    client.setToken(QStringLiteral("wrong"));
    result = check(client);
    QVERIFY(result);
    QVERIFY(result->reachable);
    QCOMPARE(result->token, ConnectionCheck::Token::Rejected);
    QVERIFY2(result->tokenNote.contains(QLatin1String("Invalid token")), qPrintable(result->tokenNote));

    client.setToken(QString());
    result = check(client);
    QVERIFY(result);
    QCOMPARE(result->token, ConnectionCheck::Token::NotChecked);
    QVERIFY2(result->tokenNote.contains(QLatin1String("No token")), qPrintable(result->tokenNote));

    // Nothing was created, and each check asked once: a list, and a create only where a token was set.
    QCOMPARE(sandbox.stats().writesApplied, quint64(0));
    QNetworkAccessManager manager;
    const auto total = SandboxFixture::send(manager, "GET", sandbox.url(QStringLiteral("/users?per_page=1")));
    QCOMPARE(total.header("X-Pagination-Total"), QByteArray("12"));
    int posts = 0;
    for (int i = 0; i < client.requestLog()->size(); ++i)
        posts += client.requestLog()->at(i).method == "POST";
    QCOMPARE(posts, 2);
}

void TestConnectionCheck::serverDown()
{
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    ApiClient client;
    RetryPolicy policy = client.retryPolicy();
    policy.maxAttempts = 1;
    client.setRetryPolicy(policy);
    client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1/public/v2").arg(port)));
    client.setToken(QStringLiteral("any"));
    const auto result = check(client);
    QVERIFY(result);
    QVERIFY(!result->reachable);
    QCOMPARE(result->error.kind(), ApiError::Kind::Network);
    QVERIFY2(
        result->sentence().startsWith(QLatin1String("Could not connect: ")), qPrintable(result->sentence()));
    const QString sentence = result->sentence();
    QVERIFY2(
        sentence.endsWith(QLatin1Char('.')) || sentence.endsWith(QLatin1Char('?')), qPrintable(sentence));
}

// json-server makes a record of whatever is posted: the check must not post there, whatever the client
// believes the dialect is.
void TestConnectionCheck::jsonServerIsNotAskedToWrite()
{
    JsonServerFixture server(JsonServerFixture::Version::V0_17);
    QVERIFY2(server.start(JsonServerFixture::users(5)), qPrintable(server.errorString()));
    ApiClient client;
    client.setBaseUrl(server.baseUrl());
    client.setToken(QStringLiteral("a-token"));
    auto result = check(client); // as GoRest, the client's default
    QVERIFY(result);
    QVERIFY(result->reachable);
    QCOMPARE(result->token, ConnectionCheck::Token::NotChecked);
    QVERIFY2(result->tokenNote.contains(QLatin1String("X-Pagination")), qPrintable(result->tokenNote));

    client.setDialect(Dialect(Dialect::Kind::JsonServer017));
    result = check(client);
    QVERIFY(result);
    QCOMPARE(result->users, 5);
    QCOMPARE(result->token, ConnectionCheck::Token::NotChecked);
    QVERIFY2(result->tokenNote.contains(QLatin1String("json-server")), qPrintable(result->tokenNote));

    for (int i = 0; i < client.requestLog()->size(); ++i)
        QCOMPARE(client.requestLog()->at(i).method, QByteArray("GET"));
    QNetworkAccessManager manager;
    const auto all
        = SandboxFixture::send(manager, "GET", QUrl(server.baseUrl().toString() + QStringLiteral("/users")));
    QCOMPARE(QJsonDocument::fromJson(all.body).array().size(), 5);
}

// Issue 11: for a profile whose dialect is Automatic, Test connection asks the server how it pages
// before it lists, lists in that dialect, and says what it found.
void TestConnectionCheck::dialectIsFoundFirst_data()
{
    QTest::addColumn<int>("server"); // -1: the sandbox, else a JsonServerFixture::Version
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<QString>("said");
    QTest::newRow("sandbox") << -1 << QStringLiteral("gorest") << QStringLiteral("GoRest v2");
    QTest::newRow("json-server 0.17")
        << int(JsonServerFixture::Version::V0_17) << QStringLiteral("json-server-0.17")
        << QStringLiteral("json-server 0.17");
    QTest::newRow("json-server 1.x") << int(JsonServerFixture::Version::V1) << QStringLiteral("json-server-1")
                                     << QStringLiteral("json-server 1.x");
}

void TestConnectionCheck::dialectIsFoundFirst()
{
    QFETCH(int, server);
    QFETCH(QString, dialect);
    QFETCH(QString, said);
    std::unique_ptr<SandboxFixture> sandbox;
    std::unique_ptr<JsonServerFixture> jsonServer;
    ApiClient client;
    if (server < 0) {
        sandbox = std::make_unique<SandboxFixture>(SandboxFixture::defaultConfig(9));
        QVERIFY2(sandbox->start(), qPrintable(sandbox->errorString()));
        client.setBaseUrl(sandbox->baseUrl());
    } else {
        const auto version = JsonServerFixture::Version(server);
        jsonServer = std::make_unique<JsonServerFixture>(version);
        QVERIFY2(jsonServer->start(JsonServerFixture::users(9, version == JsonServerFixture::Version::V1)),
            qPrintable(jsonServer->errorString()));
        client.setBaseUrl(jsonServer->baseUrl());
    }

    // Not asked: nothing is said about the dialect, and the client keeps its own.
    auto result = check(client);
    QVERIFY(result);
    QVERIFY(result->detectedDialect.isEmpty());
    QVERIFY2(!result->sentence().contains(QLatin1String("pages as")), qPrintable(result->sentence()));

    result = check(client, true);
    QVERIFY(result);
    QVERIFY2(result->reachable, qPrintable(result->sentence()));
    QCOMPARE(result->detectedDialect, dialect);
    QCOMPARE(client.dialect().name(), dialect);
    QCOMPARE(result->users, 9); // listed in the dialect found
    QCOMPARE(result->dialectSentence(), QStringLiteral("The server pages as %1.").arg(said));
    QVERIFY2(result->sentence().startsWith(QLatin1String("Connected: the server has 9 user"))
            && result->sentence().endsWith(QStringLiteral(" The server pages as %1.").arg(said)),
        qPrintable(result->sentence()));
}

QTEST_MAIN(TestConnectionCheck)
#include "tst_connectioncheck.moc"
