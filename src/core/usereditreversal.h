#pragma once

#include "apiclient.h"

#include <QObject>
#include <QPointer>

namespace UserDesk {

// Undoes an applied edit of one user (or redoes it, with before and after swapped): PATCHes back the
// fields the edit changed, but only while the server's record still holds what the edit wrote. If someone
// changed one of those fields since, it refuses with a sentence naming them and sends nothing, so an undo
// never overwrites another person's change. The building block of the window's Edit > Undo/Redo.
class UserEditReversal : public QObject
{
    Q_OBJECT
public:
    enum class Outcome { Reverted, Refused, Failed };
    Q_ENUM(Outcome)

    // `before` and `after` are the user as it was before the edit and as the server answered it.
    UserEditReversal(ApiClient *client, const User &before, const User &after, QObject *parent = nullptr);

    // Reads the user, then sends the PATCH if nothing changed since; ends in finished().
    void start();

    // The fields the edit changed, with the values to put back.
    UserDraft restoringDraft() const;

Q_SIGNALS:
    // `user` is the record as the server holds it at the end (after the PATCH when Reverted).
    void finished(
        UserDesk::UserEditReversal::Outcome outcome, const QString &message, const UserDesk::User &user);

private:
    void onReceived(ApiClient::RequestId id, const User &current);
    void onUpdated(ApiClient::RequestId id, const User &user);
    void onFailed(ApiClient::RequestId id, const ApiError &error);

    QPointer<ApiClient> m_client;
    User m_before;
    User m_after;
    ApiClient::RequestId m_read = 0;
    ApiClient::RequestId m_write = 0;
};

} // namespace UserDesk
