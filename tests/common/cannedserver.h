#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QUrl>
#include <functional>

class QTcpServer;
class QTcpSocket;

// A real HTTP/1.1 server on 127.0.0.1 whose answers a test scripts byte for byte: for the answers a
// well-behaved sandbox never gives (malformed JSON, lying headers, redirects elsewhere, TLS with a
// self-signed certificate). Every connection serves one request and closes.
class CannedServer : public QObject
{
    Q_OBJECT
public:
    struct Request
    {
        QByteArray method;
        QByteArray target; // path and query as sent
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        QByteArray header(const QByteArray &name) const;
    };
    // Returns the raw bytes to send; an empty answer aborts the connection without a word.
    using Handler = std::function<QByteArray(const Request &)>;

    explicit CannedServer(bool tls = false, QObject *parent = nullptr);
    ~CannedServer() override;

    bool listen();
    quint16 port() const;
    QUrl baseUrl() const; // http(s)://127.0.0.1:PORT/public/v2
    void setHandler(Handler handler) { m_handler = std::move(handler); }
    const QList<Request> &requests() const { return m_requests; }
    QByteArray certificateSha256() const; // hex, of the TLS certificate

    static QByteArray response(int status, const QByteArray &body,
        const QList<QPair<QByteArray, QByteArray>> &headers = {},
        const QByteArray &contentType = "application/json; charset=utf-8");

private:
    void serve(QTcpSocket *socket);

    bool m_tls;
    QTcpServer *m_server = nullptr;
    Handler m_handler;
    QList<Request> m_requests;
};
