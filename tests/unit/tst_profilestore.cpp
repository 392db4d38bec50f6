// ProfileStore and Profile against real settings files in a temporary folder, and TokenStore's fallbacks
// checked for the one promise that matters most: a token never lands in the settings file.
#include "profile.h"
#include "profilestore.h"
#include "proxyfactory.h"
#include "tokenstore.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QNetworkProxy>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <optional>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

using namespace UserDesk;

Q_DECLARE_METATYPE(UserDesk::Profile)

namespace {

constexpr int CallbackTimeoutMs = 20000; // a loaded 2-core box

// Collects the one result a TokenStore operation promises.
class ResultCatcher : public QObject
{
public:
    std::optional<TokenResult> result;
    int calls = 0;

    TokenStore::Callback callback()
    {
        return [this](const TokenResult &r) {
            ++calls;
            result = r;
        };
    }
    bool wait()
    {
        return QTest::qWaitFor([this] { return result.has_value(); }, CallbackTimeoutMs);
    }
};

const QString Sha256A = QStringLiteral("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
const QString Sha256B = QStringLiteral("fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210");

QString uniqueToken()
{
    // Random so that a match in a file can only come from this test writing it there.
    QString token = QStringLiteral("tok_");
    for (int i = 0; i < 4; ++i)
        token += QString::number(QRandomGenerator::global()->generate64(), 16);
    return token;
}

Profile fullProfile(const QString &name)
{
    Profile profile(name, QUrl(QStringLiteral("https://api.example.test:8443/public/v2/ünï")));
    profile.setPageSize(73);
    profile.setTimeoutMs(12345);
    profile.setMaxAttempts(9);
    profile.setMaxInFlight(3);
    profile.setTrustedCertificates({ Sha256A, Sha256B });
    profile.setEmbeddedSandbox(false);
    profile.setDialect(QStringLiteral("json-server-0.17"));
    profile.setCaFile(QStringLiteral("/etc/ssl/private-ca.pem"));
    profile.setClientCertificate(Profile::ClientCertificate::Pem);
    profile.setClientCertificateFile(QStringLiteral("/home/me/client.pem"));
    profile.setClientKeyFile(QStringLiteral("/home/me/client.key"));
    return profile;
}

int unixMode(const QString &path)
{
#ifdef Q_OS_UNIX
    struct stat info;
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return int(info.st_mode & 07777);
#else
    Q_UNUSED(path);
    return -1;
#endif
}

} // namespace

class TestProfileStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void newProfileHasDefaults();
    void validity_data();
    void validity();
    void fingerprintsAreNormalized();
    void equality();

    void everyFieldSurvivesAFreshStore();
    void namesWithAnyCharacter_data();
    void namesWithAnyCharacter();
    void saveReplacesProfileOfSameName();
    void invalidProfileIsRefused();
    void renameProfile();
    void duplicateProfile();
    void removeProfile();
    void currentProfile();
    void ensureDefaultProfileIsIdempotent();
    void ensureDefaultProfileKeepsExistingProfiles();
    void nonsenseInFileIsClamped();
    void stateValuesStayOutOfProfiles();
    void proxyAndLanguageSurviveAFreshStore();
    void noProxyList();

    void tokenNeverInSettingsFile_data();
    void tokenNeverInSettingsFile();
    void ownerOnlyFileIsPrivateAndRemovedWhenEmpty();
    void ownerOnlyFileWithWidePermissionsIsTightened();
    void sessionOnlyTokensDieWithTheStore();
    void disabledKeychainStoresNothing();
    void renameAndCopyMoveTokens();
    void callbackIsNeverSynchronous();
    void callbackSkippedWhenContextDies();

private:
    QString settingsPath() const { return m_dir->filePath(QStringLiteral("userdesk.ini")); }

    std::optional<QTemporaryDir> m_dir;
};

void TestProfileStore::init()
{
    m_dir.emplace();
    QVERIFY(m_dir->isValid());
}

void TestProfileStore::cleanup()
{
    m_dir.reset();
}

void TestProfileStore::newProfileHasDefaults()
{
    const Profile profile;
    QCOMPARE(profile.pageSize(), 20);
    QCOMPARE(profile.timeoutMs(), 30000);
    QCOMPARE(profile.maxAttempts(), 5);
    QCOMPARE(profile.maxInFlight(), 6);
    QVERIFY(profile.trustedCertificates().isEmpty());
    QVERIFY(!profile.isEmbeddedSandbox());
    QVERIFY(!profile.isValid());
}

void TestProfileStore::validity_data()
{
    QTest::addColumn<Profile>("profile");
    QTest::addColumn<bool>("valid");

    const QUrl local(QStringLiteral("http://127.0.0.1:8080/public/v2"));
    QTest::newRow("plain http") << Profile(QStringLiteral("Local"), local) << true;
    QTest::newRow("https") << Profile(
        QStringLiteral("Prod"), QUrl(QStringLiteral("https://gorest.co.in/public/v2")))
                           << true;
    QTest::newRow("no name") << Profile(QString(), local) << false;
    QTest::newRow("blank name") << Profile(QStringLiteral("  "), local) << false;
    QTest::newRow("no url") << Profile(QStringLiteral("x"), QUrl()) << false;
    QTest::newRow("ftp") << Profile(QStringLiteral("x"), QUrl(QStringLiteral("ftp://host/"))) << false;
    QTest::newRow("no host") << Profile(QStringLiteral("x"), QUrl(QStringLiteral("http:///path"))) << false;
    QTest::newRow("relative") << Profile(QStringLiteral("x"), QUrl(QStringLiteral("public/v2"))) << false;
    QTest::newRow("password in url") << Profile(
        QStringLiteral("x"), QUrl(QStringLiteral("https://me:secret@host/")))
                                     << false;

    Profile sandbox(QStringLiteral("Sandbox"));
    sandbox.setEmbeddedSandbox(true);
    QTest::newRow("embedded sandbox needs no url") << sandbox << true;

    Profile page(QStringLiteral("x"), local);
    page.setPageSize(0);
    QTest::newRow("page size 0") << page << false;
    page.setPageSize(101);
    QTest::newRow("page size 101") << page << false;
    page.setPageSize(100);
    QTest::newRow("page size 100") << page << true;

    Profile timeout(QStringLiteral("x"), local);
    timeout.setTimeoutMs(0);
    QTest::newRow("timeout 0") << timeout << false;

    Profile attempts(QStringLiteral("x"), local);
    attempts.setMaxAttempts(0);
    QTest::newRow("no attempts") << attempts << false;

    Profile inFlight(QStringLiteral("x"), local);
    inFlight.setMaxInFlight(0);
    QTest::newRow("nothing in flight") << inFlight << false;

    Profile certificate(QStringLiteral("x"), local);
    certificate.setTrustedCertificates({ QStringLiteral("not-a-digest") });
    QTest::newRow("bad fingerprint") << certificate << false;
}

void TestProfileStore::validity()
{
    QFETCH(Profile, profile);
    QFETCH(bool, valid);

    QString why = QStringLiteral("stale");
    QCOMPARE(profile.isValid(&why), valid);
    // A refusal must say why; an acceptance must not leave an old reason behind.
    QCOMPARE(why.isEmpty(), valid);
    QCOMPARE(profile.isValid(), valid);
}

void TestProfileStore::fingerprintsAreNormalized()
{
    QString colons;
    for (int i = 0; i < Sha256A.size(); i += 2) {
        if (i)
            colons += QLatin1Char(':');
        colons += Sha256A.mid(i, 2).toUpper();
    }
    QCOMPARE(Profile::normalizedFingerprint(colons), Sha256A);
    QCOMPARE(Profile::normalizedFingerprint(Sha256A.left(62)), QString());
    QCOMPARE(Profile::normalizedFingerprint(Sha256A.left(63) + QLatin1Char('g')), QString());

    Profile profile(QStringLiteral("x"), QUrl(QStringLiteral("https://h/")));
    profile.setTrustedCertificates({ colons, Sha256A, Sha256B.toUpper() });
    QCOMPARE(profile.trustedCertificates(), QStringList({ Sha256A, Sha256B }));
    QVERIFY(profile.trustsCertificate(colons));
    QVERIFY(!profile.trustsCertificate(QString(64, QLatin1Char('0'))));
    QVERIFY(profile.isValid());

    profile.removeTrustedCertificate(colons);
    QCOMPARE(profile.trustedCertificates(), QStringList({ Sha256B }));
}

void TestProfileStore::proxyAndLanguageSurviveAFreshStore()
{
    ProxySettings proxy;
    proxy.mode = ProxySettings::Mode::Manual;
    proxy.type = ProxySettings::Type::Socks5;
    proxy.host = QStringLiteral("proxy.example.test");
    proxy.port = 1080;
    proxy.user = QStringLiteral("alice");
    proxy.noProxy = { QStringLiteral("localhost"), QStringLiteral(".corp.example.test") };
    {
        ProfileStore store(settingsPath());
        QCOMPARE(store.proxySettings(), ProxySettings()); // the system's, until chosen
        QVERIFY(store.language().isEmpty());
        store.setProxySettings(proxy);
        store.setLanguage(QStringLiteral("hi"));
        QVERIFY(store.sync());
    }
    ProfileStore reopened(settingsPath());
    QCOMPARE(reopened.proxySettings(), proxy);
    QCOMPARE(reopened.language(), QStringLiteral("hi"));
    ProxySettings noHost = proxy;
    noHost.host.clear();
    QString why;
    QVERIFY(!noHost.isValid(&why));
    QCOMPARE(why, QStringLiteral("The proxy needs a host name."));
}

void TestProfileStore::noProxyList()
{
    ProxySettings proxy;
    proxy.noProxy = ProxySettings::parseNoProxy(QStringLiteral(" Example.com;.corp.test\n127.0.0.1, ,::1"));
    QCOMPARE(proxy.noProxy,
        QStringList({ QStringLiteral("example.com"), QStringLiteral(".corp.test"),
            QStringLiteral("127.0.0.1"), QStringLiteral("::1") }));
    QVERIFY(proxy.bypasses(QStringLiteral("example.com")));
    QVERIFY(proxy.bypasses(QStringLiteral("API.example.com.")));
    QVERIFY(!proxy.bypasses(QStringLiteral("notexample.com")));
    QVERIFY(proxy.bypasses(QStringLiteral("a.corp.test")));
    QVERIFY(!proxy.bypasses(QStringLiteral("corp.test")));
    QVERIFY(proxy.bypasses(QStringLiteral("127.0.0.1")));
    QVERIFY(proxy.bypasses(QStringLiteral("[::1]")));
    QVERIFY(!proxy.bypasses(QStringLiteral("127.0.0.2")));
    proxy.noProxy = { QStringLiteral("*") };
    QVERIFY(proxy.bypasses(QStringLiteral("anything.test")));

    // What each request is told: the system's settings never send this machine through the environment's
    // proxy; a manual one goes through the proxy unless the no-proxy list says otherwise.
    qputenv("http_proxy", "http://proxy.invalid:3128");
    const auto where = [](const ProxySettings &settings, const char *url) {
        ProxyFactory factory(settings, QStringLiteral("pw"));
        return factory.queryProxy(QNetworkProxyQuery(QUrl(QString::fromLatin1(url)))).value(0);
    };
    QCOMPARE(where(ProxySettings(), "http://127.0.0.1:3000/users").type(), QNetworkProxy::NoProxy);
    QCOMPARE(where(ProxySettings(), "http://localhost:3000/users").type(), QNetworkProxy::NoProxy);
    qunsetenv("http_proxy");
    ProxySettings manual;
    manual.mode = ProxySettings::Mode::Manual;
    manual.type = ProxySettings::Type::Socks5;
    manual.host = QStringLiteral("proxy.example.test");
    manual.port = 1080;
    manual.user = QStringLiteral("alice");
    manual.noProxy = { QStringLiteral(".internal.test") };
    const QNetworkProxy through = where(manual, "https://127.0.0.1:8443/users");
    QCOMPARE(through.type(), QNetworkProxy::Socks5Proxy);
    QCOMPARE(through.hostName(), QStringLiteral("proxy.example.test"));
    QCOMPARE(through.port(), quint16(1080));
    QCOMPARE(through.user(), QStringLiteral("alice"));
    QCOMPARE(through.password(), QStringLiteral("pw"));
    QCOMPARE(where(manual, "https://api.internal.test/users").type(), QNetworkProxy::NoProxy);
    manual.mode = ProxySettings::Mode::None;
    QCOMPARE(where(manual, "https://example.test/users").type(), QNetworkProxy::NoProxy);
}

void TestProfileStore::equality()
{
    const Profile a = fullProfile(QStringLiteral("a"));
    Profile b = a;
    QVERIFY(a == b);
    QVERIFY(!(a != b));
    b.setMaxInFlight(a.maxInFlight() + 1);
    QVERIFY(a != b);
    b = a;
    b.setEmbeddedSandbox(true);
    QVERIFY(a != b);
    b = a;
    b.setTrustedCertificates({ Sha256A });
    QVERIFY(a != b);
}

void TestProfileStore::everyFieldSurvivesAFreshStore()
{
    const Profile original = fullProfile(QStringLiteral("Staging"));
    Profile sandbox(QStringLiteral("Sandbox"), QUrl(QStringLiteral("http://127.0.0.1:4711/public/v2")));
    sandbox.setEmbeddedSandbox(true);
    {
        ProfileStore store(settingsPath());
        QString why;
        QVERIFY2(store.saveProfile(original, &why), qPrintable(why));
        QVERIFY2(store.saveProfile(sandbox, &why), qPrintable(why));
    }
    QVERIFY(QFile::exists(settingsPath()));

    ProfileStore reopened(settingsPath());
    const std::optional<Profile> loaded = reopened.profile(original.name());
    QVERIFY(loaded.has_value());
    QCOMPARE(loaded->name(), original.name());
    QCOMPARE(loaded->baseUrl(), original.baseUrl());
    QCOMPARE(loaded->pageSize(), 73);
    QCOMPARE(loaded->timeoutMs(), 12345);
    QCOMPARE(loaded->maxAttempts(), 9);
    QCOMPARE(loaded->maxInFlight(), 3);
    QCOMPARE(loaded->trustedCertificates(), QStringList({ Sha256A, Sha256B }));
    QCOMPARE(loaded->isEmbeddedSandbox(), false);
    QCOMPARE(loaded->dialect(), QStringLiteral("json-server-0.17"));
    QCOMPARE(loaded->caFile(), QStringLiteral("/etc/ssl/private-ca.pem"));
    QCOMPARE(loaded->clientCertificate(), Profile::ClientCertificate::Pem);
    QCOMPARE(loaded->clientCertificateFile(), QStringLiteral("/home/me/client.pem"));
    QCOMPARE(loaded->clientKeyFile(), QStringLiteral("/home/me/client.key"));
    QVERIFY(*loaded == original);

    QCOMPARE(reopened.profile(sandbox.name()), std::optional<Profile>(sandbox));
    QCOMPARE(reopened.profileNames(), QStringList({ QStringLiteral("Staging"), QStringLiteral("Sandbox") }));
    QVERIFY(!reopened.profile(QStringLiteral("staging")).has_value());
}

void TestProfileStore::namesWithAnyCharacter_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("slash") << QStringLiteral("prod/eu-west");
    QTest::newRow("leading slash") << QStringLiteral("/root");
    QTest::newRow("backslash") << QStringLiteral("C:\\odd");
    QTest::newRow("spaces") << QStringLiteral("  my staging  box ");
    QTest::newRow("unicode") << QStringLiteral("Ünïcødé 名前 🚀");
    QTest::newRow("ini syntax") << QStringLiteral("[general]=;#x, \"quoted\"");
    QTest::newRow("percent") << QStringLiteral("%41%2F");
    QTest::newRow("settings keys") << QStringLiteral("profiles/size");
}

void TestProfileStore::namesWithAnyCharacter()
{
    QFETCH(QString, name);
    const Profile profile(name, QUrl(QStringLiteral("http://127.0.0.1:8080/public/v2")));
    {
        ProfileStore store(settingsPath());
        QVERIFY(store.saveProfile(Profile(QStringLiteral("neighbour"), profile.baseUrl())));
        QVERIFY(store.saveProfile(profile));
        QVERIFY(store.setCurrentProfileName(name));
    }
    ProfileStore reopened(settingsPath());
    QCOMPARE(reopened.profileNames(), QStringList({ QStringLiteral("neighbour"), name }));
    QCOMPARE(reopened.profile(name), std::optional<Profile>(profile));
    QCOMPARE(reopened.currentProfileName(), name);
}

void TestProfileStore::saveReplacesProfileOfSameName()
{
    ProfileStore store(settingsPath());
    QSignalSpy changed(&store, &ProfileStore::profilesChanged);
    Profile profile = fullProfile(QStringLiteral("one"));
    QVERIFY(store.saveProfile(profile));
    QCOMPARE(changed.count(), 1);

    profile.setPageSize(5);
    QVERIFY(store.saveProfile(profile));
    QCOMPARE(changed.count(), 2);
    QCOMPARE(store.profiles().size(), 1);
    QCOMPARE(store.profile(QStringLiteral("one"))->pageSize(), 5);

    // Saving what is already there changes nothing and says nothing.
    QVERIFY(store.saveProfile(profile));
    QCOMPARE(changed.count(), 2);
}

void TestProfileStore::invalidProfileIsRefused()
{
    ProfileStore store(settingsPath());
    QSignalSpy changed(&store, &ProfileStore::profilesChanged);
    QString why;
    QVERIFY(!store.saveProfile(Profile(QStringLiteral("x"), QUrl(QStringLiteral("gopher://h/"))), &why));
    QVERIFY(!why.isEmpty());
    QVERIFY(store.profiles().isEmpty());
    QCOMPARE(changed.count(), 0);
}

void TestProfileStore::renameProfile()
{
    ProfileStore store(settingsPath());
    const Profile a = fullProfile(QStringLiteral("a"));
    QVERIFY(store.saveProfile(a));
    QVERIFY(store.saveProfile(fullProfile(QStringLiteral("b"))));
    QVERIFY(store.setCurrentProfileName(QStringLiteral("a")));

    QSignalSpy changed(&store, &ProfileStore::profilesChanged);
    QSignalSpy current(&store, &ProfileStore::currentProfileChanged);
    QString why;
    QVERIFY(!store.renameProfile(QStringLiteral("a"), QStringLiteral("b"), &why));
    QVERIFY(!why.isEmpty());
    QVERIFY(!store.renameProfile(QStringLiteral("missing"), QStringLiteral("c"), &why));
    QVERIFY(!store.renameProfile(QStringLiteral("a"), QString(), &why));
    QCOMPARE(changed.count(), 0);
    QCOMPARE(store.profileNames(), QStringList({ QStringLiteral("a"), QStringLiteral("b") }));

    const QString newName = QStringLiteral("a/renamed ü");
    QVERIFY2(store.renameProfile(QStringLiteral("a"), newName, &why), qPrintable(why));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(current.count(), 1);
    QCOMPARE(current.constFirst().constFirst().toString(), newName);
    // Order is kept, so the profile selector does not jump around.
    QCOMPARE(store.profileNames(), QStringList({ newName, QStringLiteral("b") }));
    QVERIFY(!store.contains(QStringLiteral("a")));

    Profile expected = a;
    expected.setName(newName);
    ProfileStore reopened(settingsPath());
    QCOMPARE(reopened.profile(newName), std::optional<Profile>(expected));
    QCOMPARE(reopened.currentProfileName(), newName);
}

void TestProfileStore::duplicateProfile()
{
    ProfileStore store(settingsPath());
    const Profile a = fullProfile(QStringLiteral("a"));
    QVERIFY(store.saveProfile(a));
    QVERIFY(store.saveProfile(fullProfile(QStringLiteral("b"))));

    QString why;
    QVERIFY(!store.duplicateProfile(QStringLiteral("a"), QStringLiteral("b"), &why));
    QVERIFY(!why.isEmpty());
    QVERIFY(!store.duplicateProfile(QStringLiteral("missing"), QStringLiteral("c"), &why));

    QVERIFY2(store.duplicateProfile(QStringLiteral("a"), QStringLiteral("a (copy)"), &why), qPrintable(why));
    const std::optional<Profile> copy = store.profile(QStringLiteral("a (copy)"));
    QVERIFY(copy.has_value());
    Profile expected = a;
    expected.setName(QStringLiteral("a (copy)"));
    QCOMPARE(*copy, expected);
    QCOMPARE(store.profile(QStringLiteral("a")), std::optional<Profile>(a));
    QCOMPARE(store.profiles().size(), 3);
}

void TestProfileStore::removeProfile()
{
    ProfileStore store(settingsPath());
    QVERIFY(store.saveProfile(fullProfile(QStringLiteral("a"))));
    QVERIFY(store.saveProfile(fullProfile(QStringLiteral("b"))));
    QVERIFY(store.saveProfile(fullProfile(QStringLiteral("c"))));
    QVERIFY(store.setCurrentProfileName(QStringLiteral("b")));

    QSignalSpy changed(&store, &ProfileStore::profilesChanged);
    QSignalSpy current(&store, &ProfileStore::currentProfileChanged);
    QVERIFY(!store.removeProfile(QStringLiteral("missing")));
    QCOMPARE(changed.count(), 0);

    QVERIFY(store.removeProfile(QStringLiteral("c")));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(current.count(), 0);

    // Removing the current profile selects another rather than leaving the app without one.
    QVERIFY(store.removeProfile(QStringLiteral("b")));
    QCOMPARE(current.count(), 1);
    QCOMPARE(store.currentProfileName(), QStringLiteral("a"));

    QVERIFY(store.removeProfile(QStringLiteral("a")));
    QCOMPARE(current.count(), 2);
    QCOMPARE(store.currentProfileName(), QString());
    QVERIFY(store.profiles().isEmpty());

    ProfileStore reopened(settingsPath());
    QVERIFY(reopened.profiles().isEmpty());
}

void TestProfileStore::currentProfile()
{
    ProfileStore store(settingsPath());
    QCOMPARE(store.currentProfileName(), QString());
    QVERIFY(!store.currentProfile().has_value());
    QVERIFY(!store.setCurrentProfileName(QStringLiteral("nobody")));

    const Profile a = fullProfile(QStringLiteral("a"));
    QVERIFY(store.saveProfile(a));
    QSignalSpy current(&store, &ProfileStore::currentProfileChanged);
    QVERIFY(store.setCurrentProfileName(QStringLiteral("a")));
    QCOMPARE(current.count(), 1);
    QVERIFY(store.setCurrentProfileName(QStringLiteral("a")));
    QCOMPARE(current.count(), 1);
    QCOMPARE(store.currentProfile(), std::optional<Profile>(a));

    ProfileStore reopened(settingsPath());
    QCOMPARE(reopened.currentProfileName(), QStringLiteral("a"));
}

void TestProfileStore::ensureDefaultProfileIsIdempotent()
{
    {
        ProfileStore store(settingsPath());
        QSignalSpy current(&store, &ProfileStore::currentProfileChanged);
        QVERIFY(store.ensureDefaultProfile());
        QCOMPARE(store.profiles().size(), 1);
        const Profile sandbox = store.profiles().constFirst();
        QCOMPARE(sandbox.name(), ProfileStore::defaultProfileName());
        QVERIFY(sandbox.isEmbeddedSandbox());
        QVERIFY(sandbox.isValid());
        QCOMPARE(store.currentProfileName(), sandbox.name());
        QCOMPARE(current.count(), 1);

        QVERIFY(!store.ensureDefaultProfile());
        QCOMPARE(store.profiles().size(), 1);
        QCOMPARE(current.count(), 1);
    }
    ProfileStore reopened(settingsPath());
    QVERIFY(!reopened.ensureDefaultProfile());
    QCOMPARE(reopened.profiles().size(), 1);
    QCOMPARE(reopened.currentProfileName(), ProfileStore::defaultProfileName());
}

void TestProfileStore::ensureDefaultProfileKeepsExistingProfiles()
{
    ProfileStore store(settingsPath());
    QVERIFY(store.saveProfile(fullProfile(QStringLiteral("mine"))));
    // The person removed the sandbox profile long ago: it must not come back, but something is selected.
    QVERIFY(!store.ensureDefaultProfile());
    QCOMPARE(store.profileNames(), QStringList({ QStringLiteral("mine") }));
    QCOMPARE(store.currentProfileName(), QStringLiteral("mine"));
}

void TestProfileStore::nonsenseInFileIsClamped()
{
    {
        QSettings raw(settingsPath(), QSettings::IniFormat);
        raw.beginWriteArray(QStringLiteral("profiles"), 3);
        raw.setArrayIndex(0);
        raw.setValue(QStringLiteral("name"), QStringLiteral("edited"));
        raw.setValue(QStringLiteral("baseUrl"), QStringLiteral("http://h/"));
        raw.setValue(QStringLiteral("pageSize"), 1000);
        raw.setValue(QStringLiteral("timeoutMs"), QStringLiteral("soon"));
        raw.setValue(QStringLiteral("maxInFlight"), -3);
        raw.setArrayIndex(1);
        raw.setValue(QStringLiteral("baseUrl"), QStringLiteral("http://nameless/"));
        raw.setArrayIndex(2);
        raw.setValue(QStringLiteral("name"), QStringLiteral("edited"));
        raw.setValue(QStringLiteral("pageSize"), 7);
        raw.endArray();
    }
    ProfileStore store(settingsPath());
    QCOMPARE(store.profileNames(), QStringList({ QStringLiteral("edited") }));
    const Profile edited = *store.profile(QStringLiteral("edited"));
    QCOMPARE(edited.pageSize(), Profile::MaxPageSize);
    QCOMPARE(edited.timeoutMs(), Profile::DefaultTimeoutMs);
    QCOMPARE(edited.maxAttempts(), Profile::DefaultMaxAttempts);
    QCOMPARE(edited.maxInFlight(), Profile::MinMaxInFlight);
    QVERIFY(edited.isValid());
}

void TestProfileStore::stateValuesStayOutOfProfiles()
{
    const QByteArray geometry("\x01\x02\x00\xff geometry", 13);
    {
        ProfileStore store(settingsPath());
        QVERIFY(store.saveProfile(fullProfile(QStringLiteral("a"))));
        store.setValue(QStringLiteral("mainWindow/geometry"), geometry);
        store.setValue(QStringLiteral("profiles/size"), 99);
        store.setValue(QStringLiteral("currentProfile"), QStringLiteral("nobody"));
        QCOMPARE(store.value(QStringLiteral("missing"), 42).toInt(), 42);
        QVERIFY(store.sync());
    }
    ProfileStore reopened(settingsPath());
    QCOMPARE(reopened.value(QStringLiteral("mainWindow/geometry")).toByteArray(), geometry);
    QCOMPARE(reopened.value(QStringLiteral("profiles/size")).toInt(), 99);
    QCOMPARE(reopened.profileNames(), QStringList({ QStringLiteral("a") }));
    QCOMPARE(reopened.currentProfileName(), QString());
    reopened.removeValue(QStringLiteral("profiles/size"));
    QVERIFY(!reopened.value(QStringLiteral("profiles/size")).isValid());
}

void TestProfileStore::tokenNeverInSettingsFile_data()
{
    QTest::addColumn<TokenStore::Backend>("backend");
    QTest::newRow("session only") << TokenStore::Backend::SessionOnly;
    QTest::newRow("owner-only file") << TokenStore::Backend::OwnerOnlyFile;
}

void TestProfileStore::tokenNeverInSettingsFile()
{
    QFETCH(TokenStore::Backend, backend);

    // The app keeps the owner-only file beside the settings file; so does this test.
    ProfileStore profiles(settingsPath());
    TokenStore tokens(TokenStore::KeychainUse::Disabled, m_dir->path());
    tokens.setFallback(backend);
    QCOMPARE(tokens.backend(), backend);

    const QString name = QStringLiteral("prod/eu ü");
    const QString token = uniqueToken();
    Profile profile = fullProfile(name);
    QVERIFY(profiles.saveProfile(profile));
    QVERIFY(profiles.setCurrentProfileName(name));

    ResultCatcher written;
    tokens.writeToken(name, token, &written, written.callback());
    QVERIFY(written.wait());
    QVERIFY2(written.result->ok, qPrintable(written.result->error));
    QVERIFY(!written.result->keychainUnavailable);
    QCOMPARE(written.result->backend, backend);
    QCOMPARE(written.result->profile, name);
    QVERIFY(written.result->token.isEmpty());
    // Checked before anything reads the file, since reading tightens loose permissions.
    if (backend == TokenStore::Backend::OwnerOnlyFile)
        QCOMPARE(unixMode(tokens.ownerOnlyFilePath()), 0600);

    ResultCatcher read;
    tokens.readToken(name, &read, read.callback());
    QVERIFY(read.wait());
    QVERIFY(read.result->ok);
    QVERIFY(read.result->found);
    QCOMPARE(read.result->token, token);

    // Everything else the settings dialog does after entering a token.
    profile.setPageSize(50);
    QVERIFY(profiles.saveProfile(profile));
    QVERIFY(profiles.duplicateProfile(name, QStringLiteral("copy")));
    QVERIFY(profiles.renameProfile(name, QStringLiteral("renamed")));
    ResultCatcher renamed;
    tokens.renameToken(name, QStringLiteral("renamed"), &renamed, renamed.callback());
    QVERIFY(renamed.wait());
    QVERIFY(renamed.result->ok);
    profiles.setValue(QStringLiteral("mainWindow/state"), QByteArray("state"));
    QVERIFY(profiles.sync());

    QFile settingsFile(settingsPath());
    QVERIFY(settingsFile.open(QIODevice::ReadOnly));
    const QByteArray settingsBytes = settingsFile.readAll();
    QVERIFY(settingsBytes.contains("renamed")); // proof that these are the bytes that were written
    QVERIFY(!settingsBytes.contains(token.toUtf8()));
    QVERIFY(!settingsBytes.contains(token.toUtf8().toPercentEncoding()));
    QVERIFY(!settingsBytes.contains(token.toUtf8().toBase64()));
    QVERIFY(!settingsBytes.contains(token.left(12).toUtf8()));

    // Nothing else in the folder may hold it either, but the owner-only file itself.
    QDirIterator files(m_dir->path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString path = files.next();
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const bool holdsToken = file.readAll().contains(token.toUtf8());
        QCOMPARE(
            holdsToken, backend == TokenStore::Backend::OwnerOnlyFile && path == tokens.ownerOnlyFilePath());
    }

    if (backend == TokenStore::Backend::OwnerOnlyFile) {
        QVERIFY(QFile::exists(tokens.ownerOnlyFilePath()));
        QCOMPARE(unixMode(tokens.ownerOnlyFilePath()), 0600);
    } else {
        QVERIFY(!tokens.ownerOnlyFileExists());
    }
}

void TestProfileStore::ownerOnlyFileIsPrivateAndRemovedWhenEmpty()
{
    const QString folder = m_dir->filePath(QStringLiteral("not yet there/UserDesk"));
    TokenStore tokens(TokenStore::KeychainUse::Disabled, folder);
    tokens.setFallback(TokenStore::Backend::OwnerOnlyFile);
    QSignalSpy warnings(&tokens, &TokenStore::warning);
    QVERIFY(!tokens.ownerOnlyFileExists());

    const QString token = uniqueToken();
    ResultCatcher written;
    tokens.writeToken(QStringLiteral("a"), token, &written, written.callback());
    QVERIFY(written.wait());
    QVERIFY2(written.result->ok, qPrintable(written.result->error));
    QCOMPARE(unixMode(tokens.ownerOnlyFilePath()), 0600);
    QCOMPARE(unixMode(folder), 0700);
    // The person is told the token is stored unencrypted, and the warning never repeats the token.
    QCOMPARE(warnings.count(), 1);
    QVERIFY(!warnings.constFirst().constFirst().toString().contains(token));

    // A second store (the next run) finds it, and rewriting keeps the file private.
    TokenStore nextRun(TokenStore::KeychainUse::Disabled, folder);
    nextRun.setFallback(TokenStore::Backend::OwnerOnlyFile);
    QVERIFY(nextRun.ownerOnlyFileExists());
    ResultCatcher second;
    nextRun.writeToken(QStringLiteral("b"), uniqueToken(), &second, second.callback());
    QVERIFY(second.wait());
    QVERIFY(second.result->ok);
    QCOMPARE(unixMode(tokens.ownerOnlyFilePath()), 0600);
    ResultCatcher read;
    nextRun.readToken(QStringLiteral("a"), &read, read.callback());
    QVERIFY(read.wait());
    QVERIFY(read.result->found);
    QCOMPARE(read.result->token, token);

    for (const QString &name : { QStringLiteral("a"), QStringLiteral("b") }) {
        ResultCatcher removed;
        nextRun.removeToken(name, &removed, removed.callback());
        QVERIFY(removed.wait());
        QVERIFY(removed.result->ok);
        QVERIFY(removed.result->found);
    }
    QVERIFY(!nextRun.ownerOnlyFileExists());

    ResultCatcher again;
    nextRun.removeToken(QStringLiteral("a"), &again, again.callback());
    QVERIFY(again.wait());
    QVERIFY(again.result->ok);
    QVERIFY(!again.result->found);
}

void TestProfileStore::ownerOnlyFileWithWidePermissionsIsTightened()
{
    TokenStore tokens(TokenStore::KeychainUse::Disabled, m_dir->path());
    tokens.setFallback(TokenStore::Backend::OwnerOnlyFile);
    ResultCatcher written;
    tokens.writeToken(QStringLiteral("a"), uniqueToken(), &written, written.callback());
    QVERIFY(written.wait());
    QVERIFY(written.result->ok);

    QVERIFY(QFile::setPermissions(tokens.ownerOnlyFilePath(),
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther));
    QCOMPARE(unixMode(tokens.ownerOnlyFilePath()), 0604);
    QSignalSpy warnings(&tokens, &TokenStore::warning);
    ResultCatcher read;
    tokens.readToken(QStringLiteral("a"), &read, read.callback());
    QVERIFY(read.wait());
    QVERIFY(read.result->found);
    QCOMPARE(warnings.count(), 1);
    QCOMPARE(unixMode(tokens.ownerOnlyFilePath()), 0600);
}

void TestProfileStore::sessionOnlyTokensDieWithTheStore()
{
    const QString token = uniqueToken();
    {
        TokenStore tokens(TokenStore::KeychainUse::Disabled, m_dir->path());
        tokens.setFallback(TokenStore::Backend::SessionOnly);
        ResultCatcher written;
        tokens.writeToken(QStringLiteral("a"), token, &written, written.callback());
        QVERIFY(written.wait());
        QVERIFY(written.result->ok);
        ResultCatcher read;
        tokens.readToken(QStringLiteral("a"), &read, read.callback());
        QVERIFY(read.wait());
        QCOMPARE(read.result->token, token);
    }
    TokenStore nextRun(TokenStore::KeychainUse::Disabled, m_dir->path());
    nextRun.setFallback(TokenStore::Backend::SessionOnly);
    ResultCatcher read;
    nextRun.readToken(QStringLiteral("a"), &read, read.callback());
    QVERIFY(read.wait());
    QVERIFY(read.result->ok);
    QVERIFY(!read.result->found);
    QVERIFY(QDir(m_dir->path()).isEmpty());
}

void TestProfileStore::disabledKeychainStoresNothing()
{
    TokenStore tokens(TokenStore::KeychainUse::Disabled, m_dir->path());
    QCOMPARE(tokens.backend(), TokenStore::Backend::Keychain);
    QVERIFY(!tokens.isKeychainEnabled());

    ResultCatcher written;
    tokens.writeToken(QStringLiteral("a"), uniqueToken(), &written, written.callback());
    QVERIFY(written.wait());
    QVERIFY(!written.result->ok);
    QVERIFY(written.result->keychainUnavailable);
    QVERIFY(!written.result->error.isEmpty());

    QVERIFY(QDir(m_dir->path()).isEmpty());
    tokens.setFallback(TokenStore::Backend::SessionOnly);
    ResultCatcher read;
    tokens.readToken(QStringLiteral("a"), &read, read.callback());
    QVERIFY(read.wait());
    QVERIFY(!read.result->found);
}

void TestProfileStore::renameAndCopyMoveTokens()
{
    TokenStore tokens(TokenStore::KeychainUse::Disabled, m_dir->path());
    tokens.setFallback(TokenStore::Backend::OwnerOnlyFile);
    const QString token = uniqueToken();
    const auto readOf = [&tokens](const QString &name) {
        ResultCatcher catcher;
        tokens.readToken(name, &catcher, catcher.callback());
        catcher.wait();
        return catcher.result.value_or(TokenResult());
    };

    ResultCatcher written;
    tokens.writeToken(QStringLiteral("old"), token, &written, written.callback());
    QVERIFY(written.wait());

    ResultCatcher copied;
    tokens.copyToken(QStringLiteral("old"), QStringLiteral("copy"), &copied, copied.callback());
    QVERIFY(copied.wait());
    QVERIFY(copied.result->ok);
    QVERIFY(copied.result->found);
    QCOMPARE(copied.result->profile, QStringLiteral("copy"));
    QCOMPARE(readOf(QStringLiteral("copy")).token, token);

    ResultCatcher renamed;
    tokens.renameToken(QStringLiteral("old"), QStringLiteral("new"), &renamed, renamed.callback());
    QVERIFY(renamed.wait());
    QVERIFY(renamed.result->ok);
    QVERIFY(renamed.result->found);
    QCOMPARE(readOf(QStringLiteral("new")).token, token);
    QVERIFY(readOf(QStringLiteral("old")).ok);
    QVERIFY(!readOf(QStringLiteral("old")).found);

    // A profile without a token passes that on too: a stale token under the new name must not survive.
    ResultCatcher fromNothing;
    tokens.renameToken(QStringLiteral("old"), QStringLiteral("copy"), &fromNothing, fromNothing.callback());
    QVERIFY(fromNothing.wait());
    QVERIFY(fromNothing.result->ok);
    QVERIFY(!fromNothing.result->found);
    QVERIFY(!readOf(QStringLiteral("copy")).found);
    QCOMPARE(readOf(QStringLiteral("new")).token, token);

    // Writing an empty token means "no token".
    ResultCatcher cleared;
    tokens.writeToken(QStringLiteral("new"), QString(), &cleared, cleared.callback());
    QVERIFY(cleared.wait());
    QVERIFY(cleared.result->ok);
    QVERIFY(!readOf(QStringLiteral("new")).found);
}

void TestProfileStore::callbackIsNeverSynchronous()
{
    TokenStore tokens(TokenStore::KeychainUse::Disabled, m_dir->path());
    tokens.setFallback(TokenStore::Backend::SessionOnly);
    ResultCatcher catcher;
    tokens.readToken(QStringLiteral("a"), &catcher, catcher.callback());
    QCOMPARE(catcher.calls, 0);
    QVERIFY(catcher.wait());
    QTest::qWait(50);
    QCOMPARE(catcher.calls, 1);

    ResultCatcher refused;
    tokens.readToken(QString(), &refused, refused.callback());
    QCOMPARE(refused.calls, 0);
    QVERIFY(refused.wait());
    QVERIFY(!refused.result->ok);
    QVERIFY(!refused.result->error.isEmpty());
}

void TestProfileStore::callbackSkippedWhenContextDies()
{
    TokenStore tokens(TokenStore::KeychainUse::Disabled, m_dir->path());
    tokens.setFallback(TokenStore::Backend::SessionOnly);
    bool called = false;
    auto *context = new QObject;
    tokens.readToken(QStringLiteral("a"), context, [&called](const TokenResult &) { called = true; });
    delete context;

    // A later operation on the same store finishing proves the first one had its turn.
    ResultCatcher later;
    tokens.readToken(QStringLiteral("a"), &later, later.callback());
    QVERIFY(later.wait());
    QVERIFY(!called);
}

QTEST_GUILESS_MAIN(TestProfileStore)
#include "tst_profilestore.moc"
