#pragma once

#include "apiclient.h"
#include "deferreddelete.h"

#include <QObject>
#include <QPointer>

class QWidget;

namespace UserDesk {

class UserTableModel;

// Deleting users from the window: the confirmation, then a few seconds in which the delete can be undone
// (the rows leave the table, nothing is sent), then one delete for one user or a bulk job for more, and
// the report. It owns those requests: their failures are told once, through failed() or the report.
class UserDeletion : public QObject
{
    Q_OBJECT
public:
    // Boxes open over `window`.
    UserDeletion(ApiClient *client, UserTableModel *model, QWidget *window);

    // Asks whether to delete `users` from `profileName`, then deletes them. Users already being deleted are
    // left out; nothing happens while another delete is held in its grace period.
    void confirmAndDelete(QList<User> users, const QString &profileName);

    // How long a confirmed delete waits, undoable, before its requests go out.
    void setGraceMs(int milliseconds) { m_graceMs = milliseconds; }
    int graceMs() const { return m_graceMs; }
    // A delete is held in its grace period: no other delete starts meanwhile (a bulk delete that was sent
    // is a job: one started after it waits its turn in the job queue).
    bool hasHeldDelete() const { return m_held; }
    QList<User> heldUsers() const { return m_heldUsers; }
    // Holds a delete of `users` without asking (a redo of one confirmed before): the rows leave the table.
    void holdDelete(const QList<User> &users);
    // Within the grace period: the rows come back and nothing is sent. False when no delete is held.
    bool undoHeld();
    // Ends the grace period now: the requests go out.
    void sendHeldNow();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

Q_SIGNALS:
    // Whether a delete may start changed (a held delete began or ended).
    void busyChanged();
    // A confirmed delete is held for graceMs(): the rows left the table, nothing was sent yet.
    void deleteHeld(const QList<UserDesk::User> &users);
    // The held delete ended: undone (nothing sent) or sent.
    void heldDeleteEnded(bool undone);
    // The grace period of a delete of more than one user ended: the window runs it as a journaled,
    // resumable job (JobsFlow). Their rows stay held back until the job settles each of them.
    void bulkDeleteRequested(const QList<UserDesk::User> &users);
    // A short note for the status bar.
    void message(const QString &text);
    // A failure to put in front of the person; `id` is the request whose exchange shows why (0: none).
    void failed(const QString &text, UserDesk::ApiClient::RequestId id);

private:
    void deleteOne(const User &user);
    void startBulk(const QList<User> &users);
    void endHold(bool undone);

    ApiClient *m_client;
    UserTableModel *m_model;
    QWidget *m_window;
    int m_graceMs = 5000;
    QPointer<DeferredDelete> m_held;
    QList<User> m_heldUsers;
};

} // namespace UserDesk
