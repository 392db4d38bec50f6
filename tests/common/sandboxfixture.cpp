#include "sandboxfixture.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QTimer>

namespace UserDesk {

SandboxConfig SandboxFixture::defaultConfig(int users)
{
    SandboxConfig config;
    config.bindAddress = QHostAddress(QHostAddress::LocalHost);
    config.port = 0;
    config.seedUsers = users;
    config.tokens = { QString::fromLatin1(Token) };
    config.adminToken = QString::fromLatin1(AdminToken);
    return config;
}

SandboxFixture::SandboxFixture(const SandboxConfig &config)
    : m_config(config)
{
    if (m_config.dataPath.isEmpty())
        m_config.dataPath = m_dir.filePath(QStringLiteral("sandbox.sqlite"));
}

SandboxFixture::~SandboxFixture()
{
    stop();
}

bool SandboxFixture::start(int timeoutMs)
{
    m_host = std::make_unique<SandboxHost>(m_config);
    m_host->start();
    return m_host->waitForReady(timeoutMs);
}

void SandboxFixture::stop()
{
    m_host.reset();
}

QString SandboxFixture::errorString() const
{
    return m_host ? m_host->errorString() : QStringLiteral("not started");
}

QUrl SandboxFixture::baseUrl() const
{
    return m_host ? m_host->baseUrl() : QUrl();
}

QUrl SandboxFixture::url(const QString &pathAndQuery) const
{
    return QUrl(baseUrl().toString() + pathAndQuery);
}

QUrl SandboxFixture::adminUrl(const QString &path) const
{
    QUrl url = baseUrl();
    url.setPath(QStringLiteral("/__sandbox") + path);
    return url;
}

bool SandboxFixture::Exchange::hasHeader(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QByteArray SandboxFixture::Exchange::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return QByteArray();
}

SandboxFixture::Exchange SandboxFixture::send(QNetworkAccessManager &manager, const QByteArray &method,
    const QUrl &url, const QByteArray &body, const HeaderList &headers, int timeoutMs)
{
    QNetworkRequest request(url);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);

    QElapsedTimer clock;
    clock.start();
    QNetworkReply *reply = body.isEmpty() && method != "POST" && method != "PUT" && method != "PATCH"
        ? manager.sendCustomRequest(request, method)
        : manager.sendCustomRequest(request, method, body);

    Exchange exchange;
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, [&]() {
        exchange.timedOut = true;
        reply->abort();
    });
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    if (!reply->isFinished())
        loop.exec();

    exchange.elapsedMs = clock.elapsed();
    exchange.error = reply->error();
    exchange.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    exchange.body = reply->readAll();
    exchange.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return exchange;
}

SandboxFixture::Exchange SandboxFixture::sendAuthorized(QNetworkAccessManager &manager,
    const QByteArray &method, const QUrl &url, const QByteArray &body, int timeoutMs) const
{
    return send(manager, method, url, body,
        { { QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + QByteArray(Token) } },
        timeoutMs);
}

} // namespace UserDesk
