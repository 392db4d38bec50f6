#pragma once

#include "sandboxconfig.h"
#include "sandboxstats.h"

#include <QMutex>
#include <QObject>
#include <QThread>
#include <QUrl>
#include <QWaitCondition>

namespace UserDesk {

class SandboxServer;

// Runs a SandboxServer on its own worker thread: the app's embedded sandbox and the
// tests' servers. Every method is called from the thread that owns the host; the
// server's answers never wait on that thread's event loop.
class SandboxHost : public QObject
{
    Q_OBJECT
public:
    explicit SandboxHost(const SandboxConfig &config, QObject *parent = nullptr);
    // Stops the server (connections dropped, data file checkpointed and closed) and joins the thread.
    ~SandboxHost() override;

    // Starts the thread and the server in it; ends in ready() or failed().
    void start();
    // Blocks until the server listens or fails, without running an event loop.
    bool waitForReady(int msecs = 30000);
    void stop();

    bool isReady() const;
    QUrl baseUrl() const;
    QString errorString() const;
    QStringList tokens() const;
    QString adminToken() const;

    void setFaults(const SandboxFaults &faults);
    SandboxFaults faults() const;
    void setRateLimit(const SandboxRateLimit &limit);
    SandboxRateLimit rateLimit() const;
    SandboxStats stats() const;
    // Reseeds on the worker thread and waits for it.
    bool reset(int userCount = -1);

Q_SIGNALS:
    void ready(const QUrl &baseUrl);
    void failed(const QString &error);

private:
    enum class State { Idle, Starting, Ready, Failed, Stopped };

    SandboxConfig m_config;
    QThread m_thread;
    SandboxServer *m_server = nullptr; // lives in m_thread, deleted there
    mutable QMutex m_mutex;
    QWaitCondition m_stateChanged;
    State m_state = State::Idle;
    QUrl m_baseUrl;
    QString m_error;
};

} // namespace UserDesk
