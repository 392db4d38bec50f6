#include "sandboxlistener.h"

#include <QSocketNotifier>
#include <QTcpSocket>
#include <QTimer>

#include <cerrno>

#include <cstring>
#include <limits>

#include <sys/socket.h>

namespace UserDesk {

namespace {

enum class Start { Request, Garbage, NeedMore };

// An HTTP/1.x request starts with an upper-case method token and a space.
Start classify(const QByteArray &head)
{
    for (qsizetype i = 0; i < head.size(); ++i) {
        const char c = head.at(i);
        if (c == ' ')
            return i > 0 ? Start::Request : Start::Garbage;
        if (c < 'A' || c > 'Z' || i >= 10)
            return Start::Garbage;
    }
    return Start::NeedMore;
}

// How long a refused connection is read (and the bytes dropped) before it is cut, so that
// the client, still sending its body, reads the answer rather than a connection reset.
constexpr int DrainMs = 1000;
constexpr qsizetype MaxChunkLine = 1024;
constexpr int ReceiveBufferBytes = 128 * 1024;

QByteArray reason(int status)
{
    switch (status) {
    case 400:
        return "Bad Request";
    case 408:
        return "Request Timeout";
    case 413:
        return "Payload Too Large";
    case 414:
        return "URI Too Long";
    case 431:
        return "Request Header Fields Too Large";
    case 503:
        return "Service Unavailable";
    default:
        return "Error";
    }
}

QByteArray messageFor(int status)
{
    switch (status) {
    case 400:
        return "Bad request";
    case 408:
        return "Request not completed in time";
    case 413:
        return "Request body too large";
    case 414:
        return "Request URI too long";
    case 431:
        return "Request header too large";
    default:
        return "Service Unavailable";
    }
}

// A non-negative decimal, or -1 if it is not one; a number too large to hold is "huge" (max).
qint64 parseLength(const QByteArray &text)
{
    const QByteArray value = text.trimmed();
    if (value.isEmpty())
        return -1;
    for (const char c : value) {
        if (c < '0' || c > '9')
            return -1;
    }
    if (value.size() > 18)
        return std::numeric_limits<qint64>::max();
    return value.toLongLong();
}

} // namespace

SandboxListener::SandboxListener(const Limits &limits, QObject *parent)
    : QTcpServer(parent)
    , m_limits(limits)
{
}

void SandboxListener::takeOverAccepting()
{
    // Qt's own accept loop treats a full descriptor table as a passing error and keeps its
    // level-triggered notifier on: the thread spins at 100% and nobody gets in until descriptors
    // free up. Here, accept() is ours: on EMFILE and its kind, accepting rests for 100 ms.
    pauseAccepting();
    m_acceptNotifier = new QSocketNotifier(socketDescriptor(), QSocketNotifier::Read, this);
    connect(m_acceptNotifier, &QSocketNotifier::activated, this, &SandboxListener::acceptPending);
}

void SandboxListener::stopAccepting()
{
    delete m_acceptNotifier;
    m_acceptNotifier = nullptr;
}

void SandboxListener::acceptPending()
{
    const int listening = int(socketDescriptor());
    const QPointer<SandboxListener> self(this); // what newConnection() starts may stop this listener
    for (int i = 0; i < 64 && self && m_acceptNotifier; ++i) {
        const int descriptor = ::accept4(listening, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (descriptor < 0) {
            if (errno == EINTR || errno == ECONNABORTED)
                continue;
            if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
                m_acceptNotifier->setEnabled(false);
                QTimer::singleShot(100, m_acceptNotifier.data(), [notifier = m_acceptNotifier]() {
                    if (notifier)
                        notifier->setEnabled(true);
                });
                Q_EMIT acceptStalled();
            }
            return;
        }
        incomingConnection(descriptor);
        Q_EMIT newConnection();
        if (!self)
            return;
        // QTcpServer::nextPendingConnection(), called by QtHttpServer just now, turns Qt's own
        // accept loop back on.
        pauseAccepting();
    }
}

QList<QTcpSocket *> SandboxListener::sockets() const
{
    return findChildren<QTcpSocket *>(Qt::FindDirectChildrenOnly);
}

void SandboxListener::incomingConnection(qintptr descriptor)
{
    // A small kernel receive buffer: Qt reads whatever the kernel holds in one go, and a client
    // pushing a huge body would otherwise land megabytes in memory per read before the gate sees them.
    const int receiveBuffer = ReceiveBufferBytes;
    ::setsockopt(int(descriptor), SOL_SOCKET, SO_RCVBUF, &receiveBuffer, sizeof receiveBuffer);
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    if (m_states.size() >= m_limits.maxConnections) {
        // Not handed to QtHttpServer: answered, drained briefly, closed, deleted.
        connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
        State refused;
        refused.phase = Phase::Refused;
        m_states.insert(socket, refused);
        connect(socket, &QObject::destroyed, this, [this, socket]() { forget(socket); });
        refuse(socket, 503, "Too many connections");
        Q_EMIT connectionRefused();
        return;
    }

    State state;
    state.idleTimer = new QTimer(socket);
    state.idleTimer->setSingleShot(true);
    state.idleTimer->setInterval(m_limits.idleTimeoutMs);
    state.requestTimer = new QTimer(socket);
    state.requestTimer->setSingleShot(true);
    state.requestTimer->setInterval(m_limits.requestTimeoutMs);
    connect(state.idleTimer, &QTimer::timeout, this, [this, socket]() { onIdle(socket); });
    connect(state.requestTimer, &QTimer::timeout, this, [this, socket]() {
        if (m_states.value(socket).phase != Phase::Refused)
            refuse(socket, 408, messageFor(408));
    });
    state.idleTimer->start();
    m_states.insert(socket, state);
    connect(socket, &QObject::destroyed, this, [this, socket]() { forget(socket); });
    // Connected before QtHttpServer connects its own handler, so it runs first and can keep
    // bytes away from it.
    connect(socket, &QTcpSocket::readyRead, this, [this, socket]() { onReadyRead(socket); });
    connect(socket, &QTcpSocket::bytesWritten, this, [this, socket]() {
        const auto it = m_states.find(socket);
        if (it != m_states.end() && it->phase != Phase::Refused && it->idleTimer)
            it->idleTimer->start();
    });
    addPendingConnection(socket);
    Q_EMIT connectionAccepted();
}

void SandboxListener::forget(QTcpSocket *socket)
{
    const auto it = m_states.find(socket);
    if (it == m_states.end())
        return;
    m_bufferedBytes -= it->requestBytes;
    m_states.erase(it);
}

void SandboxListener::onIdle(QTcpSocket *socket)
{
    const auto it = m_states.find(socket);
    if (it == m_states.end() || it->phase == Phase::Refused)
        return;
    if ((m_busy && m_busy(socket)) || it->requestBytes > 0) {
        // An answer is still owed (latency), or a request is under way (its own deadline runs).
        it->idleTimer->start();
        return;
    }
    Q_EMIT idleClosed();
    // A client that stopped reading would hold a graceful close open for ever.
    if (socket->bytesToWrite() > 0)
        socket->abort();
    else
        socket->disconnectFromHost();
}

void SandboxListener::onReadyRead(QTcpSocket *socket)
{
    const auto it = m_states.find(socket);
    if (it == m_states.end() || it->phase == Phase::Refused)
        return;
    // QtHttpServer reads everything on each readyRead, so what is available now is new.
    const QByteArray data = socket->peek(socket->bytesAvailable());
    const bool wasInRequest = it->requestBytes > 0;
    const quint64 completedBefore = it->completed;
    const int status = consume(*it, data.constData(), data.size());
    if (status == -1) {
        disconnect(socket, &QTcpSocket::readyRead, nullptr, nullptr);
        socket->readAll();
        refuse(socket, 400, messageFor(400));
        Q_EMIT garbageRejected();
        return;
    }
    if (status != 0) {
        refuse(socket, status, messageFor(status));
        return;
    }
    if (m_bufferedBytes > m_limits.maxBufferedBytes && it->requestBytes > 0) {
        refuse(socket, 503, "Server busy");
        return;
    }
    // Each request has its own deadline, from its first byte (or the read that held it).
    if (it->requestBytes > 0 && (!wasInRequest || it->completed != completedBefore))
        it->requestTimer->start();
    else if (it->requestBytes == 0)
        it->requestTimer->stop();
    it->idleTimer->start();
}

int SandboxListener::consume(State &state, const char *data, qsizetype size)
{
    qsizetype i = 0;
    const auto count = [&](qsizetype n) {
        state.requestBytes += n;
        m_bufferedBytes += n;
    };
    while (i < size) {
        switch (state.phase) {
        case Phase::Head: {
            if (state.line.isEmpty()) {
                // Blank lines between requests are allowed (RFC 9112 2.2).
                while (i < size && (data[i] == '\r' || data[i] == '\n'))
                    ++i;
                if (i == size)
                    return 0;
            }
            const qsizetype searchFrom = qMax<qsizetype>(0, state.line.size() - 3);
            const qsizetype take
                = qMin<qsizetype>(size - i, qsizetype(m_limits.maxHeaderBytes) + 4 - state.line.size());
            state.line.append(data + i, take);
            if (!state.headChecked) {
                const Start start = classify(state.line.left(12));
                if (start == Start::Garbage)
                    return -1;
                state.headChecked = start == Start::Request;
            }
            qsizetype end = state.line.indexOf("\r\n\r\n", searchFrom);
            qsizetype endLength = 4;
            const qsizetype bare = state.line.indexOf("\n\n", searchFrom);
            if (bare >= 0 && (end < 0 || bare < end)) {
                end = bare;
                endLength = 2;
            }
            if (end < 0) {
                count(take);
                i += take;
                if (state.line.size() > m_limits.maxHeaderBytes) {
                    const qsizetype lineEnd = state.line.indexOf('\n');
                    return lineEnd < 0 || lineEnd > m_limits.maxTargetBytes ? 414 : 431;
                }
                break;
            }
            // Only the bytes up to the end of the head belong to it; the rest is the body.
            const qsizetype used = take - (state.line.size() - (end + endLength));
            count(used);
            i += used;
            state.line.truncate(end);
            const int status = headComplete(state);
            if (status != 0)
                return status;
            break;
        }
        case Phase::Body: {
            const qsizetype take = qsizetype(qMin<qint64>(state.remaining, size - i));
            count(take);
            i += take;
            state.remaining -= take;
            if (state.remaining == 0)
                requestDone(state);
            break;
        }
        case Phase::ChunkSize:
        case Phase::Trailer: {
            const char *newline = static_cast<const char *>(memchr(data + i, '\n', size_t(size - i)));
            const qsizetype take = newline ? (newline - (data + i)) + 1 : size - i;
            state.line.append(data + i, take);
            count(take);
            i += take;
            if (state.line.size() > MaxChunkLine)
                return 400;
            if (!newline)
                break;
            const QByteArray line = state.line.trimmed();
            state.line.clear();
            if (state.phase == Phase::Trailer) {
                if (line.isEmpty())
                    requestDone(state);
                break;
            }
            bool ok = false;
            const QByteArray hex
                = line.left(line.indexOf(';') < 0 ? line.size() : line.indexOf(';')).trimmed();
            const qint64 chunk = hex.size() <= 15 ? hex.toLongLong(&ok, 16) : -1;
            if (!ok || chunk < 0)
                return hex.size() > 15 ? 413 : 400;
            if (chunk == 0) {
                state.phase = Phase::Trailer;
                break;
            }
            state.bodyBytes += chunk;
            if (state.bodyBytes > m_limits.maxBodyBytes)
                return 413;
            state.remaining = chunk;
            state.phase = Phase::ChunkData;
            break;
        }
        case Phase::ChunkData: {
            const qsizetype take = qsizetype(qMin<qint64>(state.remaining, size - i));
            count(take);
            i += take;
            state.remaining -= take;
            if (state.remaining == 0) {
                state.phase = Phase::ChunkEnd;
                state.remaining = 2; // the CRLF after the chunk's data
            }
            break;
        }
        case Phase::ChunkEnd: {
            const qsizetype take = qsizetype(qMin<qint64>(state.remaining, size - i));
            count(take);
            i += take;
            state.remaining -= take;
            if (state.remaining == 0)
                state.phase = Phase::ChunkSize;
            break;
        }
        case Phase::Refused:
            return 0;
        }
    }
    return 0;
}

int SandboxListener::headComplete(State &state)
{
    const QByteArray head = state.line;
    state.line.clear();
    const QList<QByteArray> lines = head.split('\n');
    const QByteArray requestLine = lines.value(0).trimmed();
    const qsizetype firstSpace = requestLine.indexOf(' ');
    const qsizetype lastSpace = requestLine.lastIndexOf(' ');
    if (lastSpace - firstSpace - 1 > m_limits.maxTargetBytes)
        return 414;

    qint64 contentLength = -2; // none
    bool chunked = false;
    for (qsizetype n = 1; n < lines.size(); ++n) {
        const QByteArray &line = lines.at(n);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length") {
            const qint64 length = parseLength(value);
            if (length < 0 || (contentLength >= 0 && length != contentLength))
                return 400;
            contentLength = length;
        } else if (name == "transfer-encoding") {
            if (!value.toLower().contains("chunked"))
                return 400;
            chunked = true;
        }
    }
    state.bodyBytes = 0;
    if (chunked) {
        state.phase = Phase::ChunkSize;
    } else if (contentLength > m_limits.maxBodyBytes) {
        return 413;
    } else if (contentLength > 0) {
        state.phase = Phase::Body;
        state.remaining = contentLength;
    } else {
        requestDone(state);
    }
    return 0;
}

void SandboxListener::requestDone(State &state)
{
    m_bufferedBytes -= state.requestBytes;
    state.requestBytes = 0;
    ++state.completed;
    state.phase = Phase::Head;
    state.headChecked = false;
    state.line.clear();
    state.remaining = 0;
    state.bodyBytes = 0;
}

void SandboxListener::refuse(QTcpSocket *socket, int status, const QByteArray &message)
{
    const auto it = m_states.find(socket);
    if (it != m_states.end()) {
        m_bufferedBytes -= it->requestBytes;
        it->requestBytes = 0;
        it->phase = Phase::Refused;
        it->line = QByteArray();
        if (it->idleTimer)
            it->idleTimer->stop();
        if (it->requestTimer)
            it->requestTimer->stop();
    }
    // QtHttpServer sees nothing more of this connection; what it read of the head so far it keeps
    // in a transaction, dropped here with the rest.
    disconnect(socket, &QTcpSocket::readyRead, nullptr, nullptr);
    if (socket->isTransactionStarted())
        socket->commitTransaction();
    socket->readAll();
    connect(socket, &QTcpSocket::readyRead, socket, [socket]() { socket->readAll(); });

    const QByteArray body = "{\"message\":\"" + message + "\"}";
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason(status)
        + "\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n";
    if (status == 503)
        out += "Retry-After: 1\r\n";
    out += "Connection: close\r\n\r\n" + body;
    socket->write(out);
    socket->flush();
    // Half-close once the answer is out: the client sees the end of the answer, and its remaining
    // bytes are read and dropped until it closes or the drain time is up.
    const auto halfClose = [socket]() {
        if (socket->bytesToWrite() == 0 && socket->socketDescriptor() >= 0)
            ::shutdown(int(socket->socketDescriptor()), SHUT_WR);
    };
    halfClose();
    connect(socket, &QTcpSocket::bytesWritten, socket, halfClose);
    QTimer::singleShot(DrainMs, socket, [socket]() { socket->abort(); });
    Q_EMIT requestRefused(status);
}

} // namespace UserDesk
