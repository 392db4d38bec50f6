// The userdesk-sandbox command as a person or a script runs it.

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <vector>

#include <memory>
#include <sys/resource.h>
#include <unistd.h>

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
            { "--port", "--bind", "--data", "--seed", "--reset", "--token", "--admin-token", "--token-file",
                "--admin-token-file", "--max-connections", "--idle-timeout", "--rate-limit",
                "--no-retry-after", "--latency", "--fail-rate", "--drop-rate", "--drop-before-rate",
                "--drop-after-rate", "--truncate-rate", "--html-error-rate", "--fault-seed" })
            QVERIFY2(help.contains(option), option);
    }

    void badOptionValuesAreRefused()
    {
        for (const QStringList &args :
            { QStringList { u"--rate-limit"_qs, u"lots"_qs }, QStringList { u"--fail-rate"_qs, u"2"_qs },
                QStringList { u"--latency"_qs, u"-1"_qs }, QStringList { u"--port"_qs, u"70000"_qs },
                QStringList { u"--token-file"_qs, u"/nonexistent/tokens"_qs },
                QStringList { u"--max-connections"_qs, u"0"_qs },
                QStringList { u"--idle-timeout"_qs, u"0"_qs } }) {
            QProcess process;
            process.start(program(), args);
            QVERIFY(process.waitForFinished(20000));
            QCOMPARE(process.exitCode(), 2);
        }
    }

    // Finding: tokens were taken on argv only (every user can read a process's arguments), and core
    // dumps, which would hold them, were left on.
    void tokensFromAFileOrTheEnvironmentAndNoCoreDumps()
    {
        QTemporaryDir dir;
        QFile tokens(dir.filePath(QStringLiteral("tokens")));
        QVERIFY(tokens.open(QIODevice::WriteOnly));
        tokens.write("# write tokens\nfile-token-1\n\nfile-token-2\n");
        tokens.close();
        QFile admin(dir.filePath(QStringLiteral("admin")));
        QVERIFY(admin.open(QIODevice::WriteOnly));
        admin.write("file-admin\n");
        admin.close();

        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("USERDESK_SANDBOX_TOKEN"), QStringLiteral("env-token"));
        environment.remove(QStringLiteral("USERDESK_ALLOW_CORE_DUMPS"));
        process.setProcessEnvironment(environment);
        process.start(program(),
            { u"--port"_qs, u"0"_qs, u"--data"_qs, dir.filePath(u"t.sqlite"_qs), u"--seed"_qs, u"5"_qs,
                u"--token-file"_qs, tokens.fileName(), u"--admin-token-file"_qs, admin.fileName() });
        const QStringList lines = readStartup(process, 1);
        QCOMPARE(lines.size(), 1);
        const QString base = lines.first();

        // No core file can be written.
        QFile limits(u"/proc/"_qs + QString::number(process.processId()) + u"/limits"_qs);
        QVERIFY(limits.open(QIODevice::ReadOnly));
        const QByteArray table = limits.readAll();
        const qsizetype row = table.indexOf("Max core file size");
        QVERIFY(row >= 0);
        const QList<QByteArray> fields
            = table.mid(row + 18, table.indexOf('\n', row) - row - 18).simplified().split(' ');
        QCOMPARE(fields.value(0), QByteArray("0"));
        QCOMPARE(fields.value(1), QByteArray("0"));

        QNetworkAccessManager manager;
        int n = 0;
        for (const QByteArray &token :
            { QByteArray("file-token-1"), QByteArray("file-token-2"), QByteArray("env-token") }) {
            QNetworkRequest create(QUrl(base + u"/users"_qs));
            create.setRawHeader("Authorization", "Bearer " + token);
            create.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            std::unique_ptr<QNetworkReply> created(waitFor(manager.post(create,
                "{\"name\":\"F\",\"email\":\"f" + QByteArray::number(++n)
                    + "@x.test\",\"gender\":\"male\",\"status\":\"active\"}")));
            QCOMPARE(created->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201);
        }
        QNetworkRequest stats(QUrl(QUrl(base).resolved(QUrl(u"/__sandbox/stats"_qs))));
        stats.setRawHeader("X-Sandbox-Admin", "file-admin");
        std::unique_ptr<QNetworkReply> answer(waitFor(manager.get(stats)));
        QCOMPARE(answer->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);

        process.terminate();
        QVERIFY(process.waitForFinished(20000));
        const QByteArray out = process.readAllStandardOutput();
        QVERIFY2(!out.contains("token"), out);
        const QByteArray errors = process.readAllStandardError();
        QVERIFY2(!errors.contains("warning"), errors);
        QVERIFY2(!errors.contains("file-token") && !errors.contains("env-token"), errors);
    }

    // Finding: at the descriptor limit the sandbox stopped answering for good (Qt pauses accepting
    // after a failed accept() and nothing resumed it) and spun a core.
    void runningOutOfDescriptorsNeitherSpinsNorDeafens()
    {
        QTemporaryDir dir;
        QProcess process;
        // The child inherits a low descriptor limit; this process gets its own back at once.
        struct rlimit original = {};
        QVERIFY(::getrlimit(RLIMIT_NOFILE, &original) == 0);
        struct rlimit low = original;
        low.rlim_cur = 48;
        QVERIFY(::setrlimit(RLIMIT_NOFILE, &low) == 0);
        process.start(program(),
            { u"--port"_qs, u"0"_qs, u"--data"_qs, dir.filePath(u"fd.sqlite"_qs), u"--seed"_qs, u"5"_qs,
                u"--max-connections"_qs, u"1000"_qs });
        const bool started = process.waitForStarted(20000);
        QVERIFY(::setrlimit(RLIMIT_NOFILE, &original) == 0);
        QVERIFY(started);
        const QStringList lines = readStartup(process, 1);
        QCOMPARE(lines.size(), 1);
        const QUrl base(lines.first());

        std::vector<std::unique_ptr<QTcpSocket>> held;
        for (int i = 0; i < 80; ++i) {
            held.push_back(std::make_unique<QTcpSocket>());
            held.back()->connectToHost(QHostAddress::LocalHost, quint16(base.port()));
        }
        for (auto &socket : held)
            socket->waitForConnected(200);
        QTest::qWait(500);
        const auto cpuTicks = [&process]() {
            QFile stat(u"/proc/"_qs + QString::number(process.processId()) + u"/stat"_qs);
            if (!stat.open(QIODevice::ReadOnly))
                return -1LL;
            const QList<QByteArray> fields = stat.readAll().split(')').last().simplified().split(' ');
            // After the ")": state is field 3, utime 14 and stime 15 of the whole line.
            return fields.value(11).toLongLong() + fields.value(12).toLongLong();
        };
        const long long before = cpuTicks();
        QVERIFY(before >= 0);
        QTest::qWait(1000);
        const long long spent = cpuTicks() - before;
        const long long perSecond = ::sysconf(_SC_CLK_TCK);
        QVERIFY2(
            spent < perSecond / 3, qPrintable(u"%1 ticks of %2 in a second"_qs.arg(spent).arg(perSecond)));

        held.clear();
        // Once descriptors are free again, it answers.
        QNetworkAccessManager manager;
        int status = 0;
        QElapsedTimer clock;
        clock.start();
        while (status != 200 && clock.elapsed() < 10000) {
            QNetworkRequest request(QUrl(base.toString() + u"/users"_qs));
            request.setTransferTimeout(2000);
            std::unique_ptr<QNetworkReply> reply(waitFor(manager.get(request)));
            status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        }
        QCOMPARE(status, 200);
        process.terminate();
        QVERIFY(process.waitForFinished(20000));
    }

    void tokenOnTheCommandLineStillWorksWithAWarning()
    {
        QTemporaryDir dir;
        QProcess process;
        process.start(program(),
            { u"--port"_qs, u"0"_qs, u"--data"_qs, dir.filePath(u"t.sqlite"_qs), u"--seed"_qs, u"5"_qs,
                u"--token"_qs, u"argv-token"_qs });
        const QStringList lines = readStartup(process, 2);
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines.at(1).startsWith(u"admin token: "_qs)); // only the admin token was generated
        QNetworkAccessManager manager;
        QNetworkRequest create(QUrl(lines.first() + u"/users"_qs));
        create.setRawHeader("Authorization", "Bearer argv-token");
        create.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        std::unique_ptr<QNetworkReply> created(waitFor(manager.post(
            create, "{\"name\":\"A\",\"email\":\"argv@x.test\",\"gender\":\"male\",\"status\":\"active\"}")));
        QCOMPARE(created->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201);
        process.terminate();
        QVERIFY(process.waitForFinished(20000));
        const QByteArray errors = process.readAllStandardError();
        QVERIFY2(errors.contains("warning: --token is visible to every user"), errors);
        QVERIFY2(!errors.contains("argv-token"), errors);
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
        const auto pid = pid_t(reset.processId());
        QVERIFY(pid > 0); // kill(0, …) would signal this whole process group
        ::kill(pid, SIGINT);
        QVERIFY(reset.waitForFinished(20000));
        QCOMPARE(reset.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSandboxCli)
#include "tst_sandboxcli.moc"
