#include "sandboxlauncher.h"

#include "sandboxhost.h"

#include <QDir>

namespace UserDesk {

SandboxLauncher::SandboxLauncher(const QString &dataDirectory, int seedUsers, QObject *parent)
    : QObject(parent)
    , m_dataDirectory(dataDirectory)
    , m_seedUsers(seedUsers)
{
}

void SandboxLauncher::start()
{
    if (m_host)
        return; // already starting: ready() will follow
    SandboxConfig config;
    config.bindAddress = QHostAddress(QHostAddress::LocalHost);
    config.port = 0;
    config.seedUsers = m_seedUsers;
    QDir().mkpath(m_dataDirectory);
    config.dataPath = QDir(m_dataDirectory).filePath(QStringLiteral("sandbox.sqlite"));
    m_host = new SandboxHost(config, this);
    connect(m_host, &SandboxHost::ready, this, [this](const QUrl &url) { Q_EMIT ready(url, token()); });
    connect(m_host, &SandboxHost::failed, this, [this](const QString &why) {
        m_host->deleteLater();
        m_host = nullptr;
        Q_EMIT failed(tr("The built-in sandbox could not start: %1").arg(why));
    });
    m_host->start();
}

bool SandboxLauncher::isReady() const
{
    return m_host && m_host->isReady();
}

QUrl SandboxLauncher::baseUrl() const
{
    return isReady() ? m_host->baseUrl() : QUrl();
}

QString SandboxLauncher::token() const
{
    return m_host ? m_host->tokens().value(0) : QString();
}

} // namespace UserDesk
