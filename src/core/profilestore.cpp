#include "profilestore.h"

#include "dialect.h"

#include <QDir>
#include <QSettings>
#include <QStandardPaths>
#include <algorithm>

namespace UserDesk {

namespace {

// Profiles are an array rather than one group per name: names may hold any character, including the
// '/' that QSettings reads as a group separator.
constexpr QLatin1String ProfilesArray("profiles");
constexpr QLatin1String CurrentProfileKey("currentProfile");
constexpr QLatin1String StateGroup("state");

constexpr QLatin1String NameKey("name");
constexpr QLatin1String BaseUrlKey("baseUrl");
constexpr QLatin1String PageSizeKey("pageSize");
constexpr QLatin1String TimeoutKey("timeoutMs");
constexpr QLatin1String MaxAttemptsKey("maxAttempts");
constexpr QLatin1String MaxInFlightKey("maxInFlight");
constexpr QLatin1String TrustedCertificatesKey("trustedCertificates");
constexpr QLatin1String DialectKey("dialect");
constexpr QLatin1String DetectedDialectKey("detectedDialect");
constexpr QLatin1String EmbeddedSandboxKey("embeddedSandbox");
constexpr QLatin1String CaFileKey("caFile");
constexpr QLatin1String ClientCertificateKey("clientCertificate");
constexpr QLatin1String ClientCertificateFileKey("clientCertificateFile");
constexpr QLatin1String ClientKeyFileKey("clientKeyFile");

constexpr QLatin1String ProxyModeKey("network/proxyMode");
constexpr QLatin1String ProxyTypeKey("network/proxyType");
constexpr QLatin1String ProxyHostKey("network/proxyHost");
constexpr QLatin1String ProxyPortKey("network/proxyPort");
constexpr QLatin1String ProxyUserKey("network/proxyUser");
constexpr QLatin1String NoProxyKey("network/noProxy");
constexpr QLatin1String LanguageKey("language");

// A hand-edited or older file may hold nonsense; a usable profile beats one the app cannot load.
int readBoundedInt(const QSettings &settings, QLatin1String key, int fallback, int low, int high)
{
    bool ok = false;
    const int value = settings.value(key).toInt(&ok);
    return ok ? std::clamp(value, low, high) : fallback;
}

QString stateKey(const QString &key)
{
    return StateGroup + QLatin1Char('/') + key;
}

} // namespace

ProfileStore::ProfileStore(const QString &settingsPath, QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>(settingsPath, QSettings::IniFormat))
{
}

ProfileStore::~ProfileStore() = default;

QString ProfileStore::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
        + QLatin1String("/UserDesk");
}

QString ProfileStore::defaultSettingsPath()
{
    return defaultDirectory() + QLatin1String("/userdesk.ini");
}

QString ProfileStore::defaultProfileName()
{
    return tr("Local sandbox");
}

QString ProfileStore::settingsPath() const
{
    return m_settings->fileName();
}

QList<Profile> ProfileStore::profiles() const
{
    QList<Profile> result;
    const int count = m_settings->beginReadArray(ProfilesArray);
    result.reserve(count);
    for (int i = 0; i < count; ++i) {
        m_settings->setArrayIndex(i);
        Profile profile(
            m_settings->value(NameKey).toString(), QUrl(m_settings->value(BaseUrlKey).toString()));
        if (profile.name().isEmpty())
            continue;
        profile.setPageSize(readBoundedInt(
            *m_settings, PageSizeKey, Profile::DefaultPageSize, Profile::MinPageSize, Profile::MaxPageSize));
        profile.setTimeoutMs(readBoundedInt(*m_settings, TimeoutKey, Profile::DefaultTimeoutMs,
            Profile::MinTimeoutMs, Profile::MaxTimeoutMs));
        profile.setMaxAttempts(readBoundedInt(*m_settings, MaxAttemptsKey, Profile::DefaultMaxAttempts,
            Profile::MinMaxAttempts, Profile::MaxMaxAttempts));
        profile.setMaxInFlight(readBoundedInt(*m_settings, MaxInFlightKey, Profile::DefaultMaxInFlight,
            Profile::MinMaxInFlight, Profile::MaxMaxInFlight));
        profile.setTrustedCertificates(m_settings->value(TrustedCertificatesKey).toStringList());
        // An unknown name (a newer version's) means: find out again.
        if (const auto d = Dialect::fromName(m_settings->value(DialectKey).toString()))
            profile.setDialect(d->name());
        if (const auto d = Dialect::fromName(m_settings->value(DetectedDialectKey).toString()))
            profile.setDetectedDialect(d->name(), profile.baseUrl());
        profile.setEmbeddedSandbox(m_settings->value(EmbeddedSandboxKey, false).toBool());
        profile.setCaFile(m_settings->value(CaFileKey).toString());
        const QString certificate = m_settings->value(ClientCertificateKey).toString();
        profile.setClientCertificate(certificate == QLatin1String("pem") ? Profile::ClientCertificate::Pem
                : certificate == QLatin1String("pkcs12")                 ? Profile::ClientCertificate::Pkcs12
                                                                         : Profile::ClientCertificate::None);
        profile.setClientCertificateFile(m_settings->value(ClientCertificateFileKey).toString());
        profile.setClientKeyFile(m_settings->value(ClientKeyFileKey).toString());
        // The first of two entries with one name wins, as profile() finds it.
        const bool duplicate = std::any_of(
            result.cbegin(), result.cend(), [&](const Profile &p) { return p.name() == profile.name(); });
        if (!duplicate)
            result.append(profile);
    }
    m_settings->endArray();
    return result;
}

QStringList ProfileStore::profileNames() const
{
    QStringList names;
    for (const Profile &profile : profiles())
        names.append(profile.name());
    return names;
}

std::optional<Profile> ProfileStore::profile(const QString &name) const
{
    for (const Profile &profile : profiles()) {
        if (profile.name() == name)
            return profile;
    }
    return std::nullopt;
}

bool ProfileStore::contains(const QString &name) const
{
    return profile(name).has_value();
}

void ProfileStore::writeProfiles(const QList<Profile> &profiles)
{
    // Without the remove, a shorter array would leave the old tail entries in the file.
    m_settings->remove(ProfilesArray);
    m_settings->beginWriteArray(ProfilesArray, int(profiles.size()));
    for (int i = 0; i < profiles.size(); ++i) {
        const Profile &profile = profiles.at(i);
        m_settings->setArrayIndex(i);
        m_settings->setValue(NameKey, profile.name());
        m_settings->setValue(BaseUrlKey, profile.baseUrl().toString(QUrl::FullyEncoded));
        m_settings->setValue(PageSizeKey, profile.pageSize());
        m_settings->setValue(TimeoutKey, profile.timeoutMs());
        m_settings->setValue(MaxAttemptsKey, profile.maxAttempts());
        m_settings->setValue(MaxInFlightKey, profile.maxInFlight());
        m_settings->setValue(TrustedCertificatesKey, profile.trustedCertificates());
        if (profile.dialect().isEmpty())
            m_settings->remove(DialectKey);
        else
            m_settings->setValue(DialectKey, profile.dialect());
        if (profile.detectedDialect().isEmpty())
            m_settings->remove(DetectedDialectKey);
        else
            m_settings->setValue(DetectedDialectKey, profile.detectedDialect());
        m_settings->setValue(EmbeddedSandboxKey, profile.isEmbeddedSandbox());
        const auto setOrRemove = [this](QLatin1String key, const QString &value) {
            if (value.isEmpty())
                m_settings->remove(key);
            else
                m_settings->setValue(key, value);
        };
        setOrRemove(CaFileKey, profile.caFile());
        switch (profile.clientCertificate()) {
        case Profile::ClientCertificate::None:
            setOrRemove(ClientCertificateKey, QString());
            break;
        case Profile::ClientCertificate::Pem:
            setOrRemove(ClientCertificateKey, QStringLiteral("pem"));
            break;
        case Profile::ClientCertificate::Pkcs12:
            setOrRemove(ClientCertificateKey, QStringLiteral("pkcs12"));
            break;
        }
        setOrRemove(ClientCertificateFileKey, profile.clientCertificateFile());
        setOrRemove(ClientKeyFileKey, profile.clientKeyFile());
    }
    m_settings->endArray();
}

bool ProfileStore::saveProfile(const Profile &profile, QString *why)
{
    if (!profile.isValid(why))
        return false;

    const QString currentBefore = currentProfileName();
    QList<Profile> all = profiles();
    const auto it
        = std::find_if(all.begin(), all.end(), [&](const Profile &p) { return p.name() == profile.name(); });
    if (it != all.end()) {
        if (*it == profile)
            return sync(why);
        *it = profile;
    } else {
        all.append(profile);
    }
    writeProfiles(all);
    const bool written = sync(why);

    Q_EMIT profilesChanged();
    // A stored current name may have pointed at nothing until now.
    if (currentProfileName() != currentBefore)
        Q_EMIT currentProfileChanged(currentProfileName());
    return written;
}

bool ProfileStore::rememberDetectedDialect(const QString &name, const QUrl &url, const QString &dialect)
{
    QList<Profile> all = profiles();
    const auto it = std::find_if(all.begin(), all.end(), [&](const Profile &p) { return p.name() == name; });
    if (it == all.end() || it->baseUrl() != url || it->detectedDialect() == dialect)
        return false;
    it->setDetectedDialect(dialect, url);
    writeProfiles(all);
    return sync();
}

bool ProfileStore::removeProfile(const QString &name)
{
    QList<Profile> all = profiles();
    const auto removed = all.removeIf([&](const Profile &p) { return p.name() == name; });
    if (removed == 0)
        return false;

    const bool wasCurrent = m_settings->value(CurrentProfileKey).toString() == name;
    writeProfiles(all);
    if (wasCurrent)
        setCurrentUnchecked(all.isEmpty() ? QString() : all.constFirst().name());
    const bool written = sync();

    Q_EMIT profilesChanged();
    if (wasCurrent)
        Q_EMIT currentProfileChanged(currentProfileName());
    return written;
}

bool ProfileStore::renameProfile(const QString &oldName, const QString &newName, QString *why)
{
    std::optional<Profile> renamed = profile(oldName);
    if (!renamed) {
        if (why)
            *why = tr("There is no profile named \"%1\".").arg(oldName);
        return false;
    }
    if (oldName == newName)
        return true;
    if (contains(newName)) {
        if (why)
            *why = tr("A profile named \"%1\" already exists.").arg(newName);
        return false;
    }
    renamed->setName(newName);
    if (!renamed->isValid(why))
        return false;

    QList<Profile> all = profiles();
    for (Profile &p : all) {
        if (p.name() == oldName)
            p = *renamed;
    }
    const bool wasCurrent = m_settings->value(CurrentProfileKey).toString() == oldName;
    writeProfiles(all);
    if (wasCurrent)
        setCurrentUnchecked(newName);
    const bool written = sync(why);

    Q_EMIT profilesChanged();
    if (wasCurrent)
        Q_EMIT currentProfileChanged(newName);
    return written;
}

bool ProfileStore::duplicateProfile(const QString &name, const QString &newName, QString *why)
{
    std::optional<Profile> copy = profile(name);
    if (!copy) {
        if (why)
            *why = tr("There is no profile named \"%1\".").arg(name);
        return false;
    }
    if (contains(newName)) {
        if (why)
            *why = tr("A profile named \"%1\" already exists.").arg(newName);
        return false;
    }
    copy->setName(newName);
    return saveProfile(*copy, why);
}

QString ProfileStore::currentProfileName() const
{
    const QString name = m_settings->value(CurrentProfileKey).toString();
    return contains(name) ? name : QString();
}

std::optional<Profile> ProfileStore::currentProfile() const
{
    const QString name = m_settings->value(CurrentProfileKey).toString();
    return name.isEmpty() ? std::nullopt : profile(name);
}

void ProfileStore::setCurrentUnchecked(const QString &name)
{
    if (name.isEmpty())
        m_settings->remove(CurrentProfileKey);
    else
        m_settings->setValue(CurrentProfileKey, name);
}

bool ProfileStore::setCurrentProfileName(const QString &name)
{
    if (!name.isEmpty() && !contains(name))
        return false;
    if (currentProfileName() == name)
        return true;
    setCurrentUnchecked(name);
    const bool written = sync();
    Q_EMIT currentProfileChanged(name);
    return written;
}

bool ProfileStore::ensureDefaultProfile()
{
    const QList<Profile> all = profiles();
    if (all.isEmpty()) {
        Profile sandbox(defaultProfileName());
        sandbox.setEmbeddedSandbox(true);
        saveProfile(sandbox);
        setCurrentProfileName(sandbox.name());
        return true;
    }
    if (currentProfileName().isEmpty())
        setCurrentProfileName(all.constFirst().name());
    return false;
}

ProxySettings ProfileStore::proxySettings() const
{
    ProxySettings settings;
    const QString mode = m_settings->value(ProxyModeKey).toString();
    settings.mode = mode == QLatin1String("none") ? ProxySettings::Mode::None
        : mode == QLatin1String("manual")         ? ProxySettings::Mode::Manual
                                                  : ProxySettings::Mode::System;
    settings.type = m_settings->value(ProxyTypeKey).toString() == QLatin1String("socks5")
        ? ProxySettings::Type::Socks5
        : ProxySettings::Type::Http;
    settings.host = m_settings->value(ProxyHostKey).toString();
    settings.port = readBoundedInt(*m_settings, ProxyPortKey, 3128, 1, 65535);
    settings.user = m_settings->value(ProxyUserKey).toString();
    settings.noProxy = m_settings->value(NoProxyKey).toStringList();
    return settings;
}

void ProfileStore::setProxySettings(const ProxySettings &settings)
{
    switch (settings.mode) {
    case ProxySettings::Mode::System:
        m_settings->setValue(ProxyModeKey, QStringLiteral("system"));
        break;
    case ProxySettings::Mode::None:
        m_settings->setValue(ProxyModeKey, QStringLiteral("none"));
        break;
    case ProxySettings::Mode::Manual:
        m_settings->setValue(ProxyModeKey, QStringLiteral("manual"));
        break;
    }
    m_settings->setValue(ProxyTypeKey,
        settings.type == ProxySettings::Type::Socks5 ? QStringLiteral("socks5") : QStringLiteral("http"));
    m_settings->setValue(ProxyHostKey, settings.host);
    m_settings->setValue(ProxyPortKey, settings.port);
    m_settings->setValue(ProxyUserKey, settings.user);
    m_settings->setValue(NoProxyKey, settings.noProxy);
}

QString ProfileStore::language() const
{
    return m_settings->value(LanguageKey).toString();
}

void ProfileStore::setLanguage(const QString &language)
{
    if (language.isEmpty())
        m_settings->remove(LanguageKey);
    else
        m_settings->setValue(LanguageKey, language);
}

QVariant ProfileStore::value(const QString &key, const QVariant &defaultValue) const
{
    return m_settings->value(stateKey(key), defaultValue);
}

void ProfileStore::setValue(const QString &key, const QVariant &value)
{
    m_settings->setValue(stateKey(key), value);
}

void ProfileStore::removeValue(const QString &key)
{
    m_settings->remove(stateKey(key));
}

bool ProfileStore::sync(QString *why)
{
    m_settings->sync();
    switch (m_settings->status()) {
    case QSettings::NoError:
        if (why)
            why->clear();
        return true;
    case QSettings::AccessError:
        if (why)
            *why
                = tr("The settings file %1 cannot be written.").arg(QDir::toNativeSeparators(settingsPath()));
        return false;
    case QSettings::FormatError:
        if (why)
            *why = tr("The settings file %1 is damaged.").arg(QDir::toNativeSeparators(settingsPath()));
        return false;
    }
    return false;
}

} // namespace UserDesk
