#pragma once

#include <QObject>
#include <QUrl>

namespace UserDesk {

class SandboxHost;

// Starts the embedded sandbox once, on a loopback port with its SQLite file in `dataDirectory`, and
// says when it is up (with its base URL and a token) or why it could not start.
class SandboxLauncher : public QObject
{
    Q_OBJECT
public:
    SandboxLauncher(const QString &dataDirectory, int seedUsers, QObject *parent = nullptr);

    // Starts it unless it is running or starting; ready() follows.
    void start();
    // The sandbox, once started; nullptr before and after a failed start.
    SandboxHost *host() const { return m_host; }
    bool isReady() const;
    QUrl baseUrl() const;
    QString token() const;
    QString dataDirectory() const { return m_dataDirectory; }

Q_SIGNALS:
    void ready(const QUrl &baseUrl, const QString &token);
    void failed(const QString &text);

private:
    QString m_dataDirectory;
    int m_seedUsers;
    SandboxHost *m_host = nullptr;
};

} // namespace UserDesk
