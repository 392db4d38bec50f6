#pragma once

#include <QHash>
#include <QPointer>
#include <QTcpServer>

#include <functional>

class QSocketNotifier;
class QTcpSocket;
class QTimer;

namespace UserDesk {

// The sandbox's listening socket and the gate in front of QtHttpServer. It sees every
// connection, and every byte, before QtHttpServer does, because Qt 6.4's server reads a
// whole request into memory, whatever its size, and keeps an idle connection for ever.
// Here, without buffering anything itself, it:
// - turns away a connection that does not start with an HTTP request line (400; Qt's
//   parser would leave the client hanging on an open connection);
// - follows each request's framing: a head over maxHeaderBytes is 431, a request target
//   over maxTargetBytes is 414, a Content-Length over maxBodyBytes is 413 before any of
//   the body is read, and a chunked body is counted as it arrives (413 once it is over);
// - caps open connections (the excess gets a 503 and is closed at once, so descriptors
//   never run out) and the bytes of unfinished requests across all connections (503);
// - accepts connections itself, resting 100 ms when the descriptor table is full instead of
//   spinning as QTcpServer does;
// - closes a connection idle for idleTimeoutMs, and answers 408 to a request that is
//   not complete requestTimeoutMs after its first byte (a client trickling bytes).
// A refused request is answered and the connection closed after a short drain, so
// that the client reads the answer instead of a reset.
class SandboxListener : public QTcpServer
{
    Q_OBJECT
public:
    struct Limits
    {
        qint64 maxBodyBytes = 1024 * 1024;
        qint64 maxHeaderBytes = 64 * 1024;
        qint64 maxTargetBytes = 8 * 1024;
        qint64 maxBufferedBytes = 8 * 1024 * 1024; // unfinished requests, all connections together
        int maxConnections = 256;
        int idleTimeoutMs = 30000;
        int requestTimeoutMs = 30000;
    };

    explicit SandboxListener(const Limits &limits, QObject *parent = nullptr);

    // After listen(): accepts connections itself instead of QTcpServer (see the .cpp for why).
    void takeOverAccepting();
    void stopAccepting(); // before close()
    QList<QTcpSocket *> sockets() const;
    int openConnections() const { return int(m_states.size()); }
    // Whether the server still owes this connection an answer; such a connection is not idle.
    void setBusyCheck(std::function<bool(QTcpSocket *)> busy) { m_busy = std::move(busy); }

Q_SIGNALS:
    void connectionAccepted();
    void garbageRejected();
    // A request answered here (413, 414, 431, 408, 400, 503), never reaching QtHttpServer.
    void requestRefused(int status);
    void connectionRefused(); // over the connection cap
    void idleClosed();
    void acceptStalled(); // out of descriptors (or memory): accepting rests for 100 ms

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    enum class Phase { Head, Body, ChunkSize, ChunkData, ChunkEnd, Trailer, Refused };
    struct State
    {
        Phase phase = Phase::Head;
        QByteArray line; // the head (or a chunk-size or trailer line) read so far
        bool headChecked = false; // the first bytes looked like a request line
        qint64 remaining = 0; // body or chunk bytes still to come
        qint64 bodyBytes = 0; // chunked: body bytes so far
        qint64 requestBytes = 0; // bytes of the unfinished request, counted in m_bufferedBytes
        quint64 completed = 0; // requests read whole on this connection
        QTimer *idleTimer = nullptr;
        QTimer *requestTimer = nullptr;
    };

    void acceptPending();
    void onReadyRead(QTcpSocket *socket);
    // Returns the status to refuse with, or 0 if the bytes are acceptable.
    int consume(State &state, const char *data, qsizetype size);
    int headComplete(State &state);
    void requestStarted(QTcpSocket *socket, State &state);
    void requestDone(State &state);
    void refuse(QTcpSocket *socket, int status, const QByteArray &message);
    void onIdle(QTcpSocket *socket);
    void forget(QTcpSocket *socket);

    Limits m_limits;
    QHash<QTcpSocket *, State> m_states;
    qint64 m_bufferedBytes = 0;
    std::function<bool(QTcpSocket *)> m_busy;
    // Guarded: a connection handed over in acceptPending() can end in this notifier being gone.
    QPointer<QSocketNotifier> m_acceptNotifier;
};

} // namespace UserDesk
