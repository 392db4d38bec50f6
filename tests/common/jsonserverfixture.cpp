#include "jsonserverfixture.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

namespace UserDesk {

JsonServerFixture::JsonServerFixture(Version version)
    : m_version(version)
{
}

JsonServerFixture::~JsonServerFixture()
{
    stop();
}

QString JsonServerFixture::executable(Version version)
{
    const QString folder
        = version == Version::V0_17 ? QStringLiteral("json-server-0.17") : QStringLiteral("json-server-1");
    return QStringLiteral(USERDESK_NPM_DIR "/") + folder + QStringLiteral("/node_modules/.bin/json-server");
}

QJsonArray JsonServerFixture::users(int count, bool stringIds)
{
    QJsonArray list;
    for (int i = 1; i <= count; ++i) {
        QJsonObject u;
        u.insert(QStringLiteral("id"), stringIds ? QJsonValue(QString::number(i)) : QJsonValue(i));
        u.insert(QStringLiteral("name"), QStringLiteral("Real Server %1").arg(i));
        u.insert(QStringLiteral("email"), QStringLiteral("real.server.%1@example.com").arg(i));
        u.insert(QStringLiteral("gender"), i % 2 ? QStringLiteral("male") : QStringLiteral("female"));
        u.insert(QStringLiteral("status"), i % 3 ? QStringLiteral("active") : QStringLiteral("inactive"));
        list.append(u);
    }
    return list;
}

bool JsonServerFixture::start(const QJsonArray &users, int timeoutMs)
{
    const QString exe = executable(m_version);
    if (!QFileInfo(exe).isExecutable()) {
        m_error = QStringLiteral("json-server is not installed at %1: run ./dev test, which installs it.")
                      .arg(exe);
        return false;
    }
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("No temporary directory for the database.");
        return false;
    }
    const QString dbPath = m_dir.filePath(QStringLiteral("db.json"));
    QFile db(dbPath);
    if (!db.open(QIODevice::WriteOnly)) {
        m_error = db.errorString();
        return false;
    }
    // The other resources start empty, so that their routes exist (json-server serves what the file holds).
    db.write(QJsonDocument(
        QJsonObject { { QStringLiteral("users"), users }, { QStringLiteral("posts"), QJsonArray() },
            { QStringLiteral("comments"), QJsonArray() }, { QStringLiteral("todos"), QJsonArray() } })
                 .toJson());
    db.close();

    // An ephemeral port: the kernel picks a free one, which is handed to the server.
    {
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, 0)) {
            m_error = probe.errorString();
            return false;
        }
        m_port = probe.serverPort();
    }
    const QStringList args = m_version == Version::V0_17
        ? QStringList { QStringLiteral("--host"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
              QString::number(m_port), QStringLiteral("--quiet"), dbPath }
        : QStringList { QStringLiteral("--host"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
              QString::number(m_port), dbPath };
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.setWorkingDirectory(m_dir.path());
    // json-server 1.x re-reads its file when it changes, unless in production: a change event that comes
    // late reads back a file older than what it holds, and a record just deleted is there again. In
    // production it serves ./public only if it exists, so there is one, empty.
    QDir(m_dir.path()).mkdir(QStringLiteral("public"));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("NODE_ENV"), QStringLiteral("production"));
    m_process.setProcessEnvironment(env);
    m_process.start(exe, args);
    if (!m_process.waitForStarted(timeoutMs)) {
        m_error = QStringLiteral("json-server did not start: %1").arg(m_process.errorString());
        return false;
    }
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (m_process.state() != QProcess::Running) {
            m_error
                = QStringLiteral("json-server stopped: %1").arg(QString::fromLocal8Bit(m_process.readAll()));
            return false;
        }
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        if (socket.waitForConnected(200))
            return true;
        QThread::msleep(100);
    }
    m_error = QStringLiteral("json-server did not listen on port %1 in time: %2")
                  .arg(m_port)
                  .arg(QString::fromLocal8Bit(m_process.readAll()));
    return false;
}

void JsonServerFixture::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

QUrl JsonServerFixture::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

} // namespace UserDesk
