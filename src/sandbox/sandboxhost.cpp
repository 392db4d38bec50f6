#include "sandboxhost.h"

#include "sandboxserver.h"

#include <QDeadlineTimer>

namespace UserDesk {

SandboxHost::SandboxHost(const SandboxConfig &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
{
    m_thread.setObjectName(QStringLiteral("userdesk-sandbox"));
}

SandboxHost::~SandboxHost()
{
    stop();
}

void SandboxHost::start()
{
    {
        QMutexLocker lock(&m_mutex);
        if (m_state != State::Idle)
            return;
        m_state = State::Starting;
    }
    m_server = new SandboxServer(m_config);
    m_server->moveToThread(&m_thread);
    // Deleted in its own thread once the loop has ended, after stop() closed everything.
    connect(&m_thread, &QThread::finished, m_server, &QObject::deleteLater);
    m_thread.start();

    SandboxServer *server = m_server;
    QMetaObject::invokeMethod(
        server,
        [this, server]() {
            const bool ok = server->start();
            QMutexLocker lock(&m_mutex);
            m_state = ok ? State::Ready : State::Failed;
            m_baseUrl = server->baseUrl();
            m_error = server->errorString();
            m_stateChanged.wakeAll();
            const QUrl url = m_baseUrl;
            const QString error = m_error;
            lock.unlock();
            // Emitted from the host's own thread, so receivers and QSignalSpy see it there.
            if (ok)
                QMetaObject::invokeMethod(
                    this, [this, url]() { Q_EMIT ready(url); }, Qt::QueuedConnection);
            else
                QMetaObject::invokeMethod(
                    this, [this, error]() { Q_EMIT failed(error); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

bool SandboxHost::waitForReady(int msecs)
{
    QDeadlineTimer deadline(msecs);
    QMutexLocker lock(&m_mutex);
    while (m_state == State::Starting) {
        if (!m_stateChanged.wait(&m_mutex, deadline))
            break;
    }
    return m_state == State::Ready;
}

void SandboxHost::stop()
{
    if (!m_server)
        return;
    if (m_thread.isRunning()) {
        QMetaObject::invokeMethod(m_server, &SandboxServer::stop, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    m_server = nullptr;
    QMutexLocker lock(&m_mutex);
    m_state = State::Stopped;
    m_baseUrl.clear();
    m_stateChanged.wakeAll();
}

bool SandboxHost::isReady() const
{
    QMutexLocker lock(&m_mutex);
    return m_state == State::Ready;
}

QUrl SandboxHost::baseUrl() const
{
    QMutexLocker lock(&m_mutex);
    return m_baseUrl;
}

QString SandboxHost::errorString() const
{
    QMutexLocker lock(&m_mutex);
    return m_error;
}

QStringList SandboxHost::tokens() const
{
    return m_server ? m_server->tokens() : m_config.tokens;
}

QString SandboxHost::adminToken() const
{
    return m_server ? m_server->adminToken() : m_config.adminToken;
}

void SandboxHost::setFaults(const SandboxFaults &faults)
{
    m_config.faults = faults;
    if (m_server)
        m_server->setFaults(faults);
}

SandboxFaults SandboxHost::faults() const
{
    return m_server ? m_server->faults() : m_config.faults;
}

void SandboxHost::setRateLimit(const SandboxRateLimit &limit)
{
    m_config.rateLimit = limit;
    if (m_server)
        m_server->setRateLimit(limit);
}

SandboxRateLimit SandboxHost::rateLimit() const
{
    return m_server ? m_server->rateLimit() : m_config.rateLimit;
}

SandboxStats SandboxHost::stats() const
{
    return m_server ? m_server->stats() : SandboxStats();
}

bool SandboxHost::reset(int userCount)
{
    if (!m_server || !isReady())
        return false;
    bool ok = false;
    QMetaObject::invokeMethod(
        m_server, [this, userCount, &ok]() { ok = m_server->reset(userCount); },
        Qt::BlockingQueuedConnection);
    return ok;
}

} // namespace UserDesk
