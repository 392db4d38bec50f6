// The sandbox's additions to the contract: rate limit, fault injection, the admin
// route, robustness against bad input, reset, and its life on a worker thread.

#include "sandboxfixture.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using namespace UserDesk;

class TestSandboxFaults : public QObject
{
    Q_OBJECT

private:
    using Exchange = SandboxFixture::Exchange;

    Exchange get(const QString &pathAndQuery)
    {
        return SandboxFixture::send(m_manager, "GET", m_sandbox->url(pathAndQuery));
    }
    Exchange authorized(const QByteArray &method, const QString &path, const QByteArray &body = {})
    {
        return m_sandbox->sendAuthorized(m_manager, method, m_sandbox->url(path), body);
    }
    Exchange admin(const QByteArray &method, const QString &path, const QByteArray &body = {},
        const QByteArray &token = SandboxFixture::AdminToken)
    {
        SandboxFixture::HeaderList headers;
        if (!token.isEmpty())
            headers.append({ "X-Sandbox-Admin", token });
        return SandboxFixture::send(m_manager, method, m_sandbox->adminUrl(path), body, headers);
    }
    static QByteArray userJson(const QString &email)
    {
        return "{\"name\":\"Fault Test\",\"email\":\"" + email.toUtf8()
            + "\",\"gender\":\"male\",\"status\":\"active\"}";
    }
    int usersWithEmail(const QString &email)
    {
        return QJsonDocument::fromJson(get(u"/users?email="_qs + email).body).array().size();
    }

    std::unique_ptr<SandboxFixture> m_sandbox;
    QNetworkAccessManager m_manager;

private Q_SLOTS:
    void initTestCase()
    {
        m_sandbox = std::make_unique<SandboxFixture>(SandboxFixture::defaultConfig(30));
        QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
    }

    void init()
    {
        m_sandbox->clearFaults();
        m_sandbox->setRateLimit(SandboxRateLimit());
    }

    void cleanupTestCase() { m_sandbox.reset(); }

    void rateLimitHoldsWhenItsFirstRequestIsFaulted()
    {
        SandboxRateLimit limit;
        limit.limit = 5;
        limit.windowSeconds = 60;
        m_sandbox->setRateLimit(limit);
        SandboxFaults f;
        f.htmlErrorRate = 1.0;
        m_sandbox->setFaults(f);
        QCOMPARE(authorized("GET", u"/users"_qs).status, 502); // the first request after the change
        m_sandbox->clearFaults();
        const Exchange e = authorized("GET", u"/users"_qs);
        QCOMPARE(e.status, 200);
        QCOMPARE(e.header("X-RateLimit-Limit"), QByteArray("5"));
    }

    void rateLimitCountsDownRefusesAndRefills()
    {
        SandboxRateLimit limit;
        limit.limit = 5;
        limit.windowSeconds = 2;
        m_sandbox->setRateLimit(limit);
        const quint64 limitedBefore = m_sandbox->stats().rateLimited;

        for (int i = 0; i < 5; ++i) {
            const Exchange e = authorized("GET", u"/users"_qs);
            QCOMPARE(e.status, 200);
            QCOMPARE(e.header("X-RateLimit-Limit"), QByteArray("5"));
            QCOMPARE(e.header("X-RateLimit-Remaining").toInt(), 4 - i);
            const int reset = e.header("X-RateLimit-Reset").toInt();
            QVERIFY2(reset >= 1 && reset <= 2, e.header("X-RateLimit-Reset"));
        }
        // Reads without a token are public and not counted against it.
        Exchange e = get(u"/users"_qs);
        QCOMPARE(e.status, 200);
        QVERIFY(!e.hasHeader("X-RateLimit-Limit"));

        e = authorized("POST", u"/users"_qs, userJson(u"limited@example.test"_qs));
        QCOMPARE(e.status, 429);
        QCOMPARE(e.body, QByteArray("{\"message\":\"Too many requests\"}"));
        QCOMPARE(e.header("X-RateLimit-Remaining"), QByteArray("0"));
        const int retryAfter = e.header("Retry-After").toInt();
        QVERIFY2(retryAfter >= 1 && retryAfter <= 2, e.header("Retry-After"));
        QCOMPARE(e.header("X-RateLimit-Reset").toInt(), retryAfter);
        QCOMPARE(m_sandbox->stats().rateLimited, limitedBefore + 1);
        QCOMPARE(usersWithEmail(u"limited@example.test"_qs), 0);

        // Waiting as long as the server says refills the budget.
        QTest::qWait(retryAfter * 1000 + 100);
        e = authorized("POST", u"/users"_qs, userJson(u"limited@example.test"_qs));
        QCOMPARE(e.status, 201);
        QCOMPARE(e.header("X-RateLimit-Remaining"), QByteArray("4"));
    }

    void rateLimitCanOmitRetryAfterLikeGoRest()
    {
        SandboxRateLimit limit;
        limit.limit = 1;
        limit.windowSeconds = 30;
        limit.sendRetryAfter = false;
        m_sandbox->setRateLimit(limit);
        QCOMPARE(authorized("GET", u"/users"_qs).status, 200);
        const Exchange e = authorized("GET", u"/users"_qs);
        QCOMPARE(e.status, 429);
        QVERIFY(!e.hasHeader("Retry-After"));
        QVERIFY(e.header("X-RateLimit-Reset").toInt() > 0);
    }

    void latencyIsServedAsynchronously()
    {
        SandboxFaults faults;
        faults.latencyMs = 1000;
        m_sandbox->setFaults(faults);

        // Five requests at once, on five connections: they overlap instead of queueing.
        QNetworkAccessManager manager;
        QElapsedTimer clock;
        clock.start();
        QList<QNetworkReply *> replies;
        for (int i = 0; i < 5; ++i)
            replies.append(
                manager.get(QNetworkRequest(m_sandbox->url(u"/users?page="_qs + QString::number(i + 1)))));
        for (QNetworkReply *reply : replies) {
            if (!reply->isFinished())
                QVERIFY(QSignalSpy(reply, &QNetworkReply::finished).wait(10000));
        }
        const qint64 elapsed = clock.elapsed();
        for (QNetworkReply *reply : replies) {
            QCOMPARE(reply->error(), QNetworkReply::NoError);
            QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
            reply->deleteLater();
        }
        // Served one after another they would take 5 s; overlapping, one latency and some slack.
        QVERIFY2(elapsed >= 990, QByteArray::number(elapsed));
        QVERIFY2(elapsed < 3500, QByteArray::number(elapsed));

        // The admin route is never delayed.
        QVERIFY(admin("GET", u"/stats"_qs).elapsedMs < 990);
    }

    void latencyWithJitterStaysInRange()
    {
        SandboxFaults faults;
        faults.latencyMs = 100;
        faults.jitterMs = 100;
        m_sandbox->setFaults(faults);
        for (int i = 0; i < 3; ++i) {
            const Exchange e = get(u"/users"_qs);
            QCOMPARE(e.status, 200);
            QVERIFY2(e.elapsedMs >= 95, QByteArray::number(e.elapsedMs));
        }
    }

    void failRateAnswers503WithRetryAfter()
    {
        SandboxFaults faults;
        faults.failRate = 1.0;
        m_sandbox->setFaults(faults);
        const Exchange e = authorized("POST", u"/users"_qs, userJson(u"never@example.test"_qs));
        QCOMPARE(e.status, 503);
        QCOMPARE(e.header("Retry-After"), QByteArray("1"));
        QCOMPARE(e.header("Content-Type"), QByteArray("application/json; charset=utf-8"));
        QVERIFY(QJsonDocument::fromJson(e.body).isObject());
        m_sandbox->clearFaults();
        QCOMPARE(usersWithEmail(u"never@example.test"_qs), 0);
        QCOMPARE(get(u"/users"_qs).status, 200);
    }

    void htmlErrorRateAnswersAProxyPage()
    {
        SandboxFaults faults;
        faults.htmlErrorRate = 1.0;
        m_sandbox->setFaults(faults);
        const Exchange e = get(u"/users"_qs);
        QCOMPARE(e.status, 502);
        QCOMPARE(e.header("Content-Type"), QByteArray("text/html"));
        QVERIFY(e.body.contains("<html>"));
        QVERIFY(QJsonDocument::fromJson(e.body).isNull());
    }

    void dropBeforeClosesWithoutApplying()
    {
        SandboxFaults faults;
        faults.dropBeforeRate = 1.0;
        m_sandbox->setFaults(faults);
        const quint64 before = m_sandbox->stats().dropsBefore;
        const Exchange e = authorized("POST", u"/users"_qs, userJson(u"dropped.before@example.test"_qs));
        QCOMPARE(e.status, 0);
        QVERIFY2(e.error != QNetworkReply::NoError, QByteArray::number(e.error));
        QVERIFY(!e.timedOut);
        // QNAM quietly resends a request whose connection closed before any answer.
        qInfo("connections dropped before applying for one POST: %llu",
            m_sandbox->stats().dropsBefore - before);
        QVERIFY(m_sandbox->stats().dropsBefore > before);
        m_sandbox->clearFaults();
        QCOMPARE(usersWithEmail(u"dropped.before@example.test"_qs), 0);
    }

    void dropAfterAppliesThenClosesWithoutAnswer()
    {
        SandboxFaults faults;
        faults.dropAfterRate = 1.0;
        m_sandbox->setFaults(faults);
        const quint64 before = m_sandbox->stats().dropsAfter;
        const Exchange e = authorized("POST", u"/users"_qs, userJson(u"dropped.after@example.test"_qs));
        QCOMPARE(e.status, 0);
        QVERIFY2(e.error != QNetworkReply::NoError, QByteArray::number(e.error));
        QVERIFY(!e.timedOut);
        qInfo(
            "connections dropped after applying for one POST: %llu", m_sandbox->stats().dropsAfter - before);
        QVERIFY(m_sandbox->stats().dropsAfter > before);
        m_sandbox->clearFaults();
        // Applied once: QNAM may resend after the reset, but the email is then taken.
        QCOMPARE(usersWithEmail(u"dropped.after@example.test"_qs), 1);
    }

    void dropRateIsSplitBetweenBeforeAndAfter()
    {
        SandboxFaults faults;
        faults.dropRate = 1.0;
        faults.seed = 7;
        m_sandbox->setFaults(faults);
        const SandboxStats before = m_sandbox->stats();
        for (int i = 0; i < 12; ++i)
            QCOMPARE(get(u"/users"_qs).status, 0);
        const SandboxStats after = m_sandbox->stats();
        QVERIFY(after.dropsBefore > before.dropsBefore);
        QVERIFY(after.dropsAfter > before.dropsAfter);
    }

    void truncatedBodyIsSeenAsAnError()
    {
        SandboxFaults faults;
        faults.truncateRate = 1.0;
        m_sandbox->setFaults(faults);
        const quint64 before = m_sandbox->stats().truncated;
        const Exchange e = get(u"/users"_qs);
        QVERIFY(m_sandbox->stats().truncated > before);
        // QNAM reports the early close; whatever body it hands over is short and not JSON.
        QVERIFY2(e.error != QNetworkReply::NoError || e.body.size() < e.header("Content-Length").toInt(),
            QByteArray(QByteArray::number(e.error) + ' ' + QByteArray::number(e.body.size())).constData());
        QVERIFY(QJsonDocument::fromJson(e.body).isNull());
        m_sandbox->clearFaults();
        QCOMPARE(get(u"/users"_qs).status, 200);
    }

    void faultSeedMakesFaultsRepeatable()
    {
        const auto pattern = [this]() {
            SandboxFaults faults;
            faults.failRate = 0.5;
            faults.seed = 42;
            m_sandbox->setFaults(faults);
            QByteArray statuses;
            for (int i = 0; i < 16; ++i)
                statuses += get(u"/users"_qs).status == 503 ? 'F' : '.';
            return statuses;
        };
        const QByteArray first = pattern();
        QCOMPARE(pattern(), first);
        QVERIFY2(first.contains('F') && first.contains('.'), first);
    }

    void adminRouteNeedsItsOwnToken_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("token");
        QTest::newRow("stats, no token") << QByteArray("GET") << u"/stats"_qs << QByteArray();
        QTest::newRow("stats, wrong token") << QByteArray("GET") << u"/stats"_qs << QByteArray("wrong");
        QTest::newRow("faults, API token")
            << QByteArray("POST") << u"/faults"_qs << QByteArray(SandboxFixture::Token);
        QTest::newRow("reset, wrong token") << QByteArray("POST") << u"/reset"_qs << QByteArray("wrong");
        QTest::newRow("unknown, wrong token") << QByteArray("GET") << u"/nothing"_qs << QByteArray("wrong");
    }

    void adminRouteNeedsItsOwnToken()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, token);
        const Exchange e = admin(method, path, "{\"fail_rate\":1}", token);
        QCOMPARE(e.status, 401);
        QCOMPARE(e.body, QByteArray("{\"message\":\"Invalid admin token\"}"));
        QCOMPARE(m_sandbox->host().faults().failRate, 0.0);
    }

    void adminRouteSetsFaultsAndReports()
    {
        Exchange e = admin("POST", u"/faults"_qs,
            "{\"fail_rate\":1,\"latency_ms\":0,\"rate_limit\":\"100/60\",\"retry_after\":false}");
        QCOMPARE(e.status, 200);
        QJsonObject faults = QJsonDocument::fromJson(e.body).object();
        QCOMPARE(faults[u"fail_rate"].toDouble(), 1.0);
        QCOMPARE(faults[u"rate_limit"].toString(), u"100/60"_qs);
        QCOMPARE(faults[u"retry_after"].toBool(), false);
        QCOMPARE(m_sandbox->host().faults().failRate, 1.0);
        QCOMPARE(m_sandbox->host().rateLimit().limit, 100);
        QCOMPARE(get(u"/users"_qs).status, 503);

        // Keys left out keep their values.
        e = admin("POST", u"/faults"_qs, "{\"truncate_rate\":0}");
        QCOMPARE(QJsonDocument::fromJson(e.body).object()[u"fail_rate"].toDouble(), 1.0);
        e = admin("POST", u"/faults"_qs, "{\"fail_rate\":0,\"rate_limit\":\"off\"}");
        QCOMPARE(e.status, 200);
        QCOMPARE(get(u"/users"_qs).status, 200);
        QCOMPARE(QJsonDocument::fromJson(admin("GET", u"/faults"_qs).body).object()[u"rate_limit"].toString(),
            u"off"_qs);

        QCOMPARE(admin("POST", u"/faults"_qs, "{\"fail_rate\":2}").status, 400);
        QCOMPARE(admin("POST", u"/faults"_qs, "{\"rate_limit\":\"lots\"}").status, 400);
        QCOMPARE(admin("POST", u"/faults"_qs, "[]").status, 400);
        QCOMPARE(admin("DELETE", u"/faults"_qs).status, 405);

        e = admin("GET", u"/stats"_qs);
        QCOMPARE(e.status, 200);
        const QJsonObject stats = QJsonDocument::fromJson(e.body).object();
        QVERIFY(stats[u"requests"].toInteger() > 0);
        QVERIFY(stats[u"injected_503"].toInteger() >= 1);
        for (const char *key :
            { "connections", "responses", "drops_before", "drops_after", "truncated", "rate_limited" })
            QVERIFY2(stats.contains(QLatin1String(key)), key);
    }

    void adminResetReseeds()
    {
        QCOMPARE(authorized("POST", u"/users"_qs, userJson(u"before.reset@example.test"_qs)).status, 201);
        Exchange e = admin("POST", u"/reset"_qs, "{\"users\":12}");
        QCOMPARE(e.status, 200);
        QCOMPARE(QJsonDocument::fromJson(e.body).object()[u"users"].toInt(), 12);
        QCOMPARE(get(u"/users"_qs).header("X-Pagination-Total"), QByteArray("12"));
        QCOMPARE(usersWithEmail(u"before.reset@example.test"_qs), 0);
        const QByteArray firstPage = get(u"/users"_qs).body;
        QCOMPARE(admin("POST", u"/reset"_qs, "{\"users\":12}").status, 200);
        // Same seed, same data, same ids.
        QCOMPARE(get(u"/users"_qs).body, firstPage);
        QVERIFY(m_sandbox->reset(30));
    }

    void garbageBytesDoNotHurtTheServer_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("binary") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11);
        QTest::newRow("lower-case words") << QByteArray("hello there\r\n\r\n");
        QTest::newRow("bad header after a request line")
            << QByteArray("GET /public/v2/users HTTP/1.1\r\n\x01\x02\x03\r\n\r\n");
        QTest::newRow("absurd content length")
            << QByteArray("POST /public/v2/users HTTP/1.1\r\nContent-Length: -5\r\n\r\n");
        QByteArray noise;
        for (int i = 0; i < 64 * 1024; ++i)
            noise += char((i * 7919) & 0xff);
        QTest::newRow("64 KiB of noise") << noise;
    }

    void garbageBytesDoNotHurtTheServer()
    {
        QFETCH(QByteArray, bytes);
        QTcpSocket socket;
        socket.connectToHost(m_sandbox->baseUrl().host(), quint16(m_sandbox->baseUrl().port()));
        QVERIFY(socket.waitForConnected(5000));
        socket.write(bytes);
        QVERIFY(socket.waitForBytesWritten(5000));
        // Where the sandbox can tell, it answers 400 and closes.
        if (!bytes.startsWith("GET") && !bytes.startsWith("POST")) {
            QByteArray answer;
            QTRY_VERIFY_WITH_TIMEOUT((answer += socket.readAll()).contains("\r\n\r\n"), 5000);
            QVERIFY2(answer.startsWith("HTTP/1.1 400 "), answer);
            QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 5000);
        }
        socket.abort();
        const Exchange e = get(u"/users"_qs);
        QCOMPARE(e.status, 200);
        QCOMPARE(QJsonDocument::fromJson(e.body).array().size(), 10);
    }

    void pipelinedRequestsAreAnsweredInOrder()
    {
        SandboxFaults faults;
        faults.latencyMs = 20;
        faults.jitterMs = 80;
        m_sandbox->setFaults(faults);
        QTcpSocket socket;
        socket.connectToHost(m_sandbox->baseUrl().host(), quint16(m_sandbox->baseUrl().port()));
        QVERIFY(socket.waitForConnected(5000));
        QByteArray requests;
        for (int page = 1; page <= 3; ++page)
            requests += "GET /public/v2/users?page=" + QByteArray::number(page)
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        socket.write(requests);
        QByteArray received;
        QTRY_VERIFY_WITH_TIMEOUT((received += socket.readAll()).count("X-Pagination-Page:") == 3, 10000);
        const qsizetype one = received.indexOf("X-Pagination-Page: 1");
        const qsizetype two = received.indexOf("X-Pagination-Page: 2");
        const qsizetype three = received.indexOf("X-Pagination-Page: 3");
        QVERIFY(one >= 0 && one < two && two < three);
    }

    void clientClosingMidDelayIsHarmless()
    {
        SandboxFaults faults;
        faults.latencyMs = 200;
        m_sandbox->setFaults(faults);
        for (int i = 0; i < 5; ++i) {
            QTcpSocket socket;
            socket.connectToHost(m_sandbox->baseUrl().host(), quint16(m_sandbox->baseUrl().port()));
            QVERIFY(socket.waitForConnected(5000));
            socket.write("GET /public/v2/users HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            QVERIFY(socket.waitForBytesWritten(5000));
            socket.abort();
        }
        QTest::qWait(400);
        m_sandbox->clearFaults();
        QCOMPARE(get(u"/users"_qs).status, 200);
    }

    void resetOnStartOverwritesExistingData()
    {
        QTemporaryDir dir;
        SandboxConfig config = SandboxFixture::defaultConfig(20);
        config.dataPath = dir.filePath(u"kept.sqlite"_qs);
        {
            SandboxFixture first(config);
            QVERIFY(first.start());
            QCOMPARE(first
                         .sendAuthorized(
                             m_manager, "POST", first.url(u"/users"_qs), userJson(u"kept@example.test"_qs))
                         .status,
                201);
        }
        {
            // Same file, no reset: the data survives a restart.
            SandboxFixture second(config);
            QVERIFY(second.start());
            const Exchange e
                = SandboxFixture::send(m_manager, "GET", second.url(u"/users?email=kept@example.test"_qs));
            QCOMPARE(QJsonDocument::fromJson(e.body).array().size(), 1);
            QCOMPARE(
                SandboxFixture::send(m_manager, "GET", second.url(u"/users"_qs)).header("X-Pagination-Total"),
                QByteArray("21"));
        }
        config.reset = true;
        config.seedUsers = 15;
        SandboxFixture third(config);
        QVERIFY(third.start());
        const Exchange e
            = SandboxFixture::send(m_manager, "GET", third.url(u"/users?email=kept@example.test"_qs));
        QCOMPARE(e.body, QByteArray("[]"));
        QCOMPARE(SandboxFixture::send(m_manager, "GET", third.url(u"/users"_qs)).header("X-Pagination-Total"),
            QByteArray("15"));
    }

    void hostSignalsReadyAndFailed()
    {
        QTemporaryDir dir;
        SandboxConfig config = SandboxFixture::defaultConfig(5);
        config.dataPath = dir.filePath(u"a.sqlite"_qs);
        SandboxHost host(config);
        QSignalSpy ready(&host, &SandboxHost::ready);
        host.start();
        QVERIFY(ready.wait(20000));
        QCOMPARE(ready.first().first().toUrl(), host.baseUrl());
        QVERIFY(host.isReady());

        // A second server on the same port cannot listen and says so.
        config.port = quint16(host.baseUrl().port());
        config.dataPath = dir.filePath(u"b.sqlite"_qs);
        SandboxHost clash(config);
        QSignalSpy failed(&clash, &SandboxHost::failed);
        clash.start();
        QVERIFY(!clash.waitForReady(20000));
        QVERIFY(failed.wait(20000));
        QVERIFY2(failed.first().first().toString().contains(u"listen"_qs),
            qPrintable(failed.first().first().toString()));
        QVERIFY(clash.baseUrl().isEmpty());

        // A generated token when none is configured.
        config.tokens.clear();
        config.port = 0;
        config.dataPath = dir.filePath(u"c.sqlite"_qs);
        SandboxHost generated(config);
        generated.start();
        QVERIFY(generated.waitForReady(20000));
        QCOMPARE(generated.tokens().size(), 1);
        QVERIFY(generated.tokens().first().size() >= 32);
    }
};

QTEST_GUILESS_MAIN(TestSandboxFaults)
#include "tst_sandboxfaults.moc"
