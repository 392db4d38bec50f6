#pragma once

#include "apiclient.h"
#include "profile.h"

#include <QDeadlineTimer>
#include <QMainWindow>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <memory>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;

namespace Ui {
class MainWindow;
}

namespace UserDesk {

class ProfileStore;
class RequestLogModel;
class UserSortFilterProxyModel;
class SandboxHost;
class SettingsDialog;
class TokenStore;
class UserDialog;
class UserTableModel;

// The UserDesk window: the users of the current profile in a lazily paged table, their details, the
// create/edit/delete flows, the request log, and a status bar that says what the network is doing.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    struct Options
    {
        QString dataDirectory; // the embedded sandbox keeps its SQLite file here
        int sandboxSeedUsers = 3000;
    };

    MainWindow(ProfileStore *store, TokenStore *tokens, const Options &options, QWidget *parent = nullptr);
    ~MainWindow() override;

    ApiClient *client() const { return m_client; }
    UserTableModel *userModel() const { return m_model; }
    UserSortFilterProxyModel *userProxy() const { return m_proxy; }
    RequestLogModel *logModel() const { return m_logModel; }
    // The embedded sandbox, once a profile needed it.
    SandboxHost *sandbox() const { return m_sandbox; }
    QString currentProfileName() const { return m_profile.name(); }
    // True once the current profile's endpoint and token are known and the first page was asked for.
    bool isConnected() const { return m_connected; }

    void switchToProfile(const QString &name);
    UserDialog *openNewUserDialog();
    UserDialog *openEditUserDialog();
    SettingsDialog *openPreferences();
    void deleteSelectedUsers();
    bool exportUsers(const QString &path, bool json, QString *why = nullptr);
    void showExchangeOfRequest(ApiClient::RequestId id);
    void saveWindowState();

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void setUpStatusBar();
    void setUpActions();
    void setUpTable();
    void setUpLogDock();
    void setUpDetailPane();
    void restoreWindowState();
    void populateProfiles();
    void applyProfile(const QString &name);
    void startSandbox();
    void connectTo(const QUrl &baseUrl, const QString &token);
    UserFilter filterFromWidgets() const;
    void applyFilters();
    void updateActions();
    void updateCounts();
    void updateEndpointLabel();
    enum class BannerAction { None, Retry, Preferences, TokenInPreferences };
    void showError(const QString &text, ApiClient::RequestId id, BannerAction action = BannerAction::None);
    void hideError();
    void handleTlsError(const ApiError &error);
    void onRequestEnded(ApiClient::RequestId id);
    void onRetryScheduled(ApiClient::RequestId id, int attempt, int delayMs, const ApiError &reason);
    void updateRetryCountdown();
    void updateLoadingWidget();
    void onBulkFinished(ApiClient::RequestId bulkId, const QList<BulkItemResult> &results);
    QList<User> selectedUsers() const;
    void showUser(const User &user, bool reloadRelated);
    void loadRelatedIfShown();
    void showExchange(int row);
    void copyAsCurl();
    void chooseExportFile(bool json);

    std::unique_ptr<Ui::MainWindow> m_ui;
    ProfileStore *m_store;
    TokenStore *m_tokens;
    Options m_options;
    ApiClient *m_client;
    UserTableModel *m_model;
    UserSortFilterProxyModel *m_proxy;
    RequestLogModel *m_logModel;
    SandboxHost *m_sandbox = nullptr;

    Profile m_profile;
    QString m_token;
    bool m_connected = false;
    quint64 m_connectGeneration = 0;

    QComboBox *m_profileCombo = nullptr;
    QLabel *m_endpointLabel = nullptr;
    QLabel *m_loadedLabel = nullptr;
    QLabel *m_rateLabel = nullptr;
    QWidget *m_retryWidget = nullptr;
    QLabel *m_retryLabel = nullptr;
    QPushButton *m_retryCancel = nullptr;
    QWidget *m_bulkWidget = nullptr;
    QProgressBar *m_bulkProgress = nullptr;
    QWidget *m_loadingWidget = nullptr;
    QPushButton *m_bannerPreferences = nullptr;

    QTimer m_filterTimer;
    QTimer m_retryTimer;
    ApiClient::RequestId m_retryRequest = 0;
    int m_retryAttempt = 0;
    QDeadlineTimer m_retryDeadline;
    QString m_retryReason;
    QTimer m_loadingTimer;

    ApiClient::RequestId m_bannerRequest = 0;
    BannerAction m_bannerAction = BannerAction::None;
    ApiClient::RequestId m_bulkRequest = 0;
    QHash<ApiClient::RequestId, QList<User>> m_bulkUsers;
    QSet<ApiClient::RequestId> m_dialogRequests;

    User m_shownUser;
    qint64 m_postsLoadedFor = 0;
    qint64 m_todosLoadedFor = 0;
    ApiClient::RequestId m_postsRequest = 0;
    ApiClient::RequestId m_todosRequest = 0;
};

} // namespace UserDesk
