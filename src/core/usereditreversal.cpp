#include "usereditreversal.h"

namespace UserDesk {

namespace {
struct Field
{
    const char *name;
    QString User::*member;
    std::optional<QString> UserDraft::*draftMember;
};

const Field fields[] = {
    { "name", &User::name, &UserDraft::name },
    { "email", &User::email, &UserDraft::email },
    { "gender", &User::gender, &UserDraft::gender },
    { "status", &User::status, &UserDraft::status },
};
} // namespace

UserEditReversal::UserEditReversal(ApiClient *client, const User &before, const User &after, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_before(before)
    , m_after(after)
{
    connect(client, &ApiClient::userReceived, this, &UserEditReversal::onReceived);
    connect(client, &ApiClient::userUpdated, this, &UserEditReversal::onUpdated);
    connect(client, &ApiClient::requestFailed, this, &UserEditReversal::onFailed);
}

UserDraft UserEditReversal::restoringDraft() const
{
    UserDraft draft;
    for (const Field &f : fields)
        if (m_before.*(f.member) != m_after.*(f.member))
            draft.*(f.draftMember) = m_before.*(f.member);
    return draft;
}

void UserEditReversal::start()
{
    if (!m_client)
        return;
    if (restoringDraft().isEmpty()) {
        // Nothing to put back; still answered later, as every other outcome.
        QMetaObject::invokeMethod(
            this,
            [this] {
                Q_EMIT finished(Outcome::Reverted,
                    tr("The edit changed nothing, so there was nothing to undo."), m_after);
            },
            Qt::QueuedConnection);
        return;
    }
    m_read = m_client->getUser(m_after.id);
}

void UserEditReversal::onReceived(ApiClient::RequestId id, const User &current)
{
    if (id != m_read || !m_client)
        return;
    m_read = 0;
    QStringList changedSince;
    for (const Field &f : fields) {
        const bool edited = m_before.*(f.member) != m_after.*(f.member);
        if (edited && current.*(f.member) != m_after.*(f.member))
            changedSince.append(tr("%1 is now \"%2\"").arg(QLatin1String(f.name), current.*(f.member)));
    }
    if (!changedSince.isEmpty()) {
        Q_EMIT finished(Outcome::Refused,
            tr("User %1 was changed on the server since this edit (%2); undoing it would overwrite that "
               "change, so nothing was sent.")
                .arg(current.id.toString())
                .arg(changedSince.join(QStringLiteral(", "))),
            current);
        return;
    }
    m_write = m_client->updateUser(m_after.id, restoringDraft());
}

void UserEditReversal::onUpdated(ApiClient::RequestId id, const User &user)
{
    if (id != m_write)
        return;
    m_write = 0;
    Q_EMIT finished(
        Outcome::Reverted, tr("User %1 has its earlier values again.").arg(user.id.toString()), user);
}

void UserEditReversal::onFailed(ApiClient::RequestId id, const ApiError &error)
{
    if (id == m_read && error.kind() == ApiError::Kind::NotFound) {
        m_read = 0;
        Q_EMIT finished(Outcome::Refused,
            tr("User %1 no longer exists on the server, so the edit cannot be undone.")
                .arg(m_after.id.toString()),
            m_after);
        return;
    }
    if (id != m_read && id != m_write)
        return;
    m_read = m_write = 0;
    Q_EMIT finished(
        Outcome::Failed, tr("The edit could not be undone: %1").arg(error.userMessage()), m_after);
}

} // namespace UserDesk
