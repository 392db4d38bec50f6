#pragma once

#include <QHash>
#include <QObject>
#include <QString>
#include <functional>

namespace UserDesk {

struct TokenResult;

// API tokens per profile name: in the system keychain through QtKeychain, or, only when the person chose
// it because no keychain answered, in memory for this run or in a file readable by its owner alone.
// Every operation is asynchronous and ends in exactly one call of its callback, always from the event
// loop (never before the call returns), and never after `context` or the store was destroyed.
class TokenStore : public QObject
{
    Q_OBJECT

public:
    enum class Backend {
        Keychain,
        SessionOnly, // kept in memory, gone when the process ends
        OwnerOnlyFile, // unencrypted JSON file with permissions 0600
    };
    Q_ENUM(Backend)

    enum class KeychainUse {
        Enabled,
        // Never touch the keychain: for tests of the fallbacks and for the CLI's --no-keychain.
        Disabled,
    };
    Q_ENUM(KeychainUse)

    // What is kept: a profile's API token, the passphrase of a profile's PKCS#12 client certificate, or
    // the password of the manual proxy (one for the application; its `profile` is ignored).
    enum class Secret { Token, CertificatePassphrase, ProxyPassword };
    Q_ENUM(Secret)

    using Callback = std::function<void(const TokenResult &)>;

    static constexpr int DefaultKeychainTimeoutMs = 60000;

    // `fileDirectory` holds the owner-only file; empty means ProfileStore::defaultDirectory().
    explicit TokenStore(KeychainUse keychain = KeychainUse::Enabled, const QString &fileDirectory = QString(),
        QObject *parent = nullptr);
    ~TokenStore() override;

    static QString defaultServiceName(); // "org.userdesk.UserDesk"
    static QString keychainKey(const QString &profile); // "profile/<name>"
    // The name every operation below takes for a secret that is not a token: a token's is the profile's
    // name; the others carry a leading \x01 (which no profile name holds) before their keychain key
    // ("certificate-passphrase/<name>", "proxy/password"), so that they can never meet a token.
    static QString secretAccount(Secret kind, const QString &profile = QString());

    bool isKeychainEnabled() const { return m_keychainEnabled; }

    // Tests use a service name of their own so that they can never touch the person's real entries.
    QString serviceName() const { return m_serviceName; }
    void setServiceName(const QString &service) { m_serviceName = service; }

    // A keychain that does not answer in time (a hung Secret Service, an unlock prompt nobody sees) is
    // reported as unavailable rather than leaving the caller waiting for ever.
    int keychainTimeoutMs() const { return m_keychainTimeoutMs; }
    void setKeychainTimeoutMs(int ms) { m_keychainTimeoutMs = ms; }

    // Keychain until the caller picks a fallback after a result said keychainUnavailable.
    // setFallback(Backend::Keychain) goes back to the keychain.
    Backend backend() const { return m_backend; }
    void setFallback(Backend backend);

    QString fileDirectory() const { return m_fileDirectory; }
    QString ownerOnlyFilePath() const;
    // Lets the UI suggest the owner-only file when an earlier run stored tokens there.
    bool ownerOnlyFileExists() const;
    // What the person must be told before and after choosing Backend::OwnerOnlyFile.
    static QString unencryptedWarning();

    // found is false (and ok true) when the profile has no token. A token an earlier run kept in the
    // owner-only file is read from there when the keychain does not answer, and moved into the keychain
    // when it does again; warning() tells the person either way.
    void readToken(const QString &profile, QObject *context, Callback done);
    // An empty token removes the stored one: a profile without a token is a valid state.
    void writeToken(const QString &profile, const QString &token, QObject *context, Callback done);
    // found tells whether there was a token to remove.
    void removeToken(const QString &profile, QObject *context, Callback done);
    // For duplicated and renamed profiles: the token of `from` becomes the token of `to` (removed from
    // `to` when `from` has none). The result names `to`; found tells whether `from` had a token.
    void copyToken(const QString &from, const QString &to, QObject *context, Callback done);
    // copyToken, then the token of `from` is removed once the copy is safe.
    void renameToken(const QString &from, const QString &to, QObject *context, Callback done);

    // The same for the other secrets, in the same backend as the tokens (and never in the settings file).
    void readSecret(Secret kind, const QString &profile, QObject *context, Callback done)
    {
        readToken(secretAccount(kind, profile), context, std::move(done));
    }
    // An empty value removes it.
    void writeSecret(
        Secret kind, const QString &profile, const QString &value, QObject *context, Callback done)
    {
        writeToken(secretAccount(kind, profile), value, context, std::move(done));
    }

Q_SIGNALS:
    // Something the person should know, such as a token just written unencrypted. Never holds a token.
    void warning(const QString &message);

private:
    enum class Operation { Read, Write, Remove };

    void run(
        Operation operation, const QString &profile, const QString &token, QObject *context, Callback done);
    void runKeychain(
        Operation operation, const QString &profile, const QString &token, QObject *context, Callback done);
    void startKeychainJob(
        Operation operation, const QString &profile, const QString &token, QObject *context, Callback done);
    TokenResult runSession(Operation operation, const QString &profile, const QString &token);
    TokenResult runFile(Operation operation, const QString &profile, const QString &token);
    void moveFromFileToKeychain(
        const QString &profile, QObject *context, Callback done, const TokenResult &keychainRead);
    void deliver(QObject *context, Callback done, const TokenResult &result);

    bool m_keychainEnabled = true;
    Backend m_backend = Backend::Keychain;
    QString m_serviceName;
    QString m_fileDirectory;
    int m_keychainTimeoutMs = DefaultKeychainTimeoutMs;
    QHash<QString, QString> m_sessionTokens;
};

// The outcome of one TokenStore operation.
struct TokenResult
{
    QString profile;
    QString token; // only filled by readToken
    bool found = false;
    bool ok = false;
    QString error; // for the person; empty when ok
    // No keychain answered and nothing was stored: the caller offers TokenStore::setFallback().
    bool keychainUnavailable = false;
    TokenStore::Backend backend = TokenStore::Backend::Keychain;
};

} // namespace UserDesk
