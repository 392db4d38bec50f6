#pragma once

#include "profile.h"
#include "proxysettings.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QVariant>
#include <memory>
#include <optional>

class QSettings;

namespace UserDesk {

// The one typed settings object: profiles, the current profile and UI state, in one QSettings file.
// Tokens never go here; they belong to TokenStore.
class ProfileStore : public QObject
{
    Q_OBJECT

public:
    // Tests pass a temporary file; the app and the CLI pass defaultSettingsPath() so that both share it.
    explicit ProfileStore(const QString &settingsPath, QObject *parent = nullptr);
    ~ProfileStore() override;

    // Independent of QCoreApplication::applicationName(), which differs between the app and the CLI.
    static QString defaultDirectory();
    static QString defaultSettingsPath();
    // The name ensureDefaultProfile() gives the embedded sandbox profile.
    static QString defaultProfileName();

    QString settingsPath() const;

    QList<Profile> profiles() const;
    QStringList profileNames() const;
    std::optional<Profile> profile(const QString &name) const;
    bool contains(const QString &name) const;

    // Inserts, or replaces the profile of the same name. Refuses an invalid profile.
    bool saveProfile(const Profile &profile, QString *why = nullptr);
    bool removeProfile(const QString &name);
    // Keeps what the first contact with `url` found for the profile `name` leaves open (nothing when
    // the profile points elsewhere by now). Quietly: nothing the window shows changes.
    bool rememberDetectedDialect(const QString &name, const QUrl &url, const QString &dialect);
    // Fails when `newName` is taken. Moving the token along is the caller's job (TokenStore::renameToken).
    bool renameProfile(const QString &oldName, const QString &newName, QString *why = nullptr);
    bool duplicateProfile(const QString &name, const QString &newName, QString *why = nullptr);

    // Empty when no profile is selected or the stored name no longer names a profile.
    QString currentProfileName() const;
    std::optional<Profile> currentProfile() const;
    bool setCurrentProfileName(const QString &name);

    // On first run (no profiles at all) creates and selects the embedded sandbox profile; otherwise makes
    // sure some existing profile is current. Returns whether it created the profile.
    bool ensureDefaultProfile();

    // The application's proxy (its password lives in TokenStore).
    ProxySettings proxySettings() const;
    void setProxySettings(const ProxySettings &settings);

    // The language of the window chosen in Preferences ("de", "hi", "en"); empty follows the system.
    QString language() const;
    void setLanguage(const QString &language);

    // UI state (window geometry, column widths, ...). Keys live in their own group so they cannot
    // collide with the profile data.
    QVariant value(const QString &key, const QVariant &defaultValue = QVariant()) const;
    void setValue(const QString &key, const QVariant &value);
    void removeValue(const QString &key);

    // Writes pending changes to disk; false when the file cannot be written or is corrupt.
    bool sync(QString *why = nullptr);

Q_SIGNALS:
    void profilesChanged();
    void currentProfileChanged(const QString &name);

private:
    void writeProfiles(const QList<Profile> &profiles);
    void setCurrentUnchecked(const QString &name);

    std::unique_ptr<QSettings> m_settings;
};

} // namespace UserDesk
