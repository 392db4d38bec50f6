#include "localdaemon.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

namespace UserDesk {

LocalDaemon::LocalDaemon() = default;

LocalDaemon::~LocalDaemon()
{
    stop();
}

quint16 LocalDaemon::freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

bool LocalDaemon::start(const QString &program, const QStringList &args, const QString &configName,
    const QString &config, quint16 port, int timeoutMs)
{
    QString exe = QStandardPaths::findExecutable(program);
    if (exe.isEmpty())
        exe = QStandardPaths::findExecutable(
            program, { QStringLiteral("/usr/sbin"), QStringLiteral("/sbin") });
    if (exe.isEmpty()) {
        m_error = QStringLiteral("%1 is not installed: run ./dev test, which installs it.").arg(program);
        return false;
    }
    if (!m_dir.isValid() || port == 0) {
        m_error = QStringLiteral("No temporary directory or no free port.");
        return false;
    }
    const QString configPath = m_dir.filePath(configName);
    QFile file(configPath);
    if (!file.open(QIODevice::WriteOnly)) {
        m_error = file.errorString();
        return false;
    }
    file.write(QString(config).replace(QStringLiteral("{DIR}"), m_dir.path()).toUtf8());
    file.close();
    QStringList expanded;
    for (const QString &a : args)
        expanded.append(QString(a).replace(QStringLiteral("{CONFIG}"), configPath));
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.setWorkingDirectory(m_dir.path());
    m_process.start(exe, expanded);
    if (!m_process.waitForStarted(timeoutMs)) {
        m_error = QStringLiteral("%1 did not start: %2").arg(program, m_process.errorString());
        return false;
    }
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (m_process.state() != QProcess::Running) {
            m_error = QStringLiteral("%1 stopped: %2").arg(program, output());
            return false;
        }
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        if (socket.waitForConnected(200))
            return true;
        QThread::msleep(100);
    }
    m_error = QStringLiteral("%1 did not listen on port %2 in time: %3").arg(program).arg(port).arg(output());
    return false;
}

QString LocalDaemon::output()
{
    return QString::fromLocal8Bit(m_process.readAll());
}

void LocalDaemon::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

} // namespace UserDesk
