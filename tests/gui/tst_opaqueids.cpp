#include "apiclient.h"
#include "dialect.h"
#include "jsonserverfixture.h"
#include "mainwindow.h"
#include "profilestore.h"
#include "requestlog.h"
#include "resourceid.h"
#include "sandboxfixture.h"
#include "tokenstore.h"
#include "undocontroller.h"
#include "userdeletion.h"
#include "userdialog.h"
#include "usertablemodel.h"

#include <QAction>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QPushButton>
#include <QScrollBar>
#include <QSet>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace UserDesk;

namespace {
constexpr int Timeout = 60000;
constexpr int ServerUsers = 120; // six pages of the window's 20

// Ids as json-server 1.x makes them for records it creates: short hex strings, no number among them.
QString hexId(int n)
{
    return QStringLiteral("%1f").arg(n * 2654435761U % 0xfffff, 5, 16, QLatin1Char('0'));
}

// What another client sees: straight to the server, not through the window's ApiClient.
SandboxFixture::Exchange direct(
    const QUrl &base, const QByteArray &method, const QString &id, const QByteArray &body = {})
{
    QNetworkAccessManager nam;
    QUrl url = base;
    url.setPath(url.path() + QStringLiteral("/users/") + id);
    return SandboxFixture::send(nam, method, url, body, { { "Content-Type", "application/json" } });
}

int countSent(const MainWindow &window, const QByteArray &method)
{
    int n = 0;
    const RequestLog *log = window.client()->requestLog();
    for (int i = 0; i < log->size(); ++i)
        n += log->at(i).method == method;
    return n;
}

void selectRows(QTableView *view, const QList<int> &rows)
{
    view->setFocus();
    view->selectionModel()->clearSelection();
    for (int row : rows) {
        view->selectionModel()->setCurrentIndex(
            view->model()->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
}

QString plain(QString text)
{
    return text.remove(QLatin1Char('&'));
}
} // namespace

// Issue 11, opaque ids: the real window on a profile whose endpoint is json-server 0.17 (number ids, paged
// by _page/_limit) or 1.x (string ids, paged by _page/_per_page) pages through every user by scrolling,
// shows exactly the server's users, and asks for no page in a loop. Nothing is set beyond the endpoint.
class TestOpaqueIds : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void windowPagesThroughJsonServer_data();
    void windowPagesThroughJsonServer();
    void heldDeleteUndoAndEditUndoWithTextIds();
};

void TestOpaqueIds::windowPagesThroughJsonServer_data()
{
    QTest::addColumn<int>("version");
    QTest::newRow("json-server 0.17") << int(JsonServerFixture::Version::V0_17);
    QTest::newRow("json-server 1.x") << int(JsonServerFixture::Version::V1);
}

void TestOpaqueIds::windowPagesThroughJsonServer()
{
    QFETCH(int, version);
    const auto v = JsonServerFixture::Version(version);
    const bool stringIds = v == JsonServerFixture::Version::V1;
    JsonServerFixture server(v);
    QVERIFY2(
        server.start(JsonServerFixture::users(ServerUsers, stringIds)), qPrintable(server.errorString()));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ProfileStore store(dir.filePath(QStringLiteral("settings.ini")));
    store.ensureDefaultProfile();
    const QString name = QStringLiteral("json-server");
    QVERIFY(store.saveProfile(Profile(name, server.baseUrl())));
    store.setCurrentProfileName(name);
    TokenStore tokens(TokenStore::KeychainUse::Disabled, dir.path());
    tokens.setFallback(TokenStore::Backend::SessionOnly);
    MainWindow::Options options;
    options.dataDirectory = dir.filePath(QStringLiteral("data"));
    MainWindow window(&store, &tokens, options);
    window.resize(1200, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.currentProfileName(), name);
    QTRY_VERIFY_WITH_TIMEOUT(window.isConnected(), Timeout);

    // Scroll to the end as a person would, until the server's list has ended.
    auto *table = window.findChild<QTableView *>(QStringLiteral("userTable"));
    QVERIFY(table);
    UserTableModel *model = window.userModel();
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < Timeout
        && !(model->rowCount() > 0 && !model->isLoading() && !model->canFetchMore({}))) {
        table->scrollToBottom();
        table->verticalScrollBar()->setValue(table->verticalScrollBar()->maximum());
        QTest::qWait(50);
    }
    QVERIFY2(!model->isLoading() && !model->canFetchMore({}), "the window never reached the end of the list");
    QTest::qWait(300); // a loop would go on asking meanwhile

    // Page by page in the server's own paging parameters, each page once: no loop, no all-in-one list.
    const RequestLog *log = window.client()->requestLog();
    QList<int> pages;
    int probes = 0;
    for (int i = 0; i < log->size(); ++i) {
        const QUrl url = log->at(i).url;
        if (!url.path().endsWith(QLatin1String("/users")))
            continue;
        const QUrlQuery query(url);
        if (query == Dialect::probeQuery()) {
            ++probes; // the window asks once how the server pages, before its first page
            continue;
        }
        const QString page = query.queryItemValue(QStringLiteral("_page"));
        if (!page.isEmpty())
            pages.append(page.toInt());
    }
    QCOMPARE(probes, 1);
    std::sort(pages.begin(), pages.end());
    const int lastPage = ServerUsers / model->pageSize();
    QVERIFY2(
        pages.size() >= lastPage && pages.size() <= lastPage + 1, qPrintable(QString::number(pages.size())));
    for (int p = 1; p <= lastPage; ++p)
        QCOMPARE(pages.at(p - 1), p);
    QCOMPARE(QSet<int>(pages.begin(), pages.end()).size(), pages.size());

    // Exactly the server's users, each once, their ids as the server sent them.
    QCOMPARE(model->rowCount(), ServerUsers);
    QSet<QString> ids;
    for (int row = 0; row < model->rowCount(); ++row) {
        const auto id = model->index(row, UserTableModel::IdColumn)
                            .data(UserTableModel::UserIdRole)
                            .value<ResourceId>();
        QCOMPARE(id.isText(), stringIds);
        ids.insert(id.toString());
        QCOMPARE(model->userAt(row).name, QStringLiteral("Real Server %1").arg(id.toString()));
    }
    QCOMPARE(ids.size(), ServerUsers);
    for (int n = 1; n <= ServerUsers; ++n)
        QVERIFY2(ids.contains(QString::number(n)), qPrintable(QString::number(n)));
    QVERIFY2(model->pagingStopReason().isEmpty(), qPrintable(model->pagingStopReason()));
}

// The held (undoable) delete and Edit > Undo on json-server 1.x whose ids are text that is no number
// ("0a3f1f"): the rows leave the table and come back where they were with nothing sent, a redo holds them
// again and the DELETEs go out by their text ids, a one-user delete goes the single-request way, and an
// edit is undone by PATCHing the earlier name back to the same text id.
void TestOpaqueIds::heldDeleteUndoAndEditUndoWithTextIds()
{
    QJsonArray users = JsonServerFixture::users(30, true);
    QSet<QString> given;
    for (int i = 0; i < users.size(); ++i) {
        QJsonObject u = users.at(i).toObject();
        u.insert(QStringLiteral("id"), hexId(i + 1));
        given.insert(hexId(i + 1));
        users.replace(i, u);
    }
    QCOMPARE(given.size(), 30);
    JsonServerFixture server(JsonServerFixture::Version::V1);
    QVERIFY2(server.start(users), qPrintable(server.errorString()));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ProfileStore store(dir.filePath(QStringLiteral("settings.ini")));
    store.ensureDefaultProfile();
    const QString name = QStringLiteral("json-server");
    QVERIFY(store.saveProfile(Profile(name, server.baseUrl())));
    store.setCurrentProfileName(name);
    TokenStore tokens(TokenStore::KeychainUse::Disabled, dir.path());
    tokens.setFallback(TokenStore::Backend::SessionOnly);
    MainWindow::Options options;
    options.dataDirectory = dir.filePath(QStringLiteral("data"));
    MainWindow window(&store, &tokens, options);
    window.findChild<UserDeletion *>()->setGraceMs(1500);
    window.resize(1200, 700);
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    UserTableModel *model = window.userModel();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() >= 20 && !model->isLoading(), Timeout);
    auto *table = window.findChild<QTableView *>(QStringLiteral("userTable"));
    QVERIFY(table);
    auto *undo = window.findChild<UndoController *>();
    QVERIFY(undo);
    for (int row = 0; row < model->rowCount(); ++row) {
        const User u = model->userAt(row);
        QVERIFY2(u.id.isText() && !u.id.hasNumber() && given.contains(u.id.toString()),
            qPrintable(u.id.toString()));
    }

    // Two users: held, undone (back where they were, nothing sent), redone, then sent.
    const QList<User> two = { model->userAt(1), model->userAt(2) };
    selectRows(table, { 1, 2 });
    window.deleteSelectedUsers();
    QPointer<QMessageBox> box = window.findChild<QMessageBox *>(QStringLiteral("confirmDeleteBox"));
    QVERIFY(box);
    QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
    for (const User &u : two)
        QCOMPARE(model->rowOfUser(u.id), -1);
    QVERIFY(undo->notice()->isVisible());
    QTest::mouseClick(
        undo->notice()->findChild<QPushButton *>(QStringLiteral("deleteNoticeUndo")), Qt::LeftButton);
    QCOMPARE(model->rowOfUser(two.at(0).id), 1);
    QCOMPARE(model->rowOfUser(two.at(1).id), 2);
    QCOMPARE(model->userAt(1).name, two.at(0).name);
    QTest::qWait(2000); // past the grace period
    QCOMPARE(countSent(window, "DELETE"), 0);
    for (const User &u : two)
        QCOMPARE(direct(server.baseUrl(), "GET", u.id.toString()).status, 200);

    QVERIFY(undo->redoAction()->isEnabled());
    undo->redoAction()->trigger();
    for (const User &u : two)
        QCOMPARE(model->rowOfUser(u.id), -1);
    QTRY_COMPARE_WITH_TIMEOUT(countSent(window, "DELETE"), 2, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(!window.client()->inFlightCount(), Timeout);
    QVERIFY(!undo->notice()->isVisible());
    const RequestLog *log = window.client()->requestLog();
    QSet<QString> deletedPaths;
    for (int i = 0; i < log->size(); ++i) {
        if (log->at(i).method == "DELETE")
            deletedPaths.insert(log->at(i).url.path());
    }
    for (const User &u : two) {
        QVERIFY2(
            deletedPaths.contains(QStringLiteral("/users/") + u.id.toString()), qPrintable(u.id.toString()));
        QCOMPARE(direct(server.baseUrl(), "GET", u.id.toString()).status, 404);
        QCOMPARE(model->rowOfUser(u.id), -1);
    }

    // One user: the single-request way, after its grace period.
    const User one = model->userAt(3);
    selectRows(table, { 3 });
    window.deleteSelectedUsers();
    box = window.findChild<QMessageBox *>(QStringLiteral("confirmDeleteBox"));
    QVERIFY(box);
    QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
    QCOMPARE(model->rowOfUser(one.id), -1);
    QTRY_COMPARE_WITH_TIMEOUT(countSent(window, "DELETE"), 3, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(!window.client()->inFlightCount(), Timeout);
    QCOMPARE(direct(server.baseUrl(), "GET", one.id.toString()).status, 404);
    QCOMPARE(model->rowOfUser(one.id), -1);

    // An edit and its undo: the earlier name is PATCHed back to the same text id.
    const User before = model->userAt(0);
    selectRows(table, { 0 });
    QPointer<UserDialog> dialog = window.openEditUserDialog();
    QVERIFY(dialog);
    auto *edit = dialog->findChild<QLineEdit *>(QStringLiteral("nameEdit"));
    QVERIFY(edit);
    edit->selectAll();
    QTest::keyClicks(edit, QStringLiteral("Ada Lovelace"));
    QTest::keyClick(edit, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull(), Timeout);
    auto serverName = [&] {
        return QJsonDocument::fromJson(direct(server.baseUrl(), "GET", before.id.toString()).body)
            .object()
            .value(QLatin1String("name"))
            .toString();
    };
    QCOMPARE(serverName(), QStringLiteral("Ada Lovelace"));
    QVERIFY(undo->undoAction()->isEnabled());
    QCOMPARE(plain(undo->undoAction()->text()), QStringLiteral("Undo Edit of Ada Lovelace"));
    undo->undoAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(serverName(), before.name, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(model->userAt(model->rowOfUser(before.id)).name, before.name, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(undo->redoAction()->isEnabled(), Timeout);
    // The id stayed text all the way: the json-server still holds it under its own id.
    const QJsonObject onServer
        = QJsonDocument::fromJson(direct(server.baseUrl(), "GET", before.id.toString()).body).object();
    QCOMPARE(onServer.value(QLatin1String("id")), QJsonValue(before.id.toString()));
}

QTEST_MAIN(TestOpaqueIds)
#include "tst_opaqueids.moc"
