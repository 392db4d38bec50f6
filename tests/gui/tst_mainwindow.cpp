#include "apiclient.h"
#include "mainwindow.h"
#include "profilestore.h"
#include "recordlistpane.h"
#include "recordtablemodel.h"
#include "requestlog.h"
#include "requestlogmodel.h"
#include "sandboxfixture.h"
#include "sandboxhost.h"
#include "settingsdialog.h"
#include "tokenstore.h"
#include "translations.h"
#include "userdeletion.h"
#include "userdetailswidget.h"
#include "userdialog.h"
#include "usertablemodel.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPalette>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStatusBar>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QTreeWidget>

#include <cmath>

using namespace UserDesk;

namespace {
constexpr int Timeout = 30000;
constexpr int SeedUsers = 60;
} // namespace

// Drives the real window against the real embedded sandbox (ephemeral port, SQLite in a temporary
// folder), with a temporary settings file and a token store that never touches the keychain.
class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void firstLaunchFillsTheTable();
    void scrollingFetchesMorePages();
    void createAddsTheRowInPlace();
    void editSendsOnlyChangedFields();
    void deleteRemovesTheRowInPlace();
    void validationErrorsStayBesideTheFields();
    void retryCountdownThenSuccess();
    void retryCanBeCanceled();
    void bulkDeleteTreatsAlreadyGoneAsGone();
    void switchingProfilesReloads();
    void settingsPersistWithoutTheToken();
    void findFocusesTheNameFilter();
    void failedSaveShowsOneError_data();
    void failedSaveShowsOneError();
    void darkPaletteKeepsTheJsonReadable();
    void switchingWhileLoadingShowsNoCancelBanner();

private:
    void startWindow();
    void waitForRows(int rows);
    static QString dialogErrors(QWidget *dialog);
    QTableView *table() const { return m_window->findChild<QTableView *>(QStringLiteral("userTable")); }
    QAction *action(const char *name) const { return m_window->findChild<QAction *>(QLatin1String(name)); }
    void selectRows(const QList<int> &rows);
    template<typename T> T *waitForChild(const QString &name)
    {
        // The visible one: a dialog closed a moment ago may not be deleted yet.
        auto visible = [&]() -> T * {
            for (T *child : m_window->findChildren<T *>(name)) {
                if (child->isVisible())
                    return child;
            }
            return nullptr;
        };
        T *child = nullptr;
        [&] { QTRY_VERIFY2_WITH_TIMEOUT((child = visible()), qPrintable(name), Timeout); }();
        return child;
    }
    const HttpExchange *lastExchange(const QByteArray &method) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ProfileStore> m_store;
    std::unique_ptr<TokenStore> m_tokens;
    std::unique_ptr<MainWindow> m_window;
};

// English needs its catalogue for the plural forms ("1 user", "5 users"), as the application loads it.
void TestMainWindow::initTestCase()
{
    UserDesk::Translations::install(QCoreApplication::instance(), QStringLiteral("en"));
}

void TestMainWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    // Bulk jobs write their journal here, not in the person's data folder.
    qputenv("USERDESK_JOURNAL", m_dir->filePath(QStringLiteral("jobs.sqlite")).toUtf8());
    m_store = std::make_unique<ProfileStore>(m_dir->filePath(QStringLiteral("settings.ini")));
    m_tokens = std::make_unique<TokenStore>(TokenStore::KeychainUse::Disabled, m_dir->path());
    m_tokens->setFallback(TokenStore::Backend::SessionOnly);
}

void TestMainWindow::cleanup()
{
    m_window.reset();
    QApplication::setPalette(QPalette());
    m_tokens.reset();
    m_store.reset();
    m_dir.reset();
}

void TestMainWindow::startWindow()
{
    m_store->ensureDefaultProfile();
    MainWindow::Options options;
    options.dataDirectory = m_dir->filePath(QStringLiteral("data"));
    options.sandboxSeedUsers = SeedUsers;
    m_window = std::make_unique<MainWindow>(m_store.get(), m_tokens.get(), options);
    // Deletes go out at once here; tst_undo covers the grace period in which they can be undone.
    m_window->findChild<UserDeletion *>()->setGraceMs(0);
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

// The view asks for as many pages as it needs to fill itself, so a first load may bring more than one.
void TestMainWindow::waitForRows(int rows)
{
    QTRY_VERIFY_WITH_TIMEOUT(
        m_window->userModel()->rowCount() >= rows && !m_window->userModel()->isLoading(), Timeout);
}

QString TestMainWindow::dialogErrors(QWidget *dialog)
{
    QStringList texts;
    for (const char *name : { "nameError", "emailError", "genderError", "statusError", "formMessage" }) {
        auto *label = dialog->findChild<QLabel *>(QLatin1String(name));
        if (label && !label->text().isEmpty())
            texts << QLatin1String(name) + QStringLiteral(": ") + label->text();
    }
    return texts.join(QStringLiteral("; "));
}

void TestMainWindow::selectRows(const QList<int> &rows)
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

const HttpExchange *TestMainWindow::lastExchange(const QByteArray &method) const
{
    const RequestLog *log = m_window->client()->requestLog();
    for (int i = log->size() - 1; i >= 0; --i) {
        if (log->at(i).method == method)
            return &log->at(i);
    }
    return nullptr;
}

void TestMainWindow::firstLaunchFillsTheTable()
{
    QVERIFY(m_store->profiles().isEmpty());
    startWindow();
    QCOMPARE(m_window->currentProfileName(), ProfileStore::defaultProfileName());
    QVERIFY(m_store->currentProfile()->isEmbeddedSandbox());
    waitForRows(20);
    QVERIFY(m_window->sandbox() && m_window->sandbox()->isReady());
    const int rows = m_window->userModel()->rowCount();
    QCOMPARE(rows % 20, 0); // whole pages of the profile's page size
    QCOMPARE(table()->model()->rowCount(), rows);
    QCOMPARE(m_window->userModel()->totalCount(), SeedUsers);
    auto *loaded = m_window->findChild<QLabel *>(QStringLiteral("loadedLabel"));
    QTRY_COMPARE_WITH_TIMEOUT(loaded->text(), QStringLiteral("Loaded %1 of 60 users").arg(rows), Timeout);
    auto *endpoint = m_window->findChild<QLabel *>(QStringLiteral("endpointLabel"));
    QVERIFY2(endpoint->text().contains(QLatin1String("http://127.0.0.1:")), qPrintable(endpoint->text()));
    auto *combo = m_window->findChild<QComboBox *>(QStringLiteral("profileCombo"));
    QCOMPARE(combo->currentText(), ProfileStore::defaultProfileName());
    QVERIFY(!m_window->windowIcon().isNull());

    // Selecting a row shows its details and pretty JSON.
    selectRows({ 0 });
    const User first = m_window->userModel()->userAt(0);
    QCOMPARE(m_window->findChild<QLabel *>(QStringLiteral("emailValue"))->text(), first.email);
    QVERIFY(m_window->findChild<QPlainTextEdit *>(QStringLiteral("jsonView"))
                ->toPlainText()
                .contains(first.email));
    // Posts load when their tab is opened.
    auto *tabs = m_window->findChild<QTabWidget *>(QStringLiteral("detailTabs"));
    tabs->setCurrentIndex(1);
    RecordTableModel *posts = m_window->findChild<UserDetailsWidget *>()->postsPane()->model();
    QTRY_VERIFY_WITH_TIMEOUT(!posts->isLoading() && posts->totalCount() >= 0, Timeout);
    bool askedForPosts = false;
    const RequestLog *log = m_window->client()->requestLog();
    for (int i = 0; i < log->size(); ++i)
        askedForPosts = askedForPosts
            || log->at(i).url.path().endsWith(QStringLiteral("/users/%1/posts").arg(first.id.toString()));
    QVERIFY(askedForPosts);
}

void TestMainWindow::scrollingFetchesMorePages()
{
    startWindow();
    waitForRows(20);
    QTableView *view = table();
    for (int i = 0; i < 10 && m_window->userModel()->rowCount() < SeedUsers; ++i) {
        view->scrollToBottom();
        QTest::qWait(100);
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_window->userModel()->rowCount(), SeedUsers, Timeout);
    QVERIFY(!m_window->userModel()->canFetchMore({}));
    bool sawPage3 = false;
    const RequestLog *log = m_window->client()->requestLog();
    for (int i = 0; i < log->size(); ++i)
        sawPage3 = sawPage3 || log->at(i).url.query().contains(QLatin1String("page=3"));
    QVERIFY(sawPage3);
    auto *loaded = m_window->findChild<QLabel *>(QStringLiteral("loadedLabel"));
    QTRY_COMPARE_WITH_TIMEOUT(loaded->text(), QStringLiteral("All 60 users loaded"), Timeout);
}

void TestMainWindow::createAddsTheRowInPlace()
{
    startWindow();
    waitForRows(20);
    const int rowsBefore = m_window->userModel()->rowCount();
    QSignalSpy resets(m_window->userModel(), &QAbstractItemModel::modelReset);
    QTest::keyClick(table(), Qt::Key_N, Qt::ControlModifier);
    QPointer<UserDialog> dialog = waitForChild<UserDialog>(QStringLiteral("userDialog"));
    QVERIFY(!dialog->isEditing());
    QTest::keyClicks(
        dialog->findChild<QLineEdit *>(QStringLiteral("nameEdit")), QStringLiteral("Grace Hopper"));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("emailEdit")),
        QStringLiteral("grace.hopper@example.com"));
    dialog->findChild<QComboBox *>(QStringLiteral("genderCombo"))->setCurrentIndex(0);
    auto *buttons = dialog->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"));
    QTest::mouseClick(buttons->button(QDialogButtonBox::Save), Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(
        dialog.isNull(), qPrintable(dialog ? dialogErrors(dialog) : QString()), Timeout);
    QCOMPARE(m_window->userModel()->rowCount(), rowsBefore + 1);
    QCOMPARE(m_window->userModel()->userAt(0).email, QStringLiteral("grace.hopper@example.com"));
    QCOMPARE(m_window->userModel()->totalCount(), SeedUsers + 1);
    QCOMPARE(resets.count(), 0);
    const HttpExchange *post = lastExchange("POST");
    QVERIFY(post);
    QCOMPARE(post->httpStatus, 201);
}

void TestMainWindow::editSendsOnlyChangedFields()
{
    startWindow();
    waitForRows(20);
    selectRows({ 2 });
    const User before = table()->currentIndex().data(UserTableModel::UserRole).value<User>();
    QTest::keyClick(table(), Qt::Key_F2);
    QPointer<UserDialog> dialog = waitForChild<UserDialog>(QStringLiteral("userDialog"));
    QVERIFY(dialog->isEditing());
    QVERIFY(QTest::qWaitForWindowActive(dialog));
    auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("nameEdit"));
    QCOMPARE(name->text(), before.name);
    name->selectAll();
    QTest::keyClicks(name, QStringLiteral("Edited Name"));
    QSignalSpy resets(m_window->userModel(), &QAbstractItemModel::modelReset);
    QTest::keyClick(name, Qt::Key_Return);
    QTRY_VERIFY2_WITH_TIMEOUT(
        dialog.isNull(), qPrintable(dialog ? dialogErrors(dialog) : QString()), Timeout);
    const int row = m_window->userModel()->rowOfUser(before.id);
    QCOMPARE(row, 2);
    QCOMPARE(m_window->userModel()->userAt(row).name, QStringLiteral("Edited Name"));
    QCOMPARE(m_window->userModel()->userAt(row).email, before.email);
    QCOMPARE(resets.count(), 0);

    const HttpExchange *patch = lastExchange("PATCH");
    QVERIFY(patch);
    QCOMPARE(patch->httpStatus, 200);
    const QJsonObject body = QJsonDocument::fromJson(patch->requestBody).object();
    QCOMPARE(body.keys(), QStringList { QStringLiteral("name") });
    QCOMPARE(body.value(QLatin1String("name")).toString(), QStringLiteral("Edited Name"));
    // The detail pane follows the saved row.
    QCOMPARE(
        m_window->findChild<QLabel *>(QStringLiteral("nameValue"))->text(), QStringLiteral("Edited Name"));
}

void TestMainWindow::deleteRemovesTheRowInPlace()
{
    startWindow();
    waitForRows(20);
    selectRows({ 4 });
    const User doomed = m_window->userModel()->userAt(4);
    QTest::keyClick(table(), Qt::Key_Delete);
    auto *box = waitForChild<QMessageBox>(QStringLiteral("confirmDeleteBox"));
    QVERIFY(box->text().contains(doomed.name));
    QSignalSpy resets(m_window->userModel(), &QAbstractItemModel::modelReset);
    // Counted as removals, not as a row count: the view may load its next page meanwhile.
    QSignalSpy removed(m_window->userModel(), &QAbstractItemModel::rowsRemoved);
    QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->userModel()->rowOfUser(doomed.id), -1, Timeout);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.first().at(1).toInt(), removed.first().at(2).toInt()); // one row
    QCOMPARE(m_window->userModel()->totalCount(), SeedUsers - 1);
    QCOMPARE(resets.count(), 0);
    // The row left at once; the DELETE's answer follows.
    QTRY_VERIFY_WITH_TIMEOUT(lastExchange("DELETE") && lastExchange("DELETE")->httpStatus == 204, Timeout);
}

void TestMainWindow::validationErrorsStayBesideTheFields()
{
    startWindow();
    waitForRows(20);
    const QString taken = m_window->userModel()->userAt(0).email;
    UserDialog *dialog = m_window->openNewUserDialog();
    QPointer<UserDialog> guard(dialog);
    auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("nameEdit"));
    auto *email = dialog->findChild<QLineEdit *>(QStringLiteral("emailEdit"));
    auto *emailError = dialog->findChild<QLabel *>(QStringLiteral("emailError"));
    auto *buttons = dialog->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"));

    // Checked before sending: nothing goes on the wire.
    QTest::keyClicks(email, QStringLiteral("not an email"));
    const int logged = m_window->client()->requestLog()->size();
    QTest::mouseClick(buttons->button(QDialogButtonBox::Save), Qt::LeftButton);
    QVERIFY(emailError->isVisible());
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("nameError"))->isVisible());
    QCOMPARE(m_window->client()->requestLog()->size(), logged);

    // Refused by the server: the message sits beside the email field, everything typed stays.
    QTest::keyClicks(name, QStringLiteral("Ada Lovelace"));
    email->clear();
    QTest::keyClicks(email, taken);
    dialog->findChild<QComboBox *>(QStringLiteral("genderCombo"))->setCurrentIndex(0);
    QTest::mouseClick(buttons->button(QDialogButtonBox::Save), Qt::LeftButton);
    QVERIFY(dialog->isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), Timeout);
    QVERIFY(!guard.isNull());
    QVERIFY(dialog->isVisible());
    QVERIFY(emailError->isVisible());
    QVERIFY2(emailError->text().contains(QLatin1String("taken")), qPrintable(emailError->text()));
    QCOMPARE(name->text(), QStringLiteral("Ada Lovelace"));
    QCOMPARE(email->text(), taken);
    QCOMPARE(lastExchange("POST")->httpStatus, 422);
    QCOMPARE(m_window->userModel()->totalCount(), SeedUsers);

    // Cancel asks first, because something was typed.
    QTest::mouseClick(buttons->button(QDialogButtonBox::Cancel), Qt::LeftButton);
    auto *discard = waitForChild<QMessageBox>(QStringLiteral("discardChangesBox"));
    QVERIFY(dialog->isVisible());
    QTest::mouseClick(discard->button(QMessageBox::Discard), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(guard.isNull(), Timeout);
}

void TestMainWindow::retryCountdownThenSuccess()
{
    startWindow();
    waitForRows(20);
    SandboxFaults faults;
    faults.failRate = 1.0;
    m_window->sandbox()->setFaults(faults);
    QTest::keyClick(table(), Qt::Key_F5);
    auto *retry = m_window->findChild<QWidget *>(QStringLiteral("retryWidget"));
    auto *label = m_window->findChild<QLabel *>(QStringLiteral("retryLabel"));
    QTRY_VERIFY_WITH_TIMEOUT(retry->isVisible(), Timeout);
    QVERIFY2(label->text().contains(QLatin1String("attempt 2 of 5")), qPrintable(label->text()));
    QVERIFY2(label->text().startsWith(QLatin1String("Retrying")), qPrintable(label->text()));
    m_window->sandbox()->setFaults(SandboxFaults());
    waitForRows(20);
    QTRY_VERIFY_WITH_TIMEOUT(!retry->isVisible(), Timeout);
    QVERIFY(!m_window->findChild<QWidget *>(QStringLiteral("errorBanner"))->isVisible());
}

void TestMainWindow::retryCanBeCanceled()
{
    startWindow();
    waitForRows(20);
    SandboxFaults faults;
    faults.failRate = 1.0;
    m_window->sandbox()->setFaults(faults);
    action("actionRefresh")->trigger();
    auto *retry = m_window->findChild<QWidget *>(QStringLiteral("retryWidget"));
    QTRY_VERIFY_WITH_TIMEOUT(retry->isVisible(), Timeout);
    QTest::mouseClick(
        m_window->findChild<QPushButton *>(QStringLiteral("retryCancelButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!retry->isVisible(), Timeout);
    auto *banner = m_window->findChild<QWidget *>(QStringLiteral("errorBanner"));
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), Timeout);
    QVERIFY(m_window->findChild<QLabel *>(QStringLiteral("errorLabel"))
                ->text()
                .contains(QLatin1String("canceled")));

    // "Show exchange" selects the failed exchange in the log dock.
    auto *show = m_window->findChild<QPushButton *>(QStringLiteral("showExchangeButton"));
    QVERIFY(show->isVisible());
    QTest::mouseClick(show, Qt::LeftButton);
    auto *logTable = m_window->findChild<QTableView *>(QStringLiteral("logTable"));
    QVERIFY(logTable->currentIndex().isValid());
    QCOMPARE(logTable->currentIndex().siblingAtColumn(RequestLogModel::StatusColumn).data().toInt(), 503);
    QVERIFY(m_window->findChild<QPlainTextEdit *>(QStringLiteral("logDetails"))
                ->toPlainText()
                .contains(QLatin1String("503")));

    m_window->sandbox()->setFaults(SandboxFaults());
    QTest::mouseClick(m_window->findChild<QPushButton *>(QStringLiteral("retryButton")), Qt::LeftButton);
    waitForRows(20);
    QVERIFY(!banner->isVisible());
}

void TestMainWindow::bulkDeleteTreatsAlreadyGoneAsGone()
{
    startWindow();
    waitForRows(20);
    const QList<User> users = { m_window->userModel()->userAt(1), m_window->userModel()->userAt(2),
        m_window->userModel()->userAt(3), m_window->userModel()->userAt(4) };
    const qint64 totalBefore = m_window->userModel()->totalCount();
    // Someone else deletes two of them first.
    ApiClient other;
    other.setBaseUrl(m_window->sandbox()->baseUrl());
    other.setToken(m_window->sandbox()->tokens().value(0));
    QSignalSpy deleted(&other, &ApiClient::userDeleted);
    other.deleteUser(users.at(1).id);
    other.deleteUser(users.at(3).id);
    QTRY_COMPARE_WITH_TIMEOUT(deleted.count(), 2, Timeout);

    selectRows({ 1, 2, 3, 4 });
    QTest::keyClick(table(), Qt::Key_Delete);
    auto *box = waitForChild<QMessageBox>(QStringLiteral("confirmDeleteBox"));
    QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);

    // A journaled job (tst_jobswindow tests the journal): the two already gone count as gone, not as
    // failures, and the status bar says so in a sentence; no report box, no error.
    QTRY_VERIFY_WITH_TIMEOUT(m_window->statusBar()->currentMessage().contains(QLatin1String(
                                 "A bulk delete of 4 users finished: 4 applied, 0 not applied. 2 of them had "
                                 "already been deleted on the server.")),
        Timeout);
    QVERIFY(!m_window->findChild<QMessageBox *>(QStringLiteral("jobReportBox")));
    // No ghost rows: all four left the table, and the total counts them out.
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->userModel()->isLoading(), Timeout);
    for (const User &u : users)
        QCOMPARE(m_window->userModel()->rowOfUser(u.id), -1);
    QCOMPARE(m_window->userModel()->totalCount(), totalBefore - 4);
    QVERIFY(!m_window->findChild<QWidget *>(QStringLiteral("errorBanner"))->isVisible());

    // A single delete of a user someone else removed says so and drops the row too.
    const User single = m_window->userModel()->userAt(0);
    other.deleteUser(single.id);
    QTRY_COMPARE_WITH_TIMEOUT(deleted.count(), 3, Timeout);
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    selectRows({ 0 });
    QTest::keyClick(table(), Qt::Key_Delete);
    box = waitForChild<QMessageBox>(QStringLiteral("confirmDeleteBox"));
    QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->userModel()->rowOfUser(single.id), -1, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->statusBar()->currentMessage()
            == QStringLiteral("User %1 was already deleted on the server.").arg(single.id.toString()),
        Timeout);
}

void TestMainWindow::switchingProfilesReloads()
{
    SandboxFixture fixture(SandboxFixture::defaultConfig(7));
    QVERIFY2(fixture.start(), qPrintable(fixture.errorString()));
    startWindow();
    waitForRows(20);

    Profile second(QStringLiteral("Fixture"), fixture.baseUrl());
    QVERIFY(m_store->saveProfile(second));
    bool written = false;
    m_tokens->writeToken(
        QStringLiteral("Fixture"), fixture.token(), this, [&](const TokenResult &r) { written = r.ok; });
    QTRY_VERIFY_WITH_TIMEOUT(written, Timeout);

    auto *combo = m_window->findChild<QComboBox *>(QStringLiteral("profileCombo"));
    QTRY_COMPARE_WITH_TIMEOUT(combo->count(), 2, Timeout);
    const int index = combo->findText(QStringLiteral("Fixture"));
    combo->setCurrentIndex(index);
    Q_EMIT combo->activated(index);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->userModel()->rowCount(), 7, Timeout);
    QCOMPARE(m_window->userModel()->totalCount(), 7);
    QCOMPARE(m_window->currentProfileName(), QStringLiteral("Fixture"));
    QCOMPARE(m_store->currentProfileName(), QStringLiteral("Fixture"));
    QVERIFY(m_window->findChild<QLabel *>(QStringLiteral("endpointLabel"))
                ->text()
                .contains(fixture.baseUrl().toString()));
    QCOMPARE(m_window->client()->baseUrl(), fixture.baseUrl());
    QVERIFY(m_window->client()->hasToken());

    const int back = combo->findText(ProfileStore::defaultProfileName());
    combo->setCurrentIndex(back);
    Q_EMIT combo->activated(back);
    waitForRows(20);
    QCOMPARE(m_window->userModel()->totalCount(), SeedUsers);
}

void TestMainWindow::settingsPersistWithoutTheToken()
{
    const QString secret = QStringLiteral("super-secret-token-4711");
    startWindow();
    waitForRows(20);

    QTest::keyClick(table(), Qt::Key_Comma, Qt::ControlModifier);
    QPointer<SettingsDialog> settings = waitForChild<SettingsDialog>(QStringLiteral("settingsDialog"));
    QTest::mouseClick(settings->findChild<QPushButton *>(QStringLiteral("addProfileButton")), Qt::LeftButton);
    auto *input = waitForChild<QInputDialog>(QStringLiteral("profileNameInput"));
    input->setTextValue(QStringLiteral("Staging"));
    input->accept();
    auto *list = settings->findChild<QListWidget *>(QStringLiteral("profileList"));
    QTRY_COMPARE_WITH_TIMEOUT(list->count(), 2, Timeout);
    QCOMPARE(list->currentItem()->text(), QStringLiteral("Staging"));
    auto *url = settings->findChild<QLineEdit *>(QStringLiteral("baseUrlEdit"));
    url->clear();
    QTest::keyClicks(url, QStringLiteral("https://staging.example.com/public/v2"));
    auto *token = settings->findChild<QLineEdit *>(QStringLiteral("tokenEdit"));
    QCOMPARE(token->echoMode(), QLineEdit::Password);
    QTest::keyClicks(token, secret);
    settings->findChild<QSpinBox *>(QStringLiteral("pageSizeSpin"))->setValue(50);
    auto *buttons = settings->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"));
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(settings.isNull(), Timeout);

    QHeaderView *header = table()->horizontalHeader();
    header->resizeSection(UserTableModel::EmailColumn, 333);
    m_window->close();
    m_window.reset();

    QFile file(m_store->settingsPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.contains("Staging"));
    QVERIFY(bytes.contains("staging.example.com"));
    QVERIFY(!bytes.contains(secret.toUtf8()));

    // A new window over the same settings file finds everything where it was left.
    m_store = std::make_unique<ProfileStore>(m_dir->filePath(QStringLiteral("settings.ini")));
    const std::optional<Profile> staging = m_store->profile(QStringLiteral("Staging"));
    QVERIFY(staging);
    QCOMPARE(staging->pageSize(), 50);
    startWindow();
    waitForRows(20);
    QCOMPARE(m_window->currentProfileName(), ProfileStore::defaultProfileName());
    auto *combo = m_window->findChild<QComboBox *>(QStringLiteral("profileCombo"));
    QVERIFY(combo->findText(QStringLiteral("Staging")) >= 0);
    QCOMPARE(table()->horizontalHeader()->sectionSize(UserTableModel::EmailColumn), 333);
    QString stored;
    m_tokens->readToken(QStringLiteral("Staging"), this, [&](const TokenResult &r) { stored = r.token; });
    QTRY_COMPARE_WITH_TIMEOUT(stored, secret, Timeout);
}

void TestMainWindow::findFocusesTheNameFilter()
{
    startWindow();
    waitForRows(20);
    table()->setFocus();
    QTest::keyClick(table(), Qt::Key_F, Qt::ControlModifier);
    auto *name = m_window->findChild<QLineEdit *>(QStringLiteral("nameFilter"));
    QTRY_VERIFY_WITH_TIMEOUT(name->hasFocus(), Timeout);
    // Server-side filtering after a short pause in typing.
    const User someone = m_window->userModel()->userAt(0);
    QTest::keyClicks(name, someone.name);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->userModel()->filter().name == someone.name, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(
        !m_window->userModel()->isLoading() && m_window->userModel()->rowCount() >= 1, Timeout);
    for (const User &u : m_window->userModel()->users())
        QVERIFY(u.name.contains(someone.name, Qt::CaseInsensitive));
    QVERIFY(lastExchange("GET")->url.query().contains(QLatin1String("name=")));
}

// The dialog that sent a save shows its failure beside the fields, and the window shows nothing more,
// whatever order the model's and the dialog's slots were connected in. "dialog first" replays the model's
// report after the dialog has handled the failure, as it would if the dialog had connected first.
void TestMainWindow::failedSaveShowsOneError_data()
{
    QTest::addColumn<bool>("dialogFirst");
    QTest::newRow("model first") << false;
    QTest::newRow("dialog first") << true;
}

void TestMainWindow::failedSaveShowsOneError()
{
    QFETCH(bool, dialogFirst);
    startWindow();
    waitForRows(20);
    const QString taken = m_window->userModel()->userAt(0).email;
    selectRows({ 2 });
    const User edited = m_window->userModel()->userAt(2);
    UserDialog *dialog = m_window->openEditUserDialog();
    QVERIFY(dialog);
    QPointer<UserDialog> guard(dialog);
    ApiClient::RequestId saveId = 0;
    ResourceId savedUser;
    int saves = 0;
    connect(dialog, &UserDialog::saveStarted, this, [&](ApiClient::RequestId id, const ResourceId &userId) {
        saveId = id;
        savedUser = userId;
        ++saves;
    });
    if (dialogFirst) {
        ApiClient *client = m_window->client();
        UserTableModel *model = m_window->userModel();
        QObject::disconnect(client, &ApiClient::requestFailed, model, nullptr);
        connect(client, &ApiClient::requestFailed, model,
            [&, model](ApiClient::RequestId id, const ApiError &error) {
                if (id == saveId)
                    Q_EMIT model->rowRequestFailed(id, savedUser, error);
            });
    }
    auto *email = dialog->findChild<QLineEdit *>(QStringLiteral("emailEdit"));
    email->clear();
    QTest::keyClicks(email, taken);
    QTest::mouseClick(
        dialog->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))->button(QDialogButtonBox::Save),
        Qt::LeftButton);
    QCOMPARE(saves, 1);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), Timeout);
    QCOMPARE(lastExchange("PATCH")->httpStatus, 422);

    // One error, where the person is looking: beside the email field of the open dialog.
    QVERIFY(!guard.isNull() && dialog->isVisible());
    auto *emailError = dialog->findChild<QLabel *>(QStringLiteral("emailError"));
    QVERIFY2(emailError->isVisible() && emailError->text().contains(QLatin1String("taken")),
        qPrintable(dialogErrors(dialog)));
    QVERIFY2(!m_window->findChild<QWidget *>(QStringLiteral("errorBanner"))->isVisible(),
        qPrintable(m_window->findChild<QLabel *>(QStringLiteral("errorLabel"))->text()));
    QCOMPARE(m_window->userModel()->userAt(m_window->userModel()->rowOfUser(edited.id)).email, edited.email);
}

// Under a dark Fusion palette every coloured run of the JSON view keeps a 4.5:1 contrast with the view's
// base colour (the WCAG AA level for text), and so does the plain text.
void TestMainWindow::darkPaletteKeepsTheJsonReadable()
{
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2d, 0x2d, 0x2d));
    dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Highlight, QColor(0x2a, 0x6f, 0xb8));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    QApplication::setPalette(dark);
    startWindow();
    waitForRows(20);
    selectRows({ 0 });
    auto *json = m_window->findChild<QPlainTextEdit *>(QStringLiteral("jsonView"));
    QTRY_VERIFY_WITH_TIMEOUT(!json->toPlainText().isEmpty(), Timeout);
    const QColor base = json->palette().color(QPalette::Base);
    QVERIFY(base.lightnessF() < 0.3);
    auto luminance = [](const QColor &c) {
        auto channel = [](qreal v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
    };
    auto contrast = [&](const QColor &a, const QColor &b) {
        const qreal la = luminance(a), lb = luminance(b);
        return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
    };
    QVERIFY(contrast(json->palette().color(QPalette::Text), base) >= 4.5);
    int runs = 0;
    for (QTextBlock block = json->document()->firstBlock(); block.isValid(); block = block.next()) {
        for (const QTextLayout::FormatRange &range : block.layout()->formats()) {
            if (!range.format.hasProperty(QTextFormat::ForegroundBrush))
                continue;
            ++runs;
            const QColor fg = range.format.foreground().color();
            QVERIFY2(contrast(fg, base) >= 4.5,
                qPrintable(QStringLiteral("%1 on %2 in \"%3\": %4:1")
                               .arg(fg.name(), base.name(), block.text())
                               .arg(contrast(fg, base), 0, 'f', 2)));
        }
    }
    QVERIFY(runs > 0);
}

// Opening a profile cancels what the last one had in flight; that cancel is the window's own doing and
// must not greet the person with "Loading the users was canceled."
void TestMainWindow::switchingWhileLoadingShowsNoCancelBanner()
{
    startWindow();
    waitForRows(20);
    SandboxFaults slow;
    slow.latencyMs = 3000;
    m_window->sandbox()->setFaults(slow);
    action("actionRefresh")->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->userModel()->isLoading(), Timeout);
    m_window->switchToProfile(m_window->currentProfileName());
    QVERIFY2(!m_window->findChild<QWidget *>(QStringLiteral("errorBanner"))->isVisible(),
        qPrintable(m_window->findChild<QLabel *>(QStringLiteral("errorLabel"))->text()));
    m_window->sandbox()->setFaults(SandboxFaults());
    waitForRows(20);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
