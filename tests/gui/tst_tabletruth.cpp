#include "apiclient.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "profilestore.h"
#include "requestlog.h"
#include "tablestatus.h"
#include "tokenstore.h"
#include "translations.h"
#include "usersortfilterproxymodel.h"
#include "usertablemodel.h"

#include "guidedialog.h"
#include "shortcutsdialog.h"
#include "userexportflow.h"
#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeWidget>

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
    void exportAllWritesEveryUserOfTheServer();
    void idFilterShowsExactlyThatUser();
    void statusSaysWhileTheWorkerSorts();
    void aPageThatLoadsTakesAwayOnlyItsOwnError();
    void helpListsEveryShortcutAndTheGuide();

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
    // Answers the export's question with `button`, then its file dialog with `path`; false when either
    // did not show.
    bool exportThrough(const char *actionName, const char *button, const QString &path)
    {
        action(actionName)->trigger();
        QMessageBox *box = nullptr;
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(
                (box = m_window->findChild<QMessageBox *>(QStringLiteral("exportScopeQuestion")))
                    && box->isVisible(),
                Timeout);
        }();
        auto *choice = box ? box->findChild<QPushButton *>(QLatin1String(button)) : nullptr;
        if (!choice)
            return false;
        QTest::mouseClick(choice, Qt::LeftButton);
        QFileDialog *dialog = nullptr;
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(
                (dialog = m_window->findChild<QFileDialog *>(QStringLiteral("exportDialog")))
                    && dialog->isVisible(),
                Timeout);
        }();
        if (!dialog)
            return false;
        dialog->selectFile(path);
        static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept() is protected, QDialog's is not
        return true;
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
    // Bulk deletes are journaled jobs: the journal lives in the test's folder.
    qputenv("USERDESK_JOURNAL", m_dir->filePath(QStringLiteral("jobs.sqlite")).toUtf8());
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

    // Two selected: no single user's details, and the pane says how many are selected (issue 12, finding 6).
    selectRows({ 0, 1 });
    QVERIFY(detailId().isEmpty());
    QCOMPARE(title->text(), QStringLiteral("2 users selected"));

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

// Finding 2: "Exported 35 user(s)" while the server had 2,995. Export offers all matching users (loading the
// rest first), the loaded ones or the selected ones, and says how many of how many it wrote.
void TestTableTruth::exportAllWritesEveryUserOfTheServer()
{
    constexpr int Seed = 300;
    startWindow(Seed);
    waitForRows(20);
    UserTableModel *model = m_window->userModel();
    model->fetchMore(QModelIndex());
    waitForRows(40);
    QCOMPARE(model->loadedCount(), 40);
    // The estimate of loading the rest uses what the pages took (finding 6), not a fixed figure.
    QCOMPARE(TableStatus::measuredPageMs(RequestLog(), -7), -7);
    const int measured = TableStatus::measuredPageMs(*m_window->client()->requestLog(), -7);
    QVERIFY(measured >= 1);

    const QString allPath = m_dir->filePath(QStringLiteral("all.json"));
    QVERIFY(exportThrough("actionExportJson", "exportAllButton", allPath));
    QFile all(allPath);
    QTRY_VERIFY_WITH_TIMEOUT(all.exists(), Timeout);
    QVERIFY(all.open(QIODevice::ReadOnly));
    const QJsonArray users = QJsonDocument::fromJson(all.readAll()).array();
    QCOMPARE(users.size(), Seed);
    QSet<qint64> ids;
    for (const QJsonValue &user : users)
        ids.insert(user.toObject().value(QStringLiteral("id")).toInteger());
    QCOMPARE(ids.size(), Seed);
    QCOMPARE(model->loadedCount(), Seed);
    QCOMPARE(m_window->statusBar()->currentMessage(),
        QStringLiteral("Exported 300 of 300 users to %1.").arg(allPath));

    // The selected ones: three of them, and the message says which part of how many that was.
    m_window->switchToProfile(m_window->currentProfileName());
    waitForRows(20);
    selectRows({ 0, 1, 2 });
    const QString selectedPath = m_dir->filePath(QStringLiteral("selected.csv"));
    QVERIFY(exportThrough("actionExportCsv", "exportSelectedButton", selectedPath));
    QFile selected(selectedPath);
    QTRY_VERIFY_WITH_TIMEOUT(selected.exists(), Timeout);
    QVERIFY(selected.open(QIODevice::ReadOnly));
    QCOMPARE(selected.readAll().count('\n'), 4); // the header and three users
    QCOMPARE(m_window->statusBar()->currentMessage(),
        QStringLiteral("Exported 3 of 300 users to %1: the selected ones.").arg(selectedPath));
}

// Finding 7, the id: an exact id filter, asked of the server (GoRest's id=N), cleared with the others.
void TestTableTruth::idFilterShowsExactlyThatUser()
{
    startWindow(60);
    waitForRows(20);
    UserTableModel *model = m_window->userModel();
    const ResourceId wanted = idAtRow(7);
    QVERIFY(wanted.hasNumber());
    auto *id = m_window->findChild<QLineEdit *>(QStringLiteral("idFilter"));
    QVERIFY(id);
    QVERIFY(!id->accessibleName().isEmpty());
    id->setFocus();
    QTest::keyClicks(id, wanted.toString());
    QTRY_COMPARE_WITH_TIMEOUT(model->filter().id, wanted.toString(), Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading() && model->totalCount() == 1, Timeout);
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(idAtRow(0), wanted);
    QTRY_COMPARE_WITH_TIMEOUT(countsText(), QStringLiteral("All 1 matching user loaded (filtered)"), Timeout);

    // An id that only starts like another one matches nothing: the filter is exact.
    id->setText(wanted.toString().left(1));
    QTRY_VERIFY_WITH_TIMEOUT(model->filter().id.size() == 1 && !model->isLoading(), Timeout);
    QVERIFY(model->totalCount() <= 1);

    // Escape clears it with the others.
    auto *name = m_window->findChild<QLineEdit *>(QStringLiteral("nameFilter"));
    QTest::keyClicks(name, QStringLiteral("a"));
    QTest::keyClick(id, Qt::Key_Escape);
    QTRY_VERIFY_WITH_TIMEOUT(model->filter().isEmpty(), Timeout);
    QVERIFY(id->text().isEmpty());
    QVERIFY(name->text().isEmpty());
    waitForRows(20);
    QCOMPARE(model->totalCount(), 60);
}

// Finding 6: while the worker sorts, the status bar says so.
void TestTableTruth::statusSaysWhileTheWorkerSorts()
{
    startWindow(90);
    waitForRows(20);
    // Sorts of more than 10 rows go to the worker (20,000 in the application).
    m_window->userProxy()->setSynchronousLimit(10);
    QStringList whileBusy;
    connect(m_window->userProxy(), &UserSortFilterProxyModel::busyChanged, this, [&](bool busy) {
        if (busy)
            whileBusy.append(countsText());
    });
    clickHeader(UserTableModel::NameColumn);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_window->userModel()->isComplete() && !m_window->userProxy()->isBusy(), Timeout);
    QVERIFY(!whileBusy.isEmpty());
    for (const QString &text : std::as_const(whileBusy))
        QVERIFY2(text.endsWith(QStringLiteral(" — sorting…")), qPrintable(text));
    QTRY_VERIFY_WITH_TIMEOUT(!countsText().contains(QStringLiteral("sorting")), Timeout);
}

// Finding 6: a page error the person dismissed must not, once pages load again, take away a later error
// about something else.
void TestTableTruth::aPageThatLoadsTakesAwayOnlyItsOwnError()
{
    startWindow(60);
    waitForRows(20);
    auto *banner = m_window->findChild<MessageBanner *>(QStringLiteral("errorBanner"));
    const QUrl good = m_window->client()->baseUrl();
    QUrl bad = good;
    bad.setPath(QStringLiteral("/nowhere"));
    m_window->client()->setBaseUrl(bad);
    action("actionRefresh")->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), Timeout);
    QVERIFY(banner->text().startsWith(QStringLiteral("Could not load the users")));
    banner->dismiss(); // the person closed it

    // Another error: an export to a folder that does not exist.
    auto *exporter = m_window->findChild<UserExportFlow *>();
    QVERIFY(exporter);
    exporter->exportTo(
        UserExportFlow::Scope::Loaded, m_dir->filePath(QStringLiteral("missing/users.csv")), false);
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), Timeout);
    const QString exportError = banner->text();
    QVERIFY2(exportError.startsWith(QStringLiteral("Could not export")), qPrintable(exportError));

    m_window->client()->setBaseUrl(good);
    action("actionRefresh")->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(
        !m_window->userModel()->isStale() && !m_window->userModel()->isLoading(), Timeout);
    QCoreApplication::processEvents();
    QVERIFY(banner->isVisible());
    QCOMPARE(banner->text(), exportError);
}

// Finding 4 of the list: Help > Keyboard Shortcuts lists every shortcut of the window's actions,
// searchable; Help > UserDesk Guide shows the guide. Both have accessible names.
void TestTableTruth::helpListsEveryShortcutAndTheGuide()
{
    startWindow(30);
    action("actionShortcuts")->trigger();
    ShortcutsDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (dialog = m_window->findChild<ShortcutsDialog *>(QStringLiteral("shortcutsDialog")))
            && dialog->isVisible(),
        Timeout);
    auto *list = dialog->findChild<QTreeWidget *>(QStringLiteral("shortcutList"));
    auto *search = dialog->findChild<QLineEdit *>(QStringLiteral("shortcutSearch"));
    QVERIFY(list && search);
    QVERIFY(!list->accessibleName().isEmpty() && !search->accessibleName().isEmpty());
    QStringList listed;
    for (int i = 0; i < list->topLevelItemCount(); ++i)
        listed.append(list->topLevelItem(i)->text(1));
    const QList<QAction *> actions = m_window->findChildren<QAction *>();
    int withKeys = 0;
    for (const QAction *a : actions) {
        if (a->shortcuts().isEmpty() || a->text().isEmpty())
            continue;
        ++withKeys;
        const QString keys = a->shortcuts().constFirst().toString(QKeySequence::NativeText);
        QVERIFY2(
            std::any_of(listed.cbegin(), listed.cend(), [&](const QString &l) { return l.contains(keys); }),
            qPrintable(keys));
    }
    QVERIFY(withKeys >= 8); // New, Edit, Delete, Refresh, Find, Preferences, Quit, Guide, Shortcuts...
    QCOMPARE(list->topLevelItemCount(), withKeys + 2); // and Enter in the table, Escape in a filter field

    QTest::keyClicks(search, QStringLiteral("F5"));
    int shown = 0;
    for (int i = 0; i < list->topLevelItemCount(); ++i) {
        if (list->topLevelItem(i)->isHidden())
            continue;
        ++shown;
        QCOMPARE(list->topLevelItem(i)->text(1), QStringLiteral("F5"));
    }
    QCOMPARE(shown, 1);
    dialog->close();

    action("actionGuide")->trigger();
    GuideDialog *guide = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (guide = m_window->findChild<GuideDialog *>(QStringLiteral("guideDialog"))) && guide->isVisible(),
        Timeout);
    auto *text = guide->findChild<QTextBrowser *>(QStringLiteral("guideText"));
    QVERIFY(text && !text->accessibleName().isEmpty());
    QVERIFY(text->toPlainText().contains(QStringLiteral("Filters")));
    QVERIFY(text->toPlainText().contains(QStringLiteral("Export")));
}

QTEST_MAIN(TestTableTruth)
#include "tst_tabletruth.moc"
