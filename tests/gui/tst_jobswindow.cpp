// The window's bulk jobs (issue 14): bulk delete, import and bulk edit run as journaled jobs; a job that
// did not finish (stopped, quit, killed) is offered for resume in a banner at the next start; quitting
// during a job asks first; a long job that ends unseen sends a desktop notification. Against the real
// embedded sandbox, the real journal (SQLite) and, for the kill, the real `userdesk` binary.
#include "apiclient.h"
#include "importdialog.h"
#include "jobbanner.h"
#include "jobcontroller.h"
#include "jobnotifier.h"
#include "jobsflow.h"
#include "mainwindow.h"
#include "profilestore.h"
#include "recordlistpane.h"
#include "recordtablemodel.h"
#include "requestlog.h"
#include "resourcebrowser.h"
#include "resourceschema.h"
#include "sandboxhost.h"
#include "tokenstore.h"
#include "translations.h"
#include "userdeletion.h"
#include "userfilter.h"
#include "usertablemodel.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabBar>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <optional>

using namespace UserDesk;

namespace {
constexpr int Timeout = 60000;
constexpr int SeedUsers = 60;
constexpr int AppSeedUsers = 3000; // the app's own seed, so that a start here on its data seeds nothing anew
} // namespace

// Stands in for the desktop's notification server on a private session bus: records every Notify call.
class NotificationServer : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    QStringList summaries;
    QStringList bodies;

public Q_SLOTS:
    uint Notify(const QString &appName, uint replacesId, const QString &icon, const QString &summary,
        const QString &body, const QStringList &actions, const QVariantMap &hints, int timeout)
    {
        Q_UNUSED(appName);
        Q_UNUSED(replacesId);
        Q_UNUSED(icon);
        Q_UNUSED(actions);
        Q_UNUSED(hints);
        Q_UNUSED(timeout);
        summaries << summary;
        bodies << body;
        return uint(summaries.size());
    }
};

class TestJobsWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void bulkDeleteIsJournaled();
    void jobsWaitTheirTurn();
    void stoppedJobIsOfferedAndResumed();
    void outcomesNotKnownAreSettledOnResume();
    void quitDuringJobAsks();
    void quitCanWaitForTheJob();
    void quitWithJobAndHeldDeleteAsksOnce_data();
    void quitWithJobAndHeldDeleteAsksOnce();
    void alreadyDeletedIsToldInAnotherLanguage();
    void anotherProfileCannotResumeOrStartJobs();
    void heldDeleteBecomesAJournaledJob();
    void killedAppIsResumedAfterRestart();
    void killedInGracePeriodDeletesNothing();
    void killedRecordImportIsResumedAfterRestart();
    void killedUserImportIsResumedAfterRestart();
    void killedBulkEditIsResumedAfterRestart();
    void importPreviewMappingAndDryRun();
    void importTodosForAUserShowsThemInTheTodosTab();
    void bulkEditPatchesEachUser();
    void longJobEndingUnseenNotifies();

private:
    void startWindow(const QString &dataDirectory = {}, int seed = SeedUsers);
    void waitForRows(int rows);
    void selectRows(int first, int count);
    QList<User> firstUsers(int count) const;
    void confirmDelete();
    // Whether the embedded sandbox still has the user, asked past the window's own client.
    int statusOf(const ResourceId &userId);
    QJsonObject fetchUser(const ResourceId &userId);
    // Deletes the user on the embedded sandbox past the window's own client (someone else, first).
    bool deleteElsewhere(const ResourceId &userId);
    int visibleMessageBoxes() const;
    // Every record of `resource` under `parentId` on the embedded sandbox, page after page, asked past the
    // window's own client; empty when a page could not be read.
    QList<QJsonObject> recordsOf(const QString &resource, const ResourceId &parentId);
    // Every user the embedded sandbox lists under `filter`, page after page.
    QList<User> usersWhere(const UserFilter &filter);

    // The real `userdesk` with this test's settings, data folder and journal, and the test hook `hook`
    // (USERDESK_TEST_BULK_DELETE and the like, see the app's main.cpp) set to `value`; its built-in sandbox
    // injects `faults` (as its admin API takes them) once the hook starts.
    void startApp(QProcess &app, const QString &hook, const QString &value, const QJsonObject &faults = {});
    // Waits until the app's one job has at least `applied` items applied in the journal and `notKnown`
    // whose outcome was not known (their answers were lost), then kills the app with SIGKILL; the job as
    // the journal holds it after the kill, none if it never got that far.
    std::optional<JobSummary> killMidJob(QProcess &app, JobJournal &journal, int applied, int notKnown = 0);
    // Starts the window here, again, on what the killed app left (settings, data, journal).
    void restartOnAppData();
    // The banner must offer `cut`; Resume, and the job must end complete.
    void resumeFromBanner(const JobSummary &cut);
    QString appData() const { return m_dir->filePath(QStringLiteral("appdata")); }
    QString appSettings() const { return m_dir->filePath(QStringLiteral("settings.ini")); }
    JobsFlow *flow() const { return m_window->findChild<JobsFlow *>(); }
    JobController *jobs() const { return flow()->controller(); }
    QTableView *table() const { return m_window->findChild<QTableView *>(QStringLiteral("userTable")); }
    template<typename T> T *waitForChild(const QString &name)
    {
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

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ProfileStore> m_store;
    std::unique_ptr<TokenStore> m_tokens;
    std::unique_ptr<MainWindow> m_window;
    QProcess m_bus;
    QString m_busAddress;
    NotificationServer m_notifications;
};

void TestJobsWindow::initTestCase()
{
    UserDesk::Translations::install(QCoreApplication::instance(), QStringLiteral("en"));
    // A private session bus for the notification test, set before anything in this process uses D-Bus.
    m_bus.start(QStringLiteral("dbus-daemon"),
        { QStringLiteral("--session"), QStringLiteral("--nofork"), QStringLiteral("--print-address=1") });
    QVERIFY2(m_bus.waitForStarted(10000), "dbus-daemon (Debian's dbus-daemon package) must be installed");
    QTRY_VERIFY_WITH_TIMEOUT(m_bus.canReadLine(), 10000);
    m_busAddress = QString::fromUtf8(m_bus.readLine()).trimmed();
    QVERIFY(!m_busAddress.isEmpty());
    qputenv("DBUS_SESSION_BUS_ADDRESS", m_busAddress.toUtf8());
    QDBusConnection server = QDBusConnection::connectToBus(m_busAddress, QStringLiteral("notifications"));
    QVERIFY2(server.isConnected(), qPrintable(server.lastError().message()));
    QVERIFY(server.registerObject(
        QStringLiteral("/org/freedesktop/Notifications"), &m_notifications, QDBusConnection::ExportAllSlots));
    QVERIFY(server.registerService(QStringLiteral("org.freedesktop.Notifications")));
}

void TestJobsWindow::cleanupTestCase()
{
    QDBusConnection::disconnectFromBus(QStringLiteral("notifications"));
    m_bus.kill();
    m_bus.waitForFinished();
}

void TestJobsWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    qputenv("USERDESK_JOURNAL", m_dir->filePath(QStringLiteral("jobs.sqlite")).toUtf8());
    m_store = std::make_unique<ProfileStore>(m_dir->filePath(QStringLiteral("settings.ini")));
    m_tokens = std::make_unique<TokenStore>(TokenStore::KeychainUse::Disabled, m_dir->path());
    m_tokens->setFallback(TokenStore::Backend::SessionOnly);
}

void TestJobsWindow::cleanup()
{
    m_window.reset();
    m_tokens.reset();
    m_store.reset();
    m_dir.reset();
}

void TestJobsWindow::startWindow(const QString &dataDirectory, int seed)
{
    m_store->ensureDefaultProfile();
    MainWindow::Options options;
    options.dataDirectory = dataDirectory.isEmpty() ? m_dir->filePath(QStringLiteral("data")) : dataDirectory;
    options.sandboxSeedUsers = seed;
    m_window = std::make_unique<MainWindow>(m_store.get(), m_tokens.get(), options);
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestJobsWindow::waitForRows(int rows)
{
    QTRY_VERIFY_WITH_TIMEOUT(
        m_window->userModel()->rowCount() >= rows && !m_window->userModel()->isLoading(), Timeout);
}

void TestJobsWindow::selectRows(int first, int count)
{
    QTableView *view = table();
    view->setFocus();
    view->selectionModel()->clearSelection();
    for (int row = first; row < first + count; ++row)
        view->selectionModel()->setCurrentIndex(
            view->model()->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
}

QList<User> TestJobsWindow::firstUsers(int count) const
{
    QList<User> users;
    for (int row = 0; row < count; ++row)
        users << m_window->userModel()->userAt(row);
    return users;
}

void TestJobsWindow::confirmDelete()
{
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QVERIFY2(m_window->findChild<QAction *>(QStringLiteral("actionDelete"))->isEnabled(), "nothing selected");
    QTest::keyClick(table(), Qt::Key_Delete);
    auto *box = waitForChild<QMessageBox>(QStringLiteral("confirmDeleteBox"));
    QVERIFY(box);
    QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
}

int TestJobsWindow::statusOf(const ResourceId &userId)
{
    ApiClient check;
    check.setBaseUrl(m_window->sandbox()->baseUrl());
    check.setToken(m_window->sandbox()->tokens().value(0));
    QSignalSpy got(&check, &ApiClient::userReceived);
    QSignalSpy failed(&check, &ApiClient::requestFailed);
    check.getUser(userId);
    if (!QTest::qWaitFor([&] { return got.count() + failed.count() > 0; }, Timeout))
        return 0;
    return got.count() ? 200 : failed.first().at(1).value<ApiError>().httpStatus();
}

QJsonObject TestJobsWindow::fetchUser(const ResourceId &userId)
{
    ApiClient check;
    check.setBaseUrl(m_window->sandbox()->baseUrl());
    check.setToken(m_window->sandbox()->tokens().value(0));
    QSignalSpy got(&check, &ApiClient::userReceived);
    check.getUser(userId);
    if (!QTest::qWaitFor([&] { return got.count() > 0; }, Timeout))
        return {};
    const User u = got.first().at(1).value<User>();
    return QJsonObject { { QStringLiteral("name"), u.name }, { QStringLiteral("status"), u.status },
        { QStringLiteral("gender"), u.gender } };
}

bool TestJobsWindow::deleteElsewhere(const ResourceId &userId)
{
    ApiClient other;
    other.setBaseUrl(m_window->sandbox()->baseUrl());
    other.setToken(m_window->sandbox()->tokens().value(0));
    QSignalSpy deleted(&other, &ApiClient::userDeleted);
    QSignalSpy failed(&other, &ApiClient::requestFailed);
    other.deleteUser(userId);
    return QTest::qWaitFor([&] { return deleted.count() + failed.count() > 0; }, Timeout)
        && deleted.count() == 1;
}

int TestJobsWindow::visibleMessageBoxes() const
{
    const QList<QMessageBox *> boxes = m_window->findChildren<QMessageBox *>();
    return int(std::count_if(boxes.cbegin(), boxes.cend(), [](QMessageBox *b) { return b->isVisible(); }));
}

QList<QJsonObject> TestJobsWindow::recordsOf(const QString &resource, const ResourceId &parentId)
{
    ApiClient check;
    check.setBaseUrl(m_window->sandbox()->baseUrl());
    check.setToken(m_window->sandbox()->tokens().value(0));
    QList<QJsonObject> all;
    for (int page = 1;; ++page) {
        QSignalSpy got(&check, &ApiClient::recordsPageReceived);
        QSignalSpy failed(&check, &ApiClient::requestFailed);
        check.listRecords(*ResourceSchema::find(resource), page, 100, {}, parentId);
        if (!QTest::qWaitFor([&] { return got.count() + failed.count() > 0; }, Timeout) || failed.count())
            return {};
        const RecordsPage records = got.first().at(1).value<RecordsPage>();
        all += records.items;
        if (!records.info.hasNext || records.items.isEmpty())
            return all;
    }
}

QList<User> TestJobsWindow::usersWhere(const UserFilter &filter)
{
    ApiClient check;
    check.setBaseUrl(m_window->sandbox()->baseUrl());
    check.setToken(m_window->sandbox()->tokens().value(0));
    QList<User> all;
    for (int page = 1;; ++page) {
        QSignalSpy got(&check, &ApiClient::usersPageReceived);
        QSignalSpy failed(&check, &ApiClient::requestFailed);
        check.listUsers(page, 100, filter);
        if (!QTest::qWaitFor([&] { return got.count() + failed.count() > 0; }, Timeout) || failed.count())
            return {};
        const UsersPage users = got.first().at(1).value<UsersPage>();
        all += users.users;
        if (!users.info.hasNext || users.users.isEmpty())
            return all;
    }
}

void TestJobsWindow::startApp(
    QProcess &app, const QString &hook, const QString &value, const QJsonObject &faults)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment(); // USERDESK_JOURNAL: init()'s
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(hook, value);
    if (!faults.isEmpty())
        env.insert(QStringLiteral("USERDESK_TEST_SANDBOX_FAULTS"),
            QString::fromUtf8(QJsonDocument(faults).toJson(QJsonDocument::Compact)));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir->filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir->filePath(QStringLiteral("xdgdata")));
    app.setProcessEnvironment(env);
    app.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    app.start(QStringLiteral(USERDESK_APP_PATH),
        { QStringLiteral("--settings"), appSettings(), QStringLiteral("--data-dir"), appData() });
    QVERIFY(app.waitForStarted(Timeout));
}

std::optional<JobSummary> TestJobsWindow::killMidJob(
    QProcess &app, JobJournal &journal, int applied, int notKnown)
{
    const bool reached = journal.open()
        && QTest::qWaitFor(
            [&] {
                const QList<JobSummary> all = journal.jobs();
                if (all.isEmpty() || all.first().applied < applied)
                    return false;
                const QList<JobItem> items = journal.items(all.first().id);
                return std::count_if(items.cbegin(), items.cend(), [](const JobItem &item) {
                    return item.state == JobItem::State::Sent && !item.message.isEmpty();
                }) >= notKnown;
            },
            120000);
    app.kill(); // SIGKILL
    app.waitForFinished(Timeout);
    if (!reached)
        return std::nullopt;
    return journal.jobs().value(0);
}

void TestJobsWindow::restartOnAppData()
{
    m_store = std::make_unique<ProfileStore>(appSettings());
    startWindow(appData(), AppSeedUsers);
}

void TestJobsWindow::resumeFromBanner(const JobSummary &cut)
{
    JobBanner *banner = flow()->banner();
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), Timeout);
    const QString offered = QStringLiteral("%1 stopped after").arg(JobController::jobTitle(cut));
    QVERIFY2(banner->text().startsWith(offered), qPrintable(banner->text()));
    QSignalSpy finished(jobs(), &JobController::jobFinished);
    QTest::mouseClick(banner->findChild<QPushButton *>(QStringLiteral("jobResumeButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, Timeout);
    QCOMPARE(finished.first().at(0).value<JobSummary>().id, cut.id);
    QVERIFY(finished.first().at(1).toBool());
    QVERIFY(!banner->isVisible());
    QVERIFY(jobs()->interrupted().isEmpty());
}

// A bulk delete from the window is a job in the journal, written before its first request, and the rows
// leave the table as its deletes land.
void TestJobsWindow::bulkDeleteIsJournaled()
{
    startWindow();
    waitForRows(20);
    const QList<User> users = firstUsers(4);
    selectRows(0, 4);
    QSignalSpy started(jobs(), &JobController::jobStarted);
    QSignalSpy finished(jobs(), &JobController::jobFinished);
    confirmDelete();
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, Timeout);
    const qint64 id = started.first().at(0).value<JobSummary>().id;
    const QList<JobItem> items = jobs()->journal()->items(id);
    QCOMPARE(items.size(), 4);
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(items.at(i).operation, JobItem::Operation::Delete);
        QCOMPARE(items.at(i).userId, users.at(i).id);
    }
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, Timeout);
    QVERIFY(finished.first().at(1).toBool());
    QVERIFY(jobs()->journal()->job(id)->finished);
    QCOMPARE(jobs()->journal()->job(id)->applied, 4);
    for (const User &u : users) {
        QCOMPARE(m_window->userModel()->rowOfUser(u.id), -1);
        QCOMPARE(statusOf(u.id), 404);
    }
    const QString message = m_window->statusBar()->currentMessage();
    QVERIFY2(
        message.contains(QLatin1String("A bulk delete of 4 users finished: 4 applied")), qPrintable(message));
    QVERIFY(!flow()->banner()->isVisible());
}

// A job started while another runs waits for it; the status bar says so, and they run in order.
void TestJobsWindow::jobsWaitTheirTurn()
{
    startWindow();
    waitForRows(20);
    const QList<User> toDelete = firstUsers(2);
    const QList<User> toEdit = { m_window->userModel()->userAt(5), m_window->userModel()->userAt(6) };
    SandboxFaults slow;
    slow.latencyMs = 800;
    m_window->sandbox()->setFaults(slow);
    QSignalSpy finished(jobs(), &JobController::jobFinished);
    const qint64 first = jobs()->deleteUsers(toDelete);
    UserDraft draft;
    draft.status = QStringLiteral("inactive");
    const qint64 second = jobs()->updateUsers(toEdit, draft);
    QVERIFY(first > 0 && second > 0);
    QCOMPARE(jobs()->runningJobId(), first);
    QCOMPARE(jobs()->queued(), 1);
    auto *queueLabel = m_window->findChild<QLabel *>(QStringLiteral("jobQueueLabel"));
    QVERIFY(queueLabel->isVisible());
    QCOMPARE(queueLabel->text(), QStringLiteral("1 more job waiting"));
    // The waiting job has sent nothing yet.
    QCOMPARE(jobs()->journal()->job(second)->pending, 2);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, Timeout);
    QCOMPARE(finished.at(0).at(0).value<JobSummary>().id, first);
    QCOMPARE(finished.at(1).at(0).value<JobSummary>().id, second);
    QVERIFY(finished.at(0).at(1).toBool() && finished.at(1).at(1).toBool());
    QVERIFY(!queueLabel->isVisible());
    m_window->sandbox()->setFaults(SandboxFaults());
    for (const User &u : toDelete)
        QCOMPARE(statusOf(u.id), 404);
    for (const User &u : toEdit)
        QCOMPARE(fetchUser(u.id).value(QStringLiteral("status")).toString(), QStringLiteral("inactive"));
}

// Stop in the status bar leaves the job in the journal; the banner offers it, and Resume finishes it.
void TestJobsWindow::stoppedJobIsOfferedAndResumed()
{
    startWindow();
    waitForRows(20);
    const QList<User> users = firstUsers(8);
    SandboxFaults slow;
    slow.latencyMs = 1500;
    m_window->sandbox()->setFaults(slow);
    selectRows(0, 8);
    QSignalSpy finished(jobs(), &JobController::jobFinished);
    confirmDelete();
    auto *stop = waitForChild<QPushButton>(QStringLiteral("jobStopButton"));
    QTest::mouseClick(stop, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, Timeout);
    QVERIFY(!finished.first().at(1).toBool());
    QVERIFY(!stop->isVisible());
    JobBanner *banner = flow()->banner();
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->text().startsWith(QLatin1String("A bulk delete of 8 users stopped after")),
        qPrintable(banner->text()));
    auto *resume = banner->findChild<QPushButton *>(QStringLiteral("jobResumeButton"));
    QVERIFY(resume->isVisible());

    m_window->sandbox()->setFaults(SandboxFaults());
    QTest::mouseClick(resume, Qt::LeftButton);
    QVERIFY(!banner->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, Timeout);
    QVERIFY(finished.at(1).at(1).toBool());
    for (const User &u : users)
        QCOMPARE(statusOf(u.id), 404);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->userModel()->isLoading(), Timeout);
    for (const User &u : users)
        QCOMPARE(m_window->userModel()->rowOfUser(u.id), -1);
    QVERIFY(jobs()->interrupted().isEmpty());
}

// A 502 may or may not have been applied: the job ends unfinished, says so, and the resume reads the server
// before sending again; Discard forgets a job.
void TestJobsWindow::outcomesNotKnownAreSettledOnResume()
{
    Profile profile = (m_store->ensureDefaultProfile(), *m_store->currentProfile());
    profile.setMaxAttempts(1);
    QVERIFY(m_store->saveProfile(profile));
    startWindow();
    waitForRows(20);
    const QList<User> users = firstUsers(6);
    SandboxFaults faults;
    faults.htmlErrorRate = 0.5;
    faults.seed = 7;
    m_window->sandbox()->setFaults(faults);
    selectRows(0, 6);
    QSignalSpy finished(jobs(), &JobController::jobFinished);
    confirmDelete();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, Timeout);
    m_window->sandbox()->setFaults(SandboxFaults());
    const JobSummary job = finished.first().at(0).value<JobSummary>();
    QVERIFY(!finished.first().at(1).toBool());
    QVERIFY2(job.sent > 0 && job.applied > 0, "the seed gives both outcomes");
    JobBanner *banner = flow()->banner();
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(QLatin1String("not known whether the server applied")),
        qPrintable(banner->text()));
    QTest::mouseClick(banner->findChild<QPushButton *>(QStringLiteral("jobResumeButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, Timeout);
    QVERIFY(finished.at(1).at(1).toBool());
    QCOMPARE(jobs()->journal()->job(job.id)->applied, 6);
    for (const User &u : users)
        QCOMPARE(statusOf(u.id), 404);

    // Discard: a stopped job leaves the journal; what it did stays done.
    waitForRows(20);
    const User kept = m_window->userModel()->userAt(0);
    SandboxFaults slow;
    slow.latencyMs = 1500;
    m_window->sandbox()->setFaults(slow);
    selectRows(0, 3);
    confirmDelete();
    QTest::mouseClick(waitForChild<QPushButton>(QStringLiteral("jobStopButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 3, Timeout);
    m_window->sandbox()->setFaults(SandboxFaults());
    const qint64 stopped = finished.at(2).at(0).value<JobSummary>().id;
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), Timeout);
    QTest::mouseClick(banner->findChild<QPushButton *>(QStringLiteral("jobDiscardButton")), Qt::LeftButton);
    QVERIFY(!banner->isVisible());
    QVERIFY(!jobs()->journal()->job(stopped));
    QCOMPARE(statusOf(kept.id), 200); // the stop came before its delete was served
}

// Closing the window while a job runs asks: Cancel keeps the window and the job; Stop ends the job, which
// stays resumable, and then the window closes.
void TestJobsWindow::quitDuringJobAsks()
{
    startWindow();
    waitForRows(20);
    SandboxFaults slow;
    slow.latencyMs = 1500;
    m_window->sandbox()->setFaults(slow);
    selectRows(0, 6);
    QSignalSpy started(jobs(), &JobController::jobStarted);
    confirmDelete();
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, Timeout);
    const qint64 id = started.first().at(0).value<JobSummary>().id;

    m_window->close();
    auto *box = waitForChild<QMessageBox>(QStringLiteral("quitJobBox"));
    QVERIFY2(
        box->text().contains(QLatin1String("A bulk delete of 6 users is running")), qPrintable(box->text()));
    QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
    QVERIFY(m_window->isVisible());
    QVERIFY(jobs()->isRunning());

    m_window->close();
    box = waitForChild<QMessageBox>(QStringLiteral("quitJobBox"));
    QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("quitStopButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->isVisible(), Timeout);
    QVERIFY(!jobs()->isRunning());
    const std::optional<JobSummary> job = jobs()->journal()->job(id);
    QVERIFY(job && !job->finished);
    QCOMPARE(jobs()->interrupted().value(0).id, id);
}

// Wait: the window stays until the job has finished, then closes by itself.
void TestJobsWindow::quitCanWaitForTheJob()
{
    startWindow();
    waitForRows(20);
    const QList<User> users = firstUsers(3);
    SandboxFaults slow;
    slow.latencyMs = 1500;
    m_window->sandbox()->setFaults(slow);
    selectRows(0, 3);
    QSignalSpy finished(jobs(), &JobController::jobFinished);
    confirmDelete();
    QTRY_VERIFY_WITH_TIMEOUT(jobs()->isRunning(), Timeout);
    m_window->close();
    auto *box = waitForChild<QMessageBox>(QStringLiteral("quitJobBox"));
    QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("quitWaitButton")), Qt::LeftButton);
    QVERIFY(m_window->isVisible());
    QCOMPARE(finished.count(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->isVisible(), Timeout);
    QCOMPARE(finished.count(), 1);
    QVERIFY(finished.first().at(1).toBool());
    m_window->sandbox()->setFaults(SandboxFaults());
    for (const User &u : users)
        QCOMPARE(statusOf(u.id), 404);
}

void TestJobsWindow::quitWithJobAndHeldDeleteAsksOnce_data()
{
    QTest::addColumn<bool>("stop");
    QTest::newRow("stop and quit") << true;
    QTest::newRow("wait, then quit") << false;
}

// Closing the window while a job runs and another delete is held in its grace period asks one question
// that says both things: the held delete is dropped (nothing of it is sent), and the job either stops,
// resumable, or is waited for. Cancel changes nothing; each of the others does what it says, and no second
// question follows.
void TestJobsWindow::quitWithJobAndHeldDeleteAsksOnce()
{
    QFETCH(bool, stop);
    startWindow();
    waitForRows(20);
    auto *deletion = m_window->findChild<UserDeletion *>();
    deletion->setGraceMs(0); // the first delete is a job at once
    SandboxFaults slow;
    slow.latencyMs = 3000;
    m_window->sandbox()->setFaults(slow);
    const QList<User> inJob = firstUsers(3);
    selectRows(0, 3);
    QSignalSpy started(jobs(), &JobController::jobStarted);
    QSignalSpy finished(jobs(), &JobController::jobFinished);
    confirmDelete();
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, Timeout);
    const qint64 id = started.first().at(0).value<JobSummary>().id;

    deletion->setGraceMs(60000);
    const QList<User> held = firstUsers(2); // the job's rows left the table
    for (const User &u : held)
        QVERIFY(std::none_of(inJob.cbegin(), inJob.cend(), [&u](const User &j) { return j.id == u.id; }));
    selectRows(0, 2);
    confirmDelete();
    QVERIFY(deletion->hasHeldDelete());
    QVERIFY(jobs()->isRunning());

    m_window->close();
    auto *box = waitForChild<QMessageBox>(QStringLiteral("quitJobBox"));
    QCOMPARE(visibleMessageBoxes(), 1);
    QVERIFY2(
        box->text().contains(QLatin1String("A bulk delete of 3 users is running")), qPrintable(box->text()));
    QVERIFY2(box->text().contains(QLatin1String("The delete of 2 users has not been sent yet")),
        qPrintable(box->text()));
    QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
    QCOMPARE(visibleMessageBoxes(), 0);
    QVERIFY(m_window->isVisible());
    QVERIFY(jobs()->isRunning());
    QVERIFY(deletion->hasHeldDelete());

    m_window->close();
    box = waitForChild<QMessageBox>(QStringLiteral("quitJobBox"));
    QCOMPARE(visibleMessageBoxes(), 1);
    QTest::mouseClick(box->findChild<QPushButton *>(
                          stop ? QStringLiteral("quitStopButton") : QStringLiteral("quitWaitButton")),
        Qt::LeftButton);
    QVERIFY(!deletion->hasHeldDelete());
    if (!stop)
        QVERIFY(m_window->isVisible()); // until the job has finished
    // The window closes by itself, with no second question.
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->isVisible() || visibleMessageBoxes() > 0, Timeout);
    QCOMPARE(visibleMessageBoxes(), 0);
    QVERIFY(!m_window->isVisible());
    QVERIFY(!jobs()->isRunning());
    QCOMPARE(finished.count(), 1);
    m_window->sandbox()->setFaults(SandboxFaults());

    // The held delete was dropped: never journaled, never sent.
    QCOMPARE(jobs()->journal()->jobs().size(), 1);
    for (const User &u : held)
        QCOMPARE(statusOf(u.id), 200);
    const std::optional<JobSummary> job = jobs()->journal()->job(id);
    QVERIFY(job);
    if (stop) {
        QVERIFY(!job->finished);
        QCOMPARE(jobs()->interrupted().value(0).id, id);
    } else {
        QVERIFY(job->finished);
        QCOMPARE(job->applied, 3);
        for (const User &u : inJob)
            QCOMPARE(statusOf(u.id), 404);
    }
}

// A held delete of a user someone else deleted first, its 404 journaled while the window spoke English and
// the job's end read in German (the app's own catalogues, installed as Preferences does): the report still
// says that one had already been deleted, and the rows and the total stay right.
void TestJobsWindow::alreadyDeletedIsToldInAnotherLanguage()
{
    const auto english
        = qScopeGuard([] { Translations::install(QCoreApplication::instance(), QStringLiteral("en")); });
    startWindow();
    waitForRows(20);
    auto *deletion = m_window->findChild<UserDeletion *>();
    deletion->setGraceMs(60000);
    const QList<User> users = firstUsers(3);
    const qint64 totalBefore = m_window->userModel()->totalCount();
    selectRows(0, 3);
    QSignalSpy finished(jobs(), &JobController::jobFinished);
    confirmDelete();
    QVERIFY(deletion->hasHeldDelete());
    const ResourceId first = users.at(1).id;
    QVERIFY(deleteElsewhere(first));
    // German from the moment that item is journaled on, before the job ends.
    const QMetaObject::Connection switchLanguage
        = connect(jobs(), &JobController::itemFinished, this, [first](qint64, const JobItem &item) {
              if (item.userId == first)
                  QCOMPARE(Translations::install(QCoreApplication::instance(), QStringLiteral("de")),
                      QStringLiteral("de"));
          });
    deletion->sendHeldNow();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, Timeout);
    disconnect(switchLanguage);
    QVERIFY(finished.first().at(1).toBool());
    const JobSummary job = finished.first().at(0).value<JobSummary>();
    QCOMPARE(jobs()->journal()->job(job.id)->applied, 3);
    const QList<JobItem> items = jobs()->journal()->items(job.id);
    QCOMPARE(items.at(1).message,
        QStringLiteral("User %1 was already deleted on the server.").arg(first.toString()));

    const QString gone = QCoreApplication::translate(
        "UserDesk::JobsFlow", "%n of them had already been deleted on the server.", nullptr, 1);
    QVERIFY2(!gone.startsWith(QLatin1String("1 of them")), qPrintable(gone)); // German, not English
    const QString message = m_window->statusBar()->currentMessage();
    QVERIFY2(message.contains(gone), qPrintable(message));

    QTRY_VERIFY_WITH_TIMEOUT(!m_window->userModel()->isLoading(), Timeout);
    for (const User &u : users) {
        QCOMPARE(m_window->userModel()->rowOfUser(u.id), -1);
        QVERIFY(!m_window->userModel()->isHeldBack(u.id));
        QCOMPARE(statusOf(u.id), 404);
    }
    QCOMPARE(m_window->userModel()->totalCount(), totalBefore - 3);
}

// Switching to another profile: until it is connected there is no server for jobs, so the banner leaves
// and Import is off; a job is only offered again where it was started.
void TestJobsWindow::anotherProfileCannotResumeOrStartJobs()
{
    startWindow();
    waitForRows(20);
    SandboxFaults slow;
    slow.latencyMs = 1500;
    m_window->sandbox()->setFaults(slow);
    selectRows(0, 3);
    QSignalSpy finished(jobs(), &JobController::jobFinished);
    confirmDelete();
    QTest::mouseClick(waitForChild<QPushButton>(QStringLiteral("jobStopButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, Timeout);
    m_window->sandbox()->setFaults(SandboxFaults());
    JobBanner *banner = flow()->banner();
    QVERIFY(banner->isVisible());
    QAction *import = m_window->findChild<QAction *>(QStringLiteral("actionImport"));
    QVERIFY(import->isEnabled());

    // Nothing listens on port 9: this profile never connects.
    QVERIFY(m_store->saveProfile(
        Profile(QStringLiteral("Elsewhere"), QUrl(QStringLiteral("http://127.0.0.1:9/public/v2")))));
    m_window->switchToProfile(QStringLiteral("Elsewhere"));
    QVERIFY(!banner->isVisible());
    QVERIFY(!import->isEnabled());
    QVERIFY(jobs()->endpoint().isEmpty());
    QString error;
    QVERIFY(!jobs()->resume(finished.first().at(0).value<JobSummary>().id, &error));
    QVERIFY2(error.contains(QLatin1String("switch to the profile that points there")), qPrintable(error));

    m_window->switchToProfile(ProfileStore::defaultProfileName());
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), Timeout);
    QVERIFY(import->isEnabled());
}

// A confirmed delete of several users is held first (rows out of the table, nothing sent, nothing in the
// journal); when its grace period ends it becomes a journaled job, and its rows leave for good as it lands.
void TestJobsWindow::heldDeleteBecomesAJournaledJob()
{
    startWindow();
    waitForRows(20);
    auto *deletion = m_window->findChild<UserDeletion *>();
    deletion->setGraceMs(1500);
    const QList<User> users = firstUsers(3);
    const qint64 totalBefore = m_window->userModel()->totalCount();
    selectRows(0, 3);
    QSignalSpy started(jobs(), &JobController::jobStarted);
    QSignalSpy finished(jobs(), &JobController::jobFinished);
    confirmDelete();
    QVERIFY(deletion->hasHeldDelete());
    for (const User &u : users) {
        QCOMPARE(m_window->userModel()->rowOfUser(u.id), -1);
        QVERIFY(m_window->userModel()->isHeldBack(u.id));
    }
    QVERIFY(jobs()->journal()->jobs().isEmpty());
    QCOMPARE(started.count(), 0);

    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, Timeout);
    const JobSummary job = started.first().at(0).value<JobSummary>();
    QCOMPARE(job.kind, QStringLiteral("bulk-delete"));
    QCOMPARE(job.total, 3);
    QVERIFY(!deletion->hasHeldDelete());
    // One progress display for the job: the job's, in the status bar.
    QVERIFY(!m_window->findChild<QWidget *>(QStringLiteral("bulkWidget")));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, Timeout);
    QVERIFY(finished.first().at(1).toBool());
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->userModel()->isLoading(), Timeout);
    for (const User &u : users) {
        QCOMPARE(m_window->userModel()->rowOfUser(u.id), -1);
        QVERIFY(!m_window->userModel()->isHeldBack(u.id));
        QCOMPARE(statusOf(u.id), 404);
    }
    QCOMPARE(m_window->userModel()->totalCount(), totalBefore - 3);
}

// The real app, killed with SIGKILL in the middle of a bulk delete, then started again: the banner offers
// the job, Resume finishes it, and the server holds exactly what it asked for.
void TestJobsWindow::killedAppIsResumedAfterRestart()
{
    constexpr int Count = 16;
    QProcess app;
    // Held for 300 ms like a confirmed delete, then a journaled job.
    startApp(app, QStringLiteral("USERDESK_TEST_BULK_DELETE"), QStringLiteral("%1:700:300").arg(Count));
    JobJournal journal;
    // Killed once some deletes are applied and others are not.
    const std::optional<JobSummary> killed = killMidJob(app, journal, 3);
    QVERIFY2(killed, "the app never got that far into the job");
    const JobSummary cut = *killed;
    QVERIFY2(!cut.finished && cut.applied < Count, "the kill came too late to cut the job off");
    QCOMPARE(cut.total, Count);
    QCOMPARE(cut.kind, QStringLiteral("bulk-delete"));

    restartOnAppData();
    resumeFromBanner(cut);
    if (QTest::currentTestFailed())
        return;
    const JobSummary done = *journal.job(cut.id);
    QVERIFY(done.finished);
    QCOMPARE(done.applied, Count);
    QCOMPARE(done.failed, 0);
    for (const JobItem &item : journal.items(cut.id))
        QCOMPARE(statusOf(item.userId), 404);
    // Exactly those: nobody else was deleted.
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->userModel()->isLoading(), Timeout);
    QCOMPARE(m_window->userModel()->totalCount(), AppSeedUsers - Count);
}

// The real app, killed with SIGKILL while a confirmed delete is held in its grace period: nothing was sent
// and nothing was journaled, so the next start offers nothing and every user is still there.
void TestJobsWindow::killedInGracePeriodDeletesNothing()
{
    constexpr int Count = 16;
    QProcess app;
    startApp(app, QStringLiteral("USERDESK_TEST_BULK_DELETE"), QStringLiteral("%1:0:60000").arg(Count));
    QByteArray out;
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     out += app.readAllStandardOutput();
                     return out.contains(QByteArray(QByteArray("held ") + QByteArray::number(Count)));
                 },
                 120000),
        "the app never held the delete");
    QTest::qWait(500); // well inside the grace period
    app.kill(); // SIGKILL
    QVERIFY(app.waitForFinished(Timeout));

    JobJournal journal;
    QVERIFY(journal.open());
    QVERIFY(journal.jobs().isEmpty());

    restartOnAppData();
    waitForRows(20);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->userModel()->isLoading(), Timeout);
    QCOMPARE(m_window->userModel()->totalCount(), AppSeedUsers);
    QVERIFY(!flow()->banner()->isVisible());
    QVERIFY(jobs()->interrupted().isEmpty());
}

// The real app, killed with SIGKILL in the middle of an import of posts for a user (File > Import... with
// Posts chosen), then started again: Resume, and the user has each post of the file exactly once. Half the
// posts lose their answers after the server created them, so the journal holds posts it cannot know were
// created: the resume must find those by reading before it sends anything again.
void TestJobsWindow::killedRecordImportIsResumedAfterRestart()
{
    constexpr int Count = 40;
    const QString path = m_dir->filePath(QStringLiteral("posts.csv"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("title,body\n");
        for (int i = 0; i < Count; ++i)
            file.write(QStringLiteral("Killpost %1,\"Body of post %1, with a comma\"\n").arg(i).toUtf8());
    }
    QProcess app;
    startApp(app, QStringLiteral("USERDESK_TEST_IMPORT"), QStringLiteral("posts:300:") + path,
        { { QStringLiteral("drop_after_rate"), 0.5 } });
    JobJournal journal;
    const std::optional<JobSummary> killed = killMidJob(app, journal, 3, 3);
    QVERIFY2(killed, "the app never got that far into the job");
    const JobSummary cut = *killed;
    QCOMPARE(cut.kind, QStringLiteral("import-posts"));
    QCOMPARE(cut.total, Count);
    QVERIFY2(!cut.finished && cut.applied + cut.failed < Count, "the kill came too late to cut the job off");
    const ResourceId user = journal.items(cut.id).value(0).parentId;
    QVERIFY(!user.isNull());

    restartOnAppData();
    auto copies = [&] {
        QHash<QString, int> count; // title and body -> the user's posts with them
        for (const QJsonObject &post : recordsOf(QStringLiteral("posts"), user))
            if (const QString title = post.value(QLatin1String("title")).toString();
                title.startsWith(QLatin1String("Killpost ")))
                ++count[title + QLatin1Char('\n') + post.value(QLatin1String("body")).toString()];
        return count;
    };
    QVERIFY2(copies().size() > cut.applied, "the server holds no post the journal does not know of");
    resumeFromBanner(cut);
    if (QTest::currentTestFailed())
        return;
    const JobSummary done = *journal.job(cut.id);
    QVERIFY(done.finished);
    QCOMPARE(done.applied, Count);
    QCOMPARE(done.failed, 0);
    const QHash<QString, int> after = copies();
    QCOMPARE(after.size(), Count);
    for (int i = 0; i < Count; ++i)
        QCOMPARE(after.value(QStringLiteral("Killpost %1\nBody of post %1, with a comma").arg(i)), 1);
}

// The real app, killed with SIGKILL in the middle of an import of users (File > Import... as it opens),
// then started again: Resume, and the server holds each user of the file exactly once. Half the answers are
// lost after the server created the user, and so are half the look-ups after them: at the kill the journal
// does not know of users that are on the server, and the resume must find them before it sends again.
void TestJobsWindow::killedUserImportIsResumedAfterRestart()
{
    constexpr int Count = 40;
    const QString path = m_dir->filePath(QStringLiteral("people.csv"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("name,email,gender,status\n");
        for (int i = 0; i < Count; ++i)
            file.write(QStringLiteral("Killed Import %1,killed.import.%1@example.com,female,active\n")
                           .arg(i)
                           .toUtf8());
    }
    // One attempt: a look-up whose answer is lost too leaves the outcome not known, in the journal.
    Profile profile = (m_store->ensureDefaultProfile(), *m_store->currentProfile());
    profile.setMaxAttempts(1);
    QVERIFY(m_store->saveProfile(profile));
    QProcess app;
    startApp(app, QStringLiteral("USERDESK_TEST_IMPORT"), QStringLiteral("users:300:") + path,
        { { QStringLiteral("drop_after_rate"), 0.5 } });
    JobJournal journal;
    const std::optional<JobSummary> killed = killMidJob(app, journal, 3, 2);
    QVERIFY2(killed, "the app never got that far into the job");
    const JobSummary cut = *killed;
    QCOMPARE(cut.kind, QStringLiteral("import"));
    QCOMPARE(cut.total, Count);
    QVERIFY2(!cut.finished && cut.applied < Count, "the kill came too late to cut the job off");

    restartOnAppData();
    UserFilter filter;
    filter.email = QStringLiteral("killed.import.");
    auto copies = [&] {
        QHash<QString, int> count; // email and name -> users with them
        for (const User &u : usersWhere(filter))
            ++count[u.email + QLatin1Char('\n') + u.name];
        return count;
    };
    QVERIFY2(copies().size() > cut.applied, "the server holds no user the journal does not know of");
    resumeFromBanner(cut);
    if (QTest::currentTestFailed())
        return;
    const JobSummary done = *journal.job(cut.id);
    QVERIFY(done.finished);
    QCOMPARE(done.applied, Count);
    QCOMPARE(done.failed, 0);
    const QHash<QString, int> after = copies();
    QCOMPARE(after.size(), Count);
    for (int i = 0; i < Count; ++i)
        QCOMPARE(after.value(QStringLiteral("killed.import.%1@example.com\nKilled Import %1").arg(i)), 1);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->userModel()->isLoading(), Timeout);
    QCOMPARE(m_window->userModel()->totalCount(), AppSeedUsers + Count);
}

// The real app, killed with SIGKILL in the middle of a bulk edit (Users > Bulk Edit... on the first users
// listed), then started again: Resume, and exactly those users hold the new name. Half the answers are lost
// after the server applied the change, and so are half the read-backs after them: at the kill the journal
// does not know of some users that hold it.
void TestJobsWindow::killedBulkEditIsResumedAfterRestart()
{
    constexpr int Count = 40;
    // One attempt: a read-back whose answer is lost too leaves the outcome not known, in the journal.
    Profile profile = (m_store->ensureDefaultProfile(), *m_store->currentProfile());
    profile.setMaxAttempts(1);
    profile.setPageSize(Count); // all of them on the first page
    QVERIFY(m_store->saveProfile(profile));
    QProcess app;
    startApp(app, QStringLiteral("USERDESK_TEST_BULK_EDIT"),
        QStringLiteral("%1:300:name:Killed Edit").arg(Count), { { QStringLiteral("drop_after_rate"), 0.5 } });
    JobJournal journal;
    const std::optional<JobSummary> killed = killMidJob(app, journal, 3, 2);
    QVERIFY2(killed, "the app never got that far into the job");
    const JobSummary cut = *killed;
    QCOMPARE(cut.kind, QStringLiteral("bulk-update"));
    QCOMPARE(cut.total, Count);
    QVERIFY2(!cut.finished && cut.applied < Count, "the kill came too late to cut the job off");
    QSet<QString> edited;
    for (const JobItem &item : journal.items(cut.id))
        edited.insert(item.userId.toString());
    QCOMPARE(edited.size(), Count);

    restartOnAppData();
    UserFilter filter;
    filter.name = QStringLiteral("Killed Edit");
    auto named = [&] {
        QSet<QString> ids;
        for (const User &u : usersWhere(filter))
            ids.insert(u.id.toString());
        return ids;
    };
    QVERIFY2(named().size() > cut.applied, "the server holds no edit the journal does not know of");
    resumeFromBanner(cut);
    if (QTest::currentTestFailed())
        return;
    const JobSummary done = *journal.job(cut.id);
    QVERIFY(done.finished);
    QCOMPARE(done.applied, Count);
    QCOMPARE(done.failed, 0);
    QCOMPARE(named(), edited);
}

// File > Import Users...: a preview of the rows, columns mapped by name and by hand, errors beside their
// rows, a dry run that sends nothing, then the import as a journaled job.
void TestJobsWindow::importPreviewMappingAndDryRun()
{
    const QString path = m_dir->filePath(QStringLiteral("people.csv"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Full name,E-mail,gender,status,team\n"
                   "Asha Rao,asha.rao.import@example.com,female,active,blue\n"
                   "Ben Okafor,not-an-email,male,active,red\n"
                   "Chen Li,chen.li.import@example.com,male,inactive,blue\n");
    }
    startWindow();
    waitForRows(20);
    const int totalBefore = int(m_window->userModel()->totalCount());
    QAction *import = m_window->findChild<QAction *>(QStringLiteral("actionImport"));
    QVERIFY(import && import->isEnabled());
    import->trigger();
    auto *dialog = waitForChild<ImportDialog>(QStringLiteral("importDialog"));
    if (auto *chooser = dialog->findChild<QFileDialog *>(QStringLiteral("importFileDialog")))
        chooser->reject();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->client()->inFlightCount(), 0, Timeout);
    const int logged = m_window->client()->requestLog()->size();

    // Name and email are not named like the fields: the whole file is refused until they are mapped.
    QVERIFY(!dialog->loadFile(path));
    auto *fileError = dialog->findChild<QLabel *>(QStringLiteral("fileErrorLabel"));
    QVERIFY2(fileError->text().contains(QLatin1String("no column for name, email")),
        qPrintable(fileError->text()));
    auto *importButton = dialog->findChild<QPushButton *>(QStringLiteral("importButton"));
    QVERIFY(!importButton->isEnabled());
    QCOMPARE(dialog->findChild<QComboBox *>(QStringLiteral("genderColumn"))->currentText(),
        QStringLiteral("gender"));

    dialog->mapField(QStringLiteral("name"), QStringLiteral("Full name"));
    dialog->mapField(QStringLiteral("email"), QStringLiteral("E-mail"));
    QVERIFY2(dialog->result().ok(), qPrintable(dialog->result().error));
    auto *preview = dialog->findChild<QTableWidget *>(QStringLiteral("previewTable"));
    QCOMPARE(preview->rowCount(), 3);
    QCOMPARE(preview->item(0, 1)->text(), QStringLiteral("Asha Rao"));
    QCOMPARE(preview->item(0, 5)->text(), QStringLiteral("OK"));
    QVERIFY2(preview->item(1, 5)->text().contains(QLatin1String("email")),
        qPrintable(preview->item(1, 5)->text()));
    QVERIFY(dialog->summary().contains(QLatin1String("Columns not imported: team.")));

    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("dryRunButton")), Qt::LeftButton);
    const QString dry = dialog->findChild<QLabel *>(QStringLiteral("summaryLabel"))->text();
    QCOMPARE(dry,
        QStringLiteral(
            "Dry run: an import would create 2 users. 1 row with errors would be left out. Nothing "
            "was sent."));
    QCOMPARE(m_window->client()->requestLog()->size(), logged); // nothing was sent

    QSignalSpy finished(jobs(), &JobController::jobFinished);
    QCOMPARE(importButton->text(), QStringLiteral("&Import 2 Users"));
    QTest::mouseClick(importButton, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, Timeout);
    const JobSummary job = finished.first().at(0).value<JobSummary>();
    QVERIFY(finished.first().at(1).toBool());
    QCOMPARE(job.kind, QStringLiteral("import"));
    QCOMPARE(job.applied, 2);
    QCOMPARE(job.description, QFileInfo(path).absoluteFilePath());
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->userModel()->isLoading(), Timeout);
    QCOMPARE(int(m_window->userModel()->totalCount()), totalBefore + 2);
    for (const JobItem &item : jobs()->journal()->items(job.id)) {
        QVERIFY(item.userId > 0);
        QCOMPARE(statusOf(item.userId), 200);
    }
}

// File > Import... with Todos chosen and a user given: the preview's columns are a todo's fields, a bad
// status is named beside its row, and the import, a journaled job, lands in the Todos tab.
void TestJobsWindow::importTodosForAUserShowsThemInTheTodosTab()
{
    const QString path = m_dir->filePath(QStringLiteral("todos.csv"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("title,status,due_on,owner\n"
                   "Import todo one,pending,2026-12-24,me\n"
                   "Import todo bad,done,,me\n"
                   "Import todo two,completed,,me\n");
    }
    startWindow();
    waitForRows(20);
    const User user = firstUsers(1).first();
    m_window->findChild<QAction *>(QStringLiteral("actionImport"))->trigger();
    auto *dialog = waitForChild<ImportDialog>(QStringLiteral("importDialog"));
    if (auto *chooser = dialog->findChild<QFileDialog *>(QStringLiteral("importFileDialog")))
        chooser->reject();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->client()->inFlightCount(), 0, Timeout);
    const int logged = m_window->client()->requestLog()->size();

    auto *choice = dialog->findChild<QComboBox *>(QStringLiteral("resourceChoice"));
    choice->setCurrentIndex(choice->findData(QStringLiteral("todos")));
    QCOMPARE(dialog->resource(), QStringLiteral("todos"));
    QVERIFY(dialog->findChild<QComboBox *>(QStringLiteral("titleColumn")));
    QVERIFY(!dialog->findChild<QComboBox *>(QStringLiteral("genderColumn")));
    // Without a user, the file must name one in a user_id column.
    QVERIFY(!dialog->loadFile(path));
    QVERIFY2(dialog->findChild<QLabel *>(QStringLiteral("fileErrorLabel"))
                 ->text()
                 .contains(QLatin1String("user_id")),
        qPrintable(dialog->findChild<QLabel *>(QStringLiteral("fileErrorLabel"))->text()));
    auto *parent = dialog->findChild<QLineEdit *>(QStringLiteral("parentEdit"));
    QVERIFY(parent->isVisible());
    QTest::keyClicks(parent, user.id.toString());
    QVERIFY2(dialog->records().ok(), qPrintable(dialog->records().error));

    auto *preview = dialog->findChild<QTableWidget *>(QStringLiteral("previewTable"));
    QCOMPARE(preview->rowCount(), 3);
    QCOMPARE(preview->horizontalHeaderItem(2)->text(), QStringLiteral("Title"));
    QCOMPARE(preview->item(0, 1)->text(), user.id.toString());
    QCOMPARE(preview->item(0, 2)->text(), QStringLiteral("Import todo one"));
    const int problems = preview->columnCount() - 1;
    QCOMPARE(preview->item(0, problems)->text(), QStringLiteral("OK"));
    QCOMPARE(
        preview->item(1, problems)->text(), QStringLiteral("Line 3: status must be pending or completed."));
    QVERIFY(dialog->summary().contains(QLatin1String("Columns not imported: owner.")));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("dryRunButton")), Qt::LeftButton);
    QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("summaryLabel"))->text(),
        QStringLiteral(
            "Dry run: an import would create 2 todos. 1 row with errors would be left out. Nothing was "
            "sent."));
    QCOMPARE(m_window->client()->requestLog()->size(), logged); // nothing was sent

    QSignalSpy finished(jobs(), &JobController::jobFinished);
    auto *importButton = dialog->findChild<QPushButton *>(QStringLiteral("importButton"));
    QCOMPARE(importButton->text(), QStringLiteral("&Import 2 Todos"));
    QTest::mouseClick(importButton, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, Timeout);
    const JobSummary job = finished.first().at(0).value<JobSummary>();
    QVERIFY(finished.first().at(1).toBool());
    QCOMPARE(job.kind, QStringLiteral("import-todos"));
    QCOMPARE(job.applied, 2);
    QCOMPARE(JobController::jobTitle(job), QStringLiteral("An import of 2 todos"));

    auto *browser = m_window->findChild<ResourceBrowser *>();
    QVERIFY(browser);
    for (int i = 0; i < browser->tabBar()->count(); ++i)
        if (browser->tabBar()->tabText(i).remove(QLatin1Char('&')) == QLatin1String("Todos"))
            browser->tabBar()->setCurrentIndex(i);
    RecordListPane *todos = browser->pane(QStringLiteral("todos"));
    QTRY_VERIFY_WITH_TIMEOUT(todos->isVisible(), Timeout);
    auto shown = [todos, &user] {
        QHash<QString, QString> status; // title -> status, of this user's todos
        for (int row = 0; row < todos->model()->rowCount(); ++row) {
            const QJsonObject todo = todos->model()->recordAt(row);
            if (todo.value(QLatin1String("user_id")).toInteger() == user.id)
                status.insert(todo.value(QLatin1String("title")).toString(),
                    todo.value(QLatin1String("status")).toString());
        }
        return status;
    };
    QTRY_COMPARE_WITH_TIMEOUT(
        shown().value(QStringLiteral("Import todo one")), QStringLiteral("pending"), Timeout);
    QCOMPARE(shown().value(QStringLiteral("Import todo two")), QStringLiteral("completed"));
    QVERIFY(!shown().contains(QStringLiteral("Import todo bad")));
}

// Users > Bulk Edit...: for two or more selected users; one field, one value, a PATCH for each.
void TestJobsWindow::bulkEditPatchesEachUser()
{
    startWindow();
    waitForRows(20);
    QAction *bulkEdit = m_window->findChild<QAction *>(QStringLiteral("actionBulkEdit"));
    QVERIFY(bulkEdit);
    selectRows(0, 1);
    QVERIFY(!bulkEdit->isEnabled());
    const QList<User> users = firstUsers(3);
    selectRows(0, 3);
    QVERIFY(bulkEdit->isEnabled());
    bulkEdit->trigger();
    auto *dialog = waitForChild<QDialog>(QStringLiteral("bulkEditDialog"));
    auto *field = dialog->findChild<QComboBox *>(QStringLiteral("fieldCombo"));
    field->setCurrentIndex(field->findData(QStringLiteral("name")));
    auto *buttons = dialog->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"));
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled()); // no value yet
    QVERIFY(!dialog->findChild<QLabel *>(QStringLiteral("bulkEditError"))->text().isEmpty());
    field->setCurrentIndex(field->findData(QStringLiteral("status")));
    auto *value = dialog->findChild<QComboBox *>(QStringLiteral("valueCombo"));
    value->setCurrentIndex(value->findData(QStringLiteral("inactive")));
    QVERIFY(ok->isEnabled());
    QCOMPARE(ok->text(), QStringLiteral("Apply to 3 users"));
    QSignalSpy finished(jobs(), &JobController::jobFinished);
    QTest::mouseClick(ok, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, Timeout);
    QVERIFY(finished.first().at(1).toBool());
    QCOMPARE(finished.first().at(0).value<JobSummary>().kind, QStringLiteral("bulk-update"));
    const QString message = m_window->statusBar()->currentMessage();
    QVERIFY2(message.contains(QLatin1String("A bulk edit of 3 users finished: 3 applied, 0 not applied.")),
        qPrintable(message));
    for (const User &u : users)
        QCOMPARE(fetchUser(u.id).value(QStringLiteral("status")).toString(), QStringLiteral("inactive"));

    // One email for two users: the server takes it for one and refuses the other (422), which the report
    // lists with the server's reason; the job is finished, nothing is left to resume.
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    waitForRows(20);
    selectRows(0, 2);
    bulkEdit->trigger();
    dialog = waitForChild<QDialog>(QStringLiteral("bulkEditDialog"));
    field = dialog->findChild<QComboBox *>(QStringLiteral("fieldCombo"));
    field->setCurrentIndex(field->findData(QStringLiteral("email")));
    dialog->findChild<QLineEdit *>(QStringLiteral("valueEdit"))
        ->setText(QStringLiteral("shared.bulk@example.com"));
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("noteLabel"))->isVisible());
    QTest::mouseClick(
        dialog->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))->button(QDialogButtonBox::Ok),
        Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, Timeout);
    const JobSummary job = finished.at(1).at(0).value<JobSummary>();
    QVERIFY(finished.at(1).at(1).toBool());
    QCOMPARE(job.applied, 1);
    QCOMPARE(job.failed, 1);
    auto *report = waitForChild<QMessageBox>(QStringLiteral("jobReportBox"));
    QVERIFY2(
        report->text().contains(QLatin1String("A bulk edit of 2 users finished: 1 applied, 1 not applied.")),
        qPrintable(report->text()));
    QVERIFY2(report->text().contains(QStringLiteral("These were not applied:\n• user ")),
        qPrintable(report->text()));
    QVERIFY(jobs()->interrupted().isEmpty());
    report->accept();
}

// A job that took over 10 s ends while another window is in front: one notification, through
// org.freedesktop.Notifications on the session bus; none for a short one.
void TestJobsWindow::longJobEndingUnseenNotifies()
{
    QVERIFY(QDBusConnection::sessionBus().interface()->isServiceRegistered(
        QStringLiteral("org.freedesktop.Notifications")));
    startWindow();
    waitForRows(20);
    m_notifications.summaries.clear();
    m_notifications.bodies.clear();
    selectRows(0, 2);
    QSignalSpy finished(jobs(), &JobController::jobFinished);
    confirmDelete();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, Timeout);
    QTest::qWait(300);
    QVERIFY(m_notifications.summaries.isEmpty()); // short, and the window in front

    // Each delete takes 11 s, so the job does; another window is in front when it ends.
    SandboxFaults slow;
    slow.latencyMs = JobNotifier::MinimumMs + 1000;
    m_window->sandbox()->setFaults(slow);
    selectRows(0, 2);
    confirmDelete();
    QWidget other;
    other.resize(200, 100);
    other.show();
    other.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&other));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(m_notifications.summaries.size(), 1, 10000);
    QCOMPARE(m_notifications.summaries.first(), QStringLiteral("Bulk job finished"));
    QVERIFY2(m_notifications.bodies.first().contains(QLatin1String("A bulk delete of 2 users finished")),
        qPrintable(m_notifications.bodies.first()));
    m_window->sandbox()->setFaults(SandboxFaults());
}

QTEST_MAIN(TestJobsWindow)
#include "tst_jobswindow.moc"
