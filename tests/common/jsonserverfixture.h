#pragma once

#include <QJsonArray>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>

namespace UserDesk {

// A real json-server (the npm mock server) for one test, on an ephemeral 127.0.0.1 port, its database
// written to a temporary directory. ./dev installs the two versions into the build tree; a test that
// cannot find them fails and says so.
class JsonServerFixture
{
public:
    enum class Version { V0_17, V1 };

    explicit JsonServerFixture(Version version);
    ~JsonServerFixture();
    JsonServerFixture(const JsonServerFixture &) = delete;
    JsonServerFixture &operator=(const JsonServerFixture &) = delete;

    // GoRest-like users with ids 1..count; as strings when stringIds (json-server 1.x writes them so).
    static QJsonArray users(int count, bool stringIds = false);

    // Writes {"users": users}, starts the server and waits until it answers; false (see errorString()).
    bool start(const QJsonArray &users, int timeoutMs = 30000);
    void stop();
    QString errorString() const { return m_error; }
    QUrl baseUrl() const; // http://127.0.0.1:PORT (json-server serves /users at the root)
    static QString executable(Version version);

private:
    Version m_version;
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
    QString m_error;
};

} // namespace UserDesk
