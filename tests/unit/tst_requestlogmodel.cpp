#include "apiclient.h"
#include "requestlog.h"
#include "requestlogmodel.h"
#include "sandboxfixture.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace UserDesk;

class TestRequestLogModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void followsTheRing();
    void followsALiveClient();

private:
    static HttpExchange exchange(const char *method, const QString &path)
    {
        HttpExchange ex;
        ex.method = method;
        ex.url = QUrl(QStringLiteral("http://127.0.0.1/public/v2") + path);
        ex.requestHeaders = { { "Authorization", "Bearer secret-token" } };
        return ex;
    }
};

void TestRequestLogModel::followsTheRing()
{
    RequestLog log;
    log.setCapacity(3);
    RequestLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setLog(&log);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(RequestLogModel::ColumnCount));

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    const quint64 first = log.append(exchange("GET", QStringLiteral("/users?page=1")));
    log.append(exchange("POST", QStringLiteral("/users")));
    log.append(exchange("DELETE", QStringLiteral("/users/7")));
    QCOMPARE(inserted.count(), 3);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, RequestLogModel::MethodColumn).data().toString(), QStringLiteral("GET"));
    QCOMPARE(model.index(2, RequestLogModel::MethodColumn).data().toString(), QStringLiteral("DELETE"));
    QVERIFY(model.index(1, RequestLogModel::UrlColumn).data().toString().endsWith(QLatin1String("/users")));

    // An answer arriving updates its row in place.
    log.update(first, [](HttpExchange &ex) {
        ex.finished = true;
        ex.httpStatus = 200;
        ex.elapsedMs = 42;
    });
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 0);
    QCOMPARE(model.index(0, RequestLogModel::StatusColumn).data().toInt(), 200);
    QCOMPARE(model.index(0, RequestLogModel::TimeColumn).data().toLongLong(), 42);

    // A full ring drops the oldest row as it takes a new one.
    log.append(exchange("PATCH", QStringLiteral("/users/8")));
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(1).toInt(), 0);
    QCOMPARE(removed.at(0).at(2).toInt(), 0);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, RequestLogModel::MethodColumn).data().toString(), QStringLiteral("POST"));
    QCOMPARE(model.index(2, RequestLogModel::MethodColumn).data().toString(), QStringLiteral("PATCH"));

    log.setCapacity(1);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, RequestLogModel::MethodColumn).data().toString(), QStringLiteral("PATCH"));

    log.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestRequestLogModel::followsALiveClient()
{
    SandboxFixture sandbox(SandboxFixture::defaultConfig(15));
    QVERIFY2(sandbox.start(), qPrintable(sandbox.errorString()));
    ApiClient client;
    client.setBaseUrl(sandbox.baseUrl());
    client.setToken(sandbox.token());
    RequestLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setLog(client.requestLog());

    QSignalSpy pages(&client, &ApiClient::usersPageReceived);
    const auto id = client.listUsers(1, 5);
    QTRY_COMPARE_WITH_TIMEOUT(pages.count(), 1, 20000);
    const int row = model.lastRowOfRequest(id);
    QVERIFY(row >= 0);
    QCOMPARE(model.index(row, RequestLogModel::StatusColumn).data().toInt(), 200);
    QVERIFY(model.index(row, RequestLogModel::TimeColumn).data().toLongLong() >= 0);
    QCOMPARE(model.index(row, RequestLogModel::AttemptColumn).data().toInt(), 1);
    // The token never reaches what the dock shows.
    const HttpExchange *ex = model.exchangeAt(row);
    QVERIFY(ex);
    QVERIFY(!headerValue(ex->requestHeaders, "Authorization").contains(sandbox.token().toLatin1()));
}

QTEST_GUILESS_MAIN(TestRequestLogModel)
#include "tst_requestlogmodel.moc"
