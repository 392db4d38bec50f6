// The userdesk-sandbox command as a person or a script runs it.

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

class TestSandboxCli : public QObject
{
    Q_OBJECT

private:
    static QString program() { return QStringLiteral(USERDESK_SANDBOX_EXE); }

    // Reads stdout lines until the base URL line appears.
    static QStringList readStartup(QProcess &process, int lines)
    {
        QStringList result;
        QByteArray buffer;
        QElapsedTimer clock;
        clock.start();
        while (result.size() < lines && clock.elapsed() < 30000) {
            if (!process.waitForReadyRead(1000) && process.state() != QProcess::Running)
                break;
            buffer += process.readAllStandardOutput();
            while (buffer.contains('\n') && result.size() < lines) {
                const qsizetype end = buffer.indexOf('\n');
                result.append(QString::fromUtf8(buffer.left(end)));
                buffer.remove(0, end + 1);
            }
        }
        return result;
    }

    static QNetworkReply *waitFor(QNetworkReply *reply)
    {
        if (!reply->isFinished())
            QSignalSpy(reply, &QNetworkReply::finished).wait(20000);
        return reply;
    }

private Q_SLOTS:
    void helpListsTheOptions()
    {
        QProcess process;
        process.start(program(), { QStringLiteral("--help") });
        QVERIFY(process.waitForFinished(20000));
        QCOMPARE(process.exitCode(), 0);
        const QByteArray help = process.readAllStandardOutput();
        for (const char *option :
            { "--port", "--bind", "--data", "--seed", "--reset", "--token", "--admin-token", "--rate-limit",
                "--no-retry-after", "--latency", "--fail-rate", "--drop-rate", "--drop-before-rate",
                "--drop-after-rate", "--truncate-rate", "--html-error-rate", "--fault-seed" })
            QVERIFY2(help.contains(option), option);
    }

    void badOptionValuesAreRefused()
    {
        for (const QStringList &args :
            { QStringList { u"--rate-limit"_qs, u"lots"_qs }, QStringList { u"--fail-rate"_qs, u"2"_qs },
                QStringList { u"--latency"_qs, u"-1"_qs }, QStringList { u"--port"_qs, u"70000"_qs } }) {
            QProcess process;
            process.start(program(), args);
            QVERIFY(process.waitForFinished(20000));
            QCOMPARE(process.exitCode(), 2);
        }
    }

    void servesPrintsUrlAndStopsCleanlyOnSigterm()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("cli.sqlite"));
        QProcess process;
        process.start(program(), { u"--port"_qs, u"0"_qs, u"--data"_qs, data, u"--seed"_qs, u"20"_qs });
        QVERIFY(process.waitForStarted(20000));
        const QStringList lines = readStartup(process, 3);
        QCOMPARE(lines.size(), 3);
        const QUrl base(lines.at(0));
        QCOMPARE(base.scheme(), u"http"_qs);
        QCOMPARE(base.host(), u"127.0.0.1"_qs);
        QVERIFY(base.port() > 0);
        QCOMPARE(base.path(), u"/public/v2"_qs);
        // No --token: the generated one is printed so the person can use it.
        QVERIFY(lines.at(1).startsWith(u"token: "_qs));
        const QByteArray token = lines.at(1).mid(7).toUtf8();
        QVERIFY(lines.at(2).startsWith(u"admin token: "_qs));

        QNetworkAccessManager manager;
        std::unique_ptr<QNetworkReply> list(
            waitFor(manager.get(QNetworkRequest(QUrl(base.toString() + u"/users"_qs)))));
        QCOMPARE(list->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QCOMPARE(list->rawHeader("X-Pagination-Total"), QByteArray("20"));

        QNetworkRequest create(QUrl(base.toString() + u"/users"_qs));
        create.setRawHeader("Authorization", "Bearer " + token);
        create.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        std::unique_ptr<QNetworkReply> created(waitFor(manager.post(create,
            "{\"name\":\"Cli\",\"email\":\"cli@example.test\",\"gender\":\"male\",\"status\":\"active\"}")));
        QCOMPARE(created->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201);

        process.terminate(); // SIGTERM
        QVERIFY(process.waitForFinished(20000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
        const QByteArray errors = process.readAllStandardError();
        QVERIFY2(errors.contains("stopped"), errors);
        QVERIFY2(!errors.contains(token), "a token was logged");
        // Checkpointed and closed: nothing left in a write-ahead log.
        const QFileInfo wal(data + u"-wal"_qs);
        QVERIFY(!wal.exists() || wal.size() == 0);

        // The write survived the restart; --reset then starts over.
        QProcess again;
        again.start(program(),
            { u"--port"_qs, u"0"_qs, u"--data"_qs, data, u"--seed"_qs, u"20"_qs, u"--token"_qs, u"t"_qs,
                u"--admin-token"_qs, u"a"_qs });
        QStringList url = readStartup(again, 1);
        QCOMPARE(url.size(), 1);
        std::unique_ptr<QNetworkReply> kept(
            waitFor(manager.get(QNetworkRequest(QUrl(url.first() + u"/users?email=cli@example.test"_qs)))));
        QCOMPARE(QJsonDocument::fromJson(kept->readAll()).array().size(), 1);
        again.terminate();
        QVERIFY(again.waitForFinished(20000));
        QVERIFY2(!again.readAllStandardOutput().contains("token"), "given tokens are not printed");

        QProcess reset;
        reset.start(program(),
            { u"--port"_qs, u"0"_qs, u"--data"_qs, data, u"--seed"_qs, u"7"_qs, u"--reset"_qs, u"--token"_qs,
                u"t"_qs });
        url = readStartup(reset, 1);
        QCOMPARE(url.size(), 1);
        std::unique_ptr<QNetworkReply> fresh(
            waitFor(manager.get(QNetworkRequest(QUrl(url.first() + u"/users"_qs)))));
        QCOMPARE(fresh->rawHeader("X-Pagination-Total"), QByteArray("7"));
        ::kill(pid_t(reset.processId()), SIGINT);
        QVERIFY(reset.waitForFinished(20000));
        QCOMPARE(reset.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSandboxCli)
#include "tst_sandboxcli.moc"
