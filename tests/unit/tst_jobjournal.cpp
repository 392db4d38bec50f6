// JobJournal against a real SQLite file in a temporary folder: what a bulk job writes before its first
// request must be there, whole, for the next process that opens the file.
#include "jobjournal.h"
#include "translations.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace UserDesk;

namespace {
QList<JobItem> createItems(int count)
{
    QList<JobItem> items;
    for (int i = 0; i < count; ++i) {
        JobItem item;
        item.operation = JobItem::Operation::Create;
        item.draft.name = QStringLiteral("Person %1").arg(i);
        item.draft.email = QStringLiteral("p%1@journal.test").arg(i);
        item.draft.gender = i % 2 ? QStringLiteral("male") : QStringLiteral("female");
        item.draft.status = QStringLiteral("active");
        item.source = QStringLiteral("line %1").arg(i + 2);
        items.append(item);
    }
    return items;
}
} // namespace

class TestJobJournal : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)); }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void aJobIsWrittenWholeAndReadBackByAnotherInstance()
    {
        const QString file = path("whole/jobs.sqlite"); // the folder does not exist yet
        qint64 id = 0;
        {
            JobJournal journal(file);
            QString error;
            QVERIFY2(journal.open(&error), qPrintable(error));
            id = journal.createJob(QStringLiteral("import"), QStringLiteral("http://127.0.0.1:1/public/v2"),
                QStringLiteral("users.csv"), createItems(300));
            QVERIFY2(id > 0, qPrintable(journal.lastError()));
        }
        JobJournal other(file);
        QVERIFY(other.open());
        const auto job = other.job(id);
        QVERIFY(job);
        QCOMPARE(job->kind, QStringLiteral("import"));
        QCOMPARE(job->endpoint, QStringLiteral("http://127.0.0.1:1/public/v2"));
        QCOMPARE(job->description, QStringLiteral("users.csv"));
        QCOMPARE(job->total, 300);
        QCOMPARE(job->pending, 300);
        QVERIFY(!job->finished);
        QCOMPARE(job->ownerPid, QCoreApplication::applicationPid());
        const QList<JobItem> items = other.items(id);
        QCOMPARE(items.size(), 300);
        QCOMPARE(items.at(7).index, 7);
        QCOMPARE(items.at(7).source, QStringLiteral("line 9"));
        QCOMPARE(items.at(7).draft.email, std::optional<QString>(QStringLiteral("p7@journal.test")));
        QCOMPARE(items.at(7).draft.gender, std::optional<QString>(QStringLiteral("male")));
        QCOMPARE(items.at(7).state, JobItem::State::Pending);
    }

    void unsetDraftFieldsStayUnset()
    {
        JobJournal journal(path("draft.sqlite"));
        QVERIFY(journal.open());
        JobItem edit;
        edit.operation = JobItem::Operation::Update;
        edit.userId = 42;
        edit.draft.status = QStringLiteral("inactive");
        JobItem remove;
        remove.operation = JobItem::Operation::Delete;
        remove.userId = 43;
        const qint64 id
            = journal.createJob(QStringLiteral("bulk-update"), QStringLiteral("x"), {}, { edit, remove });
        const QList<JobItem> items = journal.items(id);
        QCOMPARE(items.size(), 2);
        QCOMPARE(items.at(0).operation, JobItem::Operation::Update);
        QCOMPARE(items.at(0).userId, 42);
        QVERIFY(!items.at(0).draft.name);
        QVERIFY(!items.at(0).draft.email);
        QCOMPARE(items.at(0).draft.status, std::optional<QString>(QStringLiteral("inactive")));
        QCOMPARE(items.at(1).operation, JobItem::Operation::Delete);
        QVERIFY(items.at(1).draft.isEmpty());
    }

    void statesAreCountedAndAFinishedJobIsNotListedAsUnfinished()
    {
        JobJournal journal(path("states.sqlite"));
        QVERIFY(journal.open());
        const qint64 first
            = journal.createJob(QStringLiteral("import"), QStringLiteral("x"), {}, createItems(4));
        const qint64 second
            = journal.createJob(QStringLiteral("import"), QStringLiteral("x"), {}, createItems(2));
        QVERIFY(first > 0 && second > first);
        QVERIFY(journal.markSent(first, { 0, 1, 2 }));
        QVERIFY(journal.setItemState(first, 0, JobItem::State::Applied, QStringLiteral("Created."), 7001));
        QVERIFY(journal.setItemState(first, 1, JobItem::State::Failed, QStringLiteral("Taken.")));
        auto job = journal.job(first);
        QVERIFY(job);
        QCOMPARE(job->applied, 1);
        QCOMPARE(job->failed, 1);
        QCOMPARE(job->sent, 1);
        QCOMPARE(job->pending, 1);
        QVERIFY(!job->finished);
        const QList<JobItem> items = journal.items(first);
        QCOMPARE(items.at(0).userId, 7001);
        QCOMPARE(items.at(0).message, QStringLiteral("Created."));
        QCOMPARE(items.at(2).state, JobItem::State::Sent);

        QVERIFY(journal.markSent(second, { 0, 1 }));
        QVERIFY(journal.setItemState(second, 0, JobItem::State::Applied));
        QVERIFY(journal.setItemState(second, 1, JobItem::State::Failed));
        QVERIFY(journal.job(second)->finished);

        const QList<JobSummary> all = journal.jobs();
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.first().id, second); // newest first
        const QList<JobSummary> open = journal.jobs(true);
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.first().id, first);
    }

    void discardRemovesTheJobAndItsItems()
    {
        JobJournal journal(path("discard.sqlite"));
        QVERIFY(journal.open());
        const qint64 id
            = journal.createJob(QStringLiteral("import"), QStringLiteral("x"), {}, createItems(3));
        QVERIFY(journal.discard(id));
        QVERIFY(!journal.job(id));
        QVERIFY(journal.items(id).isEmpty());
        QVERIFY(journal.jobs().isEmpty());
    }

    void twoInstancesShareOneFileInWalMode()
    {
        const QString file = path("shared.sqlite");
        JobJournal app(file);
        JobJournal cli(file);
        QVERIFY(app.open());
        QVERIFY(cli.open());
        const qint64 a = app.createJob(QStringLiteral("import"), QStringLiteral("x"), {}, createItems(5));
        const qint64 b
            = cli.createJob(QStringLiteral("bulk-delete"), QStringLiteral("x"), {}, createItems(5));
        QVERIFY(a > 0 && b > 0 && a != b);
        QVERIFY(cli.markSent(a, { 0 }));
        QCOMPARE(app.job(a)->sent, 1);
        QCOMPARE(app.jobs().size(), 2);

        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
        db.setDatabaseName(file);
        QVERIFY(db.open());
        {
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("peek"));
    }

    // Two resumes of the same job started together: both saw the same dead owner, only one may take it.
    void onlyOneProcessTakesAJobOver()
    {
        const QString file = path("claim.sqlite");
        JobJournal first(file);
        JobJournal second(file);
        QVERIFY(first.open() && second.open());
        const qint64 id = first.createJob(QStringLiteral("import"), QStringLiteral("x"), {}, createItems(2));
        const qint64 dead = first.job(id)->ownerPid;
        QCOMPARE(second.job(id)->ownerPid, dead);
        QVERIFY(first.claim(id, 111111, dead));
        QVERIFY(!second.claim(id, 222222, dead));
        QVERIFY(second.lastError().contains(QStringLiteral("took job")));
        QCOMPARE(second.job(id)->ownerPid, 111111);
    }

    void idsComeBackAsTheServerSentThem()
    {
        // json-server 1.x sends ids as strings: a resumed job must send "12" back as "12" (a string) and a
        // text id at all; a number stays a number.
        const QString file = path("textids.sqlite");
        qint64 id = 0;
        const QList<ResourceId> ids { 12, ResourceId::fromText(QStringLiteral("12")),
            ResourceId::fromText(QStringLiteral("3f0a")), ResourceId::fromText(QStringLiteral("007")) };
        {
            JobJournal journal(file);
            QList<JobItem> items;
            for (const ResourceId &userId : ids) {
                JobItem item;
                item.operation = JobItem::Operation::Delete;
                item.userId = userId;
                items.append(item);
            }
            items.append(createItems(1));
            id = journal.createJob(QStringLiteral("bulk-delete"), QStringLiteral("x"), {}, items);
            QVERIFY(id > 0);
            // A create applied on json-server 1.x learns its text id.
            QVERIFY(journal.setItemState(id, 4, JobItem::State::Applied, QStringLiteral("created"),
                ResourceId::fromText(QStringLiteral("9c1e"))));
        }
        JobJournal journal(file);
        QVERIFY(journal.open());
        const QList<JobItem> items = journal.items(id);
        QCOMPARE(items.size(), 5);
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(items.at(i).userId.toJson(), ids.at(i).toJson());
            QCOMPARE(items.at(i).userId.isText(), ids.at(i).isText());
        }
        QCOMPARE(items.at(4).userId.toJson(), QJsonValue(QStringLiteral("9c1e")));
    }

    void aJournalOfTheFirstFormatIsStillRead()
    {
        // Written before ids could be strings: user_id holds numbers and there is no text column.
        const QString file = path("format1.sqlite");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
            db.setDatabaseName(file);
            QVERIFY(db.open());
            QSqlQuery q(db);
            for (const char *sql :
                { "CREATE TABLE jobs (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, endpoint "
                  "TEXT "
                  "NOT NULL, description TEXT NOT NULL DEFAULT '', created_at INTEGER NOT NULL, updated_at "
                  "INTEGER NOT NULL, owner_pid INTEGER NOT NULL DEFAULT 0)",
                    "CREATE TABLE job_items (job_id INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE, "
                    "idx "
                    "INTEGER NOT NULL, operation TEXT NOT NULL, user_id INTEGER NOT NULL DEFAULT 0, draft "
                    "TEXT "
                    "NOT NULL DEFAULT '{}', source TEXT NOT NULL DEFAULT '', state TEXT NOT NULL, message "
                    "TEXT "
                    "NOT NULL DEFAULT '', PRIMARY KEY (job_id, idx)) WITHOUT ROWID",
                    "INSERT INTO jobs (kind, endpoint, created_at, updated_at) VALUES ('bulk-delete', 'x', "
                    "1, 1)",
                    "INSERT INTO job_items (job_id, idx, operation, user_id, state) VALUES (1, 0, 'delete', "
                    "41, "
                    "'pending')",
                    "PRAGMA user_version=1" })
                QVERIFY2(q.exec(QString::fromLatin1(sql)), qPrintable(q.lastError().text()));
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("old"));
        JobJournal journal(file);
        QString error;
        QVERIFY2(journal.open(&error), qPrintable(error));
        const QList<JobItem> items = journal.items(1);
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.first().userId.toJson(), QJsonValue(41));
        QVERIFY(!items.first().userId.isText());
        // And it takes text ids from now on.
        QVERIFY(journal.setItemState(
            1, 0, JobItem::State::Applied, {}, ResourceId::fromText(QStringLiteral("x7"))));
        QCOMPARE(journal.items(1).first().userId.toJson(), QJsonValue(QStringLiteral("x7")));
    }

    void aRecordItemKeepsItsResourceParentFieldsAndIds()
    {
        JobJournal journal(path("records.sqlite"));
        QVERIFY(journal.open());
        QList<JobItem> items;
        for (int i = 0; i < 3; ++i) {
            JobItem item;
            item.resource = QStringLiteral("posts");
            item.source = QStringLiteral("line %1").arg(i + 2);
            item.fields = { { QStringLiteral("title"), QStringLiteral("T%1").arg(i) },
                { QStringLiteral("body"), QStringLiteral("B, \"quoted\"") } };
            items.append(item);
        }
        items[0].parentId = ResourceId(7); // a numeric parent stays a number
        items[1].parentId = ResourceId::fromText(QStringLiteral("3f0a")); // json-server 1.x: a string
        items[2].fields.insert(QStringLiteral("user_id"), 9); // the parent among the fields
        const qint64 id = journal.createJob(QStringLiteral("import"), QStringLiteral("http://h/"), {}, items);
        QVERIFY2(id > 0, qPrintable(journal.lastError()));
        QVERIFY(journal.setItemState(
            id, 0, JobItem::State::Applied, QStringLiteral("Created post 41."), {}, ResourceId(41)));
        QVERIFY(journal.setItemState(
            id, 1, JobItem::State::Applied, {}, {}, ResourceId::fromText(QStringLiteral("a1"))));

        JobJournal other(path("records.sqlite"));
        QVERIFY(other.open());
        const QList<JobItem> read = other.items(id);
        QCOMPARE(read.size(), 3);
        QVERIFY(read.at(0).isRecord());
        QCOMPARE(read.at(0).resource, QStringLiteral("posts"));
        QCOMPARE(read.at(0).parentId.toJson(), QJsonValue(7));
        QCOMPARE(read.at(0).recordId.toJson(), QJsonValue(41));
        QCOMPARE(read.at(0).fields, items.at(0).fields);
        QCOMPARE(read.at(1).parentId.toJson(), QJsonValue(QStringLiteral("3f0a")));
        QCOMPARE(read.at(1).recordId.toJson(), QJsonValue(QStringLiteral("a1")));
        QVERIFY(read.at(2).parentId.isNull());
        QVERIFY(read.at(2).recordId.isNull());
        QCOMPARE(read.at(2).fields.value(QStringLiteral("user_id")), QJsonValue(9));
        QCOMPARE(read.at(2).state, JobItem::State::Pending);
    }

    // A journal written before records could be journaled (format 1: no resource columns) is read as it
    // was, upgraded in place, and takes record jobs after.
    void aFormatOneJournalIsReadAndUpgraded()
    {
        const QString file = path("format1records.sqlite");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1"));
            db.setDatabaseName(file);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral(
                "CREATE TABLE jobs (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, endpoint TEXT "
                "NOT NULL, description TEXT NOT NULL DEFAULT '', created_at INTEGER NOT NULL, updated_at "
                "INTEGER NOT NULL, owner_pid INTEGER NOT NULL DEFAULT 0)")));
            QVERIFY(q.exec(QStringLiteral(
                "CREATE TABLE job_items (job_id INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE, idx "
                "INTEGER NOT NULL, operation TEXT NOT NULL, user_id INTEGER NOT NULL DEFAULT 0, draft TEXT "
                "NOT NULL DEFAULT '{}', source TEXT NOT NULL DEFAULT '', state TEXT NOT NULL, message TEXT "
                "NOT NULL DEFAULT '', PRIMARY KEY (job_id, idx)) WITHOUT ROWID")));
            QVERIFY(
                q.exec(QStringLiteral("INSERT INTO jobs VALUES (5, 'import', 'http://h/', 'old.csv', 1, 2, "
                                      "0)")));
            QVERIFY(q.exec(QStringLiteral(
                "INSERT INTO job_items VALUES (5, 0, 'create', 0, "
                "'{\"name\":\"Ann\",\"email\":\"ann@x.test\","
                "\"gender\":\"female\",\"status\":\"active\"}', 'line 2', 'sent', ''), (5, 1, 'create', 12, "
                "'{\"name\":\"Bo\",\"email\":\"bo@x.test\"}', 'line 3', 'applied', 'Created user 12.')")));
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version=1")));
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v1"));

        JobJournal journal(file);
        QString error;
        QVERIFY2(journal.open(&error), qPrintable(error));
        const auto job = journal.job(5);
        QVERIFY(job);
        QCOMPARE(job->description, QStringLiteral("old.csv"));
        QCOMPARE(job->sent, 1);
        QCOMPARE(job->applied, 1);
        const QList<JobItem> items = journal.items(5);
        QCOMPARE(items.size(), 2);
        QVERIFY(!items.at(0).isRecord());
        QCOMPARE(items.at(0).draft.email, std::optional<QString>(QStringLiteral("ann@x.test")));
        QCOMPARE(items.at(0).state, JobItem::State::Sent);
        QCOMPARE(items.at(1).userId, 12);
        QCOMPARE(items.at(1).message, QStringLiteral("Created user 12."));

        JobItem post;
        post.resource = QStringLiteral("todos");
        post.parentId = ResourceId(3);
        post.fields = { { QStringLiteral("title"), QStringLiteral("Water") },
            { QStringLiteral("status"), QStringLiteral("pending") } };
        const qint64 id
            = journal.createJob(QStringLiteral("import"), QStringLiteral("http://h/"), {}, { post });
        QVERIFY2(id > 0, qPrintable(journal.lastError()));
        QCOMPARE(journal.items(id).first().parentId, ResourceId(3));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v2"));
            db.setDatabaseName(file);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version")) && q.next());
            QCOMPARE(q.value(0).toInt(), 4);
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v2"));
        // Opened again, an upgraded journal is left as it is.
        JobJournal again(file);
        QVERIFY(again.open());
        QCOMPARE(again.items(5).size(), 2);
    }

    // Format 3 told a delete answered 404 only by its message, in the language of the process that ran the
    // job. Upgraded, those in English or in this process's language are marked already gone, once; other
    // deletes are not, whatever this process's language. New outcomes carry the mark themselves.
    void aFormatThreeJournalKeepsWhichDeletesFoundTheUserGone()
    {
        const auto english
            = qScopeGuard([] { Translations::install(QCoreApplication::instance(), QStringLiteral("en")); });
        QCOMPARE(
            Translations::install(QCoreApplication::instance(), QStringLiteral("de")), QStringLiteral("de"));
        const QString german
            = QCoreApplication::translate("UserDesk::BulkJob", "User %1 was already deleted on the server.")
                  .arg(QStringLiteral("x9"));
        QVERIFY2(!german.startsWith(QLatin1String("User ")), qPrintable(german));
        const QString file = path("format3gone.sqlite");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v3"));
            db.setDatabaseName(file);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral(
                "CREATE TABLE jobs (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, endpoint TEXT "
                "NOT NULL, description TEXT NOT NULL DEFAULT '', created_at INTEGER NOT NULL, updated_at "
                "INTEGER NOT NULL, owner_pid INTEGER NOT NULL DEFAULT 0)")));
            QVERIFY(q.exec(QStringLiteral(
                "CREATE TABLE job_items (job_id INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE, idx "
                "INTEGER NOT NULL, operation TEXT NOT NULL, user_id INTEGER NOT NULL DEFAULT 0, user_id_text "
                "TEXT, draft TEXT NOT NULL DEFAULT '{}', source TEXT NOT NULL DEFAULT '', state TEXT NOT "
                "NULL, "
                "message TEXT NOT NULL DEFAULT '', resource TEXT NOT NULL DEFAULT '', parent_id TEXT NOT "
                "NULL "
                "DEFAULT '', fields TEXT NOT NULL DEFAULT '{}', record_id TEXT NOT NULL DEFAULT '', PRIMARY "
                "KEY (job_id, idx)) WITHOUT ROWID")));
            QVERIFY(q.exec(
                QStringLiteral("INSERT INTO jobs VALUES (3, 'bulk-delete', 'http://h/', '', 1, 2, 0)")));
            q.prepare(QStringLiteral("INSERT INTO job_items (job_id, idx, operation, user_id, user_id_text, "
                                     "state, message) VALUES (3, ?, 'delete', ?, ?, ?, ?)"));
            const QList<QVariantList> rows = {
                { 0, 7, QVariant(), QStringLiteral("applied"),
                    QStringLiteral("User 7 was already deleted on the server.") },
                { 1, 0, QStringLiteral("x9"), QStringLiteral("applied"), german },
                { 2, 8, QVariant(), QStringLiteral("applied"), QStringLiteral("Deleted user 8.") },
                // The wording of another user's id is not this one's.
                { 3, 10, QVariant(), QStringLiteral("applied"),
                    QStringLiteral("User 11 was already deleted on the server.") },
                { 4, 12, QVariant(), QStringLiteral("sent"), QStringLiteral("") },
            };
            for (const QVariantList &row : rows) {
                for (int i = 0; i < row.size(); ++i)
                    q.bindValue(i, row.at(i));
                QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
            }
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version=3")));
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v3"));

        JobJournal journal(file);
        QString error;
        QVERIFY2(journal.open(&error), qPrintable(error));
        QList<JobItem> items = journal.items(3);
        QCOMPARE(items.size(), 5);
        QVERIFY(items.at(0).alreadyGone);
        QVERIFY(items.at(1).alreadyGone);
        QVERIFY(!items.at(2).alreadyGone);
        QVERIFY(!items.at(3).alreadyGone);
        QVERIFY(!items.at(4).alreadyGone);

        // Read in English now, the marks stay; a new outcome says it itself, in whatever words.
        Translations::install(QCoreApplication::instance(), QStringLiteral("en"));
        QVERIFY(journal.setItemState(3, 4, JobItem::State::Applied, QStringLiteral("weg"), {}, {}, true));
        JobJournal again(file);
        QVERIFY(again.open());
        items = again.items(3);
        QVERIFY(items.at(0).alreadyGone && items.at(1).alreadyGone && items.at(4).alreadyGone);
        QVERIFY(!items.at(2).alreadyGone && !items.at(3).alreadyGone);
    }

    void aJournalFromANewerVersionIsRefusedWithASentence()
    {
        const QString file = path("newer.sqlite");
        {
            JobJournal journal(file);
            QVERIFY(journal.open());
        }
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bump"));
            db.setDatabaseName(file);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version=99")));
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("bump"));
        JobJournal journal(file);
        QString error;
        QVERIFY(!journal.open(&error));
        QVERIFY2(error.contains(QStringLiteral("newer")), qPrintable(error));
        QVERIFY(error.endsWith(QLatin1Char('.')));
    }

    void anUnwritableFolderIsReportedNotIgnored()
    {
        QFile blocker(path("blocker"));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        JobJournal journal(path("blocker/sub/jobs.sqlite")); // a file where a folder must be
        QString error;
        QVERIFY(!journal.open(&error));
        QVERIFY(!error.isEmpty());
        QCOMPARE(journal.createJob(QStringLiteral("import"), QStringLiteral("x"), {}, createItems(1)), 0);
    }

    void theDefaultPathIsTheSameForTheAppAndTheCli()
    {
        qunsetenv("USERDESK_JOURNAL");
        const QString before = QCoreApplication::applicationName();
        QCoreApplication::setApplicationName(QStringLiteral("UserDesk"));
        const QString app = JobJournal::defaultPath();
        QCoreApplication::setApplicationName(QStringLiteral("userdesk"));
        const QString cli = JobJournal::defaultPath();
        QCoreApplication::setApplicationName(before);
        QCOMPARE(app, cli);
        QVERIFY(app.endsWith(QStringLiteral("/UserDesk/jobs.sqlite")));
        qputenv("USERDESK_JOURNAL", path("env.sqlite").toLocal8Bit());
        QCOMPARE(JobJournal::defaultPath(), path("env.sqlite"));
        qunsetenv("USERDESK_JOURNAL");
    }
};

QTEST_GUILESS_MAIN(TestJobJournal)
#include "tst_jobjournal.moc"
