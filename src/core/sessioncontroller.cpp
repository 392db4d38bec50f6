#include "sessioncontroller.h"

#include "apiclient.h"
#include "profilestore.h"
#include "proxyfactory.h"
#include "tlscredentials.h"
#include "tokenstore.h"

#include <QNetworkProxy>
#include <QSslConfiguration>
#include <utility>

namespace UserDesk {

SessionController::SessionController(ApiClient *client, TokenStore *tokens, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_tokens(tokens)
{
    connect(m_client, &ApiClient::dialectDetected, this, [this](ApiClient::RequestId id, const Dialect &d) {
        if (id != m_probeId)
            return;
        m_probeId = 0;
        m_dialect = d;
        m_client->setDialect(d);
        m_profile.setDetectedDialect(d.name(), m_profile.baseUrl());
        if (m_store)
            m_store->rememberDetectedDialect(m_profile.name(), m_profile.baseUrl(), d.name());
        Q_EMIT dialectDetected(d);
        emitConnected();
    });
    connect(m_client, &ApiClient::requestFailed, this, [this](ApiClient::RequestId id, const ApiError &) {
        if (id != m_probeId)
            return;
        // The lists will say what is wrong, in their own words; GoRest v2 until something answers.
        m_probeId = 0;
        emitConnected();
    });
}

QStringList SessionController::applyProfile(ApiClient &client, const Profile &profile)
{
    client.setTimeout(profile.timeoutMs());
    client.setMaxInFlight(profile.maxInFlight());
    client.setTrustedCertificates(profile.trustedCertificates());
    RetryPolicy policy = client.retryPolicy();
    policy.maxAttempts = profile.maxAttempts();
    client.setRetryPolicy(policy);
    client.setDialect(Dialect::fromName(profile.effectiveDialect()).value_or(Dialect()));

    QStringList problems;
    QList<QSslCertificate> authorities;
    if (!profile.caFile().isEmpty()) {
        QString why;
        if (TlsCredentials::readCaFile(profile.caFile(), &authorities, &why))
            authorities = QSslConfiguration::systemCaCertificates() + authorities;
        else
            problems << tr("The CA file of \"%1\" was not used: %2").arg(profile.name(), why);
    }
    client.setCaCertificates(authorities);

    client.setClientCertificate(QSslCertificate(), QSslKey());
    if (profile.clientCertificate() == Profile::ClientCertificate::Pem && !needsPassphrase(profile)) {
        if (const QString problem = applyClientCertificate(client, profile, QString()); !problem.isEmpty())
            problems << problem;
    }
    return problems;
}

bool SessionController::needsPassphrase(const Profile &profile)
{
    switch (profile.clientCertificate()) {
    case Profile::ClientCertificate::None:
        return false;
    case Profile::ClientCertificate::Pem:
        return TlsCredentials::isEncryptedPemKey(profile.clientKeyFile());
    case Profile::ClientCertificate::Pkcs12:
        return true;
    }
    return false;
}

QString SessionController::applyClientCertificate(
    ApiClient &client, const Profile &profile, const QString &passphrase)
{
    TlsCredentials credentials;
    QString why;
    const bool read = profile.clientCertificate() == Profile::ClientCertificate::Pkcs12
        ? TlsCredentials::readPkcs12(profile.clientCertificateFile(), passphrase, &credentials, &why)
        : TlsCredentials::readPem(
            profile.clientCertificateFile(), profile.clientKeyFile(), passphrase, &credentials, &why);
    if (!read)
        return tr("The client certificate of \"%1\" was not used: %2").arg(profile.name(), why);
    client.setClientCertificate(credentials.certificate, credentials.key, credentials.chain);
    return QString();
}

QStringList SessionController::configure(ApiClient &client, const Profile &profile,
    const ProxySettings &proxy, const QString &proxyPassword, const QString &passphrase)
{
    QStringList problems = applyProfile(client, profile);
    if (needsPassphrase(profile)) {
        if (const QString problem = applyClientCertificate(client, profile, passphrase); !problem.isEmpty())
            problems << problem;
    }
    // The sandbox runs on this machine: no proxy has any business in between.
    if (profile.isEmbeddedSandbox())
        client.setProxy(QNetworkProxy(QNetworkProxy::NoProxy));
    else
        client.setProxySettings(proxy, proxyPassword);
    return problems;
}

std::optional<Dialect> SessionController::detectedDialect() const
{
    if (!m_profile.dialect().isEmpty())
        return std::nullopt;
    return Dialect::fromName(m_profile.detectedDialect());
}

void SessionController::open(const Profile &profile, const ProxySettings &proxy)
{
    ++m_generation;
    m_connected = false;
    m_probeId = 0;
    m_token.clear();
    m_client->cancelAll();
    m_profile = profile;
    m_proxy = proxy;
    const QStringList problems = applyProfile(*m_client, profile);
    m_dialect = m_client->dialect();
    // The sandbox runs on this machine: no proxy has any business in between.
    if (profile.isEmbeddedSandbox())
        m_client->setProxy(QNetworkProxy(QNetworkProxy::NoProxy));
    else
        m_client->setProxySettings(m_proxy, QString());
    m_problems.clear();
    for (const QString &problem : problems)
        m_problems.append({ problem });
    Q_EMIT profileChanged();

    const quint64 generation = m_generation;
    // Application-wide: installed for every profile, the sandbox's included, since Preferences tests
    // other profiles meanwhile.
    const bool needsPassword = m_proxy.mode == ProxySettings::Mode::Manual && !m_proxy.user.isEmpty();
    const Step installProxy = [this, generation](std::function<void()> next) {
        m_tokens->readSecret(TokenStore::Secret::ProxyPassword, QString(), this,
            [this, generation, next](const TokenResult &result) {
                if (generation != m_generation)
                    return; // the next open() installs its own
                if (!result.ok)
                    m_problems.append({ tr("The proxy's password could not be read: %1").arg(result.error) });
                const QString password = result.ok ? result.token : QString();
                ProxyFactory::install(m_proxy, password);
                if (!m_profile.isEmbeddedSandbox())
                    m_client->setProxySettings(m_proxy, password);
                next();
            });
    };
    if (!needsPassword)
        ProxyFactory::install(m_proxy, QString());
    if (profile.isEmbeddedSandbox()) {
        if (needsPassword)
            installProxy([] {});
        return;
    }
    Q_EMIT readingToken();

    QList<Step> steps;
    steps << [this, generation](std::function<void()> next) {
        m_tokens->readToken(m_profile.name(), this, [this, generation, next](const TokenResult &result) {
            if (generation != m_generation)
                return; // another profile was opened meanwhile
            m_token = result.ok && result.found ? result.token : QString();
            if (result.keychainUnavailable)
                m_problems.append({ tr("No keychain answered, so no token was read: reading works, changes "
                                       "will be refused. Open Preferences to give the token and choose where "
                                       "it is kept."),
                    true, true });
            else if (!result.ok)
                m_problems.append({ tr("The token could not be read: %1").arg(result.error), true });
            next();
        });
    };
    if (needsPassphrase(profile)) {
        steps << [this, generation](std::function<void()> next) {
            m_tokens->readSecret(TokenStore::Secret::CertificatePassphrase, m_profile.name(), this,
                [this, generation, next](const TokenResult &result) {
                    if (generation != m_generation)
                        return;
                    const QString problem = result.ok
                        ? applyClientCertificate(*m_client, m_profile, result.token)
                        : tr("The passphrase of the client certificate of \"%1\" could not be read: %2")
                              .arg(m_profile.name(), result.error);
                    if (!problem.isEmpty())
                        m_problems.append({ problem });
                    next();
                });
        };
    }
    if (needsPassword)
        steps << installProxy;
    runSteps(generation, steps, [this] { connectTo(m_profile.baseUrl(), m_token); });
}

void SessionController::runSteps(quint64 generation, QList<Step> steps, std::function<void()> done)
{
    if (generation != m_generation)
        return; // another profile was opened meanwhile
    if (steps.isEmpty()) {
        done();
        return;
    }
    const Step step = steps.takeFirst();
    step([this, generation, steps, done] { runSteps(generation, steps, done); });
}

void SessionController::close()
{
    ++m_generation;
    m_connected = false;
    m_probeId = 0;
    m_problems.clear();
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
    if (!m_profile.isEmbeddedSandbox() && m_profile.effectiveDialect().isEmpty()
        && !m_profile.name().isEmpty()) {
        // Automatic: the first contact finds out how the server pages and filters its lists (once: what
        // it finds is kept in the profile).
        m_probeId = m_client->detectDialect();
        return;
    }
    emitConnected();
}

void SessionController::emitConnected()
{
    m_connected = true;
    Q_EMIT connected();
    const QList<Problem> problems = std::exchange(m_problems, {});
    for (const Problem &problem : problems) {
        if (problem.token)
            Q_EMIT tokenProblem(problem.text, problem.keychainUnavailable);
        else
            Q_EMIT setupProblem(problem.text);
    }
}

} // namespace UserDesk
