#include "deferreddelete.h"

#include "bulkjob.h"

namespace UserDesk {

DeferredDelete::DeferredDelete(
    ApiClient *client, JobJournal *journal, const QList<ResourceId> &ids, int graceMs, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_journal(journal)
    , m_ids(ids)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(std::max(0, graceMs));
    connect(&m_timer, &QTimer::timeout, this, &DeferredDelete::sendNow);
}

DeferredDelete::DeferredDelete(const QList<ResourceId> &ids, int graceMs, QObject *parent)
    : DeferredDelete(nullptr, nullptr, ids, graceMs, parent)
{
}

void DeferredDelete::start()
{
    if (m_state == State::Waiting)
        m_timer.start();
}

bool DeferredDelete::undo()
{
    if (m_state != State::Waiting)
        return false;
    m_timer.stop();
    m_state = State::Undone;
    Q_EMIT undone();
    return true;
}

void DeferredDelete::sendNow()
{
    if (m_state != State::Waiting)
        return;
    m_timer.stop();
    m_state = State::Sending;
    Q_EMIT due(m_ids);
    if (!m_journal || !m_client) {
        m_state = State::Finished; // the owner sends them
        return;
    }
    QList<JobItem> items;
    for (const ResourceId &id : std::as_const(m_ids)) {
        JobItem item;
        item.operation = JobItem::Operation::Delete;
        item.userId = id;
        item.source = tr("user %1").arg(id.toString());
        items.append(item);
    }
    m_jobId = m_journal->createJob(QStringLiteral("bulk-delete"), m_client->baseUrl().toString(),
        tr("delete %n user(s)", nullptr, static_cast<int>(m_ids.size())), items);
    if (m_jobId == 0) {
        m_state = State::Finished;
        Q_EMIT finished(false,
            tr("The delete was not sent because it could not be written to the job journal: %1")
                .arg(m_journal->lastError()));
        return;
    }
    m_job = new BulkJob(m_client, m_journal, m_jobId, this);
    connect(m_job, &BulkJob::finished, this, [this](bool complete) {
        m_state = State::Finished;
        Q_EMIT finished(complete, QString());
    });
    QString error;
    if (!m_job->start(&error)) {
        m_state = State::Finished;
        Q_EMIT finished(false, error);
        return;
    }
    Q_EMIT sending(m_jobId);
}

} // namespace UserDesk
