#include "userdeletion.h"

#include "requestwatcher.h"
#include "usertablemodel.h"

#include <QMessageBox>
#include <QPushButton>

namespace UserDesk {

UserDeletion::UserDeletion(ApiClient *client, UserTableModel *model, QWidget *window)
    : QObject(window)
    , m_client(client)
    , m_model(model)
    , m_window(window)
{
    connect(m_client, &ApiClient::bulkFinished, this, &UserDeletion::onBulkFinished);
}

void UserDeletion::confirmAndDelete(QList<User> users, const QString &profileName)
{
    users.erase(
        std::remove_if(users.begin(), users.end(),
            [this](const User &u) { return m_model->rowState(u.id) == UserTableModel::RowState::Deleting; }),
        users.end());
    if (users.isEmpty() || m_bulkRequest)
        return;

    QStringList lines;
    const int shown = std::min<int>(users.size(), 15);
    for (int i = 0; i < shown; ++i)
        lines << tr("• %1 <%2> (ID %3)").arg(users.at(i).name, users.at(i).email, users.at(i).id.toString());
    if (users.size() > shown)
        lines << tr("…and %n more", nullptr, static_cast<int>(users.size() - shown));

    auto *box = new QMessageBox(QMessageBox::Warning, tr("Delete users"),
        tr("Delete %n user(s) from %1? This cannot be undone.", nullptr, static_cast<int>(users.size()))
                .arg(profileName)
            + QStringLiteral("\n\n") + lines.join(QLatin1Char('\n')),
        QMessageBox::Yes | QMessageBox::Cancel, m_window);
    box->setObjectName(QStringLiteral("confirmDeleteBox"));
    box->button(QMessageBox::Yes)->setText(tr("Delete"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, users](int) {
        if (box->clickedButton() != box->button(QMessageBox::Yes))
            return;
        if (users.size() == 1)
            deleteOne(users.constFirst());
        else
            startBulk(users);
    });
    box->open();
}

void UserDeletion::deleteOne(const User &user)
{
    const ApiClient::RequestId id = m_client->deleteUser(user.id);
    m_model->trackRequest(id, user.id, UserTableModel::RowState::Deleting);
    RequestWatcher::watch(m_client, id, this, [this, id, user](const ApiError *error) {
        if (!error)
            return;
        if (error->kind() == ApiError::Kind::NotFound) // deleted elsewhere first; the model drops the row
            Q_EMIT message(tr("User %1 was already gone from the server; it is no longer listed.")
                               .arg(user.id.toString()));
        else
            Q_EMIT failed(tr("User %1: %2").arg(user.id.toString(), error->userMessage()), id);
    });
}

void UserDeletion::startBulk(const QList<User> &users)
{
    QList<ResourceId> ids;
    for (const User &u : users)
        ids << u.id;
    m_bulkRequest = m_client->deleteUsers(ids);
    m_bulkUsers = users;
    m_model->trackBulkDelete(m_bulkRequest, ids);
    Q_EMIT bulkStarted(m_bulkRequest, static_cast<int>(ids.size()));
}

void UserDeletion::onBulkFinished(ApiClient::RequestId bulkId, const QList<BulkItemResult> &results)
{
    if (bulkId != m_bulkRequest)
        return;
    m_bulkRequest = 0;
    const QList<User> users = std::exchange(m_bulkUsers, {});
    Q_EMIT bulkEnded();

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
        const QString who = tr("• %1 (ID %2)").arg(user.name, user.id.toString());
        if (r.error.kind() == ApiError::Kind::NotFound)
            gone << who;
        else if (r.error.kind() == ApiError::Kind::Canceled)
            stopped << who;
        else
            failures << who + QStringLiteral(": ") + r.error.userMessage();
    }
    if (failures.isEmpty() && gone.isEmpty() && stopped.isEmpty()) {
        Q_EMIT message(tr("Deleted %n user(s).", nullptr, deleted));
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
        Q_EMIT failed(tr("Deleted %1 of %2 users; %3 could not be deleted.")
                          .arg(deleted)
                          .arg(results.size())
                          .arg(failures.size()),
            0);
    }
    const QString title = !failures.isEmpty() ? tr("Some users were not deleted")
        : !stopped.isEmpty()                  ? tr("Deleting stopped")
                                              : tr("Some users were already gone");
    auto *box = new QMessageBox(failures.isEmpty() ? QMessageBox::Information : QMessageBox::Warning, title,
        text, QMessageBox::Ok, m_window);
    box->setObjectName(QStringLiteral("bulkReportBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace UserDesk
