#include "faultproxy.h"

#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

struct FaultProxy::Connection
{
    QPointer<QTcpSocket> client;
    QPointer<QTcpSocket> upstream;
    QByteArray request; // bytes from the client not yet handled
    QByteArray answer; // bytes from the server for the exchange in progress
    Rule rule;
    bool waiting = false; // a request went to the server and its answer is not complete yet
};

namespace {
// Where the head ends and how long the body is; -1 while the head is incomplete. `chunked` bodies end at
// their last chunk, others at Content-Length (no length: none for requests, until close for answers).
qsizetype headEnd(const QByteArray &data)
{
    const qsizetype end = data.indexOf("\r\n\r\n");
    return end < 0 ? -1 : end + 4;
}

QByteArray headerOf(const QByteArray &head, const QByteArray &name)
{
    for (const QByteArray &line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

// Total length of the message at the start of data, or -1 if it is not complete yet.
qsizetype messageLength(const QByteArray &data, bool isAnswer)
{
    const qsizetype head = headEnd(data);
    if (head < 0)
        return -1;
    const QByteArray headText = data.left(head);
    if (isAnswer) {
        const QList<QByteArray> statusLine = headText.left(headText.indexOf("\r\n")).split(' ');
        const int status = statusLine.value(1).toInt();
        if (status == 204 || status == 304 || (status >= 100 && status < 200))
            return head;
    }
    if (headerOf(headText, "Transfer-Encoding").toLower().contains("chunked")) {
        const qsizetype last = data.indexOf("\r\n0\r\n\r\n", head - 2);
        return last < 0 ? -1 : last + 7;
    }
    const QByteArray length = headerOf(headText, "Content-Length");
    if (length.isEmpty())
        return isAnswer ? -1 : head;
    const qsizetype total = head + length.toLongLong();
    return data.size() >= total ? total : -1;
}
} // namespace

FaultProxy::FaultProxy(quint16 upstreamPort, QObject *parent)
    : QObject(parent)
    , m_upstreamPort(upstreamPort)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this, &FaultProxy::accept);
}

FaultProxy::~FaultProxy()
{
    for (Connection *c : std::as_const(m_connections)) {
        if (c->client)
            c->client->disconnect(this);
        if (c->upstream)
            c->upstream->disconnect(this);
        delete c;
    }
}

bool FaultProxy::listen()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

quint16 FaultProxy::port() const
{
    return m_server->serverPort();
}

QUrl FaultProxy::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/public/v2").arg(port()));
}

void FaultProxy::next(const QByteArray &method, Action action, int bytes, const QByteArray &path)
{
    Rule r;
    r.method = method;
    r.action = action;
    r.bytes = bytes;
    r.pathContains = path;
    m_rules.append(r);
}

void FaultProxy::answerNext(const QByteArray &method, const QByteArray &raw, bool close, int uses)
{
    Rule r;
    r.method = method;
    r.action = Action::Answer;
    r.raw = raw;
    r.close = close;
    r.uses = uses;
    m_rules.append(r);
}

int FaultProxy::count(const QByteArray &method) const
{
    int n = 0;
    for (const Seen &s : m_seen)
        n += s.method == method;
    return n;
}

FaultProxy::Rule FaultProxy::take(const QByteArray &method, const QByteArray &target)
{
    for (Rule &r : m_rules) {
        if (r.uses == 0 || (!r.method.isEmpty() && r.method != method)
            || (!r.pathContains.isEmpty() && !target.contains(r.pathContains))
            || (!r.after.isEmpty() && count(r.after) == 0))
            continue;
        if (r.uses > 0)
            --r.uses;
        return r;
    }
    return {};
}

void FaultProxy::accept()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        auto *c = new Connection;
        c->client = socket;
        m_connections.append(c);
        connect(socket, &QTcpSocket::readyRead, this, [this, c] { readRequest(c); });
        connect(socket, &QTcpSocket::disconnected, this, [c] {
            if (c->upstream)
                c->upstream->abort();
        });
    }
}

void FaultProxy::drop(Connection *c)
{
    if (c->client)
        c->client->abort();
    if (c->upstream)
        c->upstream->abort();
    c->waiting = false;
}

void FaultProxy::readRequest(Connection *c)
{
    if (!c->client)
        return;
    c->request += c->client->readAll();
    while (!c->waiting && c->client) {
        const qsizetype length = messageLength(c->request, false);
        if (length < 0)
            return;
        const QByteArray message = c->request.left(length);
        c->request.remove(0, length);
        const QList<QByteArray> requestLine = message.left(message.indexOf("\r\n")).split(' ');
        const QByteArray method = requestLine.value(0);
        const QByteArray target = requestLine.value(1);
        c->rule = take(method, target);
        m_seen.append({ method, target, c->rule.action });
        switch (c->rule.action) {
        case Action::DropBeforeForward:
            drop(c);
            return;
        case Action::Answer:
            c->client->write(c->rule.raw);
            c->client->flush();
            if (c->rule.close || c->rule.raw.isEmpty()) {
                QTcpSocket *client = c->client;
                QTimer::singleShot(20, client, [client] { client->abort(); });
                return;
            }
            continue;
        case Action::Hold:
            c->waiting = true;
            return;
        default:
            break;
        }
        if (!c->upstream) {
            c->upstream = new QTcpSocket(c->client);
            connect(c->upstream, &QTcpSocket::readyRead, this, [this, c] { readAnswer(c); });
            connect(c->upstream, &QTcpSocket::disconnected, this, [this, c] {
                if (c->waiting && !c->answer.isEmpty())
                    finishAnswer(c, c->answer, headEnd(c->answer));
                else if (c->client)
                    c->client->disconnectFromHost();
            });
            c->upstream->connectToHost(QHostAddress::LocalHost, m_upstreamPort);
        }
        c->waiting = true;
        c->answer.clear();
        c->upstream->write(message);
    }
}

void FaultProxy::readAnswer(Connection *c)
{
    if (!c->upstream)
        return;
    c->answer += c->upstream->readAll();
    const qsizetype length = messageLength(c->answer, true);
    if (length < 0)
        return;
    const QByteArray answer = c->answer.left(length);
    c->answer.remove(0, length);
    finishAnswer(c, answer, headEnd(answer));
}

void FaultProxy::finishAnswer(Connection *c, const QByteArray &answer, qsizetype bodyStart)
{
    if (!c->client)
        return;
    switch (c->rule.action) {
    case Action::DropAfterAnswer:
        drop(c);
        return;
    case Action::CutBody:
        c->client->write(answer.left(bodyStart + c->rule.bytes));
        c->client->flush();
        {
            QPointer<QTcpSocket> client = c->client;
            const bool graceful = c->rule.graceful;
            QTimer::singleShot(50, this, [this, c, client, graceful] {
                if (!client)
                    return;
                if (graceful) {
                    client->disconnectFromHost();
                    c->waiting = false;
                } else {
                    drop(c);
                }
            });
        }
        return;
    case Action::Trickle: {
        // The head at once, then the body a few bytes at a time: never silent, never done.
        c->client->write(answer.left(bodyStart));
        auto *timer = new QTimer(c->client);
        auto rest = std::make_shared<QByteArray>(answer.mid(bodyStart));
        const int step = std::max(1, c->rule.bytes);
        connect(timer, &QTimer::timeout, this, [this, c, timer, rest, step] {
            if (!c->client) {
                timer->deleteLater();
                return;
            }
            c->client->write(rest->left(step));
            rest->remove(0, std::min<qsizetype>(step, rest->size()));
            if (rest->isEmpty()) {
                timer->deleteLater();
                c->waiting = false;
                readRequest(c);
            }
        });
        timer->start(c->rule.intervalMs);
        return;
    }
    default:
        c->client->write(answer);
        c->waiting = false;
        readRequest(c);
        return;
    }
}
