#include "mainwindow.h"
#include "usersortfilterproxymodel.h"

#include "certificatedialog.h"
#include "jsonformat.h"
#include "jsonhighlighter.h"
#include "profilestore.h"
#include "requestlog.h"
#include "requestlogmodel.h"
#include "sandboxhost.h"
#include "settingsdialog.h"
#include "tokenstore.h"
#include "ui_mainwindow.h"
#include "userdialog.h"
#include "userexport.h"
#include "usertablemodel.h"

#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHeaderView>
#include <QJsonDocument>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QStatusBar>

namespace UserDesk {

namespace {

const QString geometryKey = QStringLiteral("window/geometry");
const QString stateKey = QStringLiteral("window/state");
const QString splitterKey = QStringLiteral("window/splitter");
const QString logSplitterKey = QStringLiteral("window/logSplitter");
const QString userHeaderKey = QStringLiteral("window/userTableHeader");
const QString logHeaderKey = QStringLiteral("window/logTableHeader");

QString headersText(const RawHeaders &headers)
{
    QString text;
    for (const auto &h : headers)
        text += QStringLiteral("  ") + QString::fromLatin1(h.first) + QStringLiteral(": ")
            + QString::fromUtf8(h.second) + QLatin1Char('\n');
    return text;
}

} // namespace

MainWindow::MainWindow(ProfileStore *store, TokenStore *tokens, const Options &options, QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_store(store)
    , m_tokens(tokens)
    , m_options(options)
    , m_client(new ApiClient(this))
    , m_model(new UserTableModel(m_client, this))
    , m_proxy(new UserSortFilterProxyModel(this))
    , m_logModel(new RequestLogModel(this))
{
    m_ui->setupUi(this);
    setWindowIcon(QIcon(QStringLiteral(":/icons/userdesk.svg")));
    m_logModel->setLog(m_client->requestLog());

    setUpStatusBar();
    setUpActions();
    setUpTable();
    setUpDetailPane();
    setUpLogDock();
    hideError();

    m_filterTimer.setSingleShot(true);
    m_filterTimer.setInterval(300);
    connect(&m_filterTimer, &QTimer::timeout, this, &MainWindow::applyFilters);
    connect(m_ui->nameFilter, &QLineEdit::textChanged, &m_filterTimer, qOverload<>(&QTimer::start));
    connect(m_ui->emailFilter, &QLineEdit::textChanged, &m_filterTimer, qOverload<>(&QTimer::start));
    connect(m_ui->genderFilter, &QComboBox::currentIndexChanged, &m_filterTimer, qOverload<>(&QTimer::start));
    connect(m_ui->statusFilter, &QComboBox::currentIndexChanged, &m_filterTimer, qOverload<>(&QTimer::start));

    m_retryTimer.setInterval(1000);
    connect(&m_retryTimer, &QTimer::timeout, this, &MainWindow::updateRetryCountdown);

    // Every request ends in exactly one of these; the retry countdown and the banner follow them.
    connect(m_client, &ApiClient::usersPageReceived, this,
        [this](ApiClient::RequestId id) { onRequestEnded(id); });
    connect(
        m_client, &ApiClient::userReceived, this, [this](ApiClient::RequestId id) { onRequestEnded(id); });
    connect(m_client, &ApiClient::userCreated, this, [this](ApiClient::RequestId id) { onRequestEnded(id); });
    connect(m_client, &ApiClient::userUpdated, this, [this](ApiClient::RequestId id) { onRequestEnded(id); });
    connect(m_client, &ApiClient::userDeleted, this, [this](ApiClient::RequestId id) { onRequestEnded(id); });
    connect(
        m_client, &ApiClient::postsReceived, this, [this](ApiClient::RequestId id) { onRequestEnded(id); });
    connect(
        m_client, &ApiClient::todosReceived, this, [this](ApiClient::RequestId id) { onRequestEnded(id); });
    connect(
        m_client, &ApiClient::requestFailed, this, [this](ApiClient::RequestId id) { onRequestEnded(id); });
    connect(m_client, &ApiClient::retryScheduled, this, &MainWindow::onRetryScheduled);
    // Where tokens went when no keychain answered: the person chose it once and should not be surprised.
    connect(m_tokens, &TokenStore::warning, this,
        [this](const QString &message) { statusBar()->showMessage(message, 15000); });
    connect(m_client, &ApiClient::rateLimitChanged, this, [this](const RateLimitInfo &info) {
        if (!info.isKnown())
            return;
        m_rateLabel->setText(tr("Rate limit: %1 of %2 left").arg(info.remaining).arg(info.limit));
        m_rateLabel->setToolTip(
            info.resetSeconds >= 0 ? tr("The allowance refills in %1 s.").arg(info.resetSeconds) : QString());
        m_rateLabel->show();
    });
    connect(m_client, &ApiClient::pacingWait, this, [this](int delayMs) {
        if (delayMs > 0)
            statusBar()->showMessage(
                tr("Holding back %1 s to stay inside the server's rate limit…").arg((delayMs + 999) / 1000),
                delayMs + 1000);
    });
    connect(m_client, &ApiClient::bulkProgress, this, [this](ApiClient::RequestId id, int done, int total) {
        if (id != m_bulkRequest)
            return;
        m_bulkProgress->setRange(0, total);
        m_bulkProgress->setValue(done);
    });
    connect(m_client, &ApiClient::bulkFinished, this, &MainWindow::onBulkFinished);

    connect(m_model, &UserTableModel::countsChanged, this, &MainWindow::updateCounts);
    connect(m_model, &UserTableModel::loadingChanged, this, &MainWindow::updateCounts);
    connect(m_model, &UserTableModel::loadingChanged, this, [this](bool loading) {
        if (loading)
            m_loadingTimer.start();
        updateLoadingWidget();
    });
    connect(m_model, &UserTableModel::pageLoadFailed, this,
        [this](ApiClient::RequestId id, const ApiError &error) {
            if (error.kind() == ApiError::Kind::Canceled) {
                showError(tr("Loading the users was canceled."), id, BannerAction::Retry);
                return;
            }
            showError(tr("Could not load the users: %1").arg(error.userMessage()), id, BannerAction::Retry);
            if (error.kind() == ApiError::Kind::Tls)
                handleTlsError(error);
        });
    connect(m_model, &UserTableModel::rowRequestFailed, this,
        [this](ApiClient::RequestId id, qint64 userId, const ApiError &error) {
            if (m_dialogRequests.remove(id))
                return; // the dialog that sent it shows the answer beside its fields
            if (error.kind() == ApiError::Kind::NotFound && m_model->rowOfUser(userId) < 0) {
                // A delete that found nothing to delete: the user went elsewhere first, and left the table.
                statusBar()->showMessage(
                    tr("User %1 was already gone from the server; it is no longer listed.").arg(userId),
                    8000);
                return;
            }
            showError(tr("User %1: %2").arg(userId).arg(error.userMessage()), id);
        });

    connect(m_store, &ProfileStore::profilesChanged, this, &MainWindow::populateProfiles);
    populateProfiles();
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

void MainWindow::setUpStatusBar()
{
    m_endpointLabel = new QLabel(this);
    m_endpointLabel->setObjectName(QStringLiteral("endpointLabel"));
    m_loadedLabel = new QLabel(this);
    m_loadedLabel->setObjectName(QStringLiteral("loadedLabel"));
    m_rateLabel = new QLabel(this);
    m_rateLabel->setObjectName(QStringLiteral("rateLimitLabel"));
    m_rateLabel->hide();

    m_retryWidget = new QWidget(this);
    m_retryWidget->setObjectName(QStringLiteral("retryWidget"));
    auto *retryLayout = new QHBoxLayout(m_retryWidget);
    retryLayout->setContentsMargins(0, 0, 0, 0);
    m_retryLabel = new QLabel(m_retryWidget);
    m_retryLabel->setObjectName(QStringLiteral("retryLabel"));
    m_retryLabel->setStyleSheet(QStringLiteral("color: #9a5b00;"));
    m_retryCancel = new QPushButton(tr("Cancel"), m_retryWidget);
    m_retryCancel->setObjectName(QStringLiteral("retryCancelButton"));
    m_retryCancel->setToolTip(tr("Stop waiting and give up on this request"));
    retryLayout->addWidget(m_retryLabel);
    retryLayout->addWidget(m_retryCancel);
    m_retryWidget->hide();
    connect(m_retryCancel, &QPushButton::clicked, this, [this] {
        if (m_retryRequest)
            m_client->cancel(m_retryRequest);
    });

    // A slow server must never leave the person waiting without a way out; shown only once a page
    // has been on the wire for a moment, so fast answers do not make it flicker.
    m_loadingWidget = new QWidget(this);
    m_loadingWidget->setObjectName(QStringLiteral("loadingWidget"));
    auto *loadingLayout = new QHBoxLayout(m_loadingWidget);
    loadingLayout->setContentsMargins(0, 0, 0, 0);
    auto *loadingLabel = new QLabel(tr("Waiting for the server…"), m_loadingWidget);
    loadingLabel->setObjectName(QStringLiteral("loadingLabel"));
    auto *loadingCancel = new QPushButton(tr("Cancel"), m_loadingWidget);
    loadingCancel->setObjectName(QStringLiteral("loadingCancelButton"));
    loadingCancel->setToolTip(tr("Stop loading the users"));
    loadingLayout->addWidget(loadingLabel);
    loadingLayout->addWidget(loadingCancel);
    m_loadingWidget->hide();
    connect(loadingCancel, &QPushButton::clicked, this, [this] {
        if (const ApiClient::RequestId id = m_model->pageRequest())
            m_client->cancel(id);
    });
    m_loadingTimer.setSingleShot(true);
    m_loadingTimer.setInterval(250);
    connect(&m_loadingTimer, &QTimer::timeout, this, &MainWindow::updateLoadingWidget);

    // A bulk delete paced by a rate limit can take minutes: its progress comes with a way to stop it.
    m_bulkWidget = new QWidget(this);
    m_bulkWidget->setObjectName(QStringLiteral("bulkWidget"));
    auto *bulkLayout = new QHBoxLayout(m_bulkWidget);
    bulkLayout->setContentsMargins(0, 0, 0, 0);
    m_bulkProgress = new QProgressBar(m_bulkWidget);
    m_bulkProgress->setObjectName(QStringLiteral("bulkProgress"));
    m_bulkProgress->setMinimumWidth(180);
    m_bulkProgress->setMaximumWidth(220);
    m_bulkProgress->setFormat(tr("Deleting %v of %m"));
    auto *bulkCancel = new QPushButton(tr("Stop"), m_bulkWidget);
    bulkCancel->setObjectName(QStringLiteral("bulkCancelButton"));
    bulkCancel->setToolTip(tr("Delete no more of the selected users; those already deleted stay deleted"));
    bulkLayout->addWidget(m_bulkProgress);
    bulkLayout->addWidget(bulkCancel);
    bulkLayout->addStretch(1); // the spare width goes to the right, not between bar and button
    m_bulkWidget->hide();
    connect(bulkCancel, &QPushButton::clicked, this, [this] {
        if (m_bulkRequest)
            m_client->cancel(m_bulkRequest);
    });

    statusBar()->addWidget(m_endpointLabel);
    statusBar()->addWidget(m_loadedLabel);
    statusBar()->addPermanentWidget(m_loadingWidget);
    statusBar()->addPermanentWidget(m_retryWidget);
    statusBar()->addPermanentWidget(m_bulkWidget);
    statusBar()->addPermanentWidget(m_rateLabel);
}

void MainWindow::setUpActions()
{
    m_profileCombo = new QComboBox(this);
    m_profileCombo->setObjectName(QStringLiteral("profileCombo"));
    m_profileCombo->setMinimumContentsLength(16);
    m_profileCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_profileCombo->setToolTip(tr("The endpoint UserDesk works with"));
    auto *label = new QLabel(tr(" Profile: "), this);
    QAction *first = m_ui->mainToolBar->actions().value(0);
    m_ui->mainToolBar->insertWidget(first, label);
    m_ui->mainToolBar->insertWidget(first, m_profileCombo);
    m_ui->mainToolBar->insertSeparator(first);
    connect(m_profileCombo, &QComboBox::activated, this,
        [this](int index) { switchToProfile(m_profileCombo->itemText(index)); });

    m_ui->actionRefresh->setShortcuts({ QKeySequence(Qt::Key_F5) });
    m_ui->actionNew->setShortcuts(QKeySequence::New);
    m_ui->actionDelete->setShortcuts(QKeySequence::Delete);
    m_ui->actionFind->setShortcuts(QKeySequence::Find);
    QList<QKeySequence> prefs = QKeySequence::keyBindings(QKeySequence::Preferences);
    const QKeySequence ctrlComma(Qt::CTRL | Qt::Key_Comma);
    if (!prefs.contains(ctrlComma))
        prefs.prepend(ctrlComma);
    m_ui->actionPreferences->setShortcuts(prefs);
    m_ui->actionQuit->setShortcuts(QKeySequence::Quit);

    connect(m_ui->actionRefresh, &QAction::triggered, this, [this] {
        hideError();
        if (m_connected)
            m_model->reload();
        else
            applyProfile(m_profile.name());
    });
    connect(m_ui->actionNew, &QAction::triggered, this, &MainWindow::openNewUserDialog);
    connect(m_ui->actionEdit, &QAction::triggered, this, &MainWindow::openEditUserDialog);
    connect(m_ui->actionDelete, &QAction::triggered, this, &MainWindow::deleteSelectedUsers);
    connect(m_ui->actionFind, &QAction::triggered, this, [this] {
        m_ui->nameFilter->setFocus(Qt::ShortcutFocusReason);
        m_ui->nameFilter->selectAll();
    });
    connect(m_ui->actionPreferences, &QAction::triggered, this, &MainWindow::openPreferences);
    connect(m_ui->actionExportCsv, &QAction::triggered, this, [this] { chooseExportFile(false); });
    connect(m_ui->actionExportJson, &QAction::triggered, this, [this] { chooseExportFile(true); });
    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->actionAbout, &QAction::triggered, this, [this] {
        auto *box = new QMessageBox(QMessageBox::Information, tr("About UserDesk"),
            tr("UserDesk %1\nA desktop client for GoRest-style users APIs.")
                .arg(QStringLiteral(USERDESK_VERSION)),
            QMessageBox::Ok, this);
        box->setIconPixmap(windowIcon().pixmap(64, 64));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    m_ui->menuView->addAction(m_ui->logDock->toggleViewAction());
    m_ui->menuView->addAction(m_ui->mainToolBar->toggleViewAction());

    m_bannerPreferences = new QPushButton(tr("Open Preferences"), m_ui->errorBanner);
    m_bannerPreferences->setObjectName(QStringLiteral("bannerPreferencesButton"));
    m_ui->bannerLayout->insertWidget(
        m_ui->bannerLayout->indexOf(m_ui->dismissBannerButton), m_bannerPreferences);
    connect(m_bannerPreferences, &QPushButton::clicked, this, [this] {
        const bool token = m_bannerAction == BannerAction::TokenInPreferences;
        SettingsDialog *dialog = openPreferences();
        if (token)
            dialog->focusToken(tr("No keychain answered, so the token could not be read. Type it here and "
                                  "press OK: you will be asked whether to keep it for this session only or "
                                  "in a file only you can read."));
    });
    connect(m_ui->dismissBannerButton, &QToolButton::clicked, this, &MainWindow::hideError);
    connect(m_ui->showExchangeButton, &QPushButton::clicked, this,
        [this] { showExchangeOfRequest(m_bannerRequest); });
    connect(m_ui->retryButton, &QPushButton::clicked, this, [this] {
        hideError();
        if (!m_connected)
            applyProfile(m_profile.name());
        else if (m_model->rowCount() == 0)
            m_model->reload();
        else
            m_model->retryFetch();
    });
}

void MainWindow::setUpTable()
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    QTableView *table = m_ui->userTable;
    table->setModel(m_proxy);
    QHeaderView *header = table->horizontalHeader();
    header->setSectionsMovable(true);
    header->resizeSection(UserTableModel::IdColumn, 90);
    header->resizeSection(UserTableModel::NameColumn, 220);
    header->resizeSection(UserTableModel::EmailColumn, 300);
    header->resizeSection(UserTableModel::GenderColumn, 80);
    // Newest first, the order pages arrive in, so that scrolling down keeps loading older users.
    table->sortByColumn(UserTableModel::IdColumn, Qt::DescendingOrder);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);

    connect(table, &QAbstractItemView::doubleClicked, this, [this] { openEditUserDialog(); });
    // Enter edits only while the table has focus; as a shortcut it would also fire inside dialogs.
    table->installEventFilter(this);
    connect(
        table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::updateActions);
    connect(table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) {
            const User user = current.data(UserTableModel::UserRole).value<User>();
            showUser(user, true);
        });
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
        const QModelIndex current = m_ui->userTable->currentIndex();
        if (current.isValid()) {
            const User user = current.data(UserTableModel::UserRole).value<User>();
            if (user.id == m_shownUser.id && user != m_shownUser)
                showUser(user, false);
        }
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { showUser(User(), true); });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, [this] {
        if (m_shownUser.id && m_model->rowOfUser(m_shownUser.id) < 0)
            showUser(User(), true);
        updateActions();
    });
    updateActions();
}

void MainWindow::setUpDetailPane()
{
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::TypeWriter);
    m_ui->jsonView->setFont(mono);
    new JsonHighlighter(m_ui->jsonView->document()); // owned by the document
    QFont title = m_ui->detailTitle->font();
    title.setPointSizeF(title.pointSizeF() * 1.25);
    title.setBold(true);
    m_ui->detailTitle->setFont(title);
    m_ui->postsList->header()->resizeSection(0, 200);
    m_ui->todosList->header()->resizeSection(0, 220);
    m_ui->todosList->header()->resizeSection(1, 110);
    m_ui->mainSplitter->setStretchFactor(0, 3);
    m_ui->mainSplitter->setStretchFactor(1, 2);
    m_ui->mainSplitter->setSizes({ 820, 440 });

    connect(m_ui->detailTabs, &QTabWidget::currentChanged, this, &MainWindow::loadRelatedIfShown);
    connect(m_client, &ApiClient::postsReceived, this,
        [this](ApiClient::RequestId id, qint64, const QList<Post> &posts) {
            if (id != m_postsRequest)
                return;
            m_postsRequest = 0;
            m_ui->postsList->clear();
            for (const Post &p : posts) {
                auto *item = new QTreeWidgetItem(m_ui->postsList, { p.title, p.body.simplified() });
                item->setToolTip(1, p.body);
            }
            if (posts.isEmpty())
                new QTreeWidgetItem(m_ui->postsList, { tr("No posts") });
        });
    connect(m_client, &ApiClient::todosReceived, this,
        [this](ApiClient::RequestId id, qint64, const QList<Todo> &todos) {
            if (id != m_todosRequest)
                return;
            m_todosRequest = 0;
            m_ui->todosList->clear();
            for (const Todo &t : todos)
                new QTreeWidgetItem(m_ui->todosList, { t.title, t.dueOn.left(10), t.status });
            if (todos.isEmpty())
                new QTreeWidgetItem(m_ui->todosList, { tr("No todos") });
        });
    connect(
        m_client, &ApiClient::requestFailed, this, [this](ApiClient::RequestId id, const ApiError &error) {
            QTreeWidget *list = nullptr;
            if (id == m_postsRequest) {
                m_postsRequest = 0;
                m_postsLoadedFor = 0;
                list = m_ui->postsList;
            } else if (id == m_todosRequest) {
                m_todosRequest = 0;
                m_todosLoadedFor = 0;
                list = m_ui->todosList;
            }
            if (!list || error.kind() == ApiError::Kind::Canceled)
                return;
            list->clear();
            auto *item = new QTreeWidgetItem(list, { tr("Could not load: %1").arg(error.userMessage()) });
            item->setForeground(0, QColor(0xb0, 0x20, 0x20));
        });
    showUser(User(), true);
}

void MainWindow::setUpLogDock()
{
    QTableView *table = m_ui->logTable;
    table->setModel(m_logModel);
    QHeaderView *header = table->horizontalHeader();
    header->setStretchLastSection(false);
    header->resizeSection(RequestLogModel::MethodColumn, 70);
    header->setSectionResizeMode(RequestLogModel::UrlColumn, QHeaderView::Stretch);
    header->resizeSection(RequestLogModel::StatusColumn, 70);
    header->resizeSection(RequestLogModel::TimeColumn, 80);
    header->resizeSection(RequestLogModel::AttemptColumn, 70);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 6);
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::TypeWriter);
    m_ui->logDetails->setFont(mono);
    new JsonHighlighter(m_ui->logDetails->document()); // owned by the document
    m_ui->logSplitter->setSizes({ 700, 560 });

    connect(table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) { showExchange(current.row()); });
    connect(m_logModel, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &topLeft) {
        if (topLeft.row() == m_ui->logTable->currentIndex().row())
            showExchange(topLeft.row());
    });
    // Follow the newest exchange while the person is looking at the end of the list.
    connect(m_logModel, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        QScrollBar *bar = m_ui->logTable->verticalScrollBar();
        m_ui->logTable->setProperty("followTail", bar->value() >= bar->maximum() - 2);
    });
    connect(m_logModel, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_ui->logTable->property("followTail").toBool())
            m_ui->logTable->scrollToBottom();
    });
    connect(m_ui->copyCurlButton, &QPushButton::clicked, this, &MainWindow::copyAsCurl);
    connect(m_ui->clearLogButton, &QPushButton::clicked, this, [this] {
        m_client->requestLog()->clear();
        m_ui->logDetails->clear();
        m_ui->copyCurlButton->setEnabled(false);
    });
    resizeDocks({ m_ui->logDock }, { 220 }, Qt::Vertical);
}

void MainWindow::restoreWindowState()
{
    const QByteArray geometry = m_store->value(geometryKey).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry))
        resize(1280, 800);
    restoreState(m_store->value(stateKey).toByteArray());
    m_ui->mainSplitter->restoreState(m_store->value(splitterKey).toByteArray());
    m_ui->logSplitter->restoreState(m_store->value(logSplitterKey).toByteArray());
    QHeaderView *header = m_ui->userTable->horizontalHeader();
    if (header->restoreState(m_store->value(userHeaderKey).toByteArray()))
        m_ui->userTable->sortByColumn(header->sortIndicatorSection(), header->sortIndicatorOrder());
    m_ui->logTable->horizontalHeader()->restoreState(m_store->value(logHeaderKey).toByteArray());
}

void MainWindow::saveWindowState()
{
    m_store->setValue(geometryKey, saveGeometry());
    m_store->setValue(stateKey, saveState());
    m_store->setValue(splitterKey, m_ui->mainSplitter->saveState());
    m_store->setValue(logSplitterKey, m_ui->logSplitter->saveState());
    m_store->setValue(userHeaderKey, m_ui->userTable->horizontalHeader()->saveState());
    m_store->setValue(logHeaderKey, m_ui->logTable->horizontalHeader()->saveState());
    m_store->sync();
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_ui->userTable && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
            && (key->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier) {
            openEditUserDialog();
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowState();
    event->accept();
}

void MainWindow::populateProfiles()
{
    const QSignalBlocker blocker(m_profileCombo);
    m_profileCombo->clear();
    m_profileCombo->addItems(m_store->profileNames());
    const QString current = m_profile.name().isEmpty() ? m_store->currentProfileName() : m_profile.name();
    m_profileCombo->setCurrentIndex(std::max(0, m_profileCombo->findText(current)));
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
    ++m_connectGeneration;
    m_connected = false;
    m_client->cancelAll();
    m_model->clear();
    hideError();
    if (!profile) {
        m_profile = Profile();
        updateEndpointLabel();
        showError(tr("There is no profile to work with. Open Preferences to add one."), 0,
            BannerAction::Preferences);
        return;
    }
    m_profile = *profile;
    {
        const QSignalBlocker blocker(m_profileCombo);
        m_profileCombo->setCurrentIndex(m_profileCombo->findText(name));
    }
    setWindowTitle(tr("%1 — UserDesk").arg(name));
    m_client->setTimeout(m_profile.timeoutMs());
    m_client->setMaxInFlight(m_profile.maxInFlight());
    m_client->setTrustedCertificates(m_profile.trustedCertificates());
    RetryPolicy policy = m_client->retryPolicy();
    policy.maxAttempts = m_profile.maxAttempts();
    m_client->setRetryPolicy(policy);
    m_model->setPageSize(m_profile.pageSize());
    m_rateLabel->hide();

    if (m_profile.isEmbeddedSandbox()) {
        if (m_sandbox && m_sandbox->isReady()) {
            connectTo(m_sandbox->baseUrl(), m_sandbox->tokens().value(0));
        } else {
            updateEndpointLabel();
            m_loadedLabel->setText(tr("Starting the built-in sandbox…"));
            startSandbox();
        }
        return;
    }

    updateEndpointLabel();
    m_loadedLabel->setText(tr("Reading the token…"));
    const quint64 generation = m_connectGeneration;
    m_tokens->readToken(name, this, [this, generation](const TokenResult &result) {
        if (generation != m_connectGeneration)
            return; // the person switched again meanwhile
        connectTo(m_profile.baseUrl(), result.ok && result.found ? result.token : QString());
        if (result.keychainUnavailable)
            showError(
                tr("No keychain answered, so no token was read: reading works, changes will be refused. "
                   "Open Preferences to give the token and choose where it is kept."),
                0, BannerAction::TokenInPreferences);
        else if (!result.ok)
            showError(tr("The token could not be read: %1").arg(result.error), 0);
    });
}

void MainWindow::startSandbox()
{
    if (m_sandbox)
        return; // already starting: ready() will connect
    SandboxConfig config;
    config.bindAddress = QHostAddress(QHostAddress::LocalHost);
    config.port = 0;
    config.seedUsers = m_options.sandboxSeedUsers;
    QDir().mkpath(m_options.dataDirectory);
    config.dataPath = QDir(m_options.dataDirectory).filePath(QStringLiteral("sandbox.sqlite"));
    m_sandbox = new SandboxHost(config, this);
    connect(m_sandbox, &SandboxHost::ready, this, [this](const QUrl &url) {
        if (m_profile.isEmbeddedSandbox() && !m_connected)
            connectTo(url, m_sandbox->tokens().value(0));
    });
    connect(m_sandbox, &SandboxHost::failed, this, [this](const QString &why) {
        showError(tr("The built-in sandbox could not start: %1").arg(why), 0);
        m_loadedLabel->clear();
        m_sandbox->deleteLater();
        m_sandbox = nullptr;
    });
    m_sandbox->start();
}

void MainWindow::connectTo(const QUrl &baseUrl, const QString &token)
{
    m_client->setBaseUrl(baseUrl);
    m_client->setToken(token);
    m_token = token;
    m_connected = true;
    updateEndpointLabel();
    // With whatever the filter boxes hold: the person may have typed while the connection was made.
    m_model->setFilter(filterFromWidgets());
}

void MainWindow::updateEndpointLabel()
{
    const QUrl url = m_connected ? m_client->baseUrl() : m_profile.baseUrl();
    if (m_profile.name().isEmpty()) {
        m_endpointLabel->clear();
        return;
    }
    QString where = url.isValid() && !url.isEmpty() ? url.toDisplayString() : tr("not started");
    m_endpointLabel->setText(tr("%1: %2").arg(m_profile.name(), where));
    m_endpointLabel->setToolTip(m_token.isEmpty() ? tr("No token: reading only") : tr("Using a token"));
}

void MainWindow::updateCounts()
{
    if (!m_connected)
        return;
    const QLocale locale;
    const int loaded = m_model->loadedCount();
    const qint64 total = m_model->totalCount();
    QString text = total >= 0
        ? tr("Loaded %1 of %2 users").arg(locale.toString(loaded), locale.toString(total))
        : tr("Loaded %1 users").arg(locale.toString(loaded));
    if (m_model->isLoading())
        text += tr(" — loading…");
    m_loadedLabel->setText(text);
}

UserFilter MainWindow::filterFromWidgets() const
{
    UserFilter filter;
    filter.name = m_ui->nameFilter->text().trimmed();
    filter.email = m_ui->emailFilter->text().trimmed();
    static const QString genders[] = { QString(), QStringLiteral("female"), QStringLiteral("male") };
    static const QString statuses[] = { QString(), QStringLiteral("active"), QStringLiteral("inactive") };
    filter.gender = genders[std::clamp(m_ui->genderFilter->currentIndex(), 0, 2)];
    filter.status = statuses[std::clamp(m_ui->statusFilter->currentIndex(), 0, 2)];
    return filter;
}

void MainWindow::applyFilters()
{
    const UserFilter filter = filterFromWidgets();
    if (filter == m_model->filter())
        return;
    if (m_connected)
        m_model->setFilter(filter);
}

QList<User> MainWindow::selectedUsers() const
{
    QList<User> users;
    const QModelIndexList rows = m_ui->userTable->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows)
        users << index.data(UserTableModel::UserRole).value<User>();
    std::sort(users.begin(), users.end(), [](const User &a, const User &b) { return a.id > b.id; });
    return users;
}

void MainWindow::updateActions()
{
    const QModelIndexList rows = m_ui->userTable->selectionModel()->selectedRows();
    m_ui->actionEdit->setEnabled(rows.size() == 1);
    m_ui->actionDelete->setEnabled(!rows.isEmpty() && !m_bulkRequest);
}

UserDialog *MainWindow::openNewUserDialog()
{
    if (UserDialog *open = findChild<UserDialog *>(); open && open->isVisible()) {
        open->raise();
        return nullptr;
    }
    auto *dialog = new UserDialog(m_client, this);
    dialog->setObjectName(QStringLiteral("userDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &UserDialog::userSaved, this, [this](const User &user) {
        statusBar()->showMessage(tr("Created user %1 (%2).").arg(user.id).arg(user.name), 8000);
        const int row = m_model->rowOfUser(user.id);
        if (row >= 0) {
            const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
            m_ui->userTable->selectionModel()->setCurrentIndex(
                index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            m_ui->userTable->scrollTo(index);
        }
    });
    dialog->open();
    return dialog;
}

UserDialog *MainWindow::openEditUserDialog()
{
    // One dialog at a time: a second Enter while one is open would otherwise stack another on top.
    if (UserDialog *open = findChild<UserDialog *>(); open && open->isVisible()) {
        open->raise();
        return nullptr;
    }
    const QList<User> users = selectedUsers();
    if (users.size() != 1)
        return nullptr;
    const User user = users.constFirst();
    if (m_model->rowState(user.id) == UserTableModel::RowState::Deleting)
        return nullptr;
    auto *dialog = new UserDialog(m_client, user, this);
    dialog->setObjectName(QStringLiteral("userDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &UserDialog::saveStarted, this, [this](ApiClient::RequestId id, qint64 userId) {
        m_dialogRequests.insert(id);
        m_model->trackRequest(id, userId, UserTableModel::RowState::Saving);
    });
    connect(dialog, &UserDialog::saveEnded, this,
        [this](ApiClient::RequestId id) { m_dialogRequests.remove(id); });
    connect(dialog, &UserDialog::userSaved, this, [this](const User &saved) {
        statusBar()->showMessage(tr("Saved user %1 (%2).").arg(saved.id).arg(saved.name), 8000);
    });
    dialog->open();
    return dialog;
}

SettingsDialog *MainWindow::openPreferences()
{
    auto *dialog = new SettingsDialog(m_store, m_tokens, this);
    dialog->setObjectName(QStringLiteral("settingsDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_sandbox && m_sandbox->isReady())
        dialog->setSandboxEndpoint(m_sandbox->baseUrl(), m_sandbox->tokens().value(0));
    dialog->selectProfile(m_profile.name());
    // The combo box follows the store through profilesChanged; applyProfile selects the entry.
    connect(dialog, &SettingsDialog::applied, this, [this] {
        QString name = m_profile.name();
        if (!m_store->contains(name))
            name = m_store->currentProfileName();
        m_store->setCurrentProfileName(name);
        applyProfile(name);
    });
    dialog->open();
    return dialog;
}

void MainWindow::deleteSelectedUsers()
{
    QList<User> users = selectedUsers();
    users.erase(
        std::remove_if(users.begin(), users.end(),
            [this](const User &u) { return m_model->rowState(u.id) == UserTableModel::RowState::Deleting; }),
        users.end());
    if (users.isEmpty() || m_bulkRequest)
        return;

    QStringList lines;
    const int shown = std::min<int>(users.size(), 15);
    for (int i = 0; i < shown; ++i)
        lines << tr("• %1 <%2> (ID %3)").arg(users.at(i).name, users.at(i).email).arg(users.at(i).id);
    if (users.size() > shown)
        lines << tr("…and %n more", nullptr, static_cast<int>(users.size() - shown));

    auto *box = new QMessageBox(QMessageBox::Warning, tr("Delete users"),
        tr("Delete %n user(s) from %1? This cannot be undone.", nullptr, static_cast<int>(users.size()))
                .arg(m_profile.name())
            + QStringLiteral("\n\n") + lines.join(QLatin1Char('\n')),
        QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("confirmDeleteBox"));
    box->button(QMessageBox::Yes)->setText(tr("Delete"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, users](int) {
        if (box->clickedButton() != box->button(QMessageBox::Yes))
            return;
        if (users.size() == 1) {
            const ApiClient::RequestId id = m_client->deleteUser(users.constFirst().id);
            m_model->trackRequest(id, users.constFirst().id, UserTableModel::RowState::Deleting);
            return;
        }
        QList<qint64> ids;
        for (const User &u : users)
            ids << u.id;
        m_bulkRequest = m_client->deleteUsers(ids);
        m_bulkUsers.insert(m_bulkRequest, users);
        m_model->trackBulkDelete(m_bulkRequest, ids);
        m_bulkProgress->setRange(0, static_cast<int>(ids.size()));
        m_bulkProgress->setValue(0);
        m_bulkWidget->show();
        updateActions();
    });
    box->open();
}

void MainWindow::onBulkFinished(ApiClient::RequestId bulkId, const QList<BulkItemResult> &results)
{
    const QList<User> users = m_bulkUsers.take(bulkId);
    if (bulkId != m_bulkRequest)
        return;
    m_bulkRequest = 0;
    m_bulkWidget->hide();
    updateActions();

    QStringList failures;
    QStringList gone; // not found: deleted elsewhere first, and out of the table now
    QStringList stopped; // canceled by the person
    int deleted = 0;
    for (const BulkItemResult &r : results) {
        if (r.ok) {
            ++deleted;
            continue;
        }
        const User user = users.value(r.index);
        const QString who = tr("• %1 (ID %2)").arg(user.name).arg(user.id);
        if (r.error.kind() == ApiError::Kind::NotFound)
            gone << who;
        else if (r.error.kind() == ApiError::Kind::Canceled)
            stopped << who;
        else
            failures << who + QStringLiteral(": ") + r.error.userMessage();
    }
    if (failures.isEmpty() && gone.isEmpty() && stopped.isEmpty()) {
        statusBar()->showMessage(tr("Deleted %n user(s).", nullptr, deleted), 8000);
        return;
    }
    QString text = tr("Deleted %1 of %2 users.").arg(deleted).arg(results.size());
    auto section = [&text](const QString &heading, const QStringList &lines) {
        if (!lines.isEmpty())
            text += QStringLiteral("\n\n") + heading + QLatin1Char('\n') + lines.join(QLatin1Char('\n'));
    };
    section(tr("These were not deleted:"), failures);
    section(tr("These were already gone from the server (deleted elsewhere first) and are no longer listed:"),
        gone);
    section(tr("Stopped before these were deleted:"), stopped);
    if (!failures.isEmpty()) {
        showError(tr("Deleted %1 of %2 users; %3 could not be deleted.")
                      .arg(deleted)
                      .arg(results.size())
                      .arg(failures.size()),
            0);
    }
    const QString title = !failures.isEmpty() ? tr("Some users were not deleted")
        : !stopped.isEmpty()                  ? tr("Deleting stopped")
                                              : tr("Some users were already gone");
    auto *box = new QMessageBox(failures.isEmpty() ? QMessageBox::Information : QMessageBox::Warning, title,
        text, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("bulkReportBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::showError(const QString &text, ApiClient::RequestId id, BannerAction action)
{
    const bool offerRetry = action == BannerAction::Retry;
    m_bannerRequest = id;
    m_bannerAction = action;
    m_bannerPreferences->setVisible(
        action == BannerAction::Preferences || action == BannerAction::TokenInPreferences);
    m_ui->errorLabel->setText(text);
    m_ui->showExchangeButton->setVisible(id != 0 && m_logModel->lastRowOfRequest(id) >= 0);
    m_ui->retryButton->setVisible(offerRetry);
    m_ui->errorBanner->setStyleSheet(QStringLiteral(
        "#errorBanner { background: #fdecea; border: 1px solid #e6a39c; border-radius: 4px; }"));
    m_ui->errorBanner->show();
    statusBar()->showMessage(text, 15000);
}

void MainWindow::hideError()
{
    m_bannerRequest = 0;
    m_bannerAction = BannerAction::None;
    m_ui->errorBanner->hide();
}

void MainWindow::handleTlsError(const ApiError &error)
{
    if (error.certificate().sha256Fingerprint.isEmpty() || m_profile.name().isEmpty())
        return;
    auto *dialog = new CertificateDialog(error.certificate(), m_profile.name(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString name = m_profile.name();
    connect(dialog, &QDialog::accepted, this, [this, dialog, name] {
        std::optional<Profile> profile = m_store->profile(name);
        if (!profile || !dialog->trustChosen())
            return;
        profile->addTrustedCertificate(dialog->certificate().sha256Fingerprint);
        m_store->saveProfile(*profile);
        m_store->sync();
        if (m_profile.name() == name)
            applyProfile(name);
    });
    dialog->open();
}

void MainWindow::showExchangeOfRequest(ApiClient::RequestId id)
{
    const int row = m_logModel->lastRowOfRequest(id);
    if (row < 0)
        return;
    m_ui->logDock->show();
    m_ui->logDock->raise();
    const QModelIndex index = m_logModel->index(row, 0);
    m_ui->logTable->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_ui->logTable->scrollTo(index);
    m_ui->logTable->setFocus();
}

void MainWindow::showExchange(int row)
{
    const HttpExchange *ex = m_logModel->exchangeAt(row);
    m_ui->copyCurlButton->setEnabled(ex != nullptr);
    if (!ex) {
        m_ui->logDetails->clear();
        return;
    }
    QString text
        = QString::fromLatin1(ex->method) + QLatin1Char(' ') + ex->url.toDisplayString() + QLatin1Char('\n');
    text += tr("Attempt %1, started %2")
                .arg(ex->attempt)
                .arg(ex->startedAt.toLocalTime().toString(Qt::ISODateWithMs))
        + QLatin1Char('\n');
    text += QLatin1Char('\n') + tr("Request headers:") + QLatin1Char('\n') + headersText(ex->requestHeaders);
    if (!ex->requestBody.isEmpty())
        text += QLatin1Char('\n') + tr("Request body:") + QLatin1Char('\n')
            + JsonFormat::pretty(ex->requestBody) + QLatin1Char('\n');
    text += QLatin1Char('\n');
    if (!ex->finished) {
        text += tr("Waiting for the answer…");
    } else {
        if (ex->httpStatus)
            text += tr("Response: %1 in %2 ms").arg(ex->httpStatus).arg(ex->elapsedMs);
        else
            text += tr("No answer after %1 ms").arg(ex->elapsedMs);
        if (!ex->error.isEmpty())
            text += QStringLiteral(" — ") + ex->error;
        text += QLatin1Char('\n') + tr("Response headers:") + QLatin1Char('\n')
            + headersText(ex->responseHeaders);
        if (!ex->responseBody.isEmpty()) {
            text += QLatin1Char('\n')
                + tr("Response body (%1 bytes%2):")
                      .arg(ex->responseBytes)
                      .arg(ex->responseBodyTruncated ? tr(", shortened") : QString())
                + QLatin1Char('\n') + JsonFormat::pretty(ex->responseBody);
        }
    }
    m_ui->logDetails->setPlainText(text);
}

void MainWindow::copyAsCurl()
{
    const HttpExchange *ex = m_logModel->exchangeAt(m_ui->logTable->currentIndex().row());
    if (!ex)
        return;
    const bool withToken = m_ui->includeTokenCheck->isChecked();
    QGuiApplication::clipboard()->setText(RequestLog::toCurl(*ex, withToken, m_token));
    statusBar()->showMessage(withToken ? tr("Copied the request as cURL, with the token.")
                                       : tr("Copied the request as cURL; the token is a placeholder."),
        6000);
}

void MainWindow::onRequestEnded(ApiClient::RequestId id)
{
    if (id != m_retryRequest)
        return;
    m_retryRequest = 0;
    m_retryTimer.stop();
    m_retryWidget->hide();
    updateLoadingWidget();
}

void MainWindow::onRetryScheduled(ApiClient::RequestId id, int attempt, int delayMs, const ApiError &reason)
{
    m_retryRequest = id;
    m_retryAttempt = attempt;
    m_retryDeadline = QDeadlineTimer(delayMs);
    m_retryReason = reason.userMessage();
    m_retryWidget->show();
    updateRetryCountdown();
    m_retryTimer.start();
    updateLoadingWidget(); // the countdown has its own Cancel
}

void MainWindow::updateLoadingWidget()
{
    if (!m_model->isLoading())
        m_loadingTimer.stop();
    // Not before the page has been on its way for the timer's moment.
    m_loadingWidget->setVisible(m_model->isLoading() && !m_retryRequest && !m_loadingTimer.isActive());
}

void MainWindow::updateRetryCountdown()
{
    const qint64 left = m_retryDeadline.remainingTime();
    const int max = m_client->retryPolicy().maxAttempts;
    if (left > 0)
        m_retryLabel->setText(
            tr("Retrying in %1 s, attempt %2 of %3").arg((left + 999) / 1000).arg(m_retryAttempt).arg(max));
    else
        m_retryLabel->setText(tr("Retrying now, attempt %1 of %2…").arg(m_retryAttempt).arg(max));
    m_retryLabel->setToolTip(m_retryReason);
}

void MainWindow::showUser(const User &user, bool reloadRelated)
{
    m_shownUser = user;
    const bool has = user.id != 0;
    m_ui->detailTitle->setText(has ? user.name : tr("No user selected"));
    m_ui->idValue->setText(has ? QString::number(user.id) : QString());
    m_ui->nameValue->setText(user.name);
    m_ui->emailValue->setText(user.email);
    m_ui->genderValue->setText(user.gender);
    m_ui->statusValue->setText(user.status);
    m_ui->jsonView->setPlainText(has ? JsonFormat::pretty(user.toOrderedJson()) : QString());
    m_ui->detailTabs->setEnabled(has);
    if (!reloadRelated)
        return;
    if (m_postsRequest)
        m_client->cancel(std::exchange(m_postsRequest, 0));
    if (m_todosRequest)
        m_client->cancel(std::exchange(m_todosRequest, 0));
    m_postsLoadedFor = 0;
    m_todosLoadedFor = 0;
    m_ui->postsList->clear();
    m_ui->todosList->clear();
    loadRelatedIfShown();
}

void MainWindow::loadRelatedIfShown()
{
    if (!m_shownUser.id || !m_connected)
        return;
    QWidget *tab = m_ui->detailTabs->currentWidget();
    if (tab == m_ui->postsTab && m_postsLoadedFor != m_shownUser.id) {
        m_postsLoadedFor = m_shownUser.id;
        m_ui->postsList->clear();
        new QTreeWidgetItem(m_ui->postsList, { tr("Loading…") });
        m_postsRequest = m_client->listUserPosts(m_shownUser.id);
    } else if (tab == m_ui->todosTab && m_todosLoadedFor != m_shownUser.id) {
        m_todosLoadedFor = m_shownUser.id;
        m_ui->todosList->clear();
        new QTreeWidgetItem(m_ui->todosList, { tr("Loading…") });
        m_todosRequest = m_client->listUserTodos(m_shownUser.id);
    }
}

void MainWindow::chooseExportFile(bool json)
{
    auto *dialog = new QFileDialog(this, json ? tr("Export users as JSON") : tr("Export users as CSV"));
    dialog->setObjectName(QStringLiteral("exportDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilter(json ? tr("JSON files (*.json)") : tr("CSV files (*.csv)"));
    dialog->setDefaultSuffix(json ? QStringLiteral("json") : QStringLiteral("csv"));
    dialog->selectFile(json ? QStringLiteral("users.json") : QStringLiteral("users.csv"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this, json](const QString &path) {
        QString why;
        if (exportUsers(path, json, &why))
            statusBar()->showMessage(
                tr("Exported %n user(s) to %1.", nullptr, m_model->loadedCount()).arg(path), 8000);
        else
            showError(tr("Could not export: %1").arg(why), 0);
    });
    dialog->open();
}

bool MainWindow::exportUsers(const QString &path, bool json, QString *why)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (why)
            *why = file.errorString();
        return false;
    }
    // CSV goes to spreadsheets: a name that would run as a formula there is written as text.
    file.write(json
            ? UserExport::render(m_model->users(), UserExport::Format::Json)
            : UserExport::render(m_model->users(), UserExport::Format::Csv, UserExport::CsvCells::Defused));
    if (!file.commit()) {
        if (why)
            *why = file.errorString();
        return false;
    }
    return true;
}

} // namespace UserDesk
