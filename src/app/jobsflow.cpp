#include "jobsflow.h"

#include "bulkeditdialog.h"
#include "importdialog.h"
#include "jobbanner.h"
#include "jobcontroller.h"
#include "jobnotifier.h"
#include "jobstatuswidget.h"
#include "messagebanner.h"
#include "recordlistpane.h"
#include "sandboxlauncher.h"
#include "sessioncontroller.h"
#include "userdeletion.h"
#include "usertablemodel.h"
#include "usertableview.h"

#include <QAction>
#include <QBoxLayout>
#include <QCloseEvent>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>
#include <QStatusBar>
#include <QTimer>

#include <algorithm>

namespace UserDesk {

JobsFlow::JobsFlow(QMainWindow *window, ApiClient *client, UserTableModel *model, UserDeletion *deletion)
    : QObject(window)
    , m_window(window)
    , m_client(client)
    , m_model(model)
    , m_deletion(deletion)
    , m_jobs(new JobController(client, {}, this))
    , m_status(new JobStatusWidget(m_jobs, window))
    , m_banner(new JobBanner(m_jobs, window))
    , m_notifier(new JobNotifier(this))
{
    window->statusBar()->addPermanentWidget(m_status);
    // After UserDeletion's (it exists already), so Qt asks this one first: with a job running, its question
    // covers a held delete too, and the person is asked once.
    window->installEventFilter(this);
    QString error;
    if (!m_jobs->open(&error))
        QTimer::singleShot(0, this, [this, error] { showError(error); });
    connect(m_banner, &JobBanner::failed, this, &JobsFlow::showError);
    connect(m_jobs, &JobController::jobFinished, this, &JobsFlow::onFinished);
    connect(m_jobs, &JobController::queueChanged, this, &JobsFlow::updateActions);
    connect(m_jobs, &JobController::itemFinished, this,
        [this](qint64, const JobItem &item) { settleHeldRows({ item }, false); });
    connect(deletion, &UserDeletion::bulkDeleteRequested, this, &JobsFlow::deleteUsers);
}

void JobsFlow::attach(
    QMenu *fileMenu, QAction *fileBefore, QMenu *usersMenu, MessageBanner *errors, UserTableView *table)
{
    m_errors = errors;
    m_table = table;
    connect(table, &UserTableView::selectionMayHaveChanged, this, &JobsFlow::updateActions);
    m_import = new QAction(tr("&Import…"), this);
    m_import->setObjectName(QStringLiteral("actionImport"));
    m_import->setStatusTip(
        tr("Create users, posts, comments or todos from a CSV or JSON file, checked row by row first"));
    fileMenu->insertAction(fileBefore, m_import);
    connect(m_import, &QAction::triggered, this, &JobsFlow::openImport);

    m_bulkEdit = new QAction(tr("&Bulk Edit…"), this);
    m_bulkEdit->setObjectName(QStringLiteral("actionBulkEdit"));
    m_bulkEdit->setStatusTip(tr("Set one field to the same value on every selected user"));
    usersMenu->addAction(m_bulkEdit);
    connect(m_bulkEdit, &QAction::triggered, this, &JobsFlow::openBulkEdit);

    if (auto *layout = qobject_cast<QBoxLayout *>(errors->parentWidget()->layout()))
        layout->insertWidget(layout->indexOf(errors), m_banner);
    updateActions();
}

void JobsFlow::followSession(SessionController *session, SandboxLauncher *sandbox)
{
    // Until the new profile is connected there is no server to record a job against or resume one on:
    // the last one's name must not send a job to wherever the client points next.
    connect(session, &SessionController::profileChanged, this, [this] { setEndpoint({}); });
    connect(session, &SessionController::connected, this, [this, session, sandbox] {
        setEndpoint(session->profile().isEmbeddedSandbox()
                ? JobJournal::builtinSandboxEndpoint(sandbox->dataDirectory())
                : m_client->baseUrl().toString());
    });
}

void JobsFlow::setEndpoint(const QString &endpoint)
{
    m_jobs->setEndpoint(endpoint);
    m_banner->refresh();
    updateActions();
}

void JobsFlow::updateActions()
{
    const bool connected = !m_jobs->endpoint().isEmpty() && m_jobs->journal()->isOpen();
    if (m_import)
        m_import->setEnabled(connected);
    if (m_bulkEdit)
        m_bulkEdit->setEnabled(connected && m_table && m_table->selectedUsers().size() >= 2);
}

void JobsFlow::deleteUsers(const QList<User> &users)
{
    QString error;
    if (m_jobs->deleteUsers(users, &error))
        return;
    // Nothing was sent: they are all still on the server.
    QList<ResourceId> ids;
    for (const User &u : users)
        ids << u.id;
    if (m_model)
        m_model->putBack(ids);
    showError(error);
}

void JobsFlow::settleHeldRows(const QList<JobItem> &items, bool final)
{
    // Rows a held delete took out of the table: gone for good once deleted, back once the server kept them,
    // and, when the job ends without settling them (stopped, outcome not known), back until a resume does.
    QList<ResourceId> gone;
    QList<ResourceId> back;
    QList<ResourceId> alreadyGone;
    for (const JobItem &item : items) {
        if (!m_model || item.operation != JobItem::Operation::Delete || !m_model->isHeldBack(item.userId))
            continue;
        if (item.state == JobItem::State::Applied && item.alreadyGone)
            alreadyGone << item.userId;
        else if (item.state == JobItem::State::Applied)
            gone << item.userId;
        else if (item.state == JobItem::State::Failed || final)
            back << item.userId;
    }
    if (m_model) {
        m_model->forgetHeldBack(gone, alreadyGone);
        m_model->putBack(back);
    }
}

void JobsFlow::openImport()
{
    if (auto *open = m_window->findChild<ImportDialog *>(); open && open->isVisible()) {
        open->raise();
        return;
    }
    auto *dialog = new ImportDialog(m_window);
    dialog->setObjectName(QStringLiteral("importDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImportDialog::importRequested, this,
        [this](const QList<ImportRow> &rows, const QString &file) {
            QList<JobItem> items;
            for (const ImportRow &row : rows) {
                JobItem item;
                item.operation = JobItem::Operation::Create;
                item.draft = row.draft;
                item.source = row.source;
                items.append(item);
            }
            QString error;
            if (!m_jobs->start(QStringLiteral("import"), file, items, &error))
                showError(error);
        });
    connect(dialog, &ImportDialog::recordImportRequested, this,
        [this](const QString &resource, const ResourceId &parentId, const QList<RecordImportRow> &rows,
            const QString &file) {
            QList<JobItem> items;
            for (const RecordImportRow &row : rows) {
                JobItem item;
                item.operation = JobItem::Operation::Create;
                item.resource = resource;
                item.parentId = parentId;
                item.fields = row.fields;
                item.source = row.source;
                items.append(item);
            }
            QString error;
            if (!m_jobs->start(JobController::importKind(resource), file, items, &error))
                showError(error);
        });
    dialog->open();
    if (dialog->fileName().isEmpty())
        dialog->chooseFile();
}

void JobsFlow::openBulkEdit()
{
    const QList<User> users = m_table ? m_table->selectedUsers() : QList<User>();
    if (users.size() < 2)
        return;
    auto *dialog = new BulkEditDialog(users, m_window);
    dialog->setObjectName(QStringLiteral("bulkEditDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, users] {
        QString error;
        if (!m_jobs->updateUsers(users, dialog->draft(), &error))
            showError(error);
    });
    dialog->open();
}

bool JobsFlow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::Close && m_jobs->isRunning() && !m_quitWhenIdle) {
        event->ignore();
        askBeforeQuit();
        return true;
    }
    return QObject::eventFilter(watched, event);
}

void JobsFlow::askBeforeQuit()
{
    if (auto *open = m_window->findChild<QMessageBox *>(QStringLiteral("quitJobBox"));
        open && open->isVisible())
        return;
    const std::optional<JobSummary> job = m_jobs->journal()->job(m_jobs->runningJobId());
    const QString what = job ? JobController::jobTitle(*job) : tr("A bulk job");
    QString text = tr("%1 is running (%2 of them done). Stop it now? It stays in the journal, and the next "
                      "start offers to resume it. Or wait for it to finish, and quit then.")
                       .arg(what)
                       .arg(job ? job->applied + job->failed : 0);
    // A delete held in its grace period is part of the same answer: either way it is not sent.
    const int held = m_deletion->hasHeldDelete() ? int(m_deletion->heldUsers().size()) : 0;
    if (held > 0)
        text += QStringLiteral("\n\n")
            + tr(
                "The delete of %n user(s) has not been sent yet. Either way it is dropped when you quit, and "
                "nothing of it is deleted.",
                nullptr, held);
    auto *box = new QMessageBox(QMessageBox::Question,
        held > 0 ? tr("A bulk job is running and a delete is not sent yet") : tr("A bulk job is running"),
        text, QMessageBox::Cancel, m_window);
    box->setObjectName(QStringLiteral("quitJobBox"));
    QPushButton *stop = box->addButton(tr("Stop and Quit"), QMessageBox::DestructiveRole);
    stop->setObjectName(QStringLiteral("quitStopButton"));
    QPushButton *wait = box->addButton(tr("Wait, then Quit"), QMessageBox::AcceptRole);
    wait->setObjectName(QStringLiteral("quitWaitButton"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    // The held delete went out (or was undone) while the question was open: it no longer says what happens.
    if (held > 0)
        connect(m_deletion, &UserDeletion::heldDeleteEnded, box, [box] {
            if (box->isVisible())
                box->reject();
        });
    connect(box, &QMessageBox::finished, this, [this, box, stop, wait](int) {
        if (box->clickedButton() != stop && box->clickedButton() != wait)
            return;
        m_deletion->undoHeld(); // as the question said: nothing of it is sent
        m_quitWhenIdle = true;
        if (box->clickedButton() == stop)
            m_jobs->stop();
        else
            showMessage(tr("UserDesk quits when the bulk job ends."));
        if (!m_jobs->isRunning())
            QTimer::singleShot(0, m_window, &QWidget::close);
    });
    box->open();
}

void JobsFlow::onFinished(const JobSummary &job, bool complete, qint64 elapsedMs)
{
    const QString title = JobController::jobTitle(job);
    QString text;
    const QList<JobItem> items = m_jobs->journal()->items(job.id);
    // Deletes answered 404 count as done; the person still hears that someone else was first.
    const auto gone = std::count_if(items.cbegin(), items.cend(), [](const JobItem &item) {
        return item.operation == JobItem::Operation::Delete && item.state == JobItem::State::Applied
            && item.alreadyGone;
    });
    if (complete) {
        text = tr("%1 finished: %2 applied, %3 not applied.").arg(title).arg(job.applied).arg(job.failed);
        if (gone > 0)
            text += QLatin1Char(' ')
                + tr("%n of them had already been deleted on the server.", nullptr, static_cast<int>(gone));
    } else {
        text = tr("%1 stopped: %2 applied, %3 not applied, %4 not known, %5 not sent yet; it can be resumed.")
                   .arg(title)
                   .arg(job.applied)
                   .arg(job.failed)
                   .arg(job.sent)
                   .arg(job.pending);
    }
    showMessage(text);
    settleHeldRows(items, true);
    if (elapsedMs >= JobNotifier::MinimumMs && !m_window->isActiveWindow())
        m_notifier->notify(complete ? tr("Bulk job finished") : tr("Bulk job stopped"), text);
    // What was settled by reading the server on a resume left no signal for the table: read it again.
    if (m_model)
        m_model->refresh();
    // Records a job made are read again by every pane that lists their resource.
    QSet<QString> resources;
    for (const JobItem &item : items)
        if (item.isRecord() && item.state == JobItem::State::Applied)
            resources.insert(item.resource);
    for (RecordListPane *pane : m_window->findChildren<RecordListPane *>())
        if (resources.contains(pane->schema().name))
            pane->reload();

    if (m_quitWhenIdle) {
        if (!m_jobs->isRunning() && (!complete || m_jobs->queued() == 0))
            QTimer::singleShot(0, m_window, &QWidget::close);
        return;
    }
    m_banner->refresh();
    if (job.failed == 0)
        return;
    QStringList lines;
    for (const JobItem &item : items) {
        if (item.state != JobItem::State::Failed)
            continue;
        if (lines.size() == 15) {
            lines << tr("…and %n more", nullptr, job.failed - 15);
            break;
        }
        lines << tr("• %1: %2").arg(item.source, item.message);
    }
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Some items were not applied"),
        text + QStringLiteral("\n\n") + tr("These were not applied:") + QLatin1Char('\n')
            + lines.join(QLatin1Char('\n')),
        QMessageBox::Ok, m_window);
    box->setObjectName(QStringLiteral("jobReportBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void JobsFlow::showMessage(const QString &text)
{
    m_window->statusBar()->showMessage(text, 15000);
}

void JobsFlow::showError(const QString &text)
{
    if (m_errors)
        m_errors->showError(text);
}

} // namespace UserDesk
