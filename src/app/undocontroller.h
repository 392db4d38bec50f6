#pragma once

#include "apiclient.h"

#include <QObject>
#include <QPointer>

class QAction;
class QLabel;
class QMainWindow;
class QMenu;
class QPushButton;
class QUndoCommand;
class QUndoStack;
class QWidget;

namespace UserDesk {

class UserDeletion;
class UserDialog;
class UserTableModel;

// Edit > Undo/Redo for the window, on a QUndoStack: an edit saved in the user dialog is undone by
// PATCHing back the previous values (UserEditReversal, refused with a sentence when the server's record
// changed since) and redone the same way; a delete is held for a few seconds before it is sent
// (UserDeletion), with a notice "Deleted 5 users · Undo" in the status bar, and undone with nothing sent.
class UndoController : public QObject
{
    Q_OBJECT
public:
    // Adds the Edit menu to `window`'s menu bar, before its second menu.
    UndoController(ApiClient *client, UserDeletion *deletion, QMainWindow *window);

    // Records the edit the dialog saves, if it edits an existing user.
    void watch(UserDialog *dialog);
    void recordEdit(const User &before, const User &after);

    QUndoStack *stack() const { return m_stack; }
    QAction *undoAction() const { return m_undo; }
    QAction *redoAction() const { return m_redo; }
    // The notice of a held delete (hidden when none is held).
    QWidget *notice() const { return m_notice; }
    // An undo or redo is waiting for the server.
    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    // An undo or redo ended: applied, or refused or failed with the reason.
    void reverted(const QString &message);
    void refused(const QString &message);

private:
    class EditCommand;
    class DeleteCommand;
    friend class EditCommand;
    friend class DeleteCommand;

    void undo();
    QUndoCommand *nextUndo() const;
    void reverse(EditCommand *command, bool undoing);
    void updateActions();
    void showNotice(const QList<User> &users);
    void hideNotice();
    void tell(const QString &text);
    void warn(const QString &text);

    ApiClient *m_client;
    UserDeletion *m_deletion;
    QMainWindow *m_window;
    QUndoStack *m_stack;
    QAction *m_undo;
    QAction *m_redo;
    QWidget *m_notice;
    QLabel *m_noticeText;
    QPushButton *m_noticeUndo;
    DeleteCommand *m_heldCommand = nullptr; // the command of the delete held now
    DeleteCommand *m_redoing = nullptr; // a redo holding its delete again
    bool m_undoingHeld = false; // the stack is undoing the held delete
    bool m_busy = false;
};

} // namespace UserDesk
