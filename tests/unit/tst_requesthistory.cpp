// The request log kept across restarts, on a real SQLite file: what is written is redacted (token, URL
// password, token-like query values), survives a reopen, stays under its caps and can be searched.
#include "requesthistory.h"
#include "requestlog.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace UserDesk;

namespace {
HttpExchange exchange(const QByteArray &method, const QString &url, int status, const QByteArray &body = "{}")
{
    HttpExchange e;
    e.method = method;
    e.url = QUrl(url);
    e.httpStatus = status;
    e.startedAt = QDateTime::currentDateTimeUtc();
    e.requestHeaders = { { "Authorization", "Bearer s3cr3t-token" }, { "Accept", "application/json" } };
    e.responseHeaders = { { "Content-Type", "application/json" } };
    e.responseBody = body;
    e.elapsedMs = 12;
    e.finished = true;
    return e;
}
} // namespace

class TestRequestHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesNoSecretAndSurvivesAReopen()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        {
            RequestHistory history;
            QVERIFY2(history.open(path), qPrintable(history.errorString()));
            QVERIFY(history.record(exchange("GET",
                QStringLiteral(
                    "https://ann:pa55word@api.test/public/v2/users?access-token=qu3ry-token&page=2"),
                200)));
            HttpExchange resent = exchange("POST", QStringLiteral("https://api.test/public/v2/users"), 422);
            resent.note = QStringLiteral("Re-sent by hand from the request log: a new write of its own.");
            QVERIFY(history.record(resent));
            QCOMPARE(history.count(), 2);
        }
        QCOMPARE(QFile::permissions(path) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
            QFileDevice::Permissions());
        // Nothing secret anywhere in the files, whatever SQLite keeps where.
        for (const QString &file : QDir(dir.path()).entryList(QDir::Files)) {
            QFile f(dir.filePath(file));
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray bytes = f.readAll();
            QVERIFY2(!bytes.contains("s3cr3t-token"), qPrintable(file));
            QVERIFY2(!bytes.contains("pa55word"), qPrintable(file));
            QVERIFY2(!bytes.contains("qu3ry-token"), qPrintable(file));
        }
        RequestHistory again;
        QVERIFY(again.open(path));
        const QList<HttpExchange> kept = again.recent(10);
        QCOMPARE(kept.size(), 2);
        QCOMPARE(kept.at(0).method, QByteArray("GET"));
        QCOMPARE(kept.at(1).httpStatus, 422);
        QCOMPARE(kept.at(0).url.password(), QString());
        QCOMPARE(kept.at(0).url.userName(), QStringLiteral("ann"));
        QVERIFY(kept.at(0).url.query().contains(QStringLiteral("page=2")));
        QCOMPARE(headerValue(kept.at(0).requestHeaders, "Authorization"), QByteArray("Bearer <redacted>"));
        QCOMPARE(headerValue(kept.at(0).requestHeaders, "Accept"), QByteArray("application/json"));
        QCOMPARE(kept.at(0).responseBody, QByteArray("{}"));
        // What the log said about an exchange (a re-send, a new write) is kept with it.
        QCOMPARE(kept.at(0).note, QString());
        QCOMPARE(
            kept.at(1).note, QStringLiteral("Re-sent by hand from the request log: a new write of its own."));
    }

    void aHistoryWrittenBeforeNotesGetsTheColumn()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        {
            // The table as an earlier UserDesk made it, with one row.
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral(
                "CREATE TABLE exchanges (id INTEGER PRIMARY KEY AUTOINCREMENT, started_at TEXT, method TEXT, "
                "url TEXT, status INTEGER, elapsed_ms INTEGER, attempt INTEGER, request_headers BLOB, "
                "request_body BLOB, response_headers BLOB, response_body BLOB, response_truncated INTEGER, "
                "response_bytes INTEGER, error TEXT, size INTEGER)")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO exchanges (method, url, status, size) VALUES "
                                          "('GET', 'https://api.test/public/v2/users', 200, 300)")));
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("old"));
        RequestHistory history;
        QVERIFY2(history.open(path), qPrintable(history.errorString()));
        HttpExchange resent = exchange("DELETE", QStringLiteral("https://api.test/public/v2/users/5"), 404);
        resent.note = QStringLiteral("Re-sent by hand from the request log.");
        QVERIFY2(history.record(resent), qPrintable(history.errorString()));
        const QList<HttpExchange> kept = history.recent(10);
        QCOMPARE(kept.size(), 2);
        QCOMPARE(kept.at(0).note, QString());
        QCOMPARE(kept.at(1).note, resent.note);
    }

    void staysUnderItsCaps()
    {
        QTemporaryDir dir;
        RequestHistory history;
        QVERIFY(history.open(dir.filePath(QStringLiteral("h.sqlite"))));
        history.setLimits(5, 10 * 1024 * 1024);
        for (int i = 0; i < 8; ++i)
            QVERIFY(history.record(exchange("GET", QStringLiteral("http://x.test/users/%1").arg(i), 200)));
        QCOMPARE(history.count(), 5);
        QCOMPARE(history.recent(1).first().url.path(), QStringLiteral("/users/7"));
        QCOMPARE(history.recent(5).first().url.path(), QStringLiteral("/users/3"));

        history.setLimits(1000, 20 * 1024);
        for (int i = 0; i < 20; ++i)
            QVERIFY(history.record(
                exchange("GET", QStringLiteral("http://x.test/big/%1").arg(i), 200, QByteArray(3000, 'x'))));
        QVERIFY2(history.totalBytes() <= 20 * 1024, qPrintable(QString::number(history.totalBytes())));
        QVERIFY(history.count() >= 5);
        QCOMPARE(history.recent(1).first().url.path(), QStringLiteral("/big/19"));
    }

    void searchesByMethodStatusAndUrl()
    {
        QTemporaryDir dir;
        RequestHistory history;
        QVERIFY(history.open(dir.filePath(QStringLiteral("h.sqlite"))));
        history.record(exchange("GET", QStringLiteral("http://x.test/users?name=a_b"), 200));
        history.record(exchange("GET", QStringLiteral("http://x.test/users?name=axb"), 200));
        history.record(exchange("DELETE", QStringLiteral("http://x.test/users/5"), 404));
        history.record(exchange("POST", QStringLiteral("http://x.test/users"), 0));
        RequestHistory::Query q;
        q.method = "delete";
        QCOMPARE(history.search(q).size(), 1);
        q = {};
        q.statusClass = 4;
        QCOMPARE(history.search(q).size(), 1);
        q = {};
        q.statusClass = -1;
        QCOMPARE(history.search(q).first().method, QByteArray("POST"));
        q = {};
        q.urlContains = QStringLiteral("a_b"); // the underscore is a letter here, not a wildcard
        QCOMPARE(history.search(q).size(), 1);
        q = {};
        q.urlContains = QStringLiteral("USERS");
        QCOMPARE(history.search(q).size(), 4);
        QCOMPARE(history.search(q).first().method, QByteArray("POST")); // newest first
    }

    void writesEachFinishedExchangeOfALogOnce()
    {
        QTemporaryDir dir;
        RequestHistory history;
        QVERIFY(history.open(dir.filePath(QStringLiteral("h.sqlite"))));
        RequestLog log;
        history.attach(&log);
        HttpExchange pending = exchange("GET", QStringLiteral("http://x.test/users"), 0);
        pending.finished = false;
        const quint64 seq = log.append(pending);
        QCOMPARE(history.count(), 0);
        log.update(seq, [](HttpExchange &e) {
            e.finished = true;
            e.httpStatus = 200;
        });
        QCOMPARE(history.count(), 1);
        log.update(seq, [](HttpExchange &e) { e.elapsedMs = 99; });
        QCOMPARE(history.count(), 1);
        log.append(exchange("DELETE", QStringLiteral("http://x.test/users/1"), 204));
        QCOMPARE(history.count(), 2);
    }

    void anUnwritableFileIsAClearError()
    {
        RequestHistory history;
        QVERIFY(!history.open(QStringLiteral("/proc/no-such-dir/history.sqlite")));
        QVERIFY(history.errorString().startsWith(QStringLiteral("The request history")));
        QVERIFY(history.errorString().endsWith(QLatin1Char('.')));
        QVERIFY(!history.record(exchange("GET", QStringLiteral("http://x.test/"), 200)));
    }
};

QTEST_GUILESS_MAIN(TestRequestHistory)
#include "tst_requesthistory.moc"
