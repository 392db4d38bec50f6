#pragma once

#include "sandboxapi.h"
#include "sandboxconfig.h"
#include "sandboxstats.h"
#include "splitmix64.h"

#include <QAbstractHttpServer>
#include <QElapsedTimer>
#include <QHash>
#include <QMutex>
#include <QPointer>
#include <QQueue>
#include <QUrl>

#include <memory>

class QTcpSocket;

namespace UserDesk {

class SandboxListener;
class SandboxStore;

// The sandbox HTTP server: a faithful GoRest v2 look-alike on loopback with fault
// injection. Routes are handled here rather than through QHttpServer's router
// because faults need the socket itself (abort without answering, truncate a body).
//
// Lives in one thread: construct, start() and stop() it there. The methods marked
// thread-safe may be called from any thread while it runs.
class SandboxServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    explicit SandboxServer(const SandboxConfig &config, QObject *parent = nullptr);
    ~SandboxServer() override;

    // Opens (creating and seeding if needed) the data file and starts listening.
    bool start();
    // Stops listening, drops open connections, checkpoints and closes the data file.
    void stop();
    // Drops all data and reseeds with userCount users (config's seedUsers if negative).
    bool reset(int userCount = -1);

    // Thread-safe.
    bool isRunning() const;
    QUrl baseUrl() const; // e.g. http://127.0.0.1:8080/public/v2
    quint16 port() const;
    QString errorString() const;
    QStringList tokens() const; // includes a generated one if the config had none
    QString adminToken() const;
    void setFaults(const SandboxFaults &faults); // also restarts the fault PRNG from faults.seed
    SandboxFaults faults() const;
    void setRateLimit(const SandboxRateLimit &limit);
    SandboxRateLimit rateLimit() const;
    SandboxStats stats() const;

Q_SIGNALS:
    void started(const QUrl &baseUrl);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    struct Pending
    {
        SandboxApi::Request request;
        QElapsedTimer received;
    };
    // Answers go out in request order even when latency delays them (HTTP/1.1 pipelining).
    struct Connection
    {
        QQueue<Pending> queue;
        bool busy = false;
    };
    struct FaultRoll
    {
        bool html = false;
        bool fail = false;
        bool dropBefore = false;
        bool dropAfter = false;
        bool truncate = false;
    };

    void pump(QTcpSocket *socket);
    void serve(QTcpSocket *socket, const Pending &pending);
    void finish(QTcpSocket *socket);
    SandboxApi::Reply admin(const SandboxApi::Request &request);
    void answer(QTcpSocket *socket, const SandboxApi::Reply &reply, bool close, qsizetype truncateAt = -1);
    void fail(const QString &error);
    void log(const Pending &pending, const QByteArray &outcome) const;

    mutable QMutex m_mutex; // guards the members up to m_baseUrl
    SandboxConfig m_config;
    SandboxFaults m_faults;
    SplitMix64 m_faultRng;
    SplitMix64 m_jitterRng; // apart, so that jitter does not shift the fault rolls
    SandboxRateLimit m_rateLimit;
    SandboxStats m_stats;
    QString m_error;
    QUrl m_baseUrl;

    std::unique_ptr<SandboxStore> m_store;
    std::unique_ptr<SandboxApi> m_api;
    QPointer<SandboxListener> m_listener;
    QHash<QTcpSocket *, Connection> m_connections;
};

} // namespace UserDesk
