#include "apiclient.h"
#include "cannedserver.h"
#include "faultproxy.h"
#include "sandboxfixture.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <csignal>
#include <sys/types.h>

using namespace UserDesk;

// Findings 1-3 of the adversarial run: every write ends applied, not applied or unknown, and the client
// never reports one as another. Each fault is scripted for one exact request by a proxy between the client
// and a real sandbox.
namespace {
constexpr int waitMs = 30000;
using Action = FaultProxy::Action;

struct Ending
{
    bool ended = false;
    std::optional<User> user;
    bool deleted = false;
    ApiError error;
};

// The one ending signal of one request.
class Watch : public QObject
{
public:
    QHash<ApiClient::RequestId, Ending> endings;
    QHash<ApiClient::RequestId, int> count;
    explicit Watch(ApiClient &c)
    {
        auto user = [this](ApiClient::RequestId id, const User &u) {
            endings[id].ended = true;
            endings[id].user = u;
            ++count[id];
        };
        connect(&c, &ApiClient::userCreated, this, user);
        connect(&c, &ApiClient::userUpdated, this, user);
        connect(&c, &ApiClient::userReceived, this, user);
        connect(&c, &ApiClient::userDeleted, this, [this](ApiClient::RequestId id, const ResourceId &) {
            endings[id].ended = true;
            endings[id].deleted = true;
            ++count[id];
        });
        connect(&c, &ApiClient::requestFailed, this, [this](ApiClient::RequestId id, const ApiError &e) {
            endings[id].ended = true;
            endings[id].error = e;
            ++count[id];
        });
    }
    Ending wait(ApiClient::RequestId id)
    {
        if (!QTest::qWaitFor([&] { return endings.value(id).ended; }, waitMs))
            return {};
        return endings.value(id);
    }
};

RetryPolicy quickPolicy(int attempts = 4)
{
    RetryPolicy p;
    p.maxAttempts = attempts;
    p.baseDelayMs = 20;
    p.capDelayMs = 100;
    p.maxServerHintMs = 2000;
    return p;
}

QByteArray raw503()
{
    return "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nContent-Length: "
           "35\r\n\r\n{\"message\":\"Service Unavailable.\"}\n";
}
} // namespace

class TestOutcomes : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<FaultProxy> m_proxy;
    int m_serial = 0;

    std::unique_ptr<ApiClient> client(int attempts = 4)
    {
        auto c = std::make_unique<ApiClient>();
        c->setBaseUrl(m_proxy->baseUrl());
        c->setToken(m_sandbox->token());
        c->setRetryPolicy(quickPolicy(attempts));
        c->setTimeout(10000);
        return c;
    }
    UserDraft draft(const QString &name)
    {
        UserDraft d;
        d.name = name;
        d.email = QStringLiteral("outcome.%1@outcomes.test").arg(++m_serial);
        d.gender = QStringLiteral("female");
        d.status = QStringLiteral("active");
        return d;
    }
    // Straight to the sandbox, not through the proxy or the code under test.
    SandboxFixture::Exchange direct(
        const QByteArray &method, const QString &path, const QByteArray &body = {})
    {
        QNetworkAccessManager nam;
        return m_sandbox->sendAuthorized(nam, method, m_sandbox->url(path), body);
    }
    qint64 createDirect(const UserDraft &d)
    {
        const auto answer = direct("POST", QStringLiteral("/users"), QJsonDocument(d.toJson()).toJson());
        return answer.status == 201
            ? QJsonDocument::fromJson(answer.body).object().value(QLatin1String("id")).toInteger()
            : -1;
    }
    int statusOf(qint64 id) { return direct("GET", QStringLiteral("/users/%1").arg(id)).status; }
    QJsonObject userOf(qint64 id)
    {
        return QJsonDocument::fromJson(direct("GET", QStringLiteral("/users/%1").arg(id)).body).object();
    }
    QList<QJsonObject> byEmail(const QString &email)
    {
        QList<QJsonObject> found;
        for (int page = 1;; ++page) { // every page: the filter matches longer addresses too
            const auto answer = direct("GET",
                QStringLiteral("/users?per_page=100&page=%1&email=").arg(page)
                    + QString::fromLatin1(QUrl::toPercentEncoding(email)));
            const QJsonArray items = QJsonDocument::fromJson(answer.body).array();
            for (const QJsonValue &v : items) {
                if (v.toObject().value(QLatin1String("email")).toString().compare(email, Qt::CaseInsensitive)
                    == 0)
                    found.append(v.toObject());
            }
            if (items.size() < 100)
                return found;
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_sandbox = std::make_unique<SandboxFixture>(SandboxFixture::defaultConfig(20));
        QVERIFY2(m_sandbox->start(waitMs), qPrintable(m_sandbox->errorString()));
    }

    void init()
    {
        m_proxy = std::make_unique<FaultProxy>(m_sandbox->baseUrl().port());
        QVERIFY(m_proxy->listen());
    }

    void cleanup() { m_proxy.reset(); }

    // Finding 1: the first POST never reaches the server, the email belongs to someone else.
    void createWithAnotherUsersEmailIsNotReportedAsCreated()
    {
        UserDraft other = draft(QStringLiteral("Other Person"));
        const qint64 otherId = createDirect(other);
        QVERIFY(otherId > 0);
        UserDraft mine = draft(QStringLiteral("Repro Person"));
        mine.email = other.email;
        mine.gender = QStringLiteral("male");
        m_proxy->next("POST", Action::DropBeforeForward);
        auto c = client();
        Watch w(*c);
        const auto id = c->createUser(mine);
        const Ending e = w.wait(id);
        QVERIFY(e.ended);
        QVERIFY2(!e.user, "someone else's user was reported as created");
        QCOMPARE(e.error.kind(), ApiError::Kind::Validation);
        QVERIFY2(e.error.userMessage().contains(QString::number(otherId)), qPrintable(e.error.userMessage()));
        QCOMPARE(byEmail(*mine.email).size(), 1);
        QCOMPARE(byEmail(*mine.email).first().value(QLatin1String("name")).toString(),
            QStringLiteral("Other Person"));
    }

    // An identical record made by someone else before we started is not ours either. (Rewritten for the
    // cheaper create rule: nothing is looked up before the POST, so after a lost answer an identical record
    // may be ours or older; it was "taken", it is now "unknown" naming it, and still never "created".)
    void createOfAnIdenticalExistingRecordIsNotCalledCreated()
    {
        const UserDraft d = draft(QStringLiteral("Twin Person"));
        const qint64 existing = createDirect(d);
        QVERIFY(existing > 0);
        m_proxy->next("POST", Action::DropAfterAnswer);
        auto c = client();
        Watch w(*c);
        const Ending e = w.wait(c->createUser(d));
        QVERIFY(e.ended);
        QVERIFY2(!e.user, "a record that existed before was reported as created");
        QCOMPARE(e.error.kind(), ApiError::Kind::Unknown);
        QVERIFY2(
            e.error.userMessage().contains(QString::number(existing)), qPrintable(e.error.userMessage()));
        QCOMPARE(byEmail(*d.email).size(), 1);
    }

    // The cheaper create rule: a create answered 201 is one request, no look-up before it.
    void anAnsweredCreateIsOneRequest()
    {
        const UserDraft d = draft(QStringLiteral("Single Request"));
        auto c = client();
        Watch w(*c);
        const Ending e = w.wait(c->createUser(d));
        QVERIFY2(e.user, qPrintable(e.error.userMessage()));
        QCOMPARE(m_proxy->count("POST"), 1);
        QCOMPARE(m_proxy->seen().size(), 1);
    }

    // A 422 "taken" to the only copy of a POST is not applied, told as the server told it (no look-up).
    void takenOnTheOnlyAttemptIsNotApplied()
    {
        UserDraft other = draft(QStringLiteral("First Owner"));
        QVERIFY(createDirect(other) > 0);
        UserDraft mine = draft(QStringLiteral("Second Comer"));
        mine.email = other.email;
        auto c = client();
        Watch w(*c);
        const Ending e = w.wait(c->createUser(mine));
        QVERIFY(e.ended);
        QVERIFY(!e.user);
        QCOMPARE(e.error.kind(), ApiError::Kind::Validation);
        QCOMPARE(m_proxy->seen().size(), 1);
    }

    // The look-up after a lost answer pages through every address that contains the one it looks for: the
    // record it created sits behind a full page of longer addresses (the list is newest first).
    void theLookUpAfterALostAnswerReadsEveryPageOfMatches()
    {
        const UserDraft d = draft(QStringLiteral("Deep Person"));
        m_proxy->next("POST", Action::DropAfterAnswer);
        auto c = client();
        // Long enough for 100 creates on a loaded machine under AddressSanitizer (6 s was not, once).
        RetryPolicy slow = quickPolicy();
        slow.baseDelayMs = 20000;
        slow.capDelayMs = 20000;
        c->setRetryPolicy(slow);
        Watch w(*c);
        const auto id = c->createUser(d);
        QTRY_COMPARE_WITH_TIMEOUT(byEmail(*d.email).size(), 1, waitMs);
        const qint64 serverId = byEmail(*d.email).first().value(QLatin1String("id")).toInteger();
        // 100 newer users whose addresses contain this one, while the client waits to look it up.
        for (int i = 0; i < 100; ++i) {
            UserDraft longer = draft(QStringLiteral("Longer Person"));
            longer.email = QStringLiteral("x%1.").arg(i) + *d.email;
            QVERIFY(createDirect(longer) > 0);
        }
        QVERIFY2(m_proxy->count("GET") == 0, "the look-up went before the page was filled; raise the delay");
        const Ending e = w.wait(id);
        QVERIFY(e.ended);
        QVERIFY(!e.user);
        QCOMPARE(e.error.kind(), ApiError::Kind::Unknown);
        QVERIFY2(
            e.error.userMessage().contains(QString::number(serverId)), qPrintable(e.error.userMessage()));
        QCOMPARE(m_proxy->count("POST"), 1);
        QCOMPARE(m_proxy->count("GET"), 2);
        QCOMPARE(byEmail(*d.email).size(), 1);
    }

    // Finding 2a: the DELETE is applied, its 204 lost; the resend finds nothing.
    void deleteAppliedWhoseAnswerWasLostIsDeleted()
    {
        const qint64 id = createDirect(draft(QStringLiteral("Delete Me")));
        QVERIFY(id > 0);
        m_proxy->next("DELETE", Action::DropAfterAnswer);
        auto c = client();
        Watch w(*c);
        const Ending e = w.wait(c->deleteUser(id));
        QVERIFY(e.ended);
        QVERIFY2(e.deleted, qPrintable(e.error.userMessage()));
        QCOMPARE(statusOf(id), 404);
    }

    // A 201 whose body was cut (the connection reset, or closed as if the body were whole) is a create that
    // landed, read back by email. (A guard: this already held before the outcomes work.)
    void createWhoseAnswerWasCutIsCreated_data()
    {
        QTest::addColumn<bool>("graceful");
        QTest::newRow("reset") << false;
        QTest::newRow("closed") << true;
    }
    void createWhoseAnswerWasCutIsCreated()
    {
        QFETCH(bool, graceful);
        const UserDraft d = draft(QStringLiteral("Cut Person"));
        FaultProxy::Rule cut;
        cut.method = "POST";
        cut.action = Action::CutBody;
        cut.bytes = 5;
        cut.graceful = graceful;
        m_proxy->addRule(cut);
        auto c = client();
        Watch w(*c);
        const Ending e = w.wait(c->createUser(d));
        QVERIFY(e.ended);
        QVERIFY2(e.user, qPrintable(e.error.userMessage()));
        const QList<QJsonObject> found = byEmail(*d.email);
        QCOMPARE(found.size(), 1);
        QCOMPARE(e.user->id, found.first().value(QLatin1String("id")).toInteger());
        QCOMPARE(m_proxy->count("POST"), 1); // never sent twice
    }

    // Issue 14: Qt 6.4 resent a POST whose connection closed after the server applied it and before the
    // answer came. For users the unique email turned the copy into a 422; posts, comments and todos have no
    // such guard. The client sends each POST once: one record on the server, one POST on the wire, and an
    // outcome that never claims more than was seen.
    void postIsNeverResentAfterTheServerAppliedIt()
    {
        const UserDraft d = draft(QStringLiteral("Once Person"));
        m_proxy->next("POST", Action::DropAfterAnswer);
        auto c = client();
        Watch w(*c);
        const auto id = c->createUser(d);
        const Ending e = w.wait(id);
        QVERIFY(e.ended);
        QCOMPARE(m_proxy->count("POST"), 1);
        const QList<QJsonObject> found = byEmail(*d.email);
        QCOMPARE(found.size(), 1);
        const qint64 serverId = found.first().value(QLatin1String("id")).toInteger();
        // No 201 was seen, and an identical record could have been there before: unknown, naming it.
        QVERIFY(!e.user);
        QCOMPARE(e.error.kind(), ApiError::Kind::Unknown);
        QVERIFY2(
            e.error.userMessage().contains(QString::number(serverId)), qPrintable(e.error.userMessage()));
        QCOMPARE(w.count.value(id), 1);
    }

    // Finding 2b: a cut 201 whose read-back is cut too is not a failure (it was "bad response", exit 9,
    // while the user existed): it landed, and what cannot be read back is unknown.
    void createLandedButUnreadableIsUnknown()
    {
        const UserDraft d = draft(QStringLiteral("Landed Person"));
        m_proxy->next("POST", Action::CutBody, 5);
        FaultProxy::Rule cutReads; // every read after the POST
        cutReads.after = "POST";
        cutReads.method = "GET";
        cutReads.action = Action::CutBody;
        cutReads.bytes = 1;
        cutReads.uses = -1;
        m_proxy->addRule(cutReads);
        auto c = client(3);
        Watch w(*c);
        const Ending e = w.wait(c->createUser(d));
        QVERIFY(e.ended);
        QVERIFY(!e.user);
        QCOMPARE(e.error.kind(), ApiError::Kind::Unknown);
        QCOMPARE(byEmail(*d.email).size(), 1);
        QCOMPARE(m_proxy->count("POST"), 1);
    }

    // Finding 2c: a PATCH applied whose 200 was dropped, then 503s: verified by reading the user.
    void patchAppliedThenServerErrorsIsUpdated()
    {
        const qint64 id = createDirect(draft(QStringLiteral("Patch Me")));
        QVERIFY(id > 0);
        m_proxy->next("PATCH", Action::DropAfterAnswer);
        m_proxy->answerNext("PATCH", raw503(), false, -1);
        auto c = client(3);
        Watch w(*c);
        UserDraft change;
        change.name = QStringLiteral("Patched Person");
        const Ending e = w.wait(c->updateUser(id, change));
        QVERIFY(e.ended);
        QVERIFY2(e.user, qPrintable(e.error.userMessage()));
        QCOMPARE(e.user->name, QStringLiteral("Patched Person"));
        QCOMPARE(userOf(id).value(QLatin1String("name")).toString(), QStringLiteral("Patched Person"));
    }

    // A PATCH that surely did not apply (dropped before the server) then 503s is a plain failure.
    void patchNeverAppliedIsAFailure()
    {
        const qint64 id = createDirect(draft(QStringLiteral("Keep Me")));
        QVERIFY(id > 0);
        m_proxy->next("PATCH", Action::DropBeforeForward);
        m_proxy->answerNext("PATCH", raw503(), false, -1);
        auto c = client(3);
        Watch w(*c);
        UserDraft change;
        change.name = QStringLiteral("Never Person");
        const Ending e = w.wait(c->updateUser(id, change));
        QVERIFY(e.ended);
        QVERIFY(!e.user);
        QCOMPARE(e.error.kind(), ApiError::Kind::Server);
        QCOMPARE(userOf(id).value(QLatin1String("name")).toString(), QStringLiteral("Keep Me"));
    }

    // Every copy of a DELETE is cut off before the server: read back, the user is there, so the delete
    // failed (a read-back's 200 is not the DELETE's success).
    void deleteThatNeverArrivedIsNotDeleted()
    {
        const qint64 id = createDirect(draft(QStringLiteral("Still Here")));
        QVERIFY(id > 0);
        FaultProxy::Rule drop;
        drop.method = "DELETE";
        drop.action = Action::DropBeforeForward;
        drop.uses = -1;
        m_proxy->addRule(drop);
        auto c = client(2);
        Watch w(*c);
        const Ending e = w.wait(c->deleteUser(id));
        QVERIFY(e.ended);
        QVERIFY2(!e.deleted, "a delete that never reached the server was reported done");
        QCOMPARE(e.error.kind(), ApiError::Kind::Network);
        QCOMPARE(statusOf(id), 200);
        QVERIFY(m_proxy->count("GET") >= 1); // it did read the user back
    }

    // Finding 3: a cut 404, a 503, then a 404 for an id that never existed is "not found".
    void deleteOfAMissingUserUnderFaultsIsNotFound()
    {
        const qint64 missing = 900000000 + (++m_serial);
        m_proxy->next("DELETE", Action::CutBody, 3);
        m_proxy->answerNext("DELETE", raw503());
        auto c = client();
        Watch w(*c);
        const Ending e = w.wait(c->deleteUser(missing));
        QVERIFY(e.ended);
        QVERIFY2(!e.deleted, "a delete that never happened was reported done");
        QCOMPARE(e.error.kind(), ApiError::Kind::NotFound);
    }

    // Finding 4: --timeout bounds connect to last byte, not only silence.
    void trickledBodyEndsAtTheDeadline()
    {
        const qint64 id = createDirect(draft(QStringLiteral("Slow Person")));
        QVERIFY(id > 0);
        FaultProxy::Rule trickle;
        trickle.method = "GET";
        trickle.action = Action::Trickle;
        trickle.bytes = 2;
        trickle.intervalMs = 300;
        trickle.uses = -1;
        m_proxy->addRule(trickle);
        auto c = client(1);
        c->setTimeout(1500);
        Watch w(*c);
        QElapsedTimer clock;
        clock.start();
        const Ending e = w.wait(c->getUser(id));
        QVERIFY2(e.ended, "a trickled answer was waited for past its deadline");
        QCOMPARE(e.error.kind(), ApiError::Kind::Timeout);
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    }

    // Finding 4: a 429 asking for a wait beyond the policy's cap fails at once, naming the wait.
    void rateLimitHintBeyondTheCapFailsAtOnce()
    {
        CannedServer server;
        QVERIFY(server.listen());
        server.setHandler([](const CannedServer::Request &) {
            return CannedServer::response(429, R"({"message":"Too many requests"})",
                { { "X-RateLimit-Limit", "60" }, { "X-RateLimit-Remaining", "0" },
                    { "X-RateLimit-Reset", "999999999" } });
        });
        auto c = client();
        c->setBaseUrl(server.baseUrl());
        Watch w(*c);
        QElapsedTimer clock;
        clock.start();
        const Ending e = w.wait(c->getUser(1));
        QVERIFY(e.ended);
        QCOMPARE(e.error.kind(), ApiError::Kind::RateLimited);
        QVERIFY2(clock.elapsed() < 1500, qPrintable(QString::number(clock.elapsed())));
        QVERIFY2(
            e.error.userMessage().contains(QStringLiteral("86400 s")), qPrintable(e.error.userMessage()));
        QCOMPARE(server.requests().size(), 1);
    }

    // The same for a 503 whose Retry-After is beyond the cap: not waited for, the wait is named.
    void unavailableHintBeyondTheCapFailsAtOnce()
    {
        CannedServer server;
        QVERIFY(server.listen());
        server.setHandler([](const CannedServer::Request &) {
            return CannedServer::response(
                503, R"({"message":"Service Unavailable"})", { { "Retry-After", "3600" } });
        });
        auto c = client();
        c->setBaseUrl(server.baseUrl());
        Watch w(*c);
        QElapsedTimer clock;
        clock.start();
        const Ending e = w.wait(c->getUser(1));
        QVERIFY(e.ended);
        QCOMPARE(e.error.httpStatus(), 503);
        QVERIFY2(clock.elapsed() < 1500, qPrintable(QString::number(clock.elapsed())));
        QVERIFY2(e.error.userMessage().contains(QStringLiteral("3600 s")), qPrintable(e.error.userMessage()));
        QCOMPARE(server.requests().size(), 1);
    }

    // Finding 4: "Remaining: 0" with a reset eleven days away holds the queue no longer than the cap.
    void pacingNeverWaitsLongerThanTheCap()
    {
        CannedServer server;
        QVERIFY(server.listen());
        server.setHandler([](const CannedServer::Request &) {
            return CannedServer::response(200,
                R"({"id":1,"name":"A B","email":"a@b.test","gender":"male","status":"active"})",
                { { "X-RateLimit-Limit", "60" }, { "X-RateLimit-Remaining", "0" },
                    { "X-RateLimit-Reset", "999999999" } });
        });
        auto c = client();
        c->setBaseUrl(server.baseUrl());
        c->setMaxInFlight(1);
        Watch w(*c);
        QElapsedTimer clock;
        clock.start();
        const auto first = c->getUser(1);
        const auto second = c->getUser(1);
        QVERIFY(w.wait(first).user);
        const Ending e = w.wait(second);
        QVERIFY2(e.ended, "the queue stalled on a far-away reset");
        QVERIFY(e.user);
        QVERIFY2(clock.elapsed() < 2000 + 3000, qPrintable(QString::number(clock.elapsed())));
    }

    // Finding 5: a CR, LF or NUL in the token is refused before anything is sent.
    void headerValuesWithLineBreaksAreRefused_data()
    {
        QTest::addColumn<QString>("token");
        QTest::newRow("crlf") << QStringLiteral("tok\r\nX-Injected: 1");
        QTest::newRow("lf") << QStringLiteral("tok\nX-Injected: 1");
        QTest::newRow("nul") << QStringLiteral("tok") + QChar(0) + QStringLiteral("X-Injected: 1");
    }
    void headerValuesWithLineBreaksAreRefused()
    {
        QFETCH(QString, token);
        QTcpServer raw;
        QVERIFY(raw.listen(QHostAddress::LocalHost, 0));
        QByteArray received;
        connect(&raw, &QTcpServer::pendingConnectionAvailable, this, [&] {
            while (QTcpSocket *s = raw.nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, this, [&received, s] {
                    received += s->readAll();
                    if (received.contains("\r\n\r\n")) {
                        s->write(
                            "HTTP/1.1 404 Not Found\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
                        s->disconnectFromHost();
                    }
                });
            }
        });
        ApiClient c;
        c.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1/public/v2").arg(raw.serverPort())));
        c.setToken(token);
        c.setRetryPolicy(quickPolicy(1));
        Watch w(c);
        const Ending e = w.wait(c.getUser(1));
        QVERIFY(e.ended);
        QTest::qWait(200); // anything sent would have arrived by now
        QVERIFY2(!received.contains("X-Injected"), received.constData());
        QVERIFY2(received.isEmpty(), received.constData());
        QCOMPARE(e.error.kind(), ApiError::Kind::Validation);
        QVERIFY2(e.error.userMessage().contains(QStringLiteral("token")), qPrintable(e.error.userMessage()));
    }

    // Finding 6: the CLI says what it did as it goes. Killed outright one second into 300 deletes, every
    // user it printed as deleted is gone; stopped by SIGINT or SIGTERM, it also reports what it did not
    // do and exits 130 or 143.
    void interruptedCliHasSaidWhatItDid_data()
    {
        QTest::addColumn<int>("signalNumber");
        QTest::addColumn<int>("expectedExit");
        QTest::newRow("SIGKILL") << int(SIGKILL) << -1;
        QTest::newRow("SIGINT") << int(SIGINT) << 130;
        QTest::newRow("SIGTERM") << int(SIGTERM) << 143;
    }
    void interruptedCliHasSaidWhatItDid()
    {
        QFETCH(int, signalNumber);
        QFETCH(int, expectedExit);
        SandboxFixture sandbox(SandboxFixture::defaultConfig(300));
        QVERIFY2(sandbox.start(waitMs), qPrintable(sandbox.errorString()));
        QNetworkAccessManager nam;
        QStringList ids;
        for (int page = 1; page <= 3; ++page) {
            const auto answer = sandbox.sendAuthorized(
                nam, "GET", sandbox.url(QStringLiteral("/users?per_page=100&page=%1").arg(page)));
            for (const QJsonValue &v : QJsonDocument::fromJson(answer.body).array())
                ids.append(QString::number(v.toObject().value(QLatin1String("id")).toInteger()));
        }
        QCOMPARE(ids.size(), 300);
        SandboxFaults slow;
        slow.latencyMs = 25;
        sandbox.setFaults(slow);

        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("USERDESK_TOKEN"), sandbox.token());
        env.insert(
            QStringLiteral("XDG_CONFIG_HOME"), QDir::tempPath() + QStringLiteral("/outcomes-cli-config"));
        cli.setProcessEnvironment(env);
        cli.start(QStringLiteral(USERDESK_CLI_PATH),
            QStringList { QStringLiteral("--endpoint"), sandbox.baseUrl().toString(),
                QStringLiteral("--no-keychain"), QStringLiteral("--concurrency"), QStringLiteral("2"),
                QStringLiteral("users"), QStringLiteral("delete") }
                + ids);
        const quint64 writesBefore = sandbox.stats().writesApplied;
        QVERIFY(cli.waitForStarted());
        // Some way into the run (about a second on an idle machine), whatever the load on this one.
        QVERIFY(QTest::qWaitFor([&] { return sandbox.stats().writesApplied >= writesBefore + 40; }, waitMs));
        QTest::qWait(200);
        QCOMPARE(cli.state(), QProcess::Running);
        // processId() is 0 once QProcess has seen the exit, and kill(0, …) would signal this whole process
        // group: ctest and everything it runs.
        const auto pid = static_cast<pid_t>(cli.processId());
        QVERIFY(pid > 0);
        ::kill(pid, signalNumber);
        QVERIFY(cli.waitForFinished(10000));
        if (expectedExit >= 0) {
            QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
            QCOMPARE(cli.exitCode(), expectedExit);
        }
        sandbox.clearFaults();

        const QList<QByteArray> out = cli.readAllStandardOutput().split('\n');
        const QList<QByteArray> err = cli.readAllStandardError().split('\n');
        QSet<QString> deleted, notSent, unknown;
        for (const QByteArray &line : out) {
            if (line.startsWith("deleted "))
                deleted.insert(QString::fromLatin1(line.mid(8)));
        }
        for (const QByteArray &line : err) {
            if (line.startsWith("not deleted "))
                notSent.insert(QString::fromLatin1(line.mid(12, line.indexOf(':') - 12)));
            else if (line.startsWith("unknown whether "))
                unknown.insert(QString::fromLatin1(line.mid(16, line.indexOf(' ', 16) - 16)));
        }
        QVERIFY2(!deleted.isEmpty(), "nothing printed before the signal");
        QVERIFY(deleted.size() < 300);
        for (const QString &id : std::as_const(deleted))
            QCOMPARE(
                sandbox.sendAuthorized(nam, "GET", sandbox.url(QStringLiteral("/users/") + id)).status, 404);
        for (const QString &id : std::as_const(notSent))
            QCOMPARE(
                sandbox.sendAuthorized(nam, "GET", sandbox.url(QStringLiteral("/users/") + id)).status, 200);
        if (expectedExit >= 0) // every id is accounted for
            QCOMPARE(deleted.size() + notSent.size() + unknown.size(), 300);
    }

    // The CLI through the proxy: an unverifiable delete exits 10 with its own JSON line, never 0 or 5.
    void cliReportsUnknownWithItsOwnExitCode()
    {
        const qint64 id = createDirect(draft(QStringLiteral("Cli Maybe")));
        QVERIFY(id > 0);
        m_proxy->next("DELETE", Action::DropAfterAnswer);
        m_proxy->answerNext("DELETE", raw503(), false, -1);
        m_proxy->answerNext("GET", raw503(), false, -1);
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("USERDESK_TOKEN"), m_sandbox->token());
        env.insert(
            QStringLiteral("XDG_CONFIG_HOME"), QDir::tempPath() + QStringLiteral("/outcomes-cli-config"));
        cli.setProcessEnvironment(env);
        cli.start(QStringLiteral(USERDESK_CLI_PATH),
            { QStringLiteral("--endpoint"), m_proxy->baseUrl().toString(), QStringLiteral("--no-keychain"),
                QStringLiteral("--retries"), QStringLiteral("1"), QStringLiteral("users"),
                QStringLiteral("delete"), QStringLiteral("--format"), QStringLiteral("json"),
                QString::number(id) });
        // The proxy lives on this thread's event loop: wait without blocking it.
        QVERIFY(QTest::qWaitFor([&] { return cli.state() == QProcess::NotRunning; }, waitMs));
        const QByteArray out = cli.readAllStandardOutput();
        QCOMPARE(cli.exitCode(), 10);
        const QJsonObject line = QJsonDocument::fromJson(out.trimmed()).object();
        QCOMPARE(line.value(QLatin1String("id")).toInteger(), id);
        QCOMPARE(line.value(QLatin1String("outcome")).toString(), QStringLiteral("unknown"));
        QVERIFY(line.value(QLatin1String("message")).toString().contains(QStringLiteral("not known")));
    }

    // Finding 7: --verbose shows no user:password@, and each exchange once.
    void verboseRedactsTheAddressAndShowsEachExchangeOnce()
    {
        QUrl endpoint = m_sandbox->baseUrl();
        endpoint.setUserName(QStringLiteral("someone"));
        endpoint.setPassword(QStringLiteral("s3cr3tpw"));
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("USERDESK_TOKEN"), m_sandbox->token());
        env.insert(
            QStringLiteral("XDG_CONFIG_HOME"), QDir::tempPath() + QStringLiteral("/outcomes-cli-config"));
        cli.setProcessEnvironment(env);
        cli.start(QStringLiteral(USERDESK_CLI_PATH),
            { QStringLiteral("--endpoint"), endpoint.toString(), QStringLiteral("--no-keychain"),
                QStringLiteral("--verbose"), QStringLiteral("users"), QStringLiteral("get"),
                QStringLiteral("999999999") });
        QVERIFY(cli.waitForFinished(waitMs));
        const QByteArray err = cli.readAllStandardError();
        QCOMPARE(cli.exitCode(), 5);
        QVERIFY2(!err.contains("s3cr3tpw"), err.constData());
        QVERIFY2(!err.contains("someone"), err.constData());
        QCOMPARE(err.count("> GET "), 1);
    }

    // Finding 7: a body that does not match its Content-Encoding is a bad response that says why.
    void decompressionFailureSaysWhy()
    {
        CannedServer server;
        QVERIFY(server.listen());
        server.setHandler([](const CannedServer::Request &) {
            return CannedServer::response(200, "this is not gzip at all", { { "Content-Encoding", "gzip" } });
        });
        auto c = client(1);
        c->setBaseUrl(server.baseUrl());
        Watch w(*c);
        const Ending e = w.wait(c->getUser(1));
        QVERIFY(e.ended);
        QCOMPARE(e.error.kind(), ApiError::Kind::BadResponse);
        QVERIFY2(e.error.userMessage().contains(QStringLiteral("Content-Encoding")),
            qPrintable(e.error.userMessage()));
    }

    // A write whose effect cannot be read back is reported as unknown: never success, never failure.
    void unverifiableDeleteIsUnknown()
    {
        const qint64 id = createDirect(draft(QStringLiteral("Maybe Gone")));
        QVERIFY(id > 0);
        m_proxy->next("DELETE", Action::DropAfterAnswer);
        m_proxy->answerNext("DELETE", raw503(), false, -1);
        m_proxy->answerNext("GET", raw503(), false, -1);
        auto c = client(3);
        Watch w(*c);
        const auto rid = c->deleteUser(id);
        const Ending e = w.wait(rid);
        QVERIFY(e.ended);
        QCOMPARE(w.count.value(rid), 1);
        QVERIFY(!e.deleted);
        QCOMPARE(e.error.kind(), ApiError::Kind::Unknown);
        QCOMPARE(statusOf(id), 404);
    }
};

QTEST_GUILESS_MAIN(TestOutcomes)
#include "tst_outcomes.moc"
