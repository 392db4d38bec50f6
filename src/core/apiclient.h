#pragma once

#include "apierror.h"
#include "bulkresult.h"
#include "dialect.h"
#include "page.h"
#include "post.h"
#include "proxysettings.h"
#include "ratelimit.h"
#include "resourceid.h"
#include "resourceschema.h"
#include "retrypolicy.h"
#include "todo.h"
#include "user.h"
#include "userdraft.h"
#include "userfilter.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QNetworkProxy>
#include <QObject>
#include <QSet>
#include <QSslCertificate>
#include <QSslKey>
#include <QTimer>
#include <QUrl>
#include <deque>
#include <functional>
#include <memory>
#include <unordered_map>
#include <utility>

class QJsonDocument;
class QNetworkAccessManager;
class QNetworkReply;

namespace UserDesk {

class RequestLog;
class RestReply;

// The one way UserDesk talks to a GoRest-style server: a QNetworkAccessManager (a small pool of them when
// more than six requests may be in flight), a queue with a ceiling on requests in flight, pacing by the
// server's rate-limit headers, retries with backoff on a QTimer. Every operation returns an id at once and
// ends in exactly one signal carrying that id: its success signal or requestFailed. Nothing is ever emitted
// from inside the call that started the request.
class ApiClient : public QObject
{
    Q_OBJECT
public:
    using RequestId = quint64;
    enum class UpdateMethod { Patch, Put };

    explicit ApiClient(QObject *parent = nullptr);
    ~ApiClient() override;

    // Base URL of the API, e.g. https://gorest.co.in/public/v2. The token only ever goes to its origin.
    void setBaseUrl(const QUrl &url);
    QUrl baseUrl() const { return m_baseUrl; }
    void setToken(const QString &token);
    bool hasToken() const { return !m_token.isEmpty(); }
    void setTimeout(int milliseconds);
    int timeout() const { return m_timeoutMs; }
    void setRetryPolicy(const RetryPolicy &policy);
    const RetryPolicy &retryPolicy() const { return m_policy; }
    void setMaxInFlight(int requests);
    int maxInFlight() const { return m_maxInFlight; }
    void setMaxResponseBytes(qint64 bytes) { m_maxResponseBytes = bytes; }
    void setMaxJsonDepth(int depth) { m_maxJsonDepth = depth; }
    // SHA-256 fingerprints (hex) of certificates the person chose to trust for this profile.
    void setTrustedCertificates(const QStringList &sha256Fingerprints);
    // Certificate authorities to verify servers with instead of the system's (as curl's --cacert and
    // OpenSSL's SSL_CERT_FILE do); empty: the system's.
    void setCaCertificates(const QList<QSslCertificate> &certificates);
    // The same, read by \a reader only when the first https request (or redirect) starts: a system bundle
    // takes a third of a second to parse, which a session over http never needs. An empty list read keeps
    // what setCaCertificates() set. Replaced by a later setCaCertificates().
    void setCaCertificatesReader(std::function<QList<QSslCertificate>()> reader);
    // The certificate (with its key and any intermediates) shown to a server that asks for one; a null
    // certificate shows none.
    void setClientCertificate(
        const QSslCertificate &certificate, const QSslKey &key, const QList<QSslCertificate> &chain = {});
    void setPacingEnabled(bool enabled) { m_pacingEnabled = enabled; }
    // Every request goes through this proxy (with its user and password, if any) instead of what the
    // application's proxy settings say.
    void setProxy(const QNetworkProxy &proxy);
    // Every request asks `settings` where to go (the manual proxy with `password`, unless its host is on
    // the no-proxy list), loopback hosts included, which the application's proxy settings never cover;
    // replaces setProxy().
    void setProxySettings(const ProxySettings &settings, const QString &password);
    // How the server pages and filters lists (GoRest v2 unless set); see detectDialect().
    void setDialect(const Dialect &dialect) { m_dialect = dialect; }
    Dialect dialect() const { return m_dialect; }
    // Monotonic milliseconds; tests step it to make time-based decisions deterministic.
    void setClock(std::function<qint64()> nowMs) { m_clock = std::move(nowMs); }

    RequestLog *requestLog() const { return m_log; }
    RateLimitInfo rateLimit() const { return m_rateLimit; }
    int inFlightCount() const { return m_inFlight; }
    int queuedCount() const { return static_cast<int>(m_queue.size()); }
    bool isPending(RequestId id) const;

    RequestId listUsers(int page, int perPage, const UserFilter &filter = {});
    // Asks the server one list question every known dialect answers in its own way; ends in
    // dialectDetected (the dialect is not applied: the caller decides) or requestFailed.
    RequestId detectDialect();
    // Whether the token may write, asked without writing: a POST of an empty object to /users, sent once
    // (never retried, no look-ups). GoRest answers 422 (the fields are missing) to a token that may write and
    // 401 to one that may not, and creates nothing. Only for GoRest: a server that makes a record of
    // anything (json-server) would create one. Ends in writeAccessChecked with the HTTP status (2xx, 401,
    // 403 or 422) or requestFailed.
    RequestId checkWriteAccess();
    RequestId getUser(const ResourceId &id);
    RequestId createUser(const UserDraft &draft);
    RequestId updateUser(
        const ResourceId &id, const UserDraft &changes, UpdateMethod method = UpdateMethod::Patch);
    RequestId deleteUser(const ResourceId &id);
    RequestId listUserPosts(const ResourceId &userId, int page = 1, int perPage = 20);
    RequestId listUserTodos(const ResourceId &userId, int page = 1, int perPage = 20);

    // Any resource a schema describes (posts, comments, todos; users too), ids as the server gave them.
    // A parent id makes the nested route (/users/7/posts); filters are the schema's fields (substrings for
    // text, whole values otherwise, as the dialect spells them). Fields are checked against the schema
    // before anything is sent: a refusal then ends in requestFailed with the fields named, as a 422 does.
    // Writes follow the same outcome rules as users'; a create whose answer was lost is looked for by its
    // fields, and since no field is unique a match only makes it likely: the outcome stays unknown.
    RequestId listRecords(const ResourceSchema &schema, int page, int perPage,
        const QList<std::pair<QString, QString>> &filters = {}, const ResourceId &parentId = {});
    RequestId getRecord(const ResourceSchema &schema, const ResourceId &id);
    RequestId createRecord(
        const ResourceSchema &schema, const QJsonObject &fields, const ResourceId &parentId = {});
    RequestId updateRecord(const ResourceSchema &schema, const ResourceId &id, const QJsonObject &fields,
        UpdateMethod method = UpdateMethod::Patch);
    RequestId deleteRecord(const ResourceSchema &schema, const ResourceId &id);

    // Bulk work: every item also ends in its own userDeleted/userCreated/requestFailed (with its own id),
    // and the bulk id ends in bulkFinished with a result per item.
    RequestId deleteUsers(const QList<ResourceId> &ids);
    RequestId createUsers(const QList<UserDraft> &drafts);
    // Sends a logged request again as it was (the request log's Re-send), with this client's token where
    // its origin is the base URL's. Ends in resent (any HTTP answer, 4xx and 5xx included, is in the log)
    // or requestFailed when no answer came. A write is sent once, never retried; its outcome is Unknown
    // when its answer was lost.
    RequestId resend(const QByteArray &method, const QUrl &url, const QByteArray &body);

    // Whether the user holds every field the draft sets (text trimmed, the email in any case): the one test
    // of "holds what was sent", for a create's look-up, a change's read-back and a job's resume.
    static bool matchesDraft(const User &user, const UserDraft &draft);

    // Ends a request, retry wait or bulk job with a Canceled error; false when the id is not pending.
    bool cancel(RequestId id);
    void cancelAll();
    // Ends every request that is not on the wire right now (queued, or waiting for a retry); those in
    // flight go on and end as usual.
    void cancelQueued();

Q_SIGNALS:
    void usersPageReceived(UserDesk::ApiClient::RequestId id, const UserDesk::UsersPage &page);
    void userReceived(UserDesk::ApiClient::RequestId id, const UserDesk::User &user);
    void userCreated(UserDesk::ApiClient::RequestId id, const UserDesk::User &user);
    void userUpdated(UserDesk::ApiClient::RequestId id, const UserDesk::User &user);
    void userDeleted(UserDesk::ApiClient::RequestId id, const UserDesk::ResourceId &userId);
    void postsReceived(UserDesk::ApiClient::RequestId id, const UserDesk::ResourceId &userId,
        const QList<UserDesk::Post> &posts, const UserDesk::PageInfo &info);
    void todosReceived(UserDesk::ApiClient::RequestId id, const UserDesk::ResourceId &userId,
        const QList<UserDesk::Todo> &todos, const UserDesk::PageInfo &info);
    void recordsPageReceived(UserDesk::ApiClient::RequestId id, const UserDesk::RecordsPage &page);
    void recordReceived(
        UserDesk::ApiClient::RequestId id, const QString &resource, const QJsonObject &record);
    void recordCreated(UserDesk::ApiClient::RequestId id, const QString &resource, const QJsonObject &record);
    void recordUpdated(UserDesk::ApiClient::RequestId id, const QString &resource, const QJsonObject &record);
    void recordDeleted(
        UserDesk::ApiClient::RequestId id, const QString &resource, const UserDesk::ResourceId &recordId);
    void requestFailed(UserDesk::ApiClient::RequestId id, const UserDesk::ApiError &error);
    void dialectDetected(UserDesk::ApiClient::RequestId id, const UserDesk::Dialect &dialect);
    // The answer to checkWriteAccess(): 422, the token may write; 401 or 403, it may not (`message` is the
    // server's reason); 2xx, the server took the empty object and may have created a record of it.
    void writeAccessChecked(UserDesk::ApiClient::RequestId id, int httpStatus, const QString &message);
    void resent(UserDesk::ApiClient::RequestId id, int httpStatus);

    // A retry will start in delayMs; `attempt` is the number of the attempt that is waiting.
    void retryScheduled(
        UserDesk::ApiClient::RequestId id, int attempt, int delayMs, const UserDesk::ApiError &reason);
    void rateLimitChanged(const UserDesk::RateLimitInfo &info);
    // The queue holds back for delayMs to stay inside the server's rate limit (0: it goes on).
    void pacingWait(int delayMs);
    void bulkProgress(UserDesk::ApiClient::RequestId bulkId, int done, int total);
    void bulkFinished(UserDesk::ApiClient::RequestId bulkId, const QList<UserDesk::BulkItemResult> &results);
    // Nothing queued, waiting or in flight any more.
    void idle();

private:
    enum class Operation {
        ListUsers,
        GetUser,
        CreateUser,
        UpdateUser,
        DeleteUser,
        ListPosts,
        ListTodos,
        DetectDialect,
        ListRecords,
        GetRecord,
        CreateRecord,
        UpdateRecord,
        DeleteRecord,
        CheckWriteAccess,
        Resend
    };
    struct Call;
    struct Bulk;

    static bool isCreate(Operation op)
    {
        return op == Operation::CreateUser || op == Operation::CreateRecord;
    }
    static bool isUpdate(Operation op)
    {
        return op == Operation::UpdateUser || op == Operation::UpdateRecord;
    }
    static bool isDelete(Operation op)
    {
        return op == Operation::DeleteUser || op == Operation::DeleteRecord;
    }
    static bool isWrite(Operation op) { return isCreate(op) || isUpdate(op) || isDelete(op); }
    // A request of the log sent again by hand that changes the server: a new write, sent once.
    static bool isResentWrite(const Call &call);
    // Adds a re-sent write's outcome (applied, not applied, unknown) to its exchange's note in the log.
    void noteResendOutcome(const Call &call, const QString &outcome);

    RequestId enqueue(std::unique_ptr<Call> call);
    // Ends a request that was refused before sending, never from inside the call that started it.
    RequestId refuseBeforeSending(std::unique_ptr<Call> call, const ApiError &error);
    std::unique_ptr<Call> recordCall(Operation op, const ResourceSchema &schema);
    // Fields a create or update may send: the schema's writable ones, valid; a refusal otherwise.
    std::optional<ApiError> checkRecordFields(
        const ResourceSchema &schema, const QJsonObject &fields, bool requireAll, bool parentFromPath) const;
    // `fields` with each reference written as the server keeps ids (text for json-server 1.x).
    QJsonObject referencesAsServerKeepsThem(const ResourceSchema &schema, QJsonObject fields) const;
    QUrl recordLookupUrl(const Call &call) const;
    void onRecordSuccess(Call &call, const RestReply &reply, const QJsonDocument &doc,
        const std::function<void(const QString &)> &bad);
    void onRecordReadBack(
        Call &call, const QJsonDocument &doc, const std::function<void(const QString &)> &bad);
    // A delete that took effect (or found the record gone) ends in its signal.
    void finishDeleted(Call &call);
    static QString recordText(const QString &resource, int what, const QString &id);
    RequestId enqueueList(Operation op, const QString &path, const ResourceId &targetId, int page,
        int perPage, const UserFilter &filter = {});
    RequestId startBulk(int count, const std::function<RequestId(int index)> &startItem);
    void scheduleDispatch();
    void dispatch();
    void start(Call &call, bool isRedirect = false);
    void onFinished(RequestId id);
    void onSuccess(Call &call, const RestReply &reply);
    void onFailure(Call &call, const RestReply &reply, ApiError error);
    bool followRedirect(Call &call, const RestReply &reply);
    void beginReconcile(Call &call);
    void onReadBack(Call &call, const QJsonDocument &doc, const std::function<void(const QString &)> &bad);
    QString describeWrite(const Call &call) const;
    void scheduleRetry(Call &call, const ApiError &reason, int attemptForDelay);
    void finishSucceeded(
        Call &call, const std::function<void()> &emitSignal, const std::optional<User> &user = {});
    void finishFailed(Call &call, const ApiError &error);
    void finishBulkItem(RequestId bulkId, BulkItemResult result);
    void updateRateLimit(const RestReply &reply);
    qint64 pacingDelayMs();
    bool isOwnOrigin(const QUrl &url) const;
    // The base URL a redirect of `requested` to `target` suggests (target minus the path below the base).
    QUrl endpointBehind(const QUrl &requested, const QUrl &target) const;
    QUrl endpoint(const QString &path, const QUrlQuery &query = {}) const;
    qint64 now() const { return m_clock(); }
    void checkIdle();

    QNetworkAccessManager *pickManager();

    // QNAM opens at most six HTTP/1.1 connections per host and queues the rest inside, so a ceiling above
    // six gets one more manager per six (measured in bench/RESULTS.md); each keeps its connections alive.
    static constexpr int connectionsPerManager = 6;
    std::vector<QNetworkAccessManager *> m_managers;
    QHash<QNetworkAccessManager *, int> m_managerLoad;
    RequestLog *m_log;
    QUrl m_baseUrl;
    QString m_token;
    int m_timeoutMs = 30000;
    int m_maxInFlight = 6;
    qint64 m_maxResponseBytes = 32LL * 1024 * 1024;
    int m_maxJsonDepth = 64;
    bool m_pacingEnabled = true;
    RetryPolicy m_policy;
    Dialect m_dialect;
    std::optional<QNetworkProxy> m_proxy;
    std::optional<std::pair<ProxySettings, QString>> m_proxySettings; // with the password
    QSet<QString> m_trustedFingerprints;
    QList<QSslCertificate> m_caCertificates;
    std::function<QList<QSslCertificate>()> m_caReader;
    QList<QSslCertificate> m_clientChain; // the certificate first
    QSslKey m_clientKey;
    QElapsedTimer m_monotonic;
    std::function<qint64()> m_clock;

    RequestId m_nextId = 1;
    std::unordered_map<RequestId, std::unique_ptr<Call>> m_calls;
    std::unordered_map<RequestId, std::unique_ptr<Bulk>> m_bulks;
    std::deque<RequestId> m_queue;
    int m_inFlight = 0;
    bool m_dispatchScheduled = false;

    RateLimitInfo m_rateLimit;
    int m_sentSinceRateUpdate = 0;
    // An HTTP answer has come from this server: until then its budget is unknown, so with pacing on only
    // one request goes out (a first wave of N would overshoot a budget smaller than N).
    bool m_serverAnswered = false;
    qint64 m_holdUntilMs = 0;
    QTimer m_pacingTimer;
};

} // namespace UserDesk
