// Edit > Undo/Redo in the real window against the real embedded sandbox: an edit is undone by PATCHing
// back the earlier values and redone the same way, refused when another client changed the user since; a
// delete waits a few seconds, undoable, before anything is sent, and goes out when its notice ends.
#include "apiclient.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "profilestore.h"
#include "requestlog.h"
#include "sandboxfixture.h"
#include "sandboxhost.h"
#include "tokenstore.h"
#include "translations.h"
#include "undocontroller.h"
#include "userdeletion.h"
#include "userdialog.h"
#include "usertablemodel.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace UserDesk;

namespace {
constexpr int Timeout = 30000;
constexpr int SeedUsers = 60;

QString plain(QString text)
{
    return text.remove(QLatin1Char('&'));
}
} // namespace

class TestUndo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Translations::install(QCoreApplication::instance(), QStringLiteral("en")); }
    void init();
    void cleanup();

    void undoAndRedoOfAnEdit();
    void undoRefusedAfterAnotherClientChangedTheUser();
    void creatingAUserOffersNothingToUndo();
    void deleteUndoneWithinItsGracePeriodSendsNothing();
    void deletesGoOutWhenTheNoticeEnds();
    void quittingDuringTheGracePeriodAsksAndSendsNothing();
    void theTotalStaysTrueWhenAPageLoadsDuringTheGracePeriod();
    void theTotalStaysTrueWhenAPageLoadsDuringTheGracePeriod_data();

private:
    void startWindow(int graceMs);
    QTableView *table() const { return m_window->findChild<QTableView *>(QStringLiteral("userTable")); }
    UndoController *undo() const { return m_window->findChild<UndoController *>(); }
    void selectRows(const QList<int> &rows);
    void editName(int row, const QString &name);
    int countSent(const QByteArray &method) const;
    SandboxFixture::Exchange direct(
        const QByteArray &method, const ResourceId &id, const QByteArray &body = {});
    QString serverName(const ResourceId &id);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ProfileStore> m_store;
    std::unique_ptr<TokenStore> m_tokens;
    std::unique_ptr<MainWindow> m_window;
};

void TestUndo::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    // A delete sent after its grace period is a journaled job: the journal lives in the test's folder.
    qputenv("USERDESK_JOURNAL", m_dir->filePath(QStringLiteral("jobs.sqlite")).toUtf8());
    m_store = std::make_unique<ProfileStore>(m_dir->filePath(QStringLiteral("settings.ini")));
    m_tokens = std::make_unique<TokenStore>(TokenStore::KeychainUse::Disabled, m_dir->path());
    m_tokens->setFallback(TokenStore::Backend::SessionOnly);
}

void TestUndo::cleanup()
{
    m_window.reset();
    m_tokens.reset();
    m_store.reset();
    m_dir.reset();
}

void TestUndo::startWindow(int graceMs)
{
    m_store->ensureDefaultProfile();
    MainWindow::Options options;
    options.dataDirectory = m_dir->filePath(QStringLiteral("data"));
    options.sandboxSeedUsers = SeedUsers;
    m_window = std::make_unique<MainWindow>(m_store.get(), m_tokens.get(), options);
    m_window->findChild<UserDeletion *>()->setGraceMs(graceMs);
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTRY_VERIFY_WITH_TIMEOUT(
        m_window->userModel()->rowCount() >= 20 && !m_window->userModel()->isLoading(), Timeout);
}

void TestUndo::selectRows(const QList<int> &rows)
{
    QTableView *view = table();
    view->setFocus();
    view->selectionModel()->clearSelection();
    for (int row : rows) {
        view->selectionModel()->setCurrentIndex(
            view->model()->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
}

void TestUndo::editName(int row, const QString &name)
{
    selectRows({ row });
    QPointer<UserDialog> dialog = m_window->openEditUserDialog();
    QVERIFY(dialog);
    auto *edit = dialog->findChild<QLineEdit *>(QStringLiteral("nameEdit"));
    edit->selectAll();
    QTest::keyClicks(edit, name);
    QTest::keyClick(edit, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull(), Timeout);
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    table()->setFocus();
}

int TestUndo::countSent(const QByteArray &method) const
{
    int n = 0;
    const RequestLog *log = m_window->client()->requestLog();
    for (int i = 0; i < log->size(); ++i)
        n += log->at(i).method == method;
    return n;
}

// Another client, straight to the sandbox: not through the window's ApiClient.
SandboxFixture::Exchange TestUndo::direct(
    const QByteArray &method, const ResourceId &id, const QByteArray &body)
{
    QNetworkAccessManager nam;
    QUrl url = m_window->sandbox()->baseUrl();
    url.setPath(url.path() + QStringLiteral("/users/%1").arg(id.toString()));
    return SandboxFixture::send(nam, method, url, body,
        { { "Authorization", "Bearer " + m_window->sandbox()->tokens().value(0).toUtf8() },
            { "Content-Type", "application/json" } });
}

QString TestUndo::serverName(const ResourceId &id)
{
    return QJsonDocument::fromJson(direct("GET", id).body).object().value(QLatin1String("name")).toString();
}

void TestUndo::undoAndRedoOfAnEdit()
{
    startWindow(5000);
    const User before = m_window->userModel()->userAt(2);
    QAction *undoAction = undo()->undoAction();
    QAction *redoAction = undo()->redoAction();
    QVERIFY(!undoAction->isEnabled());
    QCOMPARE(undoAction->shortcut(), QKeySequence(QKeySequence::Undo));
    editName(2, QStringLiteral("Ada Lovelace"));
    QCOMPARE(serverName(before.id), QStringLiteral("Ada Lovelace"));
    QVERIFY(undoAction->isEnabled());
    QCOMPARE(plain(undoAction->text()), QStringLiteral("Undo Edit of Ada Lovelace"));
    const int patches = countSent("PATCH");

    // Ctrl+Z in the window.
    QTest::keyClick(table(), Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(serverName(before.id), before.name, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->userModel()->userAt(m_window->userModel()->rowOfUser(before.id)).name,
        before.name, Timeout);
    QCOMPARE(countSent("PATCH"), patches + 1);
    QTRY_VERIFY_WITH_TIMEOUT(redoAction->isEnabled(), Timeout);
    QCOMPARE(plain(redoAction->text()), QStringLiteral("Redo Edit of Ada Lovelace"));
    QVERIFY(!undoAction->isEnabled());

    // Ctrl+Shift+Z re-applies it.
    QTest::keyClick(table(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE_WITH_TIMEOUT(serverName(before.id), QStringLiteral("Ada Lovelace"), Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(undoAction->isEnabled(), Timeout);
    QCOMPARE(countSent("PATCH"), patches + 2);
    QCOMPARE(plain(undoAction->text()), QStringLiteral("Undo Edit of Ada Lovelace"));
}

void TestUndo::undoRefusedAfterAnotherClientChangedTheUser()
{
    startWindow(5000);
    const User before = m_window->userModel()->userAt(3);
    editName(3, QStringLiteral("Grace Hopper"));
    QCOMPARE(direct("PATCH", before.id, "{\"name\":\"Someone Else's Name\"}").status, 200);
    const int patches = countSent("PATCH");
    QSignalSpy refused(undo(), &UndoController::refused);
    undo()->undoAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(refused.count(), 1, Timeout);
    const QString message = refused.first().at(0).toString();
    QVERIFY2(message.contains(QLatin1String("changed on the server since")), qPrintable(message));
    QVERIFY2(message.endsWith(QLatin1Char('.')), qPrintable(message));
    QCOMPARE(m_window->findChild<MessageBanner *>()->text(), message);
    // Nothing was sent, the other client's change stands, and the edit is still the one to undo.
    QCOMPARE(countSent("PATCH"), patches);
    QCOMPARE(serverName(before.id), QStringLiteral("Someone Else's Name"));
    QVERIFY(undo()->undoAction()->isEnabled());
    QCOMPARE(plain(undo()->undoAction()->text()), QStringLiteral("Undo Edit of Grace Hopper"));
    QVERIFY(!undo()->redoAction()->isEnabled());
}

// A new user's dialog has no id yet (a null id, not the number 0): its save is a create, never an edit
// to PATCH back, so Edit > Undo stays as it was.
void TestUndo::creatingAUserOffersNothingToUndo()
{
    startWindow(5000);
    QPointer<UserDialog> dialog = m_window->openNewUserDialog();
    QVERIFY(dialog);
    QTest::keyClicks(
        dialog->findChild<QLineEdit *>(QStringLiteral("nameEdit")), QStringLiteral("New Person"));
    QTest::keyClicks(
        dialog->findChild<QLineEdit *>(QStringLiteral("emailEdit")), QStringLiteral("new.person@undo.test"));
    dialog->findChild<QComboBox *>(QStringLiteral("genderCombo"))->setCurrentIndex(0);
    QTest::mouseClick(
        dialog->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))->button(QDialogButtonBox::Save),
        Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull(), Timeout);
    QCOMPARE(countSent("POST"), 1);
    QTest::qWait(200);
    QVERIFY2(!undo()->undoAction()->isEnabled(), qPrintable(undo()->undoAction()->text()));
    undo()->undoAction()->trigger();
    QTest::qWait(200);
    QCOMPARE(countSent("PATCH"), 0);
}

void TestUndo::deleteUndoneWithinItsGracePeriodSendsNothing()
{
    startWindow(1500);
    UserTableModel *model = m_window->userModel();
    const QList<User> users
        = { model->userAt(1), model->userAt(2), model->userAt(3), model->userAt(4), model->userAt(5) };
    selectRows({ 1, 2, 3, 4, 5 });
    m_window->deleteSelectedUsers();
    QMessageBox *box = m_window->findChild<QMessageBox *>(QStringLiteral("confirmDeleteBox"));
    QVERIFY(box);
    QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
    // The rows left the table at once; the notice offers the undo.
    for (const User &u : users)
        QCOMPARE(model->rowOfUser(u.id), -1);
    QWidget *notice = undo()->notice();
    QVERIFY(notice->isVisible());
    QCOMPARE(notice->findChild<QLabel *>()->text(), QStringLiteral("Deleted 5 users ·"));
    QVERIFY(!notice->accessibleName().isEmpty());
    QCOMPARE(plain(undo()->undoAction()->text()), QStringLiteral("Undo Delete of 5 users"));
    QTest::mouseClick(notice->findChild<QPushButton *>(QStringLiteral("deleteNoticeUndo")), Qt::LeftButton);
    QVERIFY(!notice->isVisible());
    for (int i = 0; i < users.size(); ++i)
        QCOMPARE(model->rowOfUser(users.at(i).id), i + 1); // back where they were
    // Past the grace period: the server never saw a DELETE.
    QTest::qWait(2500);
    QCOMPARE(countSent("DELETE"), 0);
    for (const User &u : users)
        QCOMPARE(direct("GET", u.id).status, 200);
    QCOMPARE(plain(undo()->redoAction()->text()), QStringLiteral("Redo Delete of 5 users"));
}

void TestUndo::deletesGoOutWhenTheNoticeEnds()
{
    startWindow(1000);
    UserTableModel *model = m_window->userModel();
    const QList<User> users = { model->userAt(1), model->userAt(2) };
    selectRows({ 1, 2 });
    m_window->deleteSelectedUsers();
    QMessageBox *box = m_window->findChild<QMessageBox *>(QStringLiteral("confirmDeleteBox"));
    QVERIFY(box);
    QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
    QCOMPARE(countSent("DELETE"), 0);
    QVERIFY(undo()->notice()->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(!undo()->notice()->isVisible(), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(countSent("DELETE"), 2, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->client()->inFlightCount(), Timeout);
    for (const User &u : users) {
        QCOMPARE(direct("GET", u.id).status, 404);
        QCOMPARE(model->rowOfUser(u.id), -1);
    }
    // Sent: no longer offered as something to undo.
    QVERIFY(!plain(undo()->undoAction()->text()).contains(QLatin1String("Delete")));
}

void TestUndo::quittingDuringTheGracePeriodAsksAndSendsNothing()
{
    startWindow(60000);
    const User user = m_window->userModel()->userAt(1);
    selectRows({ 1 });
    m_window->deleteSelectedUsers();
    QMessageBox *confirm = m_window->findChild<QMessageBox *>(QStringLiteral("confirmDeleteBox"));
    QVERIFY(confirm);
    QTest::mouseClick(confirm->button(QMessageBox::Yes), Qt::LeftButton);
    QVERIFY(!m_window->close()); // not yet: it asks
    QVERIFY(m_window->isVisible());
    auto *box = m_window->findChild<QMessageBox *>(QStringLiteral("quitWithHeldDeleteBox"));
    QVERIFY(box);
    QVERIFY2(box->text().contains(QLatin1String("nothing is deleted")), qPrintable(box->text()));
    QPushButton *quit = nullptr;
    for (QAbstractButton *b : box->buttons()) {
        if (b->text() == QLatin1String("Quit Without Deleting"))
            quit = qobject_cast<QPushButton *>(b);
    }
    QVERIFY(quit);
    QTest::mouseClick(quit, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->isVisible(), Timeout);
    QCOMPARE(countSent("DELETE"), 0);
    QCOMPARE(direct("GET", user.id).status, 200);
}

// A page that loads while deletes are held carries the server's total, which still counts the held users:
// the window's total does not, during the grace period and after the deletes went out.
void TestUndo::theTotalStaysTrueWhenAPageLoadsDuringTheGracePeriod()
{
    QFETCH(int, count);
    startWindow(1500);
    UserTableModel *model = m_window->userModel();
    QList<int> rows;
    QList<User> users;
    for (int row = 1; row <= count; ++row) {
        rows << row;
        users << model->userAt(row);
    }
    selectRows(rows);
    m_window->deleteSelectedUsers();
    QMessageBox *box = m_window->findChild<QMessageBox *>(QStringLiteral("confirmDeleteBox"));
    QVERIFY(box);
    QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
    QVERIFY(undo()->notice()->isVisible());
    // The next page, during the grace period.
    const int loaded = model->loadedCount();
    QVERIFY(model->canFetchMore(QModelIndex()));
    model->fetchMore(QModelIndex());
    QTRY_VERIFY_WITH_TIMEOUT(model->loadedCount() > loaded && !model->isLoading(), Timeout);
    QVERIFY(undo()->notice()->isVisible()); // still held: nothing sent yet
    QCOMPARE(countSent("DELETE"), 0);
    QCOMPARE(model->totalCount(), qint64(SeedUsers - count));

    QTRY_COMPARE_WITH_TIMEOUT(countSent("DELETE"), count, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->client()->inFlightCount(), Timeout);
    for (const User &u : users)
        QCOMPARE(direct("GET", u.id).status, 404);
    QTest::qWait(200);
    QCOMPARE(model->totalCount(), qint64(SeedUsers - count));
}

void TestUndo::theTotalStaysTrueWhenAPageLoadsDuringTheGracePeriod_data()
{
    QTest::addColumn<int>("count");
    QTest::newRow("one user, one request") << 1;
    QTest::newRow("three users, a journaled job") << 3;
}

QTEST_MAIN(TestUndo)
#include "tst_undo.moc"
