#pragma once

#include "profile.h"

#include <QObject>
#include <QUrl>

namespace UserDesk {

class ApiClient;
class TokenStore;

// The session of one profile, without widgets: applies the profile's settings to an ApiClient, reads its
// token, and says when the client is connected. Where the endpoint comes from for the embedded sandbox is
// the caller's business (it calls connectTo once the sandbox is up).
class SessionController : public QObject
{
    Q_OBJECT
public:
    SessionController(ApiClient *client, TokenStore *tokens, QObject *parent = nullptr);

    // The one place a profile's connection settings reach a client: timeout, requests in flight, retries,
    // trusted certificates. The endpoint and token are not touched.
    static void applyProfile(ApiClient &client, const Profile &profile);

    // Cancels everything in flight and applies `profile`. For a profile with its own endpoint this reads
    // the token and ends in connected() (or tokenProblem() first); the embedded sandbox waits for
    // connectTo(). Opening again meanwhile makes the earlier read's answer count for nothing.
    void open(const Profile &profile);
    // Forgets the profile: nothing to work with.
    void close();
    // Points the client at the endpoint, with the profile's dialect; a profile that names none (other than
    // the embedded sandbox, which is GoRest) first asks the server how it pages, then ends in connected().
    void connectTo(const QUrl &baseUrl, const QString &token);

    const Profile &profile() const { return m_profile; }
    bool isConnected() const { return m_connected; }
    // Where the client goes once connected; the profile's endpoint before that.
    QUrl endpoint() const { return m_connected ? m_baseUrl : m_profile.baseUrl(); }
    QString token() const { return m_token; }

Q_SIGNALS:
    // open() or close() changed the profile.
    void profileChanged();
    void readingToken();
    void connected();
    // A sentence for the person. keychainUnavailable: no keychain answered (reading works, changes will
    // be refused), so the token is best typed in Preferences.
    void tokenProblem(const QString &text, bool keychainUnavailable);

private:
    ApiClient *m_client;
    TokenStore *m_tokens;
    Profile m_profile;
    QString m_token;
    QUrl m_baseUrl;
    bool m_connected = false;
    quint64 m_generation = 0;
};

} // namespace UserDesk
