#include "secretwrites.h"

#include "tokenstore.h"

#include <QMessageBox>
#include <QPushButton>
#include <memory>

namespace UserDesk {

SecretWrites::SecretWrites(TokenStore *tokens, QWidget *dialog)
    : QObject(dialog)
    , m_tokens(tokens)
    , m_dialog(dialog)
{
}

void SecretWrites::clear()
{
    m_reads.clear();
    m_steps.clear();
}

void SecretWrites::remove(const QString &account)
{
    m_steps << [this, account](auto done) { m_tokens->removeToken(account, this, done); };
}

void SecretWrites::rename(const QString &from, const QString &to)
{
    m_steps << [this, from, to](auto done) { m_tokens->renameToken(from, to, this, done); };
}

void SecretWrites::write(const QString &account, const QString &value)
{
    m_steps << [this, account, value](auto done) { m_tokens->writeToken(account, value, this, done); };
}

void SecretWrites::carry(const QString &from, const QString &to)
{
    auto carried = std::make_shared<QString>();
    m_reads << [this, from, carried](auto done) {
        m_tokens->readToken(from, this, [carried, done](const TokenResult &result) {
            if (result.ok)
                *carried = result.token;
            done(result);
        });
    };
    m_steps << [this, to, carried](auto done) { m_tokens->writeToken(to, *carried, this, done); };
}

void SecretWrites::run()
{
    m_steps = m_reads + m_steps;
    m_reads.clear();
    runNext();
}

void SecretWrites::runNext()
{
    if (m_steps.isEmpty()) {
        Q_EMIT finished();
        return;
    }
    const Step step = m_steps.constFirst();
    step([this](const TokenResult &result) {
        if (result.keychainUnavailable) {
            askFallback();
            return;
        }
        if (!result.ok) {
            const QString passphrasePrefix
                = TokenStore::secretAccount(TokenStore::Secret::CertificatePassphrase, QString());
            Q_EMIT failed(result.profile == TokenStore::secretAccount(TokenStore::Secret::ProxyPassword)
                    ? tr("The proxy's password was not saved: %1").arg(result.error)
                    : result.profile.startsWith(passphrasePrefix)
                    ? tr("The passphrase of the client certificate of \"%1\" was not saved: %2")
                          .arg(result.profile.mid(passphrasePrefix.size()), result.error)
                    : tr("The token of \"%1\" was not saved: %2").arg(result.profile, result.error));
            return;
        }
        m_steps.removeFirst();
        runNext();
    });
}

void SecretWrites::askFallback()
{
    auto *box = new QMessageBox(QMessageBox::Warning, tr("No keychain"),
        tr("No system keychain answered, so the token cannot be stored safely.\n\n"
           "Keep it for this session only, or store it unencrypted in a file only "
           "you can read?\n\n%1")
            .arg(TokenStore::unencryptedWarning()),
        QMessageBox::NoButton, m_dialog);
    box->setObjectName(QStringLiteral("keychainFallbackBox"));
    QPushButton *session = box->addButton(tr("This session only"), QMessageBox::AcceptRole);
    QPushButton *file = box->addButton(tr("Store in a private file"), QMessageBox::DestructiveRole);
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(session);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, session, file](int) {
        if (box->clickedButton() == session) {
            m_tokens->setFallback(TokenStore::Backend::SessionOnly);
        } else if (box->clickedButton() == file) {
            m_tokens->setFallback(TokenStore::Backend::OwnerOnlyFile);
        } else {
            Q_EMIT failed(tr("The token was not saved."));
            return;
        }
        Q_EMIT fallbackChosen();
        runNext();
    });
    box->open();
}

} // namespace UserDesk
