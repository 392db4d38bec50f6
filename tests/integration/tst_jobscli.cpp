// userdesk-cli's journaled jobs end to end: the real binary against a real sandbox with latency, killed
// with SIGKILL in the middle of a job, then resumed: the server must hold exactly what the job asked for.
#include "clirunner.h"
#include "jobjournal.h"
#include "sandboxfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace UserDesk;

namespace {
constexpr int waitMs = 120000;

QJsonArray allUsers(const SandboxFixture &sandbox, const QString &emailPart = {})
{
    QNetworkAccessManager nam;
    QJsonArray all;
    for (int page = 1;; ++page) {
        QString query = QStringLiteral("/users?per_page=100&page=%1").arg(page);
        if (!emailPart.isEmpty())
            query += QStringLiteral("&email=") + QString::fromLatin1(QUrl::toPercentEncoding(emailPart));
        const auto answer = SandboxFixture::send(nam, "GET", sandbox.url(query));
        if (answer.status != 200)
            return { QStringLiteral("error") };
        const QJsonArray a = QJsonDocument::fromJson(answer.body).array();
        for (const QJsonValue &v : a)
            all.append(v);
        if (a.size() < 100)
            return all;
    }
}
} // namespace

class TestJobsCli : public QObject
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
        m_sandbox = std::make_unique<SandboxFixture>(SandboxFixture::defaultConfig(400));
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

    void anImportKilledMidwayIsResumedToExactlyTheFile()
    {
        constexpr int users = 500;
        const QString file = m_dir.filePath(QStringLiteral("kill.csv"));
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("name,email,gender,status\n");
            for (int i = 0; i < users; ++i)
                f.write(QStringLiteral("Killed Import %1,ki%1@killimport.test,%2,active\n")
                            .arg(i)
                            .arg(i % 2 ? QStringLiteral("male") : QStringLiteral("female"))
                            .toUtf8());
        }
        const QByteArray before
            = m_cli->killAfter({ QStringLiteral("users"), QStringLiteral("import"), file }, 100);
        QVERIFY2(before.count('\n') >= 100, before.constData());
        const QJsonArray cut = allUsers(*m_sandbox, QStringLiteral("@killimport.test"));
        QVERIFY2(cut.size() < users, "the kill came after the whole import; it proves nothing");
        QVERIFY(cut.size() >= 100);

        QString state;
        const qint64 job = m_cli->interruptedJob(&state);
        QVERIFY(job > 0);
        QCOMPARE(state, QStringLiteral("interrupted"));
        const Run resumed
            = m_cli->run({ QStringLiteral("jobs"), QStringLiteral("resume"), QString::number(job) });
        QVERIFY2(resumed.exitCode == 0, resumed.err.constData());

        const QJsonArray after = allUsers(*m_sandbox, QStringLiteral("@killimport.test"));
        QHash<QString, int> count;
        for (const QJsonValue &v : after)
            ++count[v.toObject().value(QLatin1String("email")).toString()];
        QCOMPARE(count.size(), users);
        for (int i = 0; i < users; ++i)
            QCOMPARE(count.value(QStringLiteral("ki%1@killimport.test").arg(i)), 1);
        // Every row was reported as created by one run or the other.
        QSet<QByteArray> reported;
        static const QRegularExpression created(QStringLiteral("^created \\d+ (\\S+) "));
        for (const QByteArray &line : QByteArray(before + resumed.out).split('\n')) {
            const auto m = created.match(QString::fromUtf8(line));
            if (m.hasMatch())
                reported.insert(m.captured(1).toUtf8());
        }
        QCOMPARE(reported.size(), users);
        QCOMPARE(m_cli->interruptedJob(), 0); // nothing left to resume
    }

    void aBulkDeleteKilledMidwayIsResumedToExactlyItsIds()
    {
        const QJsonArray everyone = allUsers(*m_sandbox);
        QVERIFY(everyone.size() >= 350);
        QStringList ids;
        QSet<qint64> doomed;
        for (int i = 0; i < 300; ++i) {
            const qint64 id = everyone.at(i).toObject().value(QLatin1String("id")).toInteger();
            ids.append(QString::number(id));
            doomed.insert(id);
        }
        const QByteArray before = m_cli->killAfter(
            QStringList { QStringLiteral("users"), QStringLiteral("bulk-delete") } + ids, 60);
        QVERIFY2(before.count('\n') >= 60, before.constData());
        const int leftAfterKill = int(allUsers(*m_sandbox).size());
        QVERIFY2(leftAfterKill > int(everyone.size()) - 300,
            "the kill came after the whole job; it proves nothing");

        const qint64 job = m_cli->interruptedJob();
        QVERIFY(job > 0);
        const Run resumed
            = m_cli->run({ QStringLiteral("jobs"), QStringLiteral("resume"), QString::number(job) });
        QVERIFY2(resumed.exitCode == 0, resumed.err.constData());

        const QJsonArray after = allUsers(*m_sandbox);
        QCOMPARE(after.size(), everyone.size() - 300);
        for (const QJsonValue &v : after)
            QVERIFY(!doomed.contains(v.toObject().value(QLatin1String("id")).toInteger()));
        QCOMPARE(m_cli->interruptedJob(), 0);
    }

    void aBulkDeleteSaysWhichUsersWereAlreadyGone()
    {
        // Finding: a user someone else had deleted first was reported "deleted 17", as if this job had.
        const QJsonArray everyone = allUsers(*m_sandbox);
        QVERIFY(everyone.size() >= 6);
        QStringList ids;
        for (int i = everyone.size() - 6; i < everyone.size(); ++i)
            ids.append(QString::number(everyone.at(i).toObject().value(QLatin1String("id")).toInteger()));
        QNetworkAccessManager nam;
        for (const QString &gone : { ids.at(1), ids.at(4) })
            QCOMPARE(
                m_sandbox->sendAuthorized(nam, "DELETE", m_sandbox->url(QStringLiteral("/users/") + gone))
                    .status,
                204);

        const Run text = m_cli->run(
            QStringList { QStringLiteral("users"), QStringLiteral("bulk-delete") } + ids.mid(0, 3));
        QVERIFY2(text.exitCode == 0, text.err.constData());
        const QList<QByteArray> lines = text.out.trimmed().split('\n');
        QVERIFY2(lines.contains("deleted " + ids.at(0).toUtf8()), text.out.constData());
        QVERIFY2(lines.contains("deleted " + ids.at(2).toUtf8()), text.out.constData());
        QVERIFY2(lines.contains("already deleted " + ids.at(1).toUtf8()), text.out.constData());
        QVERIFY2(!lines.contains("deleted " + ids.at(1).toUtf8()), text.out.constData());
        QVERIFY2(
            text.err.contains("1 of them had already been deleted on the server."), text.err.constData());

        const Run ndjson = m_cli->run(QStringList { QStringLiteral("users"), QStringLiteral("bulk-delete") }
            + ids.mid(3, 3) + QStringList { QStringLiteral("--format"), QStringLiteral("ndjson") });
        QVERIFY2(ndjson.exitCode == 0, ndjson.err.constData());
        int alreadyGone = 0;
        for (const QByteArray &line : ndjson.out.trimmed().split('\n')) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            QCOMPARE(o.value(QLatin1String("outcome")).toString(), QStringLiteral("applied"));
            const bool gone = o.value(QLatin1String("already_gone")).toBool();
            QCOMPARE(gone, QString::number(o.value(QLatin1String("id")).toInteger()) == ids.at(4));
            alreadyGone += gone ? 1 : 0;
        }
        QCOMPARE(alreadyGone, 1);
    }

    void aBulkUpdateKilledMidwayIsResumedToEveryUser()
    {
        const QJsonArray everyone = allUsers(*m_sandbox);
        QStringList ids;
        for (int i = 0; i < 80; ++i)
            ids.append(QString::number(everyone.at(i).toObject().value(QLatin1String("id")).toInteger()));
        const QByteArray before = m_cli->killAfter(
            { QStringLiteral("users"), QStringLiteral("bulk-update"), QStringLiteral("--ids"),
                ids.join(QLatin1Char(',')), QStringLiteral("--name"), QStringLiteral("Bulk Renamed") },
            20);
        QVERIFY2(before.count('\n') >= 20, before.constData());
        int renamed = 0;
        for (const QJsonValue &v : allUsers(*m_sandbox))
            renamed += v.toObject().value(QLatin1String("name")).toString() == QLatin1String("Bulk Renamed");
        QVERIFY2(renamed < 80, "the kill came after the whole job; it proves nothing");

        const qint64 job = m_cli->interruptedJob();
        QVERIFY(job > 0);
        const Run resumed
            = m_cli->run({ QStringLiteral("jobs"), QStringLiteral("resume"), QString::number(job) });
        QVERIFY2(resumed.exitCode == 0, resumed.err.constData());
        renamed = 0;
        for (const QJsonValue &v : allUsers(*m_sandbox))
            renamed += v.toObject().value(QLatin1String("name")).toString() == QLatin1String("Bulk Renamed");
        QCOMPARE(renamed, 80);
    }

    void aDryRunSendsNothingAndReportsEveryRow()
    {
        const QString file = m_dir.filePath(QStringLiteral("dry.csv"));
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("name,email,gender,status\n"
                    "Dry One,dry1@dryrun.test,male,active\n"
                    "Dry Two,not-an-email,male,active\n"
                    "Dry Three,dry3@dryrun.test,female,inactive\n");
        }
        const quint64 writes = m_sandbox->stats().writesApplied;
        const Run dry = m_cli->run(
            { QStringLiteral("users"), QStringLiteral("import"), file, QStringLiteral("--dry-run") });
        QCOMPARE(dry.exitCode, 6);
        QCOMPARE(dry.out.count('\n'), 2); // the two good rows
        QVERIFY2(dry.err.contains("invalid line 3: Line 3: email is invalid."), dry.err.constData());
        // Without --dry-run and with an invalid row, nothing is sent either.
        const Run refused = m_cli->run({ QStringLiteral("users"), QStringLiteral("import"), file });
        QCOMPARE(refused.exitCode, 6);
        QVERIFY2(refused.err.contains("--skip-invalid"), refused.err.constData());
        QCOMPARE(m_sandbox->stats().writesApplied, writes);
        QCOMPARE(allUsers(*m_sandbox, QStringLiteral("@dryrun.test")).size(), 0);

        const Run skipped = m_cli->run(
            { QStringLiteral("users"), QStringLiteral("import"), file, QStringLiteral("--skip-invalid") });
        QVERIFY2(skipped.exitCode == 0, skipped.err.constData());
        QCOMPARE(allUsers(*m_sandbox, QStringLiteral("@dryrun.test")).size(), 2);
    }

    void jobsAreListedResumedOnlyAgainstTheirServerAndDiscarded()
    {
        // A job cut off before its first answer: every item still to settle.
        SandboxFaults verySlow;
        verySlow.latencyMs = 5000;
        m_sandbox->setFaults(verySlow);
        const QByteArray none
            = m_cli->killAfter({ QStringLiteral("users"), QStringLiteral("bulk-delete"),
                                   QStringLiteral("999999991"), QStringLiteral("999999992") },
                0);
        Q_UNUSED(none);
        const qint64 job = m_cli->interruptedJob();
        QVERIFY(job > 0);
        QProcess other;
        other.setProcessEnvironment(m_cli->environment());
        other.start(QStringLiteral(USERDESK_CLI_PATH),
            { QStringLiteral("--endpoint"), QStringLiteral("http://127.0.0.1:9/public/v2"),
                QStringLiteral("jobs"), QStringLiteral("resume"), QString::number(job) });
        QVERIFY(other.waitForFinished(waitMs));
        QCOMPARE(other.exitCode(), 2);
        QVERIFY(other.readAllStandardError().contains(m_sandbox->baseUrl().toString().toUtf8()));

        const Run discarded
            = m_cli->run({ QStringLiteral("jobs"), QStringLiteral("discard"), QString::number(job) });
        QVERIFY2(discarded.exitCode == 0, discarded.err.constData());
        QCOMPARE(m_cli->interruptedJob(), 0);
        QCOMPARE(
            m_cli->run({ QStringLiteral("jobs"), QStringLiteral("resume"), QString::number(job) }).exitCode,
            5);
        QCOMPARE(m_cli->run({ QStringLiteral("jobs"), QStringLiteral("frobnicate") }).exitCode, 2);
    }

    // A job the window ran against its built-in sandbox is recorded by that sandbox's data folder; the CLI
    // lists it and, asked to resume it, says in a sentence that the window resumes it, and sends nothing.
    void aJobOfTheBuiltInSandboxIsResumedFromTheApp()
    {
        const QString folder = m_dir.filePath(QStringLiteral("appdata"));
        qint64 job = 0;
        {
            JobJournal journal(m_dir.filePath(QStringLiteral("jobs.sqlite")));
            QVERIFY(journal.open());
            JobItem item;
            item.operation = JobItem::Operation::Delete;
            item.userId = 999999993;
            item.source = QStringLiteral("user 999999993");
            job = journal.createJob(QStringLiteral("bulk-delete"), JobJournal::builtinSandboxEndpoint(folder),
                QStringLiteral("delete 1 user"), { item });
            QVERIFY(job > 0);
            // The window that ran it is gone (killed).
            QProcess gone;
            gone.start(QStringLiteral("true"), {});
            QVERIFY(gone.waitForStarted(waitMs));
            const qint64 deadPid = gone.processId();
            QVERIFY(gone.waitForFinished(waitMs));
            QVERIFY(journal.setOwner(job, deadPid));
        }
        const QString sentence = QStringLiteral(
            "Job %1 was started against the built-in sandbox of the UserDesk window (data folder %2), which "
            "only the window runs; resume it from the window, which offers it when it starts with that data "
            "folder.")
                                     .arg(job)
                                     .arg(folder);
        const Run listed = m_cli->run({ QStringLiteral("jobs"), QStringLiteral("list") });
        QCOMPARE(listed.exitCode, 0);
        QVERIFY(listed.out.contains("builtin-sandbox:"));
        QVERIFY2(QString::fromUtf8(listed.err).contains(sentence), listed.err.constData());
        const Run resumed
            = m_cli->run({ QStringLiteral("jobs"), QStringLiteral("resume"), QString::number(job) });
        QCOMPARE(resumed.exitCode, 2);
        QVERIFY2(QString::fromUtf8(resumed.err).contains(sentence), resumed.err.constData());
        JobJournal journal(m_dir.filePath(QStringLiteral("jobs.sqlite")));
        QVERIFY(journal.open());
        QCOMPARE(journal.job(job)->pending, 1); // nothing sent, nobody took it over
        QCOMPARE(
            m_cli->run({ QStringLiteral("jobs"), QStringLiteral("discard"), QString::number(job) }).exitCode,
            0);
    }
};

QTEST_GUILESS_MAIN(TestJobsCli)
#include "tst_jobscli.moc"
