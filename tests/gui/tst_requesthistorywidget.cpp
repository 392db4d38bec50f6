// The request log pane keeps what earlier runs exchanged (through RequestHistory on a real SQLite file)
// and finds exchanges by method, status or URL.
#include "requesthistory.h"
#include "requestlog.h"
#include "requestlogmodel.h"
#include "requestlogwidget.h"

#include <QApplication>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace UserDesk;

namespace {
HttpExchange exchange(const QByteArray &method, const QString &url, int status, quint64 requestId)
{
    HttpExchange e;
    e.requestId = requestId;
    e.method = method;
    e.url = QUrl(url);
    e.httpStatus = status;
    e.startedAt = QDateTime::currentDateTimeUtc();
    e.finished = true;
    return e;
}

QStringList visibleMethods(RequestLogWidget &widget)
{
    auto *table = widget.findChild<QTableView *>(QStringLiteral("logTable"));
    QStringList methods;
    for (int row = 0; row < widget.model()->rowCount(); ++row) {
        if (!table->isRowHidden(row))
            methods.append(QString::fromLatin1(widget.model()->exchangeAt(row)->method));
    }
    return methods;
}
} // namespace

class TestRequestHistoryWidget : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theLogSurvivesARestart()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        {
            RequestHistory history;
            QVERIFY(history.open(path));
            RequestLog log;
            RequestLogWidget widget;
            widget.setLog(&log);
            widget.keepHistory(&history);
            QCOMPARE(widget.model()->rowCount(), 0);
            log.append(exchange("GET", QStringLiteral("http://x.test/public/v2/users?page=1"), 200, 1));
            log.append(exchange("DELETE", QStringLiteral("http://x.test/public/v2/users/5"), 404, 2));
            log.append(exchange("POST", QStringLiteral("http://x.test/public/v2/users"), 201, 3));
            QCOMPARE(history.count(), 3);
        }
        // The next run.
        RequestHistory history;
        QVERIFY(history.open(path));
        RequestLog log;
        RequestLogWidget widget;
        widget.setLog(&log);
        widget.keepHistory(&history);
        QCOMPARE(widget.model()->rowCount(), 3);
        QCOMPARE(widget.model()->exchangeAt(1)->method, QByteArray("DELETE"));
        // Ids start at 1 again in every run: an old exchange must not pass for a new request's.
        QVERIFY(!widget.hasRequest(2));
        log.append(exchange("PATCH", QStringLiteral("http://x.test/public/v2/users/7"), 200, 1));
        QCOMPARE(history.count(), 4);
        QVERIFY(widget.hasRequest(1));
        QCOMPARE(widget.model()->exchangeAt(3)->method, QByteArray("PATCH"));
    }

    void searchFindsMethodStatusAndUrl()
    {
        RequestLog log;
        RequestLogWidget widget;
        widget.setLog(&log);
        log.append(exchange("GET", QStringLiteral("http://x.test/public/v2/users?page=1"), 200, 1));
        log.append(exchange("DELETE", QStringLiteral("http://x.test/public/v2/users/5"), 404, 2));
        log.append(exchange("POST", QStringLiteral("http://x.test/public/v2/users"), 201, 3));
        log.append(exchange("GET", QStringLiteral("http://x.test/public/v2/posts"), 503, 4));
        widget.setSearch(QStringLiteral("delete"));
        QCOMPARE(visibleMethods(widget), QStringList { QStringLiteral("DELETE") });
        widget.setSearch(QStringLiteral("5xx"));
        QCOMPARE(visibleMethods(widget), QStringList { QStringLiteral("GET") });
        widget.setSearch(QStringLiteral("get users"));
        QCOMPARE(visibleMethods(widget), QStringList { QStringLiteral("GET") });
        widget.setSearch(QStringLiteral("201"));
        QCOMPARE(visibleMethods(widget), QStringList { QStringLiteral("POST") });
        // What arrives while a search is on is searched too.
        log.append(exchange("POST", QStringLiteral("http://x.test/public/v2/todos"), 201, 5));
        QCOMPARE(visibleMethods(widget).size(), 2);
        widget.setSearch(QString());
        QCOMPARE(visibleMethods(widget).size(), 5);
    }
};

QTEST_MAIN(TestRequestHistoryWidget)
#include "tst_requesthistorywidget.moc"
