#include "apiclient.h"
#include "cannedserver.h"
#include "requestlog.h"
#include "sandboxfixture.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QMutex>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>

using namespace UserDesk;

namespace {
const QString token = QStringLiteral("sekrit-0123456789-token");
constexpr int waitMs = 30000;

QMutex messagesLock;
QStringList messages;
void capture(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    QMutexLocker lock(&messagesLock);
    messages.append(
        QString::fromLatin1(context.category ? context.category : "") + QLatin1Char(' ') + message);
}
} // namespace

// Where the token must never show up: log output at every level, the request log and its cURL copies,
// the CLI's stderr; and where it must never go: another origin. The sandbox stays on loopback unless told.
class TestSecurity : public QObject
{
    Q_OBJECT

public:
    // Before the application exists, so that it outranks ctest's QT_LOGGING_RULES=*.debug=false: every
    // category at every level, the most a person could turn on. Rules set in code would rank below it.
    static void initMain() { qputenv("QT_LOGGING_RULES", "*.debug=true;*.info=true"); }

private slots:
    void tokenNeverInLoggingOutput()
    {
        // A token no other text contains, so that any leak of it is found.
        SandboxConfig config = SandboxFixture::defaultConfig(5);
        config.tokens = { token };
        SandboxFixture sandbox(config);
        QVERIFY2(sandbox.start(waitMs), qPrintable(sandbox.errorString()));

        // initMain() turned every category on, as a person would with QT_LOGGING_RULES.
        QVERIFY(QLoggingCategory("userdesk.api").isDebugEnabled());
        const QtMessageHandler previous = qInstallMessageHandler(capture);
        {
            ApiClient client;
            client.setBaseUrl(sandbox.baseUrl());
            client.setToken(token);
            RetryPolicy quick;
            quick.maxAttempts = 2;
            quick.baseDelayMs = 5;
            client.setRetryPolicy(quick);
            QSignalSpy idle(&client, &ApiClient::idle);
            UserDraft d;
            d.name = QStringLiteral("Log Check");
            d.email = QStringLiteral("log.check@security.test");
            d.gender = QStringLiteral("male");
            d.status = QStringLiteral("active");
            client.createUser(d);
            client.createUser(d); // 422
            client.deleteUser(1); // 404
            SandboxFaults f;
            f.failRate = 1.0; // retries get logged too
            sandbox.setFaults(f);
            client.listUsers(1, 5);
            QTRY_VERIFY_WITH_TIMEOUT(
                client.inFlightCount() + client.queuedCount() == 0 && !idle.isEmpty(), waitMs);
            sandbox.setFaults({});
            QVERIFY(client.requestLog()->size() >= 4);
            for (int i = 0; i < client.requestLog()->size(); ++i) {
                const HttpExchange &e = client.requestLog()->at(i);
                for (const auto &h : e.requestHeaders)
                    QVERIFY(!h.second.contains(token.toUtf8()));
                QVERIFY(!RequestLog::toCurl(e).contains(token));
            }
        }
        qInstallMessageHandler(previous);
        QMutexLocker lock(&messagesLock);
        // The client's own debug lines were captured, request headers among them: the check proves something.
        const bool sawClientDebug = std::any_of(messages.cbegin(), messages.cend(),
            [](const QString &m) { return m.startsWith(QLatin1String("userdesk.api ")); });
        QVERIFY2(sawClientDebug, "no userdesk.api line was logged: the check would prove nothing");
        for (const QString &m : std::as_const(messages))
            QVERIFY2(!m.contains(token), qPrintable(m));
    }

    void tokenNeverCrossesOrigins()
    {
        CannedServer other;
        QVERIFY(other.listen());
        other.setHandler([](const CannedServer::Request &) { return CannedServer::response(200, "[]"); });
        CannedServer home;
        QVERIFY(home.listen());
        home.setHandler([&](const CannedServer::Request &) {
            return CannedServer::response(
                302, "", { { "Location", other.baseUrl().toEncoded() + "/users?page=1" } });
        });
        ApiClient client;
        client.setBaseUrl(home.baseUrl());
        client.setToken(token);
        QSignalSpy pages(&client, &ApiClient::usersPageReceived);
        client.listUsers(1, 10);
        QVERIFY(pages.wait(waitMs));
        QCOMPARE(other.requests().size(), 1);
        for (const auto &h : other.requests().first().headers)
            QVERIFY2(!h.second.contains(token.toUtf8()), h.first.constData());
    }

    void sandboxStaysOnLoopbackByDefault()
    {
        const SandboxConfig defaults;
        QCOMPARE(defaults.bindAddress, QHostAddress(QHostAddress::LocalHost));
        QTemporaryDir dir;
        QProcess sandbox;
        sandbox.start(QStringLiteral(USERDESK_SANDBOX_PATH),
            { QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--data"),
                dir.filePath(QStringLiteral("s.db")), QStringLiteral("--seed"), QStringLiteral("3") });
        QVERIFY(sandbox.waitForReadyRead(waitMs));
        const QUrl url(QString::fromUtf8(sandbox.readLine().trimmed()));
        QCOMPARE(url.host(), QStringLiteral("127.0.0.1"));
        sandbox.terminate();
        QVERIFY(sandbox.waitForFinished(waitMs));
        // Anything else only when asked, and then with a warning.
        QProcess wide;
        wide.start(QStringLiteral(USERDESK_SANDBOX_PATH),
            { QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--bind"),
                QStringLiteral("0.0.0.0"), QStringLiteral("--data"), dir.filePath(QStringLiteral("w.db")),
                QStringLiteral("--seed"), QStringLiteral("3") });
        QByteArray said;
        QTRY_VERIFY_WITH_TIMEOUT((said += wide.readAllStandardError()).contains("warning"), waitMs);
        wide.terminate();
        QVERIFY(wide.waitForFinished(waitMs));
    }

    void cliNeverPrintsTheToken()
    {
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("USERDESK_TOKEN"), token);
        cli.setProcessEnvironment(env);
        // A refused endpoint, verbose: every failure path prints, none may print the token.
        cli.start(QStringLiteral(USERDESK_CLI_PATH),
            { QStringLiteral("--endpoint"), QStringLiteral("http://127.0.0.1:1/public/v2"),
                QStringLiteral("--verbose"), QStringLiteral("--retries"), QStringLiteral("1"),
                QStringLiteral("users"), QStringLiteral("delete"), QStringLiteral("5") });
        QVERIFY(cli.waitForFinished(waitMs));
        const QByteArray all = cli.readAllStandardOutput() + cli.readAllStandardError();
        QVERIFY(all.contains("Bearer <redacted>"));
        QVERIFY(!all.contains(token.toUtf8()));
    }

    void crashLeavesNoCoreWithTheToken()
    {
        // The CLI holds the token while a slow server keeps it waiting; then it crashes. Its output must
        // not show the token, and no core file (which would hold it in clear) may be written, even though
        // this child was started allowed to dump core into its working directory.
        SandboxConfig config = SandboxFixture::defaultConfig(5);
        config.tokens = { token };
        SandboxFixture sandbox(config);
        QVERIFY2(sandbox.start(waitMs), qPrintable(sandbox.errorString()));
        SandboxFaults slow;
        slow.latencyMs = 60000;
        sandbox.setFaults(slow);

        QTemporaryDir cwd;
        QVERIFY(cwd.isValid());
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("USERDESK_TOKEN"), token);
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true"));
        cli.setProcessEnvironment(env);
        cli.setWorkingDirectory(cwd.path());
        cli.setChildProcessModifier([] {
            const struct rlimit unlimited = { RLIM_INFINITY, RLIM_INFINITY };
            setrlimit(RLIMIT_CORE, &unlimited);
        });
        const quint64 before = sandbox.stats().requests;
        cli.start(QStringLiteral(USERDESK_CLI_PATH),
            { QStringLiteral("--endpoint"), sandbox.baseUrl().toString(), QStringLiteral("--verbose"),
                QStringLiteral("users"), QStringLiteral("delete"), QStringLiteral("5") });
        QVERIFY(cli.waitForStarted(waitMs));
        QTRY_VERIFY_WITH_TIMEOUT(sandbox.stats().requests > before, waitMs); // the token is in use now

        QFile limits(QStringLiteral("/proc/%1/limits").arg(cli.processId()));
        QVERIFY(limits.open(QIODevice::ReadOnly));
        QByteArray coreLimit;
        for (const QByteArray &line : limits.readAll().split('\n')) {
            if (line.startsWith("Max core file size"))
                coreLimit = line.mid(int(qstrlen("Max core file size"))).simplified();
        }
        QCOMPARE(coreLimit, QByteArray("0 0 bytes")); // lowered by the CLI itself

        const auto pid = pid_t(cli.processId());
        QVERIFY(pid > 0); // kill(0, …) would signal this whole process group
        QVERIFY(::kill(pid, SIGSEGV) == 0);
        QVERIFY(cli.waitForFinished(waitMs));
        QCOMPARE(cli.exitStatus(), QProcess::CrashExit);
        const QByteArray all = cli.readAllStandardOutput() + cli.readAllStandardError();
        QVERIFY(!all.contains(token.toUtf8()));
        const QStringList cores = QDir(cwd.path()).entryList({ QStringLiteral("core*") }, QDir::Files);
        QVERIFY2(cores.isEmpty(), qPrintable(cores.join(QLatin1Char(' '))));
    }
};

QTEST_GUILESS_MAIN(TestSecurity)
#include "tst_security.moc"
