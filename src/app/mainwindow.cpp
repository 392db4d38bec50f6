#include "mainwindow.h"

#include "aboutbox.h"
#include "certificatedialog.h"
#include "guidedialog.h"
#include "jobsflow.h"
#include "networkstatuswidget.h"
#include "profilecombobox.h"
#include "profilestore.h"
#include "requestlogmodel.h"
#include "resourcebrowser.h"
#include "sandboxlauncher.h"
#include "sessioncontroller.h"
#include "sessionstatuswidget.h"
#include "settingkey.h"
#include "settingsdialog.h"
#include "shortcutsdialog.h"
#include "sortscopeflow.h"
#include "tokenstore.h"
#include "ui_mainwindow.h"
#include "undocontroller.h"
#include "userdeletion.h"
#include "userdialog.h"
#include "userexportflow.h"
#include "usersortfilterproxymodel.h"
#include "usertablemodel.h"

#include <QCloseEvent>
#include <QLabel>
#include <QStatusBar>

namespace UserDesk {

MainWindow::MainWindow(ProfileStore *store, TokenStore *tokens, const Options &options, QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_store(store)
    , m_tokens(tokens)
    , m_client(new ApiClient(this))
    , m_model(new UserTableModel(m_client, this))
    , m_proxy(new UserSortFilterProxyModel(this))
    , m_session(new SessionController(m_client, tokens, this))
    , m_sandbox(new SandboxLauncher(options.dataDirectory, options.sandboxSeedUsers, this))
{
    m_ui->setupUi(this);
    m_session->setProfileStore(m_store); // keeps the dialect a first contact finds
    m_sortScope = new SortScopeFlow(m_model, m_proxy, m_ui->userTable, m_session, m_client, this);
    setWindowIcon(QIcon(QStringLiteral(":/icons/userdesk.svg")));
    setUpStatusBar();
    setUpActions();
    setUpPanes();

    // Where tokens went when no keychain answered: the person chose it once and should not be surprised.
    connect(m_tokens, &TokenStore::warning, this,
        [this](const QString &message) { statusBar()->showMessage(message, 15000); });
    connect(m_session, &SessionController::connected, this, &MainWindow::onConnected);
    connect(m_sandbox, &SandboxLauncher::ready, this, [this](const QUrl &url, const QString &token) {
        if (m_session->profile().isEmbeddedSandbox() && !isConnected())
            m_session->connectTo(url, token);
    });
    connect(m_sandbox, &SandboxLauncher::failed, this, [this](const QString &text) {
        showError(text);
        m_sessionStatus->setNote(QString());
    });
    connect(m_session, &SessionController::tokenProblem, this, [this](const QString &text, bool noKeychain) {
        showError(
            text, 0, noKeychain ? MessageBanner::Action::TokenInPreferences : MessageBanner::Action::None);
    });
    connect(m_session, &SessionController::setupProblem, this, [this](const QString &t) { showError(t); });

    connect(m_model, &UserTableModel::countsChanged, this, &MainWindow::updateCounts);
    connect(m_model, &UserTableModel::loadingChanged, this, &MainWindow::updateCounts);
    connect(m_model, &UserTableModel::loadingChanged, m_network, &NetworkStatusWidget::setPageLoading);
    // The model owns the page requests; their failures are shown here, once.
    connect(m_model, &UserTableModel::pageLoadFailed, this,
        [this](ApiClient::RequestId id, const ApiError &error) {
            m_pageError = showError(error.kind() == ApiError::Kind::Canceled
                    ? tr("Loading the users was canceled.")
                    : tr("Could not load the users: %1").arg(error.userMessage()),
                id, MessageBanner::Action::Retry);
            if (error.kind() != ApiError::Kind::Tls)
                return;
            const QString name = currentProfileName();
            CertificateDialog::offerTrustForProfile(error, m_store, name, this, [this, name] {
                if (currentProfileName() == name)
                    applyProfile(name);
            });
        });

    // A later page of the same list that loads tells the error is over.
    connect(m_client, &ApiClient::usersPageReceived, this,
        [this] { m_ui->errorBanner->dismissShown(std::exchange(m_pageError, 0)); });
    connect(m_sortScope, &SortScopeFlow::statusChanged, this, &MainWindow::updateCounts);
    connect(m_proxy, &UserSortFilterProxyModel::busyChanged, this, &MainWindow::updateCounts);
    connect(m_model, &UserTableModel::loadingAllChanged, m_network, &NetworkStatusWidget::showLoadingAll);
    connect(m_network, &NetworkStatusWidget::loadingAllStopRequested, m_sortScope,
        &SortScopeFlow::sortLoadedOnly);

    restoreWindowState();
    applyProfile(m_store->currentProfileName());
}

MainWindow::~MainWindow()
{
    saveWindowState();
    // Answers still on their way must not reach a half-destroyed window.
    m_client->disconnect(this);
    m_model->disconnect(this);
}

RequestLogModel *MainWindow::logModel() const
{
    return m_ui->requestLog->model();
}

void MainWindow::setUpStatusBar()
{
    m_sessionStatus = new SessionStatusWidget(m_session, this);
    m_network = new NetworkStatusWidget(m_client, this);
    m_network->setObjectName(QStringLiteral("networkStatus"));
    connect(m_network, &NetworkStatusWidget::message, statusBar(), &QStatusBar::showMessage);
    connect(m_network, &NetworkStatusWidget::pageLoadCancelRequested, this, [this] {
        if (const ApiClient::RequestId id = m_model->pageRequest())
            m_client->cancel(id);
    });
    statusBar()->addWidget(m_sessionStatus);
    statusBar()->addPermanentWidget(m_network);
}

void MainWindow::setUpActions()
{
    m_profileCombo = new ProfileComboBox(m_store, this);
    QAction *first = m_ui->mainToolBar->actions().value(0);
    m_ui->mainToolBar->insertWidget(first, new QLabel(tr(" Profile: "), this));
    m_ui->mainToolBar->insertWidget(first, m_profileCombo);
    m_ui->mainToolBar->insertSeparator(first);
    connect(m_profileCombo, &ProfileComboBox::profileChosen, this, &MainWindow::switchToProfile);

    m_ui->actionNew->setShortcuts(QKeySequence::New);
    m_ui->actionDelete->setShortcuts(QKeySequence::Delete);
    m_ui->actionFind->setShortcuts(QKeySequence::Find);
    QList<QKeySequence> prefs = QKeySequence::keyBindings(QKeySequence::Preferences);
    if (const QKeySequence ctrlComma(Qt::CTRL | Qt::Key_Comma); !prefs.contains(ctrlComma))
        prefs.prepend(ctrlComma);
    m_ui->actionPreferences->setShortcuts(prefs);
    m_ui->actionQuit->setShortcuts(QKeySequence::Quit);

    // The rows stay, marked stale, until a new page 1 replaces them; an error stays until a page loads.
    connect(m_ui->actionRefresh, &QAction::triggered, this, [this] {
        if (isConnected())
            m_model->refresh();
        else
            applyProfile(currentProfileName());
    });
    connect(m_ui->actionNew, &QAction::triggered, this, &MainWindow::openNewUserDialog);
    connect(m_ui->actionEdit, &QAction::triggered, this, &MainWindow::openEditUserDialog);
    connect(m_ui->actionDelete, &QAction::triggered, this, &MainWindow::deleteSelectedUsers);
    connect(m_ui->actionFind, &QAction::triggered, m_ui->filterBar, &UserFilterBar::focusName);
    connect(m_ui->actionPreferences, &QAction::triggered, this, &MainWindow::openPreferences);
    auto *exporter = new UserExportFlow(
        m_model, m_client, [this] { return m_ui->userTable->selectedUsers(); }, this);
    exporter->attach(m_ui->actionExportCsv, m_ui->actionExportJson);
    connect(exporter, &UserExportFlow::message, this,
        [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(exporter, &UserExportFlow::failed, this, [this](const QString &text) { showError(text); });
    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->actionAbout, &QAction::triggered, this, [this] { AboutBox::open(this); });
    connect(m_ui->actionGuide, &QAction::triggered, this, [this] { GuideDialog::open(this); });
    connect(m_ui->actionShortcuts, &QAction::triggered, this, [this] { ShortcutsDialog::open(this); });
    m_ui->menuView->addActions({ m_ui->logDock->toggleViewAction(), m_ui->mainToolBar->toggleViewAction() });
}

void MainWindow::setUpPanes()
{
    m_deletion = new UserDeletion(m_client, m_model, this);
    connect(m_deletion, &UserDeletion::busyChanged, this, &MainWindow::updateActions);
    m_undo = new UndoController(m_client, m_deletion, this);
    auto *jobs = new JobsFlow(this, m_client, m_model, m_deletion);
    jobs->attach(m_ui->menuFile, m_ui->actionExportCsv, m_ui->menuUsers, m_ui->errorBanner, m_ui->userTable);
    jobs->followSession(m_session, m_sandbox);
    connect(m_deletion, &UserDeletion::message, this,
        [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(m_deletion, &UserDeletion::failed, this,
        [this](const QString &text, ApiClient::RequestId id) { showError(text, id); });

    MessageBanner *banner = m_ui->errorBanner;
    connect(banner, &MessageBanner::preferencesRequested, this, [this](bool forToken) {
        SettingsDialog *dialog = openPreferences();
        if (forToken)
            dialog->focusToken();
    });
    connect(banner, &MessageBanner::showExchangeRequested, this, &MainWindow::showExchangeOfRequest);
    connect(banner, &MessageBanner::retryRequested, this, [this] {
        if (!isConnected())
            applyProfile(currentProfileName());
        else if (m_model->rowCount() == 0)
            m_model->reload();
        else
            m_model->retryFetch();
    });

    connect(m_ui->filterBar, &UserFilterBar::filterChanged, this, [this](const UserFilter &filter) {
        if (isConnected() && filter != m_model->filter())
            m_model->setFilter(filter);
    });

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    UserTableView *table = m_ui->userTable;
    table->setModel(m_proxy);
    table->applyDefaultLayout();
    connect(table, &UserTableView::editRequested, this, &MainWindow::openEditUserDialog);
    connect(table, &UserTableView::sortRequested, m_sortScope, &SortScopeFlow::requestSort);
    // The selection is the truth: the detail pane and Edit/Delete follow it however it changes.
    connect(table, &UserTableView::selectionMayHaveChanged, this, &MainWindow::updateActions);
    updateActions();

    m_ui->detailPane->setClient(m_client);
    // Users, Posts, Comments and Todos tabs; the users tab holds the table beside the detail pane.
    ResourceBrowser::install(m_ui->centralWidget, m_client, m_session);

    m_ui->requestLog->setLog(m_client->requestLog());
    m_ui->requestLog->setClient(m_client);
    connect(m_ui->requestLog, &RequestLogWidget::message, this,
        [this](const QString &text) { statusBar()->showMessage(text, 6000); });
    resizeDocks({ m_ui->logDock }, { 220 }, Qt::Vertical);
}

void MainWindow::restoreWindowState()
{
    restoreGeometry(WindowState::geometry.read(*m_store)); // else the size the form gives
    restoreState(WindowState::docks.read(*m_store));
    m_ui->mainSplitter->restoreState(WindowState::splitter.read(*m_store));
    m_ui->userTable->restoreViewState(WindowState::userTableHeader.read(*m_store));
    m_ui->requestLog->restoreState(
        WindowState::logSplitter.read(*m_store), WindowState::logTableHeader.read(*m_store));
}

void MainWindow::saveWindowState()
{
    WindowState::geometry.write(*m_store, saveGeometry());
    WindowState::docks.write(*m_store, saveState());
    WindowState::splitter.write(*m_store, m_ui->mainSplitter->saveState());
    WindowState::userTableHeader.write(*m_store, m_ui->userTable->saveViewState());
    WindowState::logSplitter.write(*m_store, m_ui->requestLog->splitterState());
    WindowState::logTableHeader.write(*m_store, m_ui->requestLog->headerState());
    m_store->sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowState();
    event->accept();
}

void MainWindow::switchToProfile(const QString &name)
{
    if (!m_store->contains(name))
        return;
    m_store->setCurrentProfileName(name);
    m_store->sync();
    applyProfile(name);
}

void MainWindow::applyProfile(const QString &name)
{
    const std::optional<Profile> profile = m_store->profile(name);
    m_ui->detailPane->setOnline(false);
    if (!profile) {
        m_session->close();
        m_model->clear();
        showError(tr("There is no profile to work with. Open Preferences to add one."), 0,
            MessageBanner::Action::Preferences);
        return;
    }
    m_session->open(*profile, m_store->proxySettings()); // cancels what the last profile had in flight
    m_model->clear();
    m_sortScope->reset();
    m_pageError = 0;
    m_ui->errorBanner->dismiss(); // after the cancel: what it ended was the window's own doing
    m_profileCombo->select(name);
    setWindowTitle(tr("%1 — UserDesk").arg(name));
    m_model->setPageSize(profile->pageSize());
    m_network->resetRateLimit();
    if (!profile->isEmbeddedSandbox())
        return; // the session reads the token and says when it is connected
    if (m_sandbox->isReady()) {
        m_session->connectTo(m_sandbox->baseUrl(), m_sandbox->token());
        return;
    }
    m_sessionStatus->setNote(tr("Starting the built-in sandbox…"));
    m_sandbox->start();
}

void MainWindow::onConnected()
{
    m_ui->requestLog->setToken(m_session->token());
    m_ui->detailPane->setOnline(true);
    // With whatever the filter boxes hold: the person may have typed while the connection was made.
    m_model->setFilter(m_ui->filterBar->filter());
}

void MainWindow::updateCounts()
{
    if (!isConnected())
        return;
    QString text = m_sortScope->statusText();
    if (m_model->isLoading() && !m_model->isLoadingAll())
        text += tr(" — loading…");
    if (m_proxy->isBusy())
        text += tr(" — sorting…");
    m_sessionStatus->setCountsText(text);
    m_network->setLoadingAllProgress(m_model->loadedCount(), m_model->totalCount());
}

void MainWindow::updateActions()
{
    const QList<User> users = m_ui->userTable->selectedUsers();
    m_ui->actionEdit->setEnabled(users.size() == 1);
    m_ui->actionDelete->setEnabled(!users.isEmpty() && !m_deletion->hasHeldDelete());
    m_ui->detailPane->showSelection(users);
}

quint64 MainWindow::showError(const QString &text, ApiClient::RequestId id, MessageBanner::Action action)
{
    return m_ui->errorBanner->showError(text, m_ui->requestLog->hasRequest(id) ? id : 0, action);
}

void MainWindow::showExchangeOfRequest(ApiClient::RequestId id)
{
    m_ui->logDock->show();
    m_ui->logDock->raise();
    m_ui->requestLog->showRequest(id);
}

void MainWindow::deleteSelectedUsers()
{
    m_deletion->confirmAndDelete(m_ui->userTable->selectedUsers(), currentProfileName());
}

UserDialog *MainWindow::openEditUserDialog()
{
    const QList<User> users = m_ui->userTable->selectedUsers();
    if (users.size() != 1 || m_model->rowState(users.constFirst().id) == UserTableModel::RowState::Deleting)
        return nullptr;
    return openUserDialog(users.constFirst());
}

UserDialog *MainWindow::openUserDialog(const std::optional<User> &user)
{
    // One dialog at a time: a second Enter while one is open would otherwise stack another on top.
    if (auto *open = findChild<UserDialog *>(); open && open->isVisible()) {
        open->raise();
        return nullptr;
    }
    auto *dialog = user ? new UserDialog(m_client, *user, this) : new UserDialog(m_client, this);
    dialog->setObjectName(QStringLiteral("userDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // The dialog owns its save request and shows its failure beside the fields; the row only shows that
    // it is being saved.
    connect(
        dialog, &UserDialog::saveStarted, this, [this](ApiClient::RequestId id, const ResourceId &userId) {
            if (!userId.isNull())
                m_model->trackRequest(id, userId, UserTableModel::RowState::Saving);
        });
    connect(dialog, &UserDialog::userSaved, this, [this, created = !user](const User &saved) {
        statusBar()->showMessage((created ? tr("Created user %1 (%2).") : tr("Saved user %1 (%2)."))
                                     .arg(saved.id.toString(), saved.name),
            8000);
        if (const int row = m_model->rowOfUser(saved.id); created && row >= 0)
            m_ui->userTable->makeCurrent(m_proxy->mapFromSource(m_model->index(row, 0)));
    });
    m_undo->watch(dialog);
    dialog->open();
    return dialog;
}

SettingsDialog *MainWindow::openPreferences()
{
    auto *dialog = new SettingsDialog(m_store, m_tokens, this);
    dialog->setObjectName(QStringLiteral("settingsDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_sandbox->isReady())
        dialog->setSandboxEndpoint(m_sandbox->baseUrl(), m_sandbox->token());
    dialog->selectProfile(currentProfileName());
    // The combo box follows the store through profilesChanged; applyProfile selects the entry.
    connect(dialog, &SettingsDialog::applied, this, [this] {
        const QString name
            = m_store->contains(currentProfileName()) ? currentProfileName() : m_store->currentProfileName();
        m_store->setCurrentProfileName(name);
        applyProfile(name);
    });
    dialog->open();
    return dialog;
}

} // namespace UserDesk
