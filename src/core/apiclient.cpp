#include "apiclient.h"

#include "contentdecoder.h"
#include "jsonformat.h"
#include "oneshotbody.h"
#include "proxyfactory.h"
#include "recordparser.h"
#include "requestlog.h"
#include "restreply.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QUrlQuery>

Q_LOGGING_CATEGORY(lcApi, "userdesk.api", QtWarningMsg)

namespace UserDesk {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("UserDesk::ApiClient", text);
}

constexpr int maxRedirects = 5;
// A create's look-up by email reads the substring matches this many at a time, at most this many pages.
constexpr int LookupPageSize = 100;
constexpr int MaxLookupPages = 100;

CertificateInfo describe(const QSslCertificate &cert, const QList<QSslError> &errors)
{
    CertificateInfo info;
    info.subject = cert.subjectDisplayName();
    info.issuer = cert.issuerDisplayName();
    info.sha256Fingerprint = QString::fromLatin1(cert.digest(QCryptographicHash::Sha256).toHex());
    info.validFrom = cert.effectiveDate().toString(Qt::ISODate);
    info.validUntil = cert.expiryDate().toString(Qt::ISODate);
    for (const QSslError &e : errors)
        info.errors.append(e.errorString());
    return info;
}

template<typename T> std::optional<QList<T>> parseList(const QJsonDocument &doc, QString *error)
{
    if (!doc.isArray()) {
        *error = tr("a list was expected but the answer is not a JSON array");
        return std::nullopt;
    }
    const QJsonArray array = doc.array();
    QList<T> items;
    items.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        QString why;
        auto item = T::fromJson(array.at(i), &why);
        if (!item) {
            *error = tr("item %1 of the list: %2").arg(i + 1).arg(why);
            return std::nullopt;
        }
        items.append(std::move(*item));
    }
    return items;
}

// A page's items, one bad item skipped and named rather than the whole page refused (a mock server's
// generated data has been seen with a negative id). Only a page with nothing usable is an error.
template<typename T>
std::optional<QList<T>> parseItems(const QJsonArray &array, QStringList *skipped, QString *error)
{
    QList<T> items;
    items.reserve(array.size());
    QString firstProblem;
    for (qsizetype i = 0; i < array.size(); ++i) {
        QString why;
        auto item = T::fromJson(array.at(i), &why);
        if (!item) {
            const QJsonValue id = array.at(i).toObject().value(QLatin1String("id"));
            const QString which = id.isDouble()
                ? tr("item %1 (id %2)").arg(i + 1).arg(id.toDouble(), 0, 'g', 17)
                : id.isString() ? tr("item %1 (id \"%2\")").arg(i + 1).arg(id.toString())
                                : tr("item %1").arg(i + 1);
            skipped->append(tr("The list's %1 was skipped: %2.").arg(which, why));
            if (firstProblem.isEmpty())
                firstProblem = tr("%1: %2").arg(which, why);
            continue;
        }
        items.append(std::move(*item));
    }
    if (items.isEmpty() && !skipped->isEmpty()) {
        *error = tr("not one item of the list could be used (%1)").arg(firstProblem);
        return std::nullopt;
    }
    return items;
}
} // namespace

namespace {
// The path of one user; a text id is percent-encoded (ResourceId::parse() refuses '/', '?' and '#').
QString userPath(const ResourceId &id)
{
    return QStringLiteral("/users/") + QString::fromLatin1(QUrl::toPercentEncoding(id.toString()));
}
} // namespace

struct ApiClient::Call
{
    RequestId id = 0;
    Operation op = Operation::GetUser;
    // What the request is, as the caller asked for it; kept to restart it from scratch on retry.
    QByteArray method;
    QUrl url;
    QByteArray body;
    ResourceId targetId;
    int page = 1;
    int perPage = 10;
    UserDraft draft;
    // Records of any resource: the schema, the record, its parent, what a create or update sends, and the
    // records that already matched a create's fields before its first POST (they cannot be ours).
    std::shared_ptr<const ResourceSchema> schema;
    ResourceId recordId;
    ResourceId parentId;
    QJsonObject fields;
    QSet<ResourceId> matchedBefore;
    RequestId bulkId = 0;
    int bulkIndex = 0;

    // The attempt in progress.
    QByteArray currentMethod;
    QUrl currentUrl;
    QByteArray currentBody;
    bool sendToken = true;
    QUrl tokenWithheldAt; // where a redirect led that the token did not follow
    int redirects = 0;
    QPointer<QNetworkReply> reply;
    RestReply::AbortReason abortReason = RestReply::AbortReason::None;
    std::optional<CertificateInfo> rejectedCertificate;
    quint64 logSequence = 0;
    qint64 attemptStartedMs = 0;

    int attempt = 0; // attempts of the operation itself
    int lookups = 0; // reconciling look-ups, counted apart so they do not eat the retry budget
    int takenLookups = 0; // look-ups started by a 422 "taken": bounded, they have no backoff
    qint64 firstStartMs = -1;
    bool ambiguous = false; // an earlier attempt may have been applied by the server
    // Reading the resource instead of writing it: a create's look-up by email after a POST whose answer
    // was lost, or reading a user back after a DELETE, PATCH or PUT.
    bool reconciling = false;
    int lookupPage = 1; // the page of email matches a create's look-up reads
    // Looks before the first POST (a user's create no longer does: docs/write-outcomes.md).
    bool lookFirst = false;
    bool landed = false; // a 2xx status line arrived for the write, whatever became of its body
    // The write gave up while it may have been applied: the read-back decides, and nothing is sent again.
    bool finalRead = false;
    ApiError pendingError; // what to report when the read-back shows the write was not applied
    int transmissions = 0; // requestSent() of this attempt
    int fullUploads = 0; // bodies sent in full in this attempt
    QTimer *retryTimer = nullptr;
    QTimer *deadlineTimer = nullptr;

    void restartAsRequested()
    {
        currentMethod = method;
        currentUrl = url;
        currentBody = body;
        sendToken = true;
        tokenWithheldAt.clear();
        redirects = 0;
        reconciling = false;
        lookupPage = 1;
    }
};

struct ApiClient::Bulk
{
    RequestId id = 0;
    int total = 0;
    int done = 0;
    QList<BulkItemResult> results;
    QList<RequestId> children;
};

ApiClient::ApiClient(QObject *parent)
    : QObject(parent)
    , m_log(new RequestLog(this))
{
    qRegisterMetaType<UserDesk::ApiError>();
    qRegisterMetaType<UserDesk::User>();
    qRegisterMetaType<UserDesk::UsersPage>();
    qRegisterMetaType<UserDesk::RecordsPage>();
    qRegisterMetaType<UserDesk::ResourceId>();
    qRegisterMetaType<UserDesk::PageInfo>();
    qRegisterMetaType<UserDesk::Dialect>();
    qRegisterMetaType<UserDesk::RateLimitInfo>();
    qRegisterMetaType<UserDesk::ApiClient::RequestId>("UserDesk::ApiClient::RequestId");
    m_monotonic.start();
    m_clock = [this] { return m_monotonic.elapsed(); };
    pickManager(); // the first manager exists from the start
    m_pacingTimer.setSingleShot(true);
    connect(&m_pacingTimer, &QTimer::timeout, this, &ApiClient::dispatch);
}

ApiClient::~ApiClient()
{
    // Replies are children of the QNAM; disconnect first so no finished() reaches a half-destroyed client.
    for (auto &entry : m_calls) {
        if (entry.second->reply) {
            entry.second->reply->disconnect(this);
            entry.second->reply->abort();
        }
    }
}

void ApiClient::setBaseUrl(const QUrl &url)
{
    if (url != m_baseUrl) {
        // Another profile may trust other certificates: no connection carries over.
        for (QNetworkAccessManager *manager : m_managers)
            manager->clearConnectionCache();
    }
    m_baseUrl = url;
    // A new server means a new budget.
    m_rateLimit = {};
    m_sentSinceRateUpdate = 0;
    m_holdUntilMs = 0;
    m_serverAnswered = false;
}

void ApiClient::setToken(const QString &token)
{
    m_token = token.trimmed();
}

void ApiClient::setTimeout(int milliseconds)
{
    m_timeoutMs = std::max(0, milliseconds);
}

void ApiClient::setRetryPolicy(const RetryPolicy &policy)
{
    m_policy = policy;
}

void ApiClient::setMaxInFlight(int requests)
{
    m_maxInFlight = std::max(1, requests);
    scheduleDispatch();
}

QNetworkAccessManager *ApiClient::pickManager()
{
    const size_t wanted
        = static_cast<size_t>((m_maxInFlight + connectionsPerManager - 1) / connectionsPerManager);
    while (m_managers.size() < std::max<size_t>(1, wanted)) {
        auto *manager = new QNetworkAccessManager(this);
        // Redirects are followed by hand so that the token never leaves the profile's origin (Qt 6.4
        // would copy the Authorization header to any target).
        manager->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
        if (m_proxy)
            manager->setProxy(*m_proxy);
        else if (m_proxySettings)
            manager->setProxyFactory(new ProxyFactory(m_proxySettings->first, m_proxySettings->second));
        m_managers.push_back(manager);
    }
    // The least busy of the managers in use; a lowered ceiling simply leaves the extra ones idle.
    const size_t inUse = std::max<size_t>(1, std::min(wanted, m_managers.size()));
    QNetworkAccessManager *best = m_managers.front();
    for (size_t i = 1; i < inUse; ++i) {
        if (m_managerLoad.value(m_managers[i]) < m_managerLoad.value(best))
            best = m_managers[i];
    }
    return best;
}

void ApiClient::setProxySettings(const ProxySettings &settings, const QString &password)
{
    m_proxy.reset();
    m_proxySettings = std::make_pair(settings, password);
    for (QNetworkAccessManager *manager : m_managers) {
        manager->clearConnectionCache();
        manager->setProxyFactory(new ProxyFactory(settings, password)); // owned by the manager
    }
}

void ApiClient::setProxy(const QNetworkProxy &proxy)
{
    m_proxySettings.reset();
    m_proxy = proxy;
    for (QNetworkAccessManager *manager : m_managers) {
        manager->clearConnectionCache();
        manager->setProxy(proxy);
    }
}

void ApiClient::setCaCertificates(const QList<QSslCertificate> &certificates)
{
    m_caCertificates = certificates;
    m_caReader = nullptr;
    for (QNetworkAccessManager *manager : m_managers)
        manager->clearConnectionCache();
}

void ApiClient::setCaCertificatesReader(std::function<QList<QSslCertificate>()> reader)
{
    m_caReader = std::move(reader);
}

void ApiClient::setClientCertificate(
    const QSslCertificate &certificate, const QSslKey &key, const QList<QSslCertificate> &chain)
{
    m_clientChain.clear();
    m_clientKey = QSslKey();
    if (!certificate.isNull()) {
        m_clientChain = QList<QSslCertificate> { certificate } + chain;
        m_clientKey = key;
    }
    // A kept-alive connection shows whatever certificate it was opened with.
    for (QNetworkAccessManager *manager : m_managers)
        manager->clearConnectionCache();
}

void ApiClient::setTrustedCertificates(const QStringList &sha256Fingerprints)
{
    QSet<QString> trusted;
    for (const QString &fp : sha256Fingerprints)
        trusted.insert(fp.toLower().remove(QLatin1Char(':')));
    if (trusted == m_trustedFingerprints)
        return;
    m_trustedFingerprints = trusted;
    // A kept-alive TLS connection was accepted under the old trust; reusing it would skip the new check.
    for (QNetworkAccessManager *manager : m_managers)
        manager->clearConnectionCache();
}

bool ApiClient::isPending(RequestId id) const
{
    return m_calls.count(id) || m_bulks.count(id);
}

QUrl ApiClient::endpoint(const QString &path, const QUrlQuery &query) const
{
    QUrl url = m_baseUrl;
    QString basePath = url.path();
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + path);
    url.setQuery(query);
    return url;
}

QUrl ApiClient::endpointBehind(const QUrl &requested, const QUrl &target) const
{
    // The part of the request's path below the base URL (e.g. /users/5) is what the target ends with
    // when the whole API moved; the rest of the target is the new base URL.
    QString base = m_baseUrl.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    const QString below = requested.path().mid(base.size());
    QUrl url = target.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment);
    if (!below.isEmpty() && url.path().endsWith(below))
        url.setPath(url.path().chopped(below.size()));
    return url;
}

bool ApiClient::isOwnOrigin(const QUrl &url) const
{
    return url.scheme().compare(m_baseUrl.scheme(), Qt::CaseInsensitive) == 0
        && url.host().compare(m_baseUrl.host(), Qt::CaseInsensitive) == 0
        && url.port(url.scheme() == QLatin1String("https") ? 443 : 80)
        == m_baseUrl.port(m_baseUrl.scheme() == QLatin1String("https") ? 443 : 80);
}

// ---- operations ------------------------------------------------------------------------------------

ApiClient::RequestId ApiClient::enqueueList(Operation op, const QString &path, const ResourceId &targetId,
    int page, int perPage, const UserFilter &filter)
{
    auto call = std::make_unique<Call>();
    call->op = op;
    call->method = "GET";
    call->targetId = targetId;
    call->page = std::max(1, page);
    call->perPage = std::clamp(perPage, 1, 100);
    QUrlQuery query;
    m_dialect.addPaging(query, call->page, call->perPage);
    m_dialect.addFilter(query, filter);
    call->url = endpoint(path, query);
    return enqueue(std::move(call));
}

ApiClient::RequestId ApiClient::detectDialect()
{
    auto call = std::make_unique<Call>();
    call->op = Operation::DetectDialect;
    call->method = "GET";
    call->url = endpoint(QStringLiteral("/users"), Dialect::probeQuery());
    return enqueue(std::move(call));
}

ApiClient::RequestId ApiClient::listUsers(int page, int perPage, const UserFilter &filter)
{
    return enqueueList(Operation::ListUsers, QStringLiteral("/users"), {}, page, perPage, filter);
}

ApiClient::RequestId ApiClient::resend(const QByteArray &method, const QUrl &url, const QByteArray &body)
{
    auto call = std::make_unique<Call>();
    call->op = Operation::Resend;
    call->method = method;
    call->url = url;
    call->body = body;
    return enqueue(std::move(call));
}

ApiClient::RequestId ApiClient::getUser(const ResourceId &id)
{
    auto call = std::make_unique<Call>();
    call->op = Operation::GetUser;
    call->method = "GET";
    call->targetId = id;
    call->url = endpoint(userPath(id));
    return enqueue(std::move(call));
}

ApiClient::RequestId ApiClient::checkWriteAccess()
{
    auto call = std::make_unique<Call>();
    call->op = Operation::CheckWriteAccess;
    call->method = "POST";
    call->body = "{}";
    call->url = endpoint(QStringLiteral("/users"));
    return enqueue(std::move(call));
}

ApiClient::RequestId ApiClient::createUser(const UserDraft &draft)
{
    auto call = std::make_unique<Call>();
    call->op = Operation::CreateUser;
    call->method = "POST";
    call->draft = draft;
    call->body = QJsonDocument(draft.toJson()).toJson(QJsonDocument::Compact);
    call->url = endpoint(QStringLiteral("/users"));
    // No look-up first (docs/write-outcomes.md): each POST goes out once (OneShotBody), so a 201 is
    // ours and a 422 to the only copy is not applied; only an ambiguous attempt needs a look-up.
    return enqueue(std::move(call));
}

ApiClient::RequestId ApiClient::updateUser(
    const ResourceId &id, const UserDraft &changes, UpdateMethod method)
{
    auto call = std::make_unique<Call>();
    call->op = Operation::UpdateUser;
    call->method = method == UpdateMethod::Put ? "PUT" : "PATCH";
    call->targetId = id;
    call->draft = changes;
    call->body = QJsonDocument(changes.toJson()).toJson(QJsonDocument::Compact);
    call->url = endpoint(userPath(id));
    return enqueue(std::move(call));
}

ApiClient::RequestId ApiClient::deleteUser(const ResourceId &id)
{
    auto call = std::make_unique<Call>();
    call->op = Operation::DeleteUser;
    call->method = "DELETE";
    call->targetId = id;
    // Qt 6.4 resends a request whose connection closed before any answer, and reports it (requestSent,
    // uploadProgress) only for a request with a body. An empty JSON object, which servers ignore on a
    // DELETE, makes that hidden second copy visible: a 404 to it is then known to follow one that may have
    // been applied.
    call->body = "{}";
    call->url = endpoint(userPath(id));
    return enqueue(std::move(call));
}

ApiClient::RequestId ApiClient::listUserPosts(const ResourceId &userId, int page, int perPage)
{
    return enqueueList(
        Operation::ListPosts, userPath(userId) + QStringLiteral("/posts"), userId, page, perPage);
}

ApiClient::RequestId ApiClient::listUserTodos(const ResourceId &userId, int page, int perPage)
{
    return enqueueList(
        Operation::ListTodos, userPath(userId) + QStringLiteral("/todos"), userId, page, perPage);
}

ApiClient::RequestId ApiClient::startBulk(int count, const std::function<RequestId(int index)> &startItem)
{
    auto owned = std::make_unique<Bulk>();
    Bulk &bulk = *owned;
    bulk.id = m_nextId++;
    bulk.total = count;
    bulk.results.resize(count);
    m_bulks.emplace(bulk.id, std::move(owned));
    for (int i = 0; i < count; ++i) {
        const RequestId child = startItem(i);
        Call &c = *m_calls.at(child);
        c.bulkId = bulk.id;
        c.bulkIndex = i;
        bulk.results[i].index = i;
        bulk.results[i].userId = c.targetId;
        bulk.children.append(child);
    }
    const RequestId bulkId = bulk.id;
    if (count == 0) {
        QMetaObject::invokeMethod(
            this,
            [this, bulkId] {
                finishBulkItem(bulkId, {});
                checkIdle();
            },
            Qt::QueuedConnection);
    }
    return bulkId;
}

ApiClient::RequestId ApiClient::deleteUsers(const QList<ResourceId> &ids)
{
    return startBulk(static_cast<int>(ids.size()), [&](int i) { return deleteUser(ids.at(i)); });
}

ApiClient::RequestId ApiClient::createUsers(const QList<UserDraft> &drafts)
{
    return startBulk(static_cast<int>(drafts.size()), [&](int i) { return createUser(drafts.at(i)); });
}

bool ApiClient::cancel(RequestId id)
{
    if (auto bulk = m_bulks.find(id); bulk != m_bulks.end()) {
        const QList<RequestId> children = bulk->second->children;
        for (RequestId child : children)
            cancel(child);
        return true;
    }
    auto it = m_calls.find(id);
    if (it == m_calls.end())
        return false;
    Call &call = *it->second;
    if (call.reply) {
        call.abortReason = RestReply::AbortReason::Canceled;
        call.reply->abort(); // finished() runs onFinished, which reports the cancel
        return true;
    }
    m_queue.erase(std::remove(m_queue.begin(), m_queue.end(), id), m_queue.end());
    const ApiError canceled(ApiError::Kind::Canceled, tr("The request was canceled."));
    // A write stopped while an earlier copy may have been applied has not simply failed.
    finishFailed(call,
        call.attempt > 0 && (call.ambiguous || call.landed)
            ? ApiError::unknownOutcome(describeWrite(call), canceled)
            : canceled);
    return true;
}

void ApiClient::cancelQueued()
{
    std::vector<RequestId> ids;
    for (const auto &entry : m_calls) {
        if (!entry.second->reply)
            ids.push_back(entry.first);
    }
    std::sort(ids.begin(), ids.end());
    for (RequestId id : ids)
        cancel(id);
}

void ApiClient::cancelAll()
{
    std::vector<RequestId> ids;
    ids.reserve(m_calls.size());
    for (const auto &entry : m_calls)
        ids.push_back(entry.first);
    std::sort(ids.begin(), ids.end());
    for (RequestId id : ids)
        cancel(id);
}

// ---- queue and pacing ---------------------------------------------------------------------------------

ApiClient::RequestId ApiClient::enqueue(std::unique_ptr<Call> call)
{
    call->id = m_nextId++;
    call->restartAsRequested();
    if (call->lookFirst)
        beginReconcile(*call);
    const RequestId id = call->id;
    m_calls.emplace(id, std::move(call));
    m_queue.push_back(id);
    scheduleDispatch();
    return id;
}

void ApiClient::scheduleDispatch()
{
    if (m_dispatchScheduled)
        return;
    m_dispatchScheduled = true;
    // Queued, so that a caller always has its id before any signal about it.
    QMetaObject::invokeMethod(this, &ApiClient::dispatch, Qt::QueuedConnection);
}

qint64 ApiClient::pacingDelayMs()
{
    const qint64 t = now();
    if (m_holdUntilMs > t)
        return m_holdUntilMs - t;
    if (!m_pacingEnabled || !m_rateLimit.isKnown() || m_token.isEmpty())
        return 0;
    if (m_rateLimit.remaining - m_sentSinceRateUpdate > 0)
        return 0;
    const qint64 resetAt = m_rateLimit.resetAtMs();
    if (t >= resetAt) {
        // The window has turned over; assume a full allowance until an answer says otherwise.
        m_rateLimit.remaining = m_rateLimit.limit;
        m_rateLimit.receivedAtMs = t;
        m_rateLimit.resetSeconds = 1;
        m_sentSinceRateUpdate = m_inFlight;
        return m_rateLimit.remaining - m_sentSinceRateUpdate > 0 ? 0 : 1000;
    }
    // A little past the reset, so that the server's window has surely turned when we arrive.
    return resetAt - t + 100;
}

void ApiClient::dispatch()
{
    m_dispatchScheduled = false;
    while (m_inFlight < m_maxInFlight && !m_queue.empty()) {
        if (m_pacingEnabled && !m_token.isEmpty() && !m_serverAnswered && m_inFlight > 0)
            return; // the first answer says the budget (or that there is none); onFinished dispatches again
        const qint64 wait = pacingDelayMs();
        if (wait > 0) {
            if (!m_pacingTimer.isActive() || m_pacingTimer.remainingTime() > wait) {
                m_pacingTimer.start(
                    static_cast<int>(std::min<qint64>(wait, std::numeric_limits<int>::max())));
                Q_EMIT pacingWait(static_cast<int>(wait));
            }
            return;
        }
        const RequestId id = m_queue.front();
        m_queue.pop_front();
        auto it = m_calls.find(id);
        if (it != m_calls.end())
            start(*it->second);
    }
}

void ApiClient::updateRateLimit(const RestReply &reply)
{
    const qint64 t = now();
    RateLimitInfo info = RateLimitInfo::fromHeaders(reply.headers(), t);
    if (!info.isKnown())
        return;
    // Pacing never holds the queue longer than the policy's cap on a server's hint.
    info.resetSeconds
        = static_cast<int>(std::min<qint64>(info.resetSeconds, m_policy.maxServerHintMs / 1000));
    const RateLimitInfo before = m_rateLimit;
    // Requests still in flight may be counted after this answer was written.
    const int expectedByAnswer = info.remaining - m_inFlight;
    const bool sameWindow
        = m_rateLimit.isKnown() && info.limit == m_rateLimit.limit && t < m_rateLimit.resetAtMs();
    if (sameWindow && expectedByAnswer > m_rateLimit.remaining - m_sentSinceRateUpdate) {
        // Answers on different connections arrive in a different order than the server counted them:
        // within one window a larger Remaining is an older count, and trusting it would overspend the
        // budget by the requests counted since. Keep the lower figure, and the later of the two resets.
        // The lowest Remaining of a window counts every request answered so far (a request counted later
        // would have answered lower), so only those still in flight may be missing from it: the budget is
        // that figure less the requests in flight, no less (holding more back left part of every window
        // unused: 990 of 1,000).
        m_rateLimit.remaining = std::min(m_rateLimit.remaining, info.remaining);
        m_sentSinceRateUpdate = m_inFlight;
        if (info.resetAtMs() > m_rateLimit.resetAtMs()) {
            m_rateLimit.receivedAtMs = info.receivedAtMs;
            m_rateLimit.resetSeconds = info.resetSeconds;
        }
    } else {
        m_rateLimit = info;
        m_sentSinceRateUpdate = m_inFlight;
    }
    if (m_rateLimit != before)
        Q_EMIT rateLimitChanged(m_rateLimit);
}

// ---- one attempt ----------------------------------------------------------------------------------------

void ApiClient::start(Call &call, bool isRedirect)
{
    if (!isRedirect) {
        if (call.reconciling)
            ++call.lookups;
        else
            ++call.attempt;
    }
    if (call.firstStartMs < 0)
        call.firstStartMs = now();
    call.attemptStartedMs = now();
    call.abortReason = RestReply::AbortReason::None;
    call.rejectedCertificate.reset();
    call.transmissions = 0;
    call.fullUploads = 0;

    QNetworkRequest request(call.currentUrl);
    request.setTransferTimeout(m_timeoutMs);
    if (m_caReader && call.currentUrl.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0) {
        const auto reader = std::exchange(m_caReader, nullptr);
        if (QList<QSslCertificate> read = reader(); !read.isEmpty())
            m_caCertificates = std::move(read);
    }
    if (!m_caCertificates.isEmpty() || !m_clientChain.isEmpty()) {
        QSslConfiguration tls = request.sslConfiguration();
        if (!m_caCertificates.isEmpty())
            tls.setCaCertificates(m_caCertificates);
        if (!m_clientChain.isEmpty()) {
            tls.setLocalCertificateChain(m_clientChain);
            tls.setPrivateKey(m_clientKey);
        }
        request.setSslConfiguration(tls);
    }
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArray("UserDesk/" USERDESK_VERSION));
    request.setRawHeader("Accept", "application/json");
    // Set by hand, so that Qt leaves the body compressed and the log can tell the size on the wire.
    request.setRawHeader("Accept-Encoding", ContentDecoder::acceptEncoding());
    if (!call.currentBody.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json; charset=utf-8"));
    if (!m_token.isEmpty() && call.sendToken && isOwnOrigin(call.currentUrl))
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());

    // Qt writes header values as they are: a CR or LF (in a pasted token, say) would start a header of
    // the value's choosing, a NUL would cut it. Refuse before anything is sent.
    for (const QByteArray &name : request.rawHeaderList()) {
        const QByteArray value = request.rawHeader(name);
        if (value.contains('\r') || value.contains('\n') || value.contains('\0')) {
            const QString what = name.compare("Authorization", Qt::CaseInsensitive) == 0
                ? tr("The token contains a line break or a NUL character; it was not sent. Enter the token "
                     "again without them.")
                : tr("The %1 header contains a line break or a NUL character; it was not sent.")
                      .arg(QString::fromLatin1(name));
            const RequestId id = call.id;
            // Never from inside the call that started the request.
            QMetaObject::invokeMethod(
                this,
                [this, id, what] {
                    if (auto it = m_calls.find(id); it != m_calls.end())
                        finishFailed(*it->second, ApiError(ApiError::Kind::Validation, what));
                },
                Qt::QueuedConnection);
            return;
        }
    }

    QNetworkAccessManager *manager = pickManager();
    QNetworkReply *reply = nullptr;
    if (call.currentMethod == "POST") {
        // A POST goes out once per attempt, never resent by Qt behind the client's back (see OneShotBody):
        // nothing makes a second copy harmless, as a unique email did for users only. A connection that
        // closes before the answer ends the attempt, and the outcome rules decide.
        request.setHeader(QNetworkRequest::ContentLengthHeader, call.currentBody.size());
        request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        auto *body = new OneShotBody(call.currentBody);
        reply = manager->sendCustomRequest(request, call.currentMethod, body);
        body->setParent(reply);
    } else if (call.currentBody.isEmpty() && call.currentMethod == "GET") {
        reply = manager->get(request);
    } else {
        reply = manager->sendCustomRequest(request, call.currentMethod, call.currentBody);
    }
    ++m_managerLoad[manager];
    call.reply = reply;
    ++m_inFlight;
    if (m_timeoutMs > 0) {
        // One deadline from connect to last byte, as curl's --max-time: the transfer timeout alone only
        // measures silence, and a body trickled a few bytes at a time would never end.
        if (!call.deadlineTimer) {
            call.deadlineTimer = new QTimer(this);
            call.deadlineTimer->setSingleShot(true);
            const RequestId id = call.id;
            connect(call.deadlineTimer, &QTimer::timeout, this, [this, id] {
                auto it = m_calls.find(id);
                if (it == m_calls.end() || !it->second->reply)
                    return;
                it->second->abortReason = RestReply::AbortReason::TimedOut;
                it->second->reply->abort();
            });
        }
        call.deadlineTimer->start(m_timeoutMs);
    }
    ++m_sentSinceRateUpdate;

    HttpExchange exchange;
    exchange.requestId = call.id;
    exchange.attempt = call.attempt;
    exchange.method = call.currentMethod;
    // A user:password@ in the address is a secret too: whatever is shown or logged goes without it.
    exchange.url = call.currentUrl.adjusted(QUrl::RemoveUserInfo);
    for (const QByteArray &name : request.rawHeaderList())
        exchange.requestHeaders.append({ name, request.rawHeader(name) });
    exchange.requestBody = call.currentBody;
    exchange.startedAt = QDateTime::currentDateTimeUtc();
    if (call.op == Operation::Resend)
        exchange.note = isResentWrite(call)
            ? tr("Re-sent by hand from the request log: a new write of its own, not a retry of the earlier "
                 "exchange; it is sent once.")
            : tr("Re-sent by hand from the request log.");
    call.logSequence = m_log->append(std::move(exchange));
    qCDebug(lcApi).noquote() << call.currentMethod << call.currentUrl.toString(QUrl::RemoveUserInfo)
                             << "attempt" << call.attempt;

    const RequestId id = call.id;
    connect(reply, &QNetworkReply::downloadProgress, this, [this, id, reply](qint64 received, qint64 total) {
        if (received <= m_maxResponseBytes && total <= m_maxResponseBytes)
            return;
        auto it = m_calls.find(id);
        if (it != m_calls.end() && it->second->reply == reply) {
            it->second->abortReason = RestReply::AbortReason::TooLarge;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::sslErrors, this, [this, id, reply](const QList<QSslError> &errors) {
        QSslCertificate cert = reply->sslConfiguration().peerCertificate();
        if (cert.isNull() && !errors.isEmpty())
            cert = errors.first().certificate();
        const QString fingerprint = QString::fromLatin1(cert.digest(QCryptographicHash::Sha256).toHex());
        if (!cert.isNull() && m_trustedFingerprints.contains(fingerprint)) {
            // Trusted for this profile by its exact fingerprint: accept these errors for this certificate
            // only.
            reply->ignoreSslErrors(errors);
            return;
        }
        auto it = m_calls.find(id);
        if (it != m_calls.end())
            it->second->rejectedCertificate = describe(cert, errors);
    });
    // Qt 6.4 silently sends a request again when its connection closes before any answer
    // (QHttpNetworkConnectionChannel::handleUnexpectedEOF; later Qt limits this to idempotent methods). A
    // POST cannot be resent (OneShotBody); for a PATCH, PUT or DELETE, seeing the request or its body go out
    // twice means an earlier copy may already have been applied.
    connect(reply, &QNetworkReply::requestSent, this, [this, id] {
        if (auto it = m_calls.find(id); it != m_calls.end())
            ++it->second->transmissions;
    });
    connect(reply, &QNetworkReply::uploadProgress, this, [this, id](qint64 sent, qint64 total) {
        if (auto it = m_calls.find(id); it != m_calls.end() && total > 0 && sent == total)
            ++it->second->fullUploads;
    });
    connect(reply, &QNetworkReply::finished, this, [this, id] { onFinished(id); });
}

void ApiClient::onFinished(RequestId id)
{
    auto it = m_calls.find(id);
    if (it == m_calls.end())
        return;
    Call &call = *it->second;
    QNetworkReply *reply = call.reply;
    if (!reply)
        return;
    call.reply = nullptr;
    if (call.deadlineTimer)
        call.deadlineTimer->stop();
    --m_inFlight;
    --m_managerLoad[reply->manager()];
    reply->deleteLater();
    if (call.transmissions > 1 || call.fullUploads > 1)
        call.ambiguous = true;

    if (call.abortReason == RestReply::AbortReason::None
        && reply->error() == QNetworkReply::OperationCanceledError)
        call.abortReason = RestReply::AbortReason::TimedOut; // only the transfer timeout aborts without us
    // An aborted reply is closed; reading it would only warn.
    QByteArray body = reply->isOpen() && call.abortReason == RestReply::AbortReason::None ? reply->readAll()
                                                                                          : QByteArray();
    // The client asked for compression itself, so Qt left the body as it came: decode it here.
    qint64 wireBytes = -1;
    ApiError decodeError;
    const QByteArray encoding = reply->rawHeader("Content-Encoding");
    if (!body.isEmpty() && ContentDecoder::handles(encoding)) {
        wireBytes = body.size();
        QString why;
        if (auto decoded = ContentDecoder::decode(encoding, body, m_maxResponseBytes, &why)) {
            body = std::move(*decoded);
        } else {
            decodeError = ApiError(ApiError::Kind::BadResponse,
                tr("The answer could not be decompressed: %1.").arg(why),
                reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt());
            decodeError.setRawBody(body.left(64 * 1024));
            body.clear();
        }
    }
    const RestReply answer = RestReply::capture(reply, body, call.abortReason);
    updateRateLimit(answer);
    if (answer.httpStatus() > 0)
        m_serverAnswered = true;

    const qint64 elapsed = now() - call.attemptStartedMs;
    ApiError error = answer.error();
    if (!error.isError() && decodeError.isError())
        error = decodeError;
    if (!error.isError() && answer.headers().isEmpty() && answer.httpStatus() != 204) {
        // Qt 6.4 throws every header away, without an error, when a server sends more than it will parse
        // (over 100 fields, or huge ones); no real server answers with none at all.
        error = ApiError::badResponse(tr("The answer's headers could not be read: too many or too large."));
    }
    if (error.kind() == ApiError::Kind::Tls && call.rejectedCertificate)
        error.setCertificate(*call.rejectedCertificate);
    m_log->update(call.logSequence, [&](HttpExchange &e) {
        e.finished = true;
        e.httpStatus = answer.httpStatus();
        e.responseHeaders = answer.headers();
        e.responseBody = answer.body();
        e.responseBytes = answer.body().size();
        if (answer.httpStatus() != 0) {
            e.protocol = reply->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool()
                ? QStringLiteral("HTTP/2")
                : QStringLiteral("HTTP/1.1");
            e.wireBytes = wireBytes;
        }
        e.elapsedMs = elapsed;
        e.error = error.isError() ? error.message() : QString();
    });
    qCInfo(lcApi).noquote() << call.currentMethod
                            << call.currentUrl.toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo) << "->"
                            << answer.httpStatus() << (error.isError() ? error.message() : QString())
                            << elapsed << "ms";

    if (answer.httpStatus() >= 300 && answer.httpStatus() < 400 && followRedirect(call, answer)) {
        scheduleDispatch();
        return;
    }
    if ((error.kind() == ApiError::Kind::Unauthorized || error.kind() == ApiError::Kind::Forbidden)
        && call.tokenWithheldAt.isValid()) {
        // The token was right to stay home; the cause is the redirect, not the token.
        error = ApiError(ApiError::Kind::HttpOther,
            tr("The server redirected the request to another origin (%1), which asked for authentication "
               "(HTTP %2); the token was withheld from that origin. Use the address the server redirects to "
               "as the endpoint if you trust it.")
                .arg(call.tokenWithheldAt.toString(
                    QUrl::RemoveQuery | QUrl::RemovePath | QUrl::RemoveUserInfo))
                .arg(answer.httpStatus()),
            answer.httpStatus());
    }
    if (error.isError())
        onFailure(call, answer, error);
    else
        onSuccess(call, answer);
    scheduleDispatch();
}

bool ApiClient::followRedirect(Call &call, const RestReply &reply)
{
    const int status = reply.httpStatus();
    if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308)
        return false;
    const QByteArray location = headerValue(reply.headers(), "Location");
    if (location.isEmpty())
        return false;
    const QUrl target = call.currentUrl.resolved(QUrl::fromEncoded(location));
    if (++call.redirects > maxRedirects || !target.isValid()) {
        finishFailed(call, ApiError(ApiError::Kind::HttpOther, tr("Too many redirects."), status));
        return true;
    }
    if (call.currentUrl.scheme() == QLatin1String("https") && target.scheme() != QLatin1String("https")) {
        finishFailed(call,
            ApiError(ApiError::Kind::Tls,
                tr("The server redirected a secure request to an insecure address (%1).")
                    .arg(target.toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo)),
                status));
        return true;
    }
    if ((status == 301 || status == 302) && call.currentMethod != "GET" && call.currentMethod != "HEAD") {
        // Clients follow these with a GET: the write would end as a read of whatever is there, and its
        // answer would look like a failed write. Nothing was written; say where the API really is.
        finishFailed(call,
            ApiError(ApiError::Kind::HttpOther,
                tr("The server redirected the %1 to %2 (HTTP %3). Such a redirect turns a write into a read, "
                   "so nothing was written; use %4 as the endpoint.")
                    .arg(QString::fromLatin1(call.currentMethod),
                        target.toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo))
                    .arg(status)
                    .arg(endpointBehind(call.currentUrl, target).toString(QUrl::RemoveUserInfo)),
                status));
        return true;
    }
    if (status == 303) {
        call.currentMethod = "GET";
        call.currentBody.clear();
    }
    // The token belongs to the profile's origin; once a redirect leaves it, it stays behind.
    if (call.sendToken && !isOwnOrigin(target) && !m_token.isEmpty())
        call.tokenWithheldAt = target;
    call.sendToken = call.sendToken && isOwnOrigin(target);
    call.currentUrl = target;
    start(call, true);
    return true;
}

void ApiClient::onSuccess(Call &call, const RestReply &reply)
{
    const RequestId id = call.id;

    if (call.op == Operation::Resend) {
        // Whatever the body holds, it is the answer asked for: the log shows it. For a write, a 2xx is
        // "applied".
        const int status = reply.httpStatus();
        if (isResentWrite(call))
            noteResendOutcome(call, tr("The server applied it again (%1).").arg(status));
        finishSucceeded(call, [=] { Q_EMIT resent(id, status); });
        return;
    }

    if (isDelete(call.op) && !call.reconciling) {
        // 204 with an empty body: there is nothing to parse, and nothing should be.
        finishDeleted(call);
        return;
    }

    if (call.op == Operation::CheckWriteAccess) {
        // Whatever the body says: the empty object was taken.
        const int status = reply.httpStatus();
        finishSucceeded(call, [=] { Q_EMIT writeAccessChecked(id, status, QString()); });
        return;
    }

    QString why;
    const auto doc = reply.readJson(m_maxJsonDepth, &why);
    auto bad = [&](const QString &text) {
        ApiError e(ApiError::Kind::BadResponse, tr("The server's answer could not be used: %1.").arg(text),
            reply.httpStatus());
        e.setRawBody(reply.body().left(64 * 1024));
        onFailure(call, reply, e);
    };
    if (!doc) {
        bad(why);
        return;
    }

    if (call.reconciling) {
        if (call.schema)
            onRecordReadBack(call, *doc, bad);
        else
            onReadBack(call, *doc, bad);
        return;
    }

    switch (call.op) {
    case Operation::ListUsers: {
        UsersPage page;
        QJsonArray items;
        if (!m_dialect.readList(*doc, reply.headers(), call.page, call.perPage, &items, &page.info, &why))
            return bad(why);
        auto users = parseItems<User>(items, &page.skipped, &why);
        if (!users)
            return bad(why);
        page.users = std::move(*users);
        page.itemCount = static_cast<int>(items.size());
        finishSucceeded(call, [=] { Q_EMIT usersPageReceived(id, page); });
        return;
    }
    case Operation::DetectDialect: {
        const Dialect detected = Dialect::detect(*doc, reply.headers());
        qCInfo(lcApi).noquote() << "the server speaks" << detected.name();
        finishSucceeded(call, [=] { Q_EMIT dialectDetected(id, detected); });
        return;
    }
    case Operation::GetUser:
    case Operation::CreateUser:
    case Operation::UpdateUser: {
        auto user = User::fromJson(doc->object(), &why);
        if (!doc->isObject() || !user)
            return bad(doc->isObject() ? why : tr("a user object was expected"));
        const User u = *user;
        if (call.op == Operation::GetUser)
            finishSucceeded(call, [=] { Q_EMIT userReceived(id, u); });
        else if (call.op == Operation::CreateUser)
            finishSucceeded(
                call, [=] { Q_EMIT userCreated(id, u); }, u);
        else
            finishSucceeded(call, [=] { Q_EMIT userUpdated(id, u); });
        return;
    }
    case Operation::ListPosts: {
        QJsonArray items;
        PageInfo info;
        if (!m_dialect.readList(*doc, reply.headers(), call.page, call.perPage, &items, &info, &why))
            return bad(why);
        QStringList skipped;
        auto posts = parseItems<Post>(items, &skipped, &why);
        if (!posts)
            return bad(why);
        const ResourceId userId = call.targetId;
        const QList<Post> list = *posts;
        finishSucceeded(call, [=] { Q_EMIT postsReceived(id, userId, list, info); });
        return;
    }
    case Operation::ListTodos: {
        QJsonArray items;
        PageInfo info;
        if (!m_dialect.readList(*doc, reply.headers(), call.page, call.perPage, &items, &info, &why))
            return bad(why);
        QStringList skipped;
        auto todos = parseItems<Todo>(items, &skipped, &why);
        if (!todos)
            return bad(why);
        const ResourceId userId = call.targetId;
        const QList<Todo> list = *todos;
        finishSucceeded(call, [=] { Q_EMIT todosReceived(id, userId, list, info); });
        return;
    }
    case Operation::ListRecords:
    case Operation::GetRecord:
    case Operation::CreateRecord:
    case Operation::UpdateRecord:
        onRecordSuccess(call, reply, *doc, bad);
        return;
    case Operation::DeleteUser:
    case Operation::DeleteRecord:
    case Operation::CheckWriteAccess:
    case Operation::Resend:
        break;
    }
}

void ApiClient::onFailure(Call &call, const RestReply &reply, ApiError error)
{
    // A 2xx whose body could not be used is only known to have failed here; the log must say so too.
    // Only when the log does not say it yet: every change is shown again (the CLI's --verbose).
    if (const HttpExchange *logged = m_log->find(call.logSequence); logged && logged->error.isEmpty())
        m_log->update(call.logSequence, [&error](HttpExchange &e) { e.error = error.message(); });
    const bool isWrite = ApiClient::isWrite(call.op);
    if (error.kind() == ApiError::Kind::Canceled) {
        const bool mayHaveApplied = isWrite && call.attempt > 0 && (call.ambiguous || call.landed);
        finishFailed(call, mayHaveApplied ? ApiError::unknownOutcome(describeWrite(call), error) : error);
        return;
    }
    const RequestId id = call.id;

    if (call.op == Operation::CheckWriteAccess) {
        // An answer about the token ends the check; anything else fails it. Never sent again: one copy
        // of the question is all it takes, and a server that did make a record of it must not get two.
        const int status = error.httpStatus();
        if (status == 401 || status == 403 || status == 422) {
            const QString text = error.message();
            finishSucceeded(call, [=] { Q_EMIT writeAccessChecked(id, status, text); });
        } else {
            finishFailed(call, error);
        }
        return;
    }

    if (call.op == Operation::Resend) {
        // A write sent again by hand is a new write: sent once, never retried, and it ends as applied
        // (a 2xx, in onSuccess), not applied (the server refused it: 4xx, 429, 503) or unknown (no answer,
        // or a 5xx, after it may have reached the server).
        const bool resentWrite = isResentWrite(call);
        const int status = error.httpStatus();
        const bool mayHaveApplied
            = resentWrite && reply.mayHaveReachedServer() && (status == 0 || status >= 500);
        if (mayHaveApplied) {
            noteResendOutcome(
                call, tr("Unknown whether the server applied it: no answer that says so came."));
            finishFailed(call,
                ApiError::unknownOutcome(
                    tr("%1 %2 was applied").arg(QString::fromLatin1(call.method), call.url.toDisplayString()),
                    error));
            return;
        }
        // An HTTP answer, even 4xx or 5xx, is the outcome the person asked to see.
        if (status > 0) {
            if (resentWrite)
                noteResendOutcome(call, tr("The server did not apply it: it answered %1.").arg(status));
            finishSucceeded(call, [=] { Q_EMIT resent(id, status); });
            return;
        }
        if (resentWrite) {
            noteResendOutcome(call, tr("It did not reach the server, so nothing was applied."));
            finishFailed(call, error);
            return;
        }
        // A read without an answer is retried like any other.
    }

    if (call.reconciling) {
        // Reading back: a 404 settles a delete (gone) and an update (nothing to change any more).
        if (error.kind() == ApiError::Kind::NotFound && isDelete(call.op)) {
            finishDeleted(call);
            return;
        }
        if (error.kind() == ApiError::Kind::NotFound && isUpdate(call.op)) {
            finishFailed(call, error);
            return;
        }
    } else if (isWrite && error.httpStatus() >= 200 && error.httpStatus() < 300) {
        // The status line of a success arrived: the write was applied, whatever became of its body.
        if (isDelete(call.op)) {
            finishDeleted(call);
            return;
        }
        call.landed = true;
        call.finalRead = true;
        call.pendingError = error;
        beginReconcile(call);
        m_queue.push_front(id);
        return;
    }
    // A DELETE answered 404 is "already gone" only when an earlier copy may have been applied; a 404 to
    // the only copy that reached the server is "not found".
    if (isDelete(call.op) && error.kind() == ApiError::Kind::NotFound && call.ambiguous) {
        finishDeleted(call);
        return;
    }
    // A create refused for a taken email after an earlier copy may have been applied: the email may be
    // taken by that copy. Look before failing.
    // Bounded: a look-up that cannot find the user (it lists substring matches) must not make
    // POST, 422, look-up an endless round.
    constexpr int MaxTakenLookups = 3;
    if (call.op == Operation::CreateUser && !call.reconciling && call.ambiguous
        && error.kind() == ApiError::Kind::Validation && call.takenLookups < MaxTakenLookups) {
        // A 422 cut off before its body says which field it refuses could be "taken" too.
        bool maybeTaken = error.isTruncated() || error.fieldErrors().isEmpty();
        for (const FieldError &f : error.fieldErrors())
            maybeTaken = maybeTaken
                || (f.field == QLatin1String("email") && f.message.contains(QLatin1String("taken")));
        if (maybeTaken) {
            ++call.takenLookups;
            beginReconcile(call);
            m_queue.push_front(call.id);
            return;
        }
    }

    // A server that asks for a longer wait than the policy allows (a 429's reset, a 503's Retry-After) is
    // not waited for at all: the request ends now, saying how long the server asked for.
    const bool hinted = error.kind() == ApiError::Kind::RateLimited || error.httpStatus() == 503;
    const bool hintTooLong = hinted && error.retryAfterSeconds() >= 0
        && qint64(error.retryAfterSeconds()) * 1000 > m_policy.maxServerHintMs;
    if (hintTooLong) {
        ApiError e(error.kind(),
            tr("%1 The server asked to wait %2 s before trying again, longer than the %3 this client "
               "waits.")
                .arg(error.message())
                .arg(error.retryAfterSeconds())
                .arg(m_policy.maxServerHintMs % 1000 == 0 ? tr("%1 s").arg(m_policy.maxServerHintMs / 1000)
                                                          : tr("%1 ms").arg(m_policy.maxServerHintMs)),
            error.httpStatus());
        e.setRetryAfterSeconds(error.retryAfterSeconds());
        e.setRawBody(error.rawBody());
        error = e;
    } else if (error.kind() == ApiError::Kind::RateLimited) {
        // Every request waits, by the same capped delay the retry itself will use.
        const int hint = error.retryAfterSeconds() >= 0 ? error.retryAfterSeconds() : 1;
        m_holdUntilMs = std::max(
            m_holdUntilMs, now() + std::min<qint64>(qint64(hint) * 1000, m_policy.maxServerHintMs));
    }

    const bool mayHaveArrived = reply.mayHaveReachedServer(); // false for 429 and 503: refused, not applied
    // No answer, or a 5xx that is not a refusal: the write may have been applied.
    if (isWrite && !call.reconciling && mayHaveArrived
        && (error.httpStatus() == 0 || error.httpStatus() >= 500))
        call.ambiguous = true;
    const QByteArray method = call.reconciling ? QByteArray("GET") : call.method;
    const int attempt = call.reconciling ? call.lookups : call.attempt;
    const auto decision = hintTooLong
        ? RetryPolicy::Decision::GiveUp
        : m_policy.decide(method, error, mayHaveArrived, attempt, now() - call.firstStartMs);
    switch (decision) {
    case RetryPolicy::Decision::GiveUp:
        if (call.reconciling) {
            // A look-up before the first POST failed: nothing was written. Otherwise the write may have
            // been applied and reading it back failed: the outcome is unknown.
            finishFailed(
                call, call.attempt == 0 ? error : ApiError::unknownOutcome(describeWrite(call), error));
        } else if (isWrite && call.ambiguous && RetryPolicy::isRetryableError(error)) {
            // Out of retries while an earlier copy may have been applied: read the user to find out.
            call.finalRead = true;
            call.pendingError = error;
            beginReconcile(call);
            m_queue.push_front(call.id);
        } else {
            finishFailed(call, error);
        }
        return;
    case RetryPolicy::Decision::Retry: {
        if (mayHaveArrived)
            call.ambiguous = true;
        if (!call.reconciling)
            call.restartAsRequested();
        scheduleRetry(call, error, attempt);
        return;
    }
    case RetryPolicy::Decision::Reconcile:
        call.ambiguous = true;
        beginReconcile(call);
        scheduleRetry(call, error, attempt);
        return;
    }
}

void ApiClient::beginReconcile(Call &call)
{
    call.reconciling = true;
    call.currentMethod = "GET";
    call.currentBody.clear();
    call.sendToken = true;
    call.redirects = 0;
    UserFilter byEmail;
    byEmail.email = call.draft.email.value_or(QString());
    QUrlQuery query;
    byEmail.addTo(query);
    if (call.schema) {
        call.currentUrl
            = isCreate(call.op) ? recordLookupUrl(call) : endpoint(call.schema->itemPath(call.recordId));
        return;
    }
    // The filter matches substrings: the look-up pages through every match until it finds the address.
    if (call.lookupPage > 1)
        query.addQueryItem(QStringLiteral("page"), QString::number(call.lookupPage));
    query.addQueryItem(QStringLiteral("per_page"), QString::number(LookupPageSize));
    call.currentUrl = call.op == Operation::CreateUser ? endpoint(QStringLiteral("/users"), query)
                                                       : endpoint(userPath(call.targetId));
}

bool ApiClient::isResentWrite(const Call &call)
{
    return call.op == Operation::Resend && call.method != "GET" && call.method != "HEAD";
}

void ApiClient::noteResendOutcome(const Call &call, const QString &outcome)
{
    m_log->update(call.logSequence, [&outcome](HttpExchange &e) {
        e.note = e.note.isEmpty() ? outcome : e.note + QLatin1Char(' ') + outcome;
    });
}

QString ApiClient::describeWrite(const Call &call) const
{
    if (call.schema)
        return recordText(call.schema->name,
            isCreate(call.op)       ? 0
                : isDelete(call.op) ? 1
                                    : 2,
            call.recordId.toString());
    switch (call.op) {
    case Operation::CreateUser:
        return tr("the user %1 was created").arg(call.draft.email.value_or(QString()));
    case Operation::DeleteUser:
        return tr("user %1 was deleted").arg(call.targetId.toString());
    default:
        return tr("user %1 was changed").arg(call.targetId.toString());
    }
}

bool ApiClient::matchesDraft(const User &user, const UserDraft &draft)
{
    auto same = [](const QString &have, const std::optional<QString> &sent, Qt::CaseSensitivity cs) {
        return !sent || have.trimmed().compare(sent->trimmed(), cs) == 0;
    };
    return same(user.name, draft.name, Qt::CaseSensitive)
        && same(user.email, draft.email, Qt::CaseInsensitive)
        && same(user.gender, draft.gender, Qt::CaseSensitive)
        && same(user.status, draft.status, Qt::CaseSensitive);
}

void ApiClient::onReadBack(
    Call &call, const QJsonDocument &doc, const std::function<void(const QString &)> &bad)
{
    const RequestId id = call.id;
    QString why;
    if (call.op == Operation::CreateUser) {
        // Looking the email up after a POST that may have been applied (its answer was lost or cut);
        // emails are unique on the server, and the filter matches substrings.
        const auto users = parseList<User>(doc, &why);
        if (!users)
            return bad(why);
        const QString email = call.draft.email.value_or(QString()).trimmed();
        for (const User &u : *users) {
            if (u.email.trimmed().compare(email, Qt::CaseInsensitive) != 0)
                continue;
            if (call.landed) {
                // A 2xx status arrived for our POST: the user with this email is ours, whatever the server
                // made of the fields (it may normalise them); had it existed before, the POST would have
                // been refused.
                qCInfo(lcApi) << "a create whose body was cut landed: user" << u.id.toString();
                finishSucceeded(
                    call, [=] { Q_EMIT userCreated(id, u); }, u);
                return;
            }
            if (matchesDraft(u, call.draft)) {
                // It holds what we sent, but no 201 was seen: it may be ours or may have existed before
                // (nothing was looked up first, to keep a create one request).
                qCInfo(lcApi) << "a create whose answer was lost: user" << u.id.toString()
                              << "holds its fields";
                finishFailed(call,
                    ApiError::unknownOutcome(describeWrite(call),
                        ApiError(ApiError::Kind::Network,
                            tr("the answer was lost, and user %1 now holds this email and every field sent; "
                               "it may be the one this request created or one that existed before.")
                                .arg(u.id.toString()))));
            } else {
                // Not what we sent: someone else's user, so ours was not created.
                ApiError taken(ApiError::Kind::Validation,
                    tr("The email address %1 is already taken by user %2.").arg(email, u.id.toString()), 422);
                taken.setFieldErrors({ { QStringLiteral("email"),
                    tr("has already been taken by user %1").arg(u.id.toString()) } });
                finishFailed(call, taken);
            }
            return;
        }
        if (users->size() >= LookupPageSize && call.lookupPage < MaxLookupPages) {
            // A full page of other addresses that contain this one: the exact one may be further on.
            ++call.lookupPage;
            beginReconcile(call);
            m_queue.push_front(id);
            return;
        }
        if (call.landed) {
            // A 201 arrived, yet the user cannot be found: applied, but not readable.
            finishFailed(call,
                ApiError::unknownOutcome(describeWrite(call),
                    ApiError(ApiError::Kind::BadResponse, tr("The created user could not be found."))));
            return;
        }
        if (call.finalRead) {
            finishFailed(call, call.pendingError);
            return;
        }
        // Not there: no earlier POST took effect, so sending it (again) cannot duplicate it.
        call.restartAsRequested();
        m_queue.push_front(id);
        return;
    }

    // A DELETE, PATCH or PUT that may have been applied: read the user.
    const auto user = User::fromJson(doc.object(), &why);
    if (!doc.isObject() || !user)
        return bad(doc.isObject() ? why : tr("a user object was expected"));
    const User u = *user;
    if (call.op == Operation::UpdateUser && matchesDraft(u, call.draft)) {
        finishSucceeded(call, [=] { Q_EMIT userUpdated(id, u); });
        return;
    }
    if (call.landed && call.op == Operation::UpdateUser) {
        // A 2xx status arrived for our change, so it was applied; the user has been changed again since,
        // and what it holds now is what the table should show.
        finishSucceeded(call, [=] { Q_EMIT userUpdated(id, u); });
        return;
    }
    // Still there (a delete) or unchanged (an update): not applied.
    finishFailed(call, call.pendingError.isError() ? call.pendingError : ApiError::badResponse(why));
}

void ApiClient::scheduleRetry(Call &call, const ApiError &reason, int attemptForDelay)
{
    const int delay = m_policy.delayMs(attemptForDelay, reason.retryAfterSeconds());
    if (!call.retryTimer) {
        call.retryTimer = new QTimer(this);
        call.retryTimer->setSingleShot(true);
        const RequestId id = call.id;
        connect(call.retryTimer, &QTimer::timeout, this, [this, id] {
            if (!m_calls.count(id))
                return;
            m_queue.push_front(id); // a retry goes ahead of work that has not started yet
            dispatch();
        });
    }
    call.retryTimer->start(delay);
    qCInfo(lcApi).noquote() << "retrying" << call.method
                            << call.url.toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo) << "in" << delay
                            << "ms:" << reason.message();
    Q_EMIT retryScheduled(call.id, (call.reconciling ? call.lookups : call.attempt) + 1, delay, reason);
}

void ApiClient::finishSucceeded(
    Call &call, const std::function<void()> &emitSignal, const std::optional<User> &user)
{
    std::unique_ptr<Call> owned = std::move(m_calls.at(call.id));
    m_calls.erase(call.id);
    if (owned->retryTimer)
        owned->retryTimer->deleteLater();
    if (owned->deadlineTimer)
        owned->deadlineTimer->deleteLater();
    emitSignal();
    if (owned->bulkId) {
        BulkItemResult r;
        r.index = owned->bulkIndex;
        r.ok = true;
        r.userId = user ? user->id : owned->targetId;
        r.user = user;
        finishBulkItem(owned->bulkId, r);
    }
    checkIdle();
}

void ApiClient::finishFailed(Call &call, const ApiError &error)
{
    std::unique_ptr<Call> owned = std::move(m_calls.at(call.id));
    m_calls.erase(call.id);
    if (owned->retryTimer)
        owned->retryTimer->deleteLater();
    if (owned->deadlineTimer)
        owned->deadlineTimer->deleteLater();
    Q_EMIT requestFailed(owned->id, error);
    if (owned->bulkId) {
        BulkItemResult r;
        r.index = owned->bulkIndex;
        r.ok = false;
        r.userId = owned->targetId;
        r.error = error;
        finishBulkItem(owned->bulkId, r);
    }
    checkIdle();
}

void ApiClient::finishBulkItem(RequestId bulkId, BulkItemResult result)
{
    auto it = m_bulks.find(bulkId);
    if (it == m_bulks.end())
        return;
    Bulk &bulk = *it->second;
    if (bulk.total > 0) {
        bulk.results[result.index] = std::move(result);
        ++bulk.done;
        Q_EMIT bulkProgress(bulkId, bulk.done, bulk.total);
    }
    if (bulk.done < bulk.total)
        return;
    const QList<BulkItemResult> results = std::move(bulk.results);
    m_bulks.erase(it);
    Q_EMIT bulkFinished(bulkId, results);
}

void ApiClient::checkIdle()
{
    if (m_calls.empty() && m_bulks.empty())
        Q_EMIT idle();
}

// ---- records of any resource ----------------------------------------------------------------------------

std::unique_ptr<ApiClient::Call> ApiClient::recordCall(Operation op, const ResourceSchema &schema)
{
    auto call = std::make_unique<Call>();
    call->op = op;
    call->schema = std::make_shared<const ResourceSchema>(schema);
    return call;
}

ApiClient::RequestId ApiClient::refuseBeforeSending(std::unique_ptr<Call> call, const ApiError &error)
{
    call->id = m_nextId++;
    const RequestId id = call->id;
    m_calls.emplace(id, std::move(call));
    QMetaObject::invokeMethod(
        this,
        [this, id, error] {
            if (auto it = m_calls.find(id); it != m_calls.end())
                finishFailed(*it->second, error);
        },
        Qt::QueuedConnection);
    return id;
}

std::optional<ApiError> ApiClient::checkRecordFields(
    const ResourceSchema &schema, const QJsonObject &fields, bool requireAll, bool parentFromPath) const
{
    QList<FieldError> problems;
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        const FieldSpec *spec = schema.field(it.key());
        if (!spec)
            problems.append({ it.key(), tr("is not a field of %1").arg(schema.name) });
        else if (!spec->isWritable())
            problems.append({ it.key(), tr("is given by the server and cannot be sent") });
    }
    if (!requireAll && fields.isEmpty())
        return ApiError(ApiError::Kind::Validation, tr("Nothing to change: no field was given."));
    problems += schema.validate(fields, requireAll, parentFromPath);
    if (problems.isEmpty())
        return std::nullopt;
    ApiError e(ApiError::Kind::Validation, tr("The data is not valid; it was not sent."));
    e.setFieldErrors(problems);
    return e;
}

ApiClient::RequestId ApiClient::listRecords(const ResourceSchema &schema, int page, int perPage,
    const QList<std::pair<QString, QString>> &filters, const ResourceId &parentId)
{
    auto call = recordCall(Operation::ListRecords, schema);
    call->method = "GET";
    call->parentId = parentId;
    call->page = std::max(1, page);
    call->perPage = std::clamp(perPage, 1, 100);
    if (!parentId.isNull() && schema.parent.isEmpty())
        return refuseBeforeSending(std::move(call),
            ApiError(
                ApiError::Kind::Validation, tr("%1 have no parent to list them under.").arg(schema.name)));
    QUrlQuery query;
    m_dialect.addPaging(query, call->page, call->perPage);
    for (const auto &[key, value] : filters) {
        const FieldSpec *spec = schema.field(key);
        if (!spec) {
            return refuseBeforeSending(std::move(call),
                ApiError(ApiError::Kind::Validation,
                    tr("%1 cannot be filtered by \"%2\"; the fields are %3.")
                        .arg(schema.name, key, schema.fieldNames().join(QStringLiteral(", ")))));
        }
        const bool substring = spec->type == FieldSpec::Type::String || spec->type == FieldSpec::Type::Text
            || spec->type == FieldSpec::Type::Email;
        m_dialect.addFieldFilter(query, key, value, substring);
    }
    call->url = endpoint(schema.path(parentId), query);
    return enqueue(std::move(call));
}

ApiClient::RequestId ApiClient::getRecord(const ResourceSchema &schema, const ResourceId &id)
{
    auto call = recordCall(Operation::GetRecord, schema);
    call->method = "GET";
    call->recordId = id;
    if (id.isNull())
        return refuseBeforeSending(
            std::move(call), ApiError(ApiError::Kind::Validation, tr("No id was given; nothing was asked.")));
    call->url = endpoint(schema.itemPath(id));
    return enqueue(std::move(call));
}

QJsonObject ApiClient::referencesAsServerKeepsThem(const ResourceSchema &schema, QJsonObject fields) const
{
    if (!m_dialect.idsAreText())
        return fields;
    for (const FieldSpec &f : schema.fields) {
        const auto it = fields.find(f.name);
        if (f.type == FieldSpec::Type::Reference && it != fields.end() && it->isDouble())
            if (const auto id = ResourceId::fromJson(*it))
                *it = id->toString();
    }
    return fields;
}

ApiClient::RequestId ApiClient::createRecord(
    const ResourceSchema &schema, const QJsonObject &fields, const ResourceId &parentId)
{
    auto call = recordCall(Operation::CreateRecord, schema);
    call->method = "POST";
    call->parentId = parentId;
    call->fields = fields;
    if (!parentId.isNull() && schema.parent.isEmpty())
        return refuseBeforeSending(std::move(call),
            ApiError(
                ApiError::Kind::Validation, tr("%1 have no parent to create them under.").arg(schema.name)));
    if (auto refused = checkRecordFields(schema, fields, true, !parentId.isNull()))
        return refuseBeforeSending(std::move(call), *refused);
    call->fields = referencesAsServerKeepsThem(schema, fields);
    call->body = QJsonDocument(call->fields).toJson(QJsonDocument::Compact);
    call->url = endpoint(schema.path(parentId));
    // No field of a post, comment or todo is unique: only a record that did not match before the first
    // POST can be ours, so look first (as a user's create does by its email).
    call->lookFirst = true;
    return enqueue(std::move(call));
}

ApiClient::RequestId ApiClient::updateRecord(
    const ResourceSchema &schema, const ResourceId &id, const QJsonObject &fields, UpdateMethod method)
{
    auto call = recordCall(Operation::UpdateRecord, schema);
    call->method = method == UpdateMethod::Put ? "PUT" : "PATCH";
    call->recordId = id;
    call->fields = fields;
    if (id.isNull())
        return refuseBeforeSending(
            std::move(call), ApiError(ApiError::Kind::Validation, tr("No id was given; nothing was sent.")));
    if (auto refused = checkRecordFields(schema, fields, false, false))
        return refuseBeforeSending(std::move(call), *refused);
    call->fields = referencesAsServerKeepsThem(schema, fields);
    call->body = QJsonDocument(call->fields).toJson(QJsonDocument::Compact);
    call->url = endpoint(schema.itemPath(id));
    return enqueue(std::move(call));
}

ApiClient::RequestId ApiClient::deleteRecord(const ResourceSchema &schema, const ResourceId &id)
{
    auto call = recordCall(Operation::DeleteRecord, schema);
    call->method = "DELETE";
    call->recordId = id;
    if (id.isNull())
        return refuseBeforeSending(
            std::move(call), ApiError(ApiError::Kind::Validation, tr("No id was given; nothing was sent.")));
    // As deleteUser: an empty object makes a copy Qt sends again visible, so a 404 to it reads as gone.
    call->body = "{}";
    call->url = endpoint(schema.itemPath(id));
    return enqueue(std::move(call));
}

QUrl ApiClient::recordLookupUrl(const Call &call) const
{
    // The top-level list filtered by the parent field (a nested list of a parent that does not exist is a
    // 404 on some servers, and the POST's own 422 says that better), by the first text field and by any
    // email: narrow enough for one page, and every field is compared on the records it returns.
    const ResourceSchema &schema = *call.schema;
    QUrlQuery query;
    m_dialect.addPaging(query, call.lookupPage, LookupPageSize);
    const QJsonObject sent = call.fields;
    if (!schema.parentField.isEmpty()) {
        const QJsonValue parent
            = call.parentId.isNull() ? sent.value(schema.parentField) : call.parentId.toJson();
        const QString text = parent.isString() ? parent.toString().trimmed()
            : parent.isDouble()                ? QString::number(parent.toInteger())
                                               : QString();
        if (!text.isEmpty())
            m_dialect.addFieldFilter(query, schema.parentField, text, false);
    }
    bool textFieldUsed = false;
    for (const FieldSpec &f : schema.fields) {
        const QString value = sent.value(f.name).toString().trimmed();
        // Long values stay out of the address (servers cap a filter's length); the comparison has them.
        if (value.isEmpty() || value.size() > 100)
            continue;
        if (f.type == FieldSpec::Type::Email || (f.type == FieldSpec::Type::String && !textFieldUsed)) {
            m_dialect.addFieldFilter(query, f.name, value, true);
            textFieldUsed = textFieldUsed || f.type == FieldSpec::Type::String;
        }
    }
    return endpoint(schema.path(), query);
}

void ApiClient::onRecordSuccess(Call &call, const RestReply &reply, const QJsonDocument &doc,
    const std::function<void(const QString &)> &bad)
{
    const RequestId id = call.id;
    const QString resource = call.schema->name;
    QString why;
    if (call.op == Operation::ListRecords) {
        RecordsPage page;
        if (!RecordParser::parsePage(
                *call.schema, m_dialect, doc, reply.headers(), call.page, call.perPage, &page, &why))
            return bad(why);
        page.parentId = call.parentId;
        finishSucceeded(call, [=] { Q_EMIT recordsPageReceived(id, page); });
        return;
    }
    const auto record = RecordParser::parseRecord(
        *call.schema, doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(), &why);
    if (!record)
        return bad(why);
    const QJsonObject r = *record;
    if (call.op == Operation::GetRecord)
        finishSucceeded(call, [=] { Q_EMIT recordReceived(id, resource, r); });
    else if (call.op == Operation::CreateRecord)
        finishSucceeded(call, [=] { Q_EMIT recordCreated(id, resource, r); });
    else
        finishSucceeded(call, [=] { Q_EMIT recordUpdated(id, resource, r); });
}

void ApiClient::onRecordReadBack(
    Call &call, const QJsonDocument &doc, const std::function<void(const QString &)> &bad)
{
    const RequestId id = call.id;
    const QString resource = call.schema->name;
    QString why;
    if (call.op == Operation::CreateRecord) {
        RecordsPage page;
        if (!RecordParser::parsePage(
                *call.schema, m_dialect, doc, {}, call.lookupPage, LookupPageSize, &page, &why))
            return bad(why);
        QJsonObject sent = call.fields;
        if (!call.parentId.isNull() && !call.schema->parentField.isEmpty())
            sent.insert(call.schema->parentField, call.parentId.toJson());
        std::optional<QJsonObject> candidate;
        for (const QJsonObject &r : std::as_const(page.items)) {
            if (!RecordParser::matches(*call.schema, r, sent))
                continue;
            const ResourceId rid = RecordParser::idOf(r);
            if (call.attempt == 0) {
                call.matchedBefore.insert(rid);
                continue;
            }
            // The newest record that was not there before the first POST.
            if (!call.matchedBefore.contains(rid) && (!candidate || RecordParser::idOf(*candidate) < rid))
                candidate = r;
        }
        const bool fullPage = page.items.size() + page.skipped.size() >= LookupPageSize;
        if (!candidate && fullPage && call.lookupPage < MaxLookupPages) {
            // More records hold these values than one page: the rest may be further on.
            ++call.lookupPage;
            beginReconcile(call);
            m_queue.push_front(id);
            return;
        }
        if (call.attempt == 0) {
            call.restartAsRequested();
            m_queue.push_front(id);
            return;
        }
        if (call.landed) {
            // A 2xx status arrived for our POST: a matching record that was not there before is ours.
            if (candidate) {
                const QJsonObject r = *candidate;
                finishSucceeded(call, [=] { Q_EMIT recordCreated(id, resource, r); });
            } else {
                finishFailed(call,
                    ApiError::unknownOutcome(describeWrite(call),
                        ApiError(ApiError::Kind::BadResponse, tr("The created record could not be found."))));
            }
            return;
        }
        if (candidate) {
            // Likely ours, but with no unique field it cannot be told from someone else's identical one.
            ApiError unknown(ApiError::Kind::Unknown,
                recordText(resource, 3, RecordParser::idOf(*candidate).toString()),
                call.pendingError.httpStatus());
            finishFailed(call, unknown);
            return;
        }
        if (call.finalRead) {
            finishFailed(call, call.pendingError);
            return;
        }
        // Not there: no earlier POST took effect, so sending it (again) cannot duplicate it.
        call.restartAsRequested();
        m_queue.push_front(id);
        return;
    }

    // A DELETE, PATCH or PUT that may have been applied: read the record.
    const auto record = RecordParser::parseRecord(
        *call.schema, doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(), &why);
    if (!record)
        return bad(why);
    const QJsonObject r = *record;
    if (call.op == Operation::UpdateRecord
        && (call.landed || RecordParser::matches(*call.schema, r, call.fields))) {
        // Holds what was sent, or a 2xx arrived for the change and the record changed again since.
        finishSucceeded(call, [=] { Q_EMIT recordUpdated(id, resource, r); });
        return;
    }
    // Still there (a delete) or unchanged (an update): not applied.
    finishFailed(call, call.pendingError.isError() ? call.pendingError : ApiError::badResponse(why));
}

void ApiClient::finishDeleted(Call &call)
{
    const RequestId id = call.id;
    if (call.schema) {
        const QString resource = call.schema->name;
        const ResourceId recordId = call.recordId;
        finishSucceeded(call, [=] { Q_EMIT recordDeleted(id, resource, recordId); });
        return;
    }
    const ResourceId userId = call.targetId;
    finishSucceeded(call, [=] { Q_EMIT userDeleted(id, userId); });
}

QString ApiClient::recordText(const QString &resource, int what, const QString &id)
{
    // Whole sentences per resource: the noun's gender and case differ between languages.
    struct Texts
    {
        const char *resource;
        const char *created;
        const char *deleted;
        const char *changed;
        const char *likely;
    };
    static const Texts texts[] = {
        { "posts", QT_TRANSLATE_NOOP("UserDesk::ApiClient", "the post was created"),
            QT_TRANSLATE_NOOP("UserDesk::ApiClient", "post %1 was deleted"),
            QT_TRANSLATE_NOOP("UserDesk::ApiClient", "post %1 was changed"),
            QT_TRANSLATE_NOOP("UserDesk::ApiClient",
                "It is not known whether the post was created; post %1 matches what was sent.") },
        { "comments", QT_TRANSLATE_NOOP("UserDesk::ApiClient", "the comment was created"),
            QT_TRANSLATE_NOOP("UserDesk::ApiClient", "comment %1 was deleted"),
            QT_TRANSLATE_NOOP("UserDesk::ApiClient", "comment %1 was changed"),
            QT_TRANSLATE_NOOP("UserDesk::ApiClient",
                "It is not known whether the comment was created; comment %1 matches what was sent.") },
        { "todos", QT_TRANSLATE_NOOP("UserDesk::ApiClient", "the todo was created"),
            QT_TRANSLATE_NOOP("UserDesk::ApiClient", "todo %1 was deleted"),
            QT_TRANSLATE_NOOP("UserDesk::ApiClient", "todo %1 was changed"),
            QT_TRANSLATE_NOOP("UserDesk::ApiClient",
                "It is not known whether the todo was created; todo %1 matches what was sent.") },
        { "users", QT_TRANSLATE_NOOP("UserDesk::ApiClient", "the user was created"),
            QT_TRANSLATE_NOOP("UserDesk::ApiClient", "user %1 was deleted"),
            QT_TRANSLATE_NOOP("UserDesk::ApiClient", "user %1 was changed"),
            QT_TRANSLATE_NOOP("UserDesk::ApiClient",
                "It is not known whether the user was created; user %1 matches what was sent.") },
    };
    for (const Texts &t : texts) {
        if (resource != QLatin1String(t.resource))
            continue;
        const char *text = what == 0 ? t.created : what == 1 ? t.deleted : what == 2 ? t.changed : t.likely;
        return what == 0 ? tr(text) : tr(text).arg(id);
    }
    switch (what) {
    case 0:
        return tr("the record of %1 was created").arg(resource);
    case 1:
        return tr("record %1 of %2 was deleted").arg(id, resource);
    case 2:
        return tr("record %1 of %2 was changed").arg(id, resource);
    default:
        return tr("It is not known whether the record of %1 was created; record %2 matches what was sent.")
            .arg(resource, id);
    }
}

} // namespace UserDesk
