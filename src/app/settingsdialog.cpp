#include "settingsdialog.h"

#include "certificatedialog.h"
#include "connectiontest.h"
#include "languagepage.h"
#include "networkpage.h"
#include "palettecolors.h"
#include "profileserverpage.h"
#include "profilestore.h"
#include "secretwrites.h"
#include "sessioncontroller.h"
#include "tokenstore.h"
#include "ui_settingsdialog.h"

#include <QInputDialog>
#include <QLocale>
#include <QPushButton>

namespace UserDesk {

SettingsDialog::SettingsDialog(ProfileStore *store, TokenStore *tokens, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SettingsDialog>())
    , m_store(store)
    , m_tokens(tokens)
    , m_server(new ProfileServerPage(this))
    , m_network(new NetworkPage(this))
    , m_language(new LanguagePage(this))
    , m_writes(new SecretWrites(tokens, this))
    , m_test(new ConnectionTest(tokens, this))
{
    m_ui->setupUi(this);
    m_ui->profileTabs->addTab(m_server, tr("Server"));
    m_ui->pages->addTab(m_network, tr("Network"));
    m_ui->pages->addTab(m_language, tr("Language"));
    const ProxySettings proxy = m_store->proxySettings();
    m_network->setSettings(proxy);
    m_network->setPasswordStored(!proxy.user.isEmpty());
    m_language->setLanguage(m_store->language());
    m_ui->pageSizeSpin->setRange(Profile::MinPageSize, Profile::MaxPageSize);
    m_ui->timeoutSpin->setRange(Profile::MinTimeoutMs / 1000, Profile::MaxTimeoutMs / 1000);
    m_ui->retriesSpin->setRange(Profile::MinMaxAttempts, Profile::MaxMaxAttempts);
    m_ui->concurrencySpin->setRange(Profile::MinMaxInFlight, Profile::MaxMaxInFlight);
    m_ui->tokenWarning->setStyleSheet(PaletteColors::textStyle(palette(), PaletteColors::Role::Warning));
    m_ui->saveMessage->setStyleSheet(PaletteColors::textStyle(palette(), PaletteColors::Role::Error));

    for (const Profile &p : m_store->profiles())
        m_entries.append(Entry { p, p.name(), QString(), false, QString(), false, QString() });
    refreshList(m_store->currentProfileName());
    updateTokenWarning();

    connect(m_ui->profileList, &QListWidget::currentRowChanged, this, [this](int row) {
        storeEntry();
        loadEntry(row);
    });
    connect(m_ui->tokenEdit, &QLineEdit::textEdited, this, [this] {
        if (m_current >= 0)
            m_entries[m_current].tokenEdited = true;
    });
    connect(m_ui->addProfileButton, &QPushButton::clicked, this, &SettingsDialog::addProfile);
    connect(m_ui->duplicateProfileButton, &QPushButton::clicked, this, &SettingsDialog::duplicateProfile);
    connect(m_ui->renameProfileButton, &QPushButton::clicked, this, &SettingsDialog::renameProfile);
    connect(m_ui->removeProfileButton, &QPushButton::clicked, this, &SettingsDialog::removeProfile);
    connect(m_ui->testConnectionButton, &QPushButton::clicked, this, &SettingsDialog::testConnection);
    connect(m_test, &ConnectionTest::progress, m_ui->testResult, &QLabel::setText);
    connect(m_test, &ConnectionTest::refused, this, [this](const QString &problem) {
        m_ui->testConnectionButton->setEnabled(true);
        m_ui->testResult->setText(problem);
        m_ui->testResult->setStyleSheet(PaletteColors::textStyle(palette(), PaletteColors::Role::Error));
    });
    connect(m_test, &ConnectionTest::finished, this, &SettingsDialog::showTestResult);
    connect(m_writes, &SecretWrites::finished, this, [this] {
        setSaving(false);
        m_ui->saveMessage->clear();
        Q_EMIT applied();
        QDialog::accept();
    });
    connect(m_writes, &SecretWrites::failed, this, [this](const QString &message) {
        setSaving(false);
        m_ui->saveMessage->setText(message);
    });
    connect(m_writes, &SecretWrites::fallbackChosen, this, &SettingsDialog::updateTokenWarning);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::setSandboxEndpoint(const QUrl &baseUrl, const QString &token)
{
    m_sandboxUrl = baseUrl;
    m_sandboxToken = token;
    storeEntry();
    loadEntry(m_current);
}

QStringList SettingsDialog::profileNames() const
{
    QStringList names;
    for (const Entry &e : m_entries)
        names << e.profile.name();
    return names;
}

void SettingsDialog::selectProfile(const QString &name)
{
    const int index = indexOf(name);
    if (index >= 0)
        m_ui->profileList->setCurrentRow(index);
}

void SettingsDialog::focusToken()
{
    if (m_current < 0 || !m_ui->tokenEdit->isEnabled())
        return;
    m_ui->tokenWarning->setText(tr("No keychain answered, so the token could not be read. Type it here and "
                                   "press OK: you will be asked whether to keep it for this session only or "
                                   "in a file only you can read."));
    m_ui->tokenWarning->show();
    m_ui->tokenEdit->setFocus(Qt::OtherFocusReason);
}

int SettingsDialog::indexOf(const QString &name) const
{
    for (int i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).profile.name() == name)
            return i;
    }
    return -1;
}

void SettingsDialog::refreshList(const QString &select)
{
    m_current = -1;
    const QSignalBlocker blocker(m_ui->profileList);
    m_ui->profileList->clear();
    for (const Entry &e : std::as_const(m_entries))
        m_ui->profileList->addItem(e.profile.name());
    int row = indexOf(select);
    if (row < 0 && !m_entries.isEmpty())
        row = 0;
    m_ui->profileList->setCurrentRow(row);
    loadEntry(row);
}

void SettingsDialog::loadEntry(int index)
{
    m_current = index;
    const bool valid = index >= 0 && index < m_entries.size();
    m_ui->profileGroup->setEnabled(valid);
    m_server->setEnabled(valid);
    m_ui->duplicateProfileButton->setEnabled(valid);
    m_ui->renameProfileButton->setEnabled(valid);
    m_ui->removeProfileButton->setEnabled(valid && m_entries.size() > 1);
    m_ui->testResult->clear();
    if (!valid)
        return;
    const Entry &e = m_entries.at(index);
    const Profile &p = e.profile;
    const bool embedded = p.isEmbeddedSandbox();
    m_ui->profileGroup->setTitle(tr("Connection of \"%1\"").arg(p.name()));
    // The sandbox profile keeps whatever URL it was created with; showing that (a public server's) would
    // tell the person the wrong place. Its real address is only known while it runs.
    m_ui->baseUrlEdit->setText(!embedded ? p.baseUrl().toString()
            : m_sandboxUrl.isValid()     ? m_sandboxUrl.toString()
                                         : QString());
    m_ui->baseUrlEdit->setEnabled(!embedded);
    m_ui->sandboxNote->setVisible(embedded);
    m_ui->tokenEdit->setEnabled(!embedded);
    m_ui->tokenEdit->setText(e.tokenEdited ? e.token : QString());
    m_ui->tokenEdit->setPlaceholderText(embedded         ? tr("chosen by the sandbox")
            : e.originalName.isEmpty() && !e.tokenEdited ? tr("none")
                                                         : tr("unchanged: type to replace, clear to remove"));
    m_ui->pageSizeSpin->setValue(p.pageSize());
    m_ui->timeoutSpin->setValue(p.timeoutMs() / 1000);
    m_ui->retriesSpin->setValue(p.maxAttempts());
    m_ui->concurrencySpin->setValue(p.maxInFlight());
    m_server->load(
        p, e.passphraseEdited, e.passphrase, !e.originalName.isEmpty() || !e.copyTokenFrom.isEmpty());
}

void SettingsDialog::storeEntry()
{
    if (m_current < 0 || m_current >= m_entries.size())
        return;
    Entry &e = m_entries[m_current];
    if (!e.profile.isEmbeddedSandbox())
        e.profile.setBaseUrl(QUrl::fromUserInput(m_ui->baseUrlEdit->text().trimmed()));
    e.profile.setPageSize(m_ui->pageSizeSpin->value());
    e.profile.setTimeoutMs(m_ui->timeoutSpin->value() * 1000);
    e.profile.setMaxAttempts(m_ui->retriesSpin->value());
    e.profile.setMaxInFlight(m_ui->concurrencySpin->value());
    if (e.tokenEdited)
        e.token = m_ui->tokenEdit->text().trimmed();
    m_server->store(&e.profile);
    if (m_server->isPassphraseEdited()) {
        e.passphraseEdited = true;
        e.passphrase = m_server->passphrase();
    }
}

bool SettingsDialog::nameIsFree(const QString &name, QString *why) const
{
    if (name.trimmed().isEmpty()) {
        *why = tr("A profile needs a name.");
        return false;
    }
    if (indexOf(name.trimmed()) >= 0) {
        *why = tr("There is already a profile called \"%1\".").arg(name.trimmed());
        return false;
    }
    return true;
}

void SettingsDialog::askName(
    const QString &title, const QString &initial, std::function<void(const QString &)> done)
{
    // open(), not exec(): no nested event loop, and tests can find and fill it.
    auto *input = new QInputDialog(this);
    input->setObjectName(QStringLiteral("profileNameInput"));
    input->setWindowTitle(title);
    input->setLabelText(tr("Profile name:"));
    input->setTextValue(initial);
    input->setAttribute(Qt::WA_DeleteOnClose);
    connect(
        input, &QInputDialog::textValueSelected, this, [this, done = std::move(done)](const QString &text) {
            QString why;
            if (!nameIsFree(text, &why)) {
                m_ui->saveMessage->setText(why);
                return;
            }
            m_ui->saveMessage->clear();
            done(text.trimmed());
        });
    input->open();
}

void SettingsDialog::addProfile()
{
    storeEntry();
    askName(tr("Add profile"), QString(), [this](const QString &name) {
        Profile p(name, QUrl(QStringLiteral("https://gorest.co.in/public/v2")));
        m_entries.append(Entry { p, QString(), QString(), false, QString(), false, QString() });
        refreshList(name);
        m_ui->baseUrlEdit->setFocus();
        m_ui->baseUrlEdit->selectAll();
    });
}

void SettingsDialog::duplicateProfile()
{
    storeEntry();
    if (m_current < 0)
        return;
    const Entry source = m_entries.at(m_current);
    askName(tr("Duplicate profile"), tr("%1 (copy)").arg(source.profile.name()),
        [this, source](const QString &name) {
            Entry copy = source;
            copy.profile.setName(name);
            copy.originalName.clear();
            copy.copyTokenFrom = source.tokenEdited ? QString() : source.originalName;
            m_entries.append(copy);
            refreshList(name);
        });
}

void SettingsDialog::renameProfile()
{
    storeEntry();
    if (m_current < 0)
        return;
    const QString oldName = m_entries.at(m_current).profile.name();
    askName(tr("Rename profile"), oldName, [this, oldName](const QString &name) {
        const int index = indexOf(oldName);
        if (index < 0)
            return;
        m_entries[index].profile.setName(name);
        refreshList(name);
    });
}

void SettingsDialog::removeProfile()
{
    if (m_current < 0 || m_entries.size() <= 1)
        return;
    const Entry gone = m_entries.takeAt(m_current);
    if (!gone.originalName.isEmpty())
        m_removedOriginals << gone.originalName;
    m_current = -1;
    refreshList(m_entries.value(0).profile.name());
}

void SettingsDialog::updateTokenWarning()
{
    switch (m_tokens->backend()) {
    case TokenStore::Backend::Keychain:
        m_ui->tokenWarning->clear();
        m_ui->tokenWarning->hide();
        return;
    case TokenStore::Backend::SessionOnly:
        m_ui->tokenWarning->setText(tr("No keychain answered: tokens are kept only until UserDesk quits."));
        break;
    case TokenStore::Backend::OwnerOnlyFile:
        m_ui->tokenWarning->setText(TokenStore::unencryptedWarning());
        break;
    }
    m_ui->tokenWarning->show();
}

void SettingsDialog::testConnection()
{
    storeEntry();
    if (m_current < 0)
        return;
    const Entry e = m_entries.at(m_current);
    const Profile &p = e.profile;
    if (p.isEmbeddedSandbox()) {
        if (!m_sandboxUrl.isValid()) {
            m_ui->testResult->setText(tr("The built-in sandbox has not started yet."));
            return;
        }
        runTest(p, m_sandboxUrl, m_sandboxToken);
        return;
    }
    QString why;
    if (!p.isValid(&why)) {
        m_ui->testResult->setText(why);
        return;
    }
    if (e.tokenEdited || e.originalName.isEmpty()) {
        runTest(p, p.baseUrl(), e.token);
        return;
    }
    m_ui->testResult->setText(tr("Reading the token…"));
    m_tokens->readToken(e.originalName, this, [this, p](const TokenResult &result) {
        runTest(p, p.baseUrl(), result.ok && result.found ? result.token : QString());
    });
}

void SettingsDialog::runTest(const Profile &profile, const QUrl &url, const QString &token)
{
    // As the session would go: the client certificate's passphrase and the proxy's password as typed
    // here, else as kept in the keychain.
    const Entry e = m_entries.value(indexOf(profile.name()));
    ConnectionTest::Request request { profile, url, token, m_network->settings(), e.passphrase,
        m_network->password(), e.originalName.isEmpty() ? e.copyTokenFrom : e.originalName };
    if (SessionController::needsPassphrase(profile) && !e.passphraseEdited && !request.keptUnder.isEmpty())
        request.passphrase.reset();
    if (request.proxy.mode == ProxySettings::Mode::Manual && !request.proxy.user.isEmpty()
        && !m_network->isPasswordEdited() && !profile.isEmbeddedSandbox())
        request.proxyPassword.reset();
    m_testedProfile = profile.name();
    m_testedUrl = url;
    m_ui->testConnectionButton->setEnabled(false);
    m_test->start(request);
}

void SettingsDialog::showTestResult(const ConnectionCheck::Result &result)
{
    const QString profileName = m_testedProfile;
    m_ui->testConnectionButton->setEnabled(true);
    if (!result.detectedDialect.isEmpty())
        keepDetectedDialect(profileName, m_testedUrl, result.detectedDialect);
    m_ui->testResult->setText(result.sentence());
    m_ui->testResult->setStyleSheet(PaletteColors::textStyle(palette(),
        !result.reachable || result.token == ConnectionCheck::Token::Rejected
            ? PaletteColors::Role::Error
            : (result.token == ConnectionCheck::Token::Accepted ? PaletteColors::Role::Success
                                                                : PaletteColors::Role::Warning)));
    if (result.reachable)
        return;
    CertificateDialog::offerTrust(
        result.error, profileName, this, [this, profileName](const QString &fingerprint) {
            const int index = indexOf(profileName);
            if (index < 0)
                return;
            m_entries[index].profile.addTrustedCertificate(fingerprint);
            testConnection();
        });
}

void SettingsDialog::keepDetectedDialect(const QString &profileName, const QUrl &url, const QString &dialect)
{
    // As the session's first contact does: kept in the profile (written on OK) for the URL tested, so
    // the next start does not ask again. A dialect chosen by hand stays as it is.
    storeEntry();
    const int index = indexOf(profileName);
    if (index < 0)
        return;
    m_entries[index].profile.setDetectedDialect(dialect, url);
    if (index == m_current)
        m_server->setDetectedDialect(m_entries[index].profile.detectedDialect());
}

void SettingsDialog::setSaving(bool saving)
{
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(!saving);
    m_ui->profileGroup->setEnabled(!saving && m_current >= 0);
    if (saving)
        m_ui->saveMessage->setText(tr("Saving…"));
}

void SettingsDialog::accept()
{
    storeEntry();
    for (const Entry &e : std::as_const(m_entries)) {
        QString why;
        if (!e.profile.isValid(&why)) {
            selectProfile(e.profile.name());
            m_ui->saveMessage->setText(tr("\"%1\": %2").arg(e.profile.name(), why));
            return;
        }
    }
    const ProxySettings proxy = m_network->settings();
    if (QString why; !proxy.isValid(&why)) {
        m_ui->pages->setCurrentWidget(m_network);
        m_ui->saveMessage->setText(why);
        return;
    }
    const auto passphraseOf = [](const QString &profile) {
        return TokenStore::secretAccount(TokenStore::Secret::CertificatePassphrase, profile);
    };

    // Profiles first (synchronous, in the settings file); secrets after, one asynchronous step at a time.
    m_writes->clear();
    const QString current = m_store->currentProfileName();
    for (const QString &name : std::as_const(m_removedOriginals)) {
        m_store->removeProfile(name);
        m_writes->remove(name);
        m_writes->remove(passphraseOf(name));
    }
    m_removedOriginals.clear();
    for (Entry &e : m_entries) {
        const QString name = e.profile.name();
        if (!e.originalName.isEmpty() && e.originalName != name) {
            QString why;
            if (!m_store->renameProfile(e.originalName, name, &why)) {
                m_ui->saveMessage->setText(why);
                return;
            }
            m_writes->rename(e.originalName, name);
            m_writes->rename(passphraseOf(e.originalName), passphraseOf(name));
        }
        // A profile that shows another kind of certificate, or none, leaves no passphrase behind unless
        // one was typed for it (a PKCS#12 file's and a PEM key's are seldom the same).
        const auto kind = e.profile.clientCertificate();
        const bool withPassphrase = kind != Profile::ClientCertificate::None;
        const std::optional<Profile> before = m_store->profile(name);
        // What the session found out while this dialog was open stays, as long as the URL does.
        if (before && e.profile.detectedDialect().isEmpty() && !before->detectedDialect().isEmpty())
            e.profile.setDetectedDialect(before->detectedDialect(), before->baseUrl());
        if (before && before->clientCertificate() != Profile::ClientCertificate::None
            && before->clientCertificate() != kind && (!e.passphraseEdited || !withPassphrase)) {
            e.passphraseEdited = true;
            e.passphrase.clear();
        }
        QString why;
        if (!m_store->saveProfile(e.profile, &why)) {
            m_ui->saveMessage->setText(tr("\"%1\": %2").arg(name, why));
            return;
        }
        if (e.originalName.isEmpty() && !e.copyTokenFrom.isEmpty() && !e.tokenEdited)
            m_writes->carry(e.copyTokenFrom, name);
        if (e.originalName.isEmpty() && !e.copyTokenFrom.isEmpty() && !e.passphraseEdited && withPassphrase)
            m_writes->carry(passphraseOf(e.copyTokenFrom), passphraseOf(name));
        if (e.tokenEdited)
            m_writes->write(name, e.token);
        if (e.passphraseEdited)
            m_writes->write(passphraseOf(name), withPassphrase ? e.passphrase : QString());
        e.originalName = name;
        e.copyTokenFrom.clear();
        e.tokenEdited = false;
        e.passphraseEdited = false;
    }
    m_store->setProxySettings(proxy);
    m_store->setLanguage(m_language->language());
    if (m_network->isPasswordEdited())
        m_writes->write(TokenStore::secretAccount(TokenStore::Secret::ProxyPassword),
            proxy.user.isEmpty() ? QString() : m_network->password());
    if (current.isEmpty() || !m_store->contains(current)) {
        if (!m_entries.isEmpty())
            m_store->setCurrentProfileName(m_entries.constFirst().profile.name());
    }
    QString why;
    if (!m_store->sync(&why)) {
        m_ui->saveMessage->setText(tr("The settings could not be written: %1").arg(why));
        return;
    }
    setSaving(true);
    m_writes->run();
}

} // namespace UserDesk
