#pragma once

#include "apiclient.h"
#include "user.h"

#include <QDialog>
#include <memory>

class QLabel;

namespace Ui {
class UserDialog;
}

namespace UserDesk {

// Creates or edits one user: checks the fields before sending, shows the server's field errors beside
// the fields, and stays open with everything typed until the save succeeds or the person gives up.
class UserDialog : public QDialog
{
    Q_OBJECT
public:
    // Creates a user.
    explicit UserDialog(ApiClient *client, QWidget *parent = nullptr);
    // Edits `user`, sending only the fields that changed.
    UserDialog(ApiClient *client, const User &user, QWidget *parent = nullptr);
    ~UserDialog() override;

    bool isEditing() const { return m_editing; }
    User original() const { return m_original; }
    User savedUser() const { return m_saved; }
    bool isBusy() const { return m_pending != 0; }
    bool hasUnsavedChanges() const;
    // What the fields say now, every field set.
    UserDraft fieldsDraft() const;

public Q_SLOTS:
    void save();
    void reject() override;

Q_SIGNALS:
    // userId is 0 for a create.
    void saveStarted(UserDesk::ApiClient::RequestId id, const UserDesk::ResourceId &userId);
    void saveEnded(UserDesk::ApiClient::RequestId id);
    void userSaved(const UserDesk::User &user);

private:
    void setUp();
    void setBusy(bool busy);
    void clearErrors();
    void showFieldErrors(const QList<FieldError> &errors);
    QLabel *errorLabelFor(const QString &field) const;
    void onCreated(ApiClient::RequestId id, const User &user);
    void onUpdated(ApiClient::RequestId id, const User &user);
    void onFailed(ApiClient::RequestId id, const ApiError &error);
    void succeed(const User &user);

    std::unique_ptr<Ui::UserDialog> m_ui;
    ApiClient *m_client;
    bool m_editing = false;
    User m_original;
    User m_saved;
    ApiClient::RequestId m_pending = 0;
};

} // namespace UserDesk
