#include "jobcontroller.h"

#include "bulkjob.h"

#include <QCoreApplication>
#include <QJsonDocument>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#endif

namespace UserDesk {

JobController::JobController(ApiClient *client, const QString &journalPath, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_journal(journalPath.isEmpty() ? JobJournal::defaultPath() : journalPath)
{
}

JobController::~JobController()
{
    if (m_job)
        m_job->disconnect(this);
}

bool JobController::open(QString *error)
{
    return m_journal.isOpen() || m_journal.open(error);
}

void JobController::setEndpoint(const QString &endpoint)
{
    if (endpoint == m_endpoint)
        return;
    // The queue was meant for the other server: it waits in the journal for the person.
    stop();
    m_endpoint = endpoint;
}

bool JobController::isAlive(qint64 pid)
{
#ifdef Q_OS_UNIX
    return pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM);
#else
    Q_UNUSED(pid);
    return false;
#endif
}

qint64 JobController::runningJobId() const
{
    return m_job ? m_job->jobId() : 0;
}

bool JobController::isQueuedOrRunning(qint64 jobId) const
{
    return runningJobId() == jobId || m_queue.contains(jobId);
}

qint64 JobController::start(
    const QString &kind, const QString &description, const QList<JobItem> &items, QString *error)
{
    QString why;
    if (!open(&why)) {
        if (error)
            *error = tr("The job could not be written to the journal, so nothing was sent: %1").arg(why);
        return 0;
    }
    if (m_endpoint.isEmpty() || !m_client) {
        if (error)
            *error = tr("There is no server to send the job to; connect to a profile first.");
        return 0;
    }
    const qint64 id = m_journal.createJob(kind, m_endpoint, description, items);
    if (id == 0) {
        if (error)
            *error = tr("The job could not be written to the journal, so nothing was sent: %1")
                         .arg(m_journal.lastError());
        return 0;
    }
    m_queue.append(id);
    Q_EMIT queueChanged();
    next();
    return id;
}

qint64 JobController::deleteUsers(const QList<User> &users, QString *error)
{
    QList<JobItem> items;
    for (const User &u : users) {
        JobItem item;
        item.operation = JobItem::Operation::Delete;
        item.userId = u.id;
        item.source = tr("user %1 (%2)").arg(u.id.toString(), u.email);
        items.append(item);
    }
    return start(
        QStringLiteral("bulk-delete"), tr("delete %n user(s)", nullptr, int(users.size())), items, error);
}

qint64 JobController::updateUsers(const QList<User> &users, const UserDraft &draft, QString *error)
{
    QList<JobItem> items;
    for (const User &u : users) {
        JobItem item;
        item.operation = JobItem::Operation::Update;
        item.userId = u.id;
        item.draft = draft;
        item.source = tr("user %1 (%2)").arg(u.id.toString(), u.email);
        items.append(item);
    }
    return start(QStringLiteral("bulk-update"),
        tr("set %1 on %n user(s)", nullptr, int(users.size()))
            .arg(QString::fromUtf8(QJsonDocument(draft.toJson()).toJson(QJsonDocument::Compact))),
        items, error);
}

bool JobController::resume(qint64 jobId, QString *error)
{
    auto fail = [error](const QString &sentence) {
        if (error)
            *error = sentence;
        return false;
    };
    QString why;
    if (!open(&why))
        return fail(why);
    if (isQueuedOrRunning(jobId))
        return true;
    const std::optional<JobSummary> job = m_journal.job(jobId);
    if (!job)
        return fail(tr("Job %1 is no longer in the journal.").arg(jobId));
    if (job->finished)
        return fail(tr("Job %1 is finished; there is nothing left to resume.").arg(jobId));
    const qint64 pid = QCoreApplication::applicationPid();
    if (job->ownerPid != pid && isAlive(job->ownerPid))
        return fail(tr("Job %1 is being run by process %2; wait for it to end or stop it first.")
                        .arg(jobId)
                        .arg(job->ownerPid));
    if (job->endpoint != m_endpoint)
        return fail(tr("Job %1 was started against %2; switch to the profile that points there to resume it.")
                        .arg(jobId)
                        .arg(job->endpoint));
    // Taken in one statement: a CLI resuming the same job at the same moment must not send it too.
    if (job->ownerPid != pid && !m_journal.claim(jobId, pid, job->ownerPid))
        return fail(tr("Job %1 could not be taken over: %2").arg(jobId).arg(m_journal.lastError()));
    m_queue.append(jobId);
    Q_EMIT queueChanged();
    next();
    return true;
}

bool JobController::discard(qint64 jobId, QString *error)
{
    auto fail = [error](const QString &sentence) {
        if (error)
            *error = sentence;
        return false;
    };
    if (isQueuedOrRunning(jobId))
        return fail(tr("Job %1 is running; stop it before discarding it.").arg(jobId));
    const std::optional<JobSummary> job = m_journal.job(jobId);
    if (!job)
        return true;
    if (!job->finished && job->ownerPid != QCoreApplication::applicationPid() && isAlive(job->ownerPid))
        return fail(tr("Job %1 is being run by process %2; stop it before discarding it.")
                        .arg(jobId)
                        .arg(job->ownerPid));
    if (!m_journal.discard(jobId))
        return fail(m_journal.lastError());
    Q_EMIT queueChanged();
    return true;
}

void JobController::stop()
{
    const bool hadQueue = !m_queue.isEmpty();
    m_queue.clear();
    if (m_job)
        m_job->stop(); // finished() follows, and with it jobFinished
    else if (hadQueue)
        Q_EMIT queueChanged();
}

QList<JobSummary> JobController::interrupted() const
{
    QList<JobSummary> result;
    if (!m_journal.isOpen())
        return result;
    const qint64 pid = QCoreApplication::applicationPid();
    for (const JobSummary &job : m_journal.jobs(true)) {
        if (isQueuedOrRunning(job.id) || (job.ownerPid != pid && isAlive(job.ownerPid)))
            continue;
        result.append(job);
    }
    return result;
}

QString JobController::importKind(const QString &resource)
{
    return resource == QLatin1String("users") ? QStringLiteral("import")
                                              : QStringLiteral("import-") + resource;
}

QString JobController::jobTitle(const JobSummary &job)
{
    if (job.kind == QLatin1String("import"))
        return tr("An import of %n user(s)", nullptr, job.total);
    if (job.kind == importKind(QStringLiteral("posts")))
        return tr("An import of %n post(s)", nullptr, job.total);
    if (job.kind == importKind(QStringLiteral("comments")))
        return tr("An import of %n comment(s)", nullptr, job.total);
    if (job.kind == importKind(QStringLiteral("todos")))
        return tr("An import of %n todo(s)", nullptr, job.total);
    if (job.kind == QLatin1String("bulk-update"))
        return tr("A bulk edit of %n user(s)", nullptr, job.total);
    if (job.kind == QLatin1String("bulk-delete"))
        return tr("A bulk delete of %n user(s)", nullptr, job.total);
    return tr("A job of %n item(s)", nullptr, job.total);
}

QString JobController::progressFormat(const QString &kind)
{
    if (kind.startsWith(QLatin1String("import")))
        return tr("Importing %v of %m");
    if (kind == QLatin1String("bulk-update"))
        return tr("Editing %v of %m");
    return tr("Deleting %v of %m");
}

void JobController::next()
{
    if (m_job || m_queue.isEmpty() || !m_client)
        return;
    const qint64 id = m_queue.takeFirst();
    m_job = new BulkJob(m_client, &m_journal, id, this);
    connect(m_job, &BulkJob::progress, this,
        [this, id](int done, int total) { Q_EMIT progress(id, done, total); });
    connect(m_job, &BulkJob::itemFinished, this,
        [this, id](const JobItem &item) { Q_EMIT itemFinished(id, item); });
    connect(m_job, &BulkJob::finished, this, &JobController::onFinished);
    QString error;
    if (!m_job->start(&error)) {
        delete m_job;
        m_job = nullptr;
        Q_EMIT queueChanged();
        next();
        return;
    }
    m_elapsed.start();
    if (const std::optional<JobSummary> job = m_journal.job(id))
        Q_EMIT jobStarted(*job);
    Q_EMIT queueChanged();
}

void JobController::onFinished(bool complete)
{
    BulkJob *job = std::exchange(m_job, nullptr);
    const qint64 id = job->jobId();
    job->disconnect(this);
    job->deleteLater();
    // One that could not finish (stopped, canceled by a profile switch, outcomes not known) stops the
    // queue: what comes after it waits for the person, in the journal.
    if (!complete)
        m_queue.clear();
    JobSummary summary;
    if (const std::optional<JobSummary> found = m_journal.job(id))
        summary = *found;
    else
        summary.id = id;
    Q_EMIT jobFinished(summary, complete, m_elapsed.elapsed());
    Q_EMIT queueChanged();
    next();
}

} // namespace UserDesk
