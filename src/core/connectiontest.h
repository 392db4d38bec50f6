#pragma once

#include "apiclient.h"
#include "connectioncheck.h"
#include "profile.h"
#include "proxysettings.h"

#include <QObject>
#include <QUrl>
#include <memory>
#include <optional>

namespace UserDesk {

class TokenStore;

// One "Test connection" of Preferences: a client of its own, set up as the session sets up its client (CA
// file, client certificate, the proxy), with the secrets the person typed, else those kept in the keychain;
// then a ConnectionCheck. Preferences shows what it reports.
class ConnectionTest : public QObject
{
    Q_OBJECT
public:
    struct Request
    {
        Profile profile;
        QUrl url; // the profile's, or the built-in sandbox's as it listens now
        QString token;
        ProxySettings proxy;
        // As typed; nullopt: read from the keychain (the passphrase under keptUnder's account).
        std::optional<QString> passphrase;
        std::optional<QString> proxyPassword;
        QString keptUnder; // the profile name its passphrase is kept under
    };

    explicit ConnectionTest(TokenStore *tokens, QObject *parent = nullptr);
    ~ConnectionTest() override;

    // Starts a test; one that was running reports nothing more.
    void start(const Request &request);

Q_SIGNALS:
    // What it is doing now, a sentence ("Reading the passphrase…", "Connecting to …").
    void progress(const QString &sentence);
    // The client could not be set up as the profile asks (a CA file or certificate that cannot be read).
    void refused(const QString &sentence);
    void finished(const UserDesk::ConnectionCheck::Result &result);

private:
    void withPassword(const Request &request, const QString &passphrase);
    void run(const Request &request, const QString &passphrase, const QString &proxyPassword);

    TokenStore *m_tokens;
    std::unique_ptr<ApiClient> m_client;
    quint64 m_generation = 0; // a keychain answer for an earlier start is dropped
};

} // namespace UserDesk
