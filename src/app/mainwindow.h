#pragma once

#include "apiclient.h"
#include "messagebanner.h"
#include "profile.h"
#include "sandboxlauncher.h"
#include "sessioncontroller.h"

#include <QMainWindow>
#include <memory>

namespace Ui {
class MainWindow;
}

namespace UserDesk {

class NetworkStatusWidget;
class ProfileComboBox;
class ProfileStore;
class RequestLogModel;
class SandboxHost;
class SessionStatusWidget;
class SettingsDialog;
class SortScopeFlow;
class TokenStore;
class UndoController;
class UserDeletion;
class UserDialog;
class UserSortFilterProxyModel;
class UserTableModel;

// The UserDesk window: actions, menus, dialogs, and the wiring between its panes (UserFilterBar,
// MessageBanner, UserTableView, UserDetailsWidget, RequestLogWidget, NetworkStatusWidget) and the session
// of the current profile (SessionController, and the embedded sandbox when the profile wants it).
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
    RequestLogModel *logModel() const;
    // The embedded sandbox, once a profile needed it.
    SandboxHost *sandbox() const { return m_sandbox->host(); }
    QString currentProfileName() const { return m_session->profile().name(); }
    // True once the current profile's endpoint and token are known and the first page was asked for.
    bool isConnected() const { return m_session->isConnected(); }

    void switchToProfile(const QString &name);
    UserDialog *openNewUserDialog() { return openUserDialog(std::nullopt); }
    UserDialog *openEditUserDialog();
    SettingsDialog *openPreferences();
    void deleteSelectedUsers();
    void showExchangeOfRequest(ApiClient::RequestId id);
    void saveWindowState();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void setUpStatusBar();
    void setUpActions();
    void setUpPanes();
    void restoreWindowState();
    void applyProfile(const QString &name);
    void onConnected();
    void updateActions();
    void updateCounts();
    // The detail pane and the actions follow the selection, whatever changed it.
    // A sort the person chose (or restored): sorts what is loaded and decides whether to load the rest.
    quint64 showError(const QString &text, ApiClient::RequestId id = 0,
        MessageBanner::Action action = MessageBanner::Action::None);
    UserDialog *openUserDialog(const std::optional<User> &user);

    std::unique_ptr<Ui::MainWindow> m_ui;
    ProfileStore *m_store;
    TokenStore *m_tokens;
    ApiClient *m_client;
    UserTableModel *m_model;
    UserSortFilterProxyModel *m_proxy;
    SessionController *m_session;
    SandboxLauncher *m_sandbox;

    ProfileComboBox *m_profileCombo = nullptr;
    SessionStatusWidget *m_sessionStatus = nullptr;
    NetworkStatusWidget *m_network = nullptr;
    UserDeletion *m_deletion = nullptr;
    UndoController *m_undo = nullptr;
    SortScopeFlow *m_sortScope = nullptr;
    // Whether the active sort's cover (all users, or the loaded ones only) has been settled for the rows
    // the table holds now; the person's choice to sort the loaded rows only.
    // The banner's message about a page that failed to load (0: none); the next page that loads takes it
    // away, and only it.
    quint64 m_pageError = 0;
};

} // namespace UserDesk
