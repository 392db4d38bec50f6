#include "sandboxlistener.h"

#include <QTcpSocket>

#include <memory>

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

} // namespace

SandboxListener::SandboxListener(QObject *parent)
    : QTcpServer(parent)
{
}

QList<QTcpSocket *> SandboxListener::sockets() const
{
    return findChildren<QTcpSocket *>(Qt::FindDirectChildrenOnly);
}

void SandboxListener::incomingConnection(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    // Connected before QtHttpServer connects its own handler, so it runs first.
    auto guard = std::make_shared<QMetaObject::Connection>();
    *guard = connect(socket, &QTcpSocket::readyRead, this, [this, socket, guard]() {
        switch (classify(socket->peek(12))) {
        case Start::NeedMore:
            return;
        case Start::Request:
            disconnect(*guard);
            return;
        case Start::Garbage: {
            disconnect(*guard);
            // Keeps QtHttpServer's parser off these bytes; its disconnected() handler
            // still deletes the socket once it closes.
            disconnect(socket, &QTcpSocket::readyRead, nullptr, nullptr);
            const QByteArray body = QByteArrayLiteral("{\"message\":\"Bad request\"}");
            socket->write(QByteArrayLiteral("HTTP/1.1 400 Bad Request\r\n"
                                            "Content-Type: application/json; charset=utf-8\r\n"
                                            "Content-Length: ")
                + QByteArray::number(body.size()) + QByteArrayLiteral("\r\nConnection: close\r\n\r\n")
                + body);
            socket->disconnectFromHost();
            Q_EMIT garbageRejected();
            return;
        }
        }
    });
    addPendingConnection(socket);
    Q_EMIT connectionAccepted();
}

} // namespace UserDesk
