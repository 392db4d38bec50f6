#pragma once

#include "apiclient.h"

#include <QObject>
#include <QPointer>
#include <QString>

namespace UserDesk {

// Preferences > Test connection, without widgets: is the server reachable, how many users it has, and
// whether it accepts the token for writing (GoRest: an empty create it refuses for its fields, 422, or for
// the token, 401; nothing is created), or why the token was not checked: no token, another dialect, or a
// server that does not page as GoRest does (it might make a record of the empty user). For a profile that
// leaves the dialect open it first asks the server how it pages, as the session's first contact does.
class ConnectionCheck : public QObject
{
    Q_OBJECT
public:
    enum class Token { Accepted, Rejected, NotChecked };
    Q_ENUM(Token)

    struct Result
    {
        bool reachable = false;
        ApiError error; // why the server could not be reached
        qint64 users = -1; // how many users the server has; -1: it did not say
        Token token = Token::NotChecked;
        // Why the token was refused or not checked, a sentence; empty when it was accepted.
        QString tokenNote;
        // The dialect the server was found to speak (Dialect::names()); empty when the check did not ask.
        QString detectedDialect;

        // "Connected: the server has 3,000 users, and it accepts the token for changes." and the like.
        // Followed by "The server pages as json-server 1.x." when the check asked for the dialect.
        QString sentence() const;
        // "The server pages as json-server 1.x.", or empty when the check did not ask for the dialect.
        QString dialectSentence() const;

    private:
        QString connectionSentence() const;
    };

    // Checks through `client` as it is set up (base URL, token, dialect); the check's own requests only.
    explicit ConnectionCheck(ApiClient *client, QObject *parent = nullptr);
    ~ConnectionCheck() override;

    // When set, start() first asks the server how it pages (ApiClient::detectDialect), sets the client to
    // the dialect found for the rest of the check, and reports it in Result::detectedDialect.
    void setDetectsDialect(bool detects) { m_detectsDialect = detects; }
    bool detectsDialect() const { return m_detectsDialect; }

    // Starts a check; one that was running is canceled (it reports nothing).
    void start();
    void cancel();
    bool isRunning() const { return m_request != 0; }

Q_SIGNALS:
    void finished(const UserDesk::ConnectionCheck::Result &result);

private:
    void onDialect(ApiClient::RequestId id, const Dialect &dialect);
    void onPage(ApiClient::RequestId id, const UsersPage &page);
    void onWriteAccess(ApiClient::RequestId id, int httpStatus, const QString &message);
    void onFailed(ApiClient::RequestId id, const ApiError &error);
    void finish();

    QPointer<ApiClient> m_client;
    ApiClient::RequestId m_request = 0;
    bool m_checkingToken = false;
    bool m_detectsDialect = false;
    bool m_detecting = false;
    Result m_result;
};

} // namespace UserDesk

Q_DECLARE_METATYPE(UserDesk::ConnectionCheck::Result)
