// Times a bulk create, then an update of each created user, then a bulk delete, all through ApiClient
// (createUsers / updateUser / deleteUsers), the way the app's bulk actions use it. Prints one JSON line.
//   USERDESK_TOKEN=T userdesk-crudbench --endpoint URL --count 1000 --concurrency 6 [--tag TAG]
#include "apiclient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QUrl>
#include <cstdio>

using namespace UserDesk;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    p.addOptions({ { QStringLiteral("endpoint"), QStringLiteral("API base URL."), QStringLiteral("url") },
        { QStringLiteral("count"), QStringLiteral("Users to create, update, delete."), QStringLiteral("n"),
            QStringLiteral("1000") },
        { QStringLiteral("concurrency"), QStringLiteral("ApiClient::setMaxInFlight."), QStringLiteral("n"),
            QStringLiteral("6") },
        { QStringLiteral("tag"), QStringLiteral("Makes this run's emails unique."), QStringLiteral("tag"),
            QStringLiteral("crud") } });
    p.process(app);
    const int count = p.value(QStringLiteral("count")).toInt();
    const QString tag = p.value(QStringLiteral("tag"));

    ApiClient client;
    client.setBaseUrl(QUrl(p.value(QStringLiteral("endpoint"))));
    client.setToken(QProcessEnvironment::systemEnvironment().value(QStringLiteral("USERDESK_TOKEN")));
    client.setMaxInFlight(p.value(QStringLiteral("concurrency")).toInt());

    QList<UserDraft> drafts;
    drafts.reserve(count);
    for (int i = 0; i < count; ++i) {
        UserDraft d;
        d.name = QStringLiteral("Bench User %1").arg(i);
        d.email = QStringLiteral("bench.%1.%2@bench.example").arg(tag).arg(i);
        d.gender = i % 2 ? QStringLiteral("male") : QStringLiteral("female");
        d.status = QStringLiteral("active");
        drafts.append(d);
    }

    QEventLoop loop;
    QElapsedTimer clock;
    QJsonObject out;
    int failures = 0;
    QList<ResourceId> ids;

    // 1. create
    clock.start();
    const auto createBulk = client.createUsers(drafts);
    auto c1 = QObject::connect(&client, &ApiClient::bulkFinished, &loop,
        [&](ApiClient::RequestId bulk, const QList<BulkItemResult> &results) {
            if (bulk != createBulk)
                return;
            for (const BulkItemResult &r : results) {
                if (r.ok)
                    ids.append(r.userId);
                else
                    ++failures;
            }
            loop.quit();
        });
    loop.exec();
    out[QStringLiteral("create_ms")] = double(clock.nsecsElapsed()) / 1e6;
    out[QStringLiteral("created")] = int(ids.size());
    QObject::disconnect(c1);

    // 2. update each created user (PATCH of one field), all queued at once like a bulk edit would be
    clock.restart();
    int pending = int(ids.size());
    QSet<ApiClient::RequestId> updates;
    int updated = 0;
    auto endOne = [&](ApiClient::RequestId id, bool ok) {
        if (!updates.remove(id))
            return;
        ok ? ++updated : ++failures;
        if (--pending == 0)
            loop.quit();
    };
    auto u1 = QObject::connect(&client, &ApiClient::userUpdated, &loop,
        [&](ApiClient::RequestId id, const User &) { endOne(id, true); });
    auto u2 = QObject::connect(&client, &ApiClient::requestFailed, &loop,
        [&](ApiClient::RequestId id, const ApiError &) { endOne(id, false); });
    for (const ResourceId &id : std::as_const(ids)) {
        UserDraft change;
        change.status = QStringLiteral("inactive");
        updates.insert(client.updateUser(id, change));
    }
    if (pending > 0)
        loop.exec();
    out[QStringLiteral("update_ms")] = double(clock.nsecsElapsed()) / 1e6;
    out[QStringLiteral("updated")] = updated;
    QObject::disconnect(u1);
    QObject::disconnect(u2);

    // 3. delete them all in one bulk call
    clock.restart();
    int deleted = 0;
    const auto deleteBulk = client.deleteUsers(ids);
    QObject::connect(&client, &ApiClient::bulkFinished, &loop,
        [&](ApiClient::RequestId bulk, const QList<BulkItemResult> &results) {
            if (bulk != deleteBulk)
                return;
            for (const BulkItemResult &r : results)
                r.ok ? ++deleted : ++failures;
            loop.quit();
        });
    loop.exec();
    out[QStringLiteral("delete_ms")] = double(clock.nsecsElapsed()) / 1e6;
    out[QStringLiteral("deleted")] = deleted;
    out[QStringLiteral("failures")] = failures;
    out[QStringLiteral("total_ms")] = out[QStringLiteral("create_ms")].toDouble()
        + out[QStringLiteral("update_ms")].toDouble() + out[QStringLiteral("delete_ms")].toDouble();
    std::fputs(QJsonDocument(out).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputc('\n', stdout);
    return failures == 0 && deleted == count ? 0 : 1;
}
