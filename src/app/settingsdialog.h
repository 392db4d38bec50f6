#pragma once

#include "connectioncheck.h"
#include "profile.h"

#include <QDialog>
#include <QUrl>
#include <functional>
#include <memory>

namespace Ui {
class SettingsDialog;
}

namespace UserDesk {

class ConnectionTest;
class LanguagePage;
class NetworkPage;
class ProfileServerPage;
class ProfileStore;
class SecretWrites;
class TokenStore;
struct TokenResult;

// Preferences: the profiles (add, duplicate, rename, remove), each one's endpoint, token and connection
// settings, and a "Test connection" that asks the server for real; each one's server kind and
// certificates (ProfileServerPage); the application's proxy (NetworkPage) and language (LanguagePage).
// Nothing is written until OK; secrets go to TokenStore, never to the settings file.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    SettingsDialog(ProfileStore *store, TokenStore *tokens, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    // Where the embedded sandbox listens now, so that its profile can be tested too.
    void setSandboxEndpoint(const QUrl &baseUrl, const QString &token);
    void selectProfile(const QString &name);
    // Puts the cursor in the token field of the selected profile with a hint beside it, for when no
    // keychain answered, the window could not read the token and the person has to give it again.
    void focusToken();
    QStringList profileNames() const;

public Q_SLOTS:
    void accept() override;

Q_SIGNALS:
    // Everything was written; the window reconfigures itself from the store.
    void applied();

private:
    struct Entry
    {
        Profile profile;
        QString originalName; // empty for a profile added in this dialog
        QString copyTokenFrom; // original name of the profile this one duplicates
        bool tokenEdited = false;
        QString token;
        bool passphraseEdited = false; // of a PKCS#12 client certificate
        QString passphrase;
    };

    void loadEntry(int index);
    void storeEntry();
    int indexOf(const QString &name) const;
    void refreshList(const QString &select);
    void askName(const QString &title, const QString &initial, std::function<void(const QString &)> done);
    bool nameIsFree(const QString &name, QString *why) const;
    void addProfile();
    void duplicateProfile();
    void renameProfile();
    void removeProfile();
    void testConnection();
    void keepDetectedDialect(const QString &profileName, const QUrl &url, const QString &dialect);
    void runTest(const Profile &profile, const QUrl &url, const QString &token);
    void showTestResult(const ConnectionCheck::Result &result);
    void updateTokenWarning();
    void setSaving(bool saving);

    std::unique_ptr<Ui::SettingsDialog> m_ui;
    ProfileStore *m_store;
    TokenStore *m_tokens;
    QList<Entry> m_entries;
    QStringList m_removedOriginals;
    int m_current = -1;
    QUrl m_sandboxUrl;
    QString m_sandboxToken;
    ProfileServerPage *m_server;
    NetworkPage *m_network;
    LanguagePage *m_language;
    SecretWrites *m_writes;
    ConnectionTest *m_test;
    QString m_testedProfile; // what the test running now was asked about
    QUrl m_testedUrl;
};

} // namespace UserDesk
