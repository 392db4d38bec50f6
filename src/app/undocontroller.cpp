#include "undocontroller.h"

#include "messagebanner.h"
#include "userdeletion.h"
#include "userdialog.h"
#include "usereditreversal.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QStatusBar>
#include <QUndoCommand>
#include <QUndoStack>

namespace UserDesk {

// An edit already applied when it is pushed: the stack's first redo() sends nothing. `skip` also makes
// the next undo() or redo() send nothing: it puts the stack's index back after a refused reversal.
class UndoController::EditCommand : public QUndoCommand
{
public:
    EditCommand(UndoController *owner, const User &previous, const User &saved)
        : m_owner(owner)
        , before(previous)
        , after(saved)
        , server(owner->m_client->baseUrl())
    {
        setText(UndoController::tr("Edit of %1").arg(after.name));
    }
    void undo() override
    {
        if (!std::exchange(skip, false))
            m_owner->reverse(this, true);
    }
    void redo() override
    {
        if (!std::exchange(skip, false))
            m_owner->reverse(this, false);
    }

    UndoController *m_owner;
    User before;
    User after;
    QUrl server; // where the edit was made: another profile's users are others
    bool skip = true;
};

// A delete held in its grace period: undo brings the rows back with nothing sent; redo holds it again.
// Once it was sent it is obsolete, and the stack drops it on the way to the command below.
class UndoController::DeleteCommand : public QUndoCommand
{
public:
    DeleteCommand(UndoController *owner, const QList<User> &users)
        : m_owner(owner)
        , users(users)
    {
        setText(UndoController::tr("Delete of %n user(s)", nullptr, static_cast<int>(users.size())));
    }
    void undo() override
    {
        if (m_owner->m_heldCommand != this)
            return;
        m_owner->m_undoingHeld = true;
        m_owner->m_deletion->undoHeld();
        m_owner->m_undoingHeld = false;
    }
    void redo() override
    {
        if (std::exchange(skip, false))
            return;
        if (m_owner->m_deletion->hasHeldDelete()) {
            m_owner->warn(UndoController::tr("Another delete is still under way, so this one was not done "
                                             "again."));
            setObsolete(true);
            return;
        }
        m_owner->m_redoing = this;
        m_owner->m_deletion->holdDelete(users);
    }

    UndoController *m_owner;
    QList<User> users;
    bool skip = true;
};

UndoController::UndoController(ApiClient *client, UserDeletion *deletion, QMainWindow *window)
    : QObject(window)
    , m_client(client)
    , m_deletion(deletion)
    , m_window(window)
    , m_stack(new QUndoStack(this))
{
    auto *menu = new QMenu(tr("&Edit"), window);
    menu->setObjectName(QStringLiteral("menuEdit"));
    m_undo = menu->addAction(tr("&Undo"));
    m_undo->setObjectName(QStringLiteral("actionUndo"));
    m_undo->setShortcuts(QKeySequence::Undo);
    m_redo = menu->addAction(tr("&Redo"));
    m_redo->setObjectName(QStringLiteral("actionRedo"));
    m_redo->setShortcuts(QKeySequence::Redo);
    QMenuBar *bar = window->menuBar();
    bar->insertMenu(bar->actions().value(1), menu);
    connect(m_undo, &QAction::triggered, this, &UndoController::undo);
    connect(m_redo, &QAction::triggered, this, [this] {
        if (!m_busy && m_stack->canRedo())
            m_stack->redo();
        updateActions();
    });
    connect(m_stack, &QUndoStack::indexChanged, this, &UndoController::updateActions);

    m_notice = new QWidget(window);
    m_notice->setObjectName(QStringLiteral("deleteNotice"));
    auto *layout = new QHBoxLayout(m_notice);
    layout->setContentsMargins(0, 0, 0, 0);
    m_noticeText = new QLabel(m_notice);
    m_noticeUndo = new QPushButton(tr("Undo"), m_notice);
    m_noticeUndo->setObjectName(QStringLiteral("deleteNoticeUndo"));
    m_noticeUndo->setFlat(true);
    m_noticeUndo->setAccessibleName(tr("Undo the delete"));
    layout->addWidget(m_noticeText);
    layout->addWidget(m_noticeUndo);
    window->statusBar()->addPermanentWidget(m_notice);
    m_notice->hide();
    connect(m_noticeUndo, &QPushButton::clicked, this, [this] {
        if (!m_heldCommand)
            return;
        if (nextUndo() == m_heldCommand) {
            undo();
        } else {
            m_heldCommand->setObsolete(true); // undone out of turn: nothing left for the stack to do
            m_deletion->undoHeld();
        }
        updateActions();
    });

    connect(m_deletion, &UserDeletion::deleteHeld, this, [this](const QList<User> &users) {
        if (m_redoing) {
            m_heldCommand = std::exchange(m_redoing, nullptr);
        } else {
            auto *command = new DeleteCommand(this, users);
            m_stack->push(command);
            m_heldCommand = command;
        }
        showNotice(users);
        updateActions();
    });
    connect(m_deletion, &UserDeletion::heldDeleteEnded, this, [this](bool undone) {
        // Sent, or dropped with its profile: nothing for the stack to undo or redo, so it passes over it.
        if (m_heldCommand && (!undone || !m_undoingHeld))
            m_heldCommand->setObsolete(true);
        m_heldCommand = nullptr;
        hideNotice();
        updateActions();
    });
    updateActions();
}

void UndoController::watch(UserDialog *dialog)
{
    const User before = dialog->original();
    if (before.id.isNull())
        return; // a new user: nothing to undo by PATCH
    connect(dialog, &UserDialog::userSaved, this,
        [this, before](const User &saved) { recordEdit(before, saved); });
}

void UndoController::recordEdit(const User &before, const User &after)
{
    m_stack->push(new EditCommand(this, before, after)); // its first redo() sends nothing
    updateActions();
}

QUndoCommand *UndoController::nextUndo() const
{
    for (int i = m_stack->index() - 1; i >= 0; --i) {
        if (!m_stack->command(i)->isObsolete())
            return const_cast<QUndoCommand *>(m_stack->command(i));
    }
    return nullptr;
}

void UndoController::undo()
{
    if (m_busy)
        return;
    // A delete that was sent meanwhile is obsolete: the stack drops it as it steps over it.
    while (m_stack->canUndo() && m_stack->command(m_stack->index() - 1)->isObsolete())
        m_stack->undo();
    if (m_stack->canUndo())
        m_stack->undo();
    updateActions();
}

void UndoController::reverse(EditCommand *command, bool undoing)
{
    if (command->server != m_client->baseUrl()) {
        const QString text = undoing
            ? tr("The edit of %1 was made with another profile, so it cannot be undone here.")
                  .arg(command->after.name)
            : tr("The edit of %1 was made with another profile, so it cannot be redone here.")
                  .arg(command->after.name);
        warn(text);
        Q_EMIT refused(text);
        command->setObsolete(true);
        return;
    }
    m_busy = true;
    updateActions();
    auto *reversal = undoing ? new UserEditReversal(m_client, command->before, command->after, this)
                             : new UserEditReversal(m_client, command->after, command->before, this);
    const QString name = command->after.name;
    connect(reversal, &UserEditReversal::finished, this,
        [this, reversal, command, undoing, name](UserEditReversal::Outcome outcome, const QString &message) {
            reversal->deleteLater();
            m_busy = false;
            if (outcome == UserEditReversal::Outcome::Reverted) {
                const QString text
                    = undoing ? tr("Undid the edit of %1.").arg(name) : tr("Redid the edit of %1.").arg(name);
                tell(text);
                Q_EMIT reverted(text);
            } else {
                warn(message);
                Q_EMIT refused(message);
                // The stack moved when it was asked; the server did not: move it back, sending nothing.
                bool stillThere = false;
                for (int i = 0; i < m_stack->count(); ++i)
                    stillThere = stillThere || m_stack->command(i) == command;
                if (stillThere) {
                    command->skip = true;
                    if (undoing)
                        m_stack->redo();
                    else
                        m_stack->undo();
                }
            }
            updateActions();
        });
    reversal->start();
}

void UndoController::updateActions()
{
    const QUndoCommand *undoable = nextUndo();
    m_undo->setEnabled(!m_busy && undoable);
    m_undo->setText(undoable ? tr("&Undo %1").arg(undoable->text()) : tr("&Undo"));
    m_redo->setEnabled(!m_busy && m_stack->canRedo());
    m_redo->setText(m_stack->canRedo() ? tr("&Redo %1").arg(m_stack->redoText()) : tr("&Redo"));
}

void UndoController::showNotice(const QList<User> &users)
{
    const int count = static_cast<int>(users.size());
    m_noticeText->setText(tr("Deleted %n user(s) ·", nullptr, count));
    m_notice->setAccessibleName(tr("Deleted %n user(s); they are sent to the server in %1 seconds unless you "
                                   "undo it.",
        nullptr, count)
                                    .arg(m_deletion->graceMs() / 1000));
    m_noticeUndo->setAccessibleName(tr("Undo the delete of %n user(s)", nullptr, count));
    m_notice->show();
}

void UndoController::hideNotice()
{
    m_notice->hide();
}

void UndoController::tell(const QString &text)
{
    m_window->statusBar()->showMessage(text, 8000);
}

void UndoController::warn(const QString &text)
{
    if (auto *banner = m_window->findChild<MessageBanner *>())
        banner->showError(text);
    else
        tell(text);
}

} // namespace UserDesk
