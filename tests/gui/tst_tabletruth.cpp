#include "apiclient.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "profilestore.h"
#include "tokenstore.h"
#include "translations.h"
#include "usersortfilterproxymodel.h"
#include "usertablemodel.h"

#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace UserDesk;

namespace {
constexpr int Timeout = 60000;
} // namespace

// Issue 12, "the table tells the truth": each finding of a new user, on the real window against the real
// embedded sandbox (ephemeral port, SQLite in a temporary folder) holding more users than the first pages.
class TestTableTruth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void sortByIdCoversEveryUserOnTheServer();
    void longSortAsksFirstAndSaysWhatItCovers();
    void restoredSortFollowsTheSameRules();
    void editAndDeleteFollowTheSelection();
    void detailPaneShowsTheSelection();
    void refreshKeepsTheRowsUntilPageOneArrives();
    void statusSaysAFilterIsOnAndEscapeClearsIt();

private:
    void startWindow(int seedUsers);
    void waitForRows(int rows);
    void selectRows(const QList<int> &rows);
    QTableView *table() const { return m_window->findChild<QTableView *>(QStringLiteral("userTable")); }
    QAction *action(const char *name) const { return m_window->findChild<QAction *>(QLatin1String(name)); }
    QString countsText() const
    {
        return m_window->findChild<QLabel *>(QStringLiteral("loadedLabel"))->text();
    }
    ResourceId idAtRow(int row) const
    {
        return table()
            ->model()
            ->index(row, UserTableModel::IdColumn)
            .data(UserTableModel::UserIdRole)
            .value<ResourceId>();
    }
    QString detailId() const { return m_window->findChild<QLabel *>(QStringLiteral("idValue"))->text(); }
    QString selectedId() const
    {
        const QModelIndexList rows = table()->selectionModel()->selectedRows();
        return rows.size() == 1
            ? rows.constFirst().data(UserTableModel::UserIdRole).value<ResourceId>().toString()
            : QString();
    }
    void clickHeader(int section)
    {
        QHeaderView *header = table()->horizontalHeader();
        const QPoint at(header->sectionViewportPosition(section) + header->sectionSize(section) / 2,
            header->height() / 2);
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, at);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ProfileStore> m_store;
    std::unique_ptr<TokenStore> m_tokens;
    std::unique_ptr<MainWindow> m_window;
};

// English needs its catalogue for the plural forms ("1 user", "5 users"), as the application loads it.
void TestTableTruth::initTestCase()
{
    UserDesk::Translations::install(QCoreApplication::instance(), QStringLiteral("en"));
}

void TestTableTruth::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = std::make_unique<ProfileStore>(m_dir->filePath(QStringLiteral("settings.ini")));
    m_tokens = std::make_unique<TokenStore>(TokenStore::KeychainUse::Disabled, m_dir->path());
    m_tokens->setFallback(TokenStore::Backend::SessionOnly);
}

void TestTableTruth::cleanup()
{
    m_window.reset();
    m_tokens.reset();
    m_store.reset();
    m_dir.reset();
}

void TestTableTruth::startWindow(int seedUsers)
{
    m_store->ensureDefaultProfile();
    MainWindow::Options options;
    options.dataDirectory = m_dir->filePath(QStringLiteral("data"));
    options.sandboxSeedUsers = seedUsers;
    m_window = std::make_unique<MainWindow>(m_store.get(), m_tokens.get(), options);
    m_window->resize(1200, 700);
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestTableTruth::waitForRows(int rows)
{
    QTRY_VERIFY_WITH_TIMEOUT(
        m_window->userModel()->rowCount() >= rows && !m_window->userModel()->isLoading(), Timeout);
}

void TestTableTruth::selectRows(const QList<int> &rows)
{
    QTableView *view = table();
    view->setFocus();
    view->selectionModel()->clearSelection();
    for (int row : rows) {
        const QModelIndex index = view->model()->index(row, 0);
        view->selectionModel()->setCurrentIndex(
            index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
}

// Finding 1: no arrow over the server's own order; sorting by ID in either direction puts the server's
// smallest or largest id on top, not the loaded rows' one.
void TestTableTruth::sortByIdCoversEveryUserOnTheServer()
{
    constexpr int Seed = 90;
    startWindow(Seed);
    waitForRows(20);
    QHeaderView *header = table()->horizontalHeader();
    QVERIFY2(!header->isSortIndicatorShown(), "a sort arrow before the person sorted");
    UserTableModel *model = m_window->userModel();
    QVERIFY(model->loadedCount() < Seed);
    const QList<User> loaded = model->users();
    const ResourceId smallestLoaded
        = std::min_element(loaded.begin(), loaded.end(), [](const User &a, const User &b) {
              return a.id < b.id;
          })->id;

    clickHeader(UserTableModel::IdColumn);
    QVERIFY(header->isSortIndicatorShown());
    QCOMPARE(header->sortIndicatorSection(), int(UserTableModel::IdColumn));
    QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder);
    QTRY_VERIFY_WITH_TIMEOUT(model->isComplete() && !m_window->userProxy()->isBusy(), Timeout);
    QCOMPARE(model->loadedCount(), Seed);
    const QList<User> all = model->users();
    const auto [least, most] = std::minmax_element(
        all.begin(), all.end(), [](const User &a, const User &b) { return a.id < b.id; });
    QVERIFY(least->id < smallestLoaded);
    QTRY_COMPARE_WITH_TIMEOUT(idAtRow(0), least->id, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(countsText(), QStringLiteral("All 90 users loaded"), Timeout);

    clickHeader(UserTableModel::IdColumn);
    QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
    QTRY_COMPARE_WITH_TIMEOUT(idAtRow(0), most->id, Timeout);
}

// Finding 1, the long case: more than 100 pages to load asks first; "loaded rows only" is then said.
void TestTableTruth::longSortAsksFirstAndSaysWhatItCovers()
{
    constexpr int Seed = 2200; // 110 pages of 20
    startWindow(Seed);
    waitForRows(20);
    UserTableModel *model = m_window->userModel();
    const int loaded = model->loadedCount();
    clickHeader(UserTableModel::NameColumn);
    QMessageBox *box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (box = m_window->findChild<QMessageBox *>(QStringLiteral("sortScopeQuestion"))) && box->isVisible(),
        Timeout);
    QVERIFY2(box->text().contains(QLatin1String("2,200")), qPrintable(box->text()));
    QVERIFY2(box->text().contains(QLatin1String("about")), qPrintable(box->text()));
    auto *loadedOnly = box->findChild<QPushButton *>(QStringLiteral("sortLoadedOnlyButton"));
    QVERIFY(loadedOnly);
    QTest::mouseClick(loadedOnly, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(countsText(),
        QStringLiteral("Sorted the %1 loaded users only, of 2,200").arg(model->loadedCount()), Timeout);
    QVERIFY(!model->isLoadingAll());
    QCOMPARE(model->loadedCount(), loaded);

    // Scrolling keeps loading while sorted.
    for (int i = 0; i < 20 && model->loadedCount() == loaded; ++i) {
        table()->scrollToBottom();
        QTest::qWait(100);
    }
    QTRY_VERIFY_WITH_TIMEOUT(model->loadedCount() > loaded, Timeout);
}

// Finding 1: a saved sort comes back under the same rules: the rest is loaded before it claims the order.
void TestTableTruth::restoredSortFollowsTheSameRules()
{
    constexpr int Seed = 90;
    startWindow(Seed);
    waitForRows(20);
    clickHeader(UserTableModel::IdColumn);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->userModel()->isComplete(), Timeout);
    m_window->close();
    m_window.reset();

    startWindow(Seed);
    QHeaderView *header = table()->horizontalHeader();
    QVERIFY(header->isSortIndicatorShown());
    QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_window->userModel()->isComplete() && !m_window->userProxy()->isBusy(), Timeout);
    const QList<User> all = m_window->userModel()->users();
    const ResourceId least = std::min_element(all.begin(), all.end(), [](const User &a, const User &b) {
        return a.id < b.id;
    })->id;
    QTRY_COMPARE_WITH_TIMEOUT(idAtRow(0), least, Timeout);
}

// Finding 4: Edit for exactly one selected user, Delete for one or more, after a filter, F5 and a profile
// switch too.
void TestTableTruth::editAndDeleteFollowTheSelection()
{
    startWindow(60);
    waitForRows(20);
    QVERIFY(!action("actionEdit")->isEnabled());
    QVERIFY(!action("actionDelete")->isEnabled());
    selectRows({ 0 });
    QVERIFY(action("actionEdit")->isEnabled());
    QVERIFY(action("actionDelete")->isEnabled());
    selectRows({ 0, 1 });
    QVERIFY(!action("actionEdit")->isEnabled());
    QVERIFY(action("actionDelete")->isEnabled());

    // A filter replaces the rows: nothing is selected any more.
    auto *name = m_window->findChild<QLineEdit *>(QStringLiteral("nameFilter"));
    QTest::keyClicks(name, QStringLiteral("a"));
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->userModel()->filter().isEmpty(), Timeout);
    waitForRows(1);
    QCOMPARE(table()->selectionModel()->selectedRows().size(), 0);
    QVERIFY(!action("actionEdit")->isEnabled());
    QVERIFY(!action("actionDelete")->isEnabled());

    // F5: whatever stays selected is what the actions follow.
    selectRows({ 0 });
    QVERIFY(action("actionEdit")->isEnabled());
    action("actionRefresh")->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(
        !m_window->userModel()->isStale() && !m_window->userModel()->isLoading(), Timeout);
    const int selected = table()->selectionModel()->selectedRows().size();
    QCOMPARE(action("actionEdit")->isEnabled(), selected == 1);
    QCOMPARE(action("actionDelete")->isEnabled(), selected >= 1);

    // A profile switch (here: to the same profile again) empties the table.
    selectRows({ 0 });
    m_window->switchToProfile(m_window->currentProfileName());
    QCOMPARE(table()->selectionModel()->selectedRows().size(), 0);
    QVERIFY(!action("actionEdit")->isEnabled());
    QVERIFY(!action("actionDelete")->isEnabled());
}

// Finding 5: the detail pane shows the selected user, or no user, after a sort and after a delete.
void TestTableTruth::detailPaneShowsTheSelection()
{
    startWindow(60);
    waitForRows(20);
    auto *title = m_window->findChild<QLabel *>(QStringLiteral("detailTitle"));
    QCOMPARE(title->text(), QStringLiteral("No user selected"));
    selectRows({ 3 });
    QCOMPARE(detailId(), selectedId());

    clickHeader(UserTableModel::NameColumn);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_window->userModel()->isComplete() && !m_window->userProxy()->isBusy(), Timeout);
    QCOMPARE(detailId(), selectedId());
    QVERIFY(!detailId().isEmpty());

    // Two selected: no single user's details.
    selectRows({ 0, 1 });
    QVERIFY(detailId().isEmpty());

    // Deleting the selected user leaves nothing selected, and the pane says so.
    selectRows({ 4 });
    const qint64 doomed = selectedId().toLongLong();
    QTest::keyClick(table(), Qt::Key_Delete);
    QMessageBox *box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (box = m_window->findChild<QMessageBox *>(QStringLiteral("confirmDeleteBox"))) && box->isVisible(),
        Timeout);
    QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->userModel()->rowOfUser(doomed), -1, Timeout);
    QCOMPARE(detailId(), selectedId());
    if (selectedId().isEmpty())
        QCOMPARE(title->text(), QStringLiteral("No user selected"));
}

// Finding 6: F5 keeps the rows (stale) until page 1 arrives; a page error goes once a page loads again.
void TestTableTruth::refreshKeepsTheRowsUntilPageOneArrives()
{
    startWindow(60);
    waitForRows(20);
    UserTableModel *model = m_window->userModel();
    const int rows = model->rowCount();
    action("actionRefresh")->trigger();
    QCOMPARE(model->rowCount(), rows);
    QVERIFY(model->isStale());
    QVERIFY(table()->model()->index(0, 0).data(UserTableModel::StaleRole).toBool());
    QTRY_VERIFY_WITH_TIMEOUT(!model->isStale() && !model->isLoading(), Timeout);
    QVERIFY(model->rowCount() > 0);

    // A page that failed, then a page of the same list that loads: the error goes.
    auto *banner = m_window->findChild<MessageBanner *>(QStringLiteral("errorBanner"));
    QVERIFY(banner);
    const QUrl good = m_window->client()->baseUrl();
    QUrl bad = good;
    bad.setPath(QStringLiteral("/nowhere"));
    m_window->client()->setBaseUrl(bad);
    action("actionRefresh")->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), Timeout);
    QVERIFY(model->rowCount() > 0); // the old rows stay beside the error
    m_window->client()->setBaseUrl(good);
    action("actionRefresh")->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!model->isStale(), Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(!banner->isVisible(), Timeout);
}

// Finding 7: the status bar says a filter is on; Escape in a filter field clears all filters.
void TestTableTruth::statusSaysAFilterIsOnAndEscapeClearsIt()
{
    startWindow(60);
    waitForRows(20);
    auto *name = m_window->findChild<QLineEdit *>(QStringLiteral("nameFilter"));
    QVERIFY(name);
    name->setFocus();
    QTest::keyClicks(name, QStringLiteral("a"));
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->userModel()->filter().isEmpty(), Timeout);
    waitForRows(1);
    QTRY_VERIFY2_WITH_TIMEOUT(
        countsText().contains(QLatin1String("matching user")), qPrintable(countsText()), Timeout);
    QVERIFY2(countsText().contains(QLatin1String("(filtered)")), qPrintable(countsText()));

    QTest::keyClick(name, Qt::Key_Escape);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->userModel()->filter().isEmpty(), Timeout);
    QVERIFY(name->text().isEmpty());
    waitForRows(20);
    QTRY_COMPARE_WITH_TIMEOUT(countsText(),
        QStringLiteral("Loaded %1 of 60 users").arg(m_window->userModel()->loadedCount()), Timeout);
}

QTEST_MAIN(TestTableTruth)
#include "tst_tabletruth.moc"
