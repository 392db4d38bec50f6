#include "apiclient.h"
#include "exchangeformat.h"
#include "jsonhighlighter.h"
#include "messagebanner.h"
#include "networkstatuswidget.h"
#include "palettecolors.h"
#include "profile.h"
#include "recordlistpane.h"
#include "recordtablemodel.h"
#include "requestlog.h"
#include "requestlogmodel.h"
#include "requestlogwidget.h"
#include "sandboxfixture.h"
#include "sessioncontroller.h"
#include "sessionstatuswidget.h"
#include "tokenstore.h"
#include "translations.h"
#include "userdetailswidget.h"
#include "userexportflow.h"
#include "userfilterbar.h"
#include "usertablemodel.h"
#include "usertableview.h"

#include <QApplication>
#include <QComboBox>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

using namespace UserDesk;

namespace {
constexpr int Timeout = 30000;

QPalette darkPalette()
{
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2d, 0x2d, 0x2d));
    dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    return dark;
}

User user(qint64 id, const QString &name)
{
    User u;
    u.id = id;
    u.name = name;
    u.email = name.toLower() + QStringLiteral("@example.com");
    u.gender = QStringLiteral("female");
    u.status = QStringLiteral("active");
    return u;
}
} // namespace

// Each pane built on its own, without a MainWindow: what it shows, what it asks for, what it says.
// Panes that talk to a server talk to a real sandbox on an ephemeral loopback port.
class TestPanes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void userDetailsShowsAUserAndOwnsItsRequests();
    void requestLogShowsTheExchangeText();
    void messageBannerOffersWhatWasAsked();
    void messageBannerReadsInADarkPalette();
    void networkStatusCountsDownAndCancels();
    void networkStatusShowsLoadingAfterAMoment();
    void userFilterBarDebouncesAndClears();
    void userTableViewEditsOnEnterAndKeepsItsState();
    void exportSaysHowManyOfHowMany();
    void sessionControllerAppliesTheProfileAndReadsTheToken();
    void paletteColoursReadOnLightAndDark();

private:
    void connectClient();
    QList<User> firstUsers(int count);

    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<ApiClient> m_client;
};

// English needs its catalogue for the plural forms ("1 user", "12 users"), as the application loads it.
void TestPanes::initTestCase()
{
    UserDesk::Translations::install(QCoreApplication::instance(), QStringLiteral("en"));
}

void TestPanes::init()
{
    m_sandbox = std::make_unique<SandboxFixture>(SandboxFixture::defaultConfig(12));
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
    m_client = std::make_unique<ApiClient>();
}

void TestPanes::cleanup()
{
    m_client.reset();
    m_sandbox.reset();
}

void TestPanes::connectClient()
{
    m_client->setBaseUrl(m_sandbox->baseUrl());
    m_client->setToken(m_sandbox->token());
}

QList<User> TestPanes::firstUsers(int count)
{
    connectClient();
    QList<User> users;
    const ApiClient::RequestId id = m_client->listUsers(1, count);
    connect(m_client.get(), &ApiClient::usersPageReceived, this,
        [&](ApiClient::RequestId done, const UsersPage &page) {
            if (done == id)
                users = page.users;
        });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(!users.isEmpty(), Timeout); }();
    return users;
}

void TestPanes::userDetailsShowsAUserAndOwnsItsRequests()
{
    const QList<User> users = firstUsers(3);
    QCOMPARE(users.size(), 3);
    UserDetailsWidget pane;
    pane.setClient(m_client.get());
    pane.setOnline(true);
    pane.show();
    auto *tabs = pane.findChild<QTabWidget *>(QStringLiteral("detailTabs"));
    RecordTableModel *posts = pane.postsPane()->model();
    QVERIFY(!tabs->isEnabled());

    pane.showUser(users.at(0));
    QCOMPARE(pane.findChild<QLabel *>(QStringLiteral("nameValue"))->text(), users.at(0).name);
    QVERIFY(pane.findChild<QPlainTextEdit *>(QStringLiteral("jsonView"))
                ->toPlainText()
                .contains(users.at(0).email));
    QVERIFY(tabs->isEnabled());
    const int logged = m_client->requestLog()->size();
    QCOMPARE(m_client->inFlightCount() + m_client->queuedCount(), 0); // posts wait for their tab

    // The posts tab asks; showing another user before the answer cancels the first request.
    tabs->setCurrentWidget(pane.findChild<QWidget *>(QStringLiteral("postsTab")));
    QCOMPARE(m_client->inFlightCount() + m_client->queuedCount(), 1);
    pane.showUser(users.at(1));
    QCOMPARE(m_client->inFlightCount() + m_client->queuedCount(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(!posts->isLoading() && posts->totalCount() >= 0, Timeout);
    const RequestLog *log = m_client->requestLog();
    QVERIFY(log->size() > logged);
    QVERIFY(log->at(log->size() - 1).url.path().contains(users.at(1).id.toString()));

    // The same user with changed fields keeps what was loaded and asks nothing.
    User renamed = users.at(1);
    renamed.name = QStringLiteral("Renamed");
    const int before = log->size();
    pane.showUser(renamed);
    QCOMPARE(pane.findChild<QLabel *>(QStringLiteral("detailTitle"))->text(), QStringLiteral("Renamed"));
    QCOMPARE(log->size(), before);
    QCOMPARE(m_client->inFlightCount() + m_client->queuedCount(), 0);

    // A failure is shown in the list, by the pane that asked.
    RetryPolicy once = m_client->retryPolicy();
    once.maxAttempts = 1;
    m_client->setRetryPolicy(once);
    SandboxFaults faults;
    faults.failRate = 1.0;
    m_sandbox->setFaults(faults);
    pane.showUser(users.at(2));
    auto *problem = pane.findChild<QLabel *>(QStringLiteral("postsProblem"));
    QTRY_VERIFY_WITH_TIMEOUT(
        !problem->isHidden() && problem->text().startsWith(QLatin1String("Could not load")), Timeout);
}

void TestPanes::requestLogShowsTheExchangeText()
{
    connectClient();
    RequestLogWidget pane;
    pane.setLog(m_client->requestLog());
    pane.show();
    bool done = false;
    const ApiClient::RequestId id = m_client->listUsers(1, 2);
    connect(m_client.get(), &ApiClient::usersPageReceived, this, [&] { done = true; });
    QTRY_VERIFY_WITH_TIMEOUT(done, Timeout);
    QVERIFY(pane.hasRequest(id));
    QVERIFY(!pane.hasRequest(0));
    QVERIFY(pane.showRequest(id));

    const HttpExchange &exchange = m_client->requestLog()->at(m_client->requestLog()->size() - 1);
    const QString text = pane.findChild<QPlainTextEdit *>(QStringLiteral("logDetails"))->toPlainText();
    QCOMPARE(text, ExchangeFormat::describe(exchange));
    QVERIFY(text.startsWith(QLatin1String("> GET http://127.0.0.1:")));
    QVERIFY2(text.contains(
                 QRegularExpression(QStringLiteral("\\n< (HTTP/[0-9.]+ )?200 in [0-9]+ ms, [0-9]+ bytes"))),
        qPrintable(text));
    QVERIFY(text.contains(QLatin1String("Bearer <redacted>")));
    QVERIFY(!text.contains(m_sandbox->token()));
    auto *copy = pane.findChild<QPushButton *>(QStringLiteral("copyCurlButton"));
    QVERIFY(copy->isEnabled());

    // A failed exchange is marked in a colour that reads on the table's base, in a dark palette too.
    pane.setPalette(darkPalette());
    RetryPolicy once = m_client->retryPolicy();
    once.maxAttempts = 1;
    m_client->setRetryPolicy(once);
    SandboxFaults faults;
    faults.failRate = 1.0;
    m_sandbox->setFaults(faults);
    bool failed = false;
    connect(m_client.get(), &ApiClient::requestFailed, this, [&] { failed = true; });
    m_client->listUsers(1, 2);
    QTRY_VERIFY_WITH_TIMEOUT(failed, Timeout);
    const QModelIndex last = pane.model()->index(pane.model()->rowCount() - 1, 0);
    const QColor marked = last.data(Qt::ForegroundRole).value<QColor>();
    QVERIFY(marked.isValid());
    QVERIFY2(PaletteColors::contrast(marked, darkPalette().color(QPalette::Base)) >= 4.5,
        qPrintable(marked.name()));
    QVERIFY(!pane.model()->index(0, 0).data(Qt::ForegroundRole).isValid()); // the 200 is not marked

    QTest::mouseClick(pane.findChild<QPushButton *>(QStringLiteral("clearLogButton")), Qt::LeftButton);
    QCOMPARE(m_client->requestLog()->size(), 0);
    QVERIFY(!pane.hasRequest(id));
    QVERIFY(!pane.showRequest(id));
    QVERIFY(!copy->isEnabled());
}

void TestPanes::messageBannerOffersWhatWasAsked()
{
    QWidget host;
    auto *banner = new MessageBanner(&host);
    host.show();
    QVERIFY(!banner->isVisible());
    auto *retry = banner->findChild<QPushButton *>(QStringLiteral("retryButton"));
    auto *exchange = banner->findChild<QPushButton *>(QStringLiteral("showExchangeButton"));
    auto *prefs = banner->findChild<QPushButton *>(QStringLiteral("bannerPreferencesButton"));
    int retries = 0;
    ApiClient::RequestId shown = 0;
    QList<bool> preferences;
    connect(banner, &MessageBanner::retryRequested, this, [&] { ++retries; });
    connect(
        banner, &MessageBanner::showExchangeRequested, this, [&](ApiClient::RequestId id) { shown = id; });
    connect(
        banner, &MessageBanner::preferencesRequested, this, [&](bool forToken) { preferences << forToken; });

    banner->showError(QStringLiteral("Could not load the users."), 0, MessageBanner::Action::Retry);
    QVERIFY(banner->isVisible());
    QCOMPARE(banner->text(), QStringLiteral("Could not load the users."));
    QVERIFY(retry->isVisible());
    QVERIFY(!exchange->isVisible());
    QVERIFY(!prefs->isVisible());
    QTest::mouseClick(retry, Qt::LeftButton);
    QCOMPARE(retries, 1);
    QVERIFY(!banner->isVisible());

    banner->showError(QStringLiteral("No token."), 42, MessageBanner::Action::TokenInPreferences);
    QVERIFY(!retry->isVisible());
    QVERIFY(exchange->isVisible());
    QTest::mouseClick(exchange, Qt::LeftButton);
    QCOMPARE(shown, ApiClient::RequestId(42));
    QTest::mouseClick(prefs, Qt::LeftButton);
    QCOMPARE(preferences, QList<bool> { true });
    QTest::mouseClick(
        banner->findChild<QToolButton *>(QStringLiteral("dismissBannerButton")), Qt::LeftButton);
    QVERIFY(!banner->isVisible());
    QCOMPARE(banner->action(), MessageBanner::Action::None);
}

void TestPanes::messageBannerReadsInADarkPalette()
{
    for (const QPalette &palette : { QPalette(), darkPalette() }) {
        QWidget host;
        host.setPalette(palette);
        auto *banner = new MessageBanner(&host);
        host.show();
        banner->showError(QStringLiteral("Something failed."));
        const QColor background = banner->palette().color(QPalette::Window);
        const QColor text = banner->findChild<QLabel *>(QStringLiteral("errorLabel"))
                                ->palette()
                                .color(QPalette::WindowText);
        QVERIFY2(PaletteColors::contrast(text, background) >= 4.5,
            qPrintable(text.name() + QLatin1String(" on ") + background.name()));
        // Tinted, not the plain window colour, and not a light pink on a dark window.
        QVERIFY(background != palette.color(QPalette::Window));
        QVERIFY(qAbs(background.lightnessF() - palette.color(QPalette::Window).lightnessF()) < 0.2);
    }
}

void TestPanes::networkStatusCountsDownAndCancels()
{
    connectClient();
    RetryPolicy slow = m_client->retryPolicy();
    slow.maxAttempts = 5;
    slow.baseDelayMs = 3000;
    slow.capDelayMs = 3000;
    m_client->setRetryPolicy(slow);
    NetworkStatusWidget pane(m_client.get());
    pane.show();
    auto *retry = pane.findChild<QWidget *>(QStringLiteral("retryWidget"));
    SandboxFaults faults;
    faults.failRate = 1.0;
    m_sandbox->setFaults(faults);

    std::optional<ApiError> failure;
    connect(m_client.get(), &ApiClient::requestFailed, this,
        [&](ApiClient::RequestId, const ApiError &e) { failure = e; });
    m_client->listUsers(1, 2);
    QTRY_VERIFY_WITH_TIMEOUT(retry->isVisible(), Timeout);
    QVERIFY(pane.findChild<QLabel *>(QStringLiteral("retryLabel"))
                ->text()
                .contains(QLatin1String("attempt 2 of 5")));
    QTest::mouseClick(pane.findChild<QPushButton *>(QStringLiteral("retryCancelButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(failure.has_value(), Timeout);
    QCOMPARE(failure->kind(), ApiError::Kind::Canceled);
    QVERIFY(!retry->isVisible());
}

void TestPanes::networkStatusShowsLoadingAfterAMoment()
{
    NetworkStatusWidget pane(m_client.get());
    pane.show();
    auto *loading = pane.findChild<QWidget *>(QStringLiteral("loadingWidget"));
    QSignalSpy cancels(&pane, &NetworkStatusWidget::pageLoadCancelRequested);
    pane.setPageLoading(true);
    QVERIFY(!loading->isVisible()); // fast answers must not make it flicker
    QTRY_VERIFY_WITH_TIMEOUT(loading->isVisible(), Timeout);
    QTest::mouseClick(pane.findChild<QPushButton *>(QStringLiteral("loadingCancelButton")), Qt::LeftButton);
    QCOMPARE(cancels.count(), 1);
    pane.setPageLoading(false);
    QVERIFY(!loading->isVisible());
}

void TestPanes::userFilterBarDebouncesAndClears()
{
    UserFilterBar bar;
    bar.show();
    QList<UserFilter> announced;
    connect(&bar, &UserFilterBar::filterChanged, this, [&](const UserFilter &f) { announced << f; });
    auto *name = bar.findChild<QLineEdit *>(QStringLiteral("nameFilter"));
    QTest::keyClicks(name, QStringLiteral("ada"));
    QVERIFY(announced.isEmpty()); // typing is not three filters
    QTRY_COMPARE_WITH_TIMEOUT(announced.size(), 1, Timeout);
    QCOMPARE(announced.last().name, QStringLiteral("ada"));
    QCOMPARE(bar.filter().name, QStringLiteral("ada"));

    QTest::keyClick(name, Qt::Key_Escape);
    QCOMPARE(announced.size(), 2); // at once: nothing left to type
    QCOMPARE(announced.last(), UserFilter());
    QVERIFY(name->text().isEmpty());

    bar.findChild<QComboBox *>(QStringLiteral("statusFilter"))->setCurrentIndex(2);
    QTRY_COMPARE_WITH_TIMEOUT(announced.size(), 3, Timeout);
    QCOMPARE(announced.last().status, QStringLiteral("inactive"));
    QTest::mouseClick(bar.findChild<QToolButton *>(QStringLiteral("clearFiltersButton")), Qt::LeftButton);
    QCOMPARE(announced.size(), 4);
    QCOMPARE(announced.last(), UserFilter());
}

void TestPanes::userTableViewEditsOnEnterAndKeepsItsState()
{
    QStandardItemModel model(0, UserTableModel::ColumnCount);
    for (const User &u :
        { user(5, QStringLiteral("Eve")), user(9, QStringLiteral("Ida")), user(7, QStringLiteral("Gus")) }) {
        QList<QStandardItem *> row;
        for (int c = 0; c < UserTableModel::ColumnCount; ++c) {
            auto *item = new QStandardItem(c == UserTableModel::IdColumn ? u.id.toString() : u.name);
            item->setData(
                c == UserTableModel::IdColumn ? QVariant(u.id.number()) : QVariant(u.name), Qt::DisplayRole);
            item->setData(QVariant::fromValue(u), UserTableModel::UserRole);
            row << item;
        }
        model.appendRow(row);
    }
    UserTableView view;
    view.setModel(&model);
    view.applyDefaultLayout();
    view.show();
    QList<qint64> current;
    int edits = 0;
    connect(
        &view, &UserTableView::currentUserChanged, this, [&](const User &u) { current << u.id.number(); });
    connect(&view, &UserTableView::editRequested, this, [&] { ++edits; });

    // The server's own order by default, and no sort arrow over it until the person sorts.
    QCOMPARE(view.model()->index(0, 0).data(UserTableModel::UserRole).value<User>().id, 5);
    QVERIFY(!view.horizontalHeader()->isSortIndicatorShown());
    view.setFocus();
    view.makeCurrent(view.model()->index(2, 0));
    QCOMPARE(current, QList<qint64> { 7 });
    QCOMPARE(view.currentUser().id, 7);
    QTest::keyClick(&view, Qt::Key_Return);
    QCOMPARE(edits, 1);
    QTest::keyClick(&view, Qt::Key_Enter, Qt::KeypadModifier);
    QCOMPARE(edits, 2);
    QTest::keyClick(&view, Qt::Key_Return, Qt::ShiftModifier);
    QCOMPARE(edits, 2);

    view.selectAll();
    QList<qint64> ids;
    for (const User &u : view.selectedUsers())
        ids << u.id.number();
    QCOMPARE(ids, (QList<qint64> { 9, 7, 5 }));

    // A click on a header asks the window to sort; the view does not sort by itself.
    QSignalSpy sorts(&view, &UserTableView::sortRequested);
    Q_EMIT view.horizontalHeader()->sectionClicked(UserTableModel::NameColumn);
    QCOMPARE(sorts.count(), 1);
    QCOMPARE(sorts.at(0).at(0).toInt(), int(UserTableModel::NameColumn));
    QCOMPARE(sorts.at(0).at(1).value<Qt::SortOrder>(), Qt::AscendingOrder);
    QCOMPARE(view.model()->index(0, 0).data(UserTableModel::UserRole).value<User>().id, 5);

    // The header's state (order, widths) round-trips through saveViewState; a saved sort comes back as a
    // request, under the same rules as a click.
    view.showSort(UserTableModel::NameColumn, Qt::AscendingOrder);
    const QByteArray state = view.saveViewState();
    UserTableView restored;
    restored.setModel(&model);
    restored.applyDefaultLayout();
    QSignalSpy restoredSorts(&restored, &UserTableView::sortRequested);
    QVERIFY(restored.restoreViewState(state));
    QCOMPARE(restoredSorts.count(), 1);
    QCOMPARE(restoredSorts.at(0).at(0).toInt(), int(UserTableModel::NameColumn));
    QCOMPARE(restoredSorts.at(0).at(1).value<Qt::SortOrder>(), Qt::AscendingOrder);
    QVERIFY(!restored.restoreViewState(QByteArray()));
}

void TestPanes::sessionControllerAppliesTheProfileAndReadsTheToken()
{
    QTemporaryDir dir;
    TokenStore tokens(TokenStore::KeychainUse::Disabled, dir.path());
    tokens.setFallback(TokenStore::Backend::SessionOnly);
    bool written = false;
    tokens.writeToken(
        QStringLiteral("work"), m_sandbox->token(), this, [&](const TokenResult &) { written = true; });
    QTRY_VERIFY_WITH_TIMEOUT(written, Timeout);

    Profile profile(QStringLiteral("work"), m_sandbox->baseUrl());
    profile.setTimeoutMs(4321);
    profile.setMaxAttempts(2);
    profile.setMaxInFlight(3);
    profile.addTrustedCertificate(QStringLiteral("ab"));
    SessionController session(m_client.get(), &tokens);
    SessionStatusWidget status(&session);
    QSignalSpy reading(&session, &SessionController::readingToken);
    QSignalSpy connected(&session, &SessionController::connected);
    session.open(profile);
    QCOMPARE(m_client->timeout(), 4321);
    QCOMPARE(m_client->retryPolicy().maxAttempts, 2);
    QCOMPARE(m_client->maxInFlight(), 3);
    QCOMPARE(reading.count(), 1);
    QVERIFY(!session.isConnected());
    QCOMPARE(status.findChild<QLabel *>(QStringLiteral("loadedLabel"))->text(),
        QStringLiteral("Reading the token…"));
    QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, Timeout);
    QCOMPARE(m_client->baseUrl(), m_sandbox->baseUrl());
    QVERIFY(m_client->hasToken());
    QCOMPARE(session.token(), m_sandbox->token());
    QCOMPARE(status.findChild<QLabel *>(QStringLiteral("endpointLabel"))->text(),
        QStringLiteral("work: ") + m_sandbox->baseUrl().toDisplayString());
    status.setCounts(5, 12, false);
    QCOMPARE(status.findChild<QLabel *>(QStringLiteral("loadedLabel"))->text(),
        QStringLiteral("Loaded 5 of 12 users"));

    // Opening another profile before the token arrives makes the earlier read count for nothing.
    session.open(profile);
    session.close();
    QVERIFY(!session.isConnected());
    // A read asked for after those is answered after them: once it is, the dropped one has come back.
    bool later = false;
    tokens.readToken(QStringLiteral("work"), this, [&](const TokenResult &) { later = true; });
    QTRY_VERIFY_WITH_TIMEOUT(later, Timeout);
    QCOMPARE(connected.count(), 1);
    QVERIFY(status.findChild<QLabel *>(QStringLiteral("endpointLabel"))->text().isEmpty());
}

void TestPanes::paletteColoursReadOnLightAndDark()
{
    for (const QPalette &palette : { QPalette(), darkPalette() }) {
        for (auto role : { PaletteColors::Role::Error, PaletteColors::Role::Warning,
                 PaletteColors::Role::Success, PaletteColors::Role::JsonKey, PaletteColors::Role::JsonString,
                 PaletteColors::Role::JsonNumber, PaletteColors::Role::JsonLiteral }) {
            QVERIFY(PaletteColors::contrast(PaletteColors::text(palette, role), palette.color(QPalette::Base))
                >= 4.5);
            QVERIFY(PaletteColors::contrast(
                        PaletteColors::text(palette, role, true), palette.color(QPalette::Window))
                >= 4.5);
        }
    }

    // A pane follows a palette that changes while it is shown (the person switched to a dark theme).
    UserDetailsWidget pane;
    pane.show();
    pane.showUser(user(3, QStringLiteral("Cy")));
    pane.setPalette(darkPalette());
    const QColor base = darkPalette().color(QPalette::Base);
    QVERIFY(PaletteColors::contrast(pane.jsonHighlighter()->keyColor(), base) >= 4.5);
    QVERIFY(PaletteColors::contrast(pane.jsonHighlighter()->stringColor(), base) >= 4.5);

    NetworkStatusWidget status(m_client.get());
    status.setPalette(darkPalette());
    const QString style = status.findChild<QLabel *>(QStringLiteral("retryLabel"))->styleSheet();
    QCOMPARE(style, PaletteColors::textStyle(darkPalette(), PaletteColors::Role::Warning));
    QVERIFY(PaletteColors::contrast(PaletteColors::text(darkPalette(), PaletteColors::Role::Warning, true),
                darkPalette().color(QPalette::Window))
        >= 4.5);
}

// Finding: "Exported 35 user(s)" while the server had 2,995. The message says how many of how many, and which
// part it was. (The whole flow, with the rest loaded first, is in tst_tabletruth.)
void TestPanes::exportSaysHowManyOfHowMany()
{
    using Scope = UserExportFlow::Scope;
    const QString path = QStringLiteral("/tmp/u.csv");
    const QString part = UserExportFlow::exportedText(Scope::Loaded, 2, 3000, false, path);
    QVERIFY2(part.startsWith(QStringLiteral("Exported 2 of 3,000 user"))
            && part.contains(QStringLiteral("loaded")),
        qPrintable(part));
    QVERIFY(part.contains(path));
    QVERIFY(part.endsWith(QLatin1Char('.')));
    const QString filtered = UserExportFlow::exportedText(Scope::Loaded, 40, 2995, true, path);
    QVERIFY2(filtered.startsWith(QStringLiteral("Exported 40 of 2,995 matching user")), qPrintable(filtered));
    QVERIFY(filtered.contains(QStringLiteral("(filtered)")));
    const QString selected = UserExportFlow::exportedText(Scope::Selected, 5, 2995, false, path);
    QVERIFY2(selected.contains(QStringLiteral("selected")), qPrintable(selected));
    const QString all = UserExportFlow::exportedText(Scope::All, 2995, 2995, false, path);
    QVERIFY2(all.startsWith(QStringLiteral("Exported 2,995 of 2,995 user"))
            && !all.contains(QStringLiteral("loaded")),
        qPrintable(all));
    const QString unknown = UserExportFlow::exportedText(Scope::Loaded, 7, -1, false, path);
    QVERIFY2(unknown.contains(QStringLiteral("not known")), qPrintable(unknown));

    QTemporaryDir dir;
    const QList<User> two = { user(2, QStringLiteral("Ann")), user(1, QStringLiteral("Bo")) };
    QVERIFY(UserExportFlow::write(dir.filePath(QStringLiteral("two.csv")), two, false));
    QFile written(dir.filePath(QStringLiteral("two.csv")));
    QVERIFY(written.open(QIODevice::ReadOnly));
    QCOMPARE(written.readAll().count('\n'), 3); // the header and the two users
}

QTEST_MAIN(TestPanes)
#include "tst_panes.moc"
