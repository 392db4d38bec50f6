#include "apiclient.h"
#include "sandboxfixture.h"
#include "usersortfilterproxymodel.h"
#include "usertablemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace UserDesk;

class TestUserTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void pagesLoadOnFetchMore();
    void createUpdateDeleteInPlace();
    void pagingAfterCreateShowsNoUserTwice();
    void pagingAfterDeleteSkipsNobody();
    void proxySortsAndFiltersByFields();
    void filterReloads();
    void failuresAreReported();
    void refreshKeepsRowsUntilTheNewPageArrives();
    void refreshThatFailsKeepsTheRows();
    void loadAllLoadsEveryPageAndCanStop();

private:
    void loadFirstPage();
    void attachTester();
    void loadAll(int expected);

    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<UserTableModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestUserTableModel::initTestCase()
{
    m_sandbox = std::make_unique<SandboxFixture>(SandboxFixture::defaultConfig(45));
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
}

void TestUserTableModel::init()
{
    QVERIFY(m_sandbox->reset(45));
    m_client = std::make_unique<ApiClient>();
    m_client->setBaseUrl(m_sandbox->baseUrl());
    m_client->setToken(m_sandbox->token());
    m_model = std::make_unique<UserTableModel>(m_client.get());
    m_model->setPageSize(10);
}

// The tester calls fetchMore() after every change, as a scrolling view would, so with it attached the
// model ends up holding every page.
void TestUserTableModel::attachTester()
{
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
}

void TestUserTableModel::loadAll(int expected)
{
    QTRY_COMPARE_WITH_TIMEOUT(m_model->rowCount(), expected, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(!m_model->isLoading() && !m_model->hasMore(), 30000);
    QCOMPARE(m_model->rowCount(), expected);
}

void TestUserTableModel::cleanup()
{
    m_sandbox->clearFaults();
    m_tester.reset();
    m_model.reset();
    m_client.reset();
}

void TestUserTableModel::loadFirstPage()
{
    m_model->reload();
    QVERIFY(m_model->isLoading());
    QTRY_COMPARE_WITH_TIMEOUT(m_model->rowCount(), 10, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!m_model->isLoading(), 20000);
}

void TestUserTableModel::pagesLoadOnFetchMore()
{
    loadFirstPage();
    QCOMPARE(m_model->totalCount(), 45);
    QVERIFY(m_model->canFetchMore({}));
    // Nothing more is asked for until the view asks: no request queued or on the wire.
    QCOMPARE(m_client->queuedCount() + m_client->inFlightCount(), 0);
    QCOMPARE(m_model->rowCount(), 10);

    m_model->fetchMore({});
    // One page in flight at a time: asking again while it loads does nothing.
    QVERIFY(!m_model->canFetchMore({}));
    m_model->fetchMore({});
    QTRY_COMPARE_WITH_TIMEOUT(m_model->rowCount(), 20, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!m_model->isLoading(), 20000);
    QCOMPARE(m_client->queuedCount() + m_client->inFlightCount(), 0);
    QCOMPARE(m_model->rowCount(), 20);

    attachTester();
    m_model->fetchMore({});
    loadAll(45);
    QCOMPARE(m_model->totalCount(), 45);
    QVERIFY(!m_model->canFetchMore({}));

    // Newest first, as the server lists them, and no id twice.
    QSet<ResourceId> ids;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const User user = m_model->index(row, 0).data(UserTableModel::UserRole).value<User>();
        QVERIFY(user.id.number() > 0);
        QVERIFY(!ids.contains(user.id));
        ids.insert(user.id);
        if (row > 0)
            QVERIFY(user.id < m_model->userAt(row - 1).id);
    }

    // A reload under the tester starts from page 1 again.
    m_model->reload();
    QCOMPARE(m_model->rowCount(), 0);
    loadAll(45);
}

void TestUserTableModel::createUpdateDeleteInPlace()
{
    loadFirstPage();
    attachTester();
    loadAll(45);
    QSignalSpy resets(m_model.get(), &QAbstractItemModel::modelReset);

    // Create: a new row at the top, nothing reloaded.
    UserDraft draft;
    draft.name = QStringLiteral("Model Test");
    draft.email = QStringLiteral("model.test@example.com");
    draft.gender = QStringLiteral("female");
    draft.status = QStringLiteral("active");
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    m_client->createUser(draft);
    QTRY_COMPARE_WITH_TIMEOUT(inserted.count(), 1, 20000);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(m_model->rowCount(), 46);
    QCOMPARE(m_model->totalCount(), 46);
    const User created = m_model->userAt(0);
    QCOMPARE(created.email, QStringLiteral("model.test@example.com"));
    QCOMPARE(m_model->rowOfUser(created.id), 0);

    // Update: the row is marked while saving and changes in place.
    const User target = m_model->userAt(3);
    UserDraft change;
    change.name = QStringLiteral("Renamed In Place");
    const auto updateId = m_client->updateUser(target.id, change);
    m_model->trackRequest(updateId, target.id, UserTableModel::RowState::Saving);
    QCOMPARE(m_model->index(3, 0).data(UserTableModel::RowStateRole).toInt(),
        int(UserTableModel::RowState::Saving));
    QVERIFY(m_model->index(3, 1).data(Qt::FontRole).value<QFont>().italic());
    QTRY_COMPARE_WITH_TIMEOUT(m_model->index(3, UserTableModel::NameColumn).data().toString(),
        QStringLiteral("Renamed In Place"), 20000);
    QCOMPARE(m_model->rowState(target.id), UserTableModel::RowState::Idle);
    QCOMPARE(m_model->userAt(3).email, target.email);

    // Delete: the row goes, the rest stays.
    const User doomed = m_model->userAt(5);
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    const auto deleteId = m_client->deleteUser(doomed.id);
    m_model->trackRequest(deleteId, doomed.id, UserTableModel::RowState::Deleting);
    QTRY_COMPARE_WITH_TIMEOUT(removed.count(), 1, 20000);
    QCOMPARE(m_model->rowOfUser(doomed.id), -1);
    QCOMPARE(m_model->rowCount(), 45);
    QCOMPARE(m_model->totalCount(), 45);
    QCOMPARE(resets.count(), 0);
}

void TestUserTableModel::pagingAfterCreateShowsNoUserTwice()
{
    loadFirstPage();
    UserDraft draft;
    draft.name = QStringLiteral("Shifts Pages");
    draft.email = QStringLiteral("shifts.pages@example.com");
    draft.gender = QStringLiteral("male");
    draft.status = QStringLiteral("inactive");
    m_client->createUser(draft);
    QTRY_COMPARE_WITH_TIMEOUT(m_model->rowCount(), 11, 20000);
    QCOMPARE(m_model->totalCount(), 46);
    // Page 2 now starts with what was the last user of page 1.
    attachTester();
    m_model->fetchMore({});
    loadAll(46);
    QSet<ResourceId> ids;
    for (const User &u : m_model->users())
        ids.insert(u.id);
    QCOMPARE(ids.size(), 46);
}

void TestUserTableModel::pagingAfterDeleteSkipsNobody()
{
    loadFirstPage();
    // Deleting three loaded users moves three users of page 2 onto page 1 on the server; the next page
    // must not step over them.
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    const QList<User> firstPage = m_model->users();
    for (int i = 0; i < 3; ++i)
        m_client->deleteUser(firstPage.at(i).id);
    QTRY_COMPARE_WITH_TIMEOUT(removed.count(), 3, 20000);
    attachTester();
    m_model->fetchMore({});
    loadAll(42);
    QSet<ResourceId> ids;
    for (const User &u : m_model->users())
        ids.insert(u.id);
    QCOMPARE(ids.size(), 42);
}

void TestUserTableModel::proxySortsAndFiltersByFields()
{
    loadFirstPage();
    attachTester();
    m_model->fetchMore({});
    loadAll(45);
    UserSortFilterProxyModel proxy;
    proxy.setSourceModel(m_model.get());
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    proxy.sort(UserTableModel::NameColumn, Qt::AscendingOrder);
    QStringList names;
    for (int row = 0; row < proxy.rowCount(); ++row)
        names.append(proxy.index(row, UserTableModel::NameColumn).data().toString());
    QStringList expected = names;
    std::stable_sort(expected.begin(), expected.end(),
        [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
    QCOMPARE(names, expected);
    proxy.sort(UserTableModel::IdColumn, Qt::DescendingOrder);
    for (int row = 1; row < proxy.rowCount(); ++row)
        QVERIFY(proxy.index(row - 1, 0).data().toLongLong() > proxy.index(row, 0).data().toLongLong());

    const QString part = m_model->users().first().email.left(4).toUpper();
    proxy.setFilterKeyColumn(UserTableModel::EmailColumn);
    proxy.setFilterFixedString(part);
    int matching = 0;
    for (const User &u : m_model->users())
        matching += u.email.contains(part, Qt::CaseInsensitive);
    QVERIFY(matching > 0 && matching < 45);
    QCOMPARE(proxy.rowCount(), matching);
    proxy.setFilterFixedString(QString());
    QCOMPARE(proxy.rowCount(), 45);
}

void TestUserTableModel::filterReloads()
{
    loadFirstPage();
    attachTester();
    UserFilter filter;
    filter.gender = QStringLiteral("female");
    QSignalSpy resets(m_model.get(), &QAbstractItemModel::modelReset);
    m_model->setFilter(filter);
    QCOMPARE(resets.count(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(!m_model->isLoading() && !m_model->hasMore() && m_model->rowCount() > 0, 20000);
    QCOMPARE(m_model->rowCount(), m_model->totalCount());
    for (const User &u : m_model->users())
        QCOMPARE(u.gender, QStringLiteral("female"));
    QVERIFY(m_model->totalCount() < 45);

    // A created user the filter excludes does not appear.
    UserDraft draft;
    draft.name = QStringLiteral("Filtered Out");
    draft.email = QStringLiteral("filtered.out@example.com");
    draft.gender = QStringLiteral("male");
    draft.status = QStringLiteral("active");
    QSignalSpy created(m_client.get(), &ApiClient::userCreated);
    const int rows = m_model->rowCount();
    m_client->createUser(draft);
    QTRY_COMPARE_WITH_TIMEOUT(created.count(), 1, 20000);
    QCOMPARE(m_model->rowCount(), rows);

    // A user edited out of the filter leaves the table, as the server would no longer list it.
    const User edited = m_model->userAt(0);
    UserDraft change;
    change.gender = QStringLiteral("male");
    QSignalSpy updated(m_client.get(), &ApiClient::userUpdated);
    m_client->updateUser(edited.id, change);
    QTRY_COMPARE_WITH_TIMEOUT(updated.count(), 1, 20000);
    QCOMPARE(m_model->rowOfUser(edited.id), -1);
    QCOMPARE(m_model->rowCount(), rows - 1);
    QCOMPARE(m_model->totalCount(), rows - 1);
}

void TestUserTableModel::failuresAreReported()
{
    loadFirstPage();
    attachTester();
    QSignalSpy rowFailed(m_model.get(), &UserTableModel::rowRequestFailed);
    const User target = m_model->userAt(0);
    // Someone else deletes the user first; our delete then finds nothing.
    QSignalSpy deleted(m_client.get(), &ApiClient::userDeleted);
    m_client->deleteUser(target.id);
    QTRY_COMPARE_WITH_TIMEOUT(deleted.count(), 1, 20000);
    QCOMPARE(m_model->rowOfUser(target.id), -1);
    const User other = m_model->userAt(0);
    UserDraft bad;
    bad.email = QStringLiteral("not-an-email");
    const auto id = m_client->updateUser(other.id, bad);
    m_model->trackRequest(id, other.id, UserTableModel::RowState::Saving);
    QTRY_COMPARE_WITH_TIMEOUT(rowFailed.count(), 1, 20000);
    QCOMPARE(rowFailed.at(0).at(1).value<ResourceId>(), other.id);
    QCOMPARE(rowFailed.at(0).at(2).value<ApiError>().kind(), ApiError::Kind::Validation);
    QCOMPARE(m_model->rowState(other.id), UserTableModel::RowState::Idle);

    // A page that cannot load is reported, and the view is not invited to ask again and again.
    ApiClient dead;
    dead.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:1/public/v2")));
    RetryPolicy once;
    once.maxAttempts = 1;
    dead.setRetryPolicy(once);
    UserTableModel model(&dead);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy pageFailed(&model, &UserTableModel::pageLoadFailed);
    model.reload();
    QTRY_COMPARE_WITH_TIMEOUT(pageFailed.count(), 1, 20000);
    QCOMPARE(pageFailed.at(0).at(1).value<ApiError>().kind(), ApiError::Kind::Network);
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(model.rowCount(), 0);
}

// F5 used to empty the table at once and leave it blank while the server was slow or down.
void TestUserTableModel::refreshKeepsRowsUntilTheNewPageArrives()
{
    loadFirstPage();
    attachTester();
    QTRY_VERIFY_WITH_TIMEOUT(!m_model->isLoading(), 20000);
    const int before = m_model->rowCount();
    QVERIFY(before >= 10);
    SandboxFaults slow;
    slow.latencyMs = 700;
    m_sandbox->setFaults(slow);
    QSignalSpy resets(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy stale(m_model.get(), &UserTableModel::staleChanged);
    m_model->refresh();
    QVERIFY(m_model->isStale());
    QCOMPARE(stale.count(), 1);
    QCOMPARE(m_model->rowCount(), before);
    QVERIFY(m_model->index(0, 1).data(UserTableModel::StaleRole).toBool()); // shown as stale
    QTest::qWait(300);
    QCOMPARE(m_model->rowCount(), before);
    QCOMPARE(resets.count(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(!m_model->isStale(), 20000);
    QCOMPARE(resets.count(), 1);
    QVERIFY(m_model->rowCount() >= 10);
    QVERIFY(!m_model->index(0, 1).data(UserTableModel::StaleRole).toBool());
    QCOMPARE(m_model->totalCount(), 45);
}

void TestUserTableModel::refreshThatFailsKeepsTheRows()
{
    RetryPolicy once;
    once.maxAttempts = 1;
    m_client->setRetryPolicy(once);
    loadFirstPage();
    SandboxFaults down;
    down.failRate = 1.0;
    m_sandbox->setFaults(down);
    QSignalSpy failed(m_model.get(), &UserTableModel::pageLoadFailed);
    m_model->refresh();
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
    QCOMPARE(m_model->rowCount(), 10);
    QVERIFY(m_model->isStale());
    QVERIFY(!m_model->isLoading());
    // Once the server is back, a refresh replaces them.
    m_sandbox->clearFaults();
    m_model->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!m_model->isStale() && !m_model->isLoading(), 20000);
    QCOMPARE(m_model->rowCount(), 10);
}

// A sort or an export over all users first loads the pages a view never asked for.
void TestUserTableModel::loadAllLoadsEveryPageAndCanStop()
{
    loadFirstPage();
    QCOMPARE(m_model->remainingPages(), 4);
    QVERIFY(!m_model->isComplete());
    QSignalSpy loadingAll(m_model.get(), &UserTableModel::loadingAllChanged);
    m_model->loadAll();
    QVERIFY(m_model->isLoadingAll());
    QTRY_VERIFY_WITH_TIMEOUT(!m_model->isLoadingAll(), 30000);
    QCOMPARE(m_model->rowCount(), 45);
    QVERIFY(m_model->isComplete());
    QCOMPARE(m_model->remainingPages(), 0);
    QCOMPARE(loadingAll.count(), 2);
    QCOMPARE(loadingAll.at(1).at(1).toBool(), true);

    // Stopped after the next page: what is in flight lands, nothing more is asked for.
    m_model->reload();
    QTRY_COMPARE_WITH_TIMEOUT(m_model->rowCount(), 10, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!m_model->isLoading(), 20000);
    SandboxFaults slow;
    slow.latencyMs = 300;
    m_sandbox->setFaults(slow);
    loadingAll.clear();
    m_model->loadAll();
    QTRY_COMPARE_WITH_TIMEOUT(m_model->rowCount(), 20, 20000);
    m_model->stopLoadingAll();
    QCOMPARE(loadingAll.count(), 2);
    QCOMPARE(loadingAll.at(1).at(1).toBool(), false);
    QTRY_VERIFY_WITH_TIMEOUT(!m_model->isLoading(), 20000);
    QCOMPARE(m_client->queuedCount() + m_client->inFlightCount(), 0); // nothing more asked for
    QVERIFY(m_model->rowCount() <= 30);
    QVERIFY(!m_model->isComplete());
    QVERIFY(m_model->hasMore());
}

QTEST_GUILESS_MAIN(TestUserTableModel)
#include "tst_usertablemodel.moc"
