#include "tokenstore.h"

#include "profilestore.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QPointer>
#include <QSaveFile>
#include <QTimer>
#include <memory>
#include <qt6keychain/keychain.h>

namespace UserDesk {

namespace {

Q_LOGGING_CATEGORY(lcTokens, "userdesk.tokens")

constexpr QLatin1String FileName("tokens-unencrypted.json");
constexpr QLatin1String TokensKey("tokens");
constexpr QLatin1String VersionKey("version");

constexpr QFileDevice::Permissions OwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions OthersAny = QFileDevice::ReadGroup | QFileDevice::WriteGroup
    | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;

bool keychainErrorMeansUnavailable(QKeychain::Error error)
{
    // libsecret reports a missing or unreachable Secret Service as OtherError, and a collection nobody
    // can unlock as AccessDenied; a person who declined the unlock prompt is offered the fallbacks too.
    switch (error) {
    case QKeychain::AccessDeniedByUser:
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
    case QKeychain::AccessDenied:
        return true;
    case QKeychain::NoError:
    case QKeychain::EntryNotFound:
    case QKeychain::CouldNotDeleteEntry:
        return false;
    }
    return true;
}

} // namespace

TokenStore::TokenStore(KeychainUse keychain, const QString &fileDirectory, QObject *parent)
    : QObject(parent)
    , m_keychainEnabled(keychain == KeychainUse::Enabled)
    , m_serviceName(defaultServiceName())
    , m_fileDirectory(fileDirectory.isEmpty() ? ProfileStore::defaultDirectory() : fileDirectory)
{
}

TokenStore::~TokenStore() = default;

QString TokenStore::defaultServiceName()
{
    return QStringLiteral("org.userdesk.UserDesk");
}

QString TokenStore::keychainKey(const QString &profile)
{
    if (profile.startsWith(QChar(1)))
        return profile.mid(1);
    return QLatin1String("profile/") + profile;
}

QString TokenStore::secretAccount(Secret kind, const QString &profile)
{
    switch (kind) {
    case Secret::Token:
        break;
    case Secret::CertificatePassphrase:
        return QChar(1) + QLatin1String("certificate-passphrase/") + profile;
    case Secret::ProxyPassword:
        return QChar(1) + QLatin1String("proxy/password");
    }
    return profile;
}

void TokenStore::setFallback(Backend backend)
{
    m_backend = backend;
}

QString TokenStore::ownerOnlyFilePath() const
{
    return QDir(m_fileDirectory).filePath(FileName);
}

bool TokenStore::ownerOnlyFileExists() const
{
    return QFile::exists(ownerOnlyFilePath());
}

QString TokenStore::unencryptedWarning()
{
    return tr("Tokens are stored unencrypted in a file only your user account can read. Anyone with "
              "access to your account or to a backup of it can read them.");
}

void TokenStore::readToken(const QString &profile, QObject *context, Callback done)
{
    if (m_backend != Backend::Keychain) {
        run(Operation::Read, profile, QString(), context, std::move(done));
        return;
    }
    // The owner-only file exists only because the person chose it when no keychain answered in an
    // earlier run. If the keychain is still not answering, the tokens they stored there are theirs to use.
    const QPointer<QObject> target(context ? context : this);
    run(Operation::Read, profile, QString(), this, [this, profile, target, done](const TokenResult &read) {
        if (read.found || !ownerOnlyFileExists()) {
            deliver(target, done, read);
            return;
        }
        if (read.keychainUnavailable) {
            // Another read in flight may have switched already; each one is served from the file then.
            if (m_backend == Backend::Keychain) {
                m_backend = Backend::OwnerOnlyFile;
                Q_EMIT warning(tr("No system keychain answered, so tokens are read from, and saved to, the "
                                  "private file chosen in an earlier session: %1")
                                   .arg(QDir::toNativeSeparators(ownerOnlyFilePath())));
            }
            deliver(target, done,
                m_backend == Backend::OwnerOnlyFile ? runFile(Operation::Read, profile, QString()) : read);
            return;
        }
        if (read.ok && m_backend == Backend::Keychain)
            moveFromFileToKeychain(profile, target, done, read);
        else
            deliver(target, done, read);
    });
}

void TokenStore::moveFromFileToKeychain(
    const QString &profile, QObject *context, Callback done, const TokenResult &keychainRead)
{
    const TokenResult stored = runFile(Operation::Read, profile, QString());
    if (!stored.ok || !stored.found) {
        deliver(context, done, keychainRead);
        return;
    }
    // The keychain answers again: the token an earlier run had to keep unencrypted belongs in it now.
    const QPointer<QObject> target(context);
    startKeychainJob(Operation::Write, profile, stored.token, this,
        [this, profile, target, done, stored](const TokenResult &written) {
            TokenResult result = stored;
            if (!written.ok) {
                // Still usable from the file; moving it can wait for another run.
                deliver(target, done, result);
                return;
            }
            const TokenResult removed = runFile(Operation::Remove, profile, QString());
            result.backend = Backend::Keychain;
            Q_EMIT warning(removed.ok
                    ? tr("The token of \"%1\" was moved from the unencrypted file into the system "
                         "keychain.")
                          .arg(profile)
                    : tr("The token of \"%1\" is now in the system keychain, but it could not be "
                         "removed from the unencrypted file: %2")
                          .arg(profile, removed.error));
            deliver(target, done, result);
        });
}

void TokenStore::writeToken(const QString &profile, const QString &token, QObject *context, Callback done)
{
    run(token.isEmpty() ? Operation::Remove : Operation::Write, profile, token, context, std::move(done));
}

void TokenStore::removeToken(const QString &profile, QObject *context, Callback done)
{
    run(Operation::Remove, profile, QString(), context, std::move(done));
}

void TokenStore::copyToken(const QString &from, const QString &to, QObject *context, Callback done)
{
    const QPointer<QObject> target(context ? context : this);
    if (from == to) {
        run(Operation::Read, from, QString(), target, [done](const TokenResult &read) {
            TokenResult result = read;
            result.token.clear();
            done(result);
        });
        return;
    }
    run(Operation::Read, from, QString(), this, [this, to, target, done](const TokenResult &read) {
        if (!read.ok) {
            TokenResult result = read;
            result.profile = to;
            deliver(target, done, result);
            return;
        }
        const bool found = read.found;
        const auto finish = [this, target, done, found](const TokenResult &written) {
            TokenResult result = written;
            result.found = found;
            deliver(target, done, result);
        };
        if (found)
            run(Operation::Write, to, read.token, this, finish);
        else
            run(Operation::Remove, to, QString(), this, finish);
    });
}

void TokenStore::renameToken(const QString &from, const QString &to, QObject *context, Callback done)
{
    const QPointer<QObject> target(context ? context : this);
    if (from == to) {
        copyToken(from, to, target, std::move(done));
        return;
    }
    copyToken(from, to, this, [this, from, target, done](const TokenResult &copied) {
        if (!copied.ok || !copied.found) {
            deliver(target, done, copied);
            return;
        }
        run(Operation::Remove, from, QString(), this,
            [this, target, done, copied](const TokenResult &removed) {
                TokenResult result = copied;
                if (!removed.ok) {
                    result.ok = false;
                    result.keychainUnavailable = removed.keychainUnavailable;
                    result.error
                        = tr("The token was copied to the new name but could not be removed from the "
                             "old one: %1")
                              .arg(removed.error);
                }
                deliver(target, done, result);
            });
    });
}

void TokenStore::run(
    Operation operation, const QString &profile, const QString &token, QObject *context, Callback done)
{
    QObject *target = context ? context : this;
    if (profile.isEmpty()) {
        TokenResult result;
        result.backend = m_backend;
        result.error = tr("A token needs a profile name.");
        deliver(target, std::move(done), result);
        return;
    }
    switch (m_backend) {
    case Backend::Keychain:
        runKeychain(operation, profile, token, target, std::move(done));
        return;
    case Backend::SessionOnly:
        deliver(target, std::move(done), runSession(operation, profile, token));
        return;
    case Backend::OwnerOnlyFile:
        deliver(target, std::move(done), runFile(operation, profile, token));
        return;
    }
}

void TokenStore::deliver(QObject *context, Callback done, const TokenResult &result)
{
    if (!context || !done)
        return;
    // Queued even when the answer is already known, so that callers see one behaviour for every
    // backend; a queued call to a destroyed context is dropped by Qt.
    QMetaObject::invokeMethod(
        context, [done = std::move(done), result] { done(result); }, Qt::QueuedConnection);
}

void TokenStore::runKeychain(
    Operation operation, const QString &profile, const QString &token, QObject *context, Callback done)
{
    if (!m_keychainEnabled) {
        TokenResult result;
        result.profile = profile;
        result.backend = Backend::Keychain;
        result.keychainUnavailable = true;
        result.error = tr("The system keychain is turned off.");
        deliver(context, std::move(done), result);
        return;
    }
    if (operation != Operation::Remove) {
        startKeychainJob(operation, profile, token, context, std::move(done));
        return;
    }
    // libsecret reports success for deleting an entry that is not there; looking first is the only
    // way to tell the caller whether there was a token to remove.
    const QPointer<QObject> target(context);
    startKeychainJob(
        Operation::Read, profile, QString(), this, [this, profile, target, done](const TokenResult &read) {
            if (!read.ok || !read.found) {
                TokenResult result = read;
                result.token.clear();
                deliver(target, done, result);
                return;
            }
            startKeychainJob(Operation::Remove, profile, QString(), target, done);
        });
}

void TokenStore::startKeychainJob(
    Operation operation, const QString &profile, const QString &token, QObject *context, Callback done)
{
    QKeychain::Job *job = nullptr;
    switch (operation) {
    case Operation::Read:
        job = new QKeychain::ReadPasswordJob(m_serviceName);
        break;
    case Operation::Write: {
        auto *write = new QKeychain::WritePasswordJob(m_serviceName);
        write->setTextData(token);
        job = write;
        break;
    }
    case Operation::Remove:
        job = new QKeychain::DeletePasswordJob(m_serviceName);
        break;
    }
    // Unparented on purpose: libsecret calls back into the job, so it must live until it has finished
    // even if this store is destroyed first; auto-delete frees it then.
    job->setAutoDelete(true);
    // QtKeychain's own fallback would write the token into a QSettings file without asking anyone.
    job->setInsecureFallback(false);
    job->setKey(keychainKey(profile));

    struct Pending
    {
        QPointer<QObject> context;
        Callback done;
        QPointer<QTimer> timer;
        bool answered = false;
    };
    auto pending = std::make_shared<Pending>();
    pending->context = context;
    pending->done = std::move(done);

    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    pending->timer = timer;
    connect(timer, &QTimer::timeout, this, [this, pending, profile, operation] {
        if (pending->answered)
            return;
        pending->answered = true;
        pending->timer->deleteLater();
        qCWarning(lcTokens) << "keychain did not answer in time; operation" << int(operation) << "profile"
                            << profile;
        TokenResult result;
        result.profile = profile;
        result.backend = Backend::Keychain;
        result.keychainUnavailable = true;
        result.error = tr(
            "The system keychain did not answer within %n second(s).", nullptr, m_keychainTimeoutMs / 1000);
        deliver(pending->context, pending->done, result);
    });
    timer->start(m_keychainTimeoutMs);

    connect(
        job, &QKeychain::Job::finished, this, [this, pending, profile, operation](QKeychain::Job *finished) {
            if (pending->answered)
                return;
            pending->answered = true;
            if (pending->timer)
                pending->timer->deleteLater();

            TokenResult result;
            result.profile = profile;
            result.backend = Backend::Keychain;
            const QKeychain::Error error = finished->error();
            if (error == QKeychain::NoError) {
                result.ok = true;
                result.found = true;
                if (operation == Operation::Read)
                    result.token = static_cast<QKeychain::ReadPasswordJob *>(finished)->textData();
            } else if (error == QKeychain::EntryNotFound) {
                result.ok = true;
                result.found = false;
            } else {
                result.keychainUnavailable = keychainErrorMeansUnavailable(error);
                result.error = result.keychainUnavailable
                    ? tr("No system keychain is available: %1").arg(finished->errorString())
                    : tr("The system keychain failed: %1").arg(finished->errorString());
                qCWarning(lcTokens) << "keychain operation" << int(operation) << "failed for profile"
                                    << profile << "error" << int(error) << finished->errorString();
            }
            deliver(pending->context, pending->done, result);
        });
    job->start();
}

TokenResult TokenStore::runSession(Operation operation, const QString &profile, const QString &token)
{
    TokenResult result;
    result.profile = profile;
    result.backend = Backend::SessionOnly;
    result.ok = true;
    switch (operation) {
    case Operation::Read: {
        const auto it = m_sessionTokens.constFind(profile);
        result.found = it != m_sessionTokens.cend();
        if (result.found)
            result.token = *it;
        break;
    }
    case Operation::Write:
        m_sessionTokens.insert(profile, token);
        result.found = true;
        break;
    case Operation::Remove:
        result.found = m_sessionTokens.remove(profile);
        break;
    }
    return result;
}

TokenResult TokenStore::runFile(Operation operation, const QString &profile, const QString &token)
{
    TokenResult result;
    result.profile = profile;
    result.backend = Backend::OwnerOnlyFile;
    const QString path = ownerOnlyFilePath();
    const QString nativePath = QDir::toNativeSeparators(path);

    QJsonObject tokens;
    QFile file(path);
    if (file.exists()) {
        if (file.permissions() & OthersAny) {
            // Someone (a restore from backup, a copy) widened the permissions; put them back.
            file.setPermissions(OwnerOnly);
            Q_EMIT warning(
                tr("%1 was readable by other users; it is now readable by you alone.").arg(nativePath));
        }
        if (!file.open(QIODevice::ReadOnly)) {
            result.error = tr("Cannot read %1: %2").arg(nativePath, file.errorString());
            return result;
        }
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
        file.close();
        if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
            // Writing over it would lose every other profile's token; let the person decide.
            result.error = tr("%1 is damaged; remove it and enter the tokens again.").arg(nativePath);
            return result;
        }
        tokens = document.object().value(TokensKey).toObject();
    }

    switch (operation) {
    case Operation::Read: {
        const QJsonValue value = tokens.value(profile);
        result.found = value.isString();
        if (result.found)
            result.token = value.toString();
        result.ok = true;
        return result;
    }
    case Operation::Write:
        tokens.insert(profile, token);
        result.found = true;
        break;
    case Operation::Remove:
        result.found = tokens.contains(profile);
        if (!result.found) {
            result.ok = true;
            return result;
        }
        tokens.remove(profile);
        break;
    }

    if (tokens.isEmpty()) {
        // No reason to keep an unencrypted file around once it holds nothing.
        if (!QFile::remove(path) && QFile::exists(path)) {
            result.error = tr("Cannot remove %1.").arg(nativePath);
            return result;
        }
        result.ok = true;
        return result;
    }

    const QDir directory(m_fileDirectory);
    if (!directory.exists()) {
        if (!directory.mkpath(QStringLiteral("."))) {
            result.error = tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(m_fileDirectory));
            return result;
        }
        QFile::setPermissions(m_fileDirectory, OwnerOnly | QFileDevice::ExeOwner);
    }

    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly)) {
        result.error = tr("Cannot write %1: %2").arg(nativePath, out.errorString());
        return result;
    }
    // Restricted before the first byte is written, so the token is never readable by anyone else.
    if (!out.setPermissions(OwnerOnly)) {
        out.cancelWriting();
        result.error = tr("Cannot make %1 private to your user account.").arg(nativePath);
        return result;
    }
    QJsonObject root;
    root.insert(VersionKey, 1);
    root.insert(TokensKey, tokens);
    out.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!out.commit()) {
        result.error = tr("Cannot write %1: %2").arg(nativePath, out.errorString());
        return result;
    }
    result.ok = true;
    if (operation == Operation::Write)
        Q_EMIT warning(unencryptedWarning() + QLatin1Char(' ') + tr("File: %1").arg(nativePath));
    return result;
}

} // namespace UserDesk
