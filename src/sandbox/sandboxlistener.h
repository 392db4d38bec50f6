#pragma once

#include <QTcpServer>

class QTcpSocket;

namespace UserDesk {

// The sandbox's listening socket. It sees every connection before QtHttpServer does,
// to count connections and to turn away a connection that does not start with an
// HTTP request line: Qt 6.4's parser, on such input, disconnects the socket's signals
// and leaves the client hanging on an open connection.
class SandboxListener : public QTcpServer
{
    Q_OBJECT
public:
    explicit SandboxListener(QObject *parent = nullptr);

    QList<QTcpSocket *> sockets() const;

Q_SIGNALS:
    void connectionAccepted();
    void garbageRejected();

protected:
    void incomingConnection(qintptr descriptor) override;
};

} // namespace UserDesk
