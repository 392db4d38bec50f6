#include "apiclient.h"
#include "sandboxfixture.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace UserDesk;

namespace {
const QString domain = QStringLiteral("@soak.test");

// What the test meant the server to hold for one user, and what it was told happened.
struct Intent
{
    UserDraft draft;
    ResourceId id;
    bool created = false; // the client reported the create as done
    bool createGivenUp = false; // the client reported the create as failed
    std::optional<QString> newStatus; // an update that was reported done
    bool updateGivenUp = false;
    bool deleted = false; // a delete that was reported done (or found it already gone)
    bool deleteGivenUp = false;
    bool unknown = false; // the client said it could not tell whether its last write was applied
    QString unknownCreate; // why a create was unknown
};

int soakOperations()
{
    bool ok = false;
    const int n = qEnvironmentVariableIntValue("USERDESK_SOAK_OPS", &ok);
    return ok && n > 0 ? n : 400;
}
} // namespace

// Mixed CRUD through ApiClient against a sandbox that fails 30% of answers with 503, drops 10% of
// connections (before and after applying the write), truncates 5% of bodies and adds jittered latency.
// At the end the database must hold exactly what the client reported: no lost write, no duplicate, and
// every operation it gave up on reported as failed. USERDESK_SOAK_OPS sets the size (./dev soak: 5000).
class TestChaosSoak : public QObject
{
    Q_OBJECT

private slots:
    void soak_data()
    {
        QTest::addColumn<int>("attempts");
        // Twelve attempts: giving up should be rare. Two: many writes end failed or unknown, and each
        // reported outcome must still match the server.
        QTest::newRow("patient") << 12;
        QTest::newRow("impatient") << 2;
    }

    void soak()
    {
        QFETCH(int, attempts);
        SandboxFixture sandbox(SandboxFixture::defaultConfig(20));
        QVERIFY2(sandbox.start(), qPrintable(sandbox.errorString()));

        const int operations = soakOperations();
        // Each user gets a create and then at most one change, so the intended state is unambiguous;
        // gets are sprinkled in for read traffic.
        const int users = std::max(10, operations / 2);

        ApiClient client;
        client.setBaseUrl(sandbox.baseUrl());
        client.setToken(sandbox.token());
        client.setTimeout(5000);
        RetryPolicy policy;
        policy.maxAttempts = attempts;
        policy.baseDelayMs = 5;
        policy.capDelayMs = 100;
        policy.maxTotalMs = 120000;
        client.setRetryPolicy(policy);

        SandboxFaults faults;
        faults.failRate = 0.30;
        faults.dropBeforeRate = 0.05;
        faults.dropAfterRate = 0.05;
        faults.truncateRate = 0.05;
        faults.retryAfterSeconds = 0; // 503s without a hint: the client's own backoff, 5 to 100 ms
        faults.latencyMs = 2;
        faults.jitterMs = 8;
        faults.seed = qEnvironmentVariableIsSet("USERDESK_SOAK_SEED")
            ? qEnvironmentVariable("USERDESK_SOAK_SEED").toULongLong()
            : 20261125;
        sandbox.setFaults(faults);

        QHash<ApiClient::RequestId, int> createOf, updateOf, deleteOf;
        QSet<ApiClient::RequestId> gets;
        QHash<ApiClient::RequestId, int> endings;
        QList<Intent> intents(users);
        int retries = 0;
        int issued = 0;

        connect(&client, &ApiClient::retryScheduled, this, [&] { ++retries; });
        QRandomGenerator rng(42);
        auto startChange = [&](int i) {
            Intent &in = intents[i];
            const int roll = rng.bounded(3);
            if (roll == 0) {
                deleteOf.insert(client.deleteUser(in.id), i);
            } else {
                UserDraft change;
                change.status = in.draft.status == QLatin1String("active") ? QStringLiteral("inactive")
                                                                           : QStringLiteral("active");
                updateOf.insert(client.updateUser(in.id, change), i);
            }
            ++issued;
        };
        connect(&client, &ApiClient::userCreated, this, [&](auto id, const User &u) {
            ++endings[id];
            const int i = createOf.value(id, -1);
            QVERIFY(i >= 0);
            intents[i].created = true;
            intents[i].id = u.id;
            if (issued < operations && rng.bounded(4) != 0)
                startChange(i);
            if (issued < operations && rng.bounded(2) == 0) {
                gets.insert(client.getUser(u.id));
                ++issued;
            }
        });
        connect(&client, &ApiClient::userUpdated, this, [&](auto id, const User &u) {
            ++endings[id];
            const int i = updateOf.value(id, -1);
            if (i >= 0)
                intents[i].newStatus = u.status;
        });
        connect(&client, &ApiClient::userReceived, this, [&](auto id, const User &) { ++endings[id]; });
        connect(&client, &ApiClient::userDeleted, this, [&](auto id, const ResourceId &) {
            ++endings[id];
            intents[deleteOf.value(id)].deleted = true;
        });
        connect(&client, &ApiClient::requestFailed, this, [&](auto id, const ApiError &e) {
            ++endings[id];
            if (!gets.contains(id)) // a get may race the delete of its user; that is the test's doing
                qInfo("soak: gave up on request %llu: %s", id, qPrintable(e.userMessage()));
            // A failure is a promise too: not applied. Only "unknown" promises nothing.
            const bool unknown = e.kind() == ApiError::Kind::Unknown;
            if (createOf.contains(id)) {
                intents[createOf.value(id)].createGivenUp = true;
                intents[createOf.value(id)].unknown = unknown;
                if (unknown)
                    intents[createOf.value(id)].unknownCreate = e.userMessage();
            } else if (updateOf.contains(id)) {
                intents[updateOf.value(id)].updateGivenUp = true;
                intents[updateOf.value(id)].unknown = unknown;
            } else if (deleteOf.contains(id)) {
                intents[deleteOf.value(id)].deleteGivenUp = true;
                intents[deleteOf.value(id)].unknown = unknown;
            }
        });

        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < users; ++i) {
            Intent &in = intents[i];
            in.draft.name = QStringLiteral("Soak User %1").arg(i);
            in.draft.email = QStringLiteral("soak.%1").arg(i) + domain;
            in.draft.gender = i % 2 ? QStringLiteral("male") : QStringLiteral("female");
            in.draft.status = QStringLiteral("active");
            createOf.insert(client.createUser(in.draft), i);
            ++issued;
        }
        // Nothing is emitted from inside the calls above, so idle() is still to come: it must, not merely
        // the counts reaching zero.
        QSignalSpy idle(&client, &ApiClient::idle);
        QVERIFY2(idle.wait(600000), "idle() never came");
        QTRY_VERIFY_WITH_TIMEOUT(client.inFlightCount() + client.queuedCount() == 0, 600000);
        const qint64 elapsed = timer.elapsed();
        sandbox.setFaults({});

        // Exactly one ending per request.
        const int requests
            = static_cast<int>(createOf.size() + updateOf.size() + deleteOf.size() + gets.size());
        QCOMPARE(endings.size(), requests);
        for (auto it = endings.cbegin(); it != endings.cend(); ++it)
            QCOMPARE(it.value(), 1);

        // What the server holds now, read without faults by a plain QNAM, page by page.
        QHash<QString, QJsonObject> server;
        QNetworkAccessManager nam;
        for (int page = 1;; ++page) {
            const auto answer = SandboxFixture::send(nam, "GET",
                sandbox.url(QStringLiteral("/users?email=soak.test&per_page=100&page=%1").arg(page)));
            QCOMPARE(answer.status, 200);
            const QJsonArray items = QJsonDocument::fromJson(answer.body).array();
            for (const QJsonValue &v : items) {
                const QJsonObject o = v.toObject();
                const QString email = o.value(QLatin1String("email")).toString();
                QVERIFY2(!server.contains(email), qPrintable(QStringLiteral("duplicate user ") + email));
                server.insert(email, o);
            }
            if (items.size() < 100)
                break;
        }

        // Every item's reported outcome against the server: applied means present (or absent) as intended,
        // failed means not applied; only "unknown" is excused.
        int createsGivenUp = 0, changesGivenUp = 0, deleted = 0, updated = 0, unknowns = 0, foundUnknown = 0;
        for (const Intent &in : std::as_const(intents)) {
            const QString email = *in.draft.email;
            const bool present = server.contains(email);
            // The cheaper create rule: a create whose answer was lost and whose user was then found is
            // unknown only as to whether that user existed before, and names it; not a give-up (the look-up
            // before every POST that used to settle it doubled every create).
            const qint64 foundId = present
                ? static_cast<qint64>(server.value(email).value(QLatin1String("id")).toDouble())
                : 0;
            if (in.unknown && present && in.unknownCreate.contains(QStringLiteral("user %1 ").arg(foundId))) {
                ++foundUnknown;
                continue;
            }
            if (in.unknown) {
                ++unknowns;
                continue;
            }
            if (in.createGivenUp) {
                ++createsGivenUp;
                QVERIFY2(
                    !present, qPrintable(QStringLiteral("create reported failed but applied: ") + email));
                continue;
            }
            QVERIFY2(in.created, qPrintable(email));
            if (in.deleted) {
                QVERIFY2(!present,
                    qPrintable(QStringLiteral("deleted but still there: ") + email
                        + QStringLiteral(" id %1").arg(in.id.toString())));
                ++deleted;
                continue;
            }
            QVERIFY2(present,
                qPrintable((in.deleteGivenUp ? QStringLiteral("delete reported failed but applied: ")
                                             : QStringLiteral("lost: "))
                    + email));
            const QJsonObject o = server.value(email);
            QCOMPARE(static_cast<qint64>(o.value(QLatin1String("id")).toDouble()), in.id);
            QCOMPARE(o.value(QLatin1String("name")).toString(), *in.draft.name);
            // A failed update left the status as it was.
            const QString expectedStatus = in.newStatus.value_or(*in.draft.status);
            QVERIFY2(o.value(QLatin1String("status")).toString() == expectedStatus,
                qPrintable((in.updateGivenUp ? QStringLiteral("update reported failed but applied: ")
                                             : QStringLiteral("update lost: "))
                    + email));
            changesGivenUp += in.deleteGivenUp || in.updateGivenUp;
            updated += in.newStatus.has_value();
        }
        // No user the test never asked for.
        QVERIFY(server.size() <= users);

        const SandboxStats stats = sandbox.stats();
        qInfo("soak: %d requests (%d users) in %lld ms; %d retries; server: %llu injected 503, %llu dropped "
              "before, "
              "%llu dropped after, %llu truncated; %d updated, %d deleted; given up: %d creates, %d changes; "
              "%d unknown; %d creates unknown with their user found",
            requests, users, elapsed, retries, stats.injected503, stats.dropsBefore, stats.dropsAfter,
            stats.truncated, updated, deleted, createsGivenUp, changesGivenUp, unknowns, foundUnknown);
        QVERIFY(
            stats.injected503 > 0 && stats.dropsAfter > 0 && stats.dropsBefore > 0 && stats.truncated > 0);
        // With twelve attempts per request, giving up should be rare; a flood of give-ups is a bug.
        if (attempts >= 12)
            QVERIFY(createsGivenUp + changesGivenUp + unknowns <= std::max(2, requests / 100));
        else
            QVERIFY(createsGivenUp + changesGivenUp > 0); // the failure half of the check did run
    }
};

QTEST_GUILESS_MAIN(TestChaosSoak)
#include "tst_chaossoak.moc"
