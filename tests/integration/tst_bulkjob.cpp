// BulkJob against a real sandbox and a real journal: every item's state is in the journal before its
// request, a resume settles what may have been sent by reading the server first (so nothing happens twice),
// and a paced job stays under the server's rate limit from its first request.
#include "bulkjob.h"
#include "deferreddelete.h"
#include "faultproxy.h"
#include "jobjournal.h"
#include "sandboxfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace UserDesk;

namespace {
constexpr int waitMs = 60000;

RetryPolicy quickPolicy()
{
    RetryPolicy p;
    p.maxAttempts = 3;
    p.baseDelayMs = 20;
    p.capDelayMs = 200;
    p.maxServerHintMs = 5000;
    return p;
}

// The users whose email contains `part`, read with a plain QNAM (not the code under test): email -> count.
QHash<QString, int> usersMatching(const SandboxFixture &sandbox, const QString &part)
{
    QNetworkAccessManager nam;
    QHash<QString, int> found;
    for (int page = 1;; ++page) {
        const auto answer = SandboxFixture::send(nam, "GET",
            sandbox.url(QStringLiteral("/users?per_page=100&page=%1&email=%2")
                            .arg(page)
                            .arg(QString::fromLatin1(QUrl::toPercentEncoding(part)))));
        if (answer.status != 200)
            return { { QStringLiteral("error"), -1 } };
        const QJsonArray a = QJsonDocument::fromJson(answer.body).array();
        for (const QJsonValue &v : a)
            ++found[v.toObject().value(QLatin1String("email")).toString()];
        if (a.size() < 100)
            return found;
    }
}

std::optional<QJsonObject> userOnServer(const SandboxFixture &sandbox, qint64 id)
{
    QNetworkAccessManager nam;
    const auto answer = SandboxFixture::send(nam, "GET", sandbox.url(QStringLiteral("/users/%1").arg(id)));
    if (answer.status != 200)
        return std::nullopt;
    return QJsonDocument::fromJson(answer.body).object();
}

qint64 createOnServer(const SandboxFixture &sandbox, const UserDraft &draft)
{
    QNetworkAccessManager nam;
    const auto answer = sandbox.sendAuthorized(
        nam, "POST", sandbox.url(QStringLiteral("/users")), QJsonDocument(draft.toJson()).toJson());
    return answer.status == 201
        ? QJsonDocument::fromJson(answer.body).object().value(QLatin1String("id")).toInteger()
        : 0;
}

// The posts whose title contains `part`, read with a plain QNAM: title -> count.
QHash<QString, int> postsMatching(const SandboxFixture &sandbox, const QString &part)
{
    QNetworkAccessManager nam;
    QHash<QString, int> found;
    for (int page = 1;; ++page) {
        const auto answer = SandboxFixture::send(nam, "GET",
            sandbox.url(QStringLiteral("/posts?per_page=100&page=%1&title=%2")
                            .arg(page)
                            .arg(QString::fromLatin1(QUrl::toPercentEncoding(part)))));
        if (answer.status != 200)
            return { { QStringLiteral("error"), -1 } };
        const QJsonArray a = QJsonDocument::fromJson(answer.body).array();
        for (const QJsonValue &v : a)
            ++found[v.toObject().value(QLatin1String("title")).toString()];
        if (a.size() < 100)
            return found;
    }
}

JobItem postItem(const ResourceId &userId, const QString &title, const QString &body)
{
    JobItem item;
    item.resource = QStringLiteral("posts");
    item.parentId = userId;
    item.fields = { { QStringLiteral("title"), title }, { QStringLiteral("body"), body } };
    item.source = title;
    return item;
}

UserDraft person(const QString &tag, int i)
{
    UserDraft d;
    d.name = QStringLiteral("Bulk %1 %2").arg(tag).arg(i);
    d.email = QStringLiteral("%1.%2@bulkjob.test").arg(tag).arg(i);
    d.gender = i % 2 ? QStringLiteral("male") : QStringLiteral("female");
    d.status = QStringLiteral("active");
    return d;
}

JobItem createItem(const UserDraft &draft)
{
    JobItem item;
    item.operation = JobItem::Operation::Create;
    item.draft = draft;
    item.source = draft.email.value_or(QString());
    return item;
}

JobItem targetItem(JobItem::Operation op, qint64 id, const UserDraft &draft = {})
{
    JobItem item;
    item.operation = op;
    item.userId = id;
    item.draft = draft;
    item.source = QStringLiteral("user %1").arg(id);
    return item;
}
} // namespace

class TestBulkJob : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SandboxFixture> m_sandbox;
    int m_journals = 0;

    std::unique_ptr<ApiClient> client()
    {
        auto c = std::make_unique<ApiClient>();
        c->setBaseUrl(m_sandbox->baseUrl());
        c->setToken(m_sandbox->token());
        c->setRetryPolicy(quickPolicy());
        return c;
    }
    std::unique_ptr<JobJournal> journal()
    {
        auto j
            = std::make_unique<JobJournal>(m_dir.filePath(QStringLiteral("jobs%1.sqlite").arg(++m_journals)));
        return j->open() ? std::move(j) : nullptr;
    }
    // Runs the job to its end; returns whether it completed.
    bool runToEnd(ApiClient &c, JobJournal &j, qint64 jobId)
    {
        BulkJob job(&c, &j, jobId);
        QSignalSpy finished(&job, &BulkJob::finished);
        if (!job.start())
            return false;
        if (!finished.wait(waitMs) && finished.isEmpty())
            return false;
        return finished.first().at(0).toBool();
    }
    QList<qint64> seededIds(int count)
    {
        QNetworkAccessManager nam;
        const auto answer = SandboxFixture::send(
            nam, "GET", m_sandbox->url(QStringLiteral("/users?per_page=%1").arg(count)));
        QList<qint64> ids;
        for (const QJsonValue &v : QJsonDocument::fromJson(answer.body).array())
            ids.append(v.toObject().value(QLatin1String("id")).toInteger());
        return ids;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_sandbox = std::make_unique<SandboxFixture>(SandboxFixture::defaultConfig(60));
        QVERIFY2(m_sandbox->start(waitMs), qPrintable(m_sandbox->errorString()));
    }

    void init()
    {
        m_sandbox->clearFaults();
        m_sandbox->setRateLimit({});
    }

    void anImportCreatesEachUserOnceAndRecordsIt()
    {
        auto c = client();
        auto j = journal();
        QVERIFY(j);
        QList<JobItem> items;
        for (int i = 0; i < 40; ++i)
            items.append(createItem(person(QStringLiteral("import"), i)));
        const qint64 id = j->createJob(QStringLiteral("import"), m_sandbox->baseUrl().toString(), {}, items);
        QVERIFY(id > 0);
        BulkJob job(c.get(), j.get(), id);
        QSignalSpy itemEnded(&job, &BulkJob::itemFinished);
        QSignalSpy finished(&job, &BulkJob::finished);
        QVERIFY(job.start());
        QVERIFY(finished.wait(waitMs));
        QVERIFY(finished.first().at(0).toBool());
        QCOMPARE(itemEnded.size(), 40);
        QCOMPARE(job.applied(), 40);
        // Read as another process would, through a connection of its own: every outcome is committed
        // (a job holds one outcome back only until it sends its next item or ends).
        JobJournal reader(j->path());
        QVERIFY(reader.open());
        const auto summary = reader.job(id);
        QVERIFY(summary && summary->finished);
        QCOMPARE(summary->applied, 40);
        const QHash<QString, int> onServer = usersMatching(*m_sandbox, QStringLiteral("import."));
        QCOMPARE(onServer.size(), 40);
        for (const JobItem &item : j->items(id)) {
            QCOMPARE(onServer.value(*item.draft.email), 1);
            QVERIFY(item.userId > 0);
            const auto user = userOnServer(*m_sandbox, item.userId.number());
            QVERIFY(user);
            QCOMPARE(user->value(QLatin1String("email")).toString(), *item.draft.email);
        }
    }

    void aPacedJobGetsNo429FromItsFirstRequest()
    {
        // 5 requests per window and 6 in flight: without holding the first wave until the first answer
        // tells the budget, the sixth request is a 429.
        auto c = client();
        c->setMaxInFlight(6);
        auto j = journal();
        QVERIFY(j);
        QList<JobItem> items;
        for (qint64 userId : seededIds(12))
            items.append(targetItem(JobItem::Operation::Update, userId, [] {
                UserDraft d;
                d.status = QStringLiteral("inactive");
                return d;
            }()));
        QCOMPARE(items.size(), 12);
        SandboxRateLimit limit;
        limit.limit = 5;
        limit.windowSeconds = 2;
        m_sandbox->setRateLimit(limit);
        const quint64 limitedBefore = m_sandbox->stats().rateLimited;
        const qint64 id
            = j->createJob(QStringLiteral("bulk-update"), m_sandbox->baseUrl().toString(), {}, items);
        QVERIFY(runToEnd(*c, *j, id));
        QCOMPARE(j->job(id)->applied, 12);
        QCOMPARE(m_sandbox->stats().rateLimited, limitedBefore); // not one 429
    }

    void aResumeReadsBeforeItSendsAgain()
    {
        auto j = journal();
        QVERIFY(j);
        const QList<qint64> seeded = seededIds(30);
        QVERIFY(seeded.size() == 30);
        // What an earlier run, cut off, may or may not have done. Items 0..6 were Sent; their outcome is
        // not in the journal.
        const UserDraft createdBefore = person(QStringLiteral("resume"), 0); // it did arrive
        const UserDraft neverArrived = person(QStringLiteral("resume"), 1);
        const UserDraft takenByOther = person(QStringLiteral("resume"), 2);
        UserDraft other = takenByOther;
        other.name = QStringLiteral("Somebody Else");
        const qint64 createdId = createOnServer(*m_sandbox, createdBefore);
        const qint64 otherId = createOnServer(*m_sandbox, other);
        QVERIFY(createdId > 0 && otherId > 0);
        const qint64 editedBefore = seeded.at(20);
        const qint64 notEditedYet = seeded.at(21);
        const qint64 deletedBefore = seeded.at(22);
        const qint64 notDeletedYet = seeded.at(23);
        UserDraft rename;
        rename.name = QStringLiteral("Renamed By Job");
        {
            QNetworkAccessManager nam;
            QCOMPARE(m_sandbox
                         ->sendAuthorized(nam, "PATCH",
                             m_sandbox->url(QStringLiteral("/users/%1").arg(editedBefore)),
                             QJsonDocument(rename.toJson()).toJson())
                         .status,
                200);
            QCOMPARE(m_sandbox
                         ->sendAuthorized(
                             nam, "DELETE", m_sandbox->url(QStringLiteral("/users/%1").arg(deletedBefore)))
                         .status,
                204);
        }
        const QList<JobItem> items { createItem(createdBefore), createItem(neverArrived),
            createItem(takenByOther), targetItem(JobItem::Operation::Update, editedBefore, rename),
            targetItem(JobItem::Operation::Update, notEditedYet, rename),
            targetItem(JobItem::Operation::Delete, deletedBefore),
            targetItem(JobItem::Operation::Delete, notDeletedYet),
            createItem(person(QStringLiteral("resume"), 3)) }; // 7: never sent
        const qint64 id = j->createJob(QStringLiteral("mixed"), m_sandbox->baseUrl().toString(), {}, items);
        QVERIFY(j->markSent(id, { 0, 1, 2, 3, 4, 5, 6 }));

        const quint64 writesBefore = m_sandbox->stats().writesApplied;
        auto c = client();
        QVERIFY(runToEnd(*c, *j, id)); // complete: every item applied or failed for good
        const QList<JobItem> after = j->items(id);
        QCOMPARE(after.at(0).state, JobItem::State::Applied);
        QCOMPARE(after.at(0).userId, createdId); // the one the earlier run created, not a second one
        // It may as well have existed before the job: found, it is never called created.
        QVERIFY2(!after.at(0).message.contains(QLatin1String("Created")), qPrintable(after.at(0).message));
        QVERIFY2(
            after.at(0).message.contains(QLatin1String("existed before")), qPrintable(after.at(0).message));
        QCOMPARE(after.at(1).state, JobItem::State::Applied);
        QCOMPARE(after.at(2).state, JobItem::State::Failed);
        QVERIFY2(after.at(2).message.contains(QString::number(otherId)), qPrintable(after.at(2).message));
        QCOMPARE(after.at(3).state, JobItem::State::Applied);
        QCOMPARE(after.at(4).state, JobItem::State::Applied);
        QCOMPARE(after.at(5).state, JobItem::State::Applied);
        QCOMPARE(after.at(6).state, JobItem::State::Applied);
        QCOMPARE(after.at(7).state, JobItem::State::Applied);
        // Exactly the writes that had not happened: create 1, edit 4, delete 6, create 7.
        QCOMPARE(m_sandbox->stats().writesApplied - writesBefore, quint64(4));
        const QHash<QString, int> onServer = usersMatching(*m_sandbox, QStringLiteral("resume."));
        for (int i = 0; i < 4; ++i)
            QCOMPARE(onServer.value(*person(QStringLiteral("resume"), i).email), 1);
        QVERIFY(!userOnServer(*m_sandbox, notDeletedYet));
        QCOMPARE(
            userOnServer(*m_sandbox, notEditedYet)->value(QLatin1String("name")).toString(), *rename.name);
    }

    // The email filter matches substrings: a resume reads every page of matches, not the first 100, before
    // it decides that a create never arrived (which would send it again: a 422, the item failed).
    void aResumeReadsEveryPageOfEmailMatches()
    {
        auto j = journal();
        QVERIFY(j);
        const UserDraft d = person(QStringLiteral("deep"), 0);
        const qint64 createdId = createOnServer(*m_sandbox, d); // the earlier run's POST did arrive
        QVERIFY(createdId > 0);
        for (int i = 0; i < 100; ++i) { // newer, so listed before it
            UserDraft longer = person(QStringLiteral("deeper"), i);
            longer.email = QStringLiteral("x%1.").arg(i) + *d.email;
            QVERIFY(createOnServer(*m_sandbox, longer) > 0);
        }
        const qint64 id
            = j->createJob(QStringLiteral("import"), m_sandbox->baseUrl().toString(), {}, { createItem(d) });
        QVERIFY(j->markSent(id, { 0 }));
        const quint64 writesBefore = m_sandbox->stats().writesApplied;
        auto c = client();
        QVERIFY(runToEnd(*c, *j, id));
        const JobItem item = j->items(id).at(0);
        QCOMPARE(item.state, JobItem::State::Applied);
        QCOMPARE(item.userId, createdId);
        QCOMPARE(m_sandbox->stats().writesApplied, writesBefore);
    }

    // A resumed delete: the read finds the user, yet the DELETE then meets a 404, which the earlier run's
    // copy (which may have arrived late) explains: the user is gone, as the job meant.
    void aResumedDeleteAnsweredNotFoundIsGone()
    {
        auto j = journal();
        QVERIFY(j);
        const qint64 target = seededIds(40).at(35);
        FaultProxy proxy(m_sandbox->baseUrl().port());
        QVERIFY(proxy.listen());
        proxy.answerNext("DELETE",
            "HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: "
            "33\r\n\r\n{\"message\":\"Resource not found\"}\n");
        const qint64 id = j->createJob(QStringLiteral("bulk-delete"), proxy.baseUrl().toString(), {},
            { targetItem(JobItem::Operation::Delete, target) });
        QVERIFY(j->markSent(id, { 0 }));
        auto c = client();
        c->setBaseUrl(proxy.baseUrl());
        QVERIFY(runToEnd(*c, *j, id));
        QCOMPARE(proxy.count("GET"), 1);
        QCOMPARE(proxy.count("DELETE"), 1);
        QCOMPARE(j->items(id).at(0).state, JobItem::State::Applied);
    }

    // A first run's delete of a user someone else deleted first: the 404 says, in a full sentence, that
    // the user was already deleted, and counts as gone (applied), not as a failure.
    void aDeleteAnsweredNotFoundCountsAsGone()
    {
        auto j = journal();
        QVERIFY(j);
        const QList<qint64> ids = seededIds(40).mid(36, 2);
        {
            auto other = client();
            QSignalSpy deleted(other.get(), &ApiClient::userDeleted);
            other->deleteUser(ids.at(0));
            QTRY_COMPARE_WITH_TIMEOUT(deleted.count(), 1, 10000);
        }
        const qint64 id = j->createJob(QStringLiteral("bulk-delete"), m_sandbox->baseUrl().toString(), {},
            { targetItem(JobItem::Operation::Delete, ids.at(0)),
                targetItem(JobItem::Operation::Delete, ids.at(1)) });
        auto c = client();
        QVERIFY(runToEnd(*c, *j, id));
        const QList<JobItem> items = j->items(id);
        QCOMPARE(items.at(0).state, JobItem::State::Applied);
        QCOMPARE(
            items.at(0).message, QStringLiteral("User %1 was already deleted on the server.").arg(ids.at(0)));
        QVERIFY(items.at(0).alreadyGone);
        QCOMPARE(items.at(1).state, JobItem::State::Applied);
        QVERIFY(!items.at(1).alreadyGone);
        QCOMPARE(j->job(id)->applied, 2);
        QCOMPARE(j->job(id)->failed, 0);
    }

    void anUnknownOutcomeStaysResumableAndIsSettledOnce()
    {
        auto j = journal();
        QVERIFY(j);
        QList<JobItem> items;
        for (int i = 0; i < 5; ++i)
            items.append(createItem(person(QStringLiteral("unknown"), i)));
        const qint64 id = j->createJob(QStringLiteral("import"), m_sandbox->baseUrl().toString(), {}, items);
        // Every connection breaks after the write was applied: no answer, not even to a look-up.
        SandboxFaults faults;
        faults.dropAfterRate = 1.0;
        m_sandbox->setFaults(faults);
        {
            auto c = client();
            QVERIFY(!runToEnd(*c, *j, id));
        }
        const auto cut = j->job(id);
        QVERIFY(cut && !cut->finished);
        QVERIFY(cut->sent > 0);
        QCOMPARE(j->jobs(true).size(), 1);

        m_sandbox->clearFaults();
        auto c = client();
        QVERIFY(runToEnd(*c, *j, id));
        QCOMPARE(j->job(id)->applied, 5);
        const QHash<QString, int> onServer = usersMatching(*m_sandbox, QStringLiteral("unknown."));
        QCOMPARE(onServer.size(), 5);
        for (int count : onServer)
            QCOMPARE(count, 1);
    }

    void recordCreatesWhoseAnswersWereLostAreSettledOnResume()
    {
        const qint64 userId = seededIds(1).value(0);
        QVERIFY(userId > 0);
        auto j = journal();
        QVERIFY(j);
        QList<JobItem> items;
        for (int i = 0; i < 12; ++i)
            items.append(
                postItem(userId, QStringLiteral("lostpost %1").arg(i), QStringLiteral("Body %1").arg(i)));
        const qint64 id = j->createJob(QStringLiteral("import"), m_sandbox->baseUrl().toString(), {}, items);
        SandboxFaults faults;
        faults.dropAfterRate = 1.0; // applied, but no answer
        m_sandbox->setFaults(faults);
        {
            auto c = client();
            QVERIFY(!runToEnd(*c, *j, id));
        }
        QVERIFY(j->job(id)->sent > 0);
        m_sandbox->clearFaults();
        auto c = client();
        QVERIFY(runToEnd(*c, *j, id));
        QCOMPARE(j->job(id)->applied, 12);
        const QHash<QString, int> onServer = postsMatching(*m_sandbox, QStringLiteral("lostpost "));
        QCOMPARE(onServer.size(), 12);
        for (int count : onServer)
            QCOMPARE(count, 1);
        for (const JobItem &item : j->items(id))
            QVERIFY2(!item.recordId.isNull(), qPrintable(item.source));
    }

    // A file may hold the same post twice: a record already matched to one item is not counted for the
    // other, which is sent; a post that is not there is sent; one that is there is not sent again.
    void aRecordMatchedToOneItemIsNotCountedForItsTwin()
    {
        const qint64 userId = seededIds(1).value(0);
        auto j = journal();
        QVERIFY(j);
        const QList<JobItem> items = { postItem(userId, QStringLiteral("twinpost A"), QStringLiteral("Same")),
            postItem(userId, QStringLiteral("twinpost A"), QStringLiteral("Same")),
            postItem(userId, QStringLiteral("twinpost B"), QStringLiteral("Other")) };
        const qint64 id = j->createJob(QStringLiteral("import"), m_sandbox->baseUrl().toString(), {}, items);
        QVERIFY(j->markSent(id, { 0, 1, 2 }));
        // The earlier run's first POST arrived; its answer was lost.
        QNetworkAccessManager nam;
        const auto created = m_sandbox->sendAuthorized(nam, "POST", m_sandbox->url(QStringLiteral("/posts")),
            QJsonDocument(QJsonObject { { QStringLiteral("user_id"), userId },
                              { QStringLiteral("title"), QStringLiteral("twinpost A") },
                              { QStringLiteral("body"), QStringLiteral("Same") } })
                .toJson());
        QCOMPARE(created.status, 201);
        auto c = client();
        QVERIFY(runToEnd(*c, *j, id));
        const QHash<QString, int> onServer = postsMatching(*m_sandbox, QStringLiteral("twinpost "));
        QCOMPARE(onServer.value(QStringLiteral("twinpost A")), 2);
        QCOMPARE(onServer.value(QStringLiteral("twinpost B")), 1);
        const QList<JobItem> settled = j->items(id);
        QCOMPARE(settled.at(0).recordId.toJson(),
            QJsonDocument::fromJson(created.body).object().value(QLatin1String("id")));
        QVERIFY(settled.at(0).message.contains(QStringLiteral("may have")));
        QVERIFY(settled.at(1).recordId != settled.at(0).recordId);
    }

    void stopLeavesTheJobResumable()
    {
        auto j = journal();
        QVERIFY(j);
        QList<JobItem> items;
        for (int i = 0; i < 30; ++i)
            items.append(createItem(person(QStringLiteral("stop"), i)));
        const qint64 id = j->createJob(QStringLiteral("import"), m_sandbox->baseUrl().toString(), {}, items);
        SandboxFaults slow;
        slow.latencyMs = 100;
        m_sandbox->setFaults(slow);
        {
            auto c = client();
            BulkJob job(c.get(), j.get(), id);
            QSignalSpy itemEnded(&job, &BulkJob::itemFinished);
            QSignalSpy finished(&job, &BulkJob::finished);
            QVERIFY(job.start());
            QTRY_VERIFY_WITH_TIMEOUT(itemEnded.size() >= 3, waitMs);
            job.stop();
            QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 1, waitMs);
            QVERIFY(!finished.first().at(0).toBool());
        }
        QVERIFY(!j->job(id)->finished);
        m_sandbox->clearFaults();
        auto c = client();
        QVERIFY(runToEnd(*c, *j, id));
        const QHash<QString, int> onServer = usersMatching(*m_sandbox, QStringLiteral("stop."));
        QCOMPARE(onServer.size(), 30);
        for (int count : onServer)
            QCOMPARE(count, 1);
    }
    void aCancelFromOutsideStopsTheJob()
    {
        // The CLI's SIGINT and the window's quit cancel the client's requests: the job must send nothing
        // more, and stay resumable.
        auto j = journal();
        QVERIFY(j);
        QList<JobItem> items;
        for (int i = 0; i < 40; ++i)
            items.append(createItem(person(QStringLiteral("cancel"), i)));
        const qint64 id = j->createJob(QStringLiteral("import"), m_sandbox->baseUrl().toString(), {}, items);
        SandboxFaults slow;
        slow.latencyMs = 100;
        m_sandbox->setFaults(slow);
        {
            auto c = client();
            BulkJob job(c.get(), j.get(), id);
            QSignalSpy itemEnded(&job, &BulkJob::itemFinished);
            QSignalSpy finished(&job, &BulkJob::finished);
            QVERIFY(job.start());
            QTRY_VERIFY_WITH_TIMEOUT(itemEnded.size() >= 3, waitMs);
            c->cancelAll();
            QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 1, 5000);
            QVERIFY(!finished.first().at(0).toBool());
        }
        const auto cut = j->job(id);
        QVERIFY(cut->pending > 0); // the rest was never sent
        m_sandbox->clearFaults();
        auto c = client();
        QVERIFY(runToEnd(*c, *j, id));
        const QHash<QString, int> onServer = usersMatching(*m_sandbox, QStringLiteral("cancel."));
        QCOMPARE(onServer.size(), 40);
        for (int count : onServer)
            QCOMPARE(count, 1);
    }

    void aDeleteUndoneWithinItsGracePeriodSendsNothing()
    {
        auto c = client();
        auto j = journal();
        QVERIFY(j);
        const QList<qint64> ids = seededIds(3);
        const quint64 writes = m_sandbox->stats().writesApplied;
        DeferredDelete pending(c.get(), j.get(), QList<ResourceId>(ids.cbegin(), ids.cend()), 300);
        QSignalSpy undone(&pending, &DeferredDelete::undone);
        QSignalSpy sending(&pending, &DeferredDelete::sending);
        pending.start();
        QTest::qWait(50);
        QVERIFY(pending.remainingMs() > 0);
        QVERIFY(pending.undo());
        QCOMPARE(undone.size(), 1);
        QTest::qWait(600); // well past the grace period
        QVERIFY(sending.isEmpty());
        QVERIFY(!pending.undo());
        QCOMPARE(m_sandbox->stats().writesApplied, writes);
        for (qint64 id : ids)
            QVERIFY(userOnServer(*m_sandbox, id));
        QVERIFY(j->jobs().isEmpty());
    }

    void aDeleteGoesOutWhenItsGracePeriodEnds()
    {
        auto c = client();
        auto j = journal();
        QVERIFY(j);
        const QList<qint64> ids = seededIds(3);
        const quint64 writes = m_sandbox->stats().writesApplied;
        DeferredDelete pending(c.get(), j.get(), QList<ResourceId>(ids.cbegin(), ids.cend()), 300);
        QSignalSpy finished(&pending, &DeferredDelete::finished);
        pending.start();
        QTest::qWait(100);
        QCOMPARE(m_sandbox->stats().writesApplied, writes); // held back while it can be undone
        QVERIFY(finished.wait(waitMs));
        QVERIFY(finished.first().at(0).toBool());
        QVERIFY(!pending.undo());
        QCOMPARE(m_sandbox->stats().writesApplied, writes + 3);
        for (qint64 id : ids)
            QVERIFY(!userOnServer(*m_sandbox, id));
        const auto job = j->job(pending.jobId());
        QVERIFY(job && job->finished);
        QCOMPARE(job->applied, 3);
    }
};

QTEST_GUILESS_MAIN(TestBulkJob)
#include "tst_bulkjob.moc"
