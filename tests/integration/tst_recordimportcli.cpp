// `userdesk-cli posts|comments|todos import` end to end: the real binary against a real sandbox with
// latency, killed with SIGKILL in the middle of an import of posts, then resumed with `jobs resume`: the
// server must hold each post of the file exactly once. Dry runs and bad rows say what is wrong, row by row,
// and send nothing.
#include "clirunner.h"
#include "sandboxfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace UserDesk;

namespace {
constexpr int waitMs = 120000;

// Every record of `resource` whose `field` contains `part`, read with a plain QNAM.
QJsonArray allRecords(
    const SandboxFixture &sandbox, const QString &resource, const QString &field, const QString &part)
{
    QNetworkAccessManager nam;
    QJsonArray all;
    for (int page = 1;; ++page) {
        const auto answer = SandboxFixture::send(nam, "GET",
            sandbox.url(QStringLiteral("/%1?per_page=100&page=%2&%3=%4")
                            .arg(resource)
                            .arg(page)
                            .arg(field, QString::fromLatin1(QUrl::toPercentEncoding(part)))));
        if (answer.status != 200)
            return { QStringLiteral("error") };
        const QJsonArray a = QJsonDocument::fromJson(answer.body).array();
        for (const QJsonValue &v : a)
            all.append(v);
        if (a.size() < 100)
            return all;
    }
}

QString firstId(const SandboxFixture &sandbox, const QString &resource)
{
    QNetworkAccessManager nam;
    const auto answer
        = SandboxFixture::send(nam, "GET", sandbox.url(QStringLiteral("/%1?per_page=1").arg(resource)));
    const QJsonValue id
        = QJsonDocument::fromJson(answer.body).array().at(0).toObject().value(QLatin1String("id"));
    return id.isString() ? id.toString() : QString::number(id.toInteger());
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}
} // namespace

class TestRecordImportCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SandboxFixture> m_sandbox;

    using Run = CliRunner::Run;
    std::unique_ptr<CliRunner> m_cli; // userdesk-cli with its journal and settings in m_dir

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_sandbox = std::make_unique<SandboxFixture>(SandboxFixture::defaultConfig(20));
        QVERIFY2(m_sandbox->start(waitMs), qPrintable(m_sandbox->errorString()));
        m_cli = std::make_unique<CliRunner>(
            QStringLiteral(USERDESK_CLI_PATH), m_sandbox.get(), m_dir.path(), waitMs);
    }

    void init()
    {
        SandboxFaults slow;
        slow.latencyMs = 20;
        slow.jitterMs = 20;
        m_sandbox->setFaults(slow);
        m_sandbox->setRateLimit({});
    }

    void postsImportKilledMidwayIsResumedToEachPostOnce()
    {
        constexpr int posts = 200;
        const QString user = firstId(*m_sandbox, QStringLiteral("users"));
        QVERIFY(!user.isEmpty());
        QByteArray csv = "title,body\n";
        for (int i = 0; i < posts; ++i)
            csv += QStringLiteral("Killpost %1,\"Body %1, with a comma\"\n").arg(i).toUtf8();
        const QString file = m_dir.filePath(QStringLiteral("posts.csv"));
        QVERIFY(writeFile(file, csv));

        const QByteArray before = m_cli->killAfter(
            { QStringLiteral("posts"), QStringLiteral("import"), file, QStringLiteral("--user"), user }, 50);
        QVERIFY2(before.count('\n') >= 50, before.constData());
        const QJsonArray cut = allRecords(
            *m_sandbox, QStringLiteral("posts"), QStringLiteral("title"), QStringLiteral("Killpost "));
        QVERIFY2(cut.size() < posts, "the kill came after the whole import; it proves nothing");
        QVERIFY(cut.size() >= 50);

        QString state;
        int unknown = 0;
        const qint64 job = m_cli->interruptedJob(&state, &unknown);
        QVERIFY(job > 0);
        QCOMPARE(state, QStringLiteral("interrupted"));
        // Posts were on the wire when the kill came: the resume has creates to settle by reading first.
        QVERIFY(unknown > 0);
        const Run resumed
            = m_cli->run({ QStringLiteral("jobs"), QStringLiteral("resume"), QString::number(job) });
        QVERIFY2(resumed.exitCode == 0, resumed.err.constData());

        const QJsonArray after = allRecords(
            *m_sandbox, QStringLiteral("posts"), QStringLiteral("title"), QStringLiteral("Killpost "));
        QHash<QString, int> count;
        for (const QJsonValue &v : after) {
            const QJsonObject o = v.toObject();
            ++count[o.value(QLatin1String("title")).toString()];
            QCOMPARE(QString::number(o.value(QLatin1String("user_id")).toInteger()), user);
        }
        QCOMPARE(count.size(), posts);
        for (int i = 0; i < posts; ++i)
            QCOMPARE(count.value(QStringLiteral("Killpost %1").arg(i)), 1);
        // Every row was reported as created by one run or the other, with the post's id.
        QSet<QString> reported;
        static const QRegularExpression created(QStringLiteral("^created post \\d+ \\((line \\d+)\\)$"));
        for (const QByteArray &line : QByteArray(before + resumed.out).split('\n')) {
            const auto m = created.match(QString::fromUtf8(line));
            if (m.hasMatch())
                reported.insert(m.captured(1));
        }
        QCOMPARE(reported.size(), posts);
        QCOMPARE(m_cli->interruptedJob(), 0); // nothing left to resume
    }

    void aDryRunOfTodosNamesEveryBadRowAndSendsNothing()
    {
        const QString user = firstId(*m_sandbox, QStringLiteral("users"));
        const QString file = m_dir.filePath(QStringLiteral("todos.ndjson"));
        QVERIFY(writeFile(file,
            QStringLiteral("{\"user_id\":%1,\"title\":\"Dry todo one\",\"status\":\"pending\"}\n"
                           "{\"user_id\":%1,\"title\":\"Dry todo two\",\"status\":\"done\"}\n"
                           "{\"user_id\":%1,\"title\":\"Dry todo three\",\"status\":\"completed\","
                           "\"due_on\":\"2026-12-24\"}\n")
                .arg(user)
                .toUtf8()));
        const quint64 writes = m_sandbox->stats().writesApplied;
        const Run dry = m_cli->run(
            { QStringLiteral("todos"), QStringLiteral("import"), file, QStringLiteral("--dry-run") });
        QCOMPARE(dry.exitCode, 6);
        QCOMPARE(dry.out.count('\n'), 2); // the two good rows
        QVERIFY2(dry.out.contains("would create todo \"Dry todo one\" (line 1)"), dry.out.constData());
        QVERIFY2(dry.err.contains("invalid line 2: Line 2: status must be pending or completed."),
            dry.err.constData());
        const Run refused = m_cli->run({ QStringLiteral("todos"), QStringLiteral("import"), file });
        QCOMPARE(refused.exitCode, 6);
        QVERIFY2(refused.err.contains("--skip-invalid"), refused.err.constData());
        QCOMPARE(m_sandbox->stats().writesApplied, writes);

        const Run skipped = m_cli->run(
            { QStringLiteral("todos"), QStringLiteral("import"), file, QStringLiteral("--skip-invalid") });
        QVERIFY2(skipped.exitCode == 0, skipped.err.constData());
        QCOMPARE(skipped.out.count("created todo "), 2);
        QCOMPARE(allRecords(*m_sandbox, QStringLiteral("todos"), QStringLiteral("title"),
                     QStringLiteral("Dry todo "))
                     .size(),
            2);
    }

    void commentsAreImportedUnderThePostGiven()
    {
        const QString post = firstId(*m_sandbox, QStringLiteral("posts"));
        QVERIFY(!post.isEmpty());
        const QString file = m_dir.filePath(QStringLiteral("comments.json"));
        QVERIFY(writeFile(file,
            R"([{"name":"Ann","email":"ann@imported.test","body":"Imported comment one"},
                {"name":"Bo","email":"bo@imported.test","body":"Imported comment two"}])"));
        const Run r = m_cli->run(
            { QStringLiteral("comments"), QStringLiteral("import"), file, QStringLiteral("--post"), post });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonArray made = allRecords(*m_sandbox, QStringLiteral("comments"), QStringLiteral("body"),
            QStringLiteral("Imported comment"));
        QCOMPARE(made.size(), 2);
        for (const QJsonValue &v : made)
            QCOMPARE(QString::number(v.toObject().value(QLatin1String("post_id")).toInteger()), post);
        // A bad parent is a usage error, said before anything is read or sent.
        const Run bad = m_cli->run({ QStringLiteral("comments"), QStringLiteral("import"), file,
            QStringLiteral("--post"), QStringLiteral("x/y") });
        QCOMPARE(bad.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestRecordImportCli)
#include "tst_recordimportcli.moc"
