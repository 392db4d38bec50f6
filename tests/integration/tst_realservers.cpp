#include "apiclient.h"
#include "cannedserver.h"
#include "jsonserverfixture.h"
#include "requestlog.h"
#include "usertablemodel.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#define QVERIFY_RETURN_VALUE(cond, value)                                                                    \
    do {                                                                                                     \
        if (!QTest::qVerify(static_cast<bool>(cond), #cond, "", __FILE__, __LINE__))                         \
            return value;                                                                                    \
    } while (false)

using namespace UserDesk;

namespace {
constexpr int jsonServerUsers = 500;

// A server that ignores the paging parameters: every page is the same `count` users.
QByteArray samePageEveryTime(int count)
{
    QByteArray body = "[";
    for (int id = 1; id <= count; ++id) {
        body += (id > 1 ? "," : "") + QByteArray("{\"id\":") + QByteArray::number(id)
            + ",\"name\":\"Same\",\"email\":\"same" + QByteArray::number(id)
            + "@x.test\",\"gender\":\"male\",\"status\":\"active\"}";
    }
    return body + "]";
}
} // namespace

// The CLI and the table model against servers that are not GoRest: json-server 0.17 and 1.x from npm,
// and scripted servers that misbehave the way real ones were seen to. Every walk through pages ends.
class TstRealServers : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    struct Run
    {
        int exitCode = -1; // -1: still running when the test gave up, and killed
        qint64 elapsedMs = 0;
        QByteArray out;
        QByteArray err;
    };

    Run cli(const QUrl &endpoint, const QStringList &args, int timeoutMs = 30000)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("USERDESK_TOKEN"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        p.setProcessEnvironment(env);
        QElapsedTimer timer;
        timer.start();
        p.start(QStringLiteral(USERDESK_CLI_PATH),
            QStringList { QStringLiteral("--endpoint"), endpoint.toString(), QStringLiteral("--no-keychain") }
                + args);
        Run r;
        // Waits with the event loop running: a scripted server in this process must go on answering.
        QVERIFY_RETURN_VALUE(p.waitForStarted(timeoutMs), r);
        while (p.state() != QProcess::NotRunning && timer.elapsed() < timeoutMs)
            QTest::qWait(20);
        if (p.state() != QProcess::NotRunning) {
            p.kill();
            p.waitForFinished(5000);
            r.err = p.readAllStandardError();
            return r;
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
        r.elapsedMs = timer.elapsed();
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

    static QSet<QByteArray> csvIds(const QByteArray &out, int *lines = nullptr)
    {
        const QList<QByteArray> rows = out.trimmed().split('\n');
        QSet<QByteArray> ids;
        for (qsizetype i = 1; i < rows.size(); ++i)
            ids.insert(rows[i].split(',').first());
        if (lines)
            *lines = static_cast<int>(rows.size()) - 1;
        return ids;
    }

    // Drives the model the way a view does: fetchMore whenever rows arrive and it can, for `ms`.
    static void scrollToTheEnd(UserTableModel &model, int ms)
    {
        QObject::connect(&model, &QAbstractItemModel::rowsInserted, &model, [&model] {
            if (model.canFetchMore({}))
                model.fetchMore({});
        });
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < ms) {
            if (model.canFetchMore({}))
                model.fetchMore({});
            QTest::qWait(20);
        }
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void cliAllEndsWhenEveryPageIsTheSame()
    {
        // Finding: `users list --all` on a server that ignores paging asked for page after page forever.
        CannedServer server;
        QVERIFY(server.listen());
        server.setHandler(
            [](const CannedServer::Request &) { return CannedServer::response(200, samePageEveryTime(5)); });
        const Run r = cli(server.baseUrl(),
            { QStringLiteral("users"), QStringLiteral("list"), QStringLiteral("--all"),
                QStringLiteral("--per-page"), QStringLiteral("5"), QStringLiteral("--format"),
                QStringLiteral("csv") },
            20000);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        int lines = 0;
        QCOMPARE(csvIds(r.out, &lines).size(), 5);
        QCOMPARE(lines, 5); // every user once
        QVERIFY2(r.err.contains("repeated page 1"), r.err.constData());
        // The first wave plus at most one page per request in flight: nothing like a loop.
        QVERIFY2(server.requests().size() <= 12, QByteArray::number(server.requests().size()).constData());
    }

    void cliAllEndsAtThePageCap()
    {
        // A server that always has one more page of new users: the cap ends the walk, exit 1, and says so.
        CannedServer server;
        QVERIFY(server.listen());
        server.setHandler([](const CannedServer::Request &r) {
            const int page = QUrlQuery(QUrl(QString::fromLatin1(r.target)))
                                 .queryItemValue(QStringLiteral("page"))
                                 .toInt();
            const QByteArray id = QByteArray::number(page);
            return CannedServer::response(200,
                "[{\"id\":" + id + ",\"name\":\"N\",\"email\":\"e" + id
                    + "@x.test\",\"gender\":\"male\",\"status\":\"active\"}]");
        });
        const Run r = cli(server.baseUrl(),
            { QStringLiteral("users"), QStringLiteral("list"), QStringLiteral("--all"),
                QStringLiteral("--per-page"), QStringLiteral("1"), QStringLiteral("--max-pages"),
                QStringLiteral("7"), QStringLiteral("--format"), QStringLiteral("csv") },
            20000);
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(csvIds(r.out).size(), 7);
        QVERIFY2(r.err.contains("after 7 pages"), r.err.constData());
    }

    void cliAllOnJsonServer017()
    {
        // Finding: json-server 0.17.4 ignores page/per_page; --all never ended and grew without bound.
        JsonServerFixture server(JsonServerFixture::Version::V0_17);
        QVERIFY2(server.start(JsonServerFixture::users(jsonServerUsers)), qPrintable(server.errorString()));
        const Run r = cli(server.baseUrl(),
            { QStringLiteral("users"), QStringLiteral("list"), QStringLiteral("--all"),
                QStringLiteral("--format"), QStringLiteral("csv") });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        int lines = 0;
        QCOMPARE(csvIds(r.out, &lines).size(), jsonServerUsers);
        QCOMPARE(lines, jsonServerUsers);
    }

    void tableModelStopsWhenEveryPageIsTheSame()
    {
        // Finding: scrolling to the end started about 100 requests a second until the profile changed.
        CannedServer server;
        QVERIFY(server.listen());
        server.setHandler(
            [](const CannedServer::Request &) { return CannedServer::response(200, samePageEveryTime(20)); });
        ApiClient client;
        client.setBaseUrl(server.baseUrl());
        UserTableModel model(&client);
        model.setPageSize(20);
        QSignalSpy stopped(&model, &UserTableModel::pagingStopped);
        model.reload();
        scrollToTheEnd(model, 2000);
        QCOMPARE(model.rowCount(), 20);
        QVERIFY2(server.requests().size() <= 3, QByteArray::number(server.requests().size()).constData());
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(stopped.count(), 1);
        QVERIFY(model.pagingStopReason().contains(QLatin1String("repeated")));
    }

    void tableModelStopsOnJsonServerThatIgnoresPaging()
    {
        JsonServerFixture server(JsonServerFixture::Version::V0_17);
        QVERIFY2(server.start(JsonServerFixture::users(jsonServerUsers)), qPrintable(server.errorString()));
        ApiClient client;
        client.setBaseUrl(server.baseUrl());
        // ignored
        UserTableModel model(&client);
        model.setPageSize(20);
        model.reload();
        scrollToTheEnd(model, 2000);
        QCOMPARE(model.rowCount(), jsonServerUsers);
        QVERIFY2(
            client.requestLog()->size() <= 3, QByteArray::number(client.requestLog()->size()).constData());
        QVERIFY(!model.canFetchMore({}));
        QVERIFY(!model.pagingStopReason().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstRealServers)
#include "tst_realservers.moc"
