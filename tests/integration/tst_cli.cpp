#include "cannedserver.h"
#include "sandboxfixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>
#include <sys/stat.h>

using namespace UserDesk;

namespace {
const QString token = QString::fromLatin1(SandboxFixture::Token);
constexpr int seededUsers = 234; // more than two pages of 100, and not a multiple of 100
} // namespace

// userdesk-cli end to end: the real binary against a real sandbox, token from the environment.
class TestCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir; // the CLI's config home, away from the person's own settings
    std::unique_ptr<SandboxFixture> m_sandbox;

    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    Run cli(const QStringList &args, bool withToken = true)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("USERDESK_TOKEN"));
        if (withToken)
            env.insert(QStringLiteral("USERDESK_TOKEN"), token);
        // Keep the person's own settings out of it.
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(USERDESK_CLI_PATH),
            QStringList { QStringLiteral("--endpoint"), m_sandbox->baseUrl().toString(),
                QStringLiteral("--no-keychain") }
                + args);
        if (!p.waitForFinished(60000))
            return {};
        return { p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2, p.readAllStandardOutput(),
            p.readAllStandardError() };
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_sandbox = std::make_unique<SandboxFixture>(SandboxFixture::defaultConfig(seededUsers));
        QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
    }

    void listAllAsCsv()
    {
        const Run r = cli({ QStringLiteral("users"), QStringLiteral("list"), QStringLiteral("--all"),
            QStringLiteral("--format"), QStringLiteral("csv") });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.first().trimmed(), QByteArray("id,name,email,gender,status"));
        QCOMPARE(lines.size(), seededUsers + 1);
        QSet<QByteArray> ids;
        for (qsizetype i = 1; i < lines.size(); ++i)
            ids.insert(lines[i].split(',').first());
        QCOMPARE(ids.size(), seededUsers); // every user once, pages in order
    }

    void listAllWalksWhenTheServerGivesNoCount()
    {
        // A server without pagination headers: full pages of 2 until a short one, then empty.
        CannedServer server;
        QVERIFY(server.listen());
        server.setHandler([](const CannedServer::Request &r) {
            const int page = QUrlQuery(QUrl(QString::fromLatin1(r.target)))
                                 .queryItemValue(QStringLiteral("page"))
                                 .toInt();
            QByteArray body = "[";
            const int count = page <= 3 ? 2 : page == 4 ? 1 : 0;
            for (int i = 0; i < count; ++i) {
                const int id = 100 - (page - 1) * 2 - i;
                body += (i ? "," : "") + QByteArray("{\"id\":") + QByteArray::number(id)
                    + ",\"name\":\"N\",\"email\":\"e" + QByteArray::number(id)
                    + "@x.test\",\"gender\":\"male\",\"status\":\"active\"}";
            }
            return CannedServer::response(200, body + "]", { { "X-Served-By", "canned" } });
        });
        QProcess p;
        p.start(QStringLiteral(USERDESK_CLI_PATH),
            { QStringLiteral("--endpoint"), server.baseUrl().toString(), QStringLiteral("--concurrency"),
                QStringLiteral("2"), QStringLiteral("users"), QStringLiteral("list"), QStringLiteral("--all"),
                QStringLiteral("--per-page"), QStringLiteral("2"), QStringLiteral("--format"),
                QStringLiteral("csv") });
        QVERIFY(p.waitForStarted(30000));
        QTRY_VERIFY_WITH_TIMEOUT(p.state() == QProcess::NotRunning, 30000);
        QCOMPARE(p.exitCode(), 0);
        const QList<QByteArray> lines = p.readAllStandardOutput().trimmed().split('\n');
        QCOMPARE(lines.size(), 1 + 7); // header + 2 + 2 + 2 + 1
        QCOMPARE(lines.at(1).left(4), QByteArray("100,"));
        QCOMPARE(lines.last().left(3), QByteArray("94,"));
    }

    void listAsJsonWithFilter()
    {
        const Run r = cli({ QStringLiteral("users"), QStringLiteral("list"), QStringLiteral("--filter"),
            QStringLiteral("gender=male"), QStringLiteral("--per-page"), QStringLiteral("5"),
            QStringLiteral("--format"), QStringLiteral("json") });
        QCOMPARE(r.exitCode, 0);
        const QJsonArray a = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(a.size(), 5);
        for (const QJsonValue &v : a)
            QCOMPARE(v.toObject().value(QLatin1String("gender")).toString(), QStringLiteral("male"));
    }

    void createUpdateGetDelete()
    {
        const Run created = cli({ QStringLiteral("users"), QStringLiteral("create"), QStringLiteral("--name"),
            QStringLiteral("Cli Person"), QStringLiteral("--email"), QStringLiteral("cli.person@cli.test"),
            QStringLiteral("--gender"), QStringLiteral("female"), QStringLiteral("--status"),
            QStringLiteral("active"), QStringLiteral("--format"), QStringLiteral("json") });
        QVERIFY2(created.exitCode == 0, created.err.constData());
        const qint64 id
            = QJsonDocument::fromJson(created.out).object().value(QLatin1String("id")).toInteger();
        QVERIFY(id > 0);
        const QString idText = QString::number(id);

        const Run updated = cli({ QStringLiteral("--verbose"), QStringLiteral("users"),
            QStringLiteral("update"), idText, QStringLiteral("--status"), QStringLiteral("inactive"),
            QStringLiteral("--format"), QStringLiteral("json") });
        QVERIFY2(updated.exitCode == 0, updated.err.constData());
        QCOMPARE(QJsonDocument::fromJson(updated.out).object().value(QLatin1String("status")).toString(),
            QStringLiteral("inactive"));
        // --verbose shows the exchange, never the token.
        QVERIFY(updated.err.contains("PATCH"));
        QVERIFY(updated.err.contains("Bearer <redacted>"));
        QVERIFY(!updated.err.contains(token.toUtf8()));

        const Run got = cli({ QStringLiteral("users"), QStringLiteral("get"), idText });
        QCOMPARE(got.exitCode, 0);
        QVERIFY(got.out.contains("Cli Person"));

        const Run deleted = cli({ QStringLiteral("users"), QStringLiteral("delete"), idText });
        QVERIFY2(deleted.exitCode == 0, deleted.err.constData());
        QVERIFY(deleted.out.contains(QByteArray("deleted " + idText.toUtf8())));

        const Run missing = cli({ QStringLiteral("users"), QStringLiteral("get"), idText });
        QCOMPARE(missing.exitCode, 5);
        QVERIFY(missing.err.contains("Resource not found"));
    }

    void exitCodesByKind()
    {
        const QStringList create { QStringLiteral("users"), QStringLiteral("create"),
            QStringLiteral("--name"), QStringLiteral("No Token"), QStringLiteral("--email"),
            QStringLiteral("no.token@cli.test"), QStringLiteral("--gender"), QStringLiteral("male"),
            QStringLiteral("--status"), QStringLiteral("active") };
        QCOMPARE(cli(create, false).exitCode, 4); // 401 without a token
        QCOMPARE(cli({ QStringLiteral("users"), QStringLiteral("create"), QStringLiteral("--name"),
                         QStringLiteral("x") })
                     .exitCode,
            6); // refused before sending: fields missing
        const Run twice = cli(create);
        QCOMPARE(twice.exitCode, 0);
        const Run taken = cli(create);
        QCOMPARE(taken.exitCode, 6);
        QVERIFY(taken.err.contains("email: has already been taken"));
        QCOMPARE(cli({ QStringLiteral("users"), QStringLiteral("list"), QStringLiteral("--format"),
                         QStringLiteral("xml") })
                     .exitCode,
            2);
        QCOMPARE(cli({ QStringLiteral("users"), QStringLiteral("frobnicate") }).exitCode, 2);
        // An id is a number or a text (json-server 1.x), but never one that would change the URL.
        QCOMPARE(cli({ QStringLiteral("users"), QStringLiteral("get"), QStringLiteral("a/b") }).exitCode, 2);
        QCOMPARE(cli({ QStringLiteral("users"), QStringLiteral("get"), QStringLiteral("0") }).exitCode, 2);
        QCOMPARE(cli({ QStringLiteral("users"), QStringLiteral("get"), QStringLiteral("abc") }).exitCode, 5);
        // Numbers out of range or not numbers at all are usage errors, not silently "no timeout".
        for (const QStringList &bad : { QStringList { QStringLiteral("--timeout"), QStringLiteral("abc") },
                 QStringList { QStringLiteral("--concurrency"), QStringLiteral("1000") },
                 QStringList { QStringLiteral("--retries"), QStringLiteral("-1") } }) {
            const Run refused = cli(
                bad + QStringList { QStringLiteral("users"), QStringLiteral("get"), QStringLiteral("1") });
            QCOMPARE(refused.exitCode, 2);
            QVERIFY2(refused.err.contains(bad.first().toUtf8()), refused.err.constData());
        }
        const Run deleteSome
            = cli({ QStringLiteral("users"), QStringLiteral("delete"), QStringLiteral("999999999") });
        QCOMPARE(deleteSome.exitCode, 5);
    }

    void refusedEndpointIsANetworkFailure()
    {
        QProcess p;
        p.start(QStringLiteral(USERDESK_CLI_PATH),
            { QStringLiteral("--endpoint"), QStringLiteral("http://127.0.0.1:1/public/v2"),
                QStringLiteral("--retries"), QStringLiteral("0"), QStringLiteral("users"),
                QStringLiteral("list") });
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 3);
    }

    void anHttpEndpointLeavesTheCertificateAuthoritiesUnread()
    {
        // Finding: with SSL_CERT_FILE and SSL_CERT_DIR set (as Nix and many CI images do) every command
        // parsed the whole system bundle, twice, before its first request: 0.07 s became 0.4 s, even over
        // http. A FIFO as SSL_CERT_FILE tells whether it is read: opening it would wait for a writer.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QByteArray fifo = QFile::encodeName(dir.filePath(QStringLiteral("bundle.pem")));
        QCOMPARE(::mkfifo(fifo.constData(), 0600), 0);
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("USERDESK_TOKEN"), token);
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("SSL_CERT_FILE"), QFile::decodeName(fifo));
        env.insert(QStringLiteral("SSL_CERT_DIR"), dir.path());
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(USERDESK_CLI_PATH),
            { QStringLiteral("--endpoint"), m_sandbox->baseUrl().toString(), QStringLiteral("--no-keychain"),
                QStringLiteral("users"), QStringLiteral("list") });
        if (!p.waitForFinished(15000)) {
            p.kill();
            p.waitForFinished();
            QFAIL("userdesk-cli read SSL_CERT_FILE before a request over http, which needs no authorities");
        }
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(!p.readAllStandardOutput().isEmpty());
    }

    void helpForEveryCommand()
    {
        for (const QString &verb : { QStringLiteral("list"), QStringLiteral("get"), QStringLiteral("create"),
                 QStringLiteral("update"), QStringLiteral("delete") }) {
            const Run r = cli({ QStringLiteral("users"), verb, QStringLiteral("--help") });
            QCOMPARE(r.exitCode, 0);
            QVERIFY2(r.out.contains("Usage:"), qPrintable(verb));
        }
        QProcess p;
        p.start(QStringLiteral(USERDESK_CLI_PATH), { QStringLiteral("--help") });
        QVERIFY(p.waitForFinished(30000));
        QVERIFY(p.readAllStandardOutput().contains("USERDESK_TOKEN"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
