#include "userdeletion.h"

#include "deferreddelete.h"
#include "recordcascadecount.h"
#include "requestwatcher.h"
#include "usertablemodel.h"

#include <QCloseEvent>
#include <QMessageBox>
#include <QPushButton>

namespace UserDesk {

UserDeletion::UserDeletion(ApiClient *client, UserTableModel *model, QWidget *window)
    : QObject(window)
    , m_client(client)
    , m_model(model)
    , m_window(window)
{
    // Another profile emptied the table: the held delete was meant for the server it came from.
    connect(m_model, &UserTableModel::heldBackDropped, this, [this] {
        if (!m_held)
            return;
        const int count = static_cast<int>(m_heldUsers.size());
        m_held->undo();
        Q_EMIT message(tr("The delete of %n user(s) was not sent: the profile changed before its undo time "
                          "ended.",
            nullptr, count));
    });
    // Quitting while a delete is held: ask, rather than send it unseen or drop it unsaid.
    m_window->installEventFilter(this);
}

void UserDeletion::confirmAndDelete(QList<User> users, const QString &profileName)
{
    users.erase(
        std::remove_if(users.begin(), users.end(),
            [this](const User &u) { return m_model->rowState(u.id) == UserTableModel::RowState::Deleting; }),
        users.end());
    if (users.isEmpty() || hasHeldDelete())
        return;

    QStringList lines;
    const int shown = std::min<int>(users.size(), 15);
    for (int i = 0; i < shown; ++i)
        lines << tr("• %1 <%2> (ID %3)").arg(users.at(i).name, users.at(i).email, users.at(i).id.toString());
    if (users.size() > shown)
        lines << tr("…and %n more", nullptr, static_cast<int>(users.size() - shown));

    auto *box = new QMessageBox(QMessageBox::Warning, tr("Delete users"),
        tr("Delete %n user(s) from %1? For %2 seconds you can still undo it; then it is sent, and cannot be "
           "undone.",
            nullptr, static_cast<int>(users.size()))
                .arg(profileName)
                .arg(m_graceMs / 1000)
            + QStringLiteral("\n\n") + lines.join(QLatin1Char('\n')),
        QMessageBox::Yes | QMessageBox::Cancel, m_window);
    box->setObjectName(QStringLiteral("confirmDeleteBox"));
    box->button(QMessageBox::Yes)->setText(tr("Delete"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    // What goes with them, counted while the question is open (a child of the box: closing it cancels that).
    QList<ResourceId> ids;
    for (const User &u : users)
        ids << u.id;
    auto *cascade = new RecordCascadeCount(m_client, ids, box);
    box->setInformativeText(cascade->sentence());
    connect(cascade, &RecordCascadeCount::finished, box, &QMessageBox::setInformativeText);
    cascade->start();
    connect(box, &QMessageBox::finished, this, [this, box, users](int) {
        if (box->clickedButton() == box->button(QMessageBox::Yes))
            holdDelete(users);
    });
    box->open();
}

void UserDeletion::holdDelete(const QList<User> &users)
{
    if (hasHeldDelete())
        return;
    QList<ResourceId> ids;
    for (const User &u : users)
        ids << u.id;
    m_model->holdBack(ids);
    m_heldUsers = users;
    m_held = new DeferredDelete(ids, m_graceMs, this);
    connect(m_held, &DeferredDelete::undone, this, [this] { endHold(true); });
    connect(m_held, &DeferredDelete::due, this, [this] { endHold(false); });
    Q_EMIT deleteHeld(users);
    Q_EMIT busyChanged();
    if (m_graceMs <= 0)
        m_held->sendNow(); // no grace: sent at once, as before undoable deletes
    else
        m_held->start();
}

void UserDeletion::endHold(bool undone)
{
    const QList<User> users = std::exchange(m_heldUsers, {});
    QList<ResourceId> ids;
    for (const User &u : users)
        ids << u.id;
    if (m_held)
        m_held->deleteLater();
    m_held = nullptr;
    // Sent, they stay out of the table; one that could not be deleted comes back when its answer says so.
    if (undone) {
        m_model->putBack(ids);
        Q_EMIT message(
            tr("Restored %n user(s); nothing was deleted.", nullptr, static_cast<int>(users.size())));
    } else if (users.size() == 1) {
        deleteOne(users.constFirst());
    } else if (!users.isEmpty()) {
        startBulk(users);
    }
    Q_EMIT heldDeleteEnded(undone);
    Q_EMIT busyChanged();
}

bool UserDeletion::undoHeld()
{
    return m_held && m_held->undo();
}

void UserDeletion::sendHeldNow()
{
    if (m_held)
        m_held->sendNow();
}

bool UserDeletion::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_window || event->type() != QEvent::Close || !m_held)
        return QObject::eventFilter(watched, event);
    // Sending now would race the quit; dropping it unsaid would lie about the rows that left the table.
    event->ignore();
    if (m_window->findChild<QMessageBox *>(QStringLiteral("quitWithHeldDeleteBox")))
        return true;
    const int count = static_cast<int>(m_heldUsers.size());
    auto *box = new QMessageBox(QMessageBox::Question, tr("Delete not sent yet"),
        tr("The delete of %n user(s) has not been sent yet. If you quit now, nothing is deleted.", nullptr,
            count),
        QMessageBox::Cancel, m_window);
    box->setObjectName(QStringLiteral("quitWithHeldDeleteBox"));
    QPushButton *quit = box->addButton(tr("Quit Without Deleting"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, quit](int) {
        if (box->clickedButton() != quit)
            return;
        undoHeld();
        m_window->close();
    });
    box->open();
    return true;
}

void UserDeletion::deleteOne(const User &user)
{
    const ApiClient::RequestId id = m_client->deleteUser(user.id);
    m_model->trackRequest(id, user.id, UserTableModel::RowState::Deleting);
    RequestWatcher::watch(m_client, id, this, [this, id, user](const ApiError *error) {
        if (!error)
            return;
        if (error->kind() != ApiError::Kind::NotFound)
            m_model->putBack({ user.id }); // still on the server (or not known): back in the table
        if (error->kind() == ApiError::Kind::NotFound) // deleted elsewhere first; the model drops the row
            Q_EMIT message(tr("User %1 was already deleted on the server.").arg(user.id.toString()));
        else
            Q_EMIT failed(tr("User %1: %2").arg(user.id.toString(), error->userMessage()), id);
    });
}

void UserDeletion::startBulk(const QList<User> &users)
{
    // Journaled before the first request, so a quit, crash or kill leaves it resumable.
    Q_EMIT bulkDeleteRequested(users);
}

} // namespace UserDesk
