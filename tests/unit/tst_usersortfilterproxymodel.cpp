// The window's proxy over a real UserTableModel fed by a sandbox: it sorts at once below its synchronous
// limit and on a worker thread above it, keeps the order while users are created, renamed and deleted,
// keeps persistent indexes (the selection) on their users, and passes QAbstractItemModelTester throughout.
#include "apiclient.h"
#include "sandboxfixture.h"
#include "usersortfilterproxymodel.h"
#include "usertablemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace UserDesk;

class TestUserSortFilterProxyModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void sortsOnAWorkerAndKeepsTheSelection_data();
    void sortsOnAWorkerAndKeepsTheSelection();
    void keepsTheOrderThroughCreateUpdateDelete_data();
    void keepsTheOrderThroughCreateUpdateDelete();
    void aNewerSortWinsOverAnOlderOne();
    void filtersOnAWorker();

private:
    void loadAll();
    QStringList column(int column) const;
    static QStringList sortedCopy(QStringList names, Qt::SortOrder order);

    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<UserTableModel> m_model;
    std::unique_ptr<UserSortFilterProxyModel> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestUserSortFilterProxyModel::initTestCase()
{
    m_sandbox = std::make_unique<SandboxFixture>(SandboxFixture::defaultConfig(60));
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
}

void TestUserSortFilterProxyModel::init()
{
    QVERIFY(m_sandbox->reset(60));
    m_client = std::make_unique<ApiClient>();
    m_client->setBaseUrl(m_sandbox->baseUrl());
    m_client->setToken(m_sandbox->token());
    m_model = std::make_unique<UserTableModel>(m_client.get());
    m_model->setPageSize(25);
    m_proxy = std::make_unique<UserSortFilterProxyModel>();
    m_proxy->setSourceModel(m_model.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_proxy.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
}

void TestUserSortFilterProxyModel::cleanup()
{
    m_tester.reset();
    m_proxy.reset();
    m_model.reset();
    m_client.reset();
}

// The tester asks the proxy for more after every change, as a scrolling view would.
void TestUserSortFilterProxyModel::loadAll()
{
    m_model->reload();
    QTRY_COMPARE_WITH_TIMEOUT(m_model->rowCount(), 60, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(!m_model->isLoading() && !m_model->hasMore(), 30000);
}

QStringList TestUserSortFilterProxyModel::column(int column) const
{
    QStringList values;
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        values.append(m_proxy->index(row, column).data().toString());
    return values;
}

QStringList TestUserSortFilterProxyModel::sortedCopy(QStringList names, Qt::SortOrder order)
{
    std::stable_sort(names.begin(), names.end(), [order](const QString &a, const QString &b) {
        const int c = a.compare(b, Qt::CaseInsensitive);
        return order == Qt::AscendingOrder ? c < 0 : c > 0;
    });
    return names;
}

void TestUserSortFilterProxyModel::sortsOnAWorkerAndKeepsTheSelection_data()
{
    QTest::addColumn<int>("synchronousLimit");
    QTest::newRow("at once") << 1000;
    QTest::newRow("on a worker") << 0;
}

void TestUserSortFilterProxyModel::sortsOnAWorkerAndKeepsTheSelection()
{
    QFETCH(int, synchronousLimit);
    m_proxy->setSynchronousLimit(synchronousLimit);
    loadAll();
    QCOMPARE(m_proxy->rowCount(), 60);
    const QPersistentModelIndex selected = m_proxy->index(7, UserTableModel::EmailColumn);
    const ResourceId selectedId = selected.data(UserTableModel::UserIdRole).value<ResourceId>();
    QVERIFY(selectedId > 0);

    QSignalSpy ordered(m_proxy.get(), &UserSortFilterProxyModel::orderChanged);
    m_proxy->sort(UserTableModel::NameColumn, Qt::DescendingOrder);
    QCOMPARE(m_proxy->isBusy(), synchronousLimit == 0);
    QTRY_COMPARE_WITH_TIMEOUT(ordered.count(), 1, 10000);
    QVERIFY(!m_proxy->isBusy());
    const QStringList names = column(UserTableModel::NameColumn);
    QCOMPARE(names, sortedCopy(names, Qt::DescendingOrder));
    QCOMPARE(names.size(), 60);
    // The selected cell still holds the same user, wherever it went.
    QVERIFY(selected.isValid());
    QCOMPARE(selected.data(UserTableModel::UserIdRole).value<ResourceId>(), selectedId);
    QCOMPARE(selected.column(), int(UserTableModel::EmailColumn));

    // Ids ascending: the smallest id on top, as the person expects from a click on the ID header.
    m_proxy->sort(UserTableModel::IdColumn, Qt::AscendingOrder);
    QTRY_COMPARE_WITH_TIMEOUT(ordered.count(), 2, 10000);
    for (int row = 1; row < m_proxy->rowCount(); ++row)
        QVERIFY(m_proxy->index(row - 1, 0).data().toLongLong() < m_proxy->index(row, 0).data().toLongLong());
}

void TestUserSortFilterProxyModel::keepsTheOrderThroughCreateUpdateDelete_data()
{
    sortsOnAWorkerAndKeepsTheSelection_data();
}

void TestUserSortFilterProxyModel::keepsTheOrderThroughCreateUpdateDelete()
{
    QFETCH(int, synchronousLimit);
    m_proxy->setSynchronousLimit(synchronousLimit);
    loadAll();
    QSignalSpy ordered(m_proxy.get(), &UserSortFilterProxyModel::orderChanged);
    m_proxy->sort(UserTableModel::NameColumn, Qt::AscendingOrder);
    QTRY_COMPARE_WITH_TIMEOUT(ordered.count(), 1, 10000);

    // A created user lands where its name sorts, not on top.
    UserDraft draft;
    draft.name = QStringLiteral("Mmmm Middle");
    draft.email = QStringLiteral("mmmm.middle@example.com");
    draft.gender = QStringLiteral("female");
    draft.status = QStringLiteral("active");
    m_client->createUser(draft);
    QTRY_COMPARE_WITH_TIMEOUT(m_proxy->rowCount(), 61, 10000);
    QStringList names = column(UserTableModel::NameColumn);
    QCOMPARE(names, sortedCopy(names, Qt::AscendingOrder));
    QVERIFY(names.indexOf(draft.name.value()) > 0);

    // A renamed user moves, and a persistent index (the selection) moves with it.
    const QPersistentModelIndex top = m_proxy->index(0, UserTableModel::NameColumn);
    const ResourceId topId = top.data(UserTableModel::UserIdRole).value<ResourceId>();
    UserDraft rename;
    rename.name = QStringLiteral("Zzzz Last");
    m_client->updateUser(topId, rename);
    QTRY_COMPARE_WITH_TIMEOUT(top.data().toString(), rename.name.value(), 10000);
    QCOMPARE(top.row(), m_proxy->rowCount() - 1);
    QCOMPARE(top.data(UserTableModel::UserIdRole).value<ResourceId>(), topId);
    names = column(UserTableModel::NameColumn);
    QCOMPARE(names, sortedCopy(names, Qt::AscendingOrder));

    // A deleted user leaves; the rest keep their order.
    const ResourceId doomed = m_proxy->index(10, 0).data(UserTableModel::UserIdRole).value<ResourceId>();
    m_client->deleteUser(doomed);
    QTRY_COMPARE_WITH_TIMEOUT(m_proxy->rowCount(), 60, 10000);
    names = column(UserTableModel::NameColumn);
    QCOMPARE(names, sortedCopy(names, Qt::AscendingOrder));
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        QVERIFY(m_proxy->index(row, 0).data(UserTableModel::UserIdRole).value<ResourceId>() != doomed);
    // Every row maps back and forth.
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex proxyIndex = m_proxy->index(row, 1);
        QCOMPARE(m_proxy->mapFromSource(m_proxy->mapToSource(proxyIndex)), proxyIndex);
    }
}

void TestUserSortFilterProxyModel::aNewerSortWinsOverAnOlderOne()
{
    m_proxy->setSynchronousLimit(0);
    loadAll();
    QSignalSpy ordered(m_proxy.get(), &UserSortFilterProxyModel::orderChanged);
    m_proxy->sort(UserTableModel::NameColumn, Qt::AscendingOrder);
    m_proxy->sort(UserTableModel::EmailColumn, Qt::DescendingOrder);
    QTRY_VERIFY_WITH_TIMEOUT(!m_proxy->isBusy(), 10000);
    QCOMPARE(ordered.count(), 1);
    const QStringList emails = column(UserTableModel::EmailColumn);
    QCOMPARE(emails, sortedCopy(emails, Qt::DescendingOrder));
    QCOMPARE(m_proxy->sortColumn(), int(UserTableModel::EmailColumn));
}

void TestUserSortFilterProxyModel::filtersOnAWorker()
{
    m_proxy->setSynchronousLimit(0);
    loadAll();
    const QString part = m_model->userAt(3).email.left(3).toUpper();
    int matching = 0;
    for (const User &u : m_model->users())
        matching += u.email.contains(part, Qt::CaseInsensitive);
    QVERIFY(matching > 0 && matching < 60);
    QSignalSpy ordered(m_proxy.get(), &UserSortFilterProxyModel::orderChanged);
    m_proxy->setFilterKeyColumn(UserTableModel::EmailColumn);
    m_proxy->setFilterFixedString(part);
    QTRY_VERIFY_WITH_TIMEOUT(!m_proxy->isBusy(), 10000);
    QCOMPARE(m_proxy->rowCount(), matching);
    for (const QString &email : column(UserTableModel::EmailColumn))
        QVERIFY(email.contains(part, Qt::CaseInsensitive));
    m_proxy->setFilterFixedString(QString());
    QTRY_COMPARE_WITH_TIMEOUT(m_proxy->rowCount(), 60, 10000);
}

QTEST_GUILESS_MAIN(TestUserSortFilterProxyModel)
#include "tst_usersortfilterproxymodel.moc"
