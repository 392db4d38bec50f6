#pragma once

#include "apiclient.h"
#include "jobjournal.h"

#include <QObject>
#include <QTimer>

namespace UserDesk {

class BulkJob;

// A delete that can be undone for a few seconds because nothing is sent until then, as react-admin's
// undoable mode does ("Deleted 5 users · Undo"): when the grace period ends, the ids become a journaled
// bulk-delete job (resumable like any other) and the requests go out. Undo within the grace period sends
// nothing and leaves nothing in the journal.
class DeferredDelete : public QObject
{
    Q_OBJECT
public:
    enum class State { Waiting, Undone, Sending, Finished };

    DeferredDelete(ApiClient *client, JobJournal *journal, const QList<ResourceId> &ids, int graceMs,
        QObject *parent = nullptr);
    // Only holds the ids back: when the grace period ends it emits due() and the owner sends them its own
    // way (the window's delete path); nothing is written or sent here.
    DeferredDelete(const QList<ResourceId> &ids, int graceMs, QObject *parent = nullptr);

    // Starts the grace period.
    void start();
    // Within the grace period: cancels the delete (nothing was sent). False once the requests went out.
    bool undo();
    // Ends the grace period now (e.g. the window is closing): the job is written and sent.
    void sendNow();

    State state() const { return m_state; }
    QList<ResourceId> ids() const { return m_ids; }
    int remainingMs() const { return m_timer.isActive() ? m_timer.remainingTime() : 0; }
    qint64 jobId() const { return m_jobId; }
    BulkJob *job() const { return m_job; }

Q_SIGNALS:
    void undone();
    // The grace period ended (or sendNow()): the deletes are to go out now.
    void due(const QList<ResourceId> &ids);
    // The grace period ended and the job was written; its requests are going out.
    void sending(qint64 jobId);
    // The job ended (complete: every item applied or failed for good), or could not be written (error).
    void finished(bool complete, const QString &error);

private:
    ApiClient *m_client = nullptr;
    JobJournal *m_journal = nullptr;
    QList<ResourceId> m_ids;
    QTimer m_timer;
    State m_state = State::Waiting;
    qint64 m_jobId = 0;
    BulkJob *m_job = nullptr;
};

} // namespace UserDesk
