#include "sandboxserver.h"

#include "jsonwriter.h"
#include "sandboxlistener.h"
#include "sandboxstore.h"

#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTcpSocket>
#include <QTimer>

#include <atomic>
#include <cstdio>
#include <mutex>

namespace UserDesk {

namespace {

const QString AdminPrefix = QStringLiteral("/__sandbox");

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return QByteArrayLiteral("GET");
    case QHttpServerRequest::Method::Put:
        return QByteArrayLiteral("PUT");
    case QHttpServerRequest::Method::Delete:
        return QByteArrayLiteral("DELETE");
    case QHttpServerRequest::Method::Post:
        return QByteArrayLiteral("POST");
    case QHttpServerRequest::Method::Head:
        return QByteArrayLiteral("HEAD");
    case QHttpServerRequest::Method::Options:
        return QByteArrayLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch:
        return QByteArrayLiteral("PATCH");
    case QHttpServerRequest::Method::Connect:
        return QByteArrayLiteral("CONNECT");
    case QHttpServerRequest::Method::Trace:
        return QByteArrayLiteral("TRACE");
    default:
        return QByteArrayLiteral("UNKNOWN");
    }
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 413:
        return "Payload Too Large";
    case 414:
        return "URI Too Long";
    case 422:
        return "Unprocessable Entity";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    default:
        return "Unknown";
    }
}

// What a reverse proxy in front of a real service answers when the app behind it is down.
const QByteArray ProxyErrorPage
    = QByteArrayLiteral("<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
                        "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
                        "</body>\r\n</html>\r\n");

QString nextConnectionName()
{
    static std::atomic<quint64> counter { 0 };
    return QStringLiteral("userdesk-sandbox-") + QString::number(++counter);
}

} // namespace

namespace {
QLoggingCategory::CategoryFilter previousLogFilter = nullptr;

// QtHttpServer's debug output prints every request with all its headers, bearer tokens included; the
// sandbox runs inside the app, where turning on debug logging must not put tokens in the output.
void keepTokensOutOfLogs(QLoggingCategory *category)
{
    if (previousLogFilter)
        previousLogFilter(category);
    if (qstrncmp(category->categoryName(), "qt.httpserver", 13) == 0)
        category->setEnabled(QtDebugMsg, false);
}
} // namespace

SandboxServer::SandboxServer(const SandboxConfig &config, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_config(config)
    , m_faults(config.faults)
    , m_faultRng(config.faults.seed)
    , m_jitterRng(~config.faults.seed)
    , m_rateLimit(config.rateLimit)
{
    static std::once_flag installed;
    std::call_once(
        installed, [] { previousLogFilter = QLoggingCategory::installFilter(keepTokensOutOfLogs); });
}

SandboxServer::~SandboxServer()
{
    stop();
}

bool SandboxServer::start()
{
    if (isRunning())
        return true;
    {
        QMutexLocker lock(&m_mutex);
        if (m_config.tokens.isEmpty())
            m_config.tokens.append(SandboxConfig::generateToken());
        if (m_config.adminToken.isEmpty())
            m_config.adminToken = SandboxConfig::generateToken();
        if (m_config.dataPath.isEmpty())
            m_config.dataPath = SandboxConfig::defaultDataPath();
        m_error.clear();
    }

    m_store = std::make_unique<SandboxStore>(nextConnectionName());
    if (!m_store->open(m_config.dataPath)) {
        fail(QStringLiteral("cannot open ") + m_config.dataPath + QStringLiteral(": ")
            + m_store->errorString());
        return false;
    }
    if (m_config.reset || !m_store->isSeeded()) {
        if (!m_store->reseed(m_config.seedUsers, m_config.dataSeed)) {
            fail(QStringLiteral("cannot seed ") + m_config.dataPath + QStringLiteral(": ")
                + m_store->errorString());
            return false;
        }
    }
    m_api = std::make_unique<SandboxApi>(*m_store);
    m_api->setTokens(m_config.tokens);

    SandboxListener::Limits limits;
    limits.maxBodyBytes = m_config.maxBodyBytes;
    limits.maxConnections = qMax(1, m_config.maxConnections);
    limits.idleTimeoutMs = qMax(1, m_config.idleTimeoutMs);
    limits.requestTimeoutMs = qMax(1, m_config.requestTimeoutMs);
    // Unfinished requests of all connections together: enough for a few full-size bodies at once.
    limits.maxBufferedBytes = qMax<qint64>(limits.maxBufferedBytes, 2 * m_config.maxBodyBytes);
    auto *listener = new SandboxListener(limits, this);
    if (!listener->listen(m_config.bindAddress, m_config.port)) {
        const QString error = listener->errorString();
        delete listener;
        fail(QStringLiteral("cannot listen on ") + m_config.bindAddress.toString() + QLatin1Char(':')
            + QString::number(m_config.port) + QStringLiteral(": ") + error);
        return false;
    }
    connect(listener, &SandboxListener::connectionAccepted, this, [this]() {
        QMutexLocker lock(&m_mutex);
        ++m_stats.connections;
    });
    connect(listener, &SandboxListener::garbageRejected, this, [this]() {
        QMutexLocker lock(&m_mutex);
        ++m_stats.rejectedGarbage;
    });
    connect(listener, &SandboxListener::requestRefused, this, [this](int status) {
        QMutexLocker lock(&m_mutex);
        if (status != 400)
            ++m_stats.refusedRequests;
    });
    connect(listener, &SandboxListener::connectionRefused, this, [this]() {
        QMutexLocker lock(&m_mutex);
        ++m_stats.refusedConnections;
    });
    connect(listener, &SandboxListener::idleClosed, this, [this]() {
        QMutexLocker lock(&m_mutex);
        ++m_stats.idleClosed;
    });
    listener->setBusyCheck([this](QTcpSocket *socket) {
        const auto it = m_connections.constFind(socket);
        return it != m_connections.cend() && (it->busy || !it->queue.isEmpty());
    });
    bind(listener);
    listener->takeOverAccepting();
    m_listener = listener;

    QHostAddress host = m_config.bindAddress;
    // A wildcard address is not somewhere a client can connect to; loopback is.
    if (host == QHostAddress::Any || host == QHostAddress::AnyIPv4)
        host = QHostAddress::LocalHost;
    else if (host == QHostAddress::AnyIPv6)
        host = QHostAddress::LocalHostIPv6;
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(host.toString());
    url.setPort(listener->serverPort());
    url.setPath(QStringLiteral("/public/v2"));
    {
        QMutexLocker lock(&m_mutex);
        m_baseUrl = url;
    }
    Q_EMIT started(url);
    return true;
}

void SandboxServer::fail(const QString &error)
{
    QMutexLocker lock(&m_mutex);
    m_error = error;
    lock.unlock();
    m_api.reset();
    m_store.reset();
}

void SandboxServer::stop()
{
    if (m_listener) {
        m_listener->stopAccepting();
        m_listener->close();
        // abort() makes QtHttpServer schedule each socket's deletion; deleting the
        // listener then takes whatever is left, and with it any pending latency timers.
        const QList<QTcpSocket *> sockets = m_listener->sockets();
        for (QTcpSocket *socket : sockets)
            socket->abort();
        delete m_listener.data();
    }
    m_connections.clear();
    m_api.reset();
    if (m_store)
        m_store->close();
    m_store.reset();
    QMutexLocker lock(&m_mutex);
    m_baseUrl.clear();
}

bool SandboxServer::reset(int userCount)
{
    if (!m_store)
        return false;
    const int users = userCount < 0 ? m_config.seedUsers : userCount;
    if (!m_store->reseed(users, m_config.dataSeed)) {
        QMutexLocker lock(&m_mutex);
        m_error = m_store->errorString();
        return false;
    }
    if (m_api)
        m_api->clearRateLimitWindows();
    return true;
}

bool SandboxServer::isRunning() const
{
    QMutexLocker lock(&m_mutex);
    return !m_baseUrl.isEmpty();
}

QUrl SandboxServer::baseUrl() const
{
    QMutexLocker lock(&m_mutex);
    return m_baseUrl;
}

quint16 SandboxServer::port() const
{
    QMutexLocker lock(&m_mutex);
    return quint16(m_baseUrl.port(0));
}

QString SandboxServer::errorString() const
{
    QMutexLocker lock(&m_mutex);
    return m_error;
}

QStringList SandboxServer::tokens() const
{
    QMutexLocker lock(&m_mutex);
    return m_config.tokens;
}

QString SandboxServer::adminToken() const
{
    QMutexLocker lock(&m_mutex);
    return m_config.adminToken;
}

void SandboxServer::setFaults(const SandboxFaults &faults)
{
    QMutexLocker lock(&m_mutex);
    m_faults = faults;
    m_faultRng = SplitMix64(faults.seed);
    m_jitterRng = SplitMix64(~faults.seed);
}

SandboxFaults SandboxServer::faults() const
{
    QMutexLocker lock(&m_mutex);
    return m_faults;
}

void SandboxServer::setRateLimit(const SandboxRateLimit &limit)
{
    QMutexLocker lock(&m_mutex);
    m_rateLimit = limit;
}

SandboxRateLimit SandboxServer::rateLimit() const
{
    QMutexLocker lock(&m_mutex);
    return m_rateLimit;
}

SandboxStats SandboxServer::stats() const
{
    QMutexLocker lock(&m_mutex);
    return m_stats;
}

bool SandboxServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // QHttpServerRequest is reused for the connection's next request and dies with the
    // socket, so everything a delayed answer needs is copied out now.
    Pending pending;
    pending.received.start();
    pending.request.method = methodName(request.method());
    pending.request.headers = request.headers();
    pending.request.body = request.body();
    pending.request.url = request.url();
    // Links and Location come from the address the sandbox was configured with, never from the
    // client's Host header (which a page in a browser can set, and which may carry no port).
    QUrl origin = baseUrl();
    origin.setPath(QString());
    pending.request.origin = origin;
    {
        QMutexLocker lock(&m_mutex);
        ++m_stats.requests;
    }

    auto it = m_connections.find(socket);
    if (it == m_connections.end()) {
        it = m_connections.insert(socket, Connection());
        // Only the key is used afterwards; the pointer is never dereferenced once gone.
        connect(socket, &QObject::destroyed, this, [this, socket]() { m_connections.remove(socket); });
    }
    it->queue.enqueue(pending);
    pump(socket);
    return true;
}

void SandboxServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // Not reached (handleRequest takes everything); answer like GoRest if it ever is.
    Q_UNUSED(request);
    answer(socket, SandboxApi::message(404, QStringLiteral("Resource not found")), false);
}

void SandboxServer::pump(QTcpSocket *socket)
{
    const auto it = m_connections.find(socket);
    if (it == m_connections.end() || it->busy || it->queue.isEmpty())
        return;
    it->busy = true;
    const Pending pending = it->queue.dequeue();

    int delay = 0;
    if (!pending.request.url.path().startsWith(AdminPrefix)) {
        QMutexLocker lock(&m_mutex);
        delay = m_faults.latencyMs;
        if (m_faults.jitterMs > 0)
            delay += int(m_jitterRng.bounded(quint64(m_faults.jitterMs) + 1));
    }
    if (delay <= 0) {
        serve(socket, pending);
        return;
    }
    // The socket as context: if the client goes away first, the timer is dropped with it.
    QTimer::singleShot(delay, socket, [this, socket, pending]() { serve(socket, pending); });
}

void SandboxServer::finish(QTcpSocket *socket)
{
    const auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    it->busy = false;
    if (!it->queue.isEmpty())
        QTimer::singleShot(0, socket, [this, socket]() { pump(socket); });
}

void SandboxServer::serve(QTcpSocket *socket, const Pending &pending)
{
    if (socket->state() != QAbstractSocket::ConnectedState) {
        m_connections.remove(socket);
        return;
    }
    const SandboxApi::Request &request = pending.request;
    const bool clientCloses = request.header("connection").toLower().contains("close");

    if (request.url.path() == AdminPrefix || request.url.path().startsWith(AdminPrefix + QLatin1Char('/'))) {
        const SandboxApi::Reply reply = admin(request);
        answer(socket, reply, clientCloses);
        log(pending, QByteArray::number(reply.status));
        finish(socket);
        return;
    }
    if (request.body.size() > m_config.maxBodyBytes) {
        answer(socket, SandboxApi::message(413, QStringLiteral("Request body too large")), true);
        log(pending, "413");
        finish(socket);
        return;
    }

    FaultRoll roll;
    {
        QMutexLocker lock(&m_mutex);
        // Every kind is rolled every time, so one fault's rate does not shift the
        // sequence another fault sees for a given seed.
        roll.html = m_faultRng.chance(m_faults.htmlErrorRate);
        roll.fail = m_faultRng.chance(m_faults.failRate);
        const bool drop = m_faultRng.chance(m_faults.dropRate);
        const bool dropEarly = m_faultRng.chance(0.5);
        roll.dropBefore = m_faultRng.chance(m_faults.dropBeforeRate) || (drop && dropEarly);
        roll.dropAfter = m_faultRng.chance(m_faults.dropAfterRate) || (drop && !dropEarly);
        roll.truncate = m_faultRng.chance(m_faults.truncateRate);
        // Before any fault decides the answer: a limit set now holds from the next request on, whatever
        // that request's fate (the limiter keeps its windows when the limit is unchanged).
        m_api->setRateLimit(m_rateLimit);
        if (roll.html)
            ++m_stats.injectedHtml;
        else if (roll.fail)
            ++m_stats.injected503;
        else if (roll.dropBefore)
            ++m_stats.dropsBefore;
    }

    if (roll.html) {
        SandboxApi::Reply reply;
        reply.status = 502;
        reply.body = ProxyErrorPage;
        reply.contentType = QByteArrayLiteral("text/html");
        answer(socket, reply, clientCloses);
        log(pending, "502 (injected)");
    } else if (roll.fail) {
        SandboxApi::Reply reply = SandboxApi::message(503, QStringLiteral("Service Unavailable"));
        if (m_faults.retryAfterSeconds > 0)
            reply.headers.append(
                { QByteArrayLiteral("Retry-After"), QByteArray::number(m_faults.retryAfterSeconds) });
        answer(socket, reply, clientCloses);
        log(pending, "503 (injected)");
    } else if (roll.dropBefore) {
        log(pending, "dropped before applying");
        socket->abort();
    } else {
        const SandboxApi::Reply reply = m_api->handle(request);
        {
            QMutexLocker lock(&m_mutex);
            if (reply.changedData)
                ++m_stats.writesApplied;
            if (reply.status == 429)
                ++m_stats.rateLimited;
            if (roll.dropAfter)
                ++m_stats.dropsAfter;
            else if (roll.truncate && reply.body.size() >= 2)
                ++m_stats.truncated;
        }
        if (roll.dropAfter) {
            log(pending, QByteArray::number(reply.status) + " dropped after applying");
            socket->abort();
        } else if (roll.truncate && reply.body.size() >= 2) {
            log(pending, QByteArray::number(reply.status) + " truncated");
            answer(socket, reply, true, reply.body.size() / 2);
        } else {
            answer(socket, reply, clientCloses);
            log(pending, QByteArray::number(reply.status));
        }
    }
    finish(socket);
}

SandboxApi::Reply SandboxServer::admin(const SandboxApi::Request &request)
{
    QString adminToken;
    {
        QMutexLocker lock(&m_mutex);
        adminToken = m_config.adminToken;
    }
    const QByteArray given = request.header("x-sandbox-admin");
    if (given.isEmpty() || given != adminToken.toUtf8())
        return SandboxApi::message(401, QStringLiteral("Invalid admin token"));

    const QString path = request.url.path();
    const auto jsonReply = [](const QJsonObject &object) {
        SandboxApi::Reply reply;
        reply.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
        return reply;
    };
    const auto methodNotAllowed = [](const QByteArray &allow) {
        SandboxApi::Reply reply = SandboxApi::message(405, QStringLiteral("Method not allowed"));
        reply.headers.append({ "Allow", allow });
        return reply;
    };
    const auto faultsJson = [this]() {
        QMutexLocker lock(&m_mutex);
        QJsonObject json = m_faults.toJson();
        json.insert(QStringLiteral("rate_limit"), m_rateLimit.toString());
        json.insert(QStringLiteral("retry_after"), m_rateLimit.sendRetryAfter);
        return json;
    };

    QJsonObject body;
    if (!request.body.trimmed().isEmpty()) {
        const QJsonDocument document = QJsonDocument::fromJson(request.body);
        if (!document.isObject())
            return SandboxApi::message(400, QStringLiteral("Request body must be a JSON object"));
        body = document.object();
    }

    if (path == AdminPrefix + QStringLiteral("/faults")) {
        if (request.method == "GET")
            return jsonReply(faultsJson());
        if (request.method != "POST")
            return methodNotAllowed("GET, POST");
        QString error;
        const std::optional<SandboxFaults> faults = SandboxFaults::fromJson(body, this->faults(), &error);
        if (!faults)
            return SandboxApi::message(400, error);
        SandboxRateLimit limit = rateLimit();
        if (body.contains(QStringLiteral("rate_limit"))) {
            const QJsonValue value = body.value(QStringLiteral("rate_limit"));
            const std::optional<SandboxRateLimit> parsed = value.isNull()
                ? SandboxRateLimit::parse(u"off")
                : SandboxRateLimit::parse(value.toString());
            if (!parsed)
                return SandboxApi::message(
                    400, QStringLiteral("rate_limit must be \"N/SECONDS\" or \"off\""));
            limit.limit = parsed->limit;
            limit.windowSeconds = parsed->windowSeconds;
        }
        if (body.contains(QStringLiteral("retry_after")))
            limit.sendRetryAfter = body.value(QStringLiteral("retry_after")).toBool(true);
        setFaults(*faults);
        setRateLimit(limit);
        return jsonReply(faultsJson());
    }
    if (path == AdminPrefix + QStringLiteral("/reset")) {
        if (request.method != "POST")
            return methodNotAllowed("POST");
        const int users = body.value(QStringLiteral("users")).toInt(-1);
        if (!reset(users))
            return SandboxApi::message(500, QStringLiteral("Reset failed: ") + errorString());
        return jsonReply({ { QStringLiteral("users"), m_store->count(SandboxResource::Users) },
            { QStringLiteral("posts"), m_store->count(SandboxResource::Posts) },
            { QStringLiteral("todos"), m_store->count(SandboxResource::Todos) },
            { QStringLiteral("comments"), m_store->count(SandboxResource::Comments) } });
    }
    if (path == AdminPrefix + QStringLiteral("/stats")) {
        if (request.method != "GET")
            return methodNotAllowed("GET");
        return jsonReply(stats().toJson());
    }
    return SandboxApi::message(404, QStringLiteral("Resource not found"));
}

void SandboxServer::answer(
    QTcpSocket *socket, const SandboxApi::Reply &reply, bool close, qsizetype truncateAt)
{
    QByteArray out;
    out.reserve(256 + reply.body.size());
    out += "HTTP/1.1 " + QByteArray::number(reply.status) + ' ' + reasonPhrase(reply.status) + "\r\n";
    if (!reply.contentType.isEmpty())
        out += "Content-Type: " + reply.contentType + "\r\n";
    // A 204 carries neither a body nor a Content-Length (RFC 9110 8.6).
    if (reply.status != 204)
        out += "Content-Length: " + QByteArray::number(reply.body.size()) + "\r\n";
    for (const auto &[name, value] : reply.headers)
        out += name + ": " + value + "\r\n";
    if (close)
        out += "Connection: close\r\n";
    out += "\r\n";
    if (reply.status != 204)
        out += truncateAt >= 0 ? reply.body.left(truncateAt) : reply.body;
    socket->write(out);
    if (close)
        socket->disconnectFromHost();
    if (truncateAt < 0) {
        QMutexLocker lock(&m_mutex);
        ++m_stats.responses;
    }
}

void SandboxServer::log(const Pending &pending, const QByteArray &outcome) const
{
    if (!m_config.logRequests)
        return;
    // Method, path and query only: headers carry tokens and are never logged.
    std::fprintf(stderr, "%s %s -> %s (%lld ms)\n", pending.request.method.constData(),
        pending.request.url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority).constData(),
        outcome.constData(), static_cast<long long>(pending.received.elapsed()));
}

} // namespace UserDesk
