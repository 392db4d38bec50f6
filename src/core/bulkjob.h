#pragma once

#include "apiclient.h"
#include "jobjournal.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

namespace UserDesk {

// Runs one journaled job (import, bulk edit, bulk delete) through ApiClient's public calls. Each item is
// marked Sent in the journal before its request is handed over and gets its outcome after; an item the
// journal already shows as Sent (an earlier run was cut off) is settled by reading the server before it is
// sent again, so a resume never duplicates a create nor repeats an edit or delete wrongly:
// create -> look the email up, page after page of matches, and accept only a record matching every field
// (applied, never called created: it may have existed before); update -> GET and compare; delete -> GET,
// and 404 means applied, to the GET or to the DELETE sent after it. A record create (a post, comment or
// todo) is looked for by its schema's identifying fields, page after page, and counted applied when a
// record holds exactly those and no other item of the job has claimed it (a file may hold the same row
// twice); else it is sent again. An outcome that stays unknown (the connection broke after the request
// may have arrived) leaves the item Sent, and the job resumable.
class BulkJob : public QObject
{
    Q_OBJECT
public:
    BulkJob(ApiClient *client, JobJournal *journal, qint64 jobId, QObject *parent = nullptr);

    // Loads the job's items and starts every one that is not final; false with a full sentence if the job
    // is not in the journal. finished() follows later, also when nothing was left to do.
    bool start(QString *error = nullptr);
    // Sends nothing more and cancels what is outstanding; the job stays in the journal, resumable.
    void stop();
    bool isRunning() const { return m_running; }

    qint64 jobId() const { return m_jobId; }
    int total() const { return int(m_items.size()); }
    int applied() const { return m_applied; }
    int failed() const { return m_failed; }
    int unknown() const { return m_unknown; }
    const QList<JobItem> &items() const { return m_items; }

    // Items sent at most at once: a kill leaves at most this many outcomes to settle.
    void setWindow(int items) { m_window = std::max(1, items); }

    // Whether an error proves that the request did not change anything on the server.
    static bool provesNotApplied(const ApiError &error);
    // What a delete answered 404 Not Found is recorded with: the user is gone, as the job meant. The item
    // says so in JobItem::alreadyGone; this message is only for people to read.
    static QString alreadyDeleted(const ResourceId &userId);

Q_SIGNALS:
    // An item ended: Applied, Failed, or still Sent when its outcome is unknown.
    void itemFinished(const UserDesk::JobItem &item);
    void progress(int done, int total);
    // Every item was handled; complete when each one is Applied or Failed (nothing left to resume).
    void finished(bool complete);

private:
    enum class Step { Reconcile, Send };
    struct Outstanding
    {
        int index = 0;
        Step step = Step::Send;
        int page = 1; // the page of email matches a create's resume reads
    };

    void fill();
    void send(int index);
    void reconcile(int index, int page = 1);
    void settle(int index, JobItem::State state, const QString &message, const ResourceId &userId = {},
        const ResourceId &recordId = {});
    // Applied: the delete found the user gone already (404).
    void settleAlreadyGone(int index);
    void sendRecord(int index);
    void reconcileRecord(int index, int page);
    // Whether `record` holds every identifying field of the record item `item` means to create.
    static bool identifies(const ResourceSchema &schema, const JobItem &item, const QJsonObject &record);
    void onCreated(ApiClient::RequestId id, const User &user);
    void onUpdated(ApiClient::RequestId id, const User &user);
    void onDeleted(ApiClient::RequestId id, const ResourceId &userId);
    void onReceived(ApiClient::RequestId id, const User &user);
    void onPage(ApiClient::RequestId id, const UsersPage &page);
    void onRecordCreated(ApiClient::RequestId id, const QString &resource, const QJsonObject &record);
    void onRecordsPage(ApiClient::RequestId id, const RecordsPage &page);
    void onFailed(ApiClient::RequestId id, const ApiError &error);
    void checkFinished();

    QPointer<ApiClient> m_client;
    JobJournal *m_journal;
    qint64 m_jobId;
    QList<JobItem> m_items;
    QList<int> m_todo; // indexes still to start, in order
    QHash<ApiClient::RequestId, Outstanding> m_outstanding;
    QSet<QString> m_claimed; // "posts/12": records applied items of this job were matched to
    int m_window = 12;
    int m_done = 0;
    int m_applied = 0;
    int m_failed = 0;
    int m_unknown = 0;
    bool m_running = false;
    bool m_stopping = false;
};

} // namespace UserDesk
