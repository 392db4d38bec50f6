#pragma once

#include "apiclient.h"
#include "jobjournal.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

namespace UserDesk {

class BulkJob;

// The window's bulk jobs (import, bulk edit, bulk delete), run one at a time through the same core as the
// CLI's: each job and its items are written to the journal (JobJournal) before its first request and run by
// a BulkJob, so a quit, crash or kill leaves it resumable, by the window or by 'userdesk-cli jobs resume'.
// Jobs started while one runs wait in a queue; a job that ends unfinished (stopped, canceled, outcomes
// not known) stops the queue, whose jobs stay in the journal for the person to resume. No widgets.
class JobController : public QObject
{
    Q_OBJECT
public:
    // `journalPath` empty: JobJournal::defaultPath().
    explicit JobController(ApiClient *client, const QString &journalPath = {}, QObject *parent = nullptr);
    ~JobController() override;

    // Opens the journal; false with a full sentence if it cannot (no job can start then).
    bool open(QString *error = nullptr);
    JobJournal *journal() { return &m_journal; }

    // What jobs started now are recorded against and what a resume must match: the server's base URL,
    // or a name for the built-in sandbox, whose port changes from run to run. Changing it stops the queue.
    void setEndpoint(const QString &endpoint);
    QString endpoint() const { return m_endpoint; }

    // Writes the job to the journal, then runs it (or queues it); its id, or 0 with a sentence in `error`.
    qint64 start(const QString &kind, const QString &description, const QList<JobItem> &items,
        QString *error = nullptr);
    qint64 deleteUsers(const QList<User> &users, QString *error = nullptr);
    qint64 updateUsers(const QList<User> &users, const UserDraft &draft, QString *error = nullptr);
    // Takes over a job that no living process runs and that was started against endpoint(); queues it.
    bool resume(qint64 jobId, QString *error = nullptr);
    // Forgets a job that nobody runs; what it did stays done.
    bool discard(qint64 jobId, QString *error = nullptr);
    // Sends nothing more, for the running job and the queue; they stay in the journal, resumable.
    void stop();

    bool isRunning() const { return m_job != nullptr; }
    qint64 runningJobId() const;
    int queued() const { return int(m_queue.size()); }
    bool isQueuedOrRunning(qint64 jobId) const;
    // Unfinished jobs in the journal that nobody runs now (this window's stopped ones, the CLI's, or those
    // of a run that was killed), newest first.
    QList<JobSummary> interrupted() const;

    // The kind of a job that imports records of `resource`: "import" for users, "import-posts" and so on.
    static QString importKind(const QString &resource);
    // A sentence that says what a job is about ("A bulk delete of 280 users"), for banners and reports.
    static QString jobTitle(const JobSummary &job);
    // "Deleting %v of %m" and the like, for a progress bar.
    static QString progressFormat(const QString &kind);
    static bool isAlive(qint64 pid);

Q_SIGNALS:
    void jobStarted(const UserDesk::JobSummary &job);
    void progress(qint64 jobId, int done, int total);
    void itemFinished(qint64 jobId, const UserDesk::JobItem &item);
    // complete: every item is applied or failed; elapsedMs: how long this run took.
    void jobFinished(const UserDesk::JobSummary &job, bool complete, qint64 elapsedMs);
    // The queue changed (a job was added, started, ended or dropped).
    void queueChanged();

private:
    void next();
    void onFinished(bool complete);

    QPointer<ApiClient> m_client;
    JobJournal m_journal;
    QString m_endpoint;
    QList<qint64> m_queue;
    BulkJob *m_job = nullptr;
    QElapsedTimer m_elapsed;
};

} // namespace UserDesk
