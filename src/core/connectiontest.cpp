#include "connectiontest.h"

#include "sessioncontroller.h"
#include "tokenstore.h"

namespace UserDesk {

ConnectionTest::ConnectionTest(TokenStore *tokens, QObject *parent)
    : QObject(parent)
    , m_tokens(tokens)
{
}

ConnectionTest::~ConnectionTest() = default;

void ConnectionTest::start(const Request &request)
{
    const quint64 generation = ++m_generation;
    m_client.reset(); // cancels what an earlier test had in flight; its check goes with it
    if (request.passphrase) {
        withPassword(request, *request.passphrase);
        return;
    }
    Q_EMIT progress(tr("Reading the passphrase…"));
    m_tokens->readSecret(TokenStore::Secret::CertificatePassphrase, request.keptUnder, this,
        [this, request, generation](const TokenResult &r) {
            if (generation == m_generation)
                withPassword(request, r.ok && r.found ? r.token : QString());
        });
}

void ConnectionTest::withPassword(const Request &request, const QString &passphrase)
{
    if (request.proxyPassword) {
        run(request, passphrase, *request.proxyPassword);
        return;
    }
    const quint64 generation = m_generation;
    m_tokens->readSecret(TokenStore::Secret::ProxyPassword, QString(), this,
        [this, request, passphrase, generation](const TokenResult &r) {
            if (generation == m_generation)
                run(request, passphrase, r.ok && r.found ? r.token : QString());
        });
}

void ConnectionTest::run(const Request &request, const QString &passphrase, const QString &proxyPassword)
{
    m_client = std::make_unique<ApiClient>();
    m_client->setBaseUrl(request.url);
    m_client->setToken(request.token);
    const QStringList problems
        = SessionController::configure(*m_client, request.profile, request.proxy, proxyPassword, passphrase);
    if (!problems.isEmpty()) {
        Q_EMIT refused(problems.join(u' '));
        return;
    }
    // A test answers quickly: at most one retry.
    RetryPolicy policy = m_client->retryPolicy();
    policy.maxAttempts = std::min(request.profile.maxAttempts(), 2);
    m_client->setRetryPolicy(policy);
    Q_EMIT progress(tr("Connecting to %1…").arg(request.url.toDisplayString()));

    // Reachable, how many users, and whether the token may write (asked without writing anything); for a
    // profile that leaves the dialect open, how the server pages too.
    auto *check = new ConnectionCheck(m_client.get(), m_client.get());
    check->setDetectsDialect(request.profile.dialect().isEmpty() && !request.profile.isEmbeddedSandbox());
    connect(check, &ConnectionCheck::finished, this, &ConnectionTest::finished);
    check->start();
}

} // namespace UserDesk
