#include "apiclient.h"
#include "recorddialog.h"
#include "recordform.h"
#include "recordlistpane.h"
#include "recordtablemodel.h"
#include "requestlog.h"
#include "resourcebrowser.h"
#include "sandboxfixture.h"
#include "translations.h"
#include "userdeletion.h"
#include "userdetailswidget.h"
#include "usertablemodel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace UserDesk;

namespace {
constexpr int Timeout = 30000;
} // namespace

// Posts, comments and todos from the window's panes, against a real sandbox on an ephemeral port: what a
// person does with the New, Edit and Delete buttons, the forms and the todo checkbox, and what the server
// holds afterwards.
class TestResources : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void postCommentAndTodoFromTheDetailPane();
    void serverFieldErrorsShowBesideTheirFields();
    void browsesAllPostsWithAFilterAndSortsHonestly();
    void dateTimesShowInLocalTimeAndGoBackWithTheirOffset();
    void deletingAUserSaysWhatGoesWithIt();
    void browserFiltersOnTheServerAndExportsWhatIsLoaded();
    void aPageThatFailedCanBeAskedForAgain();

private:
    User firstUser();
    // The dialog the pane opened, filled through its fields and saved.
    RecordDialog *openedDialog(QWidget *pane);
    void type(RecordDialog *dialog, const QString &field, const QString &text);
    void save(RecordDialog *dialog);
    QJsonValue serverGet(const QString &path);
    int selectRowWith(RecordListPane *pane, const QString &field, const QString &value);

    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<ApiClient> m_client;
    QNetworkAccessManager m_wire;
};

// English needs its catalogue for the plural forms ("1 post", "5 posts"), as the application loads it.
void TestResources::initTestCase()
{
    Translations::install(QCoreApplication::instance(), QStringLiteral("en"));
}

void TestResources::init()
{
    m_sandbox = std::make_unique<SandboxFixture>(SandboxFixture::defaultConfig(20));
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
    m_client = std::make_unique<ApiClient>();
    m_client->setBaseUrl(m_sandbox->baseUrl());
    m_client->setToken(m_sandbox->token());
}

void TestResources::cleanup()
{
    m_client.reset();
    m_sandbox.reset();
}

User TestResources::firstUser()
{
    User user;
    const ApiClient::RequestId id = m_client->listUsers(1, 1);
    connect(m_client.get(), &ApiClient::usersPageReceived, this,
        [&](ApiClient::RequestId done, const UsersPage &page) {
            if (done == id && !page.users.isEmpty())
                user = page.users.first();
        });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(!user.id.isNull(), Timeout); }();
    return user;
}

RecordDialog *TestResources::openedDialog(QWidget *pane)
{
    // A closed dialog may linger until its deferred delete; the open one is the visible one.
    const auto visible = [pane]() -> RecordDialog * {
        for (RecordDialog *d : pane->findChildren<RecordDialog *>()) {
            if (d->isVisible())
                return d;
        }
        return nullptr;
    };
    [&] { QTRY_VERIFY_WITH_TIMEOUT(visible(), Timeout); }();
    return visible();
}

void TestResources::type(RecordDialog *dialog, const QString &field, const QString &text)
{
    QVERIFY(dialog);
    QWidget *editor = dialog->form()->editorFor(field);
    QVERIFY2(editor, qPrintable(field));
    if (auto *line = qobject_cast<QLineEdit *>(editor)) {
        line->clear();
        QTest::keyClicks(line, text);
    } else if (auto *box = qobject_cast<QPlainTextEdit *>(editor)) {
        box->clear();
        QTest::keyClicks(box, text);
    } else {
        QFAIL(qPrintable(QStringLiteral("%1 is not a text field").arg(field)));
    }
}

void TestResources::save(RecordDialog *dialog)
{
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
}

QJsonValue TestResources::serverGet(const QString &path)
{
    const SandboxFixture::Exchange e = SandboxFixture::send(m_wire, "GET", m_sandbox->url(path));
    if (e.status == 404)
        return QJsonValue(QJsonValue::Undefined);
    const QJsonDocument doc = QJsonDocument::fromJson(e.body);
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

int TestResources::selectRowWith(RecordListPane *pane, const QString &field, const QString &value)
{
    const int column = pane->model()->columnOf(field);
    for (int row = 0; row < pane->proxy()->rowCount(); ++row) {
        const QModelIndex index = pane->proxy()->index(row, column);
        if (index.data(Qt::EditRole).toString() == value) {
            pane->view()->selectionModel()->setCurrentIndex(
                index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            return row;
        }
    }
    return -1;
}

void TestResources::postCommentAndTodoFromTheDetailPane()
{
    const User user = firstUser();
    UserDetailsWidget details;
    details.setClient(m_client.get());
    details.setOnline(true);
    details.resize(700, 700);
    details.show();
    details.showUser(user);
    auto *tabs = details.findChild<QTabWidget *>(QStringLiteral("detailTabs"));
    RecordListPane *posts = details.postsPane();
    QAbstractItemModelTester tester(posts->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    tabs->setCurrentWidget(details.findChild<QWidget *>(QStringLiteral("postsTab")));
    QTRY_VERIFY_WITH_TIMEOUT(posts->model()->totalCount() >= 0, Timeout);
    const qint64 postsBefore = posts->model()->totalCount();

    // A new post, from the pane's New button.
    details.findChild<QPushButton *>(QStringLiteral("new_posts"))->click();
    RecordDialog *dialog = openedDialog(posts);
    QVERIFY(dialog);
    QVERIFY(!dialog->form()->editorFor(QStringLiteral("user_id"))->isEnabled()
        || qobject_cast<QLineEdit *>(dialog->form()->editorFor(QStringLiteral("user_id")))->isReadOnly());
    type(dialog, QStringLiteral("title"), QStringLiteral("Written from the window"));
    type(dialog, QStringLiteral("body"), QStringLiteral("A body typed into the form."));
    save(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(
        selectRowWith(posts, QStringLiteral("title"), QStringLiteral("Written from the window")) >= 0,
        Timeout);
    QCOMPARE(posts->model()->totalCount(), postsBefore + 1);
    const QJsonObject post = posts->currentRecord();
    const QString postId = QString::number(post.value(QStringLiteral("id")).toInteger());
    QCOMPARE(
        serverGet(QStringLiteral("/posts/") + postId).toObject().value(QStringLiteral("user_id")).toInteger(),
        user.id);

    // Selecting it shows its comments below; a comment on it, from that pane.
    RecordListPane *comments = details.commentsPane();
    QTRY_COMPARE(comments->parentId(), ResourceId(post.value(QStringLiteral("id")).toInteger()));
    QCOMPARE(details.findChild<QLabel *>(QStringLiteral("commentsTitle"))->text(),
        QStringLiteral("Comments on post %1").arg(postId));
    QTRY_VERIFY_WITH_TIMEOUT(comments->model()->totalCount() == 0, Timeout);
    details.findChild<QPushButton *>(QStringLiteral("new_comments"))->click();
    QVERIFY((dialog = openedDialog(comments)));
    type(dialog, QStringLiteral("name"), QStringLiteral("A reader"));
    type(dialog, QStringLiteral("email"), QStringLiteral("reader@example.com"));
    type(dialog, QStringLiteral("body"), QStringLiteral("Nice post."));
    save(dialog);
    QTRY_COMPARE_WITH_TIMEOUT(comments->model()->loadedCount(), 1, Timeout);
    const QJsonArray onServer = serverGet(QStringLiteral("/posts/%1/comments").arg(postId)).toArray();
    QCOMPARE(onServer.size(), 1);
    QCOMPARE(
        onServer.at(0).toObject().value(QStringLiteral("body")).toString(), QStringLiteral("Nice post."));

    // Editing the post sends the change; the row follows the server's answer.
    QVERIFY(selectRowWith(posts, QStringLiteral("title"), QStringLiteral("Written from the window")) >= 0);
    details.findChild<QPushButton *>(QStringLiteral("edit_posts"))->click();
    QVERIFY((dialog = openedDialog(posts)));
    type(dialog, QStringLiteral("title"), QStringLiteral("Edited from the window"));
    save(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(
        selectRowWith(posts, QStringLiteral("title"), QStringLiteral("Edited from the window")) >= 0,
        Timeout);
    QCOMPARE(
        serverGet(QStringLiteral("/posts/") + postId).toObject().value(QStringLiteral("title")).toString(),
        QStringLiteral("Edited from the window"));

    // Editing the comment, from a double-click.
    comments->view()->selectRow(0);
    emit comments->view()->doubleClicked(comments->proxy()->index(0, 2));
    QVERIFY((dialog = openedDialog(comments)));
    type(dialog, QStringLiteral("body"), QStringLiteral("Even nicer."));
    save(dialog);
    QTRY_COMPARE_WITH_TIMEOUT(serverGet(QStringLiteral("/posts/%1/comments").arg(postId))
                                  .toArray()
                                  .at(0)
                                  .toObject()
                                  .value(QStringLiteral("body"))
                                  .toString(),
        QStringLiteral("Even nicer."), Timeout);

    // A todo, then its status toggled in place by its checkbox: the server's todo changes.
    tabs->setCurrentWidget(details.findChild<QWidget *>(QStringLiteral("todosTab")));
    RecordListPane *todos = details.todosPane();
    QTRY_VERIFY_WITH_TIMEOUT(todos->model()->totalCount() >= 0, Timeout);
    details.findChild<QPushButton *>(QStringLiteral("new_todos"))->click();
    QVERIFY((dialog = openedDialog(todos)));
    type(dialog, QStringLiteral("title"), QStringLiteral("Water the plants"));
    save(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(
        selectRowWith(todos, QStringLiteral("title"), QStringLiteral("Water the plants")) >= 0, Timeout);
    const QJsonObject todo = todos->currentRecord();
    QCOMPARE(todo.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
    const QString todoPath = QStringLiteral("/todos/%1").arg(todo.value(QStringLiteral("id")).toInteger());
    const int statusColumn = todos->model()->columnOf(QStringLiteral("status"));
    const int row = selectRowWith(todos, QStringLiteral("title"), QStringLiteral("Water the plants"));
    const QModelIndex status = todos->proxy()->index(row, statusColumn);
    QVERIFY(status.flags() & Qt::ItemIsUserCheckable);
    QCOMPARE(status.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
    // What the view's delegate does on a click on the checkbox.
    QVERIFY(todos->proxy()->setData(status, Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(status.data(RecordTableModel::RowStateRole).toInt(), int(RecordTableModel::RowState::Saving));
    QTRY_COMPARE_WITH_TIMEOUT(serverGet(todoPath).toObject().value(QStringLiteral("status")).toString(),
        QStringLiteral("completed"), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(
        todos->proxy()->index(row, statusColumn).data(Qt::CheckStateRole).value<Qt::CheckState>(),
        Qt::Checked, Timeout);

    // Deleting the comment asks first, then removes it here and on the server.
    comments->view()->selectRow(0);
    details.findChild<QPushButton *>(QStringLiteral("delete_comments"))->click();
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = comments->findChild<QMessageBox *>(QStringLiteral("deleteRecordBox"))));
    QVERIFY2(
        box->text().contains(QLatin1String("Nice post.")) || box->text().contains(QLatin1String("A reader")),
        qPrintable(box->text()));
    box->button(QMessageBox::Yes)->click();
    QTRY_COMPARE_WITH_TIMEOUT(comments->model()->loadedCount(), 0, Timeout);
    QCOMPARE(serverGet(QStringLiteral("/posts/%1/comments").arg(postId)).toArray().size(), 0);
}

void TestResources::serverFieldErrorsShowBesideTheirFields()
{
    RecordListPane posts(ResourceSchema::posts(), RecordListPane::Scope::All);
    posts.setClient(m_client.get());
    posts.setOnline(true);
    posts.show();
    QTRY_VERIFY_WITH_TIMEOUT(posts.model()->totalCount() >= 0, Timeout);

    // An empty title is caught before sending, beside the title.
    posts.newRecord();
    RecordDialog *dialog = openedDialog(&posts);
    QVERIFY(dialog);
    type(dialog, QStringLiteral("user_id"), QStringLiteral("987654"));
    type(dialog, QStringLiteral("body"), QStringLiteral("Body"));
    const int logged = m_client->requestLog()->size();
    save(dialog);
    QLabel *titleError = dialog->form()->errorLabelFor(QStringLiteral("title"));
    QVERIFY(!titleError->isHidden());
    QCOMPARE(titleError->text(), QStringLiteral("can't be blank"));
    QCOMPARE(m_client->inFlightCount() + m_client->queuedCount(), 0);
    QCOMPARE(m_client->requestLog()->size(), logged);

    // A user that does not exist is the server's to say: its 422 "user must exist" shows beside User.
    type(dialog, QStringLiteral("title"), QStringLiteral("Orphan"));
    save(dialog);
    QLabel *userError = dialog->form()->errorLabelFor(QStringLiteral("user_id"));
    QTRY_VERIFY_WITH_TIMEOUT(!userError->isHidden(), Timeout);
    QCOMPARE(userError->text(), QStringLiteral("must exist"));
    QVERIFY(titleError->isHidden());
    QVERIFY(dialog->isVisible()); // everything typed is still there
    QCOMPARE(qobject_cast<QLineEdit *>(dialog->form()->editorFor(QStringLiteral("title")))->text(),
        QStringLiteral("Orphan"));
    QVERIFY(
        dialog->form()->editorFor(QStringLiteral("user_id"))->hasFocus() || !QApplication::activeWindow());
}

void TestResources::browsesAllPostsWithAFilterAndSortsHonestly()
{
    RecordListPane posts(ResourceSchema::posts(), RecordListPane::Scope::All);
    posts.setClient(m_client.get());
    posts.model()->setPageSize(5);
    posts.setOnline(true);
    posts.resize(800, 200); // a few rows: the view asks for one page
    posts.show();
    QTRY_VERIFY_WITH_TIMEOUT(posts.model()->totalCount() >= 0 && !posts.model()->isLoading(), Timeout);
    const qint64 all = posts.model()->totalCount();
    QVERIFY(all > posts.model()->loadedCount());

    // Sorting what is loaded says it is only what is loaded.
    posts.view()->sortByColumn(posts.model()->columnOf(QStringLiteral("title")), Qt::AscendingOrder);
    QTRY_VERIFY(posts.statusText().startsWith(QLatin1String("Sorted by Title: only the")));
    QVERIFY2(posts.statusText().contains(QString::number(posts.model()->loadedCount())),
        qPrintable(posts.statusText()));
    QVERIFY2(
        posts.statusText().contains(QStringLiteral("%1 posts").arg(all)), qPrintable(posts.statusText()));
    for (int row = 1; row < posts.proxy()->rowCount(); ++row) {
        QVERIFY(QString::compare(posts.proxy()->index(row - 1, 2).data().toString(),
                    posts.proxy()->index(row, 2).data().toString(), Qt::CaseInsensitive)
            <= 0);
    }

    // A filter goes to the server: every row has the word, and the total is the server's for it.
    const QString word = posts.model()
                             ->recordAt(0)
                             .value(QStringLiteral("title"))
                             .toString()
                             .section(QLatin1Char(' '), 0, 0);
    QVERIFY(!word.isEmpty());
    posts.setFilters({ { QStringLiteral("title"), word } });
    QTRY_VERIFY_WITH_TIMEOUT(posts.model()->totalCount() >= 0 && !posts.model()->isLoading(), Timeout);
    const QJsonArray expected = serverGet(
        QStringLiteral("/posts?per_page=100&title=") + QString::fromLatin1(QUrl::toPercentEncoding(word)))
                                    .toArray();
    QCOMPARE(posts.model()->totalCount(), qint64(expected.size()));
    for (int row = 0; row < posts.model()->rowCount(); ++row)
        QVERIFY(posts.model()
                    ->recordAt(row)
                    .value(QStringLiteral("title"))
                    .toString()
                    .contains(word, Qt::CaseInsensitive));
    const QString lastPath = m_client->requestLog()->at(m_client->requestLog()->size() - 1).url.toString();
    QVERIFY2(lastPath.contains(QStringLiteral("title=")), qPrintable(lastPath));
}

void TestResources::dateTimesShowInLocalTimeAndGoBackWithTheirOffset()
{
    qputenv("TZ", "Europe/Berlin");
    tzset();
    RecordForm form(ResourceSchema::todos());
    QJsonObject todo { { QStringLiteral("id"), 5 }, { QStringLiteral("user_id"), 2 },
        { QStringLiteral("title"), QStringLiteral("t") },
        { QStringLiteral("due_on"), QStringLiteral("2026-07-01T00:00:00.000+05:30") },
        { QStringLiteral("status"), QStringLiteral("pending") } };
    form.setRecord(todo);
    auto *edit = qobject_cast<QDateTimeEdit *>(form.editorFor(QStringLiteral("due_on")));
    QVERIFY(edit);
    QVERIFY(edit->calendarPopup());
    // Midnight in India is 20:30 the evening before in Berlin (summer time).
    QCOMPARE(edit->dateTime().toLocalTime().time(), QTime(20, 30));
    QCOMPARE(edit->dateTime().toLocalTime().date(), QDate(2026, 6, 30));
    QVERIFY(form.changes(todo).isEmpty()); // the same moment, written another way, is no change
    QCOMPARE(form.values().value(QStringLiteral("due_on")).toString(),
        QStringLiteral("2026-06-30T20:30:00+02:00"));
    form.findChild<QCheckBox *>(QStringLiteral("set_due_on"))->setChecked(false);
    QVERIFY(form.values().value(QStringLiteral("due_on")).isNull());
    QCOMPARE(form.changes(todo).keys(), QStringList { QStringLiteral("due_on") });
    qunsetenv("TZ");
    tzset();
}

void TestResources::deletingAUserSaysWhatGoesWithIt()
{
    const User user = firstUser();
    // Something of each kind to go with the user, whatever the seed gave them.
    QSignalSpy created(m_client.get(), &ApiClient::recordCreated);
    m_client->createRecord(ResourceSchema::posts(),
        { { QStringLiteral("title"), QStringLiteral("Doomed") },
            { QStringLiteral("body"), QStringLiteral("b") } },
        user.id);
    QTRY_COMPARE_WITH_TIMEOUT(created.size(), 1, Timeout);
    const qint64 postId = created.at(0).at(2).toJsonObject().value(QStringLiteral("id")).toInteger();
    m_client->createRecord(ResourceSchema::comments(),
        { { QStringLiteral("name"), QStringLiteral("n") },
            { QStringLiteral("email"), QStringLiteral("n@example.com") },
            { QStringLiteral("body"), QStringLiteral("b") } },
        ResourceId(postId));
    m_client->createRecord(ResourceSchema::todos(),
        { { QStringLiteral("title"), QStringLiteral("t") },
            { QStringLiteral("status"), QStringLiteral("pending") } },
        user.id);
    QTRY_COMPARE_WITH_TIMEOUT(created.size(), 3, Timeout);
    const qint64 todoId = created.at(2).at(2).toJsonObject().value(QStringLiteral("id")).toInteger();

    // What the server holds for the user, read on the wire.
    const QJsonArray posts
        = serverGet(QStringLiteral("/users/%1/posts?per_page=100").arg(user.id.toString())).toArray();
    const qint64 todos
        = serverGet(QStringLiteral("/users/%1/todos?per_page=100").arg(user.id.toString())).toArray().size();
    qint64 comments = 0;
    for (const QJsonValue &p : posts) {
        comments += serverGet(QStringLiteral("/posts/%1/comments?per_page=100")
                                  .arg(p.toObject().value(QStringLiteral("id")).toInteger()))
                        .toArray()
                        .size();
    }
    QVERIFY(posts.size() >= 1 && comments >= 1 && todos >= 1);

    // The posts tab lists the doomed post; the user's delete takes it out of the table too.
    RecordListPane allPosts(ResourceSchema::posts(), RecordListPane::Scope::All);
    allPosts.setClient(m_client.get());
    allPosts.setOnline(true);
    allPosts.show();
    QTRY_VERIFY_WITH_TIMEOUT(allPosts.model()->rowOf(ResourceId(postId)) >= 0, Timeout);
    const qint64 allBefore = allPosts.model()->totalCount();
    // The comments tab, loaded to its end, lists the comments on the user's posts.
    QSet<ResourceId> postIds;
    for (const QJsonValue &p : posts)
        postIds.insert(ResourceId(p.toObject().value(QStringLiteral("id")).toInteger()));
    RecordListPane allComments(ResourceSchema::comments(), RecordListPane::Scope::All);
    allComments.setClient(m_client.get());
    allComments.setOnline(true);
    allComments.show();
    RecordTableModel *commentsModel = allComments.model();
    const auto onUsersPosts = [&] {
        qint64 n = 0;
        for (int row = 0; row < commentsModel->rowCount(); ++row)
            n += postIds.contains(commentsModel->rows().parentId(row)) ? 1 : 0;
        return n;
    };
    QTRY_VERIFY_WITH_TIMEOUT(commentsModel->rowCount() > 0, Timeout);
    for (int pages = 0; !commentsModel->isComplete(); ++pages) {
        QVERIFY2(pages < 500, "the comments tab never loaded to its end");
        QTRY_VERIFY_WITH_TIMEOUT(!commentsModel->isLoading(), Timeout);
        if (commentsModel->canFetchMore(QModelIndex()))
            commentsModel->fetchMore(QModelIndex());
        QTRY_VERIFY_WITH_TIMEOUT(!commentsModel->isLoading(), Timeout);
        QVERIFY(commentsModel->isComplete() || commentsModel->hasMore());
    }
    QCOMPARE(onUsersPosts(), comments);
    const qint64 commentsBefore = commentsModel->totalCount();

    QWidget window;
    window.show();
    UserTableModel model(m_client.get());
    UserDeletion deletion(m_client.get(), &model, &window);
    deletion.confirmAndDelete({ user }, QStringLiteral("Test"));
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = window.findChild<QMessageBox *>(QStringLiteral("confirmDeleteBox"))));
    const QRegularExpression counts(
        QStringLiteral(R"(^(\d+) posts?, (\d+) comments? on them and (\d+) todos? go with them\.$)"));
    QTRY_VERIFY_WITH_TIMEOUT(counts.match(box->informativeText()).hasMatch(), Timeout);
    const QRegularExpressionMatch m = counts.match(box->informativeText());
    QCOMPARE(m.captured(1).toLongLong(), qint64(posts.size()));
    QCOMPARE(m.captured(2).toLongLong(), comments);
    QCOMPARE(m.captured(3).toLongLong(), todos);

    // Deleting takes them with the user, on the server.
    box->button(QMessageBox::Yes)->click();
    QTRY_VERIFY_WITH_TIMEOUT(
        serverGet(QStringLiteral("/users/%1").arg(user.id.toString())).isUndefined(), Timeout);
    QVERIFY(serverGet(QStringLiteral("/posts/%1").arg(postId)).isUndefined());
    QVERIFY(serverGet(QStringLiteral("/todos/%1").arg(todoId)).isUndefined());
    QCOMPARE(serverGet(QStringLiteral("/posts/%1/comments").arg(postId)).toArray().size(), 0);
    QTRY_COMPARE(allPosts.model()->rowOf(ResourceId(postId)), -1);
    for (int row = 0; row < allPosts.model()->rowCount(); ++row)
        QVERIFY(allPosts.model()->rows().parentId(row) != user.id);
    QCOMPARE(allPosts.model()->totalCount(), allBefore - posts.size());
    // The comments on those posts went with them, on the server and in the comments tab.
    QTRY_COMPARE(onUsersPosts(), 0);
    QCOMPARE(commentsModel->totalCount(), commentsBefore - comments);
    QCOMPARE(commentsModel->loadedCount(), commentsBefore - comments);
}

void TestResources::browserFiltersOnTheServerAndExportsWhatIsLoaded()
{
    ResourceBrowser browser(m_client.get());
    browser.resize(900, 200); // a few rows: the view asks for a page or two
    browser.show();
    browser.setOnline(true);
    RecordListPane *todos = browser.pane(QStringLiteral("todos"));
    todos->model()->setPageSize(3);
    // Nothing is asked for a tab nobody opened.
    QCOMPARE(m_client->inFlightCount() + m_client->queuedCount(), 0);
    browser.tabBar()->setCurrentIndex(3);
    QTRY_VERIFY_WITH_TIMEOUT(todos->model()->totalCount() >= 0 && !todos->model()->isLoading(), Timeout);
    const qint64 all = todos->model()->totalCount();

    // The status filter is the server's: every row completed, the total the server's count of them.
    auto *status = browser.findChild<QComboBox *>(QStringLiteral("filter_todos_status"));
    QVERIFY(status);
    status->setCurrentIndex(status->findData(QStringLiteral("completed")));
    QTRY_VERIFY_WITH_TIMEOUT(todos->model()->filters().size() == 1 && todos->model()->totalCount() >= 0
            && !todos->model()->isLoading(),
        Timeout);
    const qint64 completed
        = serverGet(QStringLiteral("/todos?status=completed&per_page=100")).toArray().size();
    QCOMPARE(todos->model()->totalCount(), completed);
    QVERIFY(completed < all);
    for (int row = 0; row < todos->model()->rowCount(); ++row)
        QCOMPARE(todos->model()->recordAt(row).value(QStringLiteral("status")).toString(),
            QStringLiteral("completed"));

    // The export writes the loaded rows and says they are only part of what the server has.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("todos.csv"));
    QString message;
    QVERIFY(browser.exportLoaded(QStringLiteral("todos"), path, false, &message));
    const int loaded = todos->model()->loadedCount();
    QVERIFY(loaded < completed);
    QCOMPARE(message,
        QStringLiteral("Exported the %1 loaded todos of %2 to %3; the others are not loaded yet.")
            .arg(loaded)
            .arg(completed)
            .arg(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.first(), QByteArray("id,user_id,title,due_on,status\r"));
    QCOMPARE(lines.size(), loaded + 2); // the header, the rows and the empty end after the last CRLF
}

QTEST_MAIN(TestResources)
// As in the users table: a page that failed, or was canceled, stops the paging (the view would ask again
// on every repaint), says so, and offers to ask again (Try again).
void TestResources::aPageThatFailedCanBeAskedForAgain()
{
    RecordListPane posts(ResourceSchema::posts(), RecordListPane::Scope::All);
    posts.setClient(m_client.get());
    posts.model()->setPageSize(5);
    posts.setOnline(true);
    posts.resize(800, 200); // a few rows: the view asks for one page
    posts.show();
    QTRY_VERIFY_WITH_TIMEOUT(posts.model()->totalCount() >= 0 && !posts.model()->isLoading(), Timeout);
    const int loaded = posts.model()->loadedCount();
    QVERIFY(posts.model()->hasMore());

    // The next page is canceled (the network status's Cancel does this) before it arrives.
    QVERIFY(posts.model()->canFetchMore(QModelIndex()));
    posts.model()->fetchMore(QModelIndex());
    QVERIFY(posts.model()->isLoading());
    QVERIFY(m_client->cancel(posts.model()->pageRequest()));
    QTRY_VERIFY(!posts.model()->isLoading());
    QCOMPARE(posts.model()->loadedCount(), loaded);
    QVERIFY(!posts.model()->canFetchMore(QModelIndex()));

    auto *problem = posts.findChild<QLabel *>(QStringLiteral("postsProblem"));
    auto *retry = posts.findChild<QPushButton *>(QStringLiteral("postsRetry"));
    QVERIFY(problem);
    QVERIFY2(problem->isVisible(), "a canceled page says nothing");
    QCOMPARE(problem->text(), QStringLiteral("Loading the posts was canceled."));
    QVERIFY2(retry && retry->isVisible(), "a canceled page offers no way to ask again");

    retry->click();
    QTRY_VERIFY_WITH_TIMEOUT(posts.model()->loadedCount() > loaded, Timeout);
    QVERIFY(!problem->isVisible());
    QVERIFY(!retry->isVisible());

    // A server error: the same, with the server's reason.
    m_sandbox.reset();
    const int before = posts.model()->loadedCount();
    QTRY_VERIFY(posts.model()->canFetchMore(QModelIndex()));
    posts.model()->fetchMore(QModelIndex());
    QTRY_VERIFY_WITH_TIMEOUT(problem->isVisible(), Timeout);
    QVERIFY2(
        problem->text().startsWith(QLatin1String("Could not load Posts: ")), qPrintable(problem->text()));
    QVERIFY(retry->isVisible());
    QCOMPARE(posts.model()->loadedCount(), before);
}

#include "tst_resources.moc"
