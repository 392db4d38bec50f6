// Re-send from the request log: the same method, URL and body through the profile's client, with the
// client's token (the log's copy is redacted); a write asks first and names what it will do; the new
// exchange appears in the log. Against a real sandbox.
#include "apiclient.h"
#include "requestlog.h"
#include "requestlogmodel.h"
#include "requestlogwidget.h"
#include "resourceschema.h"
#include "sandboxfixture.h"

#include <QApplication>
#include <QJsonObject>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTextEdit>
#include <QTimer>

using namespace UserDesk;

class TestRequestLogResend : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SandboxFixture> m_sandbox;

    static void select(RequestLogWidget &widget, int row)
    {
        auto *table = widget.findChild<QTableView *>(QStringLiteral("logTable"));
        table->selectionModel()->setCurrentIndex(
            widget.model()->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }

    static std::optional<User> read(ApiClient &client, const ResourceId &id)
    {
        QSignalSpy got(&client, &ApiClient::userReceived);
        client.getUser(id);
        if (!got.wait(10000))
            return std::nullopt;
        return got.first().at(1).value<User>();
    }

    static QList<ResourceId> userIds(ApiClient &client)
    {
        QSignalSpy got(&client, &ApiClient::usersPageReceived);
        client.listUsers(1, 10);
        if (!got.wait(10000))
            return {};
        QList<ResourceId> ids;
        for (const User &u : got.first().at(1).value<UsersPage>().users)
            ids.append(u.id);
        return ids;
    }

    static int lastRowWith(const RequestLogWidget &widget, const QByteArray &method)
    {
        for (int row = widget.model()->rowCount() - 1; row >= 0; --row) {
            if (widget.model()->exchangeAt(row)->method == method)
                return row;
        }
        return -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_sandbox = std::make_unique<SandboxFixture>(SandboxFixture::defaultConfig(5));
        QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
    }

    void aReadIsSentAgainAtOnce()
    {
        ApiClient client;
        client.setBaseUrl(m_sandbox->baseUrl());
        client.setToken(m_sandbox->token());
        RequestLogWidget widget;
        widget.setLog(client.requestLog());
        widget.setClient(&client);
        widget.show();

        QSignalSpy got(&client, &ApiClient::usersPageReceived);
        client.listUsers(1, 3);
        QVERIFY(got.wait(10000));
        QCOMPARE(widget.model()->rowCount(), 1);
        auto *resend = widget.findChild<QPushButton *>(QStringLiteral("resendButton"));
        QVERIFY(resend);
        QVERIFY(!resend->isEnabled()); // nothing selected
        select(widget, 0);
        QVERIFY(resend->isEnabled());

        QSignalSpy messages(&widget, &RequestLogWidget::message);
        QSignalSpy resent(&client, &ApiClient::resent);
        QTest::mouseClick(resend, Qt::LeftButton);
        QVERIFY(resent.wait(10000));
        QCOMPARE(resent.first().at(1).toInt(), 200);
        QCOMPARE(widget.model()->rowCount(), 2);
        const HttpExchange *first = widget.model()->exchangeAt(0);
        const HttpExchange *again = widget.model()->exchangeAt(1);
        QCOMPARE(again->method, first->method);
        QCOMPARE(again->url, first->url);
        QCOMPARE(again->httpStatus, 200);
        // The new exchange is the one shown, and the status bar hears of it.
        auto *table = widget.findChild<QTableView *>(QStringLiteral("logTable"));
        QCOMPARE(table->currentIndex().row(), 1);
        QVERIFY(!messages.isEmpty());
        QVERIFY(messages.last().first().toString().contains(QLatin1String("200")));
    }

    void aWriteAsksFirstAndSendsWithTheClientsToken()
    {
        ApiClient client;
        client.setBaseUrl(m_sandbox->baseUrl());
        client.setToken(m_sandbox->token());
        RequestLogWidget widget;
        widget.setLog(client.requestLog());
        widget.setClient(&client);
        widget.show();

        const QList<ResourceId> ids = userIds(client);
        QVERIFY(ids.size() >= 2);
        const std::optional<User> before = read(client, ids.first());
        QVERIFY(before);
        QSignalSpy updated(&client, &ApiClient::userUpdated);
        UserDraft first;
        first.name = QStringLiteral("Resent Name");
        client.updateUser(before->id, first);
        QVERIFY(updated.wait(10000));
        UserDraft second;
        second.name = QStringLiteral("Changed Since");
        client.updateUser(before->id, second);
        QVERIFY(updated.wait(10000));
        QCOMPARE(read(client, before->id)->name, QStringLiteral("Changed Since"));

        // The first PATCH, the one that set "Resent Name".
        int row = -1;
        for (int r = 0; r < widget.model()->rowCount(); ++r) {
            const HttpExchange *e = widget.model()->exchangeAt(r);
            if (e->method == "PATCH" && e->requestBody.contains("Resent Name"))
                row = r;
        }
        QVERIFY(row >= 0);
        // The log keeps no token to send: what it shows of the Authorization header is redacted.
        for (const auto &header : widget.model()->exchangeAt(row)->requestHeaders)
            QVERIFY(!header.second.contains(m_sandbox->token().toUtf8()));
        select(widget, row);
        const int rowsBefore = widget.model()->rowCount();

        // Cancel: nothing is sent.
        QVERIFY(widget.resendSelected());
        auto *box = widget.findChild<QMessageBox *>(QStringLiteral("resendConfirmation"));
        QVERIFY(box);
        QTRY_VERIFY(box->isVisible());
        QVERIFY2(box->text().contains(QLatin1String("PATCH")), qPrintable(box->text()));
        QVERIFY(box->text().contains(QStringLiteral("/users/%1").arg(before->id.toString())));
        QVERIFY(box->detailedText().contains(QLatin1String("Resent Name")));
        box->button(QMessageBox::Cancel)->click();
        QTRY_VERIFY(!widget.findChild<QMessageBox *>(QStringLiteral("resendConfirmation")));
        QCOMPARE(client.queuedCount() + client.inFlightCount(), 0);
        QCOMPARE(widget.model()->rowCount(), rowsBefore);

        // Send Again: the same PATCH, accepted by the sandbox (it needs the token for a write).
        QSignalSpy resent(&client, &ApiClient::resent);
        QVERIFY(widget.resendSelected());
        box = widget.findChild<QMessageBox *>(QStringLiteral("resendConfirmation"));
        QVERIFY(box);
        QPushButton *send = nullptr;
        for (QAbstractButton *b : box->buttons()) {
            if (box->buttonRole(b) == QMessageBox::AcceptRole)
                send = qobject_cast<QPushButton *>(b);
        }
        QVERIFY(send);
        send->click();
        QVERIFY(resent.wait(10000));
        QCOMPARE(resent.first().at(1).toInt(), 200);
        QCOMPARE(widget.model()->rowCount(), rowsBefore + 1);
        const HttpExchange *again = widget.model()->exchangeAt(lastRowWith(widget, "PATCH"));
        QCOMPARE(again->httpStatus, 200);
        QVERIFY(again->requestBody.contains("Resent Name"));
        QCOMPARE(read(client, before->id)->name, QStringLiteral("Resent Name"));
    }

    // A record's write (POST /posts) is sent again as a new write of its own: a second post, and the log
    // says so, with its outcome; a DELETE of a record already gone is "not applied".
    void aRecordWriteIsSentAgainAsANewWrite()
    {
        ApiClient client;
        client.setBaseUrl(m_sandbox->baseUrl());
        client.setToken(m_sandbox->token());
        RequestLogWidget widget;
        widget.setLog(client.requestLog());
        widget.setClient(&client);
        widget.show();

        const QList<ResourceId> ids = userIds(client);
        QVERIFY(!ids.isEmpty());
        const QString title = QStringLiteral("Sent twice from the log");
        QSignalSpy created(&client, &ApiClient::recordCreated);
        client.createRecord(ResourceSchema::posts(),
            QJsonObject { { QStringLiteral("user_id"), ids.first().toJson() },
                { QStringLiteral("title"), title },
                { QStringLiteral("body"), QStringLiteral("Once by the form, once by Re-send.") } });
        QVERIFY(created.wait(10000));
        const QJsonObject first = created.first().at(2).toJsonObject();

        int row = -1;
        for (int r = 0; r < widget.model()->rowCount(); ++r) {
            const HttpExchange *e = widget.model()->exchangeAt(r);
            if (e->method == "POST" && e->url.path().endsWith(QLatin1String("/posts")))
                row = r;
        }
        QVERIFY(row >= 0);
        QVERIFY(widget.model()->exchangeAt(row)->note.isEmpty()); // the first is no re-send
        select(widget, row);
        const int rowsBefore = widget.model()->rowCount();
        QVERIFY(widget.resendSelected());
        auto *box = widget.findChild<QMessageBox *>(QStringLiteral("resendConfirmation"));
        QVERIFY(box);
        QVERIFY2(box->text().contains(QLatin1String("POST")) && box->text().contains(QLatin1String("/posts")),
            qPrintable(box->text()));
        QSignalSpy resent(&client, &ApiClient::resent);
        for (QAbstractButton *b : box->buttons()) {
            if (box->buttonRole(b) == QMessageBox::AcceptRole)
                b->click();
        }
        QVERIFY(resent.wait(10000));
        QCOMPARE(resent.first().at(1).toInt(), 201);
        QCOMPARE(widget.model()->rowCount(), rowsBefore + 1);
        const int againRow = lastRowWith(widget, "POST");
        QCOMPARE(againRow, rowsBefore);
        const HttpExchange *again = widget.model()->exchangeAt(againRow);
        QVERIFY(again->url.path().endsWith(QLatin1String("/posts")));
        QCOMPARE(again->httpStatus, 201);
        QVERIFY2(again->note.contains(QLatin1String("a new write")), qPrintable(again->note));
        QVERIFY2(again->note.contains(QLatin1String("applied it again (201)")), qPrintable(again->note));
        // The details pane shows it with the exchange.
        select(widget, againRow);
        QString details;
        if (auto *text = widget.findChild<QPlainTextEdit *>(QStringLiteral("logDetails")))
            details = text->toPlainText();
        else if (auto *rich = widget.findChild<QTextEdit *>(QStringLiteral("logDetails")))
            details = rich->toPlainText();
        QVERIFY2(details.contains(QLatin1String("a new write")), qPrintable(details));

        // Two posts now, the second a new record of its own.
        QSignalSpy page(&client, &ApiClient::recordsPageReceived);
        client.listRecords(ResourceSchema::posts(), 1, 100, { { QStringLiteral("title"), title } });
        QVERIFY(page.wait(10000));
        const QList<QJsonObject> posts = page.first().at(1).value<RecordsPage>().items;
        QCOMPARE(posts.size(), 2);
        QVERIFY(posts.at(0).value(QStringLiteral("id")) != posts.at(1).value(QStringLiteral("id")));

        QTRY_VERIFY(!widget.findChild<QMessageBox *>(QStringLiteral("resendConfirmation")));
        // Deleted, then the DELETE sent again: the server answers 404, and the log says nothing was applied.
        QSignalSpy deleted(&client, &ApiClient::recordDeleted);
        client.deleteRecord(
            ResourceSchema::posts(), *ResourceId::fromJson(first.value(QStringLiteral("id"))));
        QVERIFY(deleted.wait(10000));
        select(widget, lastRowWith(widget, "DELETE"));
        QVERIFY(widget.resendSelected());
        box = widget.findChild<QMessageBox *>(QStringLiteral("resendConfirmation"));
        QVERIFY(box);
        resent.clear();
        for (QAbstractButton *b : box->buttons()) {
            if (box->buttonRole(b) == QMessageBox::AcceptRole)
                b->click();
        }
        QVERIFY(resent.wait(10000));
        QCOMPARE(resent.first().at(1).toInt(), 404);
        const HttpExchange *refused = widget.model()->exchangeAt(lastRowWith(widget, "DELETE"));
        QVERIFY2(refused->note.contains(QLatin1String("did not apply it: it answered 404")),
            qPrintable(refused->note));
    }

    void aWriteWithoutTheTokenShowsTheServersRefusal()
    {
        // The token is the client's, not the log's: a client without one gets the server's 401.
        ApiClient client;
        client.setBaseUrl(m_sandbox->baseUrl());
        client.setToken(m_sandbox->token());
        RequestLogWidget widget;
        widget.setLog(client.requestLog());
        widget.setClient(&client);
        const QList<ResourceId> ids = userIds(client);
        QVERIFY(ids.size() >= 2);
        QSignalSpy deleted(&client, &ApiClient::userDeleted);
        client.deleteUser(ids.last());
        QVERIFY(deleted.wait(10000));
        client.setToken(QString());
        select(widget, lastRowWith(widget, "DELETE"));
        QVERIFY(widget.resendSelected());
        auto *box = widget.findChild<QMessageBox *>(QStringLiteral("resendConfirmation"));
        QVERIFY(box);
        QVERIFY(box->text().contains(QLatin1String("DELETE")));
        QSignalSpy resent(&client, &ApiClient::resent);
        for (QAbstractButton *b : box->buttons()) {
            if (box->buttonRole(b) == QMessageBox::AcceptRole)
                b->click();
        }
        QVERIFY(resent.wait(10000));
        QCOMPARE(resent.first().at(1).toInt(), 401);
    }

    void anotherServersExchangeIsNotSent()
    {
        ApiClient client;
        client.setBaseUrl(m_sandbox->baseUrl());
        client.setToken(m_sandbox->token());
        RequestLogWidget widget;
        widget.setLog(client.requestLog());
        widget.setClient(&client);
        HttpExchange elsewhere;
        elsewhere.method = "GET";
        elsewhere.url = QUrl(QStringLiteral("https://elsewhere.test/public/v2/users"));
        elsewhere.finished = true;
        elsewhere.httpStatus = 200;
        client.requestLog()->append(elsewhere);
        select(widget, 0);
        QSignalSpy messages(&widget, &RequestLogWidget::message);
        QVERIFY(!widget.resendSelected());
        QCOMPARE(client.queuedCount() + client.inFlightCount(), 0);
        QCOMPARE(widget.model()->rowCount(), 1);
        QVERIFY(messages.last().first().toString().contains(QLatin1String("elsewhere.test")));
    }

    void theContextMenuOffersResend()
    {
        ApiClient client;
        client.setBaseUrl(m_sandbox->baseUrl());
        RequestLogWidget widget;
        widget.setLog(client.requestLog());
        widget.setClient(&client);
        widget.resize(900, 400);
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        HttpExchange e;
        e.method = "GET";
        e.url = m_sandbox->baseUrl();
        e.finished = true;
        client.requestLog()->append(e);
        auto *table = widget.findChild<QTableView *>(QStringLiteral("logTable"));
        QStringList offered;
        QTimer::singleShot(100, this, [&] {
            if (auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget())) {
                for (QAction *a : menu->actions())
                    offered.append(a->text());
                menu->close();
            }
        });
        const QRect cell = table->visualRect(widget.model()->index(0, 0));
        Q_EMIT table->customContextMenuRequested(cell.center());
        QVERIFY2(offered.contains(QStringLiteral("Re-send")), qPrintable(offered.join(QLatin1Char(','))));
        QVERIFY(offered.contains(QStringLiteral("Copy as cURL")));
        QCOMPARE(table->currentIndex().row(), 0);
    }
};

QTEST_MAIN(TestRequestLogResend)
#include "tst_requestlogresend.moc"
