#pragma once

#include "apiclient.h"

#include <QObject>

class QWidget;

namespace UserDesk {

class UserTableModel;

// Deleting users from the window: the confirmation, then one delete for one user or a bulk job for more,
// and the report. It owns those requests: their failures are told once, through failed() or the report.
class UserDeletion : public QObject
{
    Q_OBJECT
public:
    // Boxes open over `window`.
    UserDeletion(ApiClient *client, UserTableModel *model, QWidget *window);

    // Asks whether to delete `users` from `profileName`, then deletes them. Users already being deleted are
    // left out; nothing happens while a bulk job runs.
    void confirmAndDelete(QList<User> users, const QString &profileName);
    bool isBulkRunning() const { return m_bulkRequest != 0; }

Q_SIGNALS:
    void bulkStarted(UserDesk::ApiClient::RequestId id, int total);
    void bulkEnded();
    // More than one user to delete, confirmed: the window runs it as a journaled, resumable job (JobsFlow).
    void bulkDeleteRequested(const QList<UserDesk::User> &users);
    // A short note for the status bar.
    void message(const QString &text);
    // A failure to put in front of the person; `id` is the request whose exchange shows why (0: none).
    void failed(const QString &text, UserDesk::ApiClient::RequestId id);

private:
    void deleteOne(const User &user);
    void startBulk(const QList<User> &users);
    void onBulkFinished(ApiClient::RequestId bulkId, const QList<BulkItemResult> &results);

    ApiClient *m_client;
    UserTableModel *m_model;
    QWidget *m_window;
    ApiClient::RequestId m_bulkRequest = 0;
    QList<User> m_bulkUsers;
};

} // namespace UserDesk
