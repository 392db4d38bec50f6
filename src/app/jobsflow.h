#pragma once

#include "apiclient.h"
#include "jobjournal.h"

#include <QObject>

class QAction;
class QMainWindow;
class QMenu;

namespace UserDesk {

class JobBanner;
class JobController;
class JobNotifier;
class JobStatusWidget;
class MessageBanner;
class SandboxLauncher;
class SessionController;
class UserDeletion;
class UserTableModel;
class UserTableView;

// The window's side of bulk jobs: File > Import Users..., Users > Bulk Edit..., the bulk delete that
// UserDeletion hands over, their progress and Stop in the status bar (JobStatusWidget), the banner that
// offers to resume or discard an unfinished one (JobBanner), the question when the window is closed while
// one runs (one question, which also covers a delete UserDeletion holds in its grace period), the report
// when one ends, and a desktop notification when a long one ends unseen. The jobs themselves run in
// JobController, journaled like the CLI's.
class JobsFlow : public QObject
{
    Q_OBJECT
public:
    // When the grace period of a delete held by `deletion` ends, its users are deleted as a job here; their
    // rows, held back in `model` meanwhile, leave for good as deletes land or come back as they fail.
    JobsFlow(QMainWindow *window, ApiClient *client, UserTableModel *model, UserDeletion *deletion);

    // Adds Import Users... to `fileMenu` (before `fileBefore`) and Bulk Edit... (for the selection of
    // `table`) to `usersMenu`, and puts the job banner just above `errors`, where failures are shown.
    void attach(
        QMenu *fileMenu, QAction *fileBefore, QMenu *usersMenu, MessageBanner *errors, UserTableView *table);
    // Each time the session connects, jobs are recorded against its server (the built-in sandbox by its
    // data folder, as its port changes from run to run) and the banner shows those left unfinished.
    void followSession(SessionController *session, SandboxLauncher *sandbox);
    // The server the window is connected to now (see JobController::setEndpoint).
    void setEndpoint(const QString &endpoint);
    // Bulk Edit follows the selection.
    void updateActions();

    JobController *controller() const { return m_jobs; }
    JobBanner *banner() const { return m_banner; }
    QAction *importAction() const { return m_import; }
    QAction *bulkEditAction() const { return m_bulkEdit; }

    // Deletes `users` as a journaled job; no question (the caller asked). Rows of theirs held back in the
    // table stay out while the job runs.
    void deleteUsers(const QList<User> &users);
    void openImport();
    void openBulkEdit();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void askBeforeQuit();
    void onFinished(const JobSummary &job, bool complete, qint64 elapsedMs);
    void settleHeldRows(const QList<JobItem> &items, bool final);
    void showMessage(const QString &text);
    void showError(const QString &text);

    QMainWindow *m_window;
    ApiClient *m_client;
    UserTableModel *m_model;
    UserDeletion *m_deletion;
    UserTableView *m_table = nullptr;
    MessageBanner *m_errors = nullptr;
    JobController *m_jobs;
    JobStatusWidget *m_status;
    JobBanner *m_banner;
    JobNotifier *m_notifier;
    QAction *m_import = nullptr;
    QAction *m_bulkEdit = nullptr;
    bool m_quitWhenIdle = false; // the person chose Stop or Wait when closing the window
};

} // namespace UserDesk
