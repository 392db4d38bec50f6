#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace UserDesk {

// A Debian daemon (nginx, tinyproxy) for one test: its configuration written to a temporary directory,
// in the foreground, on 127.0.0.1 ports the test picked with freePort(). "{DIR}" in the configuration
// stands for that directory. A daemon that is not installed fails the test with a word on ./dev.
class LocalDaemon
{
public:
    LocalDaemon();
    ~LocalDaemon();
    LocalDaemon(const LocalDaemon &) = delete;
    LocalDaemon &operator=(const LocalDaemon &) = delete;

    // A port nothing listens on right now.
    static quint16 freePort();

    QString dir() const { return m_dir.path(); }
    // Writes `config` (with {DIR} replaced) to dir()/configName, starts program with args (in which
    // {CONFIG} stands for that file's path) and waits until it accepts connections on port.
    bool start(const QString &program, const QStringList &args, const QString &configName,
        const QString &config, quint16 port, int timeoutMs = 20000);
    void stop();
    QString errorString() const { return m_error; }
    // What the daemon wrote to its stdout and stderr, for a failure message.
    QString output();

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    QString m_error;
};

} // namespace UserDesk
