#include "cannedserver.h"
#include "clirunner.h"
#include "profile.h"
#include "profilestore.h"
#include "resourceschema.h"
#include "sandboxfixture.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace UserDesk;

// The CLI as a good citizen of a shell: completions generated from its command definitions and read by
// real bash (zsh and fish parse theirs, and fish answers completions too), --format ndjson streamed,
// NO_COLOR and terminals, and the exit code of a list that left items out. The real binary throughout.
class TestCliConventions : public QObject
{
    Q_OBJECT

private:
    static constexpr int waitMs = 60000;
    QTemporaryDir m_dir;
    std::unique_ptr<SandboxFixture> m_sandbox;

    using Run = CliRunner::Run;
    std::unique_ptr<CliRunner> m_cli; // userdesk-cli with its journal and settings in m_dir, in English

    // What the bash completion offers for a command line whose last word is being completed.
    QStringList bashCompletes(const QStringList &words)
    {
        QString line = QStringLiteral("source '%1'; COMP_WORDS=(").arg(bashScript());
        for (const QString &w : words)
            line += QLatin1Char('\'') + w + QStringLiteral("' ");
        line += QStringLiteral("); COMP_CWORD=%1; _userdesk_cli; printf '%s\\n' \"${COMPREPLY[@]}\"")
                    .arg(words.size() - 1);
        const Run r = m_cli->runProgram(QStringLiteral("bash"),
            { QStringLiteral("--norc"), QStringLiteral("-c"), line },
            QProcessEnvironment::systemEnvironment());
        if (r.exitCode != 0)
            qWarning() << r.err;
        QStringList found = QString::fromUtf8(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        found.sort();
        return found;
    }

    static QString bashScript() { return QStringLiteral(USERDESK_COMPLETIONS_DIR "/bash/userdesk-cli"); }

    static QStringList sorted(QStringList list)
    {
        list.sort();
        return list;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_sandbox = std::make_unique<SandboxFixture>(SandboxFixture::defaultConfig(30));
        QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
        m_cli = std::make_unique<CliRunner>(
            QStringLiteral(USERDESK_CLI_PATH), m_sandbox.get(), m_dir.path(), waitMs);
        m_cli->setVariable(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
        m_cli->unsetVariable(QStringLiteral("NO_COLOR"));
    }

    void completionFilesAreWhatTheCliPrints()
    {
        const QList<std::pair<QString, QString>> files {
            { QStringLiteral("bash"), QStringLiteral("/bash/userdesk-cli") },
            { QStringLiteral("zsh"), QStringLiteral("/zsh/_userdesk-cli") },
            { QStringLiteral("fish"), QStringLiteral("/fish/userdesk-cli.fish") },
        };
        for (const auto &[shell, path] : files) {
            QFile f(QStringLiteral(USERDESK_COMPLETIONS_DIR) + path);
            QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
            const Run r = m_cli->runProgram(QStringLiteral(USERDESK_CLI_PATH),
                { QStringLiteral("completion"), shell }, m_cli->environment());
            QCOMPARE(r.exitCode, 0);
            QVERIFY(r.out.size() > 1000);
            QCOMPARE(f.readAll(), r.out);
        }
        QCOMPARE(m_cli
                     ->runProgram(QStringLiteral(USERDESK_CLI_PATH),
                         { QStringLiteral("completion"), QStringLiteral("tcsh") }, m_cli->environment())
                     .exitCode,
            2);
    }

    void bashCompletesNounsVerbsOptionsAndValues()
    {
        const QString cli = QStringLiteral(USERDESK_CLI_PATH);
        QCOMPARE(bashCompletes({ cli, QString() }),
            sorted({ QStringLiteral("users"), QStringLiteral("posts"), QStringLiteral("comments"),
                QStringLiteral("todos"), QStringLiteral("jobs"), QStringLiteral("completion") }));
        QCOMPARE(bashCompletes({ cli, QStringLiteral("u") }), QStringList { QStringLiteral("users") });
        const QStringList verbs = bashCompletes({ cli, QStringLiteral("users"), QString() });
        for (const char *verb :
            { "list", "get", "create", "update", "delete", "import", "bulk-update", "bulk-delete" })
            QVERIFY2(verbs.contains(QLatin1String(verb)), verb);
        QCOMPARE(bashCompletes({ cli, QStringLiteral("jobs"), QString() }),
            sorted({ QStringLiteral("list"), QStringLiteral("resume"), QStringLiteral("discard") }));
        // Global options before the noun, and the values of one of them past another's value.
        QCOMPARE(bashCompletes({ cli, QStringLiteral("--pro") }),
            sorted({ QStringLiteral("--profile"), QStringLiteral("--proxy") }));
        QCOMPARE(bashCompletes({ cli, QStringLiteral("--timeout"), QStringLiteral("500"),
                     QStringLiteral("--dialect"), QString() }),
            sorted({ QStringLiteral("auto"), QStringLiteral("gorest"), QStringLiteral("json-server-0.17"),
                QStringLiteral("json-server-1") }));
        // A verb's options, and the values of its enums.
        QCOMPARE(
            bashCompletes({ cli, QStringLiteral("users"), QStringLiteral("list"), QStringLiteral("--f") }),
            sorted({ QStringLiteral("--format"), QStringLiteral("--filter") }));
        QCOMPARE(bashCompletes({ cli, QStringLiteral("users"), QStringLiteral("list"),
                     QStringLiteral("--format"), QString() }),
            sorted({ QStringLiteral("table"), QStringLiteral("json"), QStringLiteral("csv"),
                QStringLiteral("ndjson") }));
        QCOMPARE(bashCompletes({ cli, QStringLiteral("--endpoint"), QStringLiteral("http://x"),
                     QStringLiteral("users"), QStringLiteral("create"), QStringLiteral("--name"),
                     QStringLiteral("list"), QStringLiteral("--gender"), QStringLiteral("f") }),
            QStringList { QStringLiteral("female") });
        QCOMPARE(bashCompletes({ cli, QStringLiteral("jobs"), QStringLiteral("resume"),
                     QStringLiteral("--format"), QString() }),
            sorted({ QStringLiteral("text"), QStringLiteral("ndjson") }));
        // The record nouns, made from their schemas: the verbs, each list's options with the parent's
        // (--user for posts and todos, --post for comments), the fields' options and their enum values.
        QCOMPARE(bashCompletes({ cli, QStringLiteral("posts"), QString() }),
            sorted({ QStringLiteral("list"), QStringLiteral("get"), QStringLiteral("create"),
                QStringLiteral("update"), QStringLiteral("delete"), QStringLiteral("import") }));
        // A record import takes the import's options and the parent's.
        const QStringList postsImport
            = bashCompletes({ cli, QStringLiteral("posts"), QStringLiteral("import"), QStringLiteral("--") });
        for (const char *option : { "--dry-run", "--map", "--input-format", "--skip-invalid", "--user" })
            QVERIFY2(
                postsImport.contains(QLatin1String(option)), qPrintable(postsImport.join(QLatin1Char(' '))));
        const QStringList postsList
            = bashCompletes({ cli, QStringLiteral("posts"), QStringLiteral("list"), QStringLiteral("--") });
        for (const char *option :
            { "--format", "--all", "--page", "--per-page", "--filter", "--max-pages", "--user", "--help" })
            QVERIFY2(postsList.contains(QLatin1String(option)), qPrintable(postsList.join(QLatin1Char(' '))));
        QVERIFY2(
            !postsList.contains(QStringLiteral("--title")), qPrintable(postsList.join(QLatin1Char(' '))));
        QCOMPARE(bashCompletes(
                     { cli, QStringLiteral("comments"), QStringLiteral("list"), QStringLiteral("--po") }),
            QStringList { QStringLiteral("--post") });
        QCOMPARE(bashCompletes({ cli, QStringLiteral("posts"), QStringLiteral("list"),
                     QStringLiteral("--format"), QString() }),
            sorted({ QStringLiteral("table"), QStringLiteral("json"), QStringLiteral("csv"),
                QStringLiteral("ndjson") }));
        const QStringList postsCreate
            = bashCompletes({ cli, QStringLiteral("posts"), QStringLiteral("create"), QStringLiteral("--") });
        for (const char *option : { "--title", "--body", "--user-id", "--user", "--format" })
            QVERIFY2(
                postsCreate.contains(QLatin1String(option)), qPrintable(postsCreate.join(QLatin1Char(' '))));
        QCOMPARE(
            bashCompletes({ cli, QStringLiteral("todos"), QStringLiteral("create"), QStringLiteral("--d") }),
            QStringList { QStringLiteral("--due-on") });
        QCOMPARE(bashCompletes({ cli, QStringLiteral("todos"), QStringLiteral("update"),
                     QStringLiteral("--status"), QString() }),
            sorted(ResourceSchema::todos().field(QStringLiteral("status"))->values));
        QCOMPARE(bashCompletes({ cli, QStringLiteral("completion"), QStringLiteral("z") }),
            QStringList { QStringLiteral("zsh") });
        // A file for import: the files of a folder.
        QFile csv(m_dir.filePath(QStringLiteral("people.csv")));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.close();
        QCOMPARE(bashCompletes({ cli, QStringLiteral("users"), QStringLiteral("import"),
                     m_dir.filePath(QStringLiteral("peo")) }),
            QStringList { csv.fileName() });
    }

    void bashCompletesProfileNamesFromTheSettings()
    {
        const QString settings = m_dir.filePath(QStringLiteral("profiles.ini"));
        {
            ProfileStore store(settings);
            QVERIFY(store.saveProfile(
                Profile(QStringLiteral("staging"), QUrl(QStringLiteral("http://127.0.0.1:1")))));
            QVERIFY(store.saveProfile(
                Profile(QStringLiteral("stage two"), QUrl(QStringLiteral("http://127.0.0.1:2")))));
            QVERIFY(store.saveProfile(
                Profile(QStringLiteral("prod"), QUrl(QStringLiteral("http://127.0.0.1:3")))));
        }
        QCOMPARE(bashCompletes({ QStringLiteral(USERDESK_CLI_PATH), QStringLiteral("--settings"), settings,
                     QStringLiteral("--profile"), QStringLiteral("sta") }),
            sorted({ QStringLiteral("staging"), QStringLiteral("stage two") }));
    }

    void zshAndFishScriptsParse()
    {
        for (const auto &[shell, path] : QList<std::pair<QString, QString>> {
                 { QStringLiteral("zsh"), QStringLiteral("/zsh/_userdesk-cli") },
                 { QStringLiteral("fish"), QStringLiteral("/fish/userdesk-cli.fish") } }) {
            // ./dev installs both; a machine without them fails here rather than passing untested.
            QVERIFY2(!QStandardPaths::findExecutable(shell).isEmpty(),
                qPrintable(shell + QStringLiteral(" is not installed")));
            const Run r = m_cli->runProgram(shell,
                { QStringLiteral("-n"), QStringLiteral(USERDESK_COMPLETIONS_DIR) + path },
                QProcessEnvironment::systemEnvironment());
            QVERIFY2(r.exitCode == 0, r.err.constData());
        }
        // fish can be asked what it would complete.
        const Run r = m_cli->runProgram(QStringLiteral("fish"),
            { QStringLiteral("--no-config"), QStringLiteral("-c"),
                QStringLiteral(
                    "source %1/fish/userdesk-cli.fish; complete -C 'userdesk-cli users list --format '; "
                    "complete -C 'userdesk-cli jobs '")
                    .arg(QStringLiteral(USERDESK_COMPLETIONS_DIR)) },
            QProcessEnvironment::systemEnvironment());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QStringList words;
        for (const QByteArray &line : r.out.split('\n'))
            if (!line.isEmpty())
                words.append(QString::fromUtf8(line.split('\t').first()));
        QCOMPARE(sorted(words),
            sorted({ QStringLiteral("table"), QStringLiteral("json"), QStringLiteral("csv"),
                QStringLiteral("ndjson"), QStringLiteral("list"), QStringLiteral("resume"),
                QStringLiteral("discard") }));
    }

    void ndjsonForGetCreateAndList()
    {
        const Run created
            = m_cli->run({ QStringLiteral("users"), QStringLiteral("create"), QStringLiteral("--name"),
                QStringLiteral("Nd Json"), QStringLiteral("--email"), QStringLiteral("nd@json.test"),
                QStringLiteral("--gender"), QStringLiteral("male"), QStringLiteral("--status"),
                QStringLiteral("active"), QStringLiteral("--format"), QStringLiteral("ndjson") });
        QVERIFY2(created.exitCode == 0, created.err.constData());
        QCOMPARE(created.out.count('\n'), 1);
        const QJsonObject user = QJsonDocument::fromJson(created.out).object();
        QCOMPARE(user.value(QLatin1String("email")).toString(), QStringLiteral("nd@json.test"));
        const QString id = QString::number(user.value(QLatin1String("id")).toInteger());

        const Run got = m_cli->run({ QStringLiteral("users"), QStringLiteral("get"), id,
            QStringLiteral("--format"), QStringLiteral("ndjson") });
        QCOMPARE(got.exitCode, 0);
        QCOMPARE(got.out, created.out);

        const Run listed = m_cli->run({ QStringLiteral("users"), QStringLiteral("list"),
            QStringLiteral("--all"), QStringLiteral("--per-page"), QStringLiteral("7"),
            QStringLiteral("--format"), QStringLiteral("ndjson") });
        QVERIFY2(listed.exitCode == 0, listed.err.constData());
        const QList<QByteArray> lines = listed.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 31);
        QSet<qint64> ids;
        for (const QByteArray &line : lines) {
            QJsonParseError error;
            const QJsonObject o = QJsonDocument::fromJson(line, &error).object();
            QVERIFY2(error.error == QJsonParseError::NoError, line.constData());
            ids.insert(o.value(QLatin1String("id")).toInteger());
        }
        QCOMPARE(ids.size(), 31);

        const Run deleted = m_cli->run({ QStringLiteral("users"), QStringLiteral("delete"), id,
            QStringLiteral("999999999"), QStringLiteral("--format"), QStringLiteral("ndjson") });
        QCOMPARE(deleted.exitCode, 5); // the second id is not there
        QCOMPARE(deleted.out.count('\n'), 2);
        QSet<QString> outcomes;
        for (const QByteArray &line : deleted.out.trimmed().split('\n'))
            outcomes.insert(
                QJsonDocument::fromJson(line).object().value(QLatin1String("outcome")).toString());
        QCOMPARE(outcomes, (QSet<QString> { QStringLiteral("deleted"), QStringLiteral("failed") }));
    }

    void ndjsonForRecords()
    {
        const Run users = m_cli->run({ QStringLiteral("users"), QStringLiteral("list"),
            QStringLiteral("--format"), QStringLiteral("ndjson") });
        QCOMPARE(users.exitCode, 0);
        const QString userId = QString::number(QJsonDocument::fromJson(users.out.split('\n').first())
                                                   .object()
                                                   .value(QLatin1String("id"))
                                                   .toInteger());
        const Run created
            = m_cli->run({ QStringLiteral("posts"), QStringLiteral("create"), QStringLiteral("--user"),
                userId, QStringLiteral("--title"), QStringLiteral("Nd post"), QStringLiteral("--body"),
                QStringLiteral("One line of JSON."), QStringLiteral("--format"), QStringLiteral("ndjson") });
        QVERIFY2(created.exitCode == 0, created.err.constData());
        QCOMPARE(created.out.count('\n'), 1);
        const QJsonObject post = QJsonDocument::fromJson(created.out).object();
        QCOMPARE(post.value(QLatin1String("title")).toString(), QStringLiteral("Nd post"));
        const QString id = QString::number(post.value(QLatin1String("id")).toInteger());
        const Run got = m_cli->run({ QStringLiteral("posts"), QStringLiteral("get"), id,
            QStringLiteral("--format"), QStringLiteral("ndjson") });
        QCOMPARE(got.exitCode, 0);
        QCOMPARE(got.out, created.out);

        const Run listed = m_cli->run({ QStringLiteral("posts"), QStringLiteral("list"),
            QStringLiteral("--user"), userId, QStringLiteral("--all"), QStringLiteral("--per-page"),
            QStringLiteral("2"), QStringLiteral("--format"), QStringLiteral("ndjson") });
        QVERIFY2(listed.exitCode == 0, listed.err.constData());
        QVERIFY(!listed.out.startsWith('['));
        bool found = false;
        for (const QByteArray &line : listed.out.trimmed().split('\n')) {
            QJsonParseError error;
            const QJsonObject o = QJsonDocument::fromJson(line, &error).object();
            QVERIFY2(error.error == QJsonParseError::NoError, line.constData());
            QCOMPARE(QString::number(o.value(QLatin1String("user_id")).toInteger()), userId);
            found = found || QString::number(o.value(QLatin1String("id")).toInteger()) == id;
        }
        QVERIFY(found);
    }

    void ndjsonListStreamsPagesAsTheyArrive()
    {
        // Page 2 is answered only once page 1's users are on the CLI's stdout: a list that printed at the
        // end would have nothing there yet.
        QProcess p;
        QByteArray seenBeforePage2;
        CannedServer server;
        QVERIFY(server.listen());
        server.setHandler([&](const CannedServer::Request &r) {
            const int page = QUrlQuery(QUrl(QString::fromLatin1(r.target)))
                                 .queryItemValue(QStringLiteral("page"))
                                 .toInt();
            if (page == 2) {
                QElapsedTimer t;
                t.start();
                while (seenBeforePage2.count('\n') < 2 && t.elapsed() < 10000) {
                    p.waitForReadyRead(200);
                    seenBeforePage2 += p.readAllStandardOutput();
                }
            }
            QByteArray body = "[";
            for (int i = 0; i < 2; ++i) {
                const int id = 100 - (page - 1) * 2 - i;
                body += (i ? "," : "") + QByteArray("{\"id\":") + QByteArray::number(id)
                    + ",\"name\":\"N\",\"email\":\"e" + QByteArray::number(id)
                    + "@x.test\",\"gender\":\"male\",\"status\":\"active\"}";
            }
            return CannedServer::response(200, body + "]",
                { { "X-Pagination-Total", "4" }, { "X-Pagination-Pages", "2" },
                    { "X-Pagination-Page", QByteArray::number(page) }, { "X-Pagination-Limit", "2" } });
        });
        p.setProcessEnvironment(m_cli->environment());
        p.start(QStringLiteral(USERDESK_CLI_PATH),
            { QStringLiteral("--endpoint"), server.baseUrl().toString(), QStringLiteral("--no-keychain"),
                QStringLiteral("--dialect"), QStringLiteral("gorest"), QStringLiteral("--concurrency"),
                QStringLiteral("1"), QStringLiteral("users"), QStringLiteral("list"), QStringLiteral("--all"),
                QStringLiteral("--per-page"), QStringLiteral("2"), QStringLiteral("--format"),
                QStringLiteral("ndjson") });
        QVERIFY(p.waitForStarted(waitMs));
        QVERIFY(QTest::qWaitFor([&p] { return p.state() == QProcess::NotRunning; }, waitMs));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        const QByteArray out = seenBeforePage2 + p.readAllStandardOutput();
        QCOMPARE(out.count('\n'), 4);
        QCOMPARE(seenBeforePage2.count('\n'), 2);
        QVERIFY(seenBeforePage2.startsWith("{\"id\":100,"));
    }

    void ndjsonForImportAndJobs()
    {
        const QString file = m_dir.filePath(QStringLiteral("import.csv"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("name,email,gender,status\nImp One,imp1@nd.test,male,active\nImp "
                "Two,imp2@nd.test,female,inactive\n");
        f.close();
        const Run imported = m_cli->run({ QStringLiteral("users"), QStringLiteral("import"), file,
            QStringLiteral("--format"), QStringLiteral("ndjson") });
        QVERIFY2(imported.exitCode == 0, imported.err.constData());
        const QList<QByteArray> lines = imported.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QSet<QString> emails;
        for (const QByteArray &line : lines) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            QCOMPARE(o.value(QLatin1String("operation")).toString(), QStringLiteral("create"));
            QCOMPARE(o.value(QLatin1String("outcome")).toString(), QStringLiteral("applied"));
            QVERIFY(o.value(QLatin1String("id")).toInteger() > 0);
            emails.insert(o.value(QLatin1String("email")).toString());
        }
        QCOMPARE(emails, (QSet<QString> { QStringLiteral("imp1@nd.test"), QStringLiteral("imp2@nd.test") }));

        // The old meaning of import's --format (the file's format) still holds.
        const Run dry = m_cli->run({ QStringLiteral("users"), QStringLiteral("import"), file,
            QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--dry-run") });
        QVERIFY2(dry.exitCode == 0, dry.err.constData());
        QVERIFY(dry.out.contains("would create imp1@nd.test"));

        const Run jobs = m_cli->run({ QStringLiteral("jobs"), QStringLiteral("list"), QStringLiteral("--all"),
            QStringLiteral("--format"), QStringLiteral("ndjson") });
        QVERIFY2(jobs.exitCode == 0, jobs.err.constData());
        const QJsonObject job = QJsonDocument::fromJson(jobs.out.trimmed().split('\n').last()).object();
        QCOMPARE(job.value(QLatin1String("kind")).toString(), QStringLiteral("import"));
        QCOMPARE(job.value(QLatin1String("state")).toString(), QStringLiteral("finished"));
        QCOMPARE(job.value(QLatin1String("applied")).toInt(), 2);
    }

    void ndjsonForARecordImportsDryRun()
    {
        // Finding: a dry run of `posts import --format ndjson` printed text lines ("would create post …")
        // among what a script reads as JSON, one object a line; users import wrote objects.
        const Run users = m_cli->run({ QStringLiteral("users"), QStringLiteral("list"),
            QStringLiteral("--format"), QStringLiteral("ndjson") });
        QCOMPARE(users.exitCode, 0);
        const QString userId = QString::number(QJsonDocument::fromJson(users.out.split('\n').first())
                                                   .object()
                                                   .value(QLatin1String("id"))
                                                   .toInteger());
        const QString file = m_dir.filePath(QStringLiteral("posts.csv"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("title,body\nA dry post,Its body.\n,A post without a title.\n");
        f.close();
        const Run dry
            = m_cli->run({ QStringLiteral("posts"), QStringLiteral("import"), file, QStringLiteral("--user"),
                userId, QStringLiteral("--dry-run"), QStringLiteral("--format"), QStringLiteral("ndjson") });
        QCOMPARE(dry.exitCode, 6); // a row is invalid
        const QList<QByteArray> lines = dry.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QHash<QString, QJsonObject> bySource;
        for (const QByteArray &line : lines) {
            QJsonParseError error;
            const QJsonObject o = QJsonDocument::fromJson(line, &error).object();
            QVERIFY2(error.error == QJsonParseError::NoError, line.constData());
            bySource.insert(o.value(QLatin1String("source")).toString(), o);
        }
        QCOMPARE(bySource.value(QStringLiteral("line 2")).value(QLatin1String("outcome")).toString(),
            QStringLiteral("valid"));
        QCOMPARE(bySource.value(QStringLiteral("line 2")).value(QLatin1String("title")).toString(),
            QStringLiteral("A dry post"));
        QCOMPARE(bySource.value(QStringLiteral("line 3")).value(QLatin1String("outcome")).toString(),
            QStringLiteral("invalid"));
        QVERIFY(!bySource.value(QStringLiteral("line 3")).value(QLatin1String("errors")).toArray().isEmpty());
    }

    void colourOnlyOnATerminalAndNeverUnderNoColor()
    {
        // `script` gives the CLI a terminal; a usage error's "userdesk-cli:" is red there.
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("script")).isEmpty(),
            "script (bsdutils) is missing");
        auto onTerminal = [&](const std::optional<QString> &noColor) {
            QProcessEnvironment env = m_cli->environment();
            env.insert(QStringLiteral("TERM"), QStringLiteral("xterm"));
            if (noColor)
                env.insert(QStringLiteral("NO_COLOR"), *noColor);
            const QString command
                = QStringLiteral("'%1' --endpoint http://127.0.0.1:9 --no-keychain users get x y")
                      .arg(QStringLiteral(USERDESK_CLI_PATH));
            return m_cli->runProgram(QStringLiteral("script"),
                { QStringLiteral("-q"), QStringLiteral("-e"), QStringLiteral("-c"), command,
                    QStringLiteral("/dev/null") },
                env);
        };
        const Run coloured = onTerminal(std::nullopt);
        QCOMPARE(coloured.exitCode, 2);
        QVERIFY2(coloured.out.contains("\033[1;31muserdesk-cli:\033[0m"), coloured.out.constData());
        const Run emptyNoColor = onTerminal(QString()); // empty: as if not set
        QVERIFY2(emptyNoColor.out.contains("\033["), emptyNoColor.out.constData());
        const Run plain = onTerminal(QStringLiteral("1"));
        QCOMPARE(plain.exitCode, 2);
        QVERIFY2(plain.out.contains("userdesk-cli: users get takes exactly one id"), plain.out.constData());
        QVERIFY2(!plain.out.contains("\033["), plain.out.constData());
        // A pipe is not a terminal.
        const Run piped = m_cli->run(
            { QStringLiteral("users"), QStringLiteral("get"), QStringLiteral("x"), QStringLiteral("y") });
        QCOMPARE(piped.exitCode, 2);
        QVERIFY(piped.err.startsWith("userdesk-cli: "));
        QVERIFY(!piped.err.contains("\033["));
    }

    void aListWithoutItsUnreadableItemsExitsIncomplete()
    {
        CannedServer server;
        QVERIFY(server.listen());
        server.setHandler([](const CannedServer::Request &) {
            return CannedServer::response(200,
                "[{\"id\":7,\"name\":\"A\",\"email\":\"a@x.test\",\"gender\":\"male\",\"status\":\"active\"},"
                "{\"id\":-5,\"name\":\"B\",\"email\":\"b@x.test\",\"gender\":\"male\",\"status\":\"active\"}"
                "]",
                { { "X-Pagination-Total", "2" }, { "X-Pagination-Page", "1" },
                    { "X-Pagination-Limit", "20" } });
        });
        const Run r
            = m_cli->run({ QStringLiteral("--dialect"), QStringLiteral("gorest"), QStringLiteral("users"),
                             QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("ndjson") },
                server.baseUrl());
        QCOMPARE(r.exitCode, 11);
        QCOMPARE(r.out.trimmed().split('\n').size(), 1);
        QVERIFY(r.out.startsWith("{\"id\":7,"));
        QVERIFY2(r.err.contains("item 2 (id -5) was skipped"), r.err.constData());
    }

    void helpCommandsBlockIsTranslated()
    {
        QProcessEnvironment env = m_cli->environment();
        env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("de"));
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        const Run german
            = m_cli->runProgram(QStringLiteral(USERDESK_CLI_PATH), { QStringLiteral("--help") }, env);
        QCOMPARE(german.exitCode, 0);
        QVERIFY2(!german.out.contains("Commands:"), german.out.constData());
        QVERIFY2(
            german.out.contains("  users list [--format table|json|csv|ndjson]"), german.out.constData());
        const Run english = m_cli->runProgram(
            QStringLiteral(USERDESK_CLI_PATH), { QStringLiteral("--help") }, m_cli->environment());
        QVERIFY(english.out.contains("Commands:\n  users list [--format table|json|csv|ndjson]"));
        // Every noun's commands are in it, the record nouns too.
        QVERIFY2(
            english.out.contains("  posts list [--format table|json|csv|ndjson]"), english.out.constData());
        QVERIFY2(english.out.contains("[--user ID]"), english.out.constData());
        QVERIFY2(english.out.contains("  comments create"), english.out.constData());

        // A record noun's help, in German too.
        const Run postsEnglish = m_cli->runProgram(QStringLiteral(USERDESK_CLI_PATH),
            { QStringLiteral("posts"), QStringLiteral("--help") }, m_cli->environment());
        QCOMPARE(postsEnglish.exitCode, 0);
        QVERIFY2(postsEnglish.out.startsWith("List, read, create, change and delete posts"),
            postsEnglish.out.constData());
        QVERIFY(postsEnglish.out.contains("Commands:\n  posts list"));
        const Run postsGerman = m_cli->runProgram(
            QStringLiteral(USERDESK_CLI_PATH), { QStringLiteral("posts"), QStringLiteral("--help") }, env);
        QCOMPARE(postsGerman.exitCode, 0);
        QVERIFY2(postsGerman.out.contains("Befehle:\n  posts list"), postsGerman.out.constData());
        QVERIFY2(!postsGerman.out.contains("List, read, create"), postsGerman.out.constData());
        QVERIFY2(postsGerman.out.contains("Beiträge"), postsGerman.out.constData());
        const Run listGerman = m_cli->runProgram(QStringLiteral(USERDESK_CLI_PATH),
            { QStringLiteral("posts"), QStringLiteral("list"), QStringLiteral("--help") }, env);
        QCOMPARE(listGerman.exitCode, 0);
        QVERIFY2(listGerman.out.contains("Jede Seite abrufen."), listGerman.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliConventions)
#include "tst_cliconventions.moc"
