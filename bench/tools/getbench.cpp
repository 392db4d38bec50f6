// Many small GETs through ApiClient::getUser with a ceiling on requests in flight; prints one JSON line
// with the requests per second, for comparison with wrk on the same server.
//   userdesk-getbench --endpoint URL --first 7000001 --ids 10000 --requests 5000 --concurrency 6
#include "apiclient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>
#include <cstdio>

using namespace UserDesk;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    p.addOptions({ { QStringLiteral("endpoint"), QStringLiteral("API base URL."), QStringLiteral("url") },
        { QStringLiteral("first"), QStringLiteral("First user id."), QStringLiteral("id"),
            QStringLiteral("7000001") },
        { QStringLiteral("ids"), QStringLiteral("Ids to cycle through."), QStringLiteral("n"),
            QStringLiteral("10000") },
        { QStringLiteral("requests"), QStringLiteral("GETs in all."), QStringLiteral("n"),
            QStringLiteral("5000") },
        { QStringLiteral("concurrency"), QStringLiteral("ApiClient::setMaxInFlight."), QStringLiteral("n"),
            QStringLiteral("6") } });
    p.process(app);
    const qint64 first = p.value(QStringLiteral("first")).toLongLong();
    const int idCount = std::max(1, p.value(QStringLiteral("ids")).toInt());
    const int requests = p.value(QStringLiteral("requests")).toInt();

    ApiClient client;
    client.setBaseUrl(QUrl(p.value(QStringLiteral("endpoint"))));
    client.setMaxInFlight(p.value(QStringLiteral("concurrency")).toInt());

    int ok = 0, failed = 0;
    QElapsedTimer clock;
    auto done = [&] {
        if (ok + failed == requests)
            app.quit();
    };
    QObject::connect(&client, &ApiClient::userReceived, &app, [&](ApiClient::RequestId, const User &) {
        ++ok;
        done();
    });
    QObject::connect(&client, &ApiClient::requestFailed, &app, [&](ApiClient::RequestId, const ApiError &) {
        ++failed;
        done();
    });
    clock.start();
    // Everything is queued at once; the client's in-flight ceiling decides how many run together.
    for (int i = 0; i < requests; ++i)
        client.getUser(first + (i % idCount));
    if (requests > 0)
        app.exec();
    const double ms = double(clock.nsecsElapsed()) / 1e6;
    QJsonObject out;
    out[QStringLiteral("requests")] = requests;
    out[QStringLiteral("ok")] = ok;
    out[QStringLiteral("failed")] = failed;
    out[QStringLiteral("elapsed_ms")] = ms;
    out[QStringLiteral("rps")] = ms > 0 ? ok / (ms / 1000.0) : 0.0;
    std::fputs(QJsonDocument(out).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputc('\n', stdout);
    return failed == 0 ? 0 : 1;
}
