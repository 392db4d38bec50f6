#include "sessioncontroller.h"

#include "apiclient.h"
#include "tokenstore.h"

namespace UserDesk {

SessionController::SessionController(ApiClient *client, TokenStore *tokens, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_tokens(tokens)
{
}

void SessionController::applyProfile(ApiClient &client, const Profile &profile)
{
    client.setTimeout(profile.timeoutMs());
    client.setMaxInFlight(profile.maxInFlight());
    client.setTrustedCertificates(profile.trustedCertificates());
    RetryPolicy policy = client.retryPolicy();
    policy.maxAttempts = profile.maxAttempts();
    client.setRetryPolicy(policy);
}

void SessionController::open(const Profile &profile)
{
    ++m_generation;
    m_connected = false;
    m_token.clear();
    m_client->cancelAll();
    m_profile = profile;
    applyProfile(*m_client, profile);
    Q_EMIT profileChanged();
    if (profile.isEmbeddedSandbox())
        return;
    Q_EMIT readingToken();
    const quint64 generation = m_generation;
    m_tokens->readToken(profile.name(), this, [this, generation](const TokenResult &result) {
        if (generation != m_generation)
            return; // another profile was opened meanwhile
        connectTo(m_profile.baseUrl(), result.ok && result.found ? result.token : QString());
        if (result.keychainUnavailable)
            Q_EMIT tokenProblem(
                tr("No keychain answered, so no token was read: reading works, changes will be "
                   "refused. Open Preferences to give the token and choose where it is kept."),
                true);
        else if (!result.ok)
            Q_EMIT tokenProblem(tr("The token could not be read: %1").arg(result.error), false);
    });
}

void SessionController::close()
{
    ++m_generation;
    m_connected = false;
    m_token.clear();
    m_client->cancelAll();
    m_profile = Profile();
    Q_EMIT profileChanged();
}

void SessionController::connectTo(const QUrl &baseUrl, const QString &token)
{
    m_client->setBaseUrl(baseUrl);
    m_client->setToken(token);
    m_token = token;
    m_baseUrl = baseUrl;
    // How the server pages its lists: the profile's dialect, GoRest for the embedded sandbox, else found
    // out now, before the first page is asked for (json-server pages by other parameters, or not at all).
    const std::optional<Dialect> known = Dialect::fromName(m_profile.dialect());
    if (known || m_profile.isEmbeddedSandbox()) {
        m_client->setDialect(known.value_or(Dialect()));
        m_connected = true;
        Q_EMIT connected();
        return;
    }
    const quint64 generation = m_generation;
    const ApiClient::RequestId probe = m_client->detectDialect();
    auto *once = new QObject(this);
    auto settle = [this, once, generation](const Dialect &dialect) {
        once->deleteLater();
        if (generation != m_generation)
            return; // another profile was opened meanwhile
        m_client->setDialect(dialect);
        m_connected = true;
        Q_EMIT connected();
    };
    connect(m_client, &ApiClient::dialectDetected, once,
        [probe, settle](ApiClient::RequestId id, const Dialect &dialect) {
            if (id == probe)
                settle(dialect);
        });
    // The first page will meet the same trouble and say so; GoRest is the default.
    connect(m_client, &ApiClient::requestFailed, once, [probe, settle](ApiClient::RequestId id) {
        if (id == probe)
            settle(Dialect());
    });
}

} // namespace UserDesk
