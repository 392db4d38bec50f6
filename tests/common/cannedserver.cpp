#include "cannedserver.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>

namespace {
QByteArray fixture(const char *name)
{
    QFile f(QStringLiteral(USERDESK_TEST_DATA_DIR "/") + QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing test fixture %s", name);
    return f.readAll();
}
} // namespace

QByteArray CannedServer::Request::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

CannedServer::CannedServer(bool tls, QObject *parent)
    : QObject(parent)
    , m_tls(tls)
{
    if (tls) {
        auto *server = new QSslServer(this);
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificate(QSslCertificate(fixture("selfsigned.crt"), QSsl::Pem));
        config.setPrivateKey(QSslKey(fixture("selfsigned.key"), QSsl::Rsa, QSsl::Pem));
        config.setPeerVerifyMode(QSslSocket::VerifyNone);
        server->setSslConfiguration(config);
        m_server = server;
    } else {
        m_server = new QTcpServer(this);
    }
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
        while (QTcpSocket *socket = m_server->nextPendingConnection())
            serve(socket);
    });
}

CannedServer::~CannedServer() = default;

bool CannedServer::listen()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

quint16 CannedServer::port() const
{
    return m_server->serverPort();
}

QUrl CannedServer::baseUrl() const
{
    return QUrl(QStringLiteral("%1://127.0.0.1:%2/public/v2")
                    .arg(m_tls ? QStringLiteral("https") : QStringLiteral("http"))
                    .arg(port()));
}

QByteArray CannedServer::certificateSha256() const
{
    return QSslCertificate(fixture("selfsigned.crt"), QSsl::Pem).digest(QCryptographicHash::Sha256).toHex();
}

QByteArray CannedServer::response(int status, const QByteArray &body,
    const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &contentType)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + " Canned\r\n";
    if (!contentType.isEmpty())
        out += "Content-Type: " + contentType + "\r\n";
    bool hasLength = false;
    for (const auto &h : headers) {
        out += h.first + ": " + h.second + "\r\n";
        hasLength = hasLength || h.first.compare("Content-Length", Qt::CaseInsensitive) == 0;
    }
    if (!hasLength)
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += "Connection: close\r\n\r\n" + body;
    return out;
}

void CannedServer::serve(QTcpSocket *socket)
{
    auto buffer = std::make_shared<QByteArray>();
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
        *buffer += socket->readAll();
        const qsizetype end = buffer->indexOf("\r\n\r\n");
        if (end < 0)
            return;
        Request request;
        const QList<QByteArray> lines = buffer->left(end).split('\n');
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        request.method = first.value(0);
        request.target = first.value(1);
        qsizetype length = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = lines[i].left(colon).trimmed();
            const QByteArray value = lines[i].mid(colon + 1).trimmed();
            request.headers.append({ name, value });
            if (name.compare("Content-Length", Qt::CaseInsensitive) == 0)
                length = value.toLongLong();
        }
        if (buffer->size() < end + 4 + length)
            return; // the body is still on its way
        request.body = buffer->mid(end + 4, length);
        buffer->clear();
        m_requests.append(request);
        const QByteArray answer
            = m_handler ? m_handler(request) : response(404, "{\"message\":\"Resource not found\"}");
        if (answer.isEmpty()) {
            socket->abort();
            return;
        }
        socket->write(answer);
        socket->disconnectFromHost();
    });
}
