#pragma once

#include "sandboxconfig.h"
#include "sandboxhost.h"

#include <QByteArray>
#include <QList>
#include <QNetworkReply>
#include <QPair>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;

namespace UserDesk {

// A sandbox for one test: its own SQLite file in a temporary directory, a worker
// thread, an ephemeral 127.0.0.1 port, known tokens. Destroying it stops the server
// and removes the data.
class SandboxFixture
{
public:
    static constexpr const char *Token = "test-token";
    static constexpr const char *AdminToken = "test-admin-token";

    // A small data set (users) keeps per-test reseeding cheap.
    static SandboxConfig defaultConfig(int users = 50);

    explicit SandboxFixture(const SandboxConfig &config = defaultConfig());
    ~SandboxFixture();
    SandboxFixture(const SandboxFixture &) = delete;
    SandboxFixture &operator=(const SandboxFixture &) = delete;

    // Starts the server and waits until it listens; false (see errorString()) if it cannot.
    bool start(int timeoutMs = 30000);
    void stop();
    QString errorString() const;

    QUrl baseUrl() const; // http://127.0.0.1:PORT/public/v2
    QUrl url(const QString &pathAndQuery) const; // url(u"/users?page=2") -> base + that
    QUrl adminUrl(const QString &path) const; // adminUrl(u"/stats") -> .../__sandbox/stats
    QString token() const { return QString::fromLatin1(Token); }
    QString adminToken() const { return QString::fromLatin1(AdminToken); }
    QString dataPath() const { return m_config.dataPath; }
    const SandboxConfig &config() const { return m_config; }

    SandboxHost &host() { return *m_host; }
    void setFaults(const SandboxFaults &faults) { m_host->setFaults(faults); }
    void clearFaults() { m_host->setFaults(SandboxFaults()); }
    void setRateLimit(const SandboxRateLimit &limit) { m_host->setRateLimit(limit); }
    SandboxStats stats() const { return m_host->stats(); }
    bool reset(int users = -1) { return m_host->reset(users); }

    // One blocking HTTP exchange through manager, with a local event loop and a timeout,
    // for tests that look at the wire itself rather than through the client library.
    struct Exchange
    {
        int status = 0; // 0 when no HTTP answer arrived
        QNetworkReply::NetworkError error = QNetworkReply::NoError;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
        bool timedOut = false;
        qint64 elapsedMs = 0;

        bool hasHeader(const QByteArray &name) const;
        QByteArray header(const QByteArray &name) const;
    };
    using HeaderList = QList<QPair<QByteArray, QByteArray>>;
    static Exchange send(QNetworkAccessManager &manager, const QByteArray &method, const QUrl &url,
        const QByteArray &body = QByteArray(), const HeaderList &headers = {}, int timeoutMs = 20000);
    // The same with "Authorization: Bearer <token()>" added.
    Exchange sendAuthorized(QNetworkAccessManager &manager, const QByteArray &method, const QUrl &url,
        const QByteArray &body = QByteArray(), int timeoutMs = 20000) const;

private:
    QTemporaryDir m_dir;
    SandboxConfig m_config;
    std::unique_ptr<SandboxHost> m_host;
};

} // namespace UserDesk
