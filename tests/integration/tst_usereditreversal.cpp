// UserEditReversal against a real sandbox: an undo puts back exactly what the edit changed, and refuses,
// sending nothing, when someone changed the record since.
#include "sandboxfixture.h"
#include "usereditreversal.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace UserDesk;

namespace {
constexpr int waitMs = 30000;
}

class TestUserEditReversal : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SandboxFixture> m_sandbox;
    int m_serial = 0;

    std::unique_ptr<ApiClient> client()
    {
        auto c = std::make_unique<ApiClient>();
        c->setBaseUrl(m_sandbox->baseUrl());
        c->setToken(m_sandbox->token());
        return c;
    }
    // A fresh user, then an edit of its name and status through the client: {before, after}.
    std::pair<User, User> editedUser(ApiClient &c)
    {
        UserDraft d;
        d.name = QStringLiteral("Undo Person %1").arg(++m_serial);
        d.email = QStringLiteral("undo.%1@reversal.test").arg(m_serial);
        d.gender = QStringLiteral("female");
        d.status = QStringLiteral("active");
        QSignalSpy created(&c, &ApiClient::userCreated);
        c.createUser(d);
        if (!created.wait(waitMs))
            return {};
        const User before = created.first().at(1).value<User>();
        UserDraft edit;
        edit.name = QStringLiteral("Edited Name");
        edit.status = QStringLiteral("inactive");
        QSignalSpy updated(&c, &ApiClient::userUpdated);
        c.updateUser(before.id, edit);
        if (!updated.wait(waitMs))
            return {};
        return { before, updated.first().at(1).value<User>() };
    }
    QJsonObject onServer(const ResourceId &id)
    {
        QNetworkAccessManager nam;
        return QJsonDocument::fromJson(
            SandboxFixture::send(nam, "GET", m_sandbox->url(QStringLiteral("/users/%1").arg(id.toString())))
                .body)
            .object();
    }
    void patchOnServer(const ResourceId &id, const QJsonObject &fields)
    {
        QNetworkAccessManager nam;
        QCOMPARE(
            m_sandbox
                ->sendAuthorized(nam, "PATCH", m_sandbox->url(QStringLiteral("/users/%1").arg(id.toString())),
                    QJsonDocument(fields).toJson())
                .status,
            200);
    }

private slots:
    void initTestCase()
    {
        m_sandbox = std::make_unique<SandboxFixture>(SandboxFixture::defaultConfig(5));
        QVERIFY2(m_sandbox->start(waitMs), qPrintable(m_sandbox->errorString()));
    }

    void undoPutsBackWhatTheEditChangedAndRedoAgain()
    {
        auto c = client();
        const auto [before, after] = editedUser(*c);
        QVERIFY(before.id > 0 && after.name == QLatin1String("Edited Name"));
        // Someone changes a field the edit did not touch: that does not stand in the way, and stays.
        patchOnServer(before.id, { { QStringLiteral("gender"), QStringLiteral("male") } });

        UserEditReversal undo(c.get(), before, after);
        QCOMPARE(undo.restoringDraft().name, before.name);
        QVERIFY(!undo.restoringDraft().gender);
        QSignalSpy done(&undo, &UserEditReversal::finished);
        undo.start();
        QVERIFY(done.wait(waitMs));
        QCOMPARE(done.first().at(0).value<UserEditReversal::Outcome>(), UserEditReversal::Outcome::Reverted);
        QJsonObject now = onServer(before.id);
        QCOMPARE(now.value(QLatin1String("name")).toString(), before.name);
        QCOMPARE(now.value(QLatin1String("status")).toString(), before.status);
        QCOMPARE(now.value(QLatin1String("gender")).toString(), QStringLiteral("male"));

        const User undone = done.first().at(2).value<User>();
        // Redo is the same move the other way: from the undone state back to the edit's values.
        UserEditReversal redoForReal(
            c.get(),
            [&] {
                User u = undone;
                u.name = after.name;
                u.status = after.status;
                return u;
            }(),
            undone);
        QSignalSpy redone(&redoForReal, &UserEditReversal::finished);
        redoForReal.start();
        QVERIFY(redone.wait(waitMs));
        QCOMPARE(
            redone.first().at(0).value<UserEditReversal::Outcome>(), UserEditReversal::Outcome::Reverted);
        now = onServer(before.id);
        QCOMPARE(now.value(QLatin1String("name")).toString(), after.name);
        QCOMPARE(now.value(QLatin1String("status")).toString(), after.status);
    }

    void undoIsRefusedWhenTheRecordChangedSince()
    {
        auto c = client();
        const auto [before, after] = editedUser(*c);
        QVERIFY(before.id > 0);
        patchOnServer(before.id, { { QStringLiteral("name"), QStringLiteral("Somebody Else's Edit") } });
        const quint64 writes = m_sandbox->stats().writesApplied;
        UserEditReversal undo(c.get(), before, after);
        QSignalSpy done(&undo, &UserEditReversal::finished);
        undo.start();
        QVERIFY(done.wait(waitMs));
        QCOMPARE(done.first().at(0).value<UserEditReversal::Outcome>(), UserEditReversal::Outcome::Refused);
        const QString message = done.first().at(1).toString();
        QVERIFY2(
            message.contains(QStringLiteral("Somebody Else's Edit")) && message.endsWith(QLatin1Char('.')),
            qPrintable(message));
        QCOMPARE(m_sandbox->stats().writesApplied, writes); // nothing sent
        QCOMPARE(onServer(before.id).value(QLatin1String("name")).toString(),
            QStringLiteral("Somebody Else's Edit"));
    }

    void undoOfADeletedUserIsRefused()
    {
        auto c = client();
        const auto [before, after] = editedUser(*c);
        QVERIFY(before.id > 0);
        QNetworkAccessManager nam;
        QCOMPARE(m_sandbox
                     ->sendAuthorized(
                         nam, "DELETE", m_sandbox->url(QStringLiteral("/users/%1").arg(before.id.toString())))
                     .status,
            204);
        UserEditReversal undo(c.get(), before, after);
        QSignalSpy done(&undo, &UserEditReversal::finished);
        undo.start();
        QVERIFY(done.wait(waitMs));
        QCOMPARE(done.first().at(0).value<UserEditReversal::Outcome>(), UserEditReversal::Outcome::Refused);
        QVERIFY(done.first().at(1).toString().contains(QStringLiteral("no longer exists")));
    }
};

QTEST_GUILESS_MAIN(TestUserEditReversal)
#include "tst_usereditreversal.moc"
