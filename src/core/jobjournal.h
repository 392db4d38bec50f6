#pragma once

#include "resourceid.h"
#include "userdraft.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

QT_BEGIN_NAMESPACE
class QSqlQuery;
QT_END_NAMESPACE
#include <memory>
#include <optional>
#include <unordered_map>

namespace UserDesk {

// One item of a journaled bulk job: what it means to do (its intent) and how far it got.
struct JobItem
{
    enum class Operation { Create, Update, Delete };
    // Pending: not sent yet. Sent: may have reached the server, outcome not known (a resume reads the
    // server before sending it again). Applied and Failed are final.
    enum class State { Pending, Sent, Applied, Failed };

    int index = 0; // position in the job, from 0
    Operation operation = Operation::Create;
    ResourceId userId; // the target of an update or delete; the created user's id once a create is applied
    UserDraft draft; // the fields a create or update sends
    QString source; // where the item came from, e.g. "row 12", for messages
    // A record of another resource (a create of a post, comment or todo): its schema's name, the parent
    // of the nested route it is sent to (null: the parent is among the fields, or there is none), the
    // fields it sends and, once applied, the record's id. Empty for an item about users.
    QString resource;
    ResourceId parentId;
    QJsonObject fields;
    ResourceId recordId;
    State state = State::Pending;
    QString message; // why it failed, or what was found when it was reconciled
    // An applied delete the server answered 404 Not Found: the user was gone already (deleted by someone
    // else first, or by an earlier run's request whose answer never came), as the job meant. A fact of the
    // item, kept apart from its message, which is in the language of the process that ran it.
    bool alreadyGone = false;

    bool isRecord() const { return !resource.isEmpty(); }

    static QString operationName(Operation operation);
    static std::optional<Operation> operationFromName(const QString &name);
    static QString stateName(State state);
    static std::optional<State> stateFromName(const QString &name);
};

// A job as the journal lists it.
struct JobSummary
{
    qint64 id = 0;
    QString kind; // "import" (users), "import-posts", "import-comments", "import-todos", "bulk-update",
                  // "bulk-delete"
    QString endpoint; // base URL the job was started against; a resume goes to the same server
    QString description;
    QDateTime createdAt;
    QDateTime updatedAt;
    qint64 ownerPid = 0; // the process that last ran it
    bool finished = false; // every item is applied or failed
    int total = 0;
    int pending = 0;
    int sent = 0;
    int applied = 0;
    int failed = 0;
};

// The durable record of bulk jobs (import, bulk edit, bulk delete), in SQLite, shared by the app and the
// CLI: a job and all its items' intents are written in one transaction before the first request, and each
// item's state before it is sent and after its outcome (that one with the next item's Sent, see
// holdWrites()), so that a quit, crash or kill loses nothing a resume cannot settle by reading the server.
// WAL mode and a busy timeout let the app and the CLI use the same file; each instance has its own
// connection name.
class JobJournal
{
public:
    // The journal's default file, one place for the app and the CLI (their application names differ, so
    // AppDataLocation would not be shared): $USERDESK_JOURNAL if set, else
    // GenericDataLocation/UserDesk/jobs.sqlite.
    static QString defaultPath();
    // What jobs against the window's built-in sandbox record as their endpoint: its data folder (its port
    // changes from run to run). Only the window can resume them: the CLI does not start that sandbox.
    static QString builtinSandboxEndpoint(const QString &dataDirectory);
    // The data folder of such an endpoint; empty when `endpoint` is a server's URL.
    static QString builtinSandboxFolder(const QString &endpoint);

    explicit JobJournal(const QString &path = defaultPath());
    ~JobJournal();
    JobJournal(const JobJournal &) = delete;
    JobJournal &operator=(const JobJournal &) = delete;

    // Opens (creating the file and its folder if needed); false with a full-sentence error if it cannot.
    bool open(QString *error = nullptr);
    bool isOpen() const { return m_open; }
    QString path() const { return m_path; }
    QString lastError() const { return m_lastError; }

    // Writes a job with every item, all Pending, in one transaction; returns its id, or 0 on failure.
    qint64 createJob(const QString &kind, const QString &endpoint, const QString &description,
        const QList<JobItem> &items);
    // Marks items Sent (one transaction for the lot); called before the requests are handed to the client.
    bool markSent(qint64 jobId, const QList<int> &indexes);
    // Records an item's outcome (or, with State::Sent, that it is still unknown, with why), the id of
    // the user or record a create made, and whether a delete found the user already gone.
    bool setItemState(qint64 jobId, int index, JobItem::State state, const QString &message = {},
        const ResourceId &userId = {}, const ResourceId &recordId = {}, bool alreadyGone = false);
    // Keeps the writes that follow in one open transaction until markSent() or commitHeld(): a job settles
    // one item and sends the next with one commit instead of two. What is held is lost to a kill; for an
    // item settled that way the journal still says Sent, and a resume reads the server before sending it
    // again, as it does for any item whose answer never came.
    void holdWrites();
    bool commitHeld();
    // Claims the job for this process (a resume records who runs it now).
    bool setOwner(qint64 jobId, qint64 pid);
    // Makes `pid` the job's owner only if `previousOwner` still is, in one statement: of two processes
    // resuming the same job at once, one gets it.
    bool claim(qint64 jobId, qint64 pid, qint64 previousOwner);
    // Removes a job and its items.
    bool discard(qint64 jobId);

    std::optional<JobSummary> job(qint64 jobId) const;
    // Every job, newest first; unfinishedOnly leaves out those whose items are all final.
    QList<JobSummary> jobs(bool unfinishedOnly = false) const;
    QList<JobItem> items(qint64 jobId) const;

private:
    bool exec(const QString &sql, const QVariantList &values = {}) const;
    // \a sql prepared once for this journal: an import repeats the same few writes for every item, and
    // preparing each anew cost more than the write.
    QSqlQuery *statement(const QString &sql) const;
    // Adds the columns of later formats to an older journal, in one transaction; its items stay as they
    // were, except that a delete an older UserDesk recorded as already gone is marked so (see
    // markAlreadyGone()).
    bool upgrade();
    // Before format 4 a delete answered 404 was told only by its message: those in English or in the
    // language of this process are recognised (a message in any other language reads as deleted by the job).
    bool markAlreadyGone();
    bool fail(const QString &what) const;
    void touch(qint64 jobId);

    QString m_path;
    QString m_connection;
    bool m_open = false;
    bool m_holding = false; // a transaction is open for holdWrites()
    mutable QString m_lastError;
    mutable std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_statements;
};

} // namespace UserDesk
