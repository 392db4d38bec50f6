#pragma once

#include "dialect.h"
#include "profile.h"
#include "proxysettings.h"

#include <QObject>
#include <QUrl>
#include <functional>

namespace UserDesk {

class ApiClient;
class ProfileStore;
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
    // trusted certificates, the dialect it names or the one found before (GoRest v2 when neither), its CA
    // file (trusted besides the system's authorities) and a PEM client certificate whose key needs no
    // passphrase. The endpoint and token are not touched. Returns a sentence for each file that could
    // not be used (empty when all were).
    static QStringList applyProfile(ApiClient &client, const Profile &profile);
    // Whether the client certificate needs its passphrase from TokenStore (Secret::CertificatePassphrase):
    // a PKCS#12 file, or a PEM key that is encrypted.
    static bool needsPassphrase(const Profile &profile);
    // Shows the client certificate opened with `passphrase`; returns why it was not, or an empty string.
    static QString applyClientCertificate(
        ApiClient &client, const Profile &profile, const QString &passphrase);
    // Everything a session sets up before its first request, with the secrets already read: the profile
    // (applyProfile), the client certificate's passphrase, and the application's proxy (never for the
    // embedded sandbox). Preferences' "Test connection" uses it, so that it goes the session's way.
    static QStringList configure(ApiClient &client, const Profile &profile, const ProxySettings &proxy,
        const QString &proxyPassword, const QString &passphrase);

    // Cancels everything in flight and applies `profile`. For a profile with its own endpoint this reads
    // the token and ends in connected() (or tokenProblem() first); the embedded sandbox waits for
    // connectTo(). Opening again meanwhile makes the earlier read's answer count for nothing.
    // `proxy` is the application's, installed (its password read again) before the profile connects; the
    // built-in sandbox is always reached directly.
    void open(const Profile &profile, const ProxySettings &proxy = ProxySettings());
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
    // Where what the first contact finds is kept for the profile, so that the next start does not ask.
    void setProfileStore(ProfileStore *store) { m_store = store; }
    // For a profile that leaves the dialect to UserDesk: what the first contact found (GoRest v2 until
    // then).
    Dialect dialect() const { return m_dialect; }
    // What a first contact found for this profile, now or at an earlier start (kept in the profile);
    // nullopt when the profile names its dialect or nothing was found yet.
    std::optional<Dialect> detectedDialect() const;

Q_SIGNALS:
    // open() or close() changed the profile.
    void profileChanged();
    void readingToken();
    void connected();
    // A sentence for the person. keychainUnavailable: no keychain answered (reading works, changes will
    // be refused), so the token is best typed in Preferences.
    void tokenProblem(const QString &text, bool keychainUnavailable);
    // A file of the profile (CA, client certificate) or its passphrase or the proxy's password could not
    // be used; the session goes on without it.
    void setupProblem(const QString &text);
    // The first contact told which dialect the server speaks (only for a profile that names none).
    void dialectDetected(const UserDesk::Dialect &dialect);

private:
    using Step = std::function<void(std::function<void()>)>;
    void runSteps(quint64 generation, QList<Step> steps, std::function<void()> done);
    // connected(), then what went wrong on the way, so that the window shows it after its fresh start.
    void emitConnected();

    ApiClient *m_client;
    TokenStore *m_tokens;
    ProfileStore *m_store = nullptr;
    Profile m_profile;
    QString m_token;
    QUrl m_baseUrl;
    bool m_connected = false;
    quint64 m_generation = 0;
    ProxySettings m_proxy;
    Dialect m_dialect;
    quint64 m_probeId = 0;
    struct Problem
    {
        QString text;
        bool token = false;
        bool keychainUnavailable = false;
    };
    QList<Problem> m_problems;
};

} // namespace UserDesk
